"""The site's own words in Italian, English, Arabic and Chinese (never the records' words).

Each interface language is a whole site (``/``, ``/en/``, ``/ar/``, ``/zh/``): every page is
rendered in its language (``RenderContext.t``), and Material's own language switch leads from one
tree to the other. Nothing swaps texts in the browser. The dictionaries live in
``data/interfaccia.yaml`` (read with the project's strict loader) and reach the browser as a
classic script, ``assets/servicemap/interfaccia.js`` (no ``fetch()``, so the offline copy works
from ``file://``), for the texts the scripts write (popups, "aperto ora", result counts):
``servicemap-i18n.js`` gives them ``ServicemapI18n.t(key, values)`` in the page's language,
read from ``<html lang>``. Renderers and scripts take their text from the same file, so each
string is written once.
"""

from __future__ import annotations

from importlib import resources

from servicemap.core.output import GeneratedFile
from servicemap.load.interface import SOURCE_LANGUAGE as SOURCE_LANGUAGE
from servicemap.load.interface import direction as direction
from servicemap.load.interface import interface, text
from servicemap.load.interface import missing_translations as missing_translations
from servicemap.render.assets import COMMON_PATH
from servicemap.render.clientdata import script_assignment
from servicemap.render.html import esc

DATA_PATH = "assets/servicemap/interfaccia.js"
SCRIPT_PATH = "assets/servicemap/servicemap-i18n.js"


def tagged(tag: str, key: str, attrs: str = "", lang: str = SOURCE_LANGUAGE) -> str:
    """``<tag attrs>text of key in lang</tag>``, escaped: an element of interface text."""
    space = " " if attrs else ""
    return f"<{tag}{space}{attrs}>{esc(text(key, lang))}</{tag}>"


def data_script() -> str:
    """``window.SERVICEMAP_INTERFACCIA``: languages and texts by key (every language: the
    same file serves each tree, and a text missing in one falls back to Italian)."""
    ui = interface()
    value = {"lingue": ui.languages, "testi": ui.texts}
    return script_assignment("SERVICEMAP_INTERFACCIA", value)


def files() -> list[GeneratedFile]:
    """The dictionaries and ``ServicemapI18n`` (the MkDocs adapter loads both on every page)."""
    script = resources.files("servicemap").joinpath("assets", "servicemap-i18n.js").read_bytes()
    return [
        GeneratedFile(DATA_PATH, data_script(), "static"),
        GeneratedFile(SCRIPT_PATH, script, "static"),
    ]


def script_tags(prefix: str = "../") -> list[str]:
    """``ServicemapCommon``, the dictionaries and ``ServicemapI18n`` for a page whose own scripts
    run before the end of ``<body>`` (where the MkDocs adapter loads them on every page): the
    map, Cerca, the list. Loading them twice is harmless (the browser caches them; they only
    define globals)."""
    paths = (COMMON_PATH, DATA_PATH, SCRIPT_PATH)
    return [f'<script src="{prefix}{path}"></script>' for path in paths]

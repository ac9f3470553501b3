"""The site's own words in Italian, English, Arabic and Chinese (never the records' words).

One build, four interface languages: the pages are written in Italian and every interface string
carries ``data-i18n="key"``; ``servicemap-i18n.js`` swaps the texts, sets ``lang``/``dir`` on
``<html>`` and remembers the choice. Four separate builds would cost four times the build time.
The dictionaries live in ``data/interfaccia.yaml`` (read with the project's strict loader) and
reach the browser as a classic script, ``assets/servicemap/interfaccia.js`` (no ``fetch()``, so
the offline copy works from ``file://``). Renderers take their Italian text from here too, so
each string is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from servicemap import load
from servicemap.render import GeneratedFile
from servicemap.render.clientdata import script_assignment
from servicemap.render.html import esc

INTERFACE_FILE = "interfaccia.yaml"
DATA_PATH = "assets/servicemap/interfaccia.js"
SCRIPT_PATH = "assets/servicemap/servicemap-i18n.js"
SOURCE_LANGUAGE = "it"


@dataclass(frozen=True)
class Interface:
    languages: dict[str, dict[str, str]]  # code -> {nome, direzione}
    texts: dict[str, dict[str, str]]  # key -> language -> text
    theme: dict[str, dict[str, str]]  # Italian text of Material's chrome -> language -> text
    plain_words: list[str]  # activity codes explained on the home and need pages


@cache
def interface() -> Interface:
    """The interface dictionaries, read once per process."""
    data = resources.files("servicemap").joinpath("data", INTERFACE_FILE).read_bytes()
    root, problems = load.load_bytes(data, INTERFACE_FILE)
    if root is None or problems:
        raise ValueError("; ".join(p.format_text() for p in problems) or INTERFACE_FILE)
    plain = root.plain()
    return Interface(
        languages=plain["lingue"],
        texts=plain["testi"],
        theme=plain.get("tema", {}),
        plain_words=list(plain.get("cosa_fanno", [])),
    )


def text(key: str, lang: str = SOURCE_LANGUAGE, **values: object) -> str:
    """The text of ``key`` in ``lang`` (Italian when missing), with ``{name}`` values filled."""
    entry = interface().texts[key]
    found = entry.get(lang) or entry[SOURCE_LANGUAGE]
    for name, value in values.items():
        found = found.replace("{" + name + "}", str(value))
    return found


def direction(lang: str) -> str:
    """``rtl`` or ``ltr``: how the language is written (``lingue`` in ``interfaccia.yaml``)."""
    return interface().languages.get(lang, {}).get("direzione", "ltr")


def tagged(tag: str, key: str, attrs: str = "") -> str:
    """``<tag data-i18n="key" attrs>Italian text</tag>``: a string the language switch swaps."""
    space = " " if attrs else ""
    return f'<{tag} data-i18n="{esc(key)}"{space}{attrs}>{esc(text(key))}</{tag}>'


def missing_translations() -> list[str]:
    """``key: lang`` for every text without one of the interface languages (a test wants none)."""
    ui = interface()
    found = [
        f"{key}: {lang}"
        for key, entry in ui.texts.items()
        for lang in ui.languages
        if not entry.get(lang)
    ]
    found += [
        f"tema «{key}»: {lang}"
        for key, entry in ui.theme.items()
        for lang in ui.languages
        if lang != SOURCE_LANGUAGE and not entry.get(lang)
    ]
    return found


def data_script() -> str:
    """``window.SERVICEMAP_INTERFACCIA``: languages, texts by key and the theme's texts."""
    ui = interface()
    value = {"lingue": ui.languages, "testi": ui.texts, "tema": ui.theme}
    return script_assignment("SERVICEMAP_INTERFACCIA", value)


def files() -> list[GeneratedFile]:
    """The dictionaries and the switch's script (the MkDocs adapter loads both on every page)."""
    script = resources.files("servicemap").joinpath("assets", "servicemap-i18n.js").read_bytes()
    return [
        GeneratedFile(DATA_PATH, data_script(), "static"),
        GeneratedFile(SCRIPT_PATH, script, "static"),
    ]

"""The site's own words (``data/interfaccia.yaml``), by key and language: the one place they live.

Read with the project's strict loader (a duplicated key is an error, not a silent overwrite), once
per process. Renderers take them through ``render.i18n`` (which also ships them to the browser);
the validation reads the list of interface languages from here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from servicemap.load import document as load

INTERFACE_FILE = "interfaccia.yaml"
SOURCE_LANGUAGE = "it"


@dataclass(frozen=True)
class Interface:
    languages: dict[str, dict[str, str]]  # code -> {nome, direzione}
    texts: dict[str, dict[str, str]]  # key -> language -> text
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


def missing_translations() -> list[str]:
    """``key: lang`` for every text without one of the interface languages (a test wants none)."""
    ui = interface()
    found = [
        f"{key}: {lang}"
        for key, entry in ui.texts.items()
        for lang in ui.languages
        if not entry.get(lang)
    ]
    return found

"""The offer of the reader's own language: a first visit is offered it with one tap.

A browser tells which languages its person reads (``navigator.languages``). When the first of them
that the site has is not the page's, ``servicemap-lingua.js`` shows a small banner *in that
language* ("اقرأ هذه الصفحة بالعربية") linking to the same page in it (the link of the
header's language switch), and a button to say no. Never a redirect: the person on a
borrowed phone, or the operator helping someone at a desk, chooses. The texts come from
``data/interfaccia.yaml`` (``lingua.offerta``, ``lingua.offerta-no``), each in its own language.
"""

from __future__ import annotations

from importlib import resources

from servicemap.core.output import GeneratedFile
from servicemap.render import i18n
from servicemap.render.clientdata import script_assignment

OWN = "assets/servicemap"
DATA_PATH = f"{OWN}/lingua-offerta.js"
SCRIPT_PATH = f"{OWN}/servicemap-lingua.js"
CSS_PATH = f"{OWN}/servicemap-lingua.css"
EVERY_PAGE_JS = (DATA_PATH, SCRIPT_PATH)
EVERY_PAGE_CSS = (CSS_PATH,)


def offer_texts() -> dict[str, dict[str, str]]:
    """For each interface language, the offer and the refusal written in that language."""
    return {
        lang: {
            "offerta": i18n.text("lingua.offerta", lang),
            "no": i18n.text("lingua.offerta-no", lang),
            "dir": i18n.direction(lang),
        }
        for lang in i18n.interface().languages
    }


def offer_files() -> list[GeneratedFile]:
    """The texts (a classic script: no ``fetch()``, so ``file://`` works), the script, its style."""
    package = resources.files("servicemap").joinpath("assets")
    return [
        GeneratedFile(DATA_PATH, script_assignment("SERVICEMAP_LINGUE", offer_texts()), "static"),
        GeneratedFile(SCRIPT_PATH, package.joinpath("servicemap-lingua.js").read_bytes(), "static"),
        GeneratedFile(CSS_PATH, package.joinpath("servicemap-lingua.css").read_bytes(), "static"),
    ]

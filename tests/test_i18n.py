"""The interface in Italian, English, Arabic (right to left) and Chinese; records as written."""

from __future__ import annotations

import re
from pathlib import Path

from servicemap.render import i18n


def test_every_interface_text_has_every_language():
    assert set(i18n.interface().languages) == {"it", "en", "ar", "zh"}
    assert i18n.interface().languages["ar"]["direzione"] == "rtl"
    assert i18n.missing_translations() == []


# A string literal of the scripts shaped like an interface key ("cerca.trovati", "oggi.aperto").
KEY_LITERAL = re.compile(r'"([a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:-[a-z]+)*)+)"')
NOT_KEYS = {"index.html", "servicemap.lingua-scelta"}  # a file, a localStorage key


def test_every_key_the_scripts_use_is_in_the_dictionary():
    assets = Path(i18n.__file__).parents[1] / "assets"
    used: set[str] = set()
    for script in assets.glob("*.js"):
        used |= set(KEY_LITERAL.findall(script.read_text(encoding="utf-8")))
    assert {"oggi.aperto", "cerca.trovati", "mappa.nel-punto", "lista.aggiunto"} <= used
    assert used - NOT_KEYS - set(i18n.interface().texts) == set()


def test_the_old_text_swap_is_gone(example_build):
    """Pages are rendered in their language: no keys for a script to swap, no <select>."""
    for tree in ("", "en/", "ar/", "zh/"):
        for page in ("mappa/index.html", "cerca/index.html", "lista/index.html"):
            assert "data-i18n" not in example_build.page(tree + page), tree + page
    script = (example_build.site / "assets/servicemap/servicemap-i18n.js").read_text("utf-8")
    assert "localStorage" not in script and "<select" not in script
    assert '"tema"' not in (example_build.site / "assets/servicemap/interfaccia.js").read_text()


def test_the_scripts_texts_are_on_every_page_of_every_tree(example_build):
    for page in ("index.html", "cerca/index.html", "mappa/index.html", "aree/poverta/index.html"):
        for tree in ("", "en/", "ar/", "zh/"):
            html = example_build.page(tree + page)
            assert "assets/servicemap/interfaccia.js" in html, tree + page
            assert "assets/servicemap/servicemap-i18n.js" in html, tree + page


def test_map_search_and_list_pages_are_written_in_their_language(example_build):
    titles = {
        "cerca/index.html": {"it": "Cerca un servizio", "en": "Find a service",
                             "ar": "ابحث عن خدمة"},
        "mappa/index.html": {"it": "Mappa dei servizi", "en": "Map of services",
                             "ar": "خريطة الخدمات"},
        "lista/index.html": {"it": "La mia lista", "en": "My list", "ar": "قائمتي"},
    }  # fmt: skip
    for page, by_lang in titles.items():
        for lang, title in by_lang.items():
            html = example_build.page(("" if lang == "it" else f"{lang}/") + page)
            assert re.search(rf"<h1[^>]*>{re.escape(title)}</h1>", html), (lang, page)
            assert f'lang="{lang}"' in html.split(">", 2)[1] + ">", (lang, page)
    arabic = example_build.page("ar/mappa/index.html")
    assert 'href="#elenco-dei-servizi">تخطَّ الخريطة: انتقل إلى قائمة الخدمات</a>' in arabic
    assert 'id="elenco-dei-servizi"' in arabic  # the skip link's target, in every language

"""The map, Cerca and La mia lista in each language's tree, in headless Chromium.

A real ``mkdocs build`` with mkdocs-static-i18n (Italian at the root, ``/en/``, ``/ar/``,
``/zh/``): each page is built in its language, its scripts speak it (popups, counts, list
actions), Arabic isolates times and numbers (``<bdi>``) and mirrors the map's controls, and
Cerca finds in every tree what the Italian words find.
"""

from __future__ import annotations

from pathlib import Path

import browser
import pytest
from browser import serve
from test_browser_map_search import MKDOCS_YML, build_site
from test_search_words import ids, records

from servicemap.render import i18n
from servicemap.render.labels import Labels
from servicemap.validate.contract import load_vocabulary

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent

# The test site's mkdocs.yml with the four interface languages (mkdocs-static-i18n).
LANGUAGES_YML = MKDOCS_YML.replace(
    "plugins: [search]\n",
    """\
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - {locale: it, name: Italiano, default: true, build: true}
        - {locale: en, name: English, build: true}
        - {locale: ar, name: العربية, build: true}
        - {locale: zh, name: 中文, build: true}
""",
)


APPOINTMENT = "servizio-00004"  # no timetable, by appointment


def language_records() -> list[dict]:
    """The search words' records; one open on Monday mornings, for the popup's hours, and one
    received by appointment without a timetable."""
    recs = records()
    recs[1]["orari"] = {"lun": "09:00-12:00", "mer": "09:00-12:00,15:00-18:00"}
    recs[4]["accesso"] = ["appuntamento"]
    for key in ("orari", "chiusure"):
        recs[4].pop(key, None)
    return recs


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lingue")
    build_site(folder, language_records(), LANGUAGES_YML)
    with serve(folder / "site") as url:
        yield url.rstrip("/")


@pytest.fixture
def person(chromium):
    with browser.people(chromium) as make:
        yield make


def open_search(page, site: str, path: str) -> set[str]:
    page.goto(f"{site}/{path}")
    page.wait_for_selector("#sm-search[data-ready=true]")
    return set(
        page.eval_on_selector_all(
            "#sm-results [data-servizio-id]:not([hidden])",
            "els => els.map(e => e.getAttribute('data-servizio-id'))",
        )
    )


def test_italian_words_find_the_same_desks_in_every_tree(site, person):
    page = person().page
    italian = open_search(page, site, "cerca/?testo=bollette")
    assert italian == ids(1)  # need poverta: its words (vocabulary parole) include bollette
    for lang in ("en", "ar", "zh"):
        assert open_search(page, site, f"{lang}/cerca/?testo=bollette") == italian, lang
        assert page.get_attribute("html", "lang") == lang
    # The record's own Italian words too: its name, its organisation.
    assert open_search(page, site, "ar/cerca/?testo=zeta") == ids(3)


def _vocabulary_words(lang: str) -> tuple[str, ...]:
    vocabulary = load_vocabulary(Path("/dev/null"))[0]
    return Labels.from_vocabulary(vocabulary, lang).words_of("aree", "poverta")


def test_bills_and_fawatir_find_what_bollette_finds(site, person):
    assert "bills" in _vocabulary_words("en") and "فواتير" in _vocabulary_words("ar")
    page = person().page
    italian = open_search(page, site, "cerca/?testo=bollette")
    assert open_search(page, site, "en/cerca/?testo=bills") == italian
    assert open_search(page, site, "ar/cerca/?testo=فواتير") == italian
    assert open_search(page, site, "ar/cerca/?testo=الفواتير") == italian


def test_the_arabic_map_speaks_arabic_and_isolates_the_hours(site, person):
    you = person(timezone_id="Europe/Rome")
    page = you.page
    page.clock.set_fixed_time("2025-03-17T09:30:00Z")  # Monday 10:30 in Rome
    page.goto(f"{site}/ar/mappa/")
    page.wait_for_selector("#sm-map[data-ready=true]")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("body", "dir") == "rtl"
    # Leaflet's controls on the mirrored side, named in Arabic.
    zoom = page.locator(".leaflet-control-zoom")
    assert zoom.evaluate("z => z.parentNode.className") == "leaflet-top leaflet-right"
    assert page.get_attribute(".leaflet-control-zoom-in", "aria-label") == "تكبير"
    item = page.locator('.sm-map-list li[data-servizio-id="servizio-00001"]')
    button = item.locator(".sm-show-on-map")
    assert button.inner_text() == "اعرض على الخريطة"
    button.click()
    today = page.locator(".sm-popup-item[data-i] .sm-popup-today").filter(has=page.locator("bdi"))
    today.first.wait_for()
    assert today.first.inner_text() == "مفتوح اليوم 09:00–12:00 · مفتوح الآن"
    assert today.first.locator("bdi").inner_text() == "09:00–12:00"
    name = page.locator(".sm-popup-name a").first
    assert name.get_attribute("lang") == "it" and name.get_attribute("dir") == "auto"
    assert page.get_attribute(".leaflet-popup-close-button", "aria-label") == "إغلاق"
    assert you.errors == []


# Every visible text node, attribute a person meets (placeholder, aria-label, title) and the
# texts inside [lang=it] (the records, as written) left out.
VISIBLE_TEXTS_JS = """() => {
  const out = [];
  const shown = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement, text = n.nodeValue.trim();
    if (!text || !el || el.closest('body [lang=it], script, style, noscript')) continue;
    if (!shown(el)) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
    if (el.closest('body [lang=it]') || !shown(el)) continue;
    for (const a of ['placeholder', 'aria-label', 'title']) {
      if (el.getAttribute(a)) out.push(el.getAttribute(a).trim());
    }
  }
  return out;
}"""


def italian_interface_texts() -> set[str]:
    """The Italian texts of interfaccia.yaml that differ from their Arabic (not a name)."""
    texts = i18n.interface().texts
    return {
        entry["it"].split("{")[0].strip()
        for entry in texts.values()
        if entry["it"] != entry.get("ar") and len(entry["it"].split("{")[0].strip()) > 3
    }


@pytest.mark.parametrize("path", ["ar/mappa/", "ar/cerca/", "ar/lista/"])
def test_no_italian_interface_text_on_the_arabic_pages(site, person, path):
    you = person()
    page = you.page
    page.goto(f"{site}/{path}")
    page.wait_for_selector("[data-ready=true]")
    if path == "ar/mappa/":  # a popup open too
        page.locator(".sm-show-on-map").first.click()
        page.wait_for_selector(".sm-popup-today")
    if path == "ar/cerca/":
        page.fill("#sm-q", "zzzz")  # the "nothing found" routes shown too
        page.wait_for_function("() => !document.getElementById('sm-nessuno').hidden")
    seen = page.evaluate(VISIBLE_TEXTS_JS)
    italian = italian_interface_texts()
    found = sorted(
        {text for text in seen for it in italian if text == it or (" " in it and it in text)}
    )
    assert found == [], found
    assert you.errors == []


def test_english_counts_list_actions_and_dates(site, person):
    you = person(timezone_id="Europe/Rome")
    page = you.page
    page.clock.set_fixed_time("2025-03-17T09:30:00Z")
    open_search(page, site, "en/cerca/")
    assert page.inner_text("#sm-count") == "12 services found"
    toggle = page.locator('[data-servizio-id="servizio-00001"] .sm-lista-toggle')
    toggle.click()
    assert toggle.inner_text() == "Remove from my list"
    assert page.inner_text(".sm-lista-annuncio") == ("Added: Emporio Beta. 1 service in the list")
    page.goto(f"{site}/en/lista/")
    page.wait_for_selector("#sm-lista[data-ready=true]")
    assert page.inner_text(".sm-lista-oggi") == "Open today 09:00–12:00 · open now"
    assert page.inner_text(".sm-lista-stampata") == "List printed on March 17, 2025."
    heads = page.eval_on_selector_all(
        ".sm-lista-settimana th", "els => els.map(e => e.textContent)"
    )
    assert heads == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    page.goto(f"{site}/ar/lista/")
    page.wait_for_selector("#sm-lista[data-ready=true]")
    assert page.inner_text(".sm-lista-stampata") == "طُبعت القائمة في 17 مارس 2025."
    assert page.locator(".sm-lista-oggi bdi").inner_text() == "09:00–12:00"
    assert you.errors == []


def test_a_service_page_says_today_and_its_age_in_its_language(site, person):
    you = person(timezone_id="Europe/Rome")
    page = you.page
    page.clock.set_fixed_time("2025-03-17T09:30:00Z")  # Monday 10:30 in Rome
    for tree, today in (
        ("", "Oggi aperto 09:00–12:00 · adesso aperto"),
        ("en/", "Open today 09:00–12:00 · open now"),
        ("ar/", "مفتوح اليوم 09:00–12:00 · مفتوح الآن"),
    ):
        page.goto(f"{site}/{tree}servizi/servizio-00001/")
        page.wait_for_selector(".sm-oggi:not([hidden])")
        assert page.inner_text(".sm-oggi") == today, tree
        assert page.locator(".sm-oggi bdi").inner_text() == "09:00–12:00"
    assert page.get_attribute("html", "dir") == "rtl"
    assert you.errors == []


@pytest.mark.parametrize(
    ("tree", "words"),
    [
        ("", "Oggi: su appuntamento"),
        ("en/", "Today: by appointment"),
        ("ar/", "اليوم: بموعد مسبق"),
        ("zh/", "今日：需预约"),
    ],
)
def test_by_appointment_is_said_alike_on_every_page(site, person, tree, words):
    """One rule of a day (ServicemapHours): a desk received by appointment, without a
    timetable, says so on its page, in Cerca's card, in the map popup and in La mia lista; not
    "hours not given" on some of them."""
    you = person(timezone_id="Europe/Rome")
    page = you.page
    page.clock.set_fixed_time("2025-03-18T09:30:00Z")  # a Tuesday
    page.goto(f"{site}/{tree}servizi/{APPOINTMENT}/")
    page.wait_for_selector(".sm-oggi:not([hidden])")
    assert page.inner_text(".sm-oggi") == words
    open_search(page, site, f"{tree}cerca/")
    card = page.locator(f'[data-servizio-id="{APPOINTMENT}"] .sm-result-today')
    assert card.inner_text() == words
    page.locator(f'[data-servizio-id="{APPOINTMENT}"] .sm-lista-toggle').click()
    page.goto(f"{site}/{tree}mappa/")
    page.wait_for_selector("#sm-map[data-ready=true]")
    page.locator(f'.sm-map-list li[data-servizio-id="{APPOINTMENT}"] .sm-show-on-map').click()
    popup = page.locator(".sm-popup-item[data-i]").filter(
        has=page.locator(f'a[href*="{APPOINTMENT}"]')
    )
    assert popup.locator(".sm-popup-today").inner_text() == words
    page.goto(f"{site}/{tree}lista/")
    page.wait_for_selector("#sm-lista[data-ready=true]")
    assert page.inner_text(".sm-lista-oggi") == words
    assert you.errors == []


def test_a_shared_list_speaks_arabic_right_to_left(site, person):
    you = person()
    page = you.page
    page.goto(f"{site}/ar/lista/?s=servizio-00000,servizio-00001")
    page.wait_for_selector("#sm-lista[data-ready=true]")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".sm-lista-conta").inner_text() == "2 خدمات في القائمة"
    assert page.locator(".sm-lista-conta bdi").inner_text() == "2"
    assert page.locator(".sm-lista-salva").inner_text() == "احفظ في قائمتي"
    name = page.locator(".sm-lista-nome a").first
    assert name.get_attribute("lang") == "it"  # the record, untranslated, read as Italian
    assert you.errors == []


@pytest.mark.parametrize("path", ["ar/mappa/", "ar/cerca/?testo=bollette", "ar/lista/"])
def test_axe_finds_no_violation_on_the_arabic_pages(site, person, path):
    you = person(bypass_csp=True)
    page = you.page
    page.goto(f"{site}/{path}")
    page.wait_for_selector("[data-ready=true]")
    if path == "ar/mappa/":
        page.locator(".sm-show-on-map").first.click()
        page.wait_for_selector(".sm-popup-today")
        page.wait_for_function("() => !document.getElementById('sm-map').dataset.moving")
    violations = browser.run_axe(page)
    assert violations == [], browser.describe(violations)

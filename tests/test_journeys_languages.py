"""Journeys in another interface language, on a phone (Chromium, 360×740), as a person who reads
Arabic or English and not Italian would make them: from the home page of their language to a
service's phone number, through the comune they live in.

On every page of the way the language is the page's own (``<html lang dir>`` and ``<body dir>``
agree), and no interface text is left in Italian: the visible text, outside what is marked
``lang="it"`` (a record's words without a translation), contains none of the Italian interface
texts of ``data/interfaccia.yaml``. A record with an Arabic translation shows it in the Arabic
tree and not in the Italian one; axe-core finds no WCAG 2.1 AA violation on the Arabic pages.
"""

from __future__ import annotations

import re

import browser
import pytest
import synthetic
from browser import describe, new_page, page_types, run_axe, settle
from conftest import run_build, site_config

from servicemap.render import i18n

pytestmark = pytest.mark.browser

SITE_URL = "https://mappa.example.org/"
ARABIC_NAME = "مكتب الاستقبال للمهاجرين"
ENGLISH_NAME = "Welcome desk for migrants"
# The visible text of the page outside anything marked Italian (records without a translation)
# and outside scripts: what a reader of the page's language is asked to read.
OWN_LANGUAGE_TEXT_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.nodeValue.trim() || el.closest('script, style, noscript, template')) continue;
    const marked = el.closest('[lang]');
    if (marked && marked.getAttribute('lang').toLowerCase().startsWith('it')) continue;
    if (!el.checkVisibility({checkVisibilityCSS: true})) continue;
    out.push(node.nodeValue.trim());
  }
  return out.join('\\n');
}"""
DIRECTIONS_JS = """() => [document.documentElement.lang, document.documentElement.dir,
  document.body.dir]"""


def records() -> list[dict]:
    """Synthetic records of the example territory; the first speaks Arabic and English."""
    recs = synthetic.records(4, seed=5)
    recs[0]["traduzioni"] = {
        "ar": {"nome": ARABIC_NAME, "descrizione": "نساعدك في طلب الخدمات والوثائق."},
        "en": {"nome": ENGLISH_NAME, "descrizione": "We help you apply for services."},
    }
    return recs


FIRST = records()[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lingue")
    config = site_config(folder)
    (folder / "services.yaml").write_text(synthetic.to_yaml(records()), encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {SITE_URL}"))
    done = run_build(config, folder / "site")
    assert done.returncode == 0, done.output[-3000:]
    return done.site


@pytest.fixture(scope="module")
def url(site):
    with browser.serve(site) as base:
        yield base


@pytest.fixture
def person(chromium):
    with browser.people(chromium) as make:
        yield make


def italian_interface_texts(lang: str) -> list[str]:
    """The Italian interface texts a page in ``lang`` must not show: each text's longest literal
    part (between ``{values}``), where the translation differs and the part is a phrase."""
    found = []
    for entry in i18n.interface().texts.values():
        if entry.get(lang) == entry["it"]:
            continue
        part = max(re.split(r"\{[a-z_]+\}", entry["it"]), key=len).strip(" :·,.()«»")
        if len(part) >= 8 and " " in part:
            found.append(part)
    return found


def italian_left(page, lang: str) -> list[str]:
    text = page.evaluate(OWN_LANGUAGE_TEXT_JS)
    return [phrase for phrase in italian_interface_texts(lang) if phrase in text]


def walk(you, base: str, lang: str, comune: str) -> list[tuple[str, list[str]]]:
    """Home -> its comune's page -> the first record's page; ``(page, Italian left)`` each."""
    page = you.page
    seen = []

    def arrived(path: str) -> None:
        settle(page, path.removeprefix(f"{lang}/"))
        assert page.evaluate(DIRECTIONS_JS) == [lang, i18n.direction(lang), i18n.direction(lang)]
        seen.append((path, italian_left(page, lang)))

    page.goto(f"{base}{lang}/")
    arrived(f"{lang}/")
    you.taps += 1  # the first screen lists the comuni under "In your town"
    page.locator(".sm-inizia-comuni").get_by_role("link", name=comune, exact=True).click()
    page.wait_for_url(f"**/{lang}/comuni/*/")
    arrived(page.url.removeprefix(base))
    you.taps += 1
    page.locator(f'a[href*="servizi/{FIRST["id"]}/"]').first.click()
    page.wait_for_url(f"**/{lang}/servizi/{FIRST['id']}/")
    arrived(f"{lang}/servizi/{FIRST['id']}/")
    return seen


@pytest.mark.parametrize(("lang", "name"), [("ar", ARABIC_NAME), ("en", ENGLISH_NAME)])
def test_from_the_home_page_to_a_phone_number_in_the_readers_language(url, person, lang, name):
    you = person(locale=lang)
    seen = walk(you, url, lang, FIRST["indirizzo"]["comune"])
    assert [left for _, left in seen] == [[]] * len(seen), seen
    page = you.page
    assert page.locator("article h1").inner_text().strip() == name
    call = page.locator(".sm-in-breve a.sm-chiama")
    box = call.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= browser.PHONE["height"]
    assert call.get_attribute("href", timeout=2000).startswith("tel:+39")
    call.click(trial=True)
    you.taps += 1
    assert you.taps == 3  # the comune on the home page, the service, the number


def shown(path) -> str:
    """A page without its JSON-LD, which carries every language on purpose (the open data)."""
    return re.sub(
        r'<script type="application/ld\+json">.*?</script>', "", path.read_text(), flags=re.S
    )


def test_a_translation_shows_in_its_tree_only(site):
    service = f"servizi/{FIRST['id']}/index.html"
    arabic, italian = shown(site / "ar" / service), shown(site / service)
    assert ARABIC_NAME in arabic and ARABIC_NAME not in italian
    assert FIRST["nome"] in italian
    english = shown(site / "en" / service)
    assert ENGLISH_NAME in english and ARABIC_NAME not in english


def test_a_record_without_translation_is_marked_italian_in_the_arabic_tree(site, chromium):
    other = records()[1]
    page = new_page(chromium, width=360)
    try:
        page.goto((site / "ar" / "servizi" / other["id"] / "index.html").as_uri())
        heading = page.locator("article h1")
        assert heading.inner_text().strip() == other["nome"]
        assert heading.evaluate("h => h.closest('[lang]').getAttribute('lang')") == "it"
    finally:
        browser.close(page)


@pytest.mark.parametrize("kind", ["home", "cerca", "mappa", "servizio", "comune", "bisogno"])
def test_axe_finds_no_wcag_violation_on_the_arabic_pages(example_site, example_build, chromium,
                                                           kind):  # fmt: skip
    path = page_types(example_build.site / "ar")[kind]
    page = new_page(chromium, width=360)
    try:
        page.goto(f"{example_site}ar/{path}")
        settle(page, path)
        assert page.evaluate(DIRECTIONS_JS)[1:] == ["rtl", "rtl"]
        violations = run_axe(page)
        assert violations == [], f"ar/{path}:\n{describe(violations)}"
    finally:
        browser.close(page)

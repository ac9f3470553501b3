"""Journeys from the home page, in Chromium at 360×740, counting the person's taps.

A tap is a click or a key press the person makes (typing words is not counted). Each journey
asserts what the person sees at the end: the service's page saying it is open now, Cerca with
their words and its results, the list sorted by distance. Before issue 11 the home page began
with two paragraphs about the network; reaching a comune's services took three taps (home's
"Nel tuo comune" link, the comune in the index, then the service), measured by reading the page.
"""

from __future__ import annotations

import pytest
import synthetic
from browser import close, new_page, settle
from test_browser_map_search import serve_site

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
MONDAY_MORNING = "2025-03-17T09:30:00Z"  # 10:30 in Italy: the Monday desk is open


class Taps:
    """The person's taps on a page, counted as they happen."""

    def __init__(self, page) -> None:
        self.page, self.count = page, 0

    def tap(self, selector: str) -> None:
        self.page.locator(selector).first.click()
        self.count += 1

    def press(self, selector: str, key: str) -> None:
        self.page.press(selector, key)
        self.count += 1


def records() -> list[dict]:
    """Six desks; only the first is open on Monday mornings."""
    recs = synthetic.records(6, seed=11)
    for rec in recs:
        rec["orari"], rec["aggiornato"], rec["accesso"] = (
            {"mar": "09:00-12:00"},
            "2025-03-01",
            ["libero"],
        )
        rec.pop("note_orari", None)
    recs[0].update(nome="Sportello del lunedì", orari={"lun": "09:00-12:00"})
    return recs


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("home"), records()) as url:
        yield url


@pytest.fixture
def phone(chromium):
    pages = []

    def make(**options):
        page = new_page(chromium, PHONE["width"], PHONE["height"], **options)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        pages.append((page, errors))
        return page

    yield make
    for page, errors in pages:
        close(page)
        assert not errors, errors


BOXES_JS = """() => {
  const box = s => { const e = document.querySelector(s);
    if (!e) return null; const r = e.getBoundingClientRect(); return [r.top, r.bottom]; };
  const about = [...document.querySelectorAll('.md-content p')]
    .find(p => p.textContent.includes('è la rete di'));
  return {
    search: box('#sm-inizia-testo'), submit: box('.sm-inizia-cerca button'),
    map: box('.sm-inizia-mappa'), near: box('.sm-inizia-vicino'),
    needs: box('.sm-inizia-bisogni li:last-child'), comuni: box('.sm-inizia-comuni li:first-child'),
    about: about ? [about.getBoundingClientRect().top, about.getBoundingClientRect().bottom] : null,
  };
}"""


def test_the_first_screen_holds_the_search_and_the_ways_in(example_site, phone):
    page = phone()
    page.goto(example_site)
    settle(page, "")
    boxes = page.evaluate(BOXES_JS)
    ways = ("search", "submit", "map", "near", "needs", "comuni")
    assert {k: boxes[k][1] <= PHONE["height"] for k in ways} == dict.fromkeys(ways, True), boxes
    assert boxes["about"][0] >= PHONE["height"]  # the network's description comes after
    assert page.is_visible("label[for=sm-inizia-testo]")
    needs = page.eval_on_selector_all(".sm-inizia-bisogni a", "as => as.map(a => a.textContent)")
    assert needs == ["Povertà e difficoltà economiche", "Servizi digitali"]  # plain words
    comuni = page.eval_on_selector_all(".sm-inizia-comuni a", "as => as.map(a => a.textContent)")
    assert {"Pioltello", "Segrate", "Vimodrone", "Rodano"} <= set(comuni)
    small = page.eval_on_selector_all(
        ".sm-inizia a, .sm-inizia button, .sm-inizia input",
        "es => es.filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML)",
    )
    assert small == []  # every target is at least 44 px tall


def test_on_the_desktop_the_same_order_holds(example_site, chromium):
    page = new_page(chromium, 1280, 800)
    try:
        page.goto(example_site)
        settle(page, "")
        b = page.evaluate(BOXES_JS)
        tops = [b[k][0] for k in ("search", "map", "needs", "comuni", "about")]
        assert tops == sorted(tops)
        assert not page.is_visible(".md-sidebar--primary")  # no left nav: the page is ours
    finally:
        close(page)


def test_from_home_to_a_service_open_now_in_its_comune(site, phone):
    comune = records()[0]["indirizzo"]["comune"]
    page = phone()
    page.clock.set_fixed_time(MONDAY_MORNING)
    taps = Taps(page)
    page.goto(f"{site}/")
    taps.tap(f".sm-inizia-comuni a:text-is('{comune}')")
    page.wait_for_selector("h1:has-text('Comune di')")
    taps.tap("#servizi-nel-comune + ul [data-servizio-id=servizio-00000] a")
    page.wait_for_selector(".sm-oggi:not([hidden])")
    assert page.inner_text("h1") == "Sportello del lunedì"
    assert page.inner_text(".sm-oggi") == "Oggi aperto 09:00–12:00 · adesso aperto"
    assert taps.count == 2  # before: 3 (home link, comuni index, the service)


def test_from_home_search_to_a_service_open_now(site, phone):
    page = phone()
    page.clock.set_fixed_time(MONDAY_MORNING)
    taps = Taps(page)
    page.goto(f"{site}/")
    page.fill("#sm-inizia-testo", "sportello")  # typing is not a tap
    taps.press("#sm-inizia-testo", "Enter")
    page.wait_for_selector("#sm-search[data-ready=true]")
    assert page.url.endswith("/cerca/?testo=sportello")
    assert page.input_value("#sm-q") == "sportello"  # the words arrived with the person
    taps.tap("#sm-aperto")
    page.wait_for_function(
        "() => document.querySelectorAll('#sm-results [data-servizio-id]:not([hidden])').length"
        " === 1"
    )
    taps.tap("#sm-results [data-servizio-id]:not([hidden]) a")
    page.wait_for_selector(".sm-oggi:not([hidden])")
    assert page.inner_text("h1") == "Sportello del lunedì"
    assert "adesso aperto" in page.inner_text(".sm-oggi")
    assert taps.count == 3  # Enter, "aperto ora", the service


def test_search_from_home_works_without_javascript(site, chromium):
    page = new_page(chromium, 360, 740, java_script_enabled=False)
    try:
        page.goto(f"{site}/")
        page.fill("#sm-inizia-testo", "lunedì")
        page.press("#sm-inizia-testo", "Enter")
        page.wait_for_url("**/cerca/?testo=*")
        assert "testo=luned%C3%AC" in page.url
    finally:
        close(page)


COUNT_ASKS = (
    "window.__asked = 0; const g = navigator.geolocation.getCurrentPosition.bind("
    "navigator.geolocation); navigator.geolocation.getCurrentPosition = "
    "(...a) => { window.__asked++; return g(...a); };"
)


def test_near_me_from_home_asks_once_after_the_tap(site, phone):
    page = phone(geolocation={"latitude": 45.484, "longitude": 9.296}, permissions=["geolocation"])
    page.add_init_script(COUNT_ASKS)
    taps = Taps(page)
    page.goto(f"{site}/")
    settle(page, "")
    assert page.evaluate("window.__asked") == 0  # the home page never asks
    taps.tap(".sm-inizia-vicino")
    page.wait_for_function("() => document.querySelector('.sm-result-distance') !== null")
    assert page.evaluate("window.__asked") == 1
    assert "più vicino" in page.inner_text("#sm-vicino-stato")
    assert page.get_attribute("#sm-vicino", "aria-pressed") == "true"
    assert taps.count == 1

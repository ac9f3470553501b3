"""Cerca shows a screenful of results, and the next ones when asked ("Mostra altri").

A real ``mkdocs build`` of 41 synthetic records, driven in Chromium at 360 px: the page shows the
first 20 services and counts all 41; the button names how many more it adds, adds them after
the others (in the same order, none twice) and puts the focus on the first new one, so a
keyboard goes on from there; each new result has its "La mia lista" button; a new search starts
again from its first 20.
"""

from __future__ import annotations

import browser
import pytest
import synthetic
from test_browser_map_search import serve_site

pytestmark = pytest.mark.browser  # the ``chromium`` fixture skips, or fails in CI, without it

COUNT = 41

SHOWN_JS = """() => [...document.querySelectorAll('#sm-results [data-servizio-id]:not([hidden])')]
  .map(e => e.getAttribute('data-servizio-id'))"""
# Every service of the page's data, in the order of the results (by name).
ALL_JS = """() => { const d = window.SERVICEMAP_SERVICES, id = d.campi.s.indexOf('id');
  return d.s.map(r => r[id]); }"""
FOCUSED_JS = """() => { const r = document.activeElement.closest('[data-servizio-id]');
  return [document.activeElement.tagName, r && r.getAttribute('data-servizio-id')]; }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("altri"), synthetic.records(COUNT, seed=5)) as url:
        yield url


@pytest.fixture
def phone(chromium):
    with browser.people(chromium) as make:
        yield make().page


def press_more(page, shown: int) -> None:
    """The button, reached and pressed from the keyboard; then ``shown`` results."""
    page.focus("button.sm-altri")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({SHOWN_JS})().length === {shown}")


def test_a_long_answer_shows_a_screenful_and_the_rest_on_request(site, phone):
    page = phone
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true]")
    every = page.evaluate(ALL_JS)
    assert len(every) == COUNT
    assert page.inner_text("#sm-count") == f"{COUNT} servizi trovati"
    assert page.evaluate(SHOWN_JS) == every[:20]
    more = page.locator("button.sm-altri")
    assert more.is_visible() and more.inner_text() == "Mostra altri 20 servizi"

    press_more(page, 40)
    assert page.evaluate(SHOWN_JS) == every[:40]
    assert page.evaluate(FOCUSED_JS) == ["A", every[20]]  # the first new one
    page.keyboard.press("Tab")  # from it the keyboard goes on to its own "La mia lista"
    assert page.evaluate(FOCUSED_JS) == ["BUTTON", every[20]]
    assert page.locator("#sm-results .sm-lista-toggle:visible").count() == 40
    assert page.inner_text("#sm-count") == f"{COUNT} servizi trovati"  # not said again
    assert more.inner_text() == "Mostra un altro servizio"

    press_more(page, COUNT)
    assert page.evaluate(SHOWN_JS) == every
    assert not more.is_visible()

    page.fill("#sm-q", "zzzz")  # a new search starts from its first page
    assert page.evaluate(SHOWN_JS) == [] and not more.is_visible()
    page.fill("#sm-q", "")
    assert page.evaluate(SHOWN_JS) == every[:20]
    assert more.inner_text() == "Mostra altri 20 servizi"

"""Phones: 360 px wide without sideways scrolling, targets a finger can hit, results first.

Screenshots at 360 px and 1280 px are saved under pytest's tmp folder as evidence; what the tests
assert is measured on the page (scroll width, element boxes, colours in the picture).
"""

from __future__ import annotations

import base64
import struct

import pytest
import synthetic
from browser import close, describe, new_page, page_types, run_axe, settle
from test_browser_map_search import serve_site

from servicemap.render.map import LONG_LIST

pytestmark = [
    pytest.mark.browser,
]
PHONE = 360
KINDS = ("home", "cerca", "mappa", "servizio", "comune", "bisogno")


@pytest.fixture(scope="module")
def kinds(example_build) -> dict[str, str]:
    return page_types(example_build.site)


@pytest.fixture
def phone(chromium):
    made = []

    def make(width: int = PHONE, height: int = 740):
        page = new_page(chromium, width=width, height=height, is_mobile=True, has_touch=True)
        made.append(page)
        return page

    yield make
    for page in made:
        close(page)


def open_page(page, base: str, path: str):
    page.goto(base + path)
    settle(page, path)
    return page


@pytest.mark.parametrize("kind", KINDS)
def test_no_sideways_scrolling_at_360(example_site, kinds, phone, kind):
    page = open_page(phone(), example_site, kinds[kind])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"{kind}: the page is {width}px wide"
    outside = page.evaluate(
        """vw => [...document.querySelectorAll('.md-content *')]
          .filter(e => e.getClientRects().length && !e.closest('.leaflet-container'))
          .filter(e => { const r = e.getBoundingClientRect();
                         return r.width > 0 && (r.right > vw + 1 || r.left < -1); })
          .slice(0, 5).map(e => e.tagName + '.' + e.className)""",
        PHONE,
    )
    assert outside == [], kind
    # The text is a readable size, not a desktop page shrunk to fit.
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
    )
    assert size >= 14


@pytest.mark.parametrize("kind", KINDS)
def test_targets_are_big_enough_for_a_finger(example_site, kinds, phone, kind):
    """WCAG 2.5.8 (axe-core's target-size rule: 24×24 px, or spaced as if they were), and
    44 px for the main actions: the search box, the filters, the buttons."""
    page = open_page(phone(), example_site, kinds[kind])
    violations = run_axe(page, rules=["target-size"])
    assert violations == [], describe(violations)
    small = page.evaluate(
        """() => [...document.querySelectorAll(
              '.md-content input, .md-content select, .md-content button, .sm-field-check')]
          .filter(e => e.getClientRects().length && !e.closest('.leaflet-container'))
          .filter(e => e.type !== 'checkbox')
          .map(e => [e.tagName + '#' + e.id + '.' + e.className, e.getBoundingClientRect()])
          .filter(([_, r]) => r.height < 44 || r.width < 44)
          .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""
    )
    assert small == [], kind
    lists = page.evaluate(
        """() => [...document.querySelectorAll(
              '.sm-elenco li > a:first-child, .sm-list li > a:first-child, .sm-result-name a,'
              + ' .sm-indice a, .sm-skip-map')]
          .filter(e => e.getClientRects().length)
          .map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
          .filter(([_, r]) => r.height < 24)
          .map(([t, r]) => t + ' ' + Math.round(r.height))"""
    )
    assert lists == [], kind


def test_search_results_come_before_any_map(example_site, phone):
    """On a phone the search page leads to results: there is no map above them (the map is
    its own page, and its list is one link away from its top)."""
    page = open_page(phone(), example_site, "cerca/")
    order = page.evaluate(
        """() => {
          const results = document.getElementById('sm-results');
          const map = document.querySelector('.leaflet-container, #sm-map');
          if (!map) return 'no map';
          const before = results.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING;
          const above = results.getBoundingClientRect().top < map.getBoundingClientRect().top;
          return before && above ? 'results first' : 'map first';
        }"""
    )
    assert order in ("no map", "results first")
    first = page.locator("#sm-results [data-servizio-id]:not([hidden])").first
    assert first.is_visible()
    # The count of results is announced right above them.
    count = page.locator("#sm-count").bounding_box()
    assert count and count["y"] < first.bounding_box()["y"]
    page = open_page(phone(), example_site, "mappa/")
    skip = page.locator(".sm-skip-map").bounding_box()
    map_box = page.locator("#sm-map").bounding_box()
    assert skip and map_box and skip["y"] < map_box["y"] and skip["y"] < 740
    page.locator(".sm-skip-map").tap()
    page.wait_for_function(ON_SCREEN_JS, arg="#elenco-dei-servizi")  # the list is on screen


# True once the element ``sel`` has its top on the screen (a jump to an anchor scrolls smoothly).
ON_SCREEN_JS = """sel => {
  const top = document.querySelector(sel).getBoundingClientRect().top;
  return top >= 0 && top < innerHeight;
}"""


@pytest.fixture(scope="module")
def long_lists_site(tmp_path_factory):
    """A site whose comuni have more than ``LONG_LIST`` services each: lists drawn on demand."""
    records = synthetic.records(4 * (LONG_LIST + 5), seed=5)
    with serve_site(tmp_path_factory.mktemp("liste-lunghe"), records) as url:
        yield url + "/"


@pytest.mark.parametrize("width", [PHONE, 1280])
@pytest.mark.parametrize("site", ["example_site", "long_lists_site"])
def test_the_map_list_keeps_its_height_when_drawn(request, chromium, site, width):
    """The map page draws a long list only near the screen (``content-visibility``); until then
    it takes an estimated height. The estimate holds: the page does not grow or shrink under the
    reader by more than a tenth as the lists are drawn, and no service lies over the footer (a
    list too short for its services lays them there: what axe measured, with Chromium 150, as
    dark text on the dark footer at 360 px)."""
    page = new_page(chromium, width=width, is_mobile=width == PHONE)
    try:
        open_page(page, request.getfixturevalue(site), "mappa/")
        before = page.evaluate(LIST_LAYOUT_JS)
        page.evaluate(
            "document.querySelectorAll('.sm-map-list .sm-list')"
            ".forEach(ul => { ul.style.contentVisibility = 'visible'; })"
        )
        drawn = page.evaluate(LIST_LAYOUT_JS)
    finally:
        close(page)
    assert before["over_footer"] == [], f"{width}px: {before}"
    assert 0.9 <= before["height"] / drawn["height"] <= 1.1, (width, before, drawn)
    if site == "long_lists_site":
        assert before["on_demand"] == 4, before  # the speed-up is kept
    else:
        assert before["on_demand"] == 0, before  # short lists are drawn at once, exact


# The page's height and the services whose box reaches into the footer.
LIST_LAYOUT_JS = """() => {
  const footer = document.querySelector('footer').getBoundingClientRect().top;
  const over = [...document.querySelectorAll('.sm-map-list li')]
    .filter(li => li.getBoundingClientRect().bottom > footer)
    .map(li => li.dataset.servizioId);
  const onDemand = [...document.querySelectorAll('.sm-map-list .sm-list')]
    .filter(ul => getComputedStyle(ul).contentVisibility === 'auto').length;
  return {height: document.documentElement.scrollHeight, over_footer: over, on_demand: onDemand};
}"""


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


COLOURS_JS = """async (url) => {
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4 * 7) seen.add(data[i] << 16 | data[i+1] << 8 | data[i+2]);
  return seen.size;
}"""


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_screenshots_show_the_title_on_the_first_screen(
    example_site, kinds, phone, chromium, tmp_path, width
):
    height = 740 if width == PHONE else 800
    page = phone(width, height) if width == PHONE else new_page(chromium, width, height)
    scratch = new_page(chromium, 400, 300)
    try:
        for kind in KINDS:
            open_page(page, example_site, kinds[kind])
            shot = tmp_path / f"{kind}-{width}.png"
            data = page.screenshot(path=str(shot), full_page=True)
            shot_width, shot_height = png_size(data)
            assert shot_width == width, f"{kind}: the full page is {shot_width}px wide"
            assert shot_height >= height
            title = page.locator("article h1").first
            box = title.bounding_box()
            assert box, kind
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (kind, box)
            assert 0 < box["y"] < height - box["height"], (kind, box)  # on the first screen
            # The title region of the picture has ink on it: text, not an empty band.
            clip = title.screenshot()
            url = "data:image/png;base64," + base64.b64encode(clip).decode()
            assert scratch.evaluate(COLOURS_JS, url) >= 3, kind
            assert scratch.evaluate(COLOURS_JS, "data:image/png;base64,"
                                    + base64.b64encode(data).decode()) >= 10  # fmt: skip
    finally:
        close(scratch)
        if width != PHONE:
            close(page)

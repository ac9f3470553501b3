"""Accessibility (WCAG 2.1 AA), checked on the example site in headless Chromium.

axe-core's WCAG 2.0/2.1 A and AA rules find no violation on each kind of page (home, search,
map, service, comune, need), on a wide and a phone-sized screen, with a popup open on the map and
with the search filtered; colour is never the only signal; text doubled in size still fits; and
the accessibility statement says what these tests check, with the axe-core version they use.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import (
    PAINTED_JS,
    axe_version,
    close,
    describe,
    new_page,
    page_types,
    run_axe,
    settle,
)

from servicemap.render.clientdata import PALETTE

REPO = Path(__file__).resolve().parents[1]
KINDS = ("home", "cerca", "mappa", "servizio", "comune", "bisogno", "dichiarazione", "lista")


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_marker_colour_has_readable_text():
    """The letters on map markers and in the legend are small: they need 4.5:1 (WCAG 1.4.3)."""
    weak = [(bg, fg, round(contrast(bg, fg), 2)) for bg, fg in PALETTE if contrast(bg, fg) < 4.5]
    assert weak == []


@pytest.fixture(scope="module")
def kinds(example_build) -> dict[str, str]:
    return page_types(example_build.site)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_wcag_violation(example_site, kinds, chromium, kind, width):
    page = new_page(chromium, width=width)
    try:
        page.goto(example_site + kinds[kind])
        settle(page, kinds[kind])
        violations = run_axe(page)
        assert violations == [], f"{kind} at {width}px:\n{describe(violations)}"
    finally:
        close(page)


@pytest.mark.browser
def test_axe_finds_no_violation_with_a_popup_open_or_the_search_filtered(example_site, chromium):
    page = new_page(chromium)
    try:
        page.goto(example_site + "mappa/")
        settle(page, "mappa/")
        page.locator(".sm-show-on-map").first.click()
        page.wait_for_selector(".leaflet-popup-content .sm-popup a")
        violations = run_axe(page)
        assert violations == [], describe(violations)

        page.goto(example_site + "cerca/")
        settle(page, "cerca/")
        page.fill("#sm-q", "nessuna parola così")
        page.wait_for_function(
            "() => document.getElementById('sm-count').textContent.startsWith('Ness')"
        )
        violations = run_axe(page)
        assert violations == [], describe(violations)
    finally:
        close(page)


@pytest.mark.browser
def test_colour_is_never_the_only_signal_on_the_map(example_site, chromium):
    """Every legend colour comes with a letter and a name; every marker shows its letter (or
    the number of services) and is named for screen readers; approximate places say so."""
    page = new_page(chromium)
    try:
        page.goto(example_site + "mappa/")
        settle(page, "mappa/")
        legend = page.eval_on_selector_all(
            ".sm-legend li",
            "els => els.map(li => [li.querySelector('.sm-pin').textContent.trim(),"
            " li.textContent.replace(li.querySelector('.sm-pin').textContent, '').trim()])",
        )
        assert len(legend) >= 2
        for code, label in legend:
            assert code and len(label) > 3, (code, label)
        codes = [code for code, _ in legend[:-1]]
        assert len(set(codes)) == len(codes), f"two types share a letter: {codes}"
        markers = page.eval_on_selector_all(
            ".sm-marker",
            "els => els.map(m => [m.textContent.trim(), m.getAttribute('aria-label') || ''])",
        )
        assert markers
        for text, label in markers:
            assert text, "a marker with no letter"
            assert label.endswith(": apri i dettagli") and len(label) > 20, label
        # The position's precision is written, not only drawn.
        approx = page.eval_on_selector_all(".sm-approx", "els => els.map(e => e.textContent)")
        assert all("posizione" in t for t in approx)
    finally:
        close(page)


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["servizio", "cerca", "mappa", "comune"])
def test_text_at_200_percent_still_fits(example_site, kinds, chromium, kind):
    """WCAG 1.4.4: text doubled (the root font size, which Material's rem units follow) on a
    1280 px screen, and the page zoomed to 200% (a 640 px viewport at device scale 2)."""
    for width, scale, font in ((1280, 1, "200%"), (640, 2, "")):
        page = new_page(chromium, width=width, device_scale_factor=scale)
        try:
            page.goto(example_site + kinds[kind])
            settle(page, kinds[kind])
            before = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            if font:
                page.evaluate(f"document.documentElement.style.fontSize = '{font}'")
                # The text grows (Material's own breakpoints set 125-150%) and is painted so.
                page.wait_for_function(
                    "n => parseFloat(getComputedStyle(document.body).fontSize) >= 1.4 * n",
                    arg=before,
                )
                page.evaluate(PAINTED_JS)
            problems = page.evaluate(LOST_TEXT_JS)
            assert problems == [], f"{kind} at {width}px {font}: {problems}"
            title = page.locator("article h1").first.bounding_box()
            assert title and title["x"] >= 0 and title["x"] + title["width"] <= width + 1
        finally:
            close(page)


# Text lost at a size: the page scrolls sideways, a content element sticks out of the screen, or
# an element that hides its overflow has more text than room (clipped).
LOST_TEXT_JS = """() => {
  const out = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw) {
    out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
  }
  for (const el of document.querySelectorAll('.md-content *')) {
    if (!el.getClientRects().length || el.closest('.leaflet-container, .md-typeset__scrollwrap'))
      continue;
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > vw + 1 || r.left < -1)) {
      out.push('outside the screen: ' + el.tagName + '.' + el.className + ' ' +
               Math.round(r.left) + '..' + Math.round(r.right));
    }
    const s = getComputedStyle(el);
    const hides = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
    if (hides && el.textContent.trim() && el.scrollWidth > el.clientWidth + 1) {
      out.push('clipped: ' + el.tagName + '.' + el.className);
    }
  }
  return out.slice(0, 10);
}"""


def test_the_statement_says_what_is_tested_with_which_axe():
    """The accessibility statement is kept true by this test: axe-core's version, the page
    kinds, the keyboard, 360 px, 200% and how to report a problem are all named."""
    text = (REPO / "content" / "accessibilita.md").read_text(encoding="utf-8")
    assert f"axe-core {axe_version()}" in text, "update the axe-core version in the statement"
    for words in ("WCAG 2.1", "tastiera", "360", "200%", "Chromium", "Segnala",
                  "home", "ricerca", "mappa", "servizio", "comune", "bisogno"):  # fmt: skip
        assert words.casefold() in text.casefold(), words
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "accessibilita.md" in nav


def test_the_statement_is_published_and_linked_from_every_page(example_build):
    page = example_build.page("accessibilita/index.html")
    assert "Dichiarazione di accessibilità" in page
    for path in ("index.html", "cerca/index.html", "servizi/caritas-pioltello/index.html"):
        html = example_build.page(path)
        assert 'href="' in html and "accessibilita/" in html, path

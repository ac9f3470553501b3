"""The offline copy opened from disk (``file://``) in headless Chromium, as an operator would.

No ``--allow-file-access-from-files``: a double-click on ``index.html`` does not have it either.
Every request is recorded: all must be ``file://`` URLs (no tiles, no CDN, no unpkg). Material's
search (through the local iframe-worker shim), the search page's filters, the map's points and
boundaries must work, and no page may raise a script error or a policy violation.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import EVERY_POINT_SHOWN_JS, FEWER_SHOWN_JS, WATCH_CSP, material_search
from conftest import Build

pytestmark = [
    pytest.mark.browser,
]


class Visit:
    """One browser page with every request, script error and policy violation recorded."""

    def __init__(self, chromium) -> None:
        self.page = chromium.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        self.page.add_init_script(WATCH_CSP)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.console.append(m.text))

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        assert self.page.evaluate("window.__cspv") == [], url

    def check(self) -> None:
        assert [u for u in self.requests if not u.startswith("file://")] == []
        # A request cut short by the next navigation is not a missing file.
        missing = [u for u in self.failed if not Path(unquote(urlsplit(u).path)).is_file()]
        assert missing == [] and self.errors == [] and self.console == []


@pytest.fixture
def visit(chromium):
    v = Visit(chromium)
    yield v
    v.page.close()


def test_every_page_opens_from_disk_with_no_request_elsewhere(offline_build: Build, visit):
    site = offline_build.site
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    for page in pages:
        visit.open(page.as_uri())
    visit.check()
    assert len(visit.requests) > len(pages)  # styles and scripts came, from disk


def test_material_search_works_from_disk(offline_build: Build, visit):
    visit.open((offline_build.site / "servizi/caritas-pioltello.html").as_uri())
    titles = material_search(visit.page, "caritas")
    assert any("Caritas Pioltello" in t for t in titles)
    visit.page.locator(".md-search-result__item a").first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.url.startswith("file://") and visit.page.url.endswith(".html")
    assert visit.page.evaluate("window.__cspv") == []
    assert any("search_index.js" in u for u in visit.requests)
    assert any("iframe-worker/shim/index.js" in u for u in visit.requests)
    visit.check()


def test_search_page_filters_from_disk(offline_build: Build, visit):
    visit.open((offline_build.site / "cerca/index.html").as_uri())
    page = visit.page
    shown = "[data-servizio-id]:not([hidden])"
    everything = page.eval_on_selector_all(shown, "els => els.length")
    assert everything > 3
    page.fill("input[name=q]", "caritas")
    page.wait_for_function(FEWER_SHOWN_JS, arg=everything)
    ids = page.eval_on_selector_all(shown, "els => els.map(e => e.dataset.servizioId)")
    assert "caritas-pioltello" in ids and 0 < len(ids) < everything
    link = page.locator('[data-servizio-id="caritas-pioltello"]:not([hidden]) a').first
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("servizi/caritas-pioltello.html")
    visit.check()


def test_map_shows_points_and_boundaries_without_tiles(offline_build: Build, visit):
    visit.open((offline_build.site / "mappa/index.html").as_uri())
    page = visit.page
    page.wait_for_selector("#sm-map[data-ready=true] .leaflet-marker-icon")
    page.wait_for_function(EVERY_POINT_SHOWN_JS)  # the clusters are built
    n_points = len(page.evaluate("window.SERVICEMAP_POINTS.p"))
    in_clusters = page.eval_on_selector_all(
        ".marker-cluster", "els => els.reduce((n, e) => n + Number(e.textContent), 0)"
    )
    alone = page.eval_on_selector_all(".sm-marker", "els => els.length")
    assert n_points > 3 and alone + in_clusters == n_points
    assert page.eval_on_selector_all(".leaflet-overlay-pane path", "els => els.length") >= 4
    assert page.eval_on_selector_all(".leaflet-tile", "els => els.length") == 0
    visit.check()


def test_exports_open_from_disk(offline_build: Build, visit):
    visit.open((offline_build.site / "dati-aperti.html").as_uri())
    hrefs = visit.page.eval_on_selector_all("a[href*='dati/']", "els => els.map(e => e.href)")
    assert any(h.endswith("servizi.csv") for h in hrefs)
    for href in hrefs:
        assert href.startswith("file://") and Path(href.removeprefix("file://")).is_file()
    visit.check()

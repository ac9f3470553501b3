"""Hostile text in every field runs nothing, in headless Chromium (Debian's package).

A record whose fields hold ``<img onerror>``, ``</script>``, ``${...}``, backticks and Markdown is
built into a site, served over HTTP, and its pages (service, comune, lists, map, search, and
Material's own search results) are opened: ``window.__pwned`` must never be set and no dialog
may open.
"""

from __future__ import annotations

import shutil

import pytest
import synthetic
from browser import FEWER_SHOWN_JS, close, material_search, serve, settle
from conftest import run_build

pytestmark = [
    pytest.mark.browser,
]


@pytest.fixture
def hostile_site(make_site):
    recs = synthetic.records(4)
    recs.append(synthetic.hostile_record(recs[0]) | {"id": "ostile"})
    config, site = make_site(recs)
    build = run_build(config, site)
    assert build.returncode == 0, build.output
    try:
        with serve(site) as base:
            yield base
    finally:
        shutil.rmtree(site, ignore_errors=True)


def test_hostile_text_runs_nothing_in_the_browser(chromium, hostile_site) -> None:
    base = hostile_site
    dialogs: list[str] = []
    page = chromium.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.route(
        "**/*",
        lambda route: (
            route.abort() if not route.request.url.startswith(base) else route.continue_()
        ),
    )
    for path in ("servizi/ostile/", "comuni/pioltello/", "tipi/", "aree/", "mappa/", "cerca/"):
        page.goto(base + path)
        settle(page, path)  # the page's own scripts (map, search, minimap) have run
        assert page.evaluate("window.__pwned") is None, path
    page.goto(base + "servizi/ostile/")
    heading = page.locator("h1").first.inner_text()
    assert heading.startswith("nome: <img src=x onerror=") and "${window.__pwned=1}" in heading
    assert "</script><script>" in heading and "*bold*" in heading
    page.goto(base + "cerca/")
    settle(page, "cerca/")
    everything = page.locator("#sm-results [data-servizio-id]").count()
    page.fill("input[name=q]", "onerror")  # in the hostile record's name only
    page.wait_for_function(FEWER_SHOWN_JS, arg=everything)
    shown = page.locator("#sm-results [data-servizio-id]:not([hidden])")
    assert shown.count() == 1 and "<img src=x" in shown.first.inner_text()  # shown as text
    assert page.evaluate("window.__pwned") is None
    # Material's own search box: the result list shows the hostile title as text.
    page.goto(base)
    material_search(page, "onerror")  # retyped until Material's worker has its index
    assert "<img src=x" in page.locator(".md-search-result__item").first.inner_text()
    assert page.evaluate("window.__pwned") is None
    close(page)
    assert dialogs == []

"""No citizen is tracked: no CDN or font service, and a Content-Security-Policy on every page.

The built pages are read as files (every script, style and font is the site's own; every inline
script is allowed by its hash, never by ``'unsafe-inline'``), then served over HTTP to headless
Chromium, which must report no policy violation on the home, a service, the map and the search.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import PNG_1PX, WATCH_CSP, close, material_search, settle
from conftest import Build

from servicemap.render import csp

TILES = "https://tile.openstreetmap.org"


class _Head(HTMLParser):
    """Scripts, stylesheets and preconnects of a page; the policy and where it stands."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.policies: list[str] = []
        self.scripts_before_policy = 0
        self.inline: list[str] = []
        self._in_script: bool = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a.get("content") or "")
        if tag == "script":
            if not self.policies:
                self.scripts_before_policy += 1
            if a.get("src"):
                self.loads.append(a["src"] or "")
            elif (a.get("type") or "text/javascript") in ("text/javascript", "module"):
                self._in_script = True
                self.inline.append("")
        if tag == "link" and {"stylesheet", "preconnect", "preload", "icon"} & set(
            (a.get("rel") or "").split()
        ):
            self.loads.append(a.get("href") or "")
        if tag in ("img", "iframe", "source", "audio", "video") and a.get("src"):
            self.loads.append(a["src"] or "")

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def head_of(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def b64sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_no_page_loads_anything_from_another_host(example_build: Build) -> None:
    external = []
    for page in sorted(example_build.site.rglob("*.html")):
        for url in head_of(page).loads:
            if re.match(r"^(https?:)?//", url):
                external.append(f"{page.relative_to(example_build.site)}: {url}")
    assert external == []
    for sheet in example_build.site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), sheet
    home = example_build.page("index.html")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_every_page_has_a_policy_that_allows_only_the_site_and_the_tiles(
    example_build: Build,
) -> None:
    pages = sorted(example_build.site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        head = head_of(page)
        assert len(head.policies) == 1, page
        assert head.scripts_before_policy == 0, page  # the policy comes before any script
        policy = directives(head.policies[0])
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["img-src"] == ["'self'", "data:", TILES]
        script = policy["script-src"]
        assert script[0] == "'self'" and "'unsafe-inline'" not in script
        assert all(s.startswith("'sha256-") for s in script[1:])
        assert {b64sha256(body) for body in head.inline} == set(script[1:]), page
        for name, sources in policy.items():
            hosts = [s for s in sources if "://" in s]
            assert hosts in ([], [TILES]), (page, name, hosts)


def test_tile_origin_and_policy_text() -> None:
    assert csp.tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == TILES
    assert csp.tile_origin("https://{s}.tiles.example.org/{z}/{x}/{y}.png") == (
        "https://*.tiles.example.org"
    )
    assert csp.tile_origin("") == ""
    with pytest.raises(ValueError):
        csp.tile_origin("javascript:alert(1)//{z}")
    page = '<html><head><meta charset="utf-8"><script>var a=1</script></head></html>'
    out = csp.add_policy(page, tiles=TILES)
    assert out.index("Content-Security-Policy") < out.index("<script>")
    assert b64sha256("var a=1") in out and "&#x27;" not in out


# --- in the browser ---------------------------------------------------------------------------


@pytest.mark.browser
def test_no_policy_violation_in_the_browser(chromium, example_site: str) -> None:
    served = example_site
    page = chromium.new_page()
    page.add_init_script(WATCH_CSP)
    hosts, console, errors = set(), [], []
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(f"{TILES}/**", lambda r: r.fulfill(body=PNG_1PX, content_type="image/png"))
    for path in ("", "servizi/caritas-pioltello/", "mappa/", "cerca/"):
        page.goto(served + path)
        settle(page, path)  # the page's own scripts (map, search, minimap) have run
        assert page.evaluate("window.__cspv") == [], path
    page.goto(served + "mappa/")
    page.wait_for_selector("#sm-map[data-ready=true] .leaflet-marker-icon")
    assert page.eval_on_selector_all(".leaflet-tile-loaded", "els => els.length") > 0
    page.goto(served)
    assert material_search(page, "caritas")  # the search worker runs under the policy
    assert page.evaluate("window.__cspv") == []
    close(page)
    assert [m for m in console if "Content Security Policy" in m] == []
    assert errors == []
    assert hosts <= {served.split("/")[2], TILES.split("/")[2]}

"""Headless Chromium for the tests: Debian's browser, a local web server, axe-core.

Shared by every test that opens a page in Chromium (the fixtures built on it, ``chromium`` and
``example_site``, are in ``conftest.py``). Never downloads a browser: it drives
``/usr/bin/chromium`` through Playwright. Where it is missing the browser tests say how to install
it: they are skipped on a developer's machine and fail in CI (``CI`` set), where a skip would hide
a broken machine.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import io
import re
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TILES = "https://tile.openstreetmap.org/"
# A transparent 1x1 PNG: what a test answers for a map tile when tiles must "load".
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e221bc330000000049454e44ae426082"
)
# An init script that collects policy violations from the first line of every document (also
# the search worker's frame) into ``window.__cspv``.
WATCH_CSP = """
window.__cspv = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspv.push(e.effectiveDirective + " " + e.blockedURI);
});
"""
# The WCAG 2.0 and 2.1 rules, levels A and AA: what Italian public-sector sites must meet.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def have_chromium() -> bool:
    return Path(CHROMIUM).exists()


def missing() -> str | None:
    """Why the browser tests cannot run here, with the command that fixes it; None if they can."""
    if not have_chromium():
        return (
            f"Chromium di Debian non è installato ({CHROMIUM}): eseguire "
            "./scripts/install-chromium.sh (make test lo fa da sé)"
        )
    if importlib.util.find_spec("playwright") is None:
        return "Playwright non è installato: eseguire .venv/bin/pip install -e '.[test]'"
    return None


def chromium_version() -> str:
    """The browser's own ``--version`` line (``Chromium 150.0.7871.100 built on Debian...``).

    stderr is dropped: Debian's launcher script prints its own shell errors there on some machines
    (``/etc/chromium.d/dev-shm`` compares the free space of /dev/shm with ``[``, and ``findmnt``
    prints two numbers where /dev/shm is mounted twice), which say nothing about the browser.
    """
    try:
        done = subprocess.run(
            [CHROMIUM, "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except OSError as e:
        return f"{CHROMIUM}: {e}"
    return done.stdout.strip() or f"{CHROMIUM}: nessuna versione (uscita {done.returncode})"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def axe_script() -> Path:
    """axe-core as bundled by ``axe-playwright-python`` (the test extra)."""
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def axe_version() -> str:
    """The bundled axe-core's version, read from its licence banner (``/*! axe v4.12.1``)."""
    with axe_script().open(encoding="utf-8") as f:
        head = f.read(200)
    found = re.search(r"axe v(\d+\.\d+\.\d+)", head)
    assert found, head
    return found.group(1)


def run_axe(page, tags: list[str] | None = None, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now (the context needs ``bypass_csp``).

    By default the WCAG 2.1 A/AA rules; ``rules`` runs only the named ones instead.
    """
    # As a reader sees it: not in the middle of a fade (a Leaflet popup opening, Material's
    # header title when the page scrolls), where colours are half-way and contrast is wrong.
    page.wait_for_function(ANIMATIONS_DONE_JS)
    page.evaluate(PAINTED_JS)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    if rules:
        only = {"type": "rule", "values": rules}
    else:
        only = {"type": "tag", "values": tags or WCAG_TAGS}
    result = page.evaluate(
        "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """Violations as readable lines for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())[:300]
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def new_page(chromium, width: int = 1280, height: int = 800, **options):
    """A fresh page of ``width`` CSS px, the map tiles refused (the tests never go online).

    The browser prefers Italian unless ``locale`` says otherwise: a browser preferring another
    language of the site is offered it on every page (``servicemap-lingua.js``).
    """
    options = {"locale": ITALIAN, **options}
    context = chromium.new_context(
        viewport={"width": width, "height": height}, bypass_csp=True, **options
    )
    page = context.new_page()
    page.route(f"{TILES}**", lambda route: route.abort())
    return page


def close(page) -> None:
    page.context.close()


def _largest(site: Path, folder: str) -> str:
    """The richest generated page of a folder (most content): ``folder/<slug>/``."""
    pages = sorted(site.glob(f"{folder}/*/index.html"), key=lambda p: (-p.stat().st_size, p))
    assert pages, f"no page under {folder}/"
    return f"{folder}/{pages[0].parent.name}/"


def page_types(site: Path) -> dict[str, str]:
    """One page of each kind the issue names (home, search, map, service, comune, need), the
    accessibility statement and "La mia lista"."""
    return {
        "home": "",
        "cerca": "cerca/",
        "mappa": "mappa/",
        "servizio": _largest(site, "servizi"),
        "comune": _largest(site, "comuni"),
        "bisogno": _largest(site, "aree"),
        "dichiarazione": "accessibilita/",
        "lista": "lista/",  # La mia lista (empty: a fresh browser)
    }


# Material's bundle has run to its end (its last statement publishes ``component$``), every
# service minimap is drawn (each flags it), and a frame has been painted with the page's fonts.
SETTLED_JS = """() => window.component$ !== undefined &&
  (!window.L || [...document.querySelectorAll('.sm-scheda .sm-minimap[data-lat]')]
     .every(box => box.dataset.ready === 'true'))"""
# No CSS transition or animation is running, except those that never end (a spinner).
ANIMATIONS_DONE_JS = """() => document.getAnimations().every(a => a.playState !== 'running'
  || a.effect.getComputedTiming().iterations === Infinity)"""
PAINTED_JS = """() => document.fonts.ready.then(() => new Promise(done =>
  requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))"""


def settle(page, path: str) -> None:
    """Wait until a page's own scripts have run: the map and search pages flag it, and so do the
    service minimaps; Material's bundle ends by publishing ``component$``."""
    page.wait_for_load_state("load")
    if path.startswith("mappa/"):
        page.wait_for_selector("#sm-map[data-ready=true] .leaflet-marker-icon")
    elif path.startswith("cerca/"):
        page.wait_for_selector("#sm-search[data-ready=true]")
    page.wait_for_function(SETTLED_JS)
    page.evaluate(PAINTED_JS)


# Every point of the map is on screen, alone or counted by a cluster (the clusters of a new
# view are drawn once the map stops moving).
EVERY_POINT_SHOWN_JS = """() => {
  let shown = document.querySelectorAll('.sm-marker').length;
  for (const c of document.querySelectorAll('.marker-cluster')) shown += Number(c.textContent);
  return shown === window.SERVICEMAP_POINTS.p.length;
}"""
# The search page's results show as many services as its count announces, and fewer than ``n``.
FEWER_SHOWN_JS = """n => {
  const shown = document.querySelectorAll('#sm-results [data-servizio-id]:not([hidden])').length;
  const said = parseInt(document.getElementById('sm-count').textContent, 10) || 0;
  return shown < n && shown === said;
}"""


def readable(text: str) -> str:
    """``text`` as a reader reads it: NFKC folds the glyphs a font or a PDF writer substitutes
    (the ligature ``ﬃ`` for ``ffi``, full-width forms...), so tests compare words, not glyphs,
    and survive a browser or font update."""
    return unicodedata.normalize("NFKC", text)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF (as Chromium prints it), made ``readable``."""
    import pypdf

    return [readable(sheet.extract_text()) for sheet in pypdf.PdfReader(io.BytesIO(data)).pages]


def material_search(page, query: str, timeout_s: float = 15) -> list[str]:
    """Type into Material's search box until results appear; their titles.

    Material drops a query that arrives before its worker has built the index (a person types
    again; a test retypes): so the query is retyped every half second until results show.
    """
    page.keyboard.press("s")
    box = "input.md-search__input"
    for _ in range(int(timeout_s * 2)):
        page.fill(box, "")
        page.type(box, query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=500)
        except Exception:  # playwright's TimeoutError: not ready yet
            continue
        return page.locator(".md-search-result__item h1").all_inner_texts()
    raise AssertionError(f"Nessun risultato per {query!r}")


def material_sitemap_probe(message) -> bool:
    """A console error that is Material's language switch asking for ``sitemap.xml`` beside a
    page's ``hreflang`` alternate (mkdocs-material #6582: it expects alternates to be language
    roots; ours are the same page in each language, as hreflang wants). A 404, harmless: the
    switch links are already the right pages."""
    url = (message.location or {}).get("url", "")
    return url.endswith("/sitemap.xml") and "404" in message.text


PHONE = {"width": 360, "height": 740}  # the journeys' screen
ITALIAN = "it-IT"  # the visitors' browser language, unless a test says otherwise


class Person:
    """A visitor in a browser context of their own (storage, permissions), on a phone unless
    ``viewport`` says otherwise, with the tiles refused and ``taps`` to count what they press.
    Script errors on their pages fail the test when they leave (``close``)."""

    def __init__(self, chromium, **options) -> None:
        self.context = chromium.new_context(**{"viewport": PHONE, "locale": ITALIAN, **options})
        self.page = self.context.new_page()
        self.page.route(f"{TILES}**", lambda route: route.abort())
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.taps = 0

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors


@contextmanager
def people(chromium, kind: type[Person] = Person) -> Iterator:
    """``make(**context options) -> Person``; every person made leaves (``close``) at the end."""
    made: list[Person] = []

    def make(**options) -> Person:
        made.append(kind(chromium, **options))
        return made[-1]

    try:
        yield make
    finally:
        for person in made:
            person.close()

"""Benchmark: time to the first markers on the map page, and search filtering per keystroke.

Budget (``design.md``, issue 15): the map shows its first markers in under 1.5 s with 3,000
records and under 1 s with 10,000 in headless Chromium, measured from navigation start to the
first ``.leaflet-marker-icon`` (a point or a cluster) with a size on screen; filtering the
search page takes under 50 ms per keystroke with 10,000 records, at the 95th percentile too; the
points stay under 100 bytes a record and Cerca's records under 500 (printed first). Tiles are
blocked, as when the tile server is unreachable.

    .venv/bin/python benchmarks/bench_map.py [--records 3000] [--runs 5] [--site DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The tests' synthetic records (tests/synthetic.py: test data, not part of the package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import synthetic
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import ARGS, CHROMIUM, TILES, serve  # noqa: E402  (the tests' Chromium settings)

FIRST_MARKER = """() => new Promise(resolve => {
  (function check() {
    const el = document.querySelector('.leaflet-marker-icon');
    if (el && el.getBoundingClientRect().width > 0) resolve(performance.now());
    else requestAnimationFrame(check);
  })();
})"""
# What people type, letter by letter: a need, a place, a language, a type, then a clear.
QUERIES = ["caritas", "segrate", "arabo", "casa", "sportello pio", ""]
KEYSTROKES = """async (queries) => {
  const q = document.getElementById('sm-q'), counter = document.getElementById('sm-count');
  const frame = () => new Promise(requestAnimationFrame);
  const times = [];
  for (const query of queries) {
    const steps = query ? [...query].map((_, i) => query.slice(0, i + 1)) : [''];
    for (const text of steps) {
      await frame();
      const t0 = performance.now();
      q.value = text;
      q.dispatchEvent(new Event('input', {bubbles: true}));
      counter.textContent;  // the count is updated synchronously by the input handler
      await frame();
      await frame();  // style, layout and paint of the new result list included
      times.push(performance.now() - t0);
    }
  }
  return times;
}"""


def build(folder: Path, n: int) -> Path:
    """The real site configuration (as the tests and bench_scale build it) with ``n`` records."""
    from bench_build import servicemap_site

    config = servicemap_site(folder / "territorio", synthetic.records(n))
    site = folder / "site"
    t0 = time.perf_counter()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(mkdocs, check=True, capture_output=True)
    print(f"build of {n} records: {time.perf_counter() - t0:.1f} s")
    return site


def browser_samples(site: Path, runs: int) -> tuple[list[float], list[float]]:
    """First-marker times (one per page load) and every keystroke time, over ``runs`` loads.

    Tiles are blocked, as when the tile server is unreachable: the points must not wait for them.
    """
    firsts: list[float] = []
    keys: list[float] = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1100, "height": 900})
            page = context.new_page()
            page.route(f"{TILES}**", lambda r: r.abort())
            page.goto(f"{base}mappa/", wait_until="commit")
            firsts.append(page.evaluate(FIRST_MARKER))
            page.goto(f"{base}cerca/")
            page.wait_for_selector("#sm-search[data-ready=true]")
            keys += page.evaluate(KEYSTROKES, QUERIES)
            context.close()
        browser.close()
    return firsts, keys


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# What each page loads as data, by its budget in bytes per record (design.md, issue 15): the map's
# points (the markers) and Cerca's records. Shown beside them: the popups' text (deferred) and
# the pages' HTML (the map's list of every service is its text alternative).
PAYLOADS = (
    ("map points", "assets/servicemap/mappa-punti.js", 100),
    ("map popups (deferred)", "assets/servicemap/mappa-schede.js", None),
    ("map page HTML", "mappa/index.html", None),
    ("Cerca records", "assets/servicemap/cerca-servizi.js", 500),
    ("Cerca page HTML", "cerca/index.html", None),
)


def payloads(site: Path) -> None:
    """Bytes per record of each file in ``PAYLOADS`` (records: the map list's items)."""
    records = (site / "mappa" / "index.html").read_text(encoding="utf-8").count("data-servizio-id=")
    for name, path, budget in PAYLOADS:
        size = (site / path).stat().st_size
        limit = f" (budget {budget})" if budget else ""
        per_record = size / max(records, 1)
        print(f"{name}: {per_record:.1f} B/record{limit}, {size:,} B, {records} records")


def measure(site: Path, runs: int) -> None:
    payloads(site)
    firsts, keys = browser_samples(site, runs)
    print(f"first markers: median {statistics.median(firsts):.0f} ms, max {max(firsts):.0f} ms")
    print(f"search keystroke: median {statistics.median(keys):.1f} ms, p95 {p95(keys):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site to measure")
    args = parser.parse_args()
    if args.site:
        measure(args.site, args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        measure(build(Path(tmp), args.records), args.runs)


if __name__ == "__main__":
    main()

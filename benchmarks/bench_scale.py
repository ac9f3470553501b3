"""Scale: the full site against a plain Material site at 1,000, 3,000 and 10,000 records.

Usage::

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1000,3000,10000] [--no-readme]

For each size, in one run: ``mkdocs build`` of the servicemap site of N synthetic records and of
a plain MkDocs-Material site of N equivalent Markdown pages (``bench_build.py``), each in its own
subprocess, recording wall and CPU time and the peak resident memory of that process
(``os.wait4``); then the output size (total and per record), the map's point data, the search
page's data and Material's ``search_index.json``; then, in headless Chromium, the time to the
map's first markers and the time per keystroke on the search page (from the input event to the
result count updated and laid out: two animation frames; median and p95 over realistic
queries). The table is printed and written into the README between ``<!-- bench:start -->`` and
``<!-- bench:end -->`` (replacing the previous one).

Budgets (``design.md``): build at most 1.25x the plain one at every size, output linear in N,
keystroke under 50 ms at 10,000 records, first markers under 1.5 s at 3,000 records.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# The tests' synthetic records (tests/synthetic.py: test data, not part of the package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import synthetic
from bench_build import plain_site, servicemap_site, size
from bench_map import browser_samples, p95

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Build:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Row:
    n: int
    ours: Build  # the Italian site only (``ALTRE_LINGUE=false``)
    languages: Build  # the four interface languages (it, en, ar, zh): the published site
    plain: Build
    out: int
    plain_out: int
    map_data: int
    search_data: int
    index: int
    plain_index: int
    first_marker_ms: float
    key_median_ms: float
    key_p95_ms: float


def build(config: Path, site: Path, *, languages: bool = True) -> Build:
    """One ``mkdocs build`` in its own process: wall, CPU (user + system) and peak RSS.

    ``languages=False``: the Italian tree only (``ALTRE_LINGUE=false``), the figure the plain
    one-language Material build compares with.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ALTRE_LINGUE": str(languages).lower()}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=log, stderr=log, env=env, cwd=config.parent)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            sys.exit(f"build non riuscito ({config}):\n{log.read().decode(errors='replace')}")
    return Build(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def browser_figures(site: Path, runs: int = 3) -> tuple[float, float, float]:
    """(first markers ms, keystroke median ms, keystroke p95 ms): median first-marker time
    over ``runs`` page loads, keystrokes pooled over ``runs`` page loads."""

    firsts, keys = browser_samples(site, runs)
    return statistics.median(firsts), statistics.median(keys), p95(keys)


def measure(n: int, tmp: Path) -> Row:
    recs = synthetic.records(n)
    ours_cfg = servicemap_site(tmp / f"servicemap-{n}", recs)
    plain_cfg = plain_site(tmp / f"plain-{n}", recs)
    plain_dir, ours_dir = tmp / f"plain-site-{n}", tmp / f"servicemap-site-{n}"
    plain = build(plain_cfg, plain_dir)
    ours = build(ours_cfg, tmp / f"servicemap-it-{n}", languages=False)
    languages = build(ours_cfg, ours_dir)
    own = ours_dir / "assets" / "servicemap"
    first, median, p95 = browser_figures(ours_dir)
    return Row(
        n=n,
        ours=ours,
        languages=languages,
        plain=plain,
        out=size(ours_dir),
        plain_out=size(plain_dir),
        map_data=(own / "mappa-punti.js").stat().st_size,
        search_data=(own / "cerca-servizi.js").stat().st_size,
        index=(ours_dir / "search" / "search_index.json").stat().st_size,
        plain_index=(plain_dir / "search" / "search_index.json").stat().st_size,
        first_marker_ms=first,
        key_median_ms=median,
        key_p95_ms=p95,
    )


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def table(rows: list[Row]) -> str:
    """The Markdown table written into the README (Italian, like the rest of it)."""
    load = os.getloadavg()
    head = [
        f"Misurato il {time.strftime('%Y-%m-%d')} su {os.cpu_count()} core "
        f"(carico medio {load[0]:.1f}), Python {platform.python_version()}, con "
        "`.venv/bin/python benchmarks/bench_scale.py`. Tempi: orologio (CPU del processo "
        "`mkdocs build` tra parentesi); il rapporto è sul tempo di CPU, meno disturbato dagli "
        "altri programmi della macchina (budget: 1,25).",
        "",
        "| schede | build servicemap (solo italiano) | build Material semplice | rapporto (CPU) "
        "| build servicemap, 4 lingue (rapporto CPU sul semplice) "
        "| memoria di picco (italiano / 4 lingue / semplice) | sito (4 lingue) | byte per scheda "
        "| dati mappa | dati pagina Cerca | `search_index.json` (servicemap / semplice) "
        "| primi punti sulla mappa | Cerca: ms per tasto (mediana / p95) |",
        "|" + "---|" * 13,
    ]
    lines = [
        f"| {r.n} | {r.ours.wall:.1f} s ({r.ours.cpu:.1f} s) "
        f"| {r.plain.wall:.1f} s ({r.plain.cpu:.1f} s) "
        f"| {r.ours.wall / r.plain.wall:.2f} ({r.ours.cpu / r.plain.cpu:.2f}) "
        f"| {r.languages.wall:.1f} s ({r.languages.cpu:.1f} s; "
        f"{r.languages.cpu / r.plain.cpu:.2f}) "
        f"| {r.ours.peak_mb:.0f} / {r.languages.peak_mb:.0f} / {r.plain.peak_mb:.0f} MB "
        f"| {_mb(r.out)} (semplice {_mb(r.plain_out)}) | {r.out / r.n:.0f} "
        f"| {_mb(r.map_data)} ({r.map_data / r.n:.0f} B/scheda) "
        f"| {_mb(r.search_data)} ({r.search_data / r.n:.0f} B/scheda) "
        f"| {_mb(r.index)} ({r.index / r.n:.0f} B/scheda) / {_mb(r.plain_index)} "
        f"| {r.first_marker_ms:.0f} ms | {r.key_median_ms:.1f} / {r.key_p95_ms:.1f} ms |"
        for r in rows
    ]
    return "\n".join(head + lines)


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        sys.exit(f"README.md non contiene {START} … {END}: tabella non scritta")
    block = f"{START}\n{text}\n{END}"
    README.write_text(pattern.sub(lambda _: block, readme, count=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000", help="record counts, comma-separated")
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            row = measure(n, Path(tmp))
            print(
                f"{n}: servicemap {row.ours.wall:.1f} s (CPU {row.ours.cpu:.1f} s), 4 lingue "
                f"{row.languages.wall:.1f} s (CPU {row.languages.cpu:.1f} s, "
                f"{row.languages.peak_mb:.0f} MB), semplice "
                f"{row.plain.wall:.1f} s (CPU {row.plain.cpu:.1f} s), rapporto CPU "
                f"{row.ours.cpu / row.plain.cpu:.2f}; tasto {row.key_median_ms:.1f} ms "
                f"(p95 {row.key_p95_ms:.1f}); primi punti {row.first_marker_ms:.0f} ms",
                flush=True,
            )
            rows.append(row)
    text = table(rows)
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()

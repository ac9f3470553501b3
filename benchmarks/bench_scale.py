"""Scale: the full site against a plain Material site at 1,000, 3,000 and 10,000 records.

Usage::

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1000,3000,10000] [--no-readme]

For each size, in one run: ``mkdocs build`` of the servicemap site of N synthetic records (the
Italian tree alone, then the four interface languages) and of a plain MkDocs-Material site of N
equivalent Markdown pages (``bench_build.py``), each build ``--runs`` times (default 3) in its own
subprocess and into a new folder, keeping the best wall time with its CPU time (user + system of
the build and of the page workers it forked: ``os.wait4``), the peak resident memory (the
largest of those processes) and the load average when it ended; then the four-language build
once more with one process (``PROCESSI_PAGINE=1``: what the second core brings); then the output
size (total and per record), the map's point data, the search page's data and Material's
``search_index.json``; then, in headless Chromium, the time to the map's first markers and the
time per keystroke on the search page (from the input event to the result count updated and laid
out: two animation frames; median and p95 over realistic queries). The table is printed and
written into the README between ``<!-- bench:start -->`` and ``<!-- bench:end -->``.

Budgets (issue 15), at 10,000 records against the plain build's wall time: the Italian site at
most 0.5x, the four languages at most 1.0x, peak memory at most 1.5x; output and time per record
about constant from 1,000 to 10,000 (linear); map data at most 100 bytes a record, the search
page's at most 500; a keystroke under 50 ms at p95; first markers under 1 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
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
    load: float = 0.0  # the one-minute load average when the build ended


@dataclass
class Row:
    n: int
    ours: Build  # the Italian site only (``ALTRE_LINGUE=false``)
    languages: Build  # the four interface languages (it, en, ar, zh): the published site
    one_process: Build  # the same with ``PROCESSI_PAGINE=1``: what the second core brings
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


def build(config: Path, site: Path, *, languages: bool = True, processes: str = "") -> Build:
    """One ``mkdocs build`` in its own process, into a new folder: wall, CPU (user + system,
    the page workers it forked included) and peak RSS (the largest of those processes).

    ``languages=False``: the Italian tree only (``ALTRE_LINGUE=false``), the figure the plain
    one-language Material build compares with. ``processes``: ``PROCESSI_PAGINE``.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ALTRE_LINGUE": str(languages).lower()}
    env.pop("PROCESSI_PAGINE", None)
    if processes:
        env["PROCESSI_PAGINE"] = processes
    if site.exists():
        shutil.rmtree(site)
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
    return Build(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.getloadavg()[0])


def best(runs: int, *args: object, **kwargs: object) -> Build:
    """The best of ``runs`` builds by wall time (its CPU, memory and load with it)."""
    return min((build(*args, **kwargs) for _ in range(runs)), key=lambda b: b.wall)  # type: ignore[arg-type]


def browser_figures(site: Path, runs: int = 3) -> tuple[float, float, float]:
    """(first markers ms, keystroke median ms, keystroke p95 ms): median first-marker time
    over ``runs`` page loads, keystrokes pooled over ``runs`` page loads."""

    firsts, keys = browser_samples(site, runs)
    return statistics.median(firsts), statistics.median(keys), p95(keys)


def measure(n: int, tmp: Path, runs: int = 3) -> Row:
    recs = synthetic.records(n)
    ours_cfg = servicemap_site(tmp / f"servicemap-{n}", recs)
    plain_cfg = plain_site(tmp / f"plain-{n}", recs)
    plain_dir, ours_dir = tmp / f"plain-site-{n}", tmp / f"servicemap-site-{n}"
    plain = best(runs, plain_cfg, plain_dir)
    ours = best(runs, ours_cfg, tmp / f"servicemap-it-{n}", languages=False)
    one_process = build(ours_cfg, tmp / f"servicemap-1p-{n}", processes="1")
    shutil.rmtree(tmp / f"servicemap-1p-{n}", ignore_errors=True)
    languages = best(runs, ours_cfg, ours_dir)
    own = ours_dir / "assets" / "servicemap"
    first, median, p95 = browser_figures(ours_dir)
    return Row(
        n=n,
        ours=ours,
        languages=languages,
        one_process=one_process,
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


def _b(x: Build) -> str:
    return f"{x.wall:.1f} s (CPU {x.cpu:.1f} s; carico {x.load:.1f})"


def table(rows: list[Row]) -> str:
    """The Markdown tables written into the README (Italian, like the rest of it)."""
    head = [
        f"Misurato il {time.strftime('%Y-%m-%d')} su {os.cpu_count()} core, Python "
        f"{platform.python_version()}, con `.venv/bin/python benchmarks/bench_scale.py`: ogni "
        "build il migliore di 3 per tempo d'orologio, in una cartella nuova, con il suo tempo "
        "di CPU (utente + sistema, compresi i processi che scrivono le pagine) e il carico medio "
        "della macchina alla fine. Rapporti sul tempo d'orologio del build Material semplice "
        "(budget: solo italiano ≤ 0,5; 4 lingue ≤ 1,0; memoria ≤ 1,5).",
        "",
        "| schede | build Material semplice | servicemap, solo italiano (rapporto) "
        "| servicemap, 4 lingue (rapporto) | 4 lingue con un solo processo "
        "| memoria di picco: semplice / italiano / 4 lingue (rapporto) |",
        "|" + "---|" * 6,
    ]
    lines = [
        f"| {r.n} | {_b(r.plain)} | {_b(r.ours)} ({r.ours.wall / r.plain.wall:.2f}) "
        f"| {_b(r.languages)} ({r.languages.wall / r.plain.wall:.2f}) | {_b(r.one_process)} "
        f"| {r.plain.peak_mb:.0f} / {r.ours.peak_mb:.0f} / {r.languages.peak_mb:.0f} MB "
        f"({max(r.ours.peak_mb, r.languages.peak_mb) / r.plain.peak_mb:.2f}) |"
        for r in rows
    ]
    per_record = [
        "",
        "Per scheda (lineare se resta costante da 1.000 a 10.000):",
        "",
        "| schede | ms per scheda (italiano / 4 lingue, orologio) | sito, byte per scheda "
        "(4 lingue) | dati mappa | dati pagina Cerca | `search_index.json` (servicemap / "
        "semplice) | primi punti sulla mappa | Cerca: ms per tasto (mediana / p95) |",
        "|" + "---|" * 8,
    ]
    per_record += [
        f"| {r.n} | {r.ours.wall / r.n * 1000:.2f} / {r.languages.wall / r.n * 1000:.2f} "
        f"| {r.out / r.n:.0f} (semplice {r.plain_out / r.n:.0f}) "
        f"| {_mb(r.map_data)} ({r.map_data / r.n:.0f} B/scheda) "
        f"| {_mb(r.search_data)} ({r.search_data / r.n:.0f} B/scheda) "
        f"| {r.index / r.n:.0f} / {r.plain_index / r.n:.0f} B/scheda "
        f"| {r.first_marker_ms:.0f} ms | {r.key_median_ms:.1f} / {r.key_p95_ms:.1f} ms |"
        for r in rows
    ]
    return "\n".join(head + lines + per_record)


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
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (the best)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            row = measure(n, Path(tmp), args.runs)
            print(
                f"{n}: semplice {_b(row.plain)} {row.plain.peak_mb:.0f} MB; italiano "
                f"{_b(row.ours)} {row.ours.peak_mb:.0f} MB; 4 lingue {_b(row.languages)} "
                f"{row.languages.peak_mb:.0f} MB; 4 lingue, un processo {_b(row.one_process)}; "
                f"tasto {row.key_median_ms:.1f} ms (p95 {row.key_p95_ms:.1f}); primi punti "
                f"{row.first_marker_ms:.0f} ms",
                flush=True,
            )
            rows.append(row)
    text = table(rows)
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()

"""How long ``mkdocs serve`` takes to show an edit of ``services.yaml`` in the browser.

Usage: ``python benchmarks/bench_serve.py [N ...] [--tutte-le-lingue]``. With no N: the example
territory (the repository's ``services.yaml``, ``geocache.yaml``, ``territorio.geojson``) and
3,000 synthetic records (``tests/synthetic.py``). ``--tutte-le-lingue`` previews every language
(``ALTRE_LINGUE=true``) instead of the default one only.

For each territory it starts ``mkdocs serve`` in a copy of it (``tests/preview.py``: the real
server and its livereload), opens one service page in headless Chromium, then three times
changes that record's name in ``services.yaml`` and waits until the page shows it. Reported, best
of 3 (the machine may be shared: the load average is printed with it):

* ``shown_s``: from the end of the save to the reloaded page's first contentful paint (the
  browser's clock and ours are the same clock); it includes the server's poll of the files
  (every 0.5 s), MkDocs' wait for more changes (0.1 s), the rebuild and the page's reload;
* ``cpu_s``: the server's CPU time (user + system) over the same interval;
* ``built_s``: the rebuild as MkDocs times it ("Documentation built in").
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

# The tests' synthetic records and their mkdocs serve driver (tests/: not part of the package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import synthetic
from conftest import site_config
from preview import REBUILT, STARTED, Preview

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = ("ufficio-di-piano-est-milano", "Ufficio di Piano del Distretto Sociale Est Milano")
RUNS = 3
FIRST_PAINT_JS = "() => performance.getEntriesByName('first-contentful-paint').length > 0"
PAINTED_AT_JS = (
    "() => performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0]"
    ".startTime"
)


def example_territory(root: Path) -> tuple[Path, str, str]:
    root.mkdir()
    for name in ("services.yaml", "geocache.yaml"):
        shutil.copy(REPO / name, root / name)
    return site_config(root), *EXAMPLE


def synthetic_territory(root: Path, n: int) -> tuple[Path, str, str]:
    root.mkdir()
    recs = synthetic.records(n)
    (root / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    return site_config(root), recs[1]["id"], recs[1]["nome"]


def measure(config: Path, record: str, name: str, env: dict[str, str | None]) -> dict:
    """Start the preview, open the record's page, edit its name ``RUNS`` times."""
    from playwright.sync_api import sync_playwright

    data = config.parent / "services.yaml"
    runs = []
    with Preview(config, config.parent / "tmp", env) as server, sync_playwright() as p:
        started = time.perf_counter()
        server.wait_for(STARTED, timeout=3600)
        first = time.perf_counter() - started
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = chromium.new_page()
        page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        page.goto(server.url + f"servizi/{record}/")
        page.wait_for_load_state("load")
        shown = name
        for run in range(1, RUNS + 1):
            edited = f"{name} (modifica {run})"
            since, cpu = server.mark(), server.cpu_seconds()
            line = re.compile(rf'^(\s+nome: "?){re.escape(shown)}("?)$', re.M)
            text, found = line.subn(rf"\g<1>{edited}\g<2>", data.read_text(encoding="utf-8"))
            assert found == 1, shown
            data.write_text(text, encoding="utf-8")
            saved = time.time()
            page.get_by_role("heading", level=1, name=edited).wait_for(timeout=3_600_000)
            page.wait_for_function(FIRST_PAINT_JS)
            painted = page.evaluate(PAINTED_AT_JS) / 1000
            cpu = server.cpu_seconds() - cpu
            built = re.search(r"built in ([\d.]+) seconds", server.wait_for("built in", since))
            server.wait_for(REBUILT, since)
            runs.append({"shown_s": painted - saved, "cpu_s": cpu, "built_s": float(built[1])})
            shown = edited
        chromium.close()
    return {
        "first_build_s": round(first, 2),
        **{k: round(min(r[k] for r in runs), 2) for k in ("shown_s", "cpu_s", "built_s")},
        "runs": [{k: round(v, 2) for k, v in r.items()} for r in runs],
    }


def main(args: list[str]) -> None:
    every = "--tutte-le-lingue" in args
    sizes = [int(a) for a in args if a.isdigit()] or [0, 3000]
    env = {"ALTRE_LINGUE": "true" if every else None}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "territorio"
            config, record, name = (
                example_territory(root) if n == 0 else synthetic_territory(root, n)
            )
            text = (root / "services.yaml").read_text(encoding="utf-8")
            records = len(re.findall(r"^\s*- id:", text, re.M))
            load_before = os.getloadavg()
            result = measure(config, record, name, env)
            report = {
                "territory": "esempio" if n == 0 else "sintetico",
                "records": records,
                "languages": "tutte" if every else "solo italiano (predefinito di mkdocs serve)",
                **result,
                "load_average": [round(x, 2) for x in load_before],
                "load_average_after": [round(x, 2) for x in os.getloadavg()],
                "cpus": os.cpu_count(),
            }
            print(json.dumps(report, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

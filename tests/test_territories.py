"""One site per territory from one repository: the Cernusco example built by the same code.

A territory is a folder with its own ``mkdocs.yml``, ``services.yaml``, ``territorio.geojson``
and ``geocache.yaml``; ``make site TERRITORIO=<folder>`` builds it into ``<folder>/site_build/``
(here into a temporary folder: the same ``mkdocs build -f`` with ``-d``).
"""

from __future__ import annotations

import json
import subprocess

from conftest import REPO, run_build
from test_build_e2e import broken_links

CERNUSCO = REPO / "examples" / "cernusco"


def test_cernusco_builds_as_its_own_site(tmp_path) -> None:
    build = run_build(CERNUSCO / "mkdocs.yml", tmp_path / "site_build")
    assert build.returncode == 0, build.output
    site = build.site
    data = json.loads((site / "dati" / "servizi.geojson").read_text(encoding="utf-8"))
    ids = [feature["properties"]["id"] for feature in data["features"]]
    assert len(ids) == 5 and "servizio-sociale-cernusco" in ids
    for service_id in ids:
        assert (site / "servizi" / service_id / "index.html").is_file()
    assert (site / "comuni" / "cernusco-sul-naviglio" / "index.html").is_file()
    assert "Cernusco sul Naviglio" in build.page("index.html")
    # Nothing of the repository's own territory leaks into this one.
    assert not (site / "comuni" / "pioltello").exists()
    assert broken_links(site) == []


def test_make_site_builds_the_chosen_territory() -> None:
    dry = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "site", "TERRITORIO=examples/cernusco"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "mkdocs build -f examples/cernusco/mkdocs.yml" in dry.stdout

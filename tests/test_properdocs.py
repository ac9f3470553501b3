"""The site on ProperDocs, the maintained fork of MkDocs 1.6: the same site as MkDocs 1.6.1's.

MkDocs 1.6.1 is the last 1.x and nobody maintains it; ProperDocs continues it. Its ``properdocs``
command points every ``mkdocs`` import at its own package, so Material, mkdocs-static-i18n and
our hooks run on it unchanged, in the same environment as MkDocs. The repository's four-language
site is built with each: the two folders must hold the same files with the same bytes, but for
the generator's name in every page's ``<meta name="generator">``. ProperDocs is installed by
``make test`` (the ``test`` extra): a missing fork fails here, it is never skipped.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import synthetic
from conftest import REPO, Build, run_build, snapshot

from servicemap import pipeline
from servicemap.validate.project import Project

PROPERDOCS = [sys.executable, "-m", "properdocs"]
GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')
TREES = {"": "it", "en/": "en", "ar/": "ar", "zh/": "zh"}


def require_properdocs() -> None:
    """Fail (not skip) when the fork is missing: the suite promises the site builds on it."""
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail(
            "ProperDocs non è installato in questo ambiente: `make test` lo installa "
            "(oppure `pip install -e '.[properdocs]'`).",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def properdocs_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site (every language), built by ``properdocs build``."""
    require_properdocs()
    site = tmp_path_factory.mktemp("properdocs") / "site_build"
    build = run_build(REPO / "mkdocs.yml", site, generator=PROPERDOCS)
    assert build.returncode == 0, build.output
    return build


def normalised(site: Path) -> dict[str, bytes]:
    """Every file of a site, with the generator's name (the one legitimate difference) blanked."""
    files = snapshot(site)
    return {
        path: GENERATOR_META.sub(b"<meta name=generator>", data) if path.endswith(".html") else data
        for path, data in files.items()
    }


def test_properdocs_builds_the_site_a_citizen_sees(properdocs_build: Build) -> None:
    site = properdocs_build.site
    home = properdocs_build.page("index.html")
    assert re.search(r'<meta name="generator" content="[^"]*ProperDocs 1\.', home), home[:2000]
    assert '<html dir="ltr" lang="it"' in home
    assert "Che cosa fanno gli sportelli" in home  # the hooks filled the home's placeholders
    assert "servicemap:inizia" not in home
    project = Project(data_file=REPO / "services.yaml")
    ids = [s.id for s in pipeline.run(project, place_records=False).services]
    for tree, lang in TREES.items():
        page = properdocs_build.page(f"{tree}servizi/caritas-pioltello/index.html")
        direction = "rtl" if lang == "ar" else "ltr"
        assert f'<html dir="{direction}" lang="{lang}"' in page, tree
        assert 'data-servizio-id="caritas-pioltello"' in page
        index = json.loads((site / tree / "search/search_index.json").read_text("utf-8"))
        locations = {doc["location"] for doc in index["docs"]}
        assert {f"servizi/{i}/" for i in ids} <= locations, tree
        for path in ("index.html", "mappa/index.html", "cerca/index.html", "404.html"):
            assert (site / tree / path).is_file(), tree + path
    geojson = json.loads((site / "dati/servizi.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["id"] for f in geojson["features"]] == ids
    for export in ("dati/servizi.csv", "dati/hsds/datapackage.json", "schema/servizi.schema.json"):
        assert (site / export).is_file(), export


def test_properdocs_and_mkdocs_write_the_same_site(
    example_build: Build, properdocs_build: Build
) -> None:
    assert b'content="mkdocs-1.6.1' in (example_build.site / "index.html").read_bytes()
    mkdocs_files = normalised(example_build.site)
    properdocs_files = normalised(properdocs_build.site)
    only_mkdocs = sorted(mkdocs_files.keys() - properdocs_files.keys())
    only_properdocs = sorted(properdocs_files.keys() - mkdocs_files.keys())
    assert (only_mkdocs, only_properdocs) == ([], [])
    assert len(mkdocs_files) > 300  # four trees of pages, assets, open data
    different = [p for p in sorted(mkdocs_files) if mkdocs_files[p] != properdocs_files[p]]
    assert different == []


def test_properdocs_refuses_wrong_data_and_keeps_the_previous_site(make_site) -> None:
    require_properdocs()
    config, site = make_site(synthetic.records(3))
    assert run_build(config, site, generator=PROPERDOCS).returncode == 0
    before = snapshot(site)
    bad = synthetic.records(3)
    bad[1]["tipo"] = ["non-esiste"]
    (config.parent / "services.yaml").write_text(synthetic.to_yaml(bad), encoding="utf-8")
    build = run_build(config, site, generator=PROPERDOCS, env={"ALTRE_LINGUE": "false"})
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert re.search(r"services\.yaml:\d+:\d+: error: ", build.output), build.output
    assert "Il sito non è stato costruito" in build.output
    assert snapshot(site) == before

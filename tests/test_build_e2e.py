"""End-to-end: ``mkdocs build`` of the example site and of synthetic sites into temporary folders.

These tests read the built files as a visitor's browser would: pages, links, exports, the search
index; and they check the promises of the build itself (atomic output, reproducibility, data
errors reported without a traceback, ``--strict``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import synthetic
from conftest import REPO, Build, run_build, site_config

from servicemap import pipeline
from servicemap.validate.project import Project


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def broken_links(site: Path) -> list[str]:
    """Every local ``href``/``src`` in every page that points to no file of the site."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            assert parts.scheme.lower() != "javascript", f"{page}: {link}"
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            base = site if path.startswith("/") else page.parent  # 404.html links from the root
            target = (base / path.lstrip("/")).resolve()
            if link.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


def gzip_date(site: Path) -> dt.date:
    """The date in the gzip header of ``sitemap.xml.gz`` (MkDocs writes the build date there)."""
    stamp = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    return dt.datetime.fromtimestamp(stamp, dt.UTC).date()


def example_ids() -> list[str]:
    result = pipeline.run(Project(data_file=REPO / "services.yaml"), place_records=False)
    return [s.id for s in result.services]


def test_example_site_has_every_page(example_build: Build) -> None:
    site = example_build.site
    ids = example_ids()
    assert ids
    for path in ("index.html", "mappa/index.html", "cerca/index.html", "comuni/index.html",
                 "aree/index.html", "tipi/index.html", "dati-aperti/index.html"):  # fmt: skip
        assert (site / path).is_file(), path
    for service_id in ids:
        html = example_build.page(f"servizi/{service_id}/index.html")
        assert f'data-servizio-id="{service_id}"' in html
        assert "Ultimo aggiornamento" in html and "A chi è rivolto" in html
    pioltello = example_build.page("comuni/pioltello/index.html")
    assert 'data-servizio-id="caritas-pioltello"' in pioltello
    # The Ufficio di Piano is in Pioltello but serves the whole district: listed for Segrate too.
    segrate = example_build.page("comuni/segrate/index.html")
    assert 'data-servizio-id="ufficio-di-piano-est-milano"' in segrate


def test_example_site_has_no_broken_internal_link(example_build: Build) -> None:
    assert broken_links(example_build.site) == []


def test_service_pages_are_not_in_the_navigation(example_build: Build) -> None:
    home = example_build.page("index.html")
    assert "servizi/caritas-pioltello/" not in home
    assert 'href="comuni/"' in home or 'href="comuni/index.html"' in home


def test_exports_have_one_entry_per_record(example_build: Build) -> None:
    ids = example_ids()
    data = json.loads((example_build.site / "dati/servizi.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["id"] for f in data["features"]] == ids
    raw = (example_build.site / "dati/servizi.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ids
    schema = json.loads((example_build.site / "schema/servizi.schema.json").read_text("utf-8"))
    assert "properties" in schema or "$defs" in schema
    open_data = example_build.page("dati-aperti/index.html")
    for link in ("servizi.geojson", "servizi.csv", "servizi.schema.json", "CC BY 4.0"):
        assert link in open_data


def test_search_index_is_small_and_finds_every_service(example_build: Build) -> None:
    index_file = example_build.site / "search/search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    ids = example_ids()
    for service_id in ids:
        assert f"servizi/{service_id}/" in locations
    service_docs = [d for d in index["docs"] if d["location"].startswith("servizi/")]
    per_record = len(json.dumps(service_docs, ensure_ascii=False).encode()) / len(ids)
    assert per_record <= 400  # the budget of design.md: what a citizen searches, not the details
    entry = next(d for d in index["docs"] if d["location"] == "servizi/caritas-pioltello/")
    assert "Caritas" in entry["title"] and "Pioltello" in entry["text"]
    assert "Orari" not in entry["text"]


def test_synthetic_site_with_hostile_text_builds_and_shows_it(make_site) -> None:
    recs = synthetic.records(12)
    recs.append(synthetic.hostile_record(recs[0]) | {"id": "ostile"})
    config, site = make_site(recs)
    build = run_build(config, site)
    assert build.returncode == 0, build.output
    html = build.page("servizi/ostile/index.html")
    assert "<img src=x" not in html and 'onerror="window' not in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; *bold* [x](javascript:" in html
    assert "{{ config }} ${window.__pwned=1} `tick` &lt;/script&gt;" in html
    assert "<strong>bold</strong>" not in html and "<em>bold</em>" not in html
    assert 'href="javascript:' not in html.lower()
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld and json.loads(ld.group(1))["name"].startswith("nome: <img src=x")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "&lt;img src=x" in title.group(1) and "</script>" not in title.group(1)
    for listing in ("comuni/pioltello/index.html", "tipi/index.html"):
        assert "<img src=x" not in build.page(listing)
    assert broken_links(site) == []


def test_data_error_stops_the_build_and_keeps_the_previous_site(make_site) -> None:
    config, site = make_site(synthetic.records(3))
    assert run_build(config, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    bad = synthetic.records(3)
    bad[1]["tipo"] = ["non-esiste"]
    bad[2]["id"] = bad[0]["id"]
    (config.parent / "services.yaml").write_text(synthetic.to_yaml(bad), encoding="utf-8")
    build = run_build(config, site)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert re.search(r"services\.yaml:\d+:\d+: error: ", build.output), build.output
    assert "Il sito non è stato costruito" in build.output
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list(config.parent.glob(".site_build.*"))


def _snapshot(site: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_comuni_that_would_share_a_page_stop_the_build_naming_both(make_site) -> None:
    """ "Città"/"Citta" and a comune with a zero-width space: one page for two comuni."""
    recs = synthetic.records(3)
    config, site = make_site(recs)
    assert run_build(config, site).returncode == 0
    before = _snapshot(site)
    comuni = [*sorted(synthetic.COMUNI), "Città", "Citta", "Segrate\u200b"]
    text = synthetic.to_yaml(recs, comuni=comuni)
    (config.parent / "services.yaml").write_text(text, encoding="utf-8")
    build = run_build(config, site)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    # to_yaml writes the comuni on line 3, as a JSON list: "Citta" at column 68
    assert (
        "services.yaml:3:68: error: `comuni`: «Citta» e «Città» (services.yaml:3) diventerebbero "
        "la stessa pagina comuni/citta/" in build.output
    ), build.output
    assert "«Segrate<U+200B>» e «Segrate» (services.yaml:3)" in build.output
    hidden = "services.yaml:3:85: warning: `comuni`: «Segrate<U+200B>» contiene un carattere "
    assert hidden + "invisibile U+200B" in build.output
    assert _snapshot(site) == before
    assert not list(config.parent.glob(".site_build.*"))


def test_a_hand_written_page_never_replaces_a_generated_one(make_site) -> None:
    """``content/comuni/Pioltello.md`` and the comune Pioltello: one file on Windows and in the
    zip (``comuni/pioltello/index.html``); ``content/servizi/<id>.md`` would hide a record."""
    recs = synthetic.records(3)
    config, site = make_site(recs)
    docs = config.parent / "content"
    shutil.copytree(REPO / "content", docs)
    text = config.read_text(encoding="utf-8").replace(
        f"docs_dir: {REPO / 'content'}", "docs_dir: content"
    )
    config.write_text(text, encoding="utf-8")
    assert run_build(config, site).returncode == 0
    before = _snapshot(site)
    (docs / "comuni").mkdir()
    (docs / "comuni" / "Pioltello.md").write_text("# Pioltello a mano\n", encoding="utf-8")
    build = run_build(config, site)
    assert build.returncode != 0 and "Traceback" not in build.output
    assert (
        "content/comuni/Pioltello.md:1:1: error: La pagina comuni/pioltello/index.html verrebbe "
        "scritta due volte, da content/comuni/Pioltello.md e da la pagina generata "
        "comuni/pioltello.md" in build.output
    ), build.output
    (docs / "comuni" / "Pioltello.md").unlink()
    (docs / "servizi").mkdir()
    (docs / "servizi" / f"{recs[1]['id']}.md").write_text("# Finto\n", encoding="utf-8")
    build = run_build(config, site)
    assert build.returncode != 0
    assert (
        f"services.yaml:{5 + len(recs[0])}:1: error: La pagina servizi/{recs[1]['id']}/index.html "
        f"verrebbe scritta due volte, da content/servizi/{recs[1]['id']}.md e da "
        f"services.yaml:{5 + len(recs[0])}" in build.output
    ), build.output
    assert _snapshot(site) == before


def test_strict_build_fails_on_warnings_and_keeps_the_previous_site(make_site) -> None:
    recs = synthetic.records(3)
    config, site = make_site(recs)
    assert run_build(config, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    del recs[0]["indirizzo"]["via"], recs[0]["posizione"]  # placed on its comune: a warning
    recs[1]["aggiornato"] = "2001-01-01"  # stale: a warning
    (config.parent / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    strict = run_build(config, site, "--strict")
    assert strict.returncode != 0
    assert "Modalità --strict con avvisi: il sito non è stato pubblicato" in strict.output
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert run_build(config, site).returncode == 0  # without --strict, warnings do not stop it


def test_every_problem_is_logged_under_the_plugin_logger(caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.config import load_config

    from servicemap.adapters import mkdocs as mkdocs_adapter

    config = load_config(str(REPO / "mkdocs.yml"))
    expected = pipeline.run(Project.from_options(REPO, config.extra["servicemap"])).problems
    assert expected, "the example data has honest warnings (stale, placed on its comune)"
    # ``mkdocs build -v`` (DEBUG): every problem in full; without it, one line per warning code
    # (tests/test_freshness_summary.py).
    with caplog.at_level(logging.DEBUG, logger="mkdocs"):
        mkdocs_adapter.on_config(config)
        mkdocs_adapter.on_build_error(RuntimeError("stop"))  # clean up the staging state
    logged = [r for r in caplog.records if r.name == "mkdocs.plugins.servicemap"]
    for problem in expected:
        level = logging.ERROR if problem.severity == "error" else logging.WARNING
        assert any(r.getMessage() == problem.format_text() and r.levelno == level for r in logged)


def test_two_builds_are_byte_identical(make_site, tmp_path: Path) -> None:
    config, _ = make_site(synthetic.records(20))
    one = run_build(
        config, tmp_path / "one", env={"TZ": "America/Los_Angeles", "PYTHONHASHSEED": "1"}
    )
    two = run_build(config, tmp_path / "two", env={"TZ": "Asia/Tokyo", "PYTHONHASHSEED": "2"})
    assert one.returncode == two.returncode == 0
    files_one = {
        p.relative_to(one.site): p.read_bytes() for p in one.site.rglob("*") if p.is_file()
    }
    files_two = {
        p.relative_to(two.site): p.read_bytes() for p in two.site.rglob("*") if p.is_file()
    }
    assert files_one.keys() == files_two.keys()
    assert [k for k in files_one if files_one[k] != files_two[k]] == []
    # The sitemap's gzip header holds the build date: the latest `aggiornato`, not the clock.
    assert gzip_date(one.site) == dt.date(2026, 3, 18)


def test_source_date_epoch_is_honoured(make_site, tmp_path: Path) -> None:
    config, site = make_site(synthetic.records(2))
    build = run_build(config, site, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert build.returncode == 0, build.output
    assert gzip_date(site) == dt.date(2023, 11, 14)


def test_site_config_helper_points_at_the_repository() -> None:
    assert (REPO / "content" / "index.md").is_file()
    assert callable(site_config)

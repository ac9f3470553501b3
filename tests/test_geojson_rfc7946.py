"""GeoJSON as RFC 7946 says: counterclockwise exterior rings, clockwise holes, valid geometries,
no ``crs`` member; and ``dati/servizi.geojson`` valid per the ``geojson`` package.

Checked on the committed boundary files, on what ``servicemap territory`` makes (its output is
the committed file byte for byte: ``test_territory.py``), on a file wound the wrong way (fixed
on load), and on every boundary the built site ships (``confini.js``, the map page).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import geojson
import pytest
from shapely.geometry import Polygon, mapping, shape

from servicemap.place.territory import load_territory, make_feature
from servicemap.render.minimap import CONFINI_PATH

ROOT = Path(__file__).resolve().parent.parent
BOUNDARY_FILES = [
    ROOT / "territorio.geojson",
    ROOT / "examples" / "cernusco" / "territorio.geojson",
]


def ring_area(ring: list) -> float:
    """Twice the signed area (shoelace): positive when the ring runs counterclockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring))


def winding_problems(geometry: dict) -> list[str]:
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    found = []
    for n, (exterior, *holes) in enumerate(polygons):
        if ring_area(exterior) <= 0:
            found.append(f"polygon {n}: exterior ring clockwise")
        found += [
            f"polygon {n}: hole {i} counterclockwise"
            for i, h in enumerate(holes)
            if ring_area(h) >= 0
        ]
    if not shape(geometry).is_valid:
        found.append("invalid geometry")
    return found


def check_collection(data: dict) -> None:
    assert "crs" not in data
    obj = geojson.loads(json.dumps(data))
    assert obj.is_valid, obj.errors()
    problems = {
        f["properties"].get("name", n): winding_problems(f["geometry"])
        for n, f in enumerate(data["features"])
    }
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("path", BOUNDARY_FILES, ids=["root", "cernusco"])
def test_committed_boundaries_follow_rfc7946(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["features"]
    check_collection(data)


WITH_HOLE = Polygon(
    [(9.0, 45.0), (9.0, 45.1), (9.1, 45.1), (9.1, 45.0)],  # clockwise: the wrong way
    [[(9.02, 45.02), (9.08, 45.02), (9.08, 45.08), (9.02, 45.08)]],  # counterclockwise hole
)


def test_the_command_winds_a_comune_with_a_hole_as_rfc7946_asks():
    assert ring_area(mapping(WITH_HOLE)["coordinates"][0]) < 0  # really wound the wrong way
    feature = make_feature("Prova", "015999", "MI", WITH_HOLE, tolerance=0.0001)
    assert winding_problems(feature["geometry"]) == []
    assert len(feature["geometry"]["coordinates"]) == 2  # the hole is still there


def test_a_file_wound_clockwise_is_fixed_on_load(tmp_path):
    geometry = json.loads(json.dumps(mapping(WITH_HOLE)))
    assert winding_problems(geometry) != []
    path = tmp_path / "territorio.geojson"
    feature = {"type": "Feature", "properties": {"name": "Prova"}, "geometry": geometry}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    territory, problems = load_territory(path)
    assert problems == []
    assert winding_problems(territory.comuni[0].geometry) == []


def test_every_boundary_the_site_ships_follows_rfc7946(example_build):
    confini = example_build.page(CONFINI_PATH)
    value = re.match(r"window\.SERVICEMAP_CONFINI=(\{.*?\});\n", confini, re.S)
    assert value, confini[:200]
    boundaries = json.loads(value.group(1))
    assert set(boundaries) >= {"pioltello", "segrate", "vimodrone", "rodano"}
    check_collection(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"name": k}, "geometry": g}
                for k, g in boundaries.items()
            ],
        }
    )
    shipped = [p for p in example_build.site.rglob("*") if p.suffix in (".js", ".html")]
    polygons = 0
    for path in shipped:
        text = path.read_text(encoding="utf-8", errors="replace")
        # A geometry object, whichever key comes first (folium sorts them).
        for match in re.finditer(r'\{"(?:type":\s*"(?:Multi)?Polygon",\s*")?coordinates":', text):
            geometry, _ = json.JSONDecoder().raw_decode(text, match.start())
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            assert winding_problems(geometry) == [], path
            polygons += 1
    assert polygons >= 2 * len(boundaries)  # confini.js and the map page at least


def test_services_geojson_is_valid_for_the_geojson_package(example_build):
    text = example_build.page("dati/servizi.geojson")
    obj = geojson.loads(text)
    assert obj.is_valid, obj.errors()
    assert obj["type"] == "FeatureCollection" and "crs" not in obj
    assert len(obj["features"]) >= 10
    placed = [f for f in obj["features"] if f["geometry"] is not None]
    assert placed and all(f["geometry"]["type"] == "Point" for f in placed)

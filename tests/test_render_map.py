"""The map page's generated files: compact point data, fixed ids, no CDN, text kept as text."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import synthetic

from servicemap.core.model import Comune, Position, Territory
from servicemap.render import assets
from servicemap.render.map import render_map
from servicemap.validate.project import Project

CDN_HOSTS = ("cdn.jsdelivr", "unpkg", "cdnjs", "code.jquery", "bootstrapcdn", "googleapis")
HOSTILE = synthetic.HOSTILE


def square(lat: float, lon: float, d: float = 0.01) -> dict:
    ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def territory(extra_name: str = "") -> Territory:
    comuni = [
        Comune(name, name.lower(), point=point, geometry=square(*point))
        for name, point in synthetic.COMUNI.items()
    ]
    if extra_name:
        comuni.append(Comune(extra_name, "x", point=(45.6, 9.4), geometry=square(45.6, 9.4)))
    return Territory("Distretto", comuni, attribution="ISTAT, CC BY 4.0")


def project() -> Project:
    return Project(Path("services.yaml"))


def files_by_path(services, terr=None) -> dict[str, str]:
    files = render_map(services, terr or territory(), None, project())
    return {f.path: f.content for f in files}


def script_value(text: str, name: str) -> object:
    prefix = f"window.{name}="
    assert text.startswith(prefix) and text.endswith(";\n")
    return json.loads(text[len(prefix) : -2])


def test_the_adapter_gets_a_page_and_three_scripts():
    out = files_by_path(synthetic.services(3))
    assert sorted(out) == [
        "assets/servicemap/mappa-carta.js",
        "assets/servicemap/mappa-punti.js",
        "assets/servicemap/mappa-schede.js",
        "mappa/index.md",
    ]
    page = out["mappa/index.md"]
    for src in ("leaflet/leaflet.js", "supercluster/supercluster.min.js", "mappa-punti.js",
                "mappa-carta.js", "servicemap-hours.js", "servicemap-map.js"):  # fmt: skip
        assert src in page
    assert 'id="map_servicemap"' in page


def test_points_are_data_under_100_bytes_per_record():
    services = synthetic.services(3000)
    points = files_by_path(services)["assets/servicemap/mappa-punti.js"]
    data = script_value(points, "SERVICEMAP_POINTS")
    assert sum(len(p) - 3 for p in data["p"]) == 3000  # every record on the map once
    assert len(points.encode()) / 3000 < 100
    carta = files_by_path(services)["assets/servicemap/mappa-carta.js"]
    assert "L.marker" not in carta and len(carta) < 20_000  # no Marker per record


def test_services_at_one_position_are_one_point_listing_them_all():
    services = synthetic.services(3)
    here = Position(45.5, 9.3, "indirizzo")
    services[0].placed_position = here
    services[2].placed_position = dataclasses.replace(here)
    data = script_value(
        files_by_path(services)["assets/servicemap/mappa-punti.js"], "SERVICEMAP_POINTS"
    )
    assert [45.5, 9.3] in [p[:2] for p in data["p"]]
    shared = next(p for p in data["p"] if p[:2] == [45.5, 9.3])
    assert shared[3:] == [0, 2]
    assert len(data["p"]) == 2


def test_approximate_and_missing_positions_are_said():
    services = synthetic.services(3)
    services[0].placed_position = Position(45.499, 9.327, "comune")
    services[1].placed_position = None
    out = files_by_path(services)
    details = script_value(out["assets/servicemap/mappa-schede.js"], "SERVICEMAP_MAP_DETAILS")
    assert [row[4] for row in details["s"]] == [2, -1, 0]
    page = out["mappa/index.md"]
    assert page.count('data-servizio-id="') == 3
    item0 = re.search(r'<li data-servizio-id="servizio-00000"[^>]*>.*?</li>', page).group(0)
    assert "posizione approssimativa" in item0
    item1 = re.search(r'<li data-servizio-id="servizio-00001"[^>]*>.*?</li>', page).group(0)
    assert "posizione non disponibile" in item1 and "data-i=" not in item1


def test_no_cdn_anywhere_and_vendor_files_are_local():
    outputs = list(files_by_path(synthetic.services(5)).values())
    outputs += [f.content for f in assets.vendor_files() if f.path.endswith((".js", ".css"))]
    for text in outputs:
        text = text.decode() if isinstance(text, bytes) else text
        for host in CDN_HOSTS:
            assert host not in text
    paths = {f.path for f in assets.vendor_files()}
    assert "assets/vendor/leaflet/leaflet.js" in paths
    assert "assets/vendor/leaflet/images/layers.png" in paths  # leaflet.css points to it
    # The clustering, vendored from npm, with its licence and that of kdbush bundled in it.
    assert {
        "assets/vendor/supercluster/supercluster.min.js",
        "assets/vendor/supercluster/LICENSE",
        "assets/vendor/supercluster/LICENSE.kdbush",
    } <= paths
    assert not any("markercluster" in path for path in paths)


def test_folium_ids_are_fixed_and_nothing_is_random():
    out = files_by_path(synthetic.services(5))
    carta = out["assets/servicemap/mappa-carta.js"]
    assert "var map_servicemap = L.map(" in carta
    assert "var geo_json_comuni = " in carta and "var tile_layer_base = " in carta
    for text in out.values():
        assert not re.search(r"[0-9a-f]{32}", text)  # branca's urandom ids


def test_two_builds_are_byte_identical_whatever_the_hash_seed():
    code = (
        "import hashlib, sys; sys.path.insert(0, 'tests');"
        "from test_render_map import files_by_path;"
        "import synthetic;"
        "out = files_by_path(synthetic.services(40));"
        "print(hashlib.sha256(repr(sorted(out.items())).encode()).hexdigest())"
    )
    root = Path(__file__).resolve().parent.parent
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={
                "PYTHONHASHSEED": seed,
                "TZ": tz,
                "PATH": "/usr/bin:/bin",
                "PYTHONPATH": str(root / "src"),  # this checkout's code
            },
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed, tz in (("1", "UTC"), ("2", "Asia/Tokyo"))
    }
    assert len(digests) == 1
    here = files_by_path(synthetic.services(40))
    assert hashlib.sha256(repr(sorted(here.items())).encode()).hexdigest() in digests


def test_hostile_text_stays_inert_in_every_output():
    rec = synthetic.hostile_record(synthetic.records(1)[0])
    services = [synthetic.to_service(rec)]
    out = files_by_path(services, territory(extra_name=HOSTILE))
    for path, text in out.items():
        if path.endswith(".js"):
            assert "</script" not in text.lower() and "<img" not in text and "<!--" not in text
            assert "\u2028" not in text
    page = out["mappa/index.md"]
    assert "<img src=x" not in page and "</script><script>" not in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    # Names never enter folium's output (branca re-reads it as a Jinja template); the boundary
    # tooltip looks the name up in our data and writes it with textContent.
    carta = out["assets/servicemap/mappa-carta.js"]
    assert "label.textContent" in carta and "pwned" not in carta and "{{" not in carta
    points = script_value(out["assets/servicemap/mappa-punti.js"], "SERVICEMAP_POINTS")
    assert points["c"][-1] == HOSTILE
    details = out["assets/servicemap/mappa-schede.js"]
    assert script_value(details, "SERVICEMAP_MAP_DETAILS")["s"][0][1] == rec["nome"]


def test_no_tiles_configured_means_no_tile_layer():
    proj = project()
    proj.tile_url = ""
    out = {f.path: f.content for f in render_map(synthetic.services(2), territory(), None, proj)}
    assert "tileLayer" not in out["assets/servicemap/mappa-carta.js"]
    assert "geo_json_comuni" in out["assets/servicemap/mappa-carta.js"]


def test_first_view_fits_the_own_comuni_and_every_drawn_comune_is_named():
    terr = territory()
    far = Comune("Lontano", "lontano", point=(46.5, 10.5), geometry=square(46.5, 10.5, 0.2))
    terr.comuni.append(dataclasses.replace(far, neighbour=True))
    value = script_value(
        files_by_path(synthetic.services(5), terr)["assets/servicemap/mappa-punti.js"],
        "SERVICEMAP_POINTS",
    )
    (south, west), (north, east) = value["f"]
    own = [c.point for c in terr.comuni if not c.neighbour]
    assert south == round(min(p[0] for p in own) - 0.01, 5)
    assert north == round(max(p[0] for p in own) + 0.01, 5) < 46.3  # the neighbour is left out
    assert east < 10.3 and west < east
    assert value["c"][-1] == "Lontano" and value["l"][-1] == [46.5, 10.5]  # drawn and named
    assert len(value["l"]) == len(value["c"])


def test_the_arabic_map_page_and_popups_speak_arabic_and_mark_the_italian():
    services = synthetic.services(6)
    services[0].traduzioni = {"ar": {"nome": "مكتب المساعدة", "note_orari": "اتصل قبل الذهاب"}}
    services[0].note_orari = "Telefonare prima"
    services[1].note_orari = "Solo su appuntamento"
    out = {f.path: f.content for f in render_map(services, territory(), None, project(), lang="ar")}
    page = out["mappa/index.md"]
    assert 'title: "خريطة الخدمات"' in page and "# خريطة الخدمات" in page
    assert 'aria-label="دليل رموز الخريطة"' in page
    assert 'href="#elenco-dei-servizi">تخطَّ الخريطة: انتقل إلى قائمة الخدمات</a>' in page
    assert "## قائمة الخدمات {: #elenco-dei-servizi }" in page
    assert f'<a href="../servizi/{services[0].id}/" dir="auto">مكتب المساعدة</a>' in page
    assert f'<a href="../servizi/{services[1].id}/" dir="auto" lang="it">' in page
    assert "Salta la mappa" not in page and "Legenda" not in page
    rows = {r[0]: r for r in script_value(out["assets/servicemap/mappa-schede.js"],
                                           "SERVICEMAP_MAP_DETAILS")["s"]}  # fmt: skip
    assert rows[services[0].id][1] == "مكتب المساعدة" and len(rows[services[0].id]) == 9
    assert rows[services[0].id][8] == "اتصل قبل الذهاب"
    assert rows[services[1].id][9] == 3  # name and hours note left in Italian
    italian = {f.path: f.content for f in render_map(services, territory(), None, project())}
    assert all(
        len(r) == 9
        for r in script_value(italian["assets/servicemap/mappa-schede.js"],
                              "SERVICEMAP_MAP_DETAILS")["s"]
    )  # fmt: skip

"""The small map of a service page ("Dove si trova"): its markup, its data file, and in Chromium
the point and the comune's boundary drawn with the tiles blocked (and from disk, without tiles).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import synthetic
from browser import TILES, WATCH_CSP, material_sitemap_probe, new_page

from servicemap.core.model import Comune, Position, Territory
from servicemap.render.context import RenderContext
from servicemap.render.html import Site
from servicemap.render.labels import Labels
from servicemap.render.minimap import CONFINI_PATH, confini_script
from servicemap.render.service_page import render_service_page
from servicemap.validate.project import Project

LABELS = Labels(labels={"tipo": {"sportello": "Sportello di aiuto", "caf": "CAF"}})
SQUARE = {"type": "Polygon", "coordinates": [[[9.3, 45.5], [9.4, 45.5], [9.4, 45.6], [9.3, 45.5]]]}


def service(precision: str = "indirizzo"):
    s = synthetic.services(1)[0]
    s.nome = 'Sportello <b>"Ponte"</b> & C.'
    s.indirizzo = dataclasses.replace(s.indirizzo, comune="Cassina de' Pecchi")
    s.tipo = ["caf"]
    s.placed_position = Position(45.51, 9.35, precision)
    return s


def page_of(s, directory_urls: bool = True) -> str:
    ctx = RenderContext([s], None, LABELS, Site(directory_urls))
    return render_service_page(s, ctx)


def test_minimap_carries_its_data_and_an_escaped_italian_label() -> None:
    page = page_of(service())
    box = re.search(r'<div class="sm-minimap"[^>]*></div>', page)
    assert box, page
    tag = box.group(0)
    assert 'data-lat="45.510000" data-lon="9.350000"' in tag
    assert 'data-precisione="indirizzo" data-comune="cassina-de-pecchi"' in tag
    assert 'data-colore="#D55E00"' in tag  # "caf": the second type, as on the map page
    assert 'role="img"' in tag
    assert (
        'aria-label="Mappa: Sportello &lt;b&gt;&quot;Ponte&quot;&lt;/b&gt; &amp; C. '
        'a Cassina de&#x27; Pecchi"' in tag
    )
    approximate = page_of(service("comune"))
    assert "(posizione approssimativa)&quot;" not in approximate
    assert 'Pecchi (posizione approssimativa)"' in approximate


def test_the_minimap_label_is_in_the_page_language() -> None:
    from servicemap.render.minimap import minimap

    s = service("comune")
    ctx = RenderContext([s], None, LABELS, Site(True), lang="ar")
    label = re.search(r'aria-label="([^"]*)"', minimap(s, ctx)).group(1)
    assert label == (
        "الخريطة: Sportello &lt;b&gt;&quot;Ponte&quot;&lt;/b&gt; &amp; C. "
        "في Cassina de&#x27; Pecchi (موقع تقريبي)"
    )


@pytest.mark.parametrize(
    ("directory_urls", "prefix"), [(True, "../../assets/"), (False, "../assets/")]
)
def test_service_page_loads_leaflet_and_the_minimap_scripts(directory_urls, prefix) -> None:
    page = page_of(service(), directory_urls)
    for css in ("vendor/leaflet/leaflet.css", "servicemap/servicemap-minimap.css"):
        assert f'<link rel="stylesheet" href="{prefix}{css}">' in page
    scripts = re.findall(r'<script src="([^"]+)"></script>', page)
    wanted = [
        f"{prefix}vendor/leaflet/leaflet.js",
        f"{prefix}servicemap/confini.js",
        f"{prefix}servicemap/servicemap-minimap.js",
    ]
    assert scripts[-3:] == wanted  # Leaflet, then the data, then the script that uses both
    assert "<script>" not in page  # no inline script: the policy allows only the theme's


def test_no_position_no_minimap_and_no_leaflet() -> None:
    s = service()
    s.placed_position = None
    page = page_of(s)
    assert "sm-minimap" not in page and "leaflet" not in page


def test_boundaries_file_is_data_and_names_tiles_only_online() -> None:
    territory = Territory(
        "Prova",
        [
            Comune("Cassina de' Pecchi", "cassina-de-pecchi", geometry=SQUARE),
            Comune("Senza confine", "senza-confine"),
        ],
        attribution="ISTAT </script><script>alert(1)</script>",
    )
    online = confini_script(territory, Project(Path("services.yaml")))
    assert online.startswith('window.SERVICEMAP_CONFINI={"cassina-de-pecchi":{"type":"Polygon"')
    assert "senza-confine" not in online
    assert "</script>" not in online and "\\u003c/script\\u003e" in online
    assert '"tiles":"https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in online
    offline = confini_script(territory, Project(Path("services.yaml"), tile_url=""))
    assert '"tiles":"","tileAttribution":""' in offline
    assert (
        confini_script(territory, Project(Path("services.yaml"))) == online
    )  # byte-identical builds
    assert CONFINI_PATH == "assets/servicemap/confini.js"


def _drawn(page) -> dict:
    page.wait_for_selector(".sm-minimap[data-ready=true]", state="attached")
    return page.evaluate(
        """() => {
          const box = document.querySelector(".sm-minimap");
          const cls = p => p.getAttribute("class") || "";
          const paths = [...box.querySelectorAll("svg path")];
          return {
            point: paths.filter(p => cls(p).includes("sm-minimap-punto")).length,
            boundary: paths.filter(p => cls(p).includes("sm-minimap-confine")
              && (p.getAttribute("d") || "").length > 20).length,
            focusable: box.querySelectorAll("a, button, input, [tabindex]").length
              + (box.hasAttribute("tabindex") ? 1 : 0),
            tiles: box.querySelectorAll("img.leaflet-tile").length,
            label: box.getAttribute("aria-label"),
            height: box.getBoundingClientRect().height,
          };
        }"""
    )


@pytest.mark.browser
def test_minimap_draws_point_and_boundary_with_tiles_blocked(chromium, example_site) -> None:
    page = new_page(chromium)  # refuses https://tile.openstreetmap.org/**
    page.route(f"{TILES}**", lambda route: route.abort())
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_console(message) -> None:
        blocked_tile = (message.location or {}).get("url", "").startswith(TILES)
        if message.type == "error" and not blocked_tile and not material_sitemap_probe(message):
            errors.append(message.text)

    page.on("console", on_console)
    try:
        page.goto(f"{example_site}servizi/caritas-pioltello/")
        drawn = _drawn(page)
        assert drawn["point"] == 1 and drawn["boundary"] >= 1, drawn
        assert drawn["focusable"] == 0 and drawn["height"] > 100, drawn
        assert drawn["tiles"] > 0  # the online build asks for tiles (refused here)
        assert drawn["label"].startswith("Mappa: ") and "Pioltello" in drawn["label"]
        assert page.locator(".sm-minimap-fonte").inner_text().startswith("Mappa: ©")
        assert page.locator("a.sm-indicazioni").count() == 1
        assert page.evaluate("window.__cspv") == []
        assert errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_offline_minimap_from_disk_asks_for_no_tile(chromium, offline_build) -> None:
    page = chromium.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((offline_build.site / "servizi" / "caritas-pioltello.html").as_uri())
        drawn = _drawn(page)
        assert drawn["point"] == 1 and drawn["boundary"] >= 1 and drawn["tiles"] == 0, drawn
        assert [u for u in requests if not u.startswith("file://")] == []
    finally:
        page.close()

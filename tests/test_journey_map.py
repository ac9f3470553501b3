"""Journeys on the map page, on a phone (Chromium at 360x740), on the repository's own site.

Each test counts the taps a person makes and asserts what they see: the territory (not Milano)
in the first view with the comuni named, the popup of the service they tapped or asked for,
whole and clear of the map's controls, and "Vicino a me" asked only on the tap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from browser import close, new_page, settle
from playwright.sync_api import expect
from shapely.geometry import shape

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 740}
STILL_JS = """() => {
  const root = document.getElementById('sm-map');
  return !root.hasAttribute('data-moving') && !document.querySelector('.leaflet-zoom-anim');
}"""
BOXES_JS = """() => {
  const box = sel => { const r = document.querySelector(sel).getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  return {map: box('#sm-map .sm-map'), popup: box('.leaflet-popup'),
          zoom: box('.leaflet-control-zoom')};
}"""
HERE = {"latitude": 45.4975, "longitude": 9.3380}  # in Pioltello


class Taps:
    """The person's taps, counted: every click the journey makes goes through ``tap``."""

    def __init__(self, page) -> None:
        self.page, self.count = page, 0

    def tap(self, locator) -> None:
        locator.click()
        self.count += 1


def territory() -> tuple[list[str], list[str]]:
    section = yaml.safe_load((REPO / "services.yaml").read_text(encoding="utf-8"))["territorio"]
    return section["comuni"], section["comuni_limitrofi"]


def bbox(name: str) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a comune in ``territorio.geojson``."""
    data = json.loads((REPO / "territorio.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["name"] == name)
    return shape(feature["geometry"]).bounds


def view(page) -> tuple[float, float, float, float]:
    b = page.evaluate(
        "() => { const b = window.map_servicemap.getBounds();"
        " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"
    )
    return tuple(b)


def contains(outer, inner) -> bool:
    return (
        outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2]
        and outer[3] >= inner[3]
    )  # fmt: skip


def inside(inner: dict, outer: dict) -> bool:
    return all(
        (inner[k] >= outer[k]) if k in ("left", "top") else (inner[k] <= outer[k])
        for k in ("left", "top", "right", "bottom")
    )


def overlap(a: dict, b: dict) -> bool:
    return not (
        a["right"] <= b["left"] or b["right"] <= a["left"]
        or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
    )  # fmt: skip


@pytest.fixture
def phone(chromium, example_site):
    pages = []

    def open_map(**options):
        page = new_page(chromium, **PHONE, **options)
        pages.append(page)
        page.goto(f"{example_site}mappa/")
        settle(page, "mappa/")
        page.wait_for_function(STILL_JS)
        return page

    yield open_map
    for page in pages:
        close(page)


def assert_popup_whole(page) -> dict:
    page.wait_for_selector(".leaflet-popup .sm-popup-name")
    page.wait_for_function(STILL_JS)
    boxes = page.evaluate(BOXES_JS)
    assert inside(boxes["popup"], boxes["map"]), boxes
    assert not overlap(boxes["popup"], boxes["zoom"]), boxes
    return boxes


def test_first_view_is_the_territory_with_its_comuni_named(phone):
    page = phone()
    own, neighbours = territory()
    shown = view(page)
    for name in own:
        assert contains(shown, bbox(name)), name
    assert not contains(shown, bbox("Milano"))  # Milano is drawn, not zoomed to
    labels = page.eval_on_selector_all(
        ".sm-comune-label", "els => els.map(e => [e.textContent, e.getAttribute('aria-hidden')])"
    )
    assert {text for text, _ in labels} >= set(own) | set(neighbours)
    assert {hidden for _, hidden in labels} == {"true"}  # not clutter for a screen reader
    # The map starts on the phone's first screen: the instructions fold away.
    top = page.evaluate("document.querySelector('#sm-map .sm-map').getBoundingClientRect().top")
    assert top < PHONE["height"] / 2
    assert not page.is_visible(".sm-map-help p")
    taps = Taps(page)
    taps.tap(page.locator(".sm-map-help summary"))
    assert page.is_visible(".sm-map-help p") and taps.count == 1


def test_a_map_popup_on_a_phone(phone):
    """One tap on a marker: that service's popup, with its name and today's hours, whole."""
    page = phone()
    taps = Taps(page)
    index = page.evaluate(
        """() => { const m = document.querySelector('#sm-map .sm-map').getBoundingClientRect();
        return [...document.querySelectorAll('.sm-marker')].findIndex(e => {
          const b = e.getBoundingClientRect(); return b.top > m.top + 90 && b.bottom < m.bottom
            && b.left > m.left && b.right < m.right; }); }"""
    )
    assert index >= 0
    marker = page.locator(".sm-marker").nth(index)
    name = marker.get_attribute("aria-label").removesuffix(": apri i dettagli")
    taps.tap(marker)
    assert_popup_whole(page)
    popup = page.locator(".leaflet-popup")
    if "servizi in questo punto" not in name:
        assert popup.locator(".sm-popup-name").inner_text() == name
    assert popup.locator(".sm-popup-today").first.inner_text()  # today's hours, in words
    assert taps.count == 1


def test_show_on_map_opens_that_service_among_several(phone):
    """A service that shares its address: its popup opens with IT emphasised, in one tap."""
    page = phone()
    shared = page.evaluate(  # the data by its field names (campi), as the map reads it
        "() => { const d = window.SERVICEMAP_POINTS, at = d.campi.p.indexOf('servizi');"
        " return d.p.map(p => p.slice(at)).filter(s => s.length > 3); }"
    )
    assert shared, "the example has an address with several services"
    chosen = shared[0][-1]  # the last listed: the one a person would have to scroll to
    name = page.evaluate(
        f"() => {{ const d = window.SERVICEMAP_MAP_DETAILS; "
        f"return d.s[{chosen}][d.campi.s.indexOf('nome')]; }}"
    )
    taps = Taps(page)
    taps.tap(page.locator(f'.sm-map-list li[data-i="{chosen}"] .sm-show-on-map'))
    assert_popup_whole(page)
    emphasised = page.locator(".leaflet-popup .sm-popup-chosen")
    assert emphasised.get_attribute("data-i") == str(chosen)
    assert emphasised.locator(".sm-popup-name").inner_text() == name
    assert emphasised.locator(".sm-popup-today").inner_text()
    assert emphasised.get_attribute("aria-current") == "true"
    # Scrolled into the popup's view, not below its fold.
    assert page.evaluate(
        """() => { const item = document.querySelector('.sm-popup-chosen').getBoundingClientRect();
        const box = document.querySelector('.leaflet-popup .sm-popup').getBoundingClientRect();
        return item.top >= box.top - 1 && item.top < box.bottom; }"""
    )
    assert taps.count == 1


def test_near_me_on_the_map_asks_only_on_the_tap(phone):
    page = phone(geolocation=HERE, permissions=["geolocation"])
    page.evaluate(
        "() => { window.__asked = 0; const g = navigator.geolocation.getCurrentPosition.bind("
        "navigator.geolocation); navigator.geolocation.getCurrentPosition = "
        "(...a) => { window.__asked++; return g(...a); }; }"
    )
    assert page.evaluate("window.__asked") == 0
    taps = Taps(page)
    taps.tap(page.locator("#sm-map-vicino"))
    page.wait_for_selector(".sm-you")
    page.wait_for_function(STILL_JS)
    assert page.evaluate("window.__asked") == 1 and taps.count == 1
    assert "la tua posizione" in page.inner_text("#sm-map-vicino-stato")
    assert "resta sul tuo dispositivo" in page.inner_text("#sm-map-vicino-stato")
    shown = view(page)
    lon, lat = HERE["longitude"], HERE["latitude"]
    assert contains(shown, (lon, lat, lon, lat))
    nearest = page.evaluate(
        f"""() => {{ const d = window.SERVICEMAP_POINTS;
          const y = d.campi.p.indexOf('lat'), x = d.campi.p.indexOf('lon');
          return d.p.map(p => [Math.hypot(p[y] - {lat},
          (p[x] - {lon}) * Math.cos({lat} * Math.PI / 180)), p[y], p[x]])
          .sort((a, b) => a[0] - b[0])[0]; }}"""
    )
    assert contains(shown, (nearest[2], nearest[1], nearest[2], nearest[1]))
    assert page.get_attribute("#sm-map-vicino", "aria-pressed") == "true"


def test_near_me_refused_on_the_map_says_so(phone):
    page = phone()  # no permission: the browser refuses
    taps = Taps(page)
    taps.tap(page.locator("#sm-map-vicino"))
    page.wait_for_function(
        "() => document.getElementById('sm-map-vicino-stato').textContent.includes('Non possiamo')"
    )
    assert "elenco sotto la mappa" in page.inner_text("#sm-map-vicino-stato")
    assert page.locator(".sm-you").count() == 0 and taps.count == 1


def test_comuni_names_step_aside_when_zoomed_far_out(phone):
    page = phone()
    name = page.locator(".sm-comune-label").first
    expect(name).to_be_visible()
    zoom = page.evaluate("window.map_servicemap.getZoom()")
    taps = Taps(page)
    for level in (zoom - 1, zoom - 2):
        taps.tap(page.locator(".leaflet-control-zoom-out"))
        page.wait_for_function(f"() => window.map_servicemap.getZoom() === {level}")
        page.wait_for_function(STILL_JS)
    expect(name).to_be_hidden()  # no pile of names over each other
    taps.tap(page.locator(".leaflet-control-zoom-in"))
    expect(name).to_be_visible()
    assert taps.count == 3


def test_show_on_map_finds_a_service_hidden_in_a_group(phone):
    """Zoomed out, the services sit in groups: the button still opens THAT service's popup."""
    page = phone()
    page.evaluate("() => window.map_servicemap.setZoom(9, {animate: false})")
    page.wait_for_function(STILL_JS)
    expect(page.locator(".sm-cluster").first).to_be_visible()  # grouped: no marker to tap
    # One visual language: groups are our pins (as in the legend), not coloured bubbles.
    groups = page.locator(".sm-cluster")
    assert groups.count() == page.locator(".sm-cluster > .sm-pin.sm-pin-group").count()
    assert page.locator(".marker-cluster-small, .marker-cluster-medium").count() == 0
    assert page.locator(".sm-legend .sm-pin-group").count() == 1
    # A service alone at its address whose marker is not on the map (it is in a group).
    chosen, name = page.evaluate(
        """() => {
          const shown = new Set([...document.querySelectorAll('.sm-marker')]
            .map(m => m.getAttribute('aria-label')));
          const details = window.SERVICEMAP_MAP_DETAILS, points = window.SERVICEMAP_POINTS;
          const name = i => details.s[i][details.campi.s.indexOf('nome')];
          const at = points.campi.p.indexOf('servizi');
          const i = points.p.map(p => p.slice(at)).filter(s => s.length === 1).map(s => s[0])
            .find(i => !shown.has(name(i) + ': apri i dettagli'));
          return [i, name(i)];
        }"""
    )
    taps = Taps(page)
    taps.tap(page.locator(f'.sm-map-list li[data-i="{chosen}"] .sm-show-on-map'))
    assert_popup_whole(page)
    popup = page.locator(".leaflet-popup")
    assert popup.locator(".sm-popup-name").inner_text() == name
    assert popup.locator(".sm-popup-today").inner_text()
    assert taps.count == 1

"""Placement: every record gets a position and a precision, and a wrong town is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from servicemap.core.model import Address, Service, Territory
from servicemap.place.geocache import FOUND, REFUSED, CacheEntry, GeoCache, address_key
from servicemap.place.placement import place_services
from servicemap.place.territory import load_territory, merge

ROOT = Path(__file__).resolve().parent.parent
PIOLTELLO = (45.4990, 9.3260)
SEGRATE = (45.4839, 9.2966)


@pytest.fixture
def territory() -> Territory:
    terr, _ = load_territory(ROOT / "territorio.geojson")
    return merge(terr, "Distretto", ["Pioltello", "Segrate", "Vimodrone", "Rodano", "Melzo"])


def svc(id: str, *, via: str = "", comune: str = "Pioltello", written_position=None, line: int = 5):
    address = Address(comune=comune, via=via, cap="20096", provincia="MI")
    return Service(
        id=id,
        nome=id,
        tipo=["sportello"],
        indirizzo=address,
        aggiornato="2024-01-01",
        line=line,
        written_position=written_position,
    )


def cache_with(*items: tuple[Service, CacheEntry]) -> GeoCache:
    cache = GeoCache(Path("geocache.yaml"))
    for service, entry in items:
        cache.put(address_key(service.indirizzo), entry)
    return cache


def flatten(problems):
    return [(p.file, p.line, p.severity, p.code) for p in problems]


def test_manual_position_inside_its_comune_is_kept(territory):
    s = svc("caritas", written_position=PIOLTELLO)
    assert place_services([s], territory, GeoCache(Path("x")), file="services.yaml") == []
    assert (s.placed_position.lat, s.placed_position.lon, s.placed_position.precision) == (
        *PIOLTELLO,
        "manuale",
    )


def test_manual_position_in_another_comune_is_an_error_naming_record_and_line(territory):
    s = svc("caritas", written_position=SEGRATE, line=23)
    problems = place_services([s], territory, GeoCache(Path("x")), file="services.yaml")
    assert flatten(problems) == [("services.yaml", 23, "error", "outside-comune")]
    message = problems[0].message
    assert "«caritas»" in message and "fuori dal comune di Pioltello" in message
    assert "è nel comune di Segrate" in message
    assert s.placed_position is not None  # still placed (on its comune), never lost


def test_cached_address_gives_indirizzo_precision_and_source(territory):
    s = svc("roma", via="Via Roma 1")
    entry = CacheEntry(FOUND, "nominatim", "2024-05-01", *PIOLTELLO, display_name="Via Roma 1")
    problems = place_services([s], territory, cache_with((s, entry)), file="services.yaml")
    assert problems == []
    assert s.placed_position.precision == "indirizzo"
    assert s.placed_position.source == "nominatim: Via Roma 1"


def test_cached_position_outside_comune_is_an_error(territory):
    s = svc("roma", via="Via Roma 1", line=8)
    entry = CacheEntry(FOUND, "nominatim", "2024-05-01", *SEGRATE, display_name="Segrate")
    problems = place_services([s], territory, cache_with((s, entry)), file="services.yaml")
    assert flatten(problems) == [("services.yaml", 8, "error", "outside-comune")]
    assert "via roma 1, 20096, pioltello, mi" in problems[0].message


def test_manual_position_wins_over_the_cache(territory):
    s = svc("roma", via="Via Roma 1", written_position=PIOLTELLO)
    entry = CacheEntry(FOUND, "nominatim", "2024-05-01", 45.49, 9.32)
    place_services([s], territory, cache_with((s, entry)), file="services.yaml")
    assert s.placed_position.precision == "manuale"


@pytest.mark.parametrize(
    ("via", "entry", "why"),
    [
        ("", None, "manca `indirizzo.via`"),
        ("Via Nuova 3", None, "esegui `servicemap geocode`"),
        (
            "Via Nuova 3",
            CacheEntry(REFUSED, "nominatim", "2024-05-01", reason="indirizzo non trovato"),
            "non ha trovato l'indirizzo (indirizzo non trovato)",
        ),
    ],
)
def test_fallback_on_comune_is_a_warning_that_says_why(territory, via, entry, why):
    s = svc("nuovo", via=via, line=31)
    cache = cache_with((s, entry)) if entry else GeoCache(Path("x"))
    problems = place_services([s], territory, cache, file="services.yaml")
    assert flatten(problems) == [("services.yaml", 31, "warning", "placed-on-comune")]
    assert why in problems[0].message
    assert "posizione approssimativa" in problems[0].message
    comune = territory.find("Pioltello")
    assert (s.placed_position.lat, s.placed_position.lon) == comune.point
    assert s.placed_position.precision == "comune"


def test_comune_points_are_inside_their_comune(territory):
    services = [svc(c.slug, comune=c.name) for c in territory.comuni]
    problems = place_services(services, territory, GeoCache(Path("x")), file="services.yaml")
    assert {p.code for p in problems} == {"placed-on-comune"}
    assert all(s.placed_position.precision == "comune" for s in services)


def test_without_boundaries_records_are_kept_but_not_on_the_map():
    territory = merge(None, "Distretto", ["Pioltello"])
    placed, unplaced = svc("a", written_position=PIOLTELLO), svc("b", via="Via Roma 1")
    problems = place_services([placed, unplaced], territory, GeoCache(Path("x")), file="s.yaml")
    assert placed.placed_position.precision == "manuale"  # nothing to check it against: accepted
    assert unplaced.placed_position is None
    assert flatten(problems) == [("s.yaml", 5, "warning", "not-placed")]


def test_cache_problems_are_reported_by_placement(territory, tmp_path):
    from servicemap.place.geocache import load_cache

    path = tmp_path / "geocache.yaml"
    path.write_text("- not\n- a mapping\n", encoding="utf-8")
    problems = place_services([svc("a")], territory, load_cache(path), file="services.yaml")
    assert "geocache-invalid" in [p.code for p in problems]

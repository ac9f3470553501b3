"""The committed geocoding cache: normalised keys, readable and merge-friendly, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from servicemap.geocache import FOUND, REFUSED, CacheEntry, GeoCache, address_key, load_cache
from servicemap.model import Address


def entry(**kw) -> CacheEntry:
    values = dict(
        status=FOUND,
        provider="nominatim",
        date="2024-05-01",
        lat=45.499,
        lon=9.326,
        display_name="Via Roma 1, Pioltello",
        precision="civico",
    )
    values.update(kw)
    return CacheEntry(**values)


def test_key_is_the_normalised_address():
    a = Address(
        comune="Cassina de’ Pecchi", via="  Via G. Verdi,  5/A ", cap="20051", provincia="mi"
    )
    assert address_key(a) == "via g verdi 5 a, 20051, cassina de pecchi, mi"
    same = Address(comune="CASSINA DE' PECCHI", via="via g verdi 5-a", cap="20051", provincia="MI")
    assert address_key(same) == address_key(a)
    assert address_key(Address(comune="Perugia", via="Piazza Università 1")) == (
        "piazza universita 1, , perugia, "
    )


def test_no_street_means_nothing_to_look_up():
    assert address_key(Address(comune="Pioltello", cap="20096")) is None


def test_file_is_sorted_blocks_of_quoted_strings(tmp_path):
    path = tmp_path / "geocache.yaml"
    cache = GeoCache(path)
    cache.put("via zara 2, 20096, pioltello, mi", entry(display_name="no"))
    cache.put(
        "via arno 1, 20096, pioltello, mi",
        entry(
            status=REFUSED,
            lat=None,
            lon=None,
            display_name="",
            precision="",
            reason="indirizzo non trovato",
        ),
    )
    cache.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Cache della geocodifica")
    body = text.split("\n\n", 1)[1]
    assert body == (
        '"via arno 1, 20096, pioltello, mi":\n'
        '  date: "2024-05-01"\n'
        '  provider: "nominatim"\n'
        '  reason: "indirizzo non trovato"\n'
        '  status: "refused"\n'
        "\n"
        '"via zara 2, 20096, pioltello, mi":\n'
        '  date: "2024-05-01"\n'
        '  display_name: "no"\n'
        "  lat: 45.499\n"
        "  lon: 9.326\n"
        '  precision: "civico"\n'
        '  provider: "nominatim"\n'
        '  status: "found"\n'
    )
    data = yaml.safe_load(text)  # a plain YAML reader sees strings, not dates or booleans
    assert data["via zara 2, 20096, pioltello, mi"]["date"] == "2024-05-01"
    assert data["via zara 2, 20096, pioltello, mi"]["display_name"] == "no"


def test_round_trip_keeps_every_entry(tmp_path):
    path = tmp_path / "geocache.yaml"
    cache = GeoCache(path)
    cache.put("k1", entry())
    cache.put("k2", entry(status=REFUSED, reason="il risultato è fuori dal comune di Pioltello"))
    cache.save()
    loaded = load_cache(path)
    assert loaded.problems == []
    assert loaded.entries == cache.entries
    assert loaded.lookup(Address(comune="x")) is None


@given(st.text(min_size=0, max_size=80), st.floats(-90, 90), st.floats(-180, 180))
def test_any_display_name_survives_a_round_trip(tmp_path_factory, name, lat, lon):
    path = tmp_path_factory.mktemp("c") / "geocache.yaml"
    cache = GeoCache(path)
    cache.put(name or "k", entry(display_name=name, lat=lat, lon=lon))
    cache.save()
    got = load_cache(path)
    assert got.problems == []
    (only,) = got.entries.values()
    assert only.display_name == name
    assert only.lat == pytest.approx(lat, abs=1e-6) and only.lon == pytest.approx(lon, abs=1e-6)


def test_a_crash_while_writing_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "geocache.yaml"
    cache = GeoCache(path)
    cache.put("k1", entry())
    cache.save()
    before = path.read_text(encoding="utf-8")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    cache.put("k2", entry())
    with pytest.raises(OSError):
        cache.save()
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["geocache.yaml"]  # no temporary left behind


def test_missing_file_is_an_empty_cache(tmp_path):
    cache = load_cache(tmp_path / "geocache.yaml")
    assert cache.entries == {} and cache.problems == []


@pytest.mark.parametrize(
    "text",
    [
        '<<<<<<< HEAD\n"a":\n  status: "found"\n=======\n>>>>>>> other\n',
        "- a\n- b\n",
        '"a":\n  status: "found"\n',  # found without coordinates
        '"a":\n  status: "maybe"\n',
    ],
)
def test_damaged_cache_is_a_problem_not_a_crash(tmp_path, text):
    path = tmp_path / "geocache.yaml"
    path.write_text(text, encoding="utf-8")
    cache = load_cache(path)
    assert [p.code for p in cache.problems] == ["geocache-invalid"]
    assert cache.problems[0].severity == "error"
    assert "geocache.yaml" in cache.problems[0].message


def test_committed_caches_are_valid():
    root = Path(__file__).resolve().parent.parent
    for path in [root / "geocache.yaml", root / "examples" / "cernusco" / "geocache.yaml"]:
        assert path.is_file(), path
        assert load_cache(path).problems == []

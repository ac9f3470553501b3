"""The committed geocoding cache: normalised keys, readable and merge-friendly, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from servicemap.core.model import Address
from servicemap.place.geocache import FOUND, REFUSED, CacheEntry, GeoCache, address_key, load_cache


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


FOUND_BLOCK = '"{key}":\n  lat: {lat}\n  lon: 9.326\n  provider: "nominatim"\n  status: "found"\n'


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('\n"a":\n  status: "found"\n', 2, "la voce «a» è found ma le manca `lat` o `lon`"),
        ('"a":\n  status: "maybe"\n', 1, "la voce «a» ha `status` «maybe»: deve essere found"),
        ('"a": "x"\n', 1, "la voce «a» deve essere un gruppo di chiavi"),
        (FOUND_BLOCK.format(key="a", lat=".nan"), 1, "`lat` «.nan»: deve essere un numero tra"),
        (FOUND_BLOCK.format(key="a", lat="nan"), 1, "`lat` «nan»: deve essere un numero tra"),
        (FOUND_BLOCK.format(key="a", lat="inf"), 1, "`lat` «inf»"),
        (FOUND_BLOCK.format(key="a", lat="91"), 1, "-90 e 90"),
        (FOUND_BLOCK.format(key="a", lat="[1, 2]"), 1, "ha `lat`: deve essere un numero"),
    ],
)
def test_damaged_cache_is_a_problem_at_its_line(tmp_path, monkeypatch, text, line, words):
    monkeypatch.chdir(tmp_path)
    Path("geocache.yaml").write_text(FOUND_BLOCK.format(key="ok", lat=45.5) + text, "utf-8")
    cache = load_cache(Path("geocache.yaml"))
    (problem,) = cache.problems
    assert (problem.file, problem.line, problem.code) == (
        "geocache.yaml",
        5 + line,
        "geocache-invalid",
    )
    assert problem.severity == "error" and words in problem.message
    assert problem.message.startswith("Cache della geocodifica geocache.yaml non valida")
    assert list(cache.entries) == ["ok"]  # the good entries are still read


def test_a_list_is_not_a_cache(tmp_path):
    (tmp_path / "geocache.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (problem,) = load_cache(tmp_path / "geocache.yaml").problems
    assert (problem.line, problem.code) == (1, "geocache-invalid")
    assert "deve essere un elenco di voci" in problem.message


def test_keep_both_merge_gives_a_duplicate_key_at_its_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one = FOUND_BLOCK.format(key="via roma 1, 20096, pioltello, mi", lat=45.499)
    other = FOUND_BLOCK.format(key="via roma 1, 20096, pioltello, mi", lat=45.5)
    Path("geocache.yaml").write_text(f"# header\n\n{one}\n{other}", encoding="utf-8")
    (problem,) = load_cache(Path("geocache.yaml")).problems
    assert (problem.file, problem.line, problem.column, problem.code) == (
        "geocache.yaml", 9, 1, "duplicate-key"
    )  # fmt: skip
    assert problem.message == (
        "La chiave `via roma 1, 20096, pioltello, mi` è ripetuta (la prima è alla riga 3): "
        "tienine una sola"
    )


CONFLICTED = """\
# Cache della geocodifica
{one}
<<<<<<< HEAD
{two}
=======
{three}
>>>>>>> nuovi-indirizzi
"""


def conflicted() -> str:
    blocks = [FOUND_BLOCK.format(key=k, lat=45.5) for k in ("uno", "due", "tre")]
    return CONFLICTED.format(one=blocks[0], two=blocks[1], three=blocks[2])


def test_merge_conflict_markers_are_reported_at_their_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("geocache.yaml").write_text(conflicted(), encoding="utf-8")
    cache = load_cache(Path("geocache.yaml"))
    assert [(p.file, p.line, p.code) for p in cache.problems] == [
        ("geocache.yaml", 8, "merge-conflict")
    ]
    assert cache.problems[0].message == (
        "Conflitto di merge non risolto (righe 8-22): tieni la versione giusta (o entrambe, se "
        "sono voci diverse) e cancella le righe <<<<<<<, ======= e >>>>>>>"
    )
    assert cache.entries == {}  # nothing half-read: the build refuses rather than guess


def test_only_comments_is_an_empty_cache(tmp_path):
    path = tmp_path / "geocache.yaml"
    GeoCache(path).save()
    cache = load_cache(path)
    assert cache.entries == {} and cache.problems == []


SERVICES = """\
territorio:
  nome: Distretto
  comuni: [Pioltello]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto
    tipo: [centro-ascolto]
    indirizzo: {comune: Pioltello, via: Via Roma 1}
    aggiornato: "2020-01-01"
"""


def test_validate_reports_a_conflicted_cache_at_its_line(tmp_path, monkeypatch, capsys):
    from servicemap.cli import main as cli

    monkeypatch.chdir(tmp_path)
    Path("services.yaml").write_text(SERVICES, encoding="utf-8")
    Path("geocache.yaml").write_text(conflicted(), encoding="utf-8")

    assert cli.main(["validate"]) == 1

    out = capsys.readouterr().out.splitlines()
    assert "geocache.yaml:8:1: error: Conflitto di merge non risolto (righe 8-22)" in "\n".join(out)
    assert [line.split(": ")[0] for line in out if "[merge-conflict]" in line] == [
        "geocache.yaml:8:1"
    ]


def test_validate_reports_a_conflict_in_services_yaml_at_its_line(tmp_path, monkeypatch, capsys):
    from servicemap.cli import main as cli

    monkeypatch.chdir(tmp_path)
    text = SERVICES.replace(
        "    nome: Centro di ascolto\n",
        "<<<<<<< HEAD\n    nome: Centro di ascolto\n=======\n    nome: Centro\n>>>>>>> b\n",
    )
    Path("services.yaml").write_text(text, encoding="utf-8")

    assert cli.main(["validate"]) == 1

    out = capsys.readouterr().out
    assert out.startswith("services.yaml:6:1: error: Conflitto di merge non risolto (righe 6-10)")


def test_build_fails_at_the_duplicate_key_of_the_cache(make_site):
    import synthetic
    from conftest import run_build

    config, site = make_site(synthetic.records(2))
    block = FOUND_BLOCK.format(key="via roma 1, 20096, pioltello, mi", lat=45.5)
    (config.parent / "geocache.yaml").write_text(f"# c\n{block}\n{block}", encoding="utf-8")

    build = run_build(config, site)

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert (
        "geocache.yaml:8:1: error: La chiave `via roma 1, 20096, pioltello, mi` è ripetuta "
        "(la prima è alla riga 2): tienine una sola [duplicate-key]"
    ) in build.output
    assert not site.exists()

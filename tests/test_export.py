"""Open-data exports: one GeoJSON Feature and one CSV row per record, values as written."""

from __future__ import annotations

import csv
import io
import json

import synthetic

from servicemap.export import tables as export


def test_geojson_has_one_feature_per_record_with_all_fields() -> None:
    services = synthetic.services(25)
    data = json.loads(export.geojson(services))
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in data["features"]] == [s.id for s in services]
    first, s = data["features"][0], services[0]
    assert first["geometry"]["coordinates"] == [
        round(s.placed_position.lon, 6),
        round(s.placed_position.lat, 6),
    ]
    assert first["properties"]["precisione"] == "manuale"
    assert first["properties"]["lingue"] == s.lingue
    assert first["properties"]["telefoni_e164"] == [p.e164 for p in s.telefoni]


def test_csv_has_one_row_per_record_for_excel() -> None:
    services = synthetic.services(25)
    raw = export.to_csv(services)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [s.id for s in services]
    assert rows[0]["aree"] == "; ".join(services[0].aree)
    assert rows[0]["orari_dom"] == ""


def test_csv_neutralises_formulas_but_keeps_numbers_and_geojson_keeps_text() -> None:
    rec = synthetic.records(1)[0] | {"nome": '=HYPERLINK("http://x")', "costo": "-5"}
    s = synthetic.to_service(rec)
    row = next(csv.DictReader(io.StringIO(export.to_csv([s]).decode("utf-8-sig"))))
    assert row["nome"] == '\'=HYPERLINK("http://x")' and row["costo"] == "-5"
    assert json.loads(export.geojson([s]))["features"][0]["properties"]["nome"] == rec["nome"]


def test_hostile_text_round_trips_exactly() -> None:
    s = synthetic.to_service(synthetic.hostile_record(synthetic.records(1)[0]))
    props = json.loads(export.geojson([s]))["features"][0]["properties"]
    assert props["nome"] == s.nome and props["documenti"] == s.documenti


def test_export_files_paths() -> None:
    paths = [f.path for f in export.export_files(synthetic.services(2))]
    assert paths[:3] == ["dati/servizi.geojson", "dati/servizi.csv", "dati/servizi-traduzioni.csv"]


def translated_record() -> dict:
    rec = synthetic.records(1)[0]
    rec["chiusure"] = [
        {"dal": "2026-08-01", "al": "2026-08-31", "nota": "Ferie"},
        {"dal": "2026-12-24", "al": "2026-12-26", "nota": "Natale"},
    ]
    rec["traduzioni"] = {
        "en": {"nome": "Help desk", "documenti": ["ID card", "ISEE"]},
        "ar": {
            "nome": "=مكتب المساعدة",  # starts like a formula: neutralised in CSV only
            "accessibilita": {"note": "مدخل بمنحدر"},
            "chiusure": [{}, {"nota": "عيد الميلاد"}],
        },
    }
    return rec


def test_geojson_carries_the_translations_in_the_contracts_shape() -> None:
    rec = translated_record()
    data = json.loads(export.geojson([synthetic.to_service(rec)]))
    assert data["features"][0]["properties"]["traduzioni"] == {
        "en": {"nome": "Help desk", "documenti": ["ID card", "ISEE"]},
        "ar": {
            "nome": "=مكتب المساعدة",
            "accessibilita": {"note": "مدخل بمنحدر"},
            "chiusure": [{}, {"nota": "عيد الميلاد"}],
        },
    }
    plain = json.loads(export.geojson(synthetic.services(1)))["features"][0]["properties"]
    assert plain["traduzioni"] == {}  # every feature has the same properties


def test_translations_csv_has_one_row_per_text_and_joins_by_id() -> None:
    """A table of its own (as GTFS's translations.txt): servizi.csv keeps its columns."""
    s = synthetic.to_service(translated_record())
    raw = export.translations_csv([s, *synthetic.services(2)])
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["id"], r["lingua"], r["chiave"], r["testo"]) for r in rows] == [
        (s.id, "en", "nome", "Help desk"),
        (s.id, "en", "documenti", "ID card; ISEE"),
        (s.id, "ar", "nome", "'=مكتب المساعدة"),
        (s.id, "ar", "accessibilita.note", "مدخل بمنحدر"),
        (s.id, "ar", "chiusure.2.nota", "عيد الميلاد"),
    ]
    header = export.to_csv([s]).decode("utf-8-sig").splitlines()[0]
    assert "nome_en" not in header and header.split(",") == list(export.CSV_COLUMNS)

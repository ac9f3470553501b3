"""Open-data exports: one GeoJSON Feature and one CSV row per record, values as written."""

from __future__ import annotations

import csv
import io
import json

from servicemap import export, synthetic


def test_geojson_has_one_feature_per_record_with_all_fields() -> None:
    services = synthetic.services(25)
    data = json.loads(export.geojson(services))
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in data["features"]] == [s.id for s in services]
    first, s = data["features"][0], services[0]
    assert first["geometry"]["coordinates"] == [round(s.position.lon, 6), round(s.position.lat, 6)]
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
    assert paths[:2] == ["dati/servizi.geojson", "dati/servizi.csv"]

"""The Open Referral HSDS export: what each table says, checked against HSDS 3.0's field names.

The field lists come from the official tabular data package, vendored in ``tests/data/hsds-3.0``
(``test_hsds_official.py`` validates the published files against it with frictionless).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from pathlib import Path

import pytest

from servicemap.core.model import Address, Closure, Phone, Position, Service, TimeRange
from servicemap.export import hsds as export_hsds
from servicemap.export.hsds_package import hsds_files

OFFICIAL = json.loads(
    (Path(__file__).parent / "data" / "hsds-3.0" / "datapackage.json").read_text(encoding="utf-8")
)
# Every scalar field of each HSDS 3.0 table, and the required ones (required in the tabular form).
HSDS_FIELDS: dict[str, set[str]] = {
    r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in OFFICIAL["resources"]
}
HSDS_REQUIRED: dict[str, set[str]] = {
    r["name"]: {f["name"] for f in r["schema"]["fields"] if f["constraints"].get("required")}
    for r in OFFICIAL["resources"]
}

HSDS_ENUMS = {
    ("service", "status"): {"active", "inactive", "defunct", "temporarily closed"},
    ("location", "location_type"): {"physical", "postal", "virtual"},
    ("address", "address_type"): {"physical", "postal", "virtual"},
    ("schedule", "freq"): {"WEEKLY", "MONTHLY"},
}

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
TODAY = dt.date(2026, 8, 10)


def caritas() -> Service:
    return Service(
        id="caritas-pioltello",
        nome="Centro di ascolto Caritas Pioltello",
        ente="Caritas Ambrosiana",
        tipo=["centro-ascolto"],
        descrizione="Accoglienza,\n ascolto e orientamento.",
        indirizzo=Address(comune="Pioltello", via="Via Esempio 1", cap="20096", provincia="MI"),
        placed_position=Position(45.499, 9.326, "indirizzo"),
        telefoni=[Phone(raw="02 9236 6364", display="02 9236 6364", e164="+390292366364")],
        email="info@example.org",
        sito="https://example.org",
        orari={
            "lun": [TimeRange("09:00", "12:00")],
            "mer": [TimeRange("09:00", "12:00"), TimeRange("15:00", "18:00")],
        },
        chiusure=[
            Closure("2026-08-01", "2026-08-31", "Chiuso per ferie"),
            Closure("2025-12-24", "2025-12-26"),
        ],
        note_orari="Su appuntamento il venerdì",
        accesso=["libero", "appuntamento"],
        lingue=["it", "ar"],
        accessibilita={"sedia_a_rotelle": "parziale", "note": "Ingresso con rampa"},
        documenti=["Documento di identità"],
        costo="gratuito",
        comuni_serviti=["Pioltello", "Segrate"],
        aggiornato="2026-03-14",
    )


def second_caritas() -> Service:
    return Service(
        id="caritas-segrate",
        nome="Centro di ascolto Caritas Segrate",
        ente="caritas  ambrosiana",  # same organisation, written differently
        tipo=["centro-ascolto"],
        indirizzo=Address(comune="Segrate"),
        aggiornato="2026-01-10",
    )


def no_ente() -> Service:
    return Service(
        id="hub-rodano",
        nome="Hub digitale Rodano",
        tipo=["hub-digitale"],
        indirizzo=Address(comune="Rodano", via="Piazza Roma 2"),
        written_position=(45.47, 9.35),
        aggiornato="2026-02-01",
    )


@pytest.fixture
def tables() -> dict[str, list[dict[str, object]]]:
    return export_hsds.export_hsds([caritas(), second_caritas(), no_ente()], today=TODAY)


def test_every_column_is_an_hsds_field_and_required_ones_are_exported(tables):
    assert set(tables) <= set(HSDS_FIELDS)
    for table, rows in tables.items():
        columns = set(export_hsds.TABLES[table])
        assert columns <= HSDS_FIELDS[table], (table, columns - HSDS_FIELDS[table])
        assert HSDS_REQUIRED[table] <= columns, (table, HSDS_REQUIRED[table] - columns)
        for row in rows:
            assert set(row) == columns
            missing = [f for f in HSDS_REQUIRED[table] if row[f] in ("", None)]
            assert not missing, (table, row["id"], missing)


def test_ids_are_uuids_unique_and_stable(tables):
    again = export_hsds.export_hsds([caritas(), second_caritas(), no_ente()], today=TODAY)
    assert again == tables
    ids = [row["id"] for rows in tables.values() for row in rows]
    assert all(UUID.match(str(i)) for i in ids)
    assert len(ids) == len(set(ids))
    alone = export_hsds.export_hsds([caritas()], today=TODAY)
    assert alone["service"][0]["id"] == tables["service"][0]["id"]  # not positional


def test_links_between_tables_point_to_existing_rows(tables):
    ids = {name: {row["id"] for row in rows} for name, rows in tables.items()}
    for row in tables["service"]:
        assert row["organization_id"] in ids["organization"]
    for row in tables["service_at_location"]:
        assert row["service_id"] in ids["service"] and row["location_id"] in ids["location"]
    for table in ("phone", "schedule", "language", "required_document", "service_area"):
        assert all(row["service_id"] in ids["service"] for row in tables[table])
    for table in ("address", "accessibility"):
        assert all(row["location_id"] in ids["location"] for row in tables[table])


def test_enumerated_values_are_hsds_values(tables):
    for (table, column), allowed in HSDS_ENUMS.items():
        assert {row[column] for row in tables[table]} <= allowed


def test_one_organization_per_ente_and_one_for_a_record_without(tables):
    names = [row["name"] for row in tables["organization"]]
    assert names == ["Caritas Ambrosiana", "Hub digitale Rodano"]
    caritas_org = tables["organization"][0]
    assert caritas_org["description"] == (
        "Gestisce: Centro di ascolto Caritas Pioltello; Centro di ascolto Caritas Segrate."
    )
    services = {row["name"]: row for row in tables["service"]}
    pioltello = services["Centro di ascolto Caritas Pioltello"]
    segrate = services["Centro di ascolto Caritas Segrate"]
    assert pioltello["organization_id"] == segrate["organization_id"] == caritas_org["id"]


def test_service_fields_say_what_the_record_says(tables):
    row = tables["service"][0]
    assert row["description"] == "Accoglienza, ascolto e orientamento."
    assert row["url"] == "https://example.org"
    assert row["email"] == "info@example.org"
    assert row["assured_date"] == "2026-03-14"
    assert row["fees_description"] == "gratuito"
    assert row["application_process"].startswith("Accesso: ")
    # The build date falls inside the August closure; the past Christmas closure is not news.
    assert row["status"] == "temporarily closed"
    assert row["alert"] == "Chiuso dal 2026-08-01 al 2026-08-31: Chiuso per ferie"
    assert tables["service"][1]["status"] == "active"
    assert tables["service"][1]["alert"] == ""


def test_weekly_schedule_groups_days_sharing_a_range(tables):
    # The build date (10 August) is inside the August closure: the first period starts after it.
    first = [r for r in tables["schedule"] if r["valid_from"] == "2026-09-01"]
    rows = [(r["byday"], r["opens_at"], r["closes_at"], r["freq"]) for r in first]
    assert rows == [
        ("MO,WE", "09:00:00+02:00", "12:00:00+02:00", "WEEKLY"),
        ("WE", "15:00:00+02:00", "18:00:00+02:00", "WEEKLY"),
    ]
    assert [r["description"] for r in first] == [
        "Lunedì, Mercoledì: 09:00-12:00",
        "Mercoledì: 15:00-18:00",
    ]
    notes = tables["schedule"][0]["notes"]
    assert "Europe/Rome" in notes
    assert "Chiuso nei giorni festivi nazionali." in notes
    assert "2025-12-24" not in notes  # a past closure is not news
    assert "Su appuntamento il venerdì" in notes


def test_locations_addresses_and_positions_are_honest(tables):
    locations = {row["name"]: row for row in tables["location"]}
    pioltello = locations["Centro di ascolto Caritas Pioltello"]
    assert (pioltello["latitude"], pioltello["longitude"]) == (45.499, 9.326)
    assert pioltello["location_type"] == "physical"
    segrate = locations["Centro di ascolto Caritas Segrate"]
    assert segrate["latitude"] == "" and segrate["longitude"] == ""
    assert segrate["description"] == "Comune di Segrate: indirizzo non indicato."
    rodano = locations["Hub digitale Rodano"]
    assert (rodano["latitude"], rodano["longitude"]) == (45.47, 9.35)
    assert rodano["description"] == "Indirizzo: Piazza Roma 2, Rodano."  # no CAP: no address row
    [address] = tables["address"]
    assert address["location_id"] == pioltello["id"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "Via Esempio 1",
        "Pioltello",
        "20096",
    )
    assert (address["state_province"], address["country"]) == ("MI", "IT")


def test_phones_languages_accessibility_documents_areas(tables):
    [phone] = tables["phone"]
    assert (phone["number"], phone["type"], phone["description"]) == (
        "+390292366364",
        "voice",
        "02 9236 6364",
    )
    assert [(r["code"], r["name"]) for r in tables["language"]] == [
        ("it", "italiano"),
        ("ar", "arabo"),
    ]
    [access] = tables["accessibility"]
    assert access["description"] == "Parzialmente accessibile in sedia a rotelle"
    assert access["details"] == "Ingresso con rampa"
    assert [r["document"] for r in tables["required_document"]] == ["Documento di identità"]
    areas = [r["name"] for r in tables["service_area"]]
    assert areas == ["Pioltello", "Segrate", "Segrate", "Rodano"]  # default: own comune


def test_files_are_csv_tables_and_a_datapackage_listing_them():
    files = dict(hsds_files([caritas(), no_ente()], today=TODAY))
    package = json.loads(files.pop("dati/hsds/datapackage.json"))
    services = json.loads(files.pop("dati/hsds/services.json"))
    assert [s["name"] for s in services] == [
        "Centro di ascolto Caritas Pioltello",
        "Hub digitale Rodano",
    ]
    assert package["profile"] == "tabular-data-package"
    listed = {r["path"]: r for r in package["resources"]}
    assert set(files) == {f"dati/hsds/{path}" for path in listed}
    for path, text in files.items():
        resource = listed[path.removeprefix("dati/hsds/")]
        rows = list(csv.DictReader(io.StringIO(text)))
        header = next(csv.reader(io.StringIO(text)))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert set(header) <= HSDS_FIELDS[resource["name"]]
        if resource["name"] == "service":
            assert [r["name"] for r in rows] == [
                "Centro di ascolto Caritas Pioltello",
                "Hub digitale Rodano",
            ]
    types = {f["name"]: f["type"] for r in package["resources"] for f in r["schema"]["fields"]}
    assert types["latitude"] == types["longitude"] == "number"


def test_empty_directory_exports_headers_only():
    files = dict(hsds_files([], today=TODAY))
    assert files["dati/hsds/services.csv"].strip() == ",".join(export_hsds.TABLES["service"])
    assert files["dati/hsds/services.json"] == "[]\n"


def test_ids_are_the_uuid5_of_the_record_parts():
    """Computed without uuid.uuid5 for speed: the values must stay exactly uuid5's."""
    for parts in [("service", "caritas-pioltello"), ("schedule", "a", "09:00", "12:00", "2026")]:
        expected = uuid.uuid5(export_hsds.NAMESPACE, ":".join(parts))
        assert export_hsds.hsds_id(*parts) == str(expected)
    assert export_hsds.hsds_id("organization", "ente:caritas ambrosiana") == str(
        uuid.uuid5(export_hsds.NAMESPACE, "organization:ente:caritas ambrosiana")
    )


def test_a_large_ente_names_a_few_of_its_services():
    services = [second_caritas()] * 7
    [org] = export_hsds.export_hsds(services, today=TODAY)["organization"]
    assert org["description"].endswith(" e altri 2 servizi.")


def test_vocabularies_are_taxonomies_and_each_value_an_attribute(tables):
    taxonomies = {row["name"]: row for row in tables["taxonomy"]}
    assert set(taxonomies) == {
        "servicemap: tipo",
        "servicemap: aree",
        "servicemap: attivita",
        "servicemap: accesso",
    }
    terms = {row["id"]: row for row in tables["taxonomy_term"]}
    codes = [row["code"] for row in tables["taxonomy_term"]]
    assert len(codes) == len(set(codes))  # unique across taxonomies, as HSDS asks
    service_id = tables["service"][0]["id"]
    mine = [terms[a["taxonomy_term_id"]] for a in tables["attribute"] if a["link_id"] == service_id]
    assert [(t["code"], t["name"]) for t in mine] == [
        ("tipo/centro-ascolto", "Centro di ascolto"),
        ("accesso/libero", "Accesso libero"),
        ("accesso/appuntamento", "Su appuntamento"),
    ]
    assert {a["link_entity"] for a in tables["attribute"]} == {"service"}

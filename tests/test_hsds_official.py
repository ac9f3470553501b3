"""The HSDS export, checked by the standard's own files and tools.

``tests/data/hsds-3.0/`` holds the official HSDS 3.0 tabular data package and JSON schemas
(openreferral/specification, tag v3.0, CC BY-SA 4.0). The published CSV files are validated with
frictionless against the official table schemas (types, formats, required fields, enums,
foreign keys) and against our own ``datapackage.json``; ``services.json`` is validated with
jsonschema against the official ``service.json`` and the schemas it refers to.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import frictionless
import jsonschema
import pytest
import synthetic
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from servicemap import pipeline
from servicemap.export import hsds as export_hsds
from servicemap.export.hsds_package import hsds_files
from servicemap.export.hsds_schedule import hsds_time
from servicemap.validate.project import Project

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = Path(__file__).parent / "data" / "hsds-3.0"
TODAY = dt.date(2026, 7, 20)  # summer time; the August closure and the October change lie ahead


def full_records() -> list[dict]:
    """Synthetic records with every HSDS-relevant case: closures, holidays open, midnight,
    split shifts, no ente, a partial address, no hours, a phone-only desk."""
    recs = synthetic.records(40, seed=3)
    recs[0]["chiusure"] = [
        {"dal": "2026-08-01", "al": "2026-08-31", "nota": "Chiuso per ferie"},
        {"dal": "2025-12-24", "al": "2025-12-26"},
    ]
    recs[1]["festivi"] = "aperto"
    recs[1]["orari"] = {"sab": "20:00-24:00", "dom": "08:00-12:00, 14:00-18:00"}
    recs[2].pop("ente")
    recs[3]["indirizzo"] = {"comune": recs[3]["indirizzo"]["comune"], "via": "Piazza Roma 2"}
    recs[4].pop("orari")
    recs[5]["chiusure"] = [{"dal": "2026-07-01", "al": "2026-07-31"}]  # closed on the build date
    recs[6]["accesso"] = ["telefono"]
    return recs


def published(
    tmp_path: Path, services, territory: str = "Distretto Sociale Est Milano", istat=None
) -> Path:
    folder = tmp_path / export_hsds.OUTPUT_DIR
    for path, text in hsds_files(services, today=TODAY, territory=territory, istat=istat):
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


def example_services(folder: Path):
    result = pipeline.run(Project(data_file=folder / "services.yaml"), today=TODAY)
    assert result.ok, result.problems
    istat = {c.name.casefold(): c.istat for c in result.territory.comuni if c.istat}
    return result.services, result.territory.name, istat


def official_package(folder: Path) -> frictionless.Package:
    """The official descriptor, restricted to the tables we publish, reading our files."""
    descriptor = json.loads((OFFICIAL / "datapackage.json").read_text(encoding="utf-8"))
    ours = {p.name for p in folder.glob("*.csv")}
    resources = [r for r in descriptor["resources"] if r["path"] in ours]
    names = {r["name"] for r in resources}
    for r in resources:
        # Links to tables we do not publish (programs, contacts) cannot be checked: all empty.
        keys = r["schema"].get("foreignKeys", [])
        r["schema"]["foreignKeys"] = [k for k in keys if k["reference"]["resource"] in names]
    descriptor["resources"] = resources
    return frictionless.Package(descriptor, basepath=str(folder))


def errors(report: frictionless.Report) -> list[tuple]:
    return [
        (task.name, e.type, getattr(e, "field_name", ""), e.note)
        for task in report.tasks
        for e in task.errors
    ][:20]


def check_tables(folder: Path) -> None:
    assert sorted(p.name for p in folder.glob("*.csv")) == sorted(
        export_hsds.PATHS.values()
    )  # the official plural file names
    official = official_package(folder)
    assert len(official.resources) == len(export_hsds.TABLES)
    report = official.validate()
    assert errors(report) == []
    ours = frictionless.Package(str(folder / "datapackage.json"))
    report = ours.validate()
    assert errors(report) == []


def json_validator() -> jsonschema.Draft202012Validator:
    registry = Registry().with_resources(
        (path.name, DRAFT202012.create_resource(json.loads(path.read_text(encoding="utf-8"))))
        for path in (OFFICIAL / "schema").glob("*.json")
    )
    schema = json.loads((OFFICIAL / "schema" / "service.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)


def check_json(folder: Path) -> list[dict]:
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    validator = json_validator()
    problems = [
        (s.get("name"), list(e.absolute_path), e.message)
        for s in services
        for e in validator.iter_errors(s)
    ]
    assert problems[:10] == []
    return services


def test_full_synthetic_set_passes_the_official_table_schemas(tmp_path):
    services = [synthetic.to_service(r) for r in full_records()]
    folder = published(tmp_path, services)
    check_tables(folder)
    schedules = list(frictionless.Resource(str(folder / "schedules.csv")).read_rows())
    assert schedules  # the hours really were exported, not an empty table that passes anything


def test_full_synthetic_set_passes_the_official_json_schema(tmp_path):
    services = [synthetic.to_service(r) for r in full_records()]
    out = check_json(published(tmp_path, services))
    assert len(out) == 40
    first = out[0]
    assert first["organization"]["name"] == synthetic.records(40, seed=3)[0]["ente"]
    assert first["service_at_locations"][0]["location"]["addresses"][0]["country"] == "IT"
    assert {s["opens_at"][-6:] for s in first["schedules"]} == {"+01:00", "+02:00"}


@pytest.mark.parametrize("folder", [ROOT, ROOT / "examples" / "cernusco"], ids=["root", "cernusco"])
def test_real_examples_pass_the_official_schemas(tmp_path, folder):
    services, territory, istat = example_services(folder)
    out = published(tmp_path, services, territory, istat)
    check_tables(out)
    areas = check_json(out)[0]["service_areas"]
    assert (
        areas[0]["description"]
        == f"Comune servito (codice ISTAT {istat[areas[0]['name'].casefold()]})"
    )


def test_descriptor_has_licence_territory_date_and_foreign_keys(tmp_path):
    services = [synthetic.to_service(r) for r in full_records()]
    descriptor = json.loads((published(tmp_path, services) / "datapackage.json").read_text())
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    assert "Distretto Sociale Est Milano" in descriptor["title"]
    assert descriptor["spatial"] == "Distretto Sociale Est Milano"
    assert (descriptor["version"], descriptor["created"]) == ("2026-07-20", "2026-07-20T00:00:00Z")
    schedule = next(r for r in descriptor["resources"] if r["name"] == "schedule")
    assert schedule["path"] == "schedules.csv"
    assert {k["fields"] for k in schedule["schema"]["foreignKeys"]} == {
        "service_id",
        "location_id",
        "service_at_location_id",
    }


def test_our_table_schemas_are_the_official_ones():
    official = json.loads((OFFICIAL / "datapackage.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in official["resources"]}
    for name, table in export_hsds.official_tables().items():
        theirs = by_name[name]
        assert table["path"] == theirs["path"]
        assert table["foreignKeys"] == theirs["schema"].get("foreignKeys", [])
        expected = [
            {k: v for k, v in f.items() if k in ("name", "type", "format")}
            | ({"constraints": c} if (c := _set(f.get("constraints", {}))) else {})
            for f in theirs["schema"]["fields"]
        ]
        assert table["fields"] == expected, name


def _set(constraints: dict) -> dict:
    return {k: v for k, v in constraints.items() if v is not False}


def test_schedules_carry_the_rome_offset_and_skip_closed_days():
    [s] = [synthetic.to_service(full_records()[0])]
    rows = export_hsds.export_hsds([s], today=TODAY)["schedule"]
    periods = sorted({(r["valid_from"], r["valid_to"], r["timezone"]) for r in rows})
    # Summer time until the last Sunday of October, cut by the August closure; then winter time
    # until the last Sunday of March; then summer time again, a year after the build.
    assert periods == [
        ("2026-07-20", "2026-07-31", 2),
        ("2026-09-01", "2026-10-24", 2),
        ("2026-10-25", "2027-03-27", 1),
        ("2027-03-28", "2027-07-20", 2),
    ]
    winter = [r for r in rows if r["timezone"] == 1]
    assert all(r["opens_at"].endswith("+01:00") for r in winter)
    assert all(r["attending_type"] == "Accesso libero, Su appuntamento" for r in rows)
    assert "Chiuso dal 2026-08-01 al 2026-08-31: Chiuso per ferie." in rows[0]["notes"]
    assert "Chiuso nei giorni festivi nazionali." in rows[0]["notes"]


def test_midnight_is_the_last_second_of_the_day():
    assert hsds_time("24:00", 1) == "23:59:59+01:00"
    assert hsds_time("08:30", 2) == "08:30:00+02:00"


def test_the_built_site_publishes_the_package_the_official_schemas_accept(example_build):
    folder = example_build.site / export_hsds.OUTPUT_DIR
    check_tables(folder)
    check_json(folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"  # mkdocs.yml's data_license
    assert descriptor["spatial"] == "Distretto Sociale Est Milano"


def test_a_territory_chooses_its_licence(tmp_path):
    project = Project.from_options(tmp_path, {"data_license": "CC0-1.0"})
    assert project.data_license == "CC0-1.0"
    services = [synthetic.to_service(r) for r in full_records()[:2]]
    files = dict(hsds_files(services, today=TODAY, license=project.data_license))
    licence = json.loads(files["dati/hsds/datapackage.json"])["licenses"]
    assert licence == [
        {
            "name": "CC0-1.0",
            "title": "Creative Commons Zero v1.0 Universal",
            "path": "https://creativecommons.org/publicdomain/zero/1.0/",
        }
    ]


def test_translations_travel_in_services_json_as_a_documented_extension(tmp_path):
    """HSDS 3.0 has no field for a text in another language (``languages`` are the languages
    a service is delivered in): services.json carries ``translations``, a property of our own
    as HSDS's conformance rules allow, and still passes the official JSON schema; the CSV
    tables stay the official ones."""
    recs = full_records()
    recs[0]["accessibilita"] = {"sedia_a_rotelle": "si", "note": "Ingresso con rampa"}
    recs[0]["documenti"] = ["Documento di identità"]
    recs[0]["traduzioni"] = {
        "en": {
            "nome": "Listening centre",
            "descrizione": "We listen.\n  And guide.",
            "costo": "free",
            "documenti": ["Identity document"],
        },
        "ar": {
            "nome": "مركز الاستماع",
            "accessibilita": {"note": "مدخل بمنحدر"},
            "note_orari": "بموعد",
        },
    }
    services = [synthetic.to_service(r) for r in recs]
    folder = published(tmp_path, services)
    check_tables(folder)
    out = check_json(folder)
    assert out[0]["translations"] == [
        {
            "language": "en",
            "name": "Listening centre",
            "description": "We listen. And guide.",
            "fees_description": "free",
            "required_documents": [{"document": "Identity document"}],
        },
        {"language": "ar", "name": "مركز الاستماع", "accessibility_details": "مدخل بمنحدر"},
    ]
    assert all("translations" not in s for s in out[1:])
    header = (folder / "services.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == list(export_hsds.TABLES["service"])

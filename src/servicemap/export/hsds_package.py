"""The HSDS export as published files: the Frictionless data package and the JSON form.

``export_hsds`` makes the rows; this module describes them the way the HSDS 3.0 tabular data
package does (``datapackage.json``: the official field types, formats, required fields and the
foreign keys between the tables we export, with the licence, the territory and the date) and nests
them into HSDS service objects (``services.json``, one per service, as the HSDS API serves them).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any, TextIO

from servicemap.core.model import Service
from servicemap.export.hsds import (
    HSDS_VERSION,
    OUTPUT_DIR,
    PATHS,
    TABLES,
    CsvTable,
    Row,
    hsds_id,
    official_tables,
    table_parts,
    translation_objects,
)
from servicemap.validate import contract

JSON_PATH = "services.json"
DEFAULT_LICENSE = "CC-BY-4.0"
# SPDX id -> the Frictionless licence object; a territory names its own in `extra.servicemap`.
LICENSES: dict[str, dict[str, str]] = {
    "CC-BY-4.0": {
        "title": "Creative Commons Attribution 4.0 International",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    "CC-BY-SA-4.0": {
        "title": "Creative Commons Attribution-ShareAlike 4.0 International",
        "path": "https://creativecommons.org/licenses/by-sa/4.0/",
    },
    "CC0-1.0": {
        "title": "Creative Commons Zero v1.0 Universal",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    },
    "IODL-2.0": {
        "title": "Italian Open Data License 2.0",
        "path": "https://www.dati.gov.it/content/italian-open-data-license-v20",
    },
}


def license_object(spdx: str) -> dict[str, str]:
    """The ``licenses`` entry for an SPDX id; an unknown id is kept as its own name."""
    return {"name": spdx, **LICENSES.get(spdx, {})}


def resource(name: str) -> dict[str, object]:
    """One table's resource: the official fields, and foreign keys to the tables we export."""
    table = official_tables()[name]
    foreign_keys = [fk for fk in table["foreignKeys"] if fk["reference"]["resource"] in TABLES]
    schema: dict[str, object] = {"fields": table["fields"], "primaryKey": ["id"]}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": name,
        "path": PATHS[name],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(
    tables: dict[str, list[Row]],
    *,
    territory: str = "",
    license: str = DEFAULT_LICENSE,
    today: dt.date | None = None,
) -> dict[str, object]:
    """The Frictionless descriptor of the CSV files: what a consumer needs to read them."""
    day = (today or dt.date.today()).isoformat()
    where = f" di {territory}" if territory else ""
    return {
        "profile": "tabular-data-package",
        "name": "servicemap-hsds",
        "title": f"Servizi del territorio{where} in formato Open Referral HSDS {HSDS_VERSION}",
        "description": (
            f"I servizi di accoglienza, ascolto e facilitazione digitale{where}, esportati "
            f"secondo Open Referral HSDS {HSDS_VERSION}. Orari nell'ora locale italiana "
            "(Europe/Rome), con lo scostamento da UTC di ogni periodo."
        ),
        "version": day,
        "created": f"{day}T00:00:00Z",
        "keywords": [
            "HSDS",
            "Open Referral",
            "servizi sociali",
            *([territory] if territory else []),
        ],
        "spatial": territory,  # the territory the data covers (DCAT's dct:spatial)
        "licenses": [license_object(license)],
        "homepage": "https://docs.openreferral.org/en/v3.0/",
        "resources": [resource(name) for name in tables],
    }


def _clean(row: Row) -> Row:
    """A row as JSON: empty cells left out (HSDS JSON omits unknown values)."""
    return {key: value for key, value in row.items() if value not in ("", None)}


def _children(tables: dict[str, list[Row]], table: str, key: str) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for row in tables[table]:
        found.setdefault(str(row[key]), []).append(_clean(row))
    return found


def services_json(
    tables: dict[str, list[Row]], translations: dict[str, list[Row]] | None = None
) -> list[Row]:
    """Each service as one HSDS object, its related rows nested (schema ``service.json``).

    ``translations``: service id -> its ``translations`` extension (``translation_objects``)."""
    organizations = {row["id"]: _clean(row) for row in tables["organization"]}
    locations = {row["id"]: _clean(row) for row in tables["location"]}
    by_location = {
        name: _children(tables, name, "location_id") for name in ("address", "accessibility")
    }
    by_service = {
        name: _children(tables, name, "service_id")
        for name in ("phone", "schedule", "language", "required_document", "service_area")
    }
    placed = _children(tables, "service_at_location", "service_id")
    attributes = _children(tables, "attribute", "link_id")
    out = []
    for row in tables["service"]:
        service, sid = _clean(row), str(row["id"])
        service["organization"] = organizations[row["organization_id"]]
        links = []
        for link in placed.get(sid, []):
            location = dict(locations[link["location_id"]])
            location["addresses"] = by_location["address"].get(link["location_id"], [])
            location["accessibility"] = by_location["accessibility"].get(link["location_id"], [])
            links.append({**link, "location": location})
        service["service_at_locations"] = links
        for name, plural in (
            ("phone", "phones"),
            ("schedule", "schedules"),
            ("language", "languages"),
            ("required_document", "required_documents"),
            ("service_area", "service_areas"),
        ):
            service[plural] = by_service[name].get(sid, [])
        # By id only: the terms are the few rows of taxonomy_terms.csv, not repeated per service.
        service["attributes"] = attributes.get(sid, [])
        if translations and translations.get(sid):
            service["translations"] = translations[sid]
        out.append(service)
    return out


def hsds_files(services: list[Service], **options: Any) -> list[tuple[str, str]]:
    """The files to publish: ``(path in the site, text)``: the CSVs, the descriptor, the JSON
    (``write_hsds``, with the same options, into memory: for a few records, and the tests)."""
    buffers: dict[str, io.StringIO] = {}

    def open_text(path: str) -> io.StringIO:
        return buffers.setdefault(path, _Kept())

    paths = write_hsds(open_text, services, **options)
    return [(path, buffers[path].getvalue()) for path in paths]


class _Kept(io.StringIO):
    """A text buffer read after ``write_hsds`` has closed it (``hsds_files``)."""

    def close(self) -> None:
        return None


def write_hsds(
    open_text: Callable[[str], TextIO],
    services: list[Service],
    *,
    vocabulary: contract.Vocabulary | None = None,
    today: dt.date | None = None,
    territory: str = "",
    license: str = DEFAULT_LICENSE,
    istat: dict[str, str] | None = None,
) -> list[str]:
    """Write the export, a service at a time, into the files ``open_text(path)`` opens (and
    this function closes); returns their paths: the CSVs, the descriptor, the JSON.

    A region's export is tens of megabytes of text and several times that as rows: made and
    held whole, it was most of a build's memory. Here each service's rows go to the tables and
    its object to ``services.json`` as soon as they are made (the same bytes).
    """
    parts = table_parts(services, vocabulary=vocabulary, today=today, istat=istat)
    first = next(parts)
    paths = hsds_paths()[: len(TABLES)]
    streams = [open_text(path) for path in paths]
    try:
        tables = {name: CsvTable(name, out) for name, out in zip(TABLES, streams, strict=True)}
        for name, rows in first.items():
            tables[name].rows(rows)
        with open_text(f"{OUTPUT_DIR}/{JSON_PATH}") as out:
            out.write("[")
            written = False
            for service, part in zip(services, parts, strict=True):
                for name, rows in part.items():
                    tables[name].rows(rows)
                sid = hsds_id("service", service.id)
                translated = {sid: translation_objects(service)} if service.traduzioni else None
                nested = services_json({**part, **first}, translated)
                for item in nested:
                    out.write("," if written else "")
                    out.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
                    written = True
            out.write("]\n")
    finally:
        for stream in streams:
            stream.close()
    descriptor = datapackage(dict.fromkeys(TABLES), territory=territory, license=license,
                             today=today)  # fmt: skip
    with open_text(f"{OUTPUT_DIR}/datapackage.json") as out:
        out.write(_json(descriptor))
    return hsds_paths()


def hsds_paths() -> list[str]:
    """The paths ``write_hsds`` writes: each table's CSV, the descriptor, the JSON form."""
    tables = [f"{OUTPUT_DIR}/{PATHS[name]}" for name in TABLES]
    return [*tables, f"{OUTPUT_DIR}/datapackage.json", f"{OUTPUT_DIR}/{JSON_PATH}"]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"

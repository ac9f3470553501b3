"""Open Referral HSDS 3.0 export: the records in the tables other directories already read.

Human Services Data Specification (https://docs.openreferral.org) is the open standard for
directories of social services; exporting it lets a regional portal, a 211-style helpline or a
researcher reuse the network's data without learning our contract. The tabular form is a
Frictionless data package: one CSV per table plus ``datapackage.json``.

Choices, made to stay honest about what the data says:

- Ids are UUIDs (HSDS asks for them) derived with uuid5 from the record's ``id``: the same record
  keeps the same ids in every build, so consumers can track changes.
- One organization per distinct ``ente``; a record without ``ente`` gets an organization named
  after the service (HSDS links every service to one).
- An ``address`` row only when the record gives street, CAP and province (HSDS requires
  ``address_1``, ``postal_code`` and ``state_province``); otherwise the location's description
  carries the address as written, or says that only the comune is known.
- Opening hours are local Italian time (Europe/Rome): the offset changes with daylight saving
  time, so no fixed UTC offset is written; the schedule's notes say so.
- Closures (``chiusure``) that have not ended are written in ``service.alert``, and the status is
  ``temporarily closed`` when the build date falls inside one: HSDS has no table for closures.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from pathlib import Path

from servicemap import contract
from servicemap.escape import spreadsheet_cell, web_uri
from servicemap.model import DAY_NAMES, DAYS, Service

NAMESPACE = uuid.UUID("6f1c1d1e-5a4b-5c3d-9e2f-0a1b2c3d4e5f")  # fixed: ids must never change
OUTPUT_DIR = "dati/hsds"
HSDS_VERSION = "3.0"

# The exported columns of each table, with HSDS 3.0 field names (a subset of each table's fields
# that holds every required one). Order is the column order of the CSV files.
TABLES: dict[str, tuple[str, ...]] = {
    "organization": ("id", "name", "description", "email", "website"),
    "service": (
        *("id", "organization_id", "name", "description", "url", "email", "status"),
        *("application_process", "fees_description", "eligibility_description"),
        *("assured_date", "alert"),
    ),
    "location": (
        *("id", "location_type", "organization_id", "name", "description"),
        *("latitude", "longitude"),
    ),
    "address": (
        *("id", "location_id", "address_1", "city", "region", "state_province"),
        *("postal_code", "country", "address_type"),
    ),
    "service_at_location": ("id", "service_id", "location_id"),
    "phone": ("id", "service_id", "number", "type", "description"),
    "schedule": (
        *("id", "service_id", "freq", "byday", "opens_at", "closes_at"),
        *("description", "notes"),
    ),
    "language": ("id", "service_id", "name", "code", "note"),
    "accessibility": ("id", "location_id", "description", "details"),
    "required_document": ("id", "service_id", "document"),
    "service_area": ("id", "service_id", "name", "description"),
}
NUMBER_FIELDS = frozenset({"latitude", "longitude"})

_BYDAY = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
_WHEELCHAIR = {
    "si": "Accessibile in sedia a rotelle",
    "parziale": "Parzialmente accessibile in sedia a rotelle",
    "no": "Non accessibile in sedia a rotelle",
}

Row = dict[str, object]


def hsds_id(kind: str, *parts: str) -> str:
    """A stable UUID for one row: the same record and part give the same id in every build."""
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))


def export_hsds(
    services: list[Service],
    *,
    vocabulary: contract.Vocabulary | None = None,
    today: dt.date | None = None,
) -> dict[str, list[Row]]:
    """Table name -> rows, in the order of ``TABLES``; every row has every exported column."""
    vocab = vocabulary or contract.load_vocabulary(Path(""))[0]
    day = today or dt.date.today()
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    organizations = _organizations(services)
    tables["organization"] = list(organizations.values())
    for service in services:
        org_id = _organization_key(service)
        _add_service(tables, service, hsds_id("organization", org_id), vocab, day)
    return {name: [_complete(name, row) for row in rows] for name, rows in tables.items()}


def _complete(table: str, row: Row) -> Row:
    return {column: row.get(column, "") for column in TABLES[table]}


def _organization_key(service: Service) -> str:
    ente = " ".join(service.ente.split())
    return f"ente:{ente.casefold()}" if ente else f"servizio:{service.id}"


def _organizations(services: list[Service]) -> dict[str, Row]:
    """One organization per distinct ``ente`` (case and spacing ignored), in order of appearance."""
    found: dict[str, Row] = {}
    names: dict[str, list[str]] = {}
    for service in services:
        key = _organization_key(service)
        names.setdefault(key, []).append(service.nome)
        if key not in found:
            found[key] = {"id": hsds_id("organization", key), "name": service.ente or service.nome}
    for key, row in found.items():
        if key.startswith("servizio:"):
            row["description"] = "Ente non indicato nella scheda: organizzazione del servizio."
        else:
            row["description"] = "Gestisce: " + "; ".join(names[key]) + "."
    return found


def _add_service(
    tables: dict[str, list[Row]],
    s: Service,
    org_id: str,
    vocab: contract.Vocabulary,
    today: dt.date,
) -> None:
    service_id = hsds_id("service", s.id)
    location_id = hsds_id("location", s.id)
    tables["service"].append(_service_row(s, service_id, org_id, vocab, today))
    tables["location"].append(_location_row(s, location_id, org_id))
    if _full_address(s):
        tables["address"].append(_address_row(s, location_id))
    tables["service_at_location"].append(
        {
            "id": hsds_id("service_at_location", s.id),
            "service_id": service_id,
            "location_id": location_id,
        }
    )
    for i, phone in enumerate(s.telefoni):
        tables["phone"].append(
            {
                "id": hsds_id("phone", s.id, str(i)),
                "service_id": service_id,
                "number": phone.e164 or phone.raw,
                "type": "voice",
                "description": phone.display,
            }
        )
    tables["schedule"] += _schedule_rows(s, service_id)
    for code in s.lingue:
        language = vocab.lingue.get(code)
        tables["language"].append(
            {
                "id": hsds_id("language", s.id, code),
                "service_id": service_id,
                "name": language.italian if language else code,
                "code": code,
                "note": language.native if language else "",
            }
        )
    wheelchair = s.accessibilita.get("sedia_a_rotelle", "")
    if wheelchair or s.accessibilita.get("note"):
        tables["accessibility"].append(
            {
                "id": hsds_id("accessibility", s.id),
                "location_id": location_id,
                "description": _WHEELCHAIR.get(wheelchair, wheelchair),
                "details": s.accessibilita.get("note", ""),
            }
        )
    for i, document in enumerate(s.documenti):
        tables["required_document"].append(
            {
                "id": hsds_id("required_document", s.id, str(i)),
                "service_id": service_id,
                "document": document,
            }
        )
    for comune in s.served_comuni():
        tables["service_area"].append(
            {
                "id": hsds_id("service_area", s.id, comune.casefold()),
                "service_id": service_id,
                "name": comune,
                "description": "Comune servito",
            }
        )


def _service_row(
    s: Service, service_id: str, org_id: str, vocab: contract.Vocabulary, today: dt.date
) -> Row:
    access = [vocab.label("accesso", code) for code in s.accesso]
    open_closures = [c for c in s.chiusure if c.end >= today.isoformat()]
    closed_now = any(c.start <= today.isoformat() <= c.end for c in s.chiusure)
    alert = "; ".join(
        f"Chiuso dal {c.start} al {c.end}" + (f": {c.note}" if c.note else "")
        for c in open_closures
    )
    return {
        "id": service_id,
        "organization_id": org_id,
        "name": s.nome,
        "description": " ".join(s.descrizione.split()),
        "url": (web_uri(s.sito) or "") if s.sito else "",  # HSDS wants a URI, not an IRI
        "email": s.email,
        "status": "temporarily closed" if closed_now else "active",
        "application_process": ("Accesso: " + ", ".join(access)) if access else "",
        "fees_description": s.costo,
        "eligibility_description": s.destinatari,
        "assured_date": s.aggiornato,
        "alert": alert,
    }


def _location_row(s: Service, location_id: str, org_id: str) -> Row:
    row: Row = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id,
        "name": s.nome,
    }
    notes = [] if _full_address(s) else [_partial_address(s)]
    position = s.position
    if position is not None:
        row["latitude"], row["longitude"] = position.lat, position.lon
        if position.precision == "comune":
            notes.append("Posizione approssimativa (centro del comune).")
    elif s.posizione is not None:
        row["latitude"], row["longitude"] = s.posizione
    row["description"] = " ".join(notes)
    return row


def _full_address(s: Service) -> bool:
    a = s.indirizzo
    return bool(a.via and a.cap and a.comune and a.provincia)


def _partial_address(s: Service) -> str:
    if s.indirizzo.via:
        return f"Indirizzo: {s.indirizzo.one_line()}."
    return f"Comune di {s.comune}: indirizzo non indicato."


def _address_row(s: Service, location_id: str) -> Row:
    return {
        "id": hsds_id("address", s.id),
        "location_id": location_id,
        "address_1": s.indirizzo.via,
        "city": s.comune,
        "state_province": s.indirizzo.provincia,
        "postal_code": s.indirizzo.cap,
        "country": "IT",
        "address_type": "physical",
    }


def _schedule_rows(s: Service, service_id: str) -> list[Row]:
    """One weekly row per time range, with the days that share it (``byday`` "MO,WE")."""
    days_by_range: dict[tuple[str, str], list[str]] = {}
    for day in DAYS:
        for r in s.orari.get(day, []):
            days_by_range.setdefault((r.start, r.end), []).append(day)
    notes = ["Orari nell'ora locale italiana (Europe/Rome)."]
    notes.append(
        "Aperto anche nei giorni festivi."
        if s.festivi == "aperto"
        else "Chiuso nei giorni festivi."
    )
    if s.note_orari:
        notes.append(s.note_orari)
    rows = []
    for (start, end), days in sorted(days_by_range.items(), key=lambda i: DAYS.index(i[1][0])):
        names = ", ".join(DAY_NAMES[d] for d in days)
        rows.append(
            {
                "id": hsds_id("schedule", s.id, start, end),
                "service_id": service_id,
                "freq": "WEEKLY",
                "byday": ",".join(_BYDAY[d] for d in days),
                "opens_at": start,
                "closes_at": end,
                "description": f"{names}: {start}-{end}",
                "notes": " ".join(notes),
            }
        )
    return rows


def to_csv(table: str, rows: list[Row]) -> str:
    """One table as CSV (RFC 4180), header row first, numbers written as Python writes them.

    Text cells that a spreadsheet would run as a formula start with an apostrophe, as in
    ``servizi.csv`` (``escape.spreadsheet_cell``).
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TABLES[table])
    writer.writeheader()
    writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def datapackage(tables: dict[str, list[Row]]) -> dict[str, object]:
    """The Frictionless descriptor listing the CSV files and their columns."""
    resources = []
    for name in tables:
        fields = [
            {"name": column, "type": "number" if column in NUMBER_FIELDS else "string"}
            for column in TABLES[name]
        ]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": ["id"]},
            }
        )
    return {
        "name": "servicemap-hsds",
        "title": "Servizi del territorio in formato Open Referral HSDS",
        "description": f"Esportazione secondo Open Referral HSDS {HSDS_VERSION}.",
        "profile": "tabular-data-package",
        "resources": resources,
    }


def hsds_files(
    services: list[Service],
    *,
    vocabulary: contract.Vocabulary | None = None,
    today: dt.date | None = None,
) -> list[tuple[str, str]]:
    """The files to publish: ``(path in the site, text)`` for each CSV and ``datapackage.json``."""
    tables = export_hsds(services, vocabulary=vocabulary, today=today)
    files = [(f"{OUTPUT_DIR}/{name}.csv", to_csv(name, rows)) for name, rows in tables.items()]
    descriptor = json.dumps(datapackage(tables), ensure_ascii=False, indent=2) + "\n"
    files.append((f"{OUTPUT_DIR}/datapackage.json", descriptor))
    return files

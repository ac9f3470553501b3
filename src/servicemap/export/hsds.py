"""Open Referral HSDS 3.0 export: the records in the tables other directories already read.

Human Services Data Specification (https://docs.openreferral.org) is the open standard for
directories of social services; exporting it lets a regional portal, a 211-style helpline or a
researcher reuse the network's data without learning our contract. Two forms of the same rows:
the tabular one (a Frictionless data package: one CSV per table, the official plural file names,
every column of the official table) and the JSON one (``services.json``, each service with its
organization, locations, phones and schedules nested as the HSDS API serves them). The package is
written by ``export_hsds_package``, the schedules by ``export_hsds_schedule``, the vocabularies as
taxonomies by ``export_hsds_taxonomy``; ``docs/profilo-italiano.md`` maps our contract field by
field.

Choices, made to stay honest about what the data says:

- Ids are UUIDs (HSDS asks for them) derived with uuid5 from the record's ``id``: the same record
  keeps the same ids in every build, so consumers can track changes.
- One organization per distinct ``ente``; a record without ``ente`` gets an organization named
  after the service (HSDS links every service to one).
- An ``address`` row only when the record gives street, CAP and province (HSDS requires
  ``address_1``, ``postal_code`` and ``state_province``); otherwise the location's description
  carries the address as written, or says that only the comune is known.
- Opening hours are local Italian time (Europe/Rome), whose UTC offset changes with daylight
  saving time, while an HSDS time carries one fixed offset. So each weekly range is written once
  per period of constant offset in the year after the build (``valid_from``/``valid_to``), with
  that offset in ``opens_at``/``closes_at`` (``09:00:00+01:00`` in winter, ``+02:00`` in summer)
  and in ``timezone`` (hours from UTC).
- Closures (``chiusure``) cut those periods (no weekly row is valid on a closed day), are written
  in ``service.alert``, and make the status ``temporarily closed`` when the build date falls inside
  one. Public holidays (``festivi``) cannot be said in an HSDS schedule: the notes say them.
- Translations (``traduzioni``): HSDS 3.0 has no place for a text in another language (its
  ``language`` table is the languages a service is *delivered* in; ``taxonomy_term.language`` is
  the language of a term; the FAQ says localisation is not supported yet). Its conformance rules
  allow properties of one's own where HSDS has none, so ``services.json`` gives each translated
  service a documented ``translations`` list (``translation_objects``); the CSV tables stay exactly
  the official ones (an extra column would fail the official table schemas): the translations
  are in ``dati/servizi-traduzioni.csv`` beside them.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TextIO

from servicemap.core.escape import spreadsheet_cell, web_uri
from servicemap.core.hours import closure_on
from servicemap.core.model import Service
from servicemap.export.hsds_schedule import schedule_rows
from servicemap.export.hsds_taxonomy import attribute_rows, taxonomy_rows
from servicemap.validate import contract

NAMESPACE = uuid.UUID("6f1c1d1e-5a4b-5c3d-9e2f-0a1b2c3d4e5f")  # fixed: ids must never change
_NAMESPACE = NAMESPACE.bytes
OUTPUT_DIR = "dati/hsds"
HSDS_VERSION = "3.0"


@cache
def official_tables() -> dict[str, dict]:
    """The fields, file names and foreign keys of the HSDS 3.0 tables we export.

    ``data/hsds-3.0-tabelle.json`` is taken from the official ``datapackage.json``
    (openreferral/specification v3.0, CC BY-SA 4.0); the tests check it still matches.
    """
    text = resources.files("servicemap").joinpath("data/hsds-3.0-tabelle.json").read_text("utf-8")
    return {r["name"]: r for r in json.loads(text)["resources"]}


# Every column of each official table, in the official order (CSV column order).
TABLES: dict[str, tuple[str, ...]] = {
    name: tuple(f["name"] for f in table["fields"]) for name, table in official_tables().items()
}
PATHS: dict[str, str] = {name: table["path"] for name, table in official_tables().items()}
_EMPTY: dict[str, Row] = {name: dict.fromkeys(columns, "") for name, columns in TABLES.items()}

_WHEELCHAIR = {
    "si": "Accessibile in sedia a rotelle",
    "parziale": "Parzialmente accessibile in sedia a rotelle",
    "no": "Non accessibile in sedia a rotelle",
}

Row = dict[str, object]


def hsds_id(kind: str, *parts: str) -> str:
    """A stable UUID for one row: the same record and part give the same id in every build.

    ``uuid.uuid5(NAMESPACE, "kind:part...")`` written out (SHA-1, version and variant bits): the
    same value without building a UUID object, for the tens of thousands of rows of a region.
    """
    digest = bytearray(hashlib.sha1(_NAMESPACE + ":".join((kind, *parts)).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def export_hsds(
    services: list[Service],
    *,
    vocabulary: contract.Vocabulary | None = None,
    today: dt.date | None = None,
    istat: dict[str, str] | None = None,
) -> dict[str, list[Row]]:
    """Table name -> rows, in the order of ``TABLES``; every row has every exported column.

    ``istat``: comune name (case-folded) -> ISTAT code, from the territory, for the service areas.
    """
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for part in table_parts(services, vocabulary=vocabulary, today=today, istat=istat):
        for name, rows in part.items():
            tables[name] += rows
    return tables


def table_parts(
    services: list[Service],
    *,
    vocabulary: contract.Vocabulary | None = None,
    today: dt.date | None = None,
    istat: dict[str, str] | None = None,
) -> Iterator[dict[str, list[Row]]]:
    """The rows of ``export_hsds`` a part at a time, in their order: first the organizations and
    taxonomies, then each service's own rows (its tables only), so that a region's export is
    written as it is made (``hsds_package.write_hsds``), never held whole."""
    vocab = vocabulary or contract.load_vocabulary(Path(""))[0]
    day = today or dt.date.today()
    organizations = _organizations(services)
    taxonomy, terms = taxonomy_rows(vocab, hsds_id)
    first = {"organization": list(organizations.values()), "taxonomy": taxonomy,
             "taxonomy_term": terms}  # fmt: skip
    yield {name: [_complete(name, row) for row in rows] for name, rows in first.items()}
    for service in services:
        tables: dict[str, list[Row]] = {name: [] for name in TABLES if name not in first}
        org_id = _organization_key(service)
        _add_service(tables, service, hsds_id("organization", org_id), vocab, day)
        tables["service_area"] += _areas(service, istat or {})
        service_id = hsds_id("service", service.id)
        tables["attribute"] += attribute_rows(service, service_id, vocab, hsds_id)
        yield {name: [_complete(name, row) for row in rows] for name, rows in tables.items()}


def _complete(table: str, row: Row) -> Row:
    """Every official column, in order, empty where the record says nothing."""
    return {**_EMPTY[table], **row}


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
            row["description"] = _manages(names[key])
    return found


def _manages(names: list[str], shown: int = 5) -> str:
    """«Gestisce: A; B.», the first few names only: a network's ente may run hundreds of desks,
    and the JSON form repeats the organization in each of its services."""
    more = len(names) - shown
    listed = "; ".join(names[:shown])
    return f"Gestisce: {listed}" + (f" e altri {more} servizi." if more > 0 else ".")


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
    tables["schedule"] += schedule_rows(s, service_id, vocab, today, hsds_id)
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


# Our translated keys -> the HSDS field of the service object that carries the Italian text.
TRANSLATED_FIELDS: dict[str, str] = {
    "nome": "name",
    "descrizione": "description",
    "destinatari": "eligibility_description",
    "costo": "fees_description",
}


def translation_objects(s: Service) -> list[Row]:
    """The ``translations`` extension of one service: per language (BCP 47 ``language``), the
    service's own HSDS fields in that language, ``required_documents`` as HSDS lists them, and
    the location's accessibility ``details``. Texts that HSDS has only inside a sentence of ours
    (``note_orari`` in the schedule notes, closure notes in ``alert``) are not repeated."""
    found = []
    for code, words in s.traduzioni.items():
        item: Row = {"language": code}
        for key, field in TRANSLATED_FIELDS.items():
            if words.get(key):
                item[field] = (
                    " ".join(str(words[key]).split()) if key == "descrizione" else words[key]
                )
        if words.get("documenti"):
            item["required_documents"] = [{"document": d} for d in words["documenti"]]  # type: ignore[attr-defined]
        if words.get("accessibilita.note") and s.accessibilita.get("note"):
            item["accessibility_details"] = words["accessibilita.note"]
        if len(item) > 1:
            found.append(item)
    return found


def _areas(s: Service, istat: dict[str, str]) -> list[Row]:
    """One service area per comune served, with its ISTAT code when the territory knows it."""
    return [
        {
            "id": hsds_id("service_area", s.id, comune.casefold()),
            "service_id": hsds_id("service", s.id),
            "name": comune,
            "description": "Comune servito"
            + (f" (codice ISTAT {code})" if (code := istat.get(comune.casefold())) else ""),
        }
        for comune in s.served_comuni()
    ]


def _service_row(
    s: Service, service_id: str, org_id: str, vocab: contract.Vocabulary, today: dt.date
) -> Row:
    access = [vocab.label("accesso", code) for code in s.accesso]
    open_closures = [c for c in s.chiusure if c.end >= today.isoformat()]
    closed_now = closure_on(s.chiusure, today.isoformat()) is not None
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
    position = s.placed_position
    if position is not None:
        row["latitude"], row["longitude"] = position.lat, position.lon
        if position.precision == "comune":
            notes.append("Posizione approssimativa (centro del comune).")
    elif s.written_position is not None:
        row["latitude"], row["longitude"] = s.written_position
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


def to_csv(table: str, rows: list[Row]) -> str:
    """One table as CSV (RFC 4180), header row first, every official column."""
    buffer = io.StringIO()
    writer = CsvTable(table, buffer)
    writer.rows(rows)
    return buffer.getvalue()


class CsvTable:
    """One table's CSV file being written (RFC 4180), header row first, every official column.

    The only CSV writer of the HSDS export. Text cells that a spreadsheet would run as a formula
    start with an apostrophe, as in ``servizi.csv`` (``escape.spreadsheet_cell``).
    """

    def __init__(self, table: str, stream: TextIO) -> None:
        self.columns = TABLES[table]
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow(self.columns)

    def rows(self, rows: list[Row]) -> None:
        columns = self.columns
        self.writer.writerows([spreadsheet_cell(row[c]) for c in columns] for row in rows)

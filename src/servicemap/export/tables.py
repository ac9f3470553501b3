"""Open data: the records as GeoJSON and CSV, and the JSON Schema that describes them.

GeoJSON carries every value exactly as written (lists stay lists), the translations too, under
``traduzioni`` in the contract's shape; CSV is for spreadsheets: one row per record, lists joined
with "; ", UTF-8 with a byte order mark (without it Excel on Windows reads accented letters
wrong), comma-separated with CRLF line ends (RFC 4180). A cell that a spreadsheet would run as a
formula gets a leading apostrophe, as OWASP advises (``escape.spreadsheet_cell``, shared by every
CSV we write); the GeoJSON keeps the text untouched.
The HSDS export lives in ``export_hsds``.

The translations get a table of their own in CSV (``servizi-traduzioni.csv``: one row per
record, language and key, as GTFS does with ``translations.txt``), not columns ``nome_en``,
``nome_ar``... in ``servizi.csv``: ten keys in three languages would be thirty mostly empty
columns in every volunteer's spreadsheet, and a new site language would change the columns
that every reuser's import reads. The table joins ``servizi.csv`` by ``id``.
"""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import TextIO

from servicemap.core.escape import spreadsheet_cell, spreadsheet_csv
from servicemap.core.model import DAYS, Service
from servicemap.core.output import Folder, GeneratedFile

GEOJSON_PATH = "dati/servizi.geojson"
CSV_PATH = "dati/servizi.csv"
TRANSLATIONS_CSV_PATH = "dati/servizi-traduzioni.csv"
SCHEMA_PATH = "schema/servizi.schema.json"
LIST_SEPARATOR = "; "


def hours_text(service: Service, day: str) -> str:
    """``09:00-12:00, 15:00-18:00`` for one day, "" when closed."""
    return ", ".join(f"{r.start}-{r.end}" for r in service.orari.get(day, []))


def properties(service: Service, url: str = "") -> dict[str, object]:
    """Every field of a record as plain JSON values, in the order of the contract."""
    a, pos = service.indirizzo, service.placed_position
    props: dict[str, object] = {
        "id": service.id,
        "nome": service.nome,
        "ente": service.ente,
        "tipo": list(service.tipo),
        "descrizione": service.descrizione,
        "attivita": list(service.attivita),
        "aree": list(service.aree),
        "destinatari": service.destinatari,
        "via": a.via,
        "cap": a.cap,
        "comune": a.comune,
        "provincia": a.provincia,
        "telefoni": [p.display for p in service.telefoni],
        "telefoni_e164": [p.e164 for p in service.telefoni],
        "email": service.email,
        "sito": service.sito,
        "orari": {day: hours_text(service, day) for day in DAYS if service.orari.get(day)},
        "festivi": service.festivi,
        "chiusure": [{"dal": c.start, "al": c.end, "nota": c.note} for c in service.chiusure],
        "note_orari": service.note_orari,
        "accesso": list(service.accesso),
        "lingue": list(service.lingue),
        "accessibilita": dict(service.accessibilita),
        "documenti": list(service.documenti),
        "costo": service.costo,
        "comuni_serviti": service.served_comuni(),
        "aggiornato": service.aggiornato,
        "verificato_da": service.verificato_da,
        "fonte": service.fonte,
        "precisione": pos.precision if pos else "",
        "url": url,
    }
    for key in sorted(service.extra):
        props.setdefault(key, service.extra[key])
    props["traduzioni"] = {code: as_written(words) for code, words in service.traduzioni.items()}
    return props


def as_written(words: dict[str, object]) -> dict[str, object]:
    """One language of ``Service.traduzioni`` in the contract's shape: ``accessibilita.note``
    as ``accessibilita: {note}``, the closures' notes as ``chiusure: [{nota}]`` (in order)."""
    shaped: dict[str, object] = {}
    for key, value in words.items():
        if key == "accessibilita.note":
            shaped["accessibilita"] = {"note": value}
        elif key == "chiusure.nota":
            shaped["chiusure"] = [{"nota": note} if note else {} for note in value]  # type: ignore[attr-defined]
        else:
            shaped[key] = list(value) if isinstance(value, list) else value
    return shaped


def geojson(services: list[Service], urls: dict[str, str] | None = None) -> str:
    """A FeatureCollection with one Feature per record (``geometry`` null if it has no position)."""
    out = io.StringIO()
    write_geojson(out, services, urls)
    return out.getvalue()


def write_geojson(out: TextIO, services: list[Service], urls: dict[str, str] | None = None) -> None:
    """``geojson`` written into ``out`` a Feature at a time: a region's is never held whole.

    The text is ``json.dumps(collection, ensure_ascii=False, indent=1)``: each Feature is
    dumped on its own and indented two levels (a JSON text has no raw line break inside a
    string: every line is one of the layout's)."""
    urls = urls or {}
    out.write('{\n "type": "FeatureCollection",\n "features": [')
    first = True
    for s in services:
        geometry = None
        if s.placed_position is not None:
            coords = [round(s.placed_position.lon, 6), round(s.placed_position.lat, 6)]
            geometry = {"type": "Point", "coordinates": coords}
        feature = {
            "type": "Feature",
            "id": s.id,
            "geometry": geometry,
            "properties": properties(s, urls.get(s.id, "")),
        }
        text = json.dumps(feature, ensure_ascii=False, indent=1)
        out.write(("\n  " if first else ",\n  ") + text.replace("\n", "\n  "))
        first = False
    out.write("]\n}\n" if first else "\n ]\n}\n")


CSV_COLUMNS = (
    "id", "nome", "ente", "tipo", "descrizione", "attivita", "aree", "destinatari",
    "via", "cap", "comune", "provincia", "lat", "lon", "precisione",
    "telefoni", "email", "sito", *(f"orari_{d}" for d in DAYS), "festivi", "chiusure",
    "note_orari", "accesso", "lingue", "accessibilita_sedia_a_rotelle", "accessibilita_note",
    "documenti", "costo", "comuni_serviti", "aggiornato", "verificato_da", "fonte", "url",
)  # fmt: skip


def csv_row(service: Service, url: str = "") -> dict[str, str]:
    props = properties(service, url)
    row: dict[str, str] = {}
    for key in CSV_COLUMNS:
        value = props.get(key, "")
        row[key] = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else str(value)
    pos = service.placed_position
    row["lat"], row["lon"] = (f"{pos.lat:.6f}", f"{pos.lon:.6f}") if pos else ("", "")
    for day in DAYS:
        row[f"orari_{day}"] = hours_text(service, day)
    row["chiusure"] = LIST_SEPARATOR.join(
        f"{c.start}/{c.end}" + (f" {c.note}" if c.note else "") for c in service.chiusure
    )
    row["accessibilita_sedia_a_rotelle"] = service.accessibilita.get("sedia_a_rotelle", "")
    row["accessibilita_note"] = service.accessibilita.get("note", "")
    return {k: str(spreadsheet_cell(v)) for k, v in row.items()}


def to_csv(services: list[Service], urls: dict[str, str] | None = None) -> bytes:
    urls = urls or {}
    rows = (csv_row(s, urls.get(s.id, "")) for s in services)
    return spreadsheet_csv(CSV_COLUMNS, ([row[c] for c in CSV_COLUMNS] for row in rows))


TRANSLATION_COLUMNS = ("id", "lingua", "chiave", "testo")


def translation_rows(service: Service) -> list[dict[str, str]]:
    """One row per translated text: ``chiave`` as the contract names it (``chiusure.2.nota``:
    the note of the second closure); lists joined as in ``servizi.csv``."""
    rows = []
    for code, words in service.traduzioni.items():
        for key, value in words.items():
            if key == "chiusure.nota":
                cells = [(f"chiusure.{n}.nota", note) for n, note in enumerate(value, 1) if note]  # type: ignore[arg-type]
            elif isinstance(value, list):
                cells = [(key, LIST_SEPARATOR.join(value))]
            else:
                cells = [(key, str(value))]
            rows += [
                {"id": service.id, "lingua": code, "chiave": k, "testo": str(spreadsheet_cell(v))}
                for k, v in cells
            ]
    return rows


def translations_csv(services: list[Service]) -> bytes:
    """``servizi-traduzioni.csv``: the same dialect as ``servizi.csv`` (BOM, commas, CRLF)."""
    rows = (row for s in services for row in translation_rows(s))
    return spreadsheet_csv(
        TRANSLATION_COLUMNS, ([row[c] for c in TRANSLATION_COLUMNS] for row in rows)
    )


def schema_text() -> str | None:
    """The published JSON Schema of services.yaml, if the package ships it."""
    path = resources.files("servicemap") / "data" / "servizi.schema.json"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def export_paths() -> list[str]:
    """The paths ``export_files`` writes, in its order, known before anything is made."""
    schema = [SCHEMA_PATH] if schema_text() is not None else []
    return [GEOJSON_PATH, CSV_PATH, TRANSLATIONS_CSV_PATH, *schema]


def export_files(
    services: list[Service], urls: dict[str, str] | None = None, folder: Folder | None = None
) -> list[GeneratedFile]:
    """The open-data files of the site (the HSDS export is added by ``export_hsds``); with a
    ``folder``, written there (the GeoJSON a Feature at a time) and not returned."""
    if folder is not None:
        with folder.open_text(GEOJSON_PATH) as out:
            write_geojson(out, services, urls)
        for item in _other_files(services, urls):
            folder.write(item)
        return []
    files = [
        GeneratedFile(GEOJSON_PATH, geojson(services, urls), kind="static"),
        *_other_files(services, urls),
    ]
    return files


def _other_files(services: list[Service], urls: dict[str, str] | None) -> list[GeneratedFile]:
    """The open-data files after the GeoJSON, in ``export_paths`` order."""
    files = [
        GeneratedFile(CSV_PATH, to_csv(services, urls), kind="static"),
        GeneratedFile(TRANSLATIONS_CSV_PATH, translations_csv(services), kind="static"),
    ]
    schema = schema_text()
    if schema is not None:
        files.append(GeneratedFile(SCHEMA_PATH, schema, kind="static"))
    return files

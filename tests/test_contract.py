"""The contract: schema, vocabularies and the example data agree with each other and the seeds."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from servicemap.core.hours import HoursError, minutes, parse_day
from servicemap.core.model import TimeRange
from servicemap.load import document as load
from servicemap.validate import contract
from servicemap.validate import records as validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "services.yaml"
CONTRACT_EXAMPLE_KEYS = {
    "id", "nome", "ente", "tipo", "descrizione", "attivita", "aree", "destinatari", "indirizzo",
    "posizione", "telefoni", "email", "sito", "orari", "festivi", "chiusure", "note_orari",
    "accesso", "lingue", "accessibilita", "documenti", "costo", "comuni_serviti", "aggiornato",
    "verificato_da", "fonte",
}  # fmt: skip


def test_schema_is_valid_draft_2020_12():
    schema = contract.published_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_has_every_key_of_the_contract_and_the_required_ones():
    record = contract.published_schema()["$defs"]["servizio"]
    assert set(record["properties"]) >= CONTRACT_EXAMPLE_KEYS
    assert set(record["required"]) == {"id", "nome", "tipo", "indirizzo", "aggiornato"}
    assert record["properties"]["indirizzo"]["required"] == ["comune"]


@pytest.mark.parametrize(
    ("kind", "definition"),
    [("tipo", "tipo"), ("aree", "area"), ("attivita", "attivita"), ("accesso", "accesso")],
)
def test_schema_enums_are_the_default_vocabulary(kind, definition):
    """Editors autocomplete from the schema: it must list exactly the default values."""
    vocabulary, problems = contract.load_vocabulary(Path("/nonexistent"))
    assert problems == []
    enum = contract.published_schema()["$defs"][definition]["enum"]
    assert enum == list(vocabulary.terms(kind)), f"update $defs.{definition}.enum in the schema"


def test_schema_language_enum_is_the_default_list():
    vocabulary, _ = contract.load_vocabulary(Path("/nonexistent"))
    assert contract.published_schema()["$defs"]["lingua"]["enum"] == list(vocabulary.lingue)


def test_default_vocabulary_of_the_contract():
    vocabulary, _ = contract.load_vocabulary(Path("/nonexistent"))
    assert set(vocabulary.tipo) == {
        "sportello", "centro-ascolto", "hub-digitale", "servizio-sociale", "punto-migranti",
        "pua", "sportello-lavoro", "patronato", "ufficio-di-piano",
    }  # fmt: skip
    assert len(vocabulary.aree) == 12 and len(vocabulary.attivita) == 10
    assert set(vocabulary.accesso) == {"libero", "appuntamento", "telefono", "online"}
    assert vocabulary.label("tipo", "centro-ascolto") == "Centro di ascolto"
    assert vocabulary.label("tipo", "hub-digitale") == "Hub di facilitazione digitale"
    for kind in contract.VOCABULARY_KINDS:
        for term in vocabulary.terms(kind).values():
            assert term.label and term.description.endswith("."), (kind, term.code)


def test_languages_have_their_own_and_italian_names():
    vocabulary, _ = contract.load_vocabulary(Path("/nonexistent"))
    common = "it en fr es ar zh ur hi bn pa ro uk ru sq tl pt de wo ti am so ps fa tr ml ta si"
    for code in common.split():
        assert code in vocabulary.lingue, code
    assert (vocabulary.lingue["ar"].native, vocabulary.lingue["ar"].italian) == ("العربية", "arabo")
    assert (vocabulary.lingue["zh"].native, vocabulary.lingue["zh"].italian) == ("中文", "cinese")
    assert all(re.fullmatch("[a-z]{2}", code) for code in vocabulary.lingue)


def test_a_broken_territory_vocabulary_is_reported(tmp_path: Path):
    path = tmp_path / "vocabolario.yaml"
    path.write_text(
        "tipo:\n  emporio: Emporio\naree:\n  ok: {etichetta: Va bene}\nlingue:\n  xx: [solo]\n"
        "tipi: {}\n",
        encoding="utf-8",
    )
    vocabulary, problems = contract.load_vocabulary(path)
    assert [(p.line, p.code) for p in problems] == [
        (2, "vocabulary-invalid"),
        (4, "vocabulary-untranslated"),
        (6, "vocabulary-invalid"),
        (7, "unknown-key"),
    ]
    assert "«tipo»" in problems[3].message
    assert vocabulary.label("aree", "ok") == "Va bene" and "emporio" not in vocabulary.tipo


def test_vocabulary_codes_that_would_share_a_page_name_both_lines(tmp_path: Path):
    path = tmp_path / "vocabolario.yaml"
    path.write_text(
        "tipo:\n  Città: {etichetta: A}\n  citta: {etichetta: B}\n  index: {etichetta: C}\n"
        "aree:\n  Casa: {etichetta: D}\n  casa: {etichetta: Casa nostra}\n"
        "  lavoro\u200b: {etichetta: E}\n",
        encoding="utf-8",
    )
    vocabulary, problems = contract.load_vocabulary(path)
    problems = [p for p in problems if p.code != "vocabulary-untranslated"]  # Italian only here
    default_casa = contract.load_vocabulary(Path("/nonexistent"))[0].aree["casa"]
    assert default_casa.label != "Casa nostra"
    name = contract.load_display_name(path)
    assert [(p.file, p.line, p.column, p.code) for p in problems] == [
        (name, 3, 3, "path-collision"),
        (name, 4, 3, "unusable-name"),
        (name, 6, 3, "path-collision"),
        (name, 8, 9, "invisible-in-id"),
    ]
    assert f"«citta» e «Città» ({name}:2) diventerebbero la stessa pagina tipi/citta/" in (
        problems[0].message
    )
    assert "«Casa» e «casa» (vocabolario predefinito:" in problems[2].message
    assert vocabulary.label("aree", "casa") == "Casa nostra"  # redefining a default is no clash


def test_schema_digits_are_ascii_digits():
    """``\\d`` is Unicode-aware in Python's validators (and some editors'): "٢٠٠٩٦" would pass."""
    text = json.dumps(contract.published_schema())
    assert "\\\\d" not in text
    record = contract.published_schema()["$defs"]["servizio"]
    address = Draft202012Validator(record["properties"]["indirizzo"])
    assert address.is_valid({"comune": "X", "cap": "20096"})
    for cap in ("٢٠٠٩٦", "２００９６"):
        assert not address.is_valid({"comune": "X", "cap": cap})
    position = Draft202012Validator(record["properties"]["posizione"])
    assert not position.is_valid({"lat": "٤٥.٥", "lon": "9.3"})
    updated = Draft202012Validator(record["properties"]["aggiornato"])
    assert not updated.is_valid("٢٠٢٦-٠٣-١٤")


# --- hours ---------------------------------------------------------------------------------------


def test_hours_parsing():
    assert parse_day("15:00-18:00, 09:00-12:00") == [
        TimeRange("09:00", "12:00"),
        TimeRange("15:00", "18:00"),
    ]
    assert parse_day("9.00 - 12.30") == [TimeRange("09:00", "12:30")]
    assert parse_day("20:00-24:00") == [TimeRange("20:00", "24:00")]
    assert parse_day("09:00-12:00, 12:00-13:00")  # touching ranges are fine
    assert minutes("09:30") == 570
    with pytest.raises(HoursError):
        parse_day("24:00-24:30")


# --- the example data ----------------------------------------------------------------------------


def example():
    node, problems = load.load_path(EXAMPLE, "services.yaml")
    assert problems == []
    vocabulary, _ = contract.load_vocabulary(EXAMPLE.parent / "vocabolario.yaml")
    return validate.validate_document(
        node,
        file="services.yaml",
        vocabulary=vocabulary,
        territory=None,
        today=dt.date(2026, 11, 25),
    )


def test_example_points_editors_at_the_schema():
    first = EXAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./src/servicemap/data/servizi.schema.json"
    assert (ROOT / "src/servicemap/data/servizi.schema.json").is_file()


def test_example_is_valid_with_only_the_honest_stale_warnings():
    dataset, problems = example()
    assert [p for p in problems if p.severity == "error"] == []
    assert {p.code for p in problems} == {"stale"}  # the protocol is from March 2024
    assert len(problems) == len(dataset.services)


def test_example_describes_the_network_of_the_seed():
    dataset, _ = example()
    assert dataset.territory_name == "Distretto Sociale Est Milano"
    assert dataset.comuni == ["Pioltello", "Segrate", "Vimodrone", "Rodano"]
    by_type = {
        t: [s for s in dataset.services if t in s.tipo] for t in ("sportello", "hub-digitale")
    }
    assert len(by_type["sportello"]) == 10  # every signatory of the protocol
    assert {s.nome for s in by_type["hub-digitale"]} == {
        "Centro di ascolto Caritas Pioltello",
        "Centro di ascolto Caritas Segrate",
        "CISL Milano – Dipartimento politiche sociali",
        "Diversi da Chi? APPHA",
    }
    assert all("facilitazione-digitale" in s.attivita for s in by_type["hub-digitale"])
    social = [s.comune for s in dataset.services if s.tipo == ["servizio-sociale"]]
    assert sorted(social) == ["Pioltello", "Rodano", "Segrate", "Vimodrone"]
    [piano] = [s for s in dataset.services if s.tipo == ["ufficio-di-piano"]]
    assert piano.comune == "Pioltello"
    assert all(s.aggiornato == "2024-03-14" for s in dataset.services)


def test_example_invents_no_address_timetable_or_position():
    dataset, _ = example()
    for service in dataset.services:
        assert not service.indirizzo.via and not service.orari and service.written_position is None
    contacts = [s for s in dataset.services if s.telefoni or s.email]
    assert [s.id for s in contacts] == ["ufficio-di-piano-est-milano"]
    [piano] = contacts
    assert piano.email == "ufficiostampa@comune.pioltello.mi.it"
    assert piano.telefoni[0].e164 == "+390292366364"
    assert "Ufficio Stampa" in piano.extra["contatti_note"]  # said whose contact it is

"""``fastcheck`` says a record is valid exactly when jsonschema finds no error in it.

A record only skips jsonschema when the fast check passes it, so a check that passed a broken
record would hide its errors. Every value of a record with every key of the contract (and its
translations) is broken in turn, in every way the loader can write one: emptied, made a list, a
mapping, a text, None, a list item repeated, a key removed or added, and both must agree.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from servicemap.load import document as load
from servicemap.validate import contract, fastcheck, validators

RECORD = """\
id: caritas-pioltello
nome: Centro di ascolto Caritas Pioltello
ente: Caritas Ambrosiana
tipo: [centro-ascolto, hub-digitale]
descrizione: Accoglienza, ascolto, orientamento.
attivita: [accoglienza, ascolto]
aree: [poverta, famiglia]
destinatari: Persone e famiglie in difficoltà
indirizzo: {via: Via Esempio 1, cap: "20096", comune: Pioltello, provincia: MI}
posizione: {lat: "45.4990", lon: "9.3260"}
telefoni: ["02 9236 6364"]
email: info@example.org
sito: https://example.org
orari: {lun: "09:00-12:00", mer: "09:00-12:00, 15:00-18:00"}
festivi: chiuso
chiusure:
  - {dal: "2026-08-01", al: "2026-08-31", nota: Chiuso per ferie}
note_orari: Su appuntamento il venerdì
accesso: [libero, appuntamento]
lingue: [it, en, ar]
accessibilita: {sedia_a_rotelle: si, note: Ingresso con rampa}
documenti: [Documento di identità]
costo: gratuito
comuni_serviti: [Pioltello, Segrate]
aggiornato: "2026-03-14"
verificato_da: Ufficio di Piano
fonte: https://example.org/notizia
nota_fonte: Comunicato
contatti_note: Il telefono è della segreteria
traduzioni:
  en:
    nome: Listening centre
    documenti: [Identity document]
    accessibilita: {note: Ramp at the entrance}
    chiusure: [{nota: Closed for the holidays}]
  ar: {nome: مركز الاستماع}
"""
# What the loader can make of a value: texts (also empty, and shapes patterns refuse), None
# (``key:``), lists and mappings.
REPLACEMENTS: tuple[object, ...] = (
    None, "", "x", "20096\n", "2026-03-14", "chiuso", "si", "45.5", [], ["x"], [None], [""],
    ["x", "x"], [{}], {}, {"x": "y"}, {"nota": "n"},
)  # fmt: skip


def _record() -> dict:
    root, problems = load.load_text(RECORD, "services.yaml")
    assert root is not None and not problems
    return root.plain()  # type: ignore[return-value]


def _paths(value: object, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _parent(record: object, path: tuple) -> object:
    for step in path[:-1]:
        record = record[step]  # type: ignore[index]
    return record


def _broken(record: dict) -> Iterator[dict]:
    """The record with one value changed, removed, repeated, or one key added, everywhere."""
    for path in _paths(record):
        if not path:
            continue
        for replacement in REPLACEMENTS:
            broken = copy.deepcopy(record)
            _parent(broken, path)[path[-1]] = copy.deepcopy(replacement)  # type: ignore[index]
            yield broken
        broken = copy.deepcopy(record)
        parent = _parent(broken, path)
        if isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.append(parent[path[-1]])  # type: ignore[attr-defined]
        yield broken
    for path in _paths(record):
        broken = copy.deepcopy(record)
        target = _parent(broken, (*path, None))
        if isinstance(target, dict):
            target["chiave_sconosciuta"] = "x"
            yield broken


def test_the_record_has_every_key_of_the_contract() -> None:
    servizio = contract.published_schema()["$defs"]["servizio"]
    assert set(_record()) == set(servizio["properties"])


def test_fast_check_agrees_with_jsonschema_on_every_broken_record() -> None:
    fast, full, _ = contract._validators()
    assert fast(_record()) and not list(full.iter_errors(_record()))
    checked = refused = 0
    for broken in _broken(_record()):
        valid = not list(full.iter_errors(broken))
        assert fast(broken) == valid, broken
        checked += 1
        refused += not valid
    assert checked > 1000 and refused > checked // 2  # most changes break a rule


@pytest.mark.parametrize("value", [45, 4.5, True, ("x",)])
def test_a_value_the_loader_never_makes_is_left_to_jsonschema(value: object) -> None:
    """A number or a tuple (a tree built by hand) is "not valid here": jsonschema decides."""
    fast, _, _ = contract._validators()
    record = _record()
    record["indirizzo"]["cap"] = value
    assert not fast(record)


def test_an_unknown_keyword_keeps_the_general_generator() -> None:
    schema = {"type": "object", "properties": {"a": {"anyOf": [{"type": "string"}]}}}
    with pytest.raises(fastcheck.Unsupported):
        fastcheck.compile_check(schema)
    check = validators._record_check(schema)
    assert check({"a": "x"}) and not check({"a": []})

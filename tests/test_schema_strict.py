"""The editor's JSON Schema is as strict as ``servicemap validate`` wherever JSON Schema can say it.

Editors (VS Code with the YAML extension, through the first line of ``services.yaml``) check the
published ``servizi.schema.json`` as the volunteer types. Each rule of the validator has a failing
example below: the validator must report its code (so the example is real), and the published
schema must refuse it too, except for the rules listed in ``NOT_EXPRESSIBLE`` with the reason.
Values the validator accepts must pass the schema (no underline on what the build accepts).
The schema sees the values as our loader reads them (every scalar a string), which is what an
editor sees when values are quoted as the contract asks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from servicemap.core.model import Comune, Territory
from servicemap.load import document as load
from servicemap.problems.codes import CODES
from servicemap.validate import contract
from servicemap.validate import records as validate

FILE = "services.yaml"
TODAY = dt.date(2026, 11, 25)
VOCABULARY, _ = contract.load_vocabulary(Path("/nonexistent/vocabolario.yaml"))
HEAD = "territorio:\n  nome: Distretto\n  comuni: [Pioltello, Segrate]\nservizi:\n"
GOOD = """\
  - id: caritas-pioltello
    nome: Centro di ascolto Caritas Pioltello
    tipo: [centro-ascolto]
    indirizzo:
      comune: Pioltello
    aggiornato: "2026-03-14"
"""
PIOLTELLO = {
    "type": "Polygon",
    "coordinates": [[[9.30, 45.48], [9.35, 45.48], [9.35, 45.52], [9.30, 45.52], [9.30, 45.48]]],
}
TERRITORY = Territory("Distretto", [Comune("Pioltello", "pioltello", geometry=PIOLTELLO)])


def with_(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


# code -> failing examples (the whole list of records, YAML). Several for the rules with several
# ways to fail.
FAILING: dict[str, list[str]] = {
    "unknown-key": [GOOD + '    telefno: ["02 9236 6364"]\n'],
    "missing-key": [with_('    aggiornato: "2026-03-14"\n', "")],
    "wrong-type": [GOOD + '    telefoni: "02 9236 6364"\n'],
    "empty-value": [GOOD + '    email: ""\n'],
    "bad-choice": [GOOD + "    festivi: forse\n"],
    "bad-value": [
        with_("      comune: Pioltello\n", '      comune: Pioltello\n      cap: "2009"\n'),
        with_("      comune: Pioltello\n", "      comune: Pioltello\n      provincia: mi\n"),
    ],
    "duplicate-item": [GOOD + "    lingue: [it, it]\n"],
    "bad-id": [with_("id: caritas-pioltello", "id: Caritas_Pioltello")],
    "duplicate-id": [GOOD + GOOD],
    "bad-phone": [GOOD + '    telefoni: ["12"]\n', GOOD + '    telefoni: ["chiamare il 118"]\n'],
    "bad-email": [
        GOOD + '    email: "info@example"\n',
        GOOD + '    email: "info example.org"\n',
        GOOD + '    email: "a@b.it?bcc=x@y.it"\n',  # would add a recipient to the mailto: link
        GOOD + '    email: "a@b.it, c@d.it"\n',
        GOOD + '    email: "a%0A@b.it"\n',
    ],
    "bad-url": [
        GOOD + '    sito: "javascript:alert(1)"\n',
        GOOD + '    fonte: "www.example.org"\n',
        GOOD + '    sito: "https://utente@example.org/"\n',  # user info before the host
    ],
    "bad-day": [GOOD + '    orari: {lunedi: "09:00-12:00"}\n'],
    "bad-hours": [
        GOOD + '    orari: {lun: "9-12"}\n',
        GOOD + '    orari: {lun: "09:00-25:00"}\n',
        GOOD + '    orari: {lun: "24:00-24:30"}\n',
        GOOD + '    orari: {lun: "09:00-12:00,"}\n',
    ],
    "bad-hours (order)": [GOOD + '    orari: {lun: "12:00-09:00"}\n'],
    "bad-hours (overlap)": [GOOD + '    orari: {lun: "09:00-12:00, 11:00-13:00"}\n'],
    "bad-date": [
        with_('"2026-03-14"', '"14/03/2026"'),
        with_('"2026-03-14"', '"2026-02-30"'),
        with_('"2026-03-14"', '"2025-02-29"'),
        GOOD + '    chiusure: [{dal: "2026-04-31", al: "2026-05-02"}]\n',
    ],
    "future-date": [with_('"2026-03-14"', '"2027-01-10"')],
    "stale": [with_('"2026-03-14"', '"2025-01-10"')],
    "possible-duplicate": [
        GOOD
        + GOOD.replace("id: caritas-pioltello", "id: caritas-2").replace(
            "Centro di ascolto Caritas Pioltello", "Caritas Pioltello, centro d'ascolto"
        )
    ],
    "closure-order": [GOOD + '    chiusure: [{dal: "2026-08-31", al: "2026-08-01"}]\n'],
    "unknown-comune": [with_("comune: Pioltello", "comune: Gorgonzola")],
    "unknown-term": [with_("tipo: [centro-ascolto]", "tipo: [centro-ascoltto]")],
    "unknown-language": [GOOD + "    lingue: [xx]\n"],
    "bad-position": [GOOD + "    posizione: {lat: 95.1, lon: 200.5}\n"],
    "swapped-position": [GOOD + "    posizione: {lat: 9.32, lon: 45.50}\n"],
    "outside-territory": [GOOD + "    posizione: {lat: 41.9, lon: 12.5}\n"],
    "date-too-old": [with_('"2026-03-14"', '"1999-12-31"')],
    "invisible-in-id": [with_("id: caritas-pioltello", "id: caritas\u200b-pioltello")],
    "invisible-character": [with_("nome: Centro", "nome: Centro\u200b")],
    "unusable-name": [with_("id: caritas-pioltello", "id: con")],
    "unknown-translation-language": [
        GOOD + "    traduzioni:\n      fr: {nome: Centre d'écoute}\n",
        GOOD + "    traduzioni:\n      it: {nome: Centro}\n",
    ],
    "not-translatable": [
        GOOD + '    traduzioni:\n      en: {telefoni: ["02 9236 6364"]}\n',
        GOOD + "    traduzioni:\n      en: {nom: Listening centre}\n",
        GOOD + '    chiusure: [{dal: "2026-08-01", al: "2026-08-31", nota: Ferie}]\n'
        '    traduzioni:\n      en: {chiusure: [{dal: "2026-08-01", nota: Holidays}]}\n',
    ],
    "translation-without-italian": [GOOD + "    traduzioni:\n      en: {costo: free}\n"],
}

# What JSON Schema cannot say, and why. The validator reports these; editors do not underline them.
NOT_EXPRESSIBLE = {
    "duplicate-id": "unicità di un campo tra le schede: JSON Schema confronta solo elementi interi",
    "bad-hours (order)": "confronto tra due orari (la chiusura dopo l'apertura)",
    "bad-hours (overlap)": "confronto tra intervalli dello stesso giorno",
    "future-date": "dipende dalla data di oggi",
    "stale": "dipende dalla data di oggi",
    "closure-order": "confronto tra due date",
    "possible-duplicate": "confronto tra i nomi di due schede, e un avviso: l'editor non deve "
    "segnarlo errato",
    "unknown-comune": "i comuni sono quelli del territorio, non dello schema pubblicato",
    "swapped-position": "serve il confine dei comuni (geometria)",
    "outside-territory": "serve il confine dei comuni (geometria)",
    "invisible-character": "è un avviso: il nome resta valido, l'editor non deve segnarlo errato",
    "unusable-name": "nomi riservati (con, nul, aux, index...): il validatore li spiega uno per "
    "uno; un `not` nello schema direbbe solo «non valido»",
    "translation-without-italian": "è un avviso: la traduzione è valida, ma l'italiano manca",
}
# Codes about the site, not one record's values: two records, or a record and a hand-written
# page, that would land on one address (tests/test_build_e2e.py), and the territory's contact
# in mkdocs.yml (tests/test_contact.py).
SITE = {"path-collision", "page-collision", "bad-contact"}
# Codes of reading the file: found before any value exists for a schema to look at.
READING = {
    "file-not-found", "file-unreadable", "file-too-large", "not-utf8", "control-character",
    "yaml-syntax", "too-deep", "empty-file", "root-not-mapping", "multiple-documents", "alias",
    "anchor", "tag", "bad-key", "duplicate-key", "tab-indent", "vocabulary-invalid", "schema",
    "merge-conflict", "file-outside-project", "file-in-git", "file-special", "content-too-large",
    "link-loop",
}  # fmt: skip
READING |= {"vocabulary-untranslated"}  # the vocabulary file's, like vocabulary-invalid
# Codes of placing the records, against the territory's boundaries and the geocoding cache (files
# beside services.yaml; tests/test_place.py, test_territory.py, test_geocache.py).
PLACING = {
    "territory-missing", "territory-invalid", "geocache-invalid", "outside-comune",
    "placed-on-comune", "not-placed",
}  # fmt: skip

# Values the validator accepts: the schema must accept them too.
ACCEPTED = [
    GOOD + '    telefoni: ["02 9236 6364", "+39 333 1234567", "(02) 9236 6364", "02-92366364"]\n',
    GOOD + '    telefoni: ["02.9236.6364", "02 9236 6364 int. 12", "Tel. 02 9236 6364"]\n',
    GOOD + '    telefoni: ["0039 02 92366364", "+33 1 42 68 53 00", "800 123 456"]\n',
    GOOD + '    email: "nome.cognome+sportello@comune.pioltello.mi.it"\n',
    GOOD + '    sito: "https://example.org"\n    fonte: "HTTP://example.org:8080/a?b=c#d"\n',
    GOOD
    + '    orari: {lun: "9.00-12.00", mar: "09:00 - 12:00, 15:00-18:00", mer: "20:00-24:00"}\n',
    GOOD + '    orari: {gio: "8:30–12:30", dom: "00:00-24:00"}\n',
    GOOD + '    chiusure: [{dal: "2028-02-29", al: "2028-03-01"}]\n',  # a leap day
    GOOD + '    chiusure: [{dal: "2026-12-24", al: "2026-12-31"}]\n',
    GOOD + "    posizione: {lat: 45.5, lon: 9.32}\n",
    with_("      comune: Pioltello\n", '      comune: Pioltello\n      cap: "20096"\n'),
    GOOD
    + '    costo: gratuito\n    chiusure: [{dal: "2026-08-01", al: "2026-08-31", nota: Ferie}]\n'
    + "    accessibilita: {sedia_a_rotelle: si, note: Rampa}\n    traduzioni:\n"
    + "      en: {nome: Listening centre, costo: free, chiusure: [{nota: Holidays}]}\n"
    + "      ar: {nome: مركز الاستماع, accessibilita: {note: منحدر}}\n"
    + "      zh: {nome: 倾听中心}\n",
]


def validator_codes(records: str) -> list[str]:
    node, problems = load.load_text(HEAD + records, FILE)
    assert node is not None and problems == [], problems
    _, problems = validate.validate_document(
        node, file=FILE, vocabulary=VOCABULARY, territory=TERRITORY, today=TODAY
    )
    return [p.code for p in problems]


def schema_errors(records: str) -> list[str]:
    node, _ = load.load_text(HEAD + records, FILE)
    schema = Draft202012Validator(contract.published_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in schema.iter_errors(node.plain())]


def test_every_rule_has_a_failing_example():
    record_codes = set(CODES) - READING - SITE - PLACING
    covered = {code.split(" ")[0] for code in FAILING}
    assert record_codes - covered == set()


@pytest.mark.parametrize("rule", list(FAILING))
def test_the_failing_example_fails_the_validator_and_the_schema_where_it_can(rule):
    code = rule.split(" ")[0]
    for records in FAILING[rule]:
        assert code in validator_codes(records), records
        refused = schema_errors(records)
        if rule in NOT_EXPRESSIBLE:
            assert refused == [], f"{rule} is now expressible: move it out of NOT_EXPRESSIBLE"
        else:
            assert refused, f"the schema accepts what the validator refuses ({rule}):\n{records}"


def test_the_rules_the_schema_cannot_express():
    """The list the documentation gives (docs/profilo-italiano.md, «Lo schema per gli editor»)."""
    assert sorted(NOT_EXPRESSIBLE) == [
        "bad-hours (order)",
        "bad-hours (overlap)",
        "closure-order",
        "duplicate-id",
        "future-date",
        "invisible-character",
        "outside-territory",
        "possible-duplicate",
        "stale",
        "swapped-position",
        "translation-without-italian",
        "unknown-comune",
        "unusable-name",
    ]


@pytest.mark.parametrize("records", ACCEPTED)
def test_what_the_validator_accepts_the_schema_accepts(records):
    assert validator_codes(records) == []
    assert schema_errors(records) == []


def test_patterns_take_ascii_digits_only():
    """Python's ``\\d`` (and ECMA-262's with the ``u`` flag in some editors) match any script's
    digits: the schema writes ``[0-9]``."""
    text = contract.schema_path().read_text(encoding="utf-8")
    assert "\\\\d" not in text
    arabic = with_('"2026-03-14"', '"٢٠٢٦-٠٣-١٤"')
    assert schema_errors(arabic)
    assert schema_errors(GOOD + '    orari: {lun: "٠٩:٠٠-١٢:٠٠"}\n')
    assert schema_errors(GOOD + '    telefoni: ["٠٢ ٩٢٣٦ ٦٣٦٤"]\n')

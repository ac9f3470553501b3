"""One registry of problem codes (``data/problemi.yaml``): every stage reports from it.

The registry holds each code's severity, Italian message template and explanation; the stages
only name a code (``problems.messages.problem``), and docs/problemi.md is generated from the same
entries (tests/test_docs.py compares the committed page).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from servicemap.problems import docs as problems_docs
from servicemap.problems.codes import CODES, SECTIONS, RegistryError, load_registry
from servicemap.problems.messages import problem

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "servicemap"
REGISTRY = SRC / "data" / "problemi.yaml"


def schema_codes() -> set[str]:
    """The codes the published JSON Schema names (``x-codice``) for its own refusals."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "x-codice" in node:
                found.add(node["x-codice"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((SRC / "data" / "servizi.schema.json").read_text(encoding="utf-8")))
    return found


def test_every_code_the_schema_names_is_in_the_registry():
    named = schema_codes()
    assert "bad-date" in named
    assert named - set(CODES) == set()


def test_every_code_of_the_registry_is_reported_somewhere():
    """No entry documents a problem nothing can report: each code is named by a stage (the
    modules call ``problem(..., "code")``) or by the schema's ``x-codice``."""
    registry_module = SRC / "problems" / "codes.py"
    source = "".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p != registry_module
    )
    unused = sorted(c for c in CODES if f'"{c}"' not in source and c not in schema_codes())
    assert unused == []


def test_the_codes_of_all_stages_are_in_the_one_registry():
    """Reading, schema, checks, placing, territory and geocache: one registry, no stage's own."""
    assert {"yaml-syntax", "unknown-key", "bad-phone", "outside-comune"} <= set(CODES)
    assert {"territory-missing", "territory-invalid", "geocache-invalid"} <= set(CODES)
    stages = [p for p in SRC.rglob("*.py") if p.parent.name != "problems"]
    assert [p.name for p in stages if "MESSAGES" in p.read_text(encoding="utf-8")] == []


def test_a_problem_carries_the_registry_severity_and_message():
    entry = CODES["territory-missing"]
    shown = problem("dati/territorio.geojson", 1, 1, "territory-missing", file="territorio.geojson")
    assert (shown.severity, shown.code) == ("warning", "territory-missing")
    assert shown.message == (
        "Manca il file dei confini territorio.geojson: i servizi senza `posizione` non possono "
        "essere messi sulla mappa; crealo con `servicemap territory --municipalities ...`"
    )
    assert shown.message[1:] == entry.template.format(file="territorio.geojson")[1:]
    assert entry.fields == {"file"}


def test_a_code_outside_the_registry_is_a_bug_that_says_where_to_add_it():
    with pytest.raises(KeyError, match=re.escape("'no-such-code' is not in data/problemi.yaml")):
        problem("services.yaml", 1, 1, "no-such-code")


def test_sections_follow_the_page_and_every_code_has_its_text():
    titles = [s.title for s in SECTIONS]
    assert titles[0] == "Lettura del file" and "Territorio e posizione sulla mappa" in titles
    for code in CODES.values():
        assert code.severity in {"error", "warning"}
        assert code.template.strip() and code.explanation.strip(), code.code


ENTRY = "      {code}:\n        gravita: {severity}\n        messaggio: {message}\n" \
    "        spiegazione: {explanation}\n"  # fmt: skip


def registry(*entries: str, title: str = "Prova") -> str:
    return f"sezioni:\n  - titolo: {title}\n    problemi:\n" + "".join(entries)


def entry(code="a-code", severity="error", message="«{value}» non va", explanation="Spiega."):
    message = json.dumps(message, ensure_ascii=False)
    explanation = json.dumps(explanation, ensure_ascii=False)
    return ENTRY.format(code=code, severity=severity, message=message, explanation=explanation)


def test_a_well_formed_registry_is_read():
    [section] = load_registry(registry(entry(), entry(code="another", severity="warning")))
    assert [(c.code, c.severity, c.section) for c in section.codes] == [
        ("a-code", "error", "Prova"),
        ("another", "warning", "Prova"),
    ]
    assert section.codes[0].fields == {"value"}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (registry(entry(severity="errore")), "a-code: `gravita` is one of ['error', 'warning']"),
        (registry(entry(), entry()), "a-code: listed twice"),
        (registry(entry()) + registry(entry())[9:], "a-code: listed twice"),
        (registry(entry(message="una { sola")), "a-code: `messaggio` is not a valid template"),
        (registry(entry(message="{0}")), "a-code: `messaggio` fields are plain names"),
        (registry(entry(explanation="a | b")), "a-code: `spiegazione` is one line of a table"),
        (registry(entry(explanation="")), "a-code: spiegazione: a text is expected"),
        (registry(entry(code="Bad_Code")), "Bad_Code: a code is kebab-case"),
        ("servizi: []\n", "the registry holds one key, `sezioni`"),
    ],
)
def test_a_mistake_in_the_registry_is_named(text, says):
    with pytest.raises(RegistryError) as refused:
        load_registry(text)
    assert str(refused.value).startswith(says)


def test_the_page_command_writes_the_page_and_checks_it(tmp_path, capsys):
    page = tmp_path / "problemi.md"
    assert problems_docs.main(["--check", str(page)]) == 1
    assert capsys.readouterr().err == (f"{page} non è aggiornato: rigeneralo con `make problemi`\n")
    assert problems_docs.main([str(page)]) == 0
    assert page.read_text(encoding="utf-8") == problems_docs.render()
    assert problems_docs.main(["--check", str(page)]) == 0
    page.write_text(page.read_text(encoding="utf-8").replace("avviso", "errore", 1))
    assert problems_docs.main(["--check", str(page)]) == 1


def test_the_registry_file_is_the_one_the_package_reads():
    assert load_registry(REGISTRY.read_text(encoding="utf-8")) == SECTIONS

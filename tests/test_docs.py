"""The documentation keeps up with the code: commands, problem codes, keys, vocabularies.

As in sqlite-utils and Datasette, a command, a problem code or a key of the contract that nobody
documented fails a test: a volunteer reading CONTRIBUTING.md must find every key they can write
and every code the check can show them. The full example record of the guide is validated too.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
import yaml

from servicemap.cli import main as cli
from servicemap.problems import docs as problems_docs
from servicemap.problems.codes import CODES

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "servicemap"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
PROBLEM_DOCS = ROOT / "docs" / "problemi.md"  # the reference of every problem code


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def subcommands() -> list[str]:
    parser = cli.build_parser()
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(listed.dest for listed in action._choices_actions)  # old names are not listed


def schema_keys() -> set[str]:
    """Every key a volunteer may write, at any depth, from the published JSON Schema."""
    schema = json.loads((SRC / "data" / "servizi.schema.json").read_text(encoding="utf-8"))
    keys: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return keys


def test_every_command_is_documented():
    docs = read(ROOT / "README.md") + read(CONTRIBUTING)
    missing = [c for c in subcommands() if f"servicemap {c}" not in docs]
    assert not missing, f"commands not documented in README.md or CONTRIBUTING.md: {missing}"


def test_the_known_commands_are_there():
    assert {"validate", "diff", "report"} <= set(subcommands())


def test_the_problem_page_is_the_one_the_registry_generates():
    """docs/problemi.md is written from data/problemi.yaml (every code, its severity and its
    explanation, in the registry's sections): a code added or reworded there and not regenerated
    here fails, and so does a hand edit of the page."""
    expected = problems_docs.render()
    assert read(PROBLEM_DOCS) == expected, (
        f"{PROBLEM_DOCS.relative_to(ROOT)} non è quella generata da "
        f"src/servicemap/data/problemi.yaml: rigenera con: {problems_docs.REGENERATE}"
    )


def test_every_problem_code_has_its_row_in_the_page():
    page = read(PROBLEM_DOCS)
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (errore|avviso) \| ", page, flags=re.M)
    severity = {"error": "errore", "warning": "avviso"}
    assert rows == [(c.code, severity[c.severity]) for c in CODES.values()]
    assert {"bad-hours", "stale", "outside-comune", "geocache-invalid"} <= set(CODES)


def test_every_key_of_the_contract_is_explained_in_the_guide():
    guide = read(CONTRIBUTING)
    missing = sorted(k for k in schema_keys() if f"`{k}`" not in guide and f" {k}:" not in guide)
    assert not missing, f"keys not explained in CONTRIBUTING.md: {missing}"


def test_every_default_vocabulary_value_is_listed_in_the_guide():
    vocabulary = yaml.safe_load((SRC / "data" / "vocabolario.yaml").read_text(encoding="utf-8"))
    guide = read(CONTRIBUTING)
    for kind in ("tipo", "aree", "attivita", "accesso"):
        missing = [code for code in vocabulary[kind] if f"`{code}`" not in guide]
        assert not missing, f"{kind} values not listed in CONTRIBUTING.md: {missing}"


def test_the_guide_links_to_files_that_exist():
    guide = read(CONTRIBUTING)
    for target in re.findall(r"\]\((?!https?://|#)([^)]+)\)", guide):
        assert (ROOT / target).exists(), f"CONTRIBUTING.md links to a missing file: {target}"


def guide_example_records() -> list[str]:
    """The guide's example records (the YAML blocks that start with ``- id:``): the commented
    full record and the translated one."""
    blocks = re.findall(r"```yaml\n(.*?)```", read(CONTRIBUTING), flags=re.S)
    return [b for b in blocks if b.lstrip().startswith("- id:")]


def test_the_guide_has_the_full_record_and_the_translated_one():
    full, translated = guide_example_records()
    assert "verificato_da:" in full and "traduzioni:" in translated


@pytest.mark.parametrize("which", [0, 1])
def test_the_guide_example_record_is_valid(tmp_path, capsys, which):
    data = (
        "territorio:\n"
        "  nome: Distretto Sociale Est Milano\n"
        "  comuni: [Pioltello, Segrate, Vimodrone, Rodano]\n"
        "servizi:\n" + guide_example_records()[which]
    )
    path = tmp_path / "services.yaml"
    path.write_text(data, encoding="utf-8")
    code = cli.main(["validate", str(path), "--format", "json"])
    problems = json.loads(capsys.readouterr().out or "[]")
    errors = [(p["line"], p["code"], p["message"]) for p in problems if p["severity"] == "error"]
    assert errors == []
    assert code == 0

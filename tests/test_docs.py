"""The documentation keeps up with the code: commands, problem codes, keys, vocabularies.

As in sqlite-utils and Datasette, a command, a problem code or a key of the contract that nobody
documented fails a test: a volunteer reading CONTRIBUTING.md must find every key they can write
and every code the check can show them. The full example record of the guide is validated too.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

import pytest
import yaml

from servicemap.cli import main as cli

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


def problem_codes() -> set[str]:
    """Every code the package can report, found in the source (not by importing it).

    Codes live in ``MESSAGES`` registries (``messages.py`` and the stages' own) or, rarely, are
    written directly in a ``Problem(...)`` call (its fifth argument).
    """
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.AnnAssign | ast.Assign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                named = any(isinstance(t, ast.Name) and t.id == "MESSAGES" for t in targets)
                if named and isinstance(node.value, ast.Dict):
                    codes |= {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "Problem"
                and len(node.args) >= 5
                and isinstance(node.args[4], ast.Constant)
            ):
                codes.add(node.args[4].value)
    return codes


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


def test_every_problem_code_is_documented():
    codes = problem_codes()
    assert {"bad-hours", "duplicate-id", "stale"} <= codes  # the scan finds the registries
    docs = read(PROBLEM_DOCS) + read(CONTRIBUTING)
    missing = sorted(c for c in codes if f"`{c}`" not in docs)
    assert not missing, (
        f"problem codes not documented in {PROBLEM_DOCS.relative_to(ROOT)}: {missing}"
    )


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

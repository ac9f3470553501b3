"""The command's options are in English (like its commands); the first Italian spellings still
work, hidden from ``--help``; and the options the README and CONTRIBUTING show exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from servicemap.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("validate", "geocode", "territory", "diff", "report")
# old spelling -> (command, the spelling --help shows)
OLD_SPELLINGS = {
    "--riprova": ("geocode", "--retry-refused"),
    "--oggi": ("report", "--today"),
    "--comuni": ("territory", "--municipalities"),
    "--provincia": ("territory", "--province"),
    "--nome": ("territory", "--name"),
    "--anno": ("territory", "--year"),
    "--tolleranza": ("territory", "--tolerance"),
}


def help_of(capsys, *command: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_help_lists_the_commands_and_options_in_english_only(capsys):
    top = help_of(capsys)
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", top, re.M), command
    assert not re.search(r"^\s+territorio\b", top, re.M)  # the old name works, not listed
    for command in COMMANDS:
        shown = help_of(capsys, command)
        for old, (owner, new) in OLD_SPELLINGS.items():
            assert old not in shown, (command, old)
            if owner == command:
                assert new in shown, (command, new)


@pytest.mark.parametrize("old", sorted(OLD_SPELLINGS))
def test_an_old_spelling_means_the_same_as_the_new_one(old):
    command, new = OLD_SPELLINGS[old]
    value = {"--riprova": [], "--oggi": ["2026-03-15"], "--anno": ["2023"]}.get(old, ["0.5"])
    required = [] if command != "territory" or old == "--comuni" else ["--comuni", "X"]
    parser = build_parser()
    as_old = parser.parse_args([command, *required, old, *value])
    as_new = parser.parse_args([command, *required, new, *value])
    assert vars(as_old) == vars(as_new)
    if command == "territory":  # the command's first name too
        assert vars(parser.parse_args(["territorio", *required, old, *value])) == {
            **vars(as_new),
            "command": "territorio",
        }


def documented_options() -> list[tuple[str, str, str]]:
    """(file, command, option) for every option in the command tables of the docs."""
    found = []
    for name in ("README.md", "CONTRIBUTING.md"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            row = re.match(r"\| `servicemap (\w+)([^`]*)`", line)
            if row:
                found += [(name, row[1], o) for o in re.findall(r"--[a-z][a-z-]*", row[2])]
    return found


def test_the_docs_show_options_the_command_has(capsys):
    documented = documented_options()
    assert len(documented) > 10  # the tables were found
    for name, command, option in documented:
        assert command in COMMANDS, (name, command)
        assert re.search(rf"{option}\b", help_of(capsys, command)), (name, command, option)

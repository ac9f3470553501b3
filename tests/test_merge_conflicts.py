"""Unresolved git merge conflicts in any YAML file the loader reads: one problem per block."""

from __future__ import annotations

from servicemap.load import document as load

BLOCK = "<<<<<<< HEAD\n  nome: A\n=======\n  nome: B\n>>>>>>> altro-ramo\n"


def conflicts(text: str) -> list[tuple[int, int, str, str]]:
    node, problems = load.load_text(text, "services.yaml")
    assert node is None
    return [(p.line, p.column, p.code, p.message.split(":")[0]) for p in problems]


def test_each_block_is_reported_at_its_first_line():
    text = "servizi:\n" + BLOCK + "  x: 1\n" + BLOCK.replace("\n", "\r\n")  # CRLF from Windows
    assert conflicts(text) == [
        (2, 1, "merge-conflict", "Conflitto di merge non risolto (righe 2-6)"),
        (8, 1, "merge-conflict", "Conflitto di merge non risolto (righe 8-12)"),
    ]


def test_a_block_never_closed_runs_to_the_end_of_the_file():
    text = "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n"
    assert conflicts(text) == [
        (2, 1, "merge-conflict", "Conflitto di merge non risolto (righe 2-5)")
    ]


def test_a_lone_closing_marker_is_still_a_conflict():
    text = "a: 1\nb: 2\n>>>>>>> 1a2b3c4 (aggiunge lo sportello)\n"
    assert conflicts(text) == [
        (3, 1, "merge-conflict", "Conflitto di merge non risolto (righe 3-3)")
    ]


def test_an_underline_in_a_block_of_text_is_not_a_conflict():
    text = "servizi: []\nnota: |\n  Orari\n  =======\n  <<<<<<< non a inizio riga\n"
    node, problems = load.load_text(text, "services.yaml")
    assert problems == []
    assert node.plain()["nota"] == "Orari\n=======\n<<<<<<< non a inizio riga\n"


def test_thousands_of_markers_give_at_most_twenty_problems():
    node, problems = load.load_text(">>>>>>> x\n" * 100_000, "services.yaml")
    assert node is None and len(problems) == 20

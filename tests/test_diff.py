"""``servicemap diff``: the summary a reviewer reads on a volunteer's pull request."""

from __future__ import annotations

import re
from pathlib import Path

import needs
import pytest
from gitrepo import git, init_repo

from servicemap.cli import main as cli
from servicemap.tools import diff

BASE = """\
territorio:
  nome: Distretto di prova
  comuni: [Pioltello, Segrate]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto Caritas Pioltello
    tipo: [centro-ascolto]
    indirizzo:
      via: Via Roma 1
      comune: Pioltello
    telefoni: ["02 9236 6364"]
    orari:
      lun: "09:00-12:00"
    aggiornato: "2024-03-14"
  - id: sportello-segrate
    nome: Sportello sociale Segrate
    tipo: [sportello]
    indirizzo: {comune: Segrate}
    aggiornato: "2024-03-14"
"""

HEAD = """\
territorio:
  nome: Distretto di prova
  comuni: [Pioltello, Segrate]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto Caritas Pioltello
    tipo: [centro-ascolto, hub-digitale]
    indirizzo:
      via: Via Roma 2
      comune: Pioltello
    telefoni: ["02 9236 6364"]
    orari:
      lun: "09:00-12:00"
      mer: "09:00-12:00, 15:00-18:00"
    aggiornato: "2025-02-01"
  - id: hub-segrate
    nome: Hub digitale Segrate
    tipo: [hub-digitale]
    indirizzo: {comune: Segrate}
    aggiornato: "2025-02-01"
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway repository: ``main`` holds BASE, branch ``proposta`` (checked out) HEAD."""
    init_repo(tmp_path, BASE)
    git(tmp_path, "checkout", "-q", "-b", "proposta")
    (tmp_path / "services.yaml").write_text(HEAD, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "proposta")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_summary_lists_added_changed_removed(repo, capsys):
    code, out, _ = run_cli(capsys, "main", "HEAD")
    assert code == 0
    assert out.splitlines() == [
        "Modifiche a services.yaml tra main e HEAD: 1 scheda aggiunta, 1 modificata, 1 rimossa.",
        "+ hub-segrate: Hub digitale Segrate (Segrate) (riga 16)",
        "~ caritas-pioltello: Centro di ascolto Caritas Pioltello (Pioltello) (riga 5)",
        "    tipo: centro-ascolto -> centro-ascolto, hub-digitale",
        "    indirizzo.via: Via Roma 1 -> Via Roma 2",
        "    orari.mer: (assente) -> 09:00-12:00, 15:00-18:00",
        "    aggiornato: 2024-03-14 -> 2025-02-01",
        "- sportello-segrate: Sportello sociale Segrate (Segrate)",
    ]


def test_markdown_summary_is_a_table_per_changed_record(repo, capsys):
    code, out, _ = run_cli(capsys, "main", "HEAD", "--format", "markdown")
    assert code == 0
    assert "**1 scheda aggiunta, 1 modificata, 1 rimossa**" in out
    assert "#### Schede aggiunte (1)" in out
    assert "#### Schede modificate (1)" in out
    assert "#### Schede rimosse (1)" in out
    assert "| `indirizzo.via` | `Via Roma 1` | `Via Roma 2` |" in out
    assert "| `orari.mer` | *(assente)* | `09:00-12:00, 15:00-18:00` |" in out
    assert "- **`Sportello sociale Segrate (Segrate)`**: id `sportello-segrate`" in out


def test_working_copy_path_compares_uncommitted_edits(repo, capsys):
    (repo / "services.yaml").write_text(HEAD.replace("Via Roma 2", "Via Roma 3"), encoding="utf-8")
    code, out, _ = run_cli(capsys, "HEAD", "services.yaml")
    assert code == 0
    assert "indirizzo.via: Via Roma 2 -> Via Roma 3" in out
    assert "1 modificata" in out


def test_unchanged_versions_say_so(repo, capsys):
    code, out, _ = run_cli(capsys, "HEAD", "HEAD")
    assert code == 0
    assert "Nessuna scheda aggiunta, modificata o rimossa." in out


def test_unreadable_proposal_is_reported_not_crashed(repo, capsys):
    broken = HEAD.replace('      mer: "09:00-12:00, 15:00-18:00"\n', "      mer: [09:00\n")
    (repo / "services.yaml").write_text(broken, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "rotto")
    code, out, err = run_cli(capsys, "main", "HEAD", "--format", "markdown")
    assert code == 0
    assert "Traceback" not in out + err
    assert "**confronto non possibile**" in out
    assert "Il file in HEAD non si legge (riga" in out
    assert "Schede rimosse" not in out  # an unreadable file must not look like a mass deletion


def test_file_new_in_head_lists_every_record_as_added(repo, capsys):
    git(repo, "mv", "services.yaml", "nuovo.yaml")
    git(repo, "commit", "-q", "-m", "rinomina")
    code, out, _ = run_cli(capsys, "main", "HEAD", "--file", "nuovo.yaml")
    assert code == 0
    assert "Il file non esiste in main" in out
    assert "2 schede aggiunte, 0 modificate, 0 rimosse" in out


def test_unknown_revision_is_a_usage_error(repo, capsys):
    code, out, err = run_cli(capsys, "origin/non-esiste", "HEAD")
    assert code == 2
    assert out == ""
    assert "«origin/non-esiste» non è né un file né una revisione git" in err


def test_records_without_id_or_with_repeated_id_are_noted(tmp_path, capsys):
    base = tmp_path / "a.yaml"
    head = tmp_path / "b.yaml"
    base.write_text(BASE, encoding="utf-8")
    head.write_text(
        BASE + "  - nome: Senza id\n  - id: caritas-pioltello\n    nome: Doppione\n",
        encoding="utf-8",
    )
    result = diff.compare(
        diff.read_version(str(base), "services.yaml"), diff.read_version(str(head), "services.yaml")
    )
    text = diff.format_text(result, "services.yaml")
    assert "la scheda alla riga 20 non ha un `id`" in text
    assert "l'id «caritas-pioltello» è ripetuto alle righe 5 e 21" in text
    assert result.empty


HOSTILE_VALUES = [
    "https://evil.example/x",
    "www.evil.example",
    "scrivi a @mario",
    "vedi #123",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "a | b || c",
    "barra \\| e pipe",
    "`codice` e ``doppio``",
    "`",
    " spazi ",
    "riga uno\nriga due\r\nriga tre",
    "**grassetto** [clic](javascript:alert(1)) :+1: ~~no~~",
    "finisce con \\",
]


def _cells(rendered: str, allowed: frozenset[str] = frozenset({"code"})) -> list[str]:
    """The text of each ``<td>`` of a GitHub-rendered table; no markup but ``allowed`` in it."""
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.cells: list[str] = []
            self.tags: list[str] = []
            self.depth = 0

        def handle_starttag(self, tag, attrs):
            if tag == "td":
                self.cells.append("")
                self.depth = 1
            elif self.depth:
                self.tags.append(tag)

        def handle_endtag(self, tag):
            if tag == "td":
                self.depth = 0

        def handle_data(self, data):
            if self.depth:
                self.cells[-1] += data

    parser = Cells()
    parser.feed(rendered)
    assert set(parser.tags) <= allowed, parser.tags  # no link, no HTML, no emphasis
    return parser.cells


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_markdown_values_render_as_literal_text_on_github(value):
    """Rendered with GitHub's own Markdown (cmark-gfm with its table and autolink extensions):
    each value is one cell of inert text, exactly as written, line breaks shown as ⏎."""
    cmarkgfm = needs.module("cmarkgfm")
    table = "| Campo | Dopo |\n| --- | --- |\n" + f"| k | {diff.markdown_literal(value)} |\n"
    rendered = cmarkgfm.github_flavored_markdown_to_html(table)
    shown = value.replace("\r\n", "⏎").replace("\n", "⏎")
    assert _cells(rendered) == ["k", shown]
    assert "<a " not in rendered and "<script" not in rendered
    for word in ("@mario", "#123"):  # GitHub links mentions and issues only outside code
        if word in value:
            assert re.search(rf"<code>[^<]*{word}", rendered)


def test_a_changed_record_with_hostile_text_stays_in_its_table(repo, capsys):
    """The whole comment, not just one cell: rows, columns and headings stay as they are."""
    cmarkgfm = needs.module("cmarkgfm")
    hostile = "Nuovo | nome @mario #1 https://evil.example `x`"
    text = HEAD.replace("Via Roma 2", f'"{hostile}"')
    (repo / "services.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run_cli(capsys, "main", "services.yaml", "--format", "markdown")
    assert code == 0, out
    rendered = cmarkgfm.github_flavored_markdown_to_html(out)
    assert "<a " not in rendered
    cells = _cells(rendered, frozenset({"code", "em"}))  # *(assente)* is ours
    assert "Via Roma 1" in cells and hostile in cells


def test_plain_text_of_nested_values():
    assert diff.plain_text(["it", "en"]) == "it, en"
    closures = [{"dal": "2026-08-01", "al": "2026-08-31", "nota": "Ferie"}, {"dal": "2026-12-24"}]
    assert (
        diff.plain_text(closures) == "dal: 2026-08-01, al: 2026-08-31, nota: Ferie; dal: 2026-12-24"
    )
    assert diff.plain_text("Accoglienza,\n  ascolto") == "Accoglienza, ascolto"
    assert diff.plain_text(None) == ""

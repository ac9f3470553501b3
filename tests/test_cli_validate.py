"""``servicemap validate``: exit codes, formats, and never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from servicemap.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
GOOD = """\
territorio:
  nome: Distretto
  comuni: [Pioltello]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto
    tipo: [centro-ascolto]
    indirizzo: {comune: Pioltello}
    aggiornato: "{date}"
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, text: str) -> str:
    (folder / "services.yaml").write_text(text, encoding="utf-8")
    return "services.yaml"


def recent() -> str:
    import datetime as dt

    return (dt.date.today() - dt.timedelta(days=10)).isoformat()


def test_valid_file_exits_0(folder, capsys):
    code = cli.main(["validate", write(folder, GOOD.replace("{date}", recent()))])
    out, err = capsys.readouterr()
    assert code == 0
    assert "1 schede, 0 errori" in err and "valido" in err
    assert "Traceback" not in out + err


def test_errors_exit_1_and_print_file_line_column(folder, capsys):
    text = GOOD.replace("{date}", recent()).replace("comune: Pioltello", "comune: Pioltelo")
    code = cli.main(["validate", write(folder, text)])
    out, err = capsys.readouterr()
    assert code == 1
    line = next(x for x in out.splitlines() if "unknown-comune" in x)
    assert line.startswith("services.yaml:8:25: error: `indirizzo.comune`: «Pioltelo»")
    assert "NON valido" in err


def test_warnings_pass_but_fail_with_strict(folder, capsys):
    path = write(folder, GOOD.replace("{date}", "2020-01-01"))
    assert cli.main(["validate", path]) == 0
    out, _ = capsys.readouterr()
    assert "services.yaml:9:17: warning:" in out and "[stale]" in out
    assert cli.main(["validate", path, "--strict"]) == 1


def test_github_annotations(folder, capsys):
    text = GOOD.replace("{date}", recent()).replace("[centro-ascolto]", "[centro-ascolto, x]")
    assert cli.main(["validate", write(folder, text), "--format", "github"]) == 1
    out, _ = capsys.readouterr()
    lines = [x for x in out.splitlines() if "services.yaml" in x]
    assert lines[0].startswith("::error file=services.yaml,line=7,col=28,title=unknown-term::")


def test_json_output(folder, capsys):
    text = GOOD.replace("{date}", recent()) + "    telefno: []\n"
    assert cli.main(["validate", write(folder, text), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [(p["line"], p["code"]) for p in problems if p["file"] == "services.yaml"] == [
        (10, "unknown-key")
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"a: \xff\n", "not-utf8"),
        (b"", "empty-file"),
        (b"a: !!python/object/apply:os.system [ls]\n", "tag"),
        (b"- a\n- b\n", "root-not-mapping"),
    ],
)
def test_hostile_files_exit_1_without_traceback(folder, capsys, data, code):
    (folder / "services.yaml").write_bytes(data)
    assert cli.main(["validate", "services.yaml"]) == 1
    out, err = capsys.readouterr()
    assert f"[{code}]" in out and "Traceback" not in out + err


def test_missing_file(folder, capsys):
    assert cli.main(["validate", "nessuno.yaml"]) == 1
    assert "[file-not-found]" in capsys.readouterr().out


def test_the_repository_example_is_valid(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert cli.main(["validate", "services.yaml"]) == 0
    out, _ = capsys.readouterr()
    assert ": error:" not in out
    assert os.path.exists(ROOT / "services.yaml")

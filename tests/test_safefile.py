"""Nothing from outside the project is read: links, devices, FIFOs and huge files are refused.

A pull request can commit a symbolic link (``services.yaml -> /proc/self/environ``); a path can
name ``/dev/zero`` or a FIFO. Each is refused with its own Italian message, at once, before
anything is read, by the CLI and by every reader of the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import synthetic

from servicemap import pipeline
from servicemap.load import document as load
from servicemap.load import safefile
from servicemap.tools import diff
from servicemap.validate.project import Project

CLI = [sys.executable, "-m", "servicemap.cli.main"]
VALID = synthetic.to_yaml(synthetic.records(2))


def validate(path: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``servicemap validate PATH`` in a subprocess: a hang fails this test, not the suite."""
    return subprocess.run(
        [*CLI, "validate", path], cwd=cwd, capture_output=True, text=True, timeout=30
    )


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A private file of somebody else, outside the project folder."""
    secret = tmp_path / "fuori" / "segreto.yaml"
    secret.parent.mkdir()
    secret.write_text("territorio: {nome: SEGRETO-123}\nservizi: []\n", encoding="utf-8")
    return secret


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "progetto"
    root.mkdir()
    return root


# --- the CLI: devices, FIFOs, links -----------------------------------------------------------


def test_validate_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    proc = validate("/dev/zero", tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        "/dev/zero:1:1: error: Il file non è un file normale ma un dispositivo: non viene letto"
    ), proc.stdout
    assert "[file-special]" in proc.stdout and "Traceback" not in proc.stderr


def test_validate_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "services.yaml")
    proc = validate("services.yaml", tmp_path)
    assert proc.returncode == 1
    assert "services.yaml:1:1: error: Il file non è un file normale ma una pipe (FIFO)" in (
        proc.stdout
    )
    assert "Traceback" not in proc.stderr


def test_a_fifo_swapped_in_after_the_check_cannot_hang_the_read(tmp_path: Path) -> None:
    """``stat`` saw a regular file; ``open`` finds a FIFO: O_NONBLOCK, then fstat refuses it."""
    fifo = tmp_path / "services.yaml"
    os.mkfifo(fifo)
    code = (
        "import os, sys; from pathlib import Path; from servicemap.load import safefile\n"
        f"regular = os.stat({str(Path(__file__))!r}); real = os.stat\n"
        f"os.stat = lambda p, *a, **k: regular if str(p) == {str(fifo)!r} else real(p, *a, **k)\n"
        f"data, [p] = safefile.read_bytes(Path({str(fifo)!r}), 'services.yaml', max_bytes=10**6)\n"
        "print(p.code, p.message)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("file-unreadable Impossibile leggere il file (il file è cambiato")


def test_validate_refuses_a_link_out_of_its_folder(project: Path, outside: Path) -> None:
    (project / "services.yaml").symlink_to("../fuori/segreto.yaml")  # the link as committed
    proc = validate("services.yaml", project)
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        "services.yaml:1:1: error: Il file è un collegamento a «../fuori/segreto.yaml», fuori dal "
        "progetto: "
        "non viene letto; copia il contenuto nel file al posto del collegamento "
        "[file-outside-project]"
    ), proc.stdout
    assert "SEGRETO-123" not in proc.stdout + proc.stderr


def test_validate_refuses_proc_self_environ_behind_a_link(project: Path) -> None:
    (project / "services.yaml").symlink_to("/proc/self/environ")
    proc = validate("services.yaml", project)
    assert proc.returncode == 1
    assert "«/proc/self/environ», fuori dal progetto" in proc.stdout
    assert "[file-outside-project]" in proc.stdout


def test_oversized_file_is_refused_from_its_size(project: Path) -> None:
    """A sparse file of 21 MB (nothing on disk): refused from ``stat``, never read."""
    with open(project / "services.yaml", "wb") as out:
        out.truncate(load.MAX_BYTES + 1024 * 1024)
    proc = validate("services.yaml", project)
    assert proc.returncode == 1
    assert "Il file è troppo grande (21.0 MB, massimo 20.0 MB): dividilo [file-too-large]" in (
        proc.stdout
    )


def test_a_file_that_lies_about_its_size_is_read_only_up_to_the_limit() -> None:
    """``/proc`` files say size 0: the read itself is bounded (at most the maximum plus one).

    ``/proc/self/cmdline`` (never empty: it holds this Python's command line), not ``environ``,
    which is empty in an empty environment."""
    cmdline = Path("/proc/self/cmdline")
    assert os.stat(cmdline).st_size == 0 and cmdline.read_bytes()
    data, [found] = safefile.read_bytes(cmdline, "cmdline", max_bytes=1)
    assert data is None and found.code == "file-too-large"


# --- the build's readers: every data file of a territory ---------------------------------------


def test_a_link_inside_the_project_is_kept(project: Path) -> None:
    (project / "dati").mkdir()
    (project / "dati" / "services.yaml").write_text(VALID, encoding="utf-8")
    (project / "services.yaml").symlink_to("dati/services.yaml")
    result = pipeline.run(Project.from_options(project, {}), place_records=False)
    assert [p.code for p in result.problems if p.severity == "error"] == []
    assert len(result.services) == 2


@pytest.mark.parametrize(
    "name", ["services.yaml", "vocabolario.yaml", "territorio.geojson", "geocache.yaml"]
)
def test_every_data_file_behind_a_link_out_of_the_project_is_refused(
    project: Path, outside: Path, name: str
) -> None:
    (project / "services.yaml").write_text(VALID, encoding="utf-8")
    (project / name).unlink(missing_ok=True)
    (project / name).symlink_to("../fuori/segreto.yaml")
    result = pipeline.run(Project.from_options(project, {}))
    [found] = [p for p in result.problems if p.code == "file-outside-project"]
    assert Path(found.file).name == name and found.severity == "error"
    assert found.message.startswith(
        "Il file è un collegamento a «../fuori/segreto.yaml», fuori dal progetto"
    )
    assert not result.ok
    assert "SEGRETO-123" not in str(result.problems)


def test_a_project_folder_replaced_by_a_link_is_refused(project: Path, tmp_path: Path) -> None:
    """``data_file: dati/services.yaml``, and a pull request turns ``dati/`` into a link."""
    elsewhere = tmp_path / "altrove"
    elsewhere.mkdir()
    (elsewhere / "services.yaml").write_text(VALID, encoding="utf-8")
    (project / "dati").symlink_to(elsewhere)
    options = {"data_file": "dati/services.yaml"}
    result = pipeline.run(Project.from_options(project, options), place_records=False)
    assert [p.code for p in result.problems] == ["file-outside-project"]


def test_a_data_file_configured_outside_the_project_is_the_maintainers_choice(
    project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "altrove"
    elsewhere.mkdir()
    (elsewhere / "services.yaml").write_text(VALID, encoding="utf-8")
    options = {"data_file": "../altrove/services.yaml"}
    result = pipeline.run(Project.from_options(project, options), place_records=False)
    assert len(result.services) == 2
    assert [p.code for p in result.problems if p.severity == "error"] == []


def test_a_link_into_git_is_refused_even_inside_the_project(project: Path) -> None:
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(
        '[http]\n\textraheader = "AUTHORIZATION: basic TOKEN-456"\n', encoding="utf-8"
    )
    (project / "services.yaml").symlink_to(".git/config")
    result = pipeline.run(Project.from_options(project, {}))
    [found] = result.problems
    assert found.code == "file-in-git" and found.file == str(project / "services.yaml")
    assert found.message == (
        "Il file è un collegamento a «.git/config», dentro la cartella .git (che contiene le "
        "credenziali del repository): non viene letto; copia il contenuto nel file al posto del "
        "collegamento"
    )
    assert "TOKEN-456" not in str(result.problems)


def test_diff_of_a_path_reads_it_safely(project: Path, outside: Path) -> None:
    (project / "services.yaml").symlink_to(outside)
    snap = diff.read_version("services.yaml", "services.yaml", cwd=project)
    [found] = snap.problems
    assert found.code == "file-outside-project" and not snap.records


# --- docs_dir: what MkDocs would publish ---------------------------------------------------------


def scan(docs: Path) -> list[tuple[str, str]]:
    return [(Path(p.file).relative_to(docs).as_posix(), p.code) for p in safefile.scan_tree(docs)]


def test_scan_refuses_links_out_of_docs_dir_and_keeps_those_inside(project: Path, outside: Path):
    docs = project / "content"
    (docs / "img").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "img" / "logo.png").write_bytes(b"\x89PNG")
    (docs / "logo.png").symlink_to("img/logo.png")  # inside: kept
    (docs / "stessa").symlink_to("img")  # a folder inside: kept
    (docs / "segreto.md").symlink_to(outside)
    (docs / "ambiente.md").symlink_to("/proc/self/environ")
    (docs / "servizi.md").symlink_to("../services.yaml")  # in the project, not in docs_dir
    (docs / "disco").symlink_to("/")  # MkDocs would walk the whole disk
    (docs / "tutto").symlink_to(".")  # a loop
    (docs / ".nascosto").symlink_to(outside)  # excluded by MkDocs, refused all the same
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("token\n", encoding="utf-8")
    (docs / "config.md").symlink_to("../.git/config")
    (docs / "rotto.md").symlink_to("non-esiste.md")
    os.mkfifo(docs / "tubo.pdf")
    assert scan(docs) == [
        (".nascosto", "file-outside-project"),
        ("ambiente.md", "file-outside-project"),
        ("config.md", "file-in-git"),
        ("disco", "file-outside-project"),
        ("rotto.md", "file-not-found"),
        ("segreto.md", "file-outside-project"),
        ("servizi.md", "file-outside-project"),
        ("tubo.pdf", "file-special"),
        ("tutto", "link-loop"),
    ]


def test_scan_refuses_a_docs_dir_that_is_a_link_out_of_the_project(
    project: Path, tmp_path: Path
) -> None:
    home = tmp_path / "casa"
    home.mkdir()
    (home / "id_rsa").write_text("chiave privata\n", encoding="utf-8")
    (project / "content").symlink_to("../casa")
    [found] = safefile.scan_tree(project / "content", project=project)
    assert found.code == "file-outside-project" and found.file == str(project / "content")
    assert "«../casa», fuori dal progetto: non viene pubblicato" in found.message
    assert safefile.scan_tree(project / "content") == []  # configured elsewhere: trusted


def test_scan_refuses_git_inside_docs_dir(project: Path) -> None:
    docs = project / "content"
    (docs / ".git").mkdir(parents=True)
    (docs / ".git" / "config").write_text("token\n", encoding="utf-8")
    (docs / "config.md").symlink_to(".git/config")
    [found] = safefile.scan_tree(docs)
    assert found.code == "file-in-git" and "non viene pubblicato" in found.message


def test_scan_refuses_oversized_files(project: Path, monkeypatch) -> None:
    docs = project / "content"
    docs.mkdir()
    with open(docs / "volantino.pdf", "wb") as out:
        out.truncate(safefile.MAX_CONTENT_BYTES + 1)
    [found] = safefile.scan_tree(docs)
    assert found.code == "content-too-large"
    assert found.message == (
        "Il file è troppo grande per il sito (100.0 MB, massimo 100.0 MB): riducilo, oppure "
        "pubblicalo altrove e mettici un link"
    )

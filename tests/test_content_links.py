"""Nothing from outside the project is published: links in ``content/`` are checked first.

git stores symbolic links, so a pull request can add ``content/x.md -> /proc/self/environ`` (the
build's environment), ``-> ../.git/config`` (where CI's checkout keeps its token) or a link to
any file of the machine. Each stops the real ``mkdocs build`` with the file's name, nothing is
published and the previous site stays as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import leftovers, run_build, snapshot

SECRET = "SEGRETO-7f3a"


def _outside_file(root: Path) -> str:
    secret = root.parent / "altro" / "segreto.txt"
    secret.parent.mkdir()
    secret.write_text(f"password: {SECRET}\n", encoding="utf-8")
    return "../../altro/segreto.txt"  # from content/: a relative link, as git stores it


def _git_config(root: Path) -> str:
    (root / ".git").mkdir()
    token = f'[http]\n\textraheader = "AUTHORIZATION: basic {SECRET}"\n'
    (root / ".git" / "config").write_text(token, encoding="utf-8")
    return "../.git/config"


TARGETS = {
    "outside": _outside_file,
    "environ": lambda root: "/proc/self/environ",
    "git-config": _git_config,
}


@pytest.mark.parametrize("name", ["x.md", "allegati/volantino.pdf"])
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_a_link_out_of_content_stops_the_build_and_publishes_nothing(
    own_site, target: str, name: str
) -> None:
    config, site = own_site()
    root = config.parent
    assert run_build(config, site).returncode == 0
    before = snapshot(site)
    link = root / "content" / name
    link.parent.mkdir(exist_ok=True)
    pointed = TARGETS[target](root)
    if name.startswith("allegati/") and pointed.startswith(".."):
        pointed = "../" + pointed
    link.symlink_to(pointed)
    build = run_build(config, site, env={"SERVICEMAP_TEST_SECRET": SECRET})
    assert build.returncode == 1
    assert "Traceback" not in build.output
    why = (
        "dentro la cartella .git (che contiene le credenziali del repository)"
        if target == "git-config"
        else "fuori dalla cartella content"
    )
    code = "file-in-git" if target == "git-config" else "file-outside-project"
    expected = (
        f"content/{name}:1:1: error: Il file è un collegamento a «{pointed}», {why}: non viene "
        f"pubblicato; copia il contenuto nel file al posto del collegamento [{code}]"
    )
    assert expected in build.output, build.output
    assert (
        f"1 file di content non si possono pubblicare (elencati sopra). Il sito non è stato "
        f"costruito: {site} resta com'era."
    ) in build.output
    assert snapshot(site) == before
    assert SECRET not in build.output
    assert leftovers(root) == []


def test_content_replaced_by_a_link_out_of_the_project_publishes_nothing(own_site) -> None:
    config, site = own_site()
    root = config.parent
    assert run_build(config, site).returncode == 0
    before = snapshot(site)
    home = root.parent / "casa"
    shutil.copytree(root / "content", home)
    (home / "chiave.txt").write_text(SECRET, encoding="utf-8")
    shutil.rmtree(root / "content")
    (root / "content").symlink_to("../casa")
    build = run_build(config, site)
    assert build.returncode == 1 and "Traceback" not in build.output
    assert (
        "content:1:1: error: Il file è un collegamento a «../casa», fuori dal progetto: non viene "
        "pubblicato"
    ) in build.output
    assert snapshot(site) == before


def test_a_link_inside_content_is_published(own_site) -> None:
    config, site = own_site()
    content = config.parent / "content"
    (content / "img").mkdir()
    (content / "img" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (content / "logo.svg").symlink_to("img/logo.svg")
    build = run_build(config, site)
    assert build.returncode == 0, build.output
    assert (site / "logo.svg").read_text(encoding="utf-8") == "<svg/>"
    assert (site / "img" / "logo.svg").is_file()


def test_a_data_file_linked_out_of_the_project_stops_the_build(own_site) -> None:
    config, site = own_site()
    root = config.parent
    assert run_build(config, site).returncode == 0
    before = snapshot(site)
    (root / "territorio.geojson").unlink()
    (root / "territorio.geojson").symlink_to("/proc/self/environ")
    build = run_build(config, site)
    assert build.returncode == 1 and "Traceback" not in build.output
    assert "territorio.geojson:1:1: error: Il file è un collegamento a «/proc/self/environ», " in (
        build.output
    )
    assert snapshot(site) == before

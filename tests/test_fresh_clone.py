"""A fresh clone builds its site with the README's first command, and nothing else.

The repository's committed state (``git clone`` of HEAD) goes into a temporary folder, where the
first command of the README's "Quick start" runs as a newcomer would type it: it must create its
own ``.venv``, install the project and build ``site_build/``. This proves that the install steps
live in the project's files (Makefile, pyproject.toml), not on the machine that wrote them. pip's
own cache is reused, so the download is not repeated: about a minute, the slowest test of the
suite (marker ``fresh_clone``; ``-m "not fresh_clone"`` leaves it out while working).
"""

from __future__ import annotations

import html
import os
import re
import shlex
import subprocess
from pathlib import Path

import needs
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.fresh_clone

# What a new terminal would not have: the test run's own virtualenv and make's nesting.
_NOT_FRESH = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")


def quick_start(readme: str) -> list[str]:
    """The commands of the first code block under the README's ``## Quick start`` heading."""
    section = re.search(r"^## Quick start\n(.*?)(?=^## |\Z)", readme, re.M | re.S)
    assert section, "README.md has no '## Quick start' section"
    block = re.search(r"^```[a-z]*\n(.*?)^```", section.group(1), re.M | re.S)
    assert block, "the Quick start section has no code block"
    lines = [line.strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_quick_start_is_read_from_the_readme() -> None:
    readme = "# x\n\n## Quick start\n\n```sh\n# comment\nmake site\nmake test\n```\n\n## Other\n"
    assert quick_start(readme) == ["make site", "make test"]
    with pytest.raises(AssertionError, match="Quick start"):
        quick_start("# x\n\n## Other\n")


def fresh_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _NOT_FRESH}
    # The test run's .venv/bin first on PATH would hide the python3 a newcomer has.
    venv_bin = str(Path(os.environ["VIRTUAL_ENV"]) / "bin") if "VIRTUAL_ENV" in os.environ else ""
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    return env


def test_a_fresh_clone_builds_the_site_with_the_readme_first_command(tmp_path: Path) -> None:
    needs.command("git")
    needs.command("make", "Debian: apt-get install make")
    clone = tmp_path / "servicemap"
    subprocess.run(
        ["git", "clone", "--quiet", str(REPO), str(clone)], check=True, capture_output=True
    )
    command = quick_start((clone / "README.md").read_text(encoding="utf-8"))[0]
    done = subprocess.run(
        shlex.split(command),
        cwd=clone,
        env=fresh_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{command!r} failed in a fresh clone:\n{output[-4000:]}"
    assert (clone / ".venv" / "bin" / "python").exists()  # it made its own environment

    site = clone / "site_build"
    config = (clone / "mkdocs.yml").read_text(encoding="utf-8")
    site_name = re.search(r"^site_name:\s*(.+)$", config, re.M).group(1).strip()  # type: ignore[union-attr]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert html.escape(site_name, quote=False) in index

    first = yaml.safe_load((clone / "services.yaml").read_text(encoding="utf-8"))["servizi"][0]
    card = site / "servizi" / first["id"] / "index.html"
    assert card.exists(), f"no page for {first['id']}"
    assert html.escape(first["nome"], quote=False) in card.read_text(encoding="utf-8")

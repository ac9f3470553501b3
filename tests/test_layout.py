"""The tree shows the pipeline: import-linter keeps the layers true, the wheel holds no test data.

The contracts are in pyproject.toml (``[tool.importlinter]``): a module imports only from its own
layer or those below it (cli > adapters > tools | render | export > pipeline > place > validate >
load > problems > core), and no two packages or modules import each other.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_import_linter_contracts_are_kept() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "2 kept, 0 broken" in out, out


def test_the_package_holds_no_test_data() -> None:
    """synthetic.py (hostile strings for tests and benchmarks) lives in tests/, not in the wheel."""
    assert importlib.util.find_spec("servicemap.synthetic") is None
    package = ROOT / "src" / "servicemap"
    assert not list(package.rglob("synthetic*.py"))


def test_every_stage_is_a_package() -> None:
    """A newcomer sees load -> validate -> place -> render / export -> adapters in the tree."""
    package = ROOT / "src" / "servicemap"
    flat = sorted(p.name for p in package.glob("*.py") if p.name != "__init__.py")
    assert flat == ["pipeline.py"], flat
    stages = {"core", "problems", "load", "validate", "place", "render", "export", "tools"}
    assert stages | {"adapters", "cli"} <= {p.name for p in package.iterdir() if p.is_dir()}

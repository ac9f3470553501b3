"""What a test needs from the machine: where it is missing, a skip with the fix, or in CI a failure.

CI (``CI=true``: ``.ci/run`` sets it, hosted CI services too) installs everything the tests use
(``make test``: Chromium, Java and the Nu checker, the ``test`` and ``territory`` extras), so a
missing browser or tool there is a broken machine, and a skip would pass pages nobody checked.
Every skip of the suite goes through ``unavailable``: ``tests/test_skips.py`` checks that no test
skips any other way, and ``conftest.py`` turns any skip left in a CI run into a failure.
"""

from __future__ import annotations

import importlib
import os
import shutil
from types import ModuleType
from typing import NoReturn

import pytest

FIX_TEST_EXTRA = "eseguire .venv/bin/pip install -e '.[test,territory]' (make test lo fa da sé)"


def in_ci() -> bool:
    """Whether this run is CI's: ``CI`` set to anything but empty, ``0`` or ``false``."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> NoReturn:
    """Stop the test: skipped with ``reason`` on a developer's machine, failed in CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI: un test che non può girare fallisce)", pytrace=False)
    pytest.skip(reason)


def module(name: str, fix: str = FIX_TEST_EXTRA) -> ModuleType:
    """``import name``, or ``unavailable`` with the command that installs it."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        unavailable(f"{name} non è installato ({exc}): {fix}")


def command(name: str, fix: str = "") -> str:
    """The path of the program ``name`` on PATH, or ``unavailable`` with ``fix``."""
    found = shutil.which(name)
    if found is None:
        unavailable(f"il comando {name} non c'è{': ' + fix if fix else ''}")
    return found

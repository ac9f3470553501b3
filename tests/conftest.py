"""Shared fixtures: synthetic sites built with the real ``mkdocs build`` in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import synthetic

REPO = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def pytest_report_header(config: pytest.Config) -> list[str]:
    """The browser and axe-core the results hold for: a page that passes in one Chromium may fail
    in the next one, so a report names them."""
    import browser

    problem = browser.missing()
    if problem:
        return [f"browser: {problem}"]
    try:
        axe = f"axe-core {browser.axe_version()}"
    except ImportError:
        axe = "axe-core: non installato (axe-playwright-python)"
    return [f"browser: {browser.chromium_version()} ({browser.CHROMIUM})", axe]


@dataclass
class Build:
    """The result of one ``mkdocs build``: exit status, output and the built folder."""

    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def site_config(root: Path) -> Path:
    """A copy of the repository's ``mkdocs.yml`` in ``root``, using the repository's pages."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {REPO / 'content'}")
    text = text.replace("- hooks/servicemap_hook.py", f"- {REPO / 'hooks' / 'servicemap_hook.py'}")
    config = root / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    shutil.copy(REPO / "territorio.geojson", root / "territorio.geojson")
    return config


def run_build(
    config: Path,
    site: Path,
    *args: str,
    env: Mapping[str, str | None] | None = None,
    generator: list[str] = MKDOCS,
) -> Build:
    """``mkdocs build`` (or ``generator``'s, e.g. ProperDocs') of ``config`` into ``site``;
    ``env`` adds to the environment (``None``: removes that variable, e.g. a
    ``SOURCE_DATE_EPOCH`` of the caller's shell)."""
    merged = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env = {k: v for k, v in merged.items() if v is not None}
    proc = subprocess.run(
        [*generator, "build", "-f", str(config), "-d", str(site), *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=config.parent,
        timeout=600,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture
def make_site(tmp_path: Path):
    """``make_site(records) -> (config path, site path)``: a territory folder ready to build."""

    def make(records: list[dict], name: str = "territorio") -> tuple[Path, Path]:
        root = tmp_path / name
        root.mkdir()
        (root / "services.yaml").write_text(synthetic.to_yaml(records), encoding="utf-8")
        return site_config(root), root / "site_build"

    return make


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a built site and its bytes: "the previous site is intact" is equality."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def leftovers(root: Path) -> list[str]:
    """The build's temporary folders and locks (``adapters.publish``) left in ``root``."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site_build."))


@pytest.fixture
def own_site(make_site):
    """``own_site(records) -> (config, site)``: like ``make_site``, with its own ``content/``.

    A copy of the repository's pages inside the territory folder (``docs_dir: content``), so a
    test can add links and files to it.
    """

    def make(records: list[dict] | None = None) -> tuple[Path, Path]:
        config, site = make_site(records or synthetic.records(3))
        root = config.parent
        shutil.copytree(REPO / "content", root / "content")
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace(f"docs_dir: {REPO / 'content'}", "docs_dir: content"))
        return config, site

    return make


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site (``services.yaml``), built once for all tests that read it."""
    site = tmp_path_factory.mktemp("example") / "site_build"
    build = run_build(REPO / "mkdocs.yml", site)
    assert build.returncode == 0, build.output
    return build


PUBLIC_URL = "https://mappa.example.org/"


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's site built as the offline copy (``OFFLINE=true``), with a public address
    (``SITE_URL``) so that printed cards carry their QR code."""
    root = tmp_path_factory.mktemp("offline")
    config = site_config(root)
    for name in ("services.yaml", "geocache.yaml"):
        shutil.copy(REPO / name, root / name)
    # The address comes in as the publish workflow gives it: mkdocs.yml reads ``!ENV SITE_URL``.
    env = {"OFFLINE": "true", "SITE_URL": PUBLIC_URL}
    build = run_build(config, root / "site_build", env=env)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def example_site(example_build: Build):
    """The example site served on 127.0.0.1 for the whole session: its base URL."""
    import browser

    with browser.serve(example_build.site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through Playwright (module scope: one Playwright at a time).

    Where it cannot run, every browser test says how to fix it: skipped on a developer's machine,
    failed in CI, where a skip would pass a machine that cannot test the pages."""
    import browser
    import needs

    problem = browser.missing()
    if problem:
        needs.unavailable(problem)
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=browser.CHROMIUM, args=browser.ARGS)
        yield launched
        launched.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """In CI a skipped test is a failed one, whatever skipped it (``tests/needs.py``): CI must
    never pass a machine that could not run part of the suite."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        import needs

        if needs.in_ci():
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
            report.outcome = "failed"
            report.longrepr = f"saltato in CI: {str(reason).removeprefix('Skipped: ')}"

"""Valid HTML and CSS of our own, by the Nu HTML Checker (the W3C validator, npm ``vnu-jar``).

One JVM start checks a sample of every page type of the built example site and our own
stylesheets (``make test`` installs vnu.jar into ``.tools/``; Java comes from Debian:
``scripts/install-java.sh``). Marker ``vnu``: ``pytest -m "not vnu"`` leaves it out. Without Java
or vnu.jar the test is skipped on a developer's machine and FAILS in CI (``CI`` set), so the check
can never silently stop running there.

The theme's own two errors are left, on purpose: Material writes ``autocomplete="off"`` on its
two hidden checkbox toggles (``__drawer``, ``__search``) so that Firefox does not restore an open
drawer or search after Back; they sit outside any template block of ``base.html``, so only a
copy of the whole template could change them (a fork of the theme to maintain). They are matched
exactly, and nothing else of the theme's is excused.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import needs
import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"))
THEME_TOGGLES = ('data-md-toggle="drawer"', 'data-md-toggle="search"')

pytestmark = pytest.mark.vnu


def vnu_command() -> list[str]:
    java = shutil.which("java")
    missing = [] if java else ["java (Debian: default-jre-headless)"]
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} (npm install --prefix .tools vnu-jar)")
    if missing:
        needs.unavailable(f"Nu HTML Checker unavailable: {', '.join(missing)}; run `make test`")
    return [str(java), "-Xss2m", "-jar", str(VNU_JAR)]


def sample_pages(site: Path, per_type: int = 3) -> list[Path]:
    """Every page at the top, and a few of each generated kind (servizi, comuni, aree, tipi...)."""
    pages = sorted(site.glob("*.html")) + sorted(site.glob("*/index.html"))
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        pages += sorted(folder.glob("*/index.html"))[:per_type]
    return pages


def vnu(paths: list[Path]) -> list[dict]:
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--also-check-css", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return json.loads(result.stderr)["messages"]


def is_theme_toggle(message: dict) -> bool:
    extract = message.get("extract", "")
    return "“autocomplete”" in message["message"] and any(t in extract for t in THEME_TOGGLES)


@pytest.fixture(scope="module")
def checked(example_build, tmp_path_factory) -> dict[str, object]:
    """One run of the checker (one JVM start) over the sample, our stylesheets and two planted
    faults: the old print rule and a stray end tag, so the check cannot pass by checking nothing."""
    planted = tmp_path_factory.mktemp("planted")
    (planted / "stampa-vecchia.css").write_text(
        "@media print { .x { contain-intrinsic-block-size: auto; } }\n"
    )
    (planted / "pagina-rotta.html").write_text(
        '<!doctype html><html lang="it"><head><title>x</title></head><body></span></body></html>'
    )
    pages = sample_pages(example_build.site)
    own_css = sorted((example_build.site / "assets" / "servicemap").glob("*.css"))
    messages = vnu([*pages, *own_css, *sorted(planted.iterdir())])
    return {"pages": pages, "css": own_css, "messages": messages, "planted": planted}


def test_every_page_type_and_our_css_have_no_errors(checked, example_build):
    pages, own_css = checked["pages"], checked["css"]
    kinds = {p.relative_to(example_build.site).parts[0] for p in pages}
    assert {"servizi", "comuni", "aree", "tipi", "mappa", "cerca", "index.html"} <= kinds
    assert {"pagine.css", "stampa.css", "servicemap.css"} <= {p.name for p in own_css}
    errors = [
        m
        for m in checked["messages"]
        if m["type"] in ("error", "non-document-error") and "/planted" not in m.get("url", "")
    ]
    ours = [
        f"{m['url'].rsplit('site_build/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in errors
        if not is_theme_toggle(m)
    ]
    assert ours == []
    # The excused theme errors are exactly Material's two toggles, once each per page.
    assert len(errors) - len(ours) <= 2 * len(pages)


def test_the_checker_finds_the_planted_faults(checked):
    found = {Path(m["url"]).name for m in checked["messages"] if m["type"] == "error"}
    assert {"stampa-vecchia.css", "pagina-rotta.html"} <= found

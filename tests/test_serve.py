"""The live preview: ``mkdocs serve`` with a service page open in Chromium while a volunteer edits
``services.yaml``. The server is the real one (its file watcher, its livereload script in every
page); the browser shows the edit by itself, and a data error leaves the last good page on
screen while the console says, in Italian, where the mistake is. Nothing is timed: each step
waits for what the volunteer would see (the console's line, the page's heading).
"""

from __future__ import annotations

import os
from pathlib import Path

import browser
import pytest
import synthetic
from preview import REBUILT, STARTED, Preview

from servicemap.adapters import console
from servicemap.render import csp

RECORD = "servizio-00001"
OLD = "Hub digitale Rodano n. 1"  # synthetic.records(3)[1]["nome"]
NEW = "Hub digitale «Punto Rodano» n. 1"
EMAIL = '    email: "sportello1@example.org"'
BAD_EMAIL = '    email: "sportello1 chiocciola example.org"'
CHECKED = '    aggiornato: "2026-02-02"'  # the newest of the three is 2026-03-03: the build date
RECHECKED = '    aggiornato: "2026-03-30"'
BUILT = ".md-copyright time[datetime]"  # the footer's build date
SITE_URL = "https://mappa.example.org/"
SHOWN_MS = 120_000  # how long the page may take to show an edit: generous, not a budget


@pytest.fixture
def territory(make_site) -> Path:
    """A three-record territory (``mkdocs.yml``, ``services.yaml``); its ``services.yaml``."""
    recs = synthetic.records(3)
    assert recs[1]["id"] == RECORD and recs[1]["nome"] == OLD
    config, _ = make_site(recs)
    return config.parent / "services.yaml"


def test_the_policy_allows_the_servers_script_and_nothing_else() -> None:
    """The server's reload script, written after the policy, gets its hash; the rest of the
    policy stays as published (its hashes, its other directives)."""
    page = csp.add_policy(
        '<html><head><meta charset="utf-8"><script>var a=1</script></head><body></body></html>',
        tiles="https://tile.openstreetmap.org",
    )
    served = page.replace("</body>", "<script>livereload(1, 2);</script></body>")
    out = csp.allow_added_scripts(served)
    before = csp.inline_script_hashes(page)
    assert out.replace(" " + csp.sha256_source("livereload(1, 2);"), "", 1) == served
    assert csp.inline_script_hashes(out) == [*before, csp.sha256_source("livereload(1, 2);")]
    assert csp.allow_added_scripts(out) == out  # nothing added twice
    assert csp.allow_added_scripts("<p>no policy</p>") == "<p>no policy</p>"


@pytest.mark.browser
def test_a_saved_edit_shows_in_the_open_page(chromium, territory: Path, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    env = {"ALTRE_LINGUE": None, "SITE_URL": SITE_URL}
    with Preview(territory.parent / "mkdocs.yml", temp, env) as server:
        server.wait_for(STARTED)
        with browser.people(chromium) as make:
            page = _open(make(), server.url + f"servizi/{RECORD}/")
            heading = page.locator("h1")
            assert heading.inner_text() == OLD
            # the printed card's QR code leads to the published page, not to the preview
            assert page.locator(".sm-qr-url").text_content() == f"{SITE_URL}servizi/{RECORD}/"
            assert page.locator(BUILT).get_attribute("datetime") == "2026-03-03"
            text = territory.read_text("utf-8")
            assert text.count(CHECKED) == 1
            territory.write_text(text.replace(OLD, NEW).replace(CHECKED, RECHECKED), "utf-8")
            page.get_by_role("heading", level=1, name=NEW).wait_for(timeout=SHOWN_MS)
            assert heading.inner_text() == NEW
            # the new data's date: the first build put SOURCE_DATE_EPOCH back as it found it
            assert page.locator(BUILT).get_attribute("datetime") == "2026-03-30"
            assert page.title().startswith(NEW)
            assert page.evaluate("() => window.__cspv") == []  # the reload script is allowed
    assert server.process.returncode == 0
    out = server.output
    assert console.preview_languages("it", ["en", "ar", "zh"]) in out
    assert "services.yaml" in server.wait_for("Watching paths for changes")
    assert "Traceback" not in out
    assert sorted(os.listdir(temp)) == []  # the served folder and every staging folder deleted


@pytest.mark.browser
def test_an_error_keeps_the_last_good_page(chromium, territory: Path, tmp_path: Path) -> None:
    text = territory.read_text("utf-8")
    line = text.splitlines().index(EMAIL) + 1
    column = BAD_EMAIL.index('"') + 1
    temp = tmp_path / "tmp"
    with Preview(territory.parent / "mkdocs.yml", temp, {"ALTRE_LINGUE": None}) as server:
        server.wait_for(STARTED)
        with browser.people(chromium) as make:
            page = _open(make(), server.url + f"servizi/{RECORD}/")
            heading = page.locator("h1")
            assert page.locator(".sm-qr").count() == 0  # no public address: no QR code
            since = server.mark()
            territory.write_text(text.replace(EMAIL, BAD_EMAIL), "utf-8")
            said = server.wait_for(f"services.yaml:{line}:{column}: ", since)
            assert said.endswith(
                "error: `email`: «sportello1 chiocciola example.org» non è un indirizzo e-mail "
                "(contiene spazi o a capo); scrivi per esempio nome@dominio.it [bad-email]"
            ), said
            server.wait_for(console.preview_kept(), since)
            server.wait_for(REBUILT, since)  # the server goes on: it serves the last good site
            served = page.request.get(page.url)
            assert served.status == 200 and f">{OLD}</h1>" in served.text()
            assert heading.inner_text() == OLD
            since = server.mark()
            fixed = territory.with_name("services.yaml.nuovo")  # an editor's atomic save
            fixed.write_text(text.replace(OLD, NEW), "utf-8")
            fixed.replace(territory)
            page.get_by_role("heading", level=1, name=NEW).wait_for(timeout=SHOWN_MS)
            assert page.evaluate("() => window.__cspv") == []
    out = server.output
    assert "Traceback" not in out and "appear stuck" not in out, out
    assert sorted(os.listdir(temp)) == []


def _open(person: browser.Person, url: str):
    """The page as a volunteer has it open, with the policy violations collected."""
    person.context.add_init_script(browser.WATCH_CSP)
    person.page.goto(url)
    person.page.wait_for_load_state("load")
    return person.page

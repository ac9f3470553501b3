"""Values go out escaped for where they land, as a user meets them: the links of a built page,
the cells of every published CSV, the bytes a terminal or a CI log receives, and the dates
``servicemap report`` accepts. (Markdown for pull requests: ``test_diff``.)"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import synthetic
from conftest import run_build

from servicemap.cli import main as cli

SITO = "https://example.org/perché?q=\"x\"&y='z'#orari"
SITO_HREF = "https://example.org/perch%C3%A9?q=%22x%22&y=%27z%27#orari"
FONTE = "http://caffè.example/notizia%20del%20giorno/100%"
FONTE_HREF = "http://caff%C3%A8.example/notizia%20del%20giorno/100%25"
EMAIL = "d'amico+sportello@example.org"
REPORT_EMAIL = "coordinamento@example.org?bcc=spia@evil.example"


class Anchors(HTMLParser):
    """Every ``<a href>`` of a page with its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href") is not None:
            self._open.append([dict(attrs)["href"], ""])

    def handle_data(self, data):
        for item in self._open:
            item[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((href, text.strip()))


def anchors(page: str) -> list[tuple[str, str]]:
    parser = Anchors()
    parser.feed(page)
    return parser.links


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One build: a record with tricky but valid links, one with formulas in its text."""
    from conftest import site_config

    root = tmp_path_factory.mktemp("escape")
    config = site_config(root)
    recs = synthetic.records(3)
    recs[0] |= {"sito": SITO, "fonte": FONTE, "email": EMAIL, "telefoni": ["+41 91 123 45 67"]}
    recs[1] |= {
        "nome": '=HYPERLINK("https://evil.example","clic")',
        "ente": "＠SUM(1+1)",
        "destinatari": "-",
        "costo": " +1+cmd|' /C calc'!A0",
        "aggiornato": "2020-01-01",  # stale: in the report too
    }
    (root / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('report_email: ""', f'report_email: "{REPORT_EMAIL}"'))
    build = run_build(config, root / "site_build")
    assert build.returncode == 0, build.output
    return build


def test_record_links_reach_href_percent_encoded_and_show_what_was_written(site):
    page = site.page("servizi/servizio-00000/index.html")
    links = anchors(page)
    assert (SITO_HREF, SITO) in links
    assert (FONTE_HREF, FONTE) in links
    assert (f"mailto:{EMAIL}", EMAIL) in links
    assert ("tel:+41911234567", "+41 91 123 45 67") in links
    schemes = {urlsplit(href).scheme for href, _ in links}
    assert schemes <= {"", "http", "https", "mailto", "tel"}, schemes


def test_the_print_sheet_and_json_ld_carry_the_same_links(site):
    booklet = site.page("comuni/pioltello/index.html")
    assert (SITO_HREF, SITO) in anchors(booklet)  # the comune's booklet for the desk
    page = site.page("servizi/servizio-00000/index.html")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(block)
    assert data["mainEntity"]["availableChannel"]["serviceUrl"] == SITO_HREF


def test_report_email_cannot_add_recipients(site):
    """``report_email`` comes from mkdocs.yml: even a wrong one stays one address."""
    page = site.page("servizi/servizio-00000/index.html")
    [mail] = [href for href, _ in anchors(page) if href.startswith("mailto:coordinamento")]
    parts = urlsplit(mail)
    assert parts.path == "coordinamento@example.org%3Fbcc%3Dspia@evil.example"
    assert set(parse_qs(parts.query)) == {"subject", "body"}


def _rows(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.removeprefix("\ufeff"))))


def test_every_published_csv_guards_formulas(site):
    [row] = [r for r in _rows(site.page("dati/servizi.csv")) if r["id"] == "servizio-00001"]
    assert row["nome"] == '\'=HYPERLINK("https://evil.example","clic")'
    assert row["ente"] == "'＠SUM(1+1)"
    assert row["destinatari"] == "'-"
    assert row["costo"] == "' +1+cmd|' /C calc'!A0"
    [other] = [r for r in _rows(site.page("dati/servizi.csv")) if r["id"] == "servizio-00000"]
    assert other["telefoni"] == "'+41 91 123 45 67"
    assert other["lon"] == "9.328630" and other["email"] == EMAIL
    services = _rows(site.page("dati/hsds/services.csv"))
    assert SITO_HREF in {r["url"] for r in services}  # HSDS's url is a URI
    hsds = {r["name"] for r in services}
    assert '\'=HYPERLINK("https://evil.example","clic")' in hsds
    orgs = {r["name"] for r in _rows(site.page("dati/hsds/organizations.csv"))}
    assert "'＠SUM(1+1)" in orgs
    phones = {r["number"] for r in _rows(site.page("dati/hsds/phones.csv"))}
    assert "'+41911234567" in phones


def test_report_csv_guards_formulas(site, capsys):
    data = site.site.parent / "services.yaml"
    assert cli.main(["report", str(data), "--format", "csv", "--today", "2026-06-01"]) == 0
    [row] = [r for r in _rows(capsys.readouterr().out) if r["id"] == "servizio-00001"]
    assert row["nome"] == '\'=HYPERLINK("https://evil.example","clic")'
    assert row["ente"] == "'＠SUM(1+1)"


# --- Terminals and CI logs ----------------------------------------------------------------

ANSI_ID = "x\x1b[2J\x1b]8;;https://evil.example\x1b\\clic\x1b]8;;\x1b\\"
HOSTILE_EMAIL = "a%0A@b.it\r\n::error::falso\x9b31m\u202e"


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    recs = synthetic.records(1)
    recs[0] |= {"id": ANSI_ID, "email": HOSTILE_EMAIL}
    text = synthetic.to_yaml(recs).replace("\x9b", "\\x9b")  # raw, YAML refuses the file
    (tmp_path / "services.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _validate(folder: Path, *args: str) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "servicemap.cli.main", "validate", "services.yaml", *args],
        capture_output=True,
        cwd=folder,
        timeout=120,
    )
    assert proc.returncode == 1
    return proc.stdout + proc.stderr


def _no_controls(output: bytes) -> str:
    """The output as text, after checking that no control or bidi character is in it raw."""
    text = output.decode("utf-8")
    raw = re.findall("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert raw == [], raw
    return text


def test_validate_text_shows_control_characters_escaped(hostile_folder):
    text = _no_controls(_validate(hostile_folder))
    # Values quoted in messages name their invisible characters (names.py), so nothing raw
    # reaches the terminal and the volunteer sees which character to delete.
    [bad_id] = [line for line in text.splitlines() if "[invisible-in-id]" in line]
    assert "«x<U+001B>[2J<U+001B>]8;;https://evil.example<U+001B>\\clic<U+001B>]8;;" in bad_id
    [email] = [line for line in text.splitlines() if "[bad-email]" in line]
    assert "«a%0A@b.it<U+000D><U+000A>::error::falso<U+009B>31m<U+202E>»" in email
    assert not any(line.startswith("::error") for line in text.splitlines())


def test_github_annotations_are_one_workflow_command_each(hostile_folder):
    text = _no_controls(_validate(hostile_folder, "--format", "github"))
    lines = text.splitlines()
    command = re.compile(r"::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[a-z-]+::")
    assert lines and all(command.match(line) for line in lines), lines  # nothing else, no forgery
    [email] = [line for line in lines if "title=bad-email::" in line]
    assert "«a%250A@b.it<U+000D><U+000A>::error::falso<U+009B>31m<U+202E>»" in email  # % is %25


def test_json_output_escapes_c1_and_bidi_characters(hostile_folder):
    output = _validate(hostile_folder, "--format", "json")
    assert b"\xc2\x9b" not in output and "\u202e".encode() not in output
    problems = json.loads(output.decode().split("\n]")[0] + "\n]")
    # The message names the invisible characters, as in the text output, so it reads the same
    [email] = [p["message"] for p in problems if p["code"] == "bad-email"]
    assert "«a%0A@b.it<U+000D><U+000A>::error::falso<U+009B>31m<U+202E>»" in email


def test_mkdocs_build_log_shows_control_characters_escaped(tmp_path):
    from conftest import site_config

    root = tmp_path / "t"
    root.mkdir()
    config = site_config(root)
    recs = synthetic.records(1)
    recs[0] |= {"id": ANSI_ID}
    (root / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    build = run_build(config, root / "site_build")
    assert build.returncode != 0
    assert "\x1b[2J" not in build.output and "\x1b]8" not in build.output
    assert "«x<U+001B>[2J<U+001B>]8;;https://evil.example" in build.output


# --- Dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "1969-12-31", "9999-12-31"])
def test_report_takes_any_date_it_accepts(day, tmp_path, capsys):
    (tmp_path / "services.yaml").write_text(
        synthetic.to_yaml(synthetic.records(2)), encoding="utf-8"
    )
    code = cli.main(["report", str(tmp_path / "services.yaml"), "--today", day])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith(f"Schede non verificate da più di 12 mesi al {day}: ")
    assert "Errore interno" not in err

"""A service page's "Segnala un errore" and "Modifica questa scheda", the plain words of the home
and need pages, and the holidays the browser uses: real builds of synthetic projects."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import holidays
import pytest
import synthetic
from conftest import run_build

from servicemap.render.holidays import holidays_file
from servicemap.validate.project import Project

REPO_URL = "https://github.com/rete-esempio/mappa-servizi"
SEED_001 = (
    "accoglienza, ascolto, orientamento e accompagnamento, con informazioni chiare e condivise "
    "sui servizi e sulle modalità per accedervi"
)


# The root mkdocs.yml's territory contact, as the synthetic projects copy it.
CONTACT = re.compile(r"\n    contatto:\n(      .*\n)+")
PHONE_ONLY = (
    "\n    contatto:\n      nome: Comune di Esempio\n      ruolo: centralino\n"
    '      telefono: "02 1234 5678"\n'
)


def build(make_site, *, repo_url="", report_email="", extra="", name="territorio", contact=None):
    """A synthetic project whose ``mkdocs.yml`` sets the given options.

    ``contact``: the ``contatto`` block to use instead of the repository's (``""``: none).
    """
    config, site = make_site(synthetic.records(3, seed=2), name=name)
    text = config.read_text(encoding="utf-8")
    options = f'repo_url: "{repo_url}"\n    report_email: "{report_email}"{extra}'
    text = text.replace('repo_url: ""\n    report_email: ""', options)
    assert options in text
    if contact is not None:
        text, found = CONTACT.subn(contact.replace("\\", "\\\\") or "\n", text)
        assert found == 1
    config.write_text(text, encoding="utf-8")
    done = run_build(config, site)
    assert done.returncode == 0, done.output
    return done, config.parent


def links(page: str, cls: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'<a class="{cls}" href="([^"]+)"', page)]


def record_line(root: Path, service_id: str) -> int:
    lines = (root / "services.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if f'"{service_id}"' in line)


def test_report_opens_a_prefilled_issue_and_edit_links_the_line(make_site):
    done, root = build(make_site, repo_url=REPO_URL, extra="\n    edit_branch: dati")
    page = done.page("servizi/servizio-00001/index.html")
    line = record_line(root, "servizio-00001")
    [issue] = links(page, "sm-segnala")
    parts = urlsplit(issue)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(parts.query)
    name = synthetic.records(3, seed=2)[1]["nome"]
    assert query["title"] == [f"Correzione della scheda «{name}» (servizio-00001)"]
    body = query["body"][0]
    assert f"Scheda: {name}" in body
    assert "Identificativo (id): servizio-00001" in body
    assert "Pagina: servizi/servizio-00001/" in body
    assert f"Dati: services.yaml, riga {line}" in body
    assert f"{REPO_URL}/blob/dati/services.yaml#L{line}" in body
    assert " " not in issue and "\n" not in issue  # URL-encoded
    assert links(page, "sm-modifica") == [f"{REPO_URL}/edit/dati/services.yaml"]
    assert links(page, "sm-vedi-riga") == [f"{REPO_URL}/blob/dati/services.yaml#L{line}"]
    assert links(page, "sm-segnala-email") == []
    assert "Segnala un errore" in page and "Modifica questa scheda" in page


def test_without_a_repository_the_report_is_an_email(make_site):
    done, root = build(make_site, report_email="coordinamento@example.org")
    page = done.page("servizi/servizio-00002/index.html")
    [mail] = links(page, "sm-segnala-email")
    parts = urlsplit(mail)
    assert parts.scheme == "mailto" and parts.path == "coordinamento@example.org"
    query = parse_qs(parts.query)
    assert query["subject"][0].endswith("(servizio-00002)")
    line = record_line(root, "servizio-00002")
    assert f"Dati: services.yaml, riga {line}" in query["body"][0]
    assert "%20" in mail and "+" not in mail  # mail clients do not read + as a space
    assert links(page, "sm-segnala") == [] and links(page, "sm-modifica") == []


def test_without_repository_or_email_the_report_goes_to_the_territory_contact(make_site):
    done, _ = build(make_site)  # the repository's mkdocs.yml: the press office's e-mail
    page = done.page("servizi/servizio-00000/index.html")
    [mail] = links(page, "sm-segnala-email")
    parts = urlsplit(mail)
    assert parts.scheme == "mailto" and parts.path == "ufficiostampa@comune.pioltello.mi.it"
    query = parse_qs(parts.query)
    subject = "Correzione della scheda «Sportello Pioltello n. 0» (servizio-00000)"
    assert query["subject"] == [subject]
    assert "Identificativo (id): servizio-00000" in query["body"][0]
    assert "Pagina: servizi/servizio-00000/" in query["body"][0]
    text = _text(page)
    assert "Segnala un errore per e-mail (ufficio stampa del comune capofila della rete)" in text
    assert not re.search(r'class="sm-(segnala|modifica|segnala-rete)"', page)


def test_a_contact_with_only_a_phone_is_shown_as_text_to_report_to(make_site):
    done, _ = build(make_site, contact=PHONE_ONLY)
    page = done.page("servizi/servizio-00000/index.html")
    report = page[page.index('class="sm-segnalazioni') :]
    report = report[: report.index("</div></div>") + 12]
    text = _text(report)
    assert "Un dato è sbagliato? Segnalalo al contatto della rete." in text
    assert "Comune di Esempio , centralino." in text
    assert 'href="tel:+390212345678"' in report and "02 1234 5678" in text
    assert not re.search(r'class="sm-(segnala|segnala-email|modifica)"', page)


def test_with_neither_the_page_says_how_to_reach_the_network(make_site):
    done, _ = build(make_site, contact="")
    page = done.page("servizi/servizio-00000/index.html")
    assert 'class="sm-segnala-rete"' in page
    assert "Un dato è sbagliato? Dillo allo sportello" in page
    assert not re.search(r'class="sm-(segnala|segnala-email|modifica)"', page)


def test_the_edit_path_is_relative_to_the_repository_root(tmp_path):
    (tmp_path / ".git").mkdir()
    data = tmp_path / "examples" / "cernusco" / "services.yaml"
    data.parent.mkdir(parents=True)
    data.write_text("", encoding="utf-8")
    project = Project.from_options(data.parent, {})
    assert project.path_in_repo == "examples/cernusco/services.yaml"
    chosen = Project.from_options(data.parent, {"data_path_in_repo": "/dati/servizi.yaml"})
    assert chosen.path_in_repo == "dati/servizi.yaml"


def test_the_data_path_option_reaches_the_links(make_site):
    extra = '\n    data_path_in_repo: "territori/est/services.yaml"'
    done, _ = build(make_site, repo_url=REPO_URL, extra=extra)
    page = done.page("servizi/servizio-00000/index.html")
    assert links(page, "sm-modifica") == [f"{REPO_URL}/edit/main/territori/est/services.yaml"]


# --- plain words -----------------------------------------------------------------------------


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


PLAIN = {
    "Accoglienza": "primo incontro",
    "Ascolto": "ascolta la tua situazione",
    "Orientamento": "sulle modalità per accedervi",
    "Accompagnamento": "servizi sociali del Comune",
    "Facilitazione digitale": "come presentare le domande, quali documenti servono",
}


@pytest.mark.parametrize("path", ["index.html", "aree/poverta/index.html"])
def test_home_and_need_pages_say_what_each_desk_does(example_build, path):
    text = _text(example_build.page(path))
    assert "Che cosa fanno gli sportelli" in text
    assert SEED_001 in text
    for label, words in PLAIN.items():
        assert re.search(rf"{label} [^.]*{re.escape(words)}", text), (path, label)
    assert "<!-- servicemap:cosa-fanno -->" not in example_build.page(path)


# --- holidays --------------------------------------------------------------------------------


def test_holidays_data_comes_from_the_holidays_package_for_years_around_the_build():
    content = str(holidays_file(dt.date(2026, 5, 1)).content)
    assert content.startswith('window.SERVICEMAP_HOLIDAYS={"y":[2025,2036]')
    for year in (2025, 2026, 2036):
        for day in holidays.country_holidays("IT", years=year):
            assert f'"{day.isoformat()}":' in content
    assert '"2026-10-04":' in content  # San Francesco, a national holiday again from 2026
    assert '"2024-' not in content and '"2037-' not in content


# --- advice the record backs -------------------------------------------------------------------


def test_a_record_with_no_contact_no_street_and_an_approximate_place_promises_nothing(
    example_build,
):
    page = example_build.page("servizi/caritas-pioltello/index.html")
    card = page[page.index('class="sm-in-breve"') : page.index('class="sm-indice"')]
    assert 'class="md-button sm-azione sm-vai"' not in card  # the comune's centre is no address
    assert "openstreetmap.org/directions" in page  # «Dove si trova» keeps it, with its warning
    assert "La posizione è approssimativa" in page
    text = _text(page)
    assert "Il costo non è indicato." in text and "chiedi allo sportello" not in text
    assert "Non sono indicati né telefono né e-mail." in text
    assert "rivolgiti di persona" not in text and "telefona" not in text
    assert "Questa scheda non ha recapiti. Contatto pubblico della rete Comune di Pioltello" in text

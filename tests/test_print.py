"""Printing, as Chromium prints to A4: a service card on one sheet with its QR code, a comune's
booklet with a sheet per service, the map page as its list. PDF pages counted with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno
import synthetic
from browser import pdf_pages, readable
from conftest import PUBLIC_URL, Build, run_build

from servicemap.render import print as paper


def service_ids(build: Build) -> list[str]:
    return sorted(p.stem for p in (build.site / "servizi").glob("*.html"))


def printed(page, path: Path) -> list[str]:
    """The text of each A4 sheet of ``path`` printed by Chromium."""
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return pdf_pages(page.pdf(format="A4", print_background=True))


@pytest.fixture(scope="module")
def pdf(offline_build: Build, chromium):
    """``pdf(path) -> list of page texts`` of a page of the offline copy printed on A4 (the
    browser is ``conftest.py``'s ``chromium``)."""
    page = chromium.new_page()
    yield lambda path: printed(page, offline_build.site / path)
    page.close()


@pytest.mark.browser
def test_every_service_card_prints_on_one_a4_sheet(offline_build: Build, pdf) -> None:
    ids = service_ids(offline_build)
    assert len(ids) >= 10
    for service_id in ids:
        pages = pdf(f"servizi/{service_id}.html")
        assert len(pages) == 1, (service_id, len(pages))
        text = pages[0]
        assert "Orari" in text and "Contatti" in text  # the facts
        assert "In questa pagina" not in text and "Vai al contenuto" not in text  # no navigation
        assert "Segretariato Sociale Diffuso – Mappa" not in text  # no header
        assert f"{PUBLIC_URL}servizi/{service_id}/" in text.replace("\n", "")  # QR's address


@pytest.mark.browser
def test_comune_page_prints_as_a_booklet_one_sheet_per_service(offline_build: Build, pdf) -> None:
    html = offline_build.page("comuni/pioltello.html")
    cards = re.findall(r'data-scheda-stampa="([^"]+)"', html)
    assert len(cards) >= 3
    pages = pdf("comuni/pioltello.html")
    assert len(pages) == 1 + len(cards)  # the list, then one sheet per service
    assert "Comune di Pioltello" in pages[0]
    for n, service_id in enumerate(cards, start=1):
        name = re.search(rf'data-scheda-stampa="{service_id}"><h2>(.*?)</h2>', html).group(1)  # type: ignore[union-attr]
        name = readable(name)
        assert pages[n].lstrip().startswith(name[:25]), (service_id, pages[n][:80])
        assert "Orari" in pages[n] and PUBLIC_URL in pages[n].replace("\n", "")


@pytest.mark.browser
def test_map_page_prints_the_list_of_services(offline_build: Build, pdf) -> None:
    html = offline_build.page("mappa/index.html")
    names = re.findall(
        r'<li data-servizio-id="[^"]+" data-i="\d+"><a href="[^"]+">([^<]+)</a>', html
    )
    assert len(names) >= 10
    text = "".join(pdf("mappa/index.html")).replace("\n", " ")
    for name in names:
        assert " ".join(readable(name).split())[:30] in " ".join(text.split()), name
    assert "Leaflet" not in text  # the map's attribution control: the map is not printed


def test_the_qr_code_points_to_the_online_page(offline_build: Build) -> None:
    """The offline copy's ``.html`` names do not exist online: the QR code uses the online URL."""
    html = offline_build.page("servizi/caritas-pioltello.html")
    url = f"{PUBLIC_URL}servizi/caritas-pioltello/"
    block = paper.qr_block(url)
    assert block and block in html
    expected = segno.make(url, error="m", micro=False).svg_inline(
        scale=3, border=2, title="Codice QR della scheda online", svgclass="sm-qr-code"
    )
    assert expected in html


def test_without_site_url_there_is_no_qr_code(example_build: Build) -> None:
    html = example_build.page("servizi/caritas-pioltello/index.html")
    assert "sm-qr" not in html
    assert paper.qr_block("") == ""


@pytest.mark.browser
def test_full_synthetic_records_print_on_one_sheet_each(make_site, chromium) -> None:
    """Records with every field filled (hours every day, phones, languages, documents...)."""
    config, site = make_site(synthetic.records(8, seed=3))
    build = run_build(config, site, env={"OFFLINE": "true", "SITE_URL": PUBLIC_URL})
    assert build.returncode == 0, build.output
    page = chromium.new_page()
    sheets = {card.stem: len(printed(page, card)) for card in (site / "servizi").glob("*.html")}
    page.close()
    assert len(sheets) == 8 and set(sheets.values()) == {1}, sheets

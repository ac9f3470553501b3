"""The generated pages, read as a citizen reads them (renderers only, no MkDocs)."""

from __future__ import annotations

import json
import re

import synthetic

from servicemap.core.model import Phone, Position, TimeRange
from servicemap.render.context import RenderContext, italian_date
from servicemap.render.html import Site, esc, front_matter
from servicemap.render.labels import Labels
from servicemap.render.lists import comune_page
from servicemap.render.pages import render_pages
from servicemap.render.service_page import render_service_page

LABELS = Labels(
    labels={"tipo": {"sportello": "Sportello di aiuto"}, "lingue": {"ar": "arabo (العربية)"}},
)


def make_ctx(services, **kw) -> RenderContext:
    return RenderContext(services, None, LABELS, Site(), **kw)


def one_service():
    s = synthetic.services(1)[0]
    s.tipo = ["sportello"]
    s.telefoni = [Phone("02 9236 6364", "02 9236 6364", "+390292366364")]
    s.orari = {
        "lun": [TimeRange("09:00", "12:00")],
        "mer": [TimeRange("09:00", "12:00"), TimeRange("15:00", "18:00")],
    }
    s.lingue = ["it", "ar"]
    s.aggiornato = "2024-03-14"
    return s


def test_service_page_formats_every_field_for_people() -> None:
    s = one_service()
    page = render_service_page(s, make_ctx([s]))
    assert '<a href="tel:+390292366364">02 9236 6364</a>' in page
    assert f'<a href="mailto:{s.email}">' in page
    for section in ("A chi è rivolto", "Come fare", "Cosa serve", "Costi", "Orari", "Contatti"):
        assert f">{section}</h2>" in page
    rows = re.findall(r'<tr><th scope="row">(\w+)</th><td[^>]*>([^<]*)</td></tr>', page)
    assert [d for d, _ in rows] == [
        "Lunedì",
        "Martedì",
        "Mercoledì",
        "Giovedì",
        "Venerdì",
        "Sabato",
        "Domenica",
    ]
    assert (
        dict(rows)["Mercoledì"] == "09:00–12:00, 15:00–18:00" and dict(rows)["Martedì"] == "chiuso"
    )
    assert "italiano, arabo (العربية)" in page
    assert "14 marzo 2024" in page and 'datetime="2024-03-14"' in page
    assert 'href="../../comuni/pioltello/"' in page or 'href="../../comuni/' in page


def test_position_on_the_comune_is_called_approximate() -> None:
    s = one_service()
    s.placed_position = Position(45.5, 9.3, "comune")
    assert "posizione approssimativa" in render_service_page(s, make_ctx([s]))


def test_json_ld_is_the_page_of_a_service_with_languages_and_hours() -> None:
    s = one_service()
    page = render_service_page(s, make_ctx([s], site_url="https://example.org/"))
    page_data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    )
    assert page_data["@type"] == "WebPage" and page_data["dateModified"] == s.aggiornato
    data = page_data["mainEntity"]
    assert data["@type"] in ("GovernmentService", "Service")
    assert data["url"] == f"https://example.org/servizi/{s.id}/"
    channel = data["availableChannel"]
    assert channel["@type"] == "ServiceChannel"
    assert [lang["alternateName"] for lang in channel["availableLanguage"]] == ["it", "ar"]
    hours = channel["servicePhone"]["hoursAvailable"]
    assert hours[0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00:00",
        "closes": "12:00:00",
    }


def test_hostile_text_is_escaped_everywhere_in_the_generator_output() -> None:
    rec = synthetic.hostile_record(synthetic.records(1)[0])
    s = synthetic.to_service(rec)
    page = render_service_page(s, make_ctx([s]))
    body = page.split("\n---\n", 1)[1]
    assert "<img" not in body and "</script><script>" not in body
    # Only the JSON-LD is inline; the page's scripts are files of the site (render.citizen).
    assert len(re.findall(r"<script(?![^>]*\bsrc=)", body)) == 1
    assert "\\u003c/script\\u003e" in body  # inside JSON-LD, "</script>" cannot close the script
    assert "{{ config }} ${window.__pwned=1} `tick`" in body


def test_front_matter_title_survives_yaml() -> None:
    import yaml

    title = esc('a "b" \\ </title> \u2028 \x85 \U0001f600')
    data = yaml.safe_load(front_matter(title).split("---")[1])
    assert data["title"].replace("&#x2028;", "\u2028").replace("&#x85;", "\x85") == title


def test_comune_page_separates_located_and_serving_services() -> None:
    services = synthetic.services(6)  # every third record serves all four comuni
    ctx = make_ctx(services)
    page = comune_page("Segrate", ctx)
    here, others = page.split('id="servizi-per-residenti"')
    ids_here = set(re.findall(r'data-servizio-id="([^"]+)"', here))
    ids_others = set(re.findall(r'data-servizio-id="([^"]+)"', others))
    assert ids_here == {s.id for s in services if s.comune == "Segrate"}
    assert ids_others == {
        s.id for s in services if s.comune != "Segrate" and "Segrate" in s.served_comuni()
    }


def test_every_list_entry_names_its_service_and_pages_are_stable() -> None:
    services = synthetic.services(30)
    files = render_pages(make_ctx(services))
    again = render_pages(make_ctx(list(reversed(services))))
    assert [(f.path, f.content) for f in files] == [(f.path, f.content) for f in again]
    paths = {f.path for f in files}
    assert {f"servizi/{s.id}.md" for s in services} <= paths
    assert {"comuni/index.md", "aree/index.md", "tipi/index.md", "comuni/pioltello.md"} <= paths


def test_relative_links_for_both_url_styles() -> None:
    assert Site(True).href("servizi/x.md", "comuni/p.md") == "../../comuni/p/"
    assert Site(False).href("servizi/x.md", "comuni/p.md") == "../comuni/p.html"
    assert Site(True).href("index.md", "comuni/index.md") == "comuni/"
    assert Site(False).href("servizi/x.md", "index.md") == "../index.html"


def test_italian_dates() -> None:
    assert italian_date("2024-03-14") == "14 marzo 2024"
    assert italian_date("non una data") == "non una data"


def test_a_desk_by_appointment_says_how_to_book_not_that_hours_are_missing() -> None:
    """No timetable, ``accesso: [appuntamento]``: the hours section says what the "Oggi" badge
    says (by appointment, ``core.hours.by_appointment``), with the advice the record can back;
    a desk that gives neither hours nor appointment still says the hours are not given."""
    s = one_service()
    s.orari, s.email = {}, ""
    s.accesso = ["appuntamento"]
    page = render_service_page(s, make_ctx([s]))
    hours = page.split('id="orari"', 1)[1].split("<h2", 1)[0]
    assert "Si riceve su appuntamento: telefona per fissarlo." in hours
    assert "non sono indicati" not in hours
    assert 'data-orario="[&quot;&quot;,2,[]]"' in page  # the badge's fields: by appointment
    s.accesso, s.note_orari = [], ""
    hours = render_service_page(s, make_ctx([s])).split('id="orari"', 1)[1].split("<h2", 1)[0]
    assert "Gli orari non sono indicati: telefona prima di andare." in hours

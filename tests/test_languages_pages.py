"""The generated pages in English, Arabic and Chinese: rendered in their language, values isolated.

A page in another language carries no Italian interface text (the record's own words excepted,
marked ``lang="it"``), its dates are in that language, every inserted value sits in a ``<bdi>``
so an Arabic sentence keeps its order, and a record's translation is shown where it has one.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import synthetic
from browser import close, new_page, run_axe, settle

from servicemap.core.model import Closure, Phone, Position, Service, TimeRange
from servicemap.render import i18n
from servicemap.render.context import RenderContext, day_names, local_date
from servicemap.render.freshness import footer_line
from servicemap.render.home import start_here
from servicemap.render.html import Site
from servicemap.render.labels import Labels
from servicemap.render.lists import comune_page, comuni_index, vocabulary_index, vocabulary_page
from servicemap.render.service_page import render_service_page

OTHER_LANGUAGES = ("en", "ar", "zh")
LABELS = Labels(labels={"tipo": {"sportello": "Sportello di aiuto"}, "aree": {"casa": "Casa"}})
DATES = {
    "it": "14 marzo 2024",
    "en": "14 March 2024",
    "ar": "14 مارس 2024",
    "zh": "2024年3月14日",
}
ITALIAN_WORDS = ("Orari", "Contatti", "Lunedì", "chiuso", "Telefono", "Servizi", "Comune di")
# The texts of render.mylist ("Aggiungi alla mia lista", rendered by that module and its script)
# and of the search page: another part of the work on the languages.
NOT_THESE_PAGES = ("lista.", "cerca.", "vicino.", "mappa.", "oggi.", "eta.")
ARABIC_NAME = "مكتب المساعدة في بيولتيلو"


class Visible(HTMLParser):
    """The text a reader meets outside the record's Italian words: ``lang="it"`` subtrees,
    scripts and the print-only QR's SVG are left out; ``aria-label``s are read."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.stack: list[bool] = []  # per open element: skipped?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skipped = bool(self.stack and self.stack[-1])
        skipped = skipped or values.get("lang") == "it" or tag in ("script", "svg")
        if tag not in ("br", "input", "img", "meta", "link"):
            self.stack.append(skipped)
        if not skipped and values.get("aria-label"):
            self.parts.append(str(values["aria-label"]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "input", "img", "meta", "link") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible(page: str) -> str:
    body = page.split("\n---\n", 1)[-1]
    parser = Visible()
    parser.feed(body)
    return " ".join(" ".join(parser.parts).split())


def italian_fragments(lang: str) -> set[str]:
    """Every Italian interface text (the pieces between its ``{slots}``) that differs from its
    ``lang`` text: none of them may be read on a page in ``lang``."""
    found = set()
    for key, entry in i18n.interface().texts.items():
        if entry["it"] == entry.get(lang) or key.startswith(NOT_THESE_PAGES):
            continue
        for piece in re.split(r"\{[a-z]+\}", entry["it"]):
            piece = piece.strip(" :;,.()«»")
            if len(piece) >= 5:
                found.add(piece)
    return found


def assert_no_italian_interface(page: str, lang: str) -> None:
    text = re.sub(r"https?://\S+", "", visible(page))  # addresses are not words
    left = sorted(
        piece
        for piece in italian_fragments(lang)
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)
    )
    assert left == [], (lang, left, text[:400])
    for word in ITALIAN_WORDS:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), (lang, word)


def service(**kw: object) -> Service:
    s = synthetic.services(1)[0]
    s.tipo, s.aree = ["sportello"], ["casa"]
    s.telefoni = [Phone("02 9236 6364", "02 9236 6364", "+390292366364")]
    s.orari = {"lun": [TimeRange("09:00", "12:00")], "mer": [TimeRange("15:00", "18:00")]}
    s.aggiornato = "2024-03-14"
    s.chiusure = [Closure("2024-08-01", "2024-08-31")]
    s.costo = ""
    s.placed_position = Position(45.5, 9.3, "indirizzo")
    for key, value in kw.items():
        setattr(s, key, value)
    return s


def ctx_for(services: list[Service], lang: str, **kw: object) -> RenderContext:
    return RenderContext(services, None, LABELS, Site(), lang=lang, **kw)


# --- the service page ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_service_page_speaks_the_page_language(lang: str) -> None:
    s = service()
    page = render_service_page(s, ctx_for([s], lang, repo_url="https://example.org/rete/dati"))
    assert_no_italian_interface(page, lang)
    assert f'<h2 id="orari" data-search-exclude>{i18n.text("scheda.orari", lang)}</h2>' in page
    assert f'<th scope="row">{day_names(lang)["lun"]}</th>' in page
    assert DATES[lang] in page and DATES["it"] not in page
    assert local_date("2024-08-31", lang) in page  # the closure
    text = visible(page)
    for key in ("scheda.segnala", "scheda.modifica", "scheda.vedi-riga", "scheda.chiama"):
        assert i18n.text(key, lang) in text, key
    assert i18n.text("scheda.precisione.indirizzo", lang) in text
    swapped = re.findall(r'data-i18n(?:-attr)?="([^"]+)"', page)  # nothing left to swap but
    assert [key for key in swapped if not key.startswith("lista.")] == []  # render.mylist's


@pytest.mark.parametrize("lang", ("it", *OTHER_LANGUAGES))
def test_the_prefilled_report_speaks_the_page_language(lang: str) -> None:
    """ "Segnala un errore" opens an issue whose title and questions the person reads in the
    page's language (``segnalazione.*``); the record's name is as written, a "{id}" in it too."""
    s = service(nome="Sportello {id} «A»")
    page = render_service_page(s, ctx_for([s], lang, repo_url="https://example.org/rete/dati"))
    [href] = re.findall(r'<a class="sm-segnala" href="([^"]+)"', page)
    query = parse_qs(urlsplit(html.unescape(href)).query)
    title, body = query["title"][0], query["body"][0]
    assert title == i18n.text("segnalazione.titolo", lang, id=s.id).replace("{nome}", s.nome)
    assert body.splitlines()[:2] == [
        i18n.text("segnalazione.scheda", lang).replace("{nome}", s.nome),
        i18n.text("segnalazione.id", lang, id=s.id),
    ]
    for key in ("segnalazione.cosa-non-va", "segnalazione.cosa-e-giusto"):
        assert i18n.text(key, lang) in body, key
    assert i18n.text("segnalazione.dati", lang, file="services.yaml", riga=s.line) in body
    if lang != "it":
        assert "Correzione" not in title and "Che cosa non è giusto" not in body


@pytest.mark.parametrize("lang", ("it", *OTHER_LANGUAGES))
def test_phone_numbers_times_and_dates_are_isolated_from_the_sentence(lang: str) -> None:
    s = service()
    page = render_service_page(s, ctx_for([s], lang))
    assert '<bdi dir="ltr"><a href="tel:+390292366364">02 9236 6364</a></bdi>' in page
    assert '<bdi class="sm-azione-dato" dir="ltr">02 9236 6364</bdi>' in page  # «Chiama»
    assert '<td dir="ltr">09:00–12:00</td>' in page
    updated = f'<bdi><time datetime="2024-03-14">{DATES[lang]}</time></bdi>'
    assert page.count(updated) == 2  # at a glance, and «Informazioni sulla scheda»
    assert f"<bdi>{local_date('2024-08-01', lang)}</bdi>" in page


def test_an_arabic_sentence_keeps_the_date_in_its_place() -> None:
    line = footer_line(dt.date(2026, 12, 1), ["2024-03-14", "2026-11-30"], "ar")
    assert line.startswith(
        'آخر تحديث للموقع: <bdi><time datetime="2026-12-01">1 ديسمبر 2026</time></bdi> · '
    )
    assert "<bdi>مارس 2024</bdi>" in line and '<bdi dir="ltr">1</bdi>' in line
    assert "marzo" not in line and "Sito aggiornato" not in line


def test_the_italian_footer_reads_as_before() -> None:
    plain = re.sub(r"<[^>]+>", "", footer_line(dt.date(2026, 12, 1), ["2024-03-14"], "it"))
    assert plain == (
        "Sito aggiornato il 1 dicembre 2026 · schede verificate a marzo 2024; "
        "1 su 1 da più di un anno"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Site updated on 1 December 2026 · records checked in March 2024"),
        ("zh", "网站更新于 2026年12月1日 · 条目核实于 2024年3月"),
    ],
)
def test_the_footer_in_english_and_chinese(lang: str, expected: str) -> None:
    line = footer_line(dt.date(2026, 12, 1), ["2024-03-14"], lang)
    assert re.sub(r"<[^>]+>", "", line).startswith(expected)


# --- the record's translation ----------------------------------------------------------------


def translated() -> Service:
    return service(
        nome="Sportello casa Pioltello",
        descrizione="Aiuto per l'affitto.",
        destinatari="Chi cerca casa.",
        traduzioni={"ar": {"nome": ARABIC_NAME, "descrizione": "مساعدة في دفع الإيجار."}},
    )


def test_the_arabic_page_shows_the_arabic_name_and_the_italian_page_the_italian_one() -> None:
    s = translated()
    arabic = render_service_page(s, ctx_for([s], "ar"))
    assert f"<h1>{ARABIC_NAME}</h1>" in arabic and "مساعدة في دفع الإيجار." in arabic
    shown = arabic.split("\n---\n", 1)[1].split("application/ld")[0]  # JSON-LD: the export's
    assert "Sportello casa Pioltello" not in shown
    italian = render_service_page(s, ctx_for([s], "it"))
    assert "<h1>Sportello casa Pioltello</h1>" in italian
    shown = italian.split("\n---\n", 1)[1].split("application/ld")[0]  # JSON-LD: every language
    assert ARABIC_NAME not in shown and "sm-solo-italiano" not in shown
    assert 'lang="it"' not in shown  # an Italian page marks nothing


def test_a_key_left_in_italian_is_marked_and_said_once_in_the_page_language() -> None:
    s = translated()
    arabic = render_service_page(s, ctx_for([s], "ar"))
    assert '<p lang="it" dir="auto">Chi cerca casa.</p>' in arabic  # no Arabic destinatari
    assert arabic.count(i18n.text("scheda.solo-italiano", "ar")) == 1
    english = render_service_page(s, ctx_for([s], "en"))  # no English translation at all
    assert '<h1 lang="it" dir="auto">Sportello casa Pioltello</h1>' in english
    assert english.count("Some details are available only in Italian.") == 1
    assert '<div class="sm-descrizione" lang="it" dir="auto"' in english


def test_lists_show_the_translated_name_or_the_italian_one_marked() -> None:
    s = translated()
    arabic = comune_page(s.comune, ctx_for([s], "ar"))
    assert f">{ARABIC_NAME}</a></bdi>" in arabic
    english = comune_page(s.comune, ctx_for([s], "en"))
    assert '<bdi lang="it" dir="auto"><a href=' in english


# --- the list pages and the home page's ways in ------------------------------------------------


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_comune_need_and_index_pages_speak_the_page_language(lang: str) -> None:
    services = synthetic.services(6)
    for s in services:
        s.aree = ["casa"]
    ctx = ctx_for(services, lang, site_url="https://example.org/")  # sheets with a QR code
    pages = {
        "comune": comune_page("Segrate", ctx),
        "bisogno": vocabulary_page("aree", "casa", ctx.by_area["casa"], ctx),
        "comuni": comuni_index(ctx),
        "bisogni": vocabulary_index("aree", ctx),
        "tipi": vocabulary_index("tipo", ctx),
    }
    for name, page in pages.items():
        assert_no_italian_interface(page, lang)
        assert "data-i18n" not in page, name
    here = len(ctx.by_comune["Segrate"])
    title = i18n.text("comune.qui", lang).split("{")[0]
    assert f'{title}<bdi>Segrate</bdi> (<bdi dir="ltr">{here}</bdi>)' in pages["comune"] or (
        lang == "zh"
    )
    count = i18n.text("elenco.conteggio", lang, n="")
    assert count.split()[0] in visible(pages["bisogno"])
    sheet = visible(pages["comune"])  # the booklet printed from the comune page
    assert i18n.text("scheda.qr-testo", lang) in sheet
    assert i18n.text("lista.verificata", lang).split("{")[0].strip() in sheet


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_the_home_page_ways_in_speak_the_page_language(lang: str) -> None:
    services = synthetic.services(4)
    for s in services:
        s.aree = ["casa"]
    html = start_here(ctx_for(services, lang), "index.md")
    assert_no_italian_interface(html, lang)
    assert f'aria-label="{i18n.text("inizia.titolo", lang)}"' in html
    assert f">{i18n.text('inizia.bisogno', lang)}</h2>" in html
    assert "data-i18n" not in html


# --- a real build ----------------------------------------------------------------------------


def test_the_arabic_tree_of_the_example_is_rendered_in_arabic(example_build) -> None:
    service_id = "caritas-pioltello"
    page = example_build.page(f"ar/servizi/{service_id}/index.html")
    assert '<html dir="rtl" lang="ar"' in page
    article = page.split('class="md-content"', 1)[1].split("</article>", 1)[0]
    text = visible(article)
    assert "مواعيد العمل" in text and "التواصل" in text  # «Orari», «Contatti»
    for word in ("Orari", "Contatti", "Ultimo aggiornamento", "Lunedì", "Segnala un errore"):
        assert word not in text, word
    assert "آخر تحديث" in text and "مارس 2024" in text
    footer = page.split('class="md-copyright"', 1)[1]
    assert "آخر تحديث للموقع" in footer and "Sito aggiornato" not in footer
    italian = example_build.page(f"servizi/{service_id}/index.html")
    assert ">Orari</h2>" in italian and "Sito aggiornato il" in italian


def test_the_root_404_page_is_the_default_language_s(example_build) -> None:
    page = example_build.page("404.html")
    assert '<html lang="it"' in page or '<html dir="ltr" lang="it"' in page


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["ar/servizi/caritas-pioltello/", "ar/comuni/pioltello/", "zh/aree/poverta/"]
)
def test_the_pages_in_other_languages_are_axe_clean_on_a_phone(example_site, chromium, path):
    page = new_page(chromium, width=360)
    try:
        page.goto(example_site + path)
        settle(page, path)
        violations = run_axe(page)
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    finally:
        close(page)

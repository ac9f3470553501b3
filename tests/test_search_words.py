"""Search finds what people type: their words, with a typo, in the address, or honestly nothing.

A real ``mkdocs build`` of synthetic records, driven in Chromium at 360 px: the words of the
vocabulary (``parole``: SPID, bollette, pacco alimentare) find the desks of those needs, a typo
and a plural are forgiven, the filters live in the address (shared, reloaded, undone with Back),
a search with no result says so and offers the routes that always exist, and the header's search
box leads to Cerca with the same words. The matching rule's golden cases
(``tests/data/search_cases.json``) are asserted against the browser's own code.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import browser
import pytest
import synthetic
from browser import PHONE
from test_browser_map_search import serve_site

from servicemap.render.clientdata import fold

pytestmark = pytest.mark.browser  # the ``chromium`` fixture skips, or fails in CI, without it

CASES = json.loads((Path(__file__).parent / "data" / "search_cases.json").read_text("utf-8"))


def records() -> list[dict]:
    recs = synthetic.records(12, seed=11)
    for n, rec in enumerate(recs):  # plain words, so that each query's answer is known
        rec.update(nome=f"Sportello Numero {n}", ente=f"Associazione Esempio {n}")
        rec.update(descrizione="Un servizio della rete.", destinatari="Tutti")
        rec.update(attivita=["ascolto"], lingue=["it"])
        for key in ("documenti", "note_orari", "accessibilita"):
            rec.pop(key, None)
    recs[0].update(nome="Hub Alfa", tipo=["hub-digitale"], aree=["digitale"])
    recs[1].update(nome="Emporio Beta", tipo=["centro-ascolto"], aree=["poverta"])
    recs[2].update(nome="Centro Gamma", tipo=["centro-ascolto"], aree=["famiglia"])
    recs[2]["attivita"] = ["distribuzione-beni"]
    recs[3].update(nome="Sportello Delta", tipo=["sportello"], aree=["casa"], ente="Caritas Zeta")
    for rec in recs[4:]:
        rec.update(tipo=["sportello"], aree=["anziani"])
    return recs


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("parole"), records()) as url:
        yield url


@pytest.fixture
def phone(chromium):
    with browser.people(chromium) as make:
        yield make().page


def open_search(page, site: str, query: str = "") -> None:
    page.goto(f"{site}/cerca/{query}")
    page.wait_for_selector("#sm-search[data-ready=true]")


def shown(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "#sm-results [data-servizio-id]:not([hidden])",
            "els => els.map(e => e.getAttribute('data-servizio-id'))",
        )
    )


def ids(*indices: int) -> set[str]:
    return {f"servizio-{i:05d}" for i in indices}


def test_the_golden_cases_hold_in_the_browser(site, phone):
    open_search(phone, site)
    got = phone.evaluate(
        "cases => cases.map(c => window.ServicemapMatch.matchText(c.query, c.text))",
        CASES["cases"],
    )
    wrong = [
        (c["query"], c["text"], c["match"]) for c, g in zip(CASES["cases"], got, strict=True)
        if g != c["match"]
    ]  # fmt: skip
    assert wrong == []


# Cerca's index over many records (Match.Index: each distinct word tested once, a query word
# looked for inside the words, not the texts) against the rule for one text (matchText).
INDEX_JS = """cases => {
  const M = window.ServicemapMatch;
  const index = new M.Index(cases.map(c => M.fold(c.text)));
  return cases.map((c, n) => M.queryWords(c.query).every(w => index.marks(w)[n] === 1));
}"""


def test_cercas_index_finds_what_the_rule_finds(site, phone):
    """Every golden case, all texts in one index as on Cerca (so each query word meets every
    other case's words too), answers as the rule does for that text alone."""
    open_search(phone, site)
    cases = CASES["cases"] + [
        {"query": "vizi dig", "text": "Servizi digitali", "match": True},  # inside a word
        {"query": "ali sp", "text": "Servizi digitali SPID", "match": True},
        {"query": "izi-dig", "text": "Servizi-digitali", "match": True},  # two words, one query
    ]
    got = phone.evaluate(INDEX_JS, cases)
    wrong = [
        (c["query"], c["text"], c["match"]) for c, g in zip(cases, got, strict=True)
        if g != c["match"]
    ]  # fmt: skip
    assert wrong == []


def test_the_build_folds_every_text_as_the_browser_does(site, phone):
    """The haystacks are folded in Python at build time, the query in the browser: the two
    must agree, or a word typed would never meet the same word of a record."""
    open_search(phone, site)
    texts = [t for c in CASES["cases"] for t in (c["query"], c["text"])]
    texts += ["Città", "أسرة", "مُساعَدة", "فـواتير", "ٱلفاتورة", "مستشفى", "ＳＰＩＤ", "ﬁne"]
    got = phone.evaluate("texts => texts.map(t => window.ServicemapMatch.fold(t))", texts)
    assert got == [fold(t) for t in texts]
    assert fold("أسرة") == fold("اسره") and fold("مُساعَدة") == fold("مساعده")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SPID", ids(0)),  # the placeholder's own examples find a desk
        ("pacco alimentare", ids(1, 2)),  # need poverta (Beta), activity distribuzione-beni
        ("pacchi alimentari", ids(1, 2)),  # a plural
        ("bolette", ids(1)),  # a typo
        ("affitto", ids(3)),
        ("zeta", ids(3)),  # the organisation's name
        ("caritas", ids(1, 2, 3)),  # a centro di ascolto's words, and an organisation
        ("domande online", ids(0)),
    ],
)
def test_the_words_people_type_find_the_desks(site, phone, query, expected):
    open_search(phone, site)
    phone.fill("#sm-q", query)
    assert shown(phone) == expected
    count = phone.inner_text("#sm-count")
    assert count == (
        f"{len(expected)} servizi trovati" if len(expected) > 1 else "1 servizio trovato"
    )
    assert phone.is_hidden("#sm-nessuno")


def test_a_search_lives_in_the_address_and_back_undoes_it(site, phone):
    open_search(phone, site)
    phone.locator("#sm-q").press_sequentially("centro")
    assert phone.is_visible("#sm-results [data-servizio-id]")  # results on the first screen
    box = phone.locator("#sm-results [data-servizio-id]:not([hidden])").first.bounding_box()
    assert box is not None and box["y"] < PHONE["height"]
    assert not phone.is_visible("#sm-area")  # the other filters are folded on a phone
    phone.click("#sm-filtri > summary")
    phone.select_option("#sm-area", "famiglia")
    assert phone.inner_text("#sm-filtri-attivi") == "(1 attivo)"
    assert shown(phone) == ids(2)
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(phone.url).query)
    assert params == {"testo": ["centro"], "area": ["famiglia"]}
    shared = phone.url
    phone.go_back()  # undoes the need, keeps the words
    phone.wait_for_function("() => document.getElementById('sm-area').value === ''")
    assert phone.input_value("#sm-q") == "centro"
    assert shown(phone) == ids(1, 2)
    phone.go_back()  # the whole typed word was one step
    phone.wait_for_function("() => document.getElementById('sm-q').value === ''")
    assert len(shown(phone)) == 12
    phone.goto(shared)  # a shared link opens the same search
    phone.wait_for_selector("#sm-search[data-ready=true]")
    assert shown(phone) == ids(2)
    assert phone.input_value("#sm-area") == "famiglia"
    assert phone.is_visible("#sm-area")  # a filter set by the address is shown, not folded
    assert not phone.is_checked("#__search")  # the page itself, not Material's search over it


def test_a_typed_search_is_kept_when_a_result_is_opened_at_once(site, phone):
    """The address follows the typing once it pauses: a result opened straight after typing
    still leaves the search in the history, so Back comes back to it."""
    open_search(phone, site)
    phone.locator("#sm-q").press_sequentially("gamma")
    phone.wait_for_function(
        f"() => {len(ids(2))} === document.querySelectorAll("
        "'#sm-results [data-servizio-id]:not([hidden])').length"
    )
    phone.click(f'#sm-results [data-servizio-id="{next(iter(ids(2)))}"] .sm-result-name a')
    phone.wait_for_url("**/servizi/**")
    phone.go_back()
    phone.wait_for_selector("#sm-search[data-ready=true]")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(phone.url).query) == {"testo": ["gamma"]}
    assert phone.input_value("#sm-q") == "gamma"
    assert shown(phone) == ids(2)


def test_no_result_says_so_and_offers_the_routes_that_always_exist(site, phone):
    open_search(phone, site, "?testo=zzzz")
    assert shown(phone) == set()
    assert phone.inner_text("#sm-count") == (
        "Nessun servizio trovato per «zzzz»: prova con un'altra parola."
    )  # no filter is set, so no advice to remove one
    assert phone.is_visible("#sm-nessuno")
    hrefs = phone.eval_on_selector_all("#sm-nessuno a", "els => els.map(e => e.href)")
    assert [urllib.parse.urlsplit(h).path for h in hrefs] == ["/comuni/", "/aree/", "/mappa/"]
    for href in hrefs:
        with urllib.request.urlopen(href) as reply:  # the local test server
            assert reply.status == 200
    open_search(phone, site, "?testo=alfa&area=casa")
    assert shown(phone) == set()
    assert "togliere un filtro" in phone.inner_text("#sm-count")


def test_need_pages_carry_the_words_for_materials_search(site, phone):
    phone.goto(f"{site}/aree/digitale/")
    assert "SPID" in phone.inner_text(".sm-parole")
    phone.goto(f"{site}/")
    phone.click("label[for=__search]")
    phone.locator("input[data-md-component=search-query]").press_sequentially("spid")
    phone.wait_for_selector(".md-search-result__item")
    titles = phone.inner_text(".md-search-result__list")
    assert "Servizi digitali" in titles  # the header's box finds the need
    link = phone.locator(".sm-to-cerca")
    assert link.inner_text() == "Cerca «spid» tra tutti i servizi, con i filtri →"
    link.click()  # and leads to Cerca with the same words
    phone.wait_for_selector("#sm-search[data-ready=true]")
    assert phone.input_value("#sm-q") == "spid"
    assert shown(phone) == ids(0)

"""My list ("La mia lista"): mark services, see them together, print them on one sheet, share them.

A real ``mkdocs build`` of synthetic records (one of them hostile), driven in Chromium at
360×740 as a person would, counting taps; the printed sheet read back with pypdf; the shared
link opened in a new browser context (empty storage); the offline copy opened from ``file://``.
"""

from __future__ import annotations

import re

import browser
import pytest
import synthetic
from browser import (
    PAINTED_JS,
    PHONE,
    WATCH_CSP,
    describe,
    pdf_pages,
    readable,
    run_axe,
)
from conftest import Build
from test_browser_map_search import serve_site

from servicemap.render import i18n, mylist

READY = "#sm-lista[data-ready=true]"


def records() -> list[dict]:
    recs = synthetic.records(6, seed=5)
    for n, rec in enumerate(recs):
        rec["nome"] = f"Sportello Numero {n}"
        rec["telefoni"] = [f"02 9236 63{n:02d}"]
    recs[1]["telefoni"] = ["02 9236 6301", "333 123 4567"]
    recs[5] = synthetic.hostile_record(recs[5])
    return recs


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("lista"), records()) as url:
        yield url


class Person(browser.Person):
    """A page in its own browser context (its own storage) whose taps are counted."""

    def tap(self, selector: str) -> None:
        self.page.locator(selector).click()
        self.taps += 1


@pytest.fixture
def person(chromium):
    with browser.people(chromium, Person) as make:
        yield make


def names_in_list(page) -> list[str]:
    return page.locator(".sm-lista-voce .sm-lista-nome").all_inner_texts()


def cerca_button(service_id: str) -> str:
    return f'#sm-results [data-servizio-id="{service_id}"] .sm-lista-toggle'


def test_the_page_and_data_are_generated(tmp_path) -> None:
    services = synthetic.services(3)
    data = mylist.data_script(services)
    assert data.startswith("window.SERVICEMAP_LISTA=")
    assert services[0].telefoni[0].e164 in data
    assert i18n.missing_translations() == []


@pytest.mark.browser
def test_build_my_list_print_it_and_share_it(site, person, chromium) -> None:
    """The journey: from Cerca add three services (3 taps), open the list (1 tap), see the three
    names and phones, print (one A4 sheet with the three names), share: the link opened with an
    empty storage shows the same three."""
    me = person()
    page = me.page
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true] .sm-lista-toggle")
    assert page.locator(".sm-lista-link").is_hidden()  # nothing chosen yet
    chosen = ["servizio-00000", "servizio-00002", "servizio-00004"]
    for service_id in chosen:
        me.tap(cerca_button(service_id))
    assert me.taps == 3
    first = page.locator(cerca_button(chosen[0]))
    assert first.get_attribute("aria-pressed") == "true"
    assert first.inner_text() == "Togli dalla mia lista"  # what one sees
    said = "Togli dalla mia lista Sportello Numero 0"  # what a screen reader says: which one
    assert page.get_by_role("button", name=said, exact=True).count() == 1
    assert page.locator(".sm-lista-annuncio").inner_text() == (
        "Aggiunto: Sportello Numero 4. 3 servizi nella lista"
    )
    assert page.locator(".sm-lista-link").inner_text() == "La mia lista (3)"

    me.tap(".sm-lista-link")
    page.wait_for_selector(READY)
    assert me.taps == 4
    assert names_in_list(page) == ["Sportello Numero 0", "Sportello Numero 2", "Sportello Numero 4"]
    assert page.locator(".sm-lista-conta").inner_text() == "3 servizi nella lista"
    phones = page.eval_on_selector_all(
        ".sm-lista-telefoni a", "els => els.map(a => [a.textContent, a.getAttribute('href')])"
    )
    assert phones == [
        ["02 9236 6300", "tel:+390292366300"],
        ["02 9236 6302", "tel:+390292366302"],
        ["02 9236 6304", "tel:+390292366304"],
    ]
    assert page.locator(".sm-lista-oggi").count() == 3

    # Print: one sheet, the three names and phones, absolute dates, never "oggi".
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    me.tap(".sm-lista-stampa")
    assert page.evaluate("window.__printed") == 1
    sheets = pdf_pages(page.pdf(format="A4", print_background=True))
    assert len(sheets) == 1, sheets
    text = " ".join(sheets[0].split())
    for n in (0, 2, 4):
        assert f"Sportello Numero {n}" in text and f"02 9236 630{n}" in text
    assert "Oggi" not in text and "oggi" not in text
    assert re.search(r"Lista stampata il \d{1,2} \w+ 20\d\d", text), text
    assert "Stampa la lista" not in text and "Svuota" not in text  # no buttons on paper

    # Share: the link, opened by someone else (empty storage), shows the same three.
    page.evaluate("() => { window.__shared = null; navigator.share = d => { window.__shared = d; "
                  "return Promise.resolve(); }; }")  # fmt: skip
    me.tap(".sm-lista-condividi")
    assert me.taps == 6
    shared = page.evaluate("window.__shared")
    # After "#": which desks a person was handed never reaches the web server's logs.
    assert shared["url"] == f"{site}/lista/#s=" + ",".join(chosen)
    other = person()
    other.page.goto(shared["url"])
    other.page.wait_for_selector(READY)
    assert names_in_list(other.page) == names_in_list(page)
    assert other.page.locator(".sm-lista-condivisa").is_visible()
    assert other.page.locator(".sm-lista-togli").count() == 0  # not theirs to edit
    assert other.page.locator(".sm-lista-svuota").is_hidden()
    assert other.page.evaluate("localStorage.getItem('servicemap-lista')") is None
    other.tap(".sm-lista-salva")
    assert other.page.evaluate("JSON.parse(localStorage.getItem('servicemap-lista'))") == chosen
    assert other.page.url == f"{site}/lista/"
    assert other.page.locator(".sm-lista-togli").count() == 3


@pytest.mark.browser
def test_five_desks_print_on_one_sheet_with_their_week(site, person) -> None:
    """The operator's sheet: five desks, each with its phones, the week's hours, the holidays
    and the date of its check written out; nothing relative to the day it was printed."""
    me = person()
    page = me.page
    ids = [f"servizio-0000{n}" for n in range(5)]
    page.goto(f"{site}/lista/?s=" + ",".join(ids))
    page.wait_for_selector(READY)
    sheets = pdf_pages(page.pdf(format="A4", print_background=True))
    assert len(sheets) == 1, [s[:80] for s in sheets]
    text = " ".join(sheets[0].split())
    for n in range(5):
        assert f"Sportello Numero {n}" in text, n
    assert "02 9236 6301, 333 123 4567" in text  # every phone of a desk
    assert "lun mar mer gio ven sab dom" in text  # the week, day by day
    assert text.count("Chiuso nei giorni festivi.") == 5
    assert re.search(r"Scheda verificata il \d{1,2} \w+ 20\d\d", text), text
    online = f"La lista online: {site}/lista/#s=" + ",".join(ids)
    assert "".join(online.split()) in "".join(text.split())  # a long address wraps
    assert "oggi" not in text.casefold() and "adesso" not in text


@pytest.mark.browser
def test_a_shared_link_never_overwrites_the_own_list_and_drops_unknown_ids(site, person) -> None:
    me = person()
    page = me.page
    page.goto(f"{site}/servizi/servizio-00001/")
    page.wait_for_selector(".sm-scheda .sm-lista-toggle:not([hidden])")
    me.tap(".sm-scheda .sm-lista-toggle")
    assert page.locator(".sm-scheda .sm-lista-toggle").get_attribute("aria-pressed") == "true"
    assert page.locator(".sm-lista-link").inner_text() == "La mia lista (1)"
    page.goto(f"{site}/lista/?s=servizio-00003,non-esiste,servizio-00003,<b>x</b>,servizio-00001")
    page.wait_for_selector(READY)
    assert names_in_list(page) == ["Sportello Numero 3", "Sportello Numero 1"]
    assert page.locator(".sm-lista-mancanti").inner_text() == (
        "1 servizio non è più nella mappa ed è stato tolto dalla lista."
    )
    assert page.evaluate("JSON.parse(localStorage.getItem('servicemap-lista'))") == [
        "servizio-00001"
    ]
    me.tap(".sm-lista-salva")
    assert names_in_list(page) == ["Sportello Numero 1", "Sportello Numero 3"]
    assert page.locator(".sm-lista-esito").inner_text() == "Aggiunti alla tua lista: 1."


@pytest.mark.browser
def test_remove_one_and_empty_with_a_confirmation_by_keyboard(site, person) -> None:
    me = person()
    page = me.page
    page.goto(f"{site}/lista/")
    page.evaluate(
        "localStorage.setItem('servicemap-lista', JSON.stringify(['servizio-00000', "
        "'servizio-00001', 'servizio-00005']))"
    )
    page.reload()
    page.wait_for_selector(READY)
    assert len(names_in_list(page)) == 3
    # The hostile record is shown as written, and nothing of it runs.
    assert synthetic.HOSTILE.split()[0] in readable(page.inner_text(".sm-lista-servizi"))
    assert page.evaluate("window.__pwned") is None
    page.locator('.sm-lista-togli[data-lista-id="servizio-00000"]').focus()
    page.keyboard.press("Enter")
    assert len(names_in_list(page)) == 2
    focused = page.evaluate("document.activeElement.getAttribute('data-lista-id')")
    assert focused == "servizio-00001"  # focus moves to the next one, not to the page's top
    assert page.locator(".sm-lista-esito").inner_text() == (
        "Tolto: Sportello Numero 0. 2 servizi nella lista"
    )
    page.locator(".sm-lista-svuota").focus()
    page.keyboard.press("Enter")
    assert page.locator(".sm-lista-conferma").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('sm-lista-svuota-no')")
    page.keyboard.press("Enter")  # "No, tienila"
    assert len(names_in_list(page)) == 2
    page.keyboard.press("Enter")
    page.locator(".sm-lista-svuota-si").focus()
    page.keyboard.press("Enter")
    assert names_in_list(page) == []
    assert page.locator(".sm-lista-vuota").is_visible()
    assert page.evaluate("localStorage.getItem('servicemap-lista')") == "[]"


@pytest.mark.browser
def test_without_storage_the_list_works_in_memory(site, person) -> None:
    me = person()
    page = me.page
    page.add_init_script(  # as private mode or a file:// page may refuse it (the list's key only:
        # the theme's own scripts do not guard their storage)
        """for (const name of ['getItem', 'setItem']) {
             const real = Storage.prototype[name];
             Storage.prototype[name] = function (key, ...rest) {
               if (key === 'servicemap-lista') throw new DOMException('refused', 'SecurityError');
               return real.call(this, key, ...rest);
             };
           }"""
    )
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true] .sm-lista-toggle")
    me.tap(cerca_button("servizio-00002"))
    assert page.locator(".sm-lista-link").inner_text() == "La mia lista (1)"
    page.goto(f"{site}/lista/?s=servizio-00002")  # and the link still carries a list
    page.wait_for_selector(READY)
    assert names_in_list(page) == ["Sportello Numero 2"]


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violation_on_the_list(site, person, width) -> None:
    me = person(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = me.page
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true] .sm-lista-toggle")
    me.tap(cerca_button("servizio-00001"))
    violations = run_axe(page)
    assert violations == [], describe(violations)
    page.goto(f"{site}/lista/")
    page.wait_for_selector(READY)
    page.evaluate(PAINTED_JS)
    violations = run_axe(page)
    assert violations == [], f"lista at {width}px:\n{describe(violations)}"


@pytest.mark.browser
def test_the_list_works_from_the_offline_copy(offline_build: Build, chromium) -> None:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((offline_build.site / "cerca" / "index.html").as_uri())
        page.wait_for_selector("#sm-search[data-ready=true] .sm-lista-toggle")
        page.locator("#sm-results .sm-lista-toggle").nth(0).click()
        page.locator("#sm-results .sm-lista-toggle").nth(1).click()
        page.locator(".sm-lista-link").click()
        page.wait_for_selector(READY)
        assert page.url.endswith("/lista/index.html")
        assert len(names_in_list(page)) == 2
        page.locator(".sm-lista-nome a").first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and page.url.endswith(".html")
        assert page.evaluate("window.__cspv") == []
        assert [u for u in requests if not u.startswith("file://")] == []
        assert errors == []
    finally:
        context.close()

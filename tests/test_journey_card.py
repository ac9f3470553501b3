"""Journeys on a service page, on a phone (Chromium, 360×740): call, report a mistake, and what a
record without a phone or e-mail says. Taps are counted (a tap is a click the person makes) and
what the person sees is asserted: the buttons on the first screen, the words of the advice.

Real builds of the repository's ``mkdocs.yml`` (its territory contact: the press office of the
Comune di Pioltello) with three report configurations: a forge, nothing (the contact's e-mail),
and no contact at all.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import browser
import pytest
import synthetic
from browser import run_axe, serve, settle
from conftest import run_build, site_config
from test_a11y import LOST_TEXT_JS

pytestmark = pytest.mark.browser

REPO_URL = "https://github.com/rete-esempio/mappa-servizi"
SITE_URL = "https://mappa.example.org/"
CONTACT = re.compile(r"\n    contatto:\n(      .*\n)+")
# Advice to phone ("telefona prima di andare", "verifica telefonando"), in any case.
ADVICE = re.compile(r"telefona\b|telefonando", re.IGNORECASE)


def records() -> list[dict]:
    """The first record has everything; the second has no phone, e-mail, site or hours."""
    recs = synthetic.records(3, seed=2)
    bare = recs[1]
    for key in ("telefoni", "email", "sito", "orari", "note_orari"):
        bare.pop(key)
    bare.update(accesso=["libero"], aggiornato="2024-03-14")  # old: the page says so
    return recs


FULL, BARE = records()[0], records()[1]


def build(folder, *, repo_url: str = "", contact: bool = True):
    config = site_config(folder)
    (folder / "services.yaml").write_text(synthetic.to_yaml(records()), encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace(
        'site_url: !ENV [SITE_URL, ""]', f"site_url: {SITE_URL}"
    )
    text = text.replace('repo_url: ""', f'repo_url: "{repo_url}"')
    if not contact:
        text = CONTACT.sub("\n", text)
    config.write_text(text, encoding="utf-8")
    done = run_build(config, folder / "site")
    assert done.returncode == 0, done.output[-3000:]
    return done.site


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """``{"forge", "contatto", "niente"}`` -> base URL of the site built so."""
    made = {
        "forge": build(tmp_path_factory.mktemp("forge"), repo_url=REPO_URL),
        "contatto": build(tmp_path_factory.mktemp("contatto")),
        "niente": build(tmp_path_factory.mktemp("niente"), contact=False),
    }
    servers = {name: serve(site) for name, site in made.items()}
    urls = {name: server.__enter__() for name, server in servers.items()}
    yield urls
    for server in servers.values():
        server.__exit__(None, None, None)


class Person(browser.Person):
    """A visitor on a phone who taps; ``taps`` counts what they pressed."""

    def __init__(self, chromium, **options) -> None:
        super().__init__(chromium, **{"bypass_csp": True, **options})
        self.page.clock.set_fixed_time("2026-12-01T10:00:00Z")  # a Tuesday, 11:00 in Rome

    def open(self, url: str, path: str) -> None:
        self.page.goto(url + path)
        settle(self.page, path)

    def tap(self, locator, *, follows: str = "") -> None:
        """Press ``locator``; ``follows``: the page it opens, waited for until settled."""
        self.taps += 1
        locator.click()
        if follows:
            self.page.wait_for_url(f"**/{follows}")
            settle(self.page, follows)

    def service_link(self, record: dict):
        return self.page.get_by_role("link", name=record["nome"]).first

    def would_tap(self, locator) -> None:
        """The last tap, on a ``tel:`` or ``mailto:`` link: checked as pressable (visible, not
        covered), not followed (headless Chromium has no dialler)."""
        self.taps += 1
        locator.click(trial=True)

    def on_first_screen(self, locator) -> bool:
        box = locator.bounding_box()
        scroll = self.page.evaluate("() => window.scrollY")
        return bool(box) and scroll == 0 and box["y"] >= 0 and box["y"] + box["height"] <= 740


@pytest.fixture
def person(chromium):
    with browser.people(chromium, Person) as make:
        yield make


def test_call_from_the_home_page_in_four_taps(sites, person):
    you = person()
    you.open(sites["forge"], "")
    you.tap(you.page.get_by_role("link", name="Nel tuo comune"), follows="comuni/")
    comune = you.page.locator("article").get_by_role("link", name="Pioltello", exact=True)
    you.tap(comune.first, follows="comuni/pioltello/")
    you.tap(you.service_link(FULL), follows=f"servizi/{FULL['id']}/")
    call = you.page.locator(".sm-in-breve a.sm-chiama")
    assert you.on_first_screen(call)
    assert call.get_attribute("href") == "tel:+390290001000"
    assert call.inner_text().split() == ["Chiama", "02", "9000", "1000"]
    box = call.bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 44
    you.would_tap(call)
    assert you.taps == 4  # before: 5 (the number was in «Contatti», four screens down)


def test_the_first_screen_answers_name_status_and_actions(sites, person):
    you = person()
    you.open(sites["forge"], f"servizi/{FULL['id']}/")
    page = you.page
    assert you.on_first_screen(page.locator("article h1"))
    status = page.locator(".sm-oggi")
    assert you.on_first_screen(status)
    assert status.inner_text() == "Oggi aperto 16:00–19:00 · adesso chiuso"
    for cls, words in (
        ("sm-chiama", "Chiama 02 9000 1000"),
        ("sm-scrivi", "Scrivi"),
        ("sm-vai", "Indicazioni"),
        ("sm-condividi", "Condividi"),
    ):
        button = page.locator(f".sm-in-breve .{cls}")
        assert you.on_first_screen(button), cls
        assert " ".join(button.inner_text().split()) == words
        box = button.bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, cls
    assert page.locator(".sm-scrivi").get_attribute("href") == f"mailto:{FULL['email']}"
    assert (
        page.locator(".sm-vai")
        .get_attribute("href")
        .startswith("https://www.openstreetmap.org/directions?to=45.497850%2C9.325140")
    )
    # The long sections come after the card.
    assert page.locator("#a-chi-e-rivolto").bounding_box()["y"] > 740


def test_call_from_a_comune_page_in_two_taps(sites, person):
    you = person()
    you.open(sites["forge"], "comuni/pioltello/")
    you.tap(you.service_link(FULL), follows=f"servizi/{FULL['id']}/")
    call = you.page.locator(".sm-in-breve a.sm-chiama")
    assert you.on_first_screen(call)
    you.would_tap(call)
    assert you.taps == 2  # before: 3 (the service, «Contatti» in the index, the number)


def test_a_record_without_a_phone_gives_no_phone_advice_and_names_the_territory_contact(
    sites, person
):
    you = person()
    you.open(sites["contatto"], f"servizi/{BARE['id']}/")
    page = you.page
    page.wait_for_function("() => !document.querySelector('.sm-vecchia').hidden")
    seen = page.locator("article").inner_text()
    assert not re.search(ADVICE, seen), seen
    assert page.locator(".sm-oggi").inner_text() == "Oggi: orari non indicati"
    assert "Queste informazioni potrebbero non essere più attuali." in seen
    assert "Gli orari non sono indicati: chiedi al contatto della rete" in seen
    assert page.locator(".sm-in-breve .sm-chiama, .sm-in-breve .sm-scrivi").count() == 0
    box = page.locator(".sm-in-breve .sm-contatto-rete")
    said = " ".join(box.inner_text().split())
    assert said.startswith(
        "Questa scheda non ha recapiti. Contatto pubblico della rete "
        "Comune di Pioltello, ufficio stampa del comune capofila della rete. "
        "Non è uno sportello, ma può indirizzarti."
    ), said
    call = box.locator(".sm-chiama-rete")
    assert you.on_first_screen(call)
    assert call.get_attribute("href") == "tel:+390292366364"
    assert box.locator(".sm-scrivi-rete").get_attribute("href") == (
        "mailto:ufficiostampa@comune.pioltello.mi.it"
    )
    # «Contatti» says the same, and goes to the address only when there is a street.
    contacts = page.locator("#contatti + div").inner_text()
    assert "rivolgiti di persona all'indirizzo indicato" in contacts
    assert "Comune di Pioltello" in contacts


def test_without_a_territory_contact_the_page_promises_nothing(sites, person):
    you = person()
    you.open(sites["niente"], f"servizi/{BARE['id']}/")
    seen = you.page.locator("article").inner_text()
    assert not re.search(ADVICE, seen), seen
    assert "Gli orari non sono indicati." in seen
    assert you.page.locator(".sm-contatto-rete").count() == 0


def test_report_a_mistake_opens_a_prefilled_issue(sites, person):
    you = person()
    opened: list[str] = []
    you.page.route(f"{REPO_URL}/**", lambda r: (opened.append(r.request.url), r.fulfill(body="ok")))
    you.open(sites["forge"], f"servizi/{FULL['id']}/")
    report = you.page.locator("a.sm-segnala")
    assert report.inner_text() == "Segnala un errore"
    raw = report.get_attribute("href")
    page_url = f"{SITE_URL}servizi/{FULL['id']}/"
    assert quote(page_url, safe="") in raw  # percent-encoded: %3A%2F%2F, no raw space or +
    assert " " not in raw and "+" not in raw and "«" not in raw
    you.tap(report)
    you.page.wait_for_url(f"{REPO_URL}/issues/new?*")
    assert you.taps == 1 and len(opened) == 1
    query = parse_qs(urlsplit(opened[0]).query)
    assert query["title"] == [f"Correzione della scheda «{FULL['nome']}» ({FULL['id']})"]
    body = query["body"][0]
    assert f"Identificativo (id): {FULL['id']}" in body
    assert f"Pagina: {page_url}" in body


def test_report_a_mistake_without_a_forge_writes_to_the_territory_contact(sites, person):
    you = person()
    you.open(sites["contatto"], f"servizi/{FULL['id']}/")
    report = you.page.locator("a.sm-segnala-email")
    said = " ".join(report.locator("xpath=..").inner_text().split())
    assert said == "Segnala un errore per e-mail (ufficio stampa del comune capofila della rete)"
    parts = urlsplit(report.get_attribute("href"))
    assert (parts.scheme, parts.path) == ("mailto", "ufficiostampa@comune.pioltello.mi.it")
    body = parse_qs(parts.query)["body"][0]
    assert f"Identificativo (id): {FULL['id']}" in body
    assert f"Pagina: {SITE_URL}servizi/{FULL['id']}/" in body
    you.would_tap(report)
    assert you.page.locator("a.sm-segnala").count() == 0


def test_report_a_mistake_with_no_forge_and_no_contact_says_whom_to_tell(sites, person):
    you = person()
    you.open(sites["niente"], f"servizi/{FULL['id']}/")
    said = you.page.locator(".sm-segnala-rete").inner_text()
    assert said.startswith("Un dato è sbagliato? Dillo allo sportello (vedi «Contatti»)")
    assert you.page.locator("a.sm-segnala, a.sm-segnala-email").count() == 0
    # A record with nothing in «Contatti» does not send the person there.
    you.open(sites["niente"], f"servizi/{BARE['id']}/")
    said = you.page.locator(".sm-segnala-rete").inner_text()
    assert said.startswith("Un dato è sbagliato? Dillo a chi gestisce lo sportello")
    assert "Contatti" not in said


def test_cerca_with_no_result_offers_the_coordinating_contact(sites, person):
    you = person()
    you.open(sites["contatto"], "cerca/?testo=zzqqxxkk")
    none = you.page.locator("#sm-nessuno")
    none.wait_for(state="visible")
    said = " ".join(none.inner_text().split())
    assert "Oppure chiedi al contatto che coordina la rete: Contatto pubblico della rete" in said
    assert "Comune di Pioltello, ufficio stampa del comune capofila della rete." in said
    assert none.locator("a.sm-chiama-rete").get_attribute("href") == "tel:+390292366364"
    assert run_axe(you.page) == []  # the label's grey on the box's grey too


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("record", [FULL, BARE], ids=["completa", "senza-recapiti"])
def test_service_cards_are_axe_clean_in_italian_and_arabic(sites, person, width, record):
    for lang in ("it", "ar"):
        you = person(viewport={"width": width, "height": 800})
        tree = "" if lang == "it" else f"{lang}/"  # each language is a tree of the site
        you.open(sites["contatto"], f"{tree}servizi/{record['id']}/")
        you.page.wait_for_function("() => !document.querySelector('.sm-oggi').hidden")
        if lang == "ar":
            assert you.page.evaluate("document.documentElement.dir") == "rtl"
        assert run_axe(you.page) == [], (width, lang)
        assert you.page.evaluate(LOST_TEXT_JS) == [], (width, lang)


def test_the_card_without_contact_fits_at_200_percent_text(sites, person):
    you = person()
    you.open(sites["contatto"], f"servizi/{BARE['id']}/")
    size = "() => parseFloat(getComputedStyle(document.body).fontSize)"
    before = you.page.evaluate(size)
    you.page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    you.page.wait_for_function(f"n => ({size})() >= 1.4 * n", arg=before)
    assert you.page.evaluate(LOST_TEXT_JS) == []

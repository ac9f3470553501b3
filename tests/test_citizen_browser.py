"""What a citizen does in the browser: "Vicino a me", "Oggi", the record's age, "Condividi".

Real builds (``mkdocs build`` through the hooks) in headless Chromium, with the clock fixed and
the position granted or refused. The build helpers come from ``test_browser_map_search``, the
browser from ``conftest.py``.
"""

from __future__ import annotations

import math

import pytest
import synthetic
from browser import TILES
from test_browser_map_search import serve_site

pytestmark = pytest.mark.browser

# Where the synthetic records are (tests/synthetic.py, COMUNI): the visitor stands in Segrate.
HERE = {"latitude": 45.4840, "longitude": 9.2960}


def records() -> list[dict]:
    recs = synthetic.records(6, seed=7)
    for rec in recs:
        rec["accesso"], rec["aggiornato"] = ["libero"], "2026-04-01"
        rec.pop("note_orari")
    recs[0].update(nome="Turni spezzati", orari={"lun": "09:00-12:00, 15:00-18:00"})
    recs[0]["chiusure"] = [{"dal": "2025-08-01", "al": "2025-08-31", "nota": "Chiuso per ferie"}]
    recs[1].update(nome="Solo su appuntamento", accesso=["appuntamento"])
    recs[2].update(nome="Orari sconosciuti", aggiornato="2024-03-14")
    del recs[1]["orari"], recs[2]["orari"]
    recs[3].update(nome="Senza posizione")
    recs[3].pop("posizione")
    recs[3]["indirizzo"].pop("via")
    return recs


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("cittadini"), records()) as url:
        yield url


@pytest.fixture
def page_in(chromium):
    """``page_in(**context options)``: a page whose script errors fail the test."""
    contexts, errors = [], []

    def make(**options):
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(f"{TILES}**", lambda r: r.abort())
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, errors


def order(page) -> list[str]:
    return page.eval_on_selector_all(
        "#sm-results [data-servizio-id]:not([hidden])",
        "els => els.map(e => e.getAttribute('data-servizio-id'))",
    )


def km(a: dict, lat: float, lon: float) -> float:
    rad = math.pi / 180
    h = (
        math.sin((lat - a["latitude"]) * rad / 2) ** 2
        + math.cos(a["latitude"] * rad)
        * math.cos(lat * rad)
        * math.sin((lon - a["longitude"]) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


# --- "Vicino a me" ---------------------------------------------------------------------------


def test_near_me_asks_only_on_request_and_sorts_by_distance(site, page_in):
    page = page_in(geolocation=HERE, permissions=["geolocation"])
    page.add_init_script(
        "window.__asked = 0; const g = navigator.geolocation.getCurrentPosition.bind("
        "navigator.geolocation); navigator.geolocation.getCurrentPosition = "
        "(...a) => { window.__asked++; return g(...a); };"
    )
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true]")
    assert page.evaluate("window.__asked") == 0  # nothing asked on arrival
    page.click("#sm-vicino")
    page.wait_for_function("() => document.querySelector('.sm-result-distance') !== null")
    assert page.evaluate("window.__asked") == 1
    recs = {r["id"]: r for r in records()}
    placed = {
        i: km(HERE, float(r["posizione"]["lat"]), float(r["posizione"]["lon"]))
        for i, r in recs.items()
        if "posizione" in r
    }
    expected = sorted(placed, key=placed.get)
    shown = order(page)
    # Every placed record by distance; the one placed only on its comune is still listed.
    assert [i for i in shown if i in placed] == expected
    assert set(shown) == set(recs)
    nearest = page.inner_text(f'[data-servizio-id="{expected[0]}"] .sm-result-distance')
    distance = f"{placed[expected[0]]:.1f}".replace(".", ",")
    assert nearest == f"a {distance} km"
    assert "," in nearest  # Italian decimal comma
    assert "più vicino" in page.inner_text("#sm-vicino-stato")
    # Filters still work on the sorted list.
    page.fill("#sm-q", "turni")
    assert order(page) == ["servizio-00000"]


def test_near_me_refused_says_so_and_offers_the_comune(site, page_in):
    page = page_in()  # no permission: the browser refuses
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true]")
    page.click("#sm-vicino")
    # The refusal's last step (the status first says it is asking the device): the comune
    # chooser has the focus.
    page.wait_for_function("() => document.activeElement.id === 'sm-comune'")
    message = page.inner_text("#sm-vicino-stato")
    assert "Non possiamo conoscere la tua posizione" in message
    assert "Comune" in message
    assert page.evaluate("document.activeElement.id") == "sm-comune"
    comuni = page.eval_on_selector_all(
        "#sm-results [data-servizio-id]",
        "els => els.map(e => e.querySelector('.sm-result-address').textContent)",
    )
    by_comune = [r["indirizzo"]["comune"] for r in records()]
    assert sorted(by_comune) == [next(c for c in by_comune if c in a) for a in comuni]
    page.select_option("#sm-comune", label="Segrate")
    assert all(
        r["indirizzo"]["comune"] == "Segrate" or "Segrate" in r["comuni_serviti"]
        for r in records()
        if r["id"] in order(page)
    )


# --- "Oggi" on a service page ----------------------------------------------------------------

SPLIT = "Oggi aperto 09:00–12:00, 15:00–18:00 · adesso"


@pytest.mark.parametrize(
    ("service", "instant", "expected"),
    [
        ("servizio-00000", "2025-03-17T09:30:00Z", f"{SPLIT} aperto"),
        ("servizio-00000", "2025-03-17T12:30:00Z", f"{SPLIT} chiuso"),
        ("servizio-00000", "2025-03-17T14:30:00Z", f"{SPLIT} aperto"),
        ("servizio-00000", "2025-03-18T09:30:00Z", "Oggi chiuso"),  # a Tuesday
        ("servizio-00000", "2025-04-21T08:30:00Z", "Oggi chiuso (giorno festivo)"),  # Pasquetta
        ("servizio-00000", "2025-08-04T08:30:00Z", "Oggi chiuso: Chiuso per ferie"),
        ("servizio-00000", "2025-03-16T23:30:00Z", f"{SPLIT} chiuso"),
        ("servizio-00001", "2025-03-18T09:30:00Z", "Oggi: su appuntamento"),
        ("servizio-00002", "2025-03-18T09:30:00Z", "Oggi: orari non indicati, telefona prima di "
                                                   "andare"),
    ],
)  # fmt: skip
def test_today_on_the_service_page_in_italian_time(site, page_in, service, instant, expected):
    page = page_in(timezone_id="America/New_York")  # 23:30 UTC on Sunday is Monday in Rome
    page.clock.set_fixed_time(instant)
    page.goto(f"{site}/servizi/{service}/")
    page.wait_for_selector(".sm-oggi:not([hidden])")
    assert page.inner_text(".sm-oggi") == expected
    # Near the top: before the first section.
    assert page.evaluate(
        "document.querySelector('.sm-oggi').compareDocumentPosition("
        "document.getElementById('a-chi-e-rivolto')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )


def test_directions_link_to_openstreetmap(site, page_in):
    page = page_in()
    page.goto(f"{site}/servizi/servizio-00000/")
    rec = records()[0]
    href = page.get_attribute("a.sm-indicazioni", "href")
    lat, lon = float(rec["posizione"]["lat"]), float(rec["posizione"]["lon"])
    assert href == f"https://www.openstreetmap.org/directions?to={lat:.6f}%2C{lon:.6f}"
    assert "approssimativa" not in page.inner_text("#dove-si-trova + div")


# --- the record's age ------------------------------------------------------------------------


def test_age_is_computed_when_the_page_is_read_not_when_built(site, page_in):
    page = page_in()
    page.clock.set_fixed_time("2026-05-10T10:00:00Z")
    page.goto(f"{site}/servizi/servizio-00002/")  # aggiornato 2024-03-14
    page.wait_for_function("() => document.querySelector('.sm-eta').textContent.length > 0")
    assert page.inner_text(".sm-aggiornato") == (
        "Ultimo aggiornamento: 14 marzo 2024 (oltre 2 anni fa)"
    )
    assert page.is_visible(".sm-vecchia")
    assert page.inner_text(".sm-vecchia") == (
        "Queste informazioni potrebbero non essere più attuali: verifica telefonando."
    )
    page.goto(f"{site}/servizi/servizio-00000/")  # aggiornato 2026-04-01
    page.wait_for_function("() => document.querySelector('.sm-eta').textContent.length > 0")
    assert page.inner_text(".sm-eta") == "(1 mese fa)"
    assert not page.is_visible(".sm-vecchia")


def test_a_year_later_the_same_page_warns(site, page_in):
    page = page_in()
    page.clock.set_fixed_time("2027-04-02T10:00:00Z")  # the same build, read a year later
    page.goto(f"{site}/servizi/servizio-00000/")
    page.wait_for_function("() => document.querySelector('.sm-eta').textContent.length > 0")
    assert page.inner_text(".sm-eta") == "(oltre 1 anno fa)"
    assert page.is_visible(".sm-vecchia")


# --- share -----------------------------------------------------------------------------------


def test_share_copies_the_link_when_there_is_no_web_share(site, page_in):
    page = page_in(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site}/servizi/servizio-00001/#orari")
    assert page.evaluate("typeof navigator.share") == "undefined"  # desktop Linux Chromium
    page.click("button.sm-condividi")
    page.wait_for_function("() => document.querySelector('.sm-condividi-esito').textContent !== ''")
    assert page.inner_text(".sm-condividi-esito") == "Link copiato"
    assert page.evaluate("navigator.clipboard.readText()") == f"{site}/servizi/servizio-00001/"


def test_share_uses_web_share_where_there_is_one(site, page_in):
    page = page_in()
    page.add_init_script(
        "window.__shared = null; navigator.share = d => { window.__shared = d; "
        "return Promise.resolve(); };"
    )
    page.goto(f"{site}/servizi/servizio-00001/")
    page.click("button.sm-condividi")
    shared = page.evaluate("window.__shared")
    assert shared == {"title": "Solo su appuntamento", "url": f"{site}/servizi/servizio-00001/"}


def test_actions_are_hidden_in_print(site, page_in):
    page = page_in()
    page.goto(f"{site}/servizi/servizio-00001/")
    page.wait_for_selector("button.sm-condividi:not([hidden])")
    page.emulate_media(media="print")
    for selector in ("button.sm-condividi", ".sm-lingua select", "a.sm-indicazioni"):
        assert not page.is_visible(selector), selector
    assert page.is_visible(".sm-aggiornato")

"""The map and search pages in headless Chromium, built by ``mkdocs build`` from a few records.

What a visitor sees: points and boundaries on the map (also with the tiles blocked), popups that
show hostile text as text, instant filtering with an announced count, "aperto ora" in Italian
time for a visitor in New York, and no request to any host but the local server and the tiles.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import holidays
import hours_cases
import pytest
import synthetic
from browser import EVERY_POINT_SHOWN_JS, PNG_1PX, TILES, serve

from servicemap.render.clientdata import schedule_fields

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Prova servicemap
docs_dir: docs
site_dir: site
use_directory_urls: true
theme: {name: material, language: it, font: false}
plugins: [search]
hooks: [HOOK]
markdown_extensions: [attr_list, md_in_html, tables, toc]
extra: {servicemap: {data_file: services.yaml}}
"""


def build_site(folder: Path, recs: list[dict], config: str = MKDOCS_YML) -> Path:
    """A real MkDocs + Material build of ``recs`` (through the hooks) into ``folder/site``.

    ``config``: the site's ``mkdocs.yml``, with ``HOOK`` for the hook's path.
    """
    # Without the i18n plugin (MKDOCS_YML) the pages' translations (``index.ar.md``...) would
    # be pages of their own: an Italian-only site leaves them out.
    languages = "i18n:" in config
    translations = None if languages else shutil.ignore_patterns("*.en.md", "*.ar.md", "*.zh.md")
    shutil.copytree(ROOT / "content", folder / "docs", ignore=translations)
    shutil.copy(ROOT / "territorio.geojson", folder / "territorio.geojson")
    (folder / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    hook = str(ROOT / "hooks" / "servicemap_hook.py")
    (folder / "mkdocs.yml").write_text(config.replace("HOOK", hook), encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "-q"], cwd=folder, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return folder / "site"


def week(**days: str) -> dict[str, str]:
    return dict(days)


def sample_records() -> list[dict]:
    """A handful of records, each there to prove one thing."""
    base = synthetic.records(8, seed=4)
    for rec in base:
        rec["orari"], rec["lingue"] = {}, ["it"]
    hostile = synthetic.hostile_record(base[0])
    hostile["nome"] = "Ostile " + synthetic.HOSTILE
    hostile["lingue"] = ["it", "ar"]
    base[0] = hostile
    shared = base[1]["posizione"]
    base[1].update(nome="Sportello Condiviso Alfa", lingue=["it", "zh"])
    base[2].update(nome="Sportello Condiviso Beta", posizione=dict(shared), lingue=["en"])
    base[2]["indirizzo"] = dict(base[1]["indirizzo"])
    base[3].update(nome="Mattina del lunedì", orari=week(lun="09:00-12:00"))
    base[3]["chiusure"] = [{"dal": "2025-08-01", "al": "2025-08-31", "nota": "Chiuso per ferie"}]
    base[4].update(nome="Pomeriggio del lunedì", orari=week(lun="15:00-18:00"))
    base[5].update(nome="Aperto anche a Pasquetta", festivi="aperto")
    base[5]["orari"] = {d: "09:00-12:00" for d in ("lun", "mar", "mer", "gio", "ven")}
    base[6].update(nome="Sede sconosciuta", aree=["casa"])
    base[6].pop("posizione")
    base[6]["indirizzo"].pop("via")
    return base


@contextmanager
def serve_site(folder: Path, recs: list[dict]) -> Iterator[str]:
    """``recs`` built into ``folder`` and served on 127.0.0.1 while the block runs: the base
    URL, without a trailing slash (``f"{site}/mappa/"``)."""
    with serve(build_site(folder, recs)) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("sito"), sample_records()) as url:
        yield url


class Visit:
    """A page with every request and script error recorded; tiles blocked or answered."""

    def __init__(self, chromium, *, tiles: bool = False, timezone: str | None = None) -> None:
        self.context = chromium.new_context(
            timezone_id=timezone, viewport={"width": 1000, "height": 900}
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        if tiles:
            self.page.route(
                f"{TILES}**", lambda r: r.fulfill(body=PNG_1PX, content_type="image/png")
            )
        else:
            self.page.route(f"{TILES}**", lambda r: r.abort())

    def hosts(self) -> set[str]:
        return {u.split("/")[2] for u in self.requests if u.startswith("http")}

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(chromium):
    made: list[Visit] = []

    def make(**kwargs) -> Visit:
        made.append(Visit(chromium, **kwargs))
        return made[-1]

    yield make
    for v in made:
        assert not v.errors, v.errors
        v.close()


def open_map(v: Visit, site: str):
    page = v.page
    page.goto(f"{site}/mappa/")
    page.wait_for_selector("#sm-map[data-ready=true] .leaflet-marker-icon")
    return page


def popup_of(page, service_id: str) -> str:
    page.click(f'li[data-servizio-id="{service_id}"] .sm-show-on-map')
    popup = page.wait_for_selector(".leaflet-popup-content .sm-popup")
    return popup.inner_text()


# --- the map ---------------------------------------------------------------------------------


def test_map_shows_every_point_and_the_boundaries_with_tiles_blocked(site, visit):
    v = visit()
    page = open_map(v, site)
    page.wait_for_function(EVERY_POINT_SHOWN_JS)  # the clusters are built
    n_points = len(page.evaluate("window.SERVICEMAP_POINTS.p"))
    assert n_points == 7  # 8 records, two of them at one address
    # Every point is on screen, alone or inside a cluster that shows how many it holds.
    in_clusters = page.eval_on_selector_all(
        ".marker-cluster", "els => els.reduce((n, e) => n + Number(e.textContent), 0)"
    )
    alone = page.eval_on_selector_all(".sm-marker", "els => els.length")
    assert alone >= 1 and alone + in_clusters == n_points
    boundaries = page.eval_on_selector_all(".leaflet-overlay-pane path", "els => els.length")
    assert boundaries >= 4  # the comuni, drawn from territorio.geojson: the basemap without tiles
    assert page.eval_on_selector_all(".leaflet-tile-loaded", "els => els.length") == 0
    assert v.hosts() <= {site.split("/")[2], "tile.openstreetmap.org"}


def test_only_the_local_server_and_the_tile_server_are_asked(site, visit):
    v = visit(tiles=True)
    page = open_map(v, site)
    page.wait_for_selector(".leaflet-tile-loaded")
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true]")
    assert v.hosts() == {site.split("/")[2], "tile.openstreetmap.org"}
    assert not [u for u in v.requests if not u.startswith(("http://127.0.0.1", TILES, "data:"))]


def test_popup_shows_hostile_text_literally_and_runs_nothing(site, visit):
    v = visit()
    page = open_map(v, site)
    text = popup_of(page, "servizio-00000")
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert "${window.__pwned=1}" in text and "`tick`" in text
    assert "</script><script>window.__pwned=1</script>" in text
    assert page.eval_on_selector_all(".leaflet-popup-content img", "els => els.length") == 0
    assert page.evaluate("window.__pwned") is None
    link = page.get_attribute(".leaflet-popup-content a", "href")
    assert link == "../servizi/servizio-00000/"


def test_one_address_is_one_point_listing_all_its_services(site, visit):
    page = open_map(visit(), site)
    text = popup_of(page, "servizio-00001")
    assert "2 servizi in questo punto" in text
    assert "Sportello Condiviso Alfa" in text and "Sportello Condiviso Beta" in text


def test_popup_says_when_the_position_is_approximate(site, visit):
    page = open_map(visit(), site)
    text = popup_of(page, "servizio-00006")
    assert "Sede sconosciuta" in text and "Posizione approssimativa" in text


def test_popup_gives_todays_hours_in_italian_time(site, visit):
    v = visit(timezone="America/New_York")
    v.page.clock.set_fixed_time("2025-03-17T09:30:00Z")  # Monday 10:30 in Rome, 05:30 in New York
    text = popup_of(open_map(v, site), "servizio-00003")
    assert "Oggi aperto 09:00–12:00 · adesso aperto" in text  # as on the service page


def test_the_map_page_lists_every_service(site, visit):
    page = open_map(visit(), site)
    ids = page.eval_on_selector_all(".sm-map-list [data-servizio-id]", "els => els.length")
    assert ids == 8
    legend = page.inner_text(".sm-legend")
    assert "Più servizi allo stesso indirizzo" in legend


# --- the search page -------------------------------------------------------------------------


def open_search(v: Visit, site: str, query: str = ""):
    v.page.goto(f"{site}/cerca/{query}")
    v.page.wait_for_selector("#sm-search[data-ready=true]")
    return v.page


def shown(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "#sm-results [data-servizio-id]:not([hidden])",
            "els => els.map(e => e.getAttribute('data-servizio-id'))",
        )
    )


def test_typing_filters_results_and_announces_the_count(site, visit):
    page = open_search(visit(), site)
    assert len(shown(page)) == 8
    assert page.inner_text("#sm-count") == "8 servizi trovati"
    page.locator("#sm-q").press_sequentially("condiviso")
    assert shown(page) == {"servizio-00001", "servizio-00002"}
    assert page.inner_text("#sm-count") == "2 servizi trovati"
    assert page.get_attribute("#sm-count", "aria-live") == "polite"
    hidden = page.eval_on_selector_all("#sm-results [hidden]", "els => els.length")
    assert hidden == 6
    page.fill("#sm-q", "CONDIVISO beta")  # every word, any case
    assert shown(page) == {"servizio-00002"}
    assert page.inner_text("#sm-count") == "1 servizio trovato"
    page.fill("#sm-q", "zzzz")
    assert shown(page) == set() and page.inner_text("#sm-count").startswith("Nessun servizio")


def test_selects_filter_and_languages_match_in_both_names(site, visit):
    page = open_search(visit(), site)
    assert page.inner_text("#sm-lingua option[value=zh]") == "cinese (中文)"
    page.select_option("#sm-lingua", "zh")
    assert shown(page) == {"servizio-00001"}
    page.select_option("#sm-lingua", "")
    for query, expected in (("中文", {"servizio-00001"}), ("cinese", {"servizio-00001"}),
                            ("english", {"servizio-00002"}), ("العربية", {"servizio-00000"}),
                            ("arabo", {"servizio-00000"})):  # fmt: skip
        page.fill("#sm-q", query)
        assert shown(page) == expected, query
    page.fill("#sm-q", "")
    page.select_option("#sm-area", "casa")
    assert "servizio-00006" in shown(page)
    assert all(
        "Casa"
        in page.evaluate(
            "id => { const d = window.SERVICEMAP_SERVICES, f = d.campi.s;"
            " const r = d.s.find(x => x[f.indexOf('id')] === id);"
            " const label = d.campi.aree.indexOf('etichetta');"
            " return r[f.indexOf('aree')].map(i => d.aree[i][label]).join(); }",
            sid,
        )
        for sid in shown(page)
    )
    page.click("#sm-search button[type=reset]")
    page.wait_for_function("() => document.querySelectorAll('#sm-results [hidden]').length === 0")


def test_a_result_names_its_languages_as_the_service_page_does(site, visit):
    """One label for a language everywhere: the Italian word, then the language's own name."""
    v = visit()
    page = open_search(v, site)
    line = page.inner_text('[data-servizio-id="servizio-00001"] .sm-result-langs')
    assert line == "Lingue: italiano, cinese (中文)"
    page.goto(f"{site}/servizi/servizio-00001/")
    assert "italiano, cinese (中文)" in page.inner_text("article")


def test_filters_can_come_from_the_address(site, visit):
    page = open_search(visit(), site, "?testo=condiviso&lingua=en")
    assert shown(page) == {"servizio-00002"}
    assert page.input_value("#sm-q") == "condiviso"


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        ("2025-03-17T09:30:00Z", {"servizio-00003", "servizio-00005"}),  # Monday 10:30 in Rome
        ("2025-03-17T15:00:00Z", {"servizio-00004"}),  # Monday 16:00 in Rome
        ("2025-03-17T07:30:00Z", set()),  # Monday 08:30 in Rome (03:30 in New York)
        ("2025-04-21T08:30:00Z", {"servizio-00005"}),  # Easter Monday: only festivi: aperto
        ("2025-08-04T08:30:00Z", {"servizio-00005"}),  # a Monday in the August closure
    ],
)
def test_open_now_uses_italian_time_for_a_visitor_abroad(site, visit, instant, expected):
    v = visit(timezone="America/New_York")
    v.page.clock.set_fixed_time(instant)
    page = open_search(v, site)
    page.check("#sm-aperto")
    assert shown(page) == expected
    if instant.startswith("2025-08-04"):
        text = page.inner_text('[data-servizio-id="servizio-00003"] .sm-result-today')
        assert text == "Oggi chiuso: Chiuso per ferie"


def test_search_results_show_hostile_text_literally(site, visit):
    page = open_search(visit(), site)
    page.fill("#sm-q", "ostile")
    assert shown(page) == {"servizio-00000"}
    name = page.inner_text('[data-servizio-id="servizio-00000"] .sm-result-name')
    assert '<img src=x onerror="window.__pwned=1">' in name and "${window.__pwned=1}" in name
    assert page.eval_on_selector_all("#sm-results img", "els => els.length") == 0
    assert page.evaluate("window.__pwned") is None


def test_holidays_in_the_browser_match_the_holidays_package(site, visit):
    page = open_search(visit(), site)
    first, last = page.evaluate("window.SERVICEMAP_HOLIDAYS.y")  # render.holidays: build year
    assert last - first >= 10
    for year in range(first, last + 1):
        js = set(page.evaluate(f"Object.keys(ServicemapHours.holidays({year}))"))
        expected = {d.isoformat() for d in holidays.country_holidays("IT", years=year)}
        assert js == expected, year


# The browser's runner of the golden cases (tests/data/hours_cases.json; the Python one is
# test_hours_cases.py): the real servicemap-hours.js and festivi.js of a built page, under its
# Content-Security-Policy, fed the fields the build writes (render.clientdata.schedule_fields).
GOLDEN_JS = """cases => cases.map(([fields, at]) => {
  const H = window.ServicemapHours;
  const s = H.state(H.schedule(fields[0], fields[1], fields[2]), H.romeNow(new Date(at)));
  return {state: s.state, today: s.ranges.map(r => r.join("-")).join(", "), note: s.note};
})"""


def test_the_browser_gives_the_golden_states(site, visit):
    page = open_search(visit(timezone="America/New_York"), site)
    first, last = page.evaluate("window.SERVICEMAP_HOLIDAYS.y")
    years = hours_cases.case_years()
    assert first <= years.start and years.stop - 1 <= last, "festivi.js must cover the cases"
    cases = hours_cases.cases()
    fields = [[schedule_fields(hours_cases.schedule(c["schedule"])), c["at"]] for c in cases]
    got = page.evaluate(GOLDEN_JS, fields)
    wrong = [
        (hours_cases.case_id(c), c["why"], state)
        for c, state in zip(cases, got, strict=True)
        if state != hours_cases.expected(c)
    ]
    assert wrong == []


def test_the_pages_work_from_file_urls(tmp_path, chromium):
    """The offline copy: no server, no fetch(); the data are classic scripts."""
    folder = build_site(tmp_path, sample_records()[:4])
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(f"{TILES}**", lambda r: r.abort())
    page.goto((folder / "cerca" / "index.html").as_uri())
    page.wait_for_selector("#sm-search[data-ready=true]")
    page.fill("#sm-q", "condiviso")
    assert shown(page) == {"servizio-00001", "servizio-00002"}
    href = page.get_attribute('[data-servizio-id="servizio-00001"] a', "href")
    assert href.endswith("servizi/servizio-00001/index.html")
    page.goto((folder / "mappa" / "index.html").as_uri())
    page.wait_for_selector("#sm-map[data-ready=true] .leaflet-marker-icon")
    assert not errors, errors
    context.close()

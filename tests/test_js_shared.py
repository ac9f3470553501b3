"""The page scripts share one file of helpers, and read their data by field name, not position.

* ``servicemap-common.js`` (``ServicemapCommon``) holds the helpers the scripts used to write each
  for itself (haversine, "Vicino a me", storage, DOM nodes, idle time...): a helper it exports is
  declared in no other script, and the code of a shared rule appears nowhere else.
* Every built page loads it before any other script of ours.
* The browser data (map points and popups, Cerca's records, La mia lista) carries its field
  names in ``campi``, from one Python list per table; the scripts look positions up there. In
  Chromium, data served with its fields in another order still gives the same popup and the
  same results: no script hard-codes a position.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_browser_map_search import open_map, open_search, popup_of, shown, site, visit

import servicemap
from servicemap.render import clientdata, mylist, search
from servicemap.render import map as map_page
from servicemap.render.clientdata import FIELDS_KEY, row

ASSETS = Path(servicemap.__file__).parent / "assets"
COMMON = "servicemap-common.js"
_ = (site, visit)  # fixtures, used by name

# The code of each rule ServicemapCommon holds: written anywhere else, it is a second copy.
SHARED_RULES = {
    "great-circle distance": "Math.asin(",
    "asking for the position": "getCurrentPosition",
    "storage": "localStorage",
    "idle time": "requestIdleCallback",
    "a DOM node": "document.createElement(tag)",
    "a colour from the data": "[0-9a-fA-F]{6}",
    "waiting for the page": 'readyState === "loading"',
}


def code(path: Path) -> str:
    """A script without its comments (where the rules are named, not written)."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.S)
    return re.sub(r"(?m)(^|\s)//\s.*$", "", text)


def scripts() -> dict[str, str]:
    return {p.name: code(p) for p in sorted(ASSETS.glob("*.js"))}


def declared(source: str) -> set[str]:
    return set(re.findall(r"\bfunction\s+([A-Za-z_$][\w$]*)\s*\(", source))


def exported(source: str) -> set[str]:
    block = re.search(r"window\.ServicemapCommon\s*=\s*\{(.*?)\}", source, re.S)
    assert block, "servicemap-common.js defines window.ServicemapCommon"
    return set(re.findall(r"([A-Za-z_$][\w$]*)\s*:", block.group(1)))


def test_a_shared_helper_is_declared_in_one_file_only():
    sources = scripts()
    shared = exported(sources[COMMON])
    assert {"el", "recordText", "distanceKm", "askPosition", "read", "fields"} <= shared
    twice = {
        (name, helper)
        for name, source in sources.items()
        if name != COMMON
        for helper in declared(source) & shared
    }
    assert twice == set()


def test_the_code_of_a_shared_rule_is_written_once():
    sources = scripts()
    for rule, mark in SHARED_RULES.items():
        where = [name for name, source in sources.items() if mark in source]
        assert where == [COMMON], (rule, where)


def test_the_scripts_use_the_shared_helpers():
    """The callers moved: those that wrote a helper now call ServicemapCommon."""
    sources = scripts()
    users = [n for n, s in sources.items() if "ServicemapCommon" in s and n != COMMON]
    expected = {"map", "vicino", "search", "lista", "lista-pagina", "minimap", "service",
                "condividi", "header-search", "lingua", "i18n"}  # fmt: skip
    assert {f"servicemap-{n}.js" for n in expected} <= set(users)


def test_every_page_loads_the_shared_helpers_before_our_other_scripts(example_build):
    own = re.compile(r'<script src="([^"]*assets/servicemap/servicemap-[^"]*\.js)"')
    checked = set()
    for page in sorted(example_build.site.rglob("*.html")):
        scripts_of_ours = own.findall(page.read_text("utf-8"))
        if scripts_of_ours:
            checked.add(page.relative_to(example_build.site).as_posix())
            assert scripts_of_ours[0].endswith(COMMON), (page, scripts_of_ours[:3])
    pages = {"index.html", "mappa/index.html", "cerca/index.html", "lista/index.html"}
    assert pages <= checked  # and every service page (minimap, list toggle, share):
    assert any(p.startswith("servizi/") for p in checked)


# --- the payloads' fields --------------------------------------------------------------------


def payload(script: str, name: str) -> dict:
    prefix = f"window.{name}="
    assert script.startswith(prefix)
    return json.loads(script.removeprefix(prefix).rstrip().removesuffix(";"))


def test_each_payload_names_its_fields_from_the_python_list(example_build):
    data = example_build.site / "assets/servicemap"
    read = lambda name: (data / name).read_text("utf-8")  # noqa: E731
    details = payload(read("mappa-schede.js"), "SERVICEMAP_MAP_DETAILS")
    points = payload(read("mappa-punti.js"), "SERVICEMAP_POINTS")
    records = payload(read("cerca-servizi.js"), "SERVICEMAP_SERVICES")
    extra = payload(read("lista-servizi.js"), "SERVICEMAP_LISTA")
    assert details[FIELDS_KEY] == {"s": list(map_page.DETAIL_FIELDS)}
    assert points[FIELDS_KEY] == {"t": list(map_page.TYPE_FIELDS), "p": list(map_page.POINT_FIELDS)}
    assert records[FIELDS_KEY] == {k: list(v) for k, v in search.FIELDS.items()}
    assert extra[FIELDS_KEY] == {"s": list(mylist.FIELDS)}
    by_id = {r[0]: r for r in details["s"]}
    assert all(len(r) in (len(map_page.DETAIL_FIELDS) - 1, len(map_page.DETAIL_FIELDS))
               for r in details["s"])  # fmt: skip
    assert len(by_id) == len(records["s"]) == len(extra["s"]) > 0


def test_a_row_needs_every_field_and_no_other():
    fields = ("id", "nome", "italiano")
    assert row(fields, {"id": "a", "nome": "A", "italiano": None}) == ["a", "A"]
    with pytest.raises(ValueError, match="nome"):
        row(fields, {"id": "a", "italiano": 1})
    with pytest.raises(ValueError, match="extra"):
        row(fields, {"id": "a", "nome": "A", "italiano": 1, "extra": 2})


def reorder(body: str, name: str, tables: dict[str, int]) -> str:
    """A data script with the fields of ``tables`` in reverse order, but for ``keep`` trailing
    ones (the points' record indices take the rest of the row). Cerca's positions are arrays
    inside its records: their fields ("posizione") are reversed where they stand."""
    value = payload(body, name)
    orders = {}
    for table, keep in tables.items():
        names = value[FIELDS_KEY][table]
        n = len(names) - keep
        orders[table] = list(reversed(range(n))) + list(range(n, len(names)))
        value[FIELDS_KEY][table] = [names[i] for i in orders[table]]
    for table, order in orders.items():
        if table == "posizione":
            continue
        width = len(order) if tables[table] == 0 else 0
        padded = [r + [None] * (width - len(r)) for r in value[table]]  # optional last fields
        value[table] = [[r[i] for i in order] + r[len(order) :] for r in padded]
    if "posizione" in orders:
        at = value[FIELDS_KEY]["s"].index("posizione")
        for r in value["s"]:
            r[at] = [r[at][i] for i in orders["posizione"]] if r[at] else r[at]
    return f"window.{name}={json.dumps(value, ensure_ascii=False)};\n"


def serve_reordered(page, path: str, name: str, tables: dict[str, int]) -> None:
    def handle(route):
        response = route.fetch()
        body = reorder(response.text(), name, tables)
        route.fulfill(response=response, body=body, content_type="text/javascript")

    page.route(f"**/assets/servicemap/{path}", handle)


@pytest.mark.browser
def test_the_map_reads_its_data_by_field_name(site, visit):
    """Points, types and popups served with their fields in another order: the same popup."""
    v = visit()
    v.page.clock.set_fixed_time("2025-03-17T09:30:00Z")  # a Monday, 10:30 in Rome
    expected = popup_of(open_map(v, site), "servizio-00003")
    assert "Mattina del lunedì" in expected
    assert "Oggi aperto 09:00–12:00 · adesso aperto" in expected
    w = visit()
    w.page.clock.set_fixed_time("2025-03-17T09:30:00Z")
    serve_reordered(w.page, "mappa-schede.js", "SERVICEMAP_MAP_DETAILS", {"s": 0})
    serve_reordered(w.page, "mappa-punti.js", "SERVICEMAP_POINTS", {"t": 0, "p": 1})
    page = open_map(w, site)
    header = page.evaluate("() => window.SERVICEMAP_MAP_DETAILS.campi.s")
    assert header[0] != "id" and header[-1] == "id"  # the order did change
    got = popup_of(page, "servizio-00003")
    assert got == expected
    address = page.inner_text(".leaflet-popup-content .sm-popup-address")
    assert address and address in expected
    page.click(".leaflet-popup-close-button")
    page.wait_for_selector(".leaflet-popup", state="detached")
    shared = popup_of(page, "servizio-00001")  # two records at one point: the row's tail
    assert "Sportello Condiviso Alfa" in shared and "Sportello Condiviso Beta" in shared


@pytest.mark.browser
def test_cerca_reads_its_data_by_field_name(site, visit):
    v = visit()
    serve_reordered(
        v.page, "cerca-servizi.js", "SERVICEMAP_SERVICES",
        {"s": 0, "tipi": 0, "aree": 0, "comuni": 0, "posizione": 0},
    )  # fmt: skip
    page = open_search(v, site)
    assert page.evaluate("() => window.SERVICEMAP_SERVICES.campi.s[0]") != "id"
    assert len(shown(page)) == 8
    page.fill("#sm-q", "Condiviso")
    page.wait_for_function(
        "() => document.querySelectorAll('#sm-results li:not([hidden])').length === 2"
    )
    assert shown(page) == {"servizio-00001", "servizio-00002"}
    names = page.inner_text("#sm-results [data-servizio-id='servizio-00001'] .sm-result-name")
    assert names == "Sportello Condiviso Alfa"


def folded_letters() -> list[str]:
    """Every character the build's folding treats specially (``clientdata``'s tables: the
    marks it drops, the letters it replaces), each after a letter, and Latin-1's accented
    letters: the build and the browser must fold each the same, or a word never meets itself."""
    inner = clientdata._COMBINING.pattern.strip("[]")
    marks = []
    for start, end in re.findall(r"(.)(?:-(.))?", inner, re.S):
        marks += [chr(c) for c in range(ord(start), ord(end or start) + 1)]
    letters = [chr(c) for c in clientdata._LETTERS]
    return (
        [f"a{m}" for m in marks] + [f"ب{c}" for c in letters] + [chr(c) for c in range(0xC0, 0x100)]
    )


@pytest.mark.browser
def test_the_browser_folds_every_letter_as_the_build(site, visit):
    texts = folded_letters()
    assert len(texts) > 150
    page = open_search(visit(), site)
    got = page.evaluate("texts => texts.map(t => window.ServicemapMatch.fold(t))", texts)
    wrong = [
        (t, g, clientdata.fold(t))
        for t, g in zip(texts, got, strict=True)
        if g != clientdata.fold(t)
    ]
    assert wrong == []

"""A record's translations in the built site: its language's tree, the open data, escaping.

The example territory (``services.yaml``) has an Arabic, English and Chinese text for
``caritas-pioltello``. Built with the real ``mkdocs build``, the Arabic tree's page carries it
and the Italian page does not show it; the open data (once, at the root) keep every language.
A synthetic site with hostile text in every translated key shows that translated text is record
text: written exactly as given, never run.
"""

from __future__ import annotations

import csv
import io
import json
import re

import synthetic
from conftest import run_build

SERVICE = "caritas-pioltello"
ARABIC_NAME = "مركز الاستماع التابع لكاريتاس في بيولتيلو"
ITALIAN_NAME = "Centro di ascolto Caritas Pioltello"
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def visible(html: str) -> str:
    """The page without its scripts: what a reader (or a screen reader) can meet."""
    return SCRIPT.sub("", html)


def jsonld(html: str) -> dict:
    [data] = JSONLD.findall(html)
    return json.loads(data)


def test_the_arabic_page_names_the_service_in_arabic_in_its_json_ld(example_build):
    data = jsonld(example_build.page(f"ar/servizi/{SERVICE}/index.html"))
    assert data["inLanguage"] == "ar"
    assert data["name"] == {"@value": ARABIC_NAME, "@language": "ar"}
    assert data["mainEntity"]["name"][0] == {"@value": ARABIC_NAME, "@language": "ar"}
    english = jsonld(example_build.page(f"en/servizi/{SERVICE}/index.html"))
    assert english["name"] == {"@value": "Caritas Pioltello listening centre", "@language": "en"}


def test_the_italian_page_does_not_show_the_translation(example_build):
    html = example_build.page(f"servizi/{SERVICE}/index.html")
    assert ITALIAN_NAME in visible(html) and ARABIC_NAME not in visible(html)
    data = jsonld(html)  # the structured data still carry every language
    assert data["inLanguage"] == "it"
    assert {v["@language"] for v in data["mainEntity"]["name"]} == {"it", "en", "ar", "zh"}


def test_the_arabic_page_shows_the_arabic_name(example_build):
    html = example_build.page(f"ar/servizi/{SERVICE}/index.html")
    assert ARABIC_NAME in visible(html)


def test_the_open_data_keep_every_language_once_at_the_root(example_build):
    site = example_build.site
    assert not (site / "ar" / "dati").exists()
    rows = list(
        csv.DictReader(
            io.StringIO(example_build.page("dati/servizi-traduzioni.csv").lstrip("\ufeff"))
        )
    )
    assert {"id": SERVICE, "lingua": "ar", "chiave": "nome", "testo": ARABIC_NAME} in rows
    assert {r["lingua"] for r in rows} == {"en", "ar", "zh"}
    features = json.loads(example_build.page("dati/servizi.geojson"))["features"]
    [caritas] = [f for f in features if f["id"] == SERVICE]
    assert caritas["properties"]["traduzioni"]["ar"]["nome"] == ARABIC_NAME
    services = json.loads(example_build.page("dati/hsds/services.json"))
    [hsds] = [s for s in services if s["name"] == ITALIAN_NAME]
    arabic = next(t for t in hsds["translations"] if t["language"] == "ar")
    assert arabic["name"] == ARABIC_NAME


def test_hostile_translated_text_is_written_as_text_in_every_tree(make_site):
    recs = synthetic.records(3)
    recs.append(synthetic.hostile_translations(recs[0]) | {"id": "ostile"})
    config, site = make_site(recs)
    build = run_build(config, site)
    assert build.returncode == 0, build.output[-3000:]
    for tree in ("", "en/", "ar/", "zh/"):
        html = build.page(f"{tree}servizi/ostile/index.html")
        assert "<img src=x" not in html and 'onerror="window' not in html, tree
        assert "</script><script>window" not in html, tree
        data = jsonld(html)  # parses: no text closed the script
        names = data["mainEntity"]["name"]
        for code in ("en", "ar", "zh"):
            [value] = [v["@value"] for v in names if v["@language"] == code]
            assert value == f"{code} nome: {synthetic.HOSTILE}"
    rows = list(
        csv.DictReader(io.StringIO(build.page("dati/servizi-traduzioni.csv").lstrip("\ufeff")))
    )
    keys = {(r["lingua"], r["chiave"]) for r in rows if r["id"] == "ostile"}
    assert {("ar", "nome"), ("ar", "accessibilita.note"), ("zh", "chiusure.1.nota")} <= keys

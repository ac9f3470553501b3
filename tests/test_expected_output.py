"""Whole-output test: the three-record territory, built in four languages, is the committed
expected output (``tests/expected/``), file by file, normalised only for what legitimately varies
(``expected_output``). After an intended change, ``make expected`` rewrites the tree and the
change is reviewed as its diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import expected_output as eo
import pytest
from conftest import run_build
from expected_format import page


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The expected tree of a fresh build of the territory."""
    return eo.expected_tree(eo.build(tmp_path_factory.mktemp("expected")))


def test_the_build_is_the_expected_output(built: dict[str, str]) -> None:
    expected = eo.read_tree(eo.EXPECTED)
    assert expected, "tests/expected/ è vuota: make expected"
    report = eo.differences(built, expected)
    if report:
        pytest.fail(report, pytrace=False)


def test_the_expected_tree_covers_pages_exports_and_search(built: dict[str, str]) -> None:
    """What the tree compares in full (not only by hash): every kind of output of ours."""
    for tree in ("", "en/", "ar/", "zh/"):
        for path in (
            "index.html",
            "404.html",
            "cerca/index.html",
            "mappa/index.html",
            "servizi/centro-ascolto-pioltello/index.html",
            "servizi/patronato-segrate/index.html",
            "servizi/sportello-vimodrone/index.html",
            "comuni/vimodrone/index.html",
            "search/search_index.json",
            "assets/servicemap/cerca-servizi.js",
        ):
            assert f"site/{tree}{path}" in built, f"{tree}{path}"
    for path in ("servizi.csv", "servizi.geojson", "hsds/datapackage.json", "hsds/services.csv"):
        assert f"site/dati/{path}" in built, path
    listed = built[eo.MANIFEST]
    assert "  assets/vendor/leaflet/leaflet.js\n" in listed
    assert "  sitemap.xml.gz\n" in listed


def test_the_three_records_are_the_cases_the_fixture_promises(built: dict[str, str]) -> None:
    """services.yaml's header says what each record is there for: the tree shows each case."""
    full = built["site/servizi/centro-ascolto-pioltello/index.html"]
    assert '<table class="sm-orari">' in full and "arabo (العربية)" in full
    assert "Chiuso per ferie" in full and "sm-precisione-indirizzo" in full
    assert (
        "<h1>San Giorgio listening centre</h1>"
        in built["site/en/servizi/centro-ascolto-pioltello/index.html"]
    )
    appointment = built["site/servizi/patronato-segrate/index.html"]
    assert "Si riceve su appuntamento: telefona per fissarlo." in appointment
    approximate = built["site/servizi/sportello-vimodrone/index.html"]
    assert "posizione approssimativa (centro del comune)" in approximate
    assert "«sportello-vimodrone» è sulla mappa al centro di Vimodrone" in built[eo.LOG]


def test_the_expected_tree_stays_small_enough_to_review(built: dict[str, str]) -> None:
    size = sum(len(text.encode("utf-8")) for text in built.values())
    assert size < 800_000, f"{size} byte"


def test_a_changed_record_field_fails_with_a_readable_diff(
    built: dict[str, str], tmp_path: Path
) -> None:
    """The comparison can fail, and says where: the territory with one street changed in
    ``services.yaml`` is built and compared with the committed tree."""
    copy = tmp_path / "territorio"
    shutil.copytree(eo.FIXTURE, copy)
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("../../../../", f"{eo.REPO}/"), "utf-8")
    data = copy / "services.yaml"
    data.write_text(data.read_text("utf-8").replace("via: Via Roma 3", "via: Via Roma 5"), "utf-8")
    result = run_build(config, tmp_path / "site_build", env=eo.ENV)
    assert result.returncode == 0, result.output
    report = eo.differences(eo.expected_tree(result), built)
    assert report.startswith("L'output della costruzione non è quello atteso")
    assert "make expected" in report
    assert "--- atteso/site/comuni/segrate/index.html" in report
    assert '-            <address dir="auto">Via Roma 3, 20054 Segrate (MI)</address>' in report
    assert '+            <address dir="auto">Via Roma 5, 20054 Segrate (MI)</address>' in report
    for name in ("site/servizi/patronato-segrate/index.html", "site/dati/servizi.csv"):
        assert name in report.splitlines()[1], name


def test_missing_and_extra_files_are_named(built: dict[str, str]) -> None:
    other = dict(built)
    del other["site/dati/servizi.csv"]
    other["site/dati/nuovo.csv"] = ""
    report = eo.differences(other, built)
    assert "File mancanti (1): site/dati/servizi.csv" in report.splitlines()
    assert "File in più (1): site/dati/nuovo.csv" in report.splitlines()
    assert eo.differences(built, dict(built)) == ""


def test_a_new_release_of_a_package_is_named_as_the_likely_cause(built: dict[str, str]) -> None:
    newer = dict(built)
    newer[eo.VERSIONS] = built[eo.VERSIONS].replace("holidays ", "holidays 99.")
    newer["site/assets/servicemap/festivi.js"] += "// un nome nuovo\n"
    report = eo.differences(newer, built)
    assert "Sono cambiate le versioni dei pacchetti" in report
    assert report.index("--- atteso/versioni.txt") < report.index("--- atteso/site/assets")


def test_a_page_keeps_our_content_and_not_the_theme_chrome() -> None:
    html = (
        '<html lang="it"><head><meta name="generator" content="mkdocs-9.9">'
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' '
        "'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw=' 'sha256-bm90IGEgc2NyaXB0'\">"
        '<title>T</title><link rel="stylesheet" href="../assets/stylesheets/main.1.css">'
        '<link rel="stylesheet" href="../assets/servicemap/x.css"><script>var a=1</script></head>'
        '<body><nav class="md-nav">Home</nav><article class="md-content__inner">'
        '<div class="sm-x"><p>Un   <a href="a/">link</a>\n &amp; testo</p></div></article>'
        '<footer><div class="md-copyright__highlight">Sito aggiornato</div>Made with</footer>'
        "</body></html>"
    )
    text = page(html, "x/index.html").text()
    assert text.splitlines() == [
        '<html lang="it">',
        "<body>",
        # Material's inline script is named, a hash of no script of the page stays as it is.
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' '
        "'sha256-(inline script 1)' 'sha256-(bm90IGEgc2NyaXB0)'\">",
        '<link rel="stylesheet" href="../assets/servicemap/x.css">',
        "<title>T</title>",
        '<article class="md-content__inner">',
        '  <div class="sm-x">',
        '    <p>Un <a href="a/">link</a> &amp; testo</p>',
        "  </div>",
        "</article>",
        '<div class="md-copyright__highlight">Sito aggiornato</div>',
    ]


def test_the_expected_tree_is_written_as_it_is_read(tmp_path: Path) -> None:
    files = {"site/a/index.html": "<p>x</p>\n", "site/dati/x.csv": "\ufeffa,b\r\n1,2\r\n"}
    eo.write_tree(files, tmp_path)
    assert eo.read_tree(tmp_path) == files

"""The offline copy as files: its dated zip and LEGGIMI, links that work from ``file://``, no CDN.

The browser side (search, map, zero requests from ``file://``) is in ``test_offline_browser.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import synthetic
from conftest import PUBLIC_URL, REPO, Build, run_build

from servicemap import pipeline
from servicemap.adapters import offline
from servicemap.validate.project import Project


class _Refs(HTMLParser):
    """Every ``href``/``src`` of a page, with the tag that carries it."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, value))


def refs(page: Path) -> list[tuple[str, str]]:
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.refs


def data_date() -> dt.date:
    result = pipeline.run(Project(data_file=REPO / "services.yaml"), place_records=False)
    return max(dt.date.fromisoformat(s.aggiornato) for s in result.services)


def test_every_local_link_of_the_copy_opens_a_file(offline_build: Build) -> None:
    """From ``file://`` a link to a folder shows a file listing: each must name a file.

    ``404.html`` is left out: only a web server shows it (its links start from the root).
    """
    site = offline_build.site
    bad = []
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 30
    for page in pages:
        for _tag, link in refs(page):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                bad.append(f"{page.relative_to(site)} -> {link}")
    assert bad == []


def test_the_copy_loads_nothing_from_another_host(offline_build: Build) -> None:
    site = offline_build.site
    external = []
    for page in sorted(site.rglob("*.html")):
        for tag, link in refs(page):
            if tag != "a" and urlsplit(link).netloc:  # http(s)://host/... or //host/...
                external.append(f"{page.relative_to(site)}: <{tag}> {link}")
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page
    assert external == []
    # No tiles in the copy: the comuni boundaries are its basemap.
    assert "tile.openstreetmap.org" not in (site / "assets/servicemap/mappa-carta.js").read_text()


def test_the_copy_carries_the_vendored_iframe_worker_shim(offline_build: Build) -> None:
    site = offline_build.site
    vendored = REPO / "src/servicemap/assets/vendor/iframe-worker"
    assert (site / offline.SHIM_PATH).read_bytes() == (vendored / "shim/index.js").read_bytes()
    licence = (site / offline.SHIM_DIR / "LICENSE").read_bytes()
    assert licence == (vendored / "LICENSE").read_bytes() and b"Permission is hereby" in licence
    home = offline_build.page("index.html")
    deep = offline_build.page("servizi/caritas-pioltello.html")
    assert '<script src="assets/vendor/iframe-worker/shim/index.js"></script>' in home
    assert '<script src="../assets/vendor/iframe-worker/shim/index.js"></script>' in deep
    assert (site / "search/search_index.js").is_file()  # Material's index as a script


def test_every_page_shows_the_build_date(offline_build: Build, example_build: Build) -> None:
    date = data_date()
    months = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
              "settembre", "ottobre", "novembre", "dicembre")  # fmt: skip
    when = f'<bdi><time datetime="{date}">'  # the date, isolated from the sentence
    expected = {
        "": f"Sito aggiornato il {when}{date.day} {months[date.month - 1]}",
        "en": f"Site updated on {when}{date.day} ",
        "ar": f"آخر تحديث للموقع: {when}{date.day} ",
        "zh": f"网站更新于 {when}{date.year}年",
    }
    for build in (offline_build, example_build):
        # not the root 404.html: test_languages_pages::test_the_root_404_page_is_the_default_...
        pages = sorted(p for p in build.site.rglob("*.html") if p.name != "404.html")
        trees = {p: p.relative_to(build.site).parts[0] for p in pages}
        missing = [
            p.name
            for p in pages
            if expected.get(trees[p], expected[""]) not in p.read_text(encoding="utf-8")
        ]
        assert missing == []


def test_the_build_writes_a_dated_zip_of_the_copy_with_leggimi(offline_build: Build) -> None:
    site = offline_build.site
    date = data_date()
    zips = sorted(p.name for p in site.glob("*.zip"))
    assert zips == [f"mappa-servizi-offline-{date}.zip"]  # where the publish workflow looks
    folder = f"mappa-servizi-offline-{date}/"
    with zipfile.ZipFile(site / zips[0]) as archive:
        names = archive.namelist()
        leggimi = archive.read(folder + "LEGGIMI.txt").decode("utf-8")
        assert archive.testzip() is None
        index = archive.read(folder + "index.html")
    assert names[0] == folder + "LEGGIMI.txt"
    assert all(n.startswith(folder) for n in names)
    assert not any(n.endswith(".zip") for n in names)  # never contains itself
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {n.removeprefix(folder) for n in names[1:]} == files - set(zips)
    assert index == (site / "index.html").read_bytes()
    # What the operator reads: how to open it, what works offline, how old the data is, where
    # the online site is. CRLF, so that any Notepad shows the lines.
    assert "\r\n" in leggimi
    text = leggimi.replace("\r\n", "\n")
    assert "index.html" in text and "Estrai tutto" in text and "senza internet" in text.lower()
    assert f"Sito aggiornato il {date.day} " in text and str(date.year) in text
    assert "schede verificate " in text  # the span of the checks, as in the footer
    assert PUBLIC_URL in text
    assert re.search(r"ricerca.*\n.*mappa", text)


def test_the_normal_build_writes_no_zip(example_build: Build) -> None:
    assert list(example_build.site.glob("*.zip")) == []
    assert not (example_build.site / offline.SHIM_PATH).exists()


def test_the_zip_is_reproducible(make_site, tmp_path: Path) -> None:
    config, _ = make_site(synthetic.records(6))
    zips = []
    for name, zone in (("uno", "Europe/Rome"), ("due", "Asia/Tokyo")):
        build = run_build(config, tmp_path / name, env={"OFFLINE": "true", "TZ": zone})
        assert build.returncode == 0, build.output
        [path] = build.site.glob("*.zip")
        zips.append((path.name, path.read_bytes()))
    assert zips[0] == zips[1]


def test_leggimi_without_a_public_address_says_whom_to_ask() -> None:
    text = offline.readme("Mappa", dt.date(2024, 3, 14), "")
    assert "14 marzo 2024" in text and "chiedi a chi coordina la rete" in text
    assert "http" not in text

"""Each language is a whole site, and the addresses say which (issue 12, point 4).

The repository's site built with its public address (``SITE_URL``), read as a search engine and
a host would: every page names its other languages (``hreflang``, ``x-default``) with links
that resolve to published pages; the sitemap lists every page with its alternates; the theme's
404 page is Italian at the root and each tree has its own; every tree has its own search index
whose entries are pages of that tree; shared addresses (QR codes, canonical, the list's
link) point into the language's tree.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import REPO, Build, run_build, site_config

PUBLIC = "https://mappa.example.org/rete/"
LANGUAGES = ["it", "en", "ar", "zh"]
TREES = {"it": "", "en": "en/", "ar": "ar/", "zh": "zh/"}
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link">')
XHTML = "{http://www.w3.org/1999/xhtml}link"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("trees")
    config = site_config(root)
    for name in ("services.yaml", "geocache.yaml"):
        shutil.copy(REPO / name, root / name)
    build = run_build(config, root / "site_build", env={"SITE_URL": PUBLIC})
    assert build.returncode == 0, build.output
    return build


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html"))


def resolves(site: Path, page: Path, href: str) -> Path:
    """The published file a link of ``page`` leads to (a folder's ``index.html``)."""
    page_url = "https://host/" + page.relative_to(site).as_posix()
    path = urlsplit(urljoin(page_url, href)).path.lstrip("/")
    target = site / path
    return target / "index.html" if path.endswith("/") or not path else target


def test_every_page_names_every_language_and_each_link_resolves(built: Build) -> None:
    site = built.site
    for page in pages(site):
        links = ALTERNATE.findall(page.read_text(encoding="utf-8"))
        langs = [lang for _, lang in links]
        assert sorted(langs) == sorted([*LANGUAGES, "x-default"]), page
        href = dict((lang, href) for href, lang in links)
        for lang, link in href.items():
            assert resolves(site, page, link).is_file(), (page, lang, link)
        assert href["x-default"] == href["it"]
        own = page.relative_to(site).as_posix()
        tree = next((t for t in TREES.values() if t and own.startswith(t)), "")
        same = own.removeprefix(tree)
        for lang, link in href.items():
            target = resolves(site, page, link).relative_to(site).as_posix()
            assert target == TREES.get(lang, "") + same, (page, lang)


def test_the_switch_keeps_the_page_generated_or_hand_written(built: Build) -> None:
    site = built.site
    service = sorted((site / "servizi").iterdir())[0].name
    for own in [f"servizi/{service}/index.html", "accessibilita/index.html", "index.html"]:
        for tree in TREES.values():
            page = site / tree / own
            switch = dict(
                (lang, href) for href, lang in SWITCH.findall(page.read_text(encoding="utf-8"))
            )
            assert list(switch) == LANGUAGES, page
            for lang, href in switch.items():
                assert not href.startswith("/"), (page, href)  # relative: any host, file://
                target = resolves(site, page, href).relative_to(site).as_posix()
                assert target == TREES[lang] + own, (page, lang, href)


def test_the_sitemap_lists_every_page_with_its_alternates(built: Build) -> None:
    site = built.site
    root = ET.parse(site / "sitemap.xml").getroot()
    listed: dict[str, dict[str, str]] = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc") or ""
        listed[loc] = {link.get("hreflang", ""): link.get("href", "") for link in url.iter(XHTML)}
    published = {PUBLIC + p.relative_to(site).parent.as_posix() + "/" for p in pages(site)}
    published = {u.replace(PUBLIC + "./", PUBLIC) for u in published}
    assert set(listed) == published
    for loc, alternates in listed.items():
        assert sorted(alternates) == sorted([*LANGUAGES, "x-default"]), loc
        assert loc in alternates.values()
        assert alternates["x-default"] == alternates["it"]
        for href in alternates.values():
            assert href in published, (loc, href)


def test_the_root_404_is_italian_and_each_tree_has_its_own(built: Build) -> None:
    site = built.site
    assert '<html dir="ltr" lang="it"' in built.page("404.html")
    arabic = built.page("ar/404.html")
    assert '<html dir="rtl" lang="ar"' in arabic and '<body dir="rtl"' in arabic
    assert '<html dir="ltr" lang="en"' in built.page("en/404.html")
    # The error page is served at any depth: its switch leads to each language's home page.
    switch = dict((lang, href) for href, lang in SWITCH.findall(arabic))
    path = urlsplit(PUBLIC).path
    assert switch == {lang: path + tree for lang, tree in TREES.items()}
    # Its search reads the Arabic tree's index.
    config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', arabic)
    assert json.loads(config.group(1))["base"] == path + "ar/"
    assert (site / "zh/404.html").is_file()


def test_each_tree_has_its_own_search_index(built: Build) -> None:
    site = built.site
    for lang, tree in TREES.items():
        index = json.loads((site / tree / "search/search_index.json").read_text("utf-8"))
        docs = index["docs"]
        assert docs, lang
        for doc in docs:
            location = doc["location"].split("#")[0]
            assert resolves(site, site / tree / "index.html", location or "./").is_file(), doc
        assert not any(d["location"].startswith(tuple(TREES.values())[1:]) for d in docs), lang
        # Every page of the tree can be found (services, comuni, hand-written pages).
        found = {d["location"].split("#")[0] for d in docs}
        assert len(found) >= len(list((site / "servizi").iterdir())), lang
    # A page of the Arabic tree reads its own tree's index (Material: __config.base).
    page = built.page("ar/servizi/" + sorted((site / "servizi").iterdir())[0].name + "/index.html")
    config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', page).group(1))
    assert config["base"] == "../.."


def test_shared_addresses_stay_in_the_language_tree(built: Build) -> None:
    """QR code of the printed card, canonical address, the list's shared link: the sender's
    language, so the person who receives them reads the same page."""
    site = built.site
    service = sorted((site / "servizi").iterdir())[0].name
    for tree in TREES.values():
        page = built.page(f"{tree}servizi/{service}/index.html")
        address = f"{PUBLIC}{tree}servizi/{service}/"
        assert f'<link rel="canonical" href="{address}">' in page
        assert re.search(f'sm-qr-url"[^>]*>{re.escape(address)}<', page), address
        lista = built.page(f"{tree}lista/index.html")
        assert f'data-public-url="{PUBLIC}{tree}lista/"' in lista


def test_leggimi_says_in_each_language_how_to_open_its_tree() -> None:
    import datetime as dt

    from servicemap.adapters import offline

    date = dt.date(2024, 3, 14)
    italian = offline.readme("Mappa", date, PUBLIC, "Sito aggiornato il 14 marzo 2024")
    every = offline.readme("Mappa", date, PUBLIC, "Sito aggiornato il 14 marzo 2024", TREES)
    assert every.startswith(italian)  # the Italian part reads as it always did, first
    rest = every.removeprefix(italian).replace("\r\n", "\n")
    folder = "mappa-servizi-offline-2024-03-14"
    for words in [
        f'2. Open the folder "{folder}/en" and double-click index.html:',
        f"The online site, always up to date, is: {PUBLIC}en/",
        f'2. افتح المجلد "{folder}/ar" وانقر نقرًا مزدوجًا على index.html:',
        f"الموقع على الإنترنت، المحدَّث دائمًا: {PUBLIC}ar/",
        f"2. 打开文件夹“{folder}/zh”，双击 index.html：",
        "العربية\nنسخة تعمل دون إنترنت",
    ]:
        assert words in rest
    assert "Dati" not in rest and "\n" not in every.replace("\r\n", "")

"""The languages' trees in Chromium, as a visitor uses them (issue 12, points 4, 5 and 6).

* Material's language switch keeps the page (a service in Italian -> the same service in Arabic).
* A browser that prefers another language of the site is offered it, in that language, with one
  tap, never redirected; saying no is remembered. An Italian browser sees no offer.
* Material's header search in a tree finds that tree's pages: an English word on ``/en/`` finds
  the English page; an Italian title still finds the translated page; nothing leads back to Italian.
* The offline copy (one zip, every language) from ``file://``: the Arabic home is right to left,
  its switch opens the Italian page, Material's search works in Arabic.

The site is the repository's, with an English, an Arabic and a Chinese translation of "Dati aperti"
added (``content/dati-aperti.en.md``, ``.ar.md``, ``.zh.md``) as a territory would write them.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from browser import SETTLED_JS, Person, describe, material_search, people, run_axe, serve
from conftest import REPO, Build, run_build, site_config

pytestmark = [pytest.mark.browser]

ENGLISH = """# Open data

Every service record is published as open data, for anyone who wants to reuse it in another
map, an app or a spreadsheet: one row for each record, with the values the pages show.
"""
ARABIC = """# بيانات مفتوحة

تُنشر جميع بطاقات الخدمات كبيانات مفتوحة لكل من يريد إعادة استخدامها في خريطة أخرى أو تطبيق
أو جدول بيانات.
"""
CHINESE = """# 开放数据

所有服务信息都作为开放数据发布，任何人都可以在另一张地图、应用程序或电子表格中重复使用。
"""
OFFER_AR = "اقرأ هذه الصفحة بالعربية"


def _territory(root: Path) -> Path:
    """The repository's site with two translated pages, ready to build."""
    config = site_config(root)
    for name in ("services.yaml", "geocache.yaml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    (root / "content/dati-aperti.en.md").write_text(ENGLISH, encoding="utf-8")
    (root / "content/dati-aperti.ar.md").write_text(ARABIC, encoding="utf-8")
    (root / "content/dati-aperti.zh.md").write_text(CHINESE, encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"docs_dir: {REPO / 'content'}", "docs_dir: content"))
    return config


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Build:
    config = _territory(tmp_path_factory.mktemp("trees-online"))
    build = run_build(config, config.parent / "site_build")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def site(online: Build):
    with serve(online.site) as url:
        yield url


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy's zip, extracted as an operator would: the folder inside it."""
    root = tmp_path_factory.mktemp("trees-offline")
    config = _territory(root)
    build = run_build(config, root / "site_build", env={"OFFLINE": "true"})
    assert build.returncode == 0, build.output
    (archive,) = sorted(build.site.glob("*.zip"))
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "estratto")
    (folder,) = (root / "estratto").iterdir()
    return folder


def test_the_offline_copy_carries_every_language_and_says_how_to_open_each(
    unzipped: Path,
) -> None:
    leggimi = (unzipped / "LEGGIMI.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    assert "fai doppio clic su index.html" in leggimi
    for tree, words in [("en", "Open the folder"), ("ar", "افتح المجلد"), ("zh", "打开文件夹")]:
        lines = leggimi.splitlines()
        assert any(words in line and f"{unzipped.name}/{tree}" in line for line in lines), tree
        assert (unzipped / tree / "index.html").is_file()
        assert (unzipped / tree / "search/search_index.js").is_file()
        assert (unzipped / tree / "servizi").is_dir()
    assert leggimi.startswith("Segretariato Sociale Diffuso – Mappa dei servizi\n")


def search_arabic(page, query: str) -> list[str]:
    """Material's header search for words a US keyboard cannot type (Arabic, Chinese).

    Playwright inserts such characters without key events, and Material reads the query on
    ``keyup``: a person's Arabic keyboard sends one per letter; here ``End`` sends it.
    """
    page.keyboard.press("s")
    box = "input.md-search__input"
    for _ in range(30):
        page.fill(box, "")
        page.type(box, query)
        page.keyboard.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=500)
        except Exception:  # playwright's TimeoutError: the index is not built yet
            continue
        return page.locator(".md-search-result__item h1").all_inner_texts()
    raise AssertionError(f"Nessun risultato per {query!r}")


def first_service(online: Build) -> str:
    return sorted(p.name for p in (online.site / "servizi").iterdir())[0]


def switch_to(person: Person, language: str) -> None:
    """Open Material's language menu and choose ``language`` (its name, as the menu shows it)."""
    page = person.page
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(".md-select__link", has_text=language).click()
    page.wait_for_load_state("load")


def offer(person: Person):
    return person.page.locator(".sm-lingua-offerta")


def test_the_switch_keeps_the_page(site: str, online: Build, chromium) -> None:
    service = first_service(online)
    with people(chromium) as make:
        person = make(viewport={"width": 1280, "height": 800})
        person.page.goto(f"{site}servizi/{service}/")
        switch_to(person, "العربية")
        assert person.page.url == f"{site}ar/servizi/{service}/"
        assert person.page.locator("body").get_attribute("dir") == "rtl"
        switch_to(person, "English")
        assert person.page.url == f"{site}en/servizi/{service}/"
        person.page.goto(f"{site}ar/dati-aperti/")  # a hand-written page, translated
        switch_to(person, "Italiano")
        assert person.page.url == f"{site}dati-aperti/"


def test_an_arabic_browser_is_offered_arabic_with_one_tap(site: str, chromium) -> None:
    with people(chromium) as make:
        person = make(locale="ar", bypass_csp=True)  # axe is added to the page
        person.page.goto(site)
        banner = offer(person)
        banner.wait_for()
        assert banner.get_attribute("lang") == "ar" and banner.get_attribute("dir") == "rtl"
        assert banner.locator("a").inner_text() == OFFER_AR
        assert person.page.url == site  # offered, not moved
        # WCAG 2.1 AA with the band shown, on a phone; its button is a finger's size.
        violations = run_axe(person.page)
        assert violations == [], describe(violations)
        assert banner.locator("button").bounding_box()["height"] >= 44
        banner.locator("a").click()
        person.page.wait_for_load_state("load")
        assert person.page.url == f"{site}ar/"
        person.page.wait_for_function(SETTLED_JS)
        assert offer(person).count() == 0  # already in Arabic
        person.page.goto(site)  # back in Italian, by choice: not offered again
        person.page.wait_for_function(SETTLED_JS)
        assert offer(person).count() == 0


def test_an_italian_browser_is_offered_nothing(site: str, chromium) -> None:
    with people(chromium) as make:
        person = make(locale="it-IT")
        for path in ["", "cerca/", "dati-aperti/"]:
            person.page.goto(site + path)
            person.page.wait_for_function(SETTLED_JS)
            assert person.page.evaluate("navigator.languages[0]") == "it-IT"
            assert offer(person).count() == 0, path


def test_saying_no_is_remembered_and_the_offer_keeps_the_page(
    site: str, online: Build, chromium
) -> None:
    service = first_service(online)
    with people(chromium) as make:
        person = make(locale="zh-CN")
        person.page.goto(f"{site}servizi/{service}/")
        banner = offer(person)
        banner.wait_for()
        assert banner.get_attribute("lang") == "zh"
        assert banner.locator("a").inner_text() == "用中文阅读本页"
        assert banner.locator("a").get_attribute("href") == f"../../zh/servizi/{service}/"
        banner.locator("button").click()
        assert offer(person).count() == 0
        person.page.reload()
        person.page.wait_for_function(SETTLED_JS)
        assert offer(person).count() == 0


def test_search_in_each_tree_finds_that_trees_pages(site: str, online: Build, chromium) -> None:
    with people(chromium) as make:
        person = make(viewport={"width": 1280, "height": 800})
        person.page.goto(f"{site}en/")
        person.page.wait_for_function(SETTLED_JS)
        assert material_search(person.page, "spreadsheet") == ["Open data"]
        links = person.page.locator(".md-search-result__link").evaluate_all(
            "links => links.map(a => a.href)"
        )
        assert links and all(link.startswith(f"{site}en/dati-aperti/") for link in links)
        # The Italian title still finds the translated page, in English.
        titles = material_search(person.page, "aperti")
        assert "Open data" in titles and "Dati aperti" not in titles
        # On /ar/ the Arabic page is found by its Arabic words...
        person.page.goto(f"{site}ar/")
        person.page.wait_for_function(SETTLED_JS)
        assert arabic_pages(search_arabic(person.page, "مفتوحة"))
        # ... and the records' Italian text too, leading to the tree's pages.
        material_search(person.page, "caritas")
        links = person.page.locator(".md-search-result__link").evaluate_all(
            "links => links.map(a => a.href)"
        )
        assert links and all(link.startswith(f"{site}ar/") for link in links)
        # On /zh/ a word inside a Chinese sentence (segmented at build time, as Material does
        # with jieba) finds the Chinese page.
        person.page.goto(f"{site}zh/")
        person.page.wait_for_function(SETTLED_JS)
        titles = search_arabic(person.page, "电子表格")
        found = [t.replace("\u200b", "") for t in titles]  # other pages may name spreadsheets
        assert "开放数据" in found and not {"Dati aperti", "Home"} & set(found), found
        links = person.page.locator(".md-search-result__link").evaluate_all(
            "links => links.map(a => a.href)"
        )
        assert f"{site}zh/dati-aperti/" in links
        assert all(link.startswith(f"{site}zh/") for link in links), links
        # The Arabic error page (a broken link into /ar/) searches the Arabic tree too.
        person.page.goto(f"{site}ar/404.html")
        person.page.wait_for_function(SETTLED_JS)
        assert arabic_pages(search_arabic(person.page, "مفتوحة"))
        # The Italian site does not list the English page.
        person.page.goto(site)
        person.page.wait_for_function(SETTLED_JS)
        titles = material_search(person.page, "aperti")
        assert "Open data" not in titles


def test_the_offline_copy_in_arabic_from_disk(unzipped: Path, chromium) -> None:
    with people(chromium) as make:
        person = make(viewport={"width": 1280, "height": 800})
        requests: list[str] = []
        failed: list[str] = []
        person.page.on("request", lambda r: requests.append(r.url))
        person.page.on("requestfailed", lambda r: failed.append(r.url))
        person.page.goto((unzipped / "ar/index.html").as_uri())
        person.page.wait_for_function(SETTLED_JS)
        assert person.page.locator("html").get_attribute("dir") == "rtl"
        assert person.page.locator("body").get_attribute("dir") == "rtl"
        assert person.page.locator("html").get_attribute("lang") == "ar"
        assert arabic_pages(search_arabic(person.page, "مفتوحة"))
        link = person.page.locator(".md-search-result__link").first.get_attribute("href")
        assert link and "ar/dati-aperti.html" in link
        assert any(u.endswith("/ar/search/search_index.js") for u in requests)
        person.page.keyboard.press("Escape")
        switch_to(person, "Italiano")
        assert person.page.url == (unzipped / "index.html").as_uri()
        assert person.page.locator("html").get_attribute("lang") == "it"
        person.page.goto((unzipped / "ar/dati-aperti.html").as_uri())
        switch_to(person, "Italiano")
        assert person.page.url == (unzipped / "dati-aperti.html").as_uri()
        assert [u for u in requests if not u.startswith("file://")] == []
        assert failed == []  # no sitemap.xml looked for beside each page (Material's switch)


def test_the_offline_copy_offers_the_readers_language_from_disk(unzipped: Path, chromium) -> None:
    with people(chromium) as make:
        person = make(locale="ar-EG")
        person.page.goto((unzipped / "dati-aperti.html").as_uri())
        banner = offer(person)
        banner.wait_for()
        assert banner.locator("a").inner_text() == OFFER_AR
        banner.locator("a").click()
        person.page.wait_for_load_state("load")
        assert person.page.url == (unzipped / "ar/dati-aperti.html").as_uri()
        assert person.page.locator("h1").inner_text() == "بيانات مفتوحة"


def arabic_pages(titles: list[str]) -> bool:
    """The open data page is found, and only pages of the Arabic tree (the home page links to
    it by name, so it is found too), never their Italian originals."""
    return "بيانات مفتوحة" in titles and not {"Dati aperti", "Home"} & set(titles)

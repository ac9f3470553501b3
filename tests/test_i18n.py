"""The interface in Italian, English, Arabic (right to left) and Chinese; records as written."""

from __future__ import annotations

import re

import pytest
from browser import close
from test_browser_map_search import sample_records, serve_site

from servicemap import i18n


def test_every_interface_text_has_every_language():
    assert set(i18n.interface().languages) == {"it", "en", "ar", "zh"}
    assert i18n.interface().languages["ar"]["direzione"] == "rtl"
    assert i18n.missing_translations() == []


def test_every_key_the_pages_use_is_in_the_dictionary(example_build):
    used: set[str] = set()
    for page in example_build.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        used |= set(re.findall(r'data-i18n="([^"]+)"', text))
        used |= {k for pairs in re.findall(r'data-i18n-attr="([^"]+)"', text)
                 for k in re.findall(r":([^;]+)", pairs)}  # fmt: skip
    # The generated pages (service, lists, home) are rendered in their language and carry none.
    assert {"cerca.q", "cerca.vicino"} <= used
    assert used - set(i18n.interface().texts) == set()


def test_the_switch_is_on_every_page(example_build):
    for page in ("index.html", "cerca/index.html", "mappa/index.html", "aree/poverta/index.html"):
        html = example_build.page(page)
        assert "assets/servicemap/interfaccia.js" in html, page
        assert "assets/servicemap/servicemap-i18n.js" in html, page


# --- in the browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_site(tmp_path_factory.mktemp("lingue"), sample_records()) as url:
        yield url


@pytest.mark.browser
def test_arabic_is_right_to_left_translates_the_interface_and_persists(site, chromium):
    page = chromium.new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site}/servizi/servizio-00003/")
    switch = page.locator("select#sm-lingua-sito")
    assert switch.is_visible()
    assert page.evaluate("document.getElementById('sm-lingua-sito').labels[0].textContent") == (
        "Lingua del sito"
    )
    name = page.inner_text("h1")
    # Keyboard: focus the switch and choose with the arrow keys (it -> en -> ar).
    switch.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert switch.input_value() == "ar"
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl"
    # The service page's own texts are rendered in each language's tree (ar/servizi/...), not
    # swapped: test_languages_pages.
    nav = page.evaluate(
        "[...document.querySelectorAll('.md-nav__link')].map(a => a.textContent.trim())"
    )
    assert "البيانات المفتوحة" in nav and "Dati aperti" not in nav
    assert page.inner_text("h1") == name  # the record stays as written
    assert page.get_attribute(".md-content", "lang") == "it"
    # The choice persists: the search page opens in Arabic.
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true]")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("label[for=sm-q]") == "عمّ تبحث"
    assert page.inner_text("#sm-vicino") == "بالقرب مني"
    assert page.input_value("#sm-lingua-sito") == "ar"
    # Chinese, then back to Italian.
    page.select_option("#sm-lingua-sito", "zh")
    assert page.get_attribute("html", "lang") == "zh"
    assert page.get_attribute("html", "dir") == "ltr"
    assert page.inner_text("label[for=sm-aperto]") == "现在开放"
    assert page.get_attribute("#sm-q", "placeholder") == "例如：食品包、SPID、中文"
    page.select_option("#sm-lingua-sito", "it")
    assert page.inner_text("label[for=sm-aperto]") == "Aperto ora"
    assert page.get_attribute("html", "lang") == "it"
    page.reload()
    assert page.input_value("#sm-lingua-sito") == "it"
    assert not errors, errors
    close(page)


@pytest.mark.browser
def test_english_today_and_age_follow_the_switch(site, chromium):
    page = chromium.new_context(timezone_id="Europe/Rome").new_page()
    page.clock.set_fixed_time("2025-03-17T09:30:00Z")  # Monday 10:30 in Rome
    page.goto(f"{site}/servizi/servizio-00003/")  # lun 09:00-12:00
    page.wait_for_selector(".sm-oggi:not([hidden])")
    assert page.inner_text(".sm-oggi") == "Oggi aperto 09:00–12:00 · adesso aperto"
    page.select_option("#sm-lingua-sito", "en")
    assert page.inner_text(".sm-oggi") == "Open today 09:00–12:00 · open now"
    # «Condividi» is rendered in the English tree (en/servizi/...): test_languages_pages.
    close(page)


@pytest.mark.browser
def test_search_count_and_result_labels_follow_the_switch(site, chromium):
    page = chromium.new_page()
    page.goto(f"{site}/cerca/")
    page.wait_for_selector("#sm-search[data-ready=true]")
    italian = page.inner_text("#sm-count")
    assert italian.endswith("servizi trovati")
    count = italian.split()[0]
    page.select_option("#sm-lingua-sito", "en")
    assert page.inner_text("#sm-count") == f"{count} services found"
    assert page.locator(".sm-result-langs").first.inner_text().startswith("Languages:")
    page.fill("#sm-q", "zzzz")
    assert page.inner_text("#sm-count") == "No service found for «zzzz»: try another word."
    assert page.inner_text("#sm-nessuno li >> nth=0") == "the services of your town"
    page.select_option("#sm-tipo", index=1)  # a filter is set: now the advice is to remove it
    assert page.inner_text("#sm-count") == "No service found with these filters: try removing one."
    page.select_option("#sm-lingua-sito", "it")
    assert page.inner_text("#sm-count").startswith("Nessun servizio trovato")
    close(page)

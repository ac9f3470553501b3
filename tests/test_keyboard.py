"""Every task with the keyboard alone, in headless Chromium, on the example site.

Only the keys a person would press (Tab, Shift+Tab, Enter, Escape and typing): never a click or
a programmatic focus. Each focused element must show where the focus is.
"""

from __future__ import annotations

import pytest
from browser import FEWER_SHOWN_JS, close, new_page, page_types, settle

pytestmark = [
    pytest.mark.browser,
]

ACTIVE_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {tag: e.tagName, cls: String(e.className || ''), text: (e.textContent || '').trim(),
          label: e.getAttribute('aria-label') || '', href: e.getAttribute('href') || '',
          outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
          shadow: s.boxShadow, w: r.width, h: r.height,
          inContent: !!e.closest('.md-content'), inPopup: !!e.closest('.leaflet-popup'),
          inResults: !!e.closest('#sm-results'), inMap: !!e.closest('.leaflet-container')};
}"""


@pytest.fixture(scope="module")
def kinds(example_build) -> dict[str, str]:
    return page_types(example_build.site)


@pytest.fixture
def tab(chromium):
    """A page and a ``press(key)`` that returns what has the focus afterwards."""
    made = []

    def make(width: int = 1280):
        page = new_page(chromium, width=width)
        made.append(page)

        def press(key: str = "Tab") -> dict | None:
            page.keyboard.press(key)
            return page.evaluate(ACTIVE_JS)

        return page, press

    yield make
    for page in made:
        close(page)


def tab_until(press, predicate, limit: int = 80) -> dict:
    """Press Tab until the focused element satisfies ``predicate``; fail after ``limit``."""
    seen = []
    for _ in range(limit):
        active = press("Tab")
        if active and predicate(active):
            return active
        seen.append(active and (active["tag"], active["text"][:30]))
    raise AssertionError(f"not reached in {limit} Tabs: {seen[-10:]}")


def test_the_skip_link_is_the_first_stop_and_jumps_to_the_content(example_site, kinds, tab):
    for kind in ("servizio", "comune", "bisogno", "cerca", "home"):
        page, press = tab()
        page.goto(example_site + kinds[kind])
        settle(page, kinds[kind])
        first = press("Tab")
        assert first and "md-skip" in first["cls"] and first["text"] == "Vai al contenuto", kind
        # Material fades it in: it ends fully opaque.
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.md-skip')).opacity == 1"
        )
        box = page.locator(".md-skip").bounding_box()
        assert box and box["y"] >= 0 and box["width"] > 50, kind
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == first["href"], kind
        after = press("Tab")
        assert after and after["inContent"], (kind, after)  # the header and the menu skipped


def test_search_type_and_open_a_result_with_the_keyboard(example_site, tab):
    page, press = tab()
    page.goto(example_site + "cerca/")
    settle(page, "cerca/")
    tab_until(press, lambda a: a["tag"] == "INPUT" and a["cls"].find("md-search") < 0
              and page.evaluate("document.activeElement.id") == "sm-q")  # fmt: skip
    page.keyboard.type("caritas")
    page.wait_for_function(
        "() => document.getElementById('sm-count').textContent.includes('trovat')"
    )
    count = page.inner_text("#sm-count")
    assert count.endswith("trovati") and not count.startswith("15 "), count
    result = tab_until(press, lambda a: a["inResults"] and a["tag"] == "A", limit=15)
    assert "Caritas" in result["text"]
    page.keyboard.press("Enter")
    page.wait_for_url("**/servizi/**")
    assert page.locator("article h1").first.inner_text() == result["text"]


def test_filters_work_from_the_keyboard(example_site, tab):
    page, press = tab()
    page.goto(example_site + "cerca/")
    settle(page, "cerca/")
    total = page.locator("#sm-results [data-servizio-id]:not([hidden])").count()
    # In the order the page shows them: the words, "aperto ora", then the other filters.
    tab_until(press, lambda a: page.evaluate("document.activeElement.id") == "sm-aperto")
    page.keyboard.press("Space")
    assert page.is_checked("#sm-aperto")
    page.keyboard.press("Space")  # off again: the comune alone narrows the list below
    tab_until(press, lambda a: page.evaluate("document.activeElement.id") == "sm-comune", 6)
    page.keyboard.press("ArrowDown")  # a closed <select> changes with the arrows
    page.wait_for_function(FEWER_SHOWN_JS, arg=total)
    assert page.input_value("#sm-comune") != ""
    shown = page.locator("#sm-results [data-servizio-id]:not([hidden])").count()
    assert 0 < shown < total
    tab_until(press, lambda a: a["tag"] == "BUTTON" and a["text"] == "Azzera i filtri", 5)
    page.keyboard.press("Enter")
    page.wait_for_function(ALL_SHOWN_JS, arg=total)  # the form resets, then filters anew
    assert page.input_value("#sm-comune") == ""
    assert page.locator("#sm-results [data-servizio-id]:not([hidden])").count() == total


# All ``n`` results are shown again, and the count says so.
ALL_SHOWN_JS = """n => document.querySelectorAll('#sm-results [data-servizio-id]:not([hidden])')
  .length === n && parseInt(document.getElementById('sm-count').textContent, 10) === n"""


def test_map_list_alternative_and_popup_with_the_keyboard(example_site, tab):
    page, press = tab()
    page.goto(example_site + "mappa/")
    settle(page, "mappa/")
    skip = tab_until(press, lambda a: "sm-skip-map" in a["cls"])
    assert skip["text"].startswith("Salta la mappa")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#elenco-dei-servizi"
    # The list follows the map: its first stops are the services and their buttons.
    link = press("Tab")
    assert link and link["tag"] == "A" and "/servizi/" in link["href"], link
    button = press("Tab")
    assert button and button["tag"] == "BUTTON" and button["text"] == "Mostra sulla mappa"
    assert button["label"] == f"Mostra sulla mappa: {link['text']}"
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content .sm-popup a")
    page.wait_for_function("() => !!document.activeElement.closest('.leaflet-popup')")
    inside = page.evaluate(ACTIVE_JS)
    assert inside["inPopup"] and inside["text"] == link["text"]  # the focus went to the popup
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    back = page.evaluate(ACTIVE_JS)
    assert back["tag"] == "BUTTON" and back["label"] == button["label"]  # and came back
    # Enter on the popup's link opens the service page.
    page.keyboard.press("Enter")
    page.wait_for_function("() => !!document.activeElement.closest('.leaflet-popup')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/servizi/**")
    assert page.locator("article h1").first.inner_text() == link["text"]


def test_a_marker_opens_its_popup_with_enter(example_site, tab):
    page, press = tab()
    page.goto(example_site + "mappa/")
    settle(page, "mappa/")
    marker = tab_until(press, lambda a: "sm-marker" in a["cls"])
    assert marker["label"].endswith(": apri i dettagli")
    page.keyboard.press("Enter")
    popup = page.wait_for_selector(".leaflet-popup-content .sm-popup")
    name = marker["label"].removesuffix(": apri i dettagli")
    if not name.endswith("in questo punto"):
        assert name in popup.inner_text()
    close_button = page.locator(".leaflet-popup-close-button")
    assert close_button.get_attribute("aria-label") == "Chiudi"


@pytest.mark.parametrize("kind", ["home", "cerca", "mappa", "servizio", "comune", "bisogno"])
def test_focus_is_visible_at_every_stop(example_site, kinds, tab, kind):
    """WCAG 2.4.7: every element the Tab key reaches draws a ring (outline or shadow)."""
    page, press = tab()
    page.goto(example_site + kinds[kind])
    settle(page, kinds[kind])
    stops, invisible = 0, []
    for _ in range(60):
        active = press("Tab")
        if active is None:
            break
        if "md-skip" in active["cls"] and stops:
            break  # went round the whole page
        stops += 1
        ring = active["outline"] != "none" and active["outlineWidth"] >= 2
        if not ring and active["shadow"] in ("", "none"):
            invisible.append((active["tag"], active["cls"][:40], active["text"][:30]))
    assert stops >= 10
    assert invisible == [], invisible

"""Honest freshness (the footer, the printed sheets) and a quiet first build.

* The footer gives the build date (``SOURCE_DATE_EPOCH``) and the span of the records' checks,
  never the newest record's date as the date of all the data.
* Paper carries absolute dates only: "2 anni fa" is wrong the day after printing.
* ``make site`` on the example prints one line per warning code; ``-v`` lists them all; errors
  are always listed in full; ``--strict`` still fails on warnings.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import synthetic
from browser import pdf_pages
from conftest import REPO, Build, run_build

from servicemap.render.freshness import footer_line

DEC_1_2026 = dt.date(2026, 12, 1)
EPOCH_DEC_1_2026 = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.UTC).timestamp()))


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_footer_says_the_build_date_and_the_span_of_the_checks() -> None:
    dates = ["2024-03-14"] * 15 + ["2026-02-10", "2026-11-30", "2025-12-02", "non-una-data"]
    line = footer_line(DEC_1_2026, dates)
    assert plain(line) == (
        "Sito aggiornato il 1 dicembre 2026 · schede verificate tra marzo 2024 e novembre 2026; "
        "15 su 18 da più di un anno"
    )
    assert '<time datetime="2026-12-01">' in line


def test_footer_of_records_checked_in_one_month_within_the_year() -> None:
    assert plain(footer_line(DEC_1_2026, ["2026-11-03", "2026-11-30"])) == (
        "Sito aggiornato il 1 dicembre 2026 · schede verificate a novembre 2026"
    )
    assert plain(footer_line(dt.date(2024, 2, 29), ["2023-02-27"])).endswith(
        "; 1 su 1 da più di un anno"
    )


def test_every_page_of_a_build_carries_the_honest_footer(make_site) -> None:
    recs = synthetic.records(4)
    for rec, date in zip(
        recs, ("2024-03-14", "2024-05-02", "2026-10-01", "2026-11-20"), strict=True
    ):
        rec["aggiornato"] = date
    config, site = make_site(recs)
    build = run_build(config, site, env={"SOURCE_DATE_EPOCH": EPOCH_DEC_1_2026})
    assert build.returncode == 0, build.output
    expected = {
        "": "Sito aggiornato il 1 dicembre 2026 · schede verificate tra marzo 2024 e novembre "
        "2026; 2 su 4 da più di un anno",
        "en": "Site updated on 1 December 2026 · records checked between March 2024 and November "
        "2026; 2 of 4 over a year ago",
        "ar": "آخر تحديث للموقع: 1 ديسمبر 2026 · تم التحقق من البيانات بين مارس 2024 ونوفمبر "
        "2026؛ 2 من 4 منذ أكثر من سنة",
        "zh": "网站更新于 2026年12月1日 · 条目核实于 2024年3月 至 2026年11月 之间；"
        "4 条中有 2 条已超过一年",
    }
    # mkdocs-static-i18n writes each language's 404.html at the root, the last built wins:
    # test_languages_pages::test_the_root_404_page_is_the_default_language's.
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")
    tree = {p: p.relative_to(site).parts[0] for p in pages}
    missing = [
        p
        for p in pages
        if expected.get(tree[p], expected[""]) not in plain(p.read_text(encoding="utf-8"))
    ]
    assert pages and missing == []
    assert {"en", "ar", "zh"} <= set(tree.values())
    assert "Dati aggiornati al" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_printed_sheet_has_absolute_dates_only(offline_build: Build, chromium) -> None:
    page = chromium.new_page()
    try:
        page.goto((offline_build.site / "servizi/caritas-pioltello.html").as_uri())
        page.wait_for_function("() => document.querySelector('.sm-eta').textContent.length > 0")
        on_screen = page.inner_text(".sm-aggiornato")
        assert "fa)" in on_screen  # the screen shows the age ("oltre 2 anni fa")
        text = " ".join(pdf_pages(page.pdf(format="A4", print_background=True)))
    finally:
        page.close()
    assert "14 marzo 2024" in text
    assert " fa)" not in text and "Oggi" not in text
    booklet = offline_build.page("comuni/pioltello.html")
    assert "Scheda verificata il 14 marzo 2024." in plain(booklet)  # the date is isolated (bdi)


# --- the build's output ----------------------------------------------------------------------


def warning_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("WARNING")]


def test_the_first_build_prints_one_line_per_warning_code(example_build: Build) -> None:
    lines = warning_lines(example_build.output)
    assert lines == [
        "WARNING -  avviso placed-on-comune: 15 volte, la prima in services.yaml:23:1 "
        "(tutte con `servicemap validate services.yaml` o `mkdocs build -v`)",
        "WARNING -  avviso stale: 15 volte, la prima in services.yaml:39:17 "
        "(tutte con `servicemap validate services.yaml` o `mkdocs build -v`)",
    ]


def test_verbose_lists_every_warning_and_strict_still_fails(tmp_path) -> None:
    verbose = run_build(REPO / "mkdocs.yml", tmp_path / "v", "-v")
    assert verbose.returncode == 0, verbose.output[-2000:]
    assert verbose.output.count("[stale]") == 15
    assert verbose.output.count("[placed-on-comune]") == 15
    assert "avviso stale:" not in verbose.output
    strict = run_build(REPO / "mkdocs.yml", tmp_path / "s", "--strict")
    assert strict.returncode != 0
    assert "avviso stale: 15 volte" in strict.output
    assert not (tmp_path / "s" / "index.html").exists()  # nothing published


def test_errors_are_always_listed_in_full(make_site) -> None:
    recs = synthetic.records(3)
    for rec in recs:
        rec["sito"] = "javascript:alert(1)"
    config, site = make_site(recs)
    build = run_build(config, site)
    assert build.returncode != 0
    errors = [line for line in build.output.splitlines() if ": error: " in line]
    assert len(errors) == 3, build.output
    assert len({line.split(": error:")[0] for line in errors}) == 3  # three places

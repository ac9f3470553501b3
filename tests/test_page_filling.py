"""Generated pages filled into the theme's page of their shape (``adapters.filling``) are the pages
Material renders: a site of synthetic records (hostile titles and translations among them) is
built both ways, filled and with ``RIEMPI_PAGINE=false`` (every page rendered by the theme), and
every file of the two sites must be the same bytes: the pages, Material's search indexes, the
sitemap, the offline zip. Nothing is normalised: the two builds run the same code on the same
data, only the theme's rendering is skipped.

The records' pages other than the two samples of each tree are not MkDocs pages at all: they
are written by ``adapters.direct``, by two forked worker processes in the online site
(``PROCESSI_PAGINE=2``) and in this process for the offline copy (``PROCESSI_PAGINE=1``).
"""

from __future__ import annotations

import difflib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import synthetic
from conftest import Build, run_build, snapshot

from servicemap.adapters import filling
from servicemap.render.csp import sha256_source

FILLED = re.compile(r"Pagine riempite nella forma del tema: (\d+)")


def records() -> list[dict]:
    """Twelve records, one with hostile text in every free field and one with hostile
    translations in every language: titles with ``</script>``, ``{{ config }}``, ``&amp;``."""
    recs = synthetic.records(12, seed=7)
    recs[3] = synthetic.hostile_record(recs[3])
    recs[5] = synthetic.hostile_translations(recs[5])
    return recs


def both_ways(root: Path, env: dict[str, str | None]) -> tuple[Build, Build]:
    """The site built with filling (verbose: the count of filled pages) and without."""
    from conftest import site_config

    root.mkdir()
    (root / "services.yaml").write_text(synthetic.to_yaml(records()), encoding="utf-8")
    config = site_config(root)
    env = {"SOURCE_DATE_EPOCH": None, "SITE_URL": "https://mappa.example.org/", **env}
    filled = run_build(config, root / "filled", "-v", env=env)
    themed = run_build(config, root / "themed", env={**env, "RIEMPI_PAGINE": "false"})
    assert filled.returncode == 0, filled.output[-3000:]
    assert themed.returncode == 0, themed.output[-3000:]
    return filled, themed


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    env = {"OFFLINE": None, "PROCESSI_PAGINE": "2"}
    return both_ways(tmp_path_factory.mktemp("riempi") / "site", env)


@pytest.fixture(scope="module")
def offline_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    env = {"OFFLINE": "true", "ALTRE_LINGUE": "false", "PROCESSI_PAGINE": "1"}
    return both_ways(tmp_path_factory.mktemp("riempi-offline") / "site", env)


def differences(filled: Build, themed: Build) -> str:
    """The files that differ between the two sites, with the first lines that differ."""
    ours, theirs = snapshot(filled.site), snapshot(themed.site)
    report = [f"solo riempito: {p}" for p in sorted(ours.keys() - theirs.keys())]
    report += [f"solo tema: {p}" for p in sorted(theirs.keys() - ours.keys())]
    for path in sorted(ours.keys() & theirs.keys()):
        if ours[path] != theirs[path]:
            a = theirs[path].decode("utf-8", "replace").splitlines()
            b = ours[path].decode("utf-8", "replace").splitlines()
            diff = list(difflib.unified_diff(a, b, "tema", "riempito", n=0, lineterm=""))
            report.append(f"diversa: {path}\n" + "\n".join(diff[:12]))
    return "\n".join(report)


def filled_count(build: Build) -> int:
    found = FILLED.search(build.output)
    assert found, build.output[-2000:]
    return int(found.group(1))


def test_the_filled_site_is_the_site_the_theme_renders(sites: tuple[Build, Build]) -> None:
    filled, themed = sites
    assert (filled.site / "sitemap.xml").is_file()
    assert (filled.site / "zh" / "search" / "search_index.json").is_file()
    report = differences(filled, themed)
    assert not report, report


def test_most_generated_pages_are_filled(sites: tuple[Build, Build]) -> None:
    """Twelve service pages a language, of which the theme renders two (the skeleton and its
    check): the comparison above is not between two sites the theme rendered."""
    filled, themed = sites
    assert filled_count(filled) >= 4 * (12 - 2)
    assert FILLED.search(themed.output) is None  # not verbose, and nothing filled anyway


def test_the_offline_copy_filled_is_the_one_the_theme_renders(
    offline_sites: tuple[Build, Build],
) -> None:
    filled, themed = offline_sites
    assert filled_count(filled) >= 12 - 2
    assert list(filled.site.glob("*.zip")), "the offline zip"
    report = differences(filled, themed)
    assert not report, report


class _Scripts(HTMLParser):
    """A page's policy and the inline scripts a browser runs (not JSON data blocks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.policy, self.inline, self._open = "", [], False
        self._body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.policy = found.get("content") or ""
        runs = (found.get("type") or "text/javascript") in ("text/javascript", "module")
        if tag == "script" and "src" not in found and runs:
            self._open, self._body = True, []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open:
            self.inline.append("".join(self._body))
            self._open = False


def test_every_filled_page_allows_exactly_its_own_inline_scripts(
    sites: tuple[Build, Build],
) -> None:
    filled, _ = sites
    pages = sorted(filled.site.glob("**/servizi/*/index.html"))
    assert len(pages) == 4 * 12
    for page in pages:
        parsed = _Scripts()
        parsed.feed(page.read_text(encoding="utf-8"))
        script_src = next(d for d in parsed.policy.split("; ") if d.startswith("script-src"))
        allowed = {s for s in script_src.split()[1:] if s.startswith("'sha256-")}
        assert allowed == {sha256_source(body) for body in parsed.inline}, page


# --- the skeleton on its own: what it refuses ---------------------------------------------------


def themed_page(parts: filling.Parts, extra: str = "") -> str:
    """A page as a theme like Material's prints ``parts`` (``extra``: something else per page)."""
    links = "".join(f'<link rel="alternate" href="{h}" hreflang="{k}">' for k, h in
                    parts.alternates.items())  # fmt: skip
    return (
        f'<head><link rel="canonical" href="{parts.canonical}">{links}'
        f"<title>{parts.title} - Sito</title></head><body>"
        f'<div data-md-component="header-topic">\n  <span class="md-ellipsis">\n    {parts.title}'
        f'\n  </span></div>{extra}<article class="md-content">{parts.content}</article></body>'
    )


def parts(n: int, title: str = "") -> filling.Parts:
    return filling.Parts(
        f"<h1>Pagina {n}</h1>", title or f"Pagina &amp; {n}", f"https://x.org/p{n}/",
        {"it": "./", "en": f"../en/p{n}/"},
    )  # fmt: skip


def test_a_skeleton_filled_is_the_page() -> None:
    made = filling.skeleton(themed_page(parts(1)), parts(1))
    assert made is not None
    assert made.fill(parts(2)) == themed_page(parts(2))


def test_a_part_the_theme_did_not_print_where_expected_gives_no_skeleton() -> None:
    page = themed_page(parts(1)).replace("<title>", "<title>Sito: ")
    assert filling.skeleton(page, parts(1)) is None


def test_a_shape_whose_pages_differ_elsewhere_is_rendered_by_the_theme() -> None:
    """A theme that prints something per page beyond the parts (here a counter): the check on
    the second page refuses the shape, and every page is the theme's."""
    import logging

    shapes = filling.Shapes(logging.getLogger("test"))
    for n in range(1, 6):
        theme = lambda n=n: themed_page(parts(n), extra=f"<p>{n}</p>")  # noqa: E731
        assert shapes.render("servizi", parts(n), theme) == theme()
    assert shapes.filled == 0


def test_the_check_waits_for_a_page_with_another_title() -> None:
    """Two pages with the same title (two desks with one name) prove nothing about where the
    title was cut: the check waits for a third."""
    import logging

    shapes = filling.Shapes(logging.getLogger("test"))
    rendered = []
    for n, title in ((1, "Uguale"), (2, "Uguale"), (3, "Altro"), (4, "Quarto")):
        page = themed_page(parts(n, title))
        out = shapes.render("servizi", parts(n, title), lambda p=page: rendered.append(p) or p)
        assert out == page
    assert len(rendered) == 3 and shapes.filled == 1


# Every skeleton refused, as another theme or another Material version would make it.
REFUSING_THEME = (
    "import sys; import servicemap.adapters.filling as filling; "
    "filling.skeleton = lambda page, parts: None; "
    "from mkdocs.__main__ import cli; cli(sys.argv[1:])"
)


def test_records_pages_a_theme_cannot_fill_are_built_by_mkdocs_one_by_one(
    tmp_path: Path,
) -> None:
    """No shape can be filled: MkDocs itself builds every record's page (``_theme_pages``) and
    the site is the one the theme renders, byte for byte."""
    from conftest import site_config

    root = tmp_path / "site"
    root.mkdir()
    (root / "services.yaml").write_text(synthetic.to_yaml(records()), encoding="utf-8")
    config = site_config(root)
    env = {"SOURCE_DATE_EPOCH": None, "SITE_URL": "https://mappa.example.org/", "OFFLINE": None}
    refusing = [sys.executable, "-c", REFUSING_THEME]
    refused = run_build(config, root / "refused", "-v", env=env, generator=refusing)
    themed = run_build(config, root / "themed", env={**env, "RIEMPI_PAGINE": "false"})
    assert refused.returncode == 0, refused.output[-3000:]
    assert "la forma non si riempie, il tema le scrive tutte" in refused.output
    assert filled_count(refused) == 0
    report = differences(refused, themed)
    assert not report, report

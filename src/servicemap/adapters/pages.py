"""What every built page gets from us, whatever generator wrote it: pure functions on its text.

* A generated page under ``render.pages.RAW_HTML_DIRS`` is finished HTML: the generator should
  not run Markdown over it, and only its head is indexed for search (``raw_parts``).
* Two marks in hand-written pages are filled from the data: the plain words of what the help
  desks do (``render.citizen``) and the home page's first screen (``render.home``).
* The finished page says its direction on ``<html>`` too, carries its Content-Security-Policy
  (``render.csp``) and, offline, no address that does not exist (``finished``).
"""

from __future__ import annotations

from servicemap import pipeline
from servicemap.adapters import offline
from servicemap.core.output import GeneratedFile
from servicemap.render import citizen, csp, home, i18n
from servicemap.render.context import RenderContext
from servicemap.render.html import Site, split_details
from servicemap.render.labels import Labels
from servicemap.render.pages import RAW_HTML_DIRS


def raw_parts(item: GeneratedFile) -> tuple[str, str] | None:
    """``(indexed head, details)`` of a generated page that skips Markdown, else None.

    Python-Markdown would only stash the raw HTML block and give it back unchanged, at a cost of
    tens of milliseconds a page (the ``md_in_html`` parser): most of a large build. Search
    indexes parse all of a page's content: giving them only the head keeps the index small.
    """
    if item.kind != "page" or not item.path.startswith(RAW_HTML_DIRS):
        return None
    return split_details(body(str(item.content)))


def body(markdown: str) -> str:
    """The page without its front matter (the generator has already read the metadata from it)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[end + 5 :].lstrip("\n")
    return markdown


def front_matter(markdown: str) -> str:
    """The page's front matter alone (its metadata: the title), without the body."""
    return markdown[: len(markdown) - len(body(markdown))] if markdown.startswith("---\n") else ""


def fill_marks(
    markdown: str, src: str, result: pipeline.Result, *, lang: str, tree: str, directory_urls: bool
) -> str:
    """A hand-written page with its marks filled from the data (``src``: its path, as written)."""
    if citizen.PLAIN_WORDS_MARK in markdown:  # e.g. the home page
        labels = Labels.from_vocabulary(result.vocabulary, lang)
        words = citizen.plain_words(labels, lang=lang)
        markdown = markdown.replace(citizen.PLAIN_WORDS_MARK, words, 1)
    if home.START_MARK in markdown:  # the home page's first screen
        labels = Labels.from_vocabulary(result.vocabulary, lang)
        ctx = RenderContext(  # the records grouped by need and comune, for the ways in
            result.services, result.territory, labels, Site(directory_urls), lang=lang, tree=tree
        )
        markdown = markdown.replace(home.START_MARK, home.start_here(ctx, tree_src(src, lang)), 1)
    return markdown


def tree_src(src: str, lang: str) -> str:
    """A translated page's path inside its language's tree: ``index.ar.md`` is the ``index.md`` of
    ``ar/`` (the suffix structure of mkdocs-static-i18n), so its links are the Italian page's
    ones and stay in the tree. Taken as written, ``index.ar.md`` would be a page one folder
    deeper and its links would lead to the Italian site."""
    suffix = f".{lang}.md"
    return src.removesuffix(suffix) + ".md" if src.endswith(suffix) else src


def with_direction(output: str, lang: str) -> str:
    """``<html dir>`` beside Material's ``<body dir>``: both say the language's direction.

    Material writes the direction on ``<body>`` only; a screen reader or a browser's translate
    feature reads it from ``<html>``, and the two must agree.
    """
    direction = i18n.direction(lang)
    return output.replace("<html lang=", f'<html dir="{direction}" lang=', 1)


def with_policy(page: str, *, offline_copy: bool, tile_url: str) -> str:
    """The page with its Content-Security-Policy (and, offline, without a wrong canonical)."""
    if offline_copy:
        page = offline.without_alternates(offline.without_canonical(page))
    extra = [offline.worker_shim_hash(page)] if offline_copy else []
    tiles = "" if offline_copy else csp.tile_origin(tile_url)
    return csp.add_policy(page, extra, tiles=tiles, offline=offline_copy)


def nav_paths(nav: object) -> set[str]:
    """Source paths named in the settings' ``nav:``: those pages are in the navigation, every
    other generated page is not (a nav with thousands of entries, copied into every page, makes
    the output quadratic)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def alternate_urls(url: str, tree: str, languages: dict[str, str]) -> dict[str, str]:
    """The address of one page (``url``, from the site's root, in ``tree``) in every language:
    the same place in each tree, so a language switch leads to the same page."""
    own = url.removeprefix(tree) if tree else url
    own = "" if own == "./" else own
    return {lang: (other + own) or "./" for lang, other in languages.items()}


SKIP_TARGET = "titolo"


def with_skip_target(head: str) -> str:
    """A generated page's head whose outer ``<div>`` is the target of the theme's skip link.

    Material prints "Vai al contenuto" (the first stop of the Tab key, WCAG 2.4.1) only when the
    page's table of contents has an entry; generated pages skip the Markdown pass, so they have
    none: the adapter makes this ``<div>`` that entry (no sidebar: it has no children). Not the
    ``<h1>``: a heading with an id would split the page's search entry in two. A head that does
    not start with a ``<div>`` is returned as it is (no target).
    """
    if not head.startswith("<div "):
        return head
    return f'<div id="{SKIP_TARGET}" ' + head.removeprefix("<div ")

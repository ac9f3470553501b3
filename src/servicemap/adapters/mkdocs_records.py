"""The records' pages of a MkDocs build: two are MkDocs pages, every other one is written directly.

The MkDocs adapter (``adapters.mkdocs``) hands each language tree's records here
(``record_pages``). The first record's page, and the first with another title, become MkDocs
pages: the theme renders them, and they make and check the skeleton of their shape
(``adapters.filling``). Every other record's page is a ``direct.DirectPage`` that MkDocs never
builds: when the second sample is finished (``Records.start``), forked workers
(``adapters.direct``) render each, fill it into the skeleton, finish it as the adapter's
``on_post_page`` would (details, direction, policy) and write it, while MkDocs builds the rest
of the tree. They also write the open data and make the comune pages' booklets, first. At the
tree's last page (``Records.finish``) their search entries go where Material's search would
have put them; the sitemap and the language links list every page, as before.

A shape the skeleton refused (another theme, another version): each page is built by MkDocs
itself, from here, as the samples were (``_theme_pages``).

With ``adapters.mkdocs``, the only module that imports MkDocs.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import normalize_url
from mkdocs.utils.meta import get_data

from servicemap.adapters import direct, filling, mkdocs_i18n, pages
from servicemap.adapters.build import Build, TreeFiles, indexed
from servicemap.core.model import Service
from servicemap.core.output import GeneratedFile
from servicemap.render.context import service_src
from servicemap.render.html import DETAILS_MARK

log = logging.getLogger("mkdocs.plugins.servicemap")
OPEN_DATA = ""  # the workers' item that writes the open data (no page has this name)


@dataclass
class Records:
    """The records' pages of one language tree: the two the theme renders (``samples``, by
    source path, with the length of the search entries after each), the others written by
    ``adapters.direct`` (``between`` the samples when the second is not the second record,
    ``after`` them); then the workers writing them."""

    build: Build
    tree: TreeFiles
    samples: dict[str, int]
    between: list[direct.DirectPage]
    after: list[direct.DirectPage]
    running: direct.Running | None = None
    first: int = 0  # the workers' items before the pages (open data, booklets)
    details: dict[str, int] = field(default_factory=dict)  # page -> its details' item
    theme: tuple = ()  # (files, nav, env) for ``_theme_pages``

    @property
    def last_sample(self) -> str:
        return next(reversed(self.samples))

    def mark(self, config: MkDocsConfig, src: str) -> None:
        """After Material's search has indexed a sample: where the next pages' entries go."""
        if src in self.samples:
            self.samples[src] = len(search_entries(config))

    def start(
        self, config: MkDocsConfig, skeleton: object, lang: str, workers: tuple[int, int]
    ) -> None:
        """Start writing every other record's page (and the open data and the booklets) on
        ``workers`` (processes, from how many items), while MkDocs builds the rest."""
        group = self.between + self.after
        if not isinstance(skeleton, filling.Skeleton):
            log.debug("Pagine dei servizi: la forma non si riempie, il tema le scrive tutte")
            _theme_pages(self.build, config, self.tree, group, self.theme)
            self.between, self.after = [], []
            return
        fill = functools.partial(_fill_record, self.build, lang, config, skeleton,
                                 search_plugin(config), group)  # fmt: skip
        build = self.build
        later = ([OPEN_DATA] if build.open_data_pending else []) + build.later_details()
        work = functools.partial(_record_work, build, later, fill)
        count = len(later) + len(group)
        self.running = direct.start(count, work, workers[0], workers[1], singles=len(later))
        self.first = len(later)
        self.details = {key: index for index, key in enumerate(later) if key != OPEN_DATA}

    def give_details(self, key: str) -> None:
        """A page whose details the workers make (a comune's booklet): wait for them."""
        index = self.details.pop(key, None)
        if index is not None and self.running is not None:
            self.build.give_details(key, str(self.running.take(index)))

    def finish(self, config: MkDocsConfig) -> int:
        """Wait for the records' pages; put their search entries where Material's search
        would have: each after the sample before it (the later place first: the earlier stays
        put). Returns how many pages were filled."""
        running, self.running = self.running, None
        if running is None:
            return 0
        found = running.results()[self.first :]
        self.build.open_data_written()  # by a worker, or here
        entries = search_entries(config)
        marks = list(self.samples.values())
        split = len(self.between)
        for at, part in ((marks[-1], found[split:]), (marks[0], found[:split])):
            entries[at:at] = [entry for page_entries in part for entry in page_entries]
        self.build.forget(self.tree.lang)  # its pages are written: its context can go
        return len(found)

    def stop(self) -> None:
        """A build that failed: end the workers without waiting for their pages."""
        if self.running is not None:
            self.running.stop()
            self.running = None


def record_pages(
    build: Build, config: MkDocsConfig, tree: TreeFiles, files: Files, in_nav: set[str]
) -> tuple[list[tuple[object, str]], Records | None]:
    """The records' pages of ``tree``: the first, and the first with another title, become
    MkDocs pages added to ``files``; every other one a ``DirectPage``. Without two titles, or
    with a record's page in ``nav:``, all are MkDocs pages (and no ``Records``). Returns
    (file, path) in the records' order, for the language links."""
    first, second, items = None, None, {}
    for index, service in enumerate(tree.later):
        item = build.service_page(tree.lang, service)
        title = get_data(str(item.content))[1].get("title")
        if item.path in in_nav:
            first = second = None
            break
        if first is None:
            first, items[index] = title, item
        elif title != first:
            second, items[index] = index, item
            break
    if second is None:  # nothing to fill: every page as the theme renders it
        items = {i: build.service_page(tree.lang, s) for i, s in enumerate(tree.later)}
    made, samples, between, after = [], {}, [], []
    for index, service in enumerate(tree.later):
        item = items.get(index)
        if item is not None:
            inclusion = InclusionLevel.NOT_IN_NAV if item.path not in in_nav else None
            file = page_file(build, config, tree, item, inclusion)
            files.append(file)
            samples[file.src_uri] = 0
            made.append((file, item.path))
            continue
        page = _direct_page(config, tree, service)
        (between if second is not None and index < second else after).append(page)
        made.append((page, page.path))
    records = Records(build, tree, samples, between, after) if second is not None else None
    return made, records


def _direct_page(config: MkDocsConfig, tree: TreeFiles, service: Service) -> direct.DirectPage:
    """What MkDocs would know of a record's page: its addresses, its file, its date."""
    path = service_src(service.id)
    file = generated(config, tree, GeneratedFile(path, ""), InclusionLevel.NOT_IN_NAV)
    page = Page(None, file, config)
    return direct.DirectPage(service, file.src_uri, path, file.url, file.abs_dest_path,
                             page.canonical_url, page.abs_url, page.update_date)  # fmt: skip


def generated(
    config: MkDocsConfig, tree: TreeFiles, item: GeneratedFile, inclusion: InclusionLevel | None
) -> File:
    """The MkDocs file of a generated page or asset, in this language's tree (a page of another
    language than the default is named as mkdocs-static-i18n names a translation)."""
    inclusion = inclusion or InclusionLevel.UNDEFINED
    if item.kind != "page" or not tree.tree:
        return File.generated(config, item.path, content=item.content, inclusion=inclusion)
    src = mkdocs_i18n.translation_src(item.path, tree.lang)
    file = File.generated(config, src, content=item.content, inclusion=inclusion)
    plain = File.generated(config, item.path, content="")
    file.name = plain.name  # "index", not "index.en": Material's index pages
    file.dest_uri = tree.tree + plain.dest_uri
    return file


def page_file(
    build: Build, config: MkDocsConfig, tree: TreeFiles, item: GeneratedFile,
    inclusion: InclusionLevel | None,
) -> File:  # fmt: skip
    """The MkDocs file of a generated page. A page that is finished HTML keeps its text with
    the build (its details until the page is written) and gives MkDocs its front matter only
    (``Build.defer_details``): MkDocs skips its Markdown pass."""
    file = generated(config, tree, item, inclusion)
    if build.defer_details(file.src_uri, item):
        file.content_string = pages.front_matter(str(item.content))
    return file


def _record_work(build: Build, later: list[str], fill: Callable[[int], list[dict]],
                 index: int) -> object:  # fmt: skip
    """One item of the workers: the open data or a page's details (the first ``len(later)``),
    else a record's page (its search entries)."""
    if index < len(later):
        if later[index] == OPEN_DATA:
            return build.write_open_data()
        return build.details_text(later[index])
    return fill(index - len(later))


def _fill_record(
    build: Build, lang: str, config: MkDocsConfig, skeleton: filling.Skeleton, plugin: object,
    group: list[direct.DirectPage], index: int,
) -> list[dict]:  # fmt: skip
    """Write one record's page as MkDocs would have (the same events' work on it: Material's
    search entries and its stripped attributes, our details, direction and policy); return
    its search entries. Runs in a worker process: it changes nothing the build keeps."""
    record = group[index]
    item = build.service_page(lang, record.service)
    meta = get_data(str(item.content))[1]
    head, details = pages.raw_parts(item) or ("", "")
    page = _IndexedPage(record.url, str(meta["title"]), meta, indexed(head, details))
    found: list[dict] = []
    if plugin is not None:  # Material's search: the page's entries, its attributes stripped
        index_entries = plugin.search_index.entries  # type: ignore[attr-defined]
        start = len(index_entries)
        plugin.on_page_context({}, page=page, config=config, nav=None)  # type: ignore[attr-defined]
        found = index_entries[start:]
        del index_entries[start:]
    parts = filling.Parts(page.content, page.title, record.canonical_url or "",
                          switch_links(config, record, record.alternates))  # fmt: skip
    output = skeleton.fill(parts)
    if output is None:
        raise RuntimeError(f"{record.src}: la pagina non si riempie nella forma del tema")
    output = output.replace(DETAILS_MARK, details, 1) if details else output
    output = build.finished_page(output, lang)
    target = Path(record.dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))
    return found


class _IndexedPage:
    """What Material's search reads of a page (``on_page_context``), and what it strips."""

    def __init__(self, url: str, title: str, meta: dict, content: str) -> None:
        self.url, self.title, self.meta, self.content = url, title, meta, content
        skip = content.startswith(f'<div id="{pages.SKIP_TARGET}"')
        self.toc = TableOfContents([AnchorLink(title, pages.SKIP_TARGET, 1)] if skip else [])


def switch_links(config: MkDocsConfig, page: object, alternates: dict) -> dict[str, str]:
    """The language switch's links of ``page`` as the theme prints them (its ``url`` filter):
    each language's entry points at the page's alternate in ``alternates`` when it has one
    (``mkdocs_i18n.point_switch`` does the same to a MkDocs page's switch), else where the
    entry points already."""
    found = {}
    for item in mkdocs_i18n.switch_entries(config):
        alternate = alternates.get(item.get("lang"))
        link = alternate.url if alternate is not None and alternate.url else item.get("link")
        found[str(item.get("lang"))] = normalize_url(str(link), page)  # type: ignore[arg-type]
    return found


def _theme_pages(build: Build, config: MkDocsConfig, tree: TreeFiles,
                 group: list[direct.DirectPage], theme: tuple) -> None:  # fmt: skip
    """The records' pages built by MkDocs itself, one by one, as the samples were."""
    from mkdocs.commands import build as mkdocs_build

    files, nav, env = theme
    for record in group:
        item = build.service_page(tree.lang, record.service)
        file = page_file(build, config, tree, item, InclusionLevel.NOT_IN_NAV)
        for name in ("locale", "locale_alternate_of", "localization", "norm_src_uri"):
            setattr(file, name, getattr(record, name, None))
        file.alternates = record.alternates  # type: ignore[attr-defined]
        page = Page(None, file, config)
        mkdocs_build._populate_page(page, config, files)
        mkdocs_build._build_page(page, config, files, nav, env)


def search_plugin(config: MkDocsConfig) -> object | None:
    """Material's search plugin, when it is listed and enabled."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and hasattr(plugin, "search_index"):
            return plugin if plugin.config.get("enabled", True) else None
    return None


def search_entries(config: MkDocsConfig) -> list[dict]:
    """The entries Material's search has collected in this build (a list, changed in place)."""
    plugin = search_plugin(config)
    return plugin.search_index.entries if plugin is not None else []  # type: ignore[attr-defined]

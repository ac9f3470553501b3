"""The MkDocs front door: the only module that imports MkDocs. It translates events, no more.

``hooks/servicemap_hook.py`` re-exports these event functions; each hands its part to the core
(``adapters.build``), where every rule of ours lives: the data stages, the build date, the
staging folder and the atomic publish, the files of each language tree, the assets and footer
of every page, its policy, the 404 page of each tree, the offline zip. What stays here:

* problems go to the ``mkdocs.plugins.servicemap`` logger (``--strict`` counts the warnings) and a
  ``BuildError`` becomes a ``PluginError``; MkDocs aborts a ``--strict`` build with warnings only
  *after* ``on_post_build``, so we count them ourselves and publish nothing then;
* generated files become ``File.generated`` objects, in or out of ``nav:``, and pages that are
  finished HTML skip the Markdown pass;
* generated pages of one shape are filled into the theme's rendering of the first of them
  (``adapters.filling``) instead of rendering Material's template for each (``on_env``);
  ``RIEMPI_PAGINE=false`` renders every page with the theme (the same output, slower);
* mkdocs-static-i18n's objects (``adapters.mkdocs_i18n``) and Material's: its theme texts (the
  search separator), ``extra.polyfills``, the table of contents its skip link needs;
* ``mkdocs serve`` (``adapters.preview``): the territory's files watched, the reload script
  allowed by each page's policy, a data error that leaves the last good preview in the browser
  (the server goes on serving it), the default language only unless ``ALTRE_LINGUE`` is set.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler, normalize_url
from mkdocs.utils.meta import get_data

from servicemap.adapters import console, direct, filling, mkdocs_i18n, offline, pages, preview
from servicemap.adapters.build import Build, BuildError, Settings, TreeFiles, indexed
from servicemap.core.model import Service
from servicemap.core.output import GeneratedFile
from servicemap.render import trees
from servicemap.render.context import service_src
from servicemap.render.html import DETAILS_MARK

log = logging.getLogger("mkdocs.plugins.servicemap")
T = TypeVar("T")


@dataclass
class _State:
    """The build in progress (MkDocs hooks are module functions, not objects)."""

    build: Build
    warnings: CountHandler
    lang: str  # the language being built (mkdocs-static-i18n builds each in turn)
    separators: dict[str, str] = field(default_factory=dict)  # language -> its search separator
    shapes: filling.Shapes = field(default_factory=lambda: filling.Shapes(log))
    records: _RecordPages | None = None  # this language's records' pages written directly
    writing: tuple[_RecordPages, direct.Running, int] | None = None  # being written meanwhile
    details: dict[str, int] = field(default_factory=dict)  # page -> its details' item (workers)
    last_page: str = ""  # the last page MkDocs builds (``on_env``): the records' are written
    files: Files | None = None  # this language's files, nav and templates (``_theme_pages``)
    nav: object = None
    env: object = None


@dataclass
class _RecordPages:
    """The records' pages of one language tree: the two the theme renders (``samples``, by
    source path, with the length of the search entries after each), the others written by
    ``adapters.direct`` (``between`` the samples when the second is not the second record,
    ``after`` them)."""

    tree: TreeFiles
    samples: dict[str, int]
    between: list[direct.DirectPage]
    after: list[direct.DirectPage]


_current: _State | None = None
_serving = False  # ``mkdocs serve``: this process previews the site (``on_startup``)
_told_languages = False  # the preview's languages said once, not at every rebuild
_templates = preview.TemplateBytecode()  # for every build of this process
LANGUAGES_VARIABLE = "ALTRE_LINGUE"  # ``mkdocs.yml`` builds the other languages when it is true


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process serves the preview (once, before the first build)."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate and place the records; stop here, with every message, if the data is wrong."""
    global _current
    if _current is not None and mkdocs_i18n.nested(config):
        _current.lang = mkdocs_i18n.language(config)  # same data, next language
        config.copyright = _current.build.page_extras(_current.lang).footer
        return config
    _finish(swap=False)  # a previous build that died without an event (mkdocs serve)
    if _serving and os.environ.get(LANGUAGES_VARIABLE) is None:
        _preview_default_language(config)
    settings = Settings(
        Path(config.config_file_path or "mkdocs.yml"), Path(config.docs_dir),
        Path(config.site_dir), dict(config.extra.get("servicemap") or {}),
        site_url=_public_site_url(config), directory_urls=config.use_directory_urls,
        offline=_offline_enabled(config), languages=mkdocs_i18n.languages(config),
        site_name=config.site_name, copyright=config.copyright or "",
    )  # fmt: skip
    build = _core(Build.start, settings, log)
    config.site_dir = str(build.site_dir)
    if settings.offline:  # the offline plugin turned ``use_directory_urls`` off
        settings.public_directory_urls = _user_directory_urls(config)
        config.extra["polyfills"] = offline.local_polyfills(list(config.extra.get("polyfills", [])))
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _current = _State(build, counter, mkdocs_i18n.language(config))
    extras = build.page_extras(_current.lang)
    css, js = config.extra_css, config.extra_javascript
    for listed, paths in ((css, extras.css), (js, extras.javascript)):
        for path in paths:  # after what mkdocs.yml lists, once
            if path not in [str(x) for x in listed]:
                listed.append(path)  # type: ignore[arg-type]
    config.copyright = extras.footer
    _quiet_segmenter()
    return config


def _preview_default_language(config: MkDocsConfig) -> None:
    """The preview builds the default language only: a change shows in a fraction of the time."""
    global _told_languages
    left_out = mkdocs_i18n.build_default_only(config)
    if left_out and not _told_languages:
        log.info(console.preview_languages(mkdocs_i18n.language(config), left_out))
        _told_languages = True


def on_serve(server: object, config: MkDocsConfig, builder: Callable[[], None]) -> object:
    """Watch the territory's files, let the pages reload, keep serving after a data error."""
    options = dict(config.extra.get("servicemap") or {})
    for path in preview.watched_files(Path(config.config_file_path or "mkdocs.yml"), options):
        server.watch(str(path), recursive=False)  # type: ignore[attr-defined]
    server.set_app(preview.with_reload_allowed(server.get_app()))  # type: ignore[attr-defined]
    server.builder = _keep_serving(server.builder)  # type: ignore[attr-defined]
    return server


def _keep_serving(builder: Callable[[], None]) -> Callable[[], None]:
    """The server's rebuild, which a refused build (MkDocs' ``Abort``, its messages already
    logged) does not stop: without this the server would hold every request until the data is
    fixed. The published folder of the preview is untouched (``Build.fail``), so the browser
    keeps showing, and the server keeps serving, the last good build."""

    def rebuild() -> None:
        try:
            builder()
        except Abort:
            log.error(console.preview_kept())

    return rebuild


def on_env(env: object, config: MkDocsConfig, files: Files) -> object:
    """The theme's templates compiled once per process, not once per build and language; and
    the page template, for a generated page of a known shape, filled in (``adapters.filling``):
    MkDocs asks ``env`` for ``main.html`` once per page."""
    env.bytecode_cache = _templates  # type: ignore[attr-defined]
    if _current is None or not _filling_enabled():
        return env
    _current.env, _current.files = env, files
    built = files.documentation_pages(inclusion=InclusionLevel.is_included)
    _current.last_page = built[-1].src_uri if built else ""
    own = env.get_template  # type: ignore[attr-defined]

    def get_template(name: object, parent: object = None, globals: object = None) -> object:
        template = own(name, parent, globals)
        if name == "main.html" and parent is None and globals is None:
            return _FillingTemplate(template, config)
        return template

    env.get_template = get_template  # type: ignore[attr-defined]
    return env


class _FillingTemplate:
    """Material's ``main.html`` as MkDocs renders it, filling the pages it can."""

    def __init__(self, template: object, config: MkDocsConfig) -> None:
        self.template, self.config = template, config

    def __getattr__(self, name: str) -> object:
        return getattr(self.template, name)

    def render(self, *args: object, **kwargs: object) -> str:
        theme = lambda: self.template.render(*args, **kwargs)  # type: ignore[attr-defined]  # noqa: E731
        context = args[0] if len(args) == 1 and isinstance(args[0], dict) else None
        page = context.get("page") if context is not None and not kwargs else None
        state = _current
        if state is None or context is None or not isinstance(page, Page):
            return theme()
        shape = _shape(page, state)
        if shape is None:
            return theme()
        return state.shapes.render(shape, _parts(page, context, self.config), theme)


def _shape(page: Page, state: _State) -> tuple | None:
    """What a generated page shares with the others of its shape (None: not one to fill): its
    tree, folder and depth, its table of contents' targets, whether it has a canonical address,
    its other metadata. Pages in the navigation are rendered by the theme (a few indexes)."""
    meta = dict(page.meta or {})
    title = meta.pop("title", None)
    file = page.file
    if not isinstance(title, str) or not file.inclusion.is_not_in_nav():
        return None
    if not state.build.is_deferred(file.src_uri) or page.parent is not None:
        return None
    url = page.url
    folder = file.src_uri.split("/", 1)[0]
    toc = tuple(getattr(item, "id", "") for item in page.toc)
    others = tuple(sorted((key, repr(value)) for key, value in meta.items()))
    return (state.lang, folder, url.count("/"), url.endswith("/"), toc,
            bool(page.canonical_url), others)  # fmt: skip


def _parts(page: Page, context: dict, config: MkDocsConfig) -> filling.Parts:
    """The parts of ``page`` as Material prints them (its ``url`` filter on the switch's links)."""
    alternates = {
        str(item.get("lang")): normalize_url(str(item.get("link")), page, context["base_url"])
        for item in mkdocs_i18n.switch_entries(config)
    }
    title = str(page.meta["title"])
    return filling.Parts(page.content or "", title, page.canonical_url or "", alternates)


def _filling_enabled() -> bool:
    """``RIEMPI_PAGINE=false`` (or 0, no): every page rendered by the theme, for comparison."""
    return os.environ.get("RIEMPI_PAGINE", "true").strip().lower() not in ("false", "0", "no")


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's hand-written pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page and file of this language, as if it were in ``docs_dir``."""
    state = _current
    if state is None:
        return files
    state.separators[state.lang] = _theme_text(config, "search.config.separator")
    found = [(f.src_uri, f.abs_src_path) for f in files]
    tree = _core(state.build.files, state.lang, found, _direct_enabled(config))
    in_nav = pages.nav_paths(config.nav)
    made = _record_pages(state, config, tree, files, in_nav) if tree.later else []
    for item in tree.files:
        hidden = item.kind == "page" and item.path not in in_nav
        file = _generated(config, tree, item, InclusionLevel.NOT_IN_NAV if hidden else None)
        files.append(file)
        if item.kind == "page":
            made.append((file, item.path))
            if state.build.defer_details(file.src_uri, item):  # its text is held there
                file.content_string = pages.front_matter(str(item.content))
    for path in tree.linked + tree.written:  # the open data the first language wrote; the
        files.append(_AlreadyWritten.generated(config, path, content=b""))  # files written now
    mkdocs_i18n.link_languages(config, tree.lang, tree.tree, state.build.languages, made)
    return files


def _direct_enabled(config: MkDocsConfig) -> bool:
    """Whether the records' pages are written directly (``adapters.direct``): when they are
    filled (``RIEMPI_PAGINE``) and the site map of mkdocs-static-i18n lists them."""
    return _filling_enabled() and mkdocs_i18n.plugin(config) is not None


def _record_pages(
    state: _State, config: MkDocsConfig, tree: TreeFiles, files: Files, in_nav: set[str]
) -> list[tuple[object, str]]:
    """The records' pages of ``tree``: the first, and the first with another title, become
    MkDocs pages (the theme renders them: the skeleton and its check); every other one a
    ``DirectPage``, written when the second sample is finished (``on_post_page``). Without two
    titles, or with a record's page in ``nav:``, all are MkDocs pages. Returns (file, path)
    in the records' order, for the language links."""
    first, second, items = None, None, {}
    for index, service in enumerate(tree.later):
        item = state.build.service_page(tree.lang, service)
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
        items = {i: state.build.service_page(tree.lang, s) for i, s in enumerate(tree.later)}
    made, samples, between, after = [], {}, [], []
    for index, service in enumerate(tree.later):
        item = items.get(index)
        if item is not None:
            hidden = item.path not in in_nav
            file = _generated(config, tree, item, InclusionLevel.NOT_IN_NAV if hidden else None)
            files.append(file)
            state.build.defer_details(file.src_uri, item)
            file.content_string = pages.front_matter(str(item.content))
            samples[file.src_uri] = 0
            made.append((file, item.path))
            continue
        page = _direct_page(config, tree, service)
        (between if second is not None and index < second else after).append(page)
        made.append((page, page.path))
    if second is not None:
        state.records = _RecordPages(tree, samples, between, after)
    return made


def _direct_page(config: MkDocsConfig, tree: TreeFiles, service: Service) -> direct.DirectPage:
    """What MkDocs would know of a record's page: its addresses, its file, its date."""
    path = service_src(service.id)
    file = _generated(config, tree, GeneratedFile(path, ""), InclusionLevel.NOT_IN_NAV)
    page = Page(None, file, config)
    return direct.DirectPage(service, file.src_uri, path, file.url, file.abs_dest_path,
                             page.canonical_url, page.abs_url, page.update_date)  # fmt: skip


def _generated(
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


class _AlreadyWritten(File):
    """A file the first language wrote: linkable from this language's pages, not written again."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page skips the Markdown pass (``on_page_content`` gives its HTML); a
    hand-written one gets its marks filled from the data."""
    if _current is None:
        return markdown
    if _current.build.is_deferred(page.file.src_uri):
        page.render = _no_markdown.__get__(page)  # type: ignore[method-assign]
        return ""
    return _current.build.hand_written(markdown, page.file.src_uri, _current.lang)


def _no_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` of a page with no Markdown left (its HTML comes in ``on_page_content``):
    what the real one leaves for an empty text, without building a Markdown converter with every
    extension for each page (about a millisecond a page)."""
    page.content = ""
    page.toc = TableOfContents([])
    page._title_from_render = None  # type: ignore[attr-defined]
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's indexed head (Material's search parses all of ``page.content``),
    with the one-entry table of contents Material's skip link needs."""
    if _current is None or not _current.build.is_deferred(page.file.src_uri):
        return html
    head = _current.build.indexed_head(page.file.src_uri)
    if head.startswith(f'<div id="{pages.SKIP_TARGET}"'):
        page.toc = TableOfContents([AnchorLink(page.title or "", pages.SKIP_TARGET, 1)])
    return head


@event_priority(-50)  # after mkdocs-static-i18n has pointed the language switch at this page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """The language switch from the page's alternates, and the tree's root as Material's
    ``base`` (the search there reads that tree's index)."""
    records = _current.records if _current is not None else None
    if records is not None and page.file.src_uri in records.samples:  # after Material's search
        records.samples[page.file.src_uri] = len(_search_entries(config))
    if _current is None or mkdocs_i18n.plugin(config) is None:
        return context
    mkdocs_i18n.point_switch(config, page.file)
    tree = _current.build.languages[_current.lang]
    if tree and page.url.startswith(tree):
        context["base_url"] = trees.tree_base(page.url, tree)
    return context


@event_priority(-50)
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The theme's 404 page switches to each language's home (not the last page's alternates)."""
    plugin = mkdocs_i18n.plugin(config)
    if _current is not None and plugin is not None and template_name == "404.html":
        mkdocs_i18n.switch_to_homes(config)
    return context


@event_priority(-1000)  # last: the policy hashes the inline scripts of the finished page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A generated page's details back in place; every page's direction and policy."""
    if _current is None:
        return output
    state = _current
    records = state.records
    last = records is not None and page.file.src_uri == next(reversed(records.samples))
    shape = _shape(page, state) if last else None  # before its details are given back
    if state.build.is_deferred(page.file.src_uri):
        _details_from_workers(state, page.file.src_uri)
        output = state.build.with_details(page.file.src_uri, output)
        # mkdocs-static-i18n keeps every language's pages until the last is built (sitemap):
        # let the written text go, or the peak memory would grow with every language.
        page.markdown = page.content = ""
        page.file._content = ""  # type: ignore[attr-defined]  # File.generated's source
    output = state.build.finished_page(output, state.lang)
    if last and records is not None:
        state.records = None  # the skeleton is checked: every other record's page now
        _core(_write_records, state, config, shape, records)
    elif page.file.src_uri == state.last_page:
        _core(_records_written, state, config)
    return output


def _write_records(
    state: _State, config: MkDocsConfig, shape: tuple | None, records: _RecordPages
) -> None:
    """Start writing the records' pages not built by MkDocs, filled into the skeleton the
    samples made and checked, on every core (``adapters.direct``), while MkDocs builds the
    other pages; ``_records_written`` waits for them. A shape the skeleton refused: each is
    built by MkDocs now, as the samples were (``_theme_pages``)."""
    skeleton = state.shapes.found.get(shape) if shape is not None else None
    if not isinstance(skeleton, filling.Skeleton):
        log.debug("Pagine dei servizi: la forma non si riempie, il tema le scrive tutte")
        _theme_pages(state, config, records.tree, records.between + records.after)
        return
    group = records.between + records.after
    fill = functools.partial(_fill_record, state, config, skeleton, _search_plugin(config), group)
    # The workers also write the open data, and make the comune pages' booklets, first.
    later = ([_OPEN_DATA] if state.build.open_data_pending else []) + state.build.later_details()
    work = functools.partial(_record_work, state.build, later, fill)
    workers, least = (1, 0) if _serving else direct.processes()
    running = direct.start(len(later) + len(group), work, workers, least, singles=len(later))
    state.writing = (records, running, len(later))
    state.details = {key: index for index, key in enumerate(later) if key != _OPEN_DATA}
    if state.last_page in records.samples:  # nothing else to build meanwhile
        _records_written(state, config)


_OPEN_DATA = ""  # the workers' item that writes the open data (no page has this name)


def _record_work(build: Build, later: list[str], fill: Callable[[int], list[dict]],
                 index: int) -> object:  # fmt: skip
    """One item of the workers: the open data or a page's details (the first ``len(later)``),
    else a record's page (its search entries)."""
    if index < len(later):
        if later[index] == _OPEN_DATA:
            return build.write_open_data()
        return build.details_text(later[index])
    return fill(index - len(later))


def _details_from_workers(state: _State, key: str) -> None:
    """A page whose details the workers make (a comune's booklet): wait for them."""
    index = state.details.pop(key, None)
    if index is not None and state.writing is not None:
        state.build.give_details(key, str(state.writing[1].take(index)))


def _records_written(state: _State, config: MkDocsConfig) -> None:
    """Wait for the records' pages; put their search entries where Material's search would
    have: each after the sample before it (the later place first: the earlier stays put)."""
    if state.writing is None:
        return
    (records, running, first), state.writing = state.writing, None
    found = running.results()[first:]
    state.build.open_data_written()  # by a worker, or here
    entries = _search_entries(config)
    marks = list(records.samples.values())
    split = len(records.between)
    for at, part in ((marks[-1], found[split:]), (marks[0], found[:split])):
        entries[at:at] = [entry for page_entries in part for entry in page_entries]
    state.shapes.filled += len(found)


def _fill_record(state: _State, config: MkDocsConfig, skeleton: filling.Skeleton, plugin: object,
                 group: list[direct.DirectPage], index: int) -> list[dict]:  # fmt: skip
    """Write one record's page as MkDocs would have (the same events' work on it: Material's
    search entries and its stripped attributes, our details, direction and policy); return
    its search entries. Runs in a worker process: it changes nothing the build keeps."""
    record = group[index]
    item = state.build.service_page(state.lang, record.service)
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
                          _alternates(config, record))  # fmt: skip
    output = skeleton.fill(parts)
    if output is None:
        raise RuntimeError(f"{record.src}: la pagina non si riempie nella forma del tema")
    output = output.replace(DETAILS_MARK, details, 1) if details else output
    output = state.build.finished_page(output, state.lang)
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


def _alternates(config: MkDocsConfig, record: direct.DirectPage) -> dict[str, str]:
    """The language switch's links of a record's page, as the theme prints them (``_parts``)."""
    found = {}
    for item in mkdocs_i18n.switch_entries(config):
        alternate = record.alternates.get(item.get("lang"))
        link = alternate.url if alternate is not None and alternate.url else item.get("link")
        found[str(item.get("lang"))] = normalize_url(str(link), record, "")  # type: ignore[arg-type]
    return found


def _theme_pages(
    state: _State, config: MkDocsConfig, tree: TreeFiles, group: list[direct.DirectPage]
) -> None:
    """The records' pages built by MkDocs itself, one by one, as the samples were."""
    from mkdocs.commands import build as mkdocs_build

    for record in group:
        item = state.build.service_page(state.lang, record.service)
        file = _generated(config, tree, item, InclusionLevel.NOT_IN_NAV)
        for name in ("locale", "locale_alternate_of", "localization", "norm_src_uri"):
            setattr(file, name, getattr(record, name, None))
        file.alternates = record.alternates  # type: ignore[attr-defined]
        state.build.defer_details(file.src_uri, item)
        file.content_string = pages.front_matter(str(item.content))
        page = Page(None, file, config)
        mkdocs_build._populate_page(page, config, state.files)  # type: ignore[arg-type]
        mkdocs_build._build_page(page, config, state.files, state.nav, state.env)  # type: ignore[arg-type]


def _search_plugin(config: MkDocsConfig) -> object | None:
    """Material's search plugin, when it is listed and enabled."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and hasattr(plugin, "search_index"):
            return plugin if plugin.config.get("enabled", True) else None
    return None


def _search_entries(config: MkDocsConfig) -> list[dict]:
    """The entries Material's search has collected in this build (a list, changed in place)."""
    plugin = _search_plugin(config)
    return plugin.search_index.entries if plugin is not None else []  # type: ignore[attr-defined]


def on_nav(nav: object, config: MkDocsConfig, files: Files) -> object:
    """The navigation, kept for the records' pages MkDocs builds late (``_theme_pages``)."""
    if _current is not None:
        _current.nav = nav
    return nav


@event_priority(-1000)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (``404.html``) get the policy too, and one 404 page per tree."""
    if _current is None or not template_name.endswith(".html"):
        return output_content
    root = urlsplit(config.site_url or "/").path  # MkDocs' base for error pages
    return _current.build.theme_page(output_content, template_name, _current.lang, root)


@event_priority(-1000)  # after every other plugin, e.g. Material's offline search index
def on_post_build(config: MkDocsConfig) -> None:
    """Publish the staged site, unless ``--strict`` is about to abort the build."""
    state = _current
    if state is not None and state.writing is None and state.build.open_data_pending:
        _core(state.build.write_open_data)  # no record's page went to the workers
    if state is not None and state.writing is not None:  # the last page was not built
        state.writing[1].stop()
        state.writing = None
        raise PluginError(console.records_not_written(state.build.final_dir))
    if state is None or mkdocs_i18n.nested(config):
        return  # mkdocs-static-i18n's build of one more language: publish after the last one
    if config.strict and (state.warnings.get_counts() or state.build.data_warnings):
        log.error(console.strict_refusal(state.build.final_dir))
        _finish(swap=False)
        return
    log.debug("Pagine riempite nella forma del tema: %d", state.shapes.filled)
    state.build.write_search_indexes(mkdocs_i18n.search_entries(config), state.separators)
    config.site_dir = str(state.build.final_dir)
    _finish(swap=True)


def on_build_error(error: Exception) -> None:
    """A failed build publishes nothing: drop the staging folder, keep the old site."""
    if _current is not None:
        log.error(console.interrupted(_current.build.final_dir))
        if _current.writing is not None:
            _current.writing[1].stop()
    _finish(swap=False)


def on_shutdown() -> None:
    _finish(swap=False)


def _finish(*, swap: bool) -> None:
    """End the build: publish it (or drop it) and stop counting warnings."""
    global _current
    state, _current = _current, None
    if state is None:
        return
    logging.getLogger("mkdocs").removeHandler(state.warnings)
    _core(state.build.finish if swap else state.build.fail)


def _core(call: Callable[..., T], *args: object) -> T:
    """A call to the core, its refusal (``BuildError``) as MkDocs' own (``PluginError``)."""
    try:
        return call(*args)
    except BuildError as exc:
        raise PluginError(str(exc)) from None


# --- reading MkDocs' and Material's configuration --------------------------------------------


def _offline_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's ``offline`` plugin is listed and enabled (``OFFLINE=true``)."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "offline":
            return bool(getattr(plugin, "config", {}).get("enabled", False))
    return False


def _public_site_url(config: MkDocsConfig) -> str:
    """The site's public address, as ``mkdocs build`` has it: ``mkdocs serve`` replaces
    ``site_url`` with its own (``http://127.0.0.1:8000/``), and the preview would print QR codes
    of that address on the cards (every record's, the slowest part of a rebuild) and write it in
    the data. The preview shows the published pages."""
    if not _serving:
        return config.site_url or ""
    value = ""
    for user in config.user_configs:
        value = str(user.get("site_url", value) or "")
    return value


def _user_directory_urls(config: MkDocsConfig) -> bool:
    """``use_directory_urls`` as written in ``mkdocs.yml``: the offline plugin turns it off."""
    value = True
    for user in config.user_configs:
        value = bool(user.get("use_directory_urls", value))
    return value


def _theme_text(config: MkDocsConfig, key: str) -> str:
    """One of Material's texts for the language being built, as its search plugin reads them
    (Chinese has its own search separator: the Chinese tree's index needs it)."""
    try:
        env = config.theme.get_env()
        env.bytecode_cache = _templates
        template = env.get_template("partials/language.html", None, {"config": config})
        return str(template.module.t(key))  # type: ignore[attr-defined]
    except Exception:  # another theme: its search has no such setting
        return ""


def _quiet_segmenter() -> None:
    """jieba (Material's search splits Chinese text with it) logs its dictionary loading at
    DEBUG on its own handler: keep the build's output to our messages."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)

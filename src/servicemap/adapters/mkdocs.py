"""The MkDocs front door: with ``adapters.mkdocs_records`` (the records' pages), the only module
that imports MkDocs. It translates events, no more.

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
  the records' pages but two are not MkDocs pages at all: forked workers write them
  (``adapters.mkdocs_records``, ``adapters.direct``); ``RIEMPI_PAGINE=false`` renders every
  page with the theme (the same output, slower);
* mkdocs-static-i18n's objects (``adapters.mkdocs_i18n``) and Material's: its theme texts (the
  search separator), ``extra.polyfills``, the table of contents its skip link needs;
* ``mkdocs serve`` (``adapters.preview``): the territory's files watched, the reload script
  allowed by each page's policy, a data error that leaves the last good preview in the browser
  (the server goes on serving it), the default language only unless ``ALTRE_LINGUE`` is set.
"""

from __future__ import annotations

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
from mkdocs.utils import CountHandler

from servicemap.adapters import (
    console,
    direct,
    filling,
    mkdocs_i18n,
    mkdocs_records,
    offline,
    pages,
    preview,
)
from servicemap.adapters.build import Build, BuildError, Settings
from servicemap.render import trees

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
    records: mkdocs_records.Records | None = None  # this tree's records' pages, written directly
    last_page: str = ""  # the last page MkDocs builds (``on_env``): the records' are written
    nav: object = None


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
    if _current.records is not None:  # for the pages the theme would write (``_theme_pages``)
        _current.records.theme = (files, _current.nav, env)
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
        return state.shapes.render(shape, _parts(page, self.config), theme)


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


def _parts(page: Page, config: MkDocsConfig) -> filling.Parts:
    """The parts of ``page`` as Material prints them (its switch already points at the page's
    alternates: ``on_page_context``)."""
    alternates = mkdocs_records.switch_links(config, page, {})
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
    made: list[tuple[object, str]] = []
    if tree.later:
        made, state.records = mkdocs_records.record_pages(state.build, config, tree, files, in_nav)
    for item in tree.files:
        hidden = item.kind == "page" and item.path not in in_nav
        inclusion = InclusionLevel.NOT_IN_NAV if hidden else None
        if item.kind == "page":
            file = mkdocs_records.page_file(state.build, config, tree, item, inclusion)
            made.append((file, item.path))
        else:
            file = mkdocs_records.generated(config, tree, item, inclusion)
        files.append(file)
    for path in tree.linked + tree.written:  # the open data the first language wrote; the
        files.append(_AlreadyWritten.generated(config, path, content=b""))  # files written now
    mkdocs_i18n.link_languages(config, tree.lang, tree.tree, state.build.languages, made)
    return files


def _direct_enabled(config: MkDocsConfig) -> bool:
    """Whether the records' pages are written directly (``adapters.direct``): when they are
    filled (``RIEMPI_PAGINE``) and the site map of mkdocs-static-i18n lists them."""
    return _filling_enabled() and mkdocs_i18n.plugin(config) is not None


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
    if _current is not None and _current.records is not None:  # after Material's search
        _current.records.mark(config, page.file.src_uri)
    if _current is None or mkdocs_i18n.plugin(config) is None:
        return context
    mkdocs_i18n.point_switch(config, page.file)
    tree = _current.build.languages[_current.lang]
    if tree and page.url.startswith(tree):
        context["base_url"] = trees.tree_base(page.url, tree)
    return context


@event_priority(-50)
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The theme's 404 page switches to each language's home (not the last page's alternates);
    only the last language's build writes the whole site map."""
    plugin = mkdocs_i18n.plugin(config)
    if _current is not None and plugin is not None and template_name == "404.html":
        mkdocs_i18n.switch_to_homes(config)
    last = _current is not None and _current.lang == next(reversed(_current.build.languages))
    if _current is not None and plugin is not None and template_name == "sitemap.xml" and not last:
        # Every language's build writes the site map of every language built so far at the
        # root, and the last one's stays: the others, empty, cost nothing.
        context["i18n_alternates"] = {}
    return context


@event_priority(-1000)  # last: the policy hashes the inline scripts of the finished page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A generated page's details back in place; every page's direction and policy; after
    the records' second sample, every other record's page (``adapters.mkdocs_records``)."""
    if _current is None:
        return output
    state, src = _current, page.file.src_uri
    records = state.records
    last = records is not None and records.running is None and src == records.last_sample
    shape = _shape(page, state) if last else None  # before its details are given back
    if state.build.is_deferred(src):
        if records is not None:
            records.give_details(src)  # a comune's booklet, from the workers
        output = state.build.with_details(src, output)
        # mkdocs-static-i18n keeps every language's pages until the last is built (sitemap):
        # let the written text go, or the peak memory would grow with every language.
        page.markdown = page.content = ""
        page.file._content = ""  # type: ignore[attr-defined]  # File.generated's source
    output = state.build.finished_page(output, state.lang)
    if last and records is not None:  # the skeleton is checked: the others now, meanwhile
        skeleton = state.shapes.found.get(shape) if shape is not None else None
        workers = (1, 0) if _serving else direct.processes()
        _core(records.start, config, skeleton, state.lang, workers)
    if records is not None and src == state.last_page:
        state.shapes.filled += _core(records.finish, config)
    return output


def on_nav(nav: object, config: MkDocsConfig, files: Files) -> object:
    """The navigation, kept for the records' pages MkDocs may build late (``_theme_pages``)."""
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
    records = state.records if state is not None else None
    if state is not None and records is not None and records.running is not None:
        records.stop()  # the tree's last page was not built: its records' pages never collected
        raise PluginError(console.records_not_written(state.build.final_dir))
    if state is not None:
        state.records = None
        if state.build.open_data_pending:  # no record's page went to the workers
            _core(state.build.write_open_data)
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
        if _current.records is not None:
            _current.records.stop()
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

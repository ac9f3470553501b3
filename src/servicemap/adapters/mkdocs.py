"""The MkDocs front door: the only module that imports MkDocs.

``hooks/servicemap_hook.py`` re-exports these event functions. What they add to a plain MkDocs
build:

* ``on_config`` runs the data stages (load, validate, place) once. Every problem is logged under
  ``mkdocs.plugins.servicemap`` (so ``--strict`` counts the warnings); an error stops the build
  with the validator's messages and a short Italian summary, never a traceback.
* The build writes into a staging folder (``adapters.publish``); ``on_post_build`` (run last)
  swaps it in only if the build succeeded. A data error, a failing page, or a ``--strict`` build
  with warnings (MkDocs aborts those *after* ``on_post_build``, so we count warnings ourselves)
  leaves the previously published ``site_build/`` untouched.
* Nothing from outside the project is published: before MkDocs walks ``docs_dir``, every link in it
  must stay inside it and every file must be a regular file of sane size (``load.safefile``);
  a refused file is an error that stops the build.
* Reproducible output: unless ``SOURCE_DATE_EPOCH`` is set, it is set for the build to the most
  recent ``aggiornato`` of the records, so the sitemap's dates and its gzip header depend on the
  data, not on the clock. Every page's footer says that build date and how old the records'
  checks are (``render.freshness``), never the newest record's date as the date of all the data.
* Privacy: every page gets a Content-Security-Policy (``render.csp``) with the hashes of its
  inline scripts; the print stylesheet (``render.print``) and the accessibility one
  (``assets/servicemap/accessibilita.css``) are added to ``extra_css``.
* One whole site per language (mkdocs-static-i18n): every page's language switch and
  ``hreflang`` lead to the same page in each tree (``x-default``: the Italian one), each tree
  has its own Material search index and 404 page (``servicemap.render.trees``), and a browser that
  prefers another language of the site is offered it (``render.language_offer``).
* The offline copy (``OFFLINE=true``: Material's ``offline`` plugin enabled): the local
  iframe-worker shim instead of unpkg's, a map without tiles, and the dated zip with its
  ``LEGGIMI.txt`` written into the site folder (``servicemap.adapters.offline``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

from servicemap import pipeline
from servicemap.adapters import offline, publish
from servicemap.adapters.site import render_site
from servicemap.core.escape import terminal_safe
from servicemap.core.model import Service
from servicemap.core.output import GeneratedFile
from servicemap.load import paths, safefile
from servicemap.problems.problem import Problem, has_errors, report_order
from servicemap.render import citizen, csp, freshness, home, i18n, language_offer, trees
from servicemap.render.assets import A11Y_CSS_PATH
from servicemap.render.context import RenderContext, service_src
from servicemap.render.html import DETAILS_MARK, Site, split_details
from servicemap.render.labels import Labels
from servicemap.render.pages import RAW_HTML_DIRS
from servicemap.render.print import PRINT_CSS_PATH
from servicemap.validate.contact import contact_from_settings
from servicemap.validate.project import Project

log = logging.getLogger("mkdocs.plugins.servicemap")


@dataclass
class _Build:
    """State of the build in progress (MkDocs hooks are module functions, not objects)."""

    project: Project
    result: pipeline.Result
    final_dir: Path
    staging: publish.Staging
    warnings: CountHandler
    saved_epoch: str | None
    epoch: int
    raw_html: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> head, details
    offline: bool = False  # Material's offline plugin is on: the copy for file://
    public_directory_urls: bool = True  # the online site's URL style (absolute links, QR codes)
    data_date: dt.date | None = None  # the most recent ``aggiornato``
    data_warnings: int = 0  # logged by ``on_config`` before ``warnings`` started counting
    lang: str = "it"  # the interface language being built (mkdocs-static-i18n builds each)
    tree: str = ""  # its folder in the site: "" for the default language, "en/" for English
    languages: dict[str, str] = field(default_factory=dict)  # every built language -> its tree
    shared_paths: list[str] = field(default_factory=list)  # written once, by the first language
    copyright: str = ""  # ``copyright`` as written in mkdocs.yml (the footer line goes before)
    root_404: str = ""  # the default language's 404 page (each nested build writes one at the root)
    separators: dict[str, str] = field(default_factory=dict)  # language -> its search separator
    site_name: str = ""  # the default language's (mkdocs-static-i18n changes it for each language)

    @property
    def built(self) -> dt.date:
        """The build's date, from its epoch (``SOURCE_DATE_EPOCH``): the footer's and LEGGIMI's."""
        return dt.datetime.fromtimestamp(self.epoch, dt.UTC).date()

    @property
    def checked(self) -> list[str]:
        """Every record's ``aggiornato``, for the freshness words."""
        return [s.aggiornato for s in self.result.services]


_current: _Build | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate and place the records; stop here, with every message, if the data is wrong."""
    global _current
    if _current is not None and _nested_language_build(config):
        _current.lang, _current.tree = _language(config)  # same data, next language
        _footer(config, _current)
        return config
    _finish(swap=False)  # a previous build that died without an event (mkdocs serve)
    options = dict(config.extra.get("servicemap") or {})
    base = Path(config.config_file_path or ".").parent
    project = Project.from_options(base, options)
    project.site_url = project.site_url or config.site_url or ""
    settings_file = Path(config.config_file_path or "mkdocs.yml")
    project.contact, settings = contact_from_settings(settings_file, options)
    try:
        result = pipeline.run(project)
        refused = safefile.scan_tree(Path(config.docs_dir), project=base)
    except Exception as exc:
        raise _internal_error(exc) from None
    data_warnings = _log_problems(settings + result.problems + refused)
    if has_errors(settings):
        raise PluginError(
            terminal_safe(
                f"{settings[0].file}: {len(settings)} errori (elencati sopra). Il sito non è stato "
                f"costruito: {config.site_dir} resta com'era. Correggi gli errori e ricostruisci."
            )
        )
    if not result.ok or has_errors(refused):
        site, docs = Path(config.site_dir), Path(config.docs_dir)
        raise PluginError(_summary(project, result.problems, site, (refused, docs)))
    _current = _start(config, project, result)
    _current.data_warnings = data_warnings
    _current.lang, _current.tree = _language(config)
    _current.languages = _built_languages(config)
    _current.copyright = config.copyright or ""
    _current.site_name = config.site_name
    _configure_pages(config, _current)
    _add_citizen_assets(config, offer=len(_current.languages) > 1)
    _quiet_segmenter()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Nothing to do before the build: kept so the hook file's import list stays stable."""


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's hand-written pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page and file of this language, as if it were in ``docs_dir``.

    The first (default) language also writes the open data, once; the other languages' trees
    link to those files (``_AlreadyWritten``) instead of writing them again.
    """
    build = _current
    if build is None:
        return files
    build.separators[build.lang] = _theme_text(config, "search.config.separator")
    first = not build.tree
    try:
        generated = render_site(
            build.result.services,
            build.result.territory,
            build.result.vocabulary,
            build.project,
            directory_urls=config.use_directory_urls,
            today=dt.datetime.fromtimestamp(build.epoch, dt.UTC).date(),
            offline=build.offline,
            public_directory_urls=build.public_directory_urls,
            lang=build.lang,
            tree=build.tree,
            shared=first,
        )
    except Exception as exc:
        raise _internal_error(exc) from None
    if len(build.languages) > 1:
        generated += language_offer.offer_files()  # the reader's language, offered
    if first:
        build.shared_paths = [g.path for g in generated if g.path.startswith(SHARED_DIRS)]
    else:
        generated = [
            g if g.kind == "page" else replace(g, path=build.tree + g.path) for g in generated
        ]
    existing = {f.src_uri for f in files}
    replaced = set(paths.replaced_by_hand([g.path for g in generated], existing))
    for path in sorted(replaced):
        log.info("%s è scritto a mano in docs_dir: la versione generata non è usata", path)
    generated = [g for g in generated if g.path not in replaced]
    lines = {service_src(s.id): s.line for s in build.result.services}
    problems = paths.site_problems([(f.src_uri, f.abs_src_path) for f in files],
                                   [g.path for g in generated], lines, build.project.display_name,
                                   Path(config.docs_dir), config.use_directory_urls)  # fmt: skip
    if problems:
        _log_problems(problems)
        raise PluginError(_summary(build.project, problems, build.final_dir))
    in_nav = _nav_paths(config.nav)
    pages = []
    for item in generated:
        hidden = item.kind == "page" and item.path not in in_nav
        inclusion = InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED
        file = _generated(config, build, item, inclusion)
        files.append(file)
        if item.kind == "page":
            pages.append((file, item.path))
        if item.kind == "page" and item.path.startswith(RAW_HTML_DIRS):
            build.raw_html[file.src_uri] = split_details(_body(str(item.content)))
    if not first:
        for path in build.shared_paths:
            files.append(_AlreadyWritten.generated(config, path, content=b""))
    _link_languages(config, build, pages)
    return files


def _generated(
    config: MkDocsConfig, build: _Build, item: GeneratedFile, inclusion: InclusionLevel
) -> File:
    """The MkDocs file of a generated page or asset, in this language's tree.

    A page of another language than the default is named as mkdocs-static-i18n names a
    translation (``cerca/index.en.md``), so the navigation and the hand-written pages' links
    (``cerca/index.md``) find it, and it is written under the language's folder
    (``en/cerca/index.html``). Assets already carry the folder in their path.
    """
    if item.kind != "page" or not build.tree:
        return File.generated(config, item.path, content=item.content, inclusion=inclusion)
    stem = item.path.removesuffix(".md")
    file = File.generated(
        config, f"{stem}.{build.lang}.md", content=item.content, inclusion=inclusion
    )
    plain = File.generated(config, item.path, content="")
    file.name = plain.name  # "index", not "index.en": Material's index pages
    file.dest_uri = build.tree + plain.dest_uri
    return file


SHARED_DIRS = ("dati/", "schema/")  # the open data: one copy for every language


class _AlreadyWritten(File):
    """A file the first language wrote: linkable from this language's pages, not written again."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


@dataclass
class _Alternate:
    """This page in another language, as mkdocs-static-i18n describes one (switch, sitemap)."""

    url: str
    page: None = None


def _link_languages(config: MkDocsConfig, build: _Build, pages: list[tuple[File, str]]) -> None:
    """Tell mkdocs-static-i18n that each generated page exists in every built language.

    Its language switch then leads to the same page in the other language (service X in Italian
    to service X in Arabic), Material writes the ``hreflang`` alternates, and the sitemap lists
    them. The plugin finds these links itself for hand-written pages only.
    """
    plugin = _i18n(config)
    if plugin is None:
        return
    listed = plugin.i18n_files_per_language.setdefault(build.lang, [])
    for file, own in pages:
        url = file.url.removeprefix(build.tree) if build.tree else file.url
        own_url = "" if url == "./" else url
        file.locale = file.locale_alternate_of = build.lang  # type: ignore[attr-defined]
        file.localization = build.lang if build.tree else None  # type: ignore[attr-defined]
        file.norm_src_uri = own  # type: ignore[attr-defined]
        file.alternates = {  # type: ignore[attr-defined]
            lang: file if lang == build.lang else _Alternate((tree + own_url) or "./")
            for lang, tree in build.languages.items()
        }
        listed.append(file)
    _default_alternates(plugin, build)


def _default_alternates(plugin: object, build: _Build) -> None:
    """Every page's ``x-default`` alternate in the sitemap: its default-language (Italian) page."""
    if len(build.languages) < 2:
        return  # one language: no alternates to choose among
    default = next(iter(build.languages), "")
    for file in plugin.i18n_files_per_language.get(build.lang, []):  # type: ignore[attr-defined]
        alternates = getattr(file, "alternates", None)
        if isinstance(alternates, dict) and default in alternates:
            alternates.setdefault(trees.DEFAULT_HREFLANG, alternates[default])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages are finished HTML: skip the Markdown pass (``on_page_content`` adds it).

    Python-Markdown would only stash the raw HTML block and give it back unchanged, at a cost of
    tens of milliseconds a page (the ``md_in_html`` parser): most of a large build.
    """
    if _current is not None and page.file.src_uri in _current.raw_html:
        return ""
    if _current is not None and citizen.PLAIN_WORDS_MARK in markdown:  # e.g. the home page
        labels = Labels.from_vocabulary(_current.result.vocabulary, _current.lang)
        words = citizen.plain_words(labels, lang=_current.lang)
        markdown = markdown.replace(citizen.PLAIN_WORDS_MARK, words, 1)
    if _current is not None and home.START_MARK in markdown:  # the home page's first screen
        ctx = _home_context(_current, config)
        src = _tree_src(page.file.src_uri, _current.lang)
        markdown = markdown.replace(home.START_MARK, home.start_here(ctx, src), 1)
    return markdown


def _tree_src(src: str, lang: str) -> str:
    """A translated page's path inside its language's tree: ``index.ar.md`` is the ``index.md`` of
    ``ar/`` (mkdocs-static-i18n's suffix structure), so its links are the Italian page's ones and
    stay in the tree. Taken as written, ``index.ar.md`` would be a page one folder deeper and its
    links would lead to the Italian site."""
    suffix = f".{lang}.md"
    return src.removesuffix(suffix) + ".md" if src.endswith(suffix) else src


def _home_context(build: _Build, config: MkDocsConfig) -> RenderContext:
    """The records grouped by need and comune, for the ways in of ``render.home``."""
    result = build.result
    labels = Labels.from_vocabulary(result.vocabulary, build.lang)
    site = Site(config.use_directory_urls)
    return RenderContext(
        result.services, result.territory, labels, site, lang=build.lang, tree=build.tree
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The indexed head of a generated page; its details wait for ``on_post_page``.

    Material's search parses ``page.content`` (all of it, even the parts it then excludes):
    giving it only the head keeps the index small and the build fast.
    """
    if _current is not None and page.file.src_uri in _current.raw_html:
        head, details = _current.raw_html[page.file.src_uri]
        head = _skip_target(head, page)
        return head + DETAILS_MARK if details else head
    return html


SKIP_TARGET = "titolo"


def _skip_target(head: str, page: Page) -> str:
    """Give a generated page the one-entry table of contents Material's skip link needs.

    Material prints "Vai al contenuto" (the first stop of the Tab key, WCAG 2.4.1) only when
    ``page.toc`` has an entry; generated pages skip the Markdown pass, so they have none. The
    page's outer ``<div>`` gets an id and becomes that entry (no sidebar: it has no children).
    Not the ``<h1>``: a heading with an id would split the page's search entry in two.
    """
    if not head.startswith("<div "):
        return head
    page.toc = TableOfContents([AnchorLink(page.title or "", SKIP_TARGET, 1)])
    return f'<div id="{SKIP_TARGET}" ' + head.removeprefix("<div ")


@event_priority(-50)  # after mkdocs-static-i18n has pointed the language switch at this page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """The language switch and ``hreflang`` of every page, and the page's tree as its base.

    The plugin leaves a home page's switch on the languages' absolute roots (``/ar/``, or
    ``/ar/index.html`` in the offline copy: a dead link from ``file://``); every page's links
    are made from its alternates instead, relative like every other link. ``base`` (Material's
    ``__config.base``) is the tree's root, so the search there reads that tree's index.
    """
    build = _current
    if build is None or _i18n(config) is None:
        return context
    alternates = getattr(page.file, "alternates", None) or {}
    for item in _switch(config):
        alternate = alternates.get(item.get("lang"))
        if alternate is not None and alternate.url:
            item["link"] = alternate.url
    if build.tree and page.url.startswith(build.tree):
        context["base_url"] = trees.tree_base(page.url, build.tree)
    return context


@event_priority(-50)
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The theme's 404 page switches to each language's home (not the last page's alternates)."""
    plugin = _i18n(config)
    if _current is not None and plugin is not None and template_name == "404.html":
        roots = [dict(x) for x in plugin.extra_alternate]  # type: ignore[attr-defined]
        config.extra.alternate = roots  # type: ignore[attr-defined]
    return context


def _switch(config: MkDocsConfig) -> list[dict]:
    """The language switch's entries the theme will show for the page being rendered.

    mkdocs-static-i18n sets them as an *attribute* of ``config.extra`` (which Jinja reads before
    the ``alternate`` key), so that one is changed when it is there.
    """
    found = getattr(config.extra, "alternate", None)
    return list(found if found is not None else config.extra.get("alternate") or [])


@event_priority(-1000)  # last: the policy hashes the inline scripts of the finished page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the details of a generated page back where the head left them; add the policy."""
    if _current is None:
        return output
    if page.file.src_uri in _current.raw_html:
        details = _current.raw_html.pop(page.file.src_uri)[1]
        if details:
            output = output.replace(DETAILS_MARK, details, 1)
        _release(page)
    output = trees.with_default_alternate(output, next(iter(_current.languages), ""))
    return _with_policy(_with_direction(output, _current), _current)


def _release(page: Page) -> None:
    """Let a written generated page's text go: only its address is needed later.

    mkdocs-static-i18n keeps every language's pages until the last language is built (for the
    sitemap), so without this each language would hold the text of all the previous ones:
    the peak memory of a four-language site would grow with every language.
    """
    page.markdown = ""
    page.content = ""
    page.file._content = ""  # type: ignore[attr-defined]  # File.generated's in-memory source


def _with_direction(output: str, build: _Build) -> str:
    """``<html dir>`` beside Material's ``<body dir>``: both say the language's direction.

    Material writes the direction on ``<body>`` only; a screen reader or a browser's translate
    feature reads it from ``<html>``, and the two must agree.
    """
    direction = i18n.direction(build.lang)
    return output.replace("<html lang=", f'<html dir="{direction}" lang=', 1)


@event_priority(-1000)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (``404.html``) get the policy too, and one 404 page per tree.

    Every language's build writes its ``404.html`` at the root: the last language would win.
    The root keeps the default language's; each other tree gets its own (``ar/404.html``),
    which hosts that look for the nearest 404 page (Cloudflare Pages, nginx rules) serve.
    """
    build = _current
    if build is None or not template_name.endswith(".html"):
        return output_content
    page = _with_direction(output_content, build)
    if template_name != "404.html" or not build.tree:
        page = _with_policy(page, build)
        build.root_404 = page if template_name == "404.html" else build.root_404
        return page
    root = urlsplit(config.site_url or "/").path  # MkDocs' base for error pages
    page = trees.with_search_base(page, root.rstrip("/") + "/" + build.tree)  # its tree's index
    target = Path(config.site_dir) / build.tree / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_with_policy(page, build), encoding="utf-8")
    return build.root_404 or _with_policy(page, build)


@event_priority(-1000)  # after every other plugin, e.g. Material's offline search index
def on_post_build(config: MkDocsConfig) -> None:
    """Publish the staged site, unless ``--strict`` is about to abort the build."""
    build = _current
    if build is None:
        return
    counts = build.warnings.get_counts()
    if _nested_language_build(config):
        return  # mkdocs-static-i18n's build of one more language: publish after the last one
    if config.strict and (counts or build.data_warnings):
        log.error(
            "Modalità --strict con avvisi: il sito non è stato pubblicato, %s resta com'era.",
            build.final_dir,
        )
        _finish(swap=False)
        return
    _write_search_indexes(config, build)
    if build.offline:
        _write_offline_zip(config, build)
    config.site_dir = str(build.final_dir)
    _finish(swap=True)


def on_build_error(error: Exception) -> None:
    """A failed build publishes nothing: drop the staging folder, keep the old site."""
    if _current is not None:
        log.error("Costruzione interrotta: %s resta com'era.", _current.final_dir)
    _finish(swap=False)


def on_shutdown() -> None:
    _finish(swap=False)


# --- helpers -------------------------------------------------------------------------------


def _i18n(config: MkDocsConfig) -> object | None:
    """mkdocs-static-i18n's plugin, when ``mkdocs.yml`` lists it (one tree per language)."""
    return config.plugins.get("i18n")


def _nested_language_build(config: MkDocsConfig) -> bool:
    """Whether this is mkdocs-static-i18n building one more language inside the first build."""
    return bool(getattr(_i18n(config), "building", False))


def _language(config: MkDocsConfig) -> tuple[str, str]:
    """The language being built and its folder ("" for the default language)."""
    plugin = _i18n(config)
    if plugin is None:
        return str(config.theme.get("language") or i18n.SOURCE_LANGUAGE), ""
    lang = plugin.current_language or plugin.default_language  # type: ignore[attr-defined]
    return lang, "" if lang == plugin.default_language else f"{lang}/"  # type: ignore[attr-defined]


def _built_languages(config: MkDocsConfig) -> dict[str, str]:
    """Every language this build makes, default first, with its folder."""
    plugin = _i18n(config)
    if plugin is None:
        return {_language(config)[0]: ""}
    default = plugin.default_language  # type: ignore[attr-defined]
    return {
        lang: "" if lang == default else f"{lang}/"
        for lang in [default] + [x for x in plugin.build_languages if x != default]  # type: ignore[attr-defined]
    }


def _start(config: MkDocsConfig, project: Project, result: pipeline.Result) -> _Build:
    """Point the build at a staging folder, fix the build date, start counting warnings."""
    final_dir = Path(config.site_dir).resolve()
    try:
        staging = publish.start(final_dir)
    except publish.PublishError as exc:
        raise PluginError(str(exc)) from None
    config.site_dir = str(staging.path)
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = (
        int(saved) if saved and saved.isascii() and saved.isdigit() else data_epoch(result.services)
    )
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return _Build(project, result, final_dir, staging, counter, saved, epoch)


def _add_citizen_assets(config: MkDocsConfig, *, offer: bool) -> None:
    """The language switch (header of every page) and its styles (``render.citizen``), and
    with more than one language the offer of the reader's own (``render.language_offer``)."""
    css = citizen.EVERY_PAGE_CSS + (language_offer.EVERY_PAGE_CSS if offer else ())
    js = citizen.EVERY_PAGE_JS + (language_offer.EVERY_PAGE_JS if offer else ())
    for path in css:
        if path not in [str(p) for p in config.extra_css]:
            config.extra_css.append(path)
    for path in js:
        if path not in [str(p) for p in config.extra_javascript]:
            config.extra_javascript.append(path)  # type: ignore[arg-type]


def _configure_pages(config: MkDocsConfig, build: _Build) -> None:
    """Theme settings every page needs: print stylesheet, data date, offline shim."""
    build.data_date = _data_date(build.result.services)
    build.offline = _offline_enabled(config)
    build.public_directory_urls = config.use_directory_urls
    if build.offline:
        build.public_directory_urls = _user_directory_urls(config)
        config.extra["polyfills"] = offline.local_polyfills(list(config.extra.get("polyfills", [])))
    for css in (A11Y_CSS_PATH, PRINT_CSS_PATH):  # on every page, whatever mkdocs.yml lists
        if css not in [str(path) for path in config.extra_css]:
            config.extra_css.append(css)
    _footer(config, build)


def _footer(config: MkDocsConfig, build: _Build) -> None:
    """The footer's first line, in the language being built: build date and data freshness."""
    line = freshness.footer_line(build.built, build.checked, build.lang)
    config.copyright = f"{line} · {build.copyright}" if build.copyright else line


def _offline_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's ``offline`` plugin is listed and enabled (``OFFLINE=true``)."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "offline":
            return bool(getattr(plugin, "config", {}).get("enabled", False))
    return False


def _user_directory_urls(config: MkDocsConfig) -> bool:
    """``use_directory_urls`` as written in ``mkdocs.yml``: the offline plugin turns it off."""
    value = True
    for user in config.user_configs:
        value = bool(user.get("use_directory_urls", value))
    return value


def _with_policy(page: str, build: _Build) -> str:
    """The page with its Content-Security-Policy (and, offline, without a wrong canonical)."""
    if build.offline:
        page = offline.without_alternates(offline.without_canonical(page))
    extra = [offline.worker_shim_hash(page)] if build.offline else []
    tiles = "" if build.offline else csp.tile_origin(build.project.tile_url)
    return csp.add_policy(page, extra, tiles=tiles, offline=build.offline)


def _write_search_indexes(config: MkDocsConfig, build: _Build) -> None:
    """One search index per tree, from the entries mkdocs-static-i18n collected from each build.

    The plugin's own root index merges every language (a search on ``/ar/`` listed Italian
    pages); each tree's pages read the index at their tree's root (``on_page_context``).
    """
    plugin = _i18n(config)
    root = Path(config.site_dir) / trees.INDEX_PATH
    if plugin is None or len(build.languages) < 2 or not root.is_file():
        return
    settings = json.loads(root.read_text(encoding="utf-8"))["config"]
    entries = list(plugin.search_entries)  # type: ignore[attr-defined]
    language_of = {tree: lang for lang, tree in build.languages.items()}
    for tree, docs in trees.tree_indexes(entries, list(build.languages.values())).items():
        separator = build.separators.get(language_of[tree]) if tree else None
        data = trees.index_json({**settings, "separator": separator or settings["separator"]}, docs)
        (Path(config.site_dir) / tree / "search").mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / tree / trees.INDEX_PATH).write_text(data, encoding="utf-8")
        if build.offline:
            script = trees.offline_index(data)
            (Path(config.site_dir) / tree / trees.OFFLINE_INDEX_PATH).write_text(script, "utf-8")


def _theme_text(config: MkDocsConfig, key: str) -> str:
    """One of Material's texts for the language being built, as its search plugin reads them.

    Chinese has its own search separator (the zero-width space that segmentation puts between
    words, and Chinese punctuation): the Chinese tree's index needs it.
    """
    try:
        env = config.theme.get_env()
        template = env.get_template("partials/language.html", None, {"config": config})
        return str(template.module.t(key))  # type: ignore[attr-defined]
    except Exception:  # another theme: its search has no such setting
        return ""


def _quiet_segmenter() -> None:
    """jieba (Material's search splits Chinese text into words with it) logs its dictionary
    loading at DEBUG on its own handler: keep the build's output to our messages."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


def _write_offline_zip(config: MkDocsConfig, build: _Build) -> None:
    """The dated zip of the copy, inside the site folder (where the publish workflow looks)."""
    date = build.data_date or build.built
    words = freshness.footer_text(build.built, build.checked)
    name = build.site_name or config.site_name  # the default language's (config has the last's)
    readme = offline.readme(name, date, build.project.site_url, words, build.languages)
    path = offline.write_zip(build.staging.path, date, build.epoch, readme)
    log.info("Copia offline: %s", build.final_dir / path.name)


def _data_date(services: list[Service]) -> dt.date | None:
    epoch = data_epoch(services)
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date() if epoch else None


def _finish(*, swap: bool) -> None:
    """End the build: swap the staging folder in (or delete it) and undo our global changes."""
    global _current
    build, _current = _current, None
    if build is None:
        return
    logging.getLogger("mkdocs").removeHandler(build.warnings)
    if build.saved_epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = build.saved_epoch
    if not swap:
        build.staging.discard()
        return
    try:
        build.staging.publish()
    except publish.PublishError as exc:
        raise PluginError(str(exc)) from None


def _body(markdown: str) -> str:
    """The page without its front matter (MkDocs has already read the metadata from it)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[end + 5 :].lstrip("\n")
    return markdown


def data_epoch(services: list[Service]) -> int:
    """Midnight UTC of the most recent ``aggiornato``: a build date that depends on the data."""
    dates = []
    for s in services:
        try:
            dates.append(dt.date.fromisoformat(s.aggiornato))
        except ValueError:
            continue
    if not dates:
        return 0
    return int(dt.datetime.combine(max(dates), dt.time(), dt.UTC).timestamp())


def _log_problems(problems: list[Problem]) -> int:
    """Errors in full; warnings one line per code (all of them with ``mkdocs build -v``).

    A first build of real data can have dozens of warnings of one kind (``stale``): thirty lines
    would bury the one that matters. Each summary line is a WARNING, so ``--strict`` still fails.
    Returns how many warning lines were logged (``on_config`` logs before the counter exists).
    """
    ordered = sorted(problems, key=report_order)  # errors first, then by file, line, column
    verbose = log.isEnabledFor(logging.DEBUG)
    by_code: dict[str, list[Problem]] = {}
    for p in ordered:
        if p.severity == "error":
            log.error(p.format_text())
        elif verbose:
            log.warning(p.format_text())
        else:
            by_code.setdefault(p.code, []).append(p)
    logged = sum(p.severity != "error" for p in ordered) if verbose else len(by_code)
    for code, same in sorted(by_code.items()):
        if len(same) == 1:
            log.warning(same[0].format_text())
            continue
        first = same[0]
        where = f"{first.file}:{first.line}:{first.column}"
        every = f"`servicemap validate {first.file}` o " if first.file.endswith(".yaml") else ""
        log.warning(
            terminal_safe(
                f"avviso {code}: {len(same)} volte, la prima in {where} "
                f"(tutte con {every}`mkdocs build -v`)"
            )
        )
    return logged


def _summary(
    project: Project,
    problems: list[Problem],
    site_dir: Path,
    content: tuple[list[Problem], Path] = ([], Path()),
) -> str:
    """The last line of a refused build: what was found (data, pages) and that nothing changed."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    found = f"{project.display_name}: {errors} errori e {warnings} avvisi (elencati sopra). "
    refused, docs = content
    if refused:
        found = found if errors else ""
        found += (
            f"{len(refused)} file di {safefile.display_path(docs)} non si possono pubblicare "
            "(elencati sopra). "
        )
    return terminal_safe(
        f"{found}Il sito non è stato costruito: {site_dir} resta com'era. "
        "Correggi gli errori e ricostruisci."
    )


def _internal_error(exc: Exception) -> PluginError:
    """An unexpected failure (a bug): one Italian line, the traceback only with ``--verbose``."""
    log.debug("Errore interno di servicemap", exc_info=exc)
    return PluginError(
        f"Errore interno di servicemap ({type(exc).__name__}: {exc}). "
        "Segnalalo ai manutentori; con `mkdocs build --verbose` vedi i dettagli."
    )


def _nav_paths(nav: object) -> set[str]:
    """Source paths named in ``nav:`` (those pages are in the navigation; the others are not)."""
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

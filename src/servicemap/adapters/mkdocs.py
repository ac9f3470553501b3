"""The MkDocs front door: the only module that imports MkDocs. It translates events, no more.

``hooks/servicemap_hook.py`` re-exports these event functions; each hands its part to the core
(``adapters.build``), where every rule of ours lives (data stages, build date, staging and atomic
publish, assets and footer, policy, offline zip). What stays here is MkDocs and its plugins:

* problems go to the ``mkdocs.plugins.servicemap`` logger (``--strict`` counts the warnings) and a
  ``BuildError`` becomes a ``PluginError``; MkDocs aborts a ``--strict`` build with warnings only
  *after* ``on_post_build``, so we count them ourselves and publish nothing then;
* generated files become ``File.generated`` objects, in or out of ``nav:``;
* mkdocs-static-i18n builds each language inside the first build (``on_config`` again): its
  files, language switch, ``hreflang`` alternates and search entries are told about our pages;
* Material: its theme texts (search separator), template context, ``extra.polyfills`` and the
  table of contents its skip link needs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

from servicemap.adapters import offline, pages
from servicemap.adapters.build import Build, BuildError, Settings, TreeFiles
from servicemap.core.output import GeneratedFile
from servicemap.render import i18n, trees
from servicemap.render.html import DETAILS_MARK

log = logging.getLogger("mkdocs.plugins.servicemap")


@dataclass
class _State:
    """The build in progress (MkDocs hooks are module functions, not objects)."""

    build: Build
    warnings: CountHandler
    lang: str  # the language being built (mkdocs-static-i18n builds each in turn)
    raw_html: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> head, details
    separators: dict[str, str] = field(default_factory=dict)  # language -> its search separator


_current: _State | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate and place the records; stop here, with every message, if the data is wrong."""
    global _current
    if _current is not None and _nested_language_build(config):
        _current.lang = _language(config)  # same data, next language
        config.copyright = _current.build.page_extras(_current.lang).footer
        return config
    _finish(swap=False)  # a previous build that died without an event (mkdocs serve)
    settings = Settings(
        Path(config.config_file_path or "mkdocs.yml"), Path(config.docs_dir),
        Path(config.site_dir), dict(config.extra.get("servicemap") or {}),
        site_url=config.site_url or "", directory_urls=config.use_directory_urls,
        offline=_offline_enabled(config), languages=_built_languages(config),
        site_name=config.site_name, copyright=config.copyright or "",
    )  # fmt: skip
    try:
        build = Build.start(settings, log)
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    config.site_dir = str(build.site_dir)
    if settings.offline:  # the offline plugin turned ``use_directory_urls`` off
        settings.public_directory_urls = _user_directory_urls(config)
        config.extra["polyfills"] = offline.local_polyfills(list(config.extra.get("polyfills", [])))
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _current = _State(build, counter, _language(config))
    extras = build.page_extras(_current.lang)
    _append_new(config.extra_css, extras.css)
    _append_new(config.extra_javascript, extras.javascript)
    config.copyright = extras.footer
    _quiet_segmenter()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Nothing to do before the build: kept so the hook file's import list stays stable."""


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's hand-written pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page and file of this language, as if it were in ``docs_dir``."""
    state = _current
    if state is None:
        return files
    state.separators[state.lang] = _theme_text(config, "search.config.separator")
    try:
        tree = state.build.files(state.lang, [(f.src_uri, f.abs_src_path) for f in files])
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    in_nav = pages.nav_paths(config.nav)
    made = []
    for item in tree.files:
        hidden = item.kind == "page" and item.path not in in_nav
        file = _generated(config, tree, item, InclusionLevel.NOT_IN_NAV if hidden else None)
        files.append(file)
        if item.kind == "page":
            made.append((file, item.path))
        if (parts := pages.raw_parts(item)) is not None:
            state.raw_html[file.src_uri] = parts
    for path in tree.linked:  # the open data the first language wrote
        files.append(_AlreadyWritten.generated(config, path, content=b""))
    _link_languages(config, state, tree, made)
    return files


def _generated(
    config: MkDocsConfig, tree: TreeFiles, item: GeneratedFile, inclusion: InclusionLevel | None
) -> File:
    """The MkDocs file of a generated page or asset, in this language's tree.

    A page of another language than the default is named as mkdocs-static-i18n names a
    translation (``cerca/index.en.md``), so the navigation and the hand-written pages' links
    (``cerca/index.md``) find it, and it is written under the language's folder.
    """
    inclusion = inclusion or InclusionLevel.UNDEFINED
    if item.kind != "page" or not tree.tree:
        return File.generated(config, item.path, content=item.content, inclusion=inclusion)
    stem = item.path.removesuffix(".md")
    file = File.generated(
        config, f"{stem}.{tree.lang}.md", content=item.content, inclusion=inclusion
    )
    plain = File.generated(config, item.path, content="")
    file.name = plain.name  # "index", not "index.en": Material's index pages
    file.dest_uri = tree.tree + plain.dest_uri
    return file


class _AlreadyWritten(File):
    """A file the first language wrote: linkable from this language's pages, not written again."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


@dataclass
class _Alternate:
    """This page in another language, as mkdocs-static-i18n describes one (switch, sitemap)."""

    url: str
    page: None = None


def _link_languages(
    config: MkDocsConfig, state: _State, tree: TreeFiles, made: list[tuple[File, str]]
) -> None:
    """Tell mkdocs-static-i18n that each generated page exists in every built language, so its
    switch leads to the same page in the other language, Material writes the ``hreflang``
    alternates (``x-default``: the default language's) and the sitemap lists them."""
    plugin = _i18n(config)
    if plugin is None:
        return
    languages = state.build.languages
    listed = plugin.i18n_files_per_language.setdefault(tree.lang, [])
    default = next(iter(languages), "")
    for file, own in made:
        urls = pages.alternate_urls(file.url, tree.tree, languages)
        file.locale = file.locale_alternate_of = tree.lang  # type: ignore[attr-defined]
        file.localization = tree.lang if tree.tree else None  # type: ignore[attr-defined]
        file.norm_src_uri = own  # type: ignore[attr-defined]
        file.alternates = {  # type: ignore[attr-defined]
            lang: file if lang == tree.lang else _Alternate(url) for lang, url in urls.items()
        }
        listed.append(file)
    if len(languages) < 2:
        return
    for file in listed:
        alternates = getattr(file, "alternates", None)
        if isinstance(alternates, dict) and default in alternates:
            alternates.setdefault(trees.DEFAULT_HREFLANG, alternates[default])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages skip the Markdown pass (``on_page_content`` adds their HTML); the
    hand-written ones get their marks filled from the data."""
    if _current is None:
        return markdown
    if page.file.src_uri in _current.raw_html:
        return ""
    return _current.build.hand_written(markdown, page.file.src_uri, _current.lang)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The indexed head of a generated page (Material's search parses all of ``page.content``);
    its details wait for ``on_post_page``."""
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
    """The language switch from the page's alternates (the plugin leaves a home page's on the
    absolute roots: a dead link from ``file://``), and the tree's root as Material's ``base``
    (the search there reads that tree's index)."""
    if _current is None or _i18n(config) is None:
        return context
    alternates = getattr(page.file, "alternates", None) or {}
    for item in _switch(config):
        alternate = alternates.get(item.get("lang"))
        if alternate is not None and alternate.url:
            item["link"] = alternate.url
    tree = _current.build.languages[_current.lang]
    if tree and page.url.startswith(tree):
        context["base_url"] = trees.tree_base(page.url, tree)
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
    """The language switch's entries: mkdocs-static-i18n sets them as an *attribute* of
    ``config.extra`` (which Jinja reads before the ``alternate`` key)."""
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
        # mkdocs-static-i18n keeps every language's pages until the last is built (sitemap):
        # let the written text go, or the peak memory would grow with every language.
        page.markdown = page.content = ""
        page.file._content = ""  # type: ignore[attr-defined]  # File.generated's source
    return _current.build.finished_page(output, _current.lang)


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
    if state is None or _nested_language_build(config):
        return  # mkdocs-static-i18n's build of one more language: publish after the last one
    if config.strict and (state.warnings.get_counts() or state.build.data_warnings):
        log.error(
            "Modalità --strict con avvisi: il sito non è stato pubblicato, %s resta com'era.",
            state.build.final_dir,
        )
        _finish(swap=False)
        return
    plugin = _i18n(config)
    if plugin is not None:
        entries = list(plugin.search_entries)  # type: ignore[attr-defined]
        state.build.write_search_indexes(entries, state.separators)
    config.site_dir = str(state.build.final_dir)
    _finish(swap=True)


def on_build_error(error: Exception) -> None:
    """A failed build publishes nothing: drop the staging folder, keep the old site."""
    if _current is not None:
        log.error("Costruzione interrotta: %s resta com'era.", _current.build.final_dir)
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
    try:
        state.build.finish() if swap else state.build.fail()
    except BuildError as exc:
        raise PluginError(str(exc)) from None


# --- reading MkDocs' configuration and its plugins -----------------------------------------


def _i18n(config: MkDocsConfig) -> object | None:
    """mkdocs-static-i18n's plugin, when ``mkdocs.yml`` lists it (one tree per language)."""
    return config.plugins.get("i18n")


def _nested_language_build(config: MkDocsConfig) -> bool:
    """Whether this is mkdocs-static-i18n building one more language inside the first build."""
    return bool(getattr(_i18n(config), "building", False))


def _language(config: MkDocsConfig) -> str:
    """The language being built."""
    plugin = _i18n(config)
    if plugin is None:
        return str(config.theme.get("language") or i18n.SOURCE_LANGUAGE)
    return plugin.current_language or plugin.default_language  # type: ignore[attr-defined]


def _built_languages(config: MkDocsConfig) -> dict[str, str]:
    """Every language this build makes, default first, with its folder ("" for the default)."""
    plugin = _i18n(config)
    if plugin is None:
        return {_language(config): ""}
    default = plugin.default_language  # type: ignore[attr-defined]
    return {
        lang: "" if lang == default else f"{lang}/"
        for lang in [default] + [x for x in plugin.build_languages if x != default]  # type: ignore[attr-defined]
    }


def _append_new(listed: list, paths: tuple[str, ...]) -> None:
    """Add to ``extra_css`` or ``extra_javascript`` what is not listed yet."""
    for path in paths:
        if path not in [str(p) for p in listed]:
            listed.append(path)


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


def _theme_text(config: MkDocsConfig, key: str) -> str:
    """One of Material's texts for the language being built, as its search plugin reads them
    (Chinese has its own search separator: the Chinese tree's index needs it)."""
    try:
        env = config.theme.get_env()
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

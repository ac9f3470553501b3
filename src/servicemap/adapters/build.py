"""One build of the site, whatever generator runs it: every rule of ours, no generator import.

A generator's adapter (``adapters.mkdocs``) only translates its events into these calls::

    from pathlib import Path
    from servicemap.adapters.build import Build, Settings

    settings = Settings(Path("mkdocs.yml"), Path("content"), Path("site_build"),
                        options={"data_file": "services.yaml"})
    build = Build.start(settings)          # the data stages, the build date, the staging folder
    tree = build.files("it")               # the pages, assets and open data of a language tree
    for path, item in tree.site_files():   # e.g. written into a staging docs_dir
        ...
    extras = build.page_extras("it")       # stylesheets, scripts and footer of every page
    page = build.finished_page(html, "it") # direction, Content-Security-Policy
    build.finish()                         # offline zip, then the atomic publish (or build.fail())

What it holds:

* ``start`` runs load, validate and place once (``pipeline.run``) and refuses, before anything is
  written, data with errors and a ``docs_dir`` with files that must not be published
  (``load.safefile``): ``console.BuildError`` with the Italian summary.
* The build writes into a staging folder (``adapters.publish``); only ``finish`` swaps it in, so a
  failed build leaves the previously published site untouched.
* Reproducible output: unless ``SOURCE_DATE_EPOCH`` is set, it is set for the build to midnight
  UTC of the most recent ``aggiornato`` (``data_epoch``), so dates (sitemap, gzip headers, zip)
  depend on the data, not on the clock; ``finish``/``fail`` put the variable back. Every page's
  footer says that build date and how old the records' checks are (``render.freshness``).
* One whole site per language: the first (default) tree also writes the open data, once; the
  other trees link to it (``TreeFiles.linked``).
* The offline copy: a map without tiles, the local iframe-worker shim and the dated zip with its
  ``LEGGIMI.txt`` (``adapters.offline``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from servicemap import pipeline
from servicemap.adapters import console, offline, pages, publish
from servicemap.adapters.console import BuildError
from servicemap.adapters.site import open_data_paths, render_site, tree_context, write_open_data
from servicemap.core.model import Service
from servicemap.core.output import Folder, GeneratedFile
from servicemap.load import paths, safefile
from servicemap.problems.problem import has_errors
from servicemap.render import citizen, freshness, language_offer, trees
from servicemap.render.assets import A11Y_CSS_PATH
from servicemap.render.context import RenderContext, service_src
from servicemap.render.html import DETAILS_MARK
from servicemap.render.pages import service_page
from servicemap.render.print import PRINT_CSS_PATH
from servicemap.validate.contact import contact_from_settings
from servicemap.validate.project import Project

__all__ = ["Build", "BuildError", "PageExtras", "Settings", "TreeFiles", "data_epoch"]

SHARED_DIRS = ("dati/", "schema/")  # the open data: one copy for every language
DEFAULT_LOG = logging.getLogger("servicemap.build")


@dataclass
class Settings:
    """What the generator's configuration says, in its terms translated to ours."""

    config_file: Path  # the settings file (``mkdocs.yml``): its folder is the project's
    docs_dir: Path  # the hand-written pages
    site_dir: Path  # where the site is published
    options: dict = field(default_factory=dict)  # ``extra.servicemap``
    site_url: str = ""
    directory_urls: bool = True  # this build's URL style (the offline copy: False)
    public_directory_urls: bool | None = None  # the online site's (absolute links, QR codes)
    offline: bool = False  # the copy for ``file://``
    languages: dict[str, str] = field(default_factory=lambda: {"it": ""})  # lang -> its tree
    site_name: str = ""  # the default language's
    copyright: str = ""  # as written: the footer line goes before it


@dataclass(frozen=True)
class PageExtras:
    """What every page of a tree gets beyond the generator's defaults."""

    css: tuple[str, ...]  # stylesheets, after the project's own
    javascript: tuple[str, ...]
    footer: str  # the footer's line: build date, data freshness, then the copyright


@dataclass(frozen=True)
class TreeFiles:
    """The files one language tree adds to the hand-written pages.

    A page's ``path`` is relative to its tree (``cerca/index.md`` in every language: what the
    navigation and the hand-written links name); assets and data already carry the tree.
    ``linked``: the open data the first tree wrote, which this tree links to without a copy.
    """

    lang: str
    tree: str
    files: list[GeneratedFile]
    linked: list[str]
    later: list[Service] = field(default_factory=list)  # records whose pages are not in files
    written: list[str] = field(default_factory=list)  # static files already in the staging site

    def site_files(self) -> Iterator[tuple[str, GeneratedFile]]:
        """Every file with its path from the site's root (``en/cerca/index.md``)."""
        for item in self.files:
            yield (self.tree + item.path if item.kind == "page" else item.path), item


@dataclass
class Build:
    """The state of one build, from ``start`` to ``finish`` or ``fail``."""

    settings: Settings
    project: Project
    result: pipeline.Result
    staging: publish.Staging
    epoch: int
    saved_epoch: str | None
    log: logging.Logger = DEFAULT_LOG
    data_warnings: int = 0  # warning lines logged by ``start``
    shared_paths: list[str] = field(default_factory=list)  # written once, by the first tree
    # key -> head, details (or the function that renders them when the page is written)
    deferred: dict[str, tuple[str, str | Callable[[], str]]] = field(default_factory=dict)
    root_404: str = ""  # the default language's 404 page
    contexts: dict[str, RenderContext] = field(default_factory=dict)  # lang -> its tree's
    open_data_lang: str = ""  # the tree whose files left the open data to ``write_open_data``

    @classmethod
    def start(cls, settings: Settings, log: logging.Logger = DEFAULT_LOG) -> Build:
        """Run the data stages, refuse what must not be built, fix the date, stage the site."""
        options = dict(settings.options or {})
        base = settings.config_file.parent
        project = Project.from_options(base, options)
        project.site_url = project.site_url or settings.site_url or ""
        project.contact, problems = contact_from_settings(settings.config_file, options)
        try:
            result = pipeline.run(project)
            refused = safefile.scan_tree(settings.docs_dir, project=base)
        except Exception as exc:
            raise console.internal_error(log, exc) from None
        data_warnings = console.log_problems(log, problems + result.problems + refused)
        if has_errors(problems):
            raise BuildError(console.settings_summary(problems, settings.site_dir))
        if not result.ok or has_errors(refused):
            content = (refused, settings.docs_dir)
            raise BuildError(console.summary(project, result.problems, settings.site_dir, content))
        try:
            staging = publish.start(settings.site_dir.resolve())
        except publish.PublishError as exc:
            raise BuildError(str(exc)) from None
        saved = os.environ.get("SOURCE_DATE_EPOCH")
        epoch = build_epoch(result.services, saved)
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
        return cls(settings, project, result, staging, epoch, saved, log, data_warnings)

    @property
    def site_dir(self) -> Path:
        """Where the generator writes the site: the staging folder."""
        return self.staging.path

    @property
    def final_dir(self) -> Path:
        """Where the site is published by ``finish``."""
        return self.staging.final

    @property
    def languages(self) -> dict[str, str]:
        return self.settings.languages

    @property
    def built(self) -> dt.date:
        """The build's date, from its epoch (``SOURCE_DATE_EPOCH``): the footer's and LEGGIMI's."""
        return dt.datetime.fromtimestamp(self.epoch, dt.UTC).date()

    @property
    def checked(self) -> list[str]:
        """Every record's ``aggiornato``, for the freshness words."""
        return [s.aggiornato for s in self.result.services]

    @property
    def data_date(self) -> dt.date | None:
        """The most recent ``aggiornato`` (the offline zip's name), None without any."""
        epoch = data_epoch(self.result.services)
        return dt.datetime.fromtimestamp(epoch, dt.UTC).date() if epoch else None

    def files(
        self, lang: str, found: list[tuple[str, str | None]] | None = None, later: bool = False
    ) -> TreeFiles:
        """The generated files of ``lang``'s tree, minus those a hand-written page replaces.

        ``found``: the hand-written files the generator found (source path in the tree, absolute
        path); by default every file of ``docs_dir``. A generated page that collides with a
        hand-written one or with a record's page stops the build (``BuildError``).
        ``later``: the records' pages are not rendered here but listed in ``TreeFiles.later``,
        for ``service_page`` when the generator writes each; the comune pages' details are
        rendered when the page is written; the static files are written into the staging
        folder now (``TreeFiles.written``): a region's site is never all held in memory.
        """
        tree = self.languages[lang]
        settings = self.settings
        public = settings.public_directory_urls
        result = self.result
        folder = Folder(self.site_dir, tree) if later else None
        try:
            ctx = tree_context(result.services, result.territory, result.vocabulary, self.project,
                               directory_urls=settings.directory_urls,
                               public_directory_urls=settings.directory_urls if public is None
                               else public, lang=lang, tree=tree)  # fmt: skip
            generated = render_site(
                result.services, result.territory, result.vocabulary,
                self.project, directory_urls=settings.directory_urls, today=self.built,
                offline=settings.offline, lang=lang, tree=tree, shared=not tree, ctx=ctx,
                service_pages=not later, lazy_details=later, folder=folder, open_data=not later,
            )  # fmt: skip
        except Exception as exc:
            raise console.internal_error(self.log, exc) from None
        self.contexts[lang] = ctx
        pending = {service_src(s.id): s for s in ctx.services} if later else {}
        if len(self.languages) > 1:  # the reader's language, offered
            offer = language_offer.offer_files()
            for item in offer if folder is not None else []:
                folder.write(item)
            generated += offer if folder is None else []
        written = folder.written if folder is not None else []
        if later and not tree:  # written by ``write_open_data``, maybe by another process
            self.open_data_lang = lang
            written = [*written, *open_data_paths()]
        if not tree:
            every = [*written, *(g.path for g in generated)]
            self.shared_paths = [path for path in every if path.startswith(SHARED_DIRS)]
        else:
            generated = [
                g if g.kind == "page" else replace(g, path=tree + g.path) for g in generated
            ]
        found = _docs_files(settings.docs_dir) if found is None else found
        made = [*pending, *written, *(g.path for g in generated)]
        replaced = set(paths.replaced_by_hand(made, {f for f, _ in found}))
        for path in sorted(replaced):
            self.log.info("%s è scritto a mano in docs_dir: la versione generata non è usata", path)
        generated = [g for g in generated if g.path not in replaced]
        later_pages = [s for path, s in pending.items() if path not in replaced]
        lines = {service_src(s.id): s.line for s in result.services}
        listed = [service_src(s.id) for s in later_pages] + [g.path for g in generated]
        listed += [path for path in written if path not in replaced]
        problems = paths.site_problems(found, listed, lines, self.project.display_name,
                                       settings.docs_dir, settings.directory_urls)  # fmt: skip
        if problems:
            console.log_problems(self.log, problems)
            raise BuildError(console.summary(self.project, problems, self.final_dir))
        shared = [] if not tree else list(self.shared_paths)
        kept = [path for path in written if path not in replaced]  # docs_dir's copy wins
        return TreeFiles(lang, tree, generated, shared, later_pages, kept)

    @property
    def open_data_pending(self) -> bool:
        """Whether the open data is still to be written (``files(later=True)`` left it)."""
        return bool(self.open_data_lang)

    def write_open_data(self) -> None:
        """Write the open data into the staging site (``files(later=True)`` listed it)."""
        lang, self.open_data_lang = self.open_data_lang, ""
        if not lang:
            return
        result, folder = self.result, Folder(self.site_dir)
        try:
            write_open_data(folder, result.services, result.vocabulary, self.project,
                            self.contexts[lang], self.built, result.territory)  # fmt: skip
        except Exception as exc:
            raise console.internal_error(self.log, exc) from None

    def open_data_written(self) -> None:
        """The open data was written by another process (``write_open_data`` there)."""
        self.open_data_lang = ""

    def forget(self, lang: str) -> None:
        """Let ``lang``'s context go once its pages are written (its localized records, its
        groupings): a four-language build would otherwise hold four (the open data's stays)."""
        if lang != self.open_data_lang:
            self.contexts.pop(lang, None)

    def service_page(self, lang: str, service: Service) -> GeneratedFile:
        """The page of one record in ``lang``'s tree (``files(later=True)`` left it out)."""
        return service_page(service, self.contexts[lang])

    def defer_details(self, key: str, item: GeneratedFile) -> bool:
        """Hold a generated page's details until its page is finished (``pages.raw_parts``).

        ``key``: the generator's name for the page. True when the page is finished HTML: the
        generator skips its Markdown pass and indexes only ``indexed_head(key)``.
        """
        parts = pages.raw_parts(item)
        if parts is not None:
            head, details = parts
            self.deferred[key] = (head, item.details or details)  # rendered when written
        return parts is not None

    def is_deferred(self, key: str) -> bool:
        return key in self.deferred

    def later_details(self) -> list[str]:
        """The deferred pages whose details are rendered when written (a comune's booklet)."""
        return [key for key, (_, details) in self.deferred.items() if callable(details)]

    def details_text(self, key: str) -> str:
        """A deferred page's details, rendered (another process may do it: ``give_details``)."""
        details = self.deferred[key][1]
        return details() if callable(details) else details

    def give_details(self, key: str, text: str) -> None:
        """The details of a deferred page, rendered elsewhere (``details_text``)."""
        self.deferred[key] = (self.deferred[key][0], text)

    def indexed_head(self, key: str) -> str:
        """The part of a deferred page that search indexes, with the mark its details go to."""
        return indexed(*self.deferred[key])

    def with_details(self, key: str, page: str) -> str:
        """The finished page with its details back where the head left them; forgets them."""
        text = self.details_text(key)
        del self.deferred[key]
        return page.replace(DETAILS_MARK, text, 1) if text else page

    def page_extras(self, lang: str) -> PageExtras:
        """The stylesheets and scripts every page links, and the footer line in ``lang``.

        The print and accessibility stylesheets whatever the settings list; the language switch
        (``render.citizen``); with more than one language the offer of the reader's own.
        """
        offer = len(self.languages) > 1
        css = (A11Y_CSS_PATH, PRINT_CSS_PATH, *citizen.EVERY_PAGE_CSS)
        css += language_offer.EVERY_PAGE_CSS if offer else ()
        js = citizen.EVERY_PAGE_JS + (language_offer.EVERY_PAGE_JS if offer else ())
        line = freshness.footer_line(self.built, self.checked, lang)
        copyright = self.settings.copyright
        return PageExtras(css, js, f"{line} · {copyright}" if copyright else line)

    def hand_written(self, markdown: str, src: str, lang: str) -> str:
        """A hand-written page with its marks filled from the data (``pages.fill_marks``)."""
        return pages.fill_marks(markdown, src, self.result, lang=lang, tree=self.languages[lang],
                                directory_urls=self.settings.directory_urls)  # fmt: skip

    def finished_page(self, page: str, lang: str) -> str:
        """A page as published: its ``x-default`` alternate, its direction and its policy."""
        page = trees.with_default_alternate(page, next(iter(self.languages), ""))
        return self._with_policy(pages.with_direction(page, lang))

    def theme_page(self, page: str, name: str, lang: str, root_path: str = "/") -> str:
        """A page of the theme's own (``404.html``) as published; one 404 page per tree.

        Every language's build of a multi-language generator writes its ``404.html`` at the
        root: the last would win. The root keeps the default language's (returned for every
        tree); each other tree gets its own (``ar/404.html``), written here, which hosts that
        look for the nearest 404 page (Cloudflare Pages, nginx rules) serve. ``root_path``: the
        site's path on its host, the base of error pages.
        """
        page = pages.with_direction(page, lang)
        tree = self.languages[lang]
        if name != "404.html" or not tree:
            page = self._with_policy(page)
            self.root_404 = page if name == "404.html" else self.root_404
            return page
        page = trees.with_search_base(page, root_path.rstrip("/") + "/" + tree)  # its index
        target = self.site_dir / tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self._with_policy(page), encoding="utf-8")
        return self.root_404 or self._with_policy(page)

    def _with_policy(self, page: str) -> str:
        return pages.with_policy(page, offline_copy=self.settings.offline,
                                 tile_url=self.project.tile_url)  # fmt: skip

    def write_search_indexes(self, entries: list[dict], separators: dict[str, str]) -> None:
        """One search index per tree, from every tree's entries (locations from the site root).

        A merged root index listed Italian pages to a search on ``/ar/``; each tree's pages read
        the index at their tree's root. ``separators``: a language's own word separator
        (Chinese), else the root index's. Nothing to do with one language.
        """
        root = self.site_dir / trees.INDEX_PATH
        if len(self.languages) < 2 or not root.is_file():
            return
        settings = json.loads(root.read_text(encoding="utf-8"))["config"]
        language_of = {tree: lang for lang, tree in self.languages.items()}
        for tree, docs in trees.tree_indexes(entries, list(self.languages.values())).items():
            separator = separators.get(language_of[tree]) if tree else None
            data = trees.index_json({**settings, "separator": separator or settings["separator"]},
                                    docs)  # fmt: skip
            (self.site_dir / tree / "search").mkdir(parents=True, exist_ok=True)
            (self.site_dir / tree / trees.INDEX_PATH).write_text(data, encoding="utf-8")
            if self.settings.offline:
                script = trees.offline_index(data)
                (self.site_dir / tree / trees.OFFLINE_INDEX_PATH).write_text(script, "utf-8")

    def finish(self) -> None:
        """Pack the offline copy, then publish the staged site in one swap."""
        try:
            if self.settings.offline:
                self._write_offline_zip()
        except BaseException:
            self.fail()
            raise
        self._restore_epoch()
        try:
            self.staging.publish()
        except publish.PublishError as exc:
            raise BuildError(str(exc)) from None

    def fail(self) -> None:
        """Publish nothing: drop the staging folder; the published site stays as it was."""
        self._restore_epoch()
        self.staging.discard()

    def _restore_epoch(self) -> None:
        if self.saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self.saved_epoch

    def _write_offline_zip(self) -> None:
        """The dated zip of the copy, inside the site folder (where the publish workflow looks)."""
        date = self.data_date or self.built
        words = freshness.footer_text(self.built, self.checked)
        readme = offline.readme(self.settings.site_name, date, self.project.site_url, words,
                                self.languages)  # fmt: skip
        path = offline.write_zip(self.site_dir, date, self.epoch, readme)
        self.log.info("Copia offline: %s", self.final_dir / path.name)


def indexed(head: str, details: str | Callable[[], str]) -> str:
    """A finished page's indexed head (``pages.raw_parts``), with the mark its details go to."""
    head = pages.with_skip_target(head)
    return head + DETAILS_MARK if details else head


def build_epoch(services: list[Service], given: str | None) -> int:
    """The build's date as an epoch: ``given`` (``SOURCE_DATE_EPOCH``) when it is one, else the
    data's (``data_epoch``), so that two builds of the same data are byte-identical."""
    if given and given.isascii() and given.isdigit():
        return int(given)
    return data_epoch(services)


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


def _docs_files(docs_dir: Path) -> list[tuple[str, str | None]]:
    """Every file of ``docs_dir`` as (source path, absolute path), for a generator without its
    own list (MkDocs passes the files it found, after its plugins chose them)."""
    docs = docs_dir.resolve()
    return sorted((p.relative_to(docs).as_posix(), str(p)) for p in docs.rglob("*") if p.is_file())

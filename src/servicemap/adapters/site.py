"""Every file the site adds to the hand-written pages: one call per build, no MkDocs here.

The MkDocs adapter calls ``render_site`` once the data stages have succeeded; another site
generator could call it the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from servicemap.adapters.offline import shim_files
from servicemap.core.model import Service, Territory
from servicemap.core.output import Folder, GeneratedFile
from servicemap.export import tables as export
from servicemap.render import mylist
from servicemap.render.citizen import citizen_files
from servicemap.render.context import RenderContext, service_src
from servicemap.render.html import Site
from servicemap.render.labels import Labels
from servicemap.render.mylist import mylist_files
from servicemap.render.pages import render_pages
from servicemap.render.print import print_files
from servicemap.validate.project import Project


def render_site(
    services: list[Service],
    territory: Territory | None,
    vocabulary: object | None,
    project: Project,
    *,
    directory_urls: bool = True,
    today: dt.date | None = None,
    offline: bool = False,
    public_directory_urls: bool | None = None,
    lang: str = "it",
    tree: str = "",
    shared: bool = True,
    ctx: RenderContext | None = None,
    service_pages: bool = True,
    lazy_details: bool = False,
    folder: Folder | None = None,
    open_data: bool = True,
) -> list[GeneratedFile]:
    """Pages, map, search, assets and open data, in a stable order.

    ``lang``: the interface language of this tree of the site (``it`` at the root, the others
    under ``/en/``, ``/ar/``, ``/zh/``: the MkDocs adapter puts the files there). Each tree is a
    whole site of its own, assets included. ``shared``: also the open data (``dati/``,
    ``schema/``), which do not depend on the language and are written once, at the root.

    ``offline``: the copy opened from ``file://`` (``adapters.offline``): its map loads no
    tiles (the comuni boundaries are its basemap: zero requests to any host) and it carries the
    iframe-worker shim. ``public_directory_urls``: the online site's URL style, for the absolute
    links (JSON-LD, exports, QR codes) of a build whose own style differs (the offline copy).

    ``ctx``: the tree's context (``tree_context``) when the caller keeps it; ``service_pages``
    False leaves the records' pages out, for a caller that renders each when it writes it
    (``render.service_page.render_service_page(s, ctx)``): a region's pages never all in memory.
    ``lazy_details``: a comune page's details rendered when it is written (``render.pages``).
    ``folder``: the static files are written there as they are made, not returned.
    ``open_data`` False (with ``shared``): the open data is left for ``write_open_data``.
    """
    if vocabulary is None:
        from servicemap.validate import contract

        vocabulary = contract.load_vocabulary(project.vocabulary_file)[0]
    if ctx is None:
        ctx = tree_context(
            services, territory, vocabulary, project, directory_urls=directory_urls,
            public_directory_urls=public_directory_urls, lang=lang, tree=tree,
        )  # fmt: skip
    site = ctx.site
    files = render_pages(ctx, service_pages=service_pages, lazy=lazy_details)

    def add(items: list[GeneratedFile]) -> None:
        for item in items:
            if folder is not None and item.kind == "static":
                folder.write(item)
            else:
                files.append(item)

    map_project = dataclasses.replace(project, tile_url="") if offline else project
    add(_browser_pages(services, territory, vocabulary, map_project, site, lang))
    add(print_files())
    add(mylist_files(services, site, ctx.absolute(mylist.PAGE_PATH), lang))  # La mia lista
    add(citizen_files(today))  # holidays, interface languages, service page scripts
    if offline:
        add(shim_files())
    if not shared or not open_data:
        return files
    if folder is not None:
        write_open_data(folder, services, vocabulary, project, ctx, today, territory)
        return files
    urls = {s.id: ctx.absolute(service_src(s.id)) for s in services}
    add(export.export_files(services, urls))
    add(_hsds(services, vocabulary, today, territory, project))
    return files


def open_data_paths() -> list[str]:
    """What ``write_open_data`` writes, known before it runs (a generator lists the files
    before another process writes them)."""
    from servicemap.export import hsds_package

    return [*export.export_paths(), *hsds_package.hsds_paths()]


def write_open_data(
    folder: Folder,
    services: list[Service],
    vocabulary: object | None,
    project: Project,
    ctx: RenderContext,
    today: dt.date | None,
    territory: Territory | None,
) -> None:
    """The open data (exports and HSDS, a service at a time) written into ``folder``: exactly
    the files of ``open_data_paths``."""
    start = len(folder.written)
    urls = {s.id: ctx.absolute(service_src(s.id)) for s in services}
    export.export_files(services, urls, folder)
    _hsds(services, vocabulary, today, territory, project, folder)
    made = [path.removeprefix(folder.prefix) for path in folder.written[start:]]
    if sorted(made) != sorted(open_data_paths()):
        raise RuntimeError(f"dati aperti scritti {made}, annunciati {open_data_paths()}")


def tree_context(
    services: list[Service],
    territory: Territory | None,
    vocabulary: object,
    project: Project,
    *,
    directory_urls: bool = True,
    public_directory_urls: bool | None = None,
    lang: str = "it",
    tree: str = "",
) -> RenderContext:
    """What every page of one language tree is rendered with (``render_site``'s arguments)."""
    return RenderContext(
        services,
        territory,
        Labels.from_vocabulary(vocabulary, lang),
        Site(directory_urls),
        site_url=project.site_url,
        repo_url=project.repo_url,
        edit_branch=project.edit_branch,
        data_path=project.path_in_repo,
        report_email=project.report_email,
        contact=project.contact,
        public_site=None if public_directory_urls is None else Site(public_directory_urls),
        lang=lang,
        tree=tree,
    )


def _browser_pages(
    services: list[Service],
    territory: Territory | None,
    vocabulary: object | None,
    project: Project,
    site: Site,
    lang: str = "it",
) -> list[GeneratedFile]:
    """The map and search pages and their scripts (``render.map``, ``render.search``), in the
    tree's language."""
    from servicemap.render import assets, minimap, search
    from servicemap.render import map as map_page

    service_url = "../servizi/{id}/" if site.directory_urls else "../servizi/{id}.html"
    map_url = "../mappa/" if site.directory_urls else "../mappa/index.html"
    files = assets.vendor_files()
    files += minimap.minimap_files(territory, project)  # service pages' small maps
    files += map_page.render_map(
        services, territory, vocabulary, project, service_url=service_url, lang=lang
    )
    files += search.render_search(
        services,
        territory,
        vocabulary,
        project,
        service_url=service_url,
        map_url=map_url,
        lang=lang,
    )
    return files


def _hsds(
    services: list[Service],
    vocabulary: object | None,
    today: dt.date | None,
    territory: Territory | None,
    project: Project,
    folder: Folder | None = None,
    open_data: bool = True,
) -> list[GeneratedFile]:
    """The HSDS export: written into ``folder`` when there is one, else returned."""
    from servicemap.export import hsds_package as export_hsds_package

    options = {
        "vocabulary": vocabulary,
        "today": today,
        "territory": territory.name if territory else "",
        "license": project.data_license,
        "istat": {c.name.casefold(): c.istat for c in territory.comuni if c.istat}
        if territory
        else {},
    }
    if folder is not None:
        export_hsds_package.write_hsds(folder.open_text, services, **options)  # type: ignore[arg-type]
        return []
    pairs = export_hsds_package.hsds_files(services, **options)  # type: ignore[arg-type]
    return [GeneratedFile(path, text, kind="static") for path, text in pairs]

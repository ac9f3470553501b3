"""Every file the site adds to the hand-written pages: one call per build, no MkDocs here.

The MkDocs adapter calls ``render_site`` once the data stages have succeeded; another site
generator could call it the same way.
"""

from __future__ import annotations

import datetime as dt

from servicemap import export
from servicemap.model import Service, Territory
from servicemap.project import Project
from servicemap.render import GeneratedFile
from servicemap.render.context import RenderContext, service_src
from servicemap.render.html import Site
from servicemap.render.labels import Labels
from servicemap.render.pages import render_pages


def render_site(
    services: list[Service],
    territory: Territory | None,
    vocabulary: object | None,
    project: Project,
    *,
    directory_urls: bool = True,
    today: dt.date | None = None,
) -> list[GeneratedFile]:
    """Pages, map, search, assets and open data, in a stable order."""
    if vocabulary is None:
        from servicemap import contract

        vocabulary = contract.load_vocabulary(project.vocabulary_file)[0]
    site = Site(directory_urls)
    ctx = RenderContext(
        services,
        territory,
        Labels.from_vocabulary(vocabulary),
        site,
        site_url=project.site_url,
        repo_url=project.repo_url,
        edit_branch=project.edit_branch,
        data_path=project.display_name,
        report_email=project.report_email,
    )
    files = render_pages(ctx)
    files += _browser_pages(services, territory, vocabulary, project, site)
    urls = {s.id: ctx.absolute(service_src(s.id)) for s in services}
    files += export.export_files(services, urls)
    files += _hsds(services, vocabulary, today)
    return files


def _browser_pages(
    services: list[Service],
    territory: Territory | None,
    vocabulary: object | None,
    project: Project,
    site: Site,
) -> list[GeneratedFile]:
    """The map and search pages and their scripts (``render.map``, ``render.search``)."""
    from servicemap.render import assets, search
    from servicemap.render import map as map_page

    service_url = "../servizi/{id}/" if site.directory_urls else "../servizi/{id}.html"
    files = assets.vendor_files()
    files += map_page.render_map(services, territory, vocabulary, project, service_url=service_url)
    files += search.render_search(services, territory, vocabulary, project, service_url=service_url)
    return files


def _hsds(
    services: list[Service], vocabulary: object | None, today: dt.date | None
) -> list[GeneratedFile]:
    from servicemap import export_hsds

    pairs = export_hsds.hsds_files(services, vocabulary=vocabulary, today=today)  # type: ignore[arg-type]
    return [GeneratedFile(path, text, kind="static") for path, text in pairs]

"""All the generated pages of the site: one per service, comune, need and type, and their indexes.

``render_pages`` is the renderers' single entry point for pages; it returns ``GeneratedFile``
values (Markdown made of front matter and one raw HTML block) and never imports MkDocs.
"""

from __future__ import annotations

import functools

from servicemap.core.model import Service
from servicemap.core.output import GeneratedFile
from servicemap.render.context import RenderContext, area_src, comune_src, service_src, tipo_src
from servicemap.render.lists import (
    AREE_INDEX,
    COMUNI_INDEX,
    TIPI_INDEX,
    comune_details,
    comune_head,
    comune_page,
    comuni_index,
    vocabulary_index,
    vocabulary_page,
)
from servicemap.render.service_page import render_service_page

CSS_PATH = "assets/servicemap/pagine.css"
# Pages under these folders are front matter plus finished HTML: a site generator may skip its
# Markdown pass for them (the MkDocs adapter does: same output, a fraction of the time).
RAW_HTML_DIRS = ("servizi/", "comuni/", "aree/", "tipi/")

PAGE_CSS = """\
.sm-scheda .sm-tipo, .sm-lista .sm-meta, .sm-elenco .sm-meta {
  color: var(--md-default-fg-color--light);
}
.sm-scheda address { font-style: normal; }
.sm-orari { min-width: 16rem; }
.sm-orari .sm-chiuso { color: var(--md-default-fg-color--light); }
.sm-dati dt { font-weight: 700; margin-block-start: .6em; }
.sm-dati dd { margin-inline-start: 0; overflow-wrap: anywhere; }
.sm-mancante { font-style: italic; }
.sm-indice ul {
  display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; margin: 0; padding: 0;
}
.sm-indice li { margin: 0; }
.sm-elenco li { margin-block-end: .6em; }
@media print { .sm-indice { display: none; } }
"""


def render_pages(
    ctx: RenderContext, *, service_pages: bool = True, lazy: bool = False
) -> list[GeneratedFile]:
    """Every generated page, in a stable order (the build must be byte-identical).

    ``service_pages`` False: without the records' pages (``service_page`` renders each).
    ``lazy``: a comune page's details (its lists and booklet: every sheet of its services) are
    rendered when the page is written (``GeneratedFile.details``), not all now."""
    files = [service_page(s, ctx) for s in ctx.services] if service_pages else []
    files += [comune_file(n, ctx, lazy) for n in ctx.comuni_names()]
    files += [
        GeneratedFile(area_src(code), vocabulary_page("aree", code, ctx.by_area[code], ctx))
        for code in sorted(ctx.by_area)
    ]
    files += [
        GeneratedFile(tipo_src(code), vocabulary_page("tipo", code, ctx.by_tipo[code], ctx))
        for code in sorted(ctx.by_tipo)
    ]
    files += [
        GeneratedFile(COMUNI_INDEX, comuni_index(ctx)),
        GeneratedFile(AREE_INDEX, vocabulary_index("aree", ctx)),
        GeneratedFile(TIPI_INDEX, vocabulary_index("tipo", ctx)),
        GeneratedFile(CSS_PATH, PAGE_CSS, kind="static"),
    ]
    return files


def comune_file(name: str, ctx: RenderContext, lazy: bool = False) -> GeneratedFile:
    """The page of one comune; ``lazy``: its details rendered when it is written."""
    if not lazy:
        return GeneratedFile(comune_src(name), comune_page(name, ctx))
    details = functools.partial(comune_details, name, ctx)
    return GeneratedFile(comune_src(name), comune_head(name, ctx), details=details)


def service_page(s: Service, ctx: RenderContext) -> GeneratedFile:
    """The page of one record in the tree of ``ctx``."""
    return GeneratedFile(service_src(s.id), render_service_page(s, ctx))

"""Pages that list services: one per comune, per need (``aree``) and per type, and their indexes.

Lists are excluded from Material's search index (each service has its own indexed page); every
entry is an ``<li data-servizio-id="...">`` so that tests and scripts can find a service in any
list the same way.
"""

from __future__ import annotations

from servicemap.core.model import Service
from servicemap.render.booklet import booklet
from servicemap.render.citizen import plain_words
from servicemap.render.context import (
    RenderContext,
    area_src,
    comune_src,
    service_src,
    tipo_src,
)
from servicemap.render.html import DETAILS_MARK, bdi, esc, front_matter

COMUNI_INDEX, AREE_INDEX, TIPI_INDEX = "comuni/index.md", "aree/index.md", "tipi/index.md"


def service_list(services: list[Service], ctx: RenderContext, src: str) -> str:
    """A list of services, each with its type and comune, linking to its page.

    The name is the record's translation in the page's language where it has one, else the
    Italian name, marked ``lang="it"``.
    """
    if not services:
        return f'<p class="sm-mancante">{ctx.phrase("elenco.nessuno")}</p>'
    items = []
    for s in services:
        shown = ctx.localized(s)
        tipi = ", ".join(ctx.labels.many("tipo", s.tipo))
        italian = ' lang="it" dir="auto"' if "nome" in shown.italian else ""
        link = ctx.site.link(src, service_src(s.id), shown.service.nome)
        name = f"<bdi{italian}>{link}</bdi>" if italian else bdi(link)
        items.append(
            f'<li data-servizio-id="{esc(s.id)}">{name}'
            f'<br><span class="sm-meta">{esc(tipi)} · {bdi(esc(s.comune))}</span></li>'
        )
    return f'<ul class="sm-elenco" data-search-exclude>{"".join(items)}</ul>'


def _page(title: str, intro: str, body: str) -> str:
    """A list page: ``title`` is plain text, ``intro`` and ``body`` HTML."""
    return _head(title, intro) + _tail(body)


def _head(title: str, intro: str) -> str:
    head = f'<div class="sm-lista">\n<h1>{esc(title)}</h1>\n{intro}\n'
    return f"{front_matter(esc(title))}{head}{DETAILS_MARK}"


def _tail(body: str) -> str:
    return f"\n{body}\n</div>\n"


def _count(n: int) -> str:
    return bdi(str(n), ltr=True)


def comune_page(name: str, ctx: RenderContext) -> str:
    return comune_head(name, ctx) + comune_details(name, ctx)


def comune_head(name: str, ctx: RenderContext) -> str:
    """A comune page up to its details mark (``comune_details`` follows it)."""
    intro = f"<p>{ctx.phrase('comune.intro', nome=bdi(esc(name)))}</p>"
    return _head(ctx.t("comune.titolo", nome=name), intro)


def comune_details(name: str, ctx: RenderContext) -> str:
    """The rest of a comune page: its lists, and its booklet (every sheet of its services)."""
    src = comune_src(name)
    here = ctx.by_comune.get(name, [])
    served = [s for s in ctx.served_in.get(name, []) if ctx.canonical(s.comune) != name]
    where = bdi(esc(name))
    body = (
        f'<h2 id="servizi-nel-comune">{ctx.phrase("comune.qui", nome=where, n=_count(len(here)))}'
        "</h2>"
        + service_list(here, ctx, src)
        + f'<h2 id="servizi-per-residenti">{ctx.phrase("comune.altri", n=_count(len(served)))}'
        "</h2>"
        + service_list(served, ctx, src)
        # Print only: one sheet per service located here. Services of other comuni are printed
        # as the list above, not as sheets: each record then has exactly one sheet in the whole
        # site, so the output stays linear when a district-wide service serves every comune.
        + booklet(here, ctx, src)
    )
    return _tail(body)


def vocabulary_page(kind: str, code: str, services: list[Service], ctx: RenderContext) -> str:
    """The page of one need (``aree``) or one type (``tipo``)."""
    src = area_src(code) if kind == "aree" else tipo_src(code)
    title = ctx.labels.label(kind, code)
    description = ctx.labels.description(kind, code)
    intro = f"<p>{esc(description)}</p>" if description else ""
    words = ctx.labels.words_of(kind, code)
    if words:  # what people type: Material's search finds this page by them, as Cerca does
        intro += (
            f'<p class="sm-parole"><span>{ctx.phrase("pagina.parole")}</span> '
            f"{esc(', '.join(words))}</p>"
        )
    n = len(services)
    count = (
        ctx.phrase("elenco.conteggio.uno")
        if n == 1
        else ctx.phrase("elenco.conteggio", n=_count(n))
    )
    body = service_list(services, ctx, src)
    if kind == "aree":  # where to go first, in plain words (render.citizen)
        body = plain_words(ctx.labels, lang=ctx.lang) + body
    return _page(title, intro + f'<p class="sm-conteggio">{count}</p>', body)


def comuni_index(ctx: RenderContext) -> str:
    items = []
    for name in ctx.comuni_names():
        n_here = len(ctx.by_comune.get(name, []))
        n_served = len(ctx.served_in.get(name, []))
        link = ctx.site.link(COMUNI_INDEX, comune_src(name), name)
        counts = ctx.phrase("comuni.conteggi", qui=_count(n_here), residenti=_count(n_served))
        items.append(f'<li>{bdi(link)} <span class="sm-meta">{counts}</span></li>')
    intro = f"<p>{ctx.phrase('comuni.intro')}</p>"
    voci = f'<ul class="sm-indice-voci">{"".join(items)}</ul>'
    return _page(ctx.t("comuni.titolo"), intro, voci)


def vocabulary_index(kind: str, ctx: RenderContext) -> str:
    """Index of needs or types: every code that has services, with its description."""
    index_src = AREE_INDEX if kind == "aree" else TIPI_INDEX
    groups = ctx.by_area if kind == "aree" else ctx.by_tipo
    items = []
    for code in sorted(groups, key=lambda c: ctx.labels.label(kind, c).casefold()):
        target = area_src(code) if kind == "aree" else tipo_src(code)
        link = ctx.site.link(index_src, target, ctx.labels.label(kind, code))
        description = ctx.labels.description(kind, code)
        extra = f"<br>{esc(description)}" if description else ""
        count = f"({_count(len(groups[code]))})"
        items.append(f'<li>{link} <span class="sm-meta">{count}</span>{extra}</li>')
    prefix = "aree" if kind == "aree" else "tipi"
    intro = f"<p>{ctx.phrase(prefix + '.intro')}</p>"
    voci = f'<ul class="sm-indice-voci">{"".join(items)}</ul>'
    return _page(ctx.t(prefix + ".titolo"), intro, voci)

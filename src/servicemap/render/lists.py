"""Pages that list services: one per comune, per need (``aree``) and per type, and their indexes.

Lists are excluded from Material's search index (each service has its own indexed page); every
entry is an ``<li data-servizio-id="...">`` so that tests and scripts can find a service in any
list the same way.
"""

from __future__ import annotations

from servicemap.model import Service
from servicemap.render.citizen import plain_words
from servicemap.render.context import (
    RenderContext,
    area_src,
    comune_src,
    service_src,
    tipo_src,
)
from servicemap.render.html import DETAILS_MARK, esc, front_matter
from servicemap.render.print import booklet

COMUNI_INDEX, AREE_INDEX, TIPI_INDEX = "comuni/index.md", "aree/index.md", "tipi/index.md"


def service_list(services: list[Service], ctx: RenderContext, src: str) -> str:
    """A list of services, each with its type and comune, linking to its page."""
    if not services:
        return '<p class="sm-mancante">Nessun servizio.</p>'
    items = []
    for s in services:
        tipi = ", ".join(ctx.labels.many("tipo", s.tipo))
        link = ctx.site.link(src, service_src(s.id), s.nome)
        items.append(
            f'<li data-servizio-id="{esc(s.id)}">{link}'
            f'<br><span class="sm-meta">{esc(tipi)} · {esc(s.comune)}</span></li>'
        )
    return f'<ul class="sm-elenco" data-search-exclude>{"".join(items)}</ul>'


def _page(title: str, intro: str, body: str) -> str:
    head = f'<div class="sm-lista">\n<h1>{esc(title)}</h1>\n{intro}\n'
    return f"{front_matter(esc(title))}{head}{DETAILS_MARK}\n{body}\n</div>\n"


def comune_page(name: str, ctx: RenderContext) -> str:
    src = comune_src(name)
    here = ctx.by_comune.get(name, [])
    served = [s for s in ctx.served_in.get(name, []) if ctx.canonical(s.comune) != name]
    intro = (
        f"<p>I servizi che si trovano a {esc(name)} e quelli di altri comuni "
        f"a cui possono rivolgersi i residenti di {esc(name)}.</p>"
    )
    body = (
        f'<h2 id="servizi-nel-comune">Servizi a {esc(name)} ({len(here)})</h2>'
        + service_list(here, ctx, src)
        + f'<h2 id="servizi-per-residenti">Altri servizi per i residenti ({len(served)})</h2>'
        + service_list(served, ctx, src)
        # Print only: one sheet per service located here. Services of other comuni are printed
        # as the list above, not as sheets: each record then has exactly one sheet in the whole
        # site, so the output stays linear when a district-wide service serves every comune.
        + booklet(here, ctx, src)
    )
    return _page(f"Comune di {name}", intro, body)


def vocabulary_page(kind: str, code: str, services: list[Service], ctx: RenderContext) -> str:
    """The page of one need (``aree``) or one type (``tipo``)."""
    src = area_src(code) if kind == "aree" else tipo_src(code)
    title = ctx.labels.label(kind, code)
    description = ctx.labels.description(kind, code)
    intro = f"<p>{esc(description)}</p>" if description else ""
    words = ctx.labels.words_of(kind, code)
    if words:  # what people type: Material's search finds this page by them, as Cerca does
        intro += (
            '<p class="sm-parole"><span data-i18n="pagina.parole">Per esempio:</span> '
            f"{esc(', '.join(words))}</p>"
        )
    count = f'<p class="sm-conteggio">{len(services)} servizi.</p>'
    body = service_list(services, ctx, src)
    if kind == "aree":  # where to go first, in plain words (render.citizen)
        body = plain_words(ctx.labels) + body
    return _page(title, intro + count, body)


def comuni_index(ctx: RenderContext) -> str:
    items = []
    for name in ctx.comuni_names():
        n_here = len(ctx.by_comune.get(name, []))
        n_served = len(ctx.served_in.get(name, []))
        link = ctx.site.link(COMUNI_INDEX, comune_src(name), name)
        counts = f"({n_here} sul posto, {n_served} per i residenti)"
        items.append(f'<li>{link} <span class="sm-meta">{counts}</span></li>')
    intro = (
        "<p>Scegli il tuo comune: trovi i servizi che si trovano lì "
        "e quelli aperti ai suoi residenti.</p>"
    )
    return _page("Servizi per comune", intro, f'<ul class="sm-indice-voci">{"".join(items)}</ul>')


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
        items.append(f'<li>{link} <span class="sm-meta">({len(groups[code])})</span>{extra}</li>')
    if kind == "aree":
        title, intro = "Servizi per bisogno", "<p>Di che cosa hai bisogno? Scegli un tema.</p>"
    else:
        title, intro = (
            "Servizi per tipo",
            "<p>Sportelli, centri di ascolto, hub digitali e altri servizi.</p>",
        )
    return _page(title, intro, f'<ul class="sm-indice-voci">{"".join(items)}</ul>')

"""A comune page's booklet: every service's card on its own sheet, printed from the comune page.

Apart from ``print`` (the sheets' QR codes and stylesheet) because it is made of the service
page's sections (``service_page.facts``), and the service page itself uses ``print``.
"""

from __future__ import annotations

from servicemap.core.model import Service
from servicemap.render.context import RenderContext
from servicemap.render.html import bdi, esc
from servicemap.render.print import PRINT_ONLY, service_qr
from servicemap.render.service_page import facts, only_italian, summary_lines


def booklet(services: list[Service], ctx: RenderContext, src: str) -> str:
    """A comune page's booklet: each service's card on its own sheet, only when printing.

    In the page's language, with the record's translation where it has one (as its page).
    """
    cards = []
    for s in services:
        shown = ctx.localized(s)
        sections = "".join(
            f'<section class="sm-foglio-sezione"><h3>{title}</h3>{body}</section>'
            for key, title, body in facts(shown, ctx, src)
            if key != "informazioni-sulla-scheda"
        )
        when = f'<time datetime="{esc(s.aggiornato)}">{esc(ctx.date(s.aggiornato))}</time>'
        updated = ctx.phrase("lista.verificata", data=bdi(when))
        cards.append(
            f'<article class="sm-foglio" data-scheda-stampa="{esc(s.id)}">'
            f"{summary_lines(shown, ctx, src, level=2)}{only_italian(shown, ctx)}"
            f'<div class="sm-foglio-sezioni">{sections}</div>'
            f'<p class="sm-foglio-data">{updated}</p>{service_qr(s, ctx)}</article>'
        )
    if not cards:
        return ""
    return f'<div class="{PRINT_ONLY} sm-libretto" data-search-exclude>{"".join(cards)}</div>'

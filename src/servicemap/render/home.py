"""The first screen of the home page: a search field and the ways in, before any paragraph.

A person arrives with a question ("dove mi aiutano con l'affitto?"), not to read about the
network. The block ``START_MARK`` stands for, in a territory's hand-written ``index.md``:

* a plain GET form to Cerca (``cerca/?testo=...``): it works without JavaScript, and its input
  is named ``testo`` because Material opens its own search overlay on ``?q=``;
* "Di che cosa hai bisogno?": every need that has services, by its label, as big tap targets;
* "Nel tuo comune": the comuni pages;
* the map, and "Vicino a me": Cerca with ``?vicino=1``. The tap on that link is the person's
  request: only then does Cerca ask the browser for the position (``servicemap-vicino.js``).

Everything is rendered in the page's language (``ctx.lang``): the headings and buttons come
from ``data/interfaccia.yaml``, the needs' labels from the vocabulary in that language; the
comuni keep their Italian names (``lang="it"``).
"""

from __future__ import annotations

from servicemap.render.card import element
from servicemap.render.context import MAP_SRC, SEARCH_SRC, RenderContext, area_src, comune_src
from servicemap.render.html import esc

START_MARK = "<!-- servicemap:inizia -->"
NEAR_ME_QUERY = "vicino=1"  # servicemap-vicino.js asks for the position on arrival with it


def start_here(ctx: RenderContext, src: str) -> str:
    """The search form and the ways in (needs, comuni, map, near me), as one section."""
    title = ctx.phrase("inizia.titolo")
    return (
        f'<section class="sm-inizia" data-search-exclude aria-label="{title}">'
        f"{_search_form(ctx, src)}{_shortcuts(ctx, src)}{_needs(ctx, src)}{_comuni(ctx, src)}"
        "</section>"
    )


def _search_form(ctx: RenderContext, src: str) -> str:
    action = ctx.site.href(src, SEARCH_SRC)
    label = element("label", ctx.t("inizia.cerca-etichetta"), 'for="sm-inizia-testo"')
    button = element(
        "button", ctx.t("inizia.cerca"), 'type="submit" class="md-button md-button--primary"'
    )
    return (
        f'<form class="sm-inizia-cerca" role="search" method="get" action="{esc(action)}">'
        f'{label}<div class="sm-inizia-riga">'
        '<input id="sm-inizia-testo" name="testo" type="search" autocomplete="off" '
        f'enterkeyhint="search">{button}</div></form>'
    )


def _shortcuts(ctx: RenderContext, src: str) -> str:
    """The map and "Vicino a me": two buttons side by side, under the search field."""
    near = f"{ctx.site.href(src, SEARCH_SRC)}?{NEAR_ME_QUERY}"
    mappa = element("span", ctx.t("inizia.mappa"))
    vicino = element("span", ctx.t("inizia.vicino"))
    return (
        '<p class="sm-inizia-vie">'
        f'<a class="md-button sm-inizia-mappa" href="{esc(ctx.site.href(src, MAP_SRC))}">'
        f"{mappa}</a>"
        f'<a class="md-button sm-inizia-vicino" href="{esc(near)}">{vicino}</a></p>'
    )


def _needs(ctx: RenderContext, src: str) -> str:
    """Every need that has services, alphabetical by label, as tap targets."""
    codes = sorted(ctx.by_area, key=lambda c: ctx.labels.label("aree", c).casefold())
    if not codes:
        return ""
    items = "".join(
        f"<li>{ctx.site.link(src, area_src(code), ctx.labels.label('aree', code))}</li>"
        for code in codes
    )
    heading = element("h2", ctx.t("inizia.bisogno"), 'id="sm-inizia-bisogno"')
    return (
        f"{heading}"
        f'<ul class="sm-inizia-voci sm-inizia-bisogni" aria-labelledby="sm-inizia-bisogno">'
        f"{items}</ul>"
    )


def _comuni(ctx: RenderContext, src: str) -> str:
    names = ctx.comuni_names()
    if not names:
        return ""
    items = "".join(f"<li>{ctx.site.link(src, comune_src(n), n)}</li>" for n in names)
    heading = element("h2", ctx.t("inizia.comune"), 'id="sm-inizia-comune"')
    return (
        f"{heading}"
        f'<ul class="sm-inizia-voci sm-inizia-comuni" lang="it" '
        f'aria-labelledby="sm-inizia-comune">{items}</ul>'
    )

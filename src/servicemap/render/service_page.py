"""The page of one service, in the sections Italian citizens know from municipal service pages.

Designers Italia's model for a municipal service page orders the answers a citizen looks for: who
it is for ("A chi è rivolto"), how to get it ("Come fare"), what to bring ("Cosa serve"), what it
costs ("Costi"), when ("Orari"), where ("Dove si trova") and whom to contact ("Contatti").

Only the first block (name, type, needs, comune, organisation) goes into Material's search index;
every other heading and block carries ``data-search-exclude``, which keeps the index at a few
hundred bytes per record while the search page (with all fields) does the detailed filtering.

Each interface language has its own page, rendered in that language (``ctx.t``, dates and day
names from Babel); every value inserted into a sentence is isolated (``html.bdi``), so an Arabic
sentence keeps a phone number, a time or a date where it belongs.
"""

from __future__ import annotations

from servicemap.core.hours import by_appointment
from servicemap.core.model import DAYS, Localized, Service
from servicemap.render.card import territory_contact
from servicemap.render.citizen import at_a_glance, directions, page_scripts, report_links
from servicemap.render.context import (
    MAP_SRC,
    RenderContext,
    area_src,
    comune_src,
    day_names,
    service_src,
    tipo_src,
)
from servicemap.render.html import (
    DETAILS_MARK,
    bdi,
    esc,
    front_matter,
    mail_link,
    phone_link,
    web_link,
)
from servicemap.render.jsonld import jsonld_script
from servicemap.render.minimap import minimap, minimap_assets
from servicemap.render.mylist import service_toggle
from servicemap.render.print import service_qr

# Anchors of the sections, in order; their titles are ``scheda.<anchor>`` (data/interfaccia.yaml).
SECTIONS = (
    "a-chi-e-rivolto",
    "come-fare",
    "cosa-serve",
    "costi",
    "orari",
    "dove-si-trova",
    "contatti",
    "informazioni-sulla-scheda",
)


def render_service_page(s: Service, ctx: RenderContext) -> str:
    """Markdown source of ``servizi/<id>/``: front matter and one raw HTML block.

    In another language than Italian the record's translation is shown where it has one; the
    rest is the Italian text, marked ``lang="it"``, and one line says so (``model.localized``).
    """
    src = service_src(s.id)
    shown = ctx.localized(s)
    parts = [
        f'<div class="sm-scheda" data-servizio-id="{esc(s.id)}">',
        summary_lines(shown, ctx, src, description=False),
        DETAILS_MARK,
        *([only_italian(shown, ctx)] if shown.italian else []),
        at_a_glance(shown.service, ctx, src),  # render.citizen: oggi, actions, age
        service_toggle(s, ctx),  # render.mylist: Aggiungi alla mia lista
    ]
    if s.descrizione:  # after the actions: a long text must not push them off the first screen
        parts.append(_description(shown, ctx))
    toc = "".join(
        f'<li><a href="#{key}">{ctx.phrase("scheda." + key)}</a></li>' for key in SECTIONS
    )
    parts.append(
        f'<nav class="sm-indice" aria-label="{ctx.phrase("scheda.indice")}" data-search-exclude>'
        f"<ul>{toc}</ul></nav>"
    )
    for key, title, body in facts(shown, ctx, src):
        parts.append(f'<h2 id="{key}" data-search-exclude>{title}</h2>')
        parts.append(f"<div data-search-exclude>{body}</div>")
    parts.append(service_qr(s, ctx))
    parts.append(jsonld_script(s, ctx))
    parts.append(page_scripts(ctx, src))
    if s.placed_position is not None:
        parts.append(minimap_assets(ctx, src))  # Leaflet only where there is a minimap
    parts.append("</div>")
    return front_matter(esc(shown.service.nome)) + "\n".join(parts) + "\n"


def only_italian(shown: Localized, ctx: RenderContext) -> str:
    """The one line saying that some of the record is shown in Italian ("" when none is)."""
    if not shown.italian:
        return ""
    return (
        f'<p class="sm-solo-italiano" data-search-exclude>{ctx.phrase("scheda.solo-italiano")}</p>'
    )


def facts(shown: Localized, ctx: RenderContext, src: str) -> list[tuple[str, str, str]]:
    """``(anchor, title HTML, HTML)`` of each section, in order; links relative to ``src``.

    The service page shows them; a comune page prints them as its booklet (``render.booklet``).
    """
    s = shown.service
    cost = _ask("scheda.costo-mancante", s, ctx)
    bodies = {
        "a-chi-e-rivolto": _audience(shown, ctx, src),
        "come-fare": _how(s, ctx),
        "cosa-serve": _documents(shown, ctx),
        "costi": _p(s.costo, ctx.italian(shown, "costo")) if s.costo else _missing(cost),
        "orari": _hours(shown, ctx),
        "dove-si-trova": _where(s, ctx, src),
        "contatti": _contacts(s, ctx),
        "informazioni-sulla-scheda": _record_info(s, ctx, src),
    }
    return [(key, ctx.phrase("scheda." + key), bodies[key]) for key in SECTIONS]


def summary_lines(
    shown: Localized, ctx: RenderContext, src: str, *, level: int = 1, description: bool = True
) -> str:
    """The indexed block: what a citizen types into the search box (heading ``<h{level}>``).

    The service page puts the description after its actions (``description=False``).
    """
    s, site, labels = shown.service, ctx.site, ctx.labels
    tipi = ", ".join(site.link(src, tipo_src(t), labels.label("tipo", t)) for t in s.tipo)
    name = f"<h{level}{ctx.italian(shown, 'nome')}>{esc(s.nome)}</h{level}>"
    lines = [name, f'<p class="sm-tipo">{tipi}</p>']
    if s.ente:
        ente = ctx.phrase("scheda.a-cura-di", ente=bdi(esc(s.ente)))
        lines.append(f'<p class="sm-ente">{ente}</p>')
    comune = site.link(src, comune_src(ctx.canonical(s.comune)), s.comune)
    lines.append(f'<p class="sm-comune">{bdi(comune)}</p>')
    if s.aree:
        aree = ", ".join(bdi(site.link(src, area_src(a), labels.label("aree", a))) for a in s.aree)
        lines.append(f'<p class="sm-aree">{ctx.phrase("scheda.per", aree=aree)}</p>')
    if s.descrizione and description:
        lines.append(_description(shown, ctx))
    return "\n".join(lines)


def _description(shown: Localized, ctx: RenderContext) -> str:
    text = _p(shown.service.descrizione)
    lang = ctx.italian(shown, "descrizione")
    return f'<div class="sm-descrizione"{lang} data-search-exclude>{text}</div>'


def _audience(shown: Localized, ctx: RenderContext, src: str) -> str:
    s = shown.service
    out = [_p(s.destinatari, ctx.italian(shown, "destinatari"))] if s.destinatari else []
    if s.aree:
        items = "".join(
            f"<li>{ctx.site.link(src, area_src(a), ctx.labels.label('aree', a))}</li>"
            for a in s.aree
        )
        out.append(f"<p>{ctx.phrase('scheda.si-occupa-di')}</p><ul>{items}</ul>")
    served = ", ".join(
        bdi(ctx.site.link(src, comune_src(ctx.canonical(c)), c)) for c in s.served_comuni()
    )
    out.append(f"<p>{ctx.phrase('scheda.residenti', comuni=served)}</p>")
    return "\n".join(out)


def _how(s: Service, ctx: RenderContext) -> str:
    out = []
    if s.accesso:
        items = "".join(f"<li>{esc(ctx.labels.label('accesso', a))}</li>" for a in s.accesso)
        out.append(f"<p>{ctx.phrase('scheda.come-accedere')}</p><ul>{items}</ul>")
    if s.attivita:
        items = "".join(f"<li>{esc(ctx.labels.label('attivita', a))}</li>" for a in s.attivita)
        out.append(f"<p>{ctx.phrase('scheda.cosa-offre')}</p><ul>{items}</ul>")
    return "\n".join(out) or _missing(_ask("scheda.accesso-mancante", s, ctx))


def _ask(key: str, s: Service, ctx: RenderContext) -> str:
    """The sentence ``key``, with "chiedi allo sportello" only when the record says how to
    reach it (``key.chiedi``)."""
    reachable = s.telefoni or s.email or s.indirizzo.via
    return ctx.phrase(f"{key}.chiedi" if reachable else key)


def _documents(shown: Localized, ctx: RenderContext) -> str:
    s = shown.service
    if not s.documenti:
        return _missing(ctx.phrase("scheda.documenti-mancanti"))
    # Left in Italian: marked so, but the list keeps the page's direction (a ``dir`` on it would
    # put its bullets on the other side, outside the page's margin in Arabic).
    lang = ' lang="it"' if "documenti" in shown.italian else ""
    items = "".join(f"<li>{esc(d)}</li>" for d in s.documenti)
    return f"<ul{lang}>{items}</ul>"


def _hours(shown: Localized, ctx: RenderContext) -> str:
    s, names, closed = shown.service, day_names(ctx.lang), ctx.phrase("scheda.chiuso")
    rows = []
    for day in DAYS:
        ranges = s.orari.get(day, [])
        if ranges:  # the cell holds only the times: left to right, whatever the page
            times = ", ".join(f"{r.start}–{r.end}" for r in ranges)
            cell = f'<td dir="ltr">{esc(times)}</td>'
        else:
            cell = f'<td class="sm-chiuso">{closed}</td>'
        rows.append(f'<tr><th scope="row">{esc(names[day])}</th>{cell}</tr>')
    if s.orari:
        out = [
            f'<table class="sm-orari"><caption>{ctx.phrase("scheda.orario-settimanale")}</caption>'
            f'<thead><tr><th scope="col">{ctx.phrase("scheda.giorno")}</th>'
            f'<th scope="col">{ctx.phrase("scheda.orario")}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        ]
    elif by_appointment(s):  # no timetable, but the way in: book first (the "Oggi" badge's rule)
        out = [f"<p>{ctx.phrase(_unknown_hours(s, ctx, 'scheda.su-appuntamento'))}</p>"]
    else:  # unknown is not "closed every day"
        out = [_missing(ctx.phrase(_unknown_hours(s, ctx)))]
    if s.orari:
        holidays = "aperto" if s.festivi == "aperto" else "chiuso"
        out.append(f"<p>{ctx.phrase('scheda.festivi.' + holidays)}</p>")
    if s.note_orari:
        lang = ctx.italian(shown, "note_orari")
        out.append(f'<p class="sm-note-orari"{lang}>{esc(s.note_orari)}</p>')
    if s.chiusure:
        items = "".join(_closure(c.start, c.end, c.note, ctx) for c in s.chiusure)
        out.append(f"<p>{ctx.phrase('scheda.chiusure')}</p><ul>{items}</ul>")
    return "\n".join(out)


def _unknown_hours(s: Service, ctx: RenderContext, key: str = "scheda.orari-mancanti") -> str:
    """Advice the record can back: phone or write only if it gives a number or an address."""
    ask = {(True, True): ".telefono-email", (True, False): ".telefono", (False, True): ".email"}
    advice = ask.get((bool(s.telefoni), bool(s.email)))
    if advice:
        return key + advice
    if ctx.contact is not None:
        return key + ".contatto"
    return key


def _closure(start: str, end: str, note: str, ctx: RenderContext) -> str:
    first = bdi(esc(ctx.date(start)))
    when = (
        first
        if start == end
        else ctx.phrase("scheda.chiusura.periodo", dal=first, al=bdi(esc(ctx.date(end))))
    )
    return f"<li>{when}{': ' + own_words(note, ctx) if note else ''}</li>"


def own_words(text: str, ctx: RenderContext) -> str:
    """A record's words that ``traduzioni`` does not carry (a closure's note, the access note,
    the territory's own keys): escaped, and marked Italian on a page in another language."""
    if ctx.lang == "it":
        return esc(text)
    return f'<span lang="it" dir="auto">{esc(text)}</span>'


def _where(s: Service, ctx: RenderContext, src: str) -> str:
    out = [f'<address dir="auto">{esc(s.indirizzo.one_line())}</address>']
    pos = s.placed_position
    if pos is not None:
        key = f"scheda.precisione.{pos.precision}"
        label = ctx.phrase(key) if pos.precision in PRECISIONS else esc(pos.precision)
        out.append(
            f'<p class="sm-precisione sm-precisione-{esc(pos.precision)}">'
            f"{ctx.phrase('scheda.sulla-mappa', posizione=label)}</p>"
        )
        out.append(minimap(s, ctx))  # render.minimap: filled by servicemap-minimap.js
    out.append(directions(s, ctx))  # render.citizen: OpenStreetMap
    out.append(f"<p>{ctx.site.link(src, MAP_SRC, ctx.t('scheda.vedi-mappa'))}</p>")
    return "\n".join(out)


PRECISIONS = ("manuale", "indirizzo", "comune")  # model.Precision, named in interfaccia.yaml
WHEELCHAIR = ("si", "no", "parziale")  # ``accessibilita.sedia_a_rotelle``: ``scheda.sedia.<x>``


def _contacts(s: Service, ctx: RenderContext) -> str:
    rows = []
    for phone in s.telefoni:
        rows.append(("scheda.telefono", bdi(phone_link(phone.e164, phone.display), ltr=True)))
    if s.email:
        rows.append(("scheda.email", bdi(mail_link(s.email), ltr=True)))
    if s.sito:
        rows.append(("scheda.sito", bdi(web_link(s.sito), ltr=True)))
    if s.lingue:
        spoken = esc(", ".join(ctx.labels.many("lingue", s.lingue)))
        rows.append(("scheda.lingue-parlate", bdi(spoken)))
    access = s.accessibilita
    if access.get("sedia_a_rotelle") or access.get("note"):
        chair = access.get("sedia_a_rotelle", "")
        text = ctx.phrase(f"scheda.sedia.{chair}") if chair in WHEELCHAIR else ""
        note = own_words(access["note"], ctx) if access.get("note") else ""
        rows.append(("scheda.accessibilita", ". ".join(x for x in (text, note) if x)))
    rows = [(ctx.phrase(key), value) for key, value in rows]
    if s.telefoni or s.email:
        return _dl(rows)
    key = "scheda.senza-contatti.indirizzo" if s.indirizzo.via else "scheda.senza-contatti"
    contact = territory_contact(ctx.contact, heading="scheda.chi-contattare", lang=ctx.lang)
    parts = (_missing(ctx.phrase(key)), contact, _dl(rows) if rows else "")
    return "\n".join(x for x in parts if x)


def _record_info(s: Service, ctx: RenderContext, src: str) -> str:
    when = f'<time datetime="{esc(s.aggiornato)}">{esc(ctx.date(s.aggiornato))}</time>'
    rows = [(ctx.phrase("scheda.aggiornamento"), bdi(when))]
    if s.verificato_da:
        rows.append((ctx.phrase("scheda.verificato-da"), bdi(esc(s.verificato_da))))
    if s.fonte:
        rows.append((ctx.phrase("scheda.fonte"), bdi(web_link(s.fonte), ltr=True)))
    for key in sorted(s.extra):  # the territory's own keys and values
        name = own_words(key.replace("_", " ").capitalize(), ctx)
        rows.append((name, bdi(own_words(_plain(s.extra[key]), ctx))))
    return _dl(rows) + "\n" + report_links(s, ctx, src)  # render.citizen


def _p(text: str, attrs: str = "") -> str:
    """Paragraphs as the volunteer wrote them: blank lines separate, line breaks are kept.

    ``attrs``: on each paragraph (``lang="it"`` for a text shown untranslated).
    """
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(
        f"<p{attrs}>{'<br>'.join(esc(line) for line in p.split(chr(10)))}</p>" for p in paras
    )


def _dl(rows: list[tuple[str, str]]) -> str:
    """A definition list of ``(term HTML, value HTML)``."""
    return '<dl class="sm-dati">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _missing(text_html: str) -> str:
    return f'<p class="sm-mancante">{text_html}</p>'


def _plain(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)

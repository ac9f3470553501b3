"""The page of one service, in the sections Italian citizens know from municipal service pages.

Designers Italia's model for a municipal service page orders the answers a citizen looks for: who
it is for ("A chi è rivolto"), how to get it ("Come fare"), what to bring ("Cosa serve"), what it
costs ("Costi"), when ("Orari"), where ("Dove si trova") and whom to contact ("Contatti").

Only the first block (name, type, needs, comune, organisation) goes into Material's search index;
every other heading and block carries ``data-search-exclude``, which keeps the index at a few
hundred bytes per record while the search page (with all fields) does the detailed filtering.
"""

from __future__ import annotations

from servicemap.model import DAY_NAMES, DAYS, PRECISION_LABELS, Service
from servicemap.render.card import territory_contact
from servicemap.render.citizen import at_a_glance, directions, page_scripts, report_links
from servicemap.render.context import (
    MAP_SRC,
    RenderContext,
    area_src,
    comune_src,
    italian_date,
    service_src,
    tipo_src,
)
from servicemap.render.html import (
    DETAILS_MARK,
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

WHEELCHAIR = {
    "si": "Accessibile in sedia a rotelle",
    "no": "Non accessibile in sedia a rotelle",
    "parziale": "Parzialmente accessibile in sedia a rotelle",
}
SECTIONS = (
    ("a-chi-e-rivolto", "A chi è rivolto"),
    ("come-fare", "Come fare"),
    ("cosa-serve", "Cosa serve"),
    ("costi", "Costi"),
    ("orari", "Orari"),
    ("dove-si-trova", "Dove si trova"),
    ("contatti", "Contatti"),
    ("informazioni-sulla-scheda", "Informazioni sulla scheda"),
)


def render_service_page(s: Service, ctx: RenderContext) -> str:
    """Markdown source of ``servizi/<id>/``: front matter and one raw HTML block."""
    src = service_src(s.id)
    parts = [
        f'<div class="sm-scheda" data-servizio-id="{esc(s.id)}">',
        summary_lines(s, ctx, src, description=False),
        DETAILS_MARK,
        at_a_glance(s, ctx, src),  # render.citizen: oggi, actions, age
        service_toggle(s, ctx),  # render.mylist: Aggiungi alla mia lista
    ]
    if s.descrizione:  # after the actions: a long text must not push them off the first screen
        parts.append(_description(s))
    toc = "".join(
        f'<li><a href="#{key}" data-i18n="scheda.{key}">{title}</a></li>' for key, title in SECTIONS
    )
    parts.append(
        '<nav class="sm-indice" aria-label="In questa pagina" '
        'data-i18n-attr="aria-label:scheda.indice" data-search-exclude>'
        f"<ul>{toc}</ul></nav>"
    )
    for key, title, body in facts(s, ctx, src):
        parts.append(f'<h2 id="{key}" data-i18n="scheda.{key}" data-search-exclude>{title}</h2>')
        parts.append(f"<div data-search-exclude>{body}</div>")
    parts.append(service_qr(s, ctx))
    parts.append(jsonld_script(s, ctx))
    parts.append(page_scripts(ctx, src))
    if s.position is not None:
        parts.append(minimap_assets(ctx, src))  # Leaflet only where there is a minimap
    parts.append("</div>")
    return front_matter(esc(s.nome)) + "\n".join(parts) + "\n"


def facts(s: Service, ctx: RenderContext, src: str) -> list[tuple[str, str, str]]:
    """``(anchor, title, HTML)`` of each section, in order; links relative to ``src``.

    The service page shows them; a comune page prints them as its booklet (``render.print``).
    """
    bodies = {
        "a-chi-e-rivolto": _audience(s, ctx, src),
        "come-fare": _how(s, ctx),
        "cosa-serve": _documents(s),
        "costi": _p(s.costo) if s.costo else _missing(_ask("Il costo non è indicato", s)),
        "orari": _hours(s, ctx),
        "dove-si-trova": _where(s, ctx, src),
        "contatti": _contacts(s, ctx),
        "informazioni-sulla-scheda": _record_info(s, ctx, src),
    }
    return [(key, title, bodies[key]) for key, title in SECTIONS]


def summary_lines(
    s: Service, ctx: RenderContext, src: str, *, level: int = 1, description: bool = True
) -> str:
    """The indexed block: what a citizen types into the search box (heading ``<h{level}>``).

    The service page puts the description after its actions (``description=False``).
    """
    site, labels = ctx.site, ctx.labels
    tipi = ", ".join(site.link(src, tipo_src(t), labels.label("tipo", t)) for t in s.tipo)
    lines = [f"<h{level}>{esc(s.nome)}</h{level}>", f'<p class="sm-tipo">{tipi}</p>']
    if s.ente:
        lines.append(f'<p class="sm-ente">A cura di {esc(s.ente)}</p>')
    lines.append(
        f'<p class="sm-comune">{site.link(src, comune_src(ctx.canonical(s.comune)), s.comune)}</p>'
    )
    if s.aree:
        aree = ", ".join(site.link(src, area_src(a), labels.label("aree", a)) for a in s.aree)
        lines.append(f'<p class="sm-aree">Per: {aree}</p>')
    if s.descrizione and description:
        lines.append(_description(s))
    return "\n".join(lines)


def _description(s: Service) -> str:
    return f'<div class="sm-descrizione" data-search-exclude>{_p(s.descrizione)}</div>'


def _audience(s: Service, ctx: RenderContext, src: str) -> str:
    out = [_p(s.destinatari)] if s.destinatari else []
    if s.aree:
        items = "".join(
            f"<li>{ctx.site.link(src, area_src(a), ctx.labels.label('aree', a))}</li>"
            for a in s.aree
        )
        out.append(f"<p>Si occupa di:</p><ul>{items}</ul>")
    served = ", ".join(
        ctx.site.link(src, comune_src(ctx.canonical(c)), c) for c in s.served_comuni()
    )
    out.append(f"<p>Possono rivolgersi i residenti di: {served}.</p>")
    return "\n".join(out)


def _how(s: Service, ctx: RenderContext) -> str:
    out = []
    if s.accesso:
        items = "".join(f"<li>{esc(ctx.labels.label('accesso', a))}</li>" for a in s.accesso)
        out.append(f"<p>Come accedere:</p><ul>{items}</ul>")
    if s.attivita:
        items = "".join(f"<li>{esc(ctx.labels.label('attivita', a))}</li>" for a in s.attivita)
        out.append(f"<p>Che cosa offre:</p><ul>{items}</ul>")
    return "\n".join(out) or _missing(_ask("Non è indicato come accedere", s))


def _ask(fact: str, s: Service) -> str:
    """``fact``, with "chiedi allo sportello" only when the record says how to reach it."""
    reachable = s.telefoni or s.email or s.indirizzo.via
    return f"{fact}: chiedi allo sportello." if reachable else f"{fact}."


def _documents(s: Service) -> str:
    if not s.documenti:
        return _missing("Non sono indicati documenti da portare.")
    return "<ul>" + "".join(f"<li>{esc(d)}</li>" for d in s.documenti) + "</ul>"


def _hours(s: Service, ctx: RenderContext) -> str:
    rows = []
    for day in DAYS:
        ranges = s.orari.get(day, [])
        text = ", ".join(f"{r.start}–{r.end}" for r in ranges) if ranges else "chiuso"
        cls = "" if ranges else ' class="sm-chiuso"'
        rows.append(f'<tr><th scope="row">{DAY_NAMES[day]}</th><td{cls}>{text}</td></tr>')
    if s.orari:
        out = [
            '<table class="sm-orari"><caption>Orario settimanale</caption>'
            '<thead><tr><th scope="col">Giorno</th><th scope="col">Orario</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        ]
    else:  # unknown is not "closed every day"
        out = [_missing(_unknown_hours(s, ctx))]
    if s.orari:
        holidays = "aperto" if s.festivi == "aperto" else "chiuso"
        out.append(f"<p>Nei giorni festivi: {holidays}.</p>")
    if s.note_orari:
        out.append(f'<p class="sm-note-orari">{esc(s.note_orari)}</p>')
    if s.chiusure:
        items = "".join(_closure(c.start, c.end, c.note) for c in s.chiusure)
        out.append(f"<p>Chiusure:</p><ul>{items}</ul>")
    return "\n".join(out)


def _unknown_hours(s: Service, ctx: RenderContext) -> str:
    """Advice the record can back: phone or write only if it gives a number or an address."""
    ask = {
        (True, True): ": telefona o scrivi prima di andare.",
        (True, False): ": telefona prima di andare.",
        (False, True): ": scrivi prima di andare.",
    }
    advice = ask.get((bool(s.telefoni), bool(s.email)))
    if advice:
        return "Gli orari non sono indicati" + advice
    if ctx.contact is not None:
        return "Gli orari non sono indicati: chiedi al contatto della rete (vedi «Contatti»)."
    return "Gli orari non sono indicati."


def _closure(start: str, end: str, note: str) -> str:
    when = (
        italian_date(start) if start == end else f"dal {italian_date(start)} al {italian_date(end)}"
    )
    return f"<li>{esc(when)}{': ' + esc(note) if note else ''}</li>"


def _where(s: Service, ctx: RenderContext, src: str) -> str:
    out = [f"<address>{esc(s.indirizzo.one_line())}</address>"]
    pos = s.position
    if pos is not None:
        label = PRECISION_LABELS.get(pos.precision, pos.precision)
        out.append(
            f'<p class="sm-precisione sm-precisione-{esc(pos.precision)}">'
            f"Sulla mappa: {esc(label)}.</p>"
        )
        out.append(minimap(s, ctx))  # render.minimap: filled by servicemap-minimap.js
    out.append(directions(s))  # render.citizen: OpenStreetMap
    out.append(f"<p>{ctx.site.link(src, MAP_SRC, 'Vedi la mappa di tutti i servizi')}</p>")
    return "\n".join(out)


def _contacts(s: Service, ctx: RenderContext) -> str:
    rows = []
    for phone in s.telefoni:
        rows.append(("Telefono", phone_link(phone.e164, phone.display)))
    if s.email:
        rows.append(("E-mail", mail_link(s.email)))
    if s.sito:
        rows.append(("Sito", web_link(s.sito)))
    if s.lingue:
        rows.append(("Lingue parlate", esc(", ".join(ctx.labels.many("lingue", s.lingue)))))
    access = s.accessibilita
    if access.get("sedia_a_rotelle") or access.get("note"):
        text = WHEELCHAIR.get(access.get("sedia_a_rotelle", ""), "")
        note = access.get("note", "")
        rows.append(("Accessibilità", esc(". ".join(x for x in (text, note) if x))))
    if s.telefoni or s.email:
        return _dl(rows)
    where = (
        "Non sono indicati né telefono né e-mail: rivolgiti di persona all'indirizzo indicato."
        if s.indirizzo.via
        else "Non sono indicati né telefono né e-mail."
    )
    contact = territory_contact(ctx.contact, heading="scheda.chi-contattare")
    return "\n".join(x for x in (_missing(where), contact, _dl(rows) if rows else "") if x)


def _record_info(s: Service, ctx: RenderContext, src: str) -> str:
    rows = [
        (
            "Ultimo aggiornamento",
            f'<time datetime="{esc(s.aggiornato)}">{esc(italian_date(s.aggiornato))}</time>',
        )
    ]
    if s.verificato_da:
        rows.append(("Verificato da", esc(s.verificato_da)))
    if s.fonte:
        rows.append(("Fonte", web_link(s.fonte)))
    for key in sorted(s.extra):
        rows.append((key.replace("_", " ").capitalize(), esc(_plain(s.extra[key]))))
    return _dl(rows) + "\n" + report_links(s, ctx, src)  # render.citizen


def _p(text: str) -> str:
    """Paragraphs as the volunteer wrote them: blank lines separate, line breaks are kept."""
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{'<br>'.join(esc(line) for line in p.split(chr(10)))}</p>" for p in paras)


def _dl(rows: list[tuple[str, str]]) -> str:
    return (
        '<dl class="sm-dati">'
        + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
        + "</dl>"
    )


def _missing(text: str) -> str:
    return f'<p class="sm-mancante">{text}</p>'


def _plain(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)

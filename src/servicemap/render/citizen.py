"""What a citizen does with a service page, and the plain words of the home and need pages.

* At a glance, near the top of a service page: "Oggi ..." (today's hours, worked out in the
  browser in Italian time), the date of the last check with its age ("oltre 2 anni fa", also
  worked out in the browser so it stays true after the build) and a warning past 12 months,
  and "Condividi". ``servicemap-service.js`` fills them; without JavaScript the absolute date
  is still there.
* Directions in OpenStreetMap, honest about an approximate position.
* "Segnala un errore" (an issue on the forge, or an e-mail to the network's coordinator, or how
  to reach the network) and "Modifica questa scheda" (the record's line in ``services.yaml``).
* "Che cosa fanno gli sportelli": accoglienza, ascolto, orientamento, accompagnamento,
  facilitazione digitale in plain words, from the vocabulary (``attivita`` descriptions) and
  ``data/interfaccia.yaml``; on each need page, and on any hand-written page that holds
  ``PLAIN_WORDS_MARK`` (the home page).

Every text is rendered in the page's language (``ctx.lang``); a report to the forge or by
e-mail stays in Italian, the language of the volunteers who correct the record.
Everything here is hidden in print (class ``sm-solo-schermo``) except the plain words.
"""

from __future__ import annotations

import json
from importlib import resources
from urllib.parse import quote, urlencode

from servicemap.core.escape import mailto_uri
from servicemap.core.model import Service
from servicemap.core.output import GeneratedFile
from servicemap.render import i18n
from servicemap.render.assets import COMMON_PATH
from servicemap.render.card import actions, element, reach, territory_contact
from servicemap.render.clientdata import schedule_fields
from servicemap.render.context import RenderContext
from servicemap.render.holidays import holidays_file
from servicemap.render.html import bdi, esc
from servicemap.render.labels import Labels

PLAIN_WORDS_MARK = "<!-- servicemap:cosa-fanno -->"
OWN = "assets/servicemap"
CSS_PATH = f"{OWN}/cittadini.css"
# Added to every page by the MkDocs adapter (the language switch lives in the header).
EVERY_PAGE_CSS = (CSS_PATH,)
EVERY_PAGE_JS = (
    COMMON_PATH,  # first: every script of ours uses it
    i18n.DATA_PATH,
    i18n.SCRIPT_PATH,
    "assets/servicemap/servicemap-header-search.js",
)
_STATIC = (
    "servicemap-service.js",
    "servicemap-vicino.js",
    "servicemap-header-search.js",
    "cittadini.css",
)
OSM_DIRECTIONS = "https://www.openstreetmap.org/directions"


def citizen_files(today: object = None) -> list[GeneratedFile]:
    """Holidays data, interface dictionaries, and the scripts and styles of this module."""
    package = resources.files("servicemap").joinpath("assets")
    files = [holidays_file(today)]  # type: ignore[arg-type]
    files += i18n.files()
    files += [
        GeneratedFile(f"{OWN}/{name}", package.joinpath(name).read_bytes(), "static")
        for name in _STATIC
    ]
    return files


def at_a_glance(s: Service, ctx: RenderContext, src: str) -> str:
    """Today's status, the actions (``render.card``), the record's age, near the top of the page.

    The status is a badge filled in the browser by ``servicemap-hours.js`` (the rule of
    ``core.hours.day_state``) from ``data-orario``, the same three fields Cerca, the map and La
    mia lista get; ``data-recapiti`` tells it which advice the record can back.
    """
    schedule = json.dumps(schedule_fields(s), ensure_ascii=False, separators=(",", ":"))
    today = (
        f'<p class="sm-oggi" data-orario="{esc(schedule)}" data-recapiti="{reach(s)}" '
        'role="status" hidden></p>'
    )
    when = f'<time datetime="{esc(s.aggiornato)}">{esc(ctx.date(s.aggiornato))}</time>'
    updated = (
        f'<p class="sm-aggiornato">{element("span", ctx.t("scheda.aggiornamento"))}: '
        f'{bdi(when)} <span class="sm-eta"></span></p>'
    )
    stale_key = {"telefono": "scheda.vecchia", "email": "scheda.vecchia.email"}
    stale_text = element("span", ctx.t(stale_key.get(reach(s), "scheda.vecchia.nessuno")))
    stale = f'<p class="sm-vecchia" hidden><strong>{stale_text}</strong></p>'
    contact = "" if s.telefoni or s.email else territory_contact(ctx.contact, lang=ctx.lang)
    return (
        f'<div class="sm-in-breve" data-search-exclude>{today}'
        f"{actions(s, _exact_directions(s), ctx.lang)}{contact}{updated}{stale}</div>"
    )


def page_scripts(ctx: RenderContext, src: str) -> str:
    """The service page's scripts: the shared helpers, holidays, hours, then the page's own
    behaviour."""
    names = (
        COMMON_PATH.removeprefix(f"{OWN}/"),
        "festivi.js",
        "servicemap-hours.js",
        "servicemap-condividi.js",
        "servicemap-service.js",
    )
    return "".join(
        f'<script src="{esc(ctx.site.href(src, f"{OWN}/{name}"))}"></script>' for name in names
    )


def directions_href(s: Service) -> str:
    """Directions to the record's position in OpenStreetMap ("" without a position)."""
    pos = s.placed_position
    if pos is None:
        return ""
    return f"{OSM_DIRECTIONS}?to={pos.lat:.6f}%2C{pos.lon:.6f}"


def _exact_directions(s: Service) -> str:
    """Directions for the button: not to a comune's centre (that stays in «Dove si trova»,
    with its warning), or the first screen would send people where the desk is not."""
    exact = s.placed_position is not None and s.placed_position.precision != "comune"
    return directions_href(s) if exact else ""


def directions(s: Service, ctx: RenderContext) -> str:
    """A link to directions in OpenStreetMap; an approximate position says so."""
    href = directions_href(s)
    if not href:
        return ""
    link = (
        f'<a class="sm-indicazioni" href="{esc(href)}" rel="noopener">'
        f"{element('span', ctx.t('scheda.indicazioni'))}</a>"
    )
    note = ""
    if s.placed_position is not None and s.placed_position.precision == "comune":
        approx = ctx.t("scheda.indicazioni-approssimative")
        note = " " + element("span", approx, 'class="sm-approx"')
    return f'<p class="sm-solo-schermo">{link}{note}</p>'


def _report_text(s: Service, ctx: RenderContext, src: str) -> tuple[str, str]:
    """Title and body of a report: they name the record so the fix finds it."""
    page = ctx.absolute(src) or ctx.site.url(src)
    # The record's name goes in last: a "{id}" in it is shown as written, never filled.
    title = ctx.t("segnalazione.titolo", id=s.id, nome=s.nome)
    lines = [
        ctx.t("segnalazione.scheda", nome=s.nome),
        ctx.t("segnalazione.id", id=s.id),
        ctx.t("segnalazione.pagina", pagina=page),
        ctx.t("segnalazione.dati", riga=s.line, file=ctx.data_path),
    ]
    if ctx.repo_url:
        lines.append(ctx.t("segnalazione.riga-nel-file", url=_blob_url(s, ctx)))
    lines += [
        "",
        ctx.t("segnalazione.cosa-non-va"),
        "",
        "",
        ctx.t("segnalazione.cosa-e-giusto"),
        "",
    ]
    return title, "\n".join(lines)


def _blob_url(s: Service, ctx: RenderContext) -> str:
    return f"{_forge_path(ctx, 'blob')}#L{s.line}"


def _forge_path(ctx: RenderContext, view: str) -> str:
    """``<repo>/<view>/<branch>/<path of services.yaml>``, its branch and path percent-encoded."""
    branch, path = quote(ctx.edit_branch, safe="/"), quote(ctx.data_path, safe="/")
    return f"{ctx.repo_url.rstrip('/')}/{view}/{branch}/{path}"


def report_links(s: Service, ctx: RenderContext, src: str) -> str:
    """Links to "Segnala un errore" and, with a repository, "Modifica questa scheda"."""
    title, body = _report_text(s, ctx, src)
    links = []
    if ctx.repo_url:
        query = urlencode({"title": title, "body": body}, quote_via=quote)
        href = f"{ctx.repo_url.rstrip('/')}/issues/new?{query}"
        links.append(_link(href, ctx.t("scheda.segnala"), "sm-segnala"))
    if ctx.report_email:
        href = mailto_uri(ctx.report_email, subject=title, body=body)
        key = "scheda.segnala-email" if ctx.repo_url else "scheda.segnala"
        links.append(_link(href, ctx.t(key), "sm-segnala-email"))
    contact = ctx.contact
    if not links and contact is not None and contact.email:
        href = mailto_uri(contact.email, subject=title, body=body)
        role = f' <bdi lang="it">({esc(contact.ruolo)})</bdi>'
        links.append(_link(href, ctx.t("scheda.segnala-email"), "sm-segnala-email", role))
    elif not links and contact is not None:
        heading = "scheda.segnala-contatto"
        links.append(territory_contact(contact, heading=heading, lang=ctx.lang))
    elif not links:  # "vedi «Contatti»" only where «Contatti» has something
        key = "scheda.segnala-rete" if s.telefoni or s.email else "scheda.segnala-rete.senza"
        links.append(element("p", ctx.t(key), 'class="sm-segnala-rete"'))
    if ctx.repo_url:
        edit = ctx.t("scheda.modifica")
        links.append(_link(_forge_path(ctx, "edit"), edit, "sm-modifica"))
        line = " " + ctx.phrase("scheda.riga", n=bdi(str(s.line), ltr=True))
        see = ctx.t("scheda.vedi-riga")
        links.append(_link(_blob_url(s, ctx), see, "sm-vedi-riga", line))
    return f'<div class="sm-segnalazioni sm-solo-schermo">{"".join(links)}</div>'


def _link(href: str, label: str, cls: str, after_html: str = "") -> str:
    """A paragraph with one link labelled ``label`` (plain text), then ``after_html``."""
    link = f'<a class="{cls}" href="{esc(href)}" rel="noopener">{element("span", label)}</a>'
    return f"<p>{link}{after_html}</p>"


def plain_words(labels: Labels, *, level: int = 2, lang: str = "it") -> str:
    """The section "Che cosa fanno gli sportelli": each kind of help in plain words, in
    ``lang`` (the labels and descriptions are the vocabulary's in that language)."""
    ui = i18n.interface()
    items = "".join(
        f"<dt>{esc(labels.label('attivita', code))}</dt>"
        f"<dd>{esc(labels.description('attivita', code))}</dd>"
        for code in ui.plain_words
        if labels.description("attivita", code)
    )
    title = i18n.text("cosa-fanno.titolo", lang)
    heading = element(f"h{level}", title, 'id="cosa-fanno-gli-sportelli"')
    return (
        f'<section class="sm-cosa-fanno" data-search-exclude>{heading}'
        f"{element('p', i18n.text('cosa-fanno.intro', lang))}"
        f'<dl class="sm-cosa-fanno-voci">{items}</dl>'
        f"{element('p', i18n.text('cosa-fanno.primo-passo', lang))}</section>"
    )

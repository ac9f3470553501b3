"""The search page: free text, need, type, comune, language and "aperto ora", filtered instantly.

It works without a server and without ``fetch()``: the records are a classic script,
``assets/servicemap/cerca-servizi.js``, that sets ``window.SERVICEMAP_SERVICES``. The form is
plain HTML (its options rendered here, so a reader without JavaScript still sees what can be
searched); ``servicemap-search.js`` renders every result once and toggles ``hidden``, which keeps
a keystroke under a few milliseconds with 10,000 records. The free-text haystack of each record
is lowercased and accent-folded here, at build time; labels shared by many records (types,
needs, comuni, languages in their own name and in Italian) are folded once in the browser.
"""

from __future__ import annotations

import html

from servicemap import i18n
from servicemap.contact import Contact
from servicemap.contract import Vocabulary
from servicemap.model import Service, Territory
from servicemap.project import Project
from servicemap.render import GeneratedFile, mylist
from servicemap.render.assets import OWN_DIR, page_head
from servicemap.render.card import territory_contact
from servicemap.render.clientdata import (
    DEFAULT_SERVICE_URL,
    PRECISION_CODES,
    Labels,
    closures_code,
    comuni_table,
    fold,
    hours_code,
    index_of,
    labels_of,
    script_assignment,
)
from servicemap.text import slugify

PAGE_PATH = "cerca/index.md"
DATA_PATH = f"{OWN_DIR}/cerca-servizi.js"


def render_search(
    services: list[Service],
    territory: Territory | None,
    vocabulary: Vocabulary | None,
    project: Project,
    *,
    service_url: str = DEFAULT_SERVICE_URL,
    map_url: str = "../mappa/",
) -> list[GeneratedFile]:
    """The search page ``cerca/index.md`` and its data ``assets/servicemap/cerca-servizi.js``.

    ``service_url`` as in ``render_map``; ``map_url`` links the map page in the same URL style
    (``../mappa/index.html`` in the offline copy, where a folder link opens a file listing).
    Needs ``assets.vendor_files()`` in the site too.
    """
    labels = labels_of(vocabulary)
    tables = _Tables.of(services, territory, labels)
    return [
        GeneratedFile(
            PAGE_PATH, _page(services, tables, service_url, map_url, project.contact), "page"
        ),
        GeneratedFile(DATA_PATH, data_script(services, tables), "static"),
    ]


class _Tables:
    """The label tables records point into: only values some record uses (plus all comuni)."""

    def __init__(self, tipi: list[str], aree: list[str], comuni: list[str], lingue: list[str],
                 labels: Labels) -> None:  # fmt: skip
        self.tipi, self.aree, self.comuni, self.lingue = tipi, aree, comuni, lingue
        self.labels = labels

    @classmethod
    def of(cls, services: list[Service], territory: Territory | None, labels: Labels) -> _Tables:
        def used(values: set[str], order: list[str]) -> list[str]:
            return [v for v in order if v in values] + sorted(values - set(order))

        tipi = used({t for s in services for t in s.tipo}, list(labels.tipo))
        aree = used({a for s in services for a in s.aree}, list(labels.aree))
        codes = {code for s in services for code in s.lingue}
        lingue = sorted(codes, key=lambda c: fold(labels.lingue.get(c, (c, c))[1]))
        return cls(tipi, aree, comuni_table(territory, services), lingue, labels)


def data_script(services: list[Service], tables: _Tables) -> str:
    """``window.SERVICEMAP_SERVICES``: label tables (types and needs as ``[key, label, folded
    words]``) and one array per record, by name:
    ``[id, name, [types], [needs], comune, [served comuni], [languages], address, hours,
    festivi_aperto, closures, position, haystack]``; position ``[lat, lon, precision]`` (precision
    as ``PRECISION_CODES``: 2 is "on its comune") or 0, for "Vicino a me"."""
    labels = tables.labels
    tipo, area = _positions(tables.tipi), _positions(tables.aree)
    comune, lingua = index_of(tables.comuni), _positions(tables.lingue)
    rows = [
        [
            s.id,
            s.nome,
            [tipo[t] for t in s.tipo],
            [area[a] for a in s.aree],
            comune[slugify(s.comune)],
            [comune[slugify(c)] for c in s.comuni_serviti if slugify(c) != slugify(s.comune)],
            [lingua[code] for code in s.lingue],
            s.indirizzo.one_line(),
            hours_code(s),
            1 if s.festivi == "aperto" else 0,
            closures_code(s),
            _position(s),
            haystack(s, labels),
        ]
        for s in sorted(services, key=lambda s: (fold(s.nome), s.id))
    ]
    value = {
        "tipi": [[k, labels.tipo.get(k, k), _words(labels, "tipo", k)] for k in tables.tipi],
        "aree": [[k, labels.aree.get(k, k), _words(labels, "aree", k)] for k in tables.aree],
        "comuni": [[slugify(c), c] for c in tables.comuni],
        "lingue": [[code, *labels.lingue.get(code, (code, code))] for code in tables.lingue],
        "s": rows,
    }
    return script_assignment("SERVICEMAP_SERVICES", value)


def haystack(service: Service, labels: Labels) -> str:
    """The record's own words for free text, folded (the shared labels are added in the browser)."""
    words = [
        service.nome,
        service.ente,
        service.descrizione,
        service.destinatari,
        service.indirizzo.via,
        *(labels.attivita.get(a, a) for a in service.attivita),
        *(_words(labels, "attivita", a) for a in service.attivita),
    ]
    return fold(" ".join(w for w in words if w))


def _words(labels: Labels, kind: str, code: str) -> str:
    """The words people type for a vocabulary value, folded: shared by every record that has it."""
    return fold(" ".join(labels.words.get(kind, {}).get(code, ())))


def _position(service: Service) -> list[float] | int:
    pos = service.position
    if pos is None:
        return 0
    return [round(pos.lat, 5), round(pos.lon, 5), PRECISION_CODES.get(pos.precision, 0)]


def _positions(keys: list[str]) -> dict[str, int]:
    return {key: n for n, key in enumerate(keys)}


def _select(name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    items = [f'<option value="" data-i18n="cerca.{name}.tutti">{everything}</option>'] + [
        f'<option value="{html.escape(value)}">{html.escape(text)}</option>'
        for value, text in options
    ]
    return (
        f'<div class="sm-field"><label for="sm-{name}">'
        f'<span data-i18n="cerca.{name}">{label}</span></label>'
        f'<select id="sm-{name}" name="{name}">{"".join(items)}</select></div>'
    )


def _form(tables: _Tables) -> str:
    """The text field, "aperto ora" and "vicino a me" first; the other filters fold away.

    On a phone the four selects would fill the first screen and push the results out of
    sight, so they sit in a ``<details>`` whose summary says how many are set; the script opens
    it on a wide screen and whenever the address sets one of them.
    """
    labels = tables.labels
    return "".join(
        [
            '<form class="sm-search-form" role="search" aria-label="Cerca tra i servizi" '
            'action="#" autocomplete="off">',
            '<div class="sm-field sm-field-q">'
            '<label for="sm-q"><span data-i18n="cerca.q">Cosa cerchi</span></label>'
            '<input type="search" id="sm-q" name="q" data-i18n-attr="placeholder:cerca.q.esempio" '
            'placeholder="per esempio: pacco alimentare, SPID, English"></div>',
            '<div class="sm-field sm-field-check"><input type="checkbox" id="sm-aperto" '
            'name="aperto" value="1">'
            '<label for="sm-aperto"><span data-i18n="cerca.aperto">Aperto ora</span></label>'
            "</div>",
            # "Vicino a me" (servicemap-vicino.js shows it: it needs JavaScript)
            '<div class="sm-field sm-field-vicino"><button type="button" id="sm-vicino" '
            'class="md-button" data-i18n="cerca.vicino" hidden>Vicino a me</button></div>',
            '<details class="sm-filtri" id="sm-filtri"><summary>'
            '<span data-i18n="cerca.filtri">Filtri: bisogno, tipo, comune, lingua</span>'
            '<span id="sm-filtri-attivi" class="sm-filtri-attivi"></span></summary>'
            '<div class="sm-filtri-campi">',
            _select("area", "Bisogno", "Tutti i bisogni",
                    [(k, labels.aree.get(k, k)) for k in tables.aree]),
            _select("tipo", "Tipo di servizio", "Tutti i tipi",
                    [(k, labels.tipo.get(k, k)) for k in tables.tipi]),
            _select("comune", "Comune (sede o residenti serviti)", "Tutti i comuni",
                    [(slugify(c), c) for c in tables.comuni]),
            _language_field(tables),
            '<div class="sm-field sm-field-reset"><button type="reset" class="md-button" '
            'data-i18n="cerca.azzera">'
            "Azzera i filtri</button></div>",
            "</div></details>",
            "</form>",
        ]
    )  # fmt: skip


def _language_field(tables: _Tables) -> str:
    """The language select, or, when no desk says which languages it speaks, a sentence that
    says so: an empty select looks broken. A hidden ``lingua`` keeps the form's contract
    (design.md), so an address with ``?lingua=`` still filters (to no result, honestly)."""
    if tables.lingue:
        return _select("lingua", "Lingua parlata", "Tutte le lingue",
                       [(c, tables.labels.language(c)) for c in tables.lingue])  # fmt: skip
    return (
        '<div class="sm-field sm-field-nolingue"><input type="hidden" id="sm-lingua" '
        'name="lingua" value=""><span class="sm-field-title" data-i18n="cerca.lingua">'
        'Lingua parlata</span><p class="sm-nolingue" data-i18n="cerca.lingua.nessuna">'
        "Nessuno sportello ha indicato le lingue parlate</p></div>"
    )


def _no_result(map_url: str, contact: Contact | None = None) -> str:
    """The routes that always exist, shown (by the script) when nothing matches.

    The pages by comune and by need list every service, so a person whose words the search
    does not know still reaches a desk in two taps; with a territory contact
    (``extra.servicemap.contatto``), a person to ask, said for what it is.
    """

    def sibling(name: str) -> str:  # the same URL style as the map's (folder or index.html)
        return html.escape(map_url.replace("/mappa/", f"/{name}/"))

    return (
        '<div id="sm-nessuno" class="sm-nessuno" hidden><p data-i18n="cerca.strade">'
        "Puoi sempre scegliere tra tutti i servizi:</p><ul>"
        f'<li><a href="{sibling("comuni")}" data-i18n="cerca.strade.comuni">'
        "i servizi del tuo comune</a></li>"
        f'<li><a href="{sibling("aree")}" data-i18n="cerca.strade.aree">'
        "i servizi per bisogno</a></li>"
        f'<li><a href="{html.escape(map_url)}" data-i18n="cerca.strade.mappa">'
        "la mappa con l'elenco di tutti i servizi</a></li></ul>"
        f"{_ask_contact(contact)}</div>"
    )


def _ask_contact(contact: Contact | None) -> str:
    if contact is None:
        return ""
    lead = i18n.tagged("p", "cerca.contatto-rete")
    return lead + territory_contact(contact, heading="")


def _page(
    services: list[Service],
    tables: _Tables,
    service_url: str,
    map_url: str,
    contact: Contact | None = None,
) -> str:
    count = len(services)
    lines = [
        "---",
        "title: Cerca un servizio",
        "search:",
        "  exclude: true",
        "---",
        "",
        '# Cerca un servizio {: data-i18n="cerca.titolo" }',
        "",
        '<p class="sm-intro" data-i18n="cerca.intro">Scrivi che cosa ti serve: l\'elenco si '
        "aggiorna mentre scrivi. «Aperto ora» usa l'ora italiana.</p>",
        "",
        '<div id="sm-search" class="sm-search-page" '
        f'data-service-url="{html.escape(service_url)}">',
        *page_head(leaflet=False),
        _form(tables),
        '<p id="sm-vicino-stato" class="sm-vicino-stato" role="status" aria-live="polite"></p>',
        f'<p id="sm-count" class="sm-count" role="status" aria-live="polite">'
        f"{count} {'servizio' if count == 1 else 'servizi'}</p>",
        '<div id="sm-results" class="sm-results"></div>',
        _no_result(map_url, contact),
        "<noscript><p>La ricerca ha bisogno di JavaScript. L'elenco di tutti i servizi è "
        f'anche nella pagina della <a href="{html.escape(map_url)}">mappa</a>.</p></noscript>',
        f'<script src="../{DATA_PATH}"></script>',
        f'<script src="../{OWN_DIR}/festivi.js"></script>',  # render.holidays
        f'<script src="../{OWN_DIR}/servicemap-hours.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-match.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-search.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-vicino.js"></script>',
        *mylist.search_additions(map_url.replace("/mappa/", "/lista/")),  # toggles, link
        "</div>",
        "",
    ]
    return "\n".join(lines)

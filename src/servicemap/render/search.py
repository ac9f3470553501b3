"""The search page: free text, need, type, comune, language and "aperto ora", filtered instantly.

It works without a server and without ``fetch()``: the records are a classic script,
``assets/servicemap/cerca-servizi.js``, that sets ``window.SERVICEMAP_SERVICES``. The form is
plain HTML (its options rendered here, so a reader without JavaScript still sees what can be
searched); ``servicemap-search.js`` renders every result once and toggles ``hidden``, which keeps
a keystroke under a few milliseconds with 10,000 records. The free-text haystack of each record
is lowercased and accent-folded here, at build time; labels shared by many records (types,
needs, comuni, languages in their own name and in Italian) are folded once in the browser.

Each language's tree has its own page and data (``lang``): the page's texts, the labels and the
records in that language (``model.localized``), and a haystack that also carries the Italian
text of every record, label and need word, so "bollette" and "bills" both find on ``/en/cerca/``.
"""

from __future__ import annotations

import html

from servicemap.core.model import Service, Territory, localized
from servicemap.core.output import GeneratedFile
from servicemap.core.text import slugify
from servicemap.render import i18n, mylist
from servicemap.render.assets import OWN_DIR, SEARCH_DATA_PATH, page_head
from servicemap.render.card import territory_contact
from servicemap.render.clientdata import (
    DEFAULT_SERVICE_URL,
    PRECISION_CODES,
    SCHEDULE_FIELDS,
    Labels,
    comuni_table,
    fold,
    index_of,
    labels_of,
    row,
    schedule_values,
    script_assignment,
    with_fields,
)
from servicemap.render.html import front_matter
from servicemap.validate.contact import Contact
from servicemap.validate.contract import Vocabulary
from servicemap.validate.project import Project

PAGE_PATH = "cerca/index.md"
DATA_PATH = SEARCH_DATA_PATH


def render_search(
    services: list[Service],
    territory: Territory | None,
    vocabulary: Vocabulary | None,
    project: Project,
    *,
    service_url: str = DEFAULT_SERVICE_URL,
    map_url: str = "../mappa/",
    lang: str = "it",
) -> list[GeneratedFile]:
    """The search page ``cerca/index.md`` and its data ``assets/servicemap/cerca-servizi.js``.

    ``service_url`` as in ``render_map``; ``map_url`` links the map page in the same URL style
    (``../mappa/index.html`` in the offline copy, where a folder link opens a file listing).
    Needs ``assets.vendor_files()`` in the site too. ``lang``: the tree's interface language.
    """
    labels = labels_of(vocabulary, lang)
    tables = _Tables.of(services, territory, labels)
    return [
        GeneratedFile(
            PAGE_PATH, _page(services, tables, service_url, map_url, project.contact), "page"
        ),
        GeneratedFile(DATA_PATH, data_script(services, tables), "static"),
    ]


ITALIAN_NAME = 1  # the last field of a row, in a tree other than Italian: the name is untranslated
# The fields of each table of the data, in order: the one list the scripts read positions from
# (``campi``; servicemap-search.js, servicemap-vicino.js, servicemap-lista-pagina.js).
FIELDS = {
    "s": (
        "id",
        "nome",
        "tipo",  # indices into tipi
        "aree",  # indices into aree
        "comune",  # index into comuni
        "comuni_serviti",  # indices into comuni
        "lingue",  # indices into lingue
        "indirizzo",
        *SCHEDULE_FIELDS,  # clientdata.schedule_fields: week, flags, closures
        "posizione",  # [lat, lon, precisione] (named in "posizione") or 0
        "testo",  # the folded haystack
        "italiano",  # ITALIAN_NAME, or absent
    ),
    "posizione": ("lat", "lon", "precisione"),  # precisione: PRECISION_CODES
    "tipi": ("chiave", "etichetta", "parole"),
    "aree": ("chiave", "etichetta", "parole"),
    "comuni": ("chiave", "nome"),
    "lingue": ("codice", "etichetta", "nome_proprio", "nome", "nome_italiano"),  # last optional
}


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
        lingue = sorted(codes, key=lambda c: fold(labels.lingue.get(c, (c, c))[1]))  # by name
        return cls(tipi, aree, comuni_table(territory, services), lingue, labels)


def data_script(services: list[Service], tables: _Tables) -> str:
    """``window.SERVICEMAP_SERVICES``: label tables (types and needs as ``[key, label, folded
    words]``) and one array per record, by name, each table's fields as ``FIELDS`` (named in
    the payload's ``campi``); position ``[lat, lon, precision]`` (precision as
    ``PRECISION_CODES``: 2 is "on its comune") or 0, for "Vicino a me"; outside the Italian
    tree ``italiano`` (``ITALIAN_NAME``) when the name has no translation. Languages are
    ``[code, label, own name, name in the page's language(, Italian name)]``, the label as
    ``language_names.label`` writes it for every page (``arabo (العربية)``)."""
    labels = tables.labels
    tipo, area = _positions(tables.tipi), _positions(tables.aree)
    comune, lingua = index_of(tables.comuni), _positions(tables.lingue)
    views = [(localized(s, labels.lang), s) for s in services]
    rows = [
        row(
            FIELDS["s"],
            {
                "id": s.id,
                "nome": view.service.nome,
                "tipo": [tipo[t] for t in s.tipo],
                "aree": [area[a] for a in s.aree],
                "comune": comune[slugify(s.comune)],
                "comuni_serviti": [
                    comune[slugify(c)] for c in s.comuni_serviti if slugify(c) != slugify(s.comune)
                ],
                "lingue": [lingua[code] for code in s.lingue],
                "indirizzo": s.indirizzo.one_line(),
                **schedule_values(s),
                "posizione": _position(s),
                "testo": haystack(view.service, labels, s),
                "italiano": ITALIAN_NAME if "nome" in view.italian else None,
            },
        )
        for view, s in sorted(views, key=lambda v: (fold(v[0].service.nome), v[1].id))
    ]
    value = {
        "tipi": [[k, labels.tipo.get(k, k), _words(labels, "tipo", k)] for k in tables.tipi],
        "aree": [[k, labels.aree.get(k, k), _words(labels, "aree", k)] for k in tables.aree],
        "comuni": [[slugify(c), c] for c in tables.comuni],
        "lingue": [_language_row(labels, code) for code in tables.lingue],
        "s": rows,
    }
    return script_assignment("SERVICEMAP_SERVICES", with_fields(value, FIELDS))


def _language_row(labels: Labels, code: str) -> list[str]:
    own, named = labels.lingue.get(code, (code, code))
    italian = labels.italian_names.get(code, named)
    row = [code, labels.language(code), own, named]
    return row + ([italian] if labels.lang != "it" and italian != named else [])


def haystack(service: Service, labels: Labels, italian: Service | None = None) -> str:
    """The record's own words for free text, folded (the shared labels are added in the browser).

    ``service`` as the page shows it (``model.localized``); ``italian``, the record as written:
    its Italian text is searched too, when it differs (a translated record)."""
    words = [
        service.nome,
        service.ente,
        service.descrizione,
        service.destinatari,
        service.indirizzo.via,
        *(labels.attivita.get(a, a) for a in service.attivita),
        *(_words(labels, "attivita", a) for a in service.attivita),
    ]
    if italian is not None:
        own = ("nome", "descrizione", "destinatari")
        words += [getattr(italian, k) for k in own if getattr(italian, k) != getattr(service, k)]
    return fold(" ".join(w for w in words if w))


def _words(labels: Labels, kind: str, code: str) -> str:
    """The words people type for a vocabulary value, folded: shared by every record that has it."""
    return fold(" ".join(labels.words.get(kind, {}).get(code, ())))


def _position(service: Service) -> list[float] | int:
    pos = service.placed_position
    if pos is None:
        return 0
    return [round(pos.lat, 5), round(pos.lon, 5), PRECISION_CODES.get(pos.precision, 0)]


def _positions(keys: list[str]) -> dict[str, int]:
    return {key: n for n, key in enumerate(keys)}


class _Texts:
    """The interface texts of one language, escaped for HTML (``data/interfaccia.yaml``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return html.escape(i18n.text(key, self.lang, **values))


def _select(t: _Texts, name: str, options: list[tuple[str, str]]) -> str:
    items = [f'<option value="">{t(f"cerca.{name}.tutti")}</option>'] + [
        f'<option value="{html.escape(value)}">{html.escape(text)}</option>'
        for value, text in options
    ]
    return (
        f'<div class="sm-field"><label for="sm-{name}">'
        f"<span>{t(f'cerca.{name}')}</span></label>"
        f'<select id="sm-{name}" name="{name}">{"".join(items)}</select></div>'
    )


def _form(tables: _Tables, t: _Texts) -> str:
    """The text field, "aperto ora" and "vicino a me" first; the other filters fold away.

    On a phone the four selects would fill the first screen and push the results out of
    sight, so they sit in a ``<details>`` whose summary says how many are set; the script opens
    it on a wide screen and whenever the address sets one of them.
    """
    labels = tables.labels
    return "".join(
        [
            f'<form class="sm-search-form" role="search" aria-label="{t("cerca.etichetta-form")}" '
            'action="#" autocomplete="off">',
            '<div class="sm-field sm-field-q">'
            f'<label for="sm-q"><span>{t("cerca.q")}</span></label>'
            '<input type="search" id="sm-q" name="q" dir="auto" '
            f'placeholder="{t("cerca.q.esempio")}"></div>',
            '<div class="sm-field sm-field-check"><input type="checkbox" id="sm-aperto" '
            'name="aperto" value="1">'
            f'<label for="sm-aperto"><span>{t("cerca.aperto")}</span></label>'
            "</div>",
            # "Vicino a me" (servicemap-vicino.js shows it: it needs JavaScript)
            '<div class="sm-field sm-field-vicino"><button type="button" id="sm-vicino" '
            f'class="md-button" hidden>{t("cerca.vicino")}</button></div>',
            '<details class="sm-filtri" id="sm-filtri"><summary>'
            f"<span>{t('cerca.filtri')}</span>"
            '<span id="sm-filtri-attivi" class="sm-filtri-attivi"></span></summary>'
            '<div class="sm-filtri-campi">',
            _select(t, "area", [(k, labels.aree.get(k, k)) for k in tables.aree]),
            _select(t, "tipo", [(k, labels.tipo.get(k, k)) for k in tables.tipi]),
            _select(t, "comune", [(slugify(c), c) for c in tables.comuni]),
            _language_field(tables, t),
            '<div class="sm-field sm-field-reset"><button type="reset" class="md-button">'
            f"{t('cerca.azzera')}</button></div>",
            "</div></details>",
            "</form>",
        ]
    )


def _language_field(tables: _Tables, t: _Texts) -> str:
    """The language select, or, when no desk says which languages it speaks, a sentence that
    says so: an empty select looks broken. A hidden ``lingua`` keeps the form's contract
    (design.md), so an address with ``?lingua=`` still filters (to no result, honestly)."""
    if tables.lingue:
        return _select(t, "lingua", [(c, tables.labels.language(c)) for c in tables.lingue])
    return (
        '<div class="sm-field sm-field-nolingue"><input type="hidden" id="sm-lingua" '
        'name="lingua" value=""><span class="sm-field-title">'
        f'{t("cerca.lingua")}</span><p class="sm-nolingue">'
        f"{t('cerca.lingua.nessuna')}</p></div>"
    )


def _no_result(map_url: str, t: _Texts, contact: Contact | None = None) -> str:
    """The routes that always exist, shown (by the script) when nothing matches.

    The pages by comune and by need list every service, so a person whose words the search
    does not know still reaches a desk in two taps; with a territory contact
    (``extra.servicemap.contatto``), a person to ask, said for what it is.
    """

    def sibling(name: str) -> str:  # the same URL style as the map's (folder or index.html)
        return html.escape(map_url.replace("/mappa/", f"/{name}/"))

    return (
        f'<div id="sm-nessuno" class="sm-nessuno" hidden><p>{t("cerca.strade")}</p><ul>'
        f'<li><a href="{sibling("comuni")}">{t("cerca.strade.comuni")}</a></li>'
        f'<li><a href="{sibling("aree")}">{t("cerca.strade.aree")}</a></li>'
        f'<li><a href="{html.escape(map_url)}">{t("cerca.strade.mappa")}</a></li></ul>'
        f"{_ask_contact(contact, t)}</div>"
    )


def _ask_contact(contact: Contact | None, t: _Texts) -> str:
    if contact is None:
        return ""
    return f"<p>{t('cerca.contatto-rete')}</p>" + territory_contact(contact, heading="")


def _page(
    services: list[Service],
    tables: _Tables,
    service_url: str,
    map_url: str,
    contact: Contact | None = None,
) -> str:
    t = _Texts(tables.labels.lang)
    count = len(services)
    title = i18n.text("cerca.titolo", t.lang)
    # The number isolated, as the script writes it (servicemap-i18n.js: fill)
    found = (
        t("cerca.conta.uno")
        if count == 1
        else t("cerca.conta").replace("{n}", f"<bdi>{count}</bdi>")
    )
    map_link = f'<a href="{html.escape(map_url)}">{t("cerca.noscript.mappa")}</a>'
    lines = [
        front_matter(html.escape(title), search={"exclude": True}).removesuffix("\n"),
        f"# {html.escape(title)}",
        "",
        f'<p class="sm-intro">{t("cerca.intro")}</p>',
        "",
        '<div id="sm-search" class="sm-search-page" '
        f'data-service-url="{html.escape(service_url)}">',
        *page_head(leaflet=False),
        _form(tables, t),
        '<p id="sm-vicino-stato" class="sm-vicino-stato" role="status" aria-live="polite"></p>',
        f'<p id="sm-count" class="sm-count" role="status" aria-live="polite">{found}</p>',
        '<div id="sm-results" class="sm-results"></div>',
        _no_result(map_url, t, contact),
        f"<noscript><p>{t('cerca.noscript').replace('{mappa}', map_link)}</p></noscript>",
        *i18n.script_tags(),
        f'<script src="../{DATA_PATH}"></script>',
        f'<script src="../{OWN_DIR}/festivi.js"></script>',  # render.holidays
        f'<script src="../{OWN_DIR}/servicemap-hours.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-match.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-search.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-vicino.js"></script>',
        *mylist.search_additions(map_url.replace("/mappa/", "/lista/"), t.lang),
        "</div>",
        "",
    ]
    return "\n".join(lines)

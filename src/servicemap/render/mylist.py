"""My list ("La mia lista"): services a person marks, sees together, prints and shares.

The list lives only on the device (``localStorage``, and in memory where storage is refused:
``file://`` in some browsers, private mode) and in the link that shares it (``lista/#s=a,b,c``:
a fragment never reaches the server): no script sends it anywhere. ``servicemap-lista.js``
(toggles, storage) and ``servicemap-lista-pagina.js`` (the page) do everything in the browser:

* a toggle "Aggiungi alla mia lista" on each Cerca result and on each service page, and a link
  "La mia lista (3)" there once the list holds something;
* the page ``lista/``: the chosen services (name, kind, address, phones, today's status), each
  removable, "Svuota la lista", "Stampa la lista" (one A4 sheet with the week's hours and
  absolute dates) and the link to share; a shared link shows its own list and offers to save it.

No ``fetch()``: the page reads the search page's records (``cerca-servizi.js``) and the few
fields the search does not need (phones, date of the check, hours note) from
``lista-servizi.js``, both classic scripts, so the offline copy works from ``file://``.
"""

from __future__ import annotations

from importlib import resources

from servicemap.core.model import Service, localized
from servicemap.core.output import GeneratedFile
from servicemap.render import i18n
from servicemap.render.assets import COMMON_PATH, OWN_DIR, SEARCH_DATA_PATH
from servicemap.render.clientdata import fold, row, script_assignment, with_fields
from servicemap.render.context import RenderContext, service_src
from servicemap.render.html import Site, esc, front_matter

PAGE_PATH = "lista/index.md"
DATA_PATH = f"{OWN_DIR}/lista-servizi.js"
SCRIPT_PATH = f"{OWN_DIR}/servicemap-lista.js"
PAGE_SCRIPT_PATH = f"{OWN_DIR}/servicemap-lista-pagina.js"
SHARE_SCRIPT_PATH = f"{OWN_DIR}/servicemap-condividi.js"
CSS_PATH = f"{OWN_DIR}/servicemap-lista.css"
_STATIC = (
    "servicemap-lista.js",
    "servicemap-lista-pagina.js",
    "servicemap-condividi.js",
    "servicemap-lista.css",
)


def mylist_files(
    services: list[Service], site: Site, public_url: str, lang: str = "it"
) -> list[GeneratedFile]:
    """The page ``lista/index.md``, its extra data, script, share helper and styles, in the
    tree of ``lang`` (the page's texts and the records' hours notes in that language)."""
    package = resources.files("servicemap").joinpath("assets")
    files = [
        GeneratedFile(PAGE_PATH, _page(site, public_url, lang), "page"),
        GeneratedFile(DATA_PATH, data_script(services, lang), "static"),
    ]
    files += [
        GeneratedFile(f"{OWN_DIR}/{name}", package.joinpath(name).read_bytes(), "static")
        for name in _STATIC
    ]
    return files


# What the list and its sheet show beyond the search's data, in order (named in ``campi``).
FIELDS = ("id", "telefoni", "aggiornato", "note_orari", "nota_italiana")


def data_script(services: list[Service], lang: str = "it") -> str:
    """``window.SERVICEMAP_LISTA``: per record (``FIELDS``) ``[id, [[e164, shown], ...],
    aggiornato, hours note(, 1 when the note is in Italian)]``; in the
    search's order (by folded name) so two builds are byte-identical. The note is the ``lang``
    translation where the record gives one."""
    views = [(localized(s, lang), s) for s in services]
    rows = [
        row(
            FIELDS,
            {
                "id": s.id,
                "telefoni": [[p.e164, p.display] for p in s.telefoni],
                "aggiornato": s.aggiornato,
                "note_orari": view.service.note_orari,
                "nota_italiana": 1 if "note_orari" in view.italian else None,
            },
        )
        for view, s in sorted(views, key=lambda v: (fold(v[0].service.nome), v[1].id))
    ]
    return script_assignment("SERVICEMAP_LISTA", with_fields({"s": rows}, {"s": FIELDS}))


def list_link(href: str, lang: str = "it") -> str:
    """The link "La mia lista (n)", shown by the script when the list holds something."""
    return (
        f'<a class="sm-lista-link md-button" href="{esc(href)}" hidden>'
        f"{esc(i18n.text('lista.link', lang, n=0))}</a>"
    )


def service_toggle(s: Service, ctx: RenderContext) -> str:
    """The service page's own toggle and link to the list (its own block, screen only)."""
    src = service_src(s.id)
    button = i18n.tagged(
        "button",
        "lista.aggiungi",
        f'type="button" class="md-button sm-lista-toggle" aria-pressed="false" '
        f'data-lista-id="{esc(s.id)}" hidden',
        ctx.lang,
    )
    scripts = "".join(
        f'<script src="{esc(ctx.site.href(src, path))}"></script>'
        for path in (COMMON_PATH, SHARE_SCRIPT_PATH, SCRIPT_PATH)  # before page_scripts
    )
    css = f'<link rel="stylesheet" href="{esc(ctx.site.href(src, CSS_PATH))}">'
    return (
        f'<div class="sm-lista-azioni sm-solo-schermo" data-search-exclude>{css}{button} '
        f"{list_link(ctx.site.href(src, PAGE_PATH), ctx.lang)}{_announcer()}</div>{scripts}"
    )


def search_additions(list_href: str, lang: str = "it") -> list[str]:
    """What the Cerca page adds for the list: the link, the announcer, styles and script.

    ``list_href``: the list page from ``cerca/`` in the build's URL style."""
    return [
        f'<link rel="stylesheet" href="../{CSS_PATH}">',
        f'<p class="sm-lista-barra">{list_link(list_href, lang)}</p>',
        _announcer(),
        f'<script src="../{SCRIPT_PATH}"></script>',
    ]


def _announcer() -> str:
    """A polite live region: "Aggiunto: ... 3 servizi nella tua lista" for screen readers."""
    return '<span class="sm-lista-annuncio sm-nascosto" role="status" aria-live="polite"></span>'


def _page(site: Site, public_url: str, lang: str = "it") -> str:
    """The list page: headings and buttons in the page, the list filled by the script."""
    service_url = "../servizi/{id}/" if site.directory_urls else "../servizi/{id}.html"
    cerca = site.href(PAGE_PATH, "cerca/index.md")

    def t(tag: str, key: str, attrs: str = "") -> str:
        return i18n.tagged(tag, key, attrs, lang)

    def button(key: str, cls: str, attrs: str = "") -> str:
        return t("button", key, f'type="button" class="md-button {cls}" {attrs}'.rstrip())

    title = i18n.text("lista.titolo", lang)
    lines = [
        front_matter(esc(title), search={"exclude": True}).removesuffix("\n"),
        f"# {esc(title)} {{: .sm-lista-titolo }}",
        "",
        f'<div id="sm-lista" class="sm-lista-pagina" data-service-url="{esc(service_url)}" '
        f'data-public-url="{esc(public_url)}">',
        f'<link rel="stylesheet" href="../{CSS_PATH}">',
        t("p", "lista.intro", 'class="sm-lista-intro sm-solo-schermo"'),
        '<div class="sm-lista-condivisa sm-solo-schermo" hidden>'
        + t("p", "lista.condivisa", 'class="sm-lista-condivisa-testo"')
        + button("lista.salva", "md-button--primary sm-lista-salva")
        + "</div>",
        '<p class="sm-lista-mancanti" role="status" hidden></p>',
        '<p class="sm-lista-stampata sm-solo-stampa"></p>',
        '<p class="sm-lista-conta" role="status" aria-live="polite"></p>',
        '<div class="sm-lista-comandi sm-solo-schermo" hidden>',
        button("lista.stampa", "md-button--primary sm-lista-stampa"),
        button("lista.copia", "sm-lista-condividi"),
        button("lista.svuota", "sm-lista-svuota"),
        '<div class="sm-lista-conferma" role="group" hidden>'
        + t("p", "lista.svuota.domanda")
        + button("lista.svuota.si", "sm-lista-svuota-si")
        + button("lista.svuota.no", "sm-lista-svuota-no")
        + "</div>",
        "</div>",
        '<p class="sm-lista-esito sm-solo-schermo" role="status"></p>',
        '<ol class="sm-lista-servizi"></ol>',
        '<div class="sm-lista-vuota" hidden>'
        + t("p", "lista.vuota")
        + f'<p><a class="md-button" href="{esc(cerca)}">'
        + f"{t('span', 'lista.vai-a-cerca')}</a></p></div>",
        t("p", "lista.privacy", 'class="sm-lista-privacy sm-solo-schermo"'),
        '<p class="sm-lista-indirizzo sm-solo-stampa"></p>',
        f"<noscript>{t('p', 'lista.noscript')}</noscript>",
        *i18n.script_tags(),
        f'<script src="../{SEARCH_DATA_PATH}"></script>',
        f'<script src="../{DATA_PATH}"></script>',
        f'<script src="../{OWN_DIR}/festivi.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-hours.js"></script>',
        f'<script src="../{SHARE_SCRIPT_PATH}"></script>',
        f'<script src="../{SCRIPT_PATH}"></script>',
        f'<script src="../{PAGE_SCRIPT_PATH}"></script>',
        "</div>",
        "",
    ]
    return "\n".join(lines)

"""The map page: every record as a clustered point, the comuni boundaries, a list alternative.

How folium is used, and why. folium builds the Leaflet map, the tile layer and the comuni
boundaries (a ``GeoJson`` layer): that is what it does well. We take only the map ``<div>`` and
the map *script* it renders, never its ``<head>``: that head loads Leaflet, jQuery, Bootstrap and
Font Awesome from CDNs, and Bootstrap's CSS would restyle the Material theme. The map is not an
``<iframe>`` either (a page opened from ``file://`` cannot script an iframe), so the script goes
into a static file loaded by the page itself, after Leaflet copied from the installed
``xstatic`` packages. branca gives every element a random id; we set fixed ids (``map_servicemap``,
``tile_layer_base``, ``geo_json_comuni``) so builds are byte-identical and our own script
(``servicemap-map.js``) can find the map by name.

The points are not folium Markers (about 1 KB of script each): they are data, a compact array
in ``mappa-punti.js`` (about 30 bytes a point), clustered in the browser by supercluster
(``servicemap-map.js`` draws only the clusters and points in view). The popups' text (names,
addresses, hours) is a second, deferred file, ``mappa-schede.js``, so the first markers do not
wait for it. Popups and the boundary tooltips are built with DOM
nodes and ``textContent``, never from record text as HTML: folium's ``Popup``/``Tooltip``
would put it raw into HTML and into JS template literals.

Each language's tree has its own map page and data (``lang``): the page's texts, the legend's
labels (``Labels.from_vocabulary``) and the records' names and notes (``model.localized``) in
that language; what stays in Italian (no translation) is marked ``lang="it"``.
"""

from __future__ import annotations

import html
import importlib
import sys
from collections import defaultdict
from collections.abc import Callable
from types import ModuleType

from shapely.geometry import shape

from servicemap.core.model import Localized, Service, Territory, localized
from servicemap.core.output import GeneratedFile
from servicemap.core.text import slugify
from servicemap.render import i18n
from servicemap.render.assets import CLUSTER_JS, LEAFLET_DIR, OWN_DIR, page_head
from servicemap.render.clientdata import (
    DEFAULT_SERVICE_URL,
    PRECISION_CODES,
    SCHEDULE_FIELDS,
    TypeStyle,
    labels_of,
    row,
    schedule_values,
    script_assignment,
    type_styles,
    with_fields,
)
from servicemap.render.html import front_matter
from servicemap.validate.contract import Vocabulary
from servicemap.validate.project import Project

PAGE_PATH = "mappa/index.md"
POINTS_PATH = f"{OWN_DIR}/mappa-punti.js"
DETAILS_PATH = f"{OWN_DIR}/mappa-schede.js"
FOLIUM_PATH = f"{OWN_DIR}/mappa-carta.js"
MAP_VAR, BOUNDARIES_VAR = "map_servicemap", "geo_json_comuni"
COORD_DECIMALS = 5  # about 1 m; services closer than that are "at one address"
LONG_LIST = 40  # services in a comune's list beyond which it is drawn only near the screen

# The boundary tooltip: the comune name, looked up by number in our own data and written as a
# text node. Names never enter folium's output: branca compiles what it renders as a Jinja
# template a second time (``Element(script)``), so a name with ``{{ ... }}`` or ``{% raw %}``
# would be evaluated or break the build, and folium's Tooltip would put it into a JS template
# literal, where ``${...}`` runs.
_TOOLTIP_JS = """function (feature, layer) {
  var names = (window.SERVICEMAP_POINTS || {}).c || [];
  var label = document.createElement("span");
  label.textContent = String(names[(feature.properties || {}).i] || "");
  layer.bindTooltip(label, {sticky: true});
}"""
_JINJA_MARKS = ("{{", "{%", "{#")
_BOUNDARY_STYLE = {"color": "#4a4a4a", "weight": 1.5, "fillColor": "#efeadf", "fillOpacity": 0.45}


def render_map(
    services: list[Service],
    territory: Territory | None,
    vocabulary: Vocabulary | None,
    project: Project,
    *,
    service_url: str = DEFAULT_SERVICE_URL,
    lang: str = "it",
) -> list[GeneratedFile]:
    """The map page ``mappa/index.md`` and its three scripts under ``assets/servicemap/``,
    in the interface language ``lang`` (the tree they are written in).

    ``service_url`` is the link to a service page relative to ``mappa/``, with ``{id}``: the
    default suits ``use_directory_urls``; the offline build passes ``../servizi/{id}.html``
    (or whatever its service pages are). Needs ``assets.vendor_files()`` in the site too.
    """
    labels = labels_of(vocabulary, lang)
    styles = type_styles(labels, services)
    type_index = {s.key: n for n, s in enumerate(styles)}
    map_div, map_script = folium_map(territory, project, services)
    views = [localized(s, lang) for s in services]
    page = _page(views, territory, styles, type_index, map_div, service_url, lang)
    return [
        GeneratedFile(PAGE_PATH, page, "page"),
        GeneratedFile(
            POINTS_PATH, points_script(services, styles, type_index, territory), "static"
        ),
        GeneratedFile(DETAILS_PATH, details_script(views, type_index), "static"),
        GeneratedFile(FOLIUM_PATH, map_script, "static"),
    ]


def _folium_without_pandas() -> ModuleType:
    """folium, imported without pandas: folium imports pandas whenever it is installed (the
    ``territory`` extra brings it, for geopandas) for DataFrame input the map never gives it,
    at a cost of about 95 MB and half a second in every build. ``sys.modules["pandas"] = None``
    makes that optional import fail as if pandas were absent, only while folium loads."""
    hidden = "pandas" not in sys.modules
    if hidden:
        sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        return importlib.import_module("folium")
    finally:
        if hidden and sys.modules.get("pandas") is None:
            del sys.modules["pandas"]


folium = _folium_without_pandas()


def folium_map(
    territory: Territory | None, project: Project, services: list[Service]
) -> tuple[str, str]:
    """folium's map ``<div>`` and its script (tiles and boundaries), with fixed element ids."""
    m = folium.Map(location=_center(territory, services), zoom_start=11, tiles=None)
    m.options["max_zoom"] = 19  # the clustering needs the map's own when there are no tiles
    m.default_js, m.default_css = [], []  # never the CDN links, even in the unused head
    m._id = MAP_VAR.removeprefix("map_")
    if project.tile_url:
        if any(mark in project.tile_url for mark in _JINJA_MARKS):
            raise ValueError(f"tile_url non valido: {project.tile_url}")
        attribution = project.tile_attribution.replace("{", "&#123;")  # HTML in Leaflet
        tiles = folium.TileLayer(tiles=project.tile_url, attr=attribution, name="base", max_zoom=19)
        tiles._id = "base"
        tiles.add_to(m)
    boundaries = folium.GeoJson(
        boundaries_geojson(territory),
        name="Comuni",
        style_function=lambda _feature: dict(_BOUNDARY_STYLE),
        on_each_feature=folium.JsCode(_TOOLTIP_JS),
        control=False,
    )
    boundaries._id = BOUNDARIES_VAR.removeprefix("geo_json_")
    boundaries.add_to(m)
    figure = m.get_root()
    m.render()
    script = figure.script.render().strip() + "\n"
    return figure.html.render().strip(), script


def boundaries_geojson(territory: Territory | None) -> dict:
    """The comuni with a boundary, each carrying only its number in ``boundary_names``."""
    features = [
        {"type": "Feature", "properties": {"i": n}, "geometry": c.geometry}
        for n, c in enumerate(_with_boundary(territory))
    ]
    return {"type": "FeatureCollection", "features": features}


def boundary_names(territory: Territory | None) -> list[str]:
    return [c.name for c in _with_boundary(territory)]


def _with_boundary(territory: Territory | None) -> list:
    return [c for c in (territory.comuni if territory else []) if c.geometry]


def _center(territory: Territory | None, services: list[Service]) -> list[float]:
    points = [c.point for c in territory.comuni if c.point] if territory else []
    points += [
        (s.placed_position.lat, s.placed_position.lon) for s in services if s.placed_position
    ]
    if not points:
        return [41.9, 12.5]  # Italy, until there is anything to show
    return [round(sum(p[0] for p in points) / len(points), 5),
            round(sum(p[1] for p in points) / len(points), 5)]  # fmt: skip


def points_script(
    services: list[Service],
    styles: list[TypeStyle],
    type_index: dict[str, int],
    territory: Territory | None = None,
) -> str:
    """``window.SERVICEMAP_POINTS``: types ``t`` (``TYPE_FIELDS``), points ``p``
    (``POINT_FIELDS``: ``[lat, lon, type, i, j, ...]`` where ``i, j`` index the records, type -1
    for mixed types), ``c`` the names of the comuni drawn, for the boundary tooltips, and the
    field names in ``campi`` (``clientdata.with_fields``).

    Services at the same position (to about 1 m) are one point listing them all.
    """
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for n, service in enumerate(services):
        if service.placed_position:
            key = (
                round(service.placed_position.lat, COORD_DECIMALS),
                round(service.placed_position.lon, COORD_DECIMALS),
            )
            groups[key].append(n)
    points = []
    for (lat, lon), members in groups.items():
        kinds = {type_index[services[n].tipo[0]] for n in members if services[n].tipo}
        kind = kinds.pop() if len(kinds) == 1 else -1
        points.append([*row(POINT_FIELDS[:-1], {"lat": lat, "lon": lon, "tipo": kind}), *members])
    types = [
        row(TYPE_FIELDS, {"codice": s.code, "sfondo": s.background, "testo": s.foreground,
                          "etichetta": s.label})
        for s in styles
    ]  # fmt: skip
    value = {
        "t": types,
        "p": points,
        "c": boundary_names(territory),
        "l": label_points(territory),
        "f": first_view(territory),
    }
    fields = {"t": TYPE_FIELDS, "p": POINT_FIELDS}
    return script_assignment("SERVICEMAP_POINTS", with_fields(value, fields))


def label_points(territory: Territory | None) -> list[list[float] | None]:
    """Where each drawn comune's name is written (``[lat, lon]``, parallel to ``c``): its
    representative point, always inside the boundary, so a name never sits on its neighbour."""
    return [list(c.point) if c.point else None for c in _with_boundary(territory)]


def first_view(territory: Territory | None) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` of the territory's own comuni: the first view fits
    those, not the neighbours (``comuni_limitrofi``) drawn around them, or Milano next to a
    small district would fill the screen. ``None`` (fit everything drawn) when no own comune
    has a boundary."""
    own = [shape(c.geometry).bounds for c in _with_boundary(territory) if not c.neighbour]
    if not own:
        return None
    west, south = min(b[0] for b in own), min(b[1] for b in own)
    east, north = max(b[2] for b in own), max(b[3] for b in own)
    return [[round(south, COORD_DECIMALS), round(west, COORD_DECIMALS)],
            [round(north, COORD_DECIMALS), round(east, COORD_DECIMALS)]]  # fmt: skip


Text = Callable[..., str]  # an interface text in the page's language, escaped for HTML
ITALIAN_FLAGS = {"nome": 1, "note_orari": 2}  # a popup's record texts left in Italian
# The payloads' fields, in order: the one list servicemap-map.js reads positions from (``campi``).
TYPE_FIELDS = ("codice", "sfondo", "testo", "etichetta")  # marker code, colours, label
POINT_FIELDS = ("lat", "lon", "tipo", "servizi")  # "servizi": the rest of the row, record indices
DETAIL_FIELDS = (
    "id",
    "nome",
    "tipo",  # indices into the points' ``t``
    "indirizzo",
    "precisione",  # PRECISION_CODES, -1 without a position
    *SCHEDULE_FIELDS,  # clientdata.schedule_fields: week, flags, closures
    "note_orari",
    "italiano",  # outside the Italian tree, the sum of ITALIAN_FLAGS shown in Italian (or absent)
)


def details_script(views: list[Service] | list[Localized], type_index: dict[str, int]) -> str:
    """``window.SERVICEMAP_MAP_DETAILS``: what a popup shows, one array per record in
    ``s`` (``DETAIL_FIELDS``, named in ``campi``); the last field only when some texts are
    shown in Italian in another language's tree (the popup marks them ``lang="it"``)."""
    rows = []
    for view in views:
        s = view.service if isinstance(view, Localized) else view
        italian = view.italian if isinstance(view, Localized) else frozenset()
        flags = sum(bit for key, bit in ITALIAN_FLAGS.items() if key in italian)
        placed = s.placed_position
        values = {
            "id": s.id,
            "nome": s.nome,
            "tipo": [type_index[t] for t in s.tipo if t in type_index],
            "indirizzo": s.indirizzo.one_line(),
            "precisione": PRECISION_CODES.get(placed.precision, 0) if placed else -1,
            **schedule_values(s),
            "note_orari": s.note_orari,
            "italiano": flags or None,
        }
        rows.append(row(DETAIL_FIELDS, values))
    value = with_fields({"s": rows}, {"s": DETAIL_FIELDS})
    return script_assignment("SERVICEMAP_MAP_DETAILS", value)


def _page(
    views: list[Localized],
    territory: Territory | None,
    styles: list[TypeStyle],
    type_index: dict[str, int],
    map_div: str,
    service_url: str,
    lang: str = "it",
) -> str:
    def t(key: str, **values: object) -> str:
        return html.escape(i18n.text(key, lang, **values))

    used = {k for v in views for k in v.service.tipo[:1]}
    attribution = html.escape(territory.attribution) if territory and territory.attribution else ""
    title = i18n.text("mappa.titolo", lang)
    lines = [
        front_matter(html.escape(title), search={"exclude": True}).removesuffix("\n"),
        f"# {html.escape(title)}",
        "",
        '<div class="sm-map-page">',
        *page_head(leaflet=True),
        # On a phone the map must be on the first screen: one short line, the rest folds away.
        f'<p class="sm-map-intro"><span>{t("mappa.tocca")}</span> '
        '<button type="button" id="sm-map-vicino" class="md-button sm-map-vicino" '
        f"hidden>{t('cerca.vicino')}</button></p>",
        '<p id="sm-map-vicino-stato" class="sm-vicino-stato" role="status" aria-live="polite"></p>',
        f'<details class="sm-map-help"><summary>{t("mappa.come")}</summary>',
        f"<p>{t('mappa.istruzioni')}</p></details>",
        # Keyboard and screen-reader users skip the map (one stop per point) to its text twin.
        f'<p><a class="sm-skip-map" href="#{LIST_ID}">{t("mappa.salta")}</a></p>',
        f'<div id="sm-map" class="sm-map-wrap" data-map-var="{MAP_VAR}" '
        f'data-boundaries-var="{BOUNDARIES_VAR}" '
        f'data-service-url="{html.escape(service_url)}">',
        map_div.replace('class="folium-map"', 'class="folium-map sm-map"'),
        "</div>",
        _legend(styles, used, t),
        f'<p class="sm-attribution">{t("mappa.confini", fonte="{fonte}")}</p>'.replace(
            "{fonte}", f'<bdi lang="it">{attribution}</bdi>'
        )
        if attribution
        else None,
        *i18n.script_tags(),  # with ServicemapCommon first
        f'<script src="../{LEAFLET_DIR}/leaflet.js"></script>',
        f'<script src="../{CLUSTER_JS}"></script>',
        f'<script src="../{POINTS_PATH}"></script>',
        f'<script src="../{FOLIUM_PATH}"></script>',
        f'<script src="../{OWN_DIR}/festivi.js"></script>',  # render.holidays
        f'<script src="../{OWN_DIR}/servicemap-hours.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-map.js"></script>',
        f'<script src="../{DETAILS_PATH}" defer></script>',
        "</div>",
        "",
        f"## {t('mappa.elenco')} {{: #{LIST_ID} }}",
        "",
        _service_list(views, territory, styles, type_index, service_url, t, lang),
        "",
    ]
    return "\n".join(line for line in lines if line is not None)


LIST_ID = "elenco-dei-servizi"  # the skip link's target, the same in every language


def _legend(styles: list[TypeStyle], used: set[str], t: Text) -> str:
    items = [
        f'<li><span class="sm-pin" style="background:{s.background};color:{s.foreground}" '
        f'aria-hidden="true">{s.code}</span> {html.escape(s.label)}</li>'
        for s in styles
        if s.key in used
    ]
    items.append(
        '<li><span class="sm-pin sm-pin-group" aria-hidden="true">5</span> '
        f"<span>{t('mappa.gruppo')}</span></li>"
    )
    items.append(
        '<li><span class="sm-pin sm-pin-multi" aria-hidden="true">2</span> '
        f"<span>{t('mappa.piu-servizi')}</span></li>"
    )
    return (
        f'<section class="sm-legend" aria-label="{t("mappa.legenda-etichetta")}">'
        '<h2 class="sm-legend-title">'
        f'<span>{t("mappa.legenda")}</span></h2><ul class="sm-legend-list">'
        + "".join(items)
        + "</ul></section>"
    )


def _service_list(
    views: list[Localized],
    territory: Territory | None,
    styles: list[TypeStyle],
    type_index: dict[str, int],
    service_url: str,
    t: Text,
    lang: str = "it",
) -> str:
    """Every service, by comune: the map's text alternative (and its "show on map" buttons)."""
    by_comune: dict[str, list[int]] = defaultdict(list)
    for n, view in enumerate(views):
        by_comune[slugify(view.service.comune)].append(n)
    order = [slugify(c.name) for c in territory.comuni] if territory else []
    order += sorted(set(by_comune) - set(order))
    parts = ['<div class="sm-map-list">']
    for slug in order:
        members = sorted(by_comune.get(slug, []), key=lambda n: views[n].service.nome.casefold())
        if not members:
            continue
        comune = html.escape(views[members[0]].service.comune)
        # A long list is drawn only near the screen, at a height estimated from its services (see
        # servicemap.css); a short one costs nothing to draw and is always exact.
        attrs = ' class="sm-list"'
        if len(members) > LONG_LIST:
            attrs = f' class="sm-list sm-list-long" style="--sm-n:{len(members)}"'
        parts.append(f'<h3 class="sm-list-comune">{comune}</h3><ul{attrs}>')
        parts += [
            _list_item(views[n], n, styles, type_index, service_url, t, lang) for n in members
        ]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _list_item(
    view: Localized,
    n: int,
    styles: list[TypeStyle],
    type_index: dict[str, int],
    service_url: str,
    t: Text,
    lang: str = "it",
) -> str:
    esc = html.escape
    service = view.service
    href = esc(service_url.replace("{id}", service.id))
    kinds = ", ".join(styles[type_index[k]].label for k in service.tipo if k in type_index)
    extra = ""
    if service.placed_position is None:
        extra = f' <span class="sm-approx">{t("mappa.posizione-non-disponibile")}</span>'
    elif service.placed_position.precision == "comune":
        extra = f' <span class="sm-approx">{t("mappa.posizione-approssimativa")}</span>'
    index = f' data-i="{n}"' if service.placed_position else ""  # servicemap-map.js adds a button
    # Outside the Italian tree a name takes its direction from its letters (a Latin name in an
    # Arabic list), and is marked Italian when it has no translation.
    name_attrs = "" if lang == "it" else ' dir="auto"'
    name_attrs += ' lang="it"' if "nome" in view.italian else ""
    tag = "span" if lang == "it" else "bdi"  # an Italian address isolated in another script
    address = f'<{tag} class="sm-address">{esc(service.indirizzo.one_line())}</{tag}>'
    return (
        f'<li data-servizio-id="{esc(service.id)}"{index}>'
        f'<a href="{href}"{name_attrs}>{esc(service.nome)}</a>'
        f' <span class="sm-kind">{esc(kinds)}</span> · {address}{extra}</li>'
    )

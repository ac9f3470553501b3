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
in ``mappa-punti.js`` (about 30 bytes a point), clustered in the browser by Leaflet.markercluster.
The popups' text (names, addresses, hours) is a second, deferred file, ``mappa-schede.js``,
so the first markers do not wait for it. Popups and the boundary tooltips are built with DOM
nodes and ``textContent``, never from record text as HTML: folium's ``Popup``/``Tooltip``
would put it raw into HTML and into JS template literals.
"""

from __future__ import annotations

import html
from collections import defaultdict

import folium
from shapely.geometry import shape

from servicemap.contract import Vocabulary
from servicemap.model import Service, Territory
from servicemap.project import Project
from servicemap.render import GeneratedFile
from servicemap.render.assets import CLUSTER_DIR, LEAFLET_DIR, OWN_DIR, page_head
from servicemap.render.clientdata import (
    DEFAULT_SERVICE_URL,
    PRECISION_CODES,
    TypeStyle,
    closures_code,
    hours_code,
    labels_of,
    script_assignment,
    type_styles,
)
from servicemap.text import slugify

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
) -> list[GeneratedFile]:
    """The map page ``mappa/index.md`` and its three scripts under ``assets/servicemap/``.

    ``service_url`` is the link to a service page relative to ``mappa/``, with ``{id}``: the
    default suits ``use_directory_urls``; the offline build passes ``../servizi/{id}.html``
    (or whatever its service pages are). Needs ``assets.vendor_files()`` in the site too.
    """
    labels = labels_of(vocabulary)
    styles = type_styles(labels, services)
    type_index = {s.key: n for n, s in enumerate(styles)}
    map_div, map_script = folium_map(territory, project, services)
    page = _page(services, territory, styles, type_index, map_div, service_url)
    return [
        GeneratedFile(PAGE_PATH, page, "page"),
        GeneratedFile(
            POINTS_PATH, points_script(services, styles, type_index, territory), "static"
        ),
        GeneratedFile(DETAILS_PATH, details_script(services, type_index), "static"),
        GeneratedFile(FOLIUM_PATH, map_script, "static"),
    ]


def folium_map(
    territory: Territory | None, project: Project, services: list[Service]
) -> tuple[str, str]:
    """folium's map ``<div>`` and its script (tiles and boundaries), with fixed element ids."""
    m = folium.Map(location=_center(territory, services), zoom_start=11, tiles=None)
    m.options["max_zoom"] = 19  # markercluster needs the map's own when there are no tiles
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
    points += [(s.position.lat, s.position.lon) for s in services if s.position]
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
    """``window.SERVICEMAP_POINTS``: types ``t`` as ``[code, bg, fg, label]``, points ``p`` as
    ``[lat, lon, type, i, j, ...]`` where ``i, j`` index the records (type -1: mixed types),
    and ``c`` the names of the comuni drawn, for the boundary tooltips.

    Services at the same position (to about 1 m) are one point listing them all.
    """
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for n, service in enumerate(services):
        if service.position:
            key = (
                round(service.position.lat, COORD_DECIMALS),
                round(service.position.lon, COORD_DECIMALS),
            )
            groups[key].append(n)
    points = []
    for (lat, lon), members in groups.items():
        kinds = {type_index[services[n].tipo[0]] for n in members if services[n].tipo}
        kind = kinds.pop() if len(kinds) == 1 else -1
        points.append([lat, lon, kind, *members])
    types = [[s.code, s.background, s.foreground, s.label] for s in styles]
    value = {
        "t": types,
        "p": points,
        "c": boundary_names(territory),
        "l": label_points(territory),
        "f": first_view(territory),
    }
    return script_assignment("SERVICEMAP_POINTS", value)


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


def details_script(services: list[Service], type_index: dict[str, int]) -> str:
    """``window.SERVICEMAP_MAP_DETAILS``: what a popup shows, one array per record:
    ``[id, name, [types], address, precision, hours, festivi_aperto, closures, hours_note]``."""
    rows = [
        [
            s.id,
            s.nome,
            [type_index[t] for t in s.tipo if t in type_index],
            s.indirizzo.one_line(),
            PRECISION_CODES.get(s.position.precision, 0) if s.position else -1,
            hours_code(s),
            1 if s.festivi == "aperto" else 0,
            closures_code(s),
            s.note_orari,
        ]
        for s in services
    ]
    return script_assignment("SERVICEMAP_MAP_DETAILS", {"s": rows})


def _page(
    services: list[Service],
    territory: Territory | None,
    styles: list[TypeStyle],
    type_index: dict[str, int],
    map_div: str,
    service_url: str,
) -> str:
    used = {t for s in services for t in s.tipo[:1]}
    attribution = html.escape(territory.attribution) if territory and territory.attribution else ""
    lines = [
        "---",
        "title: Mappa dei servizi",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Mappa dei servizi",
        "",
        '<div class="sm-map-page">',
        *page_head(leaflet=True),
        # On a phone the map must be on the first screen: one short line, the rest folds away.
        '<p class="sm-map-intro"><span data-i18n="mappa.tocca">Tocca un segno per vedere '
        "indirizzo e orari di oggi.</span> "
        '<button type="button" id="sm-map-vicino" class="md-button sm-map-vicino" '
        'data-i18n="cerca.vicino" hidden>Vicino a me</button></p>',
        '<p id="sm-map-vicino-stato" class="sm-vicino-stato" role="status" aria-live="polite"></p>',
        '<details class="sm-map-help"><summary data-i18n="mappa.come">Come si usa</summary>',
        '<p data-i18n="mappa.istruzioni">'
        "Ogni segno sulla mappa è un servizio; le lettere dicono il tipo (vedi la legenda). "
        "Un cerchio con un numero raggruppa i servizi vicini: toccalo per ingrandire. "
        "Tocca un servizio per vedere indirizzo e orari di oggi. "
        "Sotto la mappa c'è l'elenco di tutti i servizi.</p></details>",
        # Keyboard and screen-reader users skip the map (one stop per point) to its text twin.
        '<p><a class="sm-skip-map" href="#elenco-dei-servizi">'
        "Salta la mappa: vai all'elenco dei servizi</a></p>",
        f'<div id="sm-map" class="sm-map-wrap" data-map-var="{MAP_VAR}" '
        f'data-boundaries-var="{BOUNDARIES_VAR}" '
        f'data-service-url="{html.escape(service_url)}">',
        map_div.replace('class="folium-map"', 'class="folium-map sm-map"'),
        "</div>",
        _legend(styles, used),
        f'<p class="sm-attribution">Confini dei comuni: {attribution}</p>' if attribution else None,
        f'<script src="../{LEAFLET_DIR}/leaflet.js"></script>',
        f'<script src="../{CLUSTER_DIR}/leaflet.markercluster.js"></script>',
        f'<script src="../{POINTS_PATH}"></script>',
        f'<script src="../{FOLIUM_PATH}"></script>',
        f'<script src="../{OWN_DIR}/festivi.js"></script>',  # render.holidays
        f'<script src="../{OWN_DIR}/servicemap-hours.js"></script>',
        f'<script src="../{OWN_DIR}/servicemap-map.js"></script>',
        f'<script src="../{DETAILS_PATH}" defer></script>',
        "</div>",
        "",
        "## Elenco dei servizi",
        "",
        _service_list(services, territory, styles, type_index, service_url),
        "",
    ]
    return "\n".join(line for line in lines if line is not None)


def _legend(styles: list[TypeStyle], used: set[str]) -> str:
    items = [
        f'<li><span class="sm-pin" style="background:{s.background};color:{s.foreground}" '
        f'aria-hidden="true">{s.code}</span> {html.escape(s.label)}</li>'
        for s in styles
        if s.key in used
    ]
    items.append(
        '<li><span class="sm-pin sm-pin-group" aria-hidden="true">5</span> '
        '<span data-i18n="mappa.gruppo">Servizi vicini tra loro (il numero dice quanti): '
        "tocca per ingrandire</span></li>"
    )
    items.append(
        '<li><span class="sm-pin sm-pin-multi" aria-hidden="true">2</span> '
        '<span data-i18n="mappa.piu-servizi">Più servizi allo stesso indirizzo '
        "(il numero dice quanti)</span></li>"
    )
    return (
        '<section class="sm-legend" aria-label="Legenda della mappa"><h2 class="sm-legend-title">'
        '<span data-i18n="mappa.legenda">Legenda</span></h2><ul class="sm-legend-list">'
        + "".join(items)
        + "</ul></section>"
    )


def _service_list(
    services: list[Service],
    territory: Territory | None,
    styles: list[TypeStyle],
    type_index: dict[str, int],
    service_url: str,
) -> str:
    """Every service, by comune: the map's text alternative (and its "show on map" buttons)."""
    by_comune: dict[str, list[int]] = defaultdict(list)
    for n, service in enumerate(services):
        by_comune[slugify(service.comune)].append(n)
    order = [slugify(c.name) for c in territory.comuni] if territory else []
    order += sorted(set(by_comune) - set(order))
    parts = ['<div class="sm-map-list">']
    for slug in order:
        members = sorted(by_comune.get(slug, []), key=lambda n: services[n].nome.casefold())
        if not members:
            continue
        comune = html.escape(services[members[0]].comune)
        # A long list is drawn only near the screen, at a height estimated from its services (see
        # servicemap.css); a short one costs nothing to draw and is always exact.
        attrs = ' class="sm-list"'
        if len(members) > LONG_LIST:
            attrs = f' class="sm-list sm-list-long" style="--sm-n:{len(members)}"'
        parts.append(f'<h3 class="sm-list-comune">{comune}</h3><ul{attrs}>')
        parts += [_list_item(services[n], n, styles, type_index, service_url) for n in members]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _list_item(
    service: Service,
    n: int,
    styles: list[TypeStyle],
    type_index: dict[str, int],
    service_url: str,
) -> str:
    esc = html.escape
    href = esc(service_url.replace("{id}", service.id))
    kinds = ", ".join(styles[type_index[t]].label for t in service.tipo if t in type_index)
    extra = ""
    if service.position is None:
        extra = ' <span class="sm-approx">(posizione non disponibile)</span>'
    elif service.position.precision == "comune":
        extra = ' <span class="sm-approx">(posizione approssimativa)</span>'
    index = f' data-i="{n}"' if service.position else ""  # servicemap-map.js adds a button
    return (
        f'<li data-servizio-id="{esc(service.id)}"{index}><a href="{href}">{esc(service.nome)}</a>'
        f' <span class="sm-kind">{esc(kinds)}</span> · '
        f'<span class="sm-address">{esc(service.indirizzo.one_line())}</span>{extra}</li>'
    )

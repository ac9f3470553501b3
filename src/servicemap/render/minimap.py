"""The small map of a service page ("Dove si trova"): the point on its comune's boundary.

Plain Leaflet (copied from ``xstatic`` by ``render.assets``) driven by a script file, never
folium: folium gives elements random ids (builds must be byte-identical) and writes inline
scripts (the pages' Content-Security-Policy allows only hashed ones, and only the theme's).

* The page carries a ``<div class="sm-minimap" role="img" aria-label="Mappa: ...">`` with the
  point, its precision, its comune's slug and its type colour as data attributes; record text
  only reaches it through ``esc``.
* ``confini.js`` (one file for the whole site, cached by the browser) defines
  ``window.SERVICEMAP_CONFINI`` (``{slug: GeoJSON geometry}`` of every comune with a boundary)
  and ``window.SERVICEMAP_MINIMAP`` (tile URL and attribution; no tiles in the offline copy, where
  the boundary is the whole basemap). Written with ``script_json``, in the territory's order.
* ``servicemap-minimap.js`` draws it: not interactive (no dragging, zoom, keyboard or focusable
  control inside the ``role="img"`` element), the attribution as text after the map.
* Leaflet's CSS and JS, the data and the script are loaded by service pages only.
"""

from __future__ import annotations

from importlib import resources

from servicemap.core.model import Service, Territory
from servicemap.core.output import GeneratedFile
from servicemap.core.text import slugify
from servicemap.render.assets import LEAFLET_DIR, OWN_DIR
from servicemap.render.clientdata import script_assignment
from servicemap.render.context import RenderContext
from servicemap.render.html import esc
from servicemap.validate.project import Project

CONFINI_PATH = f"{OWN_DIR}/confini.js"
SCRIPT_PATH = f"{OWN_DIR}/servicemap-minimap.js"
CSS_PATH = f"{OWN_DIR}/servicemap-minimap.css"
_STATIC = ("servicemap-minimap.js", "servicemap-minimap.css")


def minimap_files(territory: Territory | None, project: Project) -> list[GeneratedFile]:
    """``confini.js`` and the minimap's script and styles (``project.tile_url`` "" = no tiles)."""
    package = resources.files("servicemap").joinpath("assets")
    files = [GeneratedFile(CONFINI_PATH, confini_script(territory, project), "static")]
    files += [
        GeneratedFile(f"{OWN_DIR}/{name}", package.joinpath(name).read_bytes(), "static")
        for name in _STATIC
    ]
    return files


def confini_script(territory: Territory | None, project: Project) -> str:
    """``window.SERVICEMAP_CONFINI`` (boundaries by comune slug) and the tile settings."""
    comuni = territory.comuni if territory else []
    boundaries = {slugify(c.name): c.geometry for c in comuni if c.geometry}
    settings = {
        "tiles": project.tile_url,
        "tileAttribution": project.tile_attribution if project.tile_url else "",
        "boundaryAttribution": territory.attribution if territory else "",
    }
    return script_assignment("SERVICEMAP_CONFINI", boundaries) + script_assignment(
        "SERVICEMAP_MINIMAP", settings
    )


def minimap(s: Service, ctx: RenderContext) -> str:
    """The map's ``<div>``: empty, filled by ``servicemap-minimap.js``; "" without a position."""
    pos = s.placed_position
    if pos is None:
        return ""
    comune = ctx.canonical(s.comune)
    key = "minimappa.etichetta-circa" if pos.precision == "comune" else "minimappa.etichetta"
    label = ctx.t(key, nome=s.nome, comune=comune)  # the name as the page shows it
    colours = ctx.type_colours
    colour = colours.get(s.tipo[0], "") if s.tipo else ""
    return (
        f'<div class="sm-minimap" data-lat="{pos.lat:.6f}" data-lon="{pos.lon:.6f}" '
        f'data-precisione="{esc(pos.precision)}" data-comune="{esc(slugify(comune))}" '
        f'data-colore="{esc(colour)}" role="img" aria-label="{esc(label)}"></div>'
    )


def minimap_assets(ctx: RenderContext, src: str) -> str:
    """Leaflet's styles and script, the boundaries and the minimap script, relative to ``src``."""
    href = ctx.site.href
    styles = (f"{LEAFLET_DIR}/leaflet.css", CSS_PATH)
    scripts = (f"{LEAFLET_DIR}/leaflet.js", CONFINI_PATH, SCRIPT_PATH)  # after page_scripts: Common
    return "".join(
        [f'<link rel="stylesheet" href="{esc(href(src, path))}">' for path in styles]
        + [f'<script src="{esc(href(src, path))}"></script>' for path in scripts]
    )

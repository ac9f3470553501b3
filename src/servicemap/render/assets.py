"""Leaflet, the points' clustering and our own scripts and styles, copied into the site.

The site must make no request to any host but the tile server (and the offline copy none at
all), so Leaflet comes from the installed ``xstatic`` package and supercluster (the map's
clustering: at 10,000 points it indexes in tens of milliseconds and draws only the clusters in
view, where Leaflet.markercluster built a marker per point first) from our vendored copy of its
npm package (``scripts/vendor-supercluster.sh``, with its licences), never from a CDN; both
are published under ``assets/vendor/``. Our scripts and CSS are package data in
``servicemap/assets/`` and go to ``assets/servicemap/``. All are ``kind="static"`` files, copied
byte for byte.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet

from servicemap.core.output import GeneratedFile

VENDOR_DIR = "assets/vendor"
OWN_DIR = "assets/servicemap"
# Cerca's records (``render.search``), which La mia lista reads too (``render.mylist``).
SEARCH_DATA_PATH = f"{OWN_DIR}/cerca-servizi.js"
# The helpers every page script shares (ServicemapCommon): loaded before any of them.
COMMON_PATH = f"{OWN_DIR}/servicemap-common.js"
A11Y_CSS_PATH = f"{OWN_DIR}/accessibilita.css"  # every page: the MkDocs adapter adds it
LEAFLET_DIR = f"{VENDOR_DIR}/leaflet"
CLUSTER_DIR = f"{VENDOR_DIR}/supercluster"
CLUSTER_JS = f"{CLUSTER_DIR}/supercluster.min.js"

# Only what the pages load (and the images leaflet.css points to): no source maps.
_LEAFLET_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)
_CLUSTER_FILES = ("supercluster.min.js", "LICENSE", "LICENSE.kdbush")  # vendor/supercluster/
OWN_FILES = (
    "servicemap-common.js",  # COMMON_PATH, on every page
    "servicemap-hours.js",
    "servicemap-map.js",
    "servicemap-match.js",
    "servicemap-search.js",
    "servicemap.css",
    "accessibilita.css",  # on every page (A11Y_CSS_PATH)
)


def vendor_files() -> list[GeneratedFile]:
    """Leaflet, supercluster and our JS/CSS, as static files the map and search pages load.

    Their paths do not depend on the records: ``assets/vendor/leaflet/leaflet.js``,
    ``assets/vendor/supercluster/...`` and ``assets/servicemap/servicemap-*.js``.
    """
    files = [_copy(Path(xs_leaflet.BASE_DIR), name, LEAFLET_DIR) for name in _LEAFLET_FILES]
    package = resources.files("servicemap").joinpath("assets")
    vendored = package.joinpath("vendor", "supercluster")
    files += [
        GeneratedFile(f"{CLUSTER_DIR}/{name}", vendored.joinpath(name).read_bytes(), "static")
        for name in _CLUSTER_FILES
    ]
    files += [
        GeneratedFile(f"{OWN_DIR}/{name}", package.joinpath(name).read_bytes(), "static")
        for name in OWN_FILES
    ]
    return files


def _copy(base: Path, name: str, target: str) -> GeneratedFile:
    return GeneratedFile(f"{target}/{name}", (base / name).read_bytes(), "static")


def page_head(prefix: str = "../", *, leaflet: bool) -> list[str]:
    """The ``<link>`` tags a page needs, relative to a page one folder deep (``mappa/``)."""
    links = []
    if leaflet:
        links.append(f"{prefix}{LEAFLET_DIR}/leaflet.css")
    links.append(f"{prefix}{OWN_DIR}/servicemap.css")
    return [f'<link rel="stylesheet" href="{href}">' for href in links]

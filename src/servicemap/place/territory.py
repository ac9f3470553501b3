"""The territory's comuni and their boundaries, read from the committed ``territorio.geojson``.

The boundaries are made once, by ``servicemap territory``, from public ISTAT/Openpolis data and
committed next to ``services.yaml``: a normal build reads this small file and needs neither the
internet nor the heavy ``territory`` extra. The same boundaries decide whether a position is in
its own comune (a desk placed in the wrong town sends a person to the wrong place) and draw the
comuni on the map.

File shape: a GeoJSON FeatureCollection with one Feature per comune (properties ``name``,
``istat``, ``province``, ``slug``, ``lat``/``lon`` of a representative point that lies inside the
boundary) and a top-level ``attribution`` string (source and licence, shown on the site).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import shapely
from shapely.errors import ShapelyError
from shapely.geometry import Point, mapping, shape
from shapely.geometry.base import BaseGeometry

from servicemap.core.geo import within_border
from servicemap.core.model import Comune, Territory
from servicemap.core.text import slugify
from servicemap.load import safefile
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

COORD_DECIMALS = 5  # about 1 m: more digits only make the file bigger
MAX_BYTES = 50 * 1024 * 1024  # a whole region's simplified comuni are a few MB


def _problem(path: Path, code: str, **fields: object) -> Problem:
    """A problem of the boundaries file (registry: ``data/problemi.yaml``), named by its name."""
    return problem(str(path), 1, 1, code, file=path.name, **fields)


def load_territory(
    path: Path, *, within: Sequence[Path] = ()
) -> tuple[Territory | None, list[Problem]]:
    """Read the committed boundaries; a missing file is a warning (the build still works).

    ``within``: the folders the file may really be in (``safefile``: links, devices, size).
    """
    if not path.is_file() and not path.is_symlink():
        return None, [_problem(path, "territory-missing")]
    raw, refused = safefile.read_bytes(path, str(path), max_bytes=MAX_BYTES, within=within)
    if raw is None:
        return None, refused
    try:
        data = json.loads(raw.decode("utf-8"))
        return _parse(data), []
    except (OSError, ValueError, TypeError, AttributeError, ShapelyError) as exc:
        return None, [_problem(path, "territory-invalid", detail=str(exc)[:200])]


def _parse(data: object) -> Territory:
    """Turn the FeatureCollection into a ``Territory``; ValueError names what is wrong."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ValueError("non è una FeatureCollection GeoJSON")
    comuni = []
    for n, feature in enumerate(data.get("features") or [], start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        name = str(props.get("name") or "").strip() if isinstance(props, dict) else ""
        if not name:
            raise ValueError(f"il comune n. {n} non ha la proprietà `name`")
        geometry = feature.get("geometry")
        if geometry is not None and (
            not isinstance(geometry, dict)
            or geometry.get("type") not in ("Polygon", "MultiPolygon")
        ):
            raise ValueError(f"{name}: il confine deve essere un Polygon o MultiPolygon")
        if geometry is not None and not shape(geometry).is_valid:
            raise ValueError(f"{name}: il confine non è un poligono valido")
        if geometry is not None:
            geometry = rfc7946(geometry)
        comuni.append(
            Comune(
                name=name,
                slug=str(props.get("slug") or slugify(name)),
                istat=str(props.get("istat") or ""),
                province=str(props.get("province") or ""),
                point=_point(props, geometry),
                geometry=geometry,
            )
        )
    return Territory(
        name=str(data.get("name") or ""),
        comuni=comuni,
        attribution=str(data.get("attribution") or ""),
    )


def _point(props: dict, geometry: dict | None) -> tuple[float, float] | None:
    """The stored representative point, or one computed now (always inside the boundary)."""
    try:
        return float(props["lat"]), float(props["lon"])
    except (KeyError, TypeError, ValueError):
        pass
    if geometry is None:
        return None
    p = inside_point(shape(geometry))
    return round(p.y, COORD_DECIMALS), round(p.x, COORD_DECIMALS)


def rfc7946(geometry: dict) -> dict:
    """The boundary wound as RFC 7946 §3.1.6 asks: exterior rings counterclockwise, holes
    clockwise. Files made before the rule (or by hand) are fixed on load, so every boundary the
    site ships (the map, ``confini.js``) follows it whatever the committed file says."""
    oriented = shapely.orient_polygons(shape(geometry), exterior_cw=False)
    return _rounded(mapping(oriented))


def inside_point(geom: BaseGeometry) -> Point:
    """The centroid when it is inside the boundary (closest to the town centre), otherwise
    shapely's representative point, which always is: an approximate marker must never fall in
    the next comune."""
    centroid = geom.centroid
    return centroid if geom.contains(centroid) else geom.representative_point()


def merge(
    terr: Territory | None, name: str, comuni: list[str], neighbours: list[str] | None = None
) -> Territory:
    """The territory of ``services.yaml`` (its name and comuni) with the boundaries we know.

    The comuni listed in ``services.yaml`` come first, in its order and spelling; a comune without
    a boundary still exists (no point, no geometry). Comuni of the boundary file that the list
    does not name (neighbouring comuni where a member of the network sits) follow, so their
    records can still be placed.

    ``neighbours`` (``comuni_limitrofi``) and those unnamed comuni are marked ``neighbour``: the
    map draws them but fits its first view to the territory's own comuni (Milano next to a small
    district would otherwise fill the screen). With no own comune named, none is a neighbour.
    """
    known = {slugify(c.name): c for c in terr.comuni} if terr else {}
    outside = {slugify(n) for n in neighbours or []}
    own = {slugify(n) for n in comuni} - outside
    merged: list[Comune] = []
    seen: set[str] = set()
    for comune_name in comuni:
        slug = slugify(comune_name)
        if slug in seen:
            continue
        seen.add(slug)
        found = known.get(slug)
        merged.append(
            Comune(
                name=comune_name,
                slug=found.slug if found else slug,
                istat=found.istat if found else "",
                province=found.province if found else "",
                point=found.point if found else None,
                geometry=found.geometry if found else None,
                neighbour=bool(own) and slug in outside,
            )
        )
    merged += [replace(c, neighbour=bool(own)) for slug, c in known.items() if slug not in seen]
    return Territory(
        name=name or (terr.name if terr else ""),
        comuni=merged,
        attribution=terr.attribution if terr else "",
    )


@dataclass
class Boundaries:
    """Point-in-polygon tests against the comuni of a territory, shapes built once."""

    shapes: dict[str, BaseGeometry]
    names: dict[str, str] = field(default_factory=dict)  # slug -> the comune's name as written

    @classmethod
    def of(cls, territory: Territory) -> Boundaries:
        shapes, names = {}, {}
        for comune in territory.comuni:
            if comune.geometry:
                geom = shape(comune.geometry)
                shapely.prepare(geom)
                shapes[slugify(comune.name)] = geom
                names[slugify(comune.name)] = comune.name
        return cls(shapes, names)

    def has(self, comune: str) -> bool:
        return slugify(comune) in self.shapes

    def contains(self, comune: str, lat: float, lon: float) -> bool | None:
        """Whether (lat, lon) lies in ``comune`` (None when its boundary is unknown)."""
        geom = self.shapes.get(slugify(comune))
        if geom is None:
            return None
        return within_border(geom, lat, lon)  # the tolerance for a desk on the border

    def which(self, lat: float, lon: float) -> str | None:
        """The slug of the comune that contains (lat, lon), for messages."""
        point = Point(lon, lat)
        return next((slug for slug, g in self.shapes.items() if g.contains(point)), None)

    def name_at(self, lat: float, lon: float) -> str | None:
        """The name of the comune that contains (lat, lon), None outside every known boundary."""
        slug = self.which(lat, lon)
        return self.names.get(slug, slug) if slug else None

    def bbox(self, comune: str | None = None) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) of one comune, or of the whole territory."""
        geoms = [self.shapes[slugify(comune)]] if comune and self.has(comune) else []
        geoms = geoms or list(self.shapes.values())
        if not geoms:
            return None
        west, south, east, north = shapely.union_all(geoms).bounds
        return south, west, north, east


def make_feature(name: str, istat: str, province: str, boundary: BaseGeometry, tolerance: float):
    """One comune as a small GeoJSON Feature: simplified, rounded, with an inside point.

    Rounding goes through ``set_precision`` (which keeps the polygon valid) and the
    representative point is computed on the *final* shape, so it is inside what the site draws.
    """
    small = boundary.simplify(tolerance, preserve_topology=True)
    small = shapely.set_precision(small, 10**-COORD_DECIMALS)
    small = shapely.orient_polygons(small, exterior_cw=False)  # RFC 7946 §3.1.6
    point = inside_point(small)
    return {
        "type": "Feature",
        "properties": {
            "name": name,
            "istat": istat,
            "province": province,
            "slug": slugify(name),
            "lat": round(point.y, COORD_DECIMALS),
            "lon": round(point.x, COORD_DECIMALS),
        },
        "geometry": _rounded(mapping(small)),
    }


def _rounded(value):
    """Coordinates rounded for the file (set_precision leaves float noise like 9.3200000001)."""
    if isinstance(value, float):
        return round(value, COORD_DECIMALS)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def feature_collection(name: str, features: list[dict], attribution: str, **meta: str) -> dict:
    """The whole file: features plus the source and licence the site must show."""
    return {
        "type": "FeatureCollection",
        "name": name,
        "attribution": attribution,
        **meta,
        "features": features,
    }


def write_geojson(path: Path, collection: dict) -> None:
    """One feature per line: small diffs when a boundary changes, still valid JSON."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    text += ',\n "features": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)

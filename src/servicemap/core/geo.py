"""Is a point where the territory is? Point-in-polygon against the comuni boundaries.

Volunteers copy coordinates from a map and often paste them the wrong way round (9.32, 45.49):
a point that falls outside but whose swap falls inside is reported as swapped, with the fix.
Without boundaries (a territory not yet downloaded) the check falls back to Italy's bounding box,
which still catches swapped pairs and points in the sea off Africa.
"""

from __future__ import annotations

from typing import Literal

from shapely import prepared
from shapely.geometry import Point, shape
from shapely.ops import unary_union

from servicemap.core.model import Territory

Verdict = Literal["inside", "outside", "swapped"]
ITALY = (35.2, 47.2, 6.5, 18.6)  # lat min, lat max, lon min, lon max
TOLERANCE = 0.01  # degrees (about 1 km): boundaries are simplified, addresses sit on the edge


class GeoCheck:
    """Built once per document: the union of the territory's comuni, prepared for fast tests."""

    def __init__(self, territory: Territory | None):
        shapes = []
        for comune in territory.comuni if territory else []:
            if comune.geometry:
                try:
                    shapes.append(shape(comune.geometry))
                except (ValueError, TypeError, KeyError, AttributeError):
                    continue  # a broken boundary is the territory loader's problem to report
        self.area = prepared.prep(unary_union(shapes).buffer(TOLERANCE)) if shapes else None

    def judge(self, point: tuple[float, float]) -> Verdict:
        """``inside``, ``outside`` or ``swapped`` for a (lat, lon) pair."""
        lat, lon = point
        if self._inside(lat, lon):
            return "inside"
        return "swapped" if self._inside(lon, lat) else "outside"

    def _inside(self, lat: float, lon: float) -> bool:
        if self.area is not None:
            return bool(self.area.contains(Point(lon, lat)))
        lat_min, lat_max, lon_min, lon_max = ITALY
        return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max

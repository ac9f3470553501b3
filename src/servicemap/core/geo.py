"""Is a point where the territory is? Point-in-polygon against the comuni boundaries.

Volunteers copy coordinates from a map and often paste them the wrong way round (9.32, 45.49):
a point that falls outside but whose swap falls inside is reported as swapped, with the fix.
Without boundaries (a territory not yet downloaded) the check falls back to Italy's bounding box,
which still catches swapped pairs and points in the sea off Africa.
"""

from __future__ import annotations

from typing import Literal

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from servicemap.core.model import Territory

Verdict = Literal["inside", "outside", "swapped"]
ITALY = (35.2, 47.2, 6.5, 18.6)  # lat min, lat max, lon min, lon max
BORDER_TOLERANCE_DEG = 0.002  # about 150-220 m here: see ``within_border``


def within_border(area: BaseGeometry, lat: float, lon: float) -> bool:
    """Whether (lat, lon) lies in ``area`` or at most ``BORDER_TOLERANCE_DEG`` outside its edge.

    The one point-in-polygon rule of the project: validation (is the point in the territory?)
    and placement (is it in its own comune?) both ask it, so a volunteer's pin is accepted or
    refused the same way by both. Why 0.002° (150-220 m at Italian latitudes): ISTAT's
    generalised limits, and our simplification of them (``territory --tolerance``, 10 m), can
    put the drawn border a couple of hundred metres from the real one, so a desk on the border
    of its comune is not refused for it; a geocoder's mistake (the same street in another town)
    or a mistyped digit lands kilometres away, far beyond it. ``area`` should be prepared
    (``shapely.prepare``) when it is asked many times.
    """
    return bool(shapely.dwithin(area, Point(lon, lat), BORDER_TOLERANCE_DEG))


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
        self.area = shapely.union_all(shapes) if shapes else None
        if self.area is not None:
            shapely.prepare(self.area)

    def judge(self, point: tuple[float, float]) -> Verdict:
        """``inside``, ``outside`` or ``swapped`` for a (lat, lon) pair."""
        lat, lon = point
        if self._inside(lat, lon):
            return "inside"
        return "swapped" if self._inside(lon, lat) else "outside"

    def _inside(self, lat: float, lon: float) -> bool:
        if self.area is not None:
            return within_border(self.area, lat, lon)
        lat_min, lat_max, lon_min, lon_max = ITALY
        return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max

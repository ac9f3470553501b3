"""What a geocoder's answer is worth: well formed or not, and how precise.

``check_nominatim``/``check_photon`` run on the parsed JSON before geopy builds a ``Location``
(``geocode_http.BoundedAdapter`` calls them), because geopy trusts the service: a missing ``lat``
becomes the point (0, 0), a longitude of 200 silently wraps to -160, ``"nan"`` or a list raise
bare ``ValueError``/``TypeError``. Here each becomes a ``GeocoderParseError`` naming the field in
Italian, so that address fails (and is asked again next run) while the others go on.

``precision`` reads what the service says it matched: Nominatim's ``addresstype``, ``class``,
``type`` and ``place_rank`` (26-27 a street, 28-30 a house, a building or a point of interest,
13-16 a comune, less a wider area, in between a town, a village or a quarter), Photon's ``type``,
then the address details as a last resort. A point of a whole comune or a quarter is refused:
the map already has the comune's own point, and a wrong "precise" marker is worse than an honest
approximate one.
"""

from __future__ import annotations

import math
import re

from geopy import exc as gexc

CIVICO = "civico"  # the house number (or the building, or the office itself) was matched
VIA = "via"  # only the street

_HOUSE = frozenset({"house", "building", "house_number"})
_STREET = frozenset({"road", "street", "square"})  # a piazza is addressed like a street
_COMUNE = frozenset({"city", "town", "village", "municipality"})
_WIDER = frozenset({"county", "state", "region", "province", "country", "continent"})
_ZONE = frozenset(
    {"suburb", "quarter", "neighbourhood", "city_district", "district", "hamlet", "locality"}
    | {"isolated_dwelling", "farm", "croft", "allotments", "postcode"}
)
TOWN_ONLY = "trovato solo il comune, non la via"
WIDER_ONLY = "trovata solo un'area più ampia del comune, non la via"
ZONE_ONLY = "trovata solo una zona del comune (frazione, quartiere o località), non la via"
VAGUE = "trovato solo il comune o la zona"
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def precision(raw: dict) -> tuple[str | None, str]:
    """(``civico`` or ``via``, "") for a usable match, else (None, why it is too vague)."""
    props = raw.get("properties")
    details = props if isinstance(props, dict) else raw  # Photon nests everything there
    for kind in (details.get("addresstype"), details.get("type")):
        verdict = _by_kind(kind)
        if verdict is not None:
            return verdict
    if raw.get("class") == "building" or (raw.get("class"), raw.get("type")) == ("place", "house"):
        return CIVICO, ""
    if raw.get("class") == "highway":
        return VIA, ""
    rank = _rank(raw.get("place_rank"))
    if rank is not None:
        if rank >= 28:
            return CIVICO, ""
        if rank >= 26:
            return VIA, ""
        if rank >= 17:  # a town, a village or a quarter: Nominatim's ranks overlap here
            return None, VAGUE
        return None, (TOWN_ONLY if rank >= 13 else WIDER_ONLY)
    address = raw.get("address") if isinstance(raw.get("address"), dict) else details
    if address.get("house_number") or address.get("housenumber"):
        return CIVICO, ""
    if address.get("road") or address.get("street"):
        return VIA, ""
    return None, VAGUE


def _by_kind(kind: object) -> tuple[str | None, str] | None:
    if not isinstance(kind, str):
        return None
    kind = kind.lower()
    if kind in _HOUSE:
        return CIVICO, ""
    if kind in _STREET:
        return VIA, ""
    if kind in _COMUNE:
        return None, TOWN_ONLY
    if kind in _WIDER:
        return None, WIDER_ONLY
    if kind in _ZONE:
        return None, ZONE_ONLY
    return None  # "place", "amenity", "yes", "residential"...: the rank and class decide


def _rank(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


# --- the shape of a reply ------------------------------------------------------------------------


def check_nominatim(data: object) -> None:
    """Nominatim's ``format=json``: a list of places (or ``{"error": ...}``: geopy reports it)."""
    if isinstance(data, dict) and "error" in data:
        return
    if not isinstance(data, list):
        raise _bad("non è un elenco di risultati")
    for place in data:
        if not isinstance(place, dict):
            raise _bad("un risultato non è un oggetto JSON")
        _coordinate(place.get("lat"), "la latitudine (`lat`)", 90)
        _coordinate(place.get("lon"), "la longitudine (`lon`)", 180)
        _texts(place, ("display_name", "type", "addresstype", "class"))
        if "place_rank" in place and _rank(place["place_rank"]) is None:
            raise _bad("`place_rank` non è un numero intero")
        address = place.get("address")
        if address is not None and not (
            isinstance(address, dict) and all(isinstance(v, str) for v in address.values())
        ):
            raise _bad("`address` non è un elenco di campi di testo")


def check_photon(data: object) -> None:
    """Photon's GeoJSON: a FeatureCollection of points with text properties."""
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise _bad("non è una FeatureCollection GeoJSON")
    for feature in features:
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(coords, list) or len(coords) != 2 or not isinstance(props, dict):
            raise _bad("un risultato non ha `geometry.coordinates` [lon, lat] e `properties`")
        _coordinate(coords[0], "la longitudine", 180)
        _coordinate(coords[1], "la latitudine", 90)
        _texts(props, ("name", "housenumber", "street", "postcode", "city", "state", "country"))
        _texts(props, ("type",))


def _coordinate(value: object, label: str, limit: float) -> None:
    if value is None:
        raise _bad(f"manca {label}")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _bad(f"{label} non è un numero")
    if isinstance(value, str) and not _NUMBER.fullmatch(value.strip()):
        raise _bad(f"{label} «{printable(value)}» non è un numero")
    number = float(value)
    if not math.isfinite(number):
        raise _bad(f"{label} «{printable(value)}» non è un numero finito")
    if abs(number) > limit:
        raise _bad(f"{label} {number:g} è fuori dall'intervallo tra -{limit:g} e {limit:g}")


def _texts(mapping: dict, names: tuple[str, ...]) -> None:
    for name in names:
        if mapping.get(name) is not None and not isinstance(mapping[name], str):
            raise _bad(f"`{name}` non è un testo")


def _bad(detail: str) -> gexc.GeocoderParseError:
    return gexc.GeocoderParseError(detail)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object, limit: int = 60) -> str:
    """A service's text as it may appear in a terminal: no escapes, no controls, short."""
    clean = _UNPRINTABLE.sub("?", str(text))
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"

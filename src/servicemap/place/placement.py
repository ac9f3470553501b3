"""Give every record a position and say how precise it is. Never uses the network.

The order of trust: the ``posizione`` written in the record (``manuale``), then the committed
geocoding cache for its address (``indirizzo``), then the representative point of its comune
(``comune``, shown to the citizen as "posizione approssimativa"). A record is never dropped: at
worst it sits on its comune with a warning that says how to place it better.

A manual or cached position outside the record's own comune is an error: a desk drawn in the
wrong town sends a person in difficulty to the wrong place.
"""

from __future__ import annotations

from servicemap.core.model import Position, Service, Territory
from servicemap.place.geocache import GeoCache, address_key
from servicemap.place.territory import Boundaries
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

_FIX_MANUAL = "controlla le coordinate (latitudine e longitudine) o il comune dell'indirizzo"
_FIX_CACHE = (
    "il geocodificatore ha sbagliato: cancella la voce «{cache_key}» da geocache.yaml, oppure "
    "scrivi `posizione: {{lat: ..., lon: ...}}` nella scheda"
)
_WHY_NO_STREET = "manca `indirizzo.via`; aggiungi la via o scrivi `posizione:`"
_WHY_NOT_ASKED = "l'indirizzo non è ancora geocodificato; esegui `servicemap geocode`"
_WHY_REFUSED = (
    "il geocodificatore non ha trovato l'indirizzo ({reason}); controlla la via o scrivi "
    "`posizione: {{lat: ..., lon: ...}}`"
)


def _problem(service: Service, file: str, code: str, *, key: str = "", **fields: object) -> Problem:
    """The record's problem (registry: ``data/problemi.yaml``), at the line of its ``- id:``."""
    return problem(
        file, service.line, 1, code, key=key, id=service.id, comune=service.comune, **fields
    )


def place_services(
    services: list[Service], territory: Territory, cache: GeoCache, *, file: str
) -> list[Problem]:
    """Set ``placed_position`` on every record; return the problems (cache ones included)."""
    boundaries = Boundaries.of(territory)
    problems = list(cache.problems)
    for service in services:
        problems += _place(service, territory, boundaries, cache, file)
    return problems


def _place(
    service: Service, territory: Territory, boundaries: Boundaries, cache: GeoCache, file: str
) -> list[Problem]:
    if service.written_position is not None:
        lat, lon = service.written_position
        position = Position(lat, lon, "manuale", "scheda")
        return _check(service, position, boundaries, file, "posizione", _FIX_MANUAL, territory)
    entry = cache.lookup(service.indirizzo)
    if entry is not None:
        assert entry.lat is not None and entry.lon is not None
        source = f"{entry.provider}: {entry.display_name}".strip(": ")
        position = Position(entry.lat, entry.lon, "indirizzo", source)
        fix = _FIX_CACHE.format(cache_key=address_key(service.indirizzo))
        return _check(service, position, boundaries, file, "indirizzo", fix, territory)
    return _on_comune(service, territory, cache, file)


def _check(
    service: Service,
    position: Position,
    boundaries: Boundaries,
    file: str,
    key: str,
    fix: str,
    territory: Territory,
) -> list[Problem]:
    """Keep a precise position when it is in the record's comune; else an error, on the comune."""
    inside = boundaries.contains(service.comune, position.lat, position.lon)
    if inside is not False:  # inside, or no boundary to check against
        service.placed_position = position
        return []
    other = boundaries.which(position.lat, position.lon)
    names = {c.slug: c.name for c in territory.comuni}
    where = f" (è nel comune di {names.get(other, other)})" if other else ""
    refused = _problem(
        service,
        file,
        "outside-comune",
        key=key,
        lat=position.lat,
        lon=position.lon,
        where=where,
        fix=fix,
    )
    comune = territory.find(service.comune)
    if comune is not None and comune.point is not None:
        service.placed_position = Position(*comune.point, "comune", "comune")
    return [refused]


def _on_comune(service: Service, territory: Territory, cache: GeoCache, file: str) -> list[Problem]:
    """The approximate fallback: the comune's representative point, and a warning saying why."""
    comune = territory.find(service.comune)
    if comune is None or comune.point is None:
        return [_problem(service, file, "not-placed", key="indirizzo.comune")]
    service.placed_position = Position(comune.point[0], comune.point[1], "comune", "comune")
    entry = cache.get(service.indirizzo)
    if address_key(service.indirizzo) is None:
        why = _WHY_NO_STREET
    elif entry is None:
        why = _WHY_NOT_ASKED
    else:
        why = _WHY_REFUSED.format(reason=entry.reason or "risposta scartata")
    return [_problem(service, file, "placed-on-comune", key="indirizzo", why=why)]

"""Fill the geocoding cache over the network: the only stage that talks to a geocoder.

Usage policy, in code: Nominatim's public service allows one request per second from an
application that names itself (user agent), so every request, retries included, waits for
``min_delay`` after the previous one (never less than one second towards
nominatim.openstreetmap.org, however its address is spelt: ``geocode_http.endpoint``). A
timeout, HTTP 429 (its ``Retry-After`` honoured) or 5xx is retried with exponential backoff;
401/402/403 stop the run (the service refuses us: asking again would only make it worse).
geopy's ``RateLimiter`` is not used: by default it has no delay and turns every error into
``None``, which looks exactly like "address not found".

A result is refused, not cached as good, when it lies outside the record's comune (checked first,
naming the comune it fell in) or only names the town or a quarter (``geocode_reply.precision``). A
broken or hostile reply (NaN, out-of-range or missing coordinates, wrong types, not JSON, nested
100,000 levels, a huge body) fails that address only. A failure never loses a record (it stays
placed on its comune) and never stops the others; failures are not cached, so the next run asks
again and the cache keeps what it held.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from geopy import exc as gexc
from geopy.adapters import AdapterHTTPError
from geopy.geocoders import Nominatim, Photon
from geopy.location import Location

from servicemap import __version__
from servicemap.core.model import Address, Service
from servicemap.place import geocode_http
from servicemap.place.geocache import FOUND, REFUSED, CacheEntry, GeoCache, address_key
from servicemap.place.geocode_reply import precision, printable
from servicemap.place.territory import Boundaries

PROVIDERS = ("nominatim", "photon")
PUBLIC_NOMINATIM = geocode_http.PUBLIC_NOMINATIM
DEFAULT_USER_AGENT = f"servicemap/{__version__} (mappa dei servizi sociali del territorio)"
VIEWBOX_PADDING_DEG = 0.01  # about 1 km around the comune: a desk on its border is still found
FLUSH_EVERY = 20  # save the cache every N answers, so an interruption keeps the work done

FAILED = "failed"


@dataclass
class Settings:
    """How to talk to the provider (the CLI options, with the policy's defaults)."""

    provider: str = "nominatim"
    url: str = ""  # e.g. http://127.0.0.1:8080 for any Nominatim-compatible service
    user_agent: str = DEFAULT_USER_AGENT
    min_delay: float = 1.0  # seconds between two requests
    timeout: float = 10.0  # seconds to wait for one answer
    retries: int = 3  # further attempts after a timeout, 429 or 5xx
    backoff: float = 2.0  # first wait before a retry; doubled each time
    max_wait: float = 300.0  # a Retry-After longer than this counts as a failure

    def effective_delay(self) -> float:
        """The public Nominatim gets at least one second, whatever the option or its spelling."""
        if geocode_http.endpoint(self.url, self.provider).host == PUBLIC_NOMINATIM:
            return max(1.0, self.min_delay)
        return self.min_delay

    def host(self) -> str:
        """The service's host (and port), as the rate limit and the geocoder both see it."""
        return geocode_http.endpoint(self.url, self.provider).netloc


@dataclass
class Query:
    """One address to ask for, and the records that share it (asked once for all of them)."""

    key: str
    address: Address
    services: list[Service] = field(default_factory=list)

    def structured(self) -> dict[str, str]:
        """Nominatim's structured query: street, postal code, city, country."""
        fields = {
            "street": self.address.via,
            "postalcode": self.address.cap,
            "city": self.address.comune,
            "country": "Italia",
        }
        return {k: v for k, v in fields.items() if v}

    def free_text(self) -> str:
        return f"{self.address.via}, {self.address.cap} {self.address.comune}, Italia".replace(
            " ,", ","
        )

    def records(self) -> str:
        return ", ".join(f"{s.id} (riga {s.line})" for s in self.services)


@dataclass
class Outcome:
    query: Query
    status: str  # found | refused | failed
    detail: str = ""


class Fatal(Exception):
    """The service refuses every request (ban, quota, credentials): stop asking."""


def pending(
    services: Iterable[Service], cache: GeoCache, *, retry_refused: bool = False
) -> list[Query]:
    """The addresses that still need an answer, each once, in the order of the file."""
    queries: dict[str, Query] = {}
    for service in services:
        if service.written_position is not None:
            continue
        key = address_key(service.indirizzo)
        if key is None:
            continue
        entry = cache.entries.get(key)
        if entry is not None and (entry.status == FOUND or not retry_refused):
            continue
        queries.setdefault(key, Query(key, service.indirizzo)).services.append(service)
    return list(queries.values())


def make_geocoder(settings: Settings) -> Nominatim | Photon:
    """A geopy geocoder for the provider, pointed at ``settings.url`` when given."""
    return geocode_http.make_geocoder(
        settings.provider, settings.url, user_agent=settings.user_agent, timeout=settings.timeout
    )


def describe(query: Query, settings: Settings, boundaries: Boundaries) -> str:
    """What ``--dry-run`` prints: the request that would be sent, and for which records."""
    if settings.provider == "nominatim":
        asked = ", ".join(f"{k}={v}" for k, v in query.structured().items())
    else:
        asked = f"q={query.free_text()}"
    box = _viewbox(query, boundaries)
    area = (
        f"; area {box[0][0]:.4f},{box[0][1]:.4f} - {box[1][0]:.4f},{box[1][1]:.4f}" if box else ""
    )
    return f"{asked}{area} (schede: {query.records()})"


def _viewbox(query: Query, boundaries: Boundaries):
    bbox = boundaries.bbox(query.address.comune)
    if bbox is None:
        return None
    south, west, north, east = bbox
    pad = VIEWBOX_PADDING_DEG
    return [(south - pad, west - pad), (north + pad, east + pad)]


class Throttle:
    """At most one request every ``delay`` seconds, measured from the start of the previous one."""

    def __init__(
        self,
        delay: float,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.delay = delay
        self.sleep = sleep
        self.clock = clock
        self.last: float | None = None

    def wait(self) -> None:
        if self.last is not None:
            remaining = self.last + self.delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last = self.clock()


def ask(geocoder, query: Query, settings: Settings, boundaries: Boundaries, throttle: Throttle):
    """One request with retries: a Location, None (nothing found), or an exception's message."""
    wait = settings.backoff
    for attempt in range(settings.retries + 1):
        throttle.wait()
        try:
            return _request(geocoder, query, settings, boundaries), ""
        except gexc.GeocoderRateLimited as exc:
            pause = exc.retry_after if exc.retry_after is not None else wait
            if pause > settings.max_wait:
                return None, f"il servizio chiede di aspettare {pause:.0f} secondi (HTTP 429)"
            error = "troppe richieste (HTTP 429)"
        except (
            gexc.GeocoderAuthenticationFailure,
            gexc.GeocoderInsufficientPrivileges,
            gexc.GeocoderQuotaExceeded,
        ) as exc:
            raise Fatal(f"il servizio rifiuta le richieste ({exc})") from exc
        except gexc.GeocoderTimedOut as exc:
            pause, error = wait, _timeout_message(exc, settings)
        except gexc.GeocoderUnavailable:
            pause, error = wait, f"servizio non raggiungibile ({settings.host()})"
        except gexc.GeocoderParseError as exc:
            return None, f"risposta del servizio non valida: {_short(exc)}"
        except gexc.GeopyError as exc:
            if not _server_error(exc):
                return None, f"richiesta rifiutata ({_short(exc)})"
            pause, error = wait, f"errore del servizio ({_short(exc)})"
        if attempt < settings.retries:
            throttle.sleep(pause)
            wait *= 2
    return None, f"{error}, dopo {settings.retries + 1} tentativi"


def _request(geocoder, query: Query, settings: Settings, boundaries: Boundaries) -> Location | None:
    """The request; a reply geopy cannot turn into a Location is a parse error, never a crash."""
    try:
        return _geocode(geocoder, query, settings, boundaries)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        raise gexc.GeocoderParseError(f"forma inattesa: {type(exc).__name__}") from exc


def _geocode(geocoder, query: Query, settings: Settings, boundaries: Boundaries) -> Location | None:
    box = _viewbox(query, boundaries)
    if settings.provider == "nominatim":
        return geocoder.geocode(
            query.structured(),
            exactly_one=True,
            addressdetails=True,
            country_codes="it",
            viewbox=box,
            bounded=bool(box),
            language="it",
        )
    return geocoder.geocode(query.free_text(), exactly_one=True, bbox=box)


def _timeout_message(exc: Exception, settings: Settings) -> str:
    cause = exc.__cause__
    if isinstance(cause, AdapterHTTPError):  # 503/504/408: the service says it is busy
        return f"servizio occupato (HTTP {cause.status_code})"
    return f"nessuna risposta entro {settings.timeout:g} secondi"


def _server_error(exc: Exception) -> bool:
    cause = exc.__cause__
    return isinstance(cause, AdapterHTTPError) and cause.status_code >= 500


def _short(exc: Exception) -> str:
    """The first line of an error, safe for a terminal (a service's text can hold escapes)."""
    return printable((str(exc).splitlines() or [type(exc).__name__])[0], 160)


def judge(
    location: Location | None, query: Query, boundaries: Boundaries, provider: str, today: str
) -> CacheEntry:
    """The cache entry for an answer: found, or refused with the reason a volunteer can act on.

    Where the point is comes first: a Via Roma found in Palermo is "outside the comune", not
    "only the town", whatever its precision.
    """
    if location is None:
        return CacheEntry(REFUSED, provider, today, reason="indirizzo non trovato")
    lat, lon = round(location.latitude, 7), round(location.longitude, 7)
    base = {"lat": lat, "lon": lon, "display_name": location.address or ""}
    comune = query.address.comune
    if boundaries.contains(comune, lat, lon) is False:
        where = boundaries.name_at(lat, lon)
        if where:
            found = f"nel comune di {where}"
        else:  # the name the service gave says where (Palermo...) better than coordinates
            found = f"fuori dal territorio della mappa, «{printable(base['display_name'])}»"
        reason = f"il risultato è fuori dal comune di {comune}: è {found}"
        return CacheEntry(REFUSED, provider, today, reason=reason, **base)
    matched, vague = precision(location.raw if isinstance(location.raw, dict) else {})
    if matched is None:
        return CacheEntry(REFUSED, provider, today, reason=vague, **base)
    return CacheEntry(FOUND, provider, today, precision=matched, **base)


def run(
    queries: list[Query],
    geocoder,
    boundaries: Boundaries,
    cache: GeoCache,
    settings: Settings,
    *,
    progress: Callable[[Outcome], None] | None = None,
    today: dt.date | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> list[Outcome]:
    """Ask for every query, record found/refused answers in the cache, save it along the way.

    ``sleep`` and ``clock`` are the rate limit's (a test replaces them to observe the pauses).
    """
    day = (today or dt.date.today()).isoformat()
    throttle = Throttle(settings.effective_delay(), sleep, clock)
    outcomes: list[Outcome] = []
    stopped = ""
    try:
        for n, query in enumerate(queries, start=1):
            outcome = _one(geocoder, query, boundaries, cache, settings, throttle, day, stopped)
            stopped = stopped or (outcome.detail if outcome.status == "fatal" else "")
            if outcome.status == "fatal":
                outcome.status = FAILED
            outcomes.append(outcome)
            if progress:
                progress(outcome)
            if n % FLUSH_EVERY == 0:
                cache.save()
    finally:
        cache.save()
    return outcomes


def _one(geocoder, query, boundaries, cache, settings, throttle, day, stopped) -> Outcome:
    if stopped:
        return Outcome(query, FAILED, f"non chiesto: {stopped}")
    try:
        location, error = ask(geocoder, query, settings, boundaries, throttle)
    except Fatal as exc:
        return Outcome(query, "fatal", str(exc))
    if error:
        return Outcome(query, FAILED, error)
    entry = judge(location, query, boundaries, settings.provider, day)
    cache.put(query.key, entry)
    return Outcome(query, entry.status, entry.reason or entry.display_name)


def summary(outcomes: list[Outcome]) -> str:
    """The Italian report printed at the end: counts, then what to do for each problem."""
    count = {s: sum(o.status == s for o in outcomes) for s in (FOUND, REFUSED, FAILED)}
    lines = [
        f"Geocodifica: {count[FOUND]} trovati, {count[REFUSED]} rifiutati, {count[FAILED]} falliti "
        f"(su {len(outcomes)} indirizzi)."
    ]
    for o in outcomes:
        if o.status == REFUSED:
            lines.append(
                f"  rifiutato: {o.query.address.one_line()}: {o.detail} — {o.query.records()}"
            )
    for o in outcomes:
        if o.status == FAILED:
            lines.append(
                f"  fallito: {o.query.address.one_line()}: {o.detail} — {o.query.records()}"
            )
    if count[REFUSED]:
        lines.append(
            "Le schede rifiutate restano al centro del comune: controlla la via o scrivi "
            "`posizione: {lat: ..., lon: ...}` nella scheda."
        )
    if count[FAILED]:
        lines.append(
            "Gli indirizzi falliti non sono in cache: rilancia `servicemap geocode` più tardi."
        )
    return "\n".join(lines)

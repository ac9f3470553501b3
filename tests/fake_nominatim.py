"""A real HTTP server on 127.0.0.1 that speaks Nominatim's ``/search`` API, scripted per test.

geopy talks to it over real HTTP (``Nominatim(domain="127.0.0.1:PORT", scheme="http")``), so the
tests exercise the same code paths as the public service: status codes, headers, timeouts,
malformed bodies. Every request is recorded with its arrival time, to check the rate limit.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    """One scripted answer: a status, a body (JSON-serialised unless already text), a delay."""

    status: int = 200
    body: object = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0  # seconds between two bytes of the body (a server that sends slowly)
    missing: int = 0  # bytes announced in Content-Length but never sent (a reply cut short)


@dataclass
class Request:
    at: float  # time.monotonic() on arrival
    path: str
    params: dict[str, str]
    user_agent: str


# What the real service sends for each kind of match: (class, type, addresstype, place_rank).
KINDS = {
    "house": ("place", "house", "place", 30),  # an address point (interpolated or a node)
    "building": ("building", "yes", "building", 30),
    "amenity": ("amenity", "social_facility", "amenity", 30),  # the office itself, a POI
    "road": ("highway", "residential", "road", 26),
    "suburb": ("place", "suburb", "suburb", 19),
    "village": ("place", "village", "village", 19),
    "town": ("boundary", "administrative", "town", 16),
    "city": ("boundary", "administrative", "city", 16),
    "municipality": ("boundary", "administrative", "municipality", 14),
    "state": ("boundary", "administrative", "state", 8),
}
OMIT = object()  # a field the reply leaves out


def result(
    lat: float,
    lon: float,
    name: str,
    *,
    house_number: str = "1",
    road: str = "Via Roma",
    city: str = "Pioltello",
    kind: str = "house",
    osm_class: object = None,
    osm_type: object = None,
    addresstype: object = None,
    place_rank: object = None,
) -> dict:
    """A Nominatim ``format=json`` result with ``addressdetails``, as the real service sends.

    ``kind`` picks realistic ``class``/``type``/``addresstype``/``place_rank`` (see ``KINDS``);
    each can be overridden, or left out of the reply with ``OMIT``.
    """
    address = {
        "road": road,
        "town": city,
        "county": "Milano",
        "state": "Lombardia",
        "country": "Italia",
        "country_code": "it",
    }
    if not road:
        del address["road"]
    if house_number:
        address["house_number"] = house_number
    preset = dict(zip(("class", "type", "addresstype", "place_rank"), KINDS[kind], strict=True))
    given = {"class": osm_class, "type": osm_type, "addresstype": addresstype}
    given["place_rank"] = place_rank
    fields = {k: (preset[k] if v is None else v) for k, v in given.items()}
    place = {
        "place_id": 1,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "node",
        "osm_id": 1,
        "lat": str(lat),
        "lon": str(lon),
        **fields,
        "importance": 0.1,
        "name": "",
        "display_name": name,
        "address": address,
        "boundingbox": [str(lat - 0.0001), str(lat + 0.0001), str(lon - 0.0001), str(lon + 0.0001)],
    }
    return {k: v for k, v in place.items() if v is not OMIT}


class FakeNominatim:
    """Routes by the ``street`` parameter (``q`` for Photon's free text): each street gets a
    list of replies, used in order (the last one repeats). Unknown streets get an empty result,
    as Nominatim does."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def route(self, street: str, *replies: Reply) -> None:
        self.routes[street] = list(replies)

    def _next(self, street: str) -> Reply:
        with self._lock:
            replies = self.routes.get(street)
            if not replies:
                return Reply()
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with fake._lock:
                    fake.requests.append(
                        Request(
                            time.monotonic(), parts.path, params, self.headers.get("User-Agent", "")
                        )
                    )
                reply = fake._next(params.get("street") or params.get("q", ""))
                time.sleep(reply.delay)
                body = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    data = body.encode()
                    self.send_header("Content-Length", str(len(data) + reply.missing))
                    self.end_headers()
                    if not reply.drip:
                        self.wfile.write(data)
                    for byte in data if reply.drip else b"":
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.drip)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
                pass

        return Handler

    def __enter__(self) -> FakeNominatim:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

"""The geocoder's network boundary: which host we talk to, and how much of its reply we read.

Two rules live here because both depend on *where* a request goes and *what* comes back, not on
what the answer means (``geocode_reply`` judges that):

- the public Nominatim's one-request-per-second floor must apply to every spelling of its host
  (``NOMINATIM.openstreetmap.org.``, ``user@...:443``, no scheme, a path...), so the address given
  with ``--provider-url`` is parsed once, by ``endpoint``, and both the rate limit and the geocoder
  use that one result;
- a reply is read through ``BoundedAdapter``: at most ``MAX_REPLY_BYTES`` and ``timeout`` seconds
  of body, JSON that is not too deep, and a shape check before geopy turns it into a ``Location``.
  A hostile or broken service costs one address, never the run (or the machine's memory).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from geopy import exc as gexc
from geopy.adapters import URLLibAdapter
from geopy.geocoders import Nominatim, Photon

from servicemap.place.geocode_reply import check_nominatim, check_photon

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
PUBLIC_HOSTS = {"nominatim": PUBLIC_NOMINATIM, "photon": "photon.komoot.io"}  # geopy's defaults
MAX_REPLY_BYTES = 1024 * 1024  # a one-result answer is a few KB; 1 MB is far beyond any real one
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_API_PATHS = ("/search", "/api")  # what geopy appends itself: written in the URL, it would double


@dataclass(frozen=True)
class Endpoint:
    """A provider address, normalised: ``host`` decides the usage policy, ``domain`` is geopy's."""

    scheme: str
    host: str  # lowercase, IDNA (xn--), no trailing dot, no user info, no port
    port: int | None  # None when it is the scheme's default
    path: str

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host  # an IPv6 address
        return host + (f":{self.port}" if self.port else "")

    @property
    def domain(self) -> str:
        """What geopy's ``domain=`` takes: host, port and any path prefix of the service."""
        return self.netloc + self.path


def endpoint(url: str, provider: str = "nominatim") -> Endpoint:
    """Parse ``--provider-url`` (empty: the provider's public service); ValueError in Italian."""
    text = url.strip()
    if not text:
        return Endpoint("https", PUBLIC_HOSTS[provider], None, "")
    if not _SCHEME.match(text):  # "host:443" would otherwise parse as scheme "host"
        text = "https://" + text
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = -1
    host = normalise_host(parts.hostname or "")
    if scheme not in _DEFAULT_PORTS or not host or port == -1:
        raise ValueError(
            f"«{url}» non è un indirizzo di servizio valido: scrivi per esempio "
            "https://nominatim.example.org oppure http://127.0.0.1:8080"
        )
    path = parts.path.rstrip("/")
    for suffix in _API_PATHS:
        path = path.removesuffix(suffix)
    return Endpoint(scheme, host, None if port == _DEFAULT_PORTS[scheme] else port, path)


def normalise_host(hostname: str) -> str:
    """One spelling per host: percent-decoded, lowercase, IDNA-encoded, without trailing dots.

    ``NOMINATIM.OpenStreetMap.org.`` and ``nominatim。openstreetmap。org`` (ideographic dots, which
    IDNA reads as dots) are the same machine as ``nominatim.openstreetmap.org``.
    """
    host = unquote(hostname).strip().lower().rstrip(".")
    with contextlib.suppress(UnicodeError):  # not a valid IDNA name: compare it as written
        host = host.encode("idna").decode("ascii")
    return host.lower().rstrip(".")


def make_geocoder(
    provider: str, url: str, *, user_agent: str, timeout: float
) -> Nominatim | Photon:
    """A geopy geocoder for ``provider`` at ``url``, reading replies through ``BoundedAdapter``."""
    cls = {"nominatim": Nominatim, "photon": Photon}[provider]
    place = endpoint(url, provider)
    check = check_nominatim if provider == "nominatim" else check_photon
    factory = functools.partial(BoundedAdapter, check=check, max_seconds=timeout)
    kwargs: dict[str, object] = {
        "user_agent": user_agent,
        "timeout": timeout,
        "adapter_factory": factory,
        "scheme": place.scheme,
        "domain": place.domain,
    }
    return cls(**kwargs)


class BoundedAdapter(URLLibAdapter):
    """geopy's standard-library adapter, reading at most ``MAX_REPLY_BYTES`` for ``max_seconds``.

    It never retries on its own (geopy's ``RequestsAdapter`` lets urllib3 retry a timed-out request
    twice at once, behind the rate limit's back): every retry goes through ``geocode.ask``. JSON is
    parsed here so that a 100,000-level nesting (Python's ``json`` raises RecursionError) or a reply
    of the wrong shape becomes a ``GeocoderParseError`` with an Italian reason, like any other bad
    answer.
    """

    def __init__(
        self,
        *,
        proxies=None,
        ssl_context=None,
        check: Callable[[object], None] = lambda data: None,
        max_seconds: float = 10.0,
        max_bytes: int = MAX_REPLY_BYTES,
    ):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.check = check
        self.max_seconds = max_seconds
        self.max_bytes = max_bytes

    def get_json(self, url, *, timeout, headers):
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            data = json.loads(text)
        except ValueError:
            raise gexc.GeocoderParseError("la risposta non è JSON") from None
        except RecursionError:
            raise gexc.GeocoderParseError("JSON annidato troppo in profondità") from None
        self.check(data)
        return data

    def _decode_page(self, page) -> str:
        """The body, read in pieces: refused past ``max_bytes`` or ``max_seconds`` (a slow drip)."""
        read = getattr(page, "read1", page.read)
        deadline = time.monotonic() + self.max_seconds
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := read(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise gexc.GeocoderParseError(
                        f"risposta più grande di {self.max_bytes // 1024} KB"
                    )
                if time.monotonic() > deadline:
                    raise gexc.GeocoderTimedOut("Service timed out")
                chunks.append(chunk)
            missing = getattr(page, "length", None)  # http.client: bytes announced, not read
            if isinstance(missing, int) and missing > 0:
                raise http.client.IncompleteRead(b"", missing)
        except TimeoutError:
            raise gexc.GeocoderTimedOut("Service timed out") from None
        except (OSError, http.client.HTTPException):  # cut short: worth asking again
            raise gexc.GeocoderUnavailable("risposta interrotta") from None
        finally:
            page.close()
        encoding = page.headers.get_content_charset() or "utf-8"
        try:
            return b"".join(chunks).decode(encoding)
        except (LookupError, ValueError):
            raise gexc.GeocoderParseError(f"la risposta non è testo {encoding}") from None

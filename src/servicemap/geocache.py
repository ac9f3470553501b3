"""The committed geocoding cache: what ``servicemap geocode`` found, so builds stay offline.

``geocache.yaml`` sits next to ``services.yaml`` and is committed: a build reads it and never
touches the network, and two builds of the same commit place every record in the same spot.

The file is written for people and for merges: one block per address, blocks sorted by key and
separated by a blank line, keys sorted inside each block, every string double-quoted (so YAML
never guesses a type: a date stays a string). Two pull requests that add different addresses
touch different places of the file. Writes are atomic (temporary file + ``os.replace``), so a
crash or Ctrl-C never leaves half a file.

Each block is keyed by the *normalised* address ``"via, cap, comune, provincia"`` (lowercase,
no accents, punctuation as spaces, single spaces) and holds ``status``:

- ``found``: ``lat``, ``lon``, ``provider``, ``display_name`` (what the provider matched),
  ``precision`` (``civico``: the house number; ``via``: the street), ``date``;
- ``refused``: the provider answered but the answer is unusable (nothing found, a point outside
  the record's comune, or only the town); ``reason`` says why. It is kept so that the next run
  does not ask again (``servicemap geocode --riprova`` does). Network failures are never
  written: they are retried next time.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from servicemap import safefile
from servicemap.model import Address
from servicemap.problems import Problem

FOUND = "found"
REFUSED = "refused"
STATUSES = (FOUND, REFUSED)
MAX_BYTES = 50 * 1024 * 1024  # read through ``safefile``: bounded, inside the project

_HEADER = (
    "# Cache della geocodifica: scritta da `servicemap geocode`, letta da ogni costruzione del\n"
    "# sito (che non usa mai internet). Una voce per indirizzo normalizzato; status: found\n"
    "# (posizione trovata) oppure refused (risposta scartata: motivo in reason).\n"
    "# Per correggere una posizione sbagliata scrivi `posizione:` nella scheda di services.yaml.\n"
)
_PUNCT = re.compile(r"[^a-z0-9]+")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def normalise_part(text: str) -> str:
    """``Via G. Verdi, 5/A`` -> ``via g verdi 5 a``: the same address always gives one key."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _PUNCT.sub(" ", ascii_text.lower()).strip()


def address_key(address: Address) -> str | None:
    """The cache key of an address, or None when there is no street to look up."""
    if not normalise_part(address.via):
        return None
    parts = (address.via, address.cap, address.comune, address.provincia)
    return ", ".join(normalise_part(p) for p in parts)


@dataclass
class CacheEntry:
    """One answer of a geocoder for one address (see the module docstring for the fields)."""

    status: str
    provider: str
    date: str
    lat: float | None = None
    lon: float | None = None
    display_name: str = ""
    precision: str = ""
    reason: str = ""

    @property
    def found(self) -> bool:
        return self.status == FOUND and self.lat is not None and self.lon is not None

    def as_dict(self) -> dict[str, object]:
        data = {
            "status": self.status,
            "provider": self.provider,
            "date": self.date,
            "lat": self.lat,
            "lon": self.lon,
            "display_name": self.display_name,
            "precision": self.precision,
            "reason": self.reason,
        }
        return {k: v for k, v in sorted(data.items()) if v not in (None, "")}


@dataclass
class GeoCache:
    """The entries of the cache file, and the problems met while reading it."""

    path: Path
    entries: dict[str, CacheEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, address: Address) -> CacheEntry | None:
        key = address_key(address)
        return self.entries.get(key) if key else None

    def lookup(self, address: Address) -> CacheEntry | None:
        """The usable position of an address (a ``found`` entry), if any."""
        entry = self.get(address)
        return entry if entry and entry.found else None

    def put(self, key: str, entry: CacheEntry) -> None:
        self.entries[key] = entry

    def save(self, path: Path | None = None) -> None:
        """Write the whole cache atomically: the old file stays intact until the new one is."""
        target = path or self.path
        text = dumps(self.entries)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def dumps(entries: dict[str, CacheEntry]) -> str:
    """The file's text: header, then one block per key in sorted order."""
    blocks = []
    for key in sorted(entries):
        lines = [f"{_quote(key)}:"]
        for name, value in entries[key].as_dict().items():
            lines.append(f"  {name}: {_scalar(value)}")
        blocks.append("\n".join(lines))
    return _HEADER + "\n" + "\n\n".join(blocks) + ("\n" if blocks else "")


def _quote(text: str) -> str:
    """A JSON string is a YAML double-quoted scalar (no type guessing); characters that YAML
    reads differently (NEL, line/paragraph separators) or refuses (C1 controls) are escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _scalar(value: object) -> str:
    if isinstance(value, float):
        return repr(round(value, 7))
    return _quote(str(value))


def load_cache(path: Path, *, within: Sequence[Path] = ()) -> GeoCache:
    """Read the cache; a missing file is an empty cache, a damaged one a problem (never a crash).

    A damaged file (for example merge-conflict markers) is reported as an error, because a build
    that silently forgot every geocoded address would move records without anybody noticing.
    """
    cache = GeoCache(path)
    if not path.is_file() and not path.is_symlink():
        return cache
    raw, refused = safefile.read_bytes(path, str(path), max_bytes=MAX_BYTES, within=within)
    if raw is None:
        cache.problems += refused
        return cache
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        cache.problems.append(_bad(path, 1, f"il file non si legge ({detail})"))
        return cache
    if data is None:
        return cache
    if not isinstance(data, dict):
        cache.problems.append(_bad(path, 1, "deve essere un elenco di voci `indirizzo: {...}`"))
        return cache
    for key, raw in data.items():
        entry = _entry(raw)
        if entry is None:
            cache.problems.append(_bad(path, 1, f"la voce «{key}» non è valida"))
        else:
            cache.entries[str(key)] = entry
    return cache


def _entry(raw: object) -> CacheEntry | None:
    if not isinstance(raw, dict) or raw.get("status") not in STATUSES:
        return None
    try:
        lat = float(raw["lat"]) if raw.get("lat") is not None else None
        lon = float(raw["lon"]) if raw.get("lon") is not None else None
    except (TypeError, ValueError):
        return None
    if raw["status"] == FOUND and (lat is None or lon is None):
        return None
    return CacheEntry(
        status=str(raw["status"]),
        provider=str(raw.get("provider") or ""),
        date=str(raw.get("date") or ""),
        lat=lat,
        lon=lon,
        display_name=str(raw.get("display_name") or ""),
        precision=str(raw.get("precision") or ""),
        reason=str(raw.get("reason") or ""),
    )


def _bad(path: Path, line: int, detail: str) -> Problem:
    message = (
        f"Cache della geocodifica {path.name} non valida: {detail}. Correggila o cancella la "
        "voce e rilancia `servicemap geocode`"
    )
    return Problem(str(path), line, 1, "error", "geocache-invalid", message)

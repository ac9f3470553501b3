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
  does not ask again (``servicemap geocode --retry-refused`` does). Network failures are never
  written: they are retried next time.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from servicemap.core.model import Address
from servicemap.load import document as load
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

FOUND = "found"
REFUSED = "refused"
STATUSES = (FOUND, REFUSED)

_HEADER = (
    "# Cache della geocodifica: scritta da `servicemap geocode`, letta da ogni costruzione del\n"
    "# sito (che non usa mai internet). Una voce per indirizzo normalizzato; status: found\n"
    "# (posizione trovata) oppure refused (risposta scartata: motivo in reason).\n"
    "# Per correggere una posizione sbagliata scrivi `posizione:` nella scheda di services.yaml.\n"
)
_PUNCT = re.compile(r"[^a-z0-9]+")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


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
    blocks = [entry_block(key, entries[key]) for key in sorted(entries)]
    return _HEADER + "\n" + "\n\n".join(blocks) + ("\n" if blocks else "")


def entry_block(key: str, entry: CacheEntry) -> str:
    """One address's block, as in the file (also pasted by a maintainer from a PR comment)."""
    lines = [f"{_quote(key)}:"]
    for name, value in entry.as_dict().items():
        lines.append(f"  {name}: {_scalar(value)}")
    return "\n".join(lines)


def _quote(text: str) -> str:
    """A JSON string is a YAML double-quoted scalar (no type guessing); characters that YAML
    reads differently (NEL, line/paragraph separators) or refuses (C1 controls) are escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _scalar(value: object) -> str:
    if isinstance(value, float):
        return repr(round(value, 7))
    return _quote(str(value))


def load_cache(
    path: Path, display_name: str | None = None, *, within: Sequence[Path] = ()
) -> GeoCache:
    """Read the cache; a missing file is an empty cache, a damaged one a problem (never a crash).

    The file goes through the same strict loader as ``services.yaml`` (``load.document``): a
    duplicate key (what a "keep both" merge leaves), merge-conflict markers, tabs, tags or a huge
    file are reported at their line, and every value stays the string that was written. A damaged
    file is an error, because a build that silently forgot every geocoded address would move records
    without anybody noticing.
    """
    name = display_name or _display(path)
    cache = GeoCache(path)
    if not path.is_file() and not path.is_symlink():
        return cache
    root, problems = load.load_path(path, name, within=within)
    problems = [p for p in problems if p.code != "empty-file"]  # only comments: no entries yet
    if root is None and any(p.code == "root-not-mapping" for p in problems):
        problems = [_bad(name, 1, 'deve essere un elenco di voci `"indirizzo": {...}`')]
    cache.problems += problems
    if root is None:
        return cache
    for key, node in root.value.items():  # type: ignore[union-attr]
        entry = _entry(node)
        if isinstance(entry, CacheEntry):
            cache.entries[key] = entry
        else:
            line = node.key_line or node.line
            cache.problems.append(_bad(name, line, f"la voce «{_cut(key)}» {entry}"))
    return cache


def _entry(node: load.Node) -> CacheEntry | str:
    """The entry written in ``node``, or what is wrong with it (Italian, for the message)."""
    if not node.is_mapping:
        return "deve essere un gruppo di chiavi (`status:`, `lat:`, `lon:`...)"
    raw = node.plain()
    assert isinstance(raw, dict)
    if raw.get("status") not in STATUSES:
        return f"ha `status` «{_cut(raw.get('status'))}»: deve essere found o refused"
    texts = {k: v if isinstance(v, str) else "" for k, v in raw.items()}
    coords = {}
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        value = raw.get(name)
        if value is None:
            continue
        number = _number(value)
        if number is None or abs(number) > limit:
            written = f" «{_cut(value)}»" if isinstance(value, str) else ""
            return f"ha `{name}`{written}: deve essere un numero tra -{limit:g} e {limit:g}"
        coords[name] = number
    if raw["status"] == FOUND and len(coords) < 2:
        return "è found ma le manca `lat` o `lon`"
    return CacheEntry(
        status=texts["status"],
        provider=texts.get("provider", ""),
        date=texts.get("date", ""),
        lat=coords.get("lat"),
        lon=coords.get("lon"),
        display_name=texts.get("display_name", ""),
        precision=texts.get("precision", ""),
        reason=texts.get("reason", ""),
    )


def _number(value: object) -> float | None:
    """A finite float from the text written, else None (``nan``, ``inf``, a list...)."""
    if not isinstance(value, str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _cut(value: object, limit: int = 80) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _display(path: Path) -> str:
    """How messages name the file: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _bad(file: str, line: int, detail: str) -> Problem:
    return problem(file, line, 1, "geocache-invalid", file=Path(file).name, detail=detail)

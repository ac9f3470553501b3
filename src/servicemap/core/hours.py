"""Opening hours as volunteers write them: ``"09:00-12:00, 15:00-18:00"``.

Pure parsing, no I/O (a leaf module): ``validate`` reports what is wrong, render and the search
page's "aperto ora" filter use the parsed ``TimeRange`` values and never re-parse the text.
Ranges end after they start (a desk open across midnight is written as two days) and do not
overlap; ``24:00`` is accepted as an end time ("fino a mezzanotte").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from servicemap.core.model import TimeRange

# [0-9], not \d: Python's \d also takes Arabic-Indic and full-width digits ("٠٩:٠٠").
_RANGE = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})\s*[-–]\s*([0-9]{1,2})[:.]([0-9]{2})\Z")


class HoursError(ValueError):
    """Why a day's hours cannot be read, in Italian (goes into the ``bad-hours`` message)."""


def minutes(hhmm: str) -> int:
    """``"09:30"`` -> 570: minutes since midnight, for comparisons and "open now"."""
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def parse_day(text: str) -> list[TimeRange]:
    """Parse one day's ranges, sorted; raise ``HoursError`` with the reason when unreadable."""
    return list(_parse_day(text))


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> tuple[TimeRange, ...]:
    """Cached: thousands of desks share a handful of timetables ("09:00-12:00")."""
    pieces = [p.strip() for p in text.split(",")]
    if not text.strip() or any(not p for p in pieces):
        raise HoursError("manca un intervallo")
    ranges = sorted((_parse_range(p) for p in pieces), key=lambda r: minutes(r.start))
    for before, after in itertools.pairwise(ranges):
        if minutes(after.start) < minutes(before.end):
            raise HoursError(
                f"gli intervalli {before.start}-{before.end} e {after.start}-{after.end} "
                "si sovrappongono"
            )
    return tuple(ranges)


def _parse_range(piece: str) -> TimeRange:
    match = _RANGE.match(piece)
    if not match:
        raise HoursError(f"«{piece}» non ha la forma HH:MM-HH:MM")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = _clock(h1, m1, piece), _clock(h2, m2, piece, end=True)
    if minutes(end) <= minutes(start):
        raise HoursError(f"in «{piece}» la chiusura non viene dopo l'apertura")
    return TimeRange(start, end)


def _clock(hours: int, mins: int, piece: str, *, end: bool = False) -> str:
    if mins > 59 or hours > 24 or (hours == 24 and (mins or not end)):
        raise HoursError(f"in «{piece}» c'è un'ora che non esiste")
    return f"{hours:02d}:{mins:02d}"

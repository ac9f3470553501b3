"""Opening hours as volunteers write them: ``"09:00-12:00, 15:00-18:00"``.

Pure, no I/O (a leaf module): ``validate`` reports what is wrong, render and the pages' scripts
use the parsed ``TimeRange`` values and never re-parse the text. ``day_state`` is the rule of a
day (open, closed, closure, holiday, by appointment, not given) that the browser applies too.
Ranges end after they start (a desk open across midnight is written as two days) and do not
overlap; ``24:00`` is accepted as an end time ("fino a mezzanotte").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from servicemap.core.model import DAYS, Closure, Service, TimeRange

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


# --- a day's state ---------------------------------------------------------------------------
# The rule "what is this desk today": the build encodes a record's ``Schedule`` for the pages
# (render.clientdata.schedule_fields) and servicemap-hours.js applies the same rule in the
# browser at the visitor's "now". tests/data/hours_cases.json holds instants x schedules ->
# state, asserted against ``day_state`` here and against the browser's ServicemapHours.state.

ROME = ZoneInfo("Europe/Rome")
HOLIDAYS_OPEN, BY_APPOINTMENT = 1, 2  # the flags the pages receive with the week
STATES = ("closure", "appointment", "not-given", "holiday", "closed", "open")


@dataclass(frozen=True)
class Schedule:
    """What a record says about when to go, once: its week (``None`` when not given, which is
    not "closed every day"), whether it opens on national holidays, its closures, and whether
    it receives by appointment."""

    week: dict[str, tuple[TimeRange, ...]] | None
    holidays_open: bool = False
    closures: tuple[Closure, ...] = ()
    appointment: bool = False

    @classmethod
    def of(cls, s: Service) -> Schedule:
        week = {day: tuple(s.orari.get(day, ())) for day in DAYS} if s.orari else None
        return cls(week, s.festivi == "aperto", tuple(s.chiusure), by_appointment(s))

    @property
    def flags(self) -> int:
        return HOLIDAYS_OPEN * self.holidays_open + BY_APPOINTMENT * self.appointment


def by_appointment(s: Service) -> bool:
    """Reached by appointment: ``accesso: [appuntamento]`` or the hours' note says so.

    The note is read as the volunteers wrote it (Italian), not in a page's translation: the
    English page of a desk must say "by appointment" when the Italian one does.
    """
    note = (s.original or s).note_orari
    return "appuntamento" in s.accesso or "appuntament" in note.casefold()


@dataclass(frozen=True)
class DayState:
    """A desk at one instant: ``state`` (one of ``STATES``), today's ranges (open and closed
    have them; closed without ranges is "closed all day") and a closure's note."""

    state: str
    ranges: tuple[TimeRange, ...] = ()
    note: str = ""

    @property
    def open(self) -> bool | None:
        """True open now, False closed now, None when the record cannot say (appointment,
        hours not given): "aperto ora" shows only True."""
        if self.state in ("appointment", "not-given"):
            return None
        return self.state == "open"


def rome_moment(instant: dt.datetime) -> tuple[str, int, str]:
    """``instant`` (aware) in Italy: ISO date, weekday (0 lun .. 6 dom) and ``"HH:MM"``.

    The desks are in Italy: "today" is Italian time whatever the visitor's own time zone.
    """
    local = instant.astimezone(ROME)
    return local.date().isoformat(), local.weekday(), f"{local.hour:02d}:{local.minute:02d}"


def closure_on(closures: Iterable[Closure], date: str) -> Closure | None:
    """The closure that covers the ISO ``date`` (both ends included), if any: also the HSDS
    export's "temporarily closed" on the build date."""
    return next((c for c in closures if c.start <= date <= c.end), None)


def day_state(schedule: Schedule, instant: dt.datetime, holidays: Container[str]) -> DayState:
    """The desk's state at ``instant``; ``holidays`` holds the ISO dates of national holidays.

    In this order: a closure closes (even a desk without hours); no week is "by appointment"
    or "not given"; a holiday closes unless ``festivi: aperto``; then the day's ranges, each
    open from its start (included) to its end (excluded).
    """
    date, weekday, time = rome_moment(instant)
    closure = closure_on(schedule.closures, date)
    if closure is not None:
        return DayState("closure", note=closure.note)
    if schedule.week is None:
        return DayState("appointment" if schedule.appointment else "not-given")
    if not schedule.holidays_open and date in holidays:
        return DayState("holiday")
    ranges = schedule.week[DAYS[weekday]]
    is_open = any(r.start <= time < r.end for r in ranges)
    return DayState("open" if is_open else "closed", ranges)

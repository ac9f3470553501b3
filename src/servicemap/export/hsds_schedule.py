"""HSDS schedules from the contract's weekly hours, in Italian time with its changing offset.

An HSDS time carries one fixed UTC offset (``09:00:00+01:00``), Europe/Rome changes offset twice a
year. So each weekly range is written once per period of constant offset in the year after the
build (``valid_from``/``valid_to``, ``timezone`` in hours), and the closed days (``chiusure``) are
cut out of those periods. Public holidays cannot be said in an HSDS schedule: the notes say them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from zoneinfo import ZoneInfo

from servicemap.core.model import DAY_NAMES, DAYS, Closure, Service
from servicemap.validate import contract

Row = dict[str, object]
ROME = ZoneInfo("Europe/Rome")
SCHEDULE_DAYS = 366  # how far ahead the schedules' validity periods reach from the build date
_BYDAY = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))


def offset_periods(today: dt.date) -> tuple[tuple[dt.date, dt.date, int], ...]:
    """``(first day, last day, UTC offset in hours)`` of Europe/Rome from ``today``, a year ahead.

    Days are cut at local noon: the clocks change at night, and a desk is not open at 2 a.m.
    """
    periods: list[list] = []
    for n in range(SCHEDULE_DAYS):
        day = today + dt.timedelta(days=n)
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=ROME)
        hours = int(noon.utcoffset().total_seconds() // 3600)  # type: ignore[union-attr]
        if periods and periods[-1][2] == hours:
            periods[-1][1] = day
        else:
            periods.append([day, day, hours])
    return tuple((start, end, hours) for start, end, hours in periods)


def validity_periods(today: dt.date, closures: list[Closure]) -> list[tuple[dt.date, dt.date, int]]:
    """The offset periods with the closed days cut out: a weekly row is never valid on them."""
    periods = list(_cached_periods(today))
    for closure in sorted(closures, key=lambda c: c.start):
        first, last = dt.date.fromisoformat(closure.start), dt.date.fromisoformat(closure.end)
        cut: list[tuple[dt.date, dt.date, int]] = []
        for start, end, hours in periods:
            if last < start or first > end:
                cut.append((start, end, hours))
                continue
            if start < first:
                cut.append((start, first - dt.timedelta(days=1), hours))
            if last < end:
                cut.append((last + dt.timedelta(days=1), end, hours))
        periods = cut
    return periods


_cached_periods = cache(offset_periods)


def hsds_time(hhmm: str, hours: int) -> str:
    """``09:00`` -> ``09:00:00+01:00``; the contract's ``24:00`` (midnight) -> ``23:59:59``."""
    clock = "23:59:59" if hhmm == "24:00" else f"{hhmm}:00"
    return f"{clock}+{hours:02d}:00" if hours >= 0 else f"{clock}-{-hours:02d}:00"


def _schedule_notes(s: Service, today: dt.date) -> str:
    notes = ["Ora italiana (Europe/Rome)."]
    notes.append(
        "Aperto anche nei giorni festivi nazionali."
        if s.festivi == "aperto"
        else "Chiuso nei giorni festivi nazionali."
    )
    notes += [
        f"Chiuso dal {c.start} al {c.end}" + (f": {c.note}." if c.note else ".")
        for c in s.chiusure
        if c.end >= today.isoformat()
    ]
    if s.note_orari:
        notes.append(s.note_orari)
    return " ".join(notes)


def schedule_rows(
    s: Service,
    service_id: str,
    vocab: contract.Vocabulary,
    today: dt.date,
    hsds_id: Callable[..., str],
) -> list[Row]:
    """One weekly row per time range and validity period, with the days sharing it ("MO,WE")."""
    days_by_range: dict[tuple[str, str], list[str]] = {}
    for day in DAYS:
        for r in s.orari.get(day, []):
            days_by_range.setdefault((r.start, r.end), []).append(day)
    if not days_by_range:
        return []
    notes = _schedule_notes(s, today)
    attending = _attending(s, vocab)
    ranges = sorted(days_by_range.items(), key=lambda i: (DAYS.index(i[1][0]), i[0]))
    rows = []
    for first, last, hours in validity_periods(today, s.chiusure):
        for (start, end), days in ranges:
            names = ", ".join(DAY_NAMES[d] for d in days)
            rows.append(
                {
                    "id": hsds_id("schedule", s.id, start, end, first.isoformat()),
                    "service_id": service_id,
                    "valid_from": first.isoformat(),
                    "valid_to": last.isoformat(),
                    "timezone": hours,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": ",".join(_BYDAY[d] for d in days),
                    "opens_at": hsds_time(start, hours),
                    "closes_at": hsds_time(end, hours),
                    "description": f"{names}: {start}-{end}",
                    "attending_type": attending,
                    "notes": notes,
                }
            )
    return rows


def _attending(s: Service, vocab: contract.Vocabulary) -> str:
    """How to go: the ``accesso`` labels ("Su appuntamento"), as written on the site."""
    return ", ".join(vocab.label("accesso", code) for code in s.accesso)

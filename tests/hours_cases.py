"""The golden cases of a day's state (``tests/data/hours_cases.json``), read once for the two
runners: ``test_hours_cases`` (``core.hours.day_state``) and the browser's
``ServicemapHours.state`` in ``test_browser_map_search``. One file, the same expected states."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

from servicemap.core.hours import DayState, Schedule, parse_day
from servicemap.core.model import Address, Closure, Service
from servicemap.render.holidays import holiday_table

CASES_FILE = Path(__file__).parent / "data" / "hours_cases.json"


@cache
def golden() -> dict:
    return json.loads(CASES_FILE.read_text(encoding="utf-8"))


def cases() -> list[dict]:
    return golden()["cases"]


def case_id(case: dict) -> str:
    return f"{case['schedule']}@{case['at']}"


def schedule(name: str) -> Schedule:
    """A case's schedule, from its fields as ``services.yaml`` writes them, through the same
    ``Schedule.of`` the build uses (the by-appointment rule included)."""
    fields = golden()["schedules"][name]
    closures = fields.get("chiusure", ())
    service = Service(
        id=name,
        nome=name,
        tipo=[],
        indirizzo=Address("Segrate"),
        aggiornato="2026-01-01",
        orari={day: parse_day(text) for day, text in fields.get("orari", {}).items()},
        festivi=fields.get("festivi", "chiuso"),
        chiusure=[Closure(c["dal"], c["al"], c.get("nota", "")) for c in closures],
        accesso=fields.get("accesso", []),
        note_orari=fields.get("note_orari", ""),
    )
    return Schedule.of(service)


def instant(case: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(case["at"].replace("Z", "+00:00"))


def expected(case: dict) -> dict:
    return {"state": case["state"], "today": case["today"], "note": case.get("note", "")}


def said(state: DayState) -> dict:
    """A ``DayState`` in the cases' words (ranges as ``"09:00-12:00, 15:00-18:00"``)."""
    today = ", ".join(f"{r.start}-{r.end}" for r in state.ranges)
    return {"state": state.state, "today": today, "note": state.note}


def case_years() -> range:
    years = [instant(c).year for c in cases()]
    return range(min(years), max(years) + 1)


@cache
def holiday_dates() -> frozenset[str]:
    """Italy's national holidays in the cases' years, as the build writes them for the pages."""
    years = case_years()
    return frozenset(holiday_table(years.start, years.stop - 1))

"""Italian public holidays for the browser, from the ``holidays`` package at build time.

"Aperto ora" and a service page's "Oggi" run in the browser, so they need the holidays there.
Rather than recompute Easter in JavaScript (and keep it in step with new holidays, such as Saint
Francis on 4 October from 2026), the build writes the national holidays of a span of years into
``assets/servicemap/festivi.js`` (``window.SERVICEMAP_HOLIDAYS``), a classic script loaded before
``servicemap-hours.js``. The span follows the build date (``SOURCE_DATE_EPOCH``, so two builds of
the same data are byte-identical): from the year before it to ``YEARS_AHEAD`` years after, a few
hundred bytes a year.
"""

from __future__ import annotations

import datetime as dt

import holidays

from servicemap.core.output import GeneratedFile
from servicemap.render.clientdata import script_assignment

PATH = "assets/servicemap/festivi.js"
YEARS_BEFORE, YEARS_AHEAD = 1, 10


def years_around(day: dt.date) -> tuple[int, int]:
    """First and last year the site knows the holidays of."""
    return day.year - YEARS_BEFORE, day.year + YEARS_AHEAD


def holiday_table(first: int, last: int) -> dict[str, str]:
    """``{"2025-04-21": "Lunedì dell'Angelo", ...}``: Italy's national holidays, by date."""
    found = holidays.country_holidays("IT", years=range(first, last + 1), language="it_IT")
    return {day.isoformat(): name for day, name in sorted(found.items())}


def holidays_file(today: dt.date | None) -> GeneratedFile:
    """``window.SERVICEMAP_HOLIDAYS = {y: [first, last], d: {date: name}}``."""
    first, last = years_around(today or dt.date.today())
    value = {"y": [first, last], "d": holiday_table(first, last)}
    return GeneratedFile(PATH, script_assignment("SERVICEMAP_HOLIDAYS", value), "static")

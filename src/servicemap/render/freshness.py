"""How fresh the data is, said honestly in every page's footer (and so on every printed sheet).

The newest record's ``aggiornato`` is not the date of all the data: one desk checked yesterday
says nothing of the other eighteen. The footer gives the build date (``SOURCE_DATE_EPOCH``, so two
builds of the same data are byte-identical), the span of the records' checks, and how many were
last checked more than a year before the build:

    Sito aggiornato il 1 dicembre 2026 · schede verificate tra marzo 2024 e novembre 2026;
    15 su 19 da più di un anno

Only absolute dates: a printed page stays true the day after it is printed.
"""

from __future__ import annotations

import datetime as dt

from servicemap.checks import year_before
from servicemap.render.context import MONTHS, italian_date
from servicemap.render.html import esc


def footer_line(built: dt.date, checked: list[str]) -> str:
    """The footer's HTML: build date, span of the checks, how many are older than a year."""
    when = built.isoformat()
    line = f'Sito aggiornato il <time datetime="{when}">{esc(italian_date(when))}</time>'
    span = checks_span(built, checked)
    return f"{line} · {esc(span)}" if span else line


def footer_text(built: dt.date, checked: list[str]) -> str:
    """The same words as plain text (the offline copy's ``LEGGIMI.txt``)."""
    line = f"Sito aggiornato il {italian_date(built.isoformat())}"
    span = checks_span(built, checked)
    return f"{line} · {span}" if span else line


def checks_span(built: dt.date, checked: list[str]) -> str:
    """ "schede verificate tra marzo 2024 e novembre 2026; 15 su 19 da più di un anno" ("" if
    no record has a date)."""
    dates = sorted(d for d in (_date(value) for value in checked) if d is not None)
    if not dates:
        return ""
    oldest, newest = dates[0], dates[-1]
    if (oldest.year, oldest.month) == (newest.year, newest.month):
        span = f"schede verificate a {_month(newest)}"
    else:
        span = f"schede verificate tra {_month(oldest)} e {_month(newest)}"
    old = sum(d < year_before(built) for d in dates)  # the rule of the `stale` warning
    if old:
        span += f"; {old} su {len(dates)} da più di un anno"
    return span


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _month(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"

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

from servicemap.render import i18n
from servicemap.render.context import local_date, month_year, phrase
from servicemap.render.html import bdi, esc
from servicemap.validate.checks import year_before


def footer_line(built: dt.date, checked: list[str], lang: str = "it") -> str:
    """The footer's HTML in ``lang``: build date, span of the checks, how many are older than a
    year. Dates and numbers are isolated (``bdi``): an Arabic sentence keeps its order."""
    when = built.isoformat()
    date = f'<time datetime="{when}">{esc(local_date(when, lang))}</time>'
    line = phrase("piede.sito", lang, data=bdi(date))
    span = checks_span(built, checked, lang, html=True)
    return f"{line} · {span}" if span else line


def footer_text(built: dt.date, checked: list[str], lang: str = "it") -> str:
    """The same words as plain text (the offline copy's ``LEGGIMI.txt``)."""
    line = i18n.text("piede.sito", lang, data=local_date(built.isoformat(), lang))
    span = checks_span(built, checked, lang)
    return f"{line} · {span}" if span else line


def checks_span(built: dt.date, checked: list[str], lang: str = "it", *, html: bool = False) -> str:
    """ "schede verificate tra marzo 2024 e novembre 2026; 15 su 19 da più di un anno" ("" if
    no record has a date); ``html``: escaped, with the values isolated."""
    dates = sorted(d for d in (_date(value) for value in checked) if d is not None)
    if not dates:
        return ""
    oldest, newest = dates[0], dates[-1]

    def value(text: object, *, number: bool = False) -> str:
        return bdi(esc(text), ltr=number) if html else str(text)

    def say(key: str, **values: str) -> str:
        return phrase(key, lang, **values) if html else i18n.text(key, lang, **values)

    if (oldest.year, oldest.month) == (newest.year, newest.month):
        span = say("piede.verificate.mese", mese=value(month_year(newest, lang)))
    else:
        first, last = value(month_year(oldest, lang)), value(month_year(newest, lang))
        span = say("piede.verificate.tra", da=first, a=last)
    old = sum(d < year_before(built) for d in dates)  # the rule of the `stale` warning
    if old:
        span += say(
            "piede.vecchie", n=value(old, number=True), totale=value(len(dates), number=True)
        )
    return span


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None

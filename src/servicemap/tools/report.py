"""Freshness: which records nobody has verified for over a year, and whom to ask.

The directory is only as good as its freshness. The network's coordinator runs this report (every
month, say) to know which desks to call: for each stale record it gives the contact to ask (the
record's own e-mail and phones, and who verified it last), then counts records by comune and by
type so that gaps in coverage are visible too. Works on validated ``Service`` records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from servicemap.core.escape import markdown_literal, spreadsheet_csv, terminal_safe
from servicemap.core.model import Service
from servicemap.validate.checks import year_before

STALE_MONTHS = 12


@dataclass(frozen=True)
class StaleRecord:
    """A record to verify again: when it was last verified, and how to reach its desk."""

    service: Service
    verified: dt.date | None  # None when ``aggiornato`` is not a date
    months: int | None  # whole months since ``verified``

    @property
    def contact(self) -> str:
        return contact_for(self.service)


@dataclass(frozen=True)
class Count:
    name: str
    total: int
    stale: int


@dataclass
class Report:
    today: dt.date
    total: int
    stale: list[StaleRecord]
    by_comune: list[Count]
    by_type: list[Count]


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (14 March -> 13 April is 0, -> 14 April is 1)."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def is_stale(service: Service, today: dt.date) -> bool:
    """Verified more than 12 months ago (or with no readable date): time to ask again.

    The same rule as the ``stale`` warning of ``servicemap validate``, so the report and the
    check never disagree about a record.
    """
    verified = parse_date(service.aggiornato)
    return verified is None or verified < year_before(today)


def contact_for(service: Service) -> str:
    """Whom to ask: the record's e-mail and phones, then who verified it, then its organisation."""
    parts = [service.email] if service.email else []
    parts += [p.display or p.raw for p in service.telefoni]
    if service.verificato_da:
        parts.append(f"verificata da: {service.verificato_da}")
    if not parts and service.ente:
        parts.append(f"ente: {service.ente}")
    return "; ".join(parts) or "nessun contatto nella scheda"


def build_report(services: list[Service], today: dt.date) -> Report:
    """Stale records (oldest first) and the counts by comune and by type."""
    stale = []
    for service in services:
        if is_stale(service, today):
            verified = parse_date(service.aggiornato)
            months = months_between(verified, today) if verified else None
            stale.append(StaleRecord(service, verified, months))
    stale.sort(key=lambda s: (s.verified or dt.date.min, s.service.id))
    stale_ids = {s.service.id for s in stale}
    return Report(
        today=today,
        total=len(services),
        stale=stale,
        by_comune=_count(services, stale_ids, lambda s: [s.comune]),
        by_type=_count(services, stale_ids, lambda s: s.tipo),
    )


def _count(services: list[Service], stale_ids: set[str], keys) -> list[Count]:
    """One row per comune (or type); a record of two types counts in both."""
    total: Counter[str] = Counter()
    stale: Counter[str] = Counter()
    for service in services:
        for key in dict.fromkeys(keys(service)):
            total[key] += 1
            stale[key] += service.id in stale_ids
    return [Count(name, total[name], stale[name]) for name in sorted(total, key=str.casefold)]


def _verified_text(entry: StaleRecord) -> str:
    if entry.verified is None:
        return f"data di verifica non valida («{entry.service.aggiornato}»)"
    return f"verificata il {entry.verified.isoformat()} ({entry.months} mesi fa)"


def _headline(report: Report) -> str:
    return (
        f"Schede non verificate da più di {STALE_MONTHS} mesi al {report.today.isoformat()}: "
        f"{len(report.stale)} su {report.total}."
    )


def format_text(report: Report) -> str:
    """For a terminal: the stale records with their contact, then the two count tables."""
    lines = [_headline(report)]
    for entry in report.stale:
        s = entry.service
        lines += [
            "",
            f"{s.id}: {s.nome} ({s.comune})",
            f"  {_verified_text(entry)}",
            f"  chiedere a: {entry.contact}",
        ]
    for title, counts in (("Per comune", report.by_comune), ("Per tipo", report.by_type)):
        lines += ["", f"{title}:"]
        width = max((len(c.name) for c in counts), default=0)
        lines += [
            f"  {c.name:<{width}}  {c.total:>4} schede, {c.stale} da verificare" for c in counts
        ]
    return "\n".join(map(terminal_safe, lines))


def format_markdown(report: Report) -> str:
    """For an issue or an e-mail to the network: the same content as Markdown tables."""
    out = ["## Schede da verificare", "", _headline(report)]
    if report.stale:
        out += [
            "",
            "| Scheda | Comune | Ultima verifica | Chiedere a |",
            "| --- | --- | --- | --- |",
        ]
        for entry in report.stale:
            s = entry.service
            out.append(
                f"| {_cell(s.nome)} ({_cell(s.id)}) | {_cell(s.comune)} | "
                f"{_cell(_verified_text(entry))} | {_cell(entry.contact)} |"
            )
    for title, counts in (("Per comune", report.by_comune), ("Per tipo", report.by_type)):
        first = "Comune" if title == "Per comune" else "Tipo"
        out += [
            "",
            f"### {title}",
            "",
            f"| {first} | Schede | Da verificare |",
            "| --- | ---: | ---: |",
        ]
        out += [f"| {_cell(c.name)} | {c.total} | {c.stale} |" for c in counts]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """Record text shown literally: no HTML, links, @mentions or extra table columns."""
    return markdown_literal(" ".join(text.split()))


CSV_FIELDS = (
    "id",
    "nome",
    "comune",
    "tipo",
    "aggiornato",
    "mesi",
    "email",
    "telefoni",
    "verificato_da",
    "ente",
)


def format_csv(report: Report) -> bytes:
    """One row per stale record, for a spreadsheet of calls to make (as ``servizi.csv``: BOM,
    commas, CRLF, ``escape.spreadsheet_csv``), so Excel opens its accented names right."""
    rows = []
    for entry in report.stale:
        s = entry.service
        rows.append(
            [
                s.id,
                s.nome,
                s.comune,
                ", ".join(s.tipo),
                s.aggiornato,
                "" if entry.months is None else entry.months,
                s.email,
                ", ".join(p.display or p.raw for p in s.telefoni),
                s.verificato_da,
                s.ente,
            ]
        )
    return spreadsheet_csv(CSV_FIELDS, rows)

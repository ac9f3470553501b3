"""Checks a schema cannot express, one small generator per rule.

Each ``check_*`` looks at one record (a ``load.Node`` mapping whose structure the schema has
already judged) and yields problems; values of the wrong type are skipped here because the schema
already reported them. Nothing here raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from servicemap.core.escape import web_uri
from servicemap.core.geo import GeoCheck
from servicemap.core.hours import HoursError, parse_day
from servicemap.core.model import DAYS
from servicemap.core.names import (
    INVISIBLE,
    char_name,
    closest,
    explain_lookalike,
    fold,
    invisible,
    nfc,
    path_segment_problem,
)
from servicemap.core.phones import parse_phone
from servicemap.core.text import slugify
from servicemap.load.document import Node
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem
from servicemap.validate import clean, translations
from servicemap.validate.contract import VOCABULARY_KINDS, Vocabulary

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The schema's pattern (a wrong shape is its to report), in ASCII digits: Python's \d also
# takes "٢٠٢٦" and "２０２６", and $ a trailing newline.
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
COORDINATE = re.compile(r"-?[0-9]{1,3}(\.[0-9]+)?")  # float() takes "٤٥", "nan", "1_0", "1e3"
# One address, as a person types it: a dot-atom local part (letters, digits, ``_ + ' -``, dots
# between them), a domain of letter-digit-hyphen labels and a TLD of letters; at most 64 and
# 254 characters. No "?", "&", "%", "," or spaces: a ``mailto:`` link could not carry them as
# written, and ``a@b.it?bcc=x@y.it`` would add recipients. The same text works as a JSON Schema
# ``pattern`` (ECMA-262, where ``$`` is the end; ``(?!\n)`` stops Python's ``$`` from matching
# before a final line break, so ``re.search`` and the schema agree).
EMAIL = re.compile(
    r"^(?=[^@]{1,64}@)(?=.{1,254}$)[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?!\n)$"
)
_EMAIL_HEADERS = re.compile(r"[?&=%#]")
_EMAIL_SEPARATORS = re.compile(r"[,;]")
_SPACE = re.compile(r"\s")


@dataclass
class Context:
    """What every check may need, built once per document."""

    file: str
    vocabulary: Vocabulary
    comuni: list[str]  # the territory's comuni
    limitrofi: list[str] = field(default_factory=list)  # neighbours where a member sits
    today: dt.date = field(default_factory=dt.date.today)
    geo: GeoCheck | None = None
    seen_ids: dict[str, int] = field(default_factory=dict)  # id -> line of first use
    _folded: frozenset[str] | None = None
    # Worked out once per document, not once per record: the bounds of ``aggiornato`` and the
    # vocabulary's terms by kind.
    latest: dt.date = field(init=False)
    stale_before: dt.date = field(init=False)
    kinds: tuple[tuple[str, dict], ...] = field(init=False)

    def __post_init__(self) -> None:
        self.latest = latest_update(self.today)
        self.stale_before = year_before(self.today)
        self.kinds = tuple((kind, self.vocabulary.terms(kind)) for kind in VOCABULARY_KINDS)

    def allowed_folded(self) -> frozenset[str]:
        """The comuni a record may name, case-folded (computed once per document)."""
        if self._folded is None:
            self._folded = frozenset(fold(c) for c in self.comuni + self.limitrofi)
        return self._folded

    def at(self, node: Node, code: str, *, key_position: bool = False, **fields: object) -> Problem:
        line, col = node.anchor() if key_position else (node.line, node.column)
        return problem(self.file, line, col, code, **fields)


def texts(node: Node | None) -> list[Node] | tuple[Node, ...]:
    """The string items of a list node (or the node itself when it is a string)."""
    if node is None:
        return ()
    value = node.value
    if type(value) is list:
        return [item for item in value if type(item.value) is str]
    return (node,) if type(value) is str else ()


def check_id(record: Node, ctx: Context) -> Iterator[Problem]:
    node = record.get("id")
    if node is None or not isinstance(node.value, str) or not node.value:
        return
    value = node.value
    if SLUG.fullmatch(value):  # fullmatch: "caritas\n" (from ``id: |``) is not an id
        reason = path_segment_problem(value)
        if reason:
            path = f"servizi/{value}/"
            yield ctx.at(node, "unusable-name", key="id", value=value, path=path, reason=reason)
    else:
        yield from _bad_id(node, ctx)
    first = ctx.seen_ids.setdefault(nfc(value), node.line)
    if first != node.line:
        yield ctx.at(node, "duplicate-id", value=value, first=first)


def _bad_id(node: Node, ctx: Context) -> Iterator[Problem]:
    value: str = node.value  # type: ignore[assignment]
    hidden = invisible(value)
    if hidden:
        yield hidden_character(node, ctx, "invisible-in-id", "id", *hidden[0])
        return
    hint = slugify(value) or "centro-ascolto-pioltello"
    why = explain_lookalike(value, hint)
    yield ctx.at(node, "bad-id", value=value, hint=hint, why=f" ({why})" if why else "")


def hidden_character(
    node: Node, ctx: Context, code: str, key: str, index: int, char: str
) -> Problem:
    """``code`` about the invisible ``char`` at ``value[index]``, at its line and column."""
    line, col = node.char_position(index)
    return problem(ctx.file, line, col, code, key=key, value=node.value, char=char_name(char),
                   col=col)  # fmt: skip


# Free-text fields that name something (a service, an organisation, a place, a person's role):
# an invisible character there is almost always pasted by accident, and changes the name.
NAME_KEYS = ("nome", "ente", "verificato_da")


def check_hidden_characters(record: Node, ctx: Context) -> Iterator[Problem]:
    if not INVISIBLE.search(" ".join(clean.plain_names(record.plain(), NAME_KEYS))):  # type: ignore[arg-type]
        return  # the usual case, seen in the plain values at once
    indirizzo = record.get("indirizzo")
    named = [(key, record.get(key)) for key in NAME_KEYS]
    if indirizzo is not None:
        named += [
            ("indirizzo.via", indirizzo.get("via")),
            ("indirizzo.comune", indirizzo.get("comune")),
        ]
    named += [("comuni_serviti", item) for item in texts(record.get("comuni_serviti"))]
    yield from hidden_in_names(named + translations.named(record), ctx)


def hidden_in_names(named: list[tuple[str, Node | None]], ctx: Context) -> Iterator[Problem]:
    """A warning for the first invisible character of each name (at its line and column)."""
    for key, node in named:
        if node is not None and type(node.value) is str and INVISIBLE.search(node.value):
            index, char = invisible(node.value)[0]
            yield hidden_character(node, ctx, "invisible-character", key, index, char)


def check_phones(record: Node, ctx: Context) -> Iterator[Problem]:
    for item in texts(record.get("telefoni")):
        if parse_phone(item.value) is None:  # type: ignore[arg-type]
            yield ctx.at(item, "bad-phone", value=item.value)


def check_email(record: Node, ctx: Context) -> Iterator[Problem]:
    node = record.get("email")
    if node is not None and isinstance(node.value, str) and not EMAIL.fullmatch(node.value):
        reason = email_reason(node.value)
        yield ctx.at(node, "bad-email", key="email", value=node.value, reason=reason)


def email_reason(value: str) -> str:
    """Why an address is refused, in words a volunteer understands ("" when nothing specific)."""
    found = _EMAIL_HEADERS.search(value)
    if found:
        return f" (non può contenere «{found.group()}»: niente aggiunte come ?bcc= o &cc=)"
    if _SPACE.search(value) or any(ord(ch) < 32 for ch in value):
        return " (contiene spazi o a capo)"
    if _EMAIL_SEPARATORS.search(value) or value.count("@") > 1:
        return " (scrivi un solo indirizzo)"
    if "@" not in value:
        return " (manca la «@»)"
    return ""


def check_urls(record: Node, ctx: Context) -> Iterator[Problem]:
    for key in ("sito", "fonte"):
        node = record.get(key)
        if node is not None and isinstance(node.value, str) and not is_web_url(node.value):
            yield ctx.at(node, "bad-url", key=key, value=node.value, reason=url_reason(node.value))


# A link as most are written: http(s), a host of letters, digits, dots and hyphens, a path of
# unreserved characters. ``web_uri`` takes every such text as it is, so it is not asked.
PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?")


@lru_cache(maxsize=65536)  # checked, then asked again when the record is built
def is_web_url(value: str) -> bool:
    """Only what ``escape.web_uri`` makes a link of, without spaces: no ``javascript:``,
    ``file:``, bare words or ``https://comune.it@altro.example``."""
    if PLAIN_URL.fullmatch(value):
        return True
    return web_uri(value) is not None and not _SPACE.search(value)


def url_reason(value: str) -> str:
    """Why a web address is refused, when there is more to say than "start with https://"."""
    if _SPACE.search(value):
        return " (contiene spazi o a capo: togli gli spazi, o scrivili come %20)"
    head = value.split("://", 1)[-1].split("/", 1)[0]
    if "@" in head:
        return (
            " (contiene «@» prima del nome del sito: un link non può avere nome utente o password)"
        )
    return ""


def check_hours(record: Node, ctx: Context) -> Iterator[Problem]:
    orari = record.get("orari")
    if orari is None or not isinstance(orari.value, dict):
        return
    for day, node in orari.value.items():
        if day not in DAYS or not isinstance(node.value, str):
            continue  # unknown days and wrong types are reported by the schema
        try:
            parse_day(node.value)
        except HoursError as exc:
            yield ctx.at(node, "bad-hours", day=day, value=node.value, reason=str(exc))


@lru_cache(maxsize=4096)
def parse_date(value: str) -> dt.date | None:
    """``"2026-03-14"`` -> the date; None when not an ISO date or not a real day.

    Cached: thousands of records share a few dates (the day of a review, the summer closure),
    and each closure's dates are read by the checks and again when the record is built."""
    if not ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_dates(record: Node, ctx: Context) -> Iterator[Problem]:
    node = record.get("aggiornato")
    if node is not None and isinstance(node.value, str):
        yield from _check_updated(node, ctx)
    chiusure = record.get("chiusure")
    if chiusure is not None and isinstance(chiusure.value, list):
        for item in chiusure.value:
            yield from _check_closure(item, ctx)


# ``aggiornato`` is the day a person checked the record: not before this project's kind of data
# existed (an earlier year is a typo, and dates before 1970 cannot date a reproducible build,
# whose SOURCE_DATE_EPOCH comes from the newest one), and at most tomorrow (a volunteer in Italy
# just after midnight is a day ahead of a CI machine on UTC).
EARLIEST_UPDATE = dt.date(2000, 1, 1)


def _check_updated(node: Node, ctx: Context) -> Iterator[Problem]:
    if not ISO_DATE.match(node.value):  # type: ignore[arg-type]
        return
    day = parse_date(node.value)  # type: ignore[arg-type]
    latest = ctx.latest
    if day is None:
        yield ctx.at(node, "bad-date", key="aggiornato", value=node.value)
    elif day > latest:
        yield ctx.at(node, "future-date", key="aggiornato", value=node.value, latest=latest)
    elif day < EARLIEST_UPDATE:
        yield ctx.at(
            node, "date-too-old", key="aggiornato", value=node.value, earliest=EARLIEST_UPDATE
        )
    elif day < ctx.stale_before:
        yield ctx.at(node, "stale", value=node.value)


def latest_update(today: dt.date) -> dt.date:
    """The last day ``aggiornato`` may hold: tomorrow (``date.max`` stays itself)."""
    return today if today == dt.date.max else today + dt.timedelta(days=1)


def year_before(today: dt.date) -> dt.date:
    """The same day a year earlier: older verifications are stale (also ``servicemap report``)."""
    if today.year == dt.MINYEAR:
        return dt.date.min
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def _check_closure(item: Node, ctx: Context) -> Iterator[Problem]:
    dates = {}
    for key in ("dal", "al"):
        node = item.get(key)
        if node is None or not isinstance(node.value, str):
            continue
        dates[key] = parse_date(node.value)
        if dates[key] is None and ISO_DATE.match(node.value):
            yield ctx.at(node, "bad-date", key=f"chiusure.{key}", value=node.value)
    start, end = dates.get("dal"), dates.get("al")
    if start and end and end < start:
        yield ctx.at(item.get("al"), "closure-order", start=start, end=end)  # type: ignore[arg-type]


def check_comuni(record: Node, ctx: Context) -> Iterator[Problem]:
    folded = ctx.allowed_folded()
    if not folded or clean.known_comuni(record.plain(), folded):  # type: ignore[arg-type]
        return
    indirizzo = record.get("indirizzo")
    comune = indirizzo.get("comune") if indirizzo is not None else None
    for key, nodes in (("indirizzo.comune", texts(comune)),
                       ("comuni_serviti", texts(record.get("comuni_serviti")))):  # fmt: skip
        for node in nodes:
            if folded and fold(node.value) not in folded:  # type: ignore[arg-type]
                yield from _check_comune(node, key, ctx.comuni + ctx.limitrofi, ctx)


def _check_comune(node: Node, key: str, allowed: list[str], ctx: Context) -> Iterator[Problem]:
    value = node.value
    if not allowed or fold(value) in ctx.allowed_folded():  # type: ignore[arg-type]
        return
    hint = _near_hint(value, allowed)  # type: ignore[arg-type]
    yield ctx.at(
        node, "unknown-comune", key=key, value=value, hint=hint, choices=", ".join(allowed)
    )


def check_vocabulary(record: Node, ctx: Context) -> Iterator[Problem]:
    plain: dict = record.plain()  # type: ignore[assignment]
    for kind, known in ctx.kinds:
        if clean.all_known(plain.get(kind), known):
            continue
        for node in texts(record.get(kind)):
            if nfc(node.value) not in known:  # type: ignore[arg-type]
                hint = _near_hint(node.value, known)  # type: ignore[arg-type]
                choices = ", ".join(known)
                yield ctx.at(
                    node, "unknown-term", key=kind, value=node.value, hint=hint, choices=choices
                )


def _near_hint(value: str, choices: Iterable[str]) -> str:
    """`` (forse «Pioltello»?)``; or, when that would look just like ``value``, what is wrong."""
    near = closest(value, choices)
    why = explain_lookalike(value, near)
    if why:
        return f" ({why})"
    return f" (forse «{near}»?)" if near else ""


def check_languages(record: Node, ctx: Context) -> Iterator[Problem]:
    known = ctx.vocabulary.lingue
    if clean.all_known(record.plain().get("lingue"), known):  # type: ignore[union-attr]
        return
    for node in texts(record.get("lingue")):
        value = node.value
        if nfc(value) in known:  # type: ignore[arg-type]
            continue
        why = explain_lookalike(value, closest(value, known))  # type: ignore[arg-type]
        by_name = {fold(lang.italian): code for code, lang in known.items()}
        code = by_name.get(fold(value), "")  # type: ignore[arg-type]
        hint = f" ({why})" if why else f" (per «{value}» scrivi «{code}»)" if code else ""
        yield ctx.at(node, "unknown-language", value=value, hint=hint)


def check_position(record: Node, ctx: Context) -> Iterator[Problem]:
    node = record.get("posizione")
    point = _numbers(node)
    if node is None or point is None:
        return  # absent, or not numbers: the schema has said so
    lat, lon = point
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        if -90 <= lon <= 90 and -180 <= lat <= 180:
            yield ctx.at(node, "swapped-position", key_position=True, lat=lon, lon=lat)
        else:
            yield ctx.at(node, "bad-position", key_position=True, value=f"{lat}, {lon}")
        return
    verdict = (ctx.geo or GeoCheck(None)).judge(point)
    if verdict == "swapped":
        yield ctx.at(node, "swapped-position", key_position=True, lat=lon, lon=lat)
    elif verdict == "outside":
        yield ctx.at(node, "outside-territory", key_position=True, lat=lat, lon=lon)


def _numbers(node: Node | None) -> tuple[float, float] | None:
    return _point(node.plain() if node is not None else None)


def _point(point: object) -> tuple[float, float] | None:
    """The (lat, lon) of a plain ``posizione`` written as two numbers, in any range."""
    if type(point) is not dict:
        return None
    lat, lon = point.get("lat"), point.get("lon")
    if not (
        type(lat) is str
        and type(lon) is str
        and COORDINATE.fullmatch(lat)
        and COORDINATE.fullmatch(lon)
    ):
        return None
    return float(lat), float(lon)


def read_position(node: Node | None) -> tuple[float, float] | None:
    """``{lat: "45.49", lon: "9.32"}`` -> (45.49, 9.32), or None when not a valid point."""
    return read_point(node.plain() if node is not None else None)


def read_point(plain: object) -> tuple[float, float] | None:
    """``read_position`` of a plain ``posizione`` (the loader's twin of its node)."""
    point = _point(plain)
    if point is None or not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        return None
    return point


CHECKS = (
    check_id,
    check_hidden_characters,
    check_phones,
    check_email,
    check_urls,
    check_hours,
    check_dates,
    check_comuni,
    check_vocabulary,
    check_languages,
    check_position,
    translations.check_translations,
)

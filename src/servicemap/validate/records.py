"""Validate a loaded ``services.yaml``: the JSON Schema first, then the checks of ``checks``.

Every problem is collected (a volunteer wants the whole list at once), and every record that has
its required fields becomes a ``model.Service`` even when something else in it is wrong, so that
a report can show it; the build stops anyway when there are errors. The work is linear in the
number of records: the schema validator is compiled once, ids are checked with a dict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from servicemap.core.geo import GeoCheck
from servicemap.core.hours import HoursError, parse_day
from servicemap.core.model import DAYS, Address, Closure, Service, Territory, TimeRange
from servicemap.core.names import nfc
from servicemap.core.phones import parse_phone
from servicemap.load.document import Node, gc_paused
from servicemap.load.paths import PageClaims
from servicemap.problems.problem import Problem
from servicemap.validate import checks, contract, duplicates, translations
from servicemap.validate.contract import Vocabulary

# Lists of codes and comuni: compared in NFC (``names.nfc``), so kept in NFC, or ``Città``
# typed on a Mac and on Windows would make two pages with one address.
CANONICAL_LISTS = frozenset({"tipo", "aree", "attivita", "accesso", "lingue", "comuni_serviti"})
# Optional keys the contract added after its first version, kept in ``Service.extra``.
EXTRA_KEYS: tuple[str, ...] = ("nota_fonte", "contatti_note")


@dataclass
class Dataset:
    """What ``services.yaml`` says: its territory section and its records."""

    territory_name: str = ""
    comuni: list[str] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    comuni_limitrofi: list[str] = field(default_factory=list)  # outside, but a member sits there


def validate_document(
    doc: Node,
    *,
    file: str,
    vocabulary: Vocabulary,
    territory: Territory | None = None,
    today: dt.date | None = None,
) -> tuple[Dataset, list[Problem]]:
    """Check ``doc`` against the contract; return the records and every problem found."""
    with gc_paused():
        return _validate(doc, file, vocabulary, territory, today)


def _validate(
    doc: Node,
    file: str,
    vocabulary: Vocabulary,
    territory: Territory | None,
    today: dt.date | None,
) -> tuple[Dataset, list[Problem]]:
    problems = contract.schema_problems(doc, file)
    section = doc.get("territorio")
    dataset = Dataset(
        territory_name=section.text("nome") if section is not None else "",
        comuni=_strings(section.get("comuni") if section is not None else None),
        comuni_limitrofi=_strings(section.get("comuni_limitrofi") if section is not None else None),
    )
    known = [c.name for c in territory.comuni] if territory else []
    comuni = dataset.comuni or known
    ctx = checks.Context(
        file=file,
        vocabulary=vocabulary,
        comuni=comuni,
        limitrofi=dataset.comuni_limitrofi,
        today=today or dt.date.today(),
        geo=GeoCheck(territory),
    )
    problems += _territory_problems(section, ctx)
    records = doc.get("servizi")
    for record in records.value if records is not None and records.is_list else []:  # type: ignore[union-attr]
        if not record.is_mapping:
            continue  # the schema reported it
        for check in checks.CHECKS:
            problems.extend(check(record, ctx))
        service = build_service(record)
        if service is not None:
            dataset.services.append(service)
    if records is not None and records.is_list:
        problems += duplicates.possible_duplicates(records.value, file)  # type: ignore[arg-type]
    return dataset, problems


def _territory_problems(section: Node | None, ctx: checks.Context) -> list[Problem]:
    """Invisible characters in the territory's names, and comuni that would share a page."""
    if section is None:
        return []
    comuni = [("comuni", n) for n in checks.texts(section.get("comuni"))]
    comuni += [("comuni_limitrofi", n) for n in checks.texts(section.get("comuni_limitrofi"))]
    found = list(checks.hidden_in_names([("territorio.nome", section.get("nome")), *comuni], ctx))
    pages = PageClaims("comuni")
    for key, node in comuni:
        if node.value:
            found += pages.claim(node.value, ctx.file, node.line, node.column, key=key)  # type: ignore[arg-type]
    return found


def _strings(node: Node | None) -> list[str]:
    return [nfc(item.value) for item in checks.texts(node) if item.value]  # type: ignore[arg-type]


def build_service(record: Node) -> Service | None:
    """A ``Service`` from a record with its required fields; invalid optional parts left out."""
    fields: dict[str, Node] = record.value  # type: ignore[assignment]
    # The record's text values and its lists of texts, read once (this runs 10,000 times), from
    # the plain twin the loader built beside the nodes.
    text: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    plain: dict[str, object] = record.plain()  # type: ignore[assignment]
    for key, value in plain.items():
        if type(value) is str:
            text[key] = value
        elif type(value) is list:
            lists[key] = [v for v in value if type(v) is str and v]
    for key in CANONICAL_LISTS & lists.keys():  # compared in NFC: stored so, one page each
        if not "".join(lists[key]).isascii():  # ASCII is its own NFC
            lists[key] = [nfc(v) for v in lists[key]]
    get, no_list = text.get, []
    address = _texts(plain.get("indirizzo"))
    tipo = lists.get("tipo", no_list)
    comune = nfc(address.get("comune", ""))
    if not (get("id") and get("nome") and get("aggiornato") and tipo and comune):
        return None
    sito, fonte = get("sito", ""), get("fonte", "")
    return Service(
        id=text["id"],
        nome=text["nome"],
        tipo=tipo,
        indirizzo=Address(
            comune=comune,
            via=address.get("via", ""),
            cap=address.get("cap", ""),
            provincia=address.get("provincia", ""),
        ),
        aggiornato=text["aggiornato"],
        line=record.line,
        ente=get("ente", ""),
        descrizione=get("descrizione", ""),
        attivita=lists.get("attivita", []),
        aree=lists.get("aree", []),
        destinatari=get("destinatari", ""),
        written_position=checks.read_point(plain.get("posizione")),
        telefoni=[p for p in map(parse_phone, lists.get("telefoni", no_list)) if p],
        email=get("email", ""),
        sito=sito if sito and checks.is_web_url(sito) else "",
        orari=_hours(plain.get("orari")),
        festivi=get("festivi") or "chiuso",
        chiusure=_closures(plain.get("chiusure")),
        note_orari=get("note_orari", ""),
        accesso=lists.get("accesso", []),
        lingue=lists.get("lingue", []),
        accessibilita=_texts(plain.get("accessibilita")),
        documenti=lists.get("documenti", []),
        costo=get("costo", ""),
        comuni_serviti=lists.get("comuni_serviti", []),
        verificato_da=get("verificato_da", ""),
        fonte=fonte if fonte and checks.is_web_url(fonte) else "",
        extra={key: text[key] for key in EXTRA_KEYS if text.get(key)},
        traduzioni=translations.read(record, _closure_kept) if "traduzioni" in fields else {},
    )


def _texts(mapping: object) -> dict[str, str]:
    """The texts of a plain mapping (``{}`` when it is not one): ``Node.text`` for all keys."""
    if type(mapping) is not dict:
        return {}
    return {key: value for key, value in mapping.items() if type(value) is str}


def _hours(days: object) -> dict[str, list[TimeRange]]:
    """Parsed ranges per day (of the plain ``orari``), in week order; days that do not parse
    are left out."""
    if type(days) is not dict:
        return {}
    found = {}
    for day in DAYS:  # week order, whatever the order written
        value = days.get(day)
        if type(value) is str:
            try:
                found[day] = parse_day(value)
            except HoursError:
                continue
    return found


def _closures(items: object) -> list[Closure]:
    """The closures (of the plain ``chiusure``) with two valid dates in order."""
    found = []
    for item in items if type(items) is list else ():
        given = _texts(item)
        dal, al = given.get("dal", ""), given.get("al", "")
        start, end = checks.parse_date(dal), checks.parse_date(al)
        if start and end and start <= end:  # as ``_closure_kept``, with the dates at hand
            # ``parse_date`` takes only AAAA-MM-GG: the text is already the ISO form
            found.append(Closure(dal, al, given.get("nota", "")))
    return found


def _closure_kept(item: Node) -> bool:
    """A closure with two valid dates in order: the others are left out of the ``Service``."""
    start, end = checks.parse_date(item.text("dal")), checks.parse_date(item.text("al"))
    return bool(start and end and start <= end)

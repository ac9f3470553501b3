"""The validated records, as the later stages (place, render, export) see them.

A ``Service`` holds the values exactly as the volunteer wrote them (strings stay strings), already
checked by ``validate``; derived values (display phone numbers, parsed timetables, position)
sit beside them so that no later stage re-parses or re-guesses anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

DAYS: tuple[str, ...] = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")
# Italian day names for the open data (HSDS); pages name the days in their own language
# (``render.context.day_names``, from Babel).
DAY_NAMES: dict[str, str] = {
    "lun": "Lunedì",
    "mar": "Martedì",
    "mer": "Mercoledì",
    "gio": "Giovedì",
    "ven": "Venerdì",
    "sab": "Sabato",
    "dom": "Domenica",
}

# How a record was placed; pages say it in their language (``scheda.precisione.*`` in
# ``data/interfaccia.yaml``).
Precision = Literal["manuale", "indirizzo", "comune"]


@dataclass(frozen=True)
class Phone:
    """A phone number as written, and its normalised forms for display and ``tel:`` links."""

    raw: str
    display: str  # "02 9236 6364"
    e164: str  # "+390292366364", used in tel: links


@dataclass(frozen=True)
class TimeRange:
    start: str  # "09:00"
    end: str  # "12:00"


@dataclass(frozen=True)
class Closure:
    start: str  # ISO date "2026-08-01"
    end: str  # ISO date, inclusive
    note: str = ""


@dataclass(frozen=True)
class Address:
    comune: str
    via: str = ""
    cap: str = ""
    provincia: str = ""

    def one_line(self) -> str:
        """The address as a person writes it on an envelope."""
        parts = [self.via, " ".join(x for x in (self.cap, self.comune) if x)]
        text = ", ".join(p for p in parts if p)
        return f"{text} ({self.provincia})" if self.provincia else text


@dataclass
class Position:
    lat: float
    lon: float
    precision: Precision
    source: str = ""  # e.g. "nominatim: Via Roma 1, Pioltello" or "comune"


@dataclass
class Service:
    """One access point: a place a citizen can go to or call."""

    id: str
    nome: str
    tipo: list[str]
    indirizzo: Address
    aggiornato: str  # ISO date
    line: int = 0  # line of the record in services.yaml (for messages and "modifica" links)
    ente: str = ""
    descrizione: str = ""
    attivita: list[str] = field(default_factory=list)
    aree: list[str] = field(default_factory=list)
    destinatari: str = ""
    # ``posizione`` in services.yaml: the (lat, lon) the volunteer wrote, if any; where the map
    # puts the desk is ``placed_position``, which place.placement sets from this, the geocache
    # or the comune
    written_position: tuple[float, float] | None = None
    telefoni: list[Phone] = field(default_factory=list)
    email: str = ""
    sito: str = ""
    orari: dict[str, list[TimeRange]] = field(default_factory=dict)  # day key -> ranges
    festivi: str = "chiuso"
    chiusure: list[Closure] = field(default_factory=list)
    note_orari: str = ""
    accesso: list[str] = field(default_factory=list)
    lingue: list[str] = field(default_factory=list)  # ISO 639-1 codes
    accessibilita: dict[str, str] = field(default_factory=dict)  # sedia_a_rotelle, note
    documenti: list[str] = field(default_factory=list)
    costo: str = ""
    comuni_serviti: list[str] = field(default_factory=list)  # defaults to [own comune]
    verificato_da: str = ""
    fonte: str = ""
    extra: dict[str, object] = field(default_factory=dict)  # optional keys added by a territory
    placed_position: Position | None = None  # set by place.placement, with its precision
    # ``traduzioni``: language code -> the record's text keys (TRANSLATABLE) in that language
    traduzioni: dict[str, dict[str, object]] = field(default_factory=dict)
    # On a copy made by ``localized``: the record as written (in Italian); None on the record.
    original: Service | None = field(default=None, repr=False, compare=False)

    @property
    def comune(self) -> str:
        return self.indirizzo.comune

    def served_comuni(self) -> list[str]:
        """Who may turn to it: ``comuni_serviti``, or its own comune when not given."""
        return self.comuni_serviti or [self.indirizzo.comune]


# The record's own words, which ``traduzioni`` may give in another language (everything else,
# codes, numbers, names of places, is the same in every language). A dotted key is one text
# inside a group: ``accessibilita.note``; ``chiusure.nota`` is the note of each closure.
TRANSLATABLE: tuple[str, ...] = (
    "nome", "descrizione", "destinatari", "documenti", "costo", "note_orari",
    "contatti_note", "nota_fonte", "accessibilita.note", "chiusure.nota",
)  # fmt: skip
EXTRA_TEXTS = frozenset({"contatti_note", "nota_fonte"})  # kept in ``Service.extra``


@dataclass(frozen=True)
class Localized:
    """A record as a page in one language shows it."""

    service: Service  # a copy whose TRANSLATABLE keys hold the translation where there is one
    italian: frozenset[str]  # the keys with a value but no translation: shown in Italian


def localized(service: Service, lang: str, source: str = "it") -> Localized:
    """The record in ``lang``: its translation where given, the Italian text elsewhere.

    The page marks every key of ``italian`` with ``lang="it"`` and says once, in the page's
    language, that the text is available only in Italian. ``chiusure.nota`` is in ``italian``
    when any closure's note is left in Italian. The copy's ``original`` is the record as
    written, so what needs every language (the JSON-LD) can still reach the Italian text.
    """
    if lang == source:
        return Localized(service, frozenset())
    words = service.traduzioni.get(lang, {})
    changes: dict[str, object] = {}
    italian = set()
    for key in TRANSLATABLE:
        if not _italian_text(service, key):
            continue
        if not _apply(service, key, words.get(key), changes):
            italian.add(key)
    if not changes:
        return Localized(service, frozenset(italian))
    copy = replace(service, **changes, original=service.original or service)
    return Localized(copy, frozenset(italian))


def _italian_text(service: Service, key: str) -> object:
    """The Italian value of a TRANSLATABLE key ("" or [] when the record has none)."""
    if key in EXTRA_TEXTS:
        return service.extra.get(key, "")
    if key == "accessibilita.note":
        return service.accessibilita.get("note", "")
    if key == "chiusure.nota":
        return [c.note for c in service.chiusure if c.note]
    return getattr(service, key)


def _apply(service: Service, key: str, words: object, changes: dict[str, object]) -> bool:
    """Put the translation of ``key`` into ``changes``; False when some of it stays Italian."""
    if not words:
        return False
    if key in EXTRA_TEXTS:
        changes["extra"] = {**changes.get("extra", service.extra), key: words}  # type: ignore[dict-item]
    elif key == "accessibilita.note":
        changes["accessibilita"] = {**service.accessibilita, "note": words}
    elif key == "chiusure.nota":
        notes = list(words) + [""] * len(service.chiusure)  # type: ignore[call-overload]
        changes["chiusure"] = [
            replace(c, note=n or c.note) for c, n in zip(service.chiusure, notes, strict=False)
        ]
        return all(n or not c.note for c, n in zip(service.chiusure, notes, strict=False))
    else:
        changes[key] = words
    return True


@dataclass(frozen=True)
class Comune:
    name: str
    slug: str
    istat: str = ""
    province: str = ""
    point: tuple[float, float] | None = None  # representative (lat, lon), inside the boundary
    geometry: dict | None = None  # GeoJSON geometry of the boundary, lon/lat order
    neighbour: bool = False  # outside the territory (``comuni_limitrofi``): drawn, not zoomed to


@dataclass
class Territory:
    """The area a site covers: its name and its comuni (with boundaries when known)."""

    name: str
    comuni: list[Comune]
    attribution: str = ""  # source and licence of the boundaries, shown on the site

    @cached_property
    def _by_name(self) -> dict[str, Comune]:
        """Built once: ``place`` looks up every record's comune, thousands of times a build."""
        return {c.name.casefold(): c for c in self.comuni}

    def find(self, name: str) -> Comune | None:
        return self._by_name.get(name.casefold())

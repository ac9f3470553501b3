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
    posizione: tuple[float, float] | None = None  # (lat, lon) as written, if given
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
    position: Position | None = None  # set by place.py
    # ``traduzioni``: language code -> the record's text keys (TRANSLATABLE) in that language
    traduzioni: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def comune(self) -> str:
        return self.indirizzo.comune

    def served_comuni(self) -> list[str]:
        """Who may turn to it: ``comuni_serviti``, or its own comune when not given."""
        return self.comuni_serviti or [self.indirizzo.comune]


# The record's own words, which ``traduzioni`` may give in another language (everything else,
# codes, numbers, names of places, is the same in every language).
TRANSLATABLE: tuple[str, ...] = (
    "nome", "descrizione", "destinatari", "documenti", "costo", "note_orari",
)  # fmt: skip


@dataclass(frozen=True)
class Localized:
    """A record as a page in one language shows it."""

    service: Service  # a copy whose TRANSLATABLE keys hold the translation where there is one
    italian: frozenset[str]  # the keys with a value but no translation: shown in Italian


def localized(service: Service, lang: str, source: str = "it") -> Localized:
    """The record in ``lang``: its translation where given, the Italian text elsewhere.

    The page marks every key of ``italian`` with ``lang="it"`` and says once, in the page's
    language, that the text is available only in Italian.
    """
    given = [key for key in TRANSLATABLE if getattr(service, key)]
    if lang == source:
        return Localized(service, frozenset())
    words = service.traduzioni.get(lang, {})
    found = {key: words[key] for key in given if words.get(key)}
    copy = replace(service, **found) if found else service
    return Localized(copy, frozenset(key for key in given if key not in found))


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

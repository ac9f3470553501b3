"""What the map and search scripts read: labels, type styles and records in a compact form.

The browser pages work without a server (``file://`` included), so their data cannot be fetched:
it goes into classic ``<script src>`` files that set a ``window.SERVICEMAP_*`` value. Records
are arrays, not objects, and labels live in tables the records point into by index: with
10,000 records every repeated key or label costs megabytes. Everything is written with
``script_json`` (no ``</script>`` break-out) and in the records' order, so two builds of the
same data are byte-identical.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from servicemap.core import language_names
from servicemap.core.hours import Schedule
from servicemap.core.model import DAYS, Service, Territory
from servicemap.core.text import script_json, slugify
from servicemap.validate import contract
from servicemap.validate.contract import Vocabulary

DEFAULT_SERVICE_URL = "../servizi/{id}/"  # from mappa/ and cerca/ (both one folder deep)

# Okabe-Ito colours first (told apart by people with colour-blindness), then a few more; each
# with the text colour that reads on it (contrast at least 4.5:1, tested in test_a11y.py).
# Colour is never the only signal: markers carry a code.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#0072B2", "#ffffff"),
    ("#D55E00", "#000000"),  # white on it is 3.9:1, under WCAG's 4.5:1
    ("#009E73", "#000000"),
    ("#CC79A7", "#000000"),
    ("#E69F00", "#000000"),
    ("#56B4E9", "#000000"),
    ("#F0E442", "#000000"),
    ("#882255", "#ffffff"),
    ("#117733", "#ffffff"),
    ("#44AA99", "#000000"),
    ("#AA4499", "#ffffff"),
    ("#555555", "#ffffff"),
)
PRECISION_CODES = {"manuale": 0, "indirizzo": 1, "comune": 2}
_STOP_WORDS = {"di", "del", "della", "dei", "delle", "e", "per", "a", "da", "il", "la"}
# What the search ignores, as servicemap-match.js does (keep the two in step): accents and
# Arabic short vowels and tatweel; hamza seats, alef wasla, alef maksura and ta marbuta read as
# their plain letter (people type "اسرة" for "أسرة").
_COMBINING = re.compile("[\u0300-\u036f\u064b-\u065f\u0670\u0640]")
_LETTERS = str.maketrans({"ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})


@dataclass(frozen=True)
class Labels:
    """The labels of the vocabulary codes in one interface language, as the pages show them."""

    tipo: dict[str, str]
    aree: dict[str, str]
    attivita: dict[str, str]
    lingue: dict[str, tuple[str, str]]  # code -> (own name, name in the page's language)
    # kind -> code -> the words people type for it (vocabulary ``parole``), for the search page:
    # in the page's language and in Italian (the Italian label too), so "bollette" finds on /en/
    words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    lang: str = "it"
    italian_names: dict[str, str] = field(default_factory=dict)  # languages: code -> Italian
    # languages: code -> the label the pages show (``language_names.label``: ``arabo (العربية)``)
    language_labels: dict[str, str] = field(default_factory=dict)

    def language(self, code: str) -> str:
        """``ar`` -> ``arabo (العربية)`` on an Italian page: the label the service page shows."""
        return self.language_labels.get(code) or language_names.label(code, self.lang)


def fold(text: str) -> str:
    """Lowercase without accents (``Città`` -> ``citta``, ``أسرة`` -> ``اسره``): what the search
    box compares. NFKD also turns full-width and presentation forms into plain letters."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_LETTERS).lower()


def labels_of(vocabulary: Vocabulary | None, lang: str = "it") -> Labels:
    """The labels of the build's vocabulary in ``lang`` (the packaged defaults when None, as in
    tests), from ``Labels.from_vocabulary``: Italian where the vocabulary gives none."""
    from servicemap.render.labels import Labels as PageLabels

    if vocabulary is None:
        vocabulary, _ = contract.load_vocabulary(Path(os.devnull))  # no territory additions
    local = PageLabels.from_vocabulary(vocabulary, lang)
    italian = local if lang == "it" else PageLabels.from_vocabulary(vocabulary, "it")

    def labels(kind: str) -> dict[str, str]:
        return {code: local.label(kind, code) for code in vocabulary.terms(kind)}

    def words(kind: str, code: str) -> tuple[str, ...]:
        """The words in ``lang``, then the Italian label and words (those the page does not
        already show: until a term is translated its label and words are the Italian ones)."""
        found = local.words_of(kind, code)
        if lang == "it":
            return found
        shown = {local.label(kind, code), *found}
        extra = (italian.label(kind, code), *italian.words_of(kind, code))
        return (*found, *(w for w in dict.fromkeys(extra) if w not in shown))

    return Labels(
        tipo=labels("tipo"),
        aree=labels("aree"),
        attivita=labels("attivita"),
        lingue={
            code: (language.native, _language_name(code, lang, language.italian))
            for code, language in vocabulary.lingue.items()
        },
        words={
            kind: {code: words(kind, code) for code in vocabulary.terms(kind)}
            for kind in ("tipo", "aree", "attivita")
        },
        lang=lang,
        italian_names={code: language.italian for code, language in vocabulary.lingue.items()},
        language_labels={code: local.label("lingue", code) for code in vocabulary.lingue},
    )


def _language_name(code: str, lang: str, italian: str) -> str:
    """A spoken language's name in the page's language: the vocabulary's Italian name on the
    Italian pages, CLDR's (Babel) in the others ("Arabic", "阿拉伯语"), Italian if it has none."""
    if lang == language_names.SOURCE_LANGUAGE:
        return italian
    return language_names.name_in(code, lang) or italian


@dataclass(frozen=True)
class TypeStyle:
    key: str
    label: str
    code: str  # 1-3 letters/digits drawn on the marker, e.g. "CA" for centro-ascolto
    background: str
    foreground: str


def type_styles(labels: Labels, services: Iterable[Service]) -> list[TypeStyle]:
    """Every type in the vocabulary order (then any other used), with a code and colours.

    The order and the colours depend on the vocabulary only, so a type keeps its colour when
    records change.
    """
    keys = list(labels.tipo)
    keys += sorted({t for s in services for t in s.tipo} - set(keys))
    styles, used = [], set()
    for index, key in enumerate(keys):
        code = _unique(_type_code(key), used)
        used.add(code)
        bg, fg = PALETTE[index % len(PALETTE)]
        styles.append(TypeStyle(key, labels.tipo.get(key, key), code, bg, fg))
    return styles


def _type_code(key: str) -> str:
    words = [w for w in slugify(key).split("-") if w and w not in _STOP_WORDS] or ["x"]
    if len(words) == 1:
        return words[0].upper() if len(words[0]) <= 3 else words[0][0].upper()
    return "".join(w[0] for w in words[:2]).upper()


def _unique(code: str, used: set[str]) -> str:
    candidate, n = code, 2
    while candidate in used:
        candidate, n = f"{code[:2]}{n}", n + 1
    return candidate


def comuni_table(territory: Territory | None, services: Iterable[Service]) -> list[str]:
    """The comuni names: the territory's first, then any a record names that it lacks."""
    names = [c.name for c in territory.comuni] if territory else []
    seen = {slugify(n) for n in names}
    for service in services:
        for name in [service.comune, *service.comuni_serviti]:
            if slugify(name) not in seen:
                seen.add(slugify(name))
                names.append(name)
    return names


def schedule_fields(service: Service | Schedule) -> list[object]:
    """A record's schedule for the pages' scripts (``ServicemapHours.schedule``), three fields:
    the week as one string, the flags (``HOLIDAYS_OPEN`` + ``BY_APPOINTMENT``), the closures.

    The week's days lun..dom are joined by ``|``: ``"09:00-12:00||15:00-18:00||||"``; it is
    empty when the record gives no hours (unknown, which is not the same as closed). The
    closures are ``[[dal, al, nota], ...]``. Every page (service page, Cerca, map, La mia lista)
    gets these same three, so every page says the same thing of the same desk.
    """
    schedule = service if isinstance(service, Schedule) else Schedule.of(service)
    week = schedule.week
    code = "|".join(",".join(f"{r.start}-{r.end}" for r in week[d]) for d in DAYS) if week else ""
    closures = [[c.start, c.end, c.note] for c in schedule.closures]
    return [code, schedule.flags, closures]


# The names of those three in the payloads that name their fields (``with_fields``).
SCHEDULE_FIELDS = ("orari", "flag_orari", "chiusure")


def schedule_values(service: Service) -> dict[str, object]:
    """``schedule_fields`` by name (``SCHEDULE_FIELDS``), for a payload's ``row``."""
    return dict(zip(SCHEDULE_FIELDS, schedule_fields(service), strict=True))


def index_of(items: Sequence[str]) -> dict[str, int]:
    return {slugify(item): n for n, item in enumerate(items)}


FIELDS_KEY = "campi"  # where a payload names the fields of its tables (``with_fields``)


def row(fields: Sequence[str], values: Mapping[str, object]) -> list[object]:
    """One record as an array in the order of ``fields``, the one list both sides read: the
    scripts look positions up by name in the payload's header (``ServicemapCommon.fields``).
    Every field must be given, and no other; trailing ``None`` values are left out (an optional
    last field costs no byte when absent, and reads as ``undefined`` in the browser)."""
    if set(values) != set(fields):
        raise ValueError(f"fields {sorted(set(values) ^ set(fields))} do not match {fields}")
    out = [values[name] for name in fields]
    while out and out[-1] is None:
        out.pop()
    return out


def with_fields(value: dict[str, object], fields: Mapping[str, Sequence[str]]) -> dict[str, object]:
    """``value`` with a header ``campi``: each table's field names, in order, written once per
    file (not per record: arrays stay small) so that no script hard-codes a position."""
    return {FIELDS_KEY: {table: list(names) for table, names in fields.items()}, **value}


def script_assignment(name: str, value: object) -> str:
    """A classic script that defines ``window.<name>``: loadable from ``file://``, no fetch()."""
    if not re.fullmatch(r"SERVICEMAP_[A-Z_]+", name):
        raise ValueError(f"unexpected global name {name!r}")
    return f"window.{name}={script_json(value)};\n"

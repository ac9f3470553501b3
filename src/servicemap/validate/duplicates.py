"""Likely duplicates: the same desk added twice, by two volunteers or by one who forgot.

Two records are likely the same desk when they are in the same comune and their names match
once folded (``name_key``): accents, case and punctuation removed, Italian stop words ("di",
"del", "per"...) dropped and the words sorted, so ``Centro d'ascolto Caritas`` is ``Caritas -
centro ascolto``. A name that still differs by one typo (a letter missing, extra, wrong or two
swapped, in a word of four letters or more) counts too when ``difflib`` agrees the two are at
least ``SIMILAR`` alike; numbers must be equal (``Sportello 1`` and ``Sportello 2`` are two desks).

Linear at 10,000 records: no comparison of every pair. Names are indexed by their whole key and
by the key with each word left out in turn (``_Index``); two names a typo apart share all the
words but one, so a dict lookup finds the few candidates, and only those are compared.

It is a warning, never an error: two real desks can share a name (a parish with two centres);
the message names the other record so the volunteer can check it at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from servicemap.core.names import fold
from servicemap.load.document import Node
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

SIMILAR = 0.9
Fuzzy = list[tuple[str, str]]  # (the other words, the word a typo may be in)
MIN_FUZZY_WORD = 4  # shorter words are compared exactly: "via" and "vie" are not typos
MIN_FUZZY_KEY = 10  # in a short name one letter is more than a typo
_WORD = re.compile(r"[a-z0-9]+")
STOP_WORDS = frozenset({
    "a", "ad", "al", "alla", "alle", "ai", "agli", "all", "d", "da", "dal", "dalla", "dai", "de",
    "del", "della", "delle", "dei", "degli", "dell", "di", "e", "ed", "il", "in", "l", "la", "le",
    "lo", "gli", "i", "nel", "nella", "nei", "per", "con", "su", "sul", "sulla", "un", "una",
    "uno",
})  # fmt: skip


def name_words(name: str) -> list[str]:
    """The words of a name as compared: folded, without accents, punctuation and stop words."""
    plain = name.lower() if name.isascii() else _ascii(fold(name))
    return sorted(set(_WORD.findall(plain)) - STOP_WORDS)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def name_key(name: str) -> str:
    return " ".join(name_words(name))


def possible_duplicates(records: Iterable[Node], file: str) -> Iterator[Problem]:
    """A warning on each later record that looks like an earlier desk, naming the earlier one."""
    index = _Index()
    for record in records:
        entry = _entry(record)
        if entry is None:
            continue
        comune, words, record_id, name_node = entry
        key = " ".join(words)
        fuzzy = _fuzzy_words(words, key)
        first = index.match(comune, key, fuzzy)
        if first is None:
            index.add(comune, key, fuzzy, record_id, name_node.line)
        elif first[0] != record_id:  # the same id twice: ``duplicate-id`` already says so
            yield problem(
                file, name_node.line, name_node.column, "possible-duplicate", key="nome",
                other=first[0], first=first[1],
            )  # fmt: skip


class _Index:
    """The names seen so far: by whole key, and by each key with one of its words left out.

    Two names one typo apart differ in one word and share all the others: leaving that word out
    gives both the same string, so a dict lookup finds the few names to compare. A bucket holds
    names that share every word but one; ``BUCKET`` bounds the comparisons in a pathological one.
    """

    BUCKET = 32

    def __init__(self) -> None:
        self.exact: dict[tuple[str, str], tuple[str, int]] = {}
        self.others: dict[tuple[str, str], list[tuple[str, str, str, int]]] = {}

    def add(self, comune: str, key: str, fuzzy: Fuzzy, record_id: str, line: int) -> None:
        self.exact.setdefault((comune, key), (record_id, line))
        for others, word in fuzzy:
            bucket = self.others.get((comune, others))
            if bucket is None:  # the usual case: no list made to be thrown away
                self.others[(comune, others)] = [(word, key, record_id, line)]
            elif len(bucket) < self.BUCKET:
                bucket.append((word, key, record_id, line))

    def match(self, comune: str, key: str, fuzzy: Fuzzy) -> tuple[str, int] | None:
        found = self.exact.get((comune, key))
        if found is not None:
            return found
        others_of = self.others.get
        hits = [
            (line, record_id)
            for others, word in fuzzy
            for other_word, other_key, record_id, line in others_of((comune, others), ())
            if one_typo(word, other_word) and _alike(key, other_key)
        ]
        return (min(hits)[1], min(hits)[0]) if hits else None


def _fuzzy_words(words: list[str], key: str) -> Fuzzy:
    """(the other words, the word) for each word a typo may hide in, in a long enough name."""
    if len(key) < MIN_FUZZY_KEY:
        return []
    return [
        (" ".join(words[:n] + words[n + 1 :]), word)
        for n, word in enumerate(words)
        if len(word) >= MIN_FUZZY_WORD and not word.isdigit()
    ]


def one_typo(a: str, b: str) -> bool:
    """One letter missing, extra or wrong, or two neighbours swapped (and not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        rest_a, rest_b = a[start + 1 :], b[start + 1 :]
        swapped = a[start : start + 2] == b[start : start + 2][::-1]
        return rest_a == rest_b or (swapped and a[start + 2 :] == b[start + 2 :])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short[start:] == long_[start + 1 :]


def _alike(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _entry(record: Node) -> tuple[str, list[str], str, Node] | None:
    """(folded comune, name words, id, the ``nome`` node) of a record with those as text."""
    fields = record.value
    if type(fields) is not dict:
        return None
    name, address = fields.get("nome"), fields.get("indirizzo")
    comune = address.get("comune") if address is not None else None
    if name is None or comune is None or type(name.value) is not str:
        return None
    words = name_words(name.value)
    if not words or type(comune.value) is not str:
        return None
    return fold(comune.value.strip()), words, record.text("id"), name

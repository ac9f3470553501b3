"""Likely duplicates: the same desk added twice, by two volunteers or by one who forgot.

Two records are likely the same desk when they are in the same comune and their names match
once folded (``name_key``): accents, case and punctuation removed, Italian stop words ("di",
"del", "per"...) dropped and the words sorted, so ``Centro d'ascolto Caritas`` is ``Caritas -
centro ascolto``. A name that still differs by one typo (a letter missing, extra, wrong or two
swapped, in a word of four letters or more) counts too when ``difflib`` agrees the two are at
least ``SIMILAR`` alike; numbers must be equal (``Sportello 1`` and ``Sportello 2`` are two desks).

Linear at 10,000 records: no pairwise comparison. Each name is indexed under its key and under
every variant with one letter deleted from one word (a symmetric deletion index, as spelling
correctors do): two names one typo apart share a variant, so a dict lookup finds the candidate,
and only candidates are compared with ``difflib``.

It is a warning, never an error: two real desks can share a name (a parish with two centres);
the message names the other record so the volunteer can check it at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from servicemap.load import Node
from servicemap.messages import problem
from servicemap.names import fold
from servicemap.problems import Problem

SIMILAR = 0.9
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
    plain = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode("ascii")
    return sorted({w for w in _WORD.findall(plain) if w not in STOP_WORDS})


def name_key(name: str) -> str:
    return " ".join(name_words(name))


def variants(words: list[str]) -> set[str]:
    """The key and, for a long enough name, every key with one letter deleted from one word."""
    key = " ".join(words)
    found = {key}
    if len(key) < MIN_FUZZY_KEY:
        return found
    for n, word in enumerate(words):
        if len(word) < MIN_FUZZY_WORD or word.isdigit():
            continue
        others = words[:n] + words[n + 1 :]
        for i in range(len(word)):
            found.add(" ".join(sorted([*others, word[:i] + word[i + 1 :]])))
    return found


def possible_duplicates(records: Iterable[Node], file: str) -> Iterator[Problem]:
    """A warning on each later record that looks like an earlier desk, naming the earlier one."""
    index: dict[tuple[str, str], tuple[str, str, int]] = {}  # (comune, variant) -> first
    for record in records:
        entry = _entry(record)
        if entry is None:
            continue
        comune, words, record_id, name_node = entry
        key, keys = " ".join(words), variants(words)
        first = _match(index, comune, key, keys)
        if first is not None:
            if first[0] != record_id:  # the same id twice: ``duplicate-id`` already says so
                yield problem(
                    file, name_node.line, name_node.column, "possible-duplicate", key="nome",
                    other=first[0], first=first[1],
                )  # fmt: skip
            continue
        for variant in keys:
            index.setdefault((comune, variant), (record_id, key, name_node.line))


def _match(index, comune: str, key: str, keys: set[str]) -> tuple[str, int] | None:
    """The earliest indexed record whose name is this one's, or one typo from it."""
    hits = [index[(comune, v)] for v in keys if (comune, v) in index]
    for record_id, other_key, line in sorted(hits, key=lambda hit: hit[2]):
        if other_key == key or _alike(key, other_key):
            return record_id, line
    return None


def _alike(a: str, b: str) -> bool:
    digits_a = [w for w in a.split() if w.isdigit()]
    if digits_a != [w for w in b.split() if w.isdigit()]:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _entry(record: Node) -> tuple[str, list[str], str, Node] | None:
    """(folded comune, name words, id, the ``nome`` node) of a record with those as text."""
    if not record.is_mapping:
        return None
    name, address = record.get("nome"), record.get("indirizzo")
    comune = address.get("comune") if address is not None and address.is_mapping else None
    if name is None or comune is None or type(name.value) is not str:
        return None
    words = name_words(name.value)
    if not words or type(comune.value) is not str:
        return None
    return fold(comune.value.strip()), words, record.text("id"), name

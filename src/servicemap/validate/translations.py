"""``traduzioni``: a record's own words in the site's other languages.

A record is written in Italian; ``traduzioni: {en: {...}, ar: {...}, zh: {...}}`` gives its text
keys (``TEXT_KEYS``, and the notes inside ``accessibilita`` and ``chiusure``) in the languages the
site is built in. Everything else (phones, hours, addresses, codes) is the same in every language,
so it is never translated: a phone number written twice could differ.

The JSON Schema checks the shapes, with the very definitions of the Italian keys (same types,
same rules). This module says, in Italian, what the schema alone would say badly: a language the
site has no version in (``traduzioni.fr``), a key that is not text (``traduzioni.en.telefoni``),
and a translation of a text the Italian record lacks (shown nowhere: Italian is the source).
It imports only leaves, so ``contract`` and ``checks`` can both use it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from servicemap.core.model import TRANSLATABLE
from servicemap.core.names import fold
from servicemap.load.document import Node
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

if TYPE_CHECKING:
    from servicemap.validate.checks import Context

# The site's interface languages other than Italian (``interfaccia.yaml``; a test keeps them equal).
LANGUAGES: tuple[str, ...] = ("en", "ar", "zh")
LANGUAGE_NAMES: dict[str, str] = {"en": "inglese", "ar": "arabo", "zh": "cinese"}
# Text keys translated as a whole (``documenti``: the whole list, in that language).
TEXT_KEYS: tuple[str, ...] = tuple(key for key in TRANSLATABLE if "." not in key)
# Groups of which only one text is translated: ``accessibilita.note``, each closure's ``nota``.
NESTED: dict[str, str] = dict(key.split(".") for key in TRANSLATABLE if "." in key)  # type: ignore[misc]
KEYS: tuple[str, ...] = (*TEXT_KEYS, *NESTED)


def choices() -> str:
    """``en (inglese), ar (arabo), zh (cinese)``: what may be written under ``traduzioni``."""
    return ", ".join(f"{code} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES)


def language_problem(file: str, node: Node, written: str) -> Problem:
    """``traduzioni.fr``: not a language the site is built in (or Italian itself)."""
    line, col = node.key_line or node.line, node.key_column or node.column
    if fold(written) == "it":
        why = "l'italiano è la scheda stessa: scrivi il testo nelle sue chiavi"
    elif written.casefold() in LANGUAGES or written.strip() in LANGUAGES:
        why = f"scrivi il codice così: «{written.strip().casefold()}»"
    else:
        why = (
            "il sito non ha una versione in questa lingua (se è una lingua parlata allo "
            "sportello, va in `lingue`)"
        )
    return problem(file, line, col, "unknown-translation-language", value=written, why=why,
                   choices=choices())  # fmt: skip


def key_problem(
    file: str, node: Node, key: str, same_everywhere: bool, allowed: Sequence[str]
) -> Problem:
    """``traduzioni.en.telefoni`` (the same in every language) or ``traduzioni.en.nom`` (a typo).

    ``key``: the full name as a volunteer reads it; ``allowed``: what may be written there."""
    line, col = node.key_line or node.line, node.key_column or node.column
    written = key.rsplit(".", 1)[-1]
    if same_everywhere:
        why = f"«{written}» vale per tutte le lingue e non si traduce: togli la riga"
    else:
        close = difflib.get_close_matches(fold(written), allowed, n=1, cutoff=0.6)
        why = (
            f"chiave sconosciuta: forse intendevi «{close[0]}»?" if close else "chiave sconosciuta"
        )
    shown = ", ".join(f"{k}.{NESTED[k]}" if k in NESTED else k for k in allowed)
    return problem(file, line, col, "not-translatable", key=key, why=why, keys=shown)


def extra_key_problems(
    file: str, node: Node, key: str, extras: list[str], known: list[str], record_schema: dict
) -> Iterator[Problem]:
    """The keys ``extras`` the schema refused at ``key`` (``traduzioni``, ``traduzioni.en`` or a
    group inside it, ``traduzioni.en.chiusure``): a language the site is not built in, or a key
    that is not one of the record's texts. What the same place holds in the Italian record
    (``record_schema``, the published definition of a record) says whether a key is the same in
    every language (``telefoni``, a closure's ``dal``) or a typo."""
    parts = key.split(".")
    italian = record_schema["properties"]
    for step in parts[2:]:  # the group's definition in the Italian record
        group = italian.get(step, {})
        italian = group.get("items", group).get("properties", {})
    for extra in extras:
        child = node.value[extra]  # type: ignore[index]
        if len(parts) == 1:
            yield language_problem(file, child, extra)
        else:
            yield key_problem(file, child, f"{key}.{extra}", extra in italian, known)


def named(record: Node) -> list[tuple[str, Node | None]]:
    """The translated names (``traduzioni.en.nome``), for the invisible-character warning."""
    return [(f"traduzioni.{code}.nome", words.get("nome")) for code, words in _languages(record)]


def check_translations(record: Node, ctx: Context) -> Iterator[Problem]:
    """A warning for each translation of a text the Italian record does not have: it would be
    shown nowhere (every page falls back to the Italian, which is missing), and it is usually
    a key moved or renamed in the Italian part and forgotten here."""
    for code, words in _languages(record):
        for key, node in words.value.items():  # type: ignore[union-attr]
            if key in TEXT_KEYS and _given(node) and not _given(record.get(key)):
                yield _orphan(ctx.file, node, f"traduzioni.{code}.{key}", f"`{key}`")
            elif key == "accessibilita" and node.is_mapping and node.get("note") is not None:
                italian = record.get("accessibilita")
                if not _given(italian.get("note") if italian is not None else None):
                    where = f"traduzioni.{code}.accessibilita.note"
                    yield _orphan(ctx.file, node.get("note"), where, "`accessibilita.note`")  # type: ignore[arg-type]
            elif key == "chiusure" and node.is_list:
                yield from _orphan_closures(ctx.file, record, code, node)


def _orphan_closures(file: str, record: Node, code: str, node: Node) -> Iterator[Problem]:
    """The n-th translated note goes with the n-th closure: one beyond them, or for a closure
    without a note, has nothing to translate."""
    closures = record.get("chiusure")
    italian = closures.value if closures is not None and closures.is_list else []
    for n, item in enumerate(node.value):  # type: ignore[arg-type]
        if not item.is_mapping or item.get("nota") is None:
            continue
        if n >= len(italian) or not _given(italian[n].get("nota")):  # type: ignore[index]
            where = f"traduzioni.{code}.chiusure.nota"
            yield _orphan(file, item.get("nota"), where, f"una `nota` per la chiusura n. {n + 1}")  # type: ignore[arg-type]


def _orphan(file: str, node: Node, key: str, italian: str) -> Problem:
    line, col = node.anchor()
    return problem(file, line, col, "translation-without-italian", key=key, italian=italian)


def _given(node: Node | None) -> bool:
    if node is None:
        return False
    value = node.value
    if type(value) is list:
        return any(type(item.value) is str and item.value for item in value)
    return type(value) is str and bool(value)


def _languages(record: Node) -> list[tuple[str, Node]]:
    """The well-formed translations of a record: (code, mapping) for the site's languages."""
    node = record.get("traduzioni")
    if node is None or not node.is_mapping:
        return []
    return [(c, w) for c, w in node.value.items() if c in LANGUAGES and w.is_mapping]  # type: ignore[union-attr]


def read(record: Node, closure_kept: Callable[[Node], bool]) -> dict[str, dict[str, object]]:
    """``Service.traduzioni``: language -> key -> text, only what is valid and not empty.

    Flat keys, as ``model.TRANSLATABLE`` names them: ``accessibilita.note``, and
    ``chiusure.nota`` holding one note per closure of the record (in its order, "" where not
    translated). Invalid parts are left out (the build stops on them anyway)."""
    found: dict[str, dict[str, object]] = {}
    for code, words in _languages(record):
        texts: dict[str, object] = {}
        given: dict[str, Node] = words.value  # type: ignore[assignment]
        for key in TEXT_KEYS:
            node = given.get(key)  # the dict's own get: this runs for every key of every language
            if node is None:
                continue
            if key == "documenti":
                items = (
                    [i.value for i in node.value if type(i.value) is str and i.value]
                    if node.is_list
                    else []
                )  # type: ignore[union-attr]
                if items:
                    texts[key] = items
            elif type(node.value) is str and node.value:
                texts[key] = node.value
        access = words.get("accessibilita")
        if access is not None and access.is_mapping and access.text("note"):
            texts["accessibilita.note"] = access.text("note")
        notes = _closure_notes(record, words.get("chiusure"), closure_kept)
        if notes:
            texts["chiusure.nota"] = notes
        if texts:
            found[code] = texts
    return found


def _closure_notes(record: Node, node: Node | None, kept: Callable[[Node], bool]) -> list[str]:
    """The translated notes aligned with the closures the record keeps (``kept``: the rule by
    which ``validate`` drops an invalid closure, so the n-th note stays with the n-th closure)."""
    if node is None or not node.is_list:
        return []
    closures = record.get("chiusure")
    italian = closures.value if closures is not None and closures.is_list else []
    notes = [
        item.text("nota") if n < len(node.value) and (item := node.value[n]).is_mapping else ""  # type: ignore[index, union-attr]
        for n, closure in enumerate(italian)  # type: ignore[arg-type]
        if kept(closure)
    ]
    return notes if any(notes) else []

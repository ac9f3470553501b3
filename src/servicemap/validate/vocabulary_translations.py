"""A vocabulary entry in the site's languages: its ``traduzioni``, checked where they are written.

Italian stays the entry itself (``etichetta``, ``descrizione``, ``parole``), so a territory's
Italian-only ``vocabolario.yaml`` keeps loading; every other interface language goes under
``traduzioni:``, with the same three keys, as on a record of ``services.yaml``::

    casa:
      etichetta: Casa
      descrizione: Affitto, sfratto, case popolari, ricerca di un alloggio.
      parole: [affitto, sfratto]
      traduzioni:
        en: {etichetta: Housing, descrizione: Rent, eviction..., parole: [rent, eviction]}

A language code the site is not built in is an error (its text would never be shown); a missing
language, or a translation without the description or words the Italian has, is a warning: the
pages of that language show the Italian text there, which works but is not whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from servicemap.core import language_names
from servicemap.core.names import closest, closest_hint
from servicemap.load import document as load
from servicemap.load.interface import interface
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

WORDING_KEYS: tuple[str, ...] = ("etichetta", "descrizione", "parole")
ENTRY_KEYS: tuple[str, ...] = (*WORDING_KEYS, "traduzioni")


@dataclass(frozen=True)
class Wording:
    """What a citizen reads for a vocabulary value in one language."""

    label: str
    description: str = ""
    words: tuple[str, ...] = ()  # what people type in that language ("bills", "فواتير")


def site_languages() -> tuple[str, ...]:
    """The interface languages (``lingue`` of ``interfaccia.yaml``), Italian first."""
    return tuple(interface().languages)


def in_language(italian: Wording, given: Wording | None) -> Wording:
    """A translation completed by the Italian: what it lacks, and the Italian words after its own.

    A person reading the English pages may still type «bollette», the word on their letters.
    """
    if given is None:
        return italian
    seen = {word.casefold() for word in given.words}
    words = given.words + tuple(word for word in italian.words if word.casefold() not in seen)
    return Wording(given.label or italian.label, given.description or italian.description, words)


def translations(
    entry: load.Node, italian: Wording, key: str, file: str
) -> tuple[dict[str, Wording], list[Problem]]:
    """The entry's wordings by language (Italian excluded) and what is wrong with them.

    ``italian``: the entry's own wording (``wording_of``); ``key``: its path for messages
    (``aree.casa``). Also checks the entry's own keys, so a translation written beside
    ``etichetta`` instead of under ``traduzioni`` is not ignored.
    """
    problems = _unknown_keys(entry, ENTRY_KEYS, key, file)
    node = entry.get("traduzioni")
    found: dict[str, Wording] = {}
    if node is not None and not node.is_mapping:
        line, col = node.anchor()
        detail = (f"`{key}.traduzioni` va scritto con una lingua per riga, per esempio "
                  "«en: {etichetta: ...}»")  # fmt: skip
        problems.append(problem(file, line, col, "vocabulary-invalid", detail=detail))
    elif node is not None:
        for lang, block in node.value.items():  # type: ignore[union-attr]
            where = f"{key}.traduzioni.{lang}"
            bad = _language_problem(block, lang, where, file)
            if bad:
                problems.append(bad)
                continue
            problems += _unknown_keys(block, WORDING_KEYS, where, file)
            found[lang], wrong = wording_of(block, where, file)
            problems += wrong
            problems += _incomplete(block, found[lang], italian, where, lang, file)
    missing = [lang for lang in site_languages()[1:] if lang not in found]
    if missing and (node is None or node.is_mapping):
        line, col = entry.anchor()
        blocks = ", ".join(f"`{lang}:`" for lang in missing)
        fix = f"sotto `traduzioni:` {blocks}, ciascuna con `etichetta:`, `descrizione:`, `parole:`"
        problems.append(problem(file, line, col, "vocabulary-untranslated", key=key,
                                what="la traduzione", where=_names(missing), fix=fix))  # fmt: skip
    return found, problems


def wording_of(node: load.Node, key: str, file: str) -> tuple[Wording, list[Problem]]:
    """``etichetta``, ``descrizione`` and ``parole`` of an entry or of one of its translations,
    and the problem of a ``parole`` that is not a list of words (said where it is written)."""
    words, bad = _words(node)
    found = Wording(node.text("etichetta"), node.text("descrizione"), words)
    if bad is None:
        return found, []
    line, col = bad.anchor()
    detail = f"`{key}.parole` deve essere un elenco, per esempio [SPID, CIE]"
    return found, [problem(file, line, col, "vocabulary-invalid", detail=detail)]


def _words(node: load.Node) -> tuple[tuple[str, ...], load.Node | None]:
    """``parole: [SPID, CIE]``, and the node that is not a list of words."""
    words = node.get("parole")
    if words is None:
        return (), None
    if not words.is_list or not all(item.is_text and item.value.strip() for item in words.value):
        return (), words
    return tuple(item.value.strip() for item in words.value), None  # type: ignore[union-attr]


def _language_problem(block: load.Node, lang: str, where: str, file: str) -> Problem | None:
    """A language the site has no pages in, or a block that is not a wording."""
    line, col = block.anchor()
    others = site_languages()[1:]
    if lang not in others:
        if lang == language_names.SOURCE_LANGUAGE:
            why = "l'italiano si scrive nella voce stessa, sopra `traduzioni`"
        else:
            near = closest(lang, others)
            why = f"forse intendevi «{near}»?" if near else "toglila o correggi il codice"
        detail = (f"«{lang}» non è una lingua del sito (le lingue del sito sono "
                  f"{', '.join(others)}): {why}")  # fmt: skip
        return problem(file, line, col, "vocabulary-invalid", detail=detail)
    if not block.is_mapping or not block.text("etichetta"):
        detail = f"`{where}` deve avere `etichetta:` (e di solito `descrizione:` e `parole:`)"
        return problem(file, line, col, "vocabulary-invalid", detail=detail)
    return None


def _incomplete(
    block: load.Node, given: Wording, italian: Wording, where: str, lang: str, file: str
) -> list[Problem]:
    """What the Italian has and the translation lacks: the page would show it in Italian."""
    lacking = [name for name, mine, source in (
        ("descrizione", given.description, italian.description),
        ("parole", given.words or block.get("parole"), italian.words),
    ) if source and not mine]  # fmt: skip
    if not lacking:
        return []
    line, col = block.anchor()
    there = "c'è" if len(lacking) == 1 else "ci sono"
    what = " e ".join(f"`{name}`" for name in lacking) + f", che in italiano {there}"
    fix = " e ".join(f"`{name}:`" for name in lacking) + f" sotto `{where}`"
    return [problem(file, line, col, "vocabulary-untranslated", key=where, what=what,
                    where=_names([lang]), fix=fix)]  # fmt: skip


def _names(codes: list[str]) -> str:
    """``inglese (en), arabo (ar) e cinese (zh)``: the languages, as a volunteer reads them."""
    names = [f"{language_names.name_in(code, 'it') or code} ({code})" for code in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " e " + names[-1]


def _unknown_keys(node: load.Node, allowed: tuple[str, ...], key: str, file: str) -> list[Problem]:
    """Keys of an entry or translation that nothing reads, with the closest allowed one."""

    if not node.is_mapping:
        return []
    problems = []
    for name, child in node.value.items():  # type: ignore[union-attr]
        if name in allowed:
            continue
        if name in site_languages():
            hint = f": le traduzioni vanno sotto `traduzioni:` (`{key}.traduzioni.{name}`)"
        else:
            hint = closest_hint(name, allowed)
        problems.append(problem(file, child.key_line, child.key_column, "unknown-key",
                                key=name, hint=hint))  # fmt: skip
    return problems

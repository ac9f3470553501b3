"""The data contract: vocabularies (labels per language) and the JSON Schema of ``services.yaml``.

The schema file ``data/servizi.schema.json`` is the single source of the structure: editors use
it (through the ``yaml-language-server`` modeline) to autocomplete and underline, and the
validator checks the same file. Its vocabulary enums list the *default* values so editors can
suggest them; a territory may add values in its own ``vocabolario.yaml``, so the validator drops
those enums and checks vocabulary values itself against the effective vocabulary.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from servicemap.core.names import (
    char_name,
    closest,
    closest_hint,
    explain_lookalike,
    invisible,
    nfc,
)
from servicemap.load import document as load
from servicemap.load import safefile
from servicemap.load.paths import PageClaims
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem
from servicemap.validate import translations, validators, vocabulary_translations
from servicemap.validate.vocabulary_translations import Wording

VOCABULARY_KINDS: tuple[str, ...] = ("tipo", "aree", "attivita", "accesso")
_SCHEMA_VOCABULARY_DEFS = {
    "tipo": "tipo",
    "aree": "area",
    "attivita": "attivita",
    "accesso": "accesso",
    "lingue": "lingua",
}


@dataclass(frozen=True)
class Term:
    """A vocabulary value: its code as written in the data and what a citizen reads."""

    code: str
    label: str  # "Centro di ascolto"
    description: str = ""  # one plain-Italian sentence
    # The words people type when they look for it ("SPID", "bollette", "pacco alimentare"):
    # searched on Cerca and shown on the need and type pages, so Material's search finds them too.
    words: tuple[str, ...] = ()
    # The same in the other interface languages (``traduzioni`` of the entry): "en" -> Wording
    translations: dict[str, Wording] = field(default_factory=dict, hash=False)

    def in_language(self, lang: str) -> Wording:
        """Label, description and words for a page in ``lang``, Italian where it has none."""
        italian = Wording(self.label, self.description, self.words)
        return vocabulary_translations.in_language(italian, self.translations.get(lang))


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, "ar"
    native: str  # "العربية"
    italian: str  # "arabo"


@dataclass
class Vocabulary:
    """The allowed values of ``tipo``, ``aree``, ``attivita``, ``accesso`` and ``lingue``."""

    tipo: dict[str, Term] = field(default_factory=dict)
    aree: dict[str, Term] = field(default_factory=dict)
    attivita: dict[str, Term] = field(default_factory=dict)
    accesso: dict[str, Term] = field(default_factory=dict)
    lingue: dict[str, Language] = field(default_factory=dict)
    # The pages of the kinds that have one (``aree/<slug>/``, ``tipi/<slug>/``), across files.
    pages: dict[str, PageClaims] = field(
        default_factory=lambda: {
            "aree": PageClaims("aree", True),
            "tipo": PageClaims("tipi", True),
        },
        repr=False,
    )

    def terms(self, kind: str) -> dict[str, Term]:
        """The terms of one kind (``tipo``, ``aree``, ``attivita``, ``accesso``)."""
        return getattr(self, kind)

    def label(self, kind: str, code: str) -> str:
        """The Italian label of a value, or the code itself when unknown."""
        term = self.terms(kind).get(code)
        return term.label if term else code


def default_vocabulary_path() -> Path:
    return Path(str(resources.files("servicemap") / "data" / "vocabolario.yaml"))


def schema_path() -> Path:
    """The published JSON Schema file (also copied to the site as open data)."""
    return Path(str(resources.files("servicemap") / "data" / "servizi.schema.json"))


def load_vocabulary(path: Path, *, within: Sequence[Path] = ()) -> tuple[Vocabulary, list[Problem]]:
    """The default vocabulary, extended by the territory's file at ``path`` if it exists.

    ``within``: the folders the territory's file may really be in (``safefile``).
    """
    vocabulary = Vocabulary()
    default = default_vocabulary_path()  # the package's own file: trusted wherever it really is
    problems = _merge_file(
        vocabulary, default, "vocabolario predefinito", (default.resolve().parent,)
    )
    if path.is_file() or path.is_symlink():
        problems += _merge_file(vocabulary, path, load_display_name(path), within)
    return vocabulary, problems


def load_display_name(path: Path) -> str:
    return safefile.display_path(path)


def _merge_file(
    vocabulary: Vocabulary, path: Path, name: str, within: Sequence[Path] = ()
) -> list[Problem]:
    root, problems = load.load_path(path, name, within=within)
    if root is None:
        return problems
    for key, section in root.value.items():  # type: ignore[union-attr]
        if key not in (*VOCABULARY_KINDS, "lingue"):
            line, col = section.anchor()
            hint = closest_hint(key, (*VOCABULARY_KINDS, "lingue"))
            problems.append(problem(name, line, col, "unknown-key", key=key, hint=hint))
        elif not section.is_mapping:
            line, col = section.anchor()
            problems.append(
                problem(name, line, col, "wrong-type", key=key, expected=_EXPECTED["object"])
            )
        else:
            problems += _merge_section(vocabulary, key, section, name)
    return problems


def _merge_section(
    vocabulary: Vocabulary, kind: str, section: load.Node, name: str
) -> list[Problem]:
    problems = []
    for written, entry in section.value.items():  # type: ignore[union-attr]
        line, col = entry.anchor()
        code = nfc(written)  # codes are compared in NFC: stored so
        problems += _code_problems(vocabulary, kind, code, name, line, col)
        if kind == "lingue":
            parts = [n.value for n in entry.value] if entry.is_list else []
            if len(parts) != 2 or not all(isinstance(p, str) and p for p in parts):
                detail = f"`lingue.{code}` deve essere [nome nella lingua, nome in italiano]"
                problems.append(problem(name, line, col, "vocabulary-invalid", detail=detail))
                continue
            vocabulary.lingue[code] = Language(code, str(parts[0]), str(parts[1]))
        elif not entry.is_mapping or not entry.text("etichetta"):
            detail = f"`{kind}.{code}` deve avere `etichetta:` (e di solito `descrizione:`)"
            problems.append(problem(name, line, col, "vocabulary-invalid", detail=detail))
        else:
            key = f"{kind}.{code}"
            italian, bad = vocabulary_translations.wording_of(entry, key, name)
            given, found = vocabulary_translations.translations(entry, italian, key, name)
            problems += bad + found
            term = Term(code, italian.label, italian.description, italian.words, given)
            vocabulary.terms(kind)[code] = term
    return problems


def _code_problems(
    vocabulary: Vocabulary, kind: str, code: str, file: str, line: int, col: int
) -> list[Problem]:
    """A code becomes a filter value and, for needs and types, a page: nothing hidden in it,
    and no two codes on one page (``Città`` and ``citta``)."""
    hidden = invisible(code)
    if hidden:
        index, char = hidden[0]
        where = col + index
        return [problem(file, line, where, "invisible-in-id", key=kind, value=code,
                        char=char_name(char), col=where)]  # fmt: skip
    pages = vocabulary.pages.get(kind)
    if pages is None or code in vocabulary.terms(kind):  # a territory may redefine a default
        return []
    return list(pages.claim(code, file, line, col, key=kind))


@cache
def published_schema() -> dict:
    """The schema exactly as published (with the default vocabulary enums)."""
    return json.loads(schema_path().read_text(encoding="utf-8"))


@cache
def _validators() -> tuple[Callable[[object], bool], Draft202012Validator, Draft202012Validator]:
    """Compiled once: (fast record check, full record validator, top-level validator)."""
    return validators.compile_all(published_schema(), _SCHEMA_VOCABULARY_DEFS.values())


def schema_problems(root: load.Node, file: str) -> list[Problem]:
    """Check the whole tree against the schema and say, in Italian, where and what to fix."""
    fast, full, top = _validators()
    found: dict[Problem, None] = {}  # ordered set: one "required" error per missing key
    plain = root.plain()
    for error in top.iter_errors(plain):
        found.update(dict.fromkeys(_explain(error, list(error.absolute_path), root, file)))
    records = plain.get("servizi") if isinstance(plain, dict) else None
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not fast(record):
            for error in full.iter_errors(record):
                path = ["servizi", index, *error.absolute_path]
                found.update(dict.fromkeys(_explain(error, path, root, file)))
    return list(found)


_EXPECTED = {
    "array": "una lista: [a, b] oppure una riga per valore che inizia con «- »",
    "object": "un gruppo di chiavi, una per riga (chiave: valore), rientrate sotto di essa",
    "string": "un testo, non una lista né un gruppo di chiavi",
}


def _explain(
    error: ValidationError, path: list[object], root: load.Node, file: str
) -> Iterator[Problem]:
    node = _node_at(root, path)
    key = key_name(path)
    line, col = node.anchor()
    kind = error.validator
    if kind == "additionalProperties" and key.startswith("traduzioni"):
        known = list(error.schema.get("properties", {}))
        extras = sorted(set(error.instance) - set(known))
        record = published_schema()["$defs"]["servizio"]
        yield from translations.extra_key_problems(file, node, key, extras, known, record)
    elif kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for extra in sorted(set(error.instance) - set(known)):
            child = node.value[extra]  # type: ignore[index]
            hint = closest_hint(extra, known)
            code = "bad-day" if key.endswith("orari") else "unknown-key"
            days = ", ".join(known)
            yield problem(
                file,
                child.key_line,
                child.key_column,
                code,
                key=extra,
                hint=hint,
                value=extra,
                days=days,
            )
    elif kind == "required":
        where = _where(path, root)
        for missing in error.validator_value:
            if missing not in error.instance:
                full = f"{key}.{missing}" if key and key != "servizi" else missing
                yield problem(file, node.line, node.column, "missing-key", key=full, where=where)
    elif (kind == "type" and error.instance is None) or kind in (
        "minLength",
        "minItems",
        "minProperties",
    ):
        yield problem(file, line, col, "empty-value", key=key)
    elif kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        yield problem(
            file, line, col, "wrong-type", key=key, expected=_EXPECTED.get(expected, expected)
        )
    elif kind == "enum":
        choices = ", ".join(error.validator_value)
        value = error.instance
        near = closest(value, error.validator_value) if isinstance(value, str) else ""
        why = explain_lookalike(value, near) if near else ""
        yield problem(
            file,
            node.line,
            node.column,
            "bad-choice",
            key=key,
            value=value,
            choices=choices,
            why=f" ({why})" if why else "",
        )
    elif kind == "pattern":
        hint = error.schema.get("x-suggerimento", "controlla il formato")
        code = error.schema.get("x-codice", "bad-value")  # e.g. bad-date for the dates
        yield problem(file, node.line, node.column, code, key=key, value=error.instance, hint=hint)
    elif kind == "uniqueItems":
        yield problem(file, line, col, "duplicate-item", key=key)
    else:
        yield problem(file, line, col, "schema", key=key, detail=error.message)


def _node_at(root: load.Node, path: Iterable[object]) -> load.Node:
    node = root
    for step in path:
        value = node.value
        if isinstance(value, dict) and step in value:
            node = value[step]  # type: ignore[index]
        elif isinstance(value, list) and isinstance(step, int) and step < len(value):
            node = value[step]
        else:
            break
    return node


def key_name(path: Iterable[object]) -> str:
    """``['servizi', 3, 'indirizzo', 'cap']`` -> ``indirizzo.cap``: how a volunteer names it."""
    names = [str(p) for p in path if not isinstance(p, int)]
    if names and names[0] == "servizi" and len(names) > 1:
        names = names[1:]
    return ".".join(names)


def _where(path: list[object], root: load.Node) -> str:
    if len(path) >= 2 and path[0] == "servizi" and isinstance(path[1], int):
        record = _node_at(root, path[:2])
        ident = record.text("id") or record.text("nome")
        return f" nella scheda «{ident}»" if ident else " in questa scheda"
    return f" in `{key_name(path)}`" if path else ""

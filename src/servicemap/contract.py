"""The data contract: vocabularies (with Italian labels) and the JSON Schema of ``services.yaml``.

The schema file ``data/servizi.schema.json`` is the single source of the structure: editors use
it (through the ``yaml-language-server`` modeline) to autocomplete and underline, and the
validator checks the same file. Its vocabulary enums list the *default* values so editors can
suggest them; a territory may add values in its own ``vocabolario.yaml``, so the validator drops
those enums and checks vocabulary values itself against the effective vocabulary.
"""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from servicemap import load
from servicemap.messages import problem
from servicemap.problems import Problem

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


def load_vocabulary(path: Path) -> tuple[Vocabulary, list[Problem]]:
    """The default vocabulary, extended by the territory's file at ``path`` if it exists."""
    vocabulary = Vocabulary()
    problems = _merge_file(vocabulary, default_vocabulary_path(), "vocabolario predefinito")
    if path.is_file():
        problems += _merge_file(vocabulary, path, load_display_name(path))
    return vocabulary, problems


def load_display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _merge_file(vocabulary: Vocabulary, path: Path, name: str) -> list[Problem]:
    root, problems = load.load_path(path, name)
    if root is None:
        return problems
    for key, section in root.value.items():  # type: ignore[union-attr]
        if key not in (*VOCABULARY_KINDS, "lingue"):
            line, col = section.anchor()
            hint = _closest_hint(key, (*VOCABULARY_KINDS, "lingue"))
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
    for code, entry in section.value.items():  # type: ignore[union-attr]
        line, col = entry.anchor()
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
            term = Term(code, entry.text("etichetta"), entry.text("descrizione"))
            vocabulary.terms(kind)[code] = term
    return problems


@cache
def published_schema() -> dict:
    """The schema exactly as published (with the default vocabulary enums)."""
    return json.loads(schema_path().read_text(encoding="utf-8"))


@cache
def _validators() -> tuple[Callable[[object], object], Draft202012Validator, Draft202012Validator]:
    """Compiled once: (fast record check, full record validator, top-level validator).

    The published schema minus the vocabulary enums (checked semantically, so a territory can
    extend them). Records are checked one by one with a validator generated as Python code by
    fastjsonschema (10,000 records in a fraction of a second; jsonschema alone takes several
    seconds); only a record that fails goes through jsonschema, which lists all its errors with
    their paths.
    """
    schema = _validator_view(copy.deepcopy(published_schema()))
    defs = schema["$defs"]
    for name in _SCHEMA_VOCABULARY_DEFS.values():
        defs[name].pop("enum", None)
    defs["lingua"].pop("pattern", None)  # unknown-language says it better
    record = {**defs["servizio"], "$defs": defs}
    inlined = _inline_refs(defs["servizio"], defs)  # a $ref costs a call per list item
    fast = fastjsonschema.compile({**inlined, "$schema": "http://json-schema.org/draft-07/schema#"})
    schema["properties"]["servizi"] = {"type": "array"}
    return fast, Draft202012Validator(record), Draft202012Validator(schema)


def _validator_view(schema: object) -> object:
    """The published schema as the validator applies it.

    The published patterns are as strict as the validator, so that editors underline what the
    build refuses; where a check in ``checks`` owns the rule (``x-controllo``: its problem code)
    and says it better (which range overlaps, which day does not exist), the validator leaves the
    pattern to it, keeping only the plain shape it relies on (``x-forma``) when there is one.
    """
    if isinstance(schema, dict):
        node = {k: _validator_view(v) for k, v in schema.items()}
        if "x-controllo" in node:
            node.pop("pattern", None)
            if "x-forma" in node:
                node["pattern"] = node["x-forma"]
        return node
    if isinstance(schema, list):
        return [_validator_view(v) for v in schema]
    return schema


def _inline_refs(schema: object, defs: dict) -> object:
    """Replace ``{"$ref": "#/$defs/x"}`` with the definition itself (our defs are not recursive)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_inline_refs(v, defs) for v in schema]
    return schema


def schema_problems(root: load.Node, file: str) -> list[Problem]:
    """Check the whole tree against the schema and say, in Italian, where and what to fix."""
    fast, full, top = _validators()
    found: dict[Problem, None] = {}  # ordered set: one "required" error per missing key
    plain = root.plain()
    for error in top.iter_errors(plain):
        found.update(dict.fromkeys(_explain(error, list(error.absolute_path), root, file)))
    records = plain.get("servizi") if isinstance(plain, dict) else None
    for index, record in enumerate(records if isinstance(records, list) else []):
        try:
            fast(record)
        except fastjsonschema.JsonSchemaException:
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
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for extra in sorted(set(error.instance) - set(known)):
            child = node.value[extra]  # type: ignore[index]
            hint = _closest_hint(extra, known)
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
    elif (kind == "type" and error.instance is None) or kind in ("minLength", "minItems"):
        yield problem(file, line, col, "empty-value", key=key)
    elif kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        yield problem(
            file, line, col, "wrong-type", key=key, expected=_EXPECTED.get(expected, expected)
        )
    elif kind == "enum":
        choices = ", ".join(error.validator_value)
        yield problem(
            file,
            node.line,
            node.column,
            "bad-choice",
            key=key,
            value=error.instance,
            choices=choices,
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


def _closest_hint(word: str, choices: Iterable[str]) -> str:
    """``telefno`` -> ": forse intendevi «telefoni»?", else the list of what is allowed."""
    choices = list(choices)
    close = closest(word, choices)
    if close:
        return f": forse intendevi «{close}»?"
    return f": correggi il nome o togli la riga (ammesse: {', '.join(choices)})"


def closest(word: str, choices: Iterable[str]) -> str:
    """The closest of ``choices`` to ``word`` (case-insensitive), or ""."""
    options = {c.casefold(): c for c in choices}
    match = difflib.get_close_matches(str(word).casefold(), list(options), n=1, cutoff=0.6)
    return options[match[0]] if match else ""

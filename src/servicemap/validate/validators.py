"""The validators of ``services.yaml``, compiled from the published JSON Schema.

``contract`` compiles them once; this module says how: which parts of the published schema the
validator leaves to the checks (vocabulary enums, patterns a check explains better), and how
records are checked fast (``fastcheck``, or fastjsonschema for a keyword ``fastcheck`` does not
know) while jsonschema, slower, explains the failures.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

import fastjsonschema
from jsonschema import Draft202012Validator

from servicemap.validate import fastcheck


def compile_all(
    published: dict, vocabulary_defs: Iterable[str]
) -> tuple[Callable[[object], bool], Draft202012Validator, Draft202012Validator]:
    """(fast record check, full record validator, top-level validator) of ``published``.

    The published schema minus the vocabulary enums (checked semantically, so a territory can
    extend them). Records are checked one by one with a validator generated as Python code
    (``fastcheck``: 10,000 records in a tenth of a second; jsonschema alone takes several
    seconds); only a record that fails goes through jsonschema, which lists all its errors with
    their paths.
    """
    schema = _end_anchors(_validator_view(copy.deepcopy(published)))  # type: ignore[arg-type]
    defs = schema["$defs"]
    for name in vocabulary_defs:
        defs[name].pop("enum", None)
    defs["lingua"].pop("pattern", None)  # unknown-language says it better
    record = {**defs["servizio"], "$defs": defs}
    inlined = _inline_refs(defs["servizio"], defs)  # a $ref costs a call per list item
    schema["properties"]["servizi"] = {"type": "array"}
    return _record_check(inlined), Draft202012Validator(record), Draft202012Validator(schema)  # type: ignore[arg-type]


def _record_check(record: dict) -> Callable[[object], bool]:
    """``fastcheck``'s check of a record; fastjsonschema's when the schema uses a keyword that
    ``fastcheck`` does not translate."""
    try:
        return fastcheck.compile_check(record)
    except fastcheck.Unsupported:
        pass
    record = copy.deepcopy(record)
    unique = _without_unique_items(record)
    compiled = fastjsonschema.compile(
        {**record, "$schema": "http://json-schema.org/draft-07/schema#"}
    )
    return _fast_check(compiled, unique)


def _without_unique_items(record: dict) -> tuple[str, ...]:
    """Take ``uniqueItems`` out of the record's own lists, for ``_fast_check``; return their keys.

    fastjsonschema checks it by turning every item into a frozen copy, in a function it defines
    anew for each list of each record: a third of its time for the six lists of a record, where
    comparing the strings in a ``set`` is enough. Lists deeper in the record keep it."""
    keys = []
    for key, rule in record.get("properties", {}).items():
        if isinstance(rule, dict) and rule.pop("uniqueItems", False):
            keys.append(key)
    return tuple(keys)


def _fast_check(compiled: Callable[[object], object], unique: tuple[str, ...]):
    """True when a record is valid: ``compiled`` says so and no list of ``unique`` repeats an
    item (jsonschema then says which). An item that is not a string is the compiled check's to
    refuse; one that cannot be put in a set is left to jsonschema."""

    def check(record: object) -> bool:
        try:
            compiled(record)
        except fastjsonschema.JsonSchemaException:
            return False
        for key in unique:
            items = record.get(key)  # type: ignore[attr-defined]
            if type(items) is list:
                try:
                    if len(set(items)) != len(items):
                        return False
                except TypeError:
                    return False
        return True

    return check


def _end_anchors(schema: dict) -> dict:
    """Patterns ending in ``$`` end in ``\\Z`` for Python's validators, as for editors.

    In the JavaScript of an editor ``$`` is the end of the text; in Python's ``re`` it also
    matches before a final newline, so ``cap: |`` (``"20096\\n"``) would pass here and fail there
    (fastjsonschema does the same replacement; jsonschema, which explains the errors, does not).
    """
    stack: list[object] = [schema]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            pattern = item.get("pattern")
            if isinstance(pattern, str) and pattern.endswith("$"):
                item["pattern"] = pattern[:-1] + "\\Z"
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return schema


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
    """Replace ``{"$ref": "#/$defs/x"}`` with the definition itself (our defs are not recursive).

    A ref may point inside a definition (``#/$defs/servizio/properties/nome``: a translation is
    checked by the very rule of the Italian key)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        if ref.startswith("#/$defs/"):
            target: object = defs
            for step in ref.removeprefix("#/$defs/").split("/"):
                target = target[step]  # type: ignore[index]
            return _inline_refs(target, defs)
        return {k: _inline_refs(v, defs) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_inline_refs(v, defs) for v in schema]
    return schema

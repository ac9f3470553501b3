"""A yes/no check of a record against the schema, generated as Python code for the loader's data.

``jsonschema`` explains what is wrong (every error, with its path) and stays the judge; this
only answers "valid?" for the 10,000 records a big file holds, so that jsonschema is asked about
the few that are not. A general generator (fastjsonschema) has to treat every JSON type, keep the
set of keys seen, and build its error messages' data; the loader gives only mappings, lists,
strings and None, so this one writes, for each rule of the schema, the one or two comparisons
those values need: about twice as fast.

It answers True only when jsonschema would find no error (``tests/test_fastcheck.py`` checks
both agree on thousands of broken records): a value of another type (a number from a hand-built
tree) is "not valid here", and jsonschema decides. A schema using a keyword it does not know
cannot be compiled (``Unsupported``), and the caller keeps the general generator.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Keywords that say nothing about validity (in JSON Schema 2020-12 ``format`` is one too, but a
# schema that uses it is left to the general generator, in case a format checker is ever added).
ANNOTATIONS = frozenset(
    {"description", "title", "$schema", "$id", "$comment", "default", "examples"}
)
TYPES = {"object": "dict", "array": "list", "string": "str", "null": "NoneType"}


class Unsupported(Exception):
    """The schema uses a keyword this generator does not translate."""


def compile_check(schema: dict) -> Callable[[object], bool]:
    """A function telling whether a value (plain dicts, lists, strings, None) is valid."""
    writer = _Writer()
    writer.rule(schema, "value", 1)
    source = "def check(value):\n" + "\n".join(writer.lines) + "\n    return True\n"
    namespace: dict[str, object] = {"NoneType": type(None), **writer.constants}
    exec(compile(source, "<servizi.schema.json>", "exec"), namespace)
    return namespace["check"]  # type: ignore[return-value]


class _Writer:
    """The lines of the check: each rule returns False as soon as the value breaks it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.constants: dict[str, object] = {}
        self.names = 0

    def name(self, prefix: str) -> str:
        self.names += 1
        return f"{prefix}{self.names}"

    def constant(self, value: object) -> str:
        name = self.name("K")
        self.constants[name] = value
        return name

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def rule(self, schema: object, var: str, depth: int) -> None:
        if schema is True or schema == {}:
            return
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        unknown = (
            set(schema) - ANNOTATIONS - set(_KEYWORDS) - {k for k in schema if k.startswith("x-")}
        )
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        if schema.get("type") == "string":  # the usual rule, in one test: a text, long enough
            tests = [f"type({var}) is not str", *self.text_tests(schema, var)]
            self.emit(depth, f"if {' or '.join(tests)}:")
            self.emit(depth + 1, "return False")
        elif "type" in schema:
            self.type_rule(schema["type"], var, depth)
        elif {"minimum", "maximum"} & set(schema):  # a number it would have to compare
            self.emit(depth, f"if type({var}) not in (dict, list, str, NoneType):")
            self.emit(depth + 1, "return False")
        if "enum" in schema:
            self.emit(depth, f"if {var} not in {self.constant(tuple(schema['enum']))}:")
            self.emit(depth + 1, "return False")
        if schema.get("type") != "string":
            self.text_rules(schema, var, depth)
        self.list_rules(schema, var, depth)
        self.mapping_rules(schema, var, depth)

    def type_rule(self, kind: object, var: str, depth: int) -> None:
        kinds = [kind] if isinstance(kind, str) else list(kind)  # type: ignore[call-overload]
        known = sorted({TYPES[k] for k in kinds if k in TYPES})
        if not known:  # only numbers or booleans: nothing the loader makes
            self.emit(depth, "return False")
            return
        test = " and ".join(f"type({var}) is not {k}" for k in known)
        self.emit(depth, f"if {test}:")
        self.emit(depth + 1, "return False")

    def text_tests(self, schema: dict, var: str) -> list[str]:
        """The tests a text breaking the string rules of ``schema`` passes."""
        tests = []
        if schema.get("minLength") == 1:
            tests.append(f"not {var}")
        elif "minLength" in schema:
            tests.append(f"len({var}) < {int(schema['minLength'])}")
        if "maxLength" in schema:
            tests.append(f"len({var}) > {int(schema['maxLength'])}")
        if "pattern" in schema:
            search = self.constant(re.compile(schema["pattern"]).search)
            tests.append(f"{search}({var}) is None")
        return tests

    def text_rules(self, schema: dict, var: str, depth: int) -> None:
        tests = self.text_tests(schema, var)
        if tests:
            self.emit(depth, f"if type({var}) is str and ({' or '.join(tests)}):")
            self.emit(depth + 1, "return False")

    def typed_block(self, schema: dict, var: str, depth: int, kind: str, python: str) -> int:
        """The depth the rules of a ``kind`` value go at: at once when the schema's ``type``
        already tested it, else inside ``if type(var) is python:``."""
        if schema.get("type") == kind:
            return depth
        self.emit(depth, f"if type({var}) is {python}:")
        return depth + 1

    def list_rules(self, schema: dict, var: str, depth: int) -> None:
        keys = {"minItems", "maxItems", "uniqueItems", "items"} & set(schema)
        if not keys:
            return
        inner = self.typed_block(schema, var, depth, "array", "list")
        if "minItems" in schema:
            self.emit(inner, f"if len({var}) < {int(schema['minItems'])}:")
            self.emit(inner + 1, "return False")
        if "maxItems" in schema:
            self.emit(inner, f"if len({var}) > {int(schema['maxItems'])}:")
            self.emit(inner + 1, "return False")
        items = schema.get("items", True)
        if items not in (True, {}):
            item = self.name("i")
            self.emit(inner, f"for {item} in {var}:")
            self.rule(items, item, inner + 1)
        if schema.get("uniqueItems"):  # texts only: anything else, jsonschema decides
            if not (isinstance(items, dict) and items.get("type") == "string"):
                item = self.name("u")
                self.emit(inner, f"for {item} in {var}:")
                self.emit(inner + 1, f"if type({item}) is not str:")
                self.emit(inner + 2, "return False")
            self.emit(inner, f"if len(set({var})) != len({var}):")
            self.emit(inner + 1, "return False")
        self.emit(inner, "pass")

    def mapping_rules(self, schema: dict, var: str, depth: int) -> None:
        keys = {"required", "properties", "additionalProperties", "minProperties"} & set(schema)
        if not keys:
            return
        inner = self.typed_block(schema, var, depth, "object", "dict")
        if "minProperties" in schema:
            self.emit(inner, f"if len({var}) < {int(schema['minProperties'])}:")
            self.emit(inner + 1, "return False")
        if schema.get("required"):
            required = self.constant(frozenset(schema["required"]))
            self.emit(inner, f"if not {required} <= {var}.keys():")
            self.emit(inner + 1, "return False")
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        if extra is False:
            allowed = self.constant(frozenset(properties))
            self.emit(inner, f"if not {var}.keys() <= {allowed}:")
            self.emit(inner + 1, "return False")
        elif extra not in (True, {}):
            key, child = self.name("k"), self.name("v")
            self.emit(inner, f"for {key}, {child} in {var}.items():")
            self.emit(inner + 1, f"if {key} not in {self.constant(frozenset(properties))}:")
            self.rule(extra, child, inner + 2)
            self.emit(inner + 2, "pass")
        for key, rule in properties.items():
            if rule in (True, {}):
                continue
            child = self.name("v")
            self.emit(inner, f"if {key!r} in {var}:")
            self.emit(inner + 1, f"{child} = {var}[{key!r}]")
            self.rule(rule, child, inner + 1)
        self.emit(inner, "pass")


_KEYWORDS = (
    "type", "enum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
    "items", "required", "properties", "additionalProperties", "minProperties",
    "minimum", "maximum",  # numbers only: the loader makes none, and a type rule comes first
)  # fmt: skip

"""Checks JSON-LD against the schema.org vocabulary file the schema.org project publishes.

The vendored release (``tests/data/schemaorg-30.0``) says which types and properties exist, which
types each property belongs to (``domainIncludes``), what its values may be (``rangeIncludes``)
and which terms are still pending or superseded. ``problems(node)`` walks a JSON-LD tree and
lists every term used where the vocabulary does not allow it, as readable strings.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

FILE = Path(__file__).parent / "data" / "schemaorg-30.0" / "schemaorg-current-https.jsonld.gz"
PREFIX = "https://schema.org/"
# Literal datatypes: what a JSON string or number may stand for, with the shape it must have.
DATE = r"\d{4}-\d{2}-\d{2}"
TIME = r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d([+-]\d{2}:\d{2}|Z)?"
LITERALS = {
    "Text": r"(?s).+",
    "URL": r"https?://\S+",
    "Date": DATE,
    "DateTime": DATE + "T" + TIME,
    "Time": TIME,
    "Number": r"-?\d+(\.\d+)?",
}


def _ids(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict)]


class Vocabulary:
    def __init__(self, path: Path = FILE):
        graph = json.loads(gzip.decompress(path.read_bytes()))["@graph"]
        self.nodes = {n["@id"].removeprefix("schema:"): n for n in graph if "@id" in n}
        self.parents = {
            name: _ids(n.get("rdfs:subClassOf"))
            for name, n in self.nodes.items()
            if "rdfs:Class" in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])
        }

    def is_class(self, name: str) -> bool:
        return name in self.parents

    def is_property(self, name: str) -> bool:
        return self.nodes.get(name, {}).get("@type") == "rdf:Property"

    @cache  # noqa: B019 - one vocabulary per test session
    def ancestors(self, name: str) -> frozenset[str]:
        found = {name}
        for parent in self.parents.get(name, []):
            found |= self.ancestors(parent)
        return frozenset(found)

    def unstable(self, name: str) -> str:
        """Why a term should not be used: pending (may change) or superseded; "" when stable."""
        node = self.nodes[name]
        if "schema:supersededBy" in node:
            return "superseded by " + ", ".join(_ids(node["schema:supersededBy"]))
        if "pending.schema.org" in json.dumps(node.get("schema:isPartOf", "")):
            return "pending"
        return ""

    def enum_member(self, value: str) -> str:
        """``https://schema.org/Monday`` -> its enumeration type (``DayOfWeek``), or ""."""
        node = self.nodes.get(value.removeprefix(PREFIX)) if value.startswith(PREFIX) else None
        if node is None or node["@type"] in ("rdfs:Class", "rdf:Property"):
            return ""
        return str(node["@type"]).removeprefix("schema:")

    def problems(self, node: object, where: str = "$") -> list[str]:
        if isinstance(node, list):
            return [p for i, item in enumerate(node) for p in self.problems(item, f"{where}[{i}]")]
        if not isinstance(node, dict):
            return []
        kind = str(node.get("@type", ""))
        if not self.is_class(kind):
            return [f"{where}: unknown type {kind!r}"]
        found = [f"{where}: type {kind} is {why}"] if (why := self.unstable(kind)) else []
        for key, value in node.items():
            if key.startswith("@"):
                continue
            found += self._property(kind, key, value, f"{where}.{key}")
        return found

    def _property(self, kind: str, key: str, value: object, where: str) -> list[str]:
        if not self.is_property(key):
            return [f"{where}: unknown property {key!r}"]
        found = [f"{where}: property {key} is {why}"] if (why := self.unstable(key)) else []
        prop = self.nodes[key]
        domain = set(_ids(prop.get("schema:domainIncludes")))
        if not domain & self.ancestors(kind):
            found.append(f"{where}: {key} is not a property of {kind} (domain: {sorted(domain)})")
        ranges = set(_ids(prop.get("schema:rangeIncludes")))
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            found += self._value(
                ranges, item, f"{where}[{i}]" if isinstance(value, list) else where
            )
        return found

    def _value(self, ranges: set[str], value: object, where: str) -> list[str]:
        if isinstance(value, dict) and "@value" in value:
            return self._language_tagged(ranges, value, where)
        if isinstance(value, dict):
            kind = str(value.get("@type", ""))
            if self.is_class(kind) and not ranges & self.ancestors(kind):
                return [f"{where}: a {kind} where {sorted(ranges)} is expected"]
            return self.problems(value, where)
        if isinstance(value, bool):
            return [] if "Boolean" in ranges else [f"{where}: a boolean where {sorted(ranges)}"]
        text = str(value)
        if member := self.enum_member(text):
            ok = ranges & self.ancestors(member)
            return [] if ok else [f"{where}: {text} ({member}) where {sorted(ranges)} is expected"]
        shapes = [LITERALS[r] for r in ranges if r in LITERALS]
        if isinstance(value, (int, float)) and not {"Number", "Float", "Integer"} & ranges:
            return [f"{where}: a number where {sorted(ranges)} is expected"]
        if isinstance(value, (int, float)):
            return []
        if not any(re.fullmatch(shape, text) for shape in shapes):
            return [f"{where}: {text!r} is not a valid {sorted(ranges)}"]
        return []

    def _language_tagged(self, ranges: set[str], value: dict, where: str) -> list[str]:
        """A JSON-LD value object ``{"@value": "...", "@language": "ar"}``: a string in a
        language, so a Text (schema.org's ``rdf:langString``), with a BCP 47 tag."""
        extra = set(value) - {"@value", "@language"}
        if extra:
            return [f"{where}: a value object with {sorted(extra)}"]
        if not isinstance(value["@value"], str) or not value["@value"]:
            return [f"{where}: a value object whose @value is not a text"]
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", str(value.get("@language", ""))):
            return [f"{where}: a value object without a BCP 47 @language"]
        if "Text" not in ranges:
            return [f"{where}: a text in a language where {sorted(ranges)} is expected"]
        return []


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary()

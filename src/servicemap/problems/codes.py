"""The one registry of problem codes, read from ``data/problemi.yaml``.

Every code any stage reports (reading the file, the schema, the checks, placing, the site's own
files) is an entry there, with its severity, its Italian message template and the explanation
that ``docs/problemi.md`` shows (the page is generated from the same file: ``make problemi``).
A data file, not Python, because the explanations are paragraphs of Italian that whoever looks
after the documentation edits in place, and the sections keep the page's order.

The file is ours and committed, not a volunteer's: a mistake in it is a bug, so it fails at import
(``RegistryError``), where every test sees it, instead of as a problem in someone's report.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from importlib import resources
from typing import cast

import yaml

from servicemap.problems.problem import Severity

REGISTRY = "problemi.yaml"  # in the package's data folder
SEVERITIES: frozenset[str] = frozenset({"error", "warning"})
_ENTRY_KEYS = {"gravita", "messaggio", "spiegazione"}
_SECTION_KEYS = {"titolo", "prima", "problemi", "dopo"}


class RegistryError(ValueError):
    """``problemi.yaml`` does not have the shape this module reads."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that refuses a repeated key (PyYAML keeps the last one silently: a code
    written twice would lose its first entry without a word)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
        if repeated:
            line = node.start_mark.line + 1
            raise RegistryError(f"{', '.join(repeated)}: listed twice (mapping at line {line})")
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class Code:
    """One problem code: what a volunteer reads in the report and in the documentation."""

    code: str
    severity: Severity
    template: str  # str.format template; the first letter is capitalised when shown
    explanation: str  # Markdown: what it means and how to fix it (a row of docs/problemi.md)
    section: str  # the title of its section in docs/problemi.md

    @property
    def fields(self) -> frozenset[str]:
        """The ``{names}`` the template needs (``key`` is always given, maybe empty)."""
        return frozenset(name for _, name, _, _ in string.Formatter().parse(self.template) if name)


@dataclass(frozen=True)
class Section:
    """A section of docs/problemi.md: its title, the prose around its table, its codes."""

    title: str
    before: str
    codes: tuple[Code, ...]
    after: str


def load_registry(text: str) -> tuple[Section, ...]:
    """Parse the registry's text; ``RegistryError`` names the entry and what is wrong."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader, see _Loader
    except yaml.YAMLError as exc:
        raise RegistryError(f"not valid YAML: {exc}") from exc
    if (
        not isinstance(data, dict)
        or set(data) != {"sezioni"}
        or not isinstance(data["sezioni"], list)
    ):
        raise RegistryError("the registry holds one key, `sezioni`, a list of sections")
    sections = tuple(_section(raw) for raw in data["sezioni"])
    seen: set[str] = set()
    for code in (c.code for s in sections for c in s.codes):
        if code in seen:
            raise RegistryError(f"{code}: listed twice")
        seen.add(code)
    return sections


def _section(raw: object) -> Section:
    if not isinstance(raw, dict) or not {"titolo", "problemi"} <= set(raw) <= _SECTION_KEYS:
        raise RegistryError(
            f"a section has `titolo`, `problemi` and maybe `prima`, `dopo`: {raw!r}"
        )
    title = _text(raw["titolo"], "titolo")
    entries = raw["problemi"]
    if not isinstance(entries, dict) or not entries:
        raise RegistryError(f"{title}: `problemi` maps each code to its entry")
    codes = tuple(_code(code, entry, title) for code, entry in entries.items())
    before = _text(raw.get("prima", ""), f"{title}: prima", empty=True).strip("\n")
    after = _text(raw.get("dopo", ""), f"{title}: dopo", empty=True).strip("\n")
    return Section(title, before, codes, after)


def _code(code: object, entry: object, section: str) -> Code:
    name = _text(code, f"{section}: a code")
    if not all(part.isalnum() and part == part.lower() for part in name.split("-")):
        raise RegistryError(f"{name}: a code is kebab-case (lowercase words joined by hyphens)")
    if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
        raise RegistryError(f"{name}: an entry has exactly {sorted(_ENTRY_KEYS)}")
    severity = entry["gravita"]
    if severity not in SEVERITIES:
        raise RegistryError(f"{name}: `gravita` is one of {sorted(SEVERITIES)}, not {severity!r}")
    template = _text(entry["messaggio"], f"{name}: messaggio")
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(template)]
    except ValueError as exc:  # a lone brace
        raise RegistryError(f"{name}: `messaggio` is not a valid template ({exc})") from exc
    if any(f is not None and not f.isidentifier() for f in fields):
        raise RegistryError(f"{name}: `messaggio` fields are plain names: {fields}")
    explanation = _text(entry["spiegazione"], f"{name}: spiegazione")
    if "\n" in explanation or "|" in explanation:
        raise RegistryError(f"{name}: `spiegazione` is one line of a table: no line break, no |")
    return Code(name, cast(Severity, severity), template, explanation, section)


def _text(value: object, where: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or not (value.strip() or empty):
        raise RegistryError(f"{where}: a text is expected, not {value!r}")
    return value


SECTIONS: tuple[Section, ...] = load_registry(
    resources.files("servicemap").joinpath("data", REGISTRY).read_text(encoding="utf-8")
)
CODES: dict[str, Code] = {c.code: c for s in SECTIONS for c in s.codes}

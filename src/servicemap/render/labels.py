"""The words a citizen reads for vocabulary codes: ``poverta`` -> "Povertà e difficoltà economiche".

Labels come from the project's vocabulary (``contract.Vocabulary``, defaults plus the territory's
additions). Renderers ask this one object, so a code without a label still shows (as itself)
instead of breaking a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

KINDS = ("tipo", "aree", "attivita", "accesso", "lingue")

# Fallback names of the languages most often spoken at the desks (ISO 639-1 -> Italian).
LANGUAGE_NAMES: dict[str, str] = {
    "it": "italiano", "en": "inglese", "fr": "francese", "es": "spagnolo", "de": "tedesco",
    "pt": "portoghese", "ar": "arabo", "zh": "cinese", "ro": "rumeno", "sq": "albanese",
    "uk": "ucraino", "ru": "russo", "bn": "bengalese", "ur": "urdu", "hi": "hindi",
    "pa": "punjabi", "tl": "tagalog", "wo": "wolof", "ti": "tigrino", "am": "amarico",
    "so": "somalo", "fa": "persiano", "tr": "turco", "pl": "polacco", "ta": "tamil",
    "si": "singalese", "ml": "malayalam", "ha": "hausa", "yo": "yoruba", "ig": "igbo",
}  # fmt: skip


@dataclass
class Labels:
    """Italian label (and optional one-line description) of every vocabulary code."""

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # ``parole``

    def label(self, kind: str, code: str) -> str:
        found = self.labels.get(kind, {}).get(code)
        if found:
            return found
        if kind == "lingue":
            return LANGUAGE_NAMES.get(code, code)
        return code

    def description(self, kind: str, code: str) -> str:
        return self.descriptions.get(kind, {}).get(code, "")

    def words_of(self, kind: str, code: str) -> tuple[str, ...]:
        """The words people type for a value (``SPID``, ``bollette``), from the vocabulary."""
        return self.words.get(kind, {}).get(code, ())

    def many(self, kind: str, codes: list[str]) -> list[str]:
        return [self.label(kind, c) for c in codes]

    @classmethod
    def from_vocabulary(cls, vocabulary: object | None, lang: str = "it") -> Labels:
        """Read labels from a ``contract.Vocabulary`` without depending on its internals.

        ``lang``: the interface language whose labels, descriptions and words are wanted
        (Italian where the vocabulary gives none in that language).

        Accepts either a ``label(kind, code)``-style object with mappings per kind, or plain
        mappings ``{kind: {code: label or {etichetta, descrizione}}}``.
        """
        result = cls()
        if vocabulary is None:
            return result
        for kind in KINDS:
            entries = _entries(vocabulary, kind)
            for code, entry in entries.items():
                label, description = _label_of(entry)
                result.labels.setdefault(kind, {})[str(code)] = label or str(code)
                if description:
                    result.descriptions.setdefault(kind, {})[str(code)] = description
                words = getattr(entry, "words", ())
                if words:
                    result.words.setdefault(kind, {})[str(code)] = tuple(words)
        return result


def _entries(vocabulary: object, kind: str) -> Mapping[str, object]:
    if isinstance(vocabulary, Mapping):
        found = vocabulary.get(kind)
    else:
        found = getattr(vocabulary, kind, None)
        if found is None and kind == "lingue":
            found = getattr(vocabulary, "languages", None) or getattr(vocabulary, "lingue", None)
    return found if isinstance(found, Mapping) else {}


def _label_of(entry: object) -> tuple[str, str]:
    italian, native = getattr(entry, "italian", None), getattr(entry, "native", None)
    if italian:  # a contract.Language: "arabo (العربية)", so a visitor spots their own language
        same = not native or str(native).casefold() == str(italian).casefold()
        return (str(italian) if same else f"{italian} ({native})"), ""
    if isinstance(entry, str):
        return entry, ""
    if isinstance(entry, Mapping):
        return str(entry.get("etichetta", "")), str(entry.get("descrizione", ""))
    label = getattr(entry, "label", None) or getattr(entry, "etichetta", None) or ""
    description = getattr(entry, "description", None) or getattr(entry, "descrizione", None) or ""
    return str(label), str(description)

"""The words a citizen reads for vocabulary codes: ``poverta`` -> "Povertà e difficoltà economiche".

Labels come from the project's vocabulary (``contract.Vocabulary``, defaults plus the territory's
additions), in the language of the pages being written: each tree of the site (``/``, ``/en/``,
``/ar/``, ``/zh/``) has its own ``Labels``. Renderers ask this one object, so a code without a
label still shows (as itself) instead of breaking a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from servicemap.core import language_names
from servicemap.validate.contract import VOCABULARY_KINDS

if TYPE_CHECKING:
    from servicemap.validate.contract import Term, Vocabulary

KINDS = ("tipo", "aree", "attivita", "accesso", "lingue")


@dataclass
class Labels:
    """Label, one-line description and search words of every vocabulary code, in one language.

    ``lang``: the page language the labels are in (``from_vocabulary``); a language code the
    vocabulary does not list is still named in it (``language_names.label``).
    """

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # ``parole``
    lang: str = language_names.SOURCE_LANGUAGE
    # The words of ``words`` in the page's language only (no Italian ones added)
    own_words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # (kind, code, "label" or "description") shown in Italian: the entry has no translation
    in_italian: set[tuple[str, str, str]] = field(default_factory=set)

    def label(self, kind: str, code: str) -> str:
        found = self.labels.get(kind, {}).get(code)
        if found:
            return found
        if kind == "lingue":
            return language_names.label(code, self.lang)
        return code

    def description(self, kind: str, code: str) -> str:
        return self.descriptions.get(kind, {}).get(code, "")

    def words_of(self, kind: str, code: str) -> tuple[str, ...]:
        """The words people type for a value: the page language's, then the Italian ones.

        For search (a person reading in English may type «bollette», the word on the letter);
        a page that lists them for reading wants ``own_words_of``.
        """
        return self.words.get(kind, {}).get(code, ())

    def own_words_of(self, kind: str, code: str) -> tuple[str, ...]:
        """The words in the page's language only (Italian where the vocabulary has none)."""
        found = self.own_words.get(kind, {}).get(code)
        return self.words_of(kind, code) if found is None else found

    def lang_of(self, kind: str, code: str, part: str = "label") -> str:
        """The language ``label`` or ``description`` of a value is really written in.

        ``it`` where a territory's entry has no translation: the page marks it ``lang="it"``, so
        a screen reader reads it with an Italian voice.
        """
        return "it" if (kind, code, part) in self.in_italian else self.lang

    def many(self, kind: str, codes: list[str]) -> list[str]:
        return [self.label(kind, c) for c in codes]

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary | None, lang: str = "it") -> Labels:
        """The labels of a ``contract.Vocabulary`` for pages in ``lang``.

        Labels and descriptions in ``lang``, Italian where the entry has no translation; words
        in ``lang`` followed by the Italian ones; the desk languages named as
        ``language_names.label`` names them (``Arabic (العربية)`` on an English page).
        """
        result = cls(lang=lang)
        if vocabulary is None:
            return result
        for kind in VOCABULARY_KINDS:
            for term in vocabulary.terms(kind).values():
                result._add(kind, term, lang)
        result.labels["lingue"] = {  # the page's own words, never left in Italian
            code: language_names.label(code, lang, native=known.native, italian=known.italian)
            for code, known in vocabulary.lingue.items()
        }
        return result

    def _add(self, kind: str, term: Term, lang: str) -> None:
        """One entry in ``lang``, remembering what stays Italian for want of a translation."""
        wording = term.in_language(lang)
        self.labels.setdefault(kind, {})[term.code] = wording.label or term.code
        if wording.description:
            self.descriptions.setdefault(kind, {})[term.code] = wording.description
        if wording.words:
            self.words.setdefault(kind, {})[term.code] = wording.words
        own = term.translations.get(lang)
        if own is not None and own.words:
            self.own_words.setdefault(kind, {})[term.code] = own.words
        if lang == language_names.SOURCE_LANGUAGE:
            return
        if own is None or not own.label:
            self.in_italian.add((kind, term.code, "label"))
        if term.description and (own is None or not own.description):
            self.in_italian.add((kind, term.code, "description"))

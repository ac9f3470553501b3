"""The words a citizen reads for vocabulary codes: ``poverta`` -> "Povertà e difficoltà economiche".

Labels come from the project's vocabulary (``contract.Vocabulary``, defaults plus the territory's
additions), in the language of the pages being written: each tree of the site (``/``, ``/en/``,
``/ar/``, ``/zh/``) has its own ``Labels``. Renderers ask this one object, so a code without a
label still shows (as itself) instead of breaking a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from servicemap import languages
from servicemap.contract import VOCABULARY_KINDS

if TYPE_CHECKING:
    from servicemap.contract import Vocabulary

KINDS = ("tipo", "aree", "attivita", "accesso", "lingue")


@dataclass
class Labels:
    """Label, one-line description and search words of every vocabulary code, in one language.

    ``lang``: the page language the labels are in (``from_vocabulary``); a language code the
    vocabulary does not list is still named in it (``languages.label``).
    """

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # ``parole``
    lang: str = languages.SOURCE_LANGUAGE
    # The words of ``words`` in the page's language only (no Italian ones added)
    own_words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def label(self, kind: str, code: str) -> str:
        found = self.labels.get(kind, {}).get(code)
        if found:
            return found
        if kind == "lingue":
            return languages.label(code, self.lang)
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

    def many(self, kind: str, codes: list[str]) -> list[str]:
        return [self.label(kind, c) for c in codes]

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary | None, lang: str = "it") -> Labels:
        """The labels of a ``contract.Vocabulary`` for pages in ``lang``.

        Labels and descriptions in ``lang``, Italian where the entry has no translation; words
        in ``lang`` followed by the Italian ones; the desk languages named as
        ``languages.label`` names them (``Arabic (العربية)`` on an English page).
        """
        result = cls(lang=lang)
        if vocabulary is None:
            return result
        for kind in VOCABULARY_KINDS:
            for code, term in vocabulary.terms(kind).items():
                wording = term.in_language(lang)
                result.labels.setdefault(kind, {})[code] = wording.label or code
                if wording.description:
                    result.descriptions.setdefault(kind, {})[code] = wording.description
                if wording.words:
                    result.words.setdefault(kind, {})[code] = wording.words
                own = term.translations.get(lang)
                if own is not None and own.words:
                    result.own_words.setdefault(kind, {})[code] = own.words
        result.labels["lingue"] = {
            code: languages.label(code, lang, native=known.native, italian=known.italian)
            for code, known in vocabulary.lingue.items()
        }
        return result

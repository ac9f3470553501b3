"""Names of the languages spoken at a desk, in the language of the page that shows them.

One formatter for every place a desk's languages are listed (service page, card, search filter,
JSON-LD), so a visitor reads them the same way everywhere: the name in the page's language, and
beside it the language's own name, which is the one a person recognises even when they cannot
read the page (``arabo (العربية)`` on an Italian page, ``Arabic (العربية)`` on an English one).

The names come from Babel's copy of the Unicode CLDR, which has them in every interface language.
The vocabulary's ``lingue`` (``[nome nella lingua, nome in italiano]``) still decides the Italian
and the native names: a territory may add a language CLDR lacks, and the Italian pages keep the
project's own words (CLDR calls Twi «ci» in Italian).
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

SOURCE_LANGUAGE = "it"


@cache
def _names(lang: str) -> dict[str, str]:
    """CLDR's names of languages, written in ``lang`` (empty when Babel does not know ``lang``)."""
    try:
        return dict(Locale.parse(lang).languages)
    except (ValueError, UnknownLocaleError):
        return {}


def name_in(code: str, lang: str) -> str:
    """The name of language ``code`` written in ``lang`` (``ar``, ``en``: Arabic), or ""."""
    return _names(lang).get(code, "")


def label(code: str, lang: str, *, native: str = "", italian: str = "") -> str:
    """How a page in ``lang`` names language ``code``: ``Arabic (العربية)``, ``العربية``.

    ``native`` and ``italian``: the vocabulary's names (``lingue``), which win over CLDR's for the
    language's own name and on Italian pages. The native name is left out when it is the same
    word (``English`` on an English page, ``العربية`` on an Arabic one).
    """
    native = native or name_in(code, code)
    own_word = italian if lang == SOURCE_LANGUAGE else ""  # the project's Italian, not CLDR's
    shown = own_word or name_in(code, lang) or native or italian or code
    if not native or native.casefold() == shown.casefold():
        return shown
    return f"{shown} ({native})"

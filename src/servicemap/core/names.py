"""One canonical form for every name, and the characters a volunteer cannot see.

Two strings that look the same must be the same name: ``Città`` typed on a Mac (``a`` followed by
a combining accent, NFD) and on Windows (one ``à``, NFC) are one comune, so names are compared
in NFC and case-folded (``fold``). And a string that *looks* like a name may hide characters an
editor does not draw: a zero-width space pasted from a web page, a bidi control that reorders
the text, a Unicode line separator. ``invisible`` finds them, ``char_name`` says which one in
words a volunteer can search for, and ``explain_lookalike`` turns "did you mean «X»?" (when X
looks exactly like what was written) into a sentence that says what is really wrong.

Ids and slugs become folders and file names of the site and of its offline zip, unpacked on
Windows too: ``path_segment_problem`` refuses names a file system or Windows cannot hold.
A leaf module: it imports nothing of ours.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable

# Zero-width characters (U+200B-U+200D, U+2060, U+FEFF), bidi controls (U+200E/F, U+061C,
# U+202A-U+202E, U+2066-U+2069) and the Unicode line and paragraph separators (editors draw
# nothing, YAML would count a line). C0/C1 controls are refused earlier, by the loader.
_INVISIBLE = "\u200b-\u200d\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029"
INVISIBLE = re.compile(f"[{_INVISIBLE}\x00-\x1f\x7f-\x9f]")

_NAMES = {
    "\u200b": "spazio a larghezza zero",
    "\u200c": "separatore invisibile (ZWNJ)",
    "\u200d": "unione invisibile (ZWJ)",
    "\u2060": "unione di parole invisibile",
    "\ufeff": "BOM, spazio invisibile",
    "\u200e": "segno di direzione sinistra-destra",
    "\u200f": "segno di direzione destra-sinistra",
    "\u061c": "segno di direzione araba",
    "\u2028": "separatore di riga invisibile",
    "\u2029": "separatore di paragrafo invisibile",
    "\x00": "NUL",
    "\t": "tabulazione",
    "\n": "a capo",
    "\r": "ritorno a capo",
    "\x7f": "DEL",
    "\x85": "NEL, a capo di Windows-1252: forse era «…»",
}

# A path segment (id, slug) is at most this many bytes of UTF-8. A file system takes 255 bytes
# per component, and ``servizi/<id>.html`` adds 5; but the offline copy is a zip that people
# unpack in a Downloads folder on Windows, where the whole path has 260 characters
# (``C:\Users\nome.cognome\Downloads\mappa-servizi-offline-2026-03-14\servizi\<id>.html``):
# 100 leaves room for that folder. Real ids and comuni are far shorter (the longest Italian
# comune, San Valentino in Abruzzo Citeriore, is 35 characters).
MAX_SEGMENT_BYTES = 100

# Windows refuses these as a file or folder name, with any extension and in any case (``CON``,
# ``con.html``, ``Aux.txt``): a zip holding ``comuni/con.html`` cannot be unpacked there.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)
# ``index`` is the page of the folder itself (``comuni/index.md`` lists the comuni): a record
# named so would take its place.
RESERVED = WINDOWS_DEVICES | {"index"}


def nfc(text: str) -> str:
    """The composed form (one ``à``, not ``a`` plus an accent); cheap for ASCII text."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """The form two names are compared in: NFC and case-folded (``Città`` = ``CITTÀ``)."""
    return nfc(nfc(text).casefold())


def visible(text: str) -> str:
    """``text`` as a reader sees it: NFC, without invisible characters and outer spaces."""
    return INVISIBLE.sub("", nfc(text)).strip()


def invisible(text: str) -> list[tuple[int, str]]:
    """The (index, character) of every invisible character in ``text``."""
    return [(m.start(), m.group()) for m in INVISIBLE.finditer(text)]


def char_name(char: str) -> str:
    """``U+200B (spazio a larghezza zero)``: the code to search for, and what it is."""
    described = _NAMES.get(char, "")
    if not described and unicodedata.category(char) == "Cs":
        described = "metà di un carattere, non valida"
    elif not described and char in "\ufffe\uffff":
        described = "non è un carattere"
    code = f"U+{ord(char):04X}"
    return f"{code} ({described})" if described else code


def explain_lookalike(value: str, suggestion: str) -> str:
    """What differs between ``value`` and a ``suggestion`` that looks just like it, or "".

    A message saying «Pioltello» non è un comune, forse «Pioltello»? helps nobody: when the two
    differ only by invisible characters, outer spaces or composition (NFC), say that instead.
    """
    if not suggestion or fold(visible(value)) != fold(visible(suggestion)):
        return ""
    return describe_hidden(value)


def describe_hidden(value: str) -> str:
    """``contiene un carattere invisibile U+200B (...) al carattere 10``, or about spaces."""
    found = invisible(value)
    if found:
        index, char = found[0]
        more = f" (e altri {len(found) - 1})" if len(found) > 1 else ""
        return (
            f"contiene un carattere invisibile {char_name(char)} al carattere {index + 1}{more}: "
            "cancellalo"
        )
    if value != value.strip():
        return "ha spazi all'inizio o alla fine: toglili"
    if nfc(value) != value:
        return "ha lettere accentate scritte in due parti (lettera più accento): riscrivile"
    return ""


def path_segment_problem(segment: str) -> str:
    """Why ``segment`` cannot be a folder or file name of the site, or "" when it can.

    ``segment`` is already a slug or an id (the part between two ``/``).
    """
    if not segment:
        return "non contiene lettere o cifre latine, e l'indirizzo della pagina sarebbe vuoto"
    if len(segment.encode("utf-8")) > MAX_SEGMENT_BYTES:
        return (
            f"è troppo lungo per un nome di file ({len(segment.encode('utf-8'))} byte, massimo "
            f"{MAX_SEGMENT_BYTES})"
        )
    stem = segment.split(".", 1)[0].casefold()
    if stem == "index":
        return "«index» è il nome della pagina che elenca la cartella"
    if stem in WINDOWS_DEVICES:
        return f"«{stem}» è un nome riservato di Windows: la copia offline non si aprirebbe"
    return ""


EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins, counted as editors count them (``\\n``, ``\\r\\n``,
    ``\\r``; not U+2028, U+2029, U+0085, nor form feeds)."""
    return [0, *(m.end() for m in EDITOR_BREAK.finditer(text))]


# Characters no YAML file may hold (libyaml refuses them, with an English message and no
# position): C0 controls but tab and line ends, DEL, the C1 controls U+0080-U+009F (U+0085 too:
# libyaml would take it for a line break that no editor shows; in a UTF-8 file it is almost
# always a Windows-1252 "…" decoded wrongly), lone surrogates and the noncharacters U+FFFE/FFFF.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# The ASCII characters ``CONTROL`` lets through, as bytes: deleting them from an ASCII text
# leaves its control characters, a C loop four times as fast as the pattern on a 10 MB file.
_ASCII_ALLOWED = bytes(c for c in range(128) if not CONTROL.match(chr(c)))


def control_characters(text: str, limit: int) -> list[tuple[int, int, str]]:
    """(line, column, character) of the first ``limit`` control characters, as editors count."""
    if text.isascii() and not text.encode("ascii").translate(None, _ASCII_ALLOWED):
        return []  # the usual case, proved without the pattern
    first = CONTROL.search(text)
    if first is None:
        return []
    starts = line_starts(text)
    found = []
    for match in CONTROL.finditer(text, first.start()):
        line = bisect_right(starts, match.start())
        found.append((line, match.start() - starts[line - 1] + 1, match.group()))
        if len(found) == limit:
            break
    return found


# libyaml counts these as line breaks, editors (VS Code, GitHub) do not: every later line number
# would be off by one. The loader swaps them for private-use characters while parsing.
SEPARATORS = ("\u2028", "\u2029")


def hide_separators(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with U+2028/U+2029 swapped for unused private-use characters, and the swaps
    (placeholder -> separator) to put them back in the values once parsed."""
    swapped: dict[str, str] = {}
    spare = (chr(c) for c in range(0xF8FF, 0xE000, -1))
    for separator in SEPARATORS:
        if separator in text:
            placeholder = next(c for c in spare if c not in text)
            swapped[placeholder] = separator
            text = text.replace(separator, placeholder)
    return text, swapped


def closest_hint(word: str, choices: Iterable[str]) -> str:
    """``telefno`` -> ": forse intendevi «telefoni»?", else the list of what is allowed."""
    choices = list(choices)
    close = closest(word, choices)
    why = explain_lookalike(word, close)
    if why:
        return f": {why}"  # "forse intendevi «nome»?" would look just like what is written
    if close:
        return f": forse intendevi «{close}»?"
    return f": correggi il nome o togli la riga (ammesse: {', '.join(choices)})"


def closest(word: str, choices: Iterable[str]) -> str:
    """The closest of ``choices`` to ``word`` (case-insensitive), or ""."""
    options = {fold(c): c for c in choices}
    word = visible(str(word))  # what the volunteer sees is what they meant
    match = difflib.get_close_matches(fold(word), list(options), n=1, cutoff=0.6)
    return options[match[0]] if match else ""

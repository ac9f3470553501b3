"""Values escaped for where they land: links, spreadsheet cells, terminals, Markdown comments.

Record fields are written by volunteers and shown exactly as written; what changes is their
encoding for each destination, and each destination has one function here (HTML text has
``render.html.esc``, data in ``<script>`` has ``text.script_json``). A leaf module: it imports
nothing of ours, so the validator, the renderers, the exports and the CLI share the same rules.

* ``web_uri``, ``mailto_uri``, ``tel_uri``: the value of an ``href``. Only ``http``/``https``
  web addresses become links; an IRI (spaces, quotes, accented letters) becomes a URI with its
  characters percent-encoded, and an e-mail address cannot add headers (``?bcc=``) to a
  ``mailto:`` link.
* ``spreadsheet_cell``: a CSV cell that a spreadsheet would run as a formula (OWASP "CSV
  injection") starts with an apostrophe instead; ``spreadsheet_csv`` writes a whole table so.
* ``terminal_safe``: control characters (ANSI escape sequences, line breaks inside a message)
  shown as ``\\x1b``-style escapes, so a record cannot clear a terminal or forge a CI log line.
* ``markdown_literal``: text inside a GitHub comment shown as a code span, so it cannot become
  a link, a mention, an issue reference, HTML or an extra table column.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote, urlsplit

WEB_SCHEMES = ("http", "https")

# Characters kept as they are in a URI: unreserved and reserved ones (RFC 3986), except the
# quote, which is percent-encoded like spaces and non-ASCII letters. "%" is kept only when it
# starts an escape already written (``%20``); a stray "%" becomes ``%25``.
_URI_REST = re.compile(r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&()*+,;=:@/?%]")
_URI_HOST = re.compile(r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&()*+,;=:\[\]%]")


def _encode(text: str, unsafe: re.Pattern[str]) -> str:
    return unsafe.sub(lambda m: quote(m.group(), safe=""), text)


def web_uri(url: str) -> str | None:
    """The ``href`` for a web address as written; None when it must not be a link.

    None for any scheme but http(s) (``javascript:``, ``data:``, ``file:``), for a missing host
    and for a user name or password before the host (``https://comune.it@altro.example`` leads
    to ``altro.example``). ``urlsplit`` drops tabs and line breaks as browsers do; the parts are
    then percent-encoded (UTF-8), so the browser goes where the validator looked.
    """
    try:
        parts = urlsplit(url)
        hostname, _port = parts.hostname, parts.port  # ``port`` raises on ``:99999`` or ``:x``
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not hostname or "@" in parts.netloc:
        return None
    try:
        uri = f"{parts.scheme.lower()}://{_encode(parts.netloc, _URI_HOST)}"
        uri += _encode(parts.path, _URI_REST)
        uri += f"?{_encode(parts.query, _URI_REST)}" if parts.query else ""
        uri += f"#{_encode(parts.fragment, _URI_REST)}" if parts.fragment else ""
    except UnicodeEncodeError:  # a lone surrogate: no URI can carry it
        return None
    return uri


# RFC 6068: in the address part of ``mailto:`` only unreserved characters and these stay as
# they are; "?", "&", "=", "%", "#", "," (a second recipient), spaces and line breaks are encoded,
# so whatever the value holds it stays one address with no added headers.
_MAILTO_ADDRESS_SAFE = "@!$'()*+;"


def mailto_uri(address: str, *, subject: str = "", body: str = "") -> str:
    """``mailto:`` link to one address, with an optional subject and body (line ends CRLF)."""
    uri = "mailto:" + quote(address, safe=_MAILTO_ADDRESS_SAFE)
    headers = []
    if subject:
        headers.append(f"subject={quote(subject, safe='')}")
    if body:
        crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
        headers.append(f"body={quote(crlf, safe='')}")
    return f"{uri}?{'&'.join(headers)}" if headers else uri


_NOT_DIALABLE = re.compile(r"[^+0-9]")


def tel_uri(e164: str) -> str:
    """``tel:+390292366364``: only the digits and the plus of a normalised number."""
    return "tel:" + _NOT_DIALABLE.sub("", e164)


# A cell starting with one of these is read as a formula by Excel, LibreOffice or Google Sheets
# (tab, CR and LF too, as OWASP lists); full-width forms are folded to them by some spreadsheets.
FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: ``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``.

    A negative number (``-9.260000``, a longitude) stays as it is: nothing in it can run and a
    spreadsheet reads it as the number it is. A phone number ``+39 02 9236 6364`` gets the
    apostrophe: without it Excel shows ``#NOME?`` or ``3,90292E+11`` instead of the number.
    Leading spaces do not hide a formula. Values that are not text (the numbers of the HSDS
    tables) are returned as they are.
    """
    if not isinstance(value, str):
        return value
    start = value.lstrip(" \u00a0")
    if start[:1] and start[0] in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A table as the CSV a person opens in a spreadsheet: the one dialect of our CSV files.

    UTF-8 with a byte order mark, which is how Excel knows the file is UTF-8 (without it
    "Città" opens as "CittÃ "), commas and CRLF line ends (RFC 4180), every cell through
    ``spreadsheet_cell``. ``servizi.csv``, ``servizi-traduzioni.csv`` and the freshness report
    (``servicemap report --format csv``) are written by it, so they open the same way.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


# C0 and C1 controls and DEL; line and paragraph separators; bidirectional overrides and
# isolates, which make a terminal show text in another order than it is (CVE-2021-42574).
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def terminal_safe(text: str) -> str:
    """``"\\x1b[2J"`` -> ``"\\\\x1b[2J"``: a message printed on one line, exactly as it reads."""
    return _TERMINAL_UNSAFE.sub(lambda m: _visible(m.group()), text)


def terminal_json(value: object) -> str:
    """Indented JSON whose strings carry no raw control or bidi character (all ``\\uXXXX``).

    ``json.dumps`` escapes only C0 controls; DEL, C1 (``\\x9b`` is a CSI) and bidi overrides
    would reach the terminal as they are.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)  # C0 left: the indentation's "\\n"
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BACKTICKS = re.compile(r"`+")


def markdown_literal(text: str) -> str:
    """Text shown literally in GitHub Markdown, in a table cell or anywhere in a line.

    A code span is the one place where GitHub turns nothing into a link, a mention (``@nome``),
    an issue reference (``#123``), an emoji or HTML. Its fence is one backtick longer than the
    longest run inside; a space pads text that starts or ends with a backtick or a space (the
    renderer removes exactly one each side). Line breaks, which would end a table row, are shown
    as ``⏎``. A ``|`` would end a table cell even inside a code span and ``\\|`` would show its
    backslash there: it stands between code spans as an escaped ``\\|``.
    """
    if not text:
        return ""
    one_line = _LINE_BREAK.sub("⏎", text)
    return "\\|".join(_code_span(piece) for piece in one_line.split("|"))


def _code_span(text: str) -> str:
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = text.startswith(("`", " ")) or text.endswith(("`", " "))
    if padded and text.strip(" "):
        text = f" {text} "
    return f"{fence}{text}{fence}"

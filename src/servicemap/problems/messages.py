"""Build a problem from its code: the registry's severity and Italian message, filled in.

Codes are stable kebab-case identifiers (tests, documentation and CI annotations rely on them);
their severities and templates live in one registry (``codes.py``, read from
``data/problemi.yaml``), so a volunteer reads the same sentence for the same mistake wherever it
is found, and ``docs/problemi.md`` is generated from the same entries.
"""

from __future__ import annotations

import re

from servicemap.core.names import INVISIBLE
from servicemap.problems.codes import CODES
from servicemap.problems.problem import Problem


def problem(
    file: str, line: int, column: int, code: str, /, *, key: str = "", **fields: object
) -> Problem:
    """Build the problem for ``code`` with its registered severity and Italian message.

    The position is positional-only, so a template may name a field ``file`` or ``line`` too.
    """
    entry = CODES.get(code)
    if entry is None:  # a bug of ours, not of the data: say where the code must be added
        raise KeyError(f"problem code {code!r} is not in data/problemi.yaml")
    shown = {name: _short(v) if name in _QUOTED else v for name, v in fields.items()}
    message = entry.template.format(key=_short(key), **shown)
    return Problem(file, line, column, entry.severity, code, message[0].upper() + message[1:], key)


# What the volunteer wrote, quoted back.
_QUOTED = frozenset({"value", "name", "tag", "path", "other"})


def _short(value: object, limit: int = 80) -> object:
    """A value quoted in a message stays readable: a 3 MB string is cut, not printed, and an
    invisible character is shown as its code (``Pioltello<U+200B>``), so the message stays on
    one line and the difference from a suggestion can be seen."""
    if isinstance(value, str):
        if len(value) > limit:
            value = value[: limit - 1] + "…"
        return INVISIBLE.sub(_shown, value)
    return value


def _shown(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"

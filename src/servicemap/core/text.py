"""Small text helpers every stage may use (a leaf module: imports nothing of ours)."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``Cassina de' Pecchi`` -> ``cassina-de-pecchi``: stable, ASCII, for URLs and ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script>``: ``</script>``, ``<!--`` and U+2028 cannot break out.

    Used for every piece of data we put into a page (search data, map points, JSON-LD): record
    fields are plain text written by volunteers and must never be read as markup or code.
    """
    import json

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.translate(_SCRIPT_UNSAFE)

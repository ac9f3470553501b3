"""Small text helpers every stage may use (a leaf module: imports nothing of ours)."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``Cassina de' Pecchi`` -> ``cassina-de-pecchi``: stable, ASCII, for URLs and ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")

"""What every stage that writes the site returns: a file by its site-relative path.

``kind="page"`` is Markdown (with HTML blocks) that goes through the theme; ``kind="static"`` is
copied as is (scripts, styles, data exports). It lives in the core so that renderers, exports and
adapters share it without importing one another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # site-relative source path, e.g. "servizi/caritas-pioltello.md" or "dati/x.csv"
    content: str | bytes
    kind: Literal["page", "static"] = "page"
    # A page's text after its details mark (``render.html.DETAILS_MARK``), rendered when the
    # page is written: ``content`` then ends at the mark (a comune's booklet, not all held).
    details: Callable[[], str] | None = field(default=None, compare=False, repr=False)

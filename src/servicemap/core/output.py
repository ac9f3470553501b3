"""What every stage that writes the site returns: a file by its site-relative path.

``kind="page"`` is Markdown (with HTML blocks) that goes through the theme; ``kind="static"`` is
copied as is (scripts, styles, data exports). It lives in the core so that renderers, exports and
adapters share it without importing one another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # site-relative source path, e.g. "servizi/caritas-pioltello.md" or "dati/x.csv"
    content: str | bytes
    kind: Literal["page", "static"] = "page"
    # A page's text after its details mark (``render.html.DETAILS_MARK``), rendered when the
    # page is written: ``content`` then ends at the mark (a comune's booklet, not all held).
    details: Callable[[], str] | None = field(default=None, compare=False, repr=False)


class Folder:
    """A folder static files are written into as they are made (a build's staging site).

    A stage hands it each file instead of returning it, so that a region's open data and
    scripts are never all held at once; ``written`` lists their paths from the site's root
    (``prefix``, the language tree, before each).
    """

    def __init__(self, root: Path, prefix: str = "") -> None:
        self.root, self.prefix = root, prefix
        self.written: list[str] = []

    def _target(self, path: str) -> Path:
        self.written.append(self.prefix + path)
        target = self.root / (self.prefix + path)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, item: GeneratedFile) -> None:
        """Write one file (text as UTF-8, bytes as they are)."""
        data = item.content if isinstance(item.content, bytes) else item.content.encode("utf-8")
        self._target(item.path).write_bytes(data)

    def open_text(self, path: str) -> TextIO:
        """A file to write text into, as UTF-8, its line ends as written."""
        return self._target(path).open("w", encoding="utf-8", newline="")

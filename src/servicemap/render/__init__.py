"""Render: turn placed records into files for the site.

Every renderer returns ``GeneratedFile`` values; the MkDocs adapter adds them with
``File.generated``. ``kind="page"`` is Markdown (with HTML blocks) that goes through the theme;
``kind="static"`` is copied as is (scripts, styles, data exports). Renderers never import MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # site-relative source path, e.g. "servizi/caritas-pioltello.md" or "dati/x.csv"
    content: str | bytes
    kind: Literal["page", "static"] = "page"

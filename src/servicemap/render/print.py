"""Paper for the desk: a service card on one A4 page, a comune's booklet, the map as a list.

An operator prints a card for the person in front of them, who takes it home. So the card carries
the facts and a QR code to the service's online page (the paper gets old, the page does not),
made with segno (pure Python, no network) as inline SVG. The QR code needs the public address:
with no ``site_url`` in ``mkdocs.yml`` there is none to point to, and the card has no QR code
(a relative path on paper would lead nowhere).

Screen and paper share the page: the print-only parts carry ``sm-solo-stampa`` (hidden on
screen, from ``stampa.css``), and are marked ``data-search-exclude`` and put after the details
mark, so they never reach Material's search index.
"""

from __future__ import annotations

from importlib import resources

import segno

from servicemap.core.model import Service
from servicemap.core.output import GeneratedFile
from servicemap.render import i18n
from servicemap.render.context import RenderContext, service_src
from servicemap.render.html import esc

PRINT_CSS_PATH = "assets/servicemap/stampa.css"
PRINT_ONLY = "sm-solo-stampa"


def print_files() -> list[GeneratedFile]:
    """The print stylesheet, a static file (the adapter adds it to ``extra_css``)."""
    css = resources.files("servicemap").joinpath("assets/stampa.css").read_bytes()
    return [GeneratedFile(PRINT_CSS_PATH, css, "static")]


def qr_svg(url: str, label: str) -> str:
    """A QR code as inline SVG, with a title for screen readers and printers' previews."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=3, border=2, title=label, svgclass="sm-qr-code")


def qr_block(url: str, lang: str = "it") -> str:
    """The print-only footer of a card: the QR code and the address written out ("" if none)."""
    if not url:
        return ""
    return (
        f'<div class="{PRINT_ONLY} sm-qr" data-search-exclude>'
        f"{qr_svg(url, i18n.text('scheda.qr', lang))}"
        f"<p>{esc(i18n.text('scheda.qr-testo', lang))}<br>"
        f'<bdi class="sm-qr-url" dir="ltr">{esc(url)}</bdi></p></div>'
    )


def service_qr(s: Service, ctx: RenderContext) -> str:
    return qr_block(ctx.absolute(service_src(s.id)), ctx.lang)

"""The Content-Security-Policy of every page: the site itself and the tile server, nothing else.

Static hosting (GitHub Pages) cannot send headers, so the policy is a ``<meta http-equiv>`` put
right after ``<meta charset>``, before any script. Scripts: files of the site (``'self'``) and
the inline scripts the theme writes (Material's ``__md_scope`` helpers and the like), each
allowed by its SHA-256 hash, computed over the finished page: no ``'unsafe-inline'`` for
scripts. JSON data blocks (``application/json``, JSON-LD) are not run, so CSP ignores them.

Styles need ``'unsafe-inline'``: the map's legend and Leaflet's marker icons carry ``style``
attributes, and a hash cannot allow an attribute without ``'unsafe-hashes'``. Style injection
cannot run code; record text is escaped anyway.

The offline copy (opened from ``file://``) gets the same policy without the tile server (it
loads no tiles), plus ``file:`` (for browsers whose ``'self'`` does not cover other files of a
``file://`` page) and the hash of the one inline script that the iframe-worker shim writes into
its hidden frame, which inherits the page's policy (``adapters.offline.worker_shim_hash``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

CHARSET_META = '<meta charset="utf-8">'
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def sha256_source(text: str) -> str:
    """A CSP hash source (``'sha256-...'``) for an inline script, as the browser computes it."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(page: str) -> list[str]:
    """The hash of every inline script the browser would run, in page order, without repeats."""
    hashes: dict[str, None] = {}
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group(1).lower() not in _JS_TYPES:
            continue  # a data block (JSON, JSON-LD): never executed
        hashes[sha256_source(match.group("body"))] = None
    return list(hashes)


def tile_origin(tile_url: str) -> str:
    """``https://tile.openstreetmap.org/{z}/{x}/{y}.png`` -> ``https://tile.openstreetmap.org``.

    A ``{s}`` subdomain becomes a wildcard (``https://*.tile.example.org``); "" when no tiles.
    """
    if not tile_url:
        return ""
    parts = urlsplit(tile_url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ValueError(f"tile_url non valido: {tile_url}")
    host = re.sub(r"^\{s\}\.", "*.", parts.netloc)
    if "{" in host or "}" in host:
        raise ValueError(f"tile_url non valido: {tile_url}")
    return f"{parts.scheme}://{host}"


def policy(script_hashes: list[str], *, tiles: str = "", offline: bool = False) -> str:
    """The policy text: the site itself, the tile server's images, the given inline scripts."""
    local = "'self' file:" if offline else "'self'"
    images = " ".join(x for x in (local, "data:", tiles) if x)
    directives = [
        f"default-src {local}",
        " ".join([f"script-src {local}", *script_hashes]),
        f"style-src {local} 'unsafe-inline'",
        f"img-src {images}",
        "object-src 'none'",
        "base-uri 'self'",
        f"form-action {local}",
    ]
    return "; ".join(directives)


def add_policy(
    page: str, extra_hashes: Sequence[str] = (), *, tiles: str = "", offline: bool = False
) -> str:
    """``page`` with its policy as the first element after ``<meta charset>``.

    A page without ``<meta charset="utf-8">`` (not one of the theme's) is returned unchanged.
    """
    if CHARSET_META not in page:
        return page
    hashes = inline_script_hashes(page) + [h for h in extra_hashes if h]
    text = policy(list(dict.fromkeys(hashes)), tiles=tiles, offline=offline)
    return page.replace(CHARSET_META, f"{CHARSET_META}\n    {_meta(text)}", 1)


def allow_added_scripts(page: str) -> str:
    """``page`` whose policy also allows the inline scripts added after it was written.

    A development server (``mkdocs serve``) writes its own reload script into every page it
    serves; the rest of the policy stays as published, so the preview refuses what the site
    would refuse online. A page without our policy is returned unchanged.
    """
    found = _POLICY_META.search(page)
    if found is None:
        return page
    directives = [d.strip() for d in html.unescape(found.group(1)).split(";")]
    for n, directive in enumerate(directives):
        sources = directive.split()
        if sources[:1] == ["script-src"]:
            added = [h for h in inline_script_hashes(page) if h not in sources]
            directives[n] = " ".join([*sources, *added])
    return page[: found.start()] + _meta("; ".join(directives)) + page[found.end() :]


_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _meta(text: str) -> str:
    content = html.escape(text, quote=False).replace('"', "&quot;")  # keep 'self' readable
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'

"""One whole site per interface language: what each language's tree needs beyond the plugin.

mkdocs-static-i18n builds Italian at the root and every other language in its folder (``en/``,
``ar/``, ``zh/``). The MkDocs adapter hands its pieces to these functions (no MkDocs import here):

* Material's search reads ``search/search_index.json`` beside ``__config.base``. The plugin
  merges every language into the root index, so a search on ``/ar/`` listed Italian pages and
  left the reader in Italian. Each tree gets its own index instead (``tree_indexes``) and its
  pages a ``base`` at the tree's root (``tree_base``): a search in Arabic finds the Arabic pages.
  A translated page still answers to its Italian title (a name read on a leaflet or a sign).
* ``x-default``: the Italian page, for a reader whose language the site does not have
  (``with_default_alternate``): Italian is the source and the root.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from servicemap.render.html import esc

DEFAULT_HREFLANG = "x-default"
INDEX_PATH = "search/search_index.json"
OFFLINE_INDEX_PATH = "search/search_index.js"  # Material reads this one from file://


def tree_base(page_url: str, tree: str) -> str:
    """The relative address of the tree's root seen from a page of the tree (``.``, ``..``).

    ``ar/servizi/x/`` -> ``../..``; ``ar/servizi/x.html`` (offline) -> ``..``; ``ar/`` -> ``.``.
    Material joins it with ``search/search_index.json`` and scopes its stored settings by it.
    """
    rest = page_url.removeprefix(tree)
    depth = rest.count("/")
    return "/".join([".."] * depth) or "."


def tree_of(location: str, trees: Iterable[str]) -> str:
    """The tree a search entry belongs to ("" for the default language at the root)."""
    return next((tree for tree in trees if tree and location.startswith(tree)), "")


def tree_indexes(entries: list[dict], trees: list[str]) -> dict[str, list[dict]]:
    """Every tree's search entries, their locations relative to the tree's root.

    ``entries``: every language's entries as the builds made them (locations from the site's
    root: ``ar/servizi/x/``). An entry whose title differs from the default language's page at
    the same place gets that Italian title at the end of its text, so it is found by it too.
    """
    found: dict[str, list[dict]] = {tree: [] for tree in trees}
    for entry in entries:
        tree = tree_of(str(entry.get("location", "")), trees)
        if tree in found:
            location = str(entry["location"]).removeprefix(tree)
            found[tree].append({**entry, "location": location})
    italian = {e["location"]: e.get("title", "") for e in found.get("", [])}
    for tree, docs in found.items():
        if not tree:
            continue
        for doc in docs:
            title = italian.get(doc["location"], "")
            if title and title != doc.get("title"):
                doc["text"] = f'{doc.get("text", "")} <p lang="it">{esc(title)}</p>'
    return found


def index_json(config: dict, docs: list[dict]) -> str:
    """A Material search index (the plugin's own compact form)."""
    return json.dumps({"config": config, "docs": docs}, separators=(",", ":"), default=str)


def offline_index(data: str) -> str:
    """The index as the script Material loads on ``file://`` (as its offline plugin writes it)."""
    return f"var __index = {data}"


_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def with_search_base(page: str, base: str) -> str:
    """The page with Material's ``__config.base`` set to ``base``: where it reads the index.

    For a tree's 404 page, which MkDocs renders with the site's root as its base (it is served
    at any depth, so its links are absolute).
    """
    found = _CONFIG.search(page)
    if found is None:
        return page
    config = json.loads(found.group(2))
    config["base"] = base
    text = json.dumps(config, sort_keys=True).replace("<", "\\u003c")
    return page[: found.start(2)] + text + page[found.end(2) :]


def with_default_alternate(page: str, default_lang: str) -> str:
    """The page with ``hreflang="x-default"`` beside its default language's alternate."""
    if f'hreflang="{DEFAULT_HREFLANG}"' in page:
        return page
    for match in _ALTERNATE.finditer(page):
        if match.group(2) == default_lang:
            link = f'<link rel="alternate" href="{match.group(1)}" hreflang="{DEFAULT_HREFLANG}">'
            return page[: match.end()] + "\n    " + link + page[match.end() :]
    return page

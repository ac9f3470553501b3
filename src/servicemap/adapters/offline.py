"""The offline copy for help desks: a folder that works from ``file://`` and its dated zip.

``OFFLINE=true mkdocs build`` turns on Material's ``offline`` plugin (``use_directory_urls`` off,
the search index inlined as a script). What this module adds, with no MkDocs import:

* Material's search runs in a Web Worker, which browsers refuse on ``file://``; Material's
  answer is the iframe-worker shim, which its plugin would load from unpkg.com. We publish the
  copy vendored from the npm registry (``scripts/vendor-iframe-worker.sh``) and point
  ``extra.polyfills`` at it, so the copy makes no request to any host.
* The shim writes one inline script into a hidden frame that inherits the page's
  Content-Security-Policy: ``worker_shim_hash`` gives its hash, so the policy stays hash-based.
* ``write_zip`` packs the built folder as ``mappa-servizi-offline-AAAA-MM-GG.zip`` (the date of
  the data, so the name and the bytes are reproducible) with a ``LEGGIMI.txt`` for the operator:
  Italian first, then the same in each other language of the copy (every language's tree is in
  the one zip: ``en/index.html``, ``ar/index.html``...). The zip goes inside the site folder,
  where the publish workflow looks for it (``site_build/*.zip``); it is written outside the
  folder first, so it never contains itself.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from servicemap.core.output import GeneratedFile
from servicemap.render import i18n
from servicemap.render.context import italian_date
from servicemap.render.csp import sha256_source

SHIM_DIR = "assets/vendor/iframe-worker"
SHIM_PATH = f"{SHIM_DIR}/shim/index.js"  # the name must contain "iframe-worker" (Material)
ZIP_PREFIX = "mappa-servizi-offline"
README_NAME = "LEGGIMI.txt"
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">\s*')
_HREFLANG = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')
_ZIP_EPOCH_MIN = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest date a zip can store


def _vendored(name: str) -> bytes:
    return resources.files("servicemap").joinpath("assets/vendor/iframe-worker", name).read_bytes()


def shim_files() -> list[GeneratedFile]:
    """The shim and its licence, published under ``assets/vendor/iframe-worker/``."""
    return [
        GeneratedFile(SHIM_PATH, _vendored("shim/index.js"), "static"),
        GeneratedFile(f"{SHIM_DIR}/LICENSE", _vendored("LICENSE"), "static"),
    ]


def local_polyfills(polyfills: list[object]) -> list[object]:
    """``extra.polyfills`` with the local shim instead of any iframe-worker from another host.

    Material's offline plugin adds the shim from the unpkg CDN unless an entry
    already names iframe-worker; whichever runs first, the result names only our copy.
    """
    kept = [p for p in polyfills if "iframe-worker" not in str(p)]
    return [*kept, SHIM_PATH]


def worker_shim_hash(page: str) -> str:
    """The CSP hash of the script the shim writes into its frame for this page ("" if none).

    The script embeds the shim's helper functions (their source text, as ``${c}`` and ``${d}``
    in the shim's template) and the worker's URL, which Material writes in the page's
    ``__config`` relative to the page: one hash per folder depth.
    """
    worker = re.search(r'"search":\s*"([^"]+)"', page)
    if worker is None:
        return ""
    shim = _vendored("shim/index.js").decode("utf-8")
    template = re.search(r"<script>(postMessage=.*?)<\\/script>", shim)
    if template is None:  # a different shim version: the browser tests will say so
        return ""
    text = template.group(1)
    for name in ("c", "d"):
        text = text.replace("${" + name + "}", _function_source(shim, name))
    return sha256_source(text.replace("${e}", worker.group(1)))


def without_canonical(page: str) -> str:
    """The page without ``<link rel="canonical">``: MkDocs writes it from ``site_url`` and the
    copy's ``.html`` names, an address that does not exist online."""
    return _CANONICAL.sub("", page, count=1)


def without_alternates(page: str) -> str:
    """The page without ``<link rel="alternate" hreflang>``: no search engine reads the copy, and
    Material's theme fetches a ``sitemap.xml`` beside each of them (a failed request from
    ``file://``). The language switch keeps its own links."""
    return _HREFLANG.sub("", page)


def _function_source(script: str, name: str) -> str:
    """The text of ``function name(...){...}`` in a minified script (braces balanced)."""
    start = script.index(f"function {name}(")
    depth = 0
    for pos in range(script.index("{", start), len(script)):
        depth += {"{": 1, "}": -1}.get(script[pos], 0)
        if depth == 0:
            return script[start : pos + 1]
    raise ValueError(f"function {name} not closed")


def zip_name(data_date: dt.date) -> str:
    return f"{ZIP_PREFIX}-{data_date.isoformat()}.zip"


def readme(
    site_name: str,
    data_date: dt.date,
    site_url: str = "",
    freshness: str = "",
    languages: Mapping[str, str] | None = None,
) -> str:
    """``LEGGIMI.txt``: how to open the copy, what works without internet, how old the data is.

    ``freshness``: the footer's words (``render.freshness``): the build date and the span of the
    records' checks, not the newest record's date as the date of all the data.
    ``languages``: every language of the copy and its folder (``{"it": "", "en": "en/"}``):
    the Italian part first, then one part in each other language, saying to open its folder's
    ``index.html`` (the texts are ``leggimi.*`` in ``data/interfaccia.yaml``).
    """
    folder = zip_name(data_date).removesuffix(".zip")
    default = freshness or i18n.text("leggimi.data", data=italian_date(data_date.isoformat()))
    lines = [f"{site_name}", *_readme_part(i18n.SOURCE_LANGUAGE, folder, site_url, default)]
    for lang, tree in (languages or {}).items():
        if lang == i18n.SOURCE_LANGUAGE:
            continue
        checked = i18n.text("leggimi.data", lang, data=data_date.isoformat())
        online = site_url.rstrip("/") + "/" + tree if site_url else ""
        name = i18n.interface().languages.get(lang, {}).get("nome", lang)
        lines += ["=" * 60, name, *_readme_part(lang, f"{folder}/{tree.rstrip('/')}", online,
                                                checked)]  # fmt: skip
    return "\r\n".join(lines)  # CRLF: Notepad on older Windows shows LF files on one line


def _readme_part(lang: str, folder: str, site_url: str, checked: str) -> list[str]:
    """One language's part of ``LEGGIMI.txt``, ending with an empty line."""

    def text(key: str, **values: object) -> list[str]:
        return i18n.text(f"leggimi.{key}", lang, **values).split("\n")

    online = text("online", indirizzo=site_url) if site_url else text("chiedi")
    return [
        *text("titolo"),
        "",
        f"{checked}.",
        "",
        *text("come"),
        *text("estrai"),
        *text("apri", cartella=folder),
        *text("anteprima"),
        "",
        *text("funziona"),
        *text("funziona-elenco"),
        "",
        *text("esterni"),
        "",
        *text("quando"),
        *text("quando-testo"),
        *online,
        "",
    ]


def write_zip(site_dir: Path, data_date: dt.date, epoch: int, readme_text: str) -> Path:
    """Pack ``site_dir`` into ``site_dir/<zip_name>``: reproducible, never containing itself.

    Entries are sorted, stamped with ``epoch`` (``SOURCE_DATE_EPOCH``), with fixed permissions,
    under one folder named like the zip, ``LEGGIMI.txt`` first.
    """
    name = zip_name(data_date)
    folder = name.removesuffix(".zip")
    stamp = max(dt.datetime.fromtimestamp(epoch, dt.UTC), _ZIP_EPOCH_MIN).timetuple()[:6]
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and not p.name.endswith(".zip"))
    fd, tmp = tempfile.mkstemp(suffix=".zip", dir=site_dir.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            _add(archive, f"{folder}/{README_NAME}", readme_text.encode("utf-8"), stamp)
            for path in files:
                arcname = f"{folder}/{path.relative_to(site_dir).as_posix()}"
                _add(archive, arcname, path.read_bytes(), stamp)
        target = site_dir / name
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the zip is published
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _add(archive: zipfile.ZipFile, arcname: str, data: bytes, stamp: tuple[int, ...]) -> None:
    info = zipfile.ZipInfo(arcname, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix: the same bytes whichever system builds it
    archive.writestr(info, data, compresslevel=9)

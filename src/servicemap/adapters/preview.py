"""The live preview (``mkdocs serve``): what a generator's development server needs from us.

A volunteer edits ``services.yaml`` with the preview open in the browser and expects the page to
show the change a moment after saving. MkDocs' server rebuilds when ``docs_dir`` or
``mkdocs.yml`` change, and reloads the pages it served with a script it writes into each of
them. The adapter (``adapters.mkdocs.on_serve``) adds what it does not know about us:

* the territory's files (``Project.source_files``), which a build reads besides ``docs_dir``:
  ``watched_files``;
* the reload script is inline, and every page's Content-Security-Policy allows inline scripts by
  hash only: without its hash the browser refuses it and the page never reloads.
  ``with_reload_allowed`` wraps the server's WSGI application so each served page's policy also
  allows the scripts the server added (``csp.allow_added_scripts``); the rest of the policy is
  the published one, so the preview refuses what the site would refuse online;
* the public address: the server replaces ``site_url`` with its own, and the pages must keep the
  published one (the cards' QR codes, the data): ``adapters.mkdocs._public_site_url``;
* speed: the theme's templates compiled once per process (``TemplateBytecode``), not once per
  build and language; and, unless asked (``ALTRE_LINGUE``), only the default language's tree is
  previewed (``adapters.mkdocs``; ``console.preview_languages`` says so).

No site generator is imported here: the server is a WSGI application, the templates Jinja's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2

from servicemap.render import csp
from servicemap.validate.project import Project

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


def watched_files(config_file: Path, options: dict) -> list[Path]:
    """The territory's files a build reads, those that exist (a missing one cannot be watched:
    the server's file poller stops on a path that does not exist)."""
    project = Project.from_options(config_file.parent, options)
    return [path for path in project.source_files if path.is_file()]


def with_reload_allowed(app: WsgiApp) -> WsgiApp:
    """The server's application, whose HTML pages' policy allows the server's own scripts."""

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        answer: list = []

        def keep(status: str, headers: list[tuple[str, str]], exc_info: object = None):
            answer[:] = [status, headers]
            return lambda data: None  # the server never writes through it

        body = app(environ, keep)
        status, headers = answer
        if not _is_html(headers):
            start_response(status, headers)
            return body
        try:
            page = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        with contextlib.suppress(UnicodeDecodeError):  # not one of our pages: as served
            page = csp.allow_added_scripts(page.decode("utf-8")).encode("utf-8")
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(page)))])
        return [page]

    return serve


def _is_html(headers: list[tuple[str, str]]) -> bool:
    return any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers)


class TemplateBytecode(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory for the life of the process.

    MkDocs makes a new Jinja environment for every build and mkdocs-static-i18n one for every
    language: each compiled Material's templates again, about a third of a rebuild of the example
    territory. Jinja checks each template's source checksum before using its bytecode, so an
    edited template is compiled anew.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

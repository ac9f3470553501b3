"""Where names become paths: no two records may end up on one page.

A comune's page is ``comuni/<slug>/``, a need's ``aree/<slug>/``, a type's ``tipi/<slug>/``, a
service's ``servizi/<id>/``. ``slugify`` folds accents, case and anything that is not a Latin
letter or a digit, so two different names can give one slug: ``Città`` and ``Citta``, or
``Pioltello`` and ``Pioltello`` with a zero-width space. The site would then silently publish
only one of the two pages. ``PageClaims`` remembers who first claimed each page and reports the
second with both positions; it also refuses a slug that cannot be a file name
(``names.path_segment_problem``). ``output_collisions`` is the last net, over every file of the
build (generated and hand-written), on the final output path case-folded as a case-insensitive
file system and the zip see it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from servicemap.messages import problem
from servicemap.names import fold, nfc, path_segment_problem
from servicemap.problems import Problem
from servicemap.text import slugify


@dataclass
class PageClaims:
    """The pages of one folder (``comuni/``, ``aree/``...) and who claimed each first."""

    folder: str
    # Comuni are one page per name whatever its case (``PIOLTELLO`` is ``Pioltello``); codes
    # are case-sensitive, so ``Casa`` and ``casa`` are two codes wanting one page.
    case_sensitive: bool = False
    first: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # slug -> key, name, at

    def _key(self, name: str) -> str:
        return nfc(name) if self.case_sensitive else fold(name)

    def claim(self, name: str, file: str, line: int, column: int, *, key: str) -> Iterator[Problem]:
        """Claim the page of ``name`` (written at file:line:column); problems if it can't be."""
        slug = slugify(name)
        path = f"{self.folder}/{slug}/"
        first = self.first.get(slug)
        if first is None:
            self.first[slug] = (self._key(name), name, f"{file}:{line}")
            reason = path_segment_problem(slug)
            if reason:
                yield problem(file, line, column, "unusable-name", key=key, value=name,
                              path=path, reason=reason)  # fmt: skip
        elif first[0] != self._key(name):  # the same name written twice is one page, not a clash
            yield problem(file, line, column, "path-collision", key=key, value=name,
                          other=first[1], first=first[2], path=path)  # fmt: skip


def output_path(src: str, directory_urls: bool) -> str:
    """The file MkDocs writes for ``src``: ``comuni/x.md`` -> ``comuni/x/index.html``."""
    if not src.endswith(".md"):
        return src
    parent, name = posixpath.split(src[:-3])
    if name in ("index", "README"):
        return posixpath.join(parent, "index.html")
    if directory_urls:
        return posixpath.join(parent, name, "index.html")
    return posixpath.join(parent, name + ".html")


def output_collisions(
    files: Iterable[tuple[str, str]], directory_urls: bool
) -> Iterator[tuple[str, str, str]]:
    """(path, first origin, second origin) for every output path written twice.

    ``files`` are (source path, origin) pairs, the origin saying who made the file
    (``services.yaml:12`` or ``content/comuni/citta.md``). Paths are compared NFC-normalised and
    case-folded: ``Comuni/Citta.html`` and ``comuni/citta.html`` are one file on Windows, on
    macOS and in the offline zip once unpacked there.
    """
    seen: dict[str, str] = {}
    for src, origin in files:
        path = output_path(src, directory_urls)
        key = fold(path)
        if key in seen:
            yield path, seen[key], origin
        else:
            seen[key] = origin

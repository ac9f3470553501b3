"""Where names become paths: no two records may end up on one page.

A comune's page is ``comuni/<slug>/``, a need's ``aree/<slug>/``, a type's ``tipi/<slug>/``, a
service's ``servizi/<id>/``. ``slugify`` folds accents, case and anything that is not a Latin
letter or a digit, so two different names can give one slug: ``Città`` and ``Citta``, or
``Pioltello`` and ``Pioltello`` with a zero-width space. The site would then silently publish
only one of the two pages. ``PageClaims`` remembers who first claimed each page and reports the
second with both positions; it also refuses a slug that cannot be a file name
(``names.path_segment_problem``). ``site_collisions`` is the last net, over every file of the
build (generated and hand-written), on the final output path case-folded as a case-insensitive
file system and the zip see it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from servicemap.core.names import fold, nfc, path_segment_problem
from servicemap.core.text import slugify
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem


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


@dataclass(frozen=True)
class Output:
    """A file of the build: its source path, who made it, and where a message about it points."""

    src: str
    origin: str  # "services.yaml:12", "content/comuni/citta.md"
    file: str
    line: int = 0  # the record's line, 0 for a page not made from one record
    generated: bool = True


def site_collisions(outputs: Iterable[Output], directory_urls: bool) -> list[Problem]:
    """``page-collision`` for every output path two files would write, one of them generated.

    Two hand-written files are MkDocs' own business (it warns about ``README.md`` beside
    ``index.md``); a generated page that would overwrite, or be overwritten by, another file
    is ours: one of the two would silently vanish from the site.
    """
    seen: dict[str, Output] = {}
    found = []
    for out in outputs:
        key = fold(output_path(out.src, directory_urls))
        first = seen.setdefault(key, out)
        if first is out or not (first.generated or out.generated):
            continue
        at = _pointed(first, out)
        path = output_path(out.src, directory_urls)
        found.append(problem(at.file, max(at.line, 1), 1, "page-collision", path=path,
                             first=first.origin, second=out.origin))  # fmt: skip
    return found


def _pointed(first: Output, second: Output) -> Output:
    """Where the message points: the record's line if one of the two is a record's page, else
    the hand-written file (the one a person can rename)."""
    for out in (second, first):
        if out.generated and out.line:
            return out
    return second if not second.generated else first


RECORD_FOLDERS = ("servizi/", "comuni/", "aree/", "tipi/")  # one page per record, comune, code


def is_record_page(src: str) -> bool:
    """``comuni/pioltello.md`` is made from the data; ``comuni/index.md`` is the site's own."""
    return src.startswith(RECORD_FOLDERS) and posixpath.basename(src) != "index.md"


def replaced_by_hand(generated: list[str], existing: set[str]) -> list[str]:
    """Generated pages that a hand-written one of the same name replaces (a territory's own
    ``comuni/index.md``); a record's page is never replaced: ``site_problems`` refuses it."""
    return [src for src in generated if src in existing and not is_record_page(src)]


def site_problems(
    found: list[tuple[str, str | None]],
    generated: list[str],
    lines: dict[str, int],
    data_file: str,
    docs_dir: Path,
    directory_urls: bool,
) -> list[Problem]:
    """The collisions of a build: ``found`` are the files MkDocs found (source path, absolute
    path), ``generated`` the source paths we add, ``lines`` the record line of each service page.
    """
    docs = docs_dir.resolve()
    outputs = [_hand_written(src, abs_src, docs) for src, abs_src in found]
    for src in generated:
        line = lines.get(src, 0)
        shown = f"{data_file}:{line}" if line else f"la pagina generata {src}"
        outputs.append(Output(src, shown, data_file, line))
    return site_collisions(outputs, directory_urls)


def _hand_written(src: str, abs_src: str | None, docs_dir: Path) -> Output:
    """A file MkDocs found by itself: in ``docs_dir`` (named from the project) or the theme's."""
    if abs_src:
        source = Path(abs_src)
        if source.is_relative_to(docs_dir):
            shown = f"{docs_dir.name}/{source.relative_to(docs_dir).as_posix()}"
            return Output(src, shown, shown, 0, generated=False)
    return Output(src, f"il tema ({src})", src, 0, generated=False)

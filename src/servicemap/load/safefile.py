"""Reading the project's files safely: never outside the project, never a device, never unbounded.

git stores symbolic links, so a pull request can add ``services.yaml -> /proc/self/environ`` (the
build's environment) or ``content/x.md -> ../.git/config`` (where CI's checkout keeps its token):
followed blindly, the build would read or even publish them. And a path can name a FIFO (reading
waits forever) or ``/dev/zero`` (reading never ends). Every file the build or a ``servicemap``
command reads from the project goes through ``read_bytes``; every file MkDocs would publish from
``docs_dir`` is checked by ``scan_tree`` before MkDocs walks the folder.

The rules, each refusal a problem with its own code (``problems.messages``):

* The file's resolved path (every link followed) must lie inside one of the trusted folders
  (``within``): for a data file its own folder and the project's (``Project.trusted_dirs``); for a
  page or image the configured ``docs_dir``. Links that stay inside are kept (a page can be
  shared under two names, a territory can point at a file of its folder). Nothing under ``.git``
  is ever read, even inside the project.
* Only regular files: a device, a FIFO or a socket is refused from ``stat``, before opening.
* The size is checked before reading and the read is bounded (at most the maximum plus one byte),
  because ``/proc`` files report size 0.
* The file is opened with ``O_NONBLOCK`` (a FIFO swapped in after ``stat`` cannot hang the open)
  and ``O_NOFOLLOW`` on the resolved path, then ``fstat`` must show the same regular file that was
  checked: nothing can be swapped in between the check and the read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

MAX_CONTENT_BYTES = 100 * 1024 * 1024  # GitHub refuses files above 100 MB: no real page is larger
_CHUNK = 1024 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def read_bytes(
    path: Path, display: str, *, max_bytes: int, within: Sequence[Path] = ()
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path``, or None and the problem that says why it was not read.

    ``within`` are the trusted folders (default: the folder the path names). ``display`` is how
    messages name the file (``services.yaml``), as the volunteer's editor shows it.
    """
    real = Path(os.path.realpath(path))
    refused = _containment(path, real, within or (path.parent,), display)
    if refused is not None:
        return None, [refused]
    try:
        before = os.stat(real, follow_symlinks=False)
    except FileNotFoundError:
        return None, [problem(display, 1, 1, "file-not-found", path=str(path))]
    except OSError as exc:
        return None, [_unreadable(display, exc)]
    refused = _kind_problem(before, display, max_bytes)
    if refused is not None:
        return None, [refused]
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        return None, [_unreadable(display, exc)]
    try:
        return _read_open(fd, before, display, max_bytes)
    finally:
        os.close(fd)


def _read_open(
    fd: int, before: os.stat_result, display: str, max_bytes: int
) -> tuple[bytes | None, list[Problem]]:
    """Read an open file, if it is still the regular file that ``before`` described."""
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
            return None, [problem(display, 1, 1, "file-unreadable", reason=CHANGED)]
        refused = _kind_problem(now, display, max_bytes)
        if refused is not None:
            return None, [refused]
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        return None, [_unreadable(display, exc)]
    if len(data) > max_bytes:
        return None, [_too_large(display, len(data), max_bytes, "file-too-large")]
    return data, []


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


CHANGED = "il file è cambiato mentre veniva letto: riprova"


def scan_tree(
    top: Path, *, project: Path | None = None, max_bytes: int = MAX_CONTENT_BYTES
) -> list[Problem]:
    """Every problem with the files MkDocs would walk and publish from ``top`` (``docs_dir``).

    ``project``: the folder of ``mkdocs.yml``. A ``docs_dir`` configured inside it must really be
    inside it (a pull request could replace ``content/`` with a link to a home folder); one
    configured elsewhere (``docs_dir: /srv/pagine``) is the maintainer's choice.

    MkDocs walks ``docs_dir`` following links (``os.walk(followlinks=True)``): a link to ``/``
    would make it walk the whole disk, a link to a parent folder loops. So the check runs first,
    over the real tree without following links, and looks at every link, including hidden files
    that MkDocs would then exclude: a link out of ``docs_dir`` is never a good idea.
    """
    root = Path(os.path.realpath(top))
    if project is not None and lexically_inside(top, project):
        refused = _containment(top, root, (project,), display_path(top), published=True)
        if refused is not None:
            return [refused]
    problems: list[Problem] = []
    stack = [root]
    while stack:  # an explicit stack: no recursion, whatever the depth
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            problems.append(_unreadable(_shown(top, root, folder), exc))
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            else:
                found = _check_entry(entry, root, top, max_bytes)
                if found is not None:
                    problems.append(found)
    return sorted(problems)


def _check_entry(entry: os.DirEntry[str], root: Path, top: Path, max_bytes: int) -> Problem | None:
    """The problem with one entry of ``docs_dir`` (``root``: its real path), or None.

    A plain file costs one ``lstat`` (cached by ``scandir``); only links are resolved.
    """
    path = Path(entry.path)
    try:
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes:
            return None
    except OSError as exc:
        return _unreadable(_shown(top, root, path), exc)
    display = _shown(top, root, path)
    if not stat.S_ISLNK(info.st_mode):
        return _kind_problem(info, display, max_bytes, "content-too-large")
    real = Path(os.path.realpath(path))
    where = f"fuori dalla cartella {display_path(top)}"
    refused = _containment(path, real, (root,), display, published=True, where=where)
    if refused is not None:
        return refused
    try:
        target = os.stat(real)
    except OSError:
        return problem(display, 1, 1, "file-not-found", path=os.readlink(path))
    if stat.S_ISDIR(target.st_mode):
        if path.parent.is_relative_to(real):
            return problem(display, 1, 1, "link-loop", path=display_path(real))
        return None  # its files are checked where they really are
    return _kind_problem(target, display, max_bytes, "content-too-large")


def _shown(top: Path, root: Path, path: Path) -> str:
    """How a message names an entry: under ``docs_dir`` as configured, not its real path."""
    return display_path(top / path.relative_to(root))


def _containment(
    path: Path,
    real: Path,
    within: Sequence[Path],
    display: str,
    *,
    published: bool = False,
    where: str = "fuori dal progetto",
) -> Problem | None:
    """The refusal of a resolved path outside every trusted folder, or inside a ``.git``.

    ``published``: the path is one of the site's pages or files (``docs_dir``), not data.
    """
    what = "non viene pubblicato" if published else "non viene letto"
    shown = os.readlink(path) if path.is_symlink() else str(real)  # the link as git shows it
    for folder in within:
        base = Path(os.path.realpath(folder))
        if real.is_relative_to(base):
            if ".git" in real.relative_to(base).parts:
                return problem(display, 1, 1, "file-in-git", path=shown, what=what)
            return None
    if ".git" in real.parts:  # say why it matters: the checkout's credentials are there
        return problem(display, 1, 1, "file-in-git", path=shown, what=what)
    return problem(display, 1, 1, "file-outside-project", path=shown, where=where, what=what)


_KINDS = (
    (stat.S_ISFIFO, "una pipe (FIFO)"),
    (stat.S_ISCHR, "un dispositivo"),
    (stat.S_ISBLK, "un dispositivo"),
    (stat.S_ISSOCK, "un socket"),
)


def _kind_problem(
    info: os.stat_result, display: str, max_bytes: int, too_large: str = "file-too-large"
) -> Problem | None:
    """A directory, a special file or an oversized file: the problem; a fine file: None."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return problem(display, 1, 1, "file-unreadable", reason="è una cartella, non un file")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "un file speciale")
        return problem(display, 1, 1, "file-special", kind=kind)
    if info.st_size > max_bytes:
        return _too_large(display, info.st_size, max_bytes, too_large)
    return None


def _too_large(display: str, size: int, max_bytes: int, code: str) -> Problem:
    return problem(display, 1, 1, code, size=_mb(size), max=_mb(max_bytes))


def _unreadable(display: str, exc: OSError) -> Problem:
    return problem(display, 1, 1, "file-unreadable", reason=exc.strerror or str(exc))


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def lexically_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is written below ``folder`` (``..`` taken into account, links not)."""
    return Path(os.path.abspath(path)).is_relative_to(Path(os.path.abspath(folder)))


def display_path(path: Path) -> str:
    """How messages name a file: relative to the working directory when it is below it.

    Links are not followed: the message names the file the volunteer sees in their editor, not
    where a link leads.
    """
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path(os.path.realpath(Path.cwd()))))
    except ValueError:
        return str(path)

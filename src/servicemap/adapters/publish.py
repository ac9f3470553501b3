"""Publishing a built site: all of it or nothing, wherever people keep ``site_build/``.

A build writes into a staging folder and only a successful build replaces the published one, so
a failed build leaves the previous site as it was. The interface is small: ``start(final)``
before the build, then ``Staging.publish()`` or ``Staging.discard()``.

* Normally the staging folder is beside the site (``.site_build.in-costruzione-PID``) and
  publishing is two renames: the old tree moves aside, the new one takes its name.
* A ``site_build/`` that is a mount point (a Docker volume, a CI cache) cannot be renamed: its
  *contents* are swapped instead, entry by entry inside it (each rename is atomic; the site is
  incomplete only between two renames). When ``os.path.ismount`` sees the mount, the build stages
  inside it (same filesystem: renames, no copy); a mount it cannot see (a bind mount of the same
  filesystem) shows up as ``EBUSY``/``EXDEV`` on the rename, and the staged site is copied in.
* A folder where we may not write gets an Italian message (``PublishError``), not a traceback.
* A build that was killed leaves its folders behind; the next build removes them. A build holds an
  exclusive ``flock`` on its lock file (``.site_build.in-costruzione-PID.lock``) for its whole
  life, and the kernel releases it when the process dies, even with ``kill -9``: a lock that can
  be taken means a dead build. Process ids alone would not do (they are reused, and containers
  sharing a volume have their own). A lock created in the last minute is left alone too (its
  owner may be between creating and locking it), and folders without a lock file (older
  versions) are removed only when no process has their pid.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: pids only
    fcntl = None  # type: ignore[assignment]

STAGING = "in-costruzione"  # the build writes here
OLD = "precedente"  # the previous site, while it is swapped out
INCOMING = "nuovo"  # a staged site copied into a mount point
LOCK_GRACE_SECONDS = 60
_MOUNT_ERRORS = (errno.EBUSY, errno.EXDEV)


class PublishError(Exception):
    """The site cannot be written or replaced: an Italian message that says what to do."""


@dataclass
class Staging:
    """One build's staging folder, locked until it is published or discarded."""

    final: Path
    path: Path
    lock_path: Path
    lock_fd: int | None

    @property
    def inside(self) -> bool:
        """Staged inside ``final`` itself (a mount point)."""
        return self.path.parent == self.final

    def publish(self) -> None:
        """Replace the published site with the staged one; on failure the old one stays."""
        try:
            if self.inside:
                _swap_contents(self.path, self.final)
            else:
                _publish_beside(self.path, self.final)
        except OSError as exc:
            raise PublishError(_message(exc, self.final, "sostituire il sito in")) from None
        finally:
            self.discard()

    def discard(self) -> None:
        """Delete the staging folder and release the lock (the published site is untouched)."""
        shutil.rmtree(self.path, ignore_errors=True)
        _release(self.lock_path, self.lock_fd)
        self.lock_fd = None


def start(final: Path) -> Staging:
    """Clean what killed builds left, then create and lock this build's staging folder.

    Beside ``final`` when possible; inside it when it is a mount point, or when only ``final``
    itself is writable (``/var/www/site`` writable by the deploy user, ``/var/www`` not).
    """
    final = final.absolute()
    remove_stale(final)
    if final.is_dir() and os.path.ismount(final):
        homes = [final]
    else:
        homes = [final.parent, final] if final.is_dir() else [final.parent]
    failure: tuple[OSError, Path] | None = None
    for home in homes:
        try:
            return _stage_in(home, final)
        except OSError as exc:
            failure = (exc, home)
    assert failure is not None
    raise PublishError(_message(failure[0], failure[1], "scrivere in"))


def _stage_in(home: Path, final: Path) -> Staging:
    home.mkdir(parents=True, exist_ok=True)
    path = home / _name(final, STAGING)
    lock_path = home / f"{path.name}.lock"
    lock_fd = _lock(lock_path)
    try:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
    except OSError:
        _release(lock_path, lock_fd)
        raise
    return Staging(final, path, lock_path, lock_fd)


def _publish_beside(staging: Path, final: Path) -> None:
    """Two renames; a mount point that ``ismount`` missed falls back to swapping its contents."""
    old = final.with_name(_name(final, OLD))
    shutil.rmtree(old, ignore_errors=True)
    moved = False
    try:
        if final.exists() or final.is_symlink():
            final.rename(old)
            moved = True
        staging.rename(final)
    except OSError as exc:
        if moved:
            old.rename(final)
        if exc.errno not in _MOUNT_ERRORS or not final.is_dir():
            raise
        _swap_contents(staging, final)
        return
    shutil.rmtree(old, ignore_errors=True)


def _swap_contents(staging: Path, final: Path) -> None:
    """Replace what is inside ``final`` (a mount point) with what is inside ``staging``."""
    incoming = staging
    if staging.parent != final:
        incoming = final / _name(final, INCOMING)
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.copytree(staging, incoming, symlinks=True)
    old = final / _name(final, OLD)
    shutil.rmtree(old, ignore_errors=True)
    old.mkdir()
    moved_out: list[str] = []
    moved_in: list[str] = []
    try:
        for entry in sorted(os.listdir(final)):
            if not _ours(final, entry):
                os.rename(final / entry, old / entry)
                moved_out.append(entry)
        for entry in sorted(os.listdir(incoming)):
            os.rename(incoming / entry, final / entry)
            moved_in.append(entry)
    except OSError:
        _undo(final, incoming, old, moved_in, moved_out)
        raise
    finally:
        if incoming != staging:
            shutil.rmtree(incoming, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def _undo(final: Path, incoming: Path, old: Path, moved_in: list[str], out: list[str]) -> None:
    """Put the previous site back after a failed swap (best effort: each step is a rename)."""
    for entry in reversed(moved_in):
        os.rename(final / entry, incoming / entry)
    for entry in reversed(out):
        os.rename(old / entry, final / entry)
    shutil.rmtree(old, ignore_errors=True)


# --- what killed builds leave behind -----------------------------------------------------------


def remove_stale(final: Path) -> list[Path]:
    """Delete the staging folders of builds that are no longer running; return what was deleted."""
    removed: list[Path] = []
    for home in (final.parent, final):
        try:
            entries = sorted(os.listdir(home))
        except OSError:
            continue  # missing or unreadable: nothing of ours can be there
        for entry in entries:
            pid = _pid_of(final, entry)
            if pid is None or entry.endswith(".lock"):
                continue
            if _alive(home / f"{_name(final, STAGING, pid)}.lock", pid):
                continue
            shutil.rmtree(home / entry, ignore_errors=True)
            removed.append(home / entry)
        for entry in sorted(os.listdir(home)):  # the locks, once their folders are gone
            pid = _pid_of(final, entry)
            if pid is not None and entry.endswith(".lock") and not _alive(home / entry, pid):
                (home / entry).unlink(missing_ok=True)
    return removed


def _alive(lock_path: Path, pid: int) -> bool:
    """Whether the build that owns ``pid``'s folders may still be running."""
    if fcntl is None or not lock_path.exists():
        return _pid_running(pid)
    try:
        fd = os.open(lock_path, os.O_RDWR)
    except OSError:
        return True  # not ours to judge
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True  # locked: its build is running
    finally:
        os.close(fd)  # closing releases the lock we may have taken
    try:
        young = time.time() - lock_path.stat().st_mtime < LOCK_GRACE_SECONDS
    except OSError:
        young = False
    return young and _pid_running(pid)


def _pid_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, it belongs to someone else
    return True


def _lock(lock_path: Path) -> int | None:
    """Create and lock this build's lock file (a checker may hold it for a moment: retry)."""
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    if fcntl is None:
        return fd
    for _ in range(100):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            time.sleep(0.01)
    os.close(fd)
    raise OSError(errno.EBUSY, "un'altra costruzione usa la stessa cartella", str(lock_path))


def _release(lock_path: Path, fd: int | None) -> None:
    if fd is None:
        return
    lock_path.unlink(missing_ok=True)
    os.close(fd)


def _name(final: Path, kind: str, pid: int | None = None) -> str:
    return f".{final.name}.{kind}-{os.getpid() if pid is None else pid}"


def _pid_of(final: Path, entry: str) -> int | None:
    """The pid in the name of one of our temporary folders (or lock files), else None."""
    kinds = "|".join((STAGING, OLD, INCOMING))
    match = re.fullmatch(rf"\.{re.escape(final.name)}\.(?:{kinds})-(\d+)(?:\.lock)?", entry)
    return int(match.group(1)) if match else None


def _ours(final: Path, entry: str) -> bool:
    return _pid_of(final, entry) is not None


def _message(exc: OSError, where: Path, action: str) -> str:
    """What the user reads when the site folder cannot be written (never a traceback)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Non ho il permesso di {action} {where}: il sito non è stato pubblicato e quello "
            "precedente resta com'era. Dai il permesso di scrittura a chi costruisce il sito, "
            "oppure scegli un'altra cartella con `mkdocs build -d CARTELLA`."
        )
    if exc.errno == errno.EROFS:
        return (
            f"{where} è su un disco di sola lettura: il sito non è stato pubblicato. Scegli "
            "un'altra cartella con `mkdocs build -d CARTELLA`."
        )
    if exc.errno == errno.ENOSPC:
        return (
            f"Spazio esaurito su disco scrivendo in {where}: il sito non è stato pubblicato e "
            "quello precedente resta com'era. Libera spazio e ricostruisci."
        )
    return (
        f"Impossibile {action} {where} ({exc.strerror or exc}): il sito non è stato pubblicato "
        "e quello precedente resta com'era."
    )

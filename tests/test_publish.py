"""Publishing: the site lands wherever people keep it, and only when the build succeeded.

Real ``mkdocs build`` runs (``conftest.run_build``) for what a maintainer sees: a ``site_build/``
that is a mount point (a Docker volume) is refreshed in place; a folder we may not write gets an
Italian message; what killed builds left is cleaned up. Unit tests of ``adapters.publish``
simulate what a sandbox cannot always do (a mount ``os.path.ismount`` misses, EACCES as root).
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import subprocess
import sys
from pathlib import Path

import needs
import pytest
import synthetic
from conftest import leftovers, run_build, snapshot

from servicemap.adapters import publish

# --- a site_build/ that is a mount point ----------------------------------------------------------


def _write_site(folder: Path, marker: str) -> None:
    (folder / "index.html").write_text(marker, encoding="utf-8")
    (folder / "servizi" / marker).mkdir(parents=True)
    (folder / "servizi" / marker / "index.html").write_text(marker, encoding="utf-8")


def _published(final: Path) -> list[str]:
    return sorted(p.relative_to(final).as_posix() for p in final.rglob("*"))


def test_a_mount_point_that_ismount_sees_is_refreshed_in_place(tmp_path: Path, monkeypatch):
    final = tmp_path / "site_build"
    final.mkdir()
    _write_site(final, "vecchio")
    inode = final.stat().st_ino
    monkeypatch.setattr(publish.os.path, "ismount", lambda path: Path(path) == final)
    staging = publish.start(final)
    assert staging.path.parent == final  # staged on the mount's own filesystem
    _write_site(staging.path, "nuovo")
    staging.publish()
    assert final.stat().st_ino == inode  # the same folder: the mount is still there
    assert _published(final) == [
        "index.html",
        "servizi",
        "servizi/nuovo",
        "servizi/nuovo/index.html",
    ]
    assert (final / "index.html").read_text(encoding="utf-8") == "nuovo"
    assert sorted(os.listdir(tmp_path)) == ["site_build"]


def test_a_mount_point_that_cannot_be_renamed_is_refreshed_in_place(tmp_path: Path, monkeypatch):
    """A bind mount of the same filesystem: ``ismount`` says no, ``rename`` says EBUSY."""
    final = tmp_path / "site_build"
    final.mkdir()
    _write_site(final, "vecchio")
    inode = final.stat().st_ino
    real_rename = Path.rename

    def busy(self: Path, target):
        if self == final:
            raise OSError(errno.EBUSY, "Device or resource busy", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", busy)
    staging = publish.start(final)
    assert staging.path.parent == tmp_path
    _write_site(staging.path, "nuovo")
    staging.publish()
    assert final.stat().st_ino == inode
    assert _published(final) == [
        "index.html",
        "servizi",
        "servizi/nuovo",
        "servizi/nuovo/index.html",
    ]
    assert sorted(os.listdir(tmp_path)) == ["site_build"]


def _mount(kind: str, source: Path, target: Path) -> None:
    args = ["--bind", str(source)] if kind == "bind" else ["-t", "tmpfs", "servicemap-test"]
    proc = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
    if proc.returncode != 0:
        needs.unavailable(f"cannot mount here (the test needs root): {proc.stderr.strip()}")


def _mounted(path: Path) -> bool:
    points = [line.split()[4] for line in Path("/proc/self/mountinfo").read_text().splitlines()]
    return str(path) in points


@pytest.mark.parametrize("kind", ["bind", "tmpfs"])
def test_building_into_a_real_mount_point(own_site, tmp_path: Path, kind: str) -> None:
    """A Docker volume in miniature: every build refreshes the mount, none renames it."""
    needs.command("mount", "Debian: apt-get install mount")
    config, site = own_site(synthetic.records(3))
    volume = tmp_path / "volume"
    volume.mkdir()
    site.mkdir()
    _mount(kind, volume, site)
    try:
        first = run_build(config, site)
        assert first.returncode == 0, first.output
        records = synthetic.records(4)
        (config.parent / "services.yaml").write_text(synthetic.to_yaml(records), encoding="utf-8")
        second = run_build(config, site)
        assert second.returncode == 0, second.output
        assert _mounted(site)
        ids = sorted(p.name for p in (site / "servizi").iterdir() if p.is_dir())
        assert ids == sorted(r["id"] for r in records)
        assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []
        assert leftovers(config.parent) == []
        if kind == "bind":  # what the build wrote is in the volume itself
            assert (volume / "index.html").is_file()
    finally:
        subprocess.run(["umount", str(site)], check=True)


# --- a folder we may not write ------------------------------------------------------------------


def _denied(*args, **kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


def test_no_permission_to_write_is_an_italian_message(tmp_path: Path, monkeypatch) -> None:
    final = tmp_path / "site_build"
    monkeypatch.setattr(publish, "_lock", _denied)
    with pytest.raises(publish.PublishError) as raised:
        publish.start(final)
    assert str(raised.value) == (
        f"Non ho il permesso di scrivere in {tmp_path}: il sito non è stato pubblicato e quello "
        "precedente resta com'era. Dai il permesso di scrittura a chi costruisce il sito, oppure "
        "scegli un'altra cartella con `mkdocs build -d CARTELLA`."
    )


def test_only_the_site_folder_writable_stages_inside_it(tmp_path: Path, monkeypatch) -> None:
    """``/var/www/site`` writable by the deploy user, ``/var/www`` not."""
    final = tmp_path / "site_build"
    final.mkdir()
    _write_site(final, "vecchio")
    real_lock = publish._lock
    monkeypatch.setattr(
        publish, "_lock", lambda path: _denied() if path.parent == tmp_path else real_lock(path)
    )
    staging = publish.start(final)
    assert staging.path.parent == final
    _write_site(staging.path, "nuovo")
    staging.publish()
    assert (final / "index.html").read_text(encoding="utf-8") == "nuovo"


def _unprivileged() -> list[str]:
    """A command prefix that drops root's power over other users' files: ``unshare --user``.

    In a new user namespace the process keeps its uid but loses CAP_DAC_OVERRIDE over files of
    unmapped owners: a folder of another user is as closed to it as to anybody.
    """
    needs.command("unshare", "Debian: apt-get install util-linux")
    probe = subprocess.run(["unshare", "--user", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        needs.unavailable(f"no user namespaces here: {probe.stderr.strip()}")
    return ["unshare", "--user"]


def test_a_folder_of_another_user_gets_the_message_not_a_traceback(own_site) -> None:
    config, site = own_site()
    root = config.parent
    assert run_build(config, site).returncode == 0
    before = snapshot(site)
    prefix = _unprivileged()
    for path in (root, site):
        os.chown(path, 12345, 12345)  # somebody else's, mode 755: we may read, not write
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=root, timeout=600,
    )  # fmt: skip
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in output
    assert (
        f"ERROR   -  Non ho il permesso di scrivere in {site}: il sito non è stato pubblicato"
        in (output)
    )
    assert snapshot(site) == before and leftovers(root) == []


def _in_process_build(config: Path, site: Path, caplog: pytest.LogCaptureFixture) -> str:
    """``mkdocs build`` in this process (so a failure can be injected): what it logs."""
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    cfg = load_config(str(config), site_dir=str(site))
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Abort):
        build.build(cfg)
    return "\n".join(r.getMessage() for r in caplog.records)


def test_mkdocs_build_without_permission_says_so(own_site, monkeypatch, caplog) -> None:
    config, site = own_site()
    monkeypatch.chdir(config.parent)
    monkeypatch.setattr(publish, "_lock", _denied)
    output = _in_process_build(config, site, caplog)
    assert f"Non ho il permesso di scrivere in {config.parent}: il sito non è stato pubblicato" in (
        output
    )
    assert not site.exists() and leftovers(config.parent) == []


def test_mkdocs_build_that_cannot_replace_the_site_keeps_it(own_site, monkeypatch, caplog) -> None:
    config, site = own_site()
    assert run_build(config, site).returncode == 0
    before = snapshot(site)
    monkeypatch.chdir(config.parent)
    real_rename = Path.rename

    def denied(self: Path, target):
        if self == site:
            _denied()
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", denied)
    output = _in_process_build(config, site, caplog)
    assert f"Non ho il permesso di sostituire il sito in {site}: il sito non è stato " in output
    assert snapshot(site) == before and leftovers(config.parent) == []


# --- what killed builds leave behind ------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_build_is_cleaned_up_but_a_running_one_is_not(own_site) -> None:
    config, site = own_site()
    root = config.parent
    dead = _dead_pid()
    for stale in (f".site_build.in-costruzione-{dead}", f".site_build.precedente-{dead}"):
        (root / stale / "servizi").mkdir(parents=True)
        (root / stale / "servizi" / "mezzo.html").write_text("a metà", encoding="utf-8")
    (root / f".site_build.in-costruzione-{dead}.lock").touch()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"]) as running:
        try:
            live = root / f".site_build.in-costruzione-{running.pid}"
            live.mkdir()
            lock = os.open(f"{live}.lock", os.O_RDWR | os.O_CREAT)
            fcntl.flock(lock, fcntl.LOCK_EX)  # as the running build holds it
            build = run_build(config, site)
            os.close(lock)
        finally:
            running.kill()
    assert build.returncode == 0, build.output
    assert leftovers(root) == [live.name, f"{live.name}.lock"]
    assert (site / "index.html").is_file() and not (site / "servizi" / "mezzo.html").exists()
    assert len([p for p in (site / "servizi").iterdir() if p.is_dir()]) == 3


def test_a_build_killed_with_sigkill_is_cleaned_up_by_the_next(own_site) -> None:
    config, site = own_site(synthetic.records(150))
    root = config.parent
    assert run_build(config, site).returncode == 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    argv = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    with subprocess.Popen(argv, cwd=root, env=env, stderr=subprocess.PIPE) as victim:
        staging = root / f".site_build.in-costruzione-{victim.pid}"
        assert victim.stderr is not None
        for line in victim.stderr:  # MkDocs says where it builds: our staging folder
            if b"Building documentation to directory" in line:
                break
        assert victim.poll() is None and staging.is_dir()
        victim.kill()
    assert leftovers(root) == [staging.name, f"{staging.name}.lock"]
    build = run_build(config, site)
    assert build.returncode == 0, build.output
    assert leftovers(root) == []
    assert len([p for p in (site / "servizi").iterdir() if p.is_dir()]) == 150


def test_a_free_lock_means_a_dead_build_whatever_its_pid(tmp_path: Path) -> None:
    """Pids are reused (and differ between containers): an unlocked, old lock is stale."""
    final = tmp_path / "site_build"
    pid = os.getppid()  # a pid that certainly runs
    folder = tmp_path / f".site_build.in-costruzione-{pid}"
    folder.mkdir()
    lock = Path(f"{folder}.lock")
    lock.touch()
    os.utime(lock, (1, 1))  # created long ago, and nobody holds it
    assert publish.remove_stale(final) == [folder]
    assert sorted(os.listdir(tmp_path)) == []


def test_a_fresh_unlocked_lock_of_a_running_pid_is_left_alone(tmp_path: Path) -> None:
    """Its owner may be between creating the lock file and locking it."""
    final = tmp_path / "site_build"
    folder = tmp_path / f".site_build.in-costruzione-{os.getppid()}"
    folder.mkdir()
    Path(f"{folder}.lock").touch()
    assert publish.remove_stale(final) == []
    assert folder.is_dir()

"""``mkdocs serve`` in a subprocess, for the preview's tests and its benchmark.

The server runs as a volunteer runs it (``mkdocs serve`` in the territory's folder, the real
livereload), on a free port of 127.0.0.1, with its temporary folders in a folder of the caller's
(``tmp``), so a test can see that nothing is left behind. Its console (stdout and stderr) is
collected line by line; ``wait_for`` waits for a line, never for a fixed time.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

STARTED = "Serving on "
REBUILT = "Reloading browsers"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Preview:
    """One ``mkdocs serve`` process; ``stop`` ends it as Ctrl-C does (MkDocs cleans up then)."""

    def __init__(self, config: Path, tmp: Path, env: Mapping[str, str | None] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        tmp.mkdir(parents=True, exist_ok=True)
        merged = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp), **(env or {})}
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
             "-a", f"127.0.0.1:{self.port}"],
            cwd=config.parent, env={k: v for k, v in merged.items() if v is not None},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
            preexec_fn=_ctrl_c_as_at_a_terminal,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def output(self) -> str:
        with self._changed:
            return "\n".join(self.lines)

    def mark(self) -> int:
        """Where the console is now: ``wait_for(text, since=mark)`` looks only at what follows."""
        with self._changed:
            return len(self.lines)

    def wait_for(self, text: str, since: int = 0, timeout: float = 300) -> str:
        """The first console line from ``since`` on that contains ``text``; fails with the whole
        console when the server exits or ``timeout`` seconds pass first."""

        def found() -> str | None:
            return next((x for x in self.lines[since:] if text in x), None)

        with self._changed:
            ok = self._changed.wait_for(
                lambda: found() is not None or self.process.poll() is not None, timeout
            )
            line = found()
        if line is None:
            state = "uscito" if self.process.poll() is not None else f"dopo {timeout} s"
            raise AssertionError(f"mkdocs serve ({state}, ok={ok}) non ha scritto {text!r}:\n"
                                 f"{self.output}")  # fmt: skip
        return line

    def cpu_seconds(self) -> float:
        """The server's CPU time so far (user + system), from ``/proc``."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> int:
        """Ctrl-C (SIGINT): MkDocs shuts the server down and deletes its site folder."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=60)
        self._reader.join(timeout=10)
        return self.process.returncode

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _ctrl_c_as_at_a_terminal() -> None:
    """In the server, Ctrl-C (SIGINT) stops it, as at a terminal: a shell without job control
    starts background commands (a CI script run with ``&``) with SIGINT ignored, and Python
    keeps an ignored SIGINT, so ``stop`` would wait for nothing and kill the server."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)

"""Problems: what every stage reports instead of raising.

Validation collects every problem and never stops at the first one (as frictionless-py does):
a volunteer fixing a pull request wants the whole list at once. A problem has a stable kebab-case
``code`` (documented, tested), a severity, a position in the file and an Italian message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from servicemap.core.escape import terminal_json, terminal_safe

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, with where it is and what to write instead."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    key: str = ""

    def format_text(self) -> str:
        """``services.yaml:12:5: error: message``, the format editors and CI understand.

        One line, whatever the record holds: control characters (an ANSI sequence in a name, a
        line break in a value quoted back) are shown as ``\\x1b``, ``\\n`` (``escape``).
        """
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return terminal_safe(f"{text} [{self.code}]")

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the changed line.

        Control characters are made visible first (a raw ``\\x1b`` or line break could start a
        new workflow command), then ``%``, CR and LF are encoded as the workflow-command rules
        ask, and ``:`` and ``,`` too in the properties.
        """
        level = "error" if self.severity == "error" else "warning"
        msg = _gh_escape(terminal_safe(self.message), data=True)
        title = _gh_escape(terminal_safe(self.code))
        file = _gh_escape(terminal_safe(self.file))
        return f"::{level} file={file},line={self.line},col={self.column},title={title}::{msg}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "key": self.key,
            "message": self.message,
        }


def _gh_escape(text: str, *, data: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if not data:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def has_errors(problems: Iterable[Problem], *, strict: bool = False) -> bool:
    """True when the problems should stop a build (warnings count too when ``strict``)."""
    return any(p.severity == "error" or strict for p in problems)


def report_order(problem: Problem) -> tuple[int, str, int, int, str]:
    """Errors first, then warnings; by file, line and column within each.

    An error blocks the merge: a volunteer reading a long list (or GitHub, which shows only the
    first annotations of a step) must meet the errors before fifty stale-date warnings.
    """
    rank = 0 if problem.severity == "error" else 1
    return (rank, problem.file, problem.line, problem.column, problem.code)


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Render problems in one of the CLI's output formats: text, github or json."""
    ordered = sorted(problems, key=report_order)
    if fmt == "github":
        return "\n".join(p.format_github() for p in ordered)
    if fmt == "json":
        return terminal_json([p.as_dict() for p in ordered])
    return "\n".join(p.format_text() for p in ordered)


class DataError(Exception):
    """Raised by a front door (CLI, MkDocs adapter) when problems must stop the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_problems(problems))

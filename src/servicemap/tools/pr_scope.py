"""What a pull request touched, so its check speaks about the volunteer's own records.

A volunteer who fixes one desk should not meet forty annotations about other people's records
(``stale`` dates, approximate positions) and wonder whether they broke them. So, in a pull
request, warnings are annotated only on the records it added or changed; warnings about the
untouched ones become one summary line per code. Errors are always shown wherever they are: an
error anywhere blocks the merge, and a blocked merge with nothing visible is a dead end.

Which records changed comes from ``diff`` (records matched by ``id``, the base read with
``git show``, never executed); a record spans from its first line to the line before the next
record, so a warning on a record's ``orari`` is matched to that record.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from servicemap.problems.problem import Problem
from servicemap.tools import diff


@dataclass
class Scope:
    """The records of HEAD a pull request touched, and where every record starts."""

    touched: set[str] = field(default_factory=set)  # ids added or changed
    starts: list[int] = field(default_factory=list)  # first line of every record, sorted
    ids: list[str] = field(default_factory=list)  # the id of the record starting there
    everything: bool = False  # the versions could not be compared: show every problem

    def untouched_record(self, line: int) -> str | None:
        """The id of the untouched record that holds ``line``, or None (touched, or no record)."""
        if self.everything:
            return None
        at = bisect.bisect_right(self.starts, line) - 1
        if at < 0:
            return None  # before the first record: the territory section, always shown
        record_id = self.ids[at]
        return None if record_id in self.touched else record_id


def scope_since(base: str, file: Path, *, cwd: Path | None = None) -> Scope:
    """The scope of the changes to ``file`` since git revision ``base`` (``diff.RevisionError``)."""
    name = file.as_posix()
    base_snap = diff.read_version(base, name, cwd=cwd)
    head_snap = diff.read_version(name, name, cwd=cwd)
    result = diff.compare(base_snap, head_snap)
    if not result.comparable:
        return Scope(everything=True)
    ordered = sorted(head_snap.lines.items(), key=lambda item: item[1])
    return Scope(
        touched={*result.added, *result.changed},
        starts=[line for _id, line in ordered],
        ids=[record_id for record_id, _line in ordered],
    )


@dataclass(frozen=True)
class Untouched:
    """One summary line: how many untouched records have warnings with this code."""

    code: str
    records: int

    def sentence(self, command: str) -> str:
        many = self.records != 1
        who = (
            f"{self.records} schede non toccate da questa pull request hanno"
            if many
            else "1 scheda non toccata da questa pull request ha"
        )
        return f"{who} l'avviso {self.code}: vedi {command}"


def split(problems: Iterable[Problem], scope: Scope) -> tuple[list[Problem], list[Untouched]]:
    """The problems to annotate, and the summary of the warnings left out (one per code)."""
    shown: list[Problem] = []
    hidden: dict[str, set[str]] = defaultdict(set)
    for p in problems:
        record_id = None if p.severity == "error" else scope.untouched_record(p.line)
        if record_id is None:
            shown.append(p)
        else:
            hidden[p.code].add(record_id)
    return shown, [Untouched(code, len(ids)) for code, ids in sorted(hidden.items())]

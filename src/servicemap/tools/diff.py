"""What a pull request changes in ``services.yaml``, record by record, for reviewers.

A reviewer of a volunteer's pull request should not have to read a YAML diff: they want to know
which desks were added, removed or changed, and for a change which keys, before and after. Records
are matched by ``id`` (the stable key of the contract), values are shown as plain text.

The comparison works on the raw tree of strings from ``load`` (not on validated records), so that
it still says something useful when the proposed file is invalid: the check's annotations say
*what* is wrong, this summary says *what changed*. A file that cannot be read at all is reported
as such, never with a traceback.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from servicemap.core.escape import markdown_literal, terminal_safe
from servicemap.load import document as load
from servicemap.load import safefile
from servicemap.problems.problem import Problem

# The order in which changed keys are listed: the contract's order, then anything else.
KEY_ORDER = (
    *("id", "nome", "ente", "tipo", "descrizione", "attivita", "aree", "destinatari"),
    *("indirizzo", "posizione", "telefoni", "email", "sito", "orari", "festivi", "chiusure"),
    *("note_orari", "accesso", "lingue", "accessibilita", "documenti", "costo"),
    *("comuni_serviti", "aggiornato", "verificato_da", "fonte"),
)


@dataclass
class Snapshot:
    """One version of the file: its records by id, or why it could not be read."""

    label: str  # how the summary names this version: a revision or a path
    records: dict[str, dict[str, object]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # id -> line of the record
    problems: list[Problem] = field(default_factory=list)  # the file could not be read
    notes: list[str] = field(default_factory=list)  # readable but odd (records without id...)
    missing: bool = False  # the file does not exist in this version


@dataclass
class Change:
    """One key of one record: the value before and after, as plain text ("" when absent)."""

    key: str
    old: str
    new: str


@dataclass
class Diff:
    base: Snapshot
    head: Snapshot
    added: list[str] = field(default_factory=list)  # ids, in the order of HEAD
    removed: list[str] = field(default_factory=list)  # ids, in the order of BASE
    changed: dict[str, list[Change]] = field(default_factory=dict)  # id -> changes

    @property
    def comparable(self) -> bool:
        """False when a version could not be read: there is nothing honest to count."""
        return not (self.base.problems or self.head.problems)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


class RevisionError(Exception):
    """A revision that git does not know, or git missing: a usage error, not a data problem."""


def read_version(spec: str, file: str, *, cwd: Path | None = None) -> Snapshot:
    """Read ``file`` as it is at git revision ``spec``, or the file at path ``spec`` if one exists.

    A path lets a volunteer compare their working copy (``servicemap diff origin/main
    services.yaml``) without committing; a revision is what CI compares.
    """
    where = cwd or Path.cwd()
    path = where / spec
    if path.is_file():
        data, refused = safefile.read_bytes(path, spec, max_bytes=load.MAX_BYTES)
        if data is None:
            return Snapshot(label=spec, problems=refused)
        return snapshot_from_bytes(spec, data, display=spec)
    data = _git_show(spec, file, where)
    if data is None:
        return Snapshot(label=spec, missing=True)
    return snapshot_from_bytes(spec, data, display=f"{spec}:{file}")


def _git_show(rev: str, file: str, cwd: Path) -> bytes | None:
    """The bytes of ``file`` at ``rev``; None when the revision exists but the file does not."""
    try:
        known = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as exc:
        raise RevisionError("git non è installato: installalo o confronta due file") from exc
    if known.returncode != 0:
        raise RevisionError(
            f"«{rev}» non è né un file né una revisione git di questo repository "
            "(per esempio origin/main, HEAD, un commit)"
        )
    relative = file if Path(file).is_absolute() else f"./{file}"
    shown = subprocess.run(
        ["git", "show", f"{rev}:{relative}"], cwd=cwd, capture_output=True, check=False
    )
    return shown.stdout if shown.returncode == 0 else None


def snapshot_from_bytes(label: str, data: bytes, *, display: str) -> Snapshot:
    """Parse one version with the project's strict loader; collect records by id."""
    snap = Snapshot(label=label)
    root, problems = load.load_bytes(data, display)
    if root is None:
        snap.problems = problems
        return snap
    services = root.get("servizi")
    if services is None or not services.is_list:
        snap.notes.append("la sezione `servizi:` manca o non è un elenco")
        return snap
    for item in services.value:  # type: ignore[union-attr]
        _add_record(snap, item)
    return snap


def _add_record(snap: Snapshot, item: load.Node) -> None:
    record_id = item.text("id").strip() if item.is_mapping else ""
    if not record_id:
        snap.notes.append(f"la scheda alla riga {item.line} non ha un `id`: non è confrontata")
    elif record_id in snap.records:
        first = snap.lines[record_id]
        snap.notes.append(
            f"l'id «{record_id}» è ripetuto alle righe {first} e {item.line}: confrontata la prima"
        )
    else:
        snap.records[record_id] = item.plain()  # type: ignore[assignment]
        snap.lines[record_id] = item.line


def compare(base: Snapshot, head: Snapshot) -> Diff:
    """Match records by id: added, removed, and for the others every key whose value changed."""
    diff = Diff(base=base, head=head)
    if not diff.comparable:
        return diff  # one side unreadable: listing every record as added or removed would lie
    diff.added = [i for i in head.records if i not in base.records]
    diff.removed = [i for i in base.records if i not in head.records]
    for record_id, new in head.records.items():
        old = base.records.get(record_id)
        if old is not None:
            changes = record_changes(old, new)
            if changes:
                diff.changed[record_id] = changes
    return diff


def record_changes(old: dict[str, object], new: dict[str, object]) -> list[Change]:
    """Changed keys of one record; nested mappings (indirizzo, orari...) by dotted sub-key."""
    changes: list[Change] = []
    for key in _ordered_keys(old, new):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            for sub in record_changes(before, after):
                changes.append(Change(f"{key}.{sub.key}", sub.old, sub.new))
        else:
            changes.append(Change(key, plain_text(before), plain_text(after)))
    return changes


def _ordered_keys(old: dict[str, object], new: dict[str, object]) -> list[str]:
    keys = list(dict.fromkeys([*old, *new]))
    rank = {k: i for i, k in enumerate(KEY_ORDER)}
    return sorted(keys, key=lambda k: (rank.get(k, len(rank)), keys.index(k)))


def plain_text(value: object) -> str:
    """A value as a person reads it: lists joined by commas, mappings as ``key: value``."""
    if value is None:
        return ""
    if isinstance(value, list):
        parts = [plain_text(v) for v in value]
        sep = "; " if any(isinstance(v, dict) for v in value) else ", "
        return sep.join(p for p in parts if p)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain_text(v)}" for k, v in value.items())
    return " ".join(str(value).split())  # folded text: one line, single spaces


def record_title(record: dict[str, object]) -> str:
    """``nome`` (comune) of a record, for the lists of added and removed records."""
    name = plain_text(record.get("nome")) or "(senza nome)"
    address = record.get("indirizzo")
    comune = plain_text(address.get("comune")) if isinstance(address, dict) else ""
    return f"{name} ({comune})" if comune else name


# --- Rendering: the same content as plain text (terminal) or Markdown (a PR comment) ----------

MAX_VALUE_CHARS = 500


def _short(text: str) -> str:
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def _counts(diff: Diff) -> str:
    if not diff.comparable:
        return "confronto non possibile"

    def n(count: int, one: str, many: str) -> str:
        return f"{count} {one if count == 1 else many}"

    return ", ".join(
        [
            n(len(diff.added), "scheda aggiunta", "schede aggiunte"),
            n(len(diff.changed), "modificata", "modificate"),
            n(len(diff.removed), "rimossa", "rimosse"),
        ]
    )


def _warnings(diff: Diff) -> list[str]:
    """Plain-text sentences about versions that could not be read or compared fully."""
    found = []
    for snap in (diff.base, diff.head):
        if snap.missing:
            found.append(f"Il file non esiste in {snap.label}: tutte le schede risultano nuove")
        for p in snap.problems:
            found.append(
                f"Il file in {snap.label} non si legge (riga {p.line}, colonna {p.column}): "
                f"{p.message}. Le schede non sono confrontate finché non è corretto"
            )
        found += [f"In {snap.label}: {note}" for note in snap.notes]
    return found


def format_text(diff: Diff, file: str) -> str:
    """The summary for a terminal: one line per record, indented lines per changed key."""
    lines = [f"Modifiche a {file} tra {diff.base.label} e {diff.head.label}: {_counts(diff)}."]
    lines += [f"Attenzione. {w}." for w in _warnings(diff)]
    for record_id in diff.added:
        title = record_title(diff.head.records[record_id])
        lines.append(f"+ {record_id}: {title} (riga {diff.head.lines[record_id]})")
    for record_id, changes in diff.changed.items():
        title = record_title(diff.head.records[record_id])
        lines.append(f"~ {record_id}: {title} (riga {diff.head.lines[record_id]})")
        for c in changes:
            old, new = _short(c.old) or "(assente)", _short(c.new) or "(assente)"
            lines.append(f"    {c.key}: {old} -> {new}")
    for record_id in diff.removed:
        lines.append(f"- {record_id}: {record_title(diff.base.records[record_id])}")
    if diff.empty and not _warnings(diff):
        lines.append("Nessuna scheda aggiunta, modificata o rimossa.")
    return "\n".join(map(terminal_safe, lines))


def format_markdown(diff: Diff, file: str) -> str:
    """The summary as a pull-request comment: counts, then a table of changes per record."""
    out = [
        f"### Modifiche alle schede di {markdown_literal(file)}",
        "",
        f"Confronto tra {markdown_literal(diff.base.label)} e {markdown_literal(diff.head.label)}: "
        f"**{_counts(diff)}**.",
    ]
    warnings = _warnings(diff)
    if warnings:
        out += ["", *[f"> ⚠️ {markdown_literal(w)}." for w in warnings]]
    if diff.added:
        out += ["", f"#### Schede aggiunte ({len(diff.added)})", ""]
        for record_id in diff.added:
            out.append(_md_item(diff.head, record_id))
    if diff.changed:
        out += ["", f"#### Schede modificate ({len(diff.changed)})"]
    for record_id, changes in diff.changed.items():
        out += ["", _md_item(diff.head, record_id), "", *_TABLE_HEAD]
        for c in changes:
            out.append(f"| {markdown_literal(c.key)} | {_md_cell(c.old)} | {_md_cell(c.new)} |")
    if diff.removed:
        out += ["", f"#### Schede rimosse ({len(diff.removed)})", ""]
        for record_id in diff.removed:
            out.append(_md_item(diff.base, record_id, with_line=False))
    if diff.empty and not warnings:
        out += ["", "Nessuna scheda aggiunta, modificata o rimossa."]
    return "\n".join(out) + "\n"


_TABLE_HEAD = ("| Campo | Prima | Dopo |", "| --- | --- | --- |")


def _md_item(snap: Snapshot, record_id: str, *, with_line: bool = True) -> str:
    title = markdown_literal(record_title(snap.records[record_id]))
    where = f", riga {snap.lines[record_id]}" if with_line else ""
    return f"- **{title}**: id {markdown_literal(record_id)}{where}"


def _md_cell(text: str) -> str:
    """A value in a table cell: a code span (``escape.markdown_literal``), inert on GitHub."""
    return markdown_literal(_short(text)) if text else "*(assente)*"

"""Read ``services.yaml`` as text into a tree of strings with line/column positions.

PyYAML's usual ``safe_load`` applies YAML 1.1 typing: ``9:00`` becomes 540, ``0212345670`` an
octal integer, ``no`` becomes False, and of two duplicate keys the last silently wins. A
volunteer's data must never be changed behind their back, so this loader never constructs Python
objects from YAML: it reads the parser's *events* (libyaml's fast C parser when available) and
builds its own tree in which every scalar stays the string that was written. The schema types
values later.

Everything that could surprise, hang or exhaust memory is refused here, each with its own code:
aliases are refused *before* anything is expanded (no "billion laughs"), tags are refused (no
``!!python/object``), nesting depth is capped with an explicit stack (no recursion at all), and
the file size is capped before it is read.

Positions are the editor's: a control character is reported at its own line and column (never
libyaml's English "special characters are not allowed" at 1:1), and the Unicode line and
paragraph separators (U+2028, U+2029), which libyaml counts as line breaks and VS Code or GitHub
do not, never shift the line numbers of what follows.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import yaml

from servicemap.core.names import (
    EDITOR_BREAK,
    char_name,
    control_characters,
    hide_separators,
    line_starts,
)
from servicemap.load import events, safefile
from servicemap.problems.messages import problem
from servicemap.problems.problem import Problem

MAX_BYTES = 20 * 1024 * 1024  # about 30,000 realistic records: far beyond a district's network
MAX_DEPTH = 20  # the contract needs 4 levels (servizi > record > chiusure > item)

Value: TypeAlias = "dict[str, Node] | list[Node] | str | None"


@dataclass(slots=True)
class Node:
    """A value as written, where it was written, and where its key was (for messages)."""

    value: Value
    line: int  # 1-based position of the value
    column: int
    key_line: int = 0  # 1-based position of the key introducing it (0 for list items, root)
    key_column: int = 0
    data: object = None  # the plain twin of a mapping or list (built with it, see ``plain``)
    style: str | None = None  # a scalar's quoting: None plain, '"' or "'" quoted, "|" or ">"

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_text(self) -> bool:
        return isinstance(self.value, str)

    def get(self, key: str) -> Node | None:
        """The child under ``key`` when this is a mapping, else None."""
        value = self.value
        return value.get(key) if type(value) is dict else None

    def text(self, key: str) -> str:
        """The child's string under ``key``, or "" when absent or not a string."""
        value = self.value
        child = value.get(key) if type(value) is dict else None
        return child.value if child is not None and type(child.value) is str else ""

    def anchor(self) -> tuple[int, int]:
        """Where a message about this value points: its key when it has one, else the value."""
        return (self.key_line, self.key_column) if self.key_line else (self.line, self.column)

    def char_position(self, index: int) -> tuple[int, int]:
        """Where ``value[index]`` is in the file, for a message about one character.

        Exact for a value on one line written without escapes (a name, an id); for a value
        folded over several lines or with ``\\`` escapes, the line of the value and the
        column after its start as the best guess.
        """
        text = self.value if type(self.value) is str else ""
        if self.style in ("|", ">"):  # block scalar: its text starts on the next line
            return self.line + 1 + text.count("\n", 0, index), self.column
        lines = text.count("\n", 0, index)
        if lines:
            return self.line + lines, index - text.rfind("\n", 0, index)
        return self.line, self.column + index + (1 if self.style else 0)

    def plain(self) -> object:
        """The tree as plain dicts, lists, strings and None (for the JSON Schema).

        Built by the loader together with the nodes (one pass over a million values instead of
        two); a tree built by hand is converted here.
        """
        if self.data is not None:
            return self.data
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class _Stop(Exception):
    """A refusal that ends loading: carries the problem to report."""

    def __init__(self, found: Problem):
        self.found = found


def load_path(
    path: Path, display_name: str, *, within: Sequence[Path] = ()
) -> tuple[Node | None, list[Problem]]:
    """Load a data file strictly; on any refusal return None and the problems, never raise.

    The file is read by ``safefile`` (inside ``within``, a regular file, bounded by ``MAX_BYTES``).
    """
    data, problems = safefile.read_bytes(path, display_name, max_bytes=MAX_BYTES, within=within)
    if data is None:
        return None, problems
    return load_bytes(data, display_name)


def load_bytes(data: bytes, display_name: str) -> tuple[Node | None, list[Problem]]:
    """Decode and parse; the same rules as ``load_path`` for data already in memory."""
    if len(data) > MAX_BYTES:
        return None, [
            problem(display_name, 1, 1, "file-too-large", size=_mb(len(data)), max=_mb(MAX_BYTES))
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        return None, [problem(display_name, line, col, "not-utf8", byte=f"0x{data[exc.start]:02x}")]
    return load_text(text, display_name)


def load_text(text: str, display_name: str) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text into a ``Node`` tree of strings; refusals are returned as problems."""
    conflicts = merge_conflicts(text, display_name)
    if conflicts:
        return None, conflicts
    refused = _control_problems(text, display_name) or _tab_problems(text, display_name)
    if refused:
        return None, refused
    text, separators = hide_separators(text)
    try:
        with gc_paused():
            with events.event_stream(text) as next_event:
                root = _build(next_event, display_name)
            if separators and root is not None:
                _restore_separators(root, separators)
    except _Stop as stop:
        return None, [stop.found]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = exc.problem or exc.context or ""
        if "nesting depth" in detail:  # libyaml's own cap (1,000 levels), met before ours
            return None, [problem(display_name, line, col, "too-deep", max=MAX_DEPTH)]
        return None, [problem(display_name, line, col, "yaml-syntax", detail=detail)]
    except yaml.ReaderError as exc:  # a character libyaml refuses that the scan missed
        line, col = _char_position(text, exc.position)
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        return None, [problem(display_name, line, col, "control-character", char=char_name(char))]
    except yaml.YAMLError as exc:
        return None, [problem(display_name, 1, 1, "yaml-syntax", detail=str(exc).split("\n")[0])]
    except (RecursionError, MemoryError):
        return None, [problem(display_name, 1, 1, "too-deep", max=MAX_DEPTH)]
    if root is None:
        return None, [problem(display_name, 1, 1, "empty-file")]
    if not root.is_mapping:
        return None, [problem(display_name, root.line, root.column, "root-not-mapping")]
    return root, []


_NO_KEY = object()  # a mapping frame waiting for its next key
_SCALAR, _MAP_START, _SEQ_START = events.Scalar, events.MappingStart, events.SequenceStart
_MAP_END, _SEQ_END, _ALIAS = events.MappingEnd, events.SequenceEnd, events.Alias
_DOC_START, _STREAM_END = events.DocumentStart, events.StreamEnd


def _build(next_event, file: str) -> Node | None:
    """Turn the parser's events into one ``Node`` tree, refusing what we don't accept.

    A flat loop with an explicit stack (no recursion, so no RecursionError and no C stack to
    overflow), written for speed: it runs once per value of a file of thousands of records, so
    keys get no node of their own, the plain twin (``Node.data``) is filled in the same pass, and
    the innermost open container lives in local variables (``stack`` keeps the outer ones).
    Events are ``load.events``' light ones: their fields are read from ``args`` at once.
    """
    root: Node | None = None
    documents = 0
    # The innermost open container: its children (dict or list), its plain twin, whether it is
    # a mapping, and for a mapping the key waiting for its value with the key's position.
    children: dict | list | None = None
    twin: dict | list | None = None
    is_map = False
    key: object = _NO_KEY
    key_line = key_col = 0
    stack: list[tuple] = []  # the saved state of each enclosing container
    depth = 0
    while True:
        event = next_event()  # straight from the (C) parser, no generator in between
        kind = type(event)
        if kind is _SCALAR:
            anchor, tag, _, value, mark, _, style = event.args
            if anchor is not None or tag is not None:
                _refuse(anchor, tag, mark, file)
            if is_map:
                if key is _NO_KEY:  # this scalar is a key: remember it until its value
                    if value in children:  # type: ignore[operator]
                        first = children[value].key_line  # type: ignore[index]
                        raise _Stop(problem(file, mark.line + 1, mark.column + 1,
                                            "duplicate-key", key=value, first=first))  # fmt: skip
                    key, key_line, key_col = value, mark.line + 1, mark.column + 1
                    continue
                plain = None if value == "" and not style else value  # "key:"
                children[key] = Node(plain, mark.line + 1, mark.column + 1, key_line, key_col,  # type: ignore[index]
                                     None, style)  # fmt: skip
                twin[key] = plain  # type: ignore[index]
                key = _NO_KEY
            elif children is not None:
                plain = None if value == "" and not style else value
                node = Node(plain, mark.line + 1, mark.column + 1, 0, 0, None, style)
                children.append(node)  # type: ignore[union-attr]
                twin.append(plain)  # type: ignore[union-attr]
            else:
                plain = None if value == "" and not style else value
                root = Node(plain, mark.line + 1, mark.column + 1)
            continue
        if kind is _MAP_START or kind is _SEQ_START:
            anchor, tag, _, mark, _, _ = event.args
            if anchor is not None or tag is not None:
                _refuse(anchor, tag, mark, file)
            if depth >= MAX_DEPTH:
                _stop(mark, file, "too-deep", max=MAX_DEPTH)
            if is_map and key is _NO_KEY:
                _stop(mark, file, "bad-key")  # "? [a, b]: x" or "{a: 1}: x"
            new_children, new_twin = ({}, {}) if kind is _MAP_START else ([], [])
            if is_map:
                node = Node(new_children, mark.line + 1, mark.column + 1, key_line, key_col,
                            new_twin)  # fmt: skip
                children[key] = node  # type: ignore[index]
                twin[key] = new_twin  # type: ignore[index]
            else:
                node = Node(new_children, mark.line + 1, mark.column + 1, 0, 0, new_twin)
                if children is None:
                    root = node
                else:
                    children.append(node)  # type: ignore[union-attr]
                    twin.append(new_twin)  # type: ignore[union-attr]
            stack.append((children, twin, is_map))
            depth += 1
            children, twin, is_map, key = new_children, new_twin, kind is _MAP_START, _NO_KEY
        elif kind is _MAP_END or kind is _SEQ_END:
            children, twin, is_map = stack.pop()
            depth -= 1
            key = _NO_KEY
        elif kind is _ALIAS:
            anchor, mark, _ = event.args
            _stop(mark, file, "alias", name=anchor)
        elif kind is _STREAM_END:
            break
        elif kind is _DOC_START:
            documents += 1
            if documents > 1:
                _stop(event.args[0], file, "multiple-documents")
    if root is not None and root.value is None:
        return None  # a document holding only "---" or "~"
    return root


def _refuse(anchor: str | None, tag: str | None, mark, file: str) -> None:
    if anchor is not None:
        _stop(mark, file, "anchor", name=anchor)
    _stop(mark, file, "tag", tag=tag)  # the parser reports only tags written in the file


def _stop(mark, file: str, code: str, **fields: object) -> None:
    raise _Stop(problem(file, mark.line + 1, mark.column + 1, code, **fields))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a big acyclic tree is built or read.

    Building a million nodes makes the collector rescan them again and again (a third of the
    load time, and as much again while validating); nothing here creates cycles, and reference
    counting still frees everything, so pausing it loses nothing.

    On the way out the objects alive are *frozen* (``gc.freeze``): moved out of the collector's
    generations without a scan, so re-enabling it does not make it walk the fresh tree of 10,000
    records once per generation (about a second each time, in the middle of the next stage).
    Reference counting still frees them. The next pause *unfreezes* first, so a long-running
    process (``mkdocs serve``) hands any garbage cycle back to the collector at every build."""
    was_enabled = gc.isenabled()
    gc.disable()
    if was_enabled:
        gc.unfreeze()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


MAX_LISTED = 20  # a file full of one mistake: the first ones are enough to see the pattern


def _control_problems(text: str, file: str) -> list[Problem]:
    """Every control character at the line and column an editor shows (the first 20)."""
    return [
        problem(file, line, col, "control-character", char=char_name(char))
        for line, col, char in control_characters(text, MAX_LISTED)
    ]


def _restore_separators(root: Node, swapped: dict[str, str]) -> None:
    """Put the separators back in every value and key (and in the plain twins).

    Only what holds a placeholder is touched: a mapping is rebuilt only when one of its keys
    does, so a big file with one separator costs one walk, not a copy of the tree."""
    table = str.maketrans(swapped)
    marked = re.compile("[" + "".join(swapped) + "]").search
    stack = [root]
    while stack:
        node = stack.pop()
        value = node.value
        if type(value) is str:
            if marked(value):
                node.value = value.translate(table)
        elif type(value) is list:
            twin = node.data
            for n, item in enumerate(twin):  # type: ignore[arg-type]
                if type(item) is str and marked(item):
                    twin[n] = item.translate(table)  # type: ignore[index]
            stack.extend(value)
        elif type(value) is dict:
            _restore_mapping(node, table, marked)
            stack.extend(node.value.values())  # type: ignore[union-attr]


def _restore_mapping(node: Node, table: dict[int, str], marked) -> None:
    value: dict[str, Node] = node.value  # type: ignore[assignment]
    twin: dict = node.data  # type: ignore[assignment]
    if any(marked(k) for k in value):  # rare: a separator in a key, rebuild in the same order
        node.value = {k.translate(table): v for k, v in value.items()}
        items = [(k.translate(table), v) for k, v in twin.items()]
        twin.clear()  # the same dict object: the parent's twin holds it
        twin.update(items)
    for k, item in twin.items():
        if type(item) is str and marked(item):
            twin[k] = item.translate(table)


_CONFLICT_LINE = re.compile(r"^(<{7}|>{7})(?:[ \t].*)?\r?$", re.MULTILINE)  # opens, closes


def merge_conflicts(text: str, file: str) -> list[Problem]:
    """Unresolved git merge conflicts (``<<<<<<<``, ``=======``, ``>>>>>>>``), one per block.

    Checked before parsing: YAML would report a baffling syntax error somewhere near the markers,
    or worse accept both halves. A block runs from ``<<<<<<<`` to ``>>>>>>>``; ``=======`` alone
    proves nothing (it can underline a title in a block of text), so it is not looked for.
    """
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    found: list[Problem] = []
    start = 0  # line of the open block's ``<<<<<<<`` (0: none open)
    line, counted = 1, 0  # line numbers counted incrementally: linear even with many markers
    for match in _CONFLICT_LINE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if len(found) >= 20:
            break
        marker = match.group(1)[0]
        if marker == "<":
            if start:  # a block opened and never closed
                found.append(problem(file, start, 1, "merge-conflict", start=start, end=line - 1))
            start = line
        elif marker == ">":
            first = start or line
            found.append(problem(file, first, 1, "merge-conflict", start=first, end=line))
            start = 0
    if start:
        end = text.count("\n") + (not text.endswith("\n"))
        found.append(problem(file, start, 1, "merge-conflict", start=start, end=end))
    return found[:20]


def _tab_problems(text: str, file: str) -> list[Problem]:
    """Tabs in indentation: YAML forbids them and editors show them as spaces."""
    found: list[Problem] = []
    if "\t" not in text:
        return found
    for number, line in enumerate(EDITOR_BREAK.split(text), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(problem(file, number, indent.index("\t") + 1, "tab-indent"))
    return found[:MAX_LISTED]


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


def _char_position(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The editor's 1-based line and column of ``text[offset]``."""
    starts = starts if starts is not None else line_starts(text[: offset + 1])
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"

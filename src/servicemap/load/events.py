"""The YAML parser's events as light objects: a third of libyaml's parsing time saved.

libyaml parses in C, but for every event (a hundred per record: each key, each value, each
start and end of a group) PyYAML's C module calls a Python class of ``yaml.events``, whose
``__init__`` sets seven attributes: for 10,000 records a million Python calls, about a third of
the time of the whole parse. The loader needs none of those objects, only their fields, so while
it parses it gives the C module classes that cost no Python call at all: subclasses of
``Exception``, whose C constructor keeps its arguments in ``args``, in the order
``yaml.events`` names them (``ScalarEvent(anchor, tag, implicit, value, start_mark, end_mark,
style)``, ``MappingStartEvent(anchor, tag, implicit, start_mark, end_mark, flow_style)``,
``AliasEvent(anchor, start_mark, end_mark)``, the others ``(start_mark, end_mark, ...)``).
Nothing is ever raised with them.

The swap lasts only while ``event_stream`` is open, under a lock, and the real classes are put
back even when parsing fails. Without libyaml (or with a PyYAML whose C module is built
otherwise) the pure-Python parser's events are converted to the same light form: slower, same
results.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import yaml


class Scalar(Exception):
    __slots__ = ()


class MappingStart(Exception):
    __slots__ = ()


class SequenceStart(Exception):
    __slots__ = ()


class MappingEnd(Exception):
    __slots__ = ()


class SequenceEnd(Exception):
    __slots__ = ()


class Alias(Exception):
    __slots__ = ()


class DocumentStart(Exception):
    __slots__ = ()


class StreamEnd(Exception):
    __slots__ = ()


class _Other(Exception):  # stream start, document end: nothing the loader looks at
    __slots__ = ()


Event = Exception  # one of the classes above; its fields are in ``args``
_LIGHT: dict[str, type[Exception]] = {
    "ScalarEvent": Scalar,
    "MappingStartEvent": MappingStart,
    "SequenceStartEvent": SequenceStart,
    "MappingEndEvent": MappingEnd,
    "SequenceEndEvent": SequenceEnd,
    "AliasEvent": Alias,
    "DocumentStartEvent": DocumentStart,
    "StreamEndEvent": StreamEnd,
    "StreamStartEvent": _Other,
    "DocumentEndEvent": _Other,
}
# The fields of each ``yaml.events`` class, in the order its constructor takes them.
_FIELDS: dict[str, tuple[str, ...]] = {
    "ScalarEvent": ("anchor", "tag", "implicit", "value", "start_mark", "end_mark", "style"),
    "MappingStartEvent": ("anchor", "tag", "implicit", "start_mark", "end_mark", "flow_style"),
    "SequenceStartEvent": ("anchor", "tag", "implicit", "start_mark", "end_mark", "flow_style"),
    "AliasEvent": ("anchor", "start_mark", "end_mark"),
    "DocumentStartEvent": ("start_mark", "end_mark", "explicit", "version", "tags"),
}
_C_MODULE = getattr(yaml, "_yaml", None) if getattr(yaml, "__with_libyaml__", False) else None
_SWAP = _C_MODULE is not None and all(hasattr(_C_MODULE, name) for name in _LIGHT)
_LOCK = threading.Lock()  # one swap at a time: two loads in two threads share the C module


@contextmanager
def event_stream(text: str) -> Iterator[Callable[[], Event]]:
    """A function returning the next event of ``text`` (light, see the module docstring).

    The parser raises PyYAML's errors (``MarkedYAMLError``, ``ReaderError``) as usual."""
    if not _SWAP:
        parser = yaml.SafeLoader(text)
        try:
            yield lambda: _converted(parser.get_event())
        finally:
            parser.dispose()
        return
    with _LOCK:
        real = {name: getattr(_C_MODULE, name) for name in _LIGHT}
        for name, light in _LIGHT.items():
            setattr(_C_MODULE, name, light)
        try:
            parser = yaml.CSafeLoader(text)
            try:
                yield parser.get_event
            finally:
                parser.dispose()
        finally:
            for name, cls in real.items():
                setattr(_C_MODULE, name, cls)


def _converted(event: yaml.Event) -> Event:
    """A pure-Python parser's event in the light form."""
    name = type(event).__name__
    fields = _FIELDS.get(name, ("start_mark", "end_mark"))
    return _LIGHT.get(name, _Other)(*(getattr(event, field) for field in fields))

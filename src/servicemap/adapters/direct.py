"""The records' pages written straight into the site, on every core, as each is made.

A region's tree has thousands of service pages of one shape (``adapters.filling``). Handing each
to the generator as a page of its own costs, per page, more than the page itself: its file and
page objects, its plugins' events, its text held until the build ends (a 10,000-record site held
over a gigabyte). So the generator builds only the first pages of the shape (the samples that
make and check the skeleton) and this module writes every other one: rendered, filled in,
finished and written to disk one at a time, by forked worker processes when the machine has more
than one core, each returning only what the rest of the build needs (the page's search entries).

No generator here: the adapter gives the work of one page as a function; ``DirectPage`` carries
what a generator's sitemap and language links read of a page (its addresses, its date).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

from servicemap.core.model import Service

T = TypeVar("T")

PROCESSES_VARIABLE = "PROCESSI_PAGINE"  # ``PROCESSI_PAGINE=1``: one process (for comparison)
MIN_PARALLEL = 200  # fewer pages: forking costs more than it brings


class DirectPage:
    """A record's page the generator does not build, as its sitemap and language switch see it.

    It is its own ``page`` (what MkDocs' sitemap template reads of a file's page: ``is_link``,
    ``canonical_url``, ``abs_url``, ``update_date``); mkdocs-static-i18n sets its language
    attributes on it as on any generated file (``adapters.mkdocs_i18n.link_languages``).
    """

    __slots__ = (
        "abs_url",
        "alternates",
        "canonical_url",
        "dest",
        "locale",
        "locale_alternate_of",
        "localization",
        "norm_src_uri",
        "path",
        "service",
        "src",
        "update_date",
        "url",
    )  # fmt: skip
    is_link = False

    def __init__(
        self, service: Service, src: str, path: str, url: str, dest: str,
        canonical_url: str | None, abs_url: str | None, update_date: str,
    ) -> None:  # fmt: skip
        self.service, self.src, self.path, self.url, self.dest = service, src, path, url, dest
        self.canonical_url, self.abs_url, self.update_date = canonical_url, abs_url, update_date
        self.alternates: dict = {}

    @property
    def page(self) -> DirectPage:
        return self


def processes() -> tuple[int, int]:
    """(how many processes write pages, from how many pages): the cores this process may use,
    from ``MIN_PARALLEL`` pages; ``PROCESSI_PAGINE=N`` says N, whatever the number of pages
    (1: no worker process)."""
    given = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given), 0
    try:
        return len(os.sched_getaffinity(0)), MIN_PARALLEL
    except AttributeError:  # not Linux
        return os.cpu_count() or 1, MIN_PARALLEL


_work: Callable[[int], object] | None = None  # the work of one page, in a forked worker


def _run(span: tuple[int, int]) -> list:
    assert _work is not None
    return [_work(i) for i in range(*span)]


class Running:
    """Pages being written while the build goes on; ``take(i)`` and ``results`` wait for
    them (in order: the results come back as their batches end)."""

    def __init__(
        self, work: Callable[[int], object] | None = None, count: int = 0,
        pool: object = None, parts: object = None,
    ) -> None:  # fmt: skip
        self._found: list = []
        self._done = pool is None
        self._pool, self._parts = pool, parts
        self._work, self._count = work, count  # without workers: each done when asked for

    def take(self, index: int) -> object:
        """The result of item ``index`` (once it and every item before it are done), handed
        over: ``results`` has None in its place (a comune's booklet is not held twice)."""
        if self._pool is None:
            self._fill(index + 1)
        while len(self._found) <= index and not self._done:
            self._next()
        found, self._found[index] = self._found[index], None
        return found

    def results(self) -> list:
        """Every item's result, in order, once all are done (the workers end)."""
        if self._pool is None:
            self._fill(self._count)
        while not self._done:
            self._next()
        return self._found

    def _fill(self, count: int) -> None:
        assert self._work is not None
        while len(self._found) < count:
            self._found.append(self._work(len(self._found)))

    def _next(self) -> None:
        pool = self._pool
        try:
            part = next(self._parts, None)  # type: ignore[call-overload]
            if part is not None:
                self._found.extend(part)
                return
            pool.close()  # type: ignore[attr-defined]
        except BaseException:
            pool.terminate()  # type: ignore[attr-defined]
            pool.join()  # type: ignore[attr-defined]
            self._done = True
            raise
        pool.join()  # type: ignore[attr-defined]
        self._done = True

    def stop(self) -> None:
        """End the workers without waiting for their pages (a build that failed)."""
        if not self._done and self._pool is not None:
            self._pool.terminate()  # type: ignore[attr-defined]
            self._pool.join()  # type: ignore[attr-defined]
            self._done = True


def start(
    count: int, work: Callable[[int], T], workers: int = 1, least: int = 0, singles: int = 0
) -> Running:
    """``work(0)``, …, ``work(count - 1)`` on ``workers`` processes, while the caller goes on.

    The workers are forked (Linux): they start with this process's memory, the build's records
    and the skeleton included, so nothing is pickled to them but two numbers per batch, and
    only ``work``'s results come back. The objects they inherit are frozen for their garbage
    collector (``gc.freeze``): a collection in a worker would otherwise write into every one of
    them and copy the whole build's memory, page by page, into each worker. The first
    ``singles`` items are batches of their own, done first (``Running.take`` reads each as
    soon as it is done). Fewer items than ``least``, one worker, or a platform without
    ``fork``: done here, each when it is asked for.
    """
    global _work
    methods = multiprocessing.get_all_start_methods()
    if workers < 2 or count < max(least, 1) or "fork" not in methods:
        return Running(work, count)
    batches = [(i, i + 1) for i in range(singles)]
    batches += [(a + singles, b + singles) for a, b in spans(count - singles, workers * 8)]
    _work = work
    # The workers' collections leave the build's objects alone (no copy of them); they stay
    # frozen here too, as the loader leaves its tree (``load.document.gc_paused``).
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        _work = None  # the workers have their copy; this process does not need it
    return Running(pool=pool, parts=pool.imap(_run, batches))


def run(count: int, work: Callable[[int], T], workers: int = 1, least: int = 0) -> list[T]:
    """``[work(0), …, work(count - 1)]``, in that order, on ``workers`` processes."""
    return start(count, work, workers, least).results()  # type: ignore[return-value]


def spans(count: int, parts: int) -> Sequence[tuple[int, int]]:
    """``range(count)`` cut into at most ``parts`` consecutive spans of nearly equal size."""
    if count <= 0:
        return []
    parts = max(1, min(parts, count))
    size, extra = divmod(count, parts)
    found, start = [], 0
    for part in range(parts):
        stop = start + size + (1 if part < extra else 0)
        found.append((start, stop))
        start = stop
    return [span for span in found if span[0] < span[1]]

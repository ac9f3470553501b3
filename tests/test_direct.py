"""``adapters.direct``: pages written by forked workers come back in order, and a worker's
failure fails the build (here: the call) instead of leaving a page unwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from servicemap.adapters import direct


def test_forked_workers_write_every_page_and_return_results_in_order(tmp_path: Path) -> None:
    def work(index: int) -> tuple[int, int]:
        (tmp_path / f"{index}.html").write_text(f"pagina {index}", encoding="utf-8")
        return index, os.getpid()

    found = direct.run(50, work, workers=2)
    assert [index for index, _ in found] == list(range(50))
    assert os.getpid() not in {pid for _, pid in found}  # written by the workers
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{i}.html" for i in range(50))


def test_a_failing_page_fails_the_whole_run() -> None:
    def work(index: int) -> int:
        if index == 17:
            raise ValueError("pagina 17")
        return index

    with pytest.raises(ValueError, match="pagina 17"):
        direct.run(40, work, workers=2)


def test_few_pages_are_written_here_and_one_process_means_no_worker() -> None:
    assert direct.run(5, lambda i: os.getpid(), workers=2, least=200) == [os.getpid()] * 5
    assert direct.run(300, lambda i: os.getpid(), workers=1) == [os.getpid()] * 300


def test_the_variable_sets_the_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(direct.PROCESSES_VARIABLE, "1")
    assert direct.processes() == (1, 0)
    monkeypatch.delenv(direct.PROCESSES_VARIABLE)
    workers, least = direct.processes()
    assert workers >= 1 and least == direct.MIN_PARALLEL


def test_spans_cover_every_page_once() -> None:
    for count in (1, 7, 100, 1001):
        spans = direct.spans(count, 16)
        assert [i for a, b in spans for i in range(a, b)] == list(range(count))


def test_an_item_taken_early_is_handed_over_and_not_kept() -> None:
    """A comune's booklet is read as soon as it is made, and not held again in the results."""
    for workers in (1, 2):
        running = direct.start(30, lambda i: f"libretto {i}", workers=workers, singles=2)
        assert running.take(1) == "libretto 1"
        found = running.results()
        assert found[1] is None and found[0] == "libretto 0" and found[29] == "libretto 29"

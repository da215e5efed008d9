"""Giving up a comparison from outside (govread.cancelling): the compare screen's worker
asks its loops to stop when the screen is left or the app quits (QA A4)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from govread import cancelling
from govread import compare as compare_module
from govread.cancelling import Cancelled, cancellable, check
from govread.compare import compare, to_jsonable
from govread.corpus import load, sample_paths
from govread.multi_compare import compare_many
from govread.multi_compare import to_jsonable as many_jsonable
from govread.parsers.model import Report

FIXTURES = Path(__file__).parents[1] / "fixtures" / "multi"


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    samples = load(sample_paths()[:2]).reports
    invented = load(sorted(FIXTURES.glob("*.txt"))).reports
    return [*samples, *invented]


def _fresh() -> None:
    """Forget the units and sentences cut so far: a comparison starts from nothing."""
    compare_module._UNIT_CACHE._items.clear()
    compare_module._SENTENCES._items.clear()


class AfterChecks:
    """True from the `n`-th time it is asked: a stop at a chosen point of the work."""

    def __init__(self, n: int) -> None:
        self.n, self.asked = n, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked >= self.n


def test_check_outside_a_cancellable_block_does_nothing() -> None:
    check()
    with cancellable(lambda: False):
        check()
    check()


def test_check_raises_once_asked_and_the_block_ends_with_it() -> None:
    asked = threading.Event()
    with pytest.raises(Cancelled), cancellable(asked.is_set):
        check()
        asked.set()
        check()
    check()  # the test went with the block


def test_one_threads_block_stops_no_other_thread() -> None:
    seen: list[str] = []

    def other() -> None:
        try:
            check()
            seen.append("went on")
        except Cancelled:
            seen.append("stopped")

    with cancellable(lambda: True):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == ["went on"]


def test_a_comparison_stops_at_any_point_and_the_next_is_whole(reports: list[Report]) -> None:
    """Stopped anywhere (cutting, weighing, aligning, figures), it raises Cancelled; what
    it cached on the way is whole, so the comparison made next is the same as one never
    interrupted."""
    a, b = reports[0], reports[1]
    _fresh()
    expected = to_jsonable(compare(a, b, reports))
    counted = AfterChecks(10**9)
    _fresh()
    with cancellable(counted):
        compare(a, b, reports)
    total = counted.asked
    assert total > 50  # its loops ask along the way, not once
    for n in sorted({1, 2, 5, total // 4, total // 2, 3 * total // 4, total - 1, total}):
        _fresh()
        with pytest.raises(Cancelled), cancellable(AfterChecks(n)):
            compare(a, b, reports)
        assert to_jsonable(compare(a, b, reports)) == expected, n


def test_three_reports_stop_too(reports: list[Report]) -> None:
    three = reports[2:5]
    _fresh()
    expected = many_jsonable(compare_many(three, reports))
    counted = AfterChecks(10**9)
    _fresh()
    with cancellable(counted):
        compare_many(three, reports)
    total = counted.asked
    for n in sorted({1, total // 3, 2 * total // 3, total}):
        _fresh()
        with pytest.raises(Cancelled), cancellable(AfterChecks(n)):
            compare_many(three, reports)
        assert many_jsonable(compare_many(three, reports)) == expected, n


def test_the_block_is_left_clean_after_a_stop() -> None:
    with pytest.raises(Cancelled), cancellable(lambda: True):
        check()
    assert cancelling._CANCELLED.get() is None

"""The in-memory index filtered from one thread while another adds reports (the browser's
filter worker while files are still loading): every answer is one the index could give,
made of whole reports."""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from govread.parsers.model import Report
from govread.search import SearchIndex

QUERIES = ("行政复议", "year:2000-2100", "-行政复议 法治")  # text, fields alone, a negation


def _copies(samples: Sequence[Report], times: int) -> list[Report]:
    """The samples again and again, each copy a report of its own (its own hash and id)."""
    return [
        dataclasses.replace(report, sha256=f"{n:02d}{report.sha256[2:]}", id="")
        for n in range(times)
        for report in samples
    ]


@contextmanager
def _adding(index: SearchIndex, reports: Sequence[Report]) -> Iterator[threading.Event]:
    """Add `reports` to `index` from another thread, the threads switching often (a race
    shows up); yields the event set once all are added, and joins and checks on leaving."""
    failures: list[BaseException] = []
    done = threading.Event()

    def adding() -> None:
        try:
            for report in reports:
                index.add(report)
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            done.set()

    adder = threading.Thread(target=adding)
    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        adder.start()
        yield done
        adder.join()
    finally:
        sys.setswitchinterval(switching)
    assert not failures


def _original(samples: Sequence[Report], sha: str) -> Report:
    return next(r for r in samples if r.sha256[2:] == sha[2:])


def test_filter_while_reports_are_added_sees_whole_reports(samples) -> None:
    alone = {  # each report's count for each query, in an index of its own
        query: {r.sha256: SearchIndex.build([r]).filter(query).report_counts for r in samples}
        for query in QUERIES
    }
    index = SearchIndex(use_cache=False)
    with _adding(index, _copies(samples, 12)) as done:
        answers = 0
        while not done.is_set() or answers < len(QUERIES):
            for query in QUERIES:
                result = index.filter(query)
                answers += 1
                for sha, count in result.report_counts.items():
                    original = _original(samples, sha)
                    assert alone[query][original.sha256] == {original.sha256: count}
                assert set(result.order) == result.ids


def test_a_read_ahead_while_reports_are_added_leaves_whole_answers(samples) -> None:
    """Each key's read-ahead scans without the index's lock while loading adds reports:
    what it caches is never an answer for fewer reports than the filter then sees."""
    copies = _copies(samples, 8)
    alone = {r.sha256: SearchIndex.build([r]).filter("复议 -法").report_counts for r in samples}
    index = SearchIndex(use_cache=False)
    with _adding(index, copies) as done:
        while not done.is_set():
            index.read_ahead("复议 -法", cancelled=lambda: False)
            result = index.filter("复议 -法")
            for sha, count in result.report_counts.items():
                original = _original(samples, sha)
                assert alone[original.sha256] == {original.sha256: count}
    index.read_ahead("复议 -法", cancelled=lambda: False)
    assert len(index.filter("复议 -法").report_counts) == len(
        SearchIndex.build(copies).filter("复议 -法").report_counts
    )

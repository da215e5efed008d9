"""Segmenting many reports in a process pool: the same index as one core, the same disk cache."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from govread import segment
from govread.parsers.model import Report
from govread.parsers.outline import parse_text
from govread.search import SearchIndex

QUERIES = ("行政复议", "行政复议 出庭应诉", "法治政府建设 -信访", "规范执法人员资格", "复议 | 诉讼")


# Pool tests are kept small: each pool start loads jieba in every worker (seconds of CPU),
# so a few dozen reports and a threshold lowered to match prove the same as hundreds.
COUNT = 30
THRESHOLD = 20


@pytest.fixture(scope="module")
def many(generate) -> list[Report]:
    """COUNT generated reports (the benchmark corpus generator), parsed."""
    reports = []
    for name, data in generate(COUNT, seed=11):
        from govread.parsers.readers import decode

        reports.append(parse_text(decode(data, name), path=name))
    return reports


def no_children_left() -> bool:
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not multiprocessing.active_children()


def ranking(index: SearchIndex) -> list[list[tuple[str, float, str]]]:
    return [
        [(hit.node_id, round(hit.score, 9), hit.match) for hit in index.search(query)]
        for query in QUERIES
    ]


@pytest.fixture(autouse=True)
def _lower_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "PARALLEL_THRESHOLD", THRESHOLD)


def test_the_pool_gives_the_serial_index_and_fills_the_cache(many: list[Report]) -> None:
    serial = SearchIndex.build(many, use_cache=False)
    assert serial.segment_reports(parallel_threshold=len(many)) == len(many)
    assert not serial.pool_used
    expected = ranking(serial)
    assert all(expected[:3])  # the queries find something

    calls: list[tuple[int, int]] = []
    pooled = SearchIndex.build(many)
    assert pooled.segment_reports(progress=lambda d, t: calls.append((d, t))) == len(many)
    assert pooled.pool_used  # 30 uncached reports > the default threshold (20 here)
    assert no_children_left()
    assert calls == [(d, len(many)) for d in range(1, len(many) + 1)]
    assert pooled.tokens_ready
    assert ranking(pooled) == expected
    assert pooled.suggest("行政", 10) == serial.suggest("行政", 10)
    assert all(segment.is_cached(report.sha256) for report in many)

    warm = SearchIndex.build(many)  # every report from the cache the workers wrote
    assert warm.segment_reports() == len(many)
    assert not warm.pool_used
    assert ranking(warm) == expected


def test_the_threshold_counts_only_uncached_reports(many: list[Report]) -> None:
    SearchIndex.build(many[:12]).segment_reports(parallel_threshold=1000)  # cache 12
    index = SearchIndex.build(many[:24])
    index.segment_reports(parallel_threshold=13)  # 12 uncached: not above 13 (24 in all)
    assert not index.pool_used
    index = SearchIndex.build(many[:27])
    index.segment_reports(parallel_threshold=2)  # 3 uncached: above 2
    assert index.pool_used and index.tokens_ready
    assert no_children_left()


def test_few_reports_never_start_a_pool(samples: list[Report]) -> None:
    index = SearchIndex.build(samples, use_cache=False)
    index.segment_reports()
    assert not index.pool_used and not multiprocessing.active_children()


def test_cancelling_stops_the_pool_and_a_later_call_finishes(
    many: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segment, "POOL_BATCH", 1)  # work still queued when cancelled
    index = SearchIndex.build(many, use_cache=False)
    calls: list[int] = []
    done = index.segment_reports(
        progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 10, workers=2
    )
    assert done == 10 and index.pool_used and not index.tokens_ready
    assert no_children_left()
    assert index.segment_reports(parallel_threshold=1000) == len(many) - 10
    assert index.tokens_ready
    serial = SearchIndex.build(many, use_cache=False)
    serial.segment_reports(parallel_threshold=1000)
    assert ranking(index) == ranking(serial)


def _refuse_in_worker(text: str) -> str:
    raise RuntimeError("this job cannot be read in a worker")


class UnreadableInWorker(str):
    """A str no worker can unpickle, whether or not this test module is importable there.

    Under ``python -m pytest`` the repository root is on ``sys.path``, so a worker could import
    this module: unpickling fails by raising instead.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return _refuse_in_worker, (str(self),)


def test_a_failing_pool_leaves_its_reports_to_be_segmented_here(many: list[Report]) -> None:
    index = SearchIndex.build(many[:12], use_cache=False)
    jobs: list[segment.SegmentJob] = [
        (unit.id, {"b": unit.body_fold.text}) for unit in index._units[:12]
    ]
    jobs[5] = (jobs[5][0], {"b": UnreadableInWorker(jobs[5][1]["b"])})
    source = segment.ParallelTokens(jobs, use_cache=False, threshold=0, workers=2)
    found = list(source)
    assert source.pool_used and source.pool_failures
    assert no_children_left()
    assert found == [segment.cached_tokens(sha, texts, use_cache=False) for sha, texts in jobs]

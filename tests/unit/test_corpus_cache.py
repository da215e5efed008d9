"""The corpus tables' cache: a second opening reads each report's entry back instead of
computing it; another parser version, other computing code or another basis computes again;
a damaged entry is a miss; the process pool computes what the screen would."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import govread.cache
import govread.corpus_tables as corpus_tables
from govread.cache import ReportCache
from govread.corpus_tables import build_entries, cache_kind, entry_from_json, entry_to_json
from govread.parsers import Report


@pytest.fixture(autouse=True)
def _empty_memory() -> Iterator[None]:
    corpus_tables._cache.clear()
    yield
    corpus_tables._cache.clear()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[ReportCache]:
    opened = ReportCache(tmp_path / "reports.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the reports whose figures were computed (not read back)."""
    seen: list[str] = []
    real = corpus_tables.report_rows

    def counting(report: Report) -> list[dict[str, object]]:
        seen.append(report.path or "")
        return real(report)

    monkeypatch.setattr(corpus_tables, "report_rows", counting)
    return seen


def _same(a: list[corpus_tables.CorpusEntry], b: list[corpus_tables.CorpusEntry]) -> None:
    assert [e.rows for e in a] == [e.rows for e in b]
    assert [e.coverage for e in a] == [e.coverage for e in b]
    assert [e.checklist for e in a] == [e.checklist for e in b]
    assert [e.first for e in a] == [e.first for e in b]
    assert [e.place for e in a] == [e.place for e in b]


def test_a_second_opening_reads_the_cache(
    samples: list[Report], cache: ReportCache, computed: list[str]
) -> None:
    first = build_entries(samples, cache=cache, use_pool=False)
    assert len(computed) == 5
    corpus_tables._cache.clear()  # a new process: nothing in memory
    seen: list[tuple[int, int]] = []
    second = build_entries(samples, lambda d, t: seen.append((d, t)), cache, use_pool=False)
    assert len(computed) == 5  # nothing computed again
    assert seen[-1] == (5, 5)
    _same(first, second)
    assert cache.get_derived(cache_kind(), [r.sha256 for r in samples]).keys() == {
        r.sha256 for r in samples
    }


def test_another_parser_version_computes_again(
    samples: list[Report],
    cache: ReportCache,
    computed: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_entries(samples[:2], cache=cache, use_pool=False)
    corpus_tables._cache.clear()
    monkeypatch.setattr(govread.cache, "PARSER_VERSION", "another parser")
    build_entries(samples[:2], cache=cache, use_pool=False)
    assert len(computed) == 4
    # and only the new version's entries are kept
    with sqlite3.connect(cache.path) as db:
        parsers = {row[0] for row in db.execute("SELECT parser FROM derived")}
    assert parsers == {"another parser"}


def test_other_computing_code_computes_again(
    samples: list[Report],
    cache: ReportCache,
    computed: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_entries(samples[:2], cache=cache, use_pool=False)
    corpus_tables._cache.clear()
    monkeypatch.setattr(corpus_tables, "cache_kind", lambda: "corpus-tables:changed")
    build_entries(samples[:2], cache=cache, use_pool=False)
    assert len(computed) == 4


def test_the_kind_fingerprints_the_computing_source() -> None:
    kind = cache_kind()
    assert kind.startswith("corpus-tables:") and len(kind) > len("corpus-tables:") + 16


def test_a_damaged_entry_is_computed_again(
    samples: list[Report], cache: ReportCache, computed: list[str]
) -> None:
    build_entries(samples[:2], cache=cache, use_pool=False)
    corpus_tables._cache.clear()
    bad = ['{"rows": [[1, 2]]}', "[" * 5000, "not json", '{"basis": null}', "[" + "9" * 9000 + "]"]
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE derived SET body=? WHERE sha256=?", (bad[0], samples[0].sha256))
    for body in bad:
        assert entry_from_json(samples[0], body) is None
    entries = build_entries(samples[:2], cache=cache, use_pool=False)
    assert computed == [samples[0].path, samples[1].path, samples[0].path]
    assert entries[0].rows and entries[0].report is samples[0]


def test_an_entry_of_another_basis_is_not_read_back(samples: list[Report]) -> None:
    report = samples[0]
    body = entry_to_json(corpus_tables.entry_for(report))
    assert entry_from_json(report, body) is not None
    # the same bytes under a name that gives another year: its checklist reads the year
    other_year = dataclasses.replace(report, year=(report.year or 2000) + 1)
    assert entry_from_json(other_year, body) is None


def test_a_moved_file_keeps_its_entry_with_its_new_path(
    samples: list[Report], cache: ReportCache, computed: list[str]
) -> None:
    build_entries(samples[:1], cache=cache, use_pool=False)
    corpus_tables._cache.clear()
    moved = dataclasses.replace(samples[0], path="/elsewhere/moved.txt")
    [entry] = build_entries([moved], cache=cache, use_pool=False)
    assert len(computed) == 1
    assert entry.report is moved
    assert {row["path"] for row in entry.rows} == {"/elsewhere/moved.txt"}
    assert entry.checklist.report is moved and entry.coverage.report is moved


def test_the_pool_computes_what_this_process_would(
    samples: list[Report], cache: ReportCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = build_entries(samples, use_pool=False)
    corpus_tables._cache.clear()
    monkeypatch.setattr(corpus_tables, "POOL_MIN_REPORTS", 1)
    monkeypatch.setattr(corpus_tables, "POOL_MIN_CORES", 1)
    monkeypatch.setattr(corpus_tables, "POOL_CHUNK", 3)
    computed_here: list[str] = []
    monkeypatch.setattr(
        corpus_tables,
        "entry_for",
        lambda report: computed_here.append("!"),  # type: ignore[func-returns-value]
    )
    seen: list[tuple[int, int]] = []
    pooled = build_entries(samples, lambda d, t: seen.append((d, t)), cache)
    assert computed_here == []  # every entry came from the pool
    _same(here, pooled)
    assert seen[-1] == (5, 5)
    assert len(cache.get_derived(cache_kind(), [r.sha256 for r in samples])) == 5


def test_a_cancelled_build_stops(samples: list[Report]) -> None:
    assert build_entries(samples, use_pool=False, cancelled=lambda: True) == []


def test_no_pool_on_too_few_cores(samples: list[Report], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_tables, "POOL_MIN_REPORTS", 1)
    monkeypatch.setattr(corpus_tables, "_cores", lambda: 1)

    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(corpus_tables, "_pool_bodies", no_pool)
    assert len(build_entries(samples)) == 5

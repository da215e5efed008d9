"""The timeline's word weights without cutting the corpus again: read from a store's
comparison tables (`followup.stored_weights`), or each report cut into units once
(`followup.word_weights`), with the same plans followed up as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from govread import compare, store
from govread.corpus import load
from govread.followup import stored_weights, timeline_promises, word_weights
from govread.lru import LruCache
from govread.store_library import StoreReader, read_outline
from govread.timeline import build_timeline, place_of

FIXTURES = Path(__file__).parents[1] / "fixtures" / "years"


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    path = tmp_path_factory.mktemp("timeline") / "s.sqlite3"
    with store.Store(path) as opened:
        store.index(opened, [FIXTURES], workers=1)
    return path, list(read_outline(StoreReader(path)).reports)


def _timeline(reports: list):
    place = place_of(next(r for r in reports if r.year == 2021))
    assert place is not None
    return build_timeline(place, [r for r in reports if place_of(r) == place])


def test_the_store_gives_the_weights_the_reports_give(stored) -> None:
    path, reports = stored
    timeline = _timeline(reports)
    assert len(timeline.years) == 3 and len(reports) == 4
    from_store = stored_weights(path, timeline.reports, reports)
    assert from_store is not None
    counted = word_weights((*timeline.reports, *reports))
    assert from_store.n == counted.n
    words = {t for year in timeline.units for unit in year for t in unit.terms}
    assert {t: from_store.df[t] for t in words} == {t: counted.df[t] for t in words}
    assert timeline_promises(timeline, reports, idf=from_store) == timeline_promises(
        timeline, reports
    )


def test_reports_not_from_a_store_are_counted_from_their_units(stored) -> None:
    path, _reports = stored
    parsed = load([FIXTURES], use_cache=False).reports
    assert stored_weights(path, parsed[:2], parsed) is None
    assert stored_weights(path.with_name("absent.sqlite3"), [], []) is None  # falls back


def test_each_report_is_cut_into_units_once_whatever_the_cache_holds(monkeypatch) -> None:
    reports = load([FIXTURES], use_cache=False).reports
    built: list[str] = []

    class Counting(compare._Builder):
        def __init__(self, report, *args, **kwargs) -> None:
            built.append(report.id)
            super().__init__(report, *args, **kwargs)

    monkeypatch.setattr(compare, "_Builder", Counting)
    monkeypatch.setattr(compare, "_UNIT_CACHE", LruCache(1))  # a corpus larger than the cache
    timeline = _timeline(reports)
    promises = timeline_promises(timeline, reports)
    assert sorted(built) == sorted({r.id for r in reports})
    assert any(p.evidence for p in promises)


def test_a_comparison_weighed_from_the_store_is_the_one_counted_from_the_reports(stored) -> None:
    # what the compare screen does with reports opened from a store (`govread --store`)
    from govread.multi_compare import compare_many

    path, reports = stored
    a, b, c = reports[:3]
    pair = stored_weights(path, [a, b], reports)
    assert pair is not None
    assert compare.compare(a, b, reports, idf=pair) == compare.compare(a, b, reports)
    three = stored_weights(path, [a, b, c], reports)
    assert three is not None
    assert compare_many([a, b, c], reports, idf=three) == compare_many([a, b, c], reports)
    # and the weights given are the ones used (every word alike: other rows)
    flat = compare.Idf.counted(1, {})
    assert compare_many([a, b, c], reports, idf=flat) != compare_many([a, b, c], reports)

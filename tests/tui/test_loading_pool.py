"""The TUI's loading worker: the parsed-report cache, the process pool, progress, clean quit."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from govread.loading import Loader
from govread.parsers import readers
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen

SIZE = (100, 30)
THRESHOLD = 10  # the pool's threshold in these tests (the real one is hundreds of files)
COUNT = THRESHOLD + 8


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory, write_generated) -> Path:
    """More generated reports than the pool threshold."""
    return write_generated(tmp_path_factory.mktemp("many"), COUNT, seed=11)


@pytest.fixture(autouse=True)
def _low_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govread.loading.PARALLEL_THRESHOLD", THRESHOLD)


def no_children_left() -> bool:
    deadline = time.monotonic() + 20  # a bound for reaping, not a timing assertion
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not multiprocessing.active_children()


async def test_a_cold_load_parses_in_the_pool_in_path_order_with_progress(
    loaded, many, monkeypatch
) -> None:
    seen: list[tuple[int, int]] = []
    show_progress = BrowserScreen.show_progress

    def spy(screen: BrowserScreen, done: int, total: int) -> None:
        show_progress(screen, done, total)
        seen.append((done, total))

    monkeypatch.setattr(BrowserScreen, "show_progress", spy)
    pools: list[int] = []
    start_pool = Loader._start_pool

    def counting(loader: Loader, misses: list[object]) -> None:
        start_pool(loader, misses)  # type: ignore[arg-type]
        pools.append(len(misses))

    monkeypatch.setattr(Loader, "_start_pool", counting)
    app = GovreadApp(paths=[str(many)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        names = [Path(r.path).name for r in app.reports]
        assert names == sorted(p.name for p in many.iterdir())
        nodes = app.browser.outline.report_nodes()
        assert [Path(n.data.path).name for n in nodes] == names
    total = COUNT
    assert pools == [COUNT]
    # once a batch (the bar is drawn after each), rising to the last
    dones = [done for done, _ in seen]
    assert dones == sorted(set(dones)) and dones[-1] == total
    assert {seen_total for _, seen_total in seen} == {total}
    assert no_children_left()


async def test_a_warm_start_parses_nothing(loaded, many, monkeypatch) -> None:
    app = GovreadApp(paths=[str(many)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
    first = [r.sha256 for r in app.reports]

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(readers, "parse_text", fail)
    app = GovreadApp(paths=[str(many)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [r.sha256 for r in app.reports] == first
        assert not app.problems


async def test_quitting_while_the_pool_parses_leaves_no_processes(many, monkeypatch) -> None:
    monkeypatch.setenv("GOVREAD_NO_CACHE", "1")  # every file goes to the pool
    app = GovreadApp(paths=[str(many)])
    async with app.run_test(size=SIZE) as pilot:
        while not app.reports:
            await pilot.pause(0.01)
        await pilot.press("q")
    assert no_children_left()


@pytest.mark.word_search
async def test_quitting_while_the_pool_segments_stops_it_and_leaves_no_processes(
    many, monkeypatch
) -> None:
    from govread import segment

    monkeypatch.setattr(segment, "PARALLEL_THRESHOLD", 5)
    monkeypatch.setattr(segment, "POOL_BATCH", 1)
    started: list[bool] = []
    start_pool = segment.ParallelTokens._start_pool

    def spy(source: segment.ParallelTokens, misses: list[int]) -> None:
        start_pool(source, misses)
        started.append(source.pool_used)

    monkeypatch.setattr(segment.ParallelTokens, "_start_pool", spy)
    app = GovreadApp(paths=[str(many)])
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + 60  # a bound for the dictionary load, not a timing test
        while not started and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert started == [True]  # 18 reports missing from the cache > 5
        await pilot.press("q")
    assert no_children_left()
    assert app.search_index is not None and not app.search_index.tokens_ready  # it stopped

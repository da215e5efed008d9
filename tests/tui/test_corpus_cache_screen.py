"""The corpus screen opened a second time (a new start of govread) reads every report's
tables from the cache: nothing is computed again, and the keys answer as before."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest
from textual.pilot import Pilot

import govread.corpus_tables as corpus_tables
from govread.parsers import Report
from govread.tui.app import GovreadApp
from govread.tui.corpus.screen import CorpusScreen

Loaded = Callable[[Pilot[object]], Awaitable[None]]


@pytest.fixture(autouse=True)
def _empty_memory() -> Iterator[None]:
    corpus_tables._cache.clear()
    yield
    corpus_tables._cache.clear()


async def _open(loaded: Loaded) -> list[str]:
    """Start the app, open the corpus screen with `t`, sort by the report column with `s`:
    the table's first column, top to bottom."""
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.ready
        await pilot.press("s")
        await pilot.pause()
        return [str(row[0]) for row in screen.table("indicators").rows]


async def test_a_second_opening_computes_nothing(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await _open(loaded)
    assert len(first) == 5
    corpus_tables._cache.clear()  # as a new process would start

    def not_again(report: Report) -> list[dict[str, object]]:
        raise AssertionError(f"computed again: {report.path}")

    monkeypatch.setattr(corpus_tables, "report_rows", not_again)
    assert await _open(loaded) == first


async def test_without_the_cache_it_computes(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _open(loaded)
    corpus_tables._cache.clear()
    monkeypatch.setenv("GOVREAD_NO_CACHE", "1")
    computed: list[str] = []
    real = corpus_tables.report_rows

    def counting(report: Report) -> list[dict[str, object]]:
        computed.append(report.path or "")
        return real(report)

    monkeypatch.setattr(corpus_tables, "report_rows", counting)
    await _open(loaded)
    assert len(computed) == 5

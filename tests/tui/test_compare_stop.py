"""A comparison no longer wanted stops: leaving its screen, or quitting (QA A4).

A Python thread cannot be killed; the comparison's loops ask whether it was given up. The
comparison is made slow here by a slow cosine (each call sleeps): the two samples' take
about 300 cosines, so some fifteen seconds unless it stops.
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from textual.pilot import Pilot

from govread import compare as compare_module
from govread.cancelling import Cancelled
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen
from govread.tui.compare import views
from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.screen import CompareScreen

SIZE = (160, 45)
SLOW_COSINE = 0.05  # seconds a cosine takes here
STOPPED_WITHIN = 1.0  # seconds: a stop waits for one step of the comparison, not for all


class SlowComparison:
    """`compare` as the compare screen calls it, with every cosine slow; says when and how
    the comparison ended."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cosines = 0
        self.ended = threading.Event()
        self.outcome: str | None = None
        self.ended_at = 0.0
        fast_cosine, compare = compare_module._cosine, views.compare

        def slow_cosine(u: object, v: object) -> float:
            self.cosines += 1
            time.sleep(SLOW_COSINE)
            return fast_cosine(u, v)  # type: ignore[arg-type]

        def watched(*args: object, **kwargs: object) -> object:
            try:
                result = compare(*args, **kwargs)  # type: ignore[arg-type]
                self.outcome = "done"
                return result
            except Cancelled:
                self.outcome = "cancelled"
                raise
            finally:
                self.ended_at = time.monotonic()
                self.ended.set()

        # undone after the test: a comparison the test could not stop then ends fast
        monkeypatch.setattr(compare_module, "_cosine", slow_cosine)
        monkeypatch.setattr(views, "compare", watched)

    async def under_way(self) -> None:
        deadline = time.monotonic() + 30  # a bound, not a timing assertion
        while self.cosines < 3:
            assert time.monotonic() < deadline, "the comparison never started"
            await asyncio.sleep(0.05)

    async def wait_ended(self, timeout: float) -> bool:
        return await asyncio.to_thread(self.ended.wait, timeout)


async def _start_comparing(pilot: Pilot[object]) -> CompareScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReportPicker)
    await pilot.press(*"宝鸡", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def test_leaving_the_compare_screen_stops_the_comparison(monkeypatch) -> None:
    slow = SlowComparison(monkeypatch)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start_comparing(pilot)
        await slow.under_way()
        assert not screen.ready
        await pilot.press("escape")
        left = time.monotonic()
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert await slow.wait_ended(STOPPED_WITHIN * 3), "the comparison still runs"
        assert slow.outcome == "cancelled"
        assert slow.ended_at - left < STOPPED_WITHIN
        # nothing of it goes on: no cosine after it ended, and the browser works on
        cosines = slow.cosines
        await asyncio.sleep(3 * SLOW_COSINE)
        assert slow.cosines == cosines
        await pilot.press("down")
        await pilot.pause()
        assert app.browser.outline.cursor_line == 1


async def test_comparing_again_after_leaving_shows_the_comparison(monkeypatch) -> None:
    slow = SlowComparison(monkeypatch)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await _start_comparing(pilot)
        await slow.under_way()
        await pilot.press("escape")
        await pilot.pause()
        assert await slow.wait_ended(STOPPED_WITHIN * 3)
        monkeypatch.undo()  # fast again: the second comparison runs to its end
        screen = await _start_comparing(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.ready and screen.comparison is not None and screen.comparison.rows


async def test_quitting_during_a_comparison_stops_it_at_once(monkeypatch) -> None:
    """Quitting waited for the comparison's thread (8–10 s with a 10 MB report): the
    interpreter joins its worker threads before it exits."""
    slow = SlowComparison(monkeypatch)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await _start_comparing(pilot)
        await slow.under_way()
        quit_at = time.monotonic()
        await pilot.press("ctrl+q")  # on the compare screen itself
        await pilot.pause()
    assert not app.is_running
    assert await slow.wait_ended(STOPPED_WITHIN * 3), "the comparison still runs"
    assert slow.outcome == "cancelled"
    assert slow.ended_at - quit_at < STOPPED_WITHIN


async def test_leaving_the_picker_stops_cutting_the_reports_ahead(monkeypatch) -> None:
    """While the picker is open the reports are cut into units ahead of the comparison
    (seconds for a long report): escape there gives it up too."""
    from govread.lru import LruCache
    from govread.tui.compare import screen as screen_module

    cut = {"tokens": 0}
    ended = threading.Event()
    outcome: list[str] = []
    fast_tokenize, report_units = compare_module._tokenize, screen_module.report_units

    def slow_tokenize(*args: object, **kwargs: object) -> object:
        cut["tokens"] += 1
        time.sleep(SLOW_COSINE)
        return fast_tokenize(*args, **kwargs)  # type: ignore[arg-type]

    def watched(*args: object, **kwargs: object) -> object:
        try:
            result = report_units(*args, **kwargs)  # type: ignore[arg-type]
            outcome.append("done")
            return result
        except Cancelled:
            outcome.append("cancelled")
            raise
        finally:
            ended.set()

    monkeypatch.setattr(compare_module, "_UNIT_CACHE", LruCache(128))  # nothing cut yet
    monkeypatch.setattr(compare_module, "_tokenize", slow_tokenize)
    monkeypatch.setattr(screen_module, "report_units", watched)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        deadline = time.monotonic() + 30  # a bound, not a timing assertion
        while cut["tokens"] < 3:
            assert time.monotonic() < deadline, "the reports were not being cut"
            await asyncio.sleep(0.05)
        await pilot.press("escape")
        left = time.monotonic()
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert await asyncio.to_thread(ended.wait, STOPPED_WITHIN * 3)
        assert outcome == ["cancelled"]
        assert time.monotonic() - left < STOPPED_WITHIN * 3

"""Fixtures for the TUI tests: a started app with its reports loaded."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.screen import CompareScreen


async def _loaded(pilot: Pilot[object]) -> None:
    """Wait until the loading worker is done and its messages are handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def loaded() -> Callable[[Pilot[object]], Awaitable[None]]:
    return _loaded


async def _open_compare(pilot: Pilot[object], name: str = "宝鸡") -> CompareScreen:
    """From the browser (cursor on the first report, 咸宁): c, type a name, enter, wait."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReportPicker)
    await pilot.press(*name)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert screen.ready
    return screen


@pytest.fixture
def open_compare() -> Callable[..., Awaitable[CompareScreen]]:
    """``await open_compare(pilot, name="宝鸡")``: the compare screen of A (under the cursor)
    and the report picked by typing `name`, once the comparison is shown."""
    return _open_compare

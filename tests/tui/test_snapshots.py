"""Snapshots of the browser with the bundled samples: main screen, help, and 80×24.

Regenerate after a deliberate visual change with ``pytest tests/tui/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from govread.i18n import set_language
from govread.tui.app import GovreadApp


@pytest.fixture(autouse=True)
def _fixed_config_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """The help screen shows the config path: make it the same on every run and machine.

    Nothing is written there (no theme is chosen in these tests).
    """
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/govread-snapshots/config")


async def _settled(pilot: Pilot[object]) -> None:
    """Loaded, no notification, nothing animating: the same picture every run."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.animation_level = "none"
    pilot.app.clear_notifications()
    await pilot.pause()


def _app() -> GovreadApp:
    app = GovreadApp()
    app.animation_level = "none"
    return app


def test_main_screen(snap_compare) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await _settled(pilot)
        # into 咸宁's 行政执法 section: nested outline, items and highlighted figures
        await pilot.press("down", "right", "right", "down", "down", "right")
        await pilot.press("down", "down", "right")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(160, 45), run_before=run_before)


def test_main_screen_in_chinese(snap_compare) -> None:
    """The same screen with the interface in Chinese: footer, facts, status line."""
    set_language("zh")

    async def run_before(pilot: Pilot[object]) -> None:
        await _settled(pilot)
        await pilot.press("down", "right", "right", "down", "down", "right")
        await pilot.press("down", "down", "right")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(160, 45), run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await _settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 60), run_before=run_before)


def test_narrow_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await _settled(pilot)
        await pilot.press("j")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)

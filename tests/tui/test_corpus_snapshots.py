"""Snapshots of the corpus screen's three tabs with the bundled samples.

Regenerate after a deliberate visual change with ``pytest tests/tui/test_corpus_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from govread.tui.app import GovreadApp


async def _tables(pilot: Pilot[object], *keys: str) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(*keys)
    pilot.app.animation_level = "none"
    pilot.app.clear_notifications()
    await pilot.pause()


def _app() -> GovreadApp:
    app = GovreadApp()
    app.animation_level = "none"
    return app


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(("right", "right"), id="indicators"),  # the third indicator and its chart
        pytest.param(("2",), id="coverage"),
        pytest.param(("3", "right", "right"), id="checklist"),  # 咸宁's shortcomings
    ],
)
def test_corpus_tab(snap_compare, keys: tuple[str, ...]) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await _tables(pilot, *keys)

    assert snap_compare(_app(), terminal_size=(140, 36), run_before=run_before)

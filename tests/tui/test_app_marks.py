"""The app-level marks API that the browser, the filter and the compare screen share."""

from __future__ import annotations

import pytest

from govread.marks import MarkSet
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen


async def test_toggle_mark_saves_and_tells_the_screens(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[frozenset[str]] = []
    monkeypatch.setattr(
        BrowserScreen,
        "on_marks_changed",
        lambda self, message: seen.append(message.node_ids),
        raising=False,
    )
    app = GovreadApp()
    async with app.run_test() as pilot:
        while not app.reports:
            await pilot.pause(0.05)
        node_id = app.reports[0].sections[0].id
        assert app.toggle_mark(node_id) is True
        assert node_id in app.marks
        assert node_id in MarkSet.load()[0]  # saved to disk at once
        assert app.toggle_mark(node_id) is False
        assert node_id not in MarkSet.load()[0]
        await pilot.pause()
        assert seen == [frozenset({node_id}), frozenset({node_id})]

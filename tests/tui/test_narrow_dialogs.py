"""The export, tags and note boxes fit a terminal narrower than their least width (QA: at
40 columns the export box ran past both edges, its input's start and hint cut)."""

from __future__ import annotations

import pytest

from govread.tui.app import GovreadApp


@pytest.mark.parametrize(("width", "narrow"), [(40, True), (54, False), (120, False)])
async def test_the_dialogs_fit_the_terminal(width: int, narrow: bool) -> None:
    app = GovreadApp()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "space")  # a mark, so that `e` has something to export
        for key, body in (("e", "#export-body"), ("number_sign", "#annotate-body")):
            await pilot.press(key)
            await pilot.pause()
            region = app.screen.query_one(body).region
            assert region.x >= 0 and region.right <= width, (key, region)
            assert app.screen.has_class("-narrow") is narrow
            assert region.width >= (width if narrow else 50)
            await pilot.press("escape")
            await pilot.pause()

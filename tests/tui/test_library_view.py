"""The outline is a view of the app's Library: reports the library holds are shown, even
those that arrived before the browser's panes were composed."""

from __future__ import annotations

from pathlib import Path

from govread.parsers.model import Report
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen

SIZE = (120, 40)


class EarlyReports(GovreadApp):
    """Two reports are open before the browser screen exists; nothing else loads."""

    WORD_SEARCH_DELAY = None

    def __init__(self, reports: list[Report]) -> None:
        super().__init__()
        for report in reports:
            self.library.add(report)

    def load_reports(self, paths: list[str | Path]) -> None:  # type: ignore[override]
        pass


async def test_reports_open_before_the_panes_are_composed_are_shown(samples) -> None:
    first, second = samples[:2]
    app = EarlyReports([first, second])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        outline = app.browser.outline
        assert [node.data for node in outline.report_nodes()] == [first, second]
        assert app.browser.detail.shown is first


async def test_an_unready_browser_takes_reports_from_the_library_later(samples) -> None:
    screen = BrowserScreen()  # not composed: what the loader tells it must not fail
    screen.add_report(samples[0])
    screen.show_progress(1, 10)
    assert not screen.is_mounted  # nothing was queried on it (that would raise)

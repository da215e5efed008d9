"""Type-ahead: keys typed right after the key that opens a text box land in that box.

The keys are posted to the app back to back, as a terminal delivers a fast typist's burst
(``Pilot.press`` waits for the app to be idle between keys, which hides the race).
"""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from govread.tui.app import GovreadApp
from govread.tui.browser.filter_bar import FilterBar
from govread.tui.compare.picker import ReportPicker
from govread.tui.dialogs.annotate import NoteDialog, TagDialog
from govread.tui.dialogs.export import ExportDialog

SIZE = (120, 40)


def quiet_app() -> GovreadApp:
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None
    return app


async def burst(pilot: Pilot[object], *keys: str) -> None:
    """Post `keys` to the app without waiting between them, then wait until all are handled."""
    app = pilot.app
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))
    for _ in range(5):
        await pilot.pause()


async def test_keys_after_slash_go_to_the_filter_not_to_the_browser(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        # "q" quits and "y" copies in the browser: typed after "/", they are letters
        await burst(pilot, "slash", "q", "u", "i", "t", "y")
        assert app.is_running and app.return_code is None
        field = app.browser.query_one(FilterBar).input
        assert app.focused is field
        assert field.value == "quity"


async def test_keys_after_c_hash_a_e_go_to_the_box_they_open(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await burst(pilot, "c", "宝", "鸡")
        assert isinstance(app.screen, ReportPicker)
        assert app.screen.query_one(Input).value == "宝鸡"
        await burst(pilot, "escape")
        await burst(pilot, "number_sign", "q", "y")
        assert isinstance(app.screen, TagDialog)
        assert app.screen.query_one("#tags-input", Input).value == "qy"
        await burst(pilot, "escape")
        await burst(pilot, "a", "q", "e")
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(TextArea).text == "qe"
        await burst(pilot, "escape")
        await pilot.press("space")  # a mark to export
        await burst(pilot, "e", "q", "y")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.path_input.value.endswith("qy")
        assert app.is_running


async def test_keys_after_a_key_that_closes_a_box_go_to_the_screen_beneath(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        field = app.browser.query_one(FilterBar).input
        # escape closes the picker: "/ab" typed behind it opens the filter and fills it
        await burst(pilot, "c", "宝", "鸡", "escape", "slash", "a", "b")
        assert app.screen is app.browser
        assert app.focused is field and field.value == "ab"
        await burst(pilot, "escape", "escape")
        assert app.screen is app.browser and app.focused is not field
        # enter closes the tag dialog (tagging the node); the keys behind it are the browser's
        await burst(pilot, "number_sign", "q", "y", "enter", "slash", "z")
        assert app.screen is app.browser
        assert field.value == "z"
        assert "qy" in app.marks.all_tags()
        await burst(pilot, "escape", "escape")
        # q closes help; the "?" behind it opens help again rather than being lost
        await burst(pilot, "question_mark", "q", "question_mark")
        assert app.screen is not app.browser and type(app.screen).__name__ == "HelpScreen"
        await burst(pilot, "q", "slash", "w")
        assert app.screen is app.browser and field.value == "w"
        assert app.is_running

"""The first frame costs only what it shows: breakpoint classes set before the first
styling, start-up objects kept out of full collections until the first load."""

from __future__ import annotations

import gc
import weakref

from textual.app import App, ComposeResult
from textual.widgets import Static

from govread.tui.app import GovreadApp
from govread.tui.localised import LocalisedScreen, breakpoint_class

BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (160, "-very-wide")]


def test_the_breakpoint_class_is_that_of_the_largest_breakpoint_reached() -> None:
    assert breakpoint_class(80, BREAKPOINTS) == "-narrow"
    assert breakpoint_class(100, BREAKPOINTS) == "-wide"
    assert breakpoint_class(200, BREAKPOINTS) == "-very-wide"
    assert breakpoint_class(50, [(60, "-wide")]) is None


class Probe(LocalisedScreen[None]):
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    def __init__(self) -> None:
        super().__init__()
        self.composed_with: set[str] = set()

    def compose(self) -> ComposeResult:
        self.composed_with = set(self.classes)  # before any Resize reached the screen
        yield Static("probe")


class ProbeApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Probe())


async def test_a_screen_is_styled_with_its_breakpoint_class_from_the_start() -> None:
    app = ProbeApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Probe)
        assert screen.composed_with == {"-wide"}
        await pilot.resize_terminal(80, 24)  # Textual still follows the size
        await pilot.pause()
        assert "-narrow" in screen.classes and "-wide" not in screen.classes


class _Node:
    me: object


async def test_what_start_up_froze_is_not_walked_at_the_first_load_and_freed_at_the_end(
    loaded,
) -> None:
    old = _Node()
    old.me = old  # a cycle alive at start-up: only the collector frees it
    alive = weakref.ref(old)
    app = GovreadApp()  # freezes what exists: full collections skip it
    del old
    gc.collect()
    assert alive() is not None
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        # the first load's collection walks what start-up made since, not all it froze
        # (a test worker's whole heap: 0.1 s and more at every start)
        assert alive() is not None
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # the browser gave everything back when it went
    gc.collect()
    assert alive() is None

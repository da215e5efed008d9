"""Fixtures for the TUI tests: a started app with its reports loaded."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet
from textual.geometry import Region
from textual.pilot import Pilot

from govread.tui.app import GovreadApp
from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.screen import CompareScreen


@pytest.fixture(autouse=True, scope="session")
def _stylesheets_parsed_once() -> Iterator[None]:
    """Each app parses its CSS (Textual's widgets' and govread's) into rules anew, about 6 %
    of a bare start's CPU; a worker starts hundreds of apps on the same CSS. Here the rules
    parsed from one CSS text with one set of variables (a theme's) are kept for the worker's
    other apps: a rule set is not changed once parsed (Textual's own per-app cache shares
    them the same way), and the key holds all that the parse reads."""
    parsed: dict[tuple[object, ...], list[RuleSet]] = {}
    parse = Stylesheet._parse_rules

    def parse_once(
        self: Stylesheet,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (
            css,
            read_from,
            is_default_rules,
            tie_breaker,
            scope,
            *sorted(self._variables.items()),
        )
        if (rules := parsed.get(key)) is None:
            rules = parsed[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", parse_once)
        yield


@pytest.fixture(autouse=True)
def _word_search_only_when_marked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jieba loads (seconds of CPU) only in tests marked ``word_search``, and at once there.

    The app loads it a second after the reports; a test running past that second would pay
    for it and compete with it for the CPU, while almost none needs it.
    """
    marked = request.node.get_closest_marker("word_search") is not None
    monkeypatch.setattr(GovreadApp, "WORD_SEARCH_DELAY", 0 if marked else None)


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


async def _palette_pick(pilot: Pilot[object], typed: str, expect: str | None = None) -> None:
    """In the open command palette: type `typed`, wait until the first command shown holds
    `expect` (default: `typed`; the palette searches in the background), then enter."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*typed)
    commands = palette.query_one(CommandList)
    wanted = (expect or typed).casefold()
    deadline = time.monotonic() + 30  # a bound, not a timing assertion

    def first() -> str:
        if not commands.option_count:
            return ""
        prompt = commands.get_option_at_index(0).prompt
        return str(getattr(prompt, "plain", prompt)).casefold()

    while wanted not in first():
        assert time.monotonic() < deadline, f"the palette never offered {wanted!r}"
        await pilot.pause(0.02)
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def palette_pick() -> Callable[..., Awaitable[None]]:
    """``await palette_pick(pilot, "expand all")``: choose a command in the open palette."""
    return _palette_pick


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: str
    markup: bool


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[Notice]:
    """Every notification raised during the test, in order. Read this, not the app's own
    list: that one drops a toast when it times out, which on a busy machine can happen
    before a slow start-up is over and the test looks."""
    seen: list[Notice] = []
    notify = App.notify

    def recording(self: App[object], message: str, **options: Any) -> None:
        seen.append(
            Notice(
                message,
                options.get("title", ""),
                options.get("severity", "information"),
                options.get("markup", True),
            )
        )
        notify(self, message, **options)

    monkeypatch.setattr(App, "notify", recording)
    return seen


def _screen_lines(app: App[object], region: Region | None = None) -> list[str]:
    """The active screen as a user sees it, one string a row (those of `region` only, cut
    to its columns): every layer composited (a toast over the widgets under it), a wide
    character once (its second cell is no text)."""
    strips = app.screen._compositor.render_strips()
    if region is not None:
        strips = [strip.crop(region.x, region.right) for strip in strips[region.y : region.bottom]]
    return ["".join(segment.text for segment in strip) for strip in strips]


@pytest.fixture
def screen_lines() -> Callable[..., list[str]]:
    """``screen_lines(app, region=None)``: what the terminal shows now, row by row."""
    return _screen_lines

"""The browser in one language at a time: the footer, the detail pane, help and the palette
speak Chinese when the language is zh and English when it is en."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable

import pytest
from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Footer

from govread.i18n import set_language
from govread.tui.app import GovreadApp
from govread.tui.dialogs.help import HelpScreen

Loaded = Callable[[Pilot[object]], Awaitable[None]]


def _footer(app: GovreadApp) -> list[str]:
    return [str(key.description) for key in app.screen.query_one(Footer).query("FooterKey")]


def _detail(app: GovreadApp) -> str:
    return app.browser.detail.plain_text


async def _palette_titles(pilot: Pilot[object]) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    commands = palette.query_one(CommandList)
    for _tick in range(200):  # the palette gathers its commands in the background
        if commands.option_count > 5:
            break
        await pilot.pause(0.02)
    titles = [
        str(getattr(option.prompt, "plain", option.prompt)).split("\n")[0]
        for option in (commands.get_option_at_index(i) for i in range(commands.option_count))
    ]
    placeholder = palette.query_one("CommandInput").placeholder  # type: ignore[attr-defined]
    await pilot.press("escape")
    return [str(placeholder), *titles]


@pytest.mark.parametrize(
    ("language", "footer", "detail", "palette", "help_text"),
    [
        ("zh", "帮助", "地区", "搜索命令…", "筛选语法"),
        ("en", "Help", "Region", "Search for commands…", "Filter queries"),
    ],
)
async def test_the_browser_speaks_one_language(
    loaded: Loaded, language: str, footer: str, detail: str, palette: str, help_text: str
) -> None:
    set_language(language)
    app = GovreadApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        shown = _footer(app)
        assert footer in shown
        assert ("筛选" if language == "zh" else "Filter") in shown
        assert f"{detail} " in _detail(app)  # the report's facts: 地区 咸宁市 …
        titles = await _palette_titles(pilot)
        assert titles[0] == palette
        assert footer in titles  # the palette's own "Help" command
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        console = Console(width=200, file=io.StringIO())
        with console.capture() as captured:
            console.print(help_screen.help_table)
        body = captured.get()
        assert help_text in body
        other = "Filter queries" if language == "zh" else "筛选语法"
        assert other not in body
        if language == "zh":  # the groups and the descriptions of the keys, too
            assert "提纲" in body and "正文窗格" in body and "全局" in body
            assert "Detail pane" not in body and "Everywhere" not in body


@pytest.mark.parametrize(("language", "words"), [("zh", "无匹配结果"), ("en", "No matches found")])
async def test_the_palette_says_nothing_matches_in_the_language(
    loaded: Loaded, language: str, words: str
) -> None:
    """Textual writes its "No matches found" itself: in Chinese too, where all else is."""
    set_language(language)
    app = GovreadApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"zzqxj")
        commands = palette.query_one(CommandList)
        for _tick in range(200):  # a bound: the palette says so half a second after searching
            if commands.option_count and commands.get_option_at_index(0).id == "--no-matches":
                break
            await pilot.pause(0.02)
        prompt = commands.get_option_at_index(0).prompt
        console = Console(width=100, file=io.StringIO())
        with console.capture() as captured:
            console.print(prompt)
        assert captured.get().strip() == words


@pytest.mark.parametrize("width", [80, 84])
async def test_the_palette_key_is_whole_at_any_width(loaded: Loaded, width: int) -> None:
    """Keys running under the docked ``^p 命令面板`` cut its wide characters into blanks
    (``^p   令面板`` at 80 columns): they are hidden instead."""
    set_language("zh")
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=(width, 24)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert _last_line(app).rstrip().endswith("^p 命令面板"), _last_line(app)
        assert "帮助" in _last_line(app)  # the keys before it are still there
        # the browser's footer is rebuilt beneath the help screen, and laid out later
        await pilot.press("question_mark")
        for _tick in range(100):  # a bound, not a timing: it is laid out within a few ticks
            await pilot.pause(0.02)
            if _last_line(app).rstrip().endswith("^p 命令面板"):
                break
        assert _last_line(app).rstrip().endswith("^p 命令面板"), _last_line(app)


def _last_line(app: GovreadApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for segment in strips[-1])


async def test_chinese_help_never_opens_a_line_with_a_closing_mark(loaded: Loaded) -> None:
    """The help screen's paragraphs wrap as Chinese is set: its intro left "。" alone on
    a line at 80 columns."""
    set_language("zh")
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body").query_one("Static")
        lines = [
            "".join(segment.text for segment in body.render_line(y)).split()
            for y in range(body.size.height)
        ]
        assert any("提纲" in words for words in lines)
        # a word opening with a closing mark opens a line (Chinese puts no space before one)
        opening = [w for words in lines for w in words if w[0] in "，。、；：！？）》」』”"]
        assert not opening, [" ".join(words) for words in lines]

"""Pasting into the browser as a terminal sends it: the bytes of a bracketed paste go
through Textual's terminal parser (`XTermParser`, as the driver's input thread does) to the
app. QA A2: an escape sequence inside a paste came out as keys (the filter read
``^[1m政府法治``; pasted with no box open, ``\\x1b[1mjjj`` opened the marks list). QA A3: a
paste beginning with a line break went into a text box as nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual._xterm_parser import XTermParser
from textual.pilot import Pilot
from textual.widgets import Input

from govread.tui import upstream_fixes
from govread.tui.app import GovreadApp
from govread.tui.dialogs.annotate import NoteDialog, TagDialog
from govread.tui.safe_input import pasted_line

Loaded = Callable[[Pilot[object]], Awaitable[None]]

START, END = "\x1b[200~", "\x1b[201~"


async def terminal(pilot: Pilot[object], *reads: str) -> None:
    """`reads` as the terminal's reads: parsed by Textual's parser, handed to the app by
    the driver, then handled."""
    driver = pilot.app._driver
    assert driver is not None
    parser = XTermParser()
    for read in reads:
        for message in parser.feed(read):
            driver.process_message(message)
        await pilot.pause()
    for _unused in range(3):
        await pilot.pause()


async def open_filter(pilot: Pilot[object]) -> Input:
    await pilot.press("slash")
    await pilot.pause()
    box = pilot.app.focused
    assert isinstance(box, Input)
    return box


@pytest.mark.parametrize(
    "reads",
    [
        (START + "法治\x1b[1m政府" + END,),
        (START + "法治\x1b", "[1m政", "府\x1b[20", "1~"),  # split across reads anywhere
    ],
)
async def test_a_pasted_escape_sequence_reaches_the_filter_whole_and_shown_escaped(
    loaded: Loaded, hostile: Any, reads: tuple[str, ...]
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        box = await open_filter(pilot)
        await terminal(pilot, *reads)
        assert box.value == "法治\\x1b[1m政府"
        hostile.assert_clean(app.export_screenshot())


async def test_a_pasted_tag_line_is_saved_whole_in_its_order(loaded: Loaded) -> None:
    """QA: the tags saved were ``^[31mred^]0``, ``T``, ``evilbad``."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[0].sections[0]
        await pilot.press("down", "number_sign")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await terminal(pilot, START + "bad\x1b[31mred\x1b]0;T\x07,\u202eevil" + END)
        await pilot.press("enter")
        await pilot.pause()
        tags = app.marks.annotation(section.id).tags
        assert "".join(tags) == "bad\\x1b[31mred\\x1b]0T\\x07\\u202eevil"
        assert tags[0].startswith("bad\\x1b[31mred") and tags[-1] == "\\u202eevil"


async def test_a_paste_with_no_box_open_runs_no_key(loaded: Loaded) -> None:
    """QA: with no box open, the keys in a paste ran (m the marks list, c the compare
    picker, j moved the cursor). One browser, one paste after another."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        before = outline.cursor_line
        for text in ("\x1b[1mjjj", "abc\x1b[1;5Hc", "\x1b[A\x1bm#c\x1b[B"):
            await terminal(pilot, START + text + END)
            assert app.screen is app.browser, repr(text)
            assert outline.cursor_line == before, repr(text)
            assert app.is_running


async def test_arrows_and_keys_around_a_paste_still_work(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        before = outline.cursor_line
        await terminal(pilot, "\x1b[B\x1b[B", "\x1b[B", "\x1b[A")
        assert outline.cursor_line == before + 2
        box = await open_filter(pilot)
        await terminal(pilot, "复议" + START + "\x1b[1m" + END + "案件\x1b[D\x1b[D", "x")
        assert box.value == "复议\\x1b[1mx案件"


# Pastes of lines into a one-line box, and what the box holds after each
LINES_INTO_ONE = (
    ("\r行政复议\r", "行政复议"),  # a terminal sends a pasted line break as CR
    ("\n\n执法\n", "执法"),
    ("\r\n一、行政复议\r\n  办理案件\r\n\r\n100\r\n件\r\n", "一、行政复议办理案件100件"),
    ("rule of\nlaw\n", "rule of law"),
    ("复议 ", "复议 "),  # one line: as it is
)


async def test_a_paste_of_lines_fills_a_one_line_box_with_its_text(loaded: Loaded) -> None:
    """QA A3: Textual's `Input` kept a paste's first line, so one beginning with a line
    break went in as nothing. A one-line box now gets the lines joined (as a wrapped
    paragraph is: nothing next to Chinese, a space between Latin words). One browser for
    all: escape clears the filter, so each paste goes into an empty box."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        for text, expected in LINES_INTO_ONE:
            box = await open_filter(pilot)
            assert box.value == ""
            await terminal(pilot, START + text + END)
            assert box.value == expected, repr(text)
            await pilot.press("escape")
            await pilot.pause()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依法行政\n", "依法行政"),
        ("\u2028复议\u2029应诉\x0b", "复议应诉"),  # Unicode's line breaks are line breaks
        ("受理案件1\n23件，纠错率\n 4.5%", "受理案件123件，纠错率4.5%"),
        ("Rule\r\nof law, \r\n\r\n the State\n Council", "Rule of law, the State Council"),
        ("推行ISO\n9001质量管理体\n系", "推行ISO9001质量管理体系"),  # Chinese: broken anywhere
        ("依据《条例》\nArticle 5 and\nArticle 6", "依据《条例》Article 5 and Article 6"),
        ("\n \n\t\n", ""),
        ("\t两个\t字段 ", "\t两个\t字段 "),  # one line: as it is (the box escapes the tabs)
    ],
)
def test_the_lines_of_a_paste_are_joined_as_a_wrapped_paragraph_is(
    text: str, expected: str
) -> None:
    assert pasted_line(text) == expected


@pytest.mark.parametrize("line_break", ["\n", "\r", "\r\n"])
async def test_the_note_box_keeps_a_pasted_paragraph_s_lines(
    loaded: Loaded, line_break: str
) -> None:
    """The note box keeps a paste's line breaks, as a terminal sends them too (CR: it
    showed as ``\\r`` on one line)."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await terminal(pilot, START + "第一行\x1b[1m\n第二行".replace("\n", line_break) + END)
        assert app.screen.area.text == "第一行\\x1b[1m\n第二行"


async def test_a_paste_past_the_limit_is_cut_with_a_notice(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upstream_fixes, "PASTE_LIMIT", 6)
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        box = await open_filter(pilot)
        await terminal(pilot, START + "法治政府建设年度报告" + END)
        assert box.value == "法治政府建设"
        notices = [n for n in app._notifications if n.title == "Paste cut"]
        assert len(notices) == 1 and "6" in notices[0].message and "4" in notices[0].message

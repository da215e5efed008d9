"""Pilot tests of the compare screen: picker, alignment, keys, marks, figures, and a snapshot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from govread.corpus import sample_paths
from govread.node_ids import outline_node_id
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen
from govread.tui.compare.column import EmptyCell, UnitCell
from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.screen import CompareScreen
from govread.tui.dialogs.help import HelpScreen

SIZE = (160, 45)


def _cell_texts(screen: CompareScreen, index: int, row: int) -> list[str]:
    column = screen.column(index)
    return [column.cells[i].content.plain for i in column.cells_in_row(row)]


def _rows_of(screen: CompareScreen, theme: str) -> list[int]:
    assert screen.pairwise is not None
    return [i for i, p in enumerate(screen.pairwise.pairs) if p.theme == theme]


async def _open_picker(pilot: Pilot[object]) -> ReportPicker:
    """The reports loaded, `c` pressed: the picker it opens."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, ReportPicker)
    return picker


async def test_c_picks_side_b_and_aligns_enforcement(open_compare, samples) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.reports[0].region == "咸宁市" and screen.reports[1].region == "宝鸡市"
        title = screen.query_one("#compare-title").content.plain
        assert "咸宁市 2023" in title and "宝鸡市 2023" in title
        # the header counts what is compared, not what is open ("5 reports: …")
        assert (screen.title, screen.sub_title) == ("Compare", "2 reports")
        rows = [r for r in _rows_of(screen, "enforcement") if not screen.pairwise.pairs[r].is_gap]
        assert rows, "no 行政执法 row with both sides"
        a_text = "\n".join(t for r in rows for t in _cell_texts(screen, 0, r))
        b_text = "\n".join(t for r in rows for t in _cell_texts(screen, 1, r))
        assert "综合行政执法改革实现新发展" in a_text
        assert "四、行政执法能力质效持续增强" in b_text
        header = screen.column(0).rows[rows[0]].query_one(".head").content.plain
        assert header.startswith("行政执法  similarity ")
        assert "shared " in header and "only 咸宁市 2023 " in header
        # the shared words once, on side A: B's header has its topic and its own words
        b_header = screen.column(1).rows[rows[0]].query_one(".head").content.plain
        assert b_header.startswith("行政执法  similarity ")
        assert "shared " not in b_header and "only 宝鸡市 2023 " in b_header
        # every row of A has its twin in B, on the same pair
        assert [r.row for r in screen.column(0).rows] == [r.row for r in screen.column(1).rows]


async def test_gap_row_says_where_the_side_names_the_topic_in_passing(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        # 宝鸡 has 突发事件应对; no text of 咸宁 covers it, but 一、(三)2.一是 names its 应急
        # (市交通运输、应急两支综合执法支队): not silent, and the cell says where
        (row,) = _rows_of(screen, "emergencies")
        (gap,) = [screen.column(0).cells[i] for i in screen.column(0).cells_in_row(row)]
        assert isinstance(gap, EmptyCell)
        shown = gap.content.plain
        assert "咸宁市 2023 names 突发事件应对 only in passing, within:" in shown
        assert "综合行政执法改革" in shown and "silent" not in shown
        assert isinstance(screen.column(1).cells[screen.column(1).cells_in_row(row)[0]], UnitCell)


async def test_picker_narrows_and_escape_cancels() -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        picker = await _open_picker(pilot)
        # side A (咸宁, under the cursor) is not offered
        assert [r.region for r in picker.shown] == ["泾县", "株洲市", "秦皇岛市", "宝鸡市"]
        await pilot.press(*"2024")
        await pilot.pause()
        assert [r.region for r in picker.shown] == ["株洲市"]
        assert picker.query_one(OptionList).option_count == 1
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"2023")
        await pilot.pause()
        assert [r.region for r in picker.shown] == ["秦皇岛市", "宝鸡市"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.reports[1].region == "宝鸡市"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)


async def test_brackets_move_between_themes(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        pairs = screen.pairwise.pairs
        assert screen.cursor_row() == 0
        seen = [pairs[0].theme]
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            row = screen.cursor_row()
            assert pairs[row].theme != seen[-1]
            assert row == 0 or pairs[row - 1].theme != pairs[row].theme  # first row of its theme
            seen.append(pairs[row].theme)
            # both sides go to the row, and the columns show it
            assert screen.cursor_row(1) == row
        assert seen == list(screen.comparison.theme_ids()[:4])
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert pairs[screen.cursor_row()].theme == seen[2]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.cursor_row() == 0
        await pilot.press("left_square_bracket")  # nothing before the first theme: stays
        await pilot.pause()
        assert screen.cursor_row() == 0


async def test_tab_switches_side_and_keeps_the_row(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.active == 0
        assert screen.column(0).has_class("-active")
        await pilot.press("down", "down", "down")  # A: 3 units down, into a later row
        await pilot.pause()
        row = screen.cursor_row()
        assert row > 0
        await pilot.press("tab")
        await pilot.pause()
        assert screen.active == 1
        assert screen.column(1).has_class("-active")
        assert not screen.column(0).has_class("-active")
        assert screen.cursor_row() == row
        status = screen.query_one("#compare-status").content.plain
        assert status.startswith("active 宝鸡市 2023")
        await pilot.press("tab")
        assert screen.active == 0


async def test_sync_keeps_the_columns_on_one_row_and_toggles(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_compare(pilot)
        a, b = screen.column(0), screen.column(1)
        assert screen.sync
        for _ in range(6):
            await pilot.press("right_square_bracket")
        await pilot.press("down", "down")
        await pilot.pause()
        await pilot.pause()
        assert a.scroll_y > 0 and b.scroll_y > 0

        def top_row(column) -> int:
            return next(
                i
                for i, r in enumerate(column.rows)
                if r.virtual_region.y + r.virtual_region.height > column.scroll_y
            )

        assert top_row(a) == top_row(b)
        await pilot.press("s")
        await pilot.pause()
        assert not screen.sync
        assert "sync off" in screen.query_one("#compare-status").content.plain
        before = b.scroll_y
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert a.scroll_y != 0 and b.scroll_y == before  # B stays where it was
        await pilot.press("s")  # on again: B catches up with A at once
        await pilot.pause()
        assert screen.sync
        assert top_row(a) == top_row(b)


async def test_figures_table_shows_every_report_at_80_columns(open_compare) -> None:
    """A long subject made the first column half the screen wide: the second report's
    column began off screen. Each column now takes at most its share."""
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("f")
        await pilot.pause()
        table = screen.query_one("#figures-table", DataTable)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= table.size.width, widths
        assert [cell.plain for cell in table.get_row_at(0)][1:] == [
            "100%  出庭应诉率",
            "95.08%  行政机关负责人出庭率",
        ]  # the cells keep their text (cut only where shown)


async def test_figures_table_fits_again_after_the_terminal_shrinks(open_compare) -> None:
    """QA: opened wide, then the terminal made 60 columns narrow, the figures kept the first
    column's wide share and the reports' columns began off screen. A resize shares the
    width again, the cursor's row kept."""
    app = GovreadApp()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("f")
        await pilot.pause()
        table = screen.query_one("#figures-table", DataTable)
        await pilot.press("j", "j")
        row = table.cursor_row
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= 60, widths
        assert table.cursor_row == row


async def test_figures_table_one_key_away(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("f")
        await pilot.pause()
        table = screen.query_one("#figures-table", DataTable)
        assert table.display and screen.query_one("#compare-figures").display
        assert app.focused is table
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["Figure", "咸宁市 2023", "宝鸡市 2023"]
        first = [cell.plain for cell in table.get_row_at(0)]
        # one indicator under two names: each side says its own words
        assert first == [
            "行政机关负责人出庭应诉率",
            "100%  出庭应诉率",
            "95.08%  行政机关负责人出庭率",
        ]
        comparison = screen.pairwise  # a row per pair, then one per figure left over
        assert table.row_count == len(comparison.figures_a) + len(comparison.figures_b) - len(
            comparison.figures
        )
        # j and k move as ↓ ↑ (QA walk: they did nothing, the screen's j being the text's)
        await pilot.press("j", "j", "k")
        await pilot.pause()
        assert table.cursor_row == 1
        await pilot.press("k", "k")
        await pilot.pause()
        assert table.cursor_row == 0
        await pilot.press("escape")  # closes the table, not the screen
        await pilot.pause()
        assert app.screen is screen
        assert not screen.query_one("#compare-figures").display
        assert screen.query_one("#compare-columns").display
        await pilot.press("f", "f")
        await pilot.pause()
        assert not screen.query_one("#compare-figures").display
        # enter on a figure: back to the browser, on the active side's figure of the row
        await pilot.press("f", "down", "enter")
        await pilot.pause()
        assert app.screen is app.browser
        place = outline_node_id(comparison.figures[1].a.node_id)
        assert app.browser.outline.cursor_node is app.browser.outline.node_for(place)


async def test_space_marks_the_unit_under_the_cursor(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        cell = screen.column(0).cells[0]
        node_id = cell.unit.node_id
        assert node_id not in app.marks
        await pilot.press("space")
        await pilot.pause()
        assert node_id in app.marks
        assert cell.content.plain.startswith("● ")
        # the other side: tab, then space marks B's unit of that row
        await pilot.press("tab", "space")
        await pilot.pause()
        b_cell = screen.column(1).cells[0]
        assert b_cell.unit.node_id in app.marks
        await pilot.press("tab", "space")  # unmark A's again
        await pilot.pause()
        assert node_id not in app.marks
        assert not cell.content.plain.startswith("●")


async def test_escape_returns_to_the_browser_intact(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        browser = app.browser
        before = (browser.outline.current_node, len(browser.outline.report_nodes()))
        screen = await open_compare(pilot)
        await pilot.press("right_square_bracket", "tab", "down")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is browser
        assert not screen.is_attached
        assert (browser.outline.current_node, len(browser.outline.report_nodes())) == before
        assert browser.detail.shown is before[0]


async def test_fewer_than_two_reports_is_a_notification() -> None:
    app = GovreadApp(paths=[sample_paths()[0]])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.reports) == 1
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert any("two open reports" in n.message for n in app._notifications)


MARKUP_A = """甲市2023年法治政府建设情况报告

2023年,甲市深入推进法治政府建设,取得新成效。

一、[bold]行政执法[/]更规范
全面推进严格规范公正文明执法,深化综合行政执法改革,开展行政执法案卷评查120件,行政执法人员培训3000人次。

二、字体:[   ]普法宣传
深入开展普法宣传教育,举办宪法宣传周活动,开展法治讲座45场。
"""

MARKUP_B = """乙县2023年法治政府建设情况报告

2023年,乙县持续推进法治政府建设。

一、行政执法[/]质效提升
规范行政执法行为,落实行政执法三项制度,行政执法案卷评查80件,执法人员培训1200人次。

二、存在的问题
基层执法力量薄弱。
"""


async def test_markup_in_headings_is_shown_as_written(open_compare, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(MARKUP_A, "utf-8")
    second.write_text(MARKUP_B, "utf-8")
    app = GovreadApp(paths=[first, second])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, name="乙县")
        a_text = "\n".join(c.content.plain for c in screen.column(0).cells)
        b_text = "\n".join(c.content.plain for c in screen.column(1).cells)
        assert "一、[bold]行政执法[/]更规范" in a_text
        assert "二、字体:[   ]普法宣传" in a_text
        assert "一、行政执法[/]质效提升" in b_text
        # and on screen, not just in the Text objects
        cell = screen.column(0).cells[0]
        lines = ["".join(s.text for s in cell.render_line(y)) for y in range(cell.size.height)]
        assert "[bold]行政执法[/]更规范" in "".join(lines)


async def test_help_lists_the_compare_keys(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 60)) as pilot:
        await open_compare(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {
            description.split(":")[0]
            for _, group in [(t, r) for t, r in _groups(app.screen)]
            for _, description in group
        }
        for wanted in ("Next topic", "Previous topic", "Column", "Mark", "Figures", "Sync", "Back"):
            assert wanted in rows
        # the hidden figures table's keys are not listed
        assert "DataTable" not in [title for title, _ in _groups(app.screen)]
        # QA: its first words described the browser's outline on every screen
        from rich.console import Console

        from govread.tui.dialogs.help import INTRO

        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.help_table)
        shown = console.export_text()
        assert "The compare screen sets the reports side by side" in shown
        assert INTRO[:30] not in shown


def _groups(help_screen: HelpScreen):
    from govread.tui.dialogs.help import binding_groups

    return binding_groups(help_screen._target)


def test_compare_snapshot(open_compare, snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    # the same config home as the browser's snapshots (nothing is written there)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/govread-snapshots/config")

    async def run_before(pilot: Pilot[object]) -> None:
        pilot.app.animation_level = "none"
        await open_compare(pilot)
        for _ in range(4):  # to the 行政执法 row
            await pilot.press("right_square_bracket")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    app = GovreadApp()
    app.animation_level = "none"
    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


async def test_loading_state_shows_while_comparing(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from govread.tui.compare import views as compare_views

    release = threading.Event()
    real_compare = compare_views.compare

    def slow_compare(*args, **kwargs):
        release.wait(10)
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(compare_views, "compare", slow_compare)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c", *"宝鸡", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and not screen.ready
        assert screen.query_one("#compare-loading").display
        assert not screen.query_one("#compare-columns").display
        note = screen.query_one("#compare-loading-note").content.plain
        assert note.startswith("Comparing 咸宁市 2023 with 宝鸡市 2023")
        assert screen.query_one("#compare-status").content.plain == "comparing…"
        await pilot.press("right_square_bracket", "space", "tab", "f")  # harmless meanwhile
        assert not app.marks
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.ready and screen.fill_seconds is not None
        assert not screen.query_one("#compare-loading").display
        assert screen.query_one("#compare-columns").display


async def test_a_failed_comparison_says_so_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from govread.tui.compare import views as compare_views

    def broken(*_args, **_kwargs):
        raise ValueError("the lexicon could not be read")

    monkeypatch.setattr(compare_views, "compare", broken)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c", *"宝鸡", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and not screen.ready
        note = screen.query_one("#compare-loading-note").content.plain
        assert note == "The comparison failed: ValueError: the lexicon could not be read"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)


async def test_page_down_moves_the_cursor_into_view(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        column = screen.column(0)
        cell = column.cells[screen._cursor[0]]
        top = column.rows[cell.row].virtual_region.y + cell.virtual_region.y
        assert column.scroll_y > 0
        assert column.scroll_y - 2 <= top + cell.virtual_region.height
        assert top < column.scroll_y + column.size.height


async def test_side_a_is_the_report_under_the_cursor_and_clicks_move_the_cursor(
    open_compare,
) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outline = app.browser.outline
        outline.move_cursor(outline.report_nodes()[4])  # 宝鸡
        await pilot.pause()
        screen = await open_compare(pilot, name="秦皇岛")
        assert (screen.reports[0].region, screen.reports[1].region) == ("宝鸡市", "秦皇岛市")
        target = screen.column(1).cells[1]
        await pilot.click(target)
        await pilot.pause()
        assert screen.active == 1 and screen._cursor[1] == 1
        assert target.has_class("-cursor")


async def test_a_theme_change_restyles_the_columns(open_compare) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        header = screen.column(0).rows[0].header
        before = header.content.spans[0].style
        app.theme = "govread-light"
        await pilot.pause()
        await pilot.pause()
        after = screen.column(0).rows[0].header.content.spans[0].style
        assert before != after
        assert header.content.plain.startswith("党的领导")


async def test_escape_while_comparing_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from govread.tui.compare import views as compare_views

    release = threading.Event()
    real_compare = compare_views.compare

    def slow_compare(*args, **kwargs):
        release.wait(10)
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(compare_views, "compare", slow_compare)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c", *"宝鸡", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.browser
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen is app.browser
        assert screen.comparison is None


async def test_a_secondary_cell_sets_the_answering_passage_apart(open_compare) -> None:
    # 咸宁 against 泾县: 泾县 §(五) is a chapter on 化解矛盾 that meets 咸宁's 法律援助 item as
    # a secondary subject; its 法律援助 sentence is styled apart from the rest of the chapter
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "泾县")
        column = screen.column(1)
        passage = column.style_of("compare--passage")
        shown = []
        for cell in column.cells:
            aligned = column.rows[cell.row].row.cells[1]
            if isinstance(cell, UnitCell) and aligned.secondary and aligned.passages:
                text = cell.content
                styled = [text.plain[s.start : s.end] for s in text.spans if s.style == passage]
                shown.append((cell.unit, styled))
        assert shown
        for unit, styled in shown:  # one stretch each, the passage of its row
            assert len(styled) == 1 and styled[0] in unit.text
        texts = [styled[0] for _, styled in shown]
        assert any(t.startswith("全年共受理法律援助案474件") for t in texts)
        # a unit that is in its own row is never styled so
        plain = [
            c
            for c in column.cells
            if isinstance(c, UnitCell) and not column.rows[c.row].row.cells[1].secondary
        ]
        assert plain and all(not any(s.style == passage for s in c.content.spans) for c in plain)


async def test_the_title_names_a_report_the_topics_do_not_fit(monkeypatch) -> None:
    """A 政府工作报告 set against a rule-of-law report: the title says, in a second line, that
    its rows are a rough guide; two reports of the genre keep a one-line title."""
    from govread.parsers import parse_text

    speech = parse_text(
        "各位代表：\n现在，我代表甲乙区人民政府，向大会报告政府工作，请予审议。\n"
        "一、2021年工作回顾\n过去一年，新建学校3所。\n",
        path="甲乙区.txt",
    )
    monkeypatch.setattr(CompareScreen, "run_comparison", lambda self: None)  # title only
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        sample = app.reports[0]
        await app.push_screen(CompareScreen(sample, speech))
        await pilot.pause()
        title = app.screen.query_one("#compare-title")
        lines = title.content.plain.splitlines()
        assert len(lines) == 2 and "政府工作报告" in lines[1]
        assert title.size.height == 2
        app.pop_screen()
        await app.push_screen(CompareScreen(sample, app.reports[4]))
        await pilot.pause()
        assert len(app.screen.query_one("#compare-title").content.plain.splitlines()) == 1


async def test_a_target_in_the_figures_table_is_marked_and_kept_from_results(open_compare) -> None:
    # QA: 咸宁 (its 出庭应诉率 achieved, and one planned) against 泾县 (planned only, under its
    # 2023年度工作安排): the achieved rate was set beside 泾县's plan as if both were results
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "泾县")
        await pilot.press("f")
        await pilot.pause()
        table = screen.query_one("#figures-table", DataTable)
        rows = [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]
        court = [row for row in rows if "出庭应诉率" in row[0]]
        assert ["行政机关负责人出庭应诉率", "target 100%", "target 100%"] in [
            [row[0], row[1].split("  ")[0], row[2].split("  ")[0]] for row in court
        ]
        # 咸宁's achieved 100% stands alone, unmarked
        assert any(row[1].startswith("100%") and row[2] == "—" for row in court)


async def test_the_picker_tells_reports_of_one_label_apart_by_their_files(
    tmp_path: Path,
) -> None:
    """QA: two files of one place, year and title (a .docx and a .txt of 龙华 2019, one
    edited) were two identical lines in the picker. Their file names tell them apart; a
    label of one report stays as it was."""
    samples = {Path(p).name: Path(p) for p in sample_paths()}
    xianning = next(p for name, p in samples.items() if name.startswith("000"))
    baoji = next(p for name, p in samples.items() if name.startswith("004"))
    (tmp_path / "a.txt").write_bytes(xianning.read_bytes())
    (tmp_path / "b1.txt").write_bytes(baoji.read_bytes())
    (tmp_path / "b2.txt").write_bytes(baoji.read_bytes() + "\n鲟鳇测试专用的另一句。\n".encode())
    (tmp_path / "c.txt").write_bytes(
        next(p for n, p in samples.items() if n.startswith("001")).read_bytes()
    )
    app = GovreadApp([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        picker = await _open_picker(pilot)
        options = picker.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        baoji_lines = [p for p in prompts if "宝鸡" in p]
        assert len(baoji_lines) == 2 and baoji_lines[0] != baoji_lines[1]
        assert {"b1.txt", "b2.txt"} == {p.split()[-1] for p in baoji_lines}
        assert not [p for p in prompts if "泾县" in p and ".txt" in p]


async def test_enter_goes_to_a_unit_the_filter_hides(open_compare) -> None:
    """QA walk: with the outline filtered (/复议), enter on a unit the filter left out said
    "That report is not in the outline" (its report was on screen) and went nowhere. The
    filter is cleared, as escape clears it, and the cursor goes to the unit."""
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"复议")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.browser.filtering.active
        screen = await open_compare(pilot)
        node_id = screen.column(0).cells[0].unit.node_id
        assert app.browser.outline.node_for(node_id) is None  # not a hit: not in the outline
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.browser
        assert not app.browser.filtering.active
        node = app.browser.outline.node_for(node_id)
        assert node is not None and app.browser.outline.cursor_node is node
        said = [n.message for n in app._notifications]
        assert not any("not in the outline" in message for message in said)


async def test_two_reports_of_one_place_and_year_are_told_apart_by_their_files() -> None:
    """QA walk: 通山县's government report and its 司法局's, both of 2022, were compared as
    "A 通山县 2022 ⇄ B 通山县 2022": the status ("active 通山县 2022"), the keywords ("only
    通山县 2022") and the silent cells could not say which. As in the picker, a label two
    reports share is followed by the file's name."""
    years = Path(__file__).parents[1] / "fixtures" / "years"
    app = GovreadApp([years / "tongshan_2022.txt", years / "tongshan_2022_sifaju.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        app.push_screen(CompareScreen(*app.library.reports))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.ready
        assert screen.labels == (
            "通山县 2022 tongshan_2022.txt",
            "通山县 2022 tongshan_2022_sifaju.txt",
        )
        title = screen.query_one("#compare-title").content.plain
        assert "tongshan_2022.txt" in title and "tongshan_2022_sifaju.txt" in title
        status = screen.query_one("#compare-status").content.plain
        assert "active 通山县 2022 tongshan_2022.txt" in status

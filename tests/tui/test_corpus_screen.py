"""The corpus screen: open it with `t`, sort, filter, jump to the text, export."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input, Static

from govread.i18n import set_language
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen
from govread.tui.corpus.ask import AskIndicator
from govread.tui.corpus.export import TableExportDialog
from govread.tui.corpus.grid import MAX_COLUMN_WIDTH, Grid
from govread.tui.corpus.screen import SORT_MARK_CELLS, CorpusScreen
from govread.tui.dialogs.confirm import ConfirmDialog

Loaded = Callable[[Pilot[object]], Awaitable[None]]


async def open_tables(pilot: Pilot[object], loaded: Loaded) -> CorpusScreen:
    await loaded(pilot)
    await pilot.press("t")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CorpusScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert screen.ready
    return screen


def labels(table: Grid) -> list[str]:
    return [str(row[0]) for row in table.rows]


async def cursor_to_column(pilot: Pilot[object], table: Grid, key: str) -> None:
    table.move_cursor(column=table.column_index(key))
    await pilot.pause()


async def test_a_cut_header_keeps_its_sort_arrow(loaded: Loaded) -> None:
    """A header too wide for its column with its arrow (行政机关负责人出庭应诉率 ▲) is cut in
    its label: the arrow stays, both ways round."""
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        table = screen.table("indicators")
        widest = max(table.columns, key=lambda column: cell_len(column.label.plain))
        assert cell_len(widest.label.plain) + SORT_MARK_CELLS > MAX_COLUMN_WIDTH
        await cursor_to_column(pilot, table, widest.key)
        arrows = []
        for _way in range(2):
            await pilot.press("s")
            await pilot.pause()
            header = table.render_line(0).text
            assert widest.label.plain[:4] in header
            shown = [arrow for arrow in "▲▼" if f"… {arrow}" in header]  # the label cut
            assert len(shown) == 1, header
            arrows += shown
        assert sorted(arrows) == ["▲", "▼"]


async def test_open_sort_and_filter(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        assert (screen.title, screen.sub_title) == ("Corpus tables", "5 reports")
        table = screen.table("indicators")
        assert table.row_count == 5
        assert labels(table) == [
            "咸宁市 2023",
            "泾县 2022",
            "株洲市 2024",
            "秦皇岛市 2023",
            "宝鸡市 2023",
        ]
        # sort by the report column (by region, in code-point order), then the other way
        await pilot.press("s")
        by_region = ["咸宁市 2023", "宝鸡市 2023", "株洲市 2024", "泾县 2022", "秦皇岛市 2023"]
        assert labels(table) == by_region
        await pilot.press("s")
        assert labels(table) == by_region[::-1]
        assert table.columns[0].mark is not None and "▼" in table.columns[0].mark.plain
        # the filter narrows every table by region or year
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"2023")
        await pilot.pause()
        assert labels(table) == ["秦皇岛市 2023", "宝鸡市 2023", "咸宁市 2023"]
        assert screen.sub_title == "3 of 5 reports"  # how many of how many, not all five
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("3")
        await pilot.pause()
        checklist = screen.table("checklist")
        assert screen.active_tab == "checklist" and checklist.row_count == 3
        # sort the checklist by publication date, latest first: 宝鸡 (2024-04-01)
        await cursor_to_column(pilot, checklist, "published")
        await pilot.press("s")
        assert labels(checklist)[0] == "宝鸡市 2023"
        evidence = str(app.screen.query_one("#checklist-evidence", Static).render())
        assert "late" in evidence


async def test_sort_an_indicator_and_chart(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        table = screen.table("indicators")
        indicator = screen.indicators[0]
        await cursor_to_column(pilot, table, f"i:{indicator}")
        await pilot.press("s")
        holders = [e for e in screen.shown["indicators"] if e.figure(indicator)]
        values = [e.figure(indicator)["value"] for e in holders]  # type: ignore[index]
        assert values == sorted(values, reverse=True)  # largest first
        assert screen.shown["indicators"][: len(holders)] == holders  # the others last
        chart = str(screen.query_one("#indicator-chart", Static).render())
        assert indicator in chart and "█" in chart


async def test_enter_jumps_to_the_evidence(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        await pilot.press("3")
        await pilot.pause()
        checklist = screen.table("checklist")
        await cursor_to_column(pilot, checklist, "shortcomings")  # 咸宁: 二、下一步工作安排
        await pilot.press("enter")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        node = browser.outline.current_node
        assert node is not None and getattr(node, "id", None) == "623c7165bdb7/2"


async def test_enter_on_a_figure_goes_to_its_item(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        table = screen.table("indicators")
        entry = screen.shown["indicators"][0]  # 咸宁
        indicator = next(i for i in screen.indicators if i in entry.first)
        await cursor_to_column(pilot, table, f"i:{indicator}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        node = app.screen.outline.current_node
        target = str(entry.first[indicator]["node"])
        expected = target if "/preamble" not in target and "/closing" not in target else target[:12]
        assert node is not None and getattr(node, "id", None) == expected


async def test_a_table_named_xlsx_is_refused_not_written_as_csv(
    loaded: Loaded, tmp_path: Path
) -> None:
    """QA: `table.xlsx` was written as CSV, which Excel refuses to open under that name."""
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await open_tables(pilot, loaded)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TableExportDialog)
        dialog.path_input.value = str(tmp_path / "table.xlsx")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and list(tmp_path.iterdir()) == []
        assert any(
            n.message == "table.xlsx: this export does not write .xlsx files; end the name in "
            ".csv, .jsonl, .json or .toml"
            for n in app._notifications
        )


async def test_export_csv_jsonl_toml(loaded: Loaded, tmp_path: Path) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        await pilot.press("3")
        await pilot.pause()
        for name in ("check.csv", "check.jsonl", "check.toml"):
            await pilot.press("e")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, TableExportDialog)
            dialog.path_input.value = str(tmp_path / name)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen
        raw = (tmp_path / "check.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert [r["region"] for r in rows][:2] == ["咸宁市", "泾县"] and len(rows) == 5
        lines = (tmp_path / "check.jsonl").read_text("utf-8").splitlines()
        assert json.loads(lines[4])["on_time"] is False  # 宝鸡
        data = tomllib.loads((tmp_path / "check.toml").read_text("utf-8"))
        assert len(data["check"]) == 5
        # an existing file is replaced only after asking
        before = (tmp_path / "check.csv").read_bytes()
        await pilot.press("1")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TableExportDialog)
        dialog.path_input.value = str(tmp_path / "check.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert (tmp_path / "check.csv").read_bytes() == before


async def test_escape_goes_back_and_palette_lists_it(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tables(pilot, loaded)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Corpus tables" in commands


async def test_keys_move_the_cursor_and_the_report_column_stays(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tables(pilot, loaded)
        grid = screen.table("indicators")
        await pilot.press("end")
        assert grid.cursor_row == grid.row_count - 1
        await pilot.press(*["right"] * 12)
        await pilot.pause()
        assert grid.cursor_column == 12 and grid.scroll_offset.x > 0
        header = grid.render_line(0).text
        assert header.startswith(" report")  # fixed while the indicators scroll
        assert screen.indicators[11] in header  # the column under the cursor is in view
        await pilot.press("home", "left", "up")
        assert (grid.cursor_row, grid.cursor_column) == (0, 11)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_filter_says_what_it_filters_whole_at_80x24(
    loaded: Loaded, screen_lines, language: str
) -> None:
    """QA: at 80 columns the filter's placeholder ran past the box's edge."""
    set_language(language)
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tables(pilot, loaded)
        box = screen.query_one("#corpus-filter", Input)
        said = str(box.placeholder)
        assert "2023" in said
        row = screen_lines(app)[box.content_region.y]
        assert said in row


async def test_a_footer_key_cut_only_in_its_blank_after_still_shows_at_80x24(
    loaded: Loaded, screen_lines
) -> None:
    """The footer hides a key that does not fit whole; ``i Indicator`` at 80 columns loses
    only the blank after its words, and stays."""
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tables(pilot, loaded)
        await pilot.pause()
        assert "e Export  i Indicator▏" in screen_lines(app)[-1]


async def test_a_researcher_asks_for_one_indicator_sorts_and_writes_it(
    loaded: Loaded, tmp_path: Path
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"出庭应诉率", "enter")
        await pilot.pause()
        grid = screen.table("indicators")
        assert grid.columns[1].key == "i:出庭应诉率" and grid.cursor_column == 1
        await pilot.press("s")  # largest first; reports without it last
        cells = {str(row[0]): str(row[1]) for row in grid.rows}
        # 咸宁 reports its 100% (its 下一步 repeats it as a plan); 泾县's only one is
        # 确保行政机关负责人出庭应诉率100% in next year's plans: a target, shown marked
        assert cells["咸宁市 2023"] == "100%" and cells["泾县 2022"] == "target 100%"
        # 宝鸡 writes 行政机关负责人出庭率, another name of the indicator asked for
        assert cells["宝鸡市 2023"] == "95.08%"
        assert [str(r[1]) for r in grid.rows][-1] == ""
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TableExportDialog)
        dialog.path_input.value = str(tmp_path / "出庭.csv")
        await pilot.press("enter")
        await pilot.pause()
        raw = (tmp_path / "出庭.csv").read_bytes()
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        court = [r for r in rows if r["indicator"] == "出庭应诉率"]
        assert {r["region"] for r in court} >= {"咸宁市", "泾县", "宝鸡市"}
        assert {r["target"] for r in court if r["region"] == "泾县"} == {"true"}
        assert all(r["subject"].endswith(("出庭应诉率", "出庭率")) for r in court)


async def test_the_tables_stay_in_view_dimmed_behind_the_indicator_dialog(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await open_tables(pilot, loaded)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskIndicator)
        assert 0 < dialog.styles.background.a < 1  # tinted, not opaque: the screen shows through
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "咸宁市" in shown and "Show an indicator" in shown  # the tables and the dialog


async def test_the_report_column_is_named_in_the_interface_language(loaded: Loaded) -> None:
    from govread.i18n import set_language

    set_language("zh")
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tables(pilot, loaded)
        assert screen.table("indicators").columns[0].label.plain == "报告"
        assert (screen.title, screen.sub_title) == ("汇总表", "5 份报告")


async def test_a_broken_indicators_file_is_said_once(loaded: Loaded) -> None:
    """QA: the corpus tables, compare's figures and the timeline used the bundled indicators
    alone, without a word, when the user's indicators.toml could not be used."""
    from govread import indicators
    from govread.config import config_dir

    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "indicators.toml").write_text("[[indicator]]\nname = [\n", "utf-8")
    indicators.reload()
    app = GovreadApp()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_tables(pilot, loaded)
            said = [n for n in app._notifications if "indicators.toml" in n.message]
            assert len(said) == 1 and said[0].severity == "warning"
            await pilot.press("escape")
            await pilot.pause()
            await open_tables(pilot, loaded)
            assert len([n for n in app._notifications if "indicators.toml" in n.message]) == 1
    finally:
        indicators.reload()


@pytest.mark.parametrize(
    ("language", "three", "one", "all_five"),
    [
        ("en", "3 of 5 reports", "1 of 5 reports", "5 reports"),
        ("zh", "5 份报告中的 3 份", "5 份报告中的 1 份", "5 份报告"),
    ],
)
async def test_the_title_counts_the_reports_a_filter_leaves(
    loaded: Loaded, language: str, three: str, one: str, all_five: str
) -> None:
    """The subtitle says how many reports are shown of how many, in either language, on
    every tab: it kept the whole count while the filter left a few rows."""
    set_language(language)
    app = GovreadApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        assert screen.sub_title == all_five
        await pilot.press("slash", *"2023")
        await pilot.pause()
        assert screen.table().row_count == 3 and screen.sub_title == three
        await pilot.press("space", *"湖北")
        await pilot.pause()
        assert screen.table().row_count == 1 and screen.sub_title == one
        await pilot.press("enter", "3")  # another tab, filled for the same filter
        await pilot.pause()
        assert screen.active_tab == "checklist" and screen.sub_title == one
        await pilot.press("slash", *["backspace"] * 7, "enter")
        await pilot.pause()
        assert screen.table().row_count == 5 and screen.sub_title == all_five


async def test_an_unknown_publication_date_is_said_in_the_interface_language(
    loaded: Loaded, tmp_path: Path
) -> None:
    """QA walk (zh): the checklist's published column read `unknown` in English beside
    `不详` in its on-time column."""
    sample = Path(__file__).parents[2] / "sample_reports" / "000_a2921691a043be3c.txt"
    lines = sample.read_text("utf-8").splitlines()
    assert lines[-1] == "2024年2月29日"  # the signature's date, the only one it gives
    (tmp_path / "undated.txt").write_text("\n".join(lines[:-1]) + "\n", "utf-8")
    set_language("zh")
    app = GovreadApp([tmp_path])
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tables(pilot, loaded)
        await pilot.press("3")
        await pilot.pause()
        (row,) = screen.table("checklist").rows
        cells = [cell.plain for cell in row]
        assert cells[-2:] == ["不详", "不详"]


async def test_q_goes_back_as_on_the_compare_and_timeline_screens(loaded: Loaded) -> None:
    """QA walk: `q` closes the compare screen, the timeline, the help and the marks list,
    but did nothing on the corpus tables; in the filter box it is still a letter."""
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tables(pilot, loaded)
        await pilot.press("slash", "q")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#corpus-filter", Input).value == "q"
        await pilot.press("enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)


async def test_a_filter_that_leaves_no_report_names_the_indicator_under_the_cursor(
    loaded: Loaded,
) -> None:
    """QA walk: with the cursor on an indicator's column, a filter matching no report put
    "Move to an indicator's column to see it across the reports." under the table."""
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tables(pilot, loaded)
        table = screen.table("indicators")
        indicator = screen.indicators[0]
        await cursor_to_column(pilot, table, f"i:{indicator}")
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        assert table.row_count == 0
        chart = str(screen.query_one("#indicator-chart", Static).render())
        assert indicator in chart and "no report shown has it" in chart
        assert "Move to an indicator's column" not in chart


async def test_the_chart_scrolls_with_j_and_k_once_focused(loaded: Loaded) -> None:
    """QA: the bar chart, reached with tab, scrolled with the arrows but not with j / k
    (the keys every other text of the app scrolls with)."""
    from govread.tui.corpus.screen import ChartScroll

    app = GovreadApp()
    async with app.run_test(size=(80, 16)) as pilot:
        screen = await open_tables(pilot, loaded)
        table = screen.table("indicators")
        await cursor_to_column(pilot, table, f"i:{screen.indicators[0]}")
        box = screen.query_one("#chart-box", ChartScroll)
        box.focus()
        await pilot.pause()
        assert box.max_scroll_y > 0  # (the test needs a chart taller than its box)
        await pilot.press("j")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0

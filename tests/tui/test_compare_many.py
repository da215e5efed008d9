"""Pilot tests of comparing several reports: the picker's multi-select and the N-column screen.

The three short reports of tests/fixtures/multi keep these quick (a column of a bundled
sample is hundreds of widgets to lay out at every key); the snapshot shows four samples.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from textual.containers import HorizontalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList
from textual.widgets._toast import Toast

from govread.corpus import sample_paths
from govread.tui.app import GovreadApp
from govread.tui.compare.column import EmptyCell
from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.screen import MIN_COLUMN, CompareScreen
from govread.tui.dialogs.export import ExportDialog

FIXTURES = Path(__file__).parents[1] / "fixtures" / "multi"
THREE = [FIXTURES / name for name in ("甲市2023.txt", "乙市2023.txt", "丙县2023.txt")]


async def _ready(pilot: Pilot[object]) -> CompareScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert screen.ready
    return screen


async def _open_many(pilot: Pilot[object], count: int) -> CompareScreen:
    """The first `count` open reports on the N-column screen (pushed as the picker does)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, GovreadApp)
    app.push_screen(CompareScreen(*list(app.library.reports)[:count]))
    await pilot.pause()
    return await _ready(pilot)


async def test_space_chooses_several_and_enter_opens_one_column_each(loaded) -> None:
    app = GovreadApp(THREE)
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        await pilot.press("c")  # the cursor is on 甲市, the first report
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReportPicker)
        assert [r.region for r in picker.shown] == ["乙市", "丙县"]
        await pilot.press("space")  # empty query: space toggles the highlighted report
        assert [r.region for r in picker.toggled] == ["乙市"]
        await pilot.press(*"丙县")  # typing: space is part of the query …
        await pilot.press("space")
        assert picker.query_one(Input).value == "丙县 "
        assert [r.region for r in picker.shown] == ["丙县"]
        await pilot.press("down", "space")  # … until ↓ moves into the list
        assert [r.region for r in picker.toggled] == ["乙市", "丙县"]
        assert "2 chosen" in picker.query_one("#picker-note").content.plain
        assert "✓" in str(picker.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("space")  # toggled again: out
        assert [r.region for r in picker.toggled] == ["乙市"]
        await pilot.press("space", "enter")
        screen = await _ready(pilot)
        assert [r.region for r in screen.reports] == ["甲市", "乙市", "丙县"]
        title = screen.query_one("#compare-title").content.plain
        assert title == "1 甲市 2023  ·  2 乙市 2023  ·  3 丙县 2023"
        rows = [[r.row for r in column.rows] for column in screen.columns]
        assert rows[0] == rows[1] == rows[2] == list(screen.comparison.rows)


async def _laid_out_toast(pilot: Pilot[object]) -> Toast:
    for _tick in range(100):  # a bound, not a timing: on a busy machine it comes later
        await pilot.pause(0.02)
        toasts = pilot.app.screen.query(Toast)
        if toasts and toasts.first().region.area:
            break
    return pilot.app.screen.query(Toast).first()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_pickers_keys_are_whole_and_no_toast_hides_them(
    loaded, screen_lines, size: tuple[int, int]
) -> None:
    """QA: at 80 columns the picker's line of keys was cut ("ctrl+t its place's …"), and a
    toast sat on it."""
    app = GovreadApp(THREE)
    async with app.run_test(size=size, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReportPicker)
        app.notify("Exported 12 marks to /tmp/a-rather-long-folder/notes.toml", title="Export")
        toast = await _laid_out_toast(pilot)
        hint = picker.query_one("#picker-hint")
        said = hint.render().plain  # type: ignore[union-attr]
        assert "chooses several" in said and "cancels" in said
        assert not toast.region.overlaps(hint.region)
        shown = "".join(screen_lines(app, hint.region))
        assert "".join(said.split()) == "".join(shown.split())


async def test_columns_keys_rows_and_silent_cells(tmp_path: Path) -> None:
    app = GovreadApp(THREE)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open_many(pilot, 3)
        comparison = screen.comparison
        assert comparison is not None and len(screen.columns) == 3
        await pilot.press("tab")
        assert screen.active == 1
        await pilot.press("shift+tab", "shift+tab")  # round to the last column
        assert screen.active == 2
        await pilot.press("tab")
        assert screen.active == 0
        await pilot.press("right_square_bracket")
        row = screen.cursor_row()
        assert row is not None and row > 0
        assert comparison.rows[row].theme != comparison.rows[0].theme
        assert {screen.cursor_row(i) for i in range(3)} == {row}  # every column on it
        await pilot.press("down")
        assert screen.cursor_row() is not None
        # each empty cell says why, as the two-report screen does
        for index, column in enumerate(screen.columns):
            for cell in column.cells:
                if not isinstance(cell, EmptyCell):
                    continue
                text = cell.content.plain
                theme = comparison.rows[cell.row].theme_name
                expected = {
                    "silent": f"is silent on {theme}"
                    if comparison.rows[cell.row].theme != "other"
                    else "has no text outside the topics",
                    "elsewhere": f"speaks of {theme} only within:",
                    "unlike": f"speaks of {theme} in another row",
                    "passing": f"names {theme} only in passing, within:",
                }[cell.cell.status]
                assert text.startswith(f"{screen.labels[index]} {expected}")
                # which reports have text in the row (their columns may be out of view)
                holders = [
                    label
                    for label, each in zip(
                        screen.labels, comparison.rows[cell.row].cells, strict=True
                    )
                    if each.units
                ]
                assert f"In this row: {' · '.join(holders)}" in text
        statuses = {
            c.cell.status for col in screen.columns for c in col.cells if isinstance(c, EmptyCell)
        }
        assert "silent" in statuses
        # space marks the unit under the active column's cursor
        await pilot.press("tab")
        column = screen.column(1)
        cell = column.cells[screen._cursor[1]]
        assert cell.unit is not None and cell.unit.kind != "closing"
        await pilot.press("space")
        await pilot.pause()
        assert cell.unit.node_id in app.marks
        assert cell.content.plain.startswith("● ")
        # e: only the rows holding the marked unit, every report's cell, as CSV here
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "rows.csv"
        dialog.path_input.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        records = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
        marked_rows = {r["row"] for r in records}
        assert len(records) == 3 * len(marked_rows) and marked_rows
        assert any(cell.unit.node_id in r["ids"] for r in records)
        # f: the figures, one column per report; escape closes them, then the screen
        await pilot.press("f")
        table = screen.query_one("#figures-table", DataTable)
        figures = screen.query_one("#compare-figures")
        assert figures.display and len(table.columns) == 4
        assert table.row_count == len(comparison.figures)
        first = [cell.plain for cell in table.get_row_at(0)]
        shared = comparison.shared_figures[0]
        assert first[0] == shared.label
        assert sum(text != "—" for text in first[1:]) == shared.present >= 2
        await pilot.press("escape")
        assert not figures.display and isinstance(app.screen, CompareScreen)
        # enter: back to the browser, its cursor on the unit under the column's cursor
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.browser
        assert app.browser.outline.cursor_node is app.browser.outline.node_for(cell.unit.node_id)


async def test_columns_scroll_sideways_when_they_do_not_fit() -> None:
    app = GovreadApp(THREE)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await _open_many(pilot, 3)  # 3 × 36 cells do not fit in 80
        strip = screen.query_one("#compare-columns", HorizontalScroll)
        for width, scrolls in ((80, True), (200, False)):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            assert (strip.max_scroll_x > 0) is scrolls, width
            widths = [pane.outer_size.width for pane in screen.panes]
            assert min(widths) >= MIN_COLUMN and (sum(widths) == width) is not scrolls, widths
            await pilot.press("tab", "tab")
            await pilot.pause()
            assert screen.active == 2
            # the active column is in view: its left edge inside the strip's
            assert strip.region.x <= screen.column(2).region.x < strip.region.right
            label = screen.panes[2].query_one(".column-label")
            assert label.has_class("-active")
            assert not screen.panes[0].query_one(".column-label").has_class("-active")
            assert label.content.plain == "3 丙县 2023"
            assert (strip.scroll_x > 0) is scrolls, width
            await pilot.press("tab")  # round to the first again
            await pilot.pause()
            assert screen.active == 0 and strip.scroll_x == 0


async def test_the_status_line_of_three_reports_is_whole_at_80x24(screen_lines) -> None:
    """QA: at 80 columns the counts of a three-report comparison ran past the line's end."""
    app = GovreadApp(THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_many(pilot, 3)
        status = screen.query_one("#compare-status")
        said = status.render().plain  # type: ignore[union-attr]
        assert "shared figure" in said and len(said) > 80  # longer than the line
        shown = "".join(screen_lines(app, status.region))
        assert "".join(said.split()) == "".join(shown.split())


def test_four_reports_snapshot(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/govread-snapshots/config")

    async def run_before(pilot: Pilot[object]) -> None:
        pilot.app.animation_level = "none"
        await _open_many(pilot, 4)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    app = GovreadApp()
    app.animation_level = "none"
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


async def test_e_writes_json_as_govread_compare_does(tmp_path: Path) -> None:
    """The N-column screen's export takes a .json name too: the CLI's JSON of the rows."""
    import json

    from govread.compare_export import render_many

    app = GovreadApp(THREE)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open_many(pilot, 3)
        comparison = screen.comparison
        assert comparison is not None
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.path_input.value = str(tmp_path / "rows.json")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    written = (tmp_path / "rows.json").read_text("utf-8")
    assert written == render_many(comparison, "json")
    document = json.loads(written)
    assert document["schema"] == "govread-compare-many/1"
    assert len(document["rows"]) == len(comparison.rows)
    assert [r["label"] for r in document["reports"]] == list(screen.labels)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_pickers_note_and_last_report_stay_in_its_box(
    loaded, size: tuple[int, int]
) -> None:
    """QA walk: with eight reports to pick from at 80×24, the list kept its 14 lines inside a
    box of 19: its last reports and the note under it (`1 chosen  enter compares 2 reports`)
    were cut off by the box's edge, and ↓ took the highlight out of sight."""
    years = Path(__file__).parents[1] / "fixtures" / "years"
    app = GovreadApp([*sample_paths(), years])
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReportPicker)
        options = picker.query_one(OptionList)
        assert options.option_count >= 8
        await pilot.press(*["down"] * options.option_count, "space")
        await pilot.pause()
        box = picker.query_one("#picker").content_region
        note = picker.query_one("#picker-note")
        assert "1 chosen" in note.content.plain
        assert box.contains_region(note.region)
        assert box.contains_region(options.region)
        last = options.get_option_at_index(options.option_count - 1)
        assert options.highlighted == options.option_count - 1 and last is not None
        # the highlighted (last) option is scrolled into the list's view
        assert options.scroll_offset.y + options.scrollable_content_region.height >= (
            options.virtual_size.height
        )

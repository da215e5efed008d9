"""Pilot tests of the timeline screen (one place over the years) and a snapshot of it, on the
hand-checked 通山县 case (tests/fixtures/years)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, ProgressBar, Static

from govread.tui.app import GovreadApp
from govread.tui.compare.picker import ReportPicker
from govread.tui.timeline.screen import TimelineDetail, TimelineScreen

FIXTURES = Path(__file__).parents[1] / "fixtures" / "years"
SIZE = (140, 40)


def _app() -> GovreadApp:
    app = GovreadApp([FIXTURES])
    app.animation_level = "none"
    return app


async def _open_from_palette(pilot: Pilot[object], palette_pick) -> TimelineScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await palette_pick(pilot, "timeline", "timeline of this place")
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert screen.ready
    return screen


async def _open_directly(pilot: Pilot[object]) -> TimelineScreen:
    """The timeline of the report under the cursor, as the palette's command opens it
    (the palette itself, about three seconds, is tested once)."""
    from govread.tui.timeline.screen import open_timeline

    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    open_timeline(pilot.app)  # type: ignore[arg-type]
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert screen.ready
    return screen


def _row_texts(table: DataTable) -> list[list[str]]:
    return [
        [getattr(cell, "plain", str(cell)) for cell in table.get_row_at(index)]
        for index in range(table.row_count)
    ]


async def test_palette_opens_the_years_of_the_place_and_enter_jumps(palette_pick) -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_from_palette(pilot, palette_pick)
        assert screen.timeline is not None and screen.timeline.years == (2021, 2022, 2023)
        title = screen.query_one("#timeline-title", Static).content
        assert "湖北省咸宁市通山县" in str(title) and "left out" in str(title)
        topics = screen.query_one("#topics-table", DataTable)
        rows = {row[0]: row[1:] for row in _row_texts(topics)}
        assert rows["突发事件应对"][0].startswith("一、(四)") and rows["突发事件应对"][1] == "—"
        # enter on a cell goes to that year's unit in the browser
        topics.move_cursor(row=list(rows).index("突发事件应对"), column=1)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.browser
        node = app.browser.outline.cursor_node
        assert node is not None and "提升突发事件应对能力" in str(node.label)


async def test_indicators_then_promises_and_enter_on_an_evidence() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_directly(pilot)
        # j k h l move as the arrows do (QA walk: they did nothing here)
        topics = screen.query_one("#topics-table", DataTable)
        start = topics.cursor_coordinate
        await pilot.press("j", "j", "l")
        await pilot.pause()
        assert topics.cursor_coordinate == (start.row + 2, start.column + 1)
        await pilot.press("k", "h")
        await pilot.pause()
        assert topics.cursor_coordinate == (start.row + 1, start.column)
        await pilot.press("2")
        await pilot.pause()
        rows = {row[0]: row[1:] for row in _row_texts(screen.query_one("#indicators-table"))}
        assert rows["行政机关负责人出庭应诉率"][1] == "100%  +5pp (+5.26%)"
        assert rows["行政复议受理数"][2] == "52宗  units differ"
        await pilot.press("3")
        await pilot.pause()
        table = screen.query_one("#promises-table", DataTable)
        assert table.has_focus
        rows = _row_texts(table)
        statuses = [row[1] for row in rows if row[0]]
        assert statuses[:9] == [
            "followed up", "partly", "followed up", "not mentioned", "followed up",
            "followed up", "followed up", "not mentioned", "followed up",
        ]  # fmt: skip
        assert statuses[9:] == ["no later report"] * 3
        # the second line is the evidence of the first plan: 2022's §(一)
        assert rows[1][2].strip().startswith("↳ 一、(一)")
        await pilot.press("j")
        await pilot.pause()
        detail = str(screen.query_one("#promises-detail", Static).content)
        assert "习近平法治思想" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.browser
        node = app.browser.outline.cursor_node
        assert node is not None and "深入学习贯彻习近平法治思想" in str(node.label)


async def test_ctrl_t_in_the_picker_opens_the_timeline_of_that_report() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReportPicker)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.ready and app.screen.place.name == "通山县"
        # the worker's progress: 3 years, 4 open reports cut into units, 3 years' plans
        bar = app.screen.query_one("#timeline-progress", ProgressBar)
        assert (bar.total, bar.progress, bar.display) == (10, 10, False)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.browser


async def test_a_report_without_a_place_says_so(notices, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("一、工作\n依法行政,严格执法。\n", encoding="utf-8")
    app = GovreadApp([tmp_path / "notes.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        from govread.tui.timeline.screen import open_timeline

        assert app.browser.outline.current_report is not None
        open_timeline(app)
        await pilot.pause()
        assert app.screen is app.browser
        assert any("names no place" in n.message for n in notices)


def test_timeline_snapshot(snap_compare) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await _open_directly(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


async def test_topics_and_indicators_show_while_the_promises_are_worked_out(monkeypatch) -> None:
    import threading

    from govread.tui.timeline import screen as timeline_screen

    started, release = threading.Event(), threading.Event()
    promises = timeline_screen.timeline_promises

    def held(*args, **kwargs):
        started.set()
        release.wait(30)
        return promises(*args, **kwargs)

    monkeypatch.setattr(timeline_screen, "timeline_promises", held)
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        timeline_screen.open_timeline(app)
        for _ in range(3000):  # at most 30 s for the years and the words' weights
            if started.is_set():
                break
            await pilot.pause(0.01)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and not screen.ready
        assert screen.query_one("#topics-table", DataTable).row_count
        assert screen.query_one("#indicators-table", DataTable).row_count
        assert not screen.query_one("#promises-table", DataTable).row_count
        assert screen.query_one("#timeline-progress", ProgressBar).display
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.ready and screen.query_one("#promises-table", DataTable).row_count
        assert not screen.query_one("#timeline-progress", ProgressBar).display


async def test_many_reports_left_out_leave_the_tables_room_at_80x24(tmp_path) -> None:
    """Second reports of a year are counted by reason, with their years, in one line: a
    title each took the screen from the tables."""
    for source in FIXTURES.glob("*.txt"):
        (tmp_path / source.name).write_text(source.read_text("utf-8"), "utf-8")
    for year in (2021, 2022, 2023):
        text = (FIXTURES / f"tongshan_{year}.txt").read_text("utf-8")
        for copy in range(2):  # shorter versions of the year's report: left out
            cut = text[: len(text) * (2 + copy) // 5]
            (tmp_path / f"tongshan_{year}_copy{copy}.txt").write_text(cut, "utf-8")
    app = GovreadApp([tmp_path])
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_directly(pilot)
        assert screen.timeline is not None and len(screen.timeline.left_out) >= 6
        title = screen.query_one("#timeline-title", Static)
        plain = title.content.plain
        assert (
            "left out: 6 reports (a second report of the year; the longer one is shown)"
            " 2021 · 2022 · 2023"
        ) in plain
        assert title.size.height <= 4
        assert screen.query_one("#topics-table", DataTable).size.height >= 6


async def test_a_second_report_of_the_year_left_out_is_named_by_its_file(tmp_path) -> None:
    """Two reports of a year have the same title as a rule: the one left out is named by
    its file too (as the CLI names it), under the folder opened, so it can be told apart."""
    for year in (2021, 2022, 2023):
        source = FIXTURES / f"tongshan_{year}.txt"
        (tmp_path / source.name).write_text(source.read_text("utf-8"), "utf-8")
    text = (FIXTURES / "tongshan_2023.txt").read_text("utf-8")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "draft_of_2023.txt").write_text(text[: len(text) // 2], "utf-8")
    app = GovreadApp([tmp_path])
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_directly(pilot)
        assert screen.timeline is not None
        (left,) = screen.timeline.left_out
        assert left.report.display_title == screen.timeline.reports[-1].display_title
        plain = screen.query_one("#timeline-title", Static).content.plain
        line = next(line for line in plain.splitlines() if line.startswith("left out: "))
        assert f"· {Path('later', 'draft_of_2023.txt')} (a second report" in line
        assert str(tmp_path) not in line  # under the folder opened, not its whole path


def test_a_left_out_file_is_shortened_in_its_middle_and_sanitised() -> None:
    from govread.tui.timeline.screen import FILE_CHARS, short_file

    long = "/data/" + "通山县" * 30 + "_2023_second.txt"
    shown = short_file(long, ["/data"])
    assert len(shown) == FILE_CHARS and "…" in shown
    assert shown.startswith("通山县") and shown.endswith("_2023_second.txt")
    assert short_file("/else/where/a\x1b[31mb.txt", ["/data"]) == "a\\x1b[31mb.txt"
    assert short_file("/data/2023/report.txt", ["/data"]) == str(Path("2023", "report.txt"))


def _screen_lines(app: GovreadApp) -> list[str]:
    """The screen as text, a line per row (what a terminal shows)."""
    import re
    from html import unescape

    svg = app.export_screenshot()
    rows: dict[str, list[str]] = {}
    for match in re.finditer(r'<text class="[^"]*" x="[^"]*" y="([^"]*)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(match.group(1), []).append(unescape(match.group(2)).replace("\xa0", " "))
    return ["".join(parts) for _y, parts in sorted(rows.items(), key=lambda r: float(r[0]))]


async def test_at_80x24_the_topic_column_stays_while_the_years_scroll() -> None:
    """The first column of each table is fixed: scrolling to the last year keeps the topic
    (the indicator, the years of a plan) in view; at 80 columns two years show beside the
    topics, whose names are cut to their first part (the line below says them whole)."""
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_directly(pilot)
        for tab in ("topics", "indicators", "promises"):
            assert screen.query_one(f"#{tab}-table", DataTable).fixed_columns == 1
        topics = screen.query_one("#topics-table", DataTable)
        names = [cell.plain for cell in topics.get_column_at(0)]
        assert "党的领导…" in names and "突发事件应对" in names
        shown = "\n".join(_screen_lines(app))
        assert "2021" in shown and "2022" in shown  # two years beside the topics
        row = names.index("突发事件应对")
        topics.move_cursor(row=row, column=0)
        await pilot.press("l", "l", "l", "l")  # to the last year, scrolled sideways
        await pilot.pause()
        assert topics.cursor_coordinate.column == 3 and topics.scroll_x > 0
        lines = _screen_lines(app)
        assert any(line.lstrip().startswith("突发事件应对") for line in lines)
        assert any(" 2023" in line and "Topic" in line for line in lines)
        detail = str(screen.query_one("#topics-detail", Static).content)
        assert detail.startswith("突发事件应对 · 2023")
        # on the topic itself, the line below names it whole
        topics.move_cursor(row=names.index("党的领导…"), column=0)
        await pilot.pause()
        detail = str(screen.query_one("#topics-detail", Static).content)
        assert detail.startswith("党的领导 · 习近平法治思想")


def test_a_narrow_topic_cell_keeps_its_count_and_cuts_the_heading() -> None:
    from types import SimpleNamespace

    from rich.cells import cell_len

    from govread.tui.timeline.screen import topic_cell

    unit = SimpleNamespace(shown_number="二、(十一)3.一是", heading="建立标准化目录体系")
    cell = topic_cell([unit] * 12, [], 8, 29)  # type: ignore[list-item]
    assert cell.plain.endswith("… +11") and cell.plain.startswith("二、(十一)3.一是建")
    assert cell_len(cell.plain) <= 29
    assert topic_cell([unit] * 12, [], 8).plain == "二、(十一)3.一是建立标准化目录… +11"
    where = topic_cell([], [unit] * 2, 8, 29)  # type: ignore[list-item]
    assert where.plain.endswith("…") and cell_len(where.plain) <= 29


def _qinhuangdao_two_years(folder: Path) -> GovreadApp:
    """An app on 秦皇岛 2023 (deep numbers: 二、(一)一是; a cell of many units) and the same
    text as 2022, in `folder`."""
    samples = Path(__file__).parents[2] / "sample_reports"
    text = (samples / "003_dd8a1c6d06db1360.txt").read_text("utf-8")
    (folder / "qhd_2023.txt").write_text(text, "utf-8")
    (folder / "qhd_2022.txt").write_text(text.replace("2023", "2022"), "utf-8")
    app = GovreadApp([folder])
    app.animation_level = "none"
    return app


async def test_at_80x24_two_years_of_topics_show_whole_counts_and_all(
    tmp_path: Path, screen_lines
) -> None:
    """QA: at 80 columns a cell of the second year ran past the screen's edge, its count of
    more units (`+10`, `+11` before its 保护生态环境 section went to 其他) with it. 秦皇岛
    2023's numbers are deep (`二、(一)一是`)."""
    app = _qinhuangdao_two_years(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_directly(pilot)
        assert screen.timeline is not None and screen.timeline.years == (2022, 2023)
        topics = screen.query_one("#topics-table", DataTable)
        # no sideways scroll: both years are whole beside the topics
        assert topics.virtual_size.width <= topics.scrollable_content_region.width
        rows = _row_texts(topics)
        assert any("+10" in cell for row in rows for cell in row)
        # (drawn a frame or two after the fill: under a loaded machine the table's first
        # paint can lag its rows, so the lines are read again until each row is on screen;
        # a second's wait was once too short beside three busy workers)
        for _attempt in range(80):
            shown = screen_lines(app, topics.region)
            if all(any(line.lstrip().startswith(row[0]) for line in shown) for row in rows):
                break
            await pilot.pause(0.05)
        for row in rows:
            line = next((line for line in shown if line.lstrip().startswith(row[0])), "")
            assert row[1] in line and line.rstrip().endswith(row[2]), (row, shown)


def test_timeline_snapshot_80x24(snap_compare) -> None:
    """80×24, the cursor on the last year: the topics stay in the first column."""

    async def run_before(pilot: Pilot[object]) -> None:
        await _open_directly(pilot)
        await pilot.press("l", "l", "l", "j", "j", "j", "j")  # 突发事件应对 · 2023
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


async def test_a_resize_across_the_narrow_width_fills_the_topics_again() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_directly(pilot)
        topics = screen.query_one("#topics-table", DataTable)
        assert "党的领导 · 习近平法治思想" in [c.plain for c in topics.get_column_at(0)]
        topics.move_cursor(row=4, column=2)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "党的领导…" in [c.plain for c in topics.get_column_at(0)]
        assert topics.cursor_coordinate == (4, 2)  # the cursor kept
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "党的领导 · 习近平法治思想" in [c.plain for c in topics.get_column_at(0)]


async def test_the_line_below_the_indicators_follows_the_cursor_off_a_figure() -> None:
    """QA walk: moving from a year's figure to a year without one, or back to the
    indicator's own column, left the figure's year and sentence on the line below."""
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_directly(pilot)
        await pilot.press("2")
        await pilot.pause()
        table = screen.query_one("#indicators-table", DataTable)
        detail = screen.query_one("#indicators-detail", Static)
        row = [r[0] for r in _row_texts(table)].index("行政复议申请数")  # 41件, —, —
        table.move_cursor(row=row, column=1)
        await pilot.pause()
        assert "2021" in str(detail.content)
        await pilot.press("l")  # 2022: no figure
        await pilot.pause()
        assert "2021" not in str(detail.content) and "41件" not in str(detail.content)
        assert "2022" in str(detail.content)
        await pilot.press("h", "h")  # the indicator's own column
        await pilot.pause()
        assert "2021" not in str(detail.content)
        assert "行政复议申请数" in str(detail.content)


async def test_at_80x24_the_topics_detail_scrolls_to_its_last_line(tmp_path: Path) -> None:
    """QA: at 80×24 the line below the topics (a cell's units, then the topics new and
    gone between years) was cut at its 40 % under a cell of many units: the "new / gone"
    lines could not be read. It scrolls now: tab to it, then G (or j) brings the last line
    into view, g the first."""
    app = _qinhuangdao_two_years(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_directly(pilot)
        topics = screen.query_one("#topics-table", DataTable)
        rows = _row_texts(topics)
        row = next(i for i, cells in enumerate(rows) if "+10" in cells[1])
        topics.move_cursor(row=row, column=1)
        await pilot.pause()
        await pilot.pause()
        box = screen.query_one("#topics-detail-box", TimelineDetail)
        detail = str(screen.query_one("#topics-detail", Static).content)
        last = detail.rstrip().splitlines()[-1]
        assert last.startswith("2022 → 2023")
        assert box.max_scroll_y > 0  # longer than its room: it scrolls
        assert not any(last[:12] in line for line in _screen_lines(app))
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused is box
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        assert any(last[:12] in line for line in _screen_lines(app))
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        # back on the table, its keys move its cursor, and a new cell's detail starts at
        # its first line
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.focused is topics
        box.scroll_end(animate=False)
        await pilot.press("j")
        await pilot.pause()
        assert topics.cursor_coordinate.row == row + 1 and box.scroll_y == 0

"""Small browser behaviours that misled: footer keys, the filter's count, q, the marks list,
the exit status of the browser."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Input

from govread.cli import tui_exit_status
from govread.corpus import sample_paths
from govread.i18n import set_language
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen
from govread.tui.compare.screen import CompareScreen
from govread.tui.dialogs.marks_list import MarksListScreen
from govread.tui.localised import KeysFooter

Loaded = Callable[[Pilot[Any]], Awaitable[None]]


def footer_keys(app: GovreadApp) -> list[str]:
    return [str(key.description) for key in app.screen.query_one(Footer).query("FooterKey")]


def _app() -> GovreadApp:
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None  # no jieba: the filter works on substrings
    return app


async def test_footer_offers_n_only_when_n_acts(loaded: Loaded) -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert "Next hit" not in footer_keys(app)
        await pilot.press("slash", *"法治")
        await pilot.pause(0.3)
        # typing: n would be a letter of the query, so the footer offers the way to the hits
        assert isinstance(app.focused, Input)
        await pilot.pause()
        keys = footer_keys(app)
        assert "Next hit" not in keys and "To the hits" in keys
        await pilot.press("enter")
        await pilot.pause()
        # in view at 120 columns (QA walk: they came last and were cut off at the end)
        box = app.screen.query_one("#footer-keys").region
        shown = {
            str(key.description)
            for key in app.screen.query_one(Footer).query("FooterKey")
            if box.contains_region(key.region)
        }
        assert {"Next hit", "Previous hit", "Clear filter"} <= shown
        outline = app.browser.outline
        first = outline.cursor_node
        await pilot.press("n")
        await pilot.pause()
        assert outline.cursor_node is not first  # n acts once the input is left
        await pilot.press("escape")
        await pilot.pause()
        keys = footer_keys(app)
        assert "Next hit" not in keys and "Previous hit" not in keys


async def test_the_footer_shows_the_main_actions_at_120_columns(loaded: Loaded) -> None:
    """QA: at 120 columns the footer had no c (compare), t (the corpus tables) or m (the
    marks list): only the help screen named them."""
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        box = app.screen.query_one("#footer-keys").region
        whole = {
            (key.key, str(key.description))
            for key in app.screen.query_one(Footer).query("FooterKey")
            if box.contains_region(key.region)
        }
        assert {
            ("question_mark", "Help"),
            ("q", "Quit"),
            ("slash", "Filter"),
            ("c", "Compare"),
            ("t", "Corpus tables"),
            ("m", "List marks"),
        } <= whole


def blank_after(key: Widget) -> int:
    """Cells of blank after a footer key's words."""
    drawn = key.render().plain  # type: ignore[union-attr]
    return len(drawn) - len(drawn.rstrip(" ")) + key.styles.padding.right


def text_of(key: Widget) -> Region:
    """A footer key's region less the blanks after its words."""
    region = key.region
    return Region(region.x, region.y, region.width - blank_after(key), region.height)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_footer_key_is_shown_whole_or_not_at_all(loaded: Loaded, language: str) -> None:
    """A key the footer's box cut at its edge (``m List▏``, ``# 标▏``) read as another key."""
    set_language(language)
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        for width, query in (
            (120, ""),
            (120, "法治"),
            (135, ""),
            (80, "法治"),
            (160, ""),
            (97, ""),
        ):
            await pilot.resize_terminal(width, 40)
            if query:
                await pilot.press("slash", *query, "enter")
            await pilot.pause(0.3 if query else 0)
            await pilot.pause()
            box = app.screen.query_one("#footer-keys").region
            keys = list(app.screen.query_one(Footer).query("FooterKey"))
            drawn = [key for key in keys if key.visible and key.region.overlaps(box)]
            # whole: its padding after the words aside
            assert drawn and all(box.contains_region(text_of(key)) for key in drawn), (
                width,
                [(str(key.description), key.region) for key in drawn],
            )
            # none hidden that fits: the first one hidden would have crossed the edge
            hidden = [key for key in keys if not key.visible]
            assert keys[: len(drawn)] == drawn
            if hidden:
                words = hidden[0].outer_size.width - blank_after(hidden[0])
                assert drawn[-1].region.right + words > box.right, width
            if query:
                await pilot.press("escape")
                await pilot.pause()


async def test_the_footer_is_rebuilt_once_when_its_keys_change(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual asks the footer to rebuild on every focus change and bindings refresh, three or
    # four times for one key press; each rebuild restyles a dozen keys (≈ 20 ms of CPU)
    built: list[KeysFooter] = []
    compose = KeysFooter.compose

    def counted(footer: KeysFooter) -> ComposeResult:
        built.append(footer)
        return compose(footer)

    monkeypatch.setattr(KeysFooter, "compose", counted)
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        at_start = footer_keys(app)
        built.clear()
        await pilot.press("j", "k")  # the cursor moves: the same keys
        await pilot.pause()
        assert built == []
        await pilot.press("slash")  # the filter's input takes the focus: other keys
        await pilot.pause()
        assert len(built) == 1 and "To the hits" in footer_keys(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(built) == 2 and footer_keys(app) == at_start


async def test_filter_counts_the_hits_that_h_and_the_cli_list(loaded: Loaded) -> None:
    """One definition of a hit: the count of the bar is the number of ranked hits."""
    app = _app()
    async with app.run_test(size=(200, 40)) as pilot:
        await loaded(pilot)
        index = app.search_index
        assert index is not None
        await pilot.press("slash", *"法治", "enter")
        await pilot.pause(0.3)
        result = app.browser.filtering.state.result
        assert result is not None
        status = app.browser.filtering.bar.status_text
        assert status.startswith(f"{result.total} hits in ")
        assert len(result.hits) < len(result.ids)  # sections and their items: not counted twice
        # n / N visit as many lines as the bar counts: a preamble's or closing's hit is a
        # line of its own, not its report's (which a report with both had counted twice)
        assert list(app.browser.filtering.state.hits) == list(result.hits)
    ranked = index.search("法治")
    assert len(ranked) == result.total
    assert {hit.node_id for hit in ranked} == set(result.hits)


async def test_q_leaves_the_compare_screen(open_compare: Any) -> None:
    app = GovreadApp(sample_paths())
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("q")  # first the figures table, as escape does
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert not isinstance(app.screen, CompareScreen)


async def test_marks_list_moves_with_j_and_k(loaded: Loaded) -> None:
    app = _app()
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        report = app.reports[0]
        first, second, third = (section.id for section in list(report.walk())[:3])
        for node_id in (first, second, third):
            app.toggle_mark(node_id)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarksListScreen)
        await pilot.press("j", "j", "k", "space")  # the second row
        await pilot.pause()
        assert second not in app.marks and first in app.marks and third in app.marks
        await pilot.press("G", "space")
        await pilot.pause()
        assert third not in app.marks and first in app.marks


async def test_marks_list_cuts_a_long_where_at_the_tables_edge_and_says_so(loaded: Loaded) -> None:
    """QA: at 80 columns a long path of headings ran past the table's edge, cut with no
    "…" (the table scrolled sideways); it is cut where the table ends, and again on resize."""
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        deepest = max(
            (node for report in app.reports for node in report.walk()),
            key=lambda node: len(node.heading),
        )
        app.toggle_mark(deepest.id)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarksListScreen)
        table = screen.table

        def where_cell() -> str:
            return str(table.get_cell_at(Coordinate(0, 4)))

        def fits() -> bool:
            used = sum(column.get_render_width(table) for column in table.ordered_columns)
            return used <= table.scrollable_content_region.width

        assert "…" in where_cell() and fits()
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert "…" not in where_cell() and fits()


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_marks_list_shows_its_columns_whole_where_they_fit(
    loaded: Loaded, screen_lines: Callable[..., list[str]], size: tuple[int, int]
) -> None:
    """QA: at 100 or 120 columns the list showed `sect` and `一、` for `section` and
    `一、主要做法和成效`: its second fill (once the table had its width) was painted with
    the columns as wide as their labels, and Textual, finding the table's size unchanged once
    it measured the cells, never painted it again."""
    app = _app()
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        first = next(iter(app.reports[0].walk()))
        app.toggle_mark(first.id)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarksListScreen)
        shown = screen_lines(app, screen.table.region)
        row = next(line for line in shown if "2023" in line)
        assert "section" in row and first.heading in row


def test_a_cut_path_keeps_the_marked_nodes_own_heading_whole_where_it_can() -> None:
    from govread.marks import NodeRef
    from govread.parsers import parse_text
    from govread.tui.dialogs.marks_list import cut_where, where

    report = parse_text("某县2022年法治政府建设情况报告\n一、主要做法\n正文。\n")
    ref = NodeRef(
        "x", "item", report, None, None, ("一、主要做法和成效", "(一)加强党的领导", "一是学法")
    )
    text = where(ref)
    assert cut_where(text, ref, 80) is text  # fits: whole
    cut = cut_where(text, ref, 16).plain
    assert cut.startswith("…") and cut.endswith(" › 一是学法") and cell_len(cut) <= 16
    assert cut_where(text, ref, 6).plain == "一是 …"  # the heading alone is too wide


async def test_marks_list_keys_hint_is_whole_on_an_80_column_terminal(loaded: Loaded) -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        app.toggle_mark(next(iter(app.reports[0].walk())).id)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarksListScreen)
        hint = app.screen.query_one("#marks-hint")
        shown = "".join(strip.text for strip in hint.render_lines(hint.region.reset_offset))
        # the hint wraps rather than cutting off its last key (it was one line, ending "escape")
        whole = "↑↓/j k move · enter go to · space/delete unmark · t by tag · escape close"
        assert " ".join(shown.split()) == whole


@pytest.mark.parametrize(
    ("paths", "status"),
    [(["/nope/missing.txt"], 1), (["/nope/missing.txt", "SAMPLE"], 1), (["SAMPLE"], 0)],
)
async def test_browser_exit_status(
    loaded: Loaded, capsys: pytest.CaptureFixture[str], paths: list[str], status: int
) -> None:
    """`govread /nope.txt` exits 1 as the README says, repeating the error on stderr."""
    sample = str(sample_paths()[0])
    app = GovreadApp([sample if p == "SAMPLE" else p for p in paths])
    app.WORD_SEARCH_DELAY = None
    async with app.run_test() as pilot:
        await loaded(pilot)
        app.exit()
    assert tui_exit_status(app) == status
    err = capsys.readouterr().err
    if "/nope/missing.txt" in paths:
        assert err == "govread: error: /nope/missing.txt: no such file\n"
    else:
        assert err == ""


async def test_outline_labels_cut_to_the_pane_end_in_an_ellipsis(loaded: Loaded) -> None:
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        cut = whole = 0
        for y in range(outline.size.height):
            node = outline.get_node_at_line(y)
            if node is None:
                continue
            shown = outline.render_line(y).text.rstrip()
            if node.label.plain in shown:
                whole += 1
                assert not shown.endswith("…")
            else:
                cut += 1
                assert shown.endswith("…"), shown
                label = node.label.plain
                visible = shown[shown.index(label[:3]) : -1].rstrip()
                assert label.startswith(visible) and len(visible) > 3
        assert cut and whole
        await pilot.resize_terminal(200, 30)
        await pilot.pause()
        for y in range(outline.size.height):
            node = outline.get_node_at_line(y)
            if node is not None and node.label.plain in outline.render_line(y).text:
                assert not outline.render_line(y).text.rstrip().endswith("…")


async def test_the_cursor_row_stays_in_view_when_the_terminal_gets_smaller(loaded: Loaded) -> None:
    """QA walk: at 120×35, everything expanded, the cursor near the bottom; the terminal made
    80×24 hid the cursor row (Textual's Tree scrolls to it only when the cursor moves)."""
    app = GovreadApp()
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        await pilot.press("plus", "g")
        await pilot.pause()
        height = outline.scrollable_content_region.height
        outline.cursor_line = height - 2  # as j pressed that often (not one key at a time)
        await pilot.pause()
        line = outline.cursor_line
        assert outline.scroll_offset.y <= line < outline.scroll_offset.y + height
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        top, height = outline.scroll_offset.y, outline.scrollable_content_region.height
        assert outline.cursor_line == line and top <= line < top + height


async def test_j_held_down_scrolls_a_line_a_key_in_help_and_in_the_detail_pane(
    loaded: Loaded,
) -> None:
    """A burst of keys (j held down) reaches the app between two frames: each key scrolls."""
    from textual import events
    from textual.containers import VerticalScroll

    from govread.tui.dialogs.help import HelpScreen

    async def burst(key: str, times: int) -> None:
        for _ in range(times):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(5):
            await pilot.pause()

    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        detail = app.browser.detail
        detail.focus()
        await pilot.pause()
        assert detail.max_scroll_y >= 4
        await burst("j", 4)
        assert detail.scroll_y == 4
        await burst("down", 2)  # the arrow keys too
        assert detail.scroll_y == min(6, detail.max_scroll_y)
        await burst("k", 3)
        assert detail.scroll_y == min(6, detail.max_scroll_y) - 3
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 30
        await burst("j", 30)
        assert body.scroll_y == 30
        await burst("down", 5)
        assert body.scroll_y == 35


async def test_outline_labels_are_fitted_again_when_the_room_beside_the_scroll_bar_changes(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot once showed labels cut silently: lines drawn before the scroll bar took its
    cells were kept, as Textual caches a tree's lines by the widget's width, bar included."""
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        whole = Region(0, 0, outline.size.width, outline.size.height)
        outline.render_lines(
            whole
        )  # the lines cached as a paint caches them, fitted to today's room
        narrower = outline.scrollable_content_region._replace(
            width=outline.scrollable_content_region.width - 6
        )
        monkeypatch.setattr(
            type(outline), "scrollable_content_region", property(lambda self: narrower)
        )
        outline.refresh()  # as the layout that shows the bar repaints the tree
        cut = 0
        for y, strip in enumerate(outline.render_lines(whole)):
            node = outline.get_node_at_line(y + outline.scroll_offset.y)
            shown = strip.text.rstrip()
            if node is not None and node.label.plain not in shown:
                cut += 1
                assert shown.endswith("…"), shown
                assert cell_len(shown) <= narrower.width
        assert cut

"""The compare screen: two reports side by side, rows aligned by topic (issue 5).

`open_compare(app)` is what `c` in the browser calls: the report under the outline's cursor
is side A, a `ReportPicker` chooses side B among the other open reports, and a
`CompareScreen` is pushed at once with a loading note while `govread.compare.compare` runs
in a worker (jieba's dictionary takes about a second the first time).

Keys: ``]`` / ``[`` next / previous topic, ``tab`` the other side, ``up`` / ``down`` the unit
under the cursor, ``s`` scrolling in step on or off, ``f`` the figures table, ``space`` marks
the unit under the cursor, ``e`` exports the comparison as TOML (`ExportDialog`): the rows
holding a marked unit if any unit of either side is marked, else every row, each with both
sides (`govread.compare_export`), ``escape`` back to the browser. With scrolling in
step, the other column is kept on the same row as the active one (rows differ in height,
so the sync is by row, not by line).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, LoadingIndicator, Static
from textual.worker import get_current_worker

from govread.compare import Comparison, compare, report_units
from govread.compare_export import export_comparison, rows_to_export
from govread.i18n import N_, _, _n
from govread.library import place_label
from govread.node_ids import is_node_id
from govread.parsers.model import Report
from govread.tui.app_state import app_state
from govread.tui.compare.column import Cell, CompareColumn
from govread.tui.compare.picker import ReportPicker
from govread.tui.dialogs.export import ExportDialog
from govread.tui.localised import LocalisedScreen
from govread.tui.messages import MarksChanged

if TYPE_CHECKING:
    from govread.tui.app import GovreadApp


def city_of(report: Report) -> str:
    """``咸宁市 2023``: region and year, or the display title when the region is unknown."""
    return place_label(report) or report.display_title


# Held while the open reports are tokenised ahead of time, so that a comparison started
# meanwhile waits for that work instead of doing it a second time.
_warming = threading.Lock()


def warm_up(reports: Sequence[Report]) -> None:
    """Load jieba and cut every open report into units (cached by content hash)."""
    with _warming:
        for report in reports:
            report_units(report)


def open_compare(app: GovreadApp) -> None:
    """Side A is the report under the browser's cursor; ask for side B (or several others:
    one column each), then compare."""
    reports = list(app.library.reports)
    side_a = app.browser.outline.current_report
    if len(reports) >= 2 and side_a is None:  # the cursor is on a group of reports
        app.notify(_("Put the cursor on a report first"), title=_("Compare"), severity="warning")
        return
    if len(reports) < 2 or side_a is None:
        app.notify(
            _("Comparing needs two open reports: open another one (govread A.txt B.txt)"),
            title=_("Compare"),
            severity="warning",
            markup=False,
        )
        return
    others = [r for r in reports if r is not side_a]
    prompt = Text(_("Compare "))
    prompt.append(city_of(side_a), style="bold")
    prompt.append(_(" (side A) with:"))

    def chosen(others: list[Report] | None) -> None:
        if not others:
            return
        if len(others) == 1:
            app.push_screen(CompareScreen(side_a, others[0]))
        else:  # one column per report: A first, then the others as listed
            from govread.tui.compare.multi import MultiCompareScreen

            app.push_screen(MultiCompareScreen([side_a, *others]))

    app.push_screen(ReportPicker(others, prompt), chosen)
    # While the reader types a name, load jieba and tokenise: most of the first
    # comparison's cost (about a second for jieba alone) is paid before enter.
    app.run_worker(
        lambda: warm_up(reports),
        name="warm up the comparison",
        group="compare-warm-up",
        thread=True,
        exclusive=True,
    )


class CompareScreen(LocalisedScreen[None]):
    """Two columns, one per city, one row per aligned pair of units; a figures table."""

    CSS_PATH = "screen.tcss"
    BINDING_GROUP_TITLE = N_("Compare")
    AUTO_FOCUS = ""  # nothing: the screen itself takes the keys (None would mean "*")
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (an instance variable of Screen)
        (0, "-narrow"),
        (100, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        # q as in the help and the marks list: close what is open, here the figures or the screen
        Binding(
            "escape,q",
            "back",
            N_("Back"),
            tooltip=N_("Back to the browser (or close the figures)"),
            id="compare.back",
        ),
        Binding(
            "question_mark,f1", "app.help", N_("Help"), tooltip=N_("Show every key"), id="app.help"
        ),
        Binding(
            "right_square_bracket",
            "topic(1)",
            N_("Next topic"),
            key_display="]",
            id="compare.next_theme",
        ),
        Binding(
            "left_square_bracket",
            "topic(-1)",
            N_("Previous topic"),
            key_display="[",
            show=False,
            id="compare.previous_theme",
        ),
        Binding(
            "tab,shift+tab",
            "switch_side",
            N_("Side"),
            tooltip=N_("Make the other city's column active"),
            id="compare.switch_side",
        ),
        Binding(
            "space",
            "toggle_mark",
            N_("Mark"),
            tooltip=N_("Mark the unit under the cursor"),
            id="compare.mark",
        ),
        Binding(
            "f",
            "figures",
            N_("Figures"),
            tooltip=N_("Figures of both reports side by side"),
            id="compare.figures",
        ),
        Binding(
            "e",
            "export",
            N_("Export"),
            tooltip=N_("Write the comparison as TOML: the rows with a marked unit, or every row"),
            id="compare.export",
        ),
        Binding(
            "s",
            "toggle_sync",
            N_("Sync"),
            tooltip=N_("Scroll the two columns in step, or not"),
            id="compare.sync",
        ),
        Binding("down,j", "cursor(1)", N_("Next unit"), show=False, id="compare.down"),
        Binding("up,k", "cursor(-1)", N_("Previous unit"), show=False, id="compare.up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="compare.page_down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="compare.page_up"),
    ]

    def __init__(self, a: Report, b: Report) -> None:
        super().__init__()
        self.a, self.b = a, b
        self.comparison: Comparison | None = None
        self.active = "a"
        self.sync = True
        self._cursor = {"a": 0, "b": 0}
        self._syncing = False
        self.started = time.perf_counter()
        self.fill_seconds: float | None = None  # from creation to both columns filled
        self.title = _("Compare")

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(self._title_text(), id="compare-title")
        yield Static(id="compare-status")
        with Vertical(id="compare-loading"):
            yield LoadingIndicator()
            note = Text(_("Comparing "))
            note.append(city_of(self.a), style="bold")
            note.append(_(" with "))
            note.append(city_of(self.b), style="bold")
            note.append(_(" … (the first comparison loads the word list, about a second)"))
            yield Static(note, id="compare-loading-note")
        with Horizontal(id="compare-columns"):
            yield CompareColumn("a", city_of(self.a), id="side-a")
            yield CompareColumn("b", city_of(self.b), id="side-b")
        with Vertical(id="compare-figures"):
            yield Static(id="figures-caption")
            table: DataTable[Text] = DataTable(
                id="figures-table", cursor_type="row", zebra_stripes=True
            )
            table.can_focus = False
            yield table
        yield Footer()

    def _title_text(self) -> Text:
        title = Text()
        title.append(_("A "), style="dim")
        title.append(city_of(self.a), style="bold")
        title.append("  ⇄  ", style="dim")
        title.append(_("B "), style="dim")
        title.append(city_of(self.b), style="bold")
        return title

    def column(self, side: str) -> CompareColumn:
        return self.query_one(f"#side-{side}", CompareColumn)

    def on_mount(self) -> None:
        for side in ("a", "b"):
            self.watch(self.column(side), "scroll_y", self._scrolled(side), init=False)
        self._update_status()
        self.run_comparison()

    # -- the comparison, off the UI thread --------------------------------------------

    @work(thread=True, exclusive=True, group="compare", name="compare reports")
    def run_comparison(self) -> None:
        worker = get_current_worker()
        try:
            with _warming:  # a warm-up still running finishes first (no work twice)
                pass
            # the open reports weigh the words (a word every report uses tells little)
            result = compare(self.a, self.b, list(app_state(self).library.reports))
        except Exception as error:  # one clear line, never a traceback on screen
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
            return
        if not worker.is_cancelled:
            # Textual types an awaitable callback's result as Never: nothing is returned here
            self.app.call_from_thread(self._show, result)  # type: ignore[arg-type]

    def _failed(self, reason: str) -> None:
        if not self.is_attached:
            return
        self.query_one(LoadingIndicator).display = False
        message = Text(_("The comparison failed: "), style="bold")
        message.append(reason)
        self.query_one("#compare-loading-note", Static).update(message)

    async def _show(self, comparison: Comparison) -> None:
        if not self.is_attached:  # the reader left before the comparison was done
            return
        self.comparison = comparison
        marks = self._is_marked
        paired_a = {pair.a.text for pair in comparison.figures}
        paired_b = {pair.b.text for pair in comparison.figures}
        await self.column("a").fill(comparison.pairs, marks, paired_a)
        await self.column("b").fill(comparison.pairs, marks, paired_b)
        self.query_one("#compare-loading").display = False
        self.query_one("#compare-columns").display = True
        self._fill_figures(comparison)
        for side in ("a", "b"):
            self.column(side).set_class(side == self.active, "-active")
        self._move_cursor("a", 0, scroll=False)
        self._move_cursor("b", 0, scroll=False)
        self._update_status()
        self.fill_seconds = time.perf_counter() - self.started

    @property
    def ready(self) -> bool:
        """True once the comparison is on screen."""
        return self.fill_seconds is not None

    def _is_marked(self, node_id: str) -> bool:
        return node_id in app_state(self).marks

    # -- status line ------------------------------------------------------------------

    def _update_status(self) -> None:
        status = Text()
        if self.comparison is None:
            status.append(_("comparing…"), style="dim")
        else:
            pairs = self.comparison.pairs
            status.append(_("active "))
            status.append(city_of(self.a if self.active == "a" else self.b), style="bold")
            status.append(_("  ·  sync "))
            status.append(_("on") if self.sync else _("off"), style="bold")
            gaps = sum(p.is_gap for p in pairs)
            topics = len(self.comparison.theme_ids())
            figures = len(self.comparison.figures)
            status.append(
                _("  ·  {rows} rows on {topics} topics, {gaps} gaps  ·  ").format(
                    rows=len(pairs), topics=topics, gaps=gaps
                )
                + _n("{n} figure on both sides", "{n} figures on both sides", figures).format(
                    n=figures
                ),
                style="dim",
            )
        self.query_one("#compare-status", Static).update(status)

    # -- cursor and scrolling -----------------------------------------------------------

    def cursor_row(self, side: str | None = None) -> int | None:
        """The row (pair index) under the cursor on ``side`` (default: the active side)."""
        column = self.column(side or self.active)
        index = self._cursor[side or self.active]
        return column.cells[index].row if 0 <= index < len(column.cells) else None

    def _move_cursor(
        self, side: str, index: int, *, scroll: bool = True, top: bool = False
    ) -> None:
        column = self.column(side)
        if not column.cells:
            return
        index = max(0, min(len(column.cells) - 1, index))
        old = self._cursor[side]
        if 0 <= old < len(column.cells):
            column.cells[old].remove_class("-cursor")
        self._cursor[side] = index
        cell = column.cells[index]
        cell.add_class("-cursor")
        if scroll:
            target = column.rows[cell.row] if top else cell
            column.scroll_to_widget(target, animate=False, top=top, immediate=True)

    def _scrolled(self, side: str):  # type: ignore[no-untyped-def]
        def follow(_old: float, _new: float) -> None:
            if self.sync and not self._syncing:
                self._sync_from(side)

        return follow

    def _sync_from(self, side: str) -> None:
        """Bring the other column to the row (and the same fraction of it) at this one's top."""
        here, there = self.column(side), self.column("b" if side == "a" else "a")
        if not here.rows or len(here.rows) != len(there.rows):
            return
        y = here.scroll_y
        for index, row in enumerate(here.rows):
            region = row.virtual_region
            if region.y + region.height + 1 > y or index == len(here.rows) - 1:
                break
        fraction = max(0.0, min(1.0, (y - region.y) / max(1, region.height)))
        other = there.rows[index].virtual_region
        target = other.y + fraction * other.height
        if abs(there.scroll_y - target) < 1:
            return
        self._syncing = True
        try:
            there.scroll_to(y=target, animate=False, immediate=True)
        finally:
            self._syncing = False

    # -- actions ----------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if self._figures_shown():
            return
        self._move_cursor(self.active, self._cursor[self.active] + step)
        self._sync_after_refresh()

    def action_page(self, step: int) -> None:
        """Scroll the active column a page; the cursor goes to the first unit in view."""
        if self.comparison is None or self._figures_shown():
            return
        column = self.column(self.active)
        y = column.scroll_y + step * max(1, column.size.height - 2)
        column.scroll_to(y=y, animate=False, immediate=True)
        self._move_cursor(self.active, self._first_in_view(column), scroll=False)
        self._sync_after_refresh()

    @staticmethod
    def _first_in_view(column: CompareColumn) -> int:
        """The first cell showing at the column's top (skipping one with only a line or two)."""
        top = column.scroll_y
        for index, cell in enumerate(column.cells):
            row_y = column.rows[cell.row].virtual_region.y
            region = cell.virtual_region
            bottom = row_y + region.y + region.height
            if bottom > top:
                if row_y + region.y < top and bottom - top < 3 and index + 1 < len(column.cells):
                    return index + 1
                return index
        return len(column.cells) - 1

    def action_topic(self, step: int) -> None:
        """Go to the first row of the next (or previous) topic on both sides."""
        comparison = self.comparison
        if comparison is None or self._figures_shown():
            return
        row = self.cursor_row() or 0
        pairs = comparison.pairs
        topic = pairs[row].theme
        target: int | None = None
        if step > 0:
            target = next((i for i in range(row + 1, len(pairs)) if pairs[i].theme != topic), None)
        else:
            first = row
            while first > 0 and pairs[first - 1].theme == topic:
                first -= 1
            if first > 0:
                previous = pairs[first - 1].theme
                target = first - 1
                while target > 0 and pairs[target - 1].theme == previous:
                    target -= 1
        if target is None:
            self.app.bell()
            return
        self.go_to_row(target)

    def go_to_row(self, row: int) -> None:
        """Put both cursors on ``row`` and scroll both columns to it."""
        for side in ("a", "b"):
            cells = self.column(side).cells_in_row(row)
            if cells:
                self._move_cursor(side, cells[0], top=True)

    def on_cell_clicked(self, message: Cell.Clicked) -> None:
        for side in ("a", "b"):
            cells = self.column(side).cells
            if message.cell in cells:
                self._activate(side)
                self._move_cursor(side, cells.index(message.cell), scroll=False)
                self._update_status()

    def _activate(self, side: str) -> None:
        self.active = side
        for each in ("a", "b"):
            self.column(each).set_class(each == side, "-active")

    def action_switch_side(self) -> None:
        if self.comparison is None or self._figures_shown():
            return
        row = self.cursor_row()
        self._activate("b" if self.active == "a" else "a")
        if row is not None and self.cursor_row() != row:
            cells = self.column(self.active).cells_in_row(row)
            if cells:
                self._move_cursor(self.active, cells[0])
        self._update_status()

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        if self.sync:
            self._sync_from(self.active)
        self._update_status()
        self.notify(
            _("Scrolling in step: on") if self.sync else _("Scrolling in step: off"), timeout=2
        )

    def _sync_after_refresh(self) -> None:
        if self.sync:
            self.call_after_refresh(self._sync_from, self.active)

    def action_toggle_mark(self) -> None:
        if self.comparison is None or self._figures_shown():
            return
        column = self.column(self.active)
        index = self._cursor[self.active]
        if not 0 <= index < len(column.cells):
            return
        cell = column.cells[index]
        node_id = cell.node_id
        if node_id is None:
            self.notify(_("Nothing to mark here: this side is silent on the topic"), timeout=3)
            return
        if not is_node_id(node_id):
            self.notify(
                _("The closing paragraphs are not a section: mark the report in the browser"),
                severity="warning",
                markup=False,
            )
            return
        marked = app_state(self).toggle_mark(node_id)
        what = cell.unit.number + cell.unit.heading if cell.unit else node_id
        said = _("Marked: {what}") if marked else _("Unmarked: {what}")
        self.notify(said.format(what=what), timeout=3, markup=False)

    def on_marks_changed(self, message: MarksChanged) -> None:
        for side in ("a", "b"):
            self.column(side).refresh_marks(message.node_ids)

    def _figures_shown(self) -> bool:
        return bool(self.query_one("#compare-figures").display)

    def action_figures(self) -> None:
        if self.comparison is None:
            return
        shown = not self._figures_shown()
        self.query_one("#compare-figures").display = shown
        self.query_one("#compare-columns").display = not shown
        table = self.query_one("#figures-table", DataTable)
        # Focusable only while shown: the help screen lists the keys of focusable
        # widgets, and a hidden table's would be noise there.
        table.can_focus = shown
        if shown:
            table.focus()
        else:
            self.set_focus(None)

    def action_export(self) -> None:
        """Export the rows holding a marked unit (every row when none is) to a TOML file."""
        comparison = self.comparison
        if comparison is None:
            self.notify(_("The comparison is not ready yet"), title=_("Export"), timeout=3)
            return
        rows, by_marks = rows_to_export(comparison, app_state(self).marks)
        summary = Text()
        count = _n("{n} row", "{n} rows", len(rows)).format(n=len(rows))
        if by_marks:
            summary.append(count, style="bold")
            summary.append(
                _(" of {total} (those holding a marked unit)").format(total=len(comparison.pairs))
            )
        else:
            summary.append(_("All {count}").format(count=count), style="bold")
            summary.append(_(" (mark units with space to export only their rows)"))
        summary.append(_(" of "))
        summary.append(city_of(self.a), style="bold")
        summary.append(" ⇄ ")
        summary.append(city_of(self.b), style="bold")
        summary.append(
            _(
                ", both sides with their text and figures, as TOML (govread-export/1), "
                "or one row per pair as CSV or JSON Lines by the extension (.csv, .jsonl), to:"
            )
        )

        def table_rows() -> list[dict[str, object]]:
            from govread.compare_export import export_rows
            from govread.records import pair_row

            return [pair_row(pair) for pair in export_rows(comparison, rows)]

        self.app.push_screen(
            ExportDialog(
                lambda: export_comparison(comparison, rows),
                summary=summary,
                title=_("Export comparison"),
                what=_("The comparison ({count})").format(count=count),
                rows=table_rows,
            )
        )

    def action_back(self) -> None:
        if self._figures_shown():
            self.action_figures()
            return
        self.dismiss()

    # -- figures ------------------------------------------------------------------------

    def _fill_figures(self, comparison: Comparison) -> None:
        table: DataTable[Text] = self.query_one("#figures-table", DataTable)
        table.clear(columns=True)
        table.add_column(Text(_("Figure")), key="label")
        table.add_column(Text(city_of(self.a)), key="a")
        table.add_column(Text(city_of(self.b)), key="b")
        for pair in comparison.figures:
            cells = [Text(pair.label, style="bold")]
            for figure in (pair.a, pair.b):
                cell = Text(figure.text)
                if figure.label != pair.label:
                    cell.append(f"  {figure.label}", style="dim")
                cells.append(cell)
            table.add_row(*cells)
        used_a = {id(p.a) for p in comparison.figures}
        used_b = {id(p.b) for p in comparison.figures}
        only_a = [f for f in comparison.figures_a if id(f) not in used_a]
        only_b = [f for f in comparison.figures_b if id(f) not in used_b]
        for figure in only_a:
            table.add_row(Text(figure.label), Text(figure.text), Text("—", style="dim"))
        for figure in only_b:
            table.add_row(Text(figure.label), Text("—", style="dim"), Text(figure.text))
        caption = Text()
        caption.append(f"{len(comparison.figures)}", style="bold")
        caption.append(_(" figures of the same indicator or subject on both sides (first), then "))
        caption.append(f"{len(only_a)}", style="bold")
        caption.append(_(" only in {place} and ").format(place=city_of(self.a)))
        caption.append(f"{len(only_b)}", style="bold")
        caption.append(
            _(" only in {place}.  f or escape: back to the text").format(place=city_of(self.b))
        )
        self.query_one("#figures-caption", Static).update(caption)

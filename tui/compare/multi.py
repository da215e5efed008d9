"""The compare screen for three reports or more: one column per report, rows aligned by theme.

Opened from the report picker when several reports are chosen (space toggles one, enter
opens): `govread.multi_compare.compare_many` runs in a worker while a loading note shows.
Columns are at least `MIN_COLUMN` cells wide; when they do not all fit, the columns scroll
horizontally and the active one is always brought into view.

Keys as on the two-report screen: ``]`` / ``[`` next / previous theme (every column),
``tab`` / ``shift+tab`` the next / previous column, ``up`` / ``down`` the unit under the
cursor, ``s`` scrolling in step on or off (every column kept on the active one's row),
``f`` the figures table (one column per report), ``space`` marks the unit under the
cursor, ``e`` exports the rows holding a marked unit (else every row) as TOML, CSV or JSON
Lines (`govread.compare_export.export_many` / `cell_rows`), ``escape`` back.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, LoadingIndicator, Static
from textual.worker import get_current_worker

from govread.i18n import N_, _, _n
from govread.multi_compare import MultiComparison, compare_many
from govread.node_ids import is_node_id
from govread.parsers.model import Report
from govread.tui.app_state import app_state
from govread.tui.compare.column import Cell
from govread.tui.compare.multi_column import ReportColumn
from govread.tui.compare.screen import _warming, city_of
from govread.tui.dialogs.export import ExportDialog
from govread.tui.localised import LocalisedScreen
from govread.tui.messages import MarksChanged

MIN_COLUMN = 36  # cells: narrower, a column of Chinese text reads badly; scroll sideways


class MultiCompareScreen(LocalisedScreen[None]):
    """N columns, one per report, one row per aligned group of units; a figures table."""

    CSS_PATH = "multi.tcss"
    BINDING_GROUP_TITLE = N_("Compare")
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
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
            "theme(1)",
            N_("Next theme"),
            key_display="]",
            id="compare.next_theme",
        ),
        Binding(
            "left_square_bracket",
            "theme(-1)",
            N_("Prev theme"),
            key_display="[",
            show=False,
            id="compare.previous_theme",
        ),
        Binding(
            "tab",
            "switch_column(1)",
            N_("Column"),
            tooltip=N_("Make the next report's column active"),
            id="compare.switch_side",
        ),
        Binding(
            "shift+tab",
            "switch_column(-1)",
            N_("Previous column"),
            show=False,
            id="compare.previous_side",
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
            tooltip=N_("Figures, one column per report"),
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
            tooltip=N_("Scroll the columns in step, or not"),
            id="compare.sync",
        ),
        Binding("down,j", "cursor(1)", N_("Next unit"), show=False, id="compare.down"),
        Binding("up,k", "cursor(-1)", N_("Previous unit"), show=False, id="compare.up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="compare.page_down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="compare.page_up"),
    ]

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        if len(reports) < 2:
            raise ValueError("a comparison needs two reports or more")
        self.reports = tuple(reports)
        self.labels = tuple(city_of(report) for report in self.reports)
        self.comparison: MultiComparison | None = None
        self.active = 0
        self.sync = True
        self._cursor = [0] * len(self.reports)
        self._syncing = False
        self.started = time.perf_counter()
        self.fill_seconds: float | None = None
        self.title = _("Compare")

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(self._title_text(), id="compare-title")
        yield Static(id="compare-status")
        with Vertical(id="compare-loading"):
            yield LoadingIndicator()
            note = Text(
                _(
                    "Comparing {reports} … (the first comparison loads the word list, about a second)"
                ).format(reports=", ".join(self.labels))
            )
            note.highlight_words(self.labels, "bold")
            yield Static(note, id="compare-loading-note")
        yield HorizontalScroll(id="compare-columns")  # the columns, once compared
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
        for index, label in enumerate(self.labels):
            if index:
                title.append("  ·  ", style="dim")
            title.append(f"{index + 1} ", style="dim")
            title.append(label, style="bold")
        return title

    def column(self, index: int) -> ReportColumn:
        return self.query_one(f"#column-{index}", ReportColumn)

    @property
    def panes(self) -> list[Widget]:
        """Each column with its label above it, in order (none until shown)."""
        return list(self.query(".pane"))

    @property
    def columns(self) -> list[ReportColumn]:
        """The columns in order (none until the comparison is shown)."""
        return list(self.query(ReportColumn))

    def on_mount(self) -> None:
        self._update_status()
        self.run_comparison()

    # -- the comparison, off the UI thread --------------------------------------------

    @work(thread=True, exclusive=True, group="compare", name="compare reports")
    def run_comparison(self) -> None:
        worker = get_current_worker()
        try:
            with _warming:  # a warm-up still running finishes first
                pass
            result = compare_many(self.reports, list(app_state(self).library.reports))
        except Exception as error:  # one clear line, never a traceback on screen
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, result)  # type: ignore[arg-type]

    def _failed(self, reason: str) -> None:
        if not self.is_attached:
            return
        self.query_one(LoadingIndicator).display = False
        message = Text(_("The comparison failed:") + " ", style="bold")
        message.append(reason)
        self.query_one("#compare-loading-note", Static).update(message)

    async def _show(self, comparison: MultiComparison) -> None:
        if not self.is_attached:
            return
        self.comparison = comparison
        columns = [
            ReportColumn(
                index,
                label,
                comparison.rows,
                self.labels,
                self._is_marked,
                comparison.paired_texts(index),
                id=f"column-{index}",
            )
            for index, label in enumerate(self.labels)
        ]
        self.query_one("#compare-loading").display = False
        strip = self.query_one("#compare-columns", HorizontalScroll)
        strip.display = True
        panes = [
            Vertical(
                Static(Text(f"{index + 1} {label}"), classes="column-label"),
                column,
                classes="pane",
                id=f"pane-{index}",
            )
            for index, (label, column) in enumerate(zip(self.labels, columns, strict=True))
        ]
        self._fit_columns(self.size.width, panes)  # the strip spans the screen
        await strip.mount_all(panes)  # one layout pass for every column
        for index, column in enumerate(columns):
            self.watch(column, "scroll_y", self._scrolled(index), init=False)
        self._fill_figures(comparison)
        self._activate(0)
        for index in range(len(self.reports)):
            self._move_cursor(index, 0, scroll=False)
        self._update_status()
        self.fill_seconds = time.perf_counter() - self.started

    @staticmethod
    def _fit_columns(width: int, columns: Sequence[Widget]) -> None:
        """Share the width among the columns, none narrower than `MIN_COLUMN` (then the
        strip scrolls sideways): fractions of a scrolling container would each take all of it."""
        if not columns:
            return
        each = max(MIN_COLUMN, width // len(columns))
        for position, column in enumerate(columns):
            # the last takes what the division leaves, so the columns fill the strip exactly
            spare = width - each * len(columns) if position == len(columns) - 1 else 0
            column.styles.width = each + max(0, spare)

    def on_resize(self) -> None:
        self._fit_columns(self.size.width, self.panes)

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
            rows = self.comparison.rows
            active = f"{self.active + 1} {self.labels[self.active]}"
            state = _("on") if self.sync else _("off")
            status.append(_("active {column}  ·  sync {state}").format(column=active, state=state))
            status.highlight_words([active, state], "bold")
            everywhere = sum(1 for row in rows if not row.has_gap)
            themes = len(self.comparison.theme_ids())
            shared = len(self.comparison.shared_figures)
            counts = [
                _n("{n} row on {topics} topics", "{n} rows on {topics} topics", len(rows)).format(
                    n=len(rows), topics=themes
                ),
                _("{n} in every report").format(n=everywhere),
                _n("{n} shared figure", "{n} shared figures", shared).format(n=shared),
            ]
            status.append("  ·  " + "  ·  ".join(counts), style="dim")
        self.query_one("#compare-status", Static).update(status)

    # -- cursor and scrolling -----------------------------------------------------------

    def cursor_row(self, index: int | None = None) -> int | None:
        """The row under the cursor in column ``index`` (default: the active column)."""
        column = self.column(self.active if index is None else index)
        position = self._cursor[column.index]
        return column.cells[position].row if 0 <= position < len(column.cells) else None

    def _move_cursor(
        self, index: int, position: int, *, scroll: bool = True, top: bool = False
    ) -> None:
        column = self.column(index)
        if not column.cells:
            return
        position = max(0, min(len(column.cells) - 1, position))
        old = self._cursor[index]
        if 0 <= old < len(column.cells):
            column.cells[old].remove_class("-cursor")
        self._cursor[index] = position
        cell = column.cells[position]
        cell.add_class("-cursor")
        if scroll:
            target = column.rows[cell.row] if top else cell
            column.scroll_to_widget(target, animate=False, top=top, immediate=True)

    def _scrolled(self, index: int):  # type: ignore[no-untyped-def]
        def follow(_old: float, _new: float) -> None:
            if self.sync and not self._syncing:
                self._sync_from(index)

        return follow

    def _sync_from(self, index: int) -> None:
        """Bring every other column to the row (and the same fraction of it) at this one's top."""
        here = self.column(index)
        if not here.rows:
            return
        y = here.scroll_y
        for number, row in enumerate(here.rows):
            region = row.virtual_region
            if region.y + region.height + 1 > y or number == len(here.rows) - 1:
                break
        fraction = max(0.0, min(1.0, (y - region.y) / max(1, region.height)))
        self._syncing = True
        try:
            for there in self.columns:
                if there is here or len(there.rows) != len(here.rows):
                    continue
                other = there.rows[number].virtual_region
                target = other.y + fraction * other.height
                if abs(there.scroll_y - target) >= 1:
                    there.scroll_to(y=target, animate=False, immediate=True)
        finally:
            self._syncing = False

    def _sync_after_refresh(self) -> None:
        if self.sync:
            self.call_after_refresh(self._sync_from, self.active)

    # -- actions ----------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if self.comparison is None or self._figures_shown():
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
        top = column.scroll_y
        first = next(
            (
                position
                for position, cell in enumerate(column.cells)
                if column.rows[cell.row].virtual_region.y
                + cell.virtual_region.y
                + cell.virtual_region.height
                > top
            ),
            len(column.cells) - 1,
        )
        self._move_cursor(self.active, first, scroll=False)
        self._sync_after_refresh()

    def action_theme(self, step: int) -> None:
        """Go to the first row of the next (or previous) theme in every column."""
        comparison = self.comparison
        if comparison is None or self._figures_shown():
            return
        row = self.cursor_row() or 0
        rows = comparison.rows
        theme = rows[row].theme
        target: int | None = None
        if step > 0:
            target = next((i for i in range(row + 1, len(rows)) if rows[i].theme != theme), None)
        else:
            first = row
            while first > 0 and rows[first - 1].theme == theme:
                first -= 1
            if first > 0:
                previous = rows[first - 1].theme
                target = first - 1
                while target > 0 and rows[target - 1].theme == previous:
                    target -= 1
        if target is None:
            self.app.bell()
            return
        self.go_to_row(target)

    def go_to_row(self, row: int) -> None:
        """Put every column's cursor on ``row`` and scroll each to it."""
        for index, column in enumerate(self.columns):
            cells = column.cells_in_row(row)
            if cells:
                self._move_cursor(index, cells[0], top=True)

    def _activate(self, index: int) -> None:
        self.active = index
        for column in self.columns:
            column.set_class(column.index == index, "-active")
        for number, pane in enumerate(self.panes):
            pane.set_class(number == index, "-active")
        self.query_one("#compare-columns", HorizontalScroll).scroll_to_widget(
            self.panes[index], animate=False, immediate=True
        )

    def action_switch_column(self, step: int) -> None:
        """Make the next (or previous) column active, on the same row."""
        if self.comparison is None or self._figures_shown():
            return
        row = self.cursor_row()
        self._activate((self.active + step) % len(self.reports))
        if row is not None and self.cursor_row() != row:
            cells = self.column(self.active).cells_in_row(row)
            if cells:
                self._move_cursor(self.active, cells[0])
        self._update_status()

    @on(Cell.Clicked)
    def _clicked(self, message: Cell.Clicked) -> None:
        for column in self.columns:
            if message.cell in column.cells:
                self._activate(column.index)
                self._move_cursor(column.index, column.cells.index(message.cell), scroll=False)
                self._update_status()

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        if self.sync:
            self._sync_from(self.active)
        self._update_status()
        state = _("on") if self.sync else _("off")
        self.notify(_("Scrolling in step: {state}").format(state=state), timeout=2)

    def action_toggle_mark(self) -> None:
        if self.comparison is None or self._figures_shown():
            return
        column = self.column(self.active)
        position = self._cursor[self.active]
        if not 0 <= position < len(column.cells):
            return
        cell = column.cells[position]
        node_id = cell.node_id
        if node_id is None:
            self.notify(_("Nothing to mark here: this report has nothing in this row"), timeout=3)
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
        message = _("Marked: {what}") if marked else _("Unmarked: {what}")
        self.notify(message.format(what=what), timeout=3, markup=False)

    def on_marks_changed(self, message: MarksChanged) -> None:
        for column in self.columns:
            column.refresh_marks(message.node_ids)

    def _figures_shown(self) -> bool:
        return bool(self.query_one("#compare-figures").display)

    def action_figures(self) -> None:
        if self.comparison is None:
            return
        shown = not self._figures_shown()
        self.query_one("#compare-figures").display = shown
        self.query_one("#compare-columns").display = not shown
        table = self.query_one("#figures-table", DataTable)
        table.can_focus = shown
        if shown:
            table.focus()
        else:
            self.set_focus(None)

    def action_export(self) -> None:
        """Export the rows holding a marked unit (every row when none is): TOML, or one
        record per row and report as CSV or JSON Lines by the file's extension."""
        comparison = self.comparison
        if comparison is None:
            self.notify(_("The comparison is not ready yet"), title=_("Export"), timeout=3)
            return
        from govread.compare_export import cell_rows, export_many, many_rows_to_export

        rows, by_marks = many_rows_to_export(comparison, app_state(self).marks)
        count = _n("{n} row", "{n} rows", len(rows)).format(n=len(rows))
        if by_marks:
            chosen = _("{count} of {total} (those holding a marked unit)").format(
                count=count, total=len(comparison.rows)
            )
        else:
            chosen = _("All {count} (mark units with space to export only their rows)").format(
                count=count
            )
        summary = Text(
            _(
                "{rows} of {reports}: every report's cell with its text and figures, as TOML "
                "(govread-export/1), or one record per row and report as CSV or JSON Lines by "
                "the extension (.csv, .jsonl), to:"
            ).format(rows=chosen, reports=" · ".join(self.labels))
        )
        summary.highlight_words([count, *self.labels], "bold")
        self.app.push_screen(
            ExportDialog(
                lambda: export_many(comparison, rows),
                summary=summary,
                title=_("Export comparison"),
                what=_("The comparison ({count})").format(count=count),
                rows=lambda: cell_rows(comparison, rows),
            )
        )

    def action_back(self) -> None:
        if self._figures_shown():
            self.action_figures()
            return
        self.dismiss()

    # -- figures ------------------------------------------------------------------------

    def _fill_figures(self, comparison: MultiComparison) -> None:
        """One row per indicator or subject, one column per report; rows held by two
        reports or more first, then each report's others."""
        table: DataTable[Text] = self.query_one("#figures-table", DataTable)
        table.clear(columns=True)
        table.add_column(Text(_("Figure")), key="label")
        for index, label in enumerate(self.labels):
            table.add_column(Text(label), key=f"report-{index}")
        for row in comparison.figures:
            cells = [Text(row.label, style="bold" if row.present >= 2 else "")]
            for figure in row.cells:
                if figure is None:
                    cells.append(Text("—", style="dim"))
                    continue
                cell = Text(figure.text)
                if figure.label != row.label:
                    cell.append(f"  {figure.label}", style="dim")
                cells.append(cell)
            table.add_row(*cells)
        shared = len(comparison.shared_figures)
        caption = Text(
            _(
                "{shared} figures of the same indicator or subject in two reports or more "
                "(first), then {alone} in one report only.  f or escape: back to the text"
            ).format(shared=shared, alone=len(comparison.figures) - shared)
        )
        self.query_one("#figures-caption", Static).update(caption)

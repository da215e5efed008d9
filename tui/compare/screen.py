"""The compare screen: two reports or more side by side, rows aligned by topic (issues 5, 17).

`open_compare(app)` is what `c` in the browser calls: the report under the outline's cursor
is the first column (side A), a `ReportPicker` chooses the others among the open reports
(one, or several with space), and a `CompareScreen` is pushed at once with a loading note
while the comparison runs in a worker (jieba's dictionary takes about a second the first
time): `govread.compare.compare` for two reports, `govread.multi_compare.compare_many` for
more, both shown as rows of one cell per report (`govread.tui.compare.views` holds what
differs: the title, the headers' words, the status counts, the export).

Columns are at least `MIN_COLUMN` cells wide; when they do not all fit, they scroll
sideways and the active one is always brought into view.

Keys, for two reports or more: ``]`` / ``[`` next / previous topic (every column),
``tab`` / ``shift+tab`` the next / previous column, ``up`` / ``down`` the unit under the
cursor, ``s`` scrolling in step on or off (every column kept on the active one's row: rows
differ in height, so the sync is by row, not by line), ``f`` the figures table (one column
per report), ``space`` marks the unit under the cursor, ``enter`` goes back to the browser
on it (on a figure's, in the figures table), ``e`` exports the rows holding a marked unit
(else every row) as TOML, JSON, CSV or JSON Lines by the file's name, the formats of
`govread compare -o FILE` (`ExportDialog`), ``escape`` back.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Header, LoadingIndicator, Static
from textual.worker import get_current_worker

from govread.cancelling import Cancelled, cancellable, check
from govread.compare import Comparison, report_units
from govread.compare_export import FILE_SUFFIXES
from govread.figure_table import target_shown
from govread.i18n import N_, _, _n
from govread.library import place_label
from govread.multi_compare import MultiComparison
from govread.node_ids import is_node_id
from govread.parsers.model import Report
from govread.sanitize import sanitize_path
from govread.tui.app_state import app_state
from govread.tui.compare.column import Cell, CompareColumn
from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.views import PairView, view_of
from govread.tui.dialogs.export import ExportDialog
from govread.tui.indicator_notice import say_indicators_problem
from govread.tui.jump import back_to_node
from govread.tui.localised import KeysFooter, LocalisedScreen
from govread.tui.messages import MarksChanged

if TYPE_CHECKING:
    from govread.tui.app import GovreadApp


def city_of(report: Report) -> str:
    """``咸宁市 2023``: region and year, or the display title when the region is unknown."""
    return place_label(report) or report.display_title


def column_labels(reports: Sequence[Report]) -> tuple[str, ...]:
    """Each report's `city_of`, followed by its file's name where two reports share it (a
    government's report and its 司法局's of one year), as the picker tells them apart."""
    labels = [city_of(report) for report in reports]
    counts = Counter(labels)
    return tuple(
        f"{label} {sanitize_path(Path(report.path or '?').name)}" if counts[label] > 1 else label
        for label, report in zip(labels, reports, strict=True)
    )


# Held while the open reports are tokenised ahead of time, so that a comparison started
# meanwhile waits for that work instead of doing it a second time.
_warming = threading.Lock()
WARM_UP_GROUP = "compare-warm-up"


def warm_up(reports: Sequence[Report]) -> None:
    """Load jieba and cut every open report into units (cached by content hash); in a
    worker, stopped when the worker is cancelled (the picker or the comparison left, or
    quitting): cutting a long report takes seconds."""
    worker = get_current_worker()
    with _warming, cancellable(lambda: worker.is_cancelled), contextlib.suppress(Cancelled):
        for report in reports:
            report_units(report)


def stop_warm_up(app: App[Any]) -> None:
    """Give up cutting the reports for a comparison that will not be made."""
    app.workers.cancel_group(app, WARM_UP_GROUP)


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
        if others:  # one column per report: A first, then the others as listed
            app.push_screen(CompareScreen(side_a, *others, store=app.store))
        else:
            stop_warm_up(app)

    app.push_screen(ReportPicker(others, prompt), chosen)
    # While the reader types a name, load jieba and tokenise: most of the first
    # comparison's cost (about a second for jieba alone) is paid before enter.
    # From a store the words are weighed from its tables: only side A needs cutting.
    warm = [side_a] if app.store is not None else reports
    app.run_worker(
        lambda: warm_up(warm),
        name="warm up the comparison",
        group=WARM_UP_GROUP,
        thread=True,
        exclusive=True,
    )


MIN_COLUMN = 36  # cells: narrower, a column of Chinese text reads badly; scroll sideways
FIGURE_COLUMN_MIN = 12  # cells: the figures table's narrowest column when it shares the width


class CompareScreen(LocalisedScreen[None]):
    """One column per report (two or more), one row per aligned group of units; a figures
    table with one column per report. What differs between two and more is in its `view`."""

    # what the help says first, on this screen (`HelpScreen`)
    HELP_INTRO = N_(
        "The compare screen sets the reports side by side, a row for each topic they "
        "speak of: each column holds one report's sections and items on the topic, "
        "and a gap says where a report has none. Enter on a unit goes to it in the "
        "outline."
    )

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
            "enter",
            "go_to",
            N_("Go to"),
            tooltip=N_("Back to the browser, on the unit under the cursor"),
            show=False,
            id="compare.go_to",
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

    def __init__(self, *reports: Report, store: Path | None = None) -> None:
        super().__init__()
        if len(reports) < 2:
            raise ValueError("a comparison needs two reports or more")
        self.reports = reports
        self.store = store  # the store the reports were opened from: it weighs the words
        self.labels = column_labels(reports)
        self.view = view_of(self.labels)
        self.comparison: MultiComparison | None = None
        self._figures_width = 0  # the screen width the figures table was shared out for
        self.active = 0
        self.sync = True
        self._cursor = [0] * len(reports)
        self._syncing = False
        self.started = time.perf_counter()
        self.fill_seconds: float | None = None  # from creation to every column filled
        self.title = _("Compare")
        # Its own count: the app's ("5 reports: …", what is open) read as what is compared.
        self.sub_title = _n("{n} report", "{n} reports", len(reports)).format(n=len(reports))

    @property
    def pairwise(self) -> Comparison | None:
        """Two reports: their pairwise comparison, once computed (else None)."""
        return self.view.pairwise if isinstance(self.view, PairView) else None

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(self._title(), id="compare-title")
        yield Static(id="compare-status")
        with Vertical(id="compare-loading"):
            yield LoadingIndicator()
            yield Static(self.view.loading_note(), id="compare-loading-note")
        # the columns, filled once compared; the screen takes the keys, the mouse scrolls
        with HorizontalScroll(id="compare-columns", can_focus=False):
            for index, label in enumerate(self.labels):
                with Vertical(classes="pane", id=f"pane-{index}"):
                    caption = Static(Text(f"{index + 1} {label}"), classes="column-label")
                    caption.display = self.view.labelled_columns
                    yield caption
                    yield CompareColumn(
                        index,
                        self.labels,
                        self._is_marked,
                        header=self.view.header,
                        id=f"column-{index}",
                    )
        with Vertical(id="compare-figures"):
            yield Static(id="figures-caption")
            table: DataTable[Text] = DataTable(
                id="figures-table", cursor_type="row", zebra_stripes=True
            )
            table.can_focus = False
            yield table
        yield KeysFooter()

    def _title(self) -> Text:
        """The reports compared, and a line for each whose genre the topics do not fit."""
        from govread.genre_fit import genre_notes

        title = self.view.title()
        for note in genre_notes(self.reports):
            title.append("\n")
            title.append(note, style="yellow")
        return title

    def column(self, index: int) -> CompareColumn:
        return self.query_one(f"#column-{index}", CompareColumn)

    @property
    def panes(self) -> list[Widget]:
        """Each column (under its label, with three reports or more), in order."""
        return list(self.query(".pane"))

    @property
    def columns(self) -> list[CompareColumn]:
        """The columns in order (empty until the comparison is shown)."""
        return list(self.query(CompareColumn))

    def on_mount(self) -> None:
        self._fit_columns(self.size.width, self.panes)  # the strip spans the screen
        self._update_status()
        self.run_comparison()

    def on_unmount(self) -> None:
        # the comparison's worker is cancelled with the screen; the cutting ahead is its too
        stop_warm_up(self.app)

    # -- the comparison, off the UI thread --------------------------------------------

    @work(thread=True, exclusive=True, group="compare", name="compare reports")
    def run_comparison(self) -> None:
        worker = get_current_worker()
        try:
            # Leaving the screen cancels the worker (Textual does, on unmount), and so does
            # quitting: a thread cannot be killed, so the comparison's loops ask and stop
            # (a 10 MB report kept a core busy for half a minute, and quitting waited).
            with cancellable(lambda: worker.is_cancelled):
                # a warm-up still running finishes first (no work twice)
                while not _warming.acquire(timeout=0.05):
                    check()
                _warming.release()
                # the open reports weigh the words (a word every report uses tells little):
                # read from the store's comparison tables when they come from one, not cut again
                from govread.followup import stored_weights

                corpus = list(app_state(self).library.reports)
                # None without a store, or when an open report is not from it: cut as for files
                idf = stored_weights(self.store, self.reports, corpus)
                result = self.view.compute(self.reports, corpus, idf)
        except Cancelled:
            return
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

    async def _show(self, comparison: MultiComparison) -> None:
        if not self.is_attached:  # the reader left before the comparison was done
            return
        self.comparison = comparison
        say_indicators_problem(self.app)  # its figures are paired by indicator
        # Every column filled while the strip is hidden, so nothing is laid out before all
        # is there; shown at once, one layout pass.
        for mounting in [
            column.fill(comparison.rows, comparison.paired_texts(column.index))
            for column in self.columns
        ]:
            await mounting
        self.query_one("#compare-loading").display = False
        self.query_one("#compare-columns").display = True
        for column in self.columns:
            self.watch(column, "scroll_y", self._scrolled(column.index), init=False)
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
        if self.comparison is not None and self._figures_width != self.size.width:
            # the figures' columns were shared out for the width they were filled at
            table: DataTable[Text] = self.query_one("#figures-table", DataTable)
            cursor = table.cursor_coordinate
            self._fill_figures(self.comparison)
            table.move_cursor(row=cursor.row, column=cursor.column, scroll=False)

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
            status.append(_("active "))
            status.append(self.view.name(self.active), style="bold")
            status.append(_("  ·  sync "))
            status.append(_("on") if self.sync else _("off"), style="bold")
            status.append("  ·  " + self.view.counts(self.comparison), style="dim")
        self.query_one("#compare-status", Static).update(status)

    # -- cursor and scrolling -----------------------------------------------------------

    def cursor_row(self, index: int | None = None) -> int | None:
        """The row under the cursor in column ``index`` (default: the active column)."""
        column = self.column(self.active if index is None else index)
        position = self._cursor[column.index]
        return column.cells[position].row if 0 <= position < len(column.cells) else None

    def _cell_under_cursor(self) -> Cell | None:
        column = self.column(self.active)
        position = self._cursor[self.active]
        return column.cells[position] if 0 <= position < len(column.cells) else None

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
        """Bring every other column to the row (and the same fraction of it) at this one's
        top (rows differ in height, so the sync is by row, not by line)."""
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

    def _text_shown(self) -> bool:
        """True when the columns are on screen (compared, the figures table closed)."""
        return self.comparison is not None and not self._figures_shown()

    def action_cursor(self, step: int) -> None:
        if self._figures_shown():  # j / k there as ↓ ↑, which the table takes itself
            table = self.query_one("#figures-table", DataTable)
            table.move_cursor(row=max(0, table.cursor_row + step))
            return
        if not self._text_shown():
            return
        self._move_cursor(self.active, self._cursor[self.active] + step)
        self._sync_after_refresh()

    def action_page(self, step: int) -> None:
        """Scroll the active column a page; the cursor goes to the first unit in view."""
        if not self._text_shown():
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
        """Go to the first row of the next (or previous) topic in every column."""
        comparison = self.comparison
        if comparison is None or not self._text_shown():
            return
        row = self.cursor_row() or 0
        rows = comparison.rows
        topic = rows[row].theme
        target: int | None = None
        if step > 0:
            target = next((i for i in range(row + 1, len(rows)) if rows[i].theme != topic), None)
        else:
            first = row
            while first > 0 and rows[first - 1].theme == topic:
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
        for column in self.columns:
            cells = column.cells_in_row(row)
            if cells:
                self._move_cursor(column.index, cells[0], top=True)

    def _activate(self, index: int) -> None:
        self.active = index
        for column in self.columns:
            column.set_class(column.index == index, "-active")
        # on the label alone: a class on the pane would restyle every cell of its column
        for number, label in enumerate(self.query(".column-label")):
            label.set_class(number == index, "-active")
        self.query_one("#compare-columns", HorizontalScroll).scroll_to_widget(
            self.panes[index], animate=False, immediate=True
        )

    def action_switch_column(self, step: int) -> None:
        """Make the next (or previous) column active, on the same row."""
        if not self._text_shown():
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
        self.notify(
            _("Scrolling in step: on") if self.sync else _("Scrolling in step: off"), timeout=2
        )

    def action_toggle_mark(self) -> None:
        cell = self._cell_under_cursor() if self._text_shown() else None
        if cell is None:
            return
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
        what = cell.unit.shown_number + cell.unit.heading if cell.unit else node_id
        said = _("Marked: {what}") if marked else _("Unmarked: {what}")
        self.notify(said.format(what=what), timeout=3, markup=False)

    def action_go_to(self) -> None:
        """Back to the browser, its cursor on the unit under the cursor (an empty cell: on
        its report's nearest unit)."""
        cell = self._cell_under_cursor() if self._text_shown() else None
        if cell is None:
            return
        if cell.node_id is None:
            self.app.bell()
            return
        back_to_node(self, cell.node_id)

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
        # Focusable only while shown: the help screen lists the keys of focusable
        # widgets, and a hidden table's would be noise there.
        table.can_focus = shown
        if shown:
            table.focus()
        else:
            self.set_focus(None)

    @on(DataTable.RowSelected, "#figures-table")
    def _figure_chosen(self, event: DataTable.RowSelected) -> None:
        """enter on a figure: back to the browser, on the active report's figure of that row
        (the first report's that has one, when the active one has none)."""
        event.stop()
        comparison = self.comparison
        if comparison is None or event.row_key.value is None:
            return
        cells = comparison.figures[int(event.row_key.value)].cells
        figure = cells[self.active]
        if figure is None:
            figure = next(f for f in cells if f is not None)
        back_to_node(self, figure.node_id)

    def action_export(self) -> None:
        """Export the rows holding a marked unit (every row when none is): TOML, JSON, or
        one record per row (and report) as CSV or JSON Lines, by the file's extension."""
        comparison = self.comparison
        if comparison is None:
            self.notify(_("The comparison is not ready yet"), title=_("Export"), timeout=3)
            return
        request = self.view.export(comparison, app_state(self).marks, self)
        self.app.push_screen(
            ExportDialog(
                summary=request.summary,
                title=_("Export comparison"),
                what=request.what,
                render=request.render,
                formats=FILE_SUFFIXES,
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
        self._figures_width = self.size.width
        # No column wider than its share of the screen: a long subject made the first column
        # half of an 80-column terminal wide and pushed the second report out of sight.
        share = max(FIGURE_COLUMN_MIN, (self.size.width - 2) // (len(self.labels) + 1) - 2)
        rows = comparison.figures
        longest = max((cell_len(row.label) for row in rows), default=0)
        table.add_column(Text(_("Figure")), key="label", width=min(longest, share) or None)
        for index, label in enumerate(self.labels):
            widest = max(
                (
                    cell_len(f"{target_shown(figure.text, row.target)}  {figure.label}")
                    for row in rows
                    if (figure := row.cells[index]) is not None
                ),
                default=0,
            )
            width = max(widest, cell_len(label))
            table.add_column(Text(label), key=f"report-{index}", width=min(width, share))
        for number, row in enumerate(comparison.figures):
            cells = [Text(row.label, style="bold" if row.present >= 2 else "")]
            for figure in row.cells:
                if figure is None:
                    cells.append(Text("—", style="dim"))
                    continue
                cell = Text(target_shown(figure.text, row.target))
                if figure.label != row.label:
                    cell.append(f"  {figure.label}", style="dim")
                cells.append(cell)
            table.add_row(*cells, key=str(number))
        self.query_one("#figures-caption", Static).update(self.view.caption(comparison, self))

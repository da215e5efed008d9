"""The corpus screen (`t` in the browser): every open report as a row of three tables.

* Indicators: reports × the indicators most reports have; the cell is the report's first
  figure of that indicator, and below the table a bar chart of the indicator under the
  cursor across the reports shown.
* Coverage: reports × the 纲要's themes, each cell the share of the report's text on the
  theme (and its units), shaded as a heat map.
* Checklist: the five contents the 2019 rule requires, ✓ or ✗, and publication on time;
  the evidence of the cell under the cursor is shown below the table.

`s` sorts by the column under the cursor (again: the other way; reports without a value
stay last), `/` filters the reports by region, province, year or genre (every word must
match), `enter` on a cell goes to the sentence or section it comes from in the browser,
`e` writes the table shown (its rows as filtered and sorted) as CSV, JSON Lines or TOML.
The tables are computed in a worker, with a progress bar, once per report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import (
    Header,
    Input,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from govread.cache import ReportCache
from govread.checklist import CONTENT_NAMES, CONTENT_SHORT_NAMES, CONTENTS, check_columns
from govread.corpus_tables import (
    CorpusEntry,
    SortKey,
    build_entries,
    checklist_export_rows,
    checklist_sort_key,
    coverage_export_rows,
    coverage_sort_key,
    filtered,
    indicator_columns,
    indicator_export_rows,
    indicator_sort_key,
    sort_entries,
)
from govread.coverage import COVERAGE_COLUMNS, empty_label, percent, theme_columns
from govread.figure_table import COLUMNS as FIGURE_COLUMNS
from govread.figure_table import value_text
from govread.i18n import N_, _, _n
from govread.linebreak import KinsokuText
from govread.loading import cache_enabled
from govread.parsers.model import Report
from govread.sanitize import sanitize
from govread.tui._css import css_beside
from govread.tui.corpus.chart import heat_style, indicator_chart
from govread.tui.corpus.export import TableExportDialog
from govread.tui.corpus.grid import Grid, GridColumn, measure
from govread.tui.indicator_notice import say_indicators_problem
from govread.tui.jump import back_to_node
from govread.tui.key_scroll import KeyScroll
from govread.tui.keymap import keys_in
from govread.tui.localised import KeysFooter, LocalisedScreen
from govread.tui.safe_input import SafeInput

TABS = ("indicators", "coverage", "checklist")
REPORT_COLUMN = "report"
SORT_MARK_CELLS = 2  # " ▲" after a sorted column's header
CHART_BARS = 60  # bars drawn under the indicators table (the rest are counted)


def _indicator_key(column: str) -> str:
    return column.removeprefix("i:")


def indicator_cells(entry: CorpusEntry, indicators: Sequence[str]) -> list[Text]:
    """A report's row of the indicators table: its label, then each indicator's value."""
    cells = [Text(sanitize(entry.label))]
    cells += [Text(value_text(entry.figure(i)), justify="right") for i in indicators]
    return cells


class ChartScroll(KeyScroll):
    """The indicator's bar chart under its table: scrolled by the keys the detail pane's
    text is (j k g G beside the arrows), once focused (tab)."""

    BINDING_GROUP_TITLE = N_("Indicator chart")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", N_("Scroll Down"), show=False, id="chart.down"),
        Binding("k", "scroll_up", N_("Scroll Up"), show=False, id="chart.up"),
        Binding("g", "scroll_home", N_("Scroll Home"), show=False, id="chart.first"),
        Binding("G", "scroll_end", N_("Scroll End"), show=False, id="chart.last"),
    ]


class CorpusScreen(LocalisedScreen[None]):
    """Indicators, coverage and the checklist of every open report, as tables."""

    # what the help says first, on this screen (`HelpScreen`)
    HELP_INTRO = N_(
        "The corpus tables set every open report side by side: each indicator's "
        "figure in each report (Indicators), how much of each report speaks of each "
        "theme (Coverage), and whether it has the contents a report must have "
        "(Checklist). Enter on a cell goes to the text it comes from."
    )

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Corpus tables")
    AUTO_FOCUS = "#indicators-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q",
            "close",
            N_("Back"),
            tooltip=N_("Back to the browser (or leave the filter)"),
            id="corpus.back",
        ),
        Binding(
            "s",
            "sort",
            N_("Sort"),
            tooltip=N_("Sort by the column under the cursor; again: reverse"),
            id="corpus.sort",
        ),
        Binding(
            "slash",
            "filter",
            N_("Filter"),
            tooltip=N_("Filter reports by region, province, year, genre"),
            id="corpus.filter",
        ),
        Binding(
            "e",
            "export",
            N_("Export"),
            tooltip=N_("Write this table as CSV, JSON Lines or TOML"),
            id="corpus.export",
        ),
        Binding(
            "i",
            "ask_indicator",
            N_("Indicator"),
            tooltip=N_("Show an indicator by name (出庭应诉率)"),
            id="corpus.indicator",
        ),
        Binding(
            "1", "show_tab('indicators')", N_("Indicators"), show=False, id="corpus.indicators"
        ),
        Binding("2", "show_tab('coverage')", N_("Coverage"), show=False, id="corpus.coverage"),
        Binding("3", "show_tab('checklist')", N_("Checklist"), show=False, id="corpus.checklist"),
    ]

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        self.reports = list(reports)
        self.entries: list[CorpusEntry] = []
        self.ready = False
        self.query_text = ""
        self.indicators: list[str] = []
        # each table's sort: (column key, reverse), None for the order the reports were opened
        self.sorting: dict[str, tuple[str, bool] | None] = dict.fromkeys(TABS)
        self.shown: dict[str, list[CorpusEntry]] = {tab: [] for tab in TABS}
        self._stale: set[str] = set(TABS)
        # each table's row cells by report, made once: sorting and filtering only reorder them
        self._cells: dict[str, dict[int, list[Text]]] = {tab: {} for tab in TABS}
        self._widths: dict[str, list[int]] = {}  # over every report, so columns never jump

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield SafeInput(
            # one line of 74 cells at 80 columns (an input does not wrap): a place is a
            # region or its province
            placeholder=_("filter by place, year or genre (湖北 2023) · enter: back to the table"),
            id="corpus-filter",
        )
        yield ProgressBar(id="corpus-progress", show_eta=False)
        with TabbedContent(initial="indicators", id="corpus-tabs"):
            with TabPane(_("Indicators"), id="indicators"):
                yield Grid(id="indicators-table")
                with ChartScroll(id="chart-box"):
                    yield Static(id="indicator-chart")
            with TabPane(_("Coverage"), id="coverage"):
                yield Grid(id="coverage-table")
                yield Static(id="coverage-note")
            with TabPane(_("Checklist"), id="checklist"):
                yield Grid(id="checklist-table")
                yield Static(id="checklist-evidence")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = _("Corpus tables")
        self._count_shown(None)
        self._compute()

    def _count_shown(self, shown: int | None) -> None:
        """The subtitle: how many reports the tables hold, and how many of them a filter
        leaves (`shown`; None before the tables are made or with no filter)."""
        total = len(self.entries) if self.ready else len(self.reports)
        if shown is None or not self.query_text.strip():
            self.sub_title = _n("{n} report", "{n} reports", total).format(n=total)
        else:
            self.sub_title = _n(
                "{shown} of {total} report", "{shown} of {total} reports", total
            ).format(shown=shown, total=total)

    # -- computing (a worker) -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="corpus-tables")
    def _compute(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._progress, done, total)

        # the tables of reports seen before are read from the parsed-report cache, not
        # computed again (GOVREAD_NO_CACHE / --no-cache turn it off)
        cache = ReportCache() if cache_enabled() else None
        try:
            entries = build_entries(
                self.reports, progress, cache, cancelled=lambda: worker.is_cancelled
            )
        finally:
            if cache is not None:
                cache.close()
        # the indicators table's cells made here, not on the UI's thread
        indicators = indicator_columns(entries)
        cells: dict[int, list[Text]] = {}
        for position, entry in enumerate(entries):
            if worker.is_cancelled:
                return
            cells[position] = indicator_cells(entry, indicators)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._computed, entries, indicators, cells)

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#corpus-progress", ProgressBar)
        bar.update(total=total, progress=done)

    def _computed(
        self, entries: list[CorpusEntry], indicators: list[str], cells: dict[int, list[Text]]
    ) -> None:
        self.entries = entries
        self.indicators = indicators
        self._cells["indicators"] = cells
        self.query_one("#corpus-progress", ProgressBar).display = False
        self.ready = True
        self._position = {id(entry): index for index, entry in enumerate(entries)}
        self._coverage_largest = max(
            (s.share for e in entries for s in e.coverage.themes), default=0.0
        )
        self._stale = set(TABS)
        self._refresh_active()
        say_indicators_problem(self.app)

    # -- tables -------------------------------------------------------------------------

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active or "indicators"

    def table(self, tab: str | None = None) -> Grid:
        return self.query_one(f"#{tab or self.active_tab}-table", Grid)

    def _refresh_active(self) -> None:
        tab = self.active_tab
        if tab in self._stale and self.ready:
            self._fill(tab)
            self._stale.discard(tab)

    def _sort_key(self, tab: str, column: str) -> Callable[[CorpusEntry], SortKey]:
        if tab == "indicators":
            return indicator_sort_key(_indicator_key(column))
        if tab == "coverage":
            return coverage_sort_key(column)
        return checklist_sort_key(column)

    def _rows_for(self, tab: str) -> list[CorpusEntry]:
        rows = filtered(self.entries, self.query_text)
        sorting = self.sorting[tab]
        if sorting is not None:
            column, reverse = sorting
            rows = sort_entries(rows, self._sort_key(tab, column), reverse=reverse)
        return rows

    def _column(self, tab: str, key: str, label: str) -> GridColumn:
        """A column, its header the label and, on the column sorted by, its arrow."""
        sorting = self.sorting[tab]
        mark = None
        if sorting is not None and sorting[0] == key:
            mark = Text(" ▼" if sorting[1] else " ▲", style="bold")
        return GridColumn(key, Text(sanitize(label)), mark)

    def _fill(self, tab: str) -> None:
        rows = self._rows_for(tab)
        self.shown[tab] = rows
        self._count_shown(len(rows))
        columns = [self._column(tab, REPORT_COLUMN, _("report"))]
        if tab == "indicators":
            columns += self._indicator_columns()
            make = self._indicator_cells
        elif tab == "coverage":
            columns += self._coverage_columns()
            make = self._coverage_cells
        else:
            columns += self._checklist_columns()
            make = self._checklist_cells
        made = self._cells[tab]

        def cells_of(entry: CorpusEntry) -> list[Text]:
            position = self._position[id(entry)]
            cells = made.get(position)
            if cells is None:
                cells = made[position] = make(entry)
            return cells

        if tab not in self._widths:
            widths = measure(columns, [cells_of(e) for e in self.entries])
            self._widths[tab] = [
                max(w, cell_len(c.label.plain) + SORT_MARK_CELLS)
                for w, c in zip(widths, columns, strict=True)
            ]
        body = [(str(shown), cells_of(entry)) for shown, entry in enumerate(rows)]
        self.table(tab).set_data(columns, body, widths=self._widths[tab])
        self._show_detail(tab)

    def _indicator_columns(self) -> list[GridColumn]:
        return [self._column("indicators", f"i:{i}", i) for i in self.indicators]

    def _indicator_cells(self, entry: CorpusEntry) -> list[Text]:
        return indicator_cells(entry, self.indicators)

    def _coverage_columns(self) -> list[GridColumn]:
        return [
            self._column("coverage", theme_id, name.split(" · ")[0])
            for theme_id, name in theme_columns()
        ]

    def _coverage_cells(self, entry: CorpusEntry) -> list[Text]:
        largest = self._coverage_largest  # one scale for the whole corpus, filtered or not
        cells = [Text(sanitize(entry.label))]
        for share in entry.coverage.themes:
            if share.units:
                label = f"{percent(share.share)}% ({share.units})"
            else:  # "·" only where no text covers or names the theme (`Coverage.silent`)
                label = empty_label(share)
            cells.append(Text(label, style=heat_style(share.share, largest), justify="right"))
        return cells

    def _checklist_columns(self) -> list[GridColumn]:
        columns = [self._column("checklist", key, CONTENT_SHORT_NAMES[key]) for key in CONTENTS]
        columns.append(self._column("checklist", "published", _("published")))
        columns.append(self._column("checklist", "on_time", _("on time")))
        return columns

    def _checklist_cells(self, entry: CorpusEntry) -> list[Text]:
        result = entry.checklist
        cells = [Text(sanitize(entry.label))]
        for key in CONTENTS:
            if result.contents[key].found:
                cells.append(Text("✓", style="bold green", justify="center"))
            else:
                cells.append(Text("✗", style="bold red", justify="center"))
        published = result.published
        cells.append(Text(published or _("unknown"), style="" if published else "dim"))
        if result.on_time is None:
            cells.append(Text(_("unknown"), style="dim"))
        elif result.on_time:
            cells.append(Text(_("on time"), style="green"))
        else:
            cells.append(Text(_("late"), style="bold red"))
        return cells

    # -- the cell under the cursor ------------------------------------------------------

    def cell_at_cursor(self, tab: str | None = None) -> tuple[CorpusEntry, str] | None:
        """The report and column key under the active table's cursor."""
        tab = tab or self.active_tab
        key = self.table(tab).cell_key()
        if key is None:
            return None
        return self.shown[tab][int(key[0])], key[1]

    def on_grid_cell_highlighted(self, event: Grid.CellHighlighted) -> None:
        for tab in TABS:
            if event.grid.id == f"{tab}-table" and self.ready:
                self._show_detail(tab)

    def _show_detail(self, tab: str) -> None:
        found = self.cell_at_cursor(tab)
        if tab == "indicators":
            # the column's, even when a filter leaves no row (the chart then says so)
            column = self.table(tab).column_key()
            indicator = None
            if column is not None and column != REPORT_COLUMN:
                indicator = _indicator_key(column)
            self.query_one("#indicator-chart", Static).update(
                indicator_chart(self.shown[tab], indicator, limit=CHART_BARS)
            )
        elif tab == "checklist":
            evidence = KinsokuText.of(self._evidence_text(found))  # a report's words
            self.query_one("#checklist-evidence", Static).update(evidence)
        else:
            note = Text(
                keys_in(
                    self,
                    _(
                        "share of the report's text on each topic (units); shaded against the "
                        "largest in the corpus · {grid.select}: its first unit"
                    ),
                ),
                style="dim",
            )
            self.query_one("#coverage-note", Static).update(note)

    def _evidence_text(self, found: tuple[CorpusEntry, str] | None) -> Text:
        if found is None:
            return Text("")
        entry, column = found
        out = Text()
        out.append(sanitize(entry.label), style="bold")
        if column in CONTENTS:
            check = entry.checklist.contents[column]
            out.append(f" · {CONTENT_NAMES[column]}: ")
            if not check.found:
                out.append(_("not found"), style="bold red")
                return out
            places = len(check.node_ids)
            out.append(
                keys_in(
                    self,
                    _n(
                        "{n} place; {grid.select} goes to it",
                        "{n} places; {grid.select} goes to the first",
                        places,
                    ),
                    n=places,
                ),
                style="dim",
            )
            for evidence in check.evidence[:3]:
                out.append("\n  ")
                out.append(evidence.node_id, style="dim")
                out.append("  ")
                out.append(sanitize(evidence.text))
            return out
        result = entry.checklist
        out.append(_(" · published {date}").format(date=result.published or _("unknown")))
        if result.on_time is not None:
            out.append(
                " · "
                + (
                    _("before 1 April: on time")
                    if result.on_time
                    else _("on or after 1 April: late")
                )
            )
        missing = [CONTENT_NAMES[k] for k in result.missing]
        out.append(
            _("\n  missing: {contents}").format(
                contents=_(", ").join(missing) if missing else _("nothing")
            ),
            style="dim",
        )
        return out

    # -- keys ---------------------------------------------------------------------------

    def on_tabbed_content_tab_activated(self, _event: TabbedContent.TabActivated) -> None:
        self._refresh_active()
        self.table().focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_sort(self) -> None:
        found = self.cell_at_cursor()
        if found is None:
            return
        tab, column = self.active_tab, found[1]
        current = self.sorting[tab]
        # a new column starts with the largest first (the report column: A to Z)
        reverse = column != REPORT_COLUMN
        if current is not None and current[0] == column:
            reverse = not current[1]
        self.sorting[tab] = (column, reverse)
        self._fill(tab)

    def action_ask_indicator(self) -> None:
        if not self.ready:
            self.notify(_("The tables are still being computed"), severity="warning")
            return
        from govread.tui.corpus.ask import AskIndicator

        self.app.push_screen(AskIndicator(), self.show_indicator)

    def show_indicator(self, name: str | None) -> None:
        """Make `name` the first indicator column and put the cursor on it."""
        if not name:
            return
        self.indicators = [name, *(i for i in self.indicators if i != name)]
        self._cells["indicators"].clear()
        self._widths.pop("indicators", None)
        self.action_show_tab("indicators")
        self._fill("indicators")
        self._stale.discard("indicators")
        table = self.table("indicators")
        table.move_cursor(column=1)
        table.focus()
        held = sum(1 for e in self.entries if e.figure(name) is not None)
        self.notify(
            _("{name}: in {held} of {total} reports").format(
                name=name, held=held, total=len(self.entries)
            ),
            markup=False,
        )

    def action_filter(self) -> None:
        self.query_one("#corpus-filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._stale = set(TABS)
        self._refresh_active()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table().focus()

    def action_close(self) -> None:
        if self.query_one("#corpus-filter", Input).has_focus:
            self.table().focus()
            return
        self.dismiss(None)

    # -- going to the text ----------------------------------------------------------------

    def target_of(self, entry: CorpusEntry, tab: str, column: str) -> str:
        """The node a cell comes from: a figure's sentence, a theme's first unit, evidence."""
        if column != REPORT_COLUMN:
            if tab == "indicators":
                row = entry.figure(_indicator_key(column))
                if row is not None:
                    return str(row["node"])
            elif tab == "coverage":
                first = entry.coverage.of(column).first_node
                if first is not None:
                    return first
            elif column in CONTENTS:
                ids = entry.checklist.contents[column].node_ids
                if ids:
                    return ids[0]
        return entry.report_node

    def on_grid_cell_selected(self, event: Grid.CellSelected) -> None:
        event.stop()
        found = self.cell_at_cursor()
        if found is None:
            return
        entry, column = found
        self.jump(self.target_of(entry, self.active_tab, column))

    def jump(self, node_id: str) -> None:
        """Back to the browser, the cursor on this node (a preamble or closing: its report)."""
        back_to_node(self, node_id)

    # -- export -------------------------------------------------------------------------

    def action_export(self) -> None:
        if not self.ready:
            self.notify(_("The tables are still being computed"), severity="warning")
            return
        tab = self.active_tab
        rows = self.shown[tab]
        if tab == "indicators":
            columns = FIGURE_COLUMNS
            indicators = self.indicators
            name = "figure"

            def make() -> list[dict[str, object]]:
                return indicator_export_rows(rows, indicators)

            what = _("the figures of {indicators} indicators in {reports} reports").format(
                indicators=len(indicators), reports=len(rows)
            )
        elif tab == "coverage":
            columns, name = COVERAGE_COLUMNS, "coverage"

            def make() -> list[dict[str, object]]:
                return coverage_export_rows(rows)

            what = _("the coverage of {n} reports").format(n=len(rows))
        else:
            columns, name = check_columns(), "check"

            def make() -> list[dict[str, object]]:
                return checklist_export_rows(rows)

            what = _("the checklist of {n} reports").format(n=len(rows))
        self.app.push_screen(TableExportDialog(columns, make, table=name, what=what))

"""The timeline screen: the place of the report under the cursor, year by year (issue 17).

Opened from the palette ("Timeline of this place") or from the report picker (`ctrl+t` on
a report). The place's open reports (one per year: `govread.timeline.choose_per_year`;
what is left out is said under the title) are computed in a worker with a progress bar
and shown in three tabs: Topics and Indicators as soon as the years are read, Promises
once the words' weights over the open reports are counted (read from the store's
comparison tables on a store, so no report is cut into words again; else each report is
cut once):

* Topics (`1`): a topic per row, a year per column; a cell names the units of that year's
  report on the topic (or where it covers it besides), the line below lists them all, and
  the topics that appear or disappear from one year to the next.
* Indicators (`2`): each canonical indicator per year, with its change from the year
  before (a unit mismatch is flagged, never computed).
* Promises (`3`): each plan of year N with its status in year N+1's report (followed up,
  partly, not mentioned) and, on the lines under it, its evidence.

`enter` goes to the node under the cursor in the browser (a unit, a figure, a plan or an
evidence passage); `escape` goes back. Each table's first column stays in view while the
years scroll sideways; under `NARROW_WIDTH` the topics are named by their first part and
the cells cut shorter (two years beside the topics at 80×24).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, ProgressBar, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from govread.clip import clipped
from govread.compare import Idf, Unit
from govread.followup import (
    Promise,
    plan_text,
    stored_weights,
    timeline_promises,
    word_weights,
)
from govread.i18n import N_, _, _n
from govread.linebreak import KinsokuText
from govread.opening import recognisable_path
from govread.parsers.model import Report
from govread.sanitize import sanitize_line, sanitize_path
from govread.timeline import (
    Place,
    Progress,
    Timeline,
    build_timeline,
    place_of,
    reason_text,
)
from govread.timeline_view import series_cells, status_text
from govread.tui.indicator_notice import say_indicators_problem
from govread.tui.jump import back_to_node
from govread.tui.key_scroll import KeyScroll
from govread.tui.localised import KeysFooter, LocalisedScreen

if TYPE_CHECKING:
    from govread.tui.app import GovreadApp

TABS = ("topics", "indicators", "promises")
_CELL_CHARS = 14  # characters of a unit's heading in a topic cell
# Below this width (80×24) a topic is named by its first part (`党的领导…`, the line below
# names it whole) and a cell's heading is cut shorter: two years show beside the topics.
NARROW_WIDTH = 120
_NARROW_CELL_CHARS = 8
# ... and a cell takes this many cells at most, its count of more units (`+11`) kept whole,
# the heading cut first: at 80 columns the topic column (15 cells, with its padding) and two
# years (29 + 2 each) leave 3 for the scrollbar. A deep number (`二、(一)一是`) ran past.
_NARROW_CELL_WIDTH = 29
# Reports left out of the timeline named one a line up to this many; more are counted by
# reason, with their years (a line each would leave the tables no room on 80×24).
LEFT_OUT_NAMED = 2
# A left-out report's file is named in this many characters at most (its middle elided: the
# start and the end, a number or a year, are what tells two files apart).
FILE_CHARS = 48


def short_file(path: str, opened: Sequence[str | Path]) -> str:
    """A report's file as the user knows it (`recognisable_path`), its middle elided past
    `FILE_CHARS`, sanitised."""
    shown = recognisable_path(path, opened)
    if len(shown) > FILE_CHARS:
        head = (FILE_CHARS - 1) // 2
        shown = shown[:head] + "…" + shown[len(shown) - (FILE_CHARS - 1 - head) :]
    return sanitize_path(shown)


def open_timeline(app: GovreadApp, report: Report | None = None) -> None:
    """The timeline of the place of `report` (default: the report under the cursor)."""
    report = report or app.browser.outline.current_report
    if report is None:
        app.notify(_("Put the cursor on a report first"), title=_("Timeline"), severity="warning")
        return
    place = place_of(report)
    if place is None:
        app.notify(
            _("This report names no place: its timeline cannot be drawn"),
            title=_("Timeline"),
            severity="warning",
        )
        return
    reports = list(app.library.reports)
    group = [r for r in reports if place_of(r) == place]
    app.push_screen(TimelineScreen(place, group, reports, store=app.store))


def _unit_label(unit: Unit, limit: int = _CELL_CHARS) -> str:
    return sanitize_line(unit.shown_number + clipped(unit.heading, limit))


def short_topic(name: str) -> str:
    """A topic's name by its first part (`党的领导 · 习近平法治思想` → `党的领导…`)."""
    first, more, _rest = name.partition(" · ")
    return first + "…" if more else name


def topic_cell(
    main: Sequence[Unit], also: Sequence[Unit], limit: int = _CELL_CHARS, width: int | None = None
) -> Text:
    """One line: the first unit on the topic and how many more, or where it is covered
    (`limit`: characters of the unit's heading; `width`: cells of the whole line at most,
    the count of more units kept whole)."""
    cell = Text()
    if main:
        more = f" +{len(main) - 1}" if len(main) > 1 else ""
        label = Text(_unit_label(main[0], limit))
        if width is not None:
            label.truncate(width - len(more), overflow="ellipsis")
        cell.append_text(label)
        cell.append(more, style="bold")
    elif also:
        cell.append(_("in "), style="dim")
        cell.append("、".join(sanitize_line(u.shown_number.strip()) for u in also[:2]), style="dim")
    else:
        cell.append("—", style="dim")
    if width is not None:
        cell.truncate(width, overflow="ellipsis")
    return cell


class TimelineDetail(KeyScroll):
    """The line below a tab's table (a cell's units, the topics new and gone year by year):
    as long as it needs, scrolled by the keys the browser's detail pane is (j k g G beside
    the arrows) once focused (tab); on 80×24 it holds a few lines of its 40 %."""

    BINDING_GROUP_TITLE = N_("Timeline detail")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", N_("Scroll Down"), show=False, id="timeline_detail.down"),
        Binding("k", "scroll_up", N_("Scroll Up"), show=False, id="timeline_detail.up"),
        Binding("g", "scroll_home", N_("Scroll Home"), show=False, id="timeline_detail.first"),
        Binding("G", "scroll_end", N_("Scroll End"), show=False, id="timeline_detail.last"),
    ]


class TimelineScreen(LocalisedScreen[None]):
    """One place's reports as years: topics, indicator series and promises, in tabs."""

    # what the help says first, on this screen (`HelpScreen`)
    HELP_INTRO = N_(
        "The timeline follows one place over the years: its indicators year by year, "
        "the topics that appear and disappear, and whether each year's plans were "
        "followed up the next year. Enter on a figure or a unit goes to its text."
    )

    CSS_PATH = "screen.tcss"
    BINDING_GROUP_TITLE = N_("Timeline")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q", "back", N_("Back"), tooltip=N_("Back to the browser"), id="timeline.back"
        ),
        Binding("1", "show_tab('topics')", N_("Topics"), id="timeline.topics"),
        Binding("2", "show_tab('indicators')", N_("Indicators"), id="timeline.indicators"),
        Binding("3", "show_tab('promises')", N_("Promises"), id="timeline.promises"),
        # j k h l as everywhere else (the tables take the arrows themselves)
        Binding("j", "table('down')", N_("Down"), show=False, id="timeline.down"),
        Binding("k", "table('up')", N_("Up"), show=False, id="timeline.up"),
        Binding("h", "table('left')", N_("Left"), show=False, id="timeline.left"),
        Binding("l", "table('right')", N_("Right"), show=False, id="timeline.right"),
    ]

    def __init__(
        self,
        place: Place,
        reports: Sequence[Report],
        corpus: Sequence[Report] = (),
        *,
        store: Path | None = None,
    ) -> None:
        super().__init__()
        self.place = place
        self.reports = list(reports)
        self.corpus = list(corpus)
        self.store = store  # the store the open reports come from: it holds their words
        self.timeline: Timeline | None = None
        self.promises: list[Promise] = []
        self.ready = False  # every tab filled
        self._filled: set[str] = set()  # the tabs filled so far
        # what enter goes to, per table and row (or cell) key
        self._targets: dict[str, dict[str, str]] = {tab: {} for tab in TABS}
        self._details: dict[str, Text] = {}
        self._narrow = False  # the topics as filled: for a terminal under NARROW_WIDTH
        self.title = _("Timeline")
        self.sub_title = place.label

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(self._title(), id="timeline-title")
        yield ProgressBar(id="timeline-progress", show_eta=False)
        with TabbedContent(initial="topics", id="timeline-tabs"):
            with TabPane(_("Topics"), id="topics"):
                yield DataTable(
                    id="topics-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1
                )
                with TimelineDetail(id="topics-detail-box"):
                    yield Static(id="topics-detail")
            with TabPane(_("Indicators"), id="indicators"):
                yield DataTable(
                    id="indicators-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1
                )
                with TimelineDetail(id="indicators-detail-box"):
                    yield Static(id="indicators-detail")
            with TabPane(_("Promises"), id="promises"):
                yield DataTable(id="promises-table", cursor_type="row", fixed_columns=1)
                with TimelineDetail(id="promises-detail-box"):
                    yield Static(id="promises-detail")
        yield KeysFooter()

    def _title(self) -> Text:
        title = Text(sanitize_line(self.place.label), style="bold")
        years = sorted({r.year for r in self.reports if r.year})
        title.append("  " + " · ".join(map(str, years)), style="dim")
        if len(years) < 2:
            title.append(
                "  " + _("(one year open: open this place's other reports to see it change)"),
                style="yellow",
            )
        return title

    def on_mount(self) -> None:
        self._compute()

    # -- computing (a worker) -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="timeline")
    def _compute(self) -> None:
        """The place's years (the Topics and Indicators tabs are filled then), the words'
        weights over the open reports, as in a comparison (read from the store when they
        come from one; else each open report cut into units once), then the plans of each
        year against the next (the Promises tab): one progress bar over the three."""
        worker = get_current_worker()
        years = max(1, len({r.year for r in self.reports if r.year}))
        weighing = 1 if self.store is not None else len({r.id for r in self.corpus}) or 1
        total = 2 * years + weighing

        class Cancelled(Exception):
            pass

        def step(offset: int, every: int = 1) -> Progress:
            def progress(done: int, steps: int) -> None:
                if worker.is_cancelled:
                    raise Cancelled
                if done % every == 0 or done == steps:
                    self.app.call_from_thread(self._progress, offset + done, total)

            return progress

        try:
            timeline = build_timeline(self.place, self.reports, progress=step(0))
            self.app.call_from_thread(self._show_timeline, timeline)
            idf: Idf | None = None
            if self.store is not None:
                idf = stored_weights(self.store, timeline.reports, self.corpus)
                step(years)(1, 1)
            if idf is None:
                known = dict(zip((r.id for r in timeline.reports), timeline.units, strict=True))
                weighing = len({r.id for r in (*timeline.reports, *self.corpus)})
                total = 2 * years + weighing
                idf = word_weights(
                    (*timeline.reports, *self.corpus), known=known, progress=step(years, 20)
                )
            promises = timeline_promises(
                timeline, self.corpus, idf=idf, progress=step(years + weighing)
            )
        except Cancelled:
            return
        except Exception as error:  # one clear line, never a traceback on screen
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_promises, promises)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#timeline-progress", ProgressBar).update(total=total, progress=done)

    def _failed(self, reason: str) -> None:
        if self.is_attached:
            self.query_one("#timeline-progress", ProgressBar).display = False
            message = Text(_("The timeline failed: "), style="bold")
            message.append(sanitize_line(reason))
            self.query_one("#topics-detail", Static).update(message)

    def _show_timeline(self, timeline: Timeline) -> None:
        """The Topics and Indicators tabs, while the promises are still being worked out."""
        if not self.is_attached:
            return
        self.timeline = timeline
        say_indicators_problem(self.app)  # the Indicators tab's series
        if timeline.left_out:
            title = self._title()
            if len(timeline.left_out) <= LEFT_OUT_NAMED:
                opened = getattr(self.app, "paths", ())
                for left in timeline.left_out:
                    title.append("\n" + _("left out: "), style="dim")
                    title.append(sanitize_line(left.report.display_title))
                    # the file too: a second report of the year often has the same title
                    if left.report.path:
                        title.append(" · " + short_file(left.report.path, opened))
                    title.append(f" ({sanitize_line(reason_text(left))})", style="dim")
            else:  # one line per reason, the years it took out (a title each filled the screen)
                reasons: dict[str, list[int | None]] = {}
                for left in timeline.left_out:
                    reasons.setdefault(reason_text(left), []).append(left.report.year)
                for reason, years in reasons.items():
                    count = _n("{n} report", "{n} reports", len(years)).format(n=len(years))
                    title.append("\n" + _("left out: "), style="dim")
                    title.append(count)
                    title.append(f" ({sanitize_line(reason)})", style="dim")
                    known = sorted({year for year in years if year})
                    if known:
                        title.append(" " + " · ".join(map(str, known)))
            self.query_one("#timeline-title", Static).update(title)
        self._fill_topics(timeline)
        self._fill_indicators(timeline)
        self._filled.update(("topics", "indicators"))
        self.query_one("#promises-detail", Static).update(
            Text(_("Setting each year's plans against the next report…"), style="dim")
        )
        self._table(self.active_tab).focus()

    def _show_promises(self, promises: list[Promise]) -> None:
        if not self.is_attached or self.timeline is None:
            return
        self.promises = promises
        self.query_one("#timeline-progress", ProgressBar).display = False
        self.query_one("#promises-detail", Static).update("")
        self._fill_promises(self.timeline, promises)
        self._filled.add("promises")
        self.ready = True
        self._table(self.active_tab).focus()

    # -- the tables -------------------------------------------------------------------------

    def _table(self, tab: str) -> DataTable[Text]:
        return self.query_one(f"#{tab}-table", DataTable)

    def _year_table(
        self, tab: str, heading: str, key: str, years: Sequence[int]
    ) -> DataTable[Text]:
        """``tab``'s table emptied, with its first column (``heading``) and one per year."""
        table = self._table(tab)
        table.clear(columns=True)
        table.add_column(Text(heading), key=key)
        for year in years:
            table.add_column(Text(str(year)), key=str(year))
        return table

    def _fill_topics(self, timeline: Timeline) -> None:
        table = self._year_table("topics", _("Topic"), "topic", timeline.years)
        targets = self._targets["topics"]
        self._narrow = narrow = self.size.width < NARROW_WIDTH
        limit = _NARROW_CELL_CHARS if narrow else _CELL_CHARS
        for row in timeline.topics:
            cells = [Text(short_topic(row.name) if narrow else row.name, style="bold")]
            self._details[f"topics|{row.theme}|topic"] = Text(row.name, style="bold")
            for index, year in enumerate(timeline.years):
                main, also = row.main[index], row.also[index]
                cells.append(topic_cell(main, also, limit, _NARROW_CELL_WIDTH if narrow else None))
                units = (*main, *also)
                if units:
                    targets[f"{row.theme}|{year}"] = units[0].node_id
                self._details[f"topics|{row.theme}|{year}"] = self._units_detail(
                    row.name, year, main, also
                )
            table.add_row(*cells, key=row.theme)
        shifts = Text()
        for shift in timeline.shifts:
            if shifts:
                shifts.append("\n")
            shifts.append(f"{shift.before} → {shift.after}  ", style="bold")
            shifts.append(_("new: "), style="green")
            shifts.append("、".join(timeline.theme_name(t) for t in shift.appeared) or "—")
            shifts.append("  ")
            shifts.append(_("gone: "), style="red")
            shifts.append("、".join(timeline.theme_name(t) for t in shift.disappeared) or "—")
        self._details["topics|shifts"] = shifts
        self.query_one("#topics-detail", Static).update(shifts)

    def _units_detail(
        self, name: str, year: int, main: Sequence[Unit], also: Sequence[Unit]
    ) -> Text:
        text = Text(f"{name} · {year}", style="bold")
        for unit in main:
            text.append("\n  ")
            text.append(_unit_label(unit, 40))
        for unit in also:
            text.append("\n  ")
            text.append(_("also in "), style="dim")
            text.append(_unit_label(unit, 40), style="dim")
        if not main and not also:
            text.append("\n  " + _("not covered this year"), style="dim")
        return text

    def _fill_indicators(self, timeline: Timeline) -> None:
        table = self._year_table("indicators", _("Indicator"), "indicator", timeline.years)
        targets = self._targets["indicators"]
        for number, series in enumerate(timeline.series):
            indicator = sanitize_line(series.indicator)  # a user's indicators file names some
            cells = [Text(indicator, style="bold")]
            cells += series_cells(series, timeline.years, "  ")
            # every cell has its line below, so none keeps the one of the cell before
            self._details[f"indicators|{number}|indicator"] = Text(indicator, style="bold")
            for year, point in zip(timeline.years, series.points, strict=True):
                if point is None:
                    self._details[f"indicators|{number}|{year}"] = Text(
                        f"{indicator} · {year}: —", style="bold"
                    )
                    continue
                targets[f"{number}|{year}"] = point.node_id
                detail = Text(f"{indicator} · {year}: ", style="bold")
                detail.append(sanitize_line(point.text))
                detail.append("  " + sanitize_line(point.label), style="dim")
                self._details[f"indicators|{number}|{year}"] = detail
            table.add_row(*cells, key=str(number))
        if not timeline.series:
            self.query_one("#indicators-detail", Static).update(
                Text(_("No canonical indicator in these reports."), style="dim")
            )

    def _fill_promises(self, timeline: Timeline, promises: Sequence[Promise]) -> None:
        table = self._table("promises")
        table.clear(columns=True)
        table.add_column(Text(_("Years")), key="years")
        table.add_column(Text(_("Status")), key="status")
        table.add_column(Text(_("Plan, or where the next report speaks of it")), key="text")
        targets = self._targets["promises"]
        for number, promise in enumerate(promises):
            years = (
                f"{promise.year}→{promise.next_year}" if promise.next_year else str(promise.year)
            )
            key = f"p{number}"
            table.add_row(
                Text(years), status_text(promise), Text(sanitize_line(plan_text(promise.plan))),
                key=key,
            )  # fmt: skip
            targets[key] = promise.plan.node_id
            self._details[f"promises|{key}"] = self._promise_detail(promise)
            for index, evidence in enumerate(promise.evidence):
                line = Text("  ↳ ")
                line.append(_unit_label(evidence.unit), style="bold")
                line.append(f"  “{sanitize_line(evidence.quote)}”")
                evidence_key = f"{key}e{index}"
                table.add_row(
                    Text(""), Text(f"  {evidence.coverage:.0%}", style="dim"), line,
                    key=evidence_key,
                )  # fmt: skip
                targets[evidence_key] = evidence.node_id
                self._details[f"promises|{evidence_key}"] = self._promise_detail(promise)
        if not promises:
            self.query_one("#promises-detail", Static).update(
                Text(_("No plan (下一步 / 工作安排) found in these reports."), style="dim")
            )

    def _promise_detail(self, promise: Promise) -> Text:
        text = Text(f"{promise.year} ", style="bold")
        text.append_text(status_text(promise))
        text.append("  ")
        text.append(sanitize_line(promise.plan.text))
        for evidence in promise.evidence:
            text.append(f"\n  {promise.next_year} ", style="dim")
            text.append(_unit_label(evidence.unit, 30), style="bold")
            text.append(
                "  " + _("{share} of the plan's words").format(share=f"{evidence.coverage:.0%}"),
                style="dim",
            )
            if evidence.shared:
                text.append("  " + " · ".join(evidence.shared[:5]), style="green")
        return text

    def on_resize(self) -> None:
        """Across `NARROW_WIDTH`, the topics filled again for the width (the cursor kept)."""
        if self.timeline is None or (self.size.width < NARROW_WIDTH) == self._narrow:
            return
        table = self._table("topics")
        cursor = table.cursor_coordinate
        self._fill_topics(self.timeline)
        table.move_cursor(row=cursor.row, column=cursor.column, animate=False)

    # -- cursor, enter, tabs ----------------------------------------------------------------

    def _key_under_cursor(self, tab: str) -> str | None:
        table = self._table(tab)
        if not table.row_count:
            return None
        if tab == "promises":
            row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
            return str(row_key.value)
        row_key, column_key = table.coordinate_to_cell_key(table.cursor_coordinate)
        return f"{row_key.value}|{column_key.value}"

    @on(DataTable.CellHighlighted)
    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.CellHighlighted | DataTable.RowHighlighted) -> None:
        if event.data_table.id is None:
            return
        tab = event.data_table.id.removesuffix("-table")
        if tab not in self._filled:
            return
        key = self._key_under_cursor(tab)
        if key is None:
            return
        detail = self._details.get(f"{tab}|{key}")
        if tab == "topics" and detail is not None:
            detail = detail.copy()
            detail.append("\n")
            detail.append_text(self._details.get("topics|shifts", Text()))
        if detail is not None:  # quotes of the reports: wrapped as Chinese is set
            self.query_one(f"#{tab}-detail", Static).update(KinsokuText.of(detail))
            self.query_one(f"#{tab}-detail-box", TimelineDetail).scroll_home(animate=False)

    @on(DataTable.CellSelected)
    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.CellSelected | DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id is None:
            return
        tab = event.data_table.id.removesuffix("-table")
        if tab not in self._filled:
            return
        key = self._key_under_cursor(tab)
        target = self._targets[tab].get(key or "")
        if target is None:
            self.app.bell()
            return
        self.jump(target)

    def jump(self, node_id: str) -> None:
        """Back to the browser, the cursor on this node (a preamble or closing: its report)."""
        back_to_node(self, node_id)

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active or "topics"

    def action_table(self, direction: str) -> None:
        table = self._table(self.active_tab)
        {
            "down": table.action_cursor_down,
            "up": table.action_cursor_up,
            "left": table.action_cursor_left,
            "right": table.action_cursor_right,
        }[direction]()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self._table(tab).focus()

    def on_tabbed_content_tab_activated(self, _event: TabbedContent.TabActivated) -> None:
        self._table(self.active_tab).focus()

    def action_back(self) -> None:
        self.dismiss(None)

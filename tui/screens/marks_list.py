"""The marks: a list of every marked node, "Clear marks" in the palette, and restoring.

`MarksListScreen` lists the marked nodes of the open reports in document order (region,
year, kind, path of headings); enter dismisses it with the node id so the browser can put
the cursor there, `space` / `delete` unmark. `confirm_clear_marks` asks, then unmarks the
open reports' nodes. `restore_marks` puts back the marks named by exported TOML files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from govread.export import ExportError, read_export
from govread.marks import MarkSet, NodeRef, resolve
from govread.parsers.model import Report
from govread.tui._css import css_beside
from govread.tui.screens.confirm import ConfirmDialog

if TYPE_CHECKING:
    from textual.dom import DOMNode


class MarksApp(Protocol):
    """What these screens need of the app (GovreadApp; a protocol to avoid an import cycle)."""

    reports: list[Report]
    marks: MarkSet

    def toggle_mark(self, node_id: str) -> bool: ...
    def marks_changed(self, node_ids: frozenset[str]) -> None: ...


def _marks_app(node: DOMNode) -> MarksApp:
    app: object = node.app
    return app  # type: ignore[return-value]


KIND_NAMES = {"report": "report", "section": "section", "item": "item"}


def where(ref: NodeRef) -> Text:
    """The path of headings down to a node, or the report's title for a report."""
    if not ref.path:
        return Text(ref.report.title or ref.report.display_title)
    text = Text()
    for index, part in enumerate(ref.path):
        if index:
            text.append(" › ", style="dim")
        text.append(part)
    return text


def _closed_count(app: MarksApp) -> int:
    return len(app.marks) - app.marks.count(app.reports)


class MarksListScreen(ModalScreen[str | None]):
    """Every marked node of the open reports; enter goes to one, space or delete unmarks."""

    DEFAULT_CSS = css_beside(__file__)
    COMMANDS = {lambda: MarksCommands}  # noqa: RUF012 (defined below; typed by Screen)
    BINDING_GROUP_TITLE = "Marks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,m", "close", "Close"),
        Binding("space,delete", "unmark", "Unmark", tooltip="Unmark the node under the cursor"),
        Binding("enter", "go_to", "Go to", tooltip="Show the node in the outline"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-body") as body:
            body.border_title = "Marks"
            yield Static(id="marks-summary")
            table: DataTable[Text] = DataTable(
                id="marks-table", cursor_type="row", zebra_stripes=True
            )
            yield table
            yield Static(
                Text("enter go to · space/delete unmark · escape close", style="dim"),
                id="marks-hint",
            )

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#marks-table", DataTable)

    def on_mount(self) -> None:
        table = self.table
        table.add_column("Region", key="region")
        table.add_column("Year", key="year")
        table.add_column("Kind", key="kind")
        table.add_column("Where", key="where")
        self._fill()
        table.focus()

    def _fill(self) -> None:
        app = _marks_app(self)
        refs = app.marks.ordered(app.reports)
        table = self.table
        row = table.cursor_row
        table.clear()
        for ref in refs:
            report = ref.report
            table.add_row(
                Text(report.region or "?"),
                Text(str(report.year) if report.year else "?"),
                Text(KIND_NAMES[ref.kind], style="dim"),
                where(ref),
                key=ref.id,
            )
        if refs:
            table.move_cursor(row=min(row, len(refs) - 1))
        summary = Text()
        summary.append(f"{len(refs)} marked", style="bold")
        summary.append(f" in {len({ref.report.sha256 for ref in refs})} open report(s)")
        closed = _closed_count(app)
        if closed:
            summary.append(f"; {closed} more in reports not open (kept)", style="dim")
        if not refs:
            summary.append(" — press space on a section or item in the outline to mark it")
        self.query_one("#marks-summary", Static).update(summary)

    def _current_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def action_unmark(self) -> None:
        node_id = self._current_id()
        if node_id is not None and node_id in _marks_app(self).marks:
            _marks_app(self).toggle_mark(node_id)  # MarksChanged refills the table

    def action_go_to(self) -> None:
        node_id = self._current_id()
        if node_id is not None:
            self.dismiss(node_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_go_to()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_govread_app_marks_changed(self, _: Message) -> None:
        self._fill()


# -- clearing ---------------------------------------------------------------------------


def confirm_clear_marks(app: App[object]) -> None:
    """Ask, then unmark every node of the open reports (marks of other reports stay)."""
    marks_app = _marks_app(app)
    ids = frozenset(
        node_id for report in marks_app.reports for node_id in marks_app.marks.ids_of(report)
    )
    if not ids:
        app.notify("There are no marks to clear", title="Marks", severity="warning")
        return
    message = Text(f"Unmark all {len(ids)} marked node(s) of the open reports?")
    closed = _closed_count(marks_app)
    if closed:
        message.append(f"\n{closed} mark(s) in reports not open are kept.", style="dim")
    message.append("\nThis cannot be undone.")

    def answered(clear: bool | None) -> None:
        if not clear:
            return
        gone = marks_app.marks.clear(marks_app.reports)
        marks_app.marks_changed(ids)
        app.notify(f"Cleared {gone} mark(s)", title="Marks")

    app.push_screen(ConfirmDialog("Clear marks", message, confirm="Clear", cancel="Keep"), answered)


class MarksCommands(Provider):
    """The palette's marks commands that have no key of their own."""

    def _commands(self) -> list[tuple[str, str, object]]:
        return [
            (
                "Clear marks",
                "Unmark every node of the open reports (asks first)",
                partial(confirm_clear_marks, self.app),
            ),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]


# -- restoring from exports -------------------------------------------------------------


def restore_marks(app: App[object], export_paths: Iterable[str | Path]) -> None:
    """Mark again the nodes named by exported TOML files, on the reports that are open.

    One notification per file: how many marks came back, how many name reports that are
    not open; a file that is not an export is an error notification naming it.
    """
    marks_app = _marks_app(app)
    reports: Sequence[Report] = marks_app.reports
    hashes = {report.sha256 for report in reports}
    for path in export_paths:
        try:
            named = read_export(path)
        except ExportError as error:
            app.notify(str(error), title="Marks not restored", severity="error", markup=False)
            continue
        on_open = {ref.id for ref in named if ref.sha256 in hashes}
        unknown = {node_id for node_id in on_open if resolve(reports, node_id) is None}
        on_open -= unknown  # an edited export may name nodes the report does not have
        fresh = on_open - set(marks_app.marks)
        if fresh:
            marks_app.marks.update(fresh)
            marks_app.marks_changed(frozenset(fresh))
        elsewhere = len({ref.id for ref in named if ref.sha256 not in hashes})
        line = f"{len(on_open)} mark(s) restored from {path}"
        if len(fresh) != len(on_open):
            line += f" ({len(on_open) - len(fresh)} already marked)"
        if elsewhere:
            line += f"; {elsewhere} refer to reports that are not open"
        if unknown:
            line += f"; {len(unknown)} name nodes the open reports do not have"
        app.notify(
            line,
            title="Marks",
            severity="warning" if (elsewhere or unknown) and not on_open else "information",
            markup=False,
            timeout=8,
        )

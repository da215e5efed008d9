"""The list of every marked node of the open reports (`m` in the browser).

`MarksListScreen` lists the marked nodes in document order (region, year, kind, path of
headings); enter dismisses it with the node id so the browser can put the cursor there,
`space` / `delete` unmark. Each row shows the node's tags and whether it has a note
(✎); `t` narrows the list to one tag, then the next, then shows all again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from govread.i18n import N_, _, _n
from govread.marks import NodeRef
from govread.sanitize import sanitize
from govread.tui._css import css_beside
from govread.tui.app_state import app_state
from govread.tui.commands import MarksCommands
from govread.tui.keymap import keys_in
from govread.tui.localised import LocalisedScreen
from govread.tui.mark_actions import closed_count
from govread.tui.messages import MarksChanged

KIND_NAMES = {"report": N_("report"), "section": N_("section"), "item": N_("item")}
# A mark's tags in the list, at most (cells; the detail pane shows them all): the path
# after them stays in reach.
TAGS_WIDTH = 30
# The `Where` column's width at least, cut to the table's edge with "…" (narrower, the
# table scrolls sideways rather than show a path of a few cells)
MIN_WHERE_WIDTH = 16


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


def cut_where(text: Text, ref: NodeRef, room: int) -> Text:
    """`where` in `room` cells: whole when it fits; else its end, the node's own heading
    whole, behind "…"; else the start of that heading, cut with "…"."""
    if text.cell_len <= room:
        return text
    own = Text(ref.path[-1]) if ref.path else text
    if own.cell_len + 1 > room:
        own.truncate(room, overflow="ellipsis")
        return own
    start, width = len(text) - len(own.plain), own.cell_len + 1  # "…" and the tail after it
    while start > 0 and width + cell_len(text.plain[start - 1]) <= room:
        start -= 1
        width += cell_len(text.plain[start])
    return Text("…", style="dim") + text[start:]


class MarksListScreen(LocalisedScreen[str | None], ModalScreen[str | None]):
    """Every marked node of the open reports; enter goes to one, space or delete unmarks."""

    DEFAULT_CSS = css_beside(__file__)
    COMMANDS = {MarksCommands}  # noqa: RUF012 (typed by Screen)
    BINDING_GROUP_TITLE = N_("Marks")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,m", "close", N_("Close"), id="marks.close"),
        Binding(
            "space,delete",
            "unmark",
            N_("Unmark"),
            tooltip=N_("Unmark the node under the cursor"),
            id="marks.unmark",
        ),
        Binding(
            "enter",
            "go_to",
            N_("Go to"),
            tooltip=N_("Show the node in the outline"),
            id="marks.go_to",
        ),
        Binding("j", "move(1)", N_("Down"), show=False, id="marks.down"),
        Binding("k", "move(-1)", N_("Up"), show=False, id="marks.up"),
        Binding("g", "move_to(0)", N_("First"), show=False, id="marks.first"),
        Binding("G", "move_to(-1)", N_("Last"), show=False, id="marks.last"),
        Binding(
            "t",
            "next_tag",
            N_("By tag"),
            tooltip=N_("Show only the nodes with one tag; again for the next tag, then all"),
            id="marks.next_tag",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tag: str | None = None  # the tag the list is narrowed to, or None: all
        # `t` with no tag in use: said on the summary line, above the list (a toast covered
        # the hint at the foot of the box on 80×24)
        self.no_tag_said = False
        self._laid_out_for = 0  # the table's width its `Where` cells were cut for

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-body") as body:
            body.border_title = _("Marks")
            yield Static(id="marks-summary")
            table: DataTable[Text] = DataTable(
                id="marks-table", cursor_type="row", zebra_stripes=True
            )
            yield table
            yield Static(
                Text(
                    keys_in(
                        self,
                        _(
                            "↑↓/{marks.down} {marks.up} move · {marks.go_to} go to · "
                            "{marks.unmark} unmark · {marks.next_tag} by tag · "
                            "{marks.close:first} close"
                        ),
                    ),
                    style="dim",
                ),
                id="marks-hint",
            )

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#marks-table", DataTable)

    def on_mount(self) -> None:
        self._fill()
        self.table.focus()

    @staticmethod
    def _columns() -> list[tuple[str, str]]:
        # the tags before the path, which can be wider than the screen: they stay in view
        return [
            ("region", _("Region")),
            ("year", _("Year")),
            ("kind", _("Kind")),
            ("tags", _("Tags")),
            ("where", _("Where")),
        ]

    def _add_columns(self, rows: Sequence[tuple[Text, ...]]) -> None:
        # Made again at each fill (a column keeps the width of its widest cell ever), each
        # as wide as its widest cell: Textual measures the cells only once idle, and a table
        # painted before that, its columns as wide as their labels (`sect`, `一、`), was not
        # painted again when the size it measured was the one it had (a second fill).
        table = self.table
        for index, (key, label) in enumerate(self._columns()):
            width = max([cell_len(label), *(cells[index].cell_len for cells in rows)])
            table.add_column(label, key=key, width=width)

    def _fill(self) -> None:
        app = app_state(self)
        refs = app.marks.ordered(app.library.reports)
        if gone := app.marks.set_aside_missing(app.library.reports, refs):
            app.marks_changed(gone)  # the header counts them apart too
        every = len(refs)
        if self.tag is not None:
            tagged = app.marks.tagged(self.tag)
            refs = [ref for ref in refs if ref.id in tagged]
        table = self.table
        row = table.cursor_row
        rows = [
            (
                Text(ref.report.region or "?"),
                Text(str(ref.report.year) if ref.report.year else "?"),
                Text(_(KIND_NAMES[ref.kind]), style="dim"),
                self._tags_cell(ref.id),
                where(ref),
            )
            for ref in refs
        ]
        room = self._where_room(rows)
        if room is not None:  # cut where the table ends, and said so (…)
            rows = [
                (*cells[:-1], cut_where(cells[-1], ref, room))
                for ref, cells in zip(refs, rows, strict=True)
            ]
        table.clear(columns=True)
        self._add_columns(rows)
        for ref, cells in zip(refs, rows, strict=True):
            table.add_row(*cells, key=ref.id)
        self._laid_out_for = table.scrollable_content_region.width
        if refs:
            table.move_cursor(row=min(row, len(refs) - 1))
        summary = Text()
        summary.append(_("{n} marked").format(n=len(refs)), style="bold")
        if self.tag is not None:
            summary.append(_(" with the tag "))
            summary.append(sanitize(self.tag), style="bold")
            summary.append(_(" (of {n})").format(n=every))
        reports = len({ref.report.sha256 for ref in refs})
        summary.append(_n(" in {n} open report", " in {n} open reports", reports).format(n=reports))
        closed = closed_count(app)
        if closed:
            summary.append(_("; {n} more in reports not open (kept)").format(n=closed), style="dim")
        if not_found := app.marks.not_found(app.library.reports):
            summary.append(
                _("; {n} not found in the text as read now (kept)").format(n=not_found),
                style="dim",
            )
        if not refs:
            summary.append(
                keys_in(
                    self,
                    _(" — press {browser.mark} on a section or item in the outline to mark it"),
                )
            )
        if self.no_tag_said:
            summary.append("\n")
            summary.append(
                keys_in(self, _("No mark has a tag yet: {browser.tag} in the browser tags one")),
                style="italic",
            )
        self.query_one("#marks-summary", Static).update(summary)

    def _where_room(self, rows: Sequence[tuple[Text, ...]]) -> int | None:
        """The cells the `Where` column has before the table's right edge (None before the
        table is laid out): what the other columns, at their widest, leave."""
        table = self.table
        width = table.scrollable_content_region.width
        if width <= 0:
            return None
        padding = 2 * table.cell_padding
        used = sum(
            max([cell_len(label), *(cells[index].cell_len for cells in rows)]) + padding
            for index, (_key, label) in enumerate(self._columns()[:-1])
        )
        return max(MIN_WHERE_WIDTH, width - used - padding)

    def on_resize(self) -> None:
        # the `Where` column is cut to the table's width: cut again when that changes
        if self.table.scrollable_content_region.width != self._laid_out_for:
            self._fill()

    def _tags_cell(self, node_id: str) -> Text:
        found = app_state(self).marks.annotation(node_id)
        cell = Text(sanitize(", ".join(found.tags)))
        cell.truncate(TAGS_WIDTH, overflow="ellipsis")
        if found.note:
            cell.append(" ✎" if found.tags else "✎", style="dim")
        return cell

    def action_next_tag(self) -> None:
        """Narrow to the first tag in use, then the next, then all again."""
        tags = sorted(app_state(self).marks.all_tags())
        if not tags:
            self.no_tag_said = True
            self._fill()
            return
        self.no_tag_said = False
        if self.tag not in tags:
            self.tag = tags[0] if self.tag is None else None
        else:
            position = tags.index(self.tag) + 1
            self.tag = tags[position] if position < len(tags) else None
        self._fill()

    def _current_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def action_unmark(self) -> None:
        node_id = self._current_id()
        if node_id is not None and node_id in app_state(self).marks:
            app_state(self).toggle_mark(node_id)  # MarksChanged refills the table

    def action_go_to(self) -> None:
        node_id = self._current_id()
        if node_id is not None:
            self.dismiss(node_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_go_to()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_move_to(self, row: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=row % table.row_count)

    def on_marks_changed(self, _message: MarksChanged) -> None:
        self._fill()

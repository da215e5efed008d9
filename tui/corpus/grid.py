"""A virtual table for the corpus screen: only the lines on screen are ever rendered.

Textual's `DataTable` measures every cell of every row it is given (a thousand reports ×
forty indicators is forty thousand Rich measurements, seconds per sort or filter). This
grid takes rows of `rich.text.Text` cells, measures them by their plain text's cell width
(one pass, no rendering), and renders a line only when it is drawn, so setting, sorting
and filtering cost what building the rows costs. The first column (the report) stays in
place when the others scroll sideways.

Keys: arrows / hjkl move the cell cursor, pgup/pgdn and home/end page and jump, enter
posts `CellSelected`; every move posts `CellHighlighted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from govread.i18n import N_

MAX_COLUMN_WIDTH = 24
PADDING = 1  # cells either side of a value


@dataclass(frozen=True, slots=True)
class GridColumn:
    """A column: its key, its header's label, and a mark drawn after the label (a sort
    arrow), kept whole when the header is too narrow: the label is cut instead."""

    key: str
    label: Text
    mark: Text | None = None

    def header_width(self) -> int:
        return cell_len(self.label.plain) + (cell_len(self.mark.plain) if self.mark else 0)

    def header(self, width: int) -> Text:
        """The header in `width` cells (or fewer): the label, cut if need be, then the mark."""
        if self.mark is None:
            return self.label
        mark_width = cell_len(self.mark.plain)
        label = self.label.copy()
        room = max(0, width - mark_width)
        if cell_len(label.plain) > room:
            label.truncate(room, overflow="ellipsis")
        return Text.assemble(label, self.mark)


def measure(columns: Sequence[GridColumn], rows: Sequence[Sequence[Text]]) -> list[int]:
    """The content width of each column: its widest cell or header, in terminal cells."""
    widths = [c.header_width() for c in columns]
    for cells in rows:
        for index, cell in enumerate(cells[: len(widths)]):
            size = cell_len(cell.plain)
            if size > widths[index]:
                widths[index] = size
    return widths


class Grid(ScrollView, can_focus=True):
    """Rows of Text cells under a header, a cell cursor, the first column fixed."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"grid--header", "grid--cursor", "grid--fixed"}
    DEFAULT_CSS = """
    Grid {
        background: $surface;
    }
    Grid > .grid--header {
        text-style: bold;
        background: $panel;
    }
    Grid > .grid--cursor {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    Grid > .grid--fixed {
        text-style: bold;
    }
    """
    BINDING_GROUP_TITLE = N_("Corpus table")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1, 0)", N_("Up"), show=False, id="grid.up"),
        Binding("down,j", "move(1, 0)", N_("Down"), show=False, id="grid.down"),
        Binding("left,h", "move(0, -1)", N_("Left"), show=False, id="grid.left"),
        Binding("right,l", "move(0, 1)", N_("Right"), show=False, id="grid.right"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="grid.page_up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="grid.page_down"),
        Binding("home,g", "edge(-1)", N_("First row"), show=False, id="grid.first"),
        Binding("end,G", "edge(1)", N_("Last row"), show=False, id="grid.last"),
        Binding(
            "enter",
            "select",
            N_("Go to the text"),
            tooltip=N_("Go to where this cell comes from"),
            id="grid.select",
        ),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=True)
    cursor_column: reactive[int] = reactive(0, always_update=True, repaint=True)

    class CellHighlighted(Message):
        def __init__(self, grid: Grid, row_key: str | None, column_key: str | None) -> None:
            self.grid, self.row_key, self.column_key = grid, row_key, column_key
            super().__init__()

    class CellSelected(Message):
        def __init__(self, grid: Grid, row_key: str, column_key: str) -> None:
            self.grid, self.row_key, self.column_key = grid, row_key, column_key
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns: list[GridColumn] = []
        self.widths: list[int] = []
        self.row_keys: list[str] = []
        self.rows: list[Sequence[Text]] = []

    # -- data ---------------------------------------------------------------------------

    def set_data(
        self,
        columns: Sequence[GridColumn],
        rows: Sequence[tuple[str, Sequence[Text]]],
        *,
        widths: Sequence[int] | None = None,
        keep_cursor: bool = True,
    ) -> None:
        """Replace the table; the cursor stays on the same cell position when it can.

        `widths` (from `measure`, content only) saves measuring every cell again when only
        the order or the selection of the rows changed.
        """
        self.columns = list(columns)
        self.row_keys = [key for key, _cells in rows]
        self.rows = [cells for _key, cells in rows]
        if widths is None:
            widths = measure(self.columns, self.rows)
        self.widths = [min(w, MAX_COLUMN_WIDTH) + 2 * PADDING for w in widths]
        self.virtual_size = Size(sum(self.widths), len(self.rows) + 1)
        row = self.cursor_row if keep_cursor else 0
        column = self.cursor_column if keep_cursor else 0
        self.move_cursor(row=row, column=column)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def cell_key(self) -> tuple[str, str] | None:
        """(row key, column key) under the cursor; None when the table is empty."""
        if not self.rows or not self.columns:
            return None
        return self.row_keys[self.cursor_row], self.columns[self.cursor_column].key

    def column_key(self) -> str | None:
        """The key of the column under the cursor, rows or none; None without columns."""
        return self.columns[self.cursor_column].key if self.columns else None

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    # -- cursor -------------------------------------------------------------------------

    def move_cursor(self, *, row: int | None = None, column: int | None = None) -> None:
        last_row, last_column = max(0, len(self.rows) - 1), max(0, len(self.columns) - 1)
        self.cursor_row = max(0, min(last_row, self.cursor_row if row is None else row))
        self.cursor_column = max(
            0, min(last_column, self.cursor_column if column is None else column)
        )
        self._scroll_to_cursor()
        key = self.cell_key()
        self.post_message(self.CellHighlighted(self, *(key or (None, None))))

    def _scroll_to_cursor(self) -> None:
        if not self.rows or not self.columns or not self.size.height:
            return
        fixed = self.widths[0]
        x = sum(self.widths[1 : self.cursor_column]) if self.cursor_column else 0
        width = self.widths[self.cursor_column] if self.cursor_column else 0
        self._scroll_into_view(Region(x, self.cursor_row, width, 1), fixed)

    def _scroll_into_view(self, region: Region, fixed: int) -> None:
        view_rows = max(1, self.size.height - 1)  # the header takes a line
        top = self.scroll_offset.y
        if region.y < top:
            top = region.y
        elif region.y >= top + view_rows:
            top = region.y - view_rows + 1
        view_columns = max(1, self.size.width - fixed)
        left = self.scroll_offset.x
        if region.x < left:
            left = region.x
        elif region.x + region.width > left + view_columns:
            left = region.x + region.width - view_columns
        self.scroll_to(left, top, animate=False, force=True, immediate=True)

    def action_move(self, rows: int, columns: int) -> None:
        self.move_cursor(row=self.cursor_row + rows, column=self.cursor_column + columns)

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height - 2), 0)

    def action_edge(self, direction: int) -> None:
        self.move_cursor(row=0 if direction < 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        key = self.cell_key()
        if key is not None:
            self.post_message(self.CellSelected(self, *key))

    # -- rendering ----------------------------------------------------------------------

    def _cell_segments(self, cell: Text, width: int, style: Style) -> list[Segment]:
        inner = width - 2 * PADDING
        plain = cell.plain
        if cell.spans:  # styled within: let Rich lay it out
            text = cell.copy()
            text.truncate(inner, overflow="ellipsis", pad=False)
            plain_size = cell_len(text.plain)
            segments = list(text.render(self.app.console))
        else:  # one style: a single segment, no layout
            if cell_len(plain) > inner:
                plain = set_cell_size(plain, max(0, inner - 1)) + "…"
            plain_size = cell_len(plain)
            cell_style = cell.style if isinstance(cell.style, Style) else Style.parse(cell.style)
            segments = [Segment(plain, cell_style)]
        gap = max(0, inner - plain_size)
        left = gap if cell.justify == "right" else gap // 2 if cell.justify == "center" else 0
        padded = [
            Segment(" " * (PADDING + left)),
            *segments,
            Segment(" " * (PADDING + gap - left)),
        ]
        return list(Segment.apply_style(padded, style))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if not self.columns:
            return Strip.blank(width, base)
        header = y == 0
        row_index = self.scroll_offset.y + y - 1
        if not header and row_index >= len(self.rows):
            return Strip.blank(width, base)
        header_style = base + self.get_component_rich_style("grid--header")
        cursor_style = self.get_component_rich_style("grid--cursor")
        fixed_style = self.get_component_rich_style("grid--fixed")
        cells: Sequence[Text] = (
            [c.header(w - 2 * PADDING) for c, w in zip(self.columns, self.widths, strict=True)]
            if header
            else self.rows[row_index]
        )
        on_cursor_row = not header and row_index == self.cursor_row and self.has_focus

        def segments_for(index: int) -> list[Segment]:
            cell = cells[index] if index < len(cells) else Text("")
            style = header_style if header else base
            if not header and index == 0:
                style = style + fixed_style
            if on_cursor_row and index == self.cursor_column:
                style = style + cursor_style
            elif not header and row_index == self.cursor_row and index == self.cursor_column:
                style = style + Style(reverse=True)
            return self._cell_segments(cell, self.widths[index], style)

        fixed = Strip(segments_for(0), self.widths[0])
        # only the columns in view are rendered
        left, view = self.scroll_offset.x, max(0, width - self.widths[0])
        rest: list[Segment] = []
        x, start = 0, None
        for index in range(1, len(self.columns)):
            column_width = self.widths[index]
            if x + column_width > left and x < left + view:
                start = x if start is None else start
                rest.extend(segments_for(index))
            x += column_width
        offset = left - (start or 0)
        scrolled = Strip(rest).crop(offset, offset + view)
        line = Strip.join([fixed, scrolled])
        return line.extend_cell_length(width, header_style if header else base).crop(0, width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._scroll_to_cursor()

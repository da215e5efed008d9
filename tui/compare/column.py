"""One side of the compare screen: a scrolling column of rows, one row per aligned pair.

Each row (`CompareRow`) holds the theme's header (name, similarity, shared keywords and the
keywords only this side has) and then either this side's units (`UnitCell`: number,
heading, text with figures highlighted, a mark indicator) or a `GapCell` saying this side
is silent on the theme. Row *i* of one column is the same pair as row *i* of the other, so
the screen can keep the two aligned by row. Everything is `Text`: report text is never
markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from govread.compare import Pair, Unit
from govread.compare_words import (
    gap_label,
    gap_reason,
    nearest_label,
    only_label,
    shared_label,
    similarity_label,
)
from govread.figures import figure_spans
from govread.i18n import _
from govread.tui._css import css_beside

StyleOf = Callable[[str], Style]


def row_header(pair: Pair, side: str, city: str, style: StyleOf) -> Text:
    """Topic name and similarity, shared keywords, and the keywords only ``side`` has."""
    text = Text()
    text.append(pair.theme_name, style=style("compare--theme"))
    if pair.is_gap:
        text.append(f"  {gap_label()}", style=style("compare--gap-tag"))
    else:
        text.append(f"  {similarity_label(pair.similarity)}", style=style("compare--dim"))
    if pair.shared_keywords:
        text.append("\n")
        text.append(f"{shared_label()} ", style=style("compare--label"))
        text.append(" · ".join(pair.shared_keywords), style=style("compare--shared"))
    only = pair.only_a if side == "a" else pair.only_b
    if only:
        text.append("\n")
        text.append(f"{only_label(city)} ", style=style("compare--label"))
        text.append(" · ".join(only), style=style("compare--only"))
    return text


def body_of(unit: Unit) -> str:
    """The unit's text without its opening heading (shown just above it) when it starts so."""
    text = unit.text.strip()
    heading = unit.heading.strip()
    if heading and heading in text[: len(heading) + _MARKER_ROOM]:
        return _LEADING_PUNCTUATION.sub("", text[text.index(heading) + len(heading) :])
    return text


_LEADING_PUNCTUATION = re.compile(r"^[。.,，:：;；\s]+")
_MARKER_ROOM = 6  # 二是, (三), 3. … before an item's heading in its text


def unit_text(
    unit: Unit, marked: bool, style: StyleOf, matched: Collection[str] = frozenset()
) -> Text:
    """A unit: mark indicator, number and heading, then its text with figures highlighted.

    Figures written as in ``matched`` (those with a counterpart on the other side) stand
    out more than the rest.
    """
    text = Text()
    if marked:
        text.append("● ", style=style("compare--mark"))
    text.append(unit.number, style=style("compare--number"))
    text.append(unit.heading, style=style("compare--heading"))
    passage = body_of(unit)
    if passage:
        text.append("\n")
        body = Text(passage)
        figure, paired = style("compare--figure"), style("compare--figure-paired")
        for start, end in figure_spans(passage):
            body.stylize(paired if passage[start:end] in matched else figure, start, end)
        text.append_text(body)
    return text


def gap_text(pair: Pair, city: str, style: StyleOf) -> Text:
    """What a side without units on a row says: silent on the topic (no text of it covers
    the topic), where it speaks of it, or that nothing of it is alike."""
    text = Text()
    text.append(gap_reason(pair, city), style=style("compare--gap"))
    if pair.covered_by:
        for unit in pair.covered_by[:3]:
            text.append("\n")
            text.append(unit.number, style=style("compare--number"))
            text.append(unit.heading)
    elif pair.other_has_theme:
        text.append(
            _("\n(its {topic} text is in another row of this topic)").format(topic=pair.theme_name)
        )
    if pair.nearest is not None:
        text.append("\n")
        text.append(nearest_label(), style=style("compare--label"))
        text.append(pair.nearest.number, style=style("compare--number"))
        text.append(pair.nearest.heading)
        text.append(f"  ({pair.nearest_similarity:.2f})", style=style("compare--dim"))
    text.stylize(style("compare--dim"))
    return text


class Cell(Static):
    """Something the cursor can rest on: a unit or a gap."""

    class Clicked(Message):
        """The reader clicked a cell: the screen puts its cursor there."""

        def __init__(self, cell: Cell) -> None:
            self.cell = cell
            super().__init__()

    def __init__(self, row: int, unit: Unit | None) -> None:
        super().__init__(classes="cell")
        self.row = row
        self.unit = unit

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))

    @property
    def node_id(self) -> str | None:
        """The id to mark for this cell (a gap offers its nearest unit, when it has one)."""
        return self.unit.node_id if self.unit is not None else None


class UnitCell(Cell):
    pass


class GapCell(Cell):
    def __init__(self, row: int, pair: Pair) -> None:
        super().__init__(row, pair.nearest)
        self.pair = pair


class CompareRow(Vertical):
    """One pair on one side: the header, then the units (or the gap)."""

    def __init__(self, index: int, pair: Pair, header: Static, *cells: Cell) -> None:
        super().__init__(header, *cells, classes="row")
        self.index = index
        self.pair = pair
        self.header = header


class ColumnBase(VerticalScroll, can_focus=False):
    """A report's column of cells (styles, theme changes); the screen owns the keys."""

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare--theme",
        "compare--gap-tag",
        "compare--dim",
        "compare--label",
        "compare--shared",
        "compare--only",
        "compare--mark",
        "compare--number",
        "compare--heading",
        "compare--figure",
        "compare--figure-paired",
        "compare--gap",
    }

    def __init__(self, city: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.city = city
        self.cells: list[Cell] = []
        self.matched: Collection[str] = frozenset()
        self.is_marked: Callable[[str], bool] = lambda _node_id: False

    def on_mount(self) -> None:
        # Component styles follow the theme only once the new CSS is applied.
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self.call_after_refresh(self.render_texts)
        )

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_texts(self, node_ids: frozenset[str] | None = None) -> None:
        """(Re)build the texts with the theme's current styles; only ``node_ids``' if given."""
        raise NotImplementedError

    def refresh_marks(self, node_ids: frozenset[str]) -> None:
        self.render_texts(node_ids)

    def cells_in_row(self, row: int) -> list[int]:
        """Indexes (into `cells`) of the cells of row ``row``."""
        return [i for i, cell in enumerate(self.cells) if cell.row == row]


class CompareColumn(ColumnBase):
    """One city's side of two; the screen owns the keys (the columns never take focus)."""

    def __init__(self, side: str, city: str, *, id: str | None = None) -> None:
        super().__init__(city, id=id)
        self.side = side
        self.rows: list[CompareRow] = []

    async def fill(
        self,
        pairs: Sequence[Pair],
        is_marked: Callable[[str], bool],
        matched: Collection[str] = frozenset(),
    ) -> None:
        """Build one row per pair (replacing what was there); ``matched``: paired figures."""
        self.matched, self.is_marked = matched, is_marked
        await self.remove_children()
        self.rows, self.cells = [], []
        for index, pair in enumerate(pairs):
            units = pair.a if self.side == "a" else pair.b
            cells: list[Cell] = [UnitCell(index, unit) for unit in units] or [GapCell(index, pair)]
            header = Static(classes="head")
            self.rows.append(CompareRow(index, pair, header, *cells))
            self.cells.extend(cells)
        self.render_texts()
        # one mount for the whole column: a layout pass per row would cost seconds
        await self.mount_all(self.rows)

    def render_texts(self, node_ids: frozenset[str] | None = None) -> None:
        """(Re)build the texts with the theme's current styles; only ``node_ids``' if given."""
        styles = {name: self.style_of(name) for name in self.COMPONENT_CLASSES}
        style = styles.__getitem__
        for row in self.rows if node_ids is None else ():
            row.header.update(row_header(row.pair, self.side, self.city, style))
        for cell in self.cells:
            if isinstance(cell, GapCell):
                if node_ids is None:
                    cell.update(gap_text(cell.pair, self.city, style))
            elif cell.unit is not None and (node_ids is None or cell.unit.node_id in node_ids):
                marked = self.is_marked(cell.unit.node_id)
                cell.update(unit_text(cell.unit, marked, style, self.matched))

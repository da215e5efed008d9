"""One report's column when three reports or more are compared: one row per aligned row.

Each row (`ReportRow`) holds the theme's header (name, similarity across the reports with
text in the row, the keywords they all share and those only this report has) and then this
report's units (`UnitCell`) or an `EmptyCell` saying why it has none: where it speaks of the
theme inside another theme's text, that it has nothing alike, or that it is silent on the
theme (only when no text of it covers the theme). Row *i* is the same row in every column,
so the screen keeps them aligned by row. Everything is `Text`: report text is never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from govread.compare_words import (
    gap_label,
    nearest_label,
    only_label,
    shared_label,
    similarity_label,
)
from govread.i18n import _
from govread.multi_compare import Cell as RowCell
from govread.multi_compare import Row
from govread.tui.compare.column import Cell, ColumnBase, StyleOf, UnitCell, unit_text


def header_text(row: Row, index: int, label: str, style: StyleOf) -> Text:
    """Theme name and similarity, the keywords shared by every report with text in the row,
    and those only report ``index`` has."""
    text = Text()
    text.append(row.theme_name, style=style("compare--theme"))
    cell = row.cells[index]
    if cell.is_gap:
        text.append("  " + gap_label(), style=style("compare--gap-tag"))
    elif row.present >= 2:
        text.append(f"  {similarity_label(row.similarity)}", style=style("compare--dim"))
    if row.present < 2:
        text.append("  " + _("only one report"), style=style("compare--dim"))
    if cell.secondary:
        text.append("  " + _("(a secondary subject here)"), style=style("compare--dim"))
    if row.shared_keywords and row.present >= 2:
        text.append("\n")
        text.append(shared_label() + " ", style=style("compare--label"))
        text.append(" · ".join(row.shared_keywords), style=style("compare--shared"))
    if cell.only_keywords:
        text.append("\n")
        text.append(only_label(label) + " ", style=style("compare--label"))
        text.append(" · ".join(cell.only_keywords), style=style("compare--only"))
    return text


def empty_text(
    row: Row, cell: RowCell, label: str, style: StyleOf, labels: Sequence[str] = ()
) -> Text:
    """Why a report has nothing in a row: where it speaks of the theme, that nothing of it is
    alike, or that it is silent on the theme; which reports have text in the row (their
    columns may be scrolled out of view: ``labels``, one per report); its nearest unit."""
    text = Text()
    theme = row.theme_name
    if cell.covered_by:
        text.append(
            _("{side} speaks of {topic} only within:").format(side=label, topic=theme),
            style=style("compare--gap"),
        )
        for unit in cell.covered_by[:3]:
            text.append("\n")
            text.append(unit.number, style=style("compare--number"))
            text.append(unit.heading)
    elif cell.has_theme:
        text.append(
            _("{side} has nothing like this").format(side=label), style=style("compare--gap")
        )
        text.append(_("\n(its {topic} text is in another row of this topic)").format(topic=theme))
    else:
        text.append(
            _("{side} is silent on {topic}").format(side=label, topic=theme),
            style=style("compare--gap"),
        )
    holders = [name for name, each in zip(labels, row.cells, strict=False) if each.units]
    if holders:
        text.append("\n" + _("In this row:") + " ", style=style("compare--label"))
        text.append(" · ".join(holders))
    if cell.nearest is not None:
        text.append("\n" + nearest_label(), style=style("compare--label"))
        text.append(cell.nearest.number, style=style("compare--number"))
        text.append(cell.nearest.heading)
        text.append(f"  ({cell.nearest_similarity:.2f})", style=style("compare--dim"))
    text.stylize(style("compare--dim"))
    return text


class EmptyCell(Cell):
    """A report with no unit in a row (its nearest unit, if any, is what `space` marks)."""

    def __init__(self, row: int, cell: RowCell) -> None:
        super().__init__(row, cell.nearest)
        self.cell = cell


class ReportRow(Vertical):
    """One row in one report's column: the header, then the units (or why there are none)."""

    def __init__(self, index: int, row: Row, header: Static, *cells: Cell) -> None:
        super().__init__(header, *cells, classes="row")
        self.index = index
        self.row = row
        self.header = header


class ReportColumn(ColumnBase):
    """Report ``index``'s column among N, built whole (one layout pass for all its rows);
    the screen owns the keys. ``labels``: every report's, in column order; ``matched``:
    this report's figures that another report's figure matches."""

    def __init__(
        self,
        index: int,
        label: str,
        rows: Sequence[Row],
        labels: Sequence[str],
        is_marked: Callable[[str], bool],
        matched: Collection[str] = frozenset(),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(label, id=id)
        self.index = index
        self.labels = tuple(labels)  # every report's, in column order
        self.matched, self.is_marked = matched, is_marked
        self.rows: list[ReportRow] = []
        for number, row in enumerate(rows):
            cell = row.cells[index]
            cells: list[Cell] = [UnitCell(number, unit) for unit in cell.units] or [
                EmptyCell(number, cell)
            ]
            self.rows.append(ReportRow(number, row, Static(classes="head"), *cells))
            self.cells.extend(cells)

    def compose(self) -> ComposeResult:
        yield from self.rows

    def on_mount(self) -> None:
        # the styles of the theme are known once mounted (ColumnBase follows its changes)
        self.render_texts()

    def render_texts(self, node_ids: frozenset[str] | None = None) -> None:
        """(Re)build the texts with the theme's current styles; only ``node_ids``' if given."""
        styles = {name: self.style_of(name) for name in self.COMPONENT_CLASSES}
        style = styles.__getitem__
        for row in self.rows if node_ids is None else ():
            row.header.update(header_text(row.row, self.index, self.city, style))
        for cell in self.cells:
            if isinstance(cell, EmptyCell):
                if node_ids is None:
                    aligned = self.rows[cell.row].row
                    cell.update(empty_text(aligned, cell.cell, self.city, style, self.labels))
            elif cell.unit is not None and (node_ids is None or cell.unit.node_id in node_ids):
                marked = self.is_marked(cell.unit.node_id)
                cell.update(unit_text(cell.unit, marked, style, self.matched))

"""One report's column on the compare screen: a scrolling column of rows, one per aligned row.

Each row (`CompareRow`) holds the topic's header (name, similarity, shared keywords and the
keywords only this report has: what the header says is the screen's `ComparisonView`'s
choice) and then this report's units (`UnitCell`: number, heading, text with figures
highlighted, a mark indicator; in a secondary cell, the chapter's passage that answers the
row stands out) or an `EmptyCell` saying why it has none: where it speaks of
the topic inside another topic's text, that it speaks of it in another row, or that it is silent on
the topic (only when no text of it covers the topic). Row *i* is the same row in every
column, so the screen keeps them aligned by row. Everything is `Text`: report text is never
markup.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import AwaitMount
from textual.widgets import Static

from govread.compare import Unit
from govread.compare_words import (
    empty_reason,
    gap_label,
    nearest_label,
    only_label,
    shared_label,
    similarity_label,
    where_units,
)
from govread.figures import figure_spans
from govread.i18n import _
from govread.linebreak import KinsokuText
from govread.multi_compare import Cell as RowCell
from govread.multi_compare import Row
from govread.tui._css import css_beside

StyleOf = Callable[[str], Style]
HeaderOf = Callable[[Row, int, str, StyleOf], Text]


def _keywords(
    text: Text, row: Row, index: int, label: str, style: StyleOf, shared: bool = True
) -> None:
    """The keywords every report with text in the row shares (with `shared`), then those
    only ``index`` has."""
    if shared and row.shared_keywords and row.present >= 2:
        text.append("\n")
        text.append(f"{shared_label()} ", style=style("compare--label"))
        text.append(" · ".join(row.shared_keywords), style=style("compare--shared"))
    only = row.cells[index].only_keywords
    if only:
        text.append("\n")
        text.append(f"{only_label(label)} ", style=style("compare--label"))
        text.append(" · ".join(only), style=style("compare--only"))


def pair_header(row: Row, index: int, label: str, style: StyleOf) -> Text:
    """Two reports: the topic and, on both sides, the similarity or that one side is silent;
    the shared keywords once, on side A (QA: repeated on B, they filled both columns' headers
    at 80×24; the two columns are side by side from 72 columns), each side's own below."""
    text = Text()
    text.append(row.theme_name, style=style("compare--theme"))
    if row.has_gap:
        text.append(f"  {gap_label()}", style=style("compare--gap-tag"))
    else:
        text.append(f"  {similarity_label(row.similarity)}", style=style("compare--dim"))
    _keywords(text, row, index, label, style, shared=index == 0)
    return text


def row_header(row: Row, index: int, label: str, style: StyleOf) -> Text:
    """Three reports or more: the topic, the similarity across the reports with text in the
    row (or that report ``index`` has none, or is the only one), a secondary subject."""
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
    _keywords(text, row, index, label, style)
    return text


def body_of(unit: Unit) -> str:
    """The unit's text without its opening heading (shown just above it) when it starts so."""
    text = unit.text.strip()
    heading = unit.heading.strip()
    if heading and heading in text[: len(heading) + _MARKER_ROOM]:
        return _without_leading_punctuation(text[text.index(heading) + len(heading) :])
    return text


def _without_leading_punctuation(text: str) -> str:
    """`text` without the stops and spaces that ended the heading before it."""
    start = 0
    while start < len(text) and (text[start] in _LEADING_PUNCTUATION or text[start].isspace()):
        start += 1
    return text[start:]


_LEADING_PUNCTUATION = frozenset("。.,，:：;；")
_MARKER_ROOM = 6  # 二是, (三), 3. … before an item's heading in its text


def unit_text(
    unit: Unit,
    marked: bool,
    style: StyleOf,
    matched: Collection[str] = frozenset(),
    answer: str = "",
) -> Text:
    """A unit: mark indicator, number and heading, then its text with figures highlighted.

    Figures written as in ``matched`` (those with a counterpart in another report) stand
    out more than the rest. ``answer``: in a secondary cell, the stretch of the unit that
    answers the row (`Cell.passages`), shown apart from the rest of a long chapter.
    """
    text = Text()
    if marked:
        text.append("● ", style=style("compare--mark"))
    text.append(unit.shown_number, style=style("compare--number"))
    figure, paired = style("compare--figure"), style("compare--figure-paired")
    heading = Text(unit.heading, style=style("compare--heading"))
    for start, end in figure_spans(unit.heading):  # a heading's figures are figures too
        heading.stylize(paired if unit.heading[start:end] in matched else figure, start, end)
    text.append_text(heading)
    passage = body_of(unit)
    if passage:
        text.append("\n")
        body = Text(passage)
        where = passage.find(answer.strip()) if answer.strip() else -1
        if where >= 0:
            body.stylize(style("compare--passage"), where, where + len(answer.strip()))
        for start, end in figure_spans(passage):
            body.stylize(paired if passage[start:end] in matched else figure, start, end)
        text.append_text(body)
    return text


def empty_text(
    row: Row, cell: RowCell, label: str, style: StyleOf, labels: Sequence[str] = ()
) -> Text:
    """Why a report has nothing in a row: where it speaks of the topic, that nothing of it is
    alike, or that it is silent on the topic; with three reports or more, which have text in
    the row (their columns may be scrolled out of view: ``labels``, one per report); its
    nearest unit."""
    text = Text()
    theme = row.theme_name
    reason = empty_reason(
        label,
        row.theme,
        theme,
        within=bool(cell.covered_by),
        has_theme=cell.has_theme,
        passing=bool(cell.mentioned_in),
    )
    text.append(reason, style=style("compare--gap"))
    for unit in where_units(cell)[:3]:
        text.append("\n")
        text.append(unit.shown_number, style=style("compare--number"))
        text.append(unit.heading)
    holders = [name for name, each in zip(labels, row.cells, strict=False) if each.units]
    if len(row.cells) > 2 and holders:
        text.append("\n" + _("In this row:") + " ", style=style("compare--label"))
        text.append(" · ".join(holders))
    if cell.nearest is not None:
        text.append("\n")
        text.append(nearest_label(), style=style("compare--label"))
        text.append(cell.nearest.shown_number, style=style("compare--number"))
        text.append(cell.nearest.heading)
        text.append(f"  ({cell.nearest_similarity:.2f})", style=style("compare--dim"))
    text.stylize(style("compare--dim"))
    return text


class Cell(Static):
    """Something the cursor can rest on: a unit, or a report's empty place in a row."""

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
        """The id to mark for this cell (an empty cell offers its nearest unit, if any)."""
        return self.unit.node_id if self.unit is not None else None


class UnitCell(Cell):
    pass


class EmptyCell(Cell):
    """A report with no unit in a row (its nearest unit, if any, is what `space` marks)."""

    def __init__(self, row: int, cell: RowCell) -> None:
        super().__init__(row, cell.nearest)
        self.cell = cell


class CompareRow(Vertical):
    """One row in one report's column: the header, then the units (or why there are none)."""

    def __init__(self, index: int, row: Row, header: Static, *cells: Cell) -> None:
        super().__init__(header, *cells, classes="row")
        self.index = index
        self.row = row
        self.header = header


class CompareColumn(VerticalScroll, can_focus=False):
    """Report ``index``'s column, empty until `fill` builds and mounts its rows; the screen
    owns the keys (the columns never take focus). ``labels``: every report's, in column
    order; ``header``: what a row's header says (`pair_header` or `row_header`)."""

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
        "compare--passage",
    }

    def __init__(
        self,
        index: int,
        labels: Sequence[str],
        is_marked: Callable[[str], bool],
        *,
        header: HeaderOf = row_header,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.index = index
        self.labels = tuple(labels)
        self.city = self.labels[index]
        self.is_marked, self.header = is_marked, header
        self.matched: Collection[str] = frozenset()
        self.rows: list[CompareRow] = []
        self.cells: list[Cell] = []

    def fill(self, rows: Sequence[Row], matched: Collection[str] = frozenset()) -> AwaitMount:
        """Build one row per aligned row, write the texts with the theme's styles (known
        since the column is mounted), then mount them all at once: every cell is laid out
        once, already holding its text. ``matched``: this report's figures that another
        report's figure matches."""
        self.matched = matched
        self.rows, self.cells = [], []
        for number, row in enumerate(rows):
            cell = row.cells[self.index]
            cells: list[Cell] = [UnitCell(number, unit) for unit in cell.units] or [
                EmptyCell(number, cell)
            ]
            self.rows.append(CompareRow(number, row, Static(classes="head"), *cells))
            self.cells.extend(cells)
        self.render_texts()
        return self.mount_all(self.rows)

    def on_mount(self) -> None:
        # Component styles follow the theme only once the new CSS is applied.
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self.call_after_refresh(self.render_texts)
        )

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_texts(self, node_ids: frozenset[str] | None = None) -> None:
        """(Re)build the texts with the theme's current styles; only ``node_ids``' if given."""
        styles = {name: self.style_of(name) for name in self.COMPONENT_CLASSES}
        style = styles.__getitem__
        for row in self.rows if node_ids is None else ():
            # wrapped as Chinese is set: no line opens with the keywords' "·"
            row.header.update(KinsokuText.of(self.header(row.row, self.index, self.city, style)))
        for cell in self.cells:
            if isinstance(cell, EmptyCell):
                if node_ids is None:
                    aligned = self.rows[cell.row].row
                    cell.update(empty_text(aligned, cell.cell, self.city, style, self.labels))
            elif cell.unit is not None and (node_ids is None or cell.unit.node_id in node_ids):
                marked = self.is_marked(cell.unit.node_id)
                answers = dict(self.rows[cell.row].row.cells[self.index].passages)
                answer = answers.get(cell.unit.key, "")
                cell.update(
                    KinsokuText.of(unit_text(cell.unit, marked, style, self.matched, answer))
                )

    def refresh_marks(self, node_ids: frozenset[str]) -> None:
        self.render_texts(node_ids)

    def cells_in_row(self, row: int) -> list[int]:
        """Indexes (into `cells`) of the cells of row ``row``."""
        return [i for i, cell in enumerate(self.cells) if cell.row == row]

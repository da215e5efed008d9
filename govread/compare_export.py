"""A comparison as a TOML export (``govread-export/1``): one ``[[pair]]`` per row, both sides.

Shared by the compare screen's `e` and ``govread compare A B --format toml``. Each side of
a row lists its units as passages: the node a unit lies in (so `govread FILE.toml` can mark
it again), the text that was compared (an item's text, a section's own paragraphs without
its items and subsections, or a part of the closing paragraphs) and the figures inside it.
The row keeps its theme, similarity and keywords; a gap has one empty side and no
similarity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable

from govread.compare import Comparison, Pair, Unit
from govread.export import Pair as ExportPair
from govread.export import Passage, export_pairs
from govread.marks import resolve_in
from govread.parsers.model import Report


def unit_passage(comparison: Comparison, report: Report, unit: Unit) -> Passage:
    """One unit of `report` (side a or b of `comparison`) as a passage to export."""
    return Passage(
        report=report,
        node=resolve_in(report, unit.node_id),  # None for the closing: it is no node
        text=unit.text,
        heading=unit.heading or None,
        figures=comparison.figures_of(unit),
    )


def export_rows(comparison: Comparison, rows: Iterable[Pair] | None = None) -> list[ExportPair]:
    """The rows of a comparison (all of them by default) as export pairs, in order."""
    exported = []
    for row in comparison.pairs if rows is None else rows:
        both = bool(row.a) and bool(row.b)
        exported.append(
            ExportPair(
                theme=row.theme_name,
                a=[unit_passage(comparison, comparison.a, unit) for unit in row.a],
                b=[unit_passage(comparison, comparison.b, unit) for unit in row.b],
                # a gap has no similarity, and keywords "only on one side" say nothing
                similarity=row.similarity if both else None,
                shared_keywords=row.shared_keywords if both else (),
                only_a=row.only_a if both else (),
                only_b=row.only_b if both else (),
            )
        )
    return exported


def marked_rows(comparison: Comparison, marked: Container[str]) -> list[Pair]:
    """The rows holding at least one marked unit (by node id), in order."""
    return [
        row for row in comparison.pairs if any(unit.node_id in marked for unit in (*row.a, *row.b))
    ]


def rows_to_export(comparison: Comparison, marked: Container[str]) -> tuple[list[Pair], bool]:
    """What the compare screen exports: the rows with a marked unit if there are any, else
    every row; and whether the choice was made by the marks."""
    chosen = marked_rows(comparison, marked)
    return (chosen, True) if chosen else (list(comparison.pairs), False)


def export_comparison(
    comparison: Comparison, rows: Iterable[Pair] | None = None, *, now: dt.datetime | None = None
) -> str:
    """TOML text: ``[compare.a]`` / ``[compare.b]`` and one ``[[pair]]`` per row."""
    return export_pairs(export_rows(comparison, rows), sides=(comparison.a, comparison.b), now=now)

"""A comparison as a TOML export (``govread-export/1``): one ``[[pair]]`` per row, both sides.

Shared by the compare screen's `e` and ``govread compare A B --format toml``. Each side of
a row lists its units as passages: the node a unit lies in (so `govread FILE.toml` can mark
it again), the text that was compared (an item's text, a section's own paragraphs without
its items and subsections, or a part of the closing paragraphs) and the figures inside it.
The row keeps its theme, similarity and keywords; a gap has one empty side and no
similarity. Three reports or more (`govread.multi_compare`) are written as ``[[row]]``
tables with one ``[[row.cell]]`` per report (`export_many`), or in long form, one record
per row and report, for CSV and JSON Lines (`cell_rows`).

`render_pairwise` and `render_many` write a comparison in any of the formats a file takes
(`FILE_FORMATS`: JSON, TOML, CSV, JSON Lines), the one `format_for_name` reads from a file's
name: the CLI's ``--format`` / ``-o FILE`` and the compare screen's export dialog both
write through them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable

from govread.compare import Comparison, Pair, Unit, pair_passages
from govread.export import Pair as ExportPair
from govread.export import Passage, dumps, export_document, export_pairs, node_table, report_fields
from govread.marks import resolve_in
from govread.multi_compare import Cell, MultiComparison, Row
from govread.parsers.model import Report
from govread.records import export_format_for_path, pair_row, to_csv, to_jsonl
from govread.sanitize import dumps_json

# The formats a comparison is written to a file in, and the endings that name them
FILE_FORMATS = ("json", "toml", "csv", "jsonl")
FILE_SUFFIXES = (".json", ".toml", ".csv", ".jsonl")
COMPARE_SCHEMA = "govread-compare/1"
COMPARE_MANY_SCHEMA = "govread-compare-many/1"


def format_for_name(name: str, default: str = "toml") -> str:
    """The format a file's name asks for by its ending (``.json`` → json, ``.ndjson`` →
    jsonl …), `default` when it names none; a format not in `FILE_FORMATS` (``.md``) is
    returned as it is, for the caller to refuse."""
    return "json" if name.lower().endswith(".json") else export_format_for_path(name, default)


def format_of_file(name: str) -> str | None:
    """The format a comparison is written in to a file of this name (TOML when its ending
    names none), or None when it names a format no comparison is written in (``.md``)."""
    fmt = format_for_name(name)
    return fmt if fmt in FILE_FORMATS else None


def _json(document: dict[str, object]) -> str:
    """One line of compact JSON, every unsafe character escaped (`dumps_json`)."""
    return dumps_json(document, separators=(",", ":")) + "\n"


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
                secondary=row.secondary,
                passages=[
                    (host.node_id, text) for host, *_, text in pair_passages(comparison, row)
                ],
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


def render_pairwise(
    comparison: Comparison,
    fmt: str,
    rows: Iterable[Pair] | None = None,
    *,
    now: dt.datetime | None = None,
) -> str:
    """A comparison of two reports as the text of a file in `fmt` (`FILE_FORMATS`): JSON
    (govread-compare/1), TOML (`export_comparison`), or one record per row as CSV or JSON
    Lines; `rows` (default: all) chooses the rows."""
    if fmt == "json":
        from govread.commands.outline import report_header  # the JSON outputs' report fields
        from govread.compare import to_jsonable

        return _json({"schema": COMPARE_SCHEMA, **to_jsonable(comparison, report_header, rows)})
    if fmt == "toml":
        return export_comparison(comparison, rows, now=now)
    if fmt in ("csv", "jsonl"):
        records = [pair_row(pair) for pair in export_rows(comparison, rows)]
        return to_csv(records) if fmt == "csv" else to_jsonl(records)
    raise ValueError(f"not a comparison's file format: {fmt}")


# --- two reports or more (govread.multi_compare) ----------------------------------------

CELL_SCHEMA = "govread-compare-cell/1"


def _cell_passages(comparison: MultiComparison, index: int, cell: Cell) -> list[Passage]:
    report = comparison.reports[index]
    return [
        Passage(
            report=report,
            node=resolve_in(report, unit.node_id),
            text=unit.text,
            heading=unit.heading or None,
            figures=comparison.figures_of(index, unit),
        )
        for unit in cell.units
    ]


def many_rows_to_export(
    comparison: MultiComparison, marked: Container[str]
) -> tuple[list[Row], bool]:
    """What the N-column screen exports: the rows holding a marked unit if there are any,
    else every row; and whether the choice was made by the marks."""
    chosen = [
        row
        for row in comparison.rows
        if any(unit.node_id in marked for cell in row.cells for unit in cell.units)
    ]
    return (chosen, True) if chosen else (list(comparison.rows), False)


def export_many(
    comparison: MultiComparison,
    rows: Iterable[Row] | None = None,
    *,
    now: dt.datetime | None = None,
) -> str:
    """TOML text (govread-export/1) of a comparison of N reports: ``[[compare.report]]`` in
    column order, then one ``[[row]]`` per row with one ``[[row.cell]]`` per report (its
    passages as ``[[row.cell.node]]``, or its ``status``: elsewhere, unlike or silent);
    `rows` (default: all) chooses the rows."""
    document = export_document(now=now)
    document["compare"] = {"report": [report_fields(r) for r in comparison.reports]}
    tables: list[dict[str, object]] = []
    for row in comparison.rows if rows is None else rows:
        table: dict[str, object] = {"theme": row.theme_name, "theme_id": row.theme}
        if row.present >= 2:
            table["similarity"] = float(row.similarity)
        if row.shared_keywords:
            table["shared_keywords"] = list(row.shared_keywords)
        cells: list[dict[str, object]] = []
        for index, cell in enumerate(row.cells):
            entry: dict[str, object] = {
                "report": index + 1,
                "label": comparison.labels[index],
                "status": cell.status,
            }
            if cell.secondary:
                entry["secondary"] = True
            if cell.only_keywords:
                entry["only_keywords"] = list(cell.only_keywords)
            nodes = [node_table(p) for p in _cell_passages(comparison, index, cell)]
            if nodes:
                entry["node"] = nodes
            where = [u.node_id for u in cell.covered_by]
            if where:
                entry["covered_in"] = where
            passing = [u.node_id for u in cell.mentioned_in]
            if passing:
                entry["mentioned_in"] = passing
            cells.append(entry)
        table["cell"] = cells
        tables.append(table)
    if tables:
        document["row"] = tables
    return dumps(document)


def cell_rows(
    comparison: MultiComparison, rows: Iterable[Row] | None = None
) -> list[dict[str, object]]:
    """The comparison in long form, for CSV and JSON Lines: one record per row and report
    (row number, theme, similarity, shared keywords, the report, its status, ids and text);
    `rows` (default: all) chooses the rows, numbered as in the whole comparison."""
    chosen = None if rows is None else {id(row) for row in rows}
    records: list[dict[str, object]] = []
    for number, row in enumerate(comparison.rows, start=1):
        if chosen is not None and id(row) not in chosen:
            continue
        for index, cell in enumerate(row.cells):
            report = comparison.reports[index]
            records.append(
                {
                    "schema": CELL_SCHEMA,
                    "row": number,
                    "theme": row.theme_name,
                    "similarity": round(row.similarity, 4) if row.present >= 2 else None,
                    "shared_keywords": list(row.shared_keywords),
                    "report": comparison.labels[index],
                    "report_sha256": report.sha256,
                    "status": cell.status,
                    "secondary": cell.secondary,
                    "ids": [u.node_id for u in cell.units],
                    "numbers": [u.number + u.heading for u in cell.units],
                    "text": "\n".join(u.text for u in cell.units),
                    "only_keywords": list(cell.only_keywords),
                    "covered_in": [u.node_id for u in cell.covered_by],
                    "mentioned_in": [u.node_id for u in cell.mentioned_in],
                }
            )
    return records


def render_many(
    comparison: MultiComparison,
    fmt: str,
    rows: Iterable[Row] | None = None,
    *,
    now: dt.datetime | None = None,
) -> str:
    """A comparison of N reports as the text of a file in `fmt` (`FILE_FORMATS`): JSON
    (govread-compare-many/1), TOML (`export_many`), or one record per row and report as
    CSV or JSON Lines (`cell_rows`); `rows` (default: all) chooses the rows."""
    if fmt == "json":
        from govread.commands.outline import report_header
        from govread.multi_compare import to_jsonable

        document = {"schema": COMPARE_MANY_SCHEMA, **to_jsonable(comparison, report_header, rows)}
        return _json(document)
    if fmt == "toml":
        return export_many(comparison, rows, now=now)
    if fmt in ("csv", "jsonl"):
        records = cell_rows(comparison, rows)
        return to_csv(records) if fmt == "csv" else to_jsonl(records)
    raise ValueError(f"not a comparison's file format: {fmt}")

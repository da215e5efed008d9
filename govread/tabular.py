"""Tables as files: one writer for CSV, JSON Lines, JSON and TOML, shared by every table.

A table is a list of column names and rows (mappings from column name to a plain value:
str, int, float, bool, None, or a list of those). CSV is UTF-8 with a byte-order mark so
that a spreadsheet shows the Chinese; a list in a CSV cell is joined with ``;``; a text
cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return: a file named ``=1+2.txt``) gets a leading ``'``. TOML has no
null: a None value is left out of its row, like every other optional field govread writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import tomli_w

from govread.sanitize import dumps_json, escape_toml, sanitize

Row = Mapping[str, object]
TableFormat = Literal["csv", "jsonl", "json", "toml"]
FORMATS: tuple[TableFormat, ...] = ("csv", "jsonl", "json", "toml")
BOM = "\ufeff"
LIST_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_cell(each) for each in value)
    return str(value)


def _csv_cell(value: object) -> str:
    """A cell as `_cell` writes it, with a leading ``'`` where a spreadsheet would run a
    text (or a list's joined text) as a formula; a number is a number (``-3.5``)."""
    text = _cell(value)
    if isinstance(value, str | list | tuple) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_text(
    columns: Sequence[str], rows: Iterable[Row], *, bom: bool = True, header: bool = True
) -> str:
    """The table as CSV (``\\r\\n`` line ends, as the csv module writes), BOM first;
    without `header` (and `bom`), rows that continue a table already begun."""
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)
    writer = csv.writer(buffer)
    if header:
        writer.writerow(columns)
    for row in rows:
        # every cell through the one sanitiser (newlines and tabs kept): a file and standard
        # output (`-o -`, `records.terminal_safe`) get the very same document
        writer.writerow([sanitize(_csv_cell(row.get(column))) for column in columns])
    return buffer.getvalue()


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def jsonl_text(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """One JSON object per line, keys in column order, Chinese kept as it is (characters
    unsafe on a terminal \\u-escaped: the data stay exact)."""
    return "".join(dumps_json({c: _plain(row.get(c)) for c in columns}) + "\n" for row in rows)


def json_text(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """A JSON list of objects, keys in column order."""
    payload = [{c: _plain(row.get(c)) for c in columns} for row in rows]
    return dumps_json(payload, indent=1) + "\n"


def toml_text(columns: Sequence[str], rows: Iterable[Row], *, table: str = "row") -> str:
    """Every row as a ``[[table]]``; None values are left out (TOML has no null); characters
    unsafe on a terminal are TOML escapes."""
    records = [{c: _plain(row[c]) for c in columns if row.get(c) is not None} for row in rows]
    return escape_toml(tomli_w.dumps({table: records}))


def render(
    fmt: TableFormat, columns: Sequence[str], rows: Iterable[Row], *, table: str = "row"
) -> str:
    """The table in one of `FORMATS`."""
    if fmt == "csv":
        return csv_text(columns, rows)
    if fmt == "jsonl":
        return jsonl_text(columns, rows)
    if fmt == "json":
        return json_text(columns, rows)
    if fmt == "toml":
        return toml_text(columns, rows, table=table)
    raise ValueError(f"unknown table format {fmt!r}")


def format_for_path(path: str, default: TableFormat = "csv") -> TableFormat:
    """The format a file name asks for by its extension (.csv .jsonl .json .toml)."""
    lowered = path.lower()
    for fmt in FORMATS:
        if lowered.endswith("." + fmt):
            return fmt
    return default

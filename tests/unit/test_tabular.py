"""One writer for every table: CSV with a BOM, JSON Lines, JSON and TOML, read back."""

from __future__ import annotations

import csv
import io
import json
import tomllib

from govread.tabular import (
    csv_text,
    format_for_path,
    json_text,
    jsonl_text,
    render,
    toml_text,
)

COLUMNS = ("region", "value", "approximate", "evidence", "note")
ROWS = [
    {
        "region": "咸宁市",
        "value": 100.0,
        "approximate": False,
        "evidence": ["a/1", "a/2"],
        "note": None,
    },
    {
        "region": '含,逗号"引号\n换行',
        "value": 98.6,
        "approximate": True,
        "evidence": [],
        "note": "x",
    },
]


def test_csv_has_a_bom_and_reads_back() -> None:
    text = csv_text(COLUMNS, ROWS)
    assert text.startswith("\ufeff")
    data = text.encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == {
        "region": "咸宁市",
        "value": "100",
        "approximate": "false",
        "evidence": "a/1;a/2",
        "note": "",
    }
    assert rows[1]["region"] == '含,逗号"引号\n换行' and rows[1]["value"] == "98.6"


def test_jsonl_and_json_keep_types_and_order() -> None:
    lines = jsonl_text(COLUMNS, ROWS).splitlines()
    assert [json.loads(line) for line in lines] == [{c: r[c] for c in COLUMNS} for r in ROWS]
    assert list(json.loads(lines[0])) == list(COLUMNS)
    assert json.loads(json_text(COLUMNS, ROWS))[1]["approximate"] is True


def test_toml_leaves_out_nulls() -> None:
    data = tomllib.loads(toml_text(COLUMNS, ROWS, table="figure"))
    assert "note" not in data["figure"][0] and data["figure"][1]["note"] == "x"
    assert data["figure"][0]["evidence"] == ["a/1", "a/2"]


def test_render_and_format_for_path() -> None:
    assert render("csv", COLUMNS, ROWS) == csv_text(COLUMNS, ROWS)
    assert format_for_path("out.JSONL") == "jsonl" and format_for_path("x.toml") == "toml"
    assert format_for_path("x") == "csv"


def test_csv_cells_of_every_table_never_start_a_formula() -> None:
    # the corpus tables (figures, coverage, check, the browser's table export) write CSV
    # here: a file named `=1+2.txt` or a quoted text must not run in a spreadsheet, as in
    # the exports of nodes; a number stays a number
    columns = ("path", "text", "evidence", "value")
    rows = [{"path": "=1+2.txt", "text": "@SUM(A1)", "evidence": ["-x", "y"], "value": -3.5}]
    text = csv_text(columns, rows)
    read = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert read == {"path": "'=1+2.txt", "text": "'@SUM(A1)", "evidence": "'-x;y", "value": "-3.5"}

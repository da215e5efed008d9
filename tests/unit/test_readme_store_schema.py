"""The store's schema as the README documents it (`### The store: govread index`): the same
tables, every column named in its table's row, no column named that the table lacks, and
the same `user_version` and `application_id`."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from govread import store

README = Path(__file__).parents[2] / "README.md"
# The first column's names and the second's text of a row of the schema table.
_ROW = re.compile(r"^\| ((?:`\w+`(?:, )?)+) \| (.*) \|$")
_NAME = re.compile(r"`(\w+)`")


def _documented() -> tuple[str, dict[str, str]]:
    """The README's sentence naming the schema, and each documented table's row text."""
    text = README.read_text("utf-8")
    start = text.index("The schema (`PRAGMA user_version`")
    section = text[start : text.index("\n\n", text.index("| table | columns |", start))]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if match := _ROW.match(line):
            for table in _NAME.findall(match.group(1)):
                rows[table] = match.group(2)
    return section.splitlines()[0], rows


def _outside_parentheses(text: str) -> str:
    """`text` without what stands inside (possibly nested) parentheses: examples and
    explanations, not column names."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def _actual(tmp_path: Path) -> tuple[dict[str, list[str]], set[str], int, int]:
    path = tmp_path / "store.sqlite3"
    with store.Store(path):
        pass
    db = sqlite3.connect(path)
    try:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        virtual = {
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
        }
        # FTS5's own shadow tables (units_fts_data …) are not the schema's
        shadow = {t for t in tables for v in virtual if t.startswith(f"{v}_")}
        columns = {
            t: [row[1] for row in db.execute(f'PRAGMA table_info("{t}")')]
            for t in tables
            if t not in shadow
        }
        version = db.execute("PRAGMA user_version").fetchone()[0]
        stamp = db.execute("PRAGMA application_id").fetchone()[0]
    finally:
        db.close()
    return columns, virtual, version, stamp


def test_the_readme_documents_the_stores_tables_and_columns(tmp_path: Path) -> None:
    sentence, rows = _documented()
    columns, virtual, version, stamp = _actual(tmp_path)
    assert set(rows) == set(columns)
    assert f"`PRAGMA user_version` {version}," in sentence
    assert f"`application_id` {stamp:#x}" in sentence
    for table, names in columns.items():
        named = set(_NAME.findall(rows[table]))
        if table not in virtual:  # an FTS5 table's column is described, not listed
            missing = [name for name in names if name not in named]
            assert missing == [], (table, missing)
    # a plain word in code outside parentheses, in an ordinary table's row, is a column of
    # the tables of that row, or a table's name
    for table, text in rows.items():
        if table in virtual:
            continue
        sharing = {t for t, row in rows.items() if row == text}
        known = {name for t in sharing for name in columns[t]} | set(columns)
        stray = set(_NAME.findall(_outside_parentheses(text))) - known
        assert stray == set(), (table, stray)

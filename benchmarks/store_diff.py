"""Two stores compared table by table: the proof that a change to indexing kept the rows.

    python benchmarks/store_diff.py A.sqlite3 B.sqlite3

Every table SQLite holds is compared row for row (sorted), the FTS5 indexes through their
shadow tables (`units_fts_data`, `units_grams_data`, … : the same inserts give the same
bytes), except the ``parser`` column of `reports` (a fingerprint of the code that made the
rows, which differs between two versions by design). Exits 1 when a table differs, with
up to two rows found only on each side.

Made for the cold-index work of issue 15: index the same folder with two versions of
govread (each installed in its own virtualenv) into two stores, then compare them.
"""

from __future__ import annotations

import sqlite3
import sys

SKIPPED_COLUMNS = {"reports": {"parser"}}


def tables(db: sqlite3.Connection) -> list[str]:
    """The tables holding rows (virtual tables are compared through their shadow tables)."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
    )
    return sorted(name for (name,) in rows)


def rows(db: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    skipped = SKIPPED_COLUMNS.get(table, set())
    columns = [c[1] for c in db.execute(f"PRAGMA table_info('{table}')") if c[1] not in skipped]
    listed = ", ".join(f'"{c}"' for c in columns)
    return db.execute(f"SELECT {listed} FROM '{table}' ORDER BY {listed}").fetchall()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    first, second = (sqlite3.connect(f"file:{path}?mode=ro", uri=True) for path in argv)
    names_a, names_b = tables(first), tables(second)
    differ = sorted(set(names_a) ^ set(names_b))
    for name in differ:
        print(f"{name}: only in {'A' if name in names_a else 'B'}")
    for name in names_a:
        if name not in names_b:
            continue
        found_a, found_b = rows(first, name), rows(second, name)
        if found_a == found_b:
            print(f"{name:24} {len(found_a):>9} rows equal")
            continue
        differ.append(name)
        only_a, only_b = set(found_a) - set(found_b), set(found_b) - set(found_a)
        print(f"{name:24} DIFFER: {len(found_a)} / {len(found_b)} rows, {len(only_a)} only in A,")
        print(f"{'':24} {len(only_b)} only in B")
        for side, only in (("A", only_a), ("B", only_b)):
            for row in sorted(only, key=repr)[:2]:
                print(f"    {side}: {repr(row)[:200]}")
    print("all tables equal" if not differ else f"{len(differ)} tables differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

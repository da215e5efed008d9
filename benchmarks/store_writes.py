"""Where the writing process of a cold `govread index` spends its time (issue 15).

    python benchmarks/store_writes.py DIR [--fts-settings]

Prepares the files of DIR (e.g. `python benchmarks/generate.py DIR --count 1000`) in the
index's process pool first (untimed), then writes them into a new store in a temporary folder
as `govread index` does (`Store.put_prepared`, `store.WRITE_BATCH` reports a transaction),
twice: once plain (the whole write, ms a report) and once with every statement timed (a
wrapper around the connection's `execute` and `executemany`: the statements' shares of the
write, by their first words). The pool's side is `benchmarks/prepare_stages.py`.

`--fts-settings` then rebuilds the trigram index (`units_fts`) over the written units in a
scratch file under each FTS5 setting worth trying (`detail=full` as the store has it, with
its merge settings changed, and `detail=none` / `detail=column`, which refuse phrase queries,
so that a substring is found by `GLOB` with each candidate row read back), and prints the
insert time, the index's size and the time to find a few substrings.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govread.store import WRITE_BATCH, Store
from govread.store_build import FileJob, Prepared, prepared_files, stat_of

NEEDLES = ("行政复议", "法治政府建设", "出庭应诉率", "信访事项", "规范性文件备案审查")
# (name, detail, FTS5 configuration rows)
SETTINGS: tuple[tuple[str, str, tuple[tuple[str, int], ...]], ...] = (
    ("detail=full (the store's)", "full", ()),
    ("detail=full, automerge 8", "full", (("automerge", 8),)),
    ("detail=full, automerge 0, then optimize", "full", (("automerge", 0),)),
    ("detail=full, pgsz 4000", "full", (("pgsz", 4000),)),
    ("detail=full, crisismerge 64", "full", (("crisismerge", 64),)),
    ("detail=column", "column", ()),
    ("detail=none", "none", ()),
)


class TimedConnection:
    """A connection whose statements are timed, by their first 48 characters."""

    def __init__(self, db: sqlite3.Connection, spent: defaultdict[str, float]) -> None:
        self._db = db
        self._spent = spent

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        started = time.perf_counter()
        try:
            return self._db.execute(sql, *args)
        finally:
            self._spent[sql[:48]] += time.perf_counter() - started

    def executemany(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        started = time.perf_counter()
        try:
            return self._db.executemany(sql, rows)
        finally:
            self._spent[sql[:48]] += time.perf_counter() - started


def write(prepared: list[Prepared], folder: Path, spent: defaultdict[str, float] | None) -> float:
    """Seconds to write `prepared` into a new store in `folder`."""
    store = Store(folder / "store.sqlite3")
    if spent is not None:
        store.db = TimedConnection(store.db, spent)  # type: ignore[assignment]
    started = time.perf_counter()
    for start in range(0, len(prepared), WRITE_BATCH):
        with store.transaction():
            store.put_prepared(prepared[start : start + WRITE_BATCH])
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def fts_settings(units: list[tuple[int, str]], folder: Path) -> None:
    print(
        f"\nunits_fts rebuilt over {len(units):,} units ({sum(len(t) for _, t in units):,} chars)"
    )
    print("| setting | insert s | index MB | find ms (" + ", ".join(NEEDLES) + ") |")
    print("| --- | --- | --- | --- |")
    for number, (name, detail, config) in enumerate(SETTINGS):
        db = sqlite3.connect(folder / f"fts{number}.sqlite3")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE u(id INTEGER PRIMARY KEY, folded TEXT)")
        db.execute(
            "CREATE VIRTUAL TABLE t USING fts5(folded, content='u', content_rowid='id',"
            f" tokenize='trigram case_sensitive 1', detail={detail})"
        )
        for key, value in config:
            db.execute("INSERT INTO t(t, rank) VALUES (?, ?)", (key, value))
        db.executemany("INSERT INTO u VALUES (?, ?)", units)
        db.commit()
        started = time.perf_counter()
        for at in range(0, len(units), 3000):  # a transaction's units, as the index writes
            low, high = units[at][0], units[min(at + 2999, len(units) - 1)][0]
            db.execute(
                "INSERT INTO t(rowid, folded) SELECT id, folded FROM u WHERE id BETWEEN ? AND ?",
                (low, high),
            )
            db.commit()
        if ("automerge", 0) in config:
            db.execute("INSERT INTO t(t) VALUES ('optimize')")
            db.commit()
        inserted = time.perf_counter() - started
        (size,) = db.execute("SELECT sum(length(block)) FROM t_data").fetchone()
        found = []
        for needle in NEEDLES:
            started = time.perf_counter()
            if detail == "full":
                db.execute("SELECT rowid FROM t WHERE t MATCH ?", (f'"{needle}"',)).fetchall()
            else:
                db.execute("SELECT rowid FROM t WHERE folded GLOB ?", (f"*{needle}*",)).fetchall()
            found.append(f"{(time.perf_counter() - started) * 1000:.1f}")
        db.close()
        print(f"| {name} | {inserted:.2f} | {size / 1e6:.1f} | {', '.join(found)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--fts-settings", action="store_true")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    jobs = [FileJob(str(p), False, stat_of(p) or (0, 0), None) for p in files]
    prepared = [o for _, o in prepared_files(jobs) if isinstance(o, Prepared)]
    count = len(prepared)
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("plain", "timed"):
            Path(scratch, name).mkdir()
        plain = write(prepared, Path(scratch) / "plain", None)
        spent: defaultdict[str, float] = defaultdict(float)
        timed = write(prepared, Path(scratch) / "timed", spent)
        print(f"{count} reports written: {plain / count * 1000:.2f} ms a report", end="")
        print(f" ({timed / count * 1000:.2f} with every statement timed)")
        print("| statement | ms a report | share of the timed write |")
        print("| --- | --- | --- |")
        for sql, seconds in sorted(spent.items(), key=lambda item: -item[1])[:12]:
            shown = " ".join(sql.split())
            print(f"| `{shown}` | {seconds / count * 1000:.2f} | {seconds / timed:.0%} |")
        print(
            f"| (Python of `put_prepared`) | {(timed - sum(spent.values())) / count * 1000:.2f} |"
            f" {(timed - sum(spent.values())) / timed:.0%} |"
        )
        if args.fts_settings:
            db = sqlite3.connect(Path(scratch) / "plain" / "store.sqlite3")
            units = db.execute("SELECT id, folded FROM units ORDER BY id").fetchall()
            db.close()
            fts_settings(units, Path(scratch))


if __name__ == "__main__":
    main()

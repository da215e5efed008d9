"""A persistent cache of parsed reports, so a second start re-parses nothing that did not change.

One SQLite file under the user cache directory, keyed by the SHA-256 of a file's bytes and
the parser version. Values are JSON (never pickle: a cache is data, not code). SQLite's WAL
mode lets two govread processes share it; a corrupt or foreign file is moved aside and
rebuilt, never trusted; every failure degrades to "not cached", never to an error.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from govread.parsers.model import Item, Report, Section
from govread.parsers.outline import PARSER_VERSION

SCHEMA = 1


def default_path() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("govread") / "reports.sqlite3"


class ReportCache:
    """get/put of parsed reports by content hash; safe to share between threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except sqlite3.OperationalError:
            self._db = None  # busy or unwritable: run without a cache this time
        except sqlite3.DatabaseError:
            # Not a database, or a damaged one: move it aside and start afresh.
            self._move_aside()
            try:
                self._db = self._open()
            except (sqlite3.Error, OSError):
                self._db = None
        except OSError:
            self._db = None
        return self._db

    def _open(self) -> sqlite3.Connection:
        # Autocommit mode with explicit transactions; the busy timeout lets two govread
        # processes take turns instead of failing.
        db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("BEGIN IMMEDIATE")  # one process at a time sets the schema up
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA:
                if version:
                    db.execute("DROP TABLE IF EXISTS reports")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS reports (sha256 TEXT, parser TEXT, body TEXT,"
                    " used REAL, PRIMARY KEY (sha256, parser))"
                )
                db.execute(f"PRAGMA user_version={SCHEMA}")
            db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> None:
        with contextlib.suppress(OSError):
            self.path.rename(self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}"))

    def get(self, sha256: str, path: str | None = None) -> Report | None:
        """The cached report for these bytes (with `path` set), or None."""
        with self._lock:
            db = self._connect()
            if db is None:
                return None
            try:
                row = db.execute(
                    "SELECT body FROM reports WHERE sha256=? AND parser=?",
                    (sha256, PARSER_VERSION),
                ).fetchone()
            except sqlite3.Error:
                return None
        if row is None:
            self.misses += 1
            return None
        try:
            report = report_from_dict(json.loads(row[0]))
        except (ValueError, KeyError, TypeError):
            self.misses += 1
            return None  # an entry we cannot read is no entry; put() will replace it
        if report.sha256 != sha256:
            self.misses += 1
            return None
        self.hits += 1
        return replace(report, path=path)

    def put(self, report: Report) -> None:
        body = json.dumps(report_to_dict(report), ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            db = self._connect()
            if db is None:
                return
            with contextlib.suppress(sqlite3.Error):
                db.execute(
                    "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?)",
                    (report.sha256, PARSER_VERSION, body, time.time()),
                )

    def known(self, sha256s: Iterable[str]) -> set[str]:
        """Which of these hashes have an entry for this parser (one query for a whole load)."""
        wanted = set(sha256s)
        with self._lock:
            db = self._connect()
            if db is None or not wanted:
                return set()
            try:
                rows = db.execute(
                    "SELECT sha256 FROM reports WHERE parser=?", (PARSER_VERSION,)
                ).fetchall()
            except sqlite3.Error:
                return set()
        return wanted.intersection(row[0] for row in rows)

    def put_bodies(self, entries: Iterable[tuple[str, str]]) -> None:
        """Store (sha256, JSON of `report_to_dict`) pairs in one transaction."""
        now = time.time()
        rows = [(sha256, PARSER_VERSION, body, now) for sha256, body in entries]
        with self._lock:
            db = self._connect()
            if db is None or not rows:
                return
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?)", rows)
                db.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


_ITEM_FIELDS = tuple(f.name for f in fields(Item))
_SECTION_FIELDS = tuple(f.name for f in fields(Section))
_REPORT_FIELDS = tuple(f.name for f in fields(Report) if f.name != "path")


def _section_to_dict(section: Section) -> dict[str, Any]:
    data = {name: getattr(section, name) for name in _SECTION_FIELDS}
    data["paragraphs"] = list(section.paragraphs)
    data["items"] = [{name: getattr(item, name) for name in _ITEM_FIELDS} for item in section.items]
    data["children"] = [_section_to_dict(child) for child in section.children]
    return data


def report_to_dict(report: Report) -> dict[str, Any]:
    """What `dataclasses.asdict` gives without ``path``, three times faster (no deep copies)."""
    data = {name: getattr(report, name) for name in _REPORT_FIELDS}
    for name in ("preamble", "closing", "chrome"):
        data[name] = list(data[name])
    data["sections"] = [_section_to_dict(section) for section in report.sections]
    data["meta"] = dict(report.meta)
    return data


def report_from_dict(data: dict[str, Any]) -> Report:
    def section(raw: dict[str, Any]) -> Section:
        return Section(
            **{
                **raw,
                "paragraphs": tuple(raw["paragraphs"]),
                "items": tuple(Item(**item) for item in raw["items"]),
                "children": tuple(section(child) for child in raw["children"]),
            }
        )

    return Report(
        **{
            **data,
            "preamble": tuple(data["preamble"]),
            "closing": tuple(data["closing"]),
            "chrome": tuple(data["chrome"]),
            "sections": tuple(section(s) for s in data["sections"]),
            "meta": dict(data.get("meta", {})),
        }
    )

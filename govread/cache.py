"""A persistent cache of parsed reports, so a second start re-parses nothing that did not change.

One SQLite file under the user cache directory, keyed by the SHA-256 of a file's bytes,
the parser version and what of the file's name the parse read (`name_key`: its suffix, and
its stem when the text named no region or year). Values are JSON (never pickle: a cache is data, not code). SQLite's WAL
mode lets two govread processes share it. The file is stamped with govread's
``application_id``: a corrupt file, or another program's database found at the cache path
(any SQLite file govread did not make), is moved aside (``reports.sqlite3.bad-<time>``)
with one notice and rebuilt, never stamped and taken over. Entries are read through the
guarded JSON parser and checked field by field: a wrong one is a miss, parsed again.
Every failure degrades to "not cached", never to an error.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from govread import statefile
from govread.i18n import N_, _
from govread.parsers.model import Item, Report, Section
from govread.parsers.version import PARSER_VERSION

SCHEMA = 2  # 2: entries keyed by the name's part the parse read (`name_key`)
# PRAGMA application_id of govread's cache: "gvrd". A file without it is not ours, unless
# it is empty (new) or a cache from before the stamp (user_version 1, the reports table).
APPLICATION_ID = 0x67767264
_COLUMNS = ["sha256", "parser", "name", "body", "used"]


# Paths asked for in one query (SQLite allows 32,766 parameters since 3.32).
_QUERY_CHUNK = 500
# A file whose last change is more recent than this is not recorded by its stamp: another
# change within the file system's clock step would leave the stamp as it was.
STAMP_SETTLE_NS = 2_000_000_000


def _not_a_regular_file(path: Path) -> str | None:
    """What stands at the cache's path when it is not a regular file (after links): a
    folder, a FIFO, a device, a link to one or to nothing; None when nothing is there or
    a regular file is."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return N_("a link to nothing") if os.path.islink(path) else None
    except OSError:
        return N_("a link that loops") if os.path.islink(path) else N_("unreadable")
    if stat.S_ISREG(info.st_mode):
        return None
    return statefile.describe_type(info.st_mode)


class FileStamp(NamedTuple):
    """What a file's stat says of its bytes: while all four stay, the bytes are taken to be
    the same (as make and git take them), and their recorded hash is used without reading."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileStamp:
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)

    def settled(self, now_ns: int) -> bool:
        """Whether the file last changed long enough ago for its stamp to be trusted."""
        return now_ns - max(self.mtime_ns, self.ctime_ns) > STAMP_SETTLE_NS


class _ForeignDatabase(Exception):
    """A SQLite file at the cache path that govread did not make."""


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
        self._notice: str | None = None
        self._refused = False  # what is at the path is no cache file, and could not be moved

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._refused:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if (kind := _not_a_regular_file(self.path)) is not None:
                # SQLite would open it, and make its journal beside where a link points
                self._move_aside(_("is {kind}, not a regular file").format(kind=_(kind)))
                if os.path.lexists(self.path):  # it stays: no cache this run
                    self._refused = True
                    return None
            self._db = self._open()
        except _ForeignDatabase:
            self._move_aside(_("is not govread's cache (another program's database)"))
            try:
                self._db = self._open()
            except (sqlite3.Error, OSError, _ForeignDatabase):
                self._db = None
        except sqlite3.OperationalError:
            self._db = None  # busy or unwritable: run without a cache this time
        except sqlite3.DatabaseError:
            # Not a database, or a damaged one: move it aside and start afresh.
            self._move_aside(_("is damaged"))
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
            if not self._is_ours(db, version):
                db.execute("ROLLBACK")
                raise _ForeignDatabase
            if version != SCHEMA:
                db.execute("DROP TABLE IF EXISTS reports")
                db.execute("DROP TABLE IF EXISTS derived")
            db.execute(
                "CREATE TABLE IF NOT EXISTS reports (sha256 TEXT, parser TEXT, name BLOB,"
                " body TEXT, used REAL, PRIMARY KEY (sha256, parser, name))"
            )
            # values computed from a report (the corpus tables' rows): `kind` names what
            # and the version of the code that computed it
            db.execute(
                "CREATE TABLE IF NOT EXISTS derived (sha256 TEXT, parser TEXT, kind TEXT,"
                " body TEXT, PRIMARY KEY (sha256, parser, kind))"
            )
            # what a file's bytes hashed to, with the stat that shows they are unchanged
            # (`known_files`): a warm load need not read and hash every file again
            db.execute(
                "CREATE TABLE IF NOT EXISTS files (path BLOB PRIMARY KEY, size INTEGER,"
                " mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER, sha256 TEXT)"
            )
            db.execute(f"PRAGMA user_version={SCHEMA}")
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _is_ours(db: sqlite3.Connection, version: int) -> bool:
        """Whether the open file is govread's cache, or empty and so free to become it."""
        if db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return True
        tables = {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return True  # a new, empty file
        # before the stamp there was only `reports`; `derived` came later, but a stamp lost
        # by a copy must not cost the cache
        if (
            "reports" not in tables
            or not tables <= {"reports", "derived", "files"}
            or version != SCHEMA
        ):
            return False
        columns = [row[1] for row in db.execute("PRAGMA table_info(reports)")]
        return columns == _COLUMNS  # a cache written before the stamp existed

    def _move_aside(self, reason: str) -> None:
        """Set the file aside, with a notice that says why (`reason`, in the interface's
        language)."""
        shown = statefile.display_path(self.path)
        try:
            aside = statefile.set_aside(self.path)
        except OSError:
            self._notice = _("{path}: {reason}; running without the cache").format(
                path=shown, reason=reason
            )
            return
        self._notice = _("{path}: {reason}; moved it to {aside} and started a new cache").format(
            path=shown, reason=reason, aside=statefile.display_path(aside.name)
        )

    def take_notice(self) -> str | None:
        """One line about a cache file that was set aside (once), or None."""
        notice, self._notice = self._notice, None
        return notice

    def get(self, sha256: str, path: str | None = None) -> Report | None:
        """The cached report for these bytes under this name (with `path` set), or None."""
        kept, named = name_keys(path)
        with self._lock:
            db = self._connect()
            if db is None:
                return None
            try:
                if path is None:  # no name to go by: the entry of any
                    row = db.execute(
                        "SELECT body FROM reports WHERE sha256=? AND parser=?"
                        " ORDER BY length(name)",
                        (sha256, PARSER_VERSION),
                    ).fetchone()
                else:
                    row = db.execute(
                        "SELECT body FROM reports WHERE sha256=? AND parser=?"
                        " AND name IN (?, ?) ORDER BY length(name) DESC",
                        (sha256, PARSER_VERSION, kept, named),
                    ).fetchone()
            except sqlite3.Error:
                return None
        if row is None:
            self.misses += 1
            return None
        report = _entry_report(row[0])
        if report is None:
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
                    "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?)",
                    (report.sha256, PARSER_VERSION, name_key(report), body, time.time()),
                )

    def known(self, files: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these (sha256, path) pairs have an entry for this parser that `get`
        gives under that name (one query for a whole load)."""
        wanted = set(files)
        with self._lock:
            db = self._connect()
            if db is None or not wanted:
                return set()
            try:
                rows = db.execute(
                    "SELECT sha256, name FROM reports WHERE parser=?", (PARSER_VERSION,)
                ).fetchall()
            except sqlite3.Error:
                return set()
        hashes = {sha256 for sha256, _path in wanted}
        names: dict[str, set[object]] = {}
        for sha256, name in rows:
            if sha256 in hashes:
                names.setdefault(sha256, set()).add(name)
        return {
            (sha256, path)
            for sha256, path in wanted
            if not names.get(sha256, set()).isdisjoint(name_keys(path))
        }

    def put_bodies(self, entries: Iterable[tuple[str, bytes, str]]) -> None:
        """Store (sha256, `name_key`, JSON of `report_to_dict`) triples in one transaction."""
        now = time.time()
        rows = [(sha256, PARSER_VERSION, name, body, now) for sha256, name, body in entries]
        self._transaction(("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?)", rows))

    def _transaction(self, *statements: tuple[str, Sequence[Sequence[object]]]) -> None:
        """Run each statement over its rows, all in one transaction (nothing without the
        last statement's rows); a failure leaves the cache as it was."""
        if not statements[-1][1]:
            return
        with self._lock:
            db = self._connect()
            if db is None:
                return
            try:
                db.execute("BEGIN IMMEDIATE")
                for sql, rows in statements:
                    db.executemany(sql, rows)
                db.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")

    def known_files(self, paths: Iterable[str]) -> dict[str, tuple[FileStamp, str]]:
        """The stamp and hash recorded for each of these paths that has one."""
        # as bytes: a file name need not be UTF-8 (`os.fsdecode` gave it surrogates)
        rows = self._rows_in(
            "SELECT path, size, mtime_ns, ctime_ns, inode, sha256 FROM files WHERE path IN ({})",
            (),
            list(dict.fromkeys(map(os.fsencode, paths))),
        )
        found: dict[str, tuple[FileStamp, str]] = {}
        for path, size, mtime, ctime, inode, sha256 in rows:
            if isinstance(sha256, str) and isinstance(path, bytes):
                found[os.fsdecode(path)] = (FileStamp(size, mtime, ctime, inode), sha256)
        return found

    def put_files(self, entries: Iterable[tuple[str, FileStamp, str]]) -> None:
        """Record (path, stamp, sha256) triples in one transaction."""
        rows = [(os.fsencode(path), *stamp, sha256) for path, stamp, sha256 in entries]
        self._transaction(("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", rows))

    def get_derived(self, kind: str, sha256s: Iterable[str]) -> dict[str, str]:
        """The stored bodies of `kind` for these hashes (and this parser), by hash; an entry
        too large to be ours is left out (a miss)."""
        # only the rows asked for: the table holds every report ever cached
        rows = self._rows_in(
            "SELECT sha256, body FROM derived WHERE parser=? AND kind=? AND sha256 IN ({})",
            (PARSER_VERSION, kind),
            list(dict.fromkeys(sha256s)),
        )
        return {
            sha256: body
            for sha256, body in rows
            if isinstance(body, str) and len(body) <= statefile.MAX_CACHE_ENTRY_BYTES
        }

    def _rows_in(
        self, sql: str, params: Sequence[object], keys: Sequence[object]
    ) -> list[tuple[Any, ...]]:
        """The rows of `sql`, whose ``IN ({})`` is given `keys` a chunk at a time (after
        `params`); none when the cache cannot be read."""
        rows: list[tuple[Any, ...]] = []
        with self._lock:
            db = self._connect()
            if db is None:
                return rows
            try:
                for start in range(0, len(keys), _QUERY_CHUNK):
                    chunk = keys[start : start + _QUERY_CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows += db.execute(sql.format(marks), [*params, *chunk]).fetchall()
            except sqlite3.Error:
                return []
        return rows

    def put_derived(self, kind: str, entries: Iterable[tuple[str, str]]) -> None:
        """Store (sha256, body) pairs of `kind` in one transaction, dropping the entries of
        the same family (the part of `kind` before its first ``:``) that an older version of
        the code computed."""
        rows = [(sha256, PARSER_VERSION, kind, body) for sha256, body in entries]
        family = kind.split(":", 1)[0] + ":"
        self._transaction(
            (
                "DELETE FROM derived WHERE substr(kind, 1, ?)=? AND (kind<>? OR parser<>?)",
                [(len(family), family, kind, PARSER_VERSION)],
            ),
            ("INSERT OR REPLACE INTO derived VALUES (?, ?, ?, ?)", rows),
        )

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def name_keys(path: str | None) -> tuple[bytes, bytes]:
    """The two keys an entry for the file at `path` may have: its suffix, which every
    parse reads (a .md file is read as Markdown, a .html one as a page), and that with its
    stem, for a report whose text named no region or year (`Report.name_dependent`). As
    bytes: a file name need not be UTF-8."""
    name = PurePath(path or "")
    suffix = os.fsencode(name.suffix.lower())
    return suffix, suffix + b"/" + os.fsencode(name.stem)


def name_key(report: Report) -> bytes:
    """The key of `report`'s entry: of the two `name_keys` of its path, the one its parse
    depended on."""
    kept, named = name_keys(report.path)
    return named if report.name_dependent else kept


def _entry_report(body: object) -> Report | None:
    """The report in a cache entry, or None when the entry is not one (any type, any
    depth, any size: a tampered or damaged entry is a miss, never an exception)."""
    if not isinstance(body, str) or len(body) > statefile.MAX_CACHE_ENTRY_BYTES:
        return None
    try:
        data = statefile.parse_json("cache entry", body)
        if not _is_report_dict(data):
            return None
        return report_from_dict(data)
    except (statefile.StateFileError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_optional_str(value: object) -> bool:
    return value is None or isinstance(value, str)


def _is_optional_int(value: object) -> bool:
    return value is None or _is_int(value)


def _is_strs(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_REPORT_CHECKS = {
    "sha256": _is_str,
    "id": _is_str,
    "body_sha256": _is_str,
    "title": _is_optional_str,
    "display_title": _is_str,
    "region": _is_optional_str,
    "city": _is_optional_str,
    "region_ambiguous": lambda value: isinstance(value, bool),
    "name_dependent": lambda value: isinstance(value, bool),
    "year": _is_optional_int,
    "published": _is_optional_str,
    "made_public": _is_optional_str,
    "made_public_by": _is_optional_str,
    "issuer": _is_optional_str,
    "source": _is_optional_str,
    "preamble": _is_strs,
    "closing": _is_strs,
    "chrome": _is_strs,
}
_SECTION_CHECKS = {
    "id": _is_str,
    "level": _is_int,
    "number": _is_str,
    "ordinal": _is_int,
    "marker": _is_str,
    "heading": _is_str,
    "raw_heading": _is_str,
    "inline": lambda value: isinstance(value, bool),
    "paragraphs": _is_strs,
    "after_children": lambda value: _is_int(value) and value >= 0,
}
_ITEM_CHECKS = {
    "id": _is_str,
    "number": _is_str,
    "ordinal": _is_int,
    "marker": _is_str,
    "heading": _is_str,
    "text": _is_str,
    "paragraph": _is_int,
    "start": _is_int,
    "end": _is_int,
}


def _fits(data: object, checks: dict[str, Any]) -> bool:
    """A dict whose known fields have the types the model holds (others are left to the
    dataclass, which refuses names it does not have)."""
    if not isinstance(data, dict):
        return False
    return all(check(data[key]) for key, check in checks.items() if key in data)


def _is_report_dict(data: object) -> bool:
    """Whether `data` has the shape of `report_to_dict`'s output, checked without recursion."""
    if not _fits(data, _REPORT_CHECKS):
        return False
    assert isinstance(data, dict)
    meta = data.get("meta", {})
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        return False
    pending = data.get("sections")
    if not isinstance(pending, list):
        return False
    pending = list(pending)
    while pending:
        section = pending.pop()
        if not _fits(section, _SECTION_CHECKS):
            return False
        items, children = section.get("items"), section.get("children")
        if not isinstance(items, list) or not isinstance(children, list):
            return False
        if not all(_fits(item, _ITEM_CHECKS) for item in items):
            return False
        pending.extend(children)
    return True


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

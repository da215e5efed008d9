"""A persistent store of parsed reports: one SQLite file a researcher can query too.

`govread index DIR` fills it (parsing and segmenting each changed report once); `govread
search --store PATH` answers from it without reading or segmenting the corpus again. The
schema (documented in the README) is plain tables:

- ``reports``: one row per file (path, hashes, parser version, metadata, the parsed report
  as JSON in ``body``), refreshed by content identity: a file whose (size, mtime) are
  unchanged is skipped, then one whose SHA-256 is unchanged.
- ``units``: the searchable units of each report (sections, inline items, preamble,
  closing) in document order, with their text, folded text and jieba tokens.
- ``units_fts``: FTS5 over the folded text with the ``trigram`` tokenizer (substrings of 3+
  characters).
- ``units_grams``: the postings of shorter substrings: FTS5 (contentless, no positions) over
  every character and pair of adjacent characters of each unit's folded text, each written as
  an ASCII token (`gram_token`: 复议 → ``590dx8bae``), so 复议, 信访 or 法 are found without
  a scan.
- ``grams_packed``, ``grams_segments``: the same postings packed, for the characters and
  pairs held by many units: per segment of units (a batch of reports as written: a range of
  row ids) and gram held by at least a sixteenth of its units, one BLOB of the units' row
  ids less the segment's first, little-endian 16-bit. A common needle (行, 法, 行政: most of the
  units) is read as a few dozen BLOBs decoded in C instead of 200,000 rows handed to Python one
  at a time (`short_postings`); its other units come from ``units_grams`` by row-id ranges.
- ``vocab``: each jieba token and the number of units holding it (BM25's document
  frequency), kept up to date as reports come and go.
- ``skipped``: the files `govread index` took for no report, as they were then, so that a
  search over their folder does not call them never indexed (`never_indexed`).

The file is stamped with its own ``application_id``: a damaged file, or another program's
database at the path, is set aside (``<name>.bad-<time>``) and a new store started, as the
parsed-report cache does (`govread.cache`).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import math
import os
import shlex
import sqlite3
import stat
import sys
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import repeat
from operator import add, itemgetter, sub
from pathlib import Path
from typing import NamedTuple

from govread import segment, statefile
from govread.atomic import describe_os_error, try_lock
from govread.cache import _entry_report
from govread.fingerprint import code_fingerprint
from govread.grams import gram_text, gram_token
from govread.i18n import N_, _, _n
from govread.parsers.model import Item, Report, Section
from govread.parsers.version import PARSER_VERSION
from govread.search import (
    BM25_B,
    BM25_K1,
    HEADING_WEIGHT,
    Hit,
    MatchKind,
    Query,
    Span,
    _make_hit,
    _Plan,
    _Unit,
    is_hit,
    item_holding_all,
    match_query,
)
from govread.store_build import (
    FileJob,
    Prepared,
    join_tokens,
    prepare_report,
    prepared_files,
)

# 2: reports.issuer_level and city; 3: figures, topics, the comparison's words;
# 4: units_grams, the postings of needles under three characters; 5: grams_packed and
# grams_segments, the postings of common characters and pairs packed per segment of units;
# 6: figures.target, whether a figure states a plan or target (`plan_phase.target_test`), and
# figures.earlier, whether it is the level a change started from (`Figure.earlier`)
# the modules and data besides the parser whose code decides a report's rows (tokens,
# figures, topics, the comparison's words): a change to any of them re-indexes the report
_ANALYSIS_MODULES = (
    "store_build",
    "grams",
    "segment",
    "search",
    "node_ids",
    "compare",
    "figures",
    "acts",
    "indicators",
    "topics",
    "plan_phase",
)
_ANALYSIS_DATA = ("indicators.toml", "topics.toml", "userdict.txt", "dictionary_verbs.txt")

SCHEMA_VERSION = 8
# PRAGMA application_id of a govread store: "gvrs" (the cache is "gvrd").
APPLICATION_ID = 0x67767273
# Why a file at the store path cannot be read as one, where it is only read (search, compare,
# the browser): what it is, and what to do.
NOT_A_STORE = N_(
    "is damaged, or no SQLite database at all (`govread index` with this --store moves it "
    "aside and starts a new store)"
)
# A text in the store that cannot be decoded, its structure whole: `index` finds nothing to
# set aside (`PRAGMA quick_check` reads no row's bytes), so the file is moved by hand.
TEXT_DAMAGED = N_(
    "is damaged (a text in it cannot be read): move it away, then `govread index` your "
    "folders with this --store to build it again"
)
STORE_NAME = "store.sqlite3"
TRIGRAM = 3  # the shortest needle the trigram index can answer (shorter: `units_grams`)
_CHUNK = 500  # ids per "IN (...)" query, under SQLite's variable limit
_first_column = itemgetter(0)

_GRAMS_TABLE = (
    "CREATE VIRTUAL TABLE units_grams USING fts5(grams, content='', detail=none,"
    " columnsize=0, tokenize='ascii')"
)
_PACKED_TABLES = (
    # a segment: the units with row ids first..last, packed together (`_pack_segment`)
    "CREATE TABLE grams_segments (first INTEGER PRIMARY KEY, last INTEGER NOT NULL)",
    # per segment, each gram (`gram_token`) held by at least a `PACK_SHARE`th of its units
    # (and `PACK_MIN`): the row ids of those units less `segment`, little-endian uint16
    # (a table with row ids: its rows are too long for one without)
    """CREATE TABLE grams_packed (
        token TEXT NOT NULL,
        segment INTEGER NOT NULL,
        units BLOB NOT NULL)""",
    "CREATE UNIQUE INDEX grams_packed_by_token ON grams_packed(token, segment)",
    "CREATE INDEX grams_packed_by_segment ON grams_packed(segment)",
)
# The files `govread index` took for no report, as they were then: a search over their
# folder does not call them "never indexed" until they change.
_SKIPPED_TABLE = """CREATE TABLE skipped (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    reason TEXT NOT NULL) WITHOUT ROWID"""
_SCHEMA = (
    """CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        parser TEXT NOT NULL,
        region TEXT, city TEXT, province TEXT, year INTEGER, genre TEXT, issuer TEXT,
        issuer_level TEXT,
        title TEXT, display_title TEXT NOT NULL, published TEXT,
        mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
        body TEXT NOT NULL,
        node_id TEXT NOT NULL,
        duplicate_of TEXT)""",
    """CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        node_id TEXT NOT NULL,
        parent TEXT,
        level INTEGER,
        kind TEXT NOT NULL,
        number TEXT,
        heading TEXT NOT NULL,
        path TEXT NOT NULL,
        text TEXT NOT NULL,
        folded TEXT NOT NULL,
        heading_tokens TEXT NOT NULL,
        body_tokens TEXT NOT NULL,
        length INTEGER NOT NULL)""",
    "CREATE INDEX units_by_report ON units(report_id, ordinal)",
    # filled per batch of reports by one INSERT … SELECT, which builds the index about
    # twice as fast as a trigger row by row
    "CREATE VIRTUAL TABLE units_fts USING fts5(folded, content='units', content_rowid='id',"
    " tokenize='trigram case_sensitive 1')",
    "CREATE TRIGGER units_removed AFTER DELETE ON units BEGIN"
    " INSERT INTO units_fts(units_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    # the units holding each character and each pair of adjacent characters (`gram_text`)
    _GRAMS_TABLE,
    *_PACKED_TABLES,
    "CREATE TABLE vocab (token TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
    # running totals of the units and their token lengths (BM25's average, without a scan)
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL)",
    "INSERT INTO meta VALUES ('units', 0), ('tokens', 0), ('compare_units', 0)",
    # every figure of every report, as the one figure finder (govread.figures) gives it
    """CREATE TABLE figures (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        subject TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        approximate INTEGER NOT NULL,
        text TEXT NOT NULL,
        indicator TEXT,
        is_range INTEGER NOT NULL,
        target INTEGER NOT NULL,
        earlier INTEGER NOT NULL)""",
    "CREATE INDEX figures_by_report ON figures(report_id)",
    "CREATE INDEX figures_by_indicator ON figures(indicator)",
    # the comparison's units (govread.compare) with their themes and the themes' weights
    """CREATE TABLE topics (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        key TEXT NOT NULL,
        node_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        number TEXT NOT NULL,
        theme TEXT NOT NULL,
        themes TEXT NOT NULL,
        phases TEXT NOT NULL,
        PRIMARY KEY (report_id, ordinal)) WITHOUT ROWID""",
    "CREATE INDEX topics_by_theme ON topics(theme)",
    # the comparison's words: per report, how many of its units hold each (its IDF)
    # the comparison's words of each report: "word<TAB>units holding it" lines
    """CREATE TABLE compare_terms (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        terms TEXT NOT NULL)""",
    "CREATE TABLE compare_vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
    _SKIPPED_TABLE,
)
_TABLES = {
    "reports",
    "units",
    "units_fts",
    "units_grams",
    "grams_segments",
    "grams_packed",
    "vocab",
    "meta",
    "figures",
    "topics",
    "compare_terms",
    "compare_vocab",
    "skipped",
}
# what schema 7 had (and 3 to 6, less what their upgrades add)
_TABLES_7 = _TABLES - {"skipped"}
_DROP_ORDER = (
    "units_fts",
    "units_grams",
    "grams_packed",
    "grams_segments",
    "units",
    "figures",
    "topics",
    "compare_terms",
    "compare_vocab",
    "reports",
    "vocab",
    "meta",
    "skipped",
)
DEFAULT_MAX_MB = 2048
# The page size of a new store: 16 KiB rather than SQLite's 4 KiB writes a cold index with
# ≈ 10 % less of the parent's CPU (fewer pages to split and write, the FTS5 segments' long
# rows on fewer overflow pages) in a file ≈ 4 % smaller; reads take the same time.
PAGE_SIZE = 16384
# Less free space than this when a write fails for want of room: the disk is full, not the cap.
DISK_SLACK = 64 * 1024 * 1024


class StoreError(Exception):
    """The store cannot be opened or written (one line for a person)."""


def _is_full(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL or "full" in str(error)


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


class Malformed(sqlite3.DatabaseError):
    """SQLite's check of a store's structure (`Store.damage`) found it damaged."""


# Python's words for a TEXT cell that is not UTF-8: bytes overwritten inside a row, which
# SQLite's structure checks do not look at (nor quote: Python puts the cell's bytes after).
_UNDECODABLE = "Could not decode to UTF-8"


def _undecodable(error: BaseException) -> bool:
    return isinstance(error, UnicodeDecodeError) or (
        isinstance(error, sqlite3.OperationalError) and str(error).startswith(_UNDECODABLE)
    )


def is_damaged(error: BaseException) -> bool:
    """Whether SQLite found the file malformed or no database at all, or a text in it could
    not be decoded (damaged inside a row)."""
    if isinstance(error, Malformed) or _undecodable(error):
        return True
    return isinstance(error, sqlite3.Error) and _primary_code(error) in (
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_NOTADB,
    )


def damage_said(error: BaseException, path: Path | None = None) -> str:
    """What a command that only reads says of a damaged store (`is_damaged`), translated:
    never the error's own words, which quote the damaged bytes. A text that cannot be
    decoded is often the first sign of pages damaged too, which `index` sets aside itself:
    the store at `path` is checked (once, on the way out) to say which."""
    if _undecodable(error) and not (path is not None and _malformed(path)):
        return _(TEXT_DAMAGED)
    return _(NOT_A_STORE)


def _malformed(path: Path) -> bool:
    """Whether SQLite finds the store's pages damaged (`PRAGMA quick_check`)."""
    try:
        db = connect_read_only(path)
        try:
            return _first_damage(db) is not None
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return True


def _first_damage(db: sqlite3.Connection) -> str | None:
    """SQLite's first complaint about a store's structure (`PRAGMA quick_check`), or None.
    It reads every page: 0.18 s for a store of 1,000 reports (160 MB, in the page cache),
    against a refresh's 0.1 s when nothing changed."""
    (first,) = db.execute("PRAGMA quick_check(1)").fetchone()
    if first == "ok":
        return None
    # "*** in database main ***\nPage 75: btreeInitPage() returns error code 11": the page
    lines = [line for line in str(first).splitlines() if not line.startswith("***")]
    return lines[0] if lines else str(first)


def problem_with(path: Path, error: Exception) -> str:
    """One line on a store that could not be read (`error`): a damaged one named, with what
    to do; any other error as it is."""
    if is_damaged(error):
        return f"{statefile.display_path(path)}: {damage_said(error, path)}"
    return str(error)


# The first bytes of every SQLite database file (an empty file is a database yet to be made).
_SQLITE_HEADER = b"SQLite format 3\x00"
NOT_ANY_DATABASE = N_(
    "is not a govread store, nor any database (a document?): left as it is; give --store "
    "a store file, or a new file name for one"
)


def not_a_store_file(path: Path) -> str | None:
    """Why nothing at `path` can be read as a store, said before SQLite is asked (it would
    wait on a FIFO, read /dev/zero as an empty database); None for a regular file (after
    links) that is empty or begins as a SQLite database does."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return _("no such store (make it with `govread index`)")
    except OSError as error:
        return _(describe_os_error(error))
    if not stat.S_ISREG(mode):
        kind = _(statefile.describe_type(mode))
        return _("is {kind}, not a regular file: give a store file").format(kind=kind)
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        return _(describe_os_error(error))
    if head and head != _SQLITE_HEADER:
        # A file of the user's (a mistyped --store notes.md) is never renamed or replaced
        # by a store: only a database (damaged, or another program's) is set aside.
        return _(NOT_ANY_DATABASE)
    return None


def is_read_only(error: sqlite3.Error) -> bool:
    """Whether SQLite could not write the file (a read-only file, folder or file system)."""
    return _primary_code(error) == sqlite3.SQLITE_READONLY


def _unwritable_place(path: Path) -> bool:
    """Whether `path` (or, not there yet, its folder) is on a read-only file system or
    cannot be written: where SQLite says only "unable to open database file"."""
    target = path if path.exists() else path.parent
    try:
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    return not os.access(target, os.W_OK)


def _busy(error: sqlite3.Error) -> bool:
    """Whether another connection held the store's write lock past the busy timeout."""
    return _primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def held_by_another(path: Path) -> str:
    """The line for a store another program kept writing (`sqlite3`, a database browser)
    past the busy timeout: SQLite's "database is locked" says neither who nor what to do."""
    return _(
        "{path}: another program is writing the store (database is locked); what was "
        "indexed before is kept: run the command again once it has finished"
    ).format(path=statefile.display_path(path))


def cannot_write(path: Path) -> str:
    """The line for a store that cannot be written (a read-only file, folder or file
    system): nothing was written, and what reads it as it is (when it is there)."""
    if not path.exists():
        return _(
            "{path}: cannot be written (a read-only folder or file system); no store was "
            "made: give --store a path where one can be written"
        ).format(path=statefile.display_path(path))
    return _(
        "{path}: cannot be written (a read-only file, folder or file system); "
        "nothing was written: govread search --store and the browser read it as it is"
    ).format(path=statefile.display_path(path))


class _Refused(Exception):
    """A store `Store` will not touch: one of another schema that it would have to empty
    (a newer govread's, always; an older one's, when opened with `replace=False`)."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class _Foreign(Exception):
    """A SQLite file at the store path that govread did not make."""


def default_path() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("govread") / STORE_NAME


def configured_max_mb() -> int:
    """The size cap in MB from the user's config (`store_max_mb`), or the default."""
    from govread.config import load_config

    return load_config()[0].store_max_mb


class StoreFull(StoreError):
    """A write would grow the store past its cap (or the disk is full); nothing of it was
    written: the store holds what it held before."""


_join = join_tokens


def _storable(text: str) -> bool:
    """Whether SQLite can hold the text (a file name undecodable as UTF-8 cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unstorable_name(path: Path) -> str:
    """Why a file whose name SQLite cannot hold is skipped: a name that is not UTF-8, or one
    that is but that this locale cannot read (`LC_ALL=C` with Python's UTF-8 mode off)."""
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return _("its name is not valid UTF-8: cannot be stored")
    return _(
        "its name cannot be read in this locale ({encoding}): run govread index in a UTF-8 "
        "locale to store it"
    ).format(encoding=sys.getfilesystemencoding())


def stored_file_exists(stored: str) -> bool:
    """Whether a stored path (text, as a UTF-8 locale read its name) is a file. In a locale
    that cannot spell it (`LC_ALL=C` with Python's UTF-8 mode off) it is looked up by its
    UTF-8 bytes: never taken for a file gone because this locale cannot name it."""
    try:
        name: str | bytes = os.fsencode(stored)
    except UnicodeEncodeError:
        name = stored.encode("utf-8", "surrogateescape")
    return os.path.isfile(name)


def pack_terms(terms: Mapping[str, int]) -> str:
    """The comparison's words of a report as stored: "word<TAB>count" lines."""
    return "\n".join(f"{term}\t{n}" for term, n in terms.items())


def _add_counts(total: dict[str, int], counts: Mapping[str, int]) -> None:
    """``total.update(counts)`` of a `Counter` (each count added to the total's), in C-level
    passes: `Counter.update` adds a mapping's counts one by one in Python."""
    added = map(add, map(total.get, counts, repeat(0)), counts.values())
    dict.update(total, zip(counts, added, strict=True))


def unpack_terms(packed: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for line in packed.split("\n"):
        term, _tab, n = line.rpartition("\t")
        if term:
            found[term] = int(n)
    return found


@functools.cache
def analysis_version() -> str:
    """What the ``parser`` column of a report holds: the parser's version and a fingerprint
    of the code that computed its other rows. A report indexed by other code (a new figure
    finder, say, with the same parser) is indexed again, never served stale."""
    return f"{PARSER_VERSION}+{code_fingerprint(_ANALYSIS_MODULES, _ANALYSIS_DATA)[:16]}"


def _split(text: str) -> list[str]:
    return text.split(" ") if text else []


# A gram is packed in a segment (`grams_packed`) when at least a PACK_SHARE-th of the
# segment's units hold it, and PACK_MIN: reading fewer from `units_grams` is as quick
PACK_SHARE = 16
PACK_MIN = 64
PACK_SPAN = 8192  # row ids a segment spans at most (its units' offsets fit 16 bits)


def _offsets() -> array[int]:
    return array("H")


class _Packer:
    """Packs the units given in row-id order into segments (`grams_packed`). Each gram's
    units are noted as they come (its offsets, 16-bit, in one array per gram: one pass over
    a unit's tokens, in C-level loops); the grams held by enough of them are written when
    the segment is."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.first: int | None = None
        self.last = 0
        self.count = 0
        self.units: defaultdict[str, array[int]] = defaultdict(_offsets)  # token -> offsets

    def add(self, unit_id: int, tokens: Iterable[str]) -> None:
        """Add a unit: the tokens of its row of `units_grams` (`gram_text`, split)."""
        if self.first is not None and unit_id - self.first >= PACK_SPAN:
            self.flush()
        if self.first is None:
            self.first = unit_id
        self.last = unit_id
        self.count += 1
        offset = repeat(unit_id - self.first)
        deque(map(array.append, map(self.units.__getitem__, tokens), offset), maxlen=0)

    def flush(self) -> None:
        """Write the segment of the units added since the last flush: a row per gram held
        by a `PACK_SHARE`th of them (and `PACK_MIN`)."""
        first = self.first
        if first is None:
            return
        need = max(PACK_MIN, -(-self.count // PACK_SHARE))
        rows = []
        for token, units in self.units.items():
            if len(units) >= need:
                if sys.byteorder == "big":
                    units.byteswap()
                rows.append((token, first, units.tobytes()))
        self.db.executemany("INSERT INTO grams_packed VALUES (?, ?, ?)", rows)
        self.db.execute("INSERT INTO grams_segments VALUES (?, ?)", (first, self.last))
        self.first = None
        self.count = 0
        self.units = defaultdict(_offsets)


def _fill_grams(
    db: sqlite3.Connection,
    condition: str,
    value: int,
    *,
    delete: bool = False,
) -> None:
    """Add (or delete) the `units_grams` rows of the units meeting `condition`, a batch at a
    time, from their folded text: a contentless table is given again the text it indexed,
    to take a row out. (New reports' rows come made by the workers: `Store.put_prepared`.)"""
    insert = (
        "INSERT INTO units_grams(units_grams, rowid, grams) VALUES ('delete', ?, ?)"
        if delete
        else "INSERT INTO units_grams(rowid, grams) VALUES (?, ?)"
    )
    cursor = db.execute(f"SELECT id, folded FROM units WHERE {condition} ORDER BY id", (value,))
    while rows := cursor.fetchmany(1000):
        db.executemany(insert, [(unit_id, gram_text(folded)) for unit_id, folded in rows])


def _add_targets(db: sqlite3.Connection) -> None:
    """Give a store of schema 5 its figures' ``target`` and ``earlier`` columns, each stored
    figure tested where it stands in its stored report (`plan_phase.target_at`: the rule
    `govread figures` marks a figure by; the earlier levels of the report's figures found
    again). A report whose body cannot be read keeps 0 for its figures, as does a figure
    whose place it does not hold."""
    from govread.figures import report_figures
    from govread.plan_phase import target_at

    columns = {row[1] for row in db.execute("PRAGMA table_info(figures)")}
    for column in ("target", "earlier"):
        if column in columns:  # (stamped 5 by hand, say): tested again from the start
            db.execute(f"UPDATE figures SET {column}=0")
        else:
            db.execute(f"ALTER TABLE figures ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    reports = [rid for (rid,) in db.execute("SELECT DISTINCT report_id FROM figures")]
    for report_id in reports:
        row = db.execute("SELECT body FROM reports WHERE id=?", (report_id,)).fetchone()
        report = _entry_report(row[0]) if row is not None else None
        if report is None:
            continue
        at = target_at(report)
        earlier = {(f.node_id, f.paragraph, f.end) for f in report_figures(report) if f.earlier}
        targets: list[tuple[int]] = []
        starts: list[tuple[int]] = []
        for rowid, node_id, paragraph, start, end in db.execute(
            'SELECT rowid, node_id, paragraph, start, "end" FROM figures WHERE report_id=?',
            (report_id,),
        ).fetchall():
            if (node_id, paragraph, end) in earlier:
                starts.append((rowid,))
            try:
                if at(node_id, paragraph, start):
                    targets.append((rowid,))
            except (IndexError, TypeError):  # a place the stored report does not hold
                continue
        db.executemany("UPDATE figures SET target=1 WHERE rowid=?", targets)
        db.executemany("UPDATE figures SET earlier=1 WHERE rowid=?", starts)


def _drop_segments(db: sqlite3.Connection, low: int, high: int) -> None:
    """Drop the packed segments holding any row id from `low` to `high` (units about to go):
    their units are read from `units_grams` until `_pack_gaps` packs them again."""
    firsts = db.execute(
        "SELECT first FROM grams_segments WHERE first <= ? AND last >= ?", (high, low)
    ).fetchall()
    db.executemany("DELETE FROM grams_packed WHERE segment=?", firsts)
    db.executemany("DELETE FROM grams_segments WHERE first=?", firsts)


def _pack_gaps(db: sqlite3.Connection) -> None:
    """Pack the units no segment holds (those of segments dropped when one of their reports
    went, or all of a store made before the segments)."""
    (top,) = db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()
    gaps: list[tuple[int, int]] = []
    start = 0
    for first, last in db.execute("SELECT first, last FROM grams_segments ORDER BY first"):
        if start < first:
            gaps.append((start, first - 1))
        start = max(start, last + 1)
    if start <= top:
        gaps.append((start, top))
    for low, high in gaps:
        packer = _Packer(db)
        cursor = db.execute(
            "SELECT id, folded FROM units WHERE id BETWEEN ? AND ? ORDER BY id", (low, high)
        )
        while rows := cursor.fetchmany(1000):
            for unit_id, folded in rows:
                packer.add(unit_id, gram_text(folded).split())
        packer.flush()


def short_postings(
    db: sqlite3.Connection, needle: str, low: int, high: int, base: int = 0
) -> array[int]:
    """The row ids (less `base`) of the units from `low` to `high` whose folded text holds
    `needle` (one or two characters), sorted: each segment where the needle is packed read
    as one BLOB, decoded in C; the other ranges from `units_grams`."""
    token = gram_token(needle)
    parameter = f'"{token}"'
    fts = (
        "SELECT rowid FROM units_grams WHERE units_grams MATCH ? AND rowid BETWEEN ? AND ?"
        " ORDER BY rowid"
    )
    found: array[int] = array("q")
    start = low  # the first row id not yet read
    packed = db.execute(
        "SELECT p.segment, s.last, p.units FROM grams_packed p"
        " JOIN grams_segments s ON s.first = p.segment"
        " WHERE p.token = ? AND p.segment <= ? AND s.last >= ? ORDER BY p.segment",
        (token, high, low),
    )
    for first, last, units in packed.fetchall():
        if start < first:
            rows = db.execute(fts, (parameter, start, first - 1))
            found.extend(map(sub, map(_first_column, rows), repeat(base)))
        offsets = array("H")
        offsets.frombytes(units)
        if sys.byteorder == "big":
            offsets.byteswap()
        found.extend(map(add, offsets, repeat(first - base)))
        start = max(start, last + 1)
    if start <= high:
        rows = db.execute(fts, (parameter, start, high))
        found.extend(map(sub, map(_first_column, rows), repeat(base)))
    # (a segment may reach past `low` or `high`)
    return found[bisect_left(found, low - base) : bisect_right(found, high - base)]


def holding_query(needle: str) -> tuple[str, str]:
    """A statement giving the row ids of the units whose folded text holds `needle` (not
    empty), and its one parameter: a phrase of the trigram index (a phrase of trigrams, case
    kept, is the substring test), or the token of `units_grams` for one or two characters."""
    if len(needle) >= TRIGRAM:
        return (
            "SELECT rowid FROM units_fts WHERE units_fts MATCH ?",
            '"' + needle.replace('"', '""') + '"',
        )
    return "SELECT rowid FROM units_grams WHERE units_grams MATCH ?", f'"{gram_token(needle)}"'


# SQLite's virtual-machine steps between two asks of a `Store`'s `cancelled` (≈ 1 ms)
CANCEL_STEPS = 10_000
# The schemas a store only read (search, compare, the browser) is read in as it is, where it
# cannot be upgraded (a read-only file system): this one, 7, which lacks only `skipped`
# (read as empty: `never_indexed`), and 6, which lacks `reports.duplicate_of` too, a column
# nothing of govread reads back.
READ_AS_IS = frozenset({6, 7, SCHEMA_VERSION})
# How long a write waits for another connection's lock before it gives up
BUSY_TIMEOUT_MS = 10_000
# The oldest schema `Store` upgrades in place, its reports kept (older ones are emptied).
UPGRADES_FROM = 3


def upgradable(path: Path) -> bool:
    """Whether `path` is a govread store of an older schema that `Store` upgrades in place
    (which may take a while: the browser, which reads a store read-only, has it done first).
    Nothing that is no regular file is opened (SQLite would wait on a FIFO)."""
    if not_a_store_file(path) is not None:
        return False
    try:
        db = connect_read_only(path)
        try:
            stamp: int = db.execute("PRAGMA application_id").fetchone()[0]
            version: int = db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return stamp == APPLICATION_ID and UPGRADES_FROM <= version < SCHEMA_VERSION


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a store file. Where SQLite cannot make the WAL's
    shared-memory file beside it (a read-only folder or file system, where nothing can change
    the store either), the file is opened as immutable."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(f"{uri}?immutable=1", uri=True)


class Store:
    """One store file: open (setting aside a foreign or damaged one), refresh, query."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        max_mb: int | None = None,
        replace: bool = True,
        upgrading: Callable[[str], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Open (and make) the store at `path`. A store of an older schema is upgraded in
        place when it can be (`upgrading` is first given a line saying so: it may take a
        minute), else emptied; a foreign or damaged file is set aside and a new store
        started. With `replace=False` (a command that only reads) neither is done:
        `StoreError` says why instead. A newer govread's store is never touched. Opening
        stops, all of it undone, once `cancelled` says so (the browser quitting during an
        upgrade)."""
        self.path = path or default_path()
        self.replace = replace
        self.upgrading = upgrading
        self.cancelled = cancelled
        self.notice: str | None = None  # a line about a file that was set aside or emptied
        # The size cap (config `store_max_mb`): SQLite refuses to grow the file past it.
        self.max_mb = max_mb if max_mb is not None else configured_max_mb()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.is_symlink():
                try:
                    os.stat(self.path)
                except OSError as error:
                    if error.errno == errno.ELOOP:
                        raise  # a link that loops: said below, as the system says it
            if self.path.is_symlink() and not self.path.resolve().parent.is_dir():
                # SQLite follows the link and finds nowhere to make the file: say where
                raise StoreError(
                    _("{path}: is a link to {target}, whose folder does not exist").format(
                        path=statefile.display_path(self.path),
                        target=statefile.display_path(self.path.resolve()),
                    )
                )
            if self.path.exists() and (why := not_a_store_file(self.path)) is not None:
                raise StoreError(f"{statefile.display_path(self.path)}: {why}")
            self.db = self._open_or_replace()
        except OSError as error:
            # in the interface language ("No such file or directory" for a folder that
            # cannot be made under /proc, say)
            raise StoreError(
                f"{statefile.display_path(self.path)}: {_(describe_os_error(error))}"
            ) from error

    def _open_or_replace(self) -> sqlite3.Connection:
        shown = statefile.display_path(self.path)
        try:
            return self._open()
        except _Refused as refused:
            if refused.version > SCHEMA_VERSION:
                message = _(
                    "{path}: made by a newer govread (store schema {found}, this govread reads "
                    "{known}); left as it is: update govread, or give another store file"
                )
            else:
                message = _(
                    "{path}: made by an older govread (store schema {found}, this govread "
                    "reads {known}); refresh it with govread index"
                )
            raise StoreError(
                message.format(path=shown, found=refused.version, known=SCHEMA_VERSION)
            ) from None
        except _Foreign:
            reason = said = _("is not a govread store (another program's database)")
        except sqlite3.OperationalError as error:
            if not self.replace:  # a read-only file or folder, say: read as it is
                return self._open_read_only(error)
            if is_read_only(error) or _unwritable_place(self.path):
                raise StoreError(cannot_write(self.path)) from error  # SQLite: "unable to open"
            if _is_full(error):  # SQLite's words are English and say nothing of what to do
                raise StoreError(
                    _(
                        "{path}: the disk is full, so the store could not be opened; nothing "
                        "in it was changed: free some room (or give --store a file on another "
                        "disk) and run the command again"
                    ).format(path=shown)
                ) from error
            if _busy(error):
                raise StoreError(held_by_another(self.path)) from error
            raise StoreError(f"{shown}: {error}") from error
        except sqlite3.DatabaseError:
            reason, said = _("is damaged"), _(NOT_A_STORE)  # said where it is only read
        if not self.replace:
            raise StoreError(f"{shown}: {said}")
        return self._set_aside_and_open(reason)

    def _set_aside_and_open(self, reason: str) -> sqlite3.Connection:
        """Move the file at the store path aside (never deleted) and open a new store there;
        `notice` says so."""
        shown = statefile.display_path(self.path)
        aside = statefile.set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(self.path) + suffix).unlink()
        self.notice = _("{path}: {reason}; moved it to {aside} and started a new store").format(
            path=shown, reason=reason, aside=statefile.display_path(aside.name)
        )
        try:
            return self._open()
        except (_Foreign, sqlite3.Error) as error:
            raise StoreError(f"{shown}: {error}") from error

    def start_over(self, error: sqlite3.DatabaseError) -> None:
        """The store was found damaged while in use (`error`): set aside, a new one opened in
        its place (`replace` stores only)."""
        self.db.close()
        try:
            self.db = self._set_aside_and_open(_("is damaged ({error})").format(error=error))
        except OSError as failed:
            shown = statefile.display_path(self.path)
            raise StoreError(f"{shown}: {_(describe_os_error(failed))}") from failed

    def _open_read_only(self, error: sqlite3.OperationalError) -> sqlite3.Connection:
        """The store, read-only, when it cannot be opened for writing (`error`): as it is,
        if it is of this schema."""
        shown = statefile.display_path(self.path)
        try:
            db = connect_read_only(self.path)
            stamp = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            raise StoreError(f"{shown}: {error}") from error
        if stamp == APPLICATION_ID and version in READ_AS_IS:
            return db
        db.close()
        if stamp != APPLICATION_ID:
            raise StoreError(f"{shown}: " + _("is not a govread store"))
        raise StoreError(
            _(
                "{path}: made by another version of govread (store schema {found}, this "
                "govread reads {known}), and it cannot be upgraded here: {error}"
            ).format(path=shown, found=version, known=SCHEMA_VERSION, error=error)
        )

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        if self.cancelled is not None:  # asked between SQLite's steps: "interrupted" then
            db.set_progress_handler(self.cancelled, CANCEL_STEPS)
        try:
            # another program's database is left as it was (not even put in WAL mode)
            stamp = db.execute("PRAGMA application_id").fetchone()[0]
            if stamp != APPLICATION_ID and db.execute("SELECT 1 FROM sqlite_master").fetchone():
                raise _Foreign
            # a new file's page size (an existing store keeps its own: no effect on one)
            db.execute(f"PRAGMA page_size={PAGE_SIZE}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
            db.execute(f"PRAGMA max_page_count={max(1, self.max_mb * 1024 * 1024 // page_size)}")
            db.execute("BEGIN IMMEDIATE")  # the schema is set up in one transaction
            tables = {
                name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            stamped = db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            if tables and not stamped:
                db.execute("ROLLBACK")
                raise _Foreign
            version = db.execute("PRAGMA user_version").fetchone()[0]
            packed = {"grams_segments", "grams_packed"}
            # (7 to 8 only adds an empty table: nothing worth a line)
            if self.upgrading is not None and tables and UPGRADES_FROM <= version < 7:
                self.upgrading(
                    _(
                        "govread: upgrading {path} for this version of govread (once: about "
                        "5 s per 1,000 reports)…"
                    ).format(path=statefile.display_path(self.path))
                )
            if (
                tables
                and version == UPGRADES_FROM
                and tables >= _TABLES_7 - {"units_grams"} - packed
            ):
                # schema 3 lacks only the postings of short needles: made from its units
                db.execute(_GRAMS_TABLE)
                _fill_grams(db, "id > ?", 0)
                tables.add("units_grams")
                version = 4
            if tables and version == 4 and tables >= _TABLES_7 - packed:
                # schema 4 lacks only the packed postings: packed from its units
                for name in packed:
                    db.execute(f"DROP TABLE IF EXISTS {name}")
                for statement in _PACKED_TABLES:
                    db.execute(statement)
                _pack_gaps(db)
                tables |= packed
                version = 5
            if tables and version == 5 and tables >= _TABLES_7:
                # schema 5 lacks the figures' target flag: found from the stored reports
                _add_targets(db)
                version = 6
            if tables and version == 6 and tables >= _TABLES_7:
                # schema 6 lacks only the copies' `duplicate_of`: told from the stored rows
                if "duplicate_of" not in {
                    row[1] for row in db.execute("PRAGMA table_info(reports)")
                }:
                    db.execute("ALTER TABLE reports ADD COLUMN duplicate_of TEXT")
                mark_copies(db)
                version = 7
            if tables and version == 7 and tables >= _TABLES_7:
                # schema 7 lacks only the files index skipped: known at its next refresh
                db.execute("DROP TABLE IF EXISTS skipped")
                db.execute(_SKIPPED_TABLE)
                tables.add("skipped")
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                version = SCHEMA_VERSION
            if (
                tables
                and (version > SCHEMA_VERSION or not self.replace)
                and (version != SCHEMA_VERSION or not tables >= _TABLES)
            ):
                db.execute("ROLLBACK")  # a newer govread's: its reports are not ours to drop
                raise _Refused(version)
            if tables and (version != SCHEMA_VERSION or not tables >= _TABLES):
                # Another schema of ours: emptied, to be filled again from the files by the
                # next `govread index` (nothing in it is unique); never read as it was.
                reports = tables >= {"reports"} and bool(
                    db.execute("SELECT 1 FROM reports LIMIT 1").fetchone()
                )
                for name in _DROP_ORDER:
                    db.execute(f"DROP TABLE IF EXISTS {name}")
                tables = set()
                if reports:
                    self.notice = _(
                        "{path}: made by another version of govread; emptied it (run govread "
                        "index on your folders to fill it again)"
                    ).format(path=statefile.display_path(self.path))
            if not tables:
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        db.set_progress_handler(None, 0)
        return db

    @classmethod
    def reading(cls, path: Path, db: sqlite3.Connection) -> Store:
        """A store over a connection already open (read-only, say): for queries only; the
        caller keeps the connection and closes it."""
        store = cls.__new__(cls)
        store.path, store.notice, store.db, store.replace = path, None, db, False
        store.upgrading = store.cancelled = None
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------

    def known(self) -> dict[str, tuple[int, int, int, str, str]]:
        """path -> (id, size, mtime_ns, sha256, parser) of every stored report."""
        rows = self.db.execute("SELECT path, id, size, mtime_ns, sha256, parser FROM reports")
        return {
            path: (rid, size, mtime, sha, parser) for path, rid, size, mtime, sha, parser in rows
        }

    def touch(self, report_id: int, size: int, mtime_ns: int) -> None:
        """Record new (size, mtime) for a file whose bytes did not change."""
        self.db.execute(
            "UPDATE reports SET size=?, mtime_ns=? WHERE id=?", (size, mtime_ns, report_id)
        )

    def put(
        self,
        report: Report,
        tokens: dict[str, list[str]],
        *,
        size: int,
        mtime_ns: int,
    ) -> None:
        """Store one report (replacing the row of its path) with its units' tokens, keyed
        ``<unit id>|h`` / ``<unit id>|b`` as `segment.ParallelTokens` gives them."""
        self.put_prepared([prepare_report(report, tokens, size=size, mtime_ns=mtime_ns)])

    def put_prepared(self, batch: Sequence[Prepared]) -> None:
        """Store reports prepared by `govread.store_build` (each replacing the row of its
        path), their document frequencies merged: one upsert per distinct token."""
        df: Counter[str] = Counter()
        terms: Counter[str] = Counter()
        units = tokens = compare_units = 0
        for prepared in batch:  # the rows they replace, their counts netted with the new
            self._remove_where("path=?", (prepared.path,), df, terms)
        (first,) = self.db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()
        top = first  # the units' ids, given here as SQLite would (the highest one's next)
        grams: list[tuple[int, str]] = []  # (unit id, its row of units_grams)
        packer = _Packer(self.db)
        for prepared in batch:
            cursor = self.db.execute(
                "INSERT INTO reports (path, sha256, text_sha256, parser, region, city, province,"
                " year, genre, issuer, issuer_level, title, display_title, published, mtime_ns,"
                " size, body, node_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    prepared.path,
                    prepared.sha256,
                    prepared.text_sha256,
                    analysis_version(),
                    *prepared.meta,
                    prepared.mtime_ns,
                    prepared.size,
                    prepared.body,
                    prepared.node_id,
                ),
            )
            report_id = cursor.lastrowid
            ids = range(top + 1, top + 1 + len(prepared.units))
            top += len(prepared.units)
            self.db.executemany(
                "INSERT INTO units (id, report_id, ordinal, node_id, parent, level, kind, number,"
                " heading, path, text, folded, heading_tokens, body_tokens, length)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (unit_id, report_id, *row)
                    for unit_id, row in zip(ids, prepared.units, strict=True)
                ],
            )
            for unit_id, row in zip(ids, prepared.grams, strict=True):
                grams.append((unit_id, row))
                packer.add(unit_id, row.split())
            self.db.executemany(
                "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(report_id, *row) for row in prepared.figures],
            )
            self.db.executemany(
                "INSERT INTO topics VALUES (?,?,?,?,?,?,?,?,?)",
                [(report_id, *row) for row in prepared.topics],
            )
            self.db.execute(
                "INSERT INTO compare_terms VALUES (?,?)",
                (report_id, pack_terms(prepared.terms)),
            )
            _add_counts(df, prepared.df)
            _add_counts(terms, prepared.terms)
            units += len(prepared.units)
            tokens += prepared.tokens
            compare_units += len(prepared.topics)
        self.db.execute(
            "INSERT INTO units_fts(rowid, folded) SELECT id, folded FROM units WHERE id > ?",
            (first,),
        )
        self.db.executemany("INSERT INTO units_grams(rowid, grams) VALUES (?, ?)", grams)
        packer.flush()
        self._count(df, +1)
        self._count_terms(terms, +1)
        self._totals(units, tokens, compare_units)

    def _totals(self, units: int, tokens: int, compare_units: int) -> None:
        self.db.executemany(
            "UPDATE meta SET value=value+? WHERE key=?",
            [(units, "units"), (tokens, "tokens"), (compare_units, "compare_units")],
        )

    def totals(self) -> tuple[int, int]:
        """The number of units and the sum of their token lengths."""
        found = dict(self.db.execute("SELECT key, value FROM meta"))
        return int(found.get("units", 0)), int(found.get("tokens", 0))

    def _count(self, df: Counter[str], sign: int) -> None:
        self.db.executemany(
            "INSERT INTO vocab VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET df=df+excluded.df",
            [(_join([token]), sign * n) for token, n in df.items() if n],
        )

    def _count_terms(self, terms: Counter[str], sign: int) -> None:
        self.db.executemany(
            "INSERT INTO compare_vocab VALUES (?, ?)"
            " ON CONFLICT(term) DO UPDATE SET df=df+excluded.df",
            [(term, sign * n) for term, n in terms.items() if n],
        )

    def _remove_where(
        self,
        condition: str,
        params: Sequence[object],
        df: Counter[str] | None = None,
        terms: Counter[str] | None = None,
    ) -> int:
        """Remove the reports meeting `condition`; their document frequencies subtracted
        from `df` and `terms` when given (the caller writes them, once), else from the
        store's vocabularies here."""
        ids = [
            rid for (rid,) in self.db.execute(f"SELECT id FROM reports WHERE {condition}", params)
        ]
        held: Counter[str] = Counter() if df is None else df
        held_terms: Counter[str] = Counter() if terms is None else terms
        for report_id in ids:
            units = tokens = 0
            for heading, text, length in self.db.execute(
                "SELECT heading_tokens, body_tokens, length FROM units WHERE report_id=?",
                (report_id,),
            ):
                held.subtract(set(_split(heading)) | set(_split(text)))
                units, tokens = units + 1, tokens + length
            packed = self.db.execute(
                "SELECT terms FROM compare_terms WHERE report_id=?", (report_id,)
            ).fetchone()
            held_terms.subtract(unpack_terms(packed[0]) if packed else {})
            (compare_units,) = self.db.execute(
                "SELECT count(*) FROM topics WHERE report_id=?", (report_id,)
            ).fetchone()
            self._totals(-units, -tokens, -compare_units)
            low, high = self.db.execute(
                "SELECT min(id), max(id) FROM units WHERE report_id=?", (report_id,)
            ).fetchone()
            if low is not None:
                _drop_segments(self.db, low, high)
            _fill_grams(self.db, "report_id=?", report_id, delete=True)
            for table in ("units", "figures", "topics", "compare_terms"):
                self.db.execute(f"DELETE FROM {table} WHERE report_id=?", (report_id,))
            self.db.execute("DELETE FROM reports WHERE id=?", (report_id,))
        if df is None:
            self._count(held, +1)
        if terms is None:
            self._count_terms(held_terms, +1)
        return len(ids)

    def remove(self, path: str) -> int:
        return self._remove_where("path=?", (path,))

    def finish(self) -> None:
        """Drop tokens no unit holds any more; pack the units of dropped segments again;
        name each report's original where it repeats another's text (`duplicate_of`)."""
        _pack_gaps(self.db)
        mark_copies(self.db)
        self.db.execute("DELETE FROM vocab WHERE df<=0")
        self.db.execute("DELETE FROM compare_vocab WHERE df<=0")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: all of it is written or none of it. A write past the size cap
        (or onto a full disk) rolls it back and raises `StoreFull`, the write-ahead log
        emptied where it can be (`_release_log`)."""
        # What earlier transactions wrote is copied into the file first (about as often as
        # SQLite's own checkpoint every 1,000 pages would), so that the log holds nothing
        # but this transaction's pages should it fail for room. Where that copy finds no
        # room, nothing of this transaction is written either.
        try:
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.OperationalError as error:
            if _is_full(error):
                raise StoreFull(self._full_message()) from None
            raise
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as error:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError) and _is_full(error):
                self._release_log()
                raise StoreFull(self._full_message()) from None
            raise

    def _release_log(self) -> None:
        """Truncate the write-ahead log after a write that failed for room: its pages, never
        committed, would otherwise keep the disk full after govread exits (SQLite reuses the
        log's space but never gives it back). Not waited for: a reader of an older snapshot
        (the browser) keeps it, and the next `govread index` truncates it."""
        try:
            self.db.execute("PRAGMA busy_timeout=100")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # committed pages still to copy, with no room to copy them: kept as they are
        finally:
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def _full_message(self) -> str:
        import shutil

        shown = statefile.display_path(self.path)
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            free = 0
        if free < DISK_SLACK:
            return _(
                "{path}: the disk is full; nothing of the last batch was written "
                "(free some space, or use --store on another disk)"
            ).format(path=shown)
        return _(
            "{path}: the store reached its size cap of {cap} MB; nothing of the last batch "
            "was written and what was indexed before is kept (raise store_max_mb in "
            "config.toml, index fewer folders, or use --store for another store)"
        ).format(path=shown, cap=self.max_mb)

    # -- reading ----------------------------------------------------------------------

    def damage(self) -> str | None:
        """SQLite's first complaint about the file's structure, or None (`_first_damage`)."""
        return _first_damage(self.db)

    def report_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM reports").fetchone()[0])

    def report(self, report_id: int) -> Report | None:
        row = self.db.execute("SELECT body, path FROM reports WHERE id=?", (report_id,)).fetchone()
        if row is None:
            return None
        report = _entry_report(row[0])
        return replace(report, path=row[1]) if report is not None else None


# -- search ---------------------------------------------------------------------------


class StoreSearch:
    """`SearchIndex.search` answered from a store: the same matches, ranking and hits.

    `scope` is the ordered list of report paths searched (the order breaks score ties, as
    the load order does in memory); None searches every stored report in path order.
    """

    def __init__(self, store: Store, scope: Sequence[str] | None = None) -> None:
        self.store = store
        db = store.db
        by_path = {path: rid for rid, path in db.execute("SELECT id, path FROM reports")}
        paths = sorted(by_path) if scope is None else [p for p in scope if p in by_path]
        # The same report text in a second file is searched once, as `corpus.load` and the
        # browser open it: (path, the earlier report's path) for each left out.
        self.duplicates = _repeated_texts(db, paths)
        self.whole = scope is None or len(paths) == len(by_path)  # but for those copies
        self._copies = [by_path[path] for path, _original in self.duplicates]
        if self._copies:
            left_out = set(self._copies)
            paths = [p for p in paths if by_path[p] not in left_out]
        self.rank = {by_path[p]: n for n, p in enumerate(paths)}
        self._where: dict[int, tuple[int, int]] = {}  # unit id -> (report id, ordinal)
        self._needles: dict[str, set[int]] = {}
        self._df_cache: dict[str, int] = {}
        if self.whole:
            # the store's totals, the copies' units taken off (a few reports, not a scan)
            units, tokens = store.totals()
            copies, copies_length = self._units_of(self._copies)
            count, length = units - copies, float(tokens) - copies_length
        else:
            count, length = self._units_of(list(self.rank))
        self.count = max(int(count), 1)
        self.average = float(length) / self.count or 1.0

    def _units_of(self, ids: Sequence[int]) -> tuple[int, float]:
        """How many units the reports `ids` hold, and their total length."""
        count, length = 0, 0.0
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            c, t = self.store.db.execute(
                f"SELECT count(*), total(length) FROM units WHERE report_id IN ({marks})", chunk
            ).fetchone()
            count, length = count + c, length + t
        return count, length

    # -- matching --

    def _keep(self, rows: Iterable[tuple[int, int, int]]) -> set[int]:
        found: set[int] = set()
        rank = self.rank
        for unit_id, report_id, ordinal in rows:
            if report_id in rank:
                self._where[unit_id] = (report_id, ordinal)
                found.add(unit_id)
        return found

    def units_with(self, needle: str) -> set[int]:
        """The units (ids) in scope whose folded text contains `needle`."""
        cached = self._needles.get(needle)
        if cached is not None:
            return cached
        found: set[int] = set()
        if needle:
            holding, parameter = holding_query(needle)
            rows = self.store.db.execute(
                f"SELECT id, report_id, ordinal FROM units WHERE id IN ({holding})", (parameter,)
            )
            found = self._keep(rows)
        self._needles[needle] = found
        return found

    def _all_units(self) -> set[int]:
        return self._keep(self.store.db.execute("SELECT id, report_id, ordinal FROM units"))

    # -- ranking --

    def _df(self, token: str) -> int:
        found = self._df_cache.get(token)
        if found is not None:
            return found
        db = self.store.db
        key = " " + token + " "
        if self.whole:
            row = db.execute("SELECT df FROM vocab WHERE token=?", (token,)).fetchone()
            found = int(row[0]) if row else 0
            # less the units of the copies left out that hold it
            copies = self._copies
            for start in range(0, len(copies), _CHUNK) if found else ():
                chunk = copies[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for heading, text in db.execute(
                    "SELECT heading_tokens, body_tokens FROM units"
                    f" WHERE report_id IN ({marks})"
                    " AND (instr(heading_tokens, ?) OR instr(body_tokens, ?))",
                    (*chunk, token, token),
                ):
                    if key in " " + heading + " " or key in " " + text + " ":
                        found -= 1
        else:
            # a subset: count the units in scope holding the token
            found = 0
            for report_id, heading, text in db.execute(
                "SELECT report_id, heading_tokens, body_tokens FROM units"
                " WHERE instr(heading_tokens, ?) OR instr(body_tokens, ?)",
                (token, token),
            ):
                if report_id in self.rank and (
                    key in " " + heading + " " or key in " " + text + " "
                ):
                    found += 1
        self._df_cache[token] = found
        return found

    def _scoring_tokens(self, needle: str) -> list[str]:
        if self._df(needle):
            return [needle]
        parts = [t for t in dict.fromkeys(segment.tokens(needle)) if self._df(t)]
        return parts or [needle]

    def _idf(self, df: int) -> float:
        return math.log(1 + (self.count - df + 0.5) / (df + 0.5))

    def _weight(self, tf: float, length: int) -> float:
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / self.average)
        return tf * (BM25_K1 + 1) / (tf + norm)

    def _rows(self, ids: Iterable[int], columns: str) -> Iterator[tuple[object, ...]]:
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self.store.db.execute(
                f"SELECT id, {columns} FROM units WHERE id IN ({marks})", chunk
            )

    def _scores(self, plans: Sequence[_Plan], units: Sequence[int]) -> dict[int, float]:
        # One scorer per distinct token (or substring, when no token fits), in the order the
        # in-memory index sums them, so that the floating-point sums are the same.
        scorers: list[tuple[bool, str, float]] = []  # (by token, token or needle, idf)
        seen: set[str] = set()
        for plan in plans:
            for needle in plan.needles:
                for token in self._scoring_tokens(needle):
                    if token in seen:
                        continue
                    seen.add(token)
                    df = self._df(token)
                    if df:
                        scorers.append((True, _join([token]), self._idf(df)))
                    else:
                        scorers.append((False, token, self._idf(len(self.units_with(token)))))
        scores: dict[int, float] = {}
        by_text = any(not by_token for by_token, _key, _idf in scorers)
        columns = "heading_tokens, body_tokens, length" + (", folded" if by_text else "")
        for row in self._rows(units, columns):
            unit_id, heading, text, length = row[0], row[1], row[2], row[3]
            assert isinstance(unit_id, int) and isinstance(length, int)
            assert isinstance(heading, str) and isinstance(text, str)
            heading_tokens, body_tokens = _split(heading), _split(text)
            score: float = 0  # an int when nothing scores, as the in-memory sum gives
            for by_token, key, idf in scorers:
                if by_token:
                    tf = HEADING_WEIGHT * heading_tokens.count(key) + body_tokens.count(key)
                else:
                    folded = row[4]
                    assert isinstance(folded, str)
                    tf = folded.count(key)
                score += idf * self._weight(tf, length) if tf else 0.0
            scores[unit_id] = score
        return scores

    def _by_fields(self, query: Query, matched: set[int]) -> set[int]:
        """`matched` kept to the units of reports whose metadata satisfies the query's field
        terms; with no text terms, the top units of those reports (as in memory)."""
        db = self.store.db
        allowed = {
            row[0]
            for row in db.execute(
                "SELECT id, genre, issuer_level, region, city, province, year FROM reports"
            )
            if row[0] in self.rank and query.report_matches(_StoredFacts(*row[1:]))
        }
        if not query.has_text:
            matched = self._keep(
                db.execute("SELECT id, report_id, ordinal FROM units WHERE parent IS NULL")
            )
        return {i for i in matched if self._where[i][0] in allowed}

    def search(self, query: Query, limit: int | None = None) -> list[Hit]:
        if query.is_empty:
            return []
        # jieba loads for a term found nowhere verbatim: the query's only segmentation
        matched, words_units, missing, plans, _pending = match_query(
            query, self.units_with, self._all_units, allow_words=True, words_ready=True
        )
        if query.has_fields:
            matched = self._by_fields(query, matched)
        if not matched:
            return []
        scores = self._scores(plans, sorted(matched))
        rank, where = self.rank, self._where

        def order(i: int) -> int:
            report_id, ordinal = where[i]
            return rank[report_id] * 10_000_000 + ordinal

        ranked = sorted(matched, key=lambda i: (i in words_units, missing[i], -scores[i], order(i)))
        needles = [n for plan in plans for n in plan.needles]
        hits: list[Hit] = []
        reports = _ReportUnits(self.store, needles)
        for unit_id in ranked:
            if limit is not None and len(hits) >= limit:
                break
            report_id, ordinal = where[unit_id]
            loaded = reports.get(report_id)
            if loaded is None:
                continue
            if not loaded.reported(ordinal, matched):
                continue
            unit = loaded.unit(ordinal)
            heading_spans, body_spans = loaded.spans(ordinal)
            kind: MatchKind = "words" if unit_id in words_units else "exact"
            hits.append(
                _make_hit(loaded.report, unit, scores[unit_id], kind, heading_spans, body_spans)
            )
        return hits


def _repeated_texts(db: sqlite3.Connection, paths: Sequence[str]) -> list[tuple[str, str]]:
    """The files of `paths` whose report repeats an earlier one's body text, each with the
    earlier one's path (`identity.FirstSeen`'s rule: a report with no body, its first unit
    neither a section nor a preamble, is no one's copy)."""
    from govread.identity import FirstSeen

    rows = {
        path: (sha256, text_sha256, kind)
        for path, sha256, text_sha256, kind in db.execute(
            "SELECT r.path, r.sha256, r.text_sha256, u.kind FROM reports r"
            " LEFT JOIN units u ON u.report_id = r.id AND u.ordinal = 0"
        )
    }
    seen = FirstSeen[str]()
    repeated: list[tuple[str, str]] = []
    for path in paths:
        sha256, text_sha256, kind = rows[path]
        key = text_sha256 if kind in ("section", "preamble") else None
        if (original := seen.original(key, sha256, path, path)) is not None:
            repeated.append((path, original))
    return repeated


def mark_copies(db: sqlite3.Connection) -> None:
    """Set `reports.duplicate_of` over the whole store: the path of the earlier report (in
    path order, as a search of the whole store takes them) whose body text a report repeats,
    NULL for every other. So a query counts a report saved twice once (`WHERE duplicate_of IS
    NULL`), as `search` and the browser do."""
    paths = sorted(path for (path,) in db.execute("SELECT path FROM reports"))
    copies = _repeated_texts(db, paths)
    db.execute("UPDATE reports SET duplicate_of=NULL WHERE duplicate_of IS NOT NULL")
    db.executemany(
        "UPDATE reports SET duplicate_of=? WHERE path=?",
        [(original, copy) for copy, original in copies],
    )


class _StoredFacts(NamedTuple):
    """A stored report's metadata, for the query's field terms."""

    genre: str | None
    issuer_level: str | None
    region: str | None
    city: str | None
    province: str | None
    year: int | None


class _LoadedReport:
    """One report read back from the store, for building hits: its units are made (and
    their text folded) only when a hit needs them."""

    def __init__(
        self, report: Report, rows: list[tuple[int, str, str, str, str, str]], needles: list[str]
    ) -> None:
        self.report = report
        self.rows = rows  # by ordinal: (store id, node id, kind, label, path JSON, text)
        self.unit_ids = [row[0] for row in rows]
        self.ordinal: dict[str, int] = {}
        for n, row in enumerate(rows):
            self.ordinal.setdefault(row[1], n)
        self.parts: dict[str, tuple[Section, Item | None]] = {}
        for section in report.walk():
            self.parts[section.id] = (section, None)
            for item in section.items:
                self.parts[item.id] = (section, item)
        self._needles = needles
        self._units: dict[int, _Unit] = {}
        self._spans: dict[int, tuple[list[Span], list[Span]]] = {}

    def unit(self, ordinal: int) -> _Unit:
        found = self._units.get(ordinal)
        if found is None:
            _store_id, node_id, kind, label, path, text = self.rows[ordinal]
            section, item = self.parts.get(node_id, (None, None))
            found = _Unit(
                unit_id=node_id,
                kind=kind,  # type: ignore[arg-type]  # one of the four, as stored
                report=0,
                heading="" if kind in ("preamble", "closing") else label,
                label=label,
                body=text,
                path=tuple(json.loads(path)),
                ancestors=(),
                section=section,
                item=item,
            )
            self._units[ordinal] = found
        return found

    def spans(self, ordinal: int) -> tuple[list[Span], list[Span]]:
        if ordinal not in self._spans:
            self._spans[ordinal] = self.unit(ordinal).split_spans(self._needles)
        return self._spans[ordinal]

    def reported(self, ordinal: int, matched: set[int]) -> bool:
        """As `SearchIndex._reported` (`search.is_hit`): an item and its section are not
        both listed."""
        unit = self.unit(ordinal)
        section: int | None = None
        if unit.kind == "item":
            assert unit.section is not None
            found = self.ordinal.get(unit.section.id)
            if found is not None and self.unit_ids[found] in matched:
                section = found
        return is_hit(ordinal, unit.kind, section, lambda s: self._sole_item(s, matched))

    def _sole_item(self, section_ordinal: int, matched: set[int]) -> int | None:
        section = self.unit(section_ordinal).section
        if section is None or not section.items:
            return None
        heading_spans, body_spans = self.spans(section_ordinal)
        if heading_spans or not body_spans:
            return None

        def matching(item_id: str) -> int | None:
            item_ordinal = self.ordinal.get(item_id)
            if item_ordinal is None or self.unit_ids[item_ordinal] not in matched:
                return None
            return item_ordinal

        return item_holding_all(section, body_spans, matching)


class _ReportUnits:
    def __init__(self, store: Store, needles: list[str]) -> None:
        self.store = store
        self.needles = needles
        self._loaded: dict[int, _LoadedReport | None] = {}

    def get(self, report_id: int) -> _LoadedReport | None:
        if report_id not in self._loaded:
            report = self.store.report(report_id)
            loaded = None
            if report is not None:
                rows = self.store.db.execute(
                    "SELECT id, node_id, kind, heading, path, text FROM units"
                    " WHERE report_id=? ORDER BY ordinal",
                    (report_id,),
                ).fetchall()
                loaded = _LoadedReport(report, rows, self.needles)
            self._loaded[report_id] = loaded
        return self._loaded[report_id]


# -- indexing -------------------------------------------------------------------------


@dataclass(slots=True)
class IndexSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    pruned: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    # Reports outside the given paths, their files still there, that older code indexed:
    # kept as they are (`index` on their folders refreshes them).
    stale: list[str] = field(default_factory=list)
    compacted: bool = False  # the file was compacted (`compact_if_worth_it`)
    # why a compaction that would have paid was not done (a message id), or None
    compaction_skipped: str | None = None


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _remember_skipped(
    store: Store, skipped: Sequence[tuple[str, str]], refreshed: set[str]
) -> None:
    """Keep the files this refresh took for no report (`skipped`), as they are now, so that
    a search over their folder does not call them never indexed; forget those indexed now
    (`refreshed`) and those gone (looked up as the pruning of reports looks them up)."""
    kept = [path for (path,) in store.db.execute("SELECT path FROM skipped")]
    store.db.executemany(
        "DELETE FROM skipped WHERE path=?",
        [(path,) for path in kept if path in refreshed or not stored_file_exists(path)],
    )
    rows = []
    for path, reason in skipped:
        key = str(Path(path).resolve())
        try:
            info = os.stat(key)
        except (OSError, ValueError):
            continue
        # (a folder of none is no file; a name SQLite cannot hold is left out)
        if stat.S_ISREG(info.st_mode) and _storable(key):
            rows.append((key, info.st_size, info.st_mtime_ns, reason))
    store.db.executemany("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?)", rows)


def never_indexed(store: Store, absent: Sequence[str]) -> list[str]:
    """Of files not in the store (`stale`'s first list), those no `govread index` has seen
    as they are: not those it took for no report, unchanged since (none are known in a
    store of schema 7 or 6, read as it is where it cannot be upgraded)."""
    try:
        rows = store.db.execute("SELECT path, size, mtime_ns FROM skipped").fetchall()
    except sqlite3.OperationalError:  # no such table
        return list(absent)
    skipped = {path: (size, mtime) for path, size, mtime in rows}
    return [path for path in absent if path not in skipped or _stat(Path(path)) != skipped[path]]


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


# Reports written per transaction while indexing: an interruption keeps what was committed.
WRITE_BATCH = 100
# After a refresh that replaced or pruned at least this share of the stored reports (or left
# this share of the file's pages free), worth at least `COMPACT_MIN_BYTES` of the file, the
# store is compacted: its full-text indexes merged (FTS5 'optimize': a replaced row leaves a
# delete marker in them until then) and the file rewritten (VACUUM). A refresh of every
# report had left the file ≈ 30 % larger than a fresh index, in the indexes' old segments.
COMPACT_SHARE = 0.2
COMPACT_MIN_BYTES = 4 * 1024 * 1024
_FTS_TABLES = ("units_fts", "units_grams")


def _under(path: str, folders: Sequence[str]) -> bool:
    return any(
        path == folder or path.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders
    )


_NO_REPORT_FILES = N_("holds no report files")
_COMPACT_NO_ROOM = N_("no room on the disk for the copy it writes")
_COMPACT_BUSY = N_("another program is reading the store")


def empty_notice(path: str | os.PathLike[str]) -> str:
    """What a store with no report says when asked for one (not "no hits", not "no report
    of that name"), with the command that fills it."""
    command = shlex.join(["govread", "index", "DIR", "--store", str(path)])
    return _("{path} holds no reports yet; fill it with: {command}").format(
        path=statefile.display_path(path), command=command
    )


def compact_if_worth_it(
    store: Store,
    replaced: int,
    progress: Progress | None = None,
    summary: IndexSummary | None = None,
) -> bool:
    """Compact the store after `replaced` of its reports were replaced or pruned, when it
    pays (`COMPACT_SHARE`, `COMPACT_MIN_BYTES`); whether it did. The progress bar says so
    first (it gives no steps: ≈ 1 s for 300 reports). One that would pay but cannot be
    done now (a reader holds the file, or no room for its copy) is left for the next
    refresh, `summary.compaction_skipped` saying why."""
    (reports,) = store.db.execute("SELECT count(*) FROM reports").fetchone()
    pages = int(store.db.execute("PRAGMA page_count").fetchone()[0])
    free = int(store.db.execute("PRAGMA freelist_count").fetchone()[0])
    size = int(store.db.execute("PRAGMA page_size").fetchone()[0])
    merge = bool(reports) and replaced >= COMPACT_SHARE * reports
    share = max(replaced / reports if reports else 0.0, free / pages if pages else 0.0)
    if share < COMPACT_SHARE or share * pages * size < COMPACT_MIN_BYTES:
        return False
    if progress is not None:
        progress("compacting", 0, 1)
    try:
        if merge:
            with store.transaction():
                for table in _FTS_TABLES:
                    store.db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        store.db.execute("VACUUM")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (sqlite3.OperationalError, StoreFull) as error:  # busy, or no room: next time
        if summary is not None:
            if isinstance(error, StoreFull) or _is_full(error):
                summary.compaction_skipped = _COMPACT_NO_ROOM
            elif _primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                summary.compaction_skipped = _COMPACT_BUSY
            else:
                summary.compaction_skipped = str(error)  # the library's words
        return False
    finally:
        if progress is not None:
            progress("compacting", 1, 1)
    return True


def index(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    summary: IndexSummary | None = None,
    waiting: Callable[[str], object] | None = None,
) -> IndexSummary:
    """Bring the store up to date with the reports under `paths`; returns what changed.

    Unchanged files (same size and mtime, or else same bytes) are not parsed; changed and
    new files are parsed, segmented (once each), and their figures and themes found, in a
    process pool on every core (`govread.store_build`), while this process writes the rows
    in transactions of `WRITE_BATCH` reports; files gone from the disk, and files under
    `paths` that are no longer reports, are pruned. Reports elsewhere whose files exist are
    kept: those older code indexed are listed in `summary.stale`, never dropped. The file
    is compacted when the refresh left much of it free (`compact_if_worth_it`).
    `StoreFull` when the size cap stops it (what was committed before is kept, whole).
    `summary`, when given, is filled as the work goes (what an interruption kept).
    A store found damaged on the way is set aside and a new one filled (`store.notice` says
    so); one that cannot be written is a `StoreError`. One refresh of a store at a time:
    another one under way is waited for (`waiting` is given a line saying so), then this one
    finds what it did.
    """
    summary = summary if summary is not None else IndexSummary()
    with _refreshing(store.path, waiting):
        return _index(store, paths, progress, workers, summary)


@contextlib.contextmanager
def _refreshing(path: Path, waiting: Callable[[str], object] | None) -> Iterator[None]:
    """Hold the lock of a store's refresh (`<store>.lock` beside it, kept afterwards), waiting
    for another process's. Where none can be made (a read-only folder, say) none is held.
    A link's store is locked beside the file it names, as a refresh through the file itself
    (or another link to it) locks it."""
    target = path.resolve()
    lock_path = target.with_name(target.name + ".lock")
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(lock_path, flags, 0o600)
    except OSError:
        fd = -1
    try:
        if fd >= 0 and stat.S_ISREG(os.fstat(fd).st_mode) and not try_lock(fd):
            if waiting is not None:
                waiting(
                    _(
                        "govread: another govread index is writing {path}; waiting for it to "
                        "finish…"
                    ).format(path=statefile.display_path(path))
                )
            while not try_lock(fd):
                time.sleep(0.2)
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # closing releases the lock


def _index(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    progress: Progress | None,
    workers: int | None,
    summary: IndexSummary,
) -> IndexSummary:
    try:
        try:
            # A store damaged mid-file opens and lists its reports as if whole (the damage
            # only shows where a search reads): found here, so `index` sets it aside.
            if store.replace and (damage := store.damage()) is not None:
                raise Malformed(damage)
            return _refresh(store, paths, progress, workers, summary)
        except sqlite3.DatabaseError as error:
            if not (store.replace and is_damaged(error)):
                raise
            store.start_over(error)
            fresh = IndexSummary()  # what the new store holds, counted from nothing
            for name in fields(IndexSummary):
                setattr(summary, name.name, getattr(fresh, name.name))
            return _refresh(store, paths, progress, workers, summary)
    except sqlite3.OperationalError as error:
        if _busy(error):
            raise StoreError(held_by_another(store.path)) from None
        if not is_read_only(error):
            raise
        raise StoreError(cannot_write(store.path)) from None


# The files SQLite and `index` keep beside a store.
_BESIDE = ("-wal", "-shm", "-journal", ".lock")


def _own_files(path: Path) -> set[Path]:
    """The store's file and those kept beside it (beside its link, for a link), resolved."""
    own = {path.resolve()}
    for base in (path.absolute(), path.resolve()):
        own.update(base.with_name(base.name + suffix).resolve() for suffix in _BESIDE)
    return own


def _refresh(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    progress: Progress | None,
    workers: int | None,
    summary: IndexSummary,
) -> IndexSummary:
    from govread.parsers.readers import FilesSeen, folder_entries

    folders = [str(Path(raw).resolve()) for raw in paths if os.path.isdir(raw)]
    found: list[tuple[Path, bool]] = []  # (file, named by the user)
    own = _own_files(store.path)
    seen = FilesSeen()  # each file once, however it is reached: its row is one
    for raw in paths:
        path = Path(raw)
        if not seen.first(path):
            continue
        if path.is_dir():
            reports_here = False
            for file, reason in folder_entries(path):
                if reason is not None and file.resolve() in own:
                    continue  # the store itself, in a folder it indexes: not a report
                reports_here = reports_here or reason is None
                if not seen.first(file, follow=reason is None):
                    continue
                if reason is None:
                    found.append((file, False))
                else:
                    summary.skipped.append((str(file), reason))
            if not reports_here:
                # said as a load says it (the reports once indexed there are still pruned)
                summary.skipped.append((str(raw), _NO_REPORT_FILES))
        else:
            found.append((path, True))
    known = store.known()
    current_analysis = analysis_version()
    jobs: list[FileJob] = []
    for path, explicit in found:
        key = str(path.resolve())
        if not _storable(key):
            summary.skipped.append((str(path), _unstorable_name(path)))
            continue
        stat = _stat(path)
        row = known.get(key)
        if (
            stat is not None
            and row is not None
            and (row[1], row[2]) == stat
            and row[4] == current_analysis
        ):
            summary.unchanged += 1
            continue
        current = row[3] if row is not None and row[4] == current_analysis else None
        jobs.append(FileJob(str(path), explicit, stat or (0, 0), current))
    total = len(jobs)
    batch: list[Prepared] = []
    refreshed: set[str] = set()

    def flush() -> None:
        if batch:
            with store.transaction():
                store.put_prepared(batch)
            for prepared in batch:
                if prepared.path in known:
                    summary.updated += 1
                else:
                    summary.added += 1
        batch.clear()

    for done, (job, outcome) in enumerate(prepared_files(jobs, workers=workers), start=1):
        key = str(Path(job.path).resolve())
        if outcome is None:  # the same bytes, touched
            row = known[key]
            store.touch(row[0], *job.stat)
            refreshed.add(key)
            summary.unchanged += 1
        elif isinstance(outcome, Prepared):
            batch.append(outcome)
            refreshed.add(key)
            if len(batch) >= WRITE_BATCH:
                flush()
        else:
            summary.skipped.append((outcome.path, outcome.shown_reason()))
        if progress is not None:
            progress("indexing", done, total)
    flush()
    # Prune: files gone, and files of older code under the folders given that are no longer
    # listed there; reports elsewhere whose files exist are kept, those of older code named.
    with store.transaction():
        for stored, row in known.items():
            parser = row[4]
            if stored in refreshed:
                continue
            if not stored_file_exists(stored) or (
                parser != current_analysis and _under(stored, folders)
            ):
                if store.remove(stored):
                    summary.pruned += 1
            elif parser != current_analysis:
                summary.stale.append(stored)
        for skipped, _reason in summary.skipped:
            key = str(Path(skipped).resolve())
            if key in known and key not in refreshed and os.path.isfile(key) and store.remove(key):
                summary.pruned += 1  # no longer a report
        _remember_skipped(store, summary.skipped, refreshed)
        store.finish()
    replaced = summary.updated + summary.pruned
    summary.compacted = compact_if_worth_it(store, replaced, progress, summary)
    return summary


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A stored report's row, enough to name it and find it (its body is not read; the
    browser's report read from a store is `store_library.StoredReport`)."""

    id: int
    path: str
    sha256: str
    node_id: str  # the report's id (`Report.id`): the same text in two files has one
    region: str | None
    year: int | None
    display_title: str


def report_rows(store: Store, scope: Sequence[str] | None = None) -> list[ReportRow]:
    """The stored reports (in `scope`'s order, else by path), without reading their bodies."""
    rows = store.db.execute(
        "SELECT id, path, sha256, node_id, region, year, display_title FROM reports"
    )
    found = {row[1]: ReportRow(*row) for row in rows}
    if scope is None:
        return [found[path] for path in sorted(found)]
    return [found[path] for path in scope if path in found]


def compare_idf(
    store: Store, a: Report, b: Report, scope: Sequence[str] | None = None
) -> tuple[int, dict[str, int]]:
    """The comparison's IDF counts for A and B over the stored reports (or those of
    `scope`): the number of units and, for each word of A's and B's units, the units holding
    it; A and B count once each even when they are not stored, as `compare.compare` counts
    its corpus (a report in two files once)."""
    return corpus_idf(store, (a, b), scope)


def corpus_idf(
    store: Store, reports: Sequence[Report], scope: Sequence[str] | None = None
) -> tuple[int, dict[str, int]]:
    """`compare_idf` for any reports (a timeline's years): the IDF counts over the stored
    reports (or those of `scope`) for every word of these reports' units, read from the
    store's comparison tables, so no stored report is cut into words again."""
    from govread.compare import report_units

    units_of = {report.id: report_units(report) for report in reports}
    wanted: set[str] = set()
    for units in units_of.values():
        for unit in units:
            wanted.update(unit.terms)
    chosen = report_rows(store, scope)
    distinct: dict[str, int] = {}  # text id -> stored report id, the first of its text
    for row in chosen:
        distinct.setdefault(row.node_id, row.id)
    whole = scope is None or len(chosen) == store.report_count()
    df: Counter[str] = Counter()
    if whole and len(distinct) == len(chosen):
        (n,) = store.db.execute("SELECT value FROM meta WHERE key='compare_units'").fetchone()
        terms = sorted(wanted)
        for start in range(0, len(terms), _CHUNK):
            chunk = terms[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            df.update(
                dict(
                    store.db.execute(
                        f"SELECT term, df FROM compare_vocab WHERE term IN ({marks})", chunk
                    )
                )
            )
    else:
        n = 0
        ids = list(distinct.values())
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            (count,) = store.db.execute(
                f"SELECT count(*) FROM topics WHERE report_id IN ({marks})", part
            ).fetchone()
            n += count
            for (packed,) in store.db.execute(
                f"SELECT terms FROM compare_terms WHERE report_id IN ({marks})", part
            ):
                for term, held in unpack_terms(packed).items():
                    if term in wanted:
                        df[term] += held
    n = int(n)
    for text_id, units in units_of.items():
        if text_id in distinct:
            continue
        n += len(units)
        for unit in units:
            df.update(unit.terms.keys())
    return n, dict(df)


def scope_of(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The report files under `paths`, resolved, in the order a load would open them."""
    from govread.parsers.readers import FilesSeen, folder_entries

    found: list[str] = []
    seen = FilesSeen()
    for raw in paths:
        path = Path(raw)
        if not seen.first(path):
            continue
        if path.is_dir():
            found.extend(
                str(p.resolve())
                for p, reason in folder_entries(path)
                if reason is None and seen.first(p)
            )
        else:
            found.append(str(path.resolve()))
    return found


def outdated_notice(store: Store) -> str | None:
    """A line saying how many stored reports an older govread indexed (another parser or
    analysis code: their outlines and figures may differ from this one's), or None."""
    (count,) = store.db.execute(
        "SELECT count(*) FROM reports WHERE parser != ?", (analysis_version(),)
    ).fetchone()
    if not count:
        return None
    return _n(
        "govread: {n} report was indexed by an older govread (its outline and figures may "
        "differ from this one's); run govread index on its folder to refresh the store",
        "govread: {n} reports were indexed by an older govread (their outlines and figures "
        "may differ from this one's); run govread index on their folders to refresh the store",
        count,
    ).format(n=count)


def gone_under(store: Store, folders: Sequence[str], scope: Sequence[str]) -> list[str]:
    """The stored reports under these (resolved) folders that are not among `scope`, the
    report files there now: deleted or moved since they were indexed."""
    present = set(scope)
    return sorted(p for p in store.known() if _under(p, folders) and p not in present)


def stale(store: Store, scope: Sequence[str]) -> tuple[list[str], list[str]]:
    """Of these files, those not in the store and those changed since it was refreshed."""
    known = store.known()
    absent: list[str] = []
    changed: list[str] = []
    for path in scope:
        row = known.get(path)
        if row is None:
            absent.append(path)
        elif _stat(Path(path)) != (row[1], row[2]):
            changed.append(path)
    return absent, changed

"""The open reports read from a store (`govread --store FILE`): no parsing, bodies on demand.

`read_outline(path, scope)` gives one `StoredReport` per stored report from the store's
rows alone (its metadata columns, and its id and whether it has sections from the first
units of its tree): 10,000 reports in a few tens of milliseconds. A `StoredReport` is a
`Report`: the outline, marks, exports, compare and the corpus tables use it as one. Its
body (preamble, sections, closing, and the few metadata fields with no column) is read
from the store and decoded the first time any of them is asked for, once, on whichever
thread asks; the outline asks only when a report is opened, the detail pane only for the
node it shows. Node ids are the stored report's own (`Report.id`), the same as when the
file is opened, so marks follow it either way.

No Textual here, and nothing heavier than `sqlite3` at import: the store's search
machinery (`govread.store`) is imported by `govread.store_filter` only.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from govread.i18n import _
from govread.node_ids import report_id_of
from govread.parsers.model import Report

# The fields of a report with no column of their own: read with its body, when first used.
# The fields read from the store's columns; every other field of a report (its body, and
# the metadata with no column) is read with its body, when first used.
COLUMN_FIELDS = frozenset(
    {
        "sha256",
        "title",
        "display_title",
        "region",
        "year",
        "published",
        "issuer",
        "path",
        "genre",
        "province",
        "id",
        "body_sha256",
    }
)
LAZY_FIELDS = tuple(f.name for f in fields(Report) if f.name not in COLUMN_FIELDS)
# Report's own slots (member descriptors), which the properties below read and write.
_SLOTS: dict[str, Any] = {name: Report.__dict__[name] for name in LAZY_FIELDS}


def _empty(name: str) -> object:
    """A field's value for a report that changed or went since it was listed."""
    field = Report.__dataclass_fields__[name]
    if field.default_factory is not MISSING:
        return field.default_factory()
    return None if field.default is MISSING else field.default


class StoreReadError(Exception):
    """The store cannot be read (why, in one line for a person, without the path)."""


def _lazy(name: str) -> property:
    slot = _SLOTS[name]

    def get(self: StoredReport) -> object:
        if self._pending is not None:
            self._materialise()
        return slot.__get__(self, Report)

    def set_(self: StoredReport, value: object) -> None:  # Report.__init__ (replace()) sets it
        slot.__set__(self, value)

    return property(get, set_, doc=f"The report's {name}, read from the store when first used.")


class StoredReport(Report):
    """A report whose body stays in the store until it is first used (a `Report`; the
    plain row of a stored report, without a body, is `store.ReportRow`).

    Made by `read_outline` (never through ``__init__``); `has_sections` is known from the
    store's rows, so the outline can offer to open a report without reading its body.
    """

    __slots__ = (
        "_lock",
        "_pending",
        "changed_since_listed",
        "damaged",
        "has_sections",
        "store_id",
    )

    _pending: Callable[[], Report | None] | None
    _lock: threading.Lock
    has_sections: bool
    store_id: int  # its row in the store's ``reports`` table
    # Its row changed or went (a `govread index` meanwhile) before its body was read: shown
    # empty, and said so by the detail pane.
    changed_since_listed: bool
    # Its body could not be read, the store being damaged: why, with the store's name and
    # what to do (shown empty, and this said, by the detail pane).
    damaged: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # `dataclasses.replace` builds one from every field (each read, so each loaded).
        object.__setattr__(self, "_pending", None)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "store_id", 0)
        object.__setattr__(self, "changed_since_listed", False)
        object.__setattr__(self, "damaged", None)
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "has_sections", bool(_SLOTS["sections"].__get__(self, Report)))

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Report], tuple[dict[str, Any]]]:
        # To another process (the corpus tables' pool) as a plain `Report`, body and all:
        # the store connection and the lock stay here.
        return _plain_report, ({f.name: getattr(self, f.name) for f in fields(Report)},)

    @property
    def loaded(self) -> bool:
        """Whether the body has been read from the store."""
        return self._pending is None

    def _materialise(self) -> None:
        with self._lock:
            fetch = self._pending
            if fetch is None:
                return  # another thread read it meanwhile
            try:
                full = fetch()
            except StoreReadError as error:  # damaged: shown empty, and why
                full = None
                object.__setattr__(self, "damaged", str(error))
            for name in LAZY_FIELDS:
                # changed or gone since it was listed: shown empty
                value = getattr(full, name) if full is not None else _empty(name)
                _SLOTS[name].__set__(self, value)
            object.__setattr__(self, "changed_since_listed", full is None and not self.damaged)
            object.__setattr__(self, "_pending", None)


for _name in LAZY_FIELDS:
    setattr(StoredReport, _name, _lazy(_name))


def _plain_report(values: dict[str, Any]) -> Report:
    return Report(**values)


def has_sections(report: Report) -> bool:
    """Whether a report has sections, without reading a stored report's body."""
    if isinstance(report, StoredReport):
        return report.has_sections
    return bool(report.sections)


@dataclass(frozen=True, slots=True)
class OutlineRead:
    """What `read_outline` found: the reports, and the stored files it left out."""

    reports: list[StoredReport]
    duplicates: list[tuple[str, StoredReport]]  # (path, the report shown for it)
    missing: list[str]  # scope paths the store does not hold


class StoreReader:
    """Reads a store file, read-only: one connection per thread (SQLite's rule)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self.connection()  # fails here, once, if the file is not a readable store

    def connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            from govread.store import not_a_store_file

            if (why := not_a_store_file(self.path)) is not None:  # a FIFO, a folder …
                raise StoreReadError(why)
            try:
                from govread.store import (
                    APPLICATION_ID,
                    READ_AS_IS,
                    SCHEMA_VERSION,
                    connect_read_only,
                )

                db = connect_read_only(self.path)

                stamp = db.execute("PRAGMA application_id").fetchone()[0]
                version = db.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.OperationalError as error:  # cannot be opened: SQLite says why
                raise StoreReadError(str(error)) from error
            except sqlite3.DatabaseError as error:  # "file is not a database"
                from govread.store import NOT_A_STORE

                raise StoreReadError(_(NOT_A_STORE)) from error
            if stamp != APPLICATION_ID:
                db.close()
                raise StoreReadError(_("is not a govread store"))
            if version > SCHEMA_VERSION:
                db.close()
                raise StoreReadError(
                    _(
                        "was made by a newer govread (store schema {found}, this govread reads "
                        "{known}): update govread, or give another store file"
                    ).format(found=version, known=SCHEMA_VERSION)
                )
            if version not in READ_AS_IS:
                db.close()
                raise StoreReadError(
                    _("was made by another version of govread (refresh it with `govread index`)")
                )
            self._local.db = db
        return db

    def body(self, store_id: int, sha256: str) -> Report | None:
        """The whole report stored under this row (None if it changed or went since)."""
        from govread.cache import _entry_report

        try:
            row = (
                self.connection()
                .execute(
                    "SELECT body, path FROM reports WHERE id=? AND sha256=?", (store_id, sha256)
                )
                .fetchone()
            )
        except sqlite3.DatabaseError as error:
            from govread.store import is_damaged, problem_with

            if not is_damaged(error):
                raise
            raise StoreReadError(problem_with(self.path, error)) from error
        if row is None:
            return None
        return _entry_report(row[0])


# The reports' columns, then the first two units of each (the report id is the prefix of
# its units' ids; a report with sections has one at ordinal 0, or 1 after a preamble).
_OUTLINE_QUERY = """
SELECT r.id, r.path, r.sha256, r.text_sha256, r.title, r.display_title, r.region, r.year,
       r.published, r.issuer, r.genre, r.province,
       u0.node_id, u0.kind, u1.kind
FROM reports r
LEFT JOIN units u0 ON u0.report_id = r.id AND u0.ordinal = 0
LEFT JOIN units u1 ON u1.report_id = r.id AND u1.ordinal = 1
"""


def _stored_report(reader: StoreReader, row: tuple[Any, ...]) -> StoredReport:
    (store_id, path, sha256, text_sha256, title, display_title, region, year) = row[:8]
    (published, issuer, genre, province, first_id, first_kind, second_kind) = row[8:]
    report = StoredReport.__new__(StoredReport)
    fields: dict[str, object] = {
        "sha256": sha256,
        "title": title,
        "display_title": display_title,
        "region": region,
        "year": year,
        "published": published,
        "issuer": issuer,
        "path": path,
        "genre": genre or "其他",
        "province": province,
        # a report with no unit has no body: its id is its file's (see parsers/outline.py)
        "id": report_id_of(first_id) if first_id else sha256[:12],
        "body_sha256": text_sha256,
    }
    for name, value in fields.items():
        Report.__dict__[name].__set__(report, value)
    object.__setattr__(report, "_lock", threading.Lock())
    object.__setattr__(report, "store_id", store_id)
    object.__setattr__(report, "changed_since_listed", False)
    object.__setattr__(report, "damaged", None)
    object.__setattr__(
        report,
        "has_sections",
        first_kind == "section" or (first_kind == "preamble" and second_kind == "section"),
    )
    object.__setattr__(report, "_pending", lambda: reader.body(store_id, sha256))
    return report


def read_outline(
    reader: StoreReader,
    scope: Sequence[str] | None = None,
    *,
    first_screen: Callable[[list[StoredReport]], object] | None = None,
) -> OutlineRead:
    """The stored reports as `StoredReport`s: those of `scope` (resolved file paths) in its
    order, or every one in path order. The same report text in two files is shown once.

    Reading every report (the whole store), `first_screen` is called, from this thread, with
    the first `FIRST_SCREEN` of them as soon as they are read (not at all when there are no
    more): the browser shows them while the rest are read (1 to 2 s at 10,000 reports)."""
    missing: list[str] = []
    try:
        if scope is None:  # SQLite's order of text is Python's (UTF-8 bytes, code points)
            ordered: Iterable[tuple[Any, ...]] = reader.connection().execute(
                _OUTLINE_QUERY + " ORDER BY r.path"
            )
        else:
            by_path = {row[1]: row for row in reader.connection().execute(_OUTLINE_QUERY)}
            ordered = []
            for path in scope:
                row = by_path.get(path)
                if row is None:
                    missing.append(path)
                else:
                    ordered.append(row)
            first_screen = None
        return _outline_of(reader, ordered, missing, first_screen)
    except sqlite3.Error as error:
        from govread.store import damage_said, is_damaged

        raise StoreReadError(
            damage_said(error, reader.path) if is_damaged(error) else str(error)
        ) from error


# Reports handed to `read_outline`'s `first_screen`: more than a screen's lines.
FIRST_SCREEN = 100


def _outline_of(
    reader: StoreReader,
    ordered: Iterable[tuple[Any, ...]],
    missing: list[str],
    first_screen: Callable[[list[StoredReport]], object] | None,
) -> OutlineRead:
    reports: list[StoredReport] = []
    duplicates: list[tuple[str, StoredReport]] = []
    first: dict[str, StoredReport] = {}
    for row in ordered:
        if first_screen is not None and len(reports) == FIRST_SCREEN:
            first_screen(reports[:FIRST_SCREEN])
            first_screen = None
        report = _stored_report(reader, row)
        original = first.get(report.id)
        # as `identity.DuplicateFinder`: a report with no body text is no one's copy
        if original is not None and row[13] in ("section", "preamble"):
            duplicates.append((report.path or "", original))
            continue
        first.setdefault(report.id, report)
        reports.append(report)
    return OutlineRead(reports, duplicates, missing)

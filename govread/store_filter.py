"""The browser's filter answered from a store: `StoreIndex`, the store's `SearchIndex`.

When the browser opens a store (`govread --store FILE`), nothing is folded or indexed in
memory: `StoreIndex.filter` finds each term's units with the store's FTS5 trigram index
(3+ characters) or its postings of characters and pairs (`units_grams`, shorter terms),
as `govread search --store` does (`store.holding_query`), and builds the same `FilterResult` as `SearchIndex.filter` over the same
reports in the same order: the same matches (`search.match_query`), the same hits
(`search.item_holding_all`'s rule), counts, ``tag:`` terms and needles. The word fallback runs
only when jieba is already loaded (never loaded by a keystroke). Ranking (`search`) is
`store.StoreSearch`'s; suggestions come from the store's vocabulary.

Each thread reads through its own connection (`StoreReader`), so the browser filters in a
worker while the screen stays live; a newer keystroke makes an older answer moot.
"""

from __future__ import annotations

import sqlite3
import threading
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from typing import Protocol

from govread import segment
from govread.node_ids import OUTSIDE_SECTIONS
from govread.parsers.model import Report
from govread.search import (
    FilterResult,
    Folded,
    Hit,
    LazyHits,
    Query,
    _as_query,
    fold,
    fold_text,
    iter_hit_units,
    match_extent,
    match_query,
    range_holding_all,
)
from govread.store import holding_query
from govread.store_library import StoredReport, StoreReader

_CHUNK = 500  # ids per "IN (...)" query, under SQLite's variable limit


class FilterIndex(Protocol):
    """What the browser asks of its search index (in memory, or a store)."""

    def filter(
        self,
        query: Query | str,
        *,
        allow_words: bool = True,
        tagged: Callable[[str], Collection[str]] | None = None,
    ) -> FilterResult: ...
    def search(self, query: Query | str, limit: int | None = None) -> list[Hit]: ...
    def suggest(self, prefix: str, limit: int = 10) -> list[str]: ...
    def segment_reports(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> int: ...
    def add(self, report: Report) -> None: ...


def ancestor_ids(node_id: str) -> tuple[str, ...]:
    """The sections enclosing a unit, outermost first, from its id alone: ``r/1.2#3`` is in
    ``r/1`` and ``r/1.2``; ``r/1.2`` in ``r/1``; a preamble or closing in none."""
    report, _, rest = node_id.partition("/")
    if not rest or rest in OUTSIDE_SECTIONS:
        return ()
    section, hash_, _ = rest.partition("#")
    parts = section.split(".")
    depth = len(parts) if hash_ else len(parts) - 1
    return tuple(f"{report}/{'.'.join(parts[:k])}" for k in range(1, depth + 1))


class FilterCancelled(Exception):
    """A filter was given up: its query is no longer the one on screen."""


class _Row:
    """One unit of the store, as the filter needs it."""

    __slots__ = ("_ancestors", "kind", "node_id", "ordinal", "report")

    def __init__(self, report: int, ordinal: int, node_id: str, kind: str) -> None:
        self.report, self.ordinal, self.node_id, self.kind = report, ordinal, node_id, kind
        self._ancestors: tuple[str, ...] | None = None

    @property
    def ancestors(self) -> tuple[str, ...]:
        if self._ancestors is None:
            self._ancestors = ancestor_ids(self.node_id)
        return self._ancestors

    @property
    def count_keys(self) -> tuple[str, ...]:
        """The sections whose hit counts a hit here adds to: those above it, and itself."""
        return (*self.ancestors, self.node_id) if self.kind == "section" else self.ancestors


_node_id = attrgetter("node_id")
_ancestors = attrgetter("ancestors")
_count_keys = attrgetter("count_keys")
_report = attrgetter("report")


# A section as the hit rule reads it, all folded (the store keeps the folded text): its
# heading, its body (offsets are folded ones) and its items' places in the body.
_SectionParts = tuple[str, Folded, list[tuple[str, int, int]]]


def _split_folded(heading: str, folded: str) -> tuple[str, str]:
    """A unit's folded heading and folded body, from its heading and its ``folded``
    column (the folded heading, a newline, the folded body)."""
    cut = len(fold_text(heading))
    return folded[:cut], folded[cut + 1 :]


class StoreIndex:
    """The filter, ranking and suggestions of the browser, answered from a store."""

    CACHE_SIZE = 256
    SECTIONS_KEPT = 20_000  # sections the hit rule has read, kept for the next keystroke
    answers_in_worker = True  # the browser asks from a thread (a query may read the disk)

    def __init__(self, reader: StoreReader, reports: Sequence[StoredReport]) -> None:
        self.reader = reader
        self.reports = list(reports)
        self.rank = {report.store_id: n for n, report in enumerate(self.reports)}
        self._report_of = {report.store_id: report for report in self.reports}
        self._rows: dict[int, _Row] = {}  # unit row id -> what the filter needs of it
        self._order: dict[int, int] = {}  # unit row id -> its place among the open reports'
        self._sha = {report.store_id: report.sha256 for report in self.reports}
        self._needles: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._lock = threading.Lock()
        self._sections: OrderedDict[int, _SectionParts | None] = OrderedDict()
        self._directory = False  # every unit of the open reports is in `_rows`
        self._directory_lock = threading.Lock()
        self._search: object | None = None  # a `store.StoreSearch`, made when first ranked

    # -- matching -------------------------------------------------------------------------

    def _keep(self, rows: Iterable[tuple[int, int, int, str, str]]) -> frozenset[int]:
        found: list[int] = []
        rank, known, order = self.rank, self._rows, self._order
        for unit_id, report_id, ordinal, node_id, kind in rows:
            if report_id in rank:
                if unit_id not in known:
                    known[unit_id] = _Row(report_id, ordinal, node_id, kind)
                    order[unit_id] = rank[report_id] << 32 | ordinal
                found.append(unit_id)
        return frozenset(found)

    def units_with(self, needle: str) -> frozenset[int]:
        """The units (store row ids) of the open reports whose folded text holds `needle`."""
        with self._lock:
            cached = self._needles.get(needle)
            if cached is not None:
                self._needles.move_to_end(needle)
                return cached
        found: frozenset[int] = frozenset()
        if needle:
            holding, parameter = holding_query(needle)
            rows = self.reader.connection().execute(holding, (parameter,))
            found = self._known(i for (i,) in rows)
        with self._lock:
            self._needles[needle] = found
            if len(self._needles) > self.CACHE_SIZE:
                self._needles.popitem(last=False)
        return found

    def _known(self, ids: Iterable[int]) -> frozenset[int]:
        """Of these units, those of the open reports (their rows read if not yet)."""
        rows = self._rows
        ids = list(ids)
        if not self._directory:
            missing = [i for i in ids if i not in rows]
            db = self.reader.connection()
            for start in range(0, len(missing), _CHUNK):
                chunk = missing[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                self._keep(
                    db.execute(
                        f"SELECT id, report_id, ordinal, node_id, kind FROM units"
                        f" WHERE id IN ({marks})",
                        chunk,
                    )
                )
        return frozenset(i for i in ids if i in rows)

    def prepare(self, cancelled: Callable[[], bool] | None = None) -> None:
        """Read every unit's place now, off the UI thread, so that keystrokes find them in
        memory; once `cancelled()` is true (quitting), it stops."""
        db = self.reader.connection()
        if cancelled is not None:
            db.set_progress_handler(lambda: int(cancelled()), 10_000)
        try:
            self._all_units()
        except sqlite3.Error:
            pass  # given up (or the store went): the first keystrokes read what they need
        finally:
            if cancelled is not None:
                db.set_progress_handler(None, 0)

    def _all_units(self) -> set[int]:
        with self._directory_lock:
            if not self._directory:
                rows = self.reader.connection().execute(
                    "SELECT id, report_id, ordinal, node_id, kind FROM units"
                )
                self._keep(rows)
                self._directory = True
            return set(self._rows)

    def _units_named(self, node_ids: Iterable[str]) -> set[int]:
        """The units with these ids among the open reports."""
        wanted = [n for n in node_ids if "/" in n]
        db = self.reader.connection()
        found: set[int] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT id, report_id, ordinal, node_id, kind FROM units WHERE node_id IN ({marks})",
                chunk,
            )
            found |= self._keep(rows)
        return found

    def filter(
        self,
        query: Query | str,
        *,
        allow_words: bool = True,
        tagged: Callable[[str], Collection[str]] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> FilterResult:
        """`SearchIndex.filter`'s answer over the same reports, from the store. Once
        `cancelled()` is true (a newer keystroke), the work stops, its SQLite query too,
        and `FilterCancelled` is raised."""
        q = _as_query(query)
        if q.is_empty:
            return FilterResult(q)
        db = self.reader.connection()
        if cancelled is not None:
            db.set_progress_handler(lambda: int(cancelled()), 10_000)
        try:
            return self._filter(q, allow_words, tagged, cancelled)
        except sqlite3.Error as error:
            if cancelled is not None and cancelled():
                raise FilterCancelled from error
            return FilterResult(q)  # the store changed under us: nothing, rather than a crash
        finally:
            if cancelled is not None:
                db.set_progress_handler(None, 0)

    def _filter(
        self,
        q: Query,
        allow_words: bool,
        tagged: Callable[[str], Collection[str]] | None,
        cancelled: Callable[[], bool] | None,
    ) -> FilterResult:
        matched_set, words_units, _, plans, pending = match_query(
            q,
            self.units_with,
            self._all_units,
            allow_words=allow_words,
            words_ready=segment.is_loaded(),
        )
        if cancelled is not None and cancelled():
            raise FilterCancelled
        rows = self._rows
        matched = sorted(matched_set, key=self._order.__getitem__)
        if q.has_fields and not q.has_text:
            matched = self._top_units()
        if q.has_tags:
            matched = self._by_tags(q, matched, tagged)
        if q.has_fields:  # as `SearchIndex._by_fields`: the reports' metadata
            allowed = {sid: q.report_matches(r) for sid, r in self._report_of.items()}
            matched = [i for i in matched if allowed[rows[i].report]]
        needles = [n for plan in plans for n in plan.needles]
        matched_rows = list(map(rows.__getitem__, matched))
        ids = tuple(map(_node_id, matched_rows))
        id_set = frozenset(ids)
        # Each matching unit is a hit, except that a section and its matching items are one
        # hit between them (`search.is_hit`: the section, or the one item holding all its
        # matches), counted in the same places whichever it is (an item's count keys are
        # its section's): the counts need no rule; which unit is the hit is decided only
        # when the hits are read, as far as they are (the cursor's first, n / N onwards).
        counted = [
            row
            for row in matched_rows
            if row.kind != "item" or row.node_id.partition("#")[0] not in id_set
        ]
        if cancelled is not None and cancelled():
            raise FilterCancelled
        hits = LazyHits((rows[i].node_id for i in self._hits(matched, needles)), total=len(counted))
        return FilterResult(
            query=q,
            ids=id_set,
            ancestors=frozenset(chain.from_iterable(map(_ancestors, matched_rows))),
            order=ids,
            report_counts=dict(Counter(map(self._sha.__getitem__, map(_report, counted)))),
            section_counts=dict(Counter(chain.from_iterable(map(_count_keys, counted)))),
            word_ids=frozenset(rows[i].node_id for i in words_units & set(matched)),
            words_pending=pending,
            hits=hits,
            needles=tuple(dict.fromkeys(needles)),
        )

    def _by_tags(
        self, q: Query, matched: list[int], tagged: Callable[[str], Collection[str]] | None
    ) -> list[int]:
        """As `SearchIndex._by_tags`, with the enclosing sections read from the ids."""
        if tagged is None:
            return [] if q.tags else matched
        wanted = [set(tagged(tag)) for tag in q.tags]
        unwanted: set[str] = set().union(*(tagged(tag) for tag in q.excluded_tags))
        rows = self._rows
        if not q.has_text:
            if wanted:
                found = self._units_named(set.intersection(*wanted))
                matched = sorted(found, key=self._order.__getitem__)
            elif not q.has_fields:  # (with fields, `matched` holds the reports' top units)
                found = self._all_units()
                matched = sorted(found, key=self._order.__getitem__)
        kept: list[int] = []
        for i in matched:
            row = rows[i]
            nodes = {row.node_id, *row.ancestors, self._report_of[row.report].id}
            if all(nodes & ids for ids in wanted) and not nodes & unwanted:
                kept.append(i)
        return kept

    def _top_units(self) -> list[int]:
        """As `SearchIndex._top_units`: the units at the top of every report (preamble,
        chapters, closing), in document order."""
        rows = self._rows
        top = [i for i in self._all_units() if not rows[i].ancestors]
        return sorted(top, key=self._order.__getitem__)

    def _hits(self, matched: list[int], needles: list[str]) -> Iterator[int]:
        """As `SearchIndex._hits`, one hit at a time: a section and a matching item of it
        are one hit, the item when it holds every match of the section's body."""
        rows = self._rows
        by_id = {rows[i].node_id: i for i in matched}
        # sections with a matching item: the only ones the rule has to look into
        with_items = {rows[i].node_id.partition("#")[0] for i in matched if rows[i].kind == "item"}

        def sole_item(section_unit: int) -> int | None:
            if rows[section_unit].node_id not in with_items:
                return None
            return self._sole_item(section_unit, by_id, needles)

        yield from iter_hit_units(
            matched,
            lambda i: rows[i].kind,
            lambda i: by_id.get(rows[i].node_id.partition("#")[0]),
            sole_item,
        )

    def _sole_item(
        self, section_unit: int, by_id: dict[str, int], needles: list[str]
    ) -> int | None:
        """`search.item_holding_all` for one section, from the store's rows: its heading,
        its body and its items' texts (each placed in the body where it occurs, when it
        occurs once; else the report's body is read for the items' exact places)."""
        parts = self._section_parts(section_unit)
        if parts is None:
            return None
        heading, body, ranges = parts
        if not ranges or any(needle and needle in heading for needle in needles):
            return None
        extent = match_extent(body, needles)
        return range_holding_all(ranges, extent, by_id.get) if extent else None

    def _section_parts(self, section_unit: int) -> _SectionParts | None:
        with self._lock:
            if section_unit in self._sections:
                self._sections.move_to_end(section_unit)
                return self._sections[section_unit]
        row = self._rows[section_unit]
        found = self._section_rows(row)
        parts: _SectionParts | None = None
        if found is not None:
            (heading, folded), items = found
            heading_folded, body = _split_folded(heading, folded)
            parts = (heading_folded, Folded(body, len(body)), self._item_ranges(row, body, items))
        with self._lock:
            self._sections[section_unit] = parts
            if len(self._sections) > self.SECTIONS_KEPT:
                self._sections.popitem(last=False)
        return parts

    def _section_rows(self, row: _Row) -> tuple[tuple[str, str], list[tuple[str, str, str]]] | None:
        """A section's heading and folded text, and its items' (id, heading, folded text),
        read from the store."""
        cursor = self.reader.connection().execute(
            "SELECT node_id, kind, heading, folded FROM units"
            " WHERE report_id=? AND ordinal>=? ORDER BY ordinal",
            (row.report, row.ordinal),
        )
        try:
            first = cursor.fetchone()
            if first is None or first[0] != row.node_id:
                return None
            items: list[tuple[str, str, str]] = []
            for node_id, kind, heading, folded in cursor:  # its items follow it, in order
                if kind != "item":
                    break
                items.append((node_id, heading, folded))
        finally:
            cursor.close()
        return (first[2], first[3]), items

    def _item_ranges(
        self, row: _Row, body: str, items: list[tuple[str, str, str]]
    ) -> list[tuple[str, int, int]]:
        """Each item's place in the section's folded body, where its folded text occurs
        once (folding is character by character: an item's folded text is the folded
        body's slice at its place)."""
        ranges: list[tuple[str, int, int]] = []
        for item_id, heading, folded in items:
            text = _split_folded(heading, folded)[1]
            start = body.find(text)
            if start < 0 or body.find(text, start + 1) >= 0:
                return self._exact_ranges(row)  # not once: the report says where
            ranges.append((item_id, start, start + len(text)))
        return ranges

    def _exact_ranges(self, row: _Row) -> list[tuple[str, int, int]]:
        """The items' places from the report itself, in folded offsets."""
        report = self._report_of.get(row.report)
        section = report.find(row.node_id) if report is not None else None
        if section is None:
            return []
        starts = [0]
        for paragraph in section.paragraphs:
            starts.append(starts[-1] + len(paragraph) + 1)
        offsets = fold("\n".join(section.paragraphs)).offsets

        def folded(at: int) -> int:  # the first folded character of original character `at`
            return at if offsets is None else bisect_left(offsets, at)

        return [
            (
                item.id,
                folded(starts[item.paragraph] + item.start),
                folded(starts[item.paragraph] + item.end),
            )
            for item in section.items
        ]

    # -- ranking, suggestions ---------------------------------------------------------------

    def search(self, query: Query | str, limit: int | None = None) -> list[Hit]:
        """Ranked hits (`store.StoreSearch`, over the open reports in their order)."""
        from govread.store import Store, StoreSearch

        q = _as_query(query)
        store = Store.reading(self.reader.path, self.reader.connection())
        search = StoreSearch(store, [r.path for r in self.reports if r.path is not None])
        return search.search(q, limit)

    def suggest(self, prefix: str, limit: int = 10) -> list[str]:
        """Completions of `prefix`: the store's tokens, those in most units first."""
        key = fold_text(prefix).strip()
        if not key or limit <= 0:
            return []
        try:
            rows = self.reader.connection().execute(
                "SELECT token, df FROM vocab WHERE token >= ? AND token < ? AND length(token) >= 2"
                " ORDER BY df DESC, length(token), token LIMIT ?",
                (key, key + "\U0010ffff", limit + 1),
            )
            found = [token for token, _ in rows if token != key and token.startswith(key)]
        except sqlite3.Error:
            return []
        return found[:limit]

    def segment_reports(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Nothing to segment: the store holds every unit's tokens (jieba loads for queries)."""
        segment.ensure_loaded()
        return 0

    def add(self, report: Report) -> None:
        raise TypeError("a store's reports come from the store")

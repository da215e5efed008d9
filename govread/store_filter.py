"""The browser's filter answered from a store: `StoreIndex`, the store's `SearchIndex`.

When the browser opens a store (`govread --store FILE`), nothing is folded or indexed in
memory: `StoreIndex.filter` finds each term's units with the store's FTS5 trigram index
(3+ characters) or its postings of characters and pairs (shorter terms: packed in
segments where they are common, `store.short_postings`),
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
from array import array
from bisect import bisect_left
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, compress, filterfalse, groupby, repeat
from operator import eq, gt, itemgetter, sub
from typing import Protocol, TypeAlias

from govread import segment
from govread.node_ids import OUTSIDE_SECTIONS, report_id_of
from govread.parsers.model import Report
from govread.search import (
    FilterResult,
    Folded,
    Hit,
    LazyHits,
    NodeSet,
    Query,
    ReportAnswer,
    ReportSectionCounts,
    Term,
    _as_query,
    fold,
    fold_text,
    iter_hit_units,
    match_extent,
    match_query,
    per_report,
    range_holding_all,
    repeated_items,
    words_suffice,
)
from govread.store import TRIGRAM, holding_query, is_damaged, short_postings
from govread.store_library import StoredReport, StoreReader

_CHUNK = 500  # ids per "IN (...)" query, under SQLite's variable limit
_LAST_ROW_ID = 2**63 - 1


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
    def read_ahead(self, query: Query | str, cancelled: Callable[[], bool]) -> None: ...


class FilterCancelled(Exception):
    """A filter was given up: its query is no longer the one on screen."""


# places (ints), sorted where said: arrays, which hold no references for the collector to walk
Places: TypeAlias = "array[int]"
NO_PLACE = -1  # (the parent of a unit at the top of a report)
_first = itemgetter(0)


def _holds(places: Places, place: int) -> bool:
    """Whether sorted `places` hold `place`."""
    at = bisect_left(places, place)
    return at < len(places) and places[at] == place


class _Directory:
    """Every unit of the open reports, numbered in document order across the reports (a
    unit's *place*), in columns indexed by place: what a keystroke needs of a unit, kept so
    that its work is C-level passes over sets of places (`map`, `compress`, set operations)
    rather than Python per matching unit.

    The columns are tuples, arrays and bytes, with nothing in them for Python's garbage
    collector to walk: at 10,000 reports a list or set per column made every full collection
    (one every few keystrokes) walk millions of references, 100–200 ms each."""

    __slots__ = (
        "ends",
        "first_id",
        "is_item",
        "is_outside",
        "item_run",
        "keys",
        "kind",
        "node",
        "ordinal",
        "outside",
        "outside_bits",
        "parent",
        "place_of",
        "report",
        "report_at",
        "report_key",
        "runs",
        "section_bits",
        "sha",
        "shas",
        "spans",
        "starts",
        "top",
        "unit_id",
    )

    def __init__(
        self,
        rows: list[tuple[int, int, int, str, str, str | None]],
        reports: Sequence[StoredReport],
    ) -> None:
        """`rows`: (unit id, report id, ordinal, node id, kind, parent node id) of every
        unit of the store."""
        rows.sort(key=itemgetter(1, 2))  # the store's own order: a report's units together
        by_report = {sid: list(group) for sid, group in groupby(rows, key=itemgetter(1))}
        del rows
        ordered: list[tuple[int, int, int, str, str, str | None]] = []
        # each report's key (its node id) and places [start, end)
        self.spans: dict[str, tuple[int, int]] = {}
        self.report_key: dict[int, str] = {}
        for report in reports:
            group = by_report.get(report.store_id)
            if group:
                key = report_id_of(group[0][3])
                self.spans[key] = (len(ordered), len(ordered) + len(group))
                self.report_key[report.store_id] = key
                ordered.extend(group)
        del by_report
        count = len(ordered)
        columns = tuple(zip(*ordered, strict=True)) if ordered else ((),) * 6
        unit_ids, report_ids, ordinals, nodes, kinds, parents = columns
        del ordered, columns
        self.place_of: dict[int, int] = dict(zip(unit_ids, range(count), strict=True))
        self.unit_id = array("q", unit_ids)  # a place's row id in the store
        # the first row id when every place's is it plus the place (the whole store opened,
        # its rows in the reports' order): then a row id gives its place by a subtraction
        first = unit_ids[0] if unit_ids else 0
        consecutive = self.unit_id == array("q", range(first, first + count))
        self.first_id: int | None = first if count and consecutive else None
        self.node: tuple[str, ...] = nodes
        self.kind: tuple[str, ...] = kinds
        self.report: tuple[int, ...] = report_ids  # the report's store id
        self.ordinal: tuple[int, ...] = ordinals
        # the enclosing section's place (NO_PLACE at the top of a report); by report and id,
        # as two stored files may hold one report (the same node ids)
        place_of_node = dict(zip(zip(report_ids, nodes, strict=True), range(count), strict=True))
        self.parent = array(
            "q", map(place_of_node.get, zip(report_ids, parents, strict=True), repeat(NO_PLACE))
        )
        del place_of_node
        sha_of = {report.store_id: report.sha256 for report in reports}
        self.sha: tuple[str, ...] = tuple(map(sha_of.__getitem__, report_ids))
        everywhere = range(count)
        self.is_item = bytes(map("item".__eq__, kinds))  # 1 at an item's place
        self.is_outside = bytes(map(OUTSIDE_SECTIONS.__contains__, kinds))  # preamble, closing
        self.outside = array("q", compress(everywhere, self.is_outside))  # their places
        # flags as whole integers, a byte per place (and NO_PLACE's last, 0): 0xff at an
        # item's place, 1 at a section's, at a preamble's or closing's
        is_section = bytes(map("section".__eq__, kinds))
        self.item_run = int.from_bytes(self.is_item.translate(_ONE_TO_FF) + b"\0", "little")
        self.section_bits = int.from_bytes(is_section + b"\0", "little")
        self.outside_bits = int.from_bytes(self.is_outside + b"\0", "little")
        # whether each item follows its section or a sibling (what `_Tally.of_mask` reads)
        self.runs = _items_follow_their_sections(self.is_item, is_section, self.parent)
        self.top = array("q", compress(everywhere, map(eq, self.parent, repeat(NO_PLACE))))
        # the reports with units, in order: their keys, shas and first and past-last places
        self.keys = tuple(self.spans)
        self.shas = tuple(sha_of[self.report[start]] for start, _ in self.spans.values())
        self.starts = array("q", (start for start, _ in self.spans.values()))
        # each place's report (its index in `keys`): a tuple of shared ints, for counting a
        # few places per report
        self.report_at: tuple[int, ...] = tuple(
            chain.from_iterable(
                repeat(n, end - start) for n, (start, end) in enumerate(self.spans.values())
            )
        )
        self.ends = array("q", (end for _, end in self.spans.values()))

    def per_report(self, places: Sequence[int]) -> list[int]:
        """How many of these places (sorted) each report holds, in the order of `keys`
        (`search.per_report`)."""
        return per_report(places, self.starts, self.ends, self.report_at)

    # Matches of at least a MASK_SHARE-th of the units are tallied over a byte per unit
    MASK_SHARE = 16

    def tally(self, matched: Places, words: Places, bits: int | None = None) -> _Tally:
        """What the counts need of these places (sorted), in C-level passes: over the places
        when they are few; else over a byte per unit, as whole integers (`_Tally`; `bits`,
        the places as such an integer, if made already)."""
        if not self.runs or (bits is None and len(matched) * self.MASK_SHARE < len(self)):
            return _Tally.of_places(self, matched, words)
        return _Tally.of_mask(self, matched, words, bits)

    def __len__(self) -> int:
        return len(self.node)

    def ancestors(self, places: Iterable[int]) -> set[int]:
        """The places of the sections enclosing any of `places`, level by level."""
        parent = self.parent
        found: set[int] = set()
        level = set(map(parent.__getitem__, places))
        while level:
            level.discard(NO_PLACE)
            level -= found
            found |= level
            level = set(map(parent.__getitem__, level))
        return found

    def items_of(self, section: int) -> Iterator[int]:
        """The places of a section's items (they follow it)."""
        kind, place = self.kind, section + 1
        while place < len(kind) and kind[place] == "item":
            yield place
            place += 1


class _Masked:
    """A query's matches combined over a byte per unit (`StoreIndex._masked_terms`)."""

    def __init__(self) -> None:
        self.places: Places = array("q")  # sorted
        self.bits = 0  # the same, a byte per unit
        self.needles: list[str] = []
        self.words: Places = array("q")  # the places matched only through words (sorted)
        self.maskable = True  # (False: a term of 256 words or more, past a byte's count)
        self.complete = True  # every term found verbatim
        self.pending = False  # a words fallback put off (jieba not loaded)


def _bits_of(places: Iterable[int], size: int) -> int:
    """Places under `size` as a whole integer of a byte per place (1: among them)."""
    mask = bytearray(size)
    deque(map(mask.__setitem__, places, repeat(1)), maxlen=0)
    return int.from_bytes(mask, "little")


_ONE_TO_FF = bytes.maketrans(b"\x01", b"\xff")


def _items_follow_their_sections(is_item: bytes, is_section: bytes, parent: Places) -> bool:
    """Whether every item's place follows its section's or a sibling item's."""
    section = NO_PLACE
    for place, item in enumerate(is_item):
        if not item:
            section = place if is_section[place] else NO_PLACE
        elif parent[place] != section or section == NO_PLACE:
            return False
    return True


class _Tally:
    """What a keystroke's counts need of its matched places: which matching items are one
    hit with their section (`search.is_hit`: the section matches too), each report's hits
    (its matches less those) and matches outside its sections (in the order of `keys`),
    and which of the places matched by words are among them."""

    __slots__ = ("counts", "is_repeated", "outside", "repeated", "repeated_count", "words")

    def __init__(
        self,
        counts: list[int],
        outside: list[int],
        words: Places,
        repeated: Places | bytes,
        repeated_count: int,
    ) -> None:
        self.counts = counts
        self.outside = outside
        self.words = words  # the matched places matched only by words (sorted)
        self.repeated = repeated  # their places (sorted), or a byte per place (1: one)
        self.repeated_count = repeated_count
        self.is_repeated: Callable[[int], object] = (
            repeated.__getitem__ if isinstance(repeated, bytes) else partial(_holds, repeated)
        )

    def repeated_between(self, start: int, end: int) -> Iterable[int]:
        """The places of the repeated items from `start` to `end` (excluded)."""
        if isinstance(self.repeated, bytes):
            return compress(range(start, end), self.repeated[start:end])
        return self.repeated[bisect_left(self.repeated, start) : bisect_left(self.repeated, end)]

    @classmethod
    def of_places(cls, d: _Directory, matched: Places, words: Places) -> _Tally:
        """Over the places: a set of them, counts per report by bisection."""
        found, matched_set = repeated_items(matched, d.is_item, d.parent)
        repeated = array("q", found)
        counts = list(map(sub, d.per_report(matched), d.per_report(repeated)))
        outside = d.per_report(
            array("q", compress(d.outside, map(matched_set.__contains__, d.outside)))
        )
        words = array("q", filter(matched_set.__contains__, words))
        return cls(counts, outside, words, repeated, len(repeated))

    @classmethod
    def of_mask(
        cls, d: _Directory, matched: Places, words: Places, bits: int | None = None
    ) -> _Tally:
        """Over a byte per unit (1: matched), as whole integers: the items whose section
        matches are found by one addition (where each item follows its section or a
        sibling, `_Directory.runs`): a matched section's 1 carried into the byte after it
        runs through its items' 0xff bytes, turning them to 0, and stops at the next
        unit; the counts are `bytes.count` per report. A few milliseconds where a set of
        200,000 places and bisections over them took tens."""
        size = len(d) + 1  # (NO_PLACE's byte last, 0)
        if bits is None:
            bits = _bits_of(matched, size)
        carried = d.item_run + ((bits & d.section_bits) << 8)
        repeated = (d.item_run ^ carried) & d.item_run & bits
        hits = (bits ^ repeated).to_bytes(size, "little")
        counts = list(map(hits.count, repeat(1), d.starts, d.ends))
        outside_bytes = (bits & d.outside_bits).to_bytes(size, "little")
        outside = list(map(outside_bytes.count, repeat(1), d.starts, d.ends))
        return cls(
            counts,
            outside,
            array("q", filter(bits.to_bytes(size, "little").__getitem__, words))
            if words
            else words,
            repeated.to_bytes(size, "little"),
            repeated.bit_count(),
        )


class _Found(ReportAnswer):
    """The store's answer, a report at a time (`search.ReportAnswer`): its places are the
    directory's."""

    def __init__(self, directory: _Directory, matched: Places, tally: _Tally) -> None:
        super().__init__(matched, directory.node)
        self.directory = directory
        self.tally = tally  # (which matching items are one hit with their section)

    def spans(self, key: str) -> Sequence[tuple[int, int]]:
        span = self.directory.spans.get(key)
        return () if span is None else (span,)

    def ancestor_ids(self, places: Sequence[int]) -> Iterable[str]:
        d = self.directory
        return map(d.node.__getitem__, d.ancestors(places))

    def count(self, key: str) -> dict[str, int]:
        """Each section's hits in one report: a counted hit adds to the section it is (if
        it is one) and to every section above it (`FilterResult.section_counts`)."""
        counts: dict[str, int] = {}
        d = self.directory
        span = d.spans.get(key)
        repeated = set(self.tally.repeated_between(*span)) if span else set()
        parent, node, kind = d.parent, d.node, d.kind
        for place in self.places_in(key):
            if place in repeated:
                continue
            above = place if kind[place] == "section" else parent[place]
            while above != NO_PLACE:
                name = node[above]
                counts[name] = counts.get(name, 0) + 1
                above = parent[above]
        return counts


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
    BITS_KEPT = 16  # needles' byte-per-unit integers kept (at 10,000 reports, 300 kB each)
    # A first answer covers the first reports holding this many units (`filter_head`), when
    # the open reports hold `HEAD_SHARE` times more: below that, the whole answer comes
    # about as soon, and a first answer would only add a repaint before it
    HEAD_UNITS = 10_000
    HEAD_SHARE = 10
    # ... and when the whole answer, extrapolated from the head's, matches this many units
    # or more: a smaller one comes as soon (it would wait for the first one to be drawn)
    HEAD_WORTH = 20_000
    SECTIONS_KEPT = 20_000  # sections the hit rule has read, kept for the next keystroke
    answers_in_worker = True  # the browser asks from a thread (a query may read the disk)

    def __init__(self, reader: StoreReader, reports: Sequence[StoredReport]) -> None:
        self.reader = reader
        self.reports = list(reports)
        self._report_of = {report.store_id: report for report in self.reports}
        self._needles: OrderedDict[str, Places] = OrderedDict()  # needle -> places
        self._bits: OrderedDict[str, int] = OrderedDict()  # needle -> `_bits_with`
        self._reading: dict[str, threading.Event] = {}  # needles being read, by one thread
        self._lock = threading.Lock()
        self._sections: OrderedDict[int, _SectionParts | None] = OrderedDict()
        self._directory: _Directory | None = None  # read once, by `prepare` or a keystroke
        self._directory_lock = threading.Lock()
        self._search: object | None = None  # a `store.StoreSearch`, made when first ranked

    # -- matching -------------------------------------------------------------------------

    def units_with(self, needle: str) -> set[int]:
        """The units (store row ids) of the open reports whose folded text holds `needle`."""
        place_of = self._units().place_of
        return place_of.keys() & self._rows_with(needle)

    def _rows_with(self, needle: str) -> Iterator[int]:
        holding, parameter = holding_query(needle)
        return map(_first, self.reader.connection().execute(holding, (parameter,)))

    def _places_with(self, needle: str, head: tuple[int, int, int] | None = None) -> Places:
        """The places of the units whose folded text holds `needle`, sorted (cached; an
        array, which holds no references for the garbage collector to walk); with `head`
        (`_head()`), only those before its first place past the head, read from the store's
        rows in the head's range of row ids unless the whole answer is cached."""
        while True:
            with self._lock:
                cached = self._needles.get(needle)
                if cached is not None:
                    self._needles.move_to_end(needle)
                    return cached if head is None else cached[: bisect_left(cached, head[0])]
                reading = self._reading.get(needle)
                if reading is None and head is None:
                    reading = self._reading[needle] = threading.Event()
                    break
            if reading is None:  # (a head's places are not kept)
                return self._read_places(needle, head) if needle else array("q")
            reading.wait()  # another thread reads it (a read ahead): then from the cache
        try:
            found = self._read_places(needle, None) if needle else array("q")
            with self._lock:
                self._needles[needle] = found
                if len(self._needles) > self.CACHE_SIZE:
                    self._needles.popitem(last=False)
        finally:
            with self._lock:
                del self._reading[needle]
            reading.set()  # (read, or given up: a waiting thread reads it then)
        return found

    def read_ahead(self, query: Query | str, cancelled: Callable[[], bool]) -> None:
        """Read the places of the needles `query` names into the cache, so that its filter,
        asked a moment later (the filter bar waits for typing to settle), finds them there:
        a first read of a short needle is most of a keystroke's work. Once `cancelled()`
        (the next key), the read stops."""
        q = _as_query(query)
        needles = [term.folded for term in (*q.terms, *q.excluded)]
        db = self.reader.connection()
        db.set_progress_handler(lambda: int(cancelled()), 10_000)
        try:
            for needle in needles:
                if cancelled():
                    return
                self._places_with(needle)
        except sqlite3.Error:
            pass  # given up (or the store went): the filter reads it
        finally:
            db.set_progress_handler(None, 0)

    def _read_places(self, needle: str, head: tuple[int, int, int] | None) -> Places:
        """`_places_with` read from the store (not empty `needle`)."""
        d, db = self._units(), self.reader.connection()
        if len(needle) < TRIGRAM:  # its packed postings where it is common
            return self._read_short(needle, head)
        holding, parameter = holding_query(needle)
        if d.first_id is not None:  # a place is its row id less the first one's: in order
            last = d.first_id + (len(d) if head is None else head[0]) - 1
            rows = db.execute(
                holding + " AND rowid BETWEEN ? AND ? ORDER BY rowid",
                (parameter, d.first_id, last),
            )
            return array("q", map(sub, map(_first, rows), repeat(d.first_id)))
        if head is None:
            rows = db.execute(holding, (parameter,))
            places = map(d.place_of.get, map(_first, rows), repeat(NO_PLACE))
            return array("q", sorted(filterfalse(NO_PLACE.__eq__, places)))  # (not open)
        below, low, high = head
        rows = db.execute(holding + " AND rowid BETWEEN ? AND ?", (parameter, low, high))
        places = map(d.place_of.get, map(_first, rows), repeat(NO_PLACE))
        return array("q", sorted(filter(range(below).__contains__, places)))

    def _read_short(self, needle: str, head: tuple[int, int, int] | None) -> Places:
        """`_read_places` of a needle of one or two characters (`store.short_postings`)."""
        d, db = self._units(), self.reader.connection()
        if d.first_id is not None:  # a place is its row id less the first one's
            last = d.first_id + (len(d) if head is None else head[0]) - 1
            return short_postings(db, needle, d.first_id, last, base=d.first_id)
        below, low, high = head if head is not None else (len(d), 0, _LAST_ROW_ID)
        places = map(d.place_of.get, short_postings(db, needle, low, high), repeat(NO_PLACE))
        return array("q", sorted(filter(range(below).__contains__, places)))  # (open ones)

    def _head(self) -> tuple[int, int, int] | None:
        """The first reports holding `HEAD_UNITS` units or more: the place past them and the
        lowest and highest row id among their units; None when the open reports hold
        fewer than `HEAD_SHARE` times as many units, or when other reports' units lie
        between theirs (the store's rows would be read for little: its row ids scattered)."""
        d = self._units()
        if len(d) < self.HEAD_UNITS * self.HEAD_SHARE:
            return None
        at = bisect_left(d.ends, self.HEAD_UNITS)
        if at >= len(d.ends) - 1:
            return None
        below = d.ends[at]
        ids = d.unit_id[:below]
        low, high = min(ids), max(ids)
        if high - low >= 2 * below:
            return None
        return below, low, high

    def prepare(self, cancelled: Callable[[], bool] | None = None) -> None:
        """Read every unit's place now, off the UI thread, so that keystrokes find them in
        memory; once `cancelled()` is true (quitting), it stops."""
        db = self.reader.connection()
        if cancelled is not None:
            db.set_progress_handler(lambda: int(cancelled()), 10_000)
        try:
            self._units()
        except sqlite3.Error:
            pass  # given up (or the store went): the first keystroke reads them
        finally:
            if cancelled is not None:
                db.set_progress_handler(None, 0)

    def _units(self) -> _Directory:
        with self._directory_lock:
            if self._directory is None:
                rows = self.reader.connection().execute(
                    "SELECT id, report_id, ordinal, node_id, kind, parent FROM units"
                )
                self._directory = _Directory(rows.fetchall(), self.reports)
            return self._directory

    def _all_places(self, head: tuple[int, int, int] | None = None) -> set[int]:
        return set(range(len(self._units()) if head is None else head[0]))

    def _places_named(self, node_ids: Iterable[str]) -> set[int]:
        """The places of the units with these ids among the open reports."""
        wanted = [n for n in node_ids if "/" in n]
        db = self.reader.connection()
        found: set[int] = set()
        place_of = self._units().place_of
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(f"SELECT id FROM units WHERE node_id IN ({marks})", chunk)
            found.update(place_of[i] for (i,) in rows if i in place_of)
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
        return self._asking(q, allow_words, tagged, cancelled, None) or FilterResult(q)

    def filter_head(
        self,
        query: Query | str,
        *,
        allow_words: bool = True,
        tagged: Callable[[str], Collection[str]] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> FilterResult | None:
        """`filter`'s answer for the first reports alone (those holding the first
        `HEAD_UNITS` units): for them, the same ids, ancestors, counts and hits as the whole
        answer, found in a few milliseconds however common the query's terms are; what
        the outline shows first. None when the query has no text (its fields or tags are
        answered whole at once), there is no head (few reports, scattered row ids), or the
        whole answer would be small (`HEAD_WORTH` matching units, extrapolated)."""
        q = _as_query(query)
        if q.is_empty or not q.has_text:
            return None
        head = self._head()
        if head is None:
            return None
        return self._asking(q, allow_words, tagged, cancelled, head)

    def _asking(
        self,
        q: Query,
        allow_words: bool,
        tagged: Callable[[str], Collection[str]] | None,
        cancelled: Callable[[], bool] | None,
        head: tuple[int, int, int] | None,
    ) -> FilterResult | None:
        """`_filter`, stopped when `cancelled()`; None if the store failed under us (a
        damaged one raises: `store.is_damaged`)."""
        db = self.reader.connection()
        if cancelled is not None:
            db.set_progress_handler(lambda: int(cancelled()), 10_000)
        try:
            return self._filter(q, allow_words, tagged, cancelled, head)
        except sqlite3.Error as error:
            if cancelled is not None and cancelled():
                raise FilterCancelled from error
            if is_damaged(error):
                raise  # the caller says so: "no match" would hide it
            return None  # the store changed under us: nothing, rather than a crash
        finally:
            if cancelled is not None:
                db.set_progress_handler(None, 0)

    def _filter(
        self,
        q: Query,
        allow_words: bool,
        tagged: Callable[[str], Collection[str]] | None,
        cancelled: Callable[[], bool] | None,
        head: tuple[int, int, int] | None = None,
    ) -> FilterResult | None:
        """The answer (None: with `head`, one the head cannot give alone)."""
        d = self._units()
        words: Places = array("q")
        pending = False
        single = self._single_term(q, head)
        bits: int | None = None  # the matched places as a byte per unit, when made
        masked = None
        if single is None:
            masked = self._masked_terms(q, head, allow_words, segment.is_loaded())
        if single is not None:
            matched, needles = single
        elif masked is not None:
            if head is not None and not masked.complete:
                return None  # (as below)
            matched, needles, bits = masked.places, masked.needles, masked.bits
            words, pending = masked.words, masked.pending
        else:
            matched_set, words_units, _, plans, pending = match_query(
                q,
                lambda needle: self._places_with(needle, head),
                lambda: self._all_places(head),
                allow_words=allow_words,
                words_ready=segment.is_loaded(),
            )
            if head is not None and any(p.kind != "exact" or not p.units for p in plans):
                # a term the head lacks may be found verbatim further on, or through its
                # words: how it matches is the whole corpus's to say
                return None
            matched = array("q", sorted(matched_set))
            words = array("q", sorted(words_units))
            needles = [n for plan in plans for n in plan.needles]
            del matched_set
        if cancelled is not None and cancelled():
            raise FilterCancelled
        if head is not None and len(matched) * len(d) < self.HEAD_WORTH * head[0]:
            return None  # a small answer: the whole one comes about as soon
        if q.has_fields and not q.has_text:
            matched = d.top
        if q.has_tags or q.has_fields:
            bits = None
        if q.has_tags:
            matched = array("q", self._by_tags(q, matched, tagged))
        if q.has_fields:  # as `SearchIndex._by_fields`: the reports' metadata
            allowed = {r.sha256: q.report_matches(r) for r in self.reports}
            matched = array(
                "q", compress(matched, map(allowed.__getitem__, map(d.sha.__getitem__, matched)))
            )
        # Each matching unit is a hit, except that a section and its matching items are one
        # hit between them (`search.is_hit`: the section, or the one item holding all its
        # matches), counted in the same places whichever it is (an item's count keys are
        # its section's): the counts need no rule; which unit is the hit is decided only
        # when the hits are read, as far as they are (the cursor's first, n / N onwards).
        parent = d.parent
        tally = d.tally(matched, words, bits)
        if cancelled is not None and cancelled():
            raise FilterCancelled
        found = _Found(d, matched, tally)
        counts = tally.counts
        sectioned = frozenset(compress(d.keys, map(gt, counts, tally.outside)))
        word_ids = NodeSet(
            found,
            lambda key: frozenset(map(d.node.__getitem__, found.places_in(key, tally.words))),
            lambda: tally.words,
        )
        kind = d.kind

        def section_of(place: int) -> int | None:
            section = parent[place]
            return section if _holds(matched, section) else None

        # the sections whose hit may be an item of theirs (the only ones the rule reads)
        is_repeated = tally.is_repeated

        def sole_item(section: int) -> int | None:
            if not any(map(is_repeated, d.items_of(section))):
                return None
            return self._sole_item(section, matched, needles)

        hit_places = iter_hit_units(matched, kind.__getitem__, section_of, sole_item)
        return FilterResult(
            query=q,
            ids=NodeSet(found, found.ids_in, lambda: matched),
            ancestors=NodeSet(
                found, found.ancestors_in, lambda: array("q", sorted(d.ancestors(matched)))
            ),
            order=LazyHits(map(d.node.__getitem__, matched), total=len(matched)),
            report_counts=dict(compress(zip(d.shas, counts, strict=True), counts)),
            section_counts=ReportSectionCounts(found, sectioned),
            word_ids=word_ids,
            words_pending=pending,
            hits=LazyHits(
                map(d.node.__getitem__, hit_places), total=len(matched) - tally.repeated_count
            ),
            needles=tuple(dict.fromkeys(needles)),
            _sectioned=sectioned,
            _in_report=found.in_report,
        )

    def _single_term(
        self, q: Query, head: tuple[int, int, int] | None
    ) -> tuple[Places, list[str]] | None:
        """A query of one term alone, found verbatim (or a phrase): its places (sorted) and
        needles as `match_query` would give them, without the sets it combines terms with
        (a copy of 200,000 places, then sorted again); None for any other query, or when
        the term is not found (its words may match: `match_query` decides)."""
        if len(q.groups) != 1 or len(q.groups[0]) != 1 or q.excluded:
            return None
        term = q.groups[0][0]
        places = self._places_with(term.folded, head)
        if not places:
            return None
        return places, [term.folded]

    def _masked_terms(
        self, q: Query, head: tuple[int, int, int] | None, allow_words: bool, words_ready: bool
    ) -> _Masked | None:
        """A query's matches as `match_query` finds them (the groups ANDed, the terms of a
        group ORed, the excluded terms removed; a term not found verbatim matched through
        its words, `search.plan_term`), combined as whole integers of a byte per unit
        instead of sets of 200,000 places; a term's words counted per unit by adding
        theirs (a byte holds how many of them the unit holds). None for a query without
        text terms."""
        if not q.groups and not q.excluded:
            return None
        size = len(self._units()) if head is None else head[0]
        found = _Masked()
        matched: int | None = None
        words = 0  # the units a group matches only through words
        for group in q.groups:
            either = exact = 0
            for term in group:
                bits, is_exact = self._term_bits(term, head, size, allow_words, words_ready, found)
                either |= bits
                if is_exact:
                    exact |= bits
            words |= either & ~exact
            matched = either if matched is None else matched & either
        if matched is None:  # excluded terms alone: from every unit
            matched = int.from_bytes(b"\1" * size, "little")
        for term in q.excluded:
            if matched:
                matched &= ~self._bits_with(term.folded, head, size)
        found.bits = matched
        found.places = array("q", compress(range(size), matched.to_bytes(size, "little")))
        if words & matched:
            found.words = array(
                "q", compress(range(size), (words & matched).to_bytes(size, "little"))
            )
        return found if found.maskable else None

    def _term_bits(
        self,
        term: Term,
        head: tuple[int, int, int] | None,
        size: int,
        allow_words: bool,
        words_ready: bool,
        found: _Masked,
    ) -> tuple[int, bool]:
        """`search.plan_term` as a whole integer of a byte per unit: the units matching
        `term`, and whether it matched verbatim (its needles, its completeness and a
        words fallback put off are noted in `found`)."""
        places = self._places_with(term.folded, head)
        if places or term.phrase:
            found.needles.append(term.folded)
            found.complete = found.complete and bool(places)
            return self._bits_with(term.folded, head, size), True
        found.complete = False
        if head is not None or not allow_words or len(term.folded) < 2:
            return 0, True  # (the head answers no term it lacks: how is the whole's to say)
        if not words_ready:
            found.pending = True
            return 0, False
        words = segment.words(term.folded)
        if not words or words == [term.folded]:
            return 0, False
        if len(words) > 255:  # (a byte counts them no further: `match_query` does)
            found.maskable = False
            return 0, False
        held = 0  # per unit, how many of the words it holds (a byte each)
        for word in words:
            held += self._bits_with(word, head, size)
        enough = bytes(int(words_suffice(n, len(words))) for n in range(256))
        found.needles.extend(words)
        return int.from_bytes(held.to_bytes(size, "little").translate(enough), "little"), False

    def _bits_with(self, needle: str, head: tuple[int, int, int] | None, size: int) -> int:
        """`_places_with` as a whole integer of a byte per unit (the last `BITS_KEPT` of
        the whole answers kept: the next keystroke's query often holds the same term)."""
        if head is not None:
            return _bits_of(self._places_with(needle, head), size)
        with self._lock:
            kept = self._bits.get(needle)
            if kept is not None:
                self._bits.move_to_end(needle)
                return kept
        bits = _bits_of(self._places_with(needle), size)
        with self._lock:
            self._bits[needle] = bits
            if len(self._bits) > self.BITS_KEPT:
                self._bits.popitem(last=False)
        return bits

    def _by_tags(
        self, q: Query, matched: Sequence[int], tagged: Callable[[str], Collection[str]] | None
    ) -> Sequence[int]:
        """As `SearchIndex._by_tags`, with the enclosing sections from the directory."""
        if tagged is None:
            return [] if q.tags else matched
        wanted = [set(tagged(tag)) for tag in q.tags]
        unwanted: set[str] = set().union(*(tagged(tag) for tag in q.excluded_tags))
        d = self._units()
        if not q.has_text:
            if wanted:
                matched = sorted(self._places_named(set.intersection(*wanted)))
            elif not q.has_fields:  # (with fields, `matched` holds the reports' top units)
                matched = list(range(len(d)))
        kept: list[int] = []
        for place in matched:
            nodes = {d.node[place], d.report_key[d.report[place]]}
            above = d.parent[place]
            while above != NO_PLACE:
                nodes.add(d.node[above])
                above = d.parent[above]
            if all(nodes & ids for ids in wanted) and not nodes & unwanted:
                kept.append(place)
        return kept

    def _sole_item(self, section: int, matched: Places, needles: list[str]) -> int | None:
        """`search.item_holding_all` for one section, from the store's rows: its heading,
        its body and its items' texts (each placed in the body where it occurs, when it
        occurs once; else the report's body is read for the items' exact places)."""
        parts = self._section_parts(section)
        if parts is None:
            return None
        heading, body, ranges = parts
        if not ranges or any(needle and needle in heading for needle in needles):
            return None
        extent = match_extent(body, needles)
        if not extent:
            return None
        node = self._units().node
        places = {node[p]: p for p in self._units().items_of(section) if _holds(matched, p)}
        return range_holding_all(ranges, extent, places.get)

    def _section_parts(self, section: int) -> _SectionParts | None:
        with self._lock:
            if section in self._sections:
                self._sections.move_to_end(section)
                return self._sections[section]
        found = self._section_rows(section)
        parts: _SectionParts | None = None
        if found is not None:
            (heading, folded), items = found
            heading_folded, body = _split_folded(heading, folded)
            parts = (
                heading_folded,
                Folded(body, len(body)),
                self._item_ranges(section, body, items),
            )
        with self._lock:
            self._sections[section] = parts
            if len(self._sections) > self.SECTIONS_KEPT:
                self._sections.popitem(last=False)
        return parts

    def _section_rows(
        self, section: int
    ) -> tuple[tuple[str, str], list[tuple[str, str, str]]] | None:
        """A section's heading and folded text, and its items' (id, heading, folded text),
        read from the store."""
        d = self._units()
        cursor = self.reader.connection().execute(
            "SELECT node_id, kind, heading, folded FROM units"
            " WHERE report_id=? AND ordinal>=? ORDER BY ordinal",
            (d.report[section], d.ordinal[section]),
        )
        try:
            first = cursor.fetchone()
            if first is None or first[0] != d.node[section]:
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
        self, section: int, body: str, items: list[tuple[str, str, str]]
    ) -> list[tuple[str, int, int]]:
        """Each item's place in the section's folded body, where its folded text occurs
        once (folding is character by character: an item's folded text is the folded
        body's slice at its place)."""
        ranges: list[tuple[str, int, int]] = []
        for item_id, heading, folded in items:
            text = _split_folded(heading, folded)[1]
            start = body.find(text)
            if start < 0 or body.find(text, start + 1) >= 0:
                return self._exact_ranges(section)  # not once: the report says where
            ranges.append((item_id, start, start + len(text)))
        return ranges

    def _exact_ranges(self, section: int) -> list[tuple[str, int, int]]:
        """The items' places from the report itself, in folded offsets."""
        d = self._units()
        report = self._report_of.get(d.report[section])
        found = report.find(d.node[section]) if report is not None else None
        if found is None:
            return []
        starts = [0]
        for paragraph in found.paragraphs:
            starts.append(starts[-1] + len(paragraph) + 1)
        offsets = fold("\n".join(found.paragraphs)).offsets

        def folded(at: int) -> int:  # the first folded character of original character `at`
            return at if offsets is None else bisect_left(offsets, at)

        return [
            (
                item.id,
                folded(starts[item.paragraph] + item.start),
                folded(starts[item.paragraph] + item.end),
            )
            for item in found.items
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

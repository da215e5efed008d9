"""Reports read from a store: the same reports as parsed (bodies read when first used), and
the browser's filter answered from the store exactly as the in-memory index answers it."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from pathlib import Path

import pytest

from govread.corpus import load, sample_paths
from govread.node_ids import report_id
from govread.parsers.model import Report
from govread.search import SearchIndex
from govread.store_filter import StoreIndex
from govread.store_library import (
    StoredReport,
    StoreReader,
    StoreReadError,
    has_sections,
    read_outline,
)


@pytest.fixture(scope="module")
def samples() -> list[Report]:
    return load(sample_paths(), use_cache=False).reports


@pytest.fixture(params=["by-places", "by-mask"])
def tallied(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The answer's counts tallied over the matched places, or over a byte per unit
    (`_Tally`), whatever share of the units match: the same answers."""
    from govread.store_filter import _Directory

    monkeypatch.setattr(_Directory, "MASK_SHARE", 0 if request.param == "by-places" else 10**9)
    return str(request.param)


@pytest.fixture(scope="module", params=["few-packed", "most-packed"])
def sample_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, samples: list[Report]
) -> Path:
    """The samples' store (tests/conftest.py), with the short needles' postings packed as
    `govread index` packs them (the grams of at least 64 units: few of the samples'), or
    with every gram of at least two units packed: the filter reads packed segments, and
    the postings elsewhere, within one needle."""
    import os

    from govread import store

    path = tmp_path_factory.mktemp("store") / "store.sqlite3"
    kept = store.PACK_MIN
    if request.param == "most-packed":
        store.PACK_MIN = 2
    try:
        with store.Store(path) as opened, opened.transaction():
            for report in samples:
                assert report.path is not None
                stamp = os.stat(report.path)
                opened.put(report, {}, size=stamp.st_size, mtime_ns=stamp.st_mtime_ns)
    finally:
        store.PACK_MIN = kept
    return path


def test_stored_reports_are_the_parsed_reports(sample_store: Path, samples: list[Report]) -> None:
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    assert not found.missing and not found.duplicates
    assert [r.path for r in found.reports] == [r.path for r in samples]
    for stored, parsed in zip(found.reports, samples, strict=True):
        # known from the rows alone, before the body is read
        assert not stored.loaded
        assert report_id(stored) == report_id(parsed)
        assert has_sections(stored) == bool(parsed.sections)
        assert stored.display_title == parsed.display_title
        assert not stored.loaded
        for field in dataclasses.fields(Report):
            assert getattr(stored, field.name) == getattr(parsed, field.name), field.name
        assert stored.loaded


def test_a_stored_report_can_be_replaced_like_any_report(sample_store: Path) -> None:
    stored = read_outline(StoreReader(sample_store)).reports[0]
    moved = dataclasses.replace(stored, path="elsewhere.txt")
    assert isinstance(moved, StoredReport) and moved.loaded
    assert moved.path == "elsewhere.txt" and moved.sections == stored.sections


def test_a_stored_report_goes_to_another_process_whole(
    sample_store: Path, samples: list[Report]
) -> None:
    import pickle

    stored = read_outline(StoreReader(sample_store), [str(samples[0].path)]).reports[0]
    sent = pickle.loads(pickle.dumps(stored))
    assert type(sent) is Report and sent == samples[0]


def test_outline_scope_and_missing_files(sample_store: Path, samples: list[Report]) -> None:
    wanted = [str(samples[2].path), "/no/such/report.txt", str(samples[0].path)]
    found = read_outline(StoreReader(sample_store), wanted)
    assert [r.path for r in found.reports] == [samples[2].path, samples[0].path]
    assert found.missing == ["/no/such/report.txt"]


def test_what_is_not_a_store_is_told(tmp_path: Path) -> None:
    with pytest.raises(StoreReadError, match="no such store"):
        StoreReader(tmp_path / "absent.sqlite3")
    other = tmp_path / "other.sqlite3"
    import sqlite3

    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreReadError, match="not a govread store"):
        StoreReader(other)


FILTER_QUERIES = [
    "行政复议",
    "复议",  # two characters: below the trigram index
    "法",
    "行政 复议",
    "行政复议 | 信访 -应诉",
    "-信访",
    '"依法行政"',
    "１００％",
    "不存在的词语组合乙",
    "规范执法人员资格",  # nowhere verbatim: its words wait for jieba
    "tag:重点",
    "执法 tag:重点",
    "法治 -tag:重点",
    "genre:法治",  # report fields alone: the reports' top units
    "复议 -province:湖北",
    "year:2021-2023 tag:重点",
]


def test_filter_from_the_store_is_the_in_memory_filter(
    sample_store: Path, samples: list[Report], tallied: str
) -> None:
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    in_memory = SearchIndex.build(samples, use_cache=False)
    # tags on a report, a section and an item of the samples
    first = samples[0]
    section = first.sections[0]
    item_section = next(s for r in samples for s in r.walk() if s.items)
    tags = {"重点": {report_id(samples[1]), section.id, item_section.items[0].id}}

    def tagged(tag: str) -> Collection[str]:
        return tags.get(tag, set())

    compared = [f.name for f in dataclasses.fields(from_store.filter("x")) if f.name[0] != "_"]
    nonempty = 0
    for query in FILTER_QUERIES:
        expected = in_memory.filter(query, tagged=tagged)
        answered = from_store.filter(query, tagged=tagged)
        for name in compared:
            assert getattr(answered, name) == getattr(expected, name), (query, name)
        nonempty += bool(expected.total)
        for unit_id in expected.hits[:3]:
            ref = in_memory.unit_text(unit_id)
            assert ref is not None
            assert answered.heading_spans(unit_id, ref[0]) == expected.heading_spans(
                unit_id, ref[0]
            )
            assert answered.spans(ref[1]) == expected.spans(ref[1])
    assert nonempty >= 8  # the comparison is not between empty answers


def test_short_needles_from_the_postings_are_the_substring_test(
    sample_store: Path, samples: list[Report]
) -> None:
    """Under three characters the postings of characters and pairs answer: the units holding
    every character and pair of the samples (and some held nowhere: other scripts, a space,
    a quote, a character outside the BMP) are exactly those whose folded text holds it."""
    import sqlite3

    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    db = sqlite3.connect(sample_store)
    units = db.execute("SELECT id, folded FROM units").fetchall()
    db.close()
    text = "".join(folded for _, folded in units)
    needles = set(text) | {text[i : i + 2] for i in range(0, len(text) - 1, 7)}
    needles |= {"ab", " ", '"', '""', "'", "𠀀", "𠀀x", "Ω", "a\n"}
    assert len(needles) > 2000
    for needle in sorted(needles):
        expected = {i for i, folded in units if needle in folded}
        assert from_store.units_with(needle) == expected, needle


SHORT_QUERIES = [
    "法",
    "复议 -法",
    '"复议"',
    "法 | 访",
    "-法",
    "。",
    "复议 year:2021-2023",
    "信访 -province:湖北",
    "%",
    "x",
    "年度",
]


@pytest.mark.parametrize("from_report", [False, True], ids=["from-rows", "from-report"])
def test_short_queries_from_the_store_are_the_in_memory_filter(
    sample_store: Path,
    samples: list[Report],
    monkeypatch: pytest.MonkeyPatch,
    from_report: bool,
    tallied: str,
) -> None:
    """The item rule places items in the folded body from the units' rows, or (an item's
    text occurring twice) from the report: the same hits either way."""
    if from_report:
        monkeypatch.setattr(
            StoreIndex, "_item_ranges", lambda self, row, body, items: self._exact_ranges(row)
        )
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    in_memory = SearchIndex.build(samples, use_cache=False)
    for query in SHORT_QUERIES:
        expected, answered = in_memory.filter(query), from_store.filter(query)
        assert answered.ids == expected.ids and answered.hits == expected.hits, query
        assert answered.section_counts == expected.section_counts, query
        assert answered.report_counts == expected.report_counts, query


def test_a_stale_filter_stops(sample_store: Path, samples: list[Report]) -> None:
    """A newer keystroke cancels the filter: its SQLite query is interrupted, its work
    given up; the next filter answers as ever."""
    from govread.store_filter import FilterCancelled

    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    from_store.prepare(cancelled=lambda: True)  # quitting: given up, nothing half-kept
    with pytest.raises(FilterCancelled):
        from_store.filter("法", cancelled=lambda: True)
    expected = SearchIndex.build(samples, use_cache=False).filter("法")
    assert from_store.filter("法", cancelled=lambda: False).hits == expected.hits
    # no SQL left to interrupt (the needle's units are cached): the Python work after the
    # match stops too, at the first check once the query is stale
    asked = iter([False])
    with pytest.raises(FilterCancelled):
        from_store.filter("法", cancelled=lambda: next(asked, True))
    assert next(asked, None) is None  # it was asked again after the first answer


def test_the_first_screen_comes_before_the_rest_is_read(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    from govread import store_library

    monkeypatch.setattr(store_library, "FIRST_SCREEN", 2)
    early: list[list[str | None]] = []
    found = read_outline(
        StoreReader(sample_store),
        first_screen=lambda reports: early.append([r.path for r in reports]),
    )
    paths = [r.path for r in found.reports]
    assert paths == sorted(str(r.path) for r in samples)  # path order, as always
    assert early == [paths[:2]]
    # named files keep their order; nothing comes early
    read_outline(StoreReader(sample_store), [str(samples[1].path)], first_screen=early.append)
    assert len(early) == 1


def test_the_store_decides_which_unit_is_the_hit_only_when_the_hits_are_read(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts come without the item rule (a section and its matching items are one hit
    whichever it is); the rule runs for the hits read, the first one first."""
    looked: list[int] = []
    sole_item = StoreIndex._sole_item

    def counting(self: StoreIndex, section: int, *args: object) -> int | None:
        looked.append(section)
        return sole_item(self, section, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(StoreIndex, "_sole_item", counting)
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    expected = SearchIndex.build(samples, use_cache=False).filter("法")
    answered = from_store.filter("法")
    assert answered.total == expected.total > 20 and not looked
    assert answered.report_counts == expected.report_counts
    assert answered.hits[0] == expected.hits[0]
    first = len(looked)
    assert first < 10
    assert list(answered.hits) == list(expected.hits) and len(looked) > first


def test_a_reports_part_of_the_answer_is_the_whole_answers_and_nothing_per_unit_is_walked(
    sample_store: Path, samples: list[Report], tallied: str
) -> None:
    """The outline asks a store's answer one report at a time (`in_report`): the same ids,
    ancestors and counts as the whole answer holds for that report. What the index keeps
    per unit (its columns, the needles' places) holds nothing for the garbage collector to
    walk: no list or set of objects, one per unit."""
    import gc

    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    for query in ("法", "行政复议", "行政 -复议", "-信访"):
        answer = from_store.filter(query)
        assert answer.total, query
        counts = dict(answer.section_counts)
        for report in samples:
            key = report_id(report)

            def of_report(ids: Collection[str], key: str = key) -> set[str]:
                return {i for i in ids if i.split("/", 1)[0] == key}

            part = answer.in_report(key)
            assert set(part.ids) == of_report(answer.ids), query
            assert set(part.ancestors) == of_report(answer.ancestors), query
            assert dict(part.section_counts) == {k: counts[k] for k in of_report(counts)}
            assert all(i in answer.ids for i in part.ids)
    gc.collect()  # (a tuple of strings is left alone from its first collection on)
    directory = from_store._directory
    assert directory is not None
    columns = [getattr(directory, name) for name in directory.__slots__]

    def walked(column: object) -> bool:  # (an array is tracked, but refers to its type alone)
        return gc.is_tracked(column) and len(gc.get_referents(column)) > 1

    assert not [c for c in columns if walked(c) and not isinstance(c, dict)]
    assert not any(map(walked, from_store._needles.values()))


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [2, 0, 4, 1, 3]], ids=["stored", "shuffled"])
def test_the_first_reports_answer_is_the_whole_answers_for_them(
    sample_store: Path,
    samples: list[Report],
    monkeypatch: pytest.MonkeyPatch,
    order: list[int],
    tallied: str,
) -> None:
    """`filter_head` answers for the first reports alone (the outline's first screen): for
    them, the same reports, counts, ids, ancestors, sections with hits and first hit as
    the whole answer, whatever order the store's rows are in; None where the head cannot
    say alone (a term it lacks may be found further on, verbatim or by its words; no text;
    a head of every report)."""
    opened = [samples[n] for n in order]
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in opened])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    assert from_store.filter_head("法") is None  # five reports: no head worth it
    # stored order: a place is its row id less the first; else looked up
    assert (from_store._units().first_id is None) == (order != sorted(order))
    monkeypatch.setattr(StoreIndex, "HEAD_SHARE", 1)
    monkeypatch.setattr(StoreIndex, "HEAD_WORTH", 0)
    first_two = opened[:2]
    # the head: the first two reports
    monkeypatch.setattr(StoreIndex, "HEAD_UNITS", from_store._units().ends[0] + 1)
    head = from_store._head()
    assert head is not None and head[0] == from_store._units().ends[1]
    keys = {report_id(r) for r in first_two}
    shas = {r.sha256 for r in first_two}
    answered = 0
    in_memory = SearchIndex.build(opened, use_cache=False)
    for query in [*FILTER_QUERIES, *SHORT_QUERIES]:
        whole = from_store.filter(query)
        if "tag:" not in query:  # (tags need the marks)
            expected = in_memory.filter(query)
            assert whole.report_counts == expected.report_counts, query
            assert whole.hits == expected.hits, query
        part = from_store.filter_head(query)
        if part is None:
            continue
        answered += 1
        assert part.report_counts == {k: v for k, v in whole.report_counts.items() if k in shas}, (
            query
        )
        for key in keys:
            assert part.in_report(key) == whole.in_report(key), query
        assert part.sectioned_reports() == whole.sectioned_reports() & keys, query
        assert part.needles == whole.needles, query
        if part.total:
            assert part.hits[0] == whole.hits[0], query
    assert answered >= 10
    assert from_store.filter_head("genre:法治") is None  # fields alone: answered whole
    assert from_store.filter_head("不存在的词语组合乙") is None  # nowhere in the head
    assert from_store.filter_head("法") is not None
    monkeypatch.setattr(StoreIndex, "HEAD_WORTH", 10**9)  # a whole answer quick anyway
    assert from_store.filter_head("法") is None
    monkeypatch.setattr(StoreIndex, "HEAD_UNITS", 10**9)  # a head of every report
    assert from_store._head() is None


def test_reading_ahead_fills_the_cache_and_stops_at_the_next_key(
    sample_store: Path, samples: list[Report]
) -> None:
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    from_store.read_ahead("复议 -法", cancelled=lambda: True)  # the next key came at once
    assert not from_store._needles
    from_store.read_ahead("复议 -法", cancelled=lambda: False)
    assert set(from_store._needles) == {"复议", "法"}
    expected = SearchIndex.build(samples, use_cache=False).filter("复议 -法")
    assert from_store.filter("复议 -法").hits == expected.hits


def test_the_byte_tally_holds_only_where_items_follow_their_sections() -> None:
    """`_Tally.of_mask` carries a section's match through the items after it: it is used
    only where each item follows its section or a sibling item."""
    from array import array

    from govread.store_filter import _items_follow_their_sections

    # a section, its two items, a closing
    assert _items_follow_their_sections(b"\0\1\1\0", b"\1\0\0\0", array("q", [-1, 0, 0, -1]))
    # an item after the closing, or one whose section is not the one before it
    assert not _items_follow_their_sections(b"\0\1\0\1", b"\1\0\0\0", array("q", [-1, 0, -1, 0]))
    assert not _items_follow_their_sections(b"\0\0\1", b"\1\1\0", array("q", [-1, -1, 0]))


WORD_QUERIES = [
    "规范执法人员资格",  # nowhere verbatim: matched through its words
    "规范执法人员资格 复议",
    "行政执法监督检查 | 信访",
    "执法人员资格 -信访",
    '"规范执法人员资格" | 法治',  # a phrase: never through words
]


@pytest.mark.word_search
def test_terms_matched_through_their_words_from_the_store_are_the_in_memory_filter(
    sample_store: Path, samples: list[Report], tallied: str
) -> None:
    """With jieba loaded, a term found nowhere verbatim matches the units holding enough of
    its words: from the store (their places counted per unit over a byte each) as in
    memory, with the same needles and the same units marked as matched by words."""
    from govread import segment

    segment.ensure_loaded()
    found = read_outline(StoreReader(sample_store), [str(r.path) for r in samples])
    from_store = StoreIndex(StoreReader(sample_store), found.reports)
    in_memory = SearchIndex.build(samples, use_cache=False)
    compared = [f.name for f in dataclasses.fields(from_store.filter("x")) if f.name[0] != "_"]
    by_words = 0
    for query in WORD_QUERIES:
        expected, answered = in_memory.filter(query), from_store.filter(query)
        for name in compared:
            assert getattr(answered, name) == getattr(expected, name), (query, name)
        by_words += bool(expected.word_ids)
    assert by_words >= 3  # (the words fallback was taken)


def test_a_filter_over_a_damaged_store_raises_its_damage_and_a_changed_one_answers_none(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA C2: SQLITE_CORRUPT (or NOTADB) is the caller's to say, never an empty answer
    ("no match"); another SQLite error (the store changed under us) still answers nothing."""
    import sqlite3

    from govread import store

    index = StoreIndex(
        StoreReader(sample_store),
        read_outline(StoreReader(sample_store), [str(r.path) for r in samples]).reports,
    )
    failures = {
        "malformed": (sqlite3.SQLITE_CORRUPT, "database disk image is malformed"),
        "notadb": (sqlite3.SQLITE_NOTADB, "file is not a database"),
        "vtable": (sqlite3.SQLITE_CORRUPT, "vtable constructor failed: units_fts"),
    }
    for code, words in failures.values():
        failure = sqlite3.DatabaseError(words)
        failure.sqlite_errorcode = code  # as SQLite sets it

        def failing(*args: object, failure: Exception = failure, **kwargs: object) -> None:
            raise failure

        monkeypatch.setattr(StoreIndex, "_filter", failing)
        with pytest.raises(sqlite3.DatabaseError) as raised:
            index.filter("复议")
        assert store.is_damaged(raised.value)
    busy = sqlite3.OperationalError("no such table: units_grams")
    busy.sqlite_errorcode = sqlite3.SQLITE_ERROR

    def changed(*args: object, **kwargs: object) -> None:
        raise busy

    monkeypatch.setattr(StoreIndex, "_filter", changed)
    assert index.filter("复议").total == 0

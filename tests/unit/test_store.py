"""The store: search from it answers as the in-memory index does; refresh, prune, set aside."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from govread import store
from govread.cli import main
from govread.corpus import load, sample_paths
from govread.search import Hit, SearchIndex, parse_query

QUERIES = [
    "行政复议",
    "复议",  # two characters: below the trigram index
    "法",
    "行政 复议",
    "行政复议 | 信访 -应诉",
    "-信访",
    '"依法行政"',
    "规范执法人员资格",  # found nowhere verbatim: the words fallback
    "执法 人员 资格 培训",
    "１００％",
    "不存在的词语组合乙",
    "ab",
    "year:2023",  # report fields: alone, the top of each report
    "行政复议 year:2022-2023",
    "复议 -province:湖北",
    "level:政府 genre:法治 执法",
    "level:部门",
]


def _key(hit: Hit) -> tuple[object, ...]:
    data = hit.to_json()
    data.pop("path")
    return tuple(sorted((k, json.dumps(v, ensure_ascii=False)) for k, v in data.items()))


def _copy(paths: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        shutil.copy(path, folder / path.name)
    return folder


def _index(folder: Path, db: Path) -> store.IndexSummary:
    with store.Store(db) as opened:
        return store.index(opened, [folder])


def _assert_same_hits(folder: Path, db: Path, queries: list[str]) -> None:
    index = SearchIndex.build(load([folder]).reports)
    with store.Store(db) as opened:
        searcher = store.StoreSearch(opened)
        for text in queries:
            query = parse_query(text)
            expected = [_key(hit) for hit in index.search(query)]
            found = [_key(hit) for hit in searcher.search(query)]
            assert found == expected, text


def test_search_from_the_store_matches_the_in_memory_search_on_the_samples(
    tmp_path: Path,
) -> None:
    folder = _copy(sample_paths(), tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    summary = _index(folder, db)
    assert (summary.added, summary.unchanged, summary.pruned) == (5, 0, 0)
    _assert_same_hits(folder, db, QUERIES)


def test_search_from_the_store_matches_on_a_generated_corpus(
    tmp_path: Path, write_generated: Callable[..., Path]
) -> None:
    folder = write_generated(tmp_path / "corpus", 16, seed=11)
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    _assert_same_hits(folder, db, ["行政复议", "复议", "信访 -复议", "规范执法人员资格", "法治"])


def _short_needles(raw: sqlite3.Connection) -> set[str]:
    text = "".join(f for (f,) in raw.execute("SELECT folded FROM units"))
    return set(text) | {text[i : i + 2] for i in range(0, len(text) - 1, 5)}


def _assert_postings_are_the_units(raw: sqlite3.Connection, needles: set[str]) -> None:
    """The postings of characters and pairs hold exactly the units holding each needle,
    and so do the packed ones (`short_postings`, whole or from a row id on)."""
    units = raw.execute("SELECT id, folded FROM units").fetchall()
    middle = units[len(units) // 2][0] if units else 0
    for needle in needles:
        holding, parameter = store.holding_query(needle)
        found = {i for (i,) in raw.execute(holding, (parameter,))}
        expected = [i for i, folded in units if needle in folded]
        assert found == set(expected), needle
        if len(needle) < store.TRIGRAM:
            assert list(store.short_postings(raw, needle, 0, 2**62)) == expected, needle
            shifted = store.short_postings(raw, needle, middle, 2**62, base=middle)
            assert list(shifted) == [i - middle for i in expected if i >= middle], needle


def test_a_refresh_parses_only_what_changed_and_prunes_what_vanished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "PACK_MIN", 2)  # most grams packed: dropped, packed again
    folder = _copy(sample_paths(), tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    files = sorted(folder.glob("*.txt"))
    for file in files[1:3]:  # characters that leave the store with the change below
        file.write_text(file.read_text(encoding="utf-8") + "\n鱻龘。\n", encoding="utf-8")
    _index(folder, db)
    with sqlite3.connect(db) as raw:
        needles = _short_needles(raw)
    again = _index(folder, db)
    assert (again.added, again.updated, again.unchanged, again.pruned) == (0, 0, 5, 0)
    # same bytes, new mtime: unchanged after hashing; new bytes: updated; gone: pruned
    os.utime(files[0], ns=(1, 1))
    changed = files[1].read_text(encoding="utf-8").replace("鱻龘", "新增一段关于信访复议的文字")
    files[1].write_text(changed, encoding="utf-8")
    files[2].unlink()
    summary = _index(folder, db)
    assert (summary.added, summary.updated, summary.unchanged, summary.pruned) == (0, 1, 3, 1)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM reports").fetchone() == (4,)
        (mtime,) = raw.execute(
            "SELECT mtime_ns FROM reports WHERE path=?", (str(files[0].resolve()),)
        ).fetchone()
        assert mtime == 1
        # the document frequencies follow the reports that remain
        (negative,) = raw.execute("SELECT count(*) FROM vocab WHERE df<=0").fetchone()
        assert negative == 0
        scanned = raw.execute("SELECT count(*), total(length) FROM units").fetchone()
        totals = dict(raw.execute("SELECT key, value FROM meta"))
        assert (totals["units"], totals["tokens"]) == (scanned[0], int(scanned[1]))
        # the postings of the units that went are gone with them (鱻 is held nowhere now)
        _assert_postings_are_the_units(raw, needles | _short_needles(raw))
        # every unit is in a packed segment again (the segments of the reports that went
        # were dropped, their other units packed anew)
        segments = raw.execute("SELECT first, last FROM grams_segments").fetchall()
        ids = [i for (i,) in raw.execute("SELECT id FROM units")]
        assert all(any(first <= i <= last for first, last in segments) for i in ids)
    _assert_same_hits(folder, db, ["信访复议", "行政复议", "复议", "鱻", "议新"])


def test_the_postings_the_workers_hand_over_are_those_made_from_the_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report's rows of `units_grams` are made where it is prepared (in a pool worker),
    not from the stored units, and packed from their tokens: they hold exactly the units
    holding each needle, and the packed segments are those packed again from the units'
    folded text."""
    monkeypatch.setattr(store, "PACK_MIN", 1)
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    with store.Store(db) as opened:
        raw = opened.db
        _assert_postings_are_the_units(raw, _short_needles(raw))
        query = "SELECT token, segment, units FROM grams_packed ORDER BY token, segment"
        written = raw.execute(query).fetchall()
        segments = raw.execute("SELECT * FROM grams_segments").fetchall()
        assert written and len(segments) == 1
        raw.execute("DELETE FROM grams_packed")
        raw.execute("DELETE FROM grams_segments")
        store._pack_gaps(raw)
        assert raw.execute(query).fetchall() == written


_TARGETS = (
    "SELECT report_id, node_id, paragraph, start, target, earlier FROM figures ORDER BY rowid"
)


@pytest.mark.parametrize(
    ("version", "lacking"),
    [
        (3, ["units_grams", "grams_packed", "grams_segments"]),
        (4, ["grams_packed", "grams_segments"]),
        (5, []),
    ],
)
def test_a_store_of_an_older_schema_gets_what_it_lacks_from_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int, lacking: list[str]
) -> None:
    """Schema 3 lacked the postings of short needles, schema 4 their packed segments, and
    every schema before 6 the figures' target flag: opening such a store makes them from its
    units and stored reports (no re-indexing), and search answers, and the flags are, as in
    a store made new."""
    monkeypatch.setattr(store, "PACK_MIN", 1)
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    with sqlite3.connect(db) as raw:
        fresh = raw.execute(_TARGETS).fetchall()
        for table in lacking:
            raw.execute(f"DROP TABLE {table}")
        raw.execute("ALTER TABLE figures DROP COLUMN target")  # what schemas 3 to 5 had
        raw.execute("ALTER TABLE figures DROP COLUMN earlier")
        raw.execute(f"PRAGMA user_version={version}")
    raw.close()
    assert any(row[-2] for row in fresh) and not all(row[-2] for row in fresh)  # target
    with store.Store(db) as opened:
        assert opened.notice is None and opened.report_count() == 2
        (found,) = opened.db.execute("PRAGMA user_version").fetchone()
        assert found == store.SCHEMA_VERSION
        (packed,) = opened.db.execute("SELECT count(*) FROM grams_packed").fetchone()
        assert packed > 0
        _assert_postings_are_the_units(opened.db, _short_needles(opened.db))
        assert opened.db.execute(_TARGETS).fetchall() == fresh
    _assert_same_hits(folder, db, ["复议", "法", "。"])


def test_reports_of_an_older_parser_are_refreshed(tmp_path: Path) -> None:
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE reports SET parser='0'")
    summary = _index(folder, db)
    assert (summary.updated, summary.unchanged) == (2, 0)


def test_reports_indexed_by_other_analysis_code_are_refreshed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same parser but another figure finder (or lexicon, or segmenter): the report's
    figures and topics are computed again, never served from the old code."""
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    assert _index(folder, db).unchanged == 2
    current = store.analysis_version()
    assert current.startswith(store.PARSER_VERSION + "+")
    monkeypatch.setattr(store, "_ANALYSIS_DATA", (*store._ANALYSIS_DATA, "gazetteer.tsv"))
    store.analysis_version.cache_clear()
    try:
        assert store.analysis_version() != current
        summary = _index(folder, db)
        assert (summary.updated, summary.unchanged) == (2, 0)
        with sqlite3.connect(db) as raw:
            kept = {row[0] for row in raw.execute("SELECT parser FROM reports")}
        assert kept == {store.analysis_version()}
    finally:
        store.analysis_version.cache_clear()


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + b"\xff" * 4000, None],
    ids=["damaged", "foreign"],
)
def test_a_foreign_or_damaged_file_is_set_aside(tmp_path: Path, content: bytes | None) -> None:
    db = tmp_path / "store.sqlite3"
    if content is None:
        with sqlite3.connect(db) as raw:
            raw.execute("CREATE TABLE notes (x)")
            raw.execute("INSERT INTO notes VALUES (1)")
        raw.close()
    else:
        db.write_bytes(content)
    with store.Store(db) as opened:
        assert opened.notice is not None and "moved it to" in opened.notice
        assert opened.report_count() == 0
    aside = [p for p in tmp_path.iterdir() if ".bad-" in p.name]
    assert len(aside) == 1
    if content is None:
        with sqlite3.connect(aside[0]) as raw:
            assert raw.execute("SELECT x FROM notes").fetchall() == [(1,)]
        raw.close()


@pytest.mark.parametrize("command", ["index", "search", "compare"])
def test_a_file_that_is_no_database_is_refused_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """QA: `govread index DIR --store notes.md` called the user's notes "damaged", renamed
    them notes.md.bad-<time> and made a store under their name. A file that is no SQLite
    database at all is refused by every command, and left as it was."""
    notes = tmp_path / "notes.md"
    notes.write_text("# 读书笔记\n\n行政复议\n", encoding="utf-8")
    before = notes.read_bytes()
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    args = {
        "index": ["index", str(folder)],
        "search": ["search", "复议"],
        "compare": ["compare", "咸宁", "泾县", "--corpus", str(folder)],
    }[command]
    assert main([*args, "--store", str(notes)]) != 0
    err = capsys.readouterr().err
    assert "nor any database" in err and "left as it is" in err
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md", "reports"]


def test_a_folder_at_the_store_path_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "store.sqlite3").mkdir()
    with pytest.raises(store.StoreError):
        store.Store(tmp_path / "store.sqlite3")


def test_index_and_search_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(sample_paths()[:3], tmp_path / "reports")
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "3 added, 0 updated, 0 unchanged, 0 pruned" in err
    assert "indexing: 3/3" in err  # plain progress lines when stderr is not a terminal
    assert main(["search", "行政复议", "--store", str(db), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    stored = json.loads(out)
    assert main(["search", "行政复议", str(folder), "--format", "json"]) == 0
    direct = json.loads(capsys.readouterr().out)
    assert [h["id"] for h in stored] == [h["id"] for h in direct]
    assert stored[0]["path"] == str((folder / Path(direct[0]["path"]).name).resolve())
    # a PATH narrows the stored search; a file not indexed is said
    one = sorted(folder.glob("*.txt"))[0]
    extra = folder / "new.txt"
    shutil.copy(sample_paths()[3], extra)
    code = main(["search", "法治", str(one), str(extra), "--store", str(db), "--limit", "0"])
    out, err = capsys.readouterr()
    assert "1 file never indexed" in err
    assert str(one.resolve()) in out and str(extra.resolve()) not in out
    assert code == 0
    # a PATH that is not there is said so, as without --store, not counted as never indexed
    gone = folder / "gone.txt"
    code = main(["search", "法治", str(one), str(gone), "--store", str(db), "--limit", "0"])
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"govread: error: {gone}: no such file"]
    assert str(one.resolve()) in out and code == 1
    assert main(["search", "法治", str(gone), "--store", str(db)]) == 1  # not the whole store
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines() == [f"govread: error: {gone}: no such file"]
    assert main(["search", "行政复议", "--store", str(tmp_path / "none.sqlite3")]) == 1
    assert "no such store" in capsys.readouterr().err


def test_a_narrowed_search_ranks_as_the_in_memory_search_of_those_files(tmp_path: Path) -> None:
    folder = _copy(sample_paths(), tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    chosen = sorted(folder.glob("*.txt"))[1:4][::-1]  # the order given breaks ties
    index = SearchIndex.build(load(chosen).reports)
    with store.Store(db) as opened:
        searcher = store.StoreSearch(opened, store.scope_of(chosen))
        assert not searcher.whole
        for text in ["行政复议", "复议", "-信访", "规范执法人员资格"]:
            query = parse_query(text)
            expected = [_key(hit) for hit in index.search(query)]
            assert [_key(hit) for hit in searcher.search(query)] == expected, text


def test_a_units_grams_row_holds_each_distinct_character_and_adjacent_pair() -> None:
    """`gram_text` finds the pairs as numbers read from the text's UTF-32 bytes: every
    length (odd, even, none), characters past the BMP and lone surrogates give the tokens
    of the characters and pairs themselves."""
    import random

    from govread import grams

    rng = random.Random(5)
    alphabet = ["a", "Z", " ", "法", "治", "复", "议", "𠀀", "𪚥", "\ud800", "\uffff", "\U0010ffff"]
    texts = ["", "法", "法治", "法治法", "𠀀a", "\ud800\udfff"]
    texts += ["".join(rng.choices(alphabet, k=rng.randrange(0, 24))) for _ in range(300)]
    texts += [path.read_text("utf-8") for path in sample_paths()]
    for text in texts:
        pairs = {text[i : i + 2] for i in range(len(text) - 1)}
        row = grams.gram_text(text)
        expected = sorted(map(grams.gram_token, set(text) | pairs))
        assert sorted(row.split(" ")) == expected or (row == text == "")


def test_a_batchs_counts_and_a_reports_comparison_words_as_counted_one_by_one() -> None:
    """The parent adds each report's counts to the batch's in C-level passes: the same
    totals, in the same order, as `Counter.update`; a report's comparison words packed as
    "word<TAB>count" lines, read back as they were."""
    from collections import Counter

    reports = [
        {"执法": 3, "复议": 1, "普法": 2},
        {"复议": 4, "调解": 1, "执法": 0},
        {},
        {"普法": 1, "新词": 7},
    ]
    expected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for counts in reports:
        expected.update(counts)
        store._add_counts(found, counts)
        assert list(found.items()) == list(expected.items())
        packed = store.pack_terms(counts)
        assert packed == "\n".join(f"{term}\t{n}" for term, n in counts.items())
        assert store.unpack_terms(packed) == counts


def test_a_new_store_has_large_pages_and_an_older_one_keeps_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store is made with `PAGE_SIZE` pages (fewer to write); a store made with SQLite's
    4 KiB pages keeps them, and is refreshed and searched as before."""
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    new = tmp_path / "new.sqlite3"
    _index(folder, new)
    with sqlite3.connect(new) as db:
        assert db.execute("PRAGMA page_size").fetchone()[0] == store.PAGE_SIZE
    older = tmp_path / "older.sqlite3"
    with monkeypatch.context() as patched:
        patched.setattr(store, "PAGE_SIZE", 4096)
        _index(folder, older)
    _copy(sample_paths()[2:3], folder)
    summary = _index(folder, older)
    assert (summary.added, summary.unchanged) == (1, 2)
    with sqlite3.connect(older) as db:
        assert db.execute("PRAGMA page_size").fetchone()[0] == 4096
    _assert_same_hits(folder, older, ["行政复议", "复议", "法"])


def test_a_schema_5_store_gains_the_earlier_levels_of_its_figures(tmp_path: Path) -> None:
    """签约率由61%提高至88%: the store marks 61% `earlier`, as govread figures does, and a store
    of schema 5 gains the flag from its stored reports when first opened."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "某县人民政府关于2023年法治政府建设情况的报告\n一、主要做法和成效\n"
        "全年行政复议纠错率由12.5%下降至8%，行政机关负责人出庭应诉率从上年的80%提升至100%。\n",
        encoding="utf-8",
    )
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    query = "SELECT text, earlier FROM figures ORDER BY rowid"
    with sqlite3.connect(db) as raw:
        fresh = raw.execute(query).fetchall()
        raw.execute("ALTER TABLE figures DROP COLUMN target")
        raw.execute("ALTER TABLE figures DROP COLUMN earlier")
        raw.execute("PRAGMA user_version=5")
    raw.close()
    assert fresh == [("12.5%", 1), ("8%", 0), ("80%", 1), ("100%", 0)]
    with store.Store(db) as opened:
        assert opened.db.execute(query).fetchall() == fresh


def test_a_search_of_an_empty_store_says_it_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a store indexed from an empty folder answered "no hits", as if no report said it."""
    from govread.cli import main

    empty = tmp_path / "empty"
    empty.mkdir()
    db = tmp_path / "e.db"
    assert main(["index", str(empty), "--store", str(db)]) == 1  # "holds no report files"
    capsys.readouterr()
    assert main(["--lang", "en", "search", "行政复议", "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert (
        f"govread: {db} holds no reports yet; fill it with: govread index DIR --store {db}" in err
    )
    assert main(["index", str(sample_paths()[0]), "--store", str(db)]) == 0
    capsys.readouterr()
    main(["--lang", "en", "search", "行政复议", "--store", str(db)])
    assert "holds no reports" not in capsys.readouterr().err


def test_a_comparison_from_an_empty_store_says_it_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `compare 咸宁 宝鸡 --store EMPTY` said "no report of that name; available: none"."""
    empty = tmp_path / "empty"
    empty.mkdir()
    db = tmp_path / "e.db"
    assert main(["index", str(empty), "--store", str(db)]) == 1  # "holds no report files"
    capsys.readouterr()
    assert main(["--lang", "en", "compare", "咸宁", "宝鸡", "--store", str(db)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"govread: error: {db} holds no reports yet; fill it with: govread index DIR --store {db}"
    ]


@pytest.mark.parametrize("form", ["json", "jsonl", "csv"])
def test_a_store_search_writes_the_paths_a_search_of_the_files_writes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    form: str,
) -> None:
    """QA: `search --store --format json` wrote each path absolute (the store keeps them
    resolved) where a search of the files writes it as typed, so a script joining the two
    answers on `path` found nothing in common."""
    import csv
    import io

    _copy(sample_paths()[:2], tmp_path / "rep")
    assert main(["index", str(tmp_path / "rep"), "--store", str(tmp_path / "s.db")]) == 0
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()

    def paths(*where: str) -> list[str]:
        assert main(["search", "行政复议", "--format", form, *where]) == 0
        out = capsys.readouterr().out
        if form == "json":
            return [row["path"] for row in json.loads(out)]
        if form == "jsonl":
            return [json.loads(line)["path"] for line in out.splitlines()]
        return [row["path"] for row in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))]

    from_files = paths("rep")
    assert from_files and all(p.startswith("rep/") for p in from_files)
    assert paths("--store", "s.db") == from_files


def test_files_deleted_since_the_index_are_said_by_a_store_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: a store search kept answering from a deleted file without a word, or (with its
    folder given) left it out without one; both are said now, with the command that
    refreshes the store."""
    folder = _copy(sample_paths()[:3], tmp_path / "rep")
    assert main(["index", str(folder), "--store", str(tmp_path / "s.db")]) == 0
    gone = sorted(folder.iterdir())[0]
    gone.unlink()
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()

    assert main(["--lang", "en", "search", "法治", "--store", "s.db", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert f"rep/{gone.name}" in {row["path"] for row in json.loads(out)}  # its stored text
    assert f"1 file of these hits is gone since it was indexed (first: rep/{gone.name})" in err

    assert (
        main(["--lang", "en", "search", "法治", "rep", "--store", "s.db", "--format", "json"]) == 0
    )
    out, err = capsys.readouterr()
    assert f"rep/{gone.name}" not in {row["path"] for row in json.loads(out)}
    assert f"1 file indexed there is gone (first: rep/{gone.name}); it is left out" in err

    assert main(["--lang", "en", "index", "rep", "--store", "s.db"]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "search", "法治", "--store", "s.db"]) == 0
    assert "gone" not in capsys.readouterr().err


def test_search_store_says_why_a_named_file_that_is_no_report_was_never_indexed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA walk: `govread search Q empty.txt --store S`, right after `govread index` skipped
    it ("is empty"), said "1 file never indexed …; run govread index to refresh the store"
    and "no hits", where the search of the files says why it cannot be read."""
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    db = tmp_path / "s.db"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    capsys.readouterr()
    one = sorted(folder.glob("*.txt"))[0]
    assert main(["search", "法治", str(one), str(empty), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert main(["search", "法治", str(one), str(empty)]) == 1
    assert err == capsys.readouterr().err == f"govread: error: {empty}: is empty\n"


def test_search_store_does_not_call_files_index_skipped_never_indexed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `govread search Q DIR --store S` after `govread index DIR` said "2 files never
    indexed …; run govread index to refresh the store" of a folder's notes and pictures
    saved as .txt that index had just skipped (and said why): another index would skip them
    again. The store keeps the files it skipped, as they were (`skipped`); one changed since
    is never indexed again, and one that became a report is indexed and forgotten there."""
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    notes = folder / "notes.txt"
    notes.write_text("hello, not a report\n", "utf-8")
    (folder / "img.txt").write_bytes(b"\x89PNG\r\n")
    db = tmp_path / "s.db"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    assert "notes.txt" in capsys.readouterr().err  # skipped, with its reason
    with sqlite3.connect(db) as raw:
        rows = raw.execute("SELECT path, reason FROM skipped ORDER BY path").fetchall()
    raw.close()
    assert [Path(path).name for path, _ in rows] == ["img.txt", "notes.txt"]
    assert all("Chinese" in reason for _, reason in rows)
    assert main(["search", "法治", str(folder), "--store", str(db)]) == 0
    assert "never indexed" not in capsys.readouterr().err
    # changed since: no index has seen it as it is
    notes.write_text("hello again, still not a report\n", "utf-8")
    assert main(["search", "法治", str(folder), "--store", str(db)]) == 0
    assert "1 file never indexed (first: " in capsys.readouterr().err
    # now a report: indexed, and no longer among the skipped; a skipped file gone, forgotten
    shutil.copy(sample_paths()[2], notes)
    (folder / "img.txt").unlink()
    assert main(["index", str(folder), "--store", str(db)]) == 0
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM skipped").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM reports").fetchone() == (3,)
    raw.close()


def test_compare_corpus_does_not_ask_to_index_files_it_just_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `govread compare A B --corpus DIR` over a folder holding an empty file said
    "1 files never indexed …; run govread index to refresh the store" right after the
    refresh that skipped it (and said why): no index can take it."""
    folder = _copy(sample_paths()[:2], tmp_path / "reports")
    (folder / "empty.txt").write_bytes(b"")
    assert main(["compare", "咸宁", "泾县", "--corpus", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err  # skipped, with its reason
    assert "never indexed" not in err

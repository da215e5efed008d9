"""`govread index` refreshing a store: what it keeps of other folders, the space it gives
back, and what Ctrl-C says it kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from govread import store
from govread.cli import main
from govread.search import parse_query


def _index(folder: Path, db: Path) -> store.IndexSummary:
    with store.Store(db) as opened:
        return store.index(opened, [folder])


def _paths(db: Path) -> set[str]:
    with sqlite3.connect(db) as raw:
        return {path for (path,) in raw.execute("SELECT path FROM reports")}


def _hits(db: Path) -> list[tuple[str, str, float]]:
    with store.Store(db) as opened:
        found = store.StoreSearch(opened).search(parse_query("法治 建设"))
    return [(str(hit.report.path), hit.node_id, round(hit.score, 9)) for hit in found]


def _record(stages: list[tuple[str, int, int]], stage: str, done: int, total: int) -> None:
    stages.append((stage, done, total))


def _age(db: Path) -> None:
    """Every stored report as if an older govread had indexed it."""
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE reports SET parser='0'")


def test_indexing_one_folder_keeps_an_older_parsers_reports_of_another(
    tmp_path: Path, write_generated: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_generated(tmp_path / "first", 3, seed=3)
    hostile = write_generated(tmp_path / "hostile\x1b[2J", 1, seed=5)
    second = write_generated(tmp_path / "second", 2, seed=4)
    db = tmp_path / "store.sqlite3"
    _index(first, db)
    _index(second, db)
    _index(hostile, db)
    _age(db)
    gone = sorted(first.iterdir())[0]
    gone.unlink()
    summary = _index(second, db)
    kept = {str(p.resolve()) for p in [*first.iterdir(), *hostile.iterdir()]}
    # the second folder refreshed; the first's reports kept, only the vanished file pruned
    assert (summary.updated, summary.pruned) == (2, 1)
    assert sorted(summary.stale) == sorted(kept)
    assert _paths(db) == kept | {str(p.resolve()) for p in second.iterdir()}
    # the command names them and the command that refreshes them
    assert main(["index", str(second), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "3 reports outside these paths were indexed by an older govread" in err
    assert f"refresh them with: govread index {first.resolve()} " in err
    assert f"hostile\\x1b[2J' --store {db}" in err  # the folder's name shown escaped
    assert "\x1b" not in err
    # refreshing the first folder then leaves nothing stale
    summary = _index(first, db)
    assert (summary.updated, summary.pruned, summary.stale) == (
        2,
        0,
        [str(p.resolve()) for p in hostile.iterdir()],
    )


def test_a_refresh_that_replaced_most_rows_compacts_the_file(
    tmp_path: Path, write_generated: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 0)
    folder = write_generated(tmp_path / "reports", 4, seed=6)
    db = tmp_path / "store.sqlite3"
    assert _index(folder, db).compacted is False  # a new store: nothing replaced
    assert _index(folder, db).compacted is False  # nothing changed
    fresh = db.stat().st_size
    hits = _hits(db)
    for _ in range(3):  # refreshed three times over: without compaction, ≈ 1.5× the size
        _age(db)
        stages: list[tuple[str, int, int]] = []
        with store.Store(db) as opened:
            summary = store.index(opened, [folder], progress=partial(_record, stages))
            (free,) = opened.db.execute("PRAGMA freelist_count").fetchone()
        assert (summary.updated, summary.compacted, free) == (4, True, 0)
        assert stages[-2:] == [("compacting", 0, 1), ("compacting", 1, 1)]
    assert db.stat().st_size <= 1.05 * fresh
    assert _hits(db) == hits
    _age(db)
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 1 << 40)  # not worth it: left as it is
    assert _index(folder, db).compacted is False


class _NoRoomToVacuum:
    """A connection whose VACUUM finds the disk full (its copy of the file needs room)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "VACUUM":
            raise sqlite3.OperationalError("database or disk is full")
        return self._db.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)


def test_a_compaction_without_room_is_said_not_silent(
    tmp_path: Path,
    write_generated: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """QA: a refresh whose compaction found no room left the file large and said nothing."""
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 0)
    folder = write_generated(tmp_path / "reports", 4, seed=6)
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    _age(db)
    with store.Store(db) as opened:
        monkeypatch.setattr(opened, "db", _NoRoomToVacuum(opened.db))
        summary = store.index(opened, [folder])
    assert (summary.updated, summary.compacted) == (4, False)
    assert summary.compaction_skipped == "no room on the disk for the copy it writes"
    compact = store.compact_if_worth_it
    monkeypatch.setattr(
        store,
        "compact_if_worth_it",
        lambda opened, *rest: compact(_Wrapped(opened), *rest),
    )
    _age(db)
    assert main(["--lang", "en", "index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert (
        "govread: the store was not compacted (no room on the disk for the copy it writes); "
        "the next govread index tries again" in err
    )
    _age(db)
    monkeypatch.setattr(store, "compact_if_worth_it", compact)
    assert main(["--lang", "en", "index", str(folder), "--store", str(db)]) == 0
    assert "not compacted" not in capsys.readouterr().err


class _Wrapped:
    """A store seen through `_NoRoomToVacuum`."""

    def __init__(self, opened: store.Store) -> None:
        self._opened = opened
        self.db = _NoRoomToVacuum(opened.db)

    def __getattr__(self, name: str) -> object:
        return getattr(self._opened, name)


def test_ctrl_c_during_index_says_what_the_store_kept(
    tmp_path: Path,
    write_generated: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_generated(tmp_path / "reports", 3, seed=8)
    db = tmp_path / "store.sqlite3"
    monkeypatch.setattr(store, "WRITE_BATCH", 1)
    put = store.Store.put_prepared
    calls: list[int] = []

    def put_then_interrupt(self: store.Store, batch: list[store.Prepared]) -> None:
        calls.append(len(batch))
        if len(calls) == 2:
            raise KeyboardInterrupt
        put(self, batch)

    monkeypatch.setattr(store.Store, "put_prepared", put_then_interrupt)
    assert main(["index", str(folder), "--store", str(db)]) == 130
    err = capsys.readouterr().err
    assert "interrupted; 1 report was written to the store before it stopped (1 added" in err
    assert f"run govread index {folder} --store {db} again to finish" in err
    assert len(_paths(db)) == 1  # the batch written before it is whole; the next undone
    monkeypatch.setattr(store.Store, "put_prepared", put)
    summary = _index(folder, db)
    assert (summary.added, summary.unchanged) == (2, 1)


def test_refreshing_the_last_indexed_report_keeps_its_new_text_searchable(
    tmp_path: Path, write_generated: Callable[..., Path]
) -> None:
    """Its old units held the highest ids: the new ones, given those ids again, must still be
    put in the full-text and short-needle postings."""
    folder = write_generated(tmp_path / "reports", 3, seed=9)
    db = tmp_path / "store.sqlite3"
    _index(folder, db)
    with sqlite3.connect(db) as raw:
        (last,) = raw.execute(
            "SELECT path FROM reports WHERE id = (SELECT report_id FROM units ORDER BY id DESC)"
        ).fetchone()
    path = Path(last)
    path.write_text(path.read_text("utf-8") + "\n鲟鳇测试专用词语。\n", "utf-8")
    assert _index(folder, db).updated == 1
    for needle in ("鲟鳇测试专用", "鲟鳇"):
        with store.Store(db) as opened:
            hits = store.StoreSearch(opened).search(parse_query(needle))
        assert [str(hit.report.path) for hit in hits] == [last]


def test_a_folder_with_no_report_files_is_said_by_index_and_compare_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `index EMPTY` said "indexed 0 reports" and exited 0 where every other command
    says the folder holds no report files and exits 1; `compare A B --corpus EMPTY` said the
    default store held no reports. The reports once indexed there are still pruned."""
    import shutil

    from govread.corpus import sample_paths

    folder = tmp_path / "rep"
    folder.mkdir()
    shutil.copy(sample_paths()[0], folder)
    db = tmp_path / "s.db"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    next(folder.iterdir()).unlink()
    capsys.readouterr()
    assert main(["--lang", "en", "index", str(folder), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"skipped: {folder}: holds no report files" in err and "1 pruned" in err

    assert main(["--lang", "en", "compare", "咸宁", "宝鸡", "--corpus", str(folder)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"govread: error: {folder}: holds no report files"]


def test_a_file_reached_twice_is_indexed_once(
    tmp_path: Path, write_generated: Callable[..., Path]
) -> None:
    """QA: `govread index DIR DIR`, a folder and a file in it, or a file and a link to it,
    stopped with a traceback (UNIQUE constraint failed: reports.path) whenever a report was
    to be written, and counted the unchanged ones twice. Each file is one row, once."""
    corpus = write_generated(tmp_path / "corpus", 3, seed=8)
    files = sorted(corpus.iterdir())
    links = tmp_path / "links"
    links.mkdir()
    (links / "again.txt").symlink_to(files[0])
    sub = write_generated(corpus / "2023", 1, seed=9)
    db = tmp_path / "store.sqlite3"
    for named in ([corpus, corpus], [corpus, files[1]], [links, corpus], [corpus, sub]):
        db.unlink(missing_ok=True)
        with store.Store(db) as opened:
            summary = store.index(opened, named)
        assert (summary.added, summary.unchanged, summary.skipped) == (4, 0, []), named
        with store.Store(db) as opened:
            again = store.index(opened, named)
        assert (again.added, again.unchanged) == (0, 4), named
        assert _paths(db) == {str(f.resolve()) for f in [*files, *sub.iterdir()]}


_MAIN = "import sys; from govread.cli import main; sys.exit(main())"


def test_an_index_in_a_locale_without_chinese_keeps_reports_it_cannot_name(
    tmp_path: Path, write_generated: Callable[..., Path]
) -> None:
    """QA walk: `LC_ALL=C PYTHONUTF8=0 govread index other --store S` pruned every stored
    report whose path holds Chinese, in any folder: the file system's names are ASCII there,
    so a stored path could not be looked up, and each was taken for a file gone. Its own
    folder's Chinese names, unreadable in that locale, were said "not valid UTF-8"."""
    import os
    import subprocess
    import sys

    chinese = write_generated(tmp_path / "报告", 2, seed=3)
    other = write_generated(tmp_path / "other", 1, seed=4)
    db = tmp_path / "store.sqlite3"
    _index(chinese, db)
    held = _paths(db)
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    env.pop("PYTHONIOENCODING", None)

    def in_c_locale(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-X", "utf8=0", "-c", _MAIN, *argv],
            capture_output=True,
            text=True,
            env={**env, "PYTHONCOERCECLOCALE": "0"},
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    for folder in (other, chinese):
        ran = in_c_locale("index", str(folder), "--store", str(db))
        assert "0 pruned" in ran.stderr, ran.stderr
        assert "not valid UTF-8" not in ran.stderr
    assert held <= _paths(db)
    # nor does a search there take them for files gone
    ran = in_c_locale("search", "法治", "--store", str(db))
    assert ran.returncode == 0 and "gone" not in ran.stderr, ran.stderr


def test_the_bar_of_index_fits_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """QA walk: in a terminal 30 columns wide (a split tmux pane) the bar, 49 columns, wrapped,
    and each redraw (a carriage return: back to the start of the last line only) left a line
    more behind. It is narrowed to fit."""
    import io

    from govread.commands.progress import ProgressLine

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "30")
    stream = Terminal()
    line = ProgressLine(stream)
    for done in range(1, 501):
        line("indexing", done, 500)
    drawn = [part for part in stream.getvalue().replace("\n", "\r").split("\r") if part]
    assert drawn and max(len(part) for part in drawn) < 30
    assert drawn[-1].startswith("indexing") and drawn[-1].endswith(" 500/500")
    monkeypatch.setenv("COLUMNS", "120")
    stream = Terminal()
    ProgressLine(stream)("indexing", 250, 500)
    assert "█" * 15 + "·" * 15 in stream.getvalue()  # the full bar where there is room

"""A store made by another govread, or not a store at all, opened by this one: a newer
govread's store is never emptied; the commands that only read a store (search, compare
--store) leave a foreign, damaged or older store as it is and say why; a store that cannot
be written is read as it is."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from govread import store
from govread.cli import main
from govread.corpus import load


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A store of two small reports, made by this govread."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, place in (("a.txt", "甲县"), ("b.txt", "乙县")):
        body = "全面推进政务公开,规范行政执法程序,行政复议工作稳步推进,群众满意度提高。" * 4
        body += "全年办理行政复议案件12件。"
        (folder / name).write_text(
            f"{place}2023年法治政府建设情况\n一、推进依法行政\n{body}\n二、下一步工作\n{body}\n",
            encoding="utf-8",
        )
    db = tmp_path / "store.sqlite3"
    with store.Store(db) as opened, opened.transaction():
        for report in load([folder], use_cache=False, keep_duplicates=True).reports:
            stat = os.stat(str(report.path))
            opened.put(report, {}, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    return db


def _stamp(db: Path, version: int) -> None:
    with sqlite3.connect(db) as raw:
        raw.execute(f"PRAGMA user_version={version}")
    raw.close()


def _reports(db: Path) -> int:
    with sqlite3.connect(db) as raw:
        (count,) = raw.execute("SELECT count(*) FROM reports").fetchone()
    raw.close()
    return int(count)


def test_a_newer_govreads_store_is_never_emptied(
    made: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _stamp(made, store.SCHEMA_VERSION + 1)
    with pytest.raises(store.StoreError, match="newer govread"):
        store.Store(made)  # as `govread index` opens it
    assert main(["search", "复议", "--store", str(made)]) != 0
    assert "newer govread" in capsys.readouterr().err
    assert _reports(made) == 2
    with sqlite3.connect(made) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION + 1
    raw.close()
    assert not store.upgradable(made)


@pytest.mark.parametrize("kind", ["older", "foreign", "damaged"])
def test_search_leaves_a_store_it_cannot_read_as_it_is(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "older":  # before the oldest schema upgraded in place: index would empty it
        _stamp(made, store.UPGRADES_FROM - 1)
    elif kind == "foreign":
        made.unlink()
        with sqlite3.connect(made) as raw:
            raw.execute("CREATE TABLE notes (x)")
        raw.close()
    else:
        made.write_bytes(made.read_bytes()[:100] + b"\x00" * 4000)
    before = made.read_bytes()
    assert main(["search", "复议", "--store", str(made)]) != 0
    error = capsys.readouterr().err
    expected = {
        "older": "older govread",
        "foreign": "not a govread store",
        "damaged": "is damaged, or no SQLite database at all (`govread index`",
    }
    assert expected[kind] in error
    assert made.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".bad-" in p.name]
    if kind == "older":
        assert _reports(made) == 2


def _schema_4(db: Path) -> None:
    _schema_7(db)
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE grams_packed")
        raw.execute("DROP TABLE grams_segments")
        raw.execute("ALTER TABLE reports DROP COLUMN duplicate_of")
        raw.execute("ALTER TABLE figures DROP COLUMN target")
        raw.execute("ALTER TABLE figures DROP COLUMN earlier")
    raw.close()
    _stamp(db, 4)


def test_search_says_it_upgrades_an_older_store_once(
    made: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _schema_4(made)
    assert main(["search", "复议", "--store", str(made)]) == 0
    assert "upgrading" in capsys.readouterr().err
    assert main(["search", "复议", "--store", str(made)]) == 0
    assert "upgrading" not in capsys.readouterr().err


def _schema_5(db: Path) -> None:
    """What schema 5 was: no target or earlier flag on the figures, no copies named."""
    _schema_7(db)
    with sqlite3.connect(db) as raw:
        raw.execute("ALTER TABLE reports DROP COLUMN duplicate_of")
        raw.execute("ALTER TABLE figures DROP COLUMN target")
        raw.execute("ALTER TABLE figures DROP COLUMN earlier")
    raw.close()
    _stamp(db, 5)


def _schema_6(db: Path) -> None:
    """What schema 6 was: the copies of other reports not named (`duplicate_of`)."""
    _schema_7(db)
    with sqlite3.connect(db) as raw:
        raw.execute("ALTER TABLE reports DROP COLUMN duplicate_of")
    raw.close()
    _stamp(db, 6)


def _schema_7(db: Path) -> None:
    """What schema 7 was: no record of the files index skipped."""
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE skipped")
    raw.close()
    _stamp(db, 7)


@pytest.mark.parametrize("older", [_schema_4, _schema_5, _schema_6, _schema_7])
def test_an_older_store_is_upgraded_in_place_when_the_browser_asks(
    made: Path, older: Callable[[Path], None]
) -> None:
    older(made)
    assert store.upgradable(made)
    store.Store(made, replace=False).close()
    assert not store.upgradable(made) and _reports(made) == 2
    assert not store.upgradable(made.with_name("absent.sqlite3"))
    with sqlite3.connect(made) as raw:  # each report's 下一步工作 is its plans
        flags = raw.execute("SELECT target, count(*) FROM figures GROUP BY target").fetchall()
    raw.close()
    assert dict(flags).keys() == {0, 1}


def test_whether_a_fifo_at_the_store_path_is_upgradable_is_answered_without_opening_it(
    tmp_path: Path,
) -> None:
    """QA walk: `govread --store pipe` (a FIFO) hung at "Opening reports…", `q` and all:
    the browser asks `upgradable` first, which opened the FIFO with SQLite and waited for a
    writer. It is no store, so nothing to upgrade; the browser then says what it is."""
    import threading

    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    answers: list[bool] = []
    asking = threading.Thread(target=lambda: answers.append(store.upgradable(fifo)), daemon=True)
    asking.start()
    asking.join(10)
    if asking.is_alive():  # let the blocked open return, so that the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert answers == [False]


def test_a_store_that_cannot_be_written_is_read_as_it_is(
    made: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    older = made.with_name("older.sqlite3")
    shutil.copy(made, older)
    _schema_5(older)
    # (QA: every store made before schema 7 became unreadable on a read-only file system;
    # schema 6 lacks only reports.duplicate_of, which nothing reads back: read as it is)
    six = made.with_name("six.sqlite3")
    shutil.copy(made, six)
    _schema_6(six)
    seven = made.with_name("seven.sqlite3")  # lacks only `skipped`: read as empty
    shutil.copy(made, seven)
    _schema_7(seven)

    def read_only(self: store.Store) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(store.Store, "_open", read_only)
    with store.Store(made, replace=False) as opened:
        assert opened.report_count() == 2
    assert main(["search", "复议", "--store", str(made)]) == 0
    assert "甲县" in capsys.readouterr().out
    with pytest.raises(store.StoreError, match="cannot be upgraded here"):
        store.Store(older, replace=False)
    for readable in (six, seven):
        with store.Store(readable, replace=False) as opened:
            assert opened.report_count() == 2
            assert store.never_indexed(opened, ["/nowhere/c.txt"]) == ["/nowhere/c.txt"]
        assert main(["search", "复议", "--store", str(readable)]) == 0
        assert "甲县" in capsys.readouterr().out
    with pytest.raises(store.StoreError, match="readonly"):
        store.Store(made)  # `govread index`, which must write


def test_search_says_how_many_reports_an_older_govread_indexed(
    made: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "复议", "--store", str(made)]) == 0
    assert "older govread" not in capsys.readouterr().err
    with sqlite3.connect(made) as raw:
        raw.execute("UPDATE reports SET parser='6' WHERE rowid = (SELECT min(rowid) FROM reports)")
    raw.close()
    assert main(["search", "复议", "--store", str(made)]) == 0
    assert "govread: 1 report was indexed by an older govread" in capsys.readouterr().err


def test_an_upgrade_cancelled_is_undone_whole(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _schema_4(made)
    monkeypatch.setattr(store, "CANCEL_STEPS", 1)  # asked at every step of a small store
    with pytest.raises(store.StoreError, match="interrupted"):
        store.Store(made, replace=False, cancelled=lambda: True)
    assert store.upgradable(made) and _reports(made) == 2
    with store.Store(made, replace=False, cancelled=lambda: False) as opened:
        assert opened.report_count() == 2
    assert not store.upgradable(made)

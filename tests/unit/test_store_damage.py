"""A store damaged or unwritable under a user's hands: `govread index` never ends in a
traceback, sets a damaged store aside (never overwriting it) and starts a new one."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govread import store
from govread.cli import main

# Invented reports (not from any real one): two chapters each.
REPORT = (
    "{place}2031年法治政府建设情况报告\n\n"
    "一、主要工作\n"
    "（一）推进依法行政。全年审查规范性文件{n}件，办理行政复议案件{n}件。\n"
    "二、存在的问题\n"
    "基层执法力量仍显薄弱，监督机制有待健全。\n"
    "三、下一步工作安排\n"
    "继续完善行政执法协调监督体系。\n"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, place in enumerate(["青禾县", "白沙区"], start=3):
        (folder / f"{place}.txt").write_text(REPORT.format(place=place, n=n), encoding="utf-8")
    return folder


def _damage_reports_table(db: Path) -> None:
    """Overwrite the root page of `reports` with junk, the schema left whole: the file opens,
    then its first read of the reports finds it malformed."""
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA journal_mode=DELETE")
        (root,) = raw.execute("SELECT rootpage FROM sqlite_master WHERE name='reports'").fetchone()
        (page_size,) = raw.execute("PRAGMA page_size").fetchone()
    raw.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff" * (page_size // 4))


def _damaged_store(tmp_path: Path) -> tuple[Path, Path]:
    """Two invented reports indexed into a store whose `reports` table is then damaged;
    the folder and the store."""
    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    _damage_reports_table(db)
    return folder, db


def test_index_sets_aside_a_store_found_damaged_once_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, db = _damaged_store(tmp_path)
    damaged = db.read_bytes()
    capsys.readouterr()
    assert main(["index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "moved it to" in err and "2 added" in err
    aside = [p for p in tmp_path.iterdir() if ".bad-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes()[100:] == damaged[100:]  # kept as it was (its header in WAL mode)
    with store.Store(db) as opened:
        assert opened.report_count() == 2
    assert main(["index", str(folder), "--store", str(db)]) == 0
    assert "2 unchanged" in capsys.readouterr().err


@pytest.mark.parametrize("edited", [False, True], ids=["nothing-to-do", "a-file-edited"])
def test_index_on_a_read_only_store_says_so(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    edited: bool,
) -> None:
    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    connect = sqlite3.connect

    def read_only(path: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        # what SQLite does with a file it may not write (chmod means nothing to root)
        if isinstance(path, Path) and path == db:
            kwargs.pop("uri", None)
            return connect(f"{db.as_uri()}?mode=ro", *args, uri=True, **kwargs)  # type: ignore[arg-type]
        return connect(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only)
    if edited:
        with (folder / "青禾县.txt").open("a", encoding="utf-8") as handle:
            handle.write("全面推行行政执法公示制度。\n")
    capsys.readouterr()
    assert main(["index", str(folder), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "cannot be written" in err
    monkeypatch.undo()
    with store.Store(db) as opened:
        assert opened.report_count() == 2


@pytest.mark.parametrize("existing", [True, False], ids=["a-store", "a-new-store"])
def test_index_on_a_read_only_file_system_says_so(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    existing: bool,
) -> None:
    """QA C4: a store on a file system mounted read-only, where SQLite says only "unable to
    open database file" (SQLITE_CANTOPEN): the documented line, as for a read-only file."""
    folder = _folder(tmp_path)
    mounted = tmp_path / "mnt"
    mounted.mkdir()
    db = mounted / "s.sqlite3"
    if existing:
        assert main(["index", str(folder), "--store", str(db)]) == 0
    connect, statvfs = sqlite3.connect, os.statvfs

    def cannot_open(path: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if isinstance(path, Path) and path.parent == mounted:
            failure = sqlite3.OperationalError("unable to open database file")
            failure.sqlite_errorcode = sqlite3.SQLITE_CANTOPEN
            raise failure
        return connect(path, *args, **kwargs)  # type: ignore[arg-type]

    def read_only_mount(path: object) -> os.statvfs_result:
        found = statvfs(path)  # type: ignore[arg-type]
        if Path(str(path)).resolve() not in (mounted, db):
            return found
        fields = list(found)
        fields[8] |= os.ST_RDONLY  # f_flag
        return os.statvfs_result(fields)

    monkeypatch.setattr(sqlite3, "connect", cannot_open)
    monkeypatch.setattr(os, "statvfs", read_only_mount)
    capsys.readouterr()
    assert main(["index", str(folder), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert "unable to open database file" not in err and "Traceback" not in err
    assert f"{db}: cannot be written (a read-only" in err
    if existing:
        assert "nothing was written" in err and "the browser read it as it is" in err
    else:
        assert "no store was made" in err and not db.exists()
    monkeypatch.undo()
    assert main(["index", str(folder), "--store", str(tmp_path / "ok.sqlite3")]) == 0


def test_search_and_compare_on_a_damaged_store_name_it_and_the_remedy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, db = _damaged_store(tmp_path)
    capsys.readouterr()
    assert main(["search", "行政复议", "--store", str(db)]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "s.sqlite3" in err and "govread index" in err
    assert main(["compare", "青禾县", "白沙区", "--store", str(db)]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "s.sqlite3" in err and "govread index" in err
    assert [p.name for p in tmp_path.iterdir() if ".bad-" in p.name] == []  # only read


def test_the_browser_on_a_damaged_store_says_what_to_do(tmp_path: Path) -> None:
    from govread.store_library import StoreReader, StoreReadError, read_outline

    _, db = _damaged_store(tmp_path)
    with pytest.raises(StoreReadError, match="govread index"):
        read_outline(StoreReader(db))


def test_a_folder_at_the_store_path_is_said_in_the_interface_language(tmp_path: Path) -> None:
    from govread.i18n import set_language

    (tmp_path / "store").mkdir()
    set_language("zh")
    try:
        with pytest.raises(store.StoreError, match="不是普通文件"):
            store.Store(tmp_path / "store")
    finally:
        set_language("en")


def test_a_link_to_a_missing_folder_at_the_store_path_says_where_it_points(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite said only "unable to open database file"; a new store's own folder is made,
    but a link's target is where the user put it: say so, make nothing there."""
    link = tmp_path / "store.sqlite3"
    link.symlink_to(tmp_path / "gone" / "store.sqlite3")
    assert main(["index", str(_folder(tmp_path)), "--store", str(link)]) == 1
    err = capsys.readouterr().err
    assert "is a link to" in err and "gone" in err and "unable to open" not in err
    assert not (tmp_path / "gone").exists()
    (tmp_path / "gone").mkdir()  # where it points exists now: the store is made there
    assert main(["index", str(_folder(tmp_path / "gone")), "--store", str(link)]) == 0
    assert (tmp_path / "gone" / "store.sqlite3").is_file()


def test_a_link_that_loops_at_the_store_path_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review: `index --store LOOP` ended in pathlib's RuntimeError (Symlink loop), a
    traceback; every command now says it in one line, status 1."""
    loop = tmp_path / "store.sqlite3"
    loop.symlink_to(loop)
    folder = str(_folder(tmp_path))
    for argv in (["index", folder], ["search", "法治", folder]):
        assert main([*argv, "--store", str(loop)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "symbolic links" in err, err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_error_mid_bar_on_a_terminal_starts_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(store, "WRITE_BATCH", 2)  # full once the bar shows 1/2

    def full(self: store.Store, batch: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.Store, "put_prepared", full)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["index", str(folder), "--store", str(tmp_path / "s.sqlite3")]) == 1
    lines = terminal.getvalue().split("\n")
    said = [line for line in lines if "govread: error:" in line]
    assert len(said) == 1 and said[0].startswith("govread: error:")


def test_a_store_that_cannot_be_opened_for_a_full_disk_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)

    def full(self: store.Store) -> None:  # the schema's first write finds no room
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.Store, "_open", full)
    assert main(["index", str(folder), "--store", str(tmp_path / "s.sqlite3")]) == 1
    said = capsys.readouterr().err.strip().split("\n")
    assert len(said) == 1 and "the disk is full" in said[0]
    assert "nothing in it was changed" in said[0] and "run the command again" in said[0]


def test_a_second_index_of_one_store_waits_for_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two `govread index` at once on one store: the second waits, then finds the work done
    (it neither does it again nor counts the first's reports as its own additions)."""
    import fcntl
    import threading

    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    lock = os.open(tmp_path / "s.sqlite3.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)  # the first one, running
    waited = threading.Event()
    real = store.time.sleep

    def sleep(seconds: float) -> None:
        if not waited.is_set():  # the second waits: the first finishes meanwhile
            waited.set()
            with store.Store(db) as first:
                store._refresh(first, [folder], None, 1, store.IndexSummary())
            os.close(lock)
        real(0)

    monkeypatch.setattr(store.time, "sleep", sleep)
    assert main(["index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert waited.is_set() and "another govread index" in err
    assert "0 added, 0 updated, 2 unchanged" in err


def test_an_index_through_a_link_to_the_store_waits_for_one_of_the_store_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--store link.sqlite3`, a symbolic link to the store another `govread index` is
    writing: the lock is the store's own (beside the file it names), so this one waits for
    the other rather than meeting SQLite's "database is locked" mid-run."""
    import fcntl
    import threading

    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db.name)
    lock = os.open(tmp_path / "s.sqlite3.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)  # the first one, with --store s.sqlite3, running
    waited = threading.Event()
    real = store.time.sleep

    def sleep(seconds: float) -> None:
        if not waited.is_set():
            waited.set()
            os.close(lock)
        real(0)

    monkeypatch.setattr(store.time, "sleep", sleep)
    assert main(["index", str(folder), "--store", str(link)]) == 0
    assert waited.is_set() and "another govread index" in capsys.readouterr().err
    assert not (tmp_path / "link.sqlite3.lock").exists()


def test_another_program_writing_the_store_mid_index_is_said_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA walk: `sqlite3 store.sqlite3` (the README invites it) holding a write transaction
    while `govread index` wrote its next batch: after the busy timeout, a traceback ending
    in "sqlite3.OperationalError: database is locked"."""
    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    (folder / "新.txt").write_text(REPORT.format(place="红星乡", n=9), encoding="utf-8")
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db, isolation_level=None)
    prepared_files = store.prepared_files

    def meanwhile(*args: object, **kwargs: object) -> Iterator[object]:
        for prepared in prepared_files(*args, **kwargs):  # type: ignore[arg-type]
            if not other.in_transaction:  # another program starts writing, the store open
                other.execute("BEGIN IMMEDIATE")
            yield prepared

    monkeypatch.setattr(store, "prepared_files", meanwhile)
    try:
        assert main(["index", str(folder), "--store", str(db)]) == 1
        # and one that was writing already when index opened the store
        assert main(["index", str(folder), "--store", str(db)]) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    said = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(said) == 2 and all("another program" in line for line in said), said
    monkeypatch.setattr(store, "prepared_files", prepared_files)
    assert main(["index", str(folder), "--store", str(db)]) == 0
    assert "1 added" in capsys.readouterr().err


def test_a_store_inside_the_folder_it_indexes_is_not_listed_as_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    db = folder / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    assert main(["index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "skipped:" not in err and "0 skipped" in err


def test_a_report_refreshed_under_an_open_browser_says_so(tmp_path: Path) -> None:
    """The browser lists a store; `govread index` then replaces a report whose file changed:
    opening it says it changed since it was listed, rather than showing an empty report."""
    from govread.store_library import StoreReader, read_outline

    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    listed = {Path(r.path).name: r for r in read_outline(StoreReader(db)).reports}
    with (folder / "青禾县.txt").open("a", encoding="utf-8") as handle:
        handle.write("四、其他\n全面推行行政执法公示制度。\n")
    assert main(["index", str(folder), "--store", str(db)]) == 0
    changed, kept = listed["青禾县.txt"], listed["白沙区.txt"]
    assert not changed.sections and changed.changed_since_listed
    assert kept.sections and not kept.changed_since_listed


def _overwrite_from_a_third_on(db: Path) -> None:
    """500 random bytes every 4 KiB from a third of the file on (seeded): the header and the
    schema whole, so the store opens and lists its reports as before."""
    import random

    chance = random.Random(34)
    size = db.stat().st_size
    with db.open("r+b") as handle:
        for offset in range(size // 3, size, 4096):
            handle.seek(offset)
            handle.write(chance.randbytes(min(500, size - offset)))


def test_index_finds_a_store_damaged_mid_file_and_builds_it_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    with sqlite3.connect(db) as raw:  # the whole store in the file, none in its WAL
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    _overwrite_from_a_third_on(db)
    with store.Store(db, replace=False) as opened:
        assert opened.report_count() == 2  # what `index` read, and found unchanged
    capsys.readouterr()
    assert main(["index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "is damaged" in err and "moved it to" in err and "2 added" in err
    assert len([p for p in tmp_path.iterdir() if ".bad-" in p.name]) == 1
    assert main(["search", "行政复议", "--store", str(db)]) == 0
    assert main(["index", str(folder), "--store", str(db)]) == 0  # a whole store: kept
    assert "2 unchanged" in capsys.readouterr().err


def test_compare_corpus_says_it_set_aside_a_default_store_found_damaged_mid_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA walk: `compare A B --corpus DIR` refreshes the default store; one damaged mid-file
    was moved to `store.sqlite3.bad-<time>` and a new one built without a word (`index`
    says it)."""
    folder = _folder(tmp_path)
    db = store.default_path()
    assert main(["index", str(folder)]) == 0
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    _overwrite_from_a_third_on(db)
    capsys.readouterr()
    a, b = sorted(str(p) for p in folder.iterdir())
    assert main(["compare", a, b, "--corpus", str(folder)]) == 0
    err = capsys.readouterr().err
    assert len([p for p in db.parent.iterdir() if ".bad-" in p.name]) == 1
    assert "is damaged" in err and "moved it to" in err


def test_an_undecodable_text_in_a_store_with_damaged_pages_points_to_index(
    tmp_path: Path,
) -> None:
    """A search that meets a text it cannot decode first says what `index` will do when the
    pages are damaged too (it moves the file aside itself), else to move the file by hand."""
    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    undecodable = sqlite3.OperationalError("Could not decode to UTF-8 column 'text' with text 'x'")
    assert "move it away" in store.problem_with(db, undecodable)
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    _overwrite_from_a_third_on(db)
    said = store.problem_with(db, undecodable)
    assert "moves it aside" in said and "s.sqlite3" in said and "decode" not in said


def _damage_a_text(db: Path, text: str) -> None:
    """Bytes inside a stored text overwritten with 0xff, every page whole: SQLite's checks
    pass, Python cannot decode the text."""
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(db.read_bytes())
    needle = text.encode("utf-8")
    at = data.find(needle)
    assert at > 0
    while at > 0:
        data[at : at + len(needle)] = b"\xff" * len(needle)
        at = data.find(needle, at)
    db.write_bytes(bytes(data))


def test_a_text_damaged_inside_a_row_is_said_without_its_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govread.store_library import StoreReader, StoreReadError, read_outline

    folder = _folder(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    _damage_a_text(db, "青禾县2031年法治政府建设情况报告")  # the title, in every column
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA quick_check").fetchone() == ("ok",)
    raw.close()
    capsys.readouterr()
    assert main(["search", "行政复议", "--store", str(db)]) != 0
    err = capsys.readouterr().err
    assert "s.sqlite3" in err and "move it away" in err and "govread index" in err
    assert "\ufffd" not in err and "decode" not in err
    with pytest.raises(StoreReadError, match="move it away"):
        read_outline(StoreReader(db))


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_store_path_that_is_no_regular_file_is_said_for_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    from govread.store_library import StoreReader, StoreReadError

    path = tmp_path / "s.sqlite3"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    said = {"fifo": "FIFO", "folder": "folder", "device": "device"}[kind]
    assert main(["search", "行政复议", "--store", str(path)]) == 1
    err = capsys.readouterr().err
    assert said in err and "no such store" not in err
    assert main(["compare", "青禾县", "白沙区", "--store", str(path)]) != 0
    err = capsys.readouterr().err
    assert said in err and "no such store" not in err
    with pytest.raises(StoreReadError, match=said):
        StoreReader(path)

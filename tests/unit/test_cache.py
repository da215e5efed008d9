"""The parsed-report cache: exact round trip, keyed by content and parser, never trusted blindly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from govread.cache import ReportCache, report_from_dict, report_to_dict
from govread.parsers import parse_text


def test_round_trip_is_exact(samples) -> None:
    for report in samples:
        assert report_from_dict(report_to_dict(report)).outline() == report.outline()
        assert report_from_dict(report_to_dict(report)) == type(report)(
            **{f: getattr(report, f) for f in report.__slots__ if f != "path"}, path=None
        )


def test_get_put_hit_and_miss(tmp_path: Path, samples) -> None:
    cache = ReportCache(tmp_path / "c.sqlite3")
    report = samples[0]
    assert cache.get(report.sha256) is None
    cache.put(report)
    again = cache.get(report.sha256, path="/elsewhere/a.txt")
    assert again is not None
    assert again.path == "/elsewhere/a.txt"
    assert again.outline() == report.outline() and again.sections == report.sections
    assert (cache.hits, cache.misses) == (1, 1)


def test_another_parser_version_is_a_miss(tmp_path: Path, samples, monkeypatch) -> None:
    cache = ReportCache(tmp_path / "c.sqlite3")
    cache.put(samples[0])
    monkeypatch.setattr("govread.cache.PARSER_VERSION", "999")
    assert cache.get(samples[0].sha256) is None


def test_a_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path, samples) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = ReportCache(path)
    assert cache.get(samples[0].sha256) is None
    cache.put(samples[0])
    assert cache.get(samples[0].sha256) is not None
    assert list(tmp_path.glob("c.sqlite3.bad-*"))


def test_a_cache_path_that_is_no_regular_file_is_set_aside_never_opened(
    tmp_path: Path, samples
) -> None:
    """QA: a cache path that was a link to /dev/zero was opened by SQLite, which made
    `/dev/zero-journal` beside the device (as root); a folder, a FIFO or a link to one
    left the cache off for good, unsaid. Each is set aside, said once, and a cache made."""
    import os

    target = tmp_path / "elsewhere"
    target.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for index, make in enumerate(
        (
            lambda p: os.symlink(target, p),
            lambda p: os.symlink(fifo, p),
            lambda p: os.mkfifo(p),
            lambda p: p.mkdir(),
        )
    ):
        path = tmp_path / f"c{index}.sqlite3"
        make(path)
        cache = ReportCache(path)
        cache.put(samples[0])
        assert cache.get(samples[0].sha256) is not None
        notice = cache.take_notice()
        assert notice is not None and "not a regular file" in notice, notice
        assert len(list(tmp_path.glob(f"c{index}.sqlite3.bad-*"))) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("c")) == [
        "elsewhere",
        "fifo",
    ]  # nothing made beside what the links point to (elsewhere-journal, fifo-wal)
    assert list(target.iterdir()) == []


def test_a_set_aside_cache_is_said_in_the_interface_language(tmp_path: Path, samples) -> None:
    """QA: under --lang zh the cache's one line was English (its reasons f-strings)."""
    from govread.i18n import set_language

    damaged, folder = tmp_path / "damaged.sqlite3", tmp_path / "folder.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    folder.mkdir()
    set_language("zh")
    try:
        notices = []
        for path in (damaged, folder):
            cache = ReportCache(path)
            cache.put(samples[0])
            notices.append(cache.take_notice())
    finally:
        set_language("en")
    assert notices[0] is not None and "已损坏" in notices[0] and "新建了缓存" in notices[0]
    assert notices[1] is not None and "是文件夹，不是普通文件" in notices[1], notices[1]


def test_a_tampered_entry_is_not_trusted(tmp_path: Path, samples) -> None:
    cache = ReportCache(tmp_path / "c.sqlite3")
    cache.put(samples[0])
    db = cache._connect()
    assert db is not None
    db.execute('UPDATE reports SET body = \'{"not": "a report"}\'')
    db.commit()
    assert cache.get(samples[0].sha256) is None


def test_an_unwritable_location_degrades_to_no_cache(tmp_path: Path, samples) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ReportCache(blocker / "sub" / "c.sqlite3")
    cache.put(samples[0])
    assert cache.get(samples[0].sha256) is None


WRITER = """
import sys
from pathlib import Path
from govread.cache import ReportCache
from govread.parsers import parse_text
cache = ReportCache(Path(sys.argv[1]))
for index in range(30):
    cache.put(parse_text(f"一、标题{sys.argv[2]}-{index}\\n正文{index}"))
"""


def test_two_processes_writing_at_once_do_not_corrupt_it(tmp_path: Path) -> None:
    path = str(tmp_path / "c.sqlite3")
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, path, str(seed)]) for seed in (1, 2)]
    assert [worker.wait(60) for worker in workers] == [0, 0]
    cache = ReportCache(Path(path))
    for seed in (1, 2):
        report = parse_text(f"一、标题{seed}-29\n正文29")
        assert cache.get(report.sha256) == report

"""The parsed-report cache: exact round trip, keyed by content and parser, never trusted blindly."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
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


def test_a_report_named_by_its_file_name_is_kept_under_that_name(tmp_path: Path) -> None:
    """A report whose text names no place or year read them from its file name: the same
    bytes under another name are another entry; a report whose text names both is one
    entry for any name of the same suffix (the suffix is always read: .md is Markdown)."""
    cache = ReportCache(tmp_path / "c.sqlite3")
    nameless = "法治政府建设情况报告\n\n一、主要工作\n审查规范性文件12件。\n"
    report = parse_text(nameless, path="/a/咸宁市2023年报告.txt")
    assert (report.region, report.year, report.name_dependent) == ("咸宁市", 2023, True)
    cache.put(report)
    assert cache.get(report.sha256, "/b/宝鸡市2022年报告.txt") is None
    hit = cache.get(report.sha256, "/c/咸宁市2023年报告.txt")
    assert hit is not None and hit.region == "咸宁市" and hit.path == "/c/咸宁市2023年报告.txt"
    assert cache.known(
        [(report.sha256, "/b/宝鸡市2022年报告.txt"), (report.sha256, "/d/咸宁市2023年报告.txt")]
    ) == {(report.sha256, "/d/咸宁市2023年报告.txt")}

    placed = parse_text("咸宁市2023年法治政府建设情况报告\n\n一、主要工作\n审查规范性文件12件。\n")
    assert (placed.region, placed.year, placed.name_dependent) == ("咸宁市", 2023, False)
    cache.put(replace(placed, path="/a/x.txt"))
    assert cache.get(placed.sha256, "/b/宝鸡市2022年.TXT") is not None
    assert cache.get(placed.sha256, "/b/x.md") is None
    assert cache.known([(placed.sha256, "/e/y.txt"), (placed.sha256, "/e/y.md")]) == {
        (placed.sha256, "/e/y.txt")
    }


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

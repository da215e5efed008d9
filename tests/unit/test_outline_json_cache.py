"""`govread outline --format json|jsonl` from the cache's fragments: the same bytes as
`json.dumps` of the whole document, cold or warm; a warm run reads no file and parses
nothing; a file that changed, or a fragment that is not safe, is never served."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from govread import cache as cache_module
from govread.cache import default_path
from govread.cli import OUTLINE_SCHEMA, main, report_header
from govread.commands.outline import _nested
from govread.corpus import load, sample_paths
from govread.identity import DuplicateFinder
from govread.parsers import readers
from govread.sanitize import dumps_json


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The five samples, a byte-different copy of the first (a duplicate), a non-report."""
    target = tmp_path / "reports"
    target.mkdir()
    samples = sample_paths()
    for path in samples:
        shutil.copy(path, target / path.name)
    (target / "zz_copy.txt").write_bytes(samples[0].read_bytes() + b"\n\n")
    (target / "notes.png").write_bytes(b"not a report")
    return target


def expected(paths: list[str], *, lines: bool) -> str:
    """The document as `json.dumps` of the whole writes it (what govread always printed)."""
    reports = load(paths, use_cache=False, keep_duplicates=True).reports
    finder = DuplicateFinder()
    payload = []
    for report in reports:
        original = finder.original_of(report)
        payload.append(
            {
                "schema": OUTLINE_SCHEMA,
                **report_header(report),
                "text_sha256": report.text_sha256(),
                "duplicate_of": original.path if original else None,
                "outline": report.outline(),
                "tree": _nested(report.sections),
            }
        )
    if lines:
        return "".join(dumps_json(entry) + "\n" for entry in payload)
    return dumps_json(payload, separators=(",", ":")) + "\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["outline", *args])
    out, err = capsys.readouterr()
    return code, out, err


def forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("read or parsed although cached")

    monkeypatch.setattr(readers, "parse_text", fail)
    monkeypatch.setattr("govread.loading.read_bytes", fail)
    monkeypatch.setattr("govread.cache.ReportCache.get", fail)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cold_and_warm_runs_write_what_json_dumps_writes(
    folder: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", -1)  # the new files' stamps count
    want = expected([str(folder), str(folder / "zz_copy.txt")], lines=fmt == "jsonl")
    cold = run(capsys, "--format", fmt, str(folder), str(folder / "zz_copy.txt"))
    assert cold[1] == want
    assert '"duplicate_of":' in want and str(folder / sample_paths()[0].name) in want
    assert "notes.png" in cold[2]  # skipped, said on stderr
    forbid_reading(monkeypatch)
    assert run(capsys, "--format", fmt, str(folder), str(folder / "zz_copy.txt")) == cold


def test_a_changed_file_is_read_again(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", -1)
    run(capsys, "--format", "json", str(folder))
    changed = folder / sample_paths()[1].name
    text = changed.read_text("utf-8").replace("法治", "法制", 1)
    changed.write_text(text, "utf-8")  # same size: the stamp's times and inode tell
    os.utime(changed, ns=(1, 1))
    assert run(capsys, "--format", "json", str(folder))[1] == expected([str(folder)], lines=False)


def test_recent_files_are_not_trusted_by_their_stamp(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--format", "json", str(folder))
    db = sqlite3.connect(default_path())
    assert db.execute("SELECT count(*) FROM files").fetchone() == (0,)  # just written


def test_an_unsafe_or_damaged_fragment_is_computed_again(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run(capsys, "--format", "json", str(folder))
    db = sqlite3.connect(default_path())
    bodies = db.execute("SELECT rowid, body FROM derived WHERE kind LIKE 'outline-json:%'")
    rows = bodies.fetchall()
    assert len(rows) == 6
    db.execute("UPDATE derived SET body=? WHERE rowid=?", (rows[0][1] + "\x1b[2J", rows[0][0]))
    db.execute("UPDATE derived SET body=? WHERE rowid=?", ("no separators", rows[1][0]))
    db.commit()
    again = run(capsys, "--format", "json", str(folder))
    assert again == first
    assert "\x1b" not in again[1]


def test_without_the_cache_nothing_is_kept(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--format", "json", "--no-cache", str(folder))
    assert code == 0 and out == expected([str(folder)], lines=False)
    assert not default_path().exists()


def test_copies_named_for_other_places_keep_their_own_region_warm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text that names no place takes its region from its file name: its fragments are
    its name's, never served by its hash to a copy named for another place."""
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", -1)
    folder = tmp_path / "named"
    folder.mkdir()
    text = (
        "法治政府建设情况报告\n\n我们坚持以习近平法治思想为指导，深入推进法治政府建设。"
        "现将有关情况报告如下。\n\n一、主要工作\n（一）加强党的领导。召开常务会议专题学法4次。\n"
        "（二）推进依法行政。审查规范性文件12件。\n\n二、下一步工作\n继续推进法治政府建设。\n"
    )
    names = ["咸宁市2023年报告.txt", "宝鸡市2022年报告.txt"]
    for name in names:
        (folder / name).write_text(text, "utf-8")
    want = expected([str(folder)], lines=False)
    for _ in range(2):
        code, out, _err = run(capsys, "--format", "json", str(folder))
        assert code == 0 and out == want
        entries = {Path(e["path"]).name: e for e in json.loads(out)}
        assert [(entries[n]["region"], entries[n]["year"]) for n in names] == [
            ("咸宁市", 2023),
            ("宝鸡市", 2022),
        ]

"""`govread export`: what it writes, and what it refuses to overwrite."""

from __future__ import annotations

import errno
import os
import tomllib
from collections.abc import Iterable
from pathlib import Path

import pytest

from govread import atomic
from govread.cli import main
from govread.commands.export import _select, _select_each
from govread.corpus import sample_paths
from govread.export import FORMAT, marks_from_export
from govread.marks import NodeRef
from govread.parsers import Report

QUERY = "行政复议"  # in every sample


def _stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_writes_every_hit(
    tmp_path: Path, samples: list[Report], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hits.toml"
    assert main(["export", "--query", QUERY, "-o", str(out)]) == 0
    document = tomllib.loads(out.read_text("utf-8"))
    assert document["format"] == FORMAT
    tables = document["item"]
    ids = [t["id"] for t in tables if "id" in t]
    selected = _select(samples, QUERY)
    assert ids == [unit.id for unit in selected if isinstance(unit, NodeRef)]
    assert all(QUERY in t["text"] for t in tables)
    assert {t["kind"] for t in tables} <= {"section", "item", "preamble", "closing"}
    assert _stderr_lines(capsys) == [f"govread: wrote {len(tables)} nodes to {out}"]
    assert marks_from_export(out) == set(ids)


def test_select_needs_every_term(samples: list[Report]) -> None:
    both = _select(samples, "行政复议 出庭应诉")
    assert both
    for unit in both:
        text = unit.text() if isinstance(unit, NodeRef) else unit.text
        assert "出庭应诉" in text and "行政复议" in text


@pytest.mark.word_search
def test_query_a_report_at_a_time_selects_what_the_whole_corpus_does(
    samples: list[Report],
) -> None:
    """`--query` streams: one report searched at a time, yet a term held verbatim by some
    report is not replaced by its words in the others (行政执法人员资格 is in one sample
    only: searched alone, the others would match its words)."""

    def chosen(found: Iterable[object]) -> list[tuple[object, ...]]:
        return [
            (unit.id,) if isinstance(unit, NodeRef) else (unit.report.id, unit.kind)  # type: ignore[attr-defined]
            for unit in found
        ]

    for query in ("行政执法人员资格", "复议 -听证", '执法 | "依法行政"'):
        whole = chosen(_select(samples, query))
        assert chosen(_select_each(samples, query, lambda: samples)) == whole, query
    alone = chosen(unit for report in samples for unit in _select([report], "行政执法人员资格"))
    assert alone != chosen(_select(samples, "行政执法人员资格"))


def test_query_export_reads_one_report_at_a_time(samples: list[Report]) -> None:
    read: list[str] = []

    def reports() -> Iterable[Report]:
        for report in samples:
            read.append(report.id)
            yield report

    nodes = _select_each(reports(), QUERY, lambda: samples)
    first = next(nodes)
    # the first node comes as soon as its report is read, before the reports after it
    assert read[-1] == first.report.id and len(read) < len(samples)


def test_existing_file_is_left_untouched_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.toml"
    out.write_bytes(b"my own notes\n")
    os.utime(out, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert main(["export", "--query", QUERY, "-o", str(out)]) == 1
    assert out.read_bytes() == b"my own notes\n"
    assert out.stat().st_mtime_ns == 1_600_000_000_000_000_000
    assert _stderr_lines(capsys) == [
        f"govread: error: {out}: already exists; use --force to replace it"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.toml"]


def test_force_replaces(tmp_path: Path) -> None:
    out = tmp_path / "notes.toml"
    out.write_bytes(b"old")
    assert main(["export", "--query", QUERY, "-o", str(out), "--force"]) == 0
    assert tomllib.loads(out.read_text("utf-8"))["format"] == FORMAT


def test_a_file_made_during_the_export_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "race.toml"
    real_write = atomic._write_chunks  # the export is written a piece at a time

    def someone_else_writes(temp: Path, chunks: Iterable[bytes]) -> None:
        real_write(temp, chunks)
        out.write_bytes(b"theirs")

    monkeypatch.setattr(atomic, "_write_chunks", someone_else_writes)
    assert main(["export", "--all", "-o", str(out)]) == 1
    assert out.read_bytes() == b"theirs"
    assert _stderr_lines(capsys) == [
        f"govread: error: {out}: already exists; use --force to replace it"
    ]


def test_dash_writes_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--query", QUERY, "-o", "-"]) == 0
    captured = capsys.readouterr()
    document = tomllib.loads(captured.out)
    assert document["format"] == FORMAT and document["item"]
    assert captured.err == ""
    assert list(tmp_path.iterdir()) == []


def test_no_hits_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "empty.toml"
    assert main(["export", "--query", "绝不会出现的词语", "-o", str(out)]) == 1
    assert not out.exists()
    lines = _stderr_lines(capsys)
    assert len(lines) == 1
    assert lines[0].startswith("govread: error: no section matches '绝不会出现的词语'")


def test_no_such_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "out.toml"
    assert main(["export", "--all", "-o", str(out)]) == 1
    assert _stderr_lines(capsys) == [f"govread: error: {out}: no such folder: {out.parent}"]


def test_unwritable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_open = os.open

    def refuse_in_tmp(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).startswith(str(tmp_path)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "open", refuse_in_tmp)
    out = tmp_path / "out.toml"
    assert main(["export", "--all", "-o", str(out)]) == 1
    assert _stderr_lines(capsys) == [f"govread: error: {out}: permission denied"]
    assert list(tmp_path.iterdir()) == []


def test_output_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--all", "-o", str(tmp_path)]) == 1
    assert _stderr_lines(capsys) == [f"govread: error: {tmp_path}: is a folder, not a file"]


def test_all_exports_whole_reports(tmp_path: Path, samples: list[Report]) -> None:
    out = tmp_path / "all.toml"
    assert main(["export", "--all", "-o", str(out), *map(str, sample_paths())]) == 0
    tables = tomllib.loads(out.read_text("utf-8"))["item"]
    assert [t["kind"] for t in tables] == ["report"] * len(samples)
    assert [t["text"] for t in tables] == [r.full_text() for r in samples]


def test_default_name_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--all"]) == 0
    [written] = list(tmp_path.iterdir())
    assert written.name.startswith("govread-") and written.suffix == ".toml"


def test_a_named_file_that_fails_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.toml"
    missing = tmp_path / "missing.txt"
    code = main(["export", "--all", "-o", str(out), str(sample_paths()[0]), str(missing)])
    assert code == 1  # written, but the user named a file that could not be opened
    assert out.exists()
    assert f"govread: error: {missing}: no such file" in _stderr_lines(capsys)


def test_nothing_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.toml"
    assert main(["export", "--all", "-o", str(out), str(tmp_path / "nope.txt")]) == 1
    assert not out.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export"],
        ["export", "--query", "   "],
        ["export", "--all", "--query", "x"],
        ["export", "--all", "--format", "json"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: govread export" in capsys.readouterr().err


def test_dash_to_a_text_only_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    import contextlib
    import io

    stream = io.StringIO()
    with contextlib.redirect_stdout(stream):
        assert main(["export", "--all", "-o", "-"]) == 0
    assert tomllib.loads(stream.getvalue())["format"] == FORMAT


def test_a_name_in_a_format_export_does_not_write_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `-o notes.xlsx` wrote TOML under that name (anything but .csv/.jsonl/.md did).
    Without --format, another format's extension is a usage error and nothing is read or
    written; with --format, the name is the user's to choose."""
    out = tmp_path / "notes.xlsx"
    assert main(["export", "--all", "-o", str(out)]) == 2
    assert not out.exists()
    assert _stderr_lines(capsys) == [
        "govread: error: notes.xlsx: this export does not write .xlsx files; end the name in "
        ".toml, .csv, .jsonl or .md (or give --format)"
    ]
    assert main(["export", "--all", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,")

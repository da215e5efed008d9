"""The same report in two files (saved again, flattened) is flagged and shown once."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govread.corpus import sample_paths
from govread.identity import DuplicateFinder
from govread.parsers import parse_text

EXE = shutil.which("govread", path=str(Path(sys.executable).parent)) or "govread"
JINGXIAN = next(p for p in sample_paths() if p.stem.startswith("001"))


def _resaved(tmp_path: Path) -> tuple[Path, Path]:
    """The page as saved, and saved again a day later: another 浏览次数, no line breaks."""
    text = JINGXIAN.read_text("utf-8")
    first = tmp_path / "a.txt"
    first.write_text(text.replace("浏览次数:", "浏览次数: 120"), "utf-8")
    again = tmp_path / "b.txt"
    again.write_text(text.replace("浏览次数:", "浏览次数: 121").replace("\n", " "), "utf-8")
    return first, again


def test_a_report_saved_again_is_the_same_report(tmp_path: Path) -> None:
    first, again = (parse_text(p.read_text("utf-8"), path=str(p)) for p in _resaved(tmp_path))
    assert first.sha256 != again.sha256
    finder = DuplicateFinder()
    assert finder.original_of(first) is None
    assert finder.original_of(again) is first
    other = parse_text(sample_paths()[0].read_text("utf-8"))
    assert finder.original_of(other) is None


def test_the_cli_names_the_duplicate_once(tmp_path: Path) -> None:
    first, again = _resaved(tmp_path)
    run = [EXE, "outline", "--no-cache", str(first), str(again)]
    text = subprocess.run(run, capture_output=True, text=True, timeout=60, check=True).stdout
    assert f"  duplicate of {first}" in text
    assert text.count("一、2022年度法治政府建设的工作举措和成效") == 1
    data = json.loads(
        subprocess.run(
            [*run, "--format", "json"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
    )
    assert [d["duplicate_of"] for d in data] == [None, str(first)]
    assert data[0]["text_sha256"] == data[1]["text_sha256"]
    assert data[0]["genre"] == "法治政府建设报告" and data[0]["issuer_level"] == "government"


def test_a_file_name_with_controls_is_shown_escaped() -> None:
    from govread.opening import duplicate_problem

    original = parse_text("一、甲。正文。\n二、乙。正文。", path="a\x1b[31m.txt")
    for shown in (
        str(duplicate_problem("b.txt", original)),
        duplicate_problem("b.txt", original).brief([]),
    ):
        assert "\x1b" not in shown
        assert "\\x1b[31m" in shown


def test_every_command_counts_the_same_text_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a report copied to a.txt and b.txt was listed twice by figures, coverage, check,
    cite and search (outline and export showed it once). Each shows it once now and says,
    as the browser does, which file repeats which."""
    from govread.cli import main

    first, again = _resaved(tmp_path)
    skipped = f"govread: skipped: {again}: is the same report as {first} (shown once)"
    for command in (
        ["figures", "--format", "csv"],
        ["coverage", "--format", "csv"],
        ["check", "--format", "csv"],
        ["cite", "--format", "csl-json"],
        ["search", "法治", "--format", "json", "--limit", "0"],
        ["export", "--all", "-o", "-"],
    ):
        assert main(["--lang", "en", *command, str(first)]) == 0, command
        alone = capsys.readouterr().out
        assert main(["--lang", "en", *command, str(first), str(again)]) == 0, command
        out, err = capsys.readouterr()
        assert skipped in err.splitlines(), command
        # (an export's `exported = <time>` may fall in the next second: not what is compared)
        assert _untimed(out) == _untimed(alone), command


def _untimed(text: str) -> str:
    return re.sub(r"(?m)^exported = \S+ \S+$", "exported = …", text)


def test_a_store_searches_the_same_text_once_as_the_files_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `search --store` answered from both copies (4 hits for 行政复议, the files 2,
    though the README promises the same hits); now the store's hits are the files'."""
    from govread.cli import main

    folder = tmp_path / "dup"
    folder.mkdir()
    first, again = _resaved(folder)
    other = folder / "c.txt"
    other.write_bytes(sample_paths()[0].read_bytes())
    db = tmp_path / "s.db"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    capsys.readouterr()

    def hits(*where: str) -> tuple[list[tuple[str, str, float]], str]:
        main(
            [
                "--lang",
                "en",
                "search",
                "行政复议 | 法治",
                *where,
                "--format",
                "json",
                "--limit",
                "0",
            ]
        )
        out, err = capsys.readouterr()
        found = [(Path(h["path"]).name, h["id"], round(h["score"], 9)) for h in json.loads(out)]
        return found, err

    from_files, files_err = hits(str(folder))
    from_store, store_err = hits("--store", str(db))
    assert from_store == from_files
    assert {name for name, _id, _score in from_files} == {"a.txt", "c.txt"}
    assert f"{again}: is the same report as {first} (shown once)" in store_err
    assert "b.txt: is the same report as" in files_err


def test_the_store_names_each_copy_and_search_counts_them_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a store counted a report saved twice twice in SQL, and every `search --store`
    named each copy on a line of its own. `reports.duplicate_of` names the original of each
    copy (kept true as files come and go); several copies are one line of a search."""
    import sqlite3

    from govread.cli import main

    folder = tmp_path / "dup"
    folder.mkdir()
    first, _again = _resaved(folder)
    third = folder / "c.txt"
    shutil.copy(first, third)
    (folder / "d.txt").write_bytes(sample_paths()[0].read_bytes())
    db = tmp_path / "s.db"
    assert main(["index", str(folder), "--store", str(db)]) == 0

    def copies() -> dict[str, str | None]:
        with sqlite3.connect(db) as raw:
            rows = raw.execute("SELECT path, duplicate_of FROM reports").fetchall()
        raw.close()
        return {Path(p).name: (Path(o).name if o else None) for p, o in rows}

    assert copies() == {"a.txt": None, "b.txt": "a.txt", "c.txt": "a.txt", "d.txt": None}
    capsys.readouterr()
    assert main(["--lang", "en", "search", "行政复议", "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert err.count("govread: skipped:") == 1
    assert "2 files repeat other reports' text" in err and "reports.duplicate_of" in err
    first.unlink()  # the original goes: the first copy left is the original now
    assert main(["index", str(folder), "--store", str(db)]) == 0
    assert copies() == {"b.txt": None, "c.txt": "b.txt", "d.txt": None}
    capsys.readouterr()
    assert main(["--lang", "en", "search", "行政复议", "--store", str(db)]) == 0
    assert "c.txt: is the same report as" in capsys.readouterr().err


def test_a_search_of_the_store_shows_paths_as_a_search_of_the_files_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `search --store` printed every path absolute (the store keeps them resolved)
    where a search of the files prints them as typed: now relative to the working folder
    when inside it, and absolute only outside it."""
    from govread.cli import main

    folder = tmp_path / "dup"
    folder.mkdir()
    _resaved(folder)
    db = tmp_path / "s.db"
    assert main(["index", str(folder), "--store", str(db)]) == 0
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()

    def shown(*where: str) -> tuple[list[str], str]:
        assert main(["--lang", "en", "search", "行政复议", *where]) == 0
        out, err = capsys.readouterr()
        return [line.strip() for line in out.splitlines() if line.strip().endswith(".txt")], err

    from_files, files_err = shown("dup")
    from_store, store_err = shown("--store", "s.db")
    assert from_files and from_store == from_files == ["dup/a.txt"] * len(from_files)
    assert "dup/b.txt: is the same report as dup/a.txt" in store_err
    assert "dup/b.txt: is the same report as" in files_err
    # (QA: the lines on files never indexed named them absolute beside it)
    (folder / "new.txt").write_text(JINGXIAN.read_text("utf-8")[:2000] + "新", "utf-8")
    _hits, scoped_err = shown("--store", "s.db", "dup")
    assert "1 file never indexed (first: dup/new.txt)" in scoped_err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    outside, _err = shown("--store", str(db))
    assert outside == [str(folder.resolve() / "a.txt")] * len(outside) and outside

"""The same report in two files (saved again, flattened) is flagged and shown once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

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

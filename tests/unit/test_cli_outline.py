"""`govread outline`, run as the installed command, as users and scripts run it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govread.corpus import sample_dir

EXE = shutil.which("govread", path=str(Path(sys.executable).parent)) or "govread"


def govread(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, cwd=cwd, timeout=60, stdin=subprocess.DEVNULL
    )


def test_json_outline_reproduces_every_labelled_sample(expected_for, tmp_path: Path) -> None:
    result = govread("outline", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert len(reports) == 5
    for report in reports:
        expected = expected_for(Path(report["path"]).name)
        assert report["outline"] == expected["outline"]
        for key in ("title", "region", "year", "published", "issuer"):
            assert report[key] == expected[key], key
        assert {"display_title", "source", "tree"} <= report.keys()


def test_text_outline_is_indented_and_readable(tmp_path: Path) -> None:
    result = govread("outline", str(sample_dir() / "002_a2eb6659322275ec.txt"), cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "株洲市 2024年 法治政府建设情况"
    assert "  一、加强党对法治政府建设的领导" in lines


def test_version_and_help() -> None:
    assert govread("--version").stdout.startswith("govread ")
    assert "outline" in govread("--help").stdout
    assert "--format" in govread("outline", "--help").stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "is a binary file, not text"),
        (b"  \n\n ", "is empty"),
    ],
    ids=["empty", "binary", "blank"],
)
def test_bad_files_named_explicitly_fail_with_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = govread("outline", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == f"govread: error: {bad}: {reason}"
    assert "Traceback" not in result.stderr


def test_a_missing_path_is_one_clear_line(tmp_path: Path) -> None:
    result = govread("outline", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"govread: error: {tmp_path / 'nope.txt'}: no such file"


def test_in_a_folder_bad_files_are_skipped_and_the_rest_load(tmp_path: Path) -> None:
    shutil.copy(sample_dir() / "000_a2921691a043be3c.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")
    result = govread("outline", "--format", "json", str(tmp_path))
    assert result.returncode == 0
    assert [r["region"] for r in json.loads(result.stdout)] == ["咸宁市"]
    assert "skipped" in result.stderr and "b.txt: is empty" in result.stderr


def test_undecodable_bytes_are_decoded_or_refused_clearly(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(
        (sample_dir() / "000_a2921691a043be3c.txt").read_text("utf-8").encode("gb18030")
    )
    result = govread("outline", "--format", "json", str(gbk))
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["region"] == "咸宁市"


def test_the_browser_refuses_to_start_without_a_terminal() -> None:
    result = govread()
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr

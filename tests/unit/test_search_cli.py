"""`govread search`: JSON and text output, exit codes, the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from govread.cli import main
from govread.corpus import sample_paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_hits_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "行政复议", "--format", "json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert hits
    for hit in hits:
        for key in ("path", "region", "year", "section", "heading", "snippet", "score", "match"):
            assert key in hit
        assert hit["match"] in {"exact", "words"}
        assert isinstance(hit["section"], list) and hit["section"][-1] == hit["heading"]
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert hits[0]["region"] == "秦皇岛市" and hits[0]["year"] == 2023


def test_word_matches_are_marked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "规范执法人员资格", "--format", "json", "--limit", "0")
    assert code == 0
    hits = json.loads(out)
    assert {hit["match"] for hit in hits} == {"words"}
    assert any(hit["heading"] == "加强行政执法人员培训和资格管理" for hit in hits)


def test_paths_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    one = str(sample_paths()[0])  # 咸宁
    code, out, _ = run(capsys, "法治", one, "--format", "json", "--limit", "2")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2 and {h["path"] for h in hits} == {one}


def test_text_output_shows_report_text_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "某市2023年法治政府建设情况报告\n一、[bold]加强[/]领导\n推进行政复议[red]工作。\n", "utf-8"
    )
    code, out, err = run(capsys, "行政复议", str(report))
    assert code == 0 and err == ""
    assert "[bold]加强[/]领导" in out
    assert "推进行政复议[red]工作" in out


def test_text_output_lists_region_year_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "枫桥经验")
    assert code == 0
    assert "咸宁市 2023" in out and "宝鸡市 2023" in out and "枫桥经验" in out
    assert "1." in out and "sample_reports" in out


def test_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "这个词不会出现在报告里")[0] == 1
    code, _, err = run(capsys, "  ")
    assert code == 2 and err.startswith("govread: error: empty query")
    assert run(capsys, "|")[0] == 2
    assert run(capsys, "行政复议", "--limit", "-1")[0] == 2
    code, _, err = run(capsys, "行政复议", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt: no such file" in err
    assert run(capsys, "--format", "xml", "法治")[0] == 2
    assert run(capsys, "--", "-信访 行政复议")[0] == 0


@pytest.mark.skipif(shutil.which("govread") is None, reason="govread is not installed on PATH")
def test_installed_command_is_quiet_on_stderr() -> None:
    done = subprocess.run(
        ["govread", "search", "行政复议 | 枫桥经验", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert json.loads(done.stdout)
    none = subprocess.run(
        ["govread", "search", "无此词语"], capture_output=True, text=True, timeout=120
    )
    assert none.returncode == 1


@pytest.mark.parametrize(
    ("argv", "missing"),
    [
        (["search"], "QUERY"),  # PATH ... is optional
        (["compare", "咸宁"], "B"),  # C ... is optional
        (["compare"], "A, B"),
    ],
)
def test_a_usage_error_names_only_what_is_missing_and_required(
    argv: list[str], missing: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["--lang", "en", *argv])
    except SystemExit as exited:  # argparse's own exit (compare); search returns it
        code = exited.code
    assert code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.endswith(f"the following arguments are required: {missing}"), last


def test_an_optional_list_of_paths_is_empty_when_none_is_given() -> None:
    from govread.cli import ArgumentParser

    parser = ArgumentParser(prog="x")
    parser.add_argument("query")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--tag", nargs="*")
    args = parser.parse_args(["q"])
    assert args.paths == [] and args.tag is None
    assert parser.parse_args(["q", "a", "b"]).paths == ["a", "b"]


def test_a_field_value_no_report_can_have_is_said_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`year:abc` finds nothing: stderr says why, in the interface language, in any format."""
    code, out, err = run(capsys, "复议 year:abc", "--format", "json")
    assert code == 1 and json.loads(out) == []
    assert err == "govread: year:abc: not a year (2022, 2020-2022)\n"
    assert main(["--lang", "zh", "search", "复议 年份:20x3"]) == 1
    assert "govread：年份:20x3：不是年份（2022、2020-2022）" in capsys.readouterr().err
    code, out, err = run(capsys, "复议 year:2023年", "--limit", "1")
    assert code == 0 and err == ""


def test_text_at_columns_zero_is_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: COLUMNS=0 (a width unknown) made `govread search` print nothing, hits and all."""
    monkeypatch.setenv("COLUMNS", "0")
    assert main(["search", "出庭应诉", "--limit", "1"]) == 0
    assert "出庭应诉" in capsys.readouterr().out


def test_a_hit_with_no_text_of_its_own_prints_no_blank_snippet_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """QA: a chapter heading that matched, its text all in its sub-sections, printed an empty
    snippet line between the heading and the path."""
    report = tmp_path / "r.txt"
    report.write_text(
        "某县2023年法治政府建设情况报告\n一、健全依法行政制度体系\n（一）加强规范性文件管理\n"
        + "全年审查规范性文件，落实合法性审核机制，规范制定程序，提升文件质量。" * 3
        + "\n（二）推进严格执法\n"
        + "落实行政执法三项制度，开展执法案卷评查，规范执法行为，提升执法水平。" * 3
        + "\n",
        "utf-8",
    )
    assert main(["search", "依法行政", str(report)]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    assert lines[first + 1].strip(), lines[first : first + 3]


class _Terminal:
    """A stderr that says it is a terminal and keeps what is written to it."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_a_long_search_of_files_draws_its_progress_on_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a first search of 252 files took 14 s with nothing on the screen. Once reading
    and segmenting have taken `PROGRESS_DELAY`, a bar says how far they are, on a
    terminal only; a quick search draws none (and a pipe never gets one)."""
    from govread.commands import progress

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    assert main(["search", "复议", "--format", "json"]) == 0
    drawn = "".join(terminal.written)
    assert "reading" in drawn and "segmenting" in drawn and "5/5" in drawn
    assert drawn.endswith("\n")  # the bar's line ended before the hits
    assert json.loads(capsys.readouterr().out)  # the hits on stdout as before
    terminal.written.clear()
    monkeypatch.setattr(progress, "DELAY", 60.0)
    assert main(["search", "复议", "--format", "json"]) == 0
    assert "".join(terminal.written) == ""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    assert main(["figures", "--format", "csv"]) == 0
    assert "reading" in "".join(terminal.written)

"""`govread figures / coverage / check`: output read back, JSON shape, a generated corpus."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from govread.checklist import CONTENTS, check, deadline, parse_date
from govread.cli import main
from govread.corpus import load, sample_paths
from govread.coverage import coverage
from govread.figure_table import COLUMNS, figure_rows
from govread.parsers import Report
from govread.tabular import render

# Enough reports for every shape the generator makes; how the tables scale to thousands of
# reports is measured in benchmarks/ (RESULTS.md, "Scale"), not here.
GENERATED = 100


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "a spreadsheet needs the BOM to see UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_check_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--format", "json")
    assert code == 0 and err == ""
    reports = json.loads(out)
    assert [r["region"] for r in reports] == ["咸宁市", "泾县", "株洲市", "秦皇岛市", "宝鸡市"]
    for report in reports:
        assert list(report) == [
            "path",
            "region",
            "year",
            "contents",
            "published",
            "made_public",
            "made_public_by",
            "on_time",
        ]
        assert list(report["contents"]) == list(CONTENTS)
    baoji = reports[4]
    assert baoji["published"] == "2024-04-01" and baoji["on_time"] is False
    assert baoji["contents"]["shortcomings"] == {
        "found": True,
        "evidence": ["6a4386044a75/closing"],
    }


def test_check_csv_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "csv")
    rows = read_csv(out)
    assert code == 0 and len(rows) == 5
    assert rows[0]["region"] == "咸宁市" and rows[0]["shortcomings"] == "true"
    assert rows[0]["shortcomings_evidence"] == "623c7165bdb7/2"
    assert rows[4]["on_time"] == "false" and rows[0]["other"] == "false"
    code, out, _ = run(capsys, "check", str(sample_paths()[4]))
    assert "宝鸡市 2023" in out and "late" in out and "✗ 其他需要报告的情况" in out
    assert "但还存在一些问题" in out  # the sentence that proves the verdict


def test_figures_csv_reads_back_with_the_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "figures", "--format", "csv", "--indicator", "出庭应诉率")
    rows = read_csv(out)
    assert code == 0 and rows
    assert list(rows[0]) == list(COLUMNS)
    xianning = next(r for r in rows if r["region"] == "咸宁市")
    assert xianning["indicator"] == "出庭应诉率" and xianning["value"] == "100"
    assert xianning["unit"] == "%" and xianning["approximate"] == "false"


def test_figures_jsonl_json_and_pivot(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "figures", "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines and all(list(line) == list(COLUMNS) for line in lines)
    assert isinstance(lines[0]["value"], float) and isinstance(lines[0]["approximate"], bool)
    _, out, _ = run(capsys, "figures", "--format", "json")
    assert json.loads(out) == lines
    code, out, _ = run(capsys, "figures", "--indicator", "出庭应诉率", "--indicator", "调解成功率")
    assert code == 0
    header = next(line for line in out.splitlines() if "出庭应诉率" in line)
    assert "调解成功率" in header
    xianning = next(line for line in out.splitlines() if "咸宁市 2023" in line)
    assert "100%" in xianning and "96%" in xianning  # 出庭应诉率 100%, 调解成功率96%


def test_coverage_formats(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "coverage", "--format", "json")
    reports = json.loads(out)
    assert reports[4]["themes"]["digital"]["units"] >= 1
    assert sum(t["share"] for t in reports[0]["themes"].values()) == pytest.approx(1, abs=1e-3)
    _, out, _ = run(capsys, "coverage", "--format", "csv")
    rows = read_csv(out)
    assert len(rows) == 5 * len(reports[0]["themes"])
    assert {"region", "theme", "theme_name", "units", "share"} <= set(rows[0])
    code, out, _ = run(capsys, "coverage")
    assert code == 0 and "突发事件应对" in out and "宝鸡市 2023" in out


def test_usage_and_missing_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--format", "xml")
    assert code == 2 and "invalid choice" in err
    code, _, err = run(capsys, "figures", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err


# -- a generated corpus (GENERATED reports, made once for the module) ------------------------


@pytest.fixture(scope="module")
def generated(
    tmp_path_factory: pytest.TempPathFactory, write_generated: Callable[..., Path]
) -> tuple[Path, list[Report]]:
    folder = write_generated(tmp_path_factory.mktemp("generated"), GENERATED, seed=16)
    result = load([folder], use_cache=False)
    assert len(result.reports) == GENERATED and not result.problems
    return folder, result.reports


def test_generated_corpus_checklist(generated: tuple[Path, list[Report]]) -> None:
    _, reports = generated
    started = time.perf_counter()
    results = [check(report) for report in reports]
    assert time.perf_counter() - started < 10
    for result in results:
        report = result.report
        headings = [s.heading for s in report.sections]
        assert result.contents["measures"].found  # every generated report has sections
        # The 咸宁 and 泾县 sections on shortcomings and plans carry them wherever they go.
        if "下一步工作安排" in headings:
            assert result.contents["shortcomings"].found and result.contents["next_year"].found
        if any(h.endswith("存在的不足和原因") for h in headings):
            assert result.contents["shortcomings"].found
        date = parse_date(report.published)
        if date is None or report.year is None:
            assert result.on_time is None
        else:
            assert result.on_time is (date < deadline(report.year))
        ids = {s.id for s in report.walk()} | {i.id for s in report.walk() for i in s.items}
        prefix = report.id
        ids |= {f"{prefix}/preamble", f"{prefix}/closing"}
        for content in result.contents.values():
            assert set(content.node_ids) <= ids  # every piece of evidence can be jumped to


def test_generated_corpus_tables(generated: tuple[Path, list[Report]]) -> None:
    _, reports = generated
    started = time.perf_counter()
    rows = figure_rows(reports)
    shares = [coverage(report) for report in reports]
    assert time.perf_counter() - started < 20
    assert {row["sha256"] for row in rows} == {r.sha256 for r in reports}
    assert all(c.total_chars > 0 for c in shares)
    back = read_csv(render("csv", COLUMNS, rows))
    assert [b["sha256"] for b in back] == [r["sha256"] for r in rows]
    assert [b["text"] for b in back] == [r["text"] for r in rows]


@pytest.mark.parametrize("command", ["figures", "coverage"])
def test_a_table_wider_than_the_terminal_is_written_report_by_report(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `govread figures` and `govread coverage` drew their table 170 cells wide whatever
    the terminal, and an 80-column terminal broke every line of it in two. A table wider than
    the terminal (COLUMNS, or the terminal's own width) is written one report at a time, a
    line per indicator or topic; written to a file or a pipe (no COLUMNS) it stays a table."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(capsys, command)
    assert code == 0
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= 60
    assert "┃" not in out and "宝鸡市 2023" in out
    name = "行政机关负责人出庭应诉率" if command == "figures" else "突发事件应对"
    lines = out.splitlines()
    start = lines.index("宝鸡市 2023") + 1
    own = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        own.append(line)
    assert any(name in line for line in own)
    if command == "figures":
        assert any("95.08%" in line for line in own if name in line)
    monkeypatch.delenv("COLUMNS")
    _, out, _ = run(capsys, command)
    assert "┃" in out  # a table for a file


@pytest.mark.parametrize("form", ["text", "csv", "json"])
def test_an_indicator_no_report_has_is_said(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    """QA: `govread figures --indicator 某某不存在率` printed an empty column (or no rows) and
    exit 0, as if every report were silent on it: a name misspelt looked like a finding. The
    names no figure answers are said on stderr, one line, the output unchanged."""
    code, _out, err = run(
        capsys,
        "figures",
        "--format",
        form,
        "--indicator",
        "出庭应诉率",
        "--indicator",
        "某某不存在率",
    )
    assert code == 0
    assert "某某不存在率" in err and "出庭应诉率" not in err
    assert len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, "figures", "--format", form, "--indicator", "出庭应诉率")
    assert err == ""


def test_a_blank_indicator_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """QA: `--indicator ''` drew a column with no header and no value, exit 0."""
    for blank in ("", "  "):
        code, out, err = run(capsys, "figures", "--indicator", blank)
        assert code == 2 and out == ""
        assert "--indicator" in err and "name" in err
    code, out, _ = run(capsys, "figures", "--indicator", " 出庭应诉率 ")
    assert code == 0 and "95.08%" in out


@pytest.mark.parametrize("command", ["figures", "coverage", "check"])
def test_table_csv_guards_a_file_name_a_spreadsheet_would_run(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sample = sample_paths()[0]
    (tmp_path / "=1+2.txt").write_bytes(Path(sample).read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, _err = run(capsys, command, ".", "--format", "csv", "--no-cache")
    assert code == 0
    rows = read_csv(out)
    assert rows and {row["path"] for row in rows} == {"'=1+2.txt"}

"""A long chapter meets each item of the other report that one of its passages answers
(issue 14, item 2: rows n-to-m): a row holds a unit once, by its most alike partner, so
秦皇岛's 500-character chapter on 行政执法规范化 met one of 咸宁's four enforcement items while
a reader sets three of them against it."""

from __future__ import annotations

import pytest

from govread import compare as compare_module
from govread.compare import compare
from govread.corpus import load, sample_paths
from govread.multi_compare import compare_many
from govread.parsers.model import Report


def _reports() -> tuple[Report, Report, list[Report]]:
    reports = load(sample_paths(), use_cache=False).reports
    by_stem = {r.path.split("/")[-1][:3]: r for r in reports if r.path}
    return by_stem["000"], by_stem["003"], reports


def _pairs(comparison: compare_module.Comparison) -> dict[tuple[str, str], bool]:
    """(A node, B node) → whether the row joining them is a secondary one."""
    found: dict[tuple[str, str], bool] = {}
    for pair in comparison.pairs:
        for x in pair.a:
            for y in pair.b:
                key = (x.node_id.split("/")[-1], y.node_id.split("/")[-1])
                found[key] = found.get(key, True) and pair.secondary
    return found


def test_a_long_chapter_meets_each_item_its_passages_answer() -> None:
    xianning, qinhuangdao, corpus = _reports()
    pairs = _pairs(compare(xianning, qinhuangdao, corpus))
    # 咸宁 一、(三)2. 三是 包容审慎执法 (免罚清单) and 四是 执法监督 (案卷评查): 秦皇岛 五、(一)
    # ends with its 免罚清单 and opens with its 案卷评查
    assert pairs[("1.3.2#3", "5.1")] is True
    assert pairs[("1.3.2#4", "5.1")] is True
    assert pairs[("1.3.2#2", "5.1")] is False  # the chapter's own row, as before
    # each item keeps its own row too, and no item of 咸宁 meets a chapter of 秦皇岛 twice
    assert ("1.3.2#4", "5.3") in pairs
    # (QA: two items in one row got one passage, the first's): a row and a passage each
    hosted = [
        p
        for p in compare(xianning, qinhuangdao, corpus).pairs
        if p.secondary and any(u.node_id.endswith("/5.1") for u in p.b)
    ]
    assert len(hosted) >= 2
    assert all(len(p.a) == 1 and len(p.passages) == 1 for p in hosted)


def test_the_host_side_shows_the_passage_that_answers() -> None:
    xianning, qinhuangdao, corpus = _reports()
    for first, second in ((xianning, qinhuangdao), (qinhuangdao, xianning)):
        comparison = compare_many([first, second], corpus)
        rows = [
            row
            for row in comparison.rows
            if any(
                cell.secondary
                and any(u.node_id.endswith("/5.1") for u in cell.units)
                and cell.passages
                for cell in row.cells
            )
        ]
        assert rows, "秦皇岛 五、(一) hosts 咸宁's items with a passage of its own"


def _wide_rows(comparison: compare_module.Comparison) -> int:
    """Secondary rows whose units are all of the row's theme: second partners."""
    return sum(
        1
        for p in comparison.pairs
        if p.secondary and p.a and p.b and all(u.theme == p.theme for u in (*p.a, *p.b))
    )


def test_no_wide_host_without_a_passage_that_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bar out of reach, the comparison is the one-row-per-unit alignment."""
    xianning, qinhuangdao, corpus = _reports()
    # (a long section's runs make second partners of their own, 秦皇岛 5.1's 免罚 sentences
    # with 咸宁 1.3.2#3: out of reach too, so only the wide hosts are counted)
    monkeypatch.setattr(compare_module, "RUN_THRESHOLD", 2.0)
    assert _wide_rows(compare(xianning, qinhuangdao, corpus)) > 0
    monkeypatch.setattr(compare_module, "WIDE_FIT", 2.0)
    comparison = compare(xianning, qinhuangdao, corpus)
    assert _wide_rows(comparison) == 0
    assert ("1.3.2#4", "5.1") not in _pairs(comparison)


def test_the_command_line_marks_a_secondary_rows_hosts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`govread compare A B` showed a secondary row as any other: the side whose long unit is
    there for a passage of it now says so, as the N-report table does."""
    from govread.cli import main

    monkeypatch.setenv("COLUMNS", "160")
    xianning, qinhuangdao, _corpus = _reports()
    assert main(["--lang", "en", "compare", str(xianning.path), str(qinhuangdao.path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    marked = [n for n, line in enumerate(lines) if "(a secondary subject of these units)" in line]
    assert marked
    # the mark stands under the host's heading: 秦皇岛 五、(一) hosts 咸宁's enforcement items
    assert any("五、(一)" in lines[n - 1] for n in marked)


@pytest.mark.parametrize("form", ["csv", "jsonl", "toml"])
def test_every_export_of_two_reports_marks_a_secondary_row_and_its_passage(
    form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: only `--format json` said which rows were secondary; the CSV, JSON Lines and TOML
    gave a chapter's whole text with nothing to tell it from a row of its own subject."""
    import csv
    import io
    import json
    import tomllib

    from govread.cli import main

    xianning, qinhuangdao, _corpus = _reports()
    assert main(["compare", str(xianning.path), str(qinhuangdao.path), "--format", form]) == 0
    out = capsys.readouterr().out
    if form == "csv":
        rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
        secondary = [r for r in rows if r["secondary"] == "true"]
        plain = [r for r in rows if r["secondary"] == "false"]
        found = [(r["passage_ids"].split(";"), r["passage_text"], r) for r in secondary]
    elif form == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        secondary = [r for r in rows if r["secondary"] is True]
        plain = [r for r in rows if r["secondary"] is False]
        found = [(r["passage_ids"], r["passage_text"], r) for r in secondary]
    else:
        rows = tomllib.loads(out)["pair"]
        secondary = [r for r in rows if r.get("secondary")]
        plain = [r for r in rows if "secondary" not in r]
        found = [
            ([p["id"] for p in r["passage"]], "\n".join(p["text"] for p in r["passage"]), r)
            for r in secondary
        ]
    assert secondary and plain
    assert all(not r.get("passage_text") and not r.get("passage") for r in plain)
    for ids, text, row in found:
        assert ids and text
        # the passage is a stretch of a unit of the row (秦皇岛 五、(一) for 咸宁's items)
        if form == "toml":
            sides = [u["text"] for u in (*row["a"], *row["b"])]
        else:
            sides = [row["a_text"], row["b_text"]]
        assert all(any(part in side for side in sides) for part in text.split("\n"))
    assert any(any(i.endswith("/5.1") for i in ids) for ids, _text, _row in found)

"""A comparison as a TOML export: ``[[pair]]`` rows with both sides, and `govread compare
--format toml`'s output, overwrite refusal and --force."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path

import pytest

from govread.cli import main
from govread.compare import Comparison, compare
from govread.compare_export import export_comparison, marked_rows, rows_to_export
from govread.export import FORMAT, marks_from_export, read_export, read_export_contents
from govread.marks import resolve_in
from govread.parsers import Report

NOW = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def xianning_baoji(samples: list[Report]) -> Comparison:
    by_region = {r.region: r for r in samples}
    return compare(by_region["咸宁市"], by_region["宝鸡市"], samples)


@pytest.fixture(scope="module")
def document(xianning_baoji: Comparison) -> dict[str, object]:
    return tomllib.loads(export_comparison(xianning_baoji, now=NOW))


def test_every_row_is_a_pair_with_its_theme(
    xianning_baoji: Comparison, document: dict[str, object]
) -> None:
    assert document["format"] == FORMAT
    assert document["compare"]["a"]["region"] == "咸宁市"
    assert document["compare"]["b"]["region"] == "宝鸡市"
    assert document["compare"]["a"]["sha256"] == xianning_baoji.a.sha256
    pairs = document["pair"]
    assert [p["theme"] for p in pairs] == [row.theme_name for row in xianning_baoji.pairs]
    assert "item" not in document


def test_both_sides_hold_the_text_compared(
    xianning_baoji: Comparison, document: dict[str, object]
) -> None:
    for table, row in zip(document["pair"], xianning_baoji.pairs, strict=True):
        assert [t["text"] for t in table["a"]] == [u.text for u in row.a]
        assert [t["text"] for t in table["b"]] == [u.text for u in row.b]
        for side, report in (("a", xianning_baoji.a), ("b", xianning_baoji.b)):
            for node in table[side]:
                assert node["sha256"] == report.sha256
                assert node["region"] == report.region
                if node["kind"] == "closing":
                    assert "id" not in node and "path" not in node
                else:
                    ref = resolve_in(report, node["id"])
                    assert ref is not None and node["kind"] == ref.kind
                    assert node["path"] == list(ref.path)
                    assert node["text"] in ref.text() or all(
                        line.strip() in ref.text() for line in node["text"].split("\n")
                    )


def test_enforcement_row_pairs_the_two_cities(document: dict[str, object]) -> None:
    rows = [p for p in document["pair"] if p["theme"].startswith("行政执法") and p["a"] and p["b"]]
    assert rows, "a 行政执法 row with both sides"
    a_text = "\n".join(n["text"] for row in rows for n in row["a"])
    b_headings = [n.get("heading", "") for row in rows for n in row["b"]]
    assert "综合行政执法" in a_text
    assert any("行政执法" in heading for heading in b_headings)
    for row in rows:
        assert 0.0 < row["similarity"] <= 1.0
        assert isinstance(row["shared_keywords"], list)


def test_gaps_have_an_empty_side_and_no_similarity(
    xianning_baoji: Comparison, document: dict[str, object]
) -> None:
    gaps = [p for p in document["pair"] if not p["a"] or not p["b"]]
    assert len(gaps) == sum(row.is_gap for row in xianning_baoji.pairs) > 0
    for gap in gaps:
        assert gap["a"] == [] or gap["b"] == []
        assert "similarity" not in gap and "only_a" not in gap and "shared_keywords" not in gap


def test_figures_of_each_side_are_inside_its_text(document: dict[str, object]) -> None:
    found = 0
    for pair in document["pair"]:
        for node in (*pair["a"], *pair["b"]):
            for figure in node.get("figures", []):
                assert figure["text"] in node["text"]
                assert isinstance(figure["value"], float)
                found += 1
    assert found > 10
    rates = [
        f
        for pair in document["pair"]
        for node in pair["a"]
        for f in node.get("figures", [])
        if f.get("label") == "出庭应诉率"
    ]
    assert rates and rates[0]["value"] == 100.0 and rates[0]["unit"] == "%"


def test_each_sides_figures_say_whether_they_are_targets_as_the_comparison_does(
    xianning_baoji: Comparison, document: dict[str, object]
) -> None:
    """A figure of a side is `target = true` when the comparison holds it a target (咸宁's
    下一步工作安排: 出庭应诉率100% aimed at), as `govread figures` marks it."""
    comparison = xianning_baoji
    flags: list[bool] = []
    for row, pair in zip(comparison.pairs, document["pair"], strict=True):
        for side, units, pool, targets in (
            ("a", row.a, comparison.figures_a, comparison.targets_a),
            ("b", row.b, comparison.figures_b, comparison.targets_b),
        ):
            for unit, node in zip(units, pair[side], strict=True):
                expected = [targets[pool.index(f)] for f in comparison.figures_of(unit)]
                written = [f["target"] for f in node.get("figures", [])]
                assert written == expected
                flags += written
    assert True in flags and False in flags


def test_closing_parts_are_exported_but_not_marked(samples: list[Report], tmp_path: Path) -> None:
    by_region = {r.region: r for r in samples}
    comparison = compare(by_region["秦皇岛市"], by_region["株洲市"], samples)
    path = tmp_path / "pairs.toml"
    path.write_text(export_comparison(comparison), "utf-8")
    document = tomllib.loads(path.read_text("utf-8"))
    closings = [n for p in document["pair"] for s in "ab" for n in p[s] if n["kind"] == "closing"]
    assert closings, "株洲 and 秦皇岛 have closing paragraphs on 存在问题 / 下一步"
    # the units a comparison aligned are not marks: opening it restores none
    assert marks_from_export(path) == set()
    assert read_export(path) == []
    assert read_export_contents(path).pairs == len(comparison.pairs)


def test_marked_rows_are_those_with_a_marked_unit(xianning_baoji: Comparison) -> None:
    rows = xianning_baoji.pairs
    target = next(row for row in rows if row.b)
    chosen, by_marks = rows_to_export(xianning_baoji, {target.b[0].node_id})
    assert by_marks and target in chosen
    assert all(any(u.node_id == target.b[0].node_id for u in (*r.a, *r.b)) for r in chosen)
    everything, by_marks = rows_to_export(xianning_baoji, {"ffffffffffff/1"})
    assert not by_marks and everything == list(rows)
    assert marked_rows(xianning_baoji, set()) == []
    document = tomllib.loads(export_comparison(xianning_baoji, chosen))
    assert len(document["pair"]) == len(chosen)


# -- the CLI ----------------------------------------------------------------------------


def test_cli_toml_goes_to_stdout_by_default(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["compare", "咸宁", "宝鸡", "--format", "toml"]) == 0
    out = capsysbinary.readouterr().out
    document = tomllib.loads(out.decode("utf-8"))
    assert document["compare"]["a"]["region"] == "咸宁市"
    assert document["compare"]["b"]["region"] == "宝鸡市"
    assert any(p["a"] and p["b"] for p in document["pair"])
    assert any(p["theme"].startswith("行政执法") for p in document["pair"])


def test_cli_writes_a_file_and_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pairs.toml"
    assert main(["compare", "咸宁", "宝鸡", "--format", "toml", "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines() == [f"govread: wrote the comparison to {out}"]
    document = tomllib.loads(out.read_text("utf-8"))
    assert document["pair"] and document["compare"]["b"]["region"] == "宝鸡市"

    out.write_bytes(b"my own notes\n")
    os.utime(out, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert main(["compare", "咸宁", "宝鸡", "--format", "toml", "-o", str(out)]) == 1
    assert out.read_bytes() == b"my own notes\n"
    assert out.stat().st_mtime_ns == 1_600_000_000_000_000_000
    assert capsys.readouterr().err.splitlines() == [
        f"govread: error: {out}: already exists; use --force to replace it"
    ]

    assert main(["compare", "秦皇岛", "株洲", "--format", "toml", "-o", str(out), "--force"]) == 0
    document = tomllib.loads(out.read_text("utf-8"))
    assert document["compare"]["a"]["region"] == "秦皇岛市"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.toml"]


def test_cli_write_failure_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no" / "such" / "pairs.toml"
    assert main(["compare", "咸宁", "宝鸡", "--format", "toml", "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"govread: error: {out}: no such folder")
    assert not out.parent.exists()

    assert main(["compare", "咸宁", "宝鸡", "--format", "toml", "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"govread: error: {tmp_path}: is a folder, not a file"
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["-o", "x.md"],  # -o without --format, a name of no format compare writes
        ["-o", "x.xlsx"],  # another format's name
        ["--format", "text", "-o", "x.txt"],  # the table is for the terminal
        ["--format", "toml", "--force"],  # --force without -o
    ],
)
def test_cli_output_options_need_toml(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "compare", "咸宁", "宝鸡", *argv])
    assert exit_info.value.code == 2
    assert list(tmp_path.iterdir()) == []
    if argv[-1] in ("x.md", "x.txt"):
        # QA: "needs --format json, toml, csv or jsonl" alone, for a user who wanted the table
        # in a file: the endings a FILE takes, and how the table is kept, are said too
        said = capsys.readouterr().err.splitlines()[-1]
        assert ".json, .toml, .csv or .jsonl" in said and "> FILE keeps it" in said


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("c.toml", 'format = "govread-export/1"'),
        ("c.csv", "\ufeff"),
        ("c.json", '{"schema":"govread-compare/1"'),
    ],
)
def test_o_file_says_the_format_by_its_name_as_export_s_does(tmp_path, name, opening) -> None:
    """QA: `compare A B -o cmp.toml` asked for --format although export takes the format from
    the file's name, and the README says compare takes -o the same way."""
    from govread.cli import main

    target = tmp_path / name
    assert main(["compare", "咸宁", "宝鸡", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith(opening)
    with pytest.raises(SystemExit) as raised:  # a name of no format compare writes
        main(["compare", "咸宁", "宝鸡", "-o", str(tmp_path / "c.md")])
    assert raised.value.code == 2 and not (tmp_path / "c.md").exists()


def test_json_goes_to_a_file_as_the_other_formats_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `compare A B --format json -o x.json` was a usage error (only toml, csv and jsonl
    went to a file) while `compare --region … --format json -o` wrote one; and `-o out.xlsx`
    said "-o needs --format" where export names the endings it writes."""
    import json

    from govread.cli import main

    two, three = tmp_path / "two.json", tmp_path / "three.json"
    assert main(["compare", "咸宁", "宝鸡", "--format", "json", "-o", str(two)]) == 0
    assert main(["compare", "咸宁", "宝鸡", "泾县", "-o", str(three)]) == 0
    capsys.readouterr()
    assert main(["compare", "咸宁", "宝鸡", "--format", "json"]) == 0
    assert json.loads(two.read_text("utf-8")) == json.loads(capsys.readouterr().out)
    assert json.loads(three.read_text("utf-8"))["schema"] == "govread-compare-many/1"
    with pytest.raises(SystemExit):
        main(["--lang", "en", "compare", "咸宁", "宝鸡", "-o", str(tmp_path / "out.xlsx")])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "govread compare: error: out.xlsx: this export does not write .xlsx files; end the "
        "name in .json, .toml, .csv or .jsonl (or give --format)"
    )

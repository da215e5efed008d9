"""Comparing three reports or more (govread.multi_compare) and `govread compare A B C …`.

Hand-checked expectations on three short reports written for this (tests/fixtures/multi:
甲市 has 普法 and 存在的问题, 乙市 营商环境 and no 普法, 丙县 mentions 普法 only inside its
chapter on 统筹部署), properties on a generated corpus, and the command's formats.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest

from govread.cli import main
from govread.compare import compare, report_units
from govread.corpus import load
from govread.multi_compare import compare_many, figure_rows
from govread.parsers.model import Report
from govread.parsers.outline import parse_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "multi"
NAMES = ("甲市2023.txt", "乙市2023.txt", "丙县2023.txt")


@pytest.fixture(scope="module")
def three() -> list[Report]:
    reports = load([FIXTURES / name for name in NAMES]).reports
    assert [r.region for r in reports] == ["甲市", "乙市", "丙县"]
    return reports


def _row(comparison, theme: str, index: int = 0):
    return [row for row in comparison.rows if row.theme == theme][index]


def test_three_reports_one_cell_each_in_the_order_given(three: list[Report]) -> None:
    comparison = compare_many(three)
    assert comparison.labels == ("甲市 2023", "乙市 2023", "丙县 2023")
    assert all(len(row.cells) == 3 for row in comparison.rows)
    # the three enforcement chapters (三项制度 in each) are one row
    (row,) = [row for row in comparison.rows if row.theme == "enforcement"]
    assert [[u.heading for u in cell.units] for cell in row.cells] == [
        ["严格规范公正文明执法"],
        ["规范行政执法行为"],
        ["规范行政执法"],
    ]
    assert {"行政执法", "执法全过程记录"} <= set(row.shared_keywords)
    assert row.similarity > 0.3


def test_silent_only_where_no_text_covers_the_theme(three: list[Report]) -> None:
    comparison = compare_many(three)
    publicity = _row(comparison, "publicity")
    jia, yi, bing = publicity.cells
    assert [u.heading for u in jia.units] == ["深入开展普法宣传"]
    assert yi.status == "silent"  # 乙市 never speaks of 普法
    assert [u.heading for u in bing.units] == ["强化统筹部署"]  # 宪法宣传周 … in its §一
    functions = _row(comparison, "functions")  # 营商环境: 乙市 alone
    assert [cell.status for cell in functions.cells] == ["silent", "units", "silent"]
    assert functions.present == 1 and functions.similarity == 0.0
    problems = _row(comparison, "problems")  # 存在的问题: 甲市's two items alone
    assert [len(cell.units) for cell in problems.cells] == [2, 0, 0]
    assert [cell.status for cell in problems.cells[1:]] == ["silent", "silent"]


def test_a_chapter_meets_the_others_on_its_secondary_theme(three: list[Report]) -> None:
    comparison = compare_many(three)
    leadership = _row(comparison, "leadership")
    bing = leadership.cells[2]
    # 丙县 §一 is mainly 普法 by its words, but also the 第一责任人 duty: it fills the cell
    assert [u.heading for u in bing.units] == ["强化统筹部署"] and bing.secondary
    assert not leadership.cells[0].secondary and not leadership.cells[1].secondary


def test_figures_one_row_per_indicator_one_cell_per_report(three: list[Report]) -> None:
    comparison = compare_many(three)
    table = {row.label: [f.text if f else None for f in row.cells] for row in comparison.figures}
    assert table["行政机关负责人出庭应诉率"] == ["100%", "100%", "100%"]
    assert table["行政复议纠错率"] == ["12%", "9%", None]
    assert table["行政执法案卷评查数"] == ["120卷", "96卷", "45卷"]
    # 复议案件 86件 and 复议申请 64件 are other indicators: never paired on the unit (件)
    assert table["行政复议案件数"] == ["86件", None, None]
    assert table["行政复议申请数"] == [None, "64件", None]
    shared = comparison.shared_figures
    assert {row.label for row in shared} == {
        "行政机关负责人出庭应诉率",
        "行政复议纠错率",
        "行政执法案卷评查数",
    }
    assert comparison.figures[: len(shared)] == shared  # rows of several reports first


def test_two_reports_are_the_pairwise_comparison(samples: list[Report]) -> None:
    a, b = samples[0], samples[4]
    pairwise = compare(a, b, samples)
    many = compare_many([a, b], samples)
    assert len(many.rows) == len(pairwise.pairs)
    for row, pair in zip(many.rows, pairwise.pairs, strict=True):
        assert (row.theme, row.similarity) == (pair.theme, pair.similarity)
        assert row.cells[0].units == pair.a and row.cells[1].units == pair.b
        gap = next((cell for cell in row.cells if cell.is_gap), None)
        if gap is not None:
            assert gap.has_theme == pair.other_has_theme and gap.covered_by == pair.covered_by
    shared = [(r.cells[0], r.cells[1]) for r in many.shared_figures]
    assert shared == [(p.a, p.b) for p in pairwise.figures]


def test_generated_reports_every_unit_placed_and_silences_true(
    tmp_path: Path, write_generated
) -> None:
    folder = write_generated(tmp_path / "corpus", 9, seed=11)
    reports = load([folder]).reports
    chosen = [reports[i] for i in (0, 2, 4, 6, 8)]
    for count in (3, 5):
        comparison = compare_many(chosen[:count], reports)
        assert all(len(row.cells) == count for row in comparison.rows)
        for index, units in enumerate(comparison.units):
            placed = {
                u.key
                for row in comparison.rows
                for u in row.cells[index].units
                if not row.cells[index].secondary
            }
            assert placed == {u.key for u in units}, comparison.labels[index]
            for row in comparison.rows:
                cell = row.cells[index]
                if cell.status == "silent":
                    assert not any(u.covers(row.theme) for u in units), row.theme
        for row in comparison.rows:
            assert any(c.units and not c.secondary for c in row.cells)
        for row in comparison.figures:  # a row holds one figure per report, all alike
            first = next(f for f in row.cells if f is not None)
            for figure in row.cells:
                if figure is not None and figure is not first:
                    assert figure.indicator == first.indicator or figure.unit == first.unit


def test_figure_rows_never_pair_on_the_unit_alone(three: list[Report]) -> None:
    comparison = compare_many(three)
    rows = figure_rows(comparison.report_figures)
    for row in rows:
        present = [f for f in row.cells if f is not None]
        if len(present) >= 2:
            assert len({f.indicator for f in present}) == 1 or len({f.key for f in present}) == 1


def test_fewer_than_two_reports_is_refused(three: list[Report]) -> None:
    with pytest.raises(ValueError, match="two reports"):
        compare_many(three[:1])


# --- the command -----------------------------------------------------------------------

PATHS = [str(FIXTURES / name) for name in NAMES]


def test_cli_text_one_column_per_report(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["compare", *PATHS]) == 0
    out = capsys.readouterr().out
    assert "1 甲市 2023" in out and "2 乙市 2023" in out and "3 丙县 2023" in out
    assert "silent on this topic" in out
    figures = out[out.index("Figures") :]
    line = next(line for line in figures.splitlines() if "出庭应诉率" in line)
    assert line.split()[-3:] == ["100%", "100%", "100%"]


def test_cli_json_csv_jsonl_toml(capsys, tmp_path: Path) -> None:
    assert main(["compare", *PATHS, "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # compact, as the README says of compare's JSON
    document = json.loads(out)
    assert document["schema"] == "govread-compare-many/1"
    assert [r["label"] for r in document["reports"]] == ["甲市 2023", "乙市 2023", "丙县 2023"]
    publicity = next(r for r in document["rows"] if r["theme_id"] == "publicity")
    assert [c["status"] for c in publicity["cells"]] == ["units", "silent", "units"]
    rows = len(document["rows"])

    assert main(["compare", *PATHS, "--format", "csv", "-o", str(tmp_path / "c.csv")]) == 0
    text = (tmp_path / "c.csv").read_text("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    assert len(records) == 3 * rows
    assert {r["report"] for r in records} == {"甲市 2023", "乙市 2023", "丙县 2023"}

    assert main(["compare", *PATHS, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 * rows and json.loads(lines[0])["schema"] == "govread-compare-cell/1"

    assert main(["compare", *PATHS, "--format", "toml", "-o", str(tmp_path / "c.toml")]) == 0
    exported = tomllib.loads((tmp_path / "c.toml").read_text("utf-8"))
    assert [r["region"] for r in exported["compare"]["report"]] == ["甲市", "乙市", "丙县"]
    assert len(exported["row"]) == rows
    enforcement = next(r for r in exported["row"] if r["theme_id"] == "enforcement")
    assert [len(c["node"]) for c in enforcement["cell"]] == [1, 1, 1]
    assert all(c["node"][0]["id"].endswith("/2") for c in enforcement["cell"])


def test_cli_a_name_among_three_that_matches_nothing_is_a_usage_error(capsys) -> None:
    assert main(["compare", "咸宁", "宝鸡", "上海"]) == 2
    assert "上海: no report of that name" in capsys.readouterr().err


def test_plans_and_problems_share_a_row_only_on_one_subject(samples: list[Report]) -> None:
    from govread.compare import _same_subject

    by_region = {r.region: r for r in samples}
    reports = [by_region["咸宁市"], by_region["宝鸡市"], by_region["泾县"]]
    many = compare_many(reports, samples)
    for row in many.rows:
        if row.theme not in ("problems", "next_steps"):
            continue
        cells = [cell.units for cell in row.cells if cell.units and not cell.secondary]
        for i, mine in enumerate(cells):
            for theirs in cells[i + 1 :]:
                assert all(_same_subject(x, y) for x in mine for y in theirs), row.theme


def test_the_themes_only_row_takes_a_unit_only_when_each_other_unit_answers_it() -> None:
    # invented: B and C each say all they say on disputes in one chapter on 复议. A's 复议
    # item meets both; A's 调解 item shares no word with them: a row of its own, not a claim
    # that it is like two chapters on 复议 (as two-report rows: tests/unit/test_compare.py)
    items = parse_text(
        "一、化解矛盾纠纷\n一是行政复议规范高效。成立行政复议中心,全年受理行政复议申请60件,"
        "纠错8件。二是人民调解扎实开展。村居调解委员会调处邻里纠纷500件,调解成功率98%。\n",
        path="items.txt",
    )
    b = parse_text(
        "一、行政复议\n全年办理行政复议申请90件,行政复议纠错12件,复议中心窗口规范受理。\n",
        path="b.txt",
    )
    c = parse_text(
        "一、行政复议工作\n受理行政复议申请75件,依法纠错9件,行政复议决定书全部网上公开。\n",
        path="c.txt",
    )
    rows = [
        [[u.node_id.split("/")[1] for u in cell.units] for cell in row.cells]
        for row in compare_many([items, b, c]).rows
        if row.theme == "disputes"
    ]
    assert rows == [[["1#1"], ["1"], ["1"]], [["1#2"], [], []]]


def test_a_unit_left_alone_joins_a_row_only_when_a_passage_answers_it() -> None:
    from govread.multi_compare import _group_theme

    # invented vectors: (0, 0) and (1, 0) pair; (0, 1) is like (1, 0) only a little. It
    # joins their row unless no passage of (1, 0) answers it, as in two-report rows
    vectors = {(0, 0): {"x": 1.0}, (1, 0): {"x": 1.0, "y": 1.0}, (0, 1): {"y": 0.2, "z": 1.0}}
    nodes = [(0, 0), (0, 1), (1, 0)]
    assert _group_theme(nodes, vectors) == [[(0, 0), (1, 0), (0, 1)]]
    groups = _group_theme(nodes, vectors, answered=lambda x, y: x != (0, 1))
    assert groups == [[(0, 0), (1, 0)], [(0, 1)]]


def test_items_of_one_section_share_the_row_where_each_other_report_has_one_unit() -> None:
    from govread.multi_compare import _group_theme

    # invented vectors: report 0 lists three items of one section (1.4#1 … #3) and one of
    # another (2.1#1); reports 1 and 2 each give the theme one unit, like the first item
    # only. The section's other items join that row (as in two-report rows:
    # `compare._join_siblings`); the item of another section stays a row of its own, and
    # where report 2 writes the theme in two units, nothing joins
    vectors = {
        (0, 0): {"x": 1.0},
        (0, 1): {"y": 1.0},
        (0, 2): {"z": 1.0},
        (0, 3): {"v": 1.0},
        (1, 0): {"x": 1.0},
        (2, 0): {"x": 1.0},
        (2, 1): {"w": 1.0},
    }
    parents = {(0, 0): "a/1.4", (0, 1): "a/1.4", (0, 2): "a/1.4", (0, 3): "a/2.1"}

    # no passage of the other reports' units answers the other items (no word in common)
    def never(x: tuple[int, int], y: tuple[int, int]) -> bool:
        return False

    def group(nodes: list) -> list:
        return _group_theme(nodes, vectors, answered=never, parent=parents.get)

    nodes = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (2, 0)]
    assert group(nodes) == [[(0, 0), (1, 0), (2, 0), (0, 1), (0, 2)], [(0, 3)]]
    assert _group_theme(nodes, vectors, answered=never) == [
        [(0, 0), (1, 0), (2, 0)],
        [(0, 1), (0, 2), (0, 3)],
    ]
    assert group([*nodes, (2, 1)]) == [[(0, 0), (1, 0), (2, 0)], [(0, 1), (0, 2), (0, 3)], [(2, 1)]]


def test_items_do_not_share_a_row_by_their_siblings_on_the_overall_direction() -> None:
    # as in two-report rows (`compare._join_siblings`): on 党的领导 the other reports' one
    # unit, on 统筹部署, does not take the 领导干部学法 item for its sibling being like it
    # (the two reports of test_compare's test of the rule, and a third like the second)
    text_a = (
        "一、加强党对法治政府建设的领导\n"
        "一是领导干部学法常态化。将习近平法治思想列入理论学习中心组学习内容,"
        "市政府常务会议学法12次,国家工作人员学法考试参考率100%。"
        "二是法治政府建设统筹部署有力。召开依法治市委员会会议,制定法治政府建设工作方案,"
        "统筹部署年度任务,召开推进会。\n"
        "二、推进严格规范公正文明执法\n落实行政执法三项制度,开展案卷评查。\n"
    )
    text_b = (
        "一、积极统筹部署,高效推进法治政府建设\n区委区政府制定法治政府建设工作方案,召开部署会,"
        "统筹部署全年任务,定期召开推进会,找差距促落实。\n"
        "二、推进行政执法规范化\n落实行政执法三项制度,组织案卷评查。\n"
    )
    a, b = parse_text(text_a, path="a.txt"), parse_text(text_b, path="b.txt")
    c = parse_text(text_b.replace("区委区政府", "县委县政府"), path="c.txt")
    rows = [row for row in compare_many([a, b, c]).rows if row.theme == "leadership"]
    cells = [[[u.node_id.split("/", 1)[1] for u in cell.units] for cell in r.cells] for r in rows]
    assert ["1#1"] in [row[0] for row in cells]
    assert [["1#2"], ["1"], ["1"]] in cells


def test_the_themes_only_row_does_not_count_a_unit_never_met() -> None:
    from govread.multi_compare import _group_theme

    # invented vectors: (0, 0) and (1, 0) pair; (0, 1) is like (1, 0) a little. Report 1 has
    # a second unit, (1, 1), on a subject of its own that report 0 never names: with `apart`,
    # (1, 0) is report 1's one unit on the theme for (0, 1), which joins its row
    vectors = {
        (0, 0): {"x": 1.0},
        (1, 0): {"x": 1.0, "y": 1.0},
        (0, 1): {"y": 0.03, "z": 1.0},
        (1, 1): {"w": 1.0},
    }
    nodes = [(0, 0), (0, 1), (1, 0), (1, 1)]

    def meets(x, y) -> bool:
        return (1, 1) not in (x, y) or x[0] == y[0]

    def group(apart: bool) -> list:
        return _group_theme(nodes, vectors, meets, supported=lambda x, y: False, apart=apart)

    assert group(False) == [[(0, 0), (1, 0)], [(0, 1)], [(1, 1)]]
    assert group(True) == [[(0, 0), (1, 0), (0, 1)], [(1, 1)]]


def test_plans_on_one_main_subject_share_a_row_at_a_lower_likeness() -> None:
    from govread.multi_compare import _group_theme

    # invented vectors: (0, 0) and (1, 0) are alike at about 0.03, under the pair bar; as
    # plans on one main subject (`compare.pair_threshold`) they share a row, as in two-report rows
    vectors = {(0, 0): {"x": 1.0, "y": 5.0}, (1, 0): {"x": 1.0, "z": 5.0}}
    nodes = [(0, 0), (1, 0)]
    assert _group_theme(nodes, vectors) == [[(0, 0)], [(1, 0)]]
    groups = _group_theme(
        nodes, vectors, lambda x, y: True, threshold=lambda x, y, mutual: 0.02 if mutual else 0.05
    )
    assert groups == [[(0, 0), (1, 0)]]
    groups = _group_theme(nodes, vectors, lambda x, y: True, threshold=lambda x, y, mutual: 0.05)
    assert groups == [[(0, 0)], [(1, 0)]]


@pytest.mark.parametrize("columns", ["10", "24", "40"])
def test_cli_text_too_narrow_for_columns_stacks_each_row(
    columns: str, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `COLUMNS=10 govread compare A B C` printed blank columns. Where the columns cannot
    each have a few characters, every row is written as a block (its topic, then each
    report's cell under the report's label), no line wider than the terminal."""
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["compare", *PATHS]) == 0
    out = capsys.readouterr().out
    assert all(len(line.rstrip()) <= int(columns) for line in out.splitlines())
    flat = "".join(line.strip() for line in out.splitlines())
    for label in ("1甲市2023", "2乙市2023", "3丙县2023", "silentonthistopic", "出庭应诉率"):
        assert label in flat.replace(" ", "")
    # blank cells are not a table's: most lines hold some text
    lines = out.splitlines()
    assert sum(1 for line in lines if not line.strip()) < len(lines) / 3


def test_cli_text_two_reports_too_narrow_stacks_each_row(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "12")
    assert main(["compare", PATHS[0], PATHS[1]]) == 0
    out = capsys.readouterr().out
    assert all(len(line.rstrip()) <= 12 for line in out.splitlines())
    flat = "".join(line.strip() for line in out.splitlines()).replace(" ", "")
    assert "A甲市2023" in flat and "B乙市2023" in flat and "出庭应诉率" in flat


@pytest.mark.parametrize("columns", ["0", "1", "3"])
@pytest.mark.parametrize("count", [2, 3])
def test_cli_text_at_a_width_of_nothing_still_writes_the_comparison(
    columns: str, count: int, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: COLUMNS=0 printed nothing at all (exit 0), COLUMNS=1 dropped every Chinese
    character (two cells wide, it fits no line). A width of 0 is the terminal's unknown one;
    below ten cells the text is written ten wide."""
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["compare", *PATHS[:count]]) == 0
    flat = "".join(line.strip() for line in capsys.readouterr().out.splitlines())
    assert "甲市" in flat and "出庭应诉率" in flat


def test_a_problem_naming_no_subject_joins_the_only_row_only_when_answered() -> None:
    # invented: B and C each say their problems in one closing paragraph on 执法; A's two 执法
    # problems meet both by subject (三是 though no passage of theirs answers it), A's problem
    # of few highlights (no subject, no word in common) is a row of its own, as in two-report
    # rows (tests/unit/test_compare.py)
    a = parse_text(
        "甲县2023年法治政府建设情况报告\n一、严格规范公正文明执法\n"
        "全面推行行政执法三项制度,开展执法案卷评查,规范行政处罚裁量。\n二、存在的问题\n"
        "一是行政执法程序还不够规范,执法文书质量参差不齐。\n"
        "二是工作亮点和创新做法较少,示范经验总结提炼欠缺。\n三是综合执法改革推进较慢。\n",
        path="a.txt",
    )
    b, c = (
        parse_text(
            f"{name}2023年法治政府建设情况报告\n一、严格规范公正文明执法\n"
            "深化综合行政执法改革,落实行政执法公示制度,开展执法监督检查。\n"
            f"一年来,{name}法治政府建设取得一定成效,但仍存在一些不足:行政执法程序不够规范,"
            "执法人员能力有待提升。\n",
            path=f"{index}.txt",
        )
        for index, name in enumerate(("乙市", "丙市"))
    )
    rows = [
        [[u.text[:2] for u in cell.units] for cell in row.cells]
        for row in compare_many([a, b, c]).rows
        if row.theme == "problems"
    ]
    assert rows == [[["一是", "三是"], ["一年"], ["一年"]], [["二是"], [], []]]


def test_targets_share_rows_only_with_targets(samples) -> None:
    """A report's planned 出庭应诉率100% is never in one row with another's achieved rate: the
    row of targets is apart, after the results, and says so (json `target`)."""
    from govread.multi_compare import from_pairwise

    by_region = {r.region: r for r in samples}
    many = compare_many([by_region["泾县"], by_region["咸宁市"], by_region["宝鸡市"]], samples)
    for row in many.figures:
        for report, figure in zip(many.reports, row.cells, strict=True):
            if figure is None:
                continue
            index = many.report_figures[many.reports.index(report)].index(figure)
            from govread.compare import figure_targets

            assert (
                figure_targets(report, many.report_figures[many.reports.index(report)])[index]
                == row.target
            )
    assert any(row.target and row.present >= 2 for row in many.figures)
    pairwise = from_pairwise(compare(by_region["泾县"], by_region["咸宁市"], samples))
    court = [r for r in pairwise.figures if r.label == "行政机关负责人出庭应诉率"]
    assert [(r.target, r.present) for r in court] == [(True, 2)]
    alone = [r for r in pairwise.figures if r.present == 1 and r.cells[1] is not None]
    assert any(r.cells[1].text == "100%" and not r.target for r in alone)  # 咸宁's result


def test_figure_rows_keep_targets_apart() -> None:
    from govread.figures import figures_in

    achieved = figures_in(["全年行政机关负责人出庭应诉率达100%。"])
    planned = figures_in(["下一步,确保行政机关负责人出庭应诉率100%。"])
    rows = figure_rows([achieved, planned], [[False], [True]])
    assert [(r.present, r.target) for r in rows] == [(1, False), (1, True)]
    assert [r.present for r in figure_rows([achieved, planned])] == [2]


def test_an_item_naming_no_subject_joins_the_only_row_only_on_evidence() -> None:
    # invented: B and C each say all they say on 政府职能 in one 放管服 chapter; A's 二是
    # (立审执破, 结案率) is on the theme only by its chapter heading 优化营商环境 and shares
    # one word, 改革, with one sentence of theirs: no row holds it with theirs, in
    # two-report rows and in N-report rows alike; A's 政务服务 item meets both
    a = parse_text(
        "甲市2023年法治政府建设情况报告\n一、持续优化营商环境\n"
        "一是深化政务服务。推进政务服务一网通办,行政许可事项全部网上办理,审批时限压减一半。\n"
        "二是推行立审执破一体化改革,强制清算案件结案率为全省最优水平。\n",
        path="a.txt",
    )
    b, c = (
        parse_text(
            f"{name}2023年法治政府建设情况报告\n一、深化放管服改革\n"
            "推进政务服务一网通办,行政许可事项全部网上办理,审批时限平均压减一半。"
            "证照分离全面推开,政务服务大厅窗口整合。深化商事制度改革,企业开办压缩至一天。"
            "政务服务好差评全覆盖,审批服务便民。\n",
            path=f"{index}.txt",
        )
        for index, name in enumerate(("乙市", "丙市"))
    )
    assert not report_units(a)[1].themes  # its words name no subject
    pairs = [p for p in compare(a, b).pairs if p.theme == "functions"]
    assert [([u.text[:2] for u in p.a], len(p.b)) for p in pairs] == [(["一是"], 1), (["二是"], 0)]
    rows = [
        [[u.text[:2] for u in cell.units] for cell in row.cells]
        for row in compare_many([a, b, c]).rows
        if row.theme == "functions"
    ]
    assert rows == [[["一是"], ["推进"], ["推进"]], [["二是"], [], []]]


def test_plans_of_several_reports_meet_on_their_main_subject_as_two_do() -> None:
    """As in two-report rows: two plans on one main subject, each the other's most alike of
    its report among the plans on it, are joined at the lower bar, though one of them is
    more like another plan of the first report on the genre's words."""
    import math

    from govread.compare import Unit
    from govread.multi_compare import _group_theme, _plans_threshold

    def plan(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
        return Unit(key, key, "closing", "", "", "下一步", "next_steps", themes=themes)

    def vector(**weights: float) -> dict[str, float]:
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()}

    several = (("enforcement", 0.4), ("leadership", 0.35), ("oversight", 0.25))
    units = [
        [plan("a1", (("leadership", 1.0),)), plan("a2", (("enforcement", 1.0),))],
        [plan("b1", (("leadership", 1.0),)), plan("b2", several)],
    ]
    nodes = [(0, 0), (0, 1), (1, 0), (1, 1)]
    vectors = {
        (0, 0): vector(学习=1.0, 思想=1.0),
        (0, 1): vector(执法=1.0, 规范=3.0),
        (1, 0): vector(学习=1.0, 思想=1.0),
        (1, 1): vector(学习=1.0, 思想=0.5, 执法=0.12, 队伍=1.0),
    }
    main = {(0, 0): "leadership", (0, 1): "enforcement", (1, 0): "leadership"}
    main[(1, 1)] = "enforcement"
    covers = {node: {subject} for node, subject in main.items()}
    covers[(1, 1)] = {"enforcement", "leadership", "oversight"}
    threshold = _plans_threshold(units)

    def meets(x: tuple[int, int], y: tuple[int, int]) -> bool:  # (`compare._same_subject`)
        return main[x] in covers[y] or main[y] in covers[x]

    def rows(on_subject: bool) -> list[list[tuple[int, int]]]:
        subject_of = main.get if on_subject else None
        groups = _group_theme(nodes, vectors, meets, threshold=threshold, subject_of=subject_of)
        return [sorted(group) for group in groups]

    # b2 meets a1 too (it covers 学习) and is most like it on the genre's words
    assert [(0, 1), (1, 1)] in rows(on_subject=True)
    assert [(0, 1), (1, 1)] not in rows(on_subject=False)

"""Figures across reports: long rows, indicators asked by name, the pivot."""

from __future__ import annotations

import dataclasses

from govread.corpus_tables import entry_for, indicator_export_rows, indicator_sort_key, sort_entries
from govread.figure_table import (
    COLUMNS,
    asked_indicator,
    figure_rows,
    indicator_of,
    pivot,
    report_rows,
    value_text,
)
from govread.figures import extract, report_figures
from govread.parsers import Report, parse_text
from govread.plan_phase import target_test
from govread.timeline import indicator_series
from govread.tui.corpus.chart import indicator_chart


def test_long_rows_carry_place_and_provenance(samples: list[Report]) -> None:
    rows = figure_rows(samples)
    assert rows and all(set(COLUMNS) <= set(row) for row in rows)
    xianning = [r for r in rows if r["region"] == "咸宁市"]
    row = next(r for r in xianning if r["text"] == "40474件")  # 全市成功调解矛盾纠纷40474件
    assert row["value"] == 40474.0 and row["unit"] == "件" and row["year"] == 2023
    assert (row["province"], row["level"], row["genre"]) == ("湖北省", "市", "法治政府建设报告")
    assert row["section"] == "2.纵深推进市域社会治理现代化"
    assert row["node"] == "623c7165bdb7/1.4.2#2"  # 二是强化矛盾纠纷排查化解
    assert row["sha256"] == samples[0].sha256 and row["path"] == samples[0].path


def test_an_indicator_asked_by_name_takes_longer_subjects_ending_with_it(
    samples: list[Report],
) -> None:
    rows = figure_rows(samples, ["出庭应诉率"])
    regions = {r["region"] for r in rows}
    # 咸宁: 政府部门主要负责人出庭应诉率达100%; 泾县: 行政机关负责人出庭应诉率 100%
    assert {"咸宁市", "泾县"} <= regions
    assert all(r["indicator"] == "出庭应诉率" and r["unit"] == "%" for r in rows)
    # 宝鸡 writes 行政机关负责人出庭率: another name of the indicator 出庭应诉率 names
    assert {"咸宁市", "泾县", "宝鸡市"} <= regions
    assert all(str(r["subject"]).endswith(("出庭应诉率", "出庭率")) for r in rows)


def test_a_name_of_an_indicator_asks_for_it_however_a_report_writes_it(
    samples: list[Report],
) -> None:
    figure = extract("全县行政机关负责人出庭率为96.5%。")[0]
    assert indicator_of(figure) == "行政机关负责人出庭应诉率"
    assert asked_indicator(figure, ["出庭应诉率"]) == "出庭应诉率"
    assert asked_indicator(figure, ["出庭率"]) == "出庭率"
    assert asked_indicator(figure, ["行政复议纠错率"]) is None
    entries = [entry_for(report) for report in samples]
    held = {entry.label for entry in entries if entry.figure("出庭应诉率") is not None}
    assert "宝鸡市 2023" in held
    rows = indicator_export_rows(entries, ["出庭应诉率"])
    assert any(row["region"] == "宝鸡市" and row["indicator"] == "出庭应诉率" for row in rows)


def test_canonical_indicator_wins_over_the_subject() -> None:
    figure = extract("全市行政机关负责人出庭应诉率达100%")[0]
    assert indicator_of(figure) == "行政机关负责人出庭应诉率"
    canonical = dataclasses.replace(figure, indicator="出庭应诉率")
    assert indicator_of(canonical) == "出庭应诉率"
    assert asked_indicator(canonical, ["出庭应诉率"]) == "出庭应诉率"
    assert asked_indicator(figure, ["调解成功率"]) is None


def test_pivot_first_figure_per_report_most_widespread_first(samples: list[Report]) -> None:
    per_report = [report_rows(r) for r in samples]
    table = pivot(samples, per_report)
    canonical = {r["indicator"] for rows in per_report for r in rows if r["canonical"]}
    ranks = [(i not in canonical, -table.counts[i]) for i in table.indicators]
    assert ranks == sorted(ranks)  # canonical first, then the most widespread
    first = table.indicators[0]
    holders = [i for i in range(len(samples)) if table.cell(i, first)]
    assert len(holders) == table.counts[first] >= 2
    for index in holders:  # the cell is that report's first figure of the indicator
        cell = table.cell(index, first)
        assert cell is next(r for r in per_report[index] if r["indicator"] == first)


def test_value_text() -> None:
    assert value_text({"value": 100.0, "unit": "%", "approximate": False}) == "100%"
    assert value_text({"value": 361000.0, "unit": "户", "approximate": True}) == "≈361000户"
    assert value_text({"value": 98.6, "unit": "%", "approximate": False}) == "98.6%"
    assert value_text(None) == ""


# A 2022 report: the year's result, then next year's plans with a target of the same indicator.
_PLANNED = (
    "某县2022年度法治政府建设情况报告\n"
    "一、2022年度法治政府建设主要成效\n"
    "全县行政机关负责人出庭应诉率达95%,办理行政复议案件120件。\n"
    "二、2023年度工作安排\n"
    "确保行政机关负责人出庭应诉率100%,行政复议案件办理30件以上。\n"
)


def _report(text: str) -> Report:
    report = parse_text(text)
    return report if report.year else dataclasses.replace(report, year=2022)


def test_a_target_in_next_years_plans_is_marked_and_the_result_fills_the_cell() -> None:
    report = _report(_PLANNED)
    rows = report_rows(report, ["出庭应诉率"])
    assert [(r["value"], r["target"]) for r in rows] == [(95.0, False), (100.0, True)]
    table = pivot([report], [rows], ["出庭应诉率"])
    assert value_text(table.cell(0, "出庭应诉率")) == "95%"
    assert value_text(entry_for(report).figure("出庭应诉率")) == "95%"


def test_a_report_with_only_a_target_shows_it_marked() -> None:
    report = _report(_PLANNED.replace("全县行政机关负责人出庭应诉率达95%,", ""))
    rows = report_rows(report, ["出庭应诉率"])
    table = pivot([report], [rows], ["出庭应诉率"])
    assert value_text(table.cell(0, "出庭应诉率")) == "target 100%"
    assert value_text(entry_for(report).figure("出庭应诉率")) == "target 100%"


def test_a_target_sentence_among_the_results_is_marked_a_result_of_securing_is_not() -> None:
    report = _report(
        "某县2022年度法治政府建设情况报告\n"
        "一、主要成效\n"
        "力争年底前行政复议纠错率达到15%。全年确保了行政机关负责人出庭应诉率100%。"
        "争取上级资金3000万元。\n"
    )
    marked = {str(r["text"]): r["target"] for r in report_rows(report)}
    assert marked == {"15%": True, "100%": False, "3000万元": False}


def test_jingxian_2022_plans_100_percent_appearance_it_does_not_report_it(
    samples: list[Report],
) -> None:
    # 泾县's only 出庭应诉率 is "确保行政机关负责人出庭应诉率100%" under 三、2023年度…主要工作安排
    jingxian = next(r for r in samples if r.region == "泾县")
    rows = report_rows(jingxian, ["出庭应诉率"])
    assert rows and all(r["target"] for r in rows)
    table = pivot([jingxian], [rows], ["出庭应诉率"])
    assert value_text(table.cell(0, "出庭应诉率")) == "target 100%"
    # nor is it a point of the timeline's series: a target is no year's figure
    figures = report_figures(jingxian)
    is_target = target_test(jingxian)
    targets = frozenset(f for f in figures if is_target(f))
    names = [s.indicator for s in indicator_series([2022], [figures], [targets])]
    assert "行政复议案件数" in names and "行政机关负责人出庭应诉率" not in names


def test_reports_stating_only_a_target_sort_after_results_and_are_not_charted() -> None:
    result = entry_for(_report(_PLANNED))
    target = entry_for(_report(_PLANNED.replace("全县行政机关负责人出庭应诉率达95%,", "")))
    none = entry_for(_report(_PLANNED.replace("出庭应诉率", "调解率")))
    key = indicator_sort_key("出庭应诉率")
    for reverse in (True, False):
        assert sort_entries([none, target, result], key, reverse=reverse) == [result, target, none]
    chart = indicator_chart([result, target, none], "出庭应诉率").plain
    assert chart.count("95%") == 1 and "target 100%" not in chart
    assert "1 state only a target, not drawn" in chart


def test_a_bound_a_rule_sets_is_a_target_a_bound_reported_is_not() -> None:
    """QA B6: 明确…申办率不低于50% and …申办率应不低于90% set quotas; 满意率均不低于95%
    reports the year's result."""
    report = parse_text(
        "某区2023年法治政府建设情况报告\n一、主要工作\n"
        "加强行政执法证申办工作，明确各街道领导班子成员执法证申办率不低于50%，"
        "公务员执法证申办率应不低于90%。群众满意率均不低于95%，办理行政复议案件67件。\n"
    )
    is_target = target_test(report)
    assert [(f.text, is_target(f)) for f in report_figures(report)] == [
        ("50%", True),
        ("90%", True),
        ("95%", False),
        ("67件", False),
    ]

"""Review headings naming the year's tasks as the object of work done (紧盯重点任务,
落实…工作任务) report the year, not plans (issue 14, themes on fresh unseen text). Invented
sentences, none from a report."""

from __future__ import annotations

import pytest

from govread.compare import built_units
from govread.parsers import parse_text
from govread.plan_phase import PLANS, heading_phase, is_plan_heading, plan_title
from govread.topics import load_lexicon

# ---- review headings naming the year's tasks as the object of work done -----------------


@pytest.mark.parametrize(
    "heading",
    [
        "紧盯重点任务,依法行政水平稳步提升",
        "聚焦年度重点任务,法治政府建设取得新成效",
        "认真落实依法行政工作任务",
        "明确工作任务",
        "全面完成年度工作任务",
    ],
)
def test_a_heading_on_tasks_carried_out_reports_the_year(heading: str) -> None:
    assert not is_plan_heading(heading, 2024)
    assert heading_phase(heading, 2024, load_lexicon()) is None


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("重点任务", 2024),
        ("主要任务", 2024),
        ("2025年重点任务", 2024),
        ("下一步工作安排", 2024),
        ("落实下一步工作安排", 2024),  # 下一步 names plans wherever it stands
        ("明确2025年工作任务", 2024),  # a later year too
        ("今后工作打算", 2024),
    ],
)
def test_plan_headings_stay_plans(heading: str, year: int) -> None:
    assert is_plan_heading(heading, year)


def test_an_unnumbered_plan_title_stays_one_and_tasks_carried_out_are_none() -> None:
    assert plan_title("2025年主要工作任务", 2024) and plan_title("重点任务", 2024)
    assert not plan_title("明确工作任务", 2024)


TASKS_DONE_REPORT = "\n".join(
    [
        "某县2024年法治政府建设情况报告",
        "一、2024年主要工作举措和成效",
        "(一)紧盯重点任务,依法行政水平稳步提升",
        "一是严格规范行政执法。全面落实行政执法三项制度,开展行政执法案卷评查两次,"
        "统一行政裁量权基准。",
        "二是推进行政复议规范化建设。受理行政复议案件十余件,依法纠正违法行政行为。",
        "二、存在的问题",
        "执法队伍专业化水平还有待提高。",
    ]
)


def test_items_under_such_a_heading_are_on_their_subjects_not_plans() -> None:
    report = parse_text(TASKS_DONE_REPORT, path="x.txt")
    themes = {u.node_id.split("/")[1]: u.theme for u in built_units(report)}
    assert themes["1.1#1"] == "enforcement"
    assert themes["1.1#2"] == "disputes"
    assert PLANS not in themes.values()

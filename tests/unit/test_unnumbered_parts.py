"""Parts headed by unnumbered title lines (QA B3): a 政府工作报告 divides its text by short lines
with no number (2022年工作回顾 / 2023年发展形势和总体要求 / 2023年主要工作任务) and ends with a
glossary (名词解释, numbered 1. 2. of its own). Each title is a part, a level above the
numbered headings under it, holding what follows it up to the next title; the glossary is a
part of its own. Lead lines that are no parts (主要做法, 存在问题, a year's lead line inside a
chapter, the report's title, its signature and date) stay what they were. Invented reports,
their outlines read by hand."""

from __future__ import annotations

import pytest

from govread.checklist import check
from govread.figures import report_figures
from govread.parsers import parse_text
from govread.plan_phase import target_test

WORK_REPORT = [
    "各位代表：",
    "现在，我代表青岭区人民政府，向大会报告政府工作，请予审议。",
    "2022年工作回顾",
    "过去一年，我们坚持稳中求进工作总基调，全区地区生产总值增长6.1%。",
    "（一）聚焦产业升级，经济实力稳步增强",
    "新增规模以上工业企业21家，高新技术企业总数达到340家。",
    "（二）聚焦民生改善，群众获得感持续提升",
    "新建改扩建学校4所，新增学位3200个。",
    "在看到成绩的同时，我们也清醒认识到，发展中还存在一些不足。",
    "2023年发展形势和总体要求",
    "2023年是全面贯彻落实党的二十大精神的开局之年。",
    "今年经济社会发展的主要预期目标是：地区生产总值增长6.5%左右。",
    "2023年主要工作任务",
    "一、坚定不移推动高质量发展",
    "（一）加快建设现代产业体系。新引进重点项目30个。",
    "（二）持续优化营商环境。企业开办时间压缩至0.5个工作日。",
    "二、持续用力保障和改善民生",
    "新建改扩建学校5所，新增学位4000个。",
    "各位代表！新的一年，我们将砥砺奋进，奋力谱写青岭发展新篇章！",
    "政府工作报告名词解释",
    "1.专精特新：指具有专业化、精细化、特色化、新颖化特征的中小企业。",
    "2.一网通办：指依托一体化政务服务平台，企业和群众办事只进一扇门。",
]

WORK_REPORT_OUTLINE = [
    (1, "", "2022年工作回顾"),
    (3, "一", "聚焦产业升级，经济实力稳步增强"),
    (3, "二", "聚焦民生改善，群众获得感持续提升"),
    (1, "", "2023年发展形势和总体要求"),
    (1, "", "2023年主要工作任务"),
    (2, "一", "坚定不移推动高质量发展"),
    (3, "一", "加快建设现代产业体系"),
    (3, "二", "持续优化营商环境"),
    (2, "二", "持续用力保障和改善民生"),
    (1, "", "政府工作报告名词解释"),
]


def _outline(text: str) -> list[tuple[object, object, object]]:
    return [(h["level"], h["number"], h["heading"]) for h in parse_text(text).outline()]


def test_unnumbered_titles_are_parts_holding_what_follows_them() -> None:
    report = parse_text("\n".join(WORK_REPORT))
    assert _outline("\n".join(WORK_REPORT)) == WORK_REPORT_OUTLINE
    review, outlook, tasks, _annex = report.sections
    # the outlook is its own part, not the last paragraphs of the review's last chapter
    assert outlook.paragraphs[0].startswith("2023年是") and not outlook.children
    assert not any("2023年" in p for p in review.children[-1].paragraphs)
    assert [c.marker for c in tasks.children] == ["一、", "二、"]
    assert report.preamble == tuple(WORK_REPORT[:2])


def test_the_glossary_is_a_part_of_its_own_not_the_closing() -> None:
    report = parse_text("\n".join(WORK_REPORT))
    annex = report.sections[-1]
    assert annex.heading == "政府工作报告名词解释" and annex.number == ""
    # its numbered entries are its text, neither chapters nor the last chapter's
    assert annex.paragraphs == tuple(WORK_REPORT[-2:]) and not annex.children
    assert not any(
        p.startswith("1.") for s in report.walk() if s is not annex for p in s.paragraphs
    )
    assert not any("名词解释" in line or line.startswith("1.") for line in report.closing)
    # the text is all there, in its order
    assert report.full_text().split("\n") == WORK_REPORT


def test_next_year_s_parts_are_plans_and_the_review_results() -> None:
    report = parse_text("\n".join(WORK_REPORT))
    is_target = target_test(report)
    targets = {f.text: is_target(f) for f in report_figures(report)}
    assert targets["21家"] is False and targets["3200个"] is False
    assert targets["6.5%左右"] is True and targets["30个"] is True and targets["4000个"] is True
    found = check(report).contents
    review, outlook, _tasks, _annex = (s.id for s in report.sections)
    assert [e.node_id for e in found["measures"].evidence] == [review]  # no glossary
    assert found["next_year"].evidence[0].node_id == outlook


@pytest.mark.parametrize(
    ("review", "tasks"),
    [
        ("二〇二二年工作回顾", "二〇二三年工作安排"),  # years in Chinese numerals
        ("过去一年工作回顾", "今年主要工作任务"),  # periods by name
        ("2022年 工作回顾", "2023年重点工作"),
    ],
)
def test_other_titles_of_a_period_and_a_part_s_word(review: str, tasks: str) -> None:
    text = "\n".join(
        [
            "各位代表：",
            review,
            "（一）坚持创新驱动，新增高新技术企业40家。",
            "（二）坚持民生为本，新增学位2000个。",
            "　　" + tasks,  # (indented as its paragraphs are)
            "一、加快产业升级。新引进重点项目12个。",
            "二、办好民生实事。新建学校3所。",
        ]
    )
    assert _outline(text) == [
        (1, "", review),
        (3, "一", "坚持创新驱动，新增高新技术企业40家"),
        (3, "二", "坚持民生为本，新增学位2000个"),
        (1, "", tasks),
        (2, "一", "加快产业升级"),
        (2, "二", "办好民生实事"),
    ]


def test_an_annex_after_numbered_parts_is_a_part_too() -> None:
    text = "\n".join(
        [
            "第一部分 2023年工作回顾",
            "一、优化营商环境",
            "企业开办时间压缩至1个工作日。",
            "第二部分 2024年工作安排",
            "一、深化改革",
            "推进审批制度改革。",
            "附件：名词解释",
            "1.一网通办：企业和群众办事只进一扇门。",
        ]
    )
    report = parse_text(text)
    assert _outline(text)[-1] == (1, "", "附件：名词解释")
    assert report.sections[-1].paragraphs == ("1.一网通办：企业和群众办事只进一扇门。",)
    assert report.closing == ()


# -- lines that are no parts --------------------------------------------------------------

RULE_OF_LAW = [
    "白水县2023年法治政府建设情况报告",
    "2023年，白水县坚持以习近平法治思想为指导，扎实推进法治政府建设。",
    "一、加强组织领导",
    "主要做法",
    "县政府常务会议专题研究法治政府建设4次。",
    "存在问题",
    "个别部门对法治建设重视不够。",
    "二、严格规范执法",
    "主要做法",
    "全面推行行政执法三项制度，评查案卷120卷。",
    "存在问题",
    "基层执法力量仍然薄弱。",
    "三、下一步工作计划",
    "2024年工作目标",
    "法治政府建设率先突破。",
    "2024年重点任务",
    "深化行政执法体制改革。",
    "白水县人民政府",
    "2024年1月15日",
]


def test_a_rule_of_law_report_s_lead_lines_are_no_parts() -> None:
    # 主要做法 / 存在问题 lead text inside a chapter; 2024年工作目标 / 2024年重点任务 lead lines
    # inside the last chapter (a numbered heading before them: they open no structure)
    report = parse_text("\n".join(RULE_OF_LAW))
    assert _outline("\n".join(RULE_OF_LAW)) == [
        (1, "一", "加强组织领导"),
        (1, "二", "严格规范执法"),
        (1, "三", "下一步工作计划"),
    ]
    assert "2024年工作目标" in report.sections[-1].paragraphs
    assert report.closing == ("白水县人民政府", "2024年1月15日")


def test_year_lead_lines_a_numbering_runs_across_are_no_parts() -> None:
    text = "\n".join(
        [
            "各位代表：",
            "2023年工作情况",
            "一、经济发展稳中向好",
            "地区生产总值增长5.8%。",
            "2024年工作打算",
            "二、民生保障持续加强",  # 二、 goes on from 一、: the line above is inside a chapter
            "新增学位2000个。",
        ]
    )
    assert _outline(text) == [(1, "一", "经济发展稳中向好"), (1, "二", "民生保障持续加强")]


def test_one_title_alone_is_no_pattern_of_parts() -> None:
    text = "\n".join(
        [
            "各位代表：",
            "2023年工作回顾",
            "（一）经济发展稳中向好。地区生产总值增长5.8%。",
            "（二）民生保障持续加强。新增学位2000个。",
        ]
    )
    assert [number for _, number, _ in _outline(text)] == ["一", "二"]


@pytest.mark.parametrize(
    "line",
    [
        "2024年1月15日",  # a date
        "2023年法治政府建设工作报告",  # a report's title
        "2024年工作安排如下：",  # a sentence that announces a list
        "2023年，全区上下齐心协力",  # a clause
        "2024年全区上下要以更加昂扬的斗志推进各项工作落地见效",  # too long for a title
    ],
)
def test_lines_no_title_is_written_as(line: str) -> None:
    text = "\n".join(
        [
            "各位代表：",
            "2023年工作回顾",
            "（一）经济发展稳中向好。地区生产总值增长5.8%。",
            line,
            "一、加快产业升级。新引进重点项目12个。",
        ]
    )
    assert all(number for _, number, _ in _outline(text))


def test_an_annex_without_parts_stays_the_closing() -> None:
    # a report numbered 一、 二、 throughout (福田's shape): its glossary is its closing, as before
    text = "\n".join(
        [
            "一、关于2023年工作",
            "（一）经济发展稳中向好。地区生产总值增长5.8%。",
            "二、关于2024年工作",
            "（一）加快产业升级。新引进重点项目12个。",
            "附件：政府工作报告名词解释",
            "1.一网通办：企业和群众办事只进一扇门。",
        ]
    )
    report = parse_text(text)
    assert all(s.number for s in report.walk())
    assert report.closing == tuple(text.split("\n")[-2:])

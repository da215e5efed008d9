"""Hand-written reports of shapes the samples do not have, with their outlines read by hand:
a report in parts (第一部分 …, 一、 numbered anew in each), a department's summary numbered
1. only, 1. with （1） under it, and a 政府工作报告 whose plans run in paragraphs led by
short sentences. Each gives the same outline with its line breaks gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from govread.parsers import parse_text
from govread.parsers.readers import read_report

SHAPES = Path(__file__).parents[1] / "fixtures" / "shapes"

PARTS = [
    (1, "一", "2023年法治政府建设主要工作"),
    (2, "一", "强化组织领导"),
    (3, "一", "压实第一责任人职责"),
    (3, "二", "抓好学法用法"),
    (2, "二", "推进严格规范公正文明执法"),
    (3, "一", "规范执法程序"),
    (3, "二", "加强执法监督"),
    (2, "三", "化解社会矛盾纠纷"),
    (1, "二", "存在的问题"),
    (2, "一", "法治意识有待提高"),
    (2, "二", "执法队伍力量不足"),
    (1, "三", "2024年工作安排"),
    (2, "一", "深入学习贯彻习近平法治思想"),
    (2, "二", "持续优化法治化营商环境"),
]
DEPARTMENT = [
    (1, "1", "落实法治建设第一责任人职责"),
    (1, "2", "推进依法行政"),
    (1, "3", "加强交通运输行政执法"),
    (1, "4", "抓好普法宣传"),
    (1, "5", "存在的不足和下一步打算"),
]
NESTED = [
    (1, "一", "主要工作"),
    (2, "一", "依法全面履行政府职能"),
    (3, "1", "深化“放管服”改革"),
    (4, "1", "精简审批事项"),
    (4, "2", "推行“一网通办”"),
    (3, "2", "优化法治化营商环境"),
    (2, "二", "健全依法行政制度体系"),
    (3, "1", "严格规范性文件管理"),
    (4, "1", "落实合法性审核"),
    (4, "2", "开展备案审查"),
    (1, "二", "存在的问题"),
    (1, "三", "下一步工作计划"),
    (2, "一", "加强法治队伍建设"),
    (3, "1", "配齐配强乡镇法治员"),
    (3, "2", "开展执法人员轮训"),
]
WORK_REPORT = [
    (1, "一", "2023年工作回顾"),
    (2, "一", "坚持创新驱动，经济发展提质增效"),
    (2, "二", "坚持民生为本，群众生活改善提升"),
    (1, "二", "2024年主要工作"),
    (2, "一", "加快建设科技创新走廊，为落实创新驱动战略贡献白岭力量"),
    (2, "二", "加快构建现代产业体系，为推动高质量发展树立白岭标杆"),
    (2, "三", "加快补齐民生短板，为建设幸福家园提供白岭样板"),
    (1, "三", "切实加强政府自身建设，提升依法行政能力和水平"),
]
CASES = {
    "parts_report.txt": (PARTS, ("法治政府建设报告", "government", "临川县", 2023)),
    "department_arabic.txt": (DEPARTMENT, ("法治建设报告", "department", "青石市", 2023)),
    "nested_arabic.txt": (NESTED, ("法治政府建设报告", "government", "白岭区", 2023)),
    # a 政府工作报告: run-in headings over statements, then headings on lines of their own
    # over paragraphs each led by a short imperative sentence (完善空间规划。…)
    "work_report_leads.txt": (WORK_REPORT, ("政府工作报告", "government", "白岭区", 2024)),
}


def _rows(report) -> list[tuple[object, ...]]:
    return [(row["level"], row["number"], row["heading"]) for row in report.outline()]


@pytest.mark.parametrize("name", CASES)
def test_the_outline_read_by_hand(name: str) -> None:
    report = read_report(SHAPES / name)
    outline, (genre, level, region, year) = CASES[name]
    assert _rows(report) == outline
    assert (report.genre, report.issuer_level, report.region, report.year) == (
        genre,
        level,
        region,
        year,
    )
    # numbers inside sentences stay text
    text = report.full_text()
    for phrase in (
        "2.5个百分点",
        "12345热线",
        "4.22地球日",
        "12.4国家宪法日",
        "3、4月",
        "相统一、",
    ):
        assert phrase in text or phrase not in (SHAPES / name).read_text("utf-8")


def _flattened(name: str, separator: str):
    lines = [line.strip() for line in (SHAPES / name).read_text("utf-8").splitlines()]
    return parse_text(separator.join(line for line in lines if line))


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("separator", [" ", "\u3000"])
def test_the_same_outline_with_the_line_breaks_gone(name: str, separator: str) -> None:
    original = read_report(SHAPES / name)
    flat = _flattened(name, separator)
    assert _rows(flat) == CASES[name][0]
    assert flat.text_sha256() == original.text_sha256()  # nothing of the body lost
    assert (flat.genre, flat.issuer_level, flat.region) == (
        original.genre,
        original.issuer_level,
        original.region,
    )


def test_a_part_number_alone_on_its_line_takes_the_next_line_as_its_title() -> None:
    report = read_report(SHAPES / "parts_report.txt")
    first = report.sections[0]
    assert (first.marker, first.heading) == ("第一部分", "2023年法治政府建设主要工作")
    assert [child.number for child in report.sections[1].children] == ["一", "二"]


@pytest.mark.parametrize("name", CASES)
def test_with_nothing_between_the_lines_the_numbering_is_whole(name: str) -> None:
    # Every heading found at its level with its number, and nothing of the body lost.
    # Where a short heading with no 。 runs into its body (…推进依法行政严格执行…), its end
    # is a guess: some of these headings keep a few characters of their body (RESULTS.md).
    original = read_report(SHAPES / name)
    flat = _flattened(name, "")
    assert [row[:2] for row in _rows(flat)] == [row[:2] for row in CASES[name][0]]
    assert flat.text_sha256() == original.text_sha256()


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("department_arabic.txt", "推进依法行政"),  # …|严格执行…: an adverb and its verb
        ("nested_arabic.txt", "推行“一网通办”"),  # a quoted term closed
        # a heading on its own line, its first paragraph's lead glued on (…力量|完善空间规划。)
        ("work_report_leads.txt", "加快建设科技创新走廊，为落实创新驱动战略贡献白岭力量"),
        ("work_report_leads.txt", "加快补齐民生短板，为建设幸福家园提供白岭样板"),
        # …水平|全面推进…: 全面 an adverb, though jieba's dictionary tags it a noun
        ("work_report_leads.txt", "切实加强政府自身建设，提升依法行政能力和水平"),
    ],
)
def test_with_nothing_between_the_lines_these_short_headings_are_exact(
    name: str, heading: str
) -> None:
    assert heading in [row[2] for row in _rows(_flattened(name, ""))]


@pytest.mark.parametrize(
    "first_line",
    [
        "某政发〔2021〕1号某县2020年度法治政府建设情况报告",
        "某府[2023]7号 某县人民政府关于2020年度法治政府建设情况的报告",
        "某司发（2021）12号某县2020年度法治政府建设情况报告",
    ],
)
def test_a_document_number_glued_before_the_title_is_not_the_title_s(first_line: str) -> None:
    report = parse_text(
        first_line + "\n一、主要工作\n全年办理案件12件。\n二、存在问题\n仍有不足。\n"
    )
    assert report.title is not None and report.title.startswith("某县")
    assert (report.region, report.year) == ("某县", 2020)
    assert len(report.sections) == 2

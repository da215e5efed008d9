"""What follows a report's signature (its 版记, a page's leftovers) never costs the report its
place, issuer, date, year or outline: 印发 lines, contact lines, 附注, 抄送, 附件 lists, 主题词,
the page's toolbar and editors, rules and blank lines, several of them in any order.

A generator appends random runs of such lines to every sample report, to generated reports
and to invented ones of other shapes (untitled, flattened, signed under the last heading),
and the report must read as it did without them."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from govread.corpus import sample_paths
from govread.parsers import Report
from govread.parsers.metadata import (
    _MAX_END_MATTER,
    end_matter_start,
    is_trailer_line,
    printed_on,
)
from govread.parsers.outline import parse_text
from govread.parsers.readers import decode

_NAMES = ["张三", "李丽", "王建国", "赵敏", "欧阳明"]
# places of other reports, real and invented: a place named after the signature is not the
# report's
_PLACES = ["咸宁市", "咸安区", "青石市", "白岭区", "泾县", "株洲市", "临川县", "南山区"]
_ORGS = ["人民政府办公室", "司法局", "人大常委会办公室", "政协办公室", "委办公室"]


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    if rng.random() < 0.2:
        digits = "〇一二三四五六七八九"
        tens = ["", "十", "二十"]
        cn_year = "".join(digits[int(d)] for d in str(year))
        cn_month = (tens[month // 10] + (digits[month % 10] if month % 10 else "")) or "十"
        cn_day = (tens[day // 10] + (digits[day % 10] if day % 10 else "")) or "十"
        return f"{cn_year}年{cn_month}月{cn_day}日"
    return rng.choice([f"{year}年{month}月{day}日", f"{year}年{month:02d}月{day:02d}日"])


def _phone(rng: random.Random) -> str:
    return f"0{rng.randint(10, 999)}-{rng.randint(1000000, 99999999)}"


def _office(rng: random.Random) -> str:
    return rng.choice(_PLACES) + rng.choice(_ORGS)


# Each maker gives one piece of end matter: a line, or the lines that go together (a printing
# office above its 印发 date, a 附件 line and its list).
_MAKERS: list[Callable[[random.Random], list[str]]] = [
    lambda r: [f"{_date(r)}印发"],
    lambda r: [f"{_office(r)}{r.choice([' ', '   ', '　　', ''])}{_date(r)}印发"],
    lambda r: [_office(r).replace("司法局", "人民政府办公室"), f"{_date(r)}印发"],
    lambda r: [f"{_office(r)} {_date(r)}印发（共印{r.randint(5, 200)}份）"],
    lambda r: [f"（联系人：{r.choice(_NAMES)}，电话：{_phone(r)}）"],
    lambda r: [f"联系人：{r.choice(_NAMES)}{r.choice(['  ', '，'])}联系电话：{_phone(r)}"],
    lambda r: [f"电话：{_phone(r)}"],
    lambda r: [f"邮箱：{r.choice(['sfj', 'fzb', 'zfb'])}{r.randint(1, 99)}@example.gov.cn"],
    lambda r: [
        f"地址：{r.choice(_PLACES)}{r.choice(['人民路', '解放大道', '滨河路'])}{r.randint(1, 300)}号"
    ],
    lambda r: [f"附注：编号{r.randint(0, 99)}。"],
    lambda r: [f"备注：{r.choice(['无', '本件不含附件', '请各单位认真贯彻执行'])}"],
    lambda r: [f"注：本报告数据截至{r.randint(2019, 2025)}年12月31日。"],
    lambda r: [f"抄送：{_office(r)}，{_office(r)}。"],
    lambda r: [f"抄报：{r.choice(_PLACES)}人民政府。"],
    lambda r: [f"分送：各{r.choice(['乡镇', '部门', '街道'])}。"],
    lambda r: [f"附件：1.{r.randint(2019, 2025)}年法治政府建设重点任务清单"],
    lambda r: ["附件：", "1.法治政府建设工作台账", f"2.{r.choice(_PLACES)}行政执法统计表"],
    lambda r: [f"主题词：{r.choice(['法治', '依法行政'])} 报告"],
    lambda r: [
        r.choice(
            ["打印 关闭", "【打印】【关闭】", "[关闭窗口]", "【打印本页】", "打印本页 | 关闭窗口"]
        )
    ],
    lambda r: [f"{r.choice(['责任编辑', '编辑', '审核', '校对'])}：{r.choice(_NAMES)}"],
    lambda r: [f"（责任编辑：{r.choice(_NAMES)}）"],
    lambda r: [r.choice(["   ", "　　", "\t"])],
    lambda r: ["—" * r.randint(8, 30)],
    lambda r: ["（此件公开发布）"],
]


def end_matter(rng: random.Random) -> list[str]:
    """One to four pieces of end matter, in any order."""
    return [line for _ in range(rng.randint(1, 4)) for line in rng.choice(_MAKERS)(rng)]


def _tree(sections: tuple[object, ...]) -> list[object]:
    return [
        (s.level, s.number, s.heading, s.paragraphs, _tree(s.children))  # type: ignore[attr-defined]
        for s in sections
    ]


def _reading(report: Report) -> tuple[object, ...]:
    return (
        report.region,
        report.city,
        report.issuer,
        report.issuer_level,
        report.year,
        report.title,
        report.genre,
    )


_PRINTED_ON = re.compile(
    r"(\d{4}年\d{1,2}月\d{1,2}日|[〇一二三四五六七八九]{4}年[^年]{1,3}月[^月]{1,3}日)印发"
)


def _printed(lines: list[str]) -> str | None:
    """The date of the last 印发 line among `lines` (what an undated report is dated by)."""
    for line in reversed(lines):
        if match := _PRINTED_ON.search(line):
            return parse_text(f"一、甲\n正文。\n{match.group(1)}").published
    return None


def _assert_reads_the_same(text: str, rng: random.Random, name: str, tries: int = 3) -> None:
    original = parse_text(text, path=name)
    for _ in range(tries):
        added = end_matter(rng)
        report = parse_text(text.rstrip() + "\n" + "\n".join(added) + "\n", path=name)
        label = f"{name} + {added!r}"
        assert _reading(report) == _reading(original), label
        # the 印发 date dates only a report nothing else dates
        published = original.published or _printed(added)
        assert report.published == published, label
        assert _tree(report.sections) == _tree(original.sections), label
        assert report.preamble == original.preamble, label
        assert report.closing[: len(original.closing)] == original.closing, label


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem[:3])
def test_end_matter_after_a_sample_report_changes_nothing(path: Path) -> None:
    rng = random.Random(path.stem)
    _assert_reads_the_same(path.read_text("utf-8"), rng, path.name, tries=12)


def test_end_matter_after_a_generated_report_changes_nothing(generate) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    for name, data in generate(30, seed=11):
        _assert_reads_the_same(decode(data), rng, name)


_WORK = "一、主要工作\n全年办理行政复议案件12件,行政机关负责人出庭应诉率100%。\n"
# Invented reports of other shapes: their place, issuer and date are their signature's, or
# their title's; their openings name other places.
INVENTED = {
    "untitled, signed": "2023年,咸宁市深入推进法治政府建设,咸安区、通山县全面完成综合执法改革。\n"
    + _WORK
    + "二、存在的问题\n基层法治力量仍然薄弱。\n咸宁市人民政府\n2024年2月29日",
    "untitled, signed under the last heading": "2023年,平阳县坚持依法行政,推进法治政府建设。\n"
    + _WORK
    + "二、下一步打算\n平阳县人民政府\n2024年3月1日",
    "titled, dated only": "青石市司法局2023年法治建设工作总结\n"
    + _WORK
    + "二、下一步工作\n继续加强执法培训。\n2024年1月20日",
    "titled, undated": "白岭区人民政府关于2023年法治政府建设情况的报告\n" + _WORK,
    "department, signed": "2023年,株洲市司法局坚持以习近平法治思想为指导。\n"
    + _WORK
    + "株洲市司法局\n2024年1月8日",
    "flattened, signature run in": "平阳县2023年法治政府建设情况报告\n"
    + "2023年,平阳县坚持依法行政,推进法治政府建设取得成效。一、深化改革全县办理行政复议案件"
    "12件,法律顾问全覆盖。"
    * 3
    + "二、加强执法全县开展执法培训20场次,执法人员持证率100%。特此报告。平阳县人民政府2024年3月1日",
    "toolbar after the date": "平阳县人民政府关于2023年法治政府建设情况的报告\n"
    + _WORK
    + "二、下一步打算\n继续推进。\n平阳县人民政府\n2024年3月1日 打印本页 关闭窗口",
    "last page's number": "2023年,平阳县坚持依法行政。\n"
    + _WORK
    + "二、下一步\n继续推进。\n平阳县人民政府\n2024年3月1日\n5",
}


@pytest.mark.parametrize("name", INVENTED)
def test_end_matter_after_an_invented_report_changes_nothing(name: str) -> None:
    rng = random.Random(name)
    _assert_reads_the_same(INVENTED[name], rng, "a.txt", tries=25)


def test_a_pages_source_after_the_signature_leaves_the_signature_its_issuer_and_date() -> None:
    # (a page's 来源 is the page's: its source, and a report's place only when nothing else
    # names one; never the signature's)
    text = INVENTED["untitled, signed"] + "\n来源：株洲市司法局\n责任编辑：张三"
    report = parse_text(text)
    assert (report.region, report.issuer, report.published, report.source) == (
        "咸宁市",
        "咸宁市人民政府",
        "2024-02-29",
        "株洲市司法局",
    )


# -- the tester's report (QA A1) -------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "2024年3月1日印发",
        "（联系人：张三，电话：0715-8123456）",
        "咸宁市人民政府办公室 2024年3月1日印发",
        "附注：编号0。",
    ],
)
def test_one_line_after_the_signature_keeps_the_reports_place_issuer_and_date(line: str) -> None:
    path = next(p for p in sample_paths() if p.name.startswith("000_"))
    text = path.read_text("utf-8").rstrip() + "\n" + line + "\n"
    report = parse_text(text, path=str(path))
    assert (report.region, report.issuer, report.published) == (
        "咸宁市",
        "咸宁市人民政府",
        "2024-02-29",
    )


# -- the 印发 date ---------------------------------------------------------------------------

_SIGNED = "平阳县2023年法治政府建设情况报告\n" + _WORK + "平阳县人民政府\n2024年2月29日\n"
_UNDATED = "平阳县2023年法治政府建设情况报告\n" + _WORK


def test_the_printing_date_is_not_the_reports_date_when_it_is_signed_and_dated() -> None:
    text = _SIGNED + "平阳县人民政府办公室 2024年3月5日印发"
    assert parse_text(text).published == "2024-02-29"


def test_an_undated_report_is_dated_by_its_printing_date_the_last_if_several() -> None:
    assert parse_text(_UNDATED).published is None
    assert parse_text(_UNDATED + "平阳县人民政府办公室 2024年3月5日印发").published == "2024-03-05"
    assert (
        parse_text(_UNDATED + "二〇二四年三月五日印发\n（此件公开发布）").published == "2024-03-05"
    )
    two = _UNDATED + "2024年3月5日印发\n抄送：县委办公室。\n2024年3月9日印发"
    assert parse_text(two).published == "2024-03-09"


def test_a_page_date_goes_before_the_printing_date() -> None:
    # (the day the page says the report was made public is what `published` tells)
    text = "平阳县2023年法治政府建设情况报告\n发布时间：2024-03-20\n" + _WORK + "2024年3月5日印发"
    assert parse_text(text).published == "2024-03-20"


def test_the_printing_office_is_not_the_issuer_nor_its_place_the_reports() -> None:
    opening = "2023年,平阳县坚持依法行政,推进法治政府建设。\n" + _WORK
    for after in (
        "咸宁市人民政府办公室\n2024年3月5日印发",
        "咸宁市人民政府办公室 2024年3月5日印发",
    ):
        report = parse_text(opening + "平阳县人民政府\n2024年2月29日\n" + after)
        assert (report.region, report.issuer, report.published) == (
            "平阳县",
            "平阳县人民政府",
            "2024-02-29",
        )
        assert report.closing[-1] == "2024年3月5日印发" or report.closing[-1] == after


# -- what is not end matter ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "2024年3月1日印发",
        "（联系人：张三，电话：0715-8123456）",
        "主题词：法治 报告",
        "打印 关闭",
        "【打印】【关闭】",
        "审核：李四",
        "——————————",
        "附件：",
        "注：本报告数据截至2023年12月31日。",
        "二〇二四年三月一日印发（共印20份）",
    ],
)
def test_end_matter_lines_are_recognised(line: str) -> None:
    assert is_trailer_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # sentences of a report that name the same words
        "建立联系人制度,电话回访当事人120人次。",
        "2024年3月1日印发《平阳县法治政府建设实施方案》,明确任务分工。",
        "印发《实施方案》",
        "审核规范性文件32件,全部按期完成。",
        "打印机采购项目完成公开招标。",
        "注重发挥法律顾问作用。",
        "抄送制度进一步完善。",
        # a signature
        "平阳县人民政府",
        "2024年3月1日",
        "平阳县人民政府办公室",
    ],
)
def test_report_sentences_and_signatures_are_not_end_matter(line: str) -> None:
    assert not is_trailer_line(line)
    assert printed_on(line) is None


def test_numbered_lines_no_annex_line_heads_are_the_reports_own() -> None:
    lines = ["平阳县人民政府", "2024年3月1日", "1.继续深化改革", "2.加强队伍建设"]
    assert end_matter_start(lines) == len(lines)
    listed = ["平阳县人民政府", "2024年3月1日", "附件：", "1.任务清单", "2.工作台账"]
    assert end_matter_start(listed) == 2


def test_the_walk_back_is_bounded() -> None:
    # a text ending in a long run of key lines is not stepped over to its beginning
    lines = ["平阳县人民政府", "2024年3月1日"] + [f"电话：0577-{n:07d}" for n in range(40)]
    assert end_matter_start(lines) == len(lines) - _MAX_END_MATTER

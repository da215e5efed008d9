"""Heading forms, inline headings, false positives and the numbering rules."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.heading) for s in parse_text(text).walk()]


@pytest.mark.parametrize(
    ("line", "number", "heading"),
    [
        ("一、主要做法和成效", "一", "主要做法和成效"),
        ("一．主要做法", "一", "主要做法"),
        ("十一、第十一部分", None, None),  # 十一 is not expected first
    ],
)
def test_level_one_forms(line: str, number: str | None, heading: str | None) -> None:
    got = outline(line + "\n正文。")
    if number is None:
        assert got == [(1, "", parse_text(line).display_title)] or all(
            n != "十一" for _, n, _ in got
        )
    else:
        assert got[0][1:] == (number, heading)


@pytest.mark.parametrize(
    "text",
    [
        "一、总体\n(一)加强领导\n(二)完善制度",
        "一、总体\n（一）加强领导\n（二）完善制度",
        "一、总体\n( 一 )加强领导\n( 二 )完善制度",
    ],
)
def test_parenthesised_chinese_numbers_half_and_full_width(text: str) -> None:
    assert outline(text) == [(1, "一", "总体"), (2, "一", "加强领导"), (2, "二", "完善制度")]


@pytest.mark.parametrize("marker", ["1.", "1．", "1、", "１．", "１、"])
def test_arabic_forms(marker: str) -> None:
    second = marker.replace("1", "2").replace("１", "２")
    text = f"一、总体\n{marker}第一项工作\n{second}第二项工作"
    assert outline(text) == [(1, "一", "总体"), (2, "1", "第一项工作"), (2, "2", "第二项工作")]


@pytest.mark.parametrize(("first", "second"), [("(1)", "(2)"), ("（1）", "（2）"), ("⑴", "⑵")])
def test_fourth_level_forms(first: str, second: str) -> None:
    text = f"一、甲\n(一)乙\n1.丙\n{first}丁\n{second}戊"
    levels = outline(text)
    assert levels[-2:] == [(4, "1", "丁"), (4, "2", "戊")]


def test_levels_are_dense_over_the_forms_a_report_uses() -> None:
    # No 一、 at all: (一) is the top level.
    assert outline("(一)甲\n1.乙\n2.丙\n(二)丁") == [
        (1, "一", "甲"),
        (2, "1", "乙"),
        (2, "2", "丙"),
        (1, "二", "丁"),
    ]


def test_inline_heading_is_the_first_sentence() -> None:
    report = parse_text("一、加强党的领导。正文第一句。正文第二句。\n二、依法行政。正文")
    first, second = report.sections
    assert (first.heading, first.inline) == ("加强党的领导", True)
    assert first.paragraphs == ("正文第一句。正文第二句。",)
    assert first.raw_heading + first.paragraphs[0] == "一、加强党的领导。正文第一句。正文第二句。"
    assert second.heading == "依法行政"


def test_heading_on_its_own_line_drops_the_trailing_full_stop() -> None:
    report = parse_text("(一)坚持政治引领,全面统筹推进法治政府建设。\n正文")
    assert report.sections[0].heading == "坚持政治引领,全面统筹推进法治政府建设"
    assert not report.sections[0].inline


@pytest.mark.parametrize(
    "line",
    [
        "2.5个百分点的增长来自执法改革。",
        "12345热线办结率99%。",
        "2023年,我市深入推进法治政府建设。",
        "3、4月份开展专项行动。",
    ],
)
def test_lines_that_merely_start_with_a_number_are_not_headings(line: str) -> None:
    text = f"一、总体情况\n1.第一项\n{line}\n2.第二项"
    assert outline(text) == [(1, "一", "总体情况"), (2, "1", "第一项"), (2, "2", "第二项")]
    assert line in parse_text(text).sections[0].children[0].paragraphs


def test_numbering_decides_not_shape() -> None:
    # "5." where 2. is expected is body text, however much it looks like a heading.
    text = "一、总体\n1.第一项\n5.不是标题\n2.第二项"
    assert [h for _, _, h in outline(text)] == ["总体", "第一项", "第二项"]


def test_numbering_that_skips_one_is_followed() -> None:
    text = "一、甲\n二、乙\n四、丁"
    assert [n for _, n, _ in outline(text)] == ["一", "二", "四"]


def test_subsection_numbering_restarts_under_each_parent() -> None:
    text = "一、甲\n(一)a\n(二)b\n二、乙\n(一)c"
    assert outline(text) == [
        (1, "一", "甲"),
        (2, "一", "a"),
        (2, "二", "b"),
        (1, "二", "乙"),
        (2, "一", "c"),
    ]


def test_a_second_part_numbered_anew_is_followed() -> None:
    text = "一、甲\n二、乙\n附:下一年计划\n一、丙"
    # 附: starts the appendix: the rest is closing, never a heading
    assert [h for _, _, h in outline(text)] == ["甲", "乙"]
    text = "一、甲\n二、乙\n一、丙\n二、丁"
    assert [h for _, _, h in outline(text)] == ["甲", "乙", "丙", "丁"]


def test_text_with_no_headings_is_one_section() -> None:
    report = parse_text("我市2023年推进法治政府建设。\n取得了成效。")
    assert len(report.sections) == 1
    assert report.sections[0].paragraphs == ("我市2023年推进法治政府建设。", "取得了成效。")
    assert report.preamble == ()


def test_inline_items() -> None:
    report = parse_text(
        "一、执法。一是改革实现新发展。挂牌成立。二是标准实现新规范。三是监督常态化"
    )
    items = report.sections[0].items
    assert [(i.number, i.heading) for i in items] == [
        ("一", "改革实现新发展"),
        ("二", "标准实现新规范"),
        ("三", "监督常态化"),
    ]
    assert items[0].text == "一是改革实现新发展。挂牌成立。"


def test_a_lone_yi_shi_is_not_an_enumeration() -> None:
    assert parse_text("一、甲。一是唯一的一项。").sections[0].items == ()


def test_preamble_and_closing_are_kept() -> None:
    text = "2023年,我市推进法治建设。\n一、甲\n正文\n某某市人民政府\n2024年1月5日"
    report = parse_text(text)
    assert report.preamble == ("2023年,我市推进法治建设。",)
    assert report.closing == ("某某市人民政府", "2024年1月5日")
    assert (report.issuer, report.region, report.published) == (
        "某某市人民政府",
        "某某市",
        "2024-01-05",
    )


# A chapter's title may open with a year, a figure, a quote or a bracket right after its
# marker's dot (一.2023年主要工作情况): the dot is the marker's, whatever follows it.
_OPENINGS = [
    "2023年",
    "２０２３年",
    "3项",
    "12345热线",
    "“八五”",
    "《纲要》",
    "（2024年）",
    "二〇二三年",
]


@pytest.mark.parametrize("mark", ["、", ".", "．", " . ", "．　"])
@pytest.mark.parametrize("opening", _OPENINGS)
def test_a_chapter_title_may_open_with_a_figure_after_its_dot(mark: str, opening: str) -> None:
    lines = [
        "某县人民政府关于2023年法治政府建设情况的报告",
        "2023年，我县深入推进法治政府建设。现将有关情况报告如下：",
        f"一{mark}{opening}主要工作情况",
        "（一）加强组织领导。县政府常务会议专题研究法治政府建设工作4次。",
        "（二）推进依法决策。严格落实重大行政决策程序规定。",
        f"二{mark}存在问题",
        "基层执法力量仍然薄弱。",
        f"三{mark}{opening}工作计划",
        "（一）持续深化法治政府建设。推进执法规范化。",
        "某县人民政府",
        "2024年1月20日",
    ]
    want = [
        (1, "一", f"{opening}主要工作情况"),
        (2, "一", "加强组织领导"),
        (2, "二", "推进依法决策"),
        (1, "二", "存在问题"),
        (1, "三", f"{opening}工作计划"),
        (2, "一", "持续深化法治政府建设"),
    ]
    assert outline("\n".join(lines)) == want
    # flattened (a page's text run together): the same chapters
    flat = "\n".join([lines[0], "".join(lines[1:-2]), *lines[-2:]])
    assert [(n, h) for _, n, h in outline(flat)] == [(n, h) for _, n, h in want]


@pytest.mark.parametrize("mark", [".", "．", "、", "１．"])
@pytest.mark.parametrize("year", ["2023年", "２０２３年", "1998年", "2024 年"])
def test_an_item_title_may_open_with_a_year_but_not_a_decimal(mark: str, year: str) -> None:
    first, second = ("1" + mark[-1], "2" + mark[-1]) if mark != "１．" else ("１．", "２．")
    text = (
        f"一、总体情况\n{first}健全制度。出台文件5件。\n"
        f"{second.rstrip()}5个百分点的增长来自执法。\n"  # a decimal, not item 2
        f"{second}{year}依法决策情况。审查合同120份。"
    )
    got = outline(text)
    assert got == [(1, "一", "总体情况"), (2, "1", "健全制度"), (2, "2", f"{year}依法决策情况")]


_BOLD_REPORT = (
    "某区2023年法治政府建设情况报告\n"
    "2023年，我区深入推进法治政府建设，现将有关情况报告如下：\n"
    "{h1}\n"
    "{h11}\n"
    "区政府常务会议专题研究法治政府建设4次，**压实**第一责任人职责。\n"
    "{h2}\n"
    "一是__制度__不够健全。\n"
    "某区人民政府\n"
    "2024年3月28日\n"
)


@pytest.mark.parametrize(
    ("open_", "close"),
    [("**", "**"), ("__", "__"), ("# **", "**"), ("## ", ""), ("**", "**　"), ("", "")],
)
def test_emphasis_and_hashes_around_a_heading_are_markup(open_: str, close: str) -> None:
    """Text copied from a web page or Markdown: **一、…** is a heading, its stars markup;
    stars in the body's sentences stay (they are not around a heading's number)."""
    text = _BOLD_REPORT.format(
        h1=f"{open_}一、加强党的领导{close}",
        h11=f"{open_}（一）完善制度{close}",
        h2=f"{open_}二、存在的不足{close}",
    )
    report = parse_text(text)
    assert outline(text) == [
        (1, "一", "加强党的领导"),
        (2, "一", "完善制度"),
        (1, "二", "存在的不足"),
    ]
    if "#" not in open_:  # (a Markdown text, its # headings, loses all its emphasis)
        assert (
            "区政府常务会议专题研究法治政府建设4次，**压实**第一责任人职责。" in report.full_text()
        )
        assert "一是__制度__不够健全。" in report.full_text()


def test_one_hashed_heading_in_a_plain_text_is_a_heading() -> None:
    text = _BOLD_REPORT.format(h1="# 一、加强党的领导", h11="（一）完善制度", h2="二、存在的不足")
    assert outline(text)[0] == (1, "一", "加强党的领导")


@pytest.mark.parametrize(
    "line",
    [
        "**一、加强党的领导。**2024年，我区坚持党的领导。",
        "一、**加强党的领导**。2024年，我区坚持党的领导。",
        "**一、加强党的领导。** 2024年，我区坚持党的领导。",
    ],
)
def test_a_bold_run_in_heading_keeps_its_body(line: str) -> None:
    text = f"{line}\n二、存在的不足\n制度不够健全。"
    report = parse_text(text)
    assert outline(text)[:2] == [(1, "一", "加强党的领导"), (1, "二", "存在的不足")]
    assert "**" not in report.full_text()
    assert "我区坚持党的领导" in report.sections[0].paragraphs[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持统一、**规范**、高效，全年办理复议案件**1.5万**件。",
        "提升__满意度__，做到**应办尽办**。",
        "**重点**推进“一网通办”。",
    ],
)
def test_emphasis_in_a_sentence_is_the_texts(sentence: str) -> None:
    text = f"一、主要工作\n{sentence}\n二、存在的不足\n制度不够健全。"
    assert sentence in parse_text(text).full_text()


@pytest.mark.parametrize(
    ("line", "heading", "body"),
    [
        ("一、加强党的领导 2024年，我区坚持党的领导，召开常务会议4次。", "加强党的领导", "2024年"),
        ("一、加强党的领导　2024年，我区坚持党的领导。", "加强党的领导", "2024年"),
        ("一、 加强 党的领导 2024年，我区坚持党的领导。", "加强 党的领导", "2024年"),
        ("一、存在的不足 一是制度建设仍有短板。二是执法不够规范。", "存在的不足", "一是"),
        ("一、主要工作 全年办理行政复议案件12件，纠错3件。", "主要工作", "全年"),
        ("一、主要工作 我区坚持依法行政，办理复议案件12件。", "主要工作", "我区"),
    ],
)
def test_a_heading_and_its_body_on_one_line_apart_by_a_space(
    line: str, heading: str, body: str
) -> None:
    report = parse_text(f"{line}\n二、下一步工作\n继续推进法治政府建设。")
    first = report.sections[0]
    assert (first.number, first.heading) == ("一", heading)
    assert first.paragraphs[0].startswith(body)
    assert first.full_text().split("\n")[0] == line.replace("\u3000", " ")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("一、加强 党的领导", "加强 党的领导"),  # a title with a space, on its own line
        ("一、 加强 党的领导。", "加强 党的领导"),
        ("一、严格规范 公正文明执法。", "严格规范 公正文明执法"),  # one short sentence
        ("一、加强党的领导 坚持依法行政。", "加强党的领导 坚持依法行政"),
        ("一、推进 全市法治政府建设。", "推进 全市法治政府建设"),  # 全市: the verb's object
        ("一、概述", "概述"),
    ],
)
def test_a_title_with_a_space_in_it_is_not_cut_there(line: str, heading: str) -> None:
    report = parse_text(f"{line}\n继续推进法治政府建设。\n二、下一步工作\n继续推进。")
    assert (report.sections[0].number, report.sections[0].heading) == ("一", heading)


def test_a_long_first_sentence_is_cut_at_its_space_without_opening_words() -> None:
    """No body's opening words (紧扣…), but a first sentence too long for one heading: its
    one space ends the title, as a flattened text's space does."""
    line = "（一）强化高质量发展制度供给 紧扣发展所需、人民所盼，努力践行全过程人民民主，推进民主立法。"
    report = parse_text(f"一、主要工作\n{line}\n（二）严格执法\n全面推行三项制度。")
    first = report.sections[0].children[0]
    assert first.heading == "强化高质量发展制度供给"
    assert first.paragraphs[0].startswith("紧扣发展所需")

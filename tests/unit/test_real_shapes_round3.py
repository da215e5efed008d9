"""More shapes of real reports, line by line and flattened: a level numbered on across its
parents (（一） 1. 2. （二） 3. 4.). Every sentence here is invented."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text


def _rows(text: str) -> list[tuple[object, str, str]]:
    return [
        (row["level"], str(row["number"]), str(row["heading"]))
        for row in parse_text(text).outline()
    ]


_NUMBERED_ON = (
    "东岚县2024年法治政府建设情况报告\n"
    "2024年，东岚县坚持依法行政，各项工作稳步推进。\n"
    "一、主要举措和成效\n"
    "（一）加强组织领导\n"
    "1.压实第一责任。县政府常务会议专题研究法治工作四次，部署年度任务。\n"
    "2.健全考核机制。将法治建设纳入绩效考核，考核结果全县通报。\n"
    "（二）优化营商环境\n"
    "3.深化审批改革。梳理政务服务事项三百项，推行一窗受理。\n"
    "4.规范涉企检查。推行联合检查，减少重复检查二十次。\n"
    "二、存在的问题\n"
    "执法队伍力量仍显不足，基层执法规范化水平有待提高。\n"
)
_EXPECTED = [
    (1, "一", "主要举措和成效"),
    (2, "一", "加强组织领导"),
    (3, "1", "压实第一责任"),
    (3, "2", "健全考核机制"),
    (2, "二", "优化营商环境"),
    (3, "3", "深化审批改革"),
    (3, "4", "规范涉企检查"),
    (1, "二", "存在的问题"),
]


@pytest.mark.parametrize("separator", ["\n", "", " ", "\u3000"])
def test_a_level_numbered_on_across_its_parents(separator: str) -> None:
    text = _NUMBERED_ON.replace("\n", separator)
    assert _rows(text) == _EXPECTED


def test_a_number_that_does_not_go_on_is_still_text() -> None:
    # under （二） a 5. after 1. 2. under （一） neither opens a level nor goes on from it
    text = _NUMBERED_ON.replace("3.深化", "5.深化").replace("4.规范", "6.规范")
    rows = _rows(text)
    assert (3, "5", "深化审批改革") not in rows
    assert (2, "二", "优化营商环境") in rows


_FRAMED = (
    "西川市2024年法治政府建设情况报告\n"
    "2024年，西川市深入推进依法行政，法治政府建设取得新进展。\n"
    "一、主要工作\n"
    "（一）以总体目标为统领，扎实推进依法决策\n"
    "严格落实重大行政决策程序，全年审议重大事项二十项，均经合法性审查。\n"
    "（二）强化制度供给，完善规范体系。\n"
    "清理规范性文件四十件，废止过时文件九件，及时向社会公布。\n"
    "（三）深化数字赋能，提升服务效能。\n"
    "推进政务服务一网通办，办件量同比增长三成，群众满意度稳步提高。\n"
)


@pytest.mark.parametrize("separator", ["\n", ""])
def test_a_preposition_s_noun_and_its_wei_phrase_are_one_heading(separator: str) -> None:
    # 以总体目标|为统领 is no heading's end, though 目标 may end a section's title
    rows = _rows(_FRAMED.replace("\n", separator))
    assert [heading for level, _, heading in rows if level == 2] == [
        "以总体目标为统领，扎实推进依法决策",
        "强化制度供给，完善规范体系",
        "深化数字赋能，提升服务效能",
    ]


def test_a_frame_is_read_only_up_to_its_own_wei() -> None:
    from govread.parsers.flat import _framed

    text = "以总目标为统领，全力维护稳定"
    assert _framed(text, 0, text.index("为"))
    assert not _framed(text, 0, text.index("全"))
    # 以来 opens no frame: …以来目标|为民办事 may end where its title word does
    other = "今年以来目标为先"
    assert not _framed(other, 0, other.index("为"))


@pytest.mark.parametrize("announcing", ["报告如下", "报告如下：", "報告如下"])
def test_a_lone_chapter_announced_without_its_colon_keeps_its_children(announcing: str) -> None:
    text = (
        "北泽县2024年，北泽县扎实推进法治政府建设，各项工作稳步推进，现将有关情况"
        f"{announcing}一、主要举措和成效（一）强化组织保障，压实工作责任"
        "1.健全工作机制。县政府常务会议专题研究法治工作，部署年度任务六项。"
        "2.加强督促检查。开展专项督查两轮，督促整改问题十二个。"
    )
    assert _rows(text) == [
        (1, "一", "主要举措和成效"),
        (2, "一", "强化组织保障，压实工作责任"),
        (3, "1", "健全工作机制"),
        (3, "2", "加强督促检查"),
    ]


_AUTHOR_ABOVE = (
    "桐庐县人民政府\n"
    "2024年度法治政府建设情况报告\n"
    "2024年，县政府坚持依法行政，各项工作稳步推进。\n"
    "一、主要举措\n"
    "全年审议重大行政决策事项十二项，均经合法性审查，清理规范性文件三十件。\n"
    "二、下一步打算\n"
    "持续提升行政执法规范化水平，加强执法人员培训，推进执法监督全覆盖。\n"
)


@pytest.mark.parametrize("separator", ["\n", "", " "])
def test_the_government_on_the_line_above_a_placeless_title_is_part_of_it(
    separator: str,
) -> None:
    report = parse_text(_AUTHOR_ABOVE.replace("\n", separator))
    assert report.title == "桐庐县人民政府2024年度法治政府建设情况报告"
    assert report.issuer == "桐庐县人民政府"
    assert [section.heading for section in report.sections] == ["主要举措", "下一步打算"]


def test_a_title_broken_after_its_author_s_guanyu_is_one_title() -> None:
    text = _AUTHOR_ABOVE.replace("人民政府\n2024年度", "人民政府关于\n2024年度")
    assert parse_text(text).title == "桐庐县人民政府关于2024年度法治政府建设情况报告"


def test_a_title_naming_its_place_keeps_the_line_above_apart() -> None:
    text = _AUTHOR_ABOVE.replace("2024年度法治", "武陟县2024年度法治")
    assert parse_text(text).title == "武陟县2024年度法治政府建设情况报告"


def test_an_untitled_report_s_government_speaks_by_its_level_word() -> None:
    text = (
        "2024年，在县委的坚强领导下，县政府坚持以习近平法治思想为指导，"
        "扎实推进临泉县法治政府建设，临泉县全年办结行政复议案件三十件。\n"
        "一、主要举措\n审议重大行政决策事项十二项。\n"
        "二、存在问题\n执法力量仍显不足。\n"
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("临泉县", "临泉县人民政府")
    # the government's office, or the government's work report, is no subject
    other = text.replace("县政府坚持", "县政府办公室坚持")
    assert parse_text(other).issuer != "临泉县人民政府"


def test_a_page_date_run_into_a_flat_title_is_not_the_title_s() -> None:
    text = (
        "成文日期 2024-03-29桐庐县人民政府关于2023年度法治政府建设情况的报告"
        "2023年，桐庐县坚持依法行政。一、主要举措全年审议重大事项十二项。"
        "二、存在问题执法力量仍显不足，基层执法水平有待提高。"
    )
    report = parse_text(text)
    assert report.title == "桐庐县人民政府关于2023年度法治政府建设情况的报告"
    assert report.region == "桐庐县"


@pytest.mark.parametrize("separator", ["\n", ""])
def test_a_heading_cut_off_at_the_text_s_end_heads_no_section(separator: str) -> None:
    # an excerpt that stops inside a word of its next heading (…法治|政): nothing of it is
    # lost, and it is no section with an empty body
    text = _NUMBERED_ON.split("二、存在的问题")[0] + "（三）深入推进法治政"
    report = parse_text(text.replace("\n", separator))
    rows = [(row["level"], row["number"]) for row in report.outline()]
    assert rows[-1] == (3, "4")
    last = report.sections[-1].children[-1].children[-1]
    assert "".join(last.paragraphs).endswith("（三）深入推进法治政")


def test_a_whole_last_heading_stays_one_with_nothing_after_it() -> None:
    text = _NUMBERED_ON.split("二、存在的问题")[0] + "（三）深入推进法治建设"
    assert _rows(text)[-1] == (2, "三", "深入推进法治建设")


def test_a_last_heading_with_its_body_stays_a_heading() -> None:
    assert _rows(_NUMBERED_ON)[-1] == (1, "二", "存在的问题")


@pytest.mark.parametrize("separator", ["\n", ""])
@pytest.mark.parametrize("cut", ["（三）全面", "（三）加强"])
def test_a_last_heading_of_an_adverb_or_verb_alone_is_cut_off(separator: str, cut: str) -> None:
    # an excerpt that stops after the first word of its next heading: no section of it
    text = _NUMBERED_ON.split("二、存在的问题")[0] + cut
    rows = [
        (row["level"], row["number"]) for row in parse_text(text.replace("\n", separator)).outline()
    ]
    assert rows[-1] == (3, "4")


def test_a_last_heading_of_one_section_word_stays_a_heading() -> None:
    text = _NUMBERED_ON.split("二、存在的问题")[0] + "二、问题"
    assert _rows(text)[-1] == (1, "二", "问题")


def test_a_heading_closed_by_a_colon_with_its_body_on_its_line() -> None:
    text = (
        "青禾镇2031年法治政府建设工作报告\n现将我镇2031年工作情况报告如下：\n"
        "一、2031年度法治政府建设成效显著：\n"
        "（一）依法履行政府职能，科学开展民主决策：我镇坚持以服务型政府为主导，及时转变政府职能。\n"
        "（二）强化行政权力监督：主动向镇党委报告重大问题，认真研究处理审议意见。\n"
        "二、存在问题\n个别干部法治意识不强。"
    )
    assert [row[2] for row in _rows(text)] == [
        "2031年度法治政府建设成效显著",
        "依法履行政府职能，科学开展民主决策",
        "强化行政权力监督",
        "存在问题",
    ]
    # a time is no heading's end, nor is a colon with no sentence after it
    timed = text.replace("强化行政权力监督：主动", "强化行政权力监督，每周一9:30主动")
    assert _rows(timed)[2][2].startswith("强化行政权力监督，每周一9:30主动")

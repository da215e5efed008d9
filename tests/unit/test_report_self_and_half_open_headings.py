"""Who a report is by when its page or text says so in passing, and (一) written half-open.

Invented sentences; the places are real ones (the gazetteer must know them)."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text
from govread.parsers.gazetteer import find_place
from govread.parsers.metadata import canonical_place

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。" * 3


@pytest.mark.parametrize(
    ("addressee", "county"),
    [
        ("中共临沧市委、临沧市人民政府:", "双江县"),
        ("中共文山州委、文山州人民政府:", "砚山县"),
        ("市人大常委会:", "砚山县"),
    ],
)
def test_the_superiors_a_report_is_addressed_to_are_not_its_place(
    addressee: str, county: str
) -> None:
    text = (
        f"{addressee}\n2023年,县委、县政府坚持依法行政,现将工作情况报告如下。\n"
        f"一、主要做法\n印发《{county}行政执法公示办法》《{county}重大行政决策程序规定》。{_BODY}\n"
    )
    report = parse_text(text)
    assert report.region == county
    assert report.issuer is None


def test_an_autonomous_county_goes_by_its_short_name() -> None:
    assert canonical_place("龙胜各族自治县") == "龙胜县"
    assert canonical_place("广西壮族自治区三江侗族自治县") == "三江县"
    place = find_place("双江县")
    assert place is not None and place.name == "双江拉祜族佤族布朗族傣族自治县"
    assert canonical_place("阿坝藏族羌族自治州") == "阿坝州"  # as before


def test_an_info_box_one_key_a_line_is_chrome_and_names_the_publisher() -> None:
    text = "\n".join(
        [
            "首页",
            "• 信息索引号:",
            "000000000000/2023-000001",
            "• 审核程序:",
            "单位审核公开",
            "• 发布机构:",
            "青禾镇",
            "• 发文字号:",
            "• 发布日期:",
            "2023-02-01",
            "青禾镇2022年度法治政府建设工作报告",
            "今年以来,在区委、区政府的领导下,青禾镇坚持依法行政,现将情况汇报如下:",
            "一、主要举措",
            _BODY,
        ]
    )
    report = parse_text(text)
    assert report.title == "青禾镇2022年度法治政府建设工作报告"
    # the town's government by its full name, as the page names it by the place alone
    assert (report.region, report.issuer, report.published) == (
        "青禾镇",
        "青禾镇人民政府",
        "2023-02-01",
    )
    assert "单位审核公开" not in report.full_text()
    assert [(s.number, s.heading) for s in report.sections] == [("一", "主要举措")]


def test_bulleted_keys_in_a_report_s_text_are_not_an_info_box() -> None:
    text = "一、工作目标\n• 目标:\n全面提升执法水平\n• 措施:\n加强培训\n二、存在问题\n问题。"
    assert "全面提升执法水平" in parse_text(text).full_text()


def test_a_place_s_government_as_the_opening_s_subject_issues_the_report() -> None:
    text = f"2019年,崂山区政府认真贯彻中央决策部署,推进依法行政。\n一、依法履职\n{_BODY}\n"
    report = parse_text(text)
    # by its full name (the report writes it short)
    assert (report.region, report.issuer) == ("崂山区", "崂山区人民政府")


def test_a_city_department_naming_its_city_only_short_is_that_city_s() -> None:
    text = (
        "2023年,在市委、市政府的坚强领导下,市司法局深入推进法治政府建设。\n"
        f"一、加强普法宣传\n在洛阳日报开设法治专栏。{_BODY}\n"
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("洛阳市", "洛阳市司法局")
    # a county's department naming a city short is not that city's
    county = text.replace("市委、市政府", "县委、县政府").replace("市司法局", "县司法局")
    assert parse_text(county).region is None


def test_a_heading_number_written_half_open_is_a_heading() -> None:
    text = (
        "2025年,乡党委、政府扎实推进法治政府建设。\n"
        "一、2025 年推进法治政府建设的主要举措和成效\n"
        f"一)深入学习习近平法治思想\n{_BODY}\n"
        f"二)严格规范公正文明执法\n{_BODY}\n"
    )
    outline = [(h["level"], h["number"], h["heading"]) for h in parse_text(text).outline()]
    assert outline == [
        (1, "一", "2025 年推进法治政府建设的主要举措和成效"),
        (2, "一", "深入学习习近平法治思想"),
        (2, "二", "严格规范公正文明执法"),
    ]

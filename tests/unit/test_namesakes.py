"""Namesakes (龙华区 in 深圳 and in 海口, 朝阳区, 鼓楼区 …) told apart by what the report says,
and said to be ambiguous when nothing in it decides, rather than guessed."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text
from govread.parsers.gazetteer import locate


def _report(region: str, body: str) -> str:
    return (
        f"{region}人民政府关于2022年法治政府建设情况的报告\n"
        f"一、主要工作\n{body}\n二、下一步打算\n继续推进依法行政。\n"
    )


@pytest.mark.parametrize(
    ("region", "body", "province", "city"),
    [
        ("龙华区", "在深圳市委市政府的坚强领导下，全区依法行政水平不断提高。", "广东省", "深圳市"),
        ("龙华区", "认真落实海口市法治政府建设工作部署，推进依法行政。", "海南省", "海口市"),
        ("朝阳区", "贯彻落实北京市委全面依法治市工作要求，推进依法行政。", "北京市", None),
        ("朝阳区", "按照长春市统一部署，深化行政执法体制改革。", "吉林省", "长春市"),
        ("鼓楼区", "推动福州市法治政府建设示范创建，福建全省推广经验。", "福建省", "福州市"),
        ("鼓楼区", "落实南京市委部署，在江苏省率先完成改革任务。", "江苏省", "南京市"),
        ("鼓楼区", "开封市委依法治市办督察反馈的问题全部整改。", "河南省", "开封市"),
    ],
)
def test_a_namesake_is_told_apart_by_the_places_the_report_names(
    region: str, body: str, province: str, city: str | None
) -> None:
    report = parse_text(_report(region, body))
    assert (report.region, report.province, report.city) == (region, province, city)
    assert report.region_level == "区"
    assert not report.region_ambiguous


@pytest.mark.parametrize(
    ("region", "body"),
    [
        ("龙华区", "全区依法行政水平不断提高，法治政府建设取得新成效。"),  # names no other place
        ("龙华区", "学习深圳、海口两地经验，推进依法行政。"),  # both, as often: a tie
        ("鼓楼区", "在江苏省委省政府的领导下推进依法行政。"),  # 南京 and 徐州 are both in 江苏
    ],
)
def test_a_namesake_nothing_decides_is_ambiguous(region: str, body: str) -> None:
    report = parse_text(_report(region, body))
    assert report.region == region
    assert report.region_ambiguous
    assert (report.province, report.city) == (None, None)  # not guessed
    assert report.region_level == "区"  # every namesake is a 区


def test_the_names_before_a_region_decide_before_the_text() -> None:
    report = parse_text(_report("海口市龙华区", "学习深圳市先进经验，深圳、深圳。"))
    assert (report.region, report.province, report.city) == ("龙华区", "海南省", "海口市")
    assert not report.region_ambiguous


def test_a_place_without_namesakes_needs_no_context() -> None:
    located = locate("咸宁市")
    assert located.place is not None and located.place.province == "湖北省"
    assert not located.ambiguous
    assert not locate("某某公告").ambiguous and locate("某某公告").place is None


def _with_source(region: str, body: str, url: str) -> str:
    return (
        f"标题: {region}人民政府关于2022年法治政府建设情况的报告\n发布时间: 2023-03-01\n"
        f"原文链接: {url}\n" + _report(region, body)
    )


@pytest.mark.parametrize(
    ("region", "url", "province", "city"),
    [
        ("龙华区", "http://www.szlhq.gov.cn/xxgk/zcfg/content/post_1.html", "广东省", "深圳市"),
        ("龙华区", "https://www.haikou.gov.cn/xxgk/1.html", "海南省", "海口市"),
        ("鼓楼区", "http://www.njgl.gov.cn/zwgk/2.html", "江苏省", "南京市"),
        ("朝阳区", "http://www.bjchy.gov.cn/gk/3.html", "北京市", None),
    ],
)
def test_a_namesake_is_placed_by_the_government_site_its_source_url_names(
    region: str, url: str, province: str, city: str | None
) -> None:
    report = parse_text(_with_source(region, "全区依法行政水平不断提高。", url))
    assert (report.region, report.province, report.city) == (region, province, city)
    assert not report.region_ambiguous


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/sz/lhq.html",  # not a government site
        "https://www.longhua.gov.cn/1.html",  # names the district alone: both are 龙华
        "https://www.sample.gov.cn/1.html",  # names neither city
    ],
)
def test_a_source_url_that_names_neither_namesake_decides_nothing(url: str) -> None:
    report = parse_text(_with_source("龙华区", "全区依法行政水平不断提高。", url))
    assert report.region_ambiguous
    assert (report.province, report.city) == (None, None)

"""Units of items written as subheadings (一是强化领导压实责任。 alone, its text after it)."""

from __future__ import annotations

from govread.compare import report_units
from govread.parsers.outline import parse_text

_SUBHEADINGS = (
    "某县人民政府关于2020年法治政府建设情况的报告\n"
    "一、主要工作成效\n"
    "(一)聚焦高位推进,压紧压实工作责任。一是强化领导压实责任。\n"
    "组织召开县委全面依法治县委员会会议,全面启动法治政府建设示范县创建活动。"
    "县政府主要领导严格履行推进法治政府建设第一责任人职责。\n"
    "二是示范引领提升能力。\n"
    "县政府领导班子带头学法用法,坚持政府常务会议会前学法制度,领导干部的法治思维不断提升。\n"
    "三是强化考评落实责任。\n"
    "坚持将法治政府建设成效纳入各级领导班子、领导干部政绩考核指标体系,以考核倒逼法治政府建设责任落实。\n"
)


def test_an_item_written_as_a_subheading_takes_the_paragraphs_after_it() -> None:
    units = report_units(parse_text(_SUBHEADINGS, path="a.txt"))
    items = [u for u in units if u.kind == "item"]
    assert [u.theme for u in items] == ["leadership"] * 3
    assert "第一责任人" in items[0].text and "会前学法" in items[1].text
    assert "考核指标体系" in items[2].text
    # the section keeps no unit of its items' text (and none on plans: 坚持将… is work done)
    assert not [u for u in units if u.node_id.endswith("/1.1")]
    assert len(items[0].spans) == 2


def test_items_that_run_on_in_their_paragraph_leave_the_paragraphs_after_them_alone() -> None:
    text = (
        "某县人民政府关于2020年法治政府建设情况的报告\n"
        "一、主要工作成效\n"
        "(一)压实责任\n"
        "一是强化领导,召开依法治县委员会会议2次。二是强化学法,县政府常务会议会前学法6次。\n"
        "全年开展行政执法案卷评查100件。举办行政执法人员培训3期,参训500人次。\n"
    )
    units = report_units(parse_text(text, path="a.txt"))
    items = [u for u in units if u.kind == "item"]
    assert [len(u.spans) for u in items] == [1, 1]
    assert any(u.kind == "section" and "案卷评查" in u.text for u in units)

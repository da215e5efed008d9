"""Figures pair across reports only when they count the same thing (issue 14 item 6).

One indicator or subject is not enough: this year's new recruits are not all the mediators
a place has, requests received are not requests concluded, services 掌上办 are not services
零跑腿. Invented sentences of the genre; the rule is `figures.same_quantity`, asked by the
two-report comparison, the N-report figure rows and every other caller of `match_figures`.
"""

from __future__ import annotations

import pytest

from govread.compare import pair_figures
from govread.figures import extract, match_figures, same_quantity
from govread.multi_compare import figure_rows


def _pairs(a: str, b: str) -> list[tuple[str, str]]:
    return [(p.a.text, p.b.text) for p in match_figures(extract(a), extract(b))]


@pytest.mark.parametrize(
    ("new", "whole"),
    [
        ("全年新招聘人民调解员120名。", "全市共有人民调解员3500名。"),
        ("今年新增人民调解员86名。", "全县人民调解员1200余名。"),
        ("大力发展专职人民调解员45名。", "全区现有人民调解员900名。"),
        ("新建人民调解委员会12个。", "全市现有人民调解委员会300个。"),
        ("年内新成立村级人民调解委员会8个。", "全县建有人民调解委员会215个。"),
    ],
)
def test_what_was_added_never_stands_beside_all_there_is(new: str, whole: str) -> None:
    assert _pairs(new, whole) == []
    assert _pairs(whole, new) == []


def test_added_beside_added_and_whole_beside_whole() -> None:
    assert _pairs("全年新招聘人民调解员120名。", "新增人民调解员40名。") == [("120名", "40名")]
    # an unmarked count of what lasts is all there is: it stands beside 现有
    assert _pairs(
        "全市2100个人民调解委员会、8600名人民调解员扎根基层。", "全区现有人民调解委员会41个。"
    ) == [("2100个", "41个")]


def test_a_sum_over_the_years_is_not_the_years_figure() -> None:
    assert _pairs("累计办理法律援助案件5.6万件。", "全年办理法律援助案件2300件。") == []
    # 累计 bounded to the year by the sentence is the year's
    assert _pairs("今年以来,全区累计调解矛盾纠纷3100件。", "共调解矛盾纠纷2868件。") == [
        ("3100件", "2868件")
    ]


def test_requests_received_are_not_requests_concluded() -> None:
    assert _pairs("全年共办结政府信息公开申请78件。", "受理依申请公开政府信息83件。") == []
    assert _pairs("受理政府信息公开申请120件。", "全年受理依申请公开政府信息83件。") == [
        ("120件", "83件")
    ]
    # 办理 names no stage: it stands beside either
    assert _pairs("办理法律援助案件2034件。", "全年共受理法律援助案474件。") == [
        ("2034件", "474件")
    ]


def test_what_is_said_of_the_counted_tells_two_counts_apart() -> None:
    assert (
        _pairs("全市320项政务服务事项实现“掌上办”。", "全区280项政务服务事项实现“跨省通办”。") == []
    )
    assert _pairs("全市320项政务服务事项实现“掌上办”。", "全县150项政务服务事项实现掌上办。") == [
        ("320项", "150项")
    ]
    # the names of the items after the count say nothing of them
    assert _pairs(
        "审议通过《某市河道保护条例》等2部地方性法规。", "出台1部地方性法规《某市养犬管理条例》。"
    ) == [("2部", "1部")]


def test_the_same_subject_of_an_indicator_pairs_first() -> None:
    # the report's new appointees' rate is not its all-staff rate: the all-staff one pairs
    a = "新任命领导干部任前学法考试参考率100%,全体国家工作人员学法考试参考率98%。"
    b = "组织全市国家工作人员参加学法考试,参考率95%。"
    assert _pairs(a, b) == [("98%", "95%")]


def test_places_alone_say_nothing_of_what_was_done_there() -> None:
    assert (
        _pairs(
            "市本级对4个县区、6家部门进行了实地督察。", "对全市8个县区和12个重点部门进行实地检查。"
        )
        == []
    )


def test_one_rule_for_two_reports_and_for_many() -> None:
    a, b, c = (
        extract("全年新招聘人民调解员120名。"),
        extract("全市共有人民调解员3500名。"),
        extract("今年新增人民调解员60名。"),
    )
    assert not same_quantity(a[0], b[0])
    assert pair_figures(a, [False], b, [False]) == []
    rows = figure_rows([a, b, c])
    shared = [r for r in rows if sum(cell is not None for cell in r.cells) > 1]
    assert [[cell.text if cell else None for cell in r.cells] for r in shared] == [
        ["120名", None, "60名"]
    ]


def test_a_column_of_one_indicator_holds_only_plain_counts() -> None:
    from govread.figure_table import first_achieved, first_rows
    from govread.figures import plain_count
    from govread.timeline import _first_of_indicator

    figures = extract("大力发展兼职人民调解员200名,全区人民调解员1800名。")
    assert [plain_count(f) for f in figures] == [False, True]
    # the place's year and the corpus tables take the whole, not the recruits before it
    assert _first_of_indicator(figures, "人民调解员数").text == "1800名"
    rows = [{"indicator": f.indicator, "plain": plain_count(f)} | {"text": f.text} for f in figures]
    assert first_rows(rows)["人民调解员数"]["text"] == "1800名"
    # a report that only says what it added has no cell in the column
    assert first_achieved(rows[:1]) is None
    assert _first_of_indicator(figures[:1], "人民调解员数") is None


def test_the_counts_of_a_list_share_its_scope_and_rates_keep_their_own() -> None:
    """新增 before the first count of a list (新增A 5个、B 30名) makes every count of it new, as
    现有 makes them all there are; a rate in the list names what it is a rate of itself."""
    from govread.figures import extract

    assert [(f.label, f.scope) for f in extract("新增人民调解委员会5个、调解员30名。")] == [
        ("新增人民调解委员会", "new"),
        ("调解员", "new"),
    ]
    assert [f.scope for f in extract("全区共有130条道路、24公里市政污水管网。")] == [
        "existing",
        "existing",
    ]
    assert [f.scope for f in extract("新任命干部学法考试参考率100%、宪法宣誓率100%。")] == [
        "new",
        "",
    ]
    assert [f.scope for f in extract("办理案件120件、调解纠纷30件。")] == ["", ""]

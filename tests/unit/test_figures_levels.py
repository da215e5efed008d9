"""Figures that must not say the opposite of the text: bounds quoted whole, the level a
change started from marked as such, the level after a change named as a level, changes with
no quantity of their own, editors' notes and judgements around a subject."""

from __future__ import annotations

import itertools
import re
import time

import pytest

from govread.figure_table import first_achieved, first_rows
from govread.figures import (
    _BARE_CHANGE,
    _BASIS_BEFORE_START,
    _CHANGE_END,
    _EDITORIAL_ASIDE,
    _FIGURE,
    _LEVEL_AFTER_CHANGE,
    _REACHED,
    _REACHED_VERB,
    _SAID_OF,
    extract,
    match_figures,
)

SUBJECTS = ("企业开办时间", "一般项目审批时限", "行政复议纠错率", "案件平均办理期限")
AMOUNTS = ("1个工作日", "30天", "15%", "45个工作日", "2.5%")


def _only(text: str):
    found = extract(text)
    assert found, text
    return found


# -- bounds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "bound", "amount"),
    list(itertools.product(SUBJECTS, ("不超过", "未超过", "不超", "压缩至不超过"), AMOUNTS)),
)
def test_a_negated_bound_is_quoted_whole(subject: str, bound: str, amount: str) -> None:
    text = f"2023年,{subject}{bound}{amount}。"
    (figure,) = _only(text)
    written = bound[max(bound.rfind("不"), bound.rfind("未")) :]  # 不超过, 未超过, 不超
    assert figure.text == written + amount
    assert text[figure.start : figure.end] == figure.text  # the offsets say the same
    assert figure.approximate
    assert not figure.text.startswith("超")  # never the opposite claim


@pytest.mark.parametrize(
    ("bound", "amount"), itertools.product(("不低于", "不少于", "不高于", "应不少于"), AMOUNTS)
)
def test_a_bound_before_于_is_left_out_whole(bound: str, amount: str) -> None:
    (figure,) = _only(f"行政机关负责人出庭应诉率{bound}{amount}。")
    assert figure.text == amount
    assert figure.approximate


@pytest.mark.parametrize(
    ("before", "after"),
    itertools.product(("控制在", "在", "压缩到", ""), ("以内", "以下")),
)
@pytest.mark.parametrize("amount", AMOUNTS)
def test_an_upper_bound_after_the_number_is_a_bound(before: str, after: str, amount: str) -> None:
    (figure,) = _only(f"全县城镇登记失业率{before}{amount}{after}。")
    assert figure.text == amount + after
    assert figure.approximate
    assert figure.label == "全县城镇登记失业率".removeprefix("全县")


def test_no_figure_text_drops_the_negation_before_it() -> None:
    text = (
        "企业开办时间压缩至不超过1个工作日,审批时限未超过30个工作日,"
        "纠错率不超15%,办理期限不超过45天以内。"
    )
    for figure in extract(text):
        if figure.text.startswith("超"):
            assert text[figure.start - 1] not in "不未"


# -- the level a change started from -----------------------------------------------------

CHANGES = (
    "由{a}提高至{b}",
    "由{a}提高到{b}",
    "从上年的{a}提升至{b}",
    "由原来的{a}提升到{b}",
    "较2022年的{a}下降至{b}",
    "较上年的{a}下降到{b}",
    "从{a},提高到{b}",
    "从去年同期的{a}提升至{b}",
    "由不超过{a}压缩至不超过{b}",
)
RATES = ("签约率", "行政复议案件办结率", "行政机关负责人出庭应诉率", "行政复议纠错率")


@pytest.mark.parametrize(("change", "rate"), itertools.product(CHANGES, RATES))
def test_the_level_a_change_started_from_is_the_earlier_level(change: str, rate: str) -> None:
    sentence = f"全年,{rate}" + change.format(a="61%", b="88%") + "。"
    first, second = _only(sentence)
    assert (first.value, first.earlier) == (61.0, True)
    assert (second.value, second.earlier) == (88.0, False)
    assert first.label == second.label  # the same quantity, at two times
    assert second.label.endswith(rate[-3:]) and not second.label.endswith(("较", "比"))
    rows = [
        {"indicator": f.indicator or f.key, "value": f.value, "earlier": f.earlier, "target": False}
        for f in (first, second)
    ]
    assert first_rows(rows)[rows[0]["indicator"]]["value"] == 88.0  # the year's level
    assert first_achieved(rows)["value"] == 88.0


def test_an_earlier_level_is_the_years_figure_only_when_nothing_else_is() -> None:
    earlier = {"indicator": "x", "value": 61.0, "earlier": True, "target": False}
    target = {"indicator": "x", "value": 90.0, "earlier": False, "target": True}
    assert first_achieved([target, earlier]) is earlier
    assert first_rows([target, earlier])["x"] is earlier


@pytest.mark.parametrize("change", CHANGES)
def test_an_earlier_level_is_never_paired_with_another_reports_level(change: str) -> None:
    a = extract("全年,行政机关负责人出庭应诉率" + change.format(a="80%", b="100%") + "。")
    b = extract("行政机关负责人出庭应诉率达95%。")
    pairs = match_figures(a, b)
    assert [(p.a.value, p.b.value) for p in pairs] == [(100.0, 95.0)]


@pytest.mark.parametrize("basis", ("较上年", "同比", "比上年", "比去年同期", "较去年"))
@pytest.mark.parametrize("change", ("下降至", "提高到", "降为", "提升至"))
@pytest.mark.parametrize("rate", RATES)
def test_the_level_reached_after_a_basis_is_of_the_quantity(
    basis: str, change: str, rate: str
) -> None:
    (figure,) = _only(f"全年{rate}{basis}{change}8%。")
    assert figure.label == rate
    assert not figure.earlier


@pytest.mark.parametrize(
    "share", ("近岸海域优良水质国控点位面积比", "医疗服务收入占比", "城乡收入比")
)
def test_a_share_named_with_比_keeps_it(share: str) -> None:
    (figure,) = _only(f"{share}提升至97.9%。")
    assert figure.label == share


def test_a_change_of_a_count_is_not_an_earlier_level() -> None:
    figures = extract("行政诉讼案件比上年减少15件,降至60件。受理复议申请同比下降12%,为860件。")
    assert not any(f.earlier for f in figures)


# -- the level after a change ------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "change", "level"),
    list(
        itertools.product(
            ("行政诉讼案件", "办理法律援助案件", "受理行政复议申请"),
            (
                "同比下降12%",
                "比上年减少15件",
                "较上年增长8%",
                "较去年同期下降5%",
                "同比增加20件",
                "同比减少9件",
            ),
            ("为860件", "降至60件", "达到300件", "增至400件", "达500件"),
        )
    ),
)
def test_the_level_after_a_change_is_a_level_of_what_changed(
    quantity: str, change: str, level: str
) -> None:
    figures = _only(f"全年{quantity}{change},{level}。")
    assert len(figures) == 2
    changed, reached = figures
    assert changed.label.endswith(("下降", "减少", "增长", "增加"))  # the change keeps its way
    assert reached.label == quantity  # the level, named by the quantity, with no direction
    assert not reached.label.endswith(("下降", "减少", "增长", "增加", "至", "为"))


@pytest.mark.parametrize("basis", ("同比", "较上年", "比去年", ""))
@pytest.mark.parametrize("change", ("增加", "减少", "增长", "下降"))
@pytest.mark.parametrize("counted", ("行政诉讼案件", "受理行政复议申请", "办理法律援助案件"))
def test_a_change_of_a_count_keeps_its_way(basis: str, change: str, counted: str) -> None:
    (figure,) = _only(f"全年{counted}{basis}{change}20件。")
    assert figure.label.endswith(change)  # never the count itself (行政诉讼案件 20件)


def test_a_clause_between_a_change_and_a_value_names_the_value() -> None:
    figures = extract("旅游业总收入达52.3亿元,增长8.1%,港口吞吐量稳居全国前列,达900万标箱。")
    assert figures[-1].label == "港口吞吐量"


# -- a change with no quantity of its own ------------------------------------------------


@pytest.mark.parametrize(
    ("said", "direction"),
    [
        ("微跌", "下降"),
        ("小幅回落", "下降"),
        ("略有下降", "下降"),
        ("下跌", "下降"),
        ("微增", "增长"),
        ("小幅回升", "增长"),
        ("上涨", "增长"),
    ],
)
@pytest.mark.parametrize("quantity", ("盐田港集装箱吞吐量", "全区规模以上工业增加值"))
def test_a_change_with_no_quantity_takes_the_clause_befores(
    said: str, direction: str, quantity: str
) -> None:
    first, change = _only(f"{quantity}1306.92万元,{said}0.7%。")
    assert first.label.endswith(quantity.removeprefix("全区"))
    assert change.label == first.label + direction


# -- editors' notes and judgements -------------------------------------------------------


@pytest.mark.parametrize(
    "note", ("(下同)", "（下同）", "（含高新区）", "(不含开发区)", "（以下简称复议）")
)
@pytest.mark.parametrize("where", ("地区生产总值{note}同比增长", "地区生产总值同比{note}增长"))
def test_an_editors_note_is_no_part_of_the_subject(note: str, where: str) -> None:
    (figure,) = _only("全区" + where.format(note=note) + "8.2%。")
    assert figure.label == "地区生产总值同比增长"


@pytest.mark.parametrize("judged", ("偏高", "偏低", "较高", "过低", "居高不下", "有所上升"))
@pytest.mark.parametrize("reach", ("达到", "达", "为"))
def test_a_judgement_before_a_value_leaves_what_it_judges(judged: str, reach: str) -> None:
    (figure,) = _only(f"行政复议纠错率{judged},{reach}18%。")
    assert figure.label == "行政复议纠错率"
    assert figure.indicator == "行政复议纠错率"


# -- the patterns stay quick on hostile text ---------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "piece", "how"),
    [
        (_FIGURE, "不超过1以内以下", "finditer"),
        (_EDITORIAL_ASIDE, "（含（下同", "finditer"),
        (_BASIS_BEFORE_START, "较上年同期的2022年", "search"),
        (_CHANGE_END, "较上年同期相比同比环比", "search"),
        (_LEVEL_AFTER_CHANGE, "降增至到为", "fullmatch"),
        (_REACHED, "降增至到为减少", "search"),
        (_REACHED_VERB, "降增减少下降", "search"),
        (_BARE_CHANGE, "微略有小幅", "fullmatch"),
        (_SAID_OF, "偏居高不", "search"),
    ],
)
def test_new_patterns_stay_quick_on_hostile_text(
    pattern: re.Pattern[str], piece: str, how: str
) -> None:
    hostile = (piece * (10_000 // len(piece) + 1))[:10_000]
    # this thread's CPU time, as the other pattern probes: a worker the machine leaves
    # waiting is no slower pattern (the wall clock once read 0.55 s beside another suite)
    started = time.thread_time()
    for text in (hostile, hostile + "下降", hostile + ")"):
        result = getattr(pattern, how)(text)
        if how == "finditer":
            list(result)
    assert time.thread_time() - started < 0.15  # three texts, ~50 ms each


@pytest.mark.parametrize("note", ("", "(下同)", "（含高新区）"))
@pytest.mark.parametrize("change", ("增长", "下降"))
def test_a_change_said_on_the_year_before_pairs_with_one_said_plainly(
    note: str, change: str
) -> None:
    a = extract(f"全区地区生产总值同比{note}{change}8.2%。")
    b = extract(f"地区生产总值{change}7.2%。")
    assert [(p.a.value, p.b.value) for p in match_figures(a, b)] == [(8.2, 7.2)]
    other = extract(f"地区生产总值{'下降' if change == '增长' else '增长'}7.2%。")
    assert match_figures(a, other) == []  # never a rise beside a fall
    month = extract(f"地区生产总值环比{change}7.2%。")
    assert match_figures(a, month) == []  # on the month before is another measure

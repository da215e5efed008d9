"""Figures that must not say the opposite of the text: bounds quoted whole."""

from __future__ import annotations

import itertools
import re
import time

import pytest

from govread.figures import _FIGURE, extract

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


# -- the patterns stay quick on hostile text ---------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "piece", "how"),
    [
        (_FIGURE, "不超过1以内以下", "finditer"),
    ],
)
def test_new_patterns_stay_quick_on_hostile_text(
    pattern: re.Pattern[str], piece: str, how: str
) -> None:
    hostile = (piece * (10_000 // len(piece) + 1))[:10_000]
    started = time.perf_counter()
    for text in (hostile, hostile + "下降", hostile + ")"):
        result = getattr(pattern, how)(text)
        if how == "finditer":
            list(result)
    assert time.perf_counter() - started < 0.15  # three texts, ~50 ms each

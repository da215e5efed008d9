"""What was done to a counted noun decides which figures pair across reports (issue 14, a QA
walk: a clean-up of 312 documents was set beside an evaluation of 10). Invented sentences."""

from __future__ import annotations

import pytest

from govread.acts import act_after, act_before
from govread.figures import Figure, extract, match_figures


def one(text: str) -> Figure:
    (found,) = extract(text, "x", 0)
    return found


def pairs(a: str, b: str) -> list[tuple[str, float, float]]:
    return [(p.label, *p.values) for p in match_figures(extract(a, "a", 0), extract(b, "b", 0))]


@pytest.mark.parametrize(
    ("clause", "act"),
    [
        ("全年共审核", "审查"),
        ("依法备案审查", "备案审查"),
        ("出台", "制定"),
        ("审议通过《某条例》等", "制定"),
        ("组织开展培训", ""),
    ],
)
def test_act_before_normalises_the_last_act_of_the_clause(clause: str, act: str) -> None:
    assert act_before(clause) == act


def test_act_after_needs_a_link_to_the_noun() -> None:
    text = "某某文件进行了实施后评估"
    assert act_after(text, 4) == "评估"
    assert act_after("某某文件的备案审查", 4) == "备案审查"
    assert act_after("某某文件全部评估", 4) == ""  # no link word: not said of the noun


@pytest.mark.parametrize(
    ("text", "act", "indicator"),
    [
        ("本年度对40件行政规范性文件进行全面清理。", "清理", "规范性文件清理数"),
        ("全年共有9件行政规范性文件进行了实施后评估。", "评估", "规范性文件评估数"),
        ("对16件规范性文件开展评估。", "评估", "规范性文件评估数"),
        ("出台规范性文件7件。", "制定", "规范性文件制定数"),
        ("审核县级规范性文件21件。", "审查", "规范性文件审查数"),
        ("办理行政复议案件30件。", "", "行政复议案件数"),
    ],
)
def test_a_count_knows_what_was_done_to_its_noun(text: str, act: str, indicator: str) -> None:
    found = one(text)
    assert (found.act, found.indicator) == (act, indicator)


def test_a_rate_or_a_sum_has_no_act() -> None:
    assert one("规范性文件合法性审核率达100%。").act == ""
    assert one("审查项目资金300万元。").act == ""


def test_a_clean_up_never_pairs_with_an_evaluation_of_the_same_noun() -> None:
    assert (
        pairs("对40件行政规范性文件进行全面清理。", "有9件行政规范性文件进行了实施后评估。") == []
    )
    assert pairs("出台规范性文件7件。", "对16件规范性文件开展评估。") == []
    # a noun no indicator knows: its subject pairs only with the same act
    assert pairs("对20件合同协议进行清理。", "对9件合同协议进行评估。") == []
    assert pairs("对20件合同协议进行清理。", "对13件合同协议进行集中清理。") == [
        ("合同协议", 20.0, 13.0)
    ]


def test_the_same_act_written_two_ways_still_pairs() -> None:
    assert pairs("审查行政规范性文件44件。", "对12件规范性文件进行合法性审核。") == [
        ("规范性文件审查数", 44.0, 12.0)
    ]


def test_a_list_closed_by_deng_is_none_of_its_nouns_alone() -> None:
    listed = one("全年共审查政府合同、规范性文件等58件。")
    assert listed.indicator is None and listed.act == "审查"
    assert pairs("全年共审查政府合同、规范性文件等58件。", "审查规范性文件44件。") == []
    # issuers listed before one noun are still that noun's count
    assert one("审查县(区)、市级部门行政规范性文件36件。").indicator == "规范性文件审查数"


@pytest.mark.parametrize(
    ("text", "acts", "indicators"),
    [
        # an act that names itself (合法性审查, 备案审查) right after the noun is said of it,
        # with no link word; after a list of counts, of each of them
        ("全年完成12件规范性文件合法性审核。", ["审查"], ["规范性文件审查数"]),
        (
            "完成9件规范性文件、25件会议文件合法性审查。",
            ["审查", "审查"],
            ["规范性文件审查数", None],
        ),
        (
            "办结7件规范性文件、3份合同的备案审查。",
            ["备案审查", "备案审查"],
            [
                "规范性文件备案审查数",
                None,
            ],
        ),
    ],
)
def test_an_act_after_a_list_of_counts_is_said_of_each(
    text: str, acts: list[str], indicators: list[str | None]
) -> None:
    found = extract(text, "x", 0)
    assert ([f.act for f in found], [f.indicator for f in found]) == (acts, indicators)


def test_an_act_that_names_itself_needs_no_link() -> None:
    assert act_after("某某文件合法性审查", 4) == "审查"
    assert act_after("某某文件备案审查", 4) == "备案审查"
    assert act_after("某某文件审查", 4) == ""  # (a bare 审查 may be part of a name)

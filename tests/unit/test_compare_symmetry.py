"""`compare(a, b)` and `compare(b, a)` are one alignment, sides swapped (issue 14).

A reader who swaps the two reports expects the same table with its columns swapped: the
same rows, each with the same units, likeness and words. Checked over the sample pairs and
generated reports, and on invented units where the order of the leftovers decided it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

import govread.compare as compare_module
from govread.compare import Comparison, Pair, Unit, compare, report_units
from govread.corpus import load
from govread.multi_compare import compare_many
from govread.parsers.model import Report
from govread.parsers.outline import parse_text

_Row = tuple[object, ...]


def _keys(units: tuple[Unit, ...]) -> tuple[str, ...]:
    return tuple(sorted(u.key for u in units))


def _row(pair: Pair, swap: bool) -> _Row:
    """Everything a row shows, A's side first (B's when `swap`: the row as the mirror)."""
    a, b, only_a, only_b = pair.a, pair.b, pair.only_a, pair.only_b
    if swap:
        a, b, only_a, only_b = b, a, only_b, only_a
    nearest = pair.nearest.key if pair.nearest else None
    return (
        pair.theme,
        _keys(a),
        _keys(b),
        pair.similarity,
        pair.shared_keywords,
        only_a,
        only_b,
        pair.secondary,
        tuple(sorted(pair.passages)),
        _keys(pair.covered_by),
        _keys(pair.mentioned_in),
        pair.other_has_theme,
        nearest,
        pair.nearest_similarity,
    )


def _rows(comparison: Comparison, swap: bool = False) -> Counter[_Row]:
    return Counter(_row(pair, swap) for pair in comparison.pairs)


def _figures(comparison: Comparison, swap: bool = False) -> Counter[tuple[object, ...]]:
    return Counter(
        (f.label, f.target, *((f.b.text, f.a.text) if swap else (f.a.text, f.b.text)))
        for f in comparison.figures
    )


def _assert_mirrored(a: Report, b: Report, corpus: list[Report]) -> None:
    ab, ba = compare(a, b, corpus), compare(b, a, corpus)
    assert _rows(ab) == _rows(ba, swap=True), (a.path, b.path)
    assert _figures(ab) == _figures(ba, swap=True), (a.path, b.path)


def test_swapping_the_samples_swaps_the_columns(samples: list[Report]) -> None:
    for a, b in itertools.combinations(samples, 2):
        _assert_mirrored(a, b, samples)


def test_swapping_generated_reports_swaps_the_columns(tmp_path: Path, write_generated) -> None:
    # reports recombining the samples' chapters, plans among them, under other names
    reports = load([write_generated(tmp_path / "corpus", 8, seed=23)]).reports
    for a, b in itertools.combinations(reports[:5], 2):
        _assert_mirrored(a, b, reports)


# Invented reports whose plans cross: A's first plan is on 执法 and 决策, B's on 执法 and
# 普法; each report's second plan is on the subject the other's first plan adds (A 普法,
# B 决策). The first plans pair; each second plan may join their row, but not both (two
# plans on different subjects), and which one did depended on which report was A.
_PLANS_A = (
    "一是深化行政执法改革,严格落实重大行政决策程序,推行执法全过程记录,提升执法规范化水平。",
    "二是深入开展普法宣传,落实谁执法谁普法责任制,举办宪法宣传周活动,建设法治文化阵地。",
)
_PLANS_B = (
    "一是规范行政执法行为,落实谁执法谁普法责任制,推行执法全过程记录,加强执法人员培训。",
    "二是健全重大行政决策机制,严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
)


def _crossing(name: str, chapters: list[str], plans: tuple[str, ...], closing: bool) -> Report:
    lines = [f"{name}2023年法治政府建设情况报告", *chapters]
    if closing:  # 下一步 in the closing paragraph, listed 一是…二是…
        lines.append(f"下一步,{name}将重点做好以下工作:" + "".join(plans))
    else:  # a plan chapter of its own, one item a plan
        lines += [f"{'三' if len(chapters) > 2 else '二'}、2024年工作安排", *plans]
    return parse_text("\n".join(lines) + "\n", path=f"{name}.txt")


@pytest.mark.parametrize("closing", [False, True])
def test_crossing_plans_meet_the_same_way_whichever_report_is_a(closing: bool) -> None:
    a = _crossing(
        "甲县",
        ["一、严格规范公正文明执法", "全面推行行政执法三项制度,开展执法案卷评查120卷。"],
        _PLANS_A,
        closing,
    )
    b = _crossing(
        "乙市",
        ["一、规范行政执法", "推行行政执法公示制度,评查执法案卷96卷,开展执法人员培训。"],
        _PLANS_B,
        closing,
    )
    plans = [u for u in report_units(a) + report_units(b) if u.text.startswith(("一是", "二是"))]
    assert len(plans) == 4 and all(u.theme == "next_steps" for u in plans)
    _assert_mirrored(a, b, [a, b])
    # one second plan joins the first plans' row, the other stays apart, in either order
    (row,) = [p for p in compare(a, b).pairs_for("next_steps") if len(p.a) + len(p.b) == 3]
    assert {u.text[:2] for u in (*row.a, *row.b)} == {"一是", "二是"}


def _plan(key: str, themes: tuple[tuple[str, float], ...], order: int) -> Unit:
    return Unit(key, key, "item", "", "", "", "next_steps", order=order, themes=themes)


def _crossing_plans(monkeypatch, x_likeness: float, y_order: int) -> tuple[Unit, ...]:
    """Invented plans: a1 (执法, 决策) pairs with b1 (执法, 普法); left over, x of A on 普法
    (as like b1 as `x_likeness`) and y of B on 决策 (0.2 like a1). x and y are on different
    subjects, so one row cannot hold both."""
    a1 = _plan("a1", (("enforcement", 0.6), ("decisions", 0.4)), 0)
    x = _plan("x", (("publicity", 1.0),), 1)
    b1 = _plan("b1", (("enforcement", 0.6), ("publicity", 0.4)), 0)
    y = _plan("y", (("decisions", 1.0),), y_order)
    table = {("a1", "b1"): 0.3, ("x", "b1"): x_likeness, ("y", "a1"): 0.2}

    def cosine(u, v) -> float:
        (s,), (t,) = u, v
        return table.get((s, t), table.get((t, s), 0.0))

    monkeypatch.setattr(compare_module, "_cosine", cosine)
    return a1, x, b1, y


def _vectors(*units: Unit) -> dict[int, dict[str, float]]:
    return {id(u): {u.key: 1.0} for u in units}


def test_leftovers_of_both_sides_meet_a_row_most_alike_first(monkeypatch) -> None:
    # y, the more alike, joins the row whichever report is A; x stays apart (A's leftovers
    # went first, so the row was x's in one order only)
    a1, x, b1, y = _crossing_plans(monkeypatch, 0.1, 1)
    vectors = _vectors(a1, x, b1, y)
    ab = compare_module._align_theme([a1, x], [b1, y], vectors, True)
    ba = compare_module._align_theme([b1, y], [a1, x], vectors, True)
    assert ab == [([a1], [b1, y]), ([x], [])]
    assert ba == [([b1, y], [a1]), ([], [x])]


def test_equally_alike_leftovers_of_a_and_b_the_earlier_goes_first(monkeypatch) -> None:
    # x and y as like the row (0.2 both): the earlier in its report (x, the first plan of
    # its side) joins it, whichever report is A
    a1, x, b1, y = _crossing_plans(monkeypatch, 0.2, 2)
    vectors = _vectors(a1, x, b1, y)
    ab = compare_module._align_theme([a1, x], [b1, y], vectors, True)
    assert ab == [([a1, x], [b1]), ([], [y])]
    ba = compare_module._align_theme([b1, y], [a1, x], vectors, True)
    assert ba == [([b1], [a1, x]), ([y], [])]


def test_a_likeness_does_not_depend_on_the_order_of_the_words() -> None:
    # invented weights where a plain left-to-right sum of the products loses the small
    # ones in one order and not in the other: the cosine is the same both ways
    u = {"普法": 1.0, "调解": 1.0, "执法": 1e16}
    v = {"执法": 1.0, "普法": 1.0, "调解": 1.0}
    assert compare_module._cosine(u, v) == compare_module._cosine(v, u)


def test_three_reports_in_any_order_make_the_same_cells(samples: list[Report]) -> None:
    # the N-report rows are decided on the rows as grouped (never one report first): the
    # same cells whatever the columns' order
    chosen = [samples[1], samples[2], samples[4]]

    def cells(reports: list[Report]) -> Counter[tuple[object, ...]]:
        many = compare_many(reports, samples)
        return Counter(
            (
                row.theme,
                row.similarity,
                tuple(
                    sorted(
                        (r.id, _keys(cell.units), cell.status)
                        for r, cell in zip(many.reports, row.cells, strict=True)
                    )
                ),
            )
            for row in many.rows
        )

    first = cells(chosen)
    for order in itertools.permutations(chosen):
        assert cells(list(order)) == first

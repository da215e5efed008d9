"""The spans the detail pane highlights: the figures of the one finder, never years or ordinals."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govread.figures import figure_spans


def figures(text: str) -> list[str]:
    return [text[start:end] for start, end in figure_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出庭应诉率100%", ["100%"]),
        ("审查行政规范性文件67件", ["67件"]),
        ("惠及36.1万户", ["36.1万户"]),
        ("同比提高2.5个百分点", ["2.5个百分点"]),
        ("调解成功9833件,成功率98.9%", ["9833件", "98.9%"]),
        ("投入资金1.2亿元,培训1,234人次", ["1.2亿元", "1,234人次"]),
        ("受理1.5万余件,办结2万", ["1.5万余件", "2万"]),
        ("增长50 %", ["50 %"]),
        ("占比３５％", ["３５％"]),
    ],
)
def test_figures_are_found(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2023年以来,我市深入推进",
        "2024年2月29日",
        "入选第3批示范县",
        "擦亮12345政务服务便民热线",
        "版本v2.0发布",
        "十四五规划",
        "三年行动",
    ],
)
def test_years_dates_ordinals_and_bare_numbers_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_spans_index_the_text_in_order() -> None:
    text = "2023年,审查67件,合格率100%。"
    spans = figure_spans(text)
    assert [text[a:b] for a, b in spans] == ["67件", "100%"]
    assert spans == sorted(spans)


@settings(max_examples=150)
@given(st.text())
def test_any_text_gives_ordered_disjoint_spans(text: str) -> None:
    spans = figure_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        previous_end = end


def test_the_detail_pane_and_compare_columns_use_this_finder() -> None:
    from govread import figures as finder
    from govread.tui.browser import detail
    from govread.tui.compare import column as compare_column

    # the detail pane imports the finder when it first shows a text (after the first frame)
    assert "from govread.figures import figure_spans" in inspect.getsource(detail)
    assert "def figure_spans" not in inspect.getsource(detail)
    assert callable(finder.figure_spans)
    assert compare_column.figure_spans is finder.figure_spans

"""In flat text a street's or town's organ opening the body (街道党工委…, 街道领导班子…) is
the body's subject, glued to the heading before it; a space the page wrote later in that
body (社区 “两委” 成员) does not carry the heading on to it. Invented sentences."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text

_REST = (
    "充分认识到法治政府建设的重要地位,组织多层次的法治培训与学习活动,全方位提升干部职工的法治素养。"
    * 2
)


@pytest.mark.parametrize(
    "actor", ["街道领导班子", "街道党工委", "街道办事处", "镇领导班子", "乡领导班子"]
)
def test_a_town_s_organ_opens_the_body_after_a_flat_heading(actor: str) -> None:
    text = (
        "2024年,青禾街道推进法治政府建设。一、主要举措和成效"
        f"(一)深化法治理念,筑牢思想根基{actor}{_REST}"
        f"(二)优化行政决策,提升政府公信力{actor}及社区 “两委” 成员{_REST}"
    )
    report = parse_text(text)
    (chapter,) = report.sections
    assert [(s.number, s.heading) for s in chapter.children] == [
        ("一", "深化法治理念,筑牢思想根基"),
        ("二", "优化行政决策,提升政府公信力"),
    ]


def test_an_organ_as_a_verb_s_object_stays_in_the_heading() -> None:
    text = (
        "2024年,青禾街道推进法治政府建设。一、主要举措和成效"
        f"(一)加强街道领导班子建设 {_REST}(二)完善工作机制 {_REST}"
    )
    (chapter,) = parse_text(text).sections
    assert [s.heading for s in chapter.children] == ["加强街道领导班子建设", "完善工作机制"]

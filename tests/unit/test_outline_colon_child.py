"""A heading closed by its colon with its first child run in on its line (（二）强化行政权力
监督，规范行政文件管理：1、自觉接受监督。…) is the parent's heading and the child's. Invented
sentences."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。"


@pytest.mark.parametrize(("first", "second"), [("1、", "2、"), ("1.", "2."), ("(1)", "(2)")])
def test_a_first_child_run_in_after_its_parent_s_colon(first: str, second: str) -> None:
    text = (
        "2022年,青禾镇推进法治政府建设。\n一、主要成效\n"
        f"(一)依法履行政府职能\n{_BODY}\n"
        f"(二)强化行政权力监督,规范行政文件管理:{first}自觉接受监督。{_BODY}\n"
        f"{second}规范行政文件管理。{_BODY}\n"
    )
    (chapter,) = parse_text(text).sections
    assert [(s.number, s.heading) for s in chapter.children] == [
        ("一", "依法履行政府职能"),
        ("二", "强化行政权力监督,规范行政文件管理"),
    ]
    assert [(s.number, s.heading) for s in chapter.children[1].children] == [
        ("1", "自觉接受监督"),
        ("2", "规范行政文件管理"),
    ]


def test_a_count_after_a_colon_is_body() -> None:
    text = (
        "2022年,青禾镇推进法治政府建设。\n一、主要成效\n"
        f"(一)办理案件情况:1.5万件案件全部办结。{_BODY}\n(二)存在问题\n{_BODY}\n"
    )
    (chapter,) = parse_text(text).sections
    assert [s.number for s in chapter.children] == ["一", "二"]
    assert not chapter.children[0].children

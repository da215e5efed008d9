"""A space inside a date in a flattened heading (一、2025 年推进…) is how the page wrote the
year, not a line break that became a space: the heading does not end there."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。" * 3


@pytest.mark.parametrize("space", [" ", "  ", "\t"])
def test_a_space_between_a_year_and_its_unit_does_not_end_a_flat_heading(space: str) -> None:
    text = (
        "2025年,青禾乡扎实推进法治政府建设各项工作。"
        f"一、2025{space}年推进法治政府建设的主要举措和成效{_BODY}"
        f"二、存在的问题{_BODY}"
    )
    report = parse_text(text)
    assert [(s.number, s.heading) for s in report.sections] == [
        ("一", f"2025{space}年推进法治政府建设的主要举措和成效"),
        ("二", "存在的问题"),
    ]


def test_a_space_after_a_flat_heading_still_ends_it() -> None:
    text = f"2025年,青禾乡推进依法行政。一、主要举措 {_BODY}二、存在的问题 {_BODY}"
    report = parse_text(text)
    assert [(s.number, s.heading) for s in report.sections] == [
        ("一", "主要举措"),
        ("二", "存在的问题"),
    ]

"""A flattened page's info box before its title (…[ 有效性 ] 有效某县…报告) leaves none of its
values in the title, and a report saying 现根据…要求，将2024年度…报告如下 names its year.
Invented sentences."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text
from govread.parsers.chrome import strip_inline_chrome

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。" * 3
_TITLE = "巫溪县2025年法治政府建设情况报告"


@pytest.mark.parametrize(
    "box",
    [
        "- [ 体裁分类 ] 其他- [ 有效性 ] 有效",
        "[ 有效性 ]有效",
        "有效性:有效",
        "- [ 有效性 ] 失效",
    ],
)
def test_an_info_box_s_validity_is_not_part_of_a_flat_title(box: str) -> None:
    text = f"{box}{_TITLE}2025年,巫溪县坚持依法行政。一、主要举措{_BODY}"
    assert parse_text(text).title == _TITLE


def test_a_sentence_on_validity_is_kept() -> None:
    line = "2025年,巫溪县坚持依法行政,有效性审查全覆盖。" * 2
    assert strip_inline_chrome(line)[0] == line


@pytest.mark.parametrize("flat", [False, True])
def test_the_year_a_report_says_it_reports_on_after_a_reason(flat: bool) -> None:
    text = (
        "发布机构: | 河东区某街道 |\n"
        "在区委、区政府的坚强领导下,紧密围绕中心工作大局,不断提升依法行政的能力。"
        "现根据上级有关要求,将2024年度法治政府建设有关情况报告如下。\n"
        f"一、主要举措和成效\n{_BODY}\n"
    )
    if flat:
        text = text.replace("\n", "")
    assert parse_text(text).year == 2024

"""A site column's name left of a flat title by its breadcrumb (…部门信息青禾镇2022年度…报告)
is the page's, not the title's. Invented sentences."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。" * 3


@pytest.mark.parametrize(
    "column", ["部门信息", "乡镇信息", "乡镇动态", "规划计划", "计划总结", "工作总结"]
)
def test_a_column_glued_before_a_flat_title(column: str) -> None:
    text = (
        f"{column}青禾镇2022年度法治政府建设工作报告来源: 分享:"
        f"今年以来,青禾镇坚持依法行政。现将我镇2022年工作情况报告如下:一、主要成效{_BODY}"
    )
    report = parse_text(text)
    assert report.title == "青禾镇2022年度法治政府建设工作报告"
    assert report.region == "青禾镇"

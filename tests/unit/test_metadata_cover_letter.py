"""A report sent with its cover letter (文号 / 市委、市政府： / … / 某局 / 2023年1月28日) has its
title after the letter's date, also cut at a line break and also flattened. Invented
sentences."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。" * 3
_LETTER = (
    "沪环法〔2023〕1号\n市委、市政府:\n"
    "2022年,我局坚持依法行政,推进法治政府建设。"
    "现将《上海市水务局关于2022年度法治政府建设情况的报告》报上。\n"
    "上海市水务局\n2023年1月28日\n"
)


@pytest.mark.parametrize("flat", [False, True])
@pytest.mark.parametrize(
    "title_lines",
    [
        "上海市水务局关于2022年度法治政府建设情况的报告\n",
        "上海市水务局关于2022年度\n法治政府建设情况的报告\n",
    ],
)
def test_the_title_after_a_cover_letter(title_lines: str, flat: bool) -> None:
    text = (
        f"{_LETTER}{title_lines}2022年,上海市水务局坚持依法行政。现将有关情况报告如下:\n"
        f"一、主要举措和成效\n{_BODY}\n二、存在的不足\n{_BODY}\n"
    )
    if flat:
        text = text.replace("\n", "")
    report = parse_text(text)
    assert report.title == "上海市水务局关于2022年度法治政府建设情况的报告"
    assert [s.heading for s in report.sections] == ["主要举措和成效", "存在的不足"]


def test_no_addressee_no_cover_letter() -> None:
    text = (
        "2022年,我局坚持依法行政,推进法治政府建设。\n上海市水务局\n2023年1月28日\n"
        f"下一步工作计划\n一、主要举措和成效\n{_BODY}\n"
    )
    assert parse_text(text).title is None or "下一步" not in (parse_text(text).title or "")

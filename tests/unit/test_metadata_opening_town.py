"""An untitled town's report names itself as its opening's subject after the superiors it
was led by (2024年，在区委区政府的坚强领导下，青禾街道深入贯彻…): the town is its place and its
government its issuer, as when the town opens the sentence. Invented sentences."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text

_BODY = "全年办理行政复议案件若干件,组织执法人员培训多次,各项工作有序推进,取得了较好的成效。" * 3


@pytest.mark.parametrize("flat", [False, True])
@pytest.mark.parametrize(
    ("opening", "region", "issuer"),
    [
        (
            "2024年,在各级区委区政府的坚强领导下,青禾街道深入贯彻习近平法治思想,推进依法行政。",
            "青禾街道",
            "青禾街道办事处",
        ),
        (
            "2021年度,在县委、县政府领导下,青禾镇认真贯彻中央决策部署,推进依法行政。",
            "青禾镇",
            "青禾镇人民政府",
        ),
    ],
)
def test_a_town_after_the_superiors_it_was_led_by_is_the_opening_s_subject(
    opening: str, region: str, issuer: str, flat: bool
) -> None:
    text = f"{opening}\n一、主要举措和成效\n{_BODY}\n"
    if flat:
        text = text.replace("\n", "")
    report = parse_text(text)
    assert (report.region, report.issuer) == (region, issuer)


def test_a_town_the_superiors_guide_is_not_the_subject() -> None:
    # 在青禾镇党委的领导下，… : the town is where the leaders are, and no subject follows
    text = f"2024年,在区委的领导下,区司法局深入推进依法行政。\n一、主要举措\n{_BODY}\n"
    report = parse_text(text)
    assert report.issuer != "区司法局办事处"
    assert report.region is None or not report.region.endswith(("镇", "街道", "乡"))

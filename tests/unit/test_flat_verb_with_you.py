"""A flat heading on a noun glued to a body opened by a verb and its 由-phrase (…健全领导机制
|成立由党委书记任组长的领导小组…) reads as ending before the verb: 由 begins the verb's
object's modifier, and a word across the cut (机制|成立 → 制成) is chance when each side is a
word. Invented sentences."""

from __future__ import annotations

import pytest

from govread.parsers.flat import _word_edge


@pytest.mark.parametrize(
    ("window", "right", "wrong"),
    [
        ("健全领导机制成立由党委书记、乡长任双组长的领导小组", 6, 8),
        ("完善决策机制组建由法律顾问参加的审查小组", 6, 8),
        ("加强队伍建设建立由骨干组成的培训团队", 6, 8),
    ],
)
def test_a_verb_with_a_you_phrase_opens_the_body(window: str, right: int, wrong: int) -> None:
    assert _word_edge(window, right) > _word_edge(window, wrong)


def test_a_word_across_a_cut_inside_one_still_weighs_against_it() -> None:
    # 行政执法 cut as 行政|执法 is a noun cut in two; 执法 opening a body is not chance here
    assert _word_edge("加强行政执法监督工作全年办理案件", 4) < 0

"""Plans meet plans on their main subject, each other's first choice among those on it.

A report's plan on several subjects (光明's 强化法治建设工作保障: 监督, 督察, 队伍, 移动执法,
mainly 执法 by its words) can be most like another's plan on 学习 on the genre's common words,
and still be the one that answers that report's 执法 plan: two plans whose main subject is
one and who are each other's first choice among the plans on it meet at the low bar of two
plans that are each other's first choice overall.
"""

from __future__ import annotations

import math

from govread.compare import Unit, _align_theme


def _plan(key: str, themes: tuple[tuple[str, float], ...]) -> Unit:
    return Unit(
        key=key,
        node_id=key,
        kind="section",
        number="",
        heading=key,
        text="下一步," + key,
        theme="next_steps",
        order=int(key[1:]),
        themes=themes,
    )


def _vector(**weights: float) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()}


def test_a_plan_on_several_subjects_meets_the_plan_on_its_main_one() -> None:
    study_a = _plan("a1", (("leadership", 1.0),))
    enforce_a = _plan("a2", (("enforcement", 1.0),))
    study_b = _plan("b3", (("leadership", 1.0),))
    # mainly 执法, but most alike to the other's 学习 plan on their common words
    several_b = _plan("b4", (("enforcement", 0.4), ("leadership", 0.35), ("oversight", 0.25)))
    vectors = {
        id(study_a): _vector(学习=1.0, 思想=1.0),
        id(enforce_a): _vector(执法=1.0, 规范=3.0),
        id(study_b): _vector(学习=1.0, 思想=1.0),
        id(several_b): _vector(学习=1.0, 思想=0.5, 执法=0.12, 队伍=1.0),
    }
    rows = _align_theme(
        [study_a, enforce_a],
        [study_b, several_b],
        vectors,
        True,
        supported=lambda _x, _y: True,
        overall=frozenset(),
        siblings=False,
    )
    by_key = [([u.key for u in a], [u.key for u in b]) for a, b in rows]
    assert (["a1"], ["b3"]) in by_key
    assert (["a2"], ["b4"]) in by_key


def test_plans_on_different_main_subjects_still_need_the_usual_bar() -> None:
    enforce_a = _plan("a1", (("enforcement", 1.0),))
    study_b = _plan("b2", (("leadership", 0.6), ("enforcement", 0.4)))
    vectors = {id(enforce_a): _vector(执法=1.0, 规范=3.0), id(study_b): _vector(学习=1.0, 执法=0.1)}
    rows = _align_theme(
        [enforce_a],
        [study_b],
        vectors,
        True,
        supported=lambda _x, _y: True,
        overall=frozenset(),
        siblings=False,
    )
    # alike below PAIR_THRESHOLD, main subjects apart: two gaps, no row
    assert all(not (a and b) for a, b in rows)

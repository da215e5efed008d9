"""benchmarks/subject_edges.py, the learned edge model of figure subjects (a prototype):
its candidates on invented sentences and its ranker on invented features. No jieba: a
small word list cuts the clauses and gives the word classes."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_scripts import load_script

edges = load_script("benchmarks/subject_edges.py")

_WORDS = ("今年", "全区", "各部门", "组织", "开展", "法治讲座", "受理", "咨询")
_TAGS = {"今年": "t", "全区": "n", "各部门": "n", "共": "d", "组织": "v", "开展": "v"}


def _cut(text: str) -> list[str]:
    """Longest match on the small word list, else one character."""
    words: list[str] = []
    at = 0
    while at < len(text):
        word = next((w for w in _WORDS if text.startswith(w, at)), text[at])
        words.append(word)
        at += len(word)
    return words


@pytest.fixture(autouse=True)
def _small_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(edges, "_TAGS", dict(_TAGS))


def _figure(text: str, label: str, written: str, unit: str) -> object:
    start = text.index(written)
    return edges.Found(label, unit, 0.0, written, start, start + len(written))


def test_candidates_move_edges_within_the_clause_before_the_number() -> None:
    text = "今年全区各部门共组织开展法治讲座36场，受理咨询80件"
    found = edges.candidates(_figure(text, "组织开展法治讲座", "36场", "场"), text, _cut)
    said = [c.text for c in found]
    assert said[0] == "组织开展法治讲座" and found[0].rule
    assert {
        "法治讲座",
        "开展法治讲座",
        "各部门共组织开展法治讲座",
        "今年全区各部门共组织开展法治讲座",
    } <= set(said)
    assert not any("36" in s or "，" in s or len(s) < 2 for s in said)
    assert len(said) == len(set(said))
    assert "rule" in found[0].features and not any("rule" in c.features for c in found[1:])
    assert "kind:event" in found[0].features


def test_a_subject_not_in_the_text_is_the_only_candidate() -> None:
    text = "受理咨询80件"
    found = edges.candidates(_figure(text, "别处的名称", "80件", "件"), text, _cut)
    assert [c.text for c in found] == ["别处的名称"]


def test_unit_kinds() -> None:
    assert [edges.unit_kind(u) for u in ("%", "场", "万元", "个工作日", "件", "")] == [
        "rate",
        "event",
        "money",
        "duration",
        "thing",
        "bare",
    ]


def _item(right: list[bool], *alternatives: str) -> object:
    cands = [edges.Candidate("甲乙", ["bias", "rule"], True)]
    cands += [
        edges.Candidate("乙" * (i + 2), ["bias", f], False) for i, f in enumerate(alternatives)
    ]
    return edges.Item("x", cands, right)


def test_the_ranker_keeps_the_rule_without_evidence_and_learns_a_departure(
    tmp_path: Path,
) -> None:
    assert edges.Ranker().choose(_item([True, False], "L.first:V").candidates) == 0
    items = [_item([False, True], "L.first:N")] * 5 + [_item([True, False], "L.first:V")] * 5
    model = edges.Ranker.train(items, use_words=False)
    assert model.choose(_item([False, True], "L.first:N").candidates) == 1
    assert model.choose(_item([True, False], "L.first:V").candidates) == 0
    path = tmp_path / "model.json"
    model.save(path)
    again = edges.Ranker.load(path)
    assert again.weights == model.weights and again.choose(items[0].candidates) == 1


def test_the_rule_margin_is_the_largest_that_gets_most_right() -> None:
    held = [([0.0, 1.0], [False, True]), ([0.0, 2.0], [True, False])]
    assert edges.fit_beta(held) > 2.0
    assert edges.fit_beta([([0.0, 1.0], [False, True])]) == 0.0

"""Tags and notes on marks: stored with the marks, merged with another govread's, read back."""

from __future__ import annotations

import json
from pathlib import Path

from govread.marks import MAX_TAGS, Annotation, MarkSet, parse_tags

A = "0123456789ab/1.2"
B = "0123456789ab/3#2"
C = "ba9876543210"


def test_tags_and_notes_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    marks, warning = MarkSet.load(path)
    assert warning is None
    found = marks.annotate(A, tags=["执法", " 复议 ", "执法", ""], note="  为何标记\n第二行 ")
    assert found == Annotation(("执法", "复议"), "为何标记\n第二行")
    assert A in marks  # tagging marks the node
    marks.annotate(B, tags=["执法"])
    again, warning = MarkSet.load(path)
    assert warning is None
    assert again.annotation(A) == found
    assert again.tags_and_note(B) == (("执法",), None)
    assert again.all_tags() == ["执法", "复议"]  # most used first
    assert again.tagged("执法") == {A, B}
    document = json.loads(path.read_text("utf-8"))
    assert document["notes"][A] == {"tags": ["执法", "复议"], "note": "为何标记\n第二行"}


def test_clearing_tags_and_note_removes_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    marks, _ = MarkSet.load(path)
    marks.annotate(A, tags=["x"], note="y")
    marks.annotate(A, tags=[], note="")
    assert not marks.annotation(A)
    assert "notes" not in json.loads(path.read_text("utf-8"))
    assert A in MarkSet.load(path)[0]  # the mark stays


def test_two_sessions_keep_each_others_tags(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    first, _ = MarkSet.load(path)
    second, _ = MarkSet.load(path)
    first.annotate(A, tags=["执法"])
    second.annotate(C, note="另一个会话")
    assert second.annotation(A).tags == ("执法",)  # taken in on save
    first.annotate(B, tags=["公开"])
    assert first.annotation(C).note == "另一个会话"
    merged, _ = MarkSet.load(path)
    assert {A, B, C} <= set(merged)
    assert merged.annotation(A).tags == ("执法",)
    assert merged.annotation(B).tags == ("公开",)
    assert merged.annotation(C).note == "另一个会话"
    # the later word on one node wins, the other nodes stay
    second.annotate(A, tags=["改过"])
    final, _ = MarkSet.load(path)
    assert final.annotation(A).tags == ("改过",) and final.annotation(B).tags == ("公开",)


def test_a_note_and_a_tag_given_one_node_by_two_sessions_are_both_kept(tmp_path: Path) -> None:
    """QA: one browser wrote a note on a node, another (open since before) then tagged it:
    the second save wrote its whole stale annotation, and the note was gone. A session's
    word wins for what it changed (the tags, the note), not for the whole node."""
    path = tmp_path / "marks.json"
    first, _ = MarkSet.load(path)
    second, _ = MarkSet.load(path)
    first.annotate(A, note="第一个会话的备注")
    second.annotate(A, tags=["第二个会话"])
    assert MarkSet.load(path)[0].annotation(A) == Annotation(("第二个会话",), "第一个会话的备注")
    assert second.annotation(A).note == "第一个会话的备注"  # taken in on save
    first.annotate(A, note="改过的备注")  # and the other way round
    assert MarkSet.load(path)[0].annotation(A) == Annotation(("第二个会话",), "改过的备注")
    second.annotate(A, tags=[], note="")  # clearing both clears both
    assert not MarkSet.load(path)[0].annotation(A)


def test_a_session_takes_in_what_others_saved_before_a_node_is_edited(tmp_path: Path) -> None:
    """QA: the tag dialog of a browser open since before offered the node's tags as they
    were when it last saved: typing one more tag dropped the one another browser had just
    given. `take_in` reads the file first (the browser calls it when a dialog opens), and
    tells which nodes changed; this session's unsaved changes are kept."""
    path = tmp_path / "marks.json"
    first, _ = MarkSet.load(path)
    changed: list[frozenset[str]] = []
    second, _ = MarkSet.load(path)
    second.on_external_change = changed.append
    first.annotate(A, tags=["执法"], note="甲")
    first.add(B)
    second.take_in()
    assert second.annotation(A) == Annotation(("执法",), "甲") and B in second
    assert changed == [frozenset({A, B})]
    second.take_in()  # nothing new: nothing said
    assert changed == [frozenset({A, B})]
    second.annotate(A, tags=["执法", "复议"])
    assert MarkSet.load(path)[0].annotation(A) == Annotation(("执法", "复议"), "甲")


def test_bad_notes_set_the_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    path.write_text(
        json.dumps({"format": "govread-marks/1", "marks": {}, "notes": {A: {"tags": [1]}}}),
        "utf-8",
    )
    marks, warning = MarkSet.load(path)
    assert warning is not None
    assert [p.name.startswith("marks.json.bad-") for p in tmp_path.iterdir()].count(True) == 1
    assert not marks.annotation(A)


def test_parse_tags_and_limits() -> None:
    assert parse_tags("执法，复议、 公开; 监督；x,") == ("执法", "复议", "公开", "监督", "x")
    assert len(parse_tags(",".join(str(n) for n in range(100)))) == MAX_TAGS
    assert parse_tags("a" * 500) == ("a" * 40,)


def test_tag_terms_in_the_filter_query() -> None:
    from govread.parsers import parse_text
    from govread.search import SearchIndex, parse_query

    query = parse_query("tag:执法 复议 -tag：草稿 | 诉讼")
    assert query.tags == ("执法",) and query.excluded_tags == ("草稿",)
    assert [[t.text for t in g] for g in query.groups] == [["复议", "诉讼"]]
    assert not parse_query("-tag:x").is_empty
    assert parse_query("tag:").tags == ()

    report = parse_text(
        "某市2023年法治政府建设情况报告\n一、行政执法\n(一)复议\n办理行政复议案件。\n"
        "(二)应诉\n行政复议与应诉。\n二、政务公开\n复议信息公开。\n"
    )
    index = SearchIndex()
    index.add(report)
    first, second = report.sections
    tags = {"执法": {first.id}, "草稿": {first.children[1].id}}

    def tagged(tag: str) -> set[str]:
        return tags.get(tag, set())

    assert index.filter("复议").ids >= {first.children[0].id, second.id}
    # text under a tagged section, minus what is under an excluded tag
    found = index.filter("tag:执法 复议 -tag:草稿", tagged=tagged)
    assert found.ids == {first.children[0].id}
    # a tag alone: the nodes carrying it
    assert index.filter("tag:执法", tagged=tagged).ids == {first.id}
    assert index.filter("tag:执法").ids == frozenset()  # no tags known: nothing
    assert index.filter("tag:没有", tagged=tagged).ids == frozenset()


def test_a_tag_with_quotes_in_it_is_found_by_its_words(tmp_path: Path) -> None:
    marks, _ = MarkSet.load(tmp_path / "marks.json")
    marks.annotate(A, tags=['"q"', "行政 执法"])
    assert marks.tagged('"q"') == marks.tagged("q") == {A}
    assert marks.tagged("行政 执法") == {A}
    assert marks.tagged("行政") == set()

"""Marks made on one reading of a text and the same text read into other sections (QA: a
flattened copy of a file has the same text, so the same ids, which name other nodes: the
marks showed on the wrong sections, and the header counted marks the list did not show)."""

from __future__ import annotations

from pathlib import Path

from govread.marks import MarkSet
from govread.parsers import parse_text

TEXT = (
    "某区2019年政府工作报告\n2019年工作回顾\n"
    "（一）致力调结构，经济发展量质齐升。全年完成固定资产投资80亿元。\n"
    "（二）致力强供给，民生福祉厚植增优。新增学位2000个。\n"
    "2020年主要工作任务\n（一）奋力决战交通攻坚行动。推动快速通道建设。\n"
    "（二）全力抓好民生工作。新建学校3所。\n"
)


def _readings(tmp_path: Path):
    structured = parse_text(TEXT, path=str(tmp_path / "a.txt"))
    flat = parse_text(TEXT.replace("\n", ""), path=str(tmp_path / "flat.txt"))
    assert structured.id == flat.id  # one text, so one id
    assert structured.sections[0].heading != flat.sections[0].heading  # two readings
    return structured, flat


def test_marks_of_another_reading_are_kept_not_shown_on_other_nodes(tmp_path: Path) -> None:
    structured, flat = _readings(tmp_path)
    rid = structured.id
    marks = MarkSet(path=tmp_path / "marks.json")
    marks.update([f"{rid}/1", f"{rid}/1.2"])  # 2019年工作回顾, its （二）
    assert marks.record_texts([structured])
    assert marks.save() is None  # (the caller saves a changed record)
    # the flattened copy opened (another run): /1 is its （一）, /1.2 none of its nodes
    again = MarkSet.load(tmp_path / "marks.json")[0]
    again.record_texts([flat], only_new=True)
    assert f"{rid}/1" not in again  # no dot on the flat reading's （一）
    assert again.ordered([flat]) == []
    assert again.not_found([flat]) == 2
    assert len(again) == 2  # kept
    # the structured file opened again: both shown where they were made
    third = MarkSet.load(tmp_path / "marks.json")[0]
    third.record_texts([structured], only_new=True)
    assert [ref.path[-1] for ref in third.ordered([structured])] == [
        "2019年工作回顾",
        "（二）致力强供给，民生福祉厚植增优",
    ]
    assert third.not_found([structured]) == 0


def test_marking_the_node_in_this_reading_makes_the_mark_this_reading_s(tmp_path: Path) -> None:
    structured, flat = _readings(tmp_path)
    rid = structured.id
    marks = MarkSet(path=tmp_path / "marks.json")
    marks.update([f"{rid}/1"])
    assert marks.record_texts([structured])
    assert marks.save() is None  # (the caller saves a changed record)
    again = MarkSet.load(tmp_path / "marks.json")[0]
    again.record_texts([flat], only_new=True)
    assert f"{rid}/1" not in again
    assert again.toggle(f"{rid}/1") is True  # space on the flat reading's （一）: marked
    assert f"{rid}/1" in again
    assert [ref.path[-1] for ref in again.ordered([flat])] == ["（一）致力调结构，经济发展量质齐升"]
    again.record_texts([flat])  # as the browser does after a mark changes: it stays shown
    assert f"{rid}/1" in again

"""Marks: toggling, document order, resolution to nodes, persistence and damaged files."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from govread import marks as marks_module
from govread.atomic import WriteError
from govread.marks import (
    Annotation,
    MarkSet,
    document_order_key,
    iter_nodes,
    kind_of,
    marks_path,
    refs_in_order,
    report_id,
    resolve,
    resolve_in,
)
from govread.parsers import Report


def _ids(report: Report) -> list[str]:
    return [ref.id for ref in iter_nodes(report)]


def _an_item_id(samples: list[Report]) -> str:
    return next(ref.id for r in samples for ref in iter_nodes(r) if ref.kind == "item")


# -- ids and nodes ----------------------------------------------------------------------


def test_node_ids_name_reports_sections_and_items(samples: list[Report]) -> None:
    report = samples[0]
    ids = _ids(report)
    assert ids[0] == report.id == report.text_sha256()[:12] == report_id(report)
    assert [kind_of(i) for i in ids[:2]] == ["report", "section"]
    item = _an_item_id(samples)
    assert kind_of(item) == "item"
    assert "#" in item


def test_iter_nodes_is_document_order(samples: list[Report]) -> None:
    for report in samples:
        ids = _ids(report)
        assert ids == sorted(ids, key=document_order_key), report.path
        # every section, every item, once
        sections = [s.id for s in report.walk()]
        items = [i.id for s in report.walk() for i in s.items]
        assert sorted(ids[1:]) == sorted(sections + items)


def test_order_key_puts_items_before_subsections() -> None:
    ids = [
        "0123456789ab/2",
        "0123456789ab/1.1",
        "0123456789ab/1#2",
        "0123456789ab/1",
        "0123456789ab",
        "0123456789ab/1#10",
        "0123456789ab/10",
    ]
    assert sorted(ids, key=document_order_key) == [
        "0123456789ab",
        "0123456789ab/1",
        "0123456789ab/1#2",
        "0123456789ab/1#10",
        "0123456789ab/1.1",
        "0123456789ab/2",
        "0123456789ab/10",
    ]


def test_every_node_resolves_to_itself(samples: list[Report]) -> None:
    for report in samples:
        for ref in iter_nodes(report):
            assert resolve(samples, ref.id) == ref
            assert resolve_in(report, ref.id) == ref


def test_resolved_nodes_carry_their_heading_path(samples: list[Report]) -> None:
    report = next(r for r in samples if any(s.children for s in r.sections))
    top = next(s for s in report.sections if s.children)
    child = top.children[0]
    ref = resolve([report], child.id)
    assert ref is not None
    assert ref.kind == "section"
    assert ref.path == (top.label, child.label)
    assert ref.heading == child.heading
    assert ref.level == child.level
    assert ref.text() == child.full_text()

    item_id = _an_item_id([report]) if any(s.items for s in report.walk()) else None
    if item_id is None:
        report = next(r for r in samples if any(s.items for s in r.walk()))
        item_id = _an_item_id([report])
    item_ref = resolve(samples, item_id)
    assert item_ref is not None and item_ref.item is not None and item_ref.section is not None
    assert item_ref.path[-1] == item_ref.item.marker + item_ref.item.heading
    assert item_ref.path[-2] == item_ref.section.label
    assert item_ref.text() == item_ref.item.text
    assert item_ref.level is None
    assert item_ref.number == item_ref.item.number


def test_report_node(samples: list[Report]) -> None:
    ref = resolve(samples, report_id(samples[1]))
    assert ref is not None
    assert ref.kind == "report" and ref.path == () and ref.node is samples[1]
    assert ref.text() == samples[1].full_text()
    assert ref.heading is None and ref.number is None and ref.level is None


@pytest.mark.parametrize("suffix", ["/99", "/1.99", "/1#99", "/0"])
def test_ids_of_no_node_resolve_to_none(samples: list[Report], suffix: str) -> None:
    assert resolve(samples, report_id(samples[0]) + suffix) is None


def test_ids_of_reports_not_open_resolve_to_none(samples: list[Report]) -> None:
    assert resolve(samples, "ffffffffffff/1") is None


# -- the set ----------------------------------------------------------------------------


def test_toggle_add_remove_clear_count(samples: list[Report]) -> None:
    marks = MarkSet()
    first, second = _ids(samples[0])[1], _ids(samples[1])[1]
    assert marks.toggle(first) is True
    assert first in marks and len(marks) == 1
    assert marks.toggle(first) is False
    assert first not in marks and len(marks) == 0
    assert marks.add(first) is True
    assert marks.add(first) is False
    assert marks.update([first, second, report_id(samples[2])]) == 2
    assert marks.count() == 3
    assert marks.count([samples[0]]) == 1
    assert marks.ids_of(samples[1]) == {second}
    assert marks.remove(second) is True
    assert marks.remove(second) is False
    assert marks.clear([samples[0]]) == 1
    assert list(marks) == [report_id(samples[2])]
    assert marks.clear() == 1
    assert len(marks) == 0


@pytest.mark.parametrize("bad", ["", "xyz", "0123456789ab/", "0123456789ab/1#", "ABCDEF012345"])
def test_malformed_ids_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a govread node id"):
        MarkSet().toggle(bad)


def test_ordered_follows_the_open_reports_and_the_document(samples: list[Report]) -> None:
    wanted = [i for r in samples for i in _ids(r)[::3]]
    shuffled = wanted[:]
    random.Random(4).shuffle(shuffled)
    marks = MarkSet([*shuffled, "ffffffffffff/1"])
    assert [ref.id for ref in marks.ordered(samples)] == wanted
    reversed_reports = samples[::-1]
    expected = [i for r in reversed_reports for i in _ids(r)[::3]]
    assert [ref.id for ref in marks.ordered(reversed_reports)] == expected
    # a report that is not open keeps its marks; they are just not resolvable now
    assert "ffffffffffff/1" in marks
    assert len(marks) == len(wanted) + 1


def test_refs_in_order_skips_unknown_and_duplicate_ids(samples: list[Report]) -> None:
    some = _ids(samples[0])[2]
    refs = refs_in_order(samples, [some, some, "junk", report_id(samples[0]) + "/99"])
    assert [r.id for r in refs] == [some]


# -- persistence ------------------------------------------------------------------------


def test_marks_live_in_the_user_data_dir() -> None:
    path = marks_path()
    assert path.name == "marks.json"
    assert str(path).startswith(os.environ["XDG_DATA_HOME"])  # isolated by conftest


def test_every_change_is_saved_and_loaded_again(samples: list[Report], tmp_path: Path) -> None:
    path = tmp_path / "data" / "marks.json"
    marks, warning = MarkSet.load(path)
    assert warning is None and len(marks) == 0
    node = _ids(samples[0])[3]
    elsewhere = "abcdef012345/2.1#3"  # a report that is not open in this session
    marks.toggle(node)
    marks.add(elsewhere)
    again, warning = MarkSet.load(path)
    assert warning is None
    assert set(again) == {node, elsewhere}
    again.toggle(node)
    third, _ = MarkSet.load(path)
    assert set(third) == {elsewhere}  # the mark of the closed report survived
    document = json.loads(path.read_text("utf-8"))
    assert document == {"format": "govread-marks/1", "marks": {"abcdef012345": [elsewhere]}}
    # no temp files; the lock file stays (removing it would race with a waiting save)
    assert sorted(p.name for p in path.parent.iterdir()) == ["marks.json", "marks.json.lock"]


def test_default_load_uses_the_data_dir(samples: list[Report]) -> None:
    marks, warning = MarkSet.load()
    assert warning is None
    marks.toggle(report_id(samples[0]))
    assert marks_path().exists()
    assert set(MarkSet.load()[0]) == {report_id(samples[0])}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"format": "something-else", "marks": {}}', "not a govread-marks/1 file"),
        (b'{"format": "govread-marks/1", "marks": []}', "no marks table"),
        (b"[1, 2]", "not a govread-marks/1 file"),
    ],
)
def test_a_damaged_file_is_moved_aside_with_a_warning(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "marks.json"
    path.write_bytes(content)
    marks, warning = MarkSet.load(path)
    assert warning is not None and reason in warning and "\n" not in warning
    assert len(marks) == 0
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("marks.json.bad-")]
    assert len(aside) == 1
    assert aside[0].name in warning
    assert aside[0].read_bytes() == content  # kept for the user, byte for byte
    assert not path.exists()
    marks.toggle("0123456789ab/1")  # and marking works on
    assert set(MarkSet.load(path)[0]) == {"0123456789ab/1"}


def test_a_file_damaged_after_loading_is_set_aside_by_the_next_save_and_said(
    tmp_path: Path,
) -> None:
    path = tmp_path / "marks.json"
    notices: list[str] = []
    marks, _ = MarkSet.load(path, on_notice=notices.append)
    marks.toggle("0123456789ab/1")
    assert notices == []
    path.write_bytes(b"{not json")  # another program, meanwhile
    marks.toggle("0123456789ab/2")
    assert len(notices) == 1 and "\n" not in notices[0]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("marks.json.bad-")]
    assert len(aside) == 1 and aside[0].name in notices[0] and "not JSON" in notices[0]
    assert aside[0].read_bytes() == b"{not json"
    assert set(MarkSet.load(path)[0]) == {"0123456789ab/1", "0123456789ab/2"}
    marks.toggle("0123456789ab/3")  # said once: the file is whole again
    assert len(notices) == 1


def test_two_damaged_files_in_one_second_do_not_collide(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    for _ in range(2):
        path.write_bytes(b"junk")
        assert MarkSet.load(path)[1] is not None
    assert len([p for p in tmp_path.iterdir() if ".bad-" in p.name]) == 2


def test_an_unreadable_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    path.mkdir()  # reading fails (a folder), as with a file the user may not read
    marks, warning = MarkSet.load(path)
    assert warning is not None and "cannot be read" in warning and "not be saved" in warning
    marks.toggle("0123456789ab")
    assert "0123456789ab" in marks
    assert path.is_dir()


def test_a_failed_save_keeps_the_mark_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []
    marks, _ = MarkSet.load(tmp_path / "marks.json", on_save_error=heard.append)

    def disk_full(path: object, text: str, *, overwrite: bool = False) -> Path:
        raise WriteError(str(path), "no space left on the device")

    monkeypatch.setattr(marks_module, "atomic_write_text", disk_full)
    assert marks.toggle("0123456789ab/1") is True
    assert "0123456789ab/1" in marks
    assert marks.save_error is not None and "no space left on the device" in marks.save_error
    assert heard == [marks.save_error]
    monkeypatch.undo()
    marks.toggle("0123456789ab/2")
    assert marks.save_error is None
    assert set(MarkSet.load(tmp_path / "marks.json")[0]) == {"0123456789ab/1", "0123456789ab/2"}


def test_data_dir_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _, warning = MarkSet.load(blocker / "govread" / "marks.json")
    assert warning is not None  # reading through a file fails
    marks2 = MarkSet(path=blocker / "govread" / "marks.json")
    marks2.toggle("0123456789ab")
    assert marks2.save_error is not None and marks2.save_error.startswith("marks not saved:")
    assert "0123456789ab" in marks2


def test_a_set_without_a_file_never_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    marks = MarkSet()
    marks.toggle("0123456789ab")
    assert marks.save() is None
    assert list(tmp_path.iterdir()) == []


def test_ids_that_are_not_positional_still_resolve() -> None:
    from govread.parsers.model import Section

    child = Section(
        id="0123456789ab/x9",
        level=2,
        number="1",
        ordinal=1,
        marker="(一)",
        heading="子",
        raw_heading="(一)子",
        inline=False,
        paragraphs=("子文",),
    )
    top = Section(
        id="0123456789ab/7",
        level=1,
        number="一",
        ordinal=1,
        marker="一、",
        heading="顶",
        raw_heading="一、顶",
        inline=False,
        children=(child,),
    )
    report = Report(
        sha256="0123456789ab" + "0" * 52,
        title=None,
        display_title="x",
        region=None,
        year=None,
        published=None,
        issuer=None,
        source=None,
        sections=(top,),
    )
    found = resolve_in(report, "0123456789ab/7")
    assert found is not None and found.section is top and found.path == ("一、顶",)
    assert resolve_in(report, "0123456789ab/1") is None
    assert resolve_in(report, "0123456789ab/9") is None


# -- a newer govread's file is left alone; a bad entry costs only itself (QA A5) -----------


@pytest.mark.parametrize("version", ["2", "10", "1.1"])
def test_a_newer_marks_file_is_left_in_place_and_never_overwritten(
    tmp_path: Path, version: str
) -> None:
    """QA: a govread-marks/2 file was moved aside and marking started empty, so the newer
    govread that wrote it found its marks gone."""
    path = tmp_path / "marks.json"
    marked = '"marks": {"0123456789ab": ["0123456789ab/1"]}, "future": true'
    content = ('{"format": "govread-marks/' + version + '", ' + marked + "}").encode()
    path.write_bytes(content)
    marks, warning = MarkSet.load(path)
    assert warning is not None and "\n" not in warning
    assert f"govread-marks/{version}" in warning and "will not be saved" in warning
    assert "moved" not in warning
    marks.toggle("0123456789ab/2")  # marking works in memory, and the file is untouched
    assert "0123456789ab/2" in marks and path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir() if p.name != "marks.json.lock"] == ["marks.json"]


def test_a_file_turning_newer_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    marks, _unused = MarkSet.load(path)
    marks.toggle("0123456789ab/1")
    newer = b'{"format": "govread-marks/2", "marks": {}}'
    path.write_bytes(newer)
    marks.toggle("0123456789ab/2")
    assert marks.save_error is not None and path.read_bytes() == newer


BAD_ENTRIES = [
    ('"marks": {"0123456789ab": ["0123456789ab/1"], "fedcba987654": "x"}', "not a list"),
    ('"marks": {"0123456789ab": ["0123456789ab/1", "fedcba987654/1", 3]}', "not a node id"),
    (
        '"marks": {"0123456789ab": ["0123456789ab/1"]}, '
        '"notes": {"0123456789ab/1": {"tags": "执法"}, "0123456789ab/2": {"tags": ["审查"]}}',
        "tags that are not a list",
    ),
    (
        '"marks": {"0123456789ab": ["0123456789ab/1"]}, '
        '"notes": {"0123456789ab/1": {"note": 5, "tags": ["执法"]}, "nonsense": {}}',
        "not text",
    ),
    ('"marks": {"0123456789ab": ["0123456789ab/1"]}, "notes": [1]', "not a table"),
]


@pytest.mark.parametrize(("body", "reason"), BAD_ENTRIES)
def test_a_bad_entry_is_left_out_and_the_other_marks_kept(
    tmp_path: Path, body: str, reason: str
) -> None:
    """QA: one note whose tags were a string moved the whole file aside: every mark gone."""
    path = tmp_path / "marks.json"
    content = ('{"format": "govread-marks/1", ' + body + "}").encode()
    path.write_bytes(content)
    marks, warning = MarkSet.load(path)
    assert "0123456789ab/1" in marks
    assert warning is not None and reason in warning and "\n" not in warning
    (copy,) = tmp_path.glob("marks.json.bad-*")
    assert copy.name in warning and copy.read_bytes() == content  # nothing is lost
    if "审查" in content.decode():
        assert marks.annotation("0123456789ab/2").tags == ("审查",)
    if '"note": 5' in body:
        assert marks.annotation("0123456789ab/1").tags == ("执法",)
    again, warning = MarkSet.load(path)  # rewritten without them: said once
    assert warning is None and set(again) == set(marks)


# -- a corrected file keeps its marks (QA A7) ----------------------------------------------

EDITED_TEXT = """某市人民政府关于2023年法治政府建设情况的报告
2023年，我市坚持依法行政。
一、主要做法
（一）规范行政执法
全年办理行政复议案件9件，一是规范执法，二是加强监督。
（二）推进政务公开
公开信息1200条。
二、存在问题
个别部门执法不规范。
三、下步打算
继续改进法治政府建设。
"""


def _parsed(text: str, path: Path) -> Report:
    from govread.parsers import parse_text

    path.write_text(text, "utf-8")
    return parse_text(text, path=str(path))


def _coded(marks: MarkSet, report: Report) -> dict[str, str]:
    """Mark and annotate every node of `report`; label → id."""
    labels = {}
    for ref in iter_nodes(report):
        marks.annotate(ref.id, tags=[f"t{len(labels)}"], note=f"note{ref.id[12:]}")
        labels[ref.path[-1] if ref.path else ""] = ref.id[12:]
    marks.record_texts([report])
    marks.save()
    return labels


@pytest.mark.parametrize(
    ("edit", "lost"),
    [
        (lambda t: t.replace("9件", "10件"), set()),  # a figure corrected
        (lambda t: t.replace("坚持依法行政", "坚持全面依法行政"), set()),  # the preamble
        (lambda t: t.replace("个别部门", "少数部门"), set()),
        (lambda t: t.replace("（二）推进政务公开", "（二）深化政务公开"), {"（二）推进政务公开"}),
        (
            lambda t: t.replace("二、存在问题\n个别部门执法不规范。\n", ""),
            {"二、存在问题", "三、下步打算"},
        ),
    ],
    ids=["figure", "preamble", "body", "heading renamed", "chapter removed"],
)
def test_a_corrected_file_carries_its_marks_to_its_new_text(
    tmp_path: Path, edit: Callable[[str], str], lost: set[str]
) -> None:
    """QA: fixing one figure of a report left all its marks, tags and notes "in reports not
    open", shown and exported nowhere, and nothing said so."""
    store = tmp_path / "marks.json"
    file = tmp_path / "某市2023.txt"
    before = _parsed(EDITED_TEXT, file)
    marks, _unused = MarkSet.load(store)
    labels = _coded(marks, before)
    count = len(marks)
    after = _parsed(edit(EDITED_TEXT), file)
    assert report_id(after) != report_id(before)

    again, warning = MarkSet.load(store)  # the next start
    assert warning is None
    (result,) = again.carry_over([after])
    assert set(result.left) == lost
    assert result.carried == count - len(lost)
    for label, suffix in labels.items():
        new_id, old_id = report_id(after) + suffix, report_id(before) + suffix
        if label in lost:
            assert old_id in again and again.annotation(old_id).note == f"note{suffix}"
        else:
            assert new_id in again and old_id not in again
            assert again.annotation(new_id).note == f"note{suffix}"
            assert again.annotation(old_id) == Annotation()
    stored, _unused = MarkSet.load(store)  # saved, and said only once
    assert set(stored) == set(again)
    assert stored.carry_over([after]) == []  # nothing more to carry: said once


def test_a_file_name_of_any_bytes_is_remembered(tmp_path: Path) -> None:
    store = tmp_path / "marks.json"
    name = os.fsdecode(b"\xff\xfe\x1b[31m\xe5\x92\xb8.txt")  # not UTF-8, an escape
    try:
        before = _parsed(EDITED_TEXT, tmp_path / name)
    except OSError:
        pytest.skip("this file system takes no such name")
    marks, _unused = MarkSet.load(store)
    _coded(marks, before)
    assert marks.save_error is None
    after = _parsed(EDITED_TEXT.replace("9件", "10件"), tmp_path / name)
    again, warning = MarkSet.load(store)
    assert warning is None
    (result,) = again.carry_over([after])
    assert result.carried == len(marks) and not result.left


def test_marks_follow_only_their_own_file(tmp_path: Path) -> None:
    store = tmp_path / "marks.json"
    before = _parsed(EDITED_TEXT, tmp_path / "a.txt")
    marks, _unused = MarkSet.load(store)
    _coded(marks, before)
    other = _parsed(EDITED_TEXT.replace("9件", "10件"), tmp_path / "b.txt")  # another file
    assert marks.carry_over([other]) == []
    moved = _parsed(EDITED_TEXT.replace("9件", "11件"), tmp_path / "a.txt")
    # the earlier text open too (a copy elsewhere): it is not stranded, nothing moves
    copy = _parsed(EDITED_TEXT, tmp_path / "copy.txt")
    assert marks.carry_over([moved, copy]) == []


def test_carrying_keeps_another_sessions_marks(tmp_path: Path) -> None:
    store = tmp_path / "marks.json"
    file = tmp_path / "a.txt"
    before = _parsed(EDITED_TEXT, file)
    first, _unused = MarkSet.load(store)
    _coded(first, before)
    after = _parsed(EDITED_TEXT.replace("9件", "10件"), file)
    mine, _unused = MarkSet.load(store)
    other, _unused = MarkSet.load(store)
    other.annotate("0123456789ab/1", tags=["别处"])  # saved after this session loaded
    assert mine.carry_over([after])
    final, _unused = MarkSet.load(store)
    assert final.annotation("0123456789ab/1").tags == ("别处",)
    assert report_id(after) in final and report_id(before) not in final


def test_two_sessions_recording_one_file_keep_both_nodes_labels(tmp_path: Path) -> None:
    """QA: a session recording its marks of a file wrote that file's record whole, from the
    marks it knew: a node another session marked meanwhile lost its label there, so when
    the file was corrected that mark was not carried over ("could not be")."""
    store = tmp_path / "marks.json"
    file = tmp_path / "a.txt"
    before = _parsed(EDITED_TEXT, file)
    refs = [ref for ref in iter_nodes(before) if ref.kind == "section"]
    mine, _unused = MarkSet.load(store)
    theirs, _unused = MarkSet.load(store)
    mine.add(refs[0].id)
    theirs.add(refs[1].id)  # saved: its record of the file written before this one's
    theirs.record_texts([before])
    theirs.save()
    mine.record_texts([before])  # knows only its own mark of the file
    mine.save()
    after = _parsed(EDITED_TEXT.replace("9件", "10件"), file)
    again, _unused = MarkSet.load(store)
    (result,) = again.carry_over([after])
    assert result.carried == 2 and not result.left


def test_tags_cut_says_when_the_limits_take_something() -> None:
    from govread.marks import MAX_TAG_CHARS, MAX_TAGS, tags_cut

    assert not tags_cut("执法, 复议、执法")
    assert tags_cut("执法," + "长" * (MAX_TAG_CHARS + 1))
    assert tags_cut(",".join(f"t{i}" for i in range(MAX_TAGS + 1)))
    assert not tags_cut(",".join(f"t{i}" for i in range(MAX_TAGS)))

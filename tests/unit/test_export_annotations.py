"""The TOML export carries the marks' tags and notes, and restoring it merges them back into
the user's own without losing any (tags: the union; notes: kept, taken or appended)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from govread.cli import main
from govread.export import ExportError, export_chunks, export_items, read_export
from govread.marks import (
    MAX_NOTE_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    Annotation,
    MarkSet,
    NodeRef,
    iter_nodes,
    merge_annotation,
)
from govread.parsers import Report, parse_text

TEXT = """某县人民政府关于2024年法治政府建设情况的报告
一、主要做法
（一）规范执法
全年检查企业十二家，一是抽查，二是回访。
（二）公开信息
发布通知若干条。
二、下步打算
继续改进。
"""


@pytest.fixture(scope="module")
def report() -> Report:
    return parse_text(TEXT, path="某县2024.txt")


@pytest.fixture(scope="module")
def refs(report: Report) -> list[NodeRef]:
    return [ref for ref in iter_nodes(report) if ref.kind == "section"][:3]


def _marks(refs: list[NodeRef]) -> MarkSet:
    marks = MarkSet()  # no file: nothing saved
    marks.annotate(refs[0].id, tags=["执法", "抽查"], note="第一行\n第二行")
    marks.annotate(refs[1].id, tags=["公开"])
    marks.add(refs[2].id)
    return marks


def test_items_carry_tags_and_notes_only_when_they_have_them(refs: list[NodeRef]) -> None:
    marks = _marks(refs)
    text = export_items(refs, figures=None, annotations=marks.tags_and_note)
    tables = tomllib.loads(text)["item"]
    assert tables[0]["tags"] == ["执法", "抽查"] and tables[0]["note"] == "第一行\n第二行"
    assert tables[1]["tags"] == ["公开"] and "note" not in tables[1]
    assert "tags" not in tables[2] and "note" not in tables[2]
    # streamed (`govread export`) is the very same text
    streamed = "".join(export_chunks(refs, figures=None, annotations=marks.tags_and_note))
    assert streamed.split("\n", 3)[3] == text.split("\n", 3)[3]  # past the timestamp line
    # without a lookup (a query's hits) nothing is added
    assert "tags" not in tomllib.loads(export_items(refs[:1], figures=None))["item"][0]


def test_read_export_gives_tags_and_notes_back(refs: list[NodeRef], tmp_path: Path) -> None:
    path = tmp_path / "coded.toml"
    path.write_text(
        export_items(refs, figures=None, annotations=_marks(refs).tags_and_note), "utf-8"
    )
    read = read_export(path)
    assert [ref.annotation for ref in read] == [
        Annotation(("执法", "抽查"), "第一行\n第二行"),
        Annotation(("公开",), ""),
        Annotation(),
    ]


def test_imported_fields_are_checked_and_held_to_the_marks_limits(
    refs: list[NodeRef], tmp_path: Path
) -> None:
    path = tmp_path / "edited.toml"
    base = export_items(refs[:1], figures=None)
    path.write_text(base.replace("[[item]]\n", "[[item]]\ntags = [1, 2]\n", 1), "utf-8")
    with pytest.raises(ExportError, match="tags that are not a list of text"):
        read_export(path)
    path.write_text(base.replace("[[item]]\n", "[[item]]\nnote = 3\n", 1), "utf-8")
    with pytest.raises(ExportError, match="note that is not text"):
        read_export(path)
    many = json.dumps([f"t{i}" + "长" * MAX_TAG_CHARS for i in range(MAX_TAGS + 5)])
    long_note = json.dumps("注" * (MAX_NOTE_CHARS + 10))
    edited = base.replace("[[item]]\n", f"[[item]]\ntags = {many}\nnote = {long_note}\n")
    path.write_text(edited, "utf-8")
    (read,) = read_export(path)
    assert len(read.tags) == MAX_TAGS and all(len(tag) == MAX_TAG_CHARS for tag in read.tags)
    assert len(read.note) == MAX_NOTE_CHARS


@pytest.mark.parametrize(
    ("mine", "imported", "merged"),
    [
        (Annotation(), Annotation(("a",), "n"), Annotation(("a",), "n")),  # taken
        (
            Annotation(("a", "b"), "n"),
            Annotation(("c", "a"), "n"),
            Annotation(("a", "b", "c"), "n"),
        ),
        (Annotation((), "mine"), Annotation((), ""), Annotation((), "mine")),
        (Annotation((), "mine"), Annotation((), "theirs"), Annotation((), "mine\ntheirs")),
        (Annotation((), "mine\ntheirs"), Annotation((), "theirs"), Annotation((), "mine\ntheirs")),
    ],
)
def test_merge_keeps_what_the_user_has(
    mine: Annotation, imported: Annotation, merged: Annotation
) -> None:
    assert merge_annotation(mine, imported) == merged
    assert merge_annotation(merged, imported) == merged  # restoring twice changes nothing


def test_restore_merges_into_the_file_under_the_lock(tmp_path: Path) -> None:
    """A restore merges into what is on disk at save time: another session's note, saved
    after this one loaded, is kept and the imported one appended."""
    path = tmp_path / "marks.json"
    node, other = "0123456789ab/1", "0123456789ab/2"
    mine, _ = MarkSet.load(path)
    elsewhere, _ = MarkSet.load(path)
    elsewhere.annotate(node, tags=["执法"], note="另一会话")
    changed = mine.restore({other}, {node: Annotation(("复议",), "导入的")})
    assert changed == {node}
    stored, _ = MarkSet.load(path)
    assert {node, other} <= set(stored)
    assert stored.annotation(node) == Annotation(("执法", "复议"), "另一会话\n导入的")
    assert mine.annotation(node) == stored.annotation(node)  # taken in on save
    assert mine.restore((), {node: Annotation(("复议",), "导入的")}) == set()  # again: no change


def test_cli_export_marks_writes_tags_and_notes_to_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govread.corpus import load

    report = load([]).reports[0]
    section = report.sections[0]
    MarkSet.load()[0].annotate(section.id, tags=["执法"], note="依据\n第三条")
    out = tmp_path / "coded.toml"
    assert main(["export", "--marks", "-o", str(out)]) == 0
    (table,) = tomllib.loads(out.read_text("utf-8"))["item"]
    assert table["id"] == section.id
    assert table["tags"] == ["执法"] and table["note"] == "依据\n第三条"
    (read,) = read_export(out)
    assert read.annotation == Annotation(("执法",), "依据\n第三条")
    assert "wrote 1 node" in capsys.readouterr().err


# -- control characters never enter tags or notes, and every output is one document (QA A6)

HOSTILE = [
    "\x1b]0;TAGPWN\x07x",
    "\x1b[41mRED\x1b[0m",
    "a\u202eb",
    "\x9b31m",
    "z\u200bw\ufeff",
    "\U000e0041tag",
    "\x7fdel",
]
HOSTILE_NOTE = "note \x1b]0;NOTEPWN\x07 \x1b[5mblink\x1b[0m\r\n\u202eevil\u202c\u2028end"


def _safe(text: str) -> bool:
    from govread.sanitize import sanitize

    return sanitize(text) == text


def test_an_imported_export_brings_no_control_character(
    refs: list[NodeRef], tmp_path: Path
) -> None:
    """QA: ESC, BEL and U+202E in an imported export's tags and note were kept in
    marks.json as they were."""
    path = tmp_path / "hostile.toml"
    marks = MarkSet()
    marks._notes[refs[0].id] = Annotation(tuple(HOSTILE), HOSTILE_NOTE)  # as a colleague's file
    path.write_text(export_items(refs[:1], figures=None, annotations=marks.tags_and_note), "utf-8")
    (read,) = read_export(path)
    assert len(read.tags) == len(HOSTILE)
    assert all(_safe(tag) and "\n" not in tag and "\t" not in tag for tag in read.tags)
    assert _safe(read.note) and "\r" not in read.note
    assert read.tags[0] == "\\x1b]0;TAGPWN\\x07x"  # shown as the tags box shows it
    assert read.note.splitlines()[1].startswith("\\u202eevil")  # CRLF kept as a line break


def test_marks_json_is_cleaned_as_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    node = "0123456789ab/1"
    path.write_text(
        json.dumps(
            {
                "format": "govread-marks/1",
                "marks": {"0123456789ab": [node]},
                "notes": {node: {"tags": HOSTILE, "note": HOSTILE_NOTE}},
            }
        ),
        "utf-8",
    )
    marks, warning = MarkSet.load(path)
    assert warning is None
    found = marks.annotation(node)
    assert len(found.tags) == len(HOSTILE) and all(_safe(tag) for tag in found.tags)
    assert _safe(found.note)
    marks.add("0123456789ab/2")  # a save writes the cleaned ones
    assert "\x1b" not in path.read_text("utf-8") and "\u202e" not in path.read_text("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "md", "jsonl", "toml"])
def test_a_file_and_standard_output_get_the_same_document(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    """QA: `-o x.md` held raw ESC, BEL and U+202E, `-o -` a different, escaped document."""
    from govread.corpus import load, sample_paths

    source = sample_paths()[0]
    named = tmp_path / "bad\x1b]0;x\x07name.txt"  # a file name is a cell too
    named.write_bytes(Path(source).read_bytes())
    report = load([named]).reports[0]
    section = report.sections[0]
    document = {
        "format": "govread-marks/1",
        "marks": {report.id: [section.id]},
        "notes": {section.id: {"tags": HOSTILE, "note": HOSTILE_NOTE}},
    }
    import platformdirs

    stored = Path(platformdirs.user_data_dir("govread")) / "marks.json"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(json.dumps(document), "utf-8")
    out = tmp_path / f"coded.{fmt}"
    assert main(["export", str(named), "--marks", "-o", str(out), "--format", fmt]) == 0
    capsysbinary.readouterr()
    assert main(["export", str(named), "--marks", "-o", "-", "--format", fmt]) == 0
    printed = capsysbinary.readouterr().out
    written = out.read_bytes()

    def stable(data: bytes) -> bytes:  # the TOML header's time of writing aside
        return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b"exported"))

    assert stable(printed) == stable(written)
    text = written.decode("utf-8").removeprefix("\ufeff")  # a CSV's BOM
    assert _safe(text.replace("\r\n", "\n"))
    assert "TAGPWN" in text and "NOTEPWN" in text


def test_cli_export_says_when_marks_lie_under_an_earlier_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA A7: `govread export FILE --marks` said only `no mark lies in 1 report`."""
    file = tmp_path / "某县2024.txt"
    file.write_text(TEXT, "utf-8")
    before = parse_text(TEXT, path=str(file))
    marks, _unused = MarkSet.load()
    marks.annotate(before.sections[0].id, tags=["执法"])
    marks.record_texts([before])
    marks.save()
    file.write_text(TEXT.replace("十二家", "十三家"), "utf-8")
    assert main(["export", str(file), "--marks", "-o", "-"]) == 1
    err = capsys.readouterr().err
    assert "1 mark belongs to an earlier text of this file" in err

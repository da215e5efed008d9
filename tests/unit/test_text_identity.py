"""A report is named by its body text: marks and exports survive the page being saved again."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from govread.cache import report_from_dict, report_to_dict
from govread.corpus import sample_paths
from govread.export import ExportError, export_items, marks_from_export, read_export
from govread.marks import MarkSet, iter_nodes, refs_in_order
from govread.parsers import parse_text
from govread.parsers.model import Report
from govread.parsers.readers import read_report

JINGXIAN = next(p for p in sample_paths() if p.stem.startswith("001"))


def _copies(tmp_path: Path) -> tuple[Report, Report]:
    """The page as saved, and saved again: another 浏览次数, its line breaks lost."""
    text = JINGXIAN.read_text("utf-8")
    assert "浏览次数:" in text
    first = tmp_path / "a.txt"
    first.write_text(text.replace("浏览次数:", "浏览次数: 120"), "utf-8")
    again = tmp_path / "b.txt"
    again.write_text(text.replace("浏览次数:", "浏览次数: 121").replace("\n", " "), "utf-8")
    return read_report(first), read_report(again)


def _ids(report: Report) -> list[str]:
    return [ref.id for ref in iter_nodes(report)]


def test_a_copy_saved_again_has_the_same_ids(tmp_path: Path) -> None:
    first, again = _copies(tmp_path)
    assert first.sha256 != again.sha256
    assert first.id == again.id == first.text_sha256()[:12] != first.sha256[:12]
    assert len(_ids(first)) >= 10
    assert _ids(first) == _ids(again)
    assert all(node_id.startswith(first.id) for node_id in _ids(first))
    other = read_report(sample_paths()[0])
    assert other.id != first.id


def test_the_parser_hashes_the_body_as_the_report_does(tmp_path: Path) -> None:
    # The parser hashes the body before it builds the sections; the hash must be the one
    # `Report.text_sha256` computes from the finished report.
    texts = [p.read_text("utf-8") for p in sample_paths()]
    texts += [t.replace("\n", " ") for t in texts]  # flattened: inline headings
    texts += ["没有标题的一段话。\n第二段。", "", "一、甲\n二、乙"]
    for text in texts:
        report = parse_text(text)
        assert report.body_sha256
        assert replace(report, body_sha256="").text_sha256() == report.body_sha256


def test_the_id_survives_the_cache() -> None:
    report = parse_text("一、工作\n正文。\n二、计划\n正文。", sha256="ab" * 32)
    back = report_from_dict(report_to_dict(report))
    assert back.id == report.id and back.text_sha256() == report.text_sha256()
    assert _ids(back) == _ids(report)


def test_reports_with_no_body_are_named_by_their_bytes() -> None:
    # Two empty files are not one report: with no text to name them by, the bytes do.
    a, b = parse_text("", sha256="1" * 64), parse_text("\n\n", sha256="2" * 64)
    assert (a.id, b.id) == ("1" * 12, "2" * 12)


def test_marks_saved_with_one_copy_come_back_on_the_other(tmp_path: Path) -> None:
    first, again = _copies(tmp_path)
    marked = [ref.id for ref in iter_nodes(first) if ref.kind != "report"][3:6]
    path = tmp_path / "marks.json"
    marks = MarkSet(path=path)
    for node_id in marked:
        marks.toggle(node_id)
    assert marks.save_error is None
    reloaded, warning = MarkSet.load(path)  # a restart: only the file on disk
    assert warning is None
    refs = refs_in_order([again], reloaded)
    assert [ref.id for ref in refs] == marked
    assert all(ref.report is again for ref in refs)


def test_an_export_made_from_one_copy_restores_on_the_other(tmp_path: Path) -> None:
    first, again = _copies(tmp_path)
    refs = [ref for ref in iter_nodes(first) if ref.kind == "section"][:4]
    export = tmp_path / "marks.toml"
    export.write_text(export_items(refs, figures=None), "utf-8")
    written = read_export(export)
    assert {ref.text_sha256 for ref in written} == {first.text_sha256()}
    assert {ref.sha256 for ref in written} == {first.sha256}
    wanted = {ref.id for ref in refs}
    assert marks_from_export(export, [again]) == wanted
    assert marks_from_export(export, [first, again]) == wanted
    assert marks_from_export(export, [read_report(sample_paths()[0])]) == set()


def _as_an_older_export(text: str, report: Report) -> str:
    """What govread wrote before ids were named by text: no text_sha256, ids by the bytes."""
    text = re.sub(r"(?m)^text_sha256 = .*\n", "", text)
    return text.replace(f'id = "{report.id}', f'id = "{report.sha256[:12]}')


def test_an_older_export_restores_on_the_unchanged_file(tmp_path: Path) -> None:
    first, again = _copies(tmp_path)
    refs = [ref for ref in iter_nodes(first) if ref.kind != "report"][:3]
    export = tmp_path / "old.toml"
    export.write_text(_as_an_older_export(export_items(refs, figures=None), first), "utf-8")
    assert "text_sha256" not in export.read_text("utf-8")
    assert all(ref.text_sha256 is None for ref in read_export(export))
    # the same bytes: the ids are renamed to the report's text identity
    assert marks_from_export(export, [first]) == {ref.id for ref in refs}
    # other bytes, and the old export knows nothing of the text: not restored
    assert marks_from_export(export, [again]) == set()


def test_an_id_of_neither_hash_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "forged.toml"
    sha, text = "a" * 64, "b" * 64
    export.write_text(
        'format = "govread-export/1"\n\n[[item]]\n'
        f'id = "{"c" * 12}/1"\nkind = "section"\nsha256 = "{sha}"\ntext_sha256 = "{text}"\n',
        "utf-8",
    )
    with pytest.raises(ExportError, match="does not belong"):
        read_export(export)
    export.write_text(
        export.read_text("utf-8").replace(f'"{"c" * 12}/1"', f'"{"b" * 12}/1"'), "utf-8"
    )
    assert [ref.id for ref in read_export(export)] == [f"{'b' * 12}/1"]
    export.write_text(export.read_text("utf-8").replace(text, "not hex"), "utf-8")
    with pytest.raises(ExportError, match="text_sha256"):
        read_export(export)


def test_marks_an_older_govread_saved_take_the_text_ids(tmp_path: Path) -> None:
    first, again = _copies(tmp_path)
    marked = [ref.id for ref in iter_nodes(first) if ref.kind != "report"][:3]
    legacy = {first.sha256[:12] + node_id[len(first.id) :] for node_id in marked}
    elsewhere = "0123456789ab/1"  # a report not open: left as it is
    path = tmp_path / "marks.json"
    MarkSet([*legacy, elsewhere], path=path).save()
    marks, _ = MarkSet.load(path)
    assert marks.adopt([again]) == 0  # other bytes: nothing says these are its nodes
    assert marks.adopt([first]) == 3
    assert set(marks) == {*marked, elsewhere}
    assert set(MarkSet.load(path)[0]) == {*marked, elsewhere}  # saved
    assert marks.adopt([first]) == 0

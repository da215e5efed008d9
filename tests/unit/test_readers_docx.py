"""Word .docx copies of the samples give the samples' outlines (issue 7)."""

from __future__ import annotations

import io
import zipfile

import pytest
from govread.parsers.outline import parse_text
from govread.parsers.readers import ReportError, read_report

from govread.corpus import sample_paths

# An attachment has no web page around it: no 来源/发布时间 bar, so the expected metadata
# is that of the sample's own text without its page furniture.
FIELDS = ("title", "display_title", "region", "year", "issuer")


@pytest.mark.parametrize("styled", [True, False], ids=["heading-styles", "plain"])
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_docx_copy_reads_as_the_sample(path, styled, documents, expected_for, tmp_path) -> None:
    text = path.read_text("utf-8")
    copy = tmp_path / "report.docx"
    copy.write_bytes(documents["docx"](text, heading_styles=styled))
    got = read_report(copy)
    assert got.outline() == expected_for(path.name)["outline"]
    title, _furniture, body = documents["split"](text)
    want = parse_text("\n".join([title, *body] if title else body))
    assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(want, f) for f in FIELDS}
    assert got.meta["format"] == "docx"
    assert [s.full_text() for s in got.sections] == [s.full_text() for s in want.sections]


def test_tables_are_kept_as_paragraphs_and_a_merged_cell_once(documents, tmp_path) -> None:
    path = sample_paths()[3]
    copy = tmp_path / "table.docx"
    copy.write_bytes(documents["docx"](path.read_text("utf-8"), table=True))
    report = read_report(copy)
    text = report.full_text()
    assert "全年办理行政复议案件\n128件\n合计纠错率百分之十二" in text
    assert text.count("合计纠错率百分之十二") == 1
    assert report.outline() == read_report(path).outline()


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_zip({"word/document.xml": "<not xml"}), "not a readable Word document"),
        (b"PK\x03\x04" + b"\x00" * 200, "not a Word .docx document"),
        ("一、法治政府建设。".encode(), "not a Word .docx document"),
        (_zip({"xl/workbook.xml": "<x/>"}), "spreadsheet"),
    ],
    ids=["damaged", "broken-zip", "text", "xlsx-named-docx"],
)
def test_a_bad_docx_is_one_clear_error(data, reason, tmp_path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(data)
    with pytest.raises(ReportError, match=reason) as caught:
        read_report(bad)
    assert "\n" not in str(caught.value)


def test_an_empty_docx_is_one_clear_error(tmp_path) -> None:
    import docx

    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    with pytest.raises(ReportError, match="no text"):
        read_report(empty)

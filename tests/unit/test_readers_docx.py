"""Word .docx copies of the samples give the samples' outlines (issue 7)."""

from __future__ import annotations

import io
import zipfile

import pytest

from govread.corpus import sample_paths
from govread.parsers.outline import parse_text
from govread.parsers.readers import ReportError, read_report

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


def test_a_table_row_is_a_line_and_a_merged_cell_read_once(documents, tmp_path) -> None:
    path = sample_paths()[3]
    copy = tmp_path / "table.docx"
    copy.write_bytes(documents["docx"](path.read_text("utf-8"), table=True))
    report = read_report(copy)
    text = report.full_text()
    assert "全年办理行政复议案件 128件\n合计纠错率百分之十二" in text
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


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "(%2)"), ("decimal", "%3.")]
_MARKERS = [r"^[一二三四五六七八九十]+、", r"^\([一二三四五六七八九十]+\)", r"^\d+\."]


def _auto_numbered_docx(text: str, split) -> bytes:
    """The sample as Word writes it with automatic numbering: no number in the text."""
    import re

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{label}"/></w:lvl>'
        for i, (fmt, label) in enumerate(_LEVELS)
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="90">{levels}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {_W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    # Heading 1 carries the numbering in its style, the way Word's outline lists do.
    heading1 = document.styles["Heading 1"].element
    heading1.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    title, _furniture, body = split(text)
    if title:
        document.add_paragraph(title, style="Title")
    for line in body:
        rank = next((i for i, m in enumerate(_MARKERS) if re.match(m, line)), None)
        if rank is None or len(line) > 80:
            document.add_paragraph(line)
            continue
        stripped = re.sub(_MARKERS[rank], "", line)
        if rank == 0:
            document.add_paragraph(stripped, style="Heading 1")
        else:
            paragraph = document.add_paragraph(stripped)
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {_W_NS}><w:ilvl w:val="{rank}"/><w:numId w:val="90"/></w:numPr>'
                )
            )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_automatic_numbering_is_rendered_back(documents, expected_for, tmp_path) -> None:
    path = sample_paths()[0]  # 咸宁: 一、 / (一) / 1. headings
    data = _auto_numbered_docx(path.read_text("utf-8"), documents["split"])
    copy = tmp_path / "numbered.docx"
    copy.write_bytes(data)
    import docx

    # the numbers really are absent from the document's text …
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "主要做法和成效" in texts and "一、主要做法和成效" not in texts
    # … and the outline is the sample's all the same
    report = read_report(copy)
    assert report.outline() == expected_for(path.name)["outline"]
    assert [s.marker for s in report.sections][:2] == ["一、", "二、"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (12 * 1024 * 1024))
    assert bomb.stat().st_size < 100 * 1024
    with pytest.raises(ReportError, match="unpacks to more than 12 MB: too large"):
        read_report(bomb)

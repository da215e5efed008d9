"""Files as real converters leave them (Chromium's PDFs, LibreOffice's .odt, saved .mht pages):
read as their originals, or refused with a plain reason. Inputs built here, never copied."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govread.parsers.normalize import normalize

# Chromium (Skia) writes a CJK font's shared glyphs as Kangxi radicals and radical forms:
# 人 as U+2F08, 民 as U+2EA0, 门 as U+2ED4.
RADICAL_TEXT = (
    "\u2f00\u3001\u6cd5\u6cbb\u2f08\u2ea0\u653f\u5e9c\u2ed4\u6237\u2f79\u7ad9\u2f64\u2f12"
)


def test_radicals_read_as_the_characters_they_draw() -> None:
    assert normalize(RADICAL_TEXT) == "一、法治人民政府门户网站用力"


def test_every_kangxi_radical_becomes_an_ideograph() -> None:
    text = normalize("".join(chr(c) for c in range(0x2F00, 0x2FD6)))
    assert all(0x4E00 <= ord(ch) <= 0x9FFF for ch in text), text
    assert len(text) == 0x2FD6 - 0x2F00


def test_a_radical_form_without_a_standalone_character_is_kept() -> None:
    assert normalize("\u2e80") == "\u2e80"


# -- a page saved by a browser as one file (.mht / .mhtml) -----------------------------

_PAGE = (
    "<html><head><meta charset='utf-8'><title>示例县2031年法治政府建设情况报告</title></head>"
    "<body><h1>示例县2031年法治政府建设情况报告</h1>"
    "<p>一、主要工作</p><p>全年审查规范性文件12件，培训执法人员300人次。</p>"
    "<p>二、存在问题</p><p>基层执法力量仍显不足。</p><p>示例县人民政府</p></body></html>"
)


def _mhtml(page: str, encoding: str = "quoted-printable", charset: str = "utf-8") -> bytes:
    import base64
    import quopri

    raw = page.encode(charset)
    body = (
        quopri.encodestring(raw).decode("ascii")
        if encoding == "quoted-printable"
        else base64.encodebytes(raw).decode("ascii")
    )
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.example.gov.cn/a.html\r\n"
        "Subject: =?utf-8?Q?a?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B--"\r\n\r\n\r\n'
        "------B--\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n"
        "Content-Location: https://www.example.gov.cn/a.html\r\n\r\n"
        f"{body}\r\n"
        "------B--\r\n"
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        "------B----\r\n"
    ).encode("ascii")


def _headings(data: bytes, name: str) -> list[tuple[str | None, str]]:
    from govread.parsers.readers import report_from_bytes

    report = report_from_bytes(data, name)
    return [(str(h["number"]), str(h["heading"])) for h in report.outline()]


def test_a_saved_mht_page_reads_as_the_page() -> None:
    from govread.parsers.readers import report_from_bytes

    for name in ("a.mht", "a.mhtml", "a.txt"):
        for encoding, charset in (("quoted-printable", "utf-8"), ("base64", "gb18030")):
            data = _mhtml(_PAGE, encoding, charset)
            assert _headings(data, name) == [("一", "主要工作"), ("二", "存在问题")]
            report = report_from_bytes(data, name)
            assert report.title == "示例县2031年法治政府建设情况报告"
            assert report.issuer == "示例县人民政府"


def test_a_folder_opens_mht_pages(tmp_path: Path) -> None:
    from govread.parsers.readers import report_files

    (tmp_path / "a.mhtml").write_bytes(_mhtml(_PAGE))
    (tmp_path / "b.MHT").write_bytes(_mhtml(_PAGE))
    assert [p.name for p in report_files(tmp_path)] == ["a.mhtml", "b.MHT"]


def test_an_mht_without_a_page_is_refused_plainly() -> None:
    from govread.parsers.readers import ReportError, report_from_bytes

    data = _mhtml(_PAGE).replace(b"text/html; charset", b"text/plain; charset")
    with pytest.raises(ReportError, match="no web page"):
        report_from_bytes(data, "a.mht")


def test_an_mht_nested_past_any_page_is_refused_plainly() -> None:
    from govread.parsers.readers import ReportError, report_from_bytes

    depth = 3000  # parts inside parts: the email package recurses once a level
    opening = "".join(
        f'--b{i}\nContent-Type: multipart/related; boundary="b{i + 1}"\n\n' for i in range(depth)
    )
    closing = "".join(f"--b{i}--\n" for i in range(depth, -1, -1))
    data = (
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b0"\n\n'
        f"{opening}--b{depth}\nContent-Type: text/html\n\n<p>一、主要工作</p>\n{closing}"
    ).encode()
    with pytest.raises(ReportError, match="nested too deep"):
        report_from_bytes(data, "a.mht")


# -- an OpenDocument text (LibreOffice's own format) ------------------------------------


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def test_an_odt_is_named_with_what_to_do(tmp_path: Path) -> None:
    from govread.parsers.readers import ReportError, folder_entries, report_from_bytes

    with pytest.raises(ReportError, match=r"OpenDocument.*\.docx"):
        report_from_bytes(_odt(), "a.odt")
    (tmp_path / "a.odt").write_bytes(_odt())
    [(_path, reason)] = list(folder_entries(tmp_path))
    assert reason is not None and "OpenDocument" in reason


def test_the_pager_shows_an_mht_page_not_its_mime_message() -> None:
    from govread.parsers.readers import written_text

    shown = written_text(_mhtml(_PAGE), "a.mht")
    assert shown is not None and "主要工作" in shown and "=E4" not in shown


# -- spaces a PDF's font runs put around digits and Latin punctuation ---------------------


def test_font_run_spaces_beside_digits_are_dropped_in_a_pdf_layout() -> None:
    from govread.parsers.layout import join_layout_lines

    lines = [
        "示例市人民政府关于 2031 年法治政府建设情况的报告",
        "一、坚持党的领导 , 统筹推进法治建设",
        "全年审查文件 12 件 , 同比增长 3.5% 。",
        "全面实施 “ 八五 ” 普法规划 ，成效明显",
        "示例市人民政府 示例县人民政府 12 15",
    ]
    assert join_layout_lines(lines) == [
        "示例市人民政府关于2031年法治政府建设情况的报告",
        "一、坚持党的领导,统筹推进法治建设",
        "全年审查文件12件,同比增长3.5%。",
        "全面实施“八五”普法规划，成效明显",
        "示例市人民政府 示例县人民政府12 15",
    ]


def test_spaces_between_latin_words_and_numbers_stay() -> None:
    from govread.parsers.layout import join_layout_lines

    assert join_layout_lines(["推进 APP 建设，办件 12 15 次"]) == ["推进 APP 建设，办件12 15次"]
    assert join_layout_lines(["see page 12 , then 3"]) == ["see page 12 , then 3"]


def test_lines_wide_by_font_run_spaces_do_not_set_the_page_width() -> None:
    from govread.parsers.layout import join_layout_lines

    # a paragraph wrapped at the page's width (39 cells), as Chromium's text layer gives it:
    # most lines carry the spaces of four font runs, and are no wider on the page
    spaced = "示例县在 2031 年审查文件 , 全面推进政府建设"  # 39 cells without its spaces
    plain = "示例县坚持依法行政,全面推进政府建设工作"  # 39 cells
    body = [spaced, plain, spaced, spaced, plain, spaced, "共计12件。"]
    joined = join_layout_lines(["一、主要工作", *body, "二、存在问题", *body])
    assert [line[:2] for line in joined] == ["一、", "示例", "二、", "示例"]
    assert " " not in joined[1] and joined[1].endswith("共计12件。")


# -- Word's automatic numbering as LibreOffice saves it -----------------------------------

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered_docx(formats: tuple[str, str]) -> bytes:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(zip(formats, ("%1、", "(%2)"), strict=True))
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="91">{levels}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {_W_NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    document.add_paragraph("示例县2031年法治政府建设情况报告", style="Title")
    for level, text in ((0, "主要工作"), (1, "加强组织领导"), (1, "完善制度体系"), (0, "存在问题")):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>')
        )
        document.add_paragraph("全年审查规范性文件12件，培训执法人员300人次。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "fmt", ["chineseCounting", "taiwaneseCountingThousand", "chineseCountingThousand"]
)
def test_libreoffice_chinese_counting_formats_are_rendered(fmt: str) -> None:
    assert _headings(_numbered_docx((fmt, fmt)), "a.docx") == [
        ("一", "主要工作"),
        ("一", "加强组织领导"),
        ("二", "完善制度体系"),
        ("二", "存在问题"),
    ]

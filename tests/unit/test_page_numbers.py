"""Page numbers are never report text: a line that is one (- 5 -, —1—, 第 2 页 共 5 页, 2/5)
is dropped wherever it stands, after the signature too, and a text saved by pdftotext (pages
apart by form feeds) loses its running headers and page numbers as a PDF does, its lines
broken by the page joined again."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_scripts import load_script

from govread.corpus import sample_paths
from govread.parsers.layout import drop_page_furniture, is_page_number, without_page_furniture
from govread.parsers.metadata import is_signature_line, is_trailer_line
from govread.parsers.outline import parse_text
from govread.parsers.readers import report_from_bytes

variants = load_script("benchmarks/variants.py")

# Page numbers as PDFs, Word's footers and pdftotext write them ({n} the page, {of} the count).
FORMS = (
    "- {n} -",
    "-{n}-",
    "—{n}—",
    "— {n} —",
    "－ {n} －",
    "－{n}－",
    "–{n}–",
    "·{n}·",
    "第{n}页",
    "第 {n} 页",
    "第 {n} 页 共 {of} 页",
    "第{n}页/共{of}页",
    "第{n}页，共{of}页",
    "共{of}页 第{n}页",
    "{n}/{of}",
    "{n} / {of}",
    "Page {n} of {of}",
    "\u3000\u3000- {n} -\u3000",
)
META = ("region", "year", "published", "issuer", "province", "genre", "display_title")


def _meta(report) -> dict[str, object]:
    return {field: getattr(report, field) for field in META}


@pytest.mark.parametrize("form", FORMS)
def test_page_numbers_are_told(form: str) -> None:
    for n, of in ((1, 1), (2, 5), (12, 30)):
        assert is_page_number(form.format(n=n, of=of))


@pytest.mark.parametrize(
    "line",
    [
        "1.",
        "（1）",
        "(2)",
        "一、",
        "2023",
        "5",
        "100%",
        "3.5",
        "1-2",
        "-1",
        "5/2",  # a page past the count: a fraction, not a page
        "第12页 共3页",
        "2024年2月29日",
        "20231229",
        "——",
        "第一章",
        "一、加强组织领导",
        "1/2的街道实现全覆盖",
        "第2页面",
        "—2024—",
    ],
)
def test_text_is_not_a_page_number(line: str) -> None:
    assert not is_page_number(line)


@pytest.mark.parametrize("form", FORMS[::2])
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem[:3])
def test_a_page_number_after_the_signature_keeps_the_signature(path: Path, form: str) -> None:
    """QA: one page number after the signature (`- 5 -`, `第 2 页 共 2 页`, as pdftotext or
    a copy from a PDF gives) lost the signature: 咸宁市's report became 咸安区's, 龙华区's lost
    its year and was issued by 龙华区司法局, no published date. Named or in a Word file or a
    page (the parser), the report is the one without it."""
    text = path.read_text("utf-8").rstrip("\n")
    original = report_from_bytes(text.encode("utf-8"), "a.txt")
    for tail in ("\n", "\n\n", "\n\n\n"):
        numbered = text + tail + form.format(n=5, of=5) + "\n"
        for report in (
            report_from_bytes(numbered.encode("utf-8"), "b.txt"),
            parse_text(numbered),
        ):
            assert _meta(report) == _meta(original)
            assert report.outline() == original.outline()
            assert report.full_text() == original.full_text()


def _paged(lines: list[str], form: str, header: str, feeds: bool, per: int = 23) -> str:
    """`lines` cut into pages of `per` lines, as pdftotext saves a PDF: a running header
    from the second page, a blank line and the page number at each page's foot, the pages
    apart by form feeds (or not, as a copy from a PDF viewer gives)."""
    pages = [lines[start : start + per] for start in range(0, len(lines), per)]
    out = []
    for n, page in enumerate(pages, start=1):
        top = [header, ""] if header and n > 1 else []
        out.append("\n".join([*top, *page, "", form.format(n=n, of=len(pages))]) + "\n")
    return ("\f" if feeds else "").join(out)


@pytest.mark.parametrize("cells", [0, 64, 76], ids=["paragraphs", "wrapped64", "wrapped76"])
@pytest.mark.parametrize("form", ["- {n} -", "—{n}—", "第 {n} 页 共 {of} 页", "{n}"])
@pytest.mark.parametrize("header", ["", "某市人民政府公报2024年第3期"], ids=["plain", "header"])
def test_a_paged_text_reads_as_the_text_without_its_pages(
    cells: int, form: str, header: str
) -> None:
    """The page numbers between pages stayed in the body as paragraphs of their own, or were
    glued into a sentence once a wrapped text was joined (…规范性文—1—某市人民政府公报2024年
    第3期件、协议…). A text of three pages or more loses its running header too (a PDF's rule:
    a line at most pages' edge); a bare number is a page number only at a page's edge."""
    for path in sample_paths():
        source = path.read_text("utf-8").split("\n")
        lines = variants.wrap_lines(source, cells, "\u3000\u3000") if cells else source
        if len(lines) < 3 * 23 and header:
            continue  # (a header on fewer than three pages is not told from text)
        if len(lines) <= 23 and form == "{n}":
            continue  # (nor a bare number on a text of one page: it has no page edges)
        original = report_from_bytes("\n".join(lines).encode("utf-8"), "a.txt")
        for feeds in (True, False):
            if not feeds and (header or form == "{n}"):
                continue  # (without the pages told, only a page number of its own shape goes)
            paged = _paged(lines, form, header, feeds)
            report = report_from_bytes(paged.encode("utf-8"), "b.txt")
            assert _meta(report) == _meta(original), (path.name, feeds)
            assert report.outline() == original.outline(), (path.name, feeds)
            assert report.full_text() == original.full_text(), (path.name, feeds)


def test_a_line_the_page_broke_goes_on_after_the_page_number() -> None:
    text = "\n".join(
        [
            "\u3000\u3000一是全面清理规章、规范性文件、协议等，共清理规范性文件",
            "",
            "—1—",
            "\f某市人民政府公报2024年第3期",
            "件、协议128件，废止13件。",
        ]
    )
    assert without_page_furniture(text).split("\n") == [
        "\u3000\u3000一是全面清理规章、规范性文件、协议等，共清理规范性文件",
        "某市人民政府公报2024年第3期",  # (one page alone: its header is not told)
        "件、协议128件，废止13件。",
    ]
    assert without_page_furniture("一、总体情况\n\n正文。\n") == "一、总体情况\n\n正文。\n"


def test_a_pdf_page_number_inside_a_page_is_dropped_but_a_date_at_its_foot_kept() -> None:
    pages = [
        ["某市人民政府公报", f"正文第{n}页。", "- 0 -" if n == 2 else "正文。", str(n)]
        for n in range(1, 5)
    ]
    pages[-1][-1:] = ["某市人民政府", "20240229"]
    kept = drop_page_furniture(pages)
    assert "- 0 -" not in kept and "2" not in kept and "某市人民政府公报" not in kept
    assert kept[-2:] == ["某市人民政府", "20240229"]


def test_a_one_page_pdf_loses_its_bare_page_number_a_one_page_text_keeps_its_last_line() -> None:
    assert drop_page_furniture([["某县人民政府", "正文。", "1"]]) == ["某县人民政府", "正文。"]
    assert without_page_furniture("某县人民政府\n正文。\n1") == "某县人民政府\n正文。\n1"


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem[:3])
def test_a_bare_page_number_after_the_signature_keeps_the_signature(path: Path) -> None:
    """The last page's number alone (5), where no page break tells it, after the signature
    date or name or the end matter after them (编辑：…), is dropped; a bare number elsewhere
    is kept (a table's cell)."""
    text = path.read_text("utf-8").rstrip("\n")
    original = report_from_bytes(text.encode("utf-8"), "a.txt")
    last = text.split("\n")[-1].strip()
    signed = is_signature_line(last) or is_trailer_line(last)
    for number in ("5", "12", "３"):
        report = report_from_bytes(f"{text}\n\n{number}\n".encode(), "b.txt")
        assert _meta(report) == _meta(original)
        assert (report.full_text() == original.full_text()) is signed


def test_a_bare_number_after_a_sentence_is_kept() -> None:
    text = "一、主要工作\n全年办理案件。\n12\n"
    assert "12" in parse_text(text).full_text()

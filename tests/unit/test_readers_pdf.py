"""PDFs with a text layer: page layout undone, furniture dropped; scans refused (issue 7)."""

from __future__ import annotations

import pytest

from govread.corpus import sample_paths
from govread.parsers.layout import drop_font_run_spaces, drop_page_furniture, join_layout_lines
from govread.parsers.outline import parse_text
from govread.parsers.readers import ReportError, read_report

FIELDS = ("title", "display_title", "region", "year", "issuer", "published")


@pytest.mark.parametrize("indent", ["\u3000\u3000", ""], ids=["indented", "flush"])
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_pdf_copy_reads_as_the_sample(path, indent, documents, expected_for, tmp_path) -> None:
    title, _furniture, body = documents["split"](path.read_text("utf-8"))
    lines = [title, *body] if title else body
    copy = tmp_path / "report.pdf"
    copy.write_bytes(documents["pdf"](lines, header="法治政府建设情况报告（公开）", indent=indent))
    got = read_report(copy)
    assert got.outline() == expected_for(path.name)["outline"]
    # (as a PDF's text layer is read: no space from a font run beside a digit, 汇报 6 次)
    want = parse_text("\n".join(drop_font_run_spaces(line) for line in lines))
    assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(want, f) for f in FIELDS}
    if indent:  # indented paragraphs: every paragraph whole again, nothing else in the text
        assert got.full_text() == want.full_text()
    else:
        # All the text, in order, with no header or page number; a paragraph is only cut
        # where one of its lines happened to end at the page's edge with a sentence's end.
        pieces = iter(got.full_text().splitlines())
        for paragraph in want.full_text().splitlines():
            joined = next(pieces)
            while joined != paragraph:
                assert paragraph.startswith(joined) and joined[-1] in "。！？；：”;:!?", joined[
                    -20:
                ]
                joined += next(pieces)
        assert next(pieces, None) is None
    assert got.meta["format"] == "pdf"


def test_running_headers_and_page_numbers_are_dropped() -> None:
    body = [
        "深入推进依法行政。",
        "严格规范执法。",
        "加强法治宣传。",
        "化解矛盾纠纷。",
        "强化监督。",
    ]
    pages = [["某市人民政府文件", line, f"- {n} -"] for n, line in enumerate(body, start=1)]
    pages.append(["某市人民政府文件", "最后一页。", "第6页 共6页"])
    assert drop_page_furniture(pages) == [*body, "最后一页。"]


def test_a_short_document_keeps_lines_that_repeat_on_two_pages() -> None:
    pages = [["一、总体情况", "正文。"], ["一、总体情况", "正文。"]]
    assert drop_page_furniture(pages) == ["一、总体情况", "正文。", "一、总体情况", "正文。"]


def test_lines_are_joined_unless_a_sentence_or_a_heading_ends_them() -> None:
    lines = [
        "某县2023年法治政府建设情况报告",
        "一、主要做法",
        "全面推进依法行政，健全依法决策机制，严格",
        "规范公正文明执法。深入开展法治宣传教育，推",
        "进法治社会建设。",
        "二、存在的问题",
    ]
    assert join_layout_lines(lines) == [
        "某县2023年法治政府建设情况报告",
        "一、主要做法",
        "全面推进依法行政，健全依法决策机制，严格规范公正文明执法。深入开展法治宣传教育，推进法治社会建设。",
        "二、存在的问题",
    ]


def test_a_full_line_before_a_heading_is_not_joined_to_it() -> None:
    lines = ["全面推进依法行政，健全依法决策机制，严格规范", "（二）严格行政执法", "正文。"]
    assert join_layout_lines(lines)[1] == "（二）严格行政执法"


def test_a_scanned_pdf_has_no_text_layer(documents, tmp_path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(documents["pdf"]([], page_numbers=False))
    with pytest.raises(ReportError, match=r"has no text layer \(a scanned PDF\?\)"):
        read_report(scan)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "not a readable PDF"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "not a readable PDF"),
        ("一、法治政府建设。".encode(), "is not a PDF"),
    ],
    ids=["garbage", "truncated", "text-named-pdf"],
)
def test_a_bad_pdf_is_one_clear_error(data, reason, tmp_path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(data)
    with pytest.raises(ReportError, match=reason) as caught:
        read_report(bad)
    assert "\n" not in str(caught.value)


def test_a_truncated_real_pdf_is_one_clear_error(documents, tmp_path) -> None:
    data = documents["pdf"](["一、法治政府建设。" * 20] * 40)
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(data[: len(data) // 2])
    try:
        report = read_report(bad)  # pypdf may recover the pages it still has
    except ReportError as error:
        assert "\n" not in str(error)
    else:
        assert report.sections


def test_indented_paragraphs_are_told_apart_even_after_a_sentence_end() -> None:
    lines = [
        "\u3000\u3000全面推进依法行政，健全依法决策机制。严格规范",
        "公正文明执法。深入开展法治宣传教育，推进法治。",
        "社会建设取得成效。",
        "\u3000\u3000第二段从这里开始，工作取得新进展。",
    ]
    assert join_layout_lines(lines) == [
        "全面推进依法行政，健全依法决策机制。严格规范公正文明执法。深入开展法治宣传教育，推进法治。"
        "社会建设取得成效。",
        "第二段从这里开始，工作取得新进展。",
    ]


def test_a_heading_that_fills_its_line_is_not_run_into_its_body() -> None:
    body = "一是各类规范性文件一律纳入合法性审查，并逐步建立动态清理机"  # all full: 28
    lines = [
        "（三）持续健全依法决策制度机制，重大事项审查实现全面覆盖",
        body,
        "制，有效防止违法文件出台。",
        "（四）严格规范公正文明执法，执法行为更加规范，执法质量有所",
        "稳步提升",
        "全面推行行政执法三项制度。",
    ]
    assert join_layout_lines(lines) == [
        lines[0],
        body + "制，有效防止违法文件出台。",
        "（四）严格规范公正文明执法，执法行为更加规范，执法质量有所稳步提升",
        "全面推行行政执法三项制度。",
    ]

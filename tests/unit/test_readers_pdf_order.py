"""A PDF's text is read in the order it stands on the page, not in the order the file draws
it (LibreOffice draws a line's curly quotes and dashes, in another font, apart from its
Chinese), and its lines are joined again by where they end on the page (two columns, a
number or a closing mark a line break carried over, paragraphs set apart by spacing)."""

from __future__ import annotations

import random

import pytest

from govread.corpus import sample_paths
from govread.parsers.layout import drop_font_run_spaces
from govread.parsers.outline import parse_text
from govread.parsers.pdf import pdf_text
from govread.parsers.readers import read_report

SIZE = 12
MARKS = set("“”‘’—…《》（）「」")
LINES = [
    "某县人民政府2023年法治政府建设情况报告",
    "一、主要工作",
    "（一）全面实施“八五”普法规划。开展“法律进乡村”活动120场。",
    "（二）推进“放管服”改革——实现“一网通办”事项1200项。",
    "“谁执法谁普法”责任制全面落实，《某县行政执法规定》修订完成。",
    "二、下一步工作",
    "（一）持续推进“八五”普法，深化‘法治示范村’创建……",
]


def advance(character: str) -> float:
    """How far a character moves the pen in the builders' font (ASCII half an em)."""
    return SIZE / 2 if ord(character) < 127 else SIZE


def pieces_of(line: str, x: float, y: float) -> list[tuple[float, float, str]]:
    """A line as runs of marks and of other characters, each placed where it stands."""
    runs: list[tuple[float, float, str]] = []
    for character in line:
        kind = character in MARKS
        if runs and (runs[-1][2][-1] in MARKS) == kind:
            runs[-1] = (runs[-1][0], y, runs[-1][2] + character)
        else:
            runs.append((x, y, character))
        x += advance(character)
    return runs


@pytest.mark.parametrize("order", ["marks-first", "marks-last", "reversed", "shuffled"])
def test_marks_drawn_apart_from_their_line_are_read_in_place(order, documents) -> None:
    page = []
    for row, line in enumerate(LINES):
        runs = pieces_of(line, 60, 780 - 24 * row)
        marks = [run for run in runs if run[2][0] in MARKS]
        words = [run for run in runs if run[2][0] not in MARKS]
        if order == "marks-first":
            runs = marks + words
        elif order == "marks-last":
            runs = words + marks
        elif order == "reversed":
            runs = runs[::-1]
        else:
            random.Random(row).shuffle(runs)
        page.extend(runs)
    assert pdf_text(documents["placed_pdf"]([page])).split("\n") == LINES


def test_a_lines_pieces_drawn_in_a_later_pass_stay_on_their_line(documents) -> None:
    # all the marks of the page first, then all the rest (a file drawn font by font)
    runs = [pieces_of(line, 60, 780 - 24 * row) for row, line in enumerate(LINES)]
    page = [run for line in runs for run in line if run[2][0] in MARKS]
    page += [run for line in runs for run in line if run[2][0] not in MARKS]
    assert pdf_text(documents["placed_pdf"]([page])).split("\n") == LINES


def wrap(paragraph: str, width: float) -> list[str]:
    """A paragraph broken into lines no wider than `width` as a word processor breaks it: a
    number or a Latin word is not cut, and a closing mark (，。）” …) never opens a line (the
    character before it goes down with it)."""
    tokens: list[str] = []
    for character in paragraph:
        latin = bool(tokens) and character.isascii() and character.isalnum()
        latin = latin and tokens[-1][-1:].isascii()
        if tokens and (latin or character in "，。、；：？！”’）》…"):
            tokens[-1] += character
        else:
            tokens.append(character)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if line and sum(map(advance, line + token)) > width:
            lines.append(line)
            line = ""
        line += token
    return [*lines, line] if line else lines


def two_column_pages(
    paragraphs: list[str], *, gap: float, rows: int = 32, column: float = 20 * SIZE
) -> list[list[tuple[float, float, str]]]:
    """Paragraphs set in two columns a page, the left column's lines drawn before the right
    one's; `gap`: the room added between paragraphs."""
    lines = [(index, text) for index, p in enumerate(paragraphs) for text in wrap(p, column)]
    pages: list[list[tuple[float, float, str]]] = []
    slots: list[tuple[int, float, float]] = []  # (page, x, y) of each line, filled in order
    page, side, y, last = 0, 0, 780.0, None
    for index, _text in lines:
        if last is not None and index != last:
            y -= gap
        if y < 780 - rows * 18:
            page, side = (page, 1) if side == 0 else (page + 1, 0)
            y = 780.0
        slots.append((page, 50 + side * (column + 2 * SIZE), y))
        y -= 18
        last = index
    pages = [[] for _unused in range(page + 1)]
    for (number, x, y), (_index, text) in zip(slots, lines, strict=True):
        pages[number].append((x, y, text))
    return pages


@pytest.mark.parametrize("gap", [0.0, 8.0], ids=["unspaced", "spaced"])
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_two_column_pdf_reads_as_the_sample(path, gap, documents, tmp_path) -> None:
    title, _furniture, body = documents["split"](path.read_text("utf-8"))
    paragraphs = [title, *body] if title else body
    copy = tmp_path / "two.pdf"
    copy.write_bytes(documents["placed_pdf"](two_column_pages(paragraphs, gap=gap)))
    got = read_report(copy)
    want = parse_text("\n".join(drop_font_run_spaces(line) for line in paragraphs))
    # all the text, in order: the left column before the right one, page by page
    assert "".join(got.full_text().split()) == "".join(want.full_text().split())
    if gap:  # paragraphs set apart: every paragraph whole again, and so every heading
        # (but for a space the wrap put at a line's end: 立法 保护 → 立法保护)
        assert [line.replace(" ", "") for line in got.full_text().splitlines()] == [
            line.replace(" ", "") for line in want.full_text().splitlines()
        ]
        assert got.outline() == want.outline()


@pytest.mark.parametrize("column", [15, 17, 19, 23, 26])
def test_a_line_ending_short_of_a_number_or_a_closing_mark_goes_on(column, documents) -> None:
    # the wrap leaves a line short when the number or the 务。 that follows did not fit
    paragraph = (
        "深入推进减税降费，为10.15万户市场主体减免六税两费1.75亿元，为9510家企业减征失业保险费"
        "1.08亿元，三是强化公共法律服务，2023年全市办理法律援助案件2034件、公证案件31287件。"
    )
    heading = "（一）优化法治化营商环境"
    lines = [heading, *wrap(paragraph, column * SIZE), heading.replace("一", "二", 1)]
    page = [(50.0, 780.0 - 18 * row, text) for row, text in enumerate(lines)]
    assert pdf_text(documents["placed_pdf"]([page])).split("\n") == [
        heading,
        paragraph,
        heading.replace("一", "二", 1),
    ]


def test_a_signature_set_right_and_a_short_info_line_stay_lines(documents) -> None:
    lines = [
        (120.0, "某县人民政府关于2023年法治政府建设情况的报告"),
        (50.0, "来源：县司法局  发布时间：2024-01-25"),
        (50.0, "2023年，我县坚持以习近平法治思想为指导，深入推进法治政府建设，现将有关情况"),
        (50.0, "报告如下："),
        (50.0, "一、主要工作"),
        (50.0, "县政府常务会议专题研究法治政府建设工作4次，组织领导干部集中学法6次，全县"),
        (50.0, "执法人员培训全覆盖。"),
        (400.0, "某县人民政府"),
        (400.0, "2024年1月20日"),
    ]
    page = [(x, 780.0 - 18 * row, text) for row, (x, text) in enumerate(lines)]
    assert pdf_text(documents["placed_pdf"]([page])).split("\n") == [
        lines[0][1],
        lines[1][1],
        lines[2][1] + lines[3][1],
        lines[4][1],
        lines[5][1] + lines[6][1],
        lines[7][1],
        lines[8][1],
    ]


def test_text_drawn_in_a_form_xobject_is_still_read(documents) -> None:
    # pypdf's layout machinery does not look into forms: such a page is read as drawn
    page = [(50.0, 780.0, "一、主要工作"), (50.0, 762.0, "依法行政工作取得新进展。")]
    data = documents["placed_pdf"]([page, page], in_form=True)
    assert pdf_text(data).split("\n") == [text for _x, _y, text in page] * 2


def test_the_installed_pypdf_places_the_pieces(documents) -> None:
    # pdf.py reads the places from pypdf's layout mode (a private API) and falls back to
    # the file's order where it changed: an upgrade that breaks it shows here, not silently
    import io

    from pypdf import PdfReader

    from govread.parsers.pdf import _placed_pieces

    data = documents["placed_pdf"]([[(60.0, 780.0, "“八五”"), (48.0, 780.0, "推进")]])
    pieces = _placed_pieces(PdfReader(io.BytesIO(data)).pages[0], {})
    assert pieces is not None
    assert [(piece[1], piece[2], piece[-1]) for piece in pieces] == [
        (60.0, 108.0, "“八五”"),
        (48.0, 72.0, "推进"),
    ]

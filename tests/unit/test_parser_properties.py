"""Properties of the parser on any text: it never raises, nothing unsafe survives, nothing is lost."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govread.parsers import Report, normalize, parse_text
from govread.parsers.chrome import is_chrome
from govread.parsers.layout import is_page_number
from govread.parsers.model import folded_sha256
from govread.parsers.outline import _unmarked_heading

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")

# Pieces that look like the genre, so the heading logic is exercised and not only random noise.
FRAGMENTS = st.sampled_from(
    [
        "一、",
        "二、",
        "三、",
        "(一)",
        "(二)",
        "（三）",
        "1.",
        "2.",
        "3、",
        "(1)",
        "⑵",
        "一是",
        "二是",
        "加强党的领导",
        "。",
        ",",
        "行政执法",
        "2023年",
        "2.5个百分点",
        "12345热线",
        "出庭应诉率达100%",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "\u3000",
        "\xa0",
        "\x1b]0;x\x07",
        "\x1b[31m",
        "字体:[ ]",
        "[/]",
        "[bold]",
        "来源:市司法局",
        "发布时间:2023-03-07",
        "某市人民政府",
        "2024年2月29日",
        "下一步,我市将",
        "附件",
        "在看到成绩的同时,我们也清醒认识到,还存在不足:",
        "2019年工作回顾",
    ]
)
GENRE_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(), GENRE_TEXT)


def strings_of(report: Report) -> list[str]:
    out = [
        report.display_title,
        *(
            v
            for v in (report.title, report.region, report.issuer, report.source, report.published)
            if v
        ),
    ]
    out += [*report.preamble, *report.closing, *report.chrome]
    for section in report.walk():
        out += [section.heading, section.raw_heading, section.marker, *section.paragraphs]
        out += [t for item in section.items for t in (item.heading, item.text, item.marker)]
    return out


def body_lines(report: Report) -> list[str]:
    lines = list(report.preamble)
    for section in report.walk():
        if section.inline:
            lines.append(section.raw_heading + section.paragraphs[0])
            lines.extend(section.paragraphs[1:])
        else:
            if section.raw_heading:
                lines.append(section.raw_heading)
            lines.extend(section.paragraphs)
    return lines + list(report.closing)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_never_raises_and_nothing_unsafe_survives(text: str) -> None:
    report = parse_text(text)
    for value in strings_of(report):
        assert not UNSAFE.search(value), repr(value)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
@example(text="政府来源:0")  # a page's key cut from the end of a report's only line
@example(text="政府2000年1月1日")  # a signature run into its date, in a text with no headings
@example(text="0、__0__")  # emphasis after a number, on a line that is no heading
def test_every_line_of_the_body_is_kept_somewhere(text: str) -> None:
    report = parse_text(text)
    source = [line.strip() for line in normalize(text).split("\n")]
    # (a page number, 2/5 or - 3 -, is dropped wherever it stands: no line of the body)
    source = [line for line in source if line and not is_page_number(line)]
    # (emphasis after a number, 一、**标题** / 1、__标题__, is Markdown's markup, dropped from
    # the line whether or not it turns out a heading: `outline._unmarked_heading`, whose
    # cases test_headings.py holds)
    source = [_unmarked_heading(line) for line in source]
    expected = Counter(line for line in source if line not in report.chrome)
    if report.title:
        expected[report.title] -= 1
    got = Counter(body_lines(report))
    for line in +expected - got:
        if re.fullmatch("[0-9\uff10-\uff19]{1,3}", line):
            del expected[line]  # (the last page's number, after the signature or its end matter)
    pieces = [section.raw_heading for section in report.walk()]
    pieces += [*report.chrome, *report.closing]
    if any(piece not in source for piece in pieces):
        # a flat text, cut at its headings, a line a page's key (来源:…) was cut from, or a
        # signature run into its date: every character is kept, in pieces (the title's
        # among them, wherever it was taken from)
        title = [report.title] if report.title else []
        assert squashed(source, report.chrome) == squashed(body_lines(report) + title, [])
    else:
        assert +expected == +got
    assert all(is_chrome(line) for line in report.chrome)


def squashed(lines: list[str], without: Sequence[str | None]) -> Counter[str]:
    """The characters of `lines`, spaces left out, less those of `without`."""
    kept = Counter("".join(lines).replace(" ", "").replace("\t", ""))
    kept.subtract(Counter("".join(w for w in without if w).replace(" ", "").replace("\t", "")))
    return +kept


@settings(max_examples=200)
@given(GENRE_TEXT)
def test_items_are_exact_views_on_their_paragraphs(text: str) -> None:
    for section in parse_text(text).walk():
        for item in section.items:
            assert section.paragraphs[item.paragraph][item.start : item.end] == item.text
            assert item.text.startswith(item.marker)


@settings(max_examples=200)
@given(GENRE_TEXT)
def test_levels_are_between_one_and_four_and_ids_unique(text: str) -> None:
    report = parse_text(text)
    ids = [s.id for s in report.walk()]
    assert len(ids) == len(set(ids))
    for section in report.walk():
        assert 1 <= section.level <= 4
        assert all(child.level > section.level for child in section.children)


@settings(max_examples=200)
@given(GENRE_TEXT)
@example(
    text="一、总结\n(一)执法\n加强执法。\n在看到成绩的同时,我们也清醒认识到,还存在不足:一是甲。二是乙。\n二、打算"
)
def test_the_sections_text_in_document_order_is_what_the_ids_hash(text: str) -> None:
    # a part's summing-up after its subsections (`after_children`) is read after them, as the
    # parser hashed the body for the ids
    report = parse_text(text)
    parts = [*report.preamble, *(s.full_text() for s in report.sections), *report.closing]
    assert folded_sha256(parts) == report.body_sha256
    for section in report.walk():
        assert 0 <= section.after_children <= len(section.paragraphs)
        assert not section.after_children or section.children


def test_a_lone_surrogate_becomes_a_replacement_character_and_exports_exactly() -> None:
    # No encoding can write a lone surrogate: the normalised text must, so that what an
    # export writes reads back as the text the outline shows.
    report = parse_text(
        "某县2022年法治政府建设情况报告\n一、工作\n甲\ud800乙", path="x.txt", sha256="cd" * 32
    )
    body = report.sections[0].full_text()
    assert "\ud800" not in body and "甲\ufffd乙" in body
    body.encode("utf-8")

"""The query language and folding: parsing, leniency, width folding, highlight spans."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govread.search import (
    SearchIndex,
    fold,
    highlight_spans,
    make_snippet,
    parse_query,
    words_suffice,
)


def groups_of(text: str) -> list[list[str]]:
    return [[t.text for t in group] for group in parse_query(text).groups]


def test_spaces_are_and_bar_is_or_binding_tighter() -> None:
    assert groups_of("行政复议 出庭应诉") == [["行政复议"], ["出庭应诉"]]
    assert groups_of("a b | c d") == [["a"], ["b", "c"], ["d"]]
    assert groups_of("a|b") == [["a", "b"]]
    assert groups_of("a | b | c") == [["a", "b", "c"]]


def test_minus_excludes_and_quotes_make_a_phrase() -> None:
    query = parse_query('法治 -信访 "严格 规范"')
    assert [t.text for t in query.excluded] == ["信访"]
    assert [(t.text, t.phrase) for t in query.terms] == [("法治", False), ("严格 规范", True)]
    # a hyphen inside a term is text, not an exclusion
    assert groups_of("2021-2025") == [["2021-2025"]]
    assert [t.text for t in parse_query('-"放 管 服"').excluded] == ["放 管 服"]


def test_chinese_quotes_and_full_width_operators() -> None:
    query = parse_query("“行政执法三项制度” ｜ 放管服 －信访")
    assert [(t.text, t.phrase) for t in query.terms] == [
        ("行政执法三项制度", True),
        ("放管服", False),
    ]
    assert len(query.groups) == 1
    assert [t.text for t in query.excluded] == ["信访"]


def test_malformed_queries_are_parsed_leniently() -> None:
    assert parse_query("").is_empty
    assert parse_query("   ").is_empty
    assert parse_query("|").is_empty
    assert parse_query("-").is_empty
    assert parse_query('""').is_empty
    assert parse_query("- | -").is_empty
    assert groups_of("| a") == [["a"]]  # a leading | has nothing to join
    assert groups_of("a |") == [["a"]]
    assert groups_of("a - b") == [["a"], ["b"]]  # a lone - is ignored
    unbalanced = parse_query('行政 "复议 案件')
    assert [(t.text, t.phrase) for t in unbalanced.terms] == [("行政", False), ("复议 案件", True)]


def test_fold_matches_widths_and_case_and_maps_back() -> None:
    assert fold("１００％").text == "100%"
    assert fold("ＰＭ2.5").text == "pm2.5"
    assert parse_query("１００％").terms[0].folded == "100%"
    # a character that folds to several keeps the map to the original offsets
    text = "⑴严格执法"
    folded = fold(text)
    assert folded.text == "(1)严格执法"
    start = folded.text.index("执法")
    assert folded.original_span(start, start + 2) == (3, 5)
    assert text[3:5] == "执法"
    assert folded.original_span(0, 1) == (0, 1)  # inside the expansion: the whole ⑴


def test_highlight_spans_land_on_the_original_text() -> None:
    text = "出庭应诉率达１００％，行政复议"
    spans = highlight_spans(text, "100% 行政复议")
    assert [text[a:b] for a, b in spans] == ["１００％", "行政复议"]
    assert highlight_spans(text, "信访") == []
    assert highlight_spans(text, "-行政复议") == []  # exclusions are not highlighted
    expanded = "第⑴项 ⑴项"
    assert [expanded[a:b] for a, b in highlight_spans(expanded, "(1)项")] == ["⑴项", "⑴项"]


def test_snippet_spans_index_the_snippet() -> None:
    text = "甲" * 100 + "行政复议" + "乙" * 100
    snippet, spans = make_snippet(text, [(100, 104)])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[a:b] for a, b in spans] == ["行政复议"]
    assert len(snippet) == 2 + 40 + 4 + 40
    short, short_spans = make_snippet("行政复议\n案件", [(0, 4)])
    assert short == "行政复议 案件" and short_spans == [(0, 4)]


@pytest.mark.parametrize("offset", range(-3, 4))
def test_a_snippet_never_cuts_a_hit_in_two(offset: int) -> None:
    """QA: a snippet ended after 行 of a second 行政复议 and highlighted that one character."""
    from govread.search import SNIPPET_CONTEXT

    first = 50
    second = first + 4 + SNIPPET_CONTEXT + offset  # straddling the window's end, or near it
    text = "甲" * first + "行政复议" + "乙" * (second - first - 4) + "行政复议" + "丙" * 60
    snippet, spans = make_snippet(text, [(first, first + 4), (second, second + 4)])
    assert all(snippet[a:b] == "行政复议" for a, b in spans)


def test_words_suffice() -> None:
    assert words_suffice(2, 2) and not words_suffice(1, 2)
    assert words_suffice(2, 3) and not words_suffice(1, 3)
    assert words_suffice(1, 1)


_query_text = st.text(
    alphabet=st.sampled_from(list('行政复议法治 |-"“”「」\t\n１００％abcＡ⑴\x00\ud800'))
    | st.characters(),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_query_text)
def test_any_query_string_never_raises(text: str) -> None:
    query = parse_query(text)
    for term in query.terms:
        assert term.folded.strip()
    highlight_spans("出庭应诉率达100%，行政复议⑴", query)


_INDEX = SearchIndex()


@settings(max_examples=100, deadline=None)
@given(_query_text)
def test_any_query_string_never_raises_in_the_index(text: str) -> None:
    # Built lazily once: hypothesis does not mix with function-scoped fixtures.
    if not len(_INDEX):
        from govread.corpus import load

        for report in load().reports:
            _INDEX.add(report)
    result = _INDEX.filter(text)
    # a hit is a matching unit, but a section and its item are one hit (FilterResult)
    assert result.total == len(result.hits) <= len(result.ids)
    assert set(result.hits) <= result.ids
    for hit in _INDEX.search(text, limit=3):
        for a, b in hit.snippet_spans:
            assert 0 <= a < b <= len(hit.snippet)


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\u202e", "\x1b", "\u2060"])
def test_invisible_characters_pasted_into_a_query_are_dropped(invisible: str) -> None:
    """QA: a phrase copied from a web page with a zero-width space (or a soft hyphen, a BOM)
    inside matched only "by its words", never verbatim: report text has those characters
    removed at ingest (`normalize`), the query kept them. The query drops the same ones."""

    def parsed(text: str) -> object:
        return dataclasses.replace(parse_query(text), text="")

    assert parsed(f"出庭{invisible}应诉") == parsed("出庭应诉")
    assert parsed(f'"依法{invisible}行政" -执{invisible}法') == parsed('"依法行政" -执法')


def test_a_term_said_twice_is_matched_once() -> None:
    query = parse_query("执法 | 执法 | 监督 复议 复议 -信访 -信访 " + "审查 | " * 2000 + "审查")
    assert [[t.text for t in group] for group in query.groups] == [
        ["执法", "监督"],
        ["复议"],
        ["审查"],
    ]
    assert [t.text for t in query.excluded] == ["信访"]
    # the same OR group, written in another order, is the same condition
    assert len(parse_query("执法 | 监督 监督 | 执法").groups) == 1


def test_a_quoted_tag_may_hold_spaces() -> None:
    """QA: a tag with spaces (行政 执法) or quotes in it could not be asked for: tag:"q" found
    nothing; tag:"…" reads the quoted words as the tag."""
    query = parse_query('tag:"行政 执法" 复议 -tag:“a b”')
    assert (query.tags, query.excluded_tags) == (("行政 执法",), ("a b",))
    assert groups_of('tag:"行政 执法" 复议') == [["复议"]]
    assert parse_query("tag:执法").tags == ("执法",)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("著力優化", ["着力優化"]),  # (優 is folded later, with the text)
        ("隨著改革 沿著", ["隨着改革", "沿着"]),
        ("顯著 成效顯著 著作權 著名", ["顯著", "成效顯著", "著作權", "著名"]),
        ("显著提升", ["显著提升"]),
    ],
)
def test_zhu_in_a_query_reads_as_a_traditional_report_s_zhu_does(
    query: str, terms: list[str]
) -> None:
    # a traditional report reads 著 as 着 where it is the verb or the particle: a query
    # copied from its file finds those words, and 显著 / 著作 still find themselves
    assert [t for group in groups_of(query) for t in group] == terms


def test_a_bar_joins_the_words_either_side_of_what_stands_between() -> None:
    """README: `复议 -信访 | 诉讼` is 复议 OR 诉讼, neither holding 信访 (an excluded term, a
    tag or a field between two words is no operand of the |)."""
    query = parse_query("复议 -信访 | 诉讼")
    assert groups_of("复议 -信访 | 诉讼") == [["复议", "诉讼"]]
    assert [t.text for t in query.excluded] == ["信访"]
    assert groups_of("复议 year:2023 | 诉讼") == [["复议", "诉讼"]]
    assert groups_of("复议 诉讼 -信访") == [["复议"], ["诉讼"]]

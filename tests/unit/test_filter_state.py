"""The browser's filter state, tested without Pilot: query → result, hits, stepping, spans."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from govread.node_ids import report_id
from govread.parsers import Report
from govread.parsers.outline import parse_text
from govread.search import FilterResult, LazyHits, SearchIndex, parse_query
from govread.tui.browser.filter_state import FilterState

TEXTS = (
    "甲市2023年法治政府建设情况报告\n开篇讲行政复议。\n一、加强行政复议\n一是规范行政复议。二是学习。\n二、其他工作\n办结率100%。",
    "乙县2022年法治政府建设情况报告\n一、行政执法\n推进行政复议体制改革。",
)


def index_of() -> tuple[SearchIndex, list[Report]]:
    reports = [parse_text(text, path=f"{n}.txt") for n, text in enumerate(TEXTS)]
    return SearchIndex.build(reports, use_cache=False), reports


def test_a_query_makes_the_filter_active_and_lists_its_hits_in_order() -> None:
    index, (a, b) = index_of()
    state = FilterState()
    assert not state.active and state.hits == ()
    result = state.set_query("行政复议", index)
    assert result is not None and state.active and state.result is result
    # the preamble's match is a line of its own in the filtered outline; each node once
    assert state.hits[0] == report_id(a) + "/preamble"
    assert len(state.hits) == len(set(state.hits)) == result.total
    assert state.hits[-1] == b.sections[0].id
    # a section and an item of it that both match are one hit (the filter bar, H and the CLI
    # count alike): here the section, whose heading matches outside the item
    assert a.sections[0].id in state.hits and a.sections[0].items[0].id not in state.hits
    assert a.sections[1].id not in state.hits


def test_a_blank_query_or_no_index_turns_the_filter_off() -> None:
    index, _ = index_of()
    state = FilterState()
    state.set_query("行政复议", index)
    assert state.set_query("   ", index) is None and not state.active and state.hits == ()
    assert state.set_query("行政复议", None) is None and not state.active
    state.set_query("行政复议", index)
    state.clear()
    assert (state.query, state.result, state.hits) == ("", None, ())


def test_no_match_is_still_an_active_filter() -> None:
    index, _ = index_of()
    state = FilterState()
    result = state.set_query("不存在的词语", index)
    assert result is not None and result.total == 0 and state.active and state.hits == ()


def test_stepping_wraps_around_and_needs_a_hit_to_start_from() -> None:
    index, _ = index_of()
    state = FilterState()
    state.set_query("行政复议", index)
    first, last = state.hits[0], state.hits[-1]
    assert state.step_from(first, 1) == state.hits[1]
    assert state.step_from(first, -1) == last
    assert state.step_from(last, 1) == first
    assert state.step_from("0123456789ab/1", 1) is None  # not a hit: the caller looks by line


def test_the_result_carries_its_matches_spans() -> None:
    index, (a, _) = index_of()
    state = FilterState()
    assert state.spans("行政复议") == []  # off: nothing highlighted
    state.set_query("行政复议 -执法", index)
    assert state.result is not None and state.result.needles == ("行政复议",)
    assert state.spans("加强行政复议和执法") == [(2, 6)]  # an excluded term is not highlighted
    section = a.sections[0]
    assert state.heading_spans(section.id, section.heading) == [(2, 6)]
    # full- and half-width forms match each other, offsets land on the original text
    state.set_query("１００％", index)
    assert state.result is not None and state.result.needles == ("100%",)
    assert state.spans("达到１００％") == [(2, 6)]


def test_the_filter_state_needs_no_textual() -> None:
    code = "import sys, govread.tui.browser.filter_state; print('textual' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_lazy_hits_are_a_sequence_found_as_far_as_read() -> None:
    pulled: list[str] = []

    def source() -> Iterator[str]:
        for hit in ("a", "b", "c", "d"):
            pulled.append(hit)
            yield hit

    hits = LazyHits(source(), total=4)
    assert hits and len(hits) == 4 and not pulled  # the count is known: nothing walked
    assert hits[1] == "b" and pulled == ["a", "b"]
    assert hits[0:3] == ("a", "b", "c") and pulled == ["a", "b", "c"]
    assert "c" in hits and hits.index("c") == 2 and pulled == ["a", "b", "c"]
    assert hits[-1] == "d" and hits == ("a", "b", "c", "d") and list(hits) == list("abcd")
    with pytest.raises(ValueError):
        hits.index("z")
    unknown = LazyHits(iter(["x", "y"]))
    assert unknown and len(unknown) == 2 and unknown != ("x",)
    assert not LazyHits(iter(()))


def test_stepping_through_lazy_hits_wraps_around() -> None:
    state = FilterState()
    state.accept("x", FilterResult(parse_query("x"), hits=LazyHits(iter(["r/1", "r/2", "s/1"]))))
    assert state.step_from("r/1", 1) == "r/2"
    assert state.step_from("s/1", 1) == "r/1"
    assert state.step_from("r/1", -1) == "s/1"
    assert state.step_from("s/1", -1) == "r/2"
    assert state.step_from("t/1", 1) is None

"""A snippet never runs a part's intro into its summing-up (QA: a search snippet showed the
end of 一、's opening paragraph glued to 在看到成绩的同时…, as if one passage).

A part's unit is its own paragraphs, intro and summing-up (`Section.after_children`) joined
by a line break, though its subsections stand between them in the text: the snippet keeps
to the passage holding the match. Which units match, and their order, do not change.
The text is invented in the genre's shapes.
"""

from __future__ import annotations

import json
from pathlib import Path

from govread import store
from govread.parsers import parse_text
from govread.search import ELLIPSIS, Hit, SearchIndex, make_snippet, parse_query

INTRO = "过去一年，全区上下坚持稳中求进工作总基调，各项事业取得新成效。"
SUMMING = (
    "在看到成绩的同时，我们也必须清醒认识到，我区的发展还面临不少困难和挑战，主要表现在："
    "一是产业转型步伐较慢。二是城区功能配套还不够完善。"
)
TEXT = (
    "某区2019年政府工作报告\n"
    "一、2019年工作回顾\n"
    f"{INTRO}\n"
    "（一）致力调结构，经济发展量质齐升。全年完成固定资产投资80亿元。\n"
    "（二）致力强供给，民生福祉厚植增优。新增学位2000个。\n"
    f"{SUMMING}\n"
    "二、2020年主要工作任务\n"
    "（一）奋力决战交通攻坚行动。推动快速通道建设。\n"
    "（二）全力抓好民生工作。新建学校3所。\n"
)


def _hit(query: str) -> Hit:
    report = parse_text(TEXT, path="a.txt")
    part = report.sections[0]
    assert part.paragraphs == (INTRO, SUMMING) and part.lead_count == 1  # the shape tested
    hits = SearchIndex.build([report]).search(query)
    assert [hit.node_id for hit in hits] == [part.id]
    return hits[0]


def _highlighted(hit: Hit) -> list[str]:
    return [hit.snippet[a:b] for a, b in hit.snippet_spans]


def test_a_match_at_the_intro_s_end_does_not_run_into_the_summing_up() -> None:
    hit = _hit("新成效")
    assert hit.snippet == INTRO + ELLIPSIS  # the rest of the part's text is elsewhere
    assert _highlighted(hit) == ["新成效"]
    assert hit.text == INTRO + "\n" + SUMMING  # the unit's whole text, as before


def test_a_match_at_the_summing_up_s_start_does_not_show_the_intro_s_end() -> None:
    hit = _hit("在看到成绩")
    assert hit.snippet.startswith(ELLIPSIS + "在看到成绩的同时")
    assert "新成效" not in hit.snippet
    assert _highlighted(hit) == ["在看到成绩"]


def test_a_heading_match_shows_the_intro_alone() -> None:
    hit = _hit("工作回顾")
    assert hit.snippet == INTRO + ELLIPSIS
    assert hit.snippet_spans == ()


def test_the_snippet_keeps_to_the_first_match_s_passage_and_its_spans() -> None:
    # matches in both passages: the first one's passage, with its spans alone
    hit = _hit("稳中求进 困难")
    assert hit.snippet == INTRO + ELLIPSIS
    assert _highlighted(hit) == ["稳中求进"]


def test_make_snippet_keeps_within_a_passage_and_shows_a_hit_whole() -> None:
    text = "甲" * 50 + "行政复议" + "\n" + "乙" * 50
    passages = [55]
    snippet, spans = make_snippet(text, [(50, 54)], 10, passages=passages)
    assert snippet == ELLIPSIS + "甲" * 10 + "行政复议" + ELLIPSIS
    assert [snippet[a:b] for a, b in spans] == ["行政复议"]
    snippet, spans = make_snippet(text, [(55, 57)], 10, passages=passages)
    assert snippet == ELLIPSIS + "乙" * 12 + ELLIPSIS
    # without passages, as before: the window runs across the line break
    snippet, _spans = make_snippet(text, [(50, 54)], 10)
    assert "乙" in snippet


def test_the_store_cuts_the_same_snippets(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, "utf-8")
    with store.Store(tmp_path / "store.sqlite3") as opened:
        store.index(opened, [folder])
        searcher = store.StoreSearch(opened)
        for query in ("新成效", "在看到成绩", "工作回顾", "稳中求进 困难"):
            found = searcher.search(parse_query(query))
            expected = _hit(query).to_json()
            assert [json.dumps(hit.to_json() | {"path": None}) for hit in found] == [
                json.dumps(expected | {"path": None})
            ], query

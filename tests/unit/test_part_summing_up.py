"""A part's summing-up after its last subsection is the part's (`Section.after_children`).

Seen in a 政府工作报告 (QA): its review part ends, after （四）, with 在看到成绩的同时，…还面临
不少困难和挑战，主要表现在：一是…五是…; the outline showed those five problems as items of （四）.
The texts here are invented in the genre's shapes, not taken from any report.
"""

from __future__ import annotations

import json

import pytest

from govread import cache as cache_module
from govread.cache import report_from_dict, report_to_dict
from govread.cli import _text_outline
from govread.marks import iter_nodes, refs_in_order
from govread.parsers import parse_text
from govread.parsers.model import folded_sha256
from govread.parsers.outline import _sums_up

REVIEW = (
    "某区2019年政府工作报告\n"
    "2019年工作回顾\n"
    "（一）致力调结构，经济发展量质齐升。全年完成固定资产投资80亿元。\n"
    "（二）致力强供给，民生福祉厚植增优。新增学位2000个。\n"
    "{summing}"
    "2020年主要工作任务\n"
    "（一）奋力决战交通攻坚行动。推动快速通道建设。\n"
    "（二）全力抓好民生工作。新建学校3所。\n"
)
SUMMING = (
    "在看到成绩的同时，我们也必须清醒认识到，我区的发展还面临不少困难和挑战，主要表现在："
    "一是产业转型步伐较慢。二是城区功能配套还不够完善。三是生态资源尚未转化为发展优势。\n"
    "对此，我们将采取有效措施，切实加以解决。\n"
)


def review(summing: str = SUMMING) -> str:
    return REVIEW.format(summing=summing)


def test_the_summing_up_is_the_part_s_after_its_subsections() -> None:
    report = parse_text(review(), path="a.txt")
    part = report.sections[0]
    assert part.heading == "2019年工作回顾"
    assert part.after_children == 2
    assert part.lead_count == len(part.paragraphs) - 2
    assert part.paragraphs[-1] == "对此，我们将采取有效措施，切实加以解决。"
    assert [item.marker for item in part.items_after_children()] == ["一是", "二是", "三是"]
    assert not part.items_before_children()
    last_child = part.children[-1]
    assert last_child.paragraphs == ("致力强供给，民生福祉厚植增优。新增学位2000个。",) or (
        last_child.paragraphs == ("新增学位2000个。",)
    )
    assert not last_child.items
    # the text reads in document order: the summing-up after the subsections
    text = part.full_text()
    assert text.index("新增学位2000个") < text.index("在看到成绩的同时")
    assert text.endswith("切实加以解决。")


def test_the_ids_are_those_of_the_text_as_it_was() -> None:
    # the body hash (the ids' root) reads the summing-up where it stands, as before
    report = parse_text(review(), path="a.txt")
    parts = [*report.preamble, *(s.full_text() for s in report.sections), *report.closing]
    assert folded_sha256(parts) == report.body_sha256
    assert report.sections[0].items[0].id == f"{report.id}/1#1"


def test_a_subsection_after_it_gives_the_paragraphs_back_to_the_one_before() -> None:
    # a turn of words in the middle of a part's subsections is that subsection's text
    text = review().replace(
        "2020年主要工作任务\n", "（三）致力抓党建。开展调研969次。\n2020年主要工作任务\n"
    )
    part = parse_text(text, path="a.txt").sections[0]
    assert part.after_children == 0
    assert [c.heading[:5] for c in part.children] == ["致力调结构", "致力强供给", "致力抓党建"]
    assert any(p.startswith("在看到成绩的同时") for p in part.children[1].paragraphs)
    assert [i.marker for i in part.children[1].items] == ["一是", "二是", "三是"]


def test_after_the_last_part_it_is_the_closing() -> None:
    text = (
        "某县2023年法治政府建设情况报告\n一、主要成效\n（一）推进依法行政。制定制度5项。\n"
        "（二）规范行政执法。评查案卷100件。\n"
        "虽然我县法治政府建设取得了一定成效，但仍存在一些问题和不足，一是执法队伍力量不足。"
        "二是普法针对性不强。\n"
    )
    report = parse_text(text, path="a.txt")
    assert report.closing[0].startswith("虽然我县法治政府建设")
    assert all(section.after_children == 0 for section in report.walk())


@pytest.mark.parametrize(
    "paragraph",
    [
        "在看到成绩的同时，我们也清醒认识到，还存在不少困难和挑战。",
        "看到成绩的同时，我们也清醒认识，福田发展中还存在许多不足和短板。",
        "在推进法治政府建设取得新成效的同时,依然存在不足和问题,如执法与群众期待还有差距。",
        "虽然我县法治政府建设工作取得了一定的成效,但是仍然存在一些问题和不足。",
        "2023年,我市在法治政府建设方面虽然取得了一定成绩,但还存在一些问题。",
        "同时，我们也清醒地看到，法治政府建设还存在一些薄弱环节。",
    ],
)
def test_the_words_that_turn_a_part_to_its_shortfalls(paragraph: str) -> None:
    assert _sums_up(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "但仍存在执法不规范等问题，需进一步加强。",  # no results weighed: a section's own text
        "在取得成绩的同时，我们继续推进各项改革。",  # no shortfall named
        "全年复议案件取得明显成效，纠错率下降。",
        "评查取得成效，但发现问题12个。",  # results and a shortfall, no turn of a summing-up
        # the turn far into the sentence: a section's own account
        "为进一步规范行政执法行为，区司法局组织开展了全区行政执法案卷评查工作，评查取得成效，但发现问题12个。",
    ],
)
def test_other_paragraphs_turn_nothing(paragraph: str) -> None:
    assert not _sums_up(paragraph)


def test_the_cache_keeps_it_and_refuses_a_bad_count() -> None:
    report = parse_text(review(), path="a.txt")
    data = report_to_dict(report)
    assert report_from_dict(json.loads(json.dumps(data))).sections == report.sections
    assert cache_module._is_report_dict(data)
    for bad in (-1, True, "2", 1.5):
        data["sections"][0]["after_children"] = bad
        assert not cache_module._is_report_dict(data)


def test_a_count_past_the_paragraphs_reads_them_all_before_the_children() -> None:
    # (a count no parser wrote: the text stays whole and in some order, nothing raises)
    report = parse_text(review(), path="a.txt")
    data = report_to_dict(report)
    data["sections"][0]["after_children"] = 99
    part = report_from_dict(data).sections[0]
    assert part.lead_count == 0
    assert part.full_text().endswith("切实加以解决。")


def test_the_text_outline_and_the_marks_list_it_after_the_subsections() -> None:
    report = parse_text(review(), path="a.txt")
    lines = _text_outline(report).splitlines()
    child = next(n for n, line in enumerate(lines) if "致力强供给" in line)
    first_item = next(n for n, line in enumerate(lines) if "一是产业转型" in line)
    assert child < first_item
    part = next(n for n, line in enumerate(lines) if "2019年工作回顾" in line)
    # the part's items, one step in from the part, not from （二）
    assert lines[first_item].index("·") == lines[part].index("2019") + 2
    order = [ref.id.removeprefix(report.id) for ref in iter_nodes(report)]
    assert order[:6] == [report.id.removeprefix(report.id), "/1", "/1.1", "/1.2", "/1#1", "/1#2"]


def test_marked_nodes_are_exported_in_the_text_s_order() -> None:
    report = parse_text(review(), path="a.txt")
    rid = report.id
    marked = [f"{rid}/1#2", f"{rid}/1.2", f"{rid}/1#1", f"{rid}/2", f"{rid}/1"]
    order = [ref.id.removeprefix(rid) for ref in refs_in_order([report], marked)]
    assert order == ["/1", "/1.2", "/1#1", "/1#2", "/2"]


def test_the_json_tree_says_how_many_items_follow_the_children() -> None:
    from govread.commands.outline import _nested

    tree = _nested(parse_text(review(), path="a.txt").sections)
    assert [s["items_after_children"] for s in tree] == [3, 0]
    assert [len(s["items"]) for s in tree] == [3, 0]
    assert tree[0]["children"][0]["items_after_children"] == 0

"""The Library of open reports and the node-id grammar, without any Textual."""

from __future__ import annotations

import time

from govread.library import Library, place_label
from govread.node_ids import (
    document_order_key,
    is_node_id,
    kind_of,
    node_id_of,
    outline_node_id,
    parse_node_id,
    report_id,
)
from govread.parsers import Report
from govread.parsers.outline import parse_text

TEXT_A = "甲市2023年法治政府建设情况报告\n一、加强党的领导\n一是学习。二是落实。\n(一)细化\n正文。\n二、行政复议\n正文。"
TEXT_B = "乙县2022年法治政府建设情况报告\n一、行政执法\n正文。"


def reports() -> list[Report]:
    return [parse_text(TEXT_A, path="a.txt"), parse_text(TEXT_B, path="b.txt")]


def test_the_library_keeps_the_order_and_finds_reports_and_nodes() -> None:
    a, b = reports()
    library = Library([a])
    library.add(b)
    assert list(library) == [a, b] and len(library) == 2 and a in library
    assert library.report(report_id(b)) is b
    section = a.sections[0].children[0]
    assert library.report(section.id) is a  # any node id (or unit id) of a report
    ref = library.resolve(section.id)
    assert ref is not None and ref.node is section and ref.kind == "section"
    item = a.sections[0].items[0]
    found = library.resolve(item.id)
    assert found is not None and found.node is item
    assert library.resolve(report_id(a)) is not None
    assert library.resolve("0123456789ab/1") is None  # a report that is not open
    assert library.resolve(report_id(a) + "/9") is None  # no such section


def test_place_label_is_region_and_year_when_known() -> None:
    a, _ = reports()
    assert place_label(a) == f"{a.region} {a.year}"
    bare = parse_text("正文。")
    assert place_label(bare) == ""


def test_node_id_grammar() -> None:
    a, _ = reports()
    section, item = a.sections[0], a.sections[0].items[1]
    rid = report_id(a)
    assert node_id_of(a) == rid == a.id
    assert node_id_of(section) == section.id and node_id_of(item) == item.id
    assert parse_node_id(f"{rid}/1.2#3") == (rid, "1.2", "3")
    assert parse_node_id("not an id") is None
    assert [kind_of(i) for i in (rid, f"{rid}/1", f"{rid}/1#2")] == ["report", "section", "item"]
    assert outline_node_id(f"{rid}/preamble") == rid == outline_node_id(f"{rid}/closing")
    assert outline_node_id(f"{rid}/1.2") == f"{rid}/1.2"
    ids = [f"{rid}/2", f"{rid}/1.1", f"{rid}/1#1", f"{rid}/1", rid]
    assert sorted(ids, key=document_order_key) == [
        rid,
        f"{rid}/1",
        f"{rid}/1#1",
        f"{rid}/1.1",
        f"{rid}/2",
    ]


def test_node_ids_from_files_are_checked_in_bounded_time() -> None:
    hostile = [
        "a" * 12 + "/" + "1." * 5000,
        "a" * 12 + "/" + "1" * 10_000,
        "a" * 12 + "/1#" + "9" * 10_000,
        "0" * 10_000,
        ("a" * 12 + "/1.") * 800,
    ]
    started = time.thread_time()
    for text in hostile:
        assert not is_node_id(text) and parse_node_id(text) is None
    assert time.thread_time() - started < 0.5
    assert is_node_id("a" * 12 + "/" + ".".join(["999999"] * 16) + "#999999")

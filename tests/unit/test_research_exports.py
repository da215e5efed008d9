"""Exports researchers open: CSV, JSON Lines, Markdown, CSL-JSON, BibTeX, and the CLI's formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from govread.citation import (
    bibtex,
    bibtex_entry,
    citation_line,
    csl_item,
    csl_json,
    quote_with_citation,
)
from govread.cli import main
from govread.export import Pair
from govread.marks import iter_nodes
from govread.parsers import Report, parse_text
from govread.records import (
    HIT_SCHEMA,
    NODE_SCHEMA,
    PAIR_SCHEMA,
    export_format_for_path,
    node_row,
    pair_row,
    render_rows,
    to_csv,
    to_jsonl,
)
from govread.tabular import BOM

TEXT = """咸宁市人民政府关于2023年法治政府建设情况的报告
2023年,我市坚持以习近平法治思想为指导。
一、主要做法
(一)加强行政执法
全市办理行政复议案件67件,一是规范执法,二是加强监督。
(二)推进政务公开
公开信息1200条。
二、存在问题
=SUM(A1) 个别部门执法不规范,"引号"与,逗号。
咸宁市人民政府
2024年2月29日
"""


@pytest.fixture(scope="module")
def report() -> Report:
    parsed = parse_text(TEXT, path="reports/咸宁2023.txt")
    return replace(parsed, meta={"source_url": "https://www.xianning.gov.cn/a/1.html"})


def _csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM) :], newline="")))


def test_csv_round_trip_keeps_chinese_tags_and_notes(report: Report) -> None:
    refs = list(iter_nodes(report))
    notes = {refs[2].id: ("执法;复议", "为什么\n标记:第二行")}
    text = render_rows(
        refs,
        "csv",
        annotations=lambda node_id: (
            (["执法", "复议"], notes[node_id][1]) if node_id in notes else ((), None)
        ),
    )
    assert "\r\n" in text  # RFC 4180 line ends
    rows = _csv_rows(text)
    assert len(rows) == len(refs)
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {ref.id for ref in refs}
    for ref in refs:
        row = by_id[ref.id]
        expected = ref.text()
        if expected.startswith(("=", "+", "-", "@")):
            expected = "'" + expected
        assert row["text"] == expected  # exact, multi-line, quotes and commas intact
        assert row["region"] == "咸宁市" and row["year"] == "2023"
        assert row["source_url"] == "https://www.xianning.gov.cn/a/1.html"
    tagged = by_id[refs[2].id]
    assert tagged["tags"] == "执法;复议"
    assert tagged["note"] == "为什么\n标记:第二行"


def test_csv_cells_never_start_a_formula() -> None:
    rows = [{"a": '=HYPERLINK("x")', "b": "+1", "c": "@cmd", "d": "-2", "e": "正常"}]
    read = _csv_rows(to_csv(rows))[0]
    assert read == {"a": '\'=HYPERLINK("x")', "b": "'+1", "c": "'@cmd", "d": "'-2", "e": "正常"}


def test_jsonl_round_trip(report: Report) -> None:
    refs = list(iter_nodes(report))
    text = render_rows(refs, "jsonl")
    lines = text.splitlines()
    assert len(lines) == len(refs) and text.endswith("\n")
    decoded = [json.loads(line) for line in lines]
    assert [row["id"] for row in decoded] == [ref.id for ref in refs]
    assert all(row["schema"] == NODE_SCHEMA for row in decoded)
    assert decoded[1]["section"] == list(refs[1].path)
    assert [row["text"] for row in decoded] == [ref.text() for ref in refs]
    assert "\\u" not in text  # Chinese as is, readable
    assert to_jsonl([node_row(refs[0], tags=["a"], note="n")]).count("\n") == 1


def test_markdown_notes_quote_the_text_with_citation_tags_and_note(report: Report) -> None:
    ref = next(r for r in iter_nodes(report) if r.kind == "section" and "问题" in (r.heading or ""))
    text = render_rows([ref], "md", annotations=lambda _: (["问题"], "*不规范*"))
    assert "## 咸宁市 2023 · 二、存在问题" in text
    assert "Tags: `问题`" in text
    assert "\\*不规范\\*" in text  # the note's own markup is escaped
    assert "> 二、存在问题" in text
    assert "*咸宁市人民政府. 咸宁市人民政府关于2023年法治政府建设情况的报告\\[R/OL\\]" in text


def test_pair_rows_have_both_sides(report: Report) -> None:
    refs = [r for r in iter_nodes(report) if r.kind == "section"]
    pair = Pair("行政执法", [refs[0]], [], 0.5, ["执法"], ["复议"], [])
    row = pair_row(pair)
    assert row["schema"] == PAIR_SCHEMA and row["a_ids"] == [refs[0].id] and row["b_ids"] == []
    read = _csv_rows(to_csv([row]))[0]
    assert read["theme"] == "行政执法" and read["similarity"] == "0.5"
    assert read["shared_keywords"] == "执法"


def test_a_closing_passage_of_a_pair_row_has_the_id_compare_json_gives_it(report: Report) -> None:
    """QA: `compare --format json` (and csv with three reports or more) names a part of the
    closing `<id>/closing`; the two-report csv and jsonl left it out of `b_ids`, so a row
    with B's closing text read as B having nothing there."""
    from govread.export import Passage
    from govread.node_ids import outside_unit_id

    closing = Passage(report, None, "下一步，我们将持续深化行政执法改革。")
    row = pair_row(Pair("下一步工作", [], [closing, closing], 0.2, [], [], []))
    assert row["b_ids"] == [outside_unit_id(report, "closing")] * 2
    assert row["b_text"] == closing.text + "\n" + closing.text


def test_format_from_extension() -> None:
    assert export_format_for_path("notes.CSV") == "csv"
    assert export_format_for_path("a.jsonl") == "jsonl"
    assert export_format_for_path("a.md") == "md"
    assert export_format_for_path("a.toml") == "toml"
    assert export_format_for_path("a.txt") == "toml"


# -- citations --------------------------------------------------------------------------


def test_citation_line_gbt7714_and_plain(report: Report) -> None:
    ref = next(r for r in iter_nodes(report) if r.kind == "section" and r.level == 2)
    line = citation_line(report, ref, accessed=dt.date(2026, 11, 30))
    assert line == (
        "咸宁市人民政府. 咸宁市人民政府关于2023年法治政府建设情况的报告[R/OL]. "
        "咸宁市, 2023年: 一、主要做法 › (一)加强行政执法. (2024-02-29)[2026-11-30]. "
        "https://www.xianning.gov.cn/a/1.html."
    )
    plain = citation_line(report, ref, style="plain")
    assert plain.split(" · ") == [
        "咸宁市",
        "2023年",
        "咸宁市人民政府关于2023年法治政府建设情况的报告",
        "一、主要做法 › (一)加强行政执法",
        "咸宁市人民政府",
        "2024-02-29",
        "https://www.xianning.gov.cn/a/1.html",
    ]
    bare = replace(report, meta={}, issuer=None, published=None)
    assert (
        citation_line(bare) == "咸宁市人民政府关于2023年法治政府建设情况的报告[R]. 咸宁市, 2023年."
    )
    quote = quote_with_citation(ref, accessed=dt.date(2026, 11, 30))
    assert quote.startswith(ref.text() + "\n\n") and quote.endswith(line + "\n")


# The CSL-JSON input schema's rules for the fields govread writes (citationstyles.org,
# csl-data.json): these keys only, of these types, "type" from its list, dates as
# date-parts of 1-3 numbers, names as literal/family/given strings.
_CSL_STRING_FIELDS = {
    "title", "language", "publisher", "publisher-place", "source", "URL", "genre", "note",
    "abstract", "container-title", "section", "status", "version",
}  # fmt: skip
_CSL_TYPES = {"report", "document", "webpage", "article", "legislation", "regulation"}


def _check_csl(items: object) -> None:
    assert isinstance(items, list)
    for item in items:
        assert isinstance(item, dict)
        assert {"id", "type"} <= item.keys()
        assert isinstance(item["id"], str) and item["type"] in _CSL_TYPES
        for key, value in item.items():
            if key in ("id", "type"):
                continue
            if key == "author":
                assert isinstance(value, list)
                for name in value:
                    assert set(name) <= {"literal", "family", "given"}
                    assert all(isinstance(v, str) for v in name.values())
            elif key == "issued":
                assert set(value) == {"date-parts"}
                parts = value["date-parts"]
                assert 1 <= len(parts) <= 2
                assert all(1 <= len(p) <= 3 and all(isinstance(n, int) for n in p) for p in parts)
            else:
                assert key in _CSL_STRING_FIELDS, key
                assert isinstance(value, str)


def test_csl_json_is_valid_csl(report: Report) -> None:
    items = json.loads(csl_json([report, replace(report, published=None, issuer=None, meta={})]))
    _check_csl(items)
    first = items[0]
    assert first["id"] == "govread_" + report.id  # the text identity: stable across re-saving
    assert first["author"] == [{"literal": "咸宁市人民政府"}]
    assert first["issued"] == {"date-parts": [[2024, 2, 29]]}
    assert first["URL"] == "https://www.xianning.gov.cn/a/1.html"
    # with no date known, no issued: the year a report covers is not the year it was issued
    assert "issued" not in items[1] and "author" not in items[1]
    assert items[1]["note"].startswith("2023年度\n")
    assert csl_item(report)["title"] == report.title
    assert first["genre"] == "法治政府建设情况报告"


@pytest.mark.parametrize(
    ("genre", "called"),
    [
        ("政府工作报告", "政府工作报告"),
        ("工作要点", "工作要点"),
        ("法治建设报告", "法治建设报告"),
        ("法治政府建设报告", "法治政府建设情况报告"),
        ("其他", None),
    ],
)
def test_a_citation_calls_the_document_what_it_is(
    report: Report, genre: str, called: str | None
) -> None:
    """QA: a 政府工作报告 was cited as a 法治政府建设情况报告 in every format."""
    other = replace(report, genre=genre)
    assert csl_item(other).get("genre") == called
    entry = bibtex_entry(other)
    assert (f"  type = {{{called}}}," in entry) if called else "  type = " not in entry


def _balanced(text: str) -> bool:
    depth = 0
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_bibtex_entries_are_balanced_and_escaped(report: Report) -> None:
    hostile = replace(
        report,
        title="报告}, author = {黑客} % 注释 & _x_ \\input{/etc/passwd} #$^~",
        meta={"source_url": "https://x.gov.cn/a{b}\\c d"},
    )
    entry = bibtex_entry(hostile)
    assert _balanced(entry)
    assert entry.startswith("@techreport{govread_" + report.id + ",\n")
    assert re.findall(r"^  (\w+) = ", entry, re.M) == [
        "title", "author", "institution", "address", "date", "year", "type", "url", "langid",
        "note",
    ]  # fmt: skip
    assert "\\input" not in entry.replace("\\textbackslash{}input", "")
    assert "url = {https://x.gov.cn/a%7Bb%7D%5Cc%20d}" in entry
    both = bibtex([report, hostile])
    assert both.count("@techreport{") == 2 and _balanced(both)


# -- the command line -------------------------------------------------------------------


def test_cite_command_formats(capsys: pytest.CaptureFixture[str]) -> None:
    from govread.corpus import sample_paths

    paths = [str(p) for p in sample_paths()][:2]
    assert main(["cite", *paths]) == 0
    items = json.loads(capsys.readouterr().out)
    _check_csl(items)
    assert len(items) == 2
    assert main(["cite", "--format", "bibtex", *paths]) == 0
    out = capsys.readouterr().out
    assert out.count("@techreport{") == 2 and _balanced(out)
    assert main(["cite", "--format", "text", "--style", "plain", paths[0]]) == 0
    assert " · " in capsys.readouterr().out


def test_search_jsonl_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "行政复议", "--format", "json", "--limit", "3"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert main(["search", "行政复议", "--format", "jsonl", "--limit", "3"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(listed) == 3
    assert all(row["schema"] == HIT_SCHEMA for row in [*lines, *listed])
    assert [row["id"] for row in lines] == [row["id"] for row in listed]
    assert all("行政复议" in row["text"] for row in lines)
    assert main(["search", "行政复议", "--format", "csv", "--limit", "3"]) == 0
    rows = _csv_rows(capsys.readouterr().out)
    assert [row["id"] for row in rows] == [row["id"] for row in listed]


def test_outline_jsonl_has_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5
    assert all(row["schema"] == "govread-outline/1" and row["outline"] for row in lines)


def test_export_csv_by_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "hits.csv"
    assert main(["export", "--query", "行政复议", "-o", str(out)]) == 0
    rows = _csv_rows(out.read_text("utf-8"))
    assert rows and all("行政复议" in row["text"] for row in rows)
    assert main(["export", "--query", "行政复议", "--format", "md", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# govread notes")


def test_export_marks_with_tags_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govread.corpus import load
    from govread.marks import MarkSet

    reports = load([]).reports
    marks, _ = MarkSet.load()
    for report in reports:  # twenty coded passages across the samples
        for section in list(report.walk())[:4]:
            marks.annotate(
                section.id, tags=["执法", report.region or "?"], note=f"笔记 {section.id}"
            )
    out = tmp_path / "coded.csv"
    assert main(["export", "--marks", "-o", str(out)]) == 0
    rows = _csv_rows(out.read_text("utf-8"))
    assert len(rows) == 20
    assert all(
        row["tags"].startswith("执法;") and row["note"] == f"笔记 {row['id']}" for row in rows
    )
    assert main(["export", "--marks", "--format", "jsonl", "-o", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["id"] for row in lines] == [row["id"] for row in rows]
    MarkSet.load()[0].clear()
    assert main(["export", "--marks", "-o", str(tmp_path / "none.csv")]) == 1
    assert "no mark lies" in capsys.readouterr().err


def test_a_citation_never_passes_a_made_up_title_off_as_the_reports(report: Report) -> None:
    """QA: 咸宁 has no title, yet BibTeX, CSL-JSON, the copied line and the CSV gave the
    invented display title as its title."""
    untitled = replace(report, title=None, display_title="咸宁市 2023年 法治政府建设情况")
    supplied = "[咸宁市 2023年 法治政府建设情况]"  # brackets: a title the cataloguer supplied
    assert "  title = {" + supplied + "}," in bibtex_entry(untitled)
    assert csl_item(untitled)["title"] == supplied
    for style in ("gbt7714", "plain"):
        assert supplied in citation_line(untitled, style=style)
    row = _csv_rows(to_csv([node_row(next(iter_nodes(untitled)))]))[0]
    assert row["title"] == "" and row["display_title"] == "咸宁市 2023年 法治政府建设情况"
    # a report's own title is cited as it is, never bracketed
    titled = replace(report, title="咸宁市人民政府关于2023年法治政府建设情况的报告")
    assert "  title = {咸宁市人民政府关于2023年法治政府建设情况的报告}," in bibtex_entry(titled)
    assert csl_item(titled)["title"] == titled.title
    assert node_row(next(iter_nodes(titled)))["title"] == titled.title


# -- tags and notes as written (QA A4) ----------------------------------------------------

TRICKY_TAGS = [
    ["执法", "=SUM(A1)", "-负号", "@at", "a`b"],
    ["=first", "+plus", "复议"],
    ["``x``", "`", "q`"],
    ["@a", "b"],
]


@pytest.mark.parametrize("tags", TRICKY_TAGS)
def test_csv_guards_the_tags_cell_not_each_tag(report: Report, tags: list[str]) -> None:
    """QA: `执法;'=SUM(A1);'-负号;'@at` — a `'` before every tag inside the joined cell."""
    ref = next(iter(iter_nodes(report)))
    text = render_rows([ref], "csv", annotations=lambda _: (tags, None))
    cell = _csv_rows(text)[0]["tags"]
    joined = ";".join(tags)
    assert cell == ("'" + joined if joined.startswith(("=", "+", "-", "@")) else joined)
    assert cell.removeprefix("'").split(";") == tags


@pytest.mark.parametrize("tags", TRICKY_TAGS)
def test_markdown_keeps_every_tag_exactly(report: Report, tags: list[str]) -> None:
    """QA: a backtick in a tag was written as `'`."""
    from markdown_it import MarkdownIt

    ref = next(iter(iter_nodes(report)))
    text = render_rows([ref], "md", annotations=lambda _: (tags, None))
    (line,) = [line for line in text.splitlines() if line.startswith("Tags: ")]
    tokens = MarkdownIt().parseInline(line)[0].children or []
    assert [t.content for t in tokens if t.type == "code_inline"] == tags


@pytest.mark.parametrize(
    "note",
    ["第一行\n第二行", "一\n二\n三", "段一\n\n段二\n续", "only one line", "*强调*\n# 不是标题"],
)
def test_markdown_keeps_a_notes_line_breaks(report: Report, note: str) -> None:
    """QA: a two-line note was written as two bare lines, which Markdown joins into one."""
    from markdown_it import MarkdownIt

    ref = next(iter(iter_nodes(report)))
    text = render_rows([ref], "md", annotations=lambda _: ((), note))
    html = MarkdownIt().render(text)
    lines = note.split("\n")
    breaks = sum(1 for a, b in itertools.pairwise(lines) if a and b)
    paragraphs = note.count("\n\n")
    assert html.count("<br />") >= breaks
    assert "<h1>不是标题" not in html and "<em>强调</em>" not in html
    for line in note.split("\n"):
        if line:
            assert line.lstrip("# ").replace("*", "") in html
    assert paragraphs == 0 or html.count("<p>") >= 2

"""Report fields in the query: genre:, level:, region:, province:, year: and their - forms,
answered the same way by the browser's filter, `govread search` and the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from govread import store
from govread.corpus import load
from govread.parsers import parse_text
from govread.search import SearchIndex, parse_query

GOVERNMENT_2021 = (
    "深圳市光明区人民政府关于2021年法治政府建设情况的报告\n一、主要工作\n"
    "加强行政复议工作，办结复议案件。\n二、存在问题\n行政复议案件仍然较多。\n"
)
WORK_REPORT_2020 = (
    "政府工作报告\n——2020年1月在坪山区第七届人民代表大会第一次会议上\n各位代表：\n"
    "现在，我代表坪山区人民政府，向大会报告政府工作，请予审议。\n一、2019年工作回顾\n"
    "全面推进行政复议体制改革。\n二、2020年工作安排\n深化改革。\n"
)
DEPARTMENT_2022 = (
    "咸宁市司法局关于2022年法治建设工作情况的报告\n一、工作开展情况\n做好行政复议应诉工作。\n"
    "二、下一步打算\n继续做好复议工作。\n"
)
# (enough text for a file found in a folder to be taken for a report)
_MORE = "坚持依法行政，推进严格规范公正文明执法，健全行政决策制度体系，提升法治政府建设水平。\n" * 2
TEXTS = {
    "guangming": GOVERNMENT_2021 + _MORE,
    "yantian": WORK_REPORT_2020 + _MORE,
    "xianning": DEPARTMENT_2022 + _MORE,
}


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(parse_text(text, path=f"{name}.txt") for name, text in TEXTS.items())


def _regions(index: SearchIndex, query: str) -> list[str]:
    """The regions of the reports the filter finds something in, in order."""
    result = index.filter(query)
    by_sha = {report.sha256: report.region for report in index.reports}
    return [str(by_sha[sha]) for sha in result.report_counts]


def test_field_terms_are_parsed_with_their_negation_and_chinese_names() -> None:
    query = parse_query("复议 genre:政府工作报告 -level:部门 地区：光明 YEAR:2020-2022 -tag:草稿")
    assert [term.text for term in query.terms] == ["复议"]
    assert query.fields == (("genre", "政府工作报告"), ("region", "光明"), ("year", "2020-2022"))
    assert query.excluded_fields == (("level", "部门"),)
    assert query.excluded_tags == ("草稿",)
    # a prefix alone, or an unknown one, is a plain term
    assert [term.text for term in parse_query("genre: colour:red").terms] == [
        "genre:",
        "colour:red",
    ]
    assert not parse_query("year:2022").is_empty


@pytest.mark.parametrize(
    ("query", "regions"),
    [
        ("genre:政府工作报告", ["坪山区"]),
        ("genre:法治", ["光明区", "咸宁市"]),
        ("-genre:政府工作报告", ["光明区", "咸宁市"]),
        ("level:department", ["咸宁市"]),
        ("level:部门", ["咸宁市"]),
        ("level:政府", ["光明区", "坪山区"]),
        ("level:nonsense", []),
        ("region:光明", ["光明区"]),
        ("province:湖北", ["咸宁市"]),
        ("province:广东 -region:坪山", ["光明区"]),
        ("year:2022", ["咸宁市"]),
        ("year:2020..2021", ["光明区", "坪山区"]),
        ("year:twenty", []),
        ("复议 level:government", ["光明区", "坪山区"]),
        ("复议 -year:2021", ["坪山区", "咸宁市"]),
        ("复议 | 改革 genre:工作报告", ["坪山区"]),
    ],
)
def test_the_filter_keeps_the_reports_whose_fields_match(
    index: SearchIndex, query: str, regions: list[str]
) -> None:
    assert _regions(index, query) == regions


def test_fields_alone_match_the_top_of_each_report(index: SearchIndex) -> None:
    result = index.filter("genre:政府工作报告")
    report = next(r for r in index.reports if r.genre == "政府工作报告")
    assert set(result.hits) == {section.id for section in report.sections} | {
        f"{report.id}/preamble"
    }
    assert result.needles == ()  # nothing to highlight in the text


def test_fields_narrow_the_tags_too(index: SearchIndex) -> None:
    department = next(r for r in index.reports if r.issuer_level == "department")
    tagged = {"重点": {section.id for r in index.reports for section in r.sections}}
    result = index.filter("tag:重点 level:部门", tagged=lambda tag: tagged.get(tag, set()))
    assert set(result.ids) == {section.id for section in department.sections}


def test_ranked_search_and_the_store_answer_fields_alike(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    memory = SearchIndex.build(load([folder]).reports, use_cache=False)
    db = tmp_path / "store.sqlite3"
    with store.Store(db) as opened:
        store.index(opened, [folder])
    queries = ["genre:政府工作报告", "复议 level:部门", "复议 -province:湖北", "year:2021 工作"]
    with store.Store(db) as opened:
        searcher = store.StoreSearch(opened)
        for text in queries:
            query = parse_query(text)
            expected = [(hit.node_id, hit.report.region) for hit in memory.search(query)]
            found = [(hit.node_id, hit.report.region) for hit in searcher.search(query)]
            assert found == expected, text
            assert expected, text

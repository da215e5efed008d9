"""The search index on the five samples: query language, ranking, filter results, suggestions."""

from __future__ import annotations

import pytest

from govread import segment
from govread.i18n import set_language
from govread.parsers import Report
from govread.search import FilterResult, Hit, SearchIndex, parse_query


@pytest.fixture(scope="module")
def index(samples: list[Report]) -> SearchIndex:
    return SearchIndex.build(samples)


def regions(result: FilterResult | list[Hit], index: SearchIndex) -> set[str | None]:
    by_sha = {r.sha256: r.region for r in index.reports}
    if isinstance(result, FilterResult):
        return {by_sha[sha] for sha in result.report_counts}
    return {hit.report.region for hit in result}


def unit_texts(index: SearchIndex, ids: frozenset[str] | set[str]) -> list[str]:
    found = [index.unit_text(node_id) for node_id in ids]
    return [heading + "\n" + body for heading, body in (f for f in found if f is not None)]


def test_a_term_matches_as_a_substring(index: SearchIndex) -> None:
    result = index.filter("枫桥经验")
    assert regions(result, index) == {"咸宁市", "宝鸡市"}
    assert all("枫桥经验" in text for text in unit_texts(index, result.ids))


def test_and_means_the_same_section(index: SearchIndex) -> None:
    both = index.filter("行政复议 出庭应诉")
    assert both.ids
    for text in unit_texts(index, both.ids):
        assert "行政复议" in text and "出庭应诉" in text
    # every unit holding both is found: AND is the intersection of the single-term results
    assert both.ids == index.filter("行政复议").ids & index.filter("出庭应诉").ids
    assert len(both.ids) < len(index.filter("行政复议").ids)


def test_or_and_not(index: SearchIndex) -> None:
    either = index.filter("枫桥经验 | 证明事项告知承诺制")
    assert either.ids == index.filter("枫桥经验").ids | index.filter("证明事项告知承诺制").ids
    assert regions(either, index) == {"咸宁市", "宝鸡市", "泾县"}
    without = index.filter("行政复议 -信访")
    assert without.ids == index.filter("行政复议").ids - index.filter("信访").ids
    assert all("信访" not in text for text in unit_texts(index, without.ids))
    assert without.ids < index.filter("行政复议").ids  # 泾县 mentions 信访 next to 行政复议


def test_exclusion_alone_keeps_everything_else(index: SearchIndex) -> None:
    result = index.filter("-法治")
    assert result.ids and all("法治" not in text for text in unit_texts(index, result.ids))


def test_phrase_is_exact_and_never_falls_back_to_words(index: SearchIndex) -> None:
    segment.ensure_loaded()
    phrase = index.filter('"严格规范公正文明执法"')
    assert phrase.ids == index.filter("严格规范公正文明执法").ids
    assert regions(phrase, index) >= {"咸宁市", "株洲市", "秦皇岛市", "宝鸡市"}
    assert not index.filter('"规范执法人员资格"').ids
    spaced = index.filter('"不刁难企业 负面清单"')
    assert not spaced.ids  # the space is part of the phrase; the text has none


def test_full_and_half_width_forms_match_each_other(index: SearchIndex) -> None:
    full = index.filter("１００％")
    assert full.ids and full.ids == index.filter("100%").ids
    assert "咸宁市" in regions(full, index)  # 出庭应诉率达100%
    hit = index.search("出庭应诉率达１００％")[0]
    assert hit.match == "exact"
    assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["出庭应诉率达100%"]


def test_word_fallback_finds_a_phrase_written_differently(index: SearchIndex) -> None:
    segment.ensure_loaded()
    assert not index.filter('"规范执法人员资格"').ids  # nowhere verbatim
    result = index.filter("规范执法人员资格")
    assert not result.words_pending
    qhd = next(r for r in index.reports if r.region == "秦皇岛市")
    section = next(s for s in qhd.walk() if s.heading == "加强行政执法人员培训和资格管理")
    assert section.id in result.ids
    assert section.id in result.word_ids
    hits = index.search("规范执法人员资格")
    assert hits and all(hit.match == "words" for hit in hits)
    qhd_hit = next(hit for hit in hits if hit.node_id == section.id)
    assert [qhd_hit.heading[a:b] for a, b in qhd_hit.heading_spans] == ["执法人员", "资格"]
    # units holding every word rank above those missing one
    full = [h for h in hits if all(w in h.heading + h.text for w in ("规范", "执法人员", "资格"))]
    assert full and hits.index(full[-1]) < hits.index(qhd_hit)


def test_exact_hits_rank_above_word_hits(index: SearchIndex) -> None:
    segment.ensure_loaded()
    hits = index.search("枫桥经验 | 规范执法人员资格")
    kinds = [hit.match for hit in hits]
    assert "exact" in kinds and "words" in kinds
    assert kinds == sorted(kinds)  # "exact" < "words"


def test_word_fallback_is_pending_until_jieba_is_loaded(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segment, "is_loaded", lambda: False)
    result = index.filter("规范执法人员资格")
    assert result.words_pending and not result.ids
    assert index.filter("行政复议").ids and not index.filter("行政复议").words_pending


def test_ranking_prefers_the_section_about_the_term(index: SearchIndex) -> None:
    hits = index.search("行政复议")
    assert hits[0].heading == "深化行政复议与应诉工作"  # 秦皇岛's section on it
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(hit.score > 0 for hit in hits)
    assert len({hit.node_id for hit in hits}) == len(hits)


def test_hits_carry_what_the_hit_list_shows(index: SearchIndex) -> None:
    hit = index.search("证明事项告知承诺制")[0]
    assert hit.report.region in {"泾县", "宝鸡市"}
    assert hit.section[-1] == hit.heading
    assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["证明事项告知承诺制"]
    assert [hit.text[a:b] for a, b in hit.text_spans] == ["证明事项告知承诺制"]
    assert len(hit.snippet) <= 2 + 40 + len("证明事项告知承诺制") + 40
    record = hit.to_json()
    for key in ("path", "region", "year", "section", "heading", "snippet", "score", "match"):
        assert key in record


def test_an_item_is_listed_instead_of_its_section_when_it_holds_every_match(
    index: SearchIndex,
) -> None:
    hits = index.search("资格考试")
    zz = next(hit for hit in hits if hit.report.region == "株洲市")
    assert zz.kind == "item" and zz.heading == "严格行政执法人员资格管理"
    assert zz.section == ("全面推进严格规范公正文明执法", "严格行政执法人员资格管理")
    filtered = index.filter("资格考试")
    assert zz.node_id in filtered.ids
    assert zz.node_id.split("#")[0] in filtered.ids  # the filter keeps the section too


def test_preamble_and_closing_are_searched(index: SearchIndex) -> None:
    result = index.filter("自然生态公园城市")  # only in 咸宁's preamble
    assert len(result.ids) == 1 and next(iter(result.ids)).endswith("/preamble")
    hit = index.search("自然生态公园城市")[0]
    # named in the interface language (QA: 结尾 in the English hits list)
    assert hit.kind == "preamble" and hit.section == ("Preamble",) == (hit.heading,)
    closing = index.filter("全力争创全国法治政府建设示范市")  # 株洲's closing
    assert any(node_id.endswith("/closing") for node_id in closing.ids)
    hit = next(h for h in index.search("全力争创全国法治政府建设示范市") if h.kind == "closing")
    assert hit.section == ("Closing",)
    set_language("zh")
    try:
        assert index.search("全力争创全国法治政府建设示范市")[0].section == ("结尾",)
    finally:
        set_language("en")


def test_filter_gives_ancestors_counts_and_order(index: SearchIndex) -> None:
    result = index.filter("首违不罚")
    zz = next(r for r in index.reports if r.region == "株洲市")
    assert result.report_counts == {zz.sha256: result.total}
    for node_id in result.ids:
        section_id = node_id.split("#")[0]
        parts = section_id.split("/")[1].split(".") if "/" in section_id else []
        for depth in range(1, len(parts)):
            assert f"{section_id.split('/')[0]}/{'.'.join(parts[:depth])}" in result.ancestors
    # document order across reports, each id once
    assert len(result.order) == len(set(result.order)) == len(result.ids)
    whole = index.filter("行政复议")
    positions = [r.id for r in index.reports]
    keys = [positions.index(node_id.split("/")[0]) for node_id in whole.order]
    assert keys == sorted(keys)
    assert sum(whole.report_counts.values()) == whole.total
    top = next(s for s in zz.sections if s.heading == "全面推进严格规范公正文明执法")
    assert result.section_counts[top.id] >= 1


def test_empty_query_matches_nothing(index: SearchIndex) -> None:
    assert index.filter("").total == 0
    assert index.filter(" | ").ids == frozenset()
    assert index.search("") == []


def test_typing_narrows_incrementally_with_the_same_answers(samples: list[Report]) -> None:
    fresh = SearchIndex.build(samples)
    typed = [fresh.filter(prefix).ids for prefix in ("行", "行政", "行政复", "行政复议")]
    cold = SearchIndex.build(samples)
    assert typed[-1] == cold.filter("行政复议").ids
    assert typed[0] >= typed[1] >= typed[2] >= typed[3]


def test_add_makes_a_report_searchable(samples: list[Report]) -> None:
    grown = SearchIndex.build(samples[:1])
    assert not grown.filter("秦皇岛").ids
    for report in samples[1:]:
        grown.add(report)
    assert grown.filter("秦皇岛").ids


def test_suggestions_come_from_the_open_reports(index: SearchIndex) -> None:
    index.segment_reports()
    found = index.suggest("行政", 10)
    assert found and all(s.startswith("行政") and s != "行政" for s in found)
    assert "行政复议" in found and "行政执法" in found
    assert len(found) <= 10
    assert "证明事项告知承诺制" in index.suggest("证明事项", 5)
    assert index.suggest("", 5) == [] and index.suggest("行政", 0) == []


def test_suggestions_before_segmentation_use_dictionary_terms(samples: list[Report]) -> None:
    unsegmented = SearchIndex.build(samples)
    found = unsegmented.suggest("枫桥", 5)
    assert found == ["枫桥经验"]
    assert "营商环境" in unsegmented.suggest("营商", 5)


def test_filter_counts_each_match_once_per_report(index: SearchIndex) -> None:
    result = index.filter("行政复议 | 枫桥经验")
    assert sum(result.report_counts.values()) == len(result.ids) == result.total


def test_filtering_while_a_worker_segments(samples: list[Report]) -> None:
    import threading

    fresh = SearchIndex.build(samples, use_cache=False)
    expected = fresh.filter("行政执法 -信访").ids
    worker = threading.Thread(target=fresh.segment_reports)
    worker.start()
    answers = [fresh.filter(q).ids for q in ("行", "行政", "行政执", "行政执法 -信访") * 5]
    worker.join()
    assert fresh.tokens_ready
    assert answers[-1] == expected
    assert fresh.search("行政执法 -信访")


def test_the_extent_of_the_matches_is_that_of_every_span() -> None:
    """The item rule reads only the first and last match (`match_extent`): the same bounds
    as every span found, folding that changes lengths (ß, ﬁ, ½) and overlapping needles
    included."""
    from govread.search import _spans_in, any_match, fold, match_extent

    texts = [
        "依法行政，行政复议和行政诉讼。",
        "Straße ﬁnal ½ aaaa 法法法",
        "",
        "复议" * 5,
        "ＡＢＣ abc ＡbＣ",
    ]
    needle_sets = [["法"], ["行政", "复议"], ["aa"], ["ss"], ["fi", "1⁄2"], ["abc"], [], ["不在"]]
    for text in texts:
        folded = fold(text)
        for needles in needle_sets:
            spans = _spans_in(folded, needles)
            expected = [(spans[0][0], max(end for _start, end in spans))] if spans else []
            assert match_extent(folded, needles) == expected, (text, needles)
            assert any_match(folded, needles) == bool(spans), (text, needles)


def test_hits_found_from_the_indexed_sections_follow_the_per_unit_rule(
    index: SearchIndex,
) -> None:
    """`_hits` (each item's section found when the report was indexed) gives what the
    rule `is_hit`, applied unit by unit with sections looked up by id, gives."""
    from govread.search import is_hit, iter_hit_units, parse_query

    units, by_id = index._units, index._by_id
    left_to_an_item = 0
    for query in ("行政复议", "法治", "执法", "行政 | 复议", "-信访 规范性文件", "政府"):
        match = index._match(parse_query(query))
        needles = [n for plan in match.plans for n in plan.needles]
        matched = set(match.units)

        def section_of(i: int, matched: set[int] = matched) -> int | None:
            section = units[i].section
            assert section is not None
            found = by_id.get(section.id)
            return found if found is not None and found in matched else None

        def sole(i: int, matched: set[int] = matched, needles: list[str] = needles) -> int | None:
            return index._sole_item(i, matched, needles)

        expected = list(iter_hit_units(match.units, lambda i: units[i].kind, section_of, sole))
        assert index._hits(match.units, needles) == expected
        left_to_an_item += sum(
            1
            for i in match.units
            if units[i].kind == "section" and not is_hit(i, "section", None, sole)
        )
    assert left_to_an_item  # the queries do reach the sections an item stands for


def _enclosing(node_id: str) -> list[str]:
    """The sections above a unit, from its id alone (``r/1.2#3`` is in ``r/1.2`` and ``r/1``)."""
    report, _slash, rest = node_id.partition("/")
    section = rest.split("#", 1)[0]
    if section in ("preamble", "closing"):
        return []
    parts = section.split(".")
    depth = len(parts) if "#" in rest else len(parts) - 1
    return [f"{report}/{'.'.join(parts[:n])}" for n in range(1, depth + 1)]


@pytest.mark.parametrize("query", ["法", "行政复议", "行政 -复议", "-信访", "复议 | 诉讼"])
def test_a_reports_part_of_the_answer_is_made_for_it_alone_and_is_the_whole_answers(
    index: SearchIndex, query: str
) -> None:
    """The outline asks the in-memory answer one report at a time (`in_report`), as a
    store's: its matching ids, the sections above them and each section's hits (a hit
    counts in the section it is and in every one above it) are what the whole answer
    holds for that report; the whole sets, made only when read, are the same."""
    result = index.filter(query)
    assert result.total, query
    order = list(result.order)
    assert len(result.ids) == len(order) and set(result.ids) == set(order)
    counts: dict[str, int] = {}
    for hit in result.hits:
        own = [] if "#" in hit or hit.endswith(("/preamble", "/closing")) else [hit]
        for section in [*_enclosing(hit), *own]:
            counts[section] = counts.get(section, 0) + 1
    assert dict(result.section_counts) == counts
    assert set(result.ancestors) == {a for i in order for a in _enclosing(i)}
    for report in index.reports:
        key = report.id
        part = result.in_report(key)
        mine = {i for i in order if i.split("/", 1)[0] == key}
        assert set(part.ids) == mine and all(i in result.ids for i in mine)
        assert set(part.ancestors) == {a for i in mine for a in _enclosing(i)}
        assert dict(part.section_counts) == {
            k: n for k, n in counts.items() if k.split("/", 1)[0] == key
        }
        assert (key in result.sectioned_reports()) == bool(part.section_counts)
        shown = sum(1 for i in result.hits if i.split("/", 1)[0] == key)
        assert result.report_counts.get(report.sha256, 0) == shown
    assert not any(i in result.ids for i in ("nothing/1", "", "x"))
    assert result.ids == index.filter(query).ids  # (answers compared by their places)


def test_a_read_ahead_finds_the_needles_the_filter_will_look_for(samples: list[Report]) -> None:
    """Each key reads ahead what the query's filter will scan for (its terms, a term's
    words when it is found nowhere verbatim, its excluded terms), so that the filter,
    asked once typing settles, finds it cached: the same answer as without it. A read
    given up (the next key came) caches nothing it did not finish."""
    fresh = SearchIndex.build(samples)
    fresh.read_ahead("复议 -法", cancelled=lambda: True)  # the next key came at once
    assert not fresh._needle_cache
    fresh.read_ahead("复议 -法", cancelled=lambda: False)
    assert {"复议", "法"} <= set(fresh._needle_cache)
    assert fresh.filter("复议 -法") == SearchIndex.build(samples).filter("复议 -法")
    segment.ensure_loaded()
    fresh.read_ahead("规范执法人员资格", cancelled=lambda: False)  # nowhere verbatim
    assert set(segment.words("规范执法人员资格")) <= set(fresh._needle_cache)
    calls = iter([False, False, True])  # given up before the second term
    fresh.read_ahead("法治 行政诉讼 信访", cancelled=lambda: next(calls, True))
    assert "法治" in fresh._needle_cache and "信访" not in fresh._needle_cache


def test_a_query_in_traditional_script_finds_the_simplified_text() -> None:
    """QA: a report saved from a 繁體 page is read as simplified, so a query copied from the
    file as written (`o`) or typed in traditional script found nothing in it, nor in any
    simplified report. Folding reads the characters only traditional script writes as their
    simplified ones, in text and query alike, one character for one (spans stay right)."""
    from govread.parsers import parse_text

    report = parse_text(
        "某县人民政府关于2023年法治政府建设情况的报告\n一、主要工作\n"
        "全年办理行政复议案件5件，依法审查规范性文件8件。\n",
        path="x.txt",
    )
    index = SearchIndex.build([report])
    simplified = index.filter("行政复议")
    assert simplified.ids
    assert index.filter("行政復議").ids == simplified.ids
    assert index.filter("審查").ids == index.filter("审查").ids != frozenset()
    hit = index.search("行政復議")[0]
    assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["行政复议"]
    assert not index.filter("於").ids  # 於 is written in simplified text too: never folded


def test_two_files_of_one_text_each_keep_their_own_hits(samples: list[Report]) -> None:
    """QA: the same text in a.txt and b.txt shares its units' ids; an item of b.txt was
    placed under a.txt's section, so b.txt lost hits that a.txt kept (法治: 12 and 11).
    Each copy is searched as its own report: what it alone gives, once per file."""
    import dataclasses

    for report in samples:
        copy = dataclasses.replace(report, path="b.txt")
        alone, both = SearchIndex.build([report]), SearchIndex.build([report, copy])
        for term in ("法治", "执法", "行政复议"):
            query = parse_query(term)
            once = [(h.node_id, h.kind) for h in alone.search(query, limit=None)]
            hits = both.search(query, limit=None)
            assert [(h.node_id, h.kind) for h in hits if h.report is report] == once
            assert [(h.node_id, h.kind) for h in hits if h.report is copy] == once
            assert len(both.filter(query).hits) == 2 * len(alone.filter(query).hits)


def test_fold_is_the_character_by_character_fold_whatever_it_has_learned() -> None:
    """`fold` looks only at the characters outside its snapshot of those that fold to
    themselves: the text is folded as each character alone folds (`_fold_char`), offsets
    too, before and after the snapshot is compiled anew and with folds that resize (ß, ½)."""
    import random

    from govread.search import _fold_char, _unusual, fold

    def reference(text: str) -> tuple[str, tuple[int, ...] | None]:
        folds = [_fold_char(ch) for ch in text]
        if all(len(f) == 1 for f in folds):
            return "".join(folds), None
        return "".join(folds), tuple(i for i, f in enumerate(folds) for _ in f)

    pools = [
        (0x20, 0x7F),
        (0x4E00, 0x9FFF),  # CJK: enough new plain characters to compile the snapshot again
        (0xFF00, 0xFFEF),  # full-width forms: fold to ASCII
        (0x2460, 0x24FF),  # circled numbers: ⑩ → 10 resizes
        (0xC0, 0x250),  # Latin letters: ß → ss
        (0x300, 0x370),  # combining marks
        (0xD800, 0xD810),  # lone surrogates
    ]
    rng = random.Random(7)
    snapshots = {_unusual[1]}
    for _ in range(3000):
        text = "".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(rng.randrange(0, 40)))
        folded = fold(text)
        assert (folded.text, folded.offsets) == reference(text), text
        from govread.search import _unusual as now

        snapshots.add(now[1])
    assert len(snapshots) > 2  # compiled anew along the way

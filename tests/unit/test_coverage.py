"""Theme coverage on the samples: who speaks to which theme of the 纲要, and how much."""

from __future__ import annotations

import pytest

from govread.coverage import coverage, theme_columns
from govread.parsers import Report, parse_text


def by_region(samples: list[Report], region: str) -> Report:
    return next(r for r in samples if r.region == region)


def test_shares_add_up_and_follow_the_lexicon_order(samples: list[Report]) -> None:
    columns = [theme_id for theme_id, _ in theme_columns()]
    for report in samples:
        found = coverage(report)
        assert [s.theme for s in found.themes] == columns
        assert sum(s.share for s in found.themes) == pytest.approx(1.0)
        assert sum(s.chars for s in found.themes) == found.total_chars > 1000


def test_baoji_has_sections_on_emergencies_and_digital_government(samples: list[Report]) -> None:
    # 五、突发事件应对体系不断完善 and 八、数字法治政府建设加快推进
    found = coverage(by_region(samples, "宝鸡市"))
    assert found.of("emergencies").units >= 1 and found.of("emergencies").share > 0.03
    assert found.of("digital").units >= 1 and found.of("digital").share > 0.03
    assert found.of("problems").units >= 1  # its closing paragraph on 存在一些问题


def test_xianning_names_emergencies_only_in_passing(samples: list[Report]) -> None:
    found = coverage(by_region(samples, "咸宁市"))
    # 市交通运输、应急两支综合执法支队正式挂牌成立: a word of the topic, in a unit on another
    emergencies = found.of("emergencies")
    assert not emergencies.covered and emergencies.mentions == 1
    assert "emergencies" not in found.silent
    assert found.of("next_steps").units == 5  # 二、下一步工作安排: its opening and (一)…(四)
    assert found.of("leadership").units >= 2  # 1.深入学习贯彻习近平法治思想, 2.压紧压实…责任


def test_coverage_places_every_unit_where_the_comparison_does(samples: list[Report]) -> None:
    """One placing of units on themes: the table tallies the comparison's units (and the
    preamble, which the comparison sets against nothing), each on the comparison's theme."""
    from govread.compare import report_units
    from govread.coverage import _units
    from govread.topics import cjk_len, load_lexicon

    for report in samples:
        tallied = [
            (theme, node_id)
            for theme, _size, node_id, _covers in _units(report, load_lexicon())
            if not node_id.endswith("/preamble")
        ]
        compared = [(u.theme, u.node_id) for u in report_units(report) if cjk_len(u.text) >= 6]
        assert tallied == compared, report.region


def test_problems_after_a_lead_in_are_problems_in_the_table() -> None:
    """Read beside `govread compare`: a section's own text turning to its shortcomings
    (…还存在一些问题和不足：一是…二是…) was tallied under 行政执法 and its two items under 政府职能,
    so the table said the report was silent on 存在的问题 while compare set them against the
    other report's problems."""
    text = (
        "某区人民政府关于2023年法治政府建设情况的报告\n一、主要工作\n"
        "全年开展行政执法案卷评查120卷，落实行政执法三项制度，推进严格规范公正文明执法。\n"
        "在肯定成绩的同时，我们也清醒地看到，工作中还存在一些问题和不足：一是优化营商环境的"
        "举措还不够多，市场主体的获得感有待增强；二是政务服务事项网上办理的深度还不够。\n"
        "二、下一步工作安排\n2024年，我区将深入学习贯彻习近平法治思想，持续推进法治政府建设。\n"
    )
    found = coverage(parse_text(text, path="x.txt"))
    assert found.of("problems").units == 3  # the lead-in and its two items
    assert found.of("functions").units == 0
    assert found.of("enforcement").units == 1
    assert found.of("enforcement").chars == len(
        "全年开展行政执法案卷评查卷落实行政执法三项制度推进严格规范公正文明执法"
    )


def test_a_report_without_text_has_no_share() -> None:
    found = coverage(parse_text("某县2023年法治政府建设情况", path="x.txt"))
    assert found.total_chars == 0
    assert all(s.share == 0.0 and s.units == 0 for s in found.themes)


def test_a_closing_paragraph_that_turns_to_plans_counts_its_plans(samples: list[Report]) -> None:
    """QA walk: 株洲 2024 closes with one paragraph, its shortcomings then 下阶段，我市将…
    一是…二是…三是…; coverage put it all under 存在的问题 and said 下一步工作 0 (0), while
    `govread check` found the year's plans there."""
    found = coverage(by_region(samples, "株洲市"))
    # the plans' lead (下阶段，我市将…) and its 一是…三是, four units as the comparison cuts them
    assert found.of("next_steps").units == 4 and found.of("next_steps").share > 0.05
    assert found.of("problems").units == 1
    text = (
        "某县人民政府关于2023年法治政府建设情况的报告\n一、主要工作\n全年审查规范性文件8件，"
        "办理行政复议案件5件，推进严格规范公正文明执法。\n"
        "2023年，我县法治政府建设取得一定成效，但仍存在一些不足，基层执法力量薄弱。"
        "下一步，我县将加强执法培训，完善行政复议制度，深入开展普法宣传。\n"
    )
    one = coverage(parse_text(text, path="x.txt"))
    assert one.of("problems").units == 1 and one.of("next_steps").units == 1
    assert one.of("next_steps").chars == len(
        "下一步我县将加强执法培训完善行政复议制度深入开展普法宣传"
    )


# A chapter mainly on rules that also sets out 重大行政决策 procedure (invented text).
_RULES_WITH_DECISIONS = (
    "某县人民政府关于2023年法治政府建设情况的报告\n"
    "一、完善制度体系\n"
    "全年审查规范性文件12件，清理规范性文件30件，推进规范性文件备案审查，"
    "完善立法和规范性文件制度。严格落实重大行政决策程序规定，重大行政决策事项目录"
    "向社会公布，开展重大行政决策合法性审查。\n"
    "二、推进严格执法\n"
    "深化行政执法体制改革，落实行政执法三项制度，开展行政执法案卷评查。\n"
)


def test_a_theme_covered_inside_another_units_text_is_not_silent() -> None:
    """QA walk: coverage showed "·" (silent) on 行政决策 for a report whose chapter on rules
    sets out 重大行政决策程序, while the timeline said "in 三、" and compare did not call it
    silent. One rule (`topics.covered_themes`) decides "covers" for all three."""
    from govread.compare import report_units
    from govread.topics import load_lexicon

    report = parse_text(_RULES_WITH_DECISIONS, path="x.txt")
    found = coverage(report)
    decisions = found.of("decisions")
    assert decisions.units == 0 and decisions.within >= 1 and decisions.covered
    assert decisions.first_node is not None and decisions.first_node.startswith(report.id)
    assert "decisions" not in found.silent
    assert "emergencies" in found.silent
    lexicon = load_lexicon()
    units = report_units(report, lexicon)
    by_compare = {t for t in lexicon.order if t != "other" and not any(u.covers(t) for u in units)}
    assert set(found.silent) == by_compare


def test_a_chapter_headed_by_a_later_year_is_plans_as_the_comparison_says() -> None:
    """QA: a chapter headed `三、2024年法治政府建设重点` in a 2023 report is next year's plans
    for the comparison, the timeline and the checklist (`plan_phase`), but coverage counted
    its units as the year's work, on their subject themes."""
    from govread.plan_phase import heading_phase
    from govread.topics import load_lexicon

    text = (
        "某县人民政府关于2023年法治政府建设情况的报告\n"
        "一、主要工作\n全年审查规范性文件8件，办理行政复议案件5件，推进严格规范公正文明执法。\n"
        "二、2024年法治政府建设重点\n"
        "（一）强化党的领导\n深入学习贯彻习近平法治思想，压实党政主要负责人履行推进法治建设"
        "第一责任人职责，把法治政府建设纳入党委理论学习中心组学习内容。\n"
        "（二）健全应急体系\n加强突发事件应对，完善应急预案体系，开展应急演练，提升应急处置"
        "能力和水平，依法做好突发事件预防和处置工作。\n"
    )
    report = parse_text(text, path="x.txt")
    found = coverage(report)
    # the comparison's units read their chapter's phase with this same function
    assert heading_phase(report.sections[1].heading, report.year, load_lexicon()) == "next_steps"
    assert found.of("next_steps").units == 2
    assert found.of("leadership").units == 0 and found.of("emergencies").units == 0


@pytest.mark.parametrize(
    ("share", "shown"), [(0.0, "0"), (0.004, "<1"), (0.005, "<1"), (0.0051, "1"), (0.42, "42")]
)
def test_a_share_that_rounds_to_nothing_is_said_as_under_one_percent(
    share: float, shown: str
) -> None:
    """QA: 福田's one unit on 党的领导 showed as `0% (1)`: a topic covered is never 0."""
    from govread.coverage import percent

    assert percent(share) == shown


def _section_themes(report: Report) -> tuple[dict[str, str], dict[str, str]]:
    """Each section's main theme by the coverage table and by the comparison (sections the
    comparison keeps whole, one unit)."""
    from govread import coverage as coverage_module
    from govread.compare import report_units
    from govread.topics import load_lexicon

    lexicon = load_lexicon()
    by_coverage = {node: theme for theme, _, node, _ in coverage_module._units(report, lexicon)}
    units: dict[str, list[tuple[str, str]]] = {}
    for unit in report_units(report, lexicon):
        units.setdefault(unit.node_id, []).append((unit.kind, unit.theme))
    by_compare = {
        node: found[0][1]
        for node, found in units.items()
        if len(found) == 1 and found[0][0] == "section" and node in by_coverage
    }
    return {node: by_coverage[node] for node in by_compare}, by_compare


def test_coverage_and_compare_name_one_main_theme_for_each_section(
    samples: list[Report],
) -> None:
    # 秦皇岛's 保护生态环境 section (158 characters, 1.9 subject points a hundred) was on
    # 政府职能 in the coverage table and on 其他 in the comparison: two rules of "on no theme"
    qinhuangdao = by_region(samples, "秦皇岛市")
    by_coverage, by_compare = _section_themes(qinhuangdao)
    node = f"{qinhuangdao.id}/2.4"
    assert by_compare[node] == "other"
    assert by_coverage[node] == "other"
    for report in samples:
        by_coverage, by_compare = _section_themes(report)
        assert by_coverage == by_compare


def test_a_long_section_whose_words_cover_no_theme_is_on_none_in_both() -> None:
    # invented: a 城区建设 section of a work report, on 调解 by one 纠纷 word in 190 characters
    text = (
        "一、城区建设\n"
        "完成旧城改造项目十二个，新建道路八公里，改造老旧小区三十个，新增公园绿地二十万平方米。"
        "推进地铁站点周边综合开发，建成人才住房一千套，新增停车位五千个，完善城市照明设施。"
        "实施河道整治工程，建设碧道二十公里，新建口袋公园十五个，城区面貌持续改善。"
        "妥善处理拆迁补偿纠纷，推进片区统筹规划，建设现代化国际化城区。"
        "加快产业园区建设，新增产业空间五十万平方米，引进重点企业三十家。\n"
    )
    report = parse_text(text, path="a.txt")
    by_coverage, by_compare = _section_themes(report)
    assert by_compare == by_coverage
    assert set(by_compare.values()) == {"other"}

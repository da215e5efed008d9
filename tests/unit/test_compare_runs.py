"""A long flat section meets each unit of the other report that a run of its sentences is
most like, across themes (issue 14: rows n-to-m, a large unit's secondary subjects matched):
泾县 writes 执法裁量权, 案卷评查 and then 法治专项巡察 in one paragraph under 规范执法, while a
reader sets its 巡察 sentences against the other report's 法治督察 section, on 党的领导.

Invented reports in the genre; the samples only give the IDF its corpus."""

from __future__ import annotations

import itertools

import pytest

from govread import compare as compare_module
from govread.compare import Comparison, compare
from govread.corpus import load, sample_paths
from govread.parsers.model import Report
from govread.parsers.outline import parse_text

_FLAT = (
    "某县2023年法治政府建设情况的报告\n"
    "一、2023年法治政府建设主要举措和成效\n"
    "(一)以规范执法为目标,严格权力运行。出台《关于规范行政执法自由裁量权的实施意见》,"
    "细化行政处罚裁量基准,建立涉企行政处罚案件季度备案制度。全年全县行政执法单位共办理行政"
    "处罚案件960件,开展案卷评查120卷,纠正问题案卷5件。将法治建设专项检查纳入县委巡察重点,"
    "组织专人对被巡察单位开展法治建设专项检查,坚持问题导向,逐项查漏补缺、补齐短板。全年共对"
    "全县10个单位开展法治专项巡察,反馈整改问题30个,立行立改6个。\n"
    "(二)以化解矛盾为基点,维护社会和谐。全年共调解矛盾纠纷2100件,调解成功2080件,"
    "办理行政复议案件18件,纠错2件。\n"
)
_SECTIONS = (
    "某市2023年法治政府建设情况的报告\n"
    "一、深入推进严格规范公正文明执法\n"
    "开展全市行政执法案卷评查,评查行政处罚案卷300卷,发现问题案卷12卷并督促整改。"
    "修订行政处罚裁量基准,规范行政执法自由裁量权。\n"
    "二、压实法治建设第一责任人职责\n"
    "开展法治政府建设专项督察,组织专人对15个单位开展实地检查,坚持问题导向,查漏补缺,"
    "反馈整改问题40个,已全部整改到位。\n"
    "三、多元化解矛盾纠纷\n"
    "全市调解矛盾纠纷5000件,调解成功率98%,办理行政复议案件60件。\n"
)


@pytest.fixture(scope="module")
def corpus() -> list[Report]:
    return load(sample_paths(), use_cache=False).reports


def _rows(comparison: Comparison) -> list[tuple[str, bool, list[str], list[str]]]:
    return [
        (
            p.theme,
            p.secondary,
            [u.node_id.split("/")[-1] for u in p.a],
            [u.node_id.split("/")[-1] for u in p.b],
        )
        for p in comparison.pairs
    ]


def test_a_run_of_a_flat_section_meets_a_unit_on_another_theme(corpus: list[Report]) -> None:
    flat, sections = parse_text(_FLAT, path="a.txt"), parse_text(_SECTIONS, path="b.txt")
    comparison = compare(flat, sections, corpus)
    rows = _rows(comparison)
    # the section keeps its own row, on 行政执法, and its 巡察 sentences meet B's 督察
    # section on 党的领导; that section is no longer a gap saying A has nothing like it
    assert ("enforcement", False, ["1.1"], ["1"]) in rows
    assert ("leadership", True, ["1.1"], ["2"]) in rows
    assert ("leadership", False, [], ["2"]) not in rows
    (row,) = [p for p in comparison.pairs if p.theme == "leadership"]
    ((key, paragraph, start, end),) = row.passages
    host = comparison.units_a[0]
    assert key == host.key
    section = flat.find(host.node_id)
    assert section is not None
    assert "巡察" in section.paragraphs[paragraph][start:end]
    # the rows of each theme stay together, in the lexicon's order
    themes = [p.theme for p in comparison.pairs]
    assert themes == sorted(themes, key=comparison.theme_ids().index)


def test_swapping_the_reports_swaps_the_run_row(corpus: list[Report]) -> None:
    flat, sections = parse_text(_FLAT, path="a.txt"), parse_text(_SECTIONS, path="b.txt")
    ab = _rows(compare(flat, sections, corpus))
    ba = _rows(compare(sections, flat, corpus))
    assert sorted(ab) == sorted((t, s, b, a) for t, s, a, b in ba)


def test_no_run_meets_a_unit_already_met_by_a_more_alike_partner(corpus: list[Report]) -> None:
    # A now reports its 督察 in a section of its own: B's 督察 section pairs with it, which is
    # more like it than the flat section's 巡察 sentences; no second row
    own = _FLAT.replace(
        "(二)以化解矛盾为基点",
        "(二)压实法治建设第一责任人职责。开展法治政府建设专项督察,组织专人对12个单位开展"
        "实地检查,反馈整改问题35个,已全部整改到位。\n(三)以化解矛盾为基点",
    )
    rows = _rows(
        compare(parse_text(own, path="a.txt"), parse_text(_SECTIONS, path="b.txt"), corpus)
    )
    assert [r for r in rows if r[0] == "leadership"] == [("leadership", False, ["1.2"], ["2"])]


def test_without_the_bar_in_reach_no_run_meets_anything(
    corpus: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compare_module, "RUN_THRESHOLD", 2.0)
    flat, sections = parse_text(_FLAT, path="a.txt"), parse_text(_SECTIONS, path="b.txt")
    rows = _rows(compare(flat, sections, corpus))
    assert ("leadership", False, [], ["2"]) in rows
    assert not any(secondary for _, secondary, _, _ in rows)


def test_a_section_shorter_than_two_runs_is_not_read_in_runs(corpus: list[Report]) -> None:
    section = parse_text(_FLAT, path="a.txt")
    units = compare_module.report_units(section)
    short = next(u for u in units if u.node_id.endswith("/1.2"))
    assert compare_module.cjk_len(short.text) < compare_module.RUN_MIN_CHARS
    long = next(u for u in units if u.node_id.endswith("/1.1"))
    runs = compare_module._runs(section, long)
    assert len(runs) >= 2
    # each run but a paragraph's last is RUN_CHARS long at least, and they follow each other
    found = section.find(long.node_id)
    assert found is not None
    text = found.paragraphs[0]
    for (_, _, end, _), (_, start, _, _) in itertools.pairwise(runs):
        assert end <= start
    for _, start, end, _ in runs[:-1]:
        assert compare_module.cjk_len(text[start:end]) >= compare_module.RUN_CHARS


def test_a_run_of_a_long_plan_meets_the_plan_it_is_most_like(corpus: list[Report]) -> None:
    # a work report's plan section on 产业, 国土空间规划 and 科技创新: its 国土空间 sentences
    # answer B's 前瞻性规划 plan, which pairs with A's shorter 城市更新 plan for their words on
    # 片区 and 城市设计; a plan meets plans, never the achievements
    a = parse_text(
        "某区2023年政府工作报告\n一、2023年工作回顾\n"
        "全年地区生产总值增长6%,新引进企业120家,建成公共住房3000套,政务服务事项全部网上办理。\n"
        "二、2024年工作安排\n"
        "(一)推动经济高质量发展。完善产业规划政策体系,落实现代产业体系中长期发展规划,突出金融、"
        "科技、文化特色,积极构建现代产业体系。高质量开展国土空间分区规划编制工作,统筹协调陆海国土"
        "资源,划定生态保护红线。加快科技创新平台建设,支持企业建设研发机构,培育高新技术企业200家,"
        "推动规模以上工业企业研发活动全覆盖。\n"
        "(二)推进城市有机更新。实施重点片区城市设计,推进城市更新项目12个,完善片区交通和公共配套。\n",
        path="a.txt",
    )
    b = parse_text(
        "某区2023年政府工作报告\n一、2023年工作回顾\n"
        "全年新增市场主体8000户,完成城市更新项目12个,引进高层次人才200名。\n"
        "二、2024年工作安排\n"
        "一是坚持前瞻性规划。编制完成区国土空间分区规划,统筹协调陆海国土资源,推进重点片区城市设计。"
        "二是加快产业转型。培育现代产业体系,壮大金融和文化产业。\n",
        path="b.txt",
    )
    rows = _rows(compare(a, b, corpus))
    assert ("next_steps", False, ["2.2"], ["2#1"]) in rows
    assert ("next_steps", True, ["2.1"], ["2#1"]) in rows
    assert [r for r in rows if r[1]] == [("next_steps", True, ["2.1"], ["2#1"])]


# A flat section on several pieces of work (training, 案卷评查, 投诉, 执法记录仪, 专项执法), the
# only unit of its report on 行政执法, against a report writing two items on it.
_FLAT_WORK = (
    "某县2023年法治政府建设情况的报告\n"
    "一、2023年法治政府建设主要举措和成效\n"
    "(一)以规范执法为目标,提升执法水平。组织全县行政执法人员开展集中培训,参训执法人员600余人,"
    "专题学习行政处罚法。开展行政执法案卷评查,评查案卷150卷,纠正问题案卷4件。"
    "公布行政执法投诉电话,全年受理执法投诉12件,全部办结。"
    "推行执法全过程记录制度,为乡镇配备执法记录仪200台,实现执法过程全程留痕。"
    "集中开展安全生产、食品药品等重点领域执法行动,查处违法案件300余件。\n"
)


def _items(second: str) -> Report:
    return parse_text(
        "某市2023年法治政府建设情况的报告\n"
        "一、深入推进严格规范公正文明执法\n"
        "一是抓实执法培训。组织全市行政执法人员开展行政处罚法专题培训,参训执法人员3000余人次。\n"
        f"{second}\n",
        path="b.txt",
    )


def test_a_leftover_whose_words_are_scattered_over_a_flat_section_stays_out_of_its_row(
    corpus: list[Report],
) -> None:
    # B's 涉企检查 item shares 投诉, 记录仪, 集中 and 领域 with A's section, each in another
    # of its sentences: no passage of the section speaks to it more than the whole does
    items = _items(
        "二是规范涉企检查。建立涉企检查备案制度,对企业投诉集中的领域开展执法记录仪使用情况抽查。"
    )
    comparison = compare(parse_text(_FLAT_WORK, path="a.txt"), items, corpus)
    rows = _rows(comparison)
    assert ("enforcement", False, ["1.1"], ["1#1"]) in rows
    assert not any(not secondary and "1#2" in b and a for _, secondary, a, b in rows)


def test_a_leftover_one_passage_of_a_flat_section_speaks_to_joins_its_row(
    corpus: list[Report],
) -> None:
    # B's 投诉 item is answered by the section's 投诉 sentence: it joins the section's row
    items = _items("二是畅通执法投诉渠道。公布行政执法投诉电话,全年受理执法投诉30件,全部办结。")
    rows = _rows(compare(parse_text(_FLAT_WORK, path="a.txt"), items, corpus))
    assert ("enforcement", False, ["1.1"], ["1#1", "1#2"]) in rows


# invented: a flat section on the leaders' duties that gives 出庭应诉 one clause, and the
# other report's item on 出庭应诉 under 矛盾纠纷化解, sharing that one word of its work
_DUTIES = (
    "某县2023年法治政府建设情况的报告\n"
    "一、2023年法治政府建设主要举措和成效\n"
    "(一)压实第一责任人职责。县委、县政府主要负责同志多次听取法治政府建设工作汇报,"
    "研究部署年度重点任务,对重点工作作出批示指示。组织开展党政主要负责人年终述职述法,"
    "实现述法全覆盖。深入推进行政机关负责人出庭应诉,全年共出庭应诉32次。"
    "将法治建设纳入年度绩效考核,考核结果与干部评先评优挂钩,层层传导压力。\n"
)
_APPEARANCE = (
    "某市2023年法治政府建设情况的报告\n"
    "一、自觉接受监督\n"
    "一是支持法院依法受理和审理行政案件,认真落实行政机关负责人出庭应诉制度,"
    "全市各级行政机关负责人出庭应诉率保持较高水平。二是认真办理人大代表建议和政协提案,"
    "按期办结率达到百分之百。\n"
)


def test_a_run_meets_a_unit_on_one_word_naming_a_piece_of_its_themes_work(
    corpus: list[Report],
) -> None:
    duties, appearance = parse_text(_DUTIES, path="a.txt"), parse_text(_APPEARANCE, path="b.txt")
    comparison = compare(duties, appearance, corpus)
    (run,) = [u for u in comparison.units_a if u.node_id.endswith("/1.1")]
    (item,) = [u for u in comparison.units_b if u.node_id.endswith("/1#1")]
    named = {k for k, w in compare_module.load_lexicon().theme(item.theme).keywords if w >= 3}
    assert "出庭应诉" in named & set(run.terms) & set(item.terms)
    assert any(run in p.a and item in p.b for p in comparison.pairs)


# a work report's paragraph on 依法行政 gives 规范性文件 one clause among others; the 法治 report
# has a section headed on 规范性文件, on its 清理 rather than its 审查: their words barely meet
_WORK_REPORT = (
    "某区2023年政府工作报告\n"
    "一、过去一年工作回顾\n"
    "(一)依法行政水平稳步提高。深入开展法治政府示范创建,各部门主要负责人带头讲法述法。"
    "全区规范性文件合法性审查、公平竞争审查实现全覆盖,审查意见采纳率达100%。"
    "推进社区法律顾问全覆盖,新建法治文化公园3个,举办法治讲座和以案释法活动40余场。"
    "深化基层治理,全区所有社区建立居民议事会,修订完善居民公约。"
    "认真办理人大代表建议98件、政协提案85件,按时办结率100%。\n"
    "(二)民生事业全面进步。新建中小学校5所,新增学位6000个,建成社区养老服务中心12个。\n"
)


def _rules_report(heading: str) -> str:
    return (
        "某市2023年法治政府建设情况的报告\n"
        "一、健全依法行政制度体系\n"
        f"(一){heading}。组织开展规范性文件专项清理,废止12件、修改4件不适应改革要求的市本级"
        "文件,清理结果向社会公布。\n"
        "(二)科学推进政府立法。制定政府规章2部,开展立法后评估1次。\n"
        "二、自觉接受各方监督\n"
        "认真办理人大代表建议和政协委员提案,办复率100%。\n"
    )


@pytest.mark.parametrize("swap", [False, True])
def test_a_run_meets_a_unit_whose_heading_names_the_work_it_mentions(
    corpus: list[Report], swap: bool
) -> None:
    work = parse_text(_WORK_REPORT, path="a.txt")
    rules = parse_text(_rules_report("加强规范性文件监管"), path="b.txt")
    comparison = compare(*((rules, work) if swap else (work, rules)), corpus)
    (run,) = [u for u in comparison.units_a if u.node_id.endswith("/1.1")]
    (section,) = [u for u in comparison.units_b if u.node_id.endswith("/1.1")]
    if swap:
        run, section = section, run
    assert run.theme != "rules" and section.theme == "rules"
    (row,) = [p for p in comparison.pairs if p.theme == "rules" and p.secondary]
    assert (row.a, row.b) == (((section,), (run,)) if swap else ((run,), (section,)))
    # under the bar: only the heading's 规范性文件 brought them together
    assert row.similarity is not None and row.similarity < compare_module.RUN_THRESHOLD


def test_a_unit_whose_heading_names_other_work_is_not_met_on_a_passing_word(
    corpus: list[Report],
) -> None:
    work = parse_text(_WORK_REPORT, path="a.txt")
    rules = parse_text(_rules_report("完善制度建设"), path="b.txt")
    rows = _rows(compare(work, rules, corpus))
    assert not any(theme == "rules" and secondary for theme, secondary, _, _ in rows)
    assert ("rules", False, [], ["1.1", "1.2"]) in rows

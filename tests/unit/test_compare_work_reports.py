"""Comparing 政府工作报告 (a whole government's work, 法治 one part of it): plans on subjects
the lexicon has no theme for, and the chapters that follow a numbered plan chapter."""

from __future__ import annotations

import dataclasses

from govread import compare as compare_module
from govread import topics
from govread.compare import Comparison, Unit, compare, report_units
from govread.parsers.model import Report
from govread.parsers.outline import parse_text
from govread.plan_phase import chapters_before_titled_plans
from govread.topics import load_lexicon


def _rows(comparison: Comparison, theme: str) -> list[tuple[list[str], list[str]]]:
    def ids(units) -> list[str]:
        return [u.node_id.split("/", 1)[1] for u in units]

    return [(ids(p.a), ids(p.b)) for p in comparison.pairs_for(theme)]


# invented: a 民生 plan of 220 characters that names 信息化 and 平台 once each (3.5 points of
# 数字政府, 1.6 per 100 characters), beside a plan that is on 数字政府 throughout
_WELFARE_PLAN = (
    "（一）办好民生实事\n"
    "新建学校三所，新增公办学位两千个，推进集团化办学，扩大优质教育资源供给。"
    "推进医院新院建设，完善家庭医生签约服务，提升社区健康服务质量。"
    "建设长者服务中心，新增养老床位三百张，推广医养结合服务模式。"
    "加强卫生系统信息化建设，推进公共住房建设，计划新建公共住房五千套。"
    "搭建就业服务平台，做好困难群众救助帮扶，推进无障碍城区建设，维护妇女儿童权益。"
    "办好文体惠民活动，建设社区文体公园，丰富群众精神文化生活。\n"
)
_DIGITAL_PLAN = (
    "（二）推进数字政府建设\n加快数字政府建设，推进政务数据共享，完善电子政务平台，实现一网通办。\n"
)
_OTHER_WELFARE_PLAN = (
    "一、下一步工作打算\n"
    "（一）增进民生福祉\n"
    "加快学校新改扩建，新增公办学位三千个，推进集团化办学。"
    "推进区医院建设，扩大家庭医生签约服务，新增养老床位两百张，建设长者服务中心。"
    "推进公共住房建设，完善困难群众救助帮扶。\n"
)


def test_a_plan_whose_subject_words_are_passing_ones_meets_plans_by_its_words() -> None:
    a = parse_text("一、下一步工作打算\n" + _WELFARE_PLAN + _DIGITAL_PLAN, path="a.txt")
    b = parse_text(_OTHER_WELFARE_PLAN, path="b.txt")
    units = {u.node_id.split("/", 1)[1]: u for u in report_units(a)}
    # both plans cover 数字政府 by the lexicon; only the 民生 plan's words are passing ones
    assert units["1.1"].themes[0][0] == "digital" and units["1.1"].thin
    assert units["1.2"].themes[0][0] == "digital" and not units["1.2"].thin
    rows = _rows(compare(a, b), "next_steps")
    assert (["1.1"], ["1.1"]) in rows  # the two 民生 plans meet, on their words
    assert (["1.2"], []) in rows  # the 数字政府 plan does not meet a plan naming no subject


def test_thin_is_fewer_subject_points_than_two_per_hundred_characters() -> None:
    lexicon = load_lexicon()
    # one 信息化 (2.5) and one 平台 (1) in a text: thin over 175 characters, not under
    sentence = "加强卫生系统信息化建设，搭建服务平台。"
    filler = "新建学校三所，新增公办学位两千个。"  # no keyword of the lexicon
    assert not lexicon.score("", filler)
    short = sentence + filler * 5
    long = sentence + filler * 12
    assert not topics.thin_subjects(lexicon, "", short, {})
    assert topics.thin_subjects(lexicon, "", long, {})
    # a dense plan is never thin: 数字政府 and 政务数据 in a short text
    assert not topics.thin_subjects(lexicon, "", "加快数字政府建设，推进政务数据共享。", {})


def test_a_thin_unit_names_no_subject_to_meet_by_but_still_covers_its_themes() -> None:
    a = parse_text("一、下一步工作打算\n" + _WELFARE_PLAN, path="a.txt")
    thin = report_units(a)[0]
    assert thin.thin and compare_module._subjects(thin) == ()
    assert thin.covers("digital")  # what its text covers is unchanged (silences, coverage)
    overall = frozenset({"leadership"})
    assert compare_module._is_general(thin, overall)


_WORK_REPORT = (
    "一、关于2019年工作\n全年审查规范性文件30件，办理行政复议案件50件。\n"
    "二、关于2020年工作\n（一）推进依法行政\n严格落实重大行政决策程序，加强规范性文件审查。\n"
    "（二）创新社会治理\n推进街道社区管理体制改革，完善社区议事协商制度。\n"
    "三、切实加强政府自身建设\n加快推进数字政府建设，推进政务数据共享共用。持续加强廉洁政府建设。\n"
)


def test_the_chapters_after_a_numbered_plan_chapter_are_plans_too() -> None:
    report = parse_text(_WORK_REPORT, path="a.txt")
    assert report.year == 2019
    assert chapters_before_titled_plans(report.sections, report.year) == 2
    themes = {u.node_id.split("/", 1)[1]: u.theme for u in report_units(report)}
    assert themes["3"] == "next_steps"
    assert themes["1"] != "next_steps"


def test_a_chapter_after_the_plans_that_looks_back_keeps_them_as_they_were() -> None:
    # a later chapter on the year's 履职情况 (the report's year) or on shortcomings: the
    # chapters after the plan chapter are not all plans, and none is taken for one
    for tail in ("四、2019年度党政主要负责人履职情况\n主要负责人带头学法。\n",
                 "四、存在的问题和不足\n执法队伍力量薄弱。\n"):  # fmt: skip
        report = parse_text(_WORK_REPORT + tail, path="b.txt")
        assert chapters_before_titled_plans(report.sections, report.year) == 4
        themes = {u.node_id.split("/", 1)[1]: u.theme for u in report_units(report)}
        assert themes["3"] != "next_steps"
    # a plan chapter amid the review (parts out of order): the chapters after it stay
    shuffled = parse_text(
        "一、关于2020年工作\n推进依法行政。\n二、关于2019年工作\n审查规范性文件30件。\n"
        "三、依法行政深入推进\n办理行政复议案件50件。\n",
        path="d.txt",
    )
    assert chapters_before_titled_plans(shuffled.sections, shuffled.year) == 3
    # a plan chapter that is the last: nothing after it changes
    last = parse_text(_WORK_REPORT.split("三、")[0], path="c.txt")
    assert chapters_before_titled_plans(last.sections, last.year) == 2


# invented: a plan of 180 characters on 港口物流 (no subject of the lexicon) and the other
# report's plan on 现代产业体系, which speaks of 港口航运 too but is on 营商环境 by the lexicon
_PORT_PLAN = (
    "一、下一步工作打算\n"
    "（一）加快港口物流高端发展\n"
    "推动国际燃料加注中心项目尽快落地，研究设立航运金融联合实验室，"
    "积极培育货物保险、航运金融等高端航运服务业。"
    "推进冷链服务仓项目建设，打造生鲜冻品交易集散中心。编制综保区二期产业发展规划，"
    "积极引进大型跨境电商平台，促进保税研发、保税租赁等高端业态集聚发展，"
    "壮大国际中转集拼业务，加快打造离岸贸易中心。"
    "依托冷链载体，打造生鲜海鲜展示体验中心，提升港口综合服务能力。\n"
    "（二）深入推进法治宣传教育\n"
    "落实谁执法谁普法责任制，开展宪法宣传周和民法典宣传月活动，推进法治文化阵地建设。\n"
)
_INDUSTRY_PLAN = (
    "一、下一步工作打算\n"
    "（一）构建现代产业体系\n"
    "巩固港口航运优势，发展航运金融和高端航运服务业，推进跨境电商和保税业态集聚发展，"
    "建设冷链物流集散中心。深化放管服改革，优化营商环境，推行告知承诺制审批，"
    "实现政务服务一网通办，减少审批事项和办理时限。\n"
    "（二）加强法治政府建设\n全面推进依法行政，持续提升法治政府建设质效。\n"
)


def test_a_long_plan_naming_no_subject_meets_the_plan_on_its_work_whatever_its_theme() -> None:
    a = parse_text(_PORT_PLAN, path="a.txt")
    b = parse_text(_INDUSTRY_PLAN, path="b.txt")
    port = report_units(a)[0]
    assert not port.themes and compare_module._unplaced(port)
    industry = report_units(b)[0]
    assert industry.themes[0][0] == "functions"
    rows = _rows(compare(a, b), "next_steps")
    assert (["1.1"], ["1.1"]) in rows
    # the general sentence (no subject, short) still meets no plan on a subject: the 普法
    # plan stays apart from it
    general = report_units(b)[1]
    assert not general.themes and not compare_module._unplaced(general)
    assert (["1.2"], []) in rows and ([], ["1.2"]) in rows


def test_only_a_plan_longer_than_a_general_sentence_is_unplaced() -> None:
    def plan(text: str, themes: tuple[tuple[str, float], ...] = ()) -> Unit:
        return Unit("k", "k", "section", "", "", text, "next_steps", themes=themes)

    overall = frozenset({"leadership"})
    on_law = plan("法" * 40, (("publicity", 1.0),))
    short = plan("全面推进依法行政，持续提升法治政府建设质效。")
    long = plan("港" * (compare_module.GENERAL_MAX_CHARS + 1))
    assert not compare_module._unplaced(short) and compare_module._unplaced(long)
    assert not compare_module._same_subject(short, on_law, overall)
    # the long one meets a plan on one field whose heading names none when their words
    # are as alike as a gap's nearest text (NEAREST_THRESHOLD), not on the genre's words
    alike, unlike = (lambda: compare_module.NEAREST_THRESHOLD), (lambda: 0.09)
    assert compare_module._same_subject(long, on_law, overall, alike)
    assert compare_module._same_subject(on_law, long, overall, alike)
    assert not compare_module._same_subject(long, on_law, overall, unlike)
    assert not compare_module._same_subject(long, on_law, overall)
    # problems (no `overall`): as before, one naming no subject meets any
    assert compare_module._same_subject(short, on_law)
    # a plan on a subject is never unplaced, however long
    assert not compare_module._unplaced(plan("法" * 400, (("publicity", 1.0),)))


# invented: two work reports' reviews, each with a 民生 and a 城区建设 section (over 150
# characters, one 应急 or 纠纷 word: 2.5 points) and a dense 法治 section
_REVIEW_A = (
    "一、2019年工作回顾\n"
    "（一）民生福祉持续增进\n"
    "民生领域投入大幅增长，十件重点民生实事全面完成。新建幼儿园五所，新增公办学位两千个，"
    "中小学校午餐午休实现全覆盖。区人民医院取得三级医院资质，家庭医生签约服务持续扩面。"
    "建成长者服务中心三家，新增养老床位四百张。筹集人才住房和保障房三千套。"
    "开展惠民文体活动一千五百场次，成功举办全民健身运动会。完善应急避难场所布局。退役军人服务保障体系覆盖全员，城镇登记失业率控制在百分之二点二，高考综合绩效连续两年全市第一。\n"
    "（二）城区面貌加速改善\n"
    "高水准编制整体城市设计，棚户区改造全面启动，拆除消化违法建筑十八万平方米。"
    "建成花漾街区和街心花园十个，滨海栈道升级重建加快推进，垃圾分类实现全覆盖。"
    "轨道交通八号线全线贯通，坪盐通道加快建设，空气优良天数保持全市第一，"
    "河湖长制考核位居全市前列，化解历史遗留纠纷，城区品质不断提升。盐田河临港产业带投资增速居全市前列，梧桐路棚改项目正式启动。\n"
    "（三）法治政府建设扎实推进\n"
    "审查规范性文件三十件，办理行政复议案件五十件，推行行政执法公示制度，"
    "落实重大行政决策程序，行政机关负责人出庭应诉率达到百分之百。\n"
)
_REVIEW_B = (
    "一、2019年工作回顾\n"
    "（一）社会事业收获新成果\n"
    "教育投入同比增长，新增基础教育学位九千个，公办幼儿园占比达到三成，校内午餐午休服务全覆盖。"
    "区属公立医院新增病床七百张，家庭医生团队重点人群签约率超过七成。"
    "新增养老床位四百五十张，建成长者食堂四家，筹集建设公共住房八千套。"
    "举办惠民文体活动，参与群众四十万人次。\n"
    "（二）宜居环境持续优化\n"
    "完成河道暗渠整治，空气质量优良率达到百分之八十七。推进城中村综合治理，"
    "垃圾分类实现楼层撤桶全覆盖。建成花漾街区十个、街心公园二十个，"
    "黄木岗立交顺利拆除，交通枢纽建设加快推进，市容环境不断优化，公园总数达到一百一十九个。\n"
    "（三）依法行政深入推进\n"
    "规范性文件合法性审查率达到百分之百，办理行政复议案件四十件，全面推行行政执法三项制度。\n"
)


def test_a_section_mostly_on_work_the_lexicon_has_no_theme_for_meets_such_texts() -> None:
    a = parse_text(_REVIEW_A, path="a.txt")
    b = parse_text(_REVIEW_B, path="b.txt")
    themes = {u.node_id.split("/", 1)[1]: u.theme for u in report_units(a)}
    assert themes["1.1"] == "other" and themes["1.2"] == "other"  # not 应急, not 调解
    assert themes["1.3"] != "other"  # the 法治 section keeps its theme
    rows = _rows(compare(a, b), "other")
    assert (["1.1"], ["1.1"]) in rows and (["1.2"], ["1.2"]) in rows


def test_a_thin_section_is_on_no_theme_and_still_covers_its_words_themes() -> None:
    welfare = parse_text("一、2019年工作回顾\n" + _WELFARE_PLAN, path="a.txt")
    unit = report_units(welfare)[0]
    assert unit.thin and unit.theme == "other" and unit.covers("digital")


def test_an_item_or_a_section_under_a_heading_on_the_theme_keeps_it() -> None:
    # a long text naming no theme under a chapter on 放管服: its chapter's heading says what
    # work it is part of, as an item's section heading does
    body = "新设公司三千户，开办时间压缩至一个工作日，刻章费用全部免除。" * 6
    section = parse_text(
        "一、深化放管服改革优化营商环境\n（一）开办公司\n" + body + "\n", path="a.txt"
    )
    item = parse_text(
        "一、深化放管服改革优化营商环境\n一是开办公司。" + body + "二是办理证照。" + body + "\n",
        path="b.txt",
    )
    for report in (section, item):
        unit = report_units(report)[0]
        assert compare_module.cjk_len(unit.text) > compare_module.GENERAL_MAX_CHARS
        assert not unit.themes and unit.theme == "functions"


# invented: a work report's long plan on 文化 (no subject of the lexicon) beside a 法治
# report's plan headed on its subject (优化法治营商环境) and one headed on none (构建现代产业体系)
_CULTURE_PLAN = (
    "一、下一步工作打算\n"
    "（一）加快公共文化服务体系建设\n"
    "推进区图书馆和文化馆新馆建设，打造十五分钟文化服务圈，擦亮城市文化品牌。"
    "举办国际文化交流活动，支持国家级文化产业示范基地做大做强，培育一批核心文创企业。"
    "推进博物馆群建设，开展非物质文化遗产保护传承试点，扶持原创文艺精品创作，"
    "加强文物保护利用，推动文旅融合发展，丰富群众精神文化生活，提升城市文化软实力。"
    "建设全民阅读示范区，推进社区书房和文化广场建设，举办读书月和音乐季活动。\n"
)
_BUSINESS_PLAN = (
    "一、下一步工作安排\n"
    "（一）不断优化法治营商环境\n"
    "深化放管服改革，推行告知承诺制审批，实现政务服务一网通办，擦亮营商环境品牌，"
    "开展国家级试点，加强公平竞争审查和信用监管。\n"
)


def test_a_long_plan_naming_no_subject_meets_no_plan_headed_on_a_subject() -> None:
    a = parse_text(_CULTURE_PLAN, path="a.txt")
    b = parse_text(_BUSINESS_PLAN, path="b.txt")
    culture, business = report_units(a)[0], report_units(b)[0]
    assert compare_module._unplaced(culture)
    assert business.themes[0][0] == "functions" and "functions" in business.headed
    overall = frozenset({"leadership"})
    # the plan headed on 营商环境 is on that piece of 法治 work: a plan on 文化 shares the
    # genre's words with it (品牌, 国家, 试点), not its work
    assert not compare_module._same_subject(culture, business, overall)
    assert not compare_module._same_subject(business, culture, overall)
    assert (["1.1"], []) in _rows(compare(a, b), "next_steps")
    # a plan on a subject whose heading names none (构建现代产业体系) meets it only on words
    # as alike as a gap's nearest text: 港口物流 meets it (the test above), 文化 does not
    industry = report_units(parse_text(_INDUSTRY_PLAN, path="c.txt"))[0]
    assert not industry.headed & {t for t, _ in industry.themes}
    assert not compare_module._same_subject(culture, industry, overall, lambda: 0.05)
    assert compare_module._same_subject(
        culture, industry, overall, lambda: compare_module.NEAREST_THRESHOLD
    )
    c = parse_text(_INDUSTRY_PLAN, path="c.txt")
    assert (["1.1"], []) in _rows(compare(a, c), "next_steps")


def test_a_long_plan_naming_no_subject_joins_a_row_only_at_the_pair_bar() -> None:
    # a plan on work of its own (`_unplaced`: 1,600 characters on 民生) shares a few words with
    # any plan by its length alone (力度, 培训, 多渠道, 教育 with a 法治人才队伍 plan): two
    # specific words are no evidence there, its cosine must reach the pair bar to join a row
    def unit(key: str, text: str, terms: dict[str, int]) -> Unit:
        return Unit(key, key, "section", "", "", text, "next_steps", terms=terms)

    shared = {"力度": 1, "培训": 1, "多渠道": 1, "教育": 1}
    own = {f"民生{n}": 3 for n in range(60)}
    welfare = unit("a/2.5", "民" * 1600, shared | own)
    talent = unit("b/2.4", "法" * 60, shared | {f"法治{n}": 2 for n in range(30)})
    fillers = [{f"词{n}": 1} for n in range(60)]
    idf = compare_module._Idf([welfare.terms, talent.terms, *fillers])
    vectors = {id(u): idf.vector(u.terms) for u in (welfare, talent)}
    assert compare_module._unplaced(welfare)
    assert len(compare_module._evidence(welfare, talent, idf)) >= compare_module.EVIDENCE_MIN
    assert compare_module._cosine(vectors[id(welfare)], vectors[id(talent)]) < (
        compare_module.PAIR_THRESHOLD
    )
    context = compare_module._Context(
        parse_text("一、下一步工作\n", path="a.txt"),
        parse_text("一、下一步工作\n", path="b.txt"),
        (welfare,),
        (talent,),
        load_lexicon(),
        idf,
        vectors,
        8,
    )
    assert not context.plan_supported(welfare, talent)
    # a short plan naming no subject still joins on two specific words
    short = unit("a/3", "法" * 40, shared)
    vectors[id(short)] = idf.vector(short.terms)
    assert context.plan_supported(short, talent)


# invented after a 法治 report's problem paragraph (复议, 执法) and a work report's list of
# problems on its economy and city, which name no subject of the lexicon and say their
# weaknesses in the words every problem is said in (存在, 不足, 不够, 尚未)
_LAW_PROBLEMS = (
    "一、工作成效\n（一）行政复议\n全年办理行政复议案件120件，纠错率达12%。\n"
    "二、存在的不足\n"
    "虽然法治政府建设取得了一定成效，但仍然存在一些问题和不足，主要表现在：行政复议体制改革"
    "尚未完全到位，复议案件办理质量有待提高；基层行政执法人员素质不够高，执法程序不够规范。\n"
)
_ECONOMY_PROBLEMS = (
    "一、工作回顾\n（一）经济发展\n全年地区生产总值增长6%，新增市场主体3000户。\n"
    "二、存在的问题\n"
    "一是支柱产业转型步伐较慢，总部经济集聚规模尚未形成，产业整体竞争力还需提升。\n"
    "二是掌握核心技术的企业不多，高端研发团队偏少，科技创新引领作用发挥不足。\n"
    "四是城区空间品质和功能配套还不够完善，城市更新统筹性不足。\n"
)


def test_a_problem_naming_no_subject_meets_a_problem_on_more_than_the_phase_words() -> None:
    a = parse_text(_LAW_PROBLEMS, path="a.txt")
    b = parse_text(_ECONOMY_PROBLEMS, path="b.txt")
    comparison = compare(a, b)
    rows = [row for row in _rows(comparison, "problems") if row[0] and row[1]]
    assert rows == []
    # the rule itself: both naming a subject, or a shared word beyond the phase's own
    law = next(u for u in comparison.units_a if u.theme == "problems")
    economy = [u for u in comparison.units_b if u.theme == "problems"]
    assert compare_module._subjects(law) and not any(map(compare_module._subjects, economy))


def test_a_long_plan_naming_no_subject_meets_a_general_plan_only_on_alike_words() -> None:
    # invented: a 法治 report's one general plan sentence and a work report's plan on 文化:
    # both name no subject, yet the general plan is no answer to the 文化 plan's work
    general = report_units(
        parse_text(
            "一、下一步工作打算\n全面推进依法行政，持续提升法治政府建设质效。\n", path="g.txt"
        )
    )[0]
    culture = report_units(parse_text(_CULTURE_PLAN, path="a.txt"))[0]
    overall = frozenset({"leadership"})
    assert compare_module._is_general(general, overall) and compare_module._unplaced(culture)
    assert not compare_module._same_subject(culture, general, overall, lambda: 0.09)
    assert not compare_module._same_subject(general, culture, overall)
    assert compare_module._same_subject(
        culture, general, overall, lambda: compare_module.NEAREST_THRESHOLD
    )


# invented: a 法治 report's plan on 习近平法治思想 and 法治政府建设 (on 党的领导, an overall
# theme), and a work report's plans: one on 政府系统党建 sharing the words of politics with it
# (学习贯彻, 习近平新时代中国特色社会主义思想, 四个意识), one on 依法行政
_LAW_LEADERSHIP_PLAN = (
    "二、下一步工作安排\n"
    "（一）深入学习贯彻习近平法治思想。坚持把学习贯彻习近平新时代中国特色社会主义思想和习近平法治思想"
    "作为首要政治任务，增强四个意识，压实党政主要负责人履行推进法治建设第一责任人职责，"
    "推动法治政府建设各项任务落地见效。\n"
)
_WORK_PLANS = (
    "二、2024年工作安排\n"
    "（一）全面加强政府系统党建。坚持党的全面领导，深入学习贯彻习近平新时代中国特色社会主义思想，"
    "增强四个意识、坚定四个自信、做到两个维护，巩固拓展主题教育成果，锻造忠诚干净担当的干部队伍。\n"
    "（二）提高依法行政能力。坚持依法行政，落实重大行政决策程序，加强规范性文件管理，"
    "严格规范公正文明执法，压实法治建设第一责任人职责，推动法治政府建设各项任务落地见效。\n"
)


def _law_and_work_reports(law_plans: str, work_plans: str) -> tuple[Report, Report]:
    """A 法治 report and a 政府工作报告, of the plans given."""
    return (
        parse_text("某市2023年法治政府建设情况的报告\n" + law_plans, path="a.txt"),
        parse_text("某区2024年政府工作报告\n" + work_plans, path="b.txt"),
    )


def test_a_general_plan_meets_another_plan_only_on_a_word_of_law() -> None:
    law = report_units(parse_text(_LAW_LEADERSHIP_PLAN, path="a.txt"))[0]
    party, rule_of_law = report_units(parse_text(_WORK_PLANS, path="b.txt"))
    overall = frozenset({"leadership"})
    assert compare_module._is_general(law, overall) and compare_module._is_general(party, overall)
    # the words of politics they share are no subject of the genre's
    assert compare_module._law_apart(law, party)
    assert not compare_module._same_subject(law, party, overall)
    assert not compare_module._same_subject(party, law, overall)
    # 法治建设 and 法治政府建设 are
    assert not compare_module._law_apart(law, rule_of_law)
    assert compare_module._same_subject(law, rule_of_law, overall)
    # two plans neither of which speaks of law (a work report's 城市更新 and 规划) are not
    # held to it
    assert not compare_module._law_apart(party, party)
    # and without `overall` (achievements, problems) the rule does not apply
    assert compare_module._same_subject(law, party)


def test_a_law_reports_leadership_plan_meets_the_work_reports_plan_on_law_not_on_party() -> None:
    a, b = _law_and_work_reports(_LAW_LEADERSHIP_PLAN, _WORK_PLANS)
    rows = _rows(compare(a, b), "next_steps")
    assert (["1.1"], ["1.2"]) in rows and ([], ["1.1"]) in rows
    rows = _rows(compare(b, a), "next_steps")
    assert (["1.2"], ["1.1"]) in rows and (["1.1"], []) in rows


def test_two_units_on_no_theme_are_alike_only_by_their_words_not_on_two_shared_ones() -> None:
    # invented: a 法治 report's chapter on 交通 and a work report's on 金融, both 其他, sharing
    # two words specific in a corpus of a few reports (新能源, 缩短): no subject in common
    transport = report_units(
        parse_text(
            "一、城市交通更加便捷\n新建城市道路42公里,市民通勤时间缩短到35分钟,"
            "公交车更新为新能源车辆。\n",
            path="a.txt",
        )
    )[0]
    finance = report_units(
        parse_text(
            "一、金融产业加快集聚\n持牌金融机构达到120家,设立新能源产业引导基金,"
            "客户等待时间缩短三成。\n",
            path="b.txt",
        )
    )[0]
    assert transport.theme == finance.theme == topics.OTHER_ID
    idf = compare_module._Idf(())
    idf.n = 100  # every word specific
    assert set(compare_module._evidence(transport, finance, idf)) == {"新能源", "缩短"}
    unlike, like = ({"交通": 1.0}, {"金融": 1.0}), ({"交通": 1.0}, {"交通": 1.0})
    assert not compare_module._supported(transport, finance, *unlike, idf)
    assert compare_module._supported(transport, finance, *like, idf)
    # units on a theme still meet on two such words
    on_theme = [dataclasses.replace(u, theme="functions") for u in (transport, finance)]
    assert compare_module._supported(*on_theme, *unlike, idf)


# invented: a 法治 report's plan on 法治营商环境 and a work report's plans on 生态环境治理 and on
# 营商环境, all three mainly on 政府职能 by the lexicon
_BUSINESS_PLAN = (
    "二、下一步工作安排\n（一）不断优化法治营商环境。深化放管服改革，持续优化营商环境，"
    "推进政务服务标准化，依法平等保护各类市场主体。\n"
)
_ECOLOGY_AND_BUSINESS_PLANS = (
    "二、2024年工作安排\n（一）加大生态环境治理力度。深入打好污染防治攻坚战，加强生态环境保护，"
    "推进生态环境治理，持续改善生态环境质量。\n"
    "（二）打造营商环境新高地。深化放管服改革，优化营商环境，提升政务服务效能，"
    "服务市场主体发展。\n"
)


def test_plans_on_one_theme_are_apart_by_its_pieces_of_work() -> None:
    a, b = _law_and_work_reports(_BUSINESS_PLAN, _ECOLOGY_AND_BUSINESS_PLANS)
    rows = _rows(compare(a, b), "next_steps")
    assert not any("1.1" in theirs for mine, theirs in rows if mine)  # not the 生态环境 plan
    (law,), (ecology, business) = report_units(a), report_units(b)
    assert {compare_module._main_subject(u) for u in (law, ecology, business)} == {"functions"}
    apart = compare_module._plans_apart(compare_module._apart_rules(load_lexicon()))
    assert apart is not None
    assert apart(law, ecology) and apart(ecology, law)
    assert not apart(law, business)


# invented: a work report's long plan on 政府系统党建 (read in runs: `_run_partners`), sharing
# the words of politics with a 法治 report's plan on 习近平法治思想
_LONG_PARTY_PLAN = (
    "二、2024年工作安排\n"
    "（一）全面加强政府系统党建。坚持党的全面领导，把学习贯彻习近平新时代中国特色社会主义思想作为"
    "首要政治任务，增强四个意识、坚定四个自信、做到两个维护，巩固拓展主题教育成果。严守政治纪律和"
    "政治规矩，落实全面从严治党主体责任，持之以恒纠治四风，锻造忠诚干净担当的干部队伍。"
    "深化政府系统作风建设，大兴调查研究之风，推动各项决策部署落地见效，以党建引领政府各项工作"
    "高质量发展。\n"
    "（二）推动经济高质量发展。完善产业规划政策体系，积极构建现代产业体系，培育高新技术企业200家。\n"
)


def test_a_run_of_a_long_plan_meets_a_general_plan_only_on_a_word_of_law() -> None:
    a, b = _law_and_work_reports(_LAW_LEADERSHIP_PLAN, _LONG_PARTY_PLAN)
    comparison = compare(a, b)
    assert not any(p.a and p.b for p in comparison.pairs_for("next_steps"))
    assert (["1.1"], []) in _rows(comparison, "next_steps")

"""A long unit whose words name a theme of the genre only in passing (a 政府工作报告's
chapter on the economy) is on none (issue 14, themes on fresh unseen text). Invented
sentences, none from a report."""

from __future__ import annotations

from govread.compare import built_units
from govread.coverage import coverage
from govread.parsers import parse_text
from govread.topics import LONG_UNIT, OTHER_ID, load_lexicon, main_theme

# ---- long units whose words name a theme of the genre only in passing --------------------

ECONOMY = (
    "全年地区生产总值稳步增长,一般公共预算收入较上年有所提高,社会消费品零售总额保持增长。"
    "新引进先进制造业项目一批,工业园区二期基础设施全面完工,港口集装箱吞吐量再创新高。"
    "文旅融合持续深化,举办滨海音乐节、美食节等活动,接待游客人次明显增加。"
    "城市更新项目有序推进,老旧小区改造全面启动,新建口袋公园多个,道路微循环逐步打通。"
    "教育医疗资源持续扩容,新增学位数千个,区医院新院区投入使用,基层卫生服务网络更加完善。"
    "做好就业和社会保障工作,城镇新增就业保持稳定,养老服务中心覆盖全部街道,"
    "困难群众救助及时足额发放,信访形势总体平稳。"
)


def test_a_long_chapter_on_the_economy_naming_one_word_of_the_genre_is_other() -> None:
    lexicon = load_lexicon()
    scores = lexicon.score("加快转型升级,经济发展稳中有进", ECONOMY)
    assert lexicon.best(scores, phase=False) == "disputes"  # 信访, once
    assert main_theme(lexicon, scores, ECONOMY) == OTHER_ID


def test_a_unit_of_the_genre_keeps_its_theme() -> None:
    lexicon = load_lexicon()
    # a long text dense in its theme's words
    dense = (
        "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。"
        "开展行政执法案卷评查,统一行政裁量权基准,规范执法人员持证上岗。"
    ) * 3
    scores = lexicon.score("", dense)
    assert main_theme(lexicon, scores, dense) == "enforcement"
    # a long text whose heading names the theme
    scores = lexicon.score("严格规范公正文明执法", ECONOMY)
    assert main_theme(lexicon, scores, ECONOMY) == "enforcement"
    # a short item takes its theme from the heading above it, however few its own words
    short = "三是推行审批流程再造,压减办理时限,群众办事更加便捷。"
    assert len(short) < LONG_UNIT
    scores = lexicon.score("", short, ["深化放管服改革"])
    assert main_theme(lexicon, scores, short) == "functions"


GOVERNMENT_WORK_REPORT = "\n".join(
    [
        "某区2024年政府工作报告",
        "一、2024年工作回顾",
        "(一)加快转型升级,经济发展稳中有进",
        ECONOMY,
        "(二)坚持依法行政,法治政府建设扎实推进",
        "全面落实行政执法三项制度,开展行政执法案卷评查,行政复议案件依法办结,"
        "人民调解组织调解矛盾纠纷数百宗,深入开展普法宣传。",
    ]
)


def test_compare_and_coverage_read_the_chapter_as_other_alike() -> None:
    report = parse_text(GOVERNMENT_WORK_REPORT, path="x.txt")
    themes = {u.node_id.split("/")[1]: u.theme for u in built_units(report)}
    assert themes["1.1"] == OTHER_ID
    assert themes["1.2"] != OTHER_ID
    table = coverage(report)
    assert table.of(OTHER_ID).units == 1
    assert table.of(OTHER_ID).first_node.endswith("/1.1")  # not 信访's disputes


def test_the_genres_words_for_study_and_the_district_committee_name_leadership() -> None:
    # a district's committee and office for the rule of law are named as a city's and a
    # county's are, and the study of the centre's words as every meeting's first item is
    # the leadership's: a long unit saying so is not sparse on it
    lexicon = load_lexicon()
    assert lexicon.hits("区委全面依法治区委员会") == {"依法治区委员会": 1}
    assert lexicon.hits("区委依法治区办") == {"依法治区办": 1}
    assert lexicon.hits("市委依法治市办") == {"依法治市办": 1}
    # every level that has such a committee names it so, a 街道 and a 镇 too
    for level in "省州盟市县旗区街镇乡":
        assert lexicon.hits(f"全面依法治{level}委员会") == {f"依法治{level}委员会": 1}
        assert lexicon.hits(f"依法治{level}办") == {f"依法治{level}办": 1}
    study = (
        "局党组把学习贯彻上级重要会议精神列为党组会议第一议题,主要负责同志带头领学,"
        "坚持读原著、学原文、悟原理,把学习成果转化为推动各项工作的思路和举措。"
        "全年召开区委全面依法治区委员会会议两次、区委依法治区办主任办公会三次,"
        "研究部署年度工作,统筹协调各成员单位按时完成各项工作,推动工作落地见效,"
        "各成员单位分工明确、协同配合,形成了上下联动、齐抓共管的良好工作格局,"
        "有关做法得到上级部门的充分肯定,并在全市范围内交流推广,"
        "为下一阶段持续深化相关工作打下了坚实基础,积累了宝贵经验。"
    )
    heading = "坚持学思践悟,推动各项部署落地见效"
    assert sum(1 for ch in study if "\u4e00" <= ch <= "\u9fff") >= LONG_UNIT
    assert main_theme(lexicon, lexicon.score(heading, study), study) == "leadership"


def test_study_campaigns_and_the_bid_to_be_a_model_government_are_leadership_work() -> None:
    # invented: a work report's government-building paragraph whose leadership work is the
    # Party's study campaign (主题教育) and the bid to be a model government under the rule
    # of law, beside its 监督 and 政务服务 sentences: it covers leadership, so the other
    # report's 学习 and 第一责任人 units may meet it as a host
    from govread.topics import covered_themes

    lexicon = load_lexicon()
    assert lexicon.hits("成立主题教育领导小组") == {"主题教育": 1}
    assert lexicon.hits("积极争创省级法治政府示范区") == {"法治政府示范区": 1}
    building = (
        "主题教育扎实开展。成立区政府党组主题教育领导小组,组织集体学习多次,"
        "把主题教育成果转化为推动发展的实际行动。积极争创省级法治政府示范区,"
        "规范性文件合法性审查率达到百分之百。加大监督力度,整合巡察、审计资源,"
        "政务服务事项实现全区通办。"
    )
    themes, _ = covered_themes(lexicon, "政府建设再上新水平", building)
    assert "leadership" in dict(themes)
    # a plan sentence naming 主题教育 once is no plan on leadership for it
    plan = "学习贯彻主题教育成果,以示范创建为引领,持续推进依法行政。"
    themes, _ = covered_themes(lexicon, "", plan)
    assert "leadership" not in dict(themes)


# invented: a flat section whose heading names no subject and whose sentences each take one
# field (统筹, 执法, 决策), none with a majority of its points
_WHOLE_WORK = (
    "召开县委依法治县委员会会议，研究部署全年法治建设工作，压实法治建设第一责任人职责。"
    "组织行政执法人员开展案卷评查，落实行政执法三项制度。"
    "建立重大行政决策目录管理制度，严格履行重大行政决策法定程序。"
)


def test_a_section_on_many_fields_under_a_heading_naming_none_is_on_the_whole_work() -> None:
    from govread.topics import covered_themes, load_lexicon, main_theme

    lexicon = load_lexicon()
    heading = "以夯实基础为保障，系统谋划，强化保障"
    scores = lexicon.score(heading, _WHOLE_WORK, [])
    themes, _ = covered_themes(lexicon, heading, _WHOLE_WORK)
    assert themes[0][0] == "enforcement" and themes[0][1] < 0.5  # the most points, no majority
    assert lexicon.best(scores, phase=False) == "enforcement"
    assert main_theme(lexicon, scores, _WHOLE_WORK, heading) == "leadership"
    # an item keeps the field its words have most of (one piece of its section's work) …
    assert main_theme(lexicon, scores, _WHOLE_WORK, heading, item=True) == "enforcement"
    # … and so does a section whose heading names its field
    named = "加强行政执法，系统谋划"
    assert main_theme(lexicon, lexicon.score(named, _WHOLE_WORK, []), _WHOLE_WORK, named) == (
        "enforcement"
    )

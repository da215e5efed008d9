"""Where a heading ends in a flat text when it has no 。 and its body opens with a verb.

The evidence is the document's own: the lengths of the headings of the same level whose
end is sure, the characters the text opens and closes its clauses with, a body that
restates the heading's opening words, a reduplicated adverb (紧紧 / 牢牢) opening the body.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
from repo_scripts import load_script

from govread.parsers import flat, parse_text

TITLE = "某市人民政府关于2023年法治政府建设情况的报告"


def _headings(text: str) -> list[str]:
    return [str(row["heading"]) for row in parse_text(text).outline()]


def test_a_glued_heading_is_cut_at_the_length_of_its_siblings() -> None:
    text = (
        TITLE + "一、加强组织领导，全面提升依法行政能力坚持把法治政府建设摆在全局工作的重要位置，"
        "健全工作机制，压实工作责任。"
        "二、完善制度体系，切实提高立法工作质量以提高立法质量为重点，健全立法工作机制，"
        "提升制度建设水平。"
        "三、规范执法行为，持续加强执法监督力度健全执法监督机制，落实执法责任制，"
        "提升执法规范化水平，推进执法公开。"
        "四、化解矛盾纠纷，维护社会和谐稳定大局坚持和发展新时代“枫桥经验”，"
        "健全矛盾纠纷多元化解机制，提升化解水平。"
    )
    assert _headings(text) == [
        "加强组织领导，全面提升依法行政能力",
        "完善制度体系，切实提高立法工作质量",
        "规范执法行为，持续加强执法监督力度",
        "化解矛盾纠纷，维护社会和谐稳定大局",
    ]
    # nothing of the body is lost
    assert "以提高立法质量为重点" in parse_text(text).sections[1].full_text()


def test_a_body_restating_the_heading_s_opening_words_starts_there() -> None:
    text = (
        TITLE + "一、加强组织领导，全面提升依法行政能力坚持把法治政府建设摆在全局工作的重要位置，"
        "健全工作机制，压实工作责任。"
        "二、积极开展行政复议工作，切实维护群众合法权益积极开展行政复议工作，"
        "有效化解行政争议，监督行政机关依法行使职权，全年办结案件一百余件，"
        "纠错率保持稳定，群众满意度不断提升。"
    )
    assert _headings(text)[1] == "积极开展行政复议工作，切实维护群众合法权益"


def test_a_reduplicated_adverb_opens_the_body_with_its_verb() -> None:
    window = "提供优质高效公共法律服务紧紧围绕人民群众日益增长的法律服务需求"
    cut, _, _ = flat._body_start(window, titled=True)
    assert cut == window.index("紧紧")


def test_a_sure_end_is_never_second_guessed() -> None:
    # a space (a line break that became one) ends the second heading, far from the
    # length of its sibling: the sibling lengths and clause statistics are not consulted
    text = (
        TITLE + "一、加强组织领导，全面提升依法行政能力坚持把法治政府建设摆在全局工作的重要位置，"
        "健全工作机制，压实工作责任。"
        "二、完善制度体系\u3000以提高立法质量为重点，健全立法工作机制，提升制度建设水平。"
    )
    assert _headings(text) == ["加强组织领导，全面提升依法行政能力", "完善制度体系"]


def test_a_body_opening_after_a_function_word_is_no_cut_but_says_a_body_is_glued() -> None:
    # a heading never ends on 的: the year opens no body there, yet a body is glued on
    window = "关于上一年度工作刚刚过去的2019年，是全面推进依法行政的一年，各项工作取得新进展"
    assert flat._body_start(window, titled=True) == (None, False, True)


def test_a_verb_no_word_list_holds_opens_the_body_when_its_first_character_is_one() -> None:
    # 守牢 / 筑牢 are in no dictionary, but 守 / 筑 are verbs by themselves: the body opens
    # there, not after them (…履职能力守牢|严格…), even two characters from the siblings'
    # length
    window = "增强行政机关履职能力守牢严格规范公正文明的行政执法生命线"
    cut = window.index("守牢")
    assert flat._word_edge(window, cut) > flat._word_edge(window, cut + 2)
    # 扣发展 is no verb: 发展 is a word, so 扣发 is not one
    other = "强化高质量发展制度供给紧扣发展所需"
    assert flat._word_edge(other, other.index("扣")) <= flat._word_edge(other, other.index("紧"))


def test_a_verb_followed_at_once_by_a_preposition_ends_the_heading() -> None:
    # …提供有力保障|以构建…: 保障 has no object before 以, so it is the heading's last word
    # (a body never opens on a verb with no object: the cut before 保障 loses the credit
    # of 有力, a noun to jieba)
    window = "为经济社会发展提供有力保障以构建职责明确的政府治理体系"
    alone = "为经济社会发展提供有力保障职责明确的政府治理体系"
    assert flat._word_edge(window, window.index("保障")) == 0.0
    assert flat._word_edge(window, window.index("以")) == flat._WORD_EDGE
    assert flat._word_edge(alone, alone.index("保障")) == 2 * flat._WORD_EDGE


def test_a_body_restating_the_heading_s_last_words_starts_there() -> None:
    window = "深入学习贯彻习近平法治思想把习近平法治思想作为县政府常务会议会前学法的重要内容"
    assert flat._echo(window) == window.index("把")
    assert flat._echo("加强组织领导坚持把法治政府建设摆在全局工作的重要位置") == -1


def test_a_section_title_word_with_a_clause_of_its_own_after_it_ends_a_short_heading() -> None:
    text = (
        TITLE + "一、存在问题1.执法队伍力量不足基层执法人员数量偏少，专业化水平有待提升。"
        "2.法治意识有待提高少数领导干部运用法治思维的能力还不强。"
        "二、下一步工作安排1.加强队伍建设充实基层执法力量，开展业务培训。"
    )
    assert _headings(text)[1:3] == ["执法队伍力量不足", "法治意识有待提高"]
    # a title word with only a word or two after it is part of the heading
    assert flat._title_word_clause("整改情况工作。", 0, 6) is None


def test_a_title_word_then_a_body_s_opening_makes_a_heading_despite_a_later_semicolon() -> None:
    # 一、存在问题2021年，…；二是…: the ； is the body's, not an inline list's
    line = (
        "第二部分　存在的问题和不足一、存在问题2021年，新城法治政府建设取得一定成效，"
        "一是推进力度不够均衡；二是亮点不够多。"
    )
    heading = [cand for cand in flat.candidates(line) if cand.rank == 0]
    assert heading and heading[0].score > 0
    # an inline list stays one: （1）…；（2）…
    assert all(cand.score < 0 for cand in flat.candidates("包括（1）规章草案；（2）规范性文件。"))


# A plan whose chapters run in paragraphs, each led by a short imperative sentence, under
# headings on lines of their own (invented text).
_LED_PLAN = [
    "某区人民政府2024年政府工作报告",
    "一、关于2023年工作",
    "过去一年，我们坚持稳中求进，圆满完成全年各项目标任务。",
    "二、关于2024年工作",
    "（一）加快建设科技创新走廊，为落实创新驱动战略贡献新城力量",
    "完善空间规划。推进走廊总体规划编制，明确各片区功能布局和建设时序。",
    "加速产业导入。引进一批重点企业和研发机构，培育壮大创新主体。",
    "引进科研机构。支持高校在走廊设立研究院，共建联合实验室。",
    "扩大人才队伍。落实高层次人才政策，建设人才公寓和服务平台。",
    "（二）加快构建现代产业体系，为推动高质量发展树立新城标杆",
    "推进审批改革。深化审批制度改革，推行企业开办全程网上办理。",
    "扩大有效投资。围绕智能制造和数字经济，谋划一批重大项目。",
    "提高园区能级。推进老旧工业区改造，拓展产业发展空间。",
    "引进龙头企业。开展产业链精准招商，培育一批专精特新企业。",
    "（三）加快打造平安法治城区，为建设法治示范区作出新城探索",
    "实施决策程序规定。健全重大行政决策程序，落实合法性审查制度。",
    "完善网格机制。推进网格化服务管理，推动矛盾纠纷就地化解。",
    "加强应急队伍。完善应急预案体系，加强应急物资保障。",
    "（四）加快补齐民生短板，为建设幸福家园提供新城样板",
    "扩大学位供给。新建改扩建中小学校，增加公办学位供给。",
    "推进社区医院。建设一批社区医院，提升基层医疗服务水平。",
    "完善养老体系。扩大养老服务覆盖面，健全困难群众救助机制。",
]


def test_a_heading_on_a_line_of_its_own_keeps_its_end_when_its_body_s_lead_is_glued_on() -> None:
    original = _headings("\n".join(_LED_PLAN))
    assert original[2] == "加快建设科技创新走廊，为落实创新驱动战略贡献新城力量"
    # flattened, each heading runs into its first paragraph's lead (…新城力量完善空间规划。)
    assert _headings("".join(_LED_PLAN)) == original
    assert _headings("\u3000".join(_LED_PLAN[:9]) + "".join(_LED_PLAN[9:])) == original


def test_a_run_in_heading_whose_body_holds_statements_ends_at_its_full_stop() -> None:
    # the bodies' short sentences are statements (产业结构持续优化。), not leads: the
    # heading's own first sentence is the heading, whatever its last words
    lines = [
        "某区人民政府2023年政府工作报告",
        "一、关于2023年工作",
        "（一）坚持创新驱动，经济发展提质增效。全年地区生产总值增长百分之六。"
        "产业结构持续优化。先进制造业增加值占比提高。创新能力显著增强。新增高新技术企业一批。",
        "（二）坚持民生为本，群众生活改善提升。民生支出占比保持在七成以上。"
        "教育事业加快发展。新增学位一批。医疗服务不断完善。社区医院覆盖各街道。",
    ]
    flat_text = "".join(lines)
    assert _headings(flat_text) == [
        "关于2023年工作",
        "坚持创新驱动，经济发展提质增效",
        "坚持民生为本，群众生活改善提升",
    ]


def test_siblings_whose_whole_first_sentences_end_alike_keep_them_whole() -> None:
    # bodies of leads, but every sibling's first sentence ends on the same words
    # (…攻坚行动。): those are the headings' own ends, not leads glued on
    lines = [
        "某区人民政府2024年政府工作报告",
        "一、全力推进三大攻坚行动",
        "（一）全力推进港口设施建设攻坚行动。完善码头设施。推进泊位改造和堆场扩容，"
        "提升港口吞吐能力。引进航运企业。落实航运扶持政策，吸引企业总部落户。",
        "（二）全力推进交通体系构建攻坚行动。完善路网结构。打通断头路和瓶颈路，"
        "加密次支路网。扩大公交覆盖。优化公交线路，建设一批公交场站。",
        "（三）全力推进城市空间更新攻坚行动。推进旧区改造。实施一批城市更新项目，"
        "释放发展空间。完善配套设施。同步建设学校、医院和公园。",
    ]
    assert _headings("".join(lines))[1:] == [
        "全力推进港口设施建设攻坚行动",
        "全力推进交通体系构建攻坚行动",
        "全力推进城市空间更新攻坚行动",
    ]


def test_an_adverb_and_its_verb_open_the_body() -> None:
    # …改革|严格执行…: 严格 (an adverb) with the verb after it opens the body as a verb would
    window = "深化行政复议改革严格执行复议程序"
    cut = window.index("严格")
    assert flat._word_edge(window, cut) == 2 * flat._WORD_EDGE
    assert flat._word_edge(window, cut) > flat._word_edge(window, window.index("执行"))


def test_a_verb_followed_at_once_by_another_verb_ends_the_heading() -> None:
    # …行政执法|开展…: 执法 has no object before 开展, so it does not open the body
    window = "加强交通运输行政执法开展专项整治行动"
    assert flat._word_edge(window, window.index("执法")) == -flat._WORD_EDGE  # 行政执法, one noun
    other = "加强交通运输队伍执法开展专项整治行动"
    assert flat._word_edge(other, other.index("执法")) == flat._WORD_EDGE  # 队伍, a noun
    assert flat._word_edge(window, window.index("开展")) == flat._WORD_EDGE  # 开展, a verb


def test_a_heading_may_end_on_the_quoted_term_it_closes() -> None:
    # a one-character verb before the closing quote is not a verb cut from its object
    window = "推行“一网通办”区政务服务事项网上可办"
    assert flat._word_edge(window, window.index("区")) == 0.0


def test_a_clause_opened_by_a_preposition_ends_after_its_verb_and_object() -> None:
    # 为城市经济发展 has no verb yet, 为…提供 no object: the heading is …提供坚实保障
    line = "优化机构职能体系，为城市经济发展提供坚实保障以建立权责清晰的政府治理体系。"
    empty: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for target in (20.0, 21.0):
        cut = flat._guess_end(line, 0, len(line), target, 2.0, empty)
        assert line[:cut] == "优化机构职能体系，为城市经济发展提供坚实保障"


def test_a_run_in_heading_over_a_body_of_leads_keeps_its_clause_whole() -> None:
    # the headings end at their own 。 and the bodies run in leads too (加强队伍建设。): a
    # tail longer than what its clause would keep (着力提升行政|执法质量和效能) is no lead
    lines = [
        "某县人民政府关于2023年法治政府建设情况的报告",
        "一、主要工作",
        "（一）加强组织领导，全面压实各级党政主要负责人履行推进法治建设第一责任人职责。"
        "县政府常务会议专题研究法治政府建设工作，制定年度工作要点。完善工作机制。"
        "建立联席会议制度，定期研究重大问题。强化督促检查。将法治建设纳入绩效考核。",
        "（二）深化改革创新，持续优化法治化营商环境。深入推进“放管服”改革，压减审批事项。"
        "健全监管体系。推行“双随机、一公开”监管。优化政务服务。推动高频事项网上办理。",
        "（三）规范执法行为，着力提升行政执法质量和效能。全面落实行政执法三项制度，"
        "开展案卷评查。加强队伍建设。组织执法人员培训。完善监督机制。畅通投诉举报渠道。",
    ]
    assert _headings("".join(lines)) == _headings("\n".join(lines))
    assert _headings("".join(lines))[3] == "规范执法行为，着力提升行政执法质量和效能"


def test_siblings_bodies_tell_together_that_they_run_in_leads() -> None:
    # each body has only two or three leads, not all of them led by a listed verb
    # (稳定外贸外资。): together the siblings' bodies are bodies of leads; a lead may open
    # with a verbal noun (培育壮大新兴产业。)
    lines = [
        "某区人民政府2024年政府工作报告",
        "一、2024年重点工作",
        "（一）着力扩大有效需求，推动经济持续回升向好",
        "加快重大项目建设。围绕交通和能源领域谋划一批重大项目，加快前期工作。",
        "提振消费信心。举办促消费活动，培育消费新场景。",
        "稳定外贸外资。支持企业拓展国际市场，稳住外资基本盘。",
        "（二）着力提升产业能级，推动制造业高端化智能化发展",
        "培育壮大新兴产业。围绕新能源布局产业链，引进链主企业。",
        "改造提升传统产业。推进技术改造，实施数字化转型。",
        "发展现代服务业。建设物流枢纽，发展科技服务。",
        "（三）着力改善民生福祉，推动公共服务优质均衡",
        "扩大优质教育供给。新建学校3所，新增学位2000个。",
        "提升医疗服务水平。建设区域医疗中心，推进分级诊疗。",
        "完善社会保障体系。扩大参保覆盖面，提高保障水平。",
    ]
    assert _headings("".join(lines)) == _headings("\n".join(lines))


def test_a_short_predicate_ending_a_run_in_heading_is_no_lead() -> None:
    # …宣传教育|走深走实: four characters, shorter than a verb and its object (the
    # bodies' leads are six and more)
    lines = [
        "某市司法局关于2023年法治建设工作情况的报告",
        "一、工作开展情况",
        "（一）坚持依法决策，全面落实重大行政决策程序规定要求。制定年度决策事项目录，"
        "开展合法性审查。完善工作机制。建立决策咨询专家库。强化结果运用。将评估结果纳入考核。",
        "（二）坚持严格执法，切实提升行政执法规范化水平。开展执法案卷评查，通报存在问题。"
        "健全执法制度。修订执法裁量基准。加强执法监督。开展专项执法检查。",
        "（三）坚持普法为民，推动全民守法普法宣传教育走深走实。开展宪法宣传周活动，"
        "覆盖群众十万人次。创新普法形式。打造普法短视频栏目。落实普法责任。发布普法责任清单。",
        "二、存在问题",
        "执法队伍力量仍显不足。",
    ]
    assert _headings("".join(lines)) == _headings("\n".join(lines))


def test_a_short_heading_keeps_its_end_before_a_lead_as_long_as_itself() -> None:
    lines = [
        "某县司法局2023年法治建设工作总结",
        "一、主要工作",
        "（一）强化组织保障",
        "完善工作机制。成立法治建设领导小组，定期研究部署工作。",
        "压实工作责任。签订目标责任书，纳入年度考核。",
        "（二）推进依法行政",
        "开展文件清理。开展规范性文件合法性审核和清理。",
        "推进政务公开。主动公开政府信息，回应群众关切。",
        "（三）提升执法水平",
        "加强队伍建设。组织执法人员培训和考试。",
        "完善监督机制。开展案卷评查，畅通投诉渠道。",
    ]
    assert _headings("".join(lines)) == ["主要工作", "强化组织保障", "推进依法行政", "提升执法水平"]


def test_a_place_s_body_after_a_verb_is_its_object_not_the_body_s_subject() -> None:
    # 推进|县委…: the body word names what the verb acts on, the heading runs to its 。
    text = (
        TITLE + "一、以整改为抓手，夯实工作基础1.扎实推进县委巡察组反馈问题整改见底见效。"
        "县委第三巡察组对本局进行了巡察，反馈问题15个，已全部整改到位。"
        "2.持续加强执法队伍建设。全年开展执法培训4期，参训120人次。"
    )
    assert _headings(text)[1:] == [
        "扎实推进县委巡察组反馈问题整改见底见效",
        "持续加强执法队伍建设",
    ]
    # a place's body after a word that is no verb still opens the body
    window = "健全法治督察工作机制区委全面依法治区委员会办公室开展督察两次"
    cut, _, _ = flat._body_start(window, titled=True)
    assert cut == window.index("区委")


def test_a_lone_first_chapter_whose_child_follows_at_once_keeps_its_level() -> None:
    # an excerpt with one chapter only, its line break lost after a section title
    text = (
        TITLE
        + "全年依法行政工作取得新进展。2023年工作开展情况一、强化制度供给，依法行政水平稳步提升"
        "（一）制度建设更加规范1.完善规范性文件审查机制。全年审查文件32件，纠正问题3个。"
        "2.开展文件集中清理。清理文件15件，废止4件。"
    )
    outline = [(row["level"], row["number"]) for row in parse_text(text).outline()]
    assert outline == [(1, "一"), (2, "一"), (3, "1"), (3, "2")]
    # a number inside a sentence, with no heading right after it, stays loose
    prose = TITLE + "坚持法律效果和社会效果相统一、执法效果不断提升。全年办理案件120件。"
    assert parse_text(prose).outline() == []


def test_a_short_first_sentence_of_two_predicates_leaves_its_end_to_the_evidence() -> None:
    # every heading of a level glued to its body, the third to a short lead: that lead's 。
    # is no sure end, and no longer makes its siblings' whole first sentences headings
    text = (
        "某市司法局关于2023年法治政府建设情况的报告2023年，市司法局扎实推进各项工作。"
        "现将有关情况报告如下：一、全面加强公共法律服务"
        "（一）深化公共法律服务体系建设整合法律援助、公证、人民调解资源，"
        "全市建成服务站点120个，覆盖所有街道。"
        "（二）推行律师调解制度推进律师参与矛盾纠纷化解，在各区法院设立律师调解工作室，"
        "全年调解案件300余件，调解成功率85%。"
        "（三）继续推进普法与依法治理工作加强法治文化阵地建设。"
        "组织开展以案释法活动40场，受众2万余人次。"
    )
    assert _headings(text) == [
        "全面加强公共法律服务",
        "深化公共法律服务体系建设",
        "推行律师调解制度",
        "继续推进普法与依法治理工作",
    ]
    lead = "继续推进普法与依法治理工作加强法治文化阵地建设。"
    assert flat._second_predicate(lead, 0, len(lead) - 1)
    # a subject and its predicate, or a clause mark first: one heading
    for heading in ("法治政府建设取得新成效。", "加强队伍建设，提升履职能力。"):
        assert not flat._second_predicate(heading, 0, len(heading) - 1)
    # a heading of two predicates among siblings whose ends are sure stays whole
    text = (
        TITLE + "一、深入推进依法行政（一）加强队伍建设提升履职能力。全年培训执法人员300人次。"
        "（二）完善制度体系。出台规范性文件5件。（三）强化执法监督。开展案卷评查两次。"
    )
    assert _headings(text)[1] == "加强队伍建设提升履职能力"


def test_a_noun_of_a_noun_and_a_verb_is_no_second_predicate() -> None:
    # 行政执法 is one noun (word_classes.tsv: C), not 行政 closing a heading and 执法
    # opening a body: a short first sentence holding it is the heading, whole
    heading = "加强行政执法监督工作。"
    assert not flat._second_predicate(heading, 0, len(heading) - 1)
    assert flat.word_classes()["行政执法"] == "C"
    text = (
        "2023年，我市深入推进法治政府建设，取得积极成效。现将有关情况报告如下："
        "一、加强政务公开"
        "（一）加强行政执法监督。全年办理行政复议案件67件，同比增长2.5个百分点。"
        "（二）加强行政执法监督。全年办理行政复议案件67件，同比增长2.5个百分点。"
        "二、加强行政执法监督工作。全年办理行政复议案件67件，同比增长2.5个百分点。"
        "某市人民政府2024年2月29日"
    )
    assert _headings(text) == [
        "加强政务公开",
        "加强行政执法监督",
        "加强行政执法监督",
        "加强行政执法监督工作",
    ]


def test_the_word_classes_file_is_what_its_tool_makes(capsys: pytest.CaptureFixture[str]) -> None:
    # govread/data/word_classes.tsv is generated (tools/make_word_classes.py); a hand edit or
    # a changed override (合同, a noun jieba's dictionary tags an adjective) shows here
    tool = load_script("tools/make_word_classes.py")
    assert tool.main([]) == 0
    made = capsys.readouterr().out
    bundled = (resources.files("govread") / "data" / "word_classes.tsv").read_text("utf-8")
    assert made == bundled
    assert flat.word_classes()["合同"] == "N"

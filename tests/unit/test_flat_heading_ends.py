"""Where a heading ends in a flat text when it has no 。 and its body opens with a verb.

The evidence is the document's own: the lengths of the headings of the same level whose
end is sure, the characters the text opens and closes its clauses with, a body that
restates the heading's opening words, a reduplicated adverb (紧紧 / 牢牢) opening the body.
"""

from __future__ import annotations

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
    # (the cut before 保障 keeps only the credit of 有力, a noun to jieba)
    window = "为经济社会发展提供有力保障以构建职责明确的政府治理体系"
    alone = "为经济社会发展提供有力保障职责明确的政府治理体系"
    assert flat._word_edge(window, window.index("保障")) == flat._WORD_EDGE
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
        "第二部分　存在的问题和不足一、存在问题2021年，本区法治政府建设取得一定成效，"
        "一是推进力度不够均衡；二是亮点不够多。"
    )
    heading = [cand for cand in flat.candidates(line) if cand.rank == 0]
    assert heading and heading[0].score > 0
    # an inline list stays one: （1）…；（2）…
    assert all(cand.score < 0 for cand in flat.candidates("包括（1）规章草案；（2）规范性文件。"))

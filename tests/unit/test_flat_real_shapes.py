"""Shapes of real flattened reports: a lone 一、 announced by 报告如下：, a body opening with
its subject (全镇… / 局党组…), 全市 as a heading's object, a breadcrumb's last column run
into the title. Every sentence here is invented."""

from __future__ import annotations

from govread.parsers import parse_text


def _rows(text: str) -> list[tuple[object, str]]:
    return [(row["level"], str(row["heading"])) for row in parse_text(text).outline()]


def test_a_lone_first_heading_announced_by_the_opening_keeps_its_children() -> None:
    text = (
        "南岭市水务局2024年法治政府建设情况报告2024年，市水务局推进依法行政，"
        "成效明显。现将有关情况报告如下：一、主要工作开展情况局机关认真落实各项部署，"
        "推动工作有序开展。（一）加强学习宣传。组织专题学习六次，覆盖全体干部。"
        "（二）完善制度建设。修订内部制度九项，规范工作流程。"
        "（三）规范执法行为。开展执法检查四十次，办结案件十二件。"
    )
    assert _rows(text) == [
        (1, "主要工作开展情况"),
        (2, "加强学习宣传"),
        (2, "完善制度建设"),
        (2, "规范执法行为"),
    ]
    spaced = text.replace("如下：", "如下： ")
    assert _rows(spaced) == _rows(text)


def test_a_body_opening_with_its_subject_ends_the_glued_heading() -> None:
    text = (
        "青禾镇2024年法治政府建设情况报告一、主要举措和成效"
        "（一）强化组织领导，狠抓责任落实全镇上下始终坚持以习近平法治思想为指导，"
        "把法治建设摆在全镇工作的重要位置并纳入年度考核，层层压实各级责任。"
        "（二）强化重点工作，发力法治焦点局党组定期研究法治建设工作，及时解决执法中的"
        "突出问题并督促各站所抓好落实，全年召开专题会议四次。"
    )
    assert _rows(text)[1:] == [
        (2, "强化组织领导，狠抓责任落实"),
        (2, "强化重点工作，发力法治焦点"),
    ]


def test_the_whole_picture_is_not_the_whole_bureau() -> None:
    # 全局 (the whole picture) inside a glued body does not open it
    text = (
        "平阳县文化局2024年法治政府建设年度报告一、压实主体责任，夯实法治工作基础"
        "局党组书记切实担负第一责任人职责，把依法行政列入全局年度考核和述职内容，"
        "定期听取工作汇报。二、聚焦关键环节，提升依法行政水平局机关健全工作机制，"
        "规范执法行为，全年开展检查二十次。"
    )
    assert [heading for _, heading in _rows(text)] == [
        "压实主体责任，夯实法治工作基础",
        "聚焦关键环节，提升依法行政水平",
    ]


def test_a_whole_place_after_a_verb_is_the_heading_s_object() -> None:
    text = (
        "南岭市2024年法治政府建设情况报告2024年，南岭市推进依法行政。一、主要工作情况"
        "（一）健全议事规则。修订议事规则两项，规范会议程序。"
        "（二）精心谋划全市依法行政工作。切实履行统筹协调职能，召开专题会议三次。"
        "二、存在问题执法人员不足。"
    )
    assert _rows(text)[2] == (2, "精心谋划全市依法行政工作")


def test_a_breadcrumb_column_run_into_the_title_is_not_the_title() -> None:
    text = (
        "您当前的位置: 首页>政务公开>年度报告> 市水务局年度报告"
        "南岭市水务局2024年法治政府建设情况报告日期:2025-03-01 "
        "2024年，市水务局推进依法行政。一、主要工作健全制度。二、存在问题人员不足。"
    )
    report = parse_text(text)
    assert report.title == "南岭市水务局2024年法治政府建设情况报告"
    assert (report.region, report.issuer) == ("南岭市", "南岭市水务局")


PARALLEL = (
    "南岭市2024年法治政府建设情况报告2024年，南岭市推进依法行政。现将有关情况报告如下："
    "一、主要工作和成效（一）健全议事规则，规范会议程序县政府全年召开常务会议二十次，"
    "专题研究依法行政工作。"
    "（二）完善制度体系，提升文件质量各部门严格落实合法性审核制度，全年审核文件四十件并"
    "全部报送备案。"
    "（三）化解矛盾纠纷，维护社会稳定基层调解组织全年调处各类纠纷一千余件，调解成功率保持"
    "高位。"
)


def test_parallel_clauses_end_a_heading_glued_to_a_noun_led_body() -> None:
    assert [heading for _, heading in _rows(PARALLEL)][1:] == [
        "健全议事规则，规范会议程序",
        "完善制度体系，提升文件质量",
        "化解矛盾纠纷，维护社会稳定",
    ]
    assert "各部门严格落实合法性审核制度" in parse_text(PARALLEL).full_text()


def test_unbalanced_headings_give_no_parallel_cue() -> None:
    # the text's sure two-clause heading is unbalanced: its glued ones are not cut at the
    # first clause's length
    text = PARALLEL.replace(
        "（一）健全议事规则，规范会议程序县政府",
        "（一）健全议事规则，切实规范重大行政决策程序。县政府",
    )
    assert [heading for _, heading in _rows(text)][2] != "完善制度体系，提升文件质量"


def test_a_town_s_party_committee_opens_the_body() -> None:
    text = (
        "青禾镇2024年法治政府建设工作情况报告一、主要举措和成效"
        "（一）强化组织领导，压实工作责任镇党委、镇政府把法治建设纳入全镇发展规划，"
        "主要负责人切实履行第一责任人职责，全年专题研究法治工作四次。"
        "（二）规范行政决策，提升依法行政水平重大行政决策全部经过合法性审查。"
    )
    assert [heading for _, heading in _rows(text)][1] == "强化组织领导，压实工作责任"


def test_a_parallel_end_on_a_verb_does_not_overrule_a_body_opening() -> None:
    # …体系建设取得|新成效 would be as long as the first clause, but ends on a verb
    text = PARALLEL.replace(
        "（三）化解矛盾纠纷，维护社会稳定基层调解组织全年",
        "（三）持续深化基层依法治理，基层治理体系建设取得新成效全年",
    )
    assert [heading for _, heading in _rows(text)][3] == (
        "持续深化基层依法治理，基层治理体系建设取得新成效"
    )


def test_only_the_report_s_announcement_opens_it() -> None:
    # a list announced inside a section (措施如下：一、…；二、…) is not the report's body
    text = (
        "南岭市2024年法治政府建设情况报告2024年，南岭市推进依法行政。现将有关情况报告如下："
        "一、主要工作情况（一）健全议事规则。修订议事规则两项。（二）完善制度建设。"
        "主要措施如下：一、加强领导；二、完善制度。全年修订制度九项。二、存在问题人员不足。"
    )
    assert [row[1] for row in _rows(text)][:3] == ["主要工作情况", "健全议事规则", "完善制度建设"]
    assert len(_rows(text)) == 4


# A first chapter's body whose first sentence runs past any heading's length (over 200
# characters): the heading's end is the section-title word, then the body's opening year.
_LONG_FIRST_SENTENCE = (
    "2031年，县人民政府坚持以法治思想为指导，全面贯彻上级关于法治建设的各项决策部署，"
    "认真落实本省法治政府建设实施方案和市里的年度工作要点，坚持将法治政府建设贯穿政府工作全过程，"
    "不断完善议事决策机制、规范行政执法行为、深化放管服改革、健全矛盾纠纷多元化解体系，"
    "持续加强法治宣传教育和法治工作队伍建设，不断提升行政机关工作人员运用法治思维和法治方式"
    "深化改革、推动发展、化解矛盾的能力，推动法治政府建设各项任务落地落实，"
    "扎实推进了全县法治政府建设，法治政府建设取得了新的成效。"
)
_FIRST_CHAPTER = (
    "一、主要成效" + _LONG_FIRST_SENTENCE + "（一）加强组织领导，切实履行第一责任人职责"
    "1.深入开展学法活动。县政府常务会议会前学法十二次。2.落实述法制度。组织部门主要负责人年终述法。"
)
_FIRST_CHAPTER_ROWS = [
    (1, "主要成效"),
    (2, "加强组织领导，切实履行第一责任人职责"),
    (3, "深入开展学法活动"),
    (3, "落实述法制度"),
]


def test_a_lone_first_heading_announced_after_a_full_stop_keeps_its_children() -> None:
    # …报告如下。一、 (a full stop where the colon usually stands)
    text = "根据上级有关通知要求，现将县人民政府2031年法治政府建设情况报告如下。" + _FIRST_CHAPTER
    assert _rows(text) == _FIRST_CHAPTER_ROWS


def test_a_title_word_then_a_dated_body_ends_a_heading_however_long_its_sentence() -> None:
    text = "某县2031年法治政府建设情况报告2031年，我县持续推进依法行政。" + _FIRST_CHAPTER
    assert _rows(text) == _FIRST_CHAPTER_ROWS


def test_a_sentence_announcing_the_next_headings_is_not_the_heading_s() -> None:
    # …存在的不足和原因|法治政府建设主要存在以下问题：（一）…: the announcing sentence is body
    text = (
        "青禾乡2031年法治政府建设情况报告2031年，青禾乡推进依法行政。现将有关情况报告如下："
        "一、主要举措和成效（一）加强组织领导。成立领导小组。（二）规范执法行为。严格执行程序。"
        "二、存在的不足和原因法治政府建设主要存在以下问题：（一）法治意识不强，对法治政府建设"
        "重视不够。（二）法治人才短缺，队伍建设有待加强。"
    )
    assert [row[1] for row in _rows(text)][3] == "存在的不足和原因"
    # a heading of its own closed by a colon keeps its words (一、工作成效显著：（一）…)
    plain = text.replace("存在的不足和原因法治政府建设主要存在以下问题：", "存在问题较为突出：")
    assert [row[1] for row in _rows(plain)][3] == "存在问题较为突出"

"""Shapes of excerpts and pages as they reach a user: a text that starts inside a chapter,
line by line and flattened. Every sentence here is invented."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text


def _rows(text: str) -> list[tuple[object, str, str]]:
    return [
        (row["level"], str(row["number"]), str(row["heading"]))
        for row in parse_text(text).outline()
    ]


# An excerpt cut out of a report's middle: its first chapter is （三）, its items 1. 2.
_MIDWAY = (
    "（三）完善依法决策机制。\n"
    "1. 规范重大决策程序。局党组会议审议重大事项十二件，每件均经合法性审查，并在会前征求公众意见。\n"
    "2. 发挥法律顾问作用。聘请常年法律顾问两名，出具法律意见书三十余份，参与合同审查和信访化解。\n"
    "（四）推进严格规范执法。\n"
    "1. 落实执法三项制度。执法全过程记录覆盖全部执法岗位，重大执法决定法制审核率保持较高水平。\n"
    "2. 推行柔性执法方式。对首次轻微违法行为依法不予处罚，以说服教育引导经营者自觉守法经营。\n"
)
_MIDWAY_ROWS = [
    (1, "三", "完善依法决策机制"),
    (2, "1", "规范重大决策程序"),
    (2, "2", "发挥法律顾问作用"),
    (1, "四", "推进严格规范执法"),
    (2, "1", "落实执法三项制度"),
    (2, "2", "推行柔性执法方式"),
]


@pytest.mark.parametrize("joiner", ["\n", "", " ", "\u3000"])
def test_an_excerpt_that_starts_inside_a_chapter_keeps_its_first_headings(joiner: str) -> None:
    text = joiner.join(_MIDWAY.splitlines())
    assert _rows(text) == _MIDWAY_ROWS


@pytest.mark.parametrize("joiner", ["\n", "", " "])
def test_an_excerpt_that_starts_in_a_chapters_body_keeps_the_headings_after_it(
    joiner: str,
) -> None:
    before = "群众满意度持续提升，全年办理行政复议案件十余件，纠错率保持在合理区间。"
    assert _rows(joiner.join([before, *_MIDWAY.splitlines()])) == _MIDWAY_ROWS


@pytest.mark.parametrize("joiner", ["\n", "", " "])
def test_an_excerpt_that_starts_inside_a_section_keeps_the_chapter_after_it(joiner: str) -> None:
    lines = [
        "2. 发挥法律顾问作用。聘请常年法律顾问两名，出具法律意见书三十余份，参与合同审查和信访化解工作。",
        "3. 规范合同管理。全年审查各类合同六十余份，提出修改意见一百余条，有效防范法律风险。",
        *_MIDWAY.splitlines()[3:],
    ]
    assert _rows(joiner.join(lines)) == [
        (2, "2", "发挥法律顾问作用"),
        (2, "3", "规范合同管理"),
        *_MIDWAY_ROWS[3:],
    ]


def test_stray_numbers_in_an_opening_open_no_chapter() -> None:
    lines = [
        "某县2023年法治政府建设情况报告",
        "2023年，本县（二）（三）两类事项办理及时，1、2月份案件较多。全年工作稳步推进，法治政府建设取得新成效。",
        "一、主要工作",
        "（一）加强组织领导。县政府常务会议专题研究法治政府建设四次。",
        "（二）规范行政决策。重大行政决策全部经过合法性审查。",
        "二、存在的问题",
        "执法力量不足，基层执法规范化水平有待提高，执法人员的专业素养需要进一步提升。",
    ]
    for joiner in ("\n", "", " "):
        assert [row[1] for row in _rows(joiner.join(lines))] == ["一", "一", "二", "二"]


def test_an_excerpt_may_start_on_a_chapter_followed_by_its_next_sibling() -> None:
    text = (
        "二、存在的不足\n基层执法力量仍然薄弱，执法人员专业素养有待提高。\n"
        "三、下一步工作打算\n持续深化法治政府建设，推进严格规范公正文明执法。\n"
    )
    assert _rows(text) == [(1, "二", "存在的不足"), (1, "三", "下一步工作打算")]


def test_a_number_past_one_that_nothing_goes_on_from_is_text() -> None:
    # a lone （三） at the start, then a chapter numbered from 一、: the （三） opens nothing
    text = (
        "（三）项所列情形，依照有关规定办理。本局全年办理行政复议案件若干件。\n"
        "一、主要工作\n全年完成各项任务。\n二、存在问题\n执法力量不足。\n"
    )
    assert _rows(text) == [(1, "一", "主要工作"), (1, "二", "存在问题")]


@pytest.mark.parametrize("joiner", ["\n", ""])
def test_a_heading_cut_by_the_end_of_the_text_inside_its_last_clause_heads_nothing(
    joiner: str,
) -> None:
    lines = [
        "一、主要工作",
        "（一）加强组织领导。县政府常务会议专题研究法治政府建设四次，部署年度重点任务，"
        "各乡镇各部门主要负责人履行推进法治建设第一责任人职责。",
        "（二）规范行政决策。重大行政决策全部经过合法性审查，法律顾问出具书面意见三十余份，"
        "决策事项目录向社会公布。",
        "（三）聚焦年度目标，推",
    ]
    report = parse_text(joiner.join(lines))
    assert [row["number"] for row in report.outline()] == ["一", "一", "二"]
    assert report.sections[0].children[-1].full_text().endswith("（三）聚焦年度目标，推")


@pytest.mark.parametrize(
    "body",
    [
        "2024年，本局坚持依法行政，健全制度体系，严格规范执法，法治建设取得明显成效。现将有关情况",
        "序号 |\n目标与任务 |\n完成情况 |\n12 |\n推进矛盾纠纷多元化解。 |\n已完成 |",
    ],
)
def test_a_text_without_headings_has_no_outline_but_keeps_its_body(body: str) -> None:
    report = parse_text("某县市场监督管理局2024年法治建设情况报告\n" + body)
    assert report.outline() == []
    (section,) = report.sections  # the one section that holds the body, for the browser
    assert section.raw_heading == "" and section.paragraphs[0] == body.split("\n")[0]


_BODY = "一、主要工作\n全年办理行政复议案件十余件，依法履职能力进一步提升。\n二、下一步打算\n持续推进依法行政。\n"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "青川区农业农村委2023年度法治\n政府建设情况报告",
            "青川区农业农村委2023年度法治政府建设情况报告",
        ),
        (
            "2023年度法治政府建设工作报告和\n2024年工作思路",
            "2023年度法治政府建设工作报告和2024年工作思路",
        ),
        (
            "中共青川县委\n青川县人民政府\n关于青川县2023年度法治政府建设工作的\n报 告",
            "中共青川县委青川县人民政府关于青川县2023年度法治政府建设工作的报告",
        ),
    ],
)
def test_a_title_cut_at_a_line_break_is_joined(head: str, title: str) -> None:
    report = parse_text(head + "\n" + _BODY)
    assert report.title == title
    assert report.preamble == ()
    assert [row["number"] for row in report.outline()] == ["一", "二"]


def test_a_title_line_that_ends_as_titles_do_takes_no_line_after_it() -> None:
    report = parse_text("青川县2023年法治政府建设情况报告\n工作报告\n" + _BODY)
    assert report.title == "青川县2023年法治政府建设情况报告"
    assert report.preamble == ("工作报告",)


def test_a_department_named_with_its_short_committee_name_gives_the_place() -> None:
    report = parse_text("青川区卫生健康委2023年度法治政府建设情况报告\n" + _BODY)
    assert report.region == "青川区"


def _flat_rows_as_lines(lines: list[str]) -> None:
    """The flattened text (no breaks, spaces, U+3000) parses to the line-by-line outline."""
    expected = _rows("\n".join(lines))
    for joiner in ("", " ", "\u3000"):
        assert _rows(joiner.join(lines)) == expected, repr(joiner)


def test_a_long_first_sentence_heads_its_section_when_its_siblings_are_first_sentences() -> None:
    lines = [
        "北岭镇2023年法治政府建设工作情况报告",
        "2023年，北岭镇深入贯彻上级关于法治政府建设的部署要求，各项工作稳步推进，取得了一定成效。",
        "一、坚持强化组织领导认真抓实法治机构建设，完善全镇法治政府建设工作领导小组，"
        "由党委书记主抓法治工作，成立办公室。领导小组全年召开专题会议四次，研究解决重点问题十余个。",
        "二、完善公共法律服务体系。依托镇公共法律服务工作站和各村法律服务室，为群众提供法律咨询三百余人次。",
        "三、推进严格规范执法。综合执法队全年办理行政处罚案件二十余件，执法全过程记录实现全覆盖。",
    ]
    _flat_rows_as_lines(lines)
    assert _rows("".join(lines))[0][2].endswith("成立办公室")


def test_a_lone_chapter_after_a_summary_announced_keeps_its_children_flattened() -> None:
    lines = [
        "西河街道办事处：",
        "2024年，西河街道坚持以法治思想为指导，系统推进法治政府建设，切实将法治优势转化为治理效能。"
        "现将2024年工作情况总结如下：",
        "一、全年工作完成情况",
        "（一）组织保障体系更加健全。依据人员变动对领导小组成员实施调整，由街道党工委书记任组长。",
        "（二）法治学习教育更为深入。把学习法治思想列为理论学习中心组的重要内容，全年专题学习六次。",
    ]
    _flat_rows_as_lines(lines)
    assert [row[1] for row in _rows("".join(lines))] == ["一", "一", "二"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("我委转发了《重庆市开州区卫生健康委员会办公室加强管理的通知》", "开州区"),
        ("北京市通州区司法局", "通州区"),
        ("河南省郑州市中原区人民政府", "中原区"),
        ("湖北省咸宁市", "咸宁市"),
        ("咸宁市和宝鸡市", "咸宁市"),  # two places side by side, neither inside the other
    ],
)
def test_the_first_place_a_text_names_is_the_deepest_of_a_nested_name(
    text: str, place: str
) -> None:
    from govread.parsers.gazetteer import place_in_text

    found = place_in_text(text)
    assert found is not None and found.name == place


def test_headings_that_state_a_result_end_after_it_when_flattened() -> None:
    # headings on their own lines (no 。), each a deed and its result: 目标更加明确 is one
    # result, not a section-title word (目标) and a body
    lines = [
        "南川市2023年法治政府建设工作总结",
        "（一）科学谋划部署，法治建设目标更加明确",
        "为完成年度法治政府建设目标任务，制定下发年度工作方案，明确重点任务二十项并逐项分解落实。",
        "（二）坚持依法决策，决策程序更加规范",
        "严格执行政府工作规则，凡涉及经济社会发展的重大事项均经集体讨论决定，全年审议议题四十余项。",
        "（三）健全顾问制度，风险防范能力进一步增强",
        "机关和事业单位都建立了法律顾问制度，全市各部门和各乡镇均聘请了法律顾问，全年出具意见百余份。",
        "（四）强化执法监督，执法保障更加坚强有力",
        "一是开展执法案卷评查，评查案卷一百余卷；二是组织执法人员培训，参训人员三百余人次。",
    ]
    _flat_rows_as_lines(lines)
    assert [row[2] for row in _rows("".join(lines))] == [
        "科学谋划部署，法治建设目标更加明确",
        "坚持依法决策，决策程序更加规范",
        "健全顾问制度，风险防范能力进一步增强",
        "强化执法监督，执法保障更加坚强有力",
    ]


def test_a_heading_that_opens_with_a_degree_word_is_not_cut_after_it() -> None:
    lines = [
        "东岭县2023年法治政府建设情况报告",
        "一、进一步加强组织领导",
        "县政府常务会议专题研究法治政府建设工作四次，部署年度重点任务，压实各部门主体责任。",
        "二、进一步深化普法宣传",
        "县司法局组织开展法律进机关、进乡村、进社区活动六十余场，发放宣传资料两万余份。",
    ]
    _flat_rows_as_lines(lines)
    assert [row[2] for row in _rows("".join(lines))] == ["进一步加强组织领导", "进一步深化普法宣传"]


@pytest.mark.parametrize(
    ("name", "place"),
    [("网站公告石家庄市", "石家庄市"), ("根据《中共文山州", "文山州"), ("开州", "开州")],
)
def test_words_run_into_a_place_name_are_not_the_place(name: str, place: str) -> None:
    from govread.parsers.metadata import canonical_place

    assert canonical_place(name) == place


def test_a_committee_of_a_district_whose_name_holds_a_division_character() -> None:
    from govread.parsers.metadata import region_of

    assert region_of("开州区卫生健康委2022年度法治政府建设情况报告") == "开州区"


@pytest.mark.parametrize("joiner", [" ", "\u3000", "\n"])
def test_a_flat_title_whose_line_break_became_a_space_is_whole(joiner: str) -> None:
    lines = [
        "青川区卫生健康委2023年度法治",
        "政府建设情况报告",
        "2023年，区卫健委坚持依法行政，全面落实法治政府建设各项任务，卫生健康领域法治环境持续优化。",
        "一、主要工作进展情况",
        "（一）依法履行职能。全面梳理权责清单事项二百余项，动态调整并向社会公布。",
        "（二）规范行政决策。重大行政决策事项全部经过合法性审查，法律顾问出具意见二十余份。",
    ]
    report = parse_text(joiner.join(lines))
    assert report.title == "青川区卫生健康委2023年度法治政府建设情况报告"
    assert report.issuer_level == "department"


def test_a_site_column_before_a_flat_title_is_not_joined_to_it() -> None:
    lines = [
        "首页",
        "青川县2023年法治政府建设情况报告",
        "2023年，青川县坚持依法行政，全面落实法治政府建设各项任务，法治环境持续优化，群众满意度不断提升。",
        "一、主要工作",
        "（一）依法履行职能。全面梳理权责清单事项二百余项，动态调整并向社会公布。",
        "（二）规范行政决策。重大行政决策事项全部经过合法性审查，法律顾问出具意见二十余份。",
    ]
    assert parse_text(" ".join(lines)).title == "青川县2023年法治政府建设情况报告"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "根据《中共昭通市委依法治市办关于报送年度报告的通知》要求，在市委领导下，永善县委、县政府",
            "永善县",
        ),
        ("我委转发了《重庆市开州区卫生健康委员会办公室加强管理的通知》", "开州区"),
    ],
)
def test_a_place_named_only_in_a_cited_title_comes_after_the_places_named_outside(
    text: str, place: str
) -> None:
    from govread.parsers.gazetteer import place_in_text

    found = place_in_text(text)
    assert found is not None and found.name == place


def test_a_pages_info_box_with_bullets_is_furniture_and_the_title_follows_it() -> None:
    head = [
        "当前位置：首页 > 政府信息公开 > 部门文件",
        "• 发文机关：黄山市农业农村局",
        "• 主题分类：农业、林业、水利",
        "• 文件类型：其他文件",
        "• 成文日期：2024-01-12",
        "• 所属单位：黄山市农业农村局",
        "• 公文时效：有效",
        "黄山市农业农村局",
        "2023年法治政府建设情况工作报告",
    ]
    report = parse_text("\n".join(head) + "\n" + _BODY)
    assert report.title == "黄山市农业农村局2023年法治政府建设情况工作报告"
    assert "• 文件类型：其他文件" in report.chrome and not report.preamble


def test_a_title_without_its_genre_word_takes_no_first_heading_as_its_end() -> None:
    report = parse_text(
        "青川县2023年度法治政府建设\n一、工作情况\n全年办理行政复议案件十余件。\n二、工作计划\n持续推进依法行政。\n"
    )
    assert report.title == "青川县2023年度法治政府建设"
    assert [row["heading"] for row in report.outline()] == ["工作情况", "工作计划"]


def test_a_cited_notice_in_a_flat_opening_is_not_the_title() -> None:
    lines = [
        "根据《中共昭通市委依法治市办关于报好年度法治政府建设工作情况的通知》要求，"
        "现将永善县2022年法治政府建设情况报告如下。",
        "一、主要举措和成效",
        "（一）依法履行政府职能。全面梳理权责清单事项二百余项，动态调整并向社会公布。",
        "（二）规范行政决策。重大行政决策事项全部经过合法性审查，法律顾问出具意见二十余份。",
    ]
    for joiner in ("\n", ""):
        report = parse_text(joiner.join(lines))
        assert report.title is None and report.region == "永善县"
        assert report.issuer_level != "department"


def test_an_excerpt_cut_off_in_its_last_sections_body_keeps_that_heading_flattened() -> None:
    lines = [
        "一、强化组织保障",
        "（一）健全责任体系。成立法治政府建设工作领导小组，由主要负责人任组长，定期研究部署重点工作。",
        "（二）深化理论学习。把学习法治思想作为理论学习中心组的重要内容，全年开展专题学习六次。",
        "二、聚焦特色创新",
        "（一）打造法治文化阵地",
        "整合新时代文明实践站等阵地资源，建成集法治宣传、纠纷调解和普法教育于一体的综合阵地，并组织开展主题活动",
    ]
    assert _rows("".join(lines)) == _rows("\n".join(lines))
    assert _rows("".join(lines))[-1] == (2, "一", "打造法治文化阵地")


@pytest.mark.parametrize("author", ["黄山市司法局", "黄山市卫生健康委"])
def test_a_departments_name_alone_above_a_placeless_title_is_its_first_words(author: str) -> None:
    report = parse_text(f"{author}\n2023年法治政府建设情况报告\n" + _BODY)
    assert report.title == f"{author}2023年法治政府建设情况报告"
    assert report.region == "黄山市" and report.issuer == author


@pytest.mark.parametrize("joiner", ["\n", "", " "])
def test_an_excerpt_that_starts_in_a_chapters_last_section_keeps_it(joiner: str) -> None:
    lines = [
        "（三）强化执法监督。全年开展执法案卷评查两次，评查案卷一百余卷，发现问题均已整改到位。",
        "二、存在的问题",
        "基层执法力量仍然薄弱，执法人员专业素养有待提高，部分执法环节还不够规范。",
        "三、下一步工作打算",
        "持续深化法治政府建设，推进严格规范公正文明执法，不断提升依法行政能力和水平。",
    ]
    assert _rows(joiner.join(lines)) == [
        (2, "三", "强化执法监督"),
        (1, "二", "存在的问题"),
        (1, "三", "下一步工作打算"),
    ]

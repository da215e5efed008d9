"""A report's place and issuer where the text names them only in part: a department's
fuller official name, a level word standing for the place (市司法局…, 我市…, 依法治盟), a
body the report speaks of. Every sentence here is invented."""

from __future__ import annotations

import pytest

from govread.corpus import sample_paths
from govread.parsers import parse_text
from govread.parsers.metadata import is_signature_line
from govread.parsers.readers import extract, read_bytes, read_report

_CHAPTERS = (
    "一、主要举措和成效\n"
    "（一）健全依法决策机制。全年审核合同四十余份，出具法律意见书若干份，重大决策均经合法性审查。\n"
    "（二）推进严格规范执法。落实执法全过程记录制度，执法案卷评查覆盖全部执法岗位。\n"
)


def test_a_department_published_under_its_full_name_is_named_so() -> None:
    text = (
        "芝罘区教育局2024年度法治政府建设情况报告\n"
        "时间:2025/01/06 10:00:00 来源:烟台市芝罘区教育局 浏览次数:\n"
        "芝罘区教育局坚持依法治教，现将有关情况报告如下。\n" + _CHAPTERS
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("芝罘区", "烟台市芝罘区教育局")


def test_a_department_the_text_names_in_full_is_named_so() -> None:
    text = (
        "2024年，芝罘区教育局深入推进依法治教，印发《烟台市芝罘区教育局关于规范校外培训的通知》。\n"
        + _CHAPTERS
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("芝罘区", "烟台市芝罘区教育局")


def test_a_site_masthead_above_the_title_does_not_lengthen_the_issuer() -> None:
    text = (
        "烟台市芝罘区人民政府 2024年3月1日星期五\n"
        "芝罘区人民政府2023年度法治政府建设情况报告\n"
        "2023年，芝罘区坚持依法行政，现将有关情况报告如下。\n" + _CHAPTERS
    )
    assert parse_text(text).issuer == "芝罘区人民政府"


def test_a_city_department_that_names_its_province_first_is_the_citys() -> None:
    text = (
        "2023年，市司法局扎实推进依法行政工作。现将情况报告如下：\n"
        "一、依法全面履行职能\n"
        "（一）深化审批改革\n"
        "对照《山东省司法行政机关行政许可目录》调整本局许可事项，按照《山东省人民政府办公厅"
        "关于政务服务的通知》推进改革，在烟台日报开设专栏，与烟台分中心做好数据对接。\n"
        "（二）推行权责清单\n编制市、区两级权责清单并动态调整。\n"
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("烟台市", "烟台市司法局")


def test_a_report_that_says_our_city_is_not_its_province() -> None:
    text = (
        "2023年，我市法治政府建设以《山东省法治政府建设实施方案》为统领，稳步推进。\n"
        "一、健全制度\n"
        "（一）印发《烟台市重大行政决策程序规定》，修订《烟台市规范性文件管理办法》。\n"
        "（二）清理规章和规范性文件。\n"
    )
    assert parse_text(text).region == "烟台市"


def test_a_league_naming_itself_by_its_committees_is_the_league_it_names() -> None:
    text = (
        "一、工作开展情况\n"
        "（一）压实法治建设责任。盟委、行署主要领导履行第一责任人职责，召开依法治盟委员会会议"
        "研究部署工作。"
        + "组织领导干部集中学法，举办专题培训班，推动学法用法常态化。"
        * 12
        + "制发《锡林郭勒盟信用建设实施方案》，推动各旗县落实。\n"
        "（二）深化普法宣传。开展宪法宣传周活动，组织学法考试。\n"
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("锡林郭勒盟", None)


def test_a_body_the_report_says_was_honoured_is_not_its_issuer() -> None:
    text = (
        "2023年，全区司法行政系统稳步推进各项工作。区人民调解委员会被评为先进集体，"
        "芝罘区荣获普法先进区称号。\n" + _CHAPTERS
    )
    assert parse_text(text).issuer != "芝罘区人民调解委员会"


def test_a_department_titled_by_its_level_word_alone_gets_its_place() -> None:
    text = (
        "区教育局2024年度法治政府建设情况报告\n"
        "2024年，芝罘区教育局深入推进依法治教，现将情况报告如下。\n" + _CHAPTERS
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("芝罘区", "芝罘区教育局")


def test_a_department_that_reports_on_the_sector_it_heads_is_its_issuer() -> None:
    text = (
        "2023年，全区司法行政系统在区委区政府领导下稳步推进各项工作。"
        "机构改革后，我局承担依法治区办公室、司法局的职能，芝罘区获评普法先进区。\n" + _CHAPTERS
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("芝罘区", "芝罘区司法局")


def test_a_sector_whose_report_does_not_name_its_department_gives_no_issuer() -> None:
    text = (
        "2023年，全区司法行政系统在区委区政府领导下稳步推进各项工作，"
        "芝罘区获评普法先进区，我局各司法所运行良好。\n" + _CHAPTERS
    )
    assert parse_text(text).issuer is None


def test_the_body_and_year_named_where_the_report_is_handed_over() -> None:
    # 现将市X局2020年…报告如下: who reports and on which year, with no title or signature
    text = (
        "市依法治市办：\n"
        "按照有关要求，现将市市场监管局2020年法治政府建设情况报告如下：\n"
        "一、工作开展情况\n"
        "市市场监管局在全市开展执法检查，在烟台日报开设专栏。\n"
        "（一）推进严格规范执法。落实执法全过程记录制度，执法案卷评查覆盖全部执法岗位。\n"
        "（二）健全依法决策机制。重大决策均经合法性审查。\n"
    )
    report = parse_text(text)
    assert (report.region, report.year, report.issuer) == ("烟台市", 2020, "烟台市市场监管局")


def test_a_commission_by_its_short_name_is_an_issuer_the_partys_committee_is_not() -> None:
    text = (
        "根据工作安排，现将省发展改革委2021年度法治政府建设工作情况报告如下：\n"
        "一、主要工作\n"
        "2021年，省发展改革委认真贯彻落实浙江省委、省政府部署，推进依法行政。\n" + _CHAPTERS
    )
    report = parse_text(text)
    assert (report.region, report.year, report.issuer) == ("浙江省", 2021, "浙江省发展改革委")
    party = "2021年，市委高度重视法治建设，温州市各部门协同推进。\n" + _CHAPTERS
    assert parse_text(party).issuer != "温州市委"


def test_a_city_departments_district_branch_reports_for_its_district() -> None:
    text = "佛山市公安局南海区分局关于2022年度法治政府建设情况的报告\n" + _CHAPTERS
    report = parse_text(text)
    assert (report.region, report.issuer) == ("南海区", "佛山市公安局南海区分局")
    city = "佛山市公安局关于2022年度法治政府建设情况的报告\n" + _CHAPTERS
    assert parse_text(city).region == "佛山市"


def test_a_provincial_department_named_with_its_province_is_the_issuer() -> None:
    text = "2022年，湖南省住房和城乡建设厅坚持以习近平法治思想为指导，推进依法行政。\n" + _CHAPTERS
    report = parse_text(text)
    assert (report.region, report.issuer) == ("湖南省", "湖南省住房和城乡建设厅")


# How a plan names the units that carry out each task: after the task in brackets, on a line
# of its own, with its deadline, or by a verb (市司法局牵头).
_ASSIGNMENTS = (
    "（牵头单位：{unit}）",
    "（责任单位：{unit}，各{low}（市、区）人民政府）",
    "\n牵头单位：{unit}",
    "\n责任单位：{unit}、{level}财政局",
    "\n责任单位：各{low}（市、区）人民政府",
    "（{unit}牵头，{level}财政局等配合）",
    "（{level}委办牵头，{unit}负责）",
    "牵头单位：{unit}；配合单位：{level}财政局；完成时限：2024年12月底。",
    "（牵头部门：{unit}）",
    "（主办单位：{unit}；协办单位：{level}财政局）",
)
_TASKS = (
    "1.深入学习贯彻习近平法治思想。",
    "2.压实法治建设第一责任人职责。",
    "3.加强重点领域立法。",
)


def _plan(place: str, level: str, assignment: str, unit: str) -> str:
    low = {"市": "县", "区": "街道", "县": "乡镇"}[level]
    tasks = "\n".join(
        task + assignment.format(unit=level + unit, level=level, low=low) for task in _TASKS
    )
    return (
        f"{place}2024年法治政府建设工作要点\n"
        f"为深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，结合我{level}实际，制定本工作要点。\n"
        f"一、加强党对法治政府建设的领导\n{tasks}"
    )


def test_the_units_a_plan_assigns_its_tasks_to_do_not_issue_it() -> None:
    for place, level in (("某市", "市"), ("前进区", "区"), ("某县", "县")):
        for assignment in _ASSIGNMENTS:
            for unit in ("司法局", "生态环境局", "委依法治市办"):
                text = _plan(place, level, assignment, unit)
                for shape in (text, text.replace("\n", "")):  # also flattened
                    report = parse_text(shape)
                    assert (report.genre, report.issuer, report.issuer_level) == (
                        "工作要点",
                        None,
                        None,
                    ), shape
                    assert report.closing == ()


def test_a_plan_signed_by_its_issuer_keeps_it_whatever_units_it_assigns() -> None:
    for assignment in _ASSIGNMENTS:
        text = _plan("某市", "市", assignment, "生态环境局") + "\n某市司法局\n2024年3月1日"
        report = parse_text(text)
        assert (report.issuer, report.published) == ("某市司法局", "2024-03-01")


def test_a_unit_a_report_says_led_a_task_does_not_take_the_government_s_place() -> None:
    text = (
        "前进区2023年法治政府建设情况报告\n"
        "2023年，前进区坚持以习近平法治思想为指导，深入推进法治政府建设（区司法局牵头，"
        "区财政局配合），现将有关情况报告如下。\n" + _CHAPTERS
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("前进区", "前进区人民政府")


# -- a report without its signature: the place and the body it speaks as ----------------------


def _unsigned(text: str, signature: list[str]) -> str:
    """`text` without its signature's lines (the last line holding each)."""
    lines = text.split("\n")
    for line in signature:
        del lines[max(at for at, held in enumerate(lines) if held.strip() == line)]
    return "\n".join(lines)


def _without_signature(path):
    """A sample's text cut of its signature, and with a line after it (so that its date no
    longer reads as one): what a page or a copy-paste leaves of many reports."""
    text = extract(read_bytes(path), path).text
    signature = [line for line in read_report(path).closing if is_signature_line(line)]
    yield "unsigned", _unsigned(text, signature)
    yield "line after", text.rstrip("\n") + "\n相关链接\n"


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_sample_without_its_signature_keeps_its_place_and_issuer(path, expected_for) -> None:
    expected = expected_for(path.name)
    for shape, text in _without_signature(path):
        report = parse_text(text, path=str(path))
        assert report.region == expected["region"], shape
        # its government, from the text that speaks as the place, or none: never a unit
        # the report names on its way
        assert report.issuer in (expected["issuer"], None), shape


_CITY_REPORT = (
    "2023年，我市坚持以习近平法治思想为指导，深入推进法治政府建设，为烟台加快发展提供法治保障。"
    "芝罘区某街道司法所调解工作法在全国推广；芝罘区获评全省法治政府建设示范区。\n"
    "一、法治政府建设主要做法和成效\n"
    "（一）加强重点领域立法。出台《烟台市养犬管理条例》，修订《烟台市物业管理条例》。\n"
    "（二）深化体制机制改革。烟台市政务服务中心实现一窗通办，烟台市“一网通办”覆盖全部事项。\n"
    "（三）推进严格规范执法。烟台市全面推行行政执法三项制度，执法案卷评查覆盖全部执法岗位。\n"
)


def test_a_city_report_is_the_citys_not_the_district_it_names_in_passing() -> None:
    # (no signature, or one a line after it hides: the text alone tells the place)
    for text in (
        _CITY_REPORT,
        _CITY_REPORT + "烟台市人民政府\n2024年2月29日\n相关链接\n",
        _CITY_REPORT.replace("\n", ""),
    ):
        report = parse_text(text)
        assert (report.region, report.issuer) == ("烟台市", "烟台市人民政府"), text


def test_a_county_level_city_is_itself_not_the_city_above_it() -> None:
    text = (
        "2023年，在烟台市委、市政府的坚强领导下，我市深入推进法治政府建设。\n"
        "一、主要做法\n"
        "（一）龙口市出台重大行政决策程序规定，龙口市各部门全面落实合法性审查。\n"
        "（二）龙口市推行行政执法三项制度。\n"
    )
    assert parse_text(text).region == "龙口市"


_DISTRICT_REPORT = (
    "现将有关情况报告如下：\n"
    "一、积极统筹部署，高效推进法治政府建设\n"
    "区委区政府高度重视法治政府建设，年初制定工作方案。区司法局亦定期召集相关部门召开推进会，"
    "针对短板共同评析原因。近年来，我区法治政府建设水平逐年提高，芝罘区在全市考评中名列前茅。\n"
    "二、下一步工作\n"
    "我区将持续推进依法行政，芝罘区各部门全面落实法治政府建设责任。\n"
)


def test_a_department_named_in_passing_does_not_issue_the_report() -> None:
    for text in (_DISTRICT_REPORT, _DISTRICT_REPORT.replace("\n", "")):
        report = parse_text(text)
        assert report.region == "芝罘区", text
        # its committee and government speak: which of the two issued it, it does not say
        assert report.issuer is None, text


def test_the_first_subject_of_the_opening_is_its_voice() -> None:
    place = (
        "2023年，我区坚持以习近平法治思想为指导，深入推进法治政府建设。"
        "区司法局定期召集相关部门召开法治政府建设推进会，芝罘区获评法治政府建设示范区。\n"
        + _CHAPTERS
    )
    assert parse_text(place).issuer == "芝罘区人民政府"
    department = (
        "2023年，区司法局坚持以习近平法治思想为指导，推进依法行政。"
        "我区法治政府建设水平逐年提高，芝罘区获评示范区，我局获评先进单位。\n" + _CHAPTERS
    )
    assert parse_text(department).issuer == "芝罘区司法局"

"""Page chrome, normalisation and metadata."""

from __future__ import annotations

import pytest

from govread.parsers import normalize, parse_text
from govread.parsers.chrome import page_metadata
from govread.parsers.gazetteer import place_in_text
from govread.parsers.metadata import (
    by_full_name,
    canonical_place,
    government_of,
    parse_date,
    region_of,
    take_header,
)


def test_chrome_lines_are_dropped_and_their_metadata_used() -> None:
    text = "\n".join(
        [
            "• 设为首页|",
            "当前位置: 首页 > 新闻",
            "某县人民政府关于2022年法治政府建设情况的报告",
            "浏览次数: 来源:县司法局 发布时间:2023-03-07 16:49",
            "字体:[ 大 中 小 ]",
            "一、工作成效",
            "正文。",
            "打印本页 关闭窗口",
            "扫一扫在手机打开当前页",
        ]
    )
    report = parse_text(text)
    assert report.title == "某县人民政府关于2022年法治政府建设情况的报告"
    assert (report.region, report.year, report.issuer) == ("某县", 2022, "某县人民政府")
    assert (report.source, report.published) == ("县司法局", "2023-03-07")
    assert "打印本页" not in report.full_text()
    assert "字体:[ 大 中 小 ]" in report.chrome


def test_a_sentence_that_mentions_a_chrome_word_is_not_chrome() -> None:
    text = "一、工作\n群众来源广泛,发布时间及时。全年浏览次数大幅增长。"
    assert parse_text(text).sections[0].paragraphs == (
        "群众来源广泛,发布时间及时。全年浏览次数大幅增长。",
    )


@pytest.mark.parametrize(
    "prose",
    [
        "二是推进无障碍环境建设，完成无障碍设施改造120处。",
        "三是落实政务公开，政府门户网站全年访问量达120万人次。",
        "推进无障碍环境建设",  # a heading without a number
        "政府网站全年访问量达120万人次",
        "其中点击数超过10万次的政策解读3篇",
        "明确发布时间、发布机构和审核流程",
        "规范信息来源：统一由县政务服务中心发布。",
        "全年政府网站浏览次数120万次；",
        "四是落实版权所有人的权益保护",
        "健全联系我们的群众工作机制",
        "完善网站地图和导航功能，方便群众查找",
        "政务新媒体开设扫一扫评价功能，群众满意度达98%。",
        "一是长辈版、关怀版网页改造全部完成",
        "发文机关应当同步公开政策解读材料",
    ],
)
def test_report_prose_that_names_a_chrome_word_is_kept(prose: str) -> None:
    report = parse_text(f"一、主要工作\n{prose}\n二、存在问题\n正文。")
    assert report.sections[0].paragraphs == (prose,)
    assert prose not in report.chrome


@pytest.mark.parametrize(
    "furniture",
    [
        "来源：市司法局",
        "发布时间：2024-01-01",
        "浏览次数：123",
        "点击数：567 【打印】 【关闭】",
        "本站访问量：1234567",
        "【打印本页】【关闭窗口】",
        "打印本页 关闭窗口",
        "网站无障碍",
        "无障碍浏览",
        "设为首页 | 加入收藏 | 无障碍浏览 | 长辈版",
        "版权所有©某某市人民政府",
        "Copyright © 2024 某某市人民政府 版权所有",
        "某某市人民政府版权所有",
        "网站标识码：4312000001 湘ICP备05001234号",
        "网站地图 | 联系我们",
        "上一篇：关于印发某某的通知",
        "扫一扫在手机上查看当前页面",
        "分享到：微信 微博 QQ空间",
        "责任编辑：张三",
        "• 主题分类：农业、林业、水利",  # a key's value may list things
        "上一篇：关于进一步规范行政执法，推行三项制度的通知",
        # an info box's keys first on their line, with no colon or in brackets (found on
        # the labelled pages: the issuer and title had become 发布机构… and the box's lines)
        "发布机构屏边县新华乡人民政府",
        "[ 主题分类 ] 公安、安全、司法、法制 [ 体裁分类 ] 工作报告",
        "[ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ]",
    ],
)
def test_page_furniture_is_still_dropped(furniture: str) -> None:
    report = parse_text(f"一、主要工作\n正文。\n{furniture}\n二、存在问题\n正文。")
    assert [s.paragraphs for s in report.sections] == [("正文。",), ("正文。",)]
    assert furniture in report.chrome


@pytest.mark.parametrize(
    ("toolbar", "signature"),
    [
        ("2024年2月29日 打印本页 关闭窗口", ["2024年2月29日"]),
        ("2024年2月29日【打印本页】【关闭窗口】", ["2024年2月29日"]),
        ("二〇二四年二月二十九日 【打印】【关闭】", ["二〇二四年二月二十九日"]),
        ("某县人民政府 2024年2月29日 打印本页", ["某县人民政府", "2024年2月29日"]),
    ],
)
def test_a_signature_run_into_the_page_s_toolbar_keeps_its_date(
    toolbar: str, signature: list[str]
) -> None:
    text = (
        f"某县2023年法治政府建设情况报告\n一、主要工作\n正文。\n{toolbar}\n扫一扫在手机打开当前页"
    )
    report = parse_text(text)
    assert report.published == "2024-02-29"
    assert list(report.closing) == signature
    assert "打印" not in report.full_text()
    assert "扫一扫在手机打开当前页" in report.chrome


def test_a_date_among_the_page_s_furniture_above_the_report_is_no_signature() -> None:
    text = "2023-03-07 打印本页\n某县2023年法治政府建设情况报告\n一、主要工作\n正文。"
    report = parse_text(text)
    assert report.published is None
    assert "2023-03-07" not in report.full_text()


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024年2月29日", "2024-02-29"),
        ("2023-12-29", "2023-12-29"),
        ("20231229", "2023-12-29"),
        ("二〇二四年二月二十九日", "2024-02-29"),
        ("2023年2月30日", None),
        ("12345", None),
    ],
)
def test_dates(raw: str, iso: str | None) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("泾县人民政府关于2022年", "泾县"),
        ("秦皇岛市人民政府2023年度", "秦皇岛市"),
        ("宝鸡市2023年度法治政府建设工作总结", "宝鸡市"),
        ("深圳市光明区人民政府", "深圳市光明区"),
        ("株洲市司法局", "株洲市"),
        ("市司法局", None),
    ],
)
def test_regions(name: str, region: str | None) -> None:
    assert region_of(name) == region


def test_year_falls_back_to_the_publication_date() -> None:
    report = parse_text("一、甲\n正文\n某市人民政府\n2024年3月1日")
    assert report.year == 2023


def test_normalize_removes_controls_and_exotic_spaces() -> None:
    # an escape sequence goes whole: the OSC, and the 8-bit CSI with its final byte (h)
    raw = "a\x1b]0;pwned\x07b\r\nc\u3000d\u00a0e\u202ef\u200bg\x9bh\ri\ufeff"
    assert normalize(raw) == "ab\nc d efg\ni"


def test_normalize_is_nfc() -> None:
    assert normalize("e\u0301") == "\u00e9"


def test_escape_sequence_in_a_heading_never_survives() -> None:
    report = parse_text("一、标题\x1b[31m红色\x1b[0m\n正文\x1b]0;title\x07")
    assert report.sections[0].heading == "标题红色"
    assert "\x1b" not in report.full_text() and "\x07" not in report.full_text()
    assert "]0;" not in report.full_text() and "正文" in report.full_text()


def test_markup_lookalikes_are_kept_as_written() -> None:
    report = parse_text("一、字体:[   ]与[bold]粗体[/]\n正文[/]")
    assert report.sections[0].heading == "字体:[   ]与[bold]粗体[/]"


@pytest.mark.parametrize(
    "breadcrumb",
    ["您当前的位置: 首页>政务公开>年度报告> 市水务局年度报告", "您当前所在位置:首页>专题"],
)
def test_a_breadcrumb_in_any_wording_is_not_the_title(breadcrumb: str) -> None:
    text = f"{breadcrumb}\n南岭市水务局2024年法治政府建设情况报告\n一、主要工作\n正文。"
    report = parse_text(text)
    assert report.title == "南岭市水务局2024年法治政府建设情况报告"
    assert (report.issuer, report.issuer_level) == ("南岭市水务局", "department")


@pytest.mark.parametrize(
    "title",
    ["平阳县文化局 2024年法治政府建设年度报告", "【平阳县文化局】2024年法治政府建设年度报告"],
)
def test_a_department_title_with_a_space_or_brackets_names_the_issuer(title: str) -> None:
    report = parse_text(f"{title}\n一、主要工作\n正文。")
    assert (report.issuer, report.region) == ("平阳县文化局", "平阳县")


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("2020年平阳县法治政府建设", "平阳县"),
        ("中共平阳县委员会", None),
        ("关于平阳县2023年", "平阳县"),
    ],
)
def test_a_year_or_a_party_before_a_place_is_not_part_of_it(name: str, region: str | None) -> None:
    assert region_of(name) == region


def test_a_file_name_s_year_is_not_part_of_its_place() -> None:
    report = parse_text("一、主要工作\n正文。", path="/tmp/2020年平阳县法治政府建设情况.txt")
    assert (report.region, report.year) == ("平阳县", 2020)
    assert canonical_place("中共平阳县") == "平阳县"


def test_an_untitled_report_names_its_issuer_as_the_subject_of_its_opening() -> None:
    text = (
        "2024年,在县委、县政府的领导和县司法局的指导下,平阳县文化局认真推进依法行政。\n"
        "一、主要工作\n正文。"
    )
    report = parse_text(text)
    assert (report.region, report.issuer, report.issuer_level) == (
        "平阳县",
        "平阳县文化局",
        "department",
    )


def test_an_issuer_guided_by_is_not_the_subject() -> None:
    text = "2024年,在平阳县司法局的指导下,我们推进依法行政。\n一、主要工作\n正文。"
    assert parse_text(text).issuer is None


def test_a_government_that_published_its_own_report_is_its_issuer() -> None:
    text = "平阳县2024年法治政府建设情况报告\n来源:平阳县人民政府办公室 发布时间:2025-03-01\n一、主要工作\n正文。"
    report = parse_text(text)
    assert (report.issuer, report.issuer_level) == ("平阳县人民政府", "government")
    other = text.replace("来源:平阳县人民政府办公室", "来源:东源县人民政府办公室")
    assert parse_text(other).issuer is None


def test_a_town_that_names_itself_is_the_region() -> None:
    text = (
        "一、主要工作\n全镇上下推进依法行政。2024年青禾镇开展执法检查30次。"
        "编印青禾镇办事指南。我镇聘请法律顾问。"
    )
    report = parse_text(text)
    assert (report.region, report.region_level) == ("青禾镇", "镇")
    once = "一、主要工作\n全镇上下推进依法行政。2024年青禾镇开展执法检查30次。"
    assert parse_text(once).region is None


def test_a_place_named_after_other_words_in_the_opening_is_found() -> None:
    text = "2024年,在上级的正确领导下遂宁市水务局推进依法行政。\n一、主要工作\n正文。"
    report = parse_text(text)
    assert (report.region, report.province) == ("遂宁市", "四川省")
    assert place_in_text("梅临县的工作") is None  # 梅临县 is not 临县


def test_menu_items_on_their_own_lines_do_not_hide_the_title() -> None:
    menu = ["机构概况", "政务服务", "互动交流", "专题专栏", "数据开放"]
    text = "\n".join([*menu, "平阳县文化局2024年法治政府建设年度报告", "一、主要工作", "正文。"])
    assert parse_text(text).title == "平阳县文化局2024年法治政府建设年度报告"


def test_the_place_s_level_word_opening_a_clause_stands_for_the_place() -> None:
    text = "平阳县2024年法治政府建设情况报告\n2024年，县文化局坚持依法行政。\n一、主要工作\n正文。"
    assert parse_text(text).issuer == "平阳县文化局"
    other = text.replace("县文化局", "市文化局")  # not the level of 平阳县
    assert parse_text(other).issuer is None


def test_a_place_the_text_names_more_than_once_is_its_region() -> None:
    filler = "全年推进依法行政工作，成效明显。" * 25  # past the opening
    twice = "平阳县组织执法检查二十次。平阳县司法所调解纠纷百件。"
    assert parse_text(f"一、主要工作\n{filler}{twice}").region == "平阳县"
    once = "今年组织执法检查二十次。平阳县司法所调解纠纷百件。"
    assert parse_text(f"一、主要工作\n{filler}{once}").region is None


@pytest.mark.parametrize(
    ("title", "region", "issuer", "level"),
    [
        ("青禾镇人民政府2024年法治政府建设情况报告", "青禾镇", "青禾镇人民政府", "镇"),
        ("平阳县白沙乡2024年法治政府建设工作总结", "白沙乡", None, "乡"),
        ("东湖街道办事处2024年法治政府建设工作情况报告", "东湖街道", "东湖街道办事处", "街道"),
        (
            "中共平阳县委平阳县人民政府关于2024年法治建设情况的报告",
            "平阳县",
            "平阳县人民政府",
            "县",
        ),
        ("2024年平阳县人民政府法治政府建设工作报告", "平阳县", "平阳县人民政府", "县"),
        (
            "中共平阳县委 平阳县人民政府关于2024年法治建设情况的报告",
            "平阳县",
            "平阳县人民政府",
            "县",
        ),
        ("恩施州2024年法治政府建设情况报告", "恩施州", None, "自治州"),
        ("恩施土家族苗族自治州人民政府2024年法治政府建设情况报告", "恩施州", None, "自治州"),
    ],
)
def test_towns_joint_titles_and_prefectures_by_their_short_name(
    title: str, region: str, issuer: str | None, level: str
) -> None:
    report = parse_text(f"{title}\n一、主要工作\n正文。\n二、存在问题\n正文。")
    assert (report.region, report.region_level) == (region, level)
    if issuer is not None:
        assert (report.issuer, report.issuer_level) == (issuer, "government")
    if level == "自治州":
        assert report.province == "湖北省"


def test_a_title_with_the_page_s_furniture_on_its_line_is_still_the_title() -> None:
    text = "南岭市水务局2024年法治政府建设年度报告 发布时间：2025-03-30\n一、主要工作\n正文。"
    report = parse_text(text)
    assert report.title == "南岭市水务局2024年法治政府建设年度报告"
    assert (report.issuer, report.published) == ("南岭市水务局", "2025-03-30")
    assert "发布时间：2025-03-30" in report.chrome


def test_a_town_that_names_itself_is_its_region_before_its_county() -> None:
    filler = "全年推进依法行政工作，成效明显。" * 25  # past the opening
    text = (
        f"一、主要工作\n{filler}全镇落实平阳县部署。青禾镇开展检查二十次。"
        "平阳县司法局指导青禾镇调解纠纷百件。"
    )
    assert parse_text(text).region == "青禾镇"


def test_a_site_column_left_by_a_breadcrumb_is_not_the_title() -> None:
    text = (
        "当前位置：首页 > 政务公开 > 法治政府建设年度报告专栏信息\n"
        "南岭市水务局2024年法治政府建设年度报告\n一、主要工作\n正文。"
    )
    assert parse_text(text).title == "南岭市水务局2024年法治政府建设年度报告"


@pytest.mark.parametrize(
    ("text", "region", "issuer"),
    [
        # the subject of the opening, after an addressee line that names the district
        (
            "东湖区委依法治区办：\n2024年，青禾街道办事处在区委、区政府领导下，"
            "落实《东湖区2024年法治政府建设工作要点》。东湖区部署的工作全部完成。\n"
            "一、主要工作\n（一）加强领导。街道党工委专题研究法治工作。",
            "青禾街道",
            "青禾街道办事处",
        ),
        # alone on a line above the text, after its city and district
        (
            "南岭市平阳区东湖镇人民政府\n2023年，我镇深入推进依法行政，南岭市平阳区督查通过。\n"
            "一、主要工作\n正文。",
            "东湖镇",
            "南岭市平阳区东湖镇人民政府",
        ),
        # the signature
        (
            "一、主要工作\n本乡落实平阳县要求，平阳县考核优秀。\n二、下一步\n继续推进。\n"
            "平阳县石桥乡人民政府\n2024年1月5日",
            "石桥乡",
            "平阳县石桥乡人民政府",
        ),
    ],
)
def test_a_town_that_issues_a_report_is_its_place_not_its_district(
    text: str, region: str, issuer: str
) -> None:
    report = parse_text(text)
    assert (report.region, report.issuer) == (region, issuer)
    assert report.region_level == (region[-2:] if region.endswith("街道") else region[-1])


@pytest.mark.parametrize(
    "text",
    [
        # a district's report that names a town's office inside a phrase, or all of them
        "2024年，东湖区在青禾街道办事处的配合下推进依法行政，各街道办事处落实要求。"
        "东湖区人民政府加强领导。\n一、主要工作\n正文。",
        # signed by the district: a town in the opening is not the issuer
        "2024年，青禾镇人民政府推进依法行政。东湖区全年考核。\n一、主要工作\n正文。\n"
        "东湖区人民政府\n2025年1月5日",
        # an addressee is not the issuer
        "青禾镇人民政府：\n2024年，东湖区推进依法行政。东湖区全年考核。\n一、主要工作\n正文。",
    ],
)
def test_a_town_a_district_report_names_is_not_its_place(text: str) -> None:
    assert parse_text(text).region == "东湖区"


def test_a_town_written_after_its_larger_places_is_known_by_its_own_name() -> None:
    assert canonical_place("南岭市东湖区东湖镇") == "东湖镇"
    assert canonical_place("平阳县新市镇") == "新市镇"
    assert canonical_place("东湖区城区街道") == "城区街道"
    assert canonical_place("光明区") == "光明区"


@pytest.mark.parametrize(
    ("title", "region", "issuer"),
    [
        ("青禾镇司法所2023年法治工作总结", "青禾镇", "青禾镇司法所"),
        (
            "东湖区青禾街道综合行政执法队关于2023年法治建设情况的报告",
            "青禾街道",
            "东湖区青禾街道综合行政执法队",
        ),
    ],
)
def test_a_towns_department_reports_for_its_town(title: str, region: str, issuer: str) -> None:
    report = parse_text(f"{title}\n2023年，东湖区依法治理，东湖区考核。\n一、主要工作\n正文。")
    assert (report.region, report.issuer, report.issuer_level) == (region, issuer, "department")


@pytest.mark.parametrize("title", ["乡镇综合执法队2023年工作总结", "各街道2023年法治建设情况"])
def test_a_kind_of_town_is_no_town(title: str) -> None:
    assert region_of(title) is None


def test_a_title_that_names_a_town_leaves_its_office_to_the_text() -> None:
    text = (
        "青禾街道2024年法治政府建设情况\n2024年，青禾街道办事处推进依法行政，东湖区考核。\n"
        "一、主要工作\n正文。"
    )
    town = parse_text(text)
    office = ("青禾街道办事处", "government")
    assert (town.region, (town.issuer, town.issuer_level)) == ("青禾街道", office)
    # another town's office in the opening is not this report's issuer
    other = parse_text(text.replace("青禾街道办事处", "东湖街道办事处"))
    assert (other.region, other.issuer) == ("青禾街道", None)


_TOWN_BODY = (
    "一、主要工作\n（一）青禾镇组织学习。镇党委专题研究。\n（二）青禾镇开展普法，全镇覆盖。"
)
_STREET_BODY = "一、主要工作\n（一）青禾街道组织学习。\n（二）青禾街道开展普法。"


@pytest.mark.parametrize(
    ("opening", "body", "region"),
    [
        # the opening calls the town ours: the town, before the county it names
        (
            "2023年，我镇在平阳县委、县政府的领导下推进依法行政，平阳县考核优秀。",
            _TOWN_BODY,
            "青禾镇",
        ),
        # a county's report that tells of one of its towns (全镇覆盖) is the county's
        ("2023年，平阳县在县委的领导下推进依法行政，平阳县考核优秀。", _TOWN_BODY, "平阳县"),
        # the town's own committee by the level word alone
        (
            "2023年，街道党工委、办事处在东湖区委的领导下推进依法行政，东湖区考核优秀。",
            _STREET_BODY,
            "青禾街道",
        ),
        # every town's committee (各街道党工委) is not the report's own
        ("2023年，东湖区督促各街道党工委推进依法行政，东湖区考核优秀。", _STREET_BODY, "东湖区"),
    ],
)
def test_a_town_whose_opening_speaks_for_itself_is_the_place_not_its_county(
    opening: str, body: str, region: str
) -> None:
    assert parse_text(f"{opening}\n{body}").region == region


def test_a_town_office_whose_name_starts_with_a_city_word_is_still_a_town() -> None:
    text = "城关镇人民政府\n2023年，我镇推进依法行政，平阳县考核优秀。\n一、主要工作\n正文。"
    assert (parse_text(text).region, parse_text(text).issuer) == ("城关镇", "城关镇人民政府")


_WORK = (
    "一、主要工作\n推进法治政府建设，审查规范性文件12件。\n二、存在问题\n法治政府建设还有短板。\n"
)


@pytest.mark.parametrize(
    "opening",
    [
        "2024年,平阳县坚持以习近平法治思想为指导,深入推进法治政府建设。",
        "2024年,在市委、市政府的正确领导下,平阳县各级行政机关扎实推进依法行政。",
        "2024年,我县深入贯彻习近平法治思想,推进法治政府建设。",
    ],
)
def test_a_report_in_which_the_place_itself_speaks_is_its_government_s(opening: str) -> None:
    text = f"平阳县2024年法治政府建设情况报告\n{opening}\n{_WORK}"
    report = parse_text(text)
    assert (report.region, report.issuer, report.issuer_level) == (
        "平阳县",
        "平阳县人民政府",
        "government",
    )


@pytest.mark.parametrize(
    "opening",
    [
        # the party committee and the government together: whose report it is stays open
        "2024年,县委、县政府坚持以习近平法治思想为指导,推进法治政府建设。",
        # a department calls itself 我局, or speaks for its sector
        "2024年,平阳县坚持依法行政,我局认真履行职责,推进法治政府建设。",
        "2024年,全县司法行政系统坚持依法行政,推进法治政府建设。",
        # the place is not the subject: it is where, or whose committee
        "2024年,平阳县委坚持依法治县,推进法治政府建设。",
        "2024年,在平阳县,各部门推进法治政府建设。",
    ],
)
def test_no_government_is_named_where_the_place_does_not_speak(opening: str) -> None:
    text = f"平阳县2024年法治政府建设情况报告\n{opening}\n{_WORK}"
    assert parse_text(text).issuer is None


def test_a_government_named_short_is_named_in_full() -> None:
    assert government_of("平阳县") == "平阳县人民政府"
    assert government_of("东湖街道") == "东湖街道办事处"
    assert government_of("兴安盟") == "兴安盟行政公署"
    text = f"2024年平阳县法治政府建设情况\n2024年,平阳县政府认真推进依法行政。\n{_WORK}"
    assert parse_text(text).issuer == "平阳县人民政府"
    # any other issuer stays as it is
    assert by_full_name("平阳县文化局", "平阳县") == "平阳县文化局"


# What an official document carries after its signature and date: how it is published, whom
# copies go to, the list of its annexes. A report's place, issuer and date are the signature's
# whatever follows it (the report's own text never takes them: it is the closing).
@pytest.mark.parametrize(
    "trailer",
    [
        "（此件公开发布）",
        "(此件主动公开)",
        "此件公开发布",
        "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
        "附件：1.2023年法治政府建设重点任务清单",
        "附件1：法治政府建设工作台账",
    ],
)
def test_a_trailer_after_the_signature_keeps_the_signature(trailer: str) -> None:
    body = "\n".join(
        [
            "某某区人民政府关于2023年法治政府建设情况的报告",
            "一、主要工作",
            "某某区全年办理行政复议案件12件。乙镇完成综合执法改革。",
            "乙镇人民政府落实法治建设第一责任人职责。",
            "某某区人民政府",
            "2024年3月1日",
        ]
    )
    plain = parse_text(body)
    trailed = parse_text(body + "\n" + trailer)
    assert (plain.region, plain.issuer, plain.published) == (
        "某某区",
        "某某区人民政府",
        "2024-03-01",
    )
    assert (trailed.region, trailed.issuer, trailed.published) == (
        plain.region,
        plain.issuer,
        plain.published,
    )
    assert trailed.closing[-1] == trailer
    assert trailer not in trailed.sections[-1].full_text()


# The keys a page's info box puts after its 来源, written as a page, a PDF's text layer
# (no space) or a flattened line gives them.
_NEXT_KEYS = [
    "发布时间：2024-01-25 09:30",
    "发布日期:2024-01-25",
    "更新时间:2024-01-25 12:17:36",
    "信息时间:2024-01-25",
    "时间：2024-01-25",
    "日期:2024/01/25",
    "浏览次数：120",
    "阅读次数:",
    "点击数: 19232 次",
    "点击 54 次",
    "字号：【大 中 小】",
    "字体: [ ]",
    "【字体：大 中 小】",
    "作者：张三",
    "编辑:李四",
    "信息来源：本网",
]


@pytest.mark.parametrize("next_key", _NEXT_KEYS)
def test_a_source_ends_where_the_next_key_of_the_info_box_begins(next_key: str) -> None:
    for source in ("县司法局", "某市某区人民政府办公室", "本网", "区藏语委办(编译局)"):
        for key in ("来源：", "来源:", "信息来源: ", "发布机构：", "发文机关:"):
            for gap in ("", " ", "   ", "·", " - ", "，"):
                line = f"{key}{source}{gap}{next_key}"
                assert page_metadata([line]).get("source") == source, line
    line = f"来源：县司法局{next_key}"
    report = parse_text(
        f"某县人民政府关于2023年法治政府建设情况的报告\n{line}\n一、主要工作\n正文。"
    )
    assert report.source == "县司法局"


@pytest.mark.parametrize("next_key", [k for k in _NEXT_KEYS if k[0] != "【" and "来源" not in k])
def test_a_source_left_empty_is_no_source(next_key: str) -> None:
    # 来源: 作者: 发布时间:…: the page names no source; the next key is none
    for key in ("来源:", "信息来源：", "文章来源: "):
        for gap in ("", " ", "  "):
            assert "source" not in page_metadata([f"浏览次数:602 {key}{gap}{next_key}"])


@pytest.mark.parametrize("gap", ["", " "])
def test_an_archivers_header_value_ends_where_the_next_key_begins(gap: str) -> None:
    values, _lines, _rest = take_header(
        [
            f"来源：县司法局{gap}发布时间：2024-01-25 09:30",
            f"发文机关:某县人民政府{gap}点击数:12",
            "正文。",
        ]
    )
    assert values == {"source": "县司法局", "issuer": "某县人民政府"}


_PLAIN_PARAGRAPHS = [
    "2023年，某某区深入推进法治政府建设，全年办理行政复议案件12件。",
    "某某区持续深化“放管服”改革，全面推行行政执法三项制度。",
    "下一步，某某区将继续深入学习贯彻习近平法治思想，推进法治政府建设。",
]


@pytest.mark.parametrize("trailer", ["", "（此件公开发布）"])
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "unnumbered"])
@pytest.mark.parametrize("join", ["\n", ""], ids=["lines", "flat"])
def test_the_signature_is_the_closing_with_or_without_headings(
    numbered: bool, trailer: str, join: str
) -> None:
    """A report of plain paragraphs signs off as a numbered one does: its issuer and date
    are its closing (not its one section's last paragraphs), its date the published one."""
    body = [
        f"{'一、二、'[i * 2 : i * 2 + 2]}工作{i}。{p}" if numbered else p
        for i, p in enumerate(_PLAIN_PARAGRAPHS[:2])
    ] + _PLAIN_PARAGRAPHS[2:]
    signature = ["某某区人民政府", "2024年3月28日"]
    text = "某某区2023年法治政府建设情况报告\n" + join.join([*body, *signature])
    report = parse_text(text + (f"\n{trailer}" if trailer else ""))  # (a trailer's own line)
    assert (report.published, report.issuer, report.region) == (
        "2024-03-28",
        "某某区人民政府",
        "某某区",
    )
    closing = list(report.closing)  # (a numbered report's 下一步… may be in it)
    assert signature[0] in closing
    assert closing[closing.index(signature[0]) :][:2] == signature
    assert all("2024年3月28日" not in s.full_text() for s in report.walk())
    assert "下一步，某某区将继续深入学习贯彻习近平法治思想" in report.full_text()


def test_a_content_farm_s_mark_leaves_headings_and_lines_of_its_own() -> None:
    """A copy from a content farm carries the site's mark after its headings and on lines of
    its own (…成效 某文网 www.mouwen.com); a paragraph's address and a government's stay."""
    text = "\n".join(
        [
            "某县司法局2022年法治政府建设工作情况报告",
            "2022年，我局全面推进依法行政。现将有关情况报告如下：",
            "某文网 www.mouwen.com",
            "一、主要举措和成效 某文网 www.mouwen.com",
            "（一）坚持依法决策 范文之家 http://www.fanwen-home.net/",
            "严格落实合法性审查，全年审查文件12件，详见 www.mouju.org.cn",
            "（二）推进政务公开 www.gov.cn",
            "通过中国政府网 www.gov.cn 公开信息35条。",
            "二、下一步工作 WWW.MOUWEN.COM",
            "继续推进法治政府建设。",
        ]
    )
    report = parse_text(text)
    headings = [(s.number, s.heading) for s in report.walk()]
    assert headings == [
        ("一", "主要举措和成效"),
        ("一", "坚持依法决策"),
        ("二", "推进政务公开 www.gov.cn"),
        ("二", "下一步工作"),
    ]
    body = report.full_text()
    assert "某文网" not in body and "范文之家" not in body
    assert "全年审查文件12件，详见 www.mouju.org.cn" in body  # a paragraph keeps its address
    assert "通过中国政府网 www.gov.cn 公开信息35条。" in body


def test_an_info_box_in_square_brackets_is_chrome_and_the_title_below_it_is_found() -> None:
    text = "\n".join(
        [
            "[ 索引号 ] 11330000AB12345678/2031-00001 [ 发文字号 ]",
            "[ 发布机构 ] 平阳县文化局 [ 发布日期 ] 2032-01-13",
            "[ 成文日期 ] 2032-01-13 [ 有效性 ]",
            "[ 发文字号 ]",
            "[ 有效性 ]",
            "平阳县文化局 关于2031年法治政府建设情况的报告",
            "2031年，县文化局推进依法行政，各项工作取得新成效。现将有关情况报告如下：",
            "一、主要工作",
            "（一）加强组织领导。局党组专题研究法治工作四次。",
            "（二）规范执法行为。全年开展执法检查三十次。",
        ]
    )
    report = parse_text(text)
    # (its author's name before 关于 after a space, as it is on a line of its own above)
    assert report.title == "平阳县文化局关于2031年法治政府建设情况的报告"
    assert (report.issuer, report.region) == ("平阳县文化局", "平阳县")
    assert "有效性" not in report.full_text()
    # flattened: the box's closing bracket before the department's name is not the title's
    flat = parse_text(text.replace("\n", ""))
    assert flat.title == "平阳县文化局关于2031年法治政府建设情况的报告"
    assert (flat.issuer, flat.region) == ("平阳县文化局", "平阳县")


@pytest.mark.parametrize(
    "before",
    ["• 文号  • 索引号  • 关键词  • 服务对象", "首页 > 政务公开 > 部门信息公开 > 规划计划"],
)
def test_a_key_or_column_run_into_a_flat_title_after_a_bullet_or_separator_is_not_the_title_s(
    before: str,
) -> None:
    text = (
        f"{before}平阳县人民政府关于2031年法治政府建设情况的报告发布日期:2032-02-24  浏览次数:"
        "2031年，平阳县坚持依法行政，各项工作取得新成效。现将有关情况报告如下：一、主要工作"
        "（一）加强组织领导。县政府常务会议专题研究法治工作四次。（二）规范执法行为。"
        "全年开展执法检查三十次。"
    )
    report = parse_text(text)
    assert report.title == "平阳县人民政府关于2031年法治政府建设情况的报告"
    assert report.issuer == "平阳县人民政府"


def test_a_district_government_s_town_office_in_the_title_is_the_report_s_author() -> None:
    text = (
        "东湖区人民政府青禾街道办事处关于2031年度法治政府建设情况的报告\n"
        "2031年，我街道在区委、区政府的领导下推进依法行政。现将有关情况报告如下：\n"
        "一、主要成效\n（一）夯实法治基础\n正文。"
    )
    report = parse_text(text)
    assert (report.region, report.issuer, report.issuer_level) == (
        "青禾街道",
        "青禾街道办事处",
        "government",
    )


@pytest.mark.parametrize("subject", ["青禾街道在区委区政府的坚强领导下，坚持", "青禾街道坚持"])
def test_a_town_named_alone_as_its_opening_s_subject_issues_the_report(subject: str) -> None:
    text = (
        f"2031年，{subject}以法治思想为指导，围绕《东湖区2031年法治建设工作要点》推进依法行政。"
        "现将有关情况报告如下：\n一、主要举措与成效\n（一）压实主体责任\n"
        "一是发挥组织引领作用。街道党工委定期研究法治工作。二是落实创建责任。"
        "修订《东湖区青禾街道党工委议事规则》。"
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("青禾街道", "青禾街道办事处")
    # a list of towns (各街道…) names no subject
    other = parse_text(text.replace(f"2031年，{subject}", "2031年，各街道坚持"))
    assert other.issuer != "各街道办事处"


def test_a_province_s_department_named_bare_in_its_opening_is_the_issuer() -> None:
    text = (
        "2031年，司法厅坚持以法治思想为指导，认真落实省委、省政府关于法治工作的部署，"
        "为建设更高水平的法治浙江提供有力保障。\n一、坚持党的领导，统筹推进法治政府建设\n"
        "一是强化组织领导。厅党委专题研究法治工作十次。二是加强统筹谋划。"
        "牵头制定《浙江省2031年法治政府建设重点工作安排》。"
    )
    report = parse_text(text)
    assert (report.region, report.issuer, report.issuer_level) == (
        "浙江省",
        "浙江省司法厅",
        "department",
    )


def test_a_report_naming_no_year_up_front_takes_the_one_its_sentences_open_with() -> None:
    text = (
        "一、主要举措和成效\n（一）强化组织领导，狠抓责任落实\n全镇坚持依法行政，层层压实责任。\n"
        "（二）强化重点工作\n1. 加强规范性文件管理。认真清理规范性文件。2031年我镇新制发规范性文件1件。\n"
        "2. 积极开展行政执法。2031年青禾镇组织开展执法检查二百余次。"
    )
    assert parse_text(text).year == 2031
    # two years (one for comparison): none is sure
    filler = "镇党委把法治建设纳入重要议事日程，主要负责人切实履行第一责任人职责。" * 10
    other = text.replace("层层压实责任。", "层层压实责任。" + filler).replace(
        "2031年青禾镇", "2030年青禾镇"
    )
    assert parse_text(other).year is None


def test_a_county_s_own_word_outranks_its_superior_s_office_named_by_level() -> None:
    # 市委依法治市办 is the city's office that guided it; 我县 is the report's own voice
    text = (
        "2031年，在县委、县政府的正确领导下，在市委依法治市办的有力指导下，我县坚持依法行政，"
        "扎实推进法治政府建设各项工作。现将2031年法治政府建设情况报告如下：\n一、法治政府建设工作推进情况\n"
        "（一）加强党的全面领导\n"
        + "全年召开常委会五次，学习研究法治建设相关会议精神，部署全县法治建设相关工作。" * 8
        + "县委党校举办了2期平阳县中青年干部培训班。"
    )
    report = parse_text(text)
    assert (report.region, report.issuer) == ("平阳县", "平阳县人民政府")

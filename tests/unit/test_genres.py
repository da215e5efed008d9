"""What a document is and who wrote it: genres, departments, places, archivers' headers, Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from govread.parsers import parse_text
from govread.parsers.gazetteer import find_place
from govread.parsers.metadata import canonical_place, genre_of, issuer_level_of, take_header
from govread.parsers.readers import read_report

GENRES = Path(__file__).parents[1] / "fixtures" / "genres"


def test_a_flat_department_report_with_an_archivers_header() -> None:
    report = read_report(GENRES / "department_flat.txt")
    assert report.title == "深圳市光明区工业和信息化局2022年法治建设情况报告"
    assert (report.genre, report.issuer_level) == ("法治建设报告", "department")
    assert report.issuer == "深圳市光明区工业和信息化局"
    assert (report.region, report.year, report.published) == ("光明区", 2022, "2023-02-10")
    assert report.source_url == "https://www.example.gov.cn/gmq/gxj/fzzf/content/post_1024.html"
    assert report.doc_number is None  # 文号: left empty by the archiver
    assert [(row["level"], row["number"], row["heading"]) for row in report.outline()] == [
        (1, "一", "工作开展情况"),
        (2, "一", "深入学习宣传贯彻党的二十大精神"),
        (2, "二", "严格规范行政执法"),
        (3, "1", "完善执法程序"),
        (3, "2", "加强执法监督"),
        (2, "三", "推进政务公开"),
        (1, "二", "存在问题"),
        (1, "三", "下一步工作安排"),
        (2, "一", "加强执法队伍建设"),
        (2, "二", "深化“谁执法谁普法”"),
    ]
    # numbers inside sentences stay text, the body is whole, the signature is found
    text = report.full_text()
    for phrase in ("2.5个百分点", "12345热线", "4.22地球日", "在看到成绩的同时"):
        assert phrase in text
    assert report.closing[-2:] == ("深圳市光明区工业和信息化局", "2023年2月10日")


def test_a_department_report_on_work_done_and_planned() -> None:
    report = read_report(GENRES / "department_plan_report.txt")
    assert (report.genre, report.issuer_level) == ("法治建设报告", "department")
    assert (report.issuer, report.region, report.year) == ("深圳市龙岗区水务局", "龙岗区", 2022)
    flat = parse_text((GENRES / "department_plan_report.txt").read_text("utf-8").replace("\n", ""))
    assert flat.outline() == report.outline()
    assert (flat.issuer, flat.published, flat.genre) == (
        report.issuer,
        report.published,
        report.genre,
    )


def test_a_government_work_report_is_never_titled_a_rule_of_law_report() -> None:
    report = read_report(GENRES / "government_work_report.txt")
    assert report.title is None
    assert report.genre == "政府工作报告"
    assert report.display_title == "坪山区 2021年 政府工作报告"
    assert "法治" not in report.display_title
    assert (report.issuer, report.issuer_level) == ("坪山区人民政府", "government")


def test_an_unrelated_document_gets_no_invented_genre() -> None:
    report = read_report(GENRES / "statistics_bulletin.txt")
    assert report.genre == "其他"
    assert "法治" not in report.display_title
    assert report.region is None  # the text names no place


def test_markdown_headings_lists_and_emphasis() -> None:
    report = read_report(GENRES / "work_plan.md")
    assert report.title == "宝安区2024年法治政府建设工作要点"
    assert report.genre == "工作要点"
    assert [(row["level"], row["heading"]) for row in report.outline()] == [
        (1, "深入学习贯彻习近平法治思想"),
        (1, "健全依法行政制度体系"),
        (2, "严格落实重大行政决策程序"),
        (2, "加强行政规范性文件管理"),
    ]
    first = report.sections[0].paragraphs[0]
    assert first.startswith("持续深化学习。") and "*" not in first


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("深圳市光明区", "光明区"),
        ("光明区", "光明区"),
        ("湖北省咸宁市", "咸宁市"),
        ("泾县", "泾县"),
        ("沙市区", "沙市区"),
        (None, None),
    ],
)
def test_one_name_per_place(name: str | None, place: str | None) -> None:
    assert canonical_place(name) == place


def test_places_come_from_the_gazetteer_with_province_and_level() -> None:
    guangming = find_place("深圳市光明区")
    assert guangming and (guangming.name, guangming.province, guangming.level) == (
        "光明区",
        "广东省",
        "区",
    )
    # namesakes are told apart by the city named before them
    shenzhen = find_place("深圳市龙华区")
    haikou = find_place("海口市龙华区")
    assert shenzhen and haikou and shenzhen.code != haikou.code
    assert (shenzhen.city, haikou.city) == ("深圳市", "海口市")
    assert find_place("湖北省咸宁市") == find_place("咸宁市")
    assert find_place("梅临县") is None  # made up: not the real 临县 it ends like
    assert find_place("某某公告") is None
    report = parse_text(
        "深圳市光明区人民政府2021年法治政府建设情况报告\n一、工作\n正文。\n二、打算\n正文。"
    )
    assert (report.region, report.province, report.region_level) == ("光明区", "广东省", "区")


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("泾县人民政府关于2022年法治政府建设情况的报告", "法治政府建设报告"),
        ("宝鸡市2023年度法治政府建设工作总结", "法治政府建设报告"),
        ("某区司法局2022年法治建设年度报告", "法治建设报告"),
        ("关于2022年法治工作情况暨2023年工作要点的报告", "法治建设报告"),
        ("某市2024年法治政府建设工作要点", "工作要点"),
        ("2020年盐田区政府工作报告", "政府工作报告"),
        ("2023年国民经济和社会发展统计公报", "其他"),
    ],
)
def test_genre_from_the_title(title: str, genre: str) -> None:
    assert genre_of(title, "", "") == genre


def test_genre_of_an_untitled_text_from_its_words() -> None:
    assert (
        genre_of(None, "各位代表：现在，我代表某区人民政府，向大会报告政府工作", "")
        == "政府工作报告"
    )
    assert genre_of(None, "", "法治政府建设" * 3) == "法治政府建设报告"
    assert genre_of(None, "", "全年粮食产量") == "其他"


@pytest.mark.parametrize(
    ("issuer", "title", "level"),
    [
        ("咸宁市人民政府", None, "government"),
        ("深圳市光明区经济发展局", None, "department"),
        (None, "深圳市光明区发展和改革局关于2022年法治政府建设情况的报告", "department"),
        (None, None, None),
    ],
)
def test_issuer_level(issuer: str | None, title: str | None, level: str | None) -> None:
    assert issuer_level_of(issuer, title) == level


def test_a_header_needs_two_lines_and_keeps_only_valid_values() -> None:
    values, lines, rest = take_header(
        [
            "标题: 某县2023年法治政府建设情况报告",
            "发布时间: 2023-03-31 16:47",
            "原文链接: javascript:alert(1)",
            "正文。",
        ]
    )
    assert values == {
        "title": "某县2023年法治政府建设情况报告",
        "published": "2023-03-31",
        "published_by": "发布时间",
    }
    assert len(lines) == 3 and rest == ["正文。"]
    assert take_header(["标题: 只有一行", "正文。"]) == ({}, [], ["标题: 只有一行", "正文。"])


def test_a_page_saved_again_keeps_its_text_identity() -> None:
    page = "某县人民政府2023年法治政府建设情况报告\n浏览次数: {n} 来源:县司法局\n一、工作成效\n正文。\n二、下一步\n正文。"
    first, second = parse_text(page.format(n=12)), parse_text(page.format(n=13))
    assert first.sha256 != second.sha256
    assert first.text_sha256() == second.text_sha256()
    assert (
        parse_text(page.format(n=12).replace("正文。", "另文。")).text_sha256()
        != first.text_sha256()
    )


# A news story about the work: its headline, its page's bar, its lede and what it quotes.
_HEADLINES = (
    "{place}召开2023年法治政府建设推进会",
    "{place}举行法治政府建设专题培训班",
    "全面依法治{level}委员会第三次会议召开",
    "{place}法治政府建设工作会议召开",
    "{place}长张某某调研法治政府建设工作",
    "我{level}召开2023年度法治政府建设工作会议",
    "{place}2023年度法治政府建设工作会议",
    "{place}司法局开展法治政府建设督察",
    "全{level}法治政府建设推进会",
)
_LEDES = ("5月11日下午，", "2023年5月11日，", "近日，", "日前，", "")
_STORIES = (
    "会议指出，一年来，全{level}法治政府建设取得明显成效。会议强调，要压实工作责任。",
    "本报讯（记者 王某 通讯员 李某）{place}政府召开法治政府建设推进会，部署全年工作。",
    "{place}{level}长张某某出席会议并讲话，各单位主要负责同志参加会议。",
)


_SPEECHES = "区司法局、区市场监管局、区城管和综合执法局等单位主要负责同志先后作交流发言。" * 2


def _news() -> list[tuple[str, str]]:
    stories = []
    for place, level in (("光明区", "区"), ("某县", "县")):
        for headline in _HEADLINES:
            for lede in _LEDES:
                for story in _STORIES:
                    title = headline.format(place=place, level=level)
                    body = lede + f"{place}政府召开法治政府建设推进会，法治政府建设工作。"
                    body += story.format(place=place, level=level)
                    stories.append((title, body))
    return stories


def test_a_news_story_about_the_work_is_no_report_and_its_headline_is_its_title() -> None:
    for headline, story in _news():
        for text in (
            f"{headline}\n来源：区融媒体中心 发布时间：2023-05-12\n{story}\n区司法局等单位作交流发言。",
            f"{headline}\n{story}",
            f"{headline} {story}",  # flattened
            # a flattened page, its bar run in
            f"{headline}来源：区融媒体中心 发布时间：2023-05-12 {story}{_SPEECHES}",
        ):
            report = parse_text(text)
            assert (report.genre, report.title, report.display_title) == (
                "其他",
                headline,
                headline,
            ), text
            assert report.issuer is None  # who held the meeting did not write the story


def test_a_news_story_without_a_headline_is_no_report() -> None:
    for _headline, story in _news():
        if story.startswith(_LEDES[:-1]):
            assert parse_text(story + "\n区司法局等单位作交流发言。").genre == "其他", story


# Reports speak of their meetings (常务会议专题研究…, 会议强调…, 主持会议) and of events:
# they stay reports.
_MEETINGS = (
    "2023年，{place}召开政府常务会议专题研究法治政府建设4次，会议听取法治政府建设情况汇报，"
    "会议强调要压实第一责任人职责。",
    "5月11日，{place}召开法治政府建设推进会，{level}长出席会议并讲话，会议指出，要狠抓落实。",
    "{place}政府主要负责同志主持会议，审议法治政府建设年度报告。各部门作交流发言。",
    "近日，{place}司法局组织召开座谈会，接受记者采访。",
)


def test_a_report_that_speaks_of_meetings_is_still_a_report() -> None:
    for place, level in (("光明区", "区"), ("某县", "县")):
        for meeting in _MEETINGS:
            said = meeting.format(place=place, level=level)
            for title, genre in (
                (f"{place}人民政府关于2023年法治政府建设情况的报告", "法治政府建设报告"),
                (f"{place}2023年度法治政府建设工作总结", "法治政府建设报告"),
                (f"{place}司法局2023年法治建设年度报告", "法治建设报告"),
            ):
                for opening in (said, f"2023年，{place}坚持依法行政。{said}"):
                    text = f"{title}\n{opening}\n一、主要工作\n正文。\n二、下一步打算\n正文。"
                    report = parse_text(text)
                    assert (report.genre, report.title) == (genre, title), text
            # untitled: it opens with the year's work, not with a headline and a dateline
            text = (
                f"2023年，{place}坚持以习近平法治思想为指导，深入推进法治政府建设。"
                f"{said}\n一、法治政府建设情况\n{said}\n二、下一步打算\n深化法治政府建设。"
            )
            report = parse_text(text)
            assert (report.genre, report.title) == ("法治政府建设报告", None), text

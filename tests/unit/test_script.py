"""Reports in traditional script are read as simplified, character for character."""

from __future__ import annotations

import pytest

from govread.parsers.readers import report_from_bytes
from govread.parsers.script import as_simplified, is_traditional, read_as_simplified

# Invented sentences in the genre's words (simplified), and the same in traditional script.
SIMPLIFIED = (
    "某县人民政府关于2023年度法治政府建设情况的报告\n"
    "一、主要工作\n（一）健全依法决策机制。全年审查规范性文件35件，"
    "办理行政复议案件12件，行政机关负责人出庭应诉率达100%。\n"
    "（二）严格规范公正文明执法。开展执法检查26次，组织执法人员培训8场。\n"
    "二、存在问题\n法治宣传教育的针对性还需增强。\n"
)
TRADITIONAL = (
    "某縣人民政府關於2023年度法治政府建設情況的報告\n"
    "一、主要工作\n（一）健全依法決策機制。全年審查規範性文件35件，"
    "辦理行政復議案件12件，行政機關負責人出庭應訴率達100%。\n"
    "（二）嚴格規範公正文明執法。開展執法檢查26次，組織執法人員培訓8場。\n"
    "二、存在問題\n法治宣傳教育的針對性還需增強。\n"
)


def test_a_traditional_text_reads_as_the_simplified_one_character_for_character() -> None:
    assert is_traditional(TRADITIONAL)
    # 於 is simplified too, so it is no evidence; in a traditional text it reads 于
    assert as_simplified(TRADITIONAL) == SIMPLIFIED


def test_a_simplified_text_is_left_as_it_is_even_with_a_few_traditional_names() -> None:
    assert as_simplified(SIMPLIFIED) is None
    # a name or a quotation in traditional script does not make the report traditional
    assert as_simplified(SIMPLIFIED * 3 + "题词：“國泰民安”，書法家鍾某。") is None
    assert as_simplified("") is None


def test_a_traditional_report_in_big5_gives_the_simplified_outline_and_says_so() -> None:
    simplified = report_from_bytes(SIMPLIFIED.encode("utf-8"), "a.txt")
    for encoding in ("utf-8", "cp950"):
        report = report_from_bytes(TRADITIONAL.encode(encoding), "b.txt")
        assert report.meta["script"] == "traditional"
        assert report.outline() == simplified.outline()
        assert (report.title, report.region) == (simplified.title, simplified.region)
    assert "script" not in simplified.meta


# The same report as a converting site gives it: each character it had to choose is followed
# by its reading in brackets (composed tone marks, or a vowel and a combining mark).
WITH_READINGS = (
    TRADITIONAL.replace("建設", "建設(shè)")
    .replace("復議", "復(fù)議")
    .replace("規範", "規(guī)範")
    .replace("執法", "執(zhi\u0301)法")
    .replace("問題", "問（wèn）題")
)


def test_a_converters_readings_are_dropped_so_the_words_are_whole_again() -> None:
    assert WITH_READINGS.count("(") >= 5
    assert as_simplified(WITH_READINGS) == SIMPLIFIED
    report = report_from_bytes(WITH_READINGS.encode("utf-8"), "c.txt")
    assert report.outline() == report_from_bytes(SIMPLIFIED.encode("utf-8"), "a.txt").outline()
    assert "办理行政复议案件12件" in "".join(report.sections[0].children[0].paragraphs)


def test_brackets_that_are_no_reading_stay() -> None:
    # no tone mark, not after a Chinese character, or more than one syllable: kept
    kept = ("（a）", "(de)", "2(shè)", "(shèng lì)", "(zhuàngzhuàng)")
    text = TRADITIONAL + "".join(f"說明{bracket}" for bracket in kept[:2]) + kept[2]
    assert all(bracket in as_simplified(text + "".join(kept[3:])) for bracket in kept)
    # a simplified report keeps every bracket: readings are dropped only where a converter was
    assert as_simplified(SIMPLIFIED + "建设(shè)") is None
    # an author's gloss of a rare character or two is the report's own, converted or not
    glossed = TRADITIONAL.replace("執法", "鼉(tuó)執法", 2)
    assert as_simplified(glossed) == SIMPLIFIED.replace("执法", "鼍(tuó)执法", 2)


# 著 is how traditional script writes both 著 (显著, 著作) and 着 (着力, 沿着, 随着): read as 着
# where it is the verb or the particle, as 著 in a word of 著.
@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("著力優化營商環境", "着力优化营商环境"),
        ("（一）著眼長遠", "（一）着眼长远"),
        ("著重解決", "着重解决"),
        ("著手制定", "着手制定"),
        ("沿著正確方向", "沿着正确方向"),
        ("隨著改革深入", "随着改革深入"),
        ("圍繞著中心工作", "围绕着中心工作"),
        ("發揮著重要作用", "发挥着重要作用"),
        ("本著依法原則", "本着依法原则"),
        ("存在著不足", "存在着不足"),
        ("成效顯著", "成效显著"),
        ("顯著提升", "显著提升"),
        ("效果顯著力度加大", "效果显著力度加大"),
        ("著作權保護", "著作权保护"),
        ("著名企業", "著名企业"),
        ("成績卓著", "成绩卓著"),
        ("臭名昭著", "臭名昭著"),
        ("學術專著", "学术专著"),
        ("著稱", "著称"),
    ],
)
def test_zhu_reads_zhe_only_as_the_verb_or_particle(traditional: str, simplified: str) -> None:
    assert read_as_simplified(traditional) == simplified
    # in a whole report as well, its length kept
    text = TRADITIONAL + traditional + "。\n"
    read = as_simplified(text)
    assert read is not None and read.endswith(simplified + "。\n") and len(read) == len(text)


def test_a_traditional_report_is_found_by_zhe() -> None:
    text = TRADITIONAL.replace("（二）嚴格", "（二）著力嚴格").replace("開展", "隨著改革深入，開展")
    report = report_from_bytes(text.encode("cp950"), "b.txt")
    headings = [section.heading for section in report.walk()]
    assert "着力严格规范公正文明执法" in headings
    assert any("随着改革深入" in p for section in report.walk() for p in section.paragraphs)

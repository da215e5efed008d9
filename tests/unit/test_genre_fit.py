"""A report the comparison's topics do not fit (a 政府工作报告) is named, on stderr by the
compare command and on the compare screen's title; reports of the genre are not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from govread.corpus import sample_paths
from govread.genre_fit import genre_note, genre_notes, off_topic
from govread.parsers import parse_text

# Invented: the speech's opening is what marks the genre when there is no title line.
SPEECH = """各位代表：
现在，我代表甲乙区人民政府，向大会报告政府工作，请予审议。
一、2021年工作回顾
过去一年，全区地区生产总值增长6%，新建学校3所，改造老旧小区12个。
二、2022年工作安排
今年将继续优化营商环境，推进城市更新，办好十件民生实事。
"""


def test_a_speech_to_the_congress_is_off_topic_and_a_rule_of_law_report_is_not() -> None:
    speech = parse_text(SPEECH, path="甲乙区.txt")
    sample = parse_text(sample_paths()[0].read_text("utf-8"), path="sample.txt")
    assert speech.genre == "政府工作报告"
    assert off_topic([sample, speech]) == [speech]
    note = genre_note(speech)
    assert "政府工作报告" in note and "甲乙区" in note and "\n" not in note


def test_the_note_is_sanitised() -> None:
    speech = dataclasses.replace(parse_text(SPEECH, path="x.txt"), region="甲\x1b[31m乙区")
    note = genre_note(speech)
    assert "\x1b" not in note and "乙区" in note


def test_compare_says_which_report_the_topics_do_not_fit(tmp_path: Path, capsys) -> None:
    from govread.cli import main

    speech = tmp_path / "甲乙区2021.txt"
    speech.write_text(SPEECH, "utf-8")
    assert main(["compare", str(sample_paths()[0]), str(speech)]) == 0
    err = capsys.readouterr().err
    (note,) = [line for line in err.splitlines() if "note" in line]
    assert "政府工作报告" in note
    assert main(["compare", str(sample_paths()[0]), str(sample_paths()[4])]) == 0
    assert "note" not in capsys.readouterr().err


def test_reports_of_one_genre_share_one_note() -> None:
    """QA: two 政府工作报告 compared gave a note each; the compare screen's title, which has
    room for a line or two, cut the second one off."""
    first = parse_text(SPEECH, path="甲乙区.txt")
    second = parse_text(SPEECH.replace("甲乙区", "丙丁县"), path="丙丁县.txt")
    sample = parse_text(sample_paths()[0].read_text("utf-8"), path="sample.txt")
    (note,) = genre_notes([sample, first, second])
    assert "甲乙区" in note and "丙丁县" in note and "rough guide" in note and "\n" not in note
    assert genre_notes([sample, first]) == [genre_note(first)]
    assert genre_notes([sample]) == []

"""A file not opened, told in a notification: as the user knows it, in their language."""

from __future__ import annotations

from govread.i18n import set_language
from govread.opening import Problem, duplicate_problem, recognisable_path
from govread.parsers.outline import parse_text


def test_a_file_found_in_a_folder_opened_is_shown_under_it() -> None:
    opened = ["/home/ana/下载/年度报告"]
    found = "/home/ana/下载/年度报告/2023/甲县.txt"
    assert recognisable_path(found, opened) == "2023/甲县.txt"


def test_the_innermost_folder_opened_is_the_one_shown_under() -> None:
    opened = ["/data", "/data/reports/2023"]
    assert recognisable_path("/data/reports/2023/乙市.pdf", opened) == "乙市.pdf"


def test_a_file_named_or_found_elsewhere_is_shown_by_its_name() -> None:
    assert recognisable_path("/srv/x/deep/丙区.html", ["/srv/x/deep/丙区.html"]) == "丙区.html"
    assert recognisable_path("/srv/x/deep/丙区.html", ["/elsewhere"]) == "丙区.html"
    assert recognisable_path("/srv/x/deep/丙区.html", []) == "丙区.html"


def test_a_relative_folder_opened_matches_the_files_found_in_it() -> None:
    assert recognisable_path("downloads/sub/a.txt", ["downloads"]) == "sub/a.txt"
    assert recognisable_path("a.txt", ["."]) == "a.txt"


def test_brief_names_the_file_and_the_original_as_the_user_knows_them() -> None:
    original = parse_text("一、甲。正文。\n二、乙。正文。", path="/data/in/原件.txt")
    problem = duplicate_problem("/data/in/copies/副本.txt", original)
    assert (
        problem.brief(["/data/in"])
        == "copies/副本.txt: is the same report as 原件.txt (shown once)"
    )
    assert str(problem) == (
        "/data/in/copies/副本.txt: is the same report as /data/in/原件.txt (shown once)"
    )


def test_brief_is_sanitised() -> None:
    problem = Problem("/tmp/d/\x1b[31m红.txt\u202e", "is empty", False)
    line = problem.brief(["/tmp/d"])
    assert line == "\\x1b[31m红.txt\\u202e: is empty"


def test_the_duplicate_reason_is_in_the_interface_language() -> None:
    original = parse_text("一、甲。正文。\n二、乙。正文。", path="/data/原件.txt")
    problem = duplicate_problem("/data/副本.txt", original)
    set_language("zh")
    try:
        assert problem.brief(["/data"]) == "副本.txt: 与 原件.txt 是同一份报告（只显示一次）"
        assert "is the same report" not in str(problem)
    finally:
        set_language("en")

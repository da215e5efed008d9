"""A year written in full-width digits (２０２３年) or Chinese numerals (二〇二三年, 二○二三年) is
read as the year it is, wherever the parser reads one; the text shows it as written."""

from __future__ import annotations

import pytest

from govread.parsers import parse_text
from govread.parsers.metadata import parse_date, region_of
from govread.parsers.numerals import read_years
from govread.plan_phase import later_year, plan_title

_SPELLINGS = {
    2022: ["2022", "２０２２", "二〇二二", "二零二二", "二○二二", "二O二二"],
    1998: ["1998", "１９９８", "一九九八"],
}
_CASES = [(year, spelling) for year, spellings in _SPELLINGS.items() for spelling in spellings]
_SIGNATURES = ["", "2023年12月29日", "二〇二三年十二月二十九日", "２０２３年１２月２９日"]


def _report(title: str, opening: str, signature: str) -> str:
    lines = [
        title,
        opening,
        "一、主要工作",
        "（一）加强组织领导。县政府常务会议专题研究法治政府建设工作4次。",
        "二、下一步工作",
        "持续深化法治政府建设。",
        "某县人民政府",
        signature,
    ]
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize(("year", "spelling"), _CASES)
@pytest.mark.parametrize("signature", _SIGNATURES)
@pytest.mark.parametrize("where", ["title", "opening", "both", "before the place"])
def test_the_year_is_read_in_any_digits(
    year: int, spelling: str, signature: str, where: str
) -> None:
    place_first = f"某县人民政府关于{spelling}年法治政府建设情况的报告"
    titles = {
        "title": place_first,
        "opening": "某县人民政府关于法治政府建设情况的报告",
        "both": place_first,
        "before the place": f"{spelling}年度某县人民政府法治政府建设情况报告",
    }
    said = f"{spelling}年，" if where in ("opening", "both") else ""
    text = _report(
        titles[where], f"{said}我县深入推进法治政府建设。现将有关情况报告如下：", signature
    )
    report = parse_text(text)
    assert (report.year, report.region, report.issuer) == (year, "某县", "某县人民政府")
    assert report.published == (parse_date(signature) if signature else None)
    assert report.title == titles[where]  # shown as written


@pytest.mark.parametrize("spelling", ["2020", "２０２０", "二〇二〇"])
def test_the_file_name_s_year_in_any_digits(spelling: str) -> None:
    report = parse_text("一、主要工作\n正文。", path=f"/tmp/{spelling}年平阳县法治政府建设情况.txt")
    assert (report.region, report.year) == ("平阳县", 2020)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("二○二四年二月二十九日", "2024-02-29"),
        ("二O二三年十二月二十九日", "2023-12-29"),
        ("二〇二三年 十二月 二十九日", "2023-12-29"),
        ("２０２４年２月２９日", "2024-02-29"),
    ],
)
def test_a_signature_date_in_any_digits(raw: str, iso: str) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("关于二〇二二年法治", "关于2022年法治"),
        ("一九九八年度", "1998年度"),
        ("２０２３年１２月", "2023年12月"),
        ("二O二三 年", "2023 年"),
        ("十二〇二二年", "十二〇二二年"),  # inside a longer run of numerals: no year
        ("三〇二二年", "三〇二二年"),
        ("二〇二二", "二〇二二"),  # no 年: no year
        ("二〇〇〇多年", "二〇〇〇多年"),
    ],
)
def test_read_years_keeps_every_character_in_its_place(text: str, read: str) -> None:
    assert read_years(text) == read
    assert len(read_years(text)) == len(text)


@pytest.mark.parametrize("spelling", ["2024", "２０２４", "二〇二四"])
def test_a_heading_naming_a_later_year_in_any_digits_heads_plans(spelling: str) -> None:
    assert later_year(f"{spelling}年法治政府建设重点", 2023)
    assert not later_year(f"{spelling}年法治政府建设重点", 2024)
    assert plan_title(f"{spelling}年主要工作任务", 2023)


@pytest.mark.parametrize("spelling", ["２０２２", "二〇二二"])
def test_a_year_before_the_place_is_not_part_of_it(spelling: str) -> None:
    assert region_of(f"{spelling}年平阳县法治政府建设") == "平阳县"

"""Provenance: the source URL and the saved date of a report, from its header or saved page."""

from __future__ import annotations

import time

from govread.parsers import parse_text
from govread.parsers.chrome import _SAVED, _SOURCE_URL, page_metadata
from govread.parsers.html import (
    _SAVED_FROM,
    _SINGLEFILE_DATE,
    _SINGLEFILE_URL,
    html_text,
    provenance_lines,
)

BODY = "<p>" + "全市推进法治政府建设工作取得明显成效，行政执法更加规范。" * 6 + "</p>"
TITLE = "咸宁市人民政府关于2023年法治政府建设情况的报告"


def _page(head_comment: str = "", head: str = "") -> str:
    return (
        f"{head_comment}<html><head>{head}<title>{TITLE}</title></head><body>"
        f'<div class="article"><h1>{TITLE}</h1>{BODY}<p>一、加强党的领导</p>{BODY}</div>'
        "</body></html>"
    )


def test_key_value_header_gives_url_and_saved_date_not_published() -> None:
    report = parse_text(
        "原文链接：https://www.xianning.gov.cn/art/2024/2/29/art_1.html\n"
        "保存时间：2024-03-01\n"
        f"{TITLE}\n一、加强党的领导\n正文。\n"
    )
    assert report.meta["source_url"] == "https://www.xianning.gov.cn/art/2024/2/29/art_1.html"
    assert report.meta["saved"] == "2024-03-01"
    assert report.published != "2024-03-01"  # the saving date is not the publication date
    assert "原文链接" not in report.full_text()  # header, not report text


def test_saved_page_marks_and_canonical_links() -> None:
    url = "https://www.xianning.gov.cn/art/1.html"
    browser_saved = _page(f"<!-- saved from url=(0038){url} -->\n")
    assert parse_text(html_text(browser_saved)).meta["source_url"] == url
    singlefile = _page(
        f"<!--\n Page saved with SingleFile \n url: {url} \n"
        " saved date: Fri Mar 01 2024 10:00:00 GMT+0800 (China Standard Time)\n-->"
    )
    meta = parse_text(html_text(singlefile)).meta
    assert meta["source_url"] == url and meta["saved"] == "2024-03-01"
    canonical = _page(head='<link rel="canonical" href="https://x.gov.cn/c.html">')
    assert parse_text(html_text(canonical)).meta["source_url"] == "https://x.gov.cn/c.html"
    og = _page(head='<meta property="og:url" content="https://x.gov.cn/og.html">')
    assert parse_text(html_text(og)).meta["source_url"] == "https://x.gov.cn/og.html"
    assert "source_url" not in parse_text(html_text(_page())).meta


def test_only_web_urls_and_bounded_lengths() -> None:
    assert provenance_lines(_page(), "javascript:alert(1)") == []
    assert provenance_lines(_page(), "https://x.gov.cn/" + "a" * 300) == []  # too long
    assert page_metadata(["原文链接: ftp://x.gov.cn/a"]) == {}


def test_new_patterns_stay_linear_on_adversarial_input() -> None:
    attacks = [
        "原文链接:" + "h" * 10_000,
        "原文链接:https://" + "a" * 10_000,
        "原文链接: " * 1_000,
        "保存时间:" + "2024-" * 2_000,
        "saved from url=(" + "1" * 10_000,
        "saved from url=(1)https://" + "a" * 10_000 + " ",
        " url: https://" + "a" * 10_000,
        " saved date: Mon " * 600,
        "\n url: " * 1_500,
    ]
    patterns = (_SOURCE_URL, _SAVED, _SAVED_FROM, _SINGLEFILE_URL, _SINGLEFILE_DATE)
    for attack in attacks:
        for pattern in patterns:
            started = time.thread_time()
            pattern.search(attack)
            assert time.thread_time() - started < 0.1, (pattern.pattern, attack[:30])

"""Saved web pages: a sample's page gives the sample's outline and metadata (issue 7)."""

from __future__ import annotations

import pytest

from govread.corpus import sample_paths
from govread.parsers.html import html_text, nesting_depth
from govread.parsers.readers import ReportError, extract, read_report

FIELDS = ("title", "display_title", "region", "year", "published", "issuer", "source")
PAGES = [
    ("trs", "utf-8", None),
    ("trs", "gb18030", "gb2312"),  # the usual: GB2312 declared, GBK characters written
    ("zoom_br", "gb18030", "GBK"),
    ("zoom_br", "utf-8", None),
    ("bare", "gb18030", "utf-8"),  # a wrong declaration: detection decides
    ("bare", "utf-16", "utf-16"),
]


@pytest.mark.parametrize(("template", "charset", "declared"), PAGES)
@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_saved_page_reads_as_the_sample(
    path, template, charset, declared, documents, tmp_path
) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(documents["html"](path.read_text("utf-8"), template, charset, declared))
    got, want = read_report(page), read_report(path)
    assert got.outline() == want.outline()
    assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(want, f) for f in FIELDS}
    assert got.meta["format"] == "html"
    # the article's own text is all there, and nothing of the page around it
    assert [s.full_text() for s in got.sections] == [s.full_text() for s in want.sections]
    for furniture in (
        "政务公开",
        "办事服务",
        "打印本页",
        "关闭窗口",
        "分享到",
        "微信朋友圈分享",
        "案卷评查工作的通知",
        "网站标识码",
        "欢迎访问",
        "text-indent",
        "大 中 小",
    ):
        assert got.full_text().count(furniture) == want.full_text().count(furniture), furniture
        assert furniture not in "\n".join(got.chrome) or furniture in "\n".join(want.chrome)


def test_the_page_metadata_comes_from_meta_tags(documents) -> None:
    path = sample_paths()[3]  # 秦皇岛: 发布时间 2023-12-29, 发布机构 市司法局
    text = extract(documents["html"](path.read_text("utf-8"), "trs"), "p.html").text
    assert text.splitlines()[0] == "来源:市司法局 发布时间:2023-12-29 09:30"


def test_a_title_only_in_the_page_head_is_used() -> None:
    body = "".join(
        f"<p>{i}、第{i}项工作。全面推进依法行政，法治政府建设取得新成效。</p>" for i in "一二三"
    )
    html = (
        "<html><head><meta name='ArticleTitle' content='某县2023年法治政府建设情况报告'>"
        f"<title>某县人民政府</title></head><body><div id='zoom'>{body}</div></body></html>"
    )
    report_text = html_text(html)
    assert report_text.splitlines()[0] == "某县2023年法治政府建设情况报告"


def test_br_and_blocks_break_lines_and_inline_tags_do_not() -> None:
    html = (
        "<body><div class='TRS_Editor'>一、总体情况<br>全面<b>推进</b>法治<span>政府</span>建设。"
        "<div>二、主要做法</div><p>深入推进依法行政，各项工作取得成效。</p></div></body>"
    )
    assert html_text(html).splitlines() == [
        "一、总体情况",
        "全面推进法治政府建设。",
        "二、主要做法",
        "深入推进依法行政，各项工作取得成效。",
    ]


def test_the_article_is_found_by_its_text_when_no_known_box_holds_it() -> None:
    links = "".join(
        f"<li><a href='#'>关于第{i}批法治政府建设示范项目名单的公示</a></li>" for i in range(40)
    )
    article = "".join(f"<p>第{i}段：深入推进依法行政，加快建设法治政府。</p>" for i in range(10))
    html = f"<body><div><ul>{links}</ul></div><div><div>{article}</div></div></body>"
    lines = html_text(html).splitlines()
    assert len(lines) == 10 and lines[0].startswith("第0段")


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>首页</title></head><body></body></html>",
        "<html><body><nav>首页 | 政务公开</nav><script>var a='法治政府';</script></body></html>",
        "<html><body><ul>"
        + "<li><a href='#'>法治政府建设情况报告</a></li>" * 30
        + "</ul></body></html>",
        "<html><body><p>Page not found.</p></body></html>",
    ],
    ids=["empty-body", "only-furniture", "only-links", "english"],
)
def test_a_page_without_an_article_is_one_clear_error(html, tmp_path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(html, "utf-8")
    with pytest.raises(ReportError, match=r"no article text|holds no text"):
        read_report(page)


def test_a_page_saved_as_txt_is_still_read_as_a_page(documents, tmp_path) -> None:
    path = sample_paths()[4]
    copy = tmp_path / "saved.txt"
    copy.write_bytes(documents["html"](path.read_text("utf-8"), "trs"))
    report = read_report(copy)
    assert report.meta["format"] == "html"
    assert report.outline() == read_report(path).outline()


def test_an_xhtml_page_with_an_xml_declaration_is_read(tmp_path) -> None:
    body = "".join(
        f"<p>{n}、第{n}项工作。全面推进依法行政，法治政府建设取得新成效。</p>" for n in "一二"
    )
    page = tmp_path / "x.htm"
    page.write_bytes(
        (
            '<?xml version="1.0" encoding="gb2312"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0'
            ' Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" '
            f'content="text/html; charset=gb2312" /></head><body><div id="zoom">{body}</div>'
            "</body></html>"
        ).encode("gb18030")
    )
    report = read_report(page)
    assert [s.heading for s in report.sections] == ["第一项工作", "第二项工作"]
    assert report.meta["encoding"] == "gb18030"


def test_a_hostile_nesting_is_refused_before_parsing(tmp_path) -> None:
    page = tmp_path / "deep.html"
    n = 200_000  # would take Lexbor minutes (quadratic in depth)
    page.write_text("<div>" * n + "<p>一、法治政府建设。</p>" + "</div>" * n, "utf-8")
    with pytest.raises(ReportError, match=r"nested too deeply \(200000 levels\)"):
        read_report(page)


def test_nesting_depth_counts_open_blocks_only() -> None:
    assert nesting_depth("<div><div><p>x</p></div><DIV><ul><li>a</ul></div></div>") == 3
    assert nesting_depth("<p><p><p><b><b>") == 0


# -- tables: a row a line, as the .docx reader reads them -----------------------------------

_TABLE_ROWS = [
    ["执法类别", "案件数（件）", "同比"],
    ["行政处罚", "356", "增长5%"],
    ["行政强制", "12", "下降2%"],
    ["合计", "", "368"],
]


def _page(table: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>某县人民政府关于2023年法治政府建设情况的报告'
        '</title></head><body><div id="zoom"><h1>某县人民政府关于2023年法治政府建设情况的报告</h1>'
        "<p>2023年，我县坚持以习近平法治思想为指导，深入推进法治政府建设。现将有关情况报告如下：</p>"
        "<p>一、主要工作</p><p>（一）规范行政执法。全年行政执法情况如下表：</p>"
        f"{table}<p>（二）推进依法决策。审查合同120份。</p><p>二、下一步工作</p>"
        "<p>持续深化法治政府建设。</p><p>某县人民政府</p><p>2024年1月20日</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "cell",
    ["<td>{}</td>", "<th>{}</th>", "<td><span>{}</span></td>", "<td><b> {} </b></td>"],
    ids=["td", "th", "span", "bold"],
)
@pytest.mark.parametrize("sections", [True, False], ids=["tbody", "bare"])
def test_a_table_row_is_one_line(cell, sections) -> None:
    rows = "".join(
        "<tr>" + "".join(cell.format(text) for text in row) + "</tr>" for row in _TABLE_ROWS
    )
    table = f"<table border=1>{'<tbody>' if sections else ''}{rows}</table>"
    lines = html_text(_page(table)).splitlines()
    start = lines.index("执法类别\u3000案件数（件）\u3000同比")
    assert lines[start - 1] == "（一）规范行政执法。全年行政执法情况如下表："
    assert lines[start + 1 : start + 5] == [
        "行政处罚\u3000356\u3000增长5%",
        "行政强制\u300012\u3000下降2%",
        "合计\u3000368",
        "（二）推进依法决策。审查合同120份。",
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "<td><p>{0}</p><p>{1}</p></td>",
        "<td>{0}<br>{1}</td>",
        "<td><div>{0}</div>{1}</td>",
        "<td><table><tr><td>{0}</td></tr><tr><td>{1}</td></tr></table></td>",
    ],
    ids=["paragraphs", "br", "div", "nested-table"],
)
def test_a_cell_of_several_lines_keeps_them(cell) -> None:
    """A layout table (an article in a cell) is read as the paragraphs it holds."""
    row = "<tr><td>目录</td>" + cell.format("（一）规范执法。", "办理案件356件。") + "</tr>"
    lines = html_text(_page(f"<table>{row}</table>")).splitlines()
    start = lines.index("目录")
    assert lines[start + 1 : start + 3] == ["（一）规范执法。", "办理案件356件。"]


def test_a_table_reads_alike_in_a_page_and_a_word_document(tmp_path) -> None:
    from wordml import package, para, run

    rows = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in _TABLE_ROWS
    )
    page = tmp_path / "report.html"
    page.write_text(_page(f"<table>{rows}</table>"), "utf-8")
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(run(text))}</w:tc>" for text in row) + "</w:tr>"
        for row in _TABLE_ROWS
    )
    body = "".join(
        para(run(line)) for line in html_text(_page("<p>表</p>")).splitlines()[1:] if line != "表"
    )
    marker = para(run("（一）规范行政执法。全年行政执法情况如下表："))
    document = tmp_path / "report.docx"
    document.write_bytes(package(body.replace(marker, marker + f"<w:tbl>{cells}</w:tbl>")))
    from_page, from_word = read_report(page), read_report(document)
    assert [s.full_text() for s in from_page.sections] == [
        s.full_text() for s in from_word.sections
    ]
    assert "行政处罚 356 增长5%" in from_page.full_text()


@pytest.mark.parametrize(
    "info",
    [
        "<table><tr><th>发布机构：</th><td>泾县人民政府办公室</td><th>发布日期：</th>"
        "<td>2023-03-07</td></tr><tr><th>文号：</th><td>泾政〔2023〕12号</td></tr></table>",
        "<table><tr><td>发布机构：</td><td>泾县人民政府办公室</td><td>发布日期：</td>"
        "<td>2023-03-07</td></tr></table>",
        "<table><tbody><tr><td>索引号：</td><td>0123-2023-0001</td></tr><tr><td>发布机构：</td>"
        "<td>泾县人民政府办公室</td></tr><tr><td>发布日期：</td><td>2023-03-07</td></tr>"
        "</tbody></table>",
    ],
    ids=["th-td", "td-td", "one-field-a-row"],
)
def test_an_info_table_of_label_and_value_cells_gives_the_metadata(info, tmp_path) -> None:
    """The 政府信息公开 header: a label cell, then its value's cell."""
    article = (
        "<h1>泾县人民政府关于2022年法治政府建设情况的报告</h1><div id='zoom'>"
        "<p>2022年，我县深入推进法治政府建设。现将有关情况报告如下：</p><p>一、主要工作</p>"
        "<p>（一）加强组织领导。专题研究4次。</p><p>二、下一步工作</p>"
        "<p>持续深化法治政府建设。</p></div>"
    )
    page = tmp_path / "report.html"
    page.write_text(f'<html><head><meta charset="utf-8"></head><body>{info}{article}</body></html>')
    report = read_report(page)
    assert (report.published, report.source) == ("2023-03-07", "泾县人民政府办公室")

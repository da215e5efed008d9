"""A .docx reads as Word's final view shows it: runs in every container that holds runs
(content controls, smart tags, fields, tracked insertions, text boxes), no deleted or hidden
text, a page break a line end, a table row a line. The packages are written here from XML
strings, as Word and converters write them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from wordml import package, para, run

from govread.parsers.docx import MAX_NESTING
from govread.parsers.readers import ReportError, read_report


def lines_of(body: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "report.docx"
    path.write_bytes(package(body))
    return read_report(path).full_text().split("\n")


# Containers whose runs Word shows, each wrapping its content as Word writes it.
SHOWN = {
    "content control": lambda inner: (
        f'<w:sdt><w:sdtPr><w:alias w:val="数"/></w:sdtPr>'
        f"<w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    ),
    "smart tag": lambda inner: (
        f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
        f'w:element="chsdate"><w:smartTagPr><w:attr w:name="Year" w:val="2023"/></w:smartTagPr>'
        f"{inner}</w:smartTag>"
    ),
    "custom XML": lambda inner: f'<w:customXml w:element="figure">{inner}</w:customXml>',
    "simple field": lambda inner: f'<w:fldSimple w:instr=" QUOTE 1 ">{inner}</w:fldSimple>',
    "tracked insertion": lambda inner: (
        f'<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">{inner}</w:ins>'
    ),
    "moved here": lambda inner: f'<w:moveTo w:id="2" w:author="a">{inner}</w:moveTo>',
    "hyperlink": lambda inner: f'<w:hyperlink w:anchor="x">{inner}</w:hyperlink>',
    "bidi embedding": lambda inner: f'<w:dir w:val="ltr">{inner}</w:dir>',
}
# Text Word's final view does not show, whatever container it sits in.
NOT_SHOWN = {
    "tracked deletion": lambda t: (
        f'<w:del w:id="3" w:author="a"><w:r><w:delText>{t}</w:delText></w:r></w:del>'
    ),
    "moved away": lambda t: f'<w:moveFrom w:id="4" w:author="a">{run(t)}</w:moveFrom>',
    "hidden": lambda t: run(t, "<w:vanish/>"),
    "hidden by its style": lambda t: run(t, '<w:rStyle w:val="Secret"/>'),
    "hidden by its style's base": lambda t: run(t, '<w:rStyle w:val="SecretToo"/>'),
    "placeholder": lambda t: (
        f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{run(t)}</w:sdtContent></w:sdt>"
    ),
    "table of contents": lambda t: (
        "<w:sdt><w:sdtPr><w:docPartObj>"
        '<w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        f"<w:sdtContent>{run(t)}</w:sdtContent></w:sdt>"
    ),
    "field code": lambda t: (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {t} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ),
}


def _report(middle: str, extra: str = "") -> str:
    return "".join(
        [
            para(run("某县人民政府关于2023年法治政府建设情况的报告")),
            para(run("2023年，我县深入推进法治政府建设。现将有关情况报告如下：")),
            para(run("一、主要工作")),
            para(run("（一）加强组织领导。常务会议专题研究法治政府建设工作"), middle, run("次。")),
            extra,
            para(run("二、下一步工作")),
            para(run("持续深化法治政府建设。")),
            para(run("某县人民政府")),
            para(run("2024年1月20日")),
        ]
    )


@pytest.mark.parametrize("kind", SHOWN)
def test_a_run_in_any_container_word_shows_is_read(kind, tmp_path) -> None:
    lines = lines_of(_report(SHOWN[kind](run("4"))), tmp_path)
    assert "（一）加强组织领导。常务会议专题研究法治政府建设工作4次。" in lines


@pytest.mark.parametrize("seed", range(12))
def test_nested_containers_shown_and_hidden_text_left_out(seed, tmp_path) -> None:
    """Random nests of containers around figures, with text Word does not show among them."""
    rng = random.Random(seed)
    want, xml = [], []
    for index in range(rng.randint(2, 6)):
        figure = f"{rng.randint(1, 999)}件"
        inner = run(figure)
        for _level in range(rng.randint(1, 4)):
            inner = SHOWN[rng.choice(list(SHOWN))](inner)
        if rng.random() < 0.6:
            hidden = NOT_SHOWN[rng.choice(list(NOT_SHOWN))](f"删{index}")
            inner = SHOWN[rng.choice(list(SHOWN))](inner + hidden)
        want.append(figure)
        xml.append(inner)
    lines = lines_of(_report("".join(xml)), tmp_path)
    assert f"（一）加强组织领导。常务会议专题研究法治政府建设工作{''.join(want)}次。" in lines
    assert "删" not in "\n".join(lines)


@pytest.mark.parametrize("kind", NOT_SHOWN)
def test_text_word_does_not_show_is_left_out(kind, tmp_path) -> None:
    lines = lines_of(_report(NOT_SHOWN[kind]("【内部备注：待核实】")), tmp_path)
    assert "（一）加强组织领导。常务会议专题研究法治政府建设工作次。" in lines
    assert "内部备注" not in "\n".join(lines)


def test_hidden_off_and_a_hidden_paragraph_style(tmp_path) -> None:
    shown = run("4", '<w:vanish w:val="false"/>')
    note = para(run("【内部备注】"), properties='<w:pStyle w:val="Note"/>')
    lines = lines_of(_report(shown, extra=note), tmp_path)
    assert "（一）加强组织领导。常务会议专题研究法治政府建设工作4次。" in lines
    assert not any("内部备注" in line for line in lines)


def test_block_content_controls_hold_the_title_a_table_and_rows(tmp_path) -> None:
    def sdt(inner: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    cells = "".join(f"<w:tc>{para(run(text))}</w:tc>" for text in ("行政处罚", "356件"))
    table = f"<w:tbl><w:tblPr/>{sdt(f'<w:tr>{cells}</w:tr>')}<w:tr>{sdt(cells)}</w:tr></w:tbl>"
    body = _report(run("4"), extra=f'<w:customXml w:element="t">{sdt(table)}</w:customXml>')
    title = para(run("某县人民政府关于2023年法治政府建设情况的报告"))
    path = tmp_path / "report.docx"
    path.write_bytes(package(body.replace(title, sdt(title), 1)))
    report = read_report(path)
    assert report.title == "某县人民政府关于2023年法治政府建设情况的报告"
    assert report.full_text().count("行政处罚 356件") == 2


_BOX = "<w:txbxContent>{}</w:txbxContent>"
_HEADING = {"heading": "推进依法决策", "level": 2, "number": "二"}


def _anchored(box: str) -> dict[str, str]:
    drawing = (
        '<w:drawing><wp:anchor><wp:docPr id="1" name="t"/><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing>"
    )
    vml = f"<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
    return {
        "Word 2010+ (DrawingML with its VML fallback)": "<mc:AlternateContent>"
        f'<mc:Choice Requires="wps">{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback>'
        "</mc:AlternateContent>",
        "VML only": vml,
        "DrawingML only": drawing,
    }


@pytest.mark.parametrize("shape", list(_anchored("")))
@pytest.mark.parametrize("with_text", [True, False], ids=["in-text", "own-paragraph"])
def test_a_text_box_is_read_once_where_it_sits(shape, with_text, tmp_path) -> None:
    box = _BOX.format(para(run("（二）推进依法决策。审查合同120份。")))
    anchor = f"<w:r>{_anchored(box)[shape]}</w:r>"
    extra = para(run("说明如下："), anchor, run("以上。")) if with_text else para(anchor)
    lines = lines_of(_report(run("4"), extra=extra), tmp_path)
    assert lines.count("（二）推进依法决策。审查合同120份。") == 1
    position = lines.index("（二）推进依法决策。审查合同120份。")
    if with_text:
        assert lines[position - 1 : position + 2] == ["说明如下：", lines[position], "以上。"]
    else:
        assert lines[position - 1].startswith("（一）加强组织领导")
    # the box's paragraph is a heading of the outline like any other
    path = tmp_path / "report.docx"
    assert _HEADING in read_report(path).outline()


def test_a_text_box_in_a_table_cell_in_a_text_box(tmp_path) -> None:
    inner = _BOX.format(para(run("合同审查率100%")))
    vml = _anchored(inner)["VML only"]
    cell = f"<w:tc>{para(f'<w:r>{vml}</w:r>')}</w:tc>"
    outer = _BOX.format(f"<w:tbl><w:tr><w:tc>{para(run('审查'))}</w:tc>{cell}</w:tr></w:tbl>")
    extra = para(
        "<w:r>" + _anchored(outer)["Word 2010+ (DrawingML with its VML fallback)"] + "</w:r>"
    )
    lines = lines_of(_report(run("4"), extra=extra), tmp_path)
    assert lines.count("审查 合同审查率100%") == 1


@pytest.mark.parametrize("kind", ["page", "column"])
@pytest.mark.parametrize(
    "after", ["（二）推进依法决策。审查合同120份。", "2. 推进依法决策。", "第二部分 下一步"]
)
def test_a_page_or_column_break_ends_a_line(kind, after, tmp_path) -> None:
    breaking = (
        run("严格落实重大行政决策程序规定。") + f'<w:r><w:br w:type="{kind}"/></w:r>' + run(after)
    )
    lines = lines_of(_report(run("4"), extra=para(breaking)), tmp_path)
    assert lines[lines.index("严格落实重大行政决策程序规定。") + 1] == after
    if after.startswith("（二）"):
        assert _HEADING in read_report(tmp_path / "report.docx").outline()


def test_a_page_break_at_a_paragraphs_end_or_one_rendered_is_no_line(tmp_path) -> None:
    rendered = run("严格落实") + "<w:r><w:lastRenderedPageBreak/><w:t>重大行政决策</w:t></w:r>"
    trailing = run("程序规定。") + '<w:r><w:br w:type="page"/></w:r>'
    leading = '<w:r><w:br w:type="page"/></w:r>' + run("（二）推进依法决策。")
    lines = lines_of(
        _report(run("4"), extra=para(rendered) + para(trailing) + para(leading)), tmp_path
    )
    assert [
        line
        for line in lines
        if line in {"严格落实重大行政决策", "程序规定。", "（二）推进依法决策。"}
    ] == ["严格落实重大行政决策", "程序规定。", "（二）推进依法决策。"]
    assert "" not in lines


def _cell(*paragraphs: str, properties: str = "") -> str:
    own = f"<w:tcPr>{properties}</w:tcPr>" if properties else ""
    return f"<w:tc>{own}{''.join(para(run(text)) for text in paragraphs) or para()}</w:tc>"


def test_a_table_row_is_one_line_its_layout_cells_their_paragraphs(tmp_path) -> None:
    rows = [
        "<w:tr>" + _cell("执法类别") + _cell("案件数（件）") + _cell("同比") + "</w:tr>",
        "<w:tr>" + _cell("行政处罚") + _cell("356") + _cell("增长5%") + "</w:tr>",
        '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>'
        + _cell("删除的行")
        + _cell("1")
        + "</w:tr>",
        "<w:tr>"
        + _cell("行政强制")
        + _cell("删除的格", properties='<w:cellDel w:id="8" w:author="a"/>')
        + _cell("12")
        + "</w:tr>",
        "<w:tr>"
        + _cell("合计", properties='<w:vMerge w:val="restart"/>')
        + _cell("")
        + _cell("368")
        + "</w:tr>",
        "<w:tr>" + _cell("合计", properties="<w:vMerge/>") + _cell("") + _cell("") + "</w:tr>",
        "<w:tr>" + _cell("（三）规范执法。", "办理行政处罚案件356件。") + _cell("备注") + "</w:tr>",
    ]
    lines = lines_of(_report(run("4"), extra="<w:tbl>" + "".join(rows) + "</w:tbl>"), tmp_path)
    start = lines.index("执法类别 案件数（件） 同比")
    assert lines[start : start + 7] == [
        "执法类别 案件数（件） 同比",
        "行政处罚 356 增长5%",
        "行政强制 12",
        "合计 368",
        "（三）规范执法。",
        "办理行政处罚案件356件。",
        "备注",
    ]


def test_nesting_deeper_than_any_report_is_one_clear_error(tmp_path) -> None:
    inner = run("4")
    for _level in range(MAX_NESTING + 5):
        inner = f'<w:customXml w:element="x">{inner}</w:customXml>'
    path = tmp_path / "deep.docx"
    path.write_bytes(package(_report(inner)))
    with pytest.raises(ReportError, match="nested more than 100 levels"):
        read_report(path)


def test_a_deleted_paragraph_mark_joins_the_paragraphs(tmp_path) -> None:
    mark = '<w:rPr><w:del w:id="5" w:author="a"/></w:rPr>'
    extra = para(run("严格落实重大行政"), properties=mark) + para(run("决策程序规定。"))
    lines = lines_of(_report(run("4"), extra=extra), tmp_path)
    assert "严格落实重大行政决策程序规定。" in lines


_LIST = (
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
)


@pytest.mark.parametrize("before", ["", "主要工作"], ids=["box-first", "text-first"])
def test_a_list_number_goes_before_its_paragraphs_own_text_not_a_text_box(before, tmp_path):
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    box = "<w:r>" + _anchored(_BOX.format(para(run("图1 组织架构"))))["VML only"] + "</w:r>"
    own = [run(before), box] if before else [box, run("主要工作")]
    body = (
        para(run("某县人民政府关于2023年法治政府建设情况的报告"))
        + para(run("2023年，我县深入推进法治政府建设。现将有关情况报告如下："))
        + para(*own, properties=numbered)
        + para(run("（一）加强组织领导。专题研究4次。"))
        + para(run("下一步工作"), properties=numbered)
        + para(run("持续深化法治政府建设。"))
    )
    path = tmp_path / "report.docx"
    path.write_bytes(package(body, numbering=_LIST))
    lines = read_report(path).full_text().split("\n")
    assert "图1 组织架构" in lines and "一、主要工作" in lines and "二、下一步工作" in lines


def _numbered(text: str, num_id: int, level: int = 0) -> str:
    numbered = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return para(run(text), properties=numbered)


_TWO_LEVELS = (
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
)


def _restarted(num_id: int, start: int, level: int = 0, lvl: str = "") -> str:
    """A list instance of the same definition, Word's "restart numbering" (or "set
    numbering value"): a w:lvlOverride with a w:startOverride, perhaps a level of its own."""
    return (
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="1"/>'
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/>{lvl}'
        "</w:lvlOverride></w:num>"
    )


def _list_lines(body: str, numbering: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "report.docx"
    path.write_bytes(package(body, numbering=numbering))
    return read_report(path).full_text().split("\n")


def test_a_restarted_list_is_numbered_from_its_start_override(tmp_path) -> None:
    body = (
        para(run("某县人民政府关于2023年法治政府建设情况的报告"))
        + _numbered("主要工作", 1)
        + _numbered("加强组织领导。专题研究4次。", 1, 1)
        + _numbered("存在的不足", 1)
        + _numbered("下一步工作", 2)  # a second list, restarted at 一
        + _numbered("深化改革。", 2, 1)
        + _numbered("强化监督", 2)
        + _numbered("严格执法。", 2, 1)
    )
    lines = _list_lines(body, _TWO_LEVELS + _restarted(2, 1), tmp_path)
    assert [line for line in lines if "、" in line[:3] or line.startswith("（")] == [
        "一、主要工作",
        "（一）加强组织领导。专题研究4次。",
        "二、存在的不足",
        "一、下一步工作",
        "（一）深化改革。",
        "二、强化监督",
        "（一）严格执法。",
    ]
    outline = read_report(tmp_path / "report.docx").outline()
    assert [(h["level"], h["number"]) for h in outline if h["level"] == 1] == [
        (1, "一"),
        (1, "二"),
        (1, "一"),
        (1, "二"),
    ]


def test_a_list_without_an_override_continues_and_a_start_override_sets_the_value(tmp_path):
    continued = '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
    body = (
        _numbered("甲", 1)
        + _numbered("乙", 1)
        + _numbered("丙", 3)  # the same definition, no override: it goes on (三、)
        + _numbered("丁", 4)  # "set numbering value" to 6
        + _numbered("戊", 4)
        + _numbered("己", 1)  # the first list again goes on where it stood
    )
    lines = _list_lines(body, _TWO_LEVELS + continued + _restarted(4, 6), tmp_path)
    assert lines == ["一、甲", "二、乙", "三、丙", "六、丁", "七、戊", "四、己"]


def test_an_override_level_replaces_the_definitions_format(tmp_path) -> None:
    own = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
    )
    body = _numbered("甲", 1) + _numbered("乙", 5) + _numbered("丙", 5)
    lines = _list_lines(body, _TWO_LEVELS + _restarted(5, 1, lvl=own), tmp_path)
    assert lines == ["一、甲", "1.乙", "2.丙"]

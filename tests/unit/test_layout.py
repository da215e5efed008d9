"""A text file wrapped at a fixed width (pdftotext's, an editor's) is read with its
paragraphs whole again, as a PDF's layout is; a text of one paragraph a line is left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_scripts import load_script

from govread.corpus import sample_paths
from govread.figures import report_figures
from govread.parsers.layout import cell_width, unwrapped_text
from govread.parsers.readers import report_from_bytes

variants = load_script("benchmarks/variants.py")

# An invented report in the genre's words, one paragraph a line, paragraphs of many lengths.
REPORT = "\n".join(
    [
        "平阳县人民政府关于2024年度法治政府建设情况的报告",
        "2024年，平阳县坚持以习近平法治思想为指导，深入推进法治政府建设，各项工作取得新成效。"
        "现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）加强党的领导",
        "县政府常务会议专题研究法治政府建设工作6次，组织领导干部集中学法4次，参学率达100%，"
        "考试合格率达98.5%。制定年度工作要点，明确任务分工，层层压实第一责任人职责。",
        "（二）严格规范公正文明执法",
        "全县开展行政执法检查326次，办理行政处罚案件1,286件，罚没款项合计约2300万元。"
        "组织执法人员培训12场，培训人员1500人次，执法人员持证上岗率达100%。推行包容审慎监管，"
        "对轻微违法行为不予处罚58件，减轻处罚23件。",
        "（三）依法化解矛盾纠纷",
        "办理行政复议案件67件，纠错率为13.4%；行政机关负责人出庭应诉率达100%。全县各级调解组织"
        "调解矛盾纠纷4213件，调解成功率98.2%。",
        "二、存在的不足",
        "一是依法决策意识仍需增强；二是基层执法力量不足，执法人员专业水平有待提高。",
        "三、下一步工作安排",
        "2025年，我县将持续深化法治政府建设，着力提升依法行政水平，为全县高质量发展提供坚实法治保障。",
        "平阳县人民政府",
        "2025年3月20日",
    ]
)


def _wrapped(text: str, cells: int, indent: str) -> str:
    """`text` as a layout wraps it (benchmarks/variants.py's `wrap_lines`)."""
    return "\n".join(variants.wrap_lines(text.split("\n"), cells, indent))


@pytest.mark.parametrize("cells", [40, 52, 60, 72])
def test_an_indented_wrapped_text_reads_as_its_paragraphs(cells: int) -> None:
    wrapped = _wrapped(REPORT, cells, "\u3000\u3000")
    original = report_from_bytes(REPORT.encode("utf-8"), "a.txt")
    report = report_from_bytes(wrapped.encode("utf-8"), "b.txt")
    assert report.meta["wrapped"] == "yes" and "wrapped" not in original.meta
    assert report.outline() == original.outline()
    assert report.full_text() == original.full_text()
    assert [(f.value, f.unit) for f in report_figures(report)] == [
        (f.value, f.unit) for f in report_figures(original)
    ]
    assert (report.issuer, report.published) == (original.issuer, original.published)


def test_a_wrapped_text_without_indents_keeps_its_outline_and_figures() -> None:
    original = report_from_bytes(REPORT.encode("utf-8"), "a.txt")
    for cells in (44, 56, 64):
        report = report_from_bytes(_wrapped(REPORT, cells, "").encode("utf-8"), "b.txt")
        assert report.outline() == original.outline()
        assert sorted(f.value for f in report_figures(report)) == sorted(
            f.value for f in report_figures(original)
        )


def test_a_number_cut_by_the_wrap_is_one_number_again() -> None:
    text = "\u3000\u3000" + "办理行政复议案件共计六十七件，负责人出庭应诉率达10\n0%。" * 4
    joined = unwrapped_text(_wrapped(text.replace("\n", ""), 54, "\u3000\u3000"))
    assert joined is not None and "应诉率达10\n" not in joined and joined.count("100%") == 4


def test_a_text_of_one_paragraph_a_line_or_one_line_is_left_as_it_is() -> None:
    assert unwrapped_text(REPORT) is None
    assert unwrapped_text(REPORT.replace("\n", "")) is None
    assert unwrapped_text("") is None
    # short lines that end sentences (a list) are no wrap
    assert unwrapped_text("\n".join(f"{n}. 开展培训{n}次。" for n in range(1, 30))) is None
    # a blank line starts a paragraph, whatever the width
    wrapped = _wrapped(REPORT.replace("组织执法人员培训", "\n\n组织执法人员培训"), 50, "")
    joined = unwrapped_text(wrapped)
    assert joined is not None and "\n组织执法人员培训12场" in joined


def test_lines_of_one_short_width_are_no_wrap() -> None:
    # a list of headings, or one short line repeated: no paragraph to join
    assert unwrapped_text("法治政府建设\n" * 9) is None
    assert unwrapped_text("".join(f"{n}、加强执法监督工作\n" for n in range(1, 40))) is None
    headings = "".join(
        f"（{n}）推进严格规范公正文明执法工作落到实处见到实效\n" for n in "一二三四五六七"
    )
    assert unwrapped_text(headings) is None


def _cut_every(text: str, characters: int, indent: str) -> str:
    """`text` wrapped at a number of characters, as a scraper or a copy-paste does: every
    full line exactly `characters` long, whatever its width (digits are half as wide)."""
    lines = []
    for paragraph in text.split("\n"):
        rest = indent + paragraph
        while len(rest) > characters:
            lines.append(rest[:characters])
            rest = rest[characters:]
        lines.append(rest)
    return "\n".join(lines)


# A real report with more figures, some of them long (a number a break may cut).
_FIGURES = "接到来电投诉270余宗、来邮投诉260余宗（其中转送10宗），评查行政执法案卷1500余宗，"


def _figures_report(path: Path) -> str:
    text = path.read_text("utf-8")
    at = max(text.split("\n"), key=len)  # its longest paragraph
    return text.replace(at, at.replace("。", "。" + _FIGURES + "并", 1), 1)


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"], ids=["flush", "indented"])
@pytest.mark.parametrize("characters", [30, 33, 36, 40, 47, 50, 58, 64, 72, 80])
@pytest.mark.parametrize("path", sample_paths()[::2], ids=lambda p: p.stem[:3])
def test_a_text_wrapped_at_a_number_of_characters_reads_as_its_paragraphs(
    path: Path, characters: int, indent: str
) -> None:
    """QA: a text hard-wrapped at a fixed number of characters (every full line exactly N
    characters) was not joined again, as a wrap at fixed display columns is: its lines
    with digits are narrower than its lines of Chinese, so few looked full, and a number the
    break cut gave a wrong figure (来邮投诉26 | 0余宗 → 0余宗)."""
    text = _figures_report(path)
    original = report_from_bytes(text.encode("utf-8"), "a.txt")
    wrapped = _cut_every(text, characters, indent)
    assert any(
        len(line) == characters and cell_width(line) < 2 * characters
        for line in wrapped.split("\n")
    )  # (a full line narrower than one of Chinese alone)
    report = report_from_bytes(wrapped.encode("utf-8"), "b.txt")
    assert report.meta["wrapped"] == "yes"
    assert report.outline() == original.outline()
    assert sorted((f.value, f.unit, f.text) for f in report_figures(report)) == sorted(
        (f.value, f.unit, f.text) for f in report_figures(original)
    )
    assert (report.issuer, report.published) == (original.issuer, original.published)


def test_lines_of_one_length_that_are_paragraphs_are_not_joined() -> None:
    """Short paragraphs of one length (a list, headings, a signature) are no wrap at a
    number of characters: they end their sentences, or a heading follows each."""
    items = "\n".join(
        f"{n}. 组织开展行政执法人员专题培训第{n:02d}期，参训人员全部合格。" for n in range(1, 30)
    )
    assert len({len(line) for line in items.split("\n")[9:]}) == 1
    assert unwrapped_text(items) is None
    headings = "\n".join(
        f"（{n}）推进严格规范公正文明执法落到实处\n全年开展执法检查{n}0次。"
        for n in "一二三四五六七"
    )
    assert unwrapped_text(headings) is None
    assert unwrapped_text(REPORT + "\n" + "平阳县司法局\n2025年3月20日\n" * 3) is None


# Headings on lines of their own, each followed by its body; headings of several lengths, so
# that at some widths a heading fills its line exactly (or within the width's tolerance).
OWN_LINE_HEADINGS = "\n".join(
    [
        "临川区人民政府关于2023年度法治政府建设情况的报告",
        "一、主要工作情况",
        "（一）深入学习贯彻习近平法治思想，法治政府建设责任全面压实",
        "一是区政府常务会议专题研究法治政府建设工作5次，组织领导干部集中学法4次，"
        "参学率达100%。二是制定年度工作要点，明确任务分工，层层压实第一责任人职责。",
        "（二）持续优化法治化营商环境，政务服务效能稳步提升",
        "全面推行证明事项告知承诺制，办理告知承诺事项1200件，压减办理时限60%以上。"
        "企业开办时间压缩至1个工作日，政务服务事项网上可办率达98%。",
        "（三）深入构建依法行政和决策制度体系，合法性审核机制普遍建立",
        "完善规范性文件管理制度。全年审核规范性文件25件，备案审查率达100%，"
        "清理规范性文件148件，废止12件，修改6件。",
        "（四）严格规范公正文明执法，行政执法公信力不断增强",
        "开展行政执法检查326次，办理行政处罚案件1286件，执法人员持证上岗率达100%。"
        "推行包容审慎监管，对轻微违法行为不予处罚58件。",
        "二、存在的问题",
        "基层执法力量不足，执法人员专业水平有待提高，部分单位依法决策意识仍需增强。",
        "三、下一步工作安排",
        "我区将持续深化法治政府建设，着力提升依法行政水平，为高质量发展提供坚实法治保障。",
    ]
)


@pytest.mark.parametrize("cells", range(40, 101, 2))
def test_a_heading_that_fills_its_line_is_not_joined_to_its_body(cells: int) -> None:
    """Where a text writes its headings on lines of their own, one that ends where the wrap
    would break its line (丰富一行) is a heading alone: its body, the next line, is no part of
    it; a heading longer than a line still goes on in the next."""
    original = report_from_bytes(OWN_LINE_HEADINGS.encode("utf-8"), "a.txt")
    wrapped = _wrapped(OWN_LINE_HEADINGS, cells, "")
    report = report_from_bytes(wrapped.encode("utf-8"), "b.txt")
    assert report.outline() == original.outline()


def test_run_in_headings_that_fill_their_line_still_run_on() -> None:
    """A text whose headings run on into their first sentence (加强领导。2023年…) keeps
    joining a heading's line to the next, wherever the wrap breaks it."""
    merged: list[str] = []  # each （一） heading and its body one paragraph: （一）…。body
    for line in OWN_LINE_HEADINGS.split("\n"):
        if merged and merged[-1].startswith("（") and not line.startswith(("（", "一、", "二、")):
            merged[-1] += "。" + line
        else:
            merged.append(line)
    text = "\n".join(merged)
    original = report_from_bytes(text.encode("utf-8"), "a.txt")
    assert [node["number"] for node in original.outline()].count("一") >= 2
    for cells in range(40, 101, 2):
        report = report_from_bytes(_wrapped(text, cells, "").encode("utf-8"), "b.txt")
        assert report.outline() == original.outline(), cells


# A short excerpt: a heading, a date, a few short paragraphs and two long ones.
SHORT_EXCERPT = "\n".join(
    [
        "二、法治政府建设主要举措",
        "（一）加强组织领导",
        "市委、市政府主要负责人履行推进法治建设第一责任人职责，专题听取法治政府建设工作汇报3次，"
        "组织领导干部学习习近平法治思想。",
        "（二）严格规范执法",
        "开展执法检查120次。",
        "全市调解矛盾纠纷2100件，调解成功率达98.6%，建成法治文化阵地30个，"
        "行政机关负责人出庭应诉率达100%。",
        "2024年3月1日",
    ]
)


@pytest.mark.parametrize("cells", [48, 56, 64, 72, 80])
def test_a_short_excerpt_with_a_few_wrapped_lines_is_joined(cells: int) -> None:
    """Most of its lines are short (headings, a date, a short paragraph), so few of all its
    lines fill the width; most of its long ones do, in paragraphs that end a sentence."""
    original = report_from_bytes(SHORT_EXCERPT.encode("utf-8"), "a.txt")
    wrapped = _wrapped(SHORT_EXCERPT, cells, "")
    assert wrapped.count("\n") > SHORT_EXCERPT.count("\n") + 1
    report = report_from_bytes(wrapped.encode("utf-8"), "b.txt")
    assert report.full_text() == original.full_text()
    assert [(f.value, f.unit, f.label) for f in report_figures(report)] == [
        (f.value, f.unit, f.label) for f in report_figures(original)
    ]


def test_a_list_of_headings_as_long_as_each_other_is_not_joined() -> None:
    """Lines of headings (a list of contents) with no sentence's end, the longest of one
    length, are no wrapped paragraphs: none ends a sentence where it would end."""
    headings = [
        "深入推进严格规范公正文明执法，行政执法公信力和执行力双向提升",
        "深入完善行政权力制约监督机制，切实做到有权必有责、用权受监督",
        "深入推动行政机关履职能力提升，依法行政工作保障更加坚强有力",
        "深入化解社会矛盾纠纷，多元矛盾纠纷化解形成新模式",
        "存在问题",
        "下一步工作安排",
    ]
    assert unwrapped_text("\n".join(headings)) is None


def test_cell_width_is_unicodedatas_for_every_character() -> None:
    import unicodedata

    def by_unicodedata(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)

    # (the blocks counted by regex are all in the first plane; past it each character is
    # asked of unicodedata)
    every = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    assert [cell_width(ch) for ch in every] == [by_unicodedata(ch) for ch in every]
    import random

    rng = random.Random(5)
    pool = every[:0x3000] + every[0x4E00:0x4F00] + every[0xFF00:0xFF70] + ["\U0001f600"]
    for _ in range(2_000):  # runs of narrow, wide and asked-one-by-one characters mixed
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(60)))
        assert cell_width(text) == by_unicodedata(text)


def test_a_paragraph_of_many_wrapped_lines_joins_in_linear_time() -> None:
    """Bounded work: a text wrapped at a fixed width whose one paragraph runs for 40,000
    lines (no sentence ends, as a table or a list flattened can) was joined onto one string
    copied at every line: ≈ 4 s of CPU, growing with the square of its length."""
    import time

    line = "加强法治政府建设推进依法行政工作取得明显成效全面提升" * 2
    text = "\n".join([line + "  "] * 40_000)
    started = time.process_time()
    joined = unwrapped_text(text)
    took = time.process_time() - started
    assert joined == line * 40_000
    assert took < 1.5, took

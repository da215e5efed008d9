"""Variants of a report as it really arrives: flattened, re-headed, wrapped in page chrome.

    python benchmarks/variants.py [--seed N] [PATH ...]

For each report (the bundled samples by default) every variant is parsed and its outline
compared with the original's: heading precision, recall and F1 per variant family, with
the exact (level, number, heading) triple as the unit, and whether the closing is right
(``closing_right``: the variant's closing is the original's text, and the items under its
last section are the original's: the summing-up paragraphs of a flattened report stay the
closing, not items of the last chapter). The same functions make the variants the test
suite checks (tests load this file as a module).

Families (``variants(text, report, rng)``):
- ``joined``: every line break removed (a site archive that flattens the page body);
- ``spaced`` / ``ideographic``: each line break replaced by one space / by U+3000;
- ``mixed``: each line break replaced by one of those at random;
- ``kv_header``: a key-value header written by an archiver (标题 / 发布时间 / 文号 / 发布机构 /
  栏目 / 原文链接) before the flattened body;
- ``chrome``: page chrome (breadcrumb, time, share buttons, 浏览次数, 【打印】【关闭】, 附件下载)
  inlined in the flattened body;
- ``markdown``: ``# title``, ``## 一、…``, ``### （一）…``, list items and **emphasis**;
- ``signature``: the signature and date glued to the last sentence;
- ``slip``: a numbering slip at the second level (（一）（一）（三）);
- ``department``: the same report issued by a department (…人民政府关于… → …司法局关于…),
  flattened: the outline is the original's, the issuer level a department's.
- ``parts`` / ``parts_flat``: the chapters numbered 第一部分 / 第二部分 instead of 一、 / 二、,
  line breaks kept / flattened;
- ``parts_nested`` / ``parts_nested_flat``: the chapters gathered into two titled parts
  (第一部分 主要工作情况 … 第二部分 …), the second part's chapters numbered anew from 一、,
  line breaks kept / flattened;
- ``summing_up`` / ``summing_up_flat``: a summing-up paragraph (在看到成绩的同时…还存在…：一是…
  二是…) after the first chapter's last section, before the second chapter, line breaks kept /
  flattened: the outline is the original's, the paragraph the first chapter's after its
  sections (``summing_up_right``);
- ``traditional``: the report in traditional script, character by character (a page saved
  from a site's 繁體 switch), read from its UTF-8 bytes as a file is;
- ``wrapped``: every paragraph cut into lines of one width (30 to 44 Chinese characters,
  anywhere, inside a number too), indented or not, as pdftotext or an editor saves it;
- ``bold`` / ``bold_flat``: the headings in ** or __ (**一、标题** or 一、**标题**), as text
  copied from a page's bold headings into plain text arrives, line breaks kept / flattened;
- ``run_in_spaced``: each heading on a line of its own joined to its first paragraph by a
  space (一、加强党的领导 2023年，我区坚持…), the other line breaks kept.
With ``--extra``: shapes the parser does not read yet, measured but not in the suite
(none at present).
Each variant carries the outline expected of it (the original's, or with the slip).
A seed picks the random choices; keep one seed aside to score on at the end.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from govread.parsers import Report, parse_text
from govread.parsers.layout import cell_width
from govread.parsers.numerals import int_to_chinese
from govread.parsers.readers import report_from_bytes
from govread.parsers.script import as_simplified, simplified_table, traditional_only

Outline = list[dict[str, object]]


@dataclass(frozen=True)
class Variant:
    family: str
    text: str
    expected: Outline


_BREADCRUMB_PARTS = (
    "政务公开",
    "法治政府建设",
    "通知公告",
    "年度报告",
    "信息公开",
    "政府信息公开目录",
)
_SHARE = ("微信 微博 QQ空间", "分享到：", "微信 微博")
_TAIL_CHROME = (
    "【打印】【关闭】",
    "附件下载",
    "【打印本页】 【关闭窗口】",
    "扫一扫在手机打开当前页",
)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _join(lines: list[str], rng: random.Random, seps: tuple[str, ...]) -> str:
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += rng.choice(seps) + line
    return out


def _date(rng: random.Random, year: int) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"{year + 1}-{month:02d}-{day:02d} {rng.randint(8, 18)}:{rng.randint(0, 59):02d}"


def _kv_header(report: Report, rng: random.Random) -> list[str]:
    sep = rng.choice((": ", "：", ":"))
    year = report.year or 2023
    issuer = report.issuer or (f"{report.region}司法局" if report.region else "司法局")
    fields = [
        f"标题{sep}{report.title or report.display_title.replace(' ', '')}",
        f"发布时间{sep}{_date(rng, year)}",
        f"文号{sep}",
        f"发布机构{sep}{issuer}",
        f"栏目{sep}{rng.choice(_BREADCRUMB_PARTS)}",
        f"原文链接{sep}https://www.example.gov.cn/zwgk/{rng.randint(10000, 99999)}.html",
    ]
    return fields


def _chrome_head(report: Report, rng: random.Random) -> str:
    crumbs = rng.sample(_BREADCRUMB_PARTS, rng.randint(1, 3))
    arrow = rng.choice((" > ", ">", " » "))
    parts = [
        f"当前位置{rng.choice(('：', ':'))} 首页{arrow}{arrow.join(crumbs)}",
        f"时间{rng.choice(('：', ':'))}{report.published or _date(rng, report.year or 2023)}",
        rng.choice(_SHARE),
    ]
    if rng.random() < 0.5:
        parts.insert(2, f"浏览次数：{rng.randint(1, 9999)}")
    return rng.choice((" ", "\u3000", "")).join(parts)


def _markdown(text: str, report: Report, rng: random.Random) -> str:
    heads = {s.raw_heading: s for s in report.walk() if s.raw_heading}
    out = []
    for line in _lines(text):
        if report.title and line == report.title:
            out.append(f"# {line}")
            continue
        section = heads.get(line) or next(
            (s for raw, s in heads.items() if s.inline and line.startswith(raw)), None
        )
        if section is not None and section.level <= 3:
            hashes = "#" * (section.level + 1)
            if section.inline:
                # "## 一、标题。" then the body as its own paragraph
                out.append(f"{hashes} {section.raw_heading.rstrip()}")
                out.append(line[len(section.raw_heading) :])
            else:
                out.append(f"{hashes} {line}")
            continue
        if rng.random() < 0.2 and "，" in line:
            # **emphasis** around the first clause
            first, rest = line.split("，", 1)
            line = f"**{first}**，{rest}"
        if rng.random() < 0.15:
            line = "- " + line
        out.append(line)
    return "\n\n".join(out) + "\n"


def _bold(text: str, report: Report, rng: random.Random) -> list[str]:
    """The text as copied from a web page's bold headings into plain text: each heading
    wrapped in ** (or __), its number inside (**一、标题**), or only its title (一、**标题**);
    a run-in heading's body after the closing stars. The body's own text is untouched."""
    heads = {s.raw_heading: s for s in report.walk() if s.raw_heading}
    stars = rng.choice(("**", "__"))
    out = []
    for line in _lines(text):
        section = heads.get(line) or next(
            (s for raw, s in heads.items() if s.inline and line.startswith(raw)), None
        )
        if section is None:
            out.append(line)
            continue
        raw = section.raw_heading.rstrip()
        if rng.random() < 0.3 and section.marker and raw.startswith(section.marker):
            cut = len(section.marker)
            bold = f"{raw[:cut]}{stars}{raw[cut:]}{stars}"
        else:
            bold = f"{stars}{raw}{stars}"
        out.append(bold + line[len(raw) :])
    return out


def _run_in_spaced(text: str, report: Report) -> str:
    """Each heading on a line of its own joined to the paragraph after it by a space
    (一、加强党的领导 2023年，我区坚持…), as a page that sets a heading in bold at the start
    of its paragraph is copied; the other line breaks kept."""
    own = {s.raw_heading for s in report.walk() if s.raw_heading and not s.inline}
    run_in = tuple(s.raw_heading for s in report.walk() if s.raw_heading and s.inline)
    out: list[str] = []
    for line in _lines(text):
        if out and out[-1] in own and line not in own and not line.startswith(run_in):
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _glued_signature(text: str) -> str | None:
    lines = _lines(text)
    tail = 0
    while tail < min(3, len(lines) - 1) and len(lines[-1 - tail]) <= 30:
        tail += 1
    if tail == 0 or "。" not in lines[-1 - tail]:
        return None
    head, glued = lines[: -1 - tail], "".join(lines[-1 - tail :])
    return "\n".join([*head, glued])


def _slip(text: str, report: Report) -> tuple[str, Outline] | None:
    for section in report.walk():
        if section.ordinal == 2 and section.marker and section.level >= 2:
            one = section.marker.replace("二", "一").replace("2", "1")
            if one == section.marker or section.raw_heading.count(section.marker) != 1:
                continue
            lines = text.split("\n")
            for index, line in enumerate(lines):
                if line.strip().startswith(section.raw_heading):
                    lines[index] = line.replace(section.marker, one, 1)
                    expected = report.outline()
                    position = next(i for i, s in enumerate(report.walk()) if s is section)
                    expected[position] = {
                        **expected[position],
                        "number": "一" if section.number == "二" else "1",
                    }
                    return "\n".join(lines), expected
    return None


def _department(lines: list[str], report: Report, rng: random.Random) -> str | None:
    if not report.title or "人民政府" not in report.title:
        return None
    title = report.title.replace(
        "人民政府", rng.choice(("司法局", "市场监督管理局", "发展和改革局")), 1
    )
    if report.title not in lines:
        return None  # a title made of two lines (某县人民政府 / 2022年度…报告)
    body = [title if line == report.title else line for line in lines]
    return _join(body, rng, ("", " ", "\u3000"))


def _parts(text: str, report: Report) -> str | None:
    """The chapters (一、) numbered 第一部分 … instead; None when the report has no 一、."""
    chapters = {s.raw_heading for s in report.sections if s.marker.endswith("\u3001")}
    if not chapters:
        return None
    out = []
    for line in _lines(text):
        raw = next((r for r in chapters if line.startswith(r)), None)
        if raw is not None:
            section = next(s for s in report.sections if s.raw_heading == raw)
            line = f"第{section.number}部分\u3000" + line[len(section.marker) :].lstrip()
        out.append(line)
    return "\n".join(out)


# Titles of parts that gather the original's chapters, which report work done: a part titled
# 存在的问题 / 下一步工作安排 would rightly keep the closing paragraphs after it as its text.
_PART_TITLES = (
    "主要工作情况",
    "工作开展情况和成效",
    "法治政府建设主要举措",
    "依法行政工作成效",
    "重点工作推进情况",
    "工作亮点和特色",
)


def _nested_parts(text: str, report: Report, rng: random.Random) -> tuple[str, Outline] | None:
    """The chapters (一、) gathered into two parts (第一部分 / 第二部分, each with a title), the
    second part's chapters numbered anew from 一、; None without two chapters 一、."""
    chapters = [s for s in report.sections if s.marker.endswith("\u3001")]
    if len(chapters) < 2 or len(chapters) != len(report.sections):
        return None
    split = rng.randint(1, len(chapters) - 1)
    first, second = rng.sample(_PART_TITLES, 2)
    sep = rng.choice(("\u3000", " ", "", "\u3001"))
    renumber = {s.raw_heading: index for index, s in enumerate(chapters[split:], start=1)}
    out = []
    for line in _lines(text):
        raw = next((r for r in (s.raw_heading for s in chapters) if line.startswith(r)), None)
        if raw == chapters[0].raw_heading:
            out.append(f"第一部分{sep}{first}")
        elif raw == chapters[split].raw_heading:
            out.append(f"第二部分{sep}{second}")
        if raw in renumber:
            marker = next(s.marker for s in chapters if s.raw_heading == raw)
            line = int_to_chinese(renumber[raw]) + "\u3001" + line[len(marker) :]
        out.append(line)
    expected: Outline = []
    top = 0
    for section in report.walk():
        if section in chapters:
            if section is chapters[0] or section is chapters[split]:
                title = first if section is chapters[0] else second
                expected.append({"level": 1, "number": "一二"[top], "heading": title})
                top += 1
            number = section.number
            if section in chapters[split:]:
                number = int_to_chinese(chapters.index(section) - split + 1)
            expected.append({"level": 2, "number": number, "heading": section.heading})
        else:
            row = {"level": min(section.level + 1, 4), "number": section.number}
            expected.append({**row, "heading": section.heading})
    return "\n".join(out), expected


# A part's summing-up, as reports word it after a review chapter's last section (written for
# this generator in the genre's phrasings; no report's sentences).
_SUMMING_UPS = (
    "在看到成绩的同时，我们也清醒地认识到，法治政府建设还存在一些问题和不足，主要表现在："
    "一是部分领域行政执法还不够规范。二是基层法治力量相对薄弱。",
    "虽然法治政府建设取得了一定成效，但仍存在一些薄弱环节：一是依法决策的意识还需增强；"
    "二是法治宣传的针对性还不够强。",
    "同时，我们也清醒地看到，工作中还存在一些短板：一是复议应诉能力有待提升。"
    "二是法治督察的刚性还需加强。",
)


def _summing_up(text: str, report: Report, rng: random.Random) -> tuple[str, str] | None:
    """A summing-up paragraph after the first chapter's last section, before the second
    chapter (the text, and the paragraph); None unless the first of two chapters or more has
    sections."""
    if len(report.sections) < 2 or not report.sections[0].children:
        return None
    second = report.sections[1].raw_heading
    lines = _lines(text)
    at = next((n for n, line in enumerate(lines) if line.startswith(second)), None)
    if at is None or not second:
        return None
    paragraph = rng.choice(_SUMMING_UPS)
    return "\n".join([*lines[:at], paragraph, *lines[at:]]), paragraph


def summing_up_right(got: Report, paragraph: str) -> bool:
    """Is the summing-up the first chapter's own, the last of its text after its sections
    (after any the report had there)?"""
    first = got.sections[0] if got.sections else None
    return bool(
        first is not None
        and first.after_children
        and _squashed("".join(first.paragraphs[first.lead_count :])).endswith(_squashed(paragraph))
    )


@functools.cache
def _to_traditional() -> dict[int, int]:
    """Simplified → traditional, from the table the reader uses the other way (the first
    traditional character of each simplified one, among those found only in traditional
    script)."""
    only = traditional_only()
    table: dict[int, int] = {}
    for traditional, simplified in simplified_table().items():  # in the data file's order
        if chr(traditional) in only:
            table.setdefault(simplified, traditional)
    return table


def read(variant: Variant, name: str) -> Report:
    """A variant read as a file named `name` is (its UTF-8 bytes, through the reader: the
    ``traditional`` family needs the reader's script step; ``markdown`` is read as .md)."""
    suffix = ".md" if variant.family == "markdown" else ".txt"
    return report_from_bytes(variant.text.encode("utf-8"), f"{name}{suffix}")


def extra_variants(text: str, report: Report | None = None, seed: int = 0) -> list[Variant]:
    """Shapes measured by ``--extra`` only (none at present: the parts families joined the
    suite once the parser read them)."""
    return []


def variants(text: str, report: Report | None = None, seed: int = 0) -> list[Variant]:
    """Every variant family of one report's text, each with the outline expected of it."""
    rng = random.Random(seed)
    report = report or parse_text(text)
    expected = report.outline()
    lines = _lines(text)
    body = lines
    if report.title and report.title in lines:
        body = [line for line in lines if line != report.title]
    out = [
        Variant("joined", "".join(lines), expected),
        Variant("spaced", " ".join(lines), expected),
        Variant("ideographic", "\u3000".join(lines), expected),
        Variant("mixed", _join(lines, rng, ("", " ", "\u3000", "  ", "\u3000\u3000")), expected),
        Variant(
            "kv_header",
            "\n".join(_kv_header(report, rng)) + "\n" + _join(body, rng, ("", "\u3000")),
            expected,
        ),
        Variant(
            "chrome",
            _chrome_head(report, rng)
            + rng.choice((" ", ""))
            + _join(lines, rng, ("", " ", "\u3000"))
            + rng.choice((" ", ""))
            + rng.choice(_TAIL_CHROME),
            expected,
        ),
        Variant("markdown", _markdown(text, report, rng), expected),
    ]
    if (glued := _glued_signature(text)) is not None:
        out.append(Variant("signature", glued, expected))
    if (slipped := _slip(text, report)) is not None:
        out.append(Variant("slip", *slipped))
    if (department := _department(lines, report, rng)) is not None:
        out.append(Variant("department", department, expected))
    if (parted := _parts(text, report)) is not None:
        out.append(Variant("parts", parted, expected))
        out.append(Variant("parts_flat", _join(_lines(parted), rng, ("", " ", "\u3000")), expected))
    if (nested := _nested_parts(text, report, rng)) is not None:
        nested_text, nested_outline = nested
        out.append(Variant("parts_nested", nested_text, nested_outline))
        flat_text = _join(_lines(nested_text), rng, ("", " ", "\u3000"))
        out.append(Variant("parts_nested_flat", flat_text, nested_outline))
    if (summing := _summing_up(text, report, rng)) is not None:
        out.append(Variant("summing_up", summing[0], expected))
        flat_summing = _join(_lines(summing[0]), rng, ("", " ", "\u3000"))
        out.append(Variant("summing_up_flat", flat_summing, expected))
    out.append(Variant("traditional", text.translate(_to_traditional()), expected))
    out.append(Variant("wrapped", _wrapped(lines, rng), expected))
    bold = _bold(text, report, rng)
    out.append(Variant("bold", "\n".join(bold), expected))
    out.append(Variant("bold_flat", _join(bold, rng, ("", " ", "\u3000")), expected))
    out.append(Variant("run_in_spaced", _run_in_spaced(text, report), expected))
    out.append(Variant("site_marked", _site_marked(lines, report, rng), expected))
    return out


# Content farms that copy reports put their mark after headings and on lines of their own.
_SITE_MARKS = (
    "公文汇 www.gongwen-hui.com",
    "范文网 www.fanwen.cn",
    "稿子之家 http://www.gaozi.net/",
)


def _site_marked(lines: list[str], report: Report, rng: random.Random) -> str:
    """The text as a content farm republishes it: a site's mark after every heading that
    stands on a line of its own and on a line of its own every ten lines or so."""
    mark = rng.choice(_SITE_MARKS)
    headings = {str(row["heading"]) for row in report.outline()}
    out: list[str] = []
    for index, line in enumerate(lines):
        if any(line.endswith(heading) and len(line) <= len(heading) + 8 for heading in headings):
            line = f"{line} {mark}"
        out.append(line)
        if index and rng.random() < 0.1:
            out.append(mark)
    return "\n".join(out)


def _wrapped(lines: list[str], rng: random.Random) -> str:
    """The text as pdftotext gives a PDF's, or an editor that breaks lines: every paragraph
    cut into lines of one width (30 to 44 Chinese characters), anywhere, a number too, its
    first line indented (　　) or not."""
    return "\n".join(wrap_lines(lines, rng.randrange(60, 90, 2), rng.choice(("\u3000\u3000", ""))))


def wrap_lines(paragraphs: list[str], cells: int, indent: str) -> list[str]:
    """Paragraphs as a layout wraps them: cut into lines of at most `cells` half-em cells,
    anywhere (inside a number too), each paragraph's first line indented by `indent`."""
    out: list[str] = []
    for paragraph in paragraphs:
        line, width = "", 0
        for character in indent + paragraph:
            step = cell_width(character)
            if width + step > cells:
                out.append(line)
                line, width = "", 0
            line, width = line + character, width + step
        out.append(line)
    return out


def expected_metadata(original: Report, family: str) -> dict[str, object]:
    """What a variant must keep of its original: its genre, its region and who issued it
    (a department for the ``department`` family)."""
    level = "department" if family == "department" else original.issuer_level
    return {"genre": original.genre, "region": original.region, "issuer_level": level}


def heading_f1(got: Outline, expected: Outline) -> tuple[float, float, float]:
    """Precision, recall and F1 of the (level, number, heading) triples, as multisets."""
    from collections import Counter

    def key(row: dict[str, object]) -> tuple[object, ...]:
        return (row["level"], row["number"], row["heading"])

    g, e = Counter(map(key, got)), Counter(map(key, expected))
    hit = sum((g & e).values())
    precision = hit / sum(g.values()) if g else (1.0 if not e else 0.0)
    recall = hit / sum(e.values()) if e else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _squashed(text: str) -> str:
    """Text without spaces and Markdown emphasis, the way every variant can keep it."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "*")


def _last_items(report: Report) -> list[tuple[str, str]]:
    sections = list(report.walk())
    if not sections:
        return []
    return [(item.number, item.heading) for item in sections[-1].items]


def closing_right(got: Report, original: Report) -> bool:
    """Is the variant's closing the original's text, and are the items under its last
    section the original's (none of them taken from the closing)?"""
    closing = _squashed("".join(got.closing)) == _squashed("".join(original.closing))
    return closing and _last_items(got) == _last_items(original)


def _rows(outline: Outline) -> set[tuple[object, ...]]:
    return {(r["level"], r["number"], r["heading"]) for r in outline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--extra", action="store_true", help="also the shapes not read yet")
    args = parser.parse_args(argv)
    if args.paths:
        paths = list(args.paths)
    else:
        from govread.corpus import sample_paths

        paths = list(sample_paths())
    totals: dict[str, list[float]] = {}
    kept: dict[str, list[int]] = {}  # variants whose genre, region, issuer level are right
    closings: dict[str, list[int]] = {}  # variants whose closing is right, of n
    summed = [0, 0]  # summing_up variants whose summing-up is the first chapter's, of n
    for path in paths:
        text = path.read_text("utf-8")
        text = as_simplified(text) or text  # as the reader reads it (a traditional page)
        original = parse_text(text)
        made = variants(text, original, seed=args.seed)
        if args.extra:
            made += extra_variants(text, original, seed=args.seed)
        for variant in made:
            report = read(variant, path.stem)
            got = report.outline()
            scores = heading_f1(got, variant.expected)
            totals.setdefault(variant.family, []).append(scores[2])
            closed = closing_right(report, original)
            closings.setdefault(variant.family, [0, 0])
            closings[variant.family][0] += closed
            closings[variant.family][1] += 1
            if variant.family.startswith("summing_up"):
                placed = any(summing_up_right(report, p) for p in _SUMMING_UPS)
                summed[0] += placed
                summed[1] += 1
                if args.verbose and not placed:
                    print(f"{path.name} {variant.family}: summing-up misplaced", file=sys.stderr)
            if args.verbose and not closed:
                print(f"{path.name} {variant.family}: closing wrong", file=sys.stderr)
                print(f"   expected {_squashed(''.join(original.closing))[:60]}", file=sys.stderr)
                print(f"   got      {_squashed(''.join(report.closing))[:60]}", file=sys.stderr)
            right = [
                getattr(report, key) == value
                for key, value in expected_metadata(original, variant.family).items()
            ]
            kept.setdefault(variant.family, [0, 0, 0, 0])
            kept[variant.family] = [
                a + b for a, b in zip(kept[variant.family], [*right, 1], strict=True)
            ]
            if args.verbose and not all(right):
                wrong = {
                    key: (getattr(report, key), value)
                    for key, value in expected_metadata(original, variant.family).items()
                    if getattr(report, key) != value
                }
                print(f"{path.name} {variant.family}: metadata {wrong}", file=sys.stderr)
            if args.verbose and scores[2] < 1.0:
                print(f"{path.name} {variant.family}: F1 {scores[2]:.3f}", file=sys.stderr)
                for row in sorted(_rows(variant.expected) - _rows(got), key=str):
                    print("   missing", row, file=sys.stderr)
                for row in sorted(_rows(got) - _rows(variant.expected), key=str):
                    print("   extra  ", row, file=sys.stderr)
    every = [f for scores in totals.values() for f in scores]
    print(f"{'family':18s} {'heading F1':>10s}  genre region level closing right (right of n)")
    for family, scores in totals.items():
        genre, region, level, count = kept[family]
        print(
            f"{family:18s} {sum(scores) / len(scores):10.3f}  "
            f"{genre:5d} {region:6d} {level:5d} {closings[family][0]:13d}  of {count}"
        )
    right = [sum(column) for column in zip(*kept.values(), strict=True)]
    closed = sum(c[0] for c in closings.values())
    print(
        f"{'all':18s} {sum(every) / len(every):10.3f}  "
        f"{right[0]:5d} {right[1]:6d} {right[2]:5d} {closed:13d}  of {right[3]}"
    )
    print(f"summing-up the first chapter's, after its sections: {summed[0]} of {summed[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The report parser: normalised text in, a `Report` (metadata + section tree) out.

The genre numbers its sections 一、 / (一) / 1. / (1), in half- or full-width forms. A line
that merely *starts* like a heading ("2.5个百分点", "12345热线", "2023年…") is not one: a
candidate is accepted only when its number is the one expected next at its level (or 1
for a level that opens), so numbering decides, not the line's shape alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from govread.parsers import flat
from govread.parsers.chrome import (
    COLUMN_NAME,
    is_chrome,
    join_info_box,
    page_metadata,
    site_mark_start,
    strip_inline_chrome,
)
from govread.parsers.gazetteer import find_place
from govread.parsers.layout import is_page_number
from govread.parsers.metadata import (
    Metadata,
    author_of_title,
    end_matter_start,
    find_metadata,
    flat_news_headline,
    is_signature_line,
    is_trailer_line,
    news_headline,
    parse_date,
    region_of,
    take_header,
    take_title,
    title_issuer,
    title_rest,
)
from govread.parsers.model import Item, Report, Section, folded_sha256
from govread.parsers.normalize import normalize
from govread.parsers.numerals import ascii_digits, chinese_to_int, read_years
from govread.parsers.version import PARSER_VERSION as PARSER_VERSION  # bumped there

_CN = "一二三四五六七八九十"
_OPEN = "(\uff08"  # ( （
_CLOSE = ")\uff09"  # ) ）
_DIGIT = "0-9\uff10-\uff19"
_SENTENCE_END = "\u3002!?\uff01\uff1f"  # 。 ! ? ！ ？
_TRAILING = "\u3002:\uff1a;\uff1b,\uff0c \t"  # stripped from the end of a heading

# After 1. a digit makes a decimal (2.5个百分点), unless it starts a year (1.2023年工作情况).
# After 一. any digit opens the heading (一.2023年主要工作, 三．12345热线): no number is
# written with a Chinese numeral before its decimal point.
_YEAR = rf"(?:[1\uff11][9\uff19]|[2\uff12][0\uff10])[{_DIGIT}]{{2}}\s?年"
_NOT_A_YEAR = rf"(?!{_YEAR})[{_DIGIT}]"
# (rank, pattern): rank -1 第一部分 (a part, above 一、) / rank 0 一、 / rank 1 (一), also
# written half-open (一) at a line's start, as pages do) / rank 2 1. / rank 3 (1) and ⑴.
_FORMS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (-1, re.compile(rf"第\s?([{_CN}]{{1,3}})\s?部分[\u3001:\uff1a.\uff0e]?\s*")),
    (0, re.compile(rf"([{_CN}]{{1,3}})\s*[\u3001.\uff0e]\s*")),
    (1, re.compile(rf"(?:[{_OPEN}]\s*)?([{_CN}]{{1,3}})\s*[{_CLOSE}][\u3001]?\s*")),
    (2, re.compile(rf"([{_DIGIT}]{{1,2}})\s*[.\uff0e\u3001](?!{_NOT_A_YEAR})\s*")),
    (3, re.compile(rf"(?:[{_OPEN}]\s*([{_DIGIT}]{{1,2}})\s*[{_CLOSE}]|([\u2474-\u2487]))\s*")),
)
_BARE_NUMBER = re.compile(rf"[{_DIGIT}]{{1,3}}")
# A heading's own line longer than this without a sentence end is a paragraph.
_MAX_OWN_LINE_HEADING = 60
# A title run into its body after a space is at most this long; the body's first sentence
# at least this long (一是完善制度。).
_MAX_RUN_IN_TITLE = 40
_MIN_RUN_IN_BODY = 4
# … and, where no body's opening words tell it, a title of at least this many characters
# before a body's first sentence of at least these, in a first sentence longer than flat's
# limit for one that is all heading
_MIN_RUN_IN_TITLE = 4
_MIN_LONG_BODY = 20
_LONG_FIRST_SENTENCE = 40

# (the leading lookahead lets the engine skip to where a marker can start: twice as fast)
_ITEM_MARKER = re.compile(
    rf"(?=[\s{_CN}])(?:^|(?<=[{_SENTENCE_END};\uff1b:\uff1a,\uff0c]))\s*([{_CN}]{{1,2}})是"
)
# What every item marker holds (一是): a paragraph without it is not scanned for markers (most
# paragraphs; found at C speed, a set of first characters being a prefix the engine skips to).
_ITEM_CORE = re.compile(f"[{_CN}]是")

_EPILOGUE = re.compile(
    r"^(一年来|过去一年|回顾.{0,6}一年|总的来看|总体来看|总体而言|下一步|今后|展望)"
)
_YEAR_OPENING = re.compile(r"^\d{4}\s*年(度)?[,\uff0c]")
# A part's summing-up after its last subsection: its first sentence weighs the results and
# turns to what is lacking (在看到成绩的同时，…还面临…困难 / 虽然取得了一定成效，但…存在…问题 /
# 同时，我们也清醒地认识到…不足). The turn in the sentence's first words, a shortfall anywhere
# in it; a bare …取得成效，但发现问题12个 is a section's own account. (one bounded repeat)
_SUMMING_TURN = re.compile(
    r"(?:成绩|成效|进展|成果)的同时"
    r"|(?:虽然|尽管)[^\u3002]{0,30}?(?:成绩|成效|进展|成果)"
    r"|(?:清醒|清楚|深刻)地?(?:看到|认识)"
)
_SUMMING_SHORTFALL = re.compile(r"问题|不足|差距|困难|挑战|短板|弱项|薄弱")
_SUMMING_TURN_WITHIN = 32  # characters from the paragraph's start the turn begins within
_SUMMING_SENTENCE = 160  # characters of the first sentence looked at
_EPILOGUE_WORDS = re.compile(r"存在|不足|问题|短板|弱项|薄弱|差距|下一步|将")
# An appendix (附件 / 名词、术语注释) ends the report's own numbering: its lines are closing.
_APPENDIX = re.compile(
    r"^(附件\s*[0-9\uff10-\uff19]*[:\uff1a]?$|附[:\uff1a]|.{0,12}(名词|术语)[、,\uff0c]?(术语)?(注释|解释))"
)
_PLAN_HEADING = re.compile(r"下一步|工作安排|工作计划|打算|存在|问题|不足|思路")
# An unnumbered part title (2019年工作回顾 / 2020年主要工作任务, a 政府工作报告's parts): a
# period it is about and a word of what a part holds, both, so a lead line (主要做法, 存在问题)
# is none. (years read as ASCII digits first: read_years)
_PART_TITLE_PERIOD = re.compile(
    r"(?<![0-9])[12][0-9]{3}\s?年|今年|明年|过去(?:一|五)年|新的一年|本年度|十[一二三四五六七八九]五"
)
_PART_TITLE_WORD = re.compile(r"回顾|任务|形势|要求|安排|计划|打算|思路|目标|展望|工作")
# what a title never holds: a clause's or sentence's mark, a bracket, a report's name
_PART_TITLE_NOT = re.compile(
    r"[,\uff0c\u3002.;\uff1b:\uff1a!\uff01?\uff1f()\uff08\uff09\u2026]|报告"
)
_PART_TITLE_LEN = (4, 24)
# An annex title longer than this is a flattened annex's whole line, no title of its own.
_ANNEX_TITLE = 30


@dataclass(slots=True)
class _Heading:
    rank: int
    ordinal: int
    number: str
    marker: str
    heading: str
    raw_heading: str
    rest: str  # body text that followed the heading on its line ("" when none)


@dataclass(slots=True)
class _Node:
    head: _Heading
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    after_children: list[str] = field(default_factory=list)  # its summing-up (`_sums_up`)


def parse_text(text: str, *, path: str | None = None, sha256: str | None = None) -> Report:
    """Parse a report's text. Never raises on any `str`.

    `sha256` identifies the source file (hash of its bytes); when omitted it is the hash
    of the text's UTF-8 encoding.
    """
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    lines = [line.strip() for line in normalize(text).split("\n")]
    # (a page number, - 5 - or 第2页, is never report text: a PDF's, a Word file's or a
    # page's, after the signature too)
    lines = [line for line in lines if line and not is_page_number(line)]
    # (nor is a content farm's mark: 公文汇 www.gongwenhui.com alone or after a heading)
    lines = [line for line in map(_without_site_mark, lines) if line]
    # nor is a bare number after the signature or its end matter: the last page's number,
    # where no page break tells it (a bare number elsewhere may be a table's cell, a
    # heading's number)
    while (end := end_matter_start(lines)) > 1 and (
        _BARE_NUMBER.fullmatch(lines[end - 1])
        and (is_signature_line(lines[end - 2]) or is_trailer_line(lines[end - 2]))
    ):
        del lines[end - 1]
    if (path and path.lower().endswith(".md")) or _looks_like_markdown(lines):
        lines = _plain_markdown(lines)
    lines = [_unmarked_heading(line) for line in lines]
    lines = [part for line in lines for part in _colon_child(line)]
    header, header_lines, lines = take_header(lines)

    lines, boxed = join_info_box(lines)
    # A numbered line is never chrome, whatever words it holds (a heading may say 字体:[ ]).
    flags = [
        (index in boxed or is_chrome(line)) and _match_heading(line) is None
        for index, line in enumerate(lines)
    ]
    pieces = _title_out_of_chrome(lines, flags)
    lines, flags = _signature_out_of_chrome(lines, flags, pieces)
    chrome = header_lines + pieces + [line for line, flag in zip(lines, flags, strict=True) if flag]
    body = [line for line, flag in zip(lines, flags, strict=True) if not flag]

    title, body = take_title(body)
    if header.get("title"):
        title = header["title"]
        body = [line for line in body if line != title]
    if title is None and (headline := news_headline(body)):
        title, body = headline, body[1:]  # a news story's headline is its title
    body = _join_part_titles(body)
    decided: dict[int, _Heading] | None = None
    appendix_at: int | None = None
    closing_at: int | None = None
    if _is_flat(body[: end_matter_start(body)]):  # (an annex list's 1. 2. are not its own)
        body = _without_inline_chrome(body, chrome)
        if title is None and body:
            title, body = _flat_title(body, chrome)
        if title is None and body and (news := flat_news_headline(body[0])):
            title, body = news[0], [news[1], *body[1:]]
        body, decided, appendix_at, closing_at = _split_flat(
            body, _signers(title, header), _title_year(title)
        )
    else:
        # furniture run into the text's first or last lines (…。扫一扫在手机打开当前页)
        ends = min(len(body), _CHROME_ENDS)
        body = _unglue_signature(
            _without_inline_chrome(body[:ends], chrome, _CHROME_REACH)
            + body[ends:-ends]
            + _without_inline_chrome(body[max(ends, len(body) - ends) :], chrome, _CHROME_REACH)
        )
        if title is None and body and (news := flat_news_headline(body[0])):
            title, body = news[0], [news[1], *body[1:]]  # (a short story on one line)
    page = page_metadata(chrome)
    titles = _part_titles(body) if decided is None else {}
    roots, preamble, tail, appendix = _build_tree(body, decided, appendix_at, titles)
    if closing_at is not None:
        # where the closing cut from a flat last chapter stands among the trailing lines
        closing_at -= (len(body) if appendix_at is None else appendix_at) - len(tail)
    if not roots:
        # A text with no headings ends as a numbered one does: its preamble's last lines
        # are the signature (and what follows it), not its one section's paragraphs.
        closing_at = None if closing_at is None else closing_at + len(preamble)
        tail, preamble = preamble + tail, []
    # what follows the signature, at the text's end (after an appendix, or the appendix
    # itself when it is only a 附件 list), is neither the report's text nor its signature
    trailing = tail + appendix
    end_at = end_matter_start(trailing)
    end_matter = trailing[end_at:]
    tail, appendix = trailing[: min(end_at, len(tail))], trailing[len(tail) : end_at]
    body_tail, closing = _split_closing(roots, tail, closing_at)
    if roots:
        _last_leaf(roots).paragraphs.extend(body_tail)
        # (before an annex joins as a part: the last part's summing-up is the closing's)
        _place_summing_ups(roots[:-1], within_paragraphs=decided is not None)
    else:
        preamble.extend(body_tail)
    if appendix and len(appendix[0]) <= _ANNEX_TITLE and any(node.head.rank < 0 for node in roots):
        # In a report divided into parts an annex (名词解释) is one more part: its own
        # numbered entries are neither the last chapter's nor the closing's.
        roots.append(_Node(_annex_head(appendix[0], len(roots) + 1), appendix[1:]))
        appendix = []  # (else the appendix follows the closing, before the end matter)

    meta = find_metadata(
        title=title,
        preamble=preamble,
        closing=[*closing, *appendix],
        end_matter=end_matter,
        page=page,
        headings=[n.head.heading for n in _iter_nodes(roots)],
        path=path,
        header=header,
        text_head="".join(body[: len(body) - len(end_matter)])[:_GENRE_TEXT],
    )
    closing = [*closing, *appendix, *end_matter]
    # Node ids start with the report's id, the hash of its body text (what
    # `Report.text_sha256` hashes, in the same order: the sections' texts are their
    # headings, paragraphs and subsections).
    body_sha256 = folded_sha256(chain(preamble, _node_texts(roots), closing))
    # An empty body names nothing: two empty files are not one report.
    report_id = body_sha256[:12] if roots or preamble else sha256[:12]
    sections = _freeze(roots, report_id, _levels(roots))
    if not sections and preamble:
        # A text with no headings is a report with one section, not an error.
        sections = (_single_section(report_id, meta, preamble),)
        preamble = []
    return Report(
        sha256=sha256,
        id=report_id,
        body_sha256=body_sha256,
        title=title,
        display_title=meta.display_title,
        region=meta.region,
        year=meta.year,
        published=meta.published,
        issuer=meta.issuer,
        source=meta.source,
        preamble=tuple(preamble),
        sections=sections,
        closing=tuple(closing),
        chrome=tuple(chrome),
        path=path,
        meta=dict(page),
        genre=meta.genre,
        issuer_level=meta.issuer_level,
        doc_number=meta.doc_number,
        source_url=meta.source_url or page.get("source_url"),
        province=meta.province,
        region_level=meta.region_level,
        city=meta.city,
        region_ambiguous=meta.region_ambiguous,
        made_public=meta.made_public,
        made_public_by=meta.made_public_by,
        name_dependent=meta.name_dependent,
    )


# -- markdown -------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LIST = re.compile(r"^(?:[-*+]|>)\s+")
_MD_RULE = re.compile(r"^(?:[-*_]\s?){3,20}$")


def _looks_like_markdown(lines: list[str]) -> bool:
    return sum(1 for line in lines[:400] if line[:1] == "#" and _MD_HEADING.match(line)) >= 2


def _plain_markdown(lines: list[str]) -> list[str]:
    """Markdown as plain text: # headings, list bullets, quotes, rules and ** emphasis go."""
    out = []
    for line in lines:
        if _MD_RULE.match(line):
            continue
        line = _MD_HEADING.sub("", line, count=1)
        line = _MD_LIST.sub("", line, count=1)
        line = line.replace("**", "").replace("__", "").strip()
        if line:
            out.append(line)
    return out


# Markup copied with a heading into plain text (a web page's bold, a lone Markdown heading):
# **一、加强党的领导** / __（一）完善制度__ / # 一、… / 一、**加强党的领导**。正文…
_EMPHASIS = re.compile(r"(\*\*|__)([^*_\n]{1,200})\1")
_HASHES = re.compile(r"#{1,6}[ \t]*")
_ITEM_OPENING = re.compile(rf"[{_CN}]{{1,2}}是")
_MARKER_REACH = 12  # the longest number a heading opens with (第十一部分、 （十一）)


def _opens_with_marker(text: str) -> bool:
    """`text` starts with a heading's number (一、 / （一） / 1. / 第一部分) or an item's (一是)."""
    return any(pattern.match(text) for _rank, pattern in _FORMS) or bool(_ITEM_OPENING.match(text))


def _unmarked_heading(line: str) -> str:
    """The line without the markup around its heading's number: a Markdown heading's
    hashes, and emphasis (** or __) that wraps a number with its title (**一、标题**), or
    the title after its number (一、**标题**); emphasis anywhere else stays, as the text's."""
    if line[:1] == "#" and (hashes := _HASHES.match(line)):
        rest = line[hashes.end() :]
        if _opens_with_marker(rest.lstrip("*_")):
            line = rest

    def plain(match: re.Match[str]) -> str:
        inner, start = match.group(2), match.start()
        if _opens_with_marker(inner):  # (anywhere: a flattened text's heading follows
            return inner  # its previous sentence or title directly)
        return inner if _after_marker(line, start) else match.group(0)

    return _EMPHASIS.sub(plain, line) if "**" in line or "__" in line else line


def _after_marker(line: str, at: int) -> bool:
    """A heading's number ends at `at` (一、**标题**), itself at the line's start or after
    a stop, a space or markup (not 统一、**规范**, a word's last character)."""
    for start in range(max(0, at - _MARKER_REACH), at):
        if (start == 0 or not line[start - 1].isalnum()) and any(
            pattern.fullmatch(line, start, at) for _rank, pattern in _FORMS
        ):
            return True
    return False


# The lines the title is looked for in (`take_title` looks at the first few body lines).
_TITLE_CHROME_LINES = 8
_NAMES_ITSELF = re.compile(r"(?:19|20)\d{2}\s?年|[省市县区州旗盟镇乡]")


def _title_out_of_chrome(lines: list[str], flags: list[bool]) -> list[str]:
    """A title with the page's furniture on its line (某局2022年…报告 发布时间：2023-03-30)
    is not furniture: the line becomes the title alone (in place, `flags` updated), its
    furniture is returned. Only the first such line, among the first few."""
    for index in range(min(len(lines), _TITLE_CHROME_LINES)):
        if not flags[index]:
            continue
        rest, pieces = strip_inline_chrome(lines[index])
        # (a title that names its year or place, not a site column's name)
        if pieces and rest and take_title([rest])[0] == rest and _NAMES_ITSELF.search(rest):
            lines[index] = rest
            flags[index] = False
            return pieces
    return []


def _signature_out_of_chrome(
    lines: list[str], flags: list[bool], pieces: list[str]
) -> tuple[list[str], list[bool]]:
    """The signature run into the page's toolbar at the text's end (2024年2月29日 打印本页
    关闭窗口) is the report's: its line becomes the signature alone (the date, or the
    organisation and the date on lines of their own), its furniture goes to `pieces`."""
    end = end_matter_start(lines)
    while end > 0 and (
        flags[end - 1] or is_signature_line(lines[end - 1]) or is_trailer_line(lines[end - 1])
    ):
        end -= 1  # (only the trailing run of furniture, signature and end-matter lines)
    out_lines, out_flags = lines[:end], flags[:end]
    for line, flag in zip(lines[end:], flags[end:], strict=True):
        rest, furniture = strip_inline_chrome(line) if flag else (line, [])
        parts = [rest] if parse_date(rest) else rest.split()  # (二〇二四年 二月 二十九日)
        if furniture and parts and all(_bare_signature(part) for part in parts):
            out_lines.extend(parts)
            out_flags.extend([False] * len(parts))
            pieces.extend(furniture)
        else:
            out_lines.append(line)
            out_flags.append(flag)
    return out_lines, out_flags


def _without_site_mark(line: str) -> str:
    """A line without a content farm's mark: empty when it is only the mark; a heading
    without the mark after it. A paragraph keeps a www address it ends with (…请登录
    www.example.com): a reader may need it, and a heading is where the farms put theirs."""
    start = site_mark_start(line)
    if start is None:
        return line
    if start == 0:
        return ""
    return line[:start].rstrip() if _match_heading(line) is not None else line


def _bare_signature(line: str) -> bool:
    """A signature line with no furniture left in it (not 某市人民政府 版权所有)."""
    return is_signature_line(line) and not is_chrome(line)


def _without_inline_chrome(
    lines: list[str], chrome: list[str], reach: int | None = None
) -> list[str]:
    """Page furniture taken out of long lines (into `chrome`), `reach` characters from
    either end of each (a default reach when None)."""
    out = []
    for line in lines:
        if len(line) > _MAX_CHROME_LINE and not (reach and line[-1] in _SENTENCE_END):
            # (near a text's ends, a line that ends a sentence has nothing run into it)
            line, pieces = strip_inline_chrome(line, reach) if reach else strip_inline_chrome(line)
            chrome.extend(pieces)
        if line:
            out.append(line)
    return out


# -- headings ---------------------------------------------------------------------------


def _colon_child(line: str) -> list[str]:
    """A heading closed by its colon with its first child run in after it (（二）强化行政权力
    监督，规范行政文件管理：1、自觉接受监督。…) as two lines, the heading's and the child's;
    else the line alone."""
    if ":" not in line and "\uff1a" not in line:
        return [line]
    head = _match_heading(line)
    if head is None or head.rank < 0 or head.rank >= 3:
        return [line]
    start = len(line) - len(line.lstrip())
    at = len(head.marker)
    stop = min(len(line), at + _MAX_RUN_IN_TITLE + 4)
    colon = _COLON.search(line, at, stop)
    if colon is None or colon.start() - at < _MIN_RUN_IN_TITLE:
        return [line]
    if any(ch in _SENTENCE_END for ch in line[start : colon.start()]):
        return [line]
    rest = line[colon.end() :].lstrip(" \t")
    child = _match_heading(rest)
    if child is None or child.rank <= head.rank or child.ordinal != 1:
        return [line]
    return [line[: colon.end()], rest]


def _match_heading(line: str) -> _Heading | None:
    """The heading a line starts with, if its shape is one; its number is checked later."""
    for rank, pattern in _FORMS:
        match = pattern.match(line)
        if not match:
            continue
        raw_number = next(g for g in match.groups() if g)
        if rank <= 1:
            ordinal = chinese_to_int(raw_number)
            number = raw_number
        elif "\u2474" <= raw_number <= "\u2487":
            ordinal = ord(raw_number) - 0x2474 + 1
            number = str(ordinal)
        else:
            ordinal = int(ascii_digits(raw_number))
            number = str(ordinal)
        if not ordinal or ordinal > 99:
            return None
        marker = match.group(0).rstrip()
        rest = line[match.end() :]
        if not rest:
            return None
        return _split_heading(rank, ordinal, number, marker, line, match.end())
    return None


_PART_ALONE = re.compile(rf"^第\s?[{_CN}]{{1,3}}\s?部分[\u3001:\uff1a.\uff0e]?$")


def _join_part_titles(lines: list[str]) -> list[str]:
    """A part's number alone on its line (第一部分) with its title on the next one: one
    heading line, as `第一部分 工作情况` is written (whitespace is not body text)."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            following
            and len(line) <= 8
            and _PART_ALONE.match(line)
            and len(following) <= _MAX_OWN_LINE_HEADING
            and not any(ch in following for ch in _SENTENCE_END)
            and _match_heading(following) is None
        ):
            out.append(f"{line} {following}")
            index += 2
            continue
        out.append(line)
        index += 1
    return out


def _part_titles(lines: list[str]) -> dict[int, _Heading]:
    """The unnumbered titles that divide a text into parts (2019年工作回顾 … 2020年主要工作任务
    … a 政府工作报告's), by line index, as part headings a level above 一、.

    Decided from the text's own evidence, and only when all of it agrees: a short line of
    its own with no sentence or clause mark naming a period and a part's word
    (`_PART_TITLE_PERIOD`, `_PART_TITLE_WORD`); no numbered heading before the first
    one (parts open the structure: a lead line inside a chapter is none); each followed
    by paragraphs only, or by headings whose numbering starts anew (a title a numbering
    runs across, 一、 … title … 二、, is inside a chapter); two titles at least."""
    candidates = [
        index
        for index, line in enumerate(lines)
        if _PART_TITLE_LEN[0] <= len(line) <= _PART_TITLE_LEN[1]
        and not _PART_TITLE_NOT.search(line)
        and _PART_TITLE_PERIOD.search(years := read_years(line))
        and _PART_TITLE_WORD.search(years)
        and _match_heading(line) is None
        and not _PART_ALONE.match(line)
        and not _APPENDIX.match(line)
        and not is_signature_line(line)
    ]
    if len(candidates) < 2:
        return {}
    end = next(
        (i for i, line in enumerate(lines) if len(line) <= _ANNEX_TITLE and _APPENDIX.match(line)),
        len(lines),
    )
    candidates = [index for index in candidates if index < end]
    heads = {i: h for i, line in enumerate(lines[:end]) if (h := _match_heading(line))}
    if any(head.rank < 0 for head in heads.values()):
        return {}  # numbered parts (第一部分) divide the text already
    while len(candidates) >= 2:
        if any(i < candidates[0] for i in heads):
            return {}
        kept = [
            start
            for start, stop in zip(candidates, [*candidates[1:], end], strict=True)
            if stop > start + 1 and _starts_anew(heads, start, stop)
        ]
        if kept == candidates:
            return {
                index: _Heading(-1, ordinal, "", "", lines[index], lines[index], "")
                for ordinal, index in enumerate(candidates, start=1)
            }
        candidates = kept
    return {}


def _starts_anew(heads: dict[int, _Heading], start: int, stop: int) -> bool:
    """Does every level numbered between these lines start at 1 (or hold none)?"""
    seen: set[int] = set()
    for index in range(start + 1, stop):
        head = heads.get(index)
        if head is None or head.rank in seen:
            continue
        if head.ordinal != 1:
            return False
        seen.add(head.rank)
    return True


def is_annex(section: Section) -> bool:
    """Is this an annex's part (政府工作报告名词、术语注释 after a report's parts): the report's
    glossary or attachment, not its own account of the year?"""
    heading = section.raw_heading
    return not section.marker and len(heading) <= _ANNEX_TITLE and bool(_APPENDIX.match(heading))


def _annex_head(line: str, ordinal: int) -> _Heading:
    """An annex's title line (政府工作报告名词、术语注释) as an unnumbered part's heading."""
    return _Heading(-1, ordinal, "", "", line.rstrip(_TRAILING) or line, line, "")


def _split_heading(
    rank: int, ordinal: int, number: str, marker: str, line: str, start: int
) -> _Heading | None:
    rest = line[start:]
    if (cut := _space_cut(line, start)) is not None:
        # "一、加强党的领导 2024年，我区…": the title, a space, then its body's sentences
        heading = line[start : cut[0]].rstrip(_TRAILING)
        return _Heading(rank, ordinal, number, marker, heading, line[: cut[1]], line[cut[1] :])
    end = next((i for i, ch in enumerate(rest) if ch in _SENTENCE_END), -1)
    if (colon := _colon_cut(rest, end)) is not None:
        # "（一）依法履行政府职能：我镇坚持…。": the title closed by its colon, the body after it
        body_start = start + colon + 1
        while body_start < len(line) and line[body_start] in " \t":
            body_start += 1
        heading = rest[:colon].rstrip(_TRAILING)
        return _Heading(
            rank, ordinal, number, marker, heading, line[:body_start], line[body_start:]
        )
    if end == -1 or not rest[end + 1 :].strip():
        # The whole line is the heading.
        if len(rest) > _MAX_OWN_LINE_HEADING and end == -1:
            return None
        heading = rest.rstrip(_TRAILING)
        return _Heading(rank, ordinal, number, marker, heading, line, "") if heading else None
    # "一、加强党的领导。正文…": the first sentence is the heading, the rest is body.
    heading = rest[:end].rstrip(_TRAILING)
    if not heading:
        return None
    body_start = start + end + 1
    while body_start < len(line) and line[body_start] in " \t":
        body_start += 1
    return _Heading(rank, ordinal, number, marker, heading, line[:body_start], line[body_start:])


def _colon_cut(rest: str, end: int) -> int | None:
    """Where a heading closed by a colon ends, its body after the colon on its line
    (…科学开展民主决策：我镇坚持…。), or None: the colon before the first sentence end, after a
    title's length (a word, not a time: 10:30), a body's sentence after it."""
    colon = _COLON.search(rest, 0, end if end != -1 else len(rest))
    if colon is None:
        return None
    at = colon.start()
    body = rest[at + 1 :].lstrip(" \t")
    if not _MIN_RUN_IN_TITLE <= at <= _MAX_RUN_IN_TITLE or len(body) < _MIN_RUN_IN_BODY:
        return None
    if body[0].isdigit() or rest[at - 1].isdigit() or end == -1:
        return None  # (a time, a count; or no sentence after it: a title with a colon)
    return at


_COLON = re.compile("[:\uff1a]")
_SPACE_RUN = re.compile(r"[ \t]+")
_SENTENCE_STOP = re.compile(f"[{_SENTENCE_END}]")
_TITLE_STOP = re.compile(f"[{_SENTENCE_END};\uff1b:\uff1a]")
_CLAUSE = re.compile("[,\uff0c;\uff1b\u3001]")
# Openings that start a body whatever follows: an item's 一是, a year (2023年，…)
_SURE_OPENING = re.compile(r"[一二]是|[0-9\uff10-\uff19〇○零一二三四五六七八九]{4}\s?年")


def _space_cut(line: str, start: int) -> tuple[int, int] | None:
    """(where the title ends, where the body begins) of a heading its body follows on its
    line after a space (一、加强党的领导 2024年，我区坚持…。), or None.

    Flattened text takes such a space as a heading's end (`flat._heading_end`); a line
    kept whole may space its title (一、加强 党的领导), so here the title must hold no
    sentence end, colon or ；, and what follows the space must open as a body does
    (`flat.opens_body`: 2024年 / 一是 / 全年 / 我区 / 坚持 …) and be one: a sentence closed
    by 。 with a clause in it, or opened by 一是 or a year. The first such space is the cut.
    Else, in a first sentence too long to be all heading, its one space after a title of
    a few characters ends the title when a long sentence follows (…制度供给 紧扣…，…。)."""
    stop = _SENTENCE_STOP.search(line, start)
    if stop is None:
        return None
    title_stop = _TITLE_STOP.search(line, start, stop.start())
    reach = min(title_stop.start() if title_stop else stop.start(), start + _MAX_RUN_IN_TITLE)
    spaces = list(_SPACE_RUN.finditer(line, start + 2, reach))
    for space in spaces:
        body = space.end()
        opening = flat.opens_body(line, space.start(), body)
        if opening is None or stop.start() - body < _MIN_RUN_IN_BODY:
            continue
        if _SURE_OPENING.match(opening.group(0)) or _CLAUSE.search(line, body, stop.start()):
            return space.start(), body
    if stop.start() - start > _LONG_FIRST_SENTENCE and spaces:
        last = spaces[-1]
        if (
            last.start() - start >= _MIN_RUN_IN_TITLE
            and stop.start() - last.end() >= _MIN_LONG_BODY
            and flat.may_end_heading(line, last.start())
            and not _SPACE_RUN.search(line, last.end(), stop.start())
        ):
            return last.start(), last.end()
    return None


def _build_tree(
    lines: list[str],
    decided: dict[int, _Heading] | None = None,
    appendix_at: int | None = None,
    titles: dict[int, _Heading] | None = None,
) -> tuple[list[_Node], list[str], list[str], list[str]]:
    """Headings into a tree; returns the roots, the preamble, the lines after the last
    heading's own paragraph (candidates for the closing) and an appendix, if any.

    `decided` holds the headings already chosen for a flat text, by line index; without
    it each line is matched and its number checked here. `titles`: unnumbered part titles
    (`_part_titles`) by line index."""
    roots: list[_Node] = []
    preamble: list[str] = []
    stack: list[_Node] = []  # open sections, ranks strictly increasing
    last: _Node | None = None
    since_heading: list[str] = []  # paragraphs after the latest heading's first one
    appendix: list[str] = []
    carried: dict[int, int] = {}  # rank → last ordinal of a level a heading closed
    signed = end_matter_start(lines)  # (the signature's last line, before any end matter)

    for index, line in enumerate(lines):
        if index == appendix_at or (len(line) <= 30 and _APPENDIX.match(line)):
            appendix = lines[index:]
            break
        if decided is not None:
            head = decided.get(index)
        elif titles and index in titles:
            head = titles[index]
        else:
            head = _match_heading(line)
            if (
                head is not None
                and not _expected(stack, head, carried)
                and not (_first_of_its_form(roots, head) and _opens_midway(lines, index, head))
            ):
                head = None
        if head is not None:
            while stack and stack[-1].head.rank >= head.rank:
                closed = stack.pop().head
                if closed.rank > head.rank:
                    carried[closed.rank] = closed.ordinal
            carried.pop(head.rank, None)
            node = _Node(head, [head.rest] if head.rest else [])
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            last = node
            since_heading = []
            continue
        if last is None:
            preamble.append(line)
        elif (
            not last.paragraphs
            and not since_heading
            and not (signed - _SIGNATURE_LINES <= index < signed and is_signature_line(line))
        ):
            last.paragraphs.append(line)
        else:
            since_heading.append(line)
            last.paragraphs.append(line)
    if (
        last is not None
        and not last.paragraphs
        and not last.children
        and not appendix
        and _cut_off(last.head)
    ):
        # A heading that ends the text unfinished, with nothing after it (an excerpt cut
        # off in a heading: …（三）深入推进法治政) heads no section: its line is the text
        # before's.
        siblings = stack[-2].children if len(stack) > 1 else roots
        siblings.pop()
        line = last.head.raw_heading
        last = _last_leaf(roots) if roots else None
        if last is None:
            preamble.append(line)
        else:
            last.paragraphs.append(line)
            since_heading = [line]
    # The trailing paragraphs are handed back so the closing can be split off them.
    if last is not None and since_heading:
        del last.paragraphs[len(last.paragraphs) - len(since_heading) :]
    return roots, preamble, since_heading, appendix


def _first_of_its_form(roots: list[_Node], head: _Heading) -> bool:
    """Is no heading of this form or a shallower one in the text before? (Any such heading
    is a root or under one shallower still: the roots tell.)"""
    return all(node.head.rank > head.rank for node in roots)


# How many lines on an excerpt's first heading looks for the heading after it.
_MIDWAY_REACH = 40


def _opens_midway(lines: list[str], index: int, head: _Heading) -> bool:
    """Does a text that starts inside a chapter (an excerpt: （三） with its 1. 2. items, no
    一、 before it) open its numbering here? The first heading of the text may start past 1
    when the next numbered line goes on from it: its successor at its level, a first child
    (a deeper form numbered 1), or a shallower heading past 1 (二、 after （三）: the
    excerpt began inside 一、)."""
    for line in lines[index + 1 : index + 1 + _MIDWAY_REACH]:
        after = _match_heading(line)
        if after is None:
            continue
        if after.rank == head.rank:
            return after.ordinal == head.ordinal + 1
        if after.rank < head.rank:
            return after.ordinal > 1  # its parent's successor: the excerpt began in a chapter
        return after.ordinal == 1
    return False


def _cut_off(head: _Heading) -> bool:
    """Does a heading stop inside a word (…推进法治|政, …聚焦|效), with no sentence end: its
    last two characters no word the word classes list, the two before its last one a word?
    Or inside its last clause, one character after a clause mark (…收官目标，构)?"""
    heading, words = head.heading, flat.word_classes()
    if head.raw_heading.rstrip()[-1] in _SENTENCE_END:
        return False
    if len(heading) >= 3 and heading[-2] in _CLAUSE_MARKS:
        return True
    if len(heading) <= 2 and words.get(heading) in ("A", "V") and heading not in _SECTION_WORDS:
        return True  # an adverb or a verb alone, its object cut off: （二）全面 / 二、加强
    return len(heading) >= 3 and heading[-2:] not in words and heading[-3:-1] in words


# Words a section's title may be alone (一、成效 / 三、问题), whatever their word class: the
# flat reader's title words and a few that only stand alone.
_SECTION_WORDS = frozenset(flat.TITLE_WORDS) | {"概述", "总结", "展望", "回顾"}


_CLAUSE_MARKS = ",\uff0c\u3001;\uff1b:\uff1a"


def _expected(stack: list[_Node], head: _Heading, carried: dict[int, int] | None = None) -> bool:
    """Is this the number expected next at the heading's level?

    `carried`: the last ordinal of each level a heading closed; a level may be numbered on
    across its parents (（一） 1. 2. （二） 3. 4.), so under a new parent it may go on."""
    same = [n for n in stack if n.head.rank == head.rank]
    if not same:
        # A level that opens starts at 1; at the top, one missing heading is forgiven.
        if head.ordinal == 1 or (head.ordinal == 2 and not stack and head.rank == 0):
            return True
        previous = (carried or {}).get(head.rank, 0)
        # (one heading missing forgiven, as within a level: a slip may hide the count)
        return bool(previous and stack and stack[-1].head.rank < head.rank) and (
            previous < head.ordinal <= previous + 2
        )
    previous = same[-1].head.ordinal
    if previous < head.ordinal <= previous + 2:
        return True
    if head.ordinal == previous and head.rank > 0:
        return True  # a numbering slip in the source: （一）（一）（三）
    # A restart at 1 on a heading's own line (a second part numbered anew).
    return head.ordinal == 1 and not head.rest


# A heading's first line is its body, unless it is the signature among the text's last lines.
_SIGNATURE_LINES = 3


# -- flat text ---------------------------------------------------------------------------

# A text whose lines start with fewer numbered headings than this is read as flat.
_MIN_LINE_HEADINGS = 2
_FLAT_LINE = 4000
# ... and has a line at least this long (short lines are a short text, not a flat one).
_MIN_FLAT_LINE = 100
# Lines this long are not page furniture as a whole, but may hold some.
_MAX_CHROME_LINE = 160
_CHROME_ENDS = 2
_CHROME_REACH = 120
# How much of the body is read to tell the genre of a document without a title.
_GENRE_TEXT = 20_000


def _is_flat(lines: list[str]) -> bool:
    """Has the text lost its line breaks (headings glued into long lines)?"""
    longest = max(map(len, lines), default=0)
    if longest > _FLAT_LINE:
        return True
    if longest <= _MIN_FLAT_LINE:
        return False
    starts = 0
    for line in lines:
        # a line that starts with a marker (its number is checked when the tree is built)
        if flat.starts_with_marker(line):
            starts += 1
            if starts >= _MIN_LINE_HEADINGS:
                return False
    return True


# An appendix (名词解释 / 政府工作报告名词、术语注释 / 附件:) inside a flat line: its own
# numbering is not the report's.
# (the leading lookahead lets the engine skip to where one can start: five times faster)
_FLAT_APPENDIX = re.compile(
    r"(?=[附《名术政工])(?:(?:附件 ?[0-9]{0,2} ?[:\uff1a]? ?)?(?:《[^》]{1,20}》)?(?:(?:政府)?工作报告)?"
    r"(?:名词|术语)[、,\uff0c]?"
    r"(?:术语)?(?:注释|解释)"
    r"|附件 ?[0-9]{0,2} ?[:\uff1a])"
)

# What every match of `_FLAT_APPENDIX` holds (注释 / 解释, or 附件 in the second branch).
_APPENDIX_WORDS = ("注释", "解释", "附件")


def _cut_appendix(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split off an appendix that starts in the last half of a flat text."""
    total = sum(len(line) for line in lines)
    seen = 0
    for index, line in enumerate(lines):
        start = max(0, total // 2 - seen)
        seen += len(line)
        if start >= len(line):
            continue
        # (every appendix heading holds one of these words: a line without them after
        # `start`, most, is passed over at the speed of a substring search)
        if all(line.find(word, start) == -1 for word in _APPENDIX_WORDS):
            continue
        match = _FLAT_APPENDIX.search(line, start)
        if match is not None:
            head = line[: match.start()].strip()
            return [*lines[:index], *([head] if head else [])], [
                line[match.start() :],
                *lines[index + 1 :],
            ]
    return lines, []


def _split_flat(
    lines: list[str], signers: tuple[str, ...] = (), year: int | None = None
) -> tuple[list[str], dict[int, _Heading], int | None, int | None]:
    """Cut flat lines at the headings chosen for the whole text; the pieces become lines.

    Returns the lines, the headings by line index, where an appendix begins and where a
    closing run into the last chapter begins (`flat.closing_cuts`)."""
    lines, appendix = _cut_appendix(lines)
    lines = _unglue_signature(lines, signers)
    per_line = [flat.candidates(line) for line in lines]
    every = [(index, cand) for index, cands in enumerate(per_line) for cand in cands]
    chosen = flat.choose([cand for _, cand in every])
    starts: dict[int, list[flat.Candidate]] = {}
    for position in chosen:
        index, cand = every[position]
        starts.setdefault(index, []).append(cand)
    stops = [
        (
            index,
            cand.end,
            cands[number + 1].start if number + 1 < len(cands) else len(line),
            cand.rank,
        )
        for index, line in enumerate(lines)
        if (cands := starts.get(index))
        for number, cand in enumerate(cands)
    ]
    spans = iter(flat.heading_spans(lines, stops))
    out: list[str] = []
    decided: dict[int, _Heading] = {}
    last = max(starts, default=None)
    closing_at: int | None = None
    for index, line in enumerate(lines):
        cands = starts.get(index)
        if not cands:
            out.append(line)
            continue
        if before := line[: cands[0].start].strip():
            out.append(before)
        for number, cand in enumerate(cands):
            stop = cands[number + 1].start if number + 1 < len(cands) else len(line)
            head_end, body_start = next(spans)
            heading = line[cand.end : head_end].rstrip(_TRAILING)
            marker = line[cand.start : cand.end].rstrip()
            raw = line[cand.start : body_start]
            rest = line[body_start:stop].strip()
            if not heading:
                out.append(line[cand.start : stop].strip())
                continue
            closing: list[str] = []
            if index == last and number == len(cands) - 1 and rest:
                before = "".join(lines[:index]) + line[: cand.start]
                rest, closing = _closing_run_in(rest, before, heading, decided, year)
            if rest and body_start > head_end:
                # "一、加强党的领导。正文…": heading and body on one line, as written
                decided[len(out)] = _Heading(
                    cand.rank, cand.ordinal, cand.number, marker, heading, raw, rest
                )
                out.append(raw + rest)
            else:
                decided[len(out)] = _Heading(
                    cand.rank, cand.ordinal, cand.number, marker, heading, raw.rstrip(), ""
                )
                out.append(raw.rstrip())
                if rest:
                    out.append(rest)
            if closing:
                closing_at = len(out)
                out.extend(closing)
    if not appendix:
        return out, decided, None, closing_at
    return out + appendix, decided, len(out), closing_at


def _closing_run_in(
    rest: str, before: str, heading: str, decided: dict[int, _Heading], year: int | None
) -> tuple[str, list[str]]:
    """The last chapter's body and the closing paragraphs run into it, if any: none in a
    chapter that is itself about problems or plans (存在的问题 / 下一步工作)."""
    top = min((h.rank for h in decided.values()), default=None)
    chapter = next((h for h in reversed(decided.values()) if h.rank == top), None)
    if _PLAN_HEADING.search(heading) or (chapter and _PLAN_HEADING.search(chapter.heading)):
        return rest, []
    cuts = flat.closing_cuts(rest, before, year)
    if not cuts:
        return rest, []
    ends = [*cuts[1:], len(rest)]
    closing = [rest[start:end].strip() for start, end in zip(cuts, ends, strict=True)]
    return rest[: cuts[0]].rstrip(), [paragraph for paragraph in closing if paragraph]


_FLAT_TITLE = re.compile(r"(?:报告|总结|工作要点)")
_MAX_FLAT_TITLE = 60
_NOT_IN_TITLE = "\u3002,\uff0c:\uff1a;\uff1b!?\uff01\uff1f"


def _flat_title(lines: list[str], chrome: list[str]) -> tuple[str | None, list[str]]:
    """The title near the head of a flat first line (…情况的报告一、…), if one is there:
    a run of text without punctuation or spaces that reads like a title."""
    line = lines[0]
    first_stop = line.find("\u3002")
    head = line[: first_stop if 0 <= first_stop < _TITLE_SEARCH else _TITLE_SEARCH]
    previous: re.Match[str] | None = None
    for run in _TITLE_RUN.finditer(head):
        text = run.group(0)
        run_before, previous = previous, run  # (the run before this one, if any)
        ends = [m.end() for m in _FLAT_TITLE.finditer(text, 0, _MAX_FLAT_TITLE)]
        for end in reversed(ends):
            while text.startswith(("的报告", "报告"), end):
                end = text.index("报告", end) + 2
            start = 0
            column = COLUMN_NAME.match(text)
            if column and take_title([text[column.end() : end]])[0]:
                start = column.end()  # a breadcrumb's last column glued to the title
            start = _second_title(text, start, end)
            if not start:
                start = _glued_key(line, run.start(), text, end)
            if dated := _LEADING_DATE.match(text, start, end):
                start = dated.end()  # a page's date run into the title (…2021-03-29某县人民政府…)
            title, _ = take_title([text[start:end]])
            if (
                title is not None
                and not any(ch in title for ch in _NOT_IN_TITLE)
                # (not the first part of a cited notice's name: 根据《…报告|的通知》)
                and (title.count("《") == title.count("》") or text.startswith("》", end))
            ):
                if start:
                    chrome.append(text[:start])
                before = line[: run.start()]
                if (
                    not start
                    and run_before is not None
                    and not line[run_before.end() : run.start()].strip()
                    and title_rest(run_before.group(0), title)
                    and not any(ch in run_before.group(0) for ch in _NOT_IN_TITLE)
                    and take_title([run_before.group(0)])[0] is not None
                ):
                    # a title whose line break became a space (某区卫生健康委2022年度法治 政府建设…):
                    # its first part reads as a title, its second as a title's end
                    title, before = run_before.group(0) + title, line[: run_before.start()]
                author = before.rstrip()
                # (the run before, spaces apart; nor an info box's bracket before it: …[ 有效性 ]某局)
                author = author[max(author.rfind(ch) for ch in " ]\u3011") + 1 :]
                if not start and author and author_of_title(author, title):
                    title, before = author + title, before.rstrip()[: -len(author)]
                rest = (before + " " + line[run.start() + end :]).strip()
                return title, ([rest] if rest else []) + lines[1:]
    return _flat_title_after_cover_letter(lines)


# A flat cover letter before the report (…号市委、市政府：…。某局2023年1月28日某局关于…报告):
# an addressee and its colon near the start, the sender and date closing a sentence.
_COVER_REACH = 1500
_FLAT_ADDRESSEE = re.compile(r"[^\u3002,\uff0c:\uff1a]{2,40}?[:\uff1a]")
_FLAT_COVER_SIGNED = re.compile(
    r"\u3002[^\u3002,\uff0c:\uff1a\s]{2,20}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
)


def _flat_title_after_cover_letter(lines: list[str]) -> tuple[str | None, list[str]]:
    """The title right after a flat cover letter's date (see `_title_after_cover_letter`
    in metadata), and the lines without it; else (None, lines)."""
    line = lines[0]
    if not _FLAT_ADDRESSEE.match(line):
        return None, lines
    signed = _FLAT_COVER_SIGNED.search(line, 0, _COVER_REACH)
    if signed is None:
        return None, lines
    at = signed.end()
    for found in _FLAT_TITLE.finditer(line, at, at + _MAX_FLAT_TITLE):
        end = found.end()
        while line.startswith(("的报告", "报告"), end):
            end = line.index("报告", end) + 2
        title, _ = take_title([line[at:end]])
        if title is not None and not any(ch in title for ch in _NOT_IN_TITLE):
            return title, [f"{line[:at]} {line[end:]}", *lines[1:]]
    return None, lines


_TITLE_SEARCH = 400


def _second_title(text: str, start: int, end: int) -> int:
    """Where the title in text[start:end] starts when a breadcrumb's last column, itself
    a title with no place (…> 市司法局年度报告), runs into the title that names its place
    (某市司法局2022年…报告): the second's start, else `start`."""
    for inner in _FLAT_TITLE.finditer(text, start, end):
        later = text[inner.end() : end]
        if (
            inner.end() < end
            and region_of(text[start : inner.end()]) is None
            and region_of(later) is not None
            and take_title([later])[0] is not None
        ):
            return inner.end()
    return start


# A key or a breadcrumb's last column run into the title after a bullet or a separator, no
# colon between them (• 服务对象某县人民政府关于…, 首页 > … > 规划计划某市某区…): at most this long.
_MAX_GLUED_KEY = 8
_PLACE_AT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟)")


def _glued_key(line: str, run_start: int, text: str, end: int) -> int:
    """Where the title in text[:end] starts when the run follows a bullet or a breadcrumb's
    separator and a few words that name no place run into it: at the first place name, the
    rest a title (• 服务对象|某县人民政府关于…报告); else 0."""
    before = line[:run_start].rstrip()
    if not before or before[-1] not in "\u2022\u00b7>\u00bb":
        return 0
    for at in range(2, min(_MAX_GLUED_KEY, end - 1) + 1):
        name = _PLACE_AT.match(text, at)
        if (
            name is not None
            and find_place(name.group(0)) is not None
            and region_of(text[:at]) is None
            and not text.startswith("中共", 0)
            and take_title([text[at:end]])[0] is not None
        ):
            return at
    return 0


_LEADING_DATE = re.compile(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")
_TITLE_RUN = re.compile(r"[^\s•·>»|丨/]{6,200}")


_GLUED_DATE = re.compile(
    r"(?:\d{4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{6}"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$"
)
_GLUED_FORMULA = ("特此报告。", "专此报告。", "特此报告", "专此报告")


_TITLE_YEAR = re.compile(r"(\d{4}) ?年")


def _title_year(title: str | None) -> int | None:
    """The year a report's title names (…2023年法治政府建设…), if it names one."""
    match = _TITLE_YEAR.search(read_years(title or ""))
    return int(match.group(1)) if match else None


def _signers(title: str | None, header: dict[str, str]) -> tuple[str, ...]:
    """Who may sign the report: the government or department its title names, the issuer
    an archiver's header gives."""
    return tuple(name for name in (title_issuer(title), header.get("issuer")) if name)


def _unglue_signature(lines: list[str], signers: tuple[str, ...] = ()) -> list[str]:
    """A signature and date run into the last sentence (…。特此报告。某某人民政府2024年2月29日,
    …人员轮训白岭区人民政府2024年2月28日 when the title names 白岭区人民政府) are given
    their own lines, as the closing expects them."""
    end = end_matter_start(lines)  # (the signature is before the end matter)
    return [*_unglue_last(lines[:end], signers), *lines[end:]]


def _unglue_last(lines: list[str], signers: tuple[str, ...]) -> list[str]:
    """`_unglue_signature` on `lines` that end where the signature does."""
    if not lines:
        return lines
    last = lines[-1]
    match = _GLUED_DATE.search(last[-20:])
    if match is None or len(last) <= len(match.group(0)):
        return lines
    date_start = len(last) - len(match.group(0))
    head = last[:date_start].rstrip()
    tail = [last[date_start:]]
    cut = max(head.rfind(ch) for ch in "\u3002!?\uff01\uff1f ")
    if cut == -1 and is_signature_line(head):
        return [*lines[:-1], head, *tail]
    org = head[cut + 1 :].strip()
    signer = next((name for name in signers if org.endswith(name) and org != name), None)
    if signer is not None:
        tail.insert(0, signer)  # the signer the title names, run into the last heading
        head = head[: len(head) - len(signer)].rstrip()
    elif org and is_signature_line(org) and parse_date(org) is None:
        tail.insert(0, org)
        head = head[: cut + 1].rstrip()
    elif org:
        return lines  # a date that ends a sentence of the body
    for formula in _GLUED_FORMULA:
        if head.endswith(formula) and len(head) > len(formula):
            tail.insert(0, formula)
            head = head[: -len(formula)].rstrip()
            break
    return [*lines[:-1], *([head] if head else []), *tail]


def _levels(roots: list[_Node]) -> dict[int, int]:
    """Rank → level 1-4, dense over the heading forms this report uses."""
    ranks = sorted({n.head.rank for n in _iter_nodes(roots)})
    return {rank: index + 1 for index, rank in enumerate(ranks)}


def _iter_nodes(nodes: list[_Node]) -> list[_Node]:
    out: list[_Node] = []
    for node in nodes:
        out.append(node)
        out.extend(_iter_nodes(node.children))
    return out


def _last_leaf(nodes: list[_Node]) -> _Node:
    node = nodes[-1]
    while node.children:
        node = node.children[-1]
    return node


# -- closing ----------------------------------------------------------------------------


def _split_closing(
    roots: list[_Node], tail: list[str], cut: int | None = None
) -> tuple[list[str], list[str]]:
    """Split the lines after the last heading, the end matter after the signature cut off
    (`end_matter_start`), into (body of that section, closing).

    The closing is the signature and date, and the summing-up paragraphs that follow
    the last section (存在的问题 / 下一步) when the report has no section of its own
    for them; from `cut` on at the latest (a closing cut from a flat last chapter).
    """
    if cut is not None and 0 <= cut < len(tail):
        return tail[:cut], tail[cut:]
    end = len(tail)
    while end > 0 and (is_signature_line(tail[end - 1]) or _is_formula(tail[end - 1])):
        end -= 1
    start = end
    if roots and not _PLAN_HEADING.search(roots[-1].head.heading):
        for index, line in enumerate(tail[:end]):
            first_sentence = line.split("\u3002", 1)[0]
            if (
                _EPILOGUE.match(line)
                or (
                    _YEAR_OPENING.match(read_years(line)) and _EPILOGUE_WORDS.search(first_sentence)
                )
                or _sums_up(line)
            ):
                start = index
                break
    return tail[:start], tail[start:]


def _place_summing_ups(parts: list[_Node], *, within_paragraphs: bool) -> None:
    """Give each part its summing-up, which the text puts after its last subsection: from
    the first paragraph of the part's last leaf (not its first) that opens one (`_sums_up`)
    on, or, in a flat text, whose paragraphs are guesses, from the first sentence that does.
    (Only the last leaf: a turn of words followed by more subsections was a subsection's.)"""
    for part in parts:
        if not part.children:
            continue
        leaf = _last_leaf(part.children)
        cut = _summing_cut(leaf.paragraphs, within_paragraphs)
        if cut is None:
            continue
        index, offset = cut
        moved = leaf.paragraphs[index:]
        if offset:
            leaf.paragraphs[index] = leaf.paragraphs[index][:offset].rstrip()
            moved[0] = moved[0][offset:].lstrip()
            index += 1
        del leaf.paragraphs[index:]
        part.after_children = moved


def _summing_cut(paragraphs: list[str], within_paragraphs: bool) -> tuple[int, int] | None:
    """(paragraph, offset) where a summing-up opens in a leaf's paragraphs, if one does."""
    for index, paragraph in enumerate(paragraphs):
        if index and _sums_up(paragraph):
            return index, 0
        if not within_paragraphs:
            continue
        for turn in _SUMMING_TURN.finditer(paragraph):
            start = paragraph.rfind("\u3002", 0, turn.start()) + 1
            if (
                start
                and turn.start() - start < _SUMMING_TURN_WITHIN
                and _sums_up(paragraph[start : start + _SUMMING_SENTENCE])
            ):
                return index, start
    return None


def _sums_up(line: str) -> bool:
    """Whether a paragraph opens a part's summing-up (`_SUMMING_TURN`)."""
    sentence = line[:_SUMMING_SENTENCE].split("\u3002", 1)[0]
    turn = _SUMMING_TURN.search(sentence, 0, _SUMMING_TURN_WITHIN + 36)
    return (
        turn is not None
        and turn.start() < _SUMMING_TURN_WITHIN
        and _SUMMING_SHORTFALL.search(sentence) is not None
    )


def _is_formula(line: str) -> bool:
    return line.rstrip("\u3002.") in {"特此报告", "专此报告", "以上报告", "特此报告如上"}


# -- freezing ---------------------------------------------------------------------------


def _node_texts(nodes: list[_Node]) -> Iterator[str]:
    """The text of these nodes in document order, as `Section.full_text` runs it."""
    for node in nodes:
        yield node.head.raw_heading
        yield from node.paragraphs
        yield from _node_texts(node.children)
        yield from node.after_children


def _freeze(
    nodes: list[_Node], report_id: str, levels: dict[int, int], prefix: str = ""
) -> tuple[Section, ...]:
    sections = []
    for index, node in enumerate(nodes, start=1):
        section_id = f"{report_id}/{prefix}{index}"
        head = node.head
        paragraphs = (*node.paragraphs, *node.after_children)
        sections.append(
            Section(
                id=section_id,
                level=min(levels.get(head.rank, 1), 4),
                number=head.number,
                ordinal=head.ordinal,
                marker=head.marker,
                heading=head.heading,
                raw_heading=head.raw_heading,
                inline=bool(head.rest),
                paragraphs=paragraphs,
                items=find_items(paragraphs, section_id),
                children=_freeze(node.children, report_id, levels, f"{prefix}{index}."),
                after_children=len(node.after_children),
            )
        )
    return tuple(sections)


def _single_section(report_id: str, meta: Metadata, paragraphs: list[str]) -> Section:
    section_id = f"{report_id}/1"
    return Section(
        id=section_id,
        level=1,
        number="",
        ordinal=0,
        marker="",
        heading=meta.display_title,
        raw_heading="",
        inline=False,
        paragraphs=tuple(paragraphs),
        items=find_items(tuple(paragraphs), section_id),
    )


def find_items(paragraphs: tuple[str, ...], section_id: str) -> tuple[Item, ...]:
    """The 一是… 二是… run of a section's paragraphs, as items (at least two of them)."""
    found: list[tuple[int, int, int, str, str]] = []  # paragraph, start, ordinal, number, marker
    expected = 1
    for p_index, paragraph in enumerate(paragraphs):
        if _ITEM_CORE.search(paragraph) is None:
            continue
        for match in _ITEM_MARKER.finditer(paragraph):
            ordinal = chinese_to_int(match.group(1))
            if ordinal == expected:
                marker_start = match.start(1)
                found.append(
                    (p_index, marker_start, expected, match.group(1), match.group(1) + "是")
                )
                expected += 1
            elif ordinal == 1 and expected > 1 and len(found) < 2:
                # a false start (a lone 一是): begin the run again here
                found = [(p_index, match.start(1), 1, match.group(1), match.group(1) + "是")]
                expected = 2
    if len(found) < 2:
        return ()
    items = []
    for index, (p_index, start, ordinal, number, marker) in enumerate(found):
        paragraph = paragraphs[p_index]
        following = found[index + 1] if index + 1 < len(found) else None
        end = following[1] if following and following[0] == p_index else len(paragraph)
        text = paragraph[start:end].rstrip()
        items.append(
            Item(
                id=f"{section_id}#{ordinal}",
                number=number,
                ordinal=ordinal,
                marker=marker,
                heading=_first_sentence(text[len(marker) :]),
                text=text,
                paragraph=p_index,
                start=start,
                end=start + len(text),
            )
        )
    return tuple(items)


def _first_sentence(text: str, limit: int = 60) -> str:
    for index, ch in enumerate(text):
        if ch in _SENTENCE_END + ";\uff1b":
            if index <= limit:
                return text[:index].rstrip(_TRAILING)
            break
    for index, ch in enumerate(text[: limit + 1]):
        if ch in ",\uff0c:\uff1a" and index >= 4:
            return text[:index]
    return text[:limit].rstrip(_TRAILING) + ("…" if len(text) > limit else "")

"""Lines a page's width broke, joined again: a PDF's text layer, or a text file saved from
one (pdftotext) or wrapped at a fixed width.

A line that fills the width and does not end a sentence goes on in the next line, unless
that one starts a numbered heading or a paragraph (indented, or after a blank line), or the
line is a heading the text writes on a line of its own that happens to fill it.
Chinese layout breaks a line anywhere, even inside a number (达10|0%), so nothing is put
back between the pieces.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from govread.parsers.numerals import ascii_digits, chinese_to_int

_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|"
    r"[0-9０-９]{1,2}\s*[.．、](?!(?!(?:[1１][9９]|[2２][0０])[0-9０-９]{2}\s?年)[0-9０-９])|"  # (1.2023年, not 2.5)
    r"[(（]\s*[0-9０-９]{1,2}\s*[)）]|[⑴-⒇]|"
    r"第[一二三四五六七八九十]{1,3}[章节部分条])"
)
_SENTENCE_END = "。！？!?；;：:…"
_CLOSERS = "”’」』）)》】\"'"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HEADING_END = "。！？!?；;"
_HEADING_END_RE = re.compile(f"[{re.escape(_HEADING_END)}]")
# A space a PDF's text layer (or pdftotext) puts where its font changes: between Chinese (an
# ideograph or a mark: full-width, CJK, curly quotes) and a digit or a Latin mark, or beside
# a Chinese mark (关于 2031 年, 领导 , 统筹, 实施 “ 八五 ”). Chinese is written without it; a
# space between two ideographs, two numbers or Latin words stays. One space, one character
# either side, no repeat.
_MARKS = "\u2018\u2019\u201c\u201d\u3000-\u303f\uff01-\uff5e"
_FONT_RUN_SPACE = re.compile(
    f"(?<=[\u2e80-\u2fdf\u4e00-\u9fff{_MARKS}])[ \u00a0](?=[0-9,.;:%(){_MARKS}])"
    f"|(?<=[0-9,.;:%(){_MARKS}])[ \u00a0](?=[\u2e80-\u2fdf\u4e00-\u9fff{_MARKS}])"
)
_MAX_HEADING = 48
# The most of a paragraph's start `_HEADING_START` is matched on (its number is a few
# characters; the rest is room for the spaces it allows)
_HEADING_REACH = 200
# A heading number's shape (`_heading_kind`): its numerals as one digit of their script.
_NUMERAL_SHAPE = re.compile(r"[0-9\uff10-\uff19]{1,4}")
_CN_NUMERAL_SHAPE = re.compile(r"[一二三四五六七八九十]{1,3}")
# A text file of `_MIN_LINES` lines or more is taken for one wrapped at a fixed width when
# at least this share of its lines fill the width without ending a sentence (and at least
# `_MIN_WRAPPED` do), or this share of its long lines (`_wrapped_lines`) in paragraphs that end
# one (and at least `_MIN_CONFIRMED`), its width no wider than a page or a terminal is
# and no narrower than a column of print (in half-em cells: 20 to 100 Chinese characters).
_WRAPPED_SHARE = 0.3
_MIN_WRAPPED = 4
_MIN_CONFIRMED = 2
_MIN_LINES = 5
_MIN_WRAP_WIDTH = 40
_MAX_WRAP_WIDTH = 200
# A text wrapped at a number of characters (a scraper's, a copy-paste's): every full line
# exactly that many characters, whatever their widths (digits and Latin letters are half as
# wide as Chinese), from a column of print to a page (20 to 100 characters).
_MIN_WRAP_CHARACTERS = 20
_MAX_WRAP_CHARACTERS = 100


# A page number, the whole of a line, wherever it stands: a number between dashes (- 5 -,
# —1—, －2－), 第2页 (共5页, in either order), 2/5, Page 2 of 5. Never report text: a bare
# number (a table's cell, a heading's number on its own line) is one only at a page's edge
# (`_EDGE_PAGE_NUMBER`). Every repeat bounded.
_DASH = "\\-\u2010-\u2015\u2212\u2500\u2501\uff0d\u30fc_~\uff5e\u00b7\u2022"
_NUMBER = "[0-9\uff10-\uff19]{1,4}"
_CN_NUMBER = "[0-9\uff10-\uff19\u3007\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e]{1,5}"
_GAP = "[\\s,\uff0c\u3001/\uff0f]{0,3}"
_PAGE_NUMBER = re.compile(
    rf"[{_DASH}]{{1,4}}\s{{0,3}}([0-9\uff10-\uff19]{{1,3}})\s{{0,3}}[{_DASH}]{{1,4}}"
    rf"|第\s{{0,3}}({_CN_NUMBER})\s{{0,3}}页(?:{_GAP}共\s{{0,3}}({_NUMBER})\s{{0,3}}页)?"
    rf"|共\s{{0,3}}({_NUMBER})\s{{0,3}}页{_GAP}第\s{{0,3}}({_NUMBER})\s{{0,3}}页"
    rf"|({_NUMBER})\s{{0,3}}[/\uff0f]\s{{0,3}}({_NUMBER})"
    rf"|[Pp]age\s{{0,3}}({_NUMBER})(?:\s{{1,3}}of\s{{1,3}}({_NUMBER}))?",
)
# (number, of) group pairs of `_PAGE_NUMBER`'s forms: the page is never past the count.
_PAGE_OF = ((2, 3), (5, 4), (6, 7), (8, 9))
# At a page's edge, a bare number is its page number too (3, - 3 -, 第3页, 3/12).
_EDGE_PAGE_NUMBER = re.compile(
    r"[-—–_·\s]{0,6}(?:第\s{0,3})?[0-9]{1,4}(?:\s{0,3}页)?"
    r"(?:\s{0,3}[/／]\s{0,3}[0-9]{1,4}|\s{0,3}共\s{0,3}[0-9]{1,4}\s{0,3}页)?[-—–_·\s]{0,6}"
)
# A page's first and last lines, where its running header and footer stand.
_EDGE = 2


def is_page_number(line: str) -> bool:
    """Whether a line is a page number and nothing else (`_PAGE_NUMBER`), wherever it
    stands: - 5 -, —1—, 第 2 页 共 5 页, 2/5; not a page past the count (5/2, a fraction)."""
    line = line.strip()
    if len(line) > 24 or (match := _PAGE_NUMBER.fullmatch(line)) is None:
        return False
    return not any(
        match.group(page)
        and match.group(count)
        and _number(match.group(page)) > _number(match.group(count))
        for page, count in _PAGE_OF
    )


def _number(text: str) -> int:
    digits = ascii_digits(text)
    return int(digits) if digits.isdigit() else chinese_to_int(text) or 0


def _page_shape(line: str) -> str:
    """A line with its numbers blanked, so 第3页 and 第4页 are the same running footer."""
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", line))


def page_furniture(pages: list[list[str]], *, paged: bool = True) -> list[set[int]]:
    """Per page, the indices of its furniture lines: its running header or footer (a line
    repeated, numbers aside, at the top or bottom of most pages), a bare page number at its
    edge, and a page number anywhere (`is_page_number`). Blank lines are no page's edge.
    Not `paged` (a text whose pages are not told), the one "page" has no edges: its first
    and last lines are the report's title and signature."""
    filled = [[index for index, line in enumerate(lines) if line.strip()] for lines in pages]
    edges = [set(kept[:_EDGE] + kept[-_EDGE:]) if paged else set() for kept in filled]
    edge_counts: Counter[str] = Counter()
    for lines, at_edge in zip(pages, edges, strict=True):
        edge_counts.update({_page_shape(lines[index]) for index in at_edge})
    quorum = max(3, (len(pages) * 3 + 4) // 5)  # on most pages (60 %), and at least three
    # (words, not a bare number's shape: a date 20231229 at the last page's foot is no footer)
    running = {
        shape
        for shape, count in edge_counts.items()
        if count >= quorum and any(ch.isalpha() for ch in shape)
    }
    furniture: list[set[int]] = []
    for lines, kept, at_edge in zip(pages, filled, edges, strict=True):
        furniture.append(
            {
                index
                for index in kept
                if is_page_number(lines[index])
                or (
                    index in at_edge
                    and (
                        _EDGE_PAGE_NUMBER.fullmatch(lines[index].strip())
                        or _page_shape(lines[index]) in running
                    )
                )
            }
        )
    return furniture


def drop_page_furniture(pages: list[list[str]]) -> list[str]:
    """All pages' lines, without running headers/footers and page numbers (blank lines
    dropped)."""
    pages = [[line.rstrip() for line in lines if line.strip()] for lines in pages]
    return [
        line
        for lines, furniture in zip(pages, page_furniture(pages), strict=True)
        for index, line in enumerate(lines)
        if index not in furniture
    ]


def without_page_furniture(text: str) -> str:
    """A text file's text without its page furniture, as a PDF's (`page_furniture`): pages
    are told by form feeds (pdftotext's), else the whole text is one page, whose page
    numbers are the lines `is_page_number` knows. The blank lines around furniture or a
    page break go with it: a page's end is no paragraph's, and a line the page broke goes
    on in the next page's first line."""
    pages = [page.split("\n") for page in text.split("\f")]
    furniture_of = page_furniture(pages, paged=len(pages) > 1)
    if len(pages) == 1 and not furniture_of[0]:
        return text
    lines: list[str] = []
    gap = False  # after furniture or a page break: the blank lines that follow go too
    for page, furniture in zip(pages, furniture_of, strict=True):
        for index, line in enumerate(page):
            if index in furniture:
                while lines and not lines[-1].strip():
                    lines.pop()
                gap = True
            elif line.strip():
                lines.append(line)
                gap = False
            elif not gap:
                lines.append(line)
        while lines and not lines[-1].strip():
            lines.pop()
        gap = True
    return "\n".join(lines)


# Blocks whose every character is full-width (East Asian width W, F or A): Hangul Jamo,
# — ‘ ’ “ ” …, CJK radicals to symbols, kana to compatibility, ideographs, Yi, Hangul,
# compatibility ideographs, vertical and full-width forms (a test checks each against
# unicodedata). Counted by one regex: a character at a time in Python was most of the
# time a wrapped text's lines took to join.
_WIDE_BLOCKS = (
    "\u1100-\u115f\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u303e\u3041-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6"
)
_NOT_WIDE = re.compile(f"[^{_WIDE_BLOCKS}]+")


def cell_width(line: str) -> int:
    """Width in half-em units (cells); in Chinese type “ ” … — are full-width too (ambiguous: A)."""
    if line.isascii():
        return len(line)
    width = 2 * len(line)  # every character wide, less the runs of those that are not
    for run in _NOT_WIDE.findall(line):
        if run.isascii():
            width -= len(run)
        else:  # (Latin letters with accents, Greek, Cyrillic, symbols: asked one by one)
            width -= sum(unicodedata.east_asian_width(ch) not in "WFA" for ch in run)
    return width


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def join_layout_lines(
    lines: list[str],
    starts: Collection[int] = (),
    *,
    fills: Sequence[bool | None] = (),
    continues: Collection[int] = (),
    by_characters: bool = False,
) -> list[str]:
    """Join the lines a page's width broke: a full-width line goes on in the next line
    unless that one starts a numbered heading, or a paragraph. Where paragraphs are
    indented (　　), a line that is not indented continues the one before; where they
    are not, a line that ends a sentence is taken to end its paragraph. A line whose
    index is in `starts` (one after a blank line) always starts a paragraph. `fills` says,
    line by line, whether a line reaches the right edge of its column where the page tells
    it (a PDF's places, where narrow quotes or digits or a column make its width in
    characters mislead); a line it does not cover (None, or past its end) is judged by its
    width. A line in `continues` (the page's spacing puts it in the paragraph above) goes on
    after a line that fills its width even past a sentence's end or before a heading's
    number, unless both (a sentence ended, then a heading).
    `by_characters`: the lines were wrapped at a number of characters (a full line is one
    of exactly that many), not at a width."""
    if not lines:
        return []
    chinese = mostly_chinese(lines)
    indented = [line[:1].isspace() for line in lines]
    spaced = [drop_font_run_spaces(line) for line in lines] if chinese else lines
    if by_characters:
        width = list(map(len, lines))
        full: float = _wrap_length(width)
    else:
        width = [cell_width(line) for line in lines]  # the indent counts: it takes the room
        # The page's width from the lines without a font run's spaces (where a converter put
        # them, the widest lines are those with most runs, not those that fill the page).
        _, full = _page_width(width if spaced is lines else list(map(cell_width, spaced)))
    lines = [line.strip() for line in spaced]
    by_indent = 2 <= sum(indented) < len(lines)

    def fills_line(index: int) -> bool:
        known = fills[index] if index < len(fills) else None
        return width[index] >= full if known is None else known

    own_line: set[int] = set() if by_indent else _own_line_headings(lines, fills_line, starts)
    joined: list[str] = []
    current = _Paragraph(lines[0])
    began = 0  # the line `current` began with
    for index in range(1, len(lines)):
        previous, line = lines[index - 1], lines[index]
        ends = index in starts or (indented[index] if by_indent else _ends_sentence(previous))
        if not by_indent and current.heading_too_long(line):
            ends = True  # an own-line heading that filled its line, then its body
        filled = fills_line(index - 1)
        if (
            not ends
            and filled
            and began in own_line
            and not current.has_end  # no sentence ended yet
            and not current.heading_goes_on(lines, index, fills_line, starts)
        ):
            ends = True  # a heading on a line of its own that filled it exactly, then its body
        heading = bool(_HEADING_START.match(line))
        overruled = heading and _ends_sentence(previous)  # a sentence ended, then a heading
        if index in continues and index not in starts and filled and not overruled:
            ends = heading = False
        if not ends and filled and not heading:
            # Chinese layout breaks lines anywhere, even inside a number or a word.
            current.add("" if chinese or cjk_boundary(previous, line) else " ")
            current.add(line)
        else:
            joined.append(current.text())
            current = _Paragraph(line)
            began = index
    joined.append(current.text())
    # (no font run's space is left to drop: the lines were stripped, and joined with nothing)
    return joined


class _Paragraph:
    """A paragraph being joined from its lines, in pieces (joining a page's lines one by one
    onto one string copied it each time: a paragraph of 80,000 lines took 15 s), with what
    the join asks of it kept as it grows: whether it opens with a heading's number, and
    whether a sentence (or a heading) has ended in it."""

    __slots__ = ("_pieces", "_prefix", "has_end", "length", "opens_heading")

    def __init__(self, line: str) -> None:
        self._pieces = [line]
        self.length = len(line)
        self._prefix = line[:_HEADING_REACH]
        self.opens_heading = bool(_HEADING_START.match(self._prefix))
        self.has_end = _HEADING_END_RE.search(line) is not None

    def add(self, piece: str) -> None:
        self._pieces.append(piece)
        self.length += len(piece)
        self.has_end = self.has_end or _HEADING_END_RE.search(piece) is not None
        if len(self._prefix) < _HEADING_REACH:  # a number its first line broke (一 | 、…)
            self._prefix = (self._prefix + piece)[:_HEADING_REACH]
            self.opens_heading = bool(_HEADING_START.match(self._prefix))

    def text(self) -> str:
        if len(self._pieces) > 1:
            self._pieces = ["".join(self._pieces)]
        return self._pieces[0]

    def heading_too_long(self, line: str) -> bool:
        """`_heading_too_long(self.text(), line)`, in the time of `line`."""
        if not self.opens_heading or self.has_end:
            return False
        return self.length + _first_heading_end(line) > _MAX_HEADING

    def heading_goes_on(
        self,
        lines: Sequence[str],
        index: int,
        fills_line: Callable[[int], bool],
        starts: Collection[int],
    ) -> bool:
        """`_heading_goes_on(self.text(), …)`: a paragraph already past a heading's length
        goes on as no heading alone (`_alone`), so only a short one is joined to look."""
        if self.length > _MAX_HEADING:
            return False
        return _heading_goes_on(self.text(), lines, index, fills_line, starts)


def _heading_kind(line: str) -> str | None:
    """The shape of the heading number `line` opens with (一、 （一） 1. (1) …, numerals as
    〇 and 0), or None."""
    match = _HEADING_START.match(line)
    if not match:
        return None
    number = "".join(match.group().split())
    return _NUMERAL_SHAPE.sub("0", _CN_NUMERAL_SHAPE.sub("〇", number))


def _first_heading_end(text: str) -> int:
    return next((i for i, ch in enumerate(text) if ch in _HEADING_END), len(text))


def _paragraph_from(
    text: str,
    lines: Sequence[str],
    index: int,
    fills_line: Callable[[int], bool],
    starts: Collection[int],
) -> str:
    """`text` and the lines from `index` on that its paragraph holds (up to the first short
    of the width, a blank line or a heading), cut once past a heading's length."""
    for at in range(index, len(lines)):
        text += lines[at]
        if (
            len(text) > _MAX_HEADING
            or at + 1 >= len(lines)
            or not fills_line(at)
            or at + 1 in starts
            or _HEADING_START.match(lines[at + 1])
        ):
            break
    return text


def _alone(paragraph: str) -> bool:
    """A heading's paragraph that is the heading alone: a heading's length, no sentence
    ended before its end."""
    return (
        len(paragraph) <= _MAX_HEADING
        and _first_heading_end(paragraph) >= len(paragraph.rstrip(_CLOSERS)) - 1
    )


def _own_line_headings(
    lines: Sequence[str], fills_line: Callable[[int], bool], starts: Collection[int]
) -> set[int]:
    """The lines that start a heading of a run this text writes on lines of their own. A
    run: the headings of one kind between two of a kind above it (one that first appears
    earlier), as （一）…（六） under 二、; a report may write one chapter's headings alone
    and another's run in. A run is written alone where at least two of its headings are a
    paragraph alone (however many lines it takes) and none runs on into a sentence on its
    own line (a run-in heading: 加强领导。2023年…)."""
    first_seen: dict[str, int] = {}
    runs: dict[tuple[str, int], list[int]] = {}
    run_of: dict[str, int] = {}
    for index, line in enumerate(lines):
        kind = _heading_kind(line)
        if kind is None:
            continue
        rank = first_seen.setdefault(kind, len(first_seen))
        for other, other_rank in first_seen.items():
            if other_rank > rank:
                run_of[other] = run_of.get(other, 0) + 1  # the runs below it start anew
        runs.setdefault((kind, run_of.get(kind, 0)), []).append(index)
    alone: set[int] = set()
    for indices in runs.values():
        own = 0
        for index in indices:
            line = lines[index]
            if _first_heading_end(line) < len(line.rstrip(_CLOSERS)) - 1:
                break  # its first sentence ends inside its line, and the text goes on
            own += _alone(_paragraph_from("", lines, index, fills_line, starts))
        else:
            if own >= 2:
                alone.update(indices)
    return alone


def _heading_goes_on(
    heading: str,
    lines: Sequence[str],
    index: int,
    fills_line: Callable[[int], bool],
    starts: Collection[int],
) -> bool:
    """Whether the lines from `index` on are the rest of an open `heading` that filled its
    line, in a text that writes this kind of heading on lines of its own: a wrapped heading's
    paragraph is the heading alone; one that filled its line exactly is followed by its
    body, a paragraph of its own."""
    return _alone(_paragraph_from(heading, lines, index, fills_line, starts))


def _page_width(widths: list[int]) -> tuple[int, float]:
    """The width of a page's (or a wrap's) lines and the least width of a line that fills
    it: wrapped lines are the widest, and justified, ending within a character of the edge."""
    widest = sorted(widths)[round(0.95 * (len(widths) - 1))]
    return widest, widest - max(3, 0.06 * widest)


def _wrap_length(lengths: list[int]) -> int:
    """The number of characters a text was wrapped at: its full lines' (the longest but
    for a few outliers)."""
    return sorted(lengths)[round(0.95 * (len(lengths) - 1))]


def drop_font_run_spaces(line: str) -> str:
    """A line of Chinese without the spaces a PDF's font runs left beside its digits and
    Latin marks (关于 2031 年 → 关于2031年); spaces between Latin words and between numbers
    stay."""
    return _FONT_RUN_SPACE.sub("", line)


def _heading_too_long(current: str, line: str) -> bool:
    """Would joining `line` to an open heading (no sentence end yet) make a heading longer
    than the genre writes (40 characters to its first 。)?"""
    if not _HEADING_START.match(current) or any(ch in _HEADING_END for ch in current):
        return False
    joined = current + line
    end = next((i for i, ch in enumerate(joined) if ch in _HEADING_END), len(joined))
    return end > _MAX_HEADING


def mostly_chinese(lines: Sequence[str]) -> bool:
    """Text at least 30% Chinese characters: laid out in Chinese, so a line may break
    anywhere (inside a Latin word or a number too) and is joined to the next with nothing."""
    text = "".join(lines)
    return len(text) - len(_CJK.sub("", text)) >= 0.3 * len(text)


def cjk_boundary(left: str, right: str) -> bool:
    """No space is put back next to Chinese text, nor inside a number (Chinese layout
    breaks a line anywhere, 1|00%); only between two Latin words."""
    last, first = left[-1:], right[:1]
    return cell_width(last) == 2 or cell_width(first) == 2 or last.isdigit() or first.isdigit()


def unwrapped_text(text: str) -> str | None:
    """A text file's paragraphs joined again when it was wrapped at a fixed width (saved
    by pdftotext, or by an editor that breaks lines) or at a fixed number of characters (a
    scraper's or a copy-paste's), else None (a text of one paragraph a line, or of one
    line: left as it is)."""
    raw = text.split("\n")
    lines: list[str] = []
    starts: set[int] = set()
    blank = False
    for line in raw:
        if not line.strip():
            blank = True
            continue
        if blank and lines:
            starts.add(len(lines))
        blank = False
        lines.append(line.rstrip())
    # Wrapped at a width (cells) or at a number of characters: the measure by which more
    # lines fill the wrap is the one it was made by (a line of digits is narrower than one
    # of Chinese of as many characters; a line of Chinese as wide as one holding digits is
    # shorter). A tie is a text of Chinese alone, the same by either.
    by_cells = _wrapped_lines(lines, starts)
    by_characters = _wrapped_lines(lines, starts, by_characters=True)
    by_count = by_characters[0] > by_cells[0]
    wrapped, in_paragraphs, long = by_characters if by_count else by_cells
    # Most of the lines fill the width; or, in a short excerpt of many short lines (headings,
    # dates), most of its long lines do, in paragraphs that end a sentence (not a list of
    # headings that happen to be as long as the longest)
    if wrapped < max(_MIN_WRAPPED, _WRAPPED_SHARE * len(lines)) and in_paragraphs < max(
        _MIN_CONFIRMED, _WRAPPED_SHARE * long
    ):
        return None
    joined = join_layout_lines(lines, starts, by_characters=by_count)
    return "\n".join(joined)


def _wrapped_lines(
    lines: list[str], starts: Collection[int], *, by_characters: bool = False
) -> tuple[int, int, int]:
    """How many lines fill one width, no wider than a page, without ending a sentence (a
    wrapped text has most of its lines so, a text of one paragraph a line a few at most: its
    longest paragraphs, of all lengths), how many of those are in a paragraph that ends
    one, and how many lines are at least half the width (the long lines: a wrapped text's
    full lines and most of its paragraphs' last lines, not its headings, dates and other
    short lines; a short excerpt of many of those is wrapped too when its few long lines
    fill the width). `by_characters`: the lines that fill it are of exactly one number of
    characters (their widths differ with the digits and Latin letters they hold), and none
    is longer."""
    if len(lines) < _MIN_LINES:
        return 0, 0, 0
    # A line is at least as wide as it is long: most texts are settled by their lengths.
    lengths = sorted(map(len, lines))
    if lengths[round(0.95 * (len(lengths) - 1))] > _MAX_WRAP_WIDTH:
        return 0, 0, 0
    full: float
    if by_characters:
        width = list(map(len, lines))
        widest = full = _wrap_length(width)
        if not _MIN_WRAP_CHARACTERS <= widest <= _MAX_WRAP_CHARACTERS or lengths[-1] > widest:
            return 0, 0, 0
    else:
        width = [cell_width(line) for line in lines]
        widest, full = _page_width(width)
        if not _MIN_WRAP_WIDTH <= widest <= _MAX_WRAP_WIDTH:
            return 0, 0, 0
    # (a line before a heading or a blank line is no evidence: it is never joined)
    goes_on = [
        width[index] >= full
        and index + 1 not in starts
        and not _HEADING_START.match(lines[index + 1])
        for index in range(len(lines) - 1)
    ]
    # The line each line's paragraph would end with, were the text wrapped: a wrapped
    # paragraph ends a sentence there; lines of headings or names (a list of contents) that
    # happen to be as long as the longest do not.
    last = list(range(len(lines)))
    for index in range(len(lines) - 2, -1, -1):
        if goes_on[index]:
            last[index] = last[index + 1]
    wrapped = [
        index
        for index in range(len(lines) - 1)
        if goes_on[index] and not _ends_sentence(lines[index].strip())
    ]
    confirmed = sum(1 for index in wrapped if _ends_sentence(lines[last[index]].strip()))
    return len(wrapped), confirmed, sum(1 for each in width if each >= full / 2)

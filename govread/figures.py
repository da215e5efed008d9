"""Figures in report text: numbers with units, their subject, and figures matched across reports.

"出庭应诉率达100%" gives 出庭应诉率 = 100 %; "审查行政规范性文件67件" gives 审查行政规范性文件 =
67 件; "调解成功9833件,成功率98.9%" gives 调解成功 = 9833 件 and 调解成功率 = 98.9 % (a bare
rate borrows the subject before it). 万/亿 are multiplied out, 余/多/近/超/约/以上 mark the
value approximate, and the text as written is kept. Only Arabic numerals count: Chinese
numerals in this genre are slogans and names (三项制度, 十四五, 八五普法, 第三批), not counts.
Years, dates, ordinals, document numbers (〔2023〕5号), hotline numbers (12345), numbers in
《titles》 and ranges (2021-2025) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from govread.parsers.model import Report, Section

# Measure words, longest first so 个百分点 wins over 个 and 人次 over 人. A few take a
# look-ahead so the first character of a following word is not read as a unit (部门, 人民).
_UNITS = (
    "个百分点",
    "个工作日",
    "微克/立方米",
    "μg/m3",
    "平方公里",
    "平方米",
    "人次",
    "家次",
    "场次",
    "户次",
    "件次",
    "元",
    "户",
    "%",
    "\uff05",
    "‰",
    "件",
    "项",
    "人(?![民员大])",
    "个",
    "家(?!庭)",
    "次(?!年)",
    "宗",
    "条(?!例)",
    "部(?![门署分])",
    "名(?![单称])",
    "起(?![草来])",
    "场(?![所景地])",
    "期(?!间)",
    "卷",
    "份",
    "支(?!持)",
    "所(?![有以])",
    "处(?![罚理置])",
    "篇",
    "类",
    "批",
    "天",
    "小时",
    "公里",
    "亩",
    "吨",
    "万?千瓦",
)
_MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "万": 10**4, "亿": 10**8}
_FIGURE = re.compile(
    r"(?P<pre>约|近|超过|超|逾|将近|接近|不到|不足)?"
    r"(?<![\d.A-Za-z第〔\[])(?P<num>\d+(?:\.\d+)?)(?![\d.])"
    r"(?P<approx1>余|多)?"
    r"(?P<mag>万亿|千万|百万|万|亿)?"
    r"(?P<approx2>余|多)?"
    r"(?P<unit>" + "|".join(_UNITS) + r")?"
    r"(?P<post>以上|左右|多)?"
)
_RANGE_BEFORE = re.compile(r"\d\s*[-—–~\uff5e至到]\s*$")
_RANGE_AFTER = re.compile(r"^\s*[-—–~\uff5e至到]\s*\d")
_PUNCT = r",\uff0c。;\uff1b:\uff1a!\uff01?\uff1f()\uff08\uff09《》〈〉【】\[\]\n\t \u3000"
_BOUNDARY = re.compile(f"[{_PUNCT}]")
_NOUN_END = re.compile(f'[{_PUNCT}\u201c\u201d"、]')
_CLAUSE_END = re.compile(r"[,\uff0c。;\uff1b、\s]|$")
_QUOTES = re.compile(r"[“”\"‘’']")
_TITLE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]")
_LEAD = re.compile(
    r"^(?:[、/]|年度|年|其中|此外|同时|并且|并(?!购)|且|和(?!解)|与|以及|及(?!时)|另|还|又|已|均|分别|共计|总计|合计|累计|共(?![享同])|"
    r"全年|今年以来|今年|当年|年内|全市|全县|全区|全省|市本级|先后|等(?!级)|为(?!民))+"
)
_TRAIL = re.compile(
    r"(?:[、/和与]|(?<![惠涉普以危])及|全市|全县|全区|全省|分别为|分别达|分别|均为|均达|突破|"
    r"已达|达到|达|为|共计|总计|累计|共|计|约|近|超过|超|逾|"
    r"(?:下降|降低|降|提升|提高|上升|增加|增长|增|压减|压缩|减少|减)至|至|到|有|是|了|的|等)+$"
)
# The words dropped from a subject before comparing it with another report's subject.
_KEY_NOISE = re.compile(
    r"达到|达|为|共计|总计|累计|共|全年|全市|全县|全区|全省|市本级|市级|县级|今年以来|各级|"
    r"\d{4}年度?|年度|均|已|的|\s"
)
_MAX_SUBJECT = 24
_PREPOSITIONS = ("对", "向", "给", "将", "把", "为", "对全市")
_ACTION = re.compile(f"(?:进行了?|予以|作出了?)([^{_PUNCT}、\\d]{{1,8}})")
_LAST_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d.])")


@dataclass(frozen=True, slots=True)
class Figure:
    """One number with its unit and subject, where it stands in the report."""

    label: str  # the subject: "出庭应诉率", "审查行政规范性文件"
    value: float  # normalised: 万/亿 multiplied out; percentages stay 0-100
    unit: str  # the base unit: "件", "元", "%", "" for a bare 万/亿 count
    approximate: bool  # 余/多/近/超/约/以上/左右
    text: str  # the figure as written: "3300余万元"
    node_id: str  # section or item id; "<sha12>/preamble" or "<sha12>/closing"
    paragraph: int  # index into the section's paragraphs (or preamble / closing); -1: heading
    start: int  # offsets of `text` in that paragraph
    end: int

    @property
    def key(self) -> str:
        """The subject reduced for matching across reports (达/为/共/累计/全市 … dropped)."""
        return subject_key(self.label)


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Figures of two reports with the same (or nearly the same) subject and unit."""

    label: str
    a: Figure
    b: Figure
    exact: bool  # the subjects reduce to the same key

    @property
    def unit(self) -> str:
        return self.a.unit

    @property
    def values(self) -> tuple[float, float]:
        """The normalised numbers of A and B (万/亿 multiplied out)."""
        return self.a.value, self.b.value

    @property
    def as_written(self) -> tuple[str, str]:
        return self.a.text, self.b.text


def subject_key(label: str) -> str:
    return _KEY_NOISE.sub("", label)


def _clean(subject: str) -> str:
    previous = None
    while previous != subject:
        previous = subject
        subject = _TRAIL.sub("", _LEAD.sub("", _QUOTES.sub("", subject).strip()))
    return subject[-_MAX_SUBJECT:]


def _subject(text: str, start: int, end: int) -> str:
    """The clause before a number, cut after any earlier number (指数3.93PM2.5平均浓度)."""
    before = text[start:end]
    numbers = list(_LAST_NUMBER.finditer(before))
    if not numbers:
        return _clean(before)
    return _clean(before[numbers[-1].end() :]) or _clean(before[: numbers[-1].start()])


def _noun_after(text: str, end: int) -> tuple[str, int]:
    """The noun phrase right after a measure word (惠及3191家 **企业**) and where it ends."""
    tail = text[end : end + _MAX_SUBJECT]
    match = _NOUN_END.search(tail)
    phrase = tail[: match.start()] if match else tail
    cut = re.search(r"进行|开展|实现|参加|参与|接受|获|被|入选|评为|达|的|\d", phrase)
    phrase = phrase[: cut.start()] if cut else phrase
    return _LEAD.sub("", phrase), end + len(phrase)


def _is_bare(subject: str) -> bool:
    """A rate or change with no subject of its own: 成功率, 同比增长, 较去年同期下降."""
    return (len(subject) <= 3 and subject.endswith("率")) or bool(
        re.match(r"^(同比|环比|较|比|占比|其中)", subject)
    )


def _borrow(previous: str, bare: str) -> str:
    """调解成功 + 成功率 → 调解成功率: overlap the end of one with the start of the other."""
    for size in range(min(len(previous), len(bare)), 0, -1):
        if previous.endswith(bare[:size]):
            return (previous + bare[size:])[-_MAX_SUBJECT:]
    return (previous + bare)[-_MAX_SUBJECT:]


def _excluded(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TITLE.finditer(text)]


def extract(text: str, node_id: str = "", paragraph: int = 0) -> list[Figure]:
    """Every figure in one paragraph of text, in order."""
    figures: list[Figure] = []
    excluded = _excluded(text)
    clause_start = 0
    last_end = 0  # subjects never reach back over the previous figure
    topic = ""  # the last full subject in this sentence, lent to a bare 成功率
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        num_start = match.start("num")
        for boundary in _BOUNDARY.finditer(text, last_end, num_start):
            clause_start = boundary.end()
            if boundary.group() in "。;\uff1b!\uff01?\uff1f\n":
                topic = ""  # borrowing stays within a sentence
        if match.group("mag") is None and match.group("unit") is None:
            continue
        if any(a <= num_start < b for a, b in excluded):
            continue
        if _RANGE_BEFORE.search(text[max(0, num_start - 3) : num_start]):
            continue
        if _RANGE_AFTER.match(text[match.end("num") : match.end("num") + 3]):
            continue
        if re.match(r"年|月|日|号|时|届|位", text[end : end + 1]) and match.group("unit") is None:
            continue
        if match.group("unit") is None and not _CLAUSE_END.match(text[end : end + 1]):
            continue  # a bare 万/亿 must end the clause: 粉丝突破108万,
        subject = _subject(
            text, max(clause_start, last_end), num_start - len(match.group("pre") or "")
        )
        noun, noun_end = _noun_after(text, end) if match.group("unit") else ("", end)
        consumed = end
        if subject.endswith(_PREPOSITIONS):
            # 对312件行政规范性文件进行全面清理: the object and what was done to it
            action = _ACTION.match(text, noun_end)
            subject = _clean(noun + (action.group(1) if action else ""))
            consumed = action.end() if action else noun_end
        elif noun and len(subject) <= 4:
            subject = _clean(subject + noun)  # 惠及3191家企业, 全市2540个人民调解委员会
            consumed = noun_end
        bare = _is_bare(subject)
        if bare and topic:
            subject = _borrow(topic, subject)
        elif not subject and topic:
            subject = topic
        raw_unit = match.group("unit") or ""
        unit = raw_unit
        magnitude = _MAGNITUDES.get(match.group("mag") or "", 1)
        if unit == "\uff05":
            unit = "%"
        value = float(Decimal(match.group("num")) * Decimal(magnitude))
        approximate = any(match.group(g) for g in ("pre", "approx1", "approx2", "post"))
        figures.append(
            Figure(
                label=subject,
                value=value,
                unit=unit,
                approximate=approximate,
                text=match.group(),
                node_id=node_id,
                paragraph=paragraph,
                start=start,
                end=end,
            )
        )
        last_end = consumed
        if subject and not bare:
            topic = subject
    return figures


def _section_figures(section: Section) -> Iterator[Figure]:
    for index, paragraph in enumerate(section.paragraphs):
        items = [item for item in section.items if item.paragraph == index]
        for figure in extract(paragraph, section.id, index):
            owner = next((i.id for i in items if i.start <= figure.start < i.end), section.id)
            yield figure if owner == section.id else _with_node(figure, owner)


def _with_node(figure: Figure, node_id: str) -> Figure:
    return Figure(
        figure.label,
        figure.value,
        figure.unit,
        figure.approximate,
        figure.text,
        node_id,
        figure.paragraph,
        figure.start,
        figure.end,
    )


def section_figures(section: Section) -> list[Figure]:
    """Every figure of a section and its subsections, headings included, in document order.

    A figure in an item has the item's id; one in a heading has paragraph -1 (offsets
    into the heading as written).
    """
    figures: list[Figure] = []
    for each in section.walk():
        figures.extend(extract(each.raw_heading, each.id, -1))
        figures.extend(_section_figures(each))
    return figures


def report_figures(report: Report) -> list[Figure]:
    """Every figure of a report: preamble, sections (item ids where an item holds it), closing."""
    prefix = report.sha256[:12]
    figures: list[Figure] = []
    for index, paragraph in enumerate(report.preamble):
        figures.extend(extract(paragraph, f"{prefix}/preamble", index))
    for section in report.walk():
        figures.extend(_section_figures(section))
    for index, paragraph in enumerate(report.closing):
        figures.extend(extract(paragraph, f"{prefix}/closing", index))
    return figures


def _near(key_a: str, key_b: str) -> bool:
    """One rate is the other with more words in front (出庭应诉率 / 负责人出庭应诉率)."""
    short, long = sorted((key_a, key_b), key=len)
    # Only rates: for counts the words in front change the meaning (成功调解 ≠ 调解,
    # 审查规范性文件 ≠ 公开规范性文件), for a rate they name whose rate it is.
    return long.endswith(short) and len(short) >= 3 and short.endswith("率")


def match_figures(a: Iterable[Figure], b: Iterable[Figure]) -> list[FigurePair]:
    """Figures of A and B with the same unit and the same (or nearly the same) subject.

    Each figure is used once: exact subject matches first, then near ones, in A's order.
    """
    left = [f for f in a if f.label]
    right = [f for f in b if f.label]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, FigurePair]] = []
    for exact in (True, False):
        for i, fa in enumerate(left):
            if i in used_a:
                continue
            for j, fb in enumerate(right):
                if j in used_b or fa.unit != fb.unit:
                    continue
                same = fa.key == fb.key
                if same if exact else _near(fa.key, fb.key):
                    label = min((fa.label, fb.label), key=len)
                    pairs.append((i, FigurePair(label, fa, fb, exact)))
                    used_a.add(i)
                    used_b.add(j)
                    break
    return [pair for _, pair in sorted(pairs, key=lambda p: p[0])]


def figures_in(texts: Sequence[str]) -> list[Figure]:
    """Figures of loose paragraphs (no report): node ids are left empty."""
    return [f for index, text in enumerate(texts) for f in extract(text, "", index)]

"""Two reports side by side: units placed on the genre's themes, aligned by theme and similarity.

A *unit* is a stretch of prose a reader would compare: a section's own text (its paragraphs
minus the 一是/二是 items inside them), each item, and each part of the closing paragraphs
(存在的问题 and 下一步 are split apart there, sentence by sentence). A section that is only a
heading (its text lives in its children or items) is not a unit of its own: its heading
counts as context for the units below it, and a 存在的问题 / 下一步工作 heading hands its
phase down to them. So a flat report with items is compared item by item, and a deep one
section by section, and no text is counted twice.

Each unit gets a theme from the lexicon (govread.topics; an item's is what its own words
speak of, its chapter's heading counting only when they name no theme) and a TF-IDF vector
of jieba tokens, IDF over every unit of the open corpus. For each theme, units of A and B
are paired greedily by cosine similarity (one to one, best first, each pair the first
choice of one of its units); a unit left over (of A or B, the most alike first, so that
swapping A and B swaps the columns) joins the row of its most similar counterpart
when alike (ATTACH_THRESHOLD) on evidence (as alike as a pair, or sharing EVIDENCE_MIN words
specific in the corpus, `_evidence`: not one common word) and a passage of the counterpart
answers it, or the theme's only row when the other side has one unit on the theme and a
passage of it answers the unit, or becomes a gap; an item left a gap joins the row of its
sibling items (the 一是… of its section) when the other side gives the theme one unit
(`_join_siblings`). A gap's theme may be covered by the other side's text as a secondary
subject (a chapter on 化解矛盾 with one sentence on 普法): each
unit of the gap meets the units whose passage of its own length is like it (`_fit`: a short
item is judged against a chapter's sentences, not the whole chapter) in a *secondary* row
that names that passage. A long section meets, besides, the unit of the other report that a
run of its sentences is most like, whatever its theme (`_run_partners`: a flat section on
执法 and then 巡察 meets the other's 督察 section too), or whose heading names a piece of
work the run speaks of (规范性文件).
Plans and problems (下一步, 存在问题, split at 一是/二是) meet only plans or problems on one subject (an
enforcement plan an enforcement plan, `_same_subject`, not two on pieces of one theme's work
held apart, `_plans_apart`: 营商环境 and 生态环境; a plan naming no subject only a general
one, `_is_general`, but one longer than a general sentence, on work the lexicon has no theme
for, any plan on its words, `_unplaced`), two whose own words have one main
subject even when their common words make them little alike (`pair_threshold`); a plan no
plan meets is set against the other report's achievements on its subject (`Pair.nearest`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from govread import segment
from govread.cancelling import check
from govread.clip import clipped
from govread.figures import (
    Figure,
    FigurePair,
    match_figures,
    numbers_blanked,
    report_figures,
)
from govread.lru import LruCache
from govread.node_ids import outside_label
from govread.parsers.model import Report, Section
from govread.plan_phase import (
    NEXT_WORDS,
    PLANS,
    chapters_before_titled_plans,
    heading_phase,
    target_test,
)
from govread.topics import (
    GENERAL_MAX_CHARS,
    OTHER_ID,
    Covered,
    Lexicon,
    Theme,
    cjk_len,
    load_lexicon,
    main_theme,
    mentioned_themes,
    unit_covered,
)

PAIR_THRESHOLD = 0.05  # below this cosine two units of one theme are not paired one to one
# a leftover unit joins its best partner's row above this. Raising it to PAIR_THRESHOLD
# helped the labelled pairs of development (0.805 -> 0.815) but lost true plan pairs on two
# unseen labelled pairs (0.828 -> 0.786, 0.657 -> 0.646), so it stays low
ATTACH_THRESHOLD = 0.02
# A word in this share of the corpus's units or more is the genre's common stock (行政执法,
# 法治政府建设, 出台), not evidence that two units speak of the same thing.
SPECIFIC_SHARE = 0.1
# Specific words two units must share for a leftover to join a row (unless as alike as a
# pair, PAIR_THRESHOLD): one shared word, however rare, is a coincidence as often as not.
EVIDENCE_MIN = 2
NEAREST_THRESHOLD = 0.15  # a gap shows its nearest unit of another theme above this
# a gap meets the other side's text on its theme when one of its passages is this alike
SECONDARY_THRESHOLD = 0.04
TOP_KEYWORDS = 8
_MIN_UNIT_CHARS = 6  # CJK characters a stretch of text needs to be a unit

_SENTENCE = re.compile(r"[^。!\uff01?\uff1f;\uff1b]+[。!\uff01?\uff1f;\uff1b]?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# A sentence that opens a plan: 下一步, 下阶段, 今后, 明年 or "<subject>将…" at its start; not
# the 将 that stands for 把 after a verb of work done (坚持将法治建设纳入考核, 已将…列入, 先后将…)
_NEXT_OPENING = re.compile(
    rf"^(?:{NEXT_WORDS}|[^,\uff0c。:\uff1a ]{{1,10}}"
    r"(?<!坚持)(?<!始终)(?<!注重)(?<!已)(?<!均)(?<!先后)(?<!率先)(?<!首次)将)"
)
_YEAR_OPENING = re.compile(r"^(\d{4})年")
_SIGNATURE = re.compile(r"^[^,\uff0c。;\uff1b]{0,30}$")
# The title of an annex explaining the report's terms (名词解释; 附件：《政府工作报告》名词、术语注释),
# a short line of no sentence: its entries (1.金砖国家未来网络研究院：…) gloss words the report used,
# they report on no subject, and no reader sets them against the other report's work
_GLOSSARY = re.compile(r"(?:名词|术语|词语)(?:、术语|和术语|及术语)?(?:解释|注释|释义)")
_GLOSSARY_TITLE_MAX = 40


def _is_glossary_title(line: str) -> bool:
    text = line.strip()
    return (
        len(text) <= _GLOSSARY_TITLE_MAX and "。" not in text and _GLOSSARY.search(text) is not None
    )


# Function words and the genre's empty verbs: they say nothing about what a unit is about.
_STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        """
        我们 我市 我县 我区 全市 全县 全区 全省 各级 一是 二是 三是 四是 五是 六是 七是
        八是 九是 十是 以及 进行 开展 加强 推进 推动 进一步 不断 全面 深入 切实 积极 有效
        扎实 坚持 落实 持续 加快 有关 相关 通过 按照 根据 为了 对于 关于 其中 并且 同时
        已经 主要 各类 各项 一批 一些 工作 情况 方面 问题 提升 提高 建设 完善 健全 实现
        确保 强化 依法 严格 相继 共计 累计 今年 全年 年度 以来 一年 取得 成效 重要 重点
        进一步 等等 这些 这个 一个 没有 可以 需要 还是 以上
        """,
    )
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of one report placed on a theme."""

    key: str  # unique within the report: node id, plus "~n" for a part of a paragraph
    node_id: str  # section or item id; "<sha12>/closing" for the closing paragraphs
    kind: str  # "section", "item" or "closing"
    number: str  # where it is, as a reader says it: "一、(三)2.", "四、一是", "结尾"
    heading: str
    text: str
    theme: str  # theme id, "other" when the lexicon says nothing
    paragraph: int | None = None  # where the unit starts: paragraph index (of the section's
    start: int | None = None  # paragraphs, or of the report's closing) and offsets in it
    end: int | None = None
    order: int = 0  # position in the report, for sorting
    # every (paragraph, start, end) the unit covers: a section's own text can span several
    spans: tuple[tuple[int, int, int], ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict, compare=False, repr=False)
    terms: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)
    # every subject theme its text covers, with its share of the points, largest first
    # (a chapter on 制度体系 that also sets out 重大行政决策程序: rules 0.6, decisions 0.4)
    themes: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    # the phases its own words speak of, wherever it stands (…还存在许多不足和短板)
    phases: frozenset[str] = field(default=frozenset(), compare=False)
    # every subject theme one of its words names, covered or not (`topics.mentioned_themes`)
    mentions: frozenset[str] = field(default=frozenset(), compare=False)
    # its subject words are passing ones (`topics.thin_subjects`): fewer than THIN_POINTS
    # points of the themes it covers per 100 characters (a work report's 民生 chapter
    # naming 信息化 once, `_subjects`)
    thin: bool = field(default=False, compare=False)
    # the subject themes a word of its own heading names (`topics.mentioned_themes`): the
    # piece of work the heading says the unit is on (不断优化法治营商环境)
    headed: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def shown_number(self) -> str:
        """The number as shown before the heading: for the closing, its name in the interface
        language and a space (`number` keeps 结尾, as stored)."""
        return outside_label("closing") + " " if self.kind == "closing" else self.number

    def covers(self, theme_id: str) -> bool:
        """Whether this unit's text covers the theme, as its main subject or another one."""
        return (
            self.theme == theme_id
            or theme_id in self.phases
            or any(t == theme_id for t, _ in self.themes)
        )


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of a comparison: units of A and of B on one theme (one side empty: a gap)."""

    theme: str
    theme_name: str
    a: tuple[Unit, ...]
    b: tuple[Unit, ...]
    similarity: float
    shared_keywords: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    nearest: Unit | None = None  # for a gap: the other side's most similar unit, any theme
    nearest_similarity: float = 0.0
    # for a gap: False when no text of the other report covers this theme (it is silent),
    # True when some does but nothing of it resembles these units
    other_has_theme: bool = False
    # for a gap: the other report's units that cover the theme though it is not their main
    # subject, when it has no unit of its own on the theme (where it speaks of it)
    covered_by: tuple[Unit, ...] = ()
    # for a gap where no text of the other report covers the theme: its units that name it
    # in passing (a keyword of the theme: 安全生产 under 重点领域执法); none, it is silent
    mentioned_in: tuple[Unit, ...] = ()
    # True when one side's units are here for a theme that is not their main one (a large
    # chapter's secondary theme); they have a row of their own theme too
    secondary: bool = False
    # for a secondary row: in each of its larger units, the stretch that speaks to the other
    # side's units, (unit key, paragraph, start, end) in the unit's report: one or two of its
    # sentences, those most like them (which part of 泾县's chapter answers 咸宁's 普法 item)
    passages: tuple[tuple[str, int, int, int], ...] = ()

    @property
    def is_gap(self) -> bool:
        return not self.a or not self.b

    @property
    def silent(self) -> bool:
        """A gap that says the side with nothing is silent on the topic: no text of it covers
        or names it (其他, what fits no topic, is no topic to be silent on)."""
        return (
            self.is_gap
            and not self.other_has_theme
            and not self.mentioned_in
            and self.theme != OTHER_ID
        )


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Report
    b: Report
    pairs: tuple[Pair, ...]
    figures: tuple[FigurePair, ...]
    units_a: tuple[Unit, ...] = ()
    units_b: tuple[Unit, ...] = ()
    figures_a: tuple[Figure, ...] = ()
    figures_b: tuple[Figure, ...] = ()
    themes: tuple[tuple[str, str], ...] = ()  # (id, name) in display order, "other" last
    # which of figures_a / figures_b state a plan or target, not the year's result
    targets_a: tuple[bool, ...] = ()
    targets_b: tuple[bool, ...] = ()

    def pairs_for(self, theme_id: str) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.theme == theme_id)

    def figures_of(self, unit: Unit) -> tuple[Figure, ...]:
        """The figures inside one unit of A or B (for highlighting numbers in its text)."""
        pool = self.figures_a if unit in self.units_a else self.figures_b
        section_id = unit.node_id.split("#")[0]
        return tuple(
            f
            for f in pool
            if f.node_id.split("#")[0] == section_id
            and any(p == f.paragraph and s <= f.start < e for p, s, e in unit.spans)
        )

    def theme_ids(self) -> tuple[str, ...]:
        """The themes that have at least one row, in display order."""
        present = {p.theme for p in self.pairs}
        return tuple(t for t, _ in self.themes if t in present)


# --- tokens ---------------------------------------------------------------------------


@cache
def _domain_terms() -> frozenset[str]:
    return frozenset(segment.user_terms())


@cache
def _synonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    # the bundled lexicon's, as the domain terms are the bundled dictionary's: one token
    # cache serves every comparison
    return load_lexicon().synonyms


_TERMS_MAX = 500_000  # distinct words remembered (a few tens of MB at most)


class _Terms(dict[str, tuple[str, ...]]):
    """word -> its comparison tokens (`_word_terms`), each word's found once (words recur
    in every report); `segment.Cutter.known_terms` looks words up in it."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= _TERMS_MAX:
            self.clear()
        found = self[word] = _word_terms(word)
        return found


_TERMS = _Terms()


def _word_terms(word: str) -> tuple[str, ...]:
    """A dictionary word's tokens worth comparing: the domain terms inside it first
    (综合行政执法改革 also gives 行政执法, so it meets 深化行政执法改革), but not any
    dictionary part (成功率 does not give 功率, 交通运输 not 通运), then the word, then the
    name of each group of synonyms (`Lexicon.synonyms`) a word of which it holds (出庭应诉
    and 行政应诉 also give 应诉); two characters or more, no stop words, nothing with a
    digit."""
    domain = _domain_terms()
    parts: list[str] = []
    size = len(word)
    for length in range(2, size):
        for start in range(size - length + 1):
            part = word[start : start + length]
            if part in domain:
                parts.append(part)
    parts.append(word)
    parts.extend(
        name for name, words in _synonyms() if name not in parts and any(w in word for w in words)
    )
    return tuple(
        token
        for token in parts
        if len(token) > 1
        and token not in _STOPWORDS
        and not any(ch.isdigit() for ch in token)
        and (_CJK.search(token) or token.isalpha())
    )


def _tokenize(
    text: str, lexicon: Lexicon | None = None, cutter: segment.Cutter | None = None
) -> list[str]:
    """Words worth comparing: jieba with the domain dictionary (`govread.segment`), dictionary
    words and their dictionary parts (综合行政执法改革 also gives 行政执法), never a guessed
    word such as 上作; two characters or more, no stop words. A report's `cutter` shares
    the blocks already cut for its search tokens."""
    del lexicon  # the domain dictionary holds the lexicon's terms
    cutter = cutter or segment.Cutter()
    # A number and its measure word (300余条, 2023年, 12567名) are cut out, so no token can
    # hold part of one (余条, 年区, 名刑释). A line break in their place ends the block
    # before and begins the one after, and gives no word of its own: the text between
    # numbers is cut in one call, as each stretch was cut alone before.
    return cutter.known_terms(numbers_blanked(text, "\n"), _TERMS)


# --- units ----------------------------------------------------------------------------


def _cjk_at_least(text: str, count: int) -> bool:
    """``cjk_len(text) >= count``, counted only as far as it takes (a paragraph's first
    run usually)."""
    for run in _CJK_RUN.finditer(text):
        count -= run.end() - run.start()
        if count <= 0:
            return True
    return count <= 0


def _own_text(section: Section) -> list[tuple[int, int, int, str]]:
    """The section's paragraphs with its items cut out: (paragraph, start, end, text) runs."""
    runs: list[tuple[int, int, int, str]] = []
    for index, paragraph in enumerate(section.paragraphs):
        cuts = sorted((i.start, i.end) for i in section.items if i.paragraph == index)
        position = 0
        for start, end in [*cuts, (len(paragraph), len(paragraph))]:
            if start > position:
                runs.append((index, position, start, paragraph[position:start]))
            position = max(position, end)
    return [run for run in runs if _cjk_at_least(run[3], _MIN_UNIT_CHARS)]


def _sentence_phase(sentence: str, report: Report, lexicon: Lexicon) -> str | None:
    stripped = sentence.strip()
    year = _YEAR_OPENING.match(stripped)
    if year and report.year and int(year.group(1)) > report.year:
        return PLANS
    if _NEXT_OPENING.match(stripped):
        return PLANS
    scores = lexicon.score(body=stripped, phase_text=True)
    if scores.get("problems", 0.0) >= 2.0:
        return "problems"
    return None


def _phase_parts(
    text: str, default: str | None, report: Report, lexicon: Lexicon
) -> list[tuple[str | None, int, int]]:
    """Split a paragraph into runs of sentences of one phase: (phase, start, end)."""
    marks: list[tuple[str | None, int, int]] = []
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            marks.append((_sentence_phase(match.group(), report, lexicon), *match.span()))
    if not marks:
        return []
    first_known = next((phase for phase, _, _ in marks if phase), default)
    current = default or first_known
    parts: list[tuple[str | None, int, int]] = []
    for phase, start, end in marks:
        current = phase or current
        if parts and parts[-1][0] == current:
            parts[-1] = (current, parts[-1][1], end)
        else:
            parts.append((current, start, end))
    return parts


def _first_sentence(text: str, limit: int = 30) -> str:
    match = _SENTENCE.match(text.strip())
    sentence = (match.group() if match else text).strip().rstrip("。;\uff1b")
    return clipped(sentence, limit)


_LISTED = re.compile(r"[一二三四五六七八九十]是")
_ORDINALS = "一二三四五六七八九十"


def _listed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A stretch of a closing paragraph cut at its 一是…二是… (plans or problems listed one
    by one, each on its own subject); the stretch whole when it lists nothing."""
    cuts: list[int] = []
    for match in _LISTED.finditer(text, start, end):
        if match.group()[0] == _ORDINALS[len(cuts) % len(_ORDINALS)]:
            cuts.append(match.start())
    if len(cuts) < 2:
        return [(start, end)]
    bounds = [start, *cuts, end] if cuts[0] > start else [*cuts, end]
    return list(itertools.pairwise(bounds))


INTRO_MAX_CHARS = 120  # CJK characters of a one-sentence intro folded into its section


def _is_one_line(section: Section, spans: Sequence[tuple[int, int, int]]) -> bool:
    text = "".join(section.paragraphs[p][s:e] for p, s, e in spans).strip()
    sentences = [m.group() for m in _SENTENCE.finditer(text) if cjk_len(m.group()) >= 2]
    return len(sentences) <= 1 and cjk_len(text) <= INTRO_MAX_CHARS


# an item written as a subheading (一是强化领导压实责任。 alone), at most this many CJK characters
ITEM_HEADING_MAX = 30
_ONE_SENTENCE = re.compile(r"[^。!\uff01?\uff1f;\uff1b]{1,80}[。!\uff01?\uff1f;\uff1b]?")


def _item_bodies(section: Section, lead_end: int) -> dict[int, list[tuple[int, int, int]]]:
    """The text of items written as subheadings: each item alone at the end of its paragraph,
    one short sentence (一是强化领导压实责任。), and its text in the paragraphs after it (组织召开…),
    up to the next item's paragraph (the last item's, up to the section's summing-up): item
    index -> (paragraph, start, end) spans. None unless every item of the run is so written
    and has text after it: an item that runs on in its own paragraph is whole there, and the
    paragraphs after such items are the section's own."""
    items, paragraphs = section.items, section.paragraphs
    if len(items) < 2:
        return {}
    bodies: dict[int, list[tuple[int, int, int]]] = {}
    for index, item in enumerate(items):
        words = item.text[len(item.marker) :].strip()
        if (
            paragraphs[item.paragraph][item.end :].strip()
            or _ONE_SENTENCE.fullmatch(words) is None
            or cjk_len(words) > ITEM_HEADING_MAX
        ):
            return {}
        stop = items[index + 1].paragraph if index + 1 < len(items) else lead_end
        spans = [
            (p, 0, len(paragraphs[p]))
            for p in range(item.paragraph + 1, stop)
            if _cjk_at_least(paragraphs[p], _MIN_UNIT_CHARS)
        ]
        if not spans:
            return {}
        bodies[index] = spans
    return bodies


# A stretch of a section's own text longer than this (CJK characters) is cut into pieces
# of about a paragraph: a 政府工作报告's chapter of 1,500 characters on 主题教育, 法治政府建设,
# 服务型政府 and 党风廉政 is four pieces of work, each to meet the other report's unit on it,
# not one unit paired on whichever subject outweighs the rest. Under it, the genre's
# sections (100 to 500 characters) stay whole.
LARGE_UNIT_CHARS = 600
PIECE_MIN_CHARS = 120  # CJK characters a piece needs on each side of a cut
RUN_IN_MAX = 12  # CJK characters of a run-in head (主题教育扎实开展。) at most
_RUN_IN_HEAD = re.compile(r"[^。!\uff01?\uff1f;\uff1b,\uff0c、:\uff1a]{2,20}。")


def _run_in_head(sentence: str) -> bool:
    """Whether a sentence is a run-in head: a short clause of its own, no comma, ending in
    。 (营商环境持续优化。 before the work it sums up)."""
    return (
        _RUN_IN_HEAD.fullmatch(sentence) is not None
        and 4 <= cjk_len(sentence) <= RUN_IN_MAX
        and not any(ch.isdigit() for ch in sentence)
    )


def _pieces(
    paragraphs: Sequence[str], spans: Sequence[tuple[int, int, int]]
) -> list[tuple[list[tuple[int, int, int]], str]]:
    """A large stretch of text (`spans` over `paragraphs`, more than LARGE_UNIT_CHARS) cut
    into pieces at paragraph starts and run-in heads (`_run_in_head`), each piece at least
    PIECE_MIN_CHARS, as is the rest after a cut: each piece's spans, and the run-in head it
    opens with ("" when none, or when the stretch was not cut). The stretch whole when it is
    not large or has no such place to cut."""
    if sum(cjk_len(paragraphs[p][s:e]) for p, s, e in spans) <= LARGE_UNIT_CHARS:
        return [(list(spans), "")]
    # the stretch as segments between the places a cut may come (a paragraph's start, a
    # run-in head's): (paragraph, start, end, CJK characters, whether a cut may come before,
    # the run-in head it opens with)
    segments: list[tuple[int, int, int, int, bool, str]] = []
    for index, (p, s, e) in enumerate(spans):
        text = paragraphs[p]
        bounds: list[tuple[int, str]] = []  # (where a segment starts, its run-in head)
        for match in _SENTENCE.finditer(text, s, e):
            sentence = match.group().strip()
            head = sentence if _run_in_head(sentence) else ""
            if match.start() == s or (head and match.start() > s):
                bounds.append((match.start(), head))
        if not bounds or bounds[0][0] != s:
            bounds.insert(0, (s, ""))
        for n, ((start, head), (end, _next)) in enumerate(itertools.pairwise([*bounds, (e, "")])):
            segments.append((p, start, end, cjk_len(text[start:end]), n > 0 or index > 0, head))
    remaining = sum(stretch[3] for stretch in segments)
    pieces: list[list[tuple[int, int, int, int, bool, str]]] = [[]]
    size = 0
    for stretch in segments:
        n, cut_before = stretch[3], stretch[4]
        if cut_before and size >= PIECE_MIN_CHARS and remaining >= PIECE_MIN_CHARS:
            pieces.append([])
            size = 0
        pieces[-1].append(stretch)
        size += n
        remaining -= n
    result: list[tuple[list[tuple[int, int, int]], str]] = []
    for piece in pieces:
        merged: list[tuple[int, int, int]] = []
        for p, s, e, _n, _c, _h in piece:
            if merged and merged[-1][0] == p and merged[-1][2] == s:
                merged[-1] = (p, merged[-1][1], e)
            else:
                merged.append((p, s, e))
        result.append((merged, piece[0][5] if len(pieces) > 1 else ""))
    return result


def _subject(lexicon: Lexicon, theme_id: str) -> bool:
    """Whether the theme is a subject (not a phase such as 下一步, not 其他)."""
    return theme_id != OTHER_ID and not lexicon.theme(theme_id).phase


def _last_id(section: Section) -> str:
    """The id of the last section in document order within `section` (itself when it has no
    children)."""
    while section.children:
        section = section.children[-1]
    return str(section.id)


class _Builder:
    """Cuts a report into units and places each on a theme; with no `cutter`, the units
    carry no words (`Unit.terms` empty: no jieba), for a caller that reads only the themes."""

    def __init__(self, report: Report, lexicon: Lexicon, cutter: segment.Cutter | None) -> None:
        self.report, self.lexicon, self.cutter = report, lexicon, cutter
        self.seen: dict[str, dict[str, int]] = {}  # each text's keyword hits (`Lexicon.hits`)
        # (heading, text) -> its `topics.unit_covered`: `theme_of` and `add` both read it
        self.covered: dict[tuple[str, str], Covered] = {}
        self.head_phases: dict[str, str | None] = {}  # heading -> its `heading_phase`
        self.units: list[Unit] = []
        self.last_id = next((s.id for s in reversed(list(report.walk()))), None)
        # The last section before a chapter of plans or problems (一、关于2019年工作 …
        # (六)…, then 二、关于2020年工作) may end with the review's summing-up paragraphs
        # too (看到成绩的同时,我们也清醒认识…不足): the parser keeps them in that section.
        self.tail_ids = {self.last_id}
        for before, after in itertools.pairwise(report.sections):
            if self.heading_phase(after.heading):
                self.tail_ids.add(_last_id(before))

    def add(self, **fields: object) -> None:
        check()  # a long report is cut unit by unit: one unit is the most a stop waits for
        text = str(fields["text"])
        heading = str(fields["heading"])
        terms = (
            Counter(_tokenize(f"{heading}\n{text}", self.lexicon, self.cutter))
            if self.cutter is not None
            else Counter()
        )
        covered = self.covered_of(heading, text)
        themes, phases = covered.themes, covered.phases
        mentions = mentioned_themes(self.lexicon, heading, text, self.seen)
        headed = mentioned_themes(self.lexicon, heading, "", self.seen) if heading else frozenset()
        # passing subject words (`topics.thin_subjects`): such a plan meets others by its
        # words, not by a subject (`_subjects`). Whether the unit is on no theme at all was
        # decided by `topics.main_theme` (`theme_of`), the rule coverage reads too.
        thin = covered.thin
        if fields["kind"] == "item" and themes and _subject(self.lexicon, str(fields["theme"])):
            # An item is on what its own words speak of: under 优化营商环境, 一是 on 免罚清单
            # and 包容审慎执法 is an enforcement item, and meets enforcement, not the
            # chapter's heading theme (its heading stays context when its words name none).
            fields["theme"] = themes[0][0]
        self.units.append(
            Unit(
                order=len(self.units),
                terms=dict(terms),
                themes=themes,
                phases=phases,
                mentions=mentions,
                thin=thin,
                headed=headed,
                **fields,  # type: ignore[arg-type]
            )
        )

    def theme_of(
        self, heading: str, body: str, context: Sequence[str], *, item: bool = False
    ) -> tuple[str, dict[str, float]]:
        scores = self.lexicon.score(heading, body, context, seen=self.seen)
        covered = self.covered_of(heading, body)
        theme = main_theme(
            self.lexicon, scores, body, heading, item=item, seen=self.seen, covered=covered
        )
        return theme, scores

    def heading_phase(self, heading: str) -> str | None:
        """`plan_phase.heading_phase`, each heading's found once (a chapter's is read before
        the units are built too)."""
        if heading in self.head_phases:
            return self.head_phases[heading]
        found = self.head_phases[heading] = heading_phase(
            heading, self.report.year, self.lexicon, self.seen
        )
        return found

    def covered_of(self, heading: str, text: str) -> Covered:
        found = self.covered.get((heading, text))
        if found is None:
            found = self.covered[heading, text] = unit_covered(
                self.lexicon, heading, text, self.seen
            )
        return found

    def section(self, section: Section, context: list[str], prefix: str, phase: str | None) -> None:
        if _is_glossary_title(section.heading):
            return  # an annex of terms (名词、术语注释) and all under it: no unit
        number = prefix + section.marker
        head_phase = self.heading_phase(section.heading)
        zone = head_phase or phase
        # a part's summing-up after its subsections (`Section.after_children`), its units after
        # theirs, as in the text
        summing_from = section.lead_count  # (all its paragraphs when none follows them)
        after_children: list[dict[str, Any]] = []
        groups: list[tuple[str | None, list[tuple[int, int, int]]]] = []

        def add(**fields: Any) -> None:
            if fields["paragraph"] >= summing_from:
                after_children.append(fields)
            else:
                self.add(**fields)

        # The last section may end with summing-up paragraphs the parser did not take for
        # the closing (存在问题 / 下一步 without a heading of their own): split them off too.
        # So may a part after its subsections.
        in_last = section.id in self.tail_ids
        tail_allowed = (in_last or summing_from < len(section.paragraphs)) and not zone
        in_tail = False
        # items written as subheadings take the paragraphs after them (`_item_bodies`)
        bodies = _item_bodies(section, summing_from)
        taken = {p for spans in bodies.values() for p, _s, _e in spans}
        for paragraph, start, _end, text in _own_text(section):
            if paragraph in taken:
                continue
            if (
                tail_allowed
                and not in_tail
                and ((in_last and paragraph > 0) or paragraph >= summing_from)
            ):
                opening = _SENTENCE.match(text.strip())
                in_tail = bool(opening) and bool(
                    _sentence_phase(opening.group() if opening else "", self.report, self.lexicon)
                )
            if head_phase or in_tail:  # 存在问题 / 下一步 text: split it sentence by sentence
                parts = _phase_parts(text, head_phase, self.report, self.lexicon)
            else:
                parts = [(zone, 0, len(text))]
            for part_phase, s, e in parts:
                span = (paragraph, start + s, start + e)
                if (
                    groups
                    and groups[-1][0] == part_phase
                    and (groups[-1][1][-1][0] >= summing_from) == (paragraph >= summing_from)
                ):
                    groups[-1][1].append(span)
                else:
                    groups.append((part_phase, [span]))
        intro = ""
        # (a part's summing-up after its subsections is no part of its intro)
        lead_groups = sum(1 for _phase, spans in groups if spans[0][0] < summing_from)
        if (
            (section.items or section.children)
            and lead_groups == 1
            and groups[0][0] is None
            and _is_one_line(section, groups[0][1])
        ):
            # A one-sentence chapter intro (坚持把党的领导贯彻落实到…) is not a unit of its own,
            # to be paired with some item of the other report: it frames the items below.
            intro = "\n".join(section.paragraphs[p][s:e].strip() for p, s, e in groups[0][1])
            groups = groups[1:]
        # a large stretch is cut into pieces of about a paragraph (`_pieces`), each headed by
        # its run-in head when it opens with one, the section's heading its context
        pieces = [
            (part_phase, piece, head)
            for part_phase, spans in groups
            for piece, head in _pieces(section.paragraphs, spans)
        ]
        for index, (part_phase, spans, head) in enumerate(pieces):
            body = "\n".join(section.paragraphs[p][s:e].strip() for p, s, e in spans)
            heading, unit_context = section.heading, context
            if head:
                heading, unit_context = head.rstrip("。"), [section.heading, *context]
            if part_phase:
                theme = part_phase
                scores = self.lexicon.score(heading, body, unit_context, seen=self.seen)
            else:
                theme, scores = self.theme_of(heading, body, unit_context)
            add(
                key=section.id if len(pieces) == 1 else f"{section.id}~{index}",
                node_id=section.id,
                kind="section",
                number=number,
                heading=heading,
                text=body,
                theme=theme,
                paragraph=spans[0][0],
                start=spans[0][1],
                end=spans[0][2],
                spans=tuple(spans),
                scores=scores,
            )
        inner = [section.heading, *([intro] if intro else []), *context]
        # where the section's own text turns to problems or plans (在看到成绩的同时…主要表现在：),
        # the items after that lead-in (一是…五是) are those problems or plans
        starts = [(spans[0][0], spans[0][1], part_phase) for part_phase, spans in groups]
        for item_index, item in enumerate(section.items):
            body_spans = bodies.get(item_index, [])
            item_text = "\n".join(
                [item.text, *(section.paragraphs[p][s:e].strip() for p, s, e in body_spans)]
            )
            item_zone = zone or next(
                (
                    part_phase
                    for paragraph, start, part_phase in reversed(starts)
                    if (paragraph, start) <= (item.paragraph, item.start)
                ),
                None,
            )
            if item_zone:
                theme = item_zone
                scores = self.lexicon.score(item.heading, item_text, inner, seen=self.seen)
            else:
                theme, scores = self.theme_of(item.heading, item_text, inner, item=True)
            add(
                key=item.id,
                node_id=item.id,
                kind="item",
                number=number + item.marker,
                heading=item.heading,
                text=item_text,
                theme=theme,
                paragraph=item.paragraph,
                start=item.start,
                end=item.end,
                spans=((item.paragraph, item.start, item.end), *body_spans),
                scores=scores,
            )
        for child in section.children:
            self.section(child, inner, number, zone)
        for fields in after_children:  # a part's summing-up follows its subsections
            self.add(**fields)

    def closing(self) -> None:
        node_id = f"{self.report.id}/closing"
        for paragraph, text in enumerate(self.report.closing):
            if _is_glossary_title(text):
                break  # an annex of terms ends the report: its entries are no units
            if _SIGNATURE.match(text.strip()) or cjk_len(text) < _MIN_UNIT_CHARS:
                continue  # 株洲市人民政府 / 2025年2月6日
            parts = [
                (phase, start, end)
                for phase, s0, e0 in _phase_parts(text, None, self.report, self.lexicon)
                for start, end in _listed(text, s0, e0)
            ]
            for index, (phase, s, e) in enumerate(parts):
                piece = text[s:e].strip()
                if cjk_len(piece) < _MIN_UNIT_CHARS:
                    continue
                theme, scores = (phase, {}) if phase else self.theme_of("", piece, ())
                self.add(
                    key=f"{node_id}~{paragraph}.{index}",
                    node_id=node_id,
                    kind="closing",
                    number="结尾",
                    heading=_first_sentence(piece),
                    text=piece,
                    theme=theme,
                    paragraph=paragraph,
                    start=s,
                    end=e,
                    spans=((paragraph, s, e),),
                    scores=scores or {},
                )


# reports' units by content, path and lexicon
_UNIT_CACHE: LruCache[tuple[str, str | None, int], tuple[Unit, ...]] = LruCache(128)
# the same without their words (`theme_units`)
_THEME_UNIT_CACHE: LruCache[tuple[str, str | None, int], tuple[Unit, ...]] = LruCache(128)


def report_units(
    report: Report, lexicon: Lexicon | None = None, cutter: segment.Cutter | None = None
) -> tuple[Unit, ...]:
    """The report's units in document order (cached by content hash and lexicon); `cutter`
    is the report's segmentation when it is already under way (`segment.Cutter`)."""
    lexicon = lexicon or load_lexicon()
    cache_key = (report.sha256, report.path, hash(lexicon))
    found = _UNIT_CACHE.get(cache_key)
    if found is not None:
        return found
    units = built_units(report, lexicon, cutter)
    _UNIT_CACHE.put(cache_key, units)
    return units


def theme_units(report: Report, lexicon: Lexicon | None = None) -> tuple[Unit, ...]:
    """The report's units placed on their themes as `report_units` places them, without
    their words (`Unit.terms` empty, so no jieba): what the coverage table tallies, so that
    it and the comparison never disagree on a unit's theme. Cached apart from
    `report_units`, whose units (words and all) are taken when already made."""
    lexicon = lexicon or load_lexicon()
    cache_key = (report.sha256, report.path, hash(lexicon))
    found = _UNIT_CACHE.get(cache_key) or _THEME_UNIT_CACHE.get(cache_key)
    if found is not None:
        return found
    units = _built(report, lexicon, None)
    _THEME_UNIT_CACHE.put(cache_key, units)
    return units


def built_units(
    report: Report, lexicon: Lexicon | None = None, cutter: segment.Cutter | None = None
) -> tuple[Unit, ...]:
    """`report_units` made anew and not cached, for a caller that asks once per report (the
    store's pool workers: a cache would only keep the last reports' units alive)."""
    return _built(report, lexicon or load_lexicon(), cutter or segment.Cutter())


def _built(report: Report, lexicon: Lexicon, cutter: segment.Cutter | None) -> tuple[Unit, ...]:
    builder = _Builder(report, lexicon, cutter)
    # chapters after a plan heading with no number (2020年主要工作任务, then 一、… anew) are
    # next year's plans, as the figures' targets and the checklist read them
    plans_from = chapters_before_titled_plans(report.sections, report.year)
    for index, section in enumerate(report.sections):
        builder.section(section, [], "", PLANS if index >= plans_from else None)
    builder.closing()
    return tuple(builder.units)


# --- TF-IDF ---------------------------------------------------------------------------


class _Idf:
    """Smoothed inverse document frequency; every unit of the corpus is a document."""

    def __init__(self, documents: Iterable[Mapping[str, int]]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for terms in documents:
            check()
            self.n += 1
            self.df.update(terms.keys())

    @classmethod
    def counted(cls, n: int, df: Mapping[str, int]) -> _Idf:
        """From counts kept elsewhere (the store): `n` units, `df` units per word."""
        idf = cls(())
        idf.n, idf.df = n, Counter(df)
        return idf

    def specific(self, term: str) -> bool:
        """Whether the word is in fewer than SPECIFIC_SHARE of the units."""
        return self.df[term] < SPECIFIC_SHARE * self.n

    @property
    def telling(self) -> bool:
        """Whether the units are enough to tell a specific word from common stock: a word of
        the two units compared alone can be specific (two short invented reports compared
        by themselves, a few units in all, cannot)."""
        return SPECIFIC_SHARE * self.n > 2

    def vector(self, terms: Mapping[str, int]) -> dict[str, float]:
        return {
            term: (1.0 + math.log(count)) * (math.log((1 + self.n) / (1 + self.df[term])) + 1.0)
            for term, count in terms.items()
            if count > 0
        }


Idf = _Idf  # public name: `compare(..., idf=Idf.counted(n, df))`


def _cosine(u: Mapping[str, float], v: Mapping[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    # fsum: the sum of the products exactly rounded, whatever their order, so that the
    # likeness of two units of one size does not depend on which is A
    dot = math.fsum(w * v.get(t, 0.0) for t, w in u.items())
    if dot <= 0.0:
        return 0.0
    norm = math.sqrt(sum(w * w for w in u.values())) * math.sqrt(sum(w * w for w in v.values()))
    return dot / norm if norm else 0.0


def _merged(units: Iterable[Unit]) -> Counter[str]:
    total: Counter[str] = Counter()
    for unit in units:
        total.update(unit.terms)
    return total


def _keywords(
    va: Mapping[str, float], vb: Mapping[str, float], top_k: int
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    shared = sorted((t for t in va if t in vb), key=lambda t: (-min(va[t], vb[t]), t))
    only_a = sorted((t for t in va if t not in vb), key=lambda t: (-va[t], t))
    only_b = sorted((t for t in vb if t not in va), key=lambda t: (-vb[t], t))
    return tuple(shared[:top_k]), tuple(only_a[:top_k]), tuple(only_b[:top_k])


# A word naming a body or level of government (区委, 市政府, 各街道, 区直, 省级): who did the
# work, never what it was; two texts sharing it share no subject. Small corpora of one
# level's reports (深圳's 区 beside 市 and 县) count 区委 and 区政府 rare, so `_Idf.specific`
# alone would take them for evidence.
_GOVERNMENT_BODY = re.compile(
    r"(?:各|本|全)?(?:省|市|区|县|乡镇|镇|乡|街道)(?:委|政府|人大|政协|党委|委员会|直|级|属)"
    r"|(?:各|本|全)(?:省|市|区|县|乡镇|镇|乡|街道)|[省市区县]"
)


def _evidence(a: Unit, b: Unit, idf: _Idf) -> tuple[str, ...]:
    """The specific words (`_Idf.specific`) two units share, a word inside another shared
    word not counted apart (行政执法监督 and 执法监督 are one piece of evidence), and no word
    naming a body of government (`_GOVERNMENT_BODY`: 区政府, 各街道)."""
    return _shared_evidence(a.terms, b.terms, idf)


def _shared_evidence(
    terms_a: Mapping[str, int], terms_b: Mapping[str, int], idf: _Idf
) -> tuple[str, ...]:
    """`_evidence` of two texts' words (a unit's, or a run of its sentences')."""
    shared = [t for t in terms_a if t in terms_b and not _GOVERNMENT_BODY.fullmatch(t)]
    return tuple(
        sorted(
            t
            for t in shared
            if idf.specific(t) and not any(t != other and t in other for other in shared)
        )
    )


def _evidenced(x: Unit, y: Unit, idf: _Idf) -> bool:
    """Whether two units share a specific word, when the corpus can tell one (`_Idf.telling`)."""
    return not idf.telling or bool(_evidence(x, y, idf))


# Specific words a unit of a gap and a text mainly on another theme (a host) must share
# for a secondary row, however alike their vectors: see `_hosted`.
HOST_EVIDENCE_MIN = 2


def _hosted(x: Unit, y: Unit, idf: _Idf) -> bool:
    """Whether a gap's unit and a host share HOST_EVIDENCE_MIN specific words (when the
    corpus can tell one, `_Idf.telling`). A host is on another subject: its cosine with the
    unit is as much the genre's common words of both themes (应诉 in a leadership chapter's
    list of duties against a 复议与应诉 section, 整改 in an enforcement chapter against a
    财政监督 section) as what its passage on the unit's theme says, so the pair bar that
    lets a leftover join a row of its own theme (`_supported`) is no evidence here: one
    shared specific word is a coincidence as often as not (EVIDENCE_MIN)."""
    return not idf.telling or len(_evidence(x, y, idf)) >= HOST_EVIDENCE_MIN


def _supported(
    x: Unit, y: Unit, vx: Mapping[str, float], vy: Mapping[str, float], idf: _Idf
) -> bool:
    """Whether a row may claim two units alike beyond sharing a theme: as alike as a pair
    (their vectors' cosine at PAIR_THRESHOLD), or sharing EVIDENCE_MIN specific words
    (秦皇岛's 营商环境 item does not join 株洲's 审批 item's row on 营商环境 alone). Two units
    on no theme (其他: a work report's chapters on 金融, 健康, 交通) share no subject, so
    their shared words are no evidence: they need the cosine (秦皇岛's 生态环境 chapter meets
    福田's 宜居环境 chapter, 0.10, not its 金融 or 健康 chapters on 比例 and 绿色, 五年 and
    科学, 0.03)."""
    if x.theme == y.theme == OTHER_ID:
        return _cosine(vx, vy) >= PAIR_THRESHOLD
    return _cosine(vx, vy) >= PAIR_THRESHOLD or len(_evidence(x, y, idf)) >= EVIDENCE_MIN


# A plan whose main subject holds less than this share of its points is spread
# over several fields: a general plan, as one naming none is (`_is_general`)
SPREAD_SHARE = 1 / 3


def _subjects(unit: Unit) -> tuple[tuple[str, float], ...]:
    """The subjects a plan (or problem) is on, for meeting others by subject: the themes its
    words cover, none when they are passing words (`Unit.thin`): a work report's 民生 plan
    is not a plan on 数字政府 for naming 信息化 once in 1,900 characters, and meets the
    other report's 民生 plan as two plans naming no subject do, on their words."""
    return () if unit.thin else unit.themes


def _unplaced(unit: Unit) -> bool:
    """Whether a plan (or problem) is on work the lexicon has no theme for: it names no
    subject by its words (`_subjects`) and is longer than a general sentence
    (GENERAL_MAX_CHARS): a 政府工作报告's plan on 港口物流, 招商引资 or 国土空间规划. Such a
    plan meets any plan on its words (cosine, first choices, evidence to join a row), as
    achievements of 其他 do: the other report's plan on 现代产业体系 may be on 营商环境 by
    the lexicon and still be the one on its work."""
    return not _subjects(unit) and cjk_len(unit.text) > GENERAL_MAX_CHARS


def _headed_subject(unit: Unit) -> bool:
    """Whether a unit's own heading names a subject its words cover (`Unit.headed`): a plan
    headed 不断优化法治营商环境 is on that piece of 法治 work, as its words say, not a plan
    any long plan on work the lexicon has no theme for may meet on the genre's words."""
    return any(theme in unit.headed for theme, _ in _subjects(unit))


def _is_general(unit: Unit, overall: frozenset[str]) -> bool:
    """Whether a plan is general rather than on one field of the work: its words
    name no subject (`_subjects`), or its main subject is the report's overall direction
    (`Theme.overall`: 党的领导, 示范创建), or no subject holds `SPREAD_SHARE` of its points
    (泾县's 强基工程 plan on 示范创建, 执法, 复议 and 决策 at once)."""
    subjects = _subjects(unit)
    return not subjects or subjects[0][0] in overall or subjects[0][1] < SPREAD_SHARE


def _same_subject(
    a: Unit,
    b: Unit,
    overall: frozenset[str] | None = None,
    likeness: Callable[[], float] | None = None,
) -> bool:
    """Whether two plans (or two problems) speak of one subject: the main subject theme of
    either, by its own words, is covered by the other (an enforcement plan meets an
    enforcement plan, not one on 法治宣传). A unit whose words name no subject meets any,
    but for plans (`overall` given: the lexicon's overall themes) general ones only
    (`_is_general`): a plan naming no subject is a report's general direction (秦皇岛's one
    plan sentence, 持续推进依法行政, 全面提升法治政府建设质效), which answers another's general
    plan, not its plans on 普法 or 调解, though it shares their words 示范 and 创建. A
    problem naming no subject is more often a weakness of its own the lexicon has no theme
    for (人员力量薄弱), which evidence may still set against a problem on a subject. A plan
    on work the lexicon has no theme for (`_unplaced`) meets such plans on its words; a
    general plan or one on a field only when that plan's heading names no subject
    (`_headed_subject`: not 不断优化法治营商环境) and `likeness`, their cosine, reaches
    NEAREST_THRESHOLD (港口物流 beside 构建现代产业体系 on 港口航运). A work report's plans on
    教育, 民生 or 文化 share the genre's words with a plan on 社会安全稳定 (保障, 培训,
    品牌, 质量: cosine 0.02–0.09), not its work; nor is its plan on 污染防治 or 政府系统党建
    the one a 法治 report's general plan (全面推进法治政府建设) answers: in the eight labelled
    comparisons with a work report, thirteen such pairs were false. A general plan meets
    another plan only when the two share a word of law if either speaks of law
    (`_law_apart`: 法治, 依法行政, 习近平法治思想): a 法治 report's plan on
    学习贯彻习近平法治思想 and a work report's plan on 政府系统党建 share the words of
    politics (学习贯彻, 四个意识, 习近平新时代中国特色社会主义思想), not a subject of the
    genre; in the labelled comparisons no true pair of plans one of them general lacked such
    a word, and thirteen false pairs of units did."""
    if overall is not None and (_unplaced(a) or _unplaced(b)):
        if _unplaced(a) and _unplaced(b):
            return True
        placed = a if _unplaced(b) else b
        if not _headed_subject(placed):
            return likeness is not None and likeness() >= NEAREST_THRESHOLD
    if (
        overall is not None
        and (_is_general(a, overall) or _is_general(b, overall))
        and _law_apart(a, b)
    ):
        return False
    subjects_a, subjects_b = _subjects(a), _subjects(b)
    if not subjects_a or not subjects_b:
        return overall is None or (_is_general(a, overall) and _is_general(b, overall))
    return b.covers(subjects_a[0][0]) or a.covers(subjects_b[0][0])


# the genre's subject is law: its words hold 法 (法治, 依法, 执法, 普法, 立法, 法律顾问)
_LAW = "法"


def _law_apart(a: Unit, b: Unit) -> bool:
    """Whether one of two units speaks of law (a word holding 法: 法治, 依法行政,
    习近平法治思想, 执法) and they share no such word."""
    return _law_words_apart(a.terms, b.terms)


def _law_words_apart(terms_a: Mapping[str, int], terms_b: Mapping[str, int]) -> bool:
    """`_law_apart` of two texts' words (a unit's, or a run of its sentences')."""
    law_a = {term for term in terms_a if _LAW in term}
    law_b = {term for term in terms_b if _LAW in term}
    return bool(law_a or law_b) and not law_a & law_b


def _main_subject(unit: Unit) -> str | None:
    """The subject a plan (or problem) is mainly on by its words (`_subjects`), or None."""
    subjects = _subjects(unit)
    return subjects[0][0] if subjects else None


def pair_threshold(a: Unit, b: Unit, by_subject: bool, mutual: bool) -> float:
    """The cosine two units of one theme need to be paired one to one: PAIR_THRESHOLD; for
    two plans (or two problems, `by_subject`) that are each other's first choice (`mutual`:
    overall, or among the plans on their main subject, `_align_theme`) and whose own words
    have one main subject, ATTACH_THRESHOLD. Plans are short sentences
    of the genre's common words, so their likeness stays low even when both say "普法 next
    year"; one subject and each being the other's most alike plan are the evidence (a 普法
    plan chapter meets the other's 弘扬法治精神 plan sentence). Either alone is not: a plan
    is often the most alike of a report whose plans are on other subjects, and a long
    paragraph takes a main subject from one passing word."""
    if (
        mutual
        and by_subject
        and (main := _main_subject(a)) is not None
        and main == _main_subject(b)
    ):
        return ATTACH_THRESHOLD
    return PAIR_THRESHOLD


def _apart_rule(lexicon: Lexicon, theme_id: str) -> Callable[[Unit, Unit], bool] | None:
    """For a theme holding subjects of their own (`topics.Theme.apart`: 政府职能 holds
    生态环境, 知识产权, 信用, 权责清单 and 双随机 for want of a theme of theirs; 制度体系
    holds 规范性文件, another instrument than 立法), whether two units are apart:
    one is on such a subject and the other never names it. A unit is on a subject when its
    heading and text name it twice at least and more often than all the theme's other
    keywords together (but the theme's name itself, 行政执法), a word of its heading
    counting `Lexicon.heading_weight` times
    (秦皇岛's section headed 保护生态环境 on 断面水质, 株洲's 生态环境持续改善 item); a
    row sets it against a text that names its subject, not against 宝鸡's 放管服 chapter for
    sharing the theme. A unit with a heading is on a subject only when its heading names
    it: a heading says what piece of work a unit is on, and one naming no subject
    (行政执法规范化水平不断提升) makes the subject its text dwells on one part of that work
    (光明's item on 执法证申领 and its 考试, 双系统, 案卷评查 and 三项制度 meets 龙华's 案卷评查
    section, which never names 执法证). None when the theme holds no such subject."""
    if theme_id == OTHER_ID:
        return None
    theme = lexicon.theme(theme_id)
    if not theme.apart:
        return None
    index = lexicon.themes.index(theme)
    # one alternation of plain words a subject, longest first: no repeats to backtrack over
    subjects = [
        (name, re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))))
        for name, words in theme.apart
    ]
    known: dict[int, tuple[str | None, frozenset[str]]] = {}

    def of(unit: Unit) -> tuple[str | None, frozenset[str]]:
        found = known.get(id(unit))
        if found is None:
            counts = dict.fromkeys((name for name, _ in subjects), 0.0)
            others = 0.0
            # a heading's word weighs as the lexicon weighs it (`Lexicon.heading_weight`)
            for text, weight in ((unit.heading, lexicon.heading_weight), (unit.text, 1.0)):
                for name, pattern in subjects:
                    counts[name] += weight * len(pattern.findall(text))
                others += weight * sum(
                    count
                    for keyword, count in lexicon.hits(text).items()
                    if any(i == index for i, _ in lexicon.weights_of(keyword))
                    and not any(pattern.search(keyword) for _, pattern in subjects)
                    # the theme's own name (行政执法) says which theme a text is on, not
                    # which of its subjects: a section on 行政执法人员培训 names it each time
                    and keyword != theme.name
                )
            on = max(counts, key=lambda name: counts[name])
            subject = on if counts[on] >= 2 and counts[on] > others else None
            if unit.heading.strip() and not any(p.search(unit.heading) for _, p in subjects):
                # its heading names the work it is on, and no subject of its own: the
                # subject is one part of that work, however long its sentences on it
                subject = None
            found = known[id(unit)] = (subject, frozenset(n for n, c in counts.items() if c))
        return found

    def apart(x: Unit, y: Unit) -> bool:
        (on_x, named_x), (on_y, named_y) = of(x), of(y)
        return (on_x is not None and on_x not in named_y) or (
            on_y is not None and on_y not in named_x
        )

    return apart


def _apart_rules(lexicon: Lexicon) -> dict[str, Callable[[Unit, Unit], bool]]:
    """`_apart_rule` of each theme that holds subjects of its own, by theme id."""
    return {t.id: rule for t in lexicon.themes if (rule := _apart_rule(lexicon, t.id))}


def _plans_apart(
    rules: Mapping[str, Callable[[Unit, Unit], bool]],
) -> Callable[[Unit, Unit], bool] | None:
    """For plans (and problems): two on one main subject whose theme holds subjects of its own
    (`Theme.apart`) are apart by that theme's rule (`rules`, `_apart_rules`): a plan on
    法治营商环境 and one on 生态环境治理 are both on 政府职能, not on one piece of its work."""
    if not rules:
        return None

    def apart(x: Unit, y: Unit) -> bool:
        main = _main_subject(x)
        return main is not None and main == _main_subject(y) and main in rules and rules[main](x, y)

    return apart


def _unless_apart(
    fit: Callable[[Unit, Unit], float], apart: Callable[[Unit, Unit], bool]
) -> Callable[[Unit, Unit], float]:
    """`fit`, 0.0 for two units `apart`."""
    return lambda x, y: 0.0 if apart(x, y) else fit(x, y)


def _rank(unit: Unit) -> tuple[int, str]:
    """Where a unit stands, to break a tie between equally alike leftovers of A and B the
    same whichever report is A: earlier in its report first, then by key (a report's id
    leads each key)."""
    return unit.order, unit.key


def _align_theme(
    ua: Sequence[Unit],
    ub: Sequence[Unit],
    vectors: Mapping[int, dict[str, float]],
    by_subject: bool = False,
    *,
    supported: Callable[[Unit, Unit], bool] | None = None,
    answered: Callable[[Unit, Unit], bool] | None = None,
    only_answered: Callable[[Unit, Unit], bool] | None = None,
    apart: Callable[[Unit, Unit], bool] | None = None,
    evidenced: Callable[[Unit, Unit], bool] | None = None,
    overall: frozenset[str] | None = None,
    siblings: bool = True,
) -> list[tuple[list[Unit], list[Unit]]]:
    """Greedy one-to-one pairing by cosine, leftovers joining their best partner's group, or
    the only group of the theme when the other side has one unit on the theme (宝鸡's one
    chapter on 政府职能 meets each of 咸宁's items on it): rows are n-to-m.

    A one-to-one pair is the first choice of one of its two units at least: a unit whose
    best partner is taken joins that partner's row as a leftover rather than pair with a
    second choice of both (光明's 督察 plan meets 龙华's 考评 plan, the one it is like, not the
    行政执法 plan left over). The only-group rule needs the other side to have said all it
    says on the theme in that one unit: when it has several units and one of them paired,
    the rest of each side are leftovers like any other, not members of that row by default
    (光明's 群众诉求 and 调处 items no longer share 龙华's 行政应诉 row because 行政复议 items
    paired). `by_subject` (plans, problems): two units on different subjects never meet.
    The leftovers of A and of B are placed together, the most alike to the other side
    first: a plan joining a row keeps out another's plan on a different subject, and were
    A's placed first `compare(b, a)` would not be `compare(a, b)` with its sides swapped.

    `supported(leftover, partner)`: whether the leftover may join its partner's row (on
    evidence, `_evidence`, not on one common word); `answered(unit, other)`: whether a
    passage of `other` answers the unit, which it needs to join the theme's only row or,
    as a leftover, its partner's row (two rare words shared by two long units do not make
    them alike when no stretch of one speaks to the other); both by default.
    `only_answered(unit, only)`: the test for the theme's only row alone, when it is not
    `answered` (plans and problems: a passage of the other side's one plan must answer the
    plan, though two plans on one subject meet as leftovers without; an achievement whose
    words name no subject needs evidence too, `_Context.only_answers`). `apart(a, b)`
    (`_apart_rule`): two units that never meet, one on a subject of its own the other
    never names. `evidenced(a, b)`: whether two units may be paired one to one, beyond
    their cosine (`_Context.evidenced`: one specific word in common at least).
    `overall` (plans only): the lexicon's overall themes, for `_same_subject`.
    """

    def meets(a: Unit, b: Unit) -> bool:
        return (
            not by_subject
            or _same_subject(a, b, overall, lambda: _cosine(vectors[id(a)], vectors[id(b)]))
        ) and (apart is None or not apart(a, b))

    def joins(unit: Unit, partner: Unit, sim: float) -> bool:
        return (
            sim >= ATTACH_THRESHOLD
            and (supported is None or supported(unit, partner))
            and (answered is None or answered(unit, partner))
        )

    def only(unit: Unit, other: Unit) -> bool:
        test = only_answered or answered
        return test is None or test(unit, other)

    sims: list[list[float]] = []
    for a in ua:
        check()  # a row of cosines at a time: ua × ub can be millions
        sims.append([_cosine(vectors[id(a)], vectors[id(b)]) if meets(a, b) else 0.0 for b in ub])

    def fits(
        unit: Unit,
        k: int,
        group_of: dict[int, int],
        rows: list[tuple[list[Unit], list[Unit]]],
        side: int,
    ) -> bool:
        """A leftover may join the row of partner k only if it meets every unit there."""
        if (not by_subject and apart is None) or k not in group_of:
            return True
        return all(meets(unit, u) for u in rows[group_of[k]][side])

    candidates = sorted(
        ((sims[i][j], i, j) for i in range(len(ua)) for j in range(len(ub))),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    # each unit's first choice on the other side (the first of equals)
    first_of_a = [row.index(max(row)) for row in sims] if ub else []
    first_of_b = [column.index(max(column)) for column in map(list, zip(*sims, strict=True))]
    # plans: each one's first choice among those whose main subject is its own (光明's plan on
    # 执法, 督察 and 队伍 is most like 咸宁's 学习 plan on their common words, and is still the
    # one 咸宁's 执法 plan is answered by)
    main_a = [_main_subject(u) for u in ua] if by_subject else []
    main_b = [_main_subject(u) for u in ub] if by_subject else []

    def first_on_subject(
        sims_of: Sequence[float], main: str | None, mains: Sequence[str | None]
    ) -> int:
        best, at = 0.0, -1
        for k, sim in enumerate(sims_of):
            if main is not None and mains[k] == main and sim > best:
                best, at = sim, k
        return at

    if by_subject:
        subject_first_a = [first_on_subject(sims[i], main_a[i], main_b) for i in range(len(ua))]
        # the columns again, for plans only (few): the pass above keeps none, as the
        # likenesses of achievements can be millions; none when A has no unit on the theme,
        # and then no candidate either
        subject_first_b = [
            first_on_subject(list(column), main_b[j], main_a)
            for j, column in enumerate(zip(*sims, strict=True))
        ]
    group_of_a: dict[int, int] = {}
    group_of_b: dict[int, int] = {}
    groups: list[tuple[list[Unit], list[Unit]]] = []
    for n, (sim, i, j) in enumerate(candidates):
        if sim < ATTACH_THRESHOLD:
            break
        if not n % 4096:  # most candidates cost a comparison or two: ask now and then
            check()
        mutual = (first_of_a[i] == j and first_of_b[j] == i) or (
            by_subject and subject_first_a[i] == j and subject_first_b[j] == i
        )
        if sim < pair_threshold(ua[i], ub[j], by_subject, mutual):
            continue
        if i in group_of_a or j in group_of_b:
            continue
        if first_of_a[i] != j and first_of_b[j] != i:
            continue  # a second choice of both: each joins its first choice's row instead
        if evidenced is not None and not evidenced(ua[i], ub[j]):
            continue  # alike on the genre's common words alone: no pair, each a leftover
        group_of_a[i] = group_of_b[j] = len(groups)
        groups.append(([ua[i]], [ub[j]]))
    # side 0 is A, side 1 is B; sim_of(side, i, k): unit i of that side with unit k of the other
    own_units, other_units = (ua, ub), (ub, ua)
    own_group, other_group = (group_of_a, group_of_b), (group_of_b, group_of_a)

    def sim_of(side: int, i: int, k: int) -> float:
        return sims[i][k] if side == 0 else sims[k][i]

    gaps: tuple[set[int], set[int]] = (set(), set())

    def place(side: int, i: int) -> None:
        """A leftover joins its most alike unit's row, or the theme's only row, or a gap."""
        check()
        unit, others = own_units[side][i], other_units[side]
        partner_group = other_group[side]
        # the other side's one unit on the theme, not counting those on a subject of their
        # own this unit never names (`apart`): 株洲's 生态环境 item beside its one item on
        # 营商环境 and 政务服务 does not make 咸宁's 政务服务 section one of two choices
        open_to = [k for k in range(len(others)) if apart is None or not apart(unit, others[k])]
        only_one = open_to[0] if len(open_to) == 1 else None
        best = max(
            (k for k in range(len(others)) if fits(unit, k, partner_group, groups, 1 - side)),
            key=lambda k: sim_of(side, i, k),
            default=None,
        )
        if (
            best is not None
            and best in partner_group
            and joins(unit, others[best], sim_of(side, i, best))
        ):
            groups[partner_group[best]][side].append(unit)
        elif (
            only_one is not None
            and only_one in partner_group
            and all(meets(unit, u) for u in groups[partner_group[only_one]][1 - side])
            and only(unit, others[only_one])
        ):
            # all the other side says on the theme is one unit
            groups[partner_group[only_one]][side].append(unit)
        else:
            gaps[side].add(i)

    # The leftovers of both sides, most alike to the other side first: one joining a row
    # decides which others still fit it (`fits`), so neither report goes first.
    leftovers = [
        (side, i)
        for side in (0, 1)
        for i in range(len(own_units[side]))
        if i not in own_group[side]
    ]
    leftovers.sort(
        key=lambda s: (
            -max((sim_of(s[0], s[1], k) for k in range(len(other_units[s[0]]))), default=0.0),
            _rank(own_units[s[0]][s[1]]),
        )
    )
    for side, i in leftovers:
        place(side, i)
    if siblings:  # parts of one section's work on the theme: `_join_siblings`
        _join_siblings(groups, gaps, own_units, other_units, meets)
    gaps_a = [u for i, u in enumerate(ua) if i in gaps[0]]
    gaps_b = [u for j, u in enumerate(ub) if j in gaps[1]]
    if gaps_a:
        groups.append((gaps_a, []))
    if gaps_b:
        groups.append(([], gaps_b))
    for units_a, units_b in groups:
        units_a.sort(key=lambda u: u.order)
        units_b.sort(key=lambda u: u.order)
    groups.sort(key=lambda g: (g[0][0].order if g[0] else math.inf, g[1][0].order if g[1] else 0))
    return groups


def _parent(unit: Unit) -> str | None:
    """The section an item is listed in (its 一是…四是 share one heading), None for no item."""
    return unit.node_id.rsplit("#", 1)[0] if unit.kind == "item" else None


def _join_siblings(
    groups: list[tuple[list[Unit], list[Unit]]],
    gaps: tuple[set[int], set[int]],
    own_units: tuple[Sequence[Unit], Sequence[Unit]],
    other_units: tuple[Sequence[Unit], Sequence[Unit]],
    meets: Callable[[Unit, Unit], bool],
) -> None:
    """Items left a gap join the row of their sibling items, when the other side says all it
    says on the theme in one unit. A section's 一是…四是 on one theme are the parts of one
    piece of work its heading names (全面实施"八五"普法规划: 普法责任清单, 重点对象普法, 普法宣传,
    法律明白人), and a report that gives the theme one unit (株洲's one 普法 item, 宝鸡's one
    chapter on 社会治理) answers the section as a whole: a reader sets every part against
    it, though a short part (培育"法律明白人"3249人) shares no word with it. So once one
    sibling is in that unit's row, the others on the theme are too, rather than gaps that
    say the other report has nothing like them. Only items whose own words name a subject
    (an item on the theme by its heading alone proves nothing, `_Context.only_answers`), and
    only where the other side has that one unit on the theme, subjects of their own
    included: where it writes the theme in several units it answers the parts one by one,
    by likeness. Not on a theme of the report's overall direction (`Theme.overall`: 党的领导):
    it gathers works of their own (学法, 第一责任人, 督察, 统筹部署), and a report's one unit
    on it is on one of them (龙华's 统筹部署 chapter), no answer to 株洲's 领导干部学法 item for
    its sibling on 组织领导 being like it (the caller passes `siblings=False` there)."""
    for side in (0, 1):
        others = other_units[side]
        if len(others) != 1:
            continue
        row = next((group for group in groups if others[0] in group[1 - side]), None)
        if row is None:
            continue
        parents = {_parent(u) for u in row[side]} - {None}
        for i in sorted(gaps[side]):
            unit = own_units[side][i]
            if unit.themes and _parent(unit) in parents and meets(unit, others[0]):
                row[side].append(unit)
                gaps[side].discard(i)


def _host_siblings(
    gap: Sequence[Unit], hosts: Sequence[Unit], rows: list[tuple[list[Unit], list[Unit]]]
) -> None:
    """`_join_siblings` for a gap the other side covers only within one unit on another theme
    (`_host_rows`' one host): items of the gap whose sibling items that host meets meet it
    too (宝鸡 §一, on 统筹推进, also speaks of 普法 and hosts three of 咸宁's four 普法 items;
    the fourth, on 法律明白人, is a part of the same work). Rows of several hosts are left as
    they are: each host answers the items its passages are like."""
    if len(hosts) != 1 or not rows:
        return
    met = {id(u) for guests, _ in rows for u in guests}
    for unit in gap:
        if id(unit) in met or not unit.themes or _parent(unit) is None:
            continue
        guests = next((g for g, _ in rows if any(_parent(u) == _parent(unit) for u in g)), None)
        if guests is not None:
            guests.append(unit)
            guests.sort(key=lambda u: u.order)


def _general_name(theme: Theme) -> str:
    """The first of a theme's names (行政执法, 政府职能): it says only the theme, and a keyword
    inside it names no piece of its work."""
    return theme.name.split("·")[0].strip()


def _named_work(
    unit: Unit, report: Report, theme: Theme, lexicon: Lexicon
) -> tuple[frozenset[str], frozenset[str]]:
    """The pieces of work of `theme` a unit's own heading names, and those it and its
    section's heading name for an item (咸宁's 一是着力打造公平竞争环境 under 营商环境更优良:
    公平竞争; 公平竞争 and 营商环境): the theme's keywords in them, but for those inside the
    theme's own general name, the first of its names (行政执法, 政府职能), which say only
    the theme."""
    general = _general_name(theme)
    own = {keyword for keyword, _ in theme.keywords}

    def named(heading: str) -> frozenset[str]:
        return frozenset(k for k in lexicon.hits(heading) if k in own and k not in general)

    mine = named(unit.heading)
    if (section_id := _parent(unit)) is not None and (section := report.find(section_id)):
        return mine, mine | named(section.heading)
    return mine, mine


def _gaps_on_named_work(rows: list[Pair], context: _Context, theme: Theme) -> list[Pair]:
    """One theme's rows, its units of both reports left gaps (no row of their own theme, no
    host) meeting when their headings name one piece of its work (`_named_work`): 咸宁's
    items under 营商环境更优良 (公平竞争, 市场主体获得感) and 光明's item 法治化营商环境持续优化
    share no word but the work they report, and a reader sets them side by side, not as
    gaps said to have nothing like them. Each unit of A joins the first of B's it shares a
    named piece of work with; what stays apart stays a gap, as it was."""
    gap_a = next((r for r in rows if r.a and not r.b and not r.secondary), None)
    gap_b = next((r for r in rows if r.b and not r.a and not r.secondary), None)
    if gap_a is None or gap_b is None:
        return rows
    lexicon = context.lexicon
    work_b = [(u, _named_work(u, context.b, theme, lexicon)) for u in gap_b.b]
    met: dict[int, list[Unit]] = {}
    for unit in gap_a.a:
        mine, with_section = _named_work(unit, context.a, theme, lexicon)
        # (one side's own heading names it: two sections' headings alike, 全面推进严格规范
        # 公正文明执法 twice, are the genre's chapter, no piece of work their items share)
        partner = next(
            (
                i
                for i, (_, (theirs, theirs_with_section)) in enumerate(work_b)
                if (mine & theirs_with_section) or (with_section & theirs)
            ),
            None,
        )
        if partner is not None:
            met.setdefault(partner, []).append(unit)
    if not met:
        return rows
    placed = {id(u) for units in met.values() for u in units} | {id(work_b[i][0]) for i in met}
    kept: list[Pair] = []
    for row in rows:
        if row is gap_a:
            # the new rows where A's gap stood, in A's order
            kept += [
                _pair(theme.id, units, [work_b[i][0]], context=context)
                for i, units in sorted(met.items(), key=lambda m: m[1][0].order)
            ]
        if row is gap_a or row is gap_b:
            if (rest := _gap_without(row, placed, context)) is not None:
                kept.append(rest)
        else:
            kept.append(row)
    return kept


def _gap_without(gap: Pair, gone: set[int], context: _Context) -> Pair | None:
    """A gap row without the units (by id) that have found a row elsewhere, saying what it
    said of the other report; None when none is left."""
    units_a = [u for u in gap.a if id(u) not in gone]
    units_b = [u for u in gap.b if id(u) not in gone]
    if not units_a and not units_b:
        return None
    return _pair(
        gap.theme,
        units_a,
        units_b,
        covered_by=gap.covered_by,
        has_theme=gap.other_has_theme,
        mentioned_in=gap.mentioned_in,
        context=context,
    )


def _paragraph(report: Report, unit: Unit, index: int) -> str:
    if unit.kind == "closing":
        return report.closing[index] if index < len(report.closing) else ""
    section = report.find(unit.node_id.split("#")[0])
    return section.paragraphs[index] if section and index < len(section.paragraphs) else ""


_SentenceTerms = tuple[tuple[int, int, int, int, Counter[str]], ...]
_SENTENCES: LruCache[tuple[str, str], _SentenceTerms] = LruCache(4096)  # units' sentences


def _sentences(report: Report, unit: Unit) -> _SentenceTerms:
    """The unit's sentences in order: (paragraph, start, end, CJK characters, tokens),
    cached by the report's content and the unit's key."""
    key = (report.sha256, unit.key)
    cached = _SENTENCES.get(key)
    if cached is not None:
        return cached
    sentences: list[tuple[int, int, int, int, Counter[str]]] = []
    for paragraph, start, end in unit.spans:
        text = _paragraph(report, unit, paragraph)
        for match in _SENTENCE.finditer(text[start:end]):
            size = cjk_len(match.group())
            if size >= _MIN_UNIT_CHARS:
                s, e = start + match.start(), start + match.end()
                sentences.append((paragraph, s, e, size, Counter(_tokenize(text[s:e]))))
    found = tuple(sentences)
    _SENTENCES.put(key, found)
    return found


def _best_window(
    report: Report, unit: Unit, target: Mapping[str, float], size: int, idf: _Idf
) -> tuple[float, tuple[str, int, int, int] | None]:
    """The stretch of `unit` at least `size` CJK characters long (a run of its sentences
    within one paragraph, one sentence at least, so that no short sentence wins on one
    shared word) most like `target`: (cosine, (unit key, paragraph,
    start, end)), or (0.0, None) when no sentence shares a word with it."""
    check()  # every fit of two units comes here: one unit's windows between two checks
    sentences = _sentences(report, unit)
    best: tuple[float, tuple[str, int, int, int] | None] = (0.0, None)
    for index, (paragraph, start, _end, _size, _terms) in enumerate(sentences):
        terms: Counter[str] = Counter()
        length, end = 0, start
        for p, _s, e, n, t in sentences[index:]:
            if p != paragraph or (length and length >= size):
                break
            terms.update(t)
            length, end = length + n, e
        sim = _cosine(target, idf.vector(terms))
        if sim > best[0]:
            best = (sim, (unit.key, paragraph, start, end))
    return best


def _passage(
    report: Report, unit: Unit, target: Mapping[str, float], idf: _Idf, size: int = 0
) -> tuple[str, int, int, int] | None:
    """The stretch of `unit` (one sentence, or a run of them about `size` CJK characters
    long) most like `target`: (unit key, paragraph, start, end), None when no sentence
    shares a word with it."""
    return _best_window(report, unit, target, size, idf)[1]


def _fit(
    x: Unit,
    y: Unit,
    report_of: Callable[[Unit], Report],
    vector_of: Callable[[Unit], Mapping[str, float]],
    idf: _Idf,
) -> float:
    """How alike two units are, whatever their sizes: the cosine of the smaller with the
    larger's passage of its length (`_best_window`), or with the whole larger unit when that is more
    alike. A 40-character item set against a 400-character chapter is judged by the
    chapter's sentences that speak of what it speaks of, not diluted by the rest."""
    return max(_fit_parts(x, y, report_of, vector_of, idf))


def _fit_parts(
    x: Unit,
    y: Unit,
    report_of: Callable[[Unit], Report],
    vector_of: Callable[[Unit], Mapping[str, float]],
    idf: _Idf,
) -> tuple[float, float]:
    """`_fit`'s two likenesses apart: (the smaller with the whole larger, the smaller with
    the larger's most alike passage of its length)."""
    small, large = (x, y) if cjk_len(x.text) <= cjk_len(y.text) else (y, x)
    whole = _cosine(vector_of(small), vector_of(large))
    window, _ = _best_window(report_of(large), large, vector_of(small), cjk_len(small.text), idf)
    return whole, window


def _host_rows(
    gap: Sequence[Unit], hosts: Sequence[Unit], fit: Callable[[Unit, Unit], float]
) -> list[tuple[list[Unit], list[Unit]]]:
    """Rows for a gap the other side covers only as a secondary subject of `hosts`: (units
    of the gap, the hosts they meet). Each unit of the gap meets the hosts whose passages
    answer it (`_fit` at SECONDARY_THRESHOLD or more), best first, until their text is as
    long as its own, and units meeting the same hosts share a row: 咸宁's 40-character 普法
    item meets the one of 泾县's chapters whose 普法 sentence it is like, not every chapter
    touching 普法. With one host too, only the units its passages answer meet it: a row
    claims each of its units is like the other side's, so a unit no host answers meets
    none (it stays a gap that says where the theme is covered), even when another unit of
    the gap is like the host (光明's 人大政协监督 and 政务公开 items do not meet 龙华's 执法投诉
    section because its 群众监督 sentence answers 光明's 执法监督 item).

    An item hosts no item: a secondary row is a chapter's other subject (宝鸡 §一 on 统筹推进
    also speaks of 普法), while an item is on what its own words say (`_Builder.add`), so
    its passing words on another theme are not a second subject to meet the other report's
    items on that theme by: 光明's 数字政府 item, whose 政务服务 words touch 政府职能, no
    longer meets 秦皇岛's items on 权责清单 and 信用 (nor, a loss, the one on 审批服务 that a
    reader pairs with it). A chapter still hosts an item, and an item a chapter."""
    sims = {
        (id(unit), k): 0.0 if unit.kind == host.kind == "item" else fit(unit, host)
        for unit in gap
        for k, host in enumerate(hosts)
    }
    alike = [
        k
        for k in range(len(hosts))
        if any(sims[(id(unit), k)] >= SECONDARY_THRESHOLD for unit in gap)
    ]
    rows: dict[tuple[int, ...], list[Unit]] = {}
    for unit in gap:
        size, taken = cjk_len(unit.text), 0
        chosen: list[int] = []
        for k in sorted(alike, key=lambda k: (-sims[(id(unit), k)], k)):
            if taken >= size or sims[(id(unit), k)] < SECONDARY_THRESHOLD:
                break
            chosen.append(k)
            taken += cjk_len(hosts[k].text)
        if chosen:
            rows.setdefault(tuple(sorted(chosen)), []).append(unit)
    return [(units, [hosts[k] for k in met]) for met, units in sorted(rows.items())]


WIDE_RATIO = 3  # a unit this many times longer than another of its theme may host it
WIDE_FIT = 0.10  # how alike its best passage must be to the smaller unit


def _wide_hosts(
    rows: Sequence[tuple[Sequence[Unit], Sequence[Unit]]],
    context: _Context,
    apart: Callable[[Unit, Unit], bool] | None = None,
) -> list[tuple[list[Unit], Unit, bool]]:
    """Second partners on one theme: a chapter several times longer than an item of the
    other report, not in the item's row, one of whose passages answers the item
    (`_fit` at WIDE_FIT), meets it too: a long chapter on 执法规范化 speaks of several of the
    other report's enforcement items, while a row holds each unit once, by its most alike
    partner. ([guest], host, whether the host is A's), one row a guest, by the host's place
    then the guest's."""
    row_of: dict[int, int] = {}
    for n, (group_a, group_b) in enumerate(rows):
        for unit in (*group_a, *group_b):
            row_of[id(unit)] = n
    side_a = [u for group_a, _ in rows for u in group_a]
    side_b = [u for _, group_b in rows for u in group_b]
    found: list[tuple[list[Unit], Unit, bool]] = []
    for guests, others, host_in_a in ((side_a, side_b, False), (side_b, side_a, True)):
        for guest in guests:
            check()  # a guest's hosts at a time: both sides can be thousands of units
            size = cjk_len(guest.text)
            for host in others:
                if (
                    row_of[id(host)] != row_of[id(guest)]
                    and cjk_len(host.text) >= WIDE_RATIO * size
                    and (apart is None or not apart(guest, host))
                    and context.supported(guest, host)
                    and context.fit(guest, host) >= WIDE_FIT
                ):
                    # a row of its own for each guest: each has its own passage of the host
                    found.append(([guest], host, host_in_a))
    return sorted(found, key=lambda row: (row[1].order, row[0][0].order))


# A keyword of at least this weight names one piece of its theme's work (规范性文件, 行政复议,
# 人民调解, 出庭应诉, 依法决策 …): a run of a long section sharing one with a unit on that theme has
# evidence enough to meet it (`_run_partners`)
NAMED_WORK_WEIGHT = 3.0
RUN_CHARS = 60  # a long section is read in runs of its sentences about an item's length
RUN_MIN_CHARS = 2 * RUN_CHARS  # a section this long is read in runs (two at least)
# how alike a run and a unit of the other report must be to meet: the bar at which a gap
# names its nearest unit of another theme
RUN_THRESHOLD = NEAREST_THRESHOLD
# a leftover joining the row of a section more than this many times its length needs a
# passage of it to answer it better than the whole section (`_Context.passage_answers`)
PASSAGE_RATIO = 2


def _runs(report: Report, unit: Unit) -> list[tuple[int, int, int, Counter[str]]]:
    """The unit's sentences gathered in order into runs of RUN_CHARS CJK characters or more
    (the last of a paragraph may be shorter), within one paragraph each: (paragraph, start,
    end, tokens)."""
    runs: list[tuple[int, int, int, Counter[str]]] = []
    size = RUN_CHARS
    for paragraph, start, end, length, terms in _sentences(report, unit):
        if runs and runs[-1][0] == paragraph and size < RUN_CHARS:
            _, first, _, gathered = runs[-1]
            gathered.update(terms)  # (the run's own Counter, made below)
            runs[-1] = (paragraph, first, end, gathered)
            size += length
        else:
            runs.append((paragraph, start, end, Counter(terms)))
            size = length
    return runs


def _run_partners(context: _Context, rows: Sequence[Pair]) -> list[tuple[Unit, Unit, bool]]:
    """Second partners of a long section, across themes: a section of RUN_MIN_CHARS or more
    speaks of several pieces of work one after another (泾县's flat section on 执法裁量权 and
    案卷评查, then 法治专项巡察 and its 整改), while the other report may write each as a unit
    of its own, on another theme than the section's (秦皇岛's 法治督察 section, under 党的领导).
    A row holds the section by its main theme only, so each run of its sentences (`_runs`)
    meets the unit of the other report it is most like, when:

    - they share EVIDENCE_MIN specific words (`_evidence`), or one keyword of the unit's
      theme that names a piece of its work (NAMED_WORK_WEIGHT: 规范性文件, 行政复议, 出庭应诉;
      a flat section gives such a piece one clause: 咸宁's 第一责任人 section, on the leaders'
      批示 on 人民调解 and 负责人出庭应诉 and their 述法, meets 光明's item on 出庭应诉), and of
      the units that do the unit is the most like the run, at RUN_THRESHOLD; or, when
      none is that alike, the unit's own heading names a piece of work the run speaks of
      (`heads_work`, the most alike of such units, at any likeness: a work report's
      依法行政 paragraph gives 规范性文件合法性审查 one clause, and a reader sets it beside
      the other report's section headed 加强规范性文件监管, on their 清理, though their words
      barely meet);
    - no row holds both yet;
    - the unit is less like each unit its rows already set it against (`_Context.fit`) than
      like the run: else its partner on that work is found already.

    An achievement meets achievements, a plan plans (a work report's 1,500-character plan
    chapter holds several), a problem problems (`stage`). (section, unit, whether the
    section is A's), once a pair, by the section's place then the unit's; two long sections
    meeting both ways, by the more alike run."""
    lexicon, idf, overall = context.lexicon, context.idf, context.overall
    met: dict[int, list[Unit]] = {}  # each unit's partners in the rows so far
    for row in rows:
        for x in row.a:
            for y in row.b:
                met.setdefault(id(x), []).append(y)
                met.setdefault(id(y), []).append(x)

    def stage(unit: Unit) -> str | None:
        """What a unit meets: an achievement on a subject theme achievements (""), a plan
        plans and a problem problems (its phase); one on no theme (其他: a work report's
        经济 chapter, sharing the genre's words with any) nothing (None)."""
        if unit.theme == OTHER_ID:
            return None
        return unit.theme if lexicon.theme(unit.theme).phase else ""

    # every word counts when the corpus cannot tell a specific one (`_Idf.telling`)
    specific = idf.specific if idf.telling else bool
    need = EVIDENCE_MIN if idf.telling else 1
    # (not `_named_work`, the pieces of work a heading names: these are what a theme's
    # heaviest keywords name, wherever they stand)
    work_words = {
        t.id: tuple(k for k, weight in t.keywords if weight >= NAMED_WORK_WEIGHT)
        for t in lexicon.themes
    }

    def names_work(unit: Unit, run_terms: Mapping[str, int]) -> bool:
        """Whether the run and the unit share a word naming a piece of the unit's theme's
        work (NAMED_WORK_WEIGHT): one such word is evidence enough."""
        return any(k in run_terms and k in unit.terms for k in work_words.get(unit.theme, ()))

    # the pieces of work a heading can name: not the words of its theme's own name (行政执法
    # names the theme, not a piece of it: `_named_work`)
    headed_words = {
        t.id: tuple(k for k in work_words[t.id] if k not in _general_name(t))
        for t in lexicon.themes
    }

    def heads_work(unit: Unit, run_terms: Mapping[str, int]) -> bool:
        """Whether the unit's heading names a piece of its theme's work the run speaks of."""
        return any(k in run_terms and k in unit.heading for k in headed_words.get(unit.theme, ()))

    found: dict[tuple[int, int], tuple[tuple[float, str], Unit, Unit, bool]] = {}
    for hosts, others, host_in_a in (
        (context.units_a, context.units_b, True),
        (context.units_b, context.units_a, False),
    ):
        # the other report's achievements by specific word: a run is set against those
        # sharing one with it, not against every unit of a long report
        by_word: dict[tuple[str, str], list[Unit]] = {}  # (stage, word)
        for unit in others:
            met_as = stage(unit)
            if met_as is None:
                continue
            for term in filter(specific, unit.terms):
                by_word.setdefault((met_as, term), []).append(unit)
        for host in hosts:
            met_as = stage(host)
            # an item is on one piece of work, what its own words say (`_Builder.add`)
            if host.kind == "item" or met_as is None or cjk_len(host.text) < RUN_MIN_CHARS:
                continue
            check()  # one section's runs at a time
            for _paragraph, _start, _end, terms in _runs(context.report_of(host), host):
                # the units sharing the specific words a partner needs (one, when the
                # corpus cannot tell them): counted on the index, before any cosine
                shared: Counter[int] = Counter()
                units: dict[int, Unit] = {}
                for term in terms:
                    for unit in by_word.get((met_as, term), ()):
                        shared[id(unit)] += 1
                        units[id(unit)] = unit
                candidates = [
                    units[i]
                    for i, count in shared.items()
                    if count >= need or names_work(units[i], terms)
                ]
                if not candidates:
                    continue
                vector = idf.vector(terms)
                best, best_sim = None, 0.0
                # the most alike, the first of equals in the report's order
                for unit in sorted(candidates, key=lambda u: u.order):
                    sim = _cosine(vector, context.vectors[id(unit)])
                    if sim > best_sim:
                        best, best_sim = unit, sim
                if best is None or best_sim < RUN_THRESHOLD:
                    headed = [u for u in candidates if heads_work(u, terms)]
                    if not headed:
                        continue
                    # the unit is on that work by its heading: no bar on likeness
                    best_sim, best = max(
                        ((_cosine(vector, context.vectors[id(u)]), u) for u in headed),
                        key=lambda c: (c[0], -c[1].order),
                    )
                elif (
                    idf.telling
                    and len(_shared_evidence(terms, best.terms, idf)) < EVIDENCE_MIN
                    and not names_work(best, terms)
                ):
                    continue
                if (
                    met_as == PLANS
                    and _is_general(best, overall)
                    and _law_words_apart(terms, best.terms)
                ):
                    # a general plan meets a plan only on a word of law (`_same_subject`), a
                    # run of one too: a work report's 忠诚于党 plan and a 法治 report's plan on
                    # 习近平法治思想 (the run's plan being spread over several fields makes no
                    # run of it general)
                    continue
                partners = met.get(id(best), ())
                if any(u is host for u in partners) or any(
                    context.fit(best, u) >= best_sim for u in partners
                ):
                    continue
                key = (id(host), id(best)) if host_in_a else (id(best), id(host))
                # met both ways (two long sections): by the more alike run, whichever is A
                mine = (-best_sim, host.key)
                if key not in found or mine < found[key][0]:
                    found[key] = (mine, host, best, host_in_a)
    return sorted(
        ((host, unit, host_in_a) for _, host, unit, host_in_a in found.values()),
        key=lambda f: (f[0].order, f[1].order),
    )


def _with_run_partners(
    pairs: Sequence[Pair], found: Sequence[tuple[Unit, Unit, bool]], context: _Context
) -> list[Pair]:
    """The rows with a secondary row for each of `_run_partners`' pairs, under the theme of
    the unit the section's run meets, after that theme's rows; a unit so met leaves its gap
    (the section speaks of it: the gap would say nothing does)."""
    if not found:
        return list(pairs)
    met = {id(unit) for _, unit, _ in found}
    rows: list[Pair] = []
    for pair in pairs:
        if pair.is_gap and any(id(u) in met for u in (*pair.a, *pair.b)):
            if (rest := _gap_without(pair, met, context)) is not None:
                rows.append(rest)
            continue
        rows.append(pair)
    for host, unit, host_in_a in found:
        row = ([host], [unit]) if host_in_a else ([unit], [host])
        rows.append(_pair(unit.theme, *row, secondary=True, hosts_in_a=host_in_a, context=context))
    place = {theme_id: n for n, theme_id in enumerate(context.lexicon.order)}
    rows.sort(key=lambda pair: place[pair.theme])  # stable: each theme's rows keep their order
    return rows


def _is_phase(units: Sequence[Unit], lexicon: Lexicon) -> bool:
    """Plans or problems (下一步, 存在问题): set against their kind, not against achievements."""
    return any(lexicon.theme(u.theme).phase for u in units)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every row of one comparison is made with."""

    a: Report
    b: Report
    units_a: tuple[Unit, ...]
    units_b: tuple[Unit, ...]
    lexicon: Lexicon
    idf: _Idf
    vectors: Mapping[int, dict[str, float]]
    top_k: int
    # the ids of A's units: which report a unit is of, in one look-up (a scan of A's units
    # on every call was 12.7 of a 10 MB report's 23 s)
    ids_a: frozenset[int] = field(init=False)
    # the keywords of the phase themes (存在问题, 不足, 主要表现在 …), for `problem_evidenced`
    phase_words: tuple[str, ...] = field(init=False)
    # the themes of a report's overall direction (`Theme.overall`), for `_is_general`
    overall: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids_a", frozenset(map(id, self.units_a)))
        words = (k for t in self.lexicon.themes if t.phase for k, _ in t.keywords)
        object.__setattr__(self, "phase_words", tuple(words))
        overall = frozenset(t.id for t in self.lexicon.themes if t.overall)
        object.__setattr__(self, "overall", overall)

    def report_of(self, unit: Unit) -> Report:
        return self.a if id(unit) in self.ids_a else self.b

    def fit(self, x: Unit, y: Unit) -> float:
        return max(self.fit_parts(x, y))

    def fit_parts(self, x: Unit, y: Unit) -> tuple[float, float]:
        return _fit_parts(x, y, self.report_of, lambda u: self.vectors[id(u)], self.idf)

    def supported(self, x: Unit, y: Unit) -> bool:
        """`_supported`, and for achievements a specific word in common (`evidenced`): the
        pair bar reached on the genre's common words alone is no evidence either."""
        return self.evidenced(x, y) and self.alike(x, y)

    def alike(self, x: Unit, y: Unit) -> bool:
        return _supported(x, y, self.vectors[id(x)], self.vectors[id(y)], self.idf)

    def evidenced(self, x: Unit, y: Unit) -> bool:
        """Whether two achievements alike at the pair bar may be paired, or one join the
        other's row or host it: they share one specific word at least (`_evidenced`). Two
        enforcement items share 行政执法, 执法, 规范 with every other enforcement item; at
        cosine 0.05–0.12 on those alone (综合执法改革 against 执法人员资格考试) the two are
        each other's nearest, not alike. Plans meet by subject and need none."""
        return _evidenced(x, y, self.idf)

    def plan_supported(self, x: Unit, y: Unit) -> bool:
        """Whether a plan (or problem) left over may join its most alike plan's row: by
        subject when its own words name one (`_same_subject` has let it meet), else on
        evidence as an achievement does (`supported`). 不够 and 存在 make every two problems
        alike by cosine; a problem of 人员力量 or 亮点不多 names no subject, so the words it
        shares with an enforcement problem are all there is to go by."""
        # plans share only the genre's words (考评 plans meet leadership plans): the pair
        # bar or two specific words, as before, not one word of their own besides. A plan
        # on work of its own (`_unplaced`: a work report's 1,600-character plan on 民生)
        # shares two such words with any plan by its length alone (力度, 培训, 多渠道 with a
        # 法治人才队伍 plan): it joins a row at the pair bar by cosine only
        if _unplaced(x):
            return _cosine(self.vectors[id(x)], self.vectors[id(y)]) >= PAIR_THRESHOLD
        return bool(_subjects(x)) or self.alike(x, y)

    def problem_evidenced(self, x: Unit, y: Unit) -> bool:
        """Whether two problems may be paired one to one, or one join the other side's only
        problem row (`problem_answered`): both name a subject (`_same_subject` has let them
        meet), or they share a specific word (`_evidence`) that is not part of a phase
        theme's keyword (存在 of 存在问题, 不足, 不够, 尚未, 表现 of 主要表现在): every problem
        is said in those, so they are no subject two share. A work report's problems of
        支柱产业转型 or 核心技术 name no subject of the lexicon and share only such words with
        泾县's problems of 复议 and 执法; 光明's problems of 人员力量 and 不够均衡 still meet
        宝鸡's of 法治思维 and 不均衡 on their words."""
        if _subjects(x) and _subjects(y):
            return True
        return any(
            not any(word in keyword for keyword in self.phase_words)
            for word in _evidence(x, y, self.idf)
        )

    def plan_answered(self, x: Unit, only: Unit) -> bool:
        """Whether the other side's one plan (or problem) on the phase takes `x` into its row:
        by subject when both name one (`_same_subject` has let them meet: 宝鸡's 基层执法 problem
        and 咸宁's problem paragraph on 执法 share no passage), else when a passage answers it
        (`answers`): a plan naming no subject is no counterpart of one on a subject for being
        a plan either way (秦皇岛's one plan sentence, 持续推进依法行政, 全面提升法治政府建设质效,
        takes another report's general plan, not its plans on 执法 or 复议应诉)."""
        return (bool(_subjects(x)) and bool(_subjects(only))) or self.answers(x, only)

    def problem_answered(self, x: Unit, only: Unit) -> bool:
        """`plan_answered` for problems, on evidence beyond the phase's words when one of
        the two names no subject (`problem_evidenced`)."""
        return self.plan_answered(x, only) and self.problem_evidenced(x, only)

    def backed_fit(self, x: Unit, y: Unit) -> float:
        """`fit` where `supported` and `hosted`, 0.0 elsewhere: a host chapter meets a unit
        of a gap only on evidence, not because one of its sentences shares one word with
        the unit."""
        return self.fit(x, y) if self.supported(x, y) and self.hosted(x, y) else 0.0

    def hosted(self, x: Unit, y: Unit) -> bool:
        """Whether a unit and a text on another theme share the HOST_EVIDENCE_MIN specific
        words a secondary row asks (`_hosted`)."""
        return _hosted(x, y, self.idf)

    def answers(self, unit: Unit, only: Unit) -> bool:
        """Whether the other side's only unit on the theme answers `unit`, as a host answers a
        gap (`_host_rows`): one of its passages is SECONDARY_THRESHOLD alike. 秦皇岛's items
        on 信用 and 双随机 share no word with 宝鸡's one chapter on 政府职能: they do not join
        its row for being on the theme; nor does 光明's problem of 营商环境 join 株洲's one
        problem paragraph (习近平法治思想, 职能, 执法) for being a problem."""
        return self.fit(unit, only) >= SECONDARY_THRESHOLD

    def passage_answers(self, unit: Unit, partner: Unit) -> bool:
        """Whether a leftover may join its partner's row by what the partner says (`answers`),
        and, when the partner is a long section (RUN_MIN_CHARS, more than PASSAGE_RATIO times
        the leftover's length), says in one passage: the partner's stretch of the leftover's
        length most like it (`_best_window`) is at least as like it as the whole section. A
        flat section on several pieces of work shares words with many of the other report's
        units, scattered over its subjects; a reader pairs it with the units one of its
        passages speaks to, and only there is a passage as alike as the whole. A row is n-to-m,
        so a leftover joining it is claimed like every unit of the other side there: 咸宁's
        学习 section, whose words are spread over 泾县's 第一责任人 section, no longer joins
        the row where that section and 泾县's 统筹部署 section meet 咸宁's 第一责任人 section (a run of
        the section meets it in a row of its own, `_run_partners`)."""
        small = cjk_len(unit.text)
        if cjk_len(partner.text) <= small:
            return self.answers(unit, partner)
        whole, window = self.fit_parts(unit, partner)  # (the partner the larger)
        if max(whole, window) < SECONDARY_THRESHOLD:
            return False
        long = partner.kind == "section" and cjk_len(partner.text) >= max(
            RUN_MIN_CHARS, PASSAGE_RATIO * small + 1
        )
        return not long or window >= whole

    def only_answers(self, unit: Unit, only: Unit) -> bool:
        """Whether the theme's only row takes an achievement: a passage answers it
        (`answers`), and when its own words name no subject it is also alike on evidence
        (`supported`), as a leftover joining a row is. Such a unit is on the theme only by
        its chapter's heading (an item on 破产案件结案率 under 优化营商环境): that is no
        claim to be like the other report's one unit on the theme, and a passage sharing
        one word (改革) with it is none either; the plans' rule alike (`plan_answered`)."""
        return self.passage_answers(unit, only) and (
            bool(unit.themes) or self.supported(unit, only)
        )


def _pair(
    theme_id: str,
    group_a: Sequence[Unit],
    group_b: Sequence[Unit],
    *,
    secondary: bool = False,
    hosts_in_a: bool | None = None,
    covered_by: tuple[Unit, ...] = (),
    has_theme: bool = True,
    mentioned_in: tuple[Unit, ...] = (),
    context: _Context,
) -> Pair:
    """One row: its keywords; a secondary row's passages (in each host, the stretch at least
    as long as the shortest unit it meets that answers them most); a gap's nearest unit on
    the other side."""
    lexicon, idf, vectors = context.lexicon, context.idf, context.vectors
    va, vb = idf.vector(_merged(group_a)), idf.vector(_merged(group_b))
    shared, only_a, only_b = _keywords(va, vb, context.top_k)
    passages: list[tuple[str, int, int, int]] = []
    if secondary:  # the hosts: the side whose units are here for another theme
        if hosts_in_a is None:
            hosts_in_a = any(u.theme != theme_id for u in group_a)
        hosts, guests, target = (group_a, group_b, vb) if hosts_in_a else (group_b, group_a, va)
        size = min(cjk_len(u.text) for u in guests)
        found = (_passage(context.report_of(h), h, target, idf, size) for h in hosts)
        passages = [passage for passage in found if passage]
    nearest, nearest_sim = None, 0.0
    if not group_a or not group_b:
        here, there = (va, context.units_b) if group_a else (vb, context.units_a)
        gap = group_a or group_b
        subjects = {u.themes[0][0] for u in gap if u.themes}
        if _is_phase(gap, lexicon) and subjects:
            # a plan (or problem) no plan of the other side meets: set it against
            # the other side's achievements on the same subject
            there = (
                tuple(
                    u
                    for u in there
                    if not _is_phase((u,), lexicon) and any(u.covers(t) for t in subjects)
                )
                or there
            )
        for unit in there:
            sim = _cosine(here, vectors[id(unit)])
            if sim > nearest_sim:
                nearest, nearest_sim = unit, sim
        if nearest_sim < NEAREST_THRESHOLD:
            nearest, nearest_sim = None, 0.0
    return Pair(
        theme=theme_id,
        theme_name=lexicon.theme(theme_id).name,
        a=tuple(group_a),
        b=tuple(group_b),
        similarity=round(_cosine(va, vb), 4) if group_a and group_b else 0.0,
        shared_keywords=shared,
        only_a=only_a,
        only_b=only_b,
        nearest=nearest,
        nearest_similarity=round(nearest_sim, 4),
        other_has_theme=has_theme,
        covered_by=covered_by,
        mentioned_in=mentioned_in,
        secondary=secondary,
        passages=tuple(passages),
    )


def compare(
    a: Report,
    b: Report,
    corpus: Iterable[Report] = (),
    *,
    lexicon: Lexicon | None = None,
    top_k: int = TOP_KEYWORDS,
    idf: _Idf | None = None,
) -> Comparison:
    """Align report `a` with report `b` theme by theme, and match their figures.

    `corpus` is the open corpus the IDF is computed over (a and b are always part of it;
    a report given twice counts once); or `idf`, counted already (`govread.store`).
    Inside `cancelling.cancellable` it stops with `Cancelled` soon after that is asked.
    """
    lexicon = lexicon or load_lexicon()
    if idf is None:
        reports: dict[str, Report] = {}
        for report in (a, b, *corpus):
            reports.setdefault(report.id, report)
        idf = _Idf(
            unit.terms for report in reports.values() for unit in report_units(report, lexicon)
        )
    units_a, units_b = report_units(a, lexicon), report_units(b, lexicon)
    vectors = {id(u): idf.vector(u.terms) for u in (*units_a, *units_b)}
    context = _Context(a, b, units_a, units_b, lexicon, idf, vectors, top_k)
    pairs: list[Pair] = []
    overall = context.overall
    # each theme's rule for its subjects held apart, built once: its plans' rule uses them too
    apart_rules = _apart_rules(lexicon)
    plans_apart = _plans_apart(apart_rules)
    for theme_id in lexicon.order:
        ua = [u for u in units_a if u.theme == theme_id]
        ub = [u for u in units_b if u.theme == theme_id]
        if not ua and not ub:
            continue
        # plans and problems meet by subject (`_same_subject`): their short sentences share
        # the genre's common words, and the evidence rules would part true pairs of them;
        # only one that names no subject needs evidence to join a row, and the theme's only
        # row takes one only when a passage of it answers the plan, as for achievements
        phase = lexicon.theme(theme_id).phase
        apart = plans_apart if phase else apart_rules.get(theme_id)
        rows = _align_theme(
            ua,
            ub,
            vectors,
            phase,
            supported=context.plan_supported if phase else context.supported,
            answered=None if phase else context.passage_answers,
            only_answered=(
                (context.plan_answered if theme_id == PLANS else context.problem_answered)
                if phase
                else context.only_answers
            ),
            apart=apart,
            # plans meet by subject: two 普法 plans share only the genre's words; a problem
            # naming no subject needs a word beyond those of every problem
            evidenced=(
                (None if theme_id == PLANS else context.problem_evidenced)
                if phase
                else context.evidenced
            ),
            overall=overall if theme_id == PLANS else None,
            # parts of one piece of work, but not on the report's overall direction
            # (`_join_siblings`)
            siblings=not phase and not lexicon.theme(theme_id).overall,
        )
        wide = [] if phase or theme_id == OTHER_ID else _wide_hosts(rows, context, apart)
        theme_from = len(pairs)
        for group_a, group_b in rows:
            check()
            if group_a and group_b:
                pairs.append(_pair(theme_id, group_a, group_b, context=context))
                continue
            # Where the other report speaks of this theme outside its own rows of it
            # (宝鸡 §一 on 统筹推进 also covers 普法): those of its units whose passages
            # answer the gap's units meet them (a secondary row); the rest of the gap
            # stays a gap that names them.
            gap, others = (group_a, units_b) if group_a else (group_b, units_a)
            covered = (
                ()
                if theme_id == OTHER_ID
                else tuple(u for u in others if u.theme != theme_id and u.covers(theme_id))
            )
            planning = _is_phase(gap, lexicon)
            hosts = [u for u in covered if _is_phase((u,), lexicon) == planning]
            placed: set[int] = set()
            # a host meets a unit of the gap on evidence too (plans: by subject, as above)
            fit: Callable[[Unit, Unit], float] = context.fit if planning else context.backed_fit
            if apart is not None:  # a host names the subject of its own a unit is on
                fit = _unless_apart(fit, apart)
            host_rows = _host_rows(gap, hosts, fit)
            if not planning and not lexicon.theme(theme_id).overall:
                # a host of some of a section's items hosts the rest (`_host_siblings`)
                _host_siblings(gap, hosts, host_rows)
            for guests, met in host_rows:
                placed.update(id(u) for u in guests)
                row = (guests, met) if group_a else (met, guests)
                pairs.append(_pair(theme_id, *row, secondary=True, context=context))
            left = [u for u in gap if id(u) not in placed]
            if left:
                own = ub if group_a else ua
                has_theme = bool(covered or own)
                row = (left, []) if group_a else ([], left)
                # the other side speaks of the theme "only within" other sections when it
                # has no unit of its own on it; else its text is in another row of the theme
                where = () if own else covered
                # silent only when no word of it names the theme; else where it does
                passing = () if has_theme else tuple(u for u in others if theme_id in u.mentions)
                pairs.append(
                    _pair(
                        theme_id,
                        *row,
                        covered_by=where,
                        has_theme=has_theme,
                        mentioned_in=passing,
                        context=context,
                    )
                )
        if not phase and theme_id != OTHER_ID:
            # what is left a gap on both sides, headed on one piece of work, meets
            # (`_gaps_on_named_work`)
            pairs[theme_from:] = _gaps_on_named_work(
                pairs[theme_from:], context, lexicon.theme(theme_id)
            )
        for guests, host, host_in_a in wide:  # after the theme's own rows: second partners
            row = ([host], guests) if host_in_a else (guests, [host])
            pairs.append(
                _pair(theme_id, *row, secondary=True, hosts_in_a=host_in_a, context=context)
            )
    pairs = _with_run_partners(pairs, _run_partners(context, pairs), context)
    figures_a, figures_b = report_figures(a), report_figures(b)
    targets_a, targets_b = figure_targets(a, figures_a), figure_targets(b, figures_b)
    return Comparison(
        a=a,
        b=b,
        pairs=tuple(pairs),
        figures=tuple(pair_figures(figures_a, targets_a, figures_b, targets_b)),
        units_a=units_a,
        units_b=units_b,
        figures_a=tuple(figures_a),
        figures_b=tuple(figures_b),
        themes=tuple((t, lexicon.theme(t).name) for t in lexicon.order),
        targets_a=targets_a,
        targets_b=targets_b,
    )


def figure_targets(report: Report, figures: Sequence[Figure]) -> tuple[bool, ...]:
    """Which of a report's figures state a plan or target (`plan_phase.target_test`)."""
    is_target = target_test(report)
    return tuple(is_target(figure) for figure in figures)


def pair_figures(
    figures_a: Sequence[Figure],
    targets_a: Sequence[bool],
    figures_b: Sequence[Figure],
    targets_b: Sequence[bool],
) -> list[FigurePair]:
    """A's and B's figures paired (`match_figures`), results with results and targets with
    targets: next year's 出庭应诉率100% planned is never set beside a rate achieved."""
    pairs = match_figures(
        [f for f, t in zip(figures_a, targets_a, strict=True) if not t],
        [f for f, t in zip(figures_b, targets_b, strict=True) if not t],
    )
    pairs += match_figures(
        [f for f, t in zip(figures_a, targets_a, strict=True) if t],
        [f for f, t in zip(figures_b, targets_b, strict=True) if t],
        target=True,
    )
    return pairs


def hosts_side(pair: Pair, units: Sequence[Unit]) -> bool:
    """Whether `units`, one side of `pair`, are a secondary row's hosts: here for a theme not
    their main one, or a long unit of the row's theme whose passage answers the other side's
    (`_wide_hosts`)."""
    if not pair.secondary or not units:
        return False
    hosts = {key for key, *_ in pair.passages}
    return all(u.theme != pair.theme for u in units) or any(u.key in hosts for u in units)


def pair_passages(
    comparison: Comparison, pair: Pair
) -> tuple[tuple[Unit, int, int, int, str], ...]:
    """A secondary row's passages: (host unit, paragraph, start, end, the passage's text)."""
    found: list[tuple[Unit, int, int, int, str]] = []
    for key, paragraph, start, end in pair.passages:
        host = next(u for u in (*pair.a, *pair.b) if u.key == key)
        report = comparison.a if host in pair.a else comparison.b
        found.append((host, paragraph, start, end, _paragraph(report, host, paragraph)[start:end]))
    return tuple(found)


def _minimal_header(report: Report) -> dict[str, object]:
    return {"region": report.region, "year": report.year, "title": report.display_title}


def to_jsonable(
    comparison: Comparison,
    header: Callable[[Report], dict[str, object]] | None = None,
    pairs: Iterable[Pair] | None = None,
) -> dict[str, object]:
    """The comparison as plain JSON data (`header` describes a report; the CLI passes its
    own); `pairs` (default: all) chooses the rows, the figures are the whole comparison's."""
    describe = header or _minimal_header

    def unit(u: Unit) -> dict[str, object]:
        return {"number": u.number, "heading": u.heading, "id": u.node_id, "kind": u.kind}

    def passages(pair: Pair) -> list[dict[str, object]]:
        return [
            {"id": host.node_id, "number": host.number}
            | {"paragraph": paragraph, "start": start, "end": end, "text": text}
            for host, paragraph, start, end, text in pair_passages(comparison, pair)
        ]

    return {
        "a": describe(comparison.a),
        "b": describe(comparison.b),
        "pairs": [
            {
                "theme": p.theme_name,
                "theme_id": p.theme,
                "a": [unit(u) for u in p.a],
                "b": [unit(u) for u in p.b],
                "similarity": p.similarity,
                # a gap's words "only on one side" say nothing (as every other format)
                "shared_keywords": [] if p.is_gap else list(p.shared_keywords),
                "only_a": [] if p.is_gap else list(p.only_a),
                "only_b": [] if p.is_gap else list(p.only_b),
                "gap": None if not p.is_gap else ("b" if p.a else "a"),
                "other_has_theme": p.other_has_theme if p.is_gap else True,
                "covered_in": [unit(u) for u in p.covered_by],
                "mentioned_in": [unit(u) for u in p.mentioned_in],
                "secondary": p.secondary,
                "passages": passages(p),
                "nearest": unit(p.nearest) | {"similarity": p.nearest_similarity}
                if p.nearest
                else None,
            }
            for p in (comparison.pairs if pairs is None else pairs)
        ],
        "figures": [
            {
                "label": f.label,
                "a": f.a.text,
                "b": f.b.text,
                "unit": f.a.unit,
                "a_value": f.a.value,
                "b_value": f.b.value,
                "a_label": f.a.label,
                "b_label": f.b.label,
                "approximate": f.a.approximate or f.b.approximate,
                "target": f.target,
            }
            for f in comparison.figures
        ],
    }

"""Where a report speaks of plans rather than of the year's results: one rule for every reader.

A report on year N closes with what it means to do next: a section headed 下一步 / 工作安排 /
工作计划 / 打算 / 思路, or naming a later year (2023年度…主要工作安排 in a 2022 report), or a
paragraph that opens 下一步 / 今后 / 明年 / 2023年,…将. Everything from there on is plan. A
figure in a plan, or introduced as a target (确保 / 力争 / 争取 / 目标) in a sentence that
looks ahead (力争, 年底前, a later year, 下一步 …), states a target, not a result.

The checklist (govread.checklist) finds its 下一年度工作安排 part with the same rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from govread.figures import Figure
from govread.parsers.model import Report, Section
from govread.parsers.numerals import read_years
from govread.topics import OTHER_ID, Lexicon

# the phase themes of next year's plans and of a report's shortcomings (govread/data/topics.toml)
PLANS = "next_steps"
PROBLEMS = "problems"
YEAR = re.compile(r"(?<!\d)(\d{4})年")
# the words that turn to next year's plans, in a heading or opening a sentence (the
# comparison's sentence test reads them too)
NEXT_WORDS = r"下一步|下一?阶段|下一年度?|下步|今后|明年"
NEXT_HEADING = re.compile(
    NEXT_WORDS + r"|新的一年|来年|未来(?:工作|一年)"
    r"|(?:工作|主要|重点)(?:安排|打算|计划|思路|设想|任务)|工作展望|(?:安排|打算)$"
)
NEXT_OPENING = re.compile(f"^(?:{NEXT_WORDS}|新的一年|来年|展望)")
# the year's tasks as the object of work done (紧盯重点任务, 积极落实依法行政工作任务, 明确工作任务):
# a heading over the year's results, not over plans; a few words may stand between the verb
# and the tasks (no clause mark: the heading's first clause is read)
_TASKS_DONE = re.compile(
    r"(?:落实|完成|明确|紧盯|盯紧|聚焦|围绕|紧扣|抓好|抓实|狠抓|推进|压实|细化|分解)"
    r"[\u4e00-\u9fff]{0,8}?(?:工作|主要|重点)任务"
)
_NEXT = re.compile(NEXT_WORDS)
# a heading over a report's shortcomings (存在的问题, 面临的困难和问题, 问题与不足); the checklist's too
SHORTCOMING_HEADING = re.compile(
    r"不足|短板|弱项|差距|薄弱|存在(?:的)?(?:主要)?(?:困难|问题)|问题(?:和|与|及)(?:不足|困难)"
    r"|困难(?:和|与|及)问题"
)
# a heading's title of a document or period (《…实施方案(2021—2025年)》, 2021-2025年) names no
# year of plans
_TITLE_OR_PERIOD = re.compile(r"《[^《》]{0,80}》|\d{4}\s{0,2}[—–\-－~至到]{1,2}\s{0,2}\d{4}")
# what ends a clause: a heading's first clause names its subject; a line with one is no title
_CLAUSE_MARKS = re.compile(r"[。，,；;：:！!？?]")
# a phase's words in a heading: one keyword the lexicon weighs 2 or more (存在问题, 下一步, 短板),
# not 将 or 不够 alone (将法治建设纳入…规划 heads a year's work)
HEADING_PHASE_MIN = 6.0
SENTENCE = re.compile(r"[^。!\uff01?\uff1f;\uff1b\n]+[。!\uff01?\uff1f;\uff1b]?")
# what introduces a number as a target, and what says a sentence looks ahead
_TARGET_WORD = re.compile(r"确保|力争|争取|目标")
_AHEAD = re.compile(r"力争|(?:年底|年末|年内)前|下一步|下阶段|今后|明年|新的一年|来年")
# A bound set as a rule (明确…申办率不低于50%, 申办率应不低于90%): a quota, not a result
# (满意率均不低于95% reports one); the bound right before the number, the rule before it
_BOUND_BEFORE = re.compile(r"(?:不低于|不少于|不得低于|不得少于|不超过|不得超过|不高于)\s?$")
_SET_AS_RULE = re.compile(r"明确|要求|规定(?![的了])|应当?|须|必须")


def later_year(text: str, year: int | None) -> bool:
    """Whether the text names a year after the report's (2023年 in a 2022 report; ２０２３年,
    二〇二三年 too)."""
    return year is not None and any(int(m.group(1)) > year for m in YEAR.finditer(read_years(text)))


def heading_phase(
    heading: str,
    year: int | None,
    lexicon: Lexicon,
    seen: dict[str, dict[str, int]] | None = None,
) -> str | None:
    """The phase a heading opens (存在的问题, 下一步工作), or None: its words (the lexicon's, then
    the plan and shortcoming headings the checklist and the figures' targets read), else a
    later year (2024年法治政府建设重点 in a 2023 report is next year's plans). The comparison
    (and so the timeline) and the coverage table read it, so they agree with `check` and
    `figures` on which chapters are plans. `seen` remembers the heading's keyword hits
    (`Lexicon.score`)."""
    scores = lexicon.score(heading, seen=seen)
    phase = lexicon.best(scores, phase=True)
    if phase != OTHER_ID and scores[phase] >= HEADING_PHASE_MIN:
        return phase
    if is_plan_heading(heading, year):
        return PLANS
    if SHORTCOMING_HEADING.search(heading):
        return PROBLEMS
    return None


def opens_plan(sentence: str, year: int | None) -> bool:
    """下一步… / 下阶段… / 2024年,…将 (in a 2023 report), or a plan heading written as a
    line of its own with no number (2024年主要工作任务): the plans for next year begin."""
    stripped = sentence.strip()
    if NEXT_OPENING.match(stripped) or plan_title(stripped, year):
        return True
    opening = YEAR.match(read_years(stripped))
    return bool(opening and year is not None and int(opening.group(1)) > year and "将" in stripped)


# A heading with no number that the outline reads as a paragraph: a short line, no sentence
_TITLE_LINE = 24


# a line opening with a year and words, not a date (2020年发展形势和总体要求, not 2024年2月29日)
_YEAR_TITLE = re.compile(
    r"(\d{4})年(?:度)?(?![\d〇零一二三四五六七八九十]{1,3}月)[\u4e00-\u9fff]{2}"
)


def plan_title(paragraph: str, year: int | None) -> bool:
    """A paragraph that is a plan heading with no number (2020年主要工作任务, 下一步工作打算,
    2020年发展形势和总体要求 in a 2019 report): the chapters after it are plans too, whatever
    their own headings say. Its words say so, or the later year it opens with, as a numbered
    heading's would (a later year in a date is no plan: 2024年2月29日 signs a 2023 report)."""
    if len(paragraph) > _TITLE_LINE or _CLAUSE_MARKS.search(paragraph) is not None:
        return False
    if _names_plans(paragraph):
        return True
    opening = _YEAR_TITLE.match(read_years(paragraph))
    return bool(opening and year is not None and int(opening.group(1)) > year)


def is_plan_heading(heading: str, year: int | None) -> bool:
    """下一步工作打算 / 2023年工作安排 (in a 2022 report): a heading over plans, by the words of
    its first clause (a heading run into its text, 矿山领域:一是…,明确工作任务, names no plan),
    or a later year outside a title or a period (编制《实施方案(2021—2025年)》 is no plan)."""
    first_clause = _CLAUSE_MARKS.split(heading, maxsplit=1)[0]
    if _names_plans(first_clause):
        return True
    # (a year is written with 年, 2024年 or 二〇二四年: most headings name none, and nothing
    # need be cut out of them to find so)
    return "年" in heading and later_year(_TITLE_OR_PERIOD.sub("", heading), year)


def _names_plans(words: str) -> bool:
    """Whether a heading's words name plans (`NEXT_HEADING`): 下一步 / 明年 wherever they
    stand, the year's tasks (重点任务, 主要任务) unless as the object of work done, which
    reports the year (`_TASKS_DONE`: 紧盯重点任务,法治政府建设实现新发展)."""
    if NEXT_HEADING.search(words) is None:
        return False
    return _NEXT.search(words) is not None or bool(NEXT_HEADING.search(_TASKS_DONE.sub("", words)))


def plan_offset(paragraph: str, year: int | None) -> int | None:
    """Where in `paragraph` the first sentence that opens the plans starts, if one does."""
    for match in SENTENCE.finditer(paragraph):
        if opens_plan(match.group(), year):
            return match.start()
    return None


def _plan_start(paragraphs: tuple[str, ...], year: int | None) -> tuple[int, int] | None:
    """(paragraph, offset) of the first sentence that opens the plans, if one does."""
    for index, paragraph in enumerate(paragraphs):
        if (offset := plan_offset(paragraph, year)) is not None:
            return index, offset
    return None


_Sentences = tuple[list[int], list[re.Match[str]]]  # the starts of the sentences, and them


def _sentences(text: str) -> _Sentences:
    found = list(SENTENCE.finditer(text))
    return [match.start() for match in found], found


def _sentence_at(text: str, at: int, sentences: _Sentences) -> tuple[int, str]:
    """The start and text of the sentence of `text` holding offset `at` (`sentences`: those
    of `text`, found once for all its figures)."""
    starts, found = sentences
    # (sentences never overlap: the one holding `at` is the last to start at or before it)
    index = bisect_right(starts, at) - 1
    if index >= 0 and at < found[index].end():
        return starts[index], found[index].group()
    return 0, text


def _targets_in(text: str, at: int, year: int | None, sentences: _Sentences) -> bool:
    """A number at `at` of `text` set as a target: 确保…/力争… before it in a sentence that
    looks ahead (确保了… reports a result), or a bound a rule sets (明确…不低于50%)."""
    start, sentence = _sentence_at(text, at, sentences)
    before = sentence[: at - start]
    if _BOUND_BEFORE.search(before) and _SET_AS_RULE.search(before):
        return True
    words = list(_TARGET_WORD.finditer(before))
    word = words[-1] if words else None
    if word is None or before[word.end() : word.end() + 1] == "了":
        return False
    return bool(_AHEAD.search(sentence)) or later_year(sentence, year) or opens_plan(sentence, year)


def chapters_before_titled_plans(sections: Sequence[Section], year: int | None) -> int:
    """How many of a report's chapters come before those a plan heading with no number
    heads (2020年主要工作任务: a paragraph to the outline, then 一、… anew): every chapter
    after the one holding it is a plan; all of them when there is none. A report that ends
    with one chapter after its numbered plan chapter closes its plans with it, as a
    政府工作报告 does (三、切实加强政府自身建设 after 二、关于2020年工作 in a 2019 report),
    unless that chapter looks back (`_looks_back`: a heading on shortcomings or naming the
    report's year or an earlier one, 2019年度履职情况). Only the last chapter: a plan chapter
    amid the review (a report whose parts are out of order) leaves those after it as they
    were."""
    for index, section in enumerate(sections):
        if any(plan_title(paragraph.strip(), year) for paragraph in section.paragraphs):
            return index + 1
        if (
            index + 2 == len(sections)
            and is_plan_heading(section.heading, year)
            and not _looks_back(sections[-1].heading, year)
        ):
            return index + 1
    return len(sections)


def _looks_back(heading: str, year: int | None) -> bool:
    """Whether a chapter's heading speaks of shortcomings (`SHORTCOMING_HEADING`) or names
    the report's year or an earlier one: no plan, whatever chapter it follows."""
    if SHORTCOMING_HEADING.search(heading):
        return True
    named = YEAR.finditer(read_years(_TITLE_OR_PERIOD.sub("", heading)))
    return any(year is None or int(m.group(1)) <= year for m in named)


def target_test(report: Report) -> Callable[[Figure], bool]:
    """A test of the report's figures: whether one states a plan or target, not a result."""
    at = target_at(report)
    return lambda figure: at(figure.node_id, figure.paragraph, figure.start)


def target_at(report: Report) -> Callable[[str, int, int], bool]:
    """`target_test` of a figure given by where it stands: its node id, paragraph (-1: the
    heading) and offset there, as the store's ``figures`` rows give it."""
    year = report.year
    planned: set[str] = set()  # sections under a plan heading
    section_of: dict[str, Section] = {}
    starts: dict[str, tuple[int, int] | None] = {}

    # walked with a stack, not a recursive closure: a closure calling itself is a reference
    # cycle, which would keep the report's sections alive until the next collection (an
    # export of a whole corpus held every report's)
    stack: list[tuple[Section, bool]] = [(section, False) for section in report.sections]
    while stack:
        section, inherited = stack.pop()
        inside = inherited or is_plan_heading(section.heading, year)
        if inside:
            planned.add(section.id)
        section_of[section.id] = section
        for item in section.items:
            section_of[item.id] = section
        stack.extend((child, inside) for child in section.children)
    for section in report.sections[chapters_before_titled_plans(report.sections, year) :]:
        planned.update(s.id for s in section.walk())
    closing_id = f"{report.id}/closing"
    closing_start = _plan_start(report.closing, year)
    # each text's sentences, found once for all its figures (a paragraph has dozens)
    sentences: dict[str, _Sentences] = {}

    def targets_in(text: str, offset: int) -> bool:
        found = sentences.get(text)
        if found is None:
            found = sentences[text] = _sentences(text)
        return _targets_in(text, offset, year, found)

    def test(node_id: str, paragraph: int, offset: int) -> bool:
        node = node_id.split("#", 1)[0]
        section = section_of.get(node)
        if section is not None:
            if section.id in planned:
                return True
            if paragraph < 0:
                return targets_in(section.raw_heading, offset)
            if section.id not in starts:
                starts[section.id] = _plan_start(section.paragraphs, year)
            start = starts[section.id]
            text = section.paragraphs[paragraph]
        elif node == closing_id:
            start = closing_start
            text = report.closing[paragraph]
        else:
            start = None
            text = report.preamble[paragraph] if paragraph >= 0 else ""
        if start is not None and (paragraph, offset) >= start:
            return True
        return targets_in(text, offset)

    return test

"""Headings found by their numbering anywhere in the text, for reports whose line breaks are gone.

Site archives, PDF viewers and many scrapers hand a report over as one long line:
``…扎实推进法治政府建设1.深入学习宣传贯彻党的二十大精神。…``, ``一、工作开展情况　（一）深入…``.
Every numbered marker (一、 （一） 1. （1） ⑴ …) wherever it stands is a *candidate*; the
set of candidates taken as headings is chosen for the whole document at once, by a beam
search over numbering states (the open levels and their last numbers) that scores the
continuity of each level's sequence, proper nesting, where the marker stands (after a
sentence end or a space, or glued to a word) and whether what follows reads like a heading.
The chosen headings become line starts; the tree is then built as for any text. Where a
heading with no 。 runs into a body that opens with a plain verb (…提供有力保障以构建…),
its end is chosen on the document's own evidence (`heading_spans`); so is the end of one
whose body runs in paragraphs led by short imperative sentences, the first of which ran
into it (…贡献力量完善规划体系。推进…。加速空间拓展。…: `_run_in_leads`).

Work is linear in the text: one scan for candidates, and a beam of bounded width per
candidate.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from operator import itemgetter

from govread.parsers.numerals import CHINESE_YEAR, ascii_digits, chinese_to_int, read_years

_CN = "一二三四五六七八九十"
_DIGIT = "0-9\uff10-\uff19"
# A digit after 1. makes a decimal (2.5个百分点) unless it starts a year (1.2023年工作情况);
# after 一. any digit opens the heading (一.2023年主要工作): no decimal follows 一.
_NOT_A_YEAR = rf"(?!(?:[1\uff11][9\uff19]|[2\uff12][0\uff10])[{_DIGIT}]{{2}} ?年)[{_DIGIT}]"

# One alternation, every repeat bounded; the group that matched tells the form (rank). The
# pattern opens by taking one of the characters a marker can start with, so the engine skips
# to them at C speed (a set of first characters is the one prefix it scans for: ten times
# faster than trying every branch everywhere); each branch then checks that character with a
# look-behind and reads the rest. The number of 一、 / 1. / ⑴ begins at that first character,
# its group holding the rest (`_FROM_FIRST`). What may not come before a marker (第一、,
# 2023.) is checked on the match, in `candidates`.
_CANDIDATE = re.compile(
    rf"[(\uff08\u2474-\u2487{_CN}{_DIGIT}\u7b2c](?:"
    rf"(?<=\u7b2c) ?([{_CN}]{{1,3}}) ?\u90e8\u5206[\u3001:\uff1a]?"  # rank -1: 第一部分
    rf"|(?<=[(\uff08]) ?([{_CN}]{{1,3}}) ?[)\uff09]\u3001?"  # rank 1: (一)
    rf"|(?<=[(\uff08]) ?([{_DIGIT}]{{1,2}}) ?[)\uff09]"  # rank 3: (1)
    r"|(?<=[\u2474-\u2487])()"  # rank 3: ⑴
    rf"|(?<=[{_CN}])([{_CN}]{{0,2}}) ?[\u3001.\uff0e]"  # rank 0: 一、 (一.2023年)
    rf"(?![{_CN}]{{1,2}}[\u3001季月年级类项批个])"
    rf"|(?<=[{_DIGIT}])([{_DIGIT}]?) ?[.\uff0e\u3001](?!{_NOT_A_YEAR}))"  # rank 2: 1.
)
_RANK_OF_GROUP = (-1, 1, 3, 3, 0, 2)
# the groups whose number begins at the marker's first character (⑴, 一、, 1.)
_FROM_FIRST = (False, False, False, True, True, True)
# Characters that make a marker part of something else when right before it.
_NOT_BEFORE = {
    0: set("一二三四五六七八九十百千万零〇两第"),
    2: set("0123456789０１２３４５６７８９.．第"),
}

_SENTENCE_END = "\u3002!?\uff01\uff1f"
_CLAUSE_END = ";\uff1b"
_SPACE = " \t"
# the first sentence end / ； / space of a stretch, found at C speed
_SENTENCE_STOP = re.compile(f"[{_SENTENCE_END}]")
_PUNCT_STOP = re.compile(f"[{_SENTENCE_END}{_CLAUSE_END}]")
_SPACE_STOP = re.compile(f"[{_SPACE}]")
# A space inside a date (2025 年推进…, 3 月), not where a line broke: no heading ends there.
_DATE_SPACE = re.compile(f"(?<=[0-9０-９])[{_SPACE}]{{1,3}}(?=[年月日])")
_MAX_HEADING = 200
_SPLIT_WINDOW = 60
_BEAM = 24
_MIN_HEADING = 4
# A first sentence longer than this is not all heading: a section-title word may end it.
_LONG_FIRST_SENTENCE = 40
_MIN_BODY = 6
# A marker right after a shallower marker's short heading (一、工作情况（一）…) is a first
# child more surely than one standing alone.
_ANCHORED = 0.5

# Words section titles end with (存在问题 / 下一步工作安排 / 主要举措和成效 / …有待提高 …): in flat text a
# heading that runs into its body is cut after one, when no 。 came first.
_HEADING_END = re.compile(
    r"(?=[成情问不原安计打思举做措经目有亟更进日显明])"  # (where one can start: found at C speed)
    r"(?:(?:成效|情况|问题|不足|原因|安排|计划|打算|思路|举措|做法|措施|成绩|经验|目标)"
    r"(?!更加|更为|进一步|日益|显著|明显)"  # (目标|更加明确: the subject of a result)
    r"|[有亟]待[\u4e00-\u9fff]{2}"
    # a result, after its subject (…目标更加明确, …能力进一步增强)
    r"|(?<=[\u4e00-\u9fff]{2})(?P<result>更加|更为|进一步|日益|显著|明显)[\u4e00-\u9fff]{2})"
    r"(?=[^\u3002\uff0c,\u3001和及与的等])"
)
# 以…为统领 / 以…为主线 / 坚持以…为抓手: a clause opened by 以 (or by a verb and 以) is
# one phrase up to its 为 and what follows it, so a section-title word before that 为
# (以总目标|为统领) ends no heading.
_FRAME_OPENING = re.compile(r"[\u4e00-\u9fff]{0,2}?以(?![来上下及后前外往内便免致])")


def _framed(text: str, start: int, at: int) -> bool:
    """Does text[at] open the 为 of a 以…为 phrase begun in the clause that `at` is in
    (from `start` or the last clause mark on)?"""
    if text[at : at + 1] != "为":
        return False
    clause = start
    for mark in _CLAUSE_MARKS:
        clause = max(clause, text.rfind(mark, start, at) + 1)
    frame = _FRAME_OPENING.match(text, clause, at)
    return frame is not None and "为" not in text[frame.end() : at]


# Words a body paragraph opens with, right after a heading with no 。 of its own.
# (the place or body that acted: a verb's object as well, …推进|市委…巡察组反馈意见整改)
_ACTOR = (
    r"[我全本][市区县州旗省委办镇乡]|[我本]局|[市区县州镇乡]委|[市区县州镇乡]政府|[镇乡]党委"
    r"|[局委办](?:党组|党委|党政|领导班子)|街道(?:党工委|办事处|领导班子)|[镇乡]领导班子"
)
_ACTOR_OPENING = re.compile(f"(?:{_ACTOR})")
_BODY_OPENING = re.compile(
    r"(?:[一二]是|坚持|始终|围绕|按照|聚焦|今年|全年|去年|上半年|近年来|一年来|过去一年|在看到"
    rf"|(?:[1\uff11][9\uff19]|[2\uff12][0\uff10])\d{{2}}年|{CHINESE_YEAR}年|"
    f"{_ACTOR})"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # where the marker begins, in its line
    end: int  # where the marker ends
    rank: int  # -1 第一部分 / 0 一、 / 1 (一) / 2 1. / 3 (1)
    ordinal: int
    number: str
    score: float  # how much it reads like a heading, before continuity
    # not loose: right after a shallower marker's short heading (一、工作情况（一）…: a first
    # child), or right before a deeper one (a parent its first child follows at once)
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Placed:
    """A chosen heading: its line, marker, where the heading ends and the body begins."""

    line: int
    start: int
    end: int
    rank: int
    ordinal: int
    number: str


# (一) written half-open at a line's start (一)工作情况): a marker where lines are kept, not
# looked for inside a flattened line's text.
_HALF_OPEN = re.compile(rf"[{_CN}]{{1,3}} ?[)\uff09]")


def starts_with_marker(line: str) -> bool:
    """Does the line open with a numbered marker followed by some text?"""
    match = _CANDIDATE.match(line) or _HALF_OPEN.match(line)
    return match is not None and match.end() < len(line)


def _position_score(line: str, start: int, chrome_ends: frozenset[int]) -> float:
    if start == 0 or start in chrome_ends:
        return 3.0
    before = line[start - 1]
    if before in _SPACE:
        return 2.0
    if before in _SENTENCE_END:
        return 2.0
    if before in ":\uff1a":
        return 0.0
    if before in _CLAUSE_END or before in ",\uff0c\u3001":
        return -1.5
    return 0.5  # glued to the previous word: a heading line whose break was dropped


def candidates(line: str, chrome_ends: frozenset[int] = frozenset()) -> list[Candidate]:
    """Every numbered marker in a line that could open a heading, with its score."""
    found: list[tuple[int, int, int, int, str]] = []
    for match in _CANDIDATE.finditer(line):
        group = match.lastindex or 0
        start = match.start()
        raw = line[start : match.end(group)] if _FROM_FIRST[group - 1] else match.group(group)
        rank = _RANK_OF_GROUP[group - 1]
        if start and rank in _NOT_BEFORE:
            before = line[start - 1]
            if before in _NOT_BEFORE[rank] or (rank == 2 and before.isascii() and before.isalpha()):
                continue
        if rank <= 1:
            ordinal = chinese_to_int(raw) or 0
            number = raw
        elif "\u2474" <= raw <= "\u2487":
            ordinal = ord(raw) - 0x2474 + 1
            number = str(ordinal)
        else:
            ordinal = int(ascii_digits(raw))
            number = str(ordinal)
        if not 0 < ordinal <= 99:
            continue
        end = match.end()
        while end < len(line) and line[end] in _SPACE:
            end += 1
        found.append((match.start(), end, rank, ordinal, number))
    out: list[Candidate] = []
    for index, (start, end, rank, ordinal, number) in enumerate(found):
        following = found[index + 1][0] if index + 1 < len(found) else len(line)
        score = _position_score(line, start, chrome_ends) + _shape_score(line, end, following)
        previous = found[index - 1] if index else None
        child = (
            previous is not None
            and previous[2] < rank
            and start - previous[1] <= _SPLIT_WINDOW
            and _SENTENCE_STOP.search(line, previous[1], start) is None
        )
        anchored = start == 0 or child
        if rank <= 0 and _announced(line, start):
            score += _ANNOUNCED
            anchored = True  # 报告如下：一、: as at a line start
        if anchored:
            score += _ANCHORED
        if child and not out[-1].anchored:
            # its parent heads it at once: no number in a sentence (…相统一、执法…) but a
            # first heading whose line break was lost (…工作情况一、保稳定…（一）人民调解…),
            # not loose however it stands
            out[-1] = dataclasses.replace(out[-1], anchored=True)
        out.append(Candidate(start, end, rank, ordinal, number, score, anchored))
    return out


# A top-level marker right after the words that announce the report's body (现将有关情况报告
# 如下：一、…) opens it as a line start would: a first heading even with no second after it.
_ANNOUNCED = 3.0
_ANNOUNCING = ("报告如下", "汇报如下", "总结如下", "報告如下", "匯報如下", "總結如下")


def _announced(line: str, start: int) -> bool:
    """Does the marker at `start` follow 报告如下: / 汇报如下: / 总结如下: (spaces between allowed, the
    colon too), not a list's 措施如下: ?"""
    at = start
    while at > 0 and line[at - 1] in _SPACE:
        at -= 1
    if at >= 1 and line[at - 1] in ":\uff1a\u3002.":
        at -= 1  # (the colon is often left out: …报告如下一、; or a full stop: …报告如下。一、)
    return at >= 4 and line.startswith(_ANNOUNCING, at - 4)


def _shape_score(line: str, end: int, following: int) -> float:
    """Does the text after the marker read like a heading?"""
    if end >= len(line) or line[end] in _SENTENCE_END + _CLAUSE_END + ",\uff0c\u3001:\uff1a)\uff09":
        return -9.0
    limit = min(len(line), end + _MAX_HEADING + 1)
    stop = min(limit, following)
    first = _first_stop(line, end, stop)
    if first < stop:
        # a space or a sentence end reads like a heading's end; a ； like an inline list's
        # (（1）…；（2）…), unless a section-title word and a body's opening words come
        # first (一、存在问题2021年，…；二是…)
        if line[first] in _CLAUSE_END and not _titled_then_body(line, end, first):
            return -3.0
        return 1.0
    if _titled_then_body(line, end, stop):
        # a section-title word, then a body's opening words (一、主要成效2022年，县政府…):
        # the heading ends there, however far the body's first sentence runs
        return 1.0
    if following < limit:
        # the next marker comes first: a heading of its own line, if short
        if following - end <= _SPLIT_WINDOW:
            return 1.0
        # far on, it may be a number in a sentence (…相统一、执法效果…): read past it
        first = _first_stop(line, end, limit)
        return 1.0 if first < limit and line[first] in _SENTENCE_END else -2.0
    if limit == len(line):
        if limit - end <= _SPLIT_WINDOW:
            return 1.0
        # a text cut off inside a sentence (an excerpt): its last heading's body has no 。
        # yet, which tells nothing against it
        return -2.0 if line[-1] in _SENTENCE_END else 0.0
    return -4.0


def _title_word_end(match: re.Match[str], text: str) -> int:
    """Where a section-title word `_HEADING_END` found ends: a result of four characters
    when a body opens right after them (…保障更加坚强有力|一是…), else where it matched."""
    end = match.end()
    if (
        match.group("result")
        and _BODY_OPENING.match(text, end + 2)
        and text[end : end + 2].isalpha()
    ):
        return end + 2
    return end


def _titled_then_body(line: str, end: int, stop: int) -> bool:
    """Does a section-title word end a heading before `stop`, a body's opening words
    right after it (存在问题|2021年，…)?"""
    title = _HEADING_END.search(line, end, min(stop, end + _SPLIT_WINDOW))
    if title is None:
        return False
    title_end = _title_word_end(title, line)
    return (
        not _framed(line, end, title_end)
        and title_end - end >= _MIN_HEADING
        and _BODY_OPENING.match(line, title_end) is not None
    )


def _actor_before(line: str, end: int, space: int) -> int | None:
    """Where a body's actor (街道党工委…, 我镇…) opens a clause glued to the heading that
    starts at `end`, before the first space (a space the page wrote inside its body, not a
    line break's), or None: a subject, not a verb's object, and a clause's length before
    the space."""
    window = line[end:space]
    for opening in _ACTOR_OPENING.finditer(window, _MIN_HEADING):
        start = opening.start()
        if (
            window[start - 1] not in _NOT_LAST
            and window[start - 1] not in ",\uff0c\u3001"
            and len(window) - start >= _MIN_BODY
            and not _after_verb(window, start)
        ):
            return end + start
    return None


def _first_stop(line: str, end: int, stop: int) -> int:
    """The first sentence end, ； or space (two characters on at least) in line[end:stop],
    or `stop`: found by two C-speed searches rather than a loop over the characters."""
    punct = _PUNCT_STOP.search(line, end, stop)
    space = _space_stop(line, end + 2, stop)
    return min(punct.start() if punct else stop, space.start() if space else stop)


def _space_stop(line: str, start: int, stop: int) -> re.Match[str] | None:
    """The first space in line[start:stop] that may be a line break's, or None: a space
    inside a date (2025 年, written so in the page) is skipped."""
    space = _SPACE_STOP.search(line, start, stop)
    while space is not None and _DATE_SPACE.match(line, space.start()):
        at = space.start()
        while at < stop and line[at] in _SPACE:
            at += 1
        space = _SPACE_STOP.search(line, at, stop)
    return space


# The candidates a path has taken, newest first, as a linked list: extending a path is
# O(1), so the search stays linear in the number of candidates.
_Chosen = tuple[int, "_Chosen"] | None


# The open levels of a numbering: (rank, last ordinal), ranks increasing; the ordinal is
# negative for a level that holds only a loose first heading (not right after its parent's).
_State = tuple[tuple[int, int], ...]


# The last ordinal of each level a heading closed, by rank (-1 … 3 at 0 … 4; 0 for none): a
# report may number a level on across its parents (（一） 1. 2. （二） 3. 4.), so the first
# heading under the next parent may go on from it.
_Carry = tuple[int, ...]
_NO_CARRY: _Carry = (0, 0, 0, 0, 0)


# The best path to a state: its score, the candidates it has taken (indexes into the flat
# candidate list), the levels its headings closed, with their last ordinals (kept with the
# path, not in the state: paths that reach one state differ in it seldom, and the beam stays
# narrow), and the state. A plain tuple: the search makes one per state and candidate it
# takes, and sorts them by score with a key of C speed.
_Path = tuple[float, _Chosen, _Carry, _State]
_SCORE = itemgetter(0)


def choose(cands: list[Candidate]) -> list[int]:
    """The candidates taken as headings: the best-scoring consistent numbering.

    Each candidate is tried after each state of the beam: the numbering state after taking
    it as a heading (with the levels closed on the way, `_Carry`) and the continuity bonus.
    That step is written out here, in the loop, rather than called: it runs for every
    state and candidate, the parser's innermost loop on a flat text."""
    beam: dict[_State, _Path] = {(): (0.0, None, _NO_CARRY, ())}
    for index, cand in enumerate(cands):
        cand_score = cand.score
        if cand_score + _BEST_BONUS <= 0:
            continue  # no path would take it: its score never pays
        cand_rank, cand_ordinal = cand.rank, cand.ordinal
        slot = cand_rank + 1
        nxt: dict[_State, _Path] = dict(beam)
        for state, (path_score, path_chosen, carry, _) in beam.items():
            # the open levels shallower than its form (ranks increase along a state)
            depth = 0
            for rank, _ in state:
                if rank >= cand_rank:
                    break
                depth += 1
            open_levels = len(state)
            if depth < open_levels and state[depth][0] == cand_rank:
                # the level of its form is open: it numbers that level on
                previous = state[depth][1]
                if previous < 0:
                    previous = -previous
                if cand_ordinal == previous + 1:
                    bonus = _BEST_BONUS
                elif cand_ordinal == previous + 2:
                    bonus = -0.5  # one heading missing
                elif cand_ordinal == previous and cand_rank > 0:
                    bonus = -1.0  # a numbering slip: （一）（一）（三）, below the top as for lines
                elif cand_ordinal == 1:
                    bonus = -1.5  # numbered anew
                else:
                    continue
                if depth + 1 < open_levels:
                    closed = state[depth + 1 :]
                    bonus -= _lone(closed)
                    carry = _closing(carry, closed)
                new_state = (*state[:depth], (cand_rank, cand_ordinal))
            else:
                anchored = cand.anchored
                if cand_ordinal == 1:
                    bonus = 1.0
                elif cand_ordinal == 2 and not state and cand_rank == 0:
                    bonus = -0.5
                elif depth == open_levels > 0 and carry[slot] == cand_ordinal - 1:
                    # under the deepest open level, numbered on from the last child of its
                    # parent's sibling
                    bonus = _CARRIED
                    anchored = True  # (a sequence that went on before: not a loose first heading)
                elif depth == 0:  # (no state, or every open level deeper)
                    # an excerpt that starts inside a chapter (（三） with its 1. 2.), or inside
                    # a section of one (2. 3. （四）): the first heading of its form numbers past 1
                    bonus = _MIDWAY
                    anchored = anchored or bool(state)  # (after its deeper siblings: not loose)
                else:
                    continue
                if depth < open_levels:
                    closed = state[depth:]
                    bonus -= 1.0  # a deeper level closed by a shallower form never seen before
                    bonus -= _lone(closed)
                    carry = _closing(carry, closed)
                if carry[slot]:
                    carry = (*carry[:slot], 0, *carry[slot + 1 :])
                new_state = (
                    *state[:depth],
                    (cand_rank, cand_ordinal if anchored else -cand_ordinal),
                )
            score = path_score + cand_score + bonus
            if score <= path_score:
                continue
            held = nxt.get(new_state)
            if held is None or score > held[0]:
                nxt[new_state] = (score, (index, path_chosen), carry, new_state)
        if len(nxt) > _BEAM:
            # the best paths, the first reached first among equals (a stable sort)
            nxt = {path[3]: path for path in sorted(nxt.values(), key=_SCORE, reverse=True)[:_BEAM]}
        beam = nxt
    best = max(beam.items(), key=_final_score)[1]
    chosen: list[int] = []
    link = best[1]
    while link is not None:
        chosen.append(link[0])
        link = link[1]
    return chosen[::-1]


def _final_score(item: tuple[_State, _Path]) -> float:
    """A path's score, less the cost of the loose first headings its open levels hold."""
    return item[1][0] - _lone(item[0])


# The largest continuity bonus a step of `choose` gives.
_BEST_BONUS = 2.0
# A level closed after its first heading (一、 with no 二、 before the level above goes
# on): a sequence of one is more often a number in a sentence (…相统一、执法效果…).
_LONE_LEVEL = 3.0


def _lone(closed: _State) -> float:
    """The cost of the levels closed here that never went past a first heading that
    stood loose in the text (not right after its parent's heading)."""
    cost = 0.0
    for _, ordinal in closed:
        if ordinal < 0:
            cost += _LONE_LEVEL
    return cost


# What a first heading under a new parent weighs when it numbers on from the level its
# parent's sibling closed (（二）3.): less than one numbered 1, which opens a level as usual.
_CARRIED = 0.5


# What the text's first heading of a form weighs when it numbers past 1 (an excerpt that
# starts inside a chapter, （三） with no 一、 before it): paid back only by the numbering
# that goes on from it; one standing loose in a sentence also pays `_LONE_LEVEL` if none does.
_MIDWAY = -1.5


def _closing(carry: _Carry, closed: _State) -> _Carry:
    """`carry` with the levels just closed, their last ordinals."""
    slots = list(carry)
    for rank, ordinal in closed:
        slots[rank + 1] = abs(ordinal)
    return tuple(slots)


# How sure a heading's end is (`_heading_end`).
_SURE, _OPENING, _FALLBACK = 2, 1, 0


def _heading_end(line: str, end: int, stop: int) -> tuple[int, int, int]:
    """Where the heading that starts at `end` ends, where its body begins (≤ `stop`), and
    how sure that is.

    The first sentence end, a space (a line break that became one), or, in a first
    sentence too long for a heading, the end of a section-title word or the start of a
    body opening; else everything up to `stop` (the next heading or the line's end).
    _SURE: a space, the next heading, a section-title word, a short first sentence;
    _OPENING: a body's opening words inside a long first sentence; _FALLBACK: a long
    first sentence (or run of text) taken whole, which `heading_spans` may cut."""
    sentence = -1
    reach = min(stop, end + _MAX_HEADING + 1)
    found = _SENTENCE_STOP.search(line, end, reach)
    space = _space_stop(line, end + 2, found.start() if found else reach)
    if space is not None:
        if (actor := _actor_before(line, end, space.start())) is not None:
            return actor, actor, _SURE  # …提升政府公信力|街道党工委及社区 “两委” 成员…
        index = body = space.start()
        while body < stop and line[body] in _SPACE:
            body += 1
        return index, body, _SURE
    if found is not None:
        sentence = found.start()
    limit = sentence if sentence != -1 else min(stop, end + _SPLIT_WINDOW)
    # a first sentence short enough for a heading is cut only where a body clearly opens
    titled = (sentence if sentence != -1 else stop) - end > _LONG_FIRST_SENTENCE
    cut, by_title_word, glued = _body_start(line[end : min(limit, end + _SPLIT_WINDOW)], titled)
    if cut is not None:
        return end + cut, end + cut, _SURE if by_title_word or not titled else _OPENING
    announcing = line[end:stop].rstrip()
    if sentence == -1 and announcing.endswith((":", "\uff1a")):
        # a sentence announcing the headings that follow (…存在的不足和原因|主要存在以下问题：
        # （一）…): the body's, after the heading's section-title word
        titled_at = _title_word_clause(line, end, end + len(announcing) - 1)
        if titled_at is not None:
            return titled_at, titled_at, _SURE
    if sentence != -1:
        titled_at = _title_word_clause(line, end, sentence)
        if titled_at is not None and not titled:
            return titled_at, titled_at, _SURE  # …力量不足|基层执法人员数量偏少，…
        whole = titled or glued or _reads_like_body(line, end, sentence)
        return sentence, sentence + 1, _FALLBACK if whole else _SURE
    if stop == len(line) and titled:
        return stop, stop, _FALLBACK  # a text cut off in the body run into its last heading
    return stop, stop, _SURE if stop - end <= _SPLIT_WINDOW else _FALLBACK


# What a short first sentence holds when a body is glued to its heading: a count or a share
# (21项, 62%, 1.5个), or a section-title word with a clause after it
# (…下一步打算执法人员持证率…).
_BODY_LIKE = re.compile(
    r"[0-9\uff10-\uff19](?:[.\uff0e][0-9]{1,4})?[%\uff05项件个次人场家万亿元卷类台份名所户]"
)


def _reads_like_body(line: str, end: int, sentence: int) -> bool:
    """Is a short first sentence (no more than a heading's length) partly body?"""
    if _BODY_LIKE.search(line, end, sentence):
        return True
    return _title_word_clause(line, end, sentence) is not None or _second_predicate(
        line, end, sentence
    )


def _second_predicate(line: str, end: int, sentence: int) -> bool:
    """Does a short first sentence that a verb leads (推进… / 继续推进… / 切实加强…), with no
    clause mark, hold a second verb right after a noun (…放管结合工作|加大推进…力度), a
    predicate of a body's length after it?

    A body's short lead glued to its heading reads so, and so may a heading of two
    predicates: the end is left to the siblings' evidence."""
    words = word_classes()
    first = end + 2 if words.get(line[end : end + 2]) == "A" else end
    if words.get(line[first : first + 2]) != "V" or _CLAUSE_MARK.search(line, end, sentence):
        return False
    for at in range(first + _MIN_HEADING, sentence - _MIN_BODY + 1):
        if (
            words.get(line[at - 2 : at]) in _NOUNS
            and words.get(line[at : at + 2]) == "V"
            and words.get(line[at - 2 : at + 2]) != "C"  # (…加强行政执法…: one noun)
        ):
            return True
    return False


def _title_word_clause(line: str, end: int, sentence: int) -> int | None:
    """The end of a section-title word in a first sentence when a clause of its own,
    before any clause mark, follows it (…力量不足|基层执法人员数量偏少，…), or None."""
    title_word = _HEADING_END.search(line, end, sentence)
    if title_word is None:
        return None
    title_end = _title_word_end(title_word, line)
    if title_end - end < _MIN_HEADING or _framed(line, end, title_end):
        return None
    mark = _CLAUSE_MARK.search(line, title_end, sentence)
    if (mark.start() if mark else sentence) - title_end >= _MIN_BODY_CLAUSE:
        return title_end
    return None


# A body glued after a section-title word is a clause of its own, not a word or two
# (…整改情况工作 is one heading).
_MIN_BODY_CLAUSE = 8
_CLAUSE_MARK = re.compile("[,\uff0c\u3001;\uff1b]")


# Clause openers and enders: the two characters after / before a clause's punctuation.
_OPENER = re.compile(r"[\u3002\uff0c\uff1b\uff1a\u3001,;:!?\uff01\uff1f](?=([^\W\d_]{2}))")
# (the enders are found as openers of the text read backwards: a scan led by the
# punctuation, five times faster than a look-behind)
_ENDER = re.compile(r"[\u3002\uff0c\uff1b,;!?\uff01\uff1f](?=([^\W\d_]{2}))")
# A heading never ends on these, and its body never begins with these.
_NOT_LAST = set("的和与及或、“‘《（(·在对把被为以将从向")
_NOT_FIRST = set("的了着过地得之”’》）)、，,。；;：:")
_PREPOSITIONS = set("在对把被为以将从向")
# A body restating the heading's opening words (…工作，切实维护…权益积极开展…工作，…).
_RESTATED = 4
_GUESS_WINDOW = 80
_MIN_CLAUSE = 3
_CLAUSE_MARKS = ",\uff0c\u3001;\uff1b"
_REACH = 8


def heading_spans(
    lines: list[str], starts: list[tuple[int, int, int, int]]
) -> list[tuple[int, int]]:
    """Where each chosen heading ends and its body begins, decided for the whole text.

    `starts` holds (line, marker end, stop, rank) per chosen heading, in order. A heading
    whose end is sure (a space, the next heading, a short first sentence) ends there. One
    glued into a long first sentence with no 。 of its own (…提供有力保障以构建职责明确…)
    is cut where the evidence of the whole text agrees best: the lengths of the sure
    headings of its level (siblings are similar in length), the characters this text
    opens and closes its clauses with (a body opens with a verb: 以 / 紧扣 / 坚持 …, a
    heading closes on a noun: 保障 / 能力 …), and a body restating the heading's opening
    words. Linear: two regex scans of the text, a window of bounded width per heading.
    """
    first = _parallel_ends(
        lines, starts, [_heading_end(lines[line], end, stop) for line, end, stop, _ in starts]
    )
    # Siblings: the headings of one rank under one parent (the last heading of a smaller
    # rank before them).
    groups = _sibling_groups(starts)
    first, stats = _run_in_leads(lines, starts, first, groups)
    if all(how != _FALLBACK for _, _, how in first):
        return [(head_end, body_start) for head_end, body_start, _ in first]
    # The lengths of siblings' sure ends and of the guesses a body opening made; a group
    # with none of them borrows those of its whole rank.
    sure: dict[tuple[int, int], list[int]] = {}
    every: list[int] = []  # every sure length, whatever the rank
    # per group, whether every sure end of its siblings is a sentence end (their headings
    # written as first sentences: 二、完善公共法律服务。进一步…)
    sentences: dict[tuple[int, int], bool] = {}
    for (line, end, _, rank), (head_end, _, how), group in zip(starts, first, groups, strict=True):
        if how != _FALLBACK:
            length = len(lines[line][end:head_end].rstrip(_TRIM))
            sure.setdefault(group, []).append(length)
            sure.setdefault((rank, -2), []).append(length)  # the whole rank
            every.append(length)
            at_stop = _at_sentence_end(lines[line], head_end)
            for key in (group, (rank, -2)):  # (a group with no sure end asks its rank)
                sentences[key] = sentences.get(key, True) and at_stop
    out: list[tuple[int, int]] = []
    for (line, end, stop, rank), (head_end, body_start, how), group in zip(
        starts, first, groups, strict=True
    ):
        # a group with no sure end borrows its rank's, then the text's, then a prior
        lengths = sure.get(group) or sure.get((rank, -2)) or every or _PRIOR_LENGTHS
        written = sentences.get(group, sentences.get((rank, -2)))
        if how == _FALLBACK and written and _at_sentence_end(lines[line], head_end):
            pass  # siblings that are first sentences: so is this one, however long
        elif how == _FALLBACK:
            if stats is None:
                stats = _clause_edges(lines)
            middle = _median(lengths)
            spread = max(1.0, _median([round(abs(length - middle)) for length in lengths]))
            kin = sure.get((rank, -2), [])
            if len(lengths) < _FEW <= len(kin) and group[1] >= 0 and starts[group[1]][3] < 0:
                # a part's chapters with one or two sure ends: every part's chapters tell
                # how alike in length chapters are
                spread = max(1.0, _median([round(abs(length - middle)) for length in kin]))
            elif len(lengths) < _FEW:
                spread = max(spread, _FEW_SPREAD * middle)  # one or two siblings: a rough guide
            cut = _guess_end(lines[line], end, stop, middle, spread, stats)
            if cut is not None:
                head_end = body_start = cut
        out.append((head_end, body_start))
    return out


_TRIM = "\u3002:\uff1a;\uff1b,\uff0c \t"


def _at_sentence_end(line: str, at: int) -> bool:
    return at < len(line) and line[at] in _SENTENCE_END


# -- parallel clauses ---------------------------------------------------------------------
# Official headings are often two parallel clauses of one length (强化组织领导，压实工作责任).
# When the sure headings of a text are so, a glued heading whose second clause runs into a
# body opening with a noun (…压实工作责任县政府常务会议…) ends where its second clause is as
# long as its first.
_COMMA = re.compile("[,\uff0c]")
_LONGEST_CLAUSE = 12


def _parallel_ends(
    lines: list[str], starts: list[tuple[int, int, int, int]], first: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """`first` with the fallback ends of two-clause headings set where their clauses are of
    one length, when most of the text's other two-clause headings are so."""
    if all(how == _SURE for _, _, how in first):
        return first
    balanced = unbalanced = 0
    for (line, end, _, _), (head_end, _, how) in zip(starts, first, strict=True):
        if how == _FALLBACK:
            continue
        clauses = _COMMA.split(lines[line][end:head_end].rstrip(_TRIM))
        if len(clauses) == 2 and min(map(len, clauses)) >= _MIN_CLAUSE:
            if abs(len(clauses[0]) - len(clauses[1])) <= 1:
                balanced += 1
            elif how == _SURE:
                unbalanced += 1  # (an end at a body's opening words is itself in doubt)
    if not balanced or unbalanced > balanced:
        return first  # nothing tells the headings of this text are balanced
    out = list(first)
    for index, ((line, end, stop, _), (head_end, _, how)) in enumerate(
        zip(starts, first, strict=True)
    ):
        # a body's opening words found further on (…维护社会稳定基层调解组织全年|调处…)
        # give way to the parallel end too, when the text's headings are balanced
        if how != _SURE:
            cut = _parallel_cut(lines[line], end, stop)
            if cut is not None and (
                how == _FALLBACK or _before_opening(lines[line], cut, head_end)
            ):
                out[index] = (cut, cut, _SURE)
    return out


def _before_opening(line: str, cut: int, opening: int) -> bool:
    """Does a parallel end come before a body's opening words, on a word that ends a heading
    (…维护社会稳定|镇村两级…, not …化解形成|新模式…)?"""
    return cut < opening and word_classes().get(line[cut - 2 : cut]) != "V"


def _parallel_cut(line: str, end: int, stop: int) -> int | None:
    """Where a glued heading's second clause is as long as its first, give or take one
    character (a noun's end first), or None."""
    window = line[end : min(stop, end + _SPLIT_WINDOW)]
    if (found := _SENTENCE_STOP.search(window)) is not None:
        window = window[: found.start()]
    comma = _COMMA.search(window)
    if comma is None or not _MIN_CLAUSE <= comma.start() <= _LONGEST_CLAUSE:
        return None
    expected = 2 * comma.start() + 1
    if expected + _MIN_BODY > len(window) or _CLAUSE_MARK.search(window, comma.end(), expected):
        return None
    words = word_classes()
    cuts = sorted(
        (expected - 1, expected, expected + 1),
        key=lambda cut: (words.get(window[cut - 2 : cut]) not in _NOUNS, abs(cut - expected)),
    )
    for cut in cuts:
        last, following = window[cut - 1], window[cut]
        if (
            last in _NOT_LAST
            or following in _NOT_FIRST
            or not (_is_han(last) and _is_han(following))
        ):
            continue
        if window[cut - 1 : cut + 1] in words or _open_quote(window, comma.end(), cut):
            continue  # a word cut in two, or a quotation
        return end + cut
    return None


def _open_quote(window: str, start: int, cut: int) -> bool:
    part = window[start:cut]
    return sum(part.count(q) for q in _OPENING_QUOTES) != sum(
        part.count(q) for q in _CLOSING_QUOTES
    )


# The lengths a heading is expected near when no heading of the text ends surely
# (the median and spread of a section heading's length in the genre, about 12 ± 4).
_PRIOR_LENGTHS = [8, 10, 12, 14, 16]
_OPENING_QUOTES = "“‘《（(「『"
_CLOSING_QUOTES = "”’》）)」』"
# A section-title word right before a cut (存在的不足和下一步打算|…).
TITLE_WORDS = (
    "成效",
    "情况",
    "问题",
    "不足",
    "原因",
    "安排",
    "计划",
    "打算",
    "思路",
    "举措",
    "做法",
    "措施",
    "成绩",
    "经验",
    "目标",
)
# Fewer sure siblings than this are a rough guide to a heading's length: a spread of at
# least this share of it.
_FEW = 3
_FEW_SPREAD = 0.35
# What a 。 ending the first sentence weighs, as a heading's end, against a cut inside it.
_SENTENCE_BOUNDARY = 2.0


# The longest heading tail a body's first words may restate (…习近平法治思想|把习近平法治思想…).
_ECHO = 10

# What a restated tail needs: a run of `_RESTATED` characters that comes again, not
# overlapping itself, within `_ECHO` + 1 characters of its start (found at C speed).
_REPEATED_RUN = re.compile(f"(.{{{_RESTATED}}}).{{0,{_ECHO + 1 - _RESTATED}}}\\1", re.S)


def _echo(window: str) -> int:
    """The first cut after which the body restates the heading's last words, at once or
    after one function word (…贯彻习近平法治思想|把习近平法治思想作为…), or -1."""
    if _REPEATED_RUN.search(window) is None:
        return -1  # (most windows: nothing in them comes again soon enough)
    for cut in range(_MIN_HEADING, len(window) - _RESTATED):
        low, high = max(0, cut - _ECHO), cut - _RESTATED + 1  # where such a tail may begin
        for at in (cut, cut + 1):
            # only a tail beginning with the character the body begins with can match
            first = window[at]
            begin = window.find(first, low, high)
            while begin != -1:
                if window.startswith(window[begin:cut], at):
                    return cut
                begin = window.find(first, begin + 1, high)
    return -1


def _sibling_groups(starts: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """Each heading's group: (its rank, the index of its parent heading or -1)."""
    groups: list[tuple[int, int]] = []
    above: list[tuple[int, int]] = []  # the open headings: (rank, index), ranks increasing
    for index, (_, _, _, rank) in enumerate(starts):
        while above and above[-1][0] >= rank:
            above.pop()
        groups.append((rank, above[-1][1] if above else -1))
        above.append((rank, index))
    return groups


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _clause_edges(lines: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each pair of characters opens / closes a clause in the text."""
    openers: Counter[str] = Counter()
    enders: Counter[str] = Counter()
    for line in lines:
        pairs = _OPENER.findall(line)
        openers.update(pairs)
        openers.update(map(itemgetter(0), pairs))  # and each character that opens one
        enders.update(_ENDER.findall(line[::-1]))  # pairs read backwards
    return openers, enders


def _guess_end(
    line: str,
    end: int,
    stop: int,
    target: float,
    spread: float,
    stats: tuple[Counter[str], Counter[str]],
) -> int | None:
    """The best cut of a heading glued into its body's first sentence, or None."""
    openers, enders = stats
    words = word_classes()
    limit = min(stop, end + _GUESS_WINDOW)
    found = _SENTENCE_STOP.search(line, end, limit)
    sentence = found.start() if found else limit
    window = line[end:sentence]
    restated = window.find(window[:_RESTATED], _MIN_HEADING) if len(window) > 2 * _RESTATED else -1
    if restated < _MIN_HEADING:
        restated = _echo(window)
    best, best_score = None, 0.0
    # siblings are alike in length: cuts far from theirs are not weighed at all
    reach = max(_REACH, round(4 * spread))
    low = max(_MIN_HEADING, round(target) - reach)
    high = min(len(window) - 1, round(target) + reach + 1)
    for opening in _BODY_OPENING.finditer(window, _MIN_HEADING, high):
        if window[opening.start() - 1] in _NOT_LAST:
            # …刚刚过去的|2019年: a body's opening words where no heading ends, so the
            # body began before them
            high = opening.start() - 1
            found = None  # nor is the whole first sentence the heading
            break
    cuts = range(low, high)
    # where the last clause mark (，、；) before each position is
    last_mark, mark = [], -_MIN_CLAUSE - 1
    # how many quotes or brackets are open before each position (a heading closes its own)
    open_at, depth = [], 0
    # where the first count or share (21项, 62%) is: a heading seldom holds one
    counted = _BODY_LIKE.search(window)
    first_count = counted.end() if counted else len(window) + 1
    # whether the clause before each position has a verb (a clause opened by a preposition,
    # 为经济社会发展…, is not whole before its verb and the verb's object: neither
    # …发展|提供有力保障 nor …发展提供|有力保障 ends it)
    verbed, has_verb = [], False
    # (read up to the last cut weighed: a cut reads these at it and before it)
    for index, ch in enumerate(window[: max(high, restated + 1)]):
        if index - 2 > mark and words.get(window[index - 2 : index]) == "V":
            has_verb = True
        last_mark.append(mark)
        open_at.append(depth)
        verbed.append(has_verb)
        if ch in _CLAUSE_MARKS:
            mark = index
            has_verb = False
        elif ch in _OPENING_QUOTES:
            depth += 1
        elif ch in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
    # a body restating the heading's opening words glued on, not after a clause mark,
    # decides: …工作，切实维护…权益|积极开展…工作，…
    for cut in ((restated,) if restated >= _MIN_HEADING else ()) + tuple(cuts):
        last, following = window[cut - 1], window[cut]
        if last in _NOT_LAST or following in _NOT_FIRST:
            continue
        if (not last.isalpha() or last.isascii()) and last not in _CLOSING_QUOTES:
            continue
        if last_mark[cut] >= cut - _MIN_CLAUSE:
            continue  # a heading's clauses are not one or two characters long
        if found is not None and len(window) - cut < _MIN_CLAUSE:
            continue  # nor is a body's first sentence (…监督|工作。)
        if open_at[cut]:
            continue  # inside “…” or 《…》
        if _framed(window, 0, cut):
            continue  # 以总目标|为统领: one phrase up to its 为 and past it
        if cut == restated:
            return end + cut
        opened = openers[window[cut : cut + 2]]
        closed = enders[window[cut - 1] + window[cut - 2]]
        score = math.log1p(opened) + 0.5 * math.log1p(openers[following]) + math.log1p(closed)
        quoted = last in _CLOSING_QUOTES and window[cut : cut + 2] not in words
        if not closed and not quoted:
            # a heading ends as clauses of this text end, or on a noun (half the evidence),
            # or on a quoted term it closes, no listed word after it to go on with the
            # term (…推行“一网通办”|区…, not …开展“四基四化”|执法规范化建设)
            score -= 0.5 if words.get(window[cut - 2 : cut]) in _NOUNS else 1.0
        if _BODY_OPENING.match(window, cut):
            score += 1.0
        if following == window[cut + 1] and following.isalpha() and following not in _CN:
            score += 1.0  # a reduplicated adverb opens the body: …工作|刚刚过去的…, 紧紧围绕
        score += _word_edge(window, cut)
        if window[max(0, last_mark[cut] + 1)] in _PREPOSITIONS and not verbed[cut - 2]:
            score -= _WORD_EDGE
        if cut >= first_count:
            score -= 1.0  # a count or a share is the body's
        if window.endswith(TITLE_WORDS, 0, cut):
            score += 1.0  # …下一步打算|执法人员…: a section-title word ends the heading
        score -= abs(cut - target) / spread
        if best is None or score > best_score:
            best, best_score = cut, score
    if found is not None and len(window) >= _MIN_HEADING and window[-1] not in _NOT_LAST:
        # the whole first sentence, up to its 。: a boundary the text itself marks
        closed = enders[window[-1] + window[-2]]
        score = _SENTENCE_BOUNDARY + math.log1p(closed) - abs(len(window) - target) / spread
        if best is None or score > best_score:
            best = len(window)
    return None if best is None else end + best


@functools.cache
def word_classes() -> dict[str, str]:
    """Two-character nouns a heading closes on (N), verbs and prepositions a body opens
    with (V), adjectives and adverbs (A), four-character nouns of a noun and a verb never
    cut in two (C): `govread/data/word_classes.tsv`, made from
    jieba's dictionary by tools/make_word_classes.py. Read once, when a heading's end is
    first guessed."""
    data = resources.files("govread").joinpath("data", "word_classes.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in data.splitlines() if line and line[0] != "#")
    return {word: kind for word, kind in rows}


def _word_edge(window: str, cut: int) -> float:
    """How much a cut reads like a heading closing on a noun and a body opening with a
    verb (…履职能力|守牢…, …制度供给|紧扣…); a word cut in two weighs against it.

    Two characters the list does not hold, the first a verb by itself (W: 守牢, 抓实,
    筑牢), read as a verb: opening the body, for the cut; closing the heading, against it
    (unless the character after, or before, makes a word with one of them: 扣发展,
    自觉性; nor before a closing quote: …“一网通办”). A listed verb followed at once by a
    preposition or another verb (…有力保障|以构建…, …行政执法|开展…) has no object there: it
    ends the heading rather than opening the body (before a preposition, a cut before it
    weighs against). An adverb and its verb (严格执行) open
    the body as a verb does."""
    words = word_classes()
    if words.get(window[cut - 2 : cut + 2]) == "C":
        return -_WORD_EDGE  # a noun of a noun and a verb cut in two (行政|执法)
    score = 0.0
    if words.get(window[cut - 2 : cut]) in _NOUNS:
        score += _WORD_EDGE
    elif (
        words.get(window[cut - 2]) == "W"
        and _is_han(window[cut - 1])
        and window[cut - 2 : cut] not in words
        and window[cut - 3 : cut - 1] not in words
    ):
        score -= _WORD_EDGE
    opening = window[cut : cut + 2]
    kind = words.get(opening)
    if kind == "V" and len(opening) == 2:
        if window[cut + 2 : cut + 3] == "由":
            score += _WORD_EDGE  # …领导机制|成立由书记任组长的…: 由 begins its object's modifier
        elif words.get(window[cut + 2 : cut + 3]) == "V":
            score -= _WORD_EDGE  # …有力|保障以构建…: a body never opens on a verb with no object
        elif words.get(window[cut + 2 : cut + 4]) != "V":
            score += _WORD_EDGE
    elif kind == "A" and words.get(window[cut + 2 : cut + 4]) == "V":
        score += _WORD_EDGE  # an adverb and its verb: …依法行政|严格执行…
    elif words.get(window[cut]) == "V":
        score += _WORD_EDGE
    elif (
        kind is None
        and len(opening) == 2
        and words.get(opening[0]) == "W"
        and _is_han(opening[1])
        and window[cut + 1 : cut + 3] not in words
    ):
        score += _WORD_EDGE  # (not 扣|发展: 发展 is a word, so 扣发 is not one)
    if window[cut - 1 : cut + 1] in words and not (
        window[cut - 2 : cut] in words and opening in words
    ):
        score -= _WORD_EDGE  # (not 机制|成立: a word each side, 制成 across them by chance)
    return score


_WORD_EDGE = 1.5
# the classes of nouns (M: those that are verbs too, 建设 培育)
_NOUNS = ("N", "M")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# A body's opening that may as well be a heading's object (谋划|全市法治政府建设).
_WHOLE_PLACE = re.compile("[我全本]")


def _object_of_heading(window: str, start: int) -> bool:
    """Does a 全市 / 全镇 … in a short first sentence follow a word that does not end a
    heading (…精心谋划全市法治政府建设。), so it is the heading's object, not the body's
    subject (…强化组织领导|全区建立了…。)?"""
    return (
        _WHOLE_PLACE.match(window, start) is not None
        and word_classes().get(window[start - 2 : start]) not in _NOUNS
    )


def _after_verb(window: str, start: int) -> bool:
    """Do the two characters before `start` make a verb (完善, 推进) the list holds?"""
    return word_classes().get(window[start - 2 : start]) == "V"


def may_end_heading(text: str, at: int) -> bool:
    """May a heading end right before text[at] (not on 的 / 和 / 在 …)?"""
    return at > 0 and text[at - 1] not in _NOT_LAST


def opens_body(text: str, title_end: int, at: int) -> re.Match[str] | None:
    """The words a body opens with (2021年, 一是, 全年, 我区, 坚持 …) at text[at], after a
    heading that ends at `title_end` (a space between them, a line's run-in heading), as
    `_body_start` takes them: None after what no heading ends on (…的 2019年), and for a
    place that is the heading's object (推进 全市…, after a verb or a word no noun)."""
    opening = _BODY_OPENING.match(text, at)
    if opening is None or title_end < 2 or not may_end_heading(text, title_end):
        return None
    before = word_classes().get(text[title_end - 2 : title_end])
    if _WHOLE_PLACE.match(text, at) and before not in _NOUNS:
        return None  # 推进 全市…
    if _ACTOR_OPENING.match(text, at) and before == "V":
        return None  # 完善 我镇…领导小组
    return opening


def _body_start(window: str, titled: bool) -> tuple[int | None, bool, bool]:
    """Where a body begins inside a heading's first sentence: after a section-title word
    (存在问题|在看到…, when `titled`) or at a body's opening words (…一是…, …2021年，…);
    whether a section-title word decided it; and whether a body's opening words stood
    where no heading can end (…刚刚过去的2019年…: a body is glued on, somewhere)."""
    cut = None
    glued = False
    for match in _HEADING_END.finditer(window) if titled else ():
        title_end = _title_word_end(match, window)
        if _framed(window, 0, title_end):
            continue  # 以总目标|为统领: inside one phrase
        if title_end >= _MIN_HEADING and len(window) - title_end >= _MIN_BODY:
            cut = title_end
            break
    for opening in _BODY_OPENING.finditer(window, _MIN_HEADING):
        if cut is not None and opening.start() >= cut:
            break
        start = opening.start()
        if window[start - 1] in _NOT_LAST:
            glued = True  # …刚刚过去的|2019年: a heading never ends on 的 / 和 / 在 …
            continue
        if window[start - 1] not in ",\uff0c\u3001" and len(window) - start >= _MIN_BODY:
            if not titled and _object_of_heading(window, start):
                continue
            if _ACTOR_OPENING.match(window, start) and _after_verb(window, start):
                # …完善|我镇…领导小组, …推进|市委…巡察组反馈意见整改: the verb's object, not
                # a subject
                continue
            if start - 2 >= _MIN_HEADING and window[start - 2] == window[start - 1]:
                start -= 2  # a reduplicated adverb opens the body with it: 紧紧围绕
            return start, False, glued
    return cut, cut is not None, glued


# A run-in lead: a body whose paragraphs each open with a short imperative sentence
# (…贡献力量|完善规划体系。推进…。加速空间拓展。…), the heading on a line of its own. Flattened,
# the first paragraph's lead runs into the heading, which then seems to end at the lead's 。.
_LEAD_MIN = 4
_LEAD_MAX = 16
# the short sentences of a body read as leads: no clause marks, at most this long, closed by 。
_LEAD_SENTENCE = 14
# a body of leads: at least this many of its short sentences are leads, and a third of them
_MIN_LEADS = 2
# how much shorter than the body's shortest lead a glued lead may be, and how short at all
# (a verb and its object: 走深走实 is a heading's own end)
_LEAD_SLACK = 2
_TAIL_MIN = 5
_LEAD_SHARE = 3
# a sentence of a body short enough for a lead, with no clause marks or digits, closed by
# 。 (found from the sentence end before it, which is not taken: the next match starts there)
_SHORT_SENTENCE = re.compile(
    f"[{_SENTENCE_END}][ \\t\u3000]*"
    f"([^{_SENTENCE_END}{_CLAUSE_MARKS}:\uff1a{_DIGIT} \\t\u3000]{{{_LEAD_MIN},{_LEAD_SENTENCE}}})"
    "(?=\u3002)"
)
# How sure a lead's start must be (clause edges of the text, word classes, siblings).
_MIN_LEAD_SCORE = 2.0
# Siblings are parallel (…作出福田探索 / …树立福田标杆): a cut that leaves a heading ending
# as most of its siblings' do (the same word last, or the same word before the last) weighs
# this much more.
_PARALLEL = 2.0
_MIN_PARALLEL = 3


def _run_in_leads(
    lines: list[str],
    starts: list[tuple[int, int, int, int]],
    first: list[tuple[int, int, int]],
    groups: list[tuple[int, int]],
) -> tuple[list[tuple[int, int, int]], tuple[Counter[str], Counter[str]] | None]:
    """Headings whose first sentence ends with a lead like those of their own body, cut
    before it.

    Evidence is the heading's own body (up to the next heading): when most of its short
    sentences are verb-led leads (加速空间拓展。 建设科技基础设施。), a first sentence whose
    last clause ends in one (…贡献福田力量完善规划体系。) is a heading with no 。 of its own
    followed by its first paragraph's lead. A body of statements (新兴产业加速成长。) or with
    no short sentences leaves the heading as it is. Where the lead begins: where clauses of
    this text end and open, a noun closing the heading and a verb opening the lead, and
    siblings ending alike. Also returns the text's clause edges, if they were counted."""
    # the headings whose first sentence ends at a 。 where a lead may end, and the leads of
    # each sibling group's bodies (siblings' bodies are written alike)
    pending: list[tuple[int, int, int]] = []  # heading, low, high (before the body's say)
    bodies: dict[tuple[int, int], tuple[int, int, int]] = {}  # group: short, led, shortest
    for index, ((line_index, end, stop, _), (head_end, _, _)) in enumerate(
        zip(starts, first, strict=True)
    ):
        line = lines[line_index]
        if head_end >= stop or line[head_end] != "\u3002":
            continue
        short, led, shortest = _body_leads(line, head_end, stop)
        held = bodies.get(groups[index], (0, 0, _MAX_HEADING))
        bodies[groups[index]] = (held[0] + short, held[1] + led, min(held[2], shortest))
        sentence_length = head_end - end
        clause = max(map(line.rfind, _CLAUSE_MARKS, repeat(end), repeat(head_end))) + 1
        clause = max(0, clause - end)
        # the heading's last clause keeps as much as the lead takes (…贡献福田力量|完善规划体系,
        # not 着力提升行政|执法质量和效能)
        low = max(
            clause + _MIN_HEADING,
            sentence_length - _LEAD_MAX,
            (clause + sentence_length + 1) // 2,
        )
        if low <= sentence_length - _TAIL_MIN:
            pending.append((index, low, sentence_length))
    options: dict[int, list[tuple[int, float, tuple[str, str]]]] = {}
    stats: tuple[Counter[str], Counter[str]] | None = None
    for index, low, sentence_length in pending:
        short, led, shortest = bodies[groups[index]]
        if led < _MIN_LEADS or _LEAD_SHARE * led < short:
            continue  # not a body of leads
        # a lead not much shorter than the shortest of its bodies' (leads are alike)
        high = sentence_length - max(_TAIL_MIN, shortest - _LEAD_SLACK)
        if low > high:
            continue
        if stats is None:
            stats = _clause_edges(lines)
        line_index, end = starts[index][:2]
        sentence = lines[line_index][end : end + sentence_length]
        if found := _lead_starts(sentence, low, high, stats):
            # the whole sentence is a heading too, if its siblings' end as it does
            whole = (sentence[-2:] + "$", sentence[-4:-2] + "^")
            options[index] = [*found, (len(sentence), _MIN_LEAD_SCORE, whole)]
    if not options:
        return first, stats
    # siblings whose end is sure already vote with the words they end on
    voters = dict(options)
    wanted = {groups[index] for index in options}
    for index, (line_index, end, _, _) in enumerate(starts):
        if index not in options and groups[index] in wanted and first[index][2] == _SURE:
            head = lines[line_index][end : first[index][0]].rstrip(_TRIM)
            if len(head) >= _MIN_HEADING:
                voters[index] = [(-1, _MIN_LEAD_SCORE, (head[-2:] + "$", head[-4:-2] + "^"))]
    # how many siblings could end with each (word, place) key
    support: Counter[tuple[tuple[int, int], str]] = Counter()
    size: Counter[tuple[int, int]] = Counter(groups[index] for index in voters)
    for index, found in voters.items():
        keys = {key for _, _, pair in found for key in pair}
        support.update((groups[index], key) for key in keys)
    # siblings read alike: the key most of them can end with, by the sum of their scores
    totals: dict[tuple[int, int], dict[str, float]] = {}
    for index, found in voters.items():
        group = groups[index]
        if size[group] < _MIN_PARALLEL:
            continue
        best_by_key: dict[str, float] = {}
        for _, score, pair in found:
            for key in pair:
                best_by_key[key] = max(score, best_by_key.get(key, score))
        total = totals.setdefault(group, {})
        for key, score in best_by_key.items():
            if 2 * support[group, key] > size[group]:
                total[key] = total.get(key, 0.0) + score
    out = list(first)
    for index, found in options.items():
        shared = totals.get(groups[index])
        key = max(shared, key=shared.__getitem__) if shared else ""
        # the siblings' key decides where it fits at all; else the best cut, if sure enough
        alike = [(score, cut) for cut, score, pair in found if key in pair and score > 0]
        best, best_score = -1, _MIN_LEAD_SCORE
        if alike:
            best_score, best = max(alike)
        else:
            for cut, score, _ in found:
                if score > best_score:
                    best, best_score = cut, score
        if best >= 0 and starts[index][1] + best < first[index][0]:
            out[index] = (starts[index][1] + best, starts[index][1] + best, _SURE)
    return out, stats


def _body_leads(line: str, start: int, stop: int) -> tuple[int, int, int]:
    """The body after the sentence end at `start` (up to `stop`): how many short sentences
    it has, how many of them are leads (led by a verb, ended on a noun: 完善空间规划。, not
    创新能力显著增强。), and the length of the shortest lead."""
    words = word_classes()
    short = led = 0
    shortest = _MAX_HEADING
    for found in _SHORT_SENTENCE.finditer(line, start, stop):
        short += 1
        begin, end = found.span(1)
        if words.get(line[end - 2 : end], "") not in ("V", "A") and _verb_led(
            line, begin, strict=True
        ):
            led += 1
            shortest = min(shortest, end - begin)
    return short, led, shortest


def _verb_led(text: str, at: int, strict: bool) -> bool:
    """Does text[at:] open with a verb (完善…, 持续…, 不断加强…)? Not strict: any word
    before a verb too (全面推进…: the dictionary holds 全面 as a noun)."""
    words = word_classes()
    kind = words.get(text[at : at + 2])
    if kind == "V" or (kind is None and words.get(text[at]) == "W"):
        return True
    if kind == "M" and not strict:
        return True  # a verbal noun (培育壮大…), as a lead may open
    if strict and kind != "A":
        return False
    following = text[at + 2 : at + 4]
    return words.get(following) == "V" or (
        following not in words and words.get(following[:1]) == "W"
    )


def _lead_starts(
    sentence: str, low: int, high: int, stats: tuple[Counter[str], Counter[str]]
) -> list[tuple[int, float, tuple[str, str]]]:
    """Where a verb-led lead may begin in the last clause of a first sentence: each cut,
    its score and the heading's last two words before it."""
    openers, enders = stats
    words = word_classes()
    depth = 0
    for ch in sentence[:low]:
        if ch in _OPENING_QUOTES:
            depth += 1
        elif ch in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
    out = []
    for cut in range(low, high + 1):
        if cut > low:
            ch = sentence[cut - 1]
            if ch in _OPENING_QUOTES:
                depth += 1
            elif ch in _CLOSING_QUOTES:
                depth = max(0, depth - 1)
        last, following = sentence[cut - 1], sentence[cut]
        if depth or following in _NOT_FIRST:
            continue
        if last in _NOT_LAST and sentence[cut - 2 : cut] not in words:
            continue  # …为|, but not 作为|
        if not last.isalpha() or last.isascii() or not _verb_led(sentence, cut, strict=False):
            continue
        closed = enders[last + sentence[cut - 2]]
        score = math.log1p(openers[sentence[cut : cut + 2]]) + math.log1p(closed)
        score += _word_edge(sentence, cut)
        out.append((cut, score, (sentence[cut - 2 : cut] + "$", sentence[cut - 4 : cut - 2] + "^")))
    return out


# -- a closing run into the last chapter -------------------------------------------------

# Flattened, a report's closing paragraphs (…虽然取得了一定成绩,但还存在…; 下一步,我市将…)
# run on from its last chapter's body. A sentence opens the closing when it sums up the
# year and turns to what is still lacking, or turns to the plans for the next year; a plan
# sentence only when no earlier chapter has a sentence opening that way (a report whose
# chapters each end on 下一步… keeps the last one's in its chapter).

# a sentence that may open the closing (the end of the one before, then its first words)
_CLOSING_OPENING = re.compile(
    f"[{_SENTENCE_END}][{_SPACE}\u3000]*"
    r"(?=一年来|过去一年|回顾|总的来看|总体来看|总体而言|\d{4} ?年|同时|下一步|今后|展望|新的一年)"
)
_SUM_UP = re.compile(
    r"(?:一年来|过去一年|回顾[^\u3002,\uff0c]{0,6}一年|总的来看|总体来看|总体而言"
    r"|(?P<year>\d{4}) ?年度?[,\uff0c])"
)
_ACHIEVED = re.compile("成绩|成效|进展|成果")
_SHORTFALL = re.compile("问题|不足|差距|短板|弱项|薄弱|困难|短处")
_TURN = re.compile("但|然而|不过|同时")
_AWARE = re.compile(r"同时(?:也|还)?(?:要|应|必须)?(?:清醒|清楚)地?(?:看到|认识到)")
_PLAN_OPENING = (
    r"(?:下一步|今后|展望|新的一年|(?P<year>\d{4}) ?年)[,\uff0c]?"
    f"[^{_SENTENCE_END},\uff0c]{{0,16}}?(?:将|要)"
)
_PLAN = re.compile(_PLAN_OPENING)
# the same opening after any sentence end of the text before the last chapter
_PLANNED = re.compile(f"[{_SENTENCE_END}][{_SPACE}\u3000]*" + _PLAN_OPENING)


def _sentence_end(text: str, start: int) -> int:
    match = _SENTENCE_STOP.search(text, start)
    return match.end() if match else len(text)


def _sums_up(text: str, start: int, year: int | None) -> bool:
    """Does the sentence at `start` (with the next) sum up the year and turn to what is
    still lacking (…取得了一定成绩,但还存在一些问题 / 同时也要清醒看到…不足)?"""
    end = _sentence_end(text, start)
    if _AWARE.match(text, start):
        return _SHORTFALL.search(text, start, end) is not None
    opening = _SUM_UP.match(text, start)
    if opening is None:
        return False
    if year is not None and opening.group("year") and int(opening.group("year")) != year:
        return False
    window = _sentence_end(text, end)
    achieved = _ACHIEVED.search(text, start, window)
    if achieved is None:
        return False
    turn = _TURN.search(text, achieved.end(), window)
    return turn is not None and _SHORTFALL.search(text, turn.end(), window) is not None


def _plans(text: str, start: int, year: int | None) -> bool:
    """Does the sentence at `start` turn to the plans (下一步,我市将… / 2024年,…将…)?"""
    match = _PLAN.match(text, start)
    if match is None:
        return False
    return year is None or not match.group("year") or int(match.group("year")) == year + 1


def closing_cuts(text: str, before: str, year: int | None = None) -> list[int]:
    """Where the closing run into the last chapter's body `text` opens, and where each of
    its paragraphs opens after that (empty when none does). `before` is the text before
    that chapter (the document's evidence); `year` the report's, when its title says."""
    text, before = read_years(text), read_years(before)  # (２０２３年, 二〇二三年: the same places)
    planned_before = _plans(before, 0, None) or _PLANNED.search(before) is not None
    cuts: list[int] = []
    for match in _CLOSING_OPENING.finditer(text):
        start = match.end()
        if _sums_up(text, start, year) or (
            (cuts or not planned_before) and _plans(text, start, year)
        ):
            cuts.append(start)
    return cuts

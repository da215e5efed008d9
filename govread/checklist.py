"""The 督察 checklist: does a report hold the five contents the 2019 rule requires, and was it
published on time?

《法治政府建设与责任落实督察工作规定》(2019) asks every local government's annual report for
(1) 上一年度推进法治政府建设的主要举措和成效, (2) 存在的不足和原因, (3) 党政主要负责人履行推进
法治建设第一责任人职责、加强法治政府建设的有关情况, (4) 下一年度推进法治政府建设的主要安排 and
(5) 其他需要报告的情况, made public before 1 April of the following year.

Each content is found by headings *and* by text, sentence by sentence: many reports state
their shortcomings in a closing paragraph without a heading (株洲, 宝鸡), or in the first
sentences under 下一步工作安排 (咸宁). Each verdict carries its evidence: the ids of the
nodes (section, item, ``<sha12>/preamble``, ``<sha12>/closing``) whose text satisfies it,
with the sentence or heading that does.

Zones: a heading that announces shortcomings or next year's plans puts its section (and
subsections) in that zone, and so does a sentence that opens one (下一步, 下阶段, 2024年…将 in a
2023 report) for the rest of its text; the duty of the 第一责任人 counts only where it is
reported as done, not where it is planned or named as a shortcoming.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from govread.clip import clipped
from govread.parsers.model import Report, Section
from govread.parsers.outline import is_annex
from govread.plan_phase import SENTENCE as _SENTENCE
from govread.plan_phase import (
    SHORTCOMING_HEADING,
    chapters_before_titled_plans,
    is_plan_heading,
    opens_plan,
)
from govread.topics import cjk_len

ContentKey = Literal["measures", "shortcomings", "leaders_duty", "next_year", "other"]
CONTENTS: tuple[ContentKey, ...] = (
    "measures",
    "shortcomings",
    "leaders_duty",
    "next_year",
    "other",
)
# How each content is named for a person (the rule's words, shortened).
CONTENT_NAMES: dict[ContentKey, str] = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leaders_duty": "第一责任人职责",
    "next_year": "下一年度主要安排",
    "other": "其他需要报告的情况",
}
# Column headings where space is short (the corpus screen).
CONTENT_SHORT_NAMES: dict[ContentKey, str] = {
    "measures": "举措成效",
    "shortcomings": "不足原因",
    "leaders_duty": "第一责任人",
    "next_year": "下年安排",
    "other": "其他情况",
}
DEADLINE_MONTH, DEADLINE_DAY = 4, 1  # published *before* 1 April of the following year
EXCERPT_CHARS = 80
_MIN_MEASURES_CJK = 20  # a top-level section needs this much text to count as a measure

# Every pattern below is a bounded alternation of literals: nothing can backtrack without bound.

# The genre's ways of stating a shortcoming: "仍存在…不足", and what reads as one without
# that word: a problem that persists (问题依然突出), work that waits to be done (能力有待提高,
# 水平仍需提升), difficulties still faced (还面临不少困难和挑战), what falls short (落实不到位,
# 尚未完全建立, 还不够).
_SHORTCOMING_TEXT = re.compile(
    r"(?:仍|还|依然|仍然|尚|也|但)(?:然)?(?:存在|有)(?:着)?"
    r"(?:一些|一定的?|诸多|不少|许多|部分|若干|较多)?"
    r"(?:不足|问题|短板|弱项|薄弱|差距|困难|不够|缺陷)"
    r"|存在的(?:主要)?(?:不足|短板|差距)|不足之处|问题和不足|不足和问题"
    r"|(?:问题|矛盾|短板|弱项|差距|不足)(?:依然|仍然|仍|还|也|较为|比较|相对)(?:比较|较为)?"
    r"(?:突出|明显|存在|较多|较大)"
    r"|(?:有待|仍需|尚需|还需|亟待|亟需|仍有待|还有待)(?:要)?(?:进一步)?"
    r"(?:提高|提升|加强|增强|完善|规范|改进|健全|强化|深化|落实|优化|加大|解决|破解|补齐)"
    r"|(?:仍|还|依然|仍然|也)面临(?:着)?(?:不少|诸多|一些|许多|较多|很多|较大的?)?"
    r"(?:困难|挑战|压力|问题)"
    r"|(?:尚未|仍未|还未|未能)(?:完全|全面|有效|真正|彻底|充分|很好地?)?"
    r"(?:形成|建立|落实|到位|解决|实现|理顺|健全|覆盖|发挥)"
    r"|不够到位|不到位|(?:仍|还|尚)(?:不够|不足以|欠缺)"
)
_MEASURES_HEADING = re.compile(r"举措|成效|做法|成绩|主要工作|工作情况|进展|开展情况|取得")
_DUTY = re.compile(r"第一责任人|述法")
# What says a duty is not (yet, or not well) done, in the clause that names it: 尚未认真履行
# …第一责任人职责, 第一责任人职责落实不到位, 述法工作有待规范.
_NEGATION = re.compile(
    r"尚未|未能|仍未|还未|未|没有|不够|不到位|不力|缺位|有待|仍需|尚需|还需|亟待|亟需|需进一步"
)
# A clause ends at a comma, an enumeration comma or a colon (a sentence at 。；！？).
_CLAUSE = re.compile(r"[^，,、:：]+")
# A clause that carries on the one before it (…第一责任人职责，但落实还不到位).
_CARRIES_ON = re.compile(r"^(?:但|却|还|仍|尚|也|存在|有待)")
# "对…不到位的单位进行约谈": the negation describes whom an action was taken on.
_ACTED_ON = re.compile(r"^(?:对|针对)(?!照|标|比)")  # (对照…: a measure, not an object)
_OTHER_HEADING = re.compile(r"其他|需要报告")
_OTHER_TEXT = re.compile(r"其他需要(?:报告|说明)的(?:情况|事项)")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A node whose text satisfies a content, and the sentence or heading that does."""

    node_id: str
    text: str


@dataclass(frozen=True, slots=True)
class ContentCheck:
    key: ContentKey
    evidence: tuple[Evidence, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.evidence)

    @property
    def node_ids(self) -> list[str]:
        """The evidence's node ids, each once, in document order."""
        return list(dict.fromkeys(e.node_id for e in self.evidence))


@dataclass(frozen=True, slots=True)
class Checklist:
    """One report's verdicts: the five contents and publication on time."""

    report: Report
    contents: dict[ContentKey, ContentCheck] = field(default_factory=dict)
    published: str | None = None  # ISO date, the report's `published` (its signature's first)
    # None: no publication date, or no year reported. Judged by `made_public` when the text
    # gives it, else by `published`.
    on_time: bool | None = None
    made_public: str | None = None  # ISO date of the page's or header's 发布时间
    # its label there (发布时间, 发布日期 …; 成文日期 when the page gives no other date)
    made_public_by: str | None = None

    @property
    def signed_then_made_public(self) -> bool:
        """A report dated (signed) one day and made public another: both dates are news."""
        return bool(self.made_public and self.published and self.made_public != self.published)

    @property
    def missing(self) -> list[ContentKey]:
        return [key for key in CONTENTS if not self.contents[key].found]

    def to_json(self) -> dict[str, object]:
        """``{"path", "region", "year", "contents", "published", "made_public",
        "made_public_by", "on_time"}``."""
        return {
            "path": self.report.path,
            "region": self.report.region,
            "year": self.report.year,
            "contents": {
                key: {"found": check.found, "evidence": check.node_ids}
                for key, check in self.contents.items()
            },
            "published": self.published,
            "made_public": self.made_public,
            "made_public_by": self.made_public_by,
            "on_time": self.on_time,
        }


def _excerpt(text: str) -> str:
    text = text.strip()
    return clipped(text, EXCERPT_CHARS)


def _clauses(sentence: str) -> list[str]:
    return _CLAUSE.findall(sentence)


def _negates(clause: str) -> bool:
    """Whether a clause says something is not done, not one that acts on those who did not."""
    for match in _NEGATION.finditer(clause):
        if _ACTED_ON.match(clause) and clause[match.end() : match.end() + 1] == "的":
            continue
        if match.group() == "未" and clause[match.end() : match.end() + 1] in ("来", "成"):
            continue  # 未来 / 未成年人: no negation
        return True
    return False


def negated_duty(sentence: str) -> bool:
    """Whether a sentence names the 第一责任人 duty (or 述法) as not done: in the clause that
    names it, or in the next when that carries on (…职责，但落实还不到位)."""
    clauses = _clauses(sentence)
    for index, clause in enumerate(clauses):
        if not _DUTY.search(clause):
            continue
        if _negates(clause):
            return True
        following = clauses[index + 1].strip() if index + 1 < len(clauses) else ""
        if following and _CARRIES_ON.match(following) and _negates(following):
            return True
    return False


def states_shortcoming(sentence: str) -> bool:
    """Whether a sentence states a shortcoming (仍存在…不足, 能力有待提高, 落实不到位…), not
    where it names those an action was taken on (对…落实不到位的单位进行约谈)."""
    for clause in _clauses(sentence):
        for match in _SHORTCOMING_TEXT.finditer(clause):
            acted_on = _ACTED_ON.match(clause) and "的" in clause[match.end() : match.end() + 8]
            if not acted_on:
                return True
    return False


def _heading_zone(heading: str, year: int | None) -> ContentKey | None:
    if is_plan_heading(heading, year):
        return "next_year"
    if SHORTCOMING_HEADING.search(heading):
        return "shortcomings"
    if _OTHER_HEADING.search(heading):
        return "other"
    if _MEASURES_HEADING.search(heading):
        return "measures"
    return None


def _own_runs(section: Section) -> Iterator[tuple[str, str]]:
    """(node id, text) of a section's paragraphs, its inline items cut out as their own nodes."""
    for index, paragraph in enumerate(section.paragraphs):
        items = sorted((i for i in section.items if i.paragraph == index), key=lambda i: i.start)
        position = 0
        for item in items:
            if item.start > position:
                yield section.id, paragraph[position : item.start]
            yield item.id, paragraph[item.start : item.end]
            position = max(position, item.end)
        if position < len(paragraph):
            yield section.id, paragraph[position:]


class _Reader:
    """Walks a report once, in document order, collecting evidence for every content."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.year = report.year
        self.found: dict[ContentKey, list[Evidence]] = {key: [] for key in CONTENTS}

    def add(self, key: ContentKey, node_id: str, text: str) -> None:
        self.found[key].append(Evidence(node_id, _excerpt(text)))

    def text(self, node_id: str, text: str, zone: ContentKey | None) -> ContentKey | None:
        """Read one run of text sentence by sentence; return the zone it leaves off in."""
        for match in _SENTENCE.finditer(text):
            sentence = match.group()
            if opens_plan(sentence, self.year):
                zone = "next_year"
                self.add("next_year", node_id, sentence)
            if _DUTY.search(sentence) and negated_duty(sentence):
                # A duty named as not done is a shortcoming, never evidence of the duty done;
                # it states one shortcoming and opens no list of them (a duty reported done
                # after it still counts). In next year's plans it is a plan (需进一步压实…职责).
                if zone != "next_year":
                    self.add("shortcomings", node_id, sentence)
            else:
                if states_shortcoming(sentence):
                    self.add("shortcomings", node_id, sentence)
                    if zone != "next_year":
                        zone = "shortcomings"
                if _DUTY.search(sentence) and zone not in ("next_year", "shortcomings"):
                    self.add("leaders_duty", node_id, sentence)
            if _OTHER_TEXT.search(sentence):
                self.add("other", node_id, sentence)
        return zone

    def section(self, section: Section, inherited: ContentKey | None, root: bool = False) -> None:
        """`root`: a chapter of the report (level 1, or the outermost a report has: a part,
        盐田's 2019年工作回顾 over its (一)…(四), 2020年主要工作任务 over 一、…)."""
        own = _heading_zone(section.heading, self.year)
        # A heading inside next year's plans or the shortcomings does not leave them.
        zone = inherited if inherited in ("next_year", "shortcomings", "other") else own
        if root and zone is None and not is_annex(section):
            zone = "measures"  # a top-level section that is not a phase reports the year's work
        if own in ("next_year", "shortcomings", "other") and own == zone:
            self.add(own, section.id, section.raw_heading or section.heading)
        if _DUTY.search(section.heading) and zone not in ("next_year", "shortcomings"):
            # (a heading naming the duty as not done, 第一责任人职责落实不到位, states a shortcoming)
            negated = negated_duty(section.heading)
            key: ContentKey = "shortcomings" if negated else "leaders_duty"
            self.add(key, section.id, section.raw_heading or section.heading)
        if root and zone == "measures":
            body = "".join(section.paragraphs) + "".join(c.full_text() for c in section.children)
            if own == "measures" or cjk_len(body) >= _MIN_MEASURES_CJK:
                self.add("measures", section.id, section.raw_heading or section.heading)
        running = zone
        for node_id, text in _own_runs(section):
            left = self.text(node_id, text, running)
            # an item's zone stays within the item; the section's own text carries on
            if node_id == section.id:
                running = left
        for child in section.children:
            self.section(child, running)

    def read(self) -> dict[ContentKey, tuple[Evidence, ...]]:
        prefix = self.report.id
        for paragraph in self.report.preamble:
            self.text(f"{prefix}/preamble", paragraph, None)
        sections = self.report.sections
        results = chapters_before_titled_plans(sections, self.year)
        for index, section in enumerate(sections):
            self.section(section, None if index < results else "next_year", root=True)
        zone: ContentKey | None = None
        for paragraph in self.report.closing:
            zone = self.text(f"{prefix}/closing", paragraph, zone)
        return {key: tuple(found) for key, found in self.found.items()}


def parse_date(iso: str | None) -> dt.date | None:
    """An ISO date (``2024-02-29``, or the date part of a date-time), None when it is not one."""
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso.strip()[:10])
    except ValueError:
        return None


def deadline(year: int) -> dt.date:
    """The day a report on `year` must be published before: 1 April of the following year."""
    return dt.date(year + 1, DEADLINE_MONTH, DEADLINE_DAY)


def published_on_time(published: str | None, year: int | None) -> bool | None:
    """True when published before 1 April after `year`; None when either is unknown."""
    date = parse_date(published)
    if date is None or year is None or not 1 <= year < 9999:
        return None
    return date < deadline(year)


def publication(report: Report) -> tuple[str | None, str | None, bool | None]:
    """(published, made public, on time) of a report, as ISO dates and a verdict. The rule
    (made public before 1 April) is about the day the report was made public: its page's or
    header's 发布时间 / 发布日期 when the text gives one (else its 成文日期), else the one date
    it has (its signature's)."""
    published, made_public = parse_date(report.published), parse_date(report.made_public)
    judged = made_public or published
    return (
        published.isoformat() if published else None,
        made_public.isoformat() if made_public else None,
        published_on_time(judged.isoformat() if judged else None, report.year),
    )


def check(report: Report) -> Checklist:
    """The checklist of one report."""
    found = _Reader(report).read()
    published, made_public, on_time = publication(report)
    return Checklist(
        report=report,
        contents={key: ContentCheck(key, found[key]) for key in CONTENTS},
        published=published,
        made_public=made_public,
        made_public_by=report.made_public_by if made_public else None,
        on_time=on_time,
    )


def check_columns() -> tuple[str, ...]:
    per_content = [f"{key}{suffix}" for key in CONTENTS for suffix in ("", "_evidence")]
    return (
        "region",
        "year",
        "published",
        "made_public",
        "made_public_by",
        "on_time",
        *per_content,
        "path",
        "sha256",
    )


def check_rows(found: Sequence[Checklist]) -> list[dict[str, object]]:
    """One row per report: each content found (true/false) and its evidence node ids."""
    rows: list[dict[str, object]] = []
    for c in found:
        row: dict[str, object] = {
            "region": c.report.region,
            "year": c.report.year,
            "published": c.published,
            "made_public": c.made_public,
            "made_public_by": c.made_public_by,
            "on_time": c.on_time,
            "path": c.report.path,
            "sha256": c.report.sha256,
        }
        for key in CONTENTS:
            row[key] = c.contents[key].found
            row[f"{key}_evidence"] = c.contents[key].node_ids
        rows.append(row)
    return rows

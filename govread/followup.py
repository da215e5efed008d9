"""Promised and delivered: year N's plans set against year N+1's achievements.

A *plan* is a unit of year N's report on the 下一步 phase (`govread.compare.report_units`
splits a 下一步 / 工作安排 section into its items and a closing paragraph at 一是…二是…, as
the comparison does). Its *evidence* is the units of the next report's achievements (every
unit not on a phase: not a problem, not a plan) that speak of the same subject, found as
the comparison pairs plans by subject:

* topic: the achievement covers one of the plan's subject topics (`Unit.covers`);
* words: how much of the plan's word weight the passage carries (TF-IDF over jieba words
  with the domain dictionary, IDF over the units of both reports and the corpus given);
* indicator: the plan names a canonical indicator (出庭应诉率, 行政复议…) and the achievement
  reports a figure of it.

Each plan is then `followed up`, `partly` or `not mentioned` (thresholds below), with at
most `MAX_EVIDENCE` passages: node id, the sentence that shares most of the plan's words
(its paragraph and offsets), and the words shared. Plain data, no Textual.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govread.clip import clipped
from govread.compare import _SENTENCE, Unit, _cosine, _Idf, report_units
from govread.figures import Figure, report_figures
from govread.indicators import indicators
from govread.parsers.model import Report
from govread.plan_phase import PLANS
from govread.timeline import Progress, Timeline
from govread.topics import Lexicon, load_lexicon

FOLLOWED = "followed up"
PARTLY = "partly"
NOT_MENTIONED = "not mentioned"
STATUSES = (FOLLOWED, PARTLY, NOT_MENTIONED)

# How much of a plan a passage carries is its *coverage*: the share of the plan's word
# weight (TF-IDF) whose words the passage uses. Unlike the cosine it does not fall when the
# passage says more than the plan (a chapter that also reports other work), and a plan's
# generic words (建设, 推进) weigh little. The cosine is kept for the ranking and shown.
#
# Thresholds, measured on the hand-checked case (tests/fixtures/years: 通山县 2021–2023,
# nine plans labelled by reading both reports before any threshold was set; the labels are
# in tests/unit/test_timeline.py) and on the generated corpus (benchmarks/timeline.py,
# seed 1),
# as the best coverage of each plan by an achievement on its subject:
# * followed up: hand 0.58–1.00 (行政执法协调监督 → the 案卷评查 chapter 0.58, 普法责任制
#   0.86, five at 1.00); generated 0.45–1.00, most 0.62 and up, one paraphrase 0.23
#   (三项制度 for 公示/全过程记录/法制审核: missed, it is found "partly");
# * partly (the subject is spoken of, not the measures planned): hand 0.35 (三项制度 and
#   乡镇综合行政执法改革 planned, a chapter on enforcement staff delivered); generated
#   0.11–0.25, and 0.45 where the plan (出庭应诉制度) and the year's figure (出庭应诉率)
#   share their words;
# * not mentioned: 0.00 on the subject in both (0.07 and 0.08 in another topic's chapter).
# FOLLOWED_COVER sits in the gap 0.35–0.58 of the hand case (0.45 falls below it either
# way); PARTLY_COVER below the least partly (0.11) and above every unrelated passage on the
# subject. Without the subject a passage counts only from FOLLOWED_COVER, and then as
# partly (a shared phrase in another topic's chapter is a hint, not a delivery).
FOLLOWED_COVER = 0.50
PARTLY_COVER = 0.10
INDICATOR_BONUS = 0.10  # the plan's indicator reported in the passage: its coverage counts more
MAX_EVIDENCE = 3
QUOTE_CHARS = 40
_MIN_PLAN_TERMS = 2  # a plan with fewer words worth comparing (下一步,我县将…) is no plan


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage of the later report that speaks to a plan."""

    unit: Unit
    similarity: float  # cosine of their word vectors
    coverage: float  # share of the plan's word weight the passage uses
    same_subject: bool  # it covers one of the plan's subject topics
    indicator: str | None  # the plan's indicator it reports a figure of, if any
    shared: tuple[str, ...]  # words both use, most telling first
    quote: str  # the sentence with most shared words (QUOTE_CHARS at most)
    paragraph: int | None  # where that sentence is: paragraph of the unit's node, offsets
    start: int | None
    end: int | None

    @property
    def node_id(self) -> str:
        return self.unit.node_id

    @property
    def score(self) -> float:
        return self.coverage + (INDICATOR_BONUS if self.indicator else 0.0)


@dataclass(frozen=True, slots=True)
class Promise:
    """One plan of a year and what the next report says of it."""

    year: int
    plan: Unit
    next_year: int | None  # None: no later report to look in
    status: str  # FOLLOWED, PARTLY, NOT_MENTIONED; "" when there is no later report
    evidence: tuple[Evidence, ...]
    subjects: tuple[str, ...]  # the plan's subject topic ids


@cache
def _indicator_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each indicator's subjects as plain words (those without a gap)."""
    return tuple(
        (i.name, tuple(s for s in i.subjects if "…" not in s and len(s) >= 4)) for i in indicators()
    )


def plan_indicators(text: str) -> frozenset[str]:
    """The canonical indicators a plan names (提升行政机关负责人出庭应诉率 → 出庭应诉率)."""
    return frozenset(name for name, words in _indicator_words() if any(w in text for w in words))


_LISTED_START = re.compile(r"[一二三四五六七八九十]是")

# The lead-in of a list of plans: the genre opens it with when and who (下一步/2024年/今后,
# 我市/我县/我局 将), then says only under what guidance and to what general end
# (坚持以…为指导, 紧紧围绕…, 持续加强法治政府建设力度) or that the list follows (重点做好以下
# 工作). Every clause must be one of those: a clause with a measure of its own makes it a plan.
_LEAD_WHEN = r"(?:下一步|下一?阶段|下步|今后|明年|新的一年|\d{4}年度?)"
_LEAD_WHO = (
    r"(?:我(?:市|县|区|州|盟|旗|省|镇|乡|局|委|办|厅|院|们)|全(?:市|县|区|州|省)|[市县区州]政府)"
)
_LEAD_OPENING = re.compile(
    rf"^(?:{_LEAD_WHEN}[,，、]?\s{{0,2}})?{_LEAD_WHO}(?:将|要|会)"
    rf"|^{_LEAD_WHEN}[,，、]?\s{{0,2}}(?:将|要)"
)
_LEAD_OBJECT = r"(?:法治政府建设|法治建设|依法行政|法治[市县区州省]建设)"
_LEAD_CLAUSE = re.compile(
    rf"^{_LEAD_WHEN}$"  # 2024年, 重点做好以下工作
    # under what guidance
    r"|^(?:继续|始终|要)?(?:坚持|在|以)[^，,。；;：:]{1,40}(?:为指导|为引领|为统领|为遵循|领导下|指引下)$"
    r"|^(?:继续|始终)?(?:紧紧围绕|紧扣)[^，,。；;：:]{1,30}$"
    r"|^(?:进一步|深入|全面|认真|坚决|严格)?(?:学习)?(?:贯彻(?:落实)?|落实|按照|遵照|根据)"
    r"[^，,。；;：:]{1,30}(?:思想|精神|部署|要求|指示|讲话)(?:精神)?$"
    # to what general end: the rule of law as a whole, no measure of it
    r"|^(?:持续|不断|进一步|全面|加快|扎实|奋力|努力|大力|更好地?){0,2}"
    r"(?:加强|推进|推动|深化|提升|提高|加大|抓好|做好)?(?:[全我][市县区州省])?"
    rf"{_LEAD_OBJECT}(?:[和与及、]{_LEAD_OBJECT})?(?:工作)?"
    r"(?:不断|全面)?(?:力度|水平|进程|步伐|质量|成效|再上新台阶|迈上新台阶|再上新水平"
    r"|迈上新水平|取得新成效|走深走实|走向深入)?$"
    r"|^为[^，,。；;：:]{1,30}提供[^，,。；;：:]{0,8}法治保障$"
)
# that the list follows (重点做好以下工作, 着力抓好以下几个方面)
_LEAD_ANNOUNCE = re.compile(r"以下[^，,。；;：:]{0,10}(?:工作|方面|任务|措施)$|如下$")
_LEAD_CLAUSES = re.compile(r"[^，,。；;：:！!？?]+")


def is_lead_in(text: str) -> bool:
    """Whether a plan's text only introduces the plans after it (下一步,我市将坚持以…为指导,
    持续加强法治政府建设力度。 / 2024年,我县将重点做好以下工作:)."""
    text = text.strip()
    opening = _LEAD_OPENING.match(text)
    clauses = [c.strip() for c in _LEAD_CLAUSES.findall(text[opening.end() if opening else 0 :])]
    clauses = [c for c in clauses if c]
    if not clauses or not (opening or _LEAD_ANNOUNCE.search(clauses[-1])):
        return False  # (深入贯彻习近平法治思想 with no one to do it is a plan's heading)
    return all(_LEAD_CLAUSE.search(c) or _LEAD_ANNOUNCE.search(c) for c in clauses)


def plans_of(units: Sequence[Unit]) -> list[Unit]:
    """The plans among a report's units: those on the 下一步 phase, less the intro that heads
    a list of them (下一步,我县将坚持…: the section's own text before its 一是 items, or the
    part of a closing paragraph before its 一是; any unit that reads as a lead-in,
    `is_lead_in`, with plans after it) and pieces with too few words."""
    phase = [u for u in units if u.theme == PLANS and len(u.terms) >= _MIN_PLAN_TERMS]
    plans: list[Unit] = []
    for unit in phase:
        if unit.kind == "section" and any(
            other.node_id.startswith(unit.node_id + "#") for other in phase
        ):
            continue
        if (
            unit.kind == "closing"
            and not _LISTED_START.match(unit.text)
            and any(
                other.kind == "closing"
                and other.paragraph == unit.paragraph
                and other.order > unit.order
                and _LISTED_START.match(other.text)
                for other in phase
            )
        ):
            continue
        plans.append(unit)
    # a lead-in is no plan when plans follow it (alone, it is all the report plans)
    return [p for p in plans if not (is_lead_in(p.text) and any(o.order > p.order for o in plans))]


def _is_achievement(unit: Unit, lexicon: Lexicon) -> bool:
    return not lexicon.theme(unit.theme).phase


def _unit_figures(unit: Unit, figures: Sequence[Figure]) -> list[Figure]:
    section_id = unit.node_id.split("#")[0]
    return [
        f
        for f in figures
        if f.node_id.split("#")[0] == section_id
        and any(p == f.paragraph and s <= f.start < e for p, s, e in unit.spans)
    ]


def _paragraph_text(report: Report, node_id: str, paragraph: int) -> str | None:
    """The paragraph a unit's span counts in: the closing's, or its section's."""
    if node_id.endswith("/closing"):
        return report.closing[paragraph] if 0 <= paragraph < len(report.closing) else None
    section = report.find(node_id.split("#")[0])
    if section is None or not 0 <= paragraph < len(section.paragraphs):
        return None
    return section.paragraphs[paragraph]


def _quote(
    report: Report, unit: Unit, shared: Sequence[str]
) -> tuple[str, int | None, int | None, int | None]:
    """The unit's sentence with most shared words, and where it stands in its paragraph."""
    best: tuple[int, int, int, int, str] | None = None  # (-hits, paragraph, start, end, text)
    for paragraph, start, end in unit.spans:
        text = _paragraph_text(report, unit.node_id, paragraph)
        if text is None:
            continue
        for match in _SENTENCE.finditer(text, start, end):
            sentence = match.group().strip()
            if not sentence:
                continue
            hits = sum(1 for word in shared if word in sentence)
            candidate = (-hits, paragraph, match.start(), match.end(), sentence)
            if best is None or candidate[0] < best[0]:
                best = candidate
    if best is None:
        sentence = unit.text.strip()
        return clipped(sentence, QUOTE_CHARS), None, None, None
    _hits, paragraph, start, end, sentence = best
    return clipped(sentence, QUOTE_CHARS), paragraph, start, end


def _status(evidence: Sequence[Evidence]) -> str:
    best_on_subject = max((e.score for e in evidence if e.same_subject), default=0.0)
    best_any = max((e.score for e in evidence), default=0.0)
    if best_on_subject >= FOLLOWED_COVER:
        return FOLLOWED
    if best_on_subject >= PARTLY_COVER or best_any >= FOLLOWED_COVER:
        return PARTLY
    return NOT_MENTIONED


def _subjects(plan: Unit) -> tuple[str, ...]:
    return tuple(theme for theme, _share in plan.themes)


def word_weights(
    reports: Iterable[Report],
    lexicon: Lexicon | None = None,
    *,
    known: Mapping[str, Sequence[Unit]] | None = None,
    progress: Progress | None = None,
) -> _Idf:
    """Word weights over every unit of the reports (a report given twice counts once), each
    cut into units once here: `known` holds the units already at hand, by report id (a
    timeline's years), which are not asked of the unit cache again."""
    lexicon = lexicon or load_lexicon()
    documents = {r.id: r for r in reports}
    known = known or {}

    def units() -> Iterator[Unit]:
        for index, (key, report) in enumerate(documents.items(), start=1):
            yield from known[key] if key in known else report_units(report, lexicon)
            if progress is not None:
                progress(index, len(documents))

    return _Idf(unit.terms for unit in units())


def stored_weights(
    path: Path | None, reports: Sequence[Report], corpus: Sequence[Report]
) -> _Idf | None:
    """The word weights of `reports`' units over `corpus` (as `word_weights` gives them)
    read from the store at `path`: its comparison tables hold every stored report's words,
    so none is cut into units again. None without a store, or when some report of `corpus`
    is not from there."""
    if path is None:
        return None
    from govread.store import Store, StoreError, corpus_idf
    from govread.store_library import StoredReport, StoreReader, StoreReadError

    if not all(isinstance(report, StoredReport) for report in corpus):
        return None
    try:
        reader = StoreReader(path)
        store = Store.reading(path, reader.connection())
        try:
            n, df = corpus_idf(store, reports, [report.path or "" for report in corpus])
        finally:
            store.close()
    except (StoreError, StoreReadError, sqlite3.Error):
        return None  # the caller counts them from the reports instead
    return _Idf.counted(n, df)


def follow_up(
    earlier: Report,
    later: Report,
    corpus: Iterable[Report] = (),
    *,
    lexicon: Lexicon | None = None,
    idf: _Idf | None = None,
    units: tuple[Sequence[Unit], Sequence[Unit]] | None = None,
) -> list[Promise]:
    """Each plan of `earlier` with what `later` says of it (`idf`: the word weights, when
    the caller has them over the same reports already; `units`: both reports' units, when
    at hand)."""
    lexicon = lexicon or load_lexicon()
    units_then, units_now = units or (report_units(earlier, lexicon), report_units(later, lexicon))
    if idf is None:
        idf = word_weights((earlier, later, *corpus), lexicon)
    achievements = [u for u in units_now if _is_achievement(u, lexicon)]
    vectors = {id(u): idf.vector(u.terms) for u in achievements}
    figures = report_figures(later)
    promises: list[Promise] = []
    for plan in plans_of(units_then):
        here = idf.vector(plan.terms)
        weight = sum(here.values())
        subjects = _subjects(plan)
        named = plan_indicators(plan.text)
        found: list[Evidence] = []
        for unit in achievements:
            there = vectors[id(unit)]
            similarity = _cosine(here, there)
            coverage = sum(w for t, w in here.items() if t in there) / weight if weight else 0.0
            same = any(unit.covers(t) for t in subjects)
            indicator = next(
                (f.indicator for f in _unit_figures(unit, figures) if f.indicator in named), None
            )
            score = coverage + (INDICATOR_BONUS if indicator else 0.0)
            if score < (PARTLY_COVER if same else FOLLOWED_COVER):
                continue
            shared = tuple(
                sorted((t for t in here if t in there), key=lambda t: (-here[t] * there[t], t))
            )
            quote, paragraph, start, end = _quote(later, unit, shared)
            found.append(
                Evidence(
                    unit, round(similarity, 4), round(coverage, 4), same, indicator, shared[:8],
                    quote, paragraph, start, end,
                )
            )  # fmt: skip
        found.sort(key=lambda e: (-e.same_subject, -e.score, -e.similarity, e.unit.order))
        evidence = tuple(found[:MAX_EVIDENCE])
        promises.append(
            Promise(earlier.year or 0, plan, later.year, _status(evidence), evidence, subjects)
        )
    return promises


def timeline_promises(
    timeline: Timeline,
    corpus: Iterable[Report] = (),
    *,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    idf: _Idf | None = None,
) -> list[Promise]:
    """The plans of every year of a timeline against the next year's report (the next one
    the timeline has: with 2021 and 2023 only, 2021's plans meet 2023's report); the last
    year's plans have no later report (status ""). `idf`: the word weights over the
    timeline's reports and `corpus` when counted already (`word_weights`, `stored_weights`)."""
    lexicon = lexicon or load_lexicon()
    reports = timeline.reports
    units = timeline.units or tuple(report_units(report, lexicon) for report in reports)
    if idf is None:  # once for every pair of years
        known = {report.id: year for report, year in zip(reports, units, strict=True)}
        idf = word_weights((*reports, *corpus), lexicon, known=known)
    promises: list[Promise] = []
    for index, report in enumerate(reports):
        if index + 1 < len(reports):
            later = reports[index + 1]
            pair = (units[index], units[index + 1])
            promises.extend(follow_up(report, later, lexicon=lexicon, idf=idf, units=pair))
        else:
            promises.extend(
                Promise(report.year or 0, unit, None, "", (), _subjects(unit))
                for unit in plans_of(units[index])
            )
        if progress is not None:
            progress(index + 1, len(reports))
    return promises


_SPACES = re.compile(r"\s+")


def plan_text(plan: Unit, limit: int = 60) -> str:
    """A plan as one line (its whole text, cut at `limit` characters)."""
    text = _SPACES.sub(" ", plan.text).strip()
    return clipped(text, limit)

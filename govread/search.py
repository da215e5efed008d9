"""Chinese-aware search over reports: the query language, a substring index and BM25 ranking.

Query language (what `parse_query` accepts; it never raises):

    行政复议 出庭应诉      both terms in the same section (AND)
    行政复议 | 行政诉讼    either term (OR binds tighter than AND: ``a b | c`` is a AND (b OR c))
    -信访                 no section containing the term
    "严格规范公正文明执法"  an exact phrase (also “…” and 「…」); spaces inside are kept
    １００％ = 100%        full- and half-width forms, and letter case, match each other

Text and query are folded alike (NFKC + casefold, character by character, keeping a map from
folded offsets back to the original so highlights land on the text as written). A term found
verbatim somewhere in the index matches as a substring; a term found nowhere verbatim is
segmented with jieba and matches the units holding its words (all of them, or all but one of
three or more: see `words_suffice`) — a "words" match, ranked below exact ones. Phrases always
match verbatim.

Units searched: every Section (its heading and its own paragraphs), every inline Item, and
each report's preamble and closing as pseudo-units. `SearchIndex.filter` answers a query with
substring tests on text folded at index time (no jieba needed, fast enough for every
keystroke); `SearchIndex.search` ranks with BM25 over jieba tokens (the heading counted twice)
and returns `Hit`s with snippets and highlight spans.

Use from the TUI: build the index as reports load (`SearchIndex.build` / `add`, no jieba);
call `filter(text)` on each (debounced) keystroke and narrow the outline, each report shown
to its `in_report` ids plus ancestors (made for that report when asked: a broad query's
answer costs the reports on screen, not every match), showing `report_counts` /
`section_counts` and stepping through `hits` with n / N; in a worker after first paint call `segment.ensure_loaded()` then
`index.segment_reports()`, and filter again if the last result had `words_pending`. Highlight
any shown text with `highlight_spans(text, query)`; complete the input with `suggest(prefix)`.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import chain, compress, filterfalse, groupby, repeat
from operator import attrgetter, contains, eq, ge, gt, sub
from typing import Literal, NamedTuple, Protocol, TypeVar, overload

from govread import segment
from govread.i18n import _
from govread.node_ids import (
    OUTSIDE_SECTIONS,
    outside_label,
    outside_unit_id,
    report_id,
    report_id_of,
)
from govread.parsers.model import Item, Report, Section
from govread.parsers.script import simplified_table, traditional_only, zhe_read
from govread.sanitize import UNSAFE_CHARS

Span = tuple[int, int]
_T = TypeVar("_T")
MatchKind = Literal["exact", "words"]
UnitKind = Literal["section", "item", "preamble", "closing"]

PREAMBLE_LABEL = "前言"
CLOSING_LABEL = "结尾"
SNIPPET_CONTEXT = 40
ELLIPSIS = "…"

# BM25 parameters (the usual ones) and how much more a heading token weighs than a body one.
BM25_K1 = 1.2
BM25_B = 0.75
HEADING_WEIGHT = 2

# -- folding ------------------------------------------------------------------------------

_FOLD_TABLE: dict[int, str] = {}  # code point -> folded form, only where it differs
_RESIZING: set[str] = set()  # characters whose folded form is not exactly one character
_KNOWN: set[str] = set()
_PLAIN: set[str] = set()  # known characters that fold to themselves (most of a report's)
# A character outside the snapshot of _PLAIN last compiled (`_unusual`): `fold` looks only
# at those, found at C speed, where a set of every character of the text and a `translate`
# (a failed look-up per character) cost ≈ 1.3 ms a report. The snapshot is compiled anew
# once _UNUSUAL_LAG characters, or a quarter of those it holds, have become plain since
# (≈ 10 ms for 5,000 characters, 17 for 17,000: a dozen compilations in all).
_UNUSUAL_LAG = 256
_unusual: tuple[re.Pattern[str], int] = (re.compile(r"[\s\S]"), 0)  # (pattern, characters)


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ch).casefold())
    if folded in traditional_only():
        # 復 → 复: a report in traditional script is read as simplified, so a query copied
        # from its file (or typed so) finds it; only characters simplified text never writes
        # (not 於), one for one
        return chr(simplified_table()[ord(folded)])
    return folded


def _learn(chars: set[str]) -> None:
    for ch in chars:
        folded = _fold_char(ch)
        if folded != ch:
            _FOLD_TABLE[ord(ch)] = folded
        if len(folded) != 1:
            _RESIZING.add(ch)
        _KNOWN.add(ch)  # last, so a reader never sees a known char without its table entry
        if folded == ch:
            _PLAIN.add(ch)
    if len(_PLAIN) - _unusual[1] >= max(_UNUSUAL_LAG, _unusual[1] // 4):
        _compile_unusual()


def _compile_unusual() -> None:
    global _unusual
    plain = sorted(_PLAIN.copy())  # (a copy: another thread may be learning)
    # a character class, searched in constant time a character (no repeats: no backtracking)
    pattern = re.compile("[^" + "".join(map(re.escape, plain)) + "]")
    _unusual = (pattern, len(plain))


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and the way back: ``offsets[i]`` is the original index of folded char i."""

    text: str
    original_length: int
    offsets: tuple[int, ...] | None = None  # None when folding kept every length

    def original_span(self, start: int, end: int) -> Span:
        """The span of the original text that folded span [start, end) came from."""
        if self.offsets is None:
            return start, end
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        first = self.offsets[start]
        last = self.offsets[max(end - 1, start)] + 1 if end > start else first
        return first, last


def fold(text: str) -> Folded:
    """NFKC + casefold, character by character, with the map back to the original offsets."""
    # every character that folds to another, or is unknown, is among these (`_unusual`)
    chars = set(_unusual[0].findall(text))
    unknown = chars - _KNOWN
    if unknown:
        _learn(unknown)
    folding = [ch for ch in chars if ord(ch) in _FOLD_TABLE]
    if not folding:
        folded = text
    elif any(ch in folding for fold in folding for ch in _FOLD_TABLE[ord(fold)]):
        folded = text.translate(_FOLD_TABLE)  # (one replaced into another: all at once)
    else:
        folded = text  # (the few such characters a text holds, replaced one by one in C)
        for ch in folding:
            folded = folded.replace(ch, _FOLD_TABLE[ord(ch)])
    if not (chars & _RESIZING):
        return Folded(folded, len(text))
    offsets: list[int] = []
    for index, ch in enumerate(text):
        offsets.extend([index] * len(_FOLD_TABLE.get(ord(ch), ch)))
    return Folded(folded, len(text), tuple(offsets))


def fold_text(text: str) -> str:
    return fold(text).text


# -- the query language -------------------------------------------------------------------

_QUOTES = frozenset('"“”「」『』')


@dataclass(frozen=True, slots=True)
class Term:
    """One search term: as typed (after NFKC) and folded; a phrase never falls back to words."""

    text: str
    folded: str
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """AND of groups, each group an OR of terms, minus the excluded terms."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    # ``tag:执法`` / ``-tag:执法``: the reader's tags on marked nodes (the browser's filter
    # knows them; `SearchIndex.filter` takes them through its `tagged` argument).
    tags: tuple[str, ...] = ()
    excluded_tags: tuple[str, ...] = ()
    # ``genre:政府工作报告`` / ``level:部门`` / ``region:`` / ``province:`` / ``year:2022`` and
    # their ``-`` forms: the report's own metadata, (field name, value) pairs.
    fields: tuple[tuple[str, str], ...] = ()
    excluded_fields: tuple[tuple[str, str], ...] = ()
    # the field terms, as typed, whose value no report can have (``year:abc``,
    # ``level:市``): why such a query finds nothing (`bad_field_reason`)
    bad_fields: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the query asks for nothing (no terms at all)."""
        return not self.groups and not self.excluded and not self.has_tags and not self.has_fields

    @property
    def has_tags(self) -> bool:
        return bool(self.tags or self.excluded_tags)

    @property
    def has_fields(self) -> bool:
        return bool(self.fields or self.excluded_fields)

    @property
    def has_text(self) -> bool:
        """Terms matched against the text (not tags or report fields)."""
        return bool(self.groups or self.excluded)

    def report_matches(self, report: ReportFacts) -> bool:
        """Does a report's metadata satisfy every field term (and no excluded one)?"""
        return all(field_matches(name, value, report) for name, value in self.fields) and not any(
            field_matches(name, value, report) for name, value in self.excluded_fields
        )

    @property
    def terms(self) -> tuple[Term, ...]:
        """The positive terms, in order."""
        return tuple(term for group in self.groups for term in group)


def _make_term(value: str, phrase: bool) -> Term | None:
    text = " ".join(value.split()) if phrase else value.strip()
    folded = fold_text(text)
    return Term(text, folded, phrase) if folded.strip() else None


_TAG_PREFIX = "tag:"  # after NFKC, so "tag：" (a full-width colon) is one too

# Report-field prefixes (after NFKC and lower-casing): the field each one names.
FIELD_PREFIXES = {
    "genre:": "genre",
    "体裁:": "genre",
    "level:": "level",
    "级别:": "level",
    "region:": "region",
    "地区:": "region",
    "province:": "province",
    "省份:": "province",
    "year:": "year",
    "年份:": "year",
}
_LONGEST_PREFIX = max(map(len, FIELD_PREFIXES))
# ``level:`` values: the issuer's level as the parser names it.
_LEVELS = {
    "government": "government",
    "gov": "government",
    "政府": "government",
    "department": "department",
    "dept": "department",
    "部门": "department",
}
# One year or a range, each year perhaps followed by 年 (年份:2020年至2022年).
_YEARS = re.compile(r"([0-9]{4})年?(?:(?:-|\.\.|~|至|到)([0-9]{4})年?)?")


class ReportFacts(Protocol):
    """What a report's field terms are matched against (a `Report`, or a store's row)."""

    @property
    def genre(self) -> str | None: ...
    @property
    def issuer_level(self) -> str | None: ...
    @property
    def region(self) -> str | None: ...
    @property
    def city(self) -> str | None: ...
    @property
    def province(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...


def field_matches(name: str, value: str, report: ReportFacts) -> bool:
    """One field term against a report: ``genre`` / ``region`` / ``province`` hold the value
    (folded: 工作报告 finds 政府工作报告; ``region`` also the city: 深圳 finds 光明区), ``level`` is the issuer's level (government / 政府,
    department / 部门), ``year`` one year or a range (2020-2022, 2020..2022)."""
    if name == "level":
        return report.issuer_level is not None and _LEVELS.get(value.lower()) == report.issuer_level
    if name == "year":
        years = _year_range(value)
        if years is None or report.year is None:
            return False
        return years[0] <= report.year <= years[1]
    if name == "region":  # the place or the city it is in (region:深圳 finds 光明区)
        held = [report.region, report.city]
    else:
        held = [report.genre if name == "genre" else report.province]
    folded = fold_text(value)
    return any(folded in fold_text(text) for text in held if text)


def _year_range(value: str) -> tuple[int, int] | None:
    """A ``year:`` value as (first, last) year, or None when it names no years."""
    match = _YEARS.fullmatch(value)
    if match is None:
        return None
    low = int(match.group(1))
    high = int(match.group(2) or low)
    return (low, high) if low <= high else None


def field_value_is_valid(name: str, value: str) -> bool:
    """Whether a report could have this value: a ``year:`` names a year or a range of
    years, a ``level:`` one of the levels; the text fields take any value."""
    if name == "year":
        return _year_range(value) is not None
    if name == "level":
        return value.lower() in _LEVELS
    return True


def bad_field_reason(term: str) -> str:
    """Why a field term of `Query.bad_fields` finds nothing, in the interface language."""
    named = _field_term(term)
    if named is not None and named[0] == "level":
        return _("{term}: not a level (government, department)").format(term=term)
    return _("{term}: not a year (2022, 2020-2022)").format(term=term)


def _field_term(token: str) -> tuple[str, str] | None:
    """A ``name:value`` token as (field, value), or None when it names no field."""
    colon = token.find(":", 1, _LONGEST_PREFIX)
    if colon == -1 or colon + 1 >= len(token):
        return None
    name = FIELD_PREFIXES.get(token[: colon + 1].lower())
    return (name, token[colon + 1 :]) if name else None


# What `normalize` removes from report text (controls, bidi and invisible characters): a
# query pasted with one inside (a zero-width space from a web page) would never match
# verbatim. One character class, no repetition: linear.
_INVISIBLE_IN_QUERY = re.compile(f"[{UNSAFE_CHARS}]")


def parse_query(text: str) -> Query:
    """Parse a query leniently: an unbalanced quote runs to the end, a lone | or - is ignored;
    the characters report text never holds are dropped first. (著 reads 着 where a
    traditional report's 著 is read so: 著力 copied from one finds it.)"""
    s = zhe_read(unicodedata.normalize("NFKC", _INVISIBLE_IN_QUERY.sub("", text)))
    n = len(s)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    tags: list[str] = []
    excluded_tags: list[str] = []
    fields: list[tuple[str, str]] = []
    excluded_fields: list[tuple[str, str]] = []
    bad_fields: list[str] = []
    want_or = False
    i = 0
    while i < n:
        ch = s[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "|":
            want_or = bool(groups)
            i += 1
            continue
        negated = ch == "-"
        if negated:
            i += 1
            if i >= n or s[i].isspace() or s[i] == "|":
                continue  # a lone "-"
            ch = s[i]
        if ch in _QUOTES:
            end = i + 1
            while end < n and s[end] not in _QUOTES:
                end += 1
            term = _make_term(s[i + 1 : end], phrase=True)
            i = end + 1
        else:
            end = i
            while end < n and not s[end].isspace() and s[end] != "|" and s[end] not in _QUOTES:
                end += 1
            token = s[i:end]
            i = end
            if token.lower() == _TAG_PREFIX and i < n and s[i] in _QUOTES:
                # tag:"行政 执法": a tag with spaces (or quotes) in it, quoted
                close = i + 1
                while close < n and s[close] not in _QUOTES:
                    close += 1
                token += " ".join(s[i + 1 : close].split())
                i = close + 1
            if token[:4].lower() == _TAG_PREFIX and len(token) > len(_TAG_PREFIX):
                (excluded_tags if negated else tags).append(token[len(_TAG_PREFIX) :])
                want_or = False
                continue
            if (named := _field_term(token)) is not None:
                (excluded_fields if negated else fields).append(named)
                if not field_value_is_valid(*named):
                    bad_fields.append(token)
                want_or = False
                continue
            term = _make_term(token, phrase=False)
        if term is None:
            continue
        if negated:
            excluded.append(term)
        elif want_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        want_or = False
    return Query(
        text,
        _distinct_groups(groups),
        tuple(dict.fromkeys(excluded)),
        tuple(tags),
        tuple(excluded_tags),
        tuple(fields),
        tuple(excluded_fields),
        tuple(bad_fields),
    )


def _distinct_groups(groups: list[list[Term]]) -> tuple[tuple[Term, ...], ...]:
    """The groups with a term said twice said once (`a | a`, `a a`, `a | b b | a`): each
    was matched again over every unit, and a pasted line of 2,000 repeats held 650 MB."""
    distinct: dict[frozenset[Term], tuple[Term, ...]] = {}
    for group in groups:
        terms = tuple(dict.fromkeys(group))
        distinct.setdefault(frozenset(terms), terms)
    return tuple(distinct.values())


def _as_query(query: Query | str) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


# -- spans --------------------------------------------------------------------------------


def _find_all(haystack: str, needle: str) -> list[Span]:
    spans: list[Span] = []
    if not needle:
        return spans
    start = haystack.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _spans_in(folded: Folded, needles: Iterable[str]) -> list[Span]:
    found = [s for needle in needles for s in _find_all(folded.text, needle)]
    return _merge(folded.original_span(a, b) for a, b in _merge(found))


def match_extent(folded: Folded, needles: Iterable[str]) -> list[Span]:
    """From the start of the first match of any needle to the end of the last, in original
    offsets (one span; none without a match): every match of `_spans_in` lies in a range
    exactly when this span does, found with two searches a needle instead of all of them."""
    text = folded.text
    first = last = -1
    for needle in needles:
        start = text.find(needle) if needle else -1
        if start < 0:
            continue
        end = text.rfind(needle) + len(needle)
        first = start if first < 0 else min(first, start)
        last = max(last, end)
    if first < 0:
        return []
    return [(folded.original_span(first, first + 1)[0], folded.original_span(last - 1, last)[1])]


def any_match(folded: Folded, needles: Iterable[str]) -> bool:
    """Whether any needle occurs in the folded text (`_spans_in` would find something)."""
    return any(needle and needle in folded.text for needle in needles)


def _term_needles(term: Term, folded_text: str, *, allow_words: bool) -> list[str]:
    """What to look for of one term in one text: itself, or its words when it is not there."""
    if term.folded in folded_text:
        return [term.folded]
    if term.phrase or not allow_words or not segment.is_loaded():
        return []
    words = segment.words(term.folded)
    present = [w for w in words if w in folded_text]
    return present if present and words_suffice(len(present), len(words)) else []


def words_suffice(present: int, total: int) -> bool:
    """Whether a unit holding `present` of a term's `total` words matches it.

    All words when there are one or two; one may be missing from three or more, since a
    phrase written differently rarely repeats every word ("规范执法人员资格" vs a section on
    "行政执法人员培训和资格管理"). Units holding every word rank first.
    """
    return present >= (total if total <= 2 else total - 1)


def highlight_spans(text: str, query: Query | str) -> list[Span]:
    """Spans of `text` (original offsets, sorted, merged) where the query's terms occur.

    A term absent verbatim is highlighted by its words when jieba is loaded and all of them
    occur. Excluded terms are not highlighted.
    """
    q = _as_query(query)
    folded = fold(text)
    needles = [n for t in q.terms for n in _term_needles(t, folded.text, allow_words=True)]
    return _spans_in(folded, needles)


# -- units --------------------------------------------------------------------------------


class _Unit:
    """One searchable unit, folded at index time; tokens are filled in by segmentation."""

    __slots__ = (
        "ancestors",
        "body",
        "body_fold",
        "folded",
        "heading",
        "heading_fold",
        "id",
        "item",
        "kind",
        "label",
        "path",
        "report",
        "section",
        "tokens",
    )

    def __init__(
        self,
        *,
        unit_id: str,
        kind: UnitKind,
        report: int,
        heading: str,
        label: str,
        body: str,
        path: tuple[str, ...],
        ancestors: tuple[str, ...],
        section: Section | None = None,
        item: Item | None = None,
    ) -> None:
        self.id = unit_id
        self.kind = kind
        self.report = report
        self.heading = heading  # searchable heading text ("" for the pseudo-units)
        self.label = label  # what a hit shows as its heading
        self.body = body
        self.path = path
        self.ancestors = ancestors  # enclosing section ids, outermost first
        self.section = section
        self.item = item
        self.heading_fold = fold(heading)
        self.body_fold = fold(body)
        self.folded = self.heading_fold.text + "\n" + self.body_fold.text
        self.tokens: array[int] | None = None

    def split_spans(self, needles: Iterable[str]) -> tuple[list[Span], list[Span]]:
        """Spans of the needles in the heading and in the body, in original offsets."""
        needles = list(needles)
        return _spans_in(self.heading_fold, needles), _spans_in(self.body_fold, needles)


@dataclass(slots=True)
class _Entry:
    report: Report
    start: int  # first unit index
    end: int  # one past the last
    folded: str  # all units' folded text, for skipping a report in one test
    tokenized: bool = False


def _report_units(report: Report, number: int) -> list[_Unit]:
    units: list[_Unit] = []

    def outside_sections(kind: UnitKind, label: str, lines: tuple[str, ...]) -> None:
        # The preamble and the closing: searched as one unit each, when there is one.
        if lines:
            units.append(
                _Unit(
                    unit_id=outside_unit_id(report, kind),
                    kind=kind,
                    report=number,
                    heading="",
                    label=label,
                    body="\n".join(lines),
                    path=(label,),
                    ancestors=(),
                )
            )

    outside_sections("preamble", PREAMBLE_LABEL, report.preamble)

    for section in report.sections:
        _section_units(units, number, section, (), ())
    outside_sections("closing", CLOSING_LABEL, report.closing)
    return units


def _section_units(
    units: list[_Unit],
    number: int,
    section: Section,
    path: tuple[str, ...],
    ancestors: tuple[str, ...],
) -> None:
    """The section's unit, its items' and its children's, in document order (not a closure
    calling itself, which would be a cycle holding every unit until the garbage collector
    runs)."""
    own_path = (*path, section.heading)
    units.append(
        _Unit(
            unit_id=section.id,
            kind="section",
            report=number,
            heading=section.heading,
            label=section.heading,
            body="\n".join(section.paragraphs),
            path=own_path,
            ancestors=ancestors,
            section=section,
        )
    )
    for item in section.items:
        units.append(
            _Unit(
                unit_id=item.id,
                kind="item",
                report=number,
                heading=item.heading,
                label=item.heading,
                body=item.text,
                path=(*own_path, item.heading),
                ancestors=(*ancestors, section.id),
                section=section,
                item=item,
            )
        )
    for child in section.children:
        _section_units(units, number, child, own_path, (*ancestors, section.id))


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked search result."""

    report: Report
    node_id: str  # section id, item id, or "<sha12>/preamble" | "<sha12>/closing"
    kind: UnitKind
    section: tuple[str, ...]  # headings from the root down to this unit
    heading: str
    snippet: str
    score: float
    match: MatchKind
    heading_spans: tuple[Span, ...]  # in `heading`
    snippet_spans: tuple[Span, ...]  # in `snippet`
    text: str  # the unit's body text (paragraphs joined by newlines, or the item's text)
    text_spans: tuple[Span, ...]  # in `text`

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.report.path,
            "sha256": self.report.sha256,
            "region": self.report.region,
            "year": self.report.year,
            "title": self.report.display_title,
            "id": self.node_id,
            "kind": self.kind,
            "section": list(self.section),
            "heading": self.heading,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "match": self.match,
            "heading_spans": [list(s) for s in self.heading_spans],
            "snippet_spans": [list(s) for s in self.snippet_spans],
        }


class LazyHits(Sequence[str]):
    """Hits in document order, found only as far as they are asked for: the first one
    (the cursor's) costs the work up to it, `len` nothing when the count is known (`total`)
    and the whole walk otherwise; the full list is the same whichever way it is read.
    Equal to any sequence holding the same ids (a tuple of them, say)."""

    __slots__ = ("_found", "_lock", "_source", "_total")

    def __init__(self, source: Iterable[str], total: int | None = None) -> None:
        self._found: list[str] = []
        self._source: Iterator[str] | None = iter(source)
        self._total = total
        self._lock = threading.Lock()  # a worker and the UI may both read it

    def _reach(self, count: int | None) -> None:
        """Find hits until there are `count` (all of them when None)."""
        with self._lock:
            source, found = self._source, self._found
            if source is None:
                return
            if count is None:
                found.extend(source)
            else:
                for hit in source:
                    found.append(hit)
                    if len(found) >= count:
                        return
            self._source = None
            self._total = len(found)

    def __len__(self) -> int:
        if self._total is None:
            self._reach(None)
        assert self._total is not None
        return self._total

    def __bool__(self) -> bool:
        if self._total is not None:
            return self._total > 0
        self._reach(1)
        return bool(self._found)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            if index.stop is not None and index.stop >= 0 and (index.start or 0) >= 0:
                self._reach(index.stop)
            else:
                self._reach(None)
            return tuple(self._found[index])
        if index < 0:
            self._reach(None)
        else:
            self._reach(index + 1)
        return self._found[index]

    def __iter__(self) -> Iterator[str]:
        n = 0
        while True:
            if n >= len(self._found):
                self._reach(n + 1)
                if n >= len(self._found):
                    return
            yield self._found[n]
            n += 1

    def __contains__(self, value: object) -> bool:
        return any(hit == value for hit in self)

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        for n, hit in enumerate(self):
            if n >= start and (stop is None or n < stop) and hit == value:
                return n
        raise ValueError(f"{value!r} is not a hit")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyHits({tuple(self)!r})"


class ReportMatches(NamedTuple):
    """A filter's answer for the nodes of one report (`FilterResult.in_report`)."""

    ids: AbstractSet[str]
    ancestors: AbstractSet[str]
    section_counts: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class FilterResult:
    """What the TUI's filter needs after a keystroke.

    `ids` are the matching units (section ids, item ids, pseudo-unit ids); `ancestors` the
    sections to keep visible above them; `order` the matches in document order across reports.
    `hits` are the matches that count as hits, in document order (for n / N): one definition
    with `SearchIndex.search`, which lists the same units ranked. A section and an item of it
    that both match are one hit: the item when all the section's matches fall inside it, the
    section otherwise. `total`, `report_counts` (by report sha256) and `section_counts` (by
    section id: hits in the section's subtree, itself and its items included) count hits.
    `words_pending` is True when a term
    was found nowhere verbatim and its word fallback was skipped because jieba is still
    loading: filter again once `segment.is_loaded()`.

    `needles` are what matched, folded: each term found verbatim, or the words of a term
    matched through its words; `spans(text)` and `heading_spans(unit_id)` place them, so a
    caller highlights what matched without parsing the query again or loading jieba.
    """

    query: Query
    # (from either index, sets and sequences made as far as they are read: `NodeSet`,
    # `LazyHits`, `ReportSectionCounts`; what a report's nodes need, `in_report`)
    ids: AbstractSet[str] = frozenset()
    ancestors: AbstractSet[str] = frozenset()
    order: Sequence[str] = ()
    report_counts: dict[str, int] = field(default_factory=dict)
    section_counts: Mapping[str, int] = field(default_factory=dict)
    word_ids: AbstractSet[str] = frozenset()  # the ids matched only through a words fallback
    words_pending: bool = False
    hits: Sequence[str] = ()  # a tuple, or from an index `LazyHits` (found when read)
    needles: tuple[str, ...] = ()
    # the index's folded heading of a unit (folded once, when the report was added)
    _heading_of: Callable[[str], Folded | None] = field(
        default=lambda _unit_id: None, repr=False, compare=False
    )
    # `sectioned_reports()` when the index knew it (a store's counts are made when read)
    _sectioned: frozenset[str] | None = field(default=None, repr=False, compare=False)
    # `in_report(key)` when the index makes it per report (`ReportAnswer.in_report`)
    _in_report: Callable[[str], ReportMatches] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def total(self) -> int:
        return len(self.hits)

    def in_report(self, report_key: str) -> ReportMatches:
        """`ids`, `ancestors` and `section_counts` to look a report's nodes up in (from
        either index, made for that report alone, as the outline shows it)."""
        if self._in_report is not None:
            return self._in_report(report_key)
        return ReportMatches(self.ids, self.ancestors, self.section_counts)

    def sectioned_reports(self) -> frozenset[str]:
        """The reports (their ids) with a hit below the report itself (in a section or
        item): each such hit adds to the count of the sections above it."""
        if self._sectioned is not None:
            return self._sectioned
        return frozenset(map(report_id_of, self.section_counts))

    def spans(self, text: str) -> list[Span]:
        """Where the matched needles occur in `text` (original offsets, sorted, merged)."""
        return _spans_in(fold(text), self.needles) if self.needles else []

    def heading_spans(self, unit_id: str, heading: str) -> list[Span]:
        """The matches in a unit's heading, from the index's folded copy when it has one."""
        if not self.needles:
            return []
        folded = self._heading_of(unit_id)
        if folded is None or folded.original_length != len(heading):
            folded = fold(heading)
        return _spans_in(folded, self.needles)


def per_report(
    places: Sequence[int],
    starts: Sequence[int],
    ends: Sequence[int],
    report_at: Sequence[int],
) -> list[int]:
    """How many of these places (sorted) each report holds (a report's places are
    `starts[n]` to `ends[n]`, excluded; `report_at[place]` is its n): bisections over the
    reports between the first place's and the last's, or each place's report looked up
    where there are fewer places (C-level passes either way). One counting for the
    in-memory index and the store."""
    counts = [0] * len(ends)
    if not places:
        return counts
    first = bisect_right(ends, places[0])  # the report holding the first place
    last = bisect_right(starts, places[-1])  # past the report holding the last one
    if len(places) < 2 * (last - first):
        for report, n in Counter(map(report_at.__getitem__, places)).items():
            counts[report] = n
        return counts
    counts[first:last] = map(
        sub,
        map(bisect_left, repeat(places), ends[first:last]),
        map(bisect_left, repeat(places), starts[first:last]),
    )
    return counts


def repeated_items(
    matched: Sequence[int],
    is_item: Sequence[int],
    parent: Sequence[int],
    matched_set: set[int] | None = None,
) -> tuple[list[int], set[int]]:
    """The matching items whose section (`parent[place]`) matches too, in order (one hit
    between them: `is_hit`), and the matched places as a set (`matched_set`, when the
    caller has it already), in C-level passes."""
    items = list(compress(matched, map(is_item.__getitem__, matched)))
    if matched_set is None:
        matched_set = set(matched)
    return list(compress(items, map(matched_set.__contains__, map(parent.__getitem__, items)))), (
        matched_set
    )


class ReportAnswer:
    """The units a filter matched, by place (each unit's number in document order across
    the open reports; `matched` sorted), and what the outline reads of them, made for one
    report at a time when it asks (`in_report`: the report's matching ids, the sections
    above them, each section's hits) and kept: a keystroke's answer costs the reports on
    screen, not every match of a broad query. The in-memory index and the store each say
    where a report's places are (`spans`), which sections enclose some places
    (`ancestor_ids`) and how a report's counts are made (`count`). Read from any thread."""

    def __init__(self, matched: Sequence[int], node: Sequence[str]) -> None:
        self.matched = matched
        self.node = node  # place -> node id
        self._ids: dict[str, frozenset[str]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._counts: dict[str, Mapping[str, int]] = {}
        self._lock = threading.Lock()

    def spans(self, key: str) -> Sequence[tuple[int, int]]:
        """A report's places (by its id): [start, end) ranges, in order."""
        raise NotImplementedError

    def ancestor_ids(self, places: Sequence[int]) -> Iterable[str]:
        """The ids of the sections enclosing any of `places`."""
        raise NotImplementedError

    def count(self, key: str) -> Mapping[str, int]:
        """Each section's hits in one report (see `FilterResult.section_counts`)."""
        raise NotImplementedError

    def places_in(self, key: str, places: Sequence[int] | None = None) -> Sequence[int]:
        """The matched places (or these `places`, sorted) of one report (by its id)."""
        found = self.matched if places is None else places
        parts = [
            found[bisect_left(found, start) : bisect_left(found, end)]
            for start, end in self.spans(key)
        ]
        if len(parts) == 1:
            return parts[0]
        return list(chain.from_iterable(parts))  # (none, or a report opened twice)

    def ids_in(self, key: str) -> frozenset[str]:
        with self._lock:
            found = self._ids.get(key)
            if found is None:
                found = self._ids[key] = frozenset(map(self.node.__getitem__, self.places_in(key)))
            return found

    def ancestors_in(self, key: str) -> frozenset[str]:
        with self._lock:
            found = self._ancestors.get(key)
            if found is None:
                found = self._ancestors[key] = frozenset(self.ancestor_ids(self.places_in(key)))
            return found

    def counts_in(self, key: str) -> Mapping[str, int]:
        with self._lock:
            counts = self._counts.get(key)
            if counts is None:
                counts = self._counts[key] = self.count(key)
            return counts

    def in_report(self, key: str) -> ReportMatches:
        return ReportMatches(self.ids_in(key), self.ancestors_in(key), self.counts_in(key))


class NodeSet(AbstractSet[str]):
    """A set of node ids made from places (`FilterResult.ids`, `ancestors`, `word_ids`):
    `in` answered from the node's report alone (`per_report`), the whole set made only
    when it is iterated or counted (`whole`: its places, sorted)."""

    def __init__(
        self,
        answer: ReportAnswer,
        per_report: Callable[[str], AbstractSet[str]],
        whole: Callable[[], Sequence[int]],
    ) -> None:
        self._answer = answer
        self._per_report = per_report
        self._whole = whole
        self._places: Sequence[int] | None = None
        self._whole_ids: frozenset[str] | None = None

    @classmethod
    def _from_iterable(cls, it: Iterable[_T]) -> frozenset[_T]:
        return frozenset(it)  # (what `&`, `|`, `-` make)

    def places(self) -> Sequence[int]:
        if self._places is None:
            self._places = self._whole()
        return self._places

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and node_id in self._per_report(report_id_of(node_id))

    def _ids(self) -> frozenset[str]:
        if self._whole_ids is None:  # (a report opened twice holds its ids twice)
            self._whole_ids = frozenset(map(self._answer.node.__getitem__, self.places()))
        return self._whole_ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())

    def __len__(self) -> int:
        return len(self._ids())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NodeSet) and other._answer.node is self._answer.node:
            return self.places() == other.places()  # (the same index: same places, same ids)
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"NodeSet({set(self)!r})"


class ReportSectionCounts(Mapping[str, int]):
    """`FilterResult.section_counts` made a report at a time: a section's count is looked
    up in its report's counts (`ReportAnswer.counts_in`, made when first asked for: the
    outline asks for the sections it shows), every report's only when the whole mapping
    is read. The same for the in-memory index and the store."""

    def __init__(self, answer: ReportAnswer, sectioned: Collection[str]) -> None:
        self._answer = answer
        self._sectioned = sectioned  # the reports with counts
        self._all: dict[str, int] | None = None

    def counts_in(self, report_key: str) -> Mapping[str, int]:
        """Each section's hits in one report."""
        return self._answer.counts_in(report_key)

    def _whole(self) -> Mapping[str, int]:
        if self._all is None:
            spans = self._answer.spans
            whole: dict[str, int] = {}
            for key in sorted(self._sectioned, key=lambda key: tuple(spans(key)[:1])):
                whole.update(self._answer.counts_in(key))
            self._all = whole
        return self._all

    def __getitem__(self, key: str) -> int:
        found = self.counts_in(report_id_of(key))
        if key not in found:
            raise KeyError(key)
        return found[key]

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        return self.counts_in(report_id_of(key)).get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.counts_in(report_id_of(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self._whole())!r})"


class _Matched(ReportAnswer):
    """The in-memory index's answer, a report at a time: its places are the index's unit
    numbers; it reads the index's per-unit lists at fixed indices (they only grow), so it
    may be read on another thread than the one that filtered."""

    def __init__(
        self,
        matched: list[int],
        repeated: Collection[int],
        index: SearchIndex,
    ) -> None:
        super().__init__(matched, index._unit_ids)
        self._repeated = repeated  # items that are one hit with their section
        self._enclosing = index._ancestors
        self._keys = index._count_keys
        self._by_id = index._by_id
        self._spans = index._spans

    def spans(self, key: str) -> Sequence[tuple[int, int]]:
        return self._spans.get(key, ())

    def ancestor_ids(self, places: Sequence[int]) -> Iterable[str]:
        return chain.from_iterable(map(self._enclosing.__getitem__, places))

    def ancestor_places(self) -> list[int]:
        """The places of every matching unit's enclosing sections, sorted."""
        return sorted(set(map(self._by_id.__getitem__, set(self.ancestor_ids(self.matched)))))

    def count(self, key: str) -> Mapping[str, int]:
        counted = filterfalse(self._repeated.__contains__, self.places_in(key))
        return Counter(chain.from_iterable(map(self._keys.__getitem__, counted)))


@dataclass(slots=True)
class _Plan:
    """How one positive term matches: its needles and the units it matches."""

    term: Term
    kind: MatchKind
    needles: list[str]
    units: set[int]
    missing: dict[int, int] = field(default_factory=dict)  # words absent from a unit


@dataclass(slots=True)
class _Match:
    units: list[int]  # document order
    words_units: set[int]
    missing: Counter[int]  # per unit, the query's words it lacks (0 when absent)
    plans: list[_Plan]
    words_pending: bool
    unit_set: set[int] = field(default_factory=set)  # `units` as a set


def item_holding_all(
    section: Section, body_spans: list[Span], matching: Callable[[str], int | None]
) -> int | None:
    """The first item of `section` that matches (`matching` gives its unit, or None) and
    whose text holds every one of `body_spans` (offsets in the section's paragraphs joined by
    newlines). One rule for the in-memory index and the store: a section and an item of it
    that both match are one hit."""
    starts = [0]
    for paragraph in section.paragraphs:
        starts.append(starts[-1] + len(paragraph) + 1)
    ranges = [
        (item.id, starts[item.paragraph] + item.start, starts[item.paragraph] + item.end)
        for item in section.items
    ]
    return range_holding_all(ranges, body_spans, matching)


def range_holding_all(
    ranges: Iterable[tuple[str, int, int]],
    body_spans: list[Span],
    matching: Callable[[str], int | None],
) -> int | None:
    """`item_holding_all` given each item's (id, start, end) in the section's body text."""
    for item_id, low, high in ranges:
        unit = matching(item_id)
        if unit is None:
            continue
        if all(low <= a and b <= high for a, b in body_spans):
            return unit
    return None


def plan_term(
    term: Term,
    units_with: Callable[[str], Collection[int]],
    *,
    allow_words: bool,
    words_ready: bool,
) -> tuple[_Plan, bool]:
    """How `term` matches, given the units holding a needle: verbatim; else (not a phrase,
    two characters or more, `allow_words`) through its jieba words, a unit holding enough
    of them (`words_suffice`). The flag is True when that fallback was skipped because
    jieba is not ready (`words_ready`; it is never loaded here unless ready is claimed).
    One rule for the in-memory index, the browser's filter from a store and the store's
    search."""
    exact = units_with(term.folded)
    if exact or term.phrase:
        return _Plan(term, "exact", [term.folded], set(exact)), False
    if not allow_words or len(term.folded) < 2:
        return _Plan(term, "exact", [], set()), False
    if not words_ready:
        return _Plan(term, "words", [], set()), True
    words = segment.words(term.folded)
    if not words or words == [term.folded]:
        return _Plan(term, "words", [], set()), False
    present: Counter[int] = Counter()
    for word in words:
        present.update(units_with(word))
    # the units holding enough of the words, and what each lacks, in C-level passes
    total = len(words)
    need = next(n for n in range(total + 1) if words_suffice(n, total))  # (the fewest)
    held, counts = list(present), list(present.values())
    units = set(compress(held, map(ge, counts, repeat(need))))
    missing: dict[int, int] = {}
    for n in range(need, total):
        missing.update(dict.fromkeys(compress(held, map(eq, counts, repeat(n))), total - n))
    return _Plan(term, "words", words, units, missing), False


def is_hit(
    unit: int,
    kind: str,
    section: int | None,
    sole_item: Callable[[int], int | None],
) -> bool:
    """Whether a matching unit is a hit (see `FilterResult`): an item unless its section
    (`section`: the section's unit when it matches too, else None) has another sole item or
    none; a section unless one of its items holds all its matches (`sole_item(section)`:
    that item's unit, else None); a preamble or closing always. One rule for the
    in-memory index and the store, for the filter and for ranked search."""
    if kind == "item":
        return section is None or sole_item(section) == unit
    if kind == "section":
        return sole_item(unit) is None
    return True


def iter_hit_units(
    matched: Iterable[int],
    kind_of: Callable[[int], str],
    section_of: Callable[[int], int | None],
    sole_item: Callable[[int], int | None],
    tick: Callable[[], None] | None = None,
) -> Iterator[int]:
    """The units of `matched` that are hits (`is_hit`), in its order, one at a time (each
    section's sole item found when first needed): what a `LazyHits` walks. `tick()` is
    called every 256 units (a stale query stops there)."""
    sole: dict[int, int | None] = {}

    def sole_of(section: int) -> int | None:
        if section not in sole:
            sole[section] = sole_item(section)
        return sole[section]

    for n, unit in enumerate(matched):
        if tick is not None and not n % 256:
            tick()
        kind = kind_of(unit)
        section = section_of(unit) if kind == "item" else None
        if is_hit(unit, kind, section, sole_of):
            yield unit


def combine_plans(
    query: Query,
    plan_of: Callable[[Term], _Plan],
    all_units: Callable[[], set[int]],
    units_with: Callable[[str], Iterable[int]],
) -> tuple[set[int], set[int], Counter[int], list[_Plan]]:
    """The units that match `query`, given how each term matches (`plan_of`): the groups
    ANDed, the terms of a group ORed, excluded terms removed. Also the units matched only
    through a words fallback, the words each of them lacks, and the plans in query order.
    One definition for the in-memory index and the store, so both find the same hits."""
    plans: list[_Plan] = []
    matched: set[int] | None = None
    words_units: set[int] = set()
    missing: Counter[int] = Counter()
    for group in query.groups:
        group_units: set[int] = set()
        group_exact: set[int] = set()
        lacking_none: set[int] = set()  # units that some term of the group matches whole
        group_missing: dict[int, int] = {}  # the others: the fewest words a term lacks
        for term in group:
            plan = plan_of(term)
            plans.append(plan)
            group_units |= plan.units
            if plan.kind == "exact":
                group_exact |= plan.units
            lacking_none |= plan.units.difference(plan.missing) if plan.missing else plan.units
            for i, lacking in plan.missing.items():
                if i in plan.units:
                    group_missing[i] = min(group_missing.get(i, lacking), lacking)
        words_units |= group_units - group_exact
        missing.update(
            {
                i: n
                for i, n in group_missing.items()
                if n and i not in group_exact and i not in lacking_none
            }
        )
        matched = group_units if matched is None else matched & group_units
    if matched is None:
        matched = all_units() if query.excluded else set()
    for term in query.excluded:
        if matched:
            matched -= set(units_with(term.folded))
    return matched, words_units, missing, plans


def match_query(
    query: Query,
    units_with: Callable[[str], Collection[int]],
    all_units: Callable[[], set[int]],
    *,
    allow_words: bool,
    words_ready: bool,
) -> tuple[set[int], set[int], Counter[int], list[_Plan], bool]:
    """`combine_plans` over `plan_term`: the matching units, those matched only through a
    words fallback, the words each lacks, the plans, and whether a words fallback was
    skipped (jieba not ready)."""
    pending = False

    def plan_of(term: Term) -> _Plan:
        nonlocal pending
        plan, skipped = plan_term(
            term, units_with, allow_words=allow_words, words_ready=words_ready
        )
        pending = pending or skipped
        return plan

    matched, words_units, missing, plans = combine_plans(query, plan_of, all_units, units_with)
    return matched, words_units, missing, plans, pending


# -- the index ----------------------------------------------------------------------------


class _GivenUp(Exception):
    """A read-ahead's scan stopped: a newer key was typed."""


class SearchIndex:
    """Reports folded into searchable units; substring filtering, BM25 ranking, suggestions.

    Adding a report folds its text (fast, no jieba). Ranking and token suggestions need the
    reports segmented: `segment_reports()` does it (from the disk cache when possible) and
    `search` calls it itself. `filter` never needs it.
    """

    CACHE_SIZE = 256
    # the browser asks `filter` from a thread, the UI thread free meanwhile (its answer to
    # a query typed over is dropped): safe while loading adds reports, `filter` and `add`
    # holding the lock
    answers_in_worker = True

    def __init__(self, *, use_cache: bool = True) -> None:
        self.use_cache = use_cache
        self._entries: list[_Entry] = []
        self._units: list[_Unit] = []
        self._by_id: dict[str, int] = {}
        self._lock = threading.RLock()
        self._needle_cache: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._vocab: dict[str, int] = {}
        self._freq: Counter[int] = Counter()  # token id -> occurrences in the corpus
        self._doc_freq: Counter[int] = Counter()  # token id -> units holding it
        self._counted = 0  # units counted into _freq and _doc_freq so far (in index order)
        self._counted_length = 0  # their total token count (for BM25's average length)
        # per unit, precomputed so that filtering thousands of matches stays in C loops
        self._unit_ids: list[str] = []
        self._count_keys: list[tuple[str, ...]] = []  # enclosing sections (+ itself if one)
        self._section_units: list[int] = []  # an item's section's unit, else -1
        self._ancestors: list[tuple[str, ...]] = []  # the sections enclosing a unit
        self._kinds: list[str] = []
        self._folded: list[str] = []  # a unit's folded text (`_Unit.folded`)
        self._is_item = bytearray()  # 1 at an item
        self._outside = array("q")  # the preambles' and closings' units
        self._entry_at = array("q")  # a unit's entry (its report's place in `_entries`)
        # each entry's first unit and one past its last, its report's id and sha256
        self._starts = array("q")
        self._ends = array("q")
        self._entry_keys: list[str] = []
        self._entry_shas: list[str] = []
        # the units whose ids are a report's (by its id): runs of places [start, end), in
        # order (one, unless a report was opened twice)
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._sorted_vocab: list[str] | None = None
        self._term_counts: dict[str, int] = {}
        self.pool_used = False  # whether the last `segment_reports` used a process pool

    # -- building --

    @classmethod
    def build(
        cls, reports: Iterable[Report], *, use_cache: bool = True, segment_now: bool = False
    ) -> SearchIndex:
        index = cls(use_cache=use_cache)
        for report in reports:
            index.add(report)
        if segment_now:
            index.segment_reports()
        return index

    def add(self, report: Report) -> None:
        """Add one report (folded now; segmented later by `segment_reports`)."""
        units = _report_units(report, len(self._entries))
        folded = "\x00".join(u.folded for u in units)
        with self._lock:
            start = len(self._units)
            self._units.extend(units)
            key = report_id(report)
            number = len(self._entries)
            for offset, unit in enumerate(units):
                self._by_id.setdefault(unit.id, start + offset)
                self._unit_ids.append(unit.id)
                own = (unit.id,) if unit.kind == "section" else ()
                self._count_keys.append((*unit.ancestors, *own))
                self._ancestors.append(unit.ancestors)
                self._kinds.append(unit.kind)
                self._folded.append(unit.folded)
                self._is_item.append(unit.kind == "item")
                if unit.kind in OUTSIDE_SECTIONS:
                    self._outside.append(start + offset)
            self._entry_at.extend(repeat(number, len(units)))
            at = start
            for prefix, run in groupby(map(report_id_of, map(attrgetter("id"), units))):
                ranges = self._spans.setdefault(prefix, [])
                end = at + len(list(run))
                if ranges and ranges[-1][1] == at:
                    ranges[-1] = (ranges[-1][0], end)  # (one assignment: a reader sees either)
                else:
                    ranges.append((at, end))
                at = end
            self._place_items(units, start)
            self._starts.append(start)
            self._ends.append(start + len(units))
            self._entry_keys.append(key)
            self._entry_shas.append(report.sha256)
            self._entries.append(_Entry(report, start, start + len(units), folded))
            self._needle_cache.clear()
            self._term_counts.clear()

    def _place_items(self, units: list[_Unit], start: int) -> None:
        """Each item's section unit, found once here rather than for every matching unit
        of every keystroke: the section unit just before its items in this report's own
        units (not by id, which a second file of the same text shares)."""
        section_at = -1
        for offset, unit in enumerate(units):
            if unit.kind == "section":
                section_at = start + offset
            self._section_units.append(section_at if unit.kind == "item" else -1)

    @property
    def reports(self) -> list[Report]:
        return [entry.report for entry in self._entries]

    def __len__(self) -> int:
        return len(self._units)

    @property
    def tokens_ready(self) -> bool:
        """True when every report is segmented (ranking and token suggestions are complete)."""
        return all(entry.tokenized for entry in self._entries)

    def segment_reports(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
        parallel_threshold: int | None = None,
        workers: int | None = None,
    ) -> int:
        """Segment every report not yet segmented (disk cache first); returns how many were.

        Loads jieba if needed. Safe to run in a worker thread while `filter` is used. When
        more than `parallel_threshold` (default `segment.PARALLEL_THRESHOLD`) reports miss the
        disk cache, they are segmented in a process pool on every core (`pool_used` says so
        afterwards). `progress(done, total)` follows each report merged; once `cancelled()`
        is true the work stops (the pool shut down), leaving the rest for a later call.
        """
        segment.ensure_loaded()
        pending = [e for e in self._entries if not e.tokenized]
        jobs: list[segment.SegmentJob] = []
        for entry in pending:
            texts: dict[str, str] = {}
            for unit in self._units[entry.start : entry.end]:
                texts[unit.id + "|h"] = unit.heading_fold.text
                texts[unit.id + "|b"] = unit.body_fold.text
            jobs.append((entry.report.sha256, texts))
        source = segment.ParallelTokens(
            jobs,
            use_cache=self.use_cache,
            threshold=parallel_threshold,
            workers=workers,
            cancelled=cancelled,
        )
        stream = iter(source)
        done = 0
        try:
            for entry, found in zip(pending, stream, strict=False):
                self._merge_tokens(entry, found)
                done += 1
                if progress is not None:
                    progress(done, len(pending))
        finally:
            stream.close()  # its own `finally` shuts the pool down
            self.pool_used = source.pool_used
        with self._lock:
            self._count_tokens()  # here, so the worker pays for it rather than a keystroke
        return done

    def _merge_tokens(self, entry: _Entry, found: dict[str, list[str]]) -> None:
        """Give each unit of one report its token ids (growing the vocabulary)."""
        units = self._units[entry.start : entry.end]
        with self._lock:
            vocab = self._vocab
            for tokens in found.values():
                for token in set(tokens).difference(vocab):
                    vocab[token] = len(vocab)
                    self._sorted_vocab = None
            for unit in units:
                heading = array("I", map(vocab.__getitem__, found[unit.id + "|h"]))
                unit.tokens = heading * HEADING_WEIGHT
                unit.tokens.extend(map(vocab.__getitem__, found[unit.id + "|b"]))
            entry.tokenized = True

    # -- matching --

    def _units_with(
        self, needle: str, cancelled: Callable[[], bool] | None = None
    ) -> frozenset[int]:
        """The units whose folded text contains `needle` (cached; narrowed incrementally).
        The scan holds no lock of its own (`filter` holds the index's for its whole answer;
        a read-ahead does not, so that adding reports and the suggestions never wait for
        it): it reads the units there were when it began, and its answer is cached only if
        none were added meanwhile. Once `cancelled()` (checked every 64 reports), it stops
        with `_GivenUp`, caching nothing."""
        with self._lock:
            cached = self._needle_cache.get(needle)
            if cached is not None:
                self._needle_cache.move_to_end(needle)
                return cached
            # Typing extends a term: the units holding "行政复议" are among those holding
            # "行政复", so scan only the best cached sub-needle's units.
            base: frozenset[int] | None = None
            for key, units in self._needle_cache.items():
                if key in needle and (base is None or len(units) < len(base)):
                    base = units
            entries, size = self._entries[:], len(self._units)
        # (C-level passes: `contains(text, needle)` is `needle in text`)
        folded, needles = self._folded, repeat(needle)
        if base is not None:
            found = frozenset(compress(base, map(contains, map(folded.__getitem__, base), needles)))
        else:
            hits: list[int] = []
            for n, entry in enumerate(entries):
                if cancelled is not None and not n % 64 and cancelled():
                    raise _GivenUp
                if needle in entry.folded:
                    start, end = entry.start, entry.end
                    hits.extend(
                        compress(range(start, end), map(contains, folded[start:end], needles))
                    )
            found = frozenset(hits)
        with self._lock:
            if len(self._units) == size:  # (else the cache was cleared: reports came)
                self._needle_cache[needle] = found
                if len(self._needle_cache) > self.CACHE_SIZE:
                    self._needle_cache.popitem(last=False)
        return found

    def read_ahead(self, query: Query | str, cancelled: Callable[[], bool]) -> None:
        """Find the units of the needles `query`'s filter will look for (its terms, a term
        found nowhere verbatim through its words, its excluded terms) into the cache, so
        that the filter, asked a moment later (the filter bar waits for typing to settle),
        finds them there: the first scan of a short needle is most of a keystroke's work.
        Once `cancelled()` (the next key), it stops. As `StoreIndex.read_ahead`."""
        q = _as_query(query)

        def units_with(needle: str) -> frozenset[int]:
            return self._units_with(needle, cancelled)

        try:
            for term in q.terms:
                if cancelled():
                    return
                plan_term(term, units_with, allow_words=True, words_ready=segment.is_loaded())
            for term in q.excluded:
                if cancelled():
                    return
                units_with(term.folded)
        except _GivenUp:
            return

    def _match(self, query: Query, *, allow_words: bool = True) -> _Match:
        matched, words_units, missing, plans, pending = match_query(
            query,
            self._units_with,
            lambda: set(range(len(self._units))),
            allow_words=allow_words,
            words_ready=segment.is_loaded(),
        )
        return _Match(sorted(matched), words_units & matched, missing, plans, pending, matched)

    def filter(
        self,
        query: Query | str,
        *,
        allow_words: bool = True,
        tagged: Callable[[str], Collection[str]] | None = None,
    ) -> FilterResult:
        """Answer a query for the outline filter: substring tests only, no ranking.

        The word fallback runs only when jieba is already loaded (it never loads it here).
        `tagged(tag)` gives the node ids carrying a tag, for ``tag:`` terms (without it, a
        query with a ``tag:`` term finds nothing).
        """
        q = _as_query(query)
        if q.is_empty:
            return FilterResult(q)
        # one consistent view while loading adds reports from another thread (`add`
        # holds the lock too); what is read later (the hits, headings) is at fixed
        # indices of lists that only grow
        with self._lock:
            match = self._match(q, allow_words=allow_words)
            matched = match.units
            if q.has_fields and not q.has_text:
                matched = self._top_units()
            if q.has_tags:
                matched = self._by_tags(q, matched, tagged)
            if q.has_fields:
                matched = self._by_fields(q, matched)
            needles = [n for plan in match.plans for n in plan.needles]
            # A section and its matching items are one hit between them, counted in the same
            # places whichever it is (an item's count keys are its section's): the counts are
            # made from the units that are not such items, in C-level passes; which unit is the
            # hit is decided as far as the hits are read (the cursor's first, n / N onwards);
            # ids, ancestors and section counts are made for a report when the outline reads
            # it (`ReportAnswer`), every match's only when the whole set is read.
            repeated, matched_set = repeated_items(
                matched,
                self._is_item,
                self._section_units,
                match.unit_set if matched is match.units else None,
            )
            starts, ends, entry_at = self._starts, self._ends, self._entry_at
            counts = per_report(matched, starts, ends, entry_at)
            if repeated:
                counts = list(map(sub, counts, per_report(repeated, starts, ends, entry_at)))
            outside = array(
                "q", compress(self._outside, map(matched_set.__contains__, self._outside))
            )
            # the reports with a hit in a section or item (not in the preamble or closing alone)
            sectioned = frozenset(
                compress(
                    self._entry_keys, map(gt, counts, per_report(outside, starts, ends, entry_at))
                )
            )
            unit_ids = self._unit_ids
            found = _Matched(matched, set(repeated), self)
            words = sorted(match.words_units)
            hits = self._iter_hits(matched, matched_set, repeated, needles)
            return FilterResult(
                query=q,
                ids=NodeSet(found, found.ids_in, lambda: matched),
                ancestors=NodeSet(found, found.ancestors_in, found.ancestor_places),
                order=LazyHits(map(unit_ids.__getitem__, matched), total=len(matched)),
                report_counts=dict(compress(zip(self._entry_shas, counts, strict=True), counts)),
                section_counts=ReportSectionCounts(found, sectioned),
                word_ids=NodeSet(
                    found,
                    lambda key: frozenset(map(unit_ids.__getitem__, found.places_in(key, words))),
                    lambda: words,
                ),
                words_pending=match.words_pending,
                hits=LazyHits(map(unit_ids.__getitem__, hits), total=len(matched) - len(repeated)),
                needles=tuple(dict.fromkeys(needles)),
                _heading_of=self._heading_fold,
                _sectioned=sectioned,
                _in_report=found.in_report,
            )

    def _iter_hits(
        self,
        matched: list[int],
        matched_set: set[int],
        repeated: Collection[int],
        needles: list[str],
    ) -> Iterator[int]:
        """The matching units that are hits (see `FilterResult`), in document order, one at
        a time: only the sections that match together with an item are looked into."""
        section_units = self._section_units
        contested = set(map(section_units.__getitem__, repeated))

        def section_of(i: int) -> int | None:
            section = section_units[i]
            return section if section in matched_set else None

        def sole_item(i: int) -> int | None:
            return self._sole_item(i, matched_set, needles) if i in contested else None

        return iter_hit_units(matched, self._kinds.__getitem__, section_of, sole_item)

    def _hits(self, matched: list[int], needles: list[str]) -> list[int]:
        """The matching units that are hits (see `FilterResult`), in document order."""
        matched_set = set(matched)
        repeated = {i for i in matched if self._section_units[i] in matched_set}
        return list(self._iter_hits(matched, matched_set, repeated, needles))

    def _spans_cache(self, needles: list[str]) -> Callable[[int], tuple[list[Span], list[Span]]]:
        cache: dict[int, tuple[list[Span], list[Span]]] = {}

        def spans_of(i: int) -> tuple[list[Span], list[Span]]:
            if i not in cache:
                cache[i] = self._units[i].split_spans(needles)
            return cache[i]

        return spans_of

    def _matched_section(self, index: int, matched: set[int]) -> int | None:
        """The section of an item, when it matches too."""
        section = self._section_units[index]
        return section if section in matched else None

    def _heading_fold(self, unit_id: str) -> Folded | None:
        position = self._by_id.get(unit_id)
        return self._units[position].heading_fold if position is not None else None

    def _by_tags(
        self, q: Query, matched: list[int], tagged: Callable[[str], Collection[str]] | None
    ) -> list[int]:
        """`matched` kept to the units under every ``tag:`` (the unit, a section above it or
        its report carrying the tag) and none under a ``-tag:``. With no text terms, the
        units that carry every tag themselves."""
        if tagged is None:
            return [] if q.tags else matched
        wanted = [set(tagged(tag)) for tag in q.tags]
        unwanted: set[str] = set().union(*(tagged(tag) for tag in q.excluded_tags))
        units, entries = self._units, self._entries
        if not q.has_text:
            if wanted:
                own = set.intersection(*wanted)
                matched = sorted(self._by_id[i] for i in own if i in self._by_id)
            elif not q.has_fields:  # (with fields, `matched` holds the reports' top units)
                matched = list(range(len(units)))

        def above(i: int) -> set[str]:
            unit = units[i]
            return {unit.id, *unit.ancestors, report_id(entries[unit.report].report)}

        kept: list[int] = []
        for i in matched:
            nodes = above(i)
            if all(nodes & ids for ids in wanted) and not nodes & unwanted:
                kept.append(i)
        return kept

    def _top_units(self) -> list[int]:
        """The units at the top of every report (preamble, chapters, closing): what a query
        of report fields alone (``genre:政府工作报告``) matches."""
        return [i for i, unit in enumerate(self._units) if not unit.ancestors]

    def _by_fields(self, q: Query, matched: list[int]) -> list[int]:
        """`matched` kept to the units of reports whose metadata satisfies the query's
        field terms (``genre:`` ``level:`` ``region:`` ``province:`` ``year:``)."""
        units, entries = self._units, self._entries
        allowed = [q.report_matches(entry.report) for entry in entries]
        return [i for i in matched if allowed[units[i].report]]

    # -- ranking --

    def search(self, query: Query | str, limit: int | None = None) -> list[Hit]:
        """Ranked hits, best first: exact matches, then word matches holding every word, then
        the others; BM25 score within each.

        An item and its section are not both listed: the item when all the section's matches
        fall inside it, the section otherwise. Loads jieba and segments reports if needed.
        """
        q = _as_query(query)
        if q.is_empty:
            return []
        self.segment_reports()
        match = self._match(q)
        if q.has_fields:
            match.units = self._by_fields(q, match.units if q.has_text else self._top_units())
        if not match.units:
            return []
        matched = set(match.units)
        with self._lock:
            self._count_tokens()
        scorers = self._scorers(match.plans)
        needles = [n for plan in match.plans for n in plan.needles]
        spans_of = self._spans_cache(needles)
        ranked: list[tuple[tuple[bool, int, float, int], int]] = []
        for index in match.units:
            unit = self._units[index]
            score = sum(scorer(unit) for scorer in scorers)
            key = (index in match.words_units, match.missing[index], -score, index)
            ranked.append((key, index))
        ranked.sort()
        hits: list[Hit] = []
        for (is_words, _missing, negative_score, _index), index in ranked:
            if limit is not None and len(hits) >= limit:
                break
            if not self._reported(index, matched, needles):
                continue
            unit = self._units[index]
            heading_spans, body_spans = spans_of(index)
            kind: MatchKind = "words" if is_words else "exact"
            report = self._entries[unit.report].report
            hits.append(_make_hit(report, unit, -negative_score, kind, heading_spans, body_spans))
        return hits

    def _reported(self, index: int, matched: set[int], needles: list[str]) -> bool:
        """Whether a matching unit is listed, or left to its section or to one of its items."""
        kind = self._units[index].kind
        section = self._matched_section(index, matched) if kind == "item" else None
        return is_hit(index, kind, section, lambda i: self._sole_item(i, matched, needles))

    def _sole_item(self, section_index: int, matched: set[int], needles: list[str]) -> int | None:
        """The one matching item of a section holding all of the section's matches, if any."""
        section = self._units[section_index].section
        if section is None or not section.items:
            return None

        # a section's items are the units right after it (`_section_units`), so the
        # items of this copy of a report, never another file's of the same text
        places = {item.id: section_index + 1 + n for n, item in enumerate(section.items)}

        def matching(item_id: str) -> int | None:
            item_index = places.get(item_id)
            return item_index if item_index is not None and item_index in matched else None

        if all(matching(item.id) is None for item in section.items):
            return None  # no item of it matches (its spans need not be found)
        unit = self._units[section_index]
        if any_match(unit.heading_fold, needles):
            return None
        extent = match_extent(unit.body_fold, needles)
        return item_holding_all(section, extent, matching) if extent else None

    def _scorers(self, plans: Sequence[_Plan]) -> list[Callable[[_Unit], float]]:
        """One BM25 scorer per distinct query token (or substring, when no token fits)."""
        count = max(self._counted, 1)
        average = self._counted_length / count or 1.0
        seen: set[str] = set()
        scorers: list[Callable[[_Unit], float]] = []

        def weight(tf: float, length: int) -> float:
            norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
            return tf * (BM25_K1 + 1) / (tf + norm)

        def idf(df: int) -> float:
            return math.log(1 + (count - df + 0.5) / (df + 0.5))

        for plan in plans:
            for needle in plan.needles:
                for token in self._scoring_tokens(needle):
                    if token in seen:
                        continue
                    seen.add(token)
                    token_id = self._vocab.get(token)
                    if token_id is not None:
                        token_idf = idf(self._df(token_id))

                        def by_token(u: _Unit, t: int = token_id, w: float = token_idf) -> float:
                            tf = u.tokens.count(t) if u.tokens is not None else 0
                            return w * weight(tf, len(u.tokens or ())) if tf else 0.0

                        scorers.append(by_token)
                    else:
                        needle_idf = idf(len(self._units_with(token)))

                        def by_text(u: _Unit, s: str = token, w: float = needle_idf) -> float:
                            tf = u.folded.count(s)
                            return w * weight(tf, len(u.tokens or ())) if tf else 0.0

                        scorers.append(by_text)
        return scorers

    def _scoring_tokens(self, needle: str) -> list[str]:
        """The index tokens a needle is scored by: itself when it is one, else its known parts."""
        if needle in self._vocab:
            return [needle]
        parts = [t for t in dict.fromkeys(segment.tokens(needle)) if t in self._vocab]
        return parts or [needle]

    def _df(self, token_id: int) -> int:
        return self._doc_freq[token_id]

    # -- suggestions --

    def suggest(self, prefix: str, limit: int = 10) -> list[str]:
        """Completions of `prefix` from the open reports: tokens and dictionary terms, by frequency.

        Before segmentation only the user dictionary's terms found in the reports are offered.
        """
        key = fold_text(prefix).strip()
        if not key or limit <= 0:
            return []
        counts: dict[str, int] = {}
        with self._lock:
            self._count_tokens()
            if self._sorted_vocab is None:
                self._sorted_vocab = sorted(self._vocab)
            vocab = self._sorted_vocab
        position = bisect_left(vocab, key)
        while position < len(vocab) and vocab[position].startswith(key):
            token = vocab[position]
            position += 1
            if token != key and len(token) >= 2 and _is_suggestible(token):
                counts[token] = self._freq[self._vocab[token]]
        for term in segment.user_terms():
            folded = fold_text(term)
            if folded.startswith(key) and folded != key and folded not in counts:
                occurrences = self._term_count(folded)
                if occurrences:
                    counts[folded] = occurrences
        ranked = sorted(counts, key=lambda t: (-counts[t], len(t), t))
        return ranked[:limit]

    def _count_tokens(self) -> None:
        """Bring the corpus statistics up to date with the units segmented so far."""
        units = self._units
        while self._counted < len(units):
            tokens = units[self._counted].tokens
            if tokens is None:
                break
            self._freq.update(tokens)
            self._doc_freq.update(set(tokens))
            self._counted_length += len(tokens)
            self._counted += 1

    def _term_count(self, folded: str) -> int:
        found = self._term_counts.get(folded)
        if found is None:
            found = sum(entry.folded.count(folded) for entry in self._entries)
            self._term_counts[folded] = found
        return found

    # -- lookup --

    def unit_text(self, node_id: str) -> tuple[str, str] | None:
        """The searchable (heading, body) of a unit, as the spans of its hits index them."""
        index = self._by_id.get(node_id)
        if index is None:
            return None
        unit = self._units[index]
        return unit.heading, unit.body


def _is_suggestible(token: str) -> bool:
    return any(unicodedata.category(ch) == "Lo" or ch.isalpha() for ch in token) and not (
        token.isdigit()
    )


def _make_hit(
    report: Report,
    unit: _Unit,
    score: float,
    kind: MatchKind,
    heading_spans: list[Span],
    body_spans: list[Span],
) -> Hit:
    snippet, snippet_spans = make_snippet(unit.body, body_spans, passages=passage_starts(unit))
    # the preamble and the closing are named in the interface language, not as indexed
    label = outside_label(unit.kind) if unit.kind in OUTSIDE_SECTIONS else unit.label
    return Hit(
        report=report,
        node_id=unit.id,
        kind=unit.kind,
        section=(label,) if unit.kind in OUTSIDE_SECTIONS else unit.path,
        heading=label,
        snippet=snippet,
        score=score,
        match=kind,
        heading_spans=tuple(heading_spans) if unit.heading else (),
        snippet_spans=tuple(snippet_spans),
        text=unit.body,
        text_spans=tuple(body_spans),
    )


def passage_starts(unit: _Unit) -> tuple[int, ...]:
    """Where a unit's text holds a passage that does not follow the one before it in the
    report: a part's summing-up (`Section.after_children`), its unit's text joined to the
    part's intro by a line break, though the part's subsections stand between them. The
    offset of the summing-up's first character, when the part has both; else none."""
    section = unit.section
    if unit.kind != "section" or section is None:
        return ()
    lead = section.lead_count
    if not 0 < lead < len(section.paragraphs):
        return ()
    at = sum(map(len, section.paragraphs[:lead])) + lead  # each paragraph and its line break
    # (the unit's text is the paragraphs joined: checked, not assumed, for a stored one)
    return (at,) if 0 < at < len(unit.body) and unit.body[at - 1] == "\n" else ()


def make_snippet(
    text: str,
    spans: Sequence[Span],
    context: int = SNIPPET_CONTEXT,
    *,
    passages: Sequence[int] = (),
) -> tuple[str, list[Span]]:
    """About `context` characters either side of the first span, with ellipses where cut.

    `passages`: the offsets, in order, where a passage of `text` begins that does not run
    on from the one before it (`passage_starts`): the snippet keeps within the passage
    holding the first span (the first passage when there is none), never running the end
    of one into the start of the next.
    Newlines become spaces (one for one), so the returned spans index the snippet.
    """
    first_start, first_end = spans[0] if spans else (0, 0)
    low, high = 0, len(text)  # the passage holding the first span
    for at in passages:
        if at <= first_start:
            low = at
        else:
            high = min(high, at - 1)  # (the line break before the next passage)
            break
    start = max(low, first_start - context)
    end = min(high, max(first_end, first_start) + context)
    if not spans:
        end = min(high, 2 * context)
    # never cut inside a hit: a hit the window's end falls in is shown whole (行政复议, not 行…)
    for a, b in spans:
        if a < end < b:
            end = b
        if a < start < b:
            start = a
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    body = text[start:end].replace("\n", " ")
    shift = len(prefix) - start
    shown = [
        (max(a, start) + shift, min(b, end) + shift) for a, b in spans if a < end and b > start
    ]
    return prefix + body + suffix, shown

"""Theme coverage: how much of each report speaks to each theme of the 纲要.

A report is cut into units the way a reader would tally it: each section's own text (its
paragraphs without the 一是/二是 items), each item, each preamble and closing paragraph
(a bare signature or date is no unit; a closing paragraph that turns to next year's plans,
…存在一些短板。下阶段，我市将…, is two, cut where its plans open: `govread.plan_phase`).
Each unit goes to one theme of `govread.topics`:
a unit under a 存在的问题 / 下一步工作 heading (or one naming a later year, as the comparison
reads it: `plan_phase.heading_phase`), or a closing paragraph that is about problems or
plans, goes to that phase theme; every other unit to its best subject theme
(``other`` when the lexicon says nothing). A report's coverage of a theme is the number of
its units there and their share of the report's text (CJK characters), and the number of its
other units whose own words cover the theme besides their main one (`topics.covered_themes`,
the rule the comparison and the timeline read): a report is silent on a theme only when no
unit covers it, as `govread compare` says. No jieba: plain keyword counting, so a thousand
reports take seconds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from govread.parsers.model import Report, Section
from govread.plan_phase import PLANS, chapters_before_titled_plans, heading_phase, plan_offset
from govread.topics import (
    OTHER_ID,
    Lexicon,
    cjk_len,
    covered_themes,
    load_lexicon,
    main_theme,
    mentioned_themes,
)

_MIN_UNIT_CJK = 6  # a stretch shorter than this (a signature, a date) is no unit


@dataclass(frozen=True, slots=True)
class ThemeShare:
    theme: str  # theme id
    units: int
    chars: int  # CJK characters of those units
    share: float  # chars / the report's CJK characters in units, 0-1
    first_node: str | None = None  # the node of its first unit, to go and read it
    # units mainly on another theme whose own words cover this one too (宝鸡's 三、 on
    # 重大行政决策程序 under 制度建设); first_node is the first of them when units is 0
    within: int = 0
    # units that name the theme in passing (a keyword of it) though none covers it (秦皇岛's
    # 安全生产 passage under 重点领域执法); first_node is the first of them then
    mentions: int = 0

    @property
    def covered(self) -> bool:
        """Whether any text of the report covers the theme."""
        return self.units > 0 or self.within > 0

    @property
    def silent(self) -> bool:
        """Whether the report says nothing on the theme: no text covers it, no word names it."""
        return not self.covered and self.mentions == 0


def percent(share: float) -> str:
    """A share as a whole percentage, "<1" for one that rounds to 0 but is not none (a
    topic covered by one short unit is said, not shown as 0 beside its unit count)."""
    shown = f"{share * 100:.0f}"
    return "<1" if share > 0 and shown == "0" else shown


def empty_label(share: ThemeShare) -> str:
    """A table cell for a theme no unit is mainly about: `(+2)` when units of other themes
    cover it, `~1` when units only name it in passing, `·` when the report is silent on it."""
    if share.within:
        return f"(+{share.within})"
    if share.mentions:
        return f"~{share.mentions}"
    return "·"


@dataclass(frozen=True, slots=True)
class Coverage:
    """One report's coverage of every theme, in the lexicon's order (``other`` last)."""

    report: Report
    themes: tuple[ThemeShare, ...]
    total_chars: int

    def of(self, theme_id: str) -> ThemeShare:
        for share in self.themes:
            if share.theme == theme_id:
                return share
        raise KeyError(theme_id)

    @property
    def silent(self) -> list[str]:
        """The subject themes this report says nothing on (no unit covers or names them)."""
        return [s.theme for s in self.themes if s.silent and s.theme != OTHER_ID]


def _own_text(section: Section) -> str:
    runs: list[str] = []
    for index, paragraph in enumerate(section.paragraphs):
        position = 0
        for item in sorted(
            (i for i in section.items if i.paragraph == index), key=lambda i: i.start
        ):
            runs.append(paragraph[position : item.start])
            position = max(position, item.end)
        runs.append(paragraph[position:])
    return "\n".join(run for run in runs if run.strip())


_Unit = tuple[str, int, str, tuple[frozenset[str], frozenset[str]]]


def _units(report: Report, lexicon: Lexicon) -> Iterator[_Unit]:
    """(theme id, CJK characters, node id, (the themes its own words cover, those they name))
    of every unit of the report."""
    seen: dict[str, dict[str, int]] = {}

    def covers(heading: str, body: str) -> tuple[frozenset[str], frozenset[str]]:
        themes, phases = covered_themes(lexicon, heading, body, seen)
        named = mentioned_themes(lexicon, heading, body, seen)
        return phases.union(theme for theme, _ in themes), named

    def subject(heading: str, body: str, context: Sequence[str], *, item: bool = False) -> str:
        # the comparison's rule of a unit's main theme, on no theme included (`main_theme`)
        scores = lexicon.score(heading, body, context, seen=seen)
        return main_theme(lexicon, scores, body, heading, item=item, seen=seen)

    def phase_of(heading: str) -> str | None:
        return heading_phase(heading, report.year, lexicon)

    def walk(section: Section, context: list[str], zone: str | None) -> Iterator[_Unit]:
        zone = zone or phase_of(section.heading)
        body = _own_text(section)
        if (size := cjk_len(body)) >= _MIN_UNIT_CJK:
            theme = zone or subject(section.heading, body, context)
            yield theme, size, section.id, covers(section.heading, body)
        inner = [section.heading, *context]
        for item in section.items:
            if (size := cjk_len(item.text)) >= _MIN_UNIT_CJK:
                theme = zone or subject(item.heading, item.text, inner, item=True)
                yield theme, size, item.id, covers(item.heading, item.text)
        for child in section.children:
            yield from walk(child, inner, zone)

    prefix = report.id
    for paragraph in report.preamble:
        if (size := cjk_len(paragraph)) >= _MIN_UNIT_CJK:
            yield subject("", paragraph, ()), size, f"{prefix}/preamble", covers("", paragraph)
    plans_from = chapters_before_titled_plans(report.sections, report.year)
    for index, section in enumerate(report.sections):
        yield from walk(section, [], PLANS if index >= plans_from else None)
    for paragraph in report.closing:
        for part in _closing_parts(paragraph, report.year):
            if (size := cjk_len(part)) >= _MIN_UNIT_CJK:
                scores = lexicon.score(body=part, phase_text=True)
                phase = lexicon.best(scores, phase=True)
                theme = phase if phase != OTHER_ID else subject("", part, ())
                yield theme, size, f"{prefix}/closing", covers("", part)


def _closing_parts(paragraph: str, year: int | None) -> list[str]:
    """A closing paragraph, cut where its plans open (…仍存在一些短板。下阶段，我市将…):
    what comes before and the plans are two units, as the checklist reads them."""
    offset = plan_offset(paragraph, year)
    if not offset:
        return [paragraph]
    return [paragraph[:offset], paragraph[offset:]]


def coverage(report: Report, lexicon: Lexicon | None = None) -> Coverage:
    """The report's units and share of text per theme."""
    lexicon = lexicon or load_lexicon()
    units: dict[str, int] = {}
    chars: dict[str, int] = {}
    first: dict[str, str] = {}
    within: dict[str, int] = {}
    first_within: dict[str, str] = {}
    named: dict[str, int] = {}
    first_named: dict[str, str] = {}
    for theme, size, node_id, (covers, names) in _units(report, lexicon):
        first.setdefault(theme, node_id)
        units[theme] = units.get(theme, 0) + 1
        chars[theme] = chars.get(theme, 0) + size
        for other in covers - {theme}:
            first_within.setdefault(other, node_id)
            within[other] = within.get(other, 0) + 1
        for other in names - covers - {theme}:
            first_named.setdefault(other, node_id)
            named[other] = named.get(other, 0) + 1
    total = sum(chars.values())
    shares = tuple(
        ThemeShare(
            theme_id,
            units.get(theme_id, 0),
            chars.get(theme_id, 0),
            chars.get(theme_id, 0) / total if total else 0.0,
            first.get(theme_id, first_within.get(theme_id, first_named.get(theme_id))),
            within.get(theme_id, 0),
            # in passing: counted only where nothing covers the theme (as compare says it)
            0 if theme_id in units or theme_id in within else named.get(theme_id, 0),
        )
        for theme_id in lexicon.order
    )
    return Coverage(report, shares, total)


def theme_columns(lexicon: Lexicon | None = None) -> list[tuple[str, str]]:
    """(id, name) of every theme in display order, the catch-all 其他 last."""
    lexicon = lexicon or load_lexicon()
    return [(theme_id, lexicon.theme(theme_id).name) for theme_id in lexicon.order]


COVERAGE_COLUMNS = (
    "region",
    "year",
    "theme",
    "theme_name",
    "units",
    "chars",
    "share",
    "within",
    "mentions",
    "path",
    "sha256",
)


def coverage_rows(found: Sequence[Coverage]) -> list[dict[str, object]]:
    """One row per report and theme (long form)."""
    names = dict(theme_columns())
    return [
        {
            "region": c.report.region,
            "year": c.report.year,
            "theme": share.theme,
            "theme_name": names.get(share.theme, share.theme),
            "units": share.units,
            "chars": share.chars,
            "share": round(share.share, 4),
            "within": share.within,
            "mentions": share.mentions,
            "path": c.report.path,
            "sha256": c.report.sha256,
        }
        for c in found
        for share in c.themes
    ]

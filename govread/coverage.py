"""Theme coverage: how much of each report speaks to each theme of the 纲要.

A report is tallied by the units the comparison aligns (`compare.theme_units`: each
section's own text without its 一是/二是 items, each item, each closing paragraph cut where it
turns to problems or plans and at its 一是… lists; a one-sentence chapter intro frames its
items and is no unit; a bare signature or date is none) and each preamble paragraph, which
the comparison sets against nothing. Each unit stands on the theme the comparison places it
on, so the table and `govread compare` (and the store's `topics` rows) never disagree on a
unit: a unit under a 存在的问题 / 下一步工作 heading, or after a lead-in that turns to them,
on that phase theme; an item on what its own words speak of; every other unit on its best
subject theme (``other`` when the lexicon says nothing: `topics.main_theme`). A report's
coverage of a theme is the number of its units there and their share of the report's text
(CJK characters), and the number of its other units whose own words cover the theme besides
their main one (`topics.covered_themes`): a report is silent on a theme only when no unit
covers it, as `govread compare` says. No jieba: the units are made without their words
(plain keyword counting), so a thousand reports take seconds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from govread.compare import theme_units
from govread.parsers.model import Report
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


_Unit = tuple[str, int, str, tuple[frozenset[str], frozenset[str]]]


def _units(report: Report, lexicon: Lexicon) -> Iterator[_Unit]:
    """(theme id, CJK characters, node id, (the themes its own words cover, those they name))
    of every unit of the report: the comparison's units and themes (`compare.theme_units`),
    and the preamble's paragraphs, which the comparison sets against nothing."""
    seen: dict[str, dict[str, int]] = {}
    for paragraph in report.preamble:
        if (size := cjk_len(paragraph)) >= _MIN_UNIT_CJK:
            scores = lexicon.score("", paragraph, (), seen=seen)
            theme = main_theme(lexicon, scores, paragraph, "", seen=seen)
            themes, phases = covered_themes(lexicon, "", paragraph, seen)
            covers = phases.union(covered for covered, _ in themes)
            named = mentioned_themes(lexicon, "", paragraph, seen)
            yield theme, size, f"{report.id}/preamble", (covers, named)
    for unit in theme_units(report, lexicon):
        if (size := cjk_len(unit.text)) >= _MIN_UNIT_CJK:
            covers = unit.phases.union(covered for covered, _ in unit.themes)
            yield unit.theme, size, unit.node_id, (covers, unit.mentions)


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

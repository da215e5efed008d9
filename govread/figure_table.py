"""Figures across the corpus: one row per figure ("long" form), and the pivot reports × indicators.

A figure's indicator is its canonical indicator (`Figure.indicator`) when one is known, else
its subject reduced for matching across reports (`Figure.key`: 全市/累计/达 … dropped), so
"全市行政机关负责人出庭应诉率达" and "行政机关负责人出庭应诉率" meet in one column. A figure
without any subject has no indicator: it is a row of the long table, never a pivot column.
A figure that states a plan or target rather than the year's result (in the 下一步 /
工作安排 part, or 确保…100% in a sentence that looks ahead: govread.plan_phase) has
``target`` true. In the pivot a report's cell is its first achieved figure of that indicator,
in document order; a report whose only figures of it are targets shows its first target,
marked (``target 100%``), so a researcher sees the report names the indicator without
taking the target for a result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from govread.figures import Figure, plain_count, report_figures
from govread.i18n import _
from govread.indicators import ends_subject, names_figure
from govread.node_ids import outside_label
from govread.parsers.model import Report
from govread.plan_phase import target_test

COLUMNS: tuple[str, ...] = (
    "region",
    "province",
    "level",
    "year",
    "genre",
    "indicator",
    "subject",
    "value",
    "unit",
    "approximate",
    "target",
    "earlier",
    "text",
    "section",
    "path",
    "sha256",
    "node",
)
# Where a report stands: table column → the parser's field (province and administrative
# level from the gazetteer, genre from the text).
PLACE_FIELDS = ("province", "level", "genre")
_REPORT_FIELDS = {"province": "province", "level": "region_level", "genre": "genre"}


def report_attribute(report: Report, name: str) -> str | None:
    """The report's province, level (省/市/区/县 …) or genre; None when unknown."""
    value = getattr(report, _REPORT_FIELDS.get(name, name), None)
    if value is None:
        value = report.meta.get(name)
    return str(value) if value not in (None, "") else None


def indicator_of(figure: Figure) -> str | None:
    """The figure's canonical indicator, or its reduced subject; None when it has no subject."""
    indicator = getattr(figure, "indicator", None)
    if indicator:
        return str(indicator)
    return figure.key or None


def _section_labels(report: Report) -> dict[str, str]:
    prefix = report.id
    labels = {section.id: section.label for section in report.walk()}
    labels[f"{prefix}/preamble"] = outside_label("preamble")
    labels[f"{prefix}/closing"] = outside_label("closing")
    return labels


def asked_indicator(figure: Figure, indicators: Sequence[str]) -> str | None:
    """The first of `indicators` this figure measures (`indicators.asks_for`), or None: a
    name that names it outright (`names_figure`) before one that only ends its subject."""
    indicator = indicator_of(figure)
    for name in indicators:
        if names_figure(name, indicator, figure.label):
            return name
    key = figure.key
    return next((name for name in indicators if ends_subject(name, key)), None)


def report_rows(report: Report, indicators: Sequence[str] | None = None) -> list[dict[str, object]]:
    """The long rows of one report's figures (only those of `indicators`, when given: then
    each row's indicator is the name asked for that it matched)."""
    labels = _section_labels(report)
    place = {name: report_attribute(report, name) for name in PLACE_FIELDS}
    rows: list[dict[str, object]] = []
    is_target = target_test(report)
    for figure in report_figures(report):
        indicator = asked_indicator(figure, indicators) if indicators else indicator_of(figure)
        if indicators and indicator is None:
            continue
        rows.append(
            {
                "region": report.region,
                "province": place["province"],
                "level": place["level"],
                "year": report.year,
                "genre": place["genre"],
                "indicator": indicator,
                "subject": figure.label or None,
                "value": figure.value,
                "unit": figure.unit,
                "approximate": figure.approximate,
                "target": is_target(figure),
                "text": figure.text,
                "section": labels.get(figure.node_id.split("#", 1)[0]),
                "path": report.path,
                "sha256": report.sha256,
                "node": figure.node_id,
                # not a column: whether `indicator` is canonical rather than a reduced subject
                "canonical": bool(getattr(figure, "indicator", None)),
                # the level a change started from (由61%提高至88%: 61%)
                "earlier": bool(getattr(figure, "earlier", False)),
                # not a column: whether it may stand for its indicator beside other reports
                # (`figures.plain_count`: not 发展调解员200名 beside all the mediators)
                "plain": plain_count(figure),
            }
        )
    return rows


def figure_rows(
    reports: Iterable[Report], indicators: Sequence[str] | None = None
) -> list[dict[str, object]]:
    """The long table over many reports, reports in order, figures in document order."""
    return [row for report in reports for row in report_rows(report, indicators)]


@dataclass(slots=True)
class Pivot:
    """Reports × indicators; `cells[(report index, indicator)]` is the first such row."""

    reports: list[Report]
    indicators: list[str]  # most widespread first
    cells: dict[tuple[int, str], dict[str, object]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # reports holding each indicator

    def cell(self, report_index: int, indicator: str) -> dict[str, object] | None:
        return self.cells.get((report_index, indicator))


def _rank(row: dict[str, object]) -> int:
    """A result of the year before the level a change started from (由61%提高至88%: 88%
    before 61%), and both before a target."""
    return 2 if row.get("target") else 1 if row.get("earlier") else 0


def first_achieved(rows: Iterable[dict[str, object]]) -> dict[str, object] | None:
    """The first row that is a result of the year: neither a target nor the level a change
    started from; else the first such earlier level; else the first target. Never a row
    that is no plain count of its indicator (`figures.plain_count`): its cell stays empty."""
    first: dict[str, object] | None = None
    for row in rows:
        if row.get("plain") is False:
            continue
        if _rank(row) == 0:
            return row
        if first is None or _rank(row) < _rank(first):
            first = row
    return first


def first_rows(rows: Iterable[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Each indicator's first achieved row (`first_achieved`)."""
    first: dict[str, dict[str, object]] = {}
    for row in rows:
        indicator = row.get("indicator")
        if not isinstance(indicator, str) or row.get("plain") is False:
            continue
        held = first.get(indicator)
        if held is None or _rank(row) < _rank(held):
            first[indicator] = row
    return first


def pivot(
    reports: Sequence[Report],
    rows_by_report: Sequence[Sequence[dict[str, object]]],
    indicators: Sequence[str] | None = None,
) -> Pivot:
    """The pivot of per-report rows; columns are `indicators`, or all: canonical indicators
    first, each group most widespread first."""
    table = Pivot(list(reports), [])
    canonical: set[str] = set()
    for index, rows in enumerate(rows_by_report):
        for indicator, row in first_rows(rows).items():
            if row.get("canonical"):
                canonical.add(indicator)
            table.cells[(index, indicator)] = row
            table.counts[indicator] = table.counts.get(indicator, 0) + 1
    if indicators:
        table.indicators = [i for i in indicators if i in table.counts] or list(indicators)
    else:
        table.indicators = sorted(
            table.counts, key=lambda i: (i not in canonical, -table.counts[i], i)
        )
    return table


def value_text(row: dict[str, object] | None) -> str:
    """A cell as a person reads it: the value in its unit, ``≈`` when approximate."""
    if row is None:
        return ""
    value = row.get("value")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        number = str(int(value))
    else:
        number = repr(value) if isinstance(value, float) else str(value)
    approximate = "≈" if row.get("approximate") else ""
    shown = f"{approximate}{number}{row.get('unit') or ''}"
    # a report that states only a target of the indicator: marked, never read as a result
    return target_shown(shown, bool(row.get("target")))


def target_shown(text: str, target: bool) -> str:
    """A figure as shown beside others: a target is marked as one (`target 100%`)."""
    return _("target {value}").format(value=text) if target else text

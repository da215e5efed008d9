"""The corpus screen's data, without Textual: per report its figures, coverage and checklist;
filtering reports by place, year and genre; sort keys; the rows each table exports.

One `CorpusEntry` per report is computed once (cached by content hash and path) and then
shared by the three tables, so sorting and filtering never recompute anything.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from govread.checklist import Checklist, check, check_rows, parse_date
from govread.coverage import Coverage, coverage, coverage_rows
from govread.figure_table import PLACE_FIELDS, report_attribute, report_rows
from govread.figures import subject_key
from govread.parsers.model import Report

INDICATOR_COLUMNS = 40  # the indicators table shows the indicators most reports have
_CACHE_SIZE = 5000
_cache: OrderedDict[tuple[str, str | None], CorpusEntry] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """One report's row in every table of the corpus screen."""

    report: Report
    rows: tuple[dict[str, object], ...]  # its figures, long form, document order
    coverage: Coverage
    checklist: Checklist
    place: dict[str, str | None] = field(default_factory=dict)  # province, level, genre
    first: dict[str, dict[str, object]] = field(default_factory=dict)  # indicator → 1st row
    _matched: dict[str, dict[str, object] | None] = field(default_factory=dict, repr=False)

    def figure(self, indicator: str) -> dict[str, object] | None:
        """The report's first figure of `indicator`: of that indicator exactly, else the first
        whose subject ends with it (出庭应诉率 takes 行政机关负责人出庭应诉率), as
        ``govread figures --indicator`` matches."""
        exact = self.first.get(indicator)
        if exact is not None:
            return exact
        if indicator not in self._matched:
            self._matched[indicator] = next(
                (row for row in self.rows if row_measures(row, indicator)), None
            )
        return self._matched[indicator]

    @property
    def label(self) -> str:
        """``咸宁市 2023``: how a row names its report."""
        place = self.report.region or self.report.display_title
        return f"{place} {self.report.year}" if self.report.year else place

    @property
    def report_node(self) -> str:
        return self.report.id

    def searchable(self) -> list[str]:
        """What the filter matches: region, province, level, year, genre, title."""
        fields = [self.report.region, self.report.display_title, *self.place.values()]
        if self.report.year:
            fields.append(str(self.report.year))
        return [f.casefold() for f in fields if f]


def row_measures(row: dict[str, object], indicator: str) -> bool:
    """Whether a long row is a figure of `indicator` (by name, or by its subject's end)."""
    if indicator in (row.get("indicator"), row.get("subject")):
        return True
    subject = row.get("subject")
    wanted = subject_key(indicator)
    return isinstance(subject, str) and len(wanted) >= 2 and subject_key(subject).endswith(wanted)


def entry_for(report: Report) -> CorpusEntry:
    """The report's entry (computed once per content hash and path)."""
    key = (report.sha256, report.path)
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    rows = tuple(report_rows(report))
    first: dict[str, dict[str, object]] = {}
    for row in rows:
        indicator = row.get("indicator")
        if isinstance(indicator, str):
            first.setdefault(indicator, row)
    entry = CorpusEntry(
        report,
        rows,
        coverage(report),
        check(report),
        {name: report_attribute(report, name) for name in PLACE_FIELDS},
        first,
    )
    with _cache_lock:
        _cache[key] = entry
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return entry


def build_entries(
    reports: Sequence[Report], progress: Callable[[int, int], object] | None = None
) -> list[CorpusEntry]:
    """Every report's entry, in order, calling `progress(done, total)` as it goes."""
    entries: list[CorpusEntry] = []
    total = len(reports)
    for done, report in enumerate(reports, start=1):
        entries.append(entry_for(report))
        if progress is not None and (done % 25 == 0 or done == total):
            progress(done, total)
    return entries


def filter_terms(query: str) -> list[str]:
    return [term.casefold() for term in query.split() if term]


def matches(entry: CorpusEntry, terms: Sequence[str]) -> bool:
    """Every term is part of the report's region, province, level, year, genre or title."""
    fields = entry.searchable()
    return all(any(term in f for f in fields) for term in terms)


def filtered(entries: Iterable[CorpusEntry], query: str) -> list[CorpusEntry]:
    terms = filter_terms(query)
    return [e for e in entries if matches(e, terms)] if terms else list(entries)


def indicator_columns(entries: Iterable[CorpusEntry], limit: int = INDICATOR_COLUMNS) -> list[str]:
    """The indicators most reports have, most widespread first (ties by name); canonical
    indicators (`Figure.indicator`) before subjects that merely recur."""
    counts: dict[str, int] = {}
    canonical: set[str] = set()
    for entry in entries:
        for indicator, row in entry.first.items():
            counts[indicator] = counts.get(indicator, 0) + 1
            if row.get("canonical"):
                canonical.add(indicator)
    return sorted(counts, key=lambda i: (i not in canonical, -counts[i], i))[:limit]


# -- sorting: every key is (missing?, value), so missing values go last either way ---------

SortKey = tuple[int, object]


def _report_key(entry: CorpusEntry) -> SortKey:
    return (0, (entry.report.region or entry.report.display_title, entry.report.year or 0))


def indicator_sort_key(column: str) -> Callable[[CorpusEntry], SortKey]:
    if column == "report":
        return _report_key

    def key(entry: CorpusEntry) -> SortKey:
        row = entry.figure(column)
        value = row.get("value") if row else None
        return (0, value) if isinstance(value, float) else (1, 0.0)

    return key


def coverage_sort_key(column: str) -> Callable[[CorpusEntry], SortKey]:
    if column == "report":
        return _report_key
    return lambda entry: (0, entry.coverage.of(column).share)


def checklist_sort_key(column: str) -> Callable[[CorpusEntry], SortKey]:
    if column == "report":
        return _report_key
    if column == "published":

        def published(entry: CorpusEntry) -> SortKey:
            date = parse_date(entry.checklist.published)
            return (0, date.toordinal()) if date else (1, 0)

        return published
    if column == "on_time":
        return lambda e: (
            (0, int(e.checklist.on_time)) if e.checklist.on_time is not None else (1, 0)
        )
    if column == "missing":
        return lambda e: (0, len(e.checklist.missing))
    return lambda e: (0, int(e.checklist.contents[column].found))  # type: ignore[index]


def sort_entries(
    entries: Sequence[CorpusEntry], key: Callable[[CorpusEntry], SortKey], *, reverse: bool
) -> list[CorpusEntry]:
    """Sorted by `key`, entries without a value last in either direction (stable)."""
    present = [e for e in entries if key(e)[0] == 0]
    absent = [e for e in entries if key(e)[0] != 0]
    return sorted(present, key=lambda e: key(e)[1], reverse=reverse) + absent  # type: ignore[arg-type, return-value]


# -- the rows each table exports --------------------------------------------------------


def indicator_export_rows(
    entries: Iterable[CorpusEntry], indicators: Sequence[str]
) -> list[dict[str, object]]:
    """The long rows of these reports' figures of these indicators, in table order (each
    named by the column it stands in)."""
    out: list[dict[str, object]] = []
    for entry in entries:
        for row in entry.rows:
            name = next((i for i in indicators if row_measures(row, i)), None)
            if name is not None:
                out.append({**row, "indicator": name})
    return out


def coverage_export_rows(entries: Iterable[CorpusEntry]) -> list[dict[str, object]]:
    return coverage_rows([entry.coverage for entry in entries])


def checklist_export_rows(entries: Iterable[CorpusEntry]) -> list[dict[str, object]]:
    return check_rows([entry.checklist for entry in entries])

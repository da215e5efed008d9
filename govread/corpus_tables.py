"""The corpus screen's data, without Textual: per report its figures, coverage and checklist;
filtering reports by place, year and genre; sort keys; the rows each table exports.

One `CorpusEntry` per report is computed once (cached by content hash and path) and then
shared by the three tables, so sorting and filtering never recompute anything. Its computed
part (figures, coverage, checklist evidence) is also kept in the parsed-report cache, keyed by
the report's hash, the parser version and a fingerprint of the code that computes it, so the
screen opened again, even in a new process, computes nothing; the first computation of many
reports runs in a process pool.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from govread import statefile
from govread.checklist import (
    CONTENTS,
    Checklist,
    ContentCheck,
    Evidence,
    check,
    check_rows,
    parse_date,
    publication,
)
from govread.coverage import Coverage, ThemeShare, coverage, coverage_rows
from govread.figure_table import (
    PLACE_FIELDS,
    first_achieved,
    first_rows,
    report_attribute,
    report_rows,
)
from govread.figures import subject_key
from govread.fingerprint import code_fingerprint
from govread.indicators import asks_for, canonical_indicator
from govread.lru import LruCache
from govread.parsers.model import Report
from govread.topics import load_lexicon

if TYPE_CHECKING:
    from govread.cache import ReportCache

INDICATOR_COLUMNS = 40  # the indicators table shows the indicators most reports have
POOL_MIN_REPORTS = 200  # below this many uncached reports, starting a pool costs more than it saves
# on one core a pool only adds its start and the reports' transfer; from two on it also
# leaves the UI's process (and its GIL) free while the tables are computed
POOL_MIN_CORES = 2
POOL_CHUNK = 25  # reports per pool task: few round trips, progress still moves
# the modules and data whose code decides an entry: any change to them is a new cache kind
_COMPUTING_MODULES = (
    "checklist",
    "compare",  # coverage tallies the comparison's units (`compare.theme_units`)
    "corpus_tables",
    "coverage",
    "figure_table",
    "figures",
    "acts",
    "indicators",
    "node_ids",
    "plan_phase",
    "topics",
)
_COMPUTING_DATA = ("indicators.toml", "topics.toml", "userdict.txt", "dictionary_verbs.txt")
_CACHE_SIZE = 5000
_cache: LruCache[tuple[str, str | None], CorpusEntry] = LruCache(_CACHE_SIZE)


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """One report's row in every table of the corpus screen."""

    report: Report
    rows: tuple[dict[str, object], ...]  # its figures, long form, document order
    coverage: Coverage
    checklist: Checklist
    place: dict[str, str | None] = field(default_factory=dict)  # province, level, genre
    # indicator → its first achieved row (its first target when it states only targets)
    first: dict[str, dict[str, object]] = field(default_factory=dict)
    _matched: dict[str, dict[str, object] | None] = field(default_factory=dict, repr=False)
    _subject_keys: list[str | None] = field(default_factory=list, repr=False)

    def figure(self, indicator: str) -> dict[str, object] | None:
        """The report's first figure of `indicator` (`indicators.asks_for`): of that
        indicator by any of its names first, else the first whose subject ends with it
        (出庭应诉率 takes 行政机关负责人出庭应诉率), as ``govread figures --indicator``."""
        exact = self.first.get(indicator)
        if exact is None and (canonical := canonical_indicator(indicator)) is not None:
            exact = self.first.get(canonical)  # 出庭应诉率 names 行政机关负责人出庭应诉率
        if exact is not None:
            return exact
        if indicator not in self._matched:
            # `asks_for`, with each row's subject key made once (a table asks ~40
            # indicators of every report)
            if not self._subject_keys and self.rows:
                # made whole, then put in at once: another thread never sees half of it
                self._subject_keys[:] = [
                    subject_key(s) if isinstance(s := row.get("subject"), str) else None
                    for row in self.rows
                ]
            self._matched[indicator] = first_achieved(
                row
                for row, key in zip(self.rows, self._subject_keys, strict=True)
                if asks_for(indicator, _text(row.get("indicator")), _text(row.get("subject")), key)
            )
        return self._matched[indicator]

    @property
    def label(self) -> str:
        """``咸宁市 2023``: how a row names its report; a department's report adds the
        department (``通山县 2022 司法局``), so that it is not read as its government's."""
        report = self.report
        place = report.region or report.display_title
        label = f"{place} {report.year}" if report.year else place
        if report.issuer_level == "department" and report.issuer:
            department = report.issuer.removeprefix(report.region or "") or report.issuer
            label = f"{label} {department}"
        return label

    @property
    def report_node(self) -> str:
        return self.report.id

    def searchable(self) -> list[str]:
        """What the filter matches: region, province, level, year, genre, title."""
        fields = [self.report.region, self.report.display_title, *self.place.values()]
        if self.report.year:
            fields.append(str(self.report.year))
        return [f.casefold() for f in fields if f]


@functools.lru_cache(maxsize=1024)
def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def row_measures(row: dict[str, object], indicator: str) -> bool:
    """Whether a long row is a figure of `indicator` (`indicators.asks_for`)."""
    return asks_for(indicator, _text(row.get("indicator")), _text(row.get("subject")))


def _assemble(
    report: Report,
    rows: Sequence[dict[str, object]],
    found_coverage: Coverage,
    checklist: Checklist,
) -> CorpusEntry:
    return CorpusEntry(
        report,
        tuple(rows),
        found_coverage,
        checklist,
        {name: report_attribute(report, name) for name in PLACE_FIELDS},
        first_rows(rows),
    )


def _remember(entry: CorpusEntry) -> None:
    _cache.put((entry.report.sha256, entry.report.path), entry)


def _remembered(report: Report) -> CorpusEntry | None:
    return _cache.get((report.sha256, report.path))


def entry_for(report: Report) -> CorpusEntry:
    """The report's entry (computed once per content hash and path)."""
    found = _remembered(report)
    if found is not None:
        return found
    entry = _assemble(report, report_rows(report), coverage(report), check(report))
    _remember(entry)
    return entry


# -- the stored form of an entry's computed part -------------------------------------------

# what a figure row holds of its own; the rest (region, year, path …) is the report's
_FIGURE_FIELDS = (
    "indicator",
    "subject",
    "value",
    "unit",
    "approximate",
    "target",
    "text",
    "section",
    "node",
    "canonical",
    "earlier",
    "plain",
)


@functools.cache
def cache_kind() -> str:
    """``corpus-tables:<fingerprint>``: the fingerprint of the source and data that compute
    an entry, so an entry computed by other code is never read back."""
    return f"corpus-tables:{code_fingerprint(_COMPUTING_MODULES, _COMPUTING_DATA)[:24]}"


def _basis(report: Report) -> list[object]:
    """What of the report, beside its bytes, the computation reads (the year may come from
    the file's name): an entry computed with another basis is not this report's."""
    return [report.year, report.published, report.region]


def entry_to_json(entry: CorpusEntry) -> str:
    """The computed part of an entry, as the cache keeps it."""
    data = {
        "basis": _basis(entry.report),
        "rows": [[row.get(name) for name in _FIGURE_FIELDS] for row in entry.rows],
        "coverage": {
            "total": entry.coverage.total_chars,
            "themes": [
                [s.theme, s.units, s.chars, s.share, s.first_node, s.within, s.mentions]
                for s in entry.coverage.themes
            ],
        },
        "contents": {
            key: [[e.node_id, e.text] for e in check_.evidence]
            for key, check_ in entry.checklist.contents.items()
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _compute_json(report: Report) -> str:
    return entry_to_json(entry_for(report))


def compute_bodies(reports: Sequence[Report]) -> list[str]:
    """The stored form of each report's entry (what a pool worker runs)."""
    return [_compute_json(report) for report in reports]


def _is_row(raw: object) -> bool:
    if not isinstance(raw, list) or len(raw) != len(_FIGURE_FIELDS):
        return False
    (
        indicator,
        subject,
        value,
        unit,
        approximate,
        target,
        text,
        section,
        node,
        canonical,
        earlier,
        plain,
    ) = raw
    return (
        all(v is None or isinstance(v, str) for v in (indicator, subject, unit, section))
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
        and isinstance(approximate, bool)
        and isinstance(target, bool)
        and isinstance(text, str)
        and isinstance(node, str)
        and isinstance(canonical, bool)
        and isinstance(earlier, bool)
        and isinstance(plain, bool)
    )


def _is_share(raw: object) -> bool:
    if not isinstance(raw, list) or len(raw) != 7:
        return False
    theme, units, chars, share, first_node, within, mentions = raw
    counts = (units, chars, within, mentions)
    return (
        isinstance(theme, str)
        and all(isinstance(n, int) and not isinstance(n, bool) for n in counts)
        and isinstance(share, (int, float))
        and not isinstance(share, bool)
        and (first_node is None or isinstance(first_node, str))
    )


def _is_evidence(raw: object) -> bool:
    return isinstance(raw, list) and len(raw) == 2 and all(isinstance(v, str) for v in raw)


def entry_from_json(report: Report, body: str) -> CorpusEntry | None:
    """The entry of `report` from its stored form, or None when the body is not a valid
    entry for it (damaged, tampered with, or computed for another basis): then it is
    computed again."""
    # the nesting bounded before parsing; every value's type and shape is checked below,
    # so the general document walk of `statefile.parse_json` (half the time) is not needed
    if statefile.json_too_deep(body):
        return None
    try:
        data: Any = json.loads(body)
    except (ValueError, TypeError, RecursionError, MemoryError):
        return None
    if not isinstance(data, dict) or data.get("basis") != _basis(report):
        return None
    raw_rows, raw_coverage, raw_contents = (
        data.get("rows"),
        data.get("coverage"),
        data.get("contents"),
    )
    if not (
        isinstance(raw_rows, list)
        and all(_is_row(r) for r in raw_rows)
        and isinstance(raw_coverage, dict)
        and isinstance(raw_coverage.get("total"), int)
        and isinstance(raw_coverage.get("themes"), list)
        and all(_is_share(s) for s in raw_coverage["themes"])
        and isinstance(raw_contents, dict)
        and set(raw_contents) == set(CONTENTS)
        and all(
            isinstance(v, list) and all(_is_evidence(e) for e in v) for v in raw_contents.values()
        )
    ):
        return None
    themes = tuple(
        ThemeShare(theme, units, chars, float(share), first_node, within, mentions)
        for theme, units, chars, share, first_node, within, mentions in raw_coverage["themes"]
    )
    if [s.theme for s in themes] != list(load_lexicon().order):
        return None
    place = {name: report_attribute(report, name) for name in PLACE_FIELDS}
    rows = [
        {
            "region": report.region,
            "province": place["province"],
            "level": place["level"],
            "year": report.year,
            "genre": place["genre"],
            **dict(zip(_FIGURE_FIELDS[:-4], raw[:-4], strict=True)),
            "value": float(raw[2]),
            "path": report.path,
            "sha256": report.sha256,
            "node": raw[8],
            "canonical": raw[9],
            "earlier": raw[10],
            "plain": raw[11],
        }
        for raw in raw_rows
    ]
    published, made_public, on_time = publication(report)
    checklist = Checklist(
        report=report,
        contents={
            key: ContentCheck(key, tuple(Evidence(n, t) for n, t in raw_contents[key]))
            for key in CONTENTS
        },
        published=published,
        made_public=made_public,
        made_public_by=report.made_public_by if made_public else None,
        on_time=on_time,
    )
    return _assemble(report, rows, Coverage(report, themes, raw_coverage["total"]), checklist)


# -- every report's entry ------------------------------------------------------------------


def _pool_bodies(
    reports: Sequence[Report],
    done: Callable[[int, list[str]], object],
    cancelled: Callable[[], bool],
) -> None:
    """Compute the bodies of `reports` in a process pool, calling `done(start, bodies)` per
    chunk as it ends; a chunk the pool could not compute (or no pool at all) is left to the
    caller, and `cancelled()` stops it early."""
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    from govread.loading import spawn_pool, worker_count

    chunks = [
        (start, reports[start : start + POOL_CHUNK]) for start in range(0, len(reports), POOL_CHUNK)
    ]
    try:
        pool = spawn_pool(min(worker_count(), len(chunks)))
    except (OSError, RuntimeError):
        return
    try:
        futures = {pool.submit(compute_bodies, list(chunk)): start for start, chunk in chunks}
        for future in as_completed(futures):
            if cancelled():
                break
            try:
                bodies = future.result()
            except (BrokenProcessPool, OSError, RuntimeError):
                continue  # computed here instead
            done(futures[future], bodies)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _cores() -> int:
    from govread.loading import worker_count

    return worker_count()


def build_entries(
    reports: Sequence[Report],
    progress: Callable[[int, int], object] | None = None,
    cache: ReportCache | None = None,
    *,
    use_pool: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[CorpusEntry]:
    """Every report's entry, in order, calling `progress(done, total)` as it goes.

    Entries come from memory, else from `cache` (one query), else are computed: in a
    process pool when many are missing, the machine has the cores and `use_pool`, else
    here; computed ones are stored
    in `cache` (one transaction). When `cancelled()` turns true it stops early and returns
    only the entries it has."""
    total = len(reports)
    entries: list[CorpusEntry | None] = [_remembered(report) for report in reports]
    count = sum(entry is not None for entry in entries)
    kind = cache_kind()
    if cache is not None and count < total:
        stored = cache.get_derived(
            kind, (r.sha256 for r, e in zip(reports, entries, strict=True) if e is None)
        )
        for index, report in enumerate(reports):
            body = stored.get(report.sha256)
            if entries[index] is None and body is not None:
                entry = entry_from_json(report, body)
                if entry is not None:
                    _remember(entry)
                    entries[index] = entry
                    count += 1
    if progress is not None:
        progress(count, total)
    missing = [index for index, entry in enumerate(entries) if entry is None]
    new_bodies: list[tuple[str, str]] = []

    def stored_chunk(start: int, bodies: list[str]) -> None:
        nonlocal count
        for offset, body in enumerate(bodies):
            index = missing[start + offset]
            entry = entry_from_json(reports[index], body)
            if entry is not None:
                _remember(entry)
                entries[index] = entry
                new_bodies.append((reports[index].sha256, body))
                count += 1
        if progress is not None:
            progress(count, total)

    if use_pool and len(missing) >= POOL_MIN_REPORTS and _cores() >= POOL_MIN_CORES:
        _pool_bodies([reports[i] for i in missing], stored_chunk, cancelled)
    for index in missing:  # what no pool computed
        if cancelled():
            break
        if entries[index] is None:
            entry = entry_for(reports[index])
            entries[index] = entry
            new_bodies.append((reports[index].sha256, entry_to_json(entry)))
            count += 1
            if progress is not None and (count % 25 == 0 or count == total):
                progress(count, total)
    if cache is not None and new_bodies:
        cache.put_derived(kind, new_bodies)
    return [entry for entry in entries if entry is not None]


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
        if not isinstance(value, float) or row is None:
            return (2, 0.0)
        return (1, value) if row.get("target") else (0, value)  # a target after every result

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
    """Sorted by `key`, entries without a value last in either direction (stable; those
    ranked 1, such as a report stating only a target, before those ranked 2)."""
    present = [e for e in entries if key(e)[0] == 0]
    absent = sorted((e for e in entries if key(e)[0] != 0), key=lambda e: key(e)[0])
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

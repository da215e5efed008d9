"""One place over the years: its reports as columns per year, aligned by topic.

Reports are grouped by canonical place (`place_of`): the gazetteer's division, so
深圳市光明区 and 光明区 are one place; a region the gazetteer does not know is its own place,
by its name as written. For one place, one report per year is kept (`choose_per_year`): the
government's 法治政府建设 report before a department's or another genre's, a duplicate
(the same body text) once; what is left out is said, with the reason.

A `Timeline` then holds, per topic of the genre (`govread.topics`), the units of each year
on it (`govread.compare.report_units`: the same units the comparison aligns), each canonical
indicator (`govread.indicators`) as a series across the years with its change from the
year before (absolute and in per cent; no change when the units differ, which is flagged:
figures are paired on their indicator, never on the unit alone), and the topics that appear
or disappear from one year to the next. The plans of year N set against year N+1 are in
`govread.followup`. Plain data, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from govread.compare import Unit, report_units
from govread.figures import Figure, plain_count, report_figures
from govread.i18n import _
from govread.parsers.gazetteer import find_place, without_level
from govread.parsers.metadata import GENRE_RULE_OF_LAW, GENRE_RULE_OF_LAW_GOVERNMENT
from govread.parsers.model import Report
from govread.parsers.script import read_as_simplified
from govread.plan_phase import target_test
from govread.topics import OTHER_ID, Lexicon, load_lexicon

Progress = Callable[[int, int], None]  # (steps done, steps in all)


# --- places -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """A place as the timeline names it."""

    key: str  # the division code (421224), or "region:<name>" for a place not in the gazetteer
    name: str  # 通山县
    parent: str = ""  # 湖北省咸宁市: where it lies ("" when unknown)

    @property
    def label(self) -> str:
        return f"{self.parent}{self.name}" if self.parent else self.name


def place_of(report: Report) -> Place | None:
    """The canonical place a report covers (None when it names no region)."""
    region = (report.region or "").strip()
    if not region:
        return None
    found = find_place(region)
    if found is None:
        return Place(f"region:{region}", region)
    parent = found.province if found.province != found.name else ""
    if found.city and found.city != found.name:
        parent += found.city
    return Place(found.code, found.name, parent)


def group_by_place(reports: Iterable[Report]) -> dict[Place, list[Report]]:
    """The reports of each place, in the order given (reports without a region left out)."""
    groups: dict[Place, list[Report]] = {}
    for report in reports:
        place = place_of(report)
        if place is not None:
            groups.setdefault(place, []).append(report)
    return groups


def places_named(name: str, reports: Iterable[Report]) -> list[Place]:
    """The places of `reports` a name given by a user stands for: the place itself (通山县,
    通山, 咸宁市通山县, the region as a report writes it), else any place whose name or
    region holds it. Several places when the name is ambiguous. A name typed in traditional
    script (通山縣) that names none is read as simplified, as reports in that script are (not
    first: 乾县 is a place, not 干县)."""
    wanted = name.strip()
    if not wanted:
        return []
    candidates = list(reports)
    found = _places_named(wanted, candidates)
    if not found and (simplified := read_as_simplified(wanted)) != wanted:
        found = _places_named(simplified, candidates)
    return found


def _places_named(wanted: str, reports: list[Report]) -> list[Place]:
    wanted_place = find_place(wanted)
    exact: list[Place] = []
    loose: list[Place] = []
    for report in reports:
        place = place_of(report)
        if place is None:
            continue
        region = report.region or ""
        if (wanted_place is not None and wanted_place.code == place.key) or wanted in (
            place.name,
            without_level(place.name),
            place.label,
            region,
            without_level(region),
        ):
            if place not in exact:
                exact.append(place)
        elif (wanted in place.label or wanted in region) and place not in loose:
            loose.append(place)
    return exact or loose


# --- one report per year -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A report of the place not shown, and why."""

    report: Report
    reason: str  # "duplicate", "no year", "department", "genre", "another"
    kept: Report | None = None  # the report of that year shown instead


def _preference(report: Report) -> tuple[int, int, int, int]:
    """Larger is preferred: the 法治政府建设 genre, a government's, then the longer text."""
    genre = {GENRE_RULE_OF_LAW_GOVERNMENT: 2, GENRE_RULE_OF_LAW: 1}.get(report.genre, 0)
    issuer = {"government": 2, None: 1}.get(report.issuer_level, 0)
    size = sum(len(s.full_text()) for s in report.sections) + sum(map(len, report.closing))
    return genre, issuer, size, -len(report.path or "")


def choose_per_year(reports: Sequence[Report]) -> tuple[dict[int, Report], list[LeftOut]]:
    """One report per year, and the others with the reason they were left out."""
    by_year: dict[int, list[Report]] = {}
    left: list[LeftOut] = []
    for report in reports:
        if report.year is None:
            left.append(LeftOut(report, "no year"))
        else:
            by_year.setdefault(report.year, []).append(report)
    chosen: dict[int, Report] = {}
    for year in sorted(by_year):
        candidates = sorted(by_year[year], key=_preference, reverse=True)
        kept = chosen[year] = candidates[0]
        for other in candidates[1:]:
            if other.id == kept.id:
                reason = "duplicate"
            elif other.issuer_level == "department" and kept.issuer_level != "department":
                reason = "department"
            elif other.genre != kept.genre:
                reason = "genre"
            else:
                reason = "another"
            left.append(LeftOut(other, reason, kept))
    return chosen, left


def reason_text(left: LeftOut) -> str:
    """Why a report is not in the timeline, for a person."""
    texts = {
        "duplicate": _("the same text as the report shown"),
        "no year": _("its year is unknown"),
        "department": _("a department's report; the government's is shown"),
        "genre": _("of another genre ({genre}); a 法治政府建设 report is shown").format(
            genre=left.report.genre
        ),
        "another": _("a second report of the year; the longer one is shown"),
    }
    return texts.get(left.reason, left.reason)


# --- the timeline ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One topic across the years: per year, the units on it as their main topic, and the
    units that cover it besides their main topic."""

    theme: str
    name: str
    main: tuple[tuple[Unit, ...], ...]  # one entry per year, in the timeline's year order
    also: tuple[tuple[Unit, ...], ...]

    def covered(self, index: int) -> bool:
        return bool(self.main[index] or self.also[index])


@dataclass(frozen=True, slots=True)
class Change:
    """An indicator from one year to a later one."""

    before: int  # the years
    after: int
    absolute: float | None  # in the unit (percentage points for %); None on a unit mismatch
    percent: float | None  # relative change; None on a mismatch or from zero
    unit_mismatch: bool


@dataclass(frozen=True, slots=True)
class Series:
    """A canonical indicator across the years: its figure in each year (None: not reported)."""

    indicator: str
    points: tuple[Figure | None, ...]
    changes: tuple[Change, ...]

    def change_to(self, year: int) -> Change | None:
        return next((c for c in self.changes if c.after == year), None)


@dataclass(frozen=True, slots=True)
class Shift:
    """Topics a year's report covers that the report before did not, and the other way."""

    before: int
    after: int
    appeared: tuple[str, ...]  # theme ids
    disappeared: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    place: Place
    years: tuple[int, ...]
    reports: tuple[Report, ...]  # one per year, in year order
    left_out: tuple[LeftOut, ...]
    topics: tuple[TopicRow, ...]
    series: tuple[Series, ...]
    shifts: tuple[Shift, ...]
    units: tuple[tuple[Unit, ...], ...] = ()  # each year's units

    def theme_name(self, theme_id: str) -> str:
        return next((t.name for t in self.topics if t.theme == theme_id), theme_id)


def _first_of_indicator(
    figures: Sequence[Figure], indicator: str, targets: Collection[Figure] = ()
) -> Figure | None:
    """The year's figure of an indicator: its first that is not one end of a range (the
    first at all when every one is), as the corpus tables take it. A target (`targets`:
    确保…100% in next year's plans) is never the year's figure: a change from a target
    to a result is no change the place made."""
    # (nor a count of what was added, or of what is said of it: `plain_count`)
    found = [f for f in figures if f.indicator == indicator and f not in targets and plain_count(f)]
    # (nor the level a change started from: 由61%提高至88% is a year at 88%)
    return next(
        (f for f in found if not f.is_range and not f.earlier),
        next((f for f in found if not f.earlier), found[0] if found else None),
    )


def _change(before: int, a: Figure, after: int, b: Figure) -> Change:
    if a.unit != b.unit:
        return Change(before, after, None, None, unit_mismatch=True)
    absolute = round(b.value - a.value, 4)
    percent = round((b.value - a.value) / a.value * 100, 2) if a.value else None
    return Change(before, after, absolute, percent, unit_mismatch=False)


def indicator_series(
    years: Sequence[int],
    figures: Sequence[Sequence[Figure]],
    targets: Sequence[Collection[Figure]] | None = None,
) -> list[Series]:
    """Each canonical indicator any year reports as a result, as a series (`targets`: each
    year's figures that state a target, left out); a change is taken from the last earlier
    year that reports the indicator."""
    aims: Sequence[Collection[Figure]] = targets if targets is not None else [()] * len(figures)
    names: list[str] = []
    for year_figures, year_targets in zip(figures, aims, strict=True):
        for figure in year_figures:
            if (
                figure.indicator
                and figure.indicator not in names
                and figure not in year_targets
                and plain_count(figure)
            ):
                names.append(figure.indicator)
    series: list[Series] = []
    for name in names:
        points = tuple(
            _first_of_indicator(fs, name, ts) for fs, ts in zip(figures, aims, strict=True)
        )
        changes: list[Change] = []
        previous: tuple[int, Figure] | None = None
        for year, point in zip(years, points, strict=True):
            if point is None:
                continue
            if previous is not None:
                changes.append(_change(previous[0], previous[1], year, point))
            previous = (year, point)
        series.append(Series(name, points, tuple(changes)))
    return series


def topic_rows(units: Sequence[Sequence[Unit]], lexicon: Lexicon) -> list[TopicRow]:
    """Per topic, each year's units on it as their main topic, and the achievements (units
    not on a phase) that cover it besides their main topic."""
    rows: list[TopicRow] = []
    for theme_id in lexicon.order:
        main = tuple(tuple(u for u in year if u.theme == theme_id) for year in units)
        # a plan or a problem on a topic is not the report covering it: only achievements
        also = tuple(
            tuple(
                u
                for u in year
                if u.theme != theme_id and not lexicon.theme(u.theme).phase and u.covers(theme_id)
            )
            if theme_id != OTHER_ID and not lexicon.theme(theme_id).phase
            else ()
            for year in units
        )
        if any(main) or any(also):
            rows.append(TopicRow(theme_id, lexicon.theme(theme_id).name, main, also))
    return rows


def _shifts(years: Sequence[int], rows: Sequence[TopicRow], lexicon: Lexicon) -> list[Shift]:
    """Between consecutive years, the subject topics that appear or disappear (a topic is
    covered in a year when any unit covers it, as its main topic or besides)."""
    subjects = [r for r in rows if r.theme != OTHER_ID and not lexicon.theme(r.theme).phase]
    shifts: list[Shift] = []
    for index in range(1, len(years)):
        appeared = tuple(r.theme for r in subjects if r.covered(index) and not r.covered(index - 1))
        gone = tuple(r.theme for r in subjects if r.covered(index - 1) and not r.covered(index))
        shifts.append(Shift(years[index - 1], years[index], appeared, gone))
    return shifts


def build_timeline(
    place: Place,
    reports: Sequence[Report],
    *,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
) -> Timeline:
    """The timeline of one place from its reports (any order; one per year is kept)."""
    lexicon = lexicon or load_lexicon()
    chosen, left_out = choose_per_year(reports)
    years = tuple(sorted(chosen))
    kept = tuple(chosen[y] for y in years)
    units: list[tuple[Unit, ...]] = []
    figures: list[list[Figure]] = []
    targets: list[frozenset[Figure]] = []
    for index, report in enumerate(kept):
        units.append(report_units(report, lexicon))
        figures.append(report_figures(report))
        is_target = target_test(report)
        targets.append(frozenset(f for f in figures[-1] if is_target(f)))
        if progress is not None:
            progress(index + 1, len(kept))
    rows = topic_rows(units, lexicon)
    return Timeline(
        place=place,
        years=years,
        reports=kept,
        left_out=tuple(left_out),
        topics=tuple(rows),
        series=tuple(indicator_series(years, figures, targets)),
        shifts=tuple(_shifts(years, rows, lexicon)),
        units=tuple(units),
    )

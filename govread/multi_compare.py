"""Two or more reports side by side: one row per aligned group of units, one cell per report.

`compare_many(reports)` generalises `govread.compare.compare` to N reports (N ≥ 2): the
columns are just reports, in the order given (places, or one place's years), labelled by
`govread.library.place_label`. Units, themes, IDF and thresholds are those of the two-report
comparison; with exactly two reports the rows *are* that comparison's pairs, cell for cell.

For three or more, the units of each theme are grouped greedily, most similar first: two
units of different reports join (with everything already joined to them) when their cosine
reaches `PAIR_THRESHOLD` and the two groups hold no report in common, so a row holds at most
one such unit per report. A unit left alone joins the row of its most similar unit of
another report (`ATTACH_THRESHOLD`) on evidence (`compare._supported`) when a passage of that
unit answers it, or the theme's only
row when each other report there has one unit on the theme and each of those answers it, or
the row of its sibling items (一是… of its section) when each other report there has one unit
on the theme (`compare._join_siblings`); otherwise it is a row of its report's own. A report with nothing in a row gets an empty cell that says why, as the
two-report view does: its text elsewhere that covers the theme as a secondary subject fills
the cell when one of its passages answers the row's units on evidence (a *secondary* cell: the text as
long as a row unit that is most like it, `compare._fit`), else the cell names where that report covers the
theme, or says its text on it is in another row (with its nearest unit), or that it is *silent* on the
theme: only when no text of it (section, item or closing sentence) covers the theme.

The figures table has one row per indicator or normalised subject and one cell per report,
paired by `govread.figures.match_figures` (never on the unit alone) against each row's first
figure; rows held by several reports come first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from govread.cancelling import check
from govread.compare import (
    ATTACH_THRESHOLD,
    NEAREST_THRESHOLD,
    PAIR_THRESHOLD,
    SECONDARY_THRESHOLD,
    TOP_KEYWORDS,
    Comparison,
    Pair,
    Unit,
    _apart_rule,
    _cosine,
    _evidenced,
    _fit,
    _host_rows,
    _hosted,
    _Idf,
    _is_phase,
    _main_subject,
    _merged,
    _paragraph,
    _parent,
    _passage,
    _same_subject,
    _supported,
    _unless_apart,
    compare,
    figure_targets,
    hosts_side,
    pair_passages,
    pair_threshold,
    report_units,
)
from govread.figures import Figure, match_figures, report_figures
from govread.library import place_label
from govread.parsers.model import Report
from govread.topics import OTHER_ID, Lexicon, cjk_len, load_lexicon

# What an empty cell says: the report covers the theme only inside units of other themes
# (`elsewhere`), has text on it that is like nothing here (`unlike`), names it only in
# passing (`passing`: a keyword of it, in units that do not cover it), or none (`silent`).
STATUSES = ("units", "elsewhere", "unlike", "passing", "silent")


@dataclass(frozen=True, slots=True)
class Cell:
    """One report's part of a row: its units, or why it has none."""

    units: tuple[Unit, ...]
    only_keywords: tuple[str, ...] = ()  # words of these units no other cell of the row has
    # for an empty cell: False when no text of the report covers the theme (it is silent)
    has_theme: bool = True
    # where the report speaks of the theme otherwise, when it has no unit of its own on it
    covered_by: tuple[Unit, ...] = ()
    # where it names the theme in passing, when no text of it covers the theme
    mentioned_in: tuple[Unit, ...] = ()
    nearest: Unit | None = None  # its most similar unit, any theme
    nearest_similarity: float = 0.0
    secondary: bool = False  # units here for a theme that is not their main one
    # a secondary cell: (unit key, text) of the stretch of each unit that answers the row
    passages: tuple[tuple[str, str], ...] = ()

    @property
    def is_gap(self) -> bool:
        return not self.units

    @property
    def status(self) -> str:
        """``units``, ``elsewhere``, ``unlike``, ``passing`` or ``silent`` (see `STATUSES`)."""
        if self.units:
            return "units"
        if self.covered_by:
            return "elsewhere"
        if self.has_theme:
            return "unlike"
        return "passing" if self.mentioned_in else "silent"


@dataclass(frozen=True, slots=True)
class Row:
    """Units of several reports on one theme; one cell per report, in the reports' order."""

    theme: str
    theme_name: str
    cells: tuple[Cell, ...]
    similarity: float  # mean cosine over the pairs of cells with units (0.0 with one)
    shared_keywords: tuple[str, ...]  # words every cell with units holds

    @property
    def present(self) -> int:
        """How many reports have units in this row."""
        return sum(1 for cell in self.cells if cell.units)

    @property
    def has_gap(self) -> bool:
        return any(cell.is_gap for cell in self.cells)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """Figures of one indicator or subject, at most one per report (None where it has none)."""

    label: str
    indicator: str | None
    cells: tuple[Figure | None, ...]
    target: bool = False  # its figures state plans or targets, not the year's results

    @property
    def present(self) -> int:
        return sum(1 for figure in self.cells if figure is not None)

    @property
    def unit(self) -> str:
        return next((f.unit for f in self.cells if f is not None), "")


@dataclass(frozen=True, slots=True)
class MultiComparison:
    reports: tuple[Report, ...]
    rows: tuple[Row, ...]
    figures: tuple[FigureRow, ...]
    units: tuple[tuple[Unit, ...], ...]  # each report's units, in document order
    report_figures: tuple[tuple[Figure, ...], ...]  # each report's figures
    themes: tuple[tuple[str, str], ...] = ()  # (id, name) in display order

    @property
    def labels(self) -> tuple[str, ...]:
        """One label per report: ``咸宁市 2023`` (the display title when neither is known)."""
        return tuple(place_label(r) or r.display_title for r in self.reports)

    @property
    def shared_figures(self) -> tuple[FigureRow, ...]:
        """The figure rows held by two reports or more."""
        return tuple(row for row in self.figures if row.present >= 2)

    def theme_ids(self) -> tuple[str, ...]:
        """The themes that have at least one row, in display order."""
        present = {row.theme for row in self.rows}
        return tuple(t for t, _ in self.themes if t in present)

    def figures_of(self, index: int, unit: Unit) -> tuple[Figure, ...]:
        """The figures inside one unit of report `index` (for highlighting its numbers)."""
        section_id = unit.node_id.split("#")[0]
        return tuple(
            f
            for f in self.report_figures[index]
            if f.node_id.split("#")[0] == section_id
            and any(p == f.paragraph and s <= f.start < e for p, s, e in unit.spans)
        )

    def paired_texts(self, index: int) -> frozenset[str]:
        """Report `index`'s figures (as written) that another report's figure matches."""
        return frozenset(
            cell.text for row in self.shared_figures if (cell := row.cells[index]) is not None
        )


# --- two reports: the pairwise comparison as rows --------------------------------------


def _gap_cell(pair: Pair) -> Cell:
    return Cell(
        units=(),
        has_theme=pair.other_has_theme,
        covered_by=pair.covered_by,
        mentioned_in=pair.mentioned_in,
        nearest=pair.nearest,
        nearest_similarity=pair.nearest_similarity,
    )


def _pair_row(pair: Pair, comparison: Comparison) -> Row:
    cells = []
    found = pair_passages(comparison, pair)
    for units, only in ((pair.a, pair.only_a), (pair.b, pair.only_b)):
        if units:
            secondary = hosts_side(pair, units)
            passages = tuple((u.key, text) for u, *_, text in found if u in units)
            cells.append(
                Cell(
                    units=units,
                    only_keywords=only,
                    secondary=secondary,
                    passages=passages if secondary else (),
                )
            )
        else:
            cells.append(_gap_cell(pair))
    return Row(
        theme=pair.theme,
        theme_name=pair.theme_name,
        cells=tuple(cells),
        similarity=pair.similarity,
        shared_keywords=pair.shared_keywords,
    )


def figure_rows(
    per_report: Sequence[Sequence[Figure]], targets: Sequence[Sequence[bool]] | None = None
) -> tuple[FigureRow, ...]:
    """One row per indicator or subject, one cell per report: each report's figures are
    matched (`match_figures`) against the first figure of the rows made so far; the rest
    start rows of their own. A figure that states a target (`targets`, alongside
    `per_report`) only shares a row with targets. Rows held by more reports come first,
    results before targets, then in order made."""
    if targets is None:
        targets = [[False] * len(figures) for figures in per_report]
    kept = [list(zip(f, t, strict=True)) for f, t in zip(per_report, targets, strict=True)]
    made = [
        *_figure_rows([[f for f, target in pairs if not target] for pairs in kept], False),
        *_figure_rows([[f for f, target in pairs if target] for pairs in kept], True),
    ]
    order = sorted(range(len(made)), key=lambda i: (made[i].present < 2, made[i].target, i))
    return tuple(made[i] for i in order)


def _figure_rows(per_report: Sequence[Sequence[Figure]], target: bool) -> list[FigureRow]:
    firsts: list[Figure] = []
    rows: list[list[Figure | None]] = []
    labels: list[str] = []
    count = len(per_report)
    for index, figures in enumerate(per_report):
        labelled = [f for f in figures if f.label]
        used: set[int] = set()
        for pair in match_figures(firsts, labelled):
            row = next(i for i, f in enumerate(firsts) if f is pair.a)
            rows[row][index] = pair.b
            used.add(id(pair.b))
            if pair.a.indicator is None or pair.a.indicator != pair.b.indicator:
                labels[row] = min((labels[row], pair.label), key=len)
        for figure in labelled:
            if id(figure) in used:
                continue
            cells: list[Figure | None] = [None] * count
            cells[index] = figure
            firsts.append(figure)
            rows.append(cells)
            labels.append(figure.indicator or figure.label)
    return [
        FigureRow(labels[i], firsts[i].indicator, tuple(rows[i]), target) for i in range(len(rows))
    ]


def from_pairwise(comparison: Comparison) -> MultiComparison:
    """A two-report `Comparison` as rows of two cells (what `compare_many` gives for two)."""
    figures_a, figures_b = comparison.figures_a, comparison.figures_b
    targets_a = comparison.targets_a or (False,) * len(figures_a)
    targets_b = comparison.targets_b or (False,) * len(figures_b)
    shared = []
    for pair in comparison.figures:
        shared.append(FigureRow(pair.label, pair.a.indicator, (pair.a, pair.b), pair.target))
    used_a = {id(p.a) for p in comparison.figures}
    used_b = {id(p.b) for p in comparison.figures}
    alone = [
        FigureRow(f.label, f.indicator, (f, None), target)
        for f, target in zip(figures_a, targets_a, strict=True)
        if id(f) not in used_a
    ]
    alone += [
        FigureRow(f.label, f.indicator, (None, f), target)
        for f, target in zip(figures_b, targets_b, strict=True)
        if id(f) not in used_b
    ]
    return MultiComparison(
        reports=(comparison.a, comparison.b),
        rows=tuple(_pair_row(pair, comparison) for pair in comparison.pairs),
        figures=(*shared, *alone),
        units=(comparison.units_a, comparison.units_b),
        report_figures=(figures_a, figures_b),
        themes=comparison.themes,
    )


# --- three or more ---------------------------------------------------------------------

Node = tuple[int, int]  # (report index, unit index in that report's units)


def _subjects_meet(units: Sequence[Sequence[Unit]]) -> Callable[[Node, Node], bool]:
    """Whether two plans (or problems) speak of one subject (`govread.compare._same_subject`)."""

    def meets(x: Node, y: Node) -> bool:
        return _same_subject(units[x[0]][x[1]], units[y[0]][y[1]])

    return meets


def _units_apart(
    units: Sequence[Sequence[Unit]], apart: Callable[[Unit, Unit], bool]
) -> Callable[[Node, Node], bool]:
    """Whether two units meet: not `apart` (`govread.compare._apart_rule`)."""

    def meets(x: Node, y: Node) -> bool:
        return not apart(units[x[0]][x[1]], units[y[0]][y[1]])

    return meets


def _plans_threshold(units: Sequence[Sequence[Unit]]) -> Callable[[Node, Node, bool], float]:
    """The cosine two plans (or problems) need to be joined (`compare.pair_threshold`)."""

    def threshold(x: Node, y: Node, mutual: bool) -> float:
        return pair_threshold(units[x[0]][x[1]], units[y[0]][y[1]], True, mutual)

    return threshold


def _group_theme(
    nodes: Sequence[Node],
    vectors: Mapping[Node, dict[str, float]],
    meets: Callable[[Node, Node], bool] | None = None,
    *,
    supported: Callable[[Node, Node], bool] | None = None,
    answered: Callable[[Node, Node], bool] | None = None,
    only_answered: Callable[[Node, Node], bool] | None = None,
    threshold: Callable[[Node, Node, bool], float] | None = None,
    evidenced: Callable[[Node, Node], bool] | None = None,
    apart: bool = False,
    parent: Callable[[Node], str | None] | None = None,
    subject_of: Callable[[Node], str | None] | None = None,
) -> list[list[Node]]:
    """The rows of one theme: groups of units, at most one "anchor" per report (see module).
    `meets` (plans, problems: `govread.compare._same_subject`): units of different reports
    that do not meet never share a row. `supported(leftover, unit)`: whether a unit left
    alone may join the row of its most similar unit (`compare._supported`); `answered(unit,
    other)`: whether a passage of a unit of another report answers it, needed to join the
    theme's only row or, left alone, its most similar unit's row (both by default);
    `only_answered`: the test for the theme's only row alone, when it is not `answered`
    (plans and problems, as in two-report rows: `compare._align_theme`);
    `threshold(x, y, mutual)`: the cosine two units need to be joined, when it is not
    PAIR_THRESHOLD (`compare.pair_threshold`: plans on one main subject, each the other's
    most alike unit of its report, `mutual`); `evidenced(x, y)`: whether two units alike
    at that bar may be joined (`compare._Context.evidenced`: a specific word in common);
    `apart`: `meets` tells units on a subject of their own from those never naming it
    (`compare._apart_rule`), so a report's units a unit does not meet do not count when
    the theme's only row asks that each other report have one unit on the theme.
    `parent(node)`: the section an item naming a subject is listed in (None for any other
    unit): an item left alone joins the row of its sibling items when every other report
    there has one unit on the theme (`compare._join_siblings`). `subject_of(node)` (plans):
    its main subject; two units on one are `mutual` too when each is the other's most alike
    of its report among the units on it (as in two-report rows: `compare._align_theme`)."""

    def fit(node: Node, row: Sequence[Node]) -> bool:
        return meets is None or all(meets(node, o) for o in row if o[0] != node[0])

    group: dict[Node, int] = {node: i for i, node in enumerate(nodes)}
    members: dict[int, list[Node]] = {i: [node] for i, node in enumerate(nodes)}
    sims: dict[tuple[Node, Node], float] = {}
    for i, x in enumerate(nodes):
        check()  # one unit against the rest at a time: the pairs grow as the square
        for y in nodes[i + 1 :]:
            if x[0] != y[0]:
                alike = meets is None or meets(x, y)
                sims[(x, y)] = sims[(y, x)] = _cosine(vectors[x], vectors[y]) if alike else 0.0
    ranked = sorted(
        ((s, x, y) for (x, y), s in sims.items() if x < y),
        key=lambda c: (-c[0], c[1], c[2]),
    )

    def first(x: Node, report: int, on: str | None = None) -> Node | None:
        """x's most alike unit of one other report (the first of equals); with `on`, of its
        units whose main subject that is."""
        theirs = [
            o
            for o in nodes
            if o[0] == report and (on is None or (subject_of is not None and subject_of(o) == on))
        ]
        return max(theirs, key=lambda o: (sims[(x, o)], -o[1]), default=None)

    def mutual_on_subject(x: Node, y: Node) -> bool:
        if subject_of is None or (on := subject_of(x)) is None or subject_of(y) != on:
            return False
        return first(x, y[0], on) == y and first(y, x[0], on) == x

    for n, (sim, x, y) in enumerate(ranked):
        if sim < (ATTACH_THRESHOLD if threshold else PAIR_THRESHOLD):
            break
        if not n % 4096:  # most pairs cost a comparison or two: ask now and then
            check()
        if threshold is not None and sim < PAIR_THRESHOLD:
            check()  # `first` walks every unit of the theme
            mutual = (first(x, y[0]) == y and first(y, x[0]) == x) or mutual_on_subject(x, y)
            if sim < threshold(x, y, mutual):
                continue
        if evidenced is not None and not evidenced(x, y):
            continue  # alike on the genre's common words alone (as in two-report rows)
        gx, gy = group[x], group[y]
        if gx == gy or {n[0] for n in members[gx]} & {n[0] for n in members[gy]}:
            continue
        if not all(fit(node, members[gx]) for node in members[gy]):
            continue
        for node in members.pop(gy):
            group[node] = gx
            members[gx].append(node)
    joined = {g for g, m in members.items() if len(m) > 1}
    leftovers = [m[0] for g, m in members.items() if g not in joined]
    per_report = Counter(node[0] for node in nodes)

    def only_unit(node: Node, row: Sequence[Node]) -> bool:
        """The theme's only row takes a unit like none when every other report there has
        said all it says on the theme in that row's one unit (as in two-report rows)."""
        others = [o for o in row if o[0] != node[0]]
        test = only_answered or answered

        def units_of(report: int) -> int:
            if not apart or meets is None:
                return per_report[report]
            # 株洲's 生态环境 item beside its one 营商环境 item (as in two-report rows)
            return sum(1 for o in nodes if o[0] == report and meets(node, o))

        return (
            fit(node, row)
            and all(units_of(o[0]) == 1 for o in others)
            and (test is None or all(test(node, o) for o in others))
        )

    gaps: dict[int, list[Node]] = {}
    moves: list[tuple[Node, int]] = []
    for node in leftovers:
        check()
        others = [o for o in nodes if o[0] != node[0] and fit(node, members[group[o]])]
        best = max(others, key=lambda o: (sims[(node, o)], -o[0], -o[1]), default=None)
        if (
            best is not None
            and sims[(node, best)] >= ATTACH_THRESHOLD
            and group[best] in joined
            and (supported is None or supported(node, best))
            and (answered is None or answered(node, best))
        ):
            moves.append((node, group[best]))
        elif len(joined) == 1 and only_unit(node, members[next(iter(joined))]):
            moves.append((node, next(iter(joined))))
        else:
            gaps.setdefault(node[0], []).append(node)
    for node, target in moves:  # decided on the groups as they were: order does not matter
        members.pop(group[node], None)
        members[target].append(node)
        group[node] = target
    if parent is not None:  # the rest of a section's items on the theme (`_join_siblings`)
        for report in list(gaps):
            for node in list(gaps[report]):
                key = parent(node)
                row = next(
                    (
                        g
                        for g in sorted(joined)
                        if any(
                            o != node and o[0] == node[0] and parent(o) == key for o in members[g]
                        )
                    ),
                    None,
                )
                if (
                    key is not None
                    and row is not None
                    and fit(node, members[row])
                    and all(per_report[o[0]] == 1 for o in members[row] if o[0] != node[0])
                ):
                    gaps[report].remove(node)
                    members[row].append(node)
            if not gaps[report]:
                del gaps[report]
    rows = [members[g] for g in sorted(joined)] + [gaps[r] for r in sorted(gaps)]
    return rows


def _keywords(
    vectors: Sequence[Mapping[str, float] | None], top_k: int
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Words every non-empty cell holds (by their smallest weight) and each cell's own."""
    present = [v for v in vectors if v]
    shared: list[str] = []
    if len(present) >= 2:
        common = set(present[0]).intersection(*present[1:])
        shared = sorted(common, key=lambda t: (-min(v[t] for v in present), t))[:top_k]
    only: list[tuple[str, ...]] = []
    for index, vector in enumerate(vectors):
        if not vector or len(present) < 2:
            only.append(())
            continue
        elsewhere = set().union(*(v for i, v in enumerate(vectors) if i != index and v))
        mine = sorted((t for t in vector if t not in elsewhere), key=lambda t: (-vector[t], t))
        only.append(tuple(mine[:top_k]))
    return tuple(shared), only


def _empty_cell(
    theme_id: str,
    here: Mapping[str, float],
    row_units: Sequence[Unit],
    theirs: Sequence[Unit],
    vectors_of: Callable[[Unit], Mapping[str, float]],
    lexicon: Lexicon,
    fit: Callable[[Unit, Unit], float],
) -> Cell:
    """What report `theirs` (with no unit in this row) shows in it."""
    covered_by = (
        ()
        if theme_id == OTHER_ID
        else tuple(u for u in theirs if u.theme != theme_id and u.covers(theme_id))
    )
    planning = _is_phase(row_units, lexicon)
    # the hosts whose passages answer the row's units, as in two-report rows (`_host_rows`)
    hosts = [u for u in covered_by if _is_phase((u,), lexicon) == planning]
    met = {id(h) for _, found in _host_rows(row_units, hosts, fit) for h in found}
    alike = tuple(u for u in hosts if id(u) in met)
    if alike:
        return Cell(units=alike, secondary=True)
    pool: Sequence[Unit] = theirs
    subjects = {u.themes[0][0] for u in row_units if u.themes}
    if planning and subjects:  # a plan no plan meets: set against achievements on its subject
        pool = [
            u for u in theirs if not _is_phase((u,), lexicon) and any(u.covers(t) for t in subjects)
        ] or theirs
    nearest, nearest_sim = None, 0.0
    for unit in pool:
        sim = _cosine(here, vectors_of(unit))
        if sim > nearest_sim:
            nearest, nearest_sim = unit, sim
    if nearest_sim < NEAREST_THRESHOLD:
        nearest, nearest_sim = None, 0.0
    own = any(u.theme == theme_id for u in theirs)
    has_theme = bool(covered_by) or own
    return Cell(
        units=(),
        has_theme=has_theme,
        covered_by=() if own else covered_by,  # "only within" them: as in two-report gaps
        mentioned_in=() if has_theme else tuple(u for u in theirs if theme_id in u.mentions),
        nearest=nearest,
        nearest_similarity=round(nearest_sim, 4),
    )


def compare_many(
    reports: Sequence[Report],
    corpus: Iterable[Report] = (),
    *,
    lexicon: Lexicon | None = None,
    top_k: int = TOP_KEYWORDS,
    idf: _Idf | None = None,
) -> MultiComparison:
    """Align two or more reports theme by theme, one cell per report, and table their figures.

    `corpus` is the open corpus the IDF is computed over (the reports are always part of it);
    or `idf`, counted already (from a store: `followup.stored_weights`).
    Two reports give `compare(a, b)`'s rows exactly.
    """
    if len(reports) < 2:
        raise ValueError("a comparison needs two reports or more")
    lexicon = lexicon or load_lexicon()
    corpus = list(corpus)
    if len(reports) == 2:
        a, b = reports
        return from_pairwise(compare(a, b, corpus, lexicon=lexicon, top_k=top_k, idf=idf))
    if idf is None:
        distinct: dict[str, Report] = {}
        for report in (*reports, *corpus):
            distinct.setdefault(report.id, report)
        idf = _Idf(u.terms for report in distinct.values() for u in report_units(report, lexicon))
    units = tuple(report_units(report, lexicon) for report in reports)
    vectors: dict[Node, dict[str, float]] = {
        (r, i): idf.vector(u.terms) for r, us in enumerate(units) for i, u in enumerate(us)
    }
    unit_vectors = {id(u): vectors[(r, i)] for r, us in enumerate(units) for i, u in enumerate(us)}

    def vectors_of(unit: Unit) -> Mapping[str, float]:
        return unit_vectors[id(unit)]

    report_of_unit = {id(u): reports[r] for r, us in enumerate(units) for u in us}

    def fit(x: Unit, y: Unit) -> float:
        return _fit(x, y, lambda u: report_of_unit[id(u)], vectors_of, idf)

    # a row claims its units alike on evidence, as two-report rows do (plans: by subject):
    # a specific word in common besides (`compare._Context.supported`)
    def alike(x: Node, y: Node) -> bool:
        ux, uy = units[x[0]][x[1]], units[y[0]][y[1]]
        return _supported(ux, uy, vectors[x], vectors[y], idf)

    def supported(x: Node, y: Node) -> bool:
        return evidenced(x, y) and alike(x, y)

    def answered(x: Node, y: Node) -> bool:
        return fit(units[x[0]][x[1]], units[y[0]][y[1]]) >= SECONDARY_THRESHOLD

    def evidenced(x: Node, y: Node) -> bool:
        return _evidenced(units[x[0]][x[1]], units[y[0]][y[1]], idf)

    # an achievement whose words name no subject joins the theme's only row on evidence
    # too (`compare._Context.only_answers`)
    def only_answered(x: Node, y: Node) -> bool:
        return answered(x, y) and (bool(units[x[0]][x[1]].themes) or supported(x, y))

    # a plan (or problem) naming no subject joins a row on evidence, and the theme's only row
    # when a passage answers it, as does one on a subject when that row's plan names none
    # (`_Context.plan_supported`, `plan_answered`)
    def plan_supported(x: Node, y: Node) -> bool:
        return bool(units[x[0]][x[1]].themes) or alike(x, y)

    def plan_answered(x: Node, y: Node) -> bool:
        named = bool(units[x[0]][x[1]].themes) and bool(units[y[0]][y[1]].themes)
        return named or answered(x, y)

    def listed_in(x: Node) -> str | None:
        # an item naming a subject: the section it is listed in (`compare._join_siblings`)
        unit = units[x[0]][x[1]]
        return _parent(unit) if unit.themes else None

    def host_fit(x: Unit, y: Unit) -> float:
        # two specific words in common, as in two-report rows (`compare._hosted`)
        backed = _is_phase((x,), lexicon) or (
            _evidenced(x, y, idf)
            and _supported(x, y, vectors_of(x), vectors_of(y), idf)
            and _hosted(x, y, idf)
        )
        return fit(x, y) if backed else 0.0

    rows: list[Row] = []
    for theme_id in lexicon.order:
        nodes = [
            (r, i) for r, us in enumerate(units) for i, u in enumerate(us) if u.theme == theme_id
        ]
        if not nodes:
            continue
        name = lexicon.theme(theme_id).name
        by_subject = _subjects_meet(units) if lexicon.theme(theme_id).phase else None
        plans_threshold = _plans_threshold(units)
        # units on a subject of their own the theme holds (`compare._apart_rule`) meet only
        # units that name it, in rows and as hosts of empty cells, as in two-report rows
        apart = None if by_subject else _apart_rule(lexicon, theme_id)
        if by_subject:
            groups = _group_theme(
                nodes,
                vectors,
                by_subject,
                supported=plan_supported,
                only_answered=plan_answered,
                threshold=plans_threshold,
                subject_of=lambda node: _main_subject(units[node[0]][node[1]]),
            )
        else:
            groups = _group_theme(
                nodes,
                vectors,
                None if apart is None else _units_apart(units, apart),
                supported=supported,
                answered=answered,
                only_answered=only_answered,
                evidenced=evidenced,
                apart=apart is not None,
                # not on the report's overall direction (`compare._join_siblings`)
                parent=None if lexicon.theme(theme_id).overall else listed_in,
            )
        theme_fit = host_fit if apart is None else _unless_apart(host_fit, apart)
        placed: list[tuple[tuple[float, ...], Row]] = []
        for group in groups:
            check()
            by_report: list[list[Unit]] = [[] for _ in reports]
            for r, i in sorted(group):
                by_report[r].append(units[r][i])
            row_units = [u for us in by_report for u in us]
            here = idf.vector(_merged(row_units))
            cells_units: list[tuple[Unit, ...]] = []
            secondary: list[bool] = []
            passages: dict[int, tuple[tuple[str, str], ...]] = {}
            empty: dict[int, Cell] = {}
            for r, mine in enumerate(by_report):
                if mine:
                    cells_units.append(tuple(mine))
                    secondary.append(False)
                    continue
                cell = _empty_cell(
                    theme_id, here, row_units, units[r], vectors_of, lexicon, theme_fit
                )
                if cell.units:
                    cells_units.append(cell.units)
                    secondary.append(True)
                    size = min(cjk_len(u.text) for u in row_units)
                    found = ((u, _passage(reports[r], u, here, idf, size)) for u in cell.units)
                    passages[r] = tuple(
                        (u.key, _paragraph(reports[r], u, where[1])[where[2] : where[3]])
                        for u, where in found
                        if where
                    )
                else:
                    cells_units.append(())
                    secondary.append(False)
                    empty[r] = cell
            cell_vectors = [idf.vector(_merged(us)) if us else None for us in cells_units]
            shared, only = _keywords(cell_vectors, top_k)
            present = [v for v in cell_vectors if v is not None]
            pairs = [(x, y) for i, x in enumerate(present) for y in present[i + 1 :]]
            similarity = sum(_cosine(x, y) for x, y in pairs) / len(pairs) if pairs else 0.0
            cells = tuple(
                empty[r]
                if r in empty
                else Cell(
                    units=cells_units[r],
                    only_keywords=only[r],
                    secondary=secondary[r],
                    passages=passages.get(r, ()),
                )
                for r in range(len(reports))
            )
            order = tuple(
                float(us[0].order) if us and not secondary[r] else math.inf
                for r, us in enumerate(cells_units)
            )
            placed.append(
                (
                    order,
                    Row(
                        theme=theme_id,
                        theme_name=name,
                        cells=cells,
                        similarity=round(similarity, 4),
                        shared_keywords=shared,
                    ),
                )
            )
        placed.sort(key=lambda item: item[0])
        rows.extend(row for _, row in placed)
    figures = tuple(tuple(report_figures(report)) for report in reports)
    targets = [figure_targets(r, f) for r, f in zip(reports, figures, strict=True)]
    return MultiComparison(
        reports=tuple(reports),
        rows=tuple(rows),
        figures=figure_rows(figures, targets),
        units=units,
        report_figures=figures,
        themes=tuple((t, lexicon.theme(t).name) for t in lexicon.order),
    )


# --- plain data -----------------------------------------------------------------------


def _unit_json(unit: Unit) -> dict[str, object]:
    return {"number": unit.number, "heading": unit.heading, "id": unit.node_id, "kind": unit.kind}


def to_jsonable(
    comparison: MultiComparison,
    header: Callable[[Report], dict[str, object]] | None = None,
    rows: Iterable[Row] | None = None,
) -> dict[str, object]:
    """The comparison as plain JSON data: `reports` (in column order), `rows` with one cell
    per report, `figures` with one cell per report (null where a report has none); `rows`
    (default: all) chooses the rows, the figures are the whole comparison's."""
    describe = header or (lambda r: {"region": r.region, "year": r.year, "title": r.display_title})

    def cell(c: Cell) -> dict[str, object]:
        return {
            "units": [_unit_json(u) for u in c.units],
            "status": c.status,
            "only_keywords": list(c.only_keywords),
            "secondary": c.secondary,
            "covered_in": [_unit_json(u) for u in c.covered_by],
            "mentioned_in": [_unit_json(u) for u in c.mentioned_in],
            "nearest": _unit_json(c.nearest) | {"similarity": c.nearest_similarity}
            if c.nearest
            else None,
        }

    def figure(f: Figure | None) -> dict[str, object] | None:
        if f is None:
            return None
        return {"text": f.text, "value": f.value, "label": f.label, "approximate": f.approximate}

    return {
        "reports": [
            describe(r) | {"label": label}
            for r, label in zip(comparison.reports, comparison.labels, strict=True)
        ],
        "rows": [
            {
                "theme": row.theme_name,
                "theme_id": row.theme,
                "similarity": row.similarity,
                "shared_keywords": list(row.shared_keywords),
                "cells": [cell(c) for c in row.cells],
            }
            for row in (comparison.rows if rows is None else rows)
        ],
        "figures": [
            {
                "label": row.label,
                "indicator": row.indicator,
                "unit": row.unit,
                "target": row.target,
                "cells": [figure(f) for f in row.cells],
            }
            for row in comparison.figures
        ],
    }

"""Alignment as a method, scored leave-one-pair-out (issue 14, tenth round).

    python benchmarks/alignment_loo.py --labels FILE [--labels FILE …] [--reports DIR …]
        [--features cos,same,…] [--classes]

Every unit of A against every unit of B (`compare.report_units`) is one candidate pair,
described by a few numbers: cosine of the TF-IDF vectors, passage likeness (`_fit`), same
main theme, one covering the other's theme, theme-weight overlap, phase agreement, specific
words shared, the rank of each unit among the other's partners, size ratio, relative
position. A logistic regression (Newton's method, L2) learns from the labelled pairs of every
comparison but one, its decision thresholds are chosen on those same comparisons, and the
one left out is scored; each comparison is left out in turn and the pairs are pooled. No
number is fitted on the comparison it is scored on. Decoders:

- `thr`: every candidate whose probability reaches the threshold;
- `best`: those at a high threshold, and each unit's most probable partner at a low one (a
  unit labelled with nothing alike has none; most have one);
- `rel`: a candidate at the low threshold that is a share of its row's or column's best;
- `amend`: main's rows corrected: a pair they claim kept at the low threshold, a pair they do
  not claim added at the high one.

`main` (the feature) is whether `compare.compare`'s rows claim the pair; `--features main`
alone scores main's rows. `--classes` prints main's misses and extras by class instead;
`--cosines` counts labelled and unlabelled node pairs by their best cosine; `--in-sample`
fits on every comparison, the scored one too: the ceiling of the features; `--fresh K` scores
only the last K comparisons and trains on none of them, as main's rules never saw them.

`--sweep NAME=v1,v2,… [--sweep …]` sets a number of `govread.compare` (SECONDARY_ROW_MIN,
GRANULARITY_RATIO, PAIR_THRESHOLD …) to each value of the grid in turn (every combination when
several are given), prints each setting's F1 per comparison and pooled, then scores it
leave-one-pair-out: for each comparison, the setting best on all the others (pooled F1, the
first of the grid among equals) is the one it is scored with. This is how compare's own
numbers are chosen (align7).

Each label file is one of `tests/fixtures/labels/alignment*.toml`'s form; a comparison's
reports are looked up by file name in the `--reports` folders (default: sample_reports/),
the word statistics counted over the folder that holds them, as `benchmarks/quality.py
--align-labels` does. Pure Python: a run of the eleven development comparisons takes about
ten seconds a feature set.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from govread.compare import (
    Unit,
    _Context,
    _cosine,
    _evidence,
    _Idf,
    _merged,
    _same_subject,
    compare,
    report_units,
)
from govread.corpus import load
from govread.parsers.model import Report
from govread.topics import cjk_len, load_lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import _f1, _node  # the scorer's own reading of a row's nodes

ROOT = Path(__file__).resolve().parent.parent
PHASES = ("problems", "next_steps")
ALL_FEATURES = (
    "cos,fit,same,covers,overlap,phase_same,phase_mismatch,subj,ev,"
    "r_ab,r_ba,fr_ab,fr_ba,logsize,pos,other"
)


@dataclass
class Candidate:
    i: int  # index of the unit of A
    j: int  # of B
    xs: list[str]  # its labelled node ids (ignored ones left out)
    ys: list[str]
    features: dict[str, float]
    true: bool


@dataclass
class Labelled:
    name: str
    truth: set[tuple[str, str]]
    candidates: list[Candidate]


def _rank(values: Sequence[float], value: float) -> float:
    return 1.0 / (1 + sorted(values, reverse=True).index(value))


def _with_siblings(units: Sequence[Unit], idf: _Idf) -> dict[int, dict[str, float]]:
    """Each unit's vector merged with its siblings' (same section, or same chapter)."""

    def parent(unit: Unit) -> str:
        node = unit.node_id.split("/", 1)[-1]
        if "#" in node or unit.kind == "closing":
            return node.split("#")[0]
        return node.rsplit(".", 1)[0]

    families: dict[str, list[Unit]] = {}
    for unit in units:
        families.setdefault(parent(unit), []).append(unit)
    return {id(u): idf.vector(_merged(families[parent(u)])) for u in units}


def candidates(
    spec: dict[str, object], reports: dict[str, Report], corpus: list[Report]
) -> Labelled:
    """Every unit pair of one labelled comparison with its features."""
    lexicon = load_lexicon()
    a, b = reports[str(spec["a"])], reports[str(spec["b"])]
    everyone = {r.id: r for r in (a, b, *corpus)}
    idf = _Idf(u.terms for r in everyone.values() for u in report_units(r, lexicon))
    ua, ub = report_units(a, lexicon), report_units(b, lexicon)
    vectors = {id(u): idf.vector(u.terms) for u in (*ua, *ub)}
    context = _Context(a, b, ua, ub, lexicon, idf, vectors, 8)
    claimed = {
        (x.key, y.key) for pair in compare(a, b, corpus).pairs for x in pair.a for y in pair.b
    }
    ignore_a, ignore_b = set(spec["ignore_a"]), set(spec["ignore_b"])  # type: ignore[call-overload]
    truth = {(str(x), str(y)) for x, y in spec["pairs"]}  # type: ignore[attr-defined]
    cos = [[_cosine(vectors[id(u)], vectors[id(v)]) for v in ub] for u in ua]
    # each unit merged with its siblings (the items of one section, the subsections of one
    # chapter): the granularity of the other side's larger units
    grown_a, grown_b = _with_siblings(ua, idf), _with_siblings(ub, idf)
    merged_a = [[_cosine(grown_a[id(u)], vectors[id(v)]) for v in ub] for u in ua]
    merged_b = [[_cosine(vectors[id(u)], grown_b[id(v)]) for v in ub] for u in ua]
    fit = [[context.fit(u, v) for v in ub] for u in ua]
    found: list[Candidate] = []
    for i, u in enumerate(ua):
        for j, v in enumerate(ub):
            xs = [x for x in _node(u) if x not in ignore_a]
            ys = [y for y in _node(v) if y not in ignore_b]
            if not xs or not ys:
                continue
            weights_u, weights_v = dict(u.themes), dict(v.themes)
            phase_u = u.theme if u.theme in PHASES else None
            phase_v = v.theme if v.theme in PHASES else None
            column = [cos[k][j] for k in range(len(ua))]
            fit_column = [fit[k][j] for k in range(len(ua))]
            features = {
                "cos": cos[i][j],
                "fit": fit[i][j],
                "same": float(u.theme == v.theme),
                "covers": float(u.covers(v.theme) or v.covers(u.theme)),
                "overlap": sum(min(w, weights_v.get(t, 0.0)) for t, w in weights_u.items()),
                "phase_same": float(phase_u is not None and phase_u == phase_v),
                "phase_mismatch": float((phase_u is None) != (phase_v is None)),
                "subj": float(phase_u is not None and phase_v is not None and _same_subject(u, v)),
                "ev": min(len(_evidence(u, v, idf)), 5) / 5,
                "r_ab": _rank(cos[i], cos[i][j]),
                "r_ba": _rank(column, cos[i][j]),
                "fr_ab": _rank(fit[i], fit[i][j]),
                "fr_ba": _rank(fit_column, fit[i][j]),
                "logsize": abs(math.log((cjk_len(u.text) + 1) / (cjk_len(v.text) + 1))),
                "pos": abs(i / len(ua) - j / len(ub)),
                "pcos_a": merged_a[i][j],
                "pcos_b": merged_b[i][j],
                "pr_a": _rank(merged_a[i], merged_a[i][j]),
                "pr_b": _rank([merged_b[k][j] for k in range(len(ua))], merged_b[i][j]),
                "other": float("other" in (u.theme, v.theme)),
                "main": float((u.key, v.key) in claimed),
            }
            true = any((x, y) in truth for x in xs for y in ys)
            found.append(Candidate(i, j, xs, ys, features, true))
    return Labelled(f"{a.region}/{b.region}", truth, found)


# --- logistic regression --------------------------------------------------------------


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    n = len(vector)
    rows = [[*row, vector[k]] for k, row in enumerate(matrix)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(rows[r][c]))
        rows[c], rows[pivot] = rows[pivot], rows[c]
        if abs(rows[c][c]) < 1e-12:
            continue
        for r in range(n):
            factor = rows[r][c] / rows[c][c] if r != c else 0.0
            if factor:
                for k in range(c, n + 1):
                    rows[r][k] -= factor * rows[c][k]
    return [rows[k][n] / rows[k][k] if abs(rows[k][k]) > 1e-12 else 0.0 for k in range(n)]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(xs: list[list[float]], ys: list[float], l2: float = 1.0) -> list[float]:
    """Weights of a logistic regression by Newton's method (the intercept not penalised)."""
    m = len(xs[0])
    w = [0.0] * m
    for _ in range(12):
        hessian = [[0.0] * m for _ in range(m)]
        gradient = [0.0] * m
        for x, y in zip(xs, ys, strict=True):
            p = _sigmoid(sum(a * b for a, b in zip(w, x, strict=True)))
            s = p * (1 - p)
            for k in range(m):
                if x[k]:
                    gradient[k] += (p - y) * x[k]
                    for q in range(m):
                        hessian[k][q] += s * x[k] * x[q]
        for k in range(1, m):
            hessian[k][k] += l2
            gradient[k] += l2 * w[k]
        w = [a - b for a, b in zip(w, _solve(hessian, gradient), strict=True)]
    return w


def _row(candidate: Candidate, features: Sequence[str]) -> list[float]:
    return [1.0, *(candidate.features[f] for f in features)]


# --- decoding and scoring -------------------------------------------------------------


def decode(
    comparison: Labelled, p: Sequence[float], low: float, high: float, mode: str
) -> set[tuple[str, str]]:
    """The labelled node pairs claimed by the candidates the decoder keeps."""
    keep = {k for k, value in enumerate(p) if value >= high}
    cands = comparison.candidates
    if mode == "best":
        best_a: dict[int, int] = {}
        best_b: dict[int, int] = {}
        for k, c in enumerate(cands):
            if c.i not in best_a or p[k] > p[best_a[c.i]]:
                best_a[c.i] = k
            if c.j not in best_b or p[k] > p[best_b[c.j]]:
                best_b[c.j] = k
        keep |= {k for k in (*best_a.values(), *best_b.values()) if p[k] >= low}
    elif mode == "rel":
        top_a: Counter[int] = Counter()
        top_b: Counter[int] = Counter()
        for k, c in enumerate(cands):
            top_a[c.i] = max(top_a[c.i], p[k])  # type: ignore[assignment]
            top_b[c.j] = max(top_b[c.j], p[k])  # type: ignore[assignment]
        keep = {
            k
            for k, c in enumerate(cands)
            if p[k] >= low and p[k] >= high * max(top_a[c.i], top_b[c.j])
        }
    elif mode == "amend":  # main's claims kept at the low bar, others added at the high one
        keep = {k for k, c in enumerate(cands) if p[k] >= (low if c.features["main"] else high)}
    return {(x, y) for k in keep for x in cands[k].xs for y in cands[k].ys}


GRIDS = {
    "thr": [(1.0, t / 100) for t in range(5, 95, 2)],
    "best": [(lo / 100, hi / 100) for lo in range(5, 70, 4) for hi in range(30, 95, 4)],
    "rel": [(lo / 100, share / 100) for lo in range(5, 70, 4) for share in range(30, 101, 5)],
    "amend": [(lo / 100, hi / 100) for lo in range(0, 40, 3) for hi in (*range(40, 100, 3), 101)],
}


def _counts(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[int, int, int]:
    return len(found & truth), len(found), len(truth)


def _prf(hits: int, found: int, truth: int) -> tuple[float, float, float]:
    precision = hits / found if found else 0.0
    recall = hits / truth if truth else 0.0
    return precision, recall, _f1(precision, recall)


def leave_one_out(
    comparisons: list[Labelled], features: Sequence[str], in_sample: bool = False, fresh: int = 0
) -> None:
    """Train on all comparisons but one, choose each decoder's thresholds on them, score the
    one left out; print each comparison's and the pooled P, R, F1 per decoder. `in_sample`:
    train and choose on all of them, the one scored too (the features' ceiling). `fresh`: the
    last `fresh` comparisons are the only ones scored, and none of them is trained on (as
    main's rules never saw them)."""
    scored = range(len(comparisons) - fresh, len(comparisons)) if fresh else range(len(comparisons))
    folds = []
    for k in scored:
        rest = [
            c
            for q, c in enumerate(comparisons)
            if (q != k or in_sample) and (q not in scored or not fresh)
        ]
        w = train(
            [_row(c, features) for r in rest for c in r.candidates],
            [float(c.true) for r in rest for c in r.candidates],
        )

        def probabilities(comparison: Labelled, w: list[float] = w) -> list[float]:
            return [
                _sigmoid(sum(a * b for a, b in zip(w, _row(c, features), strict=True)))
                for c in comparison.candidates
            ]

        folds.append(([(r, probabilities(r)) for r in rest], probabilities(comparisons[k])))
    for mode, grid in GRIDS.items():
        total = [0, 0, 0]
        lines = []
        for fold, k in enumerate(scored):
            comparison = comparisons[k]
            train_p, test_p = folds[fold]

            def pooled(
                par: tuple[float, float],
                train_p: list[tuple[Labelled, list[float]]] = train_p,
                mode: str = mode,
            ) -> float:
                sums = [0, 0, 0]
                for r, p in train_p:
                    for q, n in enumerate(_counts(decode(r, p, *par, mode), r.truth)):
                        sums[q] += n
                return _prf(*sums)[2]

            chosen = max(grid, key=pooled)
            counts = _counts(decode(comparison, test_p, *chosen, mode), comparison.truth)
            total = [t + n for t, n in zip(total, counts, strict=True)]
            p, r, f = _prf(*counts)
            lines.append(f"  {comparison.name:<12} P {p:.3f} R {r:.3f} F1 {f:.3f}  {chosen}")
        p, r, f = _prf(*total)
        how = "in-sample" if in_sample else "fresh" if fresh else "leave-one-out"
        print(f"{mode}: pooled {how} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print("\n".join(lines))


def classes(
    comparisons: list[Labelled], specs: list[tuple[dict[str, object], list[Report]]]
) -> None:
    """Main's misses and extras by class (the rows each pair is in)."""
    tally: Counter[str] = Counter()
    lexicon = load_lexicon()
    for (spec, corpus), comparison in zip(specs, comparisons, strict=True):
        reports = {Path(r.path or "").name: r for r in corpus}
        result = compare(reports[str(spec["a"])], reports[str(spec["b"])], corpus)
        rows: dict[tuple[str, str], object] = {}
        for row in result.pairs:
            for x in row.a:
                for y in row.b:
                    for node_pair in ((n, m) for n in _node(x) for m in _node(y)):
                        rows.setdefault(node_pair, row)
        units_a = {n: u for u in result.units_a for n in _node(u)}
        units_b = {n: u for u in result.units_b for n in _node(u)}
        claimed = {
            (x, y) for c in comparison.candidates if c.features["main"] for x in c.xs for y in c.ys
        }
        for node_pair in claimed - comparison.truth:
            row = rows[node_pair]
            if row.secondary:  # type: ignore[attr-defined]
                tally["extra: secondary row (a chapter's other theme)"] += 1
            elif lexicon.theme(row.theme).phase:  # type: ignore[attr-defined]
                tally["extra: plans or problems"] += 1
            elif len(row.a) == 1 and len(row.b) == 1:  # type: ignore[attr-defined]
                tally["extra: one-to-one row"] += 1
            else:
                tally["extra: a unit joining an n-to-m row"] += 1
        for x, y in comparison.truth - claimed:
            u, v = units_a.get(x), units_b.get(y)
            if u is None or v is None:
                tally["missed: a labelled node that is no unit"] += 1
            elif u.theme in PHASES or v.theme in PHASES:
                tally["missed: plans or problems"] += 1
            elif u.theme == v.theme:
                tally["missed: one theme, different rows (granularity)"] += 1
            elif u.covers(v.theme) or v.covers(u.theme):
                tally["missed: cross-theme, one covers the other's theme"] += 1
            else:
                tally["missed: cross-theme, neither covers the other's"] += 1
    for name, count in sorted(tally.items()):
        print(f"{count:4d}  {name}")


def _claimed_counts(
    specs: list[tuple[dict[str, object], list[Report]]],
) -> list[tuple[int, int, int]]:
    """(right, claimed, labelled) node pairs of compare's rows, per comparison."""
    from quality import _pairs

    counts = []
    for spec, corpus in specs:
        reports = {Path(r.path or "").name: r for r in corpus}
        ignore_a, ignore_b = set(spec["ignore_a"]), set(spec["ignore_b"])  # type: ignore[call-overload]
        truth = {(str(x), str(y)) for x, y in spec["pairs"]}  # type: ignore[attr-defined]
        result = compare(reports[str(spec["a"])], reports[str(spec["b"])], corpus)
        found = {(x, y) for x, y in _pairs(result) if x not in ignore_a and y not in ignore_b}
        counts.append(_counts(found, truth))
    return counts


def sweep(specs: list[tuple[dict[str, object], list[Report]]], settings: Sequence[str]) -> None:
    """Compare's rows under each setting of the grid, and leave-one-pair-out over them."""
    import govread.compare as module

    axes = []
    for setting in settings:
        name, _, values = setting.partition("=")
        if not hasattr(module, name):
            raise SystemExit(f"--sweep: govread.compare has no {name}")
        axes.append([(name, float(v)) for v in values.split(",")])
    grid = [tuple(combo) for combo in itertools.product(*axes)]
    names = [f"{a}/{b}" for a, b in ((s["a"], s["b"]) for s, _ in specs)]
    results: dict[tuple[tuple[str, float], ...], list[tuple[int, int, int]]] = {}
    for combo in grid:
        kept = {name: getattr(module, name) for name, _ in combo}
        try:
            for name, value in combo:
                setattr(module, name, value)
            results[combo] = _claimed_counts(specs)
        finally:
            for name, value in kept.items():
                setattr(module, name, value)
        per = " ".join(f"{_prf(*c)[2]:.3f}" for c in results[combo])
        total = [sum(c[q] for c in results[combo]) for q in range(3)]
        label = ", ".join(f"{n}={v:g}" for n, v in combo)
        print(f"{label}: pooled F1 {_prf(*total)[2]:.3f}  per comparison {per}")
    total = [0, 0, 0]
    for k, name in enumerate(names):

        def others(combo: tuple[tuple[str, float], ...], k: int = k) -> float:
            kept = [c for q, c in enumerate(results[combo]) if q != k]
            return _prf(*(sum(c[q] for c in kept) for q in range(3)))[2]

        chosen = max(grid, key=lambda combo: (round(others(combo), 9), -grid.index(combo)))
        counts = results[chosen][k]
        total = [t + n for t, n in zip(total, counts, strict=True)]
        label = ", ".join(f"{n}={v:g}" for n, v in chosen)
        print(f"  left out {name}: F1 {_prf(*counts)[2]:.3f} with {label}")
    p, r, f = _prf(*total)
    print(f"leave-one-pair-out: P {p:.3f} R {r:.3f} F1 {f:.3f}")


def cosines(comparisons: list[Labelled]) -> None:
    """Labelled and unlabelled node pairs by their best cosine (over the units holding them)."""
    best: dict[tuple[int, str, str], float] = {}
    for k, comparison in enumerate(comparisons):
        for c in comparison.candidates:
            for key in ((k, x, y) for x in c.xs for y in c.ys):
                best[key] = max(best.get(key, 0.0), c.features["cos"])
    truth = {(k, x, y) for k, comparison in enumerate(comparisons) for x, y in comparison.truth}
    bands = ((0.0, 1e-9, "0"), (1e-9, 0.05, "< 0.05"), (0.05, 0.1, "< 0.1"), (0.1, 2.0, ">= 0.1"))
    for low, high, name in bands:
        labelled = sum(low <= best.get(key, 0.0) < high for key in truth)
        other = sum(low <= value < high for key, value in best.items() if key not in truth)
        print(f"  cosine {name:<7} labelled {labelled:4d}  unlabelled {other:5d}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", metavar="FILE", action="append", type=Path, required=True)
    parser.add_argument("--reports", metavar="DIR", action="append", type=Path)
    parser.add_argument("--features", default=ALL_FEATURES, help="comma-separated")
    parser.add_argument("--classes", action="store_true", help="main's errors by class")
    parser.add_argument(
        "--cosines", action="store_true", help="labelled pairs and others by their cosine"
    )
    parser.add_argument(
        "--fresh",
        type=int,
        default=0,
        metavar="K",
        help="score only the last K comparisons, training on none of them",
    )
    parser.add_argument(
        "--in-sample", action="store_true", help="fit on every comparison, the scored one too"
    )
    parser.add_argument(
        "--sweep",
        action="append",
        metavar="NAME=v1,v2",
        help="a number of govread.compare over a grid, scored leave-one-pair-out (repeatable)",
    )
    args = parser.parse_args(argv)
    folders = [load([d]).reports for d in args.reports or [ROOT / "sample_reports"]]
    specs: list[tuple[dict[str, object], list[Report]]] = []
    for path in args.labels:
        for spec in tomllib.loads(path.read_text("utf-8"))["comparison"]:
            corpus = next(
                (
                    f
                    for f in folders
                    if {spec["a"], spec["b"]} <= {Path(r.path or "").name for r in f}
                ),
                None,
            )
            if corpus is None:
                parser.error(f"{path}: {spec['a']} or {spec['b']} in no --reports folder")
            specs.append((spec, corpus))
    if args.sweep:
        sweep(specs, args.sweep)
        return 0
    comparisons = [
        candidates(spec, {Path(r.path or "").name: r for r in corpus}, corpus)
        for spec, corpus in specs
    ]
    if args.classes:
        classes(comparisons, specs)
        return 0
    if args.cosines:
        cosines(comparisons)
        return 0
    leave_one_out(comparisons, args.features.split(","), args.in_sample, args.fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())

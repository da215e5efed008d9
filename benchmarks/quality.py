"""Quality of figures, themes and alignment against hand labels (tests/fixtures/labels).

    python benchmarks/quality.py [--heldout] [--verbose] [--sample NNN]
    python benchmarks/quality.py --labels FILE --report PATH [--labels FILE --report PATH …]
    python benchmarks/quality.py --align-labels FILE [--align-labels FILE …] [--reports DIR]

Prints figure value F1 (a found figure is right when a labelled figure of the same report
has its value and unit, matched in document order), subject accuracy (of the figures found
rightly, those whose subject is the labelled one or an accepted phrasing), indicator
accuracy, theme unit accuracy (a labelled node is right when every unit made of it has one
of its labelled themes) and alignment F1 (node pairs of the compare rows against the
labelled pairs, over every alignment*.toml of the folder). `--heldout` scores the held-out
labels instead of the development ones (held-out alignment: 泾县 2022 vs 株洲 2024 and
泾县 vs 宝鸡 2023, tests/fixtures/labels/heldout/alignment_001_00[24].toml; 泾县 vs 咸宁, held
out in the fourth round, is a development file since: tests/fixtures/labels/alignment_001_000.toml).
Every "silent" claim of the comparisons of all sample pairs is listed, to check by hand.
`shared values split` counts the figures found at the very place of a figure found rightly:
a value a list shares (参考率、合格率均为100%), one figure per item as issue 14 asks, which a
reader may have labelled once; the value F1 counting each such value once is printed beside
the plain one (which counts every split as an extra).
`--labels FILE --report PATH` scores figure labels of any report (labels kept outside the
repository, in the form of tests/fixtures/labels/figures_000.toml; its `file` is ignored):
repeat the pair to score several reports together.
`--align-labels FILE` scores the alignment pairs of any label file of the repository's form
(`[[comparison]]` with `a`, `b`, `ignore_a`, `ignore_b`, `pairs`; repeat it to pool several
files), its reports looked up by file name in `--reports DIR` (default: sample_reports/), the
word statistics counted over DIR's reports, as `govread compare --corpus DIR` would without a
store. Each pair's F1 is printed, then the pooled precision, recall and F1.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from govread.compare import Comparison, Unit, compare, report_units
from govread.corpus import load
from govread.figures import _COUNTED_BY_NAME, Figure, report_figures, subject_key
from govread.opening import Problem, open_report
from govread.parsers.model import Report
from govread.parsers.script import has_readings, read_as_simplified, without_readings
from govread.sanitize import sanitize_line

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "labels"


def _say(line: str) -> None:
    """One line of output: labels, subjects, file names and claims come from files anyone
    may have written, so the line goes through the sanitiser like every other output."""
    print(sanitize_line(line))


def _say_results(results: dict[str, Any]) -> None:
    """Each score on a line of its own, a float to three places."""
    for name, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        _say(f"  {name:<24} {shown}")


_MARKS = re.compile(r"[“”\"‘’'《》「」\s]")


def _norm(subject: str) -> str:
    return subject_key(_MARKS.sub("", subject))


def _by_file(reports: Iterable[Report]) -> dict[str, Report]:
    return {Path(r.path or "").name: r for r in reports}


def _same_unit(found: str, labelled: str) -> bool:
    """One unit, with or without the measure word 个 before a noun that measures by itself
    (个工作日 / 工作日, 个百分点 / 百分点), and 每 for / (微克每立方米): labellers write the base
    unit either way, as a reader would count 3.2万人 in 人 (and 6单位 in 单位 or in 个: the
    finder counts a body named with no measure word, _COUNTED_BY_NAME, in 个)."""
    found, labelled = found.replace("每", "/"), labelled.replace("每", "/")  # 微克每立方米
    return (
        found == labelled
        or (len(found) > 1 and found.removeprefix("个") == labelled.removeprefix("个"))
        or (found == "个" and labelled in _COUNTED_BY_NAME)
    )


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def labels_as_read(text: str, report: Report) -> dict[str, Any]:
    """A figure label file's text read as its report was: a report in traditional script is
    read as simplified (a converter's readings dropped first), so are its labels."""
    if report.meta.get("script") == "traditional":
        if not has_readings(report.full_text()):
            text = without_readings(text)  # a converter's readings, dropped from it
        text = read_as_simplified(text)
    return tomllib.loads(text)


class _Found(Protocol):
    unit: str
    value: float


_SCALES = {"万": 1e4, "亿": 1e8}


def _labelled_quantity(label: dict[str, Any]) -> tuple[str, float]:
    """A label's unit and value, in the base unit: 4.7亿元 labelled as 4.7 in 亿元 is the
    470,000,000 元 the finder reads (labellers write it either way; 1.2万人 in 人 too), and
    a unit labelled for 场(次) or 人(次) is the finder's reading of it (场, 人次)."""
    unit, value = str(label["unit"]), float(str(label["value"]))
    if len(unit) >= 2 and unit[0] in _SCALES:
        return unit[1:], value * _SCALES[unit[0]]
    text = str(label.get("text", ""))
    measure = unit.removesuffix("次") or unit
    if f"{measure}(次)" in text or f"{measure}（次）" in text:
        # 1000余场(次), 40人(次): a labeller may write 场 or 场次, 人 or 人次; the finder counts
        # the first measure (场), 次 in brackets saying one may be counted twice, but 人(次)
        # as the 人次 tables mean
        return ("人次" if measure == "人" else measure), value
    return unit, value


def match_labels(labels: Sequence[dict[str, Any]], found: Sequence[_Found]) -> list[int | None]:
    """For each labelled figure, in document order, the index of the found figure it is: the
    first not yet taken with its unit and value; None when none is."""
    used: set[int] = set()
    hits: list[int | None] = []
    for label in labels:
        unit, value = _labelled_quantity(label)
        hit = next(
            (
                i
                for i, figure in enumerate(found)
                if i not in used
                and _same_unit(figure.unit, unit)
                and _same_value(figure.value, value)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        hits.append(hit)
    return hits


def accepted_subjects(label: dict[str, Any]) -> set[str]:
    """The labelled subject and its accepted phrasings, as they are compared (`_norm`)."""
    return {_norm(str(s)) for s in [label["subject"], *label.get("accept", [])]}


def score_figures(
    reports: dict[str, Report],
    files: Sequence[Path],
    verbose: bool,
    key: Callable[[Path], str] | None = None,
) -> dict[str, float | str]:
    """Figure scores; a label file's report is reports[its `file`], or reports[key(path)]."""
    found_total = labelled_total = right = subject_right = 0
    indicator_total = indicator_right = range_total = range_right = 0
    unlabelled_indicators = 0  # a figure given an indicator its label does not have
    # extras at the very place of a figure found rightly: a value shared by a list (参考率、
    # 合格率均为100%), one figure per item as issue 14 asks, which a reader labelled once
    shared_extras = 0
    for path in files:
        text = path.read_text("utf-8")
        report = reports[key(path) if key else tomllib.loads(text)["file"]]
        data = labels_as_read(text, report)
        predicted = report_figures(report)
        labels = data["figure"]
        hits = match_labels(labels, predicted)
        used = {hit for hit in hits if hit is not None}
        found_total += len(predicted)
        labelled_total += len(labels)
        for label, hit in zip(labels, hits, strict=True):
            if label.get("range"):
                range_total += 1  # a range end not found is a range not marked
            if hit is None:
                if verbose:
                    _say(f"  missed  {data['file'][:3]} {label['text']} {label['subject']}")
                continue
            right += 1
            figure = predicted[hit]
            if _norm(figure.label) in accepted_subjects(label):
                subject_right += 1
            elif verbose:
                _say(
                    f"  subject {data['file'][:3]} {figure.text}: {figure.label!r}"
                    f" (label {label['subject']!r})"
                )
            if "indicator" in label:
                indicator_total += 1
                indicator_right += _indicator(figure) == label["indicator"]
                if verbose and _indicator(figure) != label["indicator"]:
                    _say(
                        f"  indicator {figure.text} {figure.label}: {_indicator(figure)!r}"
                        f" (label {label['indicator']!r})"
                    )
            elif _indicator(figure) is not None:
                unlabelled_indicators += 1
                if verbose:
                    _say(f"  indicator {figure.text} {figure.label}: {_indicator(figure)!r} (none)")
            if label.get("range"):
                range_right += figure.is_range
        places = {_place(predicted[i]) for i in used}
        for i, figure in enumerate(predicted):
            if i in used:
                continue
            shared_extras += _place(figure) in places
            if verbose:
                _say(f"  extra   {data['file'][:3]} {figure.text} {figure.label}")
    precision = right / found_total if found_total else 0.0
    recall = right / labelled_total if labelled_total else 0.0
    once = found_total - shared_extras
    return {
        "figures labelled": labelled_total,
        "figures found": found_total,
        "figure value precision": precision,
        "figure value recall": recall,
        "figure value F1": _f1(precision, recall),
        "shared values split": shared_extras,
        "value F1, shared once": _f1(right / once if once else 0.0, recall),
        "subject accuracy": subject_right / right if right else 0.0,
        "indicator accuracy": (
            indicator_right / indicator_total if indicator_total else "n/a (none labelled)"
        ),
        "indicators not labelled": unlabelled_indicators,
        "ranges marked": range_right / range_total if range_total else "n/a (none labelled)",
    }


def _place(figure: Figure) -> tuple[str, int, int, int]:
    """Where a figure stands: its node, paragraph and offsets in that paragraph."""
    return figure.node_id, figure.paragraph, figure.start, figure.end


def _indicator(figure: Figure) -> str | None:
    return figure.indicator


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _units_of(report: Report, node: str) -> list[Unit]:
    units = report_units(report)
    if node.startswith("closing:"):
        index = int(node.split(":")[1])
        return [u for u in units if u.kind == "closing" and u.paragraph == index]
    return [u for u in units if _covers(u, node)]


def _covers(unit: Unit, node: str) -> bool:
    nodes = getattr(unit, "nodes", ()) or (unit.node_id,)
    return node in nodes


def score_themes(
    reports: dict[str, Report], files: Sequence[Path], verbose: bool
) -> dict[str, float]:
    total = right = folded = left_out = 0
    for path in files:
        for name, nodes in tomllib.loads(path.read_text("utf-8")).items():
            report = reports[name]
            all_units = report_units(report)
            for node, themes in nodes.items():
                units = _units_of(report, node)
                if not units and any(
                    u.node_id.startswith((f"{node}#", f"{node}.")) for u in all_units
                ):
                    folded += 1  # a one-sentence chapter intro, folded into its section's items
                    continue
                if not units and themes == ["other"]:
                    # a text of no subject (特此报告, a signature) that the comparison leaves
                    # out, as its label says
                    left_out += 1
                    continue
                total += 1
                ok = bool(units) and all(u.theme in themes for u in units)
                right += ok
                if verbose and not ok:
                    got = [u.theme for u in units] or "no unit"
                    _say(f"  theme {name[:3]} {node}: {got} (label {themes})")
    return {
        "theme nodes": total,
        "intros folded (unscored)": folded,
        "no subject, left out": left_out,
        "theme unit accuracy": right / total if total else 0.0,
    }


def _node(unit: Unit) -> list[str]:
    if unit.kind == "closing":
        return ["closing"]
    nodes = getattr(unit, "nodes", ()) or (unit.node_id,)
    return [n.split("/", 1)[1] for n in nodes]


def alignment_files(heldout: bool) -> list[Path]:
    """The alignment label files scored together: development or held out."""
    return sorted((LABELS / "heldout" if heldout else LABELS).glob("alignment*.toml"))


def score_alignment(
    reports: dict[str, Report],
    paths: Sequence[Path],
    corpus: Sequence[Report],
    verbose: bool,
    each: bool = False,
) -> dict[str, float]:
    """Precision, recall and F1 over every comparison of the files (pairs pooled); `each`
    (or `verbose`) prints every comparison's F1 too."""
    specs = [s for path in paths for s in tomllib.loads(path.read_text("utf-8"))["comparison"]]
    missing = sorted({s[side] for s in specs for side in ("a", "b")} - reports.keys())
    if missing:
        raise KeyError(f"no report named {', '.join(missing)}")
    true_total = found_total = right = 0
    for spec in specs:
        a, b = reports[spec["a"]], reports[spec["b"]]
        ignore_a, ignore_b = set(spec["ignore_a"]), set(spec["ignore_b"])
        truth = {(x, y) for x, y in spec["pairs"]}
        found = {
            (x, y)
            for x, y in _pairs(compare(a, b, corpus))
            if x not in ignore_a and y not in ignore_b
        }
        true_total += len(truth)
        found_total += len(found)
        right += len(truth & found)
        if verbose or each:
            hits = len(truth & found)
            precision = hits / len(found) if found else 0.0
            recall = hits / len(truth) if truth else 0.0
            _say(
                f"  align {spec['a'][:3]} vs {spec['b'][:3]}: F1 {_f1(precision, recall):.3f}"
                f" (P {precision:.3f}, R {recall:.3f}; {len(truth)} labelled)"
            )
        if verbose:
            for x, y in sorted(truth - found):
                _say(f"  align missed {spec['a'][:3]}:{x} ~ {spec['b'][:3]}:{y}")
            for x, y in sorted(found - truth):
                _say(f"  align extra  {spec['a'][:3]}:{x} ~ {spec['b'][:3]}:{y}")
    precision = right / found_total if found_total else 0.0
    recall = right / true_total if true_total else 0.0
    return {
        "alignment precision": precision,
        "alignment recall": recall,
        "alignment F1": _f1(precision, recall),
    }


def _pairs(comparison: Comparison) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for pair in comparison.pairs:
        for ua in pair.a:
            for ub in pair.b:
                found.update(itertools.product(_node(ua), _node(ub)))
    return found


def silences(reports: Sequence[Report]) -> list[str]:
    """Every "B is silent on T" claim of every pair of reports, as a line to check by hand."""
    lines: list[str] = []
    for a, b in itertools.permutations(reports, 2):
        comparison = compare(a, b, reports)
        for pair in comparison.pairs:
            if pair.silent and pair.a:
                lines.append(f"{b.region} silent on {pair.theme_name} (vs {a.region})")
    return sorted(set(lines))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--heldout", action="store_true", help="score the held-out labels")
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument(
        "--sample", metavar="NNN", help="score only the figure labels of this sample (e.g. 001)"
    )
    parser.add_argument(
        "--labels",
        metavar="FILE",
        action="append",
        type=Path,
        help="figure labels of one report, kept anywhere (with --report; repeatable)",
    )
    parser.add_argument(
        "--report",
        metavar="PATH",
        action="append",
        type=Path,
        help="the report the --labels file of the same position labels",
    )
    parser.add_argument(
        "--align-labels",
        metavar="FILE",
        action="append",
        type=Path,
        help="alignment labels of any pairs, in the form of tests/fixtures/labels/alignment.toml "
        "(repeatable: the files are pooled)",
    )
    parser.add_argument(
        "--theme-labels",
        metavar="FILE",
        action="append",
        type=Path,
        help="theme labels of any reports, in the form of tests/fixtures/labels/themes.toml "
        "(repeatable: the files are pooled)",
    )
    parser.add_argument(
        "--reports",
        metavar="DIR",
        type=Path,
        help="where --align-labels' or --theme-labels' reports are, by file name "
        "(default: sample_reports/)",
    )
    args = parser.parse_args(argv)
    if args.align_labels or args.theme_labels:
        return _score_outside_folder(
            parser, args.align_labels or [], args.theme_labels or [], args.reports, args.verbose
        )
    if args.reports:
        parser.error("--reports goes with --align-labels or --theme-labels")
    if args.labels or args.report:
        return _score_outside(parser, args.labels or [], args.report or [], args.verbose)
    corpus = load().reports
    reports = _by_file(corpus)
    folder = LABELS / "heldout" if args.heldout else LABELS
    results: dict[str, float | str] = {}
    pattern = f"figures_{args.sample}.toml" if args.sample else "figures_*.toml"
    results |= score_figures(reports, sorted(folder.glob(pattern)), args.verbose)
    results |= score_themes(reports, sorted(folder.glob("themes.toml")), args.verbose)
    alignment = alignment_files(args.heldout)
    if alignment:
        results |= score_alignment(reports, alignment, corpus, args.verbose)
    _say("held-out labels" if args.heldout else "development labels")
    _say_results(results)
    if not args.heldout:
        claims = silences(corpus)
        _say(f"silent claims over all sample pairs: {len(claims)}")
        for line in claims:
            _say(f"  {line}")
    return 0


def _score_outside(
    parser: argparse.ArgumentParser, labels: Sequence[Path], paths: Sequence[Path], verbose: bool
) -> int:
    """Figure scores of reports anywhere against label files anywhere, paired in order."""
    if len(labels) != len(paths):
        parser.error("give one --report for each --labels")
    reports: dict[str, Report] = {}
    for label_path, path in zip(labels, paths, strict=True):
        opened = open_report(path, explicit=True)
        if isinstance(opened, Problem):
            parser.error(sanitize_line(str(opened)))
        # the label file is scored against this report, whatever its `file` says
        reports[str(label_path)] = opened
    results = score_figures(reports, labels, verbose, key=str)
    _say("labels: " + ", ".join(map(str, labels)))
    _say_results(results)
    return 0


def _score_outside_folder(
    parser: argparse.ArgumentParser,
    alignment: Sequence[Path],
    themes: Sequence[Path],
    folder: Path | None,
    verbose: bool,
) -> int:
    """Alignment and theme scores of label files anywhere, their reports looked up in
    `folder`."""
    directory = folder or Path(__file__).resolve().parent.parent / "sample_reports"
    if not directory.is_dir():
        parser.error(sanitize_line(f"--reports {directory}: not a folder"))
    corpus = load([directory]).reports
    results: dict[str, float] = {}
    try:
        if themes:
            results |= score_themes(_by_file(corpus), themes, verbose)
        if alignment:
            results |= score_alignment(_by_file(corpus), alignment, corpus, verbose, each=True)
    except KeyError as error:
        parser.error(sanitize_line(f"{error.args[0]} in {directory}"))
    for kind, files in (("theme", themes), ("alignment", alignment)):
        if files:
            _say(f"{kind} labels: " + ", ".join(map(str, files)))
    _say_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())

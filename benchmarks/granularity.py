"""Experiments on comparable granularity (issue 14, item 2), scored on the alignment labels.

    python benchmarks/granularity.py MODE [RATIO] [--verbose] [--heldout]

MODE is one of
  none      the units as compare builds them (the baseline);
  merge     a report's items under one parent become one unit when the other report's
            median unit (closing left out) is at least RATIO times its own (default 2);
  mergefit  the same, parent by parent, when the merged unit is nearer (in log size) to the
            other report's median unit than the items are: no ratio to choose;
  split     a flat section of more than 250 characters is cut at sentence ends into pieces
            about the other report's median unit size, each themed by its own words (its
            section's theme when they name none), when its report's median unit is at least
            RATIO times the other's;
  splitkeep the same, each piece keeping its section's theme;
  attach    no change of units: a leftover unit joins its best partner's row at cosine
            RATIO (compare's ATTACH_THRESHOLD: 0.05 since the sixth round, 0.02 before).
Three variants that change the alignment itself are kept as patches of govread/compare.py
(benchmarks/granularity_patches/, made against that file as of main 106191c: `git show
106191c:govread/compare.py > govread/compare.py && git apply PATCH`, then run
benchmarks/quality.py): merge_claims (items merged as `merge 2`, plus a large unit's
secondary themes taking the other side's leftover units), passages (a small
unit meets a large one by the best of its passages, its gaps too) and onlygroup (the
passages only decide whether a small unit joins a theme's only row).
A fourth, host_rows.patch (fifth round, against main before the sixth round): with several
larger units covering a gap's theme as a secondary subject, each small unit meets the ones
it is most like until their text is as long as its own, instead of all of them. The sixth
round landed that rule with hosts judged by their passages (`compare._host_rows`), so the
patch no longer applies.
Prints alignment precision, recall and F1 (benchmarks/quality.py's scoring) over every
alignment*.toml of the split (development, or held out with --heldout; both with --all).
Nothing here is used by govread: it patches the units compare sees, pair by pair, to
measure before landing.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quality

from govread import compare as compare_module
from govread import segment
from govread.compare import OTHER_ID, Comparison, Unit, _Builder
from govread.corpus import load
from govread.parsers.model import Report
from govread.topics import Lexicon, cjk_len, load_lexicon

LONG_SECTION = 250


@dataclass(frozen=True, slots=True)
class MergedUnit(Unit):
    nodes: tuple[str, ...] = ()  # quality.py scores a merged unit as each of these nodes


def _size(unit: Unit) -> int:
    return cjk_len(unit.text)


def _median(units: Sequence[Unit]) -> float:
    sizes = [_size(u) for u in units if u.kind != "closing"]
    return statistics.median(sizes) if sizes else 0.0


def _built(report: Report, lexicon: Lexicon, **values: object) -> dict[str, object]:
    builder = _Builder(report, lexicon, segment.Cutter())
    builder.add(**values)
    unit = builder.units[0]
    return {f.name: getattr(unit, f.name) for f in fields(Unit)}


def merge(
    units: Sequence[Unit],
    other: Sequence[Unit],
    report: Report,
    lexicon: Lexicon,
    mode: str,
    ratio: float,
) -> tuple[Unit, ...]:
    mine, theirs = _median(units), _median(other)
    if not mine or (mode == "merge" and theirs < ratio * mine):
        return tuple(units)
    out: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        parent = unit.node_id.split("#")[0]
        group = [unit]
        while (
            unit.kind == "item"
            and index + len(group) < len(units)
            and units[index + len(group)].kind == "item"
            and units[index + len(group)].node_id.split("#")[0] == parent
        ):
            group.append(units[index + len(group)])
        merged_size = sum(_size(u) for u in group)
        item_size = statistics.median(_size(u) for u in group)
        fits = abs(math.log(merged_size / theirs)) < abs(math.log(item_size / theirs))
        phase = any(lexicon.theme(u.theme).phase for u in group)
        if len(group) < 2 or phase or (mode == "mergefit" and not fits):
            out.append(unit)
            index += 1
            continue
        index += len(group)
        section = report.find(parent)
        heading = section.heading if section else ""
        text = "\n".join(u.text for u in group)
        theme = lexicon.best(lexicon.score(heading, text, ()), phase=False)
        values = _built(
            report,
            lexicon,
            key=f"{parent}~items",
            node_id=parent,
            kind="section",
            number=group[0].number,
            heading=heading,
            text=text,
            theme=theme,
            paragraph=group[0].paragraph,
            start=group[0].start,
            end=group[-1].end,
            spans=tuple(s for u in group for s in u.spans),
            scores={},
        )
        values["order"] = group[0].order
        out.append(MergedUnit(**values, nodes=tuple(u.node_id for u in group)))  # type: ignore[arg-type]
    return tuple(out)


def split(
    units: Sequence[Unit],
    other: Sequence[Unit],
    report: Report,
    lexicon: Lexicon,
    mode: str,
    ratio: float,
) -> tuple[Unit, ...]:
    mine, theirs = _median(units), _median(other)
    if not theirs or mine < ratio * theirs:
        return tuple(units)
    out: list[Unit] = []
    for unit in units:
        if (
            unit.kind != "section"
            or _size(unit) <= LONG_SECTION
            or len(unit.spans) != 1
            or lexicon.theme(unit.theme).phase  # plans and problems keep their phase
        ):
            out.append(unit)
            continue
        chunks: list[str] = []
        current = ""
        for sentence in compare_module._SENTENCE.finditer(unit.text):
            current += sentence.group()
            if cjk_len(current) >= theirs:
                chunks.append(current)
                current = ""
        if current:
            if chunks and cjk_len(current) < theirs / 2:
                chunks[-1] += current
            else:
                chunks.append(current)
        if len(chunks) < 2:
            out.append(unit)
            continue
        for k, chunk in enumerate(chunks):
            scores = lexicon.score(unit.heading, chunk, ())
            theme = lexicon.best(scores, phase=False)
            if mode == "splitkeep" or theme == OTHER_ID:
                theme = unit.theme
            values = _built(
                report,
                lexicon,
                key=f"{unit.key}~s{k}",
                node_id=unit.node_id,
                kind="section",
                number=unit.number,
                heading=unit.heading,
                text=chunk,
                theme=theme,
                paragraph=unit.paragraph,
                start=unit.start,
                end=unit.end,
                spans=unit.spans,
                scores=scores,
            )
            values["order"] = unit.order
            out.append(Unit(**values))  # type: ignore[arg-type]
    return tuple(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "mode", choices=["none", "merge", "mergefit", "split", "splitkeep", "attach"]
    )
    parser.add_argument("ratio", nargs="?", type=float, default=2.0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--heldout", action="store_true", help="score the held-out alignment labels (once)"
    )
    parser.add_argument(
        "--all", action="store_true", help="score every alignment label file, both splits pooled"
    )
    args = parser.parse_args(argv)
    units_of = compare_module.report_units
    compare = compare_module.compare
    adapt = merge if args.mode.startswith("merge") else split

    def patched(a: Report, b: Report, corpus: Sequence[Report] = ()) -> Comparison:
        lexicon = load_lexicon()
        ua0, ub0 = units_of(a, lexicon), units_of(b, lexicon)
        if args.mode in ("none", "attach"):
            return compare(a, b, corpus)
        ua = adapt(ua0, ub0, a, lexicon, args.mode, args.ratio)
        ub = adapt(ub0, ua0, b, lexicon, args.mode, args.ratio)

        def units(report: Report, lexicon: Lexicon | None = None) -> tuple[Unit, ...]:
            if report.id == a.id:
                return ua
            if report.id == b.id:
                return ub
            return units_of(report, lexicon)

        compare_module.report_units = units  # type: ignore[assignment]
        try:
            return compare(a, b, corpus)
        finally:
            compare_module.report_units = units_of

    if args.mode == "attach":
        compare_module.ATTACH_THRESHOLD = args.ratio
    quality.compare = patched  # type: ignore[assignment]
    corpus = load().reports
    labels = (
        [*quality.alignment_files(False), *quality.alignment_files(True)]
        if args.all
        else quality.alignment_files(args.heldout)
    )
    scores = quality.score_alignment(quality._by_file(corpus), labels, corpus, args.verbose)
    print(args.mode, args.ratio, " ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

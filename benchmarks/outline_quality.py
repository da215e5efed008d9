"""Outlines against hand labels: heading precision, recall and F1, and the header fields.

    python benchmarks/outline_quality.py [--verbose]
    python benchmarks/outline_quality.py --labels FILE.json --report PATH [--labels … --report …]

Without arguments every bundled sample is scored against its hand-labelled outline
(tests/fixtures/expected). `--labels FILE --report PATH` scores reports kept outside the
repository against labels in the same form (``{"title", "region", "year", "issuer",
"outline": [{"level", "number", "heading"}]}``); repeat the pair for several reports.

A heading is right when a labelled heading has the same level, number and text; text is
compared after NFKC (full-width and half-width punctuation alike), so the score is about
finding the headings, not about how a comma is written. `--verbose` lists every miss.
Header fields are counted right when equal, and only where the label gives one.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_reports"
EXPECTED = ROOT / "tests" / "fixtures" / "expected"
FIELDS = ("title", "region", "year", "issuer")

Heading = tuple[int, str, str]


def _heading(entry: dict[str, object]) -> Heading:
    text = unicodedata.normalize("NFKC", str(entry["heading"])).strip()
    return int(str(entry["level"])), str(entry["number"]), text


@dataclass
class Score:
    found: int = 0
    labelled: int = 0
    right: int = 0
    fields_right: Counter[str] = field(default_factory=Counter)
    fields_labelled: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.found += other.found
        self.labelled += other.labelled
        self.right += other.right
        self.fields_right.update(other.fields_right)
        self.fields_labelled.update(other.fields_labelled)

    def f1(self) -> tuple[float, float, float]:
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.labelled if self.labelled else 1.0
        total = precision + recall
        return precision, recall, (2 * precision * recall / total if total else 0.0)


def score(report_path: Path, labels: dict[str, object], verbose: bool, out: list[str]) -> Score:
    from govread.parsers.readers import read_report
    from govread.parsers.script import has_readings, read_as_simplified, without_readings

    report = read_report(report_path)
    if report.meta.get("script") == "traditional":
        # labels written as the text is, the report read as simplified (a converter's
        # readings dropped): read them so too
        as_written = json.dumps(labels, ensure_ascii=False)
        if not has_readings(report.full_text()):
            as_written = without_readings(as_written)
        labels = json.loads(read_as_simplified(as_written))
    found = [_heading(entry) for entry in report.outline()]
    wanted = [_heading(entry) for entry in labels.get("outline", [])]  # type: ignore[union-attr]
    remaining = Counter(wanted)
    result = Score(found=len(found), labelled=len(wanted))
    extra: list[Heading] = []
    for heading in found:
        if remaining[heading] > 0:
            remaining[heading] -= 1
            result.right += 1
        else:
            extra.append(heading)
    for name in FIELDS:
        if labels.get(name) is None:
            continue
        result.fields_labelled[name] += 1
        if getattr(report, name) == labels[name]:
            result.fields_right[name] += 1
        elif verbose:
            out.append(f"  {name}: {getattr(report, name)!r}, labelled {labels[name]!r}")
    if verbose:
        out.extend(f"  missed {h}" for h in remaining.elements())
        out.extend(f"  extra  {h}" for h in extra)
    return result


def _pairs(args: argparse.Namespace) -> list[tuple[Path, Path]]:
    if args.labels or args.report:
        if len(args.labels or []) != len(args.report or []):
            raise SystemExit("give --labels and --report in pairs")
        return [(Path(r), Path(lab)) for lab, r in zip(args.labels, args.report, strict=True)]
    return [(SAMPLES / f"{path.stem}.txt", path) for path in sorted(EXPECTED.glob("*.json"))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", action="append", help="a hand-labelled outline (JSON)")
    parser.add_argument("--report", action="append", help="the report it labels")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    total = Score()
    for report_path, label_path in _pairs(args):
        labels = json.loads(label_path.read_text("utf-8"))
        lines: list[str] = []
        one = score(report_path, labels, args.verbose, lines)
        total.add(one)
        precision, recall, f1 = one.f1()
        print(
            f"{report_path.name}: headings {one.right}/{one.labelled} right, "
            f"{one.found} found: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        )
        if lines:
            print("\n".join(lines))
    precision, recall, f1 = total.f1()
    print(
        f"all: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
        f"({total.right} of {total.labelled} labelled headings, {total.found} found)"
    )
    for name in FIELDS:
        if total.fields_labelled[name]:
            print(f"  {name}: {total.fields_right[name]}/{total.fields_labelled[name]} right")
    return 0


if __name__ == "__main__":
    sys.exit(main())

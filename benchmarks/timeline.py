"""Promised and delivered, measured: the status of each plan against what was planted.

    python benchmarks/timeline.py [--places 6] [--years 5] [--seeds 1 2 3]

Generates several years of a few places (`generate.generate_years`: plans of year N that
year N+1's report follows up, or never speaks of), runs `govread.followup` on each place's
timeline, and prints the confusion table (planted → found) and the time taken. A plan
planted "partly" is one whose subject the next report speaks of without the measures
planned.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate_years

from govread.compare import report_units
from govread.followup import FOLLOWED, NOT_MENTIONED, PARTLY, plans_of, timeline_promises
from govread.parsers import parse_text
from govread.timeline import build_timeline, group_by_place

EXPECTED = {"followed": FOLLOWED, "partly": PARTLY, "dropped": NOT_MENTIONED}


def measure(places: int, years: int, seed: int) -> tuple[Counter[tuple[str, str]], float, int]:
    files, planted = generate_years(places, years, seed)
    reports = [parse_text(data.decode("utf-8"), path=name) for name, data in files]
    truth = {(p.region, p.year): p for p in planted}
    outcomes: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for place, group in group_by_place(reports).items():
        timeline = build_timeline(place, group)
        for promise in timeline_promises(timeline, reports):
            if promise.next_year is None:
                continue
            report = timeline.reports[timeline.years.index(promise.year)]
            keys = [p.key for p in plans_of(report_units(report))]
            _subject, fate = truth[place.name, promise.year].plans[keys.index(promise.plan.key)]
            outcomes[EXPECTED[fate], promise.status] += 1
    return outcomes, time.perf_counter() - started, len(reports)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=6)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    total: Counter[tuple[str, str]] = Counter()
    for seed in args.seeds:
        outcomes, seconds, count = measure(args.places, args.years, seed)
        total.update(outcomes)
        right = sum(n for (planted, found), n in outcomes.items() if planted == found)
        print(
            f"seed {seed}: {count} reports, {sum(outcomes.values())} plans, "
            f"{right} right, {seconds:.2f} s (jieba loaded in the first)"
        )
    print("planted → found:")
    for (planted, found), number in sorted(total.items()):
        print(f"  {planted:>13} → {found or 'no later report':<13} {number}")


if __name__ == "__main__":
    main()

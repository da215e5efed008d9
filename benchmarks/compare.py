"""Time `govread.compare.compare` on every pair of bundled samples, and figure extraction.

    python benchmarks/compare.py [--repeat N]

Reports: the one-off cost of loading jieba's dictionary; comparing a pair when no unit is
cached yet (tokenising both reports and the IDF corpus of all five samples); comparing a
pair again with units cached (what a screen pays when the user switches pairs); and figure
extraction throughput over the samples' full text.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import time

from govread import compare as compare_module
from govread.corpus import load
from govread.figures import extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reports = load().reports
    pairs = list(itertools.combinations(reports, 2))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )

    start = time.perf_counter()
    compare_module._tokenize("预热分词器")  # loads jieba's dictionary once per process
    print(f"jieba dictionary load (once per process): {time.perf_counter() - start:.2f} s")

    cold: list[float] = []
    warm: list[float] = []
    for _ in range(args.repeat):
        for a, b in pairs:
            compare_module._UNIT_CACHE.clear()
            start = time.perf_counter()
            compare_module.compare(a, b, reports)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            compare_module.compare(a, b, reports)
            warm.append(time.perf_counter() - start)
    print(
        f"compare, {len(pairs)} pairs × {args.repeat}, IDF over {len(reports)} reports: "
        f"uncached median {statistics.median(cold) * 1000:.0f} ms (max {max(cold) * 1000:.0f}), "
        f"units cached median {statistics.median(warm) * 1000:.1f} ms "
        f"(max {max(warm) * 1000:.1f})"
    )

    paragraphs = [p for r in reports for p in r.full_text().split("\n")]
    chars = sum(len(p) for p in paragraphs)
    rounds = []
    count = 0
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(20):
            count = sum(len(extract(p)) for p in paragraphs)
        rounds.append(time.perf_counter() - start)
    best = min(rounds) / 20
    print(
        f"figures: {count} in {chars} characters; {chars / best / 1e6:.2f} M chars/s, "
        f"{best * 1000:.1f} ms for all five samples"
    )


if __name__ == "__main__":
    main()

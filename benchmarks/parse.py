"""Parser throughput on the bundled samples: MB of UTF-8 text parsed per second.

    python benchmarks/parse.py [--repeat N] [--flat] [--cpu]

Reads each sample once, then times `parse_text` alone (decoding is measured by the
readers benchmark), best of three rounds of N parses of all five samples. ``--flat``
parses them with every line break removed (a site archive's copy); ``--cpu`` times the
process's CPU time instead of the wall clock (a shared, loaded machine).
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from govread.corpus import sample_paths
from govread.parsers import parse_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--flat", action="store_true", help="every line break removed")
    parser.add_argument("--cpu", action="store_true", help="CPU time, not wall time")
    args = parser.parse_args()

    texts = [path.read_text("utf-8") for path in sample_paths()]
    if args.flat:
        texts = ["".join(line.strip() for line in text.splitlines()) for text in texts]
    clock = time.process_time if args.cpu else time.perf_counter
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds = []
    for _ in range(3):
        start = clock()
        for _ in range(args.repeat):
            for text in texts:
                parse_text(text)
        rounds.append(clock() - start)
    best = min(rounds)
    total = size * args.repeat
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"samples: {len(texts)} files, {size / 1024:.1f} KiB")
    print(
        f"parsed {total / 1e6:.1f} MB in {best:.2f} s: {total / 1e6 / best:.2f} MB/s, "
        f"{len(texts) * args.repeat / best:.0f} reports/s, "
        f"{best / (len(texts) * args.repeat) * 1000:.2f} ms/report"
    )


if __name__ == "__main__":
    main()

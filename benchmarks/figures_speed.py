"""Figure finder throughput: every paragraph of the five samples, extracted N times.

    python benchmarks/figures_speed.py [--repeat 20]

Prints characters per second of CPU time (the best of three rounds of N passes), so a busy
machine slows it less than wall-clock time would. Time the whole process from outside to
compare two versions of the finder (PYTHONPATH pointing at each checkout).
"""

from __future__ import annotations

import argparse
import time

from govread.corpus import load
from govread.figures import extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paragraphs = [p for r in load().reports for p in r.full_text().split("\n")]
    chars = sum(map(len, paragraphs))
    count = sum(len(extract(p)) for p in paragraphs)  # first pass: loads what it needs
    rounds = []
    for _ in range(3):
        start = time.process_time()
        for _ in range(args.repeat):
            for paragraph in paragraphs:
                extract(paragraph)
        rounds.append((time.process_time() - start) / args.repeat)
    best = min(rounds)
    print(
        f"figures: {count} in {chars} characters; {chars / best / 1e6:.2f} M chars/s "
        f"(CPU), {best * 1000:.1f} ms for all five samples"
    )


if __name__ == "__main__":
    main()

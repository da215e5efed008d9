"""Where a pool worker's CPU goes when it prepares a report for the store (issue 15).

    python benchmarks/prepare_stages.py DIR [--warm 100] [--rounds 4]

Prepares the files of DIR (e.g. `python benchmarks/generate.py DIR --count 300`) in this
one process, as a forked worker of `govread index` does (compiled routes when rjieba is
installed, the dictionary and lexicon loaded first, automatic garbage collection off and
one collection a report), the first --warm files unmeasured, then the others --rounds
times; prints the CPU of each stage (ms a report, the minimum over the rounds: a busy
machine only ever adds time) and of the whole.

The stages are timed by wrapping the functions `store_build.prepare_report` calls, once a
report each (a wrapper costs ≈ 1 µs): reading and parsing (`open_report`), the search
units and their folding, the search tokens, the figures, the comparison's units, the rows
of `units_grams`, the report's JSON and the garbage collection; "other" is the rest of
`prepare_report` (its rows, document frequencies, paths as JSON).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govread import compare, figures, segment, store_build
from govread.topics import load_lexicon

SPENT: defaultdict[str, float] = defaultdict(float)


def timed(owner: Any, name: str, stage: str) -> None:
    function: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[stage] += time.process_time() - start

    setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--warm", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()

    timed(store_build, "open_report", "reading and parsing")
    timed(store_build, "_report_units", "search units (folding)")
    timed(segment, "report_tokens", "search tokens")
    timed(figures, "report_figures", "figures")
    units = "built_units" if hasattr(compare, "built_units") else "report_units"
    timed(compare, units, "comparison's units")
    timed(store_build, "gram_text", "units_grams rows")
    timed(store_build, "report_to_dict", "report JSON")
    timed(store_build, "_compact_json", "report JSON")
    collect = gc.collect
    timed(gc, "collect", "garbage collection")

    files = sorted(str(p) for p in args.folder.iterdir() if p.is_file())
    if len(files) <= args.warm:
        parser.error(f"{args.folder} holds {len(files)} files, not more than --warm")
    segment.load_compiled_routes()
    segment.ensure_loaded()
    load_lexicon()
    gc.freeze()
    gc.disable()  # as `store_build._forked_worker_start` leaves a worker
    jobs = [(f, True, store_build.stat_of(f), None) for f in files]
    for job in jobs[: args.warm]:
        store_build.prepare_in_worker(*job)  # type: ignore[arg-type]
    measured = jobs[args.warm :]
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        SPENT.clear()
        start = time.process_time()
        for job in measured:
            store_build.prepare_in_worker(*job)  # type: ignore[arg-type]
        SPENT["all"] = time.process_time() - start
        for stage, seconds in SPENT.items():
            per_report = seconds / len(measured) * 1000
            best[stage] = min(best.get(stage, per_report), per_report)
    gc.collect = collect
    named = sum(v for k, v in best.items() if k != "all")
    best["other"] = best["all"] - named
    print(f"{len(measured)} reports, minimum of {args.rounds} rounds, ms of CPU a report")
    for stage, ms in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{stage:24} {ms:6.2f}")


if __name__ == "__main__":
    main()

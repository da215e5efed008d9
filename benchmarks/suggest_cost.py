"""What the filter bar's suggestions cost, per key, over reports opened from files.

    python benchmarks/suggest_cost.py DIR

Opens DIR as the browser does without a store (`SearchIndex` over the parsed reports, the
user dictionary loaded), then asks `SearchIndex.suggest` for each prefix of the filter
benchmark's queries, as typing them asks it, twice: first with no term counted yet (the
first time a prefix is typed in a session) and again warm. Prints p50 / p95 / max of the
thread's CPU per call. The browser asks it in a thread (`IndexSuggester`), so none of this
holds the event loop.
"""

from __future__ import annotations

import argparse
import time

from filter_tui import QUERIES

from govread import segment
from govread.corpus import load
from govread.search import SearchIndex
from govread.tui.browser.filter_bar import last_term


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    args = parser.parse_args()
    index = SearchIndex.build(load([args.folder]).reports)
    segment.ensure_loaded()
    terms = [last_term(q[:i]) for q in QUERIES for i in range(1, len(q) + 1)]
    terms = [t for t in terms if t.strip()]
    for label in ("first", "warm"):
        spent = []
        for term in terms:
            start = time.thread_time()
            index.suggest(term, limit=3)
            spent.append((time.thread_time() - start) * 1000)
        spent.sort()
        p95 = spent[max(0, round(0.95 * len(spent)) - 1)]
        print(
            f"{label}: {len(spent)} prefixes, p50 {spent[len(spent) // 2]:.2f} ms, "
            f"p95 {p95:.2f} ms, max {spent[-1]:.2f} ms, all {sum(spent):.0f} ms"
        )


if __name__ == "__main__":
    main()

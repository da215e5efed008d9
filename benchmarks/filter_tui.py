"""Filter latency in the TUI: each keystroke's filter + outline rebuild, measured in the app.

    python benchmarks/filter_tui.py [PATH ...]      (no PATH: the bundled samples)
    python benchmarks/filter_tui.py --store FILE   (the browser opened from a store)

Runs the app headless, waits for loading and for word search (jieba) to be ready, then
types a few queries character by character (each prefix applied as a settled keystroke) and
prints p50 / p95 / max of `BrowserFilter.latencies` (index.filter + narrowing the outline).
From a store the filter answers in a worker: each keystroke's latency runs from the settled
keystroke to its answer shown (the worker's query, then narrowing the outline), and the next
prefix is typed once it is shown.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from govread.tui.app import GovreadApp
from govread.tui.browser.filter_bar import FilterBar

QUERIES = [
    "行政复议",
    "法治政府建设",
    "行政执法 监督",
    "复议 | 诉讼",
    "-信访 规范性文件",
    "规范执法人员资格",
]


async def main(paths: list[str], store: Path | None) -> None:
    app = GovreadApp(paths, store=store)
    app.WORD_SEARCH_DELAY = 0.01
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.word_search_ready:
            await pilot.pause(0.1)
        await pilot.pause()
        await pilot.press("slash")
        bar = app.browser.query_one(FilterBar)
        filtering = app.browser.filtering
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                answered = len(filtering.latencies)
                bar.input.value = query[:end]
                bar.flush()
                await pilot.pause()
                while store is not None and len(filtering.latencies) == answered:
                    await pilot.pause(0.002)  # the worker's answer, shown
            clear_start = time.perf_counter()
            filtering.clear()
            clear_time = time.perf_counter() - clear_start
            await pilot.press("slash")
        ms = sorted(t * 1000 for t in filtering.latencies)
        p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
        print(
            f"{len(app.reports)} reports, {len(ms)} keystrokes: p50 {statistics.median(ms):.1f} ms, "
            f"p95 {p95:.1f} ms, max {ms[-1]:.1f} ms; escape (restore outline) {clear_time * 1000:.0f} ms"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--store", type=Path, help="open this store (govread index) instead")
    args = parser.parse_args()
    asyncio.run(main(args.paths, args.store))

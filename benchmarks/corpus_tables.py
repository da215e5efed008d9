"""The corpus tables at scale: computing them, and the corpus screen in the app.

    python benchmarks/corpus_tables.py [--count 1000] [--seed 16]

Generates `count` reports (benchmarks/generate.py) in a temporary folder, then measures
(1) per table, the time to compute it for every report without Textual (figures, coverage,
checklist, and `build_entries`, which the screen runs in its worker: cold in this process,
cold in the process pool, and warm, read back from the cache as a new process would), and
(2) in the app, headless: from `t` until the indicators table is shown, cold (nothing cached:
computed in the pool) and warm (the cache filled by an earlier opening, memory empty), a sort
(`s`), the filter applied as a word is typed (per keystroke), and switching to the coverage
and checklist tabs. The cache lives in a temporary folder (XDG_CACHE_HOME), never the user's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from govread.cache import ReportCache
from govread.checklist import check
from govread.corpus import load
from govread.corpus_tables import _cache, build_entries
from govread.coverage import coverage
from govread.figure_table import report_rows


def _generate(folder: Path, count: int, seed: int) -> None:
    spec = importlib.util.spec_from_file_location(
        "generate", Path(__file__).with_name("generate.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    for name, data in module.generate(count, seed=seed):
        (folder / name).write_bytes(data)


def _timed(label: str, function: object, reports: list[object]) -> None:
    started = time.perf_counter()
    for report in reports:
        function(report)  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    print(f"{label:<12} {elapsed:6.2f} s  ({elapsed / len(reports) * 1000:.1f} ms per report)")


async def _screen(folder: Path) -> None:
    from textual.widgets import Input

    from govread.tui.app import GovreadApp
    from govread.tui.corpus.screen import CorpusScreen

    app = GovreadApp([str(folder)])
    app.WORD_SEARCH_DELAY = 0.01
    async with app.run_test(size=(160, 45)) as pilot:
        # the browser settled (loaded, jieba's segmentation done), as a user would find it
        while not app.word_search_ready:
            await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        for state in ("cold", "warm"):
            _cache.clear()  # measure the screen's own work, not an earlier run's memory
            if state == "cold":
                _forget_disk()
            else:
                await pilot.press("escape")
                await pilot.pause()
            started = time.perf_counter()
            await pilot.press("t")
            screen = app.screen
            assert isinstance(screen, CorpusScreen)
            while not screen.ready:
                await pilot.pause(0.05)
            await pilot.pause()
            print(
                f"screen {state}: t → indicators table of {len(app.reports)} reports shown: "
                f"{time.perf_counter() - started:.2f} s (in a worker, progress shown)"
            )
        await pilot.pause(0.5)  # the first frame of the table is painted
        table = screen.table("indicators")
        table.move_cursor(column=1)
        await pilot.pause()
        for label in ("sort by an indicator", "sort again (reversed)"):
            started = time.perf_counter()
            await pilot.press("s")
            await pilot.pause()
            print(f"{label}: {(time.perf_counter() - started) * 1000:.0f} ms")
        started = time.perf_counter()
        await pilot.press("pagedown")
        await pilot.pause()
        print(f"page down: {(time.perf_counter() - started) * 1000:.0f} ms")
        await pilot.press("slash")
        field = screen.query_one("#corpus-filter", Input)
        times = []
        for end in range(1, 5):
            started = time.perf_counter()
            field.value = "2023 安"[:end]
            await pilot.pause()
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"filter keystroke: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
            f"({table.row_count} rows left)"
        )
        field.value = ""
        await pilot.pause()
        await pilot.press("enter")
        for key, name in (("2", "coverage"), ("3", "checklist")):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            print(f"switch to {name}: {(time.perf_counter() - started) * 1000:.0f} ms")


def _forget_disk() -> None:
    """Drop the corpus tables' entries from the cache (the parsed reports stay)."""
    import sqlite3

    made = ReportCache()
    made.known(())  # makes the file and its tables
    made.close()
    with contextlib.closing(sqlite3.connect(ReportCache().path)) as db, db:
        db.execute("DELETE FROM derived")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp, tempfile.TemporaryDirectory() as home:
        os.environ["XDG_CACHE_HOME"] = home  # a cache of this run only
        folder = Path(temp)
        _generate(folder, args.count, args.seed)
        reports = load([folder], use_cache=False).reports
        print(f"{len(reports)} generated reports")
        _timed("figures", report_rows, reports)
        _timed("coverage", coverage, reports)
        _timed("checklist", check, reports)
        for label, pool in (("here", False), ("pool", True)):
            _cache.clear()
            _forget_disk()
            cache = ReportCache()
            started = time.perf_counter()
            build_entries(reports, cache=cache, use_pool=pool)
            cache.close()
            print(
                f"all three    {time.perf_counter() - started:6.2f} s  (build_entries, cold, {label})"
            )
        _cache.clear()
        cache = ReportCache()
        started = time.perf_counter()
        build_entries(reports, cache=cache)
        cache.close()
        print(f"all three    {time.perf_counter() - started:6.2f} s  (build_entries, warm: cache)")
        asyncio.run(_screen(folder))


if __name__ == "__main__":
    main()

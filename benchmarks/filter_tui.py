"""Filter latency in the TUI: each keystroke's filter + outline rebuild, measured in the app.

    python benchmarks/filter_tui.py [PATH ...]      (no PATH: the bundled samples)
    python benchmarks/filter_tui.py --store FILE   (the browser opened from a store)
    python benchmarks/filter_tui.py --engine FILE  (the store's filter alone, no screen)
    python benchmarks/filter_tui.py --engine DIR   (the in-memory index's, over DIR's files)

Runs the app headless, waits for loading and for word search (jieba) to be ready, then
types a few queries character by character (each prefix applied as a settled keystroke) and
prints p50 / p95 / max of `BrowserFilter.latencies` (index.filter + narrowing the outline).
From a store the filter answers in a worker: each keystroke's latency runs from the settled
keystroke to its answer shown (the worker's query, then narrowing the outline), and the next
prefix is typed once the whole answer is shown (the event loop idle meanwhile, as while a
person waits). Two figures: to the outline shown (`visible_latencies`: from a store, the
first reports' answer when it fills the outline, the status saying the counting goes on),
and to the whole answer shown, its counts in the status (`latencies`); and a third, honest
one, to the whole answer *drawn*: the screen's next update after it was shown, Textual's
layout and painting of the outline's lines included (`Drawn`, which works on any version of
the browser that records `latencies`). `--engine` times `StoreIndex.filter` alone, in this
process, over the same prefixes (after `StoreIndex.prepare()`, as the browser's loading
worker does), and prints each prefix's time with `--verbose` (`--cpu`: the thread's CPU
time, steadier on a loaded machine; the first reports' answer, `filter_head`, is asked
first, as the browser asks it, and timed apart). `--engine DIR` (a folder of reports, or a
report file) times the in-memory index's filter the same way (`SearchIndex.filter`, jieba
loaded, the needle cache cold as in a new session), and, apart, what the browser's worker
then asks of the answer (its first hit and the reports with sections: `worker`); where the
index reads ahead (`SearchIndex.read_ahead`, what each key's worker does while typing
settles), each prefix is read ahead first and timed apart (`--no-read-ahead`: not);
`--dump FILE` writes each answer's sets (ids, ancestors, counts, hits …) as JSON, to
compare two versions' answers byte for byte. `--ui-cpu` also prints the UI thread's
CPU time from each query to its answer drawn, and its garbage collections (`UiCpu`), and
the filter worker's CPU time per answer (from files or a store: the filter itself).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import threading
import time
from pathlib import Path

from textual.css.query import NoMatches
from textual.screen import Screen

from govread.tui.app import GovreadApp
from govread.tui.browser.filter_bar import FilterBar


def percentiles(seconds: list[float]) -> str:
    ms = sorted(t * 1000 for t in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return (
        f"{len(ms)} keystrokes: p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
        f"max {ms[-1]:.1f} ms"
    )


def engine_files(
    paths: list[Path],
    verbose: bool,
    cpu: bool = False,
    no_read_ahead: bool = False,
    dump: Path | None = None,
) -> None:
    from govread import corpus, segment
    from govread.search import SearchIndex

    started = time.perf_counter()
    reports = corpus.load(paths).reports
    loaded = time.perf_counter()
    index = SearchIndex.build(reports)
    built = time.perf_counter()
    segment.ensure_loaded()  # (the browser's word search is ready: words fall back)
    clock = time.thread_time if cpu else time.perf_counter
    times: list[float] = []
    worker: list[float] = []
    ahead: list[float] = []
    reads_ahead = hasattr(index, "read_ahead") and not no_read_ahead
    dumped: dict[str, object] = {}
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            if reads_ahead:  # what the key's worker reads while typing settles
                start = clock()
                index.read_ahead(query[:end], cancelled=lambda: False)
                ahead.append(clock() - start)
            start = clock()
            result = index.filter(query[:end])
            times.append(clock() - start)
            start = clock()
            result.hits[:1]  # what the browser's worker asks before posting the answer
            result.sectioned_reports()
            worker.append(clock() - start)
            if dump is not None:
                dumped[query[:end]] = {
                    "ids": sorted(result.ids),
                    "ancestors": sorted(result.ancestors),
                    "order": list(result.order),
                    "report_counts": result.report_counts,
                    "section_counts": dict(result.section_counts),
                    "hits": list(result.hits),
                    "sectioned": sorted(result.sectioned_reports()),
                    "word_ids": sorted(result.word_ids),
                }
            if verbose:
                print(
                    f"{query[:end]!r}: {result.total} hits, {times[-1] * 1000:.1f} ms "
                    f"(+ worker {worker[-1] * 1000:.1f} ms)"
                )
    if dump is not None:  # each answer whole, to compare two versions' answers
        dump.write_text(json.dumps(dumped, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    both = [a + b for a, b in zip(times, worker, strict=True)]
    print(
        f"{len(reports)} reports: loaded {loaded - started:.2f} s, indexed {built - loaded:.2f} s; "
        f"filter alone ({'CPU' if cpu else 'wall'}), {percentiles(times)}; "
        f"with the worker's first hit and sectioned reports, {percentiles(both)}"
        + (f"; each after its key's read-ahead, {percentiles(ahead)}" if ahead else "")
    )


def engine(
    store: Path,
    verbose: bool,
    cpu: bool = False,
    no_read_ahead: bool = False,
    dump: Path | None = None,
) -> None:
    if store.is_dir() or store.suffix.lower() in {".txt", ".text", ".md", ".html", ".htm"}:
        engine_files([store], verbose, cpu, no_read_ahead, dump)
        return
    from govread.store_filter import StoreIndex
    from govread.store_library import StoreReader, read_outline

    reader = StoreReader(store)
    started = time.perf_counter()
    reports = read_outline(reader).reports
    index = StoreIndex(reader, reports)
    outlined = time.perf_counter()
    index.prepare()
    prepared = time.perf_counter()
    clock = time.thread_time if cpu else time.perf_counter
    times: list[float] = []
    heads: list[float] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            start = clock()
            first = index.filter_head(query[:end]) if hasattr(index, "filter_head") else None
            heads.append(clock() - start)
            start = clock()
            result = index.filter(query[:end])
            times.append(clock() - start)
            if verbose:
                shown = "" if first is None else f" (first reports: {heads[-1] * 1000:.1f} ms)"
                print(f"{query[:end]!r}: {result.total} hits, {times[-1] * 1000:.1f} ms{shown}")
    print(
        f"{len(reports)} reports: outline {outlined - started:.2f} s, prepare "
        f"{prepared - outlined:.2f} s; filter alone ({'CPU' if cpu else 'wall'}), "
        f"{percentiles(times)}; first reports' answer asked first, {percentiles(heads)}"
    )


class UiCpu:
    """With `--ui-cpu`: the UI thread's CPU time from each query reaching the browser
    (`BrowserFilter.set_query`) to the end of the screen update drawing its answer (`Drawn`),
    and how much of it went to garbage collections: steadier than wall time on a loaded
    machine (another process's work is not counted). Works on any version of the browser
    with `BrowserFilter.set_query`."""

    def __init__(self) -> None:
        import gc

        from govread.tui.browser.filter_controller import BrowserFilter

        self.cpu: list[float] = []
        self.gc: list[float] = []
        self._started: float | None = None
        self._gc = 0.0
        self._gc_start = 0.0
        set_query = BrowserFilter.set_query

        def asked(filtering: BrowserFilter, query: str) -> None:
            if self._started is None:
                self._started, self._gc = time.thread_time(), 0.0
            set_query(filtering, query)

        def collected(phase: str, _info: dict[str, int]) -> None:
            if self._started is not None and threading.current_thread() is threading.main_thread():
                if phase == "start":
                    self._gc_start = time.thread_time()
                else:
                    self._gc += time.thread_time() - self._gc_start

        BrowserFilter.set_query = asked  # type: ignore[method-assign]
        gc.callbacks.append(collected)
        # the filter worker's CPU per answer (a browser whose filter answers in a worker)
        self.worker: list[float] = []
        answer = getattr(BrowserFilter, "_answer", None)
        if answer is not None:

            def answering(filtering: BrowserFilter, *args: object) -> None:
                started = time.thread_time()
                try:
                    answer(filtering, *args)
                finally:
                    self.worker.append(time.thread_time() - started)

            BrowserFilter._answer = answering  # type: ignore[method-assign]

    def drawn(self) -> None:
        if self._started is not None:
            self.cpu.append(time.thread_time() - self._started)
            self.gc.append(self._gc)
            self._started = None


class Drawn(list[float]):
    """`BrowserFilter.latencies`, and for each one appended, the latency to the end of the
    first screen update after it that leaves nothing to draw (`drawn`): every widget's
    refresh asked for meanwhile (the outline's lines, the counts in the status, the detail
    pane) laid out and painted by Textual. Works on any browser that records `latencies`.
    Made before the app (its screens' update timers call the method wrapped here)."""

    def __init__(self, ui_cpu: UiCpu | None = None) -> None:
        super().__init__()
        self.drawn: list[float] = []
        self._waiting: list[float] = []  # when the latencies not drawn yet started
        update = Screen._on_timer_update

        def updated(screen: Screen[object]) -> None:
            update(screen)
            if self._waiting and screen.is_current and _all_drawn(screen):
                now = time.perf_counter()
                self.drawn.extend(now - started for started in self._waiting)
                self._waiting.clear()
                if ui_cpu is not None:
                    ui_cpu.drawn()

        Screen._on_timer_update = updated  # type: ignore[method-assign]

    def append(self, latency: float) -> None:
        super().append(latency)
        self._waiting.append(time.perf_counter() - latency)


def _all_drawn(screen: Screen[object]) -> bool:
    """Nothing of the answer on `screen` waits to be laid out or painted: the outline (its
    counts in its labels) and the status line (the total). The status's own flag is not
    read: a layout that resizes it (its width follows its text) flags it for a repaint of
    what was just painted, which is not the answer waiting."""
    try:
        outline, status = screen.query_one("#outline"), screen.query_one("#filter-status")
    except NoMatches:
        return False
    if screen._layout_required or screen._repaint_required:
        return False
    if outline in screen._dirty_widgets or status in screen._dirty_widgets:
        return False
    if outline._repaint_required or outline._layout_required:
        return False
    queued = getattr(screen._message_queue, "_queue", ())  # an update on its way
    return not any(getattr(message, "widget", None) in (outline, status) for message in queued)


QUERIES = [
    "行政复议",
    "法治政府建设",
    "行政执法 监督",
    "复议 | 诉讼",
    "-信访 规范性文件",
    "规范执法人员资格",
]


async def main(
    paths: list[str], store: Path | None, typed: bool = False, ui_cpu: bool = False
) -> None:
    cpu = UiCpu() if ui_cpu else None
    drawn = Drawn(cpu)
    app = GovreadApp(paths, store=store)
    app.WORD_SEARCH_DELAY = 0.01
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.word_search_ready:
            await pilot.pause(0.1)
        await pilot.pause()
        await pilot.press("slash")
        bar = app.browser.query_one(FilterBar)
        filtering = app.browser.filtering
        filtering.latencies = drawn
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                answered = len(filtering.latencies)
                if typed:  # the key, then the filter bar's debounce (what it reads ahead)
                    await pilot.press(query[end - 1])
                else:
                    bar.input.value = query[:end]
                    bar.flush()
                deadline = time.perf_counter() + 30  # (a bound, not a timing)
                while (
                    len(filtering.latencies) == answered or len(drawn.drawn) < answered + 1
                ) and time.perf_counter() < deadline:
                    # the answer, shown and drawn: the event loop idles meanwhile, as it
                    # does while a person waits (`pilot.pause` would walk and repaint the
                    # screen, holding the interpreter against the worker and putting its
                    # own messages and a repaint between the answer and its drawing)
                    await asyncio.sleep(0.002)
                await pilot.pause()
            clear_start = time.perf_counter()
            filtering.clear()
            clear_time = time.perf_counter() - clear_start
            await pilot.press("slash")
        visible = getattr(filtering, "visible_latencies", filtering.latencies)  # (older code)
        print(
            f"{len(app.reports)} reports; outline shown: {percentiles(visible)}"
            f"; whole answer (counts): {percentiles(filtering.latencies)}"
            f"; whole answer drawn: {percentiles(drawn.drawn)}; "
            f"escape (restore outline) {clear_time * 1000:.0f} ms"
        )
        if cpu is not None:
            print(
                f"UI thread CPU, query to answer drawn: {percentiles(cpu.cpu)}; "
                f"garbage collection in it: {percentiles(cpu.gc)}"
                + (f"; filter worker CPU: {percentiles(cpu.worker)}" if cpu.worker else "")
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--store", type=Path, help="open this store (govread index) instead")
    parser.add_argument("--engine", type=Path, help="time this store's (or folder's) filter alone")
    parser.add_argument("--verbose", action="store_true", help="each prefix's time (--engine)")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time of the thread, not wall time (--engine)"
    )
    parser.add_argument(
        "--typed",
        action="store_true",
        help="press each key and let the debounce settle it (latency still from the settle)",
    )
    parser.add_argument(
        "--ui-cpu",
        action="store_true",
        help="also the UI thread's CPU time from each query to its answer drawn",
    )
    parser.add_argument(
        "--no-read-ahead",
        action="store_true",
        help="(--engine DIR) no read-ahead before each filter, as a browser without one",
    )
    parser.add_argument(
        "--dump", type=Path, help="(--engine DIR) write every answer's sets to this JSON file"
    )
    args = parser.parse_args()
    if args.engine is not None:
        engine(args.engine, args.verbose, args.cpu, args.no_read_ahead, args.dump)
    else:
        asyncio.run(main(args.paths, args.store, args.typed, args.ui_cpu))

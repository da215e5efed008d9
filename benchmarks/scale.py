"""Scale benchmarks (issue 8): loading, TUI start, filter, compare, export and memory at N reports.

    python benchmarks/scale.py [--sizes 100 1000 10000] [--root /tmp/govread-scale] [--skip tui-10000]

Corpora are made with benchmarks/generate.py (seed 7) under --root, never in the repository.
Every measurement runs in a fresh interpreter (so imports count and ``ru_maxrss`` is that
measurement's own peak memory) with its own XDG cache folder: "cold" is an empty cache,
"warm" the same folder again. What each measures:

* cli: `Loader` over the folder (what every command's `corpus.load` does), to all loaded.
* tui: `GovreadApp` run headless (Textual's headless driver, 120×40, no terminal output) in a
  fresh process; times from process launch to the first frame (Ready), to the first report in
  the outline, and to the last one handled (LoadingFinished). Not a real terminal.
* filter: `SearchIndex.build` then every keystroke of typical queries (`SearchIndex.filter`).
* throughput: cold parse (no cache, pool as the loader decides) + index build + segmentation
  (cold segmentation cache, pool as `segment_reports` decides), against jieba's own
  precise-mode `cut` of the same unit texts on one core; throughput-serial: the same with
  the segmentation kept on one core (as before the segmentation pool).
* compare: `compare(a, b, corpus)` for one pair, the IDF over the whole corpus; first call
  (units tokenised) and second call (units cached).
* export: every section of the first 100 reports to TOML, written atomically.
* tree: the current outline `Tree` (tui/browser/outline.py): adding N reports, then the
  next frame, then expand-all.

Prints a JSON line per measurement and a summary; results are written up by hand in
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
QUERIES = (
    "行政复议",
    "枫桥经验",
    "证明事项告知承诺制",
    "行政复议 出庭应诉",
    "法治 -信访",
    "１００％",
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- children: one measurement each ------------------------------------------------------


def child_cli(folder: str) -> dict[str, object]:
    from govread.loading import Loader

    start = time.perf_counter()
    with Loader([folder]) as loader:
        entries = list(loader)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "entries": len(entries),
        "hits": loader.hits,
        "parsed": loader.parsed,
        "pool": loader.pool_used,
    }


def child_tui(folder: str) -> dict[str, object]:
    launched = float(os.environ["SCALE_LAUNCHED"])
    from govread.tui.app import GovreadApp
    from govread.tui.messages import EntriesLoaded, LoadingFinished

    marks: dict[str, float] = {}

    class Timed(GovreadApp):
        def on_ready(self) -> None:
            marks.setdefault("painted", time.time())

        def on_entries_loaded(self, message: EntriesLoaded) -> None:
            # Textual also calls GovreadApp's own handler (handlers run along the MRO).
            if "first" not in marks:
                marks["first"] = time.time()
                self.call_after_refresh(lambda: marks.setdefault("first_painted", time.time()))

        def on_loading_finished(self, message: LoadingFinished) -> None:
            marks["loaded"] = time.time()

            def done() -> None:
                marks["loaded_painted"] = time.time()
                self.exit()

            self.call_after_refresh(done)

    app = Timed(paths=[folder])
    app.run(headless=True, size=(120, 40))
    result: dict[str, object] = {k: v - launched for k, v in marks.items()}
    result["reports"] = len(app.reports)
    return result


def child_filter(folder: str) -> dict[str, object]:
    from govread import segment
    from govread.corpus import load
    from govread.search import SearchIndex

    reports = load([folder]).reports
    segment.ensure_loaded()  # as in the TUI after first paint; filter itself never needs it
    start = time.perf_counter()
    index = SearchIndex.build(reports)
    build = time.perf_counter() - start
    latencies: list[float] = []
    for query in QUERIES:
        index._needle_cache.clear()  # each query typed afresh
        for end in range(1, len(query) + 1):
            began = time.perf_counter()
            index.filter(query[:end])
            latencies.append(time.perf_counter() - began)
    return {
        "build": build,
        "p50": percentile(latencies, 0.5),
        "p95": percentile(latencies, 0.95),
        "max": max(latencies),
        "keystrokes": len(latencies),
    }


def child_throughput(folder: str, *, serial: bool = False) -> dict[str, object]:
    from govread import segment
    from govread.corpus import Problem
    from govread.loading import Loader
    from govread.search import SearchIndex

    segment.ensure_loaded()  # dictionary load measured apart: both sides need it
    start = time.perf_counter()
    with Loader([folder], use_cache=False) as loader:
        reports = [e for e in loader if not isinstance(e, Problem)]
    parsed = time.perf_counter()
    index = SearchIndex.build(reports)
    built = time.perf_counter()
    cpu_before = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    # serial: one core, as before the segmentation pool (threshold above any corpus here)
    index.segment_reports(parallel_threshold=10**9 if serial else None)
    segmented = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, once reaped
    segment_cpu = time.process_time() - cpu_before[0]
    workers_cpu = (children.ru_utime + children.ru_stime) - (
        cpu_before[1].ru_utime + cpu_before[1].ru_stime
    )
    texts = [t for u in index._units for t in (u.heading_fold.text, u.body_fold.text) if t]
    chars = sum(map(len, texts))
    began = time.perf_counter()
    for text in texts:
        segment.cut(text)
    jieba_cut = time.perf_counter() - began
    return {
        "chars": chars,
        "parse": parsed - start,
        "index": built - parsed,
        "segment": segmented - built,
        "total": segmented - start,
        "jieba_cut": jieba_cut,
        "pool": loader.pool_used,
        "segment_pool": index.pool_used,
        "segment_cpu_here": segment_cpu,
        "segment_cpu_workers": workers_cpu,
        "load_average": os.getloadavg()[0],
    }


def child_compare(folder: str) -> dict[str, object]:
    from govread.compare import compare
    from govread.corpus import load

    reports = load([folder]).reports
    a, b = reports[0], reports[1]
    start = time.perf_counter()
    compare(a, b, reports)
    first = time.perf_counter() - start
    start = time.perf_counter()
    compare(a, b, reports)
    second = time.perf_counter() - start
    return {"first": first, "second": second, "corpus": len(reports)}


def child_export(folder: str) -> dict[str, object]:
    from govread.corpus import load
    from govread.export import export_items, write_export
    from govread.marks import iter_nodes

    reports = load([folder]).reports[:100]
    refs = [ref for report in reports for ref in iter_nodes(report) if ref.kind == "section"]
    start = time.perf_counter()
    text = export_items(refs)
    with tempfile.TemporaryDirectory() as out:
        write_export(Path(out) / "export.toml", text)
    return {"seconds": time.perf_counter() - start, "sections": len(refs), "bytes": len(text)}


def child_tree(folder: str) -> dict[str, object]:
    import asyncio

    from govread.corpus import load, sample_paths
    from govread.tui.app import GovreadApp

    reports = load([folder]).reports
    result: dict[str, object] = {"reports": len(reports)}

    async def run() -> None:
        app = GovreadApp(paths=[str(sample_paths()[0])])
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            outline = app.browser.outline
            outline.clear()
            start = time.perf_counter()
            for report in reports:
                app.library.add(report)  # as loading does: the library first, then the view
                outline.add_report(report)
            result["add"] = time.perf_counter() - start
            await pilot.pause()
            result["add_and_frame"] = time.perf_counter() - start
            result["nodes"] = sum(1 for _ in _walk(outline.root)) - 1
            start = time.perf_counter()
            outline.expand_all_reports()
            await pilot.pause()
            result["expand_all"] = time.perf_counter() - start
            start = time.perf_counter()
            await pilot.press("G")
            await pilot.pause()
            result["jump_to_end"] = time.perf_counter() - start

    asyncio.run(run())
    return result


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.children:
        yield from _walk(child)


CHILDREN = {
    "cli": child_cli,
    "tui": child_tui,
    "filter": child_filter,
    "throughput": child_throughput,
    "throughput-serial": lambda folder: child_throughput(folder, serial=True),
    "compare": child_compare,
    "export": child_export,
    "tree": child_tree,
}


# -- the parent ------------------------------------------------------------------------


def corpus(root: Path, size: int) -> Path:
    folder = root / f"n{size}"
    if not (folder / ".complete").exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                str(folder),
                "--count",
                str(size),
                "--seed",
                "7",
            ],
            check=True,
        )
        (folder / ".complete").write_text("")
    return folder


def measure(kind: str, folder: Path, cache_home: Path, *, label: str) -> dict[str, object]:
    env = {**os.environ, "SCALE_LAUNCHED": repr(time.time())}
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(cache_home)
    env.pop("GOVREAD_NO_CACHE", None)
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{kind} {label} failed:\n{out.stderr[-3000:]}")
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    result["kind"], result["label"] = kind, label
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--root", type=Path, default=Path(tempfile.gettempdir()) / "govread-scale")
    parser.add_argument(
        "--only", nargs="+", default=list(CHILDREN), help="measurements to run (default: all)"
    )
    parser.add_argument("--skip", nargs="*", default=[], help="KIND-SIZE pairs to leave out")
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child
        result = CHILDREN[kind](folder)
        result["peak_mb"] = peak_mb()
        print(json.dumps(result))
        return
    print(f"# {os.uname().machine}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"# load average before: {os.getloadavg()}")
    for size in args.sizes:
        folder = corpus(args.root, size)
        with tempfile.TemporaryDirectory() as home:
            cache_home = Path(home)
            for kind in args.only:
                if f"{kind}-{size}" in args.skip:
                    continue
                if kind == "cli":  # the cold run fills the shared cache the others use
                    measure(kind, folder, cache_home, label=f"{size} cold")
                    measure(kind, folder, cache_home, label=f"{size} warm")
                elif kind == "tui":
                    with tempfile.TemporaryDirectory() as own_home:
                        measure(kind, folder, Path(own_home), label=f"{size} cold")
                        measure(kind, folder, Path(own_home), label=f"{size} warm")
                elif kind in ("export", "compare") and size != 100:
                    continue  # measured at 100 reports only
                elif kind.startswith("throughput"):
                    if size > 1000:
                        continue  # measured at 100 and 1,000 reports
                    with tempfile.TemporaryDirectory() as own_home:  # a cold segment cache
                        measure(kind, folder, Path(own_home), label=f"{size}")
                else:
                    measure(kind, folder, cache_home, label=f"{size}")
    print(f"# load average after: {os.getloadavg()}")
    _ = statistics  # medians are taken by hand over repeated runs


if __name__ == "__main__":
    main()

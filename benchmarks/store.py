"""Benchmark the store: `govread index` cold and warm, search from the store vs `rg`.

    python benchmarks/store.py [--reports 1000] [--runs 5] [--record]

Generates --reports reports (benchmarks/generate.py, seed 7) into a temporary folder, points
the user cache directory at a temporary folder (so the first index really is cold: nothing
parsed or segmented before), and times whole processes:

- `govread index DIR --store S`, cold (once) and warm (nothing changed; median);
- `govread search 行政复议 --store S` (median of --runs);
- `govread search 行政复议 DIR` without the store, warm (median of 3; for reference);
- `rg 行政复议 DIR` (UTF-8 only) and `rg` over both encodings (UTF-8, then
  `--encoding gb18030`: a quarter of the generated files are GB18030), medians.

Prints a Markdown table; --record appends it to benchmarks/RESULTS.md under "Store".
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HEADING = "## Store (issue 15)"
RESULTS = Path(__file__).with_name("RESULTS.md")
QUERY = "行政复议"


def _timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _median(argv: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(_timed(argv, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--record", action="store_true", help="append to RESULTS.md")
    args = parser.parse_args()
    rg = shutil.which("rg")
    govread = shutil.which("govread")
    if rg is None or govread is None:
        sys.exit("needs rg (ripgrep) and an installed govread on PATH")
    sys.path.insert(0, str(Path(__file__).parent))
    from generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        for name, data in generate(args.reports, seed=7):
            (corpus / name).write_bytes(data)
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache")}
        store = root / "store.sqlite3"
        index = [govread, "index", str(corpus), "--store", str(store)]
        cold = _timed(index, env)
        warm = _median(index, env, args.runs)
        size = store.stat().st_size
        corpus_size = sum(p.stat().st_size for p in corpus.iterdir())
        from_store = _median([govread, "search", QUERY, "--store", str(store)], env, args.runs)
        in_memory = _median([govread, "search", QUERY, str(corpus)], env, 3)
        rg_utf8 = _median([rg, QUERY, str(corpus)], env, args.runs)
        rg_gb = _median([rg, "--encoding", "gb18030", QUERY, str(corpus)], env, args.runs)
    rg_both = rg_utf8 + rg_gb
    rows = [
        ("`govread index DIR` cold (parse + segment + write)", cold, ""),
        ("`govread index DIR` warm (nothing changed)", warm, ""),
        (f"`govread search {QUERY} --store S`", from_store, ""),
        (f"`govread search {QUERY} DIR` (no store, warm caches)", in_memory, ""),
        (f"`rg {QUERY} DIR` (UTF-8 only)", rg_utf8, ""),
        ("`rg` both encodings (UTF-8 + `--encoding gb18030`)", rg_both, ""),
    ]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"### {args.reports} generated reports, {stamp}, {platform.machine()}, "
        f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})",
        "",
        f"`python benchmarks/store.py --reports {args.reports} --runs {args.runs}`; whole "
        f"processes, medians. Corpus {corpus_size / 1e6:.1f} MB, store {size / 1e6:.1f} MB.",
        "",
        "| task | seconds |",
        "| --- | --- |",
        *(f"| {name} | {seconds:.2f} |" for name, seconds, _ in rows),
        "",
        f"Search from the store vs `rg` (both encodings): **{from_store / rg_both:.1f}×** "
        f"(UTF-8 only: {from_store / rg_utf8:.1f}×); vs the search without a store: "
        f"{in_memory / from_store:.1f}× faster.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.record:
        results = RESULTS.read_text(encoding="utf-8")
        if HEADING not in results:
            results = results.rstrip("\n") + f"\n\n{HEADING}\n\n"
        RESULTS.write_text(results.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()

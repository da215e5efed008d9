"""Benchmark the store and the CLI paths at scale, side by side with `rg` and `cat`.

    python benchmarks/store.py [--reports 1000] [--corpus DIR] [--runs 5] [--record]

Generates --reports reports (benchmarks/generate.py, seed 7) into a temporary folder (or
uses the generated corpus in --corpus DIR, e.g. /tmp/govread-10k made once with
`python benchmarks/generate.py /tmp/govread-10k --count 10000`), points the user cache
directory at a temporary folder (so the first index really is cold: nothing parsed or
segmented before), and times whole processes (medians of --runs unless said):

- `govread index DIR --store S`, cold (once) and warm (nothing changed);
- `govread search 行政复议 --store S` against `rg 行政复议 DIR` over both encodings
  (`rg` as it is, for the UTF-8 files, then `rg --encoding gb18030`: a quarter of the
  generated files are GB18030; a user needs both runs to find every report);
- `govread outline --format json DIR` (parsed-report cache warm) against `cat DIR/*`;
- `govread compare A B --store S` and `--corpus DIR` (the default store, here a copy of
  S: warm), against `govread compare A B` over the bundled samples only;
- `govread search 行政复议 DIR` without the store (warm caches; 3 runs, skipped from
  5,000 reports on unless --in-memory: 36 s a run at 10,000).

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


def _shell(script: str) -> list[str]:
    return ["sh", "-c", script]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="an existing generated corpus to use")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--in-memory", action="store_true", help="time the search without a store")
    parser.add_argument("--record", action="store_true", help="append to RESULTS.md")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (the store)")
    args = parser.parse_args()
    rg = shutil.which("rg")
    govread = shutil.which("govread")
    if rg is None or govread is None:
        sys.exit("needs rg (ripgrep) and an installed govread on PATH")
    sys.path.insert(0, str(Path(__file__).parent))
    from generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.keep is not None:
            root = args.keep
            root.mkdir(parents=True, exist_ok=False)
        if args.corpus is not None:
            corpus = args.corpus.resolve()
        else:
            corpus = root / "corpus"
            corpus.mkdir()
            for name, data in generate(args.reports, seed=7):
                (corpus / name).write_bytes(data)
        files = sorted(corpus.iterdir())
        count = len(files)
        cache = root / "cache"
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        store = root / "store.sqlite3"
        index = [govread, "index", str(corpus), "--store", str(store)]
        cold = _timed(index, env)
        warm = _median(index, env, args.runs)
        size = store.stat().st_size
        corpus_size = sum(p.stat().st_size for p in files)
        from_store = _median([govread, "search", QUERY, "--store", str(store)], env, args.runs)
        rg_both = _median(
            _shell(f"{rg} {QUERY} {corpus}; {rg} --encoding gb18030 {QUERY} {corpus}"),
            env,
            args.runs,
        )
        rg_utf8 = _median([rg, QUERY, str(corpus)], env, args.runs)
        outline = [govread, "outline", "--format", "json", str(corpus)]
        _timed(outline, env)  # fills the parsed-report cache
        outline_json = _median(outline, env, args.runs)
        cat = _median(_shell(f"cat {corpus}/* > /dev/null"), env, args.runs)
        a, b = str(files[0]), str(files[-1])
        compare_store = _median(
            [govread, "compare", a, b, "--store", str(store), "--format", "json"], env, args.runs
        )
        (cache / "govread").mkdir(parents=True, exist_ok=True)
        shutil.copy(store, cache / "govread" / "store.sqlite3")  # the default store, warm
        compare_corpus = _median(
            [govread, "compare", a, b, "--corpus", str(corpus), "--format", "json"],
            env,
            args.runs,
        )
        compare_alone = _median([govread, "compare", a, b, "--format", "json"], env, args.runs)
        in_memory = None
        if args.in_memory or count < 5000:
            in_memory = _median([govread, "search", QUERY, str(corpus)], env, 3)
    rows = [
        ("`govread index DIR` cold (parse, segment, figures, topics, write)", cold),
        ("`govread index DIR` warm (nothing changed)", warm),
        (f"`govread search {QUERY} --store S`", from_store),
        (f"`rg {QUERY} DIR` (UTF-8 only: misses the GB18030 files)", rg_utf8),
        ("`rg` both encodings (UTF-8, then `--encoding gb18030`)", rg_both),
        ("`govread outline --format json DIR` (parsed-report cache warm)", outline_json),
        ("`cat DIR/*`", cat),
        ("`govread compare A B --store S`", compare_store),
        ("`govread compare A B --corpus DIR` (default store warm)", compare_corpus),
        ("`govread compare A B` (IDF over the 5 samples only)", compare_alone),
    ]
    if in_memory is not None:
        rows.append((f"`govread search {QUERY} DIR` (no store, warm caches, 3 runs)", in_memory))
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    source = f"--corpus {args.corpus}" if args.corpus else f"--reports {args.reports}"
    lines = [
        f"### {count} generated reports, {stamp}, {platform.machine()}, "
        f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})",
        "",
        f"`python benchmarks/store.py {source} --runs {args.runs}`; whole processes, "
        f"medians. Corpus {corpus_size / 1e6:.1f} MB, store {size / 1e6:.1f} MB "
        f"({size / corpus_size:.1f}× the corpus).",
        "",
        "| task | seconds |",
        "| --- | --- |",
        *(f"| {name} | {seconds:.2f} |" for name, seconds in rows),
        "",
        f"Ratios: search from the store / `rg` both encodings **{from_store / rg_both:.1f}×**; "
        f"`outline --format json` / `cat` **{outline_json / cat:.0f}×**; "
        f"`compare --corpus` / `compare` without a corpus **{compare_corpus / compare_alone:.2f}×**; "
        f"cold index {cold / count * 1000:.0f} ms a report.",
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

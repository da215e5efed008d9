"""Benchmark the search service: index build, segmentation (first and cached), filter latency.

    python benchmarks/search.py [--reports 1000] [--no-record]

The corpus is the five bundled samples, plus copies of their text re-parsed with other region
names and years (so every copy has its own sha256, ids and cache entry) up to --reports.
Filter latency is measured per keystroke: each query is typed one character at a time and
`SearchIndex.filter` runs on every prefix, with jieba already loaded, as the TUI will do.
Results are appended to benchmarks/RESULTS.md under the "Search" heading. The user cache
directory is pointed at a temporary folder, so the first segmentation really is cold.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HEADING = "## Search (issue 4)"
RESULTS = Path(__file__).with_name("RESULTS.md")

# Queries a researcher types; each is measured keystroke by keystroke.
QUERIES = (
    "行政复议",
    "枫桥经验",
    "证明事项告知承诺制",
    "规范执法人员资格",
    "１００％",
    "行政复议 出庭应诉",
    "法治 -信访",
    "放管服 | 营商环境",
    '"严格规范公正文明执法"',
    "首违不罚 包容审慎",
)

_SYLLABLES = "江河山平安新东西南北清宁长永兴华德阳明丰嘉文和泰昌"


def region_name(number: int) -> str:
    first = _SYLLABLES[number % len(_SYLLABLES)]
    second = _SYLLABLES[(number // len(_SYLLABLES)) % len(_SYLLABLES)]
    return f"{first}{second}{'市县区'[number % 3]}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def keystroke_latencies(index: object, queries: tuple[str, ...]) -> list[float]:
    from govread.search import SearchIndex

    assert isinstance(index, SearchIndex)
    latencies: list[float] = []
    for query in queries:
        index._needle_cache.clear()  # each query typed afresh, as a new filter would be
        for end in range(1, len(query) + 1):
            latencies.append(timed(lambda q=query[:end]: index.filter(q)))
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000, help="size of the large corpus")
    parser.add_argument("--no-record", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args()

    cache_home = tempfile.mkdtemp(prefix="govread-bench-")
    os.environ["XDG_CACHE_HOME"] = cache_home  # before govread computes any cache path

    from govread import segment
    from govread.corpus import sample_paths
    from govread.parsers import parse_text
    from govread.parsers.readers import decode, read_report
    from govread.search import SearchIndex

    samples = [read_report(path) for path in sample_paths()]
    texts = [decode(path.read_bytes(), path) for path in sample_paths()]

    started = time.perf_counter()
    corpus = list(samples)
    number = 0
    while len(corpus) < args.reports:
        sample, text = samples[number % 5], texts[number % 5]
        year = 2015 + number % 10
        copy = text
        if sample.region:
            copy = copy.replace(sample.region, region_name(number))
        if sample.year:
            copy = copy.replace(f"{sample.year}年", f"{year}年")
        corpus.append(parse_text(copy, path=f"generated/{number:04d}.txt"))
        number += 1
    parse_seconds = time.perf_counter() - started
    chars = sum(len(r.full_text()) for r in corpus)

    lines: list[str] = []

    def say(line: str) -> None:
        print(line)
        lines.append(line)

    load_seconds = timed(segment.ensure_loaded)
    small = SearchIndex.build(samples)
    small_build = timed(lambda: SearchIndex.build(samples))
    small_seg_first = timed(small.segment_reports)
    small_seg_cached = timed(lambda: SearchIndex.build(samples, segment_now=True))

    big_build_start = time.perf_counter()
    big = SearchIndex.build(corpus)
    big_build = time.perf_counter() - big_build_start
    big_seg_first = timed(big.segment_reports)
    big_cached = timed(lambda: SearchIndex.build(corpus, segment_now=True))

    small_keys = keystroke_latencies(small, QUERIES)
    big_keys = keystroke_latencies(big, QUERIES)
    big_search = [timed(lambda q=q: big.search(q, limit=50)) for q in QUERIES]
    small_search = [timed(lambda q=q: small.search(q, limit=50)) for q in QUERIES]
    suggest = [timed(lambda p=p: big.suggest(p, 10)) for p in ("行", "行政", "法治", "营商", "枫")]

    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    say(
        f"### {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} CPUs (shared), {platform.machine()}"
    )
    say("")
    say(
        f"Corpus: 5 samples; {len(corpus)} reports ({chars / 1e6:.1f} M characters, "
        f"{len(big)} units) generated by re-parsing the samples with other regions and years "
        f"in {parse_seconds:.1f} s."
    )
    say("")
    say("| measurement | 5 samples | " + f"{len(corpus)} reports |")
    say("| --- | --- | --- |")
    say(f"| jieba + user dictionary load (`ensure_loaded`) | {ms(load_seconds)} | — |")
    say(f"| index build (fold, no jieba) | {ms(small_build)} | {ms(big_build)} |")
    say(f"| first segmentation (cold disk cache) | {ms(small_seg_first)} | {big_seg_first:.1f} s |")
    say(
        f"| second start: build + cached segmentation | {ms(small_seg_cached)} | "
        f"{big_cached:.2f} s |"
    )
    say(
        f"| filter per keystroke p50 ({len(small_keys)} keystrokes) | "
        f"{ms(statistics.median(small_keys))} | {ms(statistics.median(big_keys))} |"
    )
    say(
        f"| filter per keystroke p95 | {ms(percentile(small_keys, 0.95))} | "
        f"{ms(percentile(big_keys, 0.95))} |"
    )
    say(f"| filter per keystroke max | {ms(max(small_keys))} | {ms(max(big_keys))} |")
    say(
        f"| ranked search (limit 50) p50 / max | {ms(statistics.median(small_search))} / "
        f"{ms(max(small_search))} | {ms(statistics.median(big_search))} / "
        f"{ms(max(big_search))} |"
    )
    say(f"| suggest p50 / max | — | {ms(statistics.median(suggest))} / {ms(max(suggest))} |")
    say("")
    say("Targets (issue 4): filter p95 < 30 ms on the samples, < 100 ms on 1,000 reports.")
    say("Queries typed: " + ", ".join(f"`{q}`" for q in QUERIES) + ".")
    say("")

    if not args.no_record:
        record(lines)
    return 0


def record(lines: list[str]) -> None:
    """Append this run at the end of the Search section, creating file and section if needed."""
    existing = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = "\n".join(lines).rstrip() + "\n"
    if HEADING not in existing:
        updated = existing.rstrip() + f"\n\n{HEADING}\n\nRun `python benchmarks/search.py`.\n\n"
        updated += block
    else:
        start = existing.index(HEADING)
        following = existing.find("\n## ", start + len(HEADING))
        end = len(existing) if following == -1 else following + 1
        section = existing[start:end].rstrip() + "\n\n" + block
        updated = existing[:start] + section + ("\n" + existing[end:] if following != -1 else "")
    temp = RESULTS.with_suffix(".md.tmp")
    temp.write_text(updated, "utf-8")
    os.replace(temp, RESULTS)


if __name__ == "__main__":
    sys.exit(main())

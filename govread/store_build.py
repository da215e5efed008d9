"""Preparing reports for the store: everything computed once per report, on every core.

`prepare_file` reads and parses one file and computes all the store keeps of it: the units
with their folded text and jieba tokens (`segment.report_tokens`), the figures (the one
finder, `govread.figures`, each marked when it states a plan or target:
`govread.plan_phase`) and the themes of the comparison's units
(`govread.compare.report_units`) with the words the comparison's IDF counts. The report is
segmented once (`segment.Cutter`): each distinct block is cut once for both its search
tokens and the comparison's words; each unit's row of the postings of short needles
(`govread.grams`) is made ready to insert. It runs in a pool worker, so the parent only writes rows (`Store.put_prepared`);
`prepared_files` hands the results back in the order of the files, each as soon as it and
all before it are known.
"""

from __future__ import annotations

import gc
import json
import os
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govread import segment
from govread.cache import report_to_dict
from govread.grams import gram_text
from govread.opening import Problem, open_report
from govread.parsers.model import Report
from govread.search import HEADING_WEIGHT, _report_units

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Above this many files to prepare, a process pool runs on every core: each worker loads
# jieba's dictionary once (≈ 1 s), against ≈ 20–30 ms of work per report.
POOL_THRESHOLD = 50
# Files handed to the pool per worker ahead of the one awaited (results are ≈ 100 KB each):
# enough to keep a worker busy while this process writes a transaction of
# `store.WRITE_BATCH` reports (≈ 0.6 s, ≈ 25 files of a worker's), with room for a write
# slowed by a busy machine. With 8, each write left both workers idle for most of it
# (≈ 6 s of 27 each at 1,000 reports; benchmarks/RESULTS.md).
POOL_AHEAD = 48
# Files per pool task: a task's round trip costs the parent ≈ 0.4 ms, a file's ≈ 0.1 at 4.
POOL_BATCH = 4
# From this many files to prepare (per process that builds them), jieba's routes come from
# rjieba when it is installed (`segment.load_compiled_routes`): ≈ 0.3 s of CPU to build,
# ≈ 4 ms saved a file.
COMPILED_ROUTES_FILES = 100


@dataclass(frozen=True, slots=True)
class Prepared:
    """One report as the store's rows (without the store's own ids)."""

    path: str  # resolved
    size: int
    mtime_ns: int
    sha256: str
    text_sha256: str
    # region, city, province, year, genre, issuer, issuer_level, title, display_title,
    # published
    meta: tuple[object, ...]
    body: str  # the parsed report as the cache's JSON
    node_id: str  # `Report.id`
    # (ordinal, node_id, parent, level, kind, number, heading, path JSON, text, folded,
    #  heading_tokens, body_tokens, length)
    units: list[tuple[object, ...]]
    df: dict[str, int]  # jieba token -> units of this report holding it
    tokens: int  # the units' token lengths added up (BM25's average)
    # (node_id, paragraph, start, end, label, value, unit, approximate, text, indicator, range,
    #  target: `plan_phase.target_test`, earlier: `Figure.earlier`)
    figures: list[tuple[object, ...]]
    # (ordinal, key, node_id, kind, number, theme, themes JSON, phases JSON)
    topics: list[tuple[object, ...]]
    terms: dict[str, int]  # comparison word -> comparison units of this report holding it
    # each unit's row of `units_grams` (`grams.gram_text`), made here (in a worker) so that
    # the one process writing the store only inserts them and packs their tokens
    grams: list[str]


# `json.dumps` with these arguments, without making an encoder per call (≈ 100 a report)
_path_json = json.JSONEncoder(ensure_ascii=False).encode
_compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def join_tokens(tokens: Sequence[str]) -> str:
    """Tokens as one space-separated string (a space inside a token, which jieba's word-like
    tokens never hold, would become "_", so that splitting gives the tokens back)."""
    joined = " ".join(tokens)
    if joined.count(" ") != max(len(tokens) - 1, 0):
        joined = " ".join(token.replace(" ", "_") for token in tokens)
    return joined


def unit_texts(report: Report) -> dict[str, str]:
    """What is segmented of a report: ``<unit id>|h`` (heading) and ``|b`` (body), folded."""
    texts: dict[str, str] = {}
    for unit in _report_units(report, 0):
        texts[unit.id + "|h"] = unit.heading_fold.text
        texts[unit.id + "|b"] = unit.body_fold.text
    return texts


def prepare_report(
    report: Report,
    tokens: Mapping[str, list[str]] | None = None,
    *,
    size: int,
    mtime_ns: int,
) -> Prepared:
    """The store's rows of one report (its path already resolved); `tokens` as
    `unit_texts` keys them, segmented here when not given."""
    from govread.compare import built_units
    from govread.figures import report_figures
    from govread.plan_phase import target_test

    assert report.path is not None
    units = _report_units(report, 0)
    # One segmentation of the report for its search tokens and its comparison's words.
    cutter = segment.Cutter()
    if tokens is None:
        texts: dict[str, str] = {}
        for unit in units:
            texts[unit.id + "|h"] = unit.heading_fold.text
            texts[unit.id + "|b"] = unit.body_fold.text
        tokens = segment.report_tokens(texts, cutter)
    rows: list[tuple[object, ...]] = []
    df: Counter[str] = Counter()
    total = 0
    for ordinal, unit in enumerate(units):
        heading = tokens.get(unit.id + "|h", [])
        text = tokens.get(unit.id + "|b", [])
        df.update({*heading, *text})
        if unit.item is not None:
            parent = unit.section.id if unit.section else None
            level, number = None, unit.item.number
        elif unit.section is not None:
            parent = unit.ancestors[-1] if unit.ancestors else None
            level, number = unit.section.level, unit.section.number
        else:
            parent, level, number = None, None, None
        length = HEADING_WEIGHT * len(heading) + len(text)
        total += length
        rows.append(
            (
                ordinal,
                unit.id,
                parent,
                level,
                unit.kind,
                number,
                unit.label,
                _path_json(list(unit.path)),
                unit.body,
                unit.folded,
                join_tokens(heading),
                join_tokens(text),
                length,
            )
        )
    is_target = target_test(report)  # as `govread figures` marks a plan's figures
    figures: list[tuple[object, ...]] = [
        (
            f.node_id,
            f.paragraph,
            f.start,
            f.end,
            f.label,
            f.value,
            f.unit,
            int(f.approximate),
            f.text,
            f.indicator,
            int(f.is_range),
            int(is_target(f)),
            int(f.earlier),
        )
        for f in report_figures(report)
    ]
    topics: list[tuple[object, ...]] = []
    terms: Counter[str] = Counter()
    for ordinal, cunit in enumerate(built_units(report, cutter=cutter)):
        terms.update(cunit.terms.keys())
        topics.append(
            (
                ordinal,
                cunit.key,
                cunit.node_id,
                cunit.kind,
                cunit.number,
                cunit.theme,
                _compact_json(dict(cunit.themes)),
                _compact_json(sorted(cunit.phases)),
            )
        )
    return Prepared(
        path=report.path,
        size=size,
        mtime_ns=mtime_ns,
        sha256=report.sha256,
        text_sha256=report.text_sha256(),
        meta=(
            report.region,
            report.city,
            report.province,
            report.year,
            report.genre,
            report.issuer,
            report.issuer_level,
            report.title,
            report.display_title,
            report.published,
        ),
        body=_compact_json(report_to_dict(report)),
        node_id=report.id,
        units=rows,
        df=dict(df),
        tokens=total,
        figures=figures,
        topics=topics,
        terms=dict(terms),
        grams=[gram_text(unit.folded) for unit in units],
    )


Outcome = Prepared | Problem | None  # None: the same bytes as the stored report


def prepare_file(
    path: str, explicit: bool, stat: tuple[int, int], known_sha256: str | None
) -> Outcome:
    """Parse and prepare one file; None when its bytes are those already stored."""
    entry = open_report(Path(path), explicit=explicit)
    if isinstance(entry, Problem):
        return entry
    if known_sha256 is not None and entry.sha256 == known_sha256:
        return None
    try:
        report = replace(entry, path=str(Path(path).resolve()))
        return prepare_report(report, size=stat[0], mtime_ns=stat[1])
    except Exception as error:  # a bug must not cost the user the other files
        return Problem(path, f"could not be indexed ({type(error).__name__}: {error})", explicit)


# A pool worker collects its garbage itself (`prepare_in_worker`): the young generations
# once per report, everything once per this many reports.
WORKER_FULL_COLLECTION = 256
_prepared_in_worker = 0


def prepare_in_worker(
    path: str, explicit: bool, stat: tuple[int, int], known_sha256: str | None
) -> Outcome:
    """`prepare_file` in a pool worker whose automatic garbage collection is off
    (`_forked_worker_start`): a report's garbage is collected once it is prepared, in one pass, where
    the automatic collector ran dozens of times while the report's objects were alive
    (≈ 1.4 ms of CPU a report against ≈ 0.5)."""
    global _prepared_in_worker
    try:
        return prepare_file(path, explicit, stat, known_sha256)
    finally:
        _prepared_in_worker += 1
        gc.collect(1 if _prepared_in_worker % WORKER_FULL_COLLECTION else 2)


@dataclass(frozen=True, slots=True)
class FileJob:
    path: str
    explicit: bool
    stat: tuple[int, int]
    known_sha256: str | None


def _forked_worker_start() -> None:
    """A forked worker's start: quiet, its garbage collection left to `prepare_in_worker`
    (jieba's dictionary and the lexicon came with the fork)."""
    from govread.loading import _quiet_worker

    _quiet_worker()
    gc.freeze()  # what came with the fork is never collected here: no full pass walks it
    gc.disable()


def _worker_start(compiled_routes: bool = False) -> None:
    """A spawned worker's start: quiet, collecting its own garbage, then the dictionary
    (and the compiled routes, when asked) and the lexicon loaded."""
    from govread.topics import load_lexicon

    _forked_worker_start()
    if compiled_routes:
        segment.load_compiled_routes()
    segment.ensure_loaded()
    load_lexicon()


def _forkable() -> bool:
    """Whether pool workers may be forked from this process: no other thread runs in it
    (one could hold a lock the copy would wait on for ever) and the system can fork."""
    import multiprocessing
    import threading

    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _pool(count: int, files: int = 0) -> ProcessPoolExecutor:
    """The workers: forked from this process once it has loaded jieba's dictionary and the
    lexicon, so that they share them and start at once (each spawned worker imported
    govread and loaded the dictionary again: ≈ 0.7 s of CPU); spawned, each loading its
    own, where forking is unsafe (another thread runs here, as under the TUI) or missing.
    The compiled routes come with them for `files` to prepare when the fork shares them
    (`COMPILED_ROUTES_FILES` in all) or each spawned worker has as many to prepare.
    Raises OSError or RuntimeError when no processes can be had."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from govread import loading
    from govread.topics import load_lexicon

    if not _forkable():
        return loading.spawn_pool(
            count,
            initializer=partial(_worker_start, files >= COMPILED_ROUTES_FILES * count),
        )

    if files >= COMPILED_ROUTES_FILES:
        segment.load_compiled_routes()
    segment.ensure_loaded()
    load_lexicon()
    loading._start_resource_tracker()
    return ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("fork"),
        initializer=loading._worker_start,
        initargs=(os.getpid(), _forked_worker_start),
    )


def prepare_batch_in_worker(
    batch: Sequence[tuple[str, bool, tuple[int, int], str | None]],
) -> list[Outcome]:
    """`prepare_in_worker` for a few files handed over at once (`POOL_BATCH`)."""
    return [prepare_in_worker(*job) for job in batch]


def prepared_files(
    jobs: Sequence[FileJob],
    *,
    workers: int | None = None,
    threshold: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[FileJob, Outcome]]:
    """Each job with its outcome, in order; in a process pool on every core when there are
    more than `threshold`, `POOL_BATCH` files a task (a pool that cannot start, or breaks,
    leaves the rest to be prepared here; a task that fails, its files). Leaving the
    iteration early cancels what has not started."""
    from govread.loading import worker_count

    count = workers or worker_count()
    limit = POOL_THRESHOLD if threshold is None else threshold
    pool: ProcessPoolExecutor | None = None
    if len(jobs) > limit and count > 1:
        try:
            pool = _pool(count, len(jobs))
        except (OSError, RuntimeError):
            pool = None
    if pool is None and jobs:
        if len(jobs) >= COMPILED_ROUTES_FILES:
            segment.load_compiled_routes()
        segment.ensure_loaded()
    queue: deque[int] = deque(range(0, len(jobs), POOL_BATCH))  # each task's first job
    futures: dict[int, Future[Any]] = {}
    done: dict[int, Outcome] = {}  # outcomes of a task's jobs not yet handed on
    ahead = max(2, POOL_AHEAD // POOL_BATCH) * count

    def submit() -> None:
        while pool is not None and queue and len(futures) < ahead:
            first = queue.popleft()
            futures[first] = pool.submit(
                prepare_batch_in_worker,
                [
                    (job.path, job.explicit, job.stat, job.known_sha256)
                    for job in jobs[first : first + POOL_BATCH]
                ],
            )

    try:
        submit()
        for number, job in enumerate(jobs):
            if cancelled():
                return
            first = number - number % POOL_BATCH
            future = futures.pop(first, None) if number == first else None
            if future is not None:
                from concurrent.futures.process import BrokenProcessPool

                try:
                    submit()
                    done.update(enumerate(future.result(), start=first))
                except BrokenProcessPool:  # a worker died: the rest is prepared here
                    if pool is not None:
                        pool.shutdown(wait=True, cancel_futures=True)
                    pool = None
                    futures.clear()
                    segment.ensure_loaded()
                except Exception:  # this task failed in the worker: its files prepared here
                    segment.ensure_loaded()
            if number in done:
                outcome = done.pop(number)
            else:
                outcome = prepare_file(job.path, job.explicit, job.stat, job.known_sha256)
            yield job, outcome
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def stat_of(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns

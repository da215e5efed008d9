"""Loading many reports fast: the parsed-report cache first, then parsing on every core.

A `Loader` opens the files named (folders searched as `corpus.iter_load` always did) and
yields each `Report` or `Problem` in path order. It hashes every file's bytes first; a report
whose hash (and parser version) is in the `ReportCache` is taken from there, not parsed.
When many files miss the cache (more than `PARALLEL_THRESHOLD`), they are parsed in a
process pool on every core, started with the 'spawn' method because the TUI loads from a
thread (forking a threaded process can deadlock). Workers hand back the cache's JSON form
of each report, so the parent only decodes it and stores it as it is. Results still come
out in path order, each as soon as it and all before it are known.

A failure in one file is a `Problem`, never an exception; a pool that breaks (a worker
killed) leaves the remaining files to be parsed in this process. `close()` (also on
leaving a ``with`` block, or closing the iterator) cancels what has not started and waits
for the workers to exit, so a cancelled load leaves no processes behind.

As with any 'spawn' pool, a script that loads more than `PARALLEL_THRESHOLD` files must
keep its top-level code under ``if __name__ == "__main__":`` (workers import the main module).

The cache is skipped when ``GOVREAD_NO_CACHE`` is set to a true value or inside
`cache_disabled()` (the CLI's ``--no-cache``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from govread.cache import FileStamp, ReportCache, name_key, report_from_dict, report_to_dict
from govread.fingerprint import code_fingerprint
from govread.i18n import N_
from govread.opening import Problem, open_report
from govread.parsers.model import Report
from govread.parsers.readers import (
    FilesSeen,
    ReportError,
    folder_entries,
    read_bytes,
    refused_by_name,
)

if TYPE_CHECKING:  # the pool's modules are imported only when a pool is needed
    from concurrent.futures import Future, ProcessPoolExecutor

NO_CACHE_ENV = "GOVREAD_NO_CACHE"
# Below this many files to parse, the pool costs more than it saves: starting two worker
# interpreters takes ≈ 0.3 s of CPU, and a plain-text report parses in ≈ 1.6 ms here against
# ≈ 1.0 ms of wall time per report on two cores with the pool (the parent still hashes and
# decodes each result), so the break-even is a few hundred files (benchmarks/RESULTS.md).
PARALLEL_THRESHOLD = 400
# Parses handed to the pool ahead of the one awaited: enough to keep the workers busy,
# few enough that finished results do not pile up in memory (the parent is slower).
POOL_WINDOW = 64
# Cache writes are grouped into transactions of this many reports.
PUT_BATCH = 64

_disabled = 0  # depth of `cache_disabled()` blocks
_tracker_lock = threading.Lock()


def cache_enabled() -> bool:
    """False inside `cache_disabled()` or when ``GOVREAD_NO_CACHE`` is set (not to 0/false)."""
    value = os.environ.get(NO_CACHE_ENV, "").strip().lower()
    return not _disabled and value in ("", "0", "false", "no", "off")


@contextlib.contextmanager
def cache_disabled() -> Iterator[None]:
    """Load without the cache while inside (the CLI's ``--no-cache``); threads see it too."""
    global _disabled
    _disabled += 1
    try:
        yield
    finally:
        _disabled -= 1


def worker_count() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(slots=True)
class _Job:
    """One entry of the load, in path order: a file to open, or a problem already known."""

    path: Path
    explicit: bool
    problem: Problem | None = None
    sha256: str | None = None
    cached: bool = False
    # found in a folder and cached with no verdict of the folder's test (by an older
    # govread): the cached report is tested when it is taken (`Loader._result`)
    untested: bool = False
    settled: bool = False  # the caller has what it needs of these bytes (`Loader.entries`)
    future: Future[tuple[str, str, str] | Problem] | None = None


@dataclass(frozen=True, slots=True)
class Hashed:
    """A file whose bytes the caller already has what it needs of (`Loader.entries`):
    neither read from the cache nor parsed."""

    path: str
    sha256: str
    explicit: bool


def _plan(paths: Iterable[str | os.PathLike[str]]) -> list[_Job]:
    jobs: list[_Job] = []
    seen = FilesSeen()  # each file once, however it is reached
    for raw in paths:
        path = Path(raw)
        if not seen.first(path):
            continue
        if os.path.isdir(path):  # (pathlib raises for a name too long for the system)
            entries = list(folder_entries(path))
            if not any(reason is None for _, reason in entries):
                jobs.append(_Job(path, True, Problem(str(path), N_("holds no report files"), True)))
            jobs.extend(
                _Job(found, False, Problem(str(found), reason, False) if reason else None)
                for found, reason in entries
                if seen.first(found, follow=reason is None)
            )
        elif (reason := refused_by_name(path)) and os.path.exists(path):
            # a spreadsheet, an image …: refused as in a folder, neither read nor cached
            jobs.append(_Job(path, True, Problem(str(path), reason, True)))
        else:
            jobs.append(_Job(path, True))
    return jobs


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a usable stderr.

    Under Textual, ``sys.stderr`` is a capture whose ``fileno()`` is -1, which the tracker
    would hand to its new process and fail ("bad value(s) in fds_to_keep"): for that moment
    it gets /dev/null instead. Started once per process; it exits with this process.
    """
    from multiprocessing import resource_tracker

    with _tracker_lock:
        try:
            usable = sys.stderr is not None and sys.stderr.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        if usable:
            resource_tracker.ensure_running()
            return
        saved = sys.stderr
        with open(os.devnull, "w") as devnull:
            sys.stderr = devnull
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = saved


# How often a pool worker looks whether its parent is still there (where the system
# cannot tell it at once).
PARENT_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_start(parent: int, initializer: Callable[[], None]) -> None:
    """Every pool worker's start: tie its life to the parent's, then `initializer`."""
    die_with_parent(parent)
    with contextlib.suppress(ValueError, AttributeError):  # a forked worker: its own death
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    initializer()


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, however it ends (even killed outright).

    A pool's workers otherwise outlive a killed parent: each holds its own copy of the job
    queue's pipe, so none ever sees it close. On Linux the kernel sends SIGKILL when the
    parent goes (prctl PR_SET_PDEATHSIG), which also stops a worker busy in C code; elsewhere,
    and as a second line, a daemon thread polls the parent's pid and exits when it changes.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:  # it ended before the line above took effect
        os._exit(1)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="govread parent watch", daemon=True
    ).start()


def _watch_parent(parent: int, poll: float = PARENT_POLL_SECONDS) -> None:
    while True:
        time.sleep(poll)
        if os.getppid() != parent:
            os._exit(1)


def _quiet_worker() -> None:
    """Pool worker start: its stdout and stderr go nowhere (the terminal may be the TUI's)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def spawn_pool(
    workers: int, initializer: Callable[[], None] = _quiet_worker
) -> ProcessPoolExecutor:
    """A process pool safe to start from any thread, even under Textual.

    'spawn' workers (forking a threaded process can deadlock), started by `initializer`
    (which should call `_quiet_worker` first), with the resource tracker started usably.
    The workers end when this process ends, even if it is killed (`die_with_parent`).
    Raises OSError or RuntimeError when no processes can be had.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _start_resource_tracker()
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_start,
        initargs=(os.getpid(), initializer),
    )


def parse_to_json(path: str, explicit: bool) -> tuple[str, str, str] | Problem:
    """Parse one file in a pool worker: (sha256, the cache's JSON body, its verdict) or
    the problem."""
    result = open_report(Path(path), explicit=explicit)
    if isinstance(result, Problem):
        return result
    return result.sha256, _body(result), _folder_verdict(result, passed=not explicit)


@functools.cache
def verdict_kind() -> str:
    """The `derived` kind of the folder's test (`looks_like_report`) on a cached report,
    keyed by the code that decides it."""
    return f"folder-verdict:{code_fingerprint(('parsers/readers',))[:24]}"


def _folder_verdict(report: Report, *, passed: bool = False) -> str:
    """Why a folder would not take `report` (a message id), or "" when it would: kept with
    the cached report, so that a file a user once named is still left out of a folder.
    `passed`: `open_report` tested it already (found in a folder, and taken)."""
    if passed:
        return ""
    from govread.parsers.readers import looks_like_report

    return looks_like_report(report) or ""


def _body(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, separators=(",", ":"))


def _from_body(body: str, path: Path) -> Report:
    data: dict[str, Any] = json.loads(body)
    data["path"] = str(path)
    return report_from_dict(data)


class Loader:
    """One load of `paths`: iterate it for each Report or Problem, in path order.

    `total` is known on construction (for a progress bar); afterwards `hits` (reports from
    the cache), `parsed` (files parsed, whether they gave a report or a problem) and
    `pool_used` say where the entries came from. Problems are never cached.
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        use_cache: bool | None = None,
        cache: ReportCache | None = None,
        parallel_threshold: int | None = None,
        workers: int | None = None,
    ) -> None:
        self._jobs = _plan(paths)
        self.total = len(self._jobs)
        if use_cache is None:
            use_cache = cache_enabled()
        self._cache = (cache or ReportCache()) if use_cache else None
        self._own_cache = cache is None
        # A damaged or foreign cache file is set aside when the cache opens: that is said
        # once, as the first entry of the load (counted in `total`).
        self._cache_problem: Problem | None = None
        if self._cache is not None:
            self._cache.known(())  # opens it
            notice = self._cache.take_notice()
            if notice is not None:
                path, _, reason = notice.partition(": ")
                self._cache_problem = Problem(path, reason, False)
                self.total += 1
        self._threshold = PARALLEL_THRESHOLD if parallel_threshold is None else parallel_threshold
        self._workers = workers or worker_count()
        self._pool: ProcessPoolExecutor | None = None
        self._pending_puts: list[tuple[str, bytes, str]] = []
        self._pending_verdicts: list[tuple[str, str]] = []
        self._queue: deque[_Job] = deque()  # misses not yet handed to the pool
        self._in_flight = 0
        self._started = False
        self._closed = False
        self.hits = 0
        self.parsed = 0
        self.pool_used = False

    @property
    def cache(self) -> ReportCache | None:
        """The parsed-report cache this load reads and fills (None without one)."""
        return self._cache

    def __enter__(self) -> Loader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[Report | Problem]:
        for entry in self.entries():
            assert not isinstance(entry, Hashed)  # only for a `settled` callback
            yield entry

    def entries(
        self, settled: Callable[[set[str]], Iterable[str]] | None = None
    ) -> Iterator[Report | Problem | Hashed]:
        """Each Report or Problem, in path order; once every file is hashed, `settled` is
        given the hashes and names those the caller needs nothing more of: their files
        come out as `Hashed`, neither read from the cache nor parsed."""
        if self._started:
            raise RuntimeError("a Loader can be iterated once")
        self._started = True
        try:
            yield from self._run(settled)
        finally:
            self.close()

    # -- the load ---------------------------------------------------------------------

    def _run(
        self, settled: Callable[[set[str]], Iterable[str]] | None
    ) -> Iterator[Report | Problem | Hashed]:
        self._hash_all()
        if self._cache_problem is not None:
            yield self._cache_problem
        if settled is not None:
            done = set(settled({j.sha256 for j in self._jobs if j.sha256 is not None}))
            for job in self._jobs:
                job.settled = job.problem is None and not job.untested and job.sha256 in done
        misses = [
            job for job in self._jobs if job.problem is None and not job.cached and not job.settled
        ]
        if len(misses) > self._threshold and len(misses) > 1:
            self._start_pool(misses)
        for job in self._jobs:
            if self._closed:
                return
            yield self._result(job)
            if len(self._pending_puts) + len(self._pending_verdicts) >= PUT_BATCH:
                self._flush()
        self._flush()

    def _hash_all(self) -> None:
        """Hash every file's bytes and look the hashes up (one query for the whole load).

        A file whose stat (`FileStamp`) is the one recorded with its hash is not read: its
        recorded hash is taken. Any other file is read and hashed, and its stamp recorded.
        """
        recorded: dict[str, tuple[FileStamp, str]] = {}
        stamps: dict[int, FileStamp] = {}
        if self._cache is not None:
            for index, job in enumerate(self._jobs):
                if job.problem is not None:
                    continue
                with contextlib.suppress(OSError, ValueError):
                    info = os.stat(job.path)
                    if stat.S_ISREG(info.st_mode):
                        stamps[index] = FileStamp.of(info)
            recorded = self._cache.known_files(str(self._jobs[i].path) for i in stamps)
        new_stamps: list[tuple[str, FileStamp, str]] = []
        now = time.time_ns()
        for index, job in enumerate(self._jobs):
            if job.problem is not None:
                continue
            stamp = stamps.get(index)
            record = recorded.get(str(job.path))
            if stamp is not None and record is not None and record[0] == stamp:
                job.sha256 = record[1]
                continue
            try:
                job.sha256 = hashlib.sha256(read_bytes(job.path)).hexdigest()
            except ReportError as error:
                job.problem = Problem.of(error, job.explicit)
                continue
            if stamp is not None and stamp.settled(now):
                new_stamps.append((str(job.path), stamp, job.sha256))
        if self._cache is not None:
            self._cache.put_files(new_stamps)
            known = self._cache.known(
                (j.sha256, str(j.path)) for j in self._jobs if j.sha256 is not None
            )
            for job in self._jobs:
                job.cached = (job.sha256, str(job.path)) in known
            self._test_cached()

    def _test_cached(self) -> None:
        """The folder's test on the cached reports found in folders, from the verdicts kept
        with them (one query): a cached report is left out of a folder as a fresh parse
        would be, whichever run parsed it."""
        assert self._cache is not None
        found = [j for j in self._jobs if j.cached and not j.explicit and j.problem is None]
        verdicts = self._cache.get_derived(verdict_kind(), (j.sha256 or "" for j in found))
        for job in found:
            reason = verdicts.get(job.sha256 or "")
            if reason is None:
                job.untested = True
            elif reason:
                job.problem = Problem(str(job.path), reason, False)

    def _start_pool(self, misses: list[_Job]) -> None:
        try:
            self._pool = spawn_pool(min(self._workers, len(misses)))
            self._queue = deque(misses)
            self._submit()
        except (OSError, RuntimeError):  # no processes to be had: parse here instead
            self._stop_pool()
            for job in misses:
                job.future = None
            return
        self.pool_used = True

    def _submit(self) -> None:
        """Hand the pool the next parses, up to `POOL_WINDOW` not yet collected."""
        while self._pool is not None and self._queue and self._in_flight < POOL_WINDOW:
            job = self._queue.popleft()
            job.future = self._pool.submit(parse_to_json, str(job.path), job.explicit)
            self._in_flight += 1

    def _result(self, job: _Job) -> Report | Problem | Hashed:
        if job.problem is not None:
            return job.problem
        if job.settled and job.sha256 is not None:
            return Hashed(str(job.path), job.sha256, job.explicit)
        if job.cached and self._cache is not None and job.sha256 is not None:
            report = self._cache.get(job.sha256, str(job.path))
            if report is not None:
                self.hits += 1
                if job.untested:
                    reason = _folder_verdict(report)
                    self._pending_verdicts.append((job.sha256, reason))
                    if reason:
                        return Problem(str(job.path), reason, False)
                return report
            # listed but unreadable: parse it again, and the put below replaces the entry
        if job.future is not None:
            from concurrent.futures.process import BrokenProcessPool

            self._in_flight -= 1
            future, job.future = job.future, None  # a kept future would keep its result
            try:
                self._submit()
                outcome = future.result()
            except BrokenProcessPool:
                self._stop_pool()
            except Exception as error:  # the worker could not even return a result
                return Problem(
                    str(job.path),
                    f"could not be parsed ({type(error).__name__}: {error})",
                    job.explicit,
                )
            else:
                self.parsed += 1
                if isinstance(outcome, Problem):
                    return outcome
                sha256, body, verdict = outcome
                report = _from_body(body, job.path)
                self._pending_puts.append((sha256, name_key(report), body))
                self._pending_verdicts.append((sha256, verdict))
                return report
        result = open_report(job.path, explicit=job.explicit)
        self.parsed += 1
        if isinstance(result, Report) and self._cache is not None:
            self._pending_puts.append((result.sha256, name_key(result), _body(result)))
            verdict = _folder_verdict(result, passed=not job.explicit)
            self._pending_verdicts.append((result.sha256, verdict))
        return result

    def _flush(self) -> None:
        if self._cache is not None and self._pending_puts:
            self._cache.put_bodies(self._pending_puts)
        if self._cache is not None and self._pending_verdicts:
            self._cache.put_derived(verdict_kind(), self._pending_verdicts)
        self._pending_puts, self._pending_verdicts = [], []

    def _stop_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            # Pending parses are dropped; running ones (milliseconds each) are waited for,
            # so no worker outlives the load.
            pool.shutdown(wait=True, cancel_futures=True)
            for job in self._jobs:
                if job.future is not None and job.future.cancelled():
                    job.future = None

    def close(self) -> None:
        """Stop the workers and save what was parsed; safe to call twice, in this thread."""
        if self._closed:
            return
        self._closed = True
        self._stop_pool()
        self._flush()
        if self._cache is not None and self._own_cache:
            self._cache.close()


def iter_load(
    paths: Iterable[str | os.PathLike[str]],
    *,
    use_cache: bool | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Iterator[Report | Problem]:
    """Each report or problem of `paths`, in path order (see `Loader`); `progress(done,
    total)` after each."""
    with Loader(paths, use_cache=use_cache) as loader:
        for done, entry in enumerate(loader, start=1):
            if progress is not None:
                progress(done, loader.total)
            yield entry

"""Opening reports: paths and folders in, parsed reports and the problems met out.

Shared by the CLI and the TUI, so a file that fails fails the same way in both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govread.identity import DuplicateFinder
from govread.opening import Problem, duplicate_problem
from govread.parsers.model import Report

__all__ = ["LoadResult", "Problem", "iter_load", "load", "sample_dir", "sample_paths"]


@dataclass(slots=True)
class LoadResult:
    reports: list[Report] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def sample_dir() -> Path:
    """The folder of bundled sample reports inside the installed package."""
    from importlib import resources  # here: not on the browser's way to its first frame

    return Path(str(resources.files("govread.sample_reports")))


def sample_paths() -> list[Path]:
    from govread.parsers.readers import report_files

    return report_files(sample_dir())


def iter_load(
    paths: Iterable[str | os.PathLike[str]],
    *,
    use_cache: bool | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Iterator[Report | Problem]:
    """Open files, yielding each report or problem in path order as soon as it is known.

    A folder is searched recursively; its files that fail, or are not reports (images,
    spreadsheets, unrelated text), are problems with ``explicit=False``, so callers can tell them from files the user named. Reports come
    from the parsed-report cache when their bytes are unchanged, and many files to parse
    are parsed on every core (`govread.loading`). `progress(done, total)` follows each.
    """
    from govread.loading import iter_load as load_entries  # the process pool, when needed

    yield from load_entries(paths, use_cache=use_cache, progress=progress)


def load(
    paths: Iterable[str | os.PathLike[str]] | None = None,
    *,
    use_cache: bool | None = None,
    keep_duplicates: bool = False,
    progress: Callable[[int, int], object] | None = None,
) -> LoadResult:
    """Open every file (the bundled samples when `paths` is None or empty).

    The same report text in a second file is one report, as the browser shows it: the
    later file is a problem (`duplicate_problem`, not the user's error) unless
    `keep_duplicates` (for a caller that names the copies itself)."""
    result = LoadResult()
    finder = DuplicateFinder()
    for entry in iter_load(
        list(paths or []) or sample_paths(), use_cache=use_cache, progress=progress
    ):
        if isinstance(entry, Problem):
            result.problems.append(entry)
        elif not keep_duplicates and (original := finder.original_of(entry)) is not None:
            result.problems.append(duplicate_problem(entry.path or "", original))
        else:
            result.reports.append(entry)
    return result

"""One report, one entry: reports with the same body text, whatever their files' bytes.

A page saved twice (another 浏览次数, another file name, its line breaks lost) is the same
report: `Report.text_sha256()` (its body without title and page chrome, whitespace
folded) is the same, while `Report.sha256` (the file's bytes) is not. Shared by the CLI
and the TUI; no Textual here.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from govread.parsers.model import Report
from govread.sanitize import sanitize_path

T = TypeVar("T")


def sanitize(text: str) -> str:
    """A file name as one safe line: the project's sanitiser (`govread.sanitize`)."""
    return sanitize_path(text)


def duplicate_key(report: Report) -> str | None:
    """What reports are told apart by: the hash of the body text (None: an empty body,
    which is no one's copy)."""
    if not report.sections and not report.preamble:
        return None
    return report.text_sha256()


class FirstSeen(Generic[T]):
    """The first of each duplicate key seen, by what any caller keeps of it (a report, or a
    path when only the key was kept)."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, str | None, T]] = {}

    def original(self, key: str | None, sha256: str, path: str | None, value: T) -> T | None:
        """The earlier one with this key, or None (and this one is remembered). The same
        bytes at the same path named twice are not a copy of themselves."""
        if key is None:
            return None
        first = self._first.get(key)
        if first is None:
            self._first[key] = (sha256, path, value)
            return None
        return first[2] if first[0] != sha256 or first[1] != path else None


class DuplicateFinder:
    """Remembers the reports seen so far; tells which earlier one a new report repeats."""

    def __init__(self) -> None:
        self._seen = FirstSeen[Report]()

    def original_of(self, report: Report) -> Report | None:
        """The earlier report with the same body text, or None (and `report` is remembered)."""
        return self._seen.original(duplicate_key(report), report.sha256, report.path, report)

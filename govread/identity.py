"""One report, one entry: reports with the same body text, whatever their files' bytes.

A page saved twice (another 浏览次数, another file name, its line breaks lost) is the same
report: `Report.text_sha256()` (its body without title and page chrome, whitespace
folded) is the same, while `Report.sha256` (the file's bytes) is not. Shared by the CLI
and the TUI; no Textual here.
"""

from __future__ import annotations

from govread.parsers.model import Report
from govread.sanitize import sanitize_path


def sanitize(text: str) -> str:
    """A file name as one safe line: the project's sanitiser (`govread.sanitize`)."""
    return sanitize_path(text)


class DuplicateFinder:
    """Remembers the reports seen so far; tells which earlier one a new report repeats."""

    def __init__(self) -> None:
        self._first: dict[str, Report] = {}

    def original_of(self, report: Report) -> Report | None:
        """The earlier report with the same body text, or None (and `report` is remembered)."""
        if not report.sections and not report.preamble:
            return None  # nothing to compare: an empty body is no one's copy
        key = report.text_sha256()
        first = self._first.get(key)
        if first is None:
            self._first[key] = report
            return None
        return first if first.sha256 != report.sha256 or first.path != report.path else None


def duplicate_reason(original: Report) -> str:
    """The line that says why a report is shown once."""
    return f"is the same report as {sanitize(original.path or original.display_title)} (shown once)"

"""Opening one report file: the report, or the problem that kept it from opening.

The one place a file becomes a `Report` or a `Problem`, for the loader's threads and
process pool alike (`govread.loading`), and so for the CLI and the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govread.i18n import _
from govread.parsers.model import Report
from govread.sanitize import sanitize_line, sanitize_path


@dataclass(slots=True)
class Problem:
    """A file that was not opened, and why (one line for a person)."""

    path: str
    reason: str
    explicit: bool  # named by the user, rather than found in a folder

    def __str__(self) -> str:
        # For display: a file name or a library's error text may hold escape sequences.
        # A fixed reason (N_ where it is made, perhaps in another process) is shown in the
        # interface language; one that names a library's error stays as it is.
        return f"{sanitize_path(self.path)}: {sanitize_line(_(self.reason))}"


def open_report(path: Path, *, explicit: bool) -> Report | Problem:
    """Read and parse one file; a file found in a folder must also look like a report."""
    # imported here: a load served by the cache (and the browser's first paint) reads no file
    from govread.parsers.readers import ReportError, looks_like_report, read_report

    try:
        report = read_report(path)
        if not explicit and (reason := looks_like_report(report)):
            return Problem(str(path), reason, explicit)
        return report
    except ReportError as error:
        return Problem(error.path, error.reason, explicit)
    except Exception as error:  # a bug must not cost the user the other files
        return Problem(
            str(path), f"could not be parsed ({type(error).__name__}: {error})", explicit
        )

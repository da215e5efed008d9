"""Opening one report file: the report, or the problem that kept it from opening.

The one place a file becomes a `Report` or a `Problem`, for the loader's threads and
process pool alike (`govread.loading`), and so for the CLI and the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govread.i18n import shown
from govread.parsers.model import Report
from govread.sanitize import sanitize_line, sanitize_path

if TYPE_CHECKING:
    from govread.parsers.readers import ReportError


@dataclass(slots=True)
class Problem:
    """A file that was not opened, and why (one line for a person)."""

    path: str
    reason: str
    explicit: bool  # named by the user, rather than found in a folder
    # A reason made from a message id and fields (a `ReportError`): the id, and the fields
    # (a text field may be a message id too: `a pipe`, `a PNG image`).
    template: str | None = None
    fields: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, error: ReportError, explicit: bool) -> Problem:
        return cls(error.path, error.reason, explicit, error.template, error.fields)

    def shown_reason(self) -> str:
        """The reason in the interface language (not yet sanitised): a fixed reason (N_
        where it is made, perhaps in another process) translated, its fields filled in; a
        library's own words as they are."""
        return shown(self.template or self.reason, self.fields)

    def __str__(self) -> str:
        # For display: a file name or a library's error text may hold escape sequences.
        return f"{sanitize_path(self.path)}: {sanitize_line(self.shown_reason())}"


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
        return Problem.of(error, explicit)
    except Exception as error:  # a bug must not cost the user the other files
        return Problem(
            str(path), f"could not be parsed ({type(error).__name__}: {error})", explicit
        )

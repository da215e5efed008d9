"""Opening one report file: the report, or the problem that kept it from opening.

The one place a file becomes a `Report` or a `Problem`, for the loader's threads and
process pool alike (`govread.loading`), and so for the CLI and the TUI.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from govread.i18n import N_, shown
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

    def brief(self, opened: Iterable[str | os.PathLike[str]]) -> str:
        """`str(self)` for a line with little room (a notification): the file, and a file
        its reason names (`PATH_FIELDS`), as the user knows them (`recognisable_path`
        under the paths `opened`); sanitised."""
        fields = {
            key: recognisable_path(value, opened)
            if key in PATH_FIELDS and isinstance(value, str)
            else value
            for key, value in self.fields.items()
        }
        reason = shown(self.template, fields) if self.template else self.shown_reason()
        return f"{sanitize_path(recognisable_path(self.path, opened))}: {sanitize_line(reason)}"


# The fields of a reason that hold a file's path (shortened by `Problem.brief`).
PATH_FIELDS = frozenset({"original"})
_DUPLICATE = N_("is the same report as {original} (shown once)")


def duplicate_problem(path: str, original: Report | str) -> Problem:
    """A report not shown because an earlier one, `original` (or the file it is in), has
    the same body text."""
    name = original if isinstance(original, str) else original.path or original.display_title
    return Problem(path, _DUPLICATE.format(original=name), False, _DUPLICATE, {"original": name})


def recognisable_path(path: str, opened: Iterable[str | os.PathLike[str]]) -> str:
    """`path` as the user can tell it at a glance: its path under the folder it was found
    in, when that is one of the paths `opened` (the innermost: ``2023/report.txt`` for
    ``/data/reports/2023/report.txt`` found in ``/data/reports``), else its file name.
    Not sanitised."""
    file = PurePath(path)
    best: PurePath | None = None
    for folder in opened:
        for written in {os.fspath(folder), os.path.abspath(folder)}:  # a store's are absolute
            try:
                relative = file.relative_to(PurePath(written))
            except ValueError:
                continue
            if relative.parts and (best is None or len(relative.parts) < len(best.parts)):
                best = relative
    return str(best) if best is not None else (file.name or path)


def open_report(path: Path, *, explicit: bool) -> Report | Problem:
    """Read and parse one file; a file found in a folder must also look like a report."""
    # imported here: a load served by the cache (and the browser's first paint) reads no file
    from govread.parsers.readers import (
        ReportError,
        looks_like_report,
        read_report,
        refused_by_name,
    )

    if (reason := refused_by_name(path)) and os.path.exists(path):  # named or in a folder alike
        return Problem(str(path), reason, explicit)
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

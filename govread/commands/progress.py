"""A progress bar for long work on the command line: redrawn in place on a terminal, a
plain line every tenth otherwise (`govread index`), or nothing at all until the work has
taken a while and only on a terminal (`terminal_progress`: a search or a table of many
files read the first time)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from govread.i18n import N_, _

BAR_WIDTH = 30
# Seconds a command reads files before its progress is drawn on the terminal: a quick one
# leaves no bars behind, a long one is not silent
DELAY = 1.0
# The stages of long work shown on stderr (message ids, shown translated): the store's
# while it indexes, a search's of files while it reads and segments them.
STAGE_NAMES = {
    "indexing": N_("indexing"),
    "compacting": N_("compacting"),
    "reading": N_("reading"),
    "segmenting": N_("segmenting"),
}


class ProgressLine:
    """A bar redrawn in place on a terminal; a plain line every tenth otherwise. With a
    `delay`, nothing is drawn until the work has taken that many seconds (a quick search
    leaves no bars behind; a long one is not silent)."""

    def __init__(self, stream: TextIO, *, delay: float = 0.0) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._shown: tuple[str, int] | None = None
        self._open = False  # a bar drawn on a terminal and its line not ended
        self._from = time.monotonic() + delay  # when drawing may start

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0 or time.monotonic() < self._from:
            return
        stage = _(STAGE_NAMES.get(stage, stage))
        if self.tty:
            from rich.cells import cell_len

            head, counts = f"{stage:<10} ", f" {done}/{total}"
            # a line as wide as the terminal or wider wraps, and "\r" redraws only its end
            width = min(BAR_WIDTH, self._columns() - 1 - cell_len(head) - len(counts))
            width = max(width, 0)
            filled = width * done // total
            bar = "█" * filled + "·" * (width - filled)
            self.stream.write(f"\r{head}{bar}{counts}")
            self._open = done != total
            if not self._open:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = 10 * done // total
        if self._shown != (stage, tenth) and (tenth != 0 or done <= 1):
            self._shown = (stage, tenth)
            line = _("{stage}: {done}/{total}").format(stage=stage, done=done, total=total)
            self.stream.write(line + "\n")
            self.stream.flush()

    def _columns(self) -> int:
        """The terminal's width (COLUMNS first, as Rich reads it), 80 when it is unknown."""
        try:
            if (columns := int(os.environ["COLUMNS"])) > 0:
                return columns
        except (KeyError, ValueError):
            pass
        try:
            return os.get_terminal_size(self.stream.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            return 80

    def end(self) -> None:
        """End the line of a bar left part-drawn (before an error or an interruption)."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False


def is_terminal(stream: object) -> bool:
    """Whether `stream` is a terminal (False for none, a pipe, a file or a closed stream)."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def terminal_progress(delay: float | None = None) -> ProgressLine | None:
    """A bar on stderr once the work has taken `delay` seconds (`DELAY`), when stderr is a
    terminal; None otherwise (a pipe or a file gets no bars)."""
    if not is_terminal(sys.stderr):
        return None
    return ProgressLine(sys.stderr, delay=DELAY if delay is None else delay)

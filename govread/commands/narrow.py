"""Tables of one column per report (or year) on a terminal too narrow for their columns.

`govread compare` and the timeline (`compare --region`) draw a column per report or year;
Rich, asked to fit ten columns in thirty cells, draws them blank or all "…". Below a few
cells a column, each row is written as a block instead: its first cell, then every other
cell under its column's header.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence

from rich import console as rich_console
from rich.padding import Padding
from rich.text import Text

from govread.linebreak import kinsoku

# The fewest cells a column of the text table is given (its padding apart): below it, on a
# terminal too narrow for the columns, each row is written as a block instead.
COLUMN_MIN = 10


# The narrowest text written: a Chinese character is two cells, and the blocks indent by two.
NARROWEST = 10
# The widest: the tables fill the width, and COLUMNS=99999999 had every line of compare's
# padded to a hundred million cells (gigabytes, for minutes). No terminal is wider.
WIDEST = 1000


class Console(rich_console.Console):
    """Rich's console for the commands' text: standard output closed under it (`| head`)
    ends the command as every other format's does (exit 0, nothing on stderr), where Rich
    exits with status 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more is written
        raise BrokenPipeError(errno.EPIPE, "standard output was closed")


def terminal_console() -> Console:
    """A console at the terminal's width (COLUMNS, else the terminal's, NO_COLOR and TERM
    honoured), never narrower than `NARROWEST` nor wider than `WIDEST`: at COLUMNS=0 Rich wrote nothing at all, at 1
    no Chinese character. A width of 0 is the unknown one: Rich's default."""
    console = Console(highlight=False)
    if console.width <= 0:
        return Console(highlight=False, width=80)
    if console.width < NARROWEST:
        return Console(highlight=False, width=NARROWEST)
    if console.width > WIDEST:
        return Console(highlight=False, width=WIDEST)
    return console


def fits(console: Console, columns: int) -> bool:
    """Whether `columns` columns of the text table each get `COLUMN_MIN` cells or more."""
    return console.width >= columns * (COLUMN_MIN + 2)


def print_stacked(
    console: Console, headers: Sequence[Text], rows: Sequence[Sequence[Text]]
) -> None:
    """A table too wide for the terminal, one block per row: its first cell (the topic, the
    indicator), then every other cell under its column's header, indented."""
    for index, row in enumerate(rows):
        if index:
            console.print()
        # in a Padding: `console.print` joins bare texts into a plain `Text`, wrapped as Rich wraps
        console.print(Padding(kinsoku(row[0]), 0, expand=False))
        for header, cell in zip(headers[1:], row[1:], strict=True):
            console.print(Text.assemble(header.copy(), style="bold"))
            console.print(Padding(kinsoku(cell), (0, 0, 0, 2), expand=False))

"""Where a line of Chinese (or mixed) text breaks to fit a width in terminal cells, by the
rules of Chinese typesetting (行首行尾禁则, kinsoku):

- a closing mark (、，。；：！？）》」』” …) never starts a line: the character before it goes
  down with it, so the mark stays at the end of the line it closes;
- an opening mark (（《「『“ …) never ends a line: it goes down with what it opens;
- a number or a Latin word (``2023``, ``12.5%``, ``GB/T``) is not cut in two, unless
  only that keeps a closing mark off the start of a line (a long path before "）。");
- a space may hang past the edge (the line is trimmed there), and a line starts after it;
  a word after a space that fits on a line goes down whole, as Rich wraps, unless that
  leaves the line less than half full.

Rich wraps at spaces and folds a run without any, cell by cell, so a pane of Chinese could
show a line opening with "，". `break_offsets` answers what `rich._wrap.divide_line`
answers (the offsets to cut a line at) with these rules. It is bounded: a break moves back
at most `MAX_BACKOFF` characters, and never below half the line; where no allowed break is
found that close, the line is cut at the width, as before. One pass, linear in the text.
`KinsokuText` is a `rich.text.Text` wrapped this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import get_character_cell_size
from rich.containers import Lines
from rich.table import Table
from rich.text import DEFAULT_JUSTIFY, DEFAULT_OVERFLOW, Text

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, OverflowMethod, RenderableType
    from rich.style import StyleType


# Marks that close what comes before them: never at the start of a line.
CLOSING = frozenset("、，。；：！？）》」』”’】〕〉｝］〗…‰％%,.;:!?)]}·•")
# Marks that open what comes after them: never at the end of a line.
OPENING = frozenset("（《「『“‘【〔〈｛［〖([{")
# Characters of a number or a Latin word, which stays whole.
_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Inside a number (12.5, 1,000, 95%) or a word (GB/T, e-mail) between two of its characters.
_JOINERS = frozenset(".,%/-_'")
# A break moves back at most this many characters from the width (a Latin word longer than
# this, or a longer run of marks, is cut at the width).
MAX_BACKOFF = 16


def _glued(before: str, after: str) -> bool:
    """No break between `before` and `after`: inside a number or a Latin word."""
    return ((before in _WORD or before in _JOINERS) and after in _WORD) or (
        before in _WORD and after in _JOINERS
    )


def can_break(text: str, offset: int, words: bool = True) -> bool:
    """A line may end before ``text[offset]`` (0 < offset < len(text)); with `words` False,
    even inside a number or a Latin word (the rule given up first)."""
    before, after = text[offset - 1], text[offset]
    if after.isspace():
        return False  # the space hangs at the end of the line before
    if before.isspace():
        return after not in CLOSING
    if after in CLOSING or before in OPENING:
        return False
    return not (words and _glued(before, after))


def _fits(text: str, start: int, width: int) -> bool:
    """The word at `start` (up to the next space) fits in `width` cells (looks at most
    `width` characters ahead)."""
    cells = 0
    for character in text[start : start + width + 1]:
        if character.isspace():
            return True
        cells += get_character_cell_size(character)
        if cells > width:
            return False
    return True


def _nearest_break(text: str, index: int, lowest: int) -> int:
    """The break nearest before `index`, not below `lowest`: one the rules allow; else one
    inside a number or a word (a path or a URL longer than the back-off, before "）。");
    else `index` itself (a run of marks longer than the back-off)."""
    for words in (True, False):
        for cut in range(index, lowest - 1, -1):
            if can_break(text, cut, words):
                return cut
    return index


def break_offsets(text: str, width: int) -> list[int]:
    """The offsets at which to cut `text` (one line, no newline) into lines of at most
    `width` cells (spaces at a line's end excepted), breaking where `can_break` allows."""
    width = max(width, 2)  # a wide character needs two cells
    cell = get_character_cell_size
    offsets: list[int] = []
    start = 0  # where the current line starts
    cells = 0  # the cells its characters fill so far
    word = 0  # where the current word starts (after the last space)
    index = 0
    length = len(text)
    while index < length:
        character = text[index]
        size = cell(character)
        if character.isspace():
            word = index + 1
        if cells + size <= width or index == start or character.isspace():
            cells += size
            index += 1
            continue
        # The line is full before `index`. A word after a space that fits on a line of its
        # own goes down whole, as Rich wraps ("文种 法治政府建设报告"), if the line keeps
        # half its characters; else the line ends at the nearest place the rules allow.
        half = start + (index - start + 1) // 2
        if start < word and half <= word <= index and can_break(text, word):
            fits = _fits(text, word, width)
        else:
            fits = False
        if fits:
            cut = word
        else:
            cut = _nearest_break(text, index, max(start + 1, index - MAX_BACKOFF, half))
        offsets.append(cut)
        start = cut
        cells = sum(cell(c) for c in text[cut:index])
    return offsets


class KinsokuText(Text):
    """A `rich.text.Text` that wraps by `break_offsets` where Rich wraps by `divide_line`:
    in a pane, table cell, column or a Textual `Static`, its lines never start with a
    closing mark."""

    @classmethod
    def of(cls, text: Text) -> KinsokuText:
        """`text`'s characters, styles and settings, wrapped by these rules."""
        return cls(
            text.plain,
            style=text.style,
            justify=text.justify,
            overflow=text.overflow,
            no_wrap=text.no_wrap,
            end=text.end,
            tab_size=text.tab_size,
            spans=list(text.spans),
        )

    def visualize(self) -> KinsokuText:
        """Textual's hook (`textual.visual.visualize`): shown by Rich, so wrapped by
        `wrap`, where a plain `Text` becomes Textual's `Content`, wrapped as Rich wraps."""
        return self

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        """Rich's `Text.wrap`, each line cut at `break_offsets`."""
        wrap_justify = justify or self.justify or DEFAULT_JUSTIFY
        wrap_overflow = overflow or self.overflow or DEFAULT_OVERFLOW
        unwrapped = (no_wrap if no_wrap is not None else bool(self.no_wrap)) or (
            overflow == "ignore"
        )
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            if unwrapped:
                if overflow == "ignore":
                    lines.append(line)
                    continue
                new_lines = Lines([line])
            else:
                new_lines = line.divide(break_offsets(line.plain, width))
                for part in new_lines:
                    part.rstrip_end(width)
            if wrap_justify:
                new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for part in new_lines:
                part.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines


def kinsoku(renderable: RenderableType) -> RenderableType:
    """A `Text` as a `KinsokuText` (the same characters and styles); anything else as is."""
    if isinstance(renderable, Text) and not isinstance(renderable, KinsokuText):
        return KinsokuText.of(renderable)
    return renderable


class KinsokuTable(Table):
    """A `rich.table.Table` whose text cells wrap by these rules (`KinsokuText`): the
    command line's tables of report text never start a line with "，" or "、"."""

    def add_row(
        self,
        *renderables: RenderableType | None,
        style: StyleType | None = None,
        end_section: bool = False,
    ) -> None:
        super().add_row(
            *(None if cell is None else kinsoku(cell) for cell in renderables),
            style=style,
            end_section=end_section,
        )

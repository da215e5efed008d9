"""`SafeInput`, `SafeTextArea`: text boxes that never hand the terminal a raw control character.

Textual's `Input` draws its text as it is: an escape sequence pasted into the filter, or a
folder name holding one in the path the export dialog offers, reached the terminal raw. Every
text box of the browser is a `SafeInput` (a test checks), which keeps such characters as the
visible escapes of the project's one sanitiser (`govread.sanitize.sanitize_line`: ``\\x1b``,
``\\u202e``), as every other text reaches the screen.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from govread.parsers.layout import cjk_boundary, mostly_chinese
from govread.sanitize import sanitize, sanitize_line


def pasted_line(text: str) -> str:
    """A paste of several lines as the one line a text box holds: its lines stripped, the
    empty ones dropped, joined as the parsers join a wrapped paragraph (a Chinese text's
    with nothing; else a space between two Latin words, nothing next to Chinese or a
    digit)."""
    lines = text.splitlines()
    if lines == [text]:
        return text  # one line: kept as it is
    lines = [line.strip() for line in lines if line.strip()]
    if mostly_chinese(lines):
        return "".join(lines)
    parts = lines[:1]
    for line in lines[1:]:
        parts += [line] if cjk_boundary(parts[-1], line) else [" ", line]
    return "".join(parts)


class SafeInput(Input):
    """An `Input` whose value holds no control, bidi or other unsafe character: what is
    typed, pasted, accepted from a suggestion or set is kept with them escaped. A caller
    that offers a value needing them (a real path) keeps the real one aside and maps the
    escaped form back (`ExportDialog`)."""

    def validate_value(self, value: str) -> str:
        return sanitize_line(value)

    def replace(self, text: str, start: int, end: int) -> None:
        # escaped before it goes in, so the cursor lands after what is shown
        super().replace(sanitize_line(text), start, end)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual's `Input` keeps a paste's first line only: a paragraph copied from a PDF
        # lost all but its first line, and one copied with the line break before it went
        # in as nothing. Its lines are joined instead.
        line = pasted_line(event.text)
        if line:
            if self.selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *self.selection)
        event.stop()
        event.prevent_default()  # not Textual's as well


class SafeTextArea(TextArea):
    """A `TextArea` (the note box) that keeps what is typed, pasted or loaded with its
    control, bidi and other unsafe characters escaped, newlines and tabs kept: Textual's
    `TextArea` draws them raw, as `Input` does."""

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(sanitize(text), **options)

    def load_text(self, text: str) -> None:
        super().load_text(sanitize(text))

    def edit(self, edit: Edit) -> EditResult:
        # every change made to the document (keys, paste, insert, replace) is an Edit; undo
        # and redo replay edits made here, so they hold only what was escaped
        # a terminal sends a pasted line break as CR (tmux, xterm): a line break, not a character
        text = edit.text.replace("\r\n", "\n").replace("\r", "\n")
        edit.text = sanitize(text)
        return super().edit(edit)

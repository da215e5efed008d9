"""`SafeInput`, `SafeTextArea`: text boxes that never hand the terminal a raw control character.

Textual's `Input` draws its text as it is: an escape sequence pasted into the filter, or a
folder name holding one in the path the export dialog offers, reached the terminal raw. Every
text box of the browser is a `SafeInput` (a test checks), which keeps such characters as the
visible escapes of the project's one sanitiser (`govread.sanitize.sanitize_line`: ``\\x1b``,
``\\u202e``), as every other text reaches the screen.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from govread.sanitize import sanitize, sanitize_line


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
        edit.text = sanitize(edit.text)
        return super().edit(edit)

"""`SafeInput`: a text box that never hands the terminal a raw control character.

Textual's `Input` draws its text as it is: an escape sequence pasted into the filter, or a
folder name holding one in the path the export dialog offers, reached the terminal raw. Every
text box of the browser is a `SafeInput` (a test checks), which keeps such characters as the
visible escapes of the project's one sanitiser (`govread.sanitize.sanitize_line`: ``\\x1b``,
``\\u202e``), as every other text reaches the screen.
"""

from __future__ import annotations

from textual.widgets import Input

from govread.sanitize import sanitize_line


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

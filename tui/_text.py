"""Until the project's one sanitiser lands, the browser's notes route through this one.

`sanitize` removes what could drive the terminal or reorder what is shown: C0 and C1
control characters (newline and tab kept), bidi overrides and isolates, zero-width
characters. Tags and notes come from marks.json, which anyone could have edited.
"""

from __future__ import annotations

_DROPPED = {
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0xFEFF,
}
_TABLE = dict.fromkeys(_DROPPED)


def sanitize(text: str) -> str:
    """`text` without control, bidi and zero-width characters (newline and tab kept)."""
    return text.translate(_TABLE)

"""Text cut to a length, visibly: one way for every surface that shortens a heading, a
sentence or a quote to fit (a table cell, a line, an outline label). Plain strings, no
Rich, so that the domain modules and the index's workers can use it."""

from __future__ import annotations


def clipped(text: str, limit: int) -> str:
    """`text`, or its first characters and "…" when it holds more than `limit`: a cut that
    shows it is one (a heading in a table cell, a plan quoted on one line)."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"

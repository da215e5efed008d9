"""A compare cell shows a unit's figures highlighted, its heading's as its text's."""

from __future__ import annotations

from rich.style import Style

from govread.compare import Unit
from govread.tui.compare.column import unit_text

FIGURE = Style(color="red")
PAIRED = Style(color="blue")


def style(name: str) -> Style:
    return {"compare--figure": FIGURE, "compare--figure-paired": PAIRED}.get(name, Style())


def test_a_heading_shows_its_figures_as_the_text_does() -> None:
    unit = Unit(
        "s", "abc/1", "section", "(二)", "复议案件办结率达98%", "全年收到申请41件。", "other"
    )
    text = unit_text(unit, False, style, matched={"41件"})
    shown = [
        (text.plain[s.start : s.end], s.style) for s in text.spans if s.style in (FIGURE, PAIRED)
    ]
    assert shown == [("98%", FIGURE), ("41件", PAIRED)]

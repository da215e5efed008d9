"""A vertical scroll whose keys each scroll a line, however fast they come.

Textual's `action_scroll_down` / `action_scroll_up` defer the scroll until the next refresh
and start it from the position then known, so the keys of a burst (``j`` or ``↓`` held down,
or typed faster than a frame) all started from the same line: thirty ``j`` scrolled one or
two lines. Here each key scrolls at once, from where the one before it left the view.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.containers import VerticalScroll


class KeyScroll(VerticalScroll):
    """`VerticalScroll` whose line keys are never lost in a burst."""

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_down(immediate=True)

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_up(immediate=True)

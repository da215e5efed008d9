"""Back to the browser, its cursor on a node: what `enter` does on the screens that show
reports' units and figures away from the outline (compare, corpus tables, timeline)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from govread.i18n import _


def back_to_node(screen: Screen[Any], node_id: str) -> None:
    """Close ``screen`` and put the browser's cursor on ``node_id`` (a preamble or closing:
    on its line in a filtered outline, else on its report: `OutlineTree.go_to`); say so when
    the outline does not hold it."""
    app = screen.app
    browser = app.browser  # type: ignore[attr-defined]
    screen.dismiss(None)
    if browser.outline.go_to(node_id):
        browser.outline.focus()
    else:
        app.notify(_("That report is not in the outline"), severity="warning")

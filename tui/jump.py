"""Back to the browser, its cursor on a node: what `enter` does on the screens that show
reports' units and figures away from the outline (compare, corpus tables, timeline)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from govread.i18n import _


def back_to_node(screen: Screen[Any], node_id: str) -> None:
    """Close ``screen`` and put the browser's cursor on ``node_id`` (a preamble or closing:
    on its line in a filtered outline, else on its report: `OutlineTree.go_to`); say so when
    the outline does not hold it. A node the filter left out of the outline is shown by
    clearing the filter, as escape does (the cursor stayed where it was, and the reader was
    told its report, on screen, was not in the outline)."""
    app = screen.app
    browser = app.browser  # type: ignore[attr-defined]
    screen.dismiss(None)
    found = browser.outline.go_to(node_id)
    if not found and browser.filter_on:  # (`filtering` would make a filter never used)
        browser.filtering.clear()
        found = browser.outline.go_to(node_id)
        if found:
            app.notify(_("The filter hid it: cleared"), timeout=3)
    if found:
        browser.outline.focus()
    else:
        app.notify(_("That report is not in the outline"), severity="warning")

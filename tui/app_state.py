"""What screens and widgets read of the app, typed, without importing the app (no cycle).

`GovreadApp` owns the state; `app_state(widget)` gives it to any widget or screen of the
app as a `GovreadState`, so that each reads the one `Library`, `MarkSet` and search index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from govread.citation import CitationStyle
    from govread.library import Library
    from govread.marks import MarkSet
    from govread.store_filter import FilterIndex


class GovreadState(Protocol):
    """The app's state and the ways to change it."""

    @property
    def library(self) -> Library: ...
    @property
    def marks(self) -> MarkSet: ...
    @property
    def search_index(self) -> FilterIndex | None: ...
    @property
    def word_search_ready(self) -> bool: ...
    @property
    def citation_style(self) -> CitationStyle: ...

    def toggle_mark(self, node_id: str) -> bool: ...
    def marks_changed(self, node_ids: frozenset[str]) -> None: ...


def app_state(node: DOMNode) -> GovreadState:
    """The state of the app `node` runs in (a `GovreadApp`)."""
    return cast("GovreadState", node.app)

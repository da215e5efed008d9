"""The filter's one source of truth: the query, what it found, and its hits in order.

`FilterState` is plain data (no Textual): the browser's filter controller changes it when
the filter bar's messages arrive, and the outline, the detail pane and the status line read
it. The filter is *active* exactly when a non-blank query has an answer from the index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from govread.search import FilterResult, Span
    from govread.store_filter import FilterIndex


class FilterState:
    """The query, the index's answer to it, and the outline nodes of its hits."""

    def __init__(self) -> None:
        self.query = ""
        self.result: FilterResult | None = None

    @property
    def hits(self) -> Sequence[str]:
        """The outline nodes holding the hits, in document order: the index's hits (what the
        filter bar counts, `H` lists and the CLI prints), each a line of the filtered outline,
        a preamble or closing too (`Outside`); found as far as they are read (a keystroke
        needs the first: the cursor goes there); none while the filter is off."""
        return self.result.hits if self.result is not None else ()

    @property
    def active(self) -> bool:
        """A query is on: the outline is narrowed to its matches (or says "no match")."""
        return self.result is not None

    def set_query(
        self,
        query: str,
        index: FilterIndex | None,
        tagged: Callable[[str], Collection[str]] | None = None,
    ) -> FilterResult | None:
        """Answer `query` from `index` (substring tests only: fast); None when it is blank
        or there is no index yet, which turns the filter off. `tagged(tag)` gives the node
        ids carrying a tag, for the query's ``tag:`` terms (the marks know them)."""
        self.query = query
        if not query.strip() or index is None:
            self.clear(query)
            return None
        self.result = index.filter(query, tagged=tagged)
        return self.result

    def accept(self, query: str, result: FilterResult | None) -> None:
        """Take an answer to `query` found elsewhere (a worker asked a store index)."""
        if result is None:
            self.clear(query)
            return
        self.query, self.result = query, result

    def clear(self, query: str = "") -> None:
        self.query, self.result = query, None

    def step_from(self, node_id: str | None, direction: int) -> str | None:
        """The hit after (1) or before (-1) the hit `node_id`, wrapping around; None when
        `node_id` is not a hit (the caller then looks by position)."""
        hits = self.hits
        if not hits or node_id not in hits:
            return None
        at = hits.index(node_id)
        if direction > 0 and hits[at + 1 : at + 2]:  # the next, without counting them all
            return hits[at + 1]
        if direction < 0 and at > 0:
            return hits[at - 1]
        return hits[(at + direction) % len(hits)]

    def spans(self, text: str) -> list[Span]:
        """Where the matches are in `text` (nothing when the filter is off)."""
        return self.result.spans(text) if self.result is not None else []

    def heading_spans(self, unit_id: str, heading: str) -> list[Span]:
        """Where the matches are in a section's or item's heading."""
        return self.result.heading_spans(unit_id, heading) if self.result is not None else []

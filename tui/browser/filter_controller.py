"""The browser's filter: the bar, the narrowed outline, highlights, n / N and the hits list.

`BrowserFilter` is owned by the `BrowserScreen`, which forwards it the filter bar's messages
and its own filter actions. It asks the app's `SearchIndex` (``app.search_index``) for a
`FilterResult` on every settled keystroke (substring tests only: fast, no jieba), narrows
the outline through `OutlineFilter`, highlights the detail pane, and keeps the status line
(hit counts, "no match", word search progress) up to date. Ranked hits for the `H` list are
computed in a thread worker, since ranking may load jieba and segment reports.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.worker import Worker, get_current_worker

from govread.tui.browser.filter_bar import FilterBar
from govread.tui.browser.hits_list import HitsList
from govread.tui.browser.outline_narrowing import OutlineFilter, outline_key

if TYPE_CHECKING:
    from govread.search import FilterResult, Hit, SearchIndex
    from govread.tui.browser.screen import BrowserScreen

HITS_LIMIT = 200


class BrowserFilter:
    """The filter's state on one browser screen."""

    def __init__(self, screen: BrowserScreen) -> None:
        self.screen = screen
        screen.query_one("#panes").mount(HitsList(id="hits"), after=screen.outline)
        screen.mount(FilterBar(screen._search_index, id="filter-bar"), before="#load-progress")
        self.outline = OutlineFilter(screen.outline)
        self.query = ""
        self.result: FilterResult | None = None
        self.latencies: list[float] = []  # seconds per applied query (filter + outline)
        self._hits_worker: Worker[None] | None = None

    # -- what the screen and app give ----------------------------------------------------

    @property
    def index(self) -> SearchIndex | None:
        return getattr(self.screen.app, "search_index", None)

    @property
    def bar(self) -> FilterBar:
        return self.screen.query_one(FilterBar)

    @property
    def hits_list(self) -> HitsList:
        return self.screen.query_one(HitsList)

    @property
    def active(self) -> bool:
        """A query is on (the outline may be narrowed, or show "no match")."""
        return bool(self.query.strip()) and self.result is not None

    @property
    def has_hits(self) -> bool:
        return bool(self.outline.hits)

    def _reports(self) -> list:  # type: ignore[type-arg]
        return list(getattr(self.screen.app, "reports", []))

    # -- opening, typing, leaving ---------------------------------------------------------

    def open(self) -> None:
        bar = self.bar
        bar.add_class("-active")
        bar.input.focus()
        bar.input.cursor_position = len(bar.input.value)

    def set_query(self, query: str) -> None:
        """Filter the outline by `query` now (an empty query gives the outline back)."""
        self.query = query
        index = self.index
        if not query.strip() or index is None:
            self.result = None
            self.outline.clear(self._reports())
            self.screen.detail.highlight_matches(None)
            self.bar.show_found(Text())
            self._refresh_hits()
            return
        started = time.perf_counter()
        marks = getattr(self.screen.app, "marks", None)
        result = index.filter(query, tagged=marks.tagged if marks is not None else None)
        self.result = result
        if result.total:
            self.outline.apply(self._reports(), result)
        else:
            self.outline.show_unfiltered(self._reports())
            if not self.outline.active:  # nothing was narrowed yet: remember the outline now
                self.outline.saved = self.outline.save_state()
        from govread.search import highlight_spans

        parsed = result.query
        self.screen.detail.highlight_matches(lambda text: highlight_spans(text, parsed))
        self.latencies.append(time.perf_counter() - started)
        self.bar.show_found(self._found(result), no_match=not result.total)
        self._refresh_hits()
        self.screen.refresh_bindings()  # n / N / escape in the footer follow the filter

    def refilter(self) -> None:
        """Filter again (reports were added, or word search became ready)."""
        if self.query.strip():
            self.set_query(self.query)

    def clear(self) -> None:
        """Escape: no query, the outline as it was, the bar closed, focus on the outline."""
        bar = self.bar
        was_open = bar.has_class("-active")
        self.query = ""
        self.result = None
        with bar.input.prevent(bar.input.Changed):
            bar.input.value = ""
        self.outline.clear(self._reports())
        self.screen.detail.highlight_matches(None)
        bar.show_found(Text())
        bar.remove_class("-active")
        self.hits_list.remove_class("-open")
        if was_open or not self.screen.outline.has_focus:
            self.screen.outline.focus()
        self.screen.refresh_bindings()  # n / N are no longer offered

    def submitted(self) -> None:
        """Enter in the input: focus the outline, on the first hit."""
        if self.outline.hits:
            self.outline.go_to(self.outline.hits[0])
        self.screen.outline.focus()

    def step(self, direction: int) -> None:
        self.outline.step(direction)

    def go_to_unit(self, unit_id: str) -> None:
        """Move the outline's cursor to the node holding a search unit (a hit's node id)."""
        if self.outline.go_to(outline_key(unit_id)):
            self.screen.outline.focus()
        else:
            self.screen.notify("That hit is not in the outline", severity="warning")

    def _found(self, result: FilterResult) -> Text:
        if not result.total:
            found = Text("no match", style="bold")
            if result.words_pending:
                found.append(" yet (word search loading…)", style="dim")
            return found
        reports = len(result.report_counts)
        found = Text()
        found.append(f"{result.total}", style="bold")
        found.append(" hit" + ("s" if result.total != 1 else ""))
        found.append(f" in {reports} report" + ("s" if reports != 1 else ""))
        if result.word_ids:
            found.append(f" ({len(result.word_ids)} by words)", style="dim")
        if result.words_pending:
            found.append(" · more once word search is ready", style="dim")
        return found

    # -- word search (jieba) ---------------------------------------------------------------

    def words_progress(self, note: str) -> None:
        self.bar.show_words_status(note)

    def words_ready(self) -> None:
        self.bar.show_words_status("word search ready")
        if self.result is not None and self.result.words_pending:
            self.refilter()

    # -- ranked hits ----------------------------------------------------------------------

    def toggle_hits(self) -> None:
        hits = self.hits_list
        if hits.has_class("-open"):
            hits.remove_class("-open")
            self.screen.outline.focus()
            return
        hits.add_class("-open")
        hits.focus()
        self._refresh_hits()

    def _refresh_hits(self) -> None:
        hits = self.hits_list
        if not hits.has_class("-open"):
            return
        query = self.query
        if not query.strip():
            hits.show_note("Type / and a query: its ranked hits show here.")
            return
        hits.show_note("ranking…")
        self._hits_worker = self.screen.run_worker(
            lambda: self._rank(query),
            thread=True,
            exclusive=True,
            group="hits",
            name="rank hits",
        )

    def _rank(self, query: str) -> None:
        index = self.index
        if index is None:
            return
        found: list[Hit] = index.search(query, limit=HITS_LIMIT)
        if get_current_worker().is_cancelled:
            return
        self.screen.app.call_from_thread(self._show_hits, query, found)

    def _show_hits(self, query: str, found: list[Hit]) -> None:
        if query == self.query:
            self.hits_list.show_hits(query, found)

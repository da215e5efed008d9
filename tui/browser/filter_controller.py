"""The browser's filter: the bar, the narrowed outline, highlights, n / N and the hits list.

`BrowserFilter` is owned by the `BrowserScreen`, which forwards it the filter bar's messages
and its own filter actions. It owns the `FilterState` (the one copy of the query and its
result) and changes it on every settled keystroke, asking the app's index (in memory, a
`SearchIndex`, or a store) in a thread worker, an answer to a query typed over dropped by
its generation (substring tests only: no jieba); then it tells the views that read the state to show it: the
outline (through `OutlineNarrowing`), the detail pane's highlights, and the status line (hit
counts, "no match", word search progress). Ranked hits for the `H` list are computed in a
thread worker, since ranking may load jieba and segment reports.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from rich.text import Text
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from govread.i18n import _, _n
from govread.sanitize import sanitize_line
from govread.tui.app_state import app_state
from govread.tui.browser.filter_bar import FilterBar
from govread.tui.browser.filter_state import FilterState
from govread.tui.browser.heap import (
    collect,
    collect_if_held,
    freeze_long_lived,
    hold_collections,
)
from govread.tui.browser.hits_list import HitsList
from govread.tui.browser.outline_narrowing import OutlineNarrowing
from govread.tui.keymap import keys_in
from govread.tui.messages import FilterAnswered

if TYPE_CHECKING:
    from govread.search import FilterResult, Hit
    from govread.store_filter import FilterIndex, StoreIndex
    from govread.tui.browser.screen import BrowserScreen

HITS_LIMIT = 200


class BrowserFilter:
    """The filter's state on one browser screen."""

    # A big store's first reports' answer is shown this long after the keystroke, if the
    # whole answer has not come by then (it usually has: then one draw, with the counts)
    FIRST_SCREEN_BY = 0.04
    # Collections held for an answer's drawing come back after this long at most
    COLLECTIONS_HELD_AT_MOST = 1.0

    def __init__(self, screen: BrowserScreen) -> None:
        self.screen = screen
        screen.query_one("#panes").mount(HitsList(id="hits"), after=screen.outline)
        screen.mount(FilterBar(self._index, id="filter-bar"), after="#panes")
        self.state = FilterState()
        self.outline = OutlineNarrowing(screen.outline, self.state)
        screen.detail.filter_state = self.state
        # seconds per applied query, from the settled keystroke: to its whole answer shown
        # (filter, outline, counts), and to its outline shown (from a store, the first
        # reports' answer when it fills the screen; else the whole answer)
        self.latencies: list[float] = []
        self.visible_latencies: list[float] = []
        self.counting = False  # the outline shows the first reports' answer, counts to come
        self._generation = 0  # one per query asked: an answer for an older one is dropped
        self._hits_worker: Worker[None] | None = None
        self._offered: tuple[bool, bool] | None = None  # (active, has hits) in the footer
        self._first_screen: Timer | None = None  # shows a first reports' answer if late
        self._first_answer: FilterAnswered | None = None  # the answer it would show
        self._damage_said = False  # the store was found damaged: notified (once)

    # -- what the screen and app give ----------------------------------------------------

    def _index(self) -> FilterIndex | None:
        return app_state(self.screen).search_index

    @property
    def bar(self) -> FilterBar:
        return self.screen.query_one(FilterBar)

    @property
    def composed(self) -> bool:
        """Whether the bar has its box (it is mounted, then composes it, a frame or two on)."""
        return bool(self.bar.query("#filter-input"))

    @property
    def hits_list(self) -> HitsList:
        return self.screen.query_one(HitsList)

    @property
    def active(self) -> bool:
        """A query is on (the outline may be narrowed, or show "no match")."""
        return self.state.active

    @property
    def has_hits(self) -> bool:
        return bool(self.state.hits)

    # -- opening, typing, leaving ---------------------------------------------------------

    def open(self) -> None:
        bar = self.bar
        bar.add_class("-open")
        self._lift_toasts(True)
        # at once, not after the queued keys: those typed after `/` are the query's (typeahead.py)
        self.screen.set_focus(bar.input)
        bar.input.cursor_position = len(bar.input.value)

    def _lift_toasts(self, lifted: bool) -> None:
        """Toasts rise from the row above the footer, where the bar is while open: then from
        the row above the bar (screen.tcss), so that none hides the filter's count."""
        self.screen.set_class(lifted, "-filter-open")

    def set_query(self, query: str) -> None:
        """Filter the outline by `query` (an empty query gives the outline back): in a
        worker whose answer is shown unless a newer query came since (from files or a
        store: both indexes answer from a thread); now, for an index that cannot."""
        started = time.perf_counter()
        index = self._index()
        self._generation += 1
        self._drop_first_screen()
        self.counting = False
        if index is not None and query.strip() and getattr(index, "answers_in_worker", False):
            from govread.search import parse_query

            # the tags' nodes are read here, on the UI thread, which owns the marks
            parsed, marks = parse_query(query), app_state(self.screen).marks
            sets = {
                tag: frozenset(marks.tagged(tag)) for tag in (*parsed.tags, *parsed.excluded_tags)
            }

            def tagged(tag: str) -> Collection[str]:
                return sets.get(tag, frozenset())

            asked = (query, self._generation, started)
            rows = self.screen.outline.size.height
            self.screen.run_worker(
                lambda: self._answer(index, asked, tagged, rows),
                thread=True,
                exclusive=True,  # an older question is cancelled (its answer dropped)
                group="filter",
                name="filter answer",
            )
            return
        self._hold_collections()  # (the filter here, its answer shown and drawn)
        result = self.state.set_query(query, index, app_state(self.screen).marks.tagged)
        self._show(result, started)

    def read_ahead(self, query: str) -> None:
        """A key was typed (the query settles later): a worker finds the units its needles
        will need meanwhile (a store's postings, `StoreIndex.read_ahead`; the in-memory
        index's scans, `SearchIndex.read_ahead`), given up at the next key."""
        index = self._index()
        if index is None or not query.strip():
            return

        def read() -> None:
            worker = get_current_worker()
            index.read_ahead(query, cancelled=lambda: worker.is_cancelled)

        self.screen.run_worker(
            read, thread=True, exclusive=True, group="read-ahead", name="filter read-ahead"
        )

    def _answer(
        self,
        index: FilterIndex,
        asked: tuple[str, int, float],
        tagged: Callable[[str], Collection[str]],
        rows: int,
    ) -> None:
        """Answer a query in a worker. From a big store, the first reports' answer
        (`filter_head`, a few milliseconds) is sent first when it fills the outline's
        `rows` (the outline on screen is then final, its counts and hits the whole
        answer's for those reports), then the whole answer: the totals and the reports
        further on. The UI thread shows the first one only if the whole one is late
        (`answered`)."""
        from govread.store_filter import FilterCancelled, StoreIndex

        worker = get_current_worker()
        query, generation = asked[0], asked[1]

        def stale() -> bool:  # a newer keystroke: its own worker answers it
            return worker.is_cancelled or generation != self._generation

        def post(result: FilterResult, final: bool) -> None:
            # What showing it needs first, found here rather than on the UI thread: the
            # first hit (the cursor goes there; a store's hits are found as they are read).
            result.hits[:1]
            if not stale():
                self.screen.post_message(FilterAnswered(asked, result, final))

        try:
            if isinstance(index, StoreIndex):
                first = index.filter_head(query, tagged=tagged, cancelled=stale)
                if first is not None and len(first.report_counts) >= max(rows, 1):
                    post(first, final=False)
                result = index.filter(query, tagged=tagged, cancelled=stale)
            else:
                result = index.filter(query, tagged=tagged)
            if not stale():
                post(result, final=True)
        except FilterCancelled:
            return
        except Exception as error:
            if not isinstance(index, StoreIndex):
                raise
            self._say_damaged(index, error, query, generation)

    def _say_damaged(
        self, index: StoreIndex, error: Exception, query: str, generation: int
    ) -> None:
        """A store found damaged while a query read it: said, naming the file and what to
        do (never the error's words, which quote the damaged bytes); the query unanswered."""
        from govread.store import is_damaged, problem_with

        if not is_damaged(error):
            raise error
        said = sanitize_line(problem_with(index.reader.path, error))
        self.screen.app.call_from_thread(self._damaged, said, query, generation)

    def _damaged(self, said: str, query: str, generation: int) -> None:
        """The store is damaged (`said`): the status says it for the query asked, not "no
        match"; the notice comes once (every later keystroke would repeat it)."""
        if generation == self._generation:
            self._drop_first_screen()
            self.counting = False
            self.state.clear(query)  # no hits to step to, no highlights
            self.outline.clear()
            self.screen.detail.refresh_highlights()
            self.bar.show_found(Text(said), Text(_("the store is damaged")), no_match=True)
            self._offer_keys()
        if self._damage_said:
            return
        self._damage_said = True
        self.screen.app.notify(said, title=_("Store"), severity="error", markup=False, timeout=10)

    def answered(self, answer: FilterAnswered) -> None:
        """Show a worker's answer, unless a newer query was asked meanwhile. The first
        reports' answer waits until `FIRST_SCREEN_BY` seconds after the keystroke: the
        whole answer, if it comes by then, is drawn once, counts and all (drawing the
        first screen and then again with the counts costs the UI thread two redraws of
        the outline's lines, and the counts wait behind the first)."""
        generation, started = answer.asked[1:]
        if generation != self._generation:  # typed on meanwhile: a newer answer is coming
            return
        self._drop_first_screen()
        if not answer.final:
            wait = started + self.FIRST_SCREEN_BY - time.perf_counter()
            if wait > 0:
                self._first_answer = answer
                self._first_screen = self.screen.set_timer(
                    wait, lambda: self._first_screen_due(answer), name="filter first screen"
                )
                return
        self._accept(answer)

    def _accept(self, answer: FilterAnswered) -> None:
        query, _generation, started = answer.asked
        extending = answer.final and self.counting
        self.state.accept(query, answer.result)
        self.counting = not answer.final
        self._show(answer.result, started, extend=extending)

    def _first_screen_due(self, answer: FilterAnswered) -> None:
        """The whole answer is late: the first reports' one is shown (unless it was
        dropped meanwhile: the whole answer came, or a newer query)."""
        if answer is self._first_answer and answer.asked[1] == self._generation:
            self._first_screen = self._first_answer = None
            self._accept(answer)

    def _drop_first_screen(self) -> None:
        """Forget a first reports' answer waiting to be shown."""
        if self._first_screen is not None:
            self._first_screen.stop()
        self._first_screen = self._first_answer = None

    def _show(self, result: FilterResult | None, started: float, *, extend: bool = False) -> None:
        """Show an answer; `extend`: the whole answer to the query whose first reports'
        answer is shown (those stay as they are, cursor and all; the rest is counted)."""
        if result is None:
            self.outline.clear()
            self.screen.detail.refresh_highlights()
            self.bar.show_found(Text())
            self._refresh_hits()
            self._offer_keys()
            self.screen.outline.after_drawn(collect)  # the narrowed outline, once it is gone
            return
        if not self.counting:
            # the whole answer: no collection until it is drawn (`collect` then, below)
            self._hold_collections()
        if extend:
            self.outline.extend()
        elif result.total:
            self.outline.apply(counting=self.counting)
        else:
            self.outline.show_unfiltered()
        if not extend:
            # once the outline is drawn: the answer (the outline and its counts) is painted
            # first, the detail pane's highlights in the next frame
            self.screen.outline.after_drawn(self.screen.detail.refresh_highlights)
            self.visible_latencies.append(time.perf_counter() - started)
        if self.counting:
            self.bar.show_found(*self._counting())
        else:
            self.latencies.append(time.perf_counter() - started)
            self.bar.show_found(*self._found(result), no_match=not result.total)
            self._refresh_hits()  # (ranked once the whole answer is in)
            self.screen.outline.after_drawn(collect)  # once it is drawn, while it is read
        self._offer_keys()

    def _hold_collections(self) -> None:
        """No automatic garbage collection until the answer is drawn (`collect` once it is,
        `after_drawn`), nor longer than `COLLECTIONS_HELD_AT_MOST` seconds, were its drawing
        never to come."""
        hold_collections()
        self.screen.set_timer(
            self.COLLECTIONS_HELD_AT_MOST, collect_if_held, name="filter collections held"
        )

    def _offer_keys(self) -> None:
        """n / N / escape in the footer follow the filter: the footer is rebuilt when what
        it offers changes, not on every keystroke (a rebuild restyles every key in it)."""
        offered = (self.active, self.has_hits)
        if offered != self._offered:
            self._offered = offered
            self.screen.refresh_bindings()

    def refilter(self) -> None:
        """Filter again (reports were added, or word search became ready)."""
        if self.state.query.strip():
            self.set_query(self.state.query)

    def clear(self) -> None:
        """Escape: no query, the outline as it was, the bar closed, focus on the outline."""
        self._generation += 1  # an answer on its way is dropped
        self._drop_first_screen()
        self.counting = False
        bar = self.bar
        was_open = bar.has_class("-open")
        self.state.clear()
        with bar.input.prevent(bar.input.Changed):
            bar.input.value = ""
        self.outline.clear()
        self.screen.detail.refresh_highlights()
        bar.show_found(Text())
        bar.remove_class("-open")
        self._lift_toasts(False)
        self.hits_list.remove_class("-open")
        if was_open or not self.screen.outline.has_focus:
            self.screen.outline.focus()
        self._offered = None
        self.screen.refresh_bindings()  # n / N are no longer offered
        self.screen.outline.after_drawn(collect)  # the narrowed outline, once it is gone

    def submitted(self) -> None:
        """Enter in the input: focus the outline, on the first hit."""
        if self.state.hits:
            self.outline.go_to(self.state.hits[0])
        self.screen.outline.focus()

    def step(self, direction: int) -> None:
        self.outline.step(direction)

    def go_to_unit(self, unit_id: str) -> None:
        """Move the outline's cursor to the node holding a search unit (a hit's node id: a
        preamble's or closing's line while the filter is on, else its report)."""
        if self.outline.go_to(unit_id):
            self.screen.outline.focus()
        else:
            self.screen.notify(_("That hit is not in the outline"), severity="warning")

    @staticmethod
    def _counting() -> tuple[Text, ...]:
        """The status while the first reports' answer is shown and the rest is counted."""
        return (Text(_("counting hits…"), style="dim"),)

    def _found(self, result: FilterResult) -> tuple[Text, ...]:
        """What the filter found, fullest first, then shorter forms for a narrow status."""
        from govread.search import bad_field_reason

        # a field term no report can match (year:abc): why, in the fullest forms (the term
        # is what was typed or pasted: one safe line)
        why = sanitize_line("; ".join(bad_field_reason(term) for term in result.query.bad_fields))
        if not result.total:
            # The outline is left whole (the user keeps their place): say so.
            everything = _(" — showing everything")
            found = Text(_("no match"), style="bold")
            short = found.copy()
            if why:
                found.append(": ")
                found.append(why, style="italic")
                reason = found.copy()
                found.append(everything)
                short.append(everything)
                # narrower, the reason alone (the status is in the colour of no match)
                alone = Text(why, style="italic")
                return found, reason, alone, short, Text(_("no match"), style="bold")
            if result.words_pending:
                found.append(_(" yet (word search loading…)"), style="dim")
            found.append(everything)
            short.append(everything)
            return found, short, Text(_("no match"), style="bold")
        reports = len(result.report_counts)
        short = Text()
        short.append(f"{result.total}", style="bold")
        short.append(_n(" hit", " hits", result.total))
        shortest = short.copy()
        short.append(_n(" in {n} report", " in {n} reports", reports).format(n=reports))
        found = short.copy()
        if result.word_ids:
            found.append(_(" ({n} by words)").format(n=len(result.word_ids)), style="dim")
        if result.words_pending:
            found.append(_(" · more once word search is ready"), style="dim")
        if why:  # an excluded one (-year:abc) excludes nothing
            found.append(" · ")
            found.append(why, style="italic")
        return found, short, shortest

    # -- word search (jieba) ---------------------------------------------------------------

    def words_progress(self, note: str) -> None:
        self.bar.show_words_status(note)

    def words_ready(self) -> None:
        self.bar.show_words_status(_("word search ready"))
        freeze_long_lived()  # jieba's dictionary and the reports' words stay too
        if self.state.result is not None and self.state.result.words_pending:
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
        query = self.state.query
        if not query.strip():
            hits.show_note(
                keys_in(
                    self.screen, _("Type {browser.filter} and a query: its ranked hits show here.")
                )
            )
            return
        hits.show_note(_("ranking…"))
        self._hits_worker = self.screen.run_worker(
            lambda: self._rank(query),
            thread=True,
            exclusive=True,
            group="hits",
            name="rank hits",
        )

    def _rank(self, query: str) -> None:
        index = self._index()
        if index is None:
            return
        try:
            found: list[Hit] = index.search(query, limit=HITS_LIMIT)
        except Exception as error:
            from govread.store import is_damaged, problem_with
            from govread.store_filter import StoreIndex

            if not (isinstance(index, StoreIndex) and is_damaged(error)):
                raise
            # said in the list, not a crash of the browser (the filter's notice says it too)
            said = sanitize_line(problem_with(index.reader.path, error))
            self.screen.app.call_from_thread(self.hits_list.show_note, said)
            return
        if get_current_worker().is_cancelled:
            return
        self.screen.app.call_from_thread(self._show_hits, query, found)

    def _show_hits(self, query: str, found: list[Hit]) -> None:
        if query == self.state.query:
            self.hits_list.show_hits(query, found)

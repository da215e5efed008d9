"""The filter bar: the query input docked under the panes, with its status beside it.

Typing is debounced (`DEBOUNCE` seconds, a Textual timer: the UI never waits) and reported
as `FilterQueryChanged` (each key as `FilterQueryTyped` at once, for what can be read
ahead); enter is `FilterSubmitted`, escape `FilterCleared`
(`govread.tui.messages`).
`IndexSuggester` completes the last term of the query from the open reports' vocabulary
(`SearchIndex.suggest`). The status (hit counts, "no match", word search progress) is plain
`Text`: report text never becomes markup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Input, Static

from govread.i18n import N_, _
from govread.tui._css import css_beside
from govread.tui.messages import (
    FilterCleared,
    FilterQueryChanged,
    FilterQueryTyped,
    FilterSubmitted,
)
from govread.tui.safe_input import SafeInput

if TYPE_CHECKING:
    from govread.store_filter import FilterIndex

DEBOUNCE = 0.15  # seconds of quiet typing before the outline is filtered

# Characters that end a term in the query language (see govread.search.parse_query).
_TERM_BREAKS = frozenset(' \t|"“”「」『』')


def last_term(value: str) -> str:
    """The term being typed at the end of `value` (without a leading `-`)."""
    start = len(value)
    while start > 0 and value[start - 1] not in _TERM_BREAKS:
        start -= 1
    term = value[start:]
    return term[1:] if term.startswith("-") else term


class IndexSuggester(Suggester):
    """Completes the last term of the query with a word of the open reports."""

    def __init__(self, index: Callable[[], FilterIndex | None]) -> None:
        # No cache: the vocabulary grows as reports load and once jieba has segmented them.
        super().__init__(use_cache=False, case_sensitive=True)
        self._index = index

    async def get_suggestion(self, value: str) -> str | None:
        from govread.search import fold_text

        index = self._index()
        term = last_term(value)
        if index is None or not term.strip():
            return None
        key = fold_text(term)
        # In a thread, not on the event loop: the first time a prefix is typed, counting the
        # dictionary's terms it begins scans every open report (≈ 150–230 ms for 行 over
        # 1,000 reports opened from files). `Input` keeps a suggestion only while the value
        # it was asked for is still the input's.
        for word in await asyncio.to_thread(index.suggest, term, 3):
            if word.startswith(key) and len(word) > len(key):
                return value + word[len(key) :]
        return None


class FilterBar(Horizontal):
    """``/`` and the query, then what it found; hidden until the filter is opened."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Filter")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "clear",
            N_("Clear filter"),
            tooltip=N_("Clear the filter, restore the outline"),
            id="filter.clear",
        ),
        # Shown: typed letters go into the query, so the footer says how to reach the hits,
        # where n / N / H act. A priority binding: the Input would take down for scrolling.
        Binding(
            "down",
            "submit",
            N_("To the hits"),
            tooltip=N_(
                "Go to the first hit (also enter); then {browser.next_hit} / "
                "{browser.previous_hit} / {browser.hits} act"
            ),
            priority=True,
            id="filter.to_hits",
        ),
    ]

    def __init__(self, index: Callable[[], FilterIndex | None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._suggester = IndexSuggester(index)
        self._debounce: Timer | None = None
        self._words_note = ""
        self._found: tuple[Text, ...] = (Text(),)
        # what the status shows (its text, style and spans) and its width in cells
        self._shown: tuple[object, ...] | None = None
        self._shown_width = -1

    def compose(self) -> ComposeResult:
        yield Static("/", id="filter-prompt")
        yield SafeInput(
            placeholder=_('行政复议 出庭应诉 · a | b · -term · "phrase"'),
            suggester=self._suggester,
            id="filter-input",
            select_on_focus=False,
        )
        yield Static(id="filter-status")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    @property
    def status(self) -> Static:
        """The status line (classes `-stale`, `-no-match`: on it alone, as restyling a
        leaf costs little, and the whole bar, its input included, some 15 ms a change)."""
        return self.query_one("#filter-status", Static)

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def status_text(self) -> str:
        """The status as plain text (for tests)."""
        return self._status().plain

    # -- typing ---------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE, self._settled)
        # Until the new query is answered the status is the last one's: dimmed, so it is
        # not read as the answer to what is typed now.
        self.status.add_class("-stale")
        self.post_message(FilterQueryTyped(self.value))

    def _settled(self) -> None:
        self._debounce = None
        self.post_message(FilterQueryChanged(self.value))

    def flush(self) -> None:
        """Report a pending query now (enter does not wait for the debounce)."""
        if self._debounce is not None:
            self._debounce.stop()
            self._settled()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        self.flush()
        self.post_message(FilterSubmitted(self.value))

    def action_clear(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self.post_message(FilterCleared())

    # -- status ---------------------------------------------------------------------------

    def show_found(self, *forms: Text, no_match: bool = False) -> None:
        """What the query found, in `forms` from the fullest to the shortest.

        The status shows the fullest form that fits its width; the word search note is
        dropped first, then the forms shorten in order (the last one is cut with "…").
        """
        self._found = forms or (Text(),)
        status = self.status
        status.set_class(no_match, "-no-match")
        # an answer that came while a newer query is still being typed stays dimmed
        status.set_class(self._debounce is not None, "-stale")
        self._refresh_status()

    def show_words_status(self, note: str) -> None:
        """Word search progress ("words: loading…", "word search ready"); quiet, dim."""
        self._words_note = note
        self._refresh_status()

    def _room(self) -> int | None:
        """The cells the status may use (its max-width less padding); None before layout."""
        if not self.is_mounted or not self.size.width:
            return None
        status = self.query_one("#filter-status", Static)
        limit = status.styles.max_width
        cells = self.size.width if limit is None else int(limit.resolve(self.size, self.app.size))
        return max(0, cells - status.styles.padding.width)

    def _status(self) -> Text:
        fullest = self._found[0].copy()
        if self._words_note:
            if fullest:
                fullest.append("  ")
            fullest.append(self._words_note, style="dim italic")
        room = self._room()
        if room is None:
            return fullest
        for form in (fullest, *self._found):
            if cell_len(form.plain) <= room:
                return form
        cut = self._found[-1].copy()
        cut.truncate(room, overflow="ellipsis")
        return cut

    def _refresh_status(self) -> None:
        """Show the status: not again when it is what is shown (most keystrokes' counts
        change, a rebuild's spaces and repeats do not), and without laying the screen out
        again when it is as wide as before (its width follows its text; the input beside it
        takes the rest)."""
        if not self.is_mounted:
            return
        text = self._status()
        shown = (text.plain, text.style, tuple(text.spans))
        if shown == self._shown:
            return
        width, self._shown = cell_len(text.plain), shown
        status = self.query_one("#filter-status", Static)
        status.update(text, layout=width != self._shown_width)
        self._shown_width = width

    def on_resize(self) -> None:
        self._refresh_status()

    def on_mount(self) -> None:
        self._refresh_status()

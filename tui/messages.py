"""The app's own messages: what goes up from the loading worker and the marks to the screens.

Data flows one way: the app owns the state (the `Library` of open reports, the `MarkSet`);
widgets and screens read it, and ask for changes through the app's methods or these
messages. The messages a browser widget sends its screen live here too (the filter bar's
query, a hit chosen, a node to read); the screen handles them with ``@on(…)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from govread.corpus import Problem
from govread.node_ids import Outside
from govread.parsers.model import Item, Report, Section

if TYPE_CHECKING:
    from govread.search import FilterResult


@dataclass
class EntriesLoaded(Message):
    """Several load results at once: (report or problem, files done) pairs out of `total`."""

    entries: list[tuple[Report | Problem, int]]
    total: int


class LoadingFinished(Message):
    """Every file named at start-up was loaded or reported."""


@dataclass
class MarksChanged(Message):
    """The marked set changed; `node_ids` are the ids whose state flipped (sent to every screen)."""

    node_ids: frozenset[str]


# -- from the browser's widgets to its screen ----------------------------------------------


@dataclass
class FilterQueryChanged(Message):
    """The filter bar's query settled (after the debounce)."""

    query: str


@dataclass
class FilterQueryTyped(Message):
    """A key changed the filter bar's query (it settles later): what it will need may be
    read ahead meanwhile."""

    query: str


@dataclass
class FilterSubmitted(Message):
    """Enter in the filter bar: go to the first hit."""

    query: str


class FilterCleared(Message):
    """Escape in the filter bar: the filter is over."""


@dataclass
class FilterAnswered(Message):
    """A worker's answer to a query (`asked`: the query, its number, when it was asked):
    the first reports' (`final` False: the counts are coming) or the whole one. Posted from
    the worker's thread, which goes on without waiting for it to be shown."""

    asked: tuple[str, int, float]
    result: FilterResult
    final: bool


@dataclass
class HitChosen(Message):
    """A hit chosen in the hits list: the node id of its search unit."""

    node_id: str


@dataclass
class OpenRequested(Message):
    """The reader asked to read the node under the outline's cursor (enter on an open node)."""

    data: Report | Section | Item | Outside | None

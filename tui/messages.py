"""The app's own messages: what goes up from the loading worker and the marks to the screens.

Data flows one way: the app owns the state (the `Library` of open reports, the `MarkSet`);
widgets and screens read it, and ask for changes through the app's methods or these
messages. Messages of a single widget (the filter bar's, the outline's) stay with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from govread.corpus import Problem
from govread.parsers.model import Report


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

"""The loaded library kept out of Python's full garbage collections.

A thousand reports, their search index and jieba's dictionary are millions of objects that
live as long as the app; every full collection (one every few keystrokes while a filter
rebuilds the outline) walked them all: 100–150 ms each at 1,000 reports, the keystrokes
that set the filter's p95. `gc.freeze()` moves what exists now into the permanent
generation, which collections skip; objects made later are collected as before, and frozen
ones are still freed when their reference count drops to zero. When the browser goes, they
are given back to the collector (`thaw`): a process that opens the app again (the tests)
does not keep its cycles.

Start-up freezes too (`freeze_start_up`): what the imports made (Textual's classes and
parsed CSS, the app's modules) is long-lived, and a full collection before the first frame
walked all of it (≈ 13 ms of the ≈ 60 ms between the app's mount and its first frame).
"""

from __future__ import annotations

import gc

_load_frozen = False  # a load's library is frozen (and may be replaced by the next load)


def freeze_long_lived() -> None:
    """Leave everything alive now out of later collections (call when a load has ended).

    After an earlier load, what was frozen is thawed and collected first, and so is today's
    garbage: a library replaced by a new load (its cycles included) is freed, never frozen
    for good. The first load after start-up collects only what is not frozen: what
    start-up froze (the imports, the app's first widgets) was alive then and replaced
    nothing, so it is not walked again (a process that held much before the app, a test
    run's worker, paid 0.1 s or more for that walk at every start). One full collection
    per load, not one every few keystrokes.
    """
    global _load_frozen
    if _load_frozen:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
    _load_frozen = True


def freeze_start_up() -> None:
    """Leave everything alive now out of collections until `thaw` (the browser's end).
    No collection here: that would cost what it saves. What start-up made and later
    dropped in cycles is collected at a later load's thaw or at the end, not at the first
    load."""
    gc.freeze()


_holding = False  # automatic collections held by `hold_collections`


def hold_collections() -> None:
    """No automatic collection until the next `collect` (or `thaw`). The browser holds
    them while a filter's answer is shown and drawn, `collect` following once it is on
    screen: the young collections its thousands of new objects set off meanwhile (ten
    or so an answer, 3 ms of the UI thread's 20 at 1,000 reports) did what that full
    collection does anyway, inside the answer's latency. Not if the collector is off
    already (whoever turned it off turns it on)."""
    global _holding
    if gc.isenabled():
        gc.disable()
        _holding = True


def _release() -> None:
    global _holding
    if _holding:
        _holding = False
        gc.enable()


def collect() -> None:
    """Collect now what is not frozen, and let collections run again if they were held.
    The browser calls it once a filter's answer is on screen: each keystroke's outline is
    thousands of new objects, and the full collections they set off every few keystrokes
    (50–150 ms at 10,000 reports, what is alive walked with what the permanent generation
    holds) otherwise fell inside the next answer."""
    gc.collect()
    _release()


def collect_if_held() -> None:
    """`collect`, if collections are still held (the drawing that was to end the hold did
    not come: a tree never painted); nothing otherwise."""
    if _holding:
        collect()


def thaw() -> None:
    """Give what was frozen back to the collector (and collections held, if any)."""
    global _load_frozen
    _load_frozen = False
    gc.unfreeze()
    _release()

"""The browser's frozen heap: a library replaced by a new load is freed, not kept for good."""

from __future__ import annotations

import gc
import weakref

from govread.tui.browser.heap import freeze_long_lived, freeze_start_up, thaw


class _Node:
    me: object


def test_a_later_freeze_frees_the_cycles_an_earlier_one_kept() -> None:
    old = _Node()
    old.me = old  # a cycle: only the collector frees it
    alive = weakref.ref(old)
    try:
        freeze_long_lived()
        del old
        gc.collect()
        assert alive() is not None  # frozen: full collections skip it
        freeze_long_lived()  # the next load's freeze
        assert alive() is None
    finally:
        thaw()
    assert gc.get_freeze_count() == 0


def test_the_first_load_does_not_walk_what_start_up_froze_a_later_load_does() -> None:
    thaw()  # a fresh start, whatever ran before
    old = _Node()
    old.me = old
    alive = weakref.ref(old)
    try:
        freeze_start_up()
        del old
        freeze_long_lived()  # the first load: collects only what start-up did not freeze
        assert alive() is not None
        freeze_long_lived()  # a later load may have replaced a library: thaws first
        assert alive() is None
    finally:
        thaw()
    assert gc.get_freeze_count() == 0

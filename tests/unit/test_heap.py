"""The browser's frozen heap: a library replaced by a new load is freed, not kept for good."""

from __future__ import annotations

import gc
import weakref

from govread.tui.browser.heap import freeze_long_lived, thaw


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

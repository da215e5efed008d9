"""Stopping long work that is no longer wanted, from another thread.

A Python thread cannot be killed: a comparison left running when its screen is closed keeps
a core busy, and quitting waits for it (the interpreter joins its worker threads). So the
long loops of such work call `check()` at bounded intervals, and code that may give the
work up runs it inside `cancellable(cancelled)`: `check()` raises `Cancelled` there once
`cancelled()` is true. Outside such a block (the CLI), `check()` only reads a context
variable. The variable is per thread, so one worker's test never stops another's work.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

_CANCELLED: ContextVar[Callable[[], bool] | None] = ContextVar("govread_cancelled", default=None)


class Cancelled(Exception):
    """The work was given up (its screen left, the app quitting): it has no result."""


@contextlib.contextmanager
def cancellable(cancelled: Callable[[], bool]) -> Iterator[None]:
    """Inside, `check()` raises `Cancelled` once `cancelled()` is true (a cheap test: it is
    asked at every check)."""
    token = _CANCELLED.set(cancelled)
    try:
        yield
    finally:
        _CANCELLED.reset(token)  # worker threads are reused: leave no test behind


def check() -> None:
    """Raise `Cancelled` if the work under way has been given up."""
    cancelled = _CANCELLED.get()
    if cancelled is not None and cancelled():
        raise Cancelled

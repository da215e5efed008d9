"""Workarounds for known bugs of Textual, applied when the app's module
(`govread.tui.app`) is imported.

Each one first checks that Textual still has the shape it was written against and does
nothing otherwise, so a Textual release that fixes the bug (or changes the code around
it) turns the workaround off instead of breaking the app.
"""

from __future__ import annotations

import inspect
from functools import lru_cache

from textual.color import Color
from textual.style import Style

_INNER_OUTER_PARAMETERS = ["cls", "base_background", "background"]


def unpin_styles_caches() -> bool:
    """Textual issue #6665: ``StylesCache.get_inner_outer`` is an ``lru_cache`` on an
    instance method, so its cache holds the last 1,024 `StylesCache` objects alive, each
    with the rendered lines of a widget that may be long gone (and a full garbage
    collection walks them all). The colours alone are the key here; the result is the
    same. Returns whether the workaround was applied."""
    from textual._styles_cache import StylesCache

    cached = StylesCache.__dict__.get("get_inner_outer")
    original = getattr(cached, "__wrapped__", None)
    clear = getattr(cached, "cache_clear", None)
    if original is None or not callable(clear):
        return False  # fixed upstream, or already replaced
    if list(inspect.signature(original).parameters) != _INNER_OUTER_PARAMETERS:
        return False

    @lru_cache(1024)
    def inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
        result: tuple[Style, Style] = original(StylesCache, base_background, background)
        return result

    def get_inner_outer(
        self: object, base_background: Color, background: Color
    ) -> tuple[Style, Style]:
        return inner_outer(base_background, background)

    setattr(StylesCache, "get_inner_outer", get_inner_outer)  # noqa: B010 (a method)
    clear()
    return True


def apply() -> None:
    unpin_styles_caches()

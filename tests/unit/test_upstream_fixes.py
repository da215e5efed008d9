"""The workarounds for Textual bugs (`govread.tui.upstream_fixes`)."""

from __future__ import annotations

import gc
import weakref
from functools import lru_cache

import pytest
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style

import govread.tui.app  # noqa: F401 (importing the app applies the workarounds)
from govread.tui.upstream_fixes import unpin_styles_caches


def test_a_dropped_styles_cache_is_freed_after_drawing() -> None:
    """Textual #6665: each widget's `StylesCache` stayed alive in a class-wide cache,
    with every line it had drawn."""
    styles_cache = StylesCache()
    alive = weakref.ref(styles_cache)
    styles_cache.get_inner_outer(Color(10, 20, 30), Color(200, 100, 0, 0.5))
    del styles_cache
    gc.collect()
    assert alive() is None


@pytest.mark.parametrize(
    ("base", "background"),
    [(Color(0, 0, 0), Color(255, 255, 255)), (Color(10, 20, 30), Color(200, 100, 0, 0.5))],
)
def test_the_colours_are_what_textual_computes(base: Color, background: Color) -> None:
    inner, outer = StylesCache().get_inner_outer(base, background)
    assert inner == Style(background=base + background)
    assert outer == Style(background=base)


def test_a_shape_it_does_not_know_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    @lru_cache(8)
    def get_inner_outer(self: object, colours: tuple[Color, Color]) -> tuple[Style, Style]:
        raise AssertionError("never called here")

    monkeypatch.setattr(StylesCache, "get_inner_outer", get_inner_outer)
    assert unpin_styles_caches() is False
    assert StylesCache.__dict__["get_inner_outer"] is get_inner_outer


def test_applied_once_then_a_no_op() -> None:
    assert unpin_styles_caches() is False  # the app's import applied it already
    assert not hasattr(StylesCache.__dict__["get_inner_outer"], "__wrapped__")

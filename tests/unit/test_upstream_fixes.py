"""The workarounds for Textual bugs (`govread.tui.upstream_fixes`)."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Generator
from functools import lru_cache
from typing import Any

import pytest
from textual import events
from textual._styles_cache import StylesCache
from textual._xterm_parser import XTermParser
from textual.color import Color
from textual.style import Style

import govread.tui.app  # noqa: F401 (importing the app applies the workarounds)
from govread.tui import upstream_fixes
from govread.tui.upstream_fixes import PasteCut, unpin_styles_caches, whole_bracketed_pastes


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


# -- bracketed paste: what is pasted is the paste's text, none of it a key -------------------

START, END = "\x1b[200~", "\x1b[201~"


def tokens(*reads: str, parser: XTermParser | None = None) -> list[tuple[str, object]]:
    """What Textual's terminal parser makes of `reads` (each one read of the terminal):
    (kind, key or text) pairs."""
    parser = parser or XTermParser()
    found: list[tuple[str, object]] = []
    for read in reads:
        for token in parser.feed(read):
            if isinstance(token, events.Key):
                found.append(("key", token.key))
            elif isinstance(token, events.Paste):
                found.append(("paste", token.text))
            elif isinstance(token, PasteCut):
                found.append(("cut", (token.kept, token.dropped)))
            else:
                found.append((type(token).__name__, None))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "法治\x1b[1m政府",  # QA: reached the filter as ^[1m政府法治
        "\x1b[1mjjj",  # QA: ran m, the marks list
        "abc\x1b[1;5Hc",  # QA: ran the compare picker
        "bad\x1b[31mred\x1b]0;T\x07,\u202eevil",
        "\x1b",
        "a\x1b",
        "\x1b\x1b[A\x1b[<0;3;4M",  # what would be keys and a click outside a paste
        "a\x1b[200~b",  # a start inside: text
        "a\x1b[20\x1b[201",  # an end's beginnings: text
        "\x1b[1;2u\x1bOP\x1b[48;40;120;800;1200t",  # a kitty key, F1, a resize
        "x" * 40 + "\x1b[" + "9" * 40,  # past Textual's longest escape sequence
        "第一行\r\n第二行\r",
    ],
)
def test_a_paste_is_its_whole_text_in_order_and_no_key(text: str) -> None:
    """Textual's parser took an ESC inside a paste for an escape sequence: what followed
    left the paste and came as keys (^ [ 1 m …), ahead of the rest of the paste."""
    assert tokens(START + text + END) == [("paste", text)]


def test_a_paste_split_anywhere_across_reads_is_the_same() -> None:
    raw = "\x1b[A" + START + "法治\x1b[1m政府\x1b" + END + "q\x1b[B"
    whole = [("key", "up"), ("paste", "法治\x1b[1m政府\x1b"), ("key", "q"), ("key", "down")]
    assert tokens(raw) == whole
    for cut in range(1, len(raw)):
        assert tokens(raw[:cut], raw[cut:]) == whole, cut
    assert tokens(*raw) == whole  # a character a read


ORIGINAL_PARSE = getattr(XTermParser.parse, "__wrapped__", XTermParser.parse)


class TextualParser(XTermParser):
    """Textual's parser as it is, without the workaround."""

    parse = ORIGINAL_PARSE


@pytest.mark.parametrize(
    "raw",
    [
        "\x1b[A\x1b[B\x1b[1;5C\x1bOD",  # arrows, ctrl+right, application-mode left
        "\x1b[<0;3;4M\x1b[<0;3;4m\x1b[<64;10;2M",  # a click and a wheel turn
        "\x1b[I\x1b[O",  # focus in and out
        "j\x1bj\x1b[1;2u",  # alt+j, a kitty key
        "\x1b[?2026;2$y\x1b[12;40R",  # a mode report, a cursor position
        "\x1b[999999999999999999999999999999999999x",  # no sequence: keys
        "a\x1b[201~b",  # an end with no start
    ],
)
def test_keys_and_clicks_outside_a_paste_are_read_as_textual_reads_them(raw: str) -> None:
    assert tokens(raw) == tokens(raw, parser=TextualParser())
    assert tokens(START + "x" + END + raw) == [("paste", "x"), *tokens(raw, parser=TextualParser())]


def test_a_paste_whose_end_never_comes_ends_when_nothing_more_arrives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lost end (a terminal's bug) took every later key into the paste; it is taken as
    ended once the terminal is quiet for `PASTE_IDLE` seconds, and keys work again."""
    monkeypatch.setattr(upstream_fixes, "PASTE_IDLE", 0.01)
    parser = XTermParser()
    assert tokens(START + "复议\x1b[20", parser=parser) == []
    time.sleep(0.05)
    assert [(type(t), t.text) for t in parser.tick() if isinstance(t, events.Paste)] == [
        (events.Paste, "复议\x1b[20")
    ]
    assert tokens("j\x1b[A", parser=parser) == [("key", "j"), ("key", "up")]


def test_a_paste_past_the_limit_keeps_its_start_and_says_what_was_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(upstream_fixes, "PASTE_LIMIT", 10)
    text = "法治政府建设\x1b[1m" + "x" * 5000 + "mj"
    assert tokens(START + text + END + "j") == [
        ("paste", text[:10]),
        ("cut", (10, len(text) - 10)),
        ("key", "j"),
    ]


def test_a_long_paste_is_held_compact() -> None:
    """Its characters are joined as they come, not kept one object each."""
    paste = upstream_fixes._PasteText()
    for char in "法" * 50_000:
        paste.add(char)
    assert len(paste.chunks) <= 50_000 // 4096 and len(paste.piece) < 4096
    assert paste.text() == "法" * 50_000


def test_a_parser_that_keeps_pastes_whole_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    assert whole_bracketed_pastes() is False  # the app's import applied it already
    monkeypatch.setattr(XTermParser, "parse", ORIGINAL_PARSE)
    assert whole_bracketed_pastes() is True  # Textual's own: the bug, so applied

    def fixed_upstream(self: XTermParser, token_callback: Any) -> Generator[Any, str, None]:
        text = ""
        while True:
            text += yield self.read1()
            if text.startswith(START) and text.endswith(END):
                token_callback(events.Paste(text[len(START) : -len(END)]))
                text = ""

    monkeypatch.setattr(XTermParser, "parse", fixed_upstream)
    assert whole_bracketed_pastes() is False
    assert XTermParser.__dict__["parse"] is fixed_upstream

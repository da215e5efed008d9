"""Workarounds for known bugs of Textual, applied when the app's module
(`govread.tui.app`) is imported.

Each one first checks that Textual still has the shape it was written against and does
nothing otherwise, so a Textual release that fixes the bug (or changes the code around
it) turns the workaround off instead of breaking the app.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from textual import events
from textual._parser import ParseEOF, ParseError, ParseTimeout, Peek1, Read1
from textual.color import Color
from textual.message import Message
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


PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
PASTE_LIMIT = 100_000
"""The most characters of one paste kept (the rest is dropped and `PasteCut` says so): a
paste whose end never comes, or an enormous one, holds bounded memory."""
PASTE_IDLE = 2.0
"""Seconds without a character after which a paste whose end has not come is taken as
ended: a terminal sends a paste at once, so this only frees the keys after a lost end."""


@dataclass
class PasteCut(Message):
    """A paste longer than `PASTE_LIMIT`: its first `kept` characters were pasted, `dropped`
    more were not."""

    kept: int
    dropped: int


_Request = Read1 | Peek1
_Parse = Callable[[Any, Callable[[Message], None]], Generator[_Request, str, None]]


def whole_bracketed_pastes() -> bool:
    """Textual's `XTermParser` (its ``parse``, in ``_xterm_parser.py``) reads an ESC inside a
    bracketed paste as the start of an escape sequence: those characters leave the paste and
    come back as keys (``^``, ``[``, ``1``, ``m``, …), before the rest of the paste. A pasted
    ``法治\\x1b[1m政府`` reached the filter as ``^[1m政府法治``, and pasting ``\\x1b[1mjjj`` with
    no box open ran ``m`` (the marks list). No report of it was found in Textual's tracker
    (bracketed paste came with Textual #564). Here everything between the paste's start
    (``ESC[200~``) and end (``ESC[201~``) is the paste's text, ESC included, and none of
    it is a key; the app's text boxes escape it (`SafeInput`). Textual's parser still reads
    everything outside a paste. A paste is kept up to `PASTE_LIMIT` characters and taken as
    ended after `PASTE_IDLE` seconds with nothing more.

    Applied only when a probe shows the bug, and kept only when the probe then shows the
    paste whole; returns whether it was applied."""
    from textual._xterm_parser import XTermParser

    original = XTermParser.__dict__.get("parse")
    if not inspect.isgeneratorfunction(original) or _pastes_whole(XTermParser):
        return False  # a shape not known here, or fixed upstream
    if list(inspect.signature(original).parameters) != ["self", "token_callback"]:
        return False
    parse = original

    def whole_pastes_parse(
        self: Any, token_callback: Callable[[Message], None]
    ) -> Generator[_Request, str, None]:
        return _parse_with_whole_pastes(parse, self, token_callback)

    whole_pastes_parse.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(XTermParser, "parse", whole_pastes_parse)  # noqa: B010 (a method)
    if _pastes_whole(XTermParser):
        return True
    setattr(XTermParser, "parse", original)  # noqa: B010
    return False


def _pastes_whole(parser_class: Any) -> bool:
    """Whether a paste holding an escape sequence comes out of the parser as one paste."""
    text = "a\x1b[1mb\x1b"
    try:
        tokens = list(parser_class().feed(PASTE_START + text + PASTE_END))
    except Exception:
        return False
    return [(type(t), getattr(t, "text", None)) for t in tokens] == [(events.Paste, text)]


def _parse_with_whole_pastes(
    parse: _Parse, parser: Any, token_callback: Callable[[Message], None]
) -> Generator[_Request, str, None]:
    """Textual's `parse`, given every character outside a paste; a paste is read here."""
    leaving = False  # the end fed to Textual's parser, to leave its paste state: no token

    def tokens_outside_pastes(token: Message) -> None:
        if not (leaving and isinstance(token, events.Paste)):
            token_callback(token)

    textual_parse = parse(parser, tokens_outside_pastes)
    request = next(textual_parse)
    start_seen = ""  # the part of a paste start last given to Textual's parser
    while True:
        asked = request
        try:
            character = yield asked
        except ParseError as error:  # a timeout (after a lone ESC) or the end: Textual's to read
            try:
                request = textual_parse.throw(error)
            except StopIteration:
                return
            continue
        try:
            request = textual_parse.send(character)
        except StopIteration:
            return
        if isinstance(asked, Peek1):
            continue  # the character comes again
        if start_seen or character == "\x1b":
            start_seen += character
            if not PASTE_START.startswith(start_seen):
                start_seen = "\x1b" if character == "\x1b" else ""
        if start_seen != PASTE_START:
            continue
        start_seen = ""
        # Textual's parser is now in its paste state: the paste is read here instead
        try:
            text, dropped = yield from _read_paste()
        except ParseEOF:
            return
        token_callback(events.Paste(text.replace("\x00", "")))  # NUL: Textual #1661
        if dropped:
            token_callback(PasteCut(len(text), dropped))
        leaving = True
        for character in PASTE_END:
            request = textual_parse.send(character)
        leaving = False


class _PasteText:
    """A paste's text, at most `PASTE_LIMIT` characters of it, held compact whatever its
    length (joined every few thousand characters), and how many were dropped."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.piece: list[str] = []
        self.kept = self.dropped = 0

    def add(self, text: str) -> None:
        for char in text:
            if self.kept == PASTE_LIMIT:
                self.dropped += 1
                continue
            self.kept += 1
            self.piece.append(char)
            if len(self.piece) == 4096:
                self.chunks.append("".join(self.piece))
                self.piece.clear()

    def text(self) -> str:
        return "".join(self.chunks) + "".join(self.piece)


def _read_paste() -> Generator[Read1, str, tuple[str, int]]:
    """A paste's text up to its end (or `PASTE_IDLE` seconds without a character), the
    end not included, at most `PASTE_LIMIT` characters of it; and how many were dropped."""
    paste = _PasteText()
    add = paste.add
    request = Read1(PASTE_IDLE)
    ending = ""  # the part of the end seen so far (its only ESC is its first character)
    while True:
        try:
            character = yield request
        except ParseTimeout:
            add(ending)
            break
        if not ending and character != "\x1b":
            add(character)
        elif PASTE_END.startswith(ending + character):
            ending += character
            if ending == PASTE_END:
                break
        else:
            add(ending)
            ending = "\x1b" if character == "\x1b" else ""
            if not ending:
                add(character)
    return paste.text(), paste.dropped


def apply() -> None:
    unpin_styles_caches()
    whole_bracketed_pastes()

"""Normalisation at ingest: one canonical, terminal-safe form of any text.

Report text comes from scraped web pages and is never trusted. After `normalize`:
- the text is NFC, line breaks are ``\\n`` only;
- NBSP, ideographic and other exotic spaces are plain spaces (widths of letters are kept);
- every C0/C1 control character except newline and tab is gone, and so are the
  invisible format characters that can reorder or hide text on a terminal
  (bidi overrides, zero-width characters, BOMs), so an escape sequence in a file
  can never reach the user's terminal;
- a lone surrogate (which no encoding can write) is U+FFFD, so the text always encodes as
  UTF-8 and an export reads back exactly what the outline shows.
"""

from __future__ import annotations

import re
import unicodedata

from govread.sanitize import UNSAFE_CHARS

# C0 except \t and \n, DEL, C1; bidi controls (U+061C too); zero-width and BOM; other
# invisible format characters: one definition, shared with the terminal sanitiser.
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# (\r\n or one break: a set first, with the \n of a \r\n after it, so the engine skips to
# the set at C speed, three times faster than trying an alternation everywhere)
_LINE_BREAKS = re.compile("[\r\u2028\u2029\x85\x0b\x0c](?:(?<=\r)\n)?")
_SURROGATES = re.compile("[\ud800-\udfff]")


def normalize(text: str) -> str:
    """Return `text` in the canonical, terminal-safe form the parser works on."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNSAFE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    # NFC can compose characters but never produces controls; one pass is enough.
    return text


def is_safe(text: str) -> bool:
    """True when `text` holds no character that `normalize` would remove."""
    return _UNSAFE.search(text) is None and "\r" not in text

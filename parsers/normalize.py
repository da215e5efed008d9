"""Normalisation at ingest: one canonical, terminal-safe form of any text.

Report text comes from scraped web pages and is never trusted. After `normalize`:
- the text is NFC, line breaks are ``\\n`` only;
- NBSP, ideographic and other exotic spaces are plain spaces (widths of letters are kept);
- every C0/C1 control character except newline and tab is gone, and so are the
  invisible format characters that can reorder or hide text on a terminal
  (bidi overrides, zero-width characters, BOMs), so an escape sequence in a file
  can never reach the user's terminal.
"""

from __future__ import annotations

import re
import unicodedata

# C0 except \t and \n, DEL, C1; bidi embeddings/overrides/isolates; zero-width and BOM;
# interlinear annotation and object replacement characters.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffc]"
)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")


def normalize(text: str) -> str:
    """Return `text` in the canonical, terminal-safe form the parser works on."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNSAFE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    # NFC can compose characters but never produces controls; one pass is enough.
    return text


def is_safe(text: str) -> bool:
    """True when `text` holds no character that `normalize` would remove."""
    return _UNSAFE.search(text) is None and "\r" not in text

"""One sanitiser for every string that reaches the terminal.

Report text is cleaned at ingest (`govread.parsers.normalize`), but file names, library
error messages, config and state fields reach the screen by other roads. Every such string
goes through one of these functions before it is printed, logged to stderr or shown by the
TUI (and the TUI builds `rich.text.Text` objects from the result, never markup).

What they do, so a user can still tell what a name held:

- every C0 control (except newline and tab in `sanitize`), DEL, every C1 control
  (U+0080–U+009F, including the 8-bit CSI U+009B and OSC U+009D), the bidi controls
  (U+061C, U+200E/F, U+202A–E, U+2066–9), zero-width and other invisible format characters
  (U+00AD, U+180E, U+200B–D, U+2060–4, U+206A–F, U+FEFF, U+FFF9–C, tags U+E0000–E007F) and
  the line/paragraph separators U+2028/9 are shown as a visible Python-style escape:
  ``\\x1b``, ``\\x9b``, ``\\u202e``, ``\\U000e0041``;
- a lone surrogate that stands for an undecodable byte of a file name (Python's
  ``surrogateescape``, U+DC80–U+DCFF) is shown as that byte, ``\\xff``; any other lone
  surrogate as ``\\udXXX``, so the result always encodes as UTF-8;
- everything else, CJK and emoji included, is left as it is. Backslashes are not doubled:
  the escapes are for reading, not for decoding back.

`sanitize_line` and `sanitize_path` escape newline, tab and carriage return too: a file name
or a one-line message can never forge a second line of output.

`dumps_json` is `json.dumps` whose output escapes the same characters as JSON ``\\uXXXX``
escapes, so data stay exact while the text printed holds none of them raw; `escape_toml`
does the same for a TOML document written by tomli_w.

The character class `UNSAFE_CHARS` is also what `normalize` removes from report text: one
definition for both.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

# Characters that can drive a terminal, reorder text or hide it. `normalize` removes them
# from report text (after turning line breaks, including U+000B/U+000C/U+0085, into "\n").
# A regular-expression character class body: no repetition, so matching is linear.
_C0 = "\x00-\x08\x0b-\x1f"  # C0 without tab and newline
_BEYOND_C0 = (
    "\x7f-\x9f"  # DEL and C1 (U+009B CSI, U+009D OSC)
    "\u00ad"  # soft hyphen: invisible
    "\u061c"  # Arabic letter mark (bidi)
    "\u180e"  # Mongolian vowel separator: invisible
    "\u200b-\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner and invisible operators
    "\u2066-\u206f"  # bidi isolates and deprecated format characters
    "\ufeff"  # zero-width no-break space / BOM
    "\ufff9-\ufffc"  # interlinear annotation, object replacement
    "\U000e0000-\U000e007f"  # tag characters: invisible text
)
UNSAFE_CHARS = _C0 + _BEYOND_C0

_UNSAFE_IN_TEXT = re.compile(f"[{UNSAFE_CHARS}\u2028\u2029\ud800-\udfff]")
_UNSAFE_IN_LINE = re.compile(f"[{UNSAFE_CHARS}\t\n\u2028\u2029\ud800-\udfff]")
# What json.dumps(ensure_ascii=False) leaves raw but a terminal must not see. ("\t", "\n" and
# the rest of C0 are escaped by json itself.)
_UNSAFE_IN_JSON = _UNSAFE_IN_TEXT
# What tomli_w leaves raw (it escapes C0 itself). Surrogates cannot be written in TOML at all.
_UNSAFE_IN_TOML = re.compile(f"[{_BEYOND_C0}\u2028\u2029]")

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        # surrogateescape: the undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def sanitize(text: str) -> str:
    """Return `text` safe for a terminal: unsafe characters become visible escapes.

    Newlines and tabs are kept; use `sanitize_line` for text that must stay on one line.
    """
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def sanitize_line(text: str) -> str:
    """`sanitize`, with newline and tab escaped too: the result is one line."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def sanitize_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file or folder name as one safe line (undecodable bytes shown as ``\\xff``)."""
    return sanitize_line(os.fsdecode(path))


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps_json(value: Any, **options: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)` with no unsafe character raw.

    A raw non-ASCII character in JSON text is always inside a string, so replacing it by its
    ``\\uXXXX`` escape keeps the document valid and its data exact.
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    return _UNSAFE_IN_JSON.sub(_json_escape, text)


def is_json_safe(text: str) -> bool:
    """True when `dumps_json` would have left no character of `text` to escape."""
    return _UNSAFE_IN_JSON.search(text) is None


def _toml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_toml(document: str) -> str:
    """A TOML document from tomli_w, with the characters it leaves raw (C1, bidi, invisible)
    written as ``\\uXXXX`` escapes: the same data, nothing raw on a terminal.

    Valid because tomli_w writes every string and key as a basic string, where escapes work.
    """
    return _UNSAFE_IN_TOML.sub(_toml_escape, document)


def is_terminal_safe(text: str) -> bool:
    """True when `sanitize_line` would leave `text` unchanged."""
    return _UNSAFE_IN_LINE.search(text) is None

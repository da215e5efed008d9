"""Normalisation at ingest: one canonical, terminal-safe form of any text.

Report text comes from scraped web pages and is never trusted. After `normalize`:
- the text is NFC, line breaks are ``\\n`` only;
- NBSP, ideographic and other exotic spaces are plain spaces (widths of letters are kept);
- a terminal escape sequence is gone whole, not only its ESC: a CSI (``ESC [31m``), an
  OSC, DCS or other string (``ESC ]0;title BEL``) and any other ESC sequence (``ESC ( B``),
  in their 8-bit forms too (``\x9b31m``), so no ``]0;title`` or ``[31m`` is left in the text;
- every C0/C1 control character except newline and tab is gone, and so are the
  invisible format characters that can reorder or hide text on a terminal
  (bidi overrides, zero-width characters, BOMs), so an escape sequence in a file
  can never reach the user's terminal;
- a lone surrogate (which no encoding can write) is U+FFFD, so the text always encodes as
  UTF-8 and an export reads back exactly what the outline shows;
- a Kangxi radical or a radical form that is drawn as a whole character (Chromium's PDFs
  write 人 as U+2F08 ⼈, 民 as U+2EA0 ⺠, where a CJK font shares their glyphs) is that
  character, so a report printed to PDF by a browser reads, searches and counts as written.
"""

from __future__ import annotations

import re
import unicodedata

from govread.sanitize import UNSAFE_CHARS

# C0 except \t and \n, DEL, C1; bidi controls (U+061C too); zero-width and BOM; other
# invisible format characters: one definition, shared with the terminal sanitiser.
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
# Terminal escape sequences, removed whole before the characters above are (which would
# leave their printable rest: ``]0;pwned``, ``[31m``). Every repeat is bounded and the sets
# a sequence runs through are disjoint, so a failed match costs at most a few hundred steps:
# - CSI: ESC [ or U+009B, parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, a final byte
#   0x40–0x7E;
# - a string: OSC (ESC ] / U+009D), DCS (ESC P / U+0090), SOS (ESC X / U+0098), PM (ESC ^ /
#   U+009E) or APC (ESC _ / U+009F), up to 256 printable characters, ended by BEL or ST
#   (ESC \ / U+009C); one unended within that is left to lose its ESC alone;
# - any other ESC sequence: intermediates 0x20–0x2F, a final byte 0x30–0x7E (ESC ( B, ESC 7,
#   ESC c), other than the introducers above.
_ESCAPE_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x7f-\x9f]{0,256}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]{0,8}[0-OQ-WYZ\\`-~]"
)
# Where one may start: text without any (nearly every report) is not scanned by the above.
_ESCAPE_START = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# (\r\n or one break: a set first, with the \n of a \r\n after it, so the engine skips to
# the set at C speed, three times faster than trying an alternation everywhere)
_LINE_BREAKS = re.compile("[\r\u2028\u2029\x85\x0b\x0c](?:(?<=\r)\n)?")
_SURROGATES = re.compile("[\ud800-\udfff]")
# The radical forms that stand for a whole character (the Kangxi radicals' own NFKC mapping
# below; these have none), from Unicode's EquivalentUnifiedIdeograph list. Component forms
# that are no character of their own (⺀, ⺈ …) are kept.
_RADICAL_FORMS = (
    "⺁厂⺅亻⺆冂⺉刂⺊卜⺖忄⺘扌⺙攵⺜日⺝月⺟母⺠民⺡氵⺢氺⺣灬⺨犭⺩王⺭礻⺰纟⺹耂⺾艹"
    "⻁虎⻂衤⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻏阝⻐钅⻑長⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞"
    "⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟"
)
_RADICAL_RANGE = re.compile("[\u2e80-\u2fdf]")
_RADICALS = {
    **{c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)},
    **{ord(a): b for a, b in zip(_RADICAL_FORMS[::2], _RADICAL_FORMS[1::2], strict=True)},
}


def normalize(text: str) -> str:
    """Return `text` in the canonical, terminal-safe form the parser works on."""
    if _ESCAPE_START.search(text):
        text = _ESCAPE_SEQUENCES.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNSAFE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _SURROGATES.sub("\ufffd", text)
    if _RADICAL_RANGE.search(text):
        text = text.translate(_RADICALS)
    text = unicodedata.normalize("NFC", text)
    # NFC can compose characters but never produces controls; one pass is enough.
    return text


def is_safe(text: str) -> bool:
    """True when `text` holds no character that `normalize` would remove."""
    return _UNSAFE.search(text) is None and "\r" not in text

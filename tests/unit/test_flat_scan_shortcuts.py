"""The parser's fast scans find exactly what the plain ones found.

Each shortcut (a regex opened by a set of first characters, a pre-check that skips a scan)
is checked against a plain reference written here, on generated strings dense in the
characters that matter: markers, line breaks, repeated runs.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from govread.parsers import flat

_normalize = sys.modules["govread.parsers.normalize"]

_CN = "一二三四五六七八九十"
_DIGIT = "0-9\uff10-\uff19"
# the marker pattern as a plain alternation, each branch capturing the whole number
_PLAIN_CANDIDATE = re.compile(
    rf"\u7b2c ?([{_CN}]{{1,3}}) ?\u90e8\u5206[\u3001:\uff1a]?"
    rf"|[(\uff08] ?([{_CN}]{{1,3}}) ?[)\uff09]\u3001?"
    rf"|[(\uff08] ?([{_DIGIT}]{{1,2}}) ?[)\uff09]"
    r"|([\u2474-\u2487])"
    rf"|([{_CN}]{{1,3}}) ?[\u3001.\uff0e]"
    rf"(?![{_CN}]{{1,2}}[\u3001季月年级类项批个])"
    rf"|([{_DIGIT}]{{1,2}}) ?[.\uff0e\u3001](?!{flat._NOT_A_YEAR})"
)
_PLAIN_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")

_MARKER_TEXT = st.text(alphabet="一二三十百第部分、.．:：(（)）⑴⒇019０ 季年项是的。，", max_size=16)


@settings(max_examples=300, deadline=None)
@given(_MARKER_TEXT)
def test_marker_scan_finds_what_an_alternation_finds(text: str) -> None:
    plain = [
        (m.span(), m.lastindex, m.group(m.lastindex or 0)) for m in _PLAIN_CANDIDATE.finditer(text)
    ]
    fast = []
    for match in flat._CANDIDATE.finditer(text):
        group = match.lastindex or 0
        start = match.start()
        number = (
            text[start : match.end(group)] if flat._FROM_FIRST[group - 1] else match.group(group)
        )
        fast.append((match.span(), group, number))
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\r\n\u2028\u2029\x85\x0b\x0ca一 ", max_size=12))
def test_line_breaks_found_as_an_alternation_finds_them(text: str) -> None:
    assert _normalize._LINE_BREAKS.sub("\n", text) == _PLAIN_LINE_BREAKS.sub("\n", text)


def _plain_echo(window: str) -> int:
    """`flat._echo` without its pre-check."""
    for cut in range(flat._MIN_HEADING, len(window) - flat._RESTATED):
        low, high = max(0, cut - flat._ECHO), cut - flat._RESTATED + 1
        for at in (cut, cut + 1):
            for begin in range(low, high):
                if window.startswith(window[begin:cut], at):
                    return cut
    return -1


_DISTINCT = st.lists(
    st.sampled_from([chr(0x4E00 + i) for i in range(80)]), unique=True, max_size=40
)


@settings(max_examples=400, deadline=None)
@given(_DISTINCT, st.integers(0, 14), st.sampled_from(["", "把"]), st.booleans())
def test_restated_tail_precheck_never_misses_one(
    chars: list[str], tail: int, between: str, restate: bool
) -> None:
    # a window with no repeated run but the heading's tail restated (…思想|把思想…), at every
    # distance the search reaches and beyond
    split = len(chars) // 2
    heading, rest = "".join(chars[:split]), "".join(chars[split:])
    window = heading + between + (heading[len(heading) - tail :] if restate else "") + rest
    assert flat._echo(window) == _plain_echo(window)

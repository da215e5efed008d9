"""The postings of short needles (`units_grams`): each unit's distinct characters and pairs
of adjacent characters, as the store writes them.

A plain module (no SQLite) so that the pool's workers make a unit's row of `units_grams`
(`gram_text`) beside its other rows (`store_build.prepare_report`) and hand it over ready
to insert: the parent, the one process that writes the store, then only runs the inserts
and packs the common grams from the rows' tokens (`store._Packer`).
"""

from __future__ import annotations

import sys
from array import array
from itertools import chain


def gram_token(gram: str) -> str:
    """A needle of one or two characters as `units_grams` holds it: its code points in
    hexadecimal joined by "x" (法 → ``6cd5``, 复议 → ``590dx8bae``), one token of FTS5's
    ``ascii`` tokenizer whatever the characters."""
    return "x".join(format(ord(ch), "x") for ch in gram)


class _GramTokens(dict[str, str]):
    def __missing__(self, gram: str) -> str:
        token = self[gram] = gram_token(gram)
        return token


class _PairTokens(dict[int, str]):
    """A pair of characters as one number (`gram_text`) -> its token."""

    def __missing__(self, pair: int) -> str:
        token = self[pair] = f"{pair & 0xFFFFFFFF:x}x{pair >> 32:x}"
        return token


_GRAM_TOKENS = _GramTokens()
_PAIR_TOKENS = _PairTokens()
_GRAM_TOKENS_KEPT = 200_000  # tokens of the characters and pairs met, kept while indexing


def _unit_grams(folded: str) -> tuple[set[str], set[int]]:
    """The distinct characters and the distinct pairs of adjacent characters of a unit's
    folded text, the pairs as numbers (the code points of two characters, the first in the
    low half; `_PAIR_TOKENS` names them).

    The pairs are found as numbers, not strings: the text as UTF-32 is read as 8-byte
    integers from its first character and, a character on, from its second, which gives
    every adjacent pair at C speed."""
    raw = folded.encode("utf-32-le", "surrogatepass")
    size = len(folded)
    pairs = array("Q", raw[: 8 * (size // 2)])
    pairs.frombytes(raw[4 : 4 + 8 * ((size - 1) // 2)])
    if sys.byteorder == "big":
        pairs.byteswap()
    return set(folded), set(pairs)


def _gram_row(chars: set[str], pairs: set[int]) -> str:
    if len(_GRAM_TOKENS) > _GRAM_TOKENS_KEPT:
        _GRAM_TOKENS.clear()
    if len(_PAIR_TOKENS) > _GRAM_TOKENS_KEPT:
        _PAIR_TOKENS.clear()
    return " ".join(
        chain(map(_GRAM_TOKENS.__getitem__, chars), map(_PAIR_TOKENS.__getitem__, pairs))
    )


def gram_text(folded: str) -> str:
    """A unit's row of `units_grams`: the token of each distinct character and each distinct
    pair of adjacent characters of its folded text (in no particular order)."""
    return _gram_row(*_unit_grams(folded))

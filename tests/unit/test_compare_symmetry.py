"""`compare(a, b)` and `compare(b, a)` are one alignment, sides swapped (issue 14).

A reader who swaps the two reports expects the same table with its columns swapped: the
same rows, each with the same units, likeness and words.
"""

from __future__ import annotations

import govread.compare as compare_module


def test_a_likeness_does_not_depend_on_the_order_of_the_words() -> None:
    # invented weights where a plain left-to-right sum of the products loses the small
    # ones in one order and not in the other: the cosine is the same both ways
    u = {"普法": 1.0, "调解": 1.0, "执法": 1e16}
    v = {"执法": 1.0, "普法": 1.0, "调解": 1.0}
    assert compare_module._cosine(u, v) == compare_module._cosine(v, u)

"""`govread.clip.clipped`: a cut that shows it is one."""

from __future__ import annotations

from govread.clip import clipped


def test_a_text_clipped_to_a_length_shows_the_cut() -> None:
    assert clipped("依法行政", 4) == "依法行政"
    assert clipped("依法行政考核", 4) == "依法行…"
    assert clipped("依法", 0) == "…"

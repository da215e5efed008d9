"""The figures table's caption counts in English as English counts (QA: "1 figures of the
same indicator or subject on both sides")."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from govread.tui.compare.views import ManyView, PairView


def _comparison(shared: int, alone: int) -> Any:
    return SimpleNamespace(
        shared_figures=[object()] * shared,
        figures=[SimpleNamespace(present=2, cells=[1, 1])] * shared
        + [SimpleNamespace(present=1, cells=[1, None])] * alone,
    )


@pytest.mark.parametrize(("shared", "word"), [(1, " figure of"), (2, " figures of")])
def test_one_shared_figure_is_one_figure(shared: int, word: str) -> None:
    pair = PairView(["青禾市", "白石县"]).caption(_comparison(shared, 3), None)  # type: ignore[arg-type]
    assert pair.plain.startswith(f"{shared}{word} the same indicator")
    many = ManyView(["青禾市", "白石县", "红山区"]).caption(_comparison(shared, 3), None)  # type: ignore[arg-type]
    # (with no app the key fields stay as written, {shared} too: the form is what counts)
    assert many.plain.startswith(f"{{shared}}{word} the same indicator")

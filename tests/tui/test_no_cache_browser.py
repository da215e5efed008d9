"""The browser with the cache off (`govread --no-cache`, which runs it inside
`cache_disabled()`, or ``GOVREAD_NO_CACHE=1``): loading, word search (jieba's dictionary and
the segmentation) and the corpus screen write nothing under the cache folder."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest

from govread import segment
from govread.loading import NO_CACHE_ENV, cache_disabled
from govread.tui.app import GovreadApp
from govread.tui.corpus.screen import CorpusScreen


@pytest.mark.word_search
@pytest.mark.parametrize("mode", ["flag", "env"])
async def test_the_browser_writes_no_cache(
    mode: str, loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    # jieba loaded again by this app (it comes back after the test)
    monkeypatch.setattr(segment, "_tokenizer", None)
    monkeypatch.setattr(segment, "_engine", None)
    if mode == "env":
        monkeypatch.setenv(NO_CACHE_ENV, "1")
    with cache_disabled() if mode == "flag" else contextlib.nullcontext():
        app = GovreadApp()
        async with app.run_test(size=(160, 45)) as pilot:
            await loaded(pilot)
            deadline = time.monotonic() + 60  # a bound for the dictionary load, not a timing
            while not app.word_search_ready and time.monotonic() < deadline:
                await pilot.pause(0.05)
            assert app.word_search_ready and segment.is_loaded()
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, CorpusScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen.ready
    assert not home.exists() or sorted(home.rglob("*")) == []

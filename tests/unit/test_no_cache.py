"""`--no-cache` and ``GOVREAD_NO_CACHE=1`` leave the cache alone (README: "parses everything
afresh and leaves the cache alone"): nothing under the cache folder is written, nor read —
not the parsed-report cache, the segmentation cache, jieba's prefix-dictionary cache or the
default store `compare --corpus` refreshes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govread import segment
from govread.cli import main
from govread.corpus import load
from govread.loading import NO_CACHE_ENV, cache_disabled
from govread.search import SearchIndex


@pytest.fixture
def folder(samples_folder: Path) -> Path:
    return samples_folder


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache home of its own, not yet made (conftest's holds the shared jieba cache), and
    jieba not loaded in this process, so that loading it again shows where it keeps its
    cache (the loaded dictionary comes back after the test)."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(segment, "_tokenizer", None)
    monkeypatch.setattr(segment, "_engine", None)
    return home


def _run(mode: str, monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    """`govread ARGV` with the cache off: by --no-cache or by GOVREAD_NO_CACHE=1."""
    if mode == "flag":
        return main(["--no-cache", *argv])
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    return main(list(argv))


def _files(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*")) if home.exists() else []


MODES = pytest.mark.parametrize("mode", ["flag", "env"])


@MODES
def test_search_writes_no_cache(
    mode: str, folder: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    assert _run(mode, monkeypatch, "search", "行政复议", str(folder)) == 0
    assert "行政复议" in capsys.readouterr().out
    assert segment.is_loaded()  # jieba was loaded by this search, and segmented
    assert _files(cache_home) == []


@MODES
@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(("compare", "咸宁", "宝鸡", "--corpus", "{folder}"), id="compare-corpus"),
        pytest.param(("compare", "咸宁", "宝鸡", "泾县", "--corpus", "{folder}"), id="compare-3"),
        pytest.param(("export", "--all", "-o", "-", "{folder}"), id="export"),
        pytest.param(("figures", "{folder}"), id="figures"),
    ],
)
def test_other_commands_write_no_cache(
    mode: str,
    argv: tuple[str, ...],
    folder: Path,
    cache_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = [word.format(folder=folder) for word in argv]
    assert _run(mode, monkeypatch, *words) == 0
    assert _files(cache_home) == []


def test_an_existing_cache_is_neither_read_nor_changed(
    folder: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without the option, the same commands do cache (the tests above are not vacuous)
    assert main(["search", "行政复议", str(folder)]) == 0
    assert main(["compare", "咸宁", "宝鸡", "--corpus", str(folder)]) == 0
    found = _files(cache_home)
    for name in ("reports.sqlite3", "segments", "jieba", "store.sqlite3"):
        assert f"govread/{name}" in found
    before = {p: p.stat().st_mtime_ns for p in cache_home.rglob("*")}

    reads: list[object] = []
    monkeypatch.setattr(segment, "_read_cache", lambda *args: reads.append(args))
    monkeypatch.setattr(segment, "_tokenizer", None)
    assert main(["--no-cache", "search", "行政复议", str(folder)]) == 0
    assert main(["--no-cache", "compare", "咸宁", "宝鸡", "--corpus", str(folder)]) == 0
    assert {p: p.stat().st_mtime_ns for p in cache_home.rglob("*")} == before
    assert reads == []


def test_pool_workers_write_no_cache(
    folder: Path, cache_home: Path, write_generated: Callable[..., Path]
) -> None:
    """Segmenting in a process pool under --no-cache (`cache_disabled`, which spawned workers
    do not inherit): no worker writes the segmentation cache or jieba's."""
    write_generated(folder, 6)
    with cache_disabled():
        index = SearchIndex.build(load([folder]).reports)
        index.segment_reports(parallel_threshold=0, workers=2)
    assert index.pool_used
    assert _files(cache_home) == []

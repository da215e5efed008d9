"""The browser opened on a store an older govread made: upgraded in place first (its
reports kept), then read; a newer govread's store is told, and left as it is."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from govread import store
from govread.tui.app import GovreadApp

SIZE = (100, 30)


def _older(source: Path, target: Path, version: int) -> Path:
    shutil.copy(source, target)
    with sqlite3.connect(target) as raw:
        if version < 7:  # schema 6 did not name the copies of other reports
            raw.execute("ALTER TABLE reports DROP COLUMN duplicate_of")
        if version < 6:  # schema 5 had no target flag on the figures
            raw.execute("ALTER TABLE figures DROP COLUMN target")
            raw.execute("ALTER TABLE figures DROP COLUMN earlier")
        if version < 5:  # schema 4 had no packed postings
            raw.execute("DROP TABLE grams_packed")
            raw.execute("DROP TABLE grams_segments")
        raw.execute(f"PRAGMA user_version={version}")
    raw.close()
    return target


@pytest.mark.parametrize("version", [4, 5, 6])
async def test_an_older_store_is_upgraded_then_browsed(
    sample_store: Path, tmp_path: Path, version: int
) -> None:
    path = _older(sample_store, tmp_path / "old.sqlite3", version)
    app = GovreadApp(store=path)
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.problems
        with store.Store(path) as opened:
            assert len(app.reports) == opened.report_count() > 0
        assert not [n for n in app._notifications if "older govread" in n.message]
    assert not store.upgradable(path)
    with sqlite3.connect(path) as raw:  # the figures' target flags, as a new store's
        columns = [row[1] for row in raw.execute("PRAGMA table_info(figures)")]
        flags = raw.execute("SELECT count(*), total(target) FROM figures").fetchone()
    raw.close()
    assert "target" in columns and 0 < flags[1] < flags[0]


async def test_reports_an_older_govread_indexed_are_told(
    sample_store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "store.sqlite3"
    shutil.copy(sample_store, path)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE reports SET parser='6'")
        (count,) = raw.execute("SELECT count(*) FROM reports").fetchone()
    raw.close()
    app = GovreadApp(store=path)
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        told = [n.message for n in app._notifications if "older govread" in n.message]
        assert len(told) == 1 and f"{count} reports" in told[0]


async def test_a_newer_store_is_told_and_left_as_it_is(sample_store: Path, tmp_path: Path) -> None:
    path = _older(sample_store, tmp_path / "new.sqlite3", store.SCHEMA_VERSION + 1)
    before = path.read_bytes()
    app = GovreadApp(store=path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.reports
        assert "newer govread" in str(app.problems[0])
    assert path.read_bytes() == before

"""Fixtures for the TUI tests: a started app with its reports loaded."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot


async def _loaded(pilot: Pilot[object]) -> None:
    """Wait until the loading worker is done and its messages are handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def loaded() -> Callable[[Pilot[object]], Awaitable[None]]:
    return _loaded

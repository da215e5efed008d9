"""Shared fixtures: the bundled samples and their hand-labelled expectations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from govread.parsers import Report
from govread.parsers.readers import read_report

from govread.corpus import sample_paths

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def _expected_for(name: str) -> dict[str, object]:
    path = FIXTURES / "expected" / f"{Path(name).stem}.json"
    data: dict[str, object] = json.loads(path.read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def expected_for() -> Callable[[str], dict[str, object]]:
    """The hand-labelled outline and metadata of a sample, by file name."""
    return _expected_for


@pytest.fixture(scope="session")
def expected_files() -> list[Path]:
    return EXPECTED


@pytest.fixture(scope="session")
def samples() -> list[Report]:
    return [read_report(path) for path in sample_paths()]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config, data and cache go to a temporary home: tests never touch the user's files."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        monkeypatch.setenv(var, str(home / sub))

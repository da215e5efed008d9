"""The [keymap] table of config.toml: read with the config, checked for its form, kept on save."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from govread.config import Config, load_config, save_config
from govread.keymap import MAX_KEYS, key_problem, keys_problem, read_keymap


@pytest.mark.parametrize(
    "keys", ["slash", "ctrl+f", "?", "G", "f1", "shift+tab", "ctrl+alt+delete", "/", "ctrl+/"]
)
def test_keys_that_can_be_bound(keys: str) -> None:
    assert key_problem(keys) is None


@pytest.mark.parametrize(
    ("keys", "problem"),
    [
        ("ctrl+", "ends with '+'"),
        ("hyper+ctrl+super+", "ends with '+'"),
        ("cmd+f", "unknown modifier"),
        ("ctrl+ctrl+f", "a modifier twice"),
        ("page down", "not a key name"),
        ("ctrl+\x1b", "not a key"),
        (" ", "not a key"),
        ("x" * 33, "not a key name"),
        ("页", None),  # one character, as typed
        ("下一页", "not a key name"),
    ],
)
def test_keys_that_cannot(keys: str, problem: str | None) -> None:
    assert key_problem(keys) == problem


def test_lists_of_keys() -> None:
    assert keys_problem("slash, ctrl+f") is None
    assert keys_problem("slash,,ctrl+f") == "an empty key"
    assert keys_problem(",".join("abcdefghij")) == f"more than {MAX_KEYS} keys"


def test_hostile_values_are_checked_quickly_and_named_safely() -> None:
    started = time.monotonic()
    for value in ("+" * 10_000, "ctrl+" * 2_000, "a," * 5_000, "\x1b[31m" * 1_000, "x" * 10_000):
        assert keys_problem(value) is not None
    assert time.monotonic() - started < 1.0
    table = {"\x1b]0;pwned\x07": "\x1b[2J", "b": "ok+" * 3_000}
    keymap, warnings = read_keymap(table, "config.toml")
    assert keymap == {}
    assert len(warnings) == 1 and "\x1b" not in warnings[0] and "\x07" not in warnings[0]
    assert len(warnings[0]) < 20_000


def test_a_huge_table_is_one_bounded_warning() -> None:
    keymap, warnings = read_keymap({f"id{i}": "ctrl+" for i in range(10_000)}, "config.toml")
    assert keymap == {} and len(warnings) == 1
    assert "more" in warnings[0] and len(warnings[0]) < 1_000


def test_the_keymap_is_read_with_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "govread-light"\n[keymap]\n"browser.filter" = "slash, ctrl+f"\n'
        '"browser.quit" = 3\n',
        "utf-8",
    )
    config, warnings = load_config(path)
    assert config.theme == "govread-light"
    assert config.keymap == {"browser.filter": "slash,ctrl+f"}
    assert len(warnings) == 1 and "'browser.quit' (the keys must be a string)" in warnings[0]


def test_no_keymap_is_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "govread-light"\n', "utf-8")
    assert load_config(path) == (Config(theme="govread-light"), [])


def test_saving_the_theme_keeps_the_keymap(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"browser.filter" = "ctrl+f"\n', "utf-8")
    save_config(Config(theme="govread-dark"), path)
    saved = tomllib.loads(path.read_text("utf-8"))
    assert saved == {"theme": "govread-dark", "keymap": {"browser.filter": "ctrl+f"}}

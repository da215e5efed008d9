"""The user config: platform directory, atomic TOML writes, corrupt files ignored with a warning."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from govread.config import (
    Config,
    ConfigError,
    config_dir,
    config_path,
    load_config,
    save_config,
    user_themes_dir,
)


def test_the_config_lives_in_the_isolated_config_home() -> None:
    assert config_dir() == Path(os.environ["XDG_CONFIG_HOME"]) / "govread"
    assert config_path().name == "config.toml"
    assert user_themes_dir() == config_dir() / "themes"


def test_missing_config_is_the_defaults() -> None:
    assert load_config() == (Config(), [])


def test_save_then_load_round_trips_and_keeps_other_keys() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('other = "kept"\ntheme = "old"\n', "utf-8")
    save_config(Config(theme="govread-light"))
    assert tomllib.loads(path.read_text("utf-8")) == {"other": "kept", "theme": "govread-light"}
    assert load_config() == (Config(theme="govread-light"), [])
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temp file left


def test_corrupt_config_is_moved_aside_with_a_warning_and_kept() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "unterminated\n', "utf-8")
    config, warnings = load_config()
    assert config == Config()
    assert len(warnings) == 1 and str(path) in warnings[0] and "not valid TOML" in warnings[0]
    (aside,) = path.parent.glob("config.toml.bad-*")
    assert aside.name in warnings[0] and "\n" not in warnings[0]
    assert aside.read_text("utf-8") == 'theme = "unterminated\n'  # kept for the user
    save_config(Config(theme="govread-dark"))  # and the next save starts afresh
    assert load_config() == (Config(theme="govread-dark"), [])


def test_a_config_damaged_after_loading_is_never_overwritten() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "unterminated\n', "utf-8")
    with pytest.raises(ConfigError):
        save_config(Config(theme="govread-dark"))
    assert path.read_text("utf-8") == 'theme = "unterminated\n'


@pytest.mark.parametrize("content", ["theme = 3\n", 'theme = ""\n', "theme = [1]\n"])
def test_a_wrong_theme_value_is_ignored_with_a_warning(content: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(content, "utf-8")
    config, warnings = load_config()
    assert config.theme is None and len(warnings) == 1


def test_non_utf8_config_is_a_warning() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"theme = '\xff\xfe'")
    config, warnings = load_config()
    assert config == Config() and "UTF-8" in warnings[0]


def test_a_folder_that_cannot_be_made_is_a_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be", "utf-8")
    with pytest.raises(ConfigError, match=r"cannot be (read|written)"):
        save_config(Config(theme="x"), blocker / "govread" / "config.toml")
    assert blocker.read_text("utf-8").startswith("a file")


def test_an_unreadable_config_says_none_of_its_settings_are_used(tmp_path: Path) -> None:
    """QA: `store_max_mb = 99999999999999999999` was said as "its language is not used"
    (the file set no language): the whole file is unusable, so none of its settings are."""
    from govread.config import language_setting
    from govread.i18n import language, set_language

    path = tmp_path / "config.toml"
    path.write_text("store_max_mb = 99999999999999999999\n", "utf-8")
    was = language()
    set_language("en")
    try:
        assert language_setting(path).problem() == (
            f"{path}: holds a number too large; none of its settings are used"
        )
    finally:
        set_language(was)

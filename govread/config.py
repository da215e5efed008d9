"""The user's settings: a small TOML file in the platform's config directory.

    ~/.config/govread/config.toml      theme = "govread-dark"
    ~/.config/govread/themes/*.toml    the user's own colour themes

Read with tomllib, written atomically with tomli-w. A config that cannot be read is
ignored with a warning (never a crash), and is then left alone rather than overwritten,
so a hand-edited file with a typo is not lost.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

APP_NAME = "govread"
CONFIG_FILE = "config.toml"
THEMES_FOLDER = "themes"


class ConfigError(Exception):
    """The config file cannot be read or written; ``str()`` is one line for a person."""


def config_dir() -> Path:
    """The folder holding govread's config and user themes (it may not exist yet)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def user_themes_dir() -> Path:
    return config_dir() / THEMES_FOLDER


@dataclass(frozen=True, slots=True)
class Config:
    """The settings govread keeps between runs."""

    theme: str | None = None


def _read_table(path: Path) -> dict[str, Any]:
    """The file's TOML table: empty when the file is missing, `ConfigError` when unreadable."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # nothing saved yet
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: is not valid TOML ({error})") from None


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The saved settings, and warnings about anything in the file that was ignored."""
    path = path or config_path()
    try:
        table = _read_table(path)
    except ConfigError as error:
        return Config(), [f"{error}; using the defaults"]
    warnings: list[str] = []
    theme = table.get("theme")
    if theme is not None and not (isinstance(theme, str) and theme.strip()):
        warnings.append(f"{path}: 'theme' must be a theme name in quotes; ignored")
        theme = None
    return Config(theme=theme), warnings


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the settings, keeping any other keys already in the file.

    Raises `ConfigError` when the existing file cannot be read (it is not replaced) or
    the new one cannot be written.
    """
    path = path or config_path()
    table = _read_table(path)
    if config.theme is None:
        table.pop("theme", None)
    else:
        table["theme"] = config.theme
    write_atomically(path, tomli_w.dumps(table).encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ConfigError(f"{path}: cannot be written ({error.strerror or error})") from None

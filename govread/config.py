"""The user's settings: a small TOML file in the platform's config directory.

    ~/.config/govread/config.toml      theme = "govread-dark"
                                       citation_style = "gbt7714"   (or "plain")
                                       language = "zh"              (or "en")
                                       store_max_mb = 2048          (the store's size cap)
    ~/.config/govread/themes/*.toml    the user's own colour themes

Read through the guarded reader (`govread.statefile`: a regular file of at most 1 MiB,
not nested too deep); a config that cannot be used is moved aside
(``config.toml.bad-<timestamp>``) with one warning, never a crash, and govread starts with
the defaults. Saving rewrites only the keys it sets with tomlkit, so the user's comments,
layout and other keys stay, and writes through `govread.atomic`, which keeps the file's
permissions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import platformdirs

from govread import statefile
from govread.atomic import WriteError, atomic_write_text, describe_os_error
from govread.i18n import LANGUAGES, N_, _
from govread.keymap import read_keymap

APP_NAME = "govread"
CONFIG_FILE = "config.toml"
THEMES_FOLDER = "themes"


DEFAULT_STORE_MAX_MB = 2048

# How `y` in the browser and `govread cite` write a citation (`govread.citation`): here, so
# that reading the settings does not import the citation code.
CitationStyle = Literal["gbt7714", "plain"]
CITATION_STYLES: tuple[CitationStyle, ...] = ("gbt7714", "plain")
DEFAULT_STYLE: CitationStyle = "gbt7714"


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
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys ([keymap])
    # How `y` in the browser cites a copied passage: "gbt7714" (GB/T 7714) or "plain".
    citation_style: CitationStyle = DEFAULT_STYLE
    # The interface language, "zh" or "en"; None: the locale's (`govread.i18n`).
    language: str | None = None
    # The store (`govread index`) refuses to grow past this many megabytes.
    store_max_mb: int = DEFAULT_STORE_MAX_MB


def _read_table(path: Path) -> dict[str, Any]:
    """The file's TOML table, empty when missing; `statefile.StateFileError` when not usable."""
    return statefile.load_toml(path, max_bytes=statefile.MAX_CONFIG_BYTES) or {}


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The saved settings, and warnings about anything in the file that was ignored.

    A file that cannot be used at all is moved aside (one warning says where to) and the
    defaults apply; a key with a wrong value is ignored with a warning and left in place.
    """
    path = path or config_path()
    table, warning, _writable = statefile.load_owned(path, _read_table, N_("settings"))
    if table is None:
        return Config(), [_("{warning}; using the defaults").format(warning=warning)]
    warnings: list[str] = []
    theme = table.get("theme")
    if theme is not None and not (isinstance(theme, str) and theme.strip()):
        warnings.append(
            _("{path}: 'theme' must be a theme name in quotes; ignored").format(
                path=statefile.display_path(path)
            )
        )
        theme = None
    style = table.get("citation_style", DEFAULT_STYLE)
    if style not in CITATION_STYLES:
        choices = _(" or ").join(f'"{name}"' for name in CITATION_STYLES)
        warnings.append(
            _("{path}: 'citation_style' must be {choices}; using \"{default}\"").format(
                path=statefile.display_path(path), choices=choices, default=DEFAULT_STYLE
            )
        )
        style = DEFAULT_STYLE
    language = table.get("language")
    if language is not None and language not in LANGUAGES:
        choices = _(" or ").join(f'"{name}"' for name in LANGUAGES)
        warnings.append(
            _("{path}: 'language' must be {choices}; ignored").format(
                path=statefile.display_path(path), choices=choices
            )
        )
        language = None
    store_max_mb = table.get("store_max_mb", DEFAULT_STORE_MAX_MB)
    if isinstance(store_max_mb, bool) or not isinstance(store_max_mb, int) or store_max_mb < 1:
        warnings.append(
            _(
                "{path}: 'store_max_mb' must be a whole number of megabytes, 1 or more; "
                "using {default}"
            ).format(path=statefile.display_path(path), default=DEFAULT_STORE_MAX_MB)
        )
        store_max_mb = DEFAULT_STORE_MAX_MB
    keymap, keymap_warnings = read_keymap(table.get("keymap"), statefile.display_path(path))
    config = Config(
        theme=theme,
        keymap=keymap,
        citation_style=style,
        language=language,
        store_max_mb=store_max_mb,
    )
    return config, warnings + keymap_warnings


@dataclass(frozen=True, slots=True)
class LanguageSetting:
    """config.toml's ``language``, read once for a command: the language to use (or None),
    and why the file's entry is not used, if it is there and cannot be."""

    path: Path
    value: object = None  # what ``language`` holds (None when absent)
    error: statefile.StateFileError | None = None  # the file could not be read

    @property
    def language(self) -> str | None:
        return self.value if isinstance(self.value, str) and self.value in LANGUAGES else None

    def problem(self) -> str | None:
        """Why the entry is not used (the file cannot be read, or the value is not one of
        `LANGUAGES`), in the interface language in force; None when fine or absent. For
        the command line, which otherwise spoke English without a word."""
        if self.error is not None:
            return _("{path}: {reason}; none of its settings are used").format(
                path=statefile.display_path(self.error.path), reason=_(self.error.reason)
            )
        if self.value is None or self.language is not None:
            return None
        choices = _(" or ").join(f'"{name}"' for name in LANGUAGES)
        return _("{path}: 'language' must be {choices}; ignored").format(
            path=statefile.display_path(self.path), choices=choices
        )


def language_setting(path: Path | None = None) -> LanguageSetting:
    """Read config.toml's ``language`` without touching the file (a bad file is left for
    `load_config`, which sets it aside with a warning the user sees)."""
    path = path or config_path()
    try:
        return LanguageSetting(path, _read_table(path).get("language"))
    except statefile.StateFileError as error:
        return LanguageSetting(path, error=error)


def configured_language(path: Path | None = None) -> str | None:
    """config.toml's ``language``, or None."""
    return language_setting(path).language


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the settings, keeping the comments, layout and other keys of the file.

    Raises `ConfigError` when the existing file cannot be read or used (it is not
    replaced) or the new one cannot be written. A config that is a symlink to a regular
    file (dotfile managers) is written where it points, so the link stays (the atomic
    writer's rule: `govread.atomic.write_target`).
    """
    path = path or config_path()
    try:
        data = statefile.read_bytes(path, max_bytes=statefile.MAX_CONFIG_BYTES)
        text = "" if data is None else statefile.decode(path, data)
        statefile.parse_toml(path, text)  # bounded checks first: tomlkit recurses
    except statefile.StateFileError as error:
        raise ConfigError(str(error)) from None
    import tomlkit  # only when saving: every command reads the config at start
    import tomlkit.exceptions

    try:
        document = tomlkit.parse(text)
    except (tomlkit.exceptions.TOMLKitError, ValueError, RecursionError):
        raise ConfigError(
            _("{path}: is not valid TOML").format(path=statefile.display_path(path))
        ) from None
    if config.theme is None:
        document.pop("theme", None)
    else:
        document["theme"] = config.theme
    write_atomically(path, tomlkit.dumps(document))


def write_atomically(path: Path, text: str) -> None:
    """Write the config through `govread.atomic` (temporary file, fsync, rename; the
    file's permissions kept); `ConfigError` with one line when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text, overwrite=True)
    except WriteError as error:
        raise ConfigError(
            _("{path}: cannot be written ({reason})").format(
                path=statefile.display_path(path), reason=error.shown_reason()
            )
        ) from None
    except OSError as error:
        raise ConfigError(
            _("{path}: cannot be written ({reason})").format(
                path=statefile.display_path(path), reason=_(describe_os_error(error))
            )
        ) from None

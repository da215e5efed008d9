"""govread's colour themes, and the loader for users' own theme files.

Every theme, bundled or the user's, is a TOML file holding the fields of
`textual.theme.Theme` (name, dark, primary, secondary, accent, foreground, background,
surface, panel, warning, error, success, boost, luminosity_spread, text_alpha) and an
optional ``[variables]`` table. The bundled ones are in this folder; users put theirs in
``<config dir>/themes/``. A bad user file is reported and skipped, never fatal.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES as TEXTUAL_THEMES
from textual.theme import Theme

from govread.sanitize import sanitize_line, sanitize_path
from govread.statefile import MAX_THEME_BYTES, StateFileError, load_toml

DEFAULT_THEME = "govread-dark"
BUNDLED_THEME_NAMES = ("govread-dark", "govread-light", "govread-high-contrast")

_COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
    "boost",
)
_NUMBER_FIELDS = ("luminosity_spread", "text_alpha")
# A theme's name is shown in the palette and the settings: a word, not a page.
MAX_NAME_LENGTH = 64
# Themes read from the user's folder at most, so a folder of junk cannot stall start-up.
MAX_THEME_FILES = 200
_KNOWN = {"name", "dark", "variables", *_COLOUR_FIELDS, *_NUMBER_FIELDS}


def is_theme_name(name: object) -> bool:
    """A theme name is an identifier: shown in the palette and saved in the config, it must
    hold no control character, no markup bracket and no space."""
    return (
        isinstance(name, str)
        and 0 < len(name) <= MAX_NAME_LENGTH
        and all(char.isalnum() or char in "-_." for char in name)
        and name.isprintable()
    )


class ThemeFileError(Exception):
    """A theme file that cannot be used; ``str()`` is one line for a person."""


def theme_from_table(table: dict[str, Any], source: str) -> Theme:
    """A `Theme` from a TOML table, checking every field (`ThemeFileError` if wrong)."""
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise ThemeFileError(f"{source}: unknown field {unknown[0]!r}")
    name = table.get("name")
    if isinstance(name, str) and len(name) > MAX_NAME_LENGTH:
        raise ThemeFileError(f"{source}: 'name' is longer than {MAX_NAME_LENGTH} characters")
    if not is_theme_name(name):
        raise ThemeFileError(
            f"{source}: 'name' must be 1 to {MAX_NAME_LENGTH} letters, digits, '-', '_' or '.'"
        )
    if "primary" not in table:
        raise ThemeFileError(f"{source}: 'primary' colour is required")
    fields: dict[str, Any] = {"name": name}
    for key in _COLOUR_FIELDS:
        if key in table:
            fields[key] = _colour(table[key], key, source)
    for key in _NUMBER_FIELDS:
        if key in table:
            value = table[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
                raise ThemeFileError(f"{source}: {key!r} must be a number from 0 to 1")
            fields[key] = float(value)
    dark = table.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{source}: 'dark' must be true or false")
    variables = table.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        raise ThemeFileError(f"{source}: [variables] must map names to strings")
    return Theme(dark=dark, variables=dict(variables), **fields)


def _colour(value: object, key: str, source: str) -> str:
    if not isinstance(value, str):
        raise ThemeFileError(f'{source}: {key!r} must be a colour in quotes, like "#1b1d23"')
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeFileError(f"{source}: {key!r} is not a colour: {value!r}") from None
    return value


def theme_from_file(path: Path) -> Theme:
    """A user's theme file, read through the guarded reader (a regular file of at most
    256 KiB, not nested too deep); `ThemeFileError` with one line when it cannot be used.
    The file is the user's: it is reported, never moved."""
    try:
        table = load_toml(path, max_bytes=MAX_THEME_BYTES)
    except StateFileError as error:
        raise ThemeFileError(str(error)) from None
    if table is None:
        raise ThemeFileError(f"{sanitize_path(path)}: cannot be read (it is gone)")
    return theme_from_table(table, sanitize_path(path))


def bundled_themes() -> list[Theme]:
    """govread's own themes: dark (the default), light and high contrast."""
    # beside this module, like the widgets' .tcss files: `importlib.resources` (and the
    # zipfile module its readers import) cost the first frame ≈ 2 ms
    folder = Path(__file__).parent
    themes = []
    for name in BUNDLED_THEME_NAMES:
        source = folder / f"{name}.toml"
        themes.append(theme_from_table(tomllib.loads(source.read_text("utf-8")), name))
    return themes


def user_themes(folder: Path, taken: Iterable[str] = ()) -> tuple[list[Theme], list[str]]:
    """The themes in ``folder/*.toml`` and one warning per file that was skipped."""
    taken_names = set(taken)
    themes: list[Theme] = []
    warnings: list[str] = []
    try:
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    except OSError as error:
        return [], [sanitize_line(f"{folder}: cannot be listed ({error})")]
    if len(files) > MAX_THEME_FILES:
        warnings.append(
            f"{sanitize_path(folder)}: {len(files)} theme files; only the first "
            f"{MAX_THEME_FILES} are read"
        )
        files = files[:MAX_THEME_FILES]
    for path in files:
        try:
            theme = theme_from_file(path)
        except ThemeFileError as error:
            warnings.append(f"theme skipped: {sanitize_line(str(error))}")
            continue
        if theme.name in taken_names:
            warnings.append(
                f"theme skipped: {sanitize_path(path)}: the name {theme.name!r} is already taken"
            )
            continue
        taken_names.add(theme.name)
        themes.append(theme)
    return themes, warnings


def all_themes(user_folder: Path | None) -> tuple[list[Theme], list[str]]:
    """Every theme govread registers (bundled, then the user's), with the user-file warnings.

    Textual's own themes (textual-dark, nord, …) are registered by Textual itself.
    """
    bundled = bundled_themes()
    if user_folder is None:
        return bundled, []
    taken = [*TEXTUAL_THEMES, *(theme.name for theme in bundled)]
    mine, warnings = user_themes(user_folder, taken)
    return [*bundled, *mine], warnings


def theme_names(themes: Iterable[Theme]) -> list[str]:
    """The names a user may pass to ``--theme``: Textual's themes and the given ones."""
    return sorted({*TEXTUAL_THEMES, *(theme.name for theme in themes)})

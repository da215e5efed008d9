"""Themes: bundled ones registered, --theme, the palette switch remembered, user theme files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.command import CommandPalette

from govread.cli import main
from govread.config import config_path, user_themes_dir
from govread.themes import (
    BUNDLED_THEME_NAMES,
    ThemeFileError,
    bundled_themes,
    theme_from_table,
    user_themes,
)
from govread.tui.app import GovreadApp, UnknownThemeError

SIZE = (100, 30)


def saved_theme() -> str | None:
    path = config_path()
    if not path.exists():
        return None
    return tomllib.loads(path.read_text("utf-8")).get("theme")


def test_three_bundled_themes_dark_light_and_high_contrast() -> None:
    themes = {theme.name: theme for theme in bundled_themes()}
    assert list(themes) == list(BUNDLED_THEME_NAMES)
    assert themes["govread-dark"].dark and not themes["govread-light"].dark
    contrast = themes["govread-high-contrast"]
    assert contrast.background == "#000000" and contrast.foreground == "#ffffff"


async def test_default_theme_is_govread_dark_and_all_are_registered(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "govread-dark"
        assert set(BUNDLED_THEME_NAMES) <= set(app.available_themes)
        assert saved_theme() is None  # nothing chosen, nothing written


async def test_theme_name_is_used_and_remembered(loaded) -> None:
    app = GovreadApp(theme_name="govread-high-contrast")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "govread-high-contrast"
    assert saved_theme() == "govread-high-contrast"
    again = GovreadApp()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)  # quitting in the middle of loading is another test's subject
        assert again.theme == "govread-high-contrast"


def test_unknown_theme_name_is_refused() -> None:
    with pytest.raises(UnknownThemeError, match="unknown theme 'nope'"):
        GovreadApp(theme_name="nope")


def test_cli_unknown_theme_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--theme", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("govread: error: unknown theme 'nope'; choose one of: ")
    assert "govread-light" in err


async def test_palette_switches_theme_and_the_choice_is_remembered(loaded, palette_pick) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_pick(pilot, "theme")
        assert isinstance(app.screen, CommandPalette)  # the themes to choose from
        await palette_pick(pilot, "govread-light")
        assert app.theme == "govread-light"
    assert saved_theme() == "govread-light"
    again = GovreadApp()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)  # quitting in the middle of loading is another test's subject
        assert again.theme == "govread-light"


async def test_figures_take_the_themes_accent(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        pane = app.browser.detail
        text = pane._highlighted("2023年共办理67件,占100%")
        styled = [text.plain[s.start : s.end] for s in text.spans]
        assert styled == ["67件", "100%"]
        dark_colour = text.spans[0].style.color
        app.theme = "govread-light"
        await pilot.pause()
        light = pane._highlighted("67件").spans[0].style.color
        assert light != dark_colour


async def test_figures_in_a_heading_are_highlighted_as_in_its_text(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        pane = app.browser.detail
        text = pane._heading("(三)行政复议案件办结率达98%", "(三)")
        assert [text.plain[s.start : s.end] for s in text.spans] == ["98%"]
        assert not pane._heading("2.2023年度工作", "2.").spans  # a number, a year: none


def write_theme(name: str, body: str) -> Path:
    folder = user_themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, "utf-8")
    return path


async def test_user_themes_load_and_bad_ones_are_reported(loaded, notices) -> None:
    write_theme(
        "sepia.toml",
        'name = "sepia"\ndark = false\nprimary = "#704214"\n'
        'background = "#f4ecd8"\nforeground = "#3b2f2f"\n',
    )
    bad = write_theme("bad.toml", 'name = "bad"\nprimary = "not a colour"\n')
    write_theme("clash.toml", 'name = "govread-dark"\nprimary = "#000000"\n')
    write_theme("broken.toml", "name = \n")
    app = GovreadApp(theme_name="sepia")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "sepia"
        messages = [n.message for n in notices]
        assert any(str(bad) in m and "not a colour" in m for m in messages)
        assert any("clash.toml" in m and "already taken" in m for m in messages)
        assert any("broken.toml" in m and "not valid TOML" in m for m in messages)
        assert app.get_theme("govread-dark").primary != "#000000"


async def test_corrupt_config_is_a_warning_not_a_crash(loaded, notices) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text("theme = = =\n", "utf-8")
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "govread-dark" and len(app.reports) == 5
        assert any("not valid TOML" in n.message for n in notices)
        (aside,) = path.parent.glob("config.toml.bad-*")  # moved aside, kept for the user
        assert aside.read_text("utf-8") == "theme = = =\n"
        app.theme = "govread-light"  # remembered in a fresh file
        await pilot.pause()
        assert path.read_text("utf-8") == 'theme = "govread-light"\n'
        assert aside.read_text("utf-8") == "theme = = =\n"


async def test_a_saved_theme_that_is_gone_falls_back_with_a_warning(loaded, notices) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "removed-theme"\n', "utf-8")
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "govread-dark"
        assert any("removed-theme" in n.message for n in notices)


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        ({"primary": "#000"}, "'name'"),
        ({"name": "a b", "primary": "#000"}, "'name'"),
        ({"name": "x"}, "'primary'"),
        ({"name": "x", "primary": "#000", "colour": "#fff"}, "unknown field"),
        ({"name": "x", "primary": "#000", "dark": "yes"}, "'dark'"),
        ({"name": "x", "primary": "#000", "text_alpha": 2}, "'text_alpha'"),
        ({"name": "x", "primary": "#000", "variables": {"a": 1}}, "[variables]"),
        ({"name": "x", "primary": 3}, "'primary'"),
    ],
)
def test_theme_tables_are_checked(table: dict[str, object], reason: str) -> None:
    with pytest.raises(ThemeFileError) as error:
        theme_from_table(table, "t.toml")
    assert str(error.value).startswith("t.toml: ") and reason in str(error.value)


def test_user_themes_in_a_missing_folder_are_none(tmp_path: Path) -> None:
    assert user_themes(tmp_path / "none") == ([], [])

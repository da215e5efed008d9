"""The user's keymap: [keymap] in config.toml rebinds keys by binding id, shown in help and footer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Footer, Input

from govread.config import config_path
from govread.tui.app import GovreadApp
from govread.tui.dialogs.help import HelpScreen, binding_groups
from govread.tui.keymap import bindings_by_id, key_name, user_keymap

SIZE = (120, 40)
TUI = Path(__import__("govread.tui", fromlist=["_"]).__file__).parent


def write_config(text: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def browser_keys(app: GovreadApp) -> dict[str, str]:
    """The help screen's Browser group: description -> keys shown."""
    groups = dict(binding_groups(app.browser))
    return {d.split(":")[0]: k for k, d in groups["Browser"]}


def filter_open(app: GovreadApp) -> bool:
    return isinstance(app.focused, Input)


async def test_a_remapped_key_works_the_old_one_does_not_and_help_shows_it(loaded) -> None:
    write_config('[keymap]\n"browser.filter" = "ctrl+f"\n"browser.expand_all" = "x,X"\n')
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")  # the default key no longer opens the filter
        await pilot.pause()
        assert not filter_open(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert filter_open(app)
        await pilot.press("escape")
        await pilot.pause()

        keys = browser_keys(app)
        assert keys["Filter"] == "^f"
        assert set(keys["Expand all"].split()) == {"x", "X"}
        assert keys["Collapse all"] == "-"  # not remapped: unchanged

        footer_keys = {
            binding.key
            for _, binding, _, _ in app.screen.active_bindings.values()
            if binding.id == "browser.filter"
        }
        assert footer_keys == {"ctrl+f"}  # what the footer is drawn from
        assert app.screen.query_one(Footer) is not None

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, color_system=None)
        with console.capture() as capture:
            console.print(app.screen.help_table)
        lines = capture.get().splitlines()
        assert any("^f" in line and "Filter:" in line for line in lines)
        assert not any(line.split()[:1] == ["/"] and "Filter:" in line for line in lines)


async def test_a_key_given_as_a_character_works(loaded) -> None:
    write_config('[keymap]\n"browser.filter" = "?"\n"app.help" = "f1"\n')
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert filter_open(app) and not isinstance(app.screen, HelpScreen)


async def test_bad_entries_are_one_warning_and_the_rest_apply(loaded, notices) -> None:
    write_config(
        "[keymap]\n"
        '"browser.filter" = "ctrl+f"\n'
        '"no.such.binding" = "z"\n'
        '"browser.compare" = "ctrl+"\n'
        '"browser.export" = 5\n'
        '"browser.hits" = "hyperactive+x"\n'
    )
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        warnings = [n.message for n in notices if "[keymap]" in n.message]
        assert len(warnings) == 2  # the file's form, then the binding ids: one line each
        text = " ".join(warnings)
        for name in ("no.such.binding", "browser.compare", "browser.export", "browser.hits"):
            assert name in text
        assert all(n.markup is False for n in notices)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert filter_open(app)
        await pilot.press("escape", "c")  # the bad entry left the default key alone
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportPicker"


async def test_a_keymap_that_is_not_a_table_is_a_warning(loaded, notices) -> None:
    write_config('keymap = "ctrl+f"\n')
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert any("[keymap] must be a table" in n.message for n in notices)
        await pilot.press("slash")
        await pilot.pause()
        assert filter_open(app)


def _bindings_in_source() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding":
                found.append((path.name, node.lineno, node))
    return found


def test_every_binding_has_an_id() -> None:
    bindings = _bindings_in_source()
    assert len(bindings) > 50
    missing = [
        f"{name}:{line}"
        for name, line, call in bindings
        if "id" not in {k.arg for k in call.keywords}
    ]
    assert missing == []
    ids = {next(k.value.value for k in call.keywords if k.arg == "id") for _, _, call in bindings}
    assert ids == set(bindings_by_id())  # every id is found at run time too
    assert all(binding_id.count(".") == 1 for binding_id in ids)


def test_the_readme_lists_every_binding_id() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    missing = [binding_id for binding_id in bindings_by_id() if f"`{binding_id}`" not in readme]
    assert missing == []


def test_the_readmes_keymap_table_gives_each_binding_its_default_keys_and_place() -> None:
    """`| where | binding ids (default keys) |`: each id under the group the help screen
    shows it in, with the keys it has (the words after a colon explain them)."""
    import re

    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    table = readme[readme.index("| where | binding ids") :]
    table = table[: table.index("\n\n")]
    found = bindings_by_id()
    wrong = []
    for row in table.splitlines()[2:]:
        where, ids = (cell.strip() for cell in row.split("|")[1:3])
        for binding_id, keys in re.findall(r"`(\w+\.\w+)` \(([^)]*)\)", ids):
            info = found[binding_id]
            documented = sorted(keys.split(":")[0].split())
            actual = sorted(key.strip() for key in info.keys.split(","))
            if (where, documented) != (info.where, actual):
                wrong.append((binding_id, where, documented, info.where, actual))
    assert wrong == []


@pytest.mark.parametrize(
    ("key", "name"),
    [("?", "question_mark"), ("/", "slash"), ("ctrl+/", "ctrl+slash"), ("G", "G"), ("+", "plus")],
)
def test_keys_are_spelled_as_textual_spells_them(key: str, name: str) -> None:
    assert key_name(key) == name


@pytest.mark.parametrize(
    ("drawn", "name"),
    [("pgdn", "pagedown"), ("esc", "escape"), ("⏎", "enter"), ("↓", "down"), ("^p", "ctrl+p")],
)
def test_keys_written_as_the_help_screen_draws_them_are_those_keys(drawn: str, name: str) -> None:
    """README: key names as in the help screen; it draws pagedown as pgdn, ctrl+p as ^p."""
    assert key_name(drawn) == name
    usable, warnings = user_keymap({"outline.down": f"{drawn},j"}, "config.toml")
    assert usable == {"outline.down": f"{name},j"}
    # applied, not ignored (a key another outline binding has, such as enter, is said apart)
    assert not any("no such key" in warning for warning in warnings)


def test_a_key_textual_does_not_know_is_left_out_with_one_warning() -> None:
    """A name no key has (a typo) would bind nothing, silently: the entry is ignored and
    said, the binding keeps its default keys."""
    usable, warnings = user_keymap(
        {"outline.down": "down,pgdwn", "browser.filter": "ctrl+f"}, "config.toml"
    )
    assert usable == {"browser.filter": "ctrl+f"}
    assert len(warnings) == 1 and "'outline.down' (no such key: pgdwn)" in warnings[0]


def test_unknown_ids_are_left_out_with_one_warning() -> None:
    usable, warnings = user_keymap({"browser.filter": "?,ctrl+f", "nope": "x"}, "config.toml")
    assert usable == {"browser.filter": "question_mark,ctrl+f"}
    assert len(warnings) == 1 and "'nope' (no such binding)" in warnings[0]


def test_a_key_given_to_two_bindings_of_one_place_is_a_warning() -> None:
    """QA: `"browser.compare" = "q"` took q from Quit without a word (the footer lost
    `q Quit`). The entry applies, and one warning names the key and both bindings."""
    usable, warnings = user_keymap({"browser.compare": "q,C"}, "config.toml")
    assert usable == {"browser.compare": "q,C"}
    assert warnings == [
        "config.toml: [keymap] one key for two bindings, only one of which gets it: "
        "q (browser.compare, browser.quit)"
    ]


def test_a_key_moved_along_with_the_binding_that_had_it_is_no_warning() -> None:
    keymap = {"browser.compare": "q", "browser.quit": "ctrl+x", "outline.down": "down,j,ctrl+n"}
    assert user_keymap(keymap, "config.toml")[1] == []

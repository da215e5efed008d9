"""The user's keymap: [keymap] in config.toml rebinds keys by binding id, shown in help and footer."""

from __future__ import annotations

import ast
import re
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


# -- the lines that name a key name the keys in force ----------------------------------------
#
# A hint line, an empty list's advice, a tooltip or a notice that names a key is written with
# the binding's id as a field (``{marks.unmark} unmark``), filled with the keys the binding has
# now: the user's, in both languages.

REMAPPED = {
    "browser.mark": "x",
    "browser.tag": "ctrl+y",
    "browser.list_marks": "ctrl+l",
    "marks.unmark": "u",
    "marks.close": "ctrl+w,q",
    "marks.go_to": "o",
    "marks.next_tag": "ctrl+t",
    "marks.down": "n",
    "marks.up": "p",
    "tags.cancel": "ctrl+g",
    "note.save": "ctrl+o",
    "note.cancel": "f2",
    "export.cancel": "f3",
    "help.close": "f4,escape",
    "app.command_palette": "ctrl+k",
    "picker.toggle": "f6",
    "picker.timeline": "ctrl+e",
    "picker.cancel": "f5",
    "browser.next_hit": "ctrl+n",
}


def keymap_toml(keymap: dict[str, str], language: str) -> str:
    lines = [f'language = "{language}"', "[keymap]"]
    lines += [f'"{binding_id}" = "{keys}"' for binding_id, keys in keymap.items()]
    return "\n".join(lines) + "\n"


def plain(widget_text: object) -> str:
    return str(getattr(widget_text, "plain", widget_text))


async def opened(pilot, key: str, screen_type: type) -> object:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type), pilot.app.screen
    return pilot.app.screen


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_hint_lines_name_the_keys_the_keymap_gives(loaded, notices, language) -> None:
    from textual.widgets import Static

    from govread.tui.compare.picker import ReportPicker
    from govread.tui.dialogs.annotate import NoteDialog, TagDialog
    from govread.tui.dialogs.export import ExportDialog
    from govread.tui.dialogs.marks_list import MarksListScreen

    write_config(keymap_toml(REMAPPED, language))
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        # nothing marked: the empty list and the export say how to mark, with x
        marks = await opened(pilot, "ctrl+l", MarksListScreen)
        summary = plain(marks.query_one("#marks-summary", Static).render())
        hint = plain(marks.query_one("#marks-hint", Static).render())
        assert " x " in summary and "space" not in summary and "空格" not in summary
        for key in ("n p", "o", "u", "ctrl+t", "ctrl+w"):
            assert key in hint, (key, hint)
        for old in ("j k", "space", "空格", "delete", "escape", "· t "):
            assert old not in hint, (old, hint)
        await pilot.press("ctrl+t")  # no tag in use: the summary line names the tag key
        await pilot.pause()
        said = plain(marks.query_one("#marks-summary", Static).render()).split("\n")[-1]
        assert "ctrl+y" in said and "#" not in said
        await pilot.press("ctrl+w")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert " x " in notices[-1].message and "space" not in notices[-1].message

        tags = await opened(pilot, "ctrl+y", TagDialog)
        hint = plain(tags.query_one("#annotate-hint", Static).render())
        assert "ctrl+g" in hint and "escape" not in hint
        await pilot.press("ctrl+g")
        await pilot.pause()
        note = await opened(pilot, "a", NoteDialog)
        hint = plain(note.query_one("#annotate-hint", Static).render())
        assert "ctrl+o" in hint and "f2" in hint and "ctrl+s" not in hint and "escape" not in hint
        await pilot.press("f2")
        await pilot.pause()

        await pilot.press("x")  # a mark, so that export opens
        await pilot.pause()
        export = await opened(pilot, "e", ExportDialog)
        hint = plain(export.query_one("#export-hint", Static).render())
        assert "f3" in hint and "escape" not in hint
        await pilot.press("f3")
        await pilot.pause()

        picker = await opened(pilot, "c", ReportPicker)
        subtitle = plain(picker.query_one("#picker-hint", Static).render())
        for key in ("f6", "ctrl+e", "f5"):
            assert key in subtitle, (key, subtitle)
        for old in ("space", "空格", "ctrl+t", "escape"):
            assert old not in subtitle, (old, subtitle)
        await pilot.press("f5")
        await pilot.pause()

        help_screen = await opened(pilot, "question_mark", HelpScreen)
        assert str(help_screen.query_one("#help-body").border_subtitle).count("f4") == 1
        assert "escape" not in str(help_screen.query_one("#help-body").border_subtitle)
        console = Console(width=200, color_system=None)
        with console.capture() as capture:
            console.print(help_screen.help_table)
        shown = capture.get()
        assert "ctrl+k" in shown and "ctrl+p," not in shown
        await pilot.press("f4")
        await pilot.pause()

        await pilot.press("slash")  # the filter's footer: its tooltip names the hit keys
        await pilot.pause()
        tooltips = [
            binding.tooltip
            for _node, binding, _enabled, _tip in app.screen.active_bindings.values()
            if binding.id == "filter.to_hits"
        ]
        assert len(tooltips) == 1 and "ctrl+n / N / H" in tooltips[0]


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_hint_lines_without_a_keymap_name_the_default_keys(loaded, language) -> None:
    from textual.widgets import Static

    from govread.i18n import set_language
    from govread.tui.dialogs.annotate import NoteDialog, TagDialog

    set_language(language)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        note = await opened(pilot, "a", NoteDialog)
        expected = {"en": "ctrl+s save · escape cancel", "zh": "ctrl+s 保存 · escape 取消"}
        assert plain(note.query_one("#annotate-hint", Static).render()) == expected[language]
        await pilot.press("escape")
        await pilot.pause()
        tags = await opened(pilot, "number_sign", TagDialog)
        hint = plain(tags.query_one("#annotate-hint", Static).render())
        assert hint.startswith(
            {
                "en": "enter save · → complete · separate tags with commas · escape cancel",
                "zh": "回车保存 · → 补全 · 多个标签以逗号分隔 · escape 取消",
            }[language]
        )


def _catalogue() -> dict[str, str]:
    import tomllib

    path = Path(__import__("govread", fromlist=["_"]).__file__).parent
    return tomllib.loads((path / "data" / "messages" / "zh.toml").read_text("utf-8"))


def test_every_key_field_of_the_catalogue_names_a_binding() -> None:
    import string

    known = bindings_by_id()
    fields = {
        name
        for message, translation in _catalogue().items()
        for text in (message, translation)
        for _text, name, _spec, _conv in string.Formatter().parse(text)
        if name and "." in name
    }
    assert fields, "the hint lines name their keys by binding id"
    assert sorted(fields - set(known)) == []


# A key of a binding with an id written out as a fixed word in a message of the browser (its
# fields aside): escape, space, delete, ctrl+…, and the signs and letters the hints named.
_HARD_KEY = re.compile(r"\b(?:escape|space|delete)\b|ctrl\+|空格|\bf or\b|# in | / and|\(→\)")


def test_no_message_of_the_browser_writes_a_bindings_key_out() -> None:
    """What a user's keymap could change is never written in the browser's messages as a
    fixed key (enter in a text box, which no binding holds, may be; Textual's "Delete
    character left" is a word, not a key)."""
    import string

    from repo_scripts import load_script

    used = load_script("tools/i18n_check.py").used_ids()
    written = []
    for message, translation in _catalogue().items():
        if not used.get(message, "").startswith("tui/") or message in ("enter", "space"):
            continue
        for text in (message, translation):
            words = "".join(part for part, *_rest in string.Formatter().parse(text))
            if _HARD_KEY.search(words):
                written.append(text)
    assert written == []


def test_keys_are_written_as_the_hint_lines_write_them() -> None:
    from govread.i18n import set_language
    from govread.tui.keymap import spelled

    assert [spelled(k) for k in ("escape", "up", "question_mark", "ctrl+s", "f1", "G")] == [
        "escape",
        "↑",
        "?",
        "ctrl+s",
        "f1",
        "G",
    ]
    assert spelled("enter") == "enter" and spelled("number_sign") == "#"
    set_language("zh")
    assert (spelled("enter"), spelled("space"), spelled("shift+space")) == (
        "回车",
        "空格",
        "shift+空格",
    )


class _FakeApp:
    """What `keys_in` reads of an app: the user's keymap and the screens open (none)."""

    def __init__(self, keymap: dict[str, str]) -> None:
        self.keymap = keymap
        self.screen_stack: list[object] = []


def _place(keymap: dict[str, str]) -> object:
    from textual.binding import Binding
    from textual.widget import Widget

    fake = _FakeApp(keymap)

    class Place(Widget):
        BINDINGS = [  # noqa: RUF012
            Binding("space,delete", "unmark", "Unmark", id="place.unmark"),
            Binding("enter", "go", "Go", id="place.go"),
            Binding("escape,q", "close", "Close", id="place.close"),
        ]

        @property
        def app(self) -> _FakeApp:  # type: ignore[override]
            return fake

    return Place()


@pytest.mark.parametrize(
    ("keymap", "text", "shown"),
    [
        (
            {},
            "{place.unmark} unmark · {place.close:first} close",
            "space/delete unmark · escape close",
        ),
        ({"place.unmark": "u"}, "{place.unmark} unmark", "u unmark"),
        ({"place.close": "ctrl+w,x"}, "{place.close:first} / {place.close}", "ctrl+w / ctrl+w/x"),
        # the keymap gives space to another binding of the place: Textual takes it from this one
        (
            {"place.go": "space"},
            "{place.go} go · {place.unmark} unmark",
            "space go · delete unmark",
        ),
        ({"place.go": "space,delete"}, "{place.unmark} unmark", "— unmark"),
        ({"place.go": "question_mark"}, "{n} · {place.go}", "3 · ?"),
        ({}, "{place.nothing} here", "{place.nothing} here"),  # no such binding: as written
        ({}, "{n} and {m}", "{n} and {m}"),  # a field not given: as written
        ({}, "no field at all", "no field at all"),
    ],
)
def test_keys_in_fills_binding_fields_with_the_keys_in_force(
    keymap: dict[str, str], text: str, shown: str
) -> None:
    from govread.tui.keymap import keys_in

    assert keys_in(_place(keymap), text, n=3) == shown

"""The browser with hostile file names, theme files, marks file and export: nothing raw shows.

Names hold OSC 0 / OSC 52 sequences, an 8-bit CSI, Rich markup and a right-to-left
override (`tests/hostile.py`). Checked: every notification as Textual gets it, the header,
the outline labels, the detail pane (its File row), the picker, the compare screen and its
figures table, and the whole screen as rendered.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static, Tree

from govread.tui.app import GovreadApp
from govread.tui.compare.picker import ReportPicker
from govread.tui.compare.screen import CompareScreen

if TYPE_CHECKING:
    from govread.tui.dialogs.export import ExportDialog

Loaded = Callable[[Pilot[Any]], Awaitable[None]]
HOSTILE_STRING = "\u001b]0;PWN\u0007[link=x]y[reverse]\u009b31m\u202e"


def _user_files(hostile: Any, tmp_path: Path) -> Path:
    """Hostile user themes and marks file; an export naming a hostile format. Returns it."""
    themes = Path(os.environ["XDG_CONFIG_HOME"]) / "govread" / "themes"
    themes.mkdir(parents=True)
    (themes / "\033]0;PWN\033\\bad.toml").write_text("not toml [", "utf-8")
    for index, name in enumerate(("[link=x]y", "[reverse]", "\u001b]0;x\u0007", "a\u202eb")):
        (themes / f"t{index}.toml").write_text(
            f'name = {json.dumps(name)}\nprimary = "#ff0000"\n', "utf-8"
        )
    data = Path(os.environ["XDG_DATA_HOME"]) / "govread"
    data.mkdir(parents=True)
    (data / "marks.json").write_text(
        json.dumps({"format": "govread-marks/1", "marks": {HOSTILE_STRING: 5}}), "utf-8"
    )
    export = tmp_path / "\033]0;PWN\033\\notes.toml"
    export.write_text(f"format = {json.dumps('govread-export/9' + HOSTILE_STRING)}\n", "utf-8")
    return export


def _tree_labels(tree: Tree[Any]) -> list[str]:
    labels: list[str] = []
    stack = [tree.root]
    while stack:
        node = stack.pop()
        labels.append(node.label.plain)
        stack.extend(node.children)
    return labels


async def test_nothing_raw_reaches_the_screen(
    hostile: Any, tmp_path: Path, loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _user_files(hostile, tmp_path)
    notified: list[tuple[str, str, bool]] = []
    textual_notify = App.notify

    def record(self: App[Any], message: str, **options: Any) -> None:
        notified.append((message, options.get("title", ""), options.get("markup", True)))
        textual_notify(self, message, **options)

    monkeypatch.setattr(App, "notify", record)
    app = GovreadApp([hostile.folder, hostile.missing, export])
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        screens: list[str] = [app.export_screenshot()]

        # notifications: skipped files, the missing one, pypdf's error, themes, marks, export
        text = "\n".join(f"{title}\n{message}" for message, title, _ in notified)
        hostile.assert_clean(text)
        assert not any(markup for *_, markup in notified)
        assert "is not a readable PDF" in text and "no such file" in text
        assert text.count("theme skipped") == 5
        assert "marks file" in text and "Marks not restored" in text and "govread-export/9" in text

        # header and outline: regions guessed from names
        hostile.assert_clean(app.sub_title)
        labels = _tree_labels(app.browser.outline)
        hostile.assert_clean("\n".join(labels))
        assert {"咸宁市", "宝鸡市", "株洲市"} <= {label.split(" · ")[0] for label in labels}

        # the detail pane of every report, its File row escaped
        detail = app.browser.detail
        files = []
        outline = app.browser.outline
        for node in outline.report_nodes():
            outline.move_cursor(node)
            await pilot.pause()
            hostile.assert_clean(detail.plain_text)
            files.append(detail.plain_text)
            screens.append(app.export_screenshot())
        assert len(files) == 3
        assert any("File \\x1b]0;PWN" in shown for shown in files)

        # the picker and the compare screen, figures table included
        await pilot.press("home", "c")
        await pilot.pause()
        assert isinstance(app.screen, ReportPicker)
        screens.append(app.export_screenshot())
        await pilot.press(*"宝鸡", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        screens.append(app.export_screenshot())
        await pilot.press("f")
        await pilot.pause()
        screens.append(app.export_screenshot())

    for screen in screens:
        hostile.assert_clean(screen)
    assert "\\x1b]0;PWN" in "".join(screens)  # the names are shown, escaped


async def test_a_theme_named_with_markup_is_refused_not_rendered(loaded: Loaded) -> None:
    from govread.themes import ThemeFileError, theme_from_table

    for name in ("[link=x]y", "[reverse]", "a b", "x\x1b", "", "a" * 65, "a\u202eb", 5):
        with pytest.raises(ThemeFileError):
            theme_from_table({"name": name, "primary": "#ff0000"}, "t.toml")
    for name in ("my-theme", "solarized_2.0", "深色"):
        assert theme_from_table({"name": name, "primary": "#ff0000"}, "t.toml").name == name


async def _export_dialog(app: GovreadApp, pilot: Pilot[object]) -> ExportDialog:
    """The export dialog, `e` pressed with the first report's first section marked."""
    from govread.tui.dialogs.export import ExportDialog

    app.toggle_mark(app.reports[0].sections[0].id)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def test_text_boxes_show_controls_escaped_and_the_offered_export_path_still_works(
    hostile: Any, tmp_path: Path, loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: the export dialog offers a file in the working folder; with an escape sequence
    and a right-to-left override in that folder's name, its text box drew them raw (the
    terminal turned the rest red). A paste into the filter did the same. Text boxes now
    show such characters escaped, and the path offered, taken as it is, still writes into
    the real folder."""
    from textual import events
    from textual.widgets import Input

    folder = tmp_path / "\033[41mred\u202edir"
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = GovreadApp()
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(pilot)
        dialog = await _export_dialog(app, pilot)
        hostile.assert_clean(dialog.path_input.value)
        assert "\\x1b[41mred\\u202edir" in dialog.path_input.value
        hostile.assert_clean(app.export_screenshot())
        await pilot.press("enter")  # the path as offered
        await pilot.pause()
        assert [p.suffix for p in folder.iterdir()] == [".toml"]

        await pilot.press("slash")
        await pilot.pause()
        box = app.focused
        assert isinstance(box, Input)
        box.post_message(events.Paste("复议\033]0;PWN\007\u202e"))
        await pilot.pause()
        hostile.assert_clean(box.value)
        assert box.value.startswith("复议\\x1b]0;PWN")
        hostile.assert_clean(app.export_screenshot())


async def test_the_note_box_shows_a_pasted_escape_escaped_and_keeps_lines(
    loaded: Loaded, hostile: Any
) -> None:
    """Textual's `TextArea` draws control characters raw, as `Input` does: the note box
    escapes what is pasted or loaded and keeps the note's lines."""
    from textual import events

    from govread.tui.dialogs.annotate import NoteDialog

    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        area = app.screen.area
        area.post_message(events.Paste("第一行\n复议\033]0;PWN\007\u202e"))
        await pilot.pause()
        assert area.text.startswith("第一行\n复议\\x1b]0;PWN")
        hostile.assert_clean(area.text.replace("\n", ""))
        hostile.assert_clean(app.export_screenshot())
        area.load_text("\033[31mred")
        assert area.text == "\\x1b[31mred"
        await pilot.press("ctrl+s")
        await pilot.pause()
        section = app.browser.outline.current_node
        note = app.marks.annotation(getattr(section, "id", "")).note
        assert note == "\\x1b[31mred"


def test_every_text_box_is_a_safe_input() -> None:
    """Textual's `Input` and `TextArea` draw control characters raw: the TUI makes none but
    `SafeInput` and `SafeTextArea`."""
    import ast

    root = Path(__file__).resolve().parents[2] / "tui"
    raw: list[str] = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            raw_boxes = ("Input", "TextArea")
            made = isinstance(node, ast.Call) and getattr(node.func, "id", None) in raw_boxes
            derived = (
                isinstance(node, ast.ClassDef)
                and node.name not in ("SafeInput", "SafeTextArea")
                and any(getattr(base, "id", None) in raw_boxes for base in node.bases)
            )
            if made or derived:
                raw.append(f"{path.name}:{getattr(node, 'lineno', 0)}")
    assert raw == []


async def test_the_overwrite_question_shows_a_hostile_folder_escaped(
    hostile: Any, tmp_path: Path, loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `e`, a name of a file that exists, in a working folder whose name holds an escape
    sequence: the "File exists" question drew the path raw (the terminal took `\\x1b[31m`
    and turned the rest red)."""
    from govread.tui.dialogs.confirm import ConfirmDialog

    folder = tmp_path / "\033[31mred\u202edir"
    folder.mkdir()
    (folder / "notes.toml").write_text("mine", "utf-8")
    monkeypatch.chdir(folder)
    app = GovreadApp()
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(pilot)
        dialog = await _export_dialog(app, pilot)
        dialog.path_input.value = "notes.toml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        hostile.assert_clean(app.export_screenshot())
        # (read from the message, not the picture: where a long path wraps depends on the
        # temporary folder's name)
        message = app.screen.query_one("#confirm-message", Static).render()
        assert "\\x1b[31mred\\u202edir" in str(message)
        await pilot.press("escape")
        await pilot.pause()
        # "left as it was": the notification names the path escaped too
        hostile.assert_clean(app.export_screenshot())
        shown = [str(n.message) for n in app._notifications]
        assert any("\\x1b[31mred\\u202edir" in line for line in shown), shown
    assert (folder / "notes.toml").read_text("utf-8") == "mine"

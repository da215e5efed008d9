"""Marking nodes in the browser, the marks list, clearing, the export dialog and restoring.

Every test drives the real app with Pilot over the bundled samples; marks are saved under
the temporary data directory the autouse fixture gives each test.
"""

from __future__ import annotations

import errno
import os
import re
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.style import Style
from textual.pilot import Pilot

from govread import atomic
from govread.corpus import sample_paths
from govread.export import export_items
from govread.i18n import set_language
from govread.marks import MarkSet, report_id, resolve
from govread.parsers.model import Item, Report
from govread.tui.app import GovreadApp
from govread.tui.browser.outline import MARK_GLYPH, OutlineTree
from govread.tui.browser.screen import BrowserScreen
from govread.tui.dialogs.confirm import ConfirmDialog
from govread.tui.dialogs.export import ExportDialog
from govread.tui.dialogs.marks_list import MarksListScreen

Loaded = Callable[[Pilot[object]], Awaitable[None]]


def _messages(app: GovreadApp) -> list[str]:
    return [n.message for n in app._notifications]


def _label(outline: OutlineTree, node_id: str) -> str:
    node = outline.node_for(node_id)
    assert node is not None, node_id
    return outline.render_label(node, Style(), Style()).plain


def _shows_mark(outline: OutlineTree, node_id: str) -> bool:
    return MARK_GLYPH in _label(outline, node_id)


def _first_item(report: Report) -> Item:
    return next(item for section in report.walk() for item in section.items)


def _screen_line(outline: OutlineTree, node_id: str) -> str:
    """The text of the node's line as drawn on the screen."""
    node = outline.node_for(node_id)
    assert node is not None and node.line >= 0
    strip = outline.render_line(node.line - outline.scroll_offset.y)
    return "".join(segment.text for segment in strip)


# -- marking in the browser -------------------------------------------------------------


async def test_space_marks_and_unmarks_the_node_under_the_cursor(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        first = app.reports[0]
        section_id = first.sections[0].id
        assert app.browser.sub_title is None  # nothing marked: the app's sub-title
        assert not _shows_mark(outline, section_id)

        await pilot.press("down", "space")
        await pilot.pause()
        assert list(app.marks) == [section_id]
        assert _shows_mark(outline, section_id)
        assert MARK_GLYPH in _screen_line(outline, section_id)
        assert not _shows_mark(outline, report_id(first))  # only the node itself
        assert app.browser.sub_title is not None
        assert app.browser.sub_title.startswith("● 1 marked · 5 reports")

        await pilot.press("up", "space")  # the report itself
        await pilot.pause()
        assert _shows_mark(outline, report_id(first))
        assert outline.cursor_node is not None
        assert outline.cursor_node.is_expanded  # space marks, it does not fold
        assert app.browser.sub_title.startswith("● 2 marked")

        await pilot.press("down", "space")
        await pilot.pause()
        assert section_id not in app.marks
        assert not _shows_mark(outline, section_id)
        assert MARK_GLYPH not in _screen_line(outline, section_id)
        assert app.browser.sub_title.startswith("● 1 marked")

        await pilot.press("up", "space")
        await pilot.pause()
        assert len(app.marks) == 0
        assert app.browser.sub_title is None


async def test_an_item_can_be_marked_and_its_label_keeps_its_text(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        item = _first_item(app.reports[0])
        assert outline.go_to(item.id)
        await pilot.pause()
        before = _label(outline, item.id)
        await pilot.press("space")
        await pilot.pause()
        assert item.id in app.marks
        after = _label(outline, item.id)
        assert after == MARK_GLYPH + before  # a leaf: the glyph comes first
        assert item.heading in after


async def test_marks_made_elsewhere_show_in_the_outline(loaded: Loaded) -> None:
    """The compare screen marks through app.toggle_mark: the browser follows."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        node_id = app.reports[2].sections[1].id
        app.toggle_mark(node_id)
        await pilot.pause()
        assert _shows_mark(app.browser.outline, node_id)
        assert app.browser.sub_title and app.browser.sub_title.startswith("● 1 marked")


async def test_marks_survive_a_restart(loaded: Loaded) -> None:
    first_run = GovreadApp()
    async with first_run.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        item = _first_item(first_run.reports[2])
        section_id = first_run.reports[3].sections[0].id
        first_run.browser.outline.go_to(item.id)
        await pilot.press("space")
        first_run.browser.outline.go_to(section_id)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("q")
    assert set(MarkSet.load()[0]) == {item.id, section_id}

    second_run = GovreadApp()
    async with second_run.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        outline = second_run.browser.outline
        assert set(second_run.marks) == {item.id, section_id}
        assert _shows_mark(outline, item.id)
        assert _shows_mark(outline, section_id)
        assert MARK_GLYPH in _screen_line(outline, section_id)  # drawn, not only computed
        assert second_run.browser.sub_title
        assert second_run.browser.sub_title.startswith("● 2 marked · 5 reports")


async def test_marks_of_reports_not_open_are_counted_apart(loaded: Loaded) -> None:
    kept = "abcdefabcdef/1"
    MarkSet.load()[0].add(kept)
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.browser.sub_title
        assert app.browser.sub_title.startswith("● 0 marked (+1 in reports not open)")
        await pilot.press("down", "space")
        await pilot.pause()
        assert app.browser.sub_title.startswith("● 1 marked (+1 in reports not open)")
    assert kept in MarkSet.load()[0]


# -- the marks list and clearing --------------------------------------------------------


async def test_list_marks_goes_to_a_node_and_unmarks(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        deep_item = _first_item(app.reports[3])
        early = app.reports[0].sections[0].id
        app.toggle_mark(deep_item.id)
        app.toggle_mark(early)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarksListScreen)
        table = screen.table
        assert table.row_count == 2
        # document order: reports in the order opened, whatever the order of marking
        assert [str(key.value) for key in table.rows] == [early, deep_item.id]
        cells = [table.get_row_at(1)[i].plain for i in (0, 1, 2, 4)]  # 3: its tags
        assert cells[:3] == [app.reports[3].region, str(app.reports[3].year), "item"]
        assert deep_item.heading in cells[3] and " › " in cells[3]

        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        outline = app.browser.outline
        assert outline.current_node == deep_item  # unfolded down to it
        assert outline.has_focus

        await pilot.press("m")
        await pilot.pause()
        await pilot.press("space")  # unmark the first row
        await pilot.pause()
        assert early not in app.marks
        assert isinstance(app.screen, MarksListScreen)
        assert app.screen.table.row_count == 1
        await pilot.press("delete")
        await pilot.pause()
        assert len(app.marks) == 0
        assert app.screen.table.row_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert not _shows_mark(outline, deep_item.id)
    assert len(MarkSet.load()[0]) == 0


async def test_clear_marks_from_the_palette_asks_first(loaded: Loaded, palette_pick) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        ids = [app.reports[0].sections[0].id, _first_item(app.reports[2]).id]
        for node_id in ids:
            app.toggle_mark(node_id)
        await pilot.pause()

        async def ask() -> None:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await palette_pick(pilot, "clear marks")
            assert isinstance(app.screen, ConfirmDialog)

        await ask()
        await pilot.press("escape")  # keep them
        await pilot.pause()
        assert set(app.marks) == set(ids)

        await ask()
        await pilot.press("enter")  # the focused button is the safe one
        await pilot.pause()
        assert set(app.marks) == set(ids)

        await ask()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert len(app.marks) == 0
        assert not any(_shows_mark(app.browser.outline, node_id) for node_id in ids)
        assert app.browser.sub_title is None
        assert any("Cleared 2" in m for m in _messages(app))
    assert len(MarkSet.load()[0]) == 0


async def test_clear_marks_clears_those_another_govread_saved_too(
    loaded: Loaded, palette_pick
) -> None:
    """QA: with a second browser marking meanwhile, "Clear marks" asked to unmark the marks
    this one knew, and the other's came back on the outline once it saved."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        mine = app.reports[0].sections[0].id
        app.toggle_mark(mine)
        other, _ = MarkSet.load()  # a second govread, marking meanwhile
        theirs = app.reports[2].sections[0].id
        other.add(theirs)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_pick(pilot, "clear marks")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert len(app.marks) == 0
        assert not _shows_mark(app.browser.outline, theirs)
        assert any("Cleared 2" in m for m in _messages(app))
    assert len(MarkSet.load()[0]) == 0


# -- export -------------------------------------------------------------------------------


async def _open_export(pilot: Pilot[object]) -> ExportDialog:
    await pilot.press("e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportDialog)
    return screen


async def _submit(pilot: Pilot[object], dialog: ExportDialog, path: Path) -> None:
    dialog.path_input.value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_export_writes_the_marked_nodes(
    loaded: Loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        item = _first_item(app.reports[2])
        section = app.reports[0].sections[1]
        for node_id in (item.id, section.id):
            app.toggle_mark(node_id)
        dialog = await _open_export(pilot)
        default = Path(dialog.path_input.value)
        assert default.parent == tmp_path
        assert re.fullmatch(r"govread-\d{8}-\d{6}\.toml", default.name)
        assert dialog.path_input.has_focus

        await pilot.press("enter")  # the default path as offered
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        document = tomllib.loads(default.read_text("utf-8"))
        assert document["format"] == "govread-export/1"
        exported = document["item"]
        assert [table["id"] for table in exported] == [section.id, item.id]
        assert exported[0]["text"] == section.full_text()
        assert exported[1]["text"] == item.text
        assert exported[1]["kind"] == "item"
        assert any(str(default) in m and "2 nodes" in m for m in _messages(app))
        assert len(app.marks) == 2  # exporting keeps the marks
        assert [p.name for p in tmp_path.iterdir()] == [default.name]  # no temp file left


async def test_export_never_replaces_a_file_unasked(loaded: Loaded, tmp_path: Path) -> None:
    target = tmp_path / "notes.toml"
    target.write_bytes(b"# my notes\n\xe6\xb3\x95\r\n")
    before = target.read_bytes()
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[1].sections[0]
        app.toggle_mark(section.id)
        dialog = await _open_export(pilot)

        await _submit(pilot, dialog, target)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert target.read_bytes() == before
        assert app.screen is dialog  # still open, to choose another name
        assert any("left as it was" in m for m in _messages(app))

        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#confirm-no")
        await pilot.pause()
        assert target.read_bytes() == before
        assert app.screen is dialog

        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        document = tomllib.loads(target.read_text("utf-8"))
        assert [table["id"] for table in document["item"]] == [section.id]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.toml"]


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        ("missing folder", "no such folder"),
        (errno.EACCES, "permission denied"),
        (errno.ENOSPC, "no space left on the device"),
    ],
)
async def test_a_failed_export_is_a_notification_and_the_marks_stay(
    loaded: Loaded,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: str | int,
    reason: str,
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        node_id = app.reports[0].sections[0].id
        app.toggle_mark(node_id)
        target = tmp_path / "out.toml"
        if failure == "missing folder":
            target = tmp_path / "no" / "such" / "out.toml"
        else:

            def refuse(temp: Path, data: bytes) -> None:
                raise OSError(failure, os.strerror(int(failure)))

            monkeypatch.setattr(atomic, "_write_all", refuse)
        dialog = await _open_export(pilot)
        await _submit(pilot, dialog, target)

        assert app.screen is dialog  # stays open with the path to correct
        assert dialog.path_input.value == str(target)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and reason in errors[-1].message
        assert "marks are kept" in errors[-1].message
        assert list(app.marks) == [node_id]
        assert not target.exists()
        assert list(tmp_path.iterdir()) == []  # no temporary file left behind
    assert list(MarkSet.load()[0]) == [node_id]


@pytest.mark.parametrize("name", ["notes.xlsx", "notes.docx", "notes.json", "notes.pdf"])
async def test_a_name_in_a_format_the_export_does_not_write_is_refused(
    loaded: Loaded, tmp_path: Path, name: str
) -> None:
    """QA: `notes.xlsx` got TOML (anything but .csv/.jsonl/.md did), a file Excel will not
    open. A spreadsheet's, document's or JSON's extension is refused; the dialog stays open
    to correct it, and says which names it writes."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.toggle_mark(app.reports[0].sections[0].id)
        dialog = await _open_export(pilot)
        await _submit(pilot, dialog, tmp_path / name)
        assert app.screen is dialog
        assert list(tmp_path.iterdir()) == []
        [warning] = [n for n in app._notifications if n.severity == "warning"]
        suffix = Path(name).suffix
        assert warning.message == (
            f"{name}: this export does not write {suffix} files; end the name in "
            ".toml, .csv, .jsonl or .md"
        )
        await _submit(pilot, dialog, tmp_path / "notes.csv")  # corrected: written
        assert (tmp_path / "notes.csv").is_file()


async def test_a_failed_export_says_why_in_the_interface_language(
    loaded: Loaded, tmp_path: Path
) -> None:
    """QA walk: under --lang zh the export dialog said "…：no such folder: …。未写入…"."""
    set_language("zh")
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.toggle_mark(app.reports[0].sections[0].id)
        target = tmp_path / "no" / "out.toml"
        dialog = await _open_export(pilot)
        await _submit(pilot, dialog, target)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors[-1].message == (
            f"{target}：文件夹不存在：{target.parent}。未写入任何内容；标记仍保留。"
        )


async def test_export_with_no_marks_says_so(
    loaded: Loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert any("Nothing to export" in m for m in _messages(app))
    assert list(tmp_path.iterdir()) == []


async def test_escape_closes_the_export_dialog_without_writing(
    loaded: Loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.toggle_mark(app.reports[0].sections[0].id)
        await _open_export(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
    assert list(tmp_path.iterdir()) == []


# -- restoring from an export -----------------------------------------------------------


def _export_with_a_closed_report(samples: list[Report], path: Path) -> list[str]:
    """An export of nodes of samples 0 and 2, and one of a report nobody has open."""
    refs = [
        resolve(samples, samples[0].sections[0].id),
        resolve(samples, _first_item(samples[2]).id),
    ]
    assert all(refs)
    text = export_items([r for r in refs if r is not None])
    text += f'\n[[item]]\nid = "abcdefabcdef/2"\nkind = "section"\nsha256 = "{"abcdef" * 10}abcd"\n'
    path.write_text(text, "utf-8")
    return [r.id for r in refs if r is not None]


async def test_a_toml_path_restores_its_marks(
    loaded: Loaded, tmp_path: Path, samples: list[Report]
) -> None:
    export = tmp_path / "collected.toml"
    ids = _export_with_a_closed_report(samples, export)
    paths = sample_paths()
    app = GovreadApp(paths=[paths[0], export, paths[1]])  # sample 2 is not opened
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.reports) == 2  # the .toml was not opened as a report
        assert set(app.marks) == {ids[0]}
        assert _shows_mark(app.browser.outline, ids[0])
        message = next(m for m in _messages(app) if "restored" in m)
        assert message.startswith(f"1 mark restored from {export}")
        assert "2 refer to reports that are not open" in message


async def test_only_toml_paths_open_the_samples_and_restore(
    loaded: Loaded, tmp_path: Path, samples: list[Report]
) -> None:
    export = tmp_path / "collected.toml"
    ids = _export_with_a_closed_report(samples, export)
    app = GovreadApp(paths=[str(export)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.reports) == 5
        assert set(app.marks) == set(ids)
        assert all(_shows_mark(app.browser.outline, node_id) for node_id in ids)
        assert any("2 marks restored" in m and "1 refer" in m for m in _messages(app))


async def test_restoring_skips_unknown_nodes_and_counts_marks_already_there(
    loaded: Loaded, tmp_path: Path, samples: list[Report]
) -> None:
    export = tmp_path / "edited.toml"
    ids = _export_with_a_closed_report(samples, export)
    sha = samples[0].sha256
    with export.open("a", encoding="utf-8") as handle:  # a node sample 0 does not have
        handle.write(f'\n[[item]]\nid = "{sha[:12]}/99"\nkind = "section"\nsha256 = "{sha}"\n')
    MarkSet.load()[0].add(ids[0])
    app = GovreadApp(paths=[export])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert set(app.marks) == set(ids)
        message = next(m for m in _messages(app) if "restored" in m)
        # Only the one not marked before is counted as restored.
        assert message.startswith(f"1 mark restored from {export}")
        assert "; 1 was already marked" in message
        assert "1 name nodes the open reports do not have" in message


async def test_a_toml_that_is_not_an_export_is_an_error(
    loaded: Loaded, tmp_path: Path, notices
) -> None:
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[project]\nname = "x"\n', "utf-8")
    app = GovreadApp(paths=[bad])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.reports) == 5
        errors = [n for n in notices if n.severity == "error"]
        assert errors and "not a govread export" in errors[-1].message
        assert len(app.marks) == 0


# -- snapshot -----------------------------------------------------------------------------


def test_export_dialog_snapshot(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "govread.tui.dialogs.export.default_export_path",
        lambda: Path("/home/reader/govread-20261122-101500.toml"),
    )
    app = GovreadApp()
    app.animation_level = "none"

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        marks_app = pilot.app
        assert isinstance(marks_app, GovreadApp)
        marks_app.toggle_mark(marks_app.reports[0].sections[0].id)
        marks_app.toggle_mark(_first_item(marks_app.reports[2]).id)
        await pilot.press("down")
        await pilot.pause()
        marks_app.clear_notifications()
        await pilot.press("e")
        await pilot.pause()
        dialog = marks_app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.path_input.cursor_blink = False  # the same picture whenever it is taken
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


async def test_a_path_that_looks_like_markup_is_shown_as_written(
    loaded: Loaded, tmp_path: Path
) -> None:
    folder = tmp_path / "[bold]notes"
    folder.mkdir()
    target = folder / "[red]x[b].toml"
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.toggle_mark(app.reports[0].sections[0].id)
        dialog = await _open_export(pilot)
        await _submit(pilot, dialog, target)
        assert target.is_file()
        done = next(n for n in app._notifications if n.title == "Exported")
        assert str(target) in done.message and done.markup is False
        # again: the overwrite question names the file as written
        dialog = await _open_export(pilot)
        await _submit(pilot, dialog, target)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        shown = question.query_one("#confirm-message")
        assert str(target) in str(shown.render())

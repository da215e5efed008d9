"""`e` in the compare screen: the export dialog writes the comparison's rows as ``[[pair]]``."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import pytest
from textual.pilot import Pilot

from govread import atomic
from govread.tui.app import GovreadApp
from govread.tui.compare.screen import CompareScreen
from govread.tui.dialogs.confirm import ConfirmDialog
from govread.tui.dialogs.export import ExportDialog

SIZE = (160, 45)


def _messages(app: GovreadApp) -> list[str]:
    return [n.message for n in app._notifications]


async def _export_dialog(pilot: Pilot[object]) -> ExportDialog:
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    assert dialog.path_input.has_focus
    return dialog


async def _submit(pilot: Pilot[object], dialog: ExportDialog, path: Path) -> None:
    dialog.path_input.value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_e_exports_every_row_with_both_sides(
    open_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.comparison is not None
        rows = screen.pairwise.pairs
        dialog = await _export_dialog(pilot)
        summary = str(dialog.query_one("#export-summary").render())
        assert f"All {len(rows)} rows" in summary and "咸宁市 2023" in summary
        assert dialog.query_one("#export-body").border_title == "Export comparison"
        default = Path(dialog.path_input.value)
        assert default.parent == tmp_path

        await pilot.press("enter")  # the default name as offered
        await pilot.pause()
        assert app.screen is screen  # back to the comparison
        document = tomllib.loads(default.read_text("utf-8"))
        assert document["format"] == "govread-export/1"
        assert document["compare"]["a"]["region"] == "咸宁市"
        assert document["compare"]["b"]["region"] == "宝鸡市"
        assert [p["theme"] for p in document["pair"]] == [r.theme_name for r in rows]
        both = [p for p in document["pair"] if p["a"] and p["b"]]
        assert both and all("similarity" in p for p in both)
        assert any(f"{len(rows)} rows" in m and str(default) in m for m in _messages(app))
        assert [p.name for p in tmp_path.iterdir()] == [default.name]


async def test_with_marked_units_only_their_rows_are_exported(open_compare, tmp_path: Path) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.comparison is not None
        await pilot.press("space")  # marks the unit under the cursor, side A, row 0
        await pilot.pause()
        marked_row = screen.cursor_row()
        assert marked_row is not None and len(app.marks) == 1
        marked = screen.pairwise.pairs[marked_row]
        dialog = await _export_dialog(pilot)
        summary = str(dialog.query_one("#export-summary").render())
        assert "(those holding a marked unit)" in summary
        target = tmp_path / "marked.toml"
        await _submit(pilot, dialog, target)
        document = tomllib.loads(target.read_text("utf-8"))
        (pair,) = document["pair"]
        assert pair["theme"] == marked.theme_name
        assert [n["text"] for n in pair["a"]] == [u.text for u in marked.a]
        assert [n["text"] for n in pair["b"]] == [u.text for u in marked.b]
        assert next(iter(app.marks)) in {n.get("id") for n in pair["a"]}
        assert len(app.marks) == 1  # exporting keeps the marks


async def test_an_existing_file_is_replaced_only_when_confirmed(
    open_compare, tmp_path: Path
) -> None:
    target = tmp_path / "notes.toml"
    target.write_bytes(b"# my notes\n")
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        dialog = await _export_dialog(pilot)
        await _submit(pilot, dialog, target)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert target.read_bytes() == b"# my notes\n"
        assert app.screen is dialog
        assert any("left as it was" in m for m in _messages(app))

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.screen is screen
        document = tomllib.loads(target.read_text("utf-8"))
        assert document["pair"] and document["compare"]["b"]["region"] == "宝鸡市"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.toml"]


async def test_a_failed_write_is_a_notification_and_the_dialog_stays(
    open_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(temp: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot)
        monkeypatch.setattr(atomic, "_write_all", refuse)
        dialog = await _export_dialog(pilot)
        target = tmp_path / "pairs.toml"
        await _submit(pilot, dialog, target)
        assert app.screen is dialog
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "no space left on the device" in errors[-1].message
        assert not target.exists() and list(tmp_path.iterdir()) == []

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_e_before_the_comparison_is_ready_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        a, b = app.reports[0], app.reports[4]
        # not mounted through open_compare, so no worker: the comparison never arrives
        monkeypatch.setattr(CompareScreen, "run_comparison", lambda self: None)
        screen = CompareScreen(a, b)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen
        assert any("not ready" in m for m in _messages(app))


async def test_a_csv_name_writes_one_row_per_pair(open_compare, tmp_path: Path) -> None:
    import csv
    import io

    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.comparison is not None
        pairs = screen.pairwise.pairs
        dialog = await _export_dialog(pilot)
        await _submit(pilot, dialog, tmp_path / "pairs.csv")
        assert app.screen is screen
        dialog = await _export_dialog(pilot)
        await _submit(pilot, dialog, tmp_path / "pairs.md")  # no Markdown for comparisons
        assert app.screen is dialog
    data = (tmp_path / "pairs.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row["theme"] for row in rows] == [pair.theme_name for pair in pairs]
    assert not (tmp_path / "pairs.md").exists()


async def _type_name(pilot: Pilot[object], name: str) -> None:
    """In the open export dialog: the offered name cleared and `name` typed, then enter."""
    await pilot.press("ctrl+u", *name, "enter")
    await pilot.pause()


async def test_a_json_name_writes_the_cli_s_json_from_the_keyboard(
    open_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The formats of `govread compare A B -o FILE`, JSON among them, and its rules: an
    existing file replaced only when confirmed, never a FIFO."""
    import json

    from govread.compare_export import render_pairwise

    monkeypatch.chdir(tmp_path)
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.pairwise is not None
        dialog = await _export_dialog(pilot)
        summary = str(dialog.query_one("#export-summary").render())
        assert "JSON (.json)" in summary
        await _type_name(pilot, "cmp.json")
        assert app.screen is screen
        target = tmp_path / "cmp.json"
        written = target.read_text("utf-8")
        assert written == render_pairwise(screen.pairwise, "json")  # the CLI's text
        document = json.loads(written)
        assert document["schema"] == "govread-compare/1"
        assert document["a"]["region"] == "咸宁市" and document["b"]["region"] == "宝鸡市"
        assert [p["theme"] for p in document["pairs"]] == [
            p.theme_name for p in screen.pairwise.pairs
        ]
        assert any("cmp.json" in m for m in _messages(app))

        # again, over it: asked; escape keeps the file, the dialog stays with the name
        await pilot.press("space")  # a marked unit: only its rows are exported
        await pilot.pause()
        marked = screen.pairwise.pairs[screen.cursor_row() or 0]
        await _export_dialog(pilot)
        await _type_name(pilot, "cmp.json")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert target.read_text("utf-8") == written
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("left", "enter")  # to Overwrite
        await pilot.pause()
        assert app.screen is screen
        (pair,) = json.loads(target.read_text("utf-8"))["pairs"]
        assert pair["theme"] == marked.theme_name
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cmp.json"]

        # a FIFO of that name is never written to, asked or not
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        await _export_dialog(pilot)
        await _type_name(pilot, "pipe.json")
        assert isinstance(app.screen, ExportDialog)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "FIFO" in errors[-1]
        assert fifo.is_fifo()


async def test_a_name_in_no_comparison_format_is_refused(open_compare, tmp_path: Path) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot)
        dialog = await _export_dialog(pilot)
        await _submit(pilot, dialog, tmp_path / "pairs.xlsx")
        assert app.screen is dialog
        said = _messages(app)[-1]
        assert ".xlsx" in said and all(s in said for s in (".json", ".toml", ".csv", ".jsonl"))
        assert list(tmp_path.iterdir()) == []

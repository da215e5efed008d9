"""The browser with hostile state files: it starts, says so in one notification each, sets
aside what it owns, restores only real marks, and takes in marks another govread saved."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from govread.config import config_path, user_themes_dir
from govread.export import export_pairs
from govread.marks import MarkSet, iter_nodes, marks_path, report_id
from govread.parsers.model import Report
from govread.tui.app import GovreadApp

Loaded = Callable[[Pilot[object]], Awaitable[None]]
DEEP = "[" * 100_000


def _messages(app: GovreadApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_deep_state_files_are_set_aside_and_the_browser_starts(
    loaded: Loaded, tmp_path: Path, notices: list[Any]
) -> None:
    for path in (marks_path(), config_path(), user_themes_dir() / "deep.toml"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DEEP, "utf-8")
    fifo = tmp_path / "x.toml"
    os.mkfifo(fifo)  # named like an export: must not freeze the browser
    app = GovreadApp(paths=[fifo])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.reports) == 5 and len(app.marks) == 0
        messages = [str(n.message) for n in notices]  # the toasts that timed out too
        assert all("\n" not in m for m in messages)
        assert any("marks.json.bad-" in m and "nests deeper" in m for m in messages)
        assert any("config.toml.bad-" in m for m in messages)
        assert any("deep.toml" in m and "nests deeper" in m for m in messages)
        assert any(str(fifo) in m and "FIFO" in m for m in messages)
        await pilot.press("space")  # marking works, in a fresh marks file
        assert len(MarkSet.load()[0]) == 1
    assert (user_themes_dir() / "deep.toml").exists()  # the user's theme is only reported


async def test_a_comparison_export_restores_no_marks(
    loaded: Loaded, tmp_path: Path, samples: list[Report]
) -> None:
    a, b = samples[0], samples[3]
    a_nodes = [ref for ref in iter_nodes(a) if ref.kind == "section"][:3]
    b_nodes = [ref for ref in iter_nodes(b) if ref.kind == "section"][:3]
    export = tmp_path / "compare.toml"
    export.write_text(export_pairs([("依法行政", a_nodes, b_nodes)], sides=(a, b)), "utf-8")
    app = GovreadApp(paths=[export])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.marks) == 0
        assert any("comparison export" in m and "none were restored" in m for m in _messages(app))


async def test_a_marks_export_with_pairs_restores_only_its_items(
    loaded: Loaded, tmp_path: Path, samples: list[Report]
) -> None:
    a, b = samples[0], samples[3]
    marked = [ref for ref in iter_nodes(a) if ref.kind == "section"][:1]
    rows = [ref for ref in iter_nodes(b) if ref.kind == "section"][:4]
    export = tmp_path / "both.toml"
    export.write_text(export_pairs([("x", rows, rows)], sides=(a, b), items=marked), "utf-8")
    app = GovreadApp(paths=[export])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert set(app.marks) == {marked[0].id}


async def test_marks_saved_by_another_govread_are_taken_in(
    loaded: Loaded, samples: list[Report]
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        other, _ = MarkSet.load()  # a second govread, marking meanwhile
        theirs = f"{report_id(samples[4])}/1"
        other.add(theirs)
        await pilot.press("space")  # this one marks the report under the cursor
        await pilot.pause()
        assert theirs in app.marks and len(app.marks) == 2
        assert set(MarkSet.load()[0]) == set(app.marks)


async def test_the_marks_list_and_export_take_in_another_govreads_marks(
    loaded: Loaded, samples: list[Report]
) -> None:
    """QA: a mark saved by a second browser was missing from this one's marks list and its
    export ("Nothing to export") until this one happened to save."""
    from govread.tui.dialogs.export import ExportDialog
    from govread.tui.dialogs.marks_list import MarksListScreen

    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        other, _ = MarkSet.load()  # a second govread, marking meanwhile
        theirs = f"{report_id(samples[4])}/1"
        other.add(theirs)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarksListScreen)
        assert set(app.marks) == {theirs}
        await pilot.press("escape")
        other.add(f"{report_id(samples[3])}/1")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert len(app.marks) == 2


async def test_a_marks_file_damaged_mid_session_is_set_aside_and_said(
    loaded: Loaded, notices: list[Any]
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("space")  # a mark saved
        await pilot.pause()
        marks_path().write_bytes(b"{\x1b[2J not json")  # another program writes over it
        await pilot.press("down", "space")  # the next save finds it damaged
        await pilot.pause()
        said = [str(n.message) for n in notices if "another program changed it" in str(n.message)]
        assert len(said) == 1 and "marks.json.bad-" in said[0] and "\x1b" not in said[0]
        aside = [p for p in marks_path().parent.iterdir() if ".bad-" in p.name]
        assert [p.read_bytes() for p in aside] == [b"{\x1b[2J not json"]  # kept, as it was
        assert set(MarkSet.load()[0]) == set(app.marks) and len(app.marks) == 2


async def test_a_hand_edited_config_that_is_not_toml_is_told_in_chinese(
    loaded: Loaded, notices: list[Any]
) -> None:
    """QA walk: under --lang zh the notice said "…：is not valid TOML (…)；已将其移至…"."""
    from govread.i18n import set_language

    set_language("zh")
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('theme = "govread-light\n', "utf-8")
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        said = [str(n.message) for n in notices if "config.toml" in str(n.message)]
        assert len(said) == 1 and "不是有效的 TOML（" in said[0] and "已将其移至" in said[0]
        assert "is not valid" not in said[0]


async def test_each_state_file_problem_is_titled_by_its_file(
    loaded: Loaded, notices: list[Any]
) -> None:
    """QA: a broken marks file was told under "Settings". Each start-up problem is titled by
    what its file holds: marks, settings (config.toml), keys ([keymap]), themes."""
    marks_path().parent.mkdir(parents=True, exist_ok=True)
    marks_path().write_text("{not json", "utf-8")
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(
        'theme = "no-such-theme"\ncitation_style = 5\n[keymap]\n"no.such.binding" = "x"\n',
        "utf-8",
    )
    user_themes_dir().mkdir(parents=True, exist_ok=True)
    (user_themes_dir() / "broken.toml").write_text("= nothing", "utf-8")
    app = GovreadApp(paths=[])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)

        def titles(word: str) -> set[str]:
            return {n.title for n in notices if word in n.message}

        assert titles("marks.json") == {"Marks"}
        assert titles("citation_style") == {"Settings"}
        assert titles("no.such.binding") == {"Keys"}
        assert titles("broken.toml") == {"Themes"}
        assert titles("no-such-theme") == {"Themes"}

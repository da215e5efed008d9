"""In the browser: a page saved again (another 浏览次数) keeps its marks and its exports.

Marks are saved under the temporary data directory the autouse fixture gives each test.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.style import Style
from textual.pilot import Pilot

from govread.corpus import sample_paths
from govread.export import export_items
from govread.marks import MarkSet, iter_nodes
from govread.parsers.readers import read_report
from govread.tui.app import GovreadApp
from govread.tui.browser.outline import MARK_GLYPH, OutlineTree

Loaded = Callable[[Pilot[object]], Awaitable[None]]
SIZE = (120, 40)


def _shows_mark(outline: OutlineTree, node_id: str) -> bool:
    node = outline.node_for(node_id)
    assert node is not None, node_id
    return MARK_GLYPH in outline.render_label(node, Style(), Style()).plain


def _saved_twice(tmp_path: Path) -> tuple[Path, Path]:
    """One page saved on two days: the view counter differs, and so do the file's bytes."""
    text = next(p for p in sample_paths() if p.stem.startswith("001")).read_text("utf-8")
    assert "浏览次数:" in text
    monday, tuesday = tmp_path / "monday", tmp_path / "tuesday"
    monday.mkdir()
    tuesday.mkdir()
    (monday / "泾县.txt").write_text(text.replace("浏览次数:", "浏览次数: 120"), "utf-8")
    (tuesday / "泾县.txt").write_text(text.replace("浏览次数:", "浏览次数: 121"), "utf-8")
    return monday / "泾县.txt", tuesday / "泾县.txt"


async def test_marks_survive_a_restart_on_the_page_saved_again(
    loaded: Loaded, tmp_path: Path
) -> None:
    monday, tuesday = _saved_twice(tmp_path)
    first_run = GovreadApp(paths=[str(monday)])
    async with first_run.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        section_id = first_run.reports[0].sections[1].id
        first_run.browser.outline.go_to(section_id)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("q")
    assert set(MarkSet.load()[0]) == {section_id}

    second_run = GovreadApp(paths=[str(tuesday)])
    async with second_run.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        report = second_run.reports[0]
        assert report.path == str(tuesday) and report.sha256 != read_report(monday).sha256
        assert _shows_mark(second_run.browser.outline, section_id)
        assert second_run.browser.sub_title
        assert second_run.browser.sub_title.startswith("● 1 marked · 1 report")


async def test_an_export_of_one_copy_restores_on_the_other(loaded: Loaded, tmp_path: Path) -> None:
    monday, tuesday = _saved_twice(tmp_path)
    refs = [ref for ref in iter_nodes(read_report(monday)) if ref.kind == "section"][:2]
    export = tmp_path / "collected.toml"
    export.write_text(export_items(refs, figures=None), "utf-8")
    app = GovreadApp(paths=[str(tuesday), str(export)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert set(app.marks) == {ref.id for ref in refs}
        assert all(_shows_mark(app.browser.outline, ref.id) for ref in refs)


async def test_marks_saved_under_the_files_hash_show_on_the_unchanged_file(
    loaded: Loaded, tmp_path: Path
) -> None:
    monday, _ = _saved_twice(tmp_path)
    report = read_report(monday)
    section_id = report.sections[0].id
    legacy = report.sha256[:12] + section_id[len(report.id) :]
    MarkSet([legacy], path=MarkSet.load()[0].path).save()  # as an older govread saved it
    app = GovreadApp(paths=[str(monday)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert set(app.marks) == {section_id}
        assert _shows_mark(app.browser.outline, section_id)
    assert set(MarkSet.load()[0]) == {section_id}

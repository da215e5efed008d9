"""The app-level marks API that the browser, the filter and the compare screen share."""

from __future__ import annotations

import pytest

from govread.marks import MarkSet
from govread.parsers.model import Report
from govread.tui.app import GovreadApp
from govread.tui.browser.screen import BrowserScreen


async def test_toggle_mark_saves_and_tells_the_screens(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[frozenset[str]] = []
    monkeypatch.setattr(
        BrowserScreen,
        "on_marks_changed",
        lambda self, message: seen.append(message.node_ids),
        raising=False,
    )
    app = GovreadApp()
    async with app.run_test() as pilot:
        while not app.reports:
            await pilot.pause(0.05)
        node_id = app.reports[0].sections[0].id
        assert app.toggle_mark(node_id) is True
        assert node_id in app.marks
        assert node_id in MarkSet.load()[0]  # saved to disk at once
        assert app.toggle_mark(node_id) is False
        assert node_id not in MarkSet.load()[0]
        await pilot.pause()
        assert seen == [frozenset({node_id}), frozenset({node_id})]


def _app_with_saved_marks(node_ids: list[str], report: Report, paths: list[str]) -> GovreadApp:
    """The app opening `paths`, with these marks saved before it starts, made on `report`
    as read then (`record_texts`: which file, which headings)."""
    from govread.marks import marks_path

    marks = MarkSet(node_ids, path=marks_path())
    marks.record_texts([report])
    assert marks.save() is None
    app = GovreadApp(paths=paths)
    app.WORD_SEARCH_DELAY = None
    return app


async def test_marks_made_on_another_reading_are_counted_apart_not_shown(loaded, tmp_path) -> None:
    """QA: a flattened copy of a marked file (the same text, so the same ids, read into other
    sections) showed the marks on other nodes, and the header counted marks the list did not
    show. They are kept, not shown, and the header says so."""
    from govread.parsers import parse_text

    text = (
        "某区2019年政府工作报告\n2019年工作回顾\n"
        "（一）致力调结构，经济发展量质齐升。全年完成固定资产投资80亿元。\n"
        "（二）致力强供给，民生福祉厚植增优。新增学位2000个。\n"
        "2020年主要工作任务\n（一）奋力决战交通攻坚行动。推动快速通道建设。\n"
    )
    structured = tmp_path / "a.txt"
    structured.write_text(text, "utf-8")
    flat = tmp_path / "flat.txt"
    flat.write_text(text.replace("\n", ""), "utf-8")
    report = parse_text(text, path=str(structured))
    app = _app_with_saved_marks([f"{report.id}/1"], report, paths=[str(flat)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert "● 0 marked (+1 not found in the text as read now)" in app.browser.sub_title
        first = app.browser.outline.report_nodes()[0]
        first.expand()
        await pilot.pause()
        assert not any("●" in child.label.plain for child in first.children)


async def test_marks_of_nodes_the_file_no_longer_has_are_counted_apart(loaded, tmp_path) -> None:
    """QA: a mark whose node a newer parser no longer has, in the file it was made on, was
    counted in the header's "N marked" but was not in the marks list. It is kept and counted
    apart, in the header and in the list alike."""
    from govread.parsers import parse_text
    from govread.tui.dialogs.marks_list import MarksListScreen

    text = (
        "某区2019年法治政府建设情况报告\n一、加强党的领导\n全年召开常务会议12次。\n"
        "二、推进依法行政\n办理行政复议案件30件。\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    report = parse_text(text, path=str(path))
    kept, gone = f"{report.id}/1", f"{report.id}/9"  # /9: as an earlier parser read it
    app = _app_with_saved_marks([kept, gone], report, paths=[str(path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert "● 1 marked (+1 not found in the text as read now)" in app.browser.sub_title
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarksListScreen)
        summary = str(app.screen.query_one("#marks-summary").render())
        assert "1 marked" in summary and "1 not found in the text as read now" in summary
    assert gone in set(MarkSet.load()[0])  # kept in the file

"""Research notes in the browser: copy with a citation (y), tags (t), notes (a), the marks
list by tag, and exporting marks with their tags as CSV from the export dialog."""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from govread.citation import citation_line
from govread.config import config_path
from govread.marks import MarkSet, marks_path, resolve
from govread.tui.app import GovreadApp
from govread.tui.dialogs.annotate import NoteDialog, TagDialog
from govread.tui.dialogs.export import ExportDialog
from govread.tui.dialogs.marks_list import MarksListScreen

Loaded = Callable[[Pilot[object]], Awaitable[None]]


async def test_y_copies_the_text_with_its_citation_through_osc52(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        written: list[str] = []
        driver = app._driver
        assert driver is not None
        monkeypatch.setattr(driver, "write", lambda data: written.append(data))
        await pilot.press("down", "y")
        await pilot.pause()
        ref = resolve(app.reports, app.reports[0].sections[0].id)
        assert ref is not None
        expected = f"{ref.text()}\n\n{citation_line(ref.report, ref)}\n"
        assert app.clipboard == expected
        assert "[R]" in expected and ref.path[0] in expected  # GB/T 7714, with the section
        osc = [w for w in written if w.startswith("\x1b]52;c;")]
        assert osc and base64.b64decode(osc[-1][7:-1]).decode("utf-8") == expected
        assert any(n.title == "Copied" for n in app._notifications)


async def test_citation_style_comes_from_the_config(loaded: Loaded) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('citation_style = "plain"\n', "utf-8")
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("y")  # the report itself
        await pilot.pause()
        report = app.reports[0]
        assert app.clipboard.endswith(citation_line(report, style="plain") + "\n")
        assert " · " in app.clipboard


async def _tag(pilot: Pilot[object], typed: str, *keys: str) -> None:
    await pilot.press("number_sign")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TagDialog)
    await pilot.press(*typed, *keys, "enter")
    await pilot.pause()


async def test_tags_and_notes_are_saved_shown_and_survive_a_restart(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[0].sections[0]
        await pilot.press("down")
        await _tag(pilot, "执法,复议")
        assert app.marks.annotation(section.id).tags == ("执法", "复议")
        assert section.id in app.marks  # tagging marks
        assert "Tags 执法 · 复议" in app.browser.detail.plain_text

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"依据第三条", "ctrl+s")
        await pilot.pause()
        assert app.marks.annotation(section.id).note == "依据第三条"
        assert "Note 依据第三条" in app.browser.detail.plain_text

        # the next node: the tag being typed is completed from those in use (→ accepts)
        await pilot.press("down")
        await _tag(pilot, "复", "right")
        current = app.browser.outline.current_node
        assert current is not None
        node_id = getattr(current, "id", None)
        assert node_id is not None and app.marks.annotation(node_id).tags == ("复议",)

    stored, warning = MarkSet.load()
    assert warning is None
    assert stored.annotation(section.id).tags == ("执法", "复议")
    second = GovreadApp()
    async with second.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert "Tags 执法 · 复议" in second.browser.detail.plain_text
        assert "Note 依据第三条" in second.browser.detail.plain_text


async def test_unmarking_a_tagged_node_says_its_tags_are_kept_and_unlisted(
    loaded: Loaded,
) -> None:
    """QA: unmarking a node with tags or a note kept them (the detail pane and `tag:` show
    them) but the marks list and exports dropped the node, and nothing said so."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[0].sections[0]
        await pilot.press("down")
        await _tag(pilot, "执法")
        await pilot.press("space")  # unmark it
        await pilot.pause()
        assert section.id not in app.marks
        assert app.marks.annotation(section.id).tags == ("执法",)  # kept, no undo needed
        notices = list(app._notifications)
        notice = notices[-1]
        assert notice.title == "Tags and note kept"
        assert "mark it again (space)" in notice.message and "#" in notice.message
        await pilot.press("down", "space", "space")  # a node with nothing on it: no word
        await pilot.pause()
        assert [n.title for n in app._notifications].count("Tags and note kept") == 1


async def test_the_tag_dialog_offers_the_tags_another_browser_gave_meanwhile(
    loaded: Loaded,
) -> None:
    """QA: with two browsers open, a tag given in one was not in the other's tag dialog,
    and adding a tag there dropped it. The dialog now offers the file's tags."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[0].sections[0]
        other, _ = MarkSet.load()  # another browser, saving to the same file
        other.annotate(section.id, tags=["执法"])
        await pilot.press("down", "number_sign")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await pilot.press(*",复议", "enter")
        await pilot.pause()
        assert app.marks.annotation(section.id).tags == ("执法", "复议")
    assert MarkSet.load()[0].annotation(section.id).tags == ("执法", "复议")


async def test_escape_leaves_tags_as_they_were(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "number_sign", *"x", "escape")
        await pilot.pause()
        assert len(app.marks) == 0 and not app.marks.all_tags()


async def test_marks_list_shows_tags_and_narrows_by_tag(loaded: Loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        first, second = app.reports[0].sections[:2]
        app.marks.annotate(first.id, tags=["执法"])
        app.marks.annotate(second.id, tags=["公开"], note="n")
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarksListScreen)
        assert screen.table.row_count == 2
        await pilot.press("t")  # the first tag in order: 公开
        await pilot.pause()
        assert screen.tag == "公开" and screen.table.row_count == 1
        await pilot.press("t")
        await pilot.pause()
        assert screen.tag == "执法" and screen.table.row_count == 1
        await pilot.press("t")
        await pilot.pause()
        assert screen.tag is None and screen.table.row_count == 2


async def test_t_with_no_tag_in_use_is_said_in_the_list_not_over_its_keys(
    loaded: Loaded, notices: list[Any]
) -> None:
    """On 80×24 a toast sat on the box's foot, where its keys are: `t` with no tag yet
    says so on the summary line above the list, and the keys stay in view."""
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        app.marks.add(app.reports[0].sections[0].id)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarksListScreen)
        await pilot.press("t")
        await pilot.pause()
        summary = str(screen.query_one("#marks-summary").render())
        assert "No mark has a tag yet" in summary and screen.tag is None
        assert not [n for n in notices if "No mark has a tag" in str(n.message)]
        app.marks.annotate(app.reports[0].sections[0].id, tags=["执法"])
        await pilot.press("t")  # a tag now: the list narrows and the line goes
        await pilot.pause()
        assert screen.tag == "执法"
        assert "No mark has a tag yet" not in str(screen.query_one("#marks-summary").render())


async def test_the_tags_column_is_in_view_however_deep_the_marked_node(loaded: Loaded) -> None:
    """QA walk: the Tags column came after Where, whose path of a deep section pushed it
    past the right edge at 120 columns: tagged marks looked untagged."""
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        deep = app.reports[0].sections[0].children[0].children[0]
        app.marks.annotate(deep.id, tags=["执法", "复议"])
        app.marks.annotate(app.reports[1].id, tags=["很长的标签" * 20])
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarksListScreen)
        table = screen.table
        columns = table.ordered_columns
        keys = [column.key.value for column in columns]
        end = sum(c.get_render_width(table) for c in columns[: keys.index("tags") + 1])
        assert end <= table.scrollable_content_region.width
        assert "执法, 复议" in str(table.get_cell(deep.id, "tags"))
        # a long list is cut, so the path after it stays in reach
        assert str(table.get_cell(app.reports[1].id, "tags")).endswith("…")


async def test_export_dialog_writes_csv_with_tags_by_extension(
    loaded: Loaded, tmp_path: Path
) -> None:
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[0].sections[0]
        app.marks.annotate(section.id, tags=["执法", "复议"], note="第一行\n第二行")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        out = tmp_path / "notes.csv"
        dialog.path_input.value = str(out)
        await pilot.press("enter")
        await pilot.pause()
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == [section.id]
    assert rows[0]["tags"] == "执法;复议" and rows[0]["note"] == "第一行\n第二行"
    assert rows[0]["region"] == app.reports[0].region


async def test_a_toml_export_brings_tags_and_notes_back_merged(
    loaded: Loaded, tmp_path: Path
) -> None:
    """Mark, tag, note, export to .toml (e), lose the marks, restore the export: the tags
    and note come back, merged with what the user has written since."""
    out = tmp_path / "coded.toml"
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section = app.reports[0].sections[0]
        await pilot.press("down", "space")
        await _tag(pilot, "执法,复议")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"依据第三条", "ctrl+s")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert "with their tags and notes: TOML" in str(
            dialog.query_one("#export-summary").render()
        )
        dialog.path_input.value = str(out)
        await pilot.press("enter")
        await pilot.pause()
    marks_path().unlink()  # the marks are gone (another machine, a new data folder)
    MarkSet.load()[0].annotate(section.id, tags=["公开"], note="我的想法")
    again = GovreadApp(paths=[str(out)])
    async with again.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert again.marks.annotation(section.id).tags == ("公开", "执法", "复议")
        assert again.marks.annotation(section.id).note == "我的想法\n依据第三条"
        shown = again.browser.detail.plain_text
        assert "Tags 公开 · 执法 · 复议" in shown and "依据第三条" in shown
        assert any("tags or note merged on 1 node" in n.message for n in again._notifications)
    assert MarkSet.load()[0].annotation(section.id).note == "我的想法\n依据第三条"  # saved


async def test_a_corrected_file_keeps_its_tags_and_an_export_restores_under_any_name(
    loaded: Loaded, tmp_path: Path
) -> None:
    """QA A7: a tag made before one figure of the file was corrected came back nowhere
    ("in reports not open"); QA A8: an export named without .toml opened as a report."""
    from govread.corpus import sample_paths

    file = tmp_path / "report.txt"
    file.write_text(Path(sample_paths()[0]).read_text("utf-8"), "utf-8")
    app = GovreadApp(paths=[str(file)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        await _tag(pilot, "重点")
    text = file.read_text("utf-8")
    at = next(i for i in range(len(text) // 2, len(text)) if text[i].isdigit())  # a figure
    file.write_text(text[:at] + ("7" if text[at] != "7" else "8") + text[at + 1 :], "utf-8")
    again = GovreadApp(paths=[str(file)])
    async with again.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        section = again.reports[0].sections[0]
        assert again.marks.annotation(section.id).tags == ("重点",)
        assert section.id in again.marks and again.marks.count(again.reports) == len(again.marks)
        assert any("carried over" in n.message for n in again._notifications)
        await pilot.press("e")
        await pilot.pause()
        dialog = again.screen
        assert isinstance(dialog, ExportDialog)
        dialog.path_input.value = str(tmp_path / "mymarks")
        await pilot.press("enter")
        await pilot.pause()
    marks_path().unlink()
    restored = GovreadApp(paths=[str(tmp_path / "mymarks"), str(file)])
    async with restored.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert len(restored.reports) == 1  # the export is no report
        assert restored.marks.annotation(section.id).tags == ("重点",)


# -- provenance ---------------------------------------------------------------------------


async def test_o_shows_the_file_in_the_pager_without_a_shell(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    from govread.tui.browser import screen as screen_module

    ran: list[list[str]] = []
    monkeypatch.setenv("PAGER", "less -R")
    monkeypatch.setattr(screen_module.subprocess, "run", lambda command, check: ran.append(command))
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await pilot.press("o")
        await pilot.pause()
        path = app.reports[0].path
        assert path is not None
        assert ran == [["less", "-R", str(Path(path).resolve())]]


async def _paged(
    original: Path, pager_name: str, loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], str]:
    """`o` on the report `original` opened alone, with $PAGER `pager_name`: the pager's
    command and the text of the file it was given, read while it "runs"."""
    import contextlib

    from govread.tui.browser import screen as screen_module

    shown: list[tuple[list[str], str]] = []

    def pager(command: list[str], check: bool) -> None:
        shown.append((command, Path(command[-1]).read_text("utf-8")))

    monkeypatch.setenv("PAGER", pager_name)
    monkeypatch.setattr(screen_module.subprocess, "run", pager)
    app = GovreadApp(paths=[str(original)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await pilot.press("o")
        await pilot.pause()
    [(command, read)] = shown
    return command, read


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("甲县2023.txt", lambda text: text.encode("gb18030")),
        ("甲县2023.utf16.txt", lambda text: text.encode("utf-16")),
        ("甲县2023.docx", lambda text: _docx(text)),
    ],
)
async def test_o_shows_a_file_not_in_utf8_as_text_the_pager_can_read(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, encode: Any
) -> None:
    """QA: `o` on a GBK or UTF-16 text, or a Word file, handed the pager its bytes: `less`
    asked whether to show a binary file, then showed byte codes. The pager now reads the
    file's text as written (UTF-8, in a file named after it, gone once the pager ends)."""
    text = "某县人民政府关于2023年法治政府建设情况的报告\n一、加强領導\n正文，共審查文件12件。\n"
    original = tmp_path / name
    original.write_bytes(encode(text))
    command, read = await _paged(original, "less", loaded, monkeypatch)
    assert command[0] == "less" and Path(command[-1]).name.startswith("甲县2023")
    assert "加强領導" in read and "共審查文件12件" in read  # as written: not simplified
    assert not Path(command[-1]).exists()


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
async def test_o_never_hands_the_pager_a_control_character(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, encoding: str
) -> None:
    """A report whose text (or name) holds escape sequences: `cat` or `less -r` as $PAGER
    would have sent them to the terminal (OSC 52 writes the clipboard). The pager reads a
    copy with each control character written visibly; the lines and tabs stay."""
    from govread.sanitize import is_terminal_safe
    from govread.tui.browser import screen as screen_module

    text = (
        "某县人民政府关于2023年法治政府建设情况的报告\r\n一、加强领导\x1b]52;c;cm0gLXJm\x07\r\n"
        "正文\t共审查文件12件。\x1b[2J\x9b31m\r\n"
    )
    original = tmp_path / "甲县\x1b[31m2023.txt"
    original.write_bytes(text.encode(encoding))
    command, read = await _paged(original, "cat", loaded, monkeypatch)
    assert command[0] == "cat" and is_terminal_safe(command[-1])
    assert "\x1b" not in read and "\x07" not in read and "\x9b" not in read and "\r" not in read
    assert "一、加强领导\\x1b]52;c;cm0gLXJm\\x07\n正文\t共审查文件12件。" in read
    # a UTF-8 file with no control character is handed over as itself; one with CR LF
    # line ends, as a copy with LF alone
    clean, copies = tmp_path / "乙县2023.txt", tmp_path / "copies"
    copies.mkdir()
    clean.write_text("某县人民政府\n一、加强领导\n正文\t12件。\n", "utf-8")
    assert screen_module.pager_file(str(clean), str(copies)) == str(clean)
    clean.write_text("某县人民政府\r\n一、加强领导\r\n", "utf-8")
    copy = screen_module.pager_file(str(clean), str(copies))
    assert Path(copy).read_text("utf-8") == "某县人民政府\n一、加强领导\n"


async def test_o_on_a_file_gone_since_it_was_opened_says_so(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, notices: Any
) -> None:
    from govread.tui.browser import screen as screen_module

    ran: list[list[str]] = []
    monkeypatch.setattr(screen_module.subprocess, "run", lambda command, check: ran.append(command))
    report = tmp_path / "乙市2023.txt"
    report.write_bytes(
        "乙市人民政府关于2023年法治政府建设情况的报告\n一、工作\n正文。\n".encode("gb18030")
    )
    app = GovreadApp(paths=[str(report)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        report.unlink()
        await pilot.press("o")
        await pilot.pause()
    assert ran == []
    [notice] = [n for n in notices if n.title == "Original not opened"]
    assert notice.message == f"{report}: no such file" and notice.severity == "error"


def _docx(text: str) -> bytes:
    import io
    import zipfile
    from xml.sax.saxutils import escape

    paragraphs = "".join(
        f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines()
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
            '://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


async def test_shift_o_opens_the_source_url_only_when_there_is_one(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    report = tmp_path / "咸宁2023.txt"
    report.write_text(
        "原文链接:https://www.xianning.gov.cn/a/1.html\n保存时间:2024-03-01\n"
        "咸宁市人民政府关于2023年法治政府建设情况的报告\n一、加强党的领导\n正文。\n",
        "utf-8",
    )
    app = GovreadApp(paths=[str(report)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert "URL https://www.xianning.gov.cn/a/1.html" in app.browser.detail.plain_text
        assert "Saved 2024-03-01" in app.browser.detail.plain_text
        await pilot.press("O")
        await pilot.pause()
        assert opened == ["https://www.xianning.gov.cn/a/1.html"]
    app = GovreadApp()  # the samples have no source URL: nothing is opened
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("O")
        await pilot.pause()
        assert opened == ["https://www.xianning.gov.cn/a/1.html"]
        assert any(n.title == "Source" for n in app._notifications)


async def test_tag_terms_narrow_the_browser_filter(loaded: Loaded) -> None:
    from govread.tui.browser.filter_bar import DEBOUNCE

    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None  # no jieba here: tags and substrings only
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        first, second = app.reports[0].sections[0], app.reports[1].sections[0]
        app.marks.annotate(first.id, tags=["执法"])
        app.marks.annotate(second.id, tags=["执法", "公开"])
        await pilot.press("slash", *"tag:执法")
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        result = app.browser.filtering.state.result
        assert result is not None and result.ids == {first.id, second.id}
        await pilot.press(*" -tag:公开")
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        result = app.browser.filtering.state.result
        assert result is not None and result.ids == {first.id}


async def test_hostile_tags_and_notes_from_the_file_never_reach_the_screen(
    loaded: Loaded,
) -> None:
    section_id = ""
    first = GovreadApp()
    async with first.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        section_id = first.reports[0].sections[0].id
    MarkSet.load()[0].annotate(
        section_id, tags=["\x1b]52;c;AAAA\x07执法"], note="\x1b[2J\u202e笔记[bold]x[/]"
    )
    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        await pilot.pause()
        shown = app.browser.detail.plain_text
        assert "\x1b" not in shown and "\u202e" not in shown
        assert "执法" in shown and "笔记[bold]x[/]" in shown  # as text, not markup
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert "\x1b" not in app.screen.area.text


async def test_a_report_in_traditional_script_is_read_and_filtered_as_simplified(
    loaded: Loaded, tmp_path: Path
) -> None:
    from govread.tui.browser.filter_bar import DEBOUNCE

    report = tmp_path / "某县2023.txt"
    report.write_bytes(
        (
            "某縣人民政府關於2023年度法治政府建設情況的報告\n一、主要工作\n"
            "（一）健全依法決策機制。全年審查規範性文件35件，辦理行政復議案件12件。\n"
            "（二）嚴格規範公正文明執法。開展執法檢查26次，組織執法人員培訓8場。\n"
            "二、存在問題\n法治宣傳教育的針對性還需增強。\n"
        ).encode("cp950")
    )
    app = GovreadApp(paths=[str(report)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert "Script traditional, read as simplified" in app.browser.detail.plain_text
        labels = [str(n.label) for n in app.browser.outline.walk_nodes()]
        assert any("健全依法决策机制" in label for label in labels)
        await pilot.press("slash")
        await pilot.press(*"行政复议")  # typed in simplified, as a user does
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        shown = [str(n.label) for n in app.browser.outline.walk_nodes()]
        assert any("健全依法决策机制" in label for label in shown)
        assert not any("严格规范公正文明执法" in label for label in shown)


async def test_tags_cut_to_the_limits_are_said(loaded: Loaded) -> None:
    """QA: tags beyond 32, or longer than 40 characters, were cut without a word."""
    from govread.marks import MAX_TAG_CHARS, MAX_TAGS

    app = GovreadApp()
    notices: list[str] = []
    app.notify = lambda message, **_kw: notices.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        section = app.reports[0].sections[0]
        await _tag(pilot, "执法," + "长" * (MAX_TAG_CHARS + 5))
        assert app.marks.annotation(section.id).tags == ("执法", "长" * MAX_TAG_CHARS)
        assert any(f"Tags are kept to {MAX_TAGS}" in n for n in notices)
        notices.clear()
        await pilot.press("down")  # another node, no tags yet: nothing is cut
        await _tag(pilot, "复议")
        assert not any("Tags are kept" in n for n in notices)


async def test_a_copy_too_large_for_a_terminal_says_so(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `y` on a million-character node said "Copied" though tmux dropped the OSC 52."""
    from govread.tui.browser import screen as browser_screen

    app = GovreadApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("y")  # the whole report: far below the limit
        await pilot.pause()
        assert not any("may refuse" in str(n.message) for n in app._notifications)
        monkeypatch.setattr(browser_screen, "LARGE_COPY", 100)
        await pilot.press("y")
        await pilot.pause()
        warned = [n for n in app._notifications if "may refuse" in str(n.message)]
        assert warned and warned[-1].severity == "warning" and warned[-1].title == "Copied"

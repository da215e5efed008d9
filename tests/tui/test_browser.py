"""Pilot tests of the browser: loading, the detail pane following the cursor, and every key."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandPalette
from textual.widgets import ProgressBar

from govread.node_ids import node_id_of
from govread.parsers.model import Item, Report, Section
from govread.tui.app import GovreadApp
from govread.tui.browser.detail import DetailPane
from govread.tui.browser.outline import OutlineTree
from govread.tui.browser.screen import BrowserScreen
from govread.tui.dialogs.help import HelpScreen
from govread.tui.messages import EntriesLoaded

SIZE = (120, 40)


def outline(app: GovreadApp) -> OutlineTree:
    return app.browser.outline


def detail(app: GovreadApp) -> DetailPane:
    return app.browser.detail


async def test_samples_load_in_order_one_root_each(loaded, samples) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [r.sha256 for r in app.reports] == [r.sha256 for r in samples]
        roots = outline(app).report_nodes()
        assert [node.data for node in roots] == app.reports
        first = roots[0].label.plain
        assert first == "咸宁市 · 2023 · 咸宁市 2023年 法治政府建设情况"
        assert roots[1].label.plain == "泾县 · 2022 · 泾县人民政府关于2022年法治政府建设情况的报告"
        assert app.sub_title.startswith("5 reports: 咸宁市 2023, 泾县 2022")
        # the cursor starts on the first report, and the detail pane shows it
        assert outline(app).current_node is app.reports[0]
        assert detail(app).shown is app.reports[0]
        # five files: no progress bar, not even a hidden one (it is mounted when first shown)
        assert not app.query(ProgressBar)


async def test_outline_nests_sections_and_items(loaded, samples) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        root = outline(app).report_nodes()[0]
        report = root.data
        assert [c.data for c in root.children] == list(report.sections)
        law = next(s for s in report.walk() if s.heading == "行政执法更规范")
        node = next(n for n in _walk(root) if n.data is law)
        assert [c.data for c in node.children] == list(law.items)
        assert all(isinstance(c.data, Item) and not c.allow_expand for c in node.children)
        assert node.children[0].label.plain == "一是综合行政执法改革实现新发展"


def _walk(node):
    for child in node.children:
        yield child
        yield from _walk(child)


async def test_detail_follows_the_cursor_without_enter(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        seen = []
        for key in ("down", "j", "l", "j", "j", "k", "up"):
            await pilot.press(key)
            await pilot.pause()
            node = tree.current_node
            assert detail(app).shown is node
            seen.append(node)
        assert len({id(n) for n in seen}) >= 3
        # down, j: 一、 then 二、 of 咸宁; l expands 二、; j: its (一); j: (二)
        section = tree.current_node
        assert isinstance(section, Section)
        await pilot.press("j", "j")
        await pilot.pause()
        section = tree.current_node
        assert section.label == "(二)不断优化法治营商环境"
        text = detail(app).plain_text
        assert text.splitlines()[0] == "咸宁市 2023 › 二、下一步工作安排 › (二)不断优化法治营商环境"
        assert "Region 咸宁市" in text and "Published 2024-02-29" in text
        assert "File 000_a2921691a043be3c.txt" in text
        assert section.paragraphs[0] in text


async def test_detail_lists_items_and_subsection_headings(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        report = app.reports[0]
        law = next(s for s in report.walk() if s.heading == "行政执法更规范")
        tree.expand_all_reports()
        node = next(n for n in _walk(tree.report_nodes()[0]) if n.data is law)
        tree.move_cursor(node)
        await pilot.pause()
        lines = detail(app).plain_text.splitlines()
        bullets = [line for line in lines if line.startswith("• ")]
        assert [b[2:4] for b in bullets] == ["一是", "二是", "三是", "四是"]
        # a section with children lists their headings
        top = report.sections[0]
        tree.move_cursor(tree.report_nodes()[0].children[0])
        await pilot.pause()
        text = detail(app).plain_text
        assert "Subsections" in text
        for child in top.children:
            assert f"  {child.label}" in text


async def test_left_right_h_l_collapse_expand_and_move(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("down")  # 一、主要做法和成效 (collapsed)
        node = tree.cursor_node
        assert node.is_collapsed
        await pilot.press("right")
        assert node.is_expanded
        await pilot.press("l")  # expanded: go to the first child
        assert tree.cursor_node is node.children[0]
        await pilot.press("h")  # a collapsed child: go to the parent
        assert tree.cursor_node is node
        await pilot.press("left")
        assert node.is_collapsed
        await pilot.press("l")
        assert node.is_expanded
        await pilot.press("h")
        assert node.is_collapsed


async def test_g_and_G_go_to_first_and_last_line(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("G")
        assert tree.cursor_line == tree.last_line
        assert tree.current_report is app.reports[-1]
        await pilot.press("g")
        assert tree.cursor_line == 0
        await pilot.press("end")
        assert tree.cursor_line == tree.last_line
        await pilot.press("home")
        assert tree.current_node is app.reports[0]


async def test_shift_right_and_shift_down_stay_where_nothing_follows(loaded) -> None:
    """Textual's shift+→ / shift+↓ sent the cursor to the first line when the node had no
    next sibling, nor its parent (QA A5): the cursor stays."""
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("G")  # the last chapter of the last report
        last = tree.cursor_line
        assert last == tree.last_line > 0 and tree.cursor_node.parent is not tree.root
        for key in ("shift+right", "shift+down"):
            await pilot.press(key)
            await pilot.pause()
            assert tree.cursor_line == last, key
        report = tree.cursor_node.parent
        tree.move_cursor(report)  # a report: its parent is the hidden root
        await pilot.pause()
        for key in ("shift+right", "shift+down"):
            await pilot.press(key)
            await pilot.pause()
            assert tree.cursor_node is report, key


async def test_shift_right_goes_to_the_next_ancestors_sibling(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("g", "down", "l", "l")  # 一、 opened, the cursor on its (一)
        chapter = tree.cursor_node.parent
        await pilot.press("shift+right")
        await pilot.pause()
        assert tree.cursor_node is chapter.next_sibling  # 二、, as in Textual
        last_chapter = tree.cursor_node
        assert last_chapter.next_sibling is None and last_chapter.children
        await pilot.press("l", "l")
        await pilot.pause()
        assert tree.cursor_node.parent is last_chapter
        # its parent is the report's last chapter: the next ancestor is the next report
        await pilot.press("shift+right")
        await pilot.pause()
        assert tree.cursor_node is last_chapter.parent.next_sibling
        assert tree.current_report is app.reports[1]


async def test_enter_expands_then_focuses_the_detail(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("down")
        node = tree.cursor_node
        await pilot.press("enter")
        assert node.is_expanded and app.focused is tree
        await pilot.press("enter")
        assert app.focused is detail(app)
        assert detail(app).shown is node.data


async def test_tab_and_shift_tab_switch_pane(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.focused is outline(app)
        await pilot.press("tab")
        assert app.focused is detail(app)
        await pilot.press("tab")
        assert app.focused is outline(app)
        await pilot.press("shift+tab")
        assert app.focused is detail(app)


async def test_detail_pane_scrolls_with_keys(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        tree = outline(app)
        tree.expand_all_reports()
        # the longest section, in a short window
        longest = max(
            (n for r in tree.report_nodes() for n in _walk(r)),
            key=lambda n: len("".join(n.data.paragraphs)) if isinstance(n.data, Section) else 0,
        )
        tree.move_cursor(longest)
        await pilot.press("tab")
        pane = detail(app)
        assert app.focused is pane and pane.max_scroll_y > 2
        await pilot.press("j", "j")
        assert pane.scroll_y == 2
        await pilot.press("k")
        assert pane.scroll_y == 1
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("pagedown")
        assert pane.scroll_y > 2
        assert tree.cursor_node is longest  # the outline did not move


async def test_plus_and_minus_expand_and_collapse_everything(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        await pilot.press("j", "j", "j")
        report = tree.current_report
        await pilot.press("plus")
        assert all(n.is_expanded for r in tree.report_nodes() for n in _walk(r) if n.allow_expand)
        assert tree.last_line + 1 == sum(1 + len(list(_walk(r))) for r in tree.report_nodes())
        await pilot.press("minus")
        assert all(r.is_collapsed for r in tree.report_nodes())
        assert tree.last_line == 4
        assert tree.current_node is report  # the cursor stays on its report
        assert detail(app).shown is report


async def test_shift_space_folds_and_opens_the_subtree_under_the_cursor_only(loaded) -> None:
    """QA: shift+space (the README: the whole subtree of the node under the cursor) was
    Textual's `toggle_expand_all`, which opens or folds the node's siblings one level: on a
    report line it folded every report."""
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)
        first, *others = tree.report_nodes()
        open_before = [r.is_expanded for r in others]
        await pilot.press("g", "j")  # the first report's first section
        section = tree.cursor_node
        assert section is not None and section.parent is first and section.allow_expand
        await pilot.press("shift+space")
        under = [n for n in _walk(section) if n.allow_expand]
        assert section.is_expanded and under and all(n.is_expanded for n in under)
        siblings = [n for n in first.children if n is not section and n.allow_expand]
        assert all(n.is_collapsed for n in siblings)  # nothing beside it opened
        assert [r.is_expanded for r in others] == open_before
        await pilot.press("shift+space")
        assert section.is_collapsed and all(n.is_collapsed for n in under)
        assert first.is_expanded and [r.is_expanded for r in others] == open_before
        assert tree.cursor_node is section


async def test_b_hides_and_shows_the_outline(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        tree, pane = outline(app), detail(app)
        narrow_width = tree.size.width
        assert 20 <= narrow_width <= 34  # narrowed at 80 columns
        await pilot.press("b")
        await pilot.pause()
        assert not tree.display and app.focused is pane
        assert pane.outer_size.width == 80
        await pilot.press("b")
        await pilot.pause()
        assert tree.display and app.focused is tree


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_lists_every_key_and_closes(loaded, key) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, color_system=None)
        with console.capture() as capture:
            console.print(app.screen.help_table)
        text = capture.get()
        groups = [title for title, _ in _help_groups(app)]
        assert {"Outline", "Detail pane", "Browser", "Everywhere"} <= set(groups)
        for title in groups:
            assert title in text
        for needed in (
            "Expand all",
            "Collapse all",
            "Filter",
            "Mark",
            "Export",
            "Compare",
            "Quit",
            "Help",
            "Next pane",
            "Previous pane",
            "First",
            "Last",
            "Collapse",
            "Expand",
            "Outline",
            "Open",
            "Down",
            "Up",
            "palette",
        ):
            assert needed in text, needed
        await pilot.press(key)  # the same key closes it
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def _help_groups(app):
    from govread.tui.dialogs.help import binding_groups

    return binding_groups(app.browser)


async def test_help_groups_show_keys_with_descriptions(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        groups = dict(_help_groups(app))
        outline_rows = dict((d.split(":")[0], k) for k, d in groups["Outline"])
        assert set(outline_rows["Down"].split()) == {"↓", "j"}
        assert set(outline_rows["Collapse"].split()) == {"←", "h"}
        assert set(outline_rows["First"].split()) == {"g", "home"}
        assert set(outline_rows["Last"].split()) == {"G", "end"}
        browser_rows = dict((d.split(":")[0], k) for k, d in groups["Browser"])
        assert browser_rows["Expand all"] == "+"
        assert browser_rows["Collapse all"] == "-"
        assert browser_rows["Filter"] == "/"
        assert browser_rows["Quit"] == "q"


async def test_ctrl_p_opens_the_palette_with_the_browser_commands(loaded, palette_pick) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await palette_pick(pilot, "expand all")
        tree = outline(app)
        assert all(n.is_expanded for r in tree.report_nodes() for n in _walk(r) if n.allow_expand)


async def test_the_palette_lists_each_command_once(loaded) -> None:
    """Textual's own commands (Quit) and the keys of the screen and the app that run the same
    action (q, ctrl+q; ``help`` on the app and ``app.help`` on the browser) are one entry."""
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for _screen in ("browser", "corpus tables"):
            commands = list(app.get_system_commands(app.screen))
            titles = [command.title for command in commands]
            assert titles.count("Quit") == 1 and titles.count("Help") == 1, titles
            assert len(set(titles)) == len(titles), titles
            await pilot.press("t")
            await app.workers.wait_for_complete()
            await pilot.pause()
        quit_help = next(c.help for c in app.get_system_commands(app.browser) if c.title == "Quit")
        assert quit_help.endswith("(key: q)")  # the key the browser binds to it


async def test_typing_in_an_input_is_text_not_keys(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"qbe c/+-gG?j")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one("Input").value == "qbe c/+-gG?j"
        assert app.is_running and outline(app).display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.browser


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_q_and_ctrl_q_quit(loaded, key) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_a_bad_file_is_a_notification_and_the_others_open(loaded, tmp_path, notices) -> None:
    bad = tmp_path / "[red]坏[b]文件.txt"
    bad.write_bytes(b"")
    binary = tmp_path / "图片.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    from govread.corpus import sample_paths

    good = sample_paths()[1]
    app = GovreadApp(paths=[str(bad), str(good), str(binary)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [Path(r.path).name for r in app.reports] == [good.name]
        # the files not opened are named (by their names) in one notification, a line each
        lines = "\n".join(n.message for n in notices).splitlines()
        assert f"{bad.name}: is empty" in lines
        assert any(line.startswith(f"{binary.name}: ") for line in lines)
        assert all(n.markup is False for n in notices)
        assert app.is_running


async def test_a_spreadsheet_named_is_refused_as_in_a_folder(loaded, tmp_path, notices) -> None:
    """QA: a CSV named on the command line opened as a report (its text is report text);
    it is refused as a folder refuses it, a file named that could not be opened."""
    from govread.corpus import sample_paths

    good = sample_paths()[1]
    table = tmp_path / "cmp.csv"
    table.write_text("theme,a_text\n行," + good.read_text("utf-8").replace("\n", "\n行,"), "utf-8")
    app = GovreadApp(paths=[str(table), str(good)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [Path(r.path).name for r in app.reports] == [good.name]
        lines = "\n".join(n.message for n in notices).splitlines()
        assert f"{table.name}: is a spreadsheet, not a report" in lines


async def test_nothing_opened_is_said_in_the_ui(loaded, tmp_path) -> None:
    missing = tmp_path / "没有.txt"
    app = GovreadApp(paths=[str(missing)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        text = detail(app).plain_text
        assert text.startswith("No report could be opened.")
        assert f"{missing}: no such file" in text
        assert app.sub_title == "nothing opened"
        await pilot.press("j", "g", "G", "plus", "minus", "enter", "l", "h")
        assert app.is_running


async def test_progress_bar_shows_for_more_than_a_handful_of_files(
    loaded, tmp_path, monkeypatch
) -> None:
    from govread.corpus import sample_paths

    for index in range(3):
        for path in sample_paths():
            # each copy a text of its own: the same text twice is shown once
            text = path.read_bytes() + f"\n第{index}份。".encode()
            (tmp_path / f"{index}_{path.name}").write_bytes(text)
    seen = []
    show_progress = BrowserScreen.show_progress

    def spy(screen: BrowserScreen, done: int, total: int) -> None:
        show_progress(screen, done, total)
        seen.append((done, total, screen.query_one(ProgressBar).display))

    monkeypatch.setattr(BrowserScreen, "show_progress", spy)
    app = GovreadApp(paths=[str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        bar = app.query_one(ProgressBar)
        assert seen[0] == (1, 15, True)
        assert seen[-1] == (15, 15, False)
        # once a batch (the bar is drawn after each), rising to the last
        dones = [done for done, _, _ in seen]
        assert dones == sorted(set(dones)) and dones[-1] == 15
        assert not bar.display and len(app.reports) == 15
        app.browser.show_progress(3, 15)
        assert bar.display and bar.total == 15 and bar.progress == 3
        app.browser.show_progress(1, 5)  # a handful: no bar
        assert not bar.display


async def test_markup_in_report_text_shows_as_written(loaded, tmp_path) -> None:
    source = tmp_path / "markup.txt"
    source.write_text(
        "测试市人民政府关于2023年法治政府建设情况的报告\n\n"
        "2023年,我市扎实推进法治政府建设。\n\n"
        "一、关于[bold]加粗[/]标记的处理\n"
        "正文提到[red]颜色[/red]和[link=http://x]链接[/link],共处理67件。\n"
        "二、其他工作\n"
        "一是保持[/]原样。二是显示[b]样式。\n\n"
        "测试市人民政府\n2024年1月5日\n",
        "utf-8",
    )
    # The parser removes page chrome such as 字体:[ ] from files, so that heading is built
    # directly, and goes through the same message the loader posts.
    chrome_like = Section(
        id="x/1",
        level=1,
        number="一",
        ordinal=1,
        marker="一、",
        heading="字体:[   ] [bold]粗[/] [/]",
        raw_heading="一、字体:[   ] [bold]粗[/] [/]",
        inline=False,
        paragraphs=("正文 [i]不是斜体[/i] 字体:[   ]",),
    )
    built = Report(
        sha256="x" * 64,
        title="[bold]标题[/]",
        display_title="[bold]标题[/]",
        region="[b]区[/b]",
        year=2023,
        published=None,
        issuer="字体:[   ]",
        source=None,
        sections=(chrome_like,),
        path=str(tmp_path / "[bold]f[i].txt"),
    )
    app = GovreadApp(paths=[str(source)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.post_message(EntriesLoaded([(built, 1)], 1))
        await pilot.pause()
        tree = outline(app)
        roots = tree.report_nodes()
        assert roots[0].children[0].label.plain == "一、关于[bold]加粗[/]标记的处理"
        items = [c.label.plain for c in roots[0].children[1].children]
        assert items == ["一是保持[/]原样", "二是显示[b]样式"]
        assert roots[1].label.plain == "[b]区[/b] · 2023 · [bold]标题[/]"
        assert roots[1].children[0].label.plain == "一、字体:[   ] [bold]粗[/] [/]"

        await pilot.press("down")
        await pilot.pause()
        text = detail(app).plain_text
        assert "一、关于[bold]加粗[/]标记的处理" in text
        assert "正文提到[red]颜色[/red]和[link=http://x]链接[/link],共处理67件。" in text

        tree.move_cursor(roots[1].children[0])
        await pilot.pause()
        text = detail(app).plain_text
        assert "一、字体:[   ] [bold]粗[/] [/]" in text
        assert "正文 [i]不是斜体[/i] 字体:[   ]" in text
        assert "Issuer 字体:[   ]" in text and "File [bold]f[i].txt" in text
        assert text.splitlines()[0] == "[b]区[/b] 2023 › 一、字体:[   ] [bold]粗[/] [/]"
        # and on screen, cell by cell
        screen_text = (
            "\n".join(
                "".join(seg.text for seg in strip)
                for strip in app.screen._compositor.render_strips()
            )
            if hasattr(app.screen._compositor, "render_strips")
            else None
        )
        if screen_text is not None:
            assert "字体:[   ] [bold]粗[/] [/]" in screen_text


async def test_help_scrolls_with_j_k_and_q_closes_it_without_quitting(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        assert body.scroll_y == 3
        await pilot.press("k")
        assert body.scroll_y == 2
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and app.screen is app.browser


async def test_header_shows_report_names_as_plain_text(loaded, tmp_path) -> None:
    from textual.widgets._header import HeaderTitle

    built = Report(
        sha256="y" * 64,
        title=None,
        display_title="[bold]无题[/]",
        region="[b]区[/b]",
        year=2023,
        published=None,
        issuer=None,
        source=None,
        path=str(tmp_path / "a.txt"),
    )
    app = GovreadApp(paths=[str(tmp_path / "missing.txt")])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.post_message(EntriesLoaded([(built, 1)], 1))
        await pilot.pause()
        assert app.sub_title == "1 report: [b]区[/b] 2023"
        title = app.query_one(HeaderTitle).render()
        assert "[b]区[/b] 2023" in title.plain


async def test_the_same_report_twice_is_one_entry_and_a_notification(
    loaded, tmp_path, notices
) -> None:
    from govread.corpus import sample_paths

    source = sample_paths()[1]
    copy = tmp_path / "copy.txt"
    copy.write_text(source.read_text("utf-8").replace("\n", " "), "utf-8")
    app = GovreadApp(paths=[str(source), str(copy)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [r.path for r in app.reports] == [str(source)]
        assert f"{copy.name}: is the same report as {source.name} (shown once)" in [
            n.message for n in notices
        ]
        await pilot.press("down")
        await pilot.pause()
        assert "Genre 法治政府建设报告 (government)" in detail(app).plain_text


async def test_detail_lines_never_start_with_closing_punctuation(loaded, tmp_path) -> None:
    """The pane wraps Chinese as Chinese is set (govread/linebreak.py): a comma or full stop
    stays at the end of the line it closes, at any width of the pane."""
    from govread.linebreak import CLOSING

    clauses = "".join(
        "各部门" + "依法" * (n % 7) + "履职尽责" + "，；。、）”"[n % 6] for n in range(60)
    )
    source = tmp_path / "wrap.txt"
    source.write_text(
        "测试市人民政府关于2023年法治政府建设情况的报告\n\n"
        f"一、主要工作\n{clauses}\n二、下一步工作\n继续推进。\n",
        "utf-8",
    )
    app = GovreadApp(paths=[str(source)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        await pilot.pause()
        pane = detail(app)
        assert "各部门履职尽责，" in pane.plain_text
        body = pane.query_one("#detail-body")
        lines = [
            "".join(segment.text for segment in body.render_line(y)).rstrip()
            for y in range(body.size.height)
        ]
        wrapped = [line for line in lines if "履职" in line or line[:1] in CLOSING]
        assert len(wrapped) > 5  # the paragraph took several lines
        assert not [line for line in lines if line[:1] in CLOSING]


async def test_regrouping_shows_the_reports_as_a_fresh_open_does(
    loaded, palette_pick, notices
) -> None:
    """By year, then automatically (five reports: not grouped): each report shows its
    top-level sections again, as at start, and a section the reader opened is still open."""
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = outline(app)

        def opened() -> set[str]:
            return {node_id_of(n.data) for n in tree.walk_nodes() if n.is_expanded and n.data}

        at_start = opened()
        assert len(at_start) >= len(app.reports)  # every report, its top-level sections shown
        deeper = next(
            n for r in tree.report_nodes() for n in r.children if n.allow_expand
        )  # a section folded at start
        tree.open_node(deeper)
        tree.move_cursor(deeper)
        wanted = at_start | {node_id_of(deeper.data)}
        for command in ("Group reports by year", "Group reports automatically"):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await palette_pick(pilot, command)
        assert notices[-1].message == "Reports grouped: none"
        assert all(node.data is not None for node in tree.root.children)  # not grouped
        assert opened() == wanted
        assert tree.current_node is deeper.data


async def test_space_on_a_group_of_reports_says_what_can_be_marked(loaded, notices) -> None:
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        app.browser.group_reports("year")
        await pilot.pause()
        tree = outline(app)
        tree.move_cursor(tree.root.children[0])
        await pilot.pause()
        assert tree.current_node is None  # a group: no report of its own
        await pilot.press("space")
        await pilot.pause()
        assert notices[-1].message.startswith("Only a report, a section or an item can be marked")
        assert len(app.marks) == 0


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
async def test_sigterm_and_sighup_close_the_browser_as_q_does(signal_name: str) -> None:
    import asyncio
    import os
    import signal

    number = getattr(signal, signal_name)
    unheard: list[int] = []  # the signal reached this handler, not the browser's
    before = signal.signal(number, lambda received, _frame: unheard.append(received))
    try:
        app = GovreadApp()
        async with app.run_test(size=SIZE) as pilot:
            os.kill(os.getpid(), number)  # `kill PID`: the terminal is put back by Textual
            for _ in range(50):
                if app.return_code is not None or unheard:
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()
    finally:
        signal.signal(number, before)
    assert not unheard
    assert app.return_code == 128 + number


async def test_the_browser_screen_s_own_rules_apply(loaded) -> None:
    """Its screen.tcss is read although it is the app's first screen (Textual reads a
    pushed screen's CSS_PATH only): at 180 columns the outline is 64 wide, not 40 % of the
    width (72 at most)."""
    app = GovreadApp()
    async with app.run_test(size=(180, 40)) as pilot:
        await loaded(pilot)
        assert app.browser.has_class("-very-wide")
        assert outline(app).outer_size.width == 64
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.browser.has_class("-narrow")
        assert detail(app).styles.padding.left == 1


@pytest.mark.parametrize("width", [30, 44, 60, 80, 100])
def test_the_facts_line_never_parts_a_key_from_its_value(width: int) -> None:
    """QA: the metadata wrapped as one sentence, leaving `Genre` or `File` at a line's end
    and its value on the next; the facts now break only between two facts."""
    from rich.text import Text as RichText

    from govread.tui.browser.detail import _Facts

    facts = [
        RichText("Region 福田区"),
        RichText("Year 2019"),
        RichText("Published 2020-01-05"),
        RichText("Genre 政府工作报告 (government)"),
        RichText("Issuer 福田区人民政府"),
        RichText("File 03_futianqu_2020.txt"),
    ]
    console = Console(width=width, record=True)
    console.print(_Facts(facts, ""))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    for fact in facts:
        key, value = fact.plain.split(" ", 1)
        line = next(line for line in lines if key in line.split("   ")[0] or f"   {key} " in line)
        assert f"{key} {value[:2]}" in line, (width, lines)


async def test_help_keys_column_is_as_wide_as_the_keys_not_the_query_examples(loaded) -> None:
    """QA: at 80 columns the help's key column was 24 cells wide, set by the filter query
    examples ("严格规范公正文明执法") that shared its table; the descriptions had half the box."""
    app = GovreadApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=70, color_system=None)
        with console.capture() as capture:
            console.print(app.screen.help_table)
        lines = capture.get().splitlines()
        up = next(line for line in lines if line.rstrip().endswith("  Up"))
        assert up.index("Up") <= 16, up
        example = next(line for line in lines if "严格规范公正文明执法" in line)
        assert "exact phrase" in example  # the examples keep their own, wider column


def test_a_widget_without_a_group_title_is_named_in_words() -> None:
    from govread.tui.dialogs.help import _class_words

    assert _class_words("ContentTabs") == "Content tabs"
    assert _class_words("DataTable") == "Data table"
    assert _class_words("") == ""

"""The browser's filter: typing narrows the outline, counts, n/N, escape, hits, words, safety."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input, Static
from textual.widgets._toast import Toast, ToastRack

from govread import segment
from govread.i18n import _, set_language
from govread.node_ids import Outside, node_id_of
from govread.parsers.model import Section
from govread.search import SearchIndex
from govread.tui.app import GovreadApp
from govread.tui.browser import filter_bar
from govread.tui.browser.filter_bar import DEBOUNCE, FilterBar
from govread.tui.browser.hits_list import HitsList

SIZE = (120, 40)
QUERY = "行政复议"


def quiet_app(paths: list[str | Path] | None = None) -> GovreadApp:
    """An app that does not load jieba by itself (the words test starts it on purpose)."""
    app = GovreadApp(paths)
    app.WORD_SEARCH_DELAY = None
    return app


def bar(app: GovreadApp) -> FilterBar:
    return app.browser.query_one(FilterBar)


def shown_keys(app: GovreadApp) -> list[str]:
    return [node_id_of(n.data) for n in app.browser.outline.walk_nodes() if n.data is not None]


async def filter_by(pilot: Pilot[object], query: str) -> None:
    """Open the filter, type `query` key by key, and let the debounce run out."""
    await pilot.press("slash")
    await pilot.press(*query)
    await pilot.pause(DEBOUNCE * 2)
    await pilot.pause()


async def test_typing_narrows_the_outline_after_the_debounce(loaded, samples) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        everything = shown_keys(app)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*QUERY)
        # typed faster than the debounce: not filtered on every keystroke
        assert len(app.browser.filtering.latencies) < len(QUERY)
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        expected = SearchIndex.build(samples).filter(QUERY)
        keys = shown_keys(app)
        assert 0 < len(keys) < len(everything)
        # a preamble's or closing's hit is a line of its own (`<id>/closing`)
        wanted = set(expected.ids) | set(expected.ancestors)
        shown_sections = {k for k in keys if "/" in k}
        assert shown_sections == {k for k in wanted if "/" in k}
        reports = [n.data.sha256 for n in app.browser.outline.report_nodes()]
        assert reports == [r.sha256 for r in samples if r.sha256 in expected.report_counts]
        # every hit is visible: its ancestors are expanded
        for key in app.browser.filtering.state.hits:
            node = app.browser.outline.node_for(key)
            assert node is not None and node.line >= 0
        assert bar(app).value == QUERY  # the query stays visible
        assert bar(app).status_text.startswith(f"{expected.total} hits in ")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_toast_never_hides_the_filters_count(loaded, screen_lines, size) -> None:
    """QA: a toast (rising from the bottom right) sat on the count at the bar's right end."""
    app = quiet_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        status = bar(app).query_one("#filter-status", Static)
        said = status.render().plain  # type: ignore[union-attr]
        assert "hits in" in said
        app.notify("Copied 1,234 characters with a citation line", title="Copied")
        for _tick in range(100):  # a bound, not a timing: on a busy machine it comes later
            await pilot.pause(0.02)
            toasts = [toast for toast in app.screen.query(Toast) if toast.region.area]
            if toasts:
                break
        assert toasts
        assert not any(toast.region.overlaps(status.region) for toast in toasts)
        assert said.strip() == "".join(screen_lines(app, status.region)).strip()
        await pilot.press("escape")  # the bar closes: toasts rise from above the footer again
        await pilot.pause()
        assert app.screen.query_one(ToastRack).styles.margin.bottom == 1


async def test_the_last_answer_is_dimmed_while_a_new_query_is_typed(loaded, monkeypatch) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        answered = bar(app).status_text
        assert answered and not bar(app).status.has_class("-stale")
        # A debounce no busy machine outlasts between the key and the check below
        monkeypatch.setattr(filter_bar, "DEBOUNCE", 60.0)
        await pilot.press("x")  # the debounce has not run out: the old answer is still there
        assert bar(app).status_text == answered and bar(app).status.has_class("-stale")
        bar(app).flush()  # what the debounce running out does
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        assert not bar(app).status.has_class("-stale")
        assert bar(app).status_text != answered  # 行政复议x matches nothing


async def test_counts_and_highlights_in_the_labels(loaded, samples) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        expected = SearchIndex.build(samples).filter(QUERY)
        outline = app.browser.outline
        for node in outline.report_nodes():
            count = expected.report_counts[node.data.sha256]
            assert node.label.plain.startswith(f"{count} ")
        highlighted = 0
        for node in outline.walk_nodes():
            data = node.data
            if isinstance(data, Section):
                count = expected.section_counts[data.id]
                assert node.label.plain.startswith(f"{count} ")
                if QUERY in data.heading:
                    start = node.label.plain.index(QUERY)
                    assert any(
                        span.start <= start
                        and span.end >= start + len(QUERY)
                        and "underline" in str(span.style)
                        for span in node.label.spans
                    )
                    highlighted += 1
            elif isinstance(data, Outside):  # a preamble's or closing's line: one hit
                assert node.label.plain == "1 " + data.label
        assert highlighted  # 深化行政复议与应诉工作 (秦皇岛)
        # the detail pane highlights the matches of the node on show
        detail = app.browser.detail
        assert detail.filter_state is app.browser.filtering.state
        assert detail.filter_state.spans(f"加强{QUERY}工作") == [(2, 6)]


async def test_what_waits_for_the_outlines_paint_runs_after_it_even_hidden(loaded) -> None:
    """The detail pane's highlights and the collection wait for the outline's next paint
    (`after_drawn`): it comes even when nothing else changed, and, the outline hidden,
    they run after the screen's next update instead of never."""
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline, calls = app.browser.outline, []
        outline.after_drawn(lambda: calls.append("shown"))
        assert calls == []  # not before the paint
        await pilot.pause()
        assert calls == ["shown"]
        outline.display = False
        await pilot.pause()
        outline.after_drawn(lambda: calls.append("hidden"))
        await pilot.pause()
        assert calls == ["shown", "hidden"]


async def test_n_and_shift_n_step_through_hits_across_reports(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        await pilot.press("enter")
        hits = list(app.browser.filtering.state.hits)
        assert len({h.split("/")[0] for h in hits}) > 1  # more than one report
        outline = app.browser.outline
        assert app.focused is outline
        assert node_id_of(outline.cursor_node.data) == hits[0]
        visited = []
        for _ in hits:
            await pilot.press("n")
            visited.append(node_id_of(outline.cursor_node.data))
        assert visited == hits[1:] + hits[:1]  # in order, wrapping around
        await pilot.press("N")
        assert node_id_of(outline.cursor_node.data) == hits[-1]
        # the detail pane follows: it shows the hit
        assert app.browser.detail.shown is outline.cursor_node.data


async def test_escape_restores_folding_and_cursor(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        await pilot.press("down", "right", "right", "down", "right", "down", "down")
        state = app.browser.filtering.outline.save_state()
        before_lines = [n.label.plain for n in outline.walk_nodes() if n.line >= 0]
        root, cursor = outline.root, outline.cursor_node
        await filter_by(pilot, QUERY)
        assert outline.root is not root
        await pilot.press("enter", "n", "n")  # move around the filtered outline
        await pilot.press("escape")
        await pilot.pause()
        # the outline set aside is put back as it was, not made again
        assert outline.root is root and outline.cursor_node is cursor
        assert outline.get_node_by_id(cursor.id) is cursor
        assert app.browser.filtering.outline.save_state().expanded == state.expanded
        assert node_id_of(outline.cursor_node.data) == state.cursor
        _ = outline.last_line
        assert [n.label.plain for n in outline.walk_nodes() if n.line >= 0] == before_lines
        assert not bar(app).has_class("-open") and bar(app).value == ""
        assert not app.browser.filtering.state.active
        assert app.browser.detail.filter_state.spans(f"加强{QUERY}工作") == []
        assert app.focused is outline


async def test_escape_after_regrouping_while_filtered_makes_the_outline_anew(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        root = outline.root
        await filter_by(pilot, QUERY)
        app.browser.group_reports("year")
        await pilot.press("escape")
        await pilot.pause()
        assert outline.root is not root  # the outline set aside was grouped otherwise
        groups = outline.root.children
        assert groups and all(node.data is None for node in groups)
        # nodes made since are found as before: filtering and escaping again puts them back
        regrouped = outline.root
        await filter_by(pilot, QUERY)
        await pilot.press("escape")
        await pilot.pause()
        assert outline.root is regrouped


async def test_a_field_value_no_report_has_says_why_nothing_matched(loaded) -> None:
    """QA: `year:abc` (or `year:20x3`, `level:市`) left the status at "no match" with no
    hint; it says what the field takes, and an excluded one says so beside the counts."""
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "复议 year:20x3")
        status = bar(app).status_text
        assert status.startswith("no match: year:20x3: not a year (2022, 2020-2022)"), status
        assert bar(app).status.has_class("-no-match")
        await pilot.resize_terminal(80, 40)  # narrower: the reason stays, alone
        await pilot.pause()
        assert bar(app).status_text == "year:20x3: not a year (2022, 2020-2022)"
        await pilot.resize_terminal(*SIZE)
        bar(app).input.value = "复议 -level:市"
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        status = bar(app).status_text
        assert " hits in " in status and "level:市: not a level (government, department)" in status
        # a pasted value with a terminal escape is shown escaped, never raw
        bar(app).input.value = "year:\x1b[2Jx"
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        status = bar(app).status_text
        assert "\x1b" not in status and "year:\\x1b[2Jx: not a year" in status, status


async def test_escape_in_the_input_clears_too_and_empty_result_keeps_the_outline(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        everything = shown_keys(app)
        await filter_by(pilot, "绝不会出现的词语xyz")
        assert bar(app).status_text.endswith(" — showing everything")  # not filtered, said
        assert bar(app).status.has_class("-no-match")
        assert shown_keys(app) == everything  # still the whole outline, usable
        await pilot.press("escape")
        await pilot.pause()
        assert shown_keys(app) == everything
        assert not bar(app).has_class("-open")


async def test_suggestions_complete_the_last_term(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "法治 行政复")
        field = bar(app).input
        for _ in range(100):  # counted in a thread: here in a moment
            if field._suggestion:
                break
            await pilot.pause(0.02)
        suggestion = field._suggestion
        assert suggestion.startswith("法治 行政复") and len(suggestion) > len("法治 行政复")
        await pilot.press("right")  # accepts it
        assert field.value == suggestion


async def test_a_slow_suggestion_never_holds_typing(loaded, monkeypatch) -> None:
    """The first time a prefix is typed, its suggestion counts dictionary terms over every
    open report: that runs in a thread, and keys typed meanwhile are taken at once."""
    import threading

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        index = bar(app)._suggester._index()
        assert index is not None
        release = threading.Event()
        released: list[bool] = []

        def slow_suggest(prefix: str, limit: int = 10) -> list[str]:
            released.append(release.wait(timeout=3))
            return []

        monkeypatch.setattr(index, "suggest", slow_suggest)
        await pilot.press("slash", "行")
        await pilot.press("政")  # while the first suggestion is still being counted
        assert bar(app).input.value == "行政"
        release.set()
        for _ in range(100):
            if len(released) == 2:
                break
            await pilot.pause(0.02)
        assert released == [True, True]  # each waited for the keys typed after it


async def test_hits_list_ranks_and_enter_moves_the_outline(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        await pilot.press("enter", "H")
        hits_list = app.browser.query_one(HitsList)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert hits_list.display and app.focused is hits_list
        assert hits_list.hits and hits_list.option_count == len(hits_list.hits)
        first = hits_list.hits[0]
        prompt = hits_list.get_option_at_index(0).prompt
        assert first.report.region in prompt.plain and QUERY in prompt.plain
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = hits_list.hits[1]
        assert node_id_of(app.browser.outline.cursor_node.data) == chosen.node_id
        assert app.focused is app.browser.outline


@pytest.mark.word_search
async def test_words_fallback_once_the_jieba_worker_is_done(loaded) -> None:
    app = GovreadApp()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "规范执法人员资格")  # found nowhere verbatim
        deadline = time.monotonic() + 60  # a bound for the dictionary load, not a timing test
        while not app.word_search_ready and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.word_search_ready and segment.is_loaded()
        result = app.browser.filtering.state.result
        assert result is not None and result.word_ids and not result.words_pending
        assert app.browser.filtering.state.hits  # the outline was filtered again
        assert "word search ready" in bar(app).status_text
        assert "by words" in bar(app).status_text


async def test_letters_in_the_input_never_trigger_bindings(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        typed = "qjknNHbegG+-c"
        await pilot.press("slash", *typed)
        await pilot.pause()
        assert app.is_running
        assert bar(app).value == typed
        assert app.browser.outline.display
        assert not app.browser.query_one(HitsList).display
        assert isinstance(app.focused, Input)


MARKUP_REPORT = """测试市2023年法治政府建设情况报告

一、[bold]行政复议[/]与字体:[   ]工作
加强行政复议工作，全年办理[red]案件[/]20件。
二、其他工作
其他内容。
"""


async def test_markup_in_report_text_shows_as_written(tmp_path, loaded) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(MARKUP_REPORT, "utf-8")
    app = quiet_app([path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "行政复议")
        labels = [n.label.plain for n in app.browser.outline.walk_nodes()]
        assert any("[bold]行政复议[/]与字体:[   ]工作" in label for label in labels)
        assert "[red]案件[/]" in app.browser.detail.plain_text or any(
            "[bold]" in label for label in labels
        )
        await pilot.press("enter")
        await pilot.pause()
        assert "[red]案件[/]" in app.browser.detail.plain_text


WEIRD_QUERIES = ('"', "|", "-", "[/]", '"[bold]', "| - |", "-[", "\\", "  ")


async def test_weird_queries_never_crash(loaded) -> None:
    """One query after another in one browser, as a user types them (one app start for all:
    escape clears the filter, so each query is typed into an empty box)."""
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for query in WEIRD_QUERIES:
            await filter_by(pilot, query)
            assert bar(app).query_one(Input).value == query
            await pilot.press("n", "escape")
            await pilot.pause()
            assert app.is_running, repr(query)
            assert app.browser.outline.report_nodes(), repr(query)
            assert not bar(app).query_one(Input).value, repr(query)


def test_filtered_browser_snapshot(snap_compare, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/govread-snapshots/config")

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.clear_notifications()
        await filter_by(pilot, QUERY)
        await pilot.press("enter", "n", "n")
        await pilot.pause()

    app = quiet_app()
    app.animation_level = "none"
    assert snap_compare(app, terminal_size=(120, 32), run_before=run_before)


async def test_large_results_fill_folded_reports_when_reached(loaded, monkeypatch) -> None:
    from govread.tui.browser.outline_narrowing import OutlineNarrowing

    monkeypatch.setattr(OutlineNarrowing, "NODE_BUDGET", 3)
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        outline = app.browser.outline
        reports = outline.report_nodes()
        assert reports[0].children and reports[0].is_expanded
        later = reports[-1]
        assert not later.children and not later.is_expanded  # left for later
        await pilot.press("enter")
        hits = list(app.browser.filtering.state.hits)
        visited = []
        for _ in hits:
            await pilot.press("n")
            visited.append(node_id_of(outline.cursor_node.data))
        assert visited == hits[1:] + hits[:1]  # n fills the folded reports it reaches
        assert later.children and later.is_expanded
        # opening a folded report by hand fills it too
        await pilot.press("escape")
        await filter_by(pilot, QUERY)
        await pilot.press("enter")
        outline = app.browser.outline
        middle = outline.report_nodes()[1]
        assert not middle.children
        outline.move_cursor(middle)
        await pilot.press("l")
        await pilot.pause()
        assert middle.children


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_help_documents_the_query_language(loaded, language: str) -> None:
    from rich.console import Console

    from govread.search import FIELD_PREFIXES

    set_language(language)
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(record=True, width=200)
        console.print(app.screen.help_table)
        text = console.export_text()
        assert _("Filter queries") in text
        for needle in ("| ", "-信访", '"严格规范公正文明执法"', "１００％", "jieba"):
            assert needle in text
        # every report field, in English and in Chinese, and the tags
        for needle in (*FIELD_PREFIXES, "-genre:", "tag:执法", "-tag:草稿"):
            assert needle in text, needle
        assert _("Next hit") in text and _("Clear filter") in text
        if language == "en":
            assert "AND" in text
            assert "Move cursor left" not in text  # the input's editing keys are not listed


async def test_the_loaded_library_is_left_out_of_full_collections_until_the_app_goes(
    loaded,
) -> None:
    import gc

    gc.unfreeze()
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.loading_done
        assert gc.get_freeze_count() > 0  # the reports and the index: not walked by gc
    assert gc.get_freeze_count() == 0  # given back when the app is gone


async def test_a_narrow_status_drops_the_word_note_before_cutting_the_message(loaded) -> None:
    set_language("zh")  # CJK: two cells a character
    app = quiet_app()
    async with app.run_test(size=(50, 30)) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "绝不会出现的词语xyz")
        bar(app).show_words_status(_("word search ready"))
        await pilot.pause()
        status = bar(app).query_one("#filter-status", Static)
        assert bar(app).status_text == "无匹配 — 显示全部内容"  # whole; the note went first
        assert status.render_line(0).text.strip() == bar(app).status_text
        assert cell_len(bar(app).status_text) <= status.size.width
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        shown = bar(app).status_text  # room for both (and "still loading", if it was)
        assert shown.startswith("无匹配") and shown.endswith(" — 显示全部内容  分词检索已就绪")
        assert status.render_line(0).text.strip() == bar(app).status_text


async def test_escape_shows_the_group_the_cursor_was_on_not_the_last_hit(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline, detail = app.browser.outline, app.browser.detail
        app.browser.group_reports("year")
        await pilot.pause()
        group = outline.root.children[-1]
        outline.move_cursor(group)
        await pilot.pause()
        before = detail.plain_text
        await filter_by(pilot, QUERY)
        await pilot.press("enter", "n")  # the detail pane shows a hit
        await pilot.pause()
        assert detail.plain_text != before
        await pilot.press("escape")
        await pilot.pause()
        assert outline.cursor_node is group
        assert detail.plain_text == before  # what the group holds, not the hit left behind


async def test_the_narrowed_outline_is_drawn_without_laying_the_screen_out(
    loaded, monkeypatch
) -> None:
    """An answer changes the outline's lines, not its size: only its scroll bar follows
    (its thumb); the screen is laid out again only when the scroll bar comes or goes."""
    from textual.widgets import Tree

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        layouts: list[bool] = []
        refresh = Tree.refresh

        def spy(self, *regions, repaint=True, layout=False, recompose=False):  # type: ignore[no-untyped-def]
            if self is outline:
                layouts.append(layout)
            return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

        monkeypatch.setattr(Tree, "refresh", spy)
        await filter_by(pilot, "法")  # more lines than the samples' whole outline: it scrolls
        height = outline.scrollable_content_region.height
        assert outline.virtual_size.height > height and outline.show_vertical_scrollbar
        before = outline.virtual_size.height
        layouts.clear()
        await pilot.press("治")  # 法治: other lines, still enough to scroll
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        lines = outline.virtual_size.height
        assert height < lines != before and outline.show_vertical_scrollbar
        assert layouts and not any(layouts)  # redrawn, not laid out
        assert outline.vertical_scrollbar.window_virtual_size == lines
        assert outline.vertical_scrollbar.window_size == height
        await pilot.press(*"深化行政复议与应诉")  # no match: the whole outline, which fits
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        assert outline.virtual_size.height <= height
        assert any(layouts) and not outline.show_vertical_scrollbar


async def test_the_status_is_redrawn_only_when_its_text_changes(loaded, monkeypatch) -> None:
    """The same status again is not redrawn; one as wide as the last is redrawn without
    laying the screen out (its width follows its text), a wider one is laid out."""
    from rich.text import Text

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await filter_by(pilot, QUERY)
        status, calls = bar(app).status, []
        update = status.update

        def spy(content: object = "", *, layout: bool = True) -> None:
            calls.append((str(content), layout))
            update(content, layout=layout)  # type: ignore[arg-type]

        monkeypatch.setattr(status, "update", spy)
        bar(app).show_found(Text("12 hits"))
        bar(app).show_found(Text("12 hits"))
        bar(app).show_found(Text("12 hits", style="bold"))  # restyled: redrawn
        bar(app).show_found(Text("34 hits", style="bold"))
        bar(app).show_found(Text("345 hits", style="bold"))
        assert calls == [
            ("12 hits", True),  # narrower than the answer's "… hits in … reports"
            ("12 hits", False),
            ("34 hits", False),
            ("345 hits", True),
        ]
        await pilot.pause()
        assert status.render_line(0).text.strip() == "345 hits"


async def test_the_outlines_lines_are_textuals_own(loaded) -> None:
    """A render of the outline's lines asks Textual's tree for its styles once (not once a
    line): the lines are those Textual's tree renders, the cursor, marks and cut labels too."""
    from textual.widgets import Tree

    app = quiet_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "法治")
        outline = app.browser.outline
        await pilot.press("enter")
        await pilot.pause()
        app.toggle_mark(node_id_of(outline.cursor_node.parent.data))  # (the first hit: a preamble)
        await pilot.pause()
        crop = outline.size.region

        def rendered(render) -> list[str]:  # type: ignore[no-untyped-def]
            outline._invalidate()
            outline._styles_cache.clear()
            return [repr(list(strip)) for strip in render(outline, crop)]

        ours = rendered(type(outline).render_lines)
        assert ours == rendered(Tree.render_lines)
        assert any("●" in line for line in ours) and any("…" in line for line in ours)


async def test_collections_wait_until_the_answer_is_drawn(loaded, monkeypatch) -> None:
    """No automatic garbage collection while an answer is shown and drawn: the one full
    collection after it (`collect`) lets them run again; so does the app going away."""
    import gc

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline, enabled = app.browser.outline, []
        render_lines = outline.render_lines

        def spy(crop):  # type: ignore[no-untyped-def]
            if app.browser.filtering.latencies:  # the answer is shown
                enabled.append(gc.isenabled())
            return render_lines(crop)

        monkeypatch.setattr(outline, "render_lines", spy)
        await filter_by(pilot, QUERY)
        assert enabled and enabled[0] is False  # the answer's lines: drawn, none collected
        assert gc.isenabled()  # collected after, and on again
        await pilot.press(*["backspace"] * len(QUERY))  # no query: the whole outline
        await pilot.pause(DEBOUNCE * 2)
        await pilot.pause()
        assert gc.isenabled()
        await pilot.press("x")  # another answer, shown, and the app goes before its drawing
        await pilot.pause(DEBOUNCE * 2)
    assert gc.isenabled()


async def test_held_collections_come_back_even_if_the_answer_is_never_drawn(loaded) -> None:
    import gc

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        filtering = app.browser.filtering
        filtering.COLLECTIONS_HELD_AT_MOST = 0.05
        filtering._hold_collections()  # nothing drawn after: the outline has no answer
        assert not gc.isenabled()
        await pilot.pause(0.2)
        assert gc.isenabled()


async def test_what_waits_for_the_outlines_paint_runs_with_its_screen_under_another(
    loaded,
) -> None:
    """A screen pushed over the browser (compare, the corpus): its outline paints nothing,
    so what waits for its paint (the collection after an answer) runs at once instead."""
    from textual.screen import Screen

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await app.push_screen(Screen())
        await pilot.pause()
        assert app.screen is not app.browser
        calls: list[str] = []
        app.browser.outline.after_drawn(lambda: calls.append("run"))
        await pilot.pause()
        assert calls == ["run"]


async def test_typing_fast_over_files_shows_only_the_last_querys_answer(loaded, samples) -> None:
    """From files the filter answers in a worker, as from a store: queries asked faster
    than their answers come are dropped, and only the last one's answer is shown."""
    import threading

    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        filtering = app.browser.filtering
        index = app.search_index
        assert isinstance(index, SearchIndex)
        asked_on: list[int] = []
        accepted: list[str] = []
        filter_of, accept_of = index.filter, filtering.state.accept

        def filter_spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            asked_on.append(threading.get_ident())
            return filter_of(*args, **kwargs)

        def accept_spy(query, *args, **kwargs):  # type: ignore[no-untyped-def]
            accepted.append(query)
            return accept_of(query, *args, **kwargs)

        index.filter = filter_spy  # type: ignore[method-assign]
        filtering.state.accept = accept_spy  # type: ignore[method-assign]
        await pilot.press("slash")
        for end in range(1, len(QUERY) + 1):  # each prefix asked before any answer came
            filtering.set_query(QUERY[:end])
        for _tick in range(200):  # (the cancelled workers' waits would raise)
            if filtering.latencies and not any(
                w.is_running for w in app.workers if w.group == "filter"
            ):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert accepted == [QUERY]
        assert asked_on and threading.get_ident() not in asked_on
        expected = SearchIndex.build(samples).filter(QUERY)
        assert filtering.state.query == QUERY
        assert filtering.state.result is not None
        assert filtering.state.result.ids == expected.ids
        assert len(filtering.latencies) == 1


async def test_the_detail_pane_shows_the_first_hit_even_when_it_is_a_preamble(loaded) -> None:
    # QA: /现将 (in three reports' preambles only) narrowed the outline to them with the
    # cursor on the first one's line, while the detail pane went on showing 咸宁, which has
    # no hit: the outline made anew put the cursor on the same line number, and no highlight
    # was posted for the node now there
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        outline = app.browser.outline
        assert outline.cursor_node is not None
        before = app.browser.detail.shown
        await filter_by(pilot, "现将")
        await pilot.pause()
        hits = app.browser.filtering.state.hits
        assert hits and all(hit.endswith("/preamble") for hit in hits)  # the preambles' lines
        cursor = outline.cursor_node.data
        assert node_id_of(cursor) == hits[0]
        assert app.browser.detail.shown is cursor and cursor is not before
        await pilot.press("enter")  # to the hits: the same
        await pilot.pause()
        assert app.browser.detail.shown is outline.cursor_node.data
        assert node_id_of(outline.cursor_node.data) == hits[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_hits_list_wraps_as_chinese_does(loaded, size: tuple[int, int]) -> None:
    """QA: the hits pane (`H`) started lines with `，` and `。` where the detail pane never
    does: its snippets wrap by the same rules (`KinsokuText`)."""
    from textual.geometry import Region

    from govread.linebreak import KinsokuText

    app = quiet_app()
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await filter_by(pilot, "复议")
        await pilot.press("enter", "H")
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits_list = app.browser.query_one(HitsList)
        assert isinstance(hits_list.get_option_at_index(0).prompt, KinsokuText)
        lines = []
        for index in range(min(hits_list.option_count, 40)):
            hits_list.highlighted = index  # every option drawn in turn
            await pilot.pause()
            width, height = hits_list.size
            lines += [s.text.strip() for s in hits_list.render_lines(Region(0, 0, width, height))]
        assert lines
        assert not [line for line in lines if line.startswith(tuple("，。、；：！？）”》"))]

"""The browser opened from a store: the outline from its rows, bodies read when shown, the
filter answered from the store (in a worker) as the in-memory filter answers, marks."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from govread.corpus import load, sample_paths
from govread.node_ids import node_id_of, report_id
from govread.parsers.model import Report, Section
from govread.search import SearchIndex
from govread.store_library import StoredReport, StoreReader, read_outline
from govread.tui.app import GovreadApp
from govread.tui.browser import outline
from govread.tui.browser.filter_bar import DEBOUNCE, FilterBar

SIZE = (120, 40)


@pytest.fixture(scope="module")
def samples() -> list[Report]:
    return load(sample_paths(), use_cache=False).reports


def store_app(path: Path, scope: list[str] | None = None) -> GovreadApp:
    app = GovreadApp(store=path, store_scope=scope)
    app.WORD_SEARCH_DELAY = None
    return app


async def settle(pilot: Pilot[object]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_the_outline_comes_from_the_store_without_reading_bodies(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outline, "EAGER_LIMIT", 0)  # reports added folded, as past 50
    scope = [str(r.path) for r in samples]
    app = store_app(sample_store, scope)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reports = list(app.reports)
        assert all(isinstance(r, StoredReport) for r in reports)
        assert [report_id(r) for r in reports] == [report_id(r) for r in samples]
        nodes = app.browser.outline.report_nodes()
        assert [node_id_of(n.data) for n in nodes] == [report_id(r) for r in samples]
        # only the report the detail pane shows was read from the store
        assert app.browser.detail.shown is reports[0]
        assert [r.loaded for r in reports] == [True, False, False, False, False]
        # opening a report reads its body, and its sections are the parsed ones
        assert app.browser.outline.go_to(samples[3].sections[0].id)
        assert reports[3].loaded and reports[3].sections == samples[3].sections


async def test_detail_text_and_marks_on_a_store_opened_node(
    sample_store: Path, samples: list[Report]
) -> None:
    app = store_app(sample_store, [str(r.path) for r in samples])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.browser.outline
        parsed = next(s for r in samples[1:] for s in r.walk() if s.paragraphs)
        assert tree.go_to(parsed.id)
        await pilot.pause()
        section = tree.current_node
        assert isinstance(section, Section) and section == parsed
        text = app.browser.detail.plain_text
        assert parsed.paragraphs[0] in text
        await pilot.press("space")
        await pilot.pause()
        assert section.id in app.marks
        refs = app.marks.ordered(app.library.reports)
        assert [ref.id for ref in refs] == [section.id]
        assert refs[0].section == parsed


async def test_the_filter_answers_from_the_store(sample_store: Path, samples: list[Report]) -> None:
    app = store_app(sample_store, [str(r.path) for r in samples])
    query = "复议"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        in_memory = SearchIndex.build(samples, use_cache=False)
        expected = in_memory.filter(query)
        state = app.browser.filtering.state
        assert state.query == query and state.result is not None
        assert state.result.hits == expected.hits and expected.hits
        shown = [n.data.sha256 for n in app.browser.outline.report_nodes()]
        assert shown == [r.sha256 for r in samples if r.sha256 in expected.report_counts]
        # a stale answer is dropped: the last query typed wins
        await pilot.press("backspace", "backspace", *"行政")
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        assert state.query == "行政"
        assert state.result is not None
        assert state.result.hits == in_memory.filter("行政").hits


async def test_collections_wait_until_the_stores_answer_is_drawn(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As from memory: no automatic garbage collection while the worker's answer is shown
    and drawn; on again once it is."""
    import gc

    app = store_app(sample_store, [str(r.path) for r in samples])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree, enabled = app.browser.outline, []
        render_lines = tree.render_lines

        def spy(crop: Any) -> Any:
            if app.browser.filtering.latencies:  # the answer is shown
                enabled.append(gc.isenabled())
            return render_lines(crop)

        monkeypatch.setattr(tree, "render_lines", spy)
        await pilot.press("slash", *"复议")
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        assert enabled and enabled[0] is False
        assert gc.isenabled()


def test_the_command_line_opens_a_store(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`govread --store FILE [PATH…]`: PATHs are indexed first, then only they are opened."""
    import sys

    from govread import cli
    from govread.commands import index as index_command

    opened: list[GovreadApp] = []
    indexed: list[list[str]] = []
    monkeypatch.setattr(GovreadApp, "run", lambda app, **_: opened.append(app))
    monkeypatch.setattr(
        index_command,
        "run",
        lambda argv, skipped=None, failed=None: indexed.append(list(argv)) or 0,
    )
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["--store", str(sample_store)]) == 0
    assert opened[-1].store == sample_store and opened[-1].store_scope is None
    assert not indexed
    one = str(samples[1].path)
    assert cli.main(["--store", str(sample_store), one]) == 0
    assert indexed == [[one, "--store", str(sample_store)]]
    assert opened[-1].store_scope == [str(Path(one).resolve())]
    # indexing failed and there is no store: nothing to open
    monkeypatch.setattr(index_command, "run", lambda argv, skipped=None, failed=None: 1)
    assert cli.main(["--store", str(tmp_path / "none.sqlite3"), one]) == 1
    assert len(opened) == 2


async def test_a_missing_store_is_told(tmp_path: Path) -> None:
    app = store_app(tmp_path / "absent.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.loading_done and not app.reports
        assert [p.explicit for p in app.problems] == [True]
        assert "no such store" in str(app.problems[0])


async def test_a_path_named_with_the_store_says_whether_it_exists(
    sample_store: Path, tmp_path: Path
) -> None:
    """QA walk: `govread --store S /no/such.txt` said "is not in the store (run govread index
    on it)" of a file that does not exist."""
    never_indexed = tmp_path / "new.txt"
    never_indexed.write_text("某县2023年法治政府建设情况报告", "utf-8")
    missing = tmp_path / "no-such.txt"
    app = store_app(sample_store, scope=[str(never_indexed), str(missing)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = {Path(p.path).name: p.shown_reason() for p in app.problems}
        assert said == {
            "new.txt": "is not in the store (run `govread index` on it)",
            "no-such.txt": "no such file",
        }


async def test_a_file_that_is_no_store_is_told_as_search_tells_it(tmp_path: Path) -> None:
    """Not SQLite's "file is not a database": what it is and what to do, as `govread search
    --store` says it (QA walk: `govread --store notes.txt`)."""
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a store, a note\n" * 50, "utf-8")
    app = store_app(text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.loading_done and not app.reports
        shown = str(app.problems[0])
        # `govread index` would refuse it too: the remedy is another --store
        assert "nor any database" in shown and "give --store a store file" in shown
        assert "file is not a database" not in shown


async def test_a_fifo_at_the_store_path_is_told_not_waited_on(tmp_path: Path) -> None:
    """QA walk: `govread --store pipe` hung at "Opening reports…" (and `q` with it)."""
    import os

    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    app = store_app(fifo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.loading_done and not app.reports
        assert "FIFO" in str(app.problems[0])


async def test_the_cursor_row_is_in_view_at_start_when_groups_come_before_it(
    tmp_path: Path, write_generated: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `GROUP_THRESHOLD` the outline regroups by region while reports arrive: groups
    added above the cursor's must not push the cursor row (the first report) out of view."""
    from govread import store

    folder = write_generated(tmp_path / "reports", 40, seed=7)
    path = tmp_path / "store.sqlite3"
    with store.Store(path) as opened, opened.transaction():
        for report in load(sorted(folder.iterdir()), use_cache=False).reports:
            assert report.path is not None
            stamp = Path(report.path).stat()
            opened.put(report, {}, size=stamp.st_size, mtime_ns=stamp.st_mtime_ns)
    monkeypatch.setattr(outline, "GROUP_THRESHOLD", 10)
    app = store_app(path)
    async with app.run_test(size=(100, 10)) as pilot:
        await settle(pilot)
        tree = app.browser.outline
        assert tree.active_grouping == "region"
        assert tree.cursor_node is not None
        top = tree.scroll_offset.y
        assert top <= tree.cursor_line < top + tree.scrollable_content_region.height


async def test_a_comparison_from_the_store_cuts_only_side_a_ahead_and_knows_its_store(
    sample_store: Path, samples: list[Report], open_compare: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govread.tui.compare import screen as compare_screen

    warmed: list[str] = []
    units = compare_screen.report_units

    def counting(report: Report) -> Any:
        warmed.append(report_id(report))
        return units(report)

    monkeypatch.setattr(compare_screen, "report_units", counting)
    app = store_app(sample_store, [str(r.path) for r in samples])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_compare(pilot, "宝鸡")
        # the words are weighed from the store's tables: no other open report is cut ahead
        assert warmed == [report_id(samples[0])]
        assert screen.store == sample_store
        assert screen.pairwise is not None and screen.pairwise.pairs


def big_store(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """The samples' store read as a big one: a first reports' answer (the first four
    reports, which fill an outline of a few rows) for any query; the scope to open."""
    from govread.store_filter import StoreIndex

    monkeypatch.setattr(StoreIndex, "HEAD_SHARE", 1)
    monkeypatch.setattr(StoreIndex, "HEAD_WORTH", 0)
    scope = [str(r.path) for r in samples]
    index = StoreIndex(
        StoreReader(sample_store), read_outline(StoreReader(sample_store), scope).reports
    )
    monkeypatch.setattr(StoreIndex, "HEAD_UNITS", index._units().ends[2] + 1)
    return scope


def record_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool, str, int]]:
    """Each answer the browser shows: its query, whether whole, the status, the reports."""
    from govread.tui.browser.filter_controller import BrowserFilter
    from govread.tui.messages import FilterAnswered

    shown: list[tuple[str, bool, str, int]] = []
    accept = BrowserFilter._accept

    def recording(self: BrowserFilter, answer: FilterAnswered) -> None:
        accept(self, answer)
        tree = self.outline.tree
        shown.append(
            (answer.asked[0], answer.final, self.bar.status_text, len(tree.report_nodes()))
        )

    monkeypatch.setattr(BrowserFilter, "_accept", recording)
    return shown


async def test_a_quick_whole_answer_is_drawn_once_with_its_counts(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a big store the first reports' answer comes first, but the whole answer, if it
    comes by `FIRST_SCREEN_BY`, is the only one shown: one draw, counts and all."""
    from govread.tui.browser.filter_controller import BrowserFilter

    scope = big_store(sample_store, samples, monkeypatch)
    monkeypatch.setattr(BrowserFilter, "FIRST_SCREEN_BY", 60.0)  # (a whole answer is sooner)
    shown = record_shown(monkeypatch)
    app = store_app(sample_store, scope)
    async with app.run_test(size=(80, 6)) as pilot:
        await settle(pilot)
        filtering = app.browser.filtering
        await pilot.press("slash")
        filtering.set_query("法")
        await settle(pilot)
        expected = SearchIndex.build(samples, use_cache=False).filter("法")
        assert [(query, final) for query, final, *_ in shown] == [("法", True)]
        assert shown[0][2].startswith(f"{expected.total} hits in")
        assert shown[0][3] == len(expected.report_counts)
        assert len(filtering.visible_latencies) == len(filtering.latencies) == 1
        assert not filtering.counting
        assert filtering._first_screen is None  # the first reports' answer was dropped


async def test_a_late_whole_answer_shows_the_first_reports_then_the_counts(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a big store, when the whole answer is late, the outline's first screen comes
    from the first reports' answer by `FIRST_SCREEN_BY`, the status saying the hits are
    being counted; the whole answer then adds the rest and its counts without moving what
    is shown. A newer query's answer is the only one shown."""
    import threading

    from govread.store_filter import StoreIndex
    from govread.tui.browser.filter_controller import BrowserFilter

    scope = big_store(sample_store, samples, monkeypatch)
    monkeypatch.setattr(BrowserFilter, "FIRST_SCREEN_BY", 0.05)
    late = threading.Event()  # the whole answer waits for it
    whole_filter = StoreIndex.filter

    def held(self: StoreIndex, *args: Any, **kwargs: Any) -> Any:
        late.wait(10)  # (a bound: set below once the first screen is shown)
        return whole_filter(self, *args, **kwargs)

    monkeypatch.setattr(StoreIndex, "filter", held)
    shown = record_shown(monkeypatch)
    app = store_app(sample_store, scope)
    async with app.run_test(size=(80, 6)) as pilot:  # an outline of a few rows
        await settle(pilot)
        filtering = app.browser.filtering
        assert 0 < app.browser.outline.size.height <= 4
        await pilot.press("slash")
        filtering.set_query("法")
        for _ in range(500):  # a bound, not a timing
            await pilot.pause(0.01)
            if shown:
                break
        assert shown == [("法", False, "counting hits…", 4)] and filtering.counting
        tree = app.browser.outline
        last = tree.root.children[-1]
        assert str(last.label) == "… counting the other reports" and not last.allow_expand
        cursor = tree.cursor_node
        late.set()
        await settle(pilot)
        expected = SearchIndex.build(samples, use_cache=False).filter("法")
        whole = shown[-1]
        assert len(shown) == 2 and whole[:2] == ("法", True)
        assert whole[2].startswith(f"{expected.total} hits in")
        # the first reports stay as shown, the cursor too; the others wait behind the line
        # that was counting them, which now says how many they are
        more = len(expected.report_counts) - 4
        assert whole[3] == 4 and more > 0 and tree.cursor_node is cursor
        assert tree.root.children[-1] is last and last.allow_expand
        assert str(last.label).startswith(f"… {more} more report")
        tree.move_cursor(last)
        tree.focus()
        await pilot.press("enter")
        await settle(pilot)
        shas = [n.data.sha256 for n in tree.report_nodes()]
        assert shas == [r.sha256 for r in samples if r.sha256 in expected.report_counts]
        state = filtering.state
        assert state.result is not None and state.result.report_counts == expected.report_counts
        assert state.hits[0] == expected.hits[0]
        assert len(filtering.visible_latencies) == len(filtering.latencies) == 1
        assert filtering.visible_latencies[0] <= filtering.latencies[0]
        # typed on before an answer came: only the newer query's answers are shown
        shown.clear()
        filtering.set_query("行政")
        filtering.set_query("复议")  # (the worker asking for 行政 is cancelled)
        for _ in range(500):  # a bound, not a timing
            await pilot.pause(0.01)
            if len(filtering.latencies) == 2:
                break
        assert [query for query, *_ in shown] == ["复议"] * len(shown) and shown[-1][1]
        assert state.query == "复议" and not filtering.counting


async def test_typing_fast_on_a_big_store_ends_on_the_last_query_with_its_counts(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys typed faster than the answers come (first reports' answers due at once, so
    both kinds are in flight): the last query's whole answer is what is shown, its counts
    the in-memory filter's; n / N step through its hits, escape gives the outline back."""
    from govread.tui.browser.filter_controller import BrowserFilter

    scope = big_store(sample_store, samples, monkeypatch)
    monkeypatch.setattr(BrowserFilter, "FIRST_SCREEN_BY", 0.0)
    shown = record_shown(monkeypatch)
    app = store_app(sample_store, scope)
    async with app.run_test(size=(80, 6)) as pilot:  # the first reports fill the outline
        await settle(pilot)
        tree = app.browser.outline
        before = [node_id_of(n.data) for n in tree.report_nodes()]
        await pilot.press("slash", *"法治", "backspace", *"律顾问")
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        filtering = app.browser.filtering
        expected = SearchIndex.build(samples, use_cache=False).filter("法律顾问")
        state = filtering.state
        assert state.query == "法律顾问" and state.result is not None and expected.total
        assert state.result.report_counts == expected.report_counts
        assert not filtering.counting and len(expected.report_counts) > 4  # (past the head)
        assert shown[-2:] == [  # its first reports, then the whole answer
            ("法律顾问", False, "counting hits…", 4),
            ("法律顾问", True, filtering.bar.status_text, 4),
        ]
        assert filtering.bar.status_text.startswith(f"{expected.total} hit")
        hits = list(expected.hits)
        assert list(state.hits) == hits
        await pilot.press("enter")  # the outline, on the first hit
        assert node_id_of(tree.cursor_node.data) == hits[0]
        for hit in [*hits[1:], hits[0]]:  # every hit, those behind the "more" line too
            await pilot.press("n")
            assert node_id_of(tree.cursor_node.data) == hit
        await pilot.press("N")
        assert node_id_of(tree.cursor_node.data) == hits[-1]
        await pilot.press("escape")
        await settle(pilot)
        assert not filtering.active
        assert [node_id_of(n.data) for n in tree.report_nodes()] == before


async def test_a_typed_key_reads_its_needles_ahead_and_the_filter_finds_them_read(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the query settles, a worker reads what its needles match into the cache: the
    filter then reads nothing of them again (one read a needle, whichever thread asks)."""
    from govread.store_filter import StoreIndex

    read: list[str] = []
    reading = StoreIndex._read_places

    def counting(self: StoreIndex, needle: str, head: Any) -> Any:
        read.append(needle)
        return reading(self, needle, head)

    monkeypatch.setattr(StoreIndex, "_read_places", counting)
    app = store_app(sample_store, [str(r.path) for r in samples])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"复议 -法")
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        state = app.browser.filtering.state
        expected = SearchIndex.build(samples, use_cache=False).filter("复议 -法")
        assert state.query == "复议 -法" and state.result is not None
        assert state.result.hits == expected.hits
        assert {"复", "复议", "法"} <= set(read)  # read ahead as typed ("-" alone names none)
        assert len(read) == len(set(read))  # each once


def _damage_search_tables(db: Path) -> None:
    """Junk over the root pages of the store's search tables (the full-text and trigram
    indexes), the reports and units left whole: the browser opens it, then a query's first
    read of them finds it malformed (SQLITE_CORRUPT)."""
    import sqlite3

    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA journal_mode=DELETE")
        roots = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='table' AND rootpage > 0 AND"
            " (name LIKE 'units_fts_%' OR name LIKE 'units_grams_%' OR name LIKE 'grams_%')"
        ).fetchall()
        (page_size,) = raw.execute("PRAGMA page_size").fetchone()
    raw.close()
    assert roots
    with db.open("r+b") as handle:
        for (root,) in roots:
            handle.seek((root - 1) * page_size)
            handle.write(b"\x0d\xff\xff\xff" * (page_size // 4))


async def test_a_store_damaged_in_its_search_tables_is_said_by_the_filter_once(
    sample_store: Path, samples: list[Report], tmp_path: Path, notices: list[Any]
) -> None:
    """QA C2: a query over a store whose pages are damaged says so, in `govread search`'s
    words, with the store's name: not "no match — showing everything", and the notice once
    however many queries follow (each query's status says it)."""
    import shutil

    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(sample_store, damaged)
    _damage_search_tables(damaged)
    app = store_app(damaged, [str(r.path) for r in samples])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(app.reports) == len(samples)  # the outline opened, as it is
        bar = app.browser.query_one(FilterBar)
        for query in ("复议", "依法行政"):
            await pilot.press("slash", *query)
            await pilot.pause(DEBOUNCE * 2)
            await settle(pilot)
            status = bar.status_text
            assert "no match" not in status and "showing everything" not in status
            assert "is damaged" in status  # (the fullest form, with the name, if it fits)
            await pilot.press("escape")
        # the ranked hits list (H) says it too, rather than ending the browser
        await pilot.press("slash", *"复议")
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        await pilot.press("enter", "H")
        await settle(pilot)
        listed = str(app.browser.query_one("#hits").get_option_at_index(0).prompt)
        assert "is damaged" in listed and "damaged.sqlite3" in listed
        said = [n for n in notices if n.severity == "error"]
        assert len(said) == 1 and "damaged.sqlite3" in said[0].message
        assert "is damaged, or no SQLite database at all" in said[0].message
        assert "malformed" not in said[0].message and not said[0].markup
        assert app.is_running


async def test_a_store_damaged_inside_a_text_is_told_not_a_crash(
    sample_store: Path,
    samples: list[Report],
    tmp_path: Path,
    notices: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Bytes overwritten inside a stored text (SQLite's checks pass, Python cannot decode
    it): a report's body and the filter's worker say which store and what to do."""
    import shutil
    import sqlite3

    from govread.store_filter import StoreIndex

    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(sample_store, damaged)
    which, passage = next(
        (n, p) for n, r in enumerate(samples) for p in r.full_text().splitlines() if "复议" in p
    )
    needle = passage[passage.index("复议") - 10 : passage.index("复议") + 10].encode()
    data = bytearray(damaged.read_bytes())
    assert data.find(needle) > 0
    while (at := data.find(needle)) > 0:
        data[at : at + len(needle)] = b"\xff" * len(needle)
    damaged.write_bytes(bytes(data))
    with sqlite3.connect(damaged) as raw:
        assert raw.execute("PRAGMA quick_check").fetchone() == ("ok",)
    raw.close()

    def undecodable(*args: object, **kwargs: object) -> None:
        # what Python raises for a damaged text a query reads (the filter reads few)
        raise sqlite3.OperationalError("Could not decode to UTF-8 column 'text' with text '\ufffd'")

    monkeypatch.setattr(StoreIndex, "filter", undecodable)
    monkeypatch.setattr(StoreIndex, "filter_head", undecodable)
    app = store_app(damaged, [str(r.path) for r in samples])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        report = app.reports[which]
        assert not report.sections and "move it away" in (report.damaged or "")
        assert "move it away" in str(app.browser.detail.render_path([report]))
        await pilot.press("slash", *"复议")
        await pilot.pause(DEBOUNCE * 2)
        await settle(pilot)
        said = [n for n in notices if n.severity == "error"]
        assert said and "damaged.sqlite3" in said[0].message and not said[0].markup
        assert "move it away" in said[0].message and "\ufffd" not in said[0].message
        assert app.is_running


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_typo_among_the_paths_is_said_once_and_the_rest_indexed_and_opened(
    tmp_path: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA C3: `govread --store S DIR typo` indexed nothing (the typo failed the whole index),
    opened "nothing" and on quit advised `govread index` for every file of DIR. Now DIR is
    indexed and opened, and the typo alone is said: once, on quit, as no such file."""
    import asyncio
    import shutil
    import sys

    from govread.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    for report in samples[:2]:
        assert report.path is not None
        shutil.copy(report.path, folder)
    (folder / "empty.txt").write_text("", "utf-8")  # index skips it: said as that
    db = tmp_path / "s.sqlite3"
    typo = tmp_path / "reprots"
    opened: list[int] = []
    listed: list[str] = []

    def headless(self: GovreadApp) -> None:
        async def browse() -> None:
            self.WORD_SEARCH_DELAY = None
            async with self.run_test(size=SIZE) as pilot:
                await settle(pilot)
                opened.append(len(self.reports))
                listed.extend(str(p) for p in self.problems)
                self.exit()

        asyncio.run(browse())

    monkeypatch.setattr(GovreadApp, "run", headless)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["--store", str(db), str(folder), str(typo)]) == 1
    assert opened == [2]
    said = err.getvalue()
    assert said.count(str(typo)) == 1, said
    assert f"{typo}: no such file" in said
    assert "run `govread index`" not in said and "is not in the store" not in said
    assert "2 added" in said  # the folder was indexed
    assert f"{folder / 'empty.txt'}: is empty" in listed  # in the browser, as index said
    assert not any("govread index" in line for line in listed)


def test_index_with_a_typo_indexes_the_rest_and_fails(
    tmp_path: Path, samples: list[Report], capsys: pytest.CaptureFixture[str]
) -> None:
    """`govread index DIR typo`: DIR indexed, the typo said, exit 1 (a path named could not
    be indexed); a typo alone touches no store."""
    import shutil

    from govread.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    for report in samples[:2]:
        assert report.path is not None
        shutil.copy(report.path, folder)
    db = tmp_path / "s.sqlite3"
    typo = tmp_path / "reprots"
    assert main(["index", str(folder), str(typo), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"{typo}: no such file or folder" in err and "2 added" in err
    assert len(StoreReader(db).connection().execute("SELECT id FROM reports").fetchall()) == 2
    alone = tmp_path / "alone.sqlite3"
    assert main(["index", str(typo), "--store", str(alone)]) == 1
    assert not alone.exists()


def test_a_store_that_filled_says_so_in_the_browser_not_index_it(
    tmp_path: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: with the store at its size cap, `govread --store S DIR` said of every file "is
    not in the store (run `govread index` on it)", which fails the same way; the cap's
    message went to the terminal before the browser covered it."""
    import asyncio
    import shutil
    import sys

    from govread import store as store_module
    from govread.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    for report in samples[:2]:
        assert report.path is not None
        shutil.copy(report.path, folder)
    db = tmp_path / "s.sqlite3"
    store_module.Store(db).close()  # the store exists; nothing fits in it
    listed: list[str] = []

    def headless(self: GovreadApp) -> None:
        async def browse() -> None:
            async with self.run_test(size=SIZE) as pilot:
                await settle(pilot)
                listed.extend(p.shown_reason() for p in self.problems)
                self.exit()

        asyncio.run(browse())

    def no_room(self: store_module.Store, batch: list[store_module.Prepared]) -> None:
        raise store_module.StoreFull(f"{db}: the store reached its size cap of 1 MB")

    monkeypatch.setattr(store_module.Store, "put_prepared", no_room)
    monkeypatch.setattr(GovreadApp, "run", headless)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(["--lang", "en", "--store", str(db), str(folder)]) == 1
    assert len(listed) == 2
    assert all(
        reason == f"is not in the store: {db}: the store reached its size cap of 1 MB"
        for reason in listed
    ), listed


async def test_a_mark_of_a_node_gone_from_a_stored_report_is_counted_apart_once_listed(
    sample_store: Path, samples: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store's browser reads no marked report's text at start, so a mark whose node the
    text as read now does not have (a newer parser's reading) was counted in the header
    and left out of the marks list. Once the list has read the report, both count it apart."""
    from govread.marks import MarkSet, marks_path
    from govread.tui.dialogs.marks_list import MarksListScreen

    monkeypatch.setattr(outline, "EAGER_LIMIT", 0)  # reports added folded, as past 50
    scope = [str(r.path) for r in samples]
    kept, gone = samples[1].sections[0].id, f"{report_id(samples[1])}/99"
    marks = MarkSet([kept, gone], path=marks_path())
    marks.record_texts([samples[1]])  # as a session that opened the file itself left it
    assert marks.save() is None
    app = store_app(sample_store, scope)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.reports[1].loaded
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarksListScreen)
        assert app.screen.table.row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert "● 1 marked (+1 not found in the text as read now)" in app.browser.sub_title
    assert gone in set(MarkSet.load()[0])  # kept

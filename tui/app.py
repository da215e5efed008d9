"""The govread Textual app: themes and config at start-up, loading in a worker, the browser.

The app owns the state every screen reads: ``app.library`` (the open reports, in order;
``app.reports`` is its list), ``app.marks`` (the saved `MarkSet`), changed through
``app.toggle_mark(node_id)``, which tells every screen with a `MarksChanged` message, and
``app.browser`` (the `BrowserScreen`, whose ``outline.current_node`` is under the cursor).
Paths ending in ``.toml`` are exports, not reports: once the reports are loaded, the
marks they name are restored (the bundled samples open when no report path is given).
``app.search_index`` (a `govread.search.SearchIndex`) holds every loaded report, folded for
filtering as it loads; jieba is loaded and the reports segmented in a worker once loading is
done (``app.word_search_ready`` then), never before first paint. Opened from a store
(``store=``), the reports are `StoredReport`s read from its rows and a
`govread.store_filter.StoreIndex` answers the filter from the store.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import events, work
from textual.app import ActionError, App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme, ThemeProvider
from textual.worker import Worker, get_current_worker

from govread.config import (
    Config,
    ConfigError,
    config_path,
    load_config,
    save_config,
    user_themes_dir,
)
from govread.corpus import Problem, sample_paths
from govread.export import is_export_path
from govread.i18n import N_, _, _n, shown
from govread.identity import DuplicateFinder
from govread.library import Library, place_label
from govread.marks import MarkSet
from govread.node_ids import report_id_of
from govread.opening import duplicate_problem, recognisable_path
from govread.parsers.model import Report
from govread.sanitize import sanitize, sanitize_line, sanitize_path
from govread.statefile import display_path
from govread.themes import DEFAULT_THEME, all_themes, theme_names
from govread.tui.browser.heap import freeze_start_up
from govread.tui.browser.outline import EAGER_LIMIT
from govread.tui.browser.screen import BrowserScreen
from govread.tui.localised import LocalisedPalette
from govread.tui.mark_actions import restore_marks
from govread.tui.messages import EntriesLoaded, LoadingFinished, MarksChanged
from govread.tui.toast import use_kinsoku_toasts
from govread.tui.typeahead import TypeAhead
from govread.tui.upstream_fixes import PasteCut
from govread.tui.upstream_fixes import apply as apply_upstream_fixes

if TYPE_CHECKING:
    from govread.store_filter import FilterIndex

apply_upstream_fixes()  # every screen runs inside this app
use_kinsoku_toasts()

# Loading posts its results to the UI at most this often (the first one at once), and only
# once the previous batch is on screen.
LOAD_BATCH_SECONDS = 0.25
LOAD_BATCH_SIZE = 100
# Files not opened are told once loading ends, in one notification per kind (named and not
# opened; skipped), with their count and the first few names: a toast per file (3,000 empty
# files) took 43 s and kept quit from being answered, and one per batch told one folder in
# pieces. The palette's "Show files not opened" lists them all.
PROBLEM_NAMES_SHOWN = 3
PROBLEMS_LISTED = 2000


def _batch_size(done: int) -> int:
    """Reports per batch: growing with those loaded, because the outline `Tree` re-measures
    every line after each batch; batches growing by half keep that linear in all."""
    return max(LOAD_BATCH_SIZE, done // 2)


class UnknownThemeError(ValueError):
    """``--theme`` named a theme that is not registered."""


class GovreadApp(App[int]):
    """Browse reports: the outline beside the detail pane, themes, help and the palette."""

    TITLE = "govread"
    # Textual reads a screen's CSS_PATH when the screen is pushed or its mode starts, not
    # for the default screen (`get_default_screen`): the browser's is read here. (A path
    # from this file: Textual resolves a relative one from a subclass's module.)
    CSS_PATH = Path(__file__).parent / "browser" / "screen.tcss"
    BINDING_GROUP_TITLE = N_("Everywhere")
    # Seconds after loading before jieba loads (never before first paint; tests may change it).
    WORD_SEARCH_DELAY: float | None = 1.0
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark,f1",
            "help",
            N_("Help"),
            show=False,
            tooltip=N_("Show every key"),
            id="app.help",
        ),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True, id="app.quit"),
        # Textual adds this one itself when the app declares none: declared here, it has an
        # id (the user's keymap) and its words in the catalogue.
        Binding(
            "ctrl+p",
            "command_palette",
            N_("palette"),
            show=False,
            priority=True,
            tooltip=N_("Open the command palette"),
            id="app.command_palette",
        ),
    ]

    def __init__(
        self,
        paths: Sequence[str | Path] | None = None,
        theme_name: str | None = None,
        *,
        store: Path | None = None,
        store_scope: Sequence[str] | None = None,
        not_indexed: Mapping[str, tuple[str, bool]] | None = None,
        index_failed: str | None = None,
    ) -> None:
        super().__init__()
        # Open the reports of this store (those of `store_scope`, resolved file paths, in
        # its order; all when None) instead of parsing `paths`.
        self.store = store
        self.store_scope = list(store_scope) if store_scope is not None else None
        # The files of the scope `govread index` just skipped (resolved path: why, and
        # whether the user named it): said as that, never "run `govread index` on it".
        self.not_indexed = dict(not_indexed or {})
        # Why that `govread index` stopped before the store took every file (a full disk,
        # the size cap): what a file of the scope missing from the store is said to lack.
        self.index_failed = index_failed
        self.paths: list[str | Path] = [p for p in paths or [] if not is_export_path(p)]
        self.export_paths: list[str | Path] = [p for p in paths or [] if is_export_path(p)]
        self.library = Library()  # the open reports: the one copy every screen reads
        self.problems: list[Problem] = []
        self._untold: list[Problem] = []  # problems not yet in a notification
        self.loading_done = False  # every path given has been opened or reported
        # made by the loading worker: in memory, or answering from the store
        self.search_index: FilterIndex | None = None
        self.word_search_ready = False
        self._quitting = False
        self._signals: list[int] = []  # the signals that close the browser (on its loop)
        # The last batch of loaded reports is on screen; set at the first frame (`on_ready`),
        # so that no report (nor the detail pane's first text and the figure finder that
        # highlights it) is shown before the first frame is drawn.
        self._batch_shown = threading.Event()
        # What start-up could not use, each under the title of its file's role: (title, text)
        self._warnings: list[tuple[str, str]] = []
        themes, theme_warnings = all_themes(user_themes_dir())
        self._warnings += [(N_("Themes"), warning) for warning in theme_warnings]
        for theme in themes:
            self.register_theme(theme)
        config, config_warnings = load_config()
        self._warnings += [(N_("Settings"), warning) for warning in config_warnings]
        # The user's keys ([keymap] in config.toml), binding id -> keys: the footer, the
        # help screen and every key press use them.
        self.keymap: dict[str, str] = {}
        if config.keymap:
            from govread.tui.keymap import user_keymap

            self.keymap, keymap_warnings = user_keymap(config.keymap, display_path(config_path()))
            self._warnings += [(N_("Keys"), warning) for warning in keymap_warnings]
        self.marks, marks_warning = MarkSet.load(
            on_save_error=self._marks_not_saved,
            on_external_change=self.marks_changed,  # marks another govread saved meanwhile
            on_notice=self._marks_notice,  # a damaged file set aside by a save
        )
        if marks_warning:
            self._warnings.append((N_("Marks"), marks_warning))
        self._saved_theme = config.theme
        self.citation_style = config.citation_style  # how `y` cites a copied passage
        # Keys typed while a screen opens wait for it; strays go to the text box (typeahead.py)
        self._type_ahead = TypeAhead(self)
        self._config_writable = True
        self._theme_asked = theme_name is not None
        self.theme = self._starting_theme(theme_name, config.theme, themes)
        # What start-up made lives as long as the app: no full collection before the first
        # frame walks it (the first load's freeze_long_lived thaws and collects it).
        freeze_start_up()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._type_ahead.take(event):  # held: given back in order, after the others
                return
            await super().on_event(event)
            self._type_ahead.sent()  # the keys after it wait until it is handled
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # A key bubbled up from the focused widget (or one focused before): held or given to
        # the text box, it skips `App._on_key` (the bindings), which Textual calls after this.
        if self._type_ahead.should_hold():
            self._type_ahead.hold(event, again=True)  # it was given out before those held
            event.prevent_default()
        elif self._type_ahead.redirect(event):
            event.prevent_default()

    def on_paste_cut(self, message: PasteCut) -> None:
        self.notify(
            _("Only the first {kept:,} characters were pasted ({dropped:,} more left out).").format(
                kept=message.kept, dropped=message.dropped
            ),
            title=_("Paste cut"),
            severity="warning",
        )

    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        if self.screen.focused is not None:
            self._type_ahead.settled(self.screen)

    def _starting_theme(self, asked: str | None, saved: str | None, themes: list[Theme]) -> str:
        names = theme_names(themes)
        if asked is not None:
            if asked not in names:
                raise UnknownThemeError(
                    _("unknown theme {name}; choose one of: {choices}").format(
                        name=repr(asked), choices=", ".join(names)
                    )
                )
            return asked
        if saved is not None and saved not in names:
            self._warnings.append(
                (
                    N_("Themes"),
                    _("the saved theme {name} is not installed; using {default}").format(
                        name=repr(saved), default=DEFAULT_THEME
                    ),
                )
            )
            return DEFAULT_THEME
        return saved or DEFAULT_THEME

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification of govread (screens' and widgets' `notify` come here too).

        Messages carry file names, library errors and fields of state files: they are
        sanitised here, once for all, and never read as markup.
        """
        super().notify(
            sanitize(message),
            title=sanitize_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def get_default_screen(self) -> Screen[None]:
        return BrowserScreen()

    @property
    def reports(self) -> Sequence[Report]:
        """The open reports, in order (the library's)."""
        return self.library.reports

    @property
    def browser(self) -> BrowserScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, BrowserScreen)
        return screen

    def on_ready(self) -> None:
        self._batch_shown.set()

    def _close_on_signals(self) -> None:
        """SIGTERM (`kill`, `timeout`) and SIGHUP close the browser as `q` does, the
        terminal put back: they ended the process with the terminal left in the browser's
        screen, mouse reporting on and the cursor hidden. Exit status 128 + the signal."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is None:  # not on Windows
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, partial(self.exit, return_code=128 + number))
                self._signals.append(number)

    def on_unmount(self) -> None:
        import asyncio

        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for number in self._signals:
                loop.remove_signal_handler(number)
        self._signals.clear()

    def on_mount(self) -> None:
        self._close_on_signals()
        if self.keymap:
            self.set_keymap(self.keymap)
        for title, warning in self._warnings:
            self.notify(warning, title=_(title), severity="warning", markup=False, timeout=8)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._theme_asked:  # `--theme` is for this run and the next
            self._remember_theme(self.current_theme)
        if self.store is not None:
            self.load_from_store(self.store, self.store_scope)
        else:
            self.load_reports(list(self.paths))

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", name="load reports")
    def load_reports(self, paths: list[str | Path]) -> None:
        """Load the files off the UI thread (the bundled samples when `paths` is empty);
        each result is posted as it comes, in path order."""
        worker = get_current_worker()
        if not self._wait_until_shown(worker):
            return
        from govread.loading import Loader  # here: off the start-up path
        from govread.search import SearchIndex

        paths = paths or list(sample_paths())  # finding them imports the readers

        index = SearchIndex()
        self.search_index = index
        # Cached reports come straight from the cache; many to parse go to a process
        # pool, which leaving the `with` block (also on cancel or quit) shuts down.
        # Results are posted in batches, the next one only once the UI has handled the last
        # and painted: a message per report would keep the UI's queue from ever emptying,
        # and so from painting, until all were in.
        batch: list[tuple[Report | Problem, int]] = []
        finder = DuplicateFinder()  # the same report in two files is shown once
        posted = 0.0
        with Loader(paths) as loader:
            total = loader.total
            for done, entry in enumerate(loader, start=1):
                if worker.is_cancelled:
                    return
                if not isinstance(entry, Problem):
                    if (original := finder.original_of(entry)) is not None:
                        entry = duplicate_problem(entry.path or "", original)
                    else:
                        index.add(entry)  # folding only (no jieba), off the UI thread
                batch.append((entry, done))
                now = time.monotonic()
                if now - posted >= LOAD_BATCH_SECONDS and self._batch_shown.is_set():
                    self._batch_shown.clear()
                    size = _batch_size(batch[0][1])
                    self.post_message(EntriesLoaded(batch[:size], total))
                    batch, posted = batch[size:], now
        # What is left (all of it, when the cache answered faster than the UI adds) goes in
        # screenfuls, each once the last is on screen, so the outline paints as it grows.
        while batch:
            if worker.is_cancelled:
                return
            if self._batch_shown.wait(0.1):
                self._batch_shown.clear()
                size = _batch_size(batch[0][1])
                self.post_message(EntriesLoaded(batch[:size], total))
                batch = batch[size:]
        self.post_message(LoadingFinished())

    def _not_in_store(self, path: str) -> Problem:
        """Why a file of the scope is not in the store: what `govread index` said of it just
        now, else that it is not indexed yet (or gone)."""
        if (skipped := self.not_indexed.get(path)) is not None:
            reason, named = skipped
            return Problem(path, reason, named)
        if Path(path).exists():
            if self.index_failed is not None:  # running `govread index` again fails alike
                template = N_("is not in the store: {why}")
                fields: dict[str, object] = {"why": self.index_failed}
                return Problem(path, shown(template, fields), True, template, fields)
            return Problem(path, N_("is not in the store (run `govread index` on it)"), True)
        return Problem(path, N_("no such file"), True)  # not "index it": there is nothing

    @work(thread=True, exclusive=True, group="load", name="load reports from the store")
    def load_from_store(self, path: Path, scope: list[str] | None) -> None:
        """The reports of a store, from its rows (no parsing): posted in screenfuls, each
        once the last is on screen; the filter answers from the store."""
        worker = get_current_worker()
        if not self._wait_until_shown(worker):
            return
        from govread.store_filter import StoreIndex
        from govread.store_library import StoredReport, StoreReader, StoreReadError, read_outline

        shown: list[Report] = []  # the first screenful, posted while the rest is read

        def first_screen(reports: list[StoredReport]) -> None:
            if worker.is_cancelled:
                return
            count = reader.connection().execute("SELECT count(*) FROM reports").fetchone()[0]
            shown.extend(reports)
            self._batch_shown.clear()
            entries: list[tuple[Report | Problem, int]] = [
                (report, done) for done, report in enumerate(reports, start=1)
            ]
            self.post_message(EntriesLoaded(entries, max(count, len(reports))))
            # the rest is read once these are on screen: reading holds the interpreter
            self._wait_until_shown(worker)

        import sqlite3

        from govread import store as store_module

        if store_module.upgradable(path):  # an older govread's, kept: upgraded first, once
            self.call_from_thread(
                self.notify,
                _("Upgrading the store for this version of govread…"),
                title=_("Store"),
                timeout=600,
            )

            def stop() -> bool:
                return worker.is_cancelled or self._exiting()

            # a store that cannot be written is read as it is: StoreReader says why not
            with contextlib.suppress(store_module.StoreError, sqlite3.Error):
                store_module.Store(path, replace=False, cancelled=stop).close()
            if stop():  # quitting: the upgrade was undone, to be done next time
                return
            self.call_from_thread(self.clear_notifications)
        try:
            reader = StoreReader(path)
            found = read_outline(reader, scope, first_screen=first_screen)
        except StoreReadError as error:
            self.post_message(EntriesLoaded([(Problem(str(path), str(error), True), 1)], 1))
            self.post_message(LoadingFinished())
            return
        index = StoreIndex(reader, found.reports)
        self.search_index = index
        opened = store_module.Store.reading(path, reader.connection())
        if outdated := store_module.outdated_notice(opened):  # govread index refreshes them
            self.call_from_thread(
                self.notify, outdated, title=_("Store"), severity="warning", timeout=10
            )
        problems = [self._not_in_store(p) for p in found.missing]
        problems += [duplicate_problem(p, original) for p, original in found.duplicates]
        entries: list[tuple[Report | Problem, int]] = [(p, 0) for p in problems]
        entries += [
            (report, done)
            for done, report in enumerate(found.reports, start=1)
            if done > len(shown)
        ]
        total = len(found.reports)
        # A screenful first (unless posted already), so the outline is there at once; then
        # all the rest in one batch (each batch costs the outline a measure of every line).
        first = len(problems) + (0 if shown else LOAD_BATCH_SIZE)
        for batch in (entries[:first], entries[first:]):
            if worker.is_cancelled:
                return
            if batch:
                while not self._batch_shown.wait(0.1):
                    if worker.is_cancelled:
                        return
                self._batch_shown.clear()
                self.post_message(EntriesLoaded(batch, total))
        self.post_message(LoadingFinished())
        # where every unit is, for the filter: read once, here (quitting stops it)
        index.prepare(cancelled=lambda: worker.is_cancelled or self._exiting())

    def _wait_until_shown(self, worker: Worker[None]) -> bool:
        """Wait (in a loading worker) until the first frame, or the last batch posted, is on
        screen: the worker's imports and work would otherwise hold the interpreter while the
        UI draws it. False when the worker is cancelled or the app is quitting meanwhile."""
        while not self._batch_shown.wait(0.05):
            if worker.is_cancelled or self._exiting():
                return False
        # quitting as the frame was drawn (q at once) starts no loading, nor its imports
        return not (worker.is_cancelled or self._exiting())

    def on_entries_loaded(self, message: EntriesLoaded) -> None:
        # Marks an older govread saved under the files' byte hashes take the text ids,
        # before the reports are drawn.
        self.marks.adopt(e for e, _done in message.entries if not isinstance(e, Problem))
        # The sub-title once per batch, not per report: its watchers cost about a
        # millisecond a time (the browser's counts the marks over every open report).
        # A store's first reports are not opened when many follow: opening one reads its
        # body from the store (50 of them held the first screen for a third of a second).
        expand = self.store is None or message.total <= EAGER_LIMIT
        with self.browser.adding():  # one refresh of the outline for the batch
            for entry, _done in message.entries:
                if isinstance(entry, Problem):
                    self.problems.append(entry)
                    self._untold.append(entry)
                else:
                    self.library.add(entry)
                    self.browser.add_report(entry, expand=expand)
        if message.entries:  # once a batch: the bar is drawn after it anyway
            self.browser.show_progress(message.entries[-1][1], message.total)
            self._update_sub_title()
        self.call_after_refresh(self._batch_shown.set)

    def _tell_problems(self) -> None:
        """The files not opened, once loading has ended: one notification for the files
        named, one for the files skipped, each with its count and the first names."""
        if not self._untold:
            return
        untold, self._untold = self._untold, []
        for explicit in (True, False):
            problems = [p for p in untold if p.explicit is explicit]
            if not problems:
                continue
            # as the user knows the files (under what was opened), sanitised; the palette's
            # list (`action_show_problems`) gives their whole paths
            lines = [p.brief(self.paths) for p in problems[:PROBLEM_NAMES_SHOWN]]
            if len(problems) > PROBLEM_NAMES_SHOWN:
                lines.append(
                    _("… and {n:,} more (palette: Show files not opened)").format(
                        n=len(problems) - PROBLEM_NAMES_SHOWN
                    )
                )
            if explicit:
                title = _n("Not opened", "{n:,} files not opened", len(problems))
            else:
                title = _n("Skipped", "{n:,} files skipped", len(problems))
            self.notify(
                "\n".join(lines),
                title=title.format(n=len(problems)),
                severity="error" if explicit else "warning",
                markup=False,
                timeout=10,
            )

    def action_show_problems(self) -> None:
        """List every file not opened (named or skipped) in the detail pane."""
        count = len(self.problems)
        message = Text(
            _n("{n:,} file not opened", "{n:,} files not opened", count).format(n=count),
            style="bold",
        )
        for problem in self.problems[:PROBLEMS_LISTED]:
            message.append("\n")
            message.append(_("not opened: ") if problem.explicit else _("skipped: "), style="dim")
            message.append(str(problem))  # the file name and reason, sanitised
        if count > PROBLEMS_LISTED:
            message.append(_("\n… and {n:,} more").format(n=count - PROBLEMS_LISTED))
        self.browser.detail.show_message(message)

    def on_loading_finished(self, _message: LoadingFinished) -> None:
        self._tell_problems()
        self.loading_done = True
        self.browser.loading_finished(self.problems)
        if not self.reports:
            self.sub_title = _("nothing opened")
        elif self.WORD_SEARCH_DELAY is not None:
            self.set_timer(max(self.WORD_SEARCH_DELAY, 0.01), self._start_word_search)
        self._carry_marks_over()
        if self.export_paths:
            restore_marks(self, self.export_paths)

    def _carry_marks_over(self) -> None:
        """Marks of an earlier text of an open file (a figure corrected since): carried to
        its text now where their nodes are the same, and said, with what was not; then
        which file each marked report was read from is remembered for next time."""
        reports = self.reports
        for result in self.marks.carry_over(reports):
            name = sanitize_path(recognisable_path(result.report.path or "", self.paths))
            lines = [
                _n(
                    "{file}: its text changed since it was marked; {n} mark (with its tags "
                    "and note) carried over to the text now",
                    "{file}: its text changed since it was marked; {n} marks (with their tags "
                    "and notes) carried over to the text now",
                    result.carried,
                ).format(file=name, n=result.carried)
            ]
            if result.left:
                shown = " · ".join(sanitize_line(label) for label in result.left[:3])
                more = len(result.left) - 3
                lines.append(
                    _n(
                        "{n} could not be (its section is gone or changed): {labels}; "
                        "kept under the earlier text, counted in reports not open",
                        "{n} could not be (their sections are gone or changed): {labels}; "
                        "kept under the earlier text, counted in reports not open",
                        len(result.left),
                    ).format(
                        n=len(result.left),
                        labels=shown + (_(" +{n} more").format(n=more) if more > 0 else ""),
                    )
                )
            self.notify(
                "\n".join(lines),
                title=_("Marks"),
                severity="warning" if result.left else "information",
                markup=False,
                timeout=15,
            )
            self.marks_changed(frozenset(self.marks.ids_of(result.report)))
        if self.marks.record_texts(reports, only_new=True):
            self.marks.save()
        if misread := self.marks.misread:  # marks of another reading: no dots, counted apart
            for screen in self.screen_stack:
                screen.post_message(MarksChanged(misread))

    def _start_word_search(self) -> None:
        if not self._exiting():  # quitting straight after loading must not load jieba
            self.prepare_word_search()

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self._quitting = True  # workers stop instead of starting more work
        super().exit(result, return_code, message)

    def _exiting(self) -> bool:
        return self._quitting or not self.is_running

    # -- word search ------------------------------------------------------------------

    @work(
        thread=True,
        exclusive=True,
        group="segment",
        name="prepare word search",
        exit_on_error=False,
    )
    def prepare_word_search(self) -> None:
        """Load jieba and segment the open reports (from the disk cache when it can)."""
        from govread import segment  # imported here: jieba itself loads in ensure_loaded

        worker = get_current_worker()
        if worker.is_cancelled or self._exiting():
            return

        def note(text: str) -> None:
            self._from_worker(worker, lambda: self.browser.filtering.words_progress(text))

        if not segment.is_loaded():
            note(_("words: loading dictionary…"))
            segment.ensure_loaded()
        if self.search_index is None:
            return
        self.search_index.segment_reports(
            progress=lambda done, total: note(
                _("words: {done}/{total} reports").format(done=done, total=total)
            ),
            # quitting stops it (and its process pool) rather than waiting for every report
            cancelled=lambda: worker.is_cancelled or self._exiting(),
        )
        self._from_worker(worker, self._word_search_ready)

    def _from_worker(self, worker: Worker[None], callback: Callable[[], object]) -> None:
        """Run `callback` on the UI thread, unless the app is closing (or closed) meanwhile."""
        if worker.is_cancelled or self._exiting():
            return
        with contextlib.suppress(RuntimeError):  # the loop ended between check and call
            self.call_from_thread(callback)

    def _word_search_ready(self) -> None:
        self.word_search_ready = True
        self.browser.filtering.words_ready()

    def _update_sub_title(self) -> None:
        # Only the first four are named: called once per report loaded, this stays O(1).
        names = [place_label(r) or r.display_title for r in self.reports[:4]]
        loaded = len(self.reports)
        shown = _(", ").join(names) + (_(" +{n} more").format(n=loaded - 4) if loaded > 4 else "")
        count = _n("{n} report", "{n} reports", loaded).format(n=loaded)
        self.sub_title = _("{count}: {reports}").format(count=count, reports=shown)

    # -- marks ------------------------------------------------------------------------

    def toggle_mark(self, node_id: str) -> bool:
        """Mark or unmark a node (report, section or item id); True when it is now marked.

        A node unmarked with tags or a note keeps them (a note may be hours of work, and
        there is no undo), but the marks list and exports no longer show it: the user is
        told so, and how to have them listed again or removed."""
        marked = self.marks.toggle(node_id)
        self.marks_changed(frozenset({node_id}))
        if not marked and self.marks.annotation(node_id):
            from govread.tui.keymap import keys_in  # here: off the start-up path

            self.notify(
                keys_in(
                    self.screen,
                    _(
                        "Unmarked. Its tags and note are kept, but the marks list and exports "
                        "no longer show them: mark it again ({browser.mark:first}) to list "
                        "them, or clear them with {browser.tag:first} and {browser.note:first}"
                    ),
                ),
                title=_("Tags and note kept"),
                severity="warning",
                timeout=8,
            )
        return marked

    def marks_changed(self, node_ids: frozenset[str]) -> None:
        """Tell every open screen that these ids changed state; remember which file each
        of their reports was read from (`MarkSet.record_texts`: its marks follow the file
        when its text is corrected)."""
        for screen in self.screen_stack:
            screen.post_message(MarksChanged(node_ids))
        owners = {report_id_of(node_id) for node_id in node_ids}
        reports = [r for rid in owners if (r := self.library.report(rid)) is not None]
        if reports and self.marks.record_texts(reports):
            self.marks.save()

    def _marks_notice(self, notice: str) -> None:
        # Called from MarkSet after a save that set a damaged marks file aside.
        self.notify(notice, title=_("Marks"), severity="warning", markup=False, timeout=15)

    def _marks_not_saved(self, reason: str) -> None:
        # Called from MarkSet on a failed save: the marks stay in memory.
        self.notify(reason, title=_("Marks"), severity="error", markup=False, timeout=10)

    # -- themes -----------------------------------------------------------------------

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._saved_theme or not self._config_writable:
            return
        try:
            save_config(Config(theme=theme.name))
        except ConfigError as error:
            self._config_writable = False
            self.notify(
                _("theme not remembered: {error}").format(error=error),
                title=_("Settings"),  # the theme is remembered in config.toml
                severity="warning",
                markup=False,
            )
            return
        self._saved_theme = theme.name

    # -- help and the command palette -------------------------------------------------

    def action_help(self) -> None:
        from govread.tui.dialogs.help import HelpScreen  # here: off the start-up path

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: say how to quit (Textual's words, translated)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    _("Press {key} to quit the app").format(key=key),
                    title=_("Do you want to quit?"),
                )
                return

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                LocalisedPalette(id="--command-palette", placeholder=_("Search for commands…"))
            )

    def search_themes(self) -> None:
        """The palette of themes (Textual's "Theme" command), in the interface language."""
        self.push_screen(
            LocalisedPalette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )

    def _command_target(self, action: str, node: DOMNode) -> tuple[object, str, str] | None:
        """What `action`, run from `node`, calls: (object, action name, parameters), so that
        two ways to one action (``help`` on the app, ``app.help`` on a screen) are one."""
        try:
            target, name, params = self._parse_action(action, node)
        except ActionError:
            return None
        return (target, name, repr(params))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, in our language, then one per key of the screen, then help:
        each action once (Textual's "Quit" and the browser's q are one command)."""
        bindings: dict[tuple[object, str, str], tuple[Binding, DOMNode]] = {}
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            if not enabled or binding.system or not binding.description:
                continue
            target = self._command_target(binding.action, node)
            if target is not None and target[1] != "command_palette":
                bindings.setdefault(target, (binding, node))
        shown_commands: set[tuple[object, str, str]] = set()
        for command in super().get_system_commands(screen):
            callback = command.callback
            name = getattr(callback, "__name__", "")
            target = (getattr(callback, "__self__", None), name.removeprefix("action_"), "()")
            help_text = _(command.help)
            if name.startswith("action_") and target in bindings:
                shown_commands.add(target)
                key = self.get_key_display(bindings[target][0])
                help_text = _("{help} (key: {key})").format(help=help_text, key=key)
            yield command._replace(title=_(command.title), help=help_text)
        for target, (binding, node) in bindings.items():
            if target in shown_commands:
                continue
            shown_commands.add(target)
            help_text = binding.tooltip or binding.description
            yield SystemCommand(
                binding.description,
                _("{help} (key: {key})").format(help=help_text, key=self.get_key_display(binding)),
                partial(self.run_action, binding.action, node),
            )
        from govread.tui.keymap import keys_in

        if (self, "help", "()") not in shown_commands:
            yield SystemCommand(
                _("Help"),
                keys_in(screen, _("Show every key (key: {app.help:first})")),
                self.action_help,
            )
        if self.problems:
            yield SystemCommand(
                _("Show files not opened"),
                _n(
                    "List the file not opened, and why",
                    "List the {n:,} files not opened, and why",
                    len(self.problems),
                ).format(n=len(self.problems)),
                self.action_show_problems,
            )

"""Type-ahead: keys typed right after the key that opens a text box land in that box.

The keys are posted to the app back to back, as a terminal delivers a fast typist's burst
(``Pilot.press`` waits for the app to be idle between keys, which hides the race).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from govread.marks import clean_note, parse_tags
from govread.node_ids import node_id_of
from govread.tui.app import GovreadApp
from govread.tui.browser.filter_bar import FilterBar
from govread.tui.compare.picker import ReportPicker
from govread.tui.dialogs.annotate import NoteDialog, TagDialog
from govread.tui.dialogs.export import ExportDialog

SIZE = (120, 40)
# the moments a read may arrive at, in pauses of the event loop (0: back to back); every one
# of these broke the order before the fix (the suite's time is shared: four of the twelve)
GAPS = (0, 1, 3, 8)
ROUNDS = 8  # random burst shapes


def quiet_app() -> GovreadApp:
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None
    return app


async def burst(pilot: Pilot[object], *keys: str) -> None:
    """Post `keys` to the app without waiting between them, then wait until all are handled."""
    app = pilot.app
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))
    for _ in range(5):
        await pilot.pause()


async def test_keys_after_slash_go_to_the_filter_not_to_the_browser(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        # "q" quits and "y" copies in the browser: typed after "/", they are letters
        await burst(pilot, "slash", "q", "u", "i", "t", "y")
        assert app.is_running and app.return_code is None
        field = app.browser.query_one(FilterBar).input
        assert app.focused is field
        assert field.value == "quity"


async def test_keys_after_c_hash_a_e_go_to_the_box_they_open(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await burst(pilot, "c", "宝", "鸡")
        assert isinstance(app.screen, ReportPicker)
        assert app.screen.query_one(Input).value == "宝鸡"
        await burst(pilot, "escape")
        await burst(pilot, "number_sign", "q", "y")
        assert isinstance(app.screen, TagDialog)
        assert app.screen.query_one("#tags-input", Input).value == "qy"
        await burst(pilot, "escape")
        await burst(pilot, "a", "q", "e")
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(TextArea).text == "qe"
        await burst(pilot, "escape")
        await pilot.press("space")  # a mark to export
        await burst(pilot, "e", "q", "y")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.path_input.value.endswith("qy")
        assert app.is_running


async def test_keys_after_a_key_that_closes_a_box_go_to_the_screen_beneath(loaded) -> None:
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        field = app.browser.query_one(FilterBar).input
        # escape closes the picker: "/ab" typed behind it opens the filter and fills it
        await burst(pilot, "c", "宝", "鸡", "escape", "slash", "a", "b")
        assert app.screen is app.browser
        assert app.focused is field and field.value == "ab"
        await burst(pilot, "escape", "escape")
        assert app.screen is app.browser and app.focused is not field
        # enter closes the tag dialog (tagging the node); the keys behind it are the browser's
        await burst(pilot, "number_sign", "q", "y", "enter", "slash", "z")
        assert app.screen is app.browser
        assert field.value == "z"
        assert "qy" in app.marks.all_tags()
        await burst(pilot, "escape", "escape")
        # q closes help; the "?" behind it opens help again rather than being lost
        await burst(pilot, "question_mark", "q", "question_mark")
        assert app.screen is not app.browser and type(app.screen).__name__ == "HelpScreen"
        await burst(pilot, "q", "slash", "w")
        assert app.screen is app.browser and field.value == "w"
        assert app.is_running


# -- key order: keys arriving at any moment reach the box in the order typed ----------------
#
# A terminal hands the app a burst in reads (tmux's send-keys, an IME's commit then Enter, a
# paste without bracketed paste): the keys of a read come back to back, and the next read
# arrives while the app is somewhere in handling the last. `feed` posts the keys so, the gap
# between two keys counted in turns of the app's queue, so that keys arrive while the one
# before is on its way, while held keys are given back, and while a box opens or closes.

KEY_NAMES = {"\n": "enter", " ": "space", ",": "comma"}


def keys_of(text: str) -> list[str]:
    """The key names a typist's `text` is sent as (a line break is enter)."""
    return [KEY_NAMES.get(char, char) for char in text]


PASTE = "paste:"  # a key list's item that is a paste (bracketed paste), not a key


def post_key(app: GovreadApp, key: str) -> None:
    if key.startswith(PASTE):
        app.post_message(events.Paste(key[len(PASTE) :]))
        return
    character = {"enter": "\r", "space": " ", "comma": ","}.get(key, key if len(key) == 1 else None)
    app.post_message(events.Key(key, character))


def feed(app: GovreadApp, keys: list[str], gaps: list[int]) -> list[bool]:
    """Post `keys` to the app as a terminal's reads arrive: key i+1 `gaps[i]` turns of the
    event loop after key i (0: back to back, in one read), from a task of its own, as the
    driver's thread does, so a key can arrive between any two steps of the app's work. The
    list returned holds True once the last is posted."""
    done = [False]

    async def post_all() -> None:
        for index, key in enumerate(keys):
            post_key(app, key)
            for _unused in range(gaps[index] if index < len(gaps) else 0):
                await asyncio.sleep(0)
        done[0] = True

    task = asyncio.get_running_loop().create_task(post_all())
    _feeding.add(task)
    task.add_done_callback(_feeding.discard)
    return done


_feeding: set[asyncio.Task[None]] = set()  # the tasks feeding keys, kept until done


async def settle(pilot: Pilot[object], done: list[bool], reached: Callable[[], bool]) -> None:
    """Wait until every key is posted and `reached()` holds, or a bound (not a timing
    assertion: the caller asserts what it expects) has passed."""
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline and not (done[0] and reached()):
        await pilot.pause()
    for _unused in range(2):  # and nothing more arrives after
        await pilot.pause()


def reads(*chunks: str) -> tuple[list[str], list[int]]:
    """Keys and gaps for chunks each sent in one read (gap 0 inside, 1 between: the gap is
    then scaled by the caller)."""
    keys: list[str] = []
    gaps: list[int] = []
    for chunk in chunks:
        names = keys_of(chunk) if chunk not in ("enter", "escape") else [chunk]
        keys += names
        gaps += [0] * (len(names) - 1) + [1]
    return keys, gaps


async def test_a_burst_in_reads_lands_in_the_note_box_in_order_at_every_gap(loaded) -> None:
    # the tester's burst: XY12 ⏎ ZW34 ⏎ QR56 as five reads into an open note box; the gap
    # between reads is swept so that a read arrives at each moment of the key before it
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        keys, unit = reads("XY12", "enter", "ZW34", "enter", "QR56")
        for gap in GAPS:
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, NoteDialog)
            area = app.screen.query_one(TextArea)
            done = feed(app, keys, [g * gap for g in unit])
            await settle(pilot, done, lambda area=area: area.text == "XY12\nZW34\nQR56")
            assert area.text == "XY12\nZW34\nQR56", f"gap {gap}"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.browser


async def test_keys_typed_while_the_note_box_opens_keep_their_order(loaded) -> None:
    # `a` and the note behind it at once, the box opening (and focusing) while they arrive
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for gap in GAPS:
            keys = ["a", *keys_of("AB1\nCD2\nEF3")]
            gaps = [gap, 0, gap, gap, 0, 0, gap, 0, gap, 0, gap]
            done = feed(app, keys, gaps)
            await settle(pilot, done, lambda: isinstance(app.screen, NoteDialog))
            assert isinstance(app.screen, NoteDialog)
            area = app.screen.query_one(TextArea)
            await settle(pilot, done, lambda area=area: area.text == "AB1\nCD2\nEF3")
            assert area.text == "AB1\nCD2\nEF3", f"gap {gap}"
            await pilot.press("escape")
            await pilot.pause()


# The property: bursts of many shapes (boxes opened, typed in with Enter, saved or cancelled,
# the next box opened in the same burst), the keys arriving at random moments; what the boxes
# hold and what was saved equals what was typed.
LETTERS = "ABDEFGHJKLMNPRSTUVWXZ0123456789宝鸡复议"


def typed_text(rng: random.Random, line_breaks: bool) -> str:
    parts = []
    for _unused in range(rng.randint(1, 3 if line_breaks else 2)):
        parts.append("".join(rng.choice(LETTERS) for _unused in range(rng.randint(1, 5))))
    return ("\n" if line_breaks else rng.choice([",", ""])).join(parts)


def typed_keys(rng: random.Random, text: str) -> list[str]:
    """`text` as keys, a piece of it now and then pasted (one event) instead."""
    keys: list[str] = []
    start = 0
    while start < len(text):
        end = rng.randint(start + 1, len(text))
        piece = text[start:end]
        keys += [PASTE + piece] if rng.random() < 0.2 else keys_of(piece)
        start = end
    return keys


def burst_shape(rng: random.Random) -> tuple[list[str], str, list[str]]:
    """Keys of 1-3 boxes opened in a row (note or tags; the last maybe left open), and the
    box left open ('note', 'tags' or '') with what it should hold, as [kind, text]."""
    keys: list[str] = []
    note, tags = "", ()
    open_box: list[str] = ["", ""]
    boxes = rng.randint(1, 3)
    for index in range(boxes):
        kind = rng.choice(["note", "tags"])
        text = typed_text(rng, kind == "note")
        last = index == boxes - 1
        close = rng.choice(["save", "cancel", "leave" if last else "save"])
        if kind == "note":
            keys += ["a", *typed_keys(rng, text)]
            held = note + text
            if close == "save":
                keys.append("ctrl+s")
                note = clean_note(held)
            elif close == "cancel":
                keys.append("escape")
            else:
                open_box = ["note", held]
        else:
            keys += ["number_sign", *typed_keys(rng, text)]
            held = ", ".join(tags) + text
            if close == "save":
                keys.append("enter")
                tags = parse_tags(held)
            elif close == "cancel":
                keys.append("escape")
            else:
                open_box = ["tags", held]
    return keys, "\n".join([note, "|".join(tags)]), open_box


def coded(app: GovreadApp, node_id: str) -> tuple[str, str, str]:
    """What is saved on the node (its note, then its tags), the box open and what it holds."""
    annotation = app.marks.annotation(node_id)
    saved = "\n".join([annotation.note, "|".join(annotation.tags)])
    if isinstance(app.screen, NoteDialog):
        return saved, "note", app.screen.query_one(TextArea).text
    if isinstance(app.screen, TagDialog):
        return saved, "tags", app.screen.query_one("#tags-input", Input).value
    return saved, "", ""


async def test_bursts_of_many_shapes_arriving_at_random_moments_keep_their_order(
    loaded,
) -> None:
    rng = random.Random(35)
    app = quiet_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        node = app.library.resolve(node_id_of(app.browser.outline.current_node))
        assert node is not None
        for round_number in range(ROUNDS):
            app.marks.annotate(node.id, tags=(), note="")
            keys, saved, (kind, held) = burst_shape(rng)
            gaps = [rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13]) for _unused in keys]
            expected = (saved, kind, held)
            done = feed(app, keys, gaps)
            await settle(pilot, done, lambda want=expected: coded(app, node.id) == want)
            assert coded(app, node.id) == expected, f"round {round_number}: {keys} {gaps}"
            if kind:
                await pilot.press("escape")
                await pilot.pause()
            assert app.screen is app.browser


async def test_slash_at_once_after_start_waits_for_the_filter_s_box() -> None:
    """QA: `/` in the first half second (the filter's bar mounted, its box not yet composed)
    stopped the app with NoMatches('#filter-input'); the keys wait for the box, then land in
    it, in order."""
    app = GovreadApp()
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"复议")
        for _ in range(200):
            await pilot.pause(0.02)
            bars = app.browser.query(FilterBar)
            if bars and bars.first().query("#filter-input") and bars.first().input.value:
                break
        assert app.is_running
        assert app.browser.query_one(FilterBar).input.value == "复议"
        assert app.focused is app.browser.query_one(FilterBar).input

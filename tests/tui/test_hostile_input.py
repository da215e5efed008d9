"""Hostile input in the browser: a huge line and thousands of bad files stay responsive."""

from __future__ import annotations

import time

from govread.corpus import sample_paths
from govread.tui.app import GovreadApp
from govread.tui.browser.detail import MAX_DETAIL_CHARS
from govread.tui.browser.outline import MAX_LABEL_CHARS, cut_label

SIZE = (120, 40)
LINE = "依法行政推进法治政府建设，" * 160_000  # one line of 2 million characters


def _walk(node):
    for child in node.children:
        yield child
        yield from _walk(child)


async def test_a_huge_line_shows_a_bounded_prefix_and_says_what_was_cut(loaded, tmp_path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text(f"一、法治政府建设\n{LINE}\n二、其他工作\n内容。\n", "utf-8")
    app = GovreadApp(paths=[str(huge)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = app.browser.outline
        started = time.monotonic()
        await pilot.press("down")  # onto 一、: its paragraph is the huge line
        await pilot.pause()
        took = time.monotonic() - started
        detail = app.browser.detail
        assert detail.shown is app.reports[0].sections[0]
        text = detail.plain_text
        left = len(LINE) - MAX_DETAIL_CHARS
        assert text.endswith(f"… ({left:,} characters more; export or open the file to read all)")
        assert len(text) < MAX_DETAIL_CHARS + 1_000
        # about a second; unbounded, wrapping the whole line took ~40 s (a bound for busy
        # machines: the size of what is shown, asserted above, is the real check)
        assert took < 20, f"the detail pane took {took:.1f} s"
        labels = [node.label.plain for node in _walk(tree.root)]
        assert labels and all(len(label) <= MAX_LABEL_CHARS for label in labels)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def test_a_long_label_is_cut_with_an_ellipsis() -> None:
    assert cut_label("短标题") == "短标题"
    cut = cut_label("法" * 5000)
    assert len(cut) == MAX_LABEL_CHARS and cut.endswith("…")


async def test_many_bad_files_are_one_notification_and_quit_is_answered(loaded, tmp_path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    for number in range(300):
        (folder / f"empty-{number:03d}.txt").write_bytes(b"")
    (folder / "\x1b]0;PWN\x07.txt").write_bytes(b"")  # a name with an escape sequence
    good = sample_paths()[0]
    (folder / "report.txt").write_bytes(good.read_bytes())
    app = GovreadApp(paths=[str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert len(app.reports) == 1 and len(app.problems) == 301
        notes = list(app._notifications)
        assert [n.title for n in notes] == ["301 files skipped"]  # one, once loaded
        assert notes[0].severity == "warning"
        assert "empty-000.txt: is empty" in "\n".join(n.message for n in notes)
        assert "(palette: Show files not opened)" in "\n".join(n.message for n in notes)
        assert not any("\x1b" in n.message for n in notes)
        # the full list, from the palette's command
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Show files not opened" in commands
        app.action_show_problems()
        await pilot.pause()
        listed = app.browser.detail.plain_text
        assert listed.startswith("301 files not opened")
        assert "empty-299.txt: is empty" in listed and "\\x1b]0;PWN" in listed
        assert "\x1b" not in listed
        started = time.monotonic()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running and time.monotonic() - started < 2


async def test_one_folder_with_a_few_bad_files_is_one_notification(
    loaded, tmp_path, notices
) -> None:
    """QA: a folder with five empty files gave two "skipped" notifications ("Skipped", then
    "4 files skipped"), one per batch loaded. One open, one notification: the count and
    the first names; a file named and not opened is its own (an error)."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    for number in range(5):
        (folder / f"empty-{number}.txt").write_bytes(b"")
    (folder / "report.txt").write_bytes(sample_paths()[0].read_bytes())
    missing = tmp_path / "missing.txt"
    app = GovreadApp(paths=[str(folder), str(missing)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert len(app.reports) == 1 and len(app.problems) == 6
        told = [(n.title, n.severity) for n in notices]
        assert told == [("Not opened", "error"), ("5 files skipped", "warning")]
        skipped = notices[1].message.splitlines()
        assert [line.split(": ")[0] for line in skipped[:3]] == [
            f"empty-{number}.txt" for number in range(3)
        ]
        assert skipped[3:] == ["… and 2 more (palette: Show files not opened)"]


async def test_files_not_opened_are_told_as_the_user_knows_them(loaded, tmp_path, notices) -> None:
    """QA: the notification gave every file's whole path (`/home/…/downloads/2023/x.txt`),
    wrapped over lines in the narrow toast. A file found in a folder opened is shown under
    it, a file named by its name, a duplicate's original too; the palette's list keeps the
    whole paths."""
    folder = tmp_path / "downloads"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "empty.txt").write_bytes(b"")
    report = sample_paths()[0].read_bytes()
    (folder / "a-report.txt").write_bytes(report)
    (folder / "2023" / "copy.txt").write_bytes(report)
    missing = tmp_path / "far" / "away" / "missing.txt"
    app = GovreadApp(paths=[str(folder), str(missing)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        told = {n.title: n.message.splitlines() for n in notices}
        assert told["Not opened"] == ["missing.txt: no such file"]
        assert told["2 files skipped"] == [  # 2023/ comes first: copy.txt is the original
            "2023/empty.txt: is empty",
            "a-report.txt: is the same report as 2023/copy.txt (shown once)",
        ]
        app.action_show_problems()
        await pilot.pause()
        listed = app.browser.detail.plain_text
        assert f"{missing}: no such file" in listed
        assert f"{folder / '2023' / 'empty.txt'}: is empty" in listed


async def test_quit_is_answered_while_many_bad_files_load(tmp_path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    for number in range(300):
        (folder / f"empty-{number:03d}.txt").write_bytes(b"")
    app = GovreadApp(paths=[str(folder)])
    started = time.monotonic()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")  # straight away, while the files load
        await pilot.pause()
        assert not app.is_running
    assert time.monotonic() - started < 10

"""Notifications wrapped by the rules of Chinese typesetting (QA: in `--lang zh`, a toast
showed a line opening with "；" or "。")."""

from __future__ import annotations

from textual.widgets._toast import Toast

from govread.linebreak import CLOSING
from govread.tui.app import GovreadApp
from govread.tui.toast import KinsokuToast

MESSAGE = (
    "导出失败：/nonexist/a.toml：没有这个文件夹；未写入任何内容；标记仍保留。已导出12项；跳过3项。"
)


def _lines(toast: Toast) -> list[str]:
    strips = toast.render_lines(toast.region.reset_offset)
    return ["".join(segment.text for segment in strip) for strip in strips]


async def test_no_line_of_a_toast_starts_with_a_closing_mark() -> None:
    app = GovreadApp()
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        starts: list[str] = []
        for width in range(30, 61, 3):
            await pilot.resize_terminal(width, 20)
            app.clear_notifications()
            app.notify(MESSAGE, title="导出失败", severity="error")
            text: list[str] = []
            for _ in range(100):  # until the toast is laid out (on a busy machine, later)
                await pilot.pause(0.02)
                toasts = app.screen.query(Toast)
                if len(toasts) == 1 and toasts.first().region.area:
                    lines = [line[1:].strip() for line in _lines(toasts.first())]  # (the border)
                    if text := [line for line in lines if line]:
                        break
            toast = app.screen.query_one(Toast)
            assert isinstance(toast, KinsokuToast)
            assert text[0] == "导出失败"  # the title, then the message, whole
            assert "".join(text[1:]) == MESSAGE
            starts += [line[0] for line in text[1:]]
        assert not [mark for mark in starts if mark in CLOSING]

"""Notifications (Textual's toasts) wrapped by the rules of Chinese typesetting.

Textual wraps a toast's message as its own `Content`, cell by cell where there is no space,
so a Chinese message could show a line opening with "；" or "。" (`govread --lang zh`, a
narrow terminal). A toast here shows its message as `KinsokuText`, as the detail pane and
the help do; the title keeps the toast's own title style. The message was sanitised and is
never markup (`GovreadApp.notify`).
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import _toast

from govread.linebreak import KinsokuText


class KinsokuToast(_toast.Toast):
    """A toast whose message never starts a line with a closing mark."""

    def render(self) -> Group | KinsokuText:  # type: ignore[override]
        notification = self._notification
        message = KinsokuText(notification.message, overflow="fold")
        if not notification.title:
            return message
        title_style = self.get_visual_style("toast--title").rich_style
        return Group(Text(notification.title, style=title_style, overflow="fold"), message)


def use_kinsoku_toasts() -> bool:
    """Have Textual's toast rack make `KinsokuToast`s (it names `Toast` in its module when
    it shows a notification). Does nothing, and returns False, where Textual's toasts no
    longer have the shape this was written against (a message and title on
    `_notification`, a rack that makes them by the module's name)."""
    rack = getattr(_toast, "ToastRack", None)
    toast = getattr(_toast, "Toast", None)
    if rack is None or toast is None or not hasattr(toast, "render"):
        return False
    if toast is KinsokuToast:
        return True
    if KinsokuToast.__mro__[1] is not toast:  # pragma: no cover - a reloaded Textual
        return False
    _toast.Toast = KinsokuToast  # type: ignore[misc]
    return True

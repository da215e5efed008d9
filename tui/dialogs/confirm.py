"""A yes/no question in a small modal: replace a file, clear the marks.

Dismissed with True only when the confirming button is pressed; escape, `n` and the
other button all answer False, and the safe button has the focus when it opens.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from govread.i18n import N_
from govread.tui._css import css_beside
from govread.tui.localised import LocalisedScreen


class ConfirmDialog(LocalisedScreen[bool], ModalScreen[bool]):
    """Ask before doing something that cannot be undone."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Confirm")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", N_("Cancel"), id="confirm.cancel"),
        Binding(
            "left,right",
            "app.focus_next",
            N_("Other button"),
            show=False,
            id="confirm.other_button",
        ),
    ]

    def __init__(self, title: str, message: Text | str, *, confirm: str, cancel: str) -> None:
        super().__init__()
        self._title = title
        # Plain strings are shown as written: they may hold paths with brackets.
        self._message = message if isinstance(message, Text) else Text(message)
        self._confirm, self._cancel = confirm, cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body") as body:
            body.border_title = self._title
            yield Static(self._message, id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(self._confirm, variant="error", id="confirm-yes")
                yield Button(self._cancel, variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

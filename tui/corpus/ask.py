"""Asking for an indicator by name: one line of input, enter to add it, escape to cancel."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from govread.i18n import N_, _
from govread.tui._css import css_beside
from govread.tui.localised import LocalisedScreen
from govread.tui.safe_input import SafeInput


class AskIndicator(LocalisedScreen[str | None], ModalScreen[str | None]):
    """The name of an indicator to show as the first column (出庭应诉率, 调解成功率 …)."""

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Show an indicator")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="indicator.cancel")
    ]

    def compose(self) -> ComposeResult:
        with Vertical() as body:
            body.border_title = _("Show an indicator")
            yield Static(
                Text(
                    _(
                        "An indicator or subject, e.g. 出庭应诉率: its column shows each report's "
                        "first figure of it, or of a subject ending with it."
                    ),
                )
            )
            yield SafeInput(placeholder=_("出庭应诉率"), id="indicator-name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        self.dismiss(name or None)

    def action_cancel(self) -> None:
        self.dismiss(None)

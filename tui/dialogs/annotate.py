"""Coding a node: its tags (`#` in the browser) and its note (`a`).

`TagDialog` is one line of tags separated by commas (, ，、 ;), completed from the tags
already in use (the last tag being typed is completed, ``→`` accepts); `NoteDialog` a
text area for a free note. Both dismiss with the new value, or None when cancelled; the
browser stores it with the marks (`MarkSet.annotate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static, TextArea

from govread.i18n import N_, _
from govread.marks import MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS, parse_tags, tags_cut
from govread.tui._css import css_beside
from govread.tui.keymap import keys_in
from govread.tui.localised import NARROW_DIALOG, LocalisedScreen
from govread.tui.safe_input import SafeInput, SafeTextArea

_SEPARATORS = ",，、;；"


class TagSuggester(Suggester):
    """Completes the tag being typed (after the last separator) from the tags in use."""

    def __init__(self, tags: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tags = list(tags)

    async def get_suggestion(self, value: str) -> str | None:
        cut = max(value.rfind(sep) for sep in _SEPARATORS) + 1
        typed = value[cut:].lstrip()
        if not typed:
            return None
        already = set(parse_tags(value[:cut]))
        for tag in self._tags:
            if tag.startswith(typed) and tag != typed and tag not in already:
                return value[: len(value) - len(typed)] + tag
        return None


class TagDialog(LocalisedScreen[tuple[str, ...] | None], ModalScreen[tuple[str, ...] | None]):
    """Edit the tags of one node: enter saves (an empty line removes them), escape cancels."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_DIALOG, "-wide")]  # noqa: RUF012

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Tags")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", N_("Cancel"), tooltip=N_("Close without saving"), id="tags.cancel"
        ),
    ]

    def __init__(self, where: Text, tags: Sequence[str], known: Sequence[str]) -> None:
        super().__init__()
        self._where, self._tags, self._known = where, tuple(tags), list(known)

    def compose(self) -> ComposeResult:
        with Vertical(id="annotate-body") as body:
            body.border_title = _("Tags")
            yield Static(self._where, id="annotate-where")
            yield SafeInput(
                value=", ".join(self._tags),
                placeholder=_("执法, 复议 …"),
                suggester=TagSuggester(self._known),
                id="tags-input",
                select_on_focus=False,
            )
            hint = keys_in(
                self,
                _("enter save · → complete · separate tags with commas · {tags.cancel} cancel"),
            )
            if self._known:
                hint += _("\nin use: ") + ", ".join(self._known[:20])
            yield Static(Text(hint, style="dim"), id="annotate-hint")

    def on_mount(self) -> None:
        field = self.query_one("#tags-input", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if tags_cut(event.value):
            self.notify(
                _("Tags are kept to {n}, each of at most {chars} characters").format(
                    n=MAX_TAGS, chars=MAX_TAG_CHARS
                ),
                title=_("Tags"),
                severity="warning",
            )
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(LocalisedScreen[str | None], ModalScreen[str | None]):
    """Write the note of one node: ctrl+s saves (an empty note removes it), escape cancels."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_DIALOG, "-wide")]  # noqa: RUF012

    DEFAULT_CSS = css_beside(__file__)
    BINDING_GROUP_TITLE = N_("Note")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", N_("Save"), priority=True, tooltip=N_("Save the note"), id="note.save"
        ),
        Binding(
            "escape", "cancel", N_("Cancel"), tooltip=N_("Close without saving"), id="note.cancel"
        ),
    ]

    def __init__(self, where: Text, note: str) -> None:
        super().__init__()
        self._where, self._note = where, note

    def compose(self) -> ComposeResult:
        with Vertical(id="annotate-body") as body:
            body.border_title = _("Note")
            yield Static(self._where, id="annotate-where")
            yield SafeTextArea(self._note, id="note-area", soft_wrap=True, show_line_numbers=False)
            hint = keys_in(self, _("{note.save} save · {note.cancel} cancel"))
            yield Static(Text(hint, style="dim"), id="annotate-hint")

    @property
    def area(self) -> TextArea:
        return self.query_one("#note-area", TextArea)

    def on_mount(self) -> None:
        area = self.area
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.area.text
        if len(text) > MAX_NOTE_CHARS:
            self.notify(
                _("The note is cut to {n} characters").format(n=MAX_NOTE_CHARS),
                title=_("Note"),
                severity="warning",
            )
        self.dismiss(text[:MAX_NOTE_CHARS])

    def action_cancel(self) -> None:
        self.dismiss(None)

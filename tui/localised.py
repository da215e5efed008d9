"""Bindings in the interface language: the footer, the keys panel and the help screen.

A `Binding`'s description is made when its class is defined, before the language is
chosen, so it holds the English message id (written ``N_("Help")``); `LocalisedScreen`
translates the bindings it hands to the footer (``Screen.active_bindings``, Textual's
public API) at the moment they are shown. Every govread screen derives from it.
"""

from __future__ import annotations

from dataclasses import replace

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.command import CommandList, CommandPalette
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.events import Resize
from textual.screen import Screen, ScreenResultType
from textual.types import NoActiveAppError
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

from govread.i18n import N_, _
from govread.tui.keymap import keys_in


def localised_binding(binding: Binding, node: DOMNode) -> Binding:
    """`binding` with its description and tooltip in the interface language, the keys its
    tooltip names those they are in `node`'s app."""
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=keys_in(node, _(binding.tooltip)) if binding.tooltip else "",
    )


def breakpoint_class(dimension: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class of the largest breakpoint `dimension` reaches (Textual's rule), if any."""
    for breakpoint, class_name in sorted(breakpoints, reverse=True):
        if dimension >= breakpoint:
            return class_name
    return None


# A dialog box's least width (`min-width: 50` in its .tcss) and its screen's margin: on a
# narrower terminal the box takes the whole width (its screen's class `-narrow`), where it
# was cut at both edges.
NARROW_DIALOG = 54


class LocalisedScreen(Screen[ScreenResultType]):
    """A screen whose footer and keys panel speak the interface language.

    Its breakpoint classes (``HORIZONTAL_BREAKPOINTS``) are those of the app's size from
    the start: set only on the screen's first `Resize`, as Textual does, they restyled every
    widget just styled without them (≈ 6 ms of the browser's first frame). Textual still
    updates them on every resize.
    """

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name, id, classes)
        try:
            app = self.app
        except NoActiveAppError:  # made outside a running app: the first Resize sets them
            return
        width, height = app.size
        for dimension, own, default in (
            (width, self.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
            (height, self.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS),
        ):
            found = breakpoint_class(dimension, (default if own is None else own) or [])
            if found is not None:
                self.add_class(found, update=False)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return {
            key: ActiveBinding(
                active.node,
                localised_binding(active.binding, self),
                active.enabled,
                keys_in(self, _(active.tooltip)) if active.tooltip else "",
            )
            for key, active in super().active_bindings.items()
        }


# Textual's own palette commands (`App.get_system_commands`): their message ids, so the
# catalogue translates them where `GovreadApp.get_system_commands` shows them.
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("Bell"),
    N_("Ring the bell"),
)

# Descriptions of the bindings of Textual's widgets that govread shows (the help screen,
# the palette, the keys panel): their message ids, translated like govread's own.
TEXTUAL_BINDINGS = (
    N_("Cursor to parent"),
    N_("Cursor to next ancestor"),
    N_("Cursor to previous sibling"),
    N_("Cursor to next sibling"),
    N_("Select"),
    N_("Toggle"),
    N_("Expand or collapse all"),
    N_("Cursor Up"),
    N_("Cursor Down"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Page Up"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Cursor up"),
    N_("Cursor down"),
    N_("Cursor right"),
    N_("Cursor left"),
    N_("Page up"),
    N_("Page down"),
    N_("Top"),
    N_("Bottom"),
    N_("Home"),
    N_("End"),
    N_("Previous tab"),
    N_("Next tab"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("Cut selected text"),
    N_("Paste text from the clipboard"),
    N_("Select all"),
    N_("Submit"),
    N_("Move cursor left"),
    N_("Move cursor left and select"),
    N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Move cursor right and select"),
    N_("Move cursor right a word"),
    N_("Move cursor right a word and select"),
    N_("Delete character left"),
    N_("Delete character right"),
    N_("Go to start"),
    N_("Go to end"),
    N_("Select line start"),
    N_("Select line end"),
    N_("Delete left to start of word"),
    N_("Delete all to the left"),
    N_("Delete right to start of word"),
    N_("Delete all to the right"),
)


class LocalisedPalette(CommandPalette):
    """Textual's command palette, saying that nothing matches in the interface language.

    Textual writes its "No matches found" as a literal in a function nested in
    ``CommandPalette._start_no_matches_countdown``: this is that method (Textual 8.2),
    the words translated. The prompt is the caller's (``placeholder=``)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            # Only when the user typed something; with nothing typed the palette only
            # lists what it can discover, and an empty list needs no words.
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def _blank_after(key: Widget) -> int:
    """Cells of padding after a footer key's words (Textual draws some in its text)."""
    blank = key.styles.padding.right
    if isinstance(key, FooterKey) and key.description:
        blank += key.get_component_styles("footer-key--description").padding.right
    return blank


class _KeysBox(Horizontal):
    """The footer's keys: one that does not fit whole is not shown at all (``m List ▏``
    read as a key of its own); the keys that do not fit are in the help screen (``?``)."""

    def on_resize(self, event: Resize) -> None:
        # Worked out from the keys' own widths, not from their places on the screen: those
        # are known only after a layout, which a new set of keys or a resize may not have had.
        x = 0
        for key in self.children:
            if not key.display:
                continue
            x += (
                key.get_content_width(event.size, self.app.size)
                + key.styles.gutter.width
                + key.styles.margin.width
            )
            # its padding after the words may be cut: the key still reads whole
            key.visible = x - _blank_after(key) <= event.size.width


class KeysFooter(Footer):
    """Textual's footer, its keys in a box that ends where the palette key docked at its
    right (``^p palette``) begins.

    In Textual's footer the keys run on under the palette key (the footer scrolls
    sideways), and where one of their edges fell inside one of the palette key's wide
    characters, the compositor cut that character and drew blanks: ``^p   令面板`` at 80
    columns, ``^p 命令  板`` at 84. In their own box a key that would cross its edge is
    not shown; the keys that do not fit are in the help screen (``?``).
    """

    DEFAULT_CSS = """
    KeysFooter > #footer-keys {
        width: 1fr;
        height: 1;
        layout: horizontal;
        overflow: hidden hidden;
    }
    """

    # What the keys last composed show (`_showing`); None before the first compose.
    _shown: tuple[object, ...] | None = None

    def _showing(self) -> tuple[object, ...]:
        """Everything the footer's compose reads: each active binding as shown (key, its
        display, description, action, state, tooltip, group) and the palette key's switches."""
        if not self._bindings_ready:
            return ()
        app = self.app
        return (
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
            app.COMMAND_PALETTE_BINDING,
            *(
                (
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    binding.show,
                    binding.group,
                    enabled,
                    tooltip,
                )
                for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )

    async def recompose(self) -> None:
        # Textual rebuilds the footer whenever the screen's bindings may have changed (every
        # focus change, every refresh_bindings): ≈ 20 ms of CPU for a dozen keys, mostly
        # styling them, though the keys are most often the same. Rebuilt only when not.
        if self._shown is not None and self.is_attached and self._showing() == self._shown:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        self._shown = self._showing()
        palette: Widget | None = None
        with _KeysBox(id="footer-keys"):
            for widget in super().compose():
                if widget.has_class("-command-palette"):
                    palette = widget  # docked at the footer's right, after the box
                else:
                    yield widget
        if palette is not None:
            yield palette

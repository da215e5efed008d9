"""Type-ahead: the keys typed right after a key that opens a text box land in that box.

A terminal delivers a fast typist's ``/quit`` (or ``c宝鸡``) as one burst. Textual gives each
key to the widget focused when the app *receives* it, and runs a key's bindings only once it
has bubbled back up, so the keys behind ``/`` went to the outline and, bubbling up after the
filter's input took the focus, ran the browser's bindings (``q`` quit, ``y`` copied). A pushed
screen focuses its box only once mounted, so the keys typed meanwhile were lost.

`TypeAhead` fixes both, for every screen and box:

- a screen the app has not yet *settled* on (it has not focused anything, or mounted without
  focusing anything) holds every key, and gives them back, in order, once it has;
- a key a focused text box would have typed (``check_consume_key``) that reaches the app
  went to another widget before the box took the focus: it is given to the box, not to the
  bindings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from textual import events
from textual.app import ModeError, ScreenError

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

# While a new screen mounts, it is looked at this often (seconds) to see it has.
MOUNT_POLL = 1 / 60


class TypeAhead:
    """The app's keys held while a screen opens, and the strays a text box should have had."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._settled: WeakSet[Screen[object]] = WeakSet()
        self._held: list[events.Key] = []
        self._waiting = False

    def settled(self, screen: Screen[object]) -> None:
        """`screen` has its focus (or will have none): the keys held go to it."""
        self._settled.add(screen)
        if screen is self._app.screen:
            self._release()

    def should_hold(self) -> bool:
        """A key arriving now waits: the current screen has not settled."""
        try:
            screen = self._app.screen
        except (ScreenError, ModeError):  # no screen (start-up or shut-down): nothing to hold for
            return False
        if screen in self._settled:
            return False
        if screen.focused is not None:
            self._settled.add(screen)
            return False
        return True

    def hold(self, event: events.Key) -> None:
        """Keep `event` (a copy: the original may have been handled) until the screen settles."""
        event.stop()
        self._held.append(events.Key(event.key, event.character))
        if not self._waiting:
            self._waiting = True
            self._app.set_timer(MOUNT_POLL, self._poll)

    def _poll(self) -> None:
        screen = self._app.screen
        if screen in self._settled or screen.focused is not None:
            self._settle_now(screen)
        elif screen.is_mounted:
            # Mounted: a focus asked for in its on_mount is queued before this
            self._app.call_later(self._settle_now, screen)
        else:
            self._app.set_timer(MOUNT_POLL, self._poll)

    def _settle_now(self, screen: Screen[object]) -> None:
        self._waiting = False
        self.settled(screen)

    def _release(self) -> None:
        held, self._held = self._held, []
        for key in held:  # in order, through the app: priority bindings still apply
            self._app.post_message(key)

    def redirect(self, event: events.Key) -> bool:
        """Give `event`, which has bubbled up to the app, to the focused text box if the box
        would have typed it (it went elsewhere before the box had the focus)."""
        focused = self._app.focused
        if focused is None or not focused.check_consume_key(event.key, event.character):
            return False
        event.stop()
        focused._forward_event(events.Key(event.key, event.character))
        return True

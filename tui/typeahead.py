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
  bindings;
- a key arriving while the one before it is still on its way (through the focused widget, up
  to the app's bindings, and through what those post: an input's ``Submitted``) waits for it.
  A key that *closes* a screen (escape or enter in a dialog, ``q``) has closed it before the
  next key is given out, so that key lands in the screen beneath, not in the closing one.
  A key's way is followed with ``call_later`` from the widget it went to up to the app, each
  step queued behind the key at that widget, twice (the second pass behind what the first
  posted); a way cut short (a widget removed) ends it, and ``IN_FLIGHT_LIMIT`` bounds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from textual import events
from textual.app import ModeError, ScreenError

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen

# While a new screen mounts, it is looked at this often (seconds) to see it has.
MOUNT_POLL = 1 / 60
# A key still on its way after this long (seconds: a slow action) no longer holds the next.
IN_FLIGHT_LIMIT = 1.0
# Passes behind a key: its own way, then the way of what its action posted.
PASSES = 2


class TypeAhead:
    """The app's keys held while a screen opens, and the strays a text box should have had."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._settled: WeakSet[Screen[object]] = WeakSet()
        self._held: list[events.Key] = []
        self._waiting = False
        self._in_flight = 0  # the number of the key on its way; 0: none
        self._keys = 0

    def settled(self, screen: Screen[object]) -> None:
        """`screen` has its focus (or will have none): the keys held go to it."""
        self._settled.add(screen)
        if screen is self._app.screen and not self._in_flight:
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

    def should_wait(self) -> bool:
        """A key arriving at the app now waits: the screen has not settled, or the key before
        it is still on its way."""
        return self._in_flight != 0 or self.should_hold()

    def sent(self) -> None:
        """The app has given a key out (to the focused widget, or to a priority binding):
        the keys after it wait until it has been handled."""
        try:
            start: MessagePump = self._app.focused or self._app.screen
        except (ScreenError, ModeError):  # shutting down: nothing to wait for
            return
        self._keys += 1
        key = self._keys
        self._in_flight = key
        self._app.set_timer(IN_FLIGHT_LIMIT, lambda: self._landed(key))
        self._follow(start, key, PASSES)

    def _follow(self, start: MessagePump, key: int, passes: int) -> None:
        """Queue a step behind the key at `start`, then at each parent up to the app."""

        def step(node: MessagePump) -> None:
            if key != self._in_flight:
                return
            if node is self._app:
                if passes > 1:
                    self._follow(start, key, passes - 1)
                else:
                    self._landed(key)
                return
            parent = node._parent
            if parent is None or not parent.call_later(step, parent):
                self._landed(key)

        if not start.call_later(step, start):
            self._landed(key)

    def _landed(self, key: int) -> None:
        if key != self._in_flight:
            return
        self._in_flight = 0
        if not self._waiting:
            self._release()

    def hold(self, event: events.Key) -> None:
        """Keep `event` (a copy: the original may have been handled) until the screen settles."""
        event.stop()
        self._held.append(events.Key(event.key, event.character))
        if not self._waiting and self.should_hold():
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

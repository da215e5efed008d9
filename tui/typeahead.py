"""Type-ahead: the keys typed right after a key that opens a text box land in that box.

A terminal delivers a fast typist's ``/quit`` (or ``c宝鸡``) as one burst. Textual gives each
key to the widget focused when the app *receives* it, and runs a key's bindings only once it
has bubbled back up, so the keys behind ``/`` went to the outline and, bubbling up after the
filter's input took the focus, ran the browser's bindings (``q`` quit, ``y`` copied). A pushed
screen focuses its box only once mounted, so the keys typed meanwhile were lost.

`TypeAhead` fixes both, for every screen and box:

- a screen the app has not yet *settled* on (it has not focused anything, or mounted without
  focusing anything), or one that says its keys cannot act yet (``keys_ready`` False: the
  browser before its filter's box is composed), holds every key, and gives them back, in
  order, once it has;
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

All of it keeps the order typed: the keys held form one queue, given back one at a time, and a
key (or a paste) arriving while any is held joins its end. Given back by posting them all to
the app at once, the held keys went behind keys the terminal had sent meanwhile, already in
the app's queue, and the first of those, finding nothing on its way, was typed ahead of them:
a fast ``XY12⏎ZW34`` came out as ``X⏎ZW34Y12`` in the note box, and so was saved.
"""

from __future__ import annotations

from collections import deque
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
    """The app's keys held while a screen opens or a key is on its way, and the strays a text
    box should have had.

    One queue: a key (or paste) the app receives is given out at once only when nothing is
    held, none is on its way and the screen has settled; otherwise it joins the end of the
    held ones. Held keys are given back one at a time, each posted to the app (so priority
    bindings still apply) only once the one before has landed: a key the terminal sent
    meanwhile, already in the app's queue ahead of it, is held behind it, never let past.
    """

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._settled: WeakSet[Screen[object]] = WeakSet()
        self._held: deque[events.Key | events.Paste] = deque()
        self._requeued = 0  # held keys at the front that were given out once already
        self._next: events.Key | events.Paste | None = None  # the held one posted back
        self._polling = False  # a look at the unsettled screen is due
        self._in_flight = 0  # the number of the key on its way; 0: none
        self._keys = 0

    def settled(self, screen: Screen[object]) -> None:
        """`screen` has its focus (or will have none): the keys held go to it."""
        self._settled.add(screen)
        self._pump()

    def should_hold(self) -> bool:
        """A key arriving now waits: the current screen has not settled."""
        try:
            screen = self._app.screen
        except (ScreenError, ModeError):  # no screen (start-up or shut-down): nothing to hold for
            return False
        if not getattr(screen, "keys_ready", True):
            return True  # (looked at again every MOUNT_POLL until it is)
        if screen in self._settled:
            return False
        if screen.focused is not None:
            self._settled.add(screen)
            return False
        return True

    def take(self, event: events.Key | events.Paste) -> bool:
        """The app has received `event` (a key or a paste, not forwarded): True if it is held
        (given out later, in order), False if the app gives it out now (then `sent`)."""
        if event is self._next:  # a held one given back: its turn, unless the screen changed
            self._next = None
            if not self._in_flight and not self.should_hold():
                return False
            self.hold(event, again=True)
            return True
        if self._in_flight or self._held or self._next is not None or self.should_hold():
            self.hold(event)
            return True
        return False

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
        self._pump()

    def hold(self, event: events.Key | events.Paste, *, again: bool = False) -> None:
        """Keep `event` (a copy: the original may have been handled) until its turn: behind
        the keys held, or, `again` (it was given out once, before them), ahead of them."""
        event.stop()
        copy = (
            events.Paste(event.text)
            if isinstance(event, events.Paste)
            else events.Key(event.key, event.character)
        )
        if again:
            self._held.insert(self._requeued, copy)
            self._requeued += 1
        else:
            self._held.append(copy)
        self._pump()

    def _pump(self) -> None:
        """Give the first held key back if its turn has come: none on its way, and the
        screen settled (else look again once it may have)."""
        if self._next is not None or self._in_flight or not self._held:
            return
        if self.should_hold():
            if not self._polling:
                self._polling = True
                self._app.set_timer(MOUNT_POLL, self._poll)
            return
        event = self._held.popleft()
        self._requeued = max(0, self._requeued - 1)
        # Queued, it comes back (however long the app takes to reach it: no time limit,
        # which would let the keys behind it pass); not queued, the app is closing.
        if self._app.post_message(event):
            self._next = event
        else:
            self._held.clear()

    def _poll(self) -> None:
        try:
            screen = self._app.screen
        except (ScreenError, ModeError):  # shutting down: nothing to wait for
            self._polling = False
            return
        if screen in self._settled or screen.focused is not None:
            self._settle_now(screen)
        elif screen.is_mounted:
            # Mounted: a focus asked for in its on_mount is queued before this
            self._app.call_later(self._settle_now, screen)
        else:
            self._app.set_timer(MOUNT_POLL, self._poll)

    def _settle_now(self, screen: Screen[object]) -> None:
        self._polling = False
        self.settled(screen)

    def redirect(self, event: events.Key) -> bool:
        """Give `event`, which has bubbled up to the app, to the focused text box if the box
        would have typed it (it went elsewhere before the box had the focus)."""
        focused = self._app.focused
        if focused is None or not focused.check_consume_key(event.key, event.character):
            return False
        event.stop()
        focused._forward_event(events.Key(event.key, event.character))
        return True

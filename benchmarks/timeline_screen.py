"""The timeline screen on a store, timed: how long until its tabs are filled.

    python benchmarks/timeline_screen.py STORE [--place 通山县]

Opens `govread --store STORE` in a headless Pilot, waits for the outline, opens the
timeline of a place (by default the place with the most stored reports) as the palette's
"Timeline of this place" does, and prints the seconds until the Topics tab is filled and
until the Promises tab is (the screen `ready`), and the open reports cut into units.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import Counter
from pathlib import Path

from govread import compare
from govread.timeline import place_of
from govread.tui.app import GovreadApp
from govread.tui.timeline.screen import TimelineScreen, open_timeline


async def measure(path: Path, place_name: str | None) -> None:
    cut: list[str] = []
    builder = compare._Builder

    class Counting(builder):  # type: ignore[valid-type,misc]
        def __init__(self, report, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            cut.append(report.id)
            super().__init__(report, *args, **kwargs)

    compare._Builder = Counting  # type: ignore[misc]
    app = GovreadApp(store=path)
    async with app.run_test(size=(160, 50)) as pilot:
        while not app.loading_done:
            await pilot.pause(0.05)
        reports = list(app.library.reports)
        places = Counter(p for p in map(place_of, reports) if p is not None)
        if place_name:
            place = next(p for p in places if place_name in (p.name, p.label))
        else:
            place = places.most_common(1)[0][0]
        report = next(r for r in reports if place_of(r) == place)
        started = time.perf_counter()
        open_timeline(app, report)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        topics = None
        while not screen.ready:
            if topics is None and screen.query_one("#topics-table").row_count:  # type: ignore[attr-defined]
                topics = time.perf_counter() - started
            await pilot.pause(0.05)
        done = time.perf_counter() - started
    repeated = sum(n - 1 for n in Counter(cut).values())
    print(
        f"{place.label}: {places[place]} of {len(reports)} open reports; "
        f"topics filled {topics if topics is not None else done:.1f} s, "
        f"promises {done:.1f} s; {len(cut)} reports cut into units ({repeated} again)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--place", default=None)
    args = parser.parse_args()
    asyncio.run(measure(args.store, args.place))


if __name__ == "__main__":
    main()

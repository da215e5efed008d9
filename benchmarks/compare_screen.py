"""Time the compare screen as a user meets it: enter in the picker → both columns filled.

    python benchmarks/compare_screen.py [--runs N] [--reports K]

Each run is a fresh interpreter running govread headless (160×45) on the five bundled
samples, with its own empty XDG directories. In each run: `c`, type 宝鸡, enter; the time
is taken from the enter key to the first refresh after `CompareScreen.ready` (the worker
has compared, both columns are mounted and painted). `--think S` waits S seconds in the picker before enter,
as a reader typing a name does (the picker warms jieba and the units up meanwhile). The first comparison of a process pays jieba's dictionary load and
tokenising all five reports (the IDF corpus); a second one in the same process (escape,
`c`, 株洲, enter) finds the units cached. `--reports K` (3 to 5) chooses K-1 reports in the
picker with space instead (the first K-1 listed; for the second comparison, those from the
second one on) and times the screen with K columns the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


async def _one_run(think: float, reports: int) -> dict[str, float]:
    from govread.tui.app import GovreadApp
    from govread.tui.compare.screen import CompareScreen

    app = GovreadApp()
    timings: dict[str, float] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for label, name in (("first", "宝鸡"), ("second", "株洲")):
            if reports == 2:
                await pilot.press("c", *name)
            else:  # space toggles the highlighted report, down moves on
                skip = ["down"] if label == "second" else []
                await pilot.press("c", *skip, *(["space", "down"] * (reports - 1)))
            await pilot.pause(think)  # the reader typing the name
            start = time.perf_counter()
            # pressed as a task: Pilot.press waits for the whole screen to go idle, and the
            # wait for `ready` below is what is being measured
            press = asyncio.create_task(pilot.press("enter"))
            while not isinstance(app.screen, CompareScreen) or not app.screen.ready:
                await asyncio.sleep(0.002)
            painted = asyncio.Event()
            app.screen.call_after_refresh(painted.set)
            await painted.wait()
            timings[label] = time.perf_counter() - start
            await press
            await pilot.press("escape")
            await pilot.pause()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--think", type=float, default=0.0, help="seconds spent in the picker before enter"
    )
    parser.add_argument(
        "--reports", type=int, default=2, choices=(2, 3, 4, 5), help="reports compared at once"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(_one_run(args.think, args.reports))))
        return
    first: list[float] = []
    second: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            env = os.environ | {
                f"XDG_{kind}_HOME": os.path.join(home, kind.lower())
                for kind in ("CONFIG", "DATA", "CACHE", "STATE")
            }
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--think",
                    str(args.think),
                    "--reports",
                    str(args.reports),
                ],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        timings = json.loads(out.strip().splitlines()[-1])
        first.append(timings["first"])
        second.append(timings["second"])
    load = os.getloadavg()[0]
    print(
        f"runs: {args.runs}, {args.reports} reports, {args.think} s in the picker, "
        f"load average {load:.2f}"
    )
    print("first compare (jieba + tokenising the corpus): " + _summary(first))
    print("second compare (units cached): " + _summary(second))


def _summary(samples: list[float]) -> str:
    shown = ", ".join(f"{s:.2f}" for s in samples)
    return (
        f"median {statistics.median(samples):.2f} s, min {min(samples):.2f}, "
        f"max {max(samples):.2f} (samples: {shown})"
    )


if __name__ == "__main__":
    main()

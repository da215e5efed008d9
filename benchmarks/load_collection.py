"""How long the browser's collection after a load holds the UI thread (`heap.freeze_long_lived`).

    python benchmarks/load_collection.py [PATH ...]     (default: the bundled samples)

Opens the app headless, loads the reports and prints each call's wall time in ms. Compare two
commits by running it with each one's Python. Results are recorded by hand in RESULTS.md.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time

for variable in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
    os.environ[variable] = tempfile.mkdtemp()  # a user's first start: nothing cached

import govread.tui.browser.screen as browser_screen  # noqa: E402
from govread.tui.app import GovreadApp  # noqa: E402

timings: list[float] = []
_freeze = browser_screen.freeze_long_lived


def _timed() -> None:
    start = time.perf_counter()
    _freeze()
    timings.append(time.perf_counter() - start)


async def _run(paths: list[str]) -> None:
    app = GovreadApp(paths or None)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()


def main() -> None:
    browser_screen.freeze_long_lived = _timed  # type: ignore[assignment]
    GovreadApp.WORD_SEARCH_DELAY = None  # jieba's load is not what is timed
    asyncio.run(_run(sys.argv[1:]))
    print("collections after a load (ms):", ", ".join(f"{t * 1000:.1f}" for t in timings))


if __name__ == "__main__":
    main()

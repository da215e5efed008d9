"""Collapse all (`-`) and expand all (`+`) in the TUI on a big outline, measured in the app.

    python benchmarks/collapse_tui.py PATH [PATH ...]

Runs the app headless on the reports named (e.g. one 15 MB one-line report: the samples
concatenated and flattened with ``tr -d '\\n'``), waits for loading, presses `+` then `-`
and prints the outline's lines and each key's time until the app is idle again.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from govread.tui.app import GovreadApp


async def run(paths: list[str]) -> None:
    app = GovreadApp(paths)
    app.WORD_SEARCH_DELAY = None
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        outline = app.browser.outline
        for key in ("plus", "minus"):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            print(f"{key}: {outline.last_line + 1} lines, {time.perf_counter() - started:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    asyncio.run(run(parser.parse_args().paths))


if __name__ == "__main__":
    main()

"""Wrapping a long report for the detail pane: Rich's own wrap against govread/linebreak.py.

    python benchmarks/linebreak.py rich|kinsoku [--repeat N]

Renders the bundled samples' text, joined and cut to the pane's limit (MAX_DETAIL_CHARS),
at every width from 40 to 120 cells, N times, as the detail pane does (a Group of Texts):
``rich`` with `rich.text.Text`, ``kinsoku`` with `KinsokuText`. Time it as a whole process.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from rich.console import Console, Group
from rich.text import Text

from govread.linebreak import KinsokuText
from govread.tui.browser.detail import MAX_DETAIL_CHARS

SAMPLES = Path(__file__).resolve().parent.parent / "sample_reports"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("engine", choices=("rich", "kinsoku"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = "\n".join(path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    text = (text * (MAX_DETAIL_CHARS // len(text) + 1))[:MAX_DETAIL_CHARS]
    paragraphs = [Text(line) for line in text.splitlines()]
    if args.engine == "kinsoku":
        paragraphs = [KinsokuText.of(line) for line in paragraphs]
    lines = 0
    for _ in range(args.repeat):
        for width in range(40, 121):
            console = Console(width=width, file=io.StringIO(), color_system=None)
            lines += len(console.render_lines(Group(*paragraphs), pad=False))
    print(lines)


if __name__ == "__main__":
    main()

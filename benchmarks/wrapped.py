"""Reports wrapped at a fixed width, as pdftotext or an editor saves them: does govread read
them as the originals? `python benchmarks/wrapped.py [--every-width] [PATH ...]` (the samples
by default).

Each report is wrapped at 30, 36, 40 and 45 Chinese characters (60–90 half-em cells; with
--every-width at every fourth cell from 40 to 100),
indented (　　) or not, cut anywhere (a number too), read from its bytes as a file is, and
compared with the original: the outline, and each figure's (value, unit, subject).
"""

from __future__ import annotations

import sys
from pathlib import Path

from variants import wrap_lines  # (a script beside this one)

from govread.corpus import sample_paths
from govread.figures import report_figures
from govread.parsers.readers import report_from_bytes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    every_width = "--every-width" in args
    args = [a for a in args if a != "--every-width"]
    widths = range(40, 101, 4) if every_width else (60, 72, 80, 90)
    paths = [Path(a) for a in args] or sorted(sample_paths())
    figures = same = outlines = texts = 0
    for path in paths:
        text = path.read_text("utf-8")
        original = report_from_bytes(text.encode("utf-8"), "a.txt")
        wanted = [(f.value, f.unit, f.label) for f in report_figures(original)]
        for cells in widths:
            for indent in ("", "\u3000\u3000"):
                paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
                wrapped = "\n".join(wrap_lines(paragraphs, cells, indent))
                report = report_from_bytes(wrapped.encode("utf-8"), "b.txt")
                texts += 1
                found = [(f.value, f.unit, f.label) for f in report_figures(report)]
                figures += len(wanted)
                same += sum(1 for figure in wanted if figure in found)
                outlines += report.outline() == original.outline()
    print(
        f"wrapped texts {texts}: outline as the original's {outlines}/{texts}; "
        f"figures (value, unit, subject) as the original's {same}/{figures} = "
        f"{same / max(1, figures):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The figure finder's whole output on the bundled samples, against a stored copy.

Speed work on `govread.figures` must not change a single figure: every field of every
figure of the five samples (headings, items, preamble and closing) and every highlighted
span is compared with `tests/fixtures/golden/figures_samples.json`. After a deliberate
change of the finder's output, rewrite the copy and read its diff before committing:

    python tests/unit/test_figures_golden.py --update
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest

from govread.corpus import load
from govread.figures import Figure, extract, figure_spans, report_figures

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden" / "figures_samples.json"


def _row(figure: Figure) -> list[object]:
    node = figure.node_id.split("/", 1)[1] if "/" in figure.node_id else figure.node_id
    return [
        figure.label,
        figure.value,
        figure.unit,
        figure.approximate,
        figure.text,
        node,
        figure.paragraph,
        figure.start,
        figure.end,
        figure.indicator,
        figure.is_range,
    ]


@cache
def outputs() -> dict[str, dict[str, list[list[object]]]]:
    found: dict[str, dict[str, list[list[object]]]] = {}
    for report in load().reports:
        headings = [s.raw_heading for s in report.walk()]
        found[Path(report.path or "").name] = {
            "figures": [_row(f) for f in report_figures(report)],
            "headings": [_row(f) for text in headings for f in extract(text, "", -1)],
            "spans": [
                [start, end]
                for p in report.full_text().split("\n")
                for start, end in figure_spans(p)
            ],
        }
    return found


def _dump(data: dict[str, dict[str, list[list[object]]]]) -> str:
    lines = ["{"]
    for n, (name, parts) in enumerate(data.items()):
        lines.append(f"  {json.dumps(name)}: {{")
        for m, (part, rows) in enumerate(parts.items()):
            body = ",\n".join(f"      {json.dumps(row, ensure_ascii=False)}" for row in rows)
            lines.append(f"    {json.dumps(part)}: [\n{body}\n    ]" + ("," if m < 2 else ""))
        lines.append("  }" + ("," if n < len(data) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("part", ["figures", "headings", "spans"])
def test_samples_figures_unchanged(part: str) -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))
    found = json.loads(json.dumps(outputs()))
    assert sorted(found) == sorted(expected)
    for name in expected:
        want, got = expected[name][part], found[name][part]
        first = next((i for i, (w, g) in enumerate(zip(want, got, strict=False)) if w != g), None)
        assert first is None and len(want) == len(got), (
            f"{name} {part}: {len(got)} found, {len(want)} stored; first difference at {first}"
        )


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        GOLDEN.write_text(_dump(outputs()), "utf-8")

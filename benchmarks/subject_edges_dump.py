"""The figures an earlier version of the finder found, for `subject_edges.py --fresh-dump`.

    python benchmarks/subject_edges_dump.py OUT.json SET_DIR [SET_DIR …]

Run with an earlier commit's package first on the path, so that each label set is read as
the rule that first scored it read it (the "fresh" view: before any rule was made on it):

    C=284d88c; D=/tmp/old/$C; mkdir -p $D
    git archive $C govread parsers | tar -x -C $D && mv $D/parsers $D/govread/parsers
    (cd /tmp && PYTHONPATH=$D python /path/to/benchmarks/subject_edges_dump.py OUT.json SETS…)

Writes {"SET/NN": [{label, unit, value, text, start, end, para}, …]} for each NN.txt of
each SET_DIR, `para` the text the figure's offsets are into. Only `report_figures`,
`open_report` and the report's outline are used, which every version since the fifth figure
round has.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from govread.figures import report_figures
from govread.opening import open_report


def texts_of(report: object) -> dict[tuple[str, int], str]:
    """Every paragraph (and heading, paragraph -1) by (node id, paragraph)."""
    texts: dict[tuple[str, int], str] = {}
    prefix = getattr(report, "id")  # noqa: B009 - any version's Report
    for index, paragraph in enumerate(getattr(report, "preamble")):  # noqa: B009
        texts[(f"{prefix}/preamble", index)] = paragraph
    for index, paragraph in enumerate(getattr(report, "closing")):  # noqa: B009
        texts[(f"{prefix}/closing", index)] = paragraph
    for section in getattr(report, "walk")():  # noqa: B009
        heading = section.raw_heading or ""
        marker = getattr(section, "marker", "")
        at = heading.find(marker) if marker else -1
        if at >= 0 and not heading[:at].strip():
            cut = at + len(marker)
            heading = "\u3000" * cut + heading[cut:]
        texts[(section.id, -1)] = heading
        for index, paragraph in enumerate(section.paragraphs):
            texts[(section.id, index)] = paragraph
            for item in section.items:
                if item.paragraph == index:
                    texts[(item.id, index)] = paragraph
    return texts


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out: dict[str, list[dict[str, object]]] = {}
    for folder in map(Path, argv[1:]):
        for path in sorted(folder.glob("*.txt")):
            report = open_report(path, explicit=True)
            texts = texts_of(report)
            out[f"{folder.name}/{path.stem}"] = [
                {
                    "label": f.label,
                    "unit": f.unit,
                    "value": f.value,
                    "text": f.text,
                    "start": f.start,
                    "end": f.end,
                    "para": texts.get((f.node_id, f.paragraph)),
                }
                for f in report_figures(report)  # type: ignore[arg-type]
            ]
    Path(argv[0]).write_text(json.dumps(out, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

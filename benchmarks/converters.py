"""Reports as the real converters leave them: does govread read them as the originals?

`python benchmarks/converters.py DIR` scores every file under DIR's sub-folders (one per tool
and format, made from the bundled samples: see RESULTS.md, "Reports as real converters leave
them", for the commands) whose name begins with a sample's stem: its outline against the
hand-labelled one (tests/fixtures/expected), its title, region, year and issuer, and each
figure's (value, unit, subject) against those of the sample read as text. A file govread
refuses is counted with its reason.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from govread.corpus import sample_paths
from govread.figures import report_figures
from govread.parsers.readers import ReportError, report_from_bytes

EXPECTED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "expected"
FIELDS = ("title", "region", "year", "issuer")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0])
    samples = {p.stem: p for p in sample_paths()}
    wanted_figures = {
        stem: [
            (f.value, f.unit, f.label)
            for f in report_figures(report_from_bytes(path.read_bytes(), path.name))
        ]
        for stem, path in samples.items()
    }
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    notes: dict[str, set[str]] = defaultdict(set)
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            stem = next((s for s in samples if path.name.startswith(s)), None)
            if stem is None:
                continue
            expected = json.loads((EXPECTED / f"{stem}.json").read_text("utf-8"))
            row = rows[folder.name]
            row[0] += 1
            try:
                report = report_from_bytes(path.read_bytes(), path.name)
            except ReportError as error:
                notes[folder.name].add(f"refused: {error.reason}")
                continue
            outline = [
                {"level": h["level"], "number": h["number"], "heading": h["heading"]}
                for h in report.outline()
            ]
            row[1] += outline == expected["outline"]
            meta = {
                "title": report.title,
                "region": report.region,
                "year": report.year,
                "issuer": report.issuer,
            }
            row[2] += all(meta[k] == expected[k] for k in FIELDS)
            for key in FIELDS:
                if meta[key] != expected[key]:
                    notes[folder.name].add(f"{key} {meta[key]!r} for {expected[key]!r}")
            found = [(f.value, f.unit, f.label) for f in report_figures(report)]
            row[3] += sum(1 for figure in wanted_figures[stem] if figure in found)
            row[4] += len(wanted_figures[stem])
    print("| tool / format | files | outline right | title, region, year, issuer right | figures |")
    print("| --- | --- | --- | --- | --- |")
    for name, (files, outlines, metas, same, total) in rows.items():
        print(
            f"| {name} | {files} | {outlines} | {metas} | {same}/{total} = {same / max(1, total):.3f} |"
        )
    for name, seen in notes.items():
        for note in sorted(seen)[:6]:
            print(f"{name}: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

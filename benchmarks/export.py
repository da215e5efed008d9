"""Export speed: every section of 1,000 reports (the five samples × 200) to TOML and back.

    python benchmarks/export.py [--copies N] [--rounds R]

Each copy of a sample is parsed with its own content hash, so the 1,000 reports have
distinct node ids, as 1,000 real files would. Timed, best of R rounds: building the TOML
text (`export_items`), writing it atomically (`write_export`), reading it back with
`tomllib`, `read_export`, and, for marks, resolving all sections in document order
(`MarkSet.ordered`) and one toggle (which saves the set) with every section marked
and with 100 marked.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from govread.corpus import sample_paths
from govread.export import export_items, read_export, write_export
from govread.marks import MarkSet, iter_nodes
from govread.parsers import Report, parse_text


def _best(rounds: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _reports(copies: int) -> list[Report]:
    reports = []
    for path in sample_paths():
        text = path.read_text("utf-8")
        for copy in range(copies):
            # Ids are named by the body text, so each copy's text differs (its last line).
            copied = f"{text}\n第{copy}份副本。\n"
            sha256 = hashlib.sha256(copied.encode()).hexdigest()
            reports.append(parse_text(copied, path=f"{path.stem}-{copy}.txt", sha256=sha256))
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    reports = _reports(args.copies)
    refs = [ref for report in reports for ref in iter_nodes(report) if ref.kind == "section"]
    text = export_items(refs)
    size = len(text.encode("utf-8"))

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "export.toml"
        build = _best(args.rounds, lambda: export_items(refs))
        write = _best(args.rounds, lambda: write_export(target, text, overwrite=True))
        parse = _best(args.rounds, lambda: tomllib.loads(target.read_text("utf-8")))
        read_back = _best(args.rounds, lambda: read_export(target))

        marks = MarkSet((ref.id for ref in refs), path=Path(folder) / "marks.json")
        marks.save()
        ordered = _best(args.rounds, lambda: marks.ordered(reports))
        first = refs[0].id
        toggle = _best(args.rounds, lambda: (marks.toggle(first), marks.toggle(first)))
        toggle /= 2
        marks_size = (Path(folder) / "marks.json").stat().st_size
        few = MarkSet((ref.id for ref in refs[:100]), path=Path(folder) / "few.json")
        toggle_few = _best(args.rounds, lambda: (few.toggle(first), few.toggle(first))) / 2

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"reports: {len(reports)}, sections exported: {len(refs)}, "
        f"TOML: {size / 1024 / 1024:.1f} MiB"
    )
    print(f"export_items (build TOML text): {build * 1000:8.0f} ms")
    print(f"write_export (atomic, fsync):   {write * 1000:8.0f} ms")
    print(f"total export:                   {(build + write) * 1000:8.0f} ms")
    print(f"tomllib.loads (read back):      {parse * 1000:8.0f} ms")
    print(f"read_export (node refs):        {read_back * 1000:8.0f} ms")
    print(f"MarkSet.ordered ({len(refs)} marks):  {ordered * 1000:8.0f} ms")
    print(
        f"MarkSet.toggle + save, {len(refs)} marks ({marks_size / 1024:.0f} KiB): "
        f"{toggle * 1000:.1f} ms"
    )
    print(f"MarkSet.toggle + save, 100 marks: {toggle_few * 1000:.1f} ms")


if __name__ == "__main__":
    main()

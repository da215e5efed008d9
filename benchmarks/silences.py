"""Every "X 未涉及此主题" (silent) claim of `govread compare` over the given reports, to check
by hand (issue 14: every silent claim true).

    python benchmarks/silences.py [--evidence] PATH [PATH ...]

Compares every ordered pair of the reports (as `govread compare A B` does) and prints each
claim once: the silent report, the theme and the reports it was compared with. With
`--evidence`, each claim is followed by every sentence of the silent report holding one of
the theme's lexicon words (with the words), so a reader checks the claim against the text
rather than against the lexicon's thresholds; a claim with no such sentence still has to be
read, since the lexicon is what made it.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from govread.compare import compare
from govread.corpus import load
from govread.library import place_label
from govread.parsers.model import Report
from govread.topics import load_lexicon

_SENTENCE = re.compile(r"[^。!！?？;；\n]+[。!！?？;；]?")


def claims(reports: Sequence[Report]) -> dict[tuple[int, str], list[int]]:
    """(index of the silent report, theme id) -> indices of the reports it was set against."""
    found: dict[tuple[int, str], list[int]] = defaultdict(list)
    for (i, a), (j, b) in itertools.permutations(enumerate(reports), 2):
        for pair in compare(a, b, reports).pairs:
            silent = pair.silent and pair.a
            if silent and i not in found[(j, pair.theme)]:
                found[(j, pair.theme)].append(i)
    return found


def _texts(report: Report) -> list[str]:
    texts = list(report.preamble)
    for section in report.walk():
        texts.append(section.heading)
        texts.extend(section.paragraphs)
    texts.extend(report.closing)
    return texts


def evidence(report: Report, theme_id: str) -> list[tuple[str, list[str]]]:
    """Sentences of the report holding a lexicon word of the theme, with the words."""
    words = [w for w, _ in load_lexicon().theme(theme_id).keywords]
    out: list[tuple[str, list[str]]] = []
    for text in _texts(report):
        for match in _SENTENCE.finditer(text or ""):
            hits = [w for w in words if w in match.group()]
            if hits:
                out.append((match.group().strip(), hits))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--evidence", action="store_true", help="print the sentences to read")
    args = parser.parse_args(argv)
    result = load(args.paths)
    reports = list(result.reports)
    lexicon = load_lexicon()
    names = [place_label(r) or r.display_title for r in reports]
    found = claims(reports)
    print(f"{len(found)} silent claims over {len(reports)} reports")
    for (j, theme_id), against in sorted(found.items()):
        vs = ", ".join(names[i] for i in against)
        print(f"{names[j]} silent on {lexicon.theme(theme_id).name} (vs {vs})")
        if args.evidence:
            for sentence, hits in evidence(reports[j], theme_id):
                print(f"    [{' '.join(hits)}] {sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

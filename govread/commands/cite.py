"""`govread cite [PATH ...]`: the reports as references, for Zotero and other managers.

    govread cite [PATH ...] [--format csl-json|bibtex|text] [--style gbt7714|plain]

``csl-json`` (the default) is what Zotero's "Import from clipboard / file", Pandoc and
citeproc read; ``bibtex`` gives ``@techreport`` entries; ``text`` one citation line per
report in the chosen style. Written to standard output as UTF-8.
Exit codes: 0 written; 1 nothing opened or a named file failed; 2 usage error.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from govread.citation import CITATION_STYLES, bibtex, citation_line, csl_json
from govread.cli import ArgumentParser, print_problems
from govread.corpus import load
from govread.i18n import _
from govread.records import write_utf8
from govread.sanitize import sanitize_line

EXIT_OK, EXIT_FAILED = 0, 1


def _parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="govread cite",
        description=_(
            "Print the reports as references: CSL-JSON (Zotero, Pandoc), BibTeX, or citation lines."
        ),
        epilog=_("Example: govread cite reports/ --format bibtex > reports.bib"),
    )
    parser.add_argument(
        "--format",
        choices=("csl-json", "bibtex", "text"),
        default="csl-json",
        help=_("csl-json (default), bibtex, or text: one citation line per report"),
    )
    parser.add_argument(
        "--style",
        choices=CITATION_STYLES,
        default=CITATION_STYLES[0],
        help=_("the citation style of --format text (default gbt7714: GB/T 7714)"),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=_("report files or folders (default: the bundled sample reports)"),
    )
    return parser


def run(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    result = load(args.paths)
    print_problems(result)
    if not result.reports:
        return EXIT_FAILED
    if args.format == "text":
        # lines for a person, in the terminal's encoding (what it cannot show, escaped) as
        # every command's text is; CSL-JSON and BibTeX are data, UTF-8 whatever the locale
        for report in result.reports:
            print(sanitize_line(citation_line(report, style=args.style)))
        return EXIT_FAILED if any(p.explicit for p in result.problems) else EXIT_OK
    text = csl_json(result.reports) if args.format == "csl-json" else bibtex(result.reports)
    write_utf8(text)
    return EXIT_FAILED if any(p.explicit for p in result.problems) else EXIT_OK

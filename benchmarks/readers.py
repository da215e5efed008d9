"""Reader throughput per input kind (MB/s of input), and selectolax against lxml.

    python benchmarks/readers.py [--rounds N]

Inputs are the five bundled samples turned into each kind with the same builders the
tests use (tests/conftest.py): plain text in UTF-8, GB18030 and UTF-16, a saved web page
(GB18030, TRS template), a .docx and a text-layer PDF. Each figure is the best of
`rounds` passes over all five files: bytes in / seconds, for the whole read (detect,
decode or extract, parse). Record the output in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govread.corpus import sample_paths
from govread.parsers.readers import extract, report_from_bytes

ROOT = Path(__file__).resolve().parent.parent


def _builders() -> object:
    conftest = ROOT / "tests" / "conftest.py"
    if str(conftest.parent) not in sys.path:  # the conftest imports its neighbour repo_scripts
        sys.path.insert(0, str(conftest.parent))
    spec = importlib.util.spec_from_file_location("govread_test_builders", conftest)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _best(rounds: int, work: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    b = _builders()
    texts = [path.read_text("utf-8") for path in sample_paths()]
    split = [b.split_sample(text) for text in texts]  # type: ignore[attr-defined]
    docs = [[t, *body] if t else body for t, _f, body in split]
    kinds: dict[str, list[tuple[str, bytes]]] = {
        "text utf-8": [("r.txt", t.encode("utf-8")) for t in texts],
        "text gb18030": [("r.txt", t.encode("gb18030")) for t in texts],
        "text utf-16": [("r.txt", t.encode("utf-16")) for t in texts],
        "html gb18030": [
            ("r.html", b.build_html_page(t, "trs", "gb18030", "gb2312"))  # type: ignore[attr-defined]
            for t in texts
        ],
        "html utf-8 (no known box)": [
            ("r.html", b.build_html_page(t, "bare"))  # type: ignore[attr-defined]
            for t in texts
        ],
        # one big file of all five, 20 times over: the cost must grow linearly
        "text gb18030, 1 big file": [("r.txt", ("\n".join(texts) * 20).encode("gb18030"))],
        "html utf-8, 1 big page": [("r.html", b.build_html_page("\n".join(texts) * 20))],  # type: ignore[attr-defined]
        "docx": [("r.docx", b.build_docx(t)) for t in texts],  # type: ignore[attr-defined]
        "pdf": [
            (
                "r.pdf",
                b.build_pdf(
                    lines,
                    indent="\u3000\u3000",  # type: ignore[attr-defined]
                    header="法治政府建设情况报告",
                ),
            )
            for lines in docs
        ],
    }
    print(f"python {platform.python_version()} on {platform.machine()}, best of {args.rounds}")
    print(
        f"{'input kind':28} {'files':>5} {'MB':>7} {'read+parse MB/s':>16} "
        f"{'extract only MB/s':>18} {'ms/file':>8}"
    )
    for kind, files in kinds.items():
        size = sum(len(data) for _, data in files) / 1e6
        whole = _best(args.rounds, lambda files=files: [report_from_bytes(d, n) for n, d in files])
        only = _best(args.rounds, lambda files=files: [extract(d, n) for n, d in files])
        print(
            f"{kind:28} {len(files):>5} {size:>7.3f} {size / whole:>16.2f} {size / only:>18.2f} "
            f"{1000 * whole / len(files):>8.1f}"
        )

    # The HTML library choice: parse + walk every text node, same pages, both engines.
    import lxml.html
    from selectolax.lexbor import LexborHTMLParser

    pages = [data.decode("gb18030") for _, data in kinds["html gb18030"]] * 4
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6

    def with_selectolax() -> None:
        for page in pages:
            tree = LexborHTMLParser(page)
            assert tree.body is not None
            "".join(
                n.text_content or ""
                for n in tree.body.traverse(include_text=True)
                if n.tag == "-text"
            )

    def with_lxml() -> None:
        for page in pages:
            root = lxml.html.fromstring(page)
            "".join(root.itertext())

    print()
    print(f"HTML engines, parse + all text ({len(pages)} pages, {size:.2f} MB as UTF-8):")
    for name, work in (("selectolax (Lexbor)", with_selectolax), ("lxml.html", with_lxml)):
        seconds = _best(args.rounds, work)
        print(f"  {name:22} {size / seconds:8.1f} MB/s")


if __name__ == "__main__":
    main()

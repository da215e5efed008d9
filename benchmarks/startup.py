"""Start-up to first paint of `govread` with the bundled samples (or a store), and to loaded.

Each run is a fresh interpreter (so imports count), headless, at 120×40:

    python benchmarks/startup.py [--runs 10]
    python benchmarks/startup.py --store FILE [--runs 5]    (`govread --store FILE`)
    python benchmarks/startup.py --tree [--runs 10]          (also a minimal Textual Tree app)
    python benchmarks/startup.py --tree --paint-only --runs 20   (each run ends at first paint)
    python benchmarks/startup.py --lang zh ...               (the Chinese interface; default en)

"first paint" is Textual's Ready event (the DOM is ready and the first frame is drawn);
"cpu" the process's CPU time (user + system, every thread) at that moment, steadier than
wall time on a busy machine;
"usable" is when the first reports are in the outline (it takes keys from then on);
"loaded" is when the last report is in the outline; "memory" is the process's peak RSS.
Also checks that jieba was not imported. `--tree` times a minimal app showing one Textual
`Tree` the same way, and prints the ratio of the first paints (medians). `--paint-only`
ends each run at its first paint (nothing loaded after it is timed), for many quick runs.

Every child runs from compiled bytecode, as an installed package does (pip compiles every
module when it installs one): `PYTHONDONTWRITEBYTECODE` is dropped and the `.pyc` files go
to a temporary `PYTHONPYCACHEPREFIX`, written by the warm-up run. Without this an editable
checkout under `PYTHONDONTWRITEBYTECODE=1` compiles govread's ~50 modules from source on
every start (≈ 35 ms of CPU), while Textual's come compiled from its wheel. Children run
with `python -P`: without it `python -c` in a checkout imports the checkout's `govread/`,
whichever Python (and installed govread) runs the benchmark.
Results are recorded by hand in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from govread.i18n import set_language
from govread.tui.app import GovreadApp

store = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None
set_language(sys.argv[3] if len(sys.argv) > 3 else "en")  # as `govread --lang` does

paint_only = sys.argv[2] == "paint" if len(sys.argv) > 2 else False

class Timed(GovreadApp):
    usable = None
    def on_ready(self):
        self.painted = time.time()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.cpu = usage.ru_utime + usage.ru_stime
        if paint_only:
            self.loaded = self.painted
            self.exit()
    # Textual runs the handler of every class in the MRO: GovreadApp's runs too
    def on_entries_loaded(self, message):
        if self.usable is None:
            self.call_after_refresh(lambda: setattr(self, "usable", time.time()))
    def on_loading_finished(self, message):
        self.call_after_refresh(self.done)
    def done(self):
        self.loaded = time.time()
        self.exit()

app = Timed(store=store)
app.WORD_SEARCH_DELAY = None
app.run(headless=True, size=(120, 40))
print(json.dumps({"painted": app.painted, "cpu": app.cpu, "usable": app.usable or app.loaded,
                  "paint_only": paint_only,
                  "loaded": app.loaded, "reports": len(app.reports),
                  "memory": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "jieba": "jieba" in sys.modules}))
"""

TREE_CHILD = r"""
import json, resource, time
from textual.app import App
from textual.widgets import Tree

class Minimal(App):
    def compose(self):
        tree = Tree("reports")
        tree.root.add_leaf("one report")
        yield tree
    def on_ready(self):
        self.painted = time.time()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.cpu = usage.ru_utime + usage.ru_stime
        self.exit()

app = Minimal()
app.run(headless=True, size=(120, 40))
print(json.dumps({"painted": app.painted, "cpu": app.cpu,
                  "memory": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_once(env: dict[str, str], argv: list[str], expected: int | None) -> dict[str, float]:
    started = time.time()
    child = subprocess.run(
        # -P: not the current folder first on sys.path (in a checkout, `-c` would import its
        # govread/, whichever installed govread the benchmark was asked to time)
        [sys.executable, "-P", "-c", CHILD, *argv],
        capture_output=True,
        text=True,
        env=env,
    )
    if child.returncode:
        sys.exit(f"the timed app failed:\n{child.stderr[-3000:]}")
    out = child.stdout
    result = json.loads(out.strip().splitlines()[-1])
    if expected is not None and not result["paint_only"]:
        assert result["reports"] == expected, result
    assert not result["jieba"], "jieba was imported at start-up"
    return {
        "painted": result["painted"] - started,
        "cpu": result["cpu"],
        "usable": result["usable"] - started,
        "loaded": result["loaded"] - started,
        "memory": result["memory"],
        "reports": result["reports"],
    }


def tree_once(env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-P", "-c", TREE_CHILD],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return {
        "painted": result["painted"] - started,
        "cpu": result["cpu"],
        "memory": result["memory"],
    }


def _line(key: str, values: list[float], unit: str = "s") -> str:
    values = sorted(values)
    fmt = ".3f" if unit == "s" else ".0f"
    return (
        f"{key:8} median {statistics.median(values):{fmt}} {unit}   "
        f"min {values[0]:{fmt}} {unit}   max {values[-1]:{fmt}} {unit}   ({len(values)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--store", help="open this store (govread index) instead of the samples")
    parser.add_argument("--tree", action="store_true", help="also time a minimal Tree app")
    parser.add_argument("--paint-only", action="store_true", help="end each run at its first paint")
    parser.add_argument("--lang", choices=("en", "zh"), default="en", help="interface language")
    args = parser.parse_args()
    store = str(Path(args.store).resolve()) if args.store else ""  # children run elsewhere
    argv = [store, "paint" if args.paint_only else "load", args.lang]
    expected = None if args.store else 5
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": home,
            "XDG_DATA_HOME": home,
            "XDG_CACHE_HOME": home,
            "XDG_STATE_HOME": home,
            "PYTHONPYCACHEPREFIX": os.path.join(home, "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # run from bytecode, as installed
        run_once(env, argv, expected)  # warm the file cache and write the .pyc files
        if args.tree:
            tree_once(env)
        runs, trees = [], []
        for _ in range(args.runs):  # in turn, so that both see the same machine
            runs.append(run_once(env, argv, expected))
            if args.tree:
                trees.append(tree_once(env))
    shown = "runs end at first paint" if args.paint_only else f"{runs[0]['reports']:.0f} reports"
    print(f"govread{' --store ' + args.store if args.store else ''}: {shown}")
    for key in ("painted", "cpu") if args.paint_only else ("painted", "cpu", "usable", "loaded"):
        print(_line(key, [r[key] for r in runs]))
    print(_line("memory", [r["memory"] for r in runs], "MB"))
    if trees:
        print("minimal Textual Tree app:")
        print(_line("painted", [t["painted"] for t in trees]))
        print(_line("cpu", [t["cpu"] for t in trees]))
        cpu_ratio = statistics.median(r["cpu"] for r in runs) / statistics.median(
            t["cpu"] for t in trees
        )
        cpu_pairs = [r["cpu"] / t["cpu"] for r, t in zip(runs, trees, strict=True)]
        print(
            f"CPU to first paint, govread / Tree: {cpu_ratio:.2f}"
            f" (pairwise median {statistics.median(cpu_pairs):.2f})"
        )
        ratio = statistics.median(r["painted"] for r in runs) / statistics.median(
            t["painted"] for t in trees
        )
        pairs = sorted(r["painted"] / t["painted"] for r, t in zip(runs, trees, strict=True))
        print(
            f"first paint ratio govread / Tree: {ratio:.2f} (pairwise median {statistics.median(pairs):.2f})"
        )


if __name__ == "__main__":
    main()

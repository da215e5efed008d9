"""Start-up to first paint of `govread` with the bundled samples, and to all five loaded.

Each run is a fresh interpreter (so imports count), headless, at 120×40:

    python benchmarks/startup.py [--runs 10]

"first paint" is Textual's Ready event (the DOM is ready and the first frame is drawn);
"loaded" is when the last sample is in the outline. Also checks that jieba was not
imported. Results are recorded by hand in benchmarks/RESULTS.md.
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

CHILD = r"""
import json, sys, time
from govread.tui.app import GovreadApp

class Timed(GovreadApp):
    def on_ready(self):
        self.painted = time.time()
    def on_loading_finished(self, message):
        super().on_loading_finished(message)
        self.loaded = time.time()
        self.call_after_refresh(self.exit)

app = Timed()
app.run(headless=True, size=(120, 40))
print(json.dumps({"painted": app.painted, "loaded": app.loaded, "reports": len(app.reports),
                  "jieba": "jieba" in sys.modules}))
"""


def run_once(env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, env=env
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["reports"] == 5, result
    assert not result["jieba"], "jieba was imported at start-up"
    return {"painted": result["painted"] - started, "loaded": result["loaded"] - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": home,
            "XDG_DATA_HOME": home,
            "XDG_CACHE_HOME": home,
            "XDG_STATE_HOME": home,
        }
        run_once(env)  # warm the file cache and .pyc files
        runs = [run_once(env) for _ in range(args.runs)]
    for key in ("painted", "loaded"):
        values = sorted(r[key] for r in runs)
        print(
            f"{key:8} median {statistics.median(values):.3f} s   "
            f"min {values[0]:.3f} s   max {values[-1]:.3f} s   ({len(values)} runs)"
        )


if __name__ == "__main__":
    main()

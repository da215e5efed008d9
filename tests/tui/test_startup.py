"""Start-up stays light: the samples open without importing jieba (it loads when needed),
and the first frame is drawn before the modules only later screens need are imported."""

from __future__ import annotations

import subprocess
import sys

# Not needed to draw the first frame: the loader and the samples' readers, the store
# (sqlite3), dialogs, the filter, the progress bar (five files show none), package data
# through importlib.resources (the themes are read beside their module).
LATER = (
    "govread.loading",
    "govread.parsers.readers",
    "govread.store_library",
    "sqlite3",
    "govread.search",
    "govread.tui.dialogs.help",
    "govread.tui.dialogs.confirm",
    "govread.tui.browser.filter_controller",
    "textual.widgets._progress_bar",
    "importlib.resources",
)

CHILD = r"""
import sys
from govread.tui.app import GovreadApp

LATER = sys.argv[1].split(",")

class Once(GovreadApp):
    def on_ready(self):
        self.early = [name for name in LATER if name in sys.modules]

    def on_loading_finished(self, message):
        super().on_loading_finished(message)
        self.call_after_refresh(self.exit)

app = Once()
app.run(headless=True, size=(100, 30))
print(len(app.reports), "jieba" in sys.modules, ",".join(app.early) or "-")
"""


def test_the_app_starts_and_loads_the_samples_without_jieba() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, ",".join(LATER)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # five reports, no jieba, none of LATER imported when the first frame was drawn
    assert result.stdout.split() == ["5", "False", "-"]

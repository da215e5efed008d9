"""Start-up stays light: the samples open without importing jieba (it loads when needed)."""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import sys
from govread.tui.app import GovreadApp

class Once(GovreadApp):
    def on_loading_finished(self, message):
        super().on_loading_finished(message)
        self.call_after_refresh(self.exit)

app = Once()
app.run(headless=True, size=(100, 30))
print(len(app.reports), "jieba" in sys.modules)
"""


def test_the_app_starts_and_loads_the_samples_without_jieba() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["5", "False"]

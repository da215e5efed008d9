"""The domain modules (parsers and services) never import Textual; the CLI's outline neither."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
import govread, govread.parsers
skip = ("govread.tui", "govread.themes")
names = []
for package in (govread, govread.parsers):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not info.name.startswith(skip):
            names.append(info.name)
for name in names:
    importlib.import_module(name)
assert "govread.parsers.outline" in names and "govread.corpus" in names, names
print(len(names), sorted(m for m in ("textual", "jieba") if m in sys.modules))
"""


def test_domain_modules_import_no_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    count, loaded = result.stdout.split(" ", 1)
    assert int(count) >= 8
    assert "textual" not in loaded, result.stdout


def test_govread_outline_runs_without_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from govread.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['outline']) == 0\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

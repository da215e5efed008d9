"""The domain modules (parsers and services) never import Textual; the CLI's outline neither."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import importlib, pkgutil, sys
import govread, govread.parsers
skip = ("govread.tui", "govread.themes")
names = []
def walk(package):
    # iter_modules, not walk_packages: the latter imports every package it passes,
    # the skipped ones included.
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name.startswith(skip):
            continue
        if info.name in names:
            continue
        names.append(info.name)
        module = importlib.import_module(info.name)
        if info.ispkg:
            walk(module)
walk(govread)
walk(govread.parsers)  # an editable install maps it from another folder
assert "govread.parsers.outline" in names and "govread.corpus" in names, names
print(len(names), sorted(m for m in ("textual", "jieba") if m in sys.modules))
"""


def test_domain_modules_import_no_textual(tmp_path: Path) -> None:
    # Run outside the checkout, so what is walked is the installed package.
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    count, loaded = result.stdout.split(" ", 1)
    assert int(count) >= 8
    assert "textual" not in loaded, result.stdout


def test_govread_outline_runs_without_textual(tmp_path: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from govread.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['outline']) == 0\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)

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


# What parsers/ may use of the rest of govread: the message ids of its reasons and the
# characters the sanitiser treats as unsafe, two leaf modules (ARCHITECTURE.md's layers).
PARSERS_MAY_IMPORT = {"govread.i18n", "govread.sanitize"}


def _govread_imports(path: Path) -> set[str]:
    return {name for name in _imports(path) if name == "govread" or name.startswith("govread.")}


def test_parsers_look_only_down() -> None:
    root = Path(__file__).parents[2]
    upward = {
        f"{path.name}: {name}"
        for path in sorted((root / "parsers").glob("*.py"))
        for name in _govread_imports(path)
        if not name.startswith("govread.parsers") and name not in PARSERS_MAY_IMPORT
    }
    assert upward == set()
    for leaf in PARSERS_MAY_IMPORT:
        path = root / (leaf.replace(".", "/") + ".py")
        assert _govread_imports(path) == set(), leaf


def test_widgets_know_no_regular_expressions() -> None:
    """ARCHITECTURE.md: a widget knows nothing of regular expressions; text is parsed, matched
    and cut below the TUI."""
    root = Path(__file__).parents[2] / "tui"
    using = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if {"re", "regex"} & _imports(path)
    )
    assert using == []


def _imports(path: Path) -> set[str]:
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _bound_twice(source: str) -> list[str]:
    """Names a module binds more than once at its top level (an assignment, a function or a
    class): the later one silently wins, which ruff does not flag for constants."""
    import ast
    from collections import Counter

    bound: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            bound.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            bound[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound[node.name] += 1
    return sorted(name for name, count in bound.items() if count > 1)


def test_the_check_for_names_bound_twice_finds_one() -> None:
    assert _bound_twice("A = 1\ndef f(): pass\nA = (2,)\nB: int = 3\n") == ["A"]


def test_no_module_binds_a_top_level_name_twice() -> None:
    """`_TAKING_PART` was once a set near the top of figures.py and a tuple further down; the
    tuple won, and the set's words were never used."""
    root = Path(__file__).resolve().parents[2]
    found = {
        str(path.relative_to(root)): names
        for folder in ("govread", "parsers", "tui", "themes", "benchmarks", "tools")
        for path in sorted((root / folder).rglob("*.py"))
        if (names := _bound_twice(path.read_text(encoding="utf-8")))
    }
    assert found == {}

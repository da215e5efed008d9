"""No module of govread binds one top-level name twice.

The figure finder is one long module of rules, each with its own patterns and word lists; a
second `_ITEM_MARKS = …` further down silently replaced the first (a list of circled numerals
became a list of commas for every rule above it). Augmenting a name (`|=`, `.update`) is how
a list is extended on purpose, and is not a second binding.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    path
    for folder in ("govread", "parsers", "tui", "themes")
    for path in (ROOT / folder).rglob("*.py")
)


def _bound_twice(source: str) -> list[tuple[str, int, int]]:
    first: dict[str, int] = {}
    twice = []
    for node in ast.parse(source).body:
        names: list[str] = []
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            names = [node.target.id] if isinstance(node.target, ast.Name) else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            if name in first:
                twice.append((name, first[name], node.lineno))
            first.setdefault(name, node.lineno)
    return twice


def test_a_second_binding_is_found() -> None:
    assert _bound_twice("A = 1\nB = 2\nA = 3\nA |= 4\n") == [("A", 1, 3)]
    assert _bound_twice("def f(): pass\nX: int = 1\nclass f: pass\n") == [("f", 1, 3)]


def test_no_top_level_name_is_bound_twice() -> None:
    assert len(SOURCES) > 50
    twice = {
        str(path.relative_to(ROOT)): found
        for path in SOURCES
        if (found := _bound_twice(path.read_text("utf-8")))
    }
    assert twice == {}

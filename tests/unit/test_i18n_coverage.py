"""No user-facing string escapes the message catalogue (`govread.i18n`), and the catalogue
matches the code: every message id has a Chinese entry, every entry is used.

The first test reads the sources' syntax trees: a string literal (or the text of an
f-string) given to something that shows it — a notification, a widget's label, a column
header, a binding's description, an argparse help text, print — must be wrapped in ``_()``
(or ``N_()``, translated where it is shown). A literal with no letter in it (" · ", "",
"%") speaks no language and may go bare.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parents[2]

# Call → which of its arguments are shown to the user: positional indexes, keyword names.
SHOWN: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "notify": ((0,), ("message", "title")),
    "print": ((0,), ()),
    "write": ((0,), ()),  # sys.stdout.write / sys.stderr.write
    "Label": ((0,), ("renderable",)),
    "Static": ((0,), ("content", "renderable")),
    "Button": ((0,), ("label",)),
    "Input": ((), ("placeholder",)),
    "TextArea": ((), ("placeholder",)),
    "Option": ((0,), ("prompt",)),
    "Checkbox": ((0,), ("label",)),
    "TabPane": ((0,), ("title",)),
    "Tab": ((0,), ("label",)),
    "Header": ((), ("title",)),
    "add_column": ((0,), ("label",)),
    "add_columns": ((0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ()),
    "Binding": ((2,), ("description", "tooltip")),
    "SystemCommand": ((0, 1), ("title", "help")),
    "Hit": ((2, 4), ("text", "help")),
    "DiscoveryHit": ((0, 2), ("display", "text", "help")),
    "ArgumentParser": ((), ("description", "epilog")),
    "add_argument": ((), ("help",)),
    "add_parser": ((), ("help", "description")),
    "add_argument_group": ((0, 1), ("title", "description")),
    "error": ((0,), ("message",)),
    "exit": ((1,), ("message",)),
    "Text": ((0,), ("text",)),
    "append": ((0,), ()),  # Text.append
    "update": ((0,), ()),  # Static.update
    "ConfirmDialog": ((0, 1), ()),
    "set_label": ((0,), ()),
}
# Attributes whose value is shown: widget.border_title = "…"
SHOWN_ATTRIBUTES = frozenset(
    {"border_title", "border_subtitle", "title", "sub_title", "placeholder", "tooltip"}
)
# Class attributes whose value is shown: the help screen's group titles.
SHOWN_NAMES = frozenset({"BINDING_GROUP_TITLE"})
# Literals that speak no language although they hold letters: the program's name, the
# letters naming the two sides of a comparison (A, B).
ALLOWED = frozenset({"govread", "A", "B"})


def _sources() -> Iterator[Path]:
    # parsers/ turns files into data (its strings are report text), it shows nothing.
    for folder in ("govread", "tui"):
        yield from sorted((ROOT / folder).rglob("*.py"))


def _has_words(text: str) -> bool:
    words = text.strip()
    if words.startswith("--") and " " not in words:  # a command-line option: --no-cache
        return False
    return any(ch.isalpha() for ch in words) and words not in ALLOWED


def _bare_text(node: ast.expr) -> str | None:
    """The language-bearing text of `node` when it is a bare literal (or f-string, or
    a concatenation / conditional of them), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return text if _has_words(text) else None
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or _bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    return None


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), str(path))


@pytest.fixture(scope="module", autouse=True)
def _trees_freed() -> Iterator[None]:
    """The trees are parsed once for the file's tests and dropped after them: hundreds of
    thousands of objects kept for the rest of the run made every later full collection of
    the worker (one per TUI test) walk them again."""
    yield
    _tree.cache_clear()


def escapes(path: Path, root: Path = ROOT) -> Iterator[str]:
    """``path:line: text`` for every user-facing literal in the file not in ``_()``."""
    tree = _tree(path)
    where = path.relative_to(root)
    for node in ast.walk(tree):
        shown: list[ast.expr] = []
        if isinstance(node, ast.Call) and (name := _name(node.func)) in SHOWN:
            positions, keywords = SHOWN[name]
            shown += [arg for i, arg in enumerate(node.args) if i in positions]
            shown += [kw.value for kw in node.keywords if kw.arg in keywords]
        elif isinstance(node, ast.Assign) and any(
            (isinstance(t, ast.Attribute) and t.attr in SHOWN_ATTRIBUTES)
            or (isinstance(t, ast.Name) and t.id in SHOWN_NAMES)
            for t in node.targets
        ):
            shown.append(node.value)
        for value in shown:
            if (text := _bare_text(value)) is not None:
                yield f"{where}:{value.lineno}: {text!r}"


def _checker() -> ModuleType:
    return load_script("tools/i18n_check.py")


def test_no_user_facing_literal_escapes_the_catalogue() -> None:
    found = [line for path in _sources() for line in escapes(path)]
    assert found == [], "\n".join(found)


def test_the_checker_sees_a_bare_literal(tmp_path: Path) -> None:
    """The test above can fail: bare literals in a notification, a label, a title are found;
    wrapped ones and symbols are not."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        'self.notify("Saved")\nStatic(_("ok"))\nx.border_title = f"{n} hits"\n'
        'Label(" · ")\nparser.add_argument("--x", help="the x")\n'
        'Binding("q", "quit", N_("Quit"), tooltip="Leave")\n'
    )
    found = [line.split(": ", 1)[1] for line in sorted(escapes(probe, tmp_path))]
    assert found == ["'Saved'", "' hits'", "'the x'", "'Leave'"]


def test_a_module_using_the_catalogue_never_rebinds_underscore() -> None:
    """``for _ in …`` or ``a, _ = …`` in a module that imports `_` would replace the
    translation function with a value."""
    rebound = []
    for path in _sources():
        tree = _tree(path)
        imports = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "govread.i18n"
            and any(alias.name == "_" for alias in node.names)
            for node in ast.walk(tree)
        )
        if not imports:
            continue
        for node in ast.walk(tree):
            stored = (
                isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
            )
            if stored or (isinstance(node, ast.arg) and node.arg == "_"):
                rebound.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert rebound == []


def test_every_message_id_has_a_chinese_entry_and_every_entry_is_used() -> None:
    missing, unused, mismatched = _checker().problems()
    assert missing == [], "run python tools/i18n_check.py"
    assert unused == [], "run python tools/i18n_check.py"
    assert mismatched == []


def test_the_checker_tool_exits_zero_when_the_catalogue_is_whole() -> None:
    assert _checker().main(["--quiet"]) == 0


@pytest.mark.parametrize("text", ["{n} reports", "{path}: {reason}", "no fields"])
def test_placeholders_are_read_as_format_fields(text: str) -> None:
    expected = {"{n} reports": {"n"}, "{path}: {reason}": {"path", "reason"}}
    assert _checker().placeholders(text) == expected.get(text, set())

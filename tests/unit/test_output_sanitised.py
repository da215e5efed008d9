"""Every place govread writes to the terminal goes through the sanitiser (read from the code).

The end-to-end tests (test_display_cli.py, tests/tui/test_display_hostile.py) prove the
outputs they exercise; this one makes sure no output call escapes the rule unnoticed:

- `print(...)`, `sys.stdout.write(...)`, `sys.stderr.write(...)` in govread/, tui/ and themes/
  print only string literals, or f-strings whose every value is sanitised (or a count), or the
  result of a sanitising function; the few exceptions are listed below with the reason;
- in the TUI every `notify` reaches `GovreadApp.notify`, which sanitises and never reads markup;
- no markup is ever built from strings: no `from_markup`, no `Static(f"…")` / `Label(f"…")`,
  no `markup=True`.
"""

from __future__ import annotations

import ast
import functools
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

import govread

ROOT = Path(govread.__file__).resolve().parent.parent
FOLDERS = ("govread", "tui", "themes")

# Functions whose result is safe to print.
SANITISING = {
    "sanitize",
    "sanitize_line",
    "sanitize_path",
    "dumps_json",
    "escape_toml",
    "error_line",  # govread.cli: `govread: error: ` and a sanitised line
    "skipped_line",  # govread.cli: `govread: skipped: ` and a sanitised line
    "banner",  # govread.commands.serve: its URL line through sanitize, then a fixed line
    "exposure_warning",  # govread.commands.serve: a fixed line, the host through sanitize
}
# The message catalogue's functions (govread.i18n): their text is govread's own.
TRANSLATING = {"_", "_n"}
# Values inside f-strings that cannot hold text from outside.
SAFE_VALUES = {"len", "int", "noun", "prefix"}
# (file, function, printed expression): why it is safe.
EXCEPTIONS = {
    # Each line of the outline goes through sanitize_line / sanitize_path (_text_outline).
    ("govread/cli.py", "run_outline", "_text_outline(report)"),
    # A comparison's export: TOML from govread.export.dumps (escape_toml), CSV and JSON
    # Lines from govread.tabular (every cell through sanitize), JSON from dumps_json; the
    # export command writes every format through govread.records.write_utf8 (sanitize).
    ("govread/commands/compare.py", "_write_out", "text"),
    # Exports and references written by govread.records.write_utf8: every line through
    # sanitize (terminal_safe), the BOM and CRLF line ends of a CSV kept.
    ("govread/records.py", "write_utf8", "text"),
    # The export command's text, spooled after passing through terminal_safe (as above).
    ("govread/records.py", "write_utf8_from", "text"),
}
# (file, function): f-strings whose other values are counts and fixed words.
COUNTS_ONLY = {
    ("govread/commands/index.py", "run"),
    ("govread/commands/search.py", "_search_store"),
}


def _sources() -> Iterator[tuple[str, ast.Module]]:
    return iter(_parsed())


@functools.cache
def _parsed() -> tuple[tuple[str, ast.Module], ...]:
    """Every module parsed once for the file's tests (≈ 1 s of CPU each time), dropped
    after them (`_trees_freed`)."""
    return tuple(_parse_all())


@pytest.fixture(scope="module", autouse=True)
def _trees_freed() -> Iterator[None]:
    """The trees are hundreds of thousands of objects: kept for the rest of the run, they
    made every later full collection of the worker (one per TUI test) walk them again."""
    yield
    _output_calls.cache_clear()
    _parsed.cache_clear()


def _parse_all() -> Iterator[tuple[str, ast.Module]]:
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            # Installed, the card's folders sit inside the package (govread/tui/…): name
            # them as in the source tree, so the exceptions below read the same either way.
            for folder_inside in ("tui/", "themes/", "parsers/"):
                relative = relative.replace(f"govread/{folder_inside}", folder_inside, 1)
            yield relative, ast.parse(path.read_text("utf-8"), relative)


@functools.cache
def _output_calls() -> tuple[tuple[str, str, ast.Call], ...]:
    """Each output call (`_is_output`) with its file and each function that holds it (an
    inner function's call is its outer function's too), in one walk of every tree."""
    found: list[tuple[str, str, ast.Call]] = []

    def visit(relative: str, node: ast.AST, functions: tuple[str, ...]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions = (*functions, node.name)
        elif isinstance(node, ast.Call) and _is_output(node):
            found.extend((relative, function, node) for function in functions)
        for child in ast.iter_child_nodes(node):
            visit(relative, child, functions)

    for relative, tree in _sources():
        visit(relative, tree, ())
    return tuple(found)


def _name(call: ast.expr) -> str:
    if isinstance(call, ast.Name):
        return call.id
    if isinstance(call, ast.Attribute):
        return call.attr
    return ""


def _safe(expression: ast.expr) -> bool:
    if isinstance(expression, ast.Constant):
        return True
    if isinstance(expression, ast.JoinedStr):
        return all(
            _safe_value(part.value)
            for part in expression.values
            if isinstance(part, ast.FormattedValue)
        )
    if isinstance(expression, ast.BinOp):
        return _safe(expression.left) and _safe(expression.right)
    if isinstance(expression, ast.IfExp):
        return _safe(expression.body) and _safe(expression.orelse)
    if isinstance(expression, ast.Call):
        if _name(expression.func) in SANITISING | TRANSLATING:
            return True
        # _("… {name} …").format(name=value): safe when every value is
        func = expression.func
        return (
            isinstance(func, ast.Attribute)
            and func.attr == "format"
            and _safe(func.value)
            and all(_safe_value(a) or _safe(a) for a in expression.args)
            and all(_safe_value(k.value) or _safe(k.value) for k in expression.keywords)
        )
    return False


def _safe_value(value: ast.expr) -> bool:
    if isinstance(value, ast.Call):
        return _name(value.func) in SANITISING | SAFE_VALUES
    return isinstance(value, ast.Name) and value.id in SAFE_VALUES


def _counts_only(expression: ast.expr) -> bool:
    """An f-string, or a translated ``_("…").format(…)``, whose values are sanitised or
    plain names and attributes (counts)."""

    def count(value: ast.expr) -> bool:
        return _safe_value(value) or _safe(value) or isinstance(value, ast.Name | ast.Attribute)

    if isinstance(expression, ast.Call):
        func = expression.func
        return (
            isinstance(func, ast.Attribute)
            and func.attr == "format"
            and _safe(func.value)
            and all(count(a) for a in expression.args)
            and all(count(k.value) for k in expression.keywords)
        )
    return isinstance(expression, ast.JoinedStr) and all(
        count(part.value) for part in expression.values if isinstance(part, ast.FormattedValue)
    )


def _is_output(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "print":
        return True
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "write"
        and isinstance(func.value, ast.Attribute)
        and func.value.attr in ("stdout", "stderr")
    )


def test_every_print_is_sanitised() -> None:
    unsafe = []
    checked = 0
    for relative, function, call in _output_calls():
        checked += 1
        for argument in call.args:
            shown = ast.unparse(argument)
            if (relative, function) in COUNTS_ONLY and _counts_only(argument):
                continue
            if not _safe(argument) and (relative, function, shown) not in EXCEPTIONS:
                unsafe.append(f"{relative}:{call.lineno} {function}: {shown}")
    assert checked >= 15  # the test sees the CLI's outputs
    assert unsafe == []


def test_exceptions_still_exist() -> None:
    """An exception that no longer matches any code is removed from the list."""
    seen = set()
    for relative, function, call in _output_calls():
        seen.update((relative, function, ast.unparse(a)) for a in call.args)
    assert seen >= EXCEPTIONS


def test_every_notification_goes_through_the_sanitising_notify() -> None:
    from govread.tui.app import GovreadApp

    source = inspect.getsource(GovreadApp.notify)
    assert "sanitize(message)" in source and "markup=False" in source
    bypass = []
    for relative, tree in _sources():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _name(call.func) != "notify":
                continue
            func = call.func
            assert isinstance(func, ast.Attribute)
            owner = ast.unparse(func.value)
            # self.notify / app.notify / self.app.notify / self.screen.notify all end in
            # GovreadApp.notify; only GovreadApp.notify itself calls Textual's.
            if (owner == "super()" and relative != "tui/app.py") or owner in ("App", "Widget"):
                bypass.append(f"{relative}:{call.lineno} {ast.unparse(call)[:60]}")
    assert bypass == []


def test_no_markup_is_built_from_strings() -> None:
    found = []
    for relative, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name == "from_markup":
                found.append(f"{relative}:{node.lineno} from_markup")
            if (
                name in ("Static", "Label")
                and node.args
                and isinstance(node.args[0], ast.JoinedStr)
            ):
                found.append(f"{relative}:{node.lineno} {name}(f-string)")
            for keyword in node.keywords:
                if keyword.arg == "markup" and not (
                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                ):
                    if relative == "tui/app.py" and name == "notify":
                        continue  # GovreadApp.notify's own parameter, ignored
                    found.append(f"{relative}:{node.lineno} markup={ast.unparse(keyword.value)}")
    assert found == []

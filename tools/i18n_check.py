"""List the message ids the code uses that the Chinese catalogue lacks, and its unused entries.

    python tools/i18n_check.py            missing ids (ready to paste into the catalogue,
                                          with an empty translation) and unused entries;
                                          exit status 1 when there are any
    python tools/i18n_check.py --quiet    the exit status only

A message id is the string literal given to ``_()`` or ``N_()``, or the plural given to
``_n(singular, plural, n)`` (`govread.i18n`), in the sources (``govread/``, ``parsers/``, ``tui/``). The catalogue is
``govread/data/messages/zh.toml``; a translation must keep the id's ``{placeholders}``.
"""

from __future__ import annotations

import ast
import json
import string
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("govread", "parsers", "tui")
CATALOGUE = ROOT / "govread" / "data" / "messages" / "zh.toml"
MARKERS = {"_": 0, "N_": 0, "_n": 1}  # marker → which argument is the message id


def source_files(root: Path = ROOT) -> Iterator[Path]:
    for folder in SOURCES:
        yield from sorted((root / folder).rglob("*.py"))


@cache
def _calls(path: Path) -> tuple[ast.Call, ...]:
    """The calls of the catalogue's functions in the file (each file parsed once)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    return tuple(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in MARKERS
    )


def message_ids(path: Path) -> Iterator[tuple[str, int]]:
    """(message id, line) for every ``_("…")`` / ``N_("…")`` / ``_n("…", "…", n)`` in the
    file."""
    for node in _calls(path):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
        ):
            continue
        index = MARKERS[node.func.id]
        if len(node.args) > index:
            argument = node.args[index]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield argument.value, node.lineno


def plural_pairs(path: Path) -> Iterator[tuple[str, str]]:
    """(singular, plural) for every ``_n`` in the file, to check their placeholders agree."""
    for node in _calls(path):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_n"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        ):
            singular, plural = node.args[0], node.args[1]
            assert isinstance(singular, ast.Constant) and isinstance(plural, ast.Constant)
            yield singular.value, plural.value


def used_ids(root: Path = ROOT) -> dict[str, str]:
    """Every message id in the sources → where it is first used (``path:line``)."""
    found: dict[str, str] = {}
    for path in source_files(root):
        for message, line in message_ids(path):
            found.setdefault(message, f"{path.relative_to(root)}:{line}")
    return found


def load_catalogue(path: Path = CATALOGUE) -> dict[str, str]:
    return tomllib.loads(path.read_text("utf-8"))


def placeholders(message: str) -> set[str]:
    """The ``{name}`` fields of a message (``{{`` is a brace, not a field)."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(message) if name}


def problems(root: Path = ROOT, path: Path = CATALOGUE) -> tuple[list[str], list[str], list[str]]:
    """(missing ids, unused entries, entries whose placeholders differ from their id)."""
    used = used_ids(root)
    catalogue = load_catalogue(path)
    missing = [message for message in used if not catalogue.get(message)]
    unused = [message for message in catalogue if message not in used]
    mismatched = [
        message
        for message, translation in catalogue.items()
        if translation and placeholders(message) != placeholders(translation)
    ]
    mismatched += [
        f"{singular} / {plural}"
        for path in source_files(root)
        for singular, plural in plural_pairs(path)
        if not placeholders(singular) <= placeholders(plural)
    ]
    return missing, unused, mismatched


def toml_key(message: str) -> str:
    return json.dumps(message, ensure_ascii=False)


def main(argv: list[str]) -> int:
    used = used_ids()
    missing, unused, mismatched = problems()
    if "--quiet" not in argv:
        if missing:
            print(f"# {len(missing)} message ids without a Chinese translation:")
            for message in missing:
                print(f'{toml_key(message)} = ""  # {used[message]}')
        if unused:
            print(f"# {len(unused)} catalogue entries no code uses:")
            for message in unused:
                print(toml_key(message))
        if mismatched:
            print(f"# {len(mismatched)} translations whose {{placeholders}} differ from the id:")
            for message in mismatched:
                print(toml_key(message))
        if not (missing or unused or mismatched):
            print(f"the catalogue translates all {len(used)} message ids")
    return 1 if missing or unused or mismatched else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

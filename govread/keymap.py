"""The user's keymap: the ``[keymap]`` table of config.toml, binding id → keys.

    [keymap]
    "browser.filter" = "slash,ctrl+f"
    "app.quit" = "ctrl+x"

Each value is a comma-separated list of keys, each a key name (``slash``, ``f1``,
``pagedown``) or one character (``/``, ``?``, ``G``), after optional modifiers
(``ctrl+``, ``shift+``, ``alt+``, ``meta+``, ``super+``, ``hyper+``). Here the table is
checked for its form only; which binding ids exist is the TUI's to say.
"""

from __future__ import annotations

from collections.abc import Mapping

from govread.i18n import _
from govread.sanitize import sanitize_line as sanitize  # the shared sanitiser, one line

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
MAX_KEYS = 8  # keys for one binding
MAX_NAME = 32  # characters in a key name
MAX_ENTRIES = 500  # entries read from the table (there are fewer than 100 bindings)
SHOWN = 5  # ignored entries named in the warning


def key_problem(key: str) -> str | None:
    """Why `key` (one key, with its modifiers) is not a key, or None when it is."""
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    if not name:
        return _("ends with '+'")
    if any(modifier not in MODIFIERS for modifier in modifiers):
        return _("unknown modifier")
    if len(modifiers) != len(set(modifiers)):
        return _("a modifier twice")
    if len(name) == 1:
        return None if name.isprintable() and not name.isspace() and name != "," else _("not a key")
    if len(name) > MAX_NAME or not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in name):
        return _("not a key name")
    return None


def keys_problem(keys: str) -> str | None:
    """Why `keys` (a comma-separated list) cannot be bound, or None when it can."""
    found = [key.strip() for key in keys.split(",", MAX_KEYS)]
    if len(found) > MAX_KEYS:
        return _("more than {n} keys").format(n=MAX_KEYS)
    for key in found:
        if not key:
            return _("an empty key")
        if problem := key_problem(key):
            return problem
    return None


def read_keymap(value: object, source: str) -> tuple[dict[str, str], list[str]]:
    """The valid entries of a ``[keymap]`` table, and at most one warning about the others.

    `source` names the file in the warning.
    """
    if value is None:
        return {}, []
    if not isinstance(value, Mapping):
        return {}, [
            _('{source}: [keymap] must be a table of "binding.id" = "keys"; ignored').format(
                source=sanitize(source)
            )
        ]
    keymap: dict[str, str] = {}
    ignored: list[str] = []
    for count, (binding_id, keys) in enumerate(value.items()):
        if count >= MAX_ENTRIES:
            ignored.append(_("{n} more entries").format(n=len(value) - MAX_ENTRIES))
            break
        if not isinstance(keys, str):
            ignored.append(_("{id} (the keys must be a string)").format(id=repr(binding_id)))
        elif problem := keys_problem(keys):
            ignored.append(f"{binding_id!r} = {keys!r} ({problem})")
        else:
            keymap[str(binding_id)] = ",".join(key.strip() for key in keys.split(","))
    return keymap, [ignored_warning(source, ignored)] if ignored else []


def ignored_warning(source: str, ignored: list[str]) -> str:
    """One line naming the keymap entries ignored (the first few, then how many more)."""
    shown = ", ".join(ignored[:SHOWN])
    if len(ignored) > SHOWN:
        shown += _(" and {n} more").format(n=len(ignored) - SHOWN)
    return sanitize(
        _("{source}: [keymap] entries ignored: {entries}").format(source=source, entries=shown)
    )

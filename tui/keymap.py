"""The user's keymap in the TUI: which binding ids exist, and keys in Textual's spelling.

Every `Binding` of the TUI has an id (``"browser.filter"``, ``"app.quit"``); the
``[keymap]`` table of config.toml (read by `govread.keymap`) gives some of them other keys,
applied with Textual's ``App.set_keymap``. The footer and the help screen show the keys in
force.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from dataclasses import dataclass
from functools import cache

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import (
    ASCII_KEY_NAMES,
    KEY_DISPLAY_ALIASES,
    KEY_NAME_REPLACEMENTS,
    Keys,
    key_to_character,
)

from govread.i18n import _
from govread.keymap import ignored_warning
from govread.sanitize import sanitize_line


@dataclass(frozen=True)
class BindingInfo:
    """What a binding id stands for: where it works, what it does, its default keys."""

    id: str
    where: str
    description: str
    keys: str


@cache
def bindings_by_id() -> dict[str, BindingInfo]:
    """Every binding id of the TUI (imports every module of `govread.tui`, once)."""
    import govread.tui as package

    found: dict[str, BindingInfo] = {}
    modules = pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    for name in sorted(info.name for info in modules):
        module = importlib.import_module(name)
        for value in vars(module).values():
            if not (isinstance(value, type) and issubclass(value, DOMNode)):
                continue
            if value.__module__ != module.__name__:
                continue
            for binding in value.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id and binding.id not in found:
                    found[binding.id] = BindingInfo(
                        binding.id,
                        value.BINDING_GROUP_TITLE or value.__name__,
                        binding.description,
                        binding.key,
                    )
    return found


# The help screen and the footer draw some keys otherwise than Textual names them: written
# so in [keymap] (`pgdn`, `esc`, `⏎`, `↓`, `^p`), they mean those keys.
_DRAWN = {drawn: key for key, drawn in KEY_DISPLAY_ALIASES.items() if drawn != key}
# The keys Textual names by a word (`pagedown`, `f1`, `slash`); one character names itself.
_NAMED_KEYS = frozenset(
    {key.value for key in Keys if key.value.isidentifier()} | set(KEY_NAME_REPLACEMENTS.values())
)


def key_name(key: str) -> str:
    """A key in Textual's spelling: ``?`` is ``question_mark``, ``ctrl+/`` ``ctrl+slash``;
    as the help screen draws it, ``pgdn`` is ``pagedown``, ``^p`` ``ctrl+p``."""
    if len(key) > 1 and key.startswith("^"):
        key = "ctrl+" + key[1:]
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    if name in _DRAWN:
        name = _DRAWN[name]
    elif len(name) == 1 and not name.isalnum():
        try:
            name = unicodedata.name(name).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            name = ASCII_KEY_NAMES.get(name, name)
        name = KEY_NAME_REPLACEMENTS.get(name, name)
    return "+".join([*modifiers, name])


def is_key(name: str) -> bool:
    """Whether Textual has a key of this name (modifiers aside; in its spelling)."""
    name = name.rpartition("+")[2]
    if len(name) == 1 or name in _NAMED_KEYS:
        return True
    character = key_to_character(name)  # question_mark, number_sign …
    return character is not None and character.isprintable()


def user_keymap(keymap: dict[str, str], source: str) -> tuple[dict[str, str], list[str]]:
    """The entries naming a binding that exists, keys in Textual's spelling; a warning
    naming the others."""
    known = bindings_by_id() if keymap else {}
    usable: dict[str, str] = {}
    unknown: list[str] = []
    for binding_id, keys in keymap.items():
        names = [key_name(key) for key in keys.split(",")]
        if binding_id not in known:
            unknown.append(_("{id} (no such binding)").format(id=repr(binding_id)))
        elif strange := [
            key for key, name in zip(keys.split(","), names, strict=True) if not is_key(name)
        ]:
            unknown.append(
                _("{id} (no such key: {key})").format(id=repr(binding_id), key=strange[0])
            )
        else:
            usable[binding_id] = ",".join(names)
    warnings = [ignored_warning(source, unknown)] if unknown else []
    if shared := _shared_keys(usable, known):
        warnings.append(
            sanitize_line(
                _(
                    "{source}: [keymap] one key for two bindings, only one of which gets it: {keys}"
                ).format(source=source, keys="; ".join(shared))
            )
        )
    return usable, warnings


def _shared_keys(usable: dict[str, str], known: dict[str, BindingInfo]) -> list[str]:
    """Each key the user's entries give to a binding that another binding of the same place
    (help group: the browser, the outline …) also has, with both ids: ``q (browser.compare,
    browser.quit)``. Keys two bindings share by default are not the user's doing."""
    holders: dict[tuple[str, str], list[str]] = {}
    for binding_id, info in known.items():
        keys = usable.get(binding_id) or ",".join(key_name(k.strip()) for k in info.keys.split(","))
        for key in dict.fromkeys(keys.split(",")):
            holders.setdefault((info.where, key), []).append(binding_id)
    return [
        f"{key} ({', '.join(sorted(ids))})"
        for (_where, key), ids in holders.items()
        if len(ids) > 1 and any(i in usable and key in usable[i].split(",") for i in ids)
    ]

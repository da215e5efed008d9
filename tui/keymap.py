"""The user's keymap in the TUI: which binding ids exist, and keys in Textual's spelling.

Every `Binding` of the TUI has an id (``"browser.filter"``, ``"app.quit"``); the
``[keymap]`` table of config.toml (read by `govread.keymap`) gives some of them other keys,
applied with Textual's ``App.set_keymap``. The footer and the help screen show the keys in
force, and so does every line of text that names a key (a dialog's hints, an empty list's
advice, a tooltip): it is written with the binding's id as a field, ``{marks.unmark} unmark``,
and `keys_in` fills it with the keys the binding has now.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Iterable
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

from govread.i18n import N_, _
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


# -- the keys in force, in the lines that name them ------------------------------------------

# A key as a line of text names it: arrows as arrows, a sign as itself, enter and space in the
# interface's words; any other by its name (escape, delete, tab, ctrl+s, f1).
_ARROWS = {"up": "↑", "down": "↓", "left": "←", "right": "→"}
_WORDS = {"enter": N_("enter"), "space": N_("space")}
NO_KEY = "—"  # a binding left with no key (the user gave its keys to others)


def spelled(key: str) -> str:
    """`key` (Textual's spelling) as the hint lines write it: ``escape``, ``↑``, ``#``,
    ``ctrl+s``, ``enter`` (``回车`` in Chinese)."""
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    if name in _ARROWS:
        name = _ARROWS[name]
    elif name in _WORDS:
        name = _(_WORDS[name])
    elif len(name) > 1:
        character = key_to_character(name)  # question_mark, number_sign, minus …
        if character is not None and character.isprintable() and not character.isspace():
            name = character
    return sanitize_line("+".join([*modifiers, name]))


@cache
def _declared(cls: type[DOMNode]) -> dict[str, tuple[str, ...]]:
    """The binding ids `cls` declares (its bases' too), each with its keys."""
    found: dict[str, tuple[str, ...]] = {}
    for klass in reversed(cls.__mro__):
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                found[binding.id] = tuple(key_name(k.strip()) for k in binding.key.split(","))
    return found


def _live_classes(node: DOMNode) -> Iterable[type[DOMNode]]:
    """The classes whose bindings are in reach from `node`: its own, those of every widget
    of the screens open (the nearest first), the app's."""
    yield type(node)
    app = node.app
    for screen in reversed(app.screen_stack):
        yield type(screen)
        for widget in screen.walk_children():
            yield type(widget)
    yield type(app)


def keys_now(node: DOMNode, binding_id: str) -> tuple[str, ...]:
    """The keys `binding_id` has in `node`'s app (Textual's spelling): the user's keymap
    gives them, else the binding's own less those the keymap gave another binding of the
    same place (Textual takes them from it). KeyError: no such binding."""
    keymap: dict[str, str] = getattr(node.app, "keymap", None) or {}
    if binding_id in keymap:
        return tuple(keymap[binding_id].split(","))
    for cls in dict.fromkeys(_live_classes(node)):
        declared = _declared(cls)
        if binding_id in declared:
            break
    else:  # a binding of a screen not open: found among all of them (imports them all)
        info = bindings_by_id()[binding_id]
        declared = {binding_id: tuple(key_name(k.strip()) for k in info.keys.split(","))}
    taken = {
        key
        for other in declared
        if other != binding_id and other in keymap
        for key in keymap[other].split(",")
    }
    return tuple(key for key in declared[binding_id] if key not in taken)


class _Keys:
    """A binding's keys in a format field: all of them (``space/delete``), or with the spec
    ``first`` only the first (``escape`` of ``escape,q,m``)."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self._keys = keys

    def __format__(self, spec: str) -> str:
        keys = self._keys[:1] if spec == "first" else self._keys
        return "/".join(spelled(key) for key in keys) or NO_KEY


class _Place:
    """The first half of a binding id in a format field (``marks`` of ``{marks.unmark}``)."""

    def __init__(self, node: DOMNode, place: str) -> None:
        self._node, self._place = node, place

    def __getattr__(self, name: str) -> _Keys:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Keys(keys_now(self._node, f"{self._place}.{name}"))

    def __format__(self, spec: str) -> str:  # a plain field the caller did not give
        raise KeyError(self._place)


class _Fields(dict[str, object]):
    def __init__(self, node: DOMNode, fields: dict[str, object]) -> None:
        super().__init__(fields)
        self._node = node

    def __missing__(self, place: str) -> _Place:
        return _Place(self._node, place)


def keys_in(node: DOMNode, text: str, **fields: object) -> str:
    """`text` (translated) with its binding fields filled with the keys the bindings have
    in `node`'s app, ``{marks.unmark} unmark`` → ``u unmark``, ``{marks.close:first}`` with
    the first key only; its other fields from `fields`. Text naming a binding that does not
    exist is given back as written (a test checks the catalogue names none)."""
    if "{" not in text:  # most tooltips: nothing to fill
        return text
    try:
        return text.format_map(_Fields(node, fields))
    except (KeyError, AttributeError, ValueError, IndexError):
        return text

"""Text in, plain data out: readers, normalisation and the report parser.

Nothing here imports Textual; everything here is pure and safe on any input.

The names below are imported when first asked for (PEP 562), so that importing the data
model (`govread.parsers.model`) or the version does not import the whole parser: the
browser's first paint and the cached command-line paths need neither.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Imported now: the function shares its module's name, which importing the module (as any
# caller may) would otherwise bind here instead. It is small and imports nothing heavy.
from govread.parsers.normalize import normalize

if TYPE_CHECKING:
    from govread.parsers.model import Item, Report, Section
    from govread.parsers.outline import parse_text
    from govread.parsers.version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "Item", "Report", "Section", "normalize", "parse_text"]

_HOMES = {
    "PARSER_VERSION": "version",
    "Item": "model",
    "Report": "model",
    "Section": "model",
    "parse_text": "outline",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value

"""A fingerprint of the code and data that compute a stored result.

A cache or store row computed by other code must never be read back as if it were current:
the figure finder, the theme lexicon or the segmenter can change while the parser's version
stays. Hashing the source of the modules that compute a row (and the data files they read)
makes every such change a new key, with nobody having to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

_PACKAGE = Path(__file__).parent


def code_fingerprint(modules: Sequence[str], data: Sequence[str] = ()) -> str:
    """Hex digest of the govread modules `modules` (paths under ``govread/``, without
    ``.py``) and the package data files `data` (names under ``govread/data/``).

    A file that cannot be read (a zip import, say) adds its name instead: the key is then
    stable for that installation, which is what a cache needs.
    """
    digest = hashlib.sha256()
    for name in modules:
        try:
            digest.update((_PACKAGE / f"{name}.py").read_bytes())
        except OSError:
            digest.update(f"{name}: unreadable".encode())
    if not data:
        return digest.hexdigest()
    from importlib import resources  # only here: the outline command's warm path needs none

    folder = resources.files("govread").joinpath("data")
    for name in data:
        try:
            digest.update(folder.joinpath(name).read_bytes())
        except OSError:
            digest.update(f"{name}: unreadable".encode())
    return digest.hexdigest()

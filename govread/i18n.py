"""One interface language at a time: every user-facing string goes through `_`.

The English text is the message id; the catalogue maps it to the chosen language.
This first version returns the id unchanged, so code written against it already
speaks through the catalogue (issue 12 item 6 fills it in).
"""

from __future__ import annotations


def _(message: str) -> str:
    """The user-facing `message` in the interface language."""
    return message

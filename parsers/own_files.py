"""Files govread writes itself, which are never reports, known by their first line.

A govread export (``govread-export/N``, TOML) opens with ``format = "govread-export/1"``,
whatever name it was saved under (``-o mymarks``, ``notes.txt``): the readers refuse it as
a report, and the browser and ``govread FILE`` restore its marks instead. Bytes in, a
yes or no out; imports nothing, so the browser can ask before it loads the readers.
"""

from __future__ import annotations

# How much of a file's start is looked at: the format line comes first in what govread
# writes; a hand-edited export may put comments or blank lines before it.
HEAD_BYTES = 4096

EXPORT_FORMAT_FAMILY = "govread-export/"
_FAMILY = EXPORT_FORMAT_FAMILY.encode("ascii")
_BOM = b"\xef\xbb\xbf"
_SPACE = b" \t"


def is_govread_export(head: bytes) -> bool:
    """Whether bytes (a file's first `HEAD_BYTES` or more) are a govread export: after an
    optional BOM, blank lines and TOML comments, the first line is ``format = "govread-export/…``
    (either quote, any spaces around ``=``). No regular expression: a loop over lines."""
    head = head[:HEAD_BYTES]
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
    for raw in head.split(b"\n"):
        line = raw.strip(b" \t\r")
        if not line or line.startswith(b"#"):
            continue
        if not line.startswith(b"format"):
            return False
        rest = line[len(b"format") :].lstrip(_SPACE)
        if not rest.startswith(b"="):
            return False
        rest = rest[1:].lstrip(_SPACE)
        return rest[:1] in (b'"', b"'") and rest[1:].startswith(_FAMILY)
    return False

"""One guarded reader for every file govread keeps or is handed as state.

marks.json, config.toml, user themes, export files restored with ``govread FILE.toml``,
the report cache's entries and the segment cache files all come from disk, where anything
may be waiting: a FIFO or ``/dev/zero`` under the expected name, a 2 GB sparse file, text
nested 100,000 levels deep (which makes Python's parsers raise RecursionError), a key of
100,000 dotted parts (quadratic in tomllib), a 5,000-digit number (int's digit limit
raises ValueError). Everything here checks before it trusts, in this order:

1. type: only a regular file is read (after symlinks); a FIFO, device or folder is
   refused at once, without blocking on it;
2. size: a cap per kind of file, checked on the open descriptor and while reading;
3. text: UTF-8;
4. nesting: brackets outside strings counted before parsing, and the parsed document's
   depth checked without recursion;
5. parse: `json` / `tomllib`, every exception they raise turned into one line;
6. numbers: integers beyond 64 bits refused (no digit-limit ValueError later);
7. fields: `field` checks a key's type for the module that knows what it expects.

Every refusal is a `StateFileError` whose ``str()`` is one line naming the file. Files that
govread owns and rewrites (marks, config) are then set aside (`set_aside`:
``marks.json.bad-<timestamp>``) so the next start is clean; a user's own files (themes,
exports) are only reported. No Textual here: the CLI and the TUI share it.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
import tomllib
from collections.abc import Callable, Mapping
from itertools import accumulate
from pathlib import Path
from typing import Any, Literal, TypeVar

from govread.i18n import N_, _
from govread.sanitize import sanitize_line, sanitize_path

# Deeper than this, a state file is refused. govread's own files nest at most 5 levels
# (an export's pair → side → node → figures → figure); 64 leaves room for hand-written ones.
MAX_DEPTH = 64
# Dots outside strings and comments on one TOML line: a dotted key of n parts costs
# tomllib O(n²), so 100,000 parts would take minutes; real keys have a handful.
MAX_DOTS_PER_LINE = 64
# Integers beyond 64 bits are refused (TOML's own range; JSON has no use for more).
MAX_INT = 2**63 - 1
MIN_INT = -(2**63)
_MAX_INT_DIGITS = 20  # enough for any 64-bit integer, sign aside

# Size caps per kind of file, in bytes. Generous against real use (measured: 100,000 marks
# are 3.3 MB; a 1,000-report export ≈ 60 MB), small enough that reading cannot exhaust memory.
MAX_MARKS_BYTES = 64 * 2**20
MAX_CONFIG_BYTES = 1 * 2**20
MAX_THEME_BYTES = 256 * 2**10
MAX_EXPORT_BYTES = 256 * 2**20
MAX_SEGMENTS_BYTES = 64 * 2**20
MAX_CACHE_ENTRY_BYTES = 64 * 2**20

Syntax = Literal["json", "toml"]
T = TypeVar("T")


def sanitize(text: str) -> str:
    """A path or message as one safe line: the project's sanitiser (`govread.sanitize`)."""
    return sanitize_line(text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as one printable line (undecodable bytes as ``\\xff``, controls escaped)."""
    return sanitize_path(path)


class StateFileError(Exception):
    """A state file that cannot be used; ``str()`` is ``"<path>: <reason>"`` on one line.

    `unreadable` is True when the file could not be opened or read (permissions, I/O):
    such a file is left alone, and not overwritten either, since it may be fine.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, *, unreadable: bool = False):
        self.path = str(path)
        self.reason = reason
        self.unreadable = unreadable
        # A fixed reason is a message id (N_), shown in the interface language.
        super().__init__(f"{display_path(path)}: {_(reason)}")


# -- reading ---------------------------------------------------------------------------


def describe_type(mode: int) -> str:
    """What a file that is not a regular one is (a message id: \"a folder\" …)."""
    if stat.S_ISDIR(mode):
        return N_("a folder")
    if stat.S_ISFIFO(mode):
        return N_("a FIFO (named pipe)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("a device")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    return N_("not a regular file")


def _size(count: int) -> str:
    for unit in ("bytes", "KiB", "MiB"):
        if count < 1024 or unit == "MiB":
            return f"{count} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024  # type: ignore[assignment]
    raise AssertionError  # pragma: no cover


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int) -> bytes | None:
    """The bytes of a regular file of at most `max_bytes`, or None when it does not exist.

    Raises `StateFileError` for anything else: not a regular file (checked on the open
    descriptor, and the open never blocks on a FIFO), too large, or unreadable.
    """
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_NOCTTY", 0)
    )
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except IsADirectoryError:  # a folder is the user's: left alone, never replaced
        raise StateFileError(path, N_("cannot be read (is a folder)"), unreadable=True) from None
    except OSError as error:
        raise StateFileError(
            path,
            _("cannot be read ({reason})").format(reason=_(_os_reason(error))),
            unreadable=True,
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise StateFileError(path, N_("cannot be read (is a folder)"), unreadable=True)
        if not stat.S_ISREG(info.st_mode):
            raise StateFileError(
                path,
                _("is {kind}, not a regular file").format(kind=_(describe_type(info.st_mode))),
            )
        if info.st_size > max_bytes:
            raise StateFileError(
                path,
                _("is too large ({size}; at most {limit})").format(
                    size=_size(info.st_size), limit=_size(max_bytes)
                ),
            )
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:  # the size may change while reading: never read past the cap
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise StateFileError(
                path, _("is too large (over {size})").format(size=_size(max_bytes))
            )
        return b"".join(chunks)
    except OSError as error:
        raise StateFileError(
            path,
            _("cannot be read ({reason})").format(reason=_(_os_reason(error))),
            unreadable=True,
        ) from None
    finally:
        os.close(fd)


def _os_reason(error: OSError) -> str:
    from govread.atomic import describe_os_error

    return describe_os_error(error)


def decode(path: str | os.PathLike[str], data: bytes) -> str:
    """The file's text; a leading byte-order mark (Notepad writes one) is no part of it."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise StateFileError(path, N_("is not UTF-8 text")) from None


# -- nesting, before parsing -----------------------------------------------------------

# Strings (and TOML comments) are removed in one C-speed pass before brackets are counted.
# Possessive repeats, and every string may also end at the end of the text (or of its
# line, for one-line TOML strings), so each attempt that starts at a quote succeeds: no
# retries, no backtracking, linear time on any input.
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_TOML_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]++|\\.|"(?!""))*+(?:"""|\\?\Z)'
    r"|'''(?:[^']++|'(?!''))*+(?:'''|\Z)"
    r'|"(?:[^"\\\n]++|\\.)*+(?:"|\\?(?=\n|\Z))'
    r"|'[^'\n]*+(?:'|(?=\n|\Z))"
    r"|#[^\n]*+",
    re.DOTALL,
)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _bracket_depth(structure: str) -> int:
    """The deepest nesting of brackets in text holding no strings (a parser stops at the
    first closing bracket too many, so going below zero only over-counts, never under)."""
    brackets = _NOT_BRACKET.sub("", structure)
    if not brackets:
        return 0
    return max(accumulate(map(_STEP.__getitem__, brackets)))


_TOO_DEEP = N_("nests deeper than {limit} levels")


def json_too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether brackets outside JSON strings nest deeper than `limit` (linear, no parse)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    return _bracket_depth(_JSON_STRING.sub("", text)) > limit


def toml_too_deep(text: str, limit: int = MAX_DEPTH, dots: int = MAX_DOTS_PER_LINE) -> str | None:
    """Why a TOML text would be too costly to parse, or None: brackets outside strings and
    comments nesting deeper than `limit`, or a line with more than `dots` dots outside
    strings (a key of very many dotted parts). Linear, no parse."""
    structure = _TOML_STRING_OR_COMMENT.sub("", text)
    if structure.count(".") > dots and any(
        line.count(".") > dots for line in structure.split("\n")
    ):
        return _("has a key of too many dotted parts")
    if structure.count("[") + structure.count("{") > limit and _bracket_depth(structure) > limit:
        return _(_TOO_DEEP).format(limit=limit)
    return None


# -- parsing ---------------------------------------------------------------------------


class _IntTooLarge(Exception):
    pass


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_INT_DIGITS:
        raise _IntTooLarge
    return int(digits)


def parse_json(path: str | os.PathLike[str], text: str) -> Any:
    """A JSON document, checked for depth and number sizes; `StateFileError` if not usable."""
    if json_too_deep(text):
        raise StateFileError(path, _(_TOO_DEEP).format(limit=MAX_DEPTH))
    try:
        document = json.loads(text, parse_int=_bounded_int)
    except _IntTooLarge:
        raise StateFileError(path, N_("holds a number too large")) from None
    except json.JSONDecodeError as error:
        raise StateFileError(
            path,
            _("is not JSON ({error} at line {line})").format(error=error.msg, line=error.lineno),
        ) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise StateFileError(
            path, _("is not usable JSON ({kind})").format(kind=type(error).__name__)
        ) from None
    _check_document(path, document)
    return document


def parse_toml(path: str | os.PathLike[str], text: str) -> dict[str, Any]:
    """A TOML document, checked for depth, key size and number sizes."""
    problem = toml_too_deep(text)
    if problem:
        raise StateFileError(path, problem)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StateFileError(
            path, _("is not valid TOML ({error})").format(error=sanitize(str(error)))
        ) from None
    except (ValueError, RecursionError, MemoryError) as error:  # e.g. int's digit limit
        reason = (
            N_("holds a number too large")
            if isinstance(error, ValueError)
            else N_("is too complex")
        )
        raise StateFileError(path, reason) from None
    _check_document(path, document)
    return document


def _check_document(path: str | os.PathLike[str], document: object) -> None:
    """Depth and integer range of a parsed document, walked without recursion."""
    stack: list[tuple[object, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            is_int = isinstance(value, int) and not isinstance(value, bool)
            if is_int and not MIN_INT <= value <= MAX_INT:  # type: ignore[operator]
                raise StateFileError(path, N_("holds a number too large"))
            continue
        if depth >= MAX_DEPTH:
            raise StateFileError(path, _(_TOO_DEEP).format(limit=MAX_DEPTH))
        stack.extend((child, depth + 1) for child in children)


def load_json(path: str | os.PathLike[str], *, max_bytes: int) -> Any | None:
    """The JSON document in a state file, or None when there is none."""
    data = read_bytes(path, max_bytes=max_bytes)
    return None if data is None else parse_json(path, decode(path, data))


def load_toml(path: str | os.PathLike[str], *, max_bytes: int) -> dict[str, Any] | None:
    """The TOML table in a state file, or None when there is none."""
    data = read_bytes(path, max_bytes=max_bytes)
    return None if data is None else parse_toml(path, decode(path, data))


# -- fields ----------------------------------------------------------------------------


def field(
    path: str | os.PathLike[str],
    table: Mapping[str, Any],
    key: str,
    kind: type[T] | tuple[type, ...],
    what: str,
) -> T | None:
    """``table[key]`` when it has the expected type, None when absent; `StateFileError`
    saying ``'key' must be <what>`` otherwise (a bool is never taken for a number)."""
    if key not in table:
        return None
    value = table[key]
    wanted = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in wanted:
        raise StateFileError(path, _("{key} must be {what}").format(key=repr(key), what=_(what)))
    if not isinstance(value, wanted):
        raise StateFileError(path, _("{key} must be {what}").format(key=repr(key), what=_(what)))
    return value  # type: ignore[return-value]


# -- setting aside ---------------------------------------------------------------------


def _aside_name(target: Path) -> Path:
    """``<name>.bad-<YYYYmmdd-HHMMSS>`` beside `target`, a name nothing holds yet."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.bad-{stamp}")
    counter = 1
    while os.path.lexists(aside):
        aside = target.with_name(f"{target.name}.bad-{stamp}-{counter}")
        counter += 1
    return aside


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename a bad state file to ``<name>.bad-<YYYYmmdd-HHMMSS>`` beside it (never
    deleted: the user may want it back) and return the new path; raises OSError."""
    aside = _aside_name(Path(path))
    os.rename(path, aside)
    return aside


def copy_aside(path: str | os.PathLike[str]) -> Path:
    """Copy a state file to ``<name>.bad-<YYYYmmdd-HHMMSS>`` beside it (the original stays in
    use) and return the copy's path; raises OSError."""
    import shutil

    aside = _aside_name(Path(path))
    shutil.copyfile(path, aside)
    return aside


def recover(path: str | os.PathLike[str], error: StateFileError, what: str) -> tuple[str, bool]:
    """After `error` reading a file govread owns, set it aside when it is bad.

    Returns one line for the user and whether the file may be written this session: an
    unreadable file, or one that could not be moved, is never overwritten.
    """
    if error.unreadable:
        return _("{error}; {what} made now will not be saved").format(
            error=error, what=_(what)
        ), False
    try:
        aside = set_aside(path)
    except OSError as os_error:
        return (
            _(
                "{error}; it could not be moved aside ({reason}), "
                "so {what} made now will not be saved"
            ).format(error=error, reason=_os_reason(os_error), what=_(what)),
            False,
        )
    return _("{error}; moved it to {path}").format(error=error, path=display_path(aside.name)), True


def load_owned(
    path: str | os.PathLike[str],
    load: Callable[[Path], T],
    what: str,
) -> tuple[T | None, str | None, bool]:
    """Load a file govread owns with `load` (which raises `StateFileError` when bad).

    Returns (the value or None, a warning line or None, whether the file may be written).
    A bad file is set aside; govread goes on without it.
    """
    try:
        return load(Path(path)), None, True
    except StateFileError as error:
        warning, writable = recover(path, error, what)
        return None, warning, writable

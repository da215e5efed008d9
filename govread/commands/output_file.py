"""`-o FILE [--force]` of the commands that write data (export, compare's export formats,
the timeline's json and csv): refused early when the answer is known, then written whole or
not at all, an existing file replaced only with --force and never anything but a regular
file (a symbolic link to one is followed: the file it points to is replaced). `-o -`, and the names of standard output a shell offers (/dev/stdout, /dev/fd/1),
write to standard output."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser, ArgumentTypeError

from govread.atomic import (
    OverwriteRefused,
    WriteError,
    folder_refusal,
    names_a_folder,
    write_refusal,
)
from govread.cli import error_line
from govread.export import write_export
from govread.i18n import _
from govread.sanitize import sanitize_line, sanitize_path

EXIT_OK, EXIT_FILE = 0, 1

# What a user writes for standard output: a link or a device, never replaced as a file.
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def output_name(value: str) -> str:
    """The type of every ``-o FILE``: an empty name is a usage error, not the default file
    (``-o ''`` from an unset shell variable wrote govread-….toml, or was taken for no
    name at all)."""
    if not value:
        raise ArgumentTypeError(_("an empty file name (give a name, or - for standard output)"))
    return value


def is_stdout(output: str | None) -> bool:
    """Whether ``-o`` names standard output."""
    return output in STDOUT_NAMES


def output_of(
    parser: ArgumentParser, output: str | None, *, force: bool, takes_file: bool, needs: str
) -> str | None:
    """FILE of ``-o FILE`` (None for standard output, ``-o -`` too); a usage error, saying
    ``needs``, for -o with a format that is not written to a file, and for --force without
    a FILE."""
    if output is not None and not takes_file:
        parser.error(needs)
    folder_name_refused(parser, output)
    if force and (output is None or is_stdout(output)):
        parser.error(_("--force needs -o FILE"))
    return None if output is None or is_stdout(output) else output


def folder_name_refused(parser: ArgumentParser, output: str | None) -> None:
    """A usage error for ``-o out/`` when ``out`` is not a folder: a name written as a
    folder's is not a file to write (the write would drop the slash and make one)."""
    if output is None or is_stdout(output) or not names_a_folder(output):
        return
    if os.path.isdir(output):
        return  # an existing folder: refused as any folder is, by `refused`
    if (refusal := write_refusal(output)) is not None:
        parser.error(
            _("{path}: {reason}").format(
                path=sanitize_path(output), reason=sanitize_line(refusal.shown_reason())
            )
        )


def refused(output: str | None, *, force: bool) -> str | None:
    """Why FILE cannot be written, when that is known before any work (a folder, device
    or FIFO, or a link to one or to nothing, even with --force; a file that exists, or a
    link to one, without it); None when it may be tried."""
    if output is None:
        return None
    if (refusal := write_refusal(output)) is not None:
        return _("{path}: {reason}").format(
            path=sanitize_path(output), reason=sanitize_line(refusal.shown_reason())
        )
    if not os.path.lexists(output):
        return None
    if (unwritable := folder_refusal(output)) is not None:
        # (not "already exists; use --force" where --force could never write it: /proc/…)
        return _("{path}: {reason}").format(
            path=sanitize_path(output), reason=unwritable.shown_reason()
        )
    if not force:
        return _("{path}: already exists; use --force to replace it").format(
            path=sanitize_path(output)
        )
    return None


def write_file(text: str, output: str, *, force: bool, wrote: str) -> int:
    """Write ``text`` to ``output`` atomically; ``wrote`` (with ``{path}``) is said on
    stderr once it is there. Returns the exit status: 0, or 1 with one line saying why."""
    try:
        write_export(output, text, overwrite=force)
    except OverwriteRefused:
        problem = _("{path}: already exists; use --force to replace it").format(path=output)
        print(error_line(problem), file=sys.stderr)
        return EXIT_FILE
    except WriteError as error:
        problem = _("{path}: {reason}").format(path=error.path, reason=error.shown_reason())
        print(error_line(problem), file=sys.stderr)
        return EXIT_FILE
    print(sanitize_line(wrote.format(path=sanitize_path(output))), file=sys.stderr)
    return EXIT_OK

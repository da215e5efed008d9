"""Atomic file writes: a temporary file in the target's folder, fsync, then rename.

A reader (or a crash) sees either the old file or the whole new one, never half of
either. An existing file is replaced only with ``overwrite=True``, and only when it is a
regular file: a device (``/dev/null``, even as root), a FIFO, a socket or a folder is
never replaced. A symbolic link is followed to the regular file it finally points to,
which is replaced beside itself so the link stays a link (`write_target`); a link to
anything else, a dangling one, a loop, or one another user planted in a shared folder
(/tmp) is refused. Without ``overwrite`` the new file is *linked* into
place, which fails if the name exists, so there is no window in which a file created
meanwhile by someone else could be replaced. Every failure is a `WriteError` whose
``reason`` is one line for a person. This is govread's one writer: exports, marks,
config and the segment cache all write through it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from govread.i18n import N_, shown
from govread.sanitize import sanitize_line
from govread.statefile import describe_type

# errno → what a person should read. Anything else falls back to the OS's own words.
_REASONS: dict[int, str] = {
    errno.ENOENT: N_("no such folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EROFS: N_("the file system is read-only"),
    errno.EISDIR: N_("is a folder, not a file"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.EEXIST: N_("already exists"),
    errno.EIO: N_("input/output error on the device"),
}
# `out/` that is not a folder: what a write (or `open()`) would refuse, said plainly.
_NO_SUCH_FOLDER = N_("ends with a slash, so it names a folder, and there is no such folder")
if hasattr(errno, "EDQUOT"):  # not on Windows
    _REASONS[errno.EDQUOT] = N_("disk quota exceeded")

# Where linking cannot be used to refuse replacing (FAT, some network shares), fall
# back to a check-then-rename, which has a small race but is the best available.
_NO_LINK = {
    errno.EPERM,
    errno.EXDEV,
    errno.EMLINK,
    getattr(errno, "ENOTSUP", -1),
    getattr(errno, "EOPNOTSUPP", -1),
    errno.ENOSYS,
}


class WriteError(Exception):
    """A file that could not be written; ``str()`` is ``"<path>: <reason>"`` on one line.

    `template` is the reason's message id (or a library's words), its ``{fields}`` filled
    from `fields`; `reason` is the English, `shown_reason()` the interface language's."""

    def __init__(self, path: str | os.PathLike[str], template: str, **fields: object) -> None:
        self.path = str(path)
        self.template = template
        self.fields = fields
        self.reason = template.format(**fields) if fields else template
        super().__init__(f"{self.path}: {self.reason}")

    def shown_reason(self) -> str:
        """The reason in the interface language, as one safe line (its fields hold paths
        and link targets, and a library's words)."""
        return sanitize_line(shown(self.template, self.fields))


class OverwriteRefused(WriteError):
    """The target exists and replacing it was not allowed (pass ``overwrite=True``)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path, N_("already exists"))


def describe_os_error(error: OSError) -> str:
    """One line saying why an operating-system call failed, without the path."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def atomic_write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    overwrite: bool = False,
    encoding: str = "utf-8",
    durable: bool = True,
) -> Path:
    """Write `text` to `path` atomically; see `atomic_write_bytes`."""
    return atomic_write_bytes(path, text.encode(encoding), overwrite=overwrite, durable=durable)


def names_a_folder(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is written as a folder's name, ending with a separator (``out/``):
    `pathlib.Path` drops the separator, and a file would be written under the name."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return text.endswith((os.sep, os.altsep or os.sep))


# Links followed before a write gives up (Linux's own limit on one path).
_MAX_LINKS = 40


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to `path` goes to: `path` itself, or, when `path` is a symbolic
    link, the regular file it finally points to (dotfiles kept in a synced folder), so
    the link stays a link and the file it names is replaced.

    Raises `WriteError` naming `path` for a link that leads nowhere (dangling), to
    anything but a regular file (a folder, a FIFO, a device), round in a loop, or that
    another user planted in a shared sticky folder such as /tmp (followed only as the
    kernel's ``fs.protected_symlinks`` would follow it). A `path` that is not a link is
    returned as it is, whatever it is: `write_refusal` judges it.
    """
    given = Path(path)
    current = given
    for _hop in range(_MAX_LINKS):
        try:
            info = os.lstat(current)
        except OSError as error:
            if current is given:
                return given  # nothing there yet, or the write itself will say why
            if error.errno in (errno.ENOENT, errno.ENOTDIR):
                raise WriteError(
                    given,
                    N_("is a symbolic link to {target}, which does not exist; not written"),
                    target=str(current),
                ) from None
            raise WriteError(given, describe_os_error(error)) from None
        if not stat.S_ISLNK(info.st_mode):
            if current is given or stat.S_ISREG(info.st_mode):
                return current
            raise WriteError(
                given,
                N_(
                    "is a symbolic link to {target}, which is {kind}, not a regular file; "
                    "not written"
                ),
                target=str(current),
                kind=describe_type(info.st_mode),
            )
        if not _may_follow(current, info):
            raise WriteError(
                given, N_("is a symbolic link another user made in a shared folder; not followed")
            )
        try:
            current = current.parent / os.readlink(current)
        except OSError as error:
            raise WriteError(given, describe_os_error(error)) from None
    raise WriteError(
        given, N_("is a symbolic link that loops, or goes through too many links; not written")
    )


def _may_follow(link: Path, info: os.stat_result) -> bool:
    """Whether the kernel would follow `link` for this user under fs.protected_symlinks:
    in a sticky, world-writable folder (/tmp) only a link of the follower's own or of
    the folder's owner is followed, so a link planted there by another user is not."""
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows
        return True
    try:
        folder = os.stat(link.parent)
    except OSError:
        return True  # the write beside it will say why
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    return not shared or info.st_uid in (os.geteuid(), folder.st_uid)


def write_refusal(path: str | os.PathLike[str]) -> WriteError | None:
    """Why a write to `path` must not happen, or None when it may be tried: `path` is a
    regular file, nothing, or a symbolic link that `write_target` follows to a regular
    file. A folder, a FIFO, a socket or a device (``/dev/null``, even as root) is never
    replaced, and neither is a link leading to one. A name ending with a separator that
    is not a folder is refused as `open()` refuses it (and never followed as a link)."""
    if names_a_folder(path):
        reason = _replace_refusal(path)
        return None if reason is None else WriteError(path, reason)
    try:
        target = write_target(path)
    except WriteError as error:
        return error
    reason = _replace_refusal(target)
    return None if reason is None else WriteError(path, reason)


def _replace_refusal(path: str | os.PathLike[str]) -> str | None:
    """Why the file at `path` itself (a link not followed) must never be replaced by a
    write, or None when it is a regular file or nothing."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return _NO_SUCH_FOLDER if names_a_folder(path) else None
    except OSError as error:
        if error.errno == errno.ENOTDIR and names_a_folder(path):
            return _NO_SUCH_FOLDER
        if error.errno in (errno.ENOTDIR, errno.ENAMETOOLONG):
            return None  # the write itself will say why
        return describe_os_error(error)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return N_("is a folder, not a file")
    if stat.S_ISLNK(mode):  # a link that appeared after the target was found
        return N_("is a symbolic link; not replaced")
    if stat.S_ISFIFO(mode):
        return N_("is a FIFO (named pipe), not a regular file; not replaced")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("is a device, not a regular file; not replaced")
    return N_("is not a regular file; not replaced")


def atomic_write_bytes(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False, durable: bool = True
) -> Path:
    """Write `data` to `path` atomically (and, when `durable`, fsynced); return the path.

    Raises `OverwriteRefused` when `path` exists and `overwrite` is false (the file is
    left exactly as it was), `WriteError` when something other than a regular file is
    there (never replaced, whatever `overwrite` says), and `WriteError` for every other
    failure; in every case the temporary file is removed.
    """
    if durable:
        return _atomic_write(path, lambda temp: _write_all(temp, data), overwrite=overwrite)
    # a cache entry: a crash costs only its recomputation
    return _atomic_write(
        path, lambda temp: temp.write_bytes(data), overwrite=overwrite, durable=False
    )


def atomic_write_chunks(
    path: str | os.PathLike[str],
    chunks: Iterable[bytes],
    *,
    overwrite: bool = False,
) -> Path:
    """`atomic_write_bytes` of the concatenated `chunks`, each written to the temporary
    file as it comes (an export of a whole corpus never needs the whole text in memory).

    An exception raised while the chunks are made removes the temporary file and leaves
    `path` as it was; it is raised again as it is (an `OSError` as a `WriteError`).
    """
    return _atomic_write(path, lambda temp: _write_chunks(temp, chunks), overwrite=overwrite)


def _atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    *,
    overwrite: bool,
    durable: bool = True,
) -> Path:
    """The temporary file beside the file `path` names (where a symbolic link at `path`
    points, `write_target`), filled by `write`, put in its place; returns `path`."""
    given = Path(path)
    refusal = write_refusal(path)  # as written: `given` has lost a trailing slash
    if refusal is not None:
        raise refusal
    target = given if names_a_folder(path) else write_target(path)
    folder = target.parent
    # the temporary file first: a folder that takes no new file (/proc) is said before the
    # user is asked whether to replace a file there, which could never be done
    temp = _create_temp(target)
    if not overwrite and os.path.lexists(target):
        _remove_quietly(temp)
        raise OverwriteRefused(given)
    try:
        write(temp)
        if overwrite and (reason := _replace_refusal(target)) is not None:
            raise WriteError(given, reason)  # something else appeared meanwhile
        if overwrite:
            _keep_mode(target, temp)
            os.replace(temp, target)
        else:
            try:
                _place_new(temp, target)
            except OverwriteRefused:
                raise OverwriteRefused(given) from None
    except BaseException as error:  # KeyboardInterrupt too: never leave a temp file behind
        _remove_quietly(temp)
        if isinstance(error, WriteError):
            raise
        if isinstance(error, OSError):
            raise WriteError(given, describe_os_error(error)) from None
        raise
    if durable:
        _sync_folder(folder)
    return given


def folder_refusal(path: str | os.PathLike[str]) -> WriteError | None:
    """Why no file can be written beside `path` (its folder takes no new file, as /proc,
    or none of this user's), found by making and removing the temporary file a write would
    make; None when one can. Asked before offering to replace an existing file."""
    try:
        temp = _create_temp(Path(path))
    except WriteError as error:
        return error
    _remove_quietly(temp)
    return None


def _create_temp(target: Path) -> Path:
    """A new, empty, uniquely named file beside `target` (hidden, so folder views skip it)."""
    for _ in range(100):
        # secrets.token_hex(4)'s bytes, without importing secrets (and hashlib) at start-up
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            # 0o666 and the user's umask, like any new file (mkstemp would make it 0o600)
            fd = os.open(
                temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            )
        except FileExistsError:
            continue
        except OSError as error:
            raise _folder_error(error, target) from None
        os.close(fd)
        return temp
    raise WriteError(target, N_("could not create a temporary file beside it"))  # pragma: no cover


def _folder_error(error: OSError, target: Path) -> WriteError:
    if error.errno == errno.ENOENT:
        if target.parent.is_dir():  # e.g. /proc: the folder is there but takes no new files
            return WriteError(target, N_("cannot create a file in that folder"))
        return WriteError(target, N_("no such folder: {folder}"), folder=Path(str(target.parent)))
    return WriteError(target, describe_os_error(error))


def _write_all(temp: Path, data: bytes) -> None:
    _write_chunks(temp, (data,))


def _write_chunks(temp: Path, chunks: Iterable[bytes]) -> None:
    with open(temp, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())


def _keep_mode(target: Path, temp: Path) -> None:
    """A replaced file keeps its permissions."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        return
    os.chmod(temp, mode)


def _place_new(temp: Path, target: Path) -> None:
    """Move `temp` to `target`, failing if `target` exists (even if it appeared just now)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OverwriteRefused(target) from None
    except OSError as error:
        if error.errno not in _NO_LINK:
            raise
        if os.path.lexists(target):
            raise OverwriteRefused(target) from None
        os.replace(temp, target)
        return
    _remove_quietly(temp)  # the data is in place under its name; the extra link goes


def _remove_quietly(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def try_lock(fd: int) -> bool:
    """Take the exclusive lock if free; True when taken (or when no locking exists here)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        try:
            import msvcrt
        except ImportError:
            return True
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:  # a file system without locks (ENOLCK): go on unlocked
        return error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
    return True

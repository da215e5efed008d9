"""Atomic writes: all or nothing, never over an existing file without consent, no temp left."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from hostile import refuse_temporary_files

from govread import atomic
from govread.atomic import (
    OverwriteRefused,
    WriteError,
    atomic_write_bytes,
    atomic_write_text,
    describe_os_error,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_exactly(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    written = atomic_write_text(target, 'text = "法治\\n"\n')
    assert written == target
    assert target.read_bytes() == 'text = "法治\\n"\n'.encode()
    assert _leftovers(tmp_path) == []


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "a", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o644


def test_existing_file_is_left_untouched_without_consent(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(b"precious")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    with pytest.raises(OverwriteRefused) as caught:
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"precious"
    assert target.stat().st_mtime_ns == 1_000_000_000
    assert str(caught.value) == f"{target}: already exists"
    assert _leftovers(tmp_path) == []


def test_overwrite_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.toml"
    real_write = atomic._write_all

    def write_then_someone_else_creates(temp: Path, data: bytes) -> None:
        real_write(temp, data)
        target.write_bytes(b"theirs")

    monkeypatch.setattr(atomic, "_write_all", write_then_someone_else_creates)
    with pytest.raises(OverwriteRefused):
        atomic_write_bytes(target, b"ours")
    assert target.read_bytes() == b"theirs"
    assert _leftovers(tmp_path) == []


def test_without_hard_links_it_still_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    atomic_write_bytes(tmp_path / "out", b"data")
    assert (tmp_path / "out").read_bytes() == b"data"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("overwrite", [False, True])
def test_disk_full_cleans_up_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overwrite: bool
) -> None:
    target = tmp_path / "out.toml"
    if overwrite:
        target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(target, b"new", overwrite=overwrite)
    assert caught.value.reason == "no space left on the device"
    assert str(caught.value) == f"{target}: no space left on the device"
    assert _leftovers(tmp_path) == []
    if overwrite:
        assert target.read_bytes() == b"old"
    else:
        assert not target.exists()


def test_failed_rename_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(WriteError, match="permission denied"):
        atomic_write_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_interrupt_while_writing_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(temp: Path, data: bytes) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "out", b"x")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.toml"
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(target, b"x")
    assert caught.value.reason == f"no such folder: {target.parent}"
    assert "\n" not in str(caught.value)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder, not a file"):
        atomic_write_bytes(tmp_path, b"x", overwrite=True)


@pytest.mark.parametrize("existing", [False, True])
def test_a_name_ending_with_a_slash_never_becomes_a_file(tmp_path: Path, existing: bool) -> None:
    target = tmp_path / "out.toml"
    if existing:
        target.write_bytes(b"mine")
    for separator in {os.sep, os.altsep or os.sep}:
        with pytest.raises(WriteError, match="ends with a slash"):
            atomic_write_bytes(f"{target}{separator}", b"x", overwrite=True)
    assert target.read_bytes() == b"mine" if existing else not target.exists()
    assert _leftovers(tmp_path) == []
    with pytest.raises(WriteError, match="is a folder, not a file"):
        atomic_write_bytes(f"{tmp_path}{os.sep}", b"x", overwrite=True)


def test_folder_without_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_temporary_files(monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(tmp_path / "out", b"x")
    assert caught.value.reason == "permission denied"


def test_a_file_in_a_folder_that_takes_no_new_file_is_not_offered_for_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: an export to /proc/version asked "already exists. Replace it?", then failed:
    the folder takes no new file (as /proc), which is said at once."""
    target = tmp_path / "version"
    target.write_bytes(b"kept")
    refuse_temporary_files(monkeypatch, FileNotFoundError(errno.ENOENT, "No such file"))
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(target, b"x")
    assert not isinstance(caught.value, OverwriteRefused)
    assert caught.value.reason == "cannot create a file in that folder"
    assert target.read_bytes() == b"kept"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            atomic_write_bytes(folder / "out", b"x")
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the file system is read-only"),
        (errno.ENOSPC, "no space left on the device"),
        (errno.ENOENT, "no such folder"),
    ],
)
def test_os_errors_read_as_one_line(code: int, reason: str) -> None:
    assert describe_os_error(OSError(code, os.strerror(code))) == reason


def test_unknown_os_errors_use_the_systems_words() -> None:
    assert describe_os_error(OSError(errno.EBUSY, "Device or resource busy")) == (
        "device or resource busy"
    )


def test_a_write_error_is_said_in_the_interface_language(tmp_path: Path) -> None:
    """The reason is a message id with its fields: shown in Chinese under --lang zh, the
    path as it is (QA walk: `govread --lang zh export … -o /sys/x.toml`)."""
    from govread.i18n import set_language

    target = tmp_path / "missing" / "out.toml"
    with pytest.raises(WriteError) as caught:
        atomic_write_text(target, "x")
    assert caught.value.reason == f"no such folder: {target.parent}"
    set_language("zh")
    assert caught.value.shown_reason() == f"文件夹不存在：{target.parent}"
    assert (
        WriteError(target, atomic.describe_os_error(OSError(errno.EACCES, "x"))).shown_reason()
        == "没有权限"
    )


# -- symbolic links: followed to a regular file, refused to anything else -------------


def _linked(tmp_path: Path) -> tuple[Path, Path]:
    """``link.toml`` → ``dotfiles/real.toml`` (a regular file holding ``old``)."""
    real = tmp_path / "dotfiles" / "real.toml"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    return link, real


def test_a_link_to_a_regular_file_is_written_where_it_points(tmp_path: Path) -> None:
    link, real = _linked(tmp_path)
    real.chmod(0o640)
    atomic_write_bytes(link, b"new", overwrite=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new" and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


def test_a_chain_of_links_is_followed_to_its_end(tmp_path: Path) -> None:
    link, real = _linked(tmp_path)
    first = tmp_path / "first.toml"
    first.symlink_to("link.toml")  # relative: read from the link's own folder
    atomic_write_text(first, "new", overwrite=True)
    assert first.is_symlink() and link.is_symlink() and real.read_text() == "new"


def test_a_link_to_a_file_is_not_replaced_without_consent(tmp_path: Path) -> None:
    link, real = _linked(tmp_path)
    with pytest.raises(OverwriteRefused):
        atomic_write_bytes(link, b"new")
    assert real.read_bytes() == b"old" and link.is_symlink()


@pytest.mark.parametrize("overwrite", [False, True])
@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "dangling"])
def test_a_link_to_anything_but_a_regular_file_is_refused(
    tmp_path: Path, kind: str, overwrite: bool
) -> None:
    where = tmp_path / "there"
    if kind == "folder":
        where.mkdir()
    elif kind == "fifo":
        os.mkfifo(where)
    elif kind == "device":
        where = Path(os.devnull)
    link = tmp_path / "link.toml"
    link.symlink_to(where)
    said = {
        "folder": f"is a symbolic link to {where}, which is a folder, not a regular file",
        "fifo": f"is a symbolic link to {where}, which is a FIFO (named pipe), not a regular",
        "device": f"is a symbolic link to {where}, which is a device, not a regular file",
        "dangling": f"is a symbolic link to {where}, which does not exist; not written",
    }[kind]
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(link, b"new", overwrite=overwrite)
    assert not isinstance(caught.value, OverwriteRefused)
    assert said in caught.value.reason and "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{link}: ")
    assert link.is_symlink() and os.readlink(link) == str(where)
    assert not (kind == "dangling" and os.path.lexists(where))
    assert _leftovers(tmp_path) == []


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(WriteError, match="loops"):
        atomic_write_bytes(tmp_path / "a", b"x", overwrite=True)
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


def test_a_link_target_with_escapes_is_said_as_one_safe_line(tmp_path: Path) -> None:
    # a link's target is anyone's text: an escape in it never reaches the terminal raw
    (tmp_path / "link").symlink_to(tmp_path / "gone\x1b[2J\nx")
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(tmp_path / "link", b"x", overwrite=True)
    shown = caught.value.shown_reason()
    assert "does not exist" in shown
    assert "\x1b" not in shown and "\n" not in shown


def test_the_refusal_is_said_in_chinese(tmp_path: Path) -> None:
    from govread.i18n import set_language

    (tmp_path / "folder").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "folder")
    with pytest.raises(WriteError) as caught:
        atomic_write_bytes(tmp_path / "link", b"x", overwrite=True)
    set_language("zh")
    try:
        assert "符号链接" in caught.value.shown_reason()
        assert "文件夹" in caught.value.shown_reason()
    finally:
        set_language("en")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a link another owner")
def test_a_link_another_user_planted_in_a_shared_folder_is_not_followed(tmp_path: Path) -> None:
    # /tmp's rule (fs.protected_symlinks): in a sticky, world-writable folder a link is
    # followed only when its owner is the folder's owner or the one following it.
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chown(shared, 4242, 4242)
    shared.chmod(0o1777)
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    planted = shared / "out.csv"
    planted.symlink_to(victim)
    os.lchown(planted, 4343, 4343)
    with pytest.raises(WriteError, match="shared folder"):
        atomic_write_bytes(planted, b"x", overwrite=True)
    assert victim.read_bytes() == b"keep"
    os.lchown(planted, 4242, 4242)  # the folder's owner's link is followed
    atomic_write_bytes(planted, b"x", overwrite=True)
    assert victim.read_bytes() == b"x"

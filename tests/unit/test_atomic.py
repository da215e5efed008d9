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

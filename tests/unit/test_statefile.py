"""Hostile state files: every file govread keeps or is handed goes through one guarded
reader, and a bad one is one line (set aside when govread owns it), never a crash or a hang.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from govread import statefile
from govread.cache import APPLICATION_ID, ReportCache
from govread.config import Config, ConfigError, load_config, save_config
from govread.export import ExportError, read_export, read_export_contents
from govread.marks import MarkSet
from govread.node_ids import _NODE_ID
from govread.parsers import Report
from govread.sanitize import _UNSAFE_IN_LINE as _SANITISER  # what statefile sanitises with
from govread.statefile import StateFileError

DEEP = "[" * 100_000
LONG_NUMBER = "1" * 5000
# Each hostile case must end well within this (the issue: "within a second or two").
QUICK = 2.0


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _one_line(text: str | None) -> str:
    assert text is not None and "\n" not in text and "\x1b" not in text
    return text


# -- the reader ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (DEEP, "nests deeper"),
        ('{"a": ' * 100_000, "nests deeper"),
        ('{"id": ' + LONG_NUMBER + "}", "number too large"),
        ('{"a": 1', "not JSON"),
        ('"' + '\\"' * 20_000, "not JSON"),
    ],
    ids=["deep list", "deep object", "long number", "unclosed", "escaped quotes"],
)
def test_json_that_would_crash_the_parser_is_one_line(text: str, reason: str) -> None:
    with pytest.raises(StateFileError) as caught:
        assert _timed(lambda: statefile.parse_json("f.json", text)) < QUICK
    assert reason in _one_line(str(caught.value))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x = " + DEEP, "nests deeper"),
        (DEEP, "nests deeper"),
        ("x = " + "{a = " * 10_000, "nests deeper"),
        ("a" + ".a" * 100_000 + " = 1", "dotted parts"),
        ("[" + "a." * 100_000 + "a]", "dotted parts"),
        ("x = " + LONG_NUMBER, "number too large"),
        ("x = 0x" + "f" * 5000, "number too large"),
        ('x = "' + "\\" * 9999, "not valid TOML"),
        ("x = '''" + "'" * 10_000, "not valid TOML"),
    ],
    ids=[
        "deep",
        "deep table",
        "deep inline",
        "dotted key",
        "dotted header",
        "long number",
        "long hex",
        "backslashes",
        "quotes",
    ],
)
def test_toml_that_would_crash_or_stall_the_parser_is_one_line(text: str, reason: str) -> None:
    started = time.perf_counter()
    with pytest.raises(StateFileError) as caught:
        statefile.parse_toml("f.toml", text)
    assert time.perf_counter() - started < QUICK
    assert reason in _one_line(str(caught.value))


def test_depth_within_bounds_and_brackets_in_strings_are_fine() -> None:
    nested = "x = " + "[" * 60 + "]" * 60
    assert statefile.parse_toml("f", nested)["x"]
    brackets = "[" * 1000 + "{" * 1000
    table = statefile.parse_toml(
        "f", f'a = "{brackets}"\nb = \'{brackets}\'\nc = """\n{brackets}"""\n'
    )
    assert table == {"a": brackets, "b": brackets, "c": brackets}
    assert statefile.parse_toml("f", f"# {brackets}\nd = 1\n") == {"d": 1}
    assert statefile.parse_json("f", json.dumps({"t": brackets})) == {"t": brackets}
    assert statefile.parse_toml("f", "v = '''a'''''\nw = 2") == {"v": "a''", "w": 2}


def test_the_depth_scanners_take_linear_time_on_adversarial_text() -> None:
    rng = random.Random(11)
    alphabet = "[]{}\"'\\#.\n=a1 "
    cases = ["".join(rng.choice(alphabet) for _ in range(10_000)) for _ in range(20)] + [
        '"\\' * 5000,
        "'" * 10_000,
        '"' * 10_000,
        '"""\\' * 2500,
        "#" * 10_000,
        "[" * 5000 + '"' * 5000,
        ".\n" * 5000,
    ]
    for text in cases:
        assert _timed(lambda text=text: statefile.toml_too_deep(text)) < 0.5
        assert _timed(lambda text=text: statefile.json_too_deep(text)) < 0.5


@pytest.mark.parametrize(
    "pattern",
    [_SANITISER, _NODE_ID, re.compile(r"[\ud800-\udfff]")],
    ids=["controls", "node id", "surrogates"],
)
def test_the_new_regexes_do_not_backtrack(pattern: re.Pattern[str]) -> None:
    rng = random.Random(3)
    hostile = [
        "0" * 10_000,
        "0123456789ab/" + "1." * 5000,
        "0123456789ab/" + "1" * 10_000 + "#",
        "0123456789ab/1#" + "9" * 10_000,
        "\x1b" * 10_000,
        "".join(rng.choice("0123456789abcdef/.#\x1b\ud800") for _ in range(10_000)),
    ]
    for text in hostile:
        assert _timed(lambda text=text: (pattern.fullmatch(text), pattern.sub("", text))) < 0.5


def test_fifo_device_and_folder_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "marks.json"
    os.mkfifo(fifo)  # opening it to read would block until someone writes
    with pytest.raises(StateFileError, match="FIFO"):
        assert _timed(lambda: statefile.read_bytes(fifo, max_bytes=100)) < QUICK
    with pytest.raises(StateFileError, match="device"):
        statefile.read_bytes("/dev/zero", max_bytes=100)
    with pytest.raises(StateFileError, match="folder") as caught:
        statefile.read_bytes(tmp_path, max_bytes=100)
    assert caught.value.unreadable  # a folder is left alone


def test_a_sparse_2_gb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "config.toml"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 2**30)  # sparse: no disk used
    started = time.perf_counter()
    with pytest.raises(StateFileError, match="too large"):
        statefile.read_bytes(huge, max_bytes=statefile.MAX_CONFIG_BYTES)
    assert time.perf_counter() - started < QUICK


def test_a_missing_file_is_none_and_field_types_are_checked(tmp_path: Path) -> None:
    assert statefile.read_bytes(tmp_path / "none", max_bytes=10) is None
    table = {"name": "x", "n": True}
    assert statefile.field("f", table, "name", str, "a string") == "x"
    assert statefile.field("f", table, "absent", str, "a string") is None
    with pytest.raises(StateFileError, match="'n' must be a number"):
        statefile.field("f", table, "n", int, "a number")


def test_paths_in_messages_are_printable() -> None:
    error = StateFileError(os.fsdecode(b"\x1b]0;PWN\x07\xff.json"), "is bad")
    assert str(error) == "\\x1b]0;PWN\\x07\\xff.json: is bad"


# -- marks.json ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        DEEP.encode(),
        b'{"format": "govread-marks/1", "marks": {"0123456789ab": ['
        + LONG_NUMBER.encode()
        + b"]}}",
        b'{"format": "govread-marks/1", "marks": {"0123456789ab": ["0123456789ab/'
        + LONG_NUMBER.encode()
        + b'"]}}',
    ],
    ids=["deep", "long number", "long id"],
)
def test_a_hostile_marks_file_is_set_aside_and_govread_starts(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "marks.json"
    path.write_bytes(content)
    marks, warning = MarkSet.load(path)
    # a whole file moved aside; a bad id alone left out, the file copied aside (QA A5)
    assert len(marks) == 0 and "marks.json.bad-" in _one_line(warning)
    (aside,) = tmp_path.glob("marks.json.bad-*")
    assert aside.read_bytes() == content  # kept, byte for byte
    marks.toggle("0123456789ab/1")  # and marking works on, in a fresh file
    assert set(MarkSet.load(path)[0]) == {"0123456789ab/1"}


def test_a_marks_file_that_is_a_fifo_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    os.mkfifo(path)
    started = time.perf_counter()
    marks, warning = MarkSet.load(path)
    assert time.perf_counter() - started < QUICK
    assert "FIFO" in _one_line(warning)
    marks.toggle("0123456789ab")
    assert stat.S_ISREG(path.stat().st_mode)  # a regular file now; the FIFO was set aside
    assert any(stat.S_ISFIFO(p.lstat().st_mode) for p in tmp_path.glob("marks.json.bad-*"))


def test_a_marks_file_linked_to_a_system_file_never_writes_through(tmp_path: Path) -> None:
    victim = tmp_path / "passwd"
    victim.write_text("root:x:0:0:root:/root:/bin/bash\n")
    path = tmp_path / "marks.json"
    path.symlink_to(victim)
    marks, warning = MarkSet.load(path)
    assert "not a govread-marks/1 file" in _one_line(warning) or "not JSON" in warning
    marks.toggle("0123456789ab")
    assert victim.read_text() == "root:x:0:0:root:/root:/bin/bash\n"
    assert not path.is_symlink() and set(MarkSet.load(path)[0]) == {"0123456789ab"}


def test_a_lock_file_that_is_a_symlink_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (tmp_path / "marks.json.lock").symlink_to(victim)
    heard: list[str] = []
    marks, _ = MarkSet.load(tmp_path / "marks.json", on_save_error=heard.append)
    marks.toggle("0123456789ab")
    assert "0123456789ab" in marks and victim.read_text() == "keep"
    assert len(heard) == 1 and "marks not saved" in _one_line(heard[0])


def test_100000_marks_load_and_save_quickly(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    grouped = {f"{n:012x}": [f"{n:012x}/{k}" for k in range(1, 11)] for n in range(10_000)}
    path.write_text(json.dumps({"format": "govread-marks/1", "marks": grouped}), "utf-8")
    started = time.perf_counter()
    marks, warning = MarkSet.load(path)
    assert warning is None and len(marks) == 100_000
    marks.toggle("0123456789ab")  # one change: read, merge and write the whole file
    assert time.perf_counter() - started < 5 * QUICK
    assert len(MarkSet.load(path)[0]) == 100_001


def test_a_read_only_data_folder_keeps_the_marks_in_memory(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores permissions")
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        heard: list[str] = []
        marks, _ = MarkSet.load(folder / "marks.json", on_save_error=heard.append)
        marks.toggle("0123456789ab")
        assert "0123456789ab" in marks and "permission denied" in _one_line(heard[0])
    finally:
        folder.chmod(0o700)


def test_two_sets_on_one_file_keep_each_others_marks(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    MarkSet(["0123456789ab/1", "0123456789ab/2"], path=path).save()
    flipped: list[frozenset[str]] = []
    first, _ = MarkSet.load(path, on_external_change=flipped.append)
    second, _ = MarkSet.load(path)
    first.add("aaaaaaaaaaaa")
    second.add("bbbbbbbbbbbb")
    second.remove("0123456789ab/1")
    first.add("cccccccccccc")  # saving again must not bring /1 back nor drop bbbb…
    expected = {"0123456789ab/2", "aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}
    assert set(MarkSet.load(path)[0]) == expected
    assert set(first) == expected  # the first session now sees the second's changes
    assert flipped[-1] == {"0123456789ab/1", "bbbbbbbbbbbb"}
    first.clear()  # clearing removes what this session saw, and only that
    second.add("dddddddddddd")
    assert set(MarkSet.load(path)[0]) == {"dddddddddddd"}


STORM = """
import sys
from govread.marks import MarkSet
path, tag = sys.argv[1], int(sys.argv[2])
marks, _ = MarkSet.load(path)
for k in range(1, 41):
    marks.add(f"{tag:012x}/{k}")
    if marks.save_error:
        raise SystemExit(marks.save_error)
"""


def test_two_processes_marking_at_once_lose_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "marks.json"
    workers = [
        subprocess.Popen([sys.executable, "-c", STORM, str(path), str(tag)]) for tag in (1, 2)
    ]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0]
    marks, warning = MarkSet.load(path)
    assert warning is None
    assert set(marks) == {f"{tag:012x}/{k}" for tag in (1, 2) for k in range(1, 41)}


# -- config.toml and themes ----------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [DEEP.encode(), ("theme = " + DEEP).encode(), ("x = " + LONG_NUMBER).encode()],
    ids=["deep", "deep value", "long number"],
)
def test_a_hostile_config_is_set_aside_and_the_defaults_apply(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(content)
    config, warnings = load_config(path)
    assert config == Config() and len(warnings) == 1
    assert "config.toml.bad-" in _one_line(warnings[0])
    save_config(Config(theme="govread-light"), path)
    assert load_config(path) == (Config(theme="govread-light"), [])


def test_a_sparse_2_gb_config_is_set_aside_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    with open(path, "wb") as handle:
        handle.truncate(2 * 2**30)
    started = time.perf_counter()
    _, warnings = load_config(path)
    assert time.perf_counter() - started < QUICK and "too large" in _one_line(warnings[0])


def test_saving_the_config_keeps_comments_layout_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    original = '# my settings\ntheme = "nord"  # the one I like\n\n[keymap]\nquit = "x"\n'
    path.write_text(original, "utf-8")
    path.chmod(0o644)
    save_config(Config(theme="govread-light"), path)
    assert path.read_text("utf-8") == original.replace('"nord"', '"govread-light"')
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_a_symlinked_config_is_written_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "govread.toml"
    real.parent.mkdir()
    real.write_text("# mine\n", "utf-8")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_config(Config(theme="govread-light"), link)
    assert link.is_symlink() and real.read_text("utf-8") == '# mine\ntheme = "govread-light"\n'


def test_a_config_that_is_a_fifo_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    with pytest.raises(ConfigError, match="FIFO"):
        save_config(Config(theme="x"), path)
    assert stat.S_ISFIFO(path.stat().st_mode)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("name = " + DEEP, "nests deeper"),
        ('name = "' + "n" * 1_000_000 + '"\nprimary = "#000000"\n', "too large"),
        ('name = "' + "n" * 200 + '"\nprimary = "#000000"\n', "longer than 64"),
    ],
    ids=["deep", "1 MB name", "long name"],
)
def test_a_hostile_theme_is_skipped_with_one_line(
    tmp_path: Path, content: str, reason: str
) -> None:
    from govread.themes import user_themes

    (tmp_path / "bad.toml").write_text(content, "utf-8")
    (tmp_path / "fifo.toml").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "fifo.toml")
    started = time.perf_counter()
    themes, warnings = user_themes(tmp_path)
    assert time.perf_counter() - started < QUICK
    assert themes == [] and len(warnings) == 2
    assert any(reason in _one_line(w) for w in warnings)
    assert any("FIFO" in w for w in warnings)
    assert (tmp_path / "bad.toml").exists()  # the user's file: reported, not moved


# -- exports restored with `govread FILE.toml` ----------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (DEEP, "nests deeper"),
        (f'format = "govread-export/1"\n[[item]]\nyear = {LONG_NUMBER}\n', "number too large"),
        ('format = "govread-export/1"\n[[item]]\nsha256 = "abc"\nid = "abc"\n', "no sha256"),
    ],
    ids=["deep", "long number", "short sha256"],
)
def test_a_hostile_export_is_one_line(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "x.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ExportError) as caught:
        read_export(path)
    assert reason in _one_line(str(caught.value))
    assert path.read_text("utf-8") == content  # the user's file stays where it is


def test_an_export_path_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    os.mkfifo(path)
    started = time.perf_counter()
    with pytest.raises(ExportError, match="FIFO"):
        read_export_contents(path)
    assert time.perf_counter() - started < QUICK


# -- the report cache and the segment cache --------------------------------------------


def test_a_foreign_sqlite_file_is_set_aside_not_taken_over(
    tmp_path: Path, samples: list[Report]
) -> None:
    path = tmp_path / "reports.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    other.execute("INSERT INTO contacts VALUES ('a', '1')")
    other.commit()
    other.close()
    cache = ReportCache(path)
    cache.put(samples[0])
    assert cache.get(samples[0].sha256) is not None  # a new cache of its own
    notice = _one_line(cache.take_notice())
    assert "not govread's cache" in notice and "reports.sqlite3.bad-" in notice
    assert cache.take_notice() is None  # said once
    cache.close()
    (aside,) = tmp_path.glob("reports.sqlite3.bad-*")
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT * FROM contacts").fetchall() == [("a", "1")]
    assert kept.execute("PRAGMA user_version").fetchone() == (0,)  # never stamped
    assert kept.execute("PRAGMA application_id").fetchone() == (0,)
    kept.close()
    ours = sqlite3.connect(path)
    assert ours.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    ours.close()


def test_a_cache_from_before_the_stamp_is_still_used(tmp_path: Path, samples: list[Report]) -> None:
    path = tmp_path / "reports.sqlite3"
    cache = ReportCache(path)
    cache.put(samples[0])
    cache.close()
    old = sqlite3.connect(path)
    old.execute("PRAGMA application_id=0")  # what a cache written before the stamp holds
    old.commit()
    old.close()
    again = ReportCache(path)
    assert again.get(samples[0].sha256) is not None and again.take_notice() is None
    again.close()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda body: DEEP,
        lambda body: json.dumps({**json.loads(body), "title": 5}),
        lambda body: json.dumps({**json.loads(body), "year": "2023"}),
        lambda body: json.dumps({**json.loads(body), "sections": [1, 2]}),
        lambda body: json.dumps({**json.loads(body), "preamble": [None]}),
        lambda body: json.dumps({**json.loads(body), "meta": {"a": [1]}}),
        lambda body: json.dumps({**json.loads(body), "year": int(LONG_NUMBER[:30])}),
        lambda body: json.dumps([1, 2, 3]),
    ],
    ids=["deep", "title", "year", "sections", "preamble", "meta", "huge year", "a list"],
)
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(
    tmp_path: Path, samples: list[Report], mutate: Callable[[str], str]
) -> None:
    cache = ReportCache(tmp_path / "c.sqlite3")
    cache.put(samples[0])
    db = cache._connect()
    assert db is not None
    (body,) = db.execute("SELECT body FROM reports").fetchone()
    db.execute("UPDATE reports SET body = ?", (mutate(body),))
    assert cache.get(samples[0].sha256) is None
    cache.close()


def test_a_hostile_segment_cache_file_is_a_miss_and_rewritten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from govread import segment

    monkeypatch.setattr(segment, "dictionary_hash", lambda: "d" * 64)
    sha = "e" * 64
    path = segment._cache_path(sha)
    path.parent.mkdir(parents=True, exist_ok=True)

    def tokenize(text: str) -> list[str]:
        return list(text)

    for hostile in (DEEP, '{"units": ' + LONG_NUMBER + "}", '{"units": {"u": [1]}}'):
        path.write_text(hostile, "utf-8")
        found = segment.cached_tokens(sha, {"u": "ab"}, tokenize=tokenize)
        assert found == {"u": ["a", "b"]}
        assert json.loads(path.read_text("utf-8"))["units"] == {"u": ["a", "b"]}
    path.unlink()
    os.mkfifo(path)
    started = time.perf_counter()
    assert segment.cached_tokens(sha, {"u": "ab"}, tokenize=tokenize) == {"u": ["a", "b"]}
    assert time.perf_counter() - started < QUICK
    assert stat.S_ISFIFO(path.stat().st_mode)  # not replaced: the writer refuses a FIFO


def test_a_byte_order_mark_is_no_part_of_a_state_file(tmp_path: Path) -> None:
    """QA: a config.toml saved by Notepad (UTF-8 with a BOM) was "not valid TOML" and none
    of its settings were used; a marks.json with one was set aside."""
    assert statefile.decode(tmp_path / "c.toml", b'\xef\xbb\xbflanguage = "zh"\n') == (
        'language = "zh"\n'
    )


def test_a_symlinked_marks_file_is_saved_where_it_points(tmp_path: Path) -> None:
    # dotfiles kept in a synced folder: marks.json → ~/Sync/govread/marks.json
    real = tmp_path / "sync" / "marks.json"
    real.parent.mkdir()
    MarkSet.load(real)[0].toggle("0123456789ab")
    path = tmp_path / "data" / "marks.json"
    path.parent.mkdir()
    path.symlink_to(real)
    heard: list[str] = []
    marks, warning = MarkSet.load(path, on_save_error=heard.append)
    assert warning is None and set(marks) == {"0123456789ab"}
    marks.toggle("ba9876543210")
    assert heard == [] and marks.save_error is None
    assert path.is_symlink() and os.readlink(path) == str(real)
    assert set(MarkSet.load(real)[0]) == {"0123456789ab", "ba9876543210"}
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_a_marks_link_to_a_folder_keeps_the_marks_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = tmp_path / "marks.json"
    path.symlink_to(folder)
    heard: list[str] = []
    marks, _warning = MarkSet.load(path, on_save_error=heard.append)
    marks.toggle("0123456789ab")
    assert "0123456789ab" in marks and path.is_symlink() and folder.is_dir()
    assert not any(folder.iterdir())

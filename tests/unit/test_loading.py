"""Loading through the parsed-report cache and the process pool: same reports, fewer parses."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govread import cache as cache_module
from govread.cache import ReportCache, default_path, report_to_dict
from govread.cli import main
from govread.corpus import Problem, load, sample_paths
from govread.loading import NO_CACHE_ENV, Loader, cache_disabled, cache_enabled
from govread.parsers import outline as outline_module
from govread.parsers import readers


@pytest.fixture
def folder(samples_folder: Path) -> Path:
    return samples_folder


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every parse made in this process (the readers call `parse_text` for each file)."""
    calls: list[str] = []
    real = readers.parse_text

    def counting(text: str, **kwargs: object) -> object:
        calls.append(str(kwargs.get("path")))
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readers, "parse_text", counting)
    return calls


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(readers, "parse_text", fail)


def summary(entries: list[object]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for entry in entries:
        if isinstance(entry, Problem):
            out.append(("problem", entry.path, entry.reason, entry.explicit))
        else:
            out.append(("report", entry.path, entry.sha256, entry.sections, entry.display_title))  # type: ignore[attr-defined]
    return out


# -- the cache, wired in ------------------------------------------------------------------


def test_a_second_load_parses_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load([folder])
    assert len(first.reports) == 5 and not first.problems
    forbid_parsing(monkeypatch)
    with Loader([folder]) as loader:
        second = list(loader)
    assert (loader.hits, loader.parsed) == (5, 0)
    assert summary(second) == summary(first.reports)
    assert [r.path for r in second] == [str(p) for p in sorted(folder.iterdir())]


def test_a_changed_file_is_parsed_again_and_only_it(folder: Path, parse_calls: list[str]) -> None:
    load([folder])
    assert len(parse_calls) == 5
    changed = sorted(folder.iterdir())[2]
    changed.write_text(changed.read_text("utf-8") + "\n附：补充说明。\n", "utf-8")
    result = load([folder])
    assert parse_calls[5:] == [str(changed)]
    assert len(result.reports) == 5


def test_the_same_bytes_elsewhere_come_from_the_cache_with_their_own_path(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load([folder])
    moved = tmp_path / "moved"
    shutil.copytree(folder, moved)
    forbid_parsing(monkeypatch)
    result = load([moved])
    assert [r.path for r in result.reports] == [str(p) for p in sorted(moved.iterdir())]


# Text naming no place (its region is read from its file name) and no year but its title's
_NAMELESS = (
    "2023年法治政府建设情况报告\n\n2023年，我们坚持以习近平法治思想为指导，深入推进法治政府建设。"
    "现将有关情况报告如下。\n\n一、主要工作\n（一）加强党的领导。召开常务会议专题学法4次。\n"
    "（二）推进依法行政。审查规范性文件12件。\n\n二、下一步工作\n继续推进法治政府建设。\n"
)


def test_a_renamed_copy_whose_text_names_no_place_gets_its_own_names_place(
    tmp_path: Path, parse_calls: list[str]
) -> None:
    """The cache is keyed by bytes; a report whose region came from its file name was
    served to a copy under another name with the first name's region (a user who renamed
    咸宁市….txt to 宝鸡市….txt saw 咸宁市). Each name its own region, cold and warm, in
    one load and over two; nothing is parsed again warm."""
    folder = tmp_path / "named"
    folder.mkdir()
    for name in ("咸宁市2023年法治政府建设情况.txt", "宝鸡市2023年法治政府建设情况.txt"):
        (folder / name).write_text(_NAMELESS, "utf-8")
    placed = sample_paths()[0]
    shutil.copy(placed, folder / "a.txt")
    shutil.copy(placed, folder / "b.txt")
    want = {"a.txt": None, "b.txt": None}
    for round_ in range(3):
        regions = {
            Path(r.path).name: r.region for r in load([folder], keep_duplicates=True).reports
        }
        assert regions["咸宁市2023年法治政府建设情况.txt"] == "咸宁市"
        assert regions["宝鸡市2023年法治政府建设情况.txt"] == "宝鸡市"
        if round_ == 0:
            want = {name: regions[name] for name in want}
            assert want["a.txt"] == want["b.txt"] is not None
        assert {name: regions[name] for name in want} == want
    # each file parsed in the cold load, none in the two warm ones
    assert sorted(Path(p).name for p in parse_calls) == sorted(p.name for p in folder.iterdir())


def test_no_cache_by_argument_environment_and_context(
    folder: Path, parse_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load([folder])
    load([folder], use_cache=False)
    assert len(parse_calls) == 10
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    assert not cache_enabled()
    load([folder])
    assert len(parse_calls) == 15
    monkeypatch.setenv(NO_CACHE_ENV, "0")
    assert cache_enabled()
    with cache_disabled():
        assert not cache_enabled()
        load([folder])
    assert cache_enabled()
    assert len(parse_calls) == 20
    load([folder])  # the cache is still there and used
    assert len(parse_calls) == 20


def test_no_cache_leaves_no_cache_file(folder: Path) -> None:
    load([folder], use_cache=False)
    assert not default_path().exists()
    load([folder])
    assert default_path().exists()


def test_cli_no_cache_flag_for_every_command(
    folder: Path, parse_calls: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(folder)]) == 0
    assert main(["outline", str(folder)]) == 0
    assert len(parse_calls) == 5
    assert main(["outline", "--no-cache", str(folder)]) == 0
    assert len(parse_calls) == 10
    assert main(["--no-cache", "search", "行政复议", str(folder)]) == 0
    assert len(parse_calls) == 15
    assert cache_enabled()  # the flag lasts for its command only
    assert "--no-cache" in main_help(capsys)


def main_help(capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["outline", "--help"])
    return capsys.readouterr().out


def test_a_corrupt_cache_is_moved_aside_and_rebuilt(
    folder: Path, monkeypatch: pytest.MonkeyPatch, parse_calls: list[str]
) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    result = load([folder])
    assert len(result.reports) == 5
    (problem,) = result.problems  # one line says the cache was set aside
    assert problem.path == str(path) and "moved it to" in problem.reason
    assert len(parse_calls) == 5
    assert list(path.parent.glob(f"{path.name}.bad-*"))
    forbid_parsing(monkeypatch)
    assert len(load([folder]).reports) == 5  # the rebuilt cache serves the next load


def test_an_old_parser_version_is_not_trusted(
    folder: Path, monkeypatch: pytest.MonkeyPatch, parse_calls: list[str]
) -> None:
    load([folder])
    monkeypatch.setattr(cache_module, "PARSER_VERSION", "999")
    monkeypatch.setattr(outline_module, "PARSER_VERSION", "999")
    load([folder])
    assert len(parse_calls) == 10


def test_a_damaged_entry_is_parsed_again_and_replaced(folder: Path, parse_calls: list[str]) -> None:
    first = load([folder])
    db = sqlite3.connect(default_path())
    db.execute(
        'UPDATE reports SET body = \'{"not": "a report"}\' WHERE sha256 = ?',
        (first.reports[1].sha256,),
    )
    db.commit()
    db.close()
    again = load([folder])
    assert summary(again.reports) == summary(first.reports)
    assert parse_calls[5:] == [first.reports[1].path]
    load([folder])
    assert len(parse_calls) == 6


def test_two_processes_filling_the_cache_at_once_leave_it_whole(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "import sys\nfrom govread.corpus import load\nassert len(load([sys.argv[1]]).reports) == 5\n"
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(folder)], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    forbid_parsing(monkeypatch)
    with Loader([folder]) as loader:
        assert len(list(loader)) == 5
    assert loader.hits == 5
    assert not list(default_path().parent.glob("*.bad-*"))


def test_an_unusable_cache_location_still_loads(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ReportCache(blocker / "sub" / "c.sqlite3")
    with Loader([folder], cache=cache) as loader:
        entries = list(loader)
    assert len(entries) == 5 and loader.parsed == 5


def test_problems_keep_their_place_and_are_not_cached(folder: Path, tmp_path: Path) -> None:
    (folder / "0-empty.txt").write_text("  \n")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    missing = tmp_path / "missing.txt"
    entries = list(Loader([folder, empty_dir, missing]))
    kinds = [type(e).__name__ for e in entries]
    assert kinds == ["Problem"] + ["Report"] * 5 + ["Problem", "Problem"]
    assert entries[0].reason == "is empty" and not entries[0].explicit  # type: ignore[union-attr]
    assert entries[-1].reason == "no such file" and entries[-1].explicit  # type: ignore[union-attr]
    again = list(Loader([folder, empty_dir, missing]))
    assert summary(again) == summary(entries)


NOTES = "这是一份会议纪要。\n一、会议内容\n讨论了若干事项。\n"
NOT_A_REPORT = "holds too little Chinese text to be a report"


def test_a_folder_leaves_out_a_non_report_the_cache_holds(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: a file named once (parsed, and cached) was then taken from the cache in its
    folder, though the folder's test refuses it: what a folder opens depended on history,
    and on --no-cache. The folder's test holds whichever run parsed the file."""
    notes = folder / "notes.txt"
    notes.write_text(NOTES, "utf-8")

    fresh = summary(list(Loader([folder])))  # (the reports cached)
    assert ("problem", str(notes), NOT_A_REPORT, False) in fresh
    assert len(load([notes]).reports) == 1  # named: opened, and cached
    forbid_parsing(monkeypatch)
    assert summary(list(Loader([folder]))) == fresh  # from the cache: the same
    # outline's JSON, which takes what it can from its own fragments, the same
    assert main(["--lang", "en", "outline", "--format", "json", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert str(notes) not in out and f"skipped: {notes}: {NOT_A_REPORT}" in err


def test_a_non_report_cached_without_a_verdict_is_tested_when_taken(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache an older govread filled holds no verdict of the folder's test: the cached
    report is tested when a folder takes it, and the verdict kept for the next load."""
    notes = folder / "notes.txt"
    notes.write_text(NOTES, "utf-8")
    load([folder])
    load([notes])
    with sqlite3.connect(default_path()) as db:
        db.execute("DELETE FROM derived WHERE kind LIKE 'folder-verdict:%'")
    forbid_parsing(monkeypatch)
    for taken in (6, 5):  # the notes read from the cache and tested once, then not read
        with Loader([folder]) as loader:
            entries = summary(list(loader))
        assert ("problem", str(notes), NOT_A_REPORT, False) in entries
        assert (loader.hits, loader.parsed) == (taken, 0)


def test_a_non_report_named_and_parsed_by_the_pool_is_still_left_out_of_its_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir()
    notes, report = folder / "notes.txt", folder / "report.txt"
    notes.write_text(NOTES, "utf-8")
    shutil.copy(sample_paths()[0], report)
    with Loader([notes, report], parallel_threshold=0, workers=1) as named:
        assert [type(e).__name__ for e in named] == ["Report", "Report"]
    assert named.pool_used
    with Loader([folder]) as loader:
        entries = summary(list(loader))
    assert [e[:2] for e in entries] == [("problem", str(notes)), ("report", str(report))]
    assert loader.parsed == 0


def test_the_cache_form_is_what_asdict_gives(samples) -> None:
    from dataclasses import asdict

    for report in samples:
        expected = asdict(report)
        del expected["path"]
        assert json.dumps(report_to_dict(report)) == json.dumps(expected)


# -- the process pool ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory, write_generated) -> Path:
    target = write_generated(tmp_path_factory.mktemp("many") / "reports", 14)
    (target / "00000_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (target / "zz_empty.txt").write_bytes(b"")
    return target


def test_parallel_load_gives_the_sequential_reports_in_order(many: Path) -> None:
    with Loader([many], use_cache=False, parallel_threshold=10**6) as sequential:
        expected = list(sequential)
    assert not sequential.pool_used
    with Loader([many], use_cache=False, parallel_threshold=0, workers=2) as parallel:
        found = list(parallel)
    assert parallel.pool_used and parallel.parsed == 16
    assert summary(found) == summary(expected)
    assert [e.path for e in found] == [str(p) for p in sorted(many.iterdir())]


def test_a_narrow_pool_window_gives_the_same_reports(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("govread.loading.POOL_WINDOW", 2)  # parses handed out two at a time
    with Loader([many], use_cache=False, parallel_threshold=10**6) as sequential:
        expected = list(sequential)
    with Loader([many], use_cache=False, parallel_threshold=0, workers=2) as parallel:
        found = list(parallel)
    assert parallel.pool_used and parallel._in_flight == 0
    assert summary(found) == summary(expected)


def test_a_bad_file_in_a_parallel_load_is_a_problem(many: Path) -> None:
    with Loader([many], use_cache=False, parallel_threshold=0, workers=2) as loader:
        found = list(loader)
    problems = [e for e in found if isinstance(e, Problem)]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("00000_binary.txt", "is a binary file, not text"),
        ("zz_empty.txt", "is empty"),
    ]
    assert len(found) == 16


def test_parallel_results_fill_the_cache(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Loader([many], parallel_threshold=0, workers=2) as loader:
        first = list(loader)
    assert loader.pool_used
    forbid_parsing(monkeypatch)
    with Loader([many], parallel_threshold=0, workers=2) as loader:
        second = list(loader)
    assert (loader.hits, loader.parsed) == (14, 2)  # problems are not cached: tried again
    assert summary(second) == summary(first)


def wait_for_no_children() -> list[multiprocessing.process.BaseProcess]:
    # Bounded wait for exiting processes to be reaped (not a timing assertion).
    deadline = time.monotonic() + 20
    while (children := multiprocessing.active_children()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return children


def test_closing_a_load_early_leaves_no_processes(many: Path) -> None:
    assert not multiprocessing.active_children()
    loader = Loader([many], use_cache=False, parallel_threshold=0, workers=2)
    entries = iter(loader)
    first = next(entries)
    assert isinstance(first, Problem)  # the binary file sorts first
    next(entries)
    assert multiprocessing.active_children()  # the workers are running
    loader.close()
    assert not wait_for_no_children()
    assert list(entries) == []  # a closed load yields nothing more


def test_abandoning_a_load_shuts_the_pool_down(many: Path) -> None:
    with Loader([many], use_cache=False, parallel_threshold=0) as loader:
        for _ in loader:
            break
    assert not wait_for_no_children()
    entries = iter(Loader([many], use_cache=False, parallel_threshold=0))
    next(entries)
    entries.close()  # what dropping the iterator does: the generator's `finally` closes the load
    assert not wait_for_no_children()


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    """QA: a folder and a file in it (or the same folder twice, or a link to one of its
    files) gave that report twice: two roots in the browser, its hits and figures counted
    twice. Each file is read once, with no problem said of it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for sample in sample_paths()[:2]:
        (folder / Path(sample).name).write_bytes(Path(sample).read_bytes())
    first = sorted(folder.iterdir())[0]
    (tmp_path / "link.txt").symlink_to(first)
    for named in ([folder, folder], [folder, first], [tmp_path / "link.txt", folder]):
        result = load(named, use_cache=False)
        assert len(result.reports) == 2 and not result.problems, named

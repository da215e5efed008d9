"""The store's content beyond search: figures, topics, the comparison's statistics; its
schema version, its size cap, and segmentation that is the same however it is computed."""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from govread import segment, store, store_build, topics
from govread.cli import main
from govread.compare import Idf, compare, report_units, to_jsonable
from govread.config import config_path, load_config
from govread.corpus import load, sample_paths
from govread.figure_table import figure_rows
from govread.figures import report_figures
from govread.plan_phase import target_test


def _copy(paths: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The five samples indexed once for the module: (folder, store file)."""
    root = tmp_path_factory.mktemp("sample-store")
    folder = _copy(sample_paths(), root / "reports")
    db = root / "store.sqlite3"
    with store.Store(db, max_mb=512) as opened:
        store.index(opened, [folder])
    return folder, db


def test_figures_and_topics_rows_are_the_finders_output(sample_store: tuple[Path, Path]) -> None:
    folder, db = sample_store
    reports = load([folder]).reports
    with sqlite3.connect(db) as raw:
        for report in reports:
            assert report.path is not None
            (report_id,) = raw.execute(
                "SELECT id FROM reports WHERE path=?", (str(Path(report.path).resolve()),)
            ).fetchone()
            stored = raw.execute(
                'SELECT node_id, paragraph, start, "end", subject, value, unit, approximate,'
                " text, indicator, is_range, target, earlier FROM figures WHERE report_id=?"
                " ORDER BY rowid",
                (report_id,),
            ).fetchall()
            is_target = target_test(report)
            expected = [
                (
                    f.node_id,
                    f.paragraph,
                    f.start,
                    f.end,
                    f.label,
                    f.value,
                    f.unit,
                    int(f.approximate),
                    f.text,
                    f.indicator,
                    int(f.is_range),
                    int(is_target(f)),
                    int(f.earlier),
                )
                for f in report_figures(report)
            ]
            assert stored == expected and expected
            topics = raw.execute(
                "SELECT key, node_id, kind, number, theme, themes, phases FROM topics"
                " WHERE report_id=? ORDER BY ordinal",
                (report_id,),
            ).fetchall()
            units = report_units(report)
            assert [(t[0], t[1], t[2], t[3], t[4]) for t in topics] == [
                (u.key, u.node_id, u.kind, u.number, u.theme) for u in units
            ]
            assert [json.loads(t[5]) for t in topics] == [dict(u.themes) for u in units]
            assert [set(json.loads(t[6])) for t in topics] == [set(u.phases) for u in units]
        # the README's example query runs
        rows = raw.execute(
            "SELECT r.region, r.year, f.value FROM figures f JOIN reports r ON r.id = f.report_id"
            " WHERE f.indicator = ? ORDER BY r.region",
            ("行政机关负责人出庭应诉率",),
        ).fetchall()
        assert rows and all(0 <= value <= 100 for _, _, value in rows)


def test_the_stores_target_flags_are_govread_figures(sample_store: tuple[Path, Path]) -> None:
    """Each stored figure's `target` is what `govread figures` says of it, row for row."""
    folder, db = sample_store
    with sqlite3.connect(db) as raw:
        stored = raw.execute(
            "SELECT r.path, f.node_id, f.text, f.target FROM figures f"
            " JOIN reports r ON r.id = f.report_id ORDER BY r.path, f.rowid"
        ).fetchall()
    raw.close()
    reports = sorted(load([folder]).reports, key=lambda r: str(Path(r.path or "").resolve()))
    rows = [
        (str(Path(str(row["path"])).resolve()), row["node"], row["text"], int(bool(row["target"])))
        for row in figure_rows(reports)
    ]
    assert stored == rows
    assert {flag for *_rest, flag in rows} == {0, 1}


def _readme_query() -> str:
    """The README's example query of the figures table (the first statement of its SQL)."""
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    block = readme.split("```sql\n", 1)[1].split("```", 1)[0]
    return block.split(";", 1)[0]


def test_the_readmes_example_query_gives_results_never_aims(
    sample_store: tuple[Path, Path],
) -> None:
    """行政机关负责人出庭应诉率 across the store: the rates achieved, as `govread figures` marks
    them; 泾县 2022's only one, "确保…100%" for 2023, and 咸宁's in its 下一步 are aims."""
    folder, db = sample_store
    with sqlite3.connect(db) as raw:
        found = raw.execute(_readme_query()).fetchall()
    raw.close()
    name = "行政机关负责人出庭应诉率"
    rows = [row for row in figure_rows(load([folder]).reports) if row["indicator"] == name]
    achieved = [(r["region"], r["year"], r["value"], r["text"]) for r in rows if not r["target"]]
    assert sorted(found) == sorted(achieved) and found
    assert len(achieved) < len(rows)
    assert all(region != "泾县" for region, *_rest in found)


def _pairs(document: dict[str, object]) -> tuple[object, object]:
    return document["pairs"], document["figures"]


def test_compare_from_the_store_equals_compare_over_the_corpus(
    sample_store: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, db = sample_store
    reports = load([folder]).reports
    a, b = reports[0], reports[3]
    expected = to_jsonable(compare(a, b, reports))
    with store.Store(db) as opened:
        n, df = store.compare_idf(opened, a, b)
    assert to_jsonable(compare(a, b, idf=Idf.counted(n, df))) == expected
    # narrowed to three reports, as a corpus of those three
    chosen = sorted(folder.glob("*.txt"))[:3]
    subset = load(chosen).reports
    with store.Store(db) as opened:
        n, df = store.compare_idf(opened, subset[0], subset[1], store.scope_of(chosen))
    narrowed = to_jsonable(compare(subset[0], subset[1], idf=Idf.counted(n, df)))
    assert narrowed == to_jsonable(compare(subset[0], subset[1], subset))
    # the command line: --store and --corpus (the default store, filled first) agree with
    # the comparison over the loaded corpus
    names = [a.path or "", b.path or ""]
    assert main(["compare", *names, "--store", str(db), "--format", "json"]) == 0
    from_store = json.loads(capsys.readouterr().out)
    assert main(["compare", *names, "--corpus", str(folder), "--format", "json"]) == 0
    from_corpus = json.loads(capsys.readouterr().out)
    assert _pairs(from_store) == _pairs(from_corpus) == _pairs(expected)
    region = (a.region or "").removesuffix("市")
    assert main(["compare", region, names[1], "--store", str(db), "--format", "json"]) == 0
    assert _pairs(json.loads(capsys.readouterr().out)) == _pairs(expected)
    assert main(["compare", "咸宁", "宝鸡", "--store", str(db.parent / "none.sqlite3")]) == 1
    assert "no such store" in capsys.readouterr().err


def test_a_store_of_another_schema_is_emptied_never_misread(tmp_path: Path) -> None:
    folder = _copy(sample_paths()[:1], tmp_path / "reports")
    db = tmp_path / "store.sqlite3"
    with store.Store(db) as opened:
        store.index(opened, [folder])
    with sqlite3.connect(db) as raw:  # what schema 1 had: no figures, no topics
        raw.execute("DROP TABLE figures")
        raw.execute("PRAGMA user_version=1")
    raw.close()
    with store.Store(db) as opened:
        assert opened.notice is not None and "another version of govread" in opened.notice
        assert opened.report_count() == 0
        summary = store.index(opened, [folder])
        assert summary.added == 1
    with store.Store(db) as opened:
        assert opened.notice is None
        (figures,) = opened.db.execute("SELECT count(*) FROM figures").fetchone()
        assert figures > 0


def _consistent(db: Path) -> int:
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        units, tokens = raw.execute("SELECT count(*), total(length) FROM units").fetchone()
        totals = dict(raw.execute("SELECT key, value FROM meta"))
        assert (totals["units"], totals["tokens"]) == (units, int(tokens))
        (topics,) = raw.execute("SELECT count(*) FROM topics").fetchone()
        assert totals["compare_units"] == topics
        orphans = raw.execute(
            "SELECT count(*) FROM units WHERE report_id NOT IN (SELECT id FROM reports)"
        ).fetchone()
        assert orphans == (0,)
        (reports,) = raw.execute("SELECT count(*) FROM reports").fetchone()
    raw.close()
    return int(reports)


def test_the_size_cap_stops_the_store_whole(
    tmp_path: Path,
    write_generated: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_generated(tmp_path / "corpus", 12, seed=3)
    db = tmp_path / "store.sqlite3"
    monkeypatch.setattr(store, "WRITE_BATCH", 2)
    monkeypatch.setattr(store_build, "POOL_THRESHOLD", 1000)
    wal = db.with_name(db.name + "-wal")
    with store.Store(db, max_mb=1) as opened:
        with pytest.raises(store.StoreFull) as raised:
            store.index(opened, [folder])
        # (QA: after a full disk the log kept the failed batch's pages, and the disk full,
        # until the next checkpoint): emptied at once, the store still open
        assert wal.stat().st_size == 0
    assert "size cap of 1 MB" in str(raised.value) and "store_max_mb" in str(raised.value)
    kept = _consistent(db)
    assert 0 < kept < 12 and kept % 2 == 0  # whole batches, none half-written
    assert db.stat().st_size <= 1024 * 1024
    # the command line says so and fails; the cap comes from config.toml
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("store_max_mb = 1\n", encoding="utf-8")
    assert load_config()[0].store_max_mb == 1
    assert main(["index", str(folder), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert "size cap of 1 MB" in err
    assert "of this run" not in err  # nothing of it written: no "0 reports … are kept"
    assert _consistent(db) == kept
    # (QA: the line said only that the last batch was not written): what the run kept, and
    # the command that finishes
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["--lang", "en", "index", str(folder), "--store", str(fresh)]) == 1
    err = capsys.readouterr().err
    written = _consistent(fresh)
    assert 0 < written < 12
    assert f"{written} reports of this run were written to the store before it filled" in err
    assert f"({written} added, 0 updated) and are kept; with room, run govread index" in err
    config_path().write_text("store_max_mb = 0\n", encoding="utf-8")
    config, warnings = load_config()
    assert config.store_max_mb == 2048 and "store_max_mb" in warnings[0]
    # (QA: the command applying the cap said nothing of a value it could not use)
    assert main(["index", str(folder), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "govread: warning:" in err and "'store_max_mb' must be a whole number" in err


def test_no_room_to_copy_the_log_is_a_full_store_not_a_crash(tmp_path: Path) -> None:
    """Before a batch, what earlier batches wrote is copied from the log into the file;
    where the disk has no room for that copy, the batch is refused as a full disk is (a
    traceback was printed), and nothing of it is written."""
    with store.Store(tmp_path / "s.sqlite3") as opened:
        real = opened.db

        class NoRoomToCopy:
            def __getattr__(self, name: str) -> object:
                return getattr(real, name)

            def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
                if "wal_checkpoint(PASSIVE)" in sql:
                    raise sqlite3.OperationalError("database or disk is full")
                return real.execute(sql, *args)

        opened.db = NoRoomToCopy()  # type: ignore[assignment]
        written = False
        with pytest.raises(store.StoreFull), opened.transaction():
            written = True
        opened.db = real
        assert not written and not real.in_transaction


def test_report_tokens_are_the_tokens_of_each_text_alone() -> None:
    """Each block cut once per report gives what cutting every text whole gives."""
    segment.ensure_loaded()
    tokenizer = segment._tokenizer
    for report in load().reports:
        texts = store_build.unit_texts(report)
        expected = {}
        for key, text in texts.items():
            found: list[str] = []
            for word in tokenizer.cut(text, HMM=True):
                if segment._is_wordlike(word):
                    size = len(word)
                    for length in range(2, size):
                        for start in range(size - length + 1):
                            if tokenizer.FREQ.get(word[start : start + length]):
                                found.append(word[start : start + length])
                    found.append(word)
            expected[key] = found
        assert segment.report_tokens(texts) == expected


def test_jieba_fast_gives_jiebas_tokens() -> None:
    pytest.importorskip("jieba_fast")
    import jieba
    import jieba_fast

    segment.ensure_loaded()
    engines = []
    for module in (jieba, jieba_fast):
        tokenizer = module.Tokenizer()
        tokenizer.tmp_dir = str(segment.cache_root() / "jieba")
        tokenizer.initialize()
        for word, freq, tag in segment.user_dictionary():
            tokenizer.add_word(word, max(freq, tokenizer.suggest_freq(word, False)), tag)
        engines.append(tokenizer)
    for report in load().reports:
        for text in store_build.unit_texts(report).values():
            for hmm in (True, False):
                cuts = [list(engine.cut(text, HMM=hmm)) for engine in engines]
                assert cuts[0] == cuts[1]


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "spawned"])
def test_the_pool_prepares_what_this_process_prepares(
    tmp_path: Path,
    write_generated: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    forked: bool,
) -> None:
    """Workers forked once the dictionary is loaded (the command line) and workers spawned
    (where another thread runs, as under pytest-xdist or the TUI) give this process's rows."""
    folder = write_generated(tmp_path / "corpus", 3, seed=13)
    monkeypatch.setattr(store_build, "_forkable", lambda: forked)
    made: list[str] = []
    pool = store_build._pool

    def recording(count: int, files: int = 0) -> object:
        started = pool(count, files)
        made.append(started._mp_context.get_start_method())  # type: ignore[attr-defined]
        return started

    monkeypatch.setattr(store_build, "_pool", recording)

    def rows(db: Path) -> list[object]:
        with sqlite3.connect(db) as raw:
            found: list[object] = []
            for query in (
                "SELECT path, sha256, node_id, body FROM reports ORDER BY path",
                "SELECT node_id, folded, heading_tokens, body_tokens, length FROM units"
                " ORDER BY node_id",
                "SELECT node_id, start, subject, value, indicator FROM figures"
                " ORDER BY node_id, paragraph, start",
                "SELECT key, theme, themes FROM topics ORDER BY key",
                "SELECT token, df FROM vocab ORDER BY token",
                "SELECT term, df FROM compare_vocab ORDER BY term",
            ):
                found.append(raw.execute(query).fetchall())
        raw.close()
        return found

    monkeypatch.setattr(store_build, "POOL_THRESHOLD", 1000)
    with store.Store(tmp_path / "here.sqlite3") as opened:
        store.index(opened, [folder])
    monkeypatch.setattr(store_build, "POOL_THRESHOLD", 2)
    monkeypatch.setattr(store_build, "POOL_BATCH", 2)  # two tasks: files 1–2, then 3
    with store.Store(tmp_path / "pool.sqlite3") as opened:
        summary = store.index(opened, [folder], workers=2)
    assert summary.added == 3
    assert made == ["fork" if forked else "spawn"]
    assert rows(tmp_path / "pool.sqlite3") == rows(tmp_path / "here.sqlite3")


def test_a_worker_collects_each_reports_garbage_once_prepared(
    tmp_path: Path, write_generated: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool worker's collector does not run by itself (it ran dozens of times a report
    while the report's objects were alive): `prepare_in_worker` collects the young
    generations after each report, everything after every WORKER_FULL_COLLECTION."""
    folder = write_generated(tmp_path / "corpus", 1, seed=3)
    path = next(folder.iterdir())
    info = path.stat()
    monkeypatch.setattr(store_build, "WORKER_FULL_COLLECTION", 3)
    monkeypatch.setattr(store_build, "_prepared_in_worker", 0)
    generations: list[int] = []

    def record(phase: str, details: dict[str, int]) -> None:
        if phase == "start":
            generations.append(details["generation"])

    enabled = gc.isenabled()
    gc.disable()
    gc.callbacks.append(record)
    try:
        outcomes = [
            store_build.prepare_in_worker(str(path), True, (info.st_size, info.st_mtime_ns), None)
            for _ in range(3)
        ]
    finally:
        gc.callbacks.remove(record)
        if enabled:
            gc.enable()
    assert all(isinstance(outcome, store_build.Prepared) for outcome in outcomes)
    assert generations == [1, 1, 2]


def test_forked_workers_leave_collection_to_prepare_in_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store_build, "_forkable", lambda: True)
    monkeypatch.setattr(segment, "ensure_loaded", lambda: None)
    monkeypatch.setattr(topics, "load_lexicon", lambda: None)
    pool = store_build._pool(1)
    try:
        assert pool.submit(gc.isenabled).result(timeout=60) is False
        assert gc.isenabled()  # this process's collector is untouched
    finally:
        pool.shutdown(wait=True)


def test_the_compiled_routes_are_built_only_for_many_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rjieba's routes cost ≈ 0.3 s to build and save ≈ 4 ms a file: a pool forked for a
    few files goes without them, one for many builds them once, before forking."""
    built: list[bool] = []
    monkeypatch.setattr(store_build, "_forkable", lambda: True)
    monkeypatch.setattr(segment, "ensure_loaded", lambda: None)
    monkeypatch.setattr(segment, "load_compiled_routes", lambda: built.append(True) or True)
    monkeypatch.setattr(topics, "load_lexicon", lambda: None)
    for files in (store_build.COMPILED_ROUTES_FILES - 1, store_build.COMPILED_ROUTES_FILES):
        store_build._pool(1, files).shutdown(wait=True)
    assert built == [True]


def test_the_workers_keep_busy_while_this_process_writes_a_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`index` takes no outcome while it writes a transaction of `store.WRITE_BATCH`
    reports (≈ 0.6 s): the workers must hold enough files to go on meanwhile. Each file
    here takes a worker 10 ms; the consumer pauses 0.4 s after its first outcome. With 8
    files ahead per worker, 16 at most were prepared in the pause and the workers idled."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    prepared: list[str] = []
    lock = threading.Lock()

    def prepare(batch: list[tuple[str, bool, tuple[int, int], str | None]]) -> list[None]:
        for path, *_rest in batch:
            time.sleep(0.01)
            with lock:
                prepared.append(path)
        return [None] * len(batch)

    monkeypatch.setattr(store_build, "_pool", lambda count, files=0: ThreadPoolExecutor(count))
    monkeypatch.setattr(store_build, "prepare_batch_in_worker", prepare)
    jobs = [store_build.FileJob(f"/nowhere/{n}.txt", False, (1, 1), None) for n in range(400)]
    outcomes = store_build.prepared_files(jobs, workers=2, threshold=0)
    next(outcomes)
    with lock:
        before = len(prepared)
    time.sleep(0.4)  # the write
    with lock:
        during = len(prepared) - before
    outcomes.close()
    assert during >= 40, during


def test_the_pool_hands_each_file_its_own_outcome_in_order(
    tmp_path: Path, write_generated: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files go to the workers a few a task (`POOL_BATCH`); each comes back with its own
    outcome, in the order of the files, whichever task held it."""
    folder = write_generated(tmp_path / "corpus", 5, seed=17)
    monkeypatch.setattr(store_build, "_forkable", lambda: True)
    monkeypatch.setattr(store_build, "POOL_BATCH", 2)  # tasks of files 1–2, 3–4, 5
    files = sorted(folder.iterdir())
    jobs = [
        store_build.FileJob(str(f), False, store_build.stat_of(f) or (0, 0), None) for f in files
    ]
    found = list(store_build.prepared_files(jobs, workers=2, threshold=0))
    assert [job for job, _ in found] == jobs
    paths = [outcome.path for _, outcome in found if isinstance(outcome, store_build.Prepared)]
    assert paths == [str(f.resolve()) for f in files]

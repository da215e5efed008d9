"""`govread export` writes as it goes: one report in memory at a time, not the corpus,
and the very text the whole document gave (`export_items`, `render_rows`)."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from govread.commands.export import run
from govread.corpus import load
from govread.export import CarriageReturnMet, export_chunks, export_items
from govread.marks import refs_in_order, report_id
from govread.records import render_rows

_STAMP = re.compile(r"^exported = .*$", re.MULTILINE)


def whole(folder: Path, fmt: str) -> str:
    """The export as one document, as govread wrote it before it streamed."""
    reports = load([folder]).reports
    refs = refs_in_order(reports, [report_id(r) for r in reports])
    return export_items(refs) if fmt == "toml" else render_rows(refs, fmt)


def held_while_writing(folder: Path, target: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """The most memory held (traced) between two pieces of the export being written: what
    the export keeps, without the passing buffers of reading a file."""
    from govread.commands import export as command

    held: list[int] = []
    real = command.atomic_write_chunks

    def sampling(path: Path, chunks: Iterable[bytes], **options: bool) -> Path:
        def sampled() -> Iterator[bytes]:
            for chunk in chunks:
                held.append(tracemalloc.get_traced_memory()[0])
                yield chunk

        return real(path, sampled(), **options)

    monkeypatch.setattr(command, "atomic_write_chunks", sampling)
    tracemalloc.start()
    try:
        assert run([str(folder), "--all", "-o", str(target)]) == 0
    finally:
        tracemalloc.stop()
    return max(held)


def test_memory_is_bounded_by_a_report_not_the_corpus(
    tmp_path: Path, write_generated: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the figure finder is slow under tracemalloc and holds nothing between reports
    monkeypatch.setattr("govread.figures.report_figures", lambda report: [])
    # tables are written a few at a time, up to a fixed size: here one at a time
    monkeypatch.setattr("govread.export.STREAM_BATCH_CHARS", 1)
    small = write_generated(tmp_path / "small", 4, seed=11)
    large = write_generated(tmp_path / "large", 16, seed=11)
    for folder in (small, large):  # parsed once: both runs below read the cache
        load([folder])
    held_while_writing(small, tmp_path / "warm.toml", monkeypatch)  # imports, caches filled
    small_held = held_while_writing(small, tmp_path / "small.toml", monkeypatch)
    large_held = held_while_writing(large, tmp_path / "large.toml", monkeypatch)
    small_size = (tmp_path / "small.toml").stat().st_size
    large_size = (tmp_path / "large.toml").stat().st_size
    assert large_size > 3 * small_size  # four times the reports, four times the text
    # holding every report (or the text) grows it by more than the text; one report at a
    # time only by what is kept of each file's name and hash
    growth = large_held - small_held
    assert growth < (large_size - small_size) / 4, (small_held, large_held, large_size)


@pytest.mark.parametrize("fmt", ["toml", "csv", "jsonl", "md"])
def test_streamed_text_is_the_whole_documents(
    tmp_path: Path, write_generated: Callable[..., Path], fmt: str
) -> None:
    folder = write_generated(tmp_path / "reports", 2, seed=3)
    target = tmp_path / f"out.{fmt}"
    assert run([str(folder), "--all", "-o", str(target), "--format", fmt]) == 0
    written = target.read_bytes().decode("utf-8")  # CSV's \r\n kept
    assert _STAMP.sub("", written) == _STAMP.sub("", whole(folder, fmt))


def test_a_carriage_return_writes_every_string_on_one_line(
    tmp_path: Path, write_generated: Callable[..., Path]
) -> None:
    folder = write_generated(tmp_path / "in\rfolder", 2, seed=3)
    reports = load([folder]).reports
    refs = refs_in_order(reports, [report_id(r) for r in reports])
    with pytest.raises(CarriageReturnMet):
        "".join(export_chunks(refs))
    target = tmp_path / "out.toml"
    assert run([str(folder), "--all", "-o", str(target)]) == 0
    written = target.read_text("utf-8")
    assert '"""' not in written  # one-line strings, as `dumps` chose for the whole
    assert _STAMP.sub("", written) == _STAMP.sub("", whole(folder, "toml"))

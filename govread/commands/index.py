"""`govread index DIR ... [--store PATH]`: build or refresh the store of parsed reports.

Only files that changed since the last run are parsed (in parallel) and segmented (once
each); files that vanished are pruned; reports of other folders are kept (those an older
govread indexed named, with the command that refreshes them); the file is compacted after a
refresh of a large share. A progress bar on a terminal, plain lines otherwise, then one
summary line on stderr. Exit status: 0 done, 1 when the store cannot be used or a file you
named could not be indexed, 2 on a usage error, 130 on Ctrl-C (saying what the store kept).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from govread import store as store_module
from govread.cli import ArgumentParser, error_line, said, skipped_line
from govread.commands.progress import ProgressLine
from govread.i18n import _, _n
from govread.identity import sanitize

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="govread index",
        description=_(
            "Build or refresh the store of parsed reports (SQLite; schema in the "
            "README), so that `govread search --store` answers without parsing the files again."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("report files or folders"))
    parser.add_argument(
        "--store",
        type=Path,
        metavar="PATH",
        help=_("the store file (default: {name} in the user cache directory)").format(
            name=store_module.STORE_NAME
        ),
    )
    return parser


# Folders named in the line about stale reports kept elsewhere (the rest counted).
STALE_FOLDERS_SHOWN = 3


def _say_config_problems() -> None:
    """A line on stderr for each setting of config.toml that cannot be used (`store_max_mb`
    = 0, "abc" …: the default size cap applies): the browser alone said so before."""
    from govread.config import load_config

    for warning in load_config()[1]:
        print(sanitize(_("govread: warning: {problem}").format(problem=warning)), file=sys.stderr)


def run(
    argv: Sequence[str],
    skipped: list[tuple[str, str]] | None = None,
    failed: list[str] | None = None,
) -> int:
    """`govread index`; `skipped` (when given) gets each file it did not index, with why
    (a message id or a library's words), and `failed` why the store could not take them
    all (a full disk, the size cap): the browser says that, not "index it"."""
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    # A path that does not exist (a typo) is said and fails the run; the others are
    # indexed all the same, as a file that cannot be read is skipped and said.
    missing = [p for p in args.paths if not os.path.exists(p)]
    for path in missing:
        print(error_line(_("{path}: no such file or folder").format(path=path)), file=sys.stderr)
    paths = [p for p in args.paths if p not in missing]
    if not paths:
        return EXIT_FAILED  # nothing to index: the store is not touched
    _say_config_problems()
    started = time.perf_counter()
    summary = store_module.IndexSummary()
    progress = ProgressLine(sys.stderr)
    try:
        with store_module.Store(args.store, upgrading=said) as store:
            if store.notice:
                print(_("govread: {notice}").format(notice=sanitize(store.notice)), file=sys.stderr)
            told = store.notice
            store_module.index(store, paths, progress=progress, summary=summary, waiting=said)
            if store.notice is not None and store.notice != told:  # damaged: set aside, anew
                print(_("govread: {notice}").format(notice=sanitize(store.notice)), file=sys.stderr)
            total = store.report_count()
    except store_module.StoreError as error:
        progress.end()
        print(error_line(str(error)), file=sys.stderr)
        if isinstance(error, store_module.StoreFull) and summary.added + summary.updated:
            said(_kept_line(summary, args))
        if failed is not None:
            failed.append(str(error))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _interrupted(summary, args, progress)
        raise
    if skipped is not None:
        skipped.extend(summary.skipped)
    named = {str(Path(p)) for p in args.paths}
    named_skipped = False
    for path, reason in summary.skipped:
        named_skipped = named_skipped or path in named
        # a fixed reason (a message id) in the interface language, a library's words as they are
        print(skipped_line(f"{path}: {_(reason)}"), file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        _n(
            "govread: indexed {total} report in {path}: {added} added, {updated} updated, "
            "{unchanged} unchanged, {pruned} pruned, {skipped} skipped ({seconds:.1f} s)",
            "govread: indexed {total} reports in {path}: {added} added, {updated} updated, "
            "{unchanged} unchanged, {pruned} pruned, {skipped} skipped ({seconds:.1f} s)",
            total,
        ).format(
            total=total,
            path=sanitize(str(store.path)),
            added=summary.added,
            updated=summary.updated,
            unchanged=summary.unchanged,
            pruned=summary.pruned,
            skipped=len(summary.skipped),
            seconds=elapsed,
        ),
        file=sys.stderr,
    )
    if summary.stale:
        said(_stale_line(summary.stale, args.store))
    if summary.compaction_skipped is not None:
        said(
            _(
                "govread: the store was not compacted ({reason}); the next govread index "
                "tries again"
            ).format(reason=_(summary.compaction_skipped))
        )
    return EXIT_FAILED if named_skipped or missing else EXIT_OK


def _command(paths: Sequence[str], store: Path | None) -> str:
    """`govread index` on these paths (and store), quoted for a shell (shown sanitised)."""
    words = ["govread", "index", *paths]
    if store is not None:
        words += ["--store", str(store)]
    return shlex.join(words)


def _interrupted(
    summary: store_module.IndexSummary, args: argparse.Namespace, progress: ProgressLine
) -> None:
    """Ctrl-C: what the store kept (every batch written before it is whole) and how to
    finish."""
    progress.end()
    kept = summary.added + summary.updated
    line = _n(
        "govread: interrupted; {n} report was written to the store before it stopped "
        "({added} added, {updated} updated), the store is usable as it is; run {command} "
        "again to finish",
        "govread: interrupted; {n} reports were written to the store before it stopped "
        "({added} added, {updated} updated), the store is usable as it is; run {command} "
        "again to finish",
        kept,
    ).format(
        n=kept,
        added=summary.added,
        updated=summary.updated,
        command=_command(args.paths, args.store),
    )
    said(line)


def _kept_line(summary: store_module.IndexSummary, args: argparse.Namespace) -> str:
    """After a store filled up: what the batches written before it hold, and how to finish
    (the error line says only that the last batch was not written)."""
    kept = summary.added + summary.updated
    return _n(
        "govread: {n} report of this run was written to the store before it filled "
        "({added} added, {updated} updated) and is kept; with room, run {command} again to "
        "finish",
        "govread: {n} reports of this run were written to the store before it filled "
        "({added} added, {updated} updated) and are kept; with room, run {command} again to "
        "finish",
        kept,
    ).format(
        n=kept,
        added=summary.added,
        updated=summary.updated,
        command=_command(args.paths, args.store),
    )


def _stale_line(stale: Sequence[str], store: Path | None) -> str:
    """The reports kept outside the paths given that older code indexed, and the command
    that refreshes them."""
    folders = sorted({str(Path(path).parent) for path in stale})
    shown = folders[:STALE_FOLDERS_SHOWN]
    line = _n(
        "govread: {n} report outside these paths was indexed by an older govread; kept as it "
        "is (its file is still there); refresh it with: {command}",
        "govread: {n} reports outside these paths were indexed by an older govread; kept as "
        "they are (their files are still there); refresh them with: {command}",
        len(stale),
    ).format(n=len(stale), command=_command(shown, store))
    if len(folders) > len(shown):
        more = len(folders) - len(shown)
        line += _n(" (and {n} more folder)", " (and {n} more folders)", more).format(n=more)
    return line

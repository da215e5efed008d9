"""Export marked nodes and comparisons as TOML (format ``govread-export/1``), and read them back.

The schema is documented in the README ("Export format"). In short: top-level ``format``,
``exported`` (an offset date-time) and ``govread`` (the version), then one ``[[item]]`` per
exported node and, for a comparison, one ``[[pair]]`` per row holding both sides. A field
whose value is unknown is left out, never written as an empty string. Text is written so
that `tomllib` gives it back byte for byte. Unless told otherwise (``figures=None`` or a
hook of one's own), every node carries the figures `govread.figures` finds in its text
(`text_figures`), so the browser's dialog and `govread export` write them alike. Given an
annotation lookup (a `MarkSet`'s ``tags_and_note``), a node also carries its ``tags`` and
``note``, which `read_export` gives back (checked, held to the marks' limits) for restoring.

This module knows nothing of how reports are found or opened (no `govread.corpus`): it
takes `NodeRef`s and gives node ids back, so the browser and the CLI share it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import govread
from govread import statefile
from govread.atomic import atomic_write_bytes
from govread.i18n import _
from govread.marks import (
    Annotation,
    AnnotationLookup,
    NodeKind,
    NodeRef,
    clean_note,
    clean_tags,
    is_node_id,
    kind_of,
    report_id_of,
)
from govread.parsers.model import Report
from govread.parsers.own_files import EXPORT_FORMAT_FAMILY, HEAD_BYTES, is_govread_export
from govread.sanitize import escape_toml

if TYPE_CHECKING:  # the figure finder and the TOML writer are imported when an export is made
    from govread.figures import Figure

FORMAT = "govread-export/1"
_FORMAT_FAMILY = EXPORT_FORMAT_FAMILY
NODE_KINDS = ("report", "section", "item")
# Tables of text outside every node: written without an id, never restored as marks.
PASSAGE_KINDS = ("preamble", "closing")
_SHA256 = re.compile(r"[0-9a-f]{64}")

# Figures for a node: a table, or a list of tables, of TOML-able values. None, or
# nothing, means "not known" and the key is left out. The default is `text_figures`.
FiguresHook = Callable[[NodeRef], object]


class ExportError(Exception):
    """An export file that cannot be read back; ``str()`` is ``"<path>: <reason>"``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{statefile.display_path(path)}: {reason}")


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a report that a comparison aligned, written as one side of a pair.

    `node` is the node it lies in (None for the preamble or a part of the closing
    paragraphs, which are no node); `text` is the stretch itself, as compared; `figures`
    those found in it, their node ids the report's (``<id>/closing`` for the closing, so
    that whether one states a target is known); `kind` what a passage outside every node is written as
    (``"closing"`` or ``"preamble"``; ignored when there is a node).
    """

    report: Report
    node: NodeRef | None
    text: str
    heading: str | None = None
    figures: Sequence[Figure] = ()
    kind: str = "closing"


Side = Sequence[NodeRef | Passage]


class Pair(NamedTuple):
    """One row of a comparison: the nodes (or passages) of side a and side b on a theme.

    `similarity` and the keywords are those of the row; None / empty when unknown (a gap).
    """

    theme: str | None
    a: Side
    b: Side
    similarity: float | None = None
    shared_keywords: Sequence[str] = ()
    only_a: Sequence[str] = ()
    only_b: Sequence[str] = ()
    # a secondary row (`govread.compare.Pair.secondary`): a unit here for a subject that is
    # not its main one, or a long unit met by a shorter one; `passages` are (node id, text)
    # of the stretch of each such unit that speaks to the other side
    secondary: bool = False
    passages: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True, slots=True)
class ExportedRef:
    """A node named in an export: the full SHA-256 of its file, of its report's body text
    (None in exports written before ids were keyed by text), its node id, and the tags and
    note it was exported with (empty in exports written without them)."""

    sha256: str
    id: str
    kind: NodeKind
    text_sha256: str | None = None
    tags: tuple[str, ...] = ()
    note: str = ""

    @property
    def annotation(self) -> Annotation:
        return Annotation(self.tags, self.note)


def open_id(ref: ExportedRef, reports: Iterable[Report]) -> str | None:
    """The id `ref` names among `reports`, or None when it names none of them.

    A report with the same body text (another copy of the page, other chrome) takes the id
    as written; the very same file, named in an older export by its bytes' hash, takes the
    id renamed to the report's text identity.
    """
    for report in reports:
        same_text = ref.text_sha256 is not None and ref.text_sha256 == report.text_sha256()
        if same_text and report_id_of(ref.id) == report.id:
            return ref.id
        if ref.sha256 == report.sha256:
            prefix = report_id_of(ref.id)
            if prefix == report.id:
                return ref.id
            if prefix == report.sha256[:12]:
                return report.id + ref.id[len(prefix) :]
    return None


# -- file names -------------------------------------------------------------------------


def default_export_path(
    now: dt.datetime | None = None, folder: str | os.PathLike[str] | None = None
) -> Path:
    """``govread-YYYYMMDD-HHMMSS.toml`` (local time) in `folder`, by default the working one;
    ``…-2.toml``, ``…-3.toml`` … when a file of that name (in any format) is there already:
    two exports in one second must not meet a name the user never chose."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = Path(folder if folder is not None else Path.cwd())
    for count in range(1, 1000):
        name = f"govread-{stamp}" + (f"-{count}" if count > 1 else "")
        if not any(base.glob(f"{name}.*")):  # (the stem alone is a fixed name: no pattern)
            return base / f"{name}.toml"
    return base / f"govread-{stamp}.toml"  # (1,000 in a second: the write refuses to replace)


# -- building ---------------------------------------------------------------------------


def _known(fields: Iterable[tuple[str, object]]) -> dict[str, object]:
    """Only the fields whose value is known: None and empty strings are left out."""
    return {key: value for key, value in fields if value is not None and value != ""}


def _date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None


def report_fields(report: Report) -> dict[str, object]:
    """What an export says about a node's report (unknown fields omitted)."""
    return _known(
        (
            ("region", report.region),
            ("year", report.year),
            ("title", report.title),
            ("published", _date(report.published)),
            ("issuer", report.issuer),
            ("file", report.path),
            ("sha256", report.sha256),
            ("text_sha256", report.text_sha256()),
        )
    )


def figure_table(figure: Figure, target: bool | None = None) -> dict[str, object]:
    """``{label, value, unit, text, approximate, target, indicator, range}`` for one figure;
    unknown fields left out (`indicator` when none applies, `range` unless it is one end of a
    range, `target` when not given: whether the figure states a plan or target rather than
    the year's result, `plan_phase.target_test`, as `govread figures` marks it).

    `value` is normalised (万/亿 multiplied out), `text` the figure as written.
    """
    value = float(figure.value)
    return _known(
        (
            ("label", figure.label),
            ("value", value if math.isfinite(value) else None),
            ("unit", figure.unit),
            ("text", figure.text),
            ("approximate", figure.approximate),
            ("target", target),
            ("indicator", figure.indicator),
            ("range", True if figure.is_range else None),
            ("earlier", True if figure.earlier else None),
        )
    )


def text_figures(ref: NodeRef) -> list[dict[str, object]]:
    """The default figures hook: the figures in a node's own text and its descendants'.

    A report's are those of its preamble, sections and closing; a section's include its
    heading, items and subsections; an item's are those inside it. Document order. Each
    says whether it states a plan or target (`target`), as `govread figures` does.
    """
    from govread.figures import report_figures, section_figures

    if ref.item is not None and ref.section is not None:
        found = [f for f in section_figures(ref.section) if f.node_id == ref.item.id]
    elif ref.section is not None:
        found = section_figures(ref.section)
    else:
        found = report_figures(ref.report)
    return _figure_tables(ref.report, found)


def _figure_tables(report: Report, found: Iterable[Figure]) -> list[dict[str, object]]:
    """The tables of figures of `report`, each with its `target` flag."""
    from govread.plan_phase import target_test

    is_target = target_test(report)
    return [figure_table(figure, is_target(figure)) for figure in found]


def node_table(
    ref: NodeRef | Passage,
    figures: FiguresHook | None = text_figures,
    annotations: AnnotationLookup | None = None,
) -> dict[str, object]:
    """The TOML table for one node: its report's fields, then the node's own, with the
    ``tags`` and ``note`` `annotations` gives for its id (left out when it has none).

    A `Passage` is written like its node, but with the passage's text and figures; one
    outside every node (the closing) has ``kind = "closing"`` and no id or path.
    """
    if isinstance(ref, Passage):
        return _passage_table(ref, figures)
    table: dict[str, object] = {"id": ref.id, "kind": ref.kind}
    table.update(report_fields(ref.report))
    table["path"] = list(ref.path)
    table.update(_known((("number", ref.number), ("level", ref.level), ("heading", ref.heading))))
    if annotations is not None:
        tags, note = annotations(ref.id)
        if tags:
            table["tags"] = list(tags)
        table.update(_known((("note", note),)))
    table["text"] = ref.text()
    if figures is not None:
        _add_figures(table, figures(ref))
    return table


def _passage_table(passage: Passage, figures: FiguresHook | None) -> dict[str, object]:
    node = passage.node
    table: dict[str, object] = (
        {"id": node.id, "kind": node.kind} if node else {"kind": passage.kind}
    )
    table.update(report_fields(passage.report))
    if node is not None:
        table["path"] = list(node.path)
        table.update(_known((("number", node.number), ("level", node.level))))
    table.update(_known((("heading", passage.heading or (node.heading if node else None)),)))
    table["text"] = passage.text
    if figures is not None:
        _add_figures(table, _figure_tables(passage.report, passage.figures))
    return table


def _add_figures(table: dict[str, object], figures: object) -> None:
    found = _toml_value(figures)
    if found is not None and found != {} and found != []:
        table["figures"] = found


def _toml_value(value: object) -> object:
    """A figures value made TOML-able: unknowns (None, "") dropped, containers copied."""
    if value is None or value == "":
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, Mapping):
        table = {}
        for key, inner in value.items():
            converted = _toml_value(inner)
            if converted is not None:
                table[str(key)] = converted
        return table
    if isinstance(value, (list, tuple)):
        return [converted for inner in value if (converted := _toml_value(inner)) is not None]
    if isinstance(value, float) and not math.isfinite(value):
        return None  # nan / inf are not figures anyone can use
    if isinstance(value, (str, bool, int, float, Decimal, dt.date, dt.time)):
        return value
    raise TypeError(f"figures hold a {type(value).__name__}, which TOML cannot represent")


def _timestamp(now: dt.datetime | None) -> dt.datetime:
    """A timezone-aware time to the second (local zone when `now` is naive or absent)."""
    moment = now or dt.datetime.now()
    return moment.astimezone().replace(microsecond=0)


def _header(now: dt.datetime | None) -> dict[str, object]:
    return {"format": FORMAT, "exported": _timestamp(now), "govread": govread.__version__}


def export_document(
    *,
    items: Iterable[NodeRef | Passage] = (),
    pairs: Iterable[Pair | tuple[str | None, Side, Side]] = (),
    sides: tuple[Report, Report] | None = None,
    figures: FiguresHook | None = text_figures,
    annotations: AnnotationLookup | None = None,
    now: dt.datetime | None = None,
) -> dict[str, object]:
    """The export as plain data (what `tomllib` will read back, apart from dates); the
    items carry the tags and notes `annotations` gives (a comparison's sides do not)."""
    document = _header(now)
    if sides is not None:
        document["compare"] = {"a": report_fields(sides[0]), "b": report_fields(sides[1])}
    item_tables = [node_table(ref, figures, annotations) for ref in items]
    if item_tables:
        document["item"] = item_tables
    pair_tables = []
    for row in pairs:
        row = row if isinstance(row, Pair) else Pair(*row)
        pair: dict[str, object] = _known((("theme", row.theme),))
        if row.similarity is not None and math.isfinite(row.similarity):
            pair["similarity"] = float(row.similarity)
        for key in ("shared_keywords", "only_a", "only_b"):
            words = [word for word in getattr(row, key) if word]
            if words:
                pair[key] = words
        if row.secondary:
            pair["secondary"] = True
        pair["a"] = [node_table(ref, figures) for ref in row.a]
        pair["b"] = [node_table(ref, figures) for ref in row.b]
        if row.passages:
            pair["passage"] = [{"id": node_id, "text": text} for node_id, text in row.passages]
        pair_tables.append(pair)
    if pair_tables:
        document["pair"] = pair_tables
    return document


def dumps(document: Mapping[str, object]) -> str:
    """TOML text for a document, exact for every string in it.

    Strings with newlines are written as multi-line strings, which people read easily,
    unless some string holds a carriage return: tomli-w's multi-line form turns CRLF into
    LF, so then every string is written on one line with escapes instead.
    """
    return _toml(document, multiline=not _holds_carriage_return(document))


def _toml(document: Mapping[str, object], *, multiline: bool) -> str:
    import tomli_w

    encodable = _encodable(document)
    assert isinstance(encodable, dict)
    # C1 and bidi controls escaped: an export printed or viewed holds nothing raw
    return escape_toml(tomli_w.dumps(encodable, multiline_strings=multiline))


# `export_chunks` writes its tables a few at a time, up to this much text: tomli-w renders the
# first table of each list whole to see whether it fits on one line, so a table at a time
# would render every table twice.
STREAM_BATCH_CHARS = 32_768


class CarriageReturnMet(Exception):
    """A streamed export met a carriage return after writing multi-line strings: the
    document must be written again with every string on one line (`dumps`)."""


def export_chunks(
    refs: Iterable[NodeRef | Passage],
    *,
    figures: FiguresHook | None = text_figures,
    annotations: AnnotationLookup | None = None,
    now: dt.datetime | None = None,
    multiline: bool = True,
) -> Iterator[str]:
    """`export_items`'s text a few tables at a time: the header, then the nodes'
    ``[[item]]`` tables as they are made, so an export of a whole corpus holds a few nodes
    (`STREAM_BATCH_CHARS`) at a time. Their
    concatenation is `export_items`'s text, byte for byte: with `multiline` (which
    `dumps` chooses unless some string holds a carriage return), `CarriageReturnMet` is
    raised at the first table holding one; write the export again with ``multiline=False``.
    """
    yield _toml(_header(now), multiline=multiline)
    batch: list[dict[str, object]] = []
    held = 0
    for ref in refs:
        table = node_table(ref, figures, annotations)
        if multiline and _holds_carriage_return(table):
            raise CarriageReturnMet
        batch.append(table)
        held += len(str(table.get("text", "")))
        if held >= STREAM_BATCH_CHARS:
            yield "\n" + _toml({"item": batch}, multiline=multiline)
            batch, held = [], 0
    if batch:
        yield "\n" + _toml({"item": batch}, multiline=multiline)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _encodable_text(text: str) -> str:
    """`text` that UTF-8 can encode: a file name's undecodable bytes (held by Python as
    lone surrogates, ``b"\\xff"`` → ``"\\udcff"``) written as ``\\xff``, any other lone
    surrogate as U+FFFD."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"

    return _SURROGATE.sub(visible, text)


def _encodable(value: object) -> object:
    """A copy of a document's containers with every string made encodable."""
    if isinstance(value, str):
        return _encodable_text(value)
    if isinstance(value, Mapping):
        return {_encodable_text(str(k)): _encodable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encodable(v) for v in value]
    return value


def _holds_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, Mapping):
        return any(_holds_carriage_return(k) or _holds_carriage_return(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_holds_carriage_return(v) for v in value)
    return False


def export_items(
    refs: Iterable[NodeRef | Passage],
    *,
    figures: FiguresHook | None = text_figures,
    annotations: AnnotationLookup | None = None,
    now: dt.datetime | None = None,
) -> str:
    """TOML text with one ``[[item]]`` per node, in the order given, each with the tags
    and note `annotations` gives for it (a `MarkSet`'s ``tags_and_note``)."""
    return dumps(export_document(items=refs, figures=figures, annotations=annotations, now=now))


def export_pairs(
    pairs: Iterable[Pair | tuple[str | None, Side, Side]],
    *,
    sides: tuple[Report, Report] | None = None,
    items: Iterable[NodeRef] = (),
    figures: FiguresHook | None = text_figures,
    now: dt.datetime | None = None,
) -> str:
    """TOML text with one ``[[pair]]`` per row (theme, a nodes, b nodes, similarity…).

    `sides` names the two reports compared (written as ``[compare.a]`` / ``[compare.b]``),
    so a side with no node for a theme still says which report it is; marked `items`
    may be exported with the pairs.
    """
    return dumps(export_document(items=items, pairs=pairs, sides=sides, figures=figures, now=now))


def write_export(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write export text atomically; never replaces a file unless `overwrite`.

    Raises `govread.atomic.OverwriteRefused` / `WriteError` (one-line reasons).
    """
    return atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def write_items(
    path: str | os.PathLike[str],
    refs: Iterable[NodeRef],
    *,
    overwrite: bool = False,
    figures: FiguresHook | None = text_figures,
    annotations: AnnotationLookup | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Export nodes straight to a file: `export_items` then `write_export`.

    On `OverwriteRefused`, ask, then call again with ``overwrite=True``.
    """
    text = export_items(refs, figures=figures, annotations=annotations, now=now)
    return write_export(path, text, overwrite=overwrite)


# -- reading back -----------------------------------------------------------------------


def is_export_path(path: str | os.PathLike[str]) -> bool:
    """Whether a path given on the command line names an export to restore marks from,
    rather than a report to open: a ``*.toml`` name, or a regular file whatever its name
    whose first line is ``format = "govread-export/…"`` (an export saved as ``mymarks``
    or ``notes.txt``; `govread.parsers.own_files`). Only a regular file's first bytes are
    read, never blocking (a FIFO is left to the readers to refuse)."""
    if Path(path).suffix.lower() == ".toml":
        return True
    return _holds_export(path)


def _holds_export(path: str | os.PathLike[str]) -> bool:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return is_govread_export(os.read(fd, HEAD_BYTES))
    except OSError:
        return False
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class ExportContents:
    """What an export file holds, for restoring marks.

    `items` are the nodes of its ``[[item]]`` tables, in file order: the marks it carries.
    `pairs` counts the rows of a comparison (``[[pair]]``, or ``[[row]]`` for three reports
    or more): those name the units the
    comparison aligned, which the user never marked, so they are never restored as marks.
    """

    items: list[ExportedRef]
    pairs: int

    @property
    def is_comparison(self) -> bool:
        return self.pairs > 0


def read_export_contents(path: str | os.PathLike[str]) -> ExportContents:
    """The marks (``[[item]]`` nodes) and the number of comparison rows of an export.

    Read through the guarded reader: a FIFO or device named ``x.toml``, a file over
    256 MiB, text nested too deep or numbers too large are refused at once. Raises
    `ExportError` with one line when the file cannot be read, is not TOML, or is not a
    govread export this version understands.
    """
    try:
        document = statefile.load_toml(path, max_bytes=statefile.MAX_EXPORT_BYTES)
    except statefile.StateFileError as error:
        raise ExportError(path, error.reason) from None
    if document is None:
        raise ExportError(path, _("no such file"))
    _check_format(path, document.get("format"))
    refs: list[ExportedRef] = []
    for index, table in enumerate(_tables(path, document, "item"), start=1):
        if table.get("kind") in PASSAGE_KINDS and "id" not in table:
            continue  # the preamble or the closing: no node to mark
        refs.append(_ref(path, table, _("item {n}").format(n=index)))
    pairs = _tables(path, document, "pair")
    for pair in pairs:  # checked, so a damaged file says so
        for side in ("a", "b"):
            _tables(path, pair, side)
    rows = _tables(path, document, "row")  # a comparison of three reports or more
    for row in rows:
        for cell in _tables(path, row, "cell"):
            _tables(path, cell, "node")
    return ExportContents(items=refs, pairs=len(pairs) + len(rows))


def read_export(path: str | os.PathLike[str]) -> list[ExportedRef]:
    """The nodes an export marks (its ``[[item]]`` tables), in file order; a comparison's
    rows are not marks and are left out (see `read_export_contents`).

    Raises `ExportError` like `read_export_contents`.
    """
    return read_export_contents(path).items


def marks_from_export(
    path: str | os.PathLike[str], reports: Iterable[Report] | None = None
) -> set[str]:
    """The node ids an export marks, to mark them again.

    With `reports`, only ids of those reports (matched by their body text's SHA-256, or by
    their file's for an older export; see `open_id`). Raises `ExportError` like `read_export`.
    """
    refs = read_export(path)
    if reports is None:
        return {ref.id for ref in refs}
    reports = list(reports)
    return {found for ref in refs if (found := open_id(ref, reports)) is not None}


def _check_format(path: str | os.PathLike[str], found: object) -> None:
    if found == FORMAT:
        return
    if isinstance(found, str) and found.startswith(_FORMAT_FAMILY):
        shown = statefile.sanitize(found[:40]) + ("…" if len(found) > 40 else "")
        raise ExportError(
            path,
            _(
                "is in format {found}, which this govread ({version}) does not know; it reads {known}"
            ).format(found=shown, version=govread.__version__, known=FORMAT),
        )
    raise ExportError(
        path, _('is not a govread export (no format = "{known}")').format(known=FORMAT)
    )


def _tables(
    path: str | os.PathLike[str], parent: Mapping[str, object], key: str
) -> list[Mapping[str, object]]:
    value = parent.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise ExportError(path, _("{key} is not an array of tables").format(key=key))
    return value


def _ref(path: str | os.PathLike[str], table: Mapping[str, object], where: str) -> ExportedRef:
    sha256, node_id = table.get("sha256"), table.get("id")
    text_sha256 = table.get("text_sha256")
    if not isinstance(sha256, str) or _SHA256.fullmatch(sha256) is None:
        raise ExportError(path, _("{where} has no sha256 (64 hex digits)").format(where=where))
    if text_sha256 is not None and (
        not isinstance(text_sha256, str) or _SHA256.fullmatch(text_sha256) is None
    ):
        raise ExportError(
            path, _("{where} has a text_sha256 that is not 64 hex digits").format(where=where)
        )
    if node_id is None and table.get("kind") == "report":
        node_id = (text_sha256 or sha256)[:12]
    if not isinstance(node_id, str) or not is_node_id(node_id):
        raise ExportError(path, _("{where} has no valid id").format(where=where))
    # Ids are named by the report's text (a report with no body, or an older export: by
    # the file's bytes).
    if report_id_of(node_id) not in {sha256[:12], (text_sha256 or sha256)[:12]}:
        raise ExportError(
            path,
            _("{where}: its id does not belong to sha256 {sha}…").format(
                where=where, sha=sha256[:12]
            ),
        )
    tags, note = table.get("tags", []), table.get("note", "")
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ExportError(
            path, _("{where} has tags that are not a list of text").format(where=where)
        )
    if not isinstance(note, str):
        raise ExportError(path, _("{where} has a note that is not text").format(where=where))
    return ExportedRef(
        sha256=sha256,
        id=node_id,
        kind=kind_of(node_id),
        text_sha256=text_sha256,
        tags=clean_tags(tags),  # the limits marks.json applies
        note=clean_note(note),
    )

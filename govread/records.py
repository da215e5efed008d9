"""Records researchers open: exported nodes, search hits and comparison rows as CSV (UTF-8
with a BOM), JSON Lines and Markdown.

Spreadsheets, R and pandas read CSV and JSON Lines; Markdown is for notes. Each kind of
record has one row builder (`node_row` for marked or exported nodes with their tags and
notes, `hit_row` for search hits, `pair_row` for the rows of a comparison) giving a flat
dict with fixed columns, and the writers turn a list of such rows into text (CSV and JSON
Lines through `govread.tabular`, the one table writer):

* CSV: a BOM first (so Excel takes the file as UTF-8 and the Chinese shows intact), a
  header row, CRLF line ends (RFC 4180), every field quoted where needed by `csv`. A cell
  that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
  or carriage return) gets a leading ``'``; lists are joined by ``;``.
* JSON Lines: one JSON object per line, with a ``schema`` field naming the record kind
  and its version (``govread-node/1``, ``govread-hit/1``, ``govread-pair/1``), lists kept
  as lists, no BOM.
* Markdown: one heading per node, the citation, tags and note, the text as a quote.

No Textual here: the CLI and the browser's export dialog share these.
"""

from __future__ import annotations

import codecs
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, Literal

from govread.citation import DEFAULT_STYLE, CitationStyle, citation_line, source_url
from govread.export import Pair, Passage
from govread.i18n import _
from govread.marks import AnnotationLookup, NodeRef
from govread.node_ids import outside_unit_id
from govread.sanitize import dumps_json, sanitize, sanitize_line, sanitize_path
from govread.tabular import BOM, FORMULA_STARTS, LIST_SEPARATOR, csv_text

if TYPE_CHECKING:
    from govread.search import Hit

TabularFormat = Literal["csv", "jsonl", "md"]
TABULAR_FORMATS: tuple[TabularFormat, ...] = ("csv", "jsonl", "md")
# What each file extension writes, for the export dialog's path.
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".toml": "toml",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "md",
    ".markdown": "md",
}

NODE_SCHEMA = "govread-node/1"
HIT_SCHEMA = "govread-hit/1"
PAIR_SCHEMA = "govread-pair/1"
REPORT_SCHEMA = "govread-report/1"

Row = dict[str, object]


def _report_columns(node: NodeRef | Passage) -> Row:
    report = node.report
    return {
        "region": report.region,
        "year": report.year,
        "title": report.title,  # the report's own, empty when it has none
        "display_title": report.display_title,  # what govread shows: made up when no title
        "issuer": report.issuer,
        "published": report.published,
        "source_url": source_url(report),
        "file": report.path,
        "sha256": report.sha256,
    }


def node_row(
    ref: NodeRef,
    *,
    tags: Sequence[str] = (),
    note: str | None = None,
) -> Row:
    """A marked (or exported) node: where it is, its text, and the reader's tags and note."""
    return {
        "schema": NODE_SCHEMA,
        "id": ref.id,
        "kind": ref.kind,
        **_report_columns(ref),
        "section": list(ref.path),
        "number": ref.number,
        "heading": ref.heading,
        "text": ref.text(),
        "tags": list(tags),
        "note": note,
    }


def passage_row(passage: Passage) -> Row:
    """Text outside every node (a matching preamble or closing), as `govread export` finds it."""
    node = passage.node
    return {
        "schema": NODE_SCHEMA,
        "id": node.id if node else None,
        "kind": node.kind if node else passage.kind,
        **_report_columns(passage),
        "section": list(node.path) if node else [],
        "number": node.number if node else None,
        "heading": passage.heading or (node.heading if node else None),
        "text": passage.text,
        "tags": [],
        "note": None,
    }


def hit_row(hit: Hit) -> Row:
    """A search hit: `Hit.to_json` with the schema, the unit's whole text and the report's
    other columns."""
    row: Row = {"schema": HIT_SCHEMA, **hit.to_json()}
    row["title"] = hit.report.title
    row["display_title"] = hit.report.display_title
    row["issuer"] = hit.report.issuer
    row["published"] = hit.report.published
    row["source_url"] = source_url(hit.report)
    row["text"] = hit.text
    return row


def _side(units: Sequence[NodeRef | Passage]) -> tuple[list[str], str]:
    ids: list[str] = []
    texts: list[str] = []
    for unit in units:
        node = unit if isinstance(unit, NodeRef) else unit.node
        if node is not None:
            ids.append(node.id)
        elif isinstance(unit, Passage):
            ids.append(outside_unit_id(unit.report, unit.kind))  # as compare's json names it
        texts.append(unit.text() if isinstance(unit, NodeRef) else unit.text)
    return ids, "\n".join(texts)


def pair_row(pair: Pair) -> Row:
    """A row of a comparison: its theme, similarity, keywords and each side's ids and text."""
    a_ids, a_text = _side(pair.a)
    b_ids, b_text = _side(pair.b)
    return {
        "schema": PAIR_SCHEMA,
        "theme": pair.theme,
        "similarity": None if pair.similarity is None else round(pair.similarity, 4),
        "shared_keywords": list(pair.shared_keywords),
        "only_a": list(pair.only_a),
        "only_b": list(pair.only_b),
        "a_ids": a_ids,
        "a_text": a_text,
        "b_ids": b_ids,
        "b_text": b_text,
        # a secondary row: the stretch of each unit here for another subject (or of a long
        # unit met by a shorter one) that speaks to the other side
        "secondary": pair.secondary,
        "passage_ids": [node_id for node_id, _text in pair.passages],
        "passage_text": "\n".join(text for _node_id, text in pair.passages),
    }


HIT_COLUMNS = (
    "region", "year", "title", "display_title", "issuer", "published", "source_url", "path",
    "sha256",
    "id", "kind", "section", "heading", "snippet", "text", "score", "match",
)  # fmt: skip


# -- writers ----------------------------------------------------------------------------


def _guarded(value: object) -> object:
    """A cell a spreadsheet will not run as a formula (a leading ``'`` when it would). A
    list is one cell, joined by ``;``: only its start is guarded, its other elements are
    written as they are (a tag ``=SUM(A1)`` after another stays ``=SUM(A1)``)."""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: Sequence[Mapping[str, object]], columns: Sequence[str] | None = None) -> str:
    """CSV text with a BOM and a header; `columns` defaults to the first row's keys
    (without ``schema``, which a spreadsheet does not need)."""
    if columns is None:
        columns = _csv_columns(rows[0] if rows else {})
    return csv_text(columns, map(_guarded_row, rows))


def _csv_columns(first: Mapping[str, object]) -> list[str]:
    return [key for key in first if key != "schema"]


def _guarded_row(row: Mapping[str, object]) -> Row:
    return {key: _guarded(value) for key, value in row.items()}


def to_jsonl(rows: Sequence[Mapping[str, object]]) -> str:
    """One JSON object per line (Chinese as is; only characters unsafe on a terminal
    \\u-escaped, so the data stays exact), newline-terminated."""
    return "".join(dumps_json(dict(row)) + "\n" for row in rows)


def _md_escape(text: str) -> str:
    # Enough for a heading or a list line not to turn into other Markdown: the
    # characters that start or delimit markup are backslash-escaped.
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in " ".join(text.split()))


def to_markdown(rows: Sequence[Mapping[str, object]], *, citations: Sequence[str] = ()) -> str:
    """Notes as Markdown: per node a heading, its citation, tags and note, the text quoted."""
    lines = ["# govread notes", ""]
    for index, row in enumerate(rows):
        lines += _markdown_block(row, citations[index] if index < len(citations) else "")
    return "\n".join(lines)


def _markdown_block(row: Mapping[str, object], citation: str) -> list[str]:
    """One node of `to_markdown`: its lines, the last one empty."""
    lines: list[str] = []
    where = " ".join(str(v) for v in (row.get("region"), row.get("year")) if v)
    section = row.get("section") or []
    label = " › ".join(str(s) for s in section) if isinstance(section, list) else ""
    heading = " · ".join(
        part
        for part in (where, label or str(row.get("title") or row.get("display_title") or ""))
        if part
    )
    lines += [f"## {_md_escape(heading)}", ""]
    if citation:
        lines += [f"*{_md_escape(citation)}*", ""]
    tags = row.get("tags") or []
    if isinstance(tags, list) and tags:
        lines += ["Tags: " + ", ".join(_code_span(str(tag)) for tag in tags), ""]
    note = row.get("note")
    if note:
        lines += _note_lines(str(note))
        lines.append("")
    text = str(row.get("text") or "")
    lines += ["> " + _md_escape(line) if line.strip() else ">" for line in text.split("\n")]
    lines.append("")
    # every line through the one sanitiser: a file and standard output (`-o -`,
    # `terminal_safe`) get the very same document, and neither holds a raw control
    return [sanitize_line(line) for line in lines]


def _code_span(text: str) -> str:
    """`text` as a Markdown code span, exactly (CommonMark): fenced by one backtick more
    than its longest run of them, with a space inside the fences when it starts or ends
    with a backtick (or a space, which the fence's space would eat)."""
    text = " ".join(text.split())
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _note_lines(note: str) -> list[str]:
    """A note's lines as Markdown keeps them: each line break a hard break (a ``\\`` at the
    end of the line), an empty line a new paragraph."""
    lines = [_md_escape(line) if line.strip() else "" for line in note.splitlines()]
    return [
        line + "\\" if line and index + 1 < len(lines) and lines[index + 1] else line
        for index, line in enumerate(lines)
    ]


def export_format_for_path(path: str, default: str = "toml") -> str:
    """The export format a file name asks for by its extension (``.csv`` → csv …)."""
    lowered = path.lower()
    for suffix, name in FORMAT_BY_SUFFIX.items():
        if lowered.endswith(suffix):
            return name
    return default


# Extensions of formats no export writes (spreadsheets, documents, JSON where it is not
# written): a file so named is refused, never written in another format under that name (a
# CSV named .xlsx, which Excel will not open).
OTHER_FORMAT_SUFFIXES = frozenset(
    {".xlsx", ".xlsm", ".xls", ".ods", ".numbers", ".doc", ".docx", ".odt", ".rtf", ".pdf"}
    | {".html", ".htm", ".xml", ".json", ".tsv", ".yaml", ".yml", ".parquet"}
)
MARKS_SUFFIXES = (".toml", ".csv", ".jsonl", ".md")  # what the marks' export writes


def unwritten_format(name: str, written: Sequence[str]) -> str | None:
    """Why an export that writes the extensions `written` does not write a file called
    `name`: its extension is another format's (`OTHER_FORMAT_SUFFIXES`). None when it may
    be written. One line, sanitised."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in OTHER_FORMAT_SUFFIXES or suffix in written:
        return None
    choices = _("{some} or {last}").format(some=", ".join(written[:-1]), last=written[-1])
    return _("{name}: this export does not write {suffix} files; end the name in {choices}").format(
        name=sanitize_path(PurePath(name).name), suffix=sanitize_path(suffix), choices=choices
    )


def terminal_safe(text: str) -> str:
    """`text` with every line sanitised, keeping what a file format needs: a leading BOM
    and CRLF line ends (CSV). JSON from `dumps_json` passes unchanged."""
    bom = text.startswith(BOM)
    lines = (text[1:] if bom else text).split("\n")
    safe = [sanitize(line[:-1]) + "\r" if line.endswith("\r") else sanitize(line) for line in lines]
    return (BOM if bom else "") + "\n".join(safe)


def write_utf8(text: str) -> None:
    """Write `text` to standard output as UTF-8, whatever the locale says (as in a file),
    each line through the terminal sanitiser (`terminal_safe`)."""
    text = terminal_safe(text)
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text-only stream
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def write_utf8_from(source: IO[bytes]) -> None:
    """Copy UTF-8 text already through `terminal_safe` from `source` to standard output,
    a block at a time."""
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text-only stream
        decoder = codecs.getincrementaldecoder("utf-8")()
        for block in chain(iter(lambda: source.read(_BLOCK), b""), [b""]):
            text = decoder.decode(block, final=not block)
            sys.stdout.write(text)
        return
    sys.stdout.flush()
    shutil.copyfileobj(source, binary, _BLOCK)
    binary.flush()


_BLOCK = 2**16


def render_rows(
    nodes: Sequence[NodeRef | Passage],
    fmt: str,
    *,
    annotations: AnnotationLookup | None = None,
    style: CitationStyle = DEFAULT_STYLE,
) -> str:
    """Exported nodes (marks, or what a query found) as ``csv``, ``jsonl`` or ``md`` text,
    with each node's tags and note from `annotations`."""
    return "".join(render_chunks(nodes, fmt, annotations=annotations, style=style))


def render_chunks(
    nodes: Iterable[NodeRef | Passage],
    fmt: str,
    *,
    annotations: AnnotationLookup | None = None,
    style: CitationStyle = DEFAULT_STYLE,
) -> Iterator[str]:
    """`render_rows`'s text a node at a time (the header first), each made as its node
    comes: an export of a whole corpus holds one node at a time."""
    if fmt not in ("csv", "jsonl", "md"):
        raise ValueError(f"not a tabular format: {fmt!r}")
    columns: list[str] | None = None
    if fmt == "md":
        yield "# govread notes\n"
    for node in nodes:
        if isinstance(node, NodeRef):
            tags, note = annotations(node.id) if annotations else ((), None)
            row = node_row(node, tags=tags, note=note)
            citation = citation_line(node.report, node, style=style)
        else:
            row = passage_row(node)
            citation = citation_line(node.report, node.node, style=style)
        if fmt == "jsonl":
            yield dumps_json(row) + "\n"
        elif fmt == "md":
            yield "\n" + "\n".join(_markdown_block(row, citation))
        elif columns is None:  # the first row names the columns
            columns = _csv_columns(row)
            yield csv_text(columns, [_guarded_row(row)])
        else:
            yield csv_text(columns, [_guarded_row(row)], bom=False, header=False)
    if fmt == "csv" and columns is None:
        yield to_csv([])

"""Marks: the set of nodes (reports, sections, inline items) a reader has collected.

A node is named by its id, which starts with the report's id, the first 12 hex digits of
the SHA-256 of the file's bytes: ``"<sha12>"`` for a report, ``"<sha12>/1.2"`` for a
section, ``"<sha12>/1.2#3"`` for an item. Marks are therefore keyed by file content, not
by path: the same file opened from anywhere shows its marks, and marks of reports that
are not open are kept untouched for the next time they are.

`MarkSet` saves itself after every change to ``marks.json`` under the user's data
directory, by merging: under a lock on ``marks.json.lock`` it reads what is on disk,
applies this session's changes (the marks added and removed since the last save, never
the whole set) and writes the result atomically, so two govreads marking at once keep
each other's marks. The file is read through `govread.statefile`; one that cannot be
understood is moved aside (``marks.json.bad-<timestamp>``) and reported, never fatal. `NodeRef` / `resolve` / `iter_nodes` turn ids back into report nodes with the
path of headings above them, for the browser and the exporter alike.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from govread import statefile
from govread.atomic import WriteError, atomic_write_text, describe_os_error
from govread.atomic import try_lock as _try_lock
from govread.i18n import N_, _
from govread.node_ids import (
    NodeKind,
    document_order_key,
    is_node_id,
    kind_of,
    parse_node_id,
    report_id,
    report_id_of,
)
from govread.parsers.model import Item, Report, Section
from govread.sanitize import dumps_json, sanitize, sanitize_line

MARKS_FORMAT = "govread-marks/1"

# How long a save waits for another govread's save to finish before giving up (the
# change stays in memory and is saved with the next one).
LOCK_TIMEOUT = 5.0

# The node-id grammar lives in govread.node_ids; these names are re-exported for callers.
__all__ = [
    "LOCK_TIMEOUT",
    "MARKS_FORMAT",
    "AnnotationLookup",
    "MarkSet",
    "NodeKind",
    "NodeRef",
    "document_order_key",
    "is_node_id",
    "iter_nodes",
    "iter_refs_in_order",
    "kind_of",
    "marks_path",
    "read_marks_file",
    "refs_in_order",
    "report_id",
    "report_id_of",
    "resolve",
    "resolve_in",
]


# -- nodes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NodeRef:
    """One node of an open report, with what is needed to show or export it."""

    id: str
    kind: NodeKind
    report: Report
    section: Section | None  # the section itself, or the item's section; None for a report
    item: Item | None
    path: tuple[str, ...]  # labels from the top-level section down to this node, inclusive

    @property
    def node(self) -> Report | Section | Item:
        return self.item or self.section or self.report

    @property
    def number(self) -> str | None:
        node = self.item or self.section
        return (node.number or None) if node else None

    @property
    def level(self) -> int | None:
        """The section's level (1-4, by heading form); None for reports and items."""
        return self.section.level if self.kind == "section" and self.section else None

    @property
    def heading(self) -> str | None:
        node = self.item or self.section
        return (node.heading or None) if node else None

    def text(self) -> str:
        """The exact text of the node and its descendants, paragraphs separated by newlines."""
        if self.item is not None:
            return self.item.text
        if self.section is not None:
            return self.section.full_text()
        return self.report.full_text()


def _item_label(item: Item) -> str:
    return f"{item.marker}{item.heading}"


def iter_nodes(report: Report) -> Iterator[NodeRef]:
    """Every node of a report in document order: the report, then each section and its items."""
    yield NodeRef(report_id(report), "report", report, None, None, ())

    def visit(section: Section, above: tuple[str, ...]) -> Iterator[NodeRef]:
        path = (*above, section.label)
        yield NodeRef(section.id, "section", report, section, None, path)
        for item in section.items_before_children():
            yield NodeRef(item.id, "item", report, section, item, (*path, _item_label(item)))
        for child in section.children:
            yield from visit(child, path)
        for item in section.items_after_children():  # a part's summing-up
            yield NodeRef(item.id, "item", report, section, item, (*path, _item_label(item)))

    for top in report.sections:
        yield from visit(top, ())


def resolve_in(report: Report, node_id: str) -> NodeRef | None:
    """The node of `report` with this id, or None (the id names another report, or no node)."""
    parsed = parse_node_id(node_id)
    if parsed is None or parsed[0] != report_id(report):
        return None
    _report, numbers, item_number = parsed
    if numbers is None:
        return NodeRef(node_id, "report", report, None, None, ())
    section_id, _hash, _item = node_id.partition("#")
    chain = _section_chain(report, section_id, numbers)
    if chain is None:
        return None
    section = chain[-1]
    path = tuple(s.label for s in chain)
    if item_number is None:
        return NodeRef(node_id, "section", report, section, None, path)
    item = next((i for i in section.items if i.id == node_id), None)
    if item is None:
        return None
    return NodeRef(node_id, "item", report, section, item, (*path, _item_label(item)))


def _section_chain(report: Report, section_id: str, numbers: str) -> list[Section] | None:
    """The sections from the top level down to `section_id`.

    Ids are positional (``/2.3`` is the third child of the second section), so this is a
    walk down the tree; each step is checked against the real id in case that changes.
    """
    chain: list[Section] = []
    siblings = report.sections
    prefix = report_id(report) + "/"
    for index, part in enumerate(numbers.split(".")):
        position = int(part) - 1
        expected = prefix + ".".join(numbers.split(".")[: index + 1])
        if not 0 <= position < len(siblings) or siblings[position].id != expected:
            return _search_chain(report, section_id)
        section = siblings[position]
        chain.append(section)
        siblings = section.children
    return chain


def _search_chain(report: Report, section_id: str) -> list[Section] | None:
    def visit(section: Section, above: list[Section]) -> list[Section] | None:
        chain = [*above, section]
        if section.id == section_id:
            return chain
        for child in section.children:
            found = visit(child, chain)
            if found:
                return found
        return None

    for top in report.sections:
        found = visit(top, [])
        if found:
            return found
    return None


def resolve(reports: Iterable[Report], node_id: str) -> NodeRef | None:
    """The node with this id among `reports`, or None when none of them holds it."""
    owner = report_id_of(node_id)
    for report in reports:
        if report_id(report) == owner:
            found = resolve_in(report, node_id)
            if found is not None:
                return found
    return None


def refs_in_order(reports: Sequence[Report], node_ids: Iterable[str]) -> list[NodeRef]:
    """The nodes these ids name, in document order: reports in the order given, then by
    position in each report. Ids of reports not given, or of no node, are left out."""
    return list(iter_refs_in_order(reports, node_ids))


def iter_refs_in_order(
    reports: Iterable[Report], node_ids: Iterable[str] | None
) -> Iterator[NodeRef]:
    """`refs_in_order`, each node as soon as its report comes (reports may be loaded as
    they are asked for: only the one being read is held). `node_ids` None: every report
    whole (its own id)."""
    wanted: dict[str, list[str]] = {}
    for node_id in node_ids or ():
        if is_node_id(node_id):
            wanted.setdefault(report_id_of(node_id), []).append(node_id)
    seen: set[str] = set()
    for report in reports:
        rid = report_id(report)
        if (node_ids is not None and rid not in wanted) or rid in seen:
            continue
        seen.add(rid)
        ids = sorted(set(wanted.get(rid, [rid])), key=document_order_key)
        if len(ids) > 1 and any(s.after_children for s in report.walk()):
            # a part's summing-up items follow its subsections: the report tells, not the ids
            place = {ref.id: n for n, ref in enumerate(iter_nodes(report))}
            ids.sort(key=lambda node_id: place.get(node_id, len(place)))
        for node_id in ids:
            ref = resolve_in(report, node_id)
            if ref is not None:
                yield ref


# -- tags and notes ---------------------------------------------------------------------

MAX_TAGS = 32  # per node
MAX_TAG_CHARS = 40
MAX_NOTE_CHARS = 20_000

# The tags and note of a node id (empty and None when it has none), as exports take them.
AnnotationLookup = Callable[[str], tuple[Sequence[str], str | None]]


@dataclass(frozen=True, slots=True)
class Annotation:
    """A reader's coding of one node: its tags (in the order given) and a free note."""

    tags: tuple[str, ...] = ()
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.tags or self.note)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: inner whitespace made one space, control, bidi and invisible
    characters as the visible escapes of the one sanitiser (`sanitize_line`: ``\\x1b``, as
    the tags box keeps what is pasted into it), no empty or repeated tag (the first
    spelling kept), each at most `MAX_TAG_CHARS`, at most `MAX_TAGS`. What an export or
    a marks.json brings in is cleaned so too: no tag ever holds such a character."""
    cleaned: list[str] = []
    for tag in tags:
        text = sanitize_line(" ".join(str(tag).split()))[:MAX_TAG_CHARS].strip()
        if text and text not in cleaned:
            cleaned.append(text)
    return tuple(cleaned[:MAX_TAGS])


def clean_note(note: str) -> str:
    """A note as stored: line ends made ``\\n``, control, bidi and invisible characters
    as the sanitiser's visible escapes (newlines and tabs kept, as in the note box),
    surrounding whitespace dropped, at most `MAX_NOTE_CHARS`."""
    text = note.replace("\r\n", "\n").replace("\r", "\n")
    return sanitize(text).strip()[:MAX_NOTE_CHARS]


def merge_annotation(mine: Annotation, imported: Annotation) -> Annotation:
    """`imported` (from an export being restored) merged into the user's own `mine`,
    never losing what the user has: the tags are the union (the user's first, in their
    order); the note is the user's when the two are equal or the imported one is empty,
    the imported one when the user has none, and otherwise the user's with the imported
    one appended on a new line, unless the user's already holds it."""
    tags = clean_tags((*mine.tags, *imported.tags))
    if not mine.note or not imported.note or imported.note in mine.note:
        note = mine.note or imported.note
    else:
        note = clean_note(f"{mine.note}\n{imported.note}")
    return Annotation(tags, note)


_QUOTE_MARKS = str.maketrans("", "", '"“”「」『』')


def _without_quotes(tag: str) -> str:
    return tag.translate(_QUOTE_MARKS).strip()


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed in one line, separated by commas (, ，、) or semicolons."""
    return clean_tags(_typed_tags(text))


def _typed_tags(text: str) -> list[str]:
    for separator in "，、;；":
        text = text.replace(separator, ",")
    return text.split(",")


def tags_cut(text: str) -> bool:
    """Whether tags typed in one line lose something to the limits (more than `MAX_TAGS`
    different tags, one longer than `MAX_TAG_CHARS`): the tags box says so."""
    typed = [" ".join(tag.split()) for tag in _typed_tags(text)]
    typed = [tag for tag in typed if tag]
    return len(dict.fromkeys(typed)) > MAX_TAGS or any(len(t) > MAX_TAG_CHARS for t in typed)


# -- the mark set -----------------------------------------------------------------------


def marks_path() -> Path:
    """Where marks are kept: ``marks.json`` in the user's data directory."""
    return Path(platformdirs.user_data_dir("govread")) / "marks.json"


# What a marks file remembers of a marked report's text: {"path": the file, "headings":
# {id suffix ("" for the report, "/1.2", "/1.2#3"): the node's label}}.
TextRecord = dict[str, Any]


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """What `MarkSet.carry_over` did for one open file whose text changed: `carried`
    nodes moved from the earlier text `old_id` to `report`; `left` the labels of those
    whose node is gone or changed, kept under the earlier text."""

    report: Report
    old_id: str
    carried: int
    left: tuple[str, ...]


def _file_key(path: str) -> str:
    """A file as the records name it: its absolute, normalised path."""
    return os.path.normpath(os.path.abspath(path))


def _node_label(ref: NodeRef) -> str:
    return ref.path[-1] if ref.path else ""


class MarkSet:
    """The marked node ids, saved after every change when the set has a file.

    Mutating methods never raise on a failed save: the change stays in memory (and is
    saved with the next successful save), `save_error` holds one line saying why, and
    `on_save_error` (if given) is called with it, so the browser can tell the user while
    the marks stay. A save that finds marks another govread made meanwhile takes them in
    and calls `on_external_change` with the ids whose state that flipped. A file found
    damaged by a save (another program wrote it meanwhile) is set aside and this set
    saved in its place; `on_notice` (if given) is called with one line saying so.
    """

    def __init__(
        self,
        node_ids: Iterable[str] = (),
        *,
        path: str | os.PathLike[str] | None = None,
        on_save_error: Callable[[str], None] | None = None,
        on_external_change: Callable[[frozenset[str]], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        self._ids: set[str] = set()
        for node_id in node_ids:
            self._ids.add(_checked(node_id))
        # This session's changes since the last save: what a save applies to the file.
        # Ids given here are changes too (they are not in the file yet).
        self._added: set[str] = set(self._ids)
        self._removed: set[str] = set()
        self._notes: dict[str, Annotation] = {}
        # ids whose tags or note this session changed, with which of the two ("tags",
        # "note"): a save writes those, and keeps what another session wrote in the other
        self._annotated: dict[str, set[str]] = {}
        # Tags and notes restored from exports since the last save: merged into the file's
        # (`merge_annotation`) under the lock, so another session's coding is never lost.
        self._imported: dict[str, list[Annotation]] = {}
        # Which file each marked report's text was read from, and the labels of its marked
        # nodes (report id -> {"path", "headings": {id suffix: label}}): when the file's
        # text changes (a figure corrected), its marks are carried to the new text
        # (`carry_over`). This session's records are written by a save (`_texts_set`).
        self._texts: dict[str, TextRecord] = {}
        self._texts_set: set[str] = set()
        self._texts_dropped: set[str] = set()  # earlier texts already carried over: said once
        # marked ids naming another node in the reading open now than in the one they were
        # made on (the same text read into other sections: a flattened copy of the file):
        # kept, not shown (`record_texts`)
        self._misread: set[str] = set()
        self._claimed: set[str] = set()  # of those, marked again in the reading open now
        self.path = Path(path) if path is not None else None
        self.on_save_error = on_save_error
        self.on_external_change = on_external_change
        self.on_notice = on_notice
        self.save_error: str | None = None
        # what a save found and did that the user should hear of (a damaged file set aside)
        self._notices: list[str] = []
        self._saving = path is not None

    # -- loading ------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        on_save_error: Callable[[str], None] | None = None,
        on_external_change: Callable[[frozenset[str]], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> tuple[MarkSet, str | None]:
        """The marks saved at `path` (default `marks_path()`), and a warning or None.

        A missing file is an empty set. A file that is not a marks file (not a regular
        file, too large, not JSON, nested too deep, no marks table) is renamed to
        ``<name>.bad-<timestamp>`` (kept for the user, never deleted) and the set starts
        empty; entries that cannot be used are left out, the rest kept, the file copied
        to ``<name>.bad-<timestamp>`` first. A file that cannot be read at all
        (permissions, a folder…) or that a newer govread wrote (``govread-marks/2``) is
        left alone and the set does not save this session, so it is never overwritten.
        """
        path = marks_path() if path is None else Path(path)
        marks = cls(
            path=path,
            on_save_error=on_save_error,
            on_external_change=on_external_change,
            on_notice=on_notice,
        )
        dropped: list[str] = []
        try:
            marks._ids, marks._notes, marks._texts = _read_document(path, dropped)
        except statefile.StateFileError as error:
            warning, marks._saving = statefile.recover(path, error, N_("marks"))
            started = " and started empty" if marks._saving else ""
            return marks, f"marks file {warning}{started}"
        if dropped:
            return marks, _dropped_warning(path, dropped, marks)
        return marks, None

    # -- reading ------------------------------------------------------------------

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._ids and node_id not in self._misread

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        """Every marked id, open or not, grouped by report and in document order within each."""
        return iter(sorted(self._ids, key=document_order_key))

    def __repr__(self) -> str:
        return f"MarkSet({len(self._ids)} marks, path={self.path})"

    def count(self, reports: Iterable[Report] | None = None) -> int:
        """How many marks there are, in all or only in these reports."""
        if reports is None:
            return len(self._ids)
        wanted = {report_id(r) for r in reports}
        return sum(1 for node_id in self._ids if report_id_of(node_id) in wanted)

    def ids_of(self, report: Report) -> set[str]:
        """The marked ids of one report."""
        rid = report_id(report)
        return {node_id for node_id in self._ids if report_id_of(node_id) == rid}

    def ordered(self, reports: Sequence[Report]) -> list[NodeRef]:
        """The marked nodes of these reports, resolved, in document order."""
        return refs_in_order(reports, self._ids - self._misread)

    @property
    def misread(self) -> frozenset[str]:
        """The marked ids kept but not shown: they name other nodes in the reading open now."""
        return frozenset(self._misread)

    def not_found(self, reports: Iterable[Report]) -> int:
        """How many marks of these reports name, as read now, no node or another node than
        the one marked (`record_texts`): kept, not shown. (By ids: no report is read.)"""
        if not self._misread:
            return 0
        wanted = {report_id(r) for r in reports}
        return sum(1 for node_id in self._misread if report_id_of(node_id) in wanted)

    def set_aside_missing(
        self, reports: Iterable[Report], refs: Iterable[NodeRef]
    ) -> frozenset[str]:
        """Of the marks of `reports`, those `refs` (their `ordered` nodes) do not hold: their
        node is gone from the text as read now (a store's report, whose text was not read at
        start, read by a newer parser). Kept, not shown, counted apart as `record_texts`
        counts them for a file; returns those newly set aside."""
        found = {ref.id for ref in refs}
        open_ids = {report_id(r) for r in reports}
        return self._set_aside(
            node_id
            for node_id in self._ids - self._misread
            if node_id not in found and report_id_of(node_id) in open_ids and is_node_id(node_id)
        )

    def _set_aside(self, node_ids: Iterable[str]) -> frozenset[str]:
        """Keep these marks but show none of them, counted apart (`not_found`), unless this
        reading's node was marked again (`_claimed`); the ones newly set aside."""
        new = frozenset(node_ids) - self._claimed - self._misread
        self._misread |= new
        return new

    def iter_ordered(self, reports: Iterable[Report]) -> Iterator[NodeRef]:
        """`ordered`, each node as soon as its report comes."""
        return iter_refs_in_order(reports, self._ids - self._misread)

    def annotation(self, node_id: str) -> Annotation:
        """The tags and note of a node (empty when it has none)."""
        return self._notes.get(node_id, Annotation())

    def tags_and_note(self, node_id: str) -> tuple[tuple[str, ...], str | None]:
        """`annotation` as export rows take it: the tags, and the note or None."""
        found = self.annotation(node_id)
        return found.tags, found.note or None

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first (then alphabetically), for completion."""
        counts: dict[str, int] = {}
        for found in self._notes.values():
            for tag in found.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts, key=lambda tag: (-counts[tag], tag))

    def tagged(self, tag: str) -> set[str]:
        """The ids of the nodes carrying `tag` (a filter's tag:"…" finds a tag written with
        quotes in it by its words: "q" by tag:"q")."""
        bare = _without_quotes(tag)
        return {
            node_id
            for node_id, found in self._notes.items()
            if tag in found.tags or any(_without_quotes(t) == bare for t in found.tags)
        }

    def annotate(
        self, node_id: str, *, tags: Iterable[str] | None = None, note: str | None = None
    ) -> Annotation:
        """Set a node's tags and/or note (None: leave as is), marking the node; saved at once.

        Tagging or noting a node marks it, so it is listed and exported with the marks.
        """
        node_id = _checked(node_id)
        old = self.annotation(node_id)
        new = Annotation(
            clean_tags(tags) if tags is not None else old.tags,
            clean_note(note) if note is not None else old.note,
        )
        if new:
            self._notes[node_id] = new
        else:
            self._notes.pop(node_id, None)
        changed = self._annotated.setdefault(node_id, set())
        changed.update(
            field for field, value in (("tags", tags), ("note", note)) if value is not None
        )
        if node_id not in self._ids:
            self._mark({node_id})
        self._changed()
        return new

    def restore(self, node_ids: Iterable[str], annotations: Mapping[str, Annotation]) -> set[str]:
        """Mark `node_ids` and merge `annotations` (tags and notes read from an export) into
        the nodes' own with `merge_annotation`, with one save; an annotated node is marked
        too. Returns the ids whose tags or note changed."""
        wanted = {_checked(node_id) for node_id in node_ids}
        changed: set[str] = set()
        for node_id, imported in annotations.items():
            node_id = _checked(node_id)
            wanted.add(node_id)
            if not imported:
                continue
            old = self.annotation(node_id)
            merged = merge_annotation(old, imported)
            if merged != old:
                self._imported.setdefault(node_id, []).append(imported)
                self._notes[node_id] = merged
                changed.add(node_id)
        new = wanted - self._ids
        if new:
            self._mark(new)
        if new or changed:
            self._changed()
        return changed

    # -- changing -----------------------------------------------------------------

    def _mark(self, node_ids: set[str]) -> None:
        self._claimed |= node_ids & self._misread  # marked again in the reading open now
        self._misread -= node_ids
        self._ids |= node_ids
        self._added |= node_ids
        self._removed -= node_ids

    def _unmark(self, node_ids: set[str]) -> None:
        self._ids -= node_ids
        self._removed |= node_ids
        self._added -= node_ids

    def toggle(self, node_id: str) -> bool:
        """Mark the node if unmarked, else unmark it; returns whether it is now marked."""
        node_id = _checked(node_id)
        marked = node_id not in self._ids or node_id in self._misread
        if marked:
            self._mark({node_id})
        else:
            self._unmark({node_id})
        self._changed()
        return marked

    def add(self, node_id: str) -> bool:
        """Mark the node; returns False when it was marked already."""
        node_id = _checked(node_id)
        if node_id in self._ids and node_id not in self._misread:
            return False
        self._mark({node_id})
        self._changed()
        return True

    def update(self, node_ids: Iterable[str]) -> int:
        """Mark many nodes with one save; returns how many were new."""
        new = {_checked(node_id) for node_id in node_ids} - (self._ids - self._misread)
        if new:
            self._mark(new)
            self._changed()
        return len(new)

    def adopt(self, reports: Iterable[Report]) -> int:
        """Rename marks that name these reports by their file's bytes to their text ids.

        Marks saved before node ids were named by a report's body text start with the
        first 12 hex digits of the file's SHA-256; on the unchanged file they are the
        same nodes. Renamed with one save; returns how many were renamed.
        """
        renamed = {
            report.sha256[:12]: report.id for report in reports if report.id != report.sha256[:12]
        }
        if not renamed:
            return 0
        old = {node_id for node_id in self._ids if report_id_of(node_id) in renamed}
        if not old:
            return 0
        new = {renamed[node_id[:12]] + node_id[12:] for node_id in old}
        self._unmark(old)
        self._mark(new)
        self._changed()
        return len(old)

    def remove(self, node_id: str) -> bool:
        """Unmark the node; returns False when it was not marked."""
        if node_id not in self._ids:
            return False
        self._unmark({node_id})
        self._changed()
        return True

    def clear(self, reports: Iterable[Report] | None = None) -> int:
        """Unmark everything, or only the nodes of these reports; returns how many went."""
        if reports is None:
            gone = set(self._ids)
        else:
            wanted = {report_id(r) for r in reports}
            gone = {node_id for node_id in self._ids if report_id_of(node_id) in wanted}
        if gone:
            self._unmark(gone)
            self._changed()
        return len(gone)

    # -- saving -------------------------------------------------------------------

    def save(self) -> str | None:
        """Merge this session's changes into the marks file now; None, or why it failed.

        Under the lock: read the file, remove what this session unmarked, add what it
        marked, write atomically. Marks other govreads saved meanwhile are kept, and
        taken into this set.
        """
        if self.path is None:
            return None
        if not self._saving:
            return self.save_error
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path):
                on_disk, disk_notes, texts = self._on_disk()
                merged = (on_disk - self._removed) | self._added
                notes = dict(disk_notes)
                for node_id, fields in self._annotated.items():
                    # this session's word wins for what it changed (tags, note) of a node;
                    # another session's on the other stays
                    mine = self._notes.get(node_id, Annotation())
                    theirs = notes.get(node_id, Annotation())
                    written = Annotation(
                        mine.tags if "tags" in fields else theirs.tags,
                        mine.note if "note" in fields else theirs.note,
                    )
                    if written:
                        notes[node_id] = written
                    else:
                        notes.pop(node_id, None)
                for node_id, imports in self._imported.items():
                    if node_id in self._annotated:  # this session's word, merged, stands
                        continue
                    merged_note = notes.get(node_id, Annotation())
                    for imported in imports:
                        merged_note = merge_annotation(merged_note, imported)
                    if merged_note:
                        notes[node_id] = merged_note
                for rid in self._texts_dropped:
                    texts.pop(rid, None)
                for rid in self._texts_set:
                    record, known = self._texts[rid], texts.get(rid)
                    if known is not None and known.get("path") == record.get("path"):
                        # the labels another session recorded of this text's nodes stay
                        # (a label is the text's: the same id names the same node)
                        headings = {**known.get("headings", {}), **record.get("headings", {})}
                        record = {"path": record["path"], "headings": headings}
                        self._texts[rid] = record
                    texts[rid] = record
                held = {report_id_of(node_id) for node_id in merged | notes.keys()}
                texts = {rid: record for rid, record in texts.items() if rid in held}
                atomic_write_text(self.path, _dumps(merged, notes, texts), overwrite=True)
        except WriteError as error:
            self.save_error = _("marks not saved: {path}: {reason}").format(
                path=statefile.display_path(error.path), reason=error.shown_reason()
            )
        except OSError as error:  # the data folder itself could not be made
            self.save_error = _("marks not saved: {path}: {reason}").format(
                path=statefile.display_path(self.path.parent), reason=_(describe_os_error(error))
            )
        else:
            self.save_error = None
            changed_notes = {
                node_id
                for node_id in notes.keys() | self._notes.keys()
                if notes.get(node_id) != self._notes.get(node_id)
            }
            flipped = frozenset((merged ^ self._ids) | changed_notes)
            self._ids = merged
            self._notes = notes
            self._texts = texts
            self._texts_set.clear()
            self._texts_dropped.clear()
            self._added.clear()
            self._removed.clear()
            self._annotated.clear()
            self._imported.clear()
            if flipped and self.on_external_change is not None:
                self.on_external_change(flipped)
        notices, self._notices = self._notices, []
        if self.on_notice is not None:
            for notice in notices:  # after the lock is let go
                self.on_notice(notice)
        return self.save_error

    def take_in(self) -> None:
        """Take in what other govreads saved since this set last read the file (marks,
        tags, notes), before a node's tags or note are shown to be edited; the ids whose
        state that changed go to `on_external_change`. Changes of this session not saved
        yet are saved now instead (a save merges both ways). A file that cannot be read is
        left to the next save."""
        if self.path is None or not self._saving:
            return
        if (
            self._added
            or self._removed
            or self._annotated
            or self._imported
            or self._texts_set
            or self._texts_dropped
        ):
            self._changed()
            return
        try:
            on_disk, notes, texts = _read_document(self.path)
        except (statefile.StateFileError, OSError):
            return
        self._texts = texts
        changed_notes = {
            node_id
            for node_id in notes.keys() | self._notes.keys()
            if notes.get(node_id) != self._notes.get(node_id)
        }
        flipped = frozenset((on_disk ^ self._ids) | changed_notes)
        self._ids, self._notes = on_disk, notes
        if flipped and self.on_external_change is not None:
            self.on_external_change(flipped)

    def _on_disk(self) -> tuple[set[str], dict[str, Annotation], dict[str, TextRecord]]:
        """The marks in the file now (under the lock). A file damaged since it was loaded
        is set aside and this set's own marks stand in for it; one that cannot be read
        stops the save, so it is not overwritten."""
        assert self.path is not None
        try:
            return _read_document(self.path)
        except statefile.StateFileError as error:
            if error.unreadable:
                raise WriteError(self.path, error.reason) from None
            try:
                aside = statefile.set_aside(self.path)
            except OSError as os_error:
                raise WriteError(self.path, describe_os_error(os_error)) from None
            self._notices.append(
                _(
                    "marks file {error}; another program changed it since govread read it: "
                    "moved it to {aside}, and saved this session's marks in its place"
                ).format(error=sanitize_line(str(error)), aside=statefile.display_path(aside.name))
            )
            return set(self._ids), dict(self._notes), dict(self._texts)

    def dumps(self) -> str:
        """The marks file's content for this set (see `_dumps`)."""
        return _dumps(self._ids, self._notes, self._texts)

    # -- a file whose text changed ------------------------------------------------

    def _held_ids(self, rid: str) -> list[str]:
        """The marked or annotated ids of one report, in document order."""
        found = {i for i in self._ids | self._notes.keys() if report_id_of(i) == rid}
        return sorted(found, key=document_order_key)

    def record_texts(self, reports: Iterable[Report], *, only_new: bool = False) -> bool:
        """Remember, for each of these reports holding marks, tags or notes, the file its
        text was read from and the labels of those nodes, so that `carry_over` can follow
        the file when its text changes; written with the next save. `only_new`: only the
        reports not yet recorded from this file (at start-up). True when a record changed
        (the caller saves then)."""
        by_report: dict[str, list[str]] = {}
        for node_id in self._ids | self._notes.keys():
            by_report.setdefault(report_id_of(node_id), []).append(node_id)
        changed = False
        for report in reports:
            if not by_report or not report.path:
                continue
            rid = report_id(report)
            if rid not in by_report:
                continue
            held = sorted(by_report.pop(rid), key=document_order_key)
            known = self._texts.get(rid)
            same_file = known is not None and known.get("path") == _file_key(report.path)
            if only_new and same_file and not getattr(report, "loaded", True):
                continue  # (a stored report's body is not read again at every start)
            headings: dict[str, str] = {}
            for node_id in held:
                ref = resolve_in(report, node_id)
                if ref is not None:
                    headings[node_id[len(rid) :]] = _node_label(ref)
            # marks of nodes this reading of the file no longer has (a newer parser's):
            # kept, not shown, counted apart as the other reading's are
            self._set_aside(
                node_id
                for node_id in held
                if node_id in self._ids and node_id[len(rid) :] not in headings
            )
            if same_file and known is not None:
                # the labels recorded already stay (another session's among them): a label
                # is the text's, an id naming one node of it
                headings = {**known.get("headings", {}), **headings}
            if known is not None and known.get("path") != _file_key(report.path):
                # the same text from another file: read into other sections (flattened),
                # its ids may name other nodes; those stay the first file's, not shown here
                misread = {
                    rid + suffix
                    for suffix, label in known.get("headings", {}).items()
                    if suffix and headings.get(suffix) != label
                } - self._claimed
                if misread:
                    self._set_aside(misread)
                    continue
            record: TextRecord = {"path": _file_key(report.path), "headings": headings}
            if self._texts.get(rid) != record:
                self._texts[rid] = record
                self._texts_set.add(rid)
                changed = True
        return changed

    def carry_over(self, reports: Iterable[Report]) -> list[CarriedOver]:
        """Carry the marks, tags and notes of an earlier text of an open file to its text now.

        A report's marks are keyed by its body text, so correcting one character of a
        file strands them under the earlier text. For each of `reports` whose file held
        another text when it was last marked (`record_texts`), and whose earlier text is
        not open itself, each of that text's marked or annotated nodes whose node is still
        there (the same id, with the same heading) is moved to the new text (tags and notes
        merged into the new node's own); the others stay under the earlier text, kept.
        One save; returns what was carried and what could not be, per file."""
        reports = list(reports)
        open_ids = {report_id(r) for r in reports}
        held = {report_id_of(i) for i in self._ids | self._notes.keys()} - open_ids
        by_file: dict[str, list[str]] = {}
        for old in sorted(held):
            if (record := self._texts.get(old)) is not None:
                by_file.setdefault(str(record.get("path")), []).append(old)
        results: list[CarriedOver] = []
        for report in reports:
            if not by_file or not report.path:
                continue
            for old in by_file.pop(_file_key(report.path), []):
                carried, left = self._carry(old, report, self._texts.pop(old))
                self._texts_dropped.add(old)
                self._texts_set.discard(old)
                results.append(CarriedOver(report, old, carried, tuple(left)))
        if results:
            self.record_texts(r.report for r in results)
            self._changed()
        return results

    def earlier_marks(self, report: Report) -> int:
        """How many marked or annotated nodes an earlier text of this report's file holds
        (what `carry_over` would look at): for a command that does not carry them."""
        if not report.path:
            return 0
        where, rid = _file_key(report.path), report_id(report)
        olds = {
            old for old, record in self._texts.items() if old != rid and record.get("path") == where
        }
        return sum(1 for i in self._ids | self._notes.keys() if report_id_of(i) in olds)

    def _carry(self, old: str, report: Report, record: TextRecord) -> tuple[int, list[str]]:
        """Move what `old` holds onto `report` where its nodes are the same; (how many
        moved, the labels of those left under `old`)."""
        rid = report_id(report)
        headings = record.get("headings", {})
        carried = 0
        left: list[str] = []
        for node_id in self._held_ids(old):
            suffix = node_id[len(old) :]
            new_id = rid + suffix
            ref = resolve_in(report, new_id)
            if ref is None or (suffix and _node_label(ref) != headings.get(suffix)):
                left.append(headings.get(suffix) or suffix.lstrip("/"))
                continue
            carried += 1
            if node_id in self._ids:
                self._unmark({node_id})
                if new_id not in self._ids:
                    self._mark({new_id})
            stranded = self._notes.pop(node_id, None)
            if stranded:
                self._annotated[node_id] = {"tags", "note"}
                self._notes[new_id] = merge_annotation(self.annotation(new_id), stranded)
                self._annotated[new_id] = {"tags", "note"}
                if new_id not in self._ids:
                    self._mark({new_id})
        return carried, left

    def _changed(self) -> None:
        if self.path is None:
            return
        error = self.save()
        if error and self.on_save_error is not None:
            self.on_save_error(error)


def _dropped_warning(path: Path, dropped: list[str], marks: MarkSet) -> str:
    """One line for the entries of a marks file left out as it was read: what they were,
    and where the whole file is kept (copied beside it before the next save rewrites it);
    when it cannot be copied, the set does not save, so nothing is lost."""
    reasons = ", ".join(dict.fromkeys(_(reason) for reason in dropped))
    try:
        kept = statefile.copy_aside(path)
    except OSError as error:
        marks._saving = False
        return _(
            "marks file {path}: {n} entries could not be read ({reasons}) and were left out; "
            "the file could not be copied aside ({reason}), so marks made now will not be saved"
        ).format(
            path=statefile.display_path(path),
            n=len(dropped),
            reasons=reasons,
            reason=_(describe_os_error(error)),
        )
    marks.save()  # the file without them: copied once, not at every start
    return _(
        "marks file {path}: {n} entries could not be read ({reasons}) and were left out; "
        "the other marks are kept, and the whole file was copied to {copy}"
    ).format(
        path=statefile.display_path(path),
        n=len(dropped),
        reasons=reasons,
        copy=statefile.display_path(kept.name),
    )


def _dumps(
    node_ids: Iterable[str],
    notes: Mapping[str, Annotation] | None = None,
    texts: Mapping[str, TextRecord] | None = None,
) -> str:
    """A marks file: one line per report (its id, then its marked ids in document order),
    reports sorted, so diffs stay small; each line is encoded by json's C encoder. Tags
    and notes follow in ``"notes"``, one line per node (``{"tags": […], "note": "…"}``,
    an empty part left out)."""
    by_report: dict[str, list[str]] = {}
    for node_id in node_ids:
        by_report.setdefault(node_id[:12], []).append(node_id)
    lines = [
        f"  {json.dumps(key)}: {json.dumps(sorted(by_report[key], key=_position))}"
        for key in sorted(by_report)
    ]
    body = "{\n" + ",\n".join(lines) + "\n }" if lines else "{}"
    annotated = sorted((k for k, v in (notes or {}).items() if v), key=document_order_key)
    note_lines = [
        f"  {json.dumps(key)}: {json.dumps(_annotation_json(notes[key]), ensure_ascii=False)}"
        for key in annotated
        if notes is not None
    ]
    notes_part = ',\n "notes": {\n' + ",\n".join(note_lines) + "\n }" if note_lines else ""
    text_lines = [
        f"  {json.dumps(key)}: {dumps_json(texts[key])}"  # a name's undecodable bytes too
        for key in sorted(texts or {})
        if texts is not None
    ]
    texts_part = ',\n "texts": {\n' + ",\n".join(text_lines) + "\n }" if text_lines else ""
    return f'{{\n "format": {json.dumps(MARKS_FORMAT)},\n "marks": {body}{notes_part}{texts_part}\n}}\n'


def _annotation_json(annotation: Annotation) -> dict[str, object]:
    found: dict[str, object] = {}
    if annotation.tags:
        found["tags"] = list(annotation.tags)
    if annotation.note:
        found["note"] = annotation.note
    return found


def _position(node_id: str) -> tuple[tuple[int, ...], int]:
    """`document_order_key` within one report, for ids known to be valid (no regex)."""
    section, _hash, item = node_id.partition("#")
    numbers = section[13:]
    return (tuple(map(int, numbers.split("."))) if numbers else ()), int(item or 0)


@contextlib.contextmanager
def _locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (created beside it, kept afterwards).

    fcntl.flock where there is one, msvcrt.locking on Windows; waits up to `timeout`
    seconds (default `LOCK_TIMEOUT`), then raises `WriteError`. A lock file that is a
    symlink, a FIFO or anything but a regular file is refused, never followed.
    """
    lock_path = path.with_name(path.name + ".lock")
    flags = (
        os.O_RDWR
        | os.O_CREAT
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(lock_path, flags, 0o600)
    except OSError as error:
        raise WriteError(lock_path, describe_os_error(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise WriteError(lock_path, "is not a regular file; not used as a lock")
        deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
        delay = 0.002
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise WriteError(path, "another govread is saving marks; try again")
            time.sleep(delay)  # a save holds the lock for milliseconds
            delay = min(delay * 2, 0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _checked(node_id: str) -> str:
    if not is_node_id(node_id):
        raise ValueError(f"not a govread node id: {node_id!r}")
    return node_id


def read_marks_file(path: Path) -> set[str]:
    """The ids in a marks file (empty when there is none), through the guarded reader;
    `statefile.StateFileError` when it is not a marks file."""
    return read_marks_document(path)[0]


def read_marks_document(
    path: Path, dropped: list[str] | None = None
) -> tuple[set[str], dict[str, Annotation]]:
    """The ids and the tags and notes in a marks file (see `_read_document`)."""
    ids, notes, _texts = _read_document(path, dropped)
    return ids, notes


def _read_document(
    path: Path, dropped: list[str] | None = None
) -> tuple[set[str], dict[str, Annotation], dict[str, TextRecord]]:
    """The ids and the tags and notes in a marks file (empty when there is none).

    `statefile.StateFileError` when it is not a marks file at all (not JSON, no marks
    table); one marked with the format of another govread (``govread-marks/2``) is
    ``unreadable``: left as it is and never overwritten. An entry that cannot be used (a
    value that is not a node id, tags that are not a list of text…) is left out, the
    others kept; each one left out adds its reason (a message id) to `dropped`."""
    document = statefile.load_json(path, max_bytes=statefile.MAX_MARKS_BYTES)
    if document is None:
        return set(), {}, {}
    found = document.get("format") if isinstance(document, dict) else None
    if isinstance(found, str) and found.startswith(_MARKS_FAMILY) and found != MARKS_FORMAT:
        raise statefile.StateFileError(
            path,
            _(
                "is in format {found}, which this govread ({version}) does not know; left as it is"
            ).format(found=statefile.sanitize(found[:40]), version=_govread_version()),
            unreadable=True,
        )
    if not isinstance(document, dict) or found != MARKS_FORMAT:
        raise statefile.StateFileError(
            path, _("is not a {format} file").format(format=MARKS_FORMAT)
        )
    grouped = document.get("marks")
    if not isinstance(grouped, dict):
        raise statefile.StateFileError(path, N_("has no marks table"))
    bad: list[str] = [] if dropped is None else dropped
    ids: set[str] = set()
    for key, node_ids in grouped.items():
        if not isinstance(node_ids, list):
            bad.append(N_("marks that are not a list"))
            continue
        for node_id in node_ids:
            if not is_node_id(node_id) or report_id_of(node_id) != key:
                bad.append(N_("a value that is not a node id"))
                continue
            ids.add(node_id)
    return ids, _read_notes(document.get("notes", {}), bad), _read_texts(document.get("texts"))


def _read_texts(table: object) -> dict[str, TextRecord]:
    """The files the marked reports' texts were read from (`MarkSet.record_texts`); an
    entry that cannot be used is left out (it only lets marks follow an edited file)."""
    texts: dict[str, TextRecord] = {}
    if not isinstance(table, dict):
        return texts
    for rid, entry in table.items():
        if not (isinstance(rid, str) and is_node_id(rid) and "/" not in rid):
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        headings = entry.get("headings", {})
        if not isinstance(headings, dict):
            continue
        texts[rid] = {
            "path": entry["path"],
            "headings": {
                str(k): v for k, v in headings.items() if isinstance(v, str) and len(k) <= 64
            },
        }
    return texts


_MARKS_FAMILY = "govread-marks/"


def _govread_version() -> str:
    import govread

    return govread.__version__


def _read_notes(table: object, bad: list[str]) -> dict[str, Annotation]:
    if not isinstance(table, dict):
        bad.append(N_("notes that are not a table"))
        return {}
    notes: dict[str, Annotation] = {}
    for node_id, entry in table.items():
        if not is_node_id(node_id) or not isinstance(entry, dict):
            bad.append(N_("a note that is not keyed by a node id"))
            continue
        tags = entry.get("tags", [])
        note = entry.get("note", "")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            bad.append(N_("tags that are not a list of text"))
            tags = []
        if not isinstance(note, str):
            bad.append(N_("a note that is not text"))
            note = ""
        found = Annotation(clean_tags(tags), clean_note(note))
        if found:
            notes[node_id] = found
    return notes

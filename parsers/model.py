"""The plain data a parsed report is made of: frozen dataclasses, nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Item:
    """An inline enumeration item (一是… 二是…) inside one of a section's paragraphs.

    Items are views on the text, not copies taken out of it: ``paragraph`` indexes the
    section's ``paragraphs`` and ``start``/``end`` delimit the item inside it, so the
    paragraphs stay exactly as written.
    """

    id: str
    number: str  # "一", "二", …
    ordinal: int  # 1, 2, …
    marker: str  # the marker as written: "一是"
    heading: str  # the item's first sentence, without the marker and the closing 。
    text: str  # the item's whole text, marker included
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section (一、 / (一) / 1. / (1)) with its body and subsections.

    Its own paragraphs come before its subsections, except the last `after_children` of
    them: a part's summing-up after its last subsection (在看到成绩的同时…还存在…问题：一是…),
    which is the part's, not that subsection's. Items index `paragraphs` either way.
    """

    id: str
    level: int  # 1-4, by the heading forms this report uses
    number: str  # "一" for Chinese numerals, "1" for Arabic ones
    ordinal: int  # the number as an integer
    marker: str  # the number as written: "一、", "(一)", "1.", "⑴"
    heading: str  # without the number and the trailing 。
    raw_heading: str  # the heading as written in the source line, marker included
    inline: bool  # True when the body's first paragraph continued the heading's line
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    children: tuple[Section, ...] = ()
    after_children: int = 0  # how many of `paragraphs`, the last ones, follow `children`

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def lead_count(self) -> int:
        """How many of the paragraphs come before the subsections (a heading's own line
        run on into its text is always one of them)."""
        after = min(max(self.after_children, 0), len(self.paragraphs) - self.inline)
        return len(self.paragraphs) - max(after, 0)

    def items_before_children(self) -> tuple[Item, ...]:
        lead = self.lead_count
        return tuple(item for item in self.items if item.paragraph < lead)

    def items_after_children(self) -> tuple[Item, ...]:
        lead = self.lead_count
        return tuple(item for item in self.items if item.paragraph >= lead)

    @property
    def label(self) -> str:
        """The heading with its number, as a reader expects to see it in an outline."""
        return f"{self.marker}{self.heading}"

    def full_text(self) -> str:
        """The exact text of this section and its descendants, paragraphs separated by newlines."""
        lines = [self.raw_heading] if self.raw_heading and not self.inline else []
        lead = self.lead_count
        for index, paragraph in enumerate(self.paragraphs[:lead]):
            lines.append(self.raw_heading + paragraph if self.inline and index == 0 else paragraph)
        if self.inline and not lead:
            lines.append(self.raw_heading)
        lines.extend(child.full_text() for child in self.children)
        lines.extend(self.paragraphs[lead:])
        return "\n".join(lines)


def folded_sha256(parts: Iterable[str]) -> str:
    """SHA-256 of the parts run together with every whitespace character left out.

    Folding each part alone and then joining is the same as folding the joined text,
    so the parser can hash a body part by part before it builds the sections.
    """
    import hashlib  # (here: the browser's first frame comes before any report is read)

    digest = hashlib.sha256()
    for part in parts:
        digest.update("".join(part.split()).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Report:
    """One parsed report: metadata, preamble, the section tree and the closing."""

    sha256: str
    title: str | None  # as written; None when the document has none
    display_title: str  # the title, or one made up from region and year
    region: str | None
    year: int | None
    published: str | None  # ISO date
    issuer: str | None
    source: str | None
    preamble: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()  # web-page furniture removed from the body, kept for the record
    path: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)
    # 法治政府建设报告 / 法治建设报告 / 政府工作报告 / 工作要点 / 其他
    genre: str = "其他"
    issuer_level: str | None = None  # "government" (人民政府) or "department" (局 / 委 / 办 …)
    doc_number: str | None = None  # 文号, from an archiver's header
    source_url: str | None = None  # 原文链接, from an archiver's header
    # ISO date the page (发布时间) or an archiver's header says the report was made public;
    # `published` prefers the signature's date, the day it was signed
    made_public: str | None = None
    # the page's or header's label of that date (发布时间, 发布日期, 日期 …; 成文日期, the day it
    # was written, only when neither gives the day it went online)
    made_public_by: str | None = None
    province: str | None = None  # the region's province, from the gazetteer (广东省)
    region_level: str | None = None  # 省 / 市 / 区 / 县 / 旗 …, from the gazetteer
    city: str | None = None  # the region's prefecture city (深圳市), for a county or district
    # the region names several places (龙华区: 深圳 or 海口) and the text tells none apart:
    # province and city are then left unknown rather than guessed
    region_ambiguous: bool = False
    # The report's identity, the prefix of all its node ids: the first 12 hex digits of
    # `text_sha256()` when the parser made it, so a page saved again with other chrome
    # (浏览次数) keeps its marks; of `sha256` for a report with no body, or one built
    # by hand without an id.
    id: str = ""
    body_sha256: str = ""  # `text_sha256()`, computed once by the parser ("" = not yet)
    # Its text names no region or no year, so its file name was read for them: the same
    # bytes under another name are another report (a parse cache keys it by its name too).
    name_dependent: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.sha256[:12])

    def text_sha256(self) -> str:
        """SHA-256 of the report's body: its title and page chrome left out, whitespace
        folded. The same report saved again (another 浏览次数, another file, its line
        breaks lost) keeps it, while `sha256` (the file's bytes) changes."""
        if self.body_sha256:
            return self.body_sha256
        return folded_sha256(
            [*self.preamble, *(s.full_text() for s in self.sections), *self.closing]
        )

    def walk(self) -> Iterator[Section]:
        """Every section of the report, in document order."""
        for section in self.sections:
            yield from section.walk()

    def outline(self) -> list[dict[str, object]]:
        """The flat outline: one ``{"level", "number", "heading"}`` per heading of the text,
        in order. A text with no headings has none: the one section made to hold its body
        (no number, no heading line in the text, the report's display title) is not one."""
        return [
            {"level": s.level, "number": s.number, "heading": s.heading}
            for s in self.walk()
            if s.number or s.raw_heading
        ]

    def find(self, node_id: str) -> Section | None:
        """The section with this id, if the report has one."""
        for section in self.walk():
            if section.id == node_id:
                return section
        return None

    def full_text(self) -> str:
        """The report's text without page chrome: preamble, sections and closing."""
        parts = [*self.preamble, *(s.full_text() for s in self.sections), *self.closing]
        if self.title:
            parts.insert(0, self.title)
        return "\n".join(parts)

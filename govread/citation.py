"""Citations of reports and of passages in them: a line to paste, CSL-JSON and BibTeX.

A researcher quotes a passage and needs it traceable: `citation_line` gives the line a
copy carries (region · year · title · section · issuer · date · source URL), in the
GB/T 7714 style Chinese journals ask for (``"gbt7714"``, the default) or as a plain list
(``"plain"``). `csl_item` / `csl_json` describe whole reports as CSL-JSON (what Zotero,
Pandoc and citeproc read), `bibtex` as BibTeX entries. Fields that are unknown are left
out, never written empty. No Textual here: the CLI (`govread cite`) and the browser
(`y`) share it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from govread.config import CITATION_STYLES as CITATION_STYLES  # re-exported: cite, records
from govread.config import DEFAULT_STYLE as DEFAULT_STYLE
from govread.config import CitationStyle as CitationStyle
from govread.marks import NodeRef, report_id
from govread.parsers.model import Report
from govread.sanitize import dumps_json


def source_url(report: Report) -> str | None:
    """Where the report was published online, when the file says so (原文链接, a saved
    page's canonical link); None when unknown."""
    url = report.source_url or (report.meta.get("source_url") if report.meta else None)
    return url or None


def citation_key(report: Report) -> str:
    """A stable key for reference managers: the report's id (``govread_<12 hex>``, from its body text)."""
    return f"govread_{report_id(report)}"


def cited_title(report: Report) -> str:
    """The title a citation gives: the report's own, else its made-up display title in
    square brackets, as citation styles mark a title the cataloguer supplied
    (``[咸宁市 2023年 法治政府建设情况]``): a citation never passes one off as the report's."""
    return report.title or f"[{report.display_title}]"


def _section_label(ref: NodeRef | None) -> str | None:
    """The node's place in the report: its headings from the top, joined by " › "."""
    if ref is None or not ref.path:
        return None
    return " › ".join(ref.path)


def citation_line(
    report: Report,
    ref: NodeRef | None = None,
    *,
    style: CitationStyle = DEFAULT_STYLE,
    accessed: dt.date | None = None,
) -> str:
    """One line citing the report (and the node `ref`, when given) in `style`.

    ``gbt7714``: ``责任者. 题名[R/OL]. 地区, 年份: 章节. (发布日期)[引用日期]. URL.``,
    the document type ``[R]`` (report) online ``[R/OL]`` with the date it was cited.
    ``plain``: the same facts joined by `` · ``.
    """
    title = cited_title(report)
    section = _section_label(ref)
    url = source_url(report)
    year = f"{report.year}年" if report.year else None
    if style == "plain":
        facts = (report.region, year, title, section, report.issuer, report.published, url)
        return " · ".join(fact for fact in facts if fact)
    parts: list[str] = []
    if report.issuer:
        parts.append(report.issuer)
    parts.append(f"{title}[{'R/OL' if url else 'R'}]")
    where = ", ".join(fact for fact in (report.region, year) if fact)
    if section:
        where = f"{where}: {section}" if where else section
    if where:
        parts.append(where)
    dates = f"({report.published})" if report.published else ""
    if url:
        dates += f"[{(accessed or dt.date.today()).isoformat()}]"
    if dates:
        parts.append(dates)
    if url:
        parts.append(url)
    return ". ".join(parts) + "."


def quote_with_citation(
    ref: NodeRef, *, style: CitationStyle = DEFAULT_STYLE, accessed: dt.date | None = None
) -> str:
    """What the browser copies: the node's exact text, a blank line, the citation line."""
    line = citation_line(ref.report, ref, style=style, accessed=accessed)
    return f"{ref.text()}\n\n{line}\n"


# -- CSL-JSON ---------------------------------------------------------------------------


def _date_parts(iso: str | None) -> list[int] | None:
    if not iso:
        return None
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return [date.year, date.month, date.day]


def document_type(report: Report) -> str | None:
    """What a citation calls the document: its genre as `parsers.metadata` reads it
    (a 政府工作报告 is none of the rule-of-law reports), none for a document of no genre."""
    if report.genre in (None, "其他"):
        return None
    if report.genre == "法治政府建设报告":
        return "法治政府建设情况报告"
    return report.genre


def csl_item(report: Report) -> dict[str, object]:
    """The report as one CSL-JSON item (type ``report``), the fields it is known by."""
    item: dict[str, object] = {
        "id": citation_key(report),
        "type": "report",
        "title": cited_title(report),
        "language": "zh-CN",
    }
    if report.issuer:
        item["author"] = [{"literal": report.issuer}]
        item["publisher"] = report.issuer
    if report.region:
        item["publisher-place"] = report.region
    if parts := _date_parts(report.published):
        # (with no date known, none: the year the report covers is not the year it was
        # issued, the next for most; it stays in the note)
        item["issued"] = {"date-parts": [parts]}
    if report.source:
        item["source"] = report.source
    if url := source_url(report):
        item["URL"] = url
    if genre := document_type(report):
        item["genre"] = genre
    notes = [f"{report.year}年度" if report.year else "", f"sha256: {report.sha256}"]
    item["note"] = "\n".join(note for note in notes if note)
    return item


def csl_json(reports: Iterable[Report]) -> str:
    """A CSL-JSON document: an array of items, one per report, UTF-8 text."""
    return dumps_json([csl_item(r) for r in reports], indent=1) + "\n"


# -- BibTeX -----------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX ``{…}`` field: LaTeX specials escaped, braces balanced,
    line breaks as spaces."""
    text = " ".join(text.split())
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in text)


def _url_field(url: str) -> str:
    # A URL is written verbatim (biblatex reads it so), but a brace or a backslash
    # would end the field or start a command: those are percent-encoded.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def bibtex_entry(report: Report) -> str:
    """The report as a ``@techreport`` entry (institution: the issuer)."""
    fields: list[tuple[str, str]] = [("title", bibtex_escape(cited_title(report)))]
    if report.issuer:
        # Double braces: an organisation, not a "Last, First" person to be split.
        fields.append(("author", "{" + bibtex_escape(report.issuer) + "}"))
        fields.append(("institution", bibtex_escape(report.issuer)))
    if report.region:
        fields.append(("address", bibtex_escape(report.region)))
    if report.published:
        fields.append(("date", bibtex_escape(report.published)))
        fields.append(("year", report.published[:4]))
    if genre := document_type(report):
        fields.append(("type", bibtex_escape(genre)))
    if url := source_url(report):
        fields.append(("url", _url_field(url)))
    fields.append(("langid", "chinese"))
    covered = f"{report.year}年度; " if report.year else ""
    fields.append(("note", f"{covered}sha256: {report.sha256}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@techreport{{{citation_key(report)},\n{body}\n}}\n"


def bibtex(reports: Sequence[Report]) -> str:
    """BibTeX entries for the reports, one per report, separated by a blank line."""
    return "\n".join(bibtex_entry(report) for report in reports)

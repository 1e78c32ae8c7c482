"""A report as GitHub-flavoured Markdown. Every piece of map text is escaped, so it shows as written: no
`|` can split a table cell, no `*`, `_`, `<tag>`, `[link]` or `&entity;` can format or hide anything."""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING
from urllib.parse import quote

from cjm.render.labels import visible
from cjm.report.content import ReportDocument

if TYPE_CHECKING:
    from cjm.output.report import Document

# Punctuation that formats anywhere in a line (`\` escapes any ASCII punctuation in CommonMark); `&` and `<`
# become entities. At the start of a line, a few more characters open a block (heading, list, quote).
_INLINE = re.compile(r"([\\`*_\[\]|~#])")
_LINE_START = re.compile(r"^(\s*)([#+\->=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str, *, block: bool = False) -> str:
    """One line of Markdown that reads exactly as `text`; `block` when it starts a line (not in a table)."""
    line = re.sub(r"\s+", " ", visible(text))
    line = _INLINE.sub(r"\\\1", line.replace("&", "&amp;").replace("<", "&lt;"))
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", line)) if block else line


def markdown(report: ReportDocument, *, image: str | None = None, mermaid: str | None = None) -> str:
    """The report. `image`: the diagram's file, relative to the report; else `mermaid`: a Mermaid block."""
    out = [f"# {escape(report.title)}", ""]
    for paragraph in report.intro:
        out += [escape(paragraph, block=True), ""]
    for section in report.sections:
        out += [f"## {escape(section.heading)}", ""]
        if section.diagram:
            if image:
                alternative = escape(report.description or report.title)
                out += [f"![{alternative}]({_link(image)})", ""]
            elif mermaid:
                out += [mermaid.rstrip("\n"), ""]
                if report.description:
                    out += [escape(report.description, block=True), ""]
        for paragraph in section.paragraphs:
            out += [_inline_code(paragraph), ""]
        if section.table:
            out += [_row(section.table.headers), _row(["---"] * len(section.table.headers), raw=True)]
            out += [_row(row) for row in section.table.rows]
            out.append("")
        for term, note in section.notes:
            out += [f"**{escape(term)}**: {_inline_code(note)}", ""]
    out += ["---", "", _inline_code(report.footer), ""]
    return "\n".join(out)


def _row(cells: list[str] | list[str | list[str]], *, raw: bool = False) -> str:
    return "| " + " | ".join(cell if raw and isinstance(cell, str) else (_cell(cell) or " ") for cell in cells) + " |"


def _cell(cell: str | list[str]) -> str:
    """A table cell; a list as its entries separated by "; " (a Markdown table cell holds one line)."""
    return "; ".join(escape(entry) for entry in cell) if isinstance(cell, list) else escape(cell)


def _link(path: str) -> str:
    """A relative link: spaces and parentheses would end a Markdown link, so they are percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/._-")


def _inline_code(text: str) -> str:
    """cjm's own sentences: `code` spans kept, the rest escaped (a source path may hold any character)."""
    parts = text.split("`")
    return "".join(f"`{part}`" if i % 2 else escape(part, block=i == 0) for i, part in enumerate(parts))


def write_markdown(document: Document, stream: IO[str], *, color: bool = False) -> None:
    stream.write(markdown(document.report, image=document.image, mermaid=document.mermaid))

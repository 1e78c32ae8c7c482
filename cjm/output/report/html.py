"""A report as one self-contained HTML file: the diagram inline as SVG, plain tables, a little CSS, no script.
Every piece of map text is escaped; the SVG comes from Graphviz, which escapes its text itself."""

from __future__ import annotations

import re
from html import escape as _escape
from typing import IO, TYPE_CHECKING

from cjm.render.labels import visible
from cjm.render.theme import FONTS
from cjm.report.content import ReportDocument

if TYPE_CHECKING:
    from cjm.output.report import Document

_STYLE = f"""
body {{ font-family: {FONTS}; color: #1f2933; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       line-height: 1.6; }}
h1 {{ font-size: 1.7rem; }} h2 {{ font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #cbd2d9; }}
figure {{ margin: 1rem 0; overflow-x: auto; }} figure svg {{ max-width: none; height: auto; }}
details {{ margin: 0.5rem 0 1rem; }} summary {{ cursor: pointer; color: #616e7c; }}
td ul {{ margin: 0; padding-left: 1.1rem; }} tr[class^="finding"] td:first-child {{ white-space: nowrap; }}
.finding-error td:first-child {{ color: #a61b1b; }} .finding-warning td:first-child {{ color: #8a5300; }}
@media print {{ figure svg {{ width: 100% !important; }} }}
table {{ border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }}
th, td {{ border: 1px solid #cbd2d9; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }}
th {{ background: #f0f4f8; }} footer {{ color: #616e7c; font-size: 0.85rem; margin-top: 2.5rem; }}
code {{ background: #f0f4f8; padding: 0 0.2rem; }}
"""


def escape(text: str) -> str:
    return _escape(visible(text), quote=True)


def html(report: ReportDocument, *, svg: str | None = None, mermaid: str | None = None) -> str:
    """The report. `svg`: the diagram as Graphviz wrote it; else `mermaid`: shown as its source text."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(report.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(report.title)}</h1>",
    ]
    out += [f"<p>{escape(paragraph)}</p>" for paragraph in report.intro]
    for section in report.sections:
        out.append(f"<h2>{escape(section.heading)}</h2>")
        if section.diagram:
            if svg:
                out.append(f'<figure aria-describedby="map-in-words">{inline_svg(svg)}</figure>')
            elif mermaid:
                out.append(f'<pre aria-describedby="map-in-words">{escape(mermaid)}</pre>')
            if report.description:
                out.append(
                    f"<details><summary>{escape(in_words(report.language))}</summary>"
                    f'<p id="map-in-words">{escape(report.description)}</p></details>'
                )
        out += [f"<p>{_code(paragraph)}</p>" for paragraph in section.paragraphs]
        if section.table:
            out.append(
                "<table><thead><tr>"
                + "".join(f"<th>{escape(h)}</th>" for h in section.table.headers)
                + "</tr></thead><tbody>"
            )
            for row in section.table.rows:
                if section.kind == "findings":  # cjm's own words, with `code` spans
                    out.append(
                        f"<tr{_severity_class(row)}>"
                        + "".join(f"<td>{_code(cell) if isinstance(cell, str) else _cell(cell)}</td>" for cell in row)
                        + "</tr>"
                    )
                else:
                    out.append("<tr>" + "".join(f"<td>{_cell(cell)}</td>" for cell in row) + "</tr>")
            out.append("</tbody></table>")
        out += [f"<p><strong>{escape(term)}</strong>: {_code(note)}</p>" for term, note in section.notes]
    out += [f"<footer>{_code(report.footer)}</footer>", "</body>", "</html>", ""]
    return "\n".join(out)


def inline_svg(svg: str) -> str:
    """Graphviz's SVG without its XML declaration, doctype and comments, to sit inside an HTML page at its own
    size: a wide map scrolls sideways in its figure rather than shrinking its text below legibility."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", "", svg, flags=re.DOTALL)
    return svg.strip()


def in_words(language: str) -> str:
    return "地図の内容（文章）" if language == "ja" else "The map in words"


def _cell(cell: str | list[str]) -> str:
    if isinstance(cell, list):
        return "<ul>" + "".join(f"<li>{escape(entry)}</li>" for entry in cell) + "</ul>" if cell else ""
    return escape(cell)


def _severity_class(row: list[str | list[str]]) -> str:
    """The row's class by the severity its first cell names (its mark: ✖ error, ▲ warning, ℹ info)."""
    first = row[0] if row and isinstance(row[0], str) else ""
    for name, mark in (("error", "\u2716"), ("warning", "\u25b2")):
        if first.startswith(mark):
            return f' class="finding-{name}"'
    return ""


def _code(text: str) -> str:
    parts = text.split("`")
    return "".join(f"<code>{escape(part)}</code>" if i % 2 else escape(part) for i, part in enumerate(parts))


def write_html(document: Document, stream: IO[str], *, color: bool = False) -> None:
    stream.write(html(document.report, svg=document.svg, mermaid=document.mermaid))

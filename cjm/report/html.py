"""A report as one self-contained HTML file: the diagram inline as SVG, plain tables, a little CSS, no script.
Every piece of map text is escaped; the SVG comes from Graphviz, which escapes its text itself."""

from __future__ import annotations

import re
from html import escape as _escape

from cjm.render.labels import visible
from cjm.render.theme import FONTS
from cjm.report.content import Report

_STYLE = f"""
body {{ font-family: {FONTS}; color: #1f2933; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       line-height: 1.6; }}
h1 {{ font-size: 1.7rem; }} h2 {{ font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #cbd2d9; }}
figure {{ margin: 1rem 0; overflow-x: auto; }} figure svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }}
th, td {{ border: 1px solid #cbd2d9; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }}
th {{ background: #f0f4f8; }} footer {{ color: #616e7c; font-size: 0.85rem; margin-top: 2.5rem; }}
code {{ background: #f0f4f8; padding: 0 0.2rem; }}
"""


def escape(text: str) -> str:
    return _escape(visible(text), quote=True)


def html(report: Report, *, svg: str | None = None, mermaid: str | None = None) -> str:
    """The report. `svg`: the diagram as Graphviz wrote it; else `mermaid`: shown as its source text."""
    out = ["<!DOCTYPE html>", f'<html lang="{escape(report.language)}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(report.title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
           f"<h1>{escape(report.title)}</h1>"]
    out += [f"<p>{escape(paragraph)}</p>" for paragraph in report.intro]
    for section in report.sections:
        out.append(f"<h2>{escape(section.heading)}</h2>")
        if section.diagram:
            if svg:
                out.append(f"<figure>{inline_svg(svg)}</figure>")
            elif mermaid:
                out.append(f"<pre>{escape(mermaid)}</pre>")
        out += [f"<p>{_code(paragraph)}</p>" for paragraph in section.paragraphs]
        if section.table:
            out.append("<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in section.table.headers)
                       + "</tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                    for row in section.table.rows]
            out.append("</tbody></table>")
    out += [f"<footer>{_code(report.footer)}</footer>", "</body>", "</html>", ""]
    return "\n".join(out)


def inline_svg(svg: str) -> str:
    """Graphviz's SVG without its XML declaration, doctype and comments, to sit inside an HTML page."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", "", svg, flags=re.DOTALL)
    return svg.strip()


def _code(text: str) -> str:
    parts = text.split("`")
    return "".join(f"<code>{escape(part)}</code>" if i % 2 else escape(part) for i, part in enumerate(parts))

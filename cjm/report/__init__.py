"""A one-document report of a map for docs (`cjm report`): the map diagram, the prioritised roadmap as a table,
the emotional low points and when they get addressed, KPIs per phase, and the pain points no initiative
addresses. Written as Markdown (GitHub renders it, with the diagram as an image beside it) or as one
self-contained HTML file (the diagram inline).

The library works without the command line and never prints::

    from cjm.report import build_report, markdown, html
    report = build_report(journey, roadmap)            # roadmap: cjm.prioritise.prioritise([journey]) or None
    text = markdown(report, image="report.map.svg")    # or: html(report, svg=render(journey, "map", "svg"))

`build_report` gathers plain text; `markdown` and `html` escape every piece of it for their format, so text
from a map always shows as written.
"""

from __future__ import annotations

from cjm.report.content import ReportDocument, Section, Table, build_report
from cjm.report.html import html
from cjm.report.markdown import markdown

REPORT_FORMATS: dict[str, tuple[str, ...]] = {"markdown": (".md", ".markdown"), "html": (".html", ".htm")}

__all__ = ["REPORT_FORMATS", "ReportDocument", "Section", "Table", "build_report", "html", "markdown"]

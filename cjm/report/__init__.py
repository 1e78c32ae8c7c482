"""A one-document report of a map for docs (`cjm report`): the map diagram, the prioritised roadmap as a table,
the emotional low points and when they get addressed, KPIs per phase, and the pain points no initiative
addresses. Written as Markdown (GitHub renders it, with the diagram as an image beside it) or as one
self-contained HTML file (the diagram inline).

The library works without the command line and never prints::

    from cjm.report import build_report
    from cjm.output.report import Document, document_text
    report = build_report(journey, roadmap)            # roadmap: cjm.prioritise.prioritise([journey]) or None
    text = document_text(Document(report, image="report.map.svg"), "markdown")   # or "html", with svg=...

`build_report` gathers plain text; the formats of `cjm.output.report` escape every piece of it, so text from a
map always shows as written.
"""

from __future__ import annotations

from cjm.report.content import ReportDocument, Section, Table, build_report

__all__ = ["ReportDocument", "Section", "Table", "build_report"]

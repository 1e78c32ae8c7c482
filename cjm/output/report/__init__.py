"""A report of a map (`cjm.report.ReportDocument`, built by `cjm.report.build_report`) as the documents `cjm report`
writes: `markdown` (GitHub renders it; the diagram beside it as an image, or a Mermaid block) and `html` (one
self-contained file, the diagram inline). Every piece of map text is escaped for its format.

`FORMATS` is the registry the command takes its choices from; each writer is `(document, stream, *, color)`,
where a `Document` is the report with its diagram as that format shows it. `deliver` writes a report where the
user asked for it, with its diagram.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.errors import CjmError
from cjm.io.safe_write import write_bytes, write_text
from cjm.output.formats import Format, Registry
from cjm.output.plan import STDOUT, Target, check, prepare
from cjm.render import render as draw
from cjm.render.mermaid import build_mermaid

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.io.safe_write import Inputs
    from cjm.prioritise import Roadmap
    from cjm.report.content import ReportDocument


@dataclass(frozen=True)
class Document:
    """A report and its diagram: `svg` (Graphviz's, inline in HTML), `image` (the diagram's file, relative to a
    Markdown report), else `mermaid` (the map as a Mermaid journey)."""

    report: ReportDocument
    svg: str | None = None
    image: str | None = None
    mermaid: str | None = None


FORMATS: Registry[Document] = Registry(
    "report",
    Format(
        "markdown",
        "GitHub-flavoured Markdown, the diagram beside it as an image (or a Mermaid block).",
        "cjm.output.report.markdown:write_markdown",
        (".md", ".markdown"),
    ),
    Format(
        "html",
        "One self-contained HTML file, the diagram inline.",
        "cjm.output.report.html:write_html",
        (".html", ".htm"),
    ),
)


def format_named(format: str | None, output: str | None) -> str:
    """The report's format: `format` (a name, or the suffix of one: `md`, `htm`), else the one `output`'s suffix
    names; Markdown on standard output. A usage error when neither names one."""
    if format is not None:
        found = next((f.name for f in FORMATS.values() if format in (f.name, *(s[1:] for s in f.suffixes))), None)
    elif output is None or output == "-":
        found = "markdown"
    else:
        chosen = FORMATS.for_path(output)
        found = chosen.name if chosen else None
    if found is None:
        raise CjmError(
            f"unknown report format '{format or output}'; give --format {' or '.join(FORMATS)}, or an output "
            f"file ending in {' or '.join(f.suffixes[0] for f in FORMATS.values())}"
        )
    return found


def document_text(document: Document, format: str) -> str:
    """The document as text in `format`."""
    out = io.StringIO()
    FORMATS.named(format).write(document, out)
    return out.getvalue()


def deliver(
    content: ReportDocument,
    journey: Journey,
    roadmap: Roadmap | None,
    *,
    source: str,
    format: str,
    output: str | None,
    image: str,
    drawable: bool,
    inputs: Inputs,
) -> list[str]:
    """Write the report to `output` (standard output when None or `-`) with its diagram: drawn by Graphviz when
    `drawable` (inline in HTML; beside a Markdown file as `FILE.map.svg` or `.png`, per `image`), else as a
    Mermaid journey. Every path is checked before anything is written, never over the map (`source`) or one of
    `inputs`. The files written, in order."""
    mermaid = build_mermaid(journey, fenced=True)
    if output is None or output == STDOUT:
        sys.stdout.write(document_text(Document(content, mermaid=mermaid), format))
        return []
    folder = os.path.dirname(os.path.abspath(output))
    image_path = f"{os.path.splitext(output)[0]}.map.{image}"
    beside = format == "markdown" and drawable
    targets = [Target(source, output)] + ([Target(source, image_path)] if beside else [])
    check(targets, folder=folder, inputs=inputs)
    prepare(output)
    written = []
    if format == "html":
        svg = draw(journey, "map", "svg", roadmap).decode("utf-8") if drawable else None
        document = Document(content, svg=svg, mermaid=None if svg else build_mermaid(journey))
    elif beside:
        write_bytes(image_path, draw(journey, "map", image, roadmap), inputs)
        written.append(image_path)
        document = Document(content, image=os.path.basename(image_path))
    else:
        document = Document(content, mermaid=mermaid)
    write_text(output, document_text(document, format), inputs)
    return [*written, output]


__all__ = ["FORMATS", "Document", "deliver", "document_text", "format_named"]

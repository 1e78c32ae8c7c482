"""`github`: GitHub Actions workflow commands, so problems appear as annotations on the pull request.

Nothing from a map can forge a command: `%`, CR and LF are escaped in the message, and `:` and `,` too in
the properties, as the runner's own toolkit does; so no text from a map can start a line or end the
properties (`::`). Other control characters are shown as escapes (`\\x1b`).
"""

from __future__ import annotations

from typing import IO

from cjm.core.problem import Severity
from cjm.core.text import safe
from cjm.output.findings import Findings
from cjm.output.findings.text import summary

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    # Other control characters (escape sequences that would colour or rewrite the log) are shown, not sent.
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(findings: Findings, stream: IO[str], *, color: bool) -> None:
    lines = [
        f"::{_LEVELS[p.severity]} file={escape_property(p.file)},line={p.line},col={p.col},"
        f"title={escape_property(f'{p.code} {p.rule}'.strip())}::{escape_data(p.message)}\n"
        for p in findings.problems
    ]
    lines.append(escape_data(summary(findings)) + "\n")
    stream.write("".join(lines))

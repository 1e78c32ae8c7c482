"""Options shared by several commands, so they are spelled and documented the same everywhere."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Annotated

import typer

from cjm.errors import CjmError
from cjm.reporters import REPORTERS

Paths = Annotated[list[str], typer.Argument(help="Map files, directories (searched for *.yaml and *.yml), "
                                                   "glob patterns, or - for standard input.", show_default=False,
                                                   metavar="PATH")]
FormatOption = Annotated[str | None, typer.Option(
    "--format", "-f", help=f"Output format: {', '.join(REPORTERS)}. Default: text, or github under GitHub Actions.",
    show_default=False, metavar="FORMAT")]
OutputOption = Annotated[str | None, typer.Option(
    "--output", "-o", help="Write the report to this file instead of standard output.", show_default=False,
    metavar="FILE")]


def reporter_name(requested: str | None) -> str:
    if requested is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if requested not in REPORTERS:
        raise CjmError(f"unknown format '{requested}'; choose one of: {', '.join(REPORTERS)}")
    return requested


@contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written atomically once the report is complete."""
    if path is None:
        yield sys.stdout
        return
    from cjm.safe_write import atomic_writer

    with atomic_writer(path) as handle:
        yield handle

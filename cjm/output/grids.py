"""Whole runs of `cjm import` (`import_run`: a journey grid read into a map, written with a report on what was read)
and `cjm export` (`export_run`: a valid map written as a grid or a deck); each returns the exit code. The command
line only parses options and calls them."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CjmError
from cjm.core.problem import Severity
from cjm.io.files import read_bytes
from cjm.io.safe_write import Inputs, write_bytes, write_text
from cjm.office.importer import import_grid
from cjm.office.sheets import MAX_FILE_BYTES
from cjm.output.findings import FINDINGS_FORMATS, Findings
from cjm.output.office import export_format
from cjm.output.plan import run_inputs
from cjm.output.terminal import say, use_color
from cjm.validation.check import check_file


@dataclass(frozen=True)
class ImportRequest:
    """Where `cjm import` writes the map and how it reports what it read."""

    output: str | None = None  # -o MAP.yaml; else standard output, with the report on standard error
    sheet: str | None = None  # --sheet; else the sheet where a grid is found
    format: str | None = None  # --format of the report; else text
    force: bool = False  # overwrite the output file
    strict: bool = False  # exit 1 when a cell was placed for review


def import_run(path: str, request: ImportRequest) -> int:
    """`cjm import` of the grid at `path`: the map and the report written, and the exit code."""
    output = request.output
    report_format = FINDINGS_FORMATS.named(request.format or "text")
    if output is not None and output != "-":
        Inputs.of([path]).check(output)
        if os.path.exists(output) and not request.force:
            raise CjmError(f"{output} already exists; use --force to overwrite it")
        if not output.lower().endswith((".yaml", ".yml")):
            raise CjmError(f"{output}: a map is a .yaml file; give -o a name ending in .yaml")
    imported = import_grid(read_bytes(path, MAX_FILE_BYTES), path, request.sheet)
    to_stdout = output is None or output == "-"
    if output is None or output == "-":
        sys.stdout.write(imported.text)
    else:
        write_text(output, imported.text, Inputs.of([path]))
    findings = Findings("import")
    findings.add(path, imported.problems)
    report = sys.stderr if to_stdout else sys.stdout
    report_format.write(findings, report, color=use_color(report))
    needs_review = any(p.severity is not Severity.INFO for p in imported.problems)
    return EXIT_FINDINGS if request.strict and needs_review else EXIT_OK


def export_run(path: str, output: str | None, format: str | None = None) -> int:
    """`cjm export` of the map at `path` to `output` (standard output for CSV) in `format` (else the one the output
    file's suffix names): the file written, and the exit code (2 when the map is not valid)."""
    chosen = export_format(format, output)
    result = check_file(path)
    if result.journey is None:
        for p in result.problems:
            say(f"{p.file}:{p.line}:{p.col}: {p.code} {p.message}")
        say(f"cjm: error: {path}: is not a valid map; fix it (cjm validate {path}) before exporting")
        return EXIT_USAGE
    data = chosen.build(result.journey)
    if output is None or output == "-":
        sys.stdout.write(data.decode("utf-8").lstrip("\ufeff"))  # CSV: the byte-order mark is for files
        return EXIT_OK
    write_bytes(output, data, run_inputs([path]))
    say(f"Wrote {output}.", sys.stdout)
    return EXIT_OK

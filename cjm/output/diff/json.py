"""The `cjm diff` JSON report: every map's changes (`MapDiff.to_dict`) and the maps that could not be compared."""

from __future__ import annotations

from typing import IO, Any

from cjm.diff.changes import MapDiff
from cjm.diff.sources import Comparison, MapError
from cjm.output.contract import envelope, json_text, problem_json


def json_document(results: list[MapDiff], errors: list[dict[str, Any]] | None = None) -> str:
    document = envelope(
        "diff", changed=any(r.changed for r in results), maps=[r.to_dict() for r in results], errors=errors or []
    )
    return json_text(document)


def error_entry(error: MapError) -> dict[str, Any]:
    """A map that could not be compared: its file and its located problems."""
    return {"file": error.source, "problems": [problem_json(p) for p in error.problems]}


def write_json(comparison: Comparison, stream: IO[str], *, color: bool = False) -> None:
    stream.write(json_document(comparison.results, [error_entry(e) for e in comparison.errors]))

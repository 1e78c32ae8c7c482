"""The files `cjm export` writes a map as: `xlsx` and `csv` (the grid a consultant draws) and `pptx` (an editable
deck). Each format is named by its files' suffix; its builder (`cjm.office`) turns a valid map's `Journey` into
the file's bytes and is imported only when used (openpyxl and the deck's drawing are slow to load)."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.errors import CjmError

if TYPE_CHECKING:
    from cjm.core.model import Journey


@dataclass(frozen=True)
class Export:
    """One export format: its name (also its files' suffix), what it is, its builder as `module:function`
    (`Journey -> bytes`), and whether it is text that standard output can take."""

    name: str
    description: str
    builder: str
    text: bool = False

    @property
    def suffix(self) -> str:
        return f".{self.name}"

    def build(self, journey: Journey) -> bytes:
        module, _, function = self.builder.partition(":")
        data: bytes = getattr(importlib.import_module(module), function)(journey)
        return data


EXPORT_FORMATS: dict[str, Export] = {
    e.name: e
    for e in (
        Export("xlsx", "The journey grid as an Excel workbook.", "cjm.office.grid_export:to_xlsx"),
        Export("csv", "The journey grid as CSV (UTF-8 with a byte-order mark).", "cjm.office.grid_export:to_csv", True),
        Export("pptx", "An editable 16:9 PowerPoint deck.", "cjm.office.deck:to_pptx"),
    )
}


def listed(words: list[str]) -> str:
    """`xlsx, csv or pptx`."""
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else "".join(words)


def export_format(format: str | None, output: str | None) -> Export:
    """The format asked for by --format, else by the suffix of `output`; a usage error naming the choices."""
    name = format or (os.path.splitext(output)[1].lower().lstrip(".") if output and output != "-" else None)
    if name is None:
        suffixes = listed([e.suffix for e in EXPORT_FORMATS.values()])
        text = listed([e.name for e in EXPORT_FORMATS.values() if e.text])
        raise CjmError(f"give the file to write with -o ({suffixes}), or --format {text} for standard output")
    if name not in EXPORT_FORMATS:
        raise CjmError(
            f"unknown format '{name}'; choose one of: {', '.join(EXPORT_FORMATS)} (by -o's suffix or --format)"
        )
    chosen = EXPORT_FORMATS[name]
    if output in (None, "-") and not chosen.text:
        raise CjmError(f"a .{name} file is binary; give the file to write with -o")
    return chosen


def export_bytes(journey: Journey, format: str) -> bytes:
    """A valid map's journey as the bytes of a file in `format` (a name of `EXPORT_FORMATS`)."""
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {format!r}")
    return EXPORT_FORMATS[format].build(journey)

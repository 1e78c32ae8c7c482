"""Format registries: each family of output (roadmaps, diffs, adapt reports, report documents, ...) names its
formats in one dict of `Format`s, from which the command line takes its `--format` choices, its help, the format
a file name asks for, and its "unknown format" message. No command keeps a copy of the names.

A registry names each writer as `module:function` and imports it when it first writes, so that building the
command line (every command's help) costs no import of a writer, its library or rich."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cjm.core.errors import CjmError


@dataclass(frozen=True)
class Format:
    """One output format of a family: its name, its writer `(value, stream, *, color, ...) -> None` of the
    family's value as `module:function`, the file suffixes that ask for it (`.md`), and what help says of it
    beside its name (`for a pull-request comment`)."""

    name: str
    writer: str
    suffixes: tuple[str, ...] = ()
    help: str = ""

    @property
    def write(self) -> Callable[..., None]:
        module, _, function = self.writer.partition(":")
        found: Callable[..., None] = getattr(importlib.import_module(module), function)
        return found


Registry = Mapping[str, Format]


def registry(*formats: Format) -> dict[str, Format]:
    """Formats by name, in the order given (the order help lists them in)."""
    return {f.name: f for f in formats}


def names(formats: Registry) -> str:
    """`table, json, csv, markdown`: the choices as help and error messages list them."""
    return ", ".join(formats)


def choices_help(formats: Registry, default: str) -> str:
    """`text (default), json, or markdown (for a pull-request comment)`: the choices as a sentence of help."""
    described = []
    for f in formats.values():
        note = "default" if f.name == default else f.help
        described.append(f"{f.name} ({note})" if note else f.name)
    if len(described) > 2:
        return ", ".join(described[:-1]) + ", or " + described[-1]
    return " or ".join(described)


def choose(formats: Registry, name: str) -> Format:
    """The format named `name`; a usage error naming the choices when there is none."""
    if name not in formats:
        raise CjmError(f"unknown format '{name}'; choose one of: {names(formats)}")
    return formats[name]


def for_file(formats: Registry, path: str | None) -> str | None:
    """The format a file name asks for by its suffix (`roadmap.md` is Markdown), or None."""
    if not path:
        return None
    lowered = path.lower()
    return next((f.name for f in formats.values() if f.suffixes and lowered.endswith(f.suffixes)), None)

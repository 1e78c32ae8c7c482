"""The one shape of every format registry: findings, rule lists, roadmaps, diffs, adapt reports, documents.

A `Format` has a name (what `--format` takes), a one-line description (what `--help` and the docs say), the file
suffixes that pick it for `-o FILE`, and its writer: `writer(value, stream, *, color)` writes one value (a run's
findings, a roadmap, ...) as text to a stream, coloured only when `color` is true. A `Registry` is the ordered,
read-only mapping of a command's formats by name; help texts, `--format` choices and error messages come from it,
so a format added to the registry is offered, documented and refused in one place.

A writer is best named as `"module:function"`: it is imported when a value is first written in that format, so a
command imports only the formats it writes (`cjm --help` imports none). A function itself does too, where its module
is imported anyway.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Generic, Protocol, TypeVar, cast

from cjm.core.errors import CjmError

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)


class Writer(Protocol[T_contra]):
    """Writes one value as text: `writer(value, stream, color=...)`."""

    def __call__(self, value: T_contra, stream: IO[str], /, *, color: bool) -> None: ...


@dataclass(frozen=True)
class Format(Generic[T]):
    """One output format of one kind of value."""

    name: str
    description: str
    writer: str | Writer[T]
    """A `Writer` of the registry's values, or its `"module:function"`, imported when first used."""
    suffixes: tuple[str, ...] = ()
    """File suffixes (lower case, with the dot) for which `-o FILE` picks this format when no --format is given."""

    def load(self) -> Writer[T]:
        if not isinstance(self.writer, str):
            return self.writer
        module, _, function = self.writer.partition(":")
        return cast("Writer[T]", getattr(importlib.import_module(module), function))

    def write(self, value: T, stream: IO[str], *, color: bool = False) -> None:
        self.load()(value, stream, color=color)


class Registry(Mapping[str, "Format[T]"]):
    """A command's formats by name, in the order help lists them. `kind` names what is written ("report", "rule
    list", ...), for messages."""

    def __init__(self, kind: str, *formats: Format[T]) -> None:
        self.kind = kind
        self._formats = {f.name: f for f in formats}
        if len(self._formats) != len(formats):
            raise ValueError(f"two {kind} formats with one name")

    def __getitem__(self, name: str) -> Format[T]:
        return self._formats[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._formats)

    def __len__(self) -> int:
        return len(self._formats)

    def __repr__(self) -> str:
        return f"Registry({self.kind!r}, {', '.join(self._formats)})"

    @property
    def names(self) -> str:
        """The names, comma-separated, for help texts and messages: `text, json, sarif`."""
        return ", ".join(self._formats)

    def named(self, name: str) -> Format[T]:
        """The format called `name`, or the usage error that lists the choices."""
        if name not in self._formats:
            raise CjmError(f"unknown format '{name}'; choose one of: {self.names}")
        return self._formats[name]

    def for_path(self, path: str | None) -> Format[T] | None:
        """The format the suffix of `path` names, if one of these does."""
        suffix = os.path.splitext(path or "")[1].lower()
        return next((f for f in self._formats.values() if suffix and suffix in f.suffixes), None)

    def help(self, default: str | None = None) -> str:
        """`--format`'s help: the choices, then what the default is (when the option does not show it)."""
        return f"Output format: {self.names}." + (f" Default: {default}." if default else "")

    def described(self) -> list[tuple[str, str]]:
        """(name, description) of each format, for generated docs and `--help` epilogues."""
        return [(f.name, f.description) for f in self._formats.values()]

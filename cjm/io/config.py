"""Configuration: `[tool.cjm]` in pyproject.toml or a `.cjm.yaml`, the nearest one upward from a map wins.

A `.cjm.yaml` holds the same keys as `[tool.cjm]` at its top level. Each command reads its own section
(`lint`, `prioritise`, `adapt`, ...) and validates it; a bad value is reported with the config file's own
line and column through `Config.error`.

Which configuration applies is a value a run makes once and passes along, `Configuration`: found upward from
each map (the default), one file for every map (`--config FILE`), or none at all (`--isolated`), as ruff has it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cjm.core.errors import CjmError

CONFIG_FILES = (".cjm.yaml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """The `[tool.cjm]` table (or `.cjm.yaml` mapping) that applies, and where it came from (None: defaults)."""

    source: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self.error((name,), f"`{name}` must be a table of settings")
        return value

    def locate(self, keys: tuple[str, ...]) -> tuple[int, int]:
        """Best-effort line and column of a setting, for error messages."""
        if not self.text or not keys:
            return 1, 1
        if self.source and self.source.endswith(".yaml"):
            from cjm.io.loader import load_yaml

            return load_yaml(self.text, self.source).locate(keys, key=True)
        return _locate_toml(self.text, keys)

    def error(self, keys: tuple[str, ...], message: str) -> CjmError:
        line, col = self.locate(keys)
        return CjmError(f"{self.source or 'configuration'}:{line}:{col}: {message}")

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.source)) if self.source else os.getcwd()


@dataclass(frozen=True)
class Configuration:
    """Which configuration applies to each map of a run. `fixed` is the one for every map (`--config FILE`, or
    the defaults with `--isolated`); without it each map's is found upward from its folder, and each folder's
    answer is kept in this value for the rest of the run (a folder of a thousand maps reads its config once)."""

    fixed: Config | None = None
    _found: dict[str, Config] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_options(cls, config_file: str | None = None, *, isolated: bool = False) -> Configuration:
        """`--config FILE` and `--isolated`; neither: found upward from each map."""
        if config_file is not None and isolated:
            raise CjmError("--config and --isolated cannot be used together: --isolated ignores every config file")
        if isolated:
            return cls(Config())
        if config_file is not None:
            return cls(load_config_file(config_file))
        return cls()

    def for_path(self, start: str) -> Config:
        """The configuration for a map at `start` (a file or folder; `-`, standard input: the working folder)."""
        if self.fixed is not None:
            return self.fixed
        start = os.getcwd() if start == "-" else start
        return self._find_in(os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or "."))

    def sources(self, paths: Iterable[str]) -> list[str]:
        """The configuration files that apply to `paths` and to the working folder (each once)."""
        starts = {os.path.dirname(os.path.abspath(p)) for p in paths if p != "-"} | {os.getcwd()}
        sources = {self.for_path(start).source for start in starts}
        return sorted(source for source in sources if source)

    def _find_in(self, folder: str) -> Config:
        if folder in self._found:
            return self._found[folder]
        config = self._nearest(folder)
        self._found[folder] = config
        return config

    def _nearest(self, folder: str) -> Config:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.lexists(candidate) and not os.path.isdir(candidate):  # the reader refuses what is no file
                config = load_config(candidate)
                if config is not None:
                    return config
        parent = os.path.dirname(folder)
        return Config() if parent == folder else self._find_in(parent)


def find_config(start: str) -> Config:
    """The configuration for a map at `start` (a file or folder): the nearest config file upward."""
    return Configuration().for_path(start)


def load_config_file(path: str) -> Config:
    """The configuration a user named (`--config FILE`): a `.cjm.yaml`-like YAML file or a pyproject.toml with a
    `[tool.cjm]` table. A file that cannot be read or holds no cjm settings is an error that names it."""
    if os.path.isdir(path):
        raise CjmError(f"--config {path}: is a directory; name the configuration file")
    if not path.endswith((".yaml", ".yml", ".toml")):
        raise CjmError(
            f"--config {path}: a configuration file is YAML (like .cjm.yaml) or a pyproject.toml with [tool.cjm]"
        )
    config = load_config(path)
    if config is None:
        raise CjmError(f"--config {path}:1:1: has no [tool.cjm] table; add one, or name another file")
    return config


def load_config(path: str) -> Config | None:
    """Read one config file; None for a pyproject.toml without `[tool.cjm]`."""
    from cjm.io.files import read_bytes

    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CjmError(
            f"{path}: cannot read the configuration: it is not UTF-8 text ({err.reason} at byte {err.start})"
        ) from None
    if path.endswith(".toml"):
        import tomllib

        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise CjmError(f"{path}: invalid TOML: {err}") from None
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            line = _line_of(text, "tool")
            raise CjmError(f"{path}:{line}:1: `tool` must be a table ([tool.NAME] sections), not {type(tool).__name__}")
        table = tool.get("cjm")
        if table is None:
            return None
        if not isinstance(table, dict):
            line = _line_of(text, r"(tool\s*\.\s*)?cjm")
            raise CjmError(f"{path}:{line}:1: `[tool.cjm]` must be a table of settings, not {type(table).__name__}")
        return Config(path, table, text)
    from cjm.io.loader import load_yaml

    doc = load_yaml(text, path)
    if doc.problems:
        first = doc.problems[0]
        raise CjmError(f"{path}:{first.line}:{first.col}: {first.message}")
    if not isinstance(doc.data, dict):
        raise CjmError(f"{path}:1:1: a .cjm.yaml must be a mapping of settings")
    return Config(path, doc.data, text)


def _line_of(text: str, key: str) -> int:
    """The line where `key = ...` is set (1 when it cannot be found)."""
    match = re.search(rf"^\s*{key}\s*=", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _locate_toml(text: str, keys: tuple[str, ...]) -> tuple[int, int]:
    """Find `key = ` under the deepest matching `[tool.cjm.…]` header; good enough to point a person at it."""
    lines = text.splitlines()
    best = (1, 1)
    for depth in range(len(keys), -1, -1):
        header = ".".join(("tool", "cjm", *keys[:depth]))
        pattern = re.compile(r"^\s*\[\s*" + re.escape(header).replace(r"\.", r"\s*\.\s*") + r"\s*\]")
        for number, line in enumerate(lines, 1):
            if pattern.match(line):
                if depth == len(keys):
                    return number, 1
                best = (number, 1)
                key = keys[depth]
                key_pattern = re.compile(r"^(\s*)[\"']?" + re.escape(key) + r"[\"']?\s*=")
                for offset, inner in enumerate(lines[number:], number + 1):
                    if inner.lstrip().startswith("["):
                        break
                    if match := key_pattern.match(inner):
                        return offset, len(match.group(1)) + 1
                return best
    return best

"""A loaded YAML file as every layer sees it: its plain data, its problems, and where each node was written, so
that whatever is found in the data can be located in the text. `cjm.io.loader` builds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cjm.core.problem import Problem, Severity

KeyPath = tuple[str | int, ...]
"""Where a node is in a document: the keys and indexes from the top (`("phases", 2, "emotion")`)."""
Mark = tuple[int, int]  # 1-based line, column


@dataclass
class Document:
    """A loaded YAML file: the plain data (dicts, lists, str, int, float, bool, None) plus where each node was.

    Marks are kept per container, keyed by the container's identity, so that loading stays cheap and any
    JSON path can be turned back into a line and column.
    """

    source: str
    text: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    # id(container) -> {key or index: (key mark, value mark)}; the key mark of a list item is its value mark.
    _child_marks: dict[int, dict[Any, tuple[Mark, Mark]]] = field(default_factory=dict, repr=False)
    _start_marks: dict[int, Mark] = field(default_factory=dict, repr=False)
    # (id(container), key or index) -> why a plain scalar there may not mean what the writer thought
    surprises: dict[tuple[int, Any], str] = field(default_factory=dict, repr=False)
    # Flow collections, for the slips a comma makes in them. id(list written `[...]`) -> its scalar entries as
    # (index, start, end, plain), start and end being offsets in `text`; and (id(mapping written `{...}`), key)
    # -> the key before it, for a key with no `:` (`{text: Sizes run small, not true to size}`).
    flow_items: dict[int, list[tuple[int, int, int, bool]]] = field(default_factory=dict, repr=False)
    comma_keys: dict[tuple[int, str], str] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def locate(self, path: KeyPath, *, key: bool = False) -> Mark:
        """The line and column of the node at `path`, or of its key when `key` is true.

        A path that runs past what was marked (into an alias, say) gives the nearest marked ancestor.
        """
        node = self.data
        mark = self._start_marks.get(id(node), (1, 1))
        for step in path:
            marks = self._child_marks.get(id(node))
            if marks is None or step not in marks:
                break
            key_mark, value_mark = marks[step]
            mark = key_mark if key and step == path[-1] else value_mark
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
        return mark

    def surprise_at(self, path: KeyPath) -> str | None:
        """The YAML 1.1 note for the scalar at `path`, if its plain writing is read differently than expected."""
        if not path:
            return None
        node = self.data
        for step in path[:-1]:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return self.surprises.get((id(node), path[-1]))

    def problem(self, path: KeyPath, code: str, message: str, *, key: bool = False, **kw: Any) -> Problem:
        line, col = self.locate(path, key=key)
        return Problem(self.source, line, col, code, message, path=json_path(path), **kw)


def json_path(path: KeyPath) -> str:
    """`("phases", 2, "emotion")` -> `$.phases[2].emotion`."""
    out = ["$"]
    for step in path:
        out.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(out)

"""Writing DOT text. Attribute values here come from cjm itself (colours, sizes, node names, and labels already
escaped by `cjm.render.labels`); map text never reaches a quoted DOT string, only HTML-like labels.

The output is a pure function of the input: same map, same bytes (no dict-order or hash dependence, no dates).
"""

from __future__ import annotations

from cjm.render import theme

AttrValue = str | int | float | bool


def quote(value: AttrValue) -> str:
    """A DOT attribute value: numbers as they are, text quoted (with `"` and `\\` escaped, in case)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def attrs(values: dict[str, AttrValue | None]) -> str:
    """`[a=1, b="x"]` in the given order; `None` values are left out; a label starting with `<` is HTML-like."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        if key in ("label", "xlabel") and isinstance(value, str) and value.startswith("<"):
            parts.append(f"{key}=<{value[1:-1] if value.endswith('>') else value}>")
        else:
            parts.append(f"{key}={quote(value)}")
    return f" [{', '.join(parts)}]" if parts else ""


class Graph:
    """A directed graph written line by line, in the order things were added."""

    def __init__(self, name: str, graph_attrs: dict[str, AttrValue | None]) -> None:
        self.name = name
        self.lines: list[str] = []
        defaults: dict[str, AttrValue | None] = {
            "fontname": theme.FONTS,
            "fontsize": theme.FONT_SIZE,
            "fontcolor": theme.INK,
            "bgcolor": "white",
            "pad": 0.3,
            "outputorder": "nodesfirst",
        }
        self.lines.append(f"graph{attrs(defaults | graph_attrs)};")
        node_defaults: dict[str, AttrValue | None] = {
            "fontname": theme.FONTS,
            "fontsize": theme.FONT_SIZE,
            "fontcolor": theme.INK,
            "shape": "plain",
        }
        edge_defaults: dict[str, AttrValue | None] = {
            "fontname": theme.FONTS,
            "fontsize": theme.SMALL_SIZE,
            "color": theme.MUTED,
            "arrowsize": 0.6,
        }
        self.lines.append(f"node{attrs(node_defaults)};")
        self.lines.append(f"edge{attrs(edge_defaults)};")

    def node(self, name: str, **values: AttrValue | None) -> None:
        self.lines.append(f"{name}{attrs(values)};")

    def edge(self, tail: str, head: str, **values: AttrValue | None) -> None:
        self.lines.append(f"{tail} -> {head}{attrs(values)};")

    def raw(self, line: str) -> None:
        self.lines.append(line)

    def source(self) -> str:
        body = "\n".join(f"  {line}" for line in self.lines)
        return f"digraph {self.name} {{\n{body}\n}}\n"


def html_label(markup: str) -> str:
    """An HTML-like label value for `attrs` (the `<...>` around it marks it as HTML-like)."""
    return f"<{markup}>"

"""HTML-like tables for Graphviz labels: cells of wrapped, escaped text, and column widths that two tables can
share so that their columns line up."""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field

from cjm.core.text import display_width
from cjm.render import theme
from cjm.render.labels import html, text_points, wrap

CELL_PADDING = 6
BULLET = "\u2022 "
INDENT = "  "
ITEM_GAP = 7  # font size of the empty line between two bullet points (Graphviz makes it a 5-point gap)


@dataclass
class Text:
    """The content of a cell: lines of markup, with an estimate of the widest line in points."""

    lines: list[str] = field(default_factory=list)
    points: float = 0.0
    sizes: list[float] = field(default_factory=list)

    def add(self, markup: str, points: float, size: float = theme.FONT_SIZE) -> None:
        self.lines.append(markup)
        self.sizes.append(size)
        self.points = max(self.points, points)

    @property
    def height(self) -> float:
        """An upper estimate of the text's height in points."""
        return sum(line_height(size) for size in self.sizes)

    def paragraph(
        self,
        text: str,
        width: int,
        *,
        bullet: bool = False,
        colour: str | None = None,
        bold: bool = False,
        size: float = theme.FONT_SIZE,
        tag: str | None = None,
        tag_colour: str = theme.MUTED,
        spaced: bool | None = None,
    ) -> None:
        """Wrapped text, optionally as a bullet point with a hanging indent, and a small tag after it (on the
        last line when it fits, else on lines of its own). Bullet points (or `spaced` paragraphs) are set a
        little apart from what comes before them."""
        if self.lines and (bullet if spaced is None else spaced):
            self.add(f'<FONT POINT-SIZE="{ITEM_GAP}"> </FONT>', 0, ITEM_GAP)
        lead = BULLET if bullet else ""
        available = width - len(lead)
        lines = wrap(text, available)
        tag_lines = wrap(tag, available) if tag else []
        inline = len(tag_lines) == 1 and display_width(f"{lines[-1]} {tag_lines[0]}") <= available
        weight = 1.05 if bold else 1.0
        for i, body in enumerate(lines):
            prefix = lead if i == 0 else (INDENT if bullet else "")
            markup = _style(html(prefix), colour=theme.MUTED, size=size) + _style(
                html(body), colour=colour, bold=bold, size=size
            )
            points = text_points(prefix + body, size) * weight
            if inline and i == len(lines) - 1:
                markup += _style(html(f"{theme.TAG_GAP}{tag_lines[0]}"), colour=tag_colour, size=theme.SMALL_SIZE)
                points += text_points(f"{theme.TAG_GAP}{tag_lines[0]}", theme.SMALL_SIZE)
            self.add(markup, points, size)
        if not inline:
            indent = INDENT if bullet else ""
            for line in tag_lines:
                self.add(
                    html(indent) + _style(html(line), colour=tag_colour, size=theme.SMALL_SIZE),
                    text_points(indent, size) + text_points(line, theme.SMALL_SIZE),
                    theme.SMALL_SIZE,
                )

    def markup(self) -> str:
        return "<BR/>".join(self.lines) if self.lines else " "


def _style(markup: str, *, colour: str | None = None, bold: bool = False, size: float | None = None) -> str:
    if not markup:
        return markup
    if bold:
        markup = f"<B>{markup}</B>"
    font = []
    if colour:
        font.append(f'COLOR="{colour}"')
    if size and size != theme.FONT_SIZE:
        font.append(f'POINT-SIZE="{size:g}"')
    return f"<FONT {' '.join(font)}>{markup}</FONT>" if font else markup


def styled(text: str, *, colour: str | None = None, bold: bool = False, size: float | None = None) -> str:
    """One escaped line of text in a font style."""
    return _style(html(text), colour=colour, bold=bold, size=size)


@dataclass
class Cell:
    content: str
    width: float | None = None  # minimum width in points, padding and border included
    height: float | None = None
    bg: str | None = None
    port: str | None = None
    colspan: int = 1
    rowspan: int = 1
    align: str = "LEFT"
    valign: str = "TOP"
    padding: int | None = None
    sides: str | None = None  # which borders to draw (L, T, R, B); all when None

    def markup(self) -> str:
        parts = [f'ALIGN="{self.align}"', f'BALIGN="{self.align}"', f'VALIGN="{self.valign}"']
        if self.port:
            parts.append(f'PORT="{self.port}"')
        if self.colspan > 1:
            parts.append(f'COLSPAN="{self.colspan}"')
        if self.rowspan > 1:
            parts.append(f'ROWSPAN="{self.rowspan}"')
        if self.width:
            parts.append(f'WIDTH="{round(self.width)}"')
        if self.height:
            parts.append(f'HEIGHT="{round(self.height)}"')
        if self.bg:
            parts.append(f'BGCOLOR="{self.bg}"')
        if self.padding is not None:
            parts.append(f'CELLPADDING="{self.padding}"')
        if self.sides is not None:
            parts.append(f'SIDES="{self.sides}"' if self.sides else 'BORDER="0"')
        return f"<TD {' '.join(parts)}>{self.content}</TD>"


def line_height(size: float) -> float:
    """Graphviz gives a line of text 1.1 times its font size, rounded; one point more is kept so that a row never
    grows past the height cjm gave it (the emotion curve's points are placed by those heights)."""
    return math.floor(size * 1.1 + 0.5) + 1


def cell_width(text_points_: float) -> float:
    """The width a cell needs for text of this width: the text, padding on both sides and the border."""
    return math.ceil(text_points_ + 2 * CELL_PADDING + 2)


def cell_height(text_height: float) -> float:
    return math.ceil(text_height + 2 * CELL_PADDING + 2)


def table(rows: list[list[Cell]], *, colour: str = theme.GRID, border: int = 0) -> str:
    body = "".join("<TR>" + "".join(cell.markup() for cell in row) + "</TR>" for row in rows)
    return (
        f'<TABLE BORDER="{border}" CELLBORDER="1" CELLSPACING="0" CELLPADDING="{CELL_PADDING}" '
        f'COLOR="{colour}">{body}</TABLE>'
    )


@dataclass
class Grid:
    """A table whose every column width and row height cjm sets, so it knows where each cell is (in points,
    from the table's top-left corner) before Graphviz draws it."""

    widths: list[float]
    rows: list[list[Cell]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)

    def add(self, cells: list[Cell], height: float) -> int:
        """Add a row; every cell that spans one row gets its height. Returns the row's index."""
        for cell in cells:
            if cell.rowspan == 1:
                cell.height = height
        self.rows.append(cells)
        self.heights.append(height)
        return len(self.rows) - 1

    @property
    def width(self) -> float:
        return self._column_starts[-1]

    @property
    def height(self) -> float:
        return sum(self.heights)

    def column_centre(self, column: int) -> float:
        return self._column_starts[column] + self.widths[column] / 2

    @functools.cached_property
    def _column_starts(self) -> list[float]:
        """Where each column starts, and last where the table ends (the widths are set when the grid is made;
        a map's views ask for every phase column's place)."""
        return list(itertools.accumulate(self.widths, initial=0))

    def row_top(self, row: int) -> float:
        return sum(self.heights[:row])

    def markup(self, *, colour: str = theme.GRID) -> str:
        return table(self.rows, colour=colour)

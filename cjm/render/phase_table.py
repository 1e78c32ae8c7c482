"""The table that the map and emotion views share: phases as columns, sections of rows, and the emotion curve
between them.

It is one HTML-like table, so its rows and columns line up by construction. cjm sets every column's width and
every row's height, so it knows where each cell is before Graphviz draws it, and pins the curve's points (and
any marker) over the table at those places (see `cjm.render.curve`). The graph uses Graphviz's `neato` engine
with every node pinned: Graphviz measures and draws the text, cjm decides the layout.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from cjm.core.model import Journey
from cjm.render import curve, facts, persona_band, theme
from cjm.render.dot import Graph, html_label
from cjm.render.facts import Lane
from cjm.render.labels import truncate
from cjm.render.table import Cell, Grid, Text, cell_height, cell_width, styled

LABEL_WRAP = 14
SHARED_KINDS = ("initiatives",)  # rows that belong to no lane, labelled across both label columns
LEFT_BREAK = '<BR ALIGN="LEFT"/>'  # ends a line of the title block, flush left


def phase_wrap(phase_count: int) -> int:
    """Display columns per line in a phase column: narrower when there are many phases, so the map stays
    legible at the width of a docs page."""
    return 26 if phase_count <= 4 else 22 if phase_count <= 6 else 20


@dataclass
class Row:
    """A row: its kind (a key of `theme` words), its lane (None: shared), one text per phase, and the phases
    whose cell is tinted as a low point."""

    kind: str
    lane: Lane | None
    cells: list[Text]
    highlight: set[int] = field(default_factory=set)


@dataclass
class Section:
    """Rows grouped under shared label cells in a multi-lane map: by lane (`by_lane`) or by kind."""

    rows: list[Row]
    by_lane: bool


@dataclass
class Placed:
    """Where the table ended up, in Graphviz points relative to the table's centre (y upwards)."""

    grid: Grid
    label_columns: int
    first_row: dict[str, int]  # kind -> index of its first row in the grid

    def centre_x(self, phase: int) -> float:
        return -self.grid.width / 2 + self.grid.column_centre(self.label_columns + phase)

    def top_y(self, row: int) -> float:
        return self.grid.height / 2 - self.grid.row_top(row)


class Labels:
    """The row-label column(s): one in a single-lane map; lane and row kind in a multi-lane one."""

    def __init__(self, language: str, lanes: Sequence[Lane]) -> None:
        self.language = language
        self.lanes = list(lanes)
        self.single = len(self.lanes) == 1
        self.columns = 1 if self.single else 2
        self.width = 0.0  # of each label column

    def text(self, label: str) -> Text:
        text = Text()
        text.paragraph(label, LABEL_WRAP, bold=True)
        return text

    def kind(self, kind: str) -> Text:
        return self.text(theme.word(kind, self.language))

    def lane(self, lane: Lane | None) -> Text:
        return self.text(lane.label if lane else theme.word("unassigned", self.language))

    def measure(self, kinds: set[str]) -> None:
        self.width = cell_width(max(self.kind(k).points for k in kinds))
        if not self.single:  # lanes label the first column in one section and the second in another
            self.width = max(self.width, cell_width(max(self.lane(lane).points for lane in self.lanes)))

    @property
    def total(self) -> float:
        return self.width * self.columns


def build(
    journey: Journey,
    sections: list[Section | str],
    *,
    name: str,
    title: str,
    lanes: Sequence[Lane],
    band_row_height: int = curve.ROW_HEIGHT,
    key: str | None = None,
    lane_curves: list[tuple[Lane, list[facts.CurvePoint]]] | None = None,
) -> tuple[Graph, Placed]:
    """The graph of a phase table. `sections` are row sections, the string "curve" where the emotion curve
    goes (left out when no phase has an emotion) and "personas" where the persona band goes (left out when the
    map has no personas). `key`: a line under the title saying what the marks mean."""
    language = journey.language
    lane_curves = facts.curves(journey) if lane_curves is None else lane_curves
    wrap = phase_wrap(len(journey.phases))
    headers = []
    for phase in journey.phases:
        header = Text()
        header.paragraph(phase.name, wrap, bold=True, colour=theme.HEADER_INK, size=theme.HEADER_SIZE)
        headers.append(header)
    rows = [row for section in sections if isinstance(section, Section) for row in section.rows]
    phase_width = max(cell_width(text.points) for text in [*headers, *(t for row in rows for t in row.cells)])
    with_personas = "personas" in sections and bool(journey.personas)
    if with_personas:
        phase_width = max(phase_width, math.ceil(persona_band.min_width(journey) / len(headers)))
    labels = Labels(language, lanes)
    labels.measure({row.kind for row in rows} | {"emotion", "phase"} | ({"personas"} if with_personas else set()))
    grid = Grid([*([labels.width] * labels.columns), *([phase_width] * len(headers))])
    placed = Placed(grid, labels.columns, {})

    corner = Cell(
        styled(theme.word("phase", language), colour=theme.HEADER_INK, bold=True),
        labels.total,
        bg=theme.HEADER_BG,
        colspan=labels.columns,
        valign="MIDDLE",
    )
    grid.add(
        [corner, *(Cell(h.markup(), phase_width, bg=theme.HEADER_BG, valign="MIDDLE") for h in headers)],
        max(cell_height(h.height) for h in headers),
    )
    for section in sections:
        if isinstance(section, Section):
            _add_section(grid, section, labels, phase_width, placed)
        elif section == "personas":
            if with_personas:
                _add_personas(grid, journey, labels, phase_width * len(headers), placed)
        elif lane_curves:
            placed.first_row["curve"] = len(grid.rows)
            legend = [lane for lane, _ in lane_curves] if len(lane_curves) > 1 else []
            for cells in curve.band_rows(
                labels.total,
                labels.columns,
                [phase_width] * len(headers),
                theme.word("emotion", language),
                legend,
                band_row_height,
            ):
                grid.add(cells, band_row_height)

    heading = styled(truncate(title, 120), bold=True, size=theme.TITLE_SIZE) + LEFT_BREAK
    if key:
        heading += (
            f'<FONT POINT-SIZE="5"> </FONT>{LEFT_BREAK}'
            + styled(key, colour=theme.MUTED, size=theme.SMALL_SIZE)
            + LEFT_BREAK
        )
    graph = Graph(
        name,
        {
            "layout": "neato",
            "inputscale": 72,
            "notranslate": True,
            "splines": "line",
            "labelloc": "t",
            "labeljust": "l",
            "label": html_label(heading + " "),
        },
    )
    graph.node("table", pos="0,0!", label=html_label(grid.markup()))
    if lane_curves and "curve" in placed.first_row:
        curve.draw_points(
            graph,
            lane_curves,
            centres=[placed.centre_x(i) for i in range(len(headers))],
            band_top=placed.top_y(placed.first_row["curve"]),
            multi=len(lane_curves) > 1,
            row_height=band_row_height,
            column_width=phase_width,
        )
    return graph, placed


def _add_personas(grid: Grid, journey: Journey, labels: Labels, width: float, placed: Placed) -> None:
    """The persona band: the row label, then the cards across every phase column."""
    band = persona_band.band(journey, width)
    label = labels.kind("personas")
    placed.first_row["personas"] = len(grid.rows)
    grid.add(
        [
            Cell(label.markup(), labels.total, bg=theme.ROW_LABEL_BG, colspan=labels.columns),
            Cell(band.markup, width, bg="white", colspan=len(grid.widths) - labels.columns, padding=0),
        ],
        max(band.height, cell_height(label.height)),
    )


def _add_section(grid: Grid, section: Section, labels: Labels, phase_width: float, placed: Placed) -> None:
    """Add a section's rows. In a multi-lane map, consecutive rows of one lane (`by_lane`) or of one kind share
    a label cell spanning them."""
    rows = section.rows
    index = 0
    while index < len(rows):
        first = rows[index]
        span = 1
        if not labels.single and first.kind not in SHARED_KINDS:
            while index + span < len(rows) and _same_group(rows[index + span], first, section.by_lane):
                span += 1
        group = rows[index : index + span]
        outer = labels.lane(first.lane) if section.by_lane else labels.kind(first.kind)
        heights = [_row_height(row, labels, section.by_lane) for row in group]
        if not labels.single and first.kind not in SHARED_KINDS:
            heights[-1] += max(0, cell_height(outer.height) - sum(heights))
        for n, (row, height) in enumerate(zip(group, heights, strict=True)):
            placed.first_row.setdefault(row.kind, len(grid.rows))
            tint = theme.ROW_TINTS.get(row.kind)
            cells: list[Cell] = []
            if labels.single or row.kind in SHARED_KINDS:
                cells.append(
                    Cell(
                        labels.kind(row.kind).markup(),
                        labels.total,
                        bg=tint or theme.ROW_LABEL_BG,
                        colspan=labels.columns,
                    )
                )
            else:
                if n == 0:
                    outer_bg = _lane_tint(first.lane) if section.by_lane else tint or theme.ROW_LABEL_BG
                    cells.append(Cell(outer.markup(), labels.width, bg=outer_bg, rowspan=span))
                inner = labels.kind(row.kind) if section.by_lane else labels.lane(row.lane)
                cells.append(
                    Cell(
                        inner.markup(), labels.width, bg=theme.ROW_LABEL_BG if section.by_lane else _lane_tint(row.lane)
                    )
                )
            for i, text in enumerate(row.cells):
                cells.append(Cell(text.markup(), phase_width, bg=theme.LOW_BG if i in row.highlight else tint))
            grid.add(cells, height)
        index += span


def _same_group(row: Row, first: Row, by_lane: bool) -> bool:
    if row.kind in SHARED_KINDS:
        return False
    return row.lane == first.lane if by_lane else row.kind == first.kind


def _lane_tint(lane: Lane | None) -> str:
    return lane.tint if lane else theme.ROW_LABEL_BG


def _row_height(row: Row, labels: Labels, by_lane: bool) -> float:
    texts = list(row.cells)
    if labels.single or row.kind in SHARED_KINDS:
        texts.append(labels.kind(row.kind))
    else:
        texts.append(labels.kind(row.kind) if by_lane else labels.lane(row.lane))
    return max(cell_height(max(t.height for t in texts)), cell_height(12))

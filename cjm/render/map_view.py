"""The map: phases as columns; rows for actions, thoughts and feelings (one block per persona lane when the map
has several), the emotion curve, then touchpoints with their channel, pain points, opportunities, KPIs (per lane
too) and the initiatives that work on each phase.

It is one table, so rows and columns line up by construction; cjm sets every column's width and every row's
height, and pins the emotion curve's points over the table where their cells are (see `cjm.render.curve`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cjm.model import ONLINE_CHANNELS, Item, Journey, Phase
from cjm.render import curve, facts, theme
from cjm.render.dot import Graph, html_label
from cjm.render.facts import Lane
from cjm.render.labels import truncate
from cjm.render.table import Cell, Grid, Text, cell_height, cell_width, styled

LABEL_WRAP = 14
TOP_KINDS = ("actions", "thoughts", "feelings")
BOTTOM_KINDS = ("touchpoints", "pain_points", "opportunities", "kpis")


def phase_wrap(phase_count: int) -> int:
    """Display columns per line in a phase column: narrower when there are many phases, so the map stays
    legible at the width of a docs page."""
    return 26 if phase_count <= 4 else 22 if phase_count <= 6 else 20


@dataclass
class Row:
    """A row of the map: its kind, its lane (None for rows shared by all), one text per phase."""

    kind: str
    lane: Lane | None
    cells: list[Text]
    highlight: set[int] = field(default_factory=set)  # phases whose cell is tinted as a low point


def build(journey: Journey) -> str:
    """The DOT source of the map view."""
    language = journey.language
    lanes = facts.lanes(journey)
    single = len(lanes) == 1
    wrap = phase_wrap(len(journey.phases))
    top = [row for lane in lanes for row in _lane_rows(journey, lane, single, wrap, language)]
    bottom = [row for kind in BOTTOM_KINDS for lane in lanes
              for row in [_item_row(journey, kind, lane, single, wrap, language)]]
    if not single:  # a lane shows only the rows it has something in
        top = [row for row in top if any(text.lines for text in row.cells)]
        bottom = [row for row in bottom if any(text.lines for text in row.cells)]
    if journey.initiatives:
        bottom.append(_initiative_row(journey, wrap, language))
    lane_curves = facts.curves(journey)

    headers = [_header(phase, wrap) for phase in journey.phases]
    phase_width = max(cell_width(text.points) for text in [*headers, *(t for row in [*top, *bottom] for t in row.cells)])
    labels = _Labels(language, single, lanes)
    grid = Grid([*labels.widths([*top, *bottom]), *([phase_width] * len(journey.phases))])

    corner = Cell(styled(theme.word("phase", language), colour=theme.HEADER_INK, bold=True), labels.total,
                  bg=theme.HEADER_BG, colspan=labels.columns, valign="MIDDLE")
    grid.add([corner, *(Cell(h.markup(), phase_width, bg=theme.HEADER_BG, valign="MIDDLE") for h in headers)],
             max(cell_height(h.height) for h in headers))
    _add_rows(grid, top, labels, phase_width, lanes_first=True)
    band_row = len(grid.rows)
    if lane_curves:
        for cells in curve.band_rows(labels.total, labels.columns, [phase_width] * len(headers),
                                     theme.word("emotion", language)):
            grid.add(cells, curve.ROW_HEIGHT)
    _add_rows(grid, bottom, labels, phase_width, lanes_first=False)

    graph = Graph("journey_map", {"layout": "neato", "inputscale": 72, "notranslate": True, "splines": "line",
                                  "labelloc": "t", "labeljust": "l", "label": html_label(_title(journey))})
    graph.node("map", pos="0,0!", label=html_label(grid.markup()))
    if lane_curves:
        left, top_edge = -grid.width / 2, grid.height / 2
        centres = [left + grid.column_centre(labels.columns + i) for i in range(len(headers))]
        curve.draw_points(graph, lane_curves, centres=centres, band_top=top_edge - grid.row_top(band_row),
                          multi=not single)
    return graph.source()


def _title(journey: Journey) -> str:
    return styled(truncate(journey.title, 100), bold=True, size=theme.TITLE_SIZE) + "<BR/> "


def _header(phase: Phase, wrap: int) -> Text:
    text = Text()
    text.paragraph(phase.name, wrap, bold=True, colour=theme.HEADER_INK, size=theme.HEADER_SIZE)
    return text


class _Labels:
    """The row-label column(s): one in a single-lane map; lane and row kind in a multi-lane one."""

    def __init__(self, language: str, single: bool, lanes: list[Lane]) -> None:
        self.language = language
        self.single = single
        self.lanes = lanes
        self.columns = 1 if single else 2
        self._widths: list[float] = []

    def text(self, label: str) -> Text:
        text = Text()
        text.paragraph(label, LABEL_WRAP, bold=True)
        return text

    def kind(self, kind: str) -> Text:
        return self.text(theme.word(kind, self.language))

    def lane(self, lane: Lane | None) -> Text:
        return self.text(lane.name if lane and lane.name else theme.word("all", self.language))

    def widths(self, rows: list[Row]) -> list[float]:
        kinds = {row.kind for row in rows} | {"emotion", *TOP_KINDS}
        width = cell_width(max(self.kind(k).points for k in kinds))
        if not self.single:  # lanes label the first column above the curve and the second below it
            width = max(width, cell_width(max(self.lane(lane).points for lane in self.lanes)))
        self._widths = [width] * self.columns
        return self._widths

    @property
    def total(self) -> float:
        return sum(self._widths)


def _add_rows(grid: Grid, rows: list[Row], labels: _Labels, phase_width: float, *, lanes_first: bool) -> None:
    """Add rows under their labels. In a multi-lane map, consecutive rows of one lane (upper part) or of one
    kind (lower part) share a label cell spanning them."""
    index = 0
    while index < len(rows):
        row = rows[index]
        span = 1
        if not labels.single and row.kind != "initiatives":
            def same(other: Row, first: Row = row) -> bool:
                return other.lane == first.lane if lanes_first else other.kind == first.kind
            while index + span < len(rows) and same(rows[index + span]) and rows[index + span].kind != "initiatives":
                span += 1
        group = rows[index:index + span]
        heights = [_row_height(r, labels, lanes_first) for r in group]
        outer = labels.lane(row.lane) if lanes_first else labels.kind(row.kind)
        shortfall = cell_height(outer.height) - sum(heights)
        if not labels.single and shortfall > 0:
            heights[-1] += shortfall
        for n, (member, height) in enumerate(zip(group, heights, strict=True)):
            cells: list[Cell] = []
            tint = theme.ROW_TINTS.get(member.kind)
            if labels.single or member.kind == "initiatives":
                cells.append(Cell(labels.kind(member.kind).markup(), labels.total, bg=tint or theme.ROW_LABEL_BG,
                                  colspan=labels.columns))
            else:
                if n == 0:
                    outer_bg = theme.lane_tint(row.lane.index) if lanes_first and row.lane else \
                        tint or theme.ROW_LABEL_BG
                    cells.append(Cell(outer.markup(), labels._widths[0], bg=outer_bg, rowspan=span))
                inner = labels.kind(member.kind) if lanes_first else labels.lane(member.lane)
                inner_bg = theme.ROW_LABEL_BG if lanes_first else theme.lane_tint(member.lane.index) \
                    if member.lane else theme.ROW_LABEL_BG
                cells.append(Cell(inner.markup(), labels._widths[1], bg=inner_bg))
            for i, text in enumerate(member.cells):
                cells.append(Cell(text.markup(), phase_width, bg=theme.LOW_BG if i in member.highlight else tint))
            grid.add(cells, height)
        index += span


def _row_height(row: Row, labels: _Labels, lanes_first: bool) -> float:
    texts = list(row.cells)
    if labels.single or row.kind == "initiatives":
        texts.append(labels.kind(row.kind))
    else:
        texts.append(labels.kind(row.kind) if lanes_first else labels.lane(row.lane))
    return max(cell_height(max(t.height for t in texts)), cell_height(12))


def _lane_rows(journey: Journey, lane: Lane, single: bool, wrap: int, language: str) -> list[Row]:
    rows = [Row(kind, lane, [_items(facts.lane_items(p, kind, lane, single), wrap, language)
                             for p in journey.phases]) for kind in ("actions", "thoughts")]
    feelings = Row("feelings", lane, [])
    for phase in journey.phases:
        emotion = facts.lane_emotion(phase, lane, single)
        text = Text()
        if emotion is not None:
            low = emotion.score < facts.LOW_SCORE
            text.paragraph(emotion.note or theme.score_text(emotion.score), wrap,
                           colour=theme.NEGATIVE if low else None)
            if low:
                feelings.highlight.add(phase.index)
        feelings.cells.append(text)
    rows.append(feelings)
    return rows


def _item_row(journey: Journey, kind: str, lane: Lane, single: bool, wrap: int, language: str) -> Row:
    return Row(kind, lane, [_items(facts.lane_items(p, kind, lane, single), wrap, language) for p in journey.phases])


def _initiative_row(journey: Journey, wrap: int, language: str) -> Row:
    """The initiatives working on each phase; a low point with none is called out."""
    lows = {p.phase_index for _, points in facts.curves(journey) for p in points if p.low}
    row = Row("initiatives", None, [])
    for phase in journey.phases:
        text = Text()
        found = facts.initiatives_for_phase(journey, phase)
        for initiative in found:
            text.paragraph(initiative.title, wrap, bullet=True)
        if not found and phase.index in lows:
            text.paragraph(theme.word("no_initiative", language), wrap, colour=theme.NEGATIVE, bold=True)
            row.highlight.add(phase.index)
        row.cells.append(text)
    return row


def _items(items: list[Item], wrap: int, language: str) -> Text:
    text = Text()
    for item in items:
        _ITEM_STYLES.get(item.list_name, _plain)(text, item, wrap, language)
    return text


def _plain(text: Text, item: Item, wrap: int, language: str) -> None:
    text.paragraph(item.text, wrap, bullet=True)


def _touchpoint(text: Text, item: Item, wrap: int, language: str) -> None:
    channel = item.get("channel", "other")
    colour = theme.ONLINE if channel in ONLINE_CHANNELS else theme.OFFLINE if channel != "other" else theme.MUTED
    text.paragraph(item.text, wrap, bullet=True, tag=theme.channel_name(channel, language), tag_colour=colour)


def _pain_point(text: Text, item: Item, wrap: int, language: str) -> None:
    severity = item.get("severity")
    tag = "\u25cf" * int(severity) + "\u25cb" * (5 - int(severity)) if severity else None
    text.paragraph(item.text, wrap, bullet=True, colour=theme.PAIN_INK, tag=tag, tag_colour=theme.NEGATIVE)


def _kpi(text: Text, item: Item, wrap: int, language: str) -> None:
    target = item.get("target")
    tag = None
    if target is not None and not isinstance(target, bool):
        value = f"{target:,g}" if isinstance(target, int | float) else str(target)
        unit = item.get("unit")
        tag = theme.word("target", language) + " " + (f"{value} {unit}" if unit else value)
    text.paragraph(item.text, wrap, bullet=True, tag=tag, tag_colour=theme.INK)


_ITEM_STYLES: dict[str, Callable[[Text, Item, int, str], None]] = {
    "touchpoints": _touchpoint, "pain_points": _pain_point, "kpis": _kpi,
}

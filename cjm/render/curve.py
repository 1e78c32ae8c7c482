"""The emotion curve: rows of a table whose columns are the phases, with one point per phase at the height of
its score and a line through the points.

The band is nine rows of the table, one per half step from +2 down to -2, tinted green above 0 and red below,
with a hairline at 0. The points are small nodes pinned over the table at the centre of their phase's column
and their score's row, and the line is drawn with straight edges between them. Their positions come from the
widths and heights cjm gave the table's cells (see `cjm.render.table.Grid`), so they need no layout.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from cjm.render import theme
from cjm.render.dot import Graph, html_label
from cjm.render.facts import CurvePoint, Lane
from cjm.render.labels import truncate
from cjm.render.table import Cell, styled

LEVELS = 9  # half steps from +2 (row 0) to -2 (row 8)
NEUTRAL = 4
ROW_HEIGHT = 14
POSITIVE_TINT = "#f2f9f5"
NEGATIVE_TINT = "#fdf3f3"
PILL_WIDTH = 32
PILL_HEIGHT = 13
PILL_GAP = 4


def level(score: float) -> int:
    return min(LEVELS - 1, max(0, round((2 - score) * 2)))


def point_colour(point: CurvePoint, lane: Lane, multi: bool) -> str:
    if multi:
        return lane.colour
    if point.low:
        return theme.NEGATIVE
    return theme.POSITIVE if point.score > 0 else theme.NEUTRAL


def band_rows(
    label_width: float,
    label_columns: int,
    widths: Sequence[float],
    title: str,
    legend: Sequence[Lane] = (),
    row_height: int = ROW_HEIGHT,
) -> list[list[Cell]]:
    """The band's rows for the table: the title (with a legend of the lanes' colours when several lanes have a
    curve) and the scale in the label column(s), tinted cells per phase."""
    rows: list[list[Cell]] = []
    for row in range(LEVELS):
        cells: list[Cell] = []
        if row == 0:
            cells.append(
                Cell(
                    _scale(label_width, title, legend, row_height),
                    label_width,
                    bg=theme.ROW_LABEL_BG,
                    colspan=label_columns,
                    rowspan=LEVELS,
                    padding=0,
                )
            )
        for width in widths:
            content = _hairline(round(width) - 2) if row == NEUTRAL else " "
            sides = "LR" + ("T" if row == 0 else "") + ("B" if row == LEVELS - 1 else "")
            cells.append(
                Cell(content, width, row_height, bg=_tint(row), align="CENTER", valign="MIDDLE", padding=0, sides=sides)
            )
        rows.append(cells)
    return rows


def draw_points(
    graph: Graph,
    lane_curves: list[tuple[Lane, list[CurvePoint]]],
    *,
    centres: Sequence[float],
    band_top: float,
    multi: bool,
    row_height: int = ROW_HEIGHT,
    column_width: float = 0,
) -> None:
    """Pin the points over the band (`centres`: x of each phase column; `band_top`: y of the band's top edge,
    in points, y growing upwards as in Graphviz) and draw the line through them. Points of several lanes at one
    phase and level sit side by side within the column, zig-zagging up and down when they do not fit in a row,
    so that no two points overlap; the graph draws lines first, so no line crosses a point's score."""
    sharing: dict[tuple[int, int], list[int]] = {}
    for lane, points in lane_curves:
        for point in points:
            sharing.setdefault((point.phase_index, level(point.score)), []).append(lane.index)
    places: dict[str, tuple[float, float]] = {}
    for lane, points in lane_curves:
        for point in points:
            row = level(point.score)
            together = sharing[(point.phase_index, row)]
            dx, dy = spread(together.index(lane.index), len(together), column_width)
            places[point_name(lane, point)] = (
                centres[point.phase_index] + dx,
                band_top - (row + 0.5) * row_height + dy,
            )
    for lane, points in lane_curves:
        for point in points:
            name = point_name(lane, point)
            fill = point_colour(point, lane, multi)
            graph.node(
                name,
                shape="box",
                style="rounded,filled",
                fixedsize=True,
                width=round(PILL_WIDTH / 72, 4),
                height=round(PILL_HEIGHT / 72, 4),
                fillcolor=fill,
                color=theme.NEGATIVE if point.low else fill,
                penwidth=2 if point.low and multi else 1,
                pos=f"{places[name][0]:g},{places[name][1]:g}!",
                label=html_label(
                    styled(theme.score_text(point.score), colour="white", bold=True, size=theme.SMALL_SIZE)
                ),
            )
    nearby = _Nearby(places)
    for lane, points in lane_curves:
        colour = lane.colour if multi else theme.INK
        for previous, point in zip(points, points[1:], strict=False):
            gap = point.phase_index != previous.phase_index + 1
            ends = (point_name(lane, previous), point_name(lane, point))
            others = [
                place for name, place in nearby.between(places[ends[0]][0], places[ends[1]][0]) if name not in ends
            ]
            _line(
                graph,
                ends,
                [places[end] for end in ends],
                others,
                color=colour,
                penwidth=2.2,
                arrowhead="none",
                style="dashed" if gap else None,
            )


class _Nearby:
    """The points sorted by x, to find those a line could cross without looking at every point of the map for
    every line: only points whose box reaches into the line's horizontal extent can cross it."""

    def __init__(self, places: dict[str, tuple[float, float]]) -> None:
        self.by_x = sorted(places.items(), key=lambda entry: entry[1][0])
        self.xs = [place[0] for _, place in self.by_x]

    def between(self, x1: float, x2: float) -> list[tuple[str, tuple[float, float]]]:
        """Every point whose box (with `_crossing`'s margin, and a point more) overlaps x1..x2."""
        reach = PILL_WIDTH / 2 + 3
        return self.by_x[bisect_left(self.xs, min(x1, x2) - reach) : bisect_right(self.xs, max(x1, x2) + reach)]


def _line(
    graph: Graph,
    ends: tuple[str, str],
    at: list[tuple[float, float]],
    others: list[tuple[float, float]],
    **style: str | float | None,
) -> None:
    """A line between two points that stops short of every other point it would cross: Graphviz draws lines
    after nodes, so a line through a point would cover its score. The pieces meet at invisible nodes."""
    (x1, y1), (x2, y2) = at
    hidden = sorted(interval for place in others if (interval := _crossing(at, place)) is not None)
    pieces: list[tuple[float, float]] = []
    start = 0.0
    for enter, leave in hidden:
        if enter > start:
            pieces.append((start, enter))
        start = max(start, leave)
    pieces.append((start, 1.0))
    if len(pieces) == 1 and pieces[0] == (0.0, 1.0):
        graph.edge(ends[0], ends[1], **style)
        return
    for n, (begin, end) in enumerate(pieces):
        if end <= begin:
            continue
        tail = (
            ends[0] if begin == 0.0 else _waypoint(graph, ends, n, "a", x1 + (x2 - x1) * begin, y1 + (y2 - y1) * begin)
        )
        head = ends[1] if end == 1.0 else _waypoint(graph, ends, n, "b", x1 + (x2 - x1) * end, y1 + (y2 - y1) * end)
        graph.edge(tail, head, **style)


def _waypoint(graph: Graph, ends: tuple[str, str], piece: int, side: str, x: float, y: float) -> str:
    name = f"{ends[0]}_{ends[1]}_{piece}{side}"
    graph.node(name, shape="point", width=0.01, style="invis", pos=f"{x:.2f},{y:.2f}!")
    return name


def _crossing(at: list[tuple[float, float]], place: tuple[float, float]) -> tuple[float, float] | None:
    """The part (as fractions 0..1 of its length) of the line `at` that lies over the point at `place`, with a
    margin, or None when it misses it (Liang-Barsky clipping against the point's box)."""
    (x1, y1), (x2, y2) = at
    half_w, half_h = PILL_WIDTH / 2 + 2, PILL_HEIGHT / 2 + 2
    low, high = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    for p, q in (
        (-dx, x1 - (place[0] - half_w)),
        (dx, place[0] + half_w - x1),
        (-dy, y1 - (place[1] - half_h)),
        (dy, place[1] + half_h - y1),
    ):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    return (low, high) if low < high else None


def spread(position: int, count: int, column_width: float) -> tuple[float, float]:
    """Where the `position`-th of `count` points sharing a place goes, relative to the place: side by side, a
    gap apart; closer together when the column is too narrow for that, then alternately half a point up and
    down so that neighbours still do not overlap."""
    if count == 1:
        return 0.0, 0.0
    step: float = PILL_WIDTH + PILL_GAP
    room = column_width - PILL_WIDTH - 2 * PILL_GAP
    if column_width and step * (count - 1) > room:
        step = max(room / (count - 1), PILL_WIDTH / 2)
    dy = 0.0 if step >= PILL_WIDTH + 1 else (PILL_HEIGHT / 2 + 0.5) * (1 if position % 2 else -1)
    return (position - (count - 1) / 2) * step, dy


def point_name(lane: Lane, point: CurvePoint) -> str:
    return f"e{lane.index}_{point.phase_index}"


def _tint(row: int) -> str:
    return POSITIVE_TINT if row < NEUTRAL else NEGATIVE_TINT if row > NEUTRAL else "white"


def _title(title: str, legend: Sequence[Lane], width: float) -> str:
    lines = [styled(title, bold=True)]
    columns = max(8, int(width / theme.SMALL_SIZE * 2 * 0.8) - 3)  # display columns that fit, roughly
    for lane in legend:
        name = truncate(lane.name, columns) if lane.name else "\u2014"
        lines.append(
            styled("\u25cf ", colour=lane.colour, size=theme.SMALL_SIZE)
            + styled(name, colour=theme.INK, size=theme.SMALL_SIZE)
        )
    return "<BR/>".join(lines)


def _hairline(width: int) -> str:
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" WIDTH="{width}" '
        f'HEIGHT="1" BGCOLOR="{theme.GRID}"><TR><TD></TD></TR></TABLE>'
    )


def _scale(width: float, title: str, legend: Sequence[Lane], row_height: int) -> str:
    """The band's row label: its title, with the scale +2 / 0 / -2 beside the band's rows."""
    marks = {0: "+2", NEUTRAL: "0", LEVELS - 1: "\u22122"}
    scale_width = 22
    rows = []
    for row in range(LEVELS):
        mark = marks.get(row)
        text = styled(mark, colour=theme.MUTED, size=theme.SMALL_SIZE) if mark else " "
        scale = f'<TD WIDTH="{scale_width}" HEIGHT="{row_height}" FIXEDSIZE="TRUE" ALIGN="RIGHT">{text}</TD>'
        if row == 0:
            title_cell = (
                f'<TD ROWSPAN="{LEVELS}" WIDTH="{round(width) - scale_width - 2}" ALIGN="LEFT" '
                f'BALIGN="LEFT" VALIGN="MIDDLE" CELLPADDING="6">'
                f"{_title(title, legend, width - scale_width)}</TD>"
            )
            rows.append(title_cell + scale)
        else:
            rows.append(scale)
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        + "".join(f"<TR>{row}</TR>" for row in rows)
        + "</TABLE>"
    )

"""The emotion curve: a large curve through the phases, its low points (below 0) marked and tied by an arrow
to the initiatives that address them, best ranked first with their roadmap stage; a low point no initiative
addresses is called out. Below: what the customer feels, and the pain points, per lane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm.core.model import Journey
from cjm.render import curve, facts, theme
from cjm.render.map_view import feelings_row, initiative_row, item_row
from cjm.render.phase_table import Section, build, phase_wrap

if TYPE_CHECKING:
    from cjm.prioritise import Roadmap

ROW_HEIGHT = 20  # the band's rows are taller here than in the map: the curve is the point of this view


def build_emotion(journey: Journey, roadmap: Roadmap | None = None) -> str:
    """The DOT source of the emotion view."""
    language = journey.language
    lanes = facts.lanes(journey)
    single = len(lanes) == 1
    wrap = phase_wrap(len(journey.phases))
    rows = [initiative_row(journey, roadmap, wrap, language, low_points_only=True)]
    rows += [feelings_row(journey, lane, single, wrap) for lane in lanes]
    rows += [item_row(journey, "pain_points", lane, single, wrap) for lane in lanes]
    if not single:
        rows = [row for row in rows if row.kind == "initiatives" or any(text.lines for text in row.cells)]
    lane_curves = facts.curves(journey)
    title = f"{journey.title} \u2014 {theme.word('emotion_title', language)}"
    graph, placed = build(
        journey,
        ["curve", Section(rows, by_lane=False)],
        name="emotion_curve",
        title=title,
        lanes=lanes,
        band_row_height=ROW_HEIGHT,
        lane_curves=lane_curves,
    )
    if "initiatives" in placed.first_row and "curve" in placed.first_row:
        top = placed.top_y(placed.first_row["initiatives"])
        for lane, points in lane_curves:
            for point in points:
                if not point.low:
                    continue
                target = f"low{lane.index}_{point.phase_index}"
                graph.node(
                    target,
                    shape="point",
                    width=0.01,
                    style="invis",
                    pos=f"{placed.centre_x(point.phase_index):g},{top - 1:g}!",
                )
                graph.edge(
                    curve.point_name(lane, point),
                    target,
                    color=theme.NEGATIVE,
                    style="dashed",
                    penwidth=1.4,
                    arrowsize=0.7,
                )
    return graph.source()

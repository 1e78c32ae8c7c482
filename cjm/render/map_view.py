"""The map: phases as columns; rows for actions, thoughts and feelings (one block per persona lane when the map
has several), the emotion curve, then touchpoints with their channel, pain points, opportunities and KPIs (per
lane too), and the initiatives that work on each phase, best ranked first with their roadmap stage."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypedDict

from cjm.core.model import OFFLINE_CHANNELS, ONLINE_CHANNELS, Item, Journey
from cjm.render import facts, theme
from cjm.render.facts import Lane
from cjm.render.phase_table import Row, Section, build, phase_wrap
from cjm.render.table import Text

if TYPE_CHECKING:
    from cjm.prioritise import Roadmap

UPPER_KINDS = ("actions", "thoughts")
LOWER_KINDS = ("touchpoints", "pain_points", "opportunities", "kpis")


def build_map(journey: Journey, roadmap: Roadmap | None = None) -> str:
    """The DOT source of the map view."""
    language = journey.language
    lanes = facts.lanes(journey)
    single = len(lanes) == 1
    wrap = phase_wrap(len(journey.phases))
    upper = [
        row
        for lane in lanes
        for row in [
            *(item_row(journey, kind, lane, single, wrap) for kind in UPPER_KINDS),
            feelings_row(journey, lane, single, wrap),
        ]
    ]
    lower = [item_row(journey, kind, lane, single, wrap) for kind in LOWER_KINDS for lane in lanes]
    if not single:  # a lane shows only the rows it has something in
        upper = [row for row in upper if any(text.lines for text in row.cells)]
        lower = [row for row in lower if any(text.lines for text in row.cells)]
    if journey.initiatives:
        lower.append(initiative_row(journey, roadmap, wrap, language, low_points_only=False))
    graph, _ = build(
        journey,
        ["personas", Section(upper, by_lane=True), "curve", Section(lower, by_lane=False)],
        name="journey_map",
        title=journey.title,
        lanes=lanes,
        key=key(journey),
    )
    return graph.source()


def item_row(journey: Journey, kind: str, lane: Lane, single: bool, wrap: int) -> Row:
    return Row(
        kind, lane, [_items(facts.lane_items(p, kind, lane, single), wrap, journey.language) for p in journey.phases]
    )


def feelings_row(journey: Journey, lane: Lane, single: bool, wrap: int) -> Row:
    """The emotion notes of a lane, the low points in red."""
    row = Row("feelings", lane, [])
    for phase in journey.phases:
        emotion = facts.lane_emotion(phase, lane, single)
        text = Text()
        if emotion is not None:
            low = emotion.score < facts.LOW_SCORE
            feeling = emotion.note or theme.score_text(emotion.score)
            text.paragraph(
                f"{theme.LOW_MARK} {feeling}" if low else feeling, wrap, colour=theme.NEGATIVE if low else None
            )
            if low:
                row.highlight.add(phase.index)
        row.cells.append(text)
    return row


def initiative_row(
    journey: Journey, roadmap: Roadmap | None, wrap: int, language: str, *, low_points_only: bool
) -> Row:
    """The initiatives working on each phase, best ranked first with their stage; a low point that none
    addresses is called out. With `low_points_only`, only the phases of low points are filled in."""
    lows = {p.phase_index for _, points in facts.curves(journey) for p in points if p.low}
    working = facts.initiatives_by_phase(journey, roadmap)
    row = Row("initiatives", None, [])
    for phase in journey.phases:
        text = Text()
        found = [w for w in working[phase.id] if w.on_low_point or not low_points_only]
        if low_points_only and phase.index not in lows:
            found = []
        for entry in found:
            stage = entry.ranked.stage if entry.ranked else None
            tag = f"{theme.word('stage', language)} {stage}" if stage and stage <= 3 else None
            text.paragraph(entry.initiative.title, wrap, bullet=True, tag=tag, tag_colour=theme.MUTED)
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
    text.paragraph(item.text, wrap, bullet=True, **channel_badge(item.get("channel", "other"), language))


class Badge(TypedDict):
    """The tag after an item's text (`Text.paragraph`'s keywords)."""

    tag: str
    tag_colour: str


def channel_badge(channel: str, language: str) -> Badge:
    """The badge of a channel: its name after a mark, ◇ online or ◆ offline, in blue or orange."""
    name = theme.channel_name(channel, language)
    if channel in ONLINE_CHANNELS:
        return {"tag": f"{theme.ONLINE_MARK}\u2009{name}", "tag_colour": theme.ONLINE}
    if channel in OFFLINE_CHANNELS:
        return {"tag": f"{theme.OFFLINE_MARK}\u2009{name}", "tag_colour": theme.OFFLINE}
    return {"tag": name, "tag_colour": theme.MUTED}


def key(journey: Journey) -> str | None:
    """What the map's marks mean, for the line under its title: the channel marks and the severity dots
    (only those the map uses)."""
    language = journey.language
    channels = {item.get("channel") for _, item in journey.items() if item.list_name == "touchpoints"}
    parts = []
    if channels & ONLINE_CHANNELS:
        parts.append(f"{theme.ONLINE_MARK} {theme.word('legend_online', language)}")
    if channels & OFFLINE_CHANNELS:
        parts.append(f"{theme.OFFLINE_MARK} {theme.word('legend_offline', language)}")
    if any(item.get("severity") for _, item in journey.items() if item.list_name == "pain_points"):
        parts.append(f"{severity_marks(3)} {theme.word('legend_severity', language)}")
    if any(point.low for _, points in facts.curves(journey) for point in points):
        parts.append(f"{theme.LOW_MARK} {theme.word('legend_low', language)}")
    return "\u2003".join(parts) or None


def _pain_point(text: Text, item: Item, wrap: int, language: str) -> None:
    text.paragraph(
        item.text,
        wrap,
        bullet=True,
        colour=theme.PAIN_INK,
        tag=severity_marks(item.get("severity")),
        tag_colour=theme.NEGATIVE,
    )


def severity_marks(severity: int | None) -> str | None:
    """`●●●○○` for severity 3 of 5."""
    return "\u25cf" * int(severity) + "\u25cb" * (5 - int(severity)) if severity else None


def _kpi(text: Text, item: Item, wrap: int, language: str) -> None:
    text.paragraph(item.text, wrap, bullet=True, tag=kpi_target(item, language), tag_colour=theme.INK)


def kpi_target(item: Item, language: str) -> str | None:
    """`target 2.5 %` (`目標 2.5 %`), or None when the KPI has no target."""
    target = item.get("target")
    if target is None or isinstance(target, bool):
        return None
    value = theme.number(target) if isinstance(target, int | float) else str(target)
    unit = item.get("unit")
    return theme.word("target", language) + " " + (f"{value} {unit}" if unit else value)


_ITEM_STYLES: dict[str, Callable[[Text, Item, int, str], None]] = {
    "touchpoints": _touchpoint,
    "pain_points": _pain_point,
    "kpis": _kpi,
}

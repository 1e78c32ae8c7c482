"""The staged roadmap: the stages of `cjm prioritise` as columns, left to right (1 set-and-forget and quick wins,
2 strengthen key journey points, 3 advanced measures, and "later" when capacity pushes initiatives past stage 3),
each initiative a card in rank order with its score, quadrant and the phases it improves, and an arrow from
each initiative to those that depend on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm.core.model import Journey
from cjm.render import theme
from cjm.render.dot import Graph, html_label
from cjm.render.labels import truncate
from cjm.render.matrix_view import QUADRANT_INKS, QUADRANT_TINTS
from cjm.render.table import Text, cell_width, styled

if TYPE_CHECKING:
    from cjm.prioritise import RankedInitiative, Roadmap

CARD_WRAP = 28
STAGE_TINTS = {1: "#f0f7f3", 2: "#eef4fa", 3: "#f6f1fa", 4: "#f4f4f4"}
STAGE_INKS = {1: "#1e6b43", 2: "#1f5f99", 3: "#5b3c88", 4: "#616e7c"}


def build_roadmap(journey: Journey, roadmap: Roadmap) -> str:
    """The DOT source of the roadmap view."""
    language = journey.language
    mine = [r for r in roadmap.initiatives if r.map_id == journey.id]
    phase_names = {phase.id: phase.name for phase in journey.phases}
    title = styled(
        truncate(f"{journey.title} \u2014 {theme.word('roadmap', language)}", 120), bold=True, size=theme.TITLE_SIZE
    )
    if any(r.depends_on for r in mine):
        title += "<BR/>" + styled(
            "\u2192 " + theme.word("dependency_note", language), colour=theme.MUTED, size=theme.SMALL_SIZE
        )
    graph = Graph(
        "roadmap",
        {
            "rankdir": "LR",
            "newrank": True,
            "nodesep": 0.12,
            "ranksep": 0.45,
            "labelloc": "t",
            "labeljust": "l",
            "label": html_label(f"{title}<BR/> "),
        },
    )
    if not mine:
        graph.node("empty", label=html_label(styled(theme.word("no_initiatives", language), colour=theme.MUTED)))
        return graph.source()
    cards = {r.id: _card(r, phase_names, language) for r in mine}
    width = max(cell_width(text.points) for text in cards.values())
    names = {r.id: f"i{n}" for n, r in enumerate(mine)}
    stages = sorted({r.stage for r in mine})
    firsts = []
    for stage in stages:
        members = sorted((r for r in mine if r.stage == stage), key=lambda r: r.rank)
        header = styled(
            f"{theme.word('stage', language)} {stage}" if stage <= 3 else theme.word("later", language),
            bold=True,
            colour=STAGE_INKS[stage],
            size=theme.HEADER_SIZE,
        )
        label = (
            f'<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD ALIGN="LEFT" BALIGN="LEFT">{header}'
            f"<BR/>{styled(theme.stage_name(stage, language), colour=STAGE_INKS[stage])}</TD></TR></TABLE>"
        )
        graph.raw(f"subgraph cluster_stage{stage} {{")
        graph.raw(
            f'  graph [label=<{label}>, style="rounded,filled", fillcolor="{STAGE_TINTS[stage]}", '
            f'color="{STAGE_TINTS[stage]}", margin=12, labeljust="l"];'
        )
        for ranked in members:
            graph.raw(f"  {names[ranked.id]} [label=<{_card_table(cards[ranked.id], ranked, width)}>];")
        graph.raw("  {rank=same; " + " ".join(f"{names[r.id]};" for r in members) + "}")
        graph.raw("}")
        for upper, lower in zip(members, members[1:], strict=False):  # rank order, top to bottom
            graph.edge(names[lower.id], names[upper.id], style="invis")
        firsts.append(names[members[0].id])
    for left, right in zip(firsts, firsts[1:], strict=False):  # stages left to right
        graph.edge(left, right, style="invis", weight=10)
    for ranked in mine:
        for prerequisite in ranked.depends_on:
            if prerequisite in names:
                graph.edge(
                    names[prerequisite],
                    names[ranked.id],
                    color=theme.MUTED,
                    penwidth=1.3,
                    constraint=ranked.stage != next(r.stage for r in mine if r.id == prerequisite),
                )
    return graph.source()


def _card(ranked: RankedInitiative, phase_names: dict[str, str], language: str) -> Text:
    text = Text()
    text.paragraph(ranked.title, CARD_WRAP, bold=True)
    tags = [ranked.label(language)]  # the quadrant, and "rethink" where it applies
    if ranked.initiative.raw.get("set_and_forget"):
        tags.append(theme.word("set_and_forget", language))
    text.paragraph(" \u00b7 ".join(tags), CARD_WRAP, colour=QUADRANT_INKS[ranked.quadrant], size=theme.SMALL_SIZE)
    phases = [phase_names[p] for p in ranked.addresses.phases if p in phase_names]
    if phases:
        text.paragraph(", ".join(phases), CARD_WRAP, colour=theme.MUTED, size=theme.SMALL_SIZE)
    return text


def _card_table(text: Text, ranked: RankedInitiative, width: float) -> str:
    ink = QUADRANT_INKS[ranked.quadrant]
    head = (
        styled(f"#{ranked.rank}", bold=True, colour="white")
        + "  "
        + styled(f"{theme.number(round(ranked.score, 1))}", colour="white", size=theme.SMALL_SIZE)
    )
    return (
        f'<TABLE BORDER="1" COLOR="{ink}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" BGCOLOR="white">'
        f'<TR><TD ALIGN="LEFT" BGCOLOR="{ink}" WIDTH="{round(width)}">{head}</TD></TR>'
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR="{QUADRANT_TINTS[ranked.quadrant]}">{text.markup()}</TD>'
        "</TR></TABLE>"
    )

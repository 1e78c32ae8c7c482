"""The initiative matrix: impact (up) against feasibility (right, easier), on the map's 1-5 scales, in the four
quadrants `cjm prioritise` uses (an input of 3 or more counts as high): quick wins top right, big bets top left,
fill-ins bottom right, money pits bottom left. Each initiative is placed at its own impact and feasibility,
numbered by its rank, with its stage, maintenance cost and confidence (the two axes the matrix cannot show); one
with heavy upkeep and low confidence is marked in red as one to rethink."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm.core.model import Journey
from cjm.core.vocabulary import in_language
from cjm.render import theme
from cjm.render.dot import Graph, html_label
from cjm.render.labels import truncate
from cjm.render.table import Cell, Grid, Text, cell_height, cell_width, styled

if TYPE_CHECKING:
    from cjm.prioritise import RankedInitiative, Roadmap

SCALE = (1, 2, 3, 4, 5)
HIGH = 3  # the middle of the scale: at or above counts as high (cjm.prioritise.classify)
WRAP = 20
AXIS_WIDTH = 26

RISK_INK = "#c0392b"
_WORDS: dict[str, tuple[str, str]] = {
    "upkeep": ("upkeep", "維持"),
    "confidence": ("conf.", "確度"),
    "rethink": ("rethink: heavy upkeep, low confidence", "要再検討：維持費大・確度低"),
    "legend": (
        "upkeep: maintenance cost 1-5 (lower is better); conf.: confidence 0-1",
        "維持：維持コスト1〜5（低いほど良い）　確度：0〜1",
    ),
}


def _word(key: str, language: str) -> str:
    return in_language(_WORDS[key], language)


QUADRANT_TINTS = {"quick_win": "#e3f4ea", "big_bet": "#e8f1fa", "fill_in": "#fdf6e3", "money_pit": "#f4f4f4"}
QUADRANT_INKS = {"quick_win": "#1e6b43", "big_bet": "#1f5f99", "fill_in": "#8a6100", "money_pit": "#616e7c"}


def quadrant_of(impact: int, feasibility: int) -> str:
    high, easy = impact >= HIGH, feasibility >= HIGH
    return {(True, True): "quick_win", (True, False): "big_bet", (False, True): "fill_in", (False, False): "money_pit"}[
        (high, easy)
    ]


def position(ranked: RankedInitiative) -> tuple[int, int, bool]:
    """Impact and feasibility on the 1-5 grid, and whether either was assumed (not in the map)."""
    from cjm.prioritise.scoring import scale_value

    impact, impact_assumed = scale_value(ranked.initiative.raw, "impact")
    feasibility, feasibility_assumed = scale_value(ranked.initiative.raw, "feasibility")
    return (min(5, max(1, round(impact))), min(5, max(1, round(feasibility))), impact_assumed or feasibility_assumed)


def build_matrix(journey: Journey, roadmap: Roadmap) -> str:
    """The DOT source of the initiative matrix."""
    language = journey.language
    mine = [r for r in roadmap.initiatives if r.map_id == journey.id]
    placed: dict[tuple[int, int], list[RankedInitiative]] = {}
    assumed: set[str] = set()
    for ranked in mine:
        impact, feasibility, guessed = position(ranked)
        placed.setdefault((impact, feasibility), []).append(ranked)
        if guessed:
            assumed.add(ranked.id)
    texts = {key: _cell_text(entries, assumed, language) for key, entries in placed.items()}
    width = max([cell_width(t.points) for t in texts.values()] + [cell_width(WRAP * theme.FONT_SIZE / 2)])
    heights = {
        impact: max(
            [cell_height(texts[(impact, f)].height) for f in SCALE if (impact, f) in texts] + [cell_height(2 * 12)]
        )
        for impact in SCALE
    }
    grid = Grid([AXIS_WIDTH, *([width] * len(SCALE))])
    title_row = [Cell(" ", AXIS_WIDTH, sides="")]
    for key, span in (("big_bet", 2), ("quick_win", 3)):
        title_row.append(_quadrant_title(key, span, width, language))
    grid.add(title_row, cell_height(2 * 13))
    for impact in reversed(SCALE):
        row = [
            Cell(
                styled(str(impact), colour=theme.MUTED, bold=True),
                AXIS_WIDTH,
                align="CENTER",
                valign="MIDDLE",
                sides="",
            )
        ]
        for feasibility in SCALE:
            key = quadrant_of(impact, feasibility)
            text = texts.get((impact, feasibility))
            row.append(Cell(text.markup() if text else " ", width, bg=QUADRANT_TINTS[key]))
        grid.add(row, heights[impact])
    numbers = [Cell(" ", AXIS_WIDTH, sides="")]
    numbers += [Cell(styled(str(f), colour=theme.MUTED, bold=True), width, align="CENTER", sides="") for f in SCALE]
    grid.add(numbers, cell_height(12))
    footer = [Cell(" ", AXIS_WIDTH, sides="")]
    for key, span in (("money_pit", 2), ("fill_in", 3)):
        footer.append(_quadrant_title(key, span, width, language))
    grid.add(footer, cell_height(2 * 13))

    axis = styled("\u2191 " + theme.word("impact", language), bold=True, colour=theme.MUTED)
    title = styled(
        truncate(f"{journey.title} \u2014 {theme.word('matrix', language)}", 120), bold=True, size=theme.TITLE_SIZE
    )
    graph = Graph(
        "initiative_matrix",
        {
            "rankdir": "TB",
            "labelloc": "t",
            "labeljust": "l",
            "nodesep": 0.1,
            "ranksep": 0.05,
            "label": html_label(f"{title}<BR/> "),
        },
    )
    graph.node("axis_y", label=html_label(axis))
    graph.node("matrix", label=html_label(grid.markup(colour="white")))
    graph.node("axis_x", label=html_label(styled(theme.word("feasibility", language), bold=True, colour=theme.MUTED)))
    graph.edge("axis_y", "matrix", style="invis")
    graph.edge("matrix", "axis_x", style="invis")
    notes = [styled(_word("legend", language), colour=theme.MUTED, size=theme.SMALL_SIZE)] if mine else []
    if assumed:
        notes.append(styled(theme.word("assumed_note", language), colour=theme.MUTED, size=theme.SMALL_SIZE))
    if not mine:
        notes.append(styled(theme.word("no_initiatives", language), colour=theme.MUTED))
    if notes:
        graph.node("notes", label=html_label("<BR/>".join(notes)))
        graph.edge("axis_x", "notes", style="invis")
    return graph.source()


def _quadrant_title(key: str, span: int, width: float, language: str) -> Cell:
    text = Text()
    text.paragraph(theme.quadrant_name(key, language), 60, bold=True, colour=QUADRANT_INKS[key])
    text.paragraph(theme.quadrant_hint(key, language), 60, colour=QUADRANT_INKS[key], size=theme.SMALL_SIZE)
    return Cell(text.markup(), width * span, colspan=span, align="CENTER", valign="MIDDLE", sides="")


def _cell_text(entries: list[RankedInitiative], assumed: set[str], language: str) -> Text:
    text = Text()
    for ranked in sorted(entries, key=lambda r: r.rank):
        mark = "*" if ranked.id in assumed else ""
        stage = (
            f"{theme.word('stage', language)} {ranked.stage}" if ranked.stage <= 3 else theme.word("later", language)
        )
        text.paragraph(
            f"#{ranked.rank}{mark} {ranked.title}",
            WRAP,
            tag=stage,
            tag_colour=theme.MUTED,
            spaced=True,
            colour=RISK_INK if ranked.risk else None,
            bold=bool(ranked.risk),
        )
        text.paragraph(
            _upkeep_and_confidence(ranked, language), WRAP, colour=theme.MUTED, size=theme.SMALL_SIZE, spaced=False
        )
        if ranked.risk:
            text.paragraph(
                _word("rethink", language), WRAP, colour=RISK_INK, size=theme.SMALL_SIZE, bold=True, spaced=False
            )
    return text


def _upkeep_and_confidence(ranked: RankedInitiative, language: str) -> str:
    """`upkeep 5 · conf. 0.4`; `?` for a value not in the map."""
    raw = ranked.initiative.raw
    upkeep = raw.get("maintenance_cost")
    confidence = raw.get("confidence")
    gap = "" if language == "ja" else " "
    return (
        f"{_word('upkeep', language)}{gap}{'?' if upkeep is None else upkeep} · "
        f"{_word('confidence', language)}{gap}{'?' if confidence is None else f'{confidence:g}'}"
    )

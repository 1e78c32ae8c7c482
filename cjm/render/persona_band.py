"""The persona band of the map view: one card per persona (role and name, description, goals, pains) in a row
across the phase columns, so the people a map follows are on the page even when no entry names its persona.

The band is one cell of the phase table spanning every phase column, holding a table of cards side by side. cjm
wraps each card's text to the card's width and gives the band the height of its tallest card, so the band never
pushes the table's rows (and the emotion curve pinned over them) out of place.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjm.core.model import Journey, Persona
from cjm.render import theme
from cjm.render.facts import persona_label
from cjm.render.table import CELL_PADDING, Text, cell_height, cell_width

SPACING = 6  # between two cards, and around them
MIN_COLUMNS = 18  # display columns a card keeps however many personas share the band
LIST_KEYS = ("goals", "pains")


@dataclass
class Band:
    markup: str
    height: float


def min_width(journey: Journey) -> float:
    """The narrowest band in which every card keeps `MIN_COLUMNS` columns of text."""
    count = len(journey.personas)
    return count * cell_width(MIN_COLUMNS * _column_points()) + (count + 1) * SPACING + 4


def band(journey: Journey, width: float) -> Band:
    """The cards of the map's personas in a band `width` points wide."""
    count = len(journey.personas)
    card_width = (width - 4 - (count + 1) * SPACING) / count  # the band cell's border takes 2 points
    available = card_width - 2 * CELL_PADDING - 2
    cards = [_fit(journey, persona, index, available) for index, persona in enumerate(journey.personas)]
    tallest = max(cell_height(card.height) for card in cards)
    cells = "".join(
        f'<TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP" WIDTH="{int(card_width)}" HEIGHT="{round(tallest)}" '
        f'BGCOLOR="{_tint(journey, index)}">{card.markup()}</TD>'
        for index, card in enumerate(cards)
    )
    markup = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{SPACING}" CELLPADDING="{CELL_PADDING}">'
        f"<TR>{cells}</TR></TABLE>"
    )
    return Band(markup, tallest + 2 * SPACING)


def card(journey: Journey, persona: Persona, index: int, columns: int) -> Text:
    """A persona's card: `Role — name` in its lane's colour, its description, its goals and pains."""
    language = journey.language
    text = Text()
    text.paragraph(
        persona_label(persona.name, persona.role, language), columns, bold=True, colour=_colour(journey, index)
    )
    description = persona.raw.get("description")
    if description:
        text.paragraph(str(description), columns, colour=theme.MUTED, spaced=True)
    for key in LIST_KEYS:
        entries = [str(entry) for entry in persona.raw.get(key) or []]
        if not entries:
            continue
        text.paragraph(theme.word(key, language), columns, bold=True, colour=theme.MUTED, spaced=True)
        for entry in entries:
            text.paragraph(entry, columns, bullet=True)
    return text


def _fit(journey: Journey, persona: Persona, index: int, available: float) -> Text:
    """The card wrapped to the widest column count whose every line fits `available` points."""
    columns = max(MIN_COLUMNS, int(available / _column_points()))
    text = card(journey, persona, index, columns)
    while text.points > available and columns > MIN_COLUMNS:
        columns -= 1
        text = card(journey, persona, index, columns)
    return text


def _column_points() -> float:
    """Points per display column of body text, a little over the average Latin letter."""
    return theme.FONT_SIZE * 1.04 * 0.66


def _colour(journey: Journey, index: int) -> str:
    return theme.lane_colour(index) if len(journey.personas) > 1 else theme.INK


def _tint(journey: Journey, index: int) -> str:
    return theme.lane_tint(index) if len(journey.personas) > 1 else "white"

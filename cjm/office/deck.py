"""A map as an editable 16:9 PowerPoint deck, every element a native shape, table or text box (nothing is a
picture, so a consultant can fix a typo on the slide): a title slide; the journey map (a table of the rows under
the emotion curve drawn with lines and points); one slide per persona lane when there are several; the staged
roadmap and the initiative matrix from `cjm.prioritise`. Text is set in a Japanese-capable font with a fallback
(the East Asian typeface carries the Shift_JIS character set, so a renderer without it picks another Japanese
font rather than boxes)."""

from __future__ import annotations

import io
import math
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.util import Emu, Inches, Pt

from cjm.core.model import Journey, Phase
from cjm.core.text import display_width
from cjm.office.grid_export import kpi_text, lanes
from cjm.prioritise import prioritise
from cjm.render import theme
from cjm.render.matrix_view import QUADRANT_INKS, QUADRANT_TINTS, position, quadrant_of

WIDTH_IN, HEIGHT_IN = 40 / 3, 7.5  # 16:9, PowerPoint's widescreen size (12,192,000 × 6,858,000 EMU)
MARGIN = 0.4
LATIN = {"ja": "Yu Gothic", "en": "Calibri"}
EAST_ASIAN = "Yu Gothic"
MIN_SIZE = 9  # points: the smallest text that stays readable on a projector
MIN_COLUMN = 1.0  # inches: the narrowest phase column that holds a readable line (four or five kanji at MIN_SIZE)
TABLE_TOP = 3.05
ROWS = ("actions", "thoughts", "feelings", "touchpoints", "pain_points", "opportunities", "kpis")


def _rgb(colour: str) -> Any:
    return RGBColor.from_string(colour.lstrip("#"))


class _Deck:
    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.lang = journey.language
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Emu(12_192_000), Emu(6_858_000)
        self.blank = self.prs.slide_layouts[6]
        self.roadmap: Any = None
        self.lanes = lanes(journey)  # every slide's curve draws these: found once, not once a slide
        # Display widths of a phase's entries in a row, by (phase index, row, persona lane): the slide plan
        # measures each cell at several sizes and cuts.
        self.widths: dict[tuple[int, str, str | None], list[int]] = {}

    # --- primitives -------------------------------------------------------------------------------------------

    def slide(self, title: str | None = None) -> Any:
        slide = self.add_blank_slide()
        # Count shape ids up from the last one instead of searching the slide for the highest before every shape
        # (the ids come out the same; every shape of a slide is added through this one Slide object).
        slide.shapes.turbo_add_enabled = True
        if title:
            self.text(slide, MARGIN, 0.25, WIDTH_IN - 2 * MARGIN, 0.6, title, 24, bold=True)
        return slide

    def add_blank_slide(self) -> Any:
        """A blank slide at the end of the deck, as `prs.slides.add_slide` adds it, with the next part name,
        relationship and slide id counted up: python-pptx looks through every slide's relationship and id for each
        slide it adds, and a long map's deck has thousands of slides. The two calls it shares with add_slide are
        python-pptx's own, not its API: the version is pinned below 2 and the tests reopen every deck."""
        number = len(self.prs.slides) + 1
        part = self.prs.part
        slide_part = SlidePart.new(PackURI(f"/ppt/slides/slide{number}.xml"), part.package, self.blank.part)
        r_id = part.rels._add_relationship(RELATIONSHIP_TYPE.SLIDE, slide_part)
        self.prs.slides._sldIdLst._add_sldId(id=255 + number, rId=r_id)  # the ids PowerPoint starts from: 256 up
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(self.blank)
        return slide

    def font(self, run: Any, size: float, *, bold: bool = False, colour: str = theme.INK) -> None:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)
        run.font.name = LATIN.get(self.lang, LATIN["en"])
        r_pr = run._r.get_or_add_rPr()
        for tag in ("a:ea", "a:cs"):
            node = r_pr.find(qn(tag))
            if node is None:
                node = r_pr.makeelement(qn(tag), {})
                r_pr.append(node)
            node.set("typeface", EAST_ASIAN)
            node.set("pitchFamily", "34")
            node.set("charset", "-128")

    def fill_text(
        self,
        frame: Any,
        lines: list[str] | str,
        size: float,
        *,
        bold: bool = False,
        colour: str = theme.INK,
        align: Any = None,
    ) -> None:
        frame.word_wrap = True
        lines = [lines] if isinstance(lines, str) else lines
        for index, line in enumerate(lines or [""]):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            if align is not None:
                paragraph.alignment = align
            run = paragraph.add_run()
            run.text = line
            self.font(run, size, bold=bold, colour=colour)

    def text(
        self,
        slide: Any,
        x: float,
        y: float,
        w: float,
        h: float,
        lines: list[str] | str,
        size: float,
        *,
        bold: bool = False,
        colour: str = theme.INK,
        align: Any = None,
    ) -> Any:
        box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        self.fill_text(box.text_frame, lines, size, bold=bold, colour=colour, align=align)
        return box

    def box(
        self, slide: Any, x: float, y: float, w: float, h: float, fill: str, line: str | None = None, shape: Any = None
    ) -> Any:
        item = slide.shapes.add_shape(shape or MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h))
        item.fill.solid()
        item.fill.fore_color.rgb = _rgb(fill)
        if line:
            item.line.color.rgb = _rgb(line)
            item.line.width = Pt(0.75)
        else:
            item.line.fill.background()
        item.shadow.inherit = False
        return item

    def line(
        self,
        slide: Any,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        colour: str,
        width: float = 2.5,
        dash: bool = False,
    ) -> Any:
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(x1), Inches(y1), Inches(x2), Inches(y2))
        connector.line.color.rgb = _rgb(colour)
        connector.line.width = Pt(width)
        if dash:
            connector.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        return connector

    def word(self, key: str) -> str:
        return theme.word(key, self.lang)

    # --- slides -----------------------------------------------------------------------------------------------

    def title_slide(self) -> None:
        journey = self.journey
        slide = self.slide()
        self.box(slide, 0, 0, 0.35, HEIGHT_IN, theme.HEADER_BG)
        self.text(slide, 1.0, 2.2, WIDTH_IN - 2.0, 1.4, journey.title, 36, bold=True)
        if journey.data.get("description"):
            self.text(
                slide,
                1.0,
                3.7,
                WIDTH_IN - 2.0,
                2.0,
                " ".join(str(journey.data["description"]).split()),
                16,
                colour=theme.MUTED,
            )
        meta = [str(journey.data[k]) for k in ("owner", "updated") if journey.data.get(k)]
        if journey.personas:
            meta.append((" / " if self.lang == "ja" else ", ").join(p.name for p in journey.personas))
        if meta:
            self.text(slide, 1.0, 6.2, WIDTH_IN - 2.0, 0.6, " · ".join(meta), 14, colour=theme.MUTED)

    def journey_slides(self, title: str, persona: str | None = None) -> None:
        """The map: emotion curve on top, the rows below in a table. A map too dense for one slide is cut into
        runs of phases (at least three a slide, and no more than columns of MIN_COLUMN allow) and into groups of
        rows, on the fewest slides."""
        label_w, room = 1.35, HEIGHT_IN - 0.25 - TABLE_TOP
        phases = self.journey.phases
        widest = max(3, int((WIDTH_IN - 2 * MARGIN - label_w) / MIN_COLUMN))
        # One candidate cut per number of phases a slide can hold: a few, whatever the length of the map.
        counts = sorted({max(1, math.ceil(len(phases) / per_slide)) for per_slide in range(3, widest + 1)})
        plans: list[list[tuple[tuple[Phase, ...], list[str], int]]] = []
        for count in counts:
            if plans and count >= min(len(plan) for plan in plans):
                break  # `count` runs take at least `count` slides: no more runs can make fewer
            slides = []
            for run in _runs(phases, count):
                rows = self._rows(run, persona)
                size = self._fitting_size(rows, run, label_w, room, persona)
                for group in [rows] if size else self._pack(rows, run, label_w, room, persona):
                    fitted = size or self._fitting_size(group, run, label_w, room, persona) or MIN_SIZE
                    slides.append((run, group, fitted))
            plans.append(slides)
        slides = min(plans, key=len)  # the fewest slides; of those, the fewest cuts between phases
        size = min(fitted for _, _, fitted in slides)  # one text size across the set of slides
        for number, (run, group, _) in enumerate(slides, 1):
            part = f" ({number}/{len(slides)})" if len(slides) > 1 else ""
            slide = self.slide(title + part)
            col_w = _column_width(run, label_w)
            self.curve(slide, run, MARGIN + label_w, col_w, 1.0, 2.0, persona)
            self.table(slide, run, group, label_w, col_w, TABLE_TOP, size, persona)

    def _rows(self, phases: tuple[Phase, ...], persona: str | None) -> list[str]:
        return [r for r in ROWS if any(self._items(p, r, persona) for p in phases)]

    def _items(self, phase: Phase, row: str, persona: str | None) -> list[str]:
        if row == "feelings":
            return [e.note for e in phase.emotions if e.note and (persona is None or e.persona == persona)]
        items = [i for i in phase.items[row] if persona is None or i.persona == persona]
        if row == "kpis":
            return [kpi_text(i.raw, self.lang) for i in items]
        if row == "touchpoints":
            return [
                f"{i.text}（{theme.channel_name(i.get('channel', 'other'), self.lang)}）"
                if self.lang == "ja"
                else f"{i.text} ({theme.channel_name(i.get('channel', 'other'), self.lang)})"
                for i in items
            ]
        return [i.text for i in items]

    def _row_heights(
        self, rows: list[str], phases: tuple[Phase, ...], col_w: float, size: int, persona: str | None
    ) -> list[float]:
        """The height (inches) each row needs at `size` points, the header first."""
        # Display columns (a CJK character is two) on one line of a cell, inside its margins, with room for the
        # renderer's line breaking.
        # (Latin text loses more to breaking between words, and the fallback fonts are wide.)
        fill, lost = (0.8, 1) if self.lang == "ja" else (0.85, 2)
        per_line = (col_w - 0.2) * 72 / size * 2 * fill - lost
        heights = [(size + 1) * 1.3 / 72 + 0.14]
        for row in rows:
            lines = max(
                (sum(max(1, math.ceil((w + 2) / per_line)) for w in self._widths(p, row, persona)) for p in phases),
                default=1,
            )
            heights.append((max(lines, 1) + 0.5) * size * 1.3 / 72 + 0.14)
        return heights

    def _widths(self, phase: Phase, row: str, persona: str | None) -> list[int]:
        key = (phase.index, row, persona)
        if key not in self.widths:
            self.widths[key] = [display_width(text) for text in self._items(phase, row, persona)]
        return self.widths[key]

    def _pack(
        self, rows: list[str], phases: tuple[Phase, ...], label_w: float, room: float, persona: str | None
    ) -> list[list[str]]:
        """Rows in order, on as few slides as hold them at MIN_SIZE (a row too tall for a slide gets its own)."""
        col_w = _column_width(phases, label_w)
        groups: list[list[str]] = [[]]
        for row in rows:
            if groups[-1] and sum(self._row_heights([*groups[-1], row], phases, col_w, MIN_SIZE, persona)) > room:
                groups.append([])
            groups[-1].append(row)
        return groups

    def _fitting_size(
        self, rows: list[str], phases: tuple[Phase, ...], label_w: float, height: float, persona: str | None
    ) -> int | None:
        """The largest text size at which the rows fit the height, down to MIN_SIZE; None when none does."""
        col_w = _column_width(phases, label_w)
        for size in (14, 13, 12, 11, 10, MIN_SIZE):
            if sum(self._row_heights(rows, phases, col_w, size, persona)) <= height:
                return size
        return None

    def table(
        self,
        slide: Any,
        phases: tuple[Phase, ...],
        rows: list[str],
        label_w: float,
        col_w: float,
        top: float,
        size: int,
        persona: str | None,
    ) -> None:
        shape = slide.shapes.add_table(
            len(rows) + 1,
            len(phases) + 1,
            Inches(MARGIN),
            Inches(top),
            Inches(label_w + col_w * len(phases)),
            Inches(0.4 * (len(rows) + 1)),
        )
        table = shape.table
        for index, height in enumerate(self._row_heights(rows, phases, col_w, size, persona)):
            table.rows[index].height = Inches(height)
        # The grid's columns directly, and the frame's width once: python-pptx sums every column's width again
        # after each column it sets, and looks each one up from the start.
        columns = table._tbl.tblGrid.gridCol_lst
        for column, width in zip(columns, [label_w, *([col_w] * len(phases))], strict=True):
            column.w = Inches(width)
        shape.width = Emu(sum(column.w for column in columns))
        table.first_row = True
        header = [self.word("phase"), *(p.name for p in phases)]
        header_size = min(_header_size(name, col_w, size + 1) for name in header[1:])
        table_rows = list(table.rows)  # each row's cells in one pass: table.cell(r, c) walks the row up to c
        for cell, name in zip(table_rows[0].cells, header, strict=True):
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(theme.HEADER_BG)
            cell.text_frame.clear()
            self.fill_text(cell.text_frame, name, header_size, bold=True, colour=theme.HEADER_INK)
        for row, table_row in zip(rows, table_rows[1:], strict=True):
            label, *cells = table_row.cells
            label.fill.solid()
            label.fill.fore_color.rgb = _rgb(theme.ROW_LABEL_BG)
            label.text_frame.clear()
            self.fill_text(label.text_frame, self.word(row), min(size, 10), bold=True)  # fits the label column
            for cell, phase in zip(cells, phases, strict=True):
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(theme.ROW_TINTS.get(row, "#ffffff"))
                cell.text_frame.clear()
                mark = "・" if self.lang == "ja" else "• "
                items = self._items(phase, row, persona)
                colour = theme.PAIN_INK if row == "pain_points" else theme.INK
                self.fill_text(cell.text_frame, [f"{mark}{t}" for t in items] or [""], size, colour=colour)

    def curve(
        self,
        slide: Any,
        phases: tuple[Phase, ...],
        left: float,
        col_w: float,
        top: float,
        height: float,
        persona: str | None,
    ) -> None:
        """The emotion curve as native lines and points over the phase columns, one line per lane."""
        self.text(slide, MARGIN, top - 0.05, 1.3, 0.4, self.word("emotion_title"), 11, bold=True, colour=theme.MUTED)

        def y_of(score: float) -> float:
            return top + height * (2 - score) / 4

        right = left + col_w * len(phases)
        self.line(slide, left, y_of(0), right, y_of(0), theme.GRID, 1, dash=True)
        for mark in (2, -2):
            self.text(slide, left - 0.45, y_of(mark) - 0.15, 0.4, 0.3, f"{mark:+d}", 9, colour=theme.MUTED)
        lanes = self._lanes(persona)
        for lane_index, (lane, name) in enumerate(lanes):
            colour = theme.lane_colour(lane_index) if len(lanes) > 1 else theme.HEADER_BG
            # Lanes side by side within a column, so that equal scores in one phase do not hide each other.
            shift = (lane_index - (len(lanes) - 1) / 2) * min(0.22, col_w / (len(lanes) + 1))
            points = []
            for c, phase in enumerate(phases):
                emotion = next((e for e in phase.emotions if e.persona == lane), None)
                if emotion is None and lane is None and phase.emotions and len(lanes) == 1:
                    emotion = phase.emotions[0]
                if emotion is not None:
                    points.append((left + col_w * (c + 0.5) + shift, y_of(emotion.score), emotion))
            for (x1, y1, _), (x2, y2, _) in zip(points, points[1:], strict=False):
                self.line(slide, x1, y1, x2, y2, colour)
            for x, y, emotion in points:
                tone = theme.POSITIVE if emotion.score > 0 else theme.NEGATIVE if emotion.score < 0 else theme.NEUTRAL
                self.box(slide, x - 0.1, y - 0.1, 0.2, 0.2, tone, "#ffffff", MSO_SHAPE.OVAL)
                self.text(
                    slide, x + 0.08, y - 0.36, 0.6, 0.3, theme.score_text(emotion.score), 10, bold=True, colour=tone
                )
            if len(lanes) > 1:  # the legend, under the curve's title, left of the phases
                y = top + 0.45 + 0.42 * lane_index
                self.box(slide, MARGIN, y + 0.12, 0.16, 0.06, colour)
                self.text(
                    slide,
                    MARGIN + 0.18,
                    y - 0.02,
                    left - MARGIN - 0.3,
                    0.4,
                    name or self.word("unassigned"),
                    9,
                    colour=colour,
                )

    def _lanes(self, persona: str | None) -> list[tuple[str | None, str | None]]:
        if persona is not None:
            return [(persona, None)]
        return self.lanes

    def persona_slides(self) -> None:
        journey = self.journey
        lanes = {e.persona for p in journey.phases for e in p.emotions if e.persona}
        if len(journey.personas) < 2:
            return
        for persona in journey.personas:
            role = f" — {theme.role_name(persona.role, self.lang)}" if persona.role else ""
            has_items = any(i.persona == persona.id for _, i in journey.items())
            if persona.id not in lanes and not has_items:
                continue
            self.journey_slides(f"{persona.name}{role}", persona.id)

    def initiatives_slide(self, title: str) -> tuple[Any, Any]:
        """A slide for the initiatives and the roadmap `cjm.prioritise` makes of them (None without any)."""
        slide = self.slide(self.word(title))
        if not self.journey.initiatives:
            self.text(slide, MARGIN, 1.2, 8, 0.5, self.word("no_initiatives"), 16, colour=theme.MUTED)
            return slide, None
        if self.roadmap is None:
            self.roadmap = prioritise([self.journey])
        return slide, self.roadmap

    def roadmap_slide(self) -> None:
        slide, roadmap = self.initiatives_slide("roadmap")
        if roadmap is None:
            return
        stages = roadmap.stages
        gap = 0.25
        col_w = (WIDTH_IN - 2 * MARGIN - gap * (len(stages) - 1)) / len(stages)
        most = max(len(items) for _, _, items in stages)
        card_h = min(0.9, (HEIGHT_IN - 2.0 - 0.1 * most) / most)
        size = 12 if card_h >= 0.7 else 10 if card_h >= 0.5 else MIN_SIZE
        for index, (number, _, items) in enumerate(stages):
            x = MARGIN + index * (col_w + gap)
            head = self.box(slide, x, 1.05, col_w, 0.55, theme.HEADER_BG, shape=MSO_SHAPE.PENTAGON)
            head.text_frame.clear()
            self.fill_text(
                head.text_frame,
                f"{self.word('stage')} {number}: {theme.stage_name(number, self.lang)}",
                12,
                bold=True,
                colour=theme.HEADER_INK,
            )
            for row, item in enumerate(items):
                y = 1.8 + row * (card_h + 0.1)
                card = self.box(slide, x, y, col_w, card_h, "#ffffff", theme.GRID, MSO_SHAPE.ROUNDED_RECTANGLE)
                card.text_frame.clear()
                extra = f"#{item.rank} · {theme.quadrant_name(item.quadrant, self.lang)} · {item.score:g}"
                self.fill_text(card.text_frame, [item.title, extra], size, align=_left())
                card.text_frame.paragraphs[0].runs[0].font.bold = True
                card.text_frame.paragraphs[1].runs[0].font.color.rgb = _rgb(theme.MUTED)

    def matrix_slide(self) -> None:
        slide, roadmap = self.initiatives_slide("matrix")
        if roadmap is None:
            return
        left, top, size_w, size_h = 1.6, 1.05, WIDTH_IN - 2.0, HEIGHT_IN - 1.85
        cell_w, cell_h = size_w / 5, size_h / 5
        cells: dict[tuple[int, int], list[str]] = {}
        for item in roadmap.initiatives:
            impact, feasibility, assumed = position(item)
            cells.setdefault((impact, feasibility), []).append(f"● {item.title}{' *' if assumed else ''}")
        for impact in range(1, 6):
            for feasibility in range(1, 6):
                key = quadrant_of(impact, feasibility)
                x, y = left + (feasibility - 1) * cell_w, top + (5 - impact) * cell_h
                self.box(slide, x, y, cell_w, cell_h, QUADRANT_TINTS[key], "#ffffff")
                entries = cells.get((impact, feasibility))
                if entries:
                    self.text(
                        slide,
                        x + 0.03,
                        y + 0.02,
                        cell_w - 0.06,
                        cell_h - 0.04,
                        entries,
                        11 if len(entries) <= 2 else MIN_SIZE,
                        colour=QUADRANT_INKS[key],
                    )
        for key, (f, i) in {"quick_win": (5, 5), "big_bet": (1, 5), "fill_in": (5, 1), "money_pit": (1, 1)}.items():
            x = left + (f - 1) * cell_w
            y = top + (5 - i) * cell_h + (cell_h - 0.3 if i == 1 else 0)
            label = self.text(
                slide,
                x,
                y,
                cell_w,
                0.3,
                theme.quadrant_name(key, self.lang),
                10,
                bold=True,
                colour=QUADRANT_INKS[key],
                align=_right(),
            )
            label.text_frame.word_wrap = True
        self.text(
            slide, left, top + size_h + 0.05, size_w, 0.35, self.word("feasibility"), 12, bold=True, align=_centre()
        )
        self.text(slide, MARGIN, top, left - MARGIN - 0.1, 0.6, [self.word("impact"), "↑"], 12, bold=True)

    def save(self) -> bytes:
        self.prs.core_properties.title = self.journey.title
        self.prs.core_properties.author = "cjm export"
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


def _runs(phases: tuple[Phase, ...], count: int) -> list[tuple[Phase, ...]]:
    """The phases in `count` consecutive runs of nearly equal length."""
    size, extra = divmod(len(phases), count)
    runs, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        runs.append(phases[start:end])
        start = end
    return [run for run in runs if run]


def _header_size(name: str, width: float, size: int) -> int:
    """The size at which the longest word of a phase name fits its column (bold Latin letters are up to 0.75 em
    wide), so that `Awareness` is not broken into `Awarene` and `ss`; never below MIN_SIZE."""
    longest = max((display_width(word) for word in name.split()), default=1)
    while size > MIN_SIZE and longest * 0.75 * size / 72 > width - 0.2:
        size -= 1
    return size


def _column_width(phases: tuple[Phase, ...], label_w: float) -> float:
    return (WIDTH_IN - 2 * MARGIN - label_w) / max(len(phases), 1)


def _centre() -> Any:
    return PP_ALIGN.CENTER


def _left() -> Any:
    return PP_ALIGN.LEFT


def _right() -> Any:
    return PP_ALIGN.RIGHT


def to_pptx(journey: Journey) -> bytes:
    deck = _Deck(journey)
    deck.title_slide()
    deck.journey_slides(journey.title)
    deck.persona_slides()
    deck.roadmap_slide()
    deck.matrix_slide()
    return deck.save()

"""A map as the grid a consultant draws: title, persona block, then phases across and rows down (actions,
thoughts, the emotion score, feelings, touchpoints, pain points, opportunities, KPIs), items as bullet lines.
As .xlsx (column widths, wrapped text, frozen panes, a colour scale on the emotion row, a Japanese font) or as
.csv (through cjm's one guarded CSV writer). `cjm import` reads both back, item for item."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cjm.core.csv_writer import CsvWriter
from cjm.core.model import Item, Journey, Phase
from cjm.core.vocabulary import in_language
from cjm.render import theme

FONT = {"ja": "Yu Gothic", "en": "Calibri"}  # what Excel has on Windows and macOS; LibreOffice substitutes
LABEL_WIDTH = 18
PHASE_WIDTH = 32

# Row labels as `cjm import` reads them (cjm.office.labels), in the map's language.
_LABELS = {
    "persona": ("Persona", "ペルソナ"),
    "description": ("Description", "概要"),
    "goals": ("Goals", "目標"),
    "pains": ("Pains", "悩み"),
    "behaviour": ("Behaviour", "購買行動"),
    "information_sources": ("Information sources", "情報源"),
    "phase": ("Phase", "フェーズ"),
    "actions": ("Actions", "行動"),
    "thoughts": ("Thoughts", "思考"),
    "emotion_score": ("Emotion score", "感情スコア"),
    "emotion": ("Feelings", "感情"),
    "touchpoints": ("Touchpoints", "タッチポイント"),
    "pain_points": ("Pain points", "課題"),
    "opportunities": ("Opportunities", "改善案"),
    "kpis": ("KPIs", "KPI"),
}


def label(key: str, language: str) -> str:
    return in_language(_LABELS[key], language)


@dataclass(frozen=True)
class Row:
    """One row of the grid: what it is, its label, and a value per phase (or one value for the whole row)."""

    kind: str
    label: str
    values: tuple[Any, ...]


def bullets(texts: list[str], language: str) -> str:
    mark = "・" if language == "ja" else "• "
    return "\n".join(f"{mark}{' '.join(t.split())}" for t in texts if t)


def kpi_text(raw: Any, language: str) -> str:
    if not isinstance(raw, dict):
        return str(raw)
    name = str(raw.get("name", ""))
    if "target" not in raw:
        return name
    target = raw["target"]
    unit = str(raw.get("unit", ""))
    joined = f"{target}{unit}" if unit in ("%", "円", "件", "人", "回") or not unit else f"{target} {unit}"
    return f"{name} 目標 {joined}" if language == "ja" else f"{name}: target {joined}"


def touchpoint_text(raw: Any) -> str:
    if isinstance(raw, dict):
        return f"{raw.get('name', '')} ({raw.get('channel', 'other')})"
    return str(raw)


def grid_rows(journey: Journey) -> list[Row]:
    """The grid, top to bottom."""
    lang = journey.language
    rows = [Row("title", journey.title, ())]
    if journey.data.get("description"):
        rows.append(Row("description", " ".join(str(journey.data["description"]).split()), ()))
    for persona in journey.personas:
        raw = persona.raw
        rows.append(Row("persona", label("persona", lang), (persona.name,)))
        if raw.get("description"):
            rows.append(Row("persona_field", label("description", lang), (" ".join(str(raw["description"]).split()),)))
        for key in ("goals", "pains", "behaviour", "information_sources"):
            if raw.get(key):
                rows.append(Row("persona_field", label(key, lang), (bullets([str(x) for x in raw[key]], lang),)))
    rows.append(Row("spacer", "", ()))
    rows.append(Row("phase", label("phase", lang), tuple(p.name for p in journey.phases)))
    phases = journey.phases
    for key in ("actions", "thoughts"):
        rows += _item_rows(journey, key, lambda item: item.text)
    for lane_id, lane_name in lanes(journey):
        suffix = _lane_suffix(lane_name, lang)
        emotions = [_emotion(p, lane_id) for p in phases]
        rows.append(
            Row("emotion_score", label("emotion_score", lang) + suffix, tuple(e.score if e else None for e in emotions))
        )
        rows.append(
            Row("emotion", label("emotion", lang) + suffix, tuple((e.note or "") if e else "" for e in emotions))
        )
    rows += _item_rows(journey, "touchpoints", lambda item: touchpoint_text(item.raw))
    for key in ("pain_points", "opportunities"):
        rows += _item_rows(journey, key, lambda item: item.text)
    rows += _item_rows(journey, "kpis", lambda item: kpi_text(item.raw, lang))
    return rows


def _item_rows(journey: Journey, key: str, text_of: Callable[[Item], str]) -> list[Row]:
    """A row of entries, or, when entries name their persona, one row per persona lane (`行動（贈る人）`) after
    the row of the entries that name none: the grid's way of saying whose entry it is, which `cjm import` reads."""
    lang = journey.language
    used = {item.persona or None for phase in journey.phases for item in phase.items[key]} or {None}
    return [
        Row(
            key,
            label(key, lang) + _lane_suffix(name, lang),
            tuple(
                bullets([text_of(item) for item in phase.items[key] if (item.persona or None) == lane], lang)
                for phase in journey.phases
            ),
        )
        for lane, name in _lanes_of(journey, used)
    ]


def _lane_suffix(name: str | None, language: str) -> str:
    if not name:
        return ""
    return f"（{name}）" if language == "ja" else f" ({name})"


def lanes(journey: Journey) -> list[tuple[str | None, str | None]]:
    """The emotion lanes: one unnamed lane, or one per persona when phases give an emotion per persona."""
    used = {e.persona or None for p in journey.phases for e in p.emotions}
    return _lanes_of(journey, used if used - {None} else {None})


def _lanes_of(journey: Journey, used: set[str | None]) -> list[tuple[str | None, str | None]]:
    """The lanes of the personas `used` (None: the entries that name none), with their names: the unnamed one
    first, then the map's personas in their order, then ids the map does not declare."""
    names = {p.id: p.name for p in journey.personas}
    ordered = [None, *names, *sorted(lane for lane in used if lane and lane not in names)]
    return [(lane, names.get(lane, lane) if lane else None) for lane in ordered if lane in used]


def _emotion(phase: Phase, lane: str | None) -> Any:
    return next((e for e in phase.emotions if e.persona == lane), None)


# --- CSV ------------------------------------------------------------------------------------------------------


def to_csv(journey: Journey) -> bytes:
    """The grid as CSV, UTF-8 with a byte-order mark (so that Excel opens Japanese text correctly)."""
    stream = io.StringIO()
    writer = CsvWriter(stream)
    for row in grid_rows(journey):
        if row.kind in ("title", "description"):
            writer.writerow([row.label])
        elif row.kind == "spacer":
            writer.writerow([])
        else:
            writer.writerow([row.label, *row.values])
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


# --- xlsx -----------------------------------------------------------------------------------------------------


def to_xlsx(journey: Journey) -> bytes:
    from openpyxl import Workbook
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    lang = journey.language
    font_name = FONT.get(lang, FONT["en"])
    book = Workbook()
    ws = book.active
    ws.title = "ジャーニーマップ" if lang == "ja" else "Journey map"
    columns = len(journey.phases) + 1
    last = get_column_letter(columns)
    thin = Side(style="thin", color=theme.GRID.lstrip("#"))
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    body = Font(name=font_name, size=10)
    bold = Font(name=font_name, size=10, bold=True)
    label_fill = PatternFill("solid", fgColor=theme.ROW_LABEL_BG.lstrip("#"))
    header_fill = PatternFill("solid", fgColor=theme.HEADER_BG.lstrip("#"))
    ws.column_dimensions["A"].width = LABEL_WIDTH
    for col in range(2, columns + 1):
        ws.column_dimensions[get_column_letter(col)].width = PHASE_WIDTH
    header_row = 0
    score_rows = []
    for r, row in enumerate(grid_rows(journey), 1):
        if row.kind == "title":
            ws.cell(r, 1, row.label).font = Font(name=font_name, size=16, bold=True)
            ws.row_dimensions[r].height = 26
            continue
        if row.kind == "description":
            cell = ws.cell(r, 1, row.label)
            cell.font, cell.alignment = body, wrap
            ws.merge_cells(f"A{r}:{last}{r}")
            ws.row_dimensions[r].height = _height([row.label], PHASE_WIDTH * (columns - 1) + LABEL_WIDTH)
            continue
        if row.kind == "spacer":
            continue
        head = ws.cell(r, 1, row.label)
        head.font, head.alignment, head.border = bold, wrap, border
        head.fill = header_fill if row.kind == "phase" else label_fill
        if row.kind == "phase":
            head.font = Font(name=font_name, size=11, bold=True, color="FFFFFF")
            header_row = r
        if row.kind in ("persona", "persona_field"):
            cell = ws.cell(r, 2, row.values[0])
            cell.font = bold if row.kind == "persona" else body
            cell.alignment = wrap
            if columns > 2:
                ws.merge_cells(f"B{r}:{last}{r}")
            ws.row_dimensions[r].height = _height([str(row.values[0])], PHASE_WIDTH * (columns - 1))
            continue
        for c, value in enumerate(row.values, 2):
            cell = ws.cell(r, c, value)
            cell.alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="center" if row.kind in ("phase", "emotion_score") else None
            )
            cell.border = border
            cell.font = body
            if row.kind == "phase":
                cell.font = Font(name=font_name, size=11, bold=True, color="FFFFFF")
                cell.fill = header_fill
        if row.kind == "emotion_score":
            score_rows.append(r)
        ws.row_dimensions[r].height = max(
            _height([str(v or "") for v in row.values], PHASE_WIDTH), _height([row.label], LABEL_WIDTH)
        )
    for r in score_rows:
        ws.conditional_formatting.add(
            f"B{r}:{last}{r}",
            ColorScaleRule(
                start_type="num",
                start_value=-2,
                start_color="F8696B",
                mid_type="num",
                mid_value=0,
                mid_color="FFEB84",
                end_type="num",
                end_value=2,
                end_color="63BE7B",
            ),
        )
    if header_row:
        ws.freeze_panes = f"B{header_row + 1}"
    ws.sheet_view.zoomScale = 90
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = journey.title
    book.properties.creator = "cjm export"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _height(texts: list[str], width_chars: int) -> float:
    """A row height (points) that shows every line of the fullest cell: Excel does not grow rows by itself."""
    from cjm.core.text import display_width

    lines = max(
        (
            sum(max(1, math.ceil(display_width(line) / max(width_chars - 2, 1))) for line in text.split("\n"))
            for text in texts
            if text
        ),
        default=1,
    )
    return max(18.0, 14.0 * lines + 4)

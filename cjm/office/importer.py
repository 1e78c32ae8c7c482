"""From a spreadsheet grid to a map: find the grid (phases across a row, row labels down a column) among title
rows, persona blocks, spacer rows and other sheets; read every cell into the map; report each decision a
consultant should check as a located `Problem` that names the cell (`Sheet1!D9`). Nothing is dropped: a cell
that fits nowhere goes to the nearest sensible place marked `review: true`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from cjm.core.codes import OUTSIDE_GRID, PLACED_FOR_REVIEW, READ_AS, UNREAD_EMOTION, VALIDATION_CODES
from cjm.core.model import PHASE_KEYS
from cjm.core.problem import Problem, Severity
from cjm.office.cells import (
    Reading,
    channel_of,
    column_name,
    emotion_number,
    has_japanese,
    kind_of,
    normal,
    read_emotion,
    read_kpi,
    row_label,
    scale_of,
    slug,
    split_items,
    to_score,
)
from cjm.office.labels import DEMOGRAPHICS, PERSONA_FIELDS, PERSONA_TITLES, ROLE_WORDS
from cjm.office.sheets import MAX_ROWS, Sheet, SheetError, read_sheets
from cjm.office.yaml_text import map_text

CHANNEL_CODES = (
    "search",
    "sns",
    "ads",
    "ec_site",
    "marketplace",
    "app",
    "email",
    "line",
    "chat",
    "review_site",
    "web_media",
    "store",
    "event",
    "dm",
    "package_insert",
    "call_centre",
    "sales_rep",
    "print",
    "tv",
    "word_of_mouth",
    "other",
)


@dataclass(frozen=True)
class Imported:
    """The map's YAML text, the problems found on the way (located at cells), and the sheet read."""

    text: str
    problems: list[Problem]
    sheet: str
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass
class _Grid:
    sheet: Sheet
    label_col: int
    phase_row: int
    phase_cols: list[tuple[str, list[int], int]]  # name, its columns, the header's column
    last_row: int
    score: int


def import_grid(data: bytes, source: str, sheet: str | None = None) -> Imported:
    """Read a journey grid from the bytes of an .xlsx or .csv file. `source` names the file in messages;
    `sheet` chooses a sheet by name. Raises `SheetError` (a `CjmError`) when there is no grid to read."""
    sheets = read_sheets(data, source)
    grid = _choose(sheets, source, sheet)
    imported = _Reader(grid, source, len(sheets) > 1 or sheets[0].name != "CSV").read()
    others = [s.name for s in sheets if s is not grid.sheet and s.cells]
    if others:
        imported.problems.append(
            Problem(
                source,
                1,
                1,
                OUTSIDE_GRID,
                f"the other sheets were not read: {', '.join(repr(n) for n in others)} (import one with --sheet NAME)",
                Severity.INFO,
                rule=VALIDATION_CODES[OUTSIDE_GRID].name,
            )
        )
        imported.problems.sort()
    return imported


def _choose(sheets: list[Sheet], source: str, wanted: str | None) -> _Grid:
    if wanted is not None:
        chosen = [s for s in sheets if s.name == wanted] or [s for s in sheets if normal(s.name) == normal(wanted)]
        if not chosen:
            raise SheetError(
                f"{source}: has no sheet '{wanted}'; its sheets are: " + ", ".join(f"'{s.name}'" for s in sheets)
            )
        sheets = chosen
    grids = []
    for sheet in sheets:
        if sheet.too_large:
            if wanted is not None or len(sheets) == 1:
                raise SheetError(
                    f"{source}:{sheet.name}: has more than {MAX_ROWS:,} rows; a journey grid has tens. "
                    "Copy the grid to a sheet of its own"
                )
            continue
        grid = _find_grid(sheet)
        if grid:
            grids.append(grid)
    if not grids:
        where = f"sheet '{sheets[0].name}' has no" if wanted else "no sheet has a"
        raise SheetError(
            f"{source}: {where} journey grid cjm can find: phases across one row and row labels such as "
            "行動 / Actions, 課題 / Pain points down one column (docs/office.md lists the labels); "
            + ("check the sheet" if wanted else "choose the sheet with --sheet NAME")
        )
    return max(grids, key=lambda g: (g.score, not g.sheet.hidden, -sheets.index(g.sheet)))


def _find_grid(sheet: Sheet) -> _Grid | None:
    labelled: dict[int, dict[int, str]] = {}
    for (r, c), text in sheet.cells.items():
        if c <= 8 and (found := row_label(text)):
            labelled.setdefault(c, {})[r] = found[0]
    best = None
    for col, rows in labelled.items():
        kinds = {k for k in rows.values() if k != "phase"}
        if len(kinds) >= 2 and (best is None or len(kinds) > best[1]):
            best = (col, len(kinds))
    if best is None:
        return None
    label_col = best[0]
    rows = labelled[label_col]
    content_rows = sorted(r for r, k in rows.items() if k != "phase")
    phase_rows = sorted(r for r, k in rows.items() if k == "phase" and r < content_rows[-1])
    if phase_rows:
        phase_row = phase_rows[0]
    else:
        above = [
            r
            for r in range(content_rows[0] - 1, 0, -1)
            if sum(1 for (rr, c) in sheet.cells if rr == r and c > label_col) >= 1
        ]
        if not above:
            return None
        phase_row = above[0]
    headers = {c: v for c, v in sheet.row_cells(phase_row).items() if c > label_col}
    if not headers:
        return None
    last_row = (
        max(r for (r, c) in sheet.cells if r > phase_row and c >= label_col)
        if any(r > phase_row for r, _ in sheet.cells)
        else phase_row
    )
    last_col = max([c for (r, c) in sheet.cells if phase_row <= r <= last_row] + list(headers))
    phase_cols: list[tuple[str, list[int], int]] = []
    for col in range(label_col + 1, last_col + 1):
        if col in headers:
            phase_cols.append((" ".join(headers[col].split()), [col], col))
        elif phase_cols:
            phase_cols[-1][1].append(col)  # a merged header, or a sub-column of the phase to its left
    if not phase_cols:
        return None
    kinds = {k for r, k in rows.items() if phase_row < r <= last_row and k != "phase"}
    return _Grid(sheet, label_col, phase_row, phase_cols, last_row, len(kinds) * 10 + len(phase_cols))


class _Reader:
    def __init__(self, grid: _Grid, source: str, named_sheets: bool) -> None:
        self.grid = grid
        self.sheet = grid.sheet
        self.source = source
        self.prefix = f"{self.sheet.name}!" if named_sheets else ""
        self.problems: list[Problem] = []
        self.japanese = has_japanese("".join(self.sheet.cells.values()))
        self.personas: list[dict[str, Any]] = []
        self.description: list[str] = []
        self.used: set[str] = set()
        self.scales: dict[int, tuple[float, float]] = {}  # emotion rows whose label names the scale (`1-5`)

    # --- problems ---------------------------------------------------------------------------------------------

    def ref(self, row: int, col: int) -> str:
        return f"{self.prefix}{column_name(col)}{row}"

    def problem(self, row: int, col: int, code: str, message: str, severity: Severity) -> None:
        self.problems.append(
            Problem(
                self.source,
                row,
                col,
                code,
                f"{self.ref(row, col)}: {message}",
                severity,
                rule=VALIDATION_CODES[code].name,
            )
        )

    # --- the whole map ----------------------------------------------------------------------------------------

    def read(self) -> Imported:
        title = self._above_grid()
        phases = self._phases()
        self._below_and_beside()
        language = "ja" if self.japanese else "en"
        data: dict[str, Any] = {"cjm": 1, "id": self._map_id(title), "title": title, "language": language}
        if self.description:
            data["description"] = "\n".join(self.description)
        if self.personas:
            data["personas"] = self.personas
        data["phases"] = phases
        header = (
            f"Imported by `cjm import` from {os.path.basename(self.source)}"
            f"{' (sheet ' + self.sheet.name + ')' if self.prefix else ''}. Entries marked `review: true` "
            "need a look; then remove the flag."
        )
        return Imported(map_text(data, header), sorted(self.problems), self.sheet.name, data)

    def _map_id(self, title: str) -> str:
        stem = os.path.splitext(os.path.basename(self.source))[0]
        return slug(title) or slug(stem) or "imported-map"

    # --- above the grid: title, persona block, description ------------------------------------------------------

    def _above_grid(self) -> str:
        grid = self.grid
        above = sorted((r, c, v) for (r, c), v in self.sheet.cells.items() if r < grid.phase_row)
        title = None
        persona_cols: list[tuple[int, dict[str, Any]]] = []
        taken: set[tuple[int, int]] = set()
        for r, c, text in above:
            if (r, c) in taken:
                continue
            parts = re.split(r"\s*[:：]\s*", text, maxsplit=1)
            key, after = parts[0], parts[1] if len(parts) > 1 else None
            value, value_at = (after, (r, c)) if after else self._right_of(r, c)
            if _is_persona_title(key):
                persona = {"id": "", "name": value or ""}
                persona_cols.append((c, persona))
                taken.add(value_at)
                continue
            field_name = _persona_field(key)
            if field_name and value:
                if not persona_cols:
                    persona_cols.append((c, {"id": "", "name": ""}))
                persona = next((p for col, p in reversed(persona_cols) if col <= c), persona_cols[0][1])
                self._persona_field(persona, field_name, value)
                taken.add(value_at)
                continue
            if title is None and not persona_cols:
                title = " ".join(text.split())
                continue
            self.description.append(text)
            self.problem(r, c, OUTSIDE_GRID, "text above the grid kept in the map's description", Severity.INFO)
        for index, (_, persona) in enumerate(persona_cols, 1):
            name = persona.get("name") or ("ペルソナ" if self.japanese else "Persona") + f" {index}"
            persona["name"] = name
            parts = re.split(r"\s*[:：]\s*", name, maxsplit=1)
            role = _role(parts[0]) if len(parts) == 2 else None
            if role:
                persona["role"] = role
            persona["id"] = self._unique(slug(name) or f"persona-{index}")
            self.personas.append(_persona_order(persona))
        if title is None:
            stem = os.path.splitext(os.path.basename(self.source))[0]
            title = stem if self.sheet.name in ("CSV", "Sheet1", "Sheet 1") else f"{stem} — {self.sheet.name}"
        return title

    def _right_of(self, row: int, col: int) -> tuple[str | None, tuple[int, int]]:
        for c in range(col + 1, col + 8):
            if value := self.sheet.get(row, c):
                return value, (row, c)
        return None, (row, col)

    def _persona_field(self, persona: dict[str, Any], name: str, value: str) -> None:
        if name in ("name", "description"):
            earlier = persona.get(name)
            persona[name] = (f"{earlier} " if earlier else "") + " ".join(value.split())
        elif name in DEMOGRAPHICS:
            number = value.strip().rstrip("歳才").strip()
            persona.setdefault("demographics", {})[name] = int(number) if name == "age" and number.isdigit() else value
        else:
            persona.setdefault(name, []).extend(split_items(value))

    # --- the grid ---------------------------------------------------------------------------------------------

    def _phases(self) -> list[dict[str, Any]]:
        grid = self.grid
        phases: list[dict[str, Any]] = []
        for index, (name, _, _) in enumerate(grid.phase_cols, 1):
            phase_id = self._unique(f"phase-{index}" if has_japanese(name) or not slug(name) else slug(name) or "")
            phases.append({"id": phase_id, "name": name, "kind": kind_of(name)})
        rows = self._rows()
        lanes = self._lanes(rows)
        emotions: dict[tuple[int, str | None], dict[str, list]] = {}
        for row, kind, lane, review in rows:
            if kind in ("emotion", "emotion_score"):
                self._emotion_row(row, kind, lane, emotions)
                continue
            for index, (_, cols, _) in enumerate(grid.phase_cols):
                for col in cols:
                    text = self.sheet.get(row, col)
                    if not text:
                        continue
                    self._place(phases[index], index + 1, kind, text, row, col, lanes.get(lane), review)
        self._emotions(phases, emotions, lanes)
        return [_phase_order(p) for p in phases]

    def _rows(self) -> list[tuple[int, str, str | None, str | None]]:
        """Each grid row with content: (row, what it holds, its persona lane, why its cells need a review)."""
        grid = self.grid
        result = []
        current: tuple[str, str | None, str | None] | None = None
        after_spacer = False
        for row in range(grid.phase_row + 1, grid.last_row + 1):
            label = self.sheet.get(row, grid.label_col)
            content = any(self.sheet.get(row, c) for _, cols, _ in grid.phase_cols for c in cols)
            found = row_label(label) if label else None
            if found and found[0] == "phase":
                continue
            if found:
                current = (found[0], _lane_name(found[1]), None)
                if found[1] and not current[1]:
                    self._scale_hint(row, found[1])
            elif label and not content:
                self.description.append(label)
                self.problem(
                    row,
                    grid.label_col,
                    OUTSIDE_GRID,
                    f"'{_short(label)}' is not a row label and its row is empty; kept in the map's description",
                    Severity.INFO,
                )
            elif label:
                current = (
                    "actions",
                    None,
                    f"is in the row '{_short(label)}', a label cjm does not know (rename the "
                    f"row to one of: {_label_examples(self.japanese)})",
                )
            elif content and current is None:
                current = ("actions", None, "is in a row without a label")
            elif content and after_spacer and current and current[2] is None:
                current = (current[0], current[1], "is in a row without a label after an empty row")
            if content and current:
                result.append((row, *current))
            after_spacer = not content and not label
            left = [c for (r, c) in self.sheet.cells if r == row and c < grid.label_col]
            for col in left:
                self.problem(
                    row,
                    col,
                    OUTSIDE_GRID,
                    f"'{_short(self.sheet.get(row, col))}' left of the row labels "
                    "read as a group heading; kept in the description",
                    Severity.INFO,
                )
                self.description.append(self.sheet.get(row, col))
        return result

    def _scale_hint(self, row: int, rest: str) -> None:
        flat = normal(rest)
        match = re.search(r"(-?\d+)\s*(?:-|~|〜|\.\.|to)\s*\+?(-?\d+)", flat) or re.search(r"(\d+)\s*段階", flat)
        if match:
            low, high = (
                (float(match.group(1)), float(match.group(2))) if match.lastindex == 2 else (1.0, float(match.group(1)))
            )
            self.scales[row] = (low, high)

    def _lanes(self, rows: list[tuple[int, str, str | None, str | None]]) -> dict[str | None, str]:
        """Persona lanes: rows named for a persona (`感情スコア（母）`) -> the persona's id, made when missing."""
        names = list(dict.fromkeys(lane for _, _, lane, _ in rows if lane))
        lanes: dict[str | None, str] = {}
        for name in names:
            persona = next((p for p in self.personas if normal(p["name"]) == normal(name)), None) or next(
                (p for p in self.personas if normal(name) in normal(p["name"])), None
            )
            if persona is None:
                persona = {"id": self._unique(slug(name) or f"persona-{len(self.personas) + 1}"), "name": name}
                self.personas.append(persona)
            lanes[name] = persona["id"]
        return lanes

    def _place(
        self,
        phase: dict[str, Any],
        number: int,
        kind: str,
        text: str,
        row: int,
        col: int,
        persona: str | None,
        review: str | None,
    ) -> None:
        items = split_items(text)
        for position, item in enumerate(items, 1):
            entry = self._entry(kind, item, phase, number, position)
            if persona:
                entry = {"text": entry} if isinstance(entry, str) else entry
                entry["persona"] = persona
            if review is not None:
                entry = {"text": entry} if isinstance(entry, str) else entry
                entry["review"] = True
                entry["note"] = f"cjm import: {self.ref(row, col)} {review.split(' (')[0]}"
                self.problem(
                    row,
                    col,
                    PLACED_FOR_REVIEW,
                    f"'{_short(item)}' {review}; placed in {kind.replace('_', ' ')} and marked review: true",
                    Severity.WARNING,
                )
            phase.setdefault(kind, []).append(entry)

    def _entry(self, kind: str, text: str, phase: dict[str, Any], number: int, position: int) -> Any:
        if kind in ("actions", "thoughts"):
            return text
        if kind == "touchpoints":
            match = re.match(r"^(.*?)\s*[(（]\s*([a-z_]+)\s*[)）]$", text)
            if match and match.group(2) in CHANNEL_CODES:
                return {"name": match.group(1), "channel": match.group(2)}
            return {"name": text, "channel": channel_of(text)}
        if kind == "kpis":
            return read_kpi(text)
        prefix = "pain" if kind == "pain_points" else "opportunity"
        count = len(phase.get(kind, [])) + 1
        base = slug(text) if not has_japanese(text) else None
        return {"id": self._unique(base or f"{prefix}-{number}-{count}"), "text": text}

    # --- emotions ---------------------------------------------------------------------------------------------

    def _emotion_row(self, row: int, kind: str, lane: str | None, emotions: dict) -> None:
        cells = [
            (index, col, self.sheet.get(row, col))
            for index, (_, cols, _) in enumerate(self.grid.phase_cols)
            for col in cols
            if self.sheet.get(row, col)
        ]
        numbers = [n[0] for _, _, text in cells if (n := emotion_number(text)) and n[1] is None]
        scale = self.scales.get(row) or (scale_of(numbers) if numbers else None)
        for index, col, text in cells:
            slot = emotions.setdefault((index, lane), {"readings": [], "texts": []})
            reading = read_emotion(text, scale)
            if reading and (kind == "emotion_score" or emotion_number(text) or not slot["readings"]):
                slot["readings"].append((reading, row, col, kind))
            else:
                slot["texts"].append((text, row, col))

    def _emotions(self, phases: list[dict[str, Any]], emotions: dict, lanes: dict[str | None, str]) -> None:
        by_phase: dict[int, list[dict[str, Any]]] = {}
        for (index, lane), slot in emotions.items():
            readings: list[tuple[Reading, int, int, str]] = slot["readings"]
            notes = [r.note for r, *_ in readings if r.note] + [" ".join(t.split()) for t, *_ in slot["texts"]]
            # A score row decides the score; the feelings row, whatever words it has, is then only the note.
            readings = [r for r in readings if r[3] == "emotion_score"] or readings
            if readings:
                scores = [r.score for r, *_ in readings]
                score = to_score(sum(scores) / len(scores), -2, 2)
                for reading, row, col, _ in readings:
                    self.problem(row, col, READ_AS, f"emotion read {reading.how}", Severity.INFO)
            else:
                score = 0
                _, row, col = slot["texts"][0]
                self.problem(
                    row,
                    col,
                    UNREAD_EMOTION,
                    f"no score in '{_short(slot['texts'][0][0])}' (a number, a face "
                    "such as 😊, or a word such as 不安 / anxious); the score is 0 until you set it",
                    Severity.WARNING,
                )
            emotion: dict[str, Any] = {"score": int(score) if float(score).is_integer() else score}
            note = " / ".join(dict.fromkeys(n for n in notes if n))
            if note:
                emotion["note"] = note
            if lane and lane in lanes:
                emotion["persona"] = lanes[lane]
            by_phase.setdefault(index, []).append(emotion)
        for index, found in by_phase.items():
            phases[index]["emotion"] = found[0] if len(found) == 1 and not found[0].get("persona") else found

    # --- after the grid ---------------------------------------------------------------------------------------

    def _below_and_beside(self) -> None:
        for (r, c), text in sorted(self.sheet.cells.items()):
            if r > self.grid.last_row:
                self.description.append(text)
                self.problem(r, c, OUTSIDE_GRID, "text below the grid kept in the map's description", Severity.INFO)

    def _unique(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _is_persona_title(text: str) -> bool:
    key = normal(text).rstrip(":： ")
    return any(key == normal(t) or key.startswith(normal(t) + " ") for t in PERSONA_TITLES) or bool(
        re.match(r"^(ペルソナ|persona)\s*\d*$", key)
    )


def _persona_field(text: str) -> str | None:
    key = re.sub(r"\([^)]*\)", "", normal(text)).rstrip(":： ").strip()
    return next((name for name, words in PERSONA_FIELDS.items() if key in (normal(w) for w in words)), None)


def _role(word: str) -> str | None:
    key = normal(word)
    return next((role for role, words in ROLE_WORDS.items() if key in (normal(w) for w in words)), None)


def _lane_name(rest: str) -> str | None:
    """A persona's name after a row label, but not a translation of the label (`行動（Doing）`) or a scale."""
    if not rest or row_label(rest) or re.search(r"\d\s*(段階|点|scale)|^[+-]?\d+\s*(-|~|〜|\.\.|to)\s*[+-]?\d+$", rest):
        return None
    return rest


def _persona_order(persona: dict[str, Any]) -> dict[str, Any]:
    order = ("id", "name", "role", "description", "goals", "pains", "behaviour", "information_sources", "demographics")
    return {k: persona[k] for k in order if persona.get(k)}


def _phase_order(phase: dict[str, Any]) -> dict[str, Any]:
    return {k: phase[k] for k in PHASE_KEYS if k in phase}


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_EXAMPLES = (
    ("行動", "Actions"),
    ("思考", "Thoughts"),
    ("感情", "Feelings"),
    ("感情スコア", "Emotion score"),
    ("タッチポイント", "Touchpoints"),
    ("課題", "Pain points"),
    ("改善案", "Opportunities"),
    ("KPI", "KPIs"),
)


def _label_examples(japanese: bool) -> str:
    return ", ".join(ja if japanese else en for ja, en in _EXAMPLES)

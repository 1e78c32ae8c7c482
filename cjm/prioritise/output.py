"""Renderers for a roadmap: `table` (rich), `json`, `csv`, `markdown`, and the `--explain` view.

`FORMATS` maps each format name to a function `(roadmap, stream, *, color) -> None`. rich is imported only by
the renderers that draw with it. Text from a map is data: it goes through `safe()` and `rich.text.Text`, never
through markup; in Markdown it is escaped so that it cannot break the table.

The JSON document (documented in docs/prioritise.md)::

    {"tool": "cjm", "version": ..., "command": "prioritise",
     "model": {"name", "formula", "weights", "tie_breaks"}, "capacity": [...] or null,
     "initiatives": [{"rank", "map", "id", "title", "score", "quadrant", "stage", "stage_label", "stage_reason",
                      "quadrant_reason", "pinned", "depends_on", "phases", "pain_points", "inputs", "assumed",
                      "formula", "terms", "file", "line"}, ...],
     "coverage": {"stages": [...], "unaddressed_pain_points": [...], "low_points": [...]}}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from cjm import __version__
from cjm.prioritise.classify import QUADRANTS, STAGES
from cjm.prioritise.coverage import LowPoint, PainPoint
from cjm.prioritise.roadmap import TIE_BREAKS, RankedInitiative, Roadmap
from cjm.prioritise.scoring import INPUT_PATHS, Term, fmt
from cjm.terminal import safe

# --- plain values ---------------------------------------------------------------------------------------


def score_text(roadmap: Roadmap, value: float) -> str:
    """The default model's 0-100 scores with one decimal; a preset's as its formula gives them."""
    return f"{value:.1f}" if roadmap.model.name == "default" else fmt(value)


# Short labels for the compact inputs column: (input path, label).
_SHORT = {
    "default": (
        ("impact", "I"),
        ("feasibility", "F"),
        ("urgency", "U"),
        ("maintenance_cost", "M"),
        ("confidence", "C"),
    ),
    "rice": (("reach", "R"), ("rice.impact", "I"), ("confidence", "C"), ("effort", "E")),
    "ice": (("ice.impact", "I"), ("ice.confidence", "C"), ("ice.ease", "E")),
    "wsjf": (
        ("wsjf.business_value", "BV"),
        ("wsjf.time_criticality", "TC"),
        ("wsjf.risk_reduction", "RR"),
        ("wsjf.job_size", "JS"),
    ),
}


def inputs_text(roadmap: Roadmap, item: RankedInitiative) -> str:
    """`I5 F4 U5 M2 C0.9 SF`: the inputs the model used; `?` marks an assumed one, SF set-and-forget."""
    terms = {t.name: t for t in item.terms}
    parts = []
    for name, label in _SHORT[roadmap.model.name]:
        term = terms.get(name)
        if term is not None:
            parts.append(f"{label}{_value(term.value)}{'?' if term.assumed else ''}")
    if roadmap.model.name == "default" and terms["set_and_forget"].value:
        parts.append("SF")
    return " ".join(parts)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return fmt(value)
    return str(value)


def phase_label(roadmap: Roadmap, map_id: str, phase_id: str) -> str:
    name = roadmap.coverage.phase_names.get((map_id, phase_id), phase_id)
    return f"{map_id}/{name}" if len(roadmap.maps) > 1 else name


# --- JSON -----------------------------------------------------------------------------------------------


def initiative_dict(roadmap: Roadmap, item: RankedInitiative) -> dict[str, Any]:
    return {
        "rank": item.rank,
        "map": item.map_id,
        "id": item.id,
        "title": item.title,
        "score": round(item.score, 6),
        "quadrant": item.quadrant,
        "stage": item.stage,
        "stage_label": STAGES[item.stage],
        "stage_reason": item.stage_reason,
        "quadrant_reason": item.quadrant_reason,
        "pinned": item.pinned,
        "depends_on": list(item.depends_on),
        "phases": list(item.addresses.phases),
        "pain_points": list(item.addresses.pain_points),
        "inputs": item.inputs,
        "assumed": list(item.assumed),
        "formula": item.formula,
        "terms": [_term_dict(t) for t in item.terms],
        "file": item.source,
        "line": item.line,
    }


def _term_dict(term: Term) -> dict[str, Any]:
    out: dict[str, Any] = {"name": term.name, "value": term.value, "assumed": term.assumed}
    if term.weight is not None:
        out.update(
            normalised=round(float(term.normalised or 0), 6),
            weight=term.weight,
            points=round(float(term.points or 0), 6),
        )
    return out


def roadmap_dict(roadmap: Roadmap) -> dict[str, Any]:
    cover = roadmap.coverage
    return {
        "tool": "cjm",
        "version": __version__,
        "command": "prioritise",
        "model": {
            "name": roadmap.model.name,
            "formula": roadmap.model.description,
            "weights": dict(roadmap.model.weights) if roadmap.model.name == "default" else None,
            "tie_breaks": list(TIE_BREAKS),
        },
        "capacity": list(roadmap.capacity) if roadmap.capacity else None,
        "maps": list(roadmap.maps),
        "initiatives": [initiative_dict(roadmap, r) for r in roadmap.initiatives],
        "coverage": {
            "stages": [
                {
                    "stage": s.stage,
                    "label": STAGES[s.stage],
                    "initiatives": [f"{m}:{i}" for m, i in s.initiatives],
                    "phases": [{"map": m, "id": p} for m, p in s.phases],
                    "pain_points": [{"map": m, "id": p} for m, p in s.pain_points],
                }
                for s in cover.stages
            ],
            "unaddressed_pain_points": [_pain_dict(p) for p in cover.unaddressed],
            "low_points": [
                {
                    "map": p.map_id,
                    "phase": p.phase_id,
                    "phase_name": p.phase_name,
                    "score": p.score,
                    "note": p.note,
                    "persona": p.persona,
                    "fixed_in_stage": p.stage,
                    "pain_points": p.pain_points,
                    "pain_points_addressed": p.pain_points_addressed,
                }
                for p in cover.low_points
            ],
        },
    }


def _pain_dict(pain: PainPoint) -> dict[str, Any]:
    return {
        "map": pain.map_id,
        "phase": pain.phase_id,
        "phase_name": pain.phase_name,
        "id": pain.id,
        "text": pain.text,
        "severity": pain.severity,
    }


def write_json(roadmap: Roadmap, stream: IO[str], *, color: bool = False) -> None:
    json.dump(roadmap_dict(roadmap), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# --- CSV ------------------------------------------------------------------------------------------------

CSV_INPUTS = INPUT_PATHS
CSV_COLUMNS = (
    "rank",
    "stage",
    "map",
    "id",
    "title",
    "score",
    "quadrant",
    "pinned",
    *CSV_INPUTS,
    "assumed",
    "depends_on",
    "phases",
    "pain_points",
    "stage_reason",
    "file",
    "line",
)


def write_csv(roadmap: Roadmap, stream: IO[str], *, color: bool = False) -> None:
    """One row per initiative, in rank order; lists are space-separated ids. Every cell is defused (cjm.csv_output)."""
    from cjm.csv_output import CsvWriter

    writer = CsvWriter(stream)
    writer.writerow(CSV_COLUMNS)
    for item in roadmap.initiatives:
        inputs = [_csv_input(item.inputs, name) for name in CSV_INPUTS]
        writer.writerow(
            [
                item.rank,
                item.stage,
                item.map_id,
                item.id,
                item.title,
                round(item.score, 6),
                item.quadrant,
                str(item.pinned).lower(),
                *inputs,
                " ".join(item.assumed),
                " ".join(item.depends_on),
                " ".join(item.addresses.phases),
                " ".join(item.addresses.pain_points),
                item.stage_reason,
                item.source,
                item.line,
            ]
        )


def _csv_input(inputs: dict[str, Any], dotted: str) -> Any:
    head, _, tail = dotted.partition(".")
    value = inputs.get(head)
    if tail:
        value = value.get(tail) if isinstance(value, dict) else None
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else value


# --- Markdown -------------------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#~"})


def md(text: str) -> str:
    """Map text made safe for a Markdown table cell: special characters escaped, lines joined."""
    return safe(" ".join(text.split())).translate(_MD_SPECIAL)


def markdown_table(roadmap: Roadmap) -> str:
    """The roadmap as one GitHub-flavoured Markdown table, by stage and then rank."""
    portfolio = len(roadmap.maps) > 1
    head = ["Stage", "#", "Score", "Quadrant", "Initiative", "ID", *(["Map"] if portfolio else []), "Inputs"]
    align = ["---:", "---:", "---:", ":---", ":---", ":---", *([":---"] if portfolio else []), ":---"]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    for _, _, items in roadmap.stages:
        for item in items:
            cells = [
                str(item.stage),
                str(item.rank),
                score_text(roadmap, item.score),
                QUADRANTS[item.quadrant],
                md(item.title),
                f"`{item.id}`",
                *([f"`{item.map_id}`"] if portfolio else []),
                md(inputs_text(roadmap, item)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_markdown(roadmap: Roadmap, stream: IO[str], *, color: bool = False) -> None:
    stream.write(f"## Roadmap\n\n{markdown_table(roadmap)}\n")
    stream.write(f"Scored with the {_model_line(roadmap)}. Inputs: {_legend(roadmap)}.\n")
    cover = roadmap.coverage
    if cover.stages:
        stream.write("\n### Coverage\n\n")
        for stage in cover.stages:
            phases = ", ".join(md(phase_label(roadmap, m, p)) for m, p in stage.phases) or "none"
            pains = ", ".join(f"`{p}`" for _, p in stage.pain_points) or "none"
            stream.write(
                f"- **Stage {stage.stage}, {STAGES[stage.stage]}** ({len(stage.initiatives)}): "
                f"phases {phases}; pain points {pains}\n"
            )
    if cover.unaddressed:
        stream.write("\n### Pain points no initiative addresses\n\n")
        for pain in cover.unaddressed:
            stream.write(
                f"- {md(phase_label(roadmap, pain.map_id, pain.phase_id))}: {md(pain.text)} "
                f"(`{pain.id}`{_severity(pain)})\n"
            )
    if cover.low_points:
        stream.write("\n### Emotional low points\n\n")
        for low in cover.low_points:
            fixed = f"addressed in stage {low.stage}{_share(low)}" if low.stage else "**not addressed**"
            note = f": {md(low.note)}" if low.note else ""
            stream.write(f"- {md(phase_label(roadmap, low.map_id, low.phase_id))} ({fmt(low.score)}{note}): {fixed}\n")


def _share(low: LowPoint) -> str:
    """` (1 of 2 pain points)` when only some of the phase's pain points are addressed."""
    if low.pain_points_addressed < low.pain_points:
        return f" ({low.pain_points_addressed} of {low.pain_points} pain points)"
    return ""


def _severity(pain: PainPoint) -> str:
    return f", severity {pain.severity}" if pain.severity else ""


def _model_line(roadmap: Roadmap) -> str:
    model = roadmap.model
    if model.name == "default":
        weights = ", ".join(f"{_LABELS[k]} {fmt(v)}" for k, v in model.weights.items())
        return f"default model: {model.description} (weights: {weights})"
    return f"{model.name.upper()} preset: {model.description}"


_LABELS = {
    "impact": "impact",
    "feasibility": "feasibility",
    "urgency": "urgency",
    "maintenance_cost": "maintenance cost",
    "set_and_forget": "set-and-forget",
    "confidence": "confidence",
    "reach": "reach",
    "rice.impact": "impact",
    "effort": "effort (person-months)",
    "ice.impact": "impact",
    "ice.confidence": "confidence",
    "ice.ease": "ease",
    "wsjf.business_value": "business value",
    "wsjf.time_criticality": "time criticality",
    "wsjf.risk_reduction": "risk reduction",
    "wsjf.job_size": "job size",
}


def _legend(roadmap: Roadmap) -> str:
    legend = ", ".join(f"{short} {_LABELS[name]}" for name, short in _SHORT[roadmap.model.name])
    extra = ", SF set-and-forget" if roadmap.model.name == "default" else ""
    return f"{legend}{extra}; ? = not in the map, assumed"


# --- table (rich) ---------------------------------------------------------------------------------------

_QUADRANT_STYLE = {"quick_win": "green", "big_bet": "cyan", "fill_in": "yellow", "money_pit": "red"}


def write_table(roadmap: Roadmap, stream: IO[str], *, color: bool = False) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cjm.terminal import console_for

    console = console_for(stream, color=color)
    portfolio = len(roadmap.maps) > 1
    table = Table(
        box=box.SIMPLE_HEAD if color else box.ASCII2,
        show_edge=False,
        pad_edge=False,
        header_style="bold" if color else "",
    )
    for name, justify in (
        ("Stage", "right"),
        ("#", "right"),
        ("Score", "right"),
        ("Quadrant", "left"),
        ("ID", "left"),
        ("Initiative", "left"),
        *((("Map", "left"),) if portfolio else ()),
        ("Inputs", "left"),
    ):
        # Only the free text wraps on a narrow terminal; ids and numbers stay whole.
        wraps = name in ("Initiative", "Map")
        table.add_column(
            name,
            justify=justify,
            overflow="fold",
            no_wrap=not wraps,
            ratio=1 if wraps else None,  # type: ignore[arg-type]
        )
    for _, _, items in roadmap.stages:
        for n, item in enumerate(items):
            table.add_row(
                str(item.stage),
                str(item.rank),
                score_text(roadmap, item.score),
                Text(QUADRANTS[item.quadrant], style=_QUADRANT_STYLE[item.quadrant]),
                Text(safe(item.id)),
                Text(safe(item.title)),
                *((Text(safe(item.map_id)),) if portfolio else ()),
                Text(inputs_text(roadmap, item)),
                end_section=n == len(items) - 1,
            )
    console.print(table)
    console.print(Text(f"Scored with the {_model_line(roadmap)}.", style="dim"), soft_wrap=True)
    console.print(Text(f"Inputs: {_legend(roadmap)}.", style="dim"), soft_wrap=True)
    _print_coverage(console, roadmap)


def _print_coverage(console: Any, roadmap: Roadmap) -> None:
    from rich.text import Text

    cover = roadmap.coverage
    console.print()
    for stage in cover.stages:
        line = Text()
        line.append(f"Stage {stage.stage} ", style="bold")
        line.append(f"({STAGES[stage.stage]}, {len(stage.initiatives)}): ")
        line.append("phases " + (", ".join(safe(phase_label(roadmap, m, p)) for m, p in stage.phases) or "none"))
        line.append("; pain points " + (", ".join(safe(p) for _, p in stage.pain_points) or "none"))
        console.print(line, soft_wrap=True)
    if cover.unaddressed:
        console.print(Text(f"Pain points no initiative addresses ({len(cover.unaddressed)}):", style="bold"))
        for pain in cover.unaddressed:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, pain.map_id, pain.phase_id)))
            line.append(f"  {safe(pain.text)} ")
            line.append(f"({safe(pain.id)}{_severity(pain)})", style="dim")
            console.print(line, soft_wrap=True)
    else:
        console.print(Text("Every pain point is addressed by an initiative.", style="green"))
    if cover.low_points:
        console.print(Text("Emotional low points:", style="bold"))
        for low in cover.low_points:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, low.map_id, low.phase_id)))
            line.append(f" {fmt(low.score)}")
            if low.note:
                line.append(f" {safe(low.note)}")
            line.append(" → ")
            if low.stage:
                line.append(f"addressed in stage {low.stage}{_share(low)}", style="green")
            else:
                line.append("not addressed", style="bold red")
            console.print(line, soft_wrap=True)


# --- --explain ------------------------------------------------------------------------------------------


def write_explanation(roadmap: Roadmap, item: RankedInitiative, stream: IO[str], *, color: bool = False) -> None:
    """How one initiative's score, quadrant and stage came about, term by term."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cjm.terminal import console_for

    console = console_for(stream, color=color)
    head = Text()
    head.append(safe(item.ref), style="bold")
    head.append(f"  {safe(item.title)}")
    console.print(head, soft_wrap=True)
    console.print(Text(f"{safe(item.source)}:{item.line}", style="dim"), soft_wrap=True)
    console.print(Text(f"Scored with the {_model_line(roadmap)}."), soft_wrap=True)
    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_edge=False, pad_edge=False)
    weighted = roadmap.model.name == "default"
    columns = ("input", "value", "normalised", "weight", "points", "how") if weighted else ("input", "value", "note")
    for column in columns:
        table.add_column(column, justify="left" if column in ("input", "how", "note") else "right")
    for term in item.terms:
        value = _value(term.value) + (" (assumed)" if term.assumed else "")
        if weighted:
            table.add_row(
                term.name, value, f"{term.normalised:.2f}", fmt(term.weight or 0), f"{term.points:.2f}", term.note
            )
        else:
            table.add_row(term.name, value, term.note)
    console.print(table)
    console.print(Text(f"score = {item.formula}", style="bold"), soft_wrap=True)
    console.print(
        Text(f"rank {item.rank} of {len(roadmap.initiatives)} (ties broken by: {', '.join(TIE_BREAKS)})"),
        soft_wrap=True,
    )
    if item.assumed:
        console.print(
            Text(
                f"assumed (not in the map): {', '.join(item.assumed)}; add them to the map for a sounder score",
                style="yellow",
            ),
            soft_wrap=True,
        )
    console.print(Text(f"quadrant: {QUADRANTS[item.quadrant]} ({item.quadrant_reason})"), soft_wrap=True)
    console.print(Text(f"stage {item.stage} ({STAGES[item.stage]}): {safe(item.stage_reason)}"), soft_wrap=True)
    if item.depends_on:
        console.print(Text(f"depends on: {', '.join(safe(d) for d in item.depends_on)}"), soft_wrap=True)
    phases = ", ".join(safe(phase_label(roadmap, item.map_id, p)) for p in item.addresses.phases) or "none"
    pains = ", ".join(safe(p) for p in item.addresses.pain_points) or "none"
    console.print(Text(f"addresses: phases {phases}; pain points {pains}"), soft_wrap=True)


def write_explanation_json(roadmap: Roadmap, item: RankedInitiative, stream: IO[str], *, color: bool = False) -> None:
    json.dump(initiative_dict(roadmap, item), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


Renderer = Callable[..., None]
FORMATS: dict[str, Renderer] = {
    "table": write_table,
    "json": write_json,
    "csv": write_csv,
    "markdown": write_markdown,
}

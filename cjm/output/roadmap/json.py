"""A roadmap as JSON (documented in docs/prioritise.md), and one initiative as `--explain --format json` gives it.

    {"tool": "cjm", "version": ..., "command": "prioritise",
     "model": {"name", "formula", "weights", "tie_breaks"}, "capacity": [...] or null,
     "language": "en" or "ja",
     "initiatives": [{"rank", "map", "id", "title", "score", "quadrant", "label", "risk", "risk_reason", "stage",
                      "stage_label", "stage_reason", "rank_reason", "quadrant_reason", "pinned", "depends_on",
                      "phases", "pain_points", "inputs", "assumed", "derived", "inherits", "formula", "terms",
                      "file", "line"}, ...],
     "coverage": {"stages": [...], "unaddressed_pain_points": [...], "low_points": [...],
                  "answered_only_by_risky": [...]}}

Keys and values are English; `label` and `stage_label` are in the maps' language.
"""

from __future__ import annotations

from typing import IO, Any

from cjm.output.contract import envelope, json_text
from cjm.output.roadmap import Explanation
from cjm.prioritise.classify import stage_name
from cjm.prioritise.coverage import PainPoint
from cjm.prioritise.roadmap import TIE_BREAKS, RankedInitiative, Roadmap
from cjm.prioritise.scoring import Term


def initiative_dict(roadmap: Roadmap, item: RankedInitiative) -> dict[str, Any]:
    return {
        "rank": item.rank,
        "map": item.map_id,
        "id": item.id,
        "title": item.title,
        "score": round(item.score, 6),
        "quadrant": item.quadrant,
        "label": item.label(roadmap.language),
        "risk": item.risk,
        "risk_reason": item.risk_reason or None,
        "stage": item.stage,
        "stage_label": stage_name(item.stage, roadmap.language),
        "stage_reason": item.stage_reason,
        "rank_reason": item.rank_reason or None,
        "quadrant_reason": item.quadrant_reason,
        "pinned": item.pinned,
        "depends_on": list(item.depends_on),
        "phases": list(item.addresses.phases),
        "pain_points": list(item.addresses.pain_points),
        "inputs": item.inputs,
        "assumed": list(item.assumed),
        "derived": list(item.derived),
        "inherits": (
            {
                "input": "urgency",
                "value": item.inherited.value,
                "own": None if item.inherited.own_assumed else item.inherited.own,
                "from": item.inherited.source,
                "via": list(item.inherited.via),
                "steps": item.inherited.steps,
            }
            if item.inherited
            else None
        ),
        "formula": item.formula,
        "terms": [_term_dict(t) for t in item.terms],
        "file": item.source,
        "line": item.line,
    }


def _term_dict(term: Term) -> dict[str, Any]:
    out: dict[str, Any] = {"name": term.name, "value": term.value, "assumed": term.assumed}
    if term.derived:
        out["derived"] = term.derived
    if term.weight is not None:
        out.update(
            normalised=round(float(term.normalised or 0), 6),
            weight=term.weight,
            points=round(float(term.points or 0), 6),
        )
    return out


def roadmap_dict(roadmap: Roadmap) -> dict[str, Any]:
    cover = roadmap.coverage
    return envelope(
        "prioritise",
        model={
            "name": roadmap.model.name,
            "formula": roadmap.model.description,
            "weights": dict(roadmap.model.weights) if roadmap.model.name == "default" else None,
            "tie_breaks": list(TIE_BREAKS),
        },
        capacity=list(roadmap.capacity) if roadmap.capacity else None,
        maps=list(roadmap.maps),
        language=roadmap.language,
        initiatives=[initiative_dict(roadmap, r) for r in roadmap.initiatives],
        coverage={
            "stages": [
                {
                    "stage": s.stage,
                    "label": stage_name(s.stage, roadmap.language),
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
                    "answered_only_by_risky": list(roadmap.risky_in_phase(p.map_id, p.phase_id)),
                }
                for p in cover.low_points
            ],
            "answered_only_by_risky": [
                {**_pain_dict(pain), "initiatives": [item.ref for item in items]}
                for pain, items in roadmap.answered_only_by_risky()
            ],
        },
    )


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
    stream.write(json_text(roadmap_dict(roadmap)))


def write_explanation_json(explanation: Explanation, stream: IO[str], *, color: bool = False) -> None:
    stream.write(json_text(envelope("prioritise --explain", initiative=initiative_dict(*explanation))))

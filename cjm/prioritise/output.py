"""Renderers for a roadmap: `table` (rich), `json`, `csv`, `markdown`, and the `--explain` view.

`FORMATS` maps each format name to a function `(roadmap, stream, *, color) -> None`. rich is imported only by
the renderers that draw with it. Text from a map is data: it goes through `safe()` and `rich.text.Text`, never
through markup; in Markdown it is escaped so that it cannot break the table.

The JSON document (documented in docs/prioritise.md)::

    {"tool": "cjm", "version": ..., "command": "prioritise",
     "model": {"name", "formula", "weights", "tie_breaks"}, "capacity": [...] or null,
     "language": "en" or "ja",
     "initiatives": [{"rank", "map", "id", "title", "score", "quadrant", "label", "risk", "risk_reason", "stage",
                      "stage_label", "stage_reason", "rank_reason", "quadrant_reason", "pinned", "depends_on",
                      "phases", "pain_points", "inputs", "assumed", "derived", "inherits", "formula", "terms",
                      "file", "line"}, ...],
     "coverage": {"stages": [...], "unaddressed_pain_points": [...], "low_points": [...],
                  "answered_only_by_risky": [...]}}

Table, Markdown and the `--explain` text speak the maps' language (`Roadmap.language`: Japanese when every map is
Japanese); JSON and CSV keep English keys and values, with `label` and `stage_label` in the maps' language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

from cjm import __version__
from cjm.core.text import safe
from cjm.core.vocabulary import in_language
from cjm.output.contract import json_text
from cjm.prioritise.classify import quadrant_name, risk_name, stage_name
from cjm.prioritise.coverage import LowPoint, PainPoint
from cjm.prioritise.roadmap import TIE_BREAKS, RankedInitiative, Roadmap
from cjm.prioritise.scoring import INPUT_PATHS, Term, fmt

# --- words ----------------------------------------------------------------------------------------------

# What the table, Markdown and --explain say, in English and Japanese (the report's and diagrams' Japanese terms).
_WORDS: dict[str, tuple[str, str]] = {
    "Stage": ("Stage", "ステージ"),
    "#": ("#", "順位"),
    "Score": ("Score", "スコア"),
    "Quadrant": ("Quadrant", "象限"),
    "ID": ("ID", "ID"),
    "Initiative": ("Initiative", "施策"),
    "Map": ("Map", "マップ"),
    "Inputs": ("Inputs", "入力"),
    "roadmap": ("Roadmap", "ロードマップ"),
    "coverage": ("Coverage", "カバレッジ"),
    "scored": ("Scored with the {model}.", "スコア：{model}。"),
    "inputs": ("Inputs: {legend}.", "入力：{legend}。"),
    "default_model": ("default model: {formula} (weights: {weights})", "標準モデル {formula}（重み：{weights}）"),
    "preset_model": ("{name} preset: {formula}", "{name}プリセット {formula}"),
    "stage_line": (
        "Stage {n} ({label}, {count}): phases {phases}; pain points {pains}",
        "ステージ{n}（{label}、{count}件）：フェーズ {phases}／ペインポイント {pains}",
    ),
    "stage_head": ("Stage {n} ", "ステージ{n}"),
    "stage_rest": (
        "({label}, {count}): phases {phases}; pain points {pains}",
        "（{label}、{count}件）：フェーズ {phases}／ペインポイント {pains}",
    ),
    "none": ("none", "なし"),
    "yes": ("yes", "あり"),
    "no": ("no", "なし"),
    "unaddressed": ("Pain points no initiative addresses", "対応する施策のないペインポイント"),
    "all_addressed": (
        "Every pain point is addressed by an initiative.",
        "すべてのペインポイントに対応する施策があります。",
    ),
    "low_points": ("Emotional low points", "感情の低点"),
    "addressed_in": ("addressed in stage {n}", "ステージ{n}で対応"),
    "share": (" ({done} of {all} pain points)", "（ペインポイント{all}件中{done}件）"),
    "not_addressed": ("not addressed", "未対応"),
    "risky_note": ("; only initiatives to rethink answer {ids}", "。ただし {ids} は要再検討の施策しか対応していない"),
    "only_risky": (
        "Pain points answered only by initiatives to rethink",
        "要再検討の施策しか対応していないペインポイント",
    ),
    "count": (" ({n})", "（{n}件）"),
    "severity": (", severity {n}", "、深刻度{n}"),
    "paren": ("({text})", "（{text}）"),
    "gap": (" ", ""),
    "pain_line": ("{phase}: {text} ({id}{severity})", "{phase}：{text}（{id}{severity}）"),
    "low_line": ("{phase} ({score}{note}): {fixed}", "{phase}（{score}{note}）：{fixed}"),
    "answer": ("{id} ({title})", "{id}（{title}）"),
    "colon": (":", "："),
    "list_sep": (", ", "、"),
    "assumed_mark": ("? = not in the map, assumed", "? = マップに無く仮定した値"),
    "derived_mark": (
        "~ = derived from the map's other inputs, or inherited (see --explain)",
        "~ = マップの他の入力から導出、または依存元から継承（--explain で確認）",
    ),
    # --explain
    "input": ("input", "入力"),
    "value": ("value", "値"),
    "normalised": ("normalised", "正規化"),
    "weight": ("weight", "重み"),
    "points": ("points", "点数"),
    "how": ("how", "算出方法"),
    "assumed": (" (assumed)", "（仮定）"),
    "derived": (" (derived)", "（導出）"),
    "written": ("written in the map", "マップに記載"),
    "score": ("score = {formula}", "スコア = {formula}"),
    "term": ("{name}: {how}", "{name}：{how}"),
    "derived_all": (
        "derived from the map's inputs: {names}; write them in the map to override (docs/prioritise.md)",
        "マップの他の入力から導出：{names}。マップに書けば上書きできる（docs/prioritise.md）",
    ),
    "order": ("ties broken by: {keys}", "同点なら {keys} の順"),
    "rank_why": ("rank {rank} of {count}: {reason}", "順位 {rank}／{count}：{reason}"),
    "otherwise": ("otherwise by score; {order}", "それ以外はスコア順。{order}"),
    "rank": ("rank {rank} of {count} ({order})", "順位 {rank}／{count}（{order}）"),
    "assumed_all": (
        "assumed (not in the map): {names}; add them to the map for a sounder score",
        "仮定した値（マップに無い）：{names}。マップに書けばスコアの確度が上がる",
    ),
    "quadrant": ("quadrant: {label} ({reason})", "象限：{label}（{reason}）"),
    "risk": ("{risk}: {reason}", "{risk}：{reason}"),
    "stage": ("stage {n} ({label}): {reason}", "ステージ{n}（{label}）：{reason}"),
    "depends_on": ("depends on: {ids}", "依存先：{ids}"),
    "addresses": ("addresses: phases {phases}; pain points {pains}", "対応：フェーズ {phases}／ペインポイント {pains}"),
}


def say(key: str, language: str, **values: Any) -> str:
    english, japanese = _WORDS[key]
    return (japanese if language == "ja" else english).format(**values)


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
    """`I5 F4 U5 M2 C0.9 SF`: the inputs the model used; `?` marks an assumed one, `~` one derived from the map's
    other inputs (or an inherited urgency), SF set-and-forget."""
    terms = {t.name: t for t in item.terms}
    parts = []
    for name, label in _SHORT[roadmap.model.name]:
        term = terms.get(name)
        if term is not None:
            mark = "?" if term.assumed else "~" if term.derived else ""
            parts.append(f"{label}{_value(term.value)}{mark}")
    if roadmap.model.name == "default" and terms["set_and_forget"].value:
        parts.append("SF")
    return " ".join(parts)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return fmt(value)
    return str(value)


def answers_text(items: tuple[RankedInitiative, ...], language: str = "en") -> str:
    return say("list_sep", language).join(say("answer", language, id=item.id, title=item.title) for item in items)


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
        "language": roadmap.language,
        "initiatives": [initiative_dict(roadmap, r) for r in roadmap.initiatives],
        "coverage": {
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
    stream.write(json_text(roadmap_dict(roadmap)))


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
    "risk",
    "pinned",
    *CSV_INPUTS,
    "assumed",
    "derived",
    "depends_on",
    "phases",
    "pain_points",
    "stage_reason",
    "rank_reason",
    "file",
    "line",
)
BOM = "\ufeff"  # lets Excel (notably on Japanese Windows) read the file as UTF-8 rather than the ANSI code page


def write_csv(roadmap: Roadmap, stream: IO[str], *, color: bool = False, bom: bool = False) -> None:
    """One row per initiative, in rank order; lists are space-separated ids. Every cell is defused
    (cjm.output.csv_writer). `bom` starts the text with a UTF-8 byte-order mark, for a `.csv` file that Excel
    should open as UTF-8."""
    from cjm.output.csv_writer import CsvWriter

    if bom:
        stream.write(BOM)
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
                item.risk or "",
                str(item.pinned).lower(),
                *inputs,
                " ".join(item.assumed),
                " ".join(item.derived),
                " ".join(item.depends_on),
                " ".join(item.addresses.phases),
                " ".join(item.addresses.pain_points),
                item.stage_reason,
                item.rank_reason,
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
    language = roadmap.language
    portfolio = len(roadmap.maps) > 1
    head = ["Stage", "#", "Score", "Quadrant", "Initiative", "ID", *(["Map"] if portfolio else []), "Inputs"]
    align = ["---:", "---:", "---:", ":---", ":---", ":---", *([":---"] if portfolio else []), ":---"]
    lines = ["| " + " | ".join(say(h, language) for h in head) + " |", "| " + " | ".join(align) + " |"]
    for _, _, items in roadmap.stages:
        for item in items:
            cells = [
                str(item.stage),
                str(item.rank),
                score_text(roadmap, item.score),
                f"**{md(item.label(language))}**" if item.risk else md(item.label(language)),
                md(item.title),
                f"`{item.id}`",
                *([f"`{item.map_id}`"] if portfolio else []),
                md(inputs_text(roadmap, item)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_markdown(roadmap: Roadmap, stream: IO[str], *, color: bool = False) -> None:
    language = roadmap.language
    stream.write(f"## {say('roadmap', language)}\n\n{markdown_table(roadmap)}\n")
    scored = say("scored", language, model=_model_line(roadmap))
    stream.write(f"{scored} {say('inputs', language, legend=_legend(roadmap))}\n")
    cover = roadmap.coverage
    none = say("none", language)
    sep = say("list_sep", language)
    if cover.stages:
        stream.write(f"\n### {say('coverage', language)}\n\n")
        for stage in cover.stages:
            phases = sep.join(md(phase_label(roadmap, m, p)) for m, p in stage.phases) or none
            pains = sep.join(f"`{p}`" for _, p in stage.pain_points) or none
            head = say("stage_head", language, n=stage.stage)
            rest = say(
                "stage_rest",
                language,
                label=stage_name(stage.stage, language),
                count=len(stage.initiatives),
                phases=phases,
                pains=pains,
            )
            stream.write(f"- **{head.strip()}**{head[len(head.strip()) :]}{rest}\n")
    if cover.unaddressed:
        stream.write(f"\n### {say('unaddressed', language)}\n\n")
        for pain in cover.unaddressed:
            stream.write(f"- {_md_pain(roadmap, pain)}\n")
    risky = roadmap.answered_only_by_risky()
    if risky:
        stream.write(f"\n### {say('only_risky', language)}\n\n")
        for pain, items in risky:
            stream.write(f"- {_md_pain(roadmap, pain)} → {md(answers_text(items, language))}\n")
    if cover.low_points:
        stream.write(f"\n### {say('low_points', language)}\n\n")
        for low in cover.low_points:
            fixed = (
                say("addressed_in", language, n=low.stage) + _share(low, language) + _risky_note(roadmap, low)
                if low.stage
                else f"**{say('not_addressed', language)}**"
            )
            note = f"{say('colon', language)}{say('gap', language)}{md(low.note)}" if low.note else ""
            phase = md(phase_label(roadmap, low.map_id, low.phase_id))
            stream.write(f"- {say('low_line', language, phase=phase, score=fmt(low.score), note=note, fixed=fixed)}\n")


def _md_pain(roadmap: Roadmap, pain: PainPoint) -> str:
    language = roadmap.language
    return say(
        "pain_line",
        language,
        phase=md(phase_label(roadmap, pain.map_id, pain.phase_id)),
        text=md(pain.text),
        id=f"`{pain.id}`",
        severity=_severity(pain, language),
    )


def _share(low: LowPoint, language: str = "en") -> str:
    """` (1 of 2 pain points)` when only some of the phase's pain points are addressed."""
    if low.pain_points_addressed < low.pain_points:
        return say("share", language, done=low.pain_points_addressed, all=low.pain_points)
    return ""


def _risky_note(roadmap: Roadmap, low: LowPoint) -> str:
    """`; only initiatives to rethink answer shikin-fuan` when some of the low point's pain points have no sounder
    answer: the stage that "addresses" the low point may answer another of its pain points."""
    ids = roadmap.risky_in_phase(low.map_id, low.phase_id)
    if not ids:
        return ""
    return say("risky_note", roadmap.language, ids=say("list_sep", roadmap.language).join(ids))


def _severity(pain: PainPoint, language: str = "en") -> str:
    return say("severity", language, n=pain.severity) if pain.severity else ""


def _model_line(roadmap: Roadmap, language: str | None = None) -> str:
    model, language = roadmap.model, language or roadmap.language
    formula = _FORMULAS_JA[model.name] if language == "ja" else model.description
    if model.name == "default":
        weights = say("list_sep", language).join(f"{_label(k, language)} {fmt(v)}" for k, v in model.weights.items())
        return say("default_model", language, formula=formula, weights=weights)
    return say("preset_model", language, name=model.name.upper(), formula=formula)


_FORMULAS_JA = {
    "default": "100 × Σ(重み × 正規化した入力) / Σ重み",
    "rice": "リーチ × インパクト × 確度 / 工数",
    "ice": "インパクト × 確度 × 容易さ",
    "wsjf": "（事業価値 + 時間的緊急性 + リスク低減・機会創出）/ ジョブサイズ",
}
_LABELS = {
    "impact": ("impact", "インパクト"),
    "feasibility": ("feasibility", "実現しやすさ"),
    "urgency": ("urgency", "緊急度"),
    "maintenance_cost": ("maintenance cost", "維持コスト"),
    "set_and_forget": ("set-and-forget", "仕組み化"),
    "confidence": ("confidence", "確度"),
    "reach": ("reach", "リーチ"),
    "rice.impact": ("impact", "インパクト"),
    "effort": ("effort (person-months)", "工数（人月）"),
    "ice.impact": ("impact", "インパクト"),
    "ice.confidence": ("confidence", "確度"),
    "ice.ease": ("ease", "容易さ"),
    "wsjf.business_value": ("business value", "事業価値"),
    "wsjf.time_criticality": ("time criticality", "時間的緊急性"),
    "wsjf.risk_reduction": ("risk reduction", "リスク低減・機会創出"),
    "wsjf.job_size": ("job size", "ジョブサイズ"),
    "cost_of_delay": ("cost of delay", "遅延コスト"),
}


def _label(name: str, language: str) -> str:
    return in_language(_LABELS[name], language)


def _legend(roadmap: Roadmap) -> str:
    language = roadmap.language
    sep = say("list_sep", language)
    parts = [f"{short} {_label(name, language)}" for name, short in _SHORT[roadmap.model.name]]
    if roadmap.model.name == "default":
        parts.append(f"SF {_label('set_and_forget', language)}")
    marks = [say("assumed_mark", language)]
    if any(item.derived for item in roadmap.initiatives):
        marks.append(say("derived_mark", language))
    return sep.join(parts) + ("；" if language == "ja" else "; ") + sep.join(marks)


# --- table (rich) ---------------------------------------------------------------------------------------

_QUADRANT_STYLE = {"quick_win": "green", "big_bet": "cyan", "fill_in": "yellow", "money_pit": "red"}


NARROW = 110  # below this many columns the table folds the id under the title and leaves out the inputs


def _terminal_width(stream: IO[str]) -> int | None:
    """The columns of the terminal the table goes to, or of `COLUMNS` when set; None: no limit (a file or pipe)."""
    import os
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if hasattr(stream, "isatty") and stream.isatty():
        return shutil.get_terminal_size().columns
    return None


def write_table(roadmap: Roadmap, stream: IO[str], *, color: bool = False) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cjm.output.terminal import console_for

    language = roadmap.language
    console = console_for(stream, color=color, width=_terminal_width(stream))
    narrow = console.width < NARROW
    portfolio = len(roadmap.maps) > 1
    table = Table(
        box=box.SIMPLE_HEAD if color else box.ASCII2,
        show_edge=False,
        pad_edge=False,
        header_style="bold" if color else "",
    )
    columns = [("Stage", "right"), ("#", "right"), ("Score", "right"), ("Quadrant", "left")]
    columns += [("Initiative", "left")] if narrow else [("ID", "left"), ("Initiative", "left")]
    columns += [("Map", "left")] if portfolio else []
    columns += [] if narrow else [("Inputs", "left")]
    for name, justify in columns:
        # Only the free text wraps on a narrow terminal; ids and numbers stay whole.
        wraps = name in ("Initiative", "Map") or (narrow and name == "Quadrant")
        table.add_column(
            say(name, language),
            justify=justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=not wraps,
            ratio=(3 if name == "Initiative" else 1) if wraps else None,  # type: ignore[arg-type]
        )
    for _, _, items in roadmap.stages:
        for n, item in enumerate(items):
            style = "bold red" if item.risk else _QUADRANT_STYLE[item.quadrant]
            title = Text(safe(item.title))
            if narrow:
                title.append("\n" + safe(item.id), style="dim")
            table.add_row(
                str(item.stage),
                str(item.rank),
                score_text(roadmap, item.score),
                Text(item.label(language), style=style),
                *(() if narrow else (Text(safe(item.id)),)),
                title,
                *((Text(safe(item.map_id)),) if portfolio else ()),
                *(() if narrow else (Text(inputs_text(roadmap, item)),)),
                end_section=n == len(items) - 1,
            )
    console.print(table)
    console.print(Text(say("scored", language, model=_model_line(roadmap)), style="dim"), soft_wrap=not narrow)
    if not narrow:
        console.print(Text(say("inputs", language, legend=_legend(roadmap)), style="dim"), soft_wrap=True)
    _print_coverage(console, roadmap)


def _print_coverage(console: Any, roadmap: Roadmap) -> None:
    from rich.text import Text

    language = roadmap.language
    # rich wraps at spaces: right for English; Japanese lines read better broken anywhere, as the terminal does.
    soft = language == "ja"
    sep, none, colon = say("list_sep", language), say("none", language), say("colon", language)
    cover = roadmap.coverage
    console.print()
    for stage in cover.stages:
        line = Text()
        line.append(say("stage_head", language, n=stage.stage), style="bold")
        line.append(
            say(
                "stage_rest",
                language,
                label=stage_name(stage.stage, language),
                count=len(stage.initiatives),
                phases=sep.join(safe(phase_label(roadmap, m, p)) for m, p in stage.phases) or none,
                pains=sep.join(safe(p) for _, p in stage.pain_points) or none,
            )
        )
        console.print(line, soft_wrap=soft)
    if cover.unaddressed:
        heading = say("unaddressed", language) + say("count", language, n=len(cover.unaddressed)) + colon
        console.print(Text(heading, style="bold"))
        for pain in cover.unaddressed:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, pain.map_id, pain.phase_id)))
            line.append(f"  {safe(pain.text)}{say('gap', language)}")
            line.append(say("paren", language, text=safe(pain.id) + _severity(pain, language)), style="dim")
            console.print(line, soft_wrap=soft)
    else:
        console.print(Text(say("all_addressed", language), style="green"))
    risky = roadmap.answered_only_by_risky()
    if risky:
        console.print(Text(say("only_risky", language) + say("count", language, n=len(risky)) + colon, style="bold"))
        for pain, items in risky:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, pain.map_id, pain.phase_id)))
            line.append(f"  {safe(pain.text)}{say('gap', language)}")
            line.append(say("paren", language, text=safe(pain.id) + _severity(pain, language)), style="dim")
            line.append(" → ")
            line.append(safe(answers_text(items, language)), style="bold red")
            console.print(line, soft_wrap=soft)
    if cover.low_points:
        console.print(Text(say("low_points", language) + colon, style="bold"))
        for low in cover.low_points:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, low.map_id, low.phase_id)))
            line.append(f" {fmt(low.score)}")
            if low.note:
                line.append(f" {safe(low.note)}")
            line.append(" → ")
            if low.stage:
                line.append(say("addressed_in", language, n=low.stage) + _share(low, language), style="green")
                line.append(_risky_note(roadmap, low), style="bold red")
            else:
                line.append(say("not_addressed", language), style="bold red")
            console.print(line, soft_wrap=soft)


# --- --explain ------------------------------------------------------------------------------------------


# The reasons the library gives (quadrant, stage, rank, risk, how a term was mapped or derived) are English
# sentences; `_REASONS` reads each back into its Japanese form for --explain.

# The library's English reasons (cjm.prioritise.classify, staging, roadmap, scoring, derive) as patterns, and the
# same in Japanese; each captured part is read back in turn (`_ja`), so `impact 3 (assumed)` nests.
_REASONS: tuple[tuple[str, str], ...] = (
    (r"(?P<v>.+) \(assumed\)", "{v}（仮定）"),
    (r"(?P<v>[\d.]+) assumed", "{v}、仮定"),
    (r"set-and-forget", "仕組み化"),
    (r"quick win", "クイックウィン"),
    (
        r"advanced: a big bet with heavy upkeep \(maintenance cost (?P<n>\d+)\)",
        "高度な施策：維持コストの重い大型施策（維持コスト {n}）",
    ),
    (r"big bet on a key journey point", "重要な接点を強化する大型施策"),
    (r"fill-in", "余力で実施"),
    (r"money pit: last, and worth reconsidering", "見送り候補：最後に回し、見直す価値がある"),
    (r"pinned in the map", "マップでステージを指定"),
    (r"needed by (?P<who>.+) in stage (?P<n>\d+)", "ステージ{n}の{who}がこれに依存"),
    (r"after (?P<who>.+), which it depends on", "依存先の{who}の後"),
    (
        r"stage (?P<n>\d+) full \(capacity (?P<c>\d+)\), moved to stage (?P<m>\d+)",
        "ステージ{n}はキャパシティ{c}件で満杯のため、ステージ{m}へ",
    ),
    (
        r"ranked before (?P<who>.+) \(score (?P<s>[\d.]+)\), which depends on it",
        "これに依存する{who}（スコア {s}）より先に置いた",
    ),
    (
        r"impact (?P<i>.+) (?P<o1>[≥<]) (?P<m1>\d+), feasibility (?P<f>.+) (?P<o2>[≥<]) (?P<m2>\d+)",
        "インパクト {i} {o1} {m1}、実現しやすさ {f} {o2} {m2}",
    ),
    (
        r"heavy upkeep \(maintenance cost (?P<u>\d+) ≥ (?P<h>\d+)\) and low confidence \((?P<c>[\d.]+) < "
        r"(?P<l>[\d.]+)\): it keeps costing while its return is unsure; rethink or test it small first",
        "維持コストが重く（維持コスト {u} ≥ {h}）確度が低い（{c} < {l}）：効果が不確かなままコストがかかり続ける。"
        "見直すか、まず小さく試す",
    ),
    (r"lower is better: (?P<f>.+)", "低いほど良い：{f}"),
    (r"1 if true, else 0", "ありなら 1、なしなら 0"),
    (r"0-1 as it is", "0〜1 をそのまま"),
    (r"customers per period", "期間あたりの顧客数"),
    (r"customers", "顧客数"),
    (r"person-months", "人月"),
    (r"business value \+ time criticality \+ risk reduction", "事業価値 + 時間的緊急性 + リスク低減・機会創出"),
    (r"100 × Σ\(weight × normalised\) / (?P<rest>.+)", "100 × Σ(重み × 正規化値) / {rest}"),
    (r"(?P<how>.+) \(own (?P<own>.+)\)", "{how}（自身の値 {own}）"),
    (
        r"inherits urgency (?P<v>[\d.]+) from (?P<src>'.+'), which depends on it through (?P<via>.+)",
        "これに依存する{src}から {via} を経て緊急度 {v} を継承",
    ),
    (
        r"inherits urgency (?P<v>[\d.]+) from (?P<src>'.+'), which depends on it",
        "これに依存する{src}から緊急度 {v} を継承",
    ),
    (r"from confidence (?P<v>.+) × 10 \(at least 1\)", "確度 {v} × 10（最小 1）"),
    (
        r"from what it answers: (?P<p>\d+) pain points?, (?P<o>\d+) opportunit(?:y|ies), unblocks (?P<k>\d+) = "
        r"(?P<c>\d+), on (?P<steps>.+)",
        "対応するもの：ペインポイント {p}件、機会 {o}件、後続の施策 {k}件 = {c}、{steps} で換算",
    ),
    (r"from (?P<source>[a-z_]+) (?P<v>.+?) on (?P<steps>.+)", "{source} {v} から {steps} で換算"),
    (r"funnel estimate: (?P<where>.+?), (?P<unit>(?:of an audience|per 100).+)", "ファネル推定：{where}、{unit}"),
    (r"addresses no phase: half the journey's customers assumed", "対応するフェーズが無いため、顧客の半数と仮定"),
    (
        r"(?P<pct>\d+)% of the customers reach (?P<name>'.*'), phase (?P<n>\d+) of (?P<m>\d+)",
        "顧客の {pct}% が{name}（{m}フェーズ中 {n}番目）に到達",
    ),
    (
        r"of an audience of (?P<a>[\d.]+), the median reach per funnel share of (?P<ids>.+)",
        "母数 {a}（{ids} のファネル比率あたりリーチの中央値）",
    ),
    (r"per 100 customers entering the journey", "ジャーニーに入る顧客 100 人あたり"),
    (r"(?P<a>.+?); (?P<b>.+)", "{a}。{b}"),  # last: the reasons above that hold a `; ` read whole
)
_REASON_PATTERNS = tuple((re.compile(pattern), japanese) for pattern, japanese in _REASONS)
# The tie-breaks of roadmap.TIE_BREAKS that are not input names.
_TIE_BREAKS_JA = {
    "score": "スコア",
    "maintenance_cost (lower first)": "維持コスト（低い順）",
    "set_and_forget (true first)": "仕組み化（ありが先）",
    "map id": "マップID",
    "id": "ID",
}


def _ja(text: str) -> str:
    """A reason of the library in Japanese; a part no pattern reads (a name, a number) stays as it is."""
    for pattern, japanese in _REASON_PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return japanese.format(**{k: _ja(v) for k, v in found.groupdict().items()})
    return _label(text, "ja") if text in _LABELS else text


def _reason(text: str, language: str) -> str:
    return _ja(text) if language == "ja" else text


def _term_name(name: str, language: str) -> str:
    return _label(name, language) if language == "ja" and name in _LABELS else name


def write_explanation(roadmap: Roadmap, item: RankedInitiative, stream: IO[str], *, color: bool = False) -> None:
    """How one initiative's score, quadrant and stage came about, term by term, in the maps' language."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cjm.output.terminal import console_for

    language = roadmap.language
    sep = say("list_sep", language)

    def line(text: str, style: str = "") -> None:
        # Japanese breaks anywhere, as the terminal does; English at spaces.
        console.print(Text(text, style=style), soft_wrap=True)

    def names(terms: tuple[str, ...]) -> str:
        return sep.join(_term_name(name, language) for name in terms)

    console = console_for(stream, color=color)
    head = Text()
    head.append(safe(item.ref), style="bold")
    head.append(f"  {safe(item.title)}")
    console.print(head, soft_wrap=True)
    line(f"{safe(item.source)}:{item.line}", "dim")
    line(say("scored", language, model=_model_line(roadmap, language)))
    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_edge=False, pad_edge=False)
    weighted = roadmap.model.name == "default"
    columns = ("input", "value", "normalised", "weight", "points", "how") if weighted else ("input", "value", "how")
    for column in columns:
        table.add_column(say(column, language), justify="left" if column in ("input", "how") else "right")
    for term in item.terms:
        value = (
            (say("yes" if term.value else "no", language) if isinstance(term.value, bool) else _value(term.value))
            + (say("assumed", language) if term.assumed else "")
            + (say("derived", language) if term.derived else "")
        )
        name = _term_name(term.name, language)
        if weighted:
            table.add_row(
                name,
                value,
                f"{term.normalised:.2f}",
                fmt(term.weight or 0),
                f"{term.points:.2f}",
                _reason(term.note, language),
            )
        else:
            how = term.derived or (term.note if term.name == "cost_of_delay" else "")
            table.add_row(name, value, _reason(how, language) if how else say("written", language))
    console.print(table)
    line(say("score", language, formula=_reason(item.formula, language)), "bold")
    for term in item.terms:
        if weighted and term.derived:
            how = safe(_reason(term.derived, language))
            line(say("term", language, name=_term_name(term.name, language), how=how))
    if item.derived and not weighted:
        line(say("derived_all", language, names=names(item.derived)), "yellow")
    keys = sep.join(_TIE_BREAKS_JA.get(key) or _term_name(key, language) for key in TIE_BREAKS)
    order = say("order", language, keys=keys if language == "ja" else ", ".join(TIE_BREAKS))
    count = len(roadmap.initiatives)
    if item.rank_reason:
        reason = safe(_reason(item.rank_reason, language))
        line(say("rank_why", language, rank=item.rank, count=count, reason=reason))
        line(say("otherwise", language, order=order), "dim")
    else:
        line(say("rank", language, rank=item.rank, count=count, order=order))
    if item.assumed:
        line(say("assumed_all", language, names=names(item.assumed)), "yellow")
    label = quadrant_name(item.quadrant, language)
    line(say("quadrant", language, label=label, reason=_reason(item.quadrant_reason, language)))
    if item.risk:
        risk = risk_name(item.risk, language)
        line(say("risk", language, risk=risk, reason=_reason(item.risk_reason, language)), "bold red")
    stage = say(
        "stage",
        language,
        n=item.stage,
        label=stage_name(item.stage, language),
        reason=safe(_reason(item.stage_reason, language)),
    )
    line(stage)
    if item.depends_on:
        line(say("depends_on", language, ids=sep.join(safe(d) for d in item.depends_on)))
    none = say("none", language)
    phases = sep.join(safe(phase_label(roadmap, item.map_id, p)) for p in item.addresses.phases) or none
    pains = sep.join(safe(p) for p in item.addresses.pain_points) or none
    line(say("addresses", language, phases=phases, pains=pains))


def write_explanation_json(roadmap: Roadmap, item: RankedInitiative, stream: IO[str], *, color: bool = False) -> None:
    stream.write(json_text(initiative_dict(roadmap, item)))


Renderer = Callable[..., None]
FORMATS: dict[str, Renderer] = {
    "table": write_table,
    "json": write_json,
    "csv": write_csv,
    "markdown": write_markdown,
}

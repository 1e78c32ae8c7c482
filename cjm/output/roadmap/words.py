"""What a roadmap's table, Markdown and `--explain` say, in English and Japanese, and the plain values they share
(scores, the compact inputs column, phase labels, the model line and the legend)."""

from __future__ import annotations

from typing import Any

from cjm.core.vocabulary import in_language
from cjm.prioritise.coverage import LowPoint, PainPoint
from cjm.prioritise.roadmap import RankedInitiative, Roadmap
from cjm.prioritise.scoring import fmt

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
SHORT = {
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
    for name, label in SHORT[roadmap.model.name]:
        term = terms.get(name)
        if term is not None:
            mark = "?" if term.assumed else "~" if term.derived else ""
            parts.append(f"{label}{value_text(term.value)}{mark}")
    if roadmap.model.name == "default" and terms["set_and_forget"].value:
        parts.append("SF")
    return " ".join(parts)


def value_text(value: Any) -> str:
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


def share(low: LowPoint, language: str = "en") -> str:
    """` (1 of 2 pain points)` when only some of the phase's pain points are addressed."""
    if low.pain_points_addressed < low.pain_points:
        return say("share", language, done=low.pain_points_addressed, all=low.pain_points)
    return ""


def risky_note(roadmap: Roadmap, low: LowPoint) -> str:
    """`; only initiatives to rethink answer shikin-fuan` when some of the low point's pain points have no sounder
    answer: the stage that "addresses" the low point may answer another of its pain points."""
    ids = roadmap.risky_in_phase(low.map_id, low.phase_id)
    if not ids:
        return ""
    return say("risky_note", roadmap.language, ids=say("list_sep", roadmap.language).join(ids))


def severity_text(pain: PainPoint, language: str = "en") -> str:
    return say("severity", language, n=pain.severity) if pain.severity else ""


def model_line(roadmap: Roadmap, language: str | None = None) -> str:
    model, language = roadmap.model, language or roadmap.language
    formula = FORMULAS_JA[model.name] if language == "ja" else model.description
    if model.name == "default":
        weights = say("list_sep", language).join(
            f"{input_label(k, language)} {fmt(v)}" for k, v in model.weights.items()
        )
        return say("default_model", language, formula=formula, weights=weights)
    return say("preset_model", language, name=model.name.upper(), formula=formula)


FORMULAS_JA = {
    "default": "100 × Σ(重み × 正規化した入力) / Σ重み",
    "rice": "リーチ × インパクト × 確度 / 工数",
    "ice": "インパクト × 確度 × 容易さ",
    "wsjf": "（事業価値 + 時間的緊急性 + リスク低減・機会創出）/ ジョブサイズ",
}
LABELS = {
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


def input_label(name: str, language: str) -> str:
    return in_language(LABELS[name], language)


def legend(roadmap: Roadmap) -> str:
    language = roadmap.language
    sep = say("list_sep", language)
    parts = [f"{short} {input_label(name, language)}" for name, short in SHORT[roadmap.model.name]]
    if roadmap.model.name == "default":
        parts.append(f"SF {input_label('set_and_forget', language)}")
    marks = [say("assumed_mark", language)]
    if any(item.derived for item in roadmap.initiatives):
        marks.append(say("derived_mark", language))
    return sep.join(parts) + ("；" if language == "ja" else "; ") + sep.join(marks)

"""The map in words: a text alternative for every diagram and the report (its title, phases, personas, the emotion
curve and its low points), for screen readers and for anyone who cannot see the colours or the curve."""

from __future__ import annotations

from cjm.core.model import Journey
from cjm.core.vocabulary import in_language
from cjm.render import facts, theme

_WORDS: dict[str, tuple[str, str]] = {
    "map": ("Customer journey map \u201c{title}\u201d.", "カスタマージャーニーマップ「{title}」。"),
    "phases": ("{count} phases: {names}.", "フェーズ{count}つ：{names}。"),
    "personas": ("Personas: {names}.", "ペルソナ：{names}。"),
    "curve": ("Emotion curve{lane}: {steps}.", "感情曲線{lane}：{steps}。"),
    "no_curve": ("No phase has an emotion.", "感情が記入されたフェーズはありません。"),
    "start": ("{score} in {phase}", "{phase}で{score}"),
    "rises": ("rises to {score} in {phase}", "{phase}で{score}に上がる"),
    "falls": ("falls to {score} in {phase}", "{phase}で{score}に下がる"),
    "stays": ("stays at {score} in {phase}", "{phase}も{score}"),
    "lows": ("Low points: {points}.", "低点：{points}。"),
    "no_lows": ("No low point: no phase scores below 0.", "低点なし：0未満のフェーズはありません。"),
    "low": ("{phase} ({lane}{score}{note})", "{phase}（{lane}{score}{note}）"),
    "scale": ("Scores run from \u22122 to +2.", "スコアは\u22122から+2。"),
}


def _word(key: str, language: str) -> str:
    return in_language(_WORDS[key], language)


def describe(journey: Journey) -> str:
    """A few sentences that say what the map view shows."""
    language = journey.language
    separator = "、" if language == "ja" else ", "
    parts = [
        _word("map", language).format(title=" ".join(journey.title.split())),
        _word("phases", language).format(
            count=len(journey.phases), names=separator.join(p.name for p in journey.phases)
        ),
    ]
    if journey.personas:
        names = ("；" if language == "ja" else "; ").join(
            facts.persona_label(p.name, p.role, language) for p in journey.personas
        )
        parts.append(_word("personas", language).format(names=names))
    lane_curves = facts.curves(journey)
    if not lane_curves:
        parts.append(_word("no_curve", language))
    lows = []
    for lane, points in lane_curves:
        steps = []
        for previous, point in zip([None, *points], points, strict=False):
            phase = journey.phases[point.phase_index].name
            score = theme.score_text(point.score)
            key = (
                "start"
                if previous is None
                else "rises"
                if point.score > previous.score
                else "falls"
                if point.score < previous.score
                else "stays"
            )
            steps.append(_word(key, language).format(score=score, phase=phase))
            if point.low:
                note = f": {point.note}" if point.note and language != "ja" else f"、{point.note}" if point.note else ""
                label = (
                    f"{lane.label}, "
                    if len(lane_curves) > 1 and lane.label and language != "ja"
                    else f"{lane.label}、"
                    if len(lane_curves) > 1 and lane.label
                    else ""
                )
                lows.append(
                    (point.score, _word("low", language).format(phase=phase, lane=label, score=score, note=note))
                )
        named = (
            f" ({lane.label})"
            if len(lane_curves) > 1 and language != "ja"
            else f"（{lane.label}）"
            if len(lane_curves) > 1
            else ""
        )
        parts.append(_word("curve", language).format(lane=named, steps=separator.join(steps)))
    if lane_curves:
        parts.append(_word("scale", language))
        lows.sort(key=lambda low: low[0])
        parts.append(
            _word("lows", language).format(points=separator.join(text for _, text in lows))
            if lows
            else _word("no_lows", language)
        )
    return ("" if language == "ja" else " ").join(" ".join(part.split()) for part in parts)

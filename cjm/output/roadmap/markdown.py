"""A roadmap as GitHub-flavoured Markdown: the table by stage and rank, the model, and the coverage. Map text is
escaped so that it cannot break the table."""

from __future__ import annotations

from typing import IO

from cjm.core.text import safe
from cjm.output.roadmap.words import (
    answers_text,
    inputs_text,
    legend,
    model_line,
    phase_label,
    risky_note,
    say,
    score_text,
    severity_text,
    share,
)
from cjm.prioritise.classify import stage_name
from cjm.prioritise.coverage import PainPoint
from cjm.prioritise.roadmap import Roadmap
from cjm.prioritise.scoring import fmt

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
    scored = say("scored", language, model=model_line(roadmap))
    stream.write(f"{scored} {say('inputs', language, legend=legend(roadmap))}\n")
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
                say("addressed_in", language, n=low.stage) + share(low, language) + risky_note(roadmap, low)
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
        severity=severity_text(pain, language),
    )

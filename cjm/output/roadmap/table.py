"""A roadmap as a table for the terminal (rich), with the model, the legend and the coverage below it. Map text is
data: it goes through `safe()` and `rich.text.Text`, never through markup."""

from __future__ import annotations

import os
import shutil
from typing import IO, Any

from cjm.core.text import line_breaks, safe
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
from cjm.output.terminal import console_for
from cjm.prioritise.classify import stage_name
from cjm.prioritise.roadmap import Roadmap
from cjm.prioritise.scoring import fmt

_QUADRANT_STYLE = {"quick_win": "green", "big_bet": "cyan", "fill_in": "yellow", "money_pit": "red"}


NARROW = 110  # below this many columns the table folds the id under the title and leaves out the inputs


def _terminal_width(stream: IO[str]) -> int | None:
    """The columns of the terminal the table goes to, or of `COLUMNS` when set; None: no limit (a file or pipe)."""
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

    language = roadmap.language
    width = _terminal_width(stream)
    console = console_for(stream, color=color, width=width)
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
            ratio=(3 if name == "Initiative" else 1) if wraps else None,
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
    console.print(Text(say("scored", language, model=model_line(roadmap)), style="dim"), soft_wrap=not narrow)
    if not narrow:
        console.print(Text(say("inputs", language, legend=legend(roadmap)), style="dim"), soft_wrap=True)
    _print_coverage(console, roadmap, width)


def _print_coverage(console: Any, roadmap: Roadmap, width: int | None) -> None:
    from rich.text import Text

    language = roadmap.language

    def print_line(line: Any) -> None:
        """rich breaks lines at spaces only, which suits English. A Japanese line breaks between characters, but
        never inside an id or a number; continued lines are indented. Unbroken into a file or a pipe."""
        if language != "ja":
            console.print(line)
            return
        if width:
            pieces = line.divide(line_breaks(line.plain, width, indent=4))
            for piece in pieces:
                piece.rstrip()
            line = Text("\n    ").join(pieces)
        console.print(line, soft_wrap=True)

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
        print_line(line)
    if cover.unaddressed:
        heading = say("unaddressed", language) + say("count", language, n=len(cover.unaddressed)) + colon
        console.print(Text(heading, style="bold"))
        for pain in cover.unaddressed:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, pain.map_id, pain.phase_id)))
            line.append(f"  {safe(pain.text)}{say('gap', language)}")
            line.append(say("paren", language, text=safe(pain.id) + severity_text(pain, language)), style="dim")
            print_line(line)
    else:
        console.print(Text(say("all_addressed", language), style="green"))
    risky = roadmap.answered_only_by_risky()
    if risky:
        console.print(Text(say("only_risky", language) + say("count", language, n=len(risky)) + colon, style="bold"))
        for pain, items in risky:
            line = Text("  ")
            line.append(safe(phase_label(roadmap, pain.map_id, pain.phase_id)))
            line.append(f"  {safe(pain.text)}{say('gap', language)}")
            line.append(say("paren", language, text=safe(pain.id) + severity_text(pain, language)), style="dim")
            line.append(" → ")
            line.append(safe(answers_text(items, language)), style="bold red")
            print_line(line)
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
                line.append(say("addressed_in", language, n=low.stage) + share(low, language), style="green")
                line.append(risky_note(roadmap, low), style="bold red")
            else:
                line.append(say("not_addressed", language), style="bold red")
            print_line(line)

"""What `cjm adapt`, `cjm split` and `cjm merge` write: the adapted map (to a file, to standard output or as a
unified diff) and the report of what changed, as text or JSON; and `cjm adapt --list`, the rules, as text or JSON.

`FORMATS` (the report of a run: an `Adapted`) and `RULE_FORMATS` (a list of rules) are the registries the commands
take their `--format` choices from. `deliver` is the one call a command makes once the library has adapted a map.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from cjm.adapt.rules import PhaseRule, ordered
from cjm.core.errors import CjmError
from cjm.core.text import safe, safe_block
from cjm.io.safe_write import write_text as write_file
from cjm.output.contract import envelope, json_text, problem_json
from cjm.output.findings.text import styled_line
from cjm.output.findings.text import write_problems as write_text_problems
from cjm.output.formats import Format, Registry
from cjm.output.terminal import console_for, log_guard, use_color

if TYPE_CHECKING:
    from cjm.adapt import Outcome
    from cjm.core.problem import Problem
    from cjm.io.files import Snapshot
    from cjm.io.safe_write import Inputs


@dataclass(frozen=True)
class Adapted:
    """One run of adapt, split or merge, once its map is written: the outcome, the command, the map file, where the
    new map went (`written`: a file, or None) and how the user asked for it."""

    outcome: Outcome
    command: str
    map_path: str
    written: str | None = None
    in_place: bool = False
    diff: bool = False
    to_stdout: bool = False
    """The adapted map itself goes to standard output (no -o, --in-place or --diff)."""
    auto: bool = False


FORMATS: Registry[Adapted] = Registry(
    "adapt report",
    Format("text", "What each rule changed, and the entries to review.", "cjm.output.adapt:write_text"),
    Format("json", "One document on standard output, the map or its diff included.", "cjm.output.adapt:write_json"),
)
RULE_FORMATS: Registry[Iterable[PhaseRule]] = Registry(
    "rule list",
    Format("text", "Each rule with what it does and when --auto applies it.", "cjm.output.adapt:write_rules_text"),
    Format("json", "One document listing the rules.", "cjm.output.adapt:write_rules_json"),
)


def deliver(
    outcome: Outcome,
    command: str,
    map_path: str,
    *,
    inputs: Inputs,
    snapshot: Snapshot | None = None,
    output: str | None = None,
    in_place: bool = False,
    diff: bool = False,
    format: str = "text",
    auto: bool = False,
) -> None:
    """Write the adapted map where the user asked (`output`, `in_place` over `map_path`, a `diff`, or standard
    output), never over one of the run's `inputs`, then report what changed in `format`. A refused map
    (`outcome.ok` false) is reported and raised as `CjmError`."""
    if sum((output is not None, in_place, diff)) > 1:
        raise CjmError("choose one of -o FILE, --in-place and --diff")
    if not outcome.ok:
        _refuse(outcome, format, command)
    _name_result(outcome, output, in_place, diff)
    written = None
    if output is not None:
        write_file(output, outcome.text or "", inputs)
        written = output
    elif in_place and outcome.changed:
        write_file(map_path, outcome.text or "", inputs, replaces=snapshot)
        written = map_path
    to_stdout = not (output or in_place or diff)
    adapted = Adapted(outcome, command, map_path, written, in_place, diff, to_stdout, auto)
    if format == "json":
        FORMATS.named("json").write(adapted, sys.stdout)
        return
    if diff:
        write_diff(outcome.diff(), sys.stdout)
    elif to_stdout:
        sys.stdout.write(outcome.text or "")
        sys.stdout.flush()
    stream = sys.stderr if (to_stdout or diff) else sys.stdout
    FORMATS.named(format).write(adapted, stream, color=_color(stream))


def _color(stream: IO[str]) -> bool:
    return use_color(stream)


def _name_result(outcome: Outcome, output: str | None, in_place: bool, diff: bool) -> None:
    """The review notes point into the new text: name it as the user will find it."""
    if output is not None:
        name = output
    elif in_place:
        name = outcome.source
    elif diff:
        name = outcome.diff().splitlines()[1][4:] if outcome.changed else outcome.source
    else:
        name = "<stdout>"
    outcome.review = [dataclasses.replace(p, file=name) for p in outcome.review]


def _refuse(outcome: Outcome, format: str, command: str) -> None:
    """A map that is not valid (or, by a bug, a result that would not be): say why and stop (exit 2)."""
    kind = "is not a valid map" if not outcome.reports else "would not be valid after this change"
    if format == "json":
        document = envelope(
            command, file=outcome.source, ok=False, problems=[problem_json(p) for p in outcome.problems]
        )
        sys.stdout.write(json_text(document))
    else:
        write_problems(outcome.problems, "adapt")
    if outcome.reports:
        raise CjmError(
            f"{outcome.source} {kind}, so nothing was written; this is a bug in the rule or in cjm, "
            "please report it with the map"
        )
    raise CjmError(f"{outcome.source} {kind}; fix the problems above first (cjm validate {outcome.source})")


def write_problems(problems: list[Problem], command: str) -> None:
    """Problems of a map or of rule files, as the text report of `cjm validate` gives them, on standard error."""
    write_text_problems(problems, sys.stderr, color=_color(sys.stderr), command=command)


# --- text -----------------------------------------------------------------------------------------------------


def write_text(adapted: Adapted, stream: IO[str], *, color: bool = False) -> None:
    """What each rule changed or why it changed nothing, the entries to review, and where the map went."""
    from rich.text import Text

    outcome = adapted.outcome
    console = console_for(stream, color=color)
    for notice in outcome.notices:
        console.print(Text(safe(notice)), soft_wrap=True)
    if adapted.auto and not outcome.reports:
        console.print(
            Text(
                "No rule matches this map's business traits; nothing to change. Set them under "
                "`business:` or name rules with --rule (cjm adapt --list)."
            ),
            soft_wrap=True,
        )
    for report in outcome.reports:
        line = Text()
        line.append(f"{report.name}:", style="bold")
        if not report.changed:
            why = f" ({safe('; '.join(report.notes))})" if report.notes else ""
            line.append(f" nothing to change{why}")
            console.print(line, soft_wrap=True)
            continue
        console.print(line, soft_wrap=True)
        for change in report.changes:
            console.print(Text("  " + safe(change)), soft_wrap=True)
        for note in report.notes:
            console.print(Text(f"  skipped: {safe(note)}", style="dim"), soft_wrap=True)
    for problem in outcome.review:
        console.print(styled_line(problem), soft_wrap=True)
    written, map_path = adapted.written, adapted.map_path
    if written:
        message = f"Wrote {written}." if written != map_path else f"Updated {written}."
        console.print(Text(safe(message)), soft_wrap=True)
    elif adapted.in_place:
        console.print(Text(safe(f"{map_path} left as it was.")), soft_wrap=True)


def write_diff(text: str, stream: IO[str]) -> None:
    """A unified diff, coloured on a terminal; map text in it shown safely."""
    from rich.text import Text

    text = text.replace("\r\n", "\n")  # a CRLF map's diff reads the same as any other
    color = _color(stream)
    if not color:
        log_guard(stream).write(safe_block(text))
        return
    console = console_for(stream, color=color)
    styles = {"+": "green", "-": "red", "@": "cyan"}
    for line in text.splitlines():
        style = "bold" if line.startswith(("+++", "---")) else styles.get(line[:1], "")
        console.print(Text(safe(line), style=style), soft_wrap=True)


# --- JSON -----------------------------------------------------------------------------------------------------


def write_json(adapted: Adapted, stream: IO[str], *, color: bool = False) -> None:
    """The report as one document; the adapted map (`map`) when it has no other destination, its `diff` with
    --diff."""
    outcome = adapted.outcome
    document = envelope(
        adapted.command,
        file=outcome.source,
        ok=True,
        changed=outcome.changed,
        written=adapted.written,
        notices=outcome.notices,
        rules=[
            {"name": r.name, "changed": r.changed, "changes": [c.strip() for c in r.changes], "notes": r.notes}
            for r in outcome.reports
        ],
        review=[problem_json(p) for p in outcome.review],
    )
    if adapted.diff:
        document["diff"] = outcome.diff()
    if adapted.to_stdout:
        document["map"] = outcome.text
    stream.write(json_text(document))


# --- the rules (adapt --list) ---------------------------------------------------------------------------------


def write_rules_text(rules: Iterable[PhaseRule], stream: IO[str], *, color: bool = False) -> None:
    """Each rule in the order they run: its name and summary, then when --auto applies it and where it is from."""
    from rich.text import Text

    listed = ordered(rules)
    console = console_for(stream, color=color)
    width = max(len(r.name) for r in listed)
    for r in listed:
        line = Text()
        line.append(r.name.ljust(width), style="bold")
        line.append(f"  {safe(r.summary)}")
        console.print(line, soft_wrap=True)
        where = f"--auto when {r.describe_when()}" + ("" if r.builtin else f"; from {safe(r.source)}")
        console.print(Text(" " * (width + 2) + where, style="dim"), soft_wrap=True)


def write_rules_json(rules: Iterable[PhaseRule], stream: IO[str], *, color: bool = False) -> None:
    document = [
        {
            "name": r.name,
            "summary": r.summary,
            "when": {k: list(v) for k, v in r.when.items()},
            "order": r.order,
            "source": r.source,
        }
        for r in ordered(rules)
    ]
    stream.write(json_text(envelope("adapt --list", rules=document)))

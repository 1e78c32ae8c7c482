"""`cjm rules`: the lint rules as a table by family, one rule's documentation, or JSON (`RULE_LIST_FORMATS`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from cjm.core.errors import CjmError
from cjm.lint.docs import rule_json, rule_markdown
from cjm.lint.rule_settings import lookup, resolve_all
from cjm.lint.rules import RULES
from cjm.output.contract import envelope, json_text
from cjm.output.findings.text import write_lines
from cjm.output.formats import Format, Registry
from cjm.output.terminal import console_for

if TYPE_CHECKING:
    from cjm.lint.base import Rule


@dataclass(frozen=True)
class RuleListing:
    """The rules `cjm rules` shows: one rule asked for by code or name (`single`), or those a selector names."""

    rules: list[Rule]
    single: bool = False


RULE_LIST_FORMATS: Registry[RuleListing] = Registry(
    "rule list",
    Format("text", "a table by family, or one rule's documentation", "cjm.output.rules:write_text"),
    Format("json", "each rule's code, name, family, severity, options and link", "cjm.output.rules:write_json"),
)


def listing(selector: str | None) -> RuleListing:
    """The rules `selector` names: a code or name (one rule), a prefix or family (those), or None (all)."""
    single = lookup(selector) if selector is not None else None
    if single:
        return RuleListing([single], single=True)
    return RuleListing([RULES[c] for c in sorted(resolve_all([selector or "ALL"], CjmError))])


def write_json(listing: RuleListing, stream: IO[str], *, color: bool) -> None:
    stream.write(json_text(envelope("rules", rules=[rule_json(r) for r in listing.rules])))


def write_text(listing: RuleListing, stream: IO[str], *, color: bool) -> None:
    if listing.single:
        _write_markdown(listing.rules[0], stream, color=color)
    else:
        _write_table(listing.rules, stream, color=color)


def _write_markdown(rule: Rule, stream: IO[str], *, color: bool) -> None:
    text = rule_markdown(rule, level=1).split("\n", 2)[2]
    if not color:
        stream.write(text)
        return
    from rich.markdown import Markdown

    console_for(stream, color=True).print(Markdown(text))


_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _write_table(chosen: list[Rule], stream: IO[str], *, color: bool) -> None:
    width = max(len(r.name) for r in chosen)
    rows: list[tuple[str, str, str]] = []  # (family heading or "", code, the rest of the line)
    family = None
    for r in chosen:
        heading = ""
        if r.family != family:
            family = r.family
            heading = f"{'' if r is chosen[0] else chr(10)}{family}"
        rest = f" {r.name:<{width}} {r.severity.value:<7} {'fix' if r.fix else '   '} {r.doc.summary}"
        rows.append((heading, r.code, rest))
    closing = f"\n{len(chosen)} rules. Show one with `cjm rules CODE`; docs/rules.md has them all."
    if not color:
        lines = [line for heading, code, rest in rows for line in ([heading] if heading else []) + [f"  {code}{rest}"]]
        write_lines([*lines, closing], stream)
        return
    from rich.text import Text

    console = console_for(stream, color=color)
    by_code = {r.code: r for r in chosen}
    for heading, code, rest in rows:
        if heading:
            console.print(Text(heading, style="bold"), soft_wrap=True)
        line = Text("  ")
        line.append(code, style=_STYLES[by_code[code].severity.value])
        line.append(rest)
        console.print(line, soft_wrap=True)
    console.print(closing, soft_wrap=True)

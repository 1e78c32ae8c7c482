"""The `cjm diff` Markdown report: a pull-request comment, one section per map, long groups folded into
`<details>`, and the whole under GitHub's size limit."""

from __future__ import annotations

import re
from typing import IO

from cjm.diff.changes import MapDiff
from cjm.diff.sources import Comparison
from cjm.output.diff.sentences import SECTIONS, Line, by_target, sentence, summary, title

_MD_MARKS = {
    "added": "➕",
    "removed": "➖",
    "changed": "✏️",
    "renamed": "✏️",
    "moved": "↪️",
    "split": "✂️",
    "merged": "🔗",
    "reordered": "↕️",
}
# Markdown sections longer than this fold into <details>, so a pull-request comment stays readable.
FOLD_AFTER = 25
# GitHub refuses a comment over 65,536 characters; the document stops short of it, with room for its last note.
MAX_MARKDOWN = 60_000


# Enough to keep map text from becoming markup mid-line: emphasis, code, links and images (`[`), tables,
# strikethrough. Line-start markup cannot arise, since every line starts with cjm's own text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md_text(text: str) -> str:
    """Map text made inert in GitHub Markdown: no markup, no HTML, no @mentions or #references, one line."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A zero-width joiner stops GitHub from notifying people and linking issues named in a map.
    return re.sub(r"([@＠])(?=\w)", "\\1&#8203;", re.sub(r"(#)(?=\d)", "\\1&#8203;", text))


def _md_segments(line: Line) -> str:
    out = []
    for text, role in line:
        if role == "name":
            out.append(f"**{md_text(text)}**")
        elif role == "id":
            out.append(f"`{text}`" if re.fullmatch(r"[A-Za-z0-9_.-]+", text) else md_text(text))
        else:
            out.append(md_text(text))
    return "".join(out)


def markdown_document(
    results: list[MapDiff], *, heading: str = "Journey map changes", limit: int = MAX_MARKDOWN
) -> str:
    """A pull-request comment: one section per map, changes grouped by what changed, long groups folded, and the
    whole under `limit` characters (what does not fit is counted in a last note)."""
    out = [f"## {md_text(heading)}", ""]
    changed = [r for r in results if r.changed]
    if not changed:
        out.append(
            "No changes to journey maps."
            if not results
            else f"No changes to journey maps ({len(results)} map{'s' if len(results) != 1 else ''} compared)."
        )
        return "\n".join(out) + "\n"
    size = sum(len(line) + 1 for line in out)
    left_out = 0

    def fits(lines: list[str]) -> bool:
        nonlocal size
        extra = sum(len(line) + 1 for line in lines)
        if size + extra > limit - 500:  # room for closing a fold and the last notes
            return False
        size += extra
        out.extend(lines)
        return True

    for result in changed:
        if left_out or not fits([f"### {md_text(title(result))}", "", f"**{md_text(summary(result))}**", ""]):
            left_out += len(result.changes)
            continue
        for target, changes in by_target(result.changes):
            bullets = [f"- {_MD_MARKS[c.action]} {_md_segments(sentence(c, result))}" for c in changes]
            folded = len(bullets) > FOLD_AFTER
            head = (
                [f"<details><summary>{SECTIONS[target]} ({len(bullets)})</summary>", ""]
                if folded
                else [f"#### {SECTIONS[target]}", ""]
            )
            if left_out or not fits(head):
                left_out += len(bullets)
                continue
            shown = next((i for i, bullet in enumerate(bullets) if not fits([bullet])), len(bullets))
            left_out += len(bullets) - shown
            out.extend(["", "</details>", ""] if folded else [""])
        if not left_out:
            out += [f"> {md_text(note)}" for note in result.notes]
    if left_out:
        out.append(
            f"_… and {left_out:,} more change{'s' if left_out != 1 else ''} not shown: a comment is limited "
            "in size. Run `cjm diff` to see them all._"
        )
    unchanged = len(results) - len(changed)
    if unchanged:
        out.append(f"_{unchanged} more map{'s' if unchanged != 1 else ''} compared without changes._")
    return "\n".join(out).rstrip() + "\n"


def write_markdown(comparison: Comparison, stream: IO[str], *, color: bool = False) -> None:
    stream.write(markdown_document(comparison.results))

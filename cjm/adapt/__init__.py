"""Adapting a map's phases to the business — `cjm adapt`, `cjm split` and `cjm merge` as a library.

Each function takes the text of a map and returns an `Outcome`: the new text, what changed and why, and the
entries that were placed by default and need a person's review. A map that is not valid is refused with its
problems; the new text is validated before it is returned, so a result is always a valid map. Edits are
round-trip (`cjm.core.edit`) through the model's editing view (`cjm.core.model.EditableMap`): comments, key
order and quoting survive.

The parts, in the order a rule meets them: `rules` (PhaseRule files, loaded and checked), `plan` (which rules,
in which order), `steps` (a rule applied step by step) and the steps themselves — `split` (with `placement`,
where each entry goes), `merge`, and `add` (a phase with its `starters`, or a persona) — all editing through
`editor.MapEditor`.

    >>> from cjm.adapt import adapt_text
    >>> from cjm.adapt.rules import builtin_rules
    >>> outcome = adapt_text(open("map.yaml").read(), "map.yaml", [builtin_rules()["gift"]])  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.adapt.editor import Flagged, MapEditor, Report, WouldChange
from cjm.adapt.merge import merge_phases
from cjm.adapt.placement import NewPhase
from cjm.adapt.plan import plan, trait_mismatch
from cjm.adapt.rules import PhaseRule
from cjm.adapt.split import split_phase
from cjm.adapt.steps import apply_rule
from cjm.core.codes import NEEDS_REVIEW
from cjm.core.document import json_path
from cjm.core.edit import dump_roundtrip, load_roundtrip
from cjm.core.errors import CjmError
from cjm.core.model import NOUNS, Journey
from cjm.core.problem import Problem, Severity
from cjm.core.traits import business_traits
from cjm.core.vocabulary import kind_for_id, kind_name
from cjm.validation.check import FIRST_PROBLEMS, check_text
from cjm.validation.schema import vocabulary

__all__ = ["NEEDS_REVIEW", "Outcome", "Report", "adapt_text", "merge_text", "split_text"]


@dataclass
class Outcome:
    """The result of adapting one map. `text` is None when the map was refused (see `problems`)."""

    source: str
    original: str
    text: str | None = None
    reports: list[Report] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    review: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # said once, before what each rule did

    @property
    def ok(self) -> bool:
        return self.text is not None

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.original

    def diff(self) -> str:
        """A unified diff from the original text to the new one (empty when nothing changed)."""
        if not self.changed:
            return ""
        relative = not self.source.startswith(("/", "<"))  # `a/` and `b/` as git writes them, for `git apply`
        before, after = (f"a/{self.source}", f"b/{self.source}") if relative else (self.source, self.source)
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            (self.text or "").splitlines(keepends=True),
            fromfile=before,
            tofile=after,
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def adapt_text(raw: bytes | str, source: str, rules: Sequence[PhaseRule], *, auto: bool = False) -> Outcome:
    """Apply `rules` as one plan: in the order their phase kinds call for (`cjm.adapt.plan`), whatever order
    they are given in. With `auto`, only the rules the map's business traits call for, stated or inferred
    (`cjm.core.traits`); otherwise a rule the traits do not call for is applied with a notice saying so."""
    notices: list[str] = []

    def work(ed: MapEditor, journey: Journey) -> list[Report]:
        traits, inferred = business_traits(journey)
        chosen = []
        mismatched = []
        for rule in rules:
            if auto:
                if rule.matches(traits):
                    chosen.append(rule)
                continue
            if why := trait_mismatch(rule, traits):
                mismatched.append(f"{rule.name}: {why}; applied because it was named")
            chosen.append(rule)
        used = {trait for rule in chosen for trait in rule.when}
        notices[:] = [str(i) for i in inferred if i.trait in used] + mismatched
        return [apply_rule(ed, rule) for rule in plan(chosen)]

    outcome = _edit(raw, source, work, trial=True)
    outcome.notices = notices
    return outcome


def split_text(
    raw: bytes | str,
    source: str,
    phase_id: str,
    into: Sequence[str],
    *,
    default: str | None = None,
    names: Mapping[str, str] | None = None,
    lanes: Mapping[str, str] | None = None,
) -> Outcome:
    """Split phase `phase_id` into new phases with the ids `into`. Entries go by their `phase_hint`, then by
    `lanes` (persona id or role -> new phase id), else to `default` (the first new phase) with `review: true`."""
    names, lanes = dict(names or {}), dict(lanes or {})

    def work(ed: MapEditor, journey: Journey) -> list[Report]:
        report = Report("split")
        old = journey.phase(phase_id)
        if old is None:
            if all(journey.phase(i) for i in into):
                report.notes.append(f"phase '{phase_id}' is gone and {', '.join(into)} exist: already split")
                return [report]
            known = ", ".join(p.id for p in journey.phases)
            raise CjmError(f"{source}: no phase '{phase_id}'; the phases are: {known}")
        _check_new_ids(ed, into, reusable=[phase_id], what="--into")
        chosen = default or into[0]
        for label, wanted in (("--default", [chosen]), ("--name", list(names)), ("--lane", list(lanes.values()))):
            for target in wanted:
                if target not in into:
                    raise CjmError(f"{label} names '{target}', which is not one of --into ({', '.join(into)})")
        targets = []
        for target_id in into:
            kind = old.kind if target_id == phase_id else _kind_for(target_id, old.kind)
            name = names.get(target_id) or (
                old.name if target_id == phase_id else _split_name(target_id, ed.language, old.name)
            )
            personas = frozenset(p for p, t in lanes.items() if t == target_id)
            targets.append(NewPhase(target_id, kind, name, personas=personas))
        report.changes = split_phase(ed, old.index, targets, chosen)
        return [report]

    return _edit(raw, source, work)


def merge_text(
    raw: bytes | str,
    source: str,
    phase_ids: Sequence[str],
    into: str,
    *,
    name: str | None = None,
    kind: str | None = None,
) -> Outcome:
    """Merge the phases `phase_ids` into one with the id `into`, at the place of the first of them."""

    def work(ed: MapEditor, journey: Journey) -> list[Report]:
        report = Report("merge")
        missing = [p for p in phase_ids if journey.phase(p) is None]
        if missing and set(missing) == set(phase_ids) - {into} and journey.phase(into):
            report.notes.append(
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} gone and '{into}' exists: already merged"
            )
            return [report]
        if missing:
            raise CjmError(
                f"{source}: no phase '{missing[0]}'; the phases are: {', '.join(p.id for p in journey.phases)}"
            )
        if len(set(phase_ids)) < 2:
            raise CjmError("merge needs at least two different phases")
        _check_new_ids(ed, [into], reusable=list(phase_ids), what="--into")
        if kind is not None and kind not in vocabulary("phase_kind"):
            raise CjmError(f"unknown phase kind '{kind}'; see `cjm schema` for the kinds (phase_kind)")
        sources = [p for p in map(journey.phase, phase_ids) if p is not None]
        same = next((p for p in sources if p.id == into), None)
        first = min(sources, key=lambda p: p.index)
        chosen_kind = kind or (same.kind if same else _kind_for(into, first.kind))
        joiner = "・" if ed.language == "ja" else " & "
        joined = joiner.join(p.name for p in sorted(sources, key=lambda p: p.index))
        chosen_name = name or (same.name if same else _standard_name(into, ed.language) or joined)
        indices = [p.index for p in sources]
        report.changes = merge_phases(ed, indices, NewPhase(into, chosen_kind, chosen_name))
        return [report]

    return _edit(raw, source, work)


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _check_new_ids(ed: MapEditor, ids: Sequence[str], *, reusable: Sequence[str], what: str) -> None:
    if len(set(ids)) != len(ids):
        raise CjmError(f"{what} lists the same id twice")
    used = ed.used_ids()
    for new_id in ids:
        if not _ID.match(new_id) or len(new_id) > 80:
            raise CjmError(f"{what}: '{new_id}' is not a valid id; use ASCII letters, digits, '-', '_' or '.'")
        if new_id in used and new_id not in reusable:
            raise CjmError(f"{what}: id '{new_id}' is already used by a {used[new_id]}; choose another")


def _kind_for(phase_id: str, fallback: str) -> str:
    return kind_for_id(phase_id) or fallback


def _standard_name(phase_id: str, language: str) -> str | None:
    """The usual name of a standard phase id (`final-confirmation`) in the map's language."""
    standard = kind_for_id(phase_id)
    return kind_name(standard, language) if standard else None


def _split_name(phase_id: str, language: str, old_name: str) -> str:
    """A name for a new phase nobody named: the usual one, else the id in words (English) or the old name
    with the id (other languages), for the consultant to rename."""
    if standard := _standard_name(phase_id, language):
        return standard
    if language == "en":
        return re.sub(r"[-_.]+", " ", phase_id).strip().capitalize()
    return f"{old_name}（{phase_id}）" if language == "ja" else f"{old_name} ({phase_id})"


def _edit(
    raw: bytes | str, source: str, work: Callable[[MapEditor, Journey], list[Report]], *, trial: bool = False
) -> Outcome:
    """Validate the map, edit its round-trip data with `work`, and validate the text that comes of it. Each call
    reads the map afresh: nothing is kept from one call to the next.

    With `trial`, `work` is first tried on the validated data (`MapEditor`'s trial run), and a run that would
    change nothing, as `--auto` often is, ends there: without ruamel.yaml's round trip, which is needed only to
    write and costs many times the rest."""
    before = check_text(raw, source, first=FIRST_PROBLEMS)
    if before.journey is None or before.document is None:
        return Outcome(source, before.document.text if before.document else "", problems=before.problems)
    document, journey = before.document, before.journey
    original = document.text
    if trial:
        try:
            unchanged = work(MapEditor(document.data, journey.language, trial=True), journey)
        except WouldChange:
            pass
        else:
            return Outcome(source, original, original, unchanged)
    data = load_roundtrip(original)
    if (where := _first_difference(document.data, data)) is not None:
        line, col = document.locate(where)
        raise CjmError(
            f"{source}:{line}:{col}: cjm's YAML readers disagree about this value, so the map cannot be "
            "edited safely; quote it (or write it out plainly) and try again"
        )
    editor = MapEditor(data, journey.language)
    reports = work(editor, journey)
    if not any(report.changed for report in reports):
        return Outcome(source, original, original, reports)
    del before, document, journey  # the model of the map as it was: not needed to write it, and as big as the map
    text = dump_roundtrip(editor.data)
    editor.data = data = None  # the round-trip data, several times the size of the text, before validating that
    after = check_text(text, source)
    if after.journey is None:
        return Outcome(source, original, reports=reports, problems=after.problems)
    return Outcome(source, original, text, reports, review=_review(after.journey, editor.flagged))


def _first_difference(loaded: Any, roundtrip: Any, path: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """Where the round-trip reading of the text differs in shape or text from the validated one (None: nowhere).

    Scalars that only resolve to different types (`0123` is text to cjm and a number to ruamel.yaml) are
    fine: an untouched scalar is written back exactly as it was.
    """
    if isinstance(loaded, dict):
        if not isinstance(roundtrip, dict) or list(loaded) != [str(k) for k in roundtrip]:
            return path
        for key, value in loaded.items():
            if (found := _first_difference(value, roundtrip[key], (*path, key))) is not None:
                return found
        return None
    if isinstance(loaded, list):
        if not isinstance(roundtrip, list) or len(loaded) != len(roundtrip):
            return path
        for index, value in enumerate(loaded):
            if (found := _first_difference(value, roundtrip[index], (*path, index))) is not None:
                return found
        return None
    if isinstance(loaded, str) and isinstance(roundtrip, str) and loaded != roundtrip:
        return path
    return None


def _review(journey: Journey, flagged: list[Flagged]) -> list[Problem]:
    """Locate the entries placed by default, in the new text."""
    wanted = {(f.phase, f.list_name, f.text): f for f in flagged}
    problems = []
    for phase, item in journey.items():
        key = (phase.id, item.list_name, item.text)
        if key in wanted and item.get("review"):
            flag = wanted[key]
            line, col = journey.document.locate(item.path)
            problems.append(
                Problem(
                    journey.source,
                    line,
                    col,
                    NEEDS_REVIEW,
                    f"{NOUNS[item.list_name]} '{item.text}' from '{flag.source_phase}' matched no "
                    "phase, so it went to "
                    f"the default '{phase.id}'; move it if it belongs elsewhere, then delete "
                    "`review: true`",
                    severity=Severity.INFO,
                    path=json_path(item.path),
                )
            )
    return problems

"""The published JSON Schema, and its errors turned into one-line problems in the user's terms."""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator
from dataclasses import replace
from importlib import resources
from typing import Any

from cjm.core.codes import SCHEMA_CODE
from cjm.core.document import Document, KeyPath
from cjm.core.model import NOUNS
from cjm.core.problem import MAX_REPEATS, Problem
from cjm.validation.suggest import Suggestions

# The caches of this module hold what is computed from the schema shipped in the package, a constant: its text
# (immutable), the validators compiled from it (used, never changed) and its vocabularies (tuples).


@functools.cache
def schema_text() -> str:
    return resources.files("cjm.schemas").joinpath("journey.schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The schema as data, a fresh copy for each caller (who may change it)."""
    return json.loads(schema_text())


@functools.cache
def _is_valid() -> Any:
    """The compiled yes/no check (see cjm.validation.fast_schema), or None when the schema uses a keyword it
    cannot compile."""
    from cjm.validation.fast_schema import Unsupported, compile_schema

    try:
        return compile_schema(schema())
    except Unsupported:
        return None


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator
    from jsonschema.validators import extend

    checking_keys = extend(Draft202012Validator, {"additionalProperties": _no_other_keys})
    return checking_keys(schema())


def _no_other_keys(validator: Any, allowed: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """jsonschema's `additionalProperties: false`, reporting the same errors without the message that lists every
    key (`_unknown_keys` explains them) and with the key patterns compiled once: for a mapping of 200,000 keys
    that message and a pattern search per key took most of the time the check took."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

    if allowed is not False or not validator.is_type(instance, "object"):
        yield from Draft202012Validator.VALIDATORS["additionalProperties"](validator, allowed, instance, schema)
        return
    properties = schema.get("properties", {})
    patterns = "|".join(schema.get("patternProperties", {}))
    matches = re.compile(patterns).search if patterns else None
    if any(key not in properties and not (matches and matches(key)) for key in instance):
        yield ValidationError("additional properties are not allowed")


@functools.cache
def vocabulary(name: str) -> tuple[str, ...]:
    """The allowed values of an enumerated definition (`channel`, `phase_kind`, `metric`)."""
    return tuple(schema()["$defs"][name]["enum"])


def check_schema(doc: Document, first: int | None = None) -> list[Problem]:
    """Validate a loaded document against the schema; one problem per error, at the offending key or value.
    With `first`, only that many problems are explained (for a caller that needs to know only why a map is
    not valid: explaining 200,000 unknown keys takes far longer than finding them)."""
    is_valid = _is_valid()
    if is_valid is not None and is_valid(doc.data):
        return []  # the common case, without building jsonschema's validator (slow to import and to run)
    return explain_schema_errors(doc, _validator(), first, counted=True)


def explain_schema_errors(
    doc: Document, validator: Any, first: int | None = None, *, counted: bool = False
) -> list[Problem]:
    """Validate a loaded document with any JSON Schema validator (a phase rule's, say) and explain each error
    the way map errors are explained (only the `first` ones, when given).

    `counted`: for a caller that caps repeated problems (`cap_repeats`), the unknown keys of one mapping past
    the first that a report can show are counted, not explained: one problem stands for them (its `omitted`),
    unless a key's name is met often enough in the map to be reported as one problem for all its places."""
    suggestions = Suggestions()
    often = _OftenMetKeys(doc.data) if counted else None
    explained = (
        problem for error in validator.iter_errors(doc.data) for problem in _explain(doc, error, suggestions, often)
    )
    return _grouped(list(itertools.islice(explained, first)))


class _OftenMetKeys:
    """The keys met at least as often as `_grouped` needs to make one problem of them, anywhere in the data;
    found when first asked (only a mapping with more unknown keys than a report shows asks)."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.keys: set[str] | None = None

    def __contains__(self, key: object) -> bool:
        if self.keys is None:
            counts: Counter[str] = Counter()
            stack = [self.data]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    counts.update(node.keys())
                    stack.extend(node.values())
                elif isinstance(node, list):
                    stack.extend(node)
            self.keys = {key for key, count in counts.items() if count >= _GROUPED_FROM}
        return key in self.keys


# An unknown key met again and again (one wrong key on every phase) is one problem, not a list of them.
_UNKNOWN = "unknown key `"
_SHOWN_LINES = 8


_GROUPED_FROM = 3


def _grouped(problems: list[Problem]) -> list[Problem]:
    repeats: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for index, problem in enumerate(problems):
        message = problem.message
        if message.startswith(_UNKNOWN) and not problem.omitted:
            end = message.index("`", len(_UNKNOWN)) + 1
            cut = message.find("; ", end)
            repeats.setdefault((message[:end], message[cut:]), []).append((index, message[end:cut]))
    dropped: set[int] = set()
    out = list(problems)
    for (head, rest), found in repeats.items():
        if len(found) < _GROUPED_FROM:
            continue
        (first, where), others = found[0], [problems[i] for i, _ in found[1:]]
        lines = ", ".join(str(p.line) for p in others[:_SHOWN_LINES]) + (", …" if len(others) > _SHOWN_LINES else "")
        message = f"{head}{where}, and in {len(others)} more places (lines {lines}){rest}"
        out[first] = replace(problems[first], message=message)
        dropped.update(i for i, _ in found[1:])
    return [p for i, p in enumerate(out) if i not in dropped] if dropped else out


def _normal(word: str) -> str:
    return word.lower().replace("-", "_").replace(" ", "_")


# What people write for a key, by meaning, and the key the format has for it (per entry, by its schema title).
_KEY_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Customer journey map": {
        **dict.fromkeys(["version", "format", "cjm_version", "schema_version"], ("cjm",)),
        **dict.fromkeys(["name", "map"], ("title",)),
        **dict.fromkeys(["traits", "profile"], ("business",)),
        **dict.fromkeys(["stages", "steps", "journey"], ("phases",)),
        **dict.fromkeys(["actions_plan", "measures", "roadmap", "ideas"], ("initiatives",)),
    },
    "Initiative": {
        **dict.fromkeys(
            ["addresses", "solves", "answers", "fixes", "pains", "pain_point", "issues"],
            ("pain_points", "opportunities"),
        ),
        **dict.fromkeys(
            [
                "automatable",
                "automated",
                "automatic",
                "evergreen",
                "set_forget",
                "setandforget",
                "one_time_setup",
                "low_touch",
            ],
            ("set_and_forget",),
        ),
        **dict.fromkeys(["dependencies", "requires", "after", "blocked_by", "prerequisites"], ("depends_on",)),
        **dict.fromkeys(["phase", "where"], ("phases",)),
        **dict.fromkeys(["name"], ("title",)),
        **dict.fromkeys(["value", "benefit", "effect"], ("impact",)),
        **dict.fromkeys(["ease", "difficulty", "cost"], ("feasibility",)),
        **dict.fromkeys(["priority", "deadline", "timing"], ("urgency",)),
        **dict.fromkeys(["upkeep", "maintenance", "running_cost", "ongoing_cost"], ("maintenance_cost",)),
        **dict.fromkeys(["certainty", "confident"], ("confidence",)),
    },
    "Phase": {
        **dict.fromkeys(["pains", "issues", "problems", "frictions", "pain"], ("pain_points",)),
        **dict.fromkeys(["ideas", "improvements", "chances"], ("opportunities",)),
        **dict.fromkeys(["feelings", "feeling", "emotions", "mood", "sentiment"], ("emotion",)),
        **dict.fromkeys(["channels", "touch_points", "contact_points"], ("touchpoints",)),
        **dict.fromkeys(["metrics", "kpi", "measures"], ("kpis",)),
        **dict.fromkeys(["doing", "steps", "tasks", "behaviour", "behavior"], ("actions",)),
        **dict.fromkeys(["thinking", "questions", "quotes", "thought"], ("thoughts",)),
        **dict.fromkeys(["type", "stage", "category"], ("kind",)),
        **dict.fromkeys(["title", "label"], ("name",)),
    },
    "Persona": {
        **dict.fromkeys(["frustrations", "pain_points", "worries", "problems"], ("pains",)),
        **dict.fromkeys(["needs", "objectives", "wants", "motivations"], ("goals",)),
        **dict.fromkeys(["channels", "media", "sources", "info_sources"], ("information_sources",)),
        **dict.fromkeys(["habits", "behavior", "purchase_behaviour"], ("behaviour",)),
        **dict.fromkeys(["age", "gender", "location", "occupation", "income", "profile"], ("demographics",)),
        **dict.fromkeys(["type"], ("role",)),
    },
    "Pain point": {
        **dict.fromkeys(["description", "pain", "issue", "name"], ("text",)),
        **dict.fromkeys(["impact", "priority", "weight"], ("severity",)),
    },
    "Opportunity": {
        **dict.fromkeys(["pain_points", "solves", "answers", "fixes", "address"], ("addresses",)),
        **dict.fromkeys(["description", "idea", "name"], ("text",)),
    },
    "KPI": {
        **dict.fromkeys(["value", "goal", "objective"], ("target",)),
        **dict.fromkeys(["type", "standard", "measure"], ("metric",)),
    },
    "Emotion": {
        **dict.fromkeys(["value", "level", "rating"], ("score",)),
        **dict.fromkeys(["reason", "why", "comment"], ("note",)),
    },
    "Touchpoint": {
        **dict.fromkeys(["medium", "media", "type"], ("channel",)),
        **dict.fromkeys(["text", "title"], ("name",)),
    },
    "Message": {
        **dict.fromkeys(["when", "timing", "trigger_event"], ("trigger",)),
        **dict.fromkeys(["kind", "category"], ("type",)),
        **dict.fromkeys(["steps", "count"], ("sequence",)),
    },
}

# What to write when a required key is missing.
_REQUIRED_HINTS = {
    "cjm": "write `cjm: 1` (the format version) as the first line",
    "id": "add `id:` with a short kebab-case id (for example `id: size-anxiety`)",
    "title": "add `title:` with what people call it",
    "phases": "add `phases:` with the phases in time order (run `cjm init` for a starter map)",
    "kind": "add `kind:` (awareness, interest, consideration, purchase, retention, ... or custom)",
}


def _explain(
    doc: Document, error: Any, suggestions: Suggestions, often: Container[str] | None = None
) -> Iterable[Problem]:
    if error.validator == "oneOf" and error.context:
        return _explain_choice(doc, error, suggestions, often)
    path: KeyPath = tuple(error.absolute_path)
    where = _owner(doc.data, path)
    validator, value, instance = error.validator, error.validator_value, error.instance
    label = _label(path)

    if validator == "additionalProperties":
        return _unknown_keys(doc, error, path, suggestions, often)
    if validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        key = missing[0] if missing else str(value)
        write = _REQUIRED_HINTS.get(key, "")
        message = f"{label} is missing required key `{key}`{where}{'; ' + write if write else ''}"
        return [doc.problem(path, SCHEMA_CODE, message, key=True)]
    if validator == "enum":
        choices = [str(v) for v in value]
        close = [c for c in [suggestions.closest(instance, choices)] if c] if isinstance(instance, str) else []
        alias = _ALIASES.get(str(instance).lower().replace(" ", "").replace("-", ""), "")
        if alias in choices:
            close = [alias]
        if close and len(choices) > 8:
            known = str(error.schema.get("title", "value")).lower()
            message = f"{label} {_show(instance)} is not a known {known}{where}; did you mean `{close[0]}`?"
        else:
            hint = f"; did you mean `{close[0]}`?" if close else ""
            if path and path[-1] == "cycle" and _scale_word(instance) == 3:
                hint = "; leave `cycle:` out for a cycle that is neither short nor long"
            message = f"{label} {_show(instance)} is not one of: {', '.join(choices)}{where}{hint}"
    elif validator == "const":
        message = f"{label} must be {_show(value)}, not {_show(instance)}{where}"
    elif validator == "type":
        expected = value if isinstance(value, list) else [value]
        wanted = " or ".join(_TYPE_WORDS.get(t, str(t)) for t in expected)
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        if low is not None and high is not None:
            wanted += f" from {_num(low)} to {_num(high)}"
        message = f"{label} must be {wanted}, not {_describe(instance)}{where}"
        if (low, high) == (1, 5) and (score := _scale_word(instance)):
            message += f"; write {score} for {_show(instance)}"
    elif validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        if low is not None and high is not None:
            message = f"{label} {_show(instance)} is outside {_num(low)}..{_num(high)}{where}"
        elif validator == "exclusiveMinimum":
            message = f"{label} {_show(instance)} must be more than {_num(value)}{where}"
        else:
            word = "at least" if validator == "minimum" else "at most"
            message = f"{label} {_show(instance)} must be {word} {_num(value)}{where}"
    elif validator == "minLength":
        message = f"{label} must not be empty{where}"
    elif validator == "maxLength":
        message = f"{label} is longer than {value} characters{where}"
    elif validator == "minItems":
        message = f"{label} needs at least {value} entr{'y' if value == 1 else 'ies'}{where}"
    elif validator == "uniqueItems":
        message = f"{label} lists the same value twice{where}"
    elif validator == "pattern" and path and path[-1] in _ID_KEYS | _REF_KEYS or _is_ref_list(path):
        suggestion = slugify(str(instance))
        message = (
            f"{label} {_show(instance)} is not a valid id{where}: use ASCII letters, digits, '-', '_' or '.', "
            f"starting with a letter or digit" + (f" (for example `{suggestion}`)" if suggestion else "")
        )
    elif validator == "pattern" and path and path[-1] == "updated":
        message = f"{label} {_show(instance)} must be a date written YYYY-MM-DD{where}"
    else:
        message = f"{label}: {_clip(error.message)}{where}"
    if surprise := doc.surprise_at(path):
        message = f"{message} — {surprise}"
    return [doc.problem(path, SCHEMA_CODE, message)]


# What people write for a channel, and the channel it is.
_ALIASES = {
    **dict.fromkeys(["instagram", "tiktok", "twitter", "x", "facebook", "youtube", "pinterest", "social"], "sns"),
    **dict.fromkeys(["google", "yahoo", "bing", "seo", "searchengine"], "search"),
    **dict.fromkeys(["mail", "newsletter", "mailmagazine", "メルマガ"], "email"),
    **dict.fromkeys(["website", "web", "site", "ec", "onlineshop", "shop"], "ec_site"),
    **dict.fromkeys(["phone", "callcenter", "callcentre", "telephone"], "call_centre"),
    **dict.fromkeys(["amazon", "rakuten", "楽天"], "marketplace"),
    **dict.fromkeys(["directmail", "postal", "flyer"], "dm"),
    **dict.fromkeys(["insert", "packageinsert", "同梱物"], "package_insert"),
    **dict.fromkeys(["shop_floor", "retail", "店舗"], "store"),
    # business traits
    **dict.fromkeys(
        ["both", "onlineandoffline", "offlineandonline", "hybrid", "omni", "multichannel", "o2o", "両方"], "omnichannel"
    ),
    **dict.fromkeys(["once", "onetime", "single", "oneoff", "durable"], "one_off"),
    **dict.fromkeys(
        ["recurring", "consumable", "consumables", "repeat_purchase", "repeatpurchase", "replenishment"], "repeat"
    ),
    **dict.fromkeys(["subscribe", "subscriptions", "membership", "定期購入", "サブスク"], "subscription"),
}
# What people write on a 1-to-5 scale (severity, impact, feasibility, urgency) instead of its number.
_SCALE_WORDS = {
    **dict.fromkeys(["verylow", "minimal", "negligible", "最低", "極小", "ごく低い"], 1),
    **dict.fromkeys(["low", "minor", "small", "低", "低い", "小", "小さい"], 2),
    **dict.fromkeys(["medium", "mid", "moderate", "average", "normal", "中", "中程度", "普通"], 3),
    **dict.fromkeys(["high", "major", "large", "big", "高", "高い", "大", "大きい"], 4),
    **dict.fromkeys(["veryhigh", "critical", "severe", "blocker", "最高", "致命的", "極大", "非常に高い"], 5),
}
_ID_KEYS = frozenset({"id"})


def _scale_word(value: Any) -> int | None:
    """The number on a 1-to-5 scale that a word written for it means (`high` -> 4), or None."""
    return _SCALE_WORDS.get(re.sub(r"[\s_-]", "", str(value).lower()))


_REF_KEYS = frozenset({"persona", "phase", "phase_hint", "origin"})
_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "empty",
}


def _is_ref_list(path: KeyPath) -> bool:
    return (
        len(path) >= 2
        and isinstance(path[-1], int)
        and path[-2] in ("phases", "pain_points", "opportunities", "depends_on", "addresses")
        and path[0] != "phases"
    )


def _unknown_keys(
    doc: Document, error: Any, path: KeyPath, suggestions: Suggestions, often: Container[str] | None
) -> Iterator[Problem]:
    """One problem per unknown key, explained as it is asked for (by meaning first, then by spelling). With
    `often` (see `explain_schema_errors`), the keys past the first a report shows are counted instead, in one
    problem at the first of them: the report caps the problems of a kind anyway, and the keys of a mapping come
    in the order of the text, so none of them could be shown."""
    properties = error.schema.get("properties", {})
    allowed = sorted(properties)
    where = _owner(doc.data, (*path, ""))  # the entry the keys are in
    synonyms = _KEY_SYNONYMS.get(error.schema.get("title", ""), {})
    alone, counted = 0, []  # keys explained that no other problem will absorb (`_grouped`); those counted
    if len(error.instance) <= MAX_REPEATS + 1:
        often = None  # too few keys to count any
    for key in error.instance:
        if key in properties or key.startswith("x-"):
            continue
        if often is not None and key not in often:
            if alone > MAX_REPEATS:
                counted.append(key)
                continue
            alone += 1
        meant = [k for k in synonyms.get(_normal(key), ()) if k in allowed]
        if not meant and (close := suggestions.closest(key, allowed)):
            meant = [close]
        hint = (
            f"did you mean {' or '.join(f'`{k}`' for k in meant)}?"
            if meant
            else f"expected one of: {', '.join(allowed)}"
        )
        message = f"unknown key `{key}`{where}; {hint} (prefix your own keys with `x-`)"
        if cut := _cut_by_comma(doc, error.instance, key):
            message = f"unknown key `{key}`{where}; {cut}"
        yield doc.problem((*path, key), SCHEMA_CODE, message, key=True)
    if counted:
        first = doc.problem((*path, counted[0]), SCHEMA_CODE, f"unknown key `{counted[0]}`{where}", key=True)
        yield replace(first, omitted=len(counted))


def _cut_by_comma(doc: Document, mapping: dict[str, Any], key: str) -> str:
    """For a key that a comma cut off the text before it (`{text: Sizes run small, not true to size}`): what
    happened and what to write."""
    before = doc.comma_keys.get((id(mapping), key))
    if before is None or not isinstance(mapping.get(before), str):
        return ""
    whole = f"{mapping[before]}, {key}".replace('"', '\\"')
    return (
        f"a comma inside {{...}} ended the text of `{before}`, so the rest was read as a key: put this text in "
        f'quotes, `{before}: "{whole}"`'
    )


def _explain_choice(
    doc: Document, error: Any, suggestions: Suggestions, often: Container[str] | None = None
) -> list[Problem]:
    """`oneOf` (text or a mapping; one emotion or a list): explain the branch whose type the writer chose."""
    branches: dict[int, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [
        errs for errs in branches.values() if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if len(fitting) == 1:
        return [problem for sub in fitting[0] for problem in _explain(doc, sub, suggestions, often)]
    path: KeyPath = tuple(error.absolute_path)
    expected = [
        _TYPE_WORDS.get(e.validator_value, str(e.validator_value))
        for errs in branches.values()
        for e in errs
        if e.validator == "type" and not e.relative_path
    ]
    wanted = " or ".join(dict.fromkeys(expected)) or "something else"
    message = f"{_label(path)} must be {wanted}, not {_describe(error.instance)}{_owner(doc.data, path)}"
    return [doc.problem(path, SCHEMA_CODE, message)]


def _label(path: KeyPath) -> str:
    names = [step for step in path if isinstance(step, str)]
    if not names:
        return "the map"
    last = names[-1].replace("_", " ")
    if isinstance(path[-1], int):
        return f"{_singular(last)} {path[-1] + 1}"
    if len(path) >= 2 and isinstance(path[-2], str):
        return f"{_singular(path[-2].replace('_', ' '))} {last}"
    return last


def _singular(word: str) -> str:
    key = word.replace(" ", "_")
    return NOUNS.get(key) or {"depends_on": "dependency", "addresses": "addressed pain point"}.get(key, word)


def _owner(data: Any, path: KeyPath) -> str:
    """` in phase 'awareness'` — which entry of the map a problem is in, by its id or name."""
    if len(path) < 2 or not isinstance(data, dict) or not isinstance(path[1], int):
        return ""
    section, index = path[0], path[1]
    try:
        entry = data[section][index]
    except (KeyError, IndexError, TypeError):
        return ""
    noun = _singular(str(section).replace("_", " "))
    name = entry.get("id") or entry.get("name") or entry.get("title") if isinstance(entry, dict) else None
    where = f" in {noun} '{name}'" if isinstance(name, str) else f" in {noun} {index + 1}"
    if len(path) > 4 and isinstance(path[3], int) and isinstance(path[2], str):
        where = f" in {_singular(path[2].replace('_', ' '))} {path[3] + 1} of{where[3:]}"
    return where


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{_clip(value, 60)}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "empty"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return _num(value)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"text {_show(value)}"
    if isinstance(value, bool):
        return _show(value)
    if isinstance(value, (int, float)):
        return f"the number {_num(value)}"
    return _show(value)


def _num(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slugify(text: str) -> str:
    """A valid kebab-case id from arbitrary text (ASCII only; may be empty for non-Latin text)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80]

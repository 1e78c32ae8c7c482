"""Which rules run on a map, with which severity and options: `[tool.cjm.lint]` (or `lint:` in `.cjm.yaml`)
from the nearest configuration upward, then the command line's `--select`, `--ignore` and `--strict`.

This is the one place that reads lint settings and validates rule options; a bad value is a `CjmError` that
names the config file, line and column.
"""

from __future__ import annotations

import difflib
import fnmatch
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cjm.core.errors import CjmError
from cjm.core.problem import Severity
from cjm.io.config import Config, Configuration
from cjm.lint.base import FAMILIES, Option, Rule
from cjm.lint.rules import BY_NAME, RULES

KEYS = ("select", "ignore", "strict", "per-file-ignores", "rules")
SEVERITIES = tuple(s.value for s in Severity)


@dataclass(frozen=True)
class RuleConfig:
    """A rule as it runs: its severity and its options (defaults overlaid with the configured values)."""

    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


@dataclass(frozen=True)
class Overrides:
    """Settings from the command line, which win over the configuration file."""

    select: tuple[str, ...] | None = None  # replaces the configured `select`
    ignore: tuple[str, ...] = ()  # added to the configured `ignore`
    strict: bool = False  # turns strict on; it cannot turn a configured `strict = true` off


@dataclass(frozen=True)
class Settings:
    rules: Mapping[str, RuleConfig]  # the enabled rules, by code
    strict: bool = False
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    folder: str = field(default_factory=os.getcwd)  # per-file-ignores globs are relative to it
    source: str | None = None

    def rules_for(self, path: str) -> Mapping[str, RuleConfig]:
        """The enabled rules for one file, after its per-file ignores."""
        if not self.per_file_ignores:
            return self.rules
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(os.path.basename(path), pattern):
                ignored |= codes
        return {code: rule for code, rule in self.rules.items() if code not in ignored}

    def fails(self, severity: Severity) -> bool:
        """Whether a problem of this severity makes the run fail (exit code 1)."""
        return severity is Severity.ERROR or self.strict and severity is Severity.WARNING


def settings_for(path: str, overrides: Overrides = Overrides(), config: Configuration | None = None) -> Settings:
    """The settings that apply to the map at `path` (`-` for standard input: the working folder's), from the
    run's configuration (default: the nearest config file)."""
    return build_settings((config or Configuration()).for_path(path), overrides)


def build_settings(config: Config, overrides: Overrides = Overrides()) -> Settings:
    section = config.section("lint")
    for key in section:
        if key not in KEYS:
            raise config.error(
                ("lint", key), f"unknown lint setting `{key}`{_suggest(key, KEYS)}; the settings are: {', '.join(KEYS)}"
            )

    def selectors(key: str, value: Any) -> set[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise config.error(
                ("lint", key),
                f"`{key}` must be a list of rule codes, code prefixes, rule names "
                'or families (for example ["CJM1", "kpi-without-target"])',
            )
        return resolve_all(value, lambda bad: config.error(("lint", key), bad))

    def cli_error(option: str) -> Any:
        return lambda message: CjmError(f"{option}: {message}")

    if overrides.select is not None:
        selected = resolve_all(overrides.select, cli_error("--select"))
    else:
        selected = selectors("select", section.get("select", ["ALL"]))
    ignored = selectors("ignore", section.get("ignore", [])) | resolve_all(overrides.ignore, cli_error("--ignore"))
    strict = section.get("strict", False)
    if not isinstance(strict, bool):
        raise config.error(("lint", "strict"), "`strict` must be true or false")
    configured = _rule_tables(config, section.get("rules", {}))
    rules = {}
    for code in sorted(selected - ignored):
        rule = RULES[code]
        table = configured.get(code, {})
        severity = Severity(table.get("severity", rule.severity.value))
        options = {**rule.defaults, **{k: v for k, v in table.items() if k != "severity"}}
        rules[code] = RuleConfig(rule, severity, options)
    return Settings(
        rules,
        strict or overrides.strict,
        _per_file(config, section.get("per-file-ignores", {})),
        config.folder,
        config.source,
    )


def resolve(selector: str) -> set[str]:
    """The codes a selector names: `ALL`, a code (`CJM101`), a prefix (`CJM1`, `CJM30`), a rule name
    (`phase-without-kpi`) or a family (`coverage`, `business-traits`, or its first word: `business`).
    Empty when it names nothing."""
    text = selector.strip()
    upper = text.upper()
    if upper == "ALL":
        return set(RULES)
    if text in BY_NAME:
        return {BY_NAME[text].code}
    digits = [digit for digit, name in FAMILIES.items() if _names_family(text, name)]
    if digits:
        return {code for code in RULES if code[3] == digits[0]}
    if upper.startswith("CJM"):
        return {code for code in RULES if code.startswith(upper)}
    return set()


def _names_family(text: str, family: str) -> bool:
    """`business traits`, `business-traits`, `business` (its first word) and `kpi` (singular) name a family."""
    written = text.lower().replace("-", " ").replace("_", " ").strip()
    first = family.lower().split()[0]
    return bool(written) and written in {family.lower(), first, first.removesuffix("s")}


def resolve_all(selectors: Iterable[str], error: Any) -> set[str]:
    codes: set[str] = set()
    for selector in selectors:
        found = resolve(selector)
        if not found:
            raise error(f"`{selector}` names no rule{_suggest(selector, [*RULES, *BY_NAME])} (see `cjm rules`)")
        codes |= found
    return codes


def lookup(name: str) -> Rule | None:
    """A rule by code (any case) or name."""
    return RULES.get(name.strip().upper()) or BY_NAME.get(name.strip())


def _rule_tables(config: Config, tables: Any) -> dict[str, dict[str, Any]]:
    """The per-rule tables, validated, by code."""
    if not isinstance(tables, dict):
        raise config.error(("lint", "rules"), "`rules` must be a table of rule tables, one per rule code or name")
    out: dict[str, dict[str, Any]] = {}
    for name, table in tables.items():
        keys = ("lint", "rules", name)
        rule = lookup(name)
        if rule is None:
            raise config.error(keys, f"`{name}` is not a rule{_suggest(name, [*RULES, *BY_NAME])} (see `cjm rules`)")
        if not isinstance(table, dict):
            raise config.error(keys, f"the settings of {rule.code} must be a table (severity and options)")
        for key, value in table.items():
            if key == "severity":
                if value not in SEVERITIES:
                    raise config.error((*keys, key), f"severity of {rule.code} must be one of: {', '.join(SEVERITIES)}")
                continue
            option = rule.options.get(key)
            if option is None:
                known = ", ".join(["severity", *rule.options])
                raise config.error(
                    (*keys, key),
                    f"{rule.code} ({rule.name}) has no option `{key}`"
                    f"{_suggest(key, list(rule.options))}; it takes: {known}",
                )
            if problem := check_option(option, value):
                raise config.error((*keys, key), f"option `{key}` of {rule.code}: {problem}")
        out.setdefault(rule.code, {}).update(table)
    return out


def check_option(option: Option, value: Any) -> str | None:
    """Why `value` is not acceptable for `option`, or None. Types follow the default's."""
    default = option.default
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "must be true or false"
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "must be a number"
        if not math.isfinite(value):
            return f"must be a finite number, not {value}"
        if option.minimum is not None and value < option.minimum:
            return f"must be at least {option.minimum:g}"
        return None
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be a list of text"
        bad = [v for v in value if option.choices and v not in option.choices]
        return f"unknown value `{bad[0]}`; choose from: {', '.join(option.choices)}" if bad else None
    if not isinstance(value, str):
        return "must be text"
    return f"choose one of: {', '.join(option.choices)}" if option.choices and value not in option.choices else None


def _per_file(config: Config, table: Any) -> tuple[tuple[str, frozenset[str]], ...]:
    keys = ("lint", "per-file-ignores")
    if not isinstance(table, dict):
        raise config.error(keys, "`per-file-ignores` must map file globs to lists of rules")
    out = []
    for pattern, value in table.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise config.error((*keys, pattern), f"per-file-ignores for `{pattern}` must be a list of rules")
        place = (*keys, pattern)
        out.append((pattern, frozenset(resolve_all(value, lambda bad, place=place: config.error(place, bad)))))
    return tuple(out)


def _suggest(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""

"""`[tool.cjm.prioritise]` settings, and the command-line values that override them.

    [tool.cjm.prioritise]
    preset = "default"            # or "rice", "ice", "wsjf"
    capacity = [3, 4]             # initiatives per stage (one number: every stage); absent: unlimited
    [tool.cjm.prioritise.weights] # the default model's weights; the others keep their defaults
    impact = 4
    maintenance_cost = 2

In a `.cjm.yaml` the same keys sit under `prioritise:`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cjm.core.errors import CjmError
from cjm.io.config import Config
from cjm.prioritise.scoring import DEFAULT_WEIGHTS, PRESETS, ScoringModel, make_model

SECTION = "prioritise"
KEYS = ("preset", "weights", "capacity")


@dataclass(frozen=True)
class Settings:
    model: ScoringModel
    capacity: tuple[int | None, ...] | None


def settings_from_config(
    config: Config,
    preset: str | None = None,
    weights: dict[str, float] | None = None,
    capacity: Sequence[int | None] | None = None,
) -> Settings:
    """The model and capacity: command-line values win over the configuration, which wins over defaults."""
    section = config.section(SECTION)
    for key in section:
        if key not in KEYS:
            raise config.error(
                (SECTION, key), f"unknown setting `{key}` in `{SECTION}`; the settings are: {', '.join(KEYS)}"
            )
    configured_preset = section.get("preset", "default")
    if configured_preset not in PRESETS:
        raise config.error(
            (SECTION, "preset"), f"unknown preset {configured_preset!r}; choose one of: {', '.join(PRESETS)}"
        )
    configured_weights = section.get("weights", {})
    if not isinstance(configured_weights, dict):
        raise config.error((SECTION, "weights"), "`weights` must be a table of input = number")
    for key, value in configured_weights.items():
        if key not in DEFAULT_WEIGHTS:
            raise config.error(
                (SECTION, "weights", key), f"unknown weight `{key}`; the weights are: {', '.join(DEFAULT_WEIGHTS)}"
            )
        if not _is_weight(value):
            raise config.error((SECTION, "weights", key), f"weight `{key}` must be a number of 0 or more")
    configured_capacity = section.get("capacity")
    if configured_capacity is not None:
        try:
            configured_capacity = _capacity_value(configured_capacity)
        except CjmError as err:
            raise config.error((SECTION, "capacity"), str(err)) from None

    name = preset or configured_preset
    merged = {**configured_weights, **(weights or {})}
    if name != "default":
        if weights:
            raise CjmError(f"--weight applies to the default model only, not to the {name.upper()} preset")
        merged = {}  # configured weights belong to the default model; a preset has none
    try:
        model = make_model(name, merged)
    except CjmError as err:
        if weights:
            raise
        raise config.error((SECTION, "weights"), str(err)) from None
    chosen = tuple(capacity) if capacity is not None else configured_capacity
    return Settings(model, chosen)


def parse_weights(pairs: Sequence[str]) -> dict[str, float]:
    """`["impact=4", "urgency=1.5"]` -> `{"impact": 4.0, "urgency": 1.5}`."""
    out: dict[str, float] = {}
    for pair in pairs:
        name, sep, number = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep:
            raise CjmError(f"--weight {pair!r}: write it as name=number, for example --weight impact=4")
        if name not in DEFAULT_WEIGHTS:
            raise CjmError(f"--weight {pair!r}: unknown input '{name}'; the weights are: {', '.join(DEFAULT_WEIGHTS)}")
        try:
            value = float(number)
        except ValueError:
            raise CjmError(f"--weight {pair!r}: '{number}' is not a number") from None
        if not _is_weight(value):
            raise CjmError(f"--weight {pair!r}: a weight is a number of 0 or more")
        out[name] = value
    return out


def parse_capacity(text: str) -> tuple[int | None, ...]:
    """`"3"` -> every stage takes 3; `"2,4"` -> stage 1 takes 2, stage 2 takes 4, stage 3 is unlimited;
    `"2,-,3"`: stage 2 unlimited."""
    parts = [p.strip() for p in text.split(",")]
    try:
        values = [None if p in ("-", "") else int(p) for p in parts]
    except ValueError:
        raise CjmError(
            f"--capacity {text!r}: give whole numbers, one for every stage (3) or one per stage (2,4,4)"
        ) from None
    return _capacity_value(values[0] if len(values) == 1 else values)


def _capacity_value(value: Any) -> tuple[int | None, ...]:
    values = [value] * 3 if not isinstance(value, list | tuple) else list(value)
    if not 1 <= len(values) <= 3:
        raise CjmError("capacity takes one number for every stage, or one per stage (at most 3)")
    for item in values:
        if item is not None and (isinstance(item, bool) or not isinstance(item, int) or item < 1):
            raise CjmError(f"a stage's capacity must be a whole number of 1 or more, not {item!r}")
    return tuple(values)


def _is_weight(value: Any) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and value >= 0
        and value == value
        and value != float("inf")
    )

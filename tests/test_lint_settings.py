"""Lint settings: selectors, the configuration file (nearest upward wins), command-line overrides, per-file
ignores, and clear located errors for every bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.core.errors import CjmError
from cjm.core.problem import Severity
from cjm.io.config import Config, find_config
from cjm.lint.rule_settings import Overrides, build_settings, resolve, settings_for
from cjm.lint.rules import RULES


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("ALL", set(RULES)),
        ("CJM201", {"CJM201"}),
        ("cjm201", {"CJM201"}),
        ("CJM20", {c for c in RULES if c.startswith("CJM20")}),
        ("CJM3", {c for c in RULES if c.startswith("CJM3")}),
        ("kpi-without-target", {"CJM701"}),
        ("coverage", {c for c in RULES if c.startswith("CJM2")}),
        ("business-traits", {c for c in RULES if c.startswith("CJM6")}),
        ("business", {c for c in RULES if c.startswith("CJM6")}),  # a family by its first word
        ("Business Traits", {c for c in RULES if c.startswith("CJM6")}),
        ("KPIs", {c for c in RULES if c.startswith("CJM7")}),
        ("kpi", {c for c in RULES if c.startswith("CJM7")}),
        ("message", {c for c in RULES if c.startswith("CJM8")}),
        ("traits", set()),
        ("CJM999", set()),
        ("no-such-rule", set()),
    ],
)
def test_selectors(selector: str, expected: set[str]) -> None:
    assert resolve(selector) == expected


def test_defaults_enable_every_rule_at_its_own_severity() -> None:
    settings = build_settings(Config())
    assert set(settings.rules) == set(RULES)
    assert all(config.severity is RULES[code].severity for code, config in settings.rules.items())
    assert not settings.strict


def test_config_select_ignore_severity_and_options(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        """
[tool.cjm.lint]
select = ["CJM4", "kpi-without-target"]
ignore = ["CJM403"]
strict = true

[tool.cjm.lint.rules.kpi-without-target]
severity = "error"

[tool.cjm.lint.rules.CJM402]
drop = 1.5
""",
        encoding="utf-8",
    )
    settings = settings_for(str(tmp_path / "map.yaml"))
    assert set(settings.rules) == {c for c in RULES if c.startswith("CJM4") and c != "CJM403"} | {"CJM701"}
    assert settings.rules["CJM701"].severity is Severity.ERROR
    assert settings.rules["CJM402"].options == {"drop": 1.5}
    assert settings.strict and settings.fails(Severity.WARNING) and not settings.fails(Severity.INFO)


def test_command_line_select_replaces_and_ignore_adds(tmp_path: Path) -> None:
    (tmp_path / ".cjm.yaml").write_text("lint:\n  select: [CJM4]\n  ignore: [CJM403]\n", encoding="utf-8")
    path = str(tmp_path / "map.yaml")
    replaced = settings_for(path, Overrides(select=("CJM20", "CJM403")))
    # the configured ignore still holds
    assert set(replaced.rules) == {c for c in RULES if c.startswith("CJM20")}
    narrowed = settings_for(path, Overrides(ignore=("CJM401",)))
    assert set(narrowed.rules) == {c for c in RULES if c.startswith("CJM4")} - {"CJM401", "CJM403"}
    assert settings_for(path, Overrides(strict=True)).strict


def test_nearest_configuration_upward_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cjm.lint]\nselect = ["CJM1"]\n', encoding="utf-8")
    inner = tmp_path / "team" / "maps"
    inner.mkdir(parents=True)
    (tmp_path / "team" / ".cjm.yaml").write_text("lint:\n  select: [CJM2]\n", encoding="utf-8")
    assert set(settings_for(str(inner / "m.yaml")).rules) == resolve("CJM2")
    assert set(settings_for(str(tmp_path / "m.yaml")).rules) == resolve("CJM1")


def test_per_file_ignores_are_globs_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / ".cjm.yaml").write_text(
        'lint:\n  per-file-ignores:\n    "drafts/*.yaml": [placeholder-text, CJM7]\n', encoding="utf-8"
    )
    settings = settings_for(str(tmp_path / "drafts" / "x.yaml"))
    assert not {"CJM106", "CJM701", "CJM702"} & set(settings.rules_for(str(tmp_path / "drafts" / "x.yaml")))
    assert "CJM106" in settings.rules_for(str(tmp_path / "final" / "x.yaml"))


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ('[tool.cjm.lint]\nslect = ["CJM1"]\n', 2, "unknown lint setting `slect`; did you mean `select`?"),
        ('[tool.cjm.lint]\nselect = ["CJM999"]\n', 2, "`CJM999` names no rule"),
        ('[tool.cjm.lint]\nselect = "CJM1"\n', 2, "`select` must be a list"),
        ('[tool.cjm.lint]\nstrict = "yes"\n', 2, "`strict` must be true or false"),
        (
            '[tool.cjm.lint]\nignore = ["CJM1"]\n\n[tool.cjm.lint.rules.CJM402]\ndrops = 1\n',
            5,
            "CJM402 (low-point-without-initiative) has no option `drops`; did you mean `drop`?",
        ),
        ('[tool.cjm.lint.rules.CJM402]\ndrop = "two"\n', 2, "option `drop` of CJM402: must be a number"),
        ("[tool.cjm.lint.rules.CJM402]\ndrop = 0\n", 2, "must be at least 0.5"),
        ('[tool.cjm.lint.rules.CJM802]\ntypes = ["cart"]\n', 2, "unknown value `cart`"),
        ('[tool.cjm.lint.rules.CJM701]\nseverity = "fatal"\n', 2, "severity of CJM701 must be one of: error, warning"),
        ('[tool.cjm.lint.rules.kpi-without-targets]\nseverity = "error"\n', 1, "did you mean `kpi-without-target`?"),
        ('[tool.cjm.lint.per-file-ignores]\n"drafts/*" = ["nope"]\n', 2, "`nope` names no rule"),
    ],
)
def test_bad_configuration_is_a_located_error(tmp_path: Path, body: str, line: int, fragment: str) -> None:
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    with pytest.raises(CjmError) as caught:
        settings_for(str(tmp_path / "map.yaml"))
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}:{line}:"), message
    assert fragment in message


def test_bad_yaml_configuration_is_located_too(tmp_path: Path) -> None:
    (tmp_path / ".cjm.yaml").write_text("lint:\n  rules:\n    CJM902:\n      threshold: high\n", encoding="utf-8")
    with pytest.raises(CjmError, match=r"\.cjm\.yaml:4:7: option `threshold` of CJM902: must be a number"):
        build_settings(find_config(str(tmp_path / "m.yaml")))


def test_command_line_selectors_are_checked() -> None:
    with pytest.raises(CjmError, match=r"--select: `CJM9999` names no rule"):
        build_settings(Config(), Overrides(select=("CJM9999",)))
    with pytest.raises(CjmError, match=r"--ignore: `kpi-without-targt` names no rule; did you mean `kpi-without-targe"):
        build_settings(Config(), Overrides(ignore=("kpi-without-targt",)))

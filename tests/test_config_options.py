"""`--config FILE` and `--isolated` (ruff's meaning): one configuration file for every map, or none; every command
that reads the configuration takes both, and a bad file is a located error (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MAP, cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gift-sweets.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder whose own configuration turns every lint rule off, leaves out `drafts/` and caps stages at 1."""
    (tmp_path / "maps" / "drafts").mkdir(parents=True)
    (tmp_path / "maps" / "gift.yaml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "maps" / "tiny.yaml").write_text(MINIMAL_MAP, encoding="utf-8")  # lint finds much to say
    (tmp_path / "maps" / "drafts" / "broken.yaml").write_text("cjm: 1\nid: [\n", encoding="utf-8")
    (tmp_path / ".cjm.yaml").write_text(
        "exclude: [drafts]\nlint:\n  ignore: [ALL]\nprioritise:\n  capacity: 1\n", encoding="utf-8"
    )
    (tmp_path / "other.yaml").write_text("lint:\n  select: [ALL]\n", encoding="utf-8")
    return tmp_path


def test_validate_finds_its_exclude_list_by_default_and_takes_another_or_none(project: Path) -> None:
    assert cli("validate", "maps", cwd=project).returncode == 0  # drafts/ left out by the nearest .cjm.yaml
    for options in (["--isolated"], ["--config", "other.yaml"]):
        found = cli("validate", "maps", *options, cwd=project)
        assert found.returncode == 1 and "broken.yaml" in found.stdout, options


def test_lint_settings_come_from_the_named_file_or_from_none(project: Path) -> None:
    assert '"problems": []' in cli("lint", "maps/tiny.yaml", "--format", "json", cwd=project).stdout
    for options in (["--isolated"], ["--config", "other.yaml"]):
        found = cli("lint", "maps/tiny.yaml", "--format", "json", *options, cwd=project)
        assert '"code": "CJM' in found.stdout, options


def test_prioritise_render_and_report_read_the_capacity_of_the_configuration_they_are_given(project: Path) -> None:
    def stages(*options: str) -> set[int]:
        import json

        done = cli("prioritise", "maps/gift.yaml", "--format", "json", *options, cwd=project)
        assert done.returncode == 0, done.stderr
        return {entry["stage"] for entry in json.loads(done.stdout)["initiatives"]}

    capped = stages()
    assert stages("--isolated") != capped and stages("--config", "other.yaml") == stages("--isolated")
    for command in (["render", "maps/gift.yaml", "--view", "roadmap", "-o", "-", "--format", "dot"],):
        assert cli(*command, "--isolated", cwd=project).stdout != cli(*command, cwd=project).stdout
    default = cli("report", "maps/gift.yaml", cwd=project)
    isolated = cli("report", "maps/gift.yaml", "--isolated", cwd=project)
    assert default.returncode == isolated.returncode == 0 and default.stdout != isolated.stdout


def test_adapt_takes_its_rule_folders_from_the_named_file(project: Path) -> None:
    (project / "rules").mkdir()
    (project / "rules.yaml").write_text("adapt:\n  rules: missing-folder\n", encoding="utf-8")
    refused = cli("adapt", "maps/gift.yaml", "--list", "--config", "rules.yaml", cwd=project)
    assert refused.returncode == 2 and "missing-folder" in refused.stderr
    assert cli("adapt", "maps/gift.yaml", "--list", "--isolated", cwd=project).returncode == 0


def test_diff_scores_with_the_settings_of_the_configuration_given(project: Path) -> None:
    import json

    (project / "prioritise.yaml").write_text("prioritise:\n  preset: no-such-preset\n", encoding="utf-8")
    new = project / "maps" / "gift.yaml"
    bad = cli("diff", str(SAMPLE), str(new), "--config", "prioritise.yaml", cwd=project)
    assert bad.returncode == 2 and "prioritise.yaml" in bad.stderr
    same = cli("diff", str(SAMPLE), str(new), "--format", "json", "--isolated", cwd=project)
    assert same.returncode == 0 and json.loads(same.stdout)


@pytest.mark.parametrize("command", ["validate", "lint", "adapt", "prioritise", "render", "report", "diff"])
def test_a_bad_config_option_is_a_located_error(project: Path, command: str) -> None:
    (project / "bad.yaml").write_text("lint: [1\n", encoding="utf-8")
    (project / "bad.toml").write_text("[tool.cjm\n", encoding="utf-8")
    (project / "empty.toml").write_text("[tool.other]\n", encoding="utf-8")
    maps = ["maps/gift.yaml", "maps/gift.yaml"] if command == "diff" else ["maps/gift.yaml"]
    cases = {
        "missing.yaml": "missing.yaml",
        "bad.yaml": "bad.yaml:2:1",
        "bad.toml": "bad.toml",
        "empty.toml": "empty.toml:1:1: has no [tool.cjm] table",
        "maps": "is a directory",
        "notes.txt": "notes.txt: a configuration file is YAML",
    }
    for name, located in cases.items():
        done = cli(command, *maps, "--config", name, cwd=project)
        assert done.returncode == 2 and located in done.stderr, (name, done.stderr)
    both = cli(command, *maps, "--config", "other.yaml", "--isolated", cwd=project)
    assert both.returncode == 2 and "cannot be used together" in both.stderr


def test_configuration_is_a_value_of_the_run_not_of_the_process(project: Path) -> None:
    """A second run in the same process sees a configuration changed since the first (no process-wide cache)."""
    assert cli("validate", "maps", cwd=project).returncode == 0
    (project / ".cjm.yaml").write_text("exclude: []\n", encoding="utf-8")
    assert cli("validate", "maps", cwd=project).returncode == 1

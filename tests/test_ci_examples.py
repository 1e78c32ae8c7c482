"""The CI files users copy: the GitHub Actions workflow example is a valid workflow whose cjm commands exist and
whose steps fit together, and the pre-commit hooks are a valid hook manifest that picks the right files."""

from __future__ import annotations

import json
import re
import shlex
from importlib import resources
from pathlib import Path

import pytest
import typer
from jsonschema import Draft7Validator

from cjm.cli import app

from .conftest import ROOT

WORKFLOW = ROOT / "docs" / "examples" / "cjm.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
# Commands of cjm built on other branches; once they are registered here their options are
# checked like the others, and this set should be emptied.
ARRIVING: set[str] = set()


def load(path: Path):
    # YAML 1.2, as GitHub reads it: the workflow's `on:` key stays a key (YAML 1.1 would make it `true`).
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def cjm_commands(script: str) -> list[list[str]]:
    """Each `cjm ...` command in a shell script, as its arguments."""
    return [shlex.split(line.strip())[1:] for line in script.splitlines() if re.match(r"\s*cjm\s", line)]


def steps():
    return load(WORKFLOW)["jobs"]["maps"]["steps"]


def test_workflow_is_valid_under_the_github_workflow_schema():
    """The schema SchemaStore publishes for workflows (vendored by check-jsonschema, so it works offline)."""
    schema = json.loads(
        resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("github-workflows.json").read_text()
    )
    errors = [f"{list(e.path)}: {e.message}" for e in Draft7Validator(schema).iter_errors(load(WORKFLOW))]
    assert not errors


def test_workflow_structure():
    workflow = load(WORKFLOW)
    assert {"pull_request", "push"} <= set(workflow["on"])
    job = workflow["jobs"]["maps"]
    assert job["permissions"]["security-events"] == "write" and job["runs-on"]
    for step in job["steps"]:
        assert ("uses" in step) != ("run" in step), step
    uses = [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert "actions/upload-artifact" in uses and uses.count("github/codeql-action/upload-sarif") == 1
    assert job["steps"][0]["with"]["fetch-depth"] == 0  # cjm diff --git needs the base branch


def test_workflow_files_fit_together():
    """Each SARIF upload names a file an earlier step writes; the artifact is the folder the render step fills;
    the comment posts the file the diff step writes."""
    written: list[str] = []
    for step in steps():
        for args in cjm_commands(step.get("run", "")):
            written += [spec.split(":", 1)[1] for spec in _values(args, "--output-format")]
            written += _values(args, "-o")
        if step.get("uses", "").startswith("github/codeql-action/upload-sarif"):
            assert step["with"]["sarif_file"] in written
            assert step["with"]["category"]
        if step.get("uses", "").startswith("actions/upload-artifact"):
            assert any(w.startswith(step["with"]["path"]) for w in written)
        if "gh pr comment" in step.get("run", ""):
            assert "map-changes.md" in written and "--body-file map-changes.md" in step["run"]


def test_workflow_reports_each_finding_once():
    """One SARIF report, from lint (which validates first): validate's beside it would upload every validation
    problem twice, and print its annotations twice."""
    commands = [args for step in steps() for args in cjm_commands(step.get("run", ""))]
    checks = [args for args in commands if args[0] in ("validate", "lint")]
    assert [args[0] for args in checks] == ["lint"]
    sarif = [spec for args in checks for spec in _values(args, "--output-format") if spec.startswith("sarif:")]
    assert len(sarif) == 1


def test_workflow_sarif_category_is_not_overridden():
    from cjm.output.findings import Findings
    from cjm.output.findings.sarif import sarif_log

    assert "automationDetails" not in sarif_log(Findings("lint"), ".")["runs"][0]
    uploads = [s for s in steps() if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert all(step["with"]["category"] for step in uploads)


def test_workflow_renders_every_map_in_one_command():
    """`cjm render maps/ -o diagrams/` finds .yml files and subfolders and goes on past an invalid map; a shell
    loop over maps/*.yaml did neither."""
    render = [s["run"] for s in steps() if "cjm render" in s.get("run", "")]
    assert render == ["cjm render maps/ -o diagrams/"]


def test_workflow_and_hooks_are_strict_about_lint_warnings():
    """Lint warnings exit 0 unless --strict (the yamllint convention); a team's CI and commit hooks want them
    fixed, so both ask for --strict."""
    lint = [args for step in steps() for args in cjm_commands(step.get("run", "")) if args[0] == "lint"]
    assert lint and all("--strict" in args for args in lint)
    hooks = {hook["id"]: hook for hook in load(HOOKS)}
    assert hooks["cjm-lint"]["args"] == ["--strict"]


def _values(args: list[str], option: str) -> list[str]:
    return [args[i + 1] for i, a in enumerate(args[:-1]) if a == option]


def test_workflow_uses_real_cjm_commands_and_options():
    group = typer.main.get_command(app)
    used = [args for step in steps() for args in cjm_commands(step.get("run", ""))]
    assert {args[0] for args in used} >= {"lint", "render", "diff"}
    for args in used:
        name, rest = args[0], args[1:]
        command = group.commands.get(name)  # type: ignore[attr-defined]
        if command is None:
            assert name in ARRIVING, f"cjm {name} does not exist"
            continue
        context = command.make_context(name, list(rest))  # raises on an unknown option or a missing value
        assert context.params


def test_workflow_does_not_interpolate_untrusted_text_into_scripts():
    """Expressions go through env:, never into `run:` where a branch name could inject shell."""
    for step in steps():
        assert "${{" not in step.get("run", ""), step["run"]


# --- pre-commit -----------------------------------------------------------------------------------------------

_LANGUAGES = {"python", "system", "script", "docker", "node", "golang", "rust", "ruby", "conda", "pygrep"}
_HOOK_KEYS = {
    "id",
    "name",
    "entry",
    "language",
    "files",
    "exclude",
    "types",
    "types_or",
    "exclude_types",
    "additional_dependencies",
    "args",
    "always_run",
    "fail_fast",
    "pass_filenames",
    "description",
    "language_version",
    "log_file",
    "minimum_pre_commit_version",
    "require_serial",
    "stages",
    "verbose",
}


def test_pre_commit_hooks_manifest():
    hooks = load(HOOKS)
    assert [h["id"] for h in hooks] == ["cjm-validate", "cjm-lint"]
    group = typer.main.get_command(app)
    for hook in hooks:
        assert set(hook) <= _HOOK_KEYS and {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] in _LANGUAGES
        program, command = shlex.split(hook["entry"])
        assert program == "cjm" and (command in group.commands or command in ARRIVING)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path, picked",
    [
        ("maps/apparel.yaml", True),
        ("maps/ギフト/gift.yml", True),
        ("samples/apparel.yaml", False),
        (".github/workflows/cjm.yml", False),
        ("maps/notes.md", False),
        ("docs/maps/x.yaml", False),
    ],
)
def test_pre_commit_hooks_pick_map_files(path, picked):
    for hook in load(HOOKS):
        assert bool(re.search(hook["files"], path)) is picked


def test_docs_show_the_workflow_as_it_is():
    assert WORKFLOW.read_text(encoding="utf-8") in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def test_every_report_format_is_documented():
    from cjm.output.diff import FORMATS
    from cjm.output.findings import FINDINGS_FORMATS

    output = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    assert all(f"## `{name}`" in output for name in FINDINGS_FORMATS)
    diff = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    assert all(f"**{name}**" in diff or f"`{name}`" in diff for name in FORMATS)

"""Every command over hostile input: a located message and a documented exit code, never a traceback, and the
input file never changed. (The subprocess-level limits — memory, signals — are in test_hostile_validate.)"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm.io.loader import load_yaml

from .conftest import CORPUS, ROOT, cli
from .test_adapt_properties import journey_maps
from .test_hostile_validate import HOSTILE

SAMPLE = ROOT / "docs" / "example.yaml"  # small, so the corpus runs fast

# Each command as a user would run it on one map; {map} is the hostile file, {out} a fresh output folder.
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{map}"],
    "prioritise": ["prioritise", "{map}"],
    "adapt": ["adapt", "{map}", "--auto"],
    "adapt-in-place": ["adapt", "{map}", "--rule", "gift", "--in-place"],
    "split": ["split", "{map}", "awareness", "--into", "seeing,noticing"],
    "merge": ["merge", "{map}", "awareness", "interest", "--into", "discovery"],
    "diff": ["diff", str(SAMPLE), "{map}"],
    "lint": ["lint", "{map}"],
    "lint-fix": ["lint", "{map}", "--fix"],
    "render": ["render", "{map}", "-o", "{out}/map.svg"],
    "render-mermaid": ["render", "{map}", "--format", "mermaid"],
    "report": ["report", "{map}", "-o", "{out}/report.md"],
    "init": ["init", "{map}"],  # an existing file: refused, and left as it is
}
LOCATED = re.compile(r"^(?:cjm: error: )?\S.*?:\d+:\d+: ", re.MULTILINE)


def wrong_types() -> dict[str, bytes]:
    """A valid sample with one field at a time given the wrong type: the schema must catch each before any
    command uses the value."""
    import yaml

    base = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    targets = [
        ("title",),
        ("business",),
        ("personas",),
        ("phases",),
        ("phases", 0),
        ("phases", 0, "actions"),
        ("phases", 0, "emotion"),
        ("phases", 1, "touchpoints", 0),
        ("phases", 1, "kpis"),
        ("initiatives", 0, "impact"),
        ("initiatives", 0, "depends_on"),
        ("messages", 0, "sequence"),
        ("phases", 0, "id"),
        ("initiatives", 0, "phases"),
    ]
    variants = {}
    for path in targets:
        for wrong in ([1, 2], {"x": 1}, 3.5, None, "text"):
            data = json.loads(json.dumps(base))
            node = data
            for step in path[:-1]:
                node = node[step]
            if type(node.get(path[-1]) if isinstance(node, dict) else node[path[-1]]) is type(wrong):
                continue
            node[path[-1]] = wrong
            name = "wrong-" + "-".join(map(str, path)) + "-" + type(wrong).__name__
            variants[name] = yaml.safe_dump(data, allow_unicode=True).encode()
    return variants


CORPUS_FILES = {name: raw for name, (raw, _, _) in HOSTILE.items()} | wrong_types()


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, raw in CORPUS_FILES.items():
        (folder / f"{name}.yaml").write_bytes(raw)
    return folder


def run(command: str, path: Path, out: Path):
    args = [a.format(map=path, out=out) for a in COMMANDS[command]]
    before = path.read_bytes()
    proc = cli(*args)
    assert proc.returncode in (1, 2), (args, proc.returncode, proc.stdout[-500:], proc.stderr[-500:])
    assert "Traceback" not in proc.stdout + proc.stderr
    if command != "init":  # init does not read the file: it refuses to replace it
        assert LOCATED.search(proc.stdout + proc.stderr), (args, proc.stdout[-500:], proc.stderr[-500:])
    assert path.read_bytes() == before, "a command changed its hostile input"
    return proc


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_survives_the_hostile_corpus(command, hostile_dir, tmp_path):
    for path in sorted(hostile_dir.glob("*.yaml")):
        if path.stat().st_size > 5_000_000 and command not in ("validate", "adapt"):
            continue  # the size limit is the same loader call; once per command family is enough
        run(command, path, tmp_path)


@pytest.mark.parametrize("command", ["prioritise", "adapt", "split", "merge", "diff", "lint", "render", "report"])
def test_every_command_survives_the_yaml_test_suite(command, tmp_path):
    for path in sorted(CORPUS.glob("*/*.yaml")):
        copy = tmp_path / "case.yaml"
        shutil.copyfile(path, copy)
        args = [a.format(map=copy, out=tmp_path) for a in COMMANDS[command]]
        proc = cli(*args)
        assert proc.returncode in (1, 2), (path.name, proc.stdout[-300:], proc.stderr[-300:])
        assert "Traceback" not in proc.stdout + proc.stderr, path.name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_generated_garbage_never_breaks_a_command(garbage, tmp_path):
    path = tmp_path / "garbage.yaml"
    path.write_bytes(garbage)
    for command in COMMANDS:
        args = [a.format(map=path, out=tmp_path) for a in COMMANDS[command]]
        proc = cli(*args)
        assert proc.returncode in (1, 2), (command, garbage, proc.stdout[-300:], proc.stderr[-300:])
        assert "Traceback" not in proc.stdout + proc.stderr


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=journey_maps())
def test_every_command_on_generated_valid_maps(text, tmp_path):
    """Generated valid maps (the adapt property tests' strategy): every command succeeds or reports findings,
    and nothing that changes a map can make it invalid."""
    path = tmp_path / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    first, second = (phase["id"] for phase in load_yaml(text, "m").data["phases"][:2])
    expected = {
        ("validate", str(path)): (0,),
        ("lint", str(path)): (0, 1),
        ("prioritise", str(path)): (0,),
        ("adapt", str(path), "--auto", "-o", str(tmp_path / "auto.yaml")): (0,),
        ("split", str(path), first, "--into", "part-a,part-b", "-o", str(tmp_path / "split.yaml")): (0,),
        ("merge", str(path), first, second, "--into", "merged", "-o", str(tmp_path / "merged.yaml")): (0,),
        ("render", str(path), "--format", "dot"): (0,),
        ("render", str(path), "--format", "mermaid"): (0,),
        ("report", str(path), "-o", str(tmp_path / "report.md")): (0,),
        ("diff", str(SAMPLE), str(path)): (1,),
    }
    for args, codes in expected.items():
        proc = cli(*args)
        assert proc.returncode in codes, (args, proc.returncode, proc.stdout[-400:], proc.stderr[-400:])
        assert "Traceback" not in proc.stdout + proc.stderr
    for written in ("auto.yaml", "split.yaml", "merged.yaml"):
        if (tmp_path / written).exists():
            assert cli("validate", str(tmp_path / written)).returncode == 0

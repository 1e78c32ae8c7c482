"""Legal maps built to be slow: every command answers each within a generous time bound, with bounded output.

(`make bench` measures the time; the bound here only catches a command that has gone quadratic again. It is on
the processor time of this process, which a busy machine does not stretch as it does the time on the clock.)
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .conftest import cli
from .test_hostile_commands import COMMANDS
from .test_suggest import look_alike_references

TIME_BOUND = 15.0  # processor seconds per command and input; each takes a few, and took 20 s to minutes before


def unknown_keys(count: int = 200_000) -> bytes:
    """Just under the 8 MB limit's reach in a CI job: a 3 MB map with 200,000 keys the schema does not know."""
    head = "cjm: 1\nid: big\ntitle: Big\nphases:\n  - id: awareness\n    name: A\n    kind: awareness\n"
    return (head + "".join(f"unknown{i:06d}: 1\n" for i in range(count))).encode()


SLOW = {"unknown-keys": unknown_keys, "look-alike-references": look_alike_references}


@pytest.fixture(scope="module")
def slow_maps(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("slow")
    paths = {}
    for name, make in SLOW.items():
        paths[name] = folder / f"{name}.yaml"
        paths[name].write_bytes(make())
    return paths


@pytest.mark.parametrize("name", SLOW)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_answers_a_slow_map_in_time_with_bounded_output(command, name, slow_maps, tmp_path):
    path = slow_maps[name]
    args = [a.format(map=path, out=tmp_path) for a in COMMANDS[command]]
    start = time.process_time()
    proc = cli(*args)
    took = time.process_time() - start
    assert took < TIME_BOUND, f"{command} took {took:.1f} s on {name}"
    assert proc.returncode in (1, 2), (proc.returncode, proc.stdout[-500:], proc.stderr[-500:])
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert len(output.splitlines()) <= 40, output[-2000:]


def test_repeated_problems_are_capped_with_a_count_of_the_rest(slow_maps):
    proc = cli("validate", str(slow_maps["unknown-keys"]))
    lines = proc.stdout.splitlines()
    assert len([line for line in lines if "unknown key `unknown" in line]) == 10
    assert '… and 199,990 more "unknown key …" problems' in proc.stdout
    assert lines[-1] == "1 file checked: 200,000 problems (200,000 errors) in 1 file."


def test_broken_references_still_get_their_suggestion(slow_maps):
    proc = cli("validate", str(slow_maps["look-alike-references"]), "--format", "json")
    import json

    problems = json.loads(proc.stdout)["problems"]
    assert problems[0]["message"].endswith("did you mean 'pain-point-number-00000'?")
    assert all(f"'pain-point-number-{i:05d}'" in p["message"] for i, p in enumerate(problems[:10]))
    assert problems[-1]["omitted"] == 1_990
    assert json.loads(proc.stdout)["summary"]["problems"] == 2_000

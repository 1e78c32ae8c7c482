"""`make bench`: measure cjm against the tools and floors named in issues 8, 14 and 18, in one run, and check the
targets.

Absolute times on a shared machine drift; ratios measured side by side hold. So every comparison runs its
commands interleaved (A B C, B C A, ...), several times, and compares medians. The method is in
docs/benchmarks.md; the results go to bench/results/latest.json.

    python -m bench.run [--quick] [--rounds N] [--maps N] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.generate import SINGLE_SIZES, Corpus, write_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SCHEMA = ROOT / "schemas" / "journey.schema.json"
PYTHON = sys.executable
BIN = Path(sys.executable).parent
TIMEOUT = 600  # seconds for any one command: a hung tool must not hang the harness

# What each scaling measurement runs, `{map}` being the N-phase map, `{edited}` the same map edited, `{grid}` the map
# exported as an .xlsx grid (for import) and `{out}` a scratch path. Commands that are still being built elsewhere are
# skipped, with a line saying so, until they exist; adjust the arguments here when a command's interface settles.
# render is measured for cjm's part (the DOT or Mermaid it writes); Graphviz's `dot` on the same DOT is measured
# beside it (SCALING_GRAPHVIZ), with no target of cjm's: it is another program, and superlinear on huge graphs.
SCALING_COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{map}"],
    "lint": ["lint", "{map}"],
    # impulse merges every interest and consideration phase: work that grows with the map (--auto changes nothing
    # on these maps, which already have the phases the rules add).
    "adapt": ["adapt", "{map}", "--rule", "impulse", "-o", "{out}.yaml"],
    "prioritise": ["prioritise", "{map}"],
    "render map (DOT)": ["render", "{map}", "--format", "dot", "-o", "{out}.dot"],
    "render emotion (DOT)": ["render", "{map}", "--view", "emotion", "--format", "dot", "-o", "{out}.dot"],
    "render matrix (DOT)": ["render", "{map}", "--view", "matrix", "--format", "dot", "-o", "{out}.dot"],
    "render roadmap (DOT)": ["render", "{map}", "--view", "roadmap", "--format", "dot", "-o", "{out}.dot"],
    "render map (Mermaid)": ["render", "{map}", "--format", "mermaid", "-o", "{out}.mmd"],
    "diff": ["diff", "{map}", "{edited}"],
    "report": ["report", "{map}"],  # Markdown with the map as Mermaid, on standard output: no `dot`
    "export (xlsx)": ["export", "{map}", "-o", "{out}.xlsx"],
    "export (pptx)": ["export", "{map}", "-o", "{out}.pptx"],
    "import (xlsx)": ["import", "{grid}", "-o", "{out}.yaml", "--force"],
}
# The DOT that `render map (DOT)` wrote, drawn by `dot` alone and by `cjm render` as a user runs it: both shown beside
# cjm's own part, for the record.
SCALING_GRAPHVIZ = {
    "dot alone (map view)": ["dot", "-Tsvg", "{dot}", "-o", os.devnull],
    "render map (SVG)": ["render", "{map}", "-o", "{out}.svg"],
}
RENDER_DOT = ["render", "{map}", "--format", "dot", "-o", "{out}.dot"]  # how to get the DOT that render feeds dot
DOT_ALONE = ["dot", "-Tsvg", "{out}.dot", "-o", os.devnull]

# Each command's cold start on one map, against the interpreter and against the imports the command cannot do
# without (the YAML parser it reads with, and for adapt the round-trip one it writes with).
COLD_COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{map}"],
    "lint": ["lint", "{map}"],
    "prioritise": ["prioritise", "{map}"],
    "diff": ["diff", "{map}", "{edited}"],
    "adapt": ["adapt", "{map}", "--auto", "-o", "{out}.yaml"],
    "render": ["render", "{map}", "--format", "dot", "-o", "{out}.dot"],
}
NEEDED_IMPORTS = {
    "validate": "import yaml",
    "lint": "import yaml",
    "prioritise": "import yaml",
    "diff": "import yaml, difflib",
    "adapt": "import yaml, ruamel.yaml",
    "render": "import yaml",
}

# Every command on the maps built to be slow (bench/hostile.py); `{other}` is the other side of a diff.
HOSTILE_COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{map}"],
    "validate > file": ["validate", "{map}", "-o", "{out}.txt"],
    "lint": ["lint", "{map}"],
    "prioritise": ["prioritise", "{map}"],
    "adapt": ["adapt", "{map}", "--auto", "-o", "{out}.yaml"],
    "render": ["render", "{map}", "-o", "{out}.svg"],
    "report": ["report", "{map}", "-o", "{out}.md"],
    "diff": ["diff", "{other}", "{map}"],
}
HOSTILE_LIMIT = 2.0  # CPU seconds: "about a second" for any input (issue 14), with room for a slower machine

FLOOR_SCRIPT = """
import os, sys, yaml
root = sys.argv[1]
for name in sorted(os.listdir(root)):
    with open(os.path.join(root, name), "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""
JSONSCHEMA_SCRIPT = """
import json, os, sys, yaml
from jsonschema import Draft202012Validator
validator = Draft202012Validator(json.load(open(sys.argv[2])))
root = sys.argv[1]
for name in sorted(os.listdir(root)):
    with open(os.path.join(root, name), "rb") as handle:
        validator.validate(yaml.load(handle, Loader=yaml.CSafeLoader))
"""
# check-jsonschema as it runs where ruamel.yaml has no C parser (ruamel.yaml.clib not installed).
PURE_PEER = """
import runpy, sys
sys.modules["_ruamel_yaml"] = sys.modules["ruamel.yaml.clib._ruamel_yaml"] = None
sys.argv[0] = "check-jsonschema"
runpy.run_module("check_jsonschema", run_name="__main__")
"""


# --- running commands ------------------------------------------------------------------------------------------


@dataclass
class Command:
    """Something to time. `inprocess` commands are cjm arguments timed without start-up by bench.inprocess, in a
    fresh process each time, after an untimed run on `warm` (other input) and with cjm's caches emptied."""

    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    env: dict[str, str] = field(default_factory=dict)
    max_runs: int | None = None  # slow baselines run fewer times
    inprocess: bool = False
    warm: list[str] = field(default_factory=list)  # an in-process command's warm-up arguments
    timeout: float = TIMEOUT
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds (every process) per sample

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    def full_argv(self) -> list[str]:
        if self.inprocess:
            return [PYTHON, "-m", "bench.inprocess", json.dumps(self.warm), json.dumps(self.argv)]
        return self.argv

    def execute(self) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **self.env}
        return subprocess.run(self.full_argv(), cwd=ROOT, env=env, capture_output=True, text=True, timeout=self.timeout)

    def run(self) -> None:
        before = os.times()
        start = time.perf_counter()
        done = self.execute()
        wall = time.perf_counter() - start
        after = os.times()
        if self.inprocess:
            if done.returncode != 0 or not done.stdout.strip():  # the runner itself failed, not the command
                raise Failed(self, done, [done.returncode])
            report = json.loads(done.stdout.strip().splitlines()[-1])
            if report["exit_code"] not in self.ok_codes:
                raise Failed(self, done, [report["exit_code"]])
            self.samples.append(report["time"])
            self.cpu.append(report["cpu"])
            return
        if done.returncode not in self.ok_codes:
            raise Failed(self, done, [done.returncode])
        self.samples.append(wall)
        self.cpu.append((after.children_user - before.children_user) + (after.children_system - before.children_system))


class Failed(Exception):
    def __init__(self, command: Command, done: subprocess.CompletedProcess[str], codes: list[int]) -> None:
        last = (done.stderr or done.stdout).strip().splitlines()[-3:]
        super().__init__(f"`{' '.join(command.argv)}` exited with {codes[0]}: {' | '.join(last)}")


def interleaved(commands: list[Command], rounds: int) -> None:
    """Run every command `rounds` times, rotating the order each round, after one untimed warm-up each (in-process
    commands warm up in each of their own processes)."""
    for command in commands:
        if not command.inprocess:
            command.execute()  # warm the page cache and bytecode; not timed
    for number in range(rounds):
        shift = number % len(commands)
        for command in commands[shift:] + commands[:shift]:
            if command.max_runs is None or len(command.samples) < command.max_runs:
                command.run()


def cjm(*args: str) -> list[str]:
    return [PYTHON, "-m", "cjm", *args]


def command_exists(name: str) -> bool:
    return subprocess.run(cjm(name, "--help"), cwd=ROOT, capture_output=True).returncode == 0


# --- memory ----------------------------------------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        queue.extend(int(child) for child in children)
    return pids


def _kilobytes(path: str, field_name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field_name):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def peak_memory(argv: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Peak memory of a command and all its processes, sampled every 5 ms from /proc.

    `pss_mb`: the peak of the summed proportional set size (shared pages divided among the processes that share
    them: the memory the run really takes). `rss_sum_mb`: the sum of each process's own peak RSS, an upper bound
    that counts shared pages once per process."""
    process = subprocess.Popen(
        argv, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak_pss, rss_peaks = 0, dict[int, int]()
    while process.poll() is None:
        pids = _tree(process.pid)
        peak_pss = max(peak_pss, sum(_kilobytes(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
        for p in pids:
            rss_peaks[p] = max(rss_peaks.get(p, 0), _kilobytes(f"/proc/{p}/status", "VmHWM:"))
        time.sleep(0.005)
    if process.returncode != 0:  # a run that stopped early would look small
        raise subprocess.CalledProcessError(process.returncode, argv)
    return {"pss_mb": peak_pss / 1024, "rss_sum_mb": sum(rss_peaks.values()) / 1024, "processes": len(rss_peaks)}


# --- targets ---------------------------------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    wanted: str  # "at least" or "at most"
    limit: float
    value: float | None = None
    note: str = ""
    unit: str = "×"
    failed: bool = False  # what it measures did not finish

    @property
    def status(self) -> str:
        if self.failed:
            return "MISSED"
        if self.value is None:
            return "NOT MEASURED"
        met = self.value >= self.limit if self.wanted == "at least" else self.value <= self.limit
        return "met" if met else "MISSED"


@dataclass
class Report:
    machine: dict[str, Any]
    measurements: dict[str, dict[str, Any]] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def record(self, *commands: Command) -> None:
        for command in commands:
            self.measurements[command.name] = {
                "command": " ".join(command.full_argv()),
                "median_s": command.median,
                "runs_s": command.samples,
                "cpu_s": command.cpu,
                "cores_used": _cores_used(command),
            }

    def say(self, line: str) -> None:
        self.lines.append(line)
        print(line, flush=True)


def _cores_used(command: Command) -> float | None:
    if not command.cpu:
        return None
    return statistics.median(cpu / wall for cpu, wall in zip(command.cpu, command.samples, strict=True))


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


# --- the measurements ------------------------------------------------------------------------------------------

Measurement = Callable[[Report, Corpus, argparse.Namespace], None]


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def many_files(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    maps = str(corpus.map_dir)
    ours = Command("cjm validate (pool)", cjm("validate", maps))
    one_job = Command("cjm validate --jobs 1", cjm("validate", "--jobs", "1", maps))
    floor = Command("PyYAML C loader (floor)", [PYTHON, "-c", FLOOR_SCRIPT, maps])
    commands = [
        ours,
        one_job,
        floor,
        Command(
            "PyYAML C loader + jsonschema",
            [PYTHON, "-c", JSONSCHEMA_SCRIPT, maps, str(SCHEMA)],
            max_runs=args.slow_rounds,
        ),
    ]
    peer_target = Target("validate: check-jsonschema (C parser) / cjm --jobs 1, CPU for CPU", "at least", 5)
    floor_target = Target("validate: cjm --jobs 1 / PyYAML C-loader parse floor, CPU for CPU", "at most", 1.2)
    check_jsonschema, yamllint = BIN / "check-jsonschema", BIN / "yamllint"
    peer = None
    if check_jsonschema.exists() and _ruamel_has_c_parser():
        files = [str(path) for path in corpus.maps]
        peer = Command(
            "check-jsonschema (C parser)",
            [str(check_jsonschema), "--schemafile", str(SCHEMA), *files],
            max_runs=args.slow_rounds,
        )
        commands.append(peer)
        if args.pure_peer:
            commands.append(
                Command(
                    "check-jsonschema (pure Python)",
                    [PYTHON, "-c", PURE_PEER, "--schemafile", str(SCHEMA), *files],
                    max_runs=args.slow_rounds,
                )
            )
    else:
        peer_target.note = (
            "check-jsonschema or ruamel.yaml.clib not installed: run `make bench` (it installs the `bench` extra)"
        )
    if yamllint.exists():
        commands.append(
            Command(
                "yamllint (relaxed)", [str(yamllint), "-d", "relaxed", maps], ok_codes=(0, 1), max_runs=args.slow_rounds
            )
        )
    report.targets.extend([peer_target, floor_target])
    report.say(f"\n{len(corpus.maps):,} maps: interleaved runs (slow tools {args.slow_rounds} times; {_load()}) ...")
    interleaved(commands, args.rounds)
    report.record(*commands)
    report.say(f"  {'':34} {'wall':>9} {'CPU':>9}  {'wall / cjm (pool)':>17}  {'CPU / cjm --jobs 1':>18}  cores")
    for command in commands:
        report.say(
            f"  {command.name:34} {_seconds(command.median):>9} {_seconds(command.cpu_median):>9}  "
            f"{command.median / ours.median:16.2f}×  {command.cpu_median / one_job.cpu_median:17.2f}×  "
            f"{_cores_used(command):.1f}"
        )
    if peer is not None:
        peer_target.value = peer.cpu_median / one_job.cpu_median
    floor_target.value = one_job.cpu_median / floor.cpu_median


def _ruamel_has_c_parser() -> bool:
    """Whether ruamel.yaml (check-jsonschema's parser) has its C parser here, as its users install it."""
    probe = "import ruamel.yaml.main as m; print(m.CParser is not None)"
    done = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True)
    return done.stdout.strip() == "True"


def cold_start(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    target = Target("cold start: `cjm --version` / `python -c pass`", "at most", 3)
    report.targets.append(target)
    scratch = _scratch()
    one = str(corpus.maps[0])
    interpreter = Command("python -c pass", [PYTHON, "-c", "pass"])
    version = Command("cjm --version", cjm("--version"))
    baselines = {code: Command(f"python -c '{code}'", [PYTHON, "-c", code]) for code in set(NEEDED_IMPORTS.values())}
    commands = [interpreter, version, *baselines.values()]
    pairs = []
    for name, template in COLD_COMMANDS.items():
        if not command_exists(name):
            report.say(f"  {name}: not available yet")
            continue
        argv = [part.format(map=one, edited=one, out=scratch / f"cold-{name}") for part in template]
        command = Command(f"cjm {' '.join(template[:1])} (one map)", cjm(*argv), ok_codes=(0, 1))
        commands.append(command)
        pairs.append((name, command, baselines[NEEDED_IMPORTS[name]]))
    report.say(f"\nCold start: interleaved runs ({_load()}) ...")
    interleaved(commands, args.rounds * 4)
    report.record(*commands)
    report.say(f"  {interpreter.name:40} {_seconds(interpreter.median):>9}")
    report.say(
        f"  {version.name:40} {_seconds(version.median):>9}  {version.median / interpreter.median:5.1f}× python -c pass"
    )
    for name, command, baseline in pairs:
        report.say(
            f"  {command.name:40} {_seconds(command.median):>9}  {command.median / interpreter.median:5.1f}× "
            f"python -c pass, {command.median / baseline.median:4.1f}× what it needs ({NEEDED_IMPORTS[name]}: "
            f"{_seconds(baseline.median)})"
        )
    target.value = version.median / interpreter.median


def parallel(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    cores = os.cpu_count() or 1
    many = f"{len(corpus.maps):,} maps"
    target = Target(f"many files: validate 1 job / {cores} cores ({many})", "at least", 1.5)
    small = Target(f"few files: {cores} cores / 1 job (10 maps; no pool when it does not pay)", "at most", 1.1)
    lint_target = Target(f"lint with a pool: lint 1 job / {cores} cores ({many})", "at least", 1.5)
    report.targets.extend([target, small, lint_target])
    if cores < 2:
        target.note = small.note = lint_target.note = "one core: nothing to parallelise"
        return
    few = [str(path) for path in corpus.maps[:10]]
    maps = str(corpus.map_dir)
    commands = [
        Command(f"validate {many}, 1 job", cjm("validate", maps), env={"CJM_JOBS": "1"}),
        Command(f"validate {many}, auto", cjm("validate", maps)),
        Command("validate 10 maps, 1 job", cjm("validate", *few), env={"CJM_JOBS": "1"}),
        Command("validate 10 maps, auto", cjm("validate", *few)),
    ]
    lint_jobs = subprocess.run(cjm("lint", "--help"), cwd=ROOT, capture_output=True, text=True).stdout
    if "--jobs" in lint_jobs:
        commands += [
            Command(f"lint {many}, 1 job", cjm("lint", "--jobs", "1", maps), ok_codes=(0, 1)),
            Command(f"lint {many}, auto", cjm("lint", maps), ok_codes=(0, 1)),
        ]
    else:
        lint_target.failed = True
        lint_target.note = "`cjm lint` has no --jobs: it runs in one process"
    report.say(f"\nBoth cores: interleaved runs ({_load()}) ...")
    # The 10-map pair runs on its own, four times as often: a difference of a tenth on a run this short is a few
    # milliseconds, which one busy moment of the machine's would otherwise decide.
    interleaved(commands[:2] + commands[4:], args.rounds)
    interleaved(commands[2:4], args.rounds * 4)
    report.record(*commands)
    for command in commands:
        report.say(f"  {command.name:34} {_seconds(command.median):>9}  ({_cores_used(command):.1f} cores)")
    target.value = commands[0].median / commands[1].median
    small.value = commands[3].median / commands[2].median
    if len(commands) > 4:
        lint_target.value = commands[4].median / commands[5].median
        report.say(f"  lint (pool) / validate (pool): {commands[5].median / commands[1].median:.2f}×")
    for pool, measured in ((commands[1], target), *(((commands[5], lint_target),) if len(commands) > 4 else ())):
        busy = _cores_used(pool)
        if busy is not None and busy < min(cores, 2) * 0.8:
            measured.note = (
                f"the pool got {busy:.1f} cores: other processes held the rest, so this run cannot show "
                "its gain; run again on an idle machine"
            )


def memory(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    report.say("\nPeak memory of `cjm validate` over the maps ...")
    peaks = [peak_memory(cjm("validate", str(corpus.map_dir))) for _ in range(3)]
    worst = max(peaks, key=lambda p: p["pss_mb"])
    report.measurements["peak memory"] = {"runs": peaks, "worst": worst}
    report.say(
        f"  {worst['pss_mb']:.0f} MB (proportional set size summed over {worst['processes']} processes; "
        f"their RSS peaks add up to {worst['rss_sum_mb']:.0f} MB)"
    )
    report.targets.append(
        Target(f"memory: peak for {len(corpus.maps):,} maps", "at most", 100, worst["pss_mb"], unit=" MB")
    )


def _scratch() -> Path:
    scratch = RESULTS / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    return scratch


def _inprocess(name: str, template: list[str], corpus: Corpus, size: int, **options: Any) -> Command:
    """A command on the `size`-phase map, timed in a fresh process after a warm-up on a small map of the corpus."""
    scratch = _scratch()
    needs_grid = any("{grid}" in part for part in template)

    def fill(map_path: Path, edited: Path, out: Path) -> list[str]:
        grid = _grid(map_path) if needs_grid else ""
        return [part.format(map=map_path, edited=edited, out=out, grid=grid) for part in template]

    argv = fill(corpus.single[size], corpus.edited[size], scratch / f"{_slug(name)}-{size}")
    warm = fill(corpus.maps[0], corpus.maps[1], scratch / f"{_slug(name)}-warm")
    return Command(f"{name} {size:,} phases", argv, ok_codes=(0, 1), inprocess=True, warm=warm, **options)


def _slug(name: str) -> str:
    return "".join(char if char.isalnum() else "-" for char in name)


def _grid(path: Path) -> Path:
    """The map exported as an .xlsx grid, for `cjm import` (made once per run, untimed)."""
    grid = _scratch() / f"grid-{path.stem}.xlsx"
    if not grid.exists():
        subprocess.run(cjm("export", str(path), "-o", str(grid)), cwd=ROOT, check=True, capture_output=True)
    return grid


def _imported_phases(path: Path) -> int:
    import yaml

    return len((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("phases") or [])


def _steps(name: str, commands: list[Command]) -> str:
    steps = list(itertools.pairwise(commands))
    return (
        f"  {name}: "
        + ", ".join(f"{c.name.removeprefix(name).strip()} {_seconds(c.median)}" for c in commands)
        + "; per step ×"
        + " ×".join(f"{b.median / a.median:.1f}" for a, b in steps)
        + " (CPU ×"
        + " ×".join(f"{b.cpu_median / a.cpu_median:.1f}" for a, b in steps)
        + ")"
    )


def _run_sizes(commands: list[Command], args: argparse.Namespace, big: int) -> None:
    """The largest map on its own (fewer runs), so that a command too slow for it still shows the others."""
    interleaved(commands[:-1], args.rounds)
    interleaved(commands[-1:], args.big_rounds if big >= 10_000 else args.rounds)


def scaling(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    sizes = sorted(corpus.single)
    small, big = sizes[-2], sizes[-1]
    fewer = f"; {args.big_rounds} runs at 10,000 phases" if big >= 10_000 else ""
    report.say(f"\nScaling with the map (each run in a fresh process, without start-up{fewer}; {_load()}) ...")
    for name, template in SCALING_COMMANDS.items():
        target = Target(f"scaling: {name} {big:,} phases / {small:,} phases, CPU", "at most", 12)
        report.targets.append(target)
        if not command_exists(template[0]):
            target.note = f"not available yet: no `cjm {template[0]}` in this tree"
            report.say(f"  {name}: not available yet")
            continue
        commands: list[Command] = []
        try:
            commands = [_inprocess(name, template, corpus, size) for size in sizes]
            _run_sizes(commands, args, big)
        except (Failed, subprocess.TimeoutExpired, subprocess.CalledProcessError) as err:
            done = [c for c in commands if c.samples]
            report.record(*done)
            target.failed = True  # a command that cannot run on the big map misses the target, loudly
            slow = isinstance(err, subprocess.TimeoutExpired)
            target.note = f"{big:,} phases took over {TIMEOUT} s" if slow else f"could not run: {err}"
            report.say(
                f"  {name}: "
                + ", ".join(f"{c.name.removeprefix(name).strip()} {_seconds(c.median)}" for c in done)
                + f"; {target.note}"
            )
            continue
        report.record(*commands)
        report.say(_steps(name, commands))
        target.value = commands[-1].cpu_median / commands[-2].cpu_median
        if template[0] == "import":  # the same work at every size only if every phase was read
            read = _imported_phases(Path(f"{_scratch() / _slug(name)}-{big}.yaml"))
            if read != big:
                target.failed = True
                target.note = f"read {read:,} of the grid's {big:,} phases: the ratio compares less work"
                report.say(f"  {name}: {target.note}")
    _graphviz_scaling(report, corpus, args, sizes)


def _graphviz_scaling(report: Report, corpus: Corpus, args: argparse.Namespace, sizes: list[int]) -> None:
    """`dot` alone on the DOT that `render map (DOT)` wrote, and `cjm render -o map.svg` as a user runs it: no
    target (dot is not cjm), printed so that cjm's part and Graphviz's are told apart."""
    scratch = _scratch()
    if not command_exists("render") or shutil.which("dot") is None:
        report.say("  dot alone: not measured (no `cjm render` or no Graphviz)")
        return
    dot_files = {size: scratch / f"{_slug('render map (DOT)')}-{size}.dot" for size in sizes}
    if not all(path.exists() for path in dot_files.values()):
        report.say("  dot alone: not measured (`render map (DOT)` wrote no DOT)")
        return
    dot_template = SCALING_GRAPHVIZ["dot alone (map view)"]
    dot_alone = [
        Command(f"dot alone (map view) {size:,} phases", [part.format(dot=dot_files[size]) for part in dot_template])
        for size in sizes
    ]
    render_svg = [
        _inprocess("render map (SVG)", SCALING_GRAPHVIZ["render map (SVG)"], corpus, size, timeout=TIMEOUT)
        for size in sizes
    ]
    for name, commands in (("dot alone (map view)", dot_alone), ("render map (SVG)", render_svg)):
        try:
            _run_sizes(commands, args, sizes[-1])
        except (Failed, subprocess.TimeoutExpired) as err:
            report.record(*(c for c in commands if c.samples))
            report.say(f"  {name}: could not run: {err}")
            continue
        report.record(*commands)
        report.say(_steps(name, commands) + " (no target: Graphviz's share)")


def render_vs_dot(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    # "render's own overhead ... at most 1.3x the time dot alone takes": (render - dot) / dot. The plain ratio
    # render / dot is printed beside it.
    target = Target("render: own overhead (render - dot) / dot alone, same DOT, 100 phases, CPU", "at most", 1.3)
    report.targets.append(target)
    if not command_exists("render"):
        target.note = "not available yet: no `cjm render` in this tree"
        return
    out = _scratch() / "render-vs-dot"
    fill = [part.format(map=corpus.single[100], out=out) for part in RENDER_DOT]
    made = subprocess.run(cjm(*fill), cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    if made.returncode != 0 or not Path(f"{out}.dot").exists():
        target.note = (
            f"`cjm {' '.join(fill)}` gave no DOT (exit {made.returncode}); set RENDER_DOT in "
            "bench/run.py to the way render writes DOT"
        )
        return
    render = _inprocess("cjm render", SCALING_GRAPHVIZ["render map (SVG)"], corpus, 100)
    dot = Command("dot alone, same DOT", [p.format(out=out) for p in DOT_ALONE])
    report.say(f"\nRender against dot alone ({_load()}) ...")
    interleaved([render, dot], args.rounds)
    report.record(render, dot)
    report.say(
        f"  cjm render {_seconds(render.median)} ({_seconds(render.cpu_median)} CPU), dot alone "
        f"{_seconds(dot.median)} ({_seconds(dot.cpu_median)} CPU): render takes {render.median / dot.median:.2f}× "
        f"dot's time, its own work {(render.cpu_median - dot.cpu_median) / dot.cpu_median:.2f}× dot's CPU"
    )
    target.value = (render.cpu_median - dot.cpu_median) / dot.cpu_median


def hostile(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    """Every command on each map built to be slow (bench/hostile.py), as a user runs it: a whole process."""
    from bench import hostile as maps

    folder = _scratch() / "hostile"
    folder.mkdir(exist_ok=True)
    inputs: dict[str, tuple[Path, Path]] = {}  # name -> (the map, the other side of a diff)
    example = ROOT / "docs" / "example.yaml"
    for name, make in (("unknown-keys", maps.unknown_keys), ("broken-references", maps.broken_references)):
        (folder / f"{name}.yaml").write_bytes(make())
        inputs[name] = (folder / f"{name}.yaml", example)
    before, after = maps.rewritten_phase()
    (folder / "rewritten-before.yaml").write_bytes(before)
    (folder / "rewritten-after.yaml").write_bytes(after)
    inputs["rewritten-phase"] = (folder / "rewritten-after.yaml", folder / "rewritten-before.yaml")
    worst = Target(
        f"hostile input: the slowest command on any input, CPU seconds (absolute; timeout {args.hostile_timeout:g} s)",
        "at most",
        HOSTILE_LIMIT,
        unit=" s",
    )
    to_file = Target(
        "hostile input: 200,000 unknown keys, `validate -o FILE`, seconds (absolute)", "at most", 1, unit=" s"
    )
    report.targets.extend([worst, to_file])
    report.say(
        f"\nHostile input: every command on each map built to be slow, {args.hostile_rounds} run(s) each, "
        f"a whole process ({_load()}) ..."
    )
    report.say(f"  {'':16}" + "".join(f"{name:>24}" for name in inputs))
    slowest = 0.0
    for command, template in HOSTILE_COMMANDS.items():
        if not command_exists(template[0]):
            report.say(f"  {command}: not available yet")
            continue
        cells = []
        for name, (path, other) in inputs.items():
            argv = [p.format(map=path, other=other, out=folder / f"out-{command}-{name}") for p in template]
            run = Command(f"hostile: {command} {name}", cjm(*argv), ok_codes=(0, 1, 2), timeout=args.hostile_timeout)
            try:
                for _ in range(args.hostile_rounds):  # no warm-up run: the input was just written
                    run.run()
            except subprocess.TimeoutExpired:
                cells.append(f"> {args.hostile_timeout:g} s")
                slowest = max(slowest, float("inf"))
                report.measurements[run.name] = {"command": " ".join(run.argv), "timed_out_s": args.hostile_timeout}
                continue
            except Failed as err:
                cells.append("failed")
                worst.note = f"{run.name}: {err}"
                continue
            report.record(run)
            cells.append(f"{_seconds(run.median)} ({_seconds(run.cpu_median)} CPU)")
            slowest = max(slowest, run.cpu_median)
            if command == "validate > file" and name == "unknown-keys":
                to_file.value = run.median
        report.say(f"  {command:16}" + "".join(f"{cell:>24}" for cell in cells))
    if command_exists("validate") and to_file.value is None:
        to_file.note = f"did not finish within {args.hostile_timeout:g} s"
    if slowest == float("inf"):  # shown as the timeout, which it took at least
        slowest = float(args.hostile_timeout)
        worst.note = f"a command did not finish within the {args.hostile_timeout:g} s timeout"
    worst.value = slowest


MEASUREMENTS: dict[str, Measurement] = {
    "many-files": many_files,
    "cold-start": cold_start,
    "parallel": parallel,
    "memory": memory,
    "scaling": scaling,
    "render": render_vs_dot,
    "hostile": hostile,
}


# --- the run ---------------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    def version(argv: list[str]) -> str:
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        except OSError:
            return "not installed"
        return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "not installed"

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
        "versions": {
            "cjm": version(cjm("--version")),
            "PyYAML": version([PYTHON, "-c", "import yaml; print(yaml.__version__, 'libyaml', yaml.__with_libyaml__)"]),
            "jsonschema": version([PYTHON, "-c", "import importlib.metadata as m; print(m.version('jsonschema'))"]),
            "check-jsonschema": version([str(BIN / "check-jsonschema"), "--version"]),
            "ruamel.yaml": version(
                [
                    PYTHON,
                    "-c",
                    "import importlib.metadata as m, ruamel.yaml.main as y; "
                    "print(m.version('ruamel.yaml'), 'C parser' if y.CParser else 'no C parser')",
                ]
            ),
            "yamllint": version([str(BIN / "yamllint"), "--version"]),
            "dot": version(["dot", "-V"]),
        },
    }


def print_targets(report: Report) -> None:
    report.say("\nTargets (ratios measured in this run, but for the two absolute hostile-input bounds):")
    width = max(len(t.name) for t in report.targets)
    for t in report.targets:
        value = "—" if t.value is None else (f"{t.value:.0f}{t.unit}" if t.unit == " MB" else f"{t.value:.2f}{t.unit}")
        limit = f"{t.wanted} {t.limit:g}{t.unit}"
        line = f"  {t.name:{width}}  {value:>8}  {limit:>13}  {t.status}"
        report.say(line + (f"  ({t.note})" if t.note else ""))


def verdict(report: Report) -> bool:
    """Say how many targets were met and name each one missed or not measured: the run fails on either."""
    missed = [t.name for t in report.targets if t.status == "MISSED"]
    unmeasured = [t.name for t in report.targets if t.status == "NOT MEASURED"]
    met = len(report.targets) - len(missed) - len(unmeasured)
    report.say(f"\n{met} of {len(report.targets)} targets met")
    for status, names in (("MISSED", missed), ("NOT MEASURED", unmeasured)):
        for name in names:
            report.say(f"  {status}: {name}")
    return not missed and not unmeasured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each command (default 5)")
    parser.add_argument("--slow-rounds", type=int, default=3, help="runs of the slow tools (default 3)")
    parser.add_argument("--maps", type=int, default=1000, help="maps in the many-files corpus (default 1000)")
    parser.add_argument("--only", nargs="+", choices=list(MEASUREMENTS), help="run only these measurements")
    parser.add_argument("--big-rounds", type=int, default=3, help="runs at 10,000 phases (default 3)")
    parser.add_argument("--hostile-rounds", type=int, default=1, help="runs per hostile input (default 1)")
    parser.add_argument(
        "--hostile-timeout",
        type=float,
        default=60,
        help="seconds before a hostile run is stopped and counted as missed (default 60)",
    )
    parser.add_argument(
        "--no-pure-peer",
        dest="pure_peer",
        action="store_false",
        help="leave out check-jsonschema without ruamel's C parser (the slowest baseline)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 100 maps, up to 1,000 phases, 2 rounds, "
        "the slow tools once; its figures are not the benchmark's",
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    sizes: tuple[int, ...] = SINGLE_SIZES
    root = ROOT / "bench" / "corpus"
    if args.quick:
        args.maps, args.rounds, args.slow_rounds, args.big_rounds = 100, 2, 1, 1
        args.hostile_timeout, args.pure_peer = min(args.hostile_timeout, 20), False
        sizes = tuple(n for n in SINGLE_SIZES if n <= 1000)
        root = ROOT / "bench" / "corpus-quick"
        if args.output == RESULTS / "latest.json":
            args.output = RESULTS / "quick.json"

    started = time.time()
    corpus = write_corpus(root, count=args.maps, sizes=sizes)
    # Measure cjm as installed: pip compiles bytecode on install, and this machine may forbid writing it on import.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "cjm")], check=True)
    size = sum(path.stat().st_size for path in corpus.maps)
    report = Report(machine())
    info = report.machine
    report.say(
        f"cjm benchmarks: {info['cores']} cores ({info['cpu']}), Python {info['python']}, "
        f"load average {info['load_average_at_start'][0]:.1f} at start"
    )
    report.say(
        f"corpus: {len(corpus.maps):,} maps ({size / 1e6:.1f} MB) and single maps of "
        f"{', '.join(f'{n:,}' for n in corpus.single)} phases, in {corpus.root.relative_to(ROOT)}"
    )
    if args.quick:
        report.say("note: --quick: a smoke run of the harness; its figures are not the benchmark's")
    if info["load_average_at_start"][0] > (info["cores"] or 1) / 2:
        report.say("note: the machine is busy; absolute times will drift, the interleaved ratios less so")
    failed = []
    for name in args.only or MEASUREMENTS:
        try:
            MEASUREMENTS[name](report, corpus, args)
        except (Failed, subprocess.TimeoutExpired, subprocess.CalledProcessError) as err:
            failed.append(name)
            report.say(f"  {name}: could not run: {err}")
    print_targets(report)
    all_met = verdict(report)
    info["load_average_at_end"] = os.getloadavg()
    report.say(f"load average {info['load_average_at_end'][0]:.1f} at the end")
    info["duration_s"] = round(time.time() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "machine": info,
                "corpus": {
                    "maps": len(corpus.maps),
                    "bytes": size,
                    "single": {n: str(p.relative_to(ROOT)) for n, p in corpus.single.items()},
                    "edited": {n: str(p.relative_to(ROOT)) for n, p in corpus.edited.items()},
                },
                "measurements": report.measurements,
                "targets": [{**asdict(t), "status": t.status} for t in report.targets],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    shutil.rmtree(RESULTS / "scratch", ignore_errors=True)
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    if failed:
        print(f"failed to run: {', '.join(failed)}")
    return 1 if failed or not all_met else 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: measure cjm against the tools and floors named in issue 8, in one run, and check the targets.

Absolute times on a shared machine drift; ratios measured side by side hold. So every comparison runs its
commands interleaved (A B C, B C A, ...), several times, and compares medians. The method is in
docs/benchmarks.md; the results go to bench/results/latest.json.

    python -m bench.run [--rounds N] [--maps N] [--only NAME ...]
"""

from __future__ import annotations

import argparse
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

from bench.generate import Corpus, write_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SCHEMA = ROOT / "schemas" / "journey.schema.json"
PYTHON = sys.executable
BIN = Path(sys.executable).parent
TIMEOUT = 600  # seconds for any one command: a hung tool must not hang the harness

# What each scaling measurement runs, `{map}` being the N-phase map and `{out}` a scratch path. Commands that are
# still being built elsewhere are skipped, with a line saying so, until they exist; adjust the arguments here when
# a command's interface settles.
SCALING_COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{map}"],
    "lint": ["lint", "{map}"],
    # impulse merges every interest and consideration phase: work that grows with the map (--auto changes nothing
    # on these maps, which already have the phases the rules add).
    "adapt": ["adapt", "{map}", "--rule", "impulse", "-o", "{out}.yaml"],
    "prioritise": ["prioritise", "{map}"],
    "render": ["render", "{map}", "-o", "{out}.svg"],
}
RENDER_DOT = ["render", "{map}", "--format", "dot", "-o", "{out}.dot"]  # how to get the DOT that render feeds dot
DOT_ALONE = ["dot", "-Tsvg", "{out}.dot", "-o", os.devnull]

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
IMPORTS_ONLY = "import typer, yaml, jsonschema, rich.console"


# --- running commands ------------------------------------------------------------------------------------------


@dataclass
class Command:
    """Something to time. `inprocess` commands are cjm arguments run warm by bench.inprocess."""

    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    env: dict[str, str] = field(default_factory=dict)
    max_runs: int | None = None  # slow baselines run fewer times
    inprocess: bool = False
    repeat: int = 3  # samples per call of an in-process command
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds (all processes) per sample, process commands only

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def full_argv(self) -> list[str]:
        if self.inprocess:
            return [PYTHON, "-m", "bench.inprocess", str(self.repeat), *self.argv]
        return self.argv

    def execute(self) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **self.env}
        return subprocess.run(self.full_argv(), cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT)

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
            if any(code not in self.ok_codes for code in report["exit_codes"]):
                raise Failed(self, done, report["exit_codes"])
            self.samples.extend(report["times"])
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
    """Run every command `rounds` times, rotating the order each round, after one untimed warm-up each."""
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
    peak_pss, rss_peaks = 0, {}
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

    @property
    def status(self) -> str:
        if self.value is None:
            return "skipped"
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


def many_files(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    maps = str(corpus.map_dir)
    commands = [
        Command("cjm validate", cjm("validate", maps)),
        Command("PyYAML C loader (floor)", [PYTHON, "-c", FLOOR_SCRIPT, maps]),
        Command(
            "PyYAML C loader + jsonschema",
            [PYTHON, "-c", JSONSCHEMA_SCRIPT, maps, str(SCHEMA)],
            max_runs=args.slow_rounds,
        ),
    ]
    targets = [
        Target("validate: check-jsonschema / cjm (same schema, same files)", "at least", 5),
        Target("validate: cjm / PyYAML C-loader parse floor", "at most", 2),
    ]
    check_jsonschema, yamllint = BIN / "check-jsonschema", BIN / "yamllint"
    if check_jsonschema.exists():
        commands.append(
            Command(
                "check-jsonschema",
                [str(check_jsonschema), "--schemafile", str(SCHEMA), *map(str, corpus.maps)],
                max_runs=args.slow_rounds,
            )
        )
    else:
        targets[0].note = "check-jsonschema not installed: run `make bench` (it installs the `bench` extra)"
    if yamllint.exists():
        commands.append(
            Command(
                "yamllint (relaxed)", [str(yamllint), "-d", "relaxed", maps], ok_codes=(0, 1), max_runs=args.slow_rounds
            )
        )
    report.targets.extend(targets)
    report.say(f"\n{len(corpus.maps):,} maps: interleaved runs (slow tools {args.slow_rounds} times) ...")
    interleaved(commands, args.rounds)
    report.record(*commands)
    by_name = {c.name: c for c in commands}
    ours = by_name["cjm validate"].median
    for command in commands:
        ratio = command.median / ours
        report.say(
            f"  {command.name:34} {_seconds(command.median):>9}  {ratio:6.2f}× cjm's time"
            + (f"  ({_cores_used(command):.1f} cores)" if _cores_used(command) else "")
        )
    if "check-jsonschema" in by_name:
        targets[0].value = by_name["check-jsonschema"].median / ours
    targets[1].value = ours / by_name["PyYAML C loader (floor)"].median


def cold_start(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    target = Target("cold start: `cjm validate one.yaml` / the imports alone", "at most", 1.0)
    report.targets.append(target)
    commands = [
        Command("cjm validate one.yaml", cjm("validate", str(corpus.maps[0]))),
        Command("import typer, yaml, jsonschema, rich.console", [PYTHON, "-c", IMPORTS_ONLY]),
    ]
    report.say("\nCold start: interleaved runs ...")
    interleaved(commands, args.rounds * 4)
    report.record(*commands)
    for command in commands:
        report.say(f"  {command.name:46} {_seconds(command.median):>9}")
    target.value = commands[0].median / commands[1].median


def parallel(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    cores = os.cpu_count() or 1
    target = Target(f"many files: 1 job / {cores} cores ({len(corpus.maps):,} maps)", "at least", 1.5)
    small = Target(f"few files: {cores} cores / 1 job (10 maps; no pool when it does not pay)", "at most", 1.1)
    report.targets.extend([target, small])
    if cores < 2:
        target.note = small.note = "one core: nothing to parallelise"
        return
    few = [str(path) for path in corpus.maps[:10]]
    many = f"{len(corpus.maps):,} maps"
    commands = [
        Command(f"validate {many}, 1 job", cjm("validate", str(corpus.map_dir)), env={"CJM_JOBS": "1"}),
        Command(f"validate {many}, auto", cjm("validate", str(corpus.map_dir))),
        Command("validate 10 maps, 1 job", cjm("validate", *few), env={"CJM_JOBS": "1"}),
        Command("validate 10 maps, auto", cjm("validate", *few)),
    ]
    report.say("\nBoth cores: interleaved runs ...")
    interleaved(commands, args.rounds)
    report.record(*commands)
    for command in commands:
        report.say(f"  {command.name:34} {_seconds(command.median):>9}  ({_cores_used(command):.1f} cores)")
    target.value = commands[0].median / commands[1].median
    small.value = commands[3].median / commands[2].median
    busy = _cores_used(commands[1])
    if busy is not None and busy < min(cores, 2) * 0.8:
        target.note = (
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


def scaling(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    report.say("\nScaling with the map (warm, in one process: the command's own work) ...")
    scratch = RESULTS / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    for name, template in SCALING_COMMANDS.items():
        target = Target(f"scaling: {name} 1,000 phases / 100 phases", "at most", 12)
        report.targets.append(target)
        if not command_exists(name):
            target.note = f"not available yet: no `cjm {name}` in this tree"
            report.say(f"  {name}: not available yet")
            continue
        commands = []
        for size in (10, 100, 1000):
            argv = [part.format(map=corpus.single[size], out=scratch / f"{name}-{size}") for part in template]
            commands.append(Command(f"{name} {size} phases", argv, ok_codes=(0, 1), inprocess=True))
        try:
            interleaved(commands, args.rounds)
        except (Failed, subprocess.TimeoutExpired) as err:
            target.note = f"could not run: {err}"
            report.say(f"  {name}: {target.note}")
            continue
        report.record(*commands)
        report.say("  " + ", ".join(f"{c.name} {_seconds(c.median)}" for c in commands))
        target.value = commands[2].median / commands[1].median


def render_vs_dot(report: Report, corpus: Corpus, args: argparse.Namespace) -> None:
    # "render's own overhead ... at most 1.3x the time dot alone takes": (render - dot) / dot. The plain ratio
    # render / dot is printed beside it.
    target = Target("render: own overhead (render - dot) / dot alone, same DOT, 100 phases", "at most", 1.3)
    report.targets.append(target)
    if not command_exists("render"):
        target.note = "not available yet: no `cjm render` in this tree"
        return
    scratch = RESULTS / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    out = scratch / "render-vs-dot"
    fill = [part.format(map=corpus.single[100], out=out) for part in RENDER_DOT]
    made = subprocess.run(cjm(*fill), cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    if made.returncode != 0 or not Path(f"{out}.dot").exists():
        target.note = (
            f"`cjm {' '.join(fill)}` gave no DOT (exit {made.returncode}); set RENDER_DOT in "
            "bench/run.py to the way render writes DOT"
        )
        return
    render = Command(
        "cjm render 100 phases",
        [p.format(map=corpus.single[100], out=out) for p in SCALING_COMMANDS["render"]],
        inprocess=True,
    )
    dot = Command("dot alone, same DOT", [p.format(out=out) for p in DOT_ALONE])
    report.say("\nRender against dot alone ...")
    interleaved([render, dot], args.rounds)
    report.record(render, dot)
    report.say(
        f"  cjm render {_seconds(render.median)}, dot alone {_seconds(dot.median)}: render takes "
        f"{render.median / dot.median:.2f}× dot's time, its own work {(render.median - dot.median) / dot.median:.2f}×"
    )
    target.value = (render.median - dot.median) / dot.median


MEASUREMENTS: dict[str, Measurement] = {
    "many-files": many_files,
    "cold-start": cold_start,
    "parallel": parallel,
    "memory": memory,
    "scaling": scaling,
    "render": render_vs_dot,
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
            "yamllint": version([str(BIN / "yamllint"), "--version"]),
            "dot": version(["dot", "-V"]),
        },
    }


def print_targets(report: Report) -> None:
    report.say("\nTargets (each a ratio measured in this run):")
    width = max(len(t.name) for t in report.targets)
    for t in report.targets:
        value = "—" if t.value is None else (f"{t.value:.0f}{t.unit}" if t.unit == " MB" else f"{t.value:.2f}{t.unit}")
        limit = f"{t.wanted} {t.limit:g}{t.unit}"
        line = f"  {t.name:{width}}  {value:>8}  {limit:>13}  {t.status}"
        report.say(line + (f"  ({t.note})" if t.note else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each command (default 5)")
    parser.add_argument("--slow-rounds", type=int, default=3, help="runs of the slow tools (default 3)")
    parser.add_argument("--maps", type=int, default=1000, help="maps in the many-files corpus (default 1000)")
    parser.add_argument("--only", nargs="+", choices=list(MEASUREMENTS), help="run only these measurements")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)

    started = time.time()
    corpus = write_corpus(ROOT / "bench" / "corpus", count=args.maps)
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
    info["load_average_at_end"] = os.getloadavg()
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
    return 1 if failed or any(t.status == "MISSED" for t in report.targets) else 0


if __name__ == "__main__":
    sys.exit(main())

"""A fuzz target for the one loader and everything behind it (schema, references, model, lint).

    make fuzz                        # coverage-guided with atheris, for FUZZ_SECONDS (default 300)
    python -m fuzz.loader --seconds 60 --plain   # the same target, with the plain mutator below

Every input must give data or located problems: any exception, a problem without a position, or an input that
takes more than a second is a finding. The test suite runs a short deterministic round of the plain mutator.
"""

from __future__ import annotations

import argparse
import functools
import random
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from cjm.io.loader import Limits, load_yaml
from cjm.lint.engine import lint_result
from cjm.lint.rule_settings import Settings, settings_for
from cjm.validation.check import check_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [*sorted((ROOT / "tests" / "data" / "yaml-test-suite").glob("*/*.yaml")), *sorted(ROOT.glob("samples/*.yaml"))]
FINDINGS = ROOT / "fuzz" / "findings"
# Small limits, so that the fuzzer explores the limit checks too, not only big inputs.
LIMITS = Limits(max_bytes=200_000, max_depth=20, max_nodes=20_000, max_alias_nodes=2_000)
TOKENS = [
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!x ",
    b"? ",
    b"|\n",
    b">-\n",
    b"'",
    b'"',
    b"#",
    b"\n",
    b"  ",
    b"\t",
    b"---\n",
    b"...\n",
    b"<<: *a\n",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\x00",
    b"id: x\n",
    b"phases:\n",
    b"- id: p\n  name: \xe8\xaa\x8d\n  kind: awareness\n",
    b"cjm: 1\n",
    b"%YAML 1.2\n",
    b"\\",
]


class TooSlow(Exception):
    pass


@functools.cache
def _settings() -> Settings:
    return settings_for(str(ROOT / "fuzz.yaml"))


def one_input(data: bytes) -> None:
    """The target: load, validate and lint one input. Raises on any finding."""
    doc = load_yaml(data, "fuzz.yaml", LIMITS)
    result = check_document(doc)
    for problem in result.problems:
        if problem.line < 1 or problem.col < 1 or not problem.message:
            raise AssertionError(f"problem without a position or message: {problem}")
    if result.journey is not None:
        lint_result(result, _settings(), fix=False, path="fuzz.yaml")


def mutations(rng: random.Random) -> Iterator[bytes]:
    """Plain mutations of the seeds: flips, token insertions, deletions and splices."""
    seeds = [path.read_bytes() for path in SEEDS]
    maps = [path.read_bytes() for path in SEEDS if path.parent.name == "samples"]
    while True:
        # Half the time a real map, so that mutations reach the schema, references and lint, not only the parser.
        from_map = rng.random() < 0.5
        data = bytearray(rng.choice(maps if from_map else seeds))
        for _ in range(rng.randint(1, 2 if from_map else 8)):
            where = rng.randint(0, len(data))
            choice = rng.random()
            if choice < 0.3 and data:
                data[min(where, len(data) - 1)] = rng.randrange(256) if rng.random() < 0.1 else rng.randrange(32, 127)
            elif choice < 0.6:
                data[where:where] = rng.choice(TOKENS)
            elif choice < 0.8:
                del data[where : where + rng.randint(1, 16)]
            else:
                other = rng.choice(seeds)
                start = rng.randint(0, len(other))
                data[where:where] = other[start : start + rng.randint(1, 200)]
        yield bytes(data)


def run_plain(seconds: float | None = None, count: int | None = None, seed: int = 0) -> int:
    """Run the plain mutator for a time or a count; returns how many inputs were tried."""
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _too_slow)
    deadline = time.monotonic() + seconds if seconds else None
    tried = 0
    for data in mutations(rng):
        if (count is not None and tried >= count) or (deadline and time.monotonic() > deadline):
            break
        signal.alarm(2)
        try:
            one_input(data)
        except Exception as err:
            FINDINGS.mkdir(exist_ok=True)
            path = FINDINGS / f"crash-{seed}-{tried}.yaml"
            path.write_bytes(data)
            raise AssertionError(f"finding on input {tried} (saved to {path}): {type(err).__name__}: {err}") from err
        finally:
            signal.alarm(0)
        tried += 1
    return tried


def _too_slow(signum: int, frame: object) -> None:
    raise TooSlow("one input took more than two seconds")


def run_atheris(seconds: int) -> None:
    import atheris

    atheris.instrument_all()  # coverage feedback from every loaded module: the loader, schema, lint
    corpus = ROOT / "fuzz" / "corpus"
    corpus.mkdir(exist_ok=True)
    for path in SEEDS:
        (corpus / path.name).write_bytes(path.read_bytes())
    atheris.Setup(
        [sys.argv[0], str(corpus), f"-max_total_time={seconds}", "-timeout=2", "-rss_limit_mb=1024"], one_input
    )
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--plain", action="store_true", help="use the plain mutator instead of atheris")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    if args.plain:
        tried = run_plain(seconds=args.seconds, seed=args.seed)
        print(f"{tried} inputs, no finding (seed {args.seed})")
    else:
        run_atheris(args.seconds)


if __name__ == "__main__":
    main()

"""`validate`: YAML, duplicate keys, the schema and references, for one map or many. No printing here."""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from cjm.core.codes import LIMIT, UNREADABLE
from cjm.core.document import Document
from cjm.core.errors import CjmError
from cjm.core.model import Journey, build_journey
from cjm.core.problem import MAX_REPEATS, Problem, Severity, cap_repeats
from cjm.io.files import STDIN, Exclude, ReadError, Snapshot, expand, read_file, read_stream
from cjm.io.loader import DEFAULT_LIMITS, Limits, load_yaml
from cjm.io.process import tune_worker_collector
from cjm.validation.references import check_references
from cjm.validation.schema import check_schema

T = TypeVar("T")


@dataclass
class Result:
    """What checking one file found. `unreadable` files (missing, a directory, no permission) make exit code 2."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    document: Document | None = None
    journey: Journey | None = None
    unreadable: bool = False
    snapshot: Snapshot | None = None  # the file as it was read, for a later in-place write (None: standard input)

    @property
    def ok(self) -> bool:
        return not self.unreadable and not any(p.severity is Severity.ERROR for p in self.problems)


# A command that needs a valid map (diff, prioritise, render, adapt) tells why one is not with at most this many of
# its schema problems, as many as a report lists of one kind: explaining 200,000 unknown keys takes far longer than
# finding them, and `cjm validate` tells them all.
FIRST_PROBLEMS = MAX_REPEATS


def check_document(doc: Document, first: int | None = None) -> Result:
    """Schema and references for a loaded document; builds the journey model when the map is valid. The problems
    come in order, at most `MAX_REPEATS` of a kind (`cap_repeats`). With `first`, a map that breaks the schema
    has only its first that many schema problems explained."""
    result = Result(doc.source, list(doc.problems), doc)
    _check(result, doc, first)
    result.problems = cap_repeats(result.problems)
    return result


def _check(result: Result, doc: Document, first: int | None) -> None:
    if doc.data is None or not doc.ok:
        return
    schema_problems = check_schema(doc, first)
    result.problems.extend(schema_problems)
    if schema_problems:
        return
    journey = build_journey(doc)
    reference_problems = check_references(journey)
    result.problems.extend(reference_problems)
    if not reference_problems:
        result.journey = journey


def check_text(raw: bytes | str, source: str, limits: Limits = DEFAULT_LIMITS, first: int | None = None) -> Result:
    return check_document(load_yaml(raw, source, limits), first)


def read_source(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes | Problem:
    """The bytes of a map file (or stdin), or the problem that makes it unreadable (through the one bounded reader,
    `cjm.io.files`)."""
    raw = read_map(path, limits)
    return raw if isinstance(raw, Problem) else raw[0]


def read_map(path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, Snapshot | None] | Problem:
    """`read_source`, with a snapshot of the file as it was read (None for standard input)."""
    try:
        if path == STDIN:
            return read_stream(sys.stdin.buffer, display_name(path), limits.max_bytes), None
        if os.path.isdir(path):
            return Problem(path, 1, 1, UNREADABLE, "is a directory with no .yaml or .yml files")
        return read_file(path, limits.max_bytes)
    except ReadError as err:
        return Problem(display_name(path), 1, 1, LIMIT if err.too_large else UNREADABLE, err.reason)


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def check_file(
    path: str, limits: Limits = DEFAULT_LIMITS, first: int | None = None, *, stdin_name: str | None = None
) -> Result:
    """Read and check one map file; `stdin_name` names standard input in the problems (`--stdin-filename`)."""
    read = read_map(path, limits)
    name = stdin_name if path == STDIN and stdin_name else display_name(path)
    if isinstance(read, Problem):
        read = dataclasses.replace(read, file=name)
        return Result(name, [read], unreadable=read.code == UNREADABLE)  # over the limit: a finding
    result = check_text(read[0], name, limits, first)
    result.snapshot = read[1]
    return result


def check_paths(
    paths: Iterable[str],
    limits: Limits = DEFAULT_LIMITS,
    exclude: Exclude = Exclude(),
    *,
    keep: bool = True,
    jobs: int | None = None,
    first: int | None = None,
) -> Iterator[Result]:
    """Check every map the paths name, in order; a broken file is a result like any other and the run goes on.

    With `keep=False` the results carry only their problems (no document or journey: those cannot leave the
    process that built them), which lets many files be checked by several processes at once. `jobs` is how many:
    None picks as many as pay for the number of files and the cores there are, 1 checks here.
    """
    yield from check_files(list(expand(paths, exclude)), limits, keep=keep, jobs=jobs, first=first)


def check_files(
    files: Sequence[str],
    limits: Limits = DEFAULT_LIMITS,
    *,
    keep: bool = True,
    jobs: int | None = None,
    first: int | None = None,
    stdin_name: str | None = None,
) -> Iterator[Result]:
    """`check_paths` for files already found (by `cjm.io.files.expand`)."""
    if keep:
        for path in files:
            yield check_file(path, limits, first, stdin_name=stdin_name)
        return
    yield from in_pool(functools.partial(_check_problems_only, limits=limits, stdin_name=stdin_name), files, jobs)


def in_pool(work: Callable[[str], T], files: Sequence[str], jobs: int | None) -> Iterator[T]:
    """`work(file)` for every file, in the files' order, in `jobs` processes (None or 0: as many as pay for the
    number of files and the cores there are; never more than files). `work` and its results must cross processes:
    a module-level function (or a partial of one) returning plain data."""
    workers = _workers(len(files), jobs, STDIN in files)
    if workers > 1:
        yield from _pool_map(work, files, workers)
        return
    for path in files:
        yield work(path)


# Below this many files per process, starting processes costs more than it saves (measured with fork, on Linux:
# docs/benchmarks.md). Where processes are spawned (macOS, Windows) each worker imports cjm again, which takes many
# more files' checking to pay back: an estimate, not measured.
MIN_FILES_PER_JOB = 32
MIN_FILES_PER_SPAWNED_JOB = 256


def _workers(files: int, jobs: int | None, reads_stdin: bool) -> int:
    if jobs is not None and jobs < 0:
        raise CjmError(f"--jobs must be 0 (automatic) or more, not {jobs}")
    if reads_stdin:
        return 1
    if jobs:
        return max(1, min(jobs, files))  # a worker without a file only costs a process
    if files < 2 * MIN_FILES_PER_JOB:
        return 1  # decided without importing multiprocessing, which a one-file run would notice
    per_job = MIN_FILES_PER_JOB if _can_fork() else MIN_FILES_PER_SPAWNED_JOB
    return max(1, min(_usable_cores(), files // per_job))


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pool_map(work: Callable[[str], T], files: Sequence[str], workers: int) -> Iterator[T]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts a worker in milliseconds with everything already imported; spawn (macOS, Windows) imports again.
    context = multiprocessing.get_context("fork" if _can_fork() else None)
    # A worker is a process of its own: it takes the collector policy of a command line run (a forked one has it
    # already, with the parent's frozen objects left shared).
    with ProcessPoolExecutor(workers, mp_context=context, initializer=tune_worker_collector) as pool:
        chunk = max(1, min(64, len(files) // (workers * 8)))
        yield from pool.map(work, files, chunksize=chunk)


def _check_problems_only(path: str, limits: Limits, stdin_name: str | None = None) -> Result:
    result = check_file(path, limits, stdin_name=stdin_name)
    result.document = result.journey = None
    return result

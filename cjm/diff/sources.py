"""Where the two versions of a map come from: two files, or a git revision and the working tree."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from cjm.core.codes import LIMIT, UNREADABLE
from cjm.core.errors import CjmError
from cjm.core.model import Journey
from cjm.core.problem import Problem
from cjm.diff.changes import Change, MapDiff, low_point_changes, sort_changes
from cjm.diff.compare import Ranking, diff_journeys
from cjm.diff.ranking import roadmap_ranking
from cjm.io.config import Configuration
from cjm.io.files import MAP_SUFFIXES, MAX_BYTES, ReadError, read_bytes, run_bounded
from cjm.validation.check import FIRST_PROBLEMS, check_text, display_name, read_source

_LOOKS_LIKE_A_MAP = re.compile(rb"^cjm\s*:", re.M)


class MapError(CjmError):
    """One version of a map is not a valid map; `problems` say where and why."""

    def __init__(self, source: str, problems: list[Problem], first: int | None = None) -> None:
        count = sum(problem.count for problem in problems)  # a capped report's note stands for those left out
        if first is not None and count >= first:
            told = f"its first {count} problems shown; run `cjm validate` on it for all"
        else:
            told = f"{count} problem{'s' if count != 1 else ''}; run `cjm validate` on it"
        super().__init__(f"{source}: not a valid map ({told})")
        self.source = source
        self.problems = problems


@dataclass
class Comparison:
    """What one `cjm diff` found: the changes of each map compared, and the maps that could not be read."""

    results: list[MapDiff] = field(default_factory=list)
    errors: list[MapError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(result.changed for result in self.results)

    def add(self, outcome: MapDiff | MapError) -> None:
        if isinstance(outcome, MapError):
            self.errors.append(outcome)
        else:
            self.results.append(outcome)


def load_journey(raw: bytes, source: str) -> Journey:
    """The journey in `raw`; `MapError` with its (first) problems when it is not a valid map."""
    result = check_text(raw, source, first=FIRST_PROBLEMS)
    if result.journey is None:
        raise MapError(source, result.problems, FIRST_PROBLEMS)
    return result.journey


def diff_files(old_path: str, new_path: str, *, scores: bool = True, config: Configuration | None = None) -> MapDiff:
    """Compare two map files. `scores`: also compare initiatives' priority scores and roadmap stages, with the
    prioritise settings `config` gives the new map (default: its nearest configuration)."""
    journeys = []
    for path in (old_path, new_path):
        raw = read_source(path)
        if isinstance(raw, Problem):
            raise CjmError(f"{raw.file}:{raw.line}:{raw.col}: {raw.code} {raw.message}")
        journeys.append(load_journey(raw, display_name(path)))
    return _with_low_points(diff_journeys(*journeys, ranking=_ranking(new_path, scores, config)), *journeys)


@dataclass(frozen=True)
class GitChanges:
    """The YAML files changed between a revision and the working tree: (path at the revision, path in the working
    tree, relative to `cwd`) pairs, None where the file does not exist on that side."""

    revision: str
    pairs: list[tuple[str | None, str | None]]
    cwd: str = "."

    @property
    def working_files(self) -> list[str]:
        """The working-tree files the comparison reads (so that no output replaces one of them)."""
        return [new for _, new in self.pairs if new]


def git_changes(revision: str, paths: list[str], *, cwd: str = ".") -> GitChanges:
    """The YAML files changed since `revision` under `paths` (all of the repository when empty), in path order."""
    root = _git(["rev-parse", "--show-toplevel"], cwd).decode("utf-8").strip()
    if revision.startswith("-"):
        raise CjmError(f"'{revision}' is not a revision; name a branch, tag or commit (for example origin/main)")
    if not _git_ok(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], cwd):
        raise CjmError(
            f"unknown revision '{revision}'; name a branch, tag or commit that exists here "
            "(in CI, fetch it first: `git fetch origin main`)"
        )
    listing = _git(
        [
            "-c",
            "core.quotepath=off",
            "diff",
            "--name-status",
            "-z",
            "-M",
            "--no-ext-diff",
            "--end-of-options",
            revision,
            "--",
            *(paths or ["."]),
        ],
        cwd,
    )
    pairs = []
    for old_path, new_path in sorted(_parse_name_status(listing), key=lambda pair: pair[1] or pair[0] or ""):
        if any(p.endswith(MAP_SUFFIXES) for p in (old_path, new_path) if p):
            pairs.append((old_path, os.path.relpath(os.path.join(root, new_path), cwd) if new_path else None))
    return GitChanges(revision, pairs, cwd)


def diff_git(
    revision: str | GitChanges,
    paths: Sequence[str] = (),
    *,
    scores: bool = True,
    cwd: str = ".",
    config: Configuration | None = None,
) -> Iterator[MapDiff | MapError]:
    """Every map changed between `revision` and the working tree, under `paths` (all of the repository when
    empty), in path order; or the changes `git_changes` listed. YAML files that are not maps on either side are
    left out; a version that is not a valid map comes as a `MapError`, and the others still follow."""
    changes = revision if isinstance(revision, GitChanges) else git_changes(revision, list(paths), cwd=cwd)
    config = config or Configuration()
    for old_path, new_file in changes.pairs:
        old_name = f"{changes.revision}:{old_path}" if old_path else None
        try:
            old_raw = _blob(old_name, changes.cwd) if old_name else None
            new_raw = _read(new_file) if new_file else None
        except ReadError as err:
            yield MapError(err.path, [Problem(err.path, 1, 1, LIMIT if err.too_large else UNREADABLE, err.reason)])
            continue
        if not (_is_map(old_raw) or _is_map(new_raw)):
            continue
        try:
            yield _compare(old_raw, old_name, new_raw, new_file, ranking=_ranking(new_file or ".", scores, config))
        except MapError as err:
            yield err


def _compare(
    old_raw: bytes | None, old_name: str | None, new_raw: bytes | None, new_name: str | None, *, ranking: Ranking | None
) -> MapDiff:
    old = load_journey(old_raw, old_name) if old_raw is not None and old_name else None
    new = load_journey(new_raw, new_name) if new_raw is not None and new_name else None
    if old and new:
        return _with_low_points(diff_journeys(old, new, ranking=ranking), old, new)
    journey = new or old
    assert journey is not None
    status = "added" if new else "removed"
    result = MapDiff(old_name, new_name, status, [Change("map", status, journey.id, journey.title)])
    result.phase_names = {p.id: p.name for p in journey.phases}
    return result


def _ranking(config_from: str, wanted: bool, config: Configuration | None) -> Ranking | None:
    if not wanted:
        return None

    return roadmap_ranking((config or Configuration()).for_path(config_from))


def _is_map(raw: bytes | None) -> bool:
    """A version is a map when it says `cjm:` at the top level (checked on the text, so a broken map counts)."""
    return raw is not None and bool(_LOOKS_LIKE_A_MAP.search(raw))


def _read(path: str) -> bytes | None:
    """A working-tree file through the bounded reader; None when it is gone."""
    if not os.path.lexists(path):
        return None
    return read_bytes(path)


def _blob(name: str, cwd: str) -> bytes:
    """A file at a revision (`rev:path`), read from git up to the size limit of a map."""
    code, output, errors = _run(["cat-file", "blob", name], cwd, MAX_BYTES, name)
    if code != 0:
        raise CjmError(f"git cat-file failed for {name}: {_first_line(errors, code)}")
    return output


def _parse_name_status(listing: bytes) -> Iterator[tuple[str | None, str | None]]:
    """(path at the revision, path in the working tree) from `git diff --name-status -z -M`; None where the
    file does not exist on that side."""
    fields = listing.decode("utf-8", "surrogateescape").split("\0")
    position = 0
    while position < len(fields) and fields[position]:
        status = fields[position][0]
        if status == "R":  # renamed: two paths follow
            yield fields[position + 1], fields[position + 2]
            position += 3
            continue
        path = fields[position + 1]
        position += 2
        yield None if status == "A" else path, None if status == "D" else path


# git's own answers (a revision, a list of changed files) are small; this only stops a runaway.
_LISTING_BYTES = 8 * MAX_BYTES


def _run(args: list[str], cwd: str, limit: int, name: str | None = None) -> tuple[int, bytes, bytes]:
    try:
        return run_bounded(["git", *args], cwd, limit)
    except FileNotFoundError:
        raise CjmError("git is not installed or not on PATH; `cjm diff --git` needs it") from None
    except ReadError as err:
        raise ReadError(name or err.path, err.reason, too_large=err.too_large) from None


def _first_line(errors: bytes, code: int) -> str:
    message = errors.decode("utf-8", "replace").strip().splitlines()
    return (message[0] if message else f"exit code {code}").removeprefix("fatal: ")


def _git(args: list[str], cwd: str) -> bytes:
    code, output, errors = _run(args, cwd, _LISTING_BYTES)
    if code != 0:
        first = _first_line(errors, code)
        if "not a git repository" in first:
            raise CjmError(
                "not inside a git repository; run `cjm diff --git` in a clone, or compare two files "
                "with `cjm diff OLD NEW`"
            )
        raise CjmError(f"git {args[0]} failed: {first}")
    return output


def _git_ok(args: list[str], cwd: str) -> bool:
    return _run(args, cwd, _LISTING_BYTES)[0] == 0


def _with_low_points(result: MapDiff, old: Journey, new: Journey) -> MapDiff:
    """The diff with the low points that appeared, moved or vanished (`cjm.diff.changes.low_point_changes`)."""
    result.changes = sort_changes([*result.changes, *low_point_changes(old, new)])
    return result

"""Where the two versions of a map come from: two files, or a git revision and the working tree."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator

from cjm.diff.changes import Change, MapDiff
from cjm.diff.compare import Ranking, diff_journeys
from cjm.errors import CjmError
from cjm.files import MAP_SUFFIXES
from cjm.model import Journey
from cjm.problem import Problem

_LOOKS_LIKE_A_MAP = re.compile(rb"^cjm\s*:", re.M)


class MapError(CjmError):
    """One version of a map is not a valid map; `problems` say where and why."""

    def __init__(self, source: str, problems: list[Problem], first: int | None = None) -> None:
        if first is not None and len(problems) >= first:
            told = f"its first {len(problems)} problems shown; run `cjm validate` on it for all"
        else:
            told = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}; run `cjm validate` on it"
        super().__init__(f"{source}: not a valid map ({told})")
        self.source = source
        self.problems = problems


# A diff needs a valid map; of an invalid one it tells why with this many of its schema problems at most
# (`cjm validate` tells them all).
FIRST_PROBLEMS = 20


def load_journey(raw: bytes, source: str) -> Journey:
    """The journey in `raw`; `MapError` with its (first) problems when it is not a valid map."""
    from cjm.validate import check_text

    result = check_text(raw, source, first=FIRST_PROBLEMS)
    if result.journey is None:
        raise MapError(source, result.problems, FIRST_PROBLEMS)
    return result.journey


def diff_files(old_path: str, new_path: str, *, scores: bool = True) -> MapDiff:
    """Compare two map files. `scores`: also compare initiatives' priority scores and roadmap stages."""
    from cjm.validate import display_name, read_source

    journeys = []
    for path in (old_path, new_path):
        raw = read_source(path)
        if isinstance(raw, Problem):
            raise CjmError(f"{display_name(path)}: {raw.message}")
        journeys.append(load_journey(raw, display_name(path)))
    return diff_journeys(*journeys, ranking=_ranking(new_path, scores))


def diff_git(revision: str, paths: list[str], *, scores: bool = True, cwd: str = ".") -> Iterator[MapDiff | MapError]:
    """Every map changed between `revision` and the working tree, under `paths` (all of the repository when
    empty), in path order. YAML files that are not maps on either side are left out; a version that is not a
    valid map comes as a `MapError`, and the others still follow."""
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
    for old_path, new_path in sorted(_parse_name_status(listing), key=lambda pair: pair[1] or pair[0] or ""):
        if not any(p.endswith(MAP_SUFFIXES) for p in (old_path, new_path) if p):
            continue
        old_raw = _git(["cat-file", "blob", f"{revision}:{old_path}"], cwd) if old_path else None
        new_file = os.path.relpath(os.path.join(root, new_path), cwd) if new_path else None
        new_raw = _read(new_file) if new_file else None
        if not (_is_map(old_raw) or _is_map(new_raw)):
            continue
        old_name = f"{revision}:{old_path}" if old_path else None
        try:
            yield _compare(old_raw, old_name, new_raw, new_file, ranking=_ranking(new_file or ".", scores))
        except MapError as err:
            yield err


def _compare(
    old_raw: bytes | None, old_name: str | None, new_raw: bytes | None, new_name: str | None, *, ranking: Ranking | None
) -> MapDiff:
    old = load_journey(old_raw, old_name) if old_raw is not None and old_name else None
    new = load_journey(new_raw, new_name) if new_raw is not None and new_name else None
    if old and new:
        return diff_journeys(old, new, ranking=ranking)
    journey = new or old
    assert journey is not None
    status = "added" if new else "removed"
    result = MapDiff(old_name, new_name, status, [Change("map", status, journey.id, journey.title)])
    result.phase_names = {p.id: p.name for p in journey.phases}
    return result


def _ranking(config_from: str, wanted: bool) -> Ranking | None:
    if not wanted:
        return None
    from cjm.diff.ranking import roadmap_ranking

    return roadmap_ranking(config_from)


def _is_map(raw: bytes | None) -> bool:
    """A version is a map when it says `cjm:` at the top level (checked on the text, so a broken map counts)."""
    return raw is not None and bool(_LOOKS_LIKE_A_MAP.search(raw))


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise CjmError(f"{path}: cannot be read: {err.strerror or err}") from None


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


def _git(args: list[str], cwd: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise CjmError("git is not installed or not on PATH; `cjm diff --git` needs it") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = message[0] if message else f"exit code {done.returncode}"
        if "not a git repository" in first:
            raise CjmError(
                "not inside a git repository; run `cjm diff --git` in a clone, or compare two files "
                "with `cjm diff OLD NEW`"
            )
        raise CjmError(f"git {args[0]} failed: {first.removeprefix('fatal: ')}")
    return done.stdout


def _git_ok(args: list[str], cwd: str) -> bool:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False).returncode == 0

"""`cjm diff`: what changed between two versions of a map, matched by id rather than by position.

Use it like this::

    from cjm.diff import diff_files, diff_git

    result = diff_files("old.yaml", "new.yaml")          # a MapDiff; CjmError when a file is not a valid map
    for change in result.changes:                         # Change: target, action, id, label, fields, ...
        print(change.target, change.action, change.id)
    for result in diff_git("origin/main", ["maps/"]):      # every map changed since a revision
        ...

`diff_journeys(old, new)` compares two loaded journeys; a `Comparison` holds what one run found (the `MapDiff`s
and the `MapError`s), which `cjm.output.diff` writes as text, JSON and Markdown. The library never prints; problems
that make a map unreadable are raised as `MapError`, which carries them.
"""

from cjm.diff.changes import ACTIONS, TARGETS, Change, FieldChange, MapDiff
from cjm.diff.compare import diff_journeys, match_items
from cjm.diff.sources import Comparison, MapError, diff_files, diff_git, load_journey

__all__ = [
    "ACTIONS",
    "TARGETS",
    "Change",
    "Comparison",
    "FieldChange",
    "MapDiff",
    "MapError",
    "diff_files",
    "diff_git",
    "diff_journeys",
    "load_journey",
    "match_items",
]

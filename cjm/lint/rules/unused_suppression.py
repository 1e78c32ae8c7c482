"""A suppression comment that silences nothing.

`# cjm: disable=CODE` silences findings on its line (or, on a line of its own, on the next line) and
`# cjm: disable-file=CODE` silences them in the whole file. When the map changes and the finding goes away, the
comment stays behind and would hide the next real finding there; a code that names no rule is a typo that
silences nothing. Maps are revised, never finished: keep their suppressions honest. Suppressions of rules that
did not run (narrowed with `--select`, or ignored) are not reported.

Fails:

```yaml
phases:
  - id: awareness  # cjm: disable=CJM102 -- actions come from the June interviews
    name: Awareness
    kind: awareness
    actions: [Sees an Instagram post]
```

Passes:

```yaml
phases:
  - id: awareness  # cjm: disable=CJM102 -- actions come from the June interviews
    name: Awareness
    kind: awareness
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM100"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Nothing here: the engine reports unused suppressions, since only it knows what they silenced."""
    return iter(())

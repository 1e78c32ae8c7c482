"""Initiative scores and roadmap stages for `cjm diff`, computed by `cjm.prioritise` with the settings
`cjm prioritise` would use for the map (`[tool.cjm.prioritise]`), so the diff agrees with the roadmap."""

from __future__ import annotations

from cjm.core.errors import CjmError
from cjm.core.model import Journey
from cjm.diff.compare import Ranking
from cjm.io.config import Config
from cjm.prioritise import prioritise, settings_from_config


def roadmap_ranking(config: Config) -> Ranking:
    """A `Ranking` using the configuration that applies to the maps compared."""
    settings = settings_from_config(config)

    def positions(journey: Journey) -> dict[str, tuple[float, int]] | None:
        try:
            roadmap = prioritise([journey], model=settings.model, capacity=settings.capacity)
        except CjmError:  # inputs the preset needs are missing: the diff goes on without scores
            return None
        return {r.id: (r.score, r.stage) for r in roadmap.initiatives}

    return positions
